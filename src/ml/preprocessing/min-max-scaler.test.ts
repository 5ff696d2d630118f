import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { MinMaxScaler } from "./min-max-scaler.js";

describe("MinMaxScaler", () => {
  const X = [
    [2, -1, 3],
    [4, 1, 3],
    [6, 0, 3],
  ];

  it("maps each column's min to lo and max to hi (default [0, 1])", () => {
    const s = new MinMaxScaler().fit(X);
    expect(s.dataMin).toEqual([2, -1, 3]);
    expect(s.dataMax).toEqual([6, 1, 3]);
    expect(s.transform(X)).toEqual([
      [0, 0, 0],
      [0.5, 1, 0],
      [1, 0.5, 0],
    ]);
  });

  it("supports other ranges, values outside the training range and the inverse", () => {
    const s = new MinMaxScaler([-1, 1]).fit(X);
    const Z = s.transform([[8, 2, 3]]);
    expect(Z[0]![0]).toBeCloseTo(2, 15); // (8 - 2) / 4 · 2 − 1
    expect(Z[0]![1]).toBeCloseTo(2, 15);
    expect(Z[0]![2]).toBe(-1); // constant column maps to lo
    const back = s.inverseTransform(s.transform(X));
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(X[i]![j]!, 14)));
    const angles = new MinMaxScaler([0, Math.PI]).fitTransform(X);
    expect(angles[2]![0]).toBeCloseTo(Math.PI, 15);
  });

  it("rejects a bad range and round-trips through JSON", () => {
    expect(() => new MinMaxScaler([1, 1])).toThrow(QforgeError);
    const s = new MinMaxScaler([0, 2]).fit(X);
    const copy = MinMaxScaler.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(copy.transform(X)).toEqual(s.transform(X));
    expect(copy.featureRange).toEqual([0, 2]);
  });
});
