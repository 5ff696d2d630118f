import { describe, expect, it } from "vitest";
import { accuracy } from "./accuracy.js";
import { f1, precision, recall } from "./precision-recall-f1.js";

describe("binary precision, recall, f1", () => {
  // tp = 3 (idx 1, 2, 6), fp = 1 (idx 4), fn = 2 (idx 3, 7), tn = 2
  const yTrue = [0, 1, 1, 1, 0, 0, 1, 1];
  const yPred = [0, 1, 1, 0, 1, 0, 1, 0];
  it("score the positive class (posLabel 1 by default)", () => {
    expect(precision(yTrue, yPred)).toBeCloseTo(3 / 4, 15);
    expect(recall(yTrue, yPred)).toBeCloseTo(3 / 5, 15);
    expect(f1(yTrue, yPred)).toBeCloseTo((2 * 3) / (2 * 3 + 1 + 2), 15);
  });
  it("can score the other class", () => {
    // For class 0: tp = 2 (idx 0, 5), fp = 2 (idx 3, 7), fn = 1 (idx 4)
    expect(precision(yTrue, yPred, { posLabel: 0 })).toBeCloseTo(2 / 4, 15);
    expect(recall(yTrue, yPred, { posLabel: 0 })).toBeCloseTo(2 / 3, 15);
    expect(f1(yTrue, yPred, { posLabel: 0 })).toBeCloseTo(4 / 7, 15);
  });
  it("returns 0 when nothing is predicted positive", () => {
    expect(precision([1, 0], [0, 0])).toBe(0);
    expect(f1([0, 0], [0, 0])).toBe(0);
  });
  it("rejects binary averaging of multi-class data and a posLabel that is not a label", () => {
    expect(() => f1([0, 1, 2], [0, 1, 2])).toThrow(/average/);
    expect(() => f1([2, 3], [2, 3])).toThrow(/posLabel 1/);
  });
});

describe("multi-class averages", () => {
  // scikit-learn's documentation example: y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1]
  const yTrue = [0, 1, 2, 0, 1, 2];
  const yPred = [0, 2, 1, 0, 0, 1];
  it("macro is the plain mean over classes", () => {
    // class 0: P = 2/3, R = 1, F1 = 0.8; classes 1, 2: all zero
    expect(precision(yTrue, yPred, { average: "macro" })).toBeCloseTo(2 / 9, 15);
    expect(recall(yTrue, yPred, { average: "macro" })).toBeCloseTo(1 / 3, 15);
    expect(f1(yTrue, yPred, { average: "macro" })).toBeCloseTo(0.26666666666666666, 15);
  });
  it("micro pools counts and equals accuracy", () => {
    expect(f1(yTrue, yPred, { average: "micro" })).toBeCloseTo(1 / 3, 15);
    expect(precision(yTrue, yPred, { average: "micro" })).toBeCloseTo(accuracy(yTrue, yPred), 15);
  });
  it("weighted weights by support", () => {
    expect(f1(yTrue, yPred, { average: "weighted" })).toBeCloseTo(0.26666666666666666, 15);
    // Unequal supports: class 0 (3 samples) perfect, class 1 (1 sample) missed.
    expect(recall([0, 0, 0, 1], [0, 0, 0, 0], { average: "weighted" })).toBeCloseTo(0.75, 15);
    expect(precision([0, 0, 0, 1], [0, 0, 0, 0], { average: "weighted" })).toBeCloseTo((3 / 4) * 0.75, 15);
  });
});
