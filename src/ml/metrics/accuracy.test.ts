import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { accuracy } from "./accuracy.js";

describe("accuracy", () => {
  it("counts exact matches", () => {
    expect(accuracy([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.75);
    expect(accuracy([2, 2, 3], [2, 2, 3])).toBe(1);
  });
  it("rejects length mismatches and non-finite values", () => {
    expect(() => accuracy([0, 1], [0])).toThrow(QforgeError);
    expect(() => accuracy([0, NaN], [0, 1])).toThrow(/yTrue\[1\]/);
  });
});
