import { describe, expect, it } from "vitest";
import { mae, mse, r2 } from "./regression-metrics.js";

describe("regression metrics", () => {
  it("match hand-computed values", () => {
    const yTrue = [3, -0.5, 2, 7];
    const yPred = [2.5, 0, 2, 8];
    // residuals 0.5, -0.5, 0, -1; mean(yTrue) = 2.875
    expect(mse(yTrue, yPred)).toBeCloseTo((0.25 + 0.25 + 0 + 1) / 4, 15);
    expect(mae(yTrue, yPred)).toBeCloseTo(2 / 4, 15);
    const ssTot = (3 - 2.875) ** 2 + (-0.5 - 2.875) ** 2 + (2 - 2.875) ** 2 + (7 - 2.875) ** 2;
    expect(r2(yTrue, yPred)).toBeCloseTo(1 - 1.5 / ssTot, 15);
    expect(r2(yTrue, yPred)).toBeCloseTo(0.9486081370449679, 12); // scikit-learn's documented r2_score example
  });
  it("handles constant targets as scikit-learn does", () => {
    expect(r2([2, 2, 2], [2, 2, 2])).toBe(1);
    expect(r2([2, 2, 2], [2, 2, 3])).toBe(0);
  });
});
