import { check } from "../util/errors.js";
import type { OptimizationContext } from "./optimization-context.js";
import type { Optimizer, OptimizerOutcome } from "./optimizer.js";
import { checkPositive } from "./option-checks.js";
import { solveTrustRegionLp } from "./solve-trust-region-lp.js";

/**
 * An inequality constraint for {@link COBYLA}: feasible where `c(x) ≥ 0`.
 *
 * @example
 * ```ts
 * const insideUnitDisc: InequalityConstraint = (x) => 1 - x[0]! ** 2 - x[1]! ** 2;
 * ```
 */
export type InequalityConstraint = (x: Float64Array) => number;

/**
 * Options of {@link COBYLA}.
 *
 * @example
 * ```ts
 * new COBYLA({ rhobeg: 0.5, rhoend: 1e-6, constraints: [(x) => 1 - x[0]!] } satisfies COBYLAOptions);
 * ```
 */
export interface COBYLAOptions {
  /** Initial trust-region radius, roughly the size of the first changes to x (default 1). */
  rhobeg?: number;
  /** Final trust-region radius, the accuracy wanted in x (default: minimize's `tolerance`, or 1e-8 if that is 0). */
  rhoend?: number;
  /** Inequality constraints c(x) ≥ 0 (default none). */
  constraints?: readonly InequalityConstraint[];
}

/**
 * COBYLA, Powell's Constrained Optimization BY Linear Approximations (1994): derivative-free; it keeps a
 * simplex of n + 1 points, fits linear models of the objective and of each constraint `c(x) ≥ 0` to it, and
 * steps by solving a linear program inside a trust region of radius ρ, which shrinks from `rhobeg` to
 * `rhoend`. Constraint violations are balanced against the objective by a merit-function penalty μ. This
 * is a faithful transcription of Powell's COBYLB/TRSTLP (with the cycling and overflow safeguards of
 * Zhang's PRIMA) except that it returns the best vertex by the merit function rather than the last point
 * evaluated. Finite bounds are added as linear constraints, so intermediate points may leave the box.
 *
 * One iteration = one objective evaluation; each iteration reports the current best vertex.
 * Converges (reason "trust region radius reached rhoend") when ρ reaches `rhoend` and no further progress
 * is made at that radius; the |Δvalue| rule does not apply.
 *
 * @example
 * ```ts
 * // minimise x + y inside the unit disc
 * const opt = new COBYLA({ constraints: [(x) => 1 - x[0]! ** 2 - x[1]! ** 2], rhobeg: 0.5 });
 * minimize((x) => x[0]! + x[1]!, [0, 0], { optimizer: opt, tolerance: 1e-8 }); // x ≈ (−0.7071, −0.7071)
 * ```
 */
export class COBYLA implements Optimizer {
  readonly name = "COBYLA";
  readonly rhobeg: number;
  readonly rhoend: number | undefined;
  readonly constraints: readonly InequalityConstraint[];

  constructor(options: COBYLAOptions = {}) {
    this.rhobeg = options.rhobeg ?? 1;
    this.rhoend = options.rhoend;
    this.constraints = [...(options.constraints ?? [])];
    checkPositive(this.rhobeg, "COBYLA rhobeg");
    if (this.rhoend !== undefined) {
      checkPositive(this.rhoend, "COBYLA rhoend");
      check(
        this.rhoend <= this.rhobeg,
        `COBYLA rhoend (${this.rhoend}) must not exceed rhobeg (${this.rhobeg})`,
      );
    }
    this.constraints.forEach((c, k) =>
      check(typeof c === "function", `COBYLA constraints[${k}] must be a function`),
    );
  }

  run(ctx: OptimizationContext, x0: Float64Array): OptimizerOutcome {
    const n = x0.length;
    const rhobeg = this.rhobeg;
    const rhoend = Math.min(rhobeg, this.rhoend ?? (ctx.tolerance > 0 ? ctx.tolerance : 1e-8));
    const constraints = [...this.constraints, ...boundConstraints(ctx)];
    const m = constraints.length;
    const mp = m; // row of datmat / index of a holding the objective
    const mpp = m + 1; // row of datmat holding the greatest constraint violation

    // sim: columns 0..n−1 hold displacements from the best vertex (column n) to the other vertices;
    // simi is the inverse of sim's first n columns; datmat[k][j] holds constraint k (then f, then the
    // greatest violation) at vertex j.
    const sim = Array.from({ length: n }, () => new Float64Array(n + 1));
    const simi = Array.from({ length: n }, () => new Float64Array(n));
    const datmat = Array.from({ length: m + 2 }, () => new Float64Array(n + 1));
    const a = Array.from({ length: m + 1 }, () => new Float64Array(n));
    const con = new Float64Array(m + 2);
    const vsig = new Float64Array(n);
    const veta = new Float64Array(n);
    const sigbar = new Float64Array(n);
    const dx = new Float64Array(n);
    const w = new Float64Array(n);
    const x = Float64Array.from(x0);

    const alpha = 0.25; // acceptability bound on simplex "volume" (σ)
    const beta = 2.1; // acceptability bound on edge lengths (η)
    const gamma = 0.5; // size of a geometry-improving step, relative to ρ
    const delta = 1.1; // edge length beyond which a vertex is replaced
    let rho = rhobeg;
    let parmu = 0;
    let nfvals = 0;
    for (let i = 0; i < n; i++) {
      sim[i]![n] = x[i]!;
      sim[i]![i] = rho;
      simi[i]![i] = 1 / rho;
    }
    let jdrop = n;
    let ibrnch = false; // true once the initial simplex is complete and x is a trust-region trial point
    let iflag = false; // simplex acceptable
    let parsig = 0;
    let prerec = 0;
    let prerem = 0;
    let f = 0;
    let resmax = 0;

    /** Evaluates f and the constraints at x into con (reporting the previous iteration first). */
    const evaluate = (): boolean => {
      if (nfvals > 0 && ctx.endIteration(pole(), datmat[mp]![n]!, { testValueChange: false })) return false;
      nfvals++;
      f = ctx.value(x);
      resmax = 0;
      for (let k = 0; k < m; k++) {
        const c = ctx.requireFinite(constraints[k]!(Float64Array.from(x)), `COBYLA constraint ${k}`, x);
        con[k] = c;
        resmax = Math.max(resmax, -c);
      }
      con[mp] = f;
      con[mpp] = resmax;
      if (nfvals === 1) ctx.begin(x, f);
      return true;
    };
    const pole = (): Float64Array => Float64Array.from(sim, (row) => row[n]!);
    const merit = (j: number): number => datmat[mp]![j]! + parmu * datmat[mpp]![j]!;
    /** Replaces vertex jdrop by pole + dx, updating simi by the rank-one formula. */
    const replaceVertex = (drop: number): void => {
      let temp = 0;
      for (let i = 0; i < n; i++) {
        sim[i]![drop] = dx[i]!;
        temp += simi[drop]![i]! * dx[i]!;
      }
      for (let i = 0; i < n; i++) simi[drop]![i] = simi[drop]![i]! / temp;
      for (let j = 0; j < n; j++) {
        if (j === drop) continue;
        let t = 0;
        for (let i = 0; i < n; i++) t += simi[j]![i]! * dx[i]!;
        for (let i = 0; i < n; i++) simi[j]![i] = simi[j]![i]! - t * simi[drop]![i]!;
      }
    };

    type State = "evaluate" | "best-vertex" | "trust-region-step" | "trial-result" | "radius-check" | "done";
    let state: State = "evaluate";
    while (state !== "done") {
      switch (state) {
        case "evaluate": {
          if (!evaluate()) {
            state = "done";
            break;
          }
          if (ibrnch) {
            state = "trial-result";
            break;
          }
          for (let k = 0; k < m + 2; k++) datmat[k]![jdrop] = con[k]!;
          if (nfvals > n + 1) {
            // A geometry-improving vertex has been evaluated.
            ibrnch = true;
            state = "best-vertex";
            break;
          }
          // Building the initial simplex: keep the better of the new vertex and the current pole at n.
          if (jdrop < n) {
            if (datmat[mp]![n]! <= f) {
              x[jdrop] = sim[jdrop]![n]!;
            } else {
              sim[jdrop]![n] = x[jdrop]!;
              for (let k = 0; k < m + 2; k++) {
                datmat[k]![jdrop] = datmat[k]![n]!;
                datmat[k]![n] = con[k]!;
              }
              for (let k = 0; k <= jdrop; k++) {
                sim[jdrop]![k] = -rho;
                let temp = 0;
                for (let i = k; i <= jdrop; i++) temp -= simi[i]![k]!;
                simi[jdrop]![k] = temp;
              }
            }
          }
          if (nfvals <= n) {
            jdrop = nfvals - 1;
            x[jdrop] = x[jdrop]! + rho;
            state = "evaluate";
          } else {
            ibrnch = true;
            state = "best-vertex";
          }
          break;
        }

        case "best-vertex": {
          // Move the vertex with the least merit φ = f + μ·violation into pole position.
          let nbest = n;
          let phimin = merit(n);
          for (let j = 0; j < n; j++) {
            const temp = merit(j);
            if (temp < phimin) {
              nbest = j;
              phimin = temp;
            } else if (temp === phimin && parmu === 0 && datmat[mpp]![j]! < datmat[mpp]![nbest]!) {
              nbest = j;
            }
          }
          if (nbest < n) {
            for (let k = 0; k < m + 2; k++) {
              const temp = datmat[k]![n]!;
              datmat[k]![n] = datmat[k]![nbest]!;
              datmat[k]![nbest] = temp;
            }
            for (let i = 0; i < n; i++) {
              const temp = sim[i]![nbest]!;
              sim[i]![nbest] = 0;
              sim[i]![n] = sim[i]![n]! + temp;
              let tempa = 0;
              for (let k = 0; k < n; k++) {
                sim[i]![k] = sim[i]![k]! - temp;
                tempa -= simi[k]![i]!;
              }
              simi[nbest]![i] = tempa;
            }
          }
          // Give up if simi has drifted too far from the inverse of sim.
          let error = 0;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let temp = i === j ? -1 : 0;
              for (let k = 0; k < n; k++) temp += simi[i]![k]! * sim[k]![j]!;
              error = Math.max(error, Math.abs(temp));
            }
          }
          if (error > 0.1) {
            ctx.stop("COBYLA stopped: rounding errors are becoming damaging", false);
            state = "done";
            break;
          }
          // Linear models: a[k] is the gradient of constraint k; a[mp] is minus the objective's gradient.
          for (let k = 0; k <= mp; k++) {
            con[k] = -datmat[k]![n]!;
            for (let j = 0; j < n; j++) w[j] = datmat[k]![j]! + con[k]!;
            for (let i = 0; i < n; i++) {
              let temp = 0;
              for (let j = 0; j < n; j++) temp += w[j]! * simi[j]![i]!;
              a[k]![i] = k === mp ? -temp : temp;
            }
          }
          // Simplex acceptability: vsig[j] is the distance of vertex j from the opposite face, veta[j]
          // the length of edge j.
          iflag = true;
          parsig = alpha * rho;
          const pareta = beta * rho;
          for (let j = 0; j < n; j++) {
            let wsig = 0;
            let weta = 0;
            for (let i = 0; i < n; i++) {
              wsig += simi[j]![i]! ** 2;
              weta += sim[i]![j]! ** 2;
            }
            vsig[j] = 1 / Math.sqrt(wsig);
            veta[j] = Math.sqrt(weta);
            if (vsig[j]! < parsig || veta[j]! > pareta) iflag = false;
          }
          if (ibrnch || iflag) {
            state = "trust-region-step";
            break;
          }
          // Improve the geometry: replace the worst-shaped vertex by a point along simi's row.
          jdrop = -1;
          let temp = pareta;
          for (let j = 0; j < n; j++) {
            if (veta[j]! > temp) {
              jdrop = j;
              temp = veta[j]!;
            }
          }
          if (jdrop < 0) {
            for (let j = 0; j < n; j++) {
              if (vsig[j]! < temp) {
                jdrop = j;
                temp = vsig[j]!;
              }
            }
          }
          const scale = gamma * rho * vsig[jdrop]!;
          for (let i = 0; i < n; i++) dx[i] = scale * simi[jdrop]![i]!;
          let cvmaxp = 0;
          let cvmaxm = 0;
          let sum = 0;
          for (let k = 0; k <= mp; k++) {
            sum = 0;
            for (let i = 0; i < n; i++) sum += a[k]![i]! * dx[i]!;
            if (k < mp) {
              const c = datmat[k]![n]!;
              cvmaxp = Math.max(cvmaxp, -sum - c);
              cvmaxm = Math.max(cvmaxm, sum - c);
            }
          }
          const dxsign = parmu * (cvmaxp - cvmaxm) > sum + sum ? -1 : 1;
          for (let i = 0; i < n; i++) dx[i] = dxsign * dx[i]!;
          replaceVertex(jdrop);
          for (let i = 0; i < n; i++) x[i] = sim[i]![n]! + dx[i]!;
          state = "evaluate";
          break;
        }

        case "trust-region-step": {
          const { full } = solveTrustRegionLp(n, m, a, con, rho, dx);
          if (!full) {
            let dd = 0;
            for (let i = 0; i < n; i++) dd += dx[i]! ** 2;
            if (dd < 0.25 * rho * rho) {
              ibrnch = true;
              state = "radius-check";
              break;
            }
          }
          // Predicted change of f (sum) and of the greatest violation (resnew) for the step dx.
          let resnew = 0;
          con[mp] = 0;
          let sum = 0;
          for (let k = 0; k <= mp; k++) {
            sum = con[k]!;
            for (let i = 0; i < n; i++) sum -= a[k]![i]! * dx[i]!;
            if (k < mp) resnew = Math.max(resnew, sum);
          }
          // Increase the penalty μ if needed; if that changes the best vertex, start over from it.
          let barmu = 0;
          prerec = datmat[mpp]![n]! - resnew;
          if (prerec > 0) barmu = sum / prerec;
          if (parmu < 1.5 * barmu) {
            parmu = 2 * barmu;
            const phi = merit(n);
            let changed = false;
            for (let j = 0; j < n && !changed; j++) {
              const temp = merit(j);
              changed = temp < phi || (temp === phi && parmu === 0 && datmat[mpp]![j]! < datmat[mpp]![n]!);
            }
            if (changed) {
              state = "best-vertex";
              break;
            }
          }
          prerem = parmu * prerec - sum;
          for (let i = 0; i < n; i++) x[i] = sim[i]![n]! + dx[i]!;
          ibrnch = true;
          state = "evaluate";
          break;
        }

        case "trial-result": {
          // Actual versus predicted reduction of the merit function at the trial point.
          const vmold = merit(n);
          const vmnew = f + parmu * resmax;
          let trured = vmold - vmnew;
          if (parmu === 0 && f === datmat[mp]![n]!) {
            prerem = prerec;
            trured = datmat[mpp]![n]! - resmax;
          }
          // Choose the vertex to replace (mandatory if the merit improved).
          let ratio = trured <= 0 ? 1 : 0;
          jdrop = -1;
          for (let j = 0; j < n; j++) {
            let temp = 0;
            for (let i = 0; i < n; i++) temp += simi[j]![i]! * dx[i]!;
            temp = Math.abs(temp);
            if (temp > ratio) {
              jdrop = j;
              ratio = temp;
            }
            sigbar[j] = temp * vsig[j]!;
          }
          let edgmax = delta * rho;
          let l = -1;
          for (let j = 0; j < n; j++) {
            if (sigbar[j]! >= parsig || sigbar[j]! >= vsig[j]!) {
              let temp = veta[j]!;
              if (trured > 0) {
                temp = 0;
                for (let i = 0; i < n; i++) temp += (dx[i]! - sim[i]![j]!) ** 2;
                temp = Math.sqrt(temp);
              }
              if (temp > edgmax) {
                l = j;
                edgmax = temp;
              }
            }
          }
          if (l >= 0) jdrop = l;
          if (jdrop < 0) {
            state = "radius-check";
            break;
          }
          replaceVertex(jdrop);
          for (let k = 0; k < m + 2; k++) datmat[k]![jdrop] = con[k]!;
          state = trured > 0 && trured >= 0.1 * prerem ? "best-vertex" : "radius-check";
          break;
        }

        case "radius-check": {
          if (!iflag) {
            ibrnch = false;
            state = "best-vertex";
            break;
          }
          if (rho <= rhoend) {
            const best = bestVertex();
            ctx.endIteration(best.x, best.value, {
              testValueChange: false,
              converged: "trust region radius reached rhoend",
            });
            return best;
          }
          // Halve ρ (snapping to rhoend near the end) and reduce μ where the constraints allow.
          rho *= 0.5;
          if (rho <= 1.5 * rhoend) rho = rhoend;
          if (parmu > 0) {
            let denom = 0;
            let cmin = 0;
            let cmax = 0;
            for (let k = 0; k <= mp; k++) {
              cmin = datmat[k]![n]!;
              cmax = cmin;
              for (let i = 0; i < n; i++) {
                cmin = Math.min(cmin, datmat[k]![i]!);
                cmax = Math.max(cmax, datmat[k]![i]!);
              }
              if (k < mp && cmin < 0.5 * cmax) {
                const temp = Math.max(cmax, 0) - cmin;
                denom = denom <= 0 ? temp : Math.min(denom, temp);
              }
            }
            if (denom === 0) parmu = 0;
            else if (cmax - cmin < parmu * denom) parmu = (cmax - cmin) / denom;
          }
          state = "best-vertex";
          break;
        }
      }
    }
    return bestVertex();

    /**
     * The evaluated vertex with the least merit (ties broken by the smaller violation), as COBYLA ranks
     * them. While the initial simplex is being built only columns 0..nfvals − 2 (and n) hold values.
     */
    function bestVertex(): OptimizerOutcome {
      let best = n;
      for (let j = 0; j < Math.min(n, nfvals - 1); j++) {
        const better =
          merit(j) < merit(best) || (merit(j) === merit(best) && datmat[mpp]![j]! < datmat[mpp]![best]!);
        if (better) best = j;
      }
      const xBest = Float64Array.from(sim, (row) => row[n]! + (best === n ? 0 : row[best]!));
      return { x: xBest, value: datmat[mp]![best]! };
    }
  }
}

/** Finite bounds as linear constraints x_i − lower_i ≥ 0 and upper_i − x_i ≥ 0. */
function boundConstraints(ctx: OptimizationContext): InequalityConstraint[] {
  const { lower, upper } = ctx;
  const result: InequalityConstraint[] = [];
  if (lower === undefined || upper === undefined) return result;
  for (let i = 0; i < ctx.dimension; i++) {
    const lo = lower[i]!;
    const hi = upper[i]!;
    if (Number.isFinite(lo)) result.push((x) => x[i]! - lo);
    if (Number.isFinite(hi)) result.push((x) => hi - x[i]!);
  }
  return result;
}
