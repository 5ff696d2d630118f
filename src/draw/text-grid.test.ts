import { describe, expect, it } from "vitest";
import { TextGrid } from "./text-grid.js";

describe("TextGrid", () => {
  it("merges arms into box-drawing characters", () => {
    const g = new TextGrid(1, 8);
    g.addArms(0, 0, 1, 1, 1, 1);
    g.addArms(0, 1, 0, 1, 1, 1);
    g.addArms(0, 2, 1, 0, 0, 1);
    g.addArms(0, 2, 0, 1, 0, 1); // └ + ┌ = ├
    g.addArms(0, 3, 2, 2, 1, 1);
    g.addArms(0, 4, 2, 0, 2, 2);
    g.addArms(0, 5, 0, 2, 1, 1);
    g.addArms(0, 6, 2, 2, 2, 2);
    expect(g.lines()).toEqual(["┼┬├╫╩╥╬ "]);
  });

  it("draws vertical lines with open ends and lets glyphs win", () => {
    const g = new TextGrid(4, 1);
    g.vline(0, 0, 3, 1);
    g.text(3, 0, "■");
    expect(g.lines()).toEqual(["│", "│", "│", "■"]);
  });

  it("uses the heavier weight where no character mixes them", () => {
    const g = new TextGrid(1, 1);
    g.addArms(0, 0, 2, 1, 0, 0);
    expect(g.lines()).toEqual(["║"]);
  });

  it("writes soft text only into empty cells and clears rectangles", () => {
    const g = new TextGrid(2, 3);
    g.addArms(0, 0, 0, 0, 1, 1);
    g.softText(0, 0, "ab");
    g.text(1, 0, "xyz");
    g.clear(1, 1, 1, 1);
    expect(g.lines()).toEqual(["─b ", "x z"]);
    expect(g.isEmpty(0, 2)).toBe(true);
    expect(g.isEmpty(5, 5)).toBe(false);
  });
});
