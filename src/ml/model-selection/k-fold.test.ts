import { describe, expect, it } from "vitest";
import { kFold, stratifiedKFold } from "./k-fold.js";

function checkPartition(folds: { train: number[]; test: number[] }[], n: number): void {
  const allTest = folds.flatMap((f) => f.test).sort((a, b) => a - b);
  expect(allTest).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const { train, test } of folds) {
    expect(train.length + test.length).toBe(n);
    const inTest = new Set(test);
    expect(train.some((i) => inTest.has(i))).toBe(false);
  }
}

describe("kFold", () => {
  it("cuts n samples into k folds, the first n mod k one larger", () => {
    const folds = kFold(11, { k: 3, shuffle: false });
    expect(folds.map((f) => f.test)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    checkPartition(folds, 11);
  });
  it("shuffles with a seed, repeatably", () => {
    const a = kFold(20, { k: 4, seed: 5 });
    expect(kFold(20, { k: 4, seed: 5 })).toEqual(a);
    expect(kFold(20, { k: 4, seed: 6 })).not.toEqual(a);
    checkPartition(a, 20);
    expect(() => kFold(20, { k: 4 })).toThrow(/seed/);
    expect(() => kFold(3, { k: 4, seed: 1 })).toThrow(/3 samples into 4 folds/);
  });
});

describe("stratifiedKFold", () => {
  it("gives every fold its share of each class, within one", () => {
    const y = [
      ...new Array<number>(23).fill(0),
      ...new Array<number>(11).fill(1),
      ...new Array<number>(6).fill(2),
    ];
    const folds = stratifiedKFold(y, { k: 5, seed: 3 });
    checkPartition(folds, y.length);
    for (const c of [0, 1, 2]) {
      const perFold = folds.map((f) => f.test.filter((i) => y[i] === c).length);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(stratifiedKFold(y, { k: 5, seed: 3 })).toEqual(folds);
    expect(stratifiedKFold(y, { k: 5, seed: 4 })).not.toEqual(folds);
  });
});
