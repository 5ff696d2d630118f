import { describe, expect, it } from "vitest";
import { LBFGS } from "./lbfgs.js";
import { minimize } from "./minimize.js";
import {
  QUADRATIC_C,
  QUADRATIC_S,
  VQE_GROUND_ENERGY,
  VQE_START,
  maxAbsError,
  rosenbrock,
  shiftedQuadratic,
  vqeObjective,
} from "./test-utils/problems.js";

// L-BFGS converges superlinearly, so once |Δf| < 1e-12 the iterate is typically within ~1e-8 of the
// minimiser (f ≈ λ|x − x*|² near it); 1e-6 in x leaves a wide margin while still failing for any
// half-working method.
describe("LBFGS", () => {
  it("reaches the 2-D Rosenbrock minimum to 1e-6 in a few dozen iterations", () => {
    const r = minimize(rosenbrock(), [-1.2, 1], { optimizer: new LBFGS(), tolerance: 1e-12 });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeLessThan(60);
  });

  it("reaches the 10-D Rosenbrock minimum to 1e-6, with analytic and with finite-difference gradients", () => {
    const x0 = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const ones = new Array(10).fill(1);
    const analytic = minimize(rosenbrock(), x0, { optimizer: new LBFGS(), tolerance: 1e-12 });
    expect(maxAbsError(analytic.x, ones)).toBeLessThan(1e-6);
    expect(analytic.converged).toBe(true);
    // Central differences carry ~1e-10 relative error, enough for the same accuracy.
    const numeric = minimize(rosenbrock().value, x0, { optimizer: new LBFGS(), tolerance: 1e-12 });
    expect(maxAbsError(numeric.x, ones)).toBeLessThan(1e-6);
    expect(numeric.evaluations).toBe(numeric.gradientEvaluations * (1 + 2 * 10));
  });

  it("reaches a shifted quadratic's minimum to 1e-8", () => {
    const r = minimize(shiftedQuadratic(QUADRATIC_C, QUADRATIC_S), [0, 0, 0, 0], {
      optimizer: new LBFGS(),
      tolerance: 1e-14,
    });
    expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-8);
  });

  it("reaches the VQE ground energy to 1e-12", () => {
    const r = minimize(vqeObjective(), VQE_START, { optimizer: new LBFGS(), tolerance: 1e-14 });
    expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-12);
  });

  it("is the default optimizer when the objective has a gradient", () => {
    expect(minimize(rosenbrock(), [-1.2, 1]).optimizer).toBe("LBFGS");
  });

  describe("with bounds (projected L-BFGS-B-style)", () => {
    it("finds a minimum where bounds are active and never evaluates outside the box", () => {
      // Σ c_i (x_i − s_i)² over [−1, 1]⁴ with s = (2, −3, 0.5, 0.7): the box solution clips s to (1, −1, 0.5, 0.7).
      const q = shiftedQuadratic(QUADRATIC_C, [2, -3, 0.5, 0.7]);
      let outside = 0;
      const objective = {
        value: (x: Float64Array) => {
          if (x.some((v) => Math.abs(v) > 1)) outside++;
          return q.value(x);
        },
        gradient: q.gradient,
        bounds: [
          [-1, 1],
          [-1, 1],
          [-1, 1],
          [-1, 1],
        ] as const,
      };
      const r = minimize(objective, [0, 0, 0, 0], { optimizer: new LBFGS(), tolerance: 1e-14 });
      expect(r.x[0]).toBe(1);
      expect(r.x[1]).toBe(-1);
      expect(maxAbsError(r.x, [1, -1, 0.5, 0.7])).toBeLessThan(1e-7);
      expect(r.converged).toBe(true);
      expect(outside).toBe(0);
    });

    it("solves Rosenbrock with x ≤ 0.5: minimum (0.5, 0.25), value 0.25", () => {
      // For fixed x the best y is x², leaving (1 − x)², which decreases up to the bound x = 0.5.
      for (const objective of [rosenbrock(), rosenbrock().value]) {
        const r = minimize(objective, [-1.2, 1], {
          optimizer: new LBFGS(),
          bounds: [
            [-Infinity, 0.5],
            [-Infinity, Infinity],
          ],
          tolerance: 1e-12,
        });
        expect(r.x[0]).toBe(0.5);
        expect(r.x[1]).toBeCloseTo(0.25, 8);
        expect(r.value).toBeCloseTo(0.25, 12);
      }
    });

    it("clips a starting point outside the box and reports the projected gradient norm", () => {
      const norms: number[] = [];
      const r = minimize(shiftedQuadratic([1, 1], [3, 0]), [5, 5], {
        optimizer: new LBFGS(),
        bounds: [
          [0, 2],
          [-1, 1],
        ],
        tolerance: 1e-12,
        onStep: ({ gradientNorm }) => void norms.push(gradientNorm!),
      });
      expect(Array.from(r.x)).toEqual([2, expect.closeTo(0, 10)]);
      // At x = 2 the raw gradient is −2, but the projected gradient is 0.
      expect(norms.at(-1)!).toBeLessThan(1e-12);
    });
  });

  it("with tolerance 0 stops converged once f cannot decrease at working precision", () => {
    const r = minimize(shiftedQuadratic([1, 2], [1, 1]), [0, 0], {
      optimizer: new LBFGS(),
      tolerance: 0,
      maxIterations: 100,
    });
    expect(r.reason).toBe("objective cannot be reduced further at working precision");
    expect(r.converged).toBe(true);
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-12);
  });

  it("stops unconverged when the line search fails far from a minimum", () => {
    // A cliff: the gradient promises descent, but every trial point is worse.
    const objective = { value: (x: Float64Array) => (x[0]! === 0 ? 0 : 1), gradient: () => [1] };
    const r = minimize(objective, [0], { optimizer: new LBFGS() });
    expect(r.reason).toBe("line search could not reduce the objective");
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(0);
  });

  it("rejects bad options", () => {
    expect(() => new LBFGS({ memory: 0 })).toThrow(/memory must be an integer ≥ 1/);
    expect(() => new LBFGS({ c1: 0.95, c2: 0.9 })).toThrow(/0 < c1 < c2 < 1/);
    expect(() => new LBFGS({ c2: 1 })).toThrow(/c1 < c2 < 1/);
    expect(() => new LBFGS({ maxLineSearchEvaluations: 0 })).toThrow(/maxLineSearchEvaluations/);
  });
});
