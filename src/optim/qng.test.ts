import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import { minimize } from "./minimize.js";
import { QNG } from "./qng.js";
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

describe("QNG", () => {
  it("with the Hessian as metric and λ = 0 solves a quadratic in one (Newton) step", () => {
    // ½(x − s)ᵀM(x − s) with a non-diagonal SPD M: ∇f = M(x − s), so x − M⁻¹∇f = s.
    const m = [4, 1, 0, 1, 3, 1, 0, 1, 2];
    const s = [1, -2, 0.5];
    const objective = {
      value: (x: Float64Array) => {
        let v = 0;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) v += 0.5 * (x[i]! - s[i]!) * m[i * 3 + j]! * (x[j]! - s[j]!);
        return v;
      },
      gradient: (x: Float64Array) =>
        [0, 1, 2].map((i) => [0, 1, 2].reduce((acc, j) => acc + m[i * 3 + j]! * (x[j]! - s[j]!), 0)),
      metricTensor: () => m,
    };
    const r = minimize(objective, [0, 0, 0], {
      optimizer: new QNG({ learningRate: 1, lambda: 0 }),
      maxIterations: 1,
    });
    expect(maxAbsError(r.x, s)).toBeLessThan(1e-14);
  });

  it("with the default λ = 0.01 converges geometrically on a shifted quadratic with its metric", () => {
    // Step (G + λI)⁻¹G leaves a fraction λ/(2c_i + λ) ≤ 0.01 of the error per iteration.
    const q = shiftedQuadratic(QUADRATIC_C, QUADRATIC_S);
    const metric = new Float64Array(16);
    QUADRATIC_C.forEach((c, i) => (metric[i * 5] = 2 * c));
    const r = minimize({ ...q, metricTensor: () => metric }, [0, 0, 0, 0], {
      optimizer: new QNG({ learningRate: 1 }),
      tolerance: 0,
      maxIterations: 8,
    });
    expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-12);
  });

  it("with the Gauss–Newton metric reaches the 2-D Rosenbrock minimum to 1e-8 in under 20 iterations", () => {
    // Rosenbrock is ‖r‖² with r = (10(y − x²), 1 − x); the metric G = 2JᵀJ makes QNG a
    // Levenberg–Marquardt-like Gauss–Newton method, quadratically convergent for this zero-residual problem.
    const gaussNewton = (x: Float64Array): number[] => {
      const j11 = -20 * x[0]!;
      return [2 * (j11 * j11 + 1), 2 * j11 * 10, 2 * j11 * 10, 200];
    };
    const r = minimize({ ...rosenbrock(), metricTensor: gaussNewton }, [-1.2, 1], {
      optimizer: new QNG({ learningRate: 1 }),
      tolerance: 1e-20,
      maxIterations: 20,
    });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-8);
  });

  it("with the Fubini–Study metric reaches the VQE ground energy to 1e-10, in fewer steps than SGD", () => {
    const qng = minimize(vqeObjective(), VQE_START, {
      optimizer: new QNG({ learningRate: 0.1 }),
      tolerance: 1e-14,
      maxIterations: 2000,
    });
    expect(qng.value - VQE_GROUND_ENERGY).toBeLessThan(1e-10);
    const reach = (optimizer: QNG | SGD): number => {
      let hit = -1;
      minimize(vqeObjective(), VQE_START, {
        optimizer,
        tolerance: 0,
        maxIterations: 3000,
        onStep: ({ iteration, value }) =>
          hit < 0 && value - VQE_GROUND_ENERGY < 1e-6 ? ((hit = iteration), "stop") : undefined,
      });
      return hit;
    };
    const natural = reach(new QNG({ learningRate: 0.1 }));
    const plain = reach(new SGD({ learningRate: 0.1 }));
    expect(natural).toBeGreaterThan(0);
    expect(natural).toBeLessThan(plain);
  });

  it("with the identity metric is gradient descent with step η/(1 + λ) (sanity check)", () => {
    const identity = Float64Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const qng = minimize({ ...vqeObjective(), metricTensor: () => identity }, VQE_START, {
      optimizer: new QNG({ learningRate: 0.2, lambda: 0.25 }),
      tolerance: 0,
      maxIterations: 40,
    });
    const sgd = minimize(vqeObjective(), VQE_START, {
      optimizer: new SGD({ learningRate: 0.2 / 1.25 }),
      tolerance: 0,
      maxIterations: 40,
    });
    for (let i = 0; i < 4; i++) expect(qng.x[i]).toBeCloseTo(sgd.x[i]!, 12);
    const converged = minimize({ ...vqeObjective(), metricTensor: () => identity }, VQE_START, {
      optimizer: new QNG({ learningRate: 0.2 }),
      tolerance: 1e-14,
      maxIterations: 3000,
    });
    expect(converged.value - VQE_GROUND_ENERGY).toBeLessThan(1e-10);
  });

  it("throws a clear error without a metric tensor, before evaluating anything", () => {
    let calls = 0;
    const run = (): unknown =>
      minimize({ value: (x) => (calls++, x[0]! ** 2), gradient: (x) => [2 * x[0]!] }, [1], {
        optimizer: new QNG(),
      });
    expect(run).toThrow(QforgeError);
    expect(run).toThrow(/QNG needs a metric tensor: pass an objective object with metricTensor\(x\)/);
    expect(calls).toBe(0);
  });

  it("checks the metric's size and finiteness, and a singular system", () => {
    const base = {
      value: (x: Float64Array) => x[0]! ** 2 + x[1]! ** 2,
      gradient: (x: Float64Array) => [2 * x[0]!, 2 * x[1]!],
    };
    expect(() =>
      minimize({ ...base, metricTensor: () => [1, 0, 1] }, [1, 1], { optimizer: new QNG() }),
    ).toThrow(/metricTensor\(x\) must return P×P = 4 entries for P = 2, got 3/);
    try {
      minimize({ ...base, metricTensor: () => [1, 0, 0, Number.NaN] }, [1, 1], { optimizer: new QNG() });
      expect.unreachable();
    } catch (e) {
      expect((e as QforgeError).code).toBe("NON_FINITE");
      expect((e as QforgeError).message).toMatch(/metricTensor entry \(1, 1\) is NaN at iteration 1/);
    }
    expect(() =>
      minimize({ ...base, metricTensor: () => [1, 1, 1, 1] }, [1, 1], { optimizer: new QNG({ lambda: 0 }) }),
    ).toThrow(/singular at iteration 1 \(λ = 0\); use a larger lambda/);
  });

  it("rejects bad options", () => {
    expect(() => new QNG({ learningRate: -0.1 })).toThrow(/QNG learningRate/);
    expect(() => new QNG({ lambda: -1 })).toThrow(/QNG lambda must be a finite number ≥ 0/);
  });
});
