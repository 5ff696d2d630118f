import type { OptimizationContext } from "./optimization-context.js";
import type { OptimizerOutcome } from "./optimizer.js";

/** Updates `x` in place from the gradient at `x`; `t` is the 1-based update number. */
export type GradientUpdate = (x: Float64Array, gradient: Float64Array, t: number) => void;

/**
 * The loop shared by the first-order optimizers (SGD, Momentum, Adagrad, Adam, QNG). One iteration = one
 * update x ← update(x, ∇f(x)), a projection into the bounds, and one value-and-gradient evaluation at the
 * new point, which is what the iteration reports. `makeUpdate` is called once per run so the update's
 * state (moments, velocities) starts fresh. Returns the lowest-valued point seen.
 */
export function runGradientDescent(
  ctx: OptimizationContext,
  x0: Float64Array,
  makeUpdate: () => GradientUpdate,
): OptimizerOutcome {
  const x = Float64Array.from(x0);
  let { value, gradient } = ctx.valueAndGradient(x);
  ctx.begin(x, value);
  if (ctx.projectedGradientNorm(x, gradient) < ctx.tolerance) ctx.stop("gradient norm below tolerance", true);
  const update = makeUpdate();
  while (!ctx.stopped) {
    update(x, gradient, ctx.iteration + 1);
    ctx.project(x);
    ({ value, gradient } = ctx.valueAndGradient(x));
    ctx.endIteration(x, value, { gradientNorm: ctx.projectedGradientNorm(x, gradient) });
  }
  return ctx.best;
}
