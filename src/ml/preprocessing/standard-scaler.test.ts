import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { deserializeModel, serializeModel } from "../serialization.js";
import { StandardScaler } from "./standard-scaler.js";

describe("StandardScaler", () => {
  const X = [
    [1, 10, 5],
    [2, 20, 5],
    [3, 60, 5],
    [6, 30, 5],
  ];

  it("uses the mean and the population standard deviation per column", () => {
    const s = new StandardScaler().fit(X);
    // column 0: mean 3, squared deviations 4 + 1 + 0 + 9 = 14, std = sqrt(14/4)
    // column 1: mean 30, squared deviations 400 + 100 + 900 + 0 = 1400, std = sqrt(350)
    expect(s.mean).toEqual([3, 30, 5]);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(3.5), 15);
    expect(s.scale[1]).toBeCloseTo(Math.sqrt(350), 13);
    const Z = s.transform(X);
    expect(Z[0]![0]).toBeCloseTo(-2 / Math.sqrt(3.5), 15);
    expect(Z[2]![1]).toBeCloseTo(30 / Math.sqrt(350), 14);
    for (let j = 0; j < 2; j++) {
      const col = Z.map((r) => r[j]!);
      const mean = col.reduce((a, v) => a + v, 0) / col.length;
      const variance = col.reduce((a, v) => a + (v - mean) ** 2, 0) / col.length;
      expect(mean).toBeCloseTo(0, 14);
      expect(variance).toBeCloseTo(1, 14);
    }
  });

  it("centres but does not scale a constant column", () => {
    const s = new StandardScaler().fit(X);
    expect(s.scale[2]).toBe(1);
    expect(s.transform(X).map((r) => r[2])).toEqual([0, 0, 0, 0]);
    expect(s.transform([[0, 0, 7]])[0]![2]).toBe(2);
  });

  it("inverts its transform and can skip centring or scaling", () => {
    const s = new StandardScaler().fit(X);
    const back = s.inverseTransform(s.transform(X));
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(X[i]![j]!, 12)));
    expect(new StandardScaler({ withMean: false }).fitTransform([[2], [4]])).toEqual([[2], [4]]);
    expect(new StandardScaler({ withStd: false }).fitTransform([[2], [4]])).toEqual([[-1], [1]]);
  });

  it("survives a JSON round trip and checks its input", () => {
    const s = new StandardScaler().fit(X);
    const copy = deserializeModel(serializeModel(s)) as StandardScaler;
    expect(copy.transform([[4, 25, 5]])).toEqual(s.transform([[4, 25, 5]]));
    expect(() => s.transform([[1, 2]])).toThrow(/3/);
    expect(() => new StandardScaler().transform(X)).toThrow(/not fitted/);
    expect(() => new StandardScaler().fit([[1], [NaN]])).toThrow(QforgeError);
  });
});
