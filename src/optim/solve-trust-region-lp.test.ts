import { describe, expect, it } from "vitest";
import { solveTrustRegionLp } from "./solve-trust-region-lp.js";

// a[k]·d ≥ b[k] are the linearised constraints; a[m] is minus the objective gradient.
describe("solveTrustRegionLp (COBYLA's TRSTLP)", () => {
  it("without constraints steps ρ along the steepest descent direction", () => {
    const d = new Float64Array(2);
    const { full } = solveTrustRegionLp(2, 0, [Float64Array.of(-3, -4)], Float64Array.of(0), 0.5, d);
    expect(full).toBe(true);
    expect(d[0]).toBeCloseTo(-0.3, 14);
    expect(d[1]).toBeCloseTo(-0.4, 14);
  });

  it("first removes the violation, then minimises along the active constraint inside the trust region", () => {
    // d1 ≥ 1 is violated at d = 0; minimise d2 (gradient (0, 1)) with ‖d‖ ≤ 2 → d = (1, −√3).
    const d = new Float64Array(2);
    const { full } = solveTrustRegionLp(
      2,
      1,
      [Float64Array.of(1, 0), Float64Array.of(0, -1)],
      Float64Array.of(1, 0),
      2,
      d,
    );
    expect(full).toBe(true);
    expect(d[0]).toBeCloseTo(1, 12);
    expect(d[1]).toBeCloseTo(-Math.sqrt(3), 12);
  });

  it("when the violation cannot be removed within ρ, minimises the greatest violation", () => {
    // d1 ≥ 5 and d2 ≥ 5 with ρ = 1: the best is d = (1, 1)/√2.
    const d = new Float64Array(2);
    solveTrustRegionLp(
      2,
      2,
      [Float64Array.of(1, 0), Float64Array.of(0, 1), Float64Array.of(0, 0)],
      Float64Array.of(5, 5, 0),
      1,
      d,
    );
    expect(d[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(d[1]).toBeCloseTo(Math.SQRT1_2, 12);
  });
});
