import { describe, expect, it } from "vitest";
import { Adagrad } from "./adagrad.js";
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

// Adagrad's steps shrink like η/√(Σg²); once the gradient is small the accumulated sum stops growing and
// it behaves like SGD with a per-coordinate step. Budgets are about twice what the runs need.
describe("Adagrad", () => {
  it("reaches the 2-D Rosenbrock minimum to 1e-6", () => {
    const r = minimize(rosenbrock(), [-1.2, 1], {
      optimizer: new Adagrad({ learningRate: 0.5 }),
      tolerance: 0,
      maxIterations: 35_000,
    });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
  });

  it("reaches a shifted quadratic's minimum to 1e-8", () => {
    const r = minimize(shiftedQuadratic(QUADRATIC_C, QUADRATIC_S), [0, 0, 0, 0], {
      optimizer: new Adagrad({ learningRate: 0.5 }),
      tolerance: 0,
      maxIterations: 500,
    });
    expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-8);
  });

  it("first step moves every coordinate by η (g/√g² = ±1)", () => {
    const r = minimize(shiftedQuadratic([1, 100], [5, 5]), [0, 0], {
      optimizer: new Adagrad({ learningRate: 0.3 }),
      maxIterations: 1,
    });
    expect(r.x[0]).toBeCloseTo(0.3, 7);
    expect(r.x[1]).toBeCloseTo(0.3, 7);
  });

  it("reaches the VQE ground energy to 1e-10", () => {
    const r = minimize(vqeObjective(), VQE_START, {
      optimizer: new Adagrad({ learningRate: 0.5 }),
      tolerance: 1e-14,
      maxIterations: 2000,
    });
    expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-10);
  });

  it("rejects bad options", () => {
    expect(() => new Adagrad({ learningRate: -1 })).toThrow(/learningRate/);
    expect(() => new Adagrad({ epsilon: -1e-8 })).toThrow(/epsilon/);
  });
});
