import { describe, expect, it } from "vitest";
import { minimize } from "./minimize.js";
import { NelderMead } from "./nelder-mead.js";
import {
  QUADRATIC_C,
  QUADRATIC_S,
  VQE_GROUND_ENERGY,
  VQE_START,
  maxAbsError,
  rosenbrock,
  shiftedQuadratic,
  vqeEnergy,
} from "./test-utils/problems.js";

// Nelder–Mead stops when the simplex values agree to `tolerance` and its diameter is below
// `xTolerance` (= tolerance by default); the best vertex is then within about that diameter of the
// minimiser, so tolerance 1e-10 gives 1e-6 in x with a wide margin.
describe("NelderMead", () => {
  it("reaches the 2-D Rosenbrock minimum to 1e-6", () => {
    const r = minimize(rosenbrock().value, [-1.2, 1], { optimizer: new NelderMead(), tolerance: 1e-10 });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
    expect(r.converged).toBe(true);
    expect(r.reason).toBe("simplex values and size below tolerance");
  });

  it("with the adaptive (Gao–Han) coefficients reaches the 10-D Rosenbrock minimum to 1e-6", () => {
    // From x0 = 0. (From the alternating start (−1.2, 1, …) both variants may settle in the local
    // minimum near (−1, 1, …, 1), f ≈ 3.99, as SciPy's implementation also does.)
    const r = minimize(rosenbrock().value, new Array(10).fill(0), {
      optimizer: new NelderMead({ adaptive: true }),
      tolerance: 1e-12,
      maxIterations: 20_000,
    });
    expect(maxAbsError(r.x, new Array(10).fill(1))).toBeLessThan(1e-6);
    expect(r.converged).toBe(true);
  });

  it("reaches a shifted quadratic's minimum to 1e-6", () => {
    const r = minimize(shiftedQuadratic(QUADRATIC_C, QUADRATIC_S).value, [0, 0, 0, 0], {
      optimizer: new NelderMead(),
      tolerance: 1e-10,
      maxIterations: 5000,
    });
    expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-6);
  });

  it("reaches the VQE ground energy to 1e-10", () => {
    const r = minimize(vqeEnergy, VQE_START, {
      optimizer: new NelderMead(),
      tolerance: 1e-12,
      maxIterations: 5000,
    });
    expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-10);
  });

  it("keeps clipped trial points inside the bounds and finds the bound-constrained minimum", () => {
    let outside = 0;
    const q = shiftedQuadratic(QUADRATIC_C, [2, -3, 0.5, 0.7]);
    const r = minimize(
      (x) => {
        if (x.some((v) => Math.abs(v) > 1)) outside++;
        return q.value(x);
      },
      [0, 0, 0, 0],
      {
        optimizer: new NelderMead(),
        bounds: [
          [-1, 1],
          [-1, 1],
          [-1, 1],
          [-1, 1],
        ],
        tolerance: 1e-12,
        maxIterations: 5000,
      },
    );
    expect(outside).toBe(0);
    expect(maxAbsError(r.x, [1, -1, 0.5, 0.7])).toBeLessThan(1e-6);
  });

  it("builds the initial simplex like SciPy: vertex i scales x0_i by 1.05 (0.00025 where x0_i = 0)", () => {
    const seen: number[][] = [];
    minimize((x) => (seen.push(Array.from(x)), x[0]! ** 2 + x[1]! ** 2), [2, 0], {
      optimizer: new NelderMead(),
      maxIterations: 1,
    });
    expect(seen.slice(0, 3)).toEqual([
      [2, 0],
      [2.1, 0],
      [2, 0.00025],
    ]);
  });

  it("uses the standard coefficients in 1-D and when adaptive is off", () => {
    for (const optimizer of [new NelderMead(), new NelderMead({ adaptive: false })]) {
      const r = minimize((x) => (x[0]! - 3) ** 2, [0], { optimizer, tolerance: 1e-12 });
      expect(r.x[0]).toBeCloseTo(3, 5);
    }
  });

  it("rejects bad options", () => {
    expect(() => new NelderMead({ initialStep: 0 })).toThrow(/initialStep/);
    expect(() => new NelderMead({ xTolerance: -1 })).toThrow(/xTolerance/);
  });
});
