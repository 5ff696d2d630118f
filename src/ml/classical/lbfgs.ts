import { check } from "../../util/errors.js";

/** Objective for {@link minimizeLbfgs}: returns f(x) and writes ∇f(x) into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link minimizeLbfgs}. */
export interface LbfgsOptions {
  /** Most iterations (default 1000). */
  maxIter?: number;
  /** Stop when the largest gradient component is at most this (default 1e-8). */
  gtol?: number;
  /** Stop when f decreases by less than ftol·max(|f|, 1) in one step (default 64·machine epsilon). */
  ftol?: number;
  /** Correction pairs kept (default 10). */
  memory?: number;
}

/** Outcome of {@link minimizeLbfgs}. */
export interface LbfgsResult {
  x: Float64Array;
  f: number;
  /** Largest absolute gradient component at `x`. */
  gradNorm: number;
  iterations: number;
  converged: boolean;
}

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal & Wright, algorithms 7.4, 3.5 and 3.6).
 * Fully deterministic: no randomness, fixed evaluation order. Used by the classical baselines.
 *
 * @example
 * ```ts
 * const r = minimizeLbfgs((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; }, new Float64Array(1));
 * r.x[0]; // 3
 * ```
 */
export function minimizeLbfgs(
  objective: Objective,
  x0: Float64Array,
  options: LbfgsOptions = {},
): LbfgsResult {
  const maxIter = options.maxIter ?? 1000;
  const gtol = options.gtol ?? 1e-8;
  const ftol = options.ftol ?? 64 * Number.EPSILON;
  const memory = options.memory ?? 10;
  check(Number.isInteger(maxIter) && maxIter >= 0, `maxIter must be a non-negative integer, got ${maxIter}`);
  const n = x0.length;
  let x: Float64Array = Float64Array.from(x0);
  let g: Float64Array = new Float64Array(n);
  let f = objective(x, g);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const d = new Float64Array(n);
  const alphas = new Float64Array(memory);

  let iterations = 0;
  let converged = infNorm(g) <= gtol;
  while (!converged && iterations < maxIter) {
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    const m = sList.length;
    for (let j = m - 1; j >= 0; j--) {
      const a = rhoList[j]! * dot(sList[j]!, d);
      alphas[j] = a;
      axpy(-a, yList[j]!, d);
    }
    if (m > 0) {
      const yl = yList[m - 1]!;
      scale(d, dot(sList[m - 1]!, yl) / dot(yl, yl));
    }
    for (let j = 0; j < m; j++) {
      const b = rhoList[j]! * dot(yList[j]!, d);
      axpy(alphas[j]! - b, sList[j]!, d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Lost descent (round-off): restart from steepest descent.
      sList.length = yList.length = rhoList.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
    }
    const initial = m === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const step = wolfeLineSearch(objective, x, f, g, d, slope, initial);
    iterations++;
    if (step === undefined) break; // no acceptable step: f cannot be decreased further in this direction
    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i]! - x[i]!;
      yv[i] = step.g[i]! - g[i]!;
    }
    const sy = dot(s, yv);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(yv, yv))) {
      if (sList.length === memory) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
      sList.push(s);
      yList.push(yv);
      rhoList.push(1 / sy);
    }
    const decrease = f - step.f;
    x = step.x;
    g = step.g;
    f = step.f;
    if (infNorm(g) <= gtol || decrease <= ftol * Math.max(Math.abs(f), 1)) converged = true;
  }
  return { x, f, gradNorm: infNorm(g), iterations, converged };
}

interface Trial {
  alpha: number;
  f: number;
  slope: number;
  x: Float64Array;
  g: Float64Array;
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_EVALUATIONS = 50;

function wolfeLineSearch(
  objective: Objective,
  x: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
  slope0: number,
  initial: number,
): Trial | undefined {
  let evaluations = 0;
  let best: Trial | undefined;
  const evaluate = (alpha: number): Trial => {
    evaluations++;
    const xt = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) xt[i] = x[i]! + alpha * d[i]!;
    const gt = new Float64Array(x.length);
    const ft = objective(xt, gt);
    const trial = { alpha, f: ft, slope: dot(gt, d), x: xt, g: gt };
    if (Number.isFinite(ft) && ft < f0 && (best === undefined || ft < best.f)) best = trial;
    return trial;
  };
  const armijo = (t: Trial): boolean => Number.isFinite(t.f) && t.f <= f0 + C1 * t.alpha * slope0;
  const curvature = (t: Trial): boolean => Math.abs(t.slope) <= -C2 * slope0;

  let prev: Trial = { alpha: 0, f: f0, slope: slope0, x, g: g0 };
  let alpha = initial;
  for (let i = 0; evaluations < MAX_EVALUATIONS; i++) {
    const cur = evaluate(alpha);
    if (!armijo(cur) || (i > 0 && cur.f >= prev.f)) return zoom(prev, cur);
    if (curvature(cur)) return cur;
    if (cur.slope >= 0) return zoom(cur, prev);
    prev = cur;
    alpha *= 2;
  }
  return best;

  function zoom(lo: Trial, hi: Trial): Trial | undefined {
    while (evaluations < MAX_EVALUATIONS) {
      const a = interpolate(lo, hi);
      if (Math.abs(hi.alpha - lo.alpha) <= 1e-16 * Math.max(1, lo.alpha)) break;
      const cur = evaluate(a);
      if (!armijo(cur) || cur.f >= lo.f) {
        hi = cur;
      } else {
        if (curvature(cur)) return cur;
        if (cur.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = cur;
      }
    }
    return best;
  }
}

/** Minimiser of the cubic through two points with slopes, kept inside the middle 80 % of the bracket. */
function interpolate(a: Trial, b: Trial): number {
  const lo = Math.min(a.alpha, b.alpha);
  const hi = Math.max(a.alpha, b.alpha);
  const width = hi - lo;
  let t = (lo + hi) / 2;
  if (Number.isFinite(a.f) && Number.isFinite(b.f)) {
    const d1 = a.slope + b.slope - (3 * (a.f - b.f)) / (a.alpha - b.alpha);
    const disc = d1 * d1 - a.slope * b.slope;
    if (disc >= 0) {
      const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(disc);
      const cubic = b.alpha - (b.alpha - a.alpha) * ((b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2));
      if (Number.isFinite(cubic)) t = cubic;
    }
  }
  return Math.min(Math.max(t, lo + 0.1 * width), hi - 0.1 * width);
}

function dot(a: Float64Array, b: Float64Array): number {
  let acc = 0;
  for (let i = 0; i < a.length; i++) acc += a[i]! * b[i]!;
  return acc;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i]! += a * x[i]!;
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i]! *= a;
}

function infNorm(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}
