import { describe, expect, it } from "vitest";
import { minimize } from "./minimize.js";
import { Momentum } from "./momentum.js";
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

// Momentum μ = 0.9 multiplies the effective step by 1/(1 − μ) = 10, so Rosenbrock needs ~3 200 steps for
// 1e-6 in x (vs ~34 000 for plain SGD). Budgets are about twice what the runs need.
describe("Momentum", () => {
  for (const nesterov of [false, true]) {
    describe(nesterov ? "Nesterov" : "heavy ball", () => {
      const make = (learningRate: number): Momentum => new Momentum({ learningRate, nesterov });

      it("reaches the 2-D Rosenbrock minimum to 1e-6", () => {
        const r = minimize(rosenbrock(), [-1.2, 1], {
          optimizer: make(1e-3),
          tolerance: 0,
          maxIterations: 7000,
        });
        expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
      });

      it("reaches the 10-D Rosenbrock minimum to 1e-6", () => {
        const x0 = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
        // The 10-D Hessian reaches λ ≈ 1800 at the minimum; Nesterov is stable only for
        // ηλ < 2(1 + μ)/(1 + 2μ) ≈ 1.36, so η = 1e-3 (fine in 2-D) would oscillate: use η = 5e-4.
        const r = minimize(rosenbrock(), x0, { optimizer: make(5e-4), tolerance: 0, maxIterations: 12_000 });
        expect(maxAbsError(r.x, new Array(10).fill(1))).toBeLessThan(1e-6);
      });

      it("reaches a shifted quadratic's minimum to 1e-8", () => {
        const r = minimize(shiftedQuadratic(QUADRATIC_C, QUADRATIC_S), [0, 0, 0, 0], {
          optimizer: make(0.02),
          tolerance: 0,
          maxIterations: 800,
        });
        expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-8);
      });

      it("reaches the VQE ground energy to 1e-10", () => {
        const r = minimize(vqeObjective(), VQE_START, {
          optimizer: make(0.05),
          tolerance: 1e-14,
          maxIterations: 2000,
        });
        expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-10);
      });
    });
  }

  it("follows v ← μv + g, x ← x − ηv (and x ← x − η(g + μv) with nesterov)", () => {
    // f = x²/2 (g = x) from x = 1, η = 0.1, μ = 0.5.
    // Heavy ball: v1 = 1, x1 = 0.9; v2 = 0.5 + 0.9 = 1.4, x2 = 0.76.
    // Nesterov:   v1 = 1, x1 = 1 − 0.1·1.5 = 0.85; v2 = 0.5 + 0.85 = 1.35, x2 = 0.85 − 0.1·(0.85 + 0.675) = 0.6975.
    const objective = { value: (x: Float64Array) => x[0]! ** 2 / 2, gradient: (x: Float64Array) => [x[0]!] };
    const heavy = minimize(objective, [1], {
      optimizer: new Momentum({ learningRate: 0.1, momentum: 0.5 }),
      tolerance: 0,
      maxIterations: 2,
    });
    const nag = minimize(objective, [1], {
      optimizer: new Momentum({ learningRate: 0.1, momentum: 0.5, nesterov: true }),
      tolerance: 0,
      maxIterations: 2,
    });
    expect(heavy.x[0]).toBeCloseTo(0.76, 15);
    expect(nag.x[0]).toBeCloseTo(0.6975, 15);
  });

  it("rejects bad options", () => {
    expect(() => new Momentum({ learningRate: -0.01 })).toThrow(/learningRate/);
    expect(() => new Momentum({ momentum: 1 })).toThrow(/momentum must be in \[0, 1\)/);
    expect(() => new Momentum({ momentum: -0.1 })).toThrow(/momentum/);
  });
});
