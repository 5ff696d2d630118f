import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkInteger, checkNonNegative, checkPositive } from "./option-checks.js";

/**
 * Options of {@link SPSA}; the gains follow Spall: a_k = a/(A + k + 1)^α, c_k = c/(k + 1)^γ.
 *
 * @example
 * ```ts
 * new SPSA({ a: 0.2, c: 0.1, A: 20 } satisfies SPSAOptions);
 * ```
 */
export interface SPSAOptions {
  /** Step-size numerator a (default 0.1; replaced by calibration when `calibrate` is set). */
  a?: number;
  /** Perturbation numerator c (default 0.1). */
  c?: number;
  /** Stability constant A (default 0; Spall suggests about 10 % of the iterations). */
  A?: number;
  /** Step-size decay exponent α (default 0.602). */
  alpha?: number;
  /** Perturbation decay exponent γ (default 0.101). */
  gamma?: number;
  /**
   * Choose `a` so that the first step moves each parameter by about `targetStep` (as Qiskit's
   * `SPSA.calibrate`): averages |f(x0 + cΔ) − f(x0 − cΔ)| / (2c) over `calibrationSamples` seeded random
   * directions Δ and sets a = targetStep·(A + 1)^α / average (default false).
   */
  calibrate?: boolean;
  /** First-step size used by calibration (default 2π/10, Qiskit's target magnitude). */
  targetStep?: number;
  /** Number of perturbation pairs used by calibration (default 25). */
  calibrationSamples?: number;
  /** Gradient estimates averaged per iteration (default 1). */
  resamplings?: number;
}

/**
 * Simultaneous perturbation stochastic approximation (Spall 1992, 1998). Each iteration draws a random
 * ±1 direction Δ from the run's seeded generator, estimates the gradient from two evaluations,
 * ĝ = (f(x + c_kΔ) − f(x − c_kΔ)) / (2c_k) · Δ, steps x ← x − a_k ĝ, and evaluates f at the new point for
 * the history (2·resamplings + 1 evaluations per iteration). Works with noisy (shot-based) costs.
 *
 * Because single SPSA steps are random, the |Δvalue| rule does not apply: a run stops on `maxIterations`,
 * `maxEvaluations`, `patience` or `onStep`. The result is the lowest-valued iterate seen. The same seed
 * gives bit-for-bit identical runs.
 *
 * @example
 * ```ts
 * minimize(cost, theta0, { optimizer: new SPSA({ calibrate: true }), maxIterations: 300, seed: 7 });
 * ```
 */
export class SPSA implements Optimizer {
  readonly name = "SPSA";
  readonly a: number;
  readonly c: number;
  readonly A: number;
  readonly alpha: number;
  readonly gamma: number;
  readonly calibrate: boolean;
  readonly targetStep: number;
  readonly calibrationSamples: number;
  readonly resamplings: number;

  constructor(options: SPSAOptions = {}) {
    this.a = options.a ?? 0.1;
    this.c = options.c ?? 0.1;
    this.A = options.A ?? 0;
    this.alpha = options.alpha ?? 0.602;
    this.gamma = options.gamma ?? 0.101;
    this.calibrate = options.calibrate ?? false;
    this.targetStep = options.targetStep ?? (2 * Math.PI) / 10;
    this.calibrationSamples = options.calibrationSamples ?? 25;
    this.resamplings = options.resamplings ?? 1;
    checkPositive(this.a, "SPSA a");
    checkPositive(this.c, "SPSA c");
    checkNonNegative(this.A, "SPSA A");
    checkPositive(this.alpha, "SPSA alpha");
    checkNonNegative(this.gamma, "SPSA gamma");
    checkPositive(this.targetStep, "SPSA targetStep");
    checkInteger(this.calibrationSamples, 1, "SPSA calibrationSamples");
    checkInteger(this.resamplings, 1, "SPSA resamplings");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const n = x0.length;
    const x = Float64Array.from(x0);
    const value0 = ctx.value(x);
    ctx.begin(x, value0);
    const a = this.calibrate ? this.calibratedA(ctx, x) : this.a;
    const delta = new Float64Array(n);
    const gradient = new Float64Array(n);
    const plus = new Float64Array(n);
    const minus = new Float64Array(n);

    for (let k = 0; !ctx.stopped; k++) {
      const ak = a / (this.A + k + 1) ** this.alpha;
      const ck = this.c / (k + 1) ** this.gamma;
      gradient.fill(0);
      for (let r = 0; r < this.resamplings; r++) {
        randomSigns(ctx, delta);
        for (let i = 0; i < n; i++) {
          plus[i] = x[i]! + ck * delta[i]!;
          minus[i] = x[i]! - ck * delta[i]!;
        }
        const difference = (ctx.value(plus) - ctx.value(minus)) / (2 * ck * this.resamplings);
        for (let i = 0; i < n; i++) gradient[i] = gradient[i]! + difference * delta[i]!; // 1/Δ_i = Δ_i
      }
      for (let i = 0; i < n; i++) x[i] = x[i]! - ak * gradient[i]!;
      ctx.project(x);
      ctx.endIteration(x, ctx.value(x), { testValueChange: false });
    }
    return ctx.best;
  }

  /** a such that the first step a/(A + 1)^α · |ĝ_i| equals `targetStep` on average. */
  private calibratedA(ctx: OptimizationContext, x: Float64Array): number {
    const n = x.length;
    const delta = new Float64Array(n);
    const plus = new Float64Array(n);
    const minus = new Float64Array(n);
    let average = 0;
    for (let s = 0; s < this.calibrationSamples; s++) {
      randomSigns(ctx, delta);
      for (let i = 0; i < n; i++) {
        plus[i] = x[i]! + this.c * delta[i]!;
        minus[i] = x[i]! - this.c * delta[i]!;
      }
      average += Math.abs(ctx.value(plus) - ctx.value(minus)) / (2 * this.c) / this.calibrationSamples;
    }
    // A flat start gives no scale information: keep the configured a.
    if (!(average > 1e-12)) return this.a;
    return (this.targetStep * (this.A + 1) ** this.alpha) / average;
  }
}

/** Fills `delta` with independent ±1 entries (Rademacher) from the run's generator. */
function randomSigns(ctx: OptimizationContext, delta: Float64Array): void {
  for (let i = 0; i < delta.length; i++) delta[i] = ctx.rng.next() < 0.5 ? -1 : 1;
}
