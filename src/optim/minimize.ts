import { QforgeError, check } from "../util/errors.js";
import { COBYLA } from "./cobyla.js";
import { LBFGS } from "./lbfgs.js";
import type { Bounds, Objective } from "./objective.js";
import { OptimizationContext, type OnStep } from "./optimization-context.js";
import type { Optimizer } from "./optimizer.js";
import { checkInteger, checkNonNegative } from "./option-checks.js";

/**
 * Options of {@link minimize}.
 *
 * @example
 * ```ts
 * const options: MinimizeOptions = { optimizer: new NelderMead(), maxIterations: 500, tolerance: 1e-10, patience: 50 };
 * ```
 */
export interface MinimizeOptions {
  /** The optimizer (default: LBFGS when the objective has `gradient` or `valueAndGradient`, else COBYLA). */
  optimizer?: Optimizer;
  /** Most iterations (default 1000); what an iteration is depends on the optimizer (see each class). */
  maxIterations?: number;
  /** Most objective evaluations, checked at the end of each iteration (default unlimited). */
  maxEvaluations?: number;
  /**
   * Convergence tolerance (default 1e-8): stop when the (projected) gradient norm or |Δvalue| over one
   * iteration falls below it, or by the optimizer's own rule (Nelder–Mead: simplex spread; COBYLA: default
   * final trust radius). Also the improvement `patience` requires. 0 disables these rules.
   */
  tolerance?: number;
  /** Stop after this many consecutive iterations that do not improve the best value by more than `tolerance` (default off). */
  patience?: number;
  /** Seed of the run's random generator, used by SPSA (default 0). */
  seed?: number;
  /** Box bounds; alternatively set `bounds` on the objective (not both). x0 is clipped into them. */
  bounds?: Bounds;
  /** Called after every iteration; return false or "stop" to end the run. */
  onStep?: OnStep;
}

/**
 * Outcome of {@link minimize}.
 *
 * @example
 * ```ts
 * const { x, value, converged, reason, history } = minimize(f, [1, 2]);
 * ```
 */
export interface MinimizeResult {
  /** The optimizer's answer (for stochastic and first-order methods, the lowest-valued iterate). */
  x: Float64Array;
  value: number;
  /** Iterations completed; equals history.length. */
  iterations: number;
  /** Objective evaluations, finite-difference probes included. */
  evaluations: number;
  /** Gradient computations (analytic or finite-difference). */
  gradientEvaluations: number;
  /** True when a convergence rule fired; false on limits, patience, onStep or failure. */
  converged: boolean;
  /** Why the run stopped, in words. */
  reason: string;
  /** Reported objective value after each iteration. */
  history: number[];
  /** Name of the optimizer used. */
  optimizer: string;
}

/**
 * Minimises `objective` from `x0` (never mutated) with the chosen optimizer. Objective values, gradients
 * and metrics are checked: a non-finite one throws QforgeError NON_FINITE naming the iteration and the
 * point; wrong lengths and bad options throw INVALID_ARGUMENT.
 *
 * @example
 * ```ts
 * const opt = new Adam({ learningRate: 0.05 });
 * const result = minimize((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, [0, 0], {
 *   optimizer: opt, maxIterations: 200, tolerance: 1e-8, seed: 1,
 *   onStep: ({ iteration, value }) => console.log(iteration, value),
 * });
 * ```
 */
export function minimize(
  objective: Objective,
  x0: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  check(
    typeof objective === "function" ||
      (typeof objective === "object" && typeof objective?.value === "function"),
    "objective must be a function (x) => number or an object with a value(x) method",
  );
  check(
    x0 !== null && typeof x0 === "object" && typeof x0.length === "number",
    "x0 must be an array of numbers",
  );
  const n = x0.length;
  check(n >= 1, "x0 must have at least one entry");
  const start = Float64Array.from(x0);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(start[i]))
      throw new QforgeError("NON_FINITE", `x0[${i}] is ${x0[i]}; a finite number is required`);
  }

  const maxIterations = options.maxIterations ?? 1000;
  const maxEvaluations = options.maxEvaluations ?? Infinity;
  const tolerance = options.tolerance ?? 1e-8;
  const patience = options.patience ?? Infinity;
  const seed = options.seed ?? 0;
  checkInteger(maxIterations, 0, "maxIterations");
  if (maxEvaluations !== Infinity) checkInteger(maxEvaluations, 1, "maxEvaluations");
  checkNonNegative(tolerance, "tolerance");
  if (patience !== Infinity) checkInteger(patience, 1, "patience");
  check(Number.isInteger(seed), `seed must be an integer, got ${seed}`);
  check(options.onStep === undefined || typeof options.onStep === "function", "onStep must be a function");

  const objectBounds = typeof objective === "function" ? undefined : objective.bounds;
  check(
    objectBounds === undefined || options.bounds === undefined,
    "bounds are given both on the objective and in the options; give them once",
  );
  const { lower, upper } = normalizeBounds(objectBounds ?? options.bounds, n);
  const hasGradient =
    typeof objective !== "function" &&
    (objective.gradient !== undefined || objective.valueAndGradient !== undefined);
  const optimizer = options.optimizer ?? (hasGradient ? new LBFGS() : new COBYLA());
  check(typeof optimizer?.run === "function", "optimizer must implement run(ctx, x0)");

  const ctx = new OptimizationContext(objective, n, {
    maxIterations,
    maxEvaluations,
    tolerance,
    patience,
    seed,
    lower,
    upper,
    onStep: options.onStep,
  });
  ctx.project(start);
  const outcome = optimizer.run(ctx, start);
  return {
    x: Float64Array.from(outcome.x),
    value: outcome.value,
    iterations: ctx.iteration,
    evaluations: ctx.evaluations,
    gradientEvaluations: ctx.gradientEvaluations,
    converged: ctx.converged,
    reason: ctx.reason ?? "optimizer finished",
    history: [...ctx.history],
    optimizer: optimizer.name,
  };
}

/** Validates bounds and splits them into lower/upper arrays; both undefined when every bound is infinite. */
function normalizeBounds(
  bounds: Bounds | undefined,
  n: number,
): { lower: Float64Array | undefined; upper: Float64Array | undefined } {
  if (bounds === undefined) return { lower: undefined, upper: undefined };
  check(Array.isArray(bounds), "bounds must be an array of [lower, upper] pairs");
  check(bounds.length === n, `bounds has ${bounds.length} entries but x has length ${n}`);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let finite = false;
  bounds.forEach((pair, i) => {
    check(Array.isArray(pair) && pair.length === 2, `bounds[${i}] must be a [lower, upper] pair`);
    const [lo, hi] = pair;
    check(
      !Number.isNaN(lo) && !Number.isNaN(hi) && lo <= hi,
      `bounds[${i}] = [${lo}, ${hi}] needs lower ≤ upper`,
    );
    check(lo !== Infinity && hi !== -Infinity, `bounds[${i}] = [${lo}, ${hi}] leaves no feasible value`);
    lower[i] = lo;
    upper[i] = hi;
    finite ||= Number.isFinite(lo) || Number.isFinite(hi);
  });
  return finite ? { lower, upper } : { lower: undefined, upper: undefined };
}
