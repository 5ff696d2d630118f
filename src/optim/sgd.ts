import { runGradientDescent } from "./gradient-descent-loop.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkPositive } from "./option-checks.js";

/**
 * Options of {@link SGD}.
 *
 * @example
 * ```ts
 * new SGD({ learningRate: 0.1 } satisfies SGDOptions);
 * ```
 */
export interface SGDOptions {
  /** Step size η (default 0.01). */
  learningRate?: number;
}

/**
 * Plain gradient descent: x ← x − η∇f(x). Without an analytic gradient it uses central finite differences.
 * One iteration = one update.
 *
 * @example
 * ```ts
 * minimize((x) => x[0]! ** 2, [1], { optimizer: new SGD({ learningRate: 0.1 }) });
 * ```
 */
export class SGD implements Optimizer {
  readonly name = "SGD";
  readonly learningRate: number;

  constructor(options: SGDOptions = {}) {
    this.learningRate = options.learningRate ?? 0.01;
    checkPositive(this.learningRate, "SGD learningRate");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const eta = this.learningRate;
    return runGradientDescent(ctx, x0, () => (x, g) => {
      for (let i = 0; i < x.length; i++) x[i] = x[i]! - eta * g[i]!;
    });
  }
}
