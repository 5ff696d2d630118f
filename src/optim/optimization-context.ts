import { QforgeError, check } from "../util/errors.js";
import { Rng } from "../util/rng.js";
import { finiteDifferenceGradient } from "./finite-difference-gradient.js";
import type { Objective, ObjectiveObject } from "./objective.js";
import { formatVector, norm } from "./vector.js";

/**
 * What `onStep` receives after every iteration.
 *
 * @example
 * ```ts
 * const onStep = (info: StepInfo) => console.log(info.iteration, info.value, info.gradientNorm);
 * ```
 */
export interface StepInfo {
  /** 1-based iteration number. */
  iteration: number;
  /** The point the optimizer reports for this iteration (a copy). */
  x: Float64Array;
  value: number;
  /** Norm of the (projected) gradient at `x`, for optimizers that compute one. */
  gradientNorm?: number;
}

/**
 * Progress callback; returning `false` or `"stop"` ends the run early (reason "stopped by onStep").
 *
 * @example
 * ```ts
 * const onStep: OnStep = ({ value }) => (value < -1.4 ? "stop" : undefined);
 * ```
 */
export type OnStep = (info: StepInfo) => void | boolean | "stop";

/**
 * Stopping rules and shared settings of one run; `minimize` fills these from its options.
 *
 * @example
 * ```ts
 * const settings: RunSettings = {
 *   maxIterations: 100, maxEvaluations: Infinity, tolerance: 1e-8, patience: Infinity, seed: 0,
 *   lower: undefined, upper: undefined, onStep: undefined,
 * };
 * ```
 */
export interface RunSettings {
  maxIterations: number;
  maxEvaluations: number;
  tolerance: number;
  patience: number;
  seed: number;
  lower: Float64Array | undefined;
  upper: Float64Array | undefined;
  onStep: OnStep | undefined;
}

/**
 * What an optimizer tells the context at the end of an iteration besides the point and its value.
 *
 * @example
 * ```ts
 * ctx.endIteration(x, value, { gradientNorm: norm(gradient) });
 * ctx.endIteration(best, fBest, { testValueChange: false, converged: "simplex small" });
 * ```
 */
export interface IterationReport {
  /** Norm of the (projected) gradient at the reported point; converged when below the tolerance. */
  gradientNorm?: number;
  /** Set by optimizers with their own convergence test (simplex size, trust radius): stops, converged. */
  converged?: string;
  /** Whether |Δvalue| < tolerance counts as convergence (default true). */
  testValueChange?: boolean;
}

/**
 * The bridge between an {@link Optimizer} and the user's objective for one `minimize` run: it evaluates
 * the objective (counting evaluations, checking lengths and finiteness, falling back to finite-difference
 * gradients), owns the seeded {@link Rng}, and applies the stopping rules when an iteration ends.
 * A fresh context is made for each run, so optimizers keep no state between runs.
 *
 * @example
 * ```ts
 * // Inside a custom optimizer's run(ctx, x0):
 * let value = ctx.value(x0);
 * ctx.begin(x0, value);
 * while (!ctx.endIteration(x0, value)) { ... }
 * ```
 */
export class OptimizationContext {
  /** Number of parameters P. */
  readonly dimension: number;
  readonly tolerance: number;
  readonly maxIterations: number;
  /** The run's random generator, seeded from `minimize`'s `seed`. */
  readonly rng: Rng;
  /** Lower and upper bounds (±Infinity where open), or undefined when the problem is unbounded. */
  readonly lower: Float64Array | undefined;
  readonly upper: Float64Array | undefined;

  private readonly objective: ObjectiveObject;
  private readonly settings: RunSettings;
  private iterationCount = 0;
  private evaluationCount = 0;
  private gradientEvaluationCount = 0;
  private started = false;
  private previousValue: number | undefined;
  private bestValueSeen = Infinity;
  private bestPoint: Float64Array | undefined;
  private sinceImprovement = 0;
  private stopReason: string | undefined;
  private hasConverged = false;
  private readonly values: number[] = [];

  constructor(objective: Objective, dimension: number, settings: RunSettings) {
    this.objective = typeof objective === "function" ? { value: objective } : objective;
    this.dimension = dimension;
    this.settings = settings;
    this.tolerance = settings.tolerance;
    this.maxIterations = settings.maxIterations;
    this.rng = new Rng(settings.seed);
    this.lower = settings.lower;
    this.upper = settings.upper;
    if (settings.maxIterations === 0) this.stop("maximum iterations reached", false);
  }

  /** Completed iterations so far. */
  get iteration(): number {
    return this.iterationCount;
  }
  /** Objective evaluations so far (finite-difference probes included). */
  get evaluations(): number {
    return this.evaluationCount;
  }
  /** Gradient computations so far (analytic or finite-difference). */
  get gradientEvaluations(): number {
    return this.gradientEvaluationCount;
  }
  /** Whether a stopping rule has fired; optimizers end their loop when it is true. */
  get stopped(): boolean {
    return this.stopReason !== undefined;
  }
  get converged(): boolean {
    return this.hasConverged;
  }
  /** Why the run stopped, or undefined while it runs. */
  get reason(): string | undefined {
    return this.stopReason;
  }
  /** Reported value per iteration. */
  get history(): readonly number[] {
    return this.values;
  }
  /** Whether the objective supplies an analytic gradient. */
  get hasGradient(): boolean {
    return this.objective.gradient !== undefined || this.objective.valueAndGradient !== undefined;
  }
  /** Whether the objective supplies a metric tensor (needed by QNG). */
  get hasMetricTensor(): boolean {
    return this.objective.metricTensor !== undefined;
  }
  /** Whether any bound is finite. */
  get isBounded(): boolean {
    return this.lower !== undefined;
  }
  /** The lowest-valued point reported so far (the starting point included), and its value. */
  get best(): { x: Float64Array; value: number } {
    check(this.bestPoint !== undefined, "no point has been reported yet");
    return { x: Float64Array.from(this.bestPoint), value: this.bestValueSeen };
  }

  /** Records the starting point and its value (the baseline for the value-change and patience rules). */
  begin(x: Float64Array, value: number): void {
    this.started = true;
    this.previousValue = value;
    this.track(x, value);
  }

  /** f(x), counted and checked for finiteness. */
  value(x: Float64Array): number {
    this.checkPoint(x);
    this.evaluationCount++;
    const v = this.objective.value(Float64Array.from(x));
    this.checkValue(v, x);
    return v;
  }

  /** ∇f(x): analytic when the objective has one, else central finite differences (2·P evaluations). */
  gradient(x: Float64Array): Float64Array {
    const { gradient, valueAndGradient } = this.objective;
    if (gradient !== undefined) {
      this.checkPoint(x);
      this.gradientEvaluationCount++;
      return this.checkGradient(gradient.call(this.objective, Float64Array.from(x)), x);
    }
    if (valueAndGradient !== undefined) return this.valueAndGradient(x).gradient;
    this.checkPoint(x);
    this.gradientEvaluationCount++;
    return finiteDifferenceGradient((p) => this.value(p), x, this.lower, this.upper);
  }

  /** f(x) and ∇f(x) together, using `valueAndGradient` when the objective has it. */
  valueAndGradient(x: Float64Array): { value: number; gradient: Float64Array } {
    const joint = this.objective.valueAndGradient;
    if (joint === undefined) return { value: this.value(x), gradient: this.gradient(x) };
    this.checkPoint(x);
    this.evaluationCount++;
    this.gradientEvaluationCount++;
    const result = joint.call(this.objective, Float64Array.from(x));
    this.checkValue(result.value, x);
    return { value: result.value, gradient: this.checkGradient(result.gradient, x) };
  }

  /** The P×P metric tensor (row-major) from `objective.metricTensor`; throws if the objective has none. */
  metricTensor(x: Float64Array): Float64Array {
    const metric = this.objective.metricTensor;
    if (metric === undefined) {
      throw new QforgeError(
        "INVALID_ARGUMENT",
        "this optimizer needs the objective to provide metricTensor(x) (the P×P metric, row-major); pass an objective object with a metricTensor method",
      );
    }
    this.checkPoint(x);
    const p = this.dimension;
    const g = metric.call(this.objective, Float64Array.from(x));
    check(
      g.length === p * p,
      `metricTensor(x) must return P×P = ${p * p} entries for P = ${p}, got ${g.length}`,
    );
    for (let i = 0; i < g.length; i++) {
      if (!Number.isFinite(g[i])) {
        throw new QforgeError(
          "NON_FINITE",
          `metricTensor entry (${Math.floor(i / p)}, ${i % p}) is ${g[i]} ${this.when()} at x = ${formatVector(x)}`,
        );
      }
    }
    return Float64Array.from(g);
  }

  /** Clips `x` into the bounds in place (no-op when unbounded). */
  project(x: Float64Array): void {
    const { lower, upper } = this;
    if (lower === undefined || upper === undefined) return;
    for (let i = 0; i < x.length; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
  }

  /**
   * Stationarity measure: ‖g‖₂ when unbounded, else ‖P(x − g) − x‖₂ (the projected gradient), which is
   * zero exactly at a bound-constrained stationary point.
   */
  projectedGradientNorm(x: Float64Array, gradient: Float64Array): number {
    const { lower, upper } = this;
    if (lower === undefined || upper === undefined) return norm(gradient);
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const d = Math.min(upper[i]!, Math.max(lower[i]!, xi - gradient[i]!)) - xi;
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /**
   * Ends an iteration at point `x` with value `value`: records the history, calls `onStep`, and applies the
   * stopping rules in this order: onStep asked to stop; the optimizer's own convergence (`report.converged`);
   * gradient norm < tolerance; |Δvalue| < tolerance; no improvement by more than the tolerance for
   * `patience` iterations; iteration limit; evaluation limit. Returns true when the run must stop.
   */
  endIteration(x: Float64Array, value: number, report: IterationReport = {}): boolean {
    if (this.stopped) return true;
    this.iterationCount++;
    this.values.push(value);
    const improved = value < this.bestValueSeen - this.tolerance;
    this.track(x, value);
    this.sinceImprovement = improved ? 0 : this.sinceImprovement + 1;
    const { onStep, tolerance, patience, maxIterations, maxEvaluations } = this.settings;
    const { gradientNorm, converged, testValueChange = true } = report;
    const previous = this.previousValue;
    this.previousValue = value;

    if (onStep !== undefined) {
      const info: StepInfo = { iteration: this.iterationCount, x: Float64Array.from(x), value };
      if (gradientNorm !== undefined) info.gradientNorm = gradientNorm;
      const answer = onStep(info);
      if (answer === false || answer === "stop") this.stop("stopped by onStep", false);
    }
    if (this.stopped) return true;
    if (converged !== undefined) this.stop(converged, true);
    else if (gradientNorm !== undefined && gradientNorm < tolerance)
      this.stop("gradient norm below tolerance", true);
    else if (testValueChange && previous !== undefined && Math.abs(value - previous) < tolerance) {
      this.stop("value change below tolerance", true);
    } else if (this.sinceImprovement >= patience) {
      this.stop(`no improvement by more than the tolerance for ${patience} iterations (patience)`, false);
    } else if (this.iterationCount >= maxIterations) this.stop("maximum iterations reached", false);
    else if (this.evaluationCount >= maxEvaluations) this.stop("maximum evaluations reached", false);
    return this.stopped;
  }

  /** Stops the run with a reason (used by optimizers for their own terminations, e.g. a failed line search). */
  stop(reason: string, converged: boolean): void {
    if (this.stopped) return;
    this.stopReason = reason;
    this.hasConverged = converged;
  }

  private track(x: Float64Array, value: number): void {
    if (this.bestPoint === undefined || value < this.bestValueSeen) {
      this.bestValueSeen = value;
      this.bestPoint = Float64Array.from(x);
    }
  }

  private when(): string {
    return this.started ? `at iteration ${this.iterationCount + 1}` : "at the starting point (iteration 0)";
  }

  private checkPoint(x: Float64Array): void {
    check(
      x.length === this.dimension,
      `point has length ${x.length} but the problem has ${this.dimension} parameters`,
    );
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) {
        throw new QforgeError(
          "NON_FINITE",
          `x[${i}] is ${x[i]} ${this.when()}: the optimizer diverged (try a smaller learning rate); x = ${formatVector(x)}`,
        );
      }
    }
  }

  /**
   * Throws NON_FINITE unless `value` — something user code named `what` returned at `x` — is finite; the
   * message names the iteration and the point. For optimizers that call extra user functions (constraints).
   */
  requireFinite(value: number, what: string, x: Float64Array): number {
    if (!Number.isFinite(value)) {
      throw new QforgeError(
        "NON_FINITE",
        `${what} returned ${value} ${this.when()} at x = ${formatVector(x)}`,
      );
    }
    return value;
  }

  private checkValue(value: number, x: Float64Array): void {
    this.requireFinite(value, "objective", x);
  }

  private checkGradient(gradient: ArrayLike<number>, x: Float64Array): Float64Array {
    check(
      gradient.length === this.dimension,
      `gradient has length ${gradient.length} but x has length ${this.dimension}`,
    );
    for (let i = 0; i < gradient.length; i++) {
      if (!Number.isFinite(gradient[i])) {
        throw new QforgeError(
          "NON_FINITE",
          `gradient[${i}] is ${gradient[i]} ${this.when()} at x = ${formatVector(x)} (x[${i}] = ${x[i]})`,
        );
      }
    }
    return Float64Array.from(gradient);
  }
}
