import { QforgeError } from "../util/errors.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";

/**
 * Options of {@link Rotosolve}.
 *
 * @example
 * ```ts
 * new Rotosolve({ wrap: false } satisfies RotosolveOptions);
 * ```
 */
export interface RotosolveOptions {
  /** Wrap each updated angle into (−π, π] (default true; harmless for a 2π-periodic cost). */
  wrap?: boolean;
}

/**
 * Rotosolve (Ostaszewski, Grant & Benedetti 2021; Nakanishi, Fujii & Todo 2020): coordinate descent for
 * costs that are sinusoidal with period 2π in each parameter, f(θ_d) = A·sin(θ_d + B) + C — the case of
 * circuits where each parameter enters one rotation gate exp(−iθP/2). For each coordinate it evaluates
 * f(θ_d ± π/2) and jumps to the exact minimiser
 * θ*_d = θ_d − π/2 − atan2(2f(θ_d) − f(θ_d + π/2) − f(θ_d − π/2), f(θ_d + π/2) − f(θ_d − π/2)),
 * then evaluates f there (3 evaluations per coordinate). If the cost is not exactly sinusoidal and the
 * jump would increase f, the coordinate is left unchanged, so the value never increases.
 *
 * One iteration = one sweep over all coordinates. Does not support bounds (UNSUPPORTED).
 *
 * @example
 * ```ts
 * minimize(vqeEnergy, [0.1, 0.2, 0.3, 0.4], { optimizer: new Rotosolve(), maxIterations: 50 });
 * ```
 */
export class Rotosolve implements Optimizer {
  readonly name = "Rotosolve";
  readonly wrap: boolean;

  constructor(options: RotosolveOptions = {}) {
    this.wrap = options.wrap ?? true;
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    if (ctx.isBounded) {
      throw new QforgeError(
        "UNSUPPORTED",
        "Rotosolve does not support bounds: its closed-form jumps assume a cost that is 2π-periodic in each parameter",
      );
    }
    const theta = Float64Array.from(x0);
    let value = ctx.value(theta);
    ctx.begin(theta, value);
    while (!ctx.stopped) {
      for (let d = 0; d < theta.length; d++) {
        const current = theta[d]!;
        theta[d] = current + Math.PI / 2;
        const fPlus = ctx.value(theta);
        theta[d] = current - Math.PI / 2;
        const fMinus = ctx.value(theta);
        const jump = current - Math.PI / 2 - Math.atan2(2 * value - fPlus - fMinus, fPlus - fMinus);
        theta[d] = this.wrap ? wrapAngle(jump) : jump;
        const fNew = ctx.value(theta);
        if (fNew <= value) value = fNew;
        else theta[d] = current;
      }
      ctx.endIteration(theta, value);
    }
    return ctx.best;
  }
}

/** The angle congruent to `theta` modulo 2π in (−π, π]. */
function wrapAngle(theta: number): number {
  const twoPi = 2 * Math.PI;
  const wrapped = theta - twoPi * Math.floor((theta + Math.PI) / twoPi); // in [−π, π)
  return wrapped === -Math.PI ? Math.PI : wrapped;
}
