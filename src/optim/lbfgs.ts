import { check } from "../util/errors.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkInteger, checkPositive } from "./option-checks.js";
import { strongWolfeLineSearch } from "./strong-wolfe-line-search.js";
import { dot, norm } from "./vector.js";

/**
 * Options of {@link LBFGS}.
 *
 * @example
 * ```ts
 * new LBFGS({ memory: 20 } satisfies LBFGSOptions);
 * ```
 */
export interface LBFGSOptions {
  /** Number of curvature pairs (s, y) kept (default 10). */
  memory?: number;
  /** Sufficient-decrease constant of the line search (default 1e-4). */
  c1?: number;
  /** Curvature constant of the strong Wolfe line search (default 0.9). */
  c2?: number;
  /** Most objective evaluations per line search (default 25). */
  maxLineSearchEvaluations?: number;
}

/**
 * Limited-memory BFGS (Nocedal 1980; Liu & Nocedal 1989): the two-loop recursion applies an inverse-Hessian
 * approximation built from the last `memory` steps, scaled by γ = sᵀy/yᵀy, and a strong-Wolfe line search
 * (bracketing + cubic zoom) picks the step. Without an analytic gradient it uses central finite differences.
 *
 * With box bounds (the objective's or minimize's `bounds`) it runs a projected L-BFGS-B-style method:
 * variables at a bound whose gradient pushes outward are held fixed, the quasi-Newton direction is
 * computed on the free variables, and a backtracking Armijo search runs along the projected path
 * P(x + αd). Convergence is then judged on the projected gradient ‖P(x − ∇f) − x‖.
 *
 * One iteration = one accepted step. Stops converged on gradient norm < tolerance, |Δf| < tolerance, or
 * when no line search can reduce f and the predicted decrease is at the rounding level of f; stops
 * unconverged if the line search fails (even from a steepest-descent restart) with a larger predicted decrease.
 *
 * @example
 * ```ts
 * minimize({ value: rosenbrock, gradient: rosenbrockGradient }, [-1.2, 1], { optimizer: new LBFGS() });
 * ```
 */
export class LBFGS implements Optimizer {
  readonly name = "LBFGS";
  readonly memory: number;
  readonly c1: number;
  readonly c2: number;
  readonly maxLineSearchEvaluations: number;

  constructor(options: LBFGSOptions = {}) {
    this.memory = options.memory ?? 10;
    this.c1 = options.c1 ?? 1e-4;
    this.c2 = options.c2 ?? 0.9;
    this.maxLineSearchEvaluations = options.maxLineSearchEvaluations ?? 25;
    checkInteger(this.memory, 1, "LBFGS memory");
    checkPositive(this.c1, "LBFGS c1");
    checkPositive(this.c2, "LBFGS c2");
    check(
      this.c1 < this.c2 && this.c2 < 1,
      `LBFGS needs 0 < c1 < c2 < 1, got c1 = ${this.c1}, c2 = ${this.c2}`,
    );
    checkInteger(this.maxLineSearchEvaluations, 1, "LBFGS maxLineSearchEvaluations");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const n = x0.length;
    const pairs: { s: Float64Array; y: Float64Array; rho: number }[] = [];
    let x: Float64Array = Float64Array.from(x0);
    let { value, gradient } = ctx.valueAndGradient(x);
    ctx.begin(x, value);
    if (ctx.projectedGradientNorm(x, gradient) < ctx.tolerance)
      ctx.stop("gradient norm below tolerance", true);

    let predictedDecrease: number | undefined; // of the quasi-Newton step whose line search failed
    while (!ctx.stopped) {
      const free = freeVariables(ctx, x, gradient);
      let direction = twoLoopDirection(gradient, pairs, free);
      let slope = dot(gradient, direction);
      if (!(slope < 0)) {
        pairs.length = 0; // the memory gives no descent direction: restart from steepest descent
        direction = twoLoopDirection(gradient, pairs, free);
        slope = dot(gradient, direction);
      }
      const firstStep = pairs.length === 0 ? Math.min(1, 1 / norm(direction)) : 1;
      const step = ctx.isBounded
        ? this.projectedSearch(ctx, x, value, gradient, direction, firstStep)
        : this.wolfeSearch(ctx, x, value, slope, direction, firstStep);
      if (step === undefined) {
        predictedDecrease ??= -slope * firstStep;
        if (pairs.length > 0) {
          pairs.length = 0; // retry once from steepest descent before giving up
          continue;
        }
        // A predicted decrease at the rounding level of f means we are at the minimum to working precision.
        if (predictedDecrease <= 100 * Number.EPSILON * Math.max(1, Math.abs(value))) {
          ctx.stop("objective cannot be reduced further at working precision", true);
        } else {
          ctx.stop("line search could not reduce the objective", false);
        }
        break;
      }
      predictedDecrease = undefined;
      const s = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        s[i] = step.x[i]! - x[i]!;
        y[i] = step.gradient[i]! - gradient[i]!;
      }
      const sy = dot(s, y);
      if (sy > Number.EPSILON * dot(y, y)) {
        pairs.push({ s, y, rho: 1 / sy });
        if (pairs.length > this.memory) pairs.shift();
      }
      x = step.x;
      value = step.value;
      gradient = step.gradient;
      ctx.endIteration(x, value, { gradientNorm: ctx.projectedGradientNorm(x, gradient) });
    }
    return ctx.best;
  }

  /** Strong-Wolfe search along x + αd (unbounded problems); undefined when f cannot be reduced. */
  private wolfeSearch(
    ctx: OptimizationContext,
    x: Float64Array,
    value: number,
    slope: number,
    direction: Float64Array,
    firstStep: number,
  ): Step | undefined {
    const result = strongWolfeLineSearch(
      (alpha) => {
        const point = Float64Array.from(x, (xi, i) => xi + alpha * direction[i]!);
        const trial = ctx.valueAndGradient(point);
        return { value: trial.value, slope: dot(trial.gradient, direction), data: { x: point, ...trial } };
      },
      value,
      slope,
      firstStep,
      { c1: this.c1, c2: this.c2, maxEvaluations: this.maxLineSearchEvaluations },
    );
    if (result === undefined || !(result.trial.value < value)) return undefined;
    return result.trial.data;
  }

  /**
   * Backtracking Armijo search along the projected path P(x + αd): accepts the first α (halving, or
   * quadratic interpolation clamped to [0.1α, 0.5α]) with f(x_α) ≤ f(x) + c₁∇f·(x_α − x) and f(x_α) < f(x).
   */
  private projectedSearch(
    ctx: OptimizationContext,
    x: Float64Array,
    value: number,
    gradient: Float64Array,
    direction: Float64Array,
    firstStep: number,
  ): Step | undefined {
    let alpha = firstStep;
    for (let k = 0; k < this.maxLineSearchEvaluations; k++) {
      const point = Float64Array.from(x, (xi, i) => xi + alpha * direction[i]!);
      ctx.project(point);
      let decrease = 0;
      for (let i = 0; i < x.length; i++) decrease += gradient[i]! * (point[i]! - x[i]!);
      if (!(decrease < 0)) return undefined; // the projected path is no longer a descent path
      const trial = ctx.valueAndGradient(point);
      if (trial.value <= value + this.c1 * decrease && trial.value < value) return { x: point, ...trial };
      const quadratic = (-decrease * alpha) / (2 * (trial.value - value - decrease));
      alpha = Math.min(
        0.5 * alpha,
        Math.max(0.1 * alpha, Number.isFinite(quadratic) ? quadratic : 0.5 * alpha),
      );
    }
    return undefined;
  }
}

interface Step {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
}

/**
 * Mask of variables free to move: false for a variable at its lower bound with ∂f/∂x_i > 0 or at its upper
 * bound with ∂f/∂x_i < 0 (all true when unbounded).
 */
function freeVariables(ctx: OptimizationContext, x: Float64Array, gradient: Float64Array): boolean[] {
  const { lower, upper } = ctx;
  return Array.from(x, (xi, i) => {
    if (lower === undefined || upper === undefined) return true;
    return !((xi <= lower[i]! && gradient[i]! > 0) || (xi >= upper[i]! && gradient[i]! < 0));
  });
}

/** d = −H·g restricted to the free variables, H being the L-BFGS inverse-Hessian approximation. */
function twoLoopDirection(
  gradient: Float64Array,
  pairs: readonly { s: Float64Array; y: Float64Array; rho: number }[],
  free: readonly boolean[],
): Float64Array {
  const q = Float64Array.from(gradient, (g, i) => (free[i] ? g : 0));
  const alphas = new Float64Array(pairs.length);
  for (let k = pairs.length - 1; k >= 0; k--) {
    const { s, y, rho } = pairs[k]!;
    const a = rho * dot(s, q);
    alphas[k] = a;
    for (let i = 0; i < q.length; i++) q[i] = q[i]! - a * y[i]!;
  }
  const newest = pairs[pairs.length - 1];
  const gamma = newest === undefined ? 1 : dot(newest.s, newest.y) / dot(newest.y, newest.y);
  for (let i = 0; i < q.length; i++) q[i] = gamma * q[i]!;
  for (let k = 0; k < pairs.length; k++) {
    const { s, y, rho } = pairs[k]!;
    const b = rho * dot(y, q);
    for (let i = 0; i < q.length; i++) q[i] = q[i]! + s[i]! * (alphas[k]! - b);
  }
  return Float64Array.from(q, (v, i) => (free[i] ? -v : 0));
}
