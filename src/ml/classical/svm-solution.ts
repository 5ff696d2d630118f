import { QforgeError } from "../../util/errors.js";
import type { FeatureMatrix } from "../estimator.js";
import { trainLibsvm, type LibsvmParams } from "./libsvm-train.js";
import { kernelValue, type KernelSpec } from "./svm-kernel.js";

/**
 * Where an SVM gets kernel values between training samples (by index into the full training set), and the rows
 * libsvm is trained on for a subset of them.
 */
export interface KernelSource {
  readonly kernel: KernelSpec | "precomputed";
  /** k(x_i, x_j) for training samples i and j. */
  value(i: number, j: number): number;
  /** libsvm input rows for training on `subset`, in that order. */
  libsvmRows(subset: readonly number[]): number[][];
}

/** Kernel values computed from feature rows. */
export function featureKernelSource(X: FeatureMatrix, spec: KernelSpec): KernelSource {
  return {
    kernel: spec,
    value: (i, j) => kernelValue(spec, X[i]!, X[j]!),
    libsvmRows: (subset) => subset.map((i) => [...X[i]!]),
  };
}

/** Kernel values read from a precomputed Gram matrix over the training set. */
export function precomputedKernelSource(K: FeatureMatrix): KernelSource {
  return {
    kernel: "precomputed",
    value: (i, j) => K[i]![j]!,
    // libsvm's precomputed format: a 1-based serial number, then the kernel row restricted to the subset.
    libsvmRows: (subset) => subset.map((i, pos) => [pos + 1, ...subset.map((j) => K[i]![j]!)]),
  };
}

/**
 * A trained one-vs-one C-SVC in libsvm's layout, over classes 0..m−1. Pair p runs over (0,1), (0,2), …,
 * (1,2), …; its decision value is positive for the first class of the pair.
 */
export interface SvcSolution {
  /** Training-set indices of the support vectors, grouped by class. */
  svIndices: number[];
  /** Support vectors per class. */
  nSupport: number[];
  /** (m − 1) × nSV dual coefficients, libsvm's `sv_coef` layout. */
  coef: number[][];
  /** Intercept of each pair (decision = Σ coef·k − rho). */
  rho: number[];
}

/** A trained ε-SVR: prediction = Σ coef·k(x, sv) − rho. */
export interface SvrSolution {
  svIndices: number[];
  coef: number[];
  rho: number;
}

/**
 * Trains a C-SVC on the training samples `subset` with class indices `labels` (0..m−1, all present). Rows are
 * passed to libsvm grouped by class (stable), so libsvm's class order is ascending. The intercepts are then
 * recomputed from the dual coefficients exactly as libsvm's `calculate_rho` does, because libsvm-js prints
 * them with only 6 significant digits.
 */
export function fitSvcSolution(
  source: KernelSource,
  subset: readonly number[],
  labels: readonly number[],
  params: Omit<LibsvmParams, "type" | "kernel">,
): SvcSolution {
  const m = labels.reduce((a, l) => Math.max(a, l), 0) + 1;
  const positions = labels.map((_, i) => i).sort((a, b) => labels[a]! - labels[b]! || a - b);
  const ordered = positions.map((p) => subset[p]!);
  const orderedLabels = positions.map((p) => labels[p]!);
  const model = trainLibsvm(source.libsvmRows(ordered), orderedLabels, {
    ...params,
    type: "c_svc",
    kernel: source.kernel,
  });
  if (model.labels.length !== m || model.labels.some((l, i) => l !== i)) {
    throw new QforgeError(
      "INVALID_DATA",
      `libsvm returned classes ${model.labels.join(", ")}; expected 0..${m - 1}`,
    );
  }
  const svIndices = model.svPositions.map((p) => ordered[p]!);
  const starts = offsets(model.nSupport);
  const rho: number[] = [];
  let p = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      // Coefficients of this pair: class a's SVs in row b−1, class b's SVs in row a.
      const pairSv: { index: number; coef: number }[] = [];
      for (let s = starts[a]!; s < starts[a]! + model.nSupport[a]!; s++)
        pairSv.push({ index: svIndices[s]!, coef: model.coef[b - 1]![s]! });
      for (let s = starts[b]!; s < starts[b]! + model.nSupport[b]!; s++)
        pairSv.push({ index: svIndices[s]!, coef: model.coef[a]![s]! });
      const alphaOf = new Map(pairSv.map((sv) => [sv.index, Math.abs(sv.coef)]));
      const entries: RhoEntry[] = [];
      ordered.forEach((t, pos) => {
        const label = orderedLabels[pos]!;
        if (label !== a && label !== b) return;
        const y = label === a ? 1 : -1;
        let f = 0;
        for (const sv of pairSv) if (sv.coef !== 0) f += sv.coef * source.value(t, sv.index);
        entries.push({ y, yG: f - y, alpha: alphaOf.get(t) ?? 0, upper: params.C });
      });
      rho.push(calculateRho(entries, model.rhoPrinted[p]!));
      p++;
    }
  }
  return { svIndices, nSupport: model.nSupport, coef: model.coef, rho };
}

/**
 * Trains an ε-SVR on all samples in `subset` with real targets; the intercept is recomputed exactly (see
 * {@link fitSvcSolution}).
 */
export function fitSvrSolution(
  source: KernelSource,
  subset: readonly number[],
  targets: readonly number[],
  params: Omit<LibsvmParams, "type" | "kernel">,
): SvrSolution {
  const model = trainLibsvm(source.libsvmRows(subset), [...targets], {
    ...params,
    type: "epsilon_svr",
    kernel: source.kernel,
  });
  const svIndices = model.svPositions.map((p) => subset[p]!);
  const coef = model.coef[0] ?? [];
  const coefOf = new Map(svIndices.map((idx, s) => [idx, coef[s]!]));
  const entries: RhoEntry[] = [];
  subset.forEach((t, pos) => {
    let f = 0;
    for (let s = 0; s < svIndices.length; s++) f += coef[s]! * source.value(t, svIndices[s]!);
    const c = coefOf.get(t) ?? 0;
    // libsvm's 2l variables: α (y = +1) and α* (y = −1) with linear terms ε − z and ε + z.
    entries.push({ y: 1, yG: f + params.epsilon - targets[pos]!, alpha: Math.max(c, 0), upper: params.C });
    entries.push({ y: -1, yG: f - params.epsilon - targets[pos]!, alpha: Math.max(-c, 0), upper: params.C });
  });
  return { svIndices, coef, rho: calculateRho(entries, model.rhoPrinted[0]!) };
}

/** Pairwise decision values of a C-SVC for one sample, given k(x, sv) for each support vector (libsvm's `svm_predict_values`). */
export function svcDecisions(solution: SvcSolution, kernelRow: readonly number[]): number[] {
  const { nSupport, coef, rho } = solution;
  const starts = offsets(nSupport);
  const m = nSupport.length;
  const out: number[] = [];
  let p = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      let sum = 0;
      for (let s = starts[a]!; s < starts[a]! + nSupport[a]!; s++) sum += coef[b - 1]![s]! * kernelRow[s]!;
      for (let s = starts[b]!; s < starts[b]! + nSupport[b]!; s++) sum += coef[a]![s]! * kernelRow[s]!;
      out.push(sum - rho[p]!);
      p++;
    }
  }
  return out;
}

/** One-vs-one vote as libsvm: a positive pair value votes for the pair's first class; ties go to the lower class. */
export function voteClass(decisions: readonly number[], m: number): number {
  const votes = new Array<number>(m).fill(0);
  let p = 0;
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) votes[decisions[p++]! > 0 ? a : b]!++;
  let best = 0;
  for (let c = 1; c < m; c++) if (votes[c]! > votes[best]!) best = c;
  return best;
}

/**
 * scikit-learn's one-vs-rest shape of one-vs-one results: votes plus summed confidences squashed into
 * (−1/3, 1/3), so the largest value is the voted class and ties are broken by confidence.
 */
export function ovrDecision(decisions: readonly number[], m: number): number[] {
  const votes = new Array<number>(m).fill(0);
  const confidence = new Array<number>(m).fill(0);
  let p = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const d = decisions[p++]!;
      confidence[a]! += d;
      confidence[b]! -= d;
      votes[d > 0 ? a : b]!++;
    }
  }
  return votes.map((v, c) => v + confidence[c]! / (3 * (Math.abs(confidence[c]!) + 1)));
}

interface RhoEntry {
  y: number;
  yG: number;
  alpha: number;
  upper: number;
}

/** libsvm's `Solver::calculate_rho`: the mean of y·∇ over free variables, else the middle of the feasible interval. */
function calculateRho(entries: readonly RhoEntry[], fallback: number): number {
  let ub = Infinity;
  let lb = -Infinity;
  let free = 0;
  let sumFree = 0;
  for (const { y, yG, alpha, upper } of entries) {
    // Coefficients come back as %.16g text, so "at the bound" allows for the last digit.
    const atUpper = alpha >= upper * (1 - 1e-12);
    const atLower = alpha <= 0;
    if (atUpper) {
      if (y === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (atLower) {
      if (y === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      free++;
      sumFree += yG;
    }
  }
  const rho = free > 0 ? sumFree / free : (ub + lb) / 2;
  return Number.isFinite(rho) ? rho : fallback;
}

function offsets(counts: readonly number[]): number[] {
  const out: number[] = [];
  let acc = 0;
  for (const c of counts) {
    out.push(acc);
    acc += c;
  }
  return out;
}
