import { describe, expect, it } from "vitest";
import { confusionMatrix } from "./confusion-matrix.js";

describe("confusionMatrix", () => {
  it("puts true labels on rows and predictions on columns, labels sorted", () => {
    const cm = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
    // Hand count: true 0 → pred 0 twice; true 1 → pred 2 once; true 2 → pred 0 once, pred 2 twice.
    expect(cm.labels).toEqual([0, 1, 2]);
    expect(cm.matrix).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });
  it("follows a given label order and leaves other labels out", () => {
    const cm = confusionMatrix([1, 0, 1, 5], [1, 1, 0, 5], { labels: [1, 0] });
    expect(cm.matrix).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });
});
