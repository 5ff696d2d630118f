import { runGradientDescent } from "./gradient-descent-loop.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkInRange, checkPositive } from "./option-checks.js";

/**
 * Options of {@link Adam}.
 *
 * @example
 * ```ts
 * new Adam({ learningRate: 0.05, beta1: 0.9, beta2: 0.999, amsgrad: true } satisfies AdamOptions);
 * ```
 */
export interface AdamOptions {
  /** Step size η (default 0.001). */
  learningRate?: number;
  /** Decay of the first-moment average, in [0, 1) (default 0.9). */
  beta1?: number;
  /** Decay of the second-moment average, in [0, 1) (default 0.999). */
  beta2?: number;
  /** Added to the denominator for stability (default 1e-8). */
  epsilon?: number;
  /** Use AMSGrad's running maximum of the second moment (default false). */
  amsgrad?: boolean;
}

/**
 * Adam (Kingma & Ba 2015) with bias correction: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * x ← x − η m̂ / (√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). With `amsgrad` (Reddi et al. 2018) the
 * denominator uses the running maximum of v, as in PyTorch. One iteration = one update.
 *
 * @example
 * ```ts
 * const result = minimize(cost, x0, { optimizer: new Adam({ learningRate: 0.05 }), maxIterations: 200 });
 * ```
 */
export class Adam implements Optimizer {
  readonly name = "Adam";
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;

  constructor(options: AdamOptions = {}) {
    this.learningRate = options.learningRate ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.amsgrad = options.amsgrad ?? false;
    checkPositive(this.learningRate, "Adam learningRate");
    checkInRange(this.beta1, 0, 1, "Adam beta1");
    checkInRange(this.beta2, 0, 1, "Adam beta2");
    checkPositive(this.epsilon, "Adam epsilon");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const { learningRate: eta, beta1, beta2, epsilon, amsgrad } = this;
    return runGradientDescent(ctx, x0, () => {
      const m = new Float64Array(x0.length);
      const v = new Float64Array(x0.length);
      const vMax = new Float64Array(x0.length);
      return (x, g, t) => {
        const correction1 = 1 - beta1 ** t;
        const correction2 = 1 - beta2 ** t;
        for (let i = 0; i < x.length; i++) {
          const gi = g[i]!;
          m[i] = beta1 * m[i]! + (1 - beta1) * gi;
          v[i] = beta2 * v[i]! + (1 - beta2) * gi * gi;
          let second = v[i]!;
          if (amsgrad) {
            vMax[i] = Math.max(vMax[i]!, second);
            second = vMax[i]!;
          }
          x[i] = x[i]! - (eta * (m[i]! / correction1)) / (Math.sqrt(second / correction2) + epsilon);
        }
      };
    });
  }
}
