import { QforgeError } from "../util/errors.js";
import { runGradientDescent } from "./gradient-descent-loop.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkNonNegative, checkPositive } from "./option-checks.js";
import { solveLinearSystem } from "./solve-linear-system.js";

/**
 * Options of {@link QNG}.
 *
 * @example
 * ```ts
 * new QNG({ learningRate: 0.1, lambda: 0.01 } satisfies QNGOptions);
 * ```
 */
export interface QNGOptions {
  /** Step size η (default 0.01). */
  learningRate?: number;
  /** Tikhonov regularisation λ added to the metric's diagonal (default 0.01). */
  lambda?: number;
}

/**
 * Quantum natural gradient (Stokes et al. 2020): x ← x − η (G(x) + λI)⁻¹ ∇f(x), where G is the metric
 * tensor supplied by `objective.metricTensor(x)` (P×P, row-major; for a variational circuit the
 * Fubini–Study metric). The system is solved by Cholesky (Gaussian elimination if G + λI is not positive
 * definite). Throws INVALID_ARGUMENT when the objective has no metricTensor. One iteration = one update
 * and one metric evaluation.
 *
 * @example
 * ```ts
 * const objective = { value: cost, gradient: grad, metricTensor: fubiniStudy };
 * minimize(objective, theta0, { optimizer: new QNG({ learningRate: 0.1 }) });
 * ```
 */
export class QNG implements Optimizer {
  readonly name = "QNG";
  readonly learningRate: number;
  readonly lambda: number;

  constructor(options: QNGOptions = {}) {
    this.learningRate = options.learningRate ?? 0.01;
    this.lambda = options.lambda ?? 0.01;
    checkPositive(this.learningRate, "QNG learningRate");
    checkNonNegative(this.lambda, "QNG lambda");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const { learningRate: eta, lambda } = this;
    const p = x0.length;
    if (!ctx.hasMetricTensor) {
      throw new QforgeError(
        "INVALID_ARGUMENT",
        "QNG needs a metric tensor: pass an objective object with metricTensor(x) returning the P×P metric (row-major), e.g. the Fubini–Study metric of the circuit",
      );
    }
    return runGradientDescent(ctx, x0, () => (x, g) => {
      const metric = ctx.metricTensor(x);
      for (let i = 0; i < p; i++) metric[i * p + i] = metric[i * p + i]! + lambda;
      const direction = solveLinearSystem(metric, g);
      if (direction === undefined) {
        throw new QforgeError(
          "INVALID_ARGUMENT",
          `QNG: metric tensor + λI is singular at iteration ${ctx.iteration + 1} (λ = ${lambda}); use a larger lambda`,
        );
      }
      for (let i = 0; i < p; i++) x[i] = x[i]! - eta * direction[i]!;
    });
  }
}
