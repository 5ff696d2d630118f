import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkNonNegative, checkPositive } from "./option-checks.js";

/**
 * Options of {@link NelderMead}.
 *
 * @example
 * ```ts
 * new NelderMead({ adaptive: true, initialStep: 0.1 } satisfies NelderMeadOptions);
 * ```
 */
export interface NelderMeadOptions {
  /**
   * Use the dimension-dependent coefficients of Gao & Han (2012): expansion 1 + 2/n, contraction
   * 0.75 − 1/(2n), shrink 1 − 1/n (default true; ignored for n = 1, which uses the standard 1, 2, ½, ½).
   */
  adaptive?: boolean;
  /**
   * Edge length of the initial simplex along each axis. Default: x0_i·0.05 (vertex i scales x0_i by 1.05),
   * or 0.00025 where x0_i = 0 — the choice of SciPy and MATLAB's fminsearch.
   */
  initialStep?: number;
  /** Simplex diameter (max-norm distance from the best vertex) required for convergence (default: `tolerance`). */
  xTolerance?: number;
}

/**
 * The Nelder–Mead downhill simplex method (Lagarias et al. 1998 formulation), derivative-free, with the
 * adaptive coefficients of Gao & Han (2012), which keep it effective in higher dimensions. With bounds,
 * trial points are clipped into the box.
 *
 * One iteration = one reflection (plus expansion, contraction or shrink). Converges when the spread of
 * values over the simplex, max |f_i − f_best|, is at most `tolerance` and the simplex diameter is at most
 * `xTolerance`; the |Δvalue| rule does not apply (the best value can stall while the simplex shrinks).
 *
 * @example
 * ```ts
 * minimize(rosenbrock, [-1.2, 1], { optimizer: new NelderMead(), maxIterations: 5000 });
 * ```
 */
export class NelderMead implements Optimizer {
  readonly name = "NelderMead";
  readonly adaptive: boolean;
  readonly initialStep: number | undefined;
  readonly xTolerance: number | undefined;

  constructor(options: NelderMeadOptions = {}) {
    this.adaptive = options.adaptive ?? true;
    this.initialStep = options.initialStep;
    this.xTolerance = options.xTolerance;
    if (this.initialStep !== undefined) checkPositive(this.initialStep, "NelderMead initialStep");
    if (this.xTolerance !== undefined) checkNonNegative(this.xTolerance, "NelderMead xTolerance");
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const n = x0.length;
    const useAdaptive = this.adaptive && n >= 2;
    const reflect = 1;
    const expand = useAdaptive ? 1 + 2 / n : 2;
    const contract = useAdaptive ? 0.75 - 1 / (2 * n) : 0.5;
    const shrink = useAdaptive ? 1 - 1 / n : 0.5;
    const xTolerance = this.xTolerance ?? ctx.tolerance;

    const startValue = ctx.value(x0);
    ctx.begin(x0, startValue);
    const vertices: Float64Array[] = [Float64Array.from(x0)];
    const values: number[] = [startValue];
    for (let i = 0; i < n && !ctx.stopped; i++) {
      const v = Float64Array.from(x0);
      const step = this.initialStep ?? (x0[i] !== 0 ? 0.05 * x0[i]! : 0.00025);
      v[i] = x0[i]! + step;
      ctx.project(v);
      if (v[i] === x0[i]) v[i] = x0[i]! - step; // x0 sits on an upper bound: step the other way
      ctx.project(v);
      vertices.push(v);
      values.push(ctx.value(v));
    }

    /** Point (1 + t)·centroid − t·worst, clipped into the bounds. */
    const along = (centroid: Float64Array, worst: Float64Array, t: number): Float64Array => {
      const p = new Float64Array(n);
      for (let i = 0; i < n; i++) p[i] = (1 + t) * centroid[i]! - t * worst[i]!;
      ctx.project(p);
      return p;
    };

    let order = sortedOrder(values);
    while (!ctx.stopped) {
      const best = order[0]!;
      const worst = order[n]!;
      const secondWorst = order[n - 1]!;
      const centroid = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const v = vertices[order[r]!]!;
        for (let i = 0; i < n; i++) centroid[i] = centroid[i]! + v[i]!;
      }
      for (let i = 0; i < n; i++) centroid[i] = centroid[i]! / n;
      const fBest = values[best]!;
      const fWorst = values[worst]!;
      const replace = (p: Float64Array, value: number): void => {
        vertices[worst] = p;
        values[worst] = value;
      };

      const xr = along(centroid, vertices[worst]!, reflect);
      const fr = ctx.value(xr);
      if (fr < fBest) {
        const xe = along(centroid, vertices[worst]!, reflect * expand);
        const fe = ctx.value(xe);
        if (fe < fr) replace(xe, fe);
        else replace(xr, fr);
      } else if (fr < values[secondWorst]!) {
        replace(xr, fr);
      } else {
        // Contract outside (towards the reflected point) or inside (towards the worst vertex).
        const outside = fr < fWorst;
        const xc = along(centroid, vertices[worst]!, outside ? contract * reflect : -contract);
        const fc = ctx.value(xc);
        if (outside ? fc <= fr : fc < fWorst) {
          replace(xc, fc);
        } else {
          const anchor = vertices[best]!;
          for (let r = 1; r <= n; r++) {
            const j = order[r]!;
            const v = vertices[j]!;
            for (let i = 0; i < n; i++) v[i] = anchor[i]! + shrink * (v[i]! - anchor[i]!);
            values[j] = ctx.value(v);
          }
        }
      }

      order = sortedOrder(values);
      const bestNow = vertices[order[0]!]!;
      const fNow = values[order[0]!]!;
      let spread = 0;
      let diameter = 0;
      for (let r = 1; r <= n; r++) {
        const v = vertices[order[r]!]!;
        spread = Math.max(spread, Math.abs(values[order[r]!]! - fNow));
        for (let i = 0; i < n; i++) diameter = Math.max(diameter, Math.abs(v[i]! - bestNow[i]!));
      }
      const small = spread <= ctx.tolerance && diameter <= xTolerance;
      ctx.endIteration(bestNow, fNow, {
        testValueChange: false,
        ...(small ? { converged: "simplex values and size below tolerance" } : {}),
      });
    }
    return ctx.best;
  }
}

/** Indices of `values` from smallest to largest (stable, so ties keep their order). */
function sortedOrder(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
}
