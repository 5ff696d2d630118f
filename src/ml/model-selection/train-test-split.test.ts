import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { trainTestSplit, trainTestSplitIndices } from "./train-test-split.js";

function labelsWithCounts(counts: number[]): number[] {
  return counts.flatMap((c, k) => new Array<number>(c).fill(k));
}

describe("trainTestSplit", () => {
  const y = labelsWithCounts([50, 30, 7]);
  const X = y.map((label, i) => [i, label * 10]);

  it("keeps rows and targets together, loses and repeats no row", () => {
    const [Xtr, Xte, ytr, yte] = trainTestSplit(X, y, { testSize: 0.3, seed: 1 });
    expect(Xte.length).toBe(Math.ceil(0.3 * 87));
    expect(Xtr.length + Xte.length).toBe(87);
    const ids = [...Xtr, ...Xte].map((r) => r[0]!).sort((a, b) => a - b);
    expect(ids).toEqual(X.map((r) => r[0]));
    Xtr.forEach((row, i) => expect(ytr[i]).toBe(y[row[0]!]));
    Xte.forEach((row, i) => expect(yte[i]).toBe(y[row[0]!]));
  });

  it("is repeatable with a seed and changes with the seed", () => {
    const a = trainTestSplit(X, y, { testSize: 0.25, stratify: true, seed: 7 });
    const b = trainTestSplit(X, y, { testSize: 0.25, stratify: true, seed: 7 });
    const c = trainTestSplit(X, y, { testSize: 0.25, stratify: true, seed: 8 });
    expect(b).toEqual(a);
    expect(c[1]).not.toEqual(a[1]);
  });

  it("stratifies: each class's test count is within one of its share (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 40 }), { minLength: 2, maxLength: 5 }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (counts, testSize, seed) => {
          const labels = labelsWithCounts(counts);
          const n = labels.length;
          const nTest = Math.ceil(testSize * n);
          fc.pre(nTest >= counts.length && n - nTest >= counts.length);
          const { train, test } = trainTestSplitIndices(n, { testSize, stratify: labels, seed });
          expect(test.length).toBe(nTest);
          expect(new Set([...train, ...test]).size).toBe(n);
          counts.forEach((count, k) => {
            const inTest = test.filter((i) => labels[i] === k).length;
            expect(Math.abs(inTest - (count * nTest) / n)).toBeLessThan(1);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("accepts a whole number of test samples, and splits without shuffling in order", () => {
    const [, Xte] = trainTestSplit(X, y, { testSize: 10, seed: 3 });
    expect(Xte.length).toBe(10);
    const { train, test } = trainTestSplitIndices(5, { testSize: 2, shuffle: false });
    expect(train).toEqual([0, 1, 2]);
    expect(test).toEqual([3, 4]);
  });

  it("explains what is wrong", () => {
    expect(() => trainTestSplit(X, y, { testSize: 0.3 })).toThrow(/seed/);
    expect(() => trainTestSplit(X, y, { testSize: 1.5, seed: 1 })).toThrow(QforgeError);
    expect(() => trainTestSplit(X, y.slice(1), { seed: 1 })).toThrow(/86 values but X has 87 rows/);
    expect(() =>
      trainTestSplit([[0], [1], [2], [3]], [0, 0, 0, 1], { stratify: true, seed: 1, testSize: 0.5 }),
    ).toThrow(/class 1 has only 1 sample/);
  });
});
