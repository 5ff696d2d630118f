import { runGradientDescent } from "./gradient-descent-loop.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkInRange, checkPositive } from "./option-checks.js";

/**
 * Options of {@link Momentum}.
 *
 * @example
 * ```ts
 * new Momentum({ learningRate: 0.01, momentum: 0.9, nesterov: true } satisfies MomentumOptions);
 * ```
 */
export interface MomentumOptions {
  /** Step size η (default 0.01). */
  learningRate?: number;
  /** Momentum coefficient μ in [0, 1) (default 0.9). */
  momentum?: number;
  /** Use Nesterov's accelerated gradient (default false). */
  nesterov?: boolean;
}

/**
 * Gradient descent with heavy-ball momentum, in the PyTorch formulation: v ← μv + ∇f(x), then
 * x ← x − ηv, or with `nesterov` x ← x − η(∇f(x) + μv) (the look-ahead form of Nesterov's method, which
 * needs no extra gradient evaluation). One iteration = one update.
 *
 * @example
 * ```ts
 * const opt = new Momentum({ learningRate: 0.01, momentum: 0.9, nesterov: true });
 * ```
 */
export class Momentum implements Optimizer {
  readonly name = "Momentum";
  readonly learningRate: number;
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: MomentumOptions = {}) {
    this.learningRate = options.learningRate ?? 0.01;
    this.momentum = options.momentum ?? 0.9;
    this.nesterov = options.nesterov ?? false;
    checkPositive(this.learningRate, "Momentum learningRate");
    checkInRange(this.momentum, 0, 1, "Momentum momentum");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const { learningRate: eta, momentum: mu, nesterov } = this;
    return runGradientDescent(ctx, x0, () => {
      const velocity = new Float64Array(x0.length);
      return (x, g) => {
        for (let i = 0; i < x.length; i++) {
          const v = mu * velocity[i]! + g[i]!;
          velocity[i] = v;
          x[i] = x[i]! - eta * (nesterov ? g[i]! + mu * v : v);
        }
      };
    });
  }
}
