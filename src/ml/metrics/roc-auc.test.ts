import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { rocAuc } from "./roc-auc.js";
import { rocCurve } from "./roc-curve.js";

/** Pairwise definition: P(score of a positive > score of a negative) + ½ P(tie). */
function pairwiseAuc(y: number[], s: number[], pos: number): number {
  let wins = 0;
  let pairs = 0;
  y.forEach((yi, i) => {
    if (yi !== pos) return;
    y.forEach((yj, j) => {
      if (yj === pos) return;
      pairs++;
      wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

/** Trapezoid area under (fpr, tpr). */
function trapezoid(fpr: number[], tpr: number[]): number {
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += ((fpr[i]! - fpr[i - 1]!) * (tpr[i]! + tpr[i - 1]!)) / 2;
  return area;
}

describe("rocAuc", () => {
  it("matches scikit-learn's documented example", () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 15);
  });
  it("counts ties as one half (Mann–Whitney)", () => {
    // Positives 0.5, 0.5; negatives 0.5, 0.2: pairs (0.5 vs 0.5) tie ×2, (0.5 vs 0.2) win ×2 → 3/4
    expect(rocAuc([1, 1, 0, 0], [0.5, 0.5, 0.5, 0.2])).toBeCloseTo(0.75, 15);
    // All scores equal: 1/2
    expect(rocAuc([0, 1, 0, 1, 1], [3, 3, 3, 3, 3])).toBe(0.5);
    // Perfectly wrong ranking: 0
    expect(rocAuc([1, 1, 0], [0.1, 0.2, 0.9])).toBe(0);
  });
  it("uses the larger label as positive unless told otherwise", () => {
    expect(rocAuc([-1, -1, 1], [0.1, 0.2, 0.9])).toBe(1);
    expect(rocAuc([-1, -1, 1], [0.1, 0.2, 0.9], { posLabel: -1 })).toBe(0);
  });
  it("equals the pairwise definition and the trapezoid under rocCurve, ties included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 5 })), {
          minLength: 2,
          maxLength: 30,
        }),
        (pairs) => {
          const y = pairs.map((p) => p[0]);
          const s = pairs.map((p) => p[1] / 5);
          fc.pre(y.includes(0) && y.includes(1));
          const auc = rocAuc(y, s);
          expect(auc).toBeCloseTo(pairwiseAuc(y, s, 1), 12);
          const curve = rocCurve(y, s, { dropIntermediate: false });
          expect(trapezoid(curve.fpr, curve.tpr)).toBeCloseTo(auc, 12);
          const dropped = rocCurve(y, s);
          expect(trapezoid(dropped.fpr, dropped.tpr)).toBeCloseTo(auc, 12);
        },
      ),
    );
  });
  it("averages one-vs-rest AUCs for multi-class scores", () => {
    const y = [0, 1, 2, 2, 1, 0];
    const scores = [
      [0.7, 0.2, 0.1],
      [0.3, 0.4, 0.3],
      [0.1, 0.5, 0.4],
      [0.2, 0.2, 0.6],
      [0.5, 0.3, 0.2],
      [0.4, 0.4, 0.2],
    ];
    // Class 0 column: positives 0.7, 0.4 vs negatives 0.3, 0.1, 0.2, 0.5 → wins 4 + 3 = 7 of 8
    // Class 1 column: positives 0.4, 0.3 vs 0.2, 0.5, 0.2, 0.4 → 0.4: 2 wins + 1 tie = 2.5; 0.3: 2 wins → 4.5 of 8
    // Class 2 column: positives 0.4, 0.6 vs 0.1, 0.3, 0.2, 0.2 → 8 of 8
    expect(rocAuc(y, scores)).toBeCloseTo((7 / 8 + 4.5 / 8 + 1) / 3, 15);
    expect(rocAuc(y, scores, { average: "weighted" })).toBeCloseTo((7 / 8 + 4.5 / 8 + 1) / 3, 15); // equal class counts
  });
  it("reads a two-column probability matrix by its second column", () => {
    expect(
      rocAuc(
        [0, 0, 1, 1],
        [
          [0.9, 0.1],
          [0.6, 0.4],
          [0.65, 0.35],
          [0.2, 0.8],
        ],
      ),
    ).toBeCloseTo(0.75, 15);
  });
  it("rejects a single class", () => {
    expect(() => rocAuc([1, 1, 1], [0.2, 0.3, 0.4])).toThrow(QforgeError);
    expect(() => rocAuc([1, 1, 1], [0.2, 0.3, 0.4])).toThrow(/only one class/);
  });
});

describe("rocCurve", () => {
  it("matches scikit-learn's documented example", () => {
    const { fpr, tpr, thresholds } = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8]);
    expect(fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });
  it("merges tied scores into one point and drops collinear points", () => {
    // Sorted: 0.9(1) 0.8(1) 0.8(0) 0.3(0); distinct thresholds 0.9, 0.8, 0.3
    const full = rocCurve([1, 1, 0, 0], [0.9, 0.8, 0.8, 0.3], { dropIntermediate: false });
    expect(full.thresholds).toEqual([Infinity, 0.9, 0.8, 0.3]);
    expect(full.tpr).toEqual([0, 0.5, 1, 1]);
    expect(full.fpr).toEqual([0, 0, 0.5, 1]);
    // 4 positives in a row with distinct scores: the middle points are on a straight line.
    const line = rocCurve([1, 1, 1, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.1]);
    expect(line.tpr).toEqual([0, 0.25, 1, 1]);
    expect(line.thresholds).toEqual([Infinity, 0.9, 0.6, 0.1]);
  });
});
