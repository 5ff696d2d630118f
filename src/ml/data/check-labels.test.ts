import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { checkLabels, encodeLabels } from "./check-labels.js";
import { checkMatrix } from "./check-matrix.js";

describe("checkLabels", () => {
  it("returns the sorted classes", () => {
    expect(checkLabels([3, 1, 3, 2])).toEqual([1, 2, 3]);
    expect(encodeLabels([3, 1, 3, 2], [1, 2, 3])).toEqual([2, 0, 2, 1]);
  });
  it("rejects a label column with only one class", () => {
    expect(() => checkLabels([1, 1, 1])).toThrow(QforgeError);
    expect(() => checkLabels([1, 1, 1])).toThrow(/only one class \(label 1 in all 3 samples\)/);
  });
  it("rejects non-finite labels", () => {
    expect(() => checkLabels([0, NaN])).toThrow(/y\[1\] is NaN/);
  });
});

describe("checkMatrix", () => {
  it("names the first bad entry", () => {
    expect(
      checkMatrix([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ rows: 2, cols: 2 });
    expect(() => checkMatrix([[1, 2], [3]])).toThrow(/row 1 has 1 values but row 0 has 2/);
    expect(() =>
      checkMatrix([
        [1, 2],
        [3, Infinity],
      ]),
    ).toThrow(/X\[1\]\[1\] is Infinity/);
    expect(() => checkMatrix([])).toThrow(/non-empty/);
  });
});
