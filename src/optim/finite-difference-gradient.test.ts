import { describe, expect, it } from "vitest";
import { finiteDifferenceGradient } from "./finite-difference-gradient.js";

describe("finiteDifferenceGradient", () => {
  it("matches analytic gradients to within the expected error", () => {
    // Central differences err by about h²·|f‴|/6 (truncation, ≈ 1e-12 here) plus ε·|f|/h (rounding,
    // ≈ 2e-16·3/1e-6 ≈ 7e-10 here), so 5e-9 is a safe bound.
    const f = (x: Float64Array): number => Math.sin(x[0]!) * Math.exp(x[1]!) + x[2]! ** 3 / 10;
    const x = Float64Array.of(0.7, -0.3, 3);
    const g = finiteDifferenceGradient(f, x);
    expect(g[0]).toBeCloseTo(Math.cos(0.7) * Math.exp(-0.3), 8);
    expect(g[1]).toBeCloseTo(Math.sin(0.7) * Math.exp(-0.3), 8);
    expect(g[2]).toBeCloseTo(2.7, 8);
  });

  it("costs 2·P evaluations and never evaluates outside the bounds", () => {
    const seen: number[][] = [];
    const f = (x: Float64Array): number => (seen.push(Array.from(x)), x[0]! ** 2 + 3 * x[1]! + x[2]!);
    const g = finiteDifferenceGradient(f, [1, 0, 5], [1, -1, 5], [2, 0, 5]);
    expect(seen).toHaveLength(4); // the third coordinate is fixed (lower = upper): derivative 0, no evaluation
    for (const p of seen) {
      expect(p[0]).toBeGreaterThanOrEqual(1);
      expect(p[1]).toBeLessThanOrEqual(0);
    }
    expect(g[0]).toBeCloseTo(2, 5); // one-sided at the lower bound: O(h) error
    expect(g[1]).toBeCloseTo(3, 9);
    expect(g[2]).toBe(0);
  });
});
