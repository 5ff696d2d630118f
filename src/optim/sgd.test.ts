import { describe, expect, it } from "vitest";
import { minimize } from "./minimize.js";
import { SGD } from "./sgd.js";
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

// Plain gradient descent contracts the error by (1 − η·λ) per step along each Hessian eigenvector; on
// Rosenbrock λ ranges from ~0.4 to ~1000, so η must stay below 2/1000 and ~35 000 steps are needed for
// 1e-6 in x. Budgets are about 1.5–2× what the runs need. 10-D Rosenbrock is left to the faster methods.
describe("SGD", () => {
  it("reaches the 2-D Rosenbrock minimum to 1e-6", () => {
    const r = minimize(rosenbrock(), [-1.2, 1], {
      optimizer: new SGD({ learningRate: 1e-3 }),
      tolerance: 0,
      maxIterations: 50_000,
    });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
  });

  it("reaches a shifted quadratic's minimum to 1e-8", () => {
    const r = minimize(shiftedQuadratic(QUADRATIC_C, QUADRATIC_S), [0, 0, 0, 0], {
      optimizer: new SGD({ learningRate: 0.1 }),
      tolerance: 0,
      maxIterations: 400,
    });
    expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-8);
  });

  it("takes exactly x ← x − η∇f", () => {
    // f = x², η = 0.1: x_k = 0.8^k.
    const r = minimize({ value: (x) => x[0]! ** 2, gradient: (x) => [2 * x[0]!] }, [1], {
      optimizer: new SGD({ learningRate: 0.1 }),
      tolerance: 0,
      maxIterations: 3,
    });
    expect(r.x[0]).toBeCloseTo(0.8 ** 3, 15);
    expect(r.history).toEqual([0.8 ** 2, 0.8 ** 4, 0.8 ** 6].map((v) => expect.closeTo(v, 15)));
  });

  it("reaches the VQE ground energy to 1e-10", () => {
    const r = minimize(vqeObjective(), VQE_START, {
      optimizer: new SGD({ learningRate: 0.2 }),
      tolerance: 1e-14,
      maxIterations: 2000,
    });
    expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-10);
  });

  it("rejects a non-positive learning rate", () => {
    expect(() => new SGD({ learningRate: -1 })).toThrow(
      /SGD learningRate must be a finite number > 0, got -1/,
    );
    expect(() => new SGD({ learningRate: Infinity })).toThrow(/learningRate/);
  });
});
