import type { OptimizationContext } from "./optimization-context.js";

/**
 * An optimizer's answer: the point it settles on and its objective value.
 *
 * @example
 * ```ts
 * const outcome: OptimizerOutcome = ctx.best; // the lowest-valued point reported
 * ```
 */
export interface OptimizerOutcome {
  x: Float64Array;
  value: number;
}

/**
 * The one interface every optimizer implements. `run` drives the iterations through the context (which
 * evaluates the objective and decides when to stop) and returns its answer. Implementations keep all
 * per-run state local to `run`, so one instance can be reused and two runs with the same seed are
 * bit-for-bit identical.
 *
 * @example
 * ```ts
 * class RandomSearch implements Optimizer {
 *   readonly name = "RandomSearch";
 *   run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
 *     ctx.begin(x0, ctx.value(x0));
 *     while (!ctx.stopped) {
 *       const x = x0.map((v) => v + ctx.rng.normal());
 *       ctx.endIteration(x, ctx.value(x), { testValueChange: false });
 *     }
 *     return ctx.best;
 *   }
 * }
 * ```
 */
export interface Optimizer {
  /** Short display name, e.g. "Adam". */
  readonly name: string;
  /** Minimises from `x0` (already a private copy, clipped into any bounds). */
  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome;
}
