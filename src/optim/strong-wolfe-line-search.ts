/** φ(α) = f(x + αd) and its slope φ'(α) = ∇f(x + αd)·d, with whatever the caller wants to keep. */
export interface LineSearchTrial<T> {
  value: number;
  slope: number;
  data: T;
}

/** Result of {@link strongWolfeLineSearch}. */
export interface LineSearchResult<T> {
  /** Whether the returned step satisfies both strong Wolfe conditions. */
  satisfied: boolean;
  alpha: number;
  trial: LineSearchTrial<T>;
}

/** Parameters of {@link strongWolfeLineSearch}. */
export interface StrongWolfeOptions {
  /** Sufficient-decrease constant (default 1e-4). */
  c1?: number;
  /** Curvature constant (default 0.9, the usual choice for quasi-Newton methods). */
  c2?: number;
  /** Most evaluations of φ (default 25). */
  maxEvaluations?: number;
}

/**
 * Line search for a step α satisfying the strong Wolfe conditions
 * φ(α) ≤ φ(0) + c₁αφ'(0) and |φ'(α)| ≤ c₂|φ'(0)| (Nocedal & Wright, Algorithms 3.5 and 3.6): bracketing by
 * doubling from `alpha1`, then zooming with safeguarded cubic interpolation. `slope0` must be negative.
 * When the budget runs out it returns the lowest point found with `satisfied: false`. Internal to LBFGS.
 */
export function strongWolfeLineSearch<T>(
  phi: (alpha: number) => LineSearchTrial<T>,
  value0: number,
  slope0: number,
  alpha1: number,
  options: StrongWolfeOptions = {},
): LineSearchResult<T> | undefined {
  const c1 = options.c1 ?? 1e-4;
  const c2 = options.c2 ?? 0.9;
  const budget = options.maxEvaluations ?? 25;
  let evaluations = 0;
  let best: { alpha: number; trial: LineSearchTrial<T> } | undefined;
  const evaluate = (alpha: number): LineSearchTrial<T> => {
    evaluations++;
    const trial = phi(alpha);
    if (best === undefined || trial.value < best.trial.value) best = { alpha, trial };
    return trial;
  };
  const armijo = (alpha: number, value: number): boolean => value <= value0 + c1 * alpha * slope0;
  const curvature = (slope: number): boolean => Math.abs(slope) <= -c2 * slope0;
  const fallback = (): LineSearchResult<T> | undefined =>
    best === undefined ? undefined : { satisfied: false, alpha: best.alpha, trial: best.trial };

  /** Zoom between lo (satisfies sufficient decrease, lowest so far) and hi. */
  const zoom = (lo: BracketEnd, hi: BracketEnd): LineSearchResult<T> | undefined => {
    while (evaluations < budget) {
      const width = Math.abs(hi.alpha - lo.alpha);
      if (width <= 1e-16 * Math.max(1, Math.abs(lo.alpha))) break;
      const left = Math.min(lo.alpha, hi.alpha);
      const right = Math.max(lo.alpha, hi.alpha);
      let alpha = cubicMinimizer(lo, hi);
      if (!(alpha >= left + 0.1 * width && alpha <= right - 0.1 * width)) alpha = 0.5 * (left + right);
      const trial = evaluate(alpha);
      if (!armijo(alpha, trial.value) || trial.value >= lo.value) {
        hi = { alpha, value: trial.value, slope: trial.slope };
      } else {
        if (curvature(trial.slope)) return { satisfied: true, alpha, trial };
        if (trial.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = { alpha, value: trial.value, slope: trial.slope };
      }
    }
    return fallback();
  };

  let previous: BracketEnd = { alpha: 0, value: value0, slope: slope0 };
  let alpha = alpha1;
  while (evaluations < budget) {
    const trial = evaluate(alpha);
    const current: BracketEnd = { alpha, value: trial.value, slope: trial.slope };
    if (!armijo(alpha, trial.value) || (evaluations > 1 && trial.value >= previous.value)) {
      return zoom(previous, current);
    }
    if (curvature(trial.slope)) return { satisfied: true, alpha, trial };
    if (trial.slope >= 0) return zoom(current, previous);
    previous = current;
    alpha *= 2;
  }
  return fallback();
}

/** One end of a bracket: step, value and slope. */
interface BracketEnd {
  alpha: number;
  value: number;
  slope: number;
}

/**
 * Minimiser of the cubic matching values and slopes at the two ends (Nocedal & Wright eq. 3.59); NaN when
 * the cubic has no minimiser, so the caller bisects instead.
 */
function cubicMinimizer(p: BracketEnd, q: BracketEnd): number {
  const d1 = p.slope + q.slope - (3 * (p.value - q.value)) / (p.alpha - q.alpha);
  const disc = d1 * d1 - p.slope * q.slope;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(q.alpha - p.alpha) * Math.sqrt(disc);
  return q.alpha - ((q.alpha - p.alpha) * (q.slope + d2 - d1)) / (q.slope - p.slope + 2 * d2);
}
