import { describe, expect, it } from "vitest";
import { Adam } from "./adam.js";
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

// First-order methods approach the minimum geometrically but slowly along ill-conditioned directions, so
// these tests use tolerance 0 (run the full budget) and a budget about twice what the run needs to get
// inside the stated tolerance; 1e-6 in x is far above rounding (f ≈ 1e-12 there) yet tight enough to
// prove convergence to the right point.
describe("Adam", () => {
  it("reaches the 2-D Rosenbrock minimum (1, 1) to 1e-6", () => {
    const r = minimize(rosenbrock(), [-1.2, 1], {
      optimizer: new Adam({ learningRate: 0.01 }),
      tolerance: 0,
      maxIterations: 12_000,
    });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
    expect(r.value).toBeLessThan(1e-11);
    expect(r.reason).toBe("maximum iterations reached");
  });

  it("reaches the 10-D Rosenbrock minimum (1, …, 1) to 1e-6", () => {
    const x0 = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const r = minimize(rosenbrock(), x0, {
      optimizer: new Adam({ learningRate: 0.01 }),
      tolerance: 0,
      maxIterations: 16_000,
    });
    expect(maxAbsError(r.x, new Array(10).fill(1))).toBeLessThan(1e-6);
  });

  it("with amsgrad reaches the 2-D Rosenbrock minimum to 1e-6", () => {
    const r = minimize(rosenbrock(), [-1.2, 1], {
      optimizer: new Adam({ learningRate: 0.01, amsgrad: true }),
      tolerance: 0,
      maxIterations: 60_000,
    });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
  });

  it("amsgrad changes the trajectory", () => {
    const plain = minimize(rosenbrock(), [-1.2, 1], {
      optimizer: new Adam({ learningRate: 0.01 }),
      maxIterations: 50,
    });
    const ams = minimize(rosenbrock(), [-1.2, 1], {
      optimizer: new Adam({ learningRate: 0.01, amsgrad: true }),
      maxIterations: 50,
    });
    expect(ams.history).not.toEqual(plain.history);
  });

  it("reaches the minimum of a shifted quadratic to 1e-8, with finite-difference gradients too", () => {
    const q = shiftedQuadratic(QUADRATIC_C, QUADRATIC_S);
    const analytic = minimize(q, [0, 0, 0, 0], {
      optimizer: new Adam({ learningRate: 0.05 }),
      tolerance: 0,
      maxIterations: 800,
    });
    expect(maxAbsError(analytic.x, QUADRATIC_S)).toBeLessThan(1e-8);
    // Plain function: central differences (2·P evaluations per gradient) are exact for a quadratic up to
    // rounding (~1e-10 relative), so the same accuracy is reached.
    const numeric = minimize(q.value, [0, 0, 0, 0], {
      optimizer: new Adam({ learningRate: 0.05 }),
      tolerance: 0,
      maxIterations: 800,
    });
    expect(maxAbsError(numeric.x, QUADRATIC_S)).toBeLessThan(1e-8);
    expect(numeric.evaluations).toBe(801 * (1 + 2 * 4));
    expect(numeric.gradientEvaluations).toBe(801);
  });

  it("reaches the exact VQE ground energy −√2 to 1e-10", () => {
    const r = minimize(vqeObjective(), VQE_START, {
      optimizer: new Adam({ learningRate: 0.05 }),
      tolerance: 1e-14,
      maxIterations: 2000,
    });
    expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-10);
    expect(r.value - VQE_GROUND_ENERGY).toBeGreaterThanOrEqual(-1e-14); // variational: never below E0
    expect(r.converged).toBe(true);
  });

  it("rejects bad options", () => {
    expect(() => new Adam({ learningRate: -0.1 })).toThrow(/learningRate must be a finite number > 0/);
    expect(() => new Adam({ learningRate: 0 })).toThrow(/learningRate/);
    expect(() => new Adam({ beta1: 1 })).toThrow(/beta1 must be in \[0, 1\)/);
    expect(() => new Adam({ beta2: -0.5 })).toThrow(/beta2/);
    expect(() => new Adam({ epsilon: 0 })).toThrow(/epsilon/);
    expect(() => new Adam({ learningRate: Number.NaN })).toThrow(/learningRate/);
  });
});
