import { runGradientDescent } from "./gradient-descent-loop.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkPositive } from "./option-checks.js";

/**
 * Options of {@link Adagrad}.
 *
 * @example
 * ```ts
 * new Adagrad({ learningRate: 0.5, epsilon: 1e-8 } satisfies AdagradOptions);
 * ```
 */
export interface AdagradOptions {
  /** Step size η (default 0.01). */
  learningRate?: number;
  /** Added to the denominator for stability (default 1e-8). */
  epsilon?: number;
}

/**
 * Adagrad (Duchi, Hazan & Singer 2011): per-coordinate steps shrinking with the accumulated squared
 * gradient, G ← G + g², x ← x − η g / (√G + ε). One iteration = one update.
 *
 * @example
 * ```ts
 * const opt = new Adagrad({ learningRate: 0.5 });
 * ```
 */
export class Adagrad implements Optimizer {
  readonly name = "Adagrad";
  readonly learningRate: number;
  readonly epsilon: number;

  constructor(options: AdagradOptions = {}) {
    this.learningRate = options.learningRate ?? 0.01;
    this.epsilon = options.epsilon ?? 1e-8;
    checkPositive(this.learningRate, "Adagrad learningRate");
    checkPositive(this.epsilon, "Adagrad epsilon");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const { learningRate: eta, epsilon } = this;
    return runGradientDescent(ctx, x0, () => {
      const sumSquares = new Float64Array(x0.length);
      return (x, g) => {
        for (let i = 0; i < x.length; i++) {
          const gi = g[i]!;
          sumSquares[i] = sumSquares[i]! + gi * gi;
          x[i] = x[i]! - (eta * gi) / (Math.sqrt(sumSquares[i]!) + epsilon);
        }
      };
    });
  }
}
