import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import { Adagrad } from "./adagrad.js";
import { Adam } from "./adam.js";
import { COBYLA } from "./cobyla.js";
import { LBFGS } from "./lbfgs.js";
import { minimize } from "./minimize.js";
import { Momentum } from "./momentum.js";
import { NelderMead } from "./nelder-mead.js";
import type { StepInfo } from "./optimization-context.js";
import type { Optimizer } from "./optimizer.js";
import { QNG } from "./qng.js";
import { Rotosolve } from "./rotosolve.js";
import { SGD } from "./sgd.js";
import { SPSA } from "./spsa.js";
import { VQE_START, rosenbrock, vqeObjective } from "./test-utils/problems.js";

const allOptimizers = (): Optimizer[] => [
  new SGD({ learningRate: 0.05 }),
  new Momentum({ learningRate: 0.05 }),
  new Momentum({ learningRate: 0.05, nesterov: true }),
  new Adagrad({ learningRate: 0.1 }),
  new Adam({ learningRate: 0.05 }),
  new Adam({ learningRate: 0.05, amsgrad: true }),
  new SPSA(),
  new COBYLA(),
  new NelderMead(),
  new LBFGS(),
  new QNG({ learningRate: 0.1 }),
  new Rotosolve(),
];

/** Expects `run` to throw a QforgeError with `code` whose message matches `message`. */
function expectQforgeError(run: () => unknown, code: string, message: RegExp): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(QforgeError);
    expect((e as QforgeError).code).toBe(code);
    expect((e as QforgeError).message).toMatch(message);
    return;
  }
  expect.unreachable("expected a QforgeError");
}

describe("minimize", () => {
  describe("common behaviour of every optimizer", () => {
    for (const optimizer of allOptimizers()) {
      const label = `${optimizer.name}${"nesterov" in optimizer && optimizer.nesterov ? " (nesterov)" : ""}`;
      it(`${label}: history has one value per iteration, x0 is untouched, onStep sees each iteration`, () => {
        const x0 = Float64Array.from(VQE_START);
        const steps: StepInfo[] = [];
        const r = minimize(vqeObjective(), x0, {
          optimizer,
          maxIterations: 12,
          tolerance: 0,
          onStep: (info) => void steps.push(info),
        });
        expect(Array.from(x0)).toEqual(VQE_START);
        expect(r.iterations).toBe(12);
        expect(r.history).toHaveLength(r.iterations);
        expect(steps.map((s) => s.iteration)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        expect(steps.map((s) => s.value)).toEqual(r.history);
        expect(r.reason).toBe("maximum iterations reached");
        expect(r.converged).toBe(false);
        expect(r.optimizer).toBe(optimizer.name);
        expect(r.value).toBeCloseTo(vqeObjective().value(r.x), 14);
        expect(r.value).toBeLessThanOrEqual(vqeObjective().value(x0));
      });

      it(`${label}: onStep returning "stop" (or false) stops after that iteration`, () => {
        for (const answer of ["stop", false] as const) {
          const r = minimize(vqeObjective(), VQE_START, {
            optimizer,
            maxIterations: 100,
            tolerance: 0,
            onStep: ({ iteration }) => (iteration === 3 ? answer : undefined),
          });
          expect(r.iterations).toBe(3);
          expect(r.history).toHaveLength(3);
          expect(r.reason).toBe("stopped by onStep");
          expect(r.converged).toBe(false);
        }
      });

      it(`${label}: same seed, same run (bit for bit)`, () => {
        const a = minimize(vqeObjective(), VQE_START, { optimizer, maxIterations: 15, seed: 3 });
        const b = minimize(vqeObjective(), VQE_START, { optimizer, maxIterations: 15, seed: 3 });
        expect(b.history).toEqual(a.history);
        expect(Array.from(b.x)).toEqual(Array.from(a.x));
      });
    }
  });

  it("picks LBFGS when a gradient is given and COBYLA otherwise", () => {
    expect(minimize(rosenbrock(), [-1.2, 1]).optimizer).toBe("LBFGS");
    expect(minimize({ value: rosenbrock().value }, [-1.2, 1]).optimizer).toBe("COBYLA");
    expect(minimize((x) => x[0]! ** 2, [1]).optimizer).toBe("COBYLA");
    const joint = {
      value: (x: Float64Array) => x[0]! ** 2,
      valueAndGradient: (x: Float64Array) => ({ value: x[0]! ** 2, gradient: [2 * x[0]!] }),
    };
    expect(minimize(joint, [1]).optimizer).toBe("LBFGS");
  });

  it("uses valueAndGradient for joint evaluations and counts evaluations", () => {
    let joint = 0;
    let separate = 0;
    const objective = {
      value: (x: Float64Array) => (separate++, (x[0]! - 2) ** 2),
      valueAndGradient: (x: Float64Array) => (
        joint++,
        { value: (x[0]! - 2) ** 2, gradient: [2 * (x[0]! - 2)] }
      ),
    };
    const r = minimize(objective, [0], {
      optimizer: new SGD({ learningRate: 0.1 }),
      maxIterations: 5,
      tolerance: 0,
    });
    expect(separate).toBe(0);
    expect(joint).toBe(6);
    expect(r.evaluations).toBe(6);
    expect(r.gradientEvaluations).toBe(6);
  });

  it("reports the gradient norm to onStep and applies the gradient-norm and |Δvalue| rules", () => {
    // SGD on x² with η = 0.25 from 1: x_k = 0.5^k, |g_k| = 2·0.5^k, Δf_k = 3·0.25^k.
    const square = { value: (x: Float64Array) => x[0]! ** 2, gradient: (x: Float64Array) => [2 * x[0]!] };
    const norms: (number | undefined)[] = [];
    const byValue = minimize(square, [1], {
      optimizer: new SGD({ learningRate: 0.25 }),
      tolerance: 1e-3,
      onStep: ({ gradientNorm }) => void norms.push(gradientNorm),
    });
    expect(norms[0]).toBe(1);
    // Δf_k < 1e-3 first at k = 6 (3·0.25⁶ ≈ 7.3e-4), before |g_k| < 1e-3 (k = 11).
    expect(byValue.iterations).toBe(6);
    expect(byValue.reason).toBe("value change below tolerance");
    expect(byValue.converged).toBe(true);
    // With tolerance 1.5 the gradient rule (checked first) fires at k = 1: |g_1| = 1.
    const byGradient = minimize(square, [1], { optimizer: new SGD({ learningRate: 0.25 }), tolerance: 1.5 });
    expect(byGradient.iterations).toBe(1);
    expect(byGradient.reason).toBe("gradient norm below tolerance");
    // Already stationary: no iteration at all.
    const stationary = minimize(square, [0], { optimizer: new LBFGS() });
    expect(stationary.iterations).toBe(0);
    expect(stationary.reason).toBe("gradient norm below tolerance");
  });

  it("stops early with patience when the best value stops improving", () => {
    // Nelder–Mead on a constant: no improvement ever, the simplex never gets small enough to converge.
    const r = minimize(() => 1, [0, 0], { optimizer: new NelderMead(), patience: 5, tolerance: 1e-300 });
    expect(r.iterations).toBe(5);
    expect(r.reason).toBe("no improvement by more than the tolerance for 5 iterations (patience)");
    expect(r.converged).toBe(false);
  });

  it("honours maxIterations 0 and maxEvaluations", () => {
    const zero = minimize(rosenbrock(), [-1.2, 1], { maxIterations: 0 });
    expect(zero.iterations).toBe(0);
    expect(Array.from(zero.x)).toEqual([-1.2, 1]);
    expect(zero.value).toBeCloseTo(24.2, 12);
    const capped = minimize(rosenbrock().value, [-1.2, 1], {
      optimizer: new NelderMead(),
      maxEvaluations: 40,
    });
    expect(capped.reason).toBe("maximum evaluations reached");
    expect(capped.evaluations).toBeGreaterThanOrEqual(40);
    expect(capped.evaluations).toBeLessThan(40 + 4); // checked at iteration ends: at most one iteration over
  });

  it("accepts plain arrays, never mutates x0, and clips x0 into the bounds", () => {
    const x0 = [3, -3];
    const r = minimize((x) => x[0]! ** 2 + x[1]! ** 2, x0, {
      optimizer: new NelderMead(),
      bounds: [
        [1, 2],
        [-1, 1],
      ],
      maxIterations: 0,
    });
    expect(x0).toEqual([3, -3]);
    expect(Array.from(r.x)).toEqual([2, -1]);
  });

  describe("errors", () => {
    it("NaN from the cost names the iteration and the point", () => {
      // SGD on (x − 1)² from 0 with η = 0.1: x_k = 1 − 0.8^k; the cost fails once x > 0.5, at x_4 = 0.5904.
      const cost = {
        value: (x: Float64Array) => (x[0]! > 0.5 ? Number.NaN : (x[0]! - 1) ** 2),
        gradient: (x: Float64Array) => [2 * (x[0]! - 1)],
      };
      expectQforgeError(
        () => minimize(cost, [0], { optimizer: new SGD({ learningRate: 0.1 }), tolerance: 0 }),
        "NON_FINITE",
        /^objective returned NaN at iteration 4 at x = \[0\.5904\]$/,
      );
      expectQforgeError(
        () => minimize(() => Number.NaN, [1, 2]),
        "NON_FINITE",
        /objective returned NaN at the starting point \(iteration 0\) at x = \[1, 2\]/,
      );
      expectQforgeError(
        () =>
          minimize((x) => (x[0]! > 0.0005 ? Infinity : (x[0]! - 1) ** 2), [0], {
            optimizer: new NelderMead(),
          }),
        "NON_FINITE",
        /objective returned Infinity at iteration 1/,
      );
    });

    it("a non-finite gradient names the component and the iteration", () => {
      const objective = {
        value: (x: Float64Array) => x[0]! + x[1]!,
        gradient: (x: Float64Array) => [1, x[0]! > -0.5 ? 1 : Number.NaN],
      };
      expectQforgeError(
        () => minimize(objective, [0, 0], { optimizer: new SGD({ learningRate: 0.3 }), tolerance: 0 }),
        "NON_FINITE",
        /gradient\[1\] is NaN at iteration 2 at x = \[-0\.6, -0\.6\]/,
      );
    });

    it("a diverging optimizer is reported as a non-finite iterate", () => {
      expectQforgeError(
        () =>
          minimize({ value: (x) => x[0]! ** 4, gradient: (x) => [4 * x[0]! ** 3] }, [3], {
            optimizer: new SGD({ learningRate: 1 }),
            tolerance: 0,
          }),
        "NON_FINITE",
        /(x\[0\] is -?Infinity at iteration \d+: the optimizer diverged|objective returned Infinity)/,
      );
    });

    it("wrong gradient or bounds lengths", () => {
      expectQforgeError(
        () => minimize({ value: (x) => x[0]! ** 2, gradient: () => [1, 2, 3] }, [1, 1]),
        "INVALID_ARGUMENT",
        /gradient has length 3 but x has length 2/,
      );
      expectQforgeError(
        () => minimize({ value: (x) => x[0]!, valueAndGradient: () => ({ value: 0, gradient: [] }) }, [1]),
        "INVALID_ARGUMENT",
        /gradient has length 0 but x has length 1/,
      );
      expectQforgeError(
        () => minimize((x) => x[0]!, [1, 2], { bounds: [[0, 1]] }),
        "INVALID_ARGUMENT",
        /bounds has 1 entries but x has length 2/,
      );
      expectQforgeError(
        () => minimize((x) => x[0]!, [1], { bounds: [[2, 1]] }),
        "INVALID_ARGUMENT",
        /bounds\[0\] = \[2, 1\] needs lower ≤ upper/,
      );
      expectQforgeError(
        () => minimize({ value: (x) => x[0]!, bounds: [[0, 1]] }, [1], { bounds: [[0, 1]] }),
        "INVALID_ARGUMENT",
        /bounds are given both on the objective and in the options/,
      );
    });

    it("bad x0 and bad options", () => {
      expectQforgeError(() => minimize((x) => x[0]!, [1, Number.NaN]), "NON_FINITE", /x0\[1\] is NaN/);
      expectQforgeError(() => minimize((x) => x[0]!, []), "INVALID_ARGUMENT", /at least one entry/);
      expectQforgeError(
        () => minimize((x) => x[0]!, [1], { tolerance: -1 }),
        "INVALID_ARGUMENT",
        /tolerance must be a finite number ≥ 0/,
      );
      expectQforgeError(
        () => minimize((x) => x[0]!, [1], { maxIterations: 2.5 }),
        "INVALID_ARGUMENT",
        /maxIterations must be an integer ≥ 0/,
      );
      expectQforgeError(
        () => minimize((x) => x[0]!, [1], { patience: 0 }),
        "INVALID_ARGUMENT",
        /patience must be an integer ≥ 1/,
      );
      expectQforgeError(
        () => minimize((x) => x[0]!, [1], { seed: 1.5 }),
        "INVALID_ARGUMENT",
        /seed must be an integer/,
      );
      expectQforgeError(() => minimize({} as never, [1]), "INVALID_ARGUMENT", /objective must be a function/);
      expectQforgeError(
        () => new SGD({ learningRate: -0.5 }),
        "INVALID_ARGUMENT",
        /SGD learningRate must be a finite number > 0, got -0.5/,
      );
    });
  });
});
