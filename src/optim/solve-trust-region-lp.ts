/**
 * The linear-programming subproblem of COBYLA (Powell's TRSTLP), restructured from his Fortran without
 * changing the arithmetic. Internal to {@link COBYLA}.
 *
 * Constraint k (0 ≤ k < m) is the linear inequality a[k]·d ≥ b[k]; a[m] is minus the gradient of the
 * linear model of the objective. Stage one finds the shortest d with ‖d‖ ≤ ρ minimising the greatest
 * constraint violation; if ‖d‖ < ρ, stage two uses the remaining freedom to minimise −a[m]·d without
 * increasing any greatest violation. The active set is kept with a QR-like factorisation: the first nact
 * columns of the orthogonal matrix z are Gram–Schmidt combinations of the active gradients, and
 * zdota[j] = z[j]·a[iact[j]]. Returns `full`: false when a degeneracy stopped d short of length ρ.
 */
export function solveTrustRegionLp(
  n: number,
  m: number,
  a: readonly Float64Array[],
  b: Float64Array,
  rho: number,
  d: Float64Array,
): { full: boolean } {
  const objective = m; // index of the objective "constraint"
  const z = Array.from({ length: n }, (_, j) => {
    const column = new Float64Array(n);
    column[j] = 1;
    return column;
  });
  const zdota = new Float64Array(n);
  const vmultc = new Float64Array(m + 1); // multipliers of active constraints, then residuals of inactive ones
  const vmultd = new Float64Array(m + 1);
  const iact = new Int32Array(m + 1);
  const sdirn = new Float64Array(n);
  const dxnew = new Float64Array(n);
  const dsav = new Float64Array(n);
  d.fill(0);

  let mcon = m; // constraints considered: m in stage one, m + 1 (objective included) in stage two
  let nact = 0;
  let icon = -1; // position in iact of the constraint to add or delete
  let resmax = 0;
  for (let k = 0; k < m; k++) {
    if (b[k]! > resmax) {
      resmax = b[k]!;
      icon = k;
    }
  }
  for (let k = 0; k < m; k++) {
    iact[k] = k;
    vmultc[k] = resmax - b[k]!;
  }
  const enterStageTwo = (): void => {
    mcon = m + 1;
    icon = objective;
    iact[objective] = objective;
    vmultc[objective] = 0;
  };
  if (resmax === 0) enterStageTwo();

  let iterations = 0;
  const maxIterations = Math.min(10_000, 100 * n); // guard against cycling (Zhang's PRIMA safeguard)
  for (;;) {
    // A new stage: end it after 3 consecutive iterations that neither reduce the best value of the stage's
    // objective nor increase the number of active constraints (prevents cycling).
    let optold = 0;
    let icount = 0;
    let nactx = 0;
    let stageEnd: "degenerate" | "stage-one-done";
    for (;;) {
      const optnew = mcon === m ? resmax : -dotColumn(d, a[objective]!);
      let sumd = 0;
      for (let i = 0; i < n; i++) sumd += Math.abs(d[i]!);
      if (!(sumd < 1e100)) {
        d.set(dsav); // overflow or NaN from huge gradients: keep the last sane step
        return { full: true };
      }
      dsav.set(d);
      if (++iterations > maxIterations) return { full: true };
      if (icount === 0 || optnew < optold) {
        optold = optnew;
        nactx = nact;
        icount = 3;
      } else if (nact > nactx) {
        nactx = nact;
        icount = 3;
      } else if (--icount === 0) {
        stageEnd = "degenerate";
        break;
      }

      if (icon >= nact) {
        // Add constraint iact[icon] to the active set: Givens rotations make the trailing columns of z
        // orthogonal to its gradient (scalar products that could be rounding noise are zeroed).
        const kk = iact[icon]!;
        dxnew.set(a[kk]!);
        let tot = 0;
        for (let k = n - 1; k >= nact; k--) {
          let sp = 0;
          let spabs = 0;
          for (let i = 0; i < n; i++) {
            const t = z[k]![i]! * dxnew[i]!;
            sp += t;
            spabs += Math.abs(t);
          }
          if (isRoundingNoise(spabs, sp)) sp = 0;
          if (tot === 0) {
            tot = sp;
          } else {
            const temp = Math.sqrt(sp * sp + tot * tot);
            rotateColumns(z[k]!, z[k + 1]!, sp / temp, tot / temp);
            tot = temp;
          }
        }
        if (tot !== 0) {
          nact++;
          zdota[nact - 1] = tot;
          vmultc[icon] = vmultc[nact - 1]!;
          vmultc[nact - 1] = 0;
        } else {
          // The new gradient is a combination of the active ones: one active constraint must leave.
          // vmultd gets the combination's coefficients; ratio is the step in the multipliers.
          let ratio = -1;
          for (let k = nact - 1; k >= 0; k--) {
            let zdotv = 0;
            let zdvabs = 0;
            for (let i = 0; i < n; i++) {
              const t = z[k]![i]! * dxnew[i]!;
              zdotv += t;
              zdvabs += Math.abs(t);
            }
            if (!isRoundingNoise(zdvabs, zdotv)) {
              const temp = zdotv / zdota[k]!;
              if (temp > 0 && iact[k]! < m) {
                const tempa = vmultc[k]! / temp;
                if (ratio < 0 || tempa < ratio) ratio = tempa;
              }
              if (k >= 1) {
                const kw = iact[k]!;
                for (let i = 0; i < n; i++) dxnew[i] = dxnew[i]! - temp * a[kw]![i]!;
              }
              vmultd[k] = temp;
            } else {
              vmultd[k] = 0;
            }
          }
          if (ratio < 0) {
            stageEnd = "degenerate";
            break;
          }
          for (let k = 0; k < nact; k++) vmultc[k] = Math.max(0, vmultc[k]! - ratio * vmultd[k]!);
          // The constraint at position nact − 1 makes way for the new one. (Powell's code also has a
          // reordering here guarded by icon < nact, which cannot hold on this branch; it is omitted.)
          let temp = 0;
          for (let i = 0; i < n; i++) temp += z[nact - 1]![i]! * a[kk]![i]!;
          if (temp === 0) {
            stageEnd = "degenerate";
            break;
          }
          zdota[nact - 1] = temp;
          vmultc[icon] = 0;
          vmultc[nact - 1] = ratio;
        }
        // Record the new active constraint; in stage two keep the objective as the last active one.
        iact[icon] = iact[nact - 1]!;
        iact[nact - 1] = kk;
        if (mcon > m && kk !== objective && nact >= 2) {
          const k = nact - 2;
          const sp = dotColumn(z[k]!, a[kk]!);
          const temp = Math.sqrt(sp * sp + zdota[nact - 1]! ** 2);
          const alpha = zdota[nact - 1]! / temp;
          const beta = sp / temp;
          zdota[nact - 1] = alpha * zdota[k]!;
          zdota[k] = temp;
          swapRotate(z[nact - 1]!, z[k]!, alpha, beta);
          iact[nact - 1] = iact[k]!;
          iact[k] = kk;
          const v = vmultc[k]!;
          vmultc[k] = vmultc[nact - 1]!;
          vmultc[nact - 1] = v;
        }
        if (mcon === m) {
          // Stage one: make the search direction reduce every active violation at unit rate.
          const last = iact[nact - 1]!;
          const temp = (dotColumn(sdirn, a[last]!) - 1) / zdota[nact - 1]!;
          for (let i = 0; i < n; i++) sdirn[i] = sdirn[i]! - temp * z[nact - 1]![i]!;
        }
      } else {
        // Delete constraint iact[icon] from the active set.
        if (icon < nact - 1) moveToEnd(icon);
        nact--;
        if (mcon === m) {
          const temp = dotColumn(sdirn, z[nact]!);
          for (let i = 0; i < n; i++) sdirn[i] = sdirn[i]! - temp * z[nact]![i]!;
        }
      }
      if (mcon > m) {
        // Stage two: the next search direction is the last column of the active part of z.
        const temp = 1 / zdota[nact - 1]!;
        for (let i = 0; i < n; i++) sdirn[i] = temp * z[nact - 1]![i]!;
      }

      // Step to the trust-region boundary, or (stage one) the step that reduces resmax to zero. The 1e-6
      // factors avoid harmless underflows, as in Powell's code.
      let dd = rho * rho;
      let sd = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        if (Math.abs(d[i]!) >= 1e-6 * rho) dd -= d[i]! ** 2;
        sd += d[i]! * sdirn[i]!;
        ss += sdirn[i]! ** 2;
      }
      if (dd <= 0) {
        stageEnd = "degenerate";
        break;
      }
      let temp = Math.sqrt(ss * dd);
      if (Math.abs(sd) >= 1e-6 * temp) temp = Math.sqrt(ss * dd + sd * sd);
      const stpful = dd / (temp + sd);
      let step = stpful;
      if (mcon === m) {
        const acca = step + 0.1 * resmax;
        const accb = step + 0.2 * resmax;
        if (step >= acca || acca >= accb) {
          stageEnd = "stage-one-done";
          break;
        }
        step = Math.min(step, resmax);
      }

      // dxnew is the trial point; compute the multipliers it would give (vmultd) with the same
      // rounding-noise filter, then the residuals of the inactive constraints.
      for (let i = 0; i < n; i++) dxnew[i] = d[i]! + step * sdirn[i]!;
      let resold = 0;
      if (mcon === m) {
        resold = resmax;
        resmax = 0;
        for (let k = 0; k < nact; k++) {
          const kk = iact[k]!;
          resmax = Math.max(resmax, b[kk]! - dotColumn(a[kk]!, dxnew));
        }
      }
      for (let k = nact - 1; k >= 0; k--) {
        let zdotw = 0;
        let zdwabs = 0;
        for (let i = 0; i < n; i++) {
          const t = z[k]![i]! * dxnew[i]!;
          zdotw += t;
          zdwabs += Math.abs(t);
        }
        if (isRoundingNoise(zdwabs, zdotw)) zdotw = 0;
        vmultd[k] = zdotw / zdota[k]!;
        if (k >= 1) {
          const kk = iact[k]!;
          for (let i = 0; i < n; i++) dxnew[i] = dxnew[i]! - vmultd[k]! * a[kk]![i]!;
        }
      }
      if (mcon > m && nact > 0) vmultd[nact - 1] = Math.max(0, vmultd[nact - 1]!);
      for (let i = 0; i < n; i++) dxnew[i] = d[i]! + step * sdirn[i]!;
      for (let k = nact; k < mcon; k++) {
        const kk = iact[k]!;
        let sum = resmax - b[kk]!;
        let sumabs = resmax + Math.abs(b[kk]!);
        for (let i = 0; i < n; i++) {
          const t = a[kk]![i]! * dxnew[i]!;
          sum += t;
          sumabs += Math.abs(t);
        }
        if (isRoundingNoise(sumabs, sum)) sum = 0;
        vmultd[k] = sum;
      }

      // Take the largest fraction of the step that keeps multipliers and residuals nonnegative.
      let ratio = 1;
      icon = -1;
      for (let k = 0; k < mcon; k++) {
        if (vmultd[k]! < 0) {
          const t = vmultc[k]! / (vmultc[k]! - vmultd[k]!);
          if (t < ratio) {
            ratio = t;
            icon = k;
          }
        }
      }
      const keep = 1 - ratio;
      for (let i = 0; i < n; i++) d[i] = keep * d[i]! + ratio * dxnew[i]!;
      for (let k = 0; k < mcon; k++) vmultc[k] = Math.max(0, keep * vmultc[k]! + ratio * vmultd[k]!);
      if (mcon === m) resmax = resold + ratio * (resmax - resold);
      if (icon >= 0) continue; // a constraint enters or leaves: iterate
      if (step === stpful) return { full: true }; // reached the trust-region boundary
      stageEnd = "stage-one-done";
      break;
    }
    if (stageEnd === "degenerate" && mcon > m) return { full: false };
    enterStageTwo();
  }

  /** Cyclically moves the active constraint at position `from` to position nact − 1, keeping z upper. */
  function moveToEnd(from: number): void {
    const isave = iact[from]!;
    const vsave = vmultc[from]!;
    let k = from;
    while (k < nact - 1) {
      const kp = k + 1;
      const kw = iact[kp]!;
      const sp = dotColumn(z[k]!, a[kw]!);
      const temp = Math.sqrt(sp * sp + zdota[kp]! ** 2);
      const alpha = zdota[kp]! / temp;
      const beta = sp / temp;
      zdota[kp] = alpha * zdota[k]!;
      zdota[k] = temp;
      swapRotate(z[kp]!, z[k]!, alpha, beta);
      iact[k] = kw;
      vmultc[k] = vmultc[kp]!;
      k = kp;
    }
    iact[k] = isave;
    vmultc[k] = vsave;
  }
}

/** Powell's test that a sum whose terms' absolute values add to `abs` is indistinguishable from rounding. */
function isRoundingNoise(abs: number, sum: number): boolean {
  const acca = abs + 0.1 * Math.abs(sum);
  const accb = abs + 0.2 * Math.abs(sum);
  return abs >= acca || acca >= accb;
}

function dotColumn(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
}

/** (zk, zk1) ← (α·zk + β·zk1, α·zk1 − β·zk). */
function rotateColumns(zk: Float64Array, zk1: Float64Array, alpha: number, beta: number): void {
  for (let i = 0; i < zk.length; i++) {
    const t = alpha * zk[i]! + beta * zk1[i]!;
    zk1[i] = alpha * zk1[i]! - beta * zk[i]!;
    zk[i] = t;
  }
}

/** (zp, zk) ← (α·zk − β·zp, α·zp + β·zk): the rotation Powell uses when reordering active columns. */
function swapRotate(zp: Float64Array, zk: Float64Array, alpha: number, beta: number): void {
  for (let i = 0; i < zp.length; i++) {
    const t = alpha * zp[i]! + beta * zk[i]!;
    zp[i] = alpha * zk[i]! - beta * zp[i]!;
    zk[i] = t;
  }
}
