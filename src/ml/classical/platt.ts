import { Rng } from "../../util/rng.js";
import type { LibsvmParams } from "./libsvm-train.js";
import { fitSvcSolution, svcDecisions, type KernelSource } from "./svm-solution.js";

/** Sigmoid P(first class | f) = 1 / (1 + exp(A·f + B)) of one class pair. */
export interface PlattSigmoid {
  A: number;
  B: number;
}

/**
 * Platt scaling as libsvm does it (`svm_binary_svc_probability`), but with a seeded shuffle: for every class
 * pair, 5-fold cross-validated decision values on that pair's samples, then a sigmoid fitted to them.
 * libsvm's own version draws folds from C's rand(), which is not repeatable across calls.
 */
export function plattCalibrate(
  source: KernelSource,
  subset: readonly number[],
  labels: readonly number[],
  params: Omit<LibsvmParams, "type" | "kernel">,
  seed: number,
): PlattSigmoid[] {
  const rng = new Rng(seed);
  const m = labels.reduce((a, l) => Math.max(a, l), 0) + 1;
  const sigmoids: PlattSigmoid[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const members: number[] = [];
      const ys: number[] = [];
      for (const cls of [a, b]) {
        labels.forEach((l, i) => {
          if (l === cls) {
            members.push(subset[i]!);
            ys.push(cls === a ? 1 : -1);
          }
        });
      }
      const decisions = crossValidatedDecisions(source, members, ys, params, rng);
      sigmoids.push(sigmoidTrain(decisions, ys));
    }
  }
  return sigmoids;
}

function crossValidatedDecisions(
  source: KernelSource,
  members: number[],
  ys: number[],
  params: Omit<LibsvmParams, "type" | "kernel">,
  rng: Rng,
): number[] {
  const folds = 5;
  const l = members.length;
  const perm = rng.shuffle(members.map((_, i) => i));
  const decisions = new Array<number>(l).fill(0);
  for (let f = 0; f < folds; f++) {
    const begin = Math.floor((f * l) / folds);
    const end = Math.floor(((f + 1) * l) / folds);
    const trainPos = [...perm.slice(0, begin), ...perm.slice(end)];
    const positives = trainPos.filter((p) => ys[p] === 1).length;
    const negatives = trainPos.length - positives;
    const held = perm.slice(begin, end);
    if (positives === 0 || negatives === 0) {
      // libsvm's rule for a one-class training fold: a constant decision value.
      for (const p of held) decisions[p] = positives > 0 ? 1 : negatives > 0 ? -1 : 0;
      continue;
    }
    const solution = fitSvcSolution(
      source,
      trainPos.map((p) => members[p]!),
      trainPos.map((p) => (ys[p] === 1 ? 0 : 1)),
      params,
    );
    for (const p of held) {
      const row = solution.svIndices.map((sv) => source.value(members[p]!, sv));
      decisions[p] = svcDecisions(solution, row)[0]!;
    }
  }
  return decisions;
}

/** Fits A, B by Newton's method with backtracking on regularised targets (Lin, Lin & Weng 2007), a port of libsvm's `sigmoid_train`. */
export function sigmoidTrain(decisions: readonly number[], ys: readonly number[]): PlattSigmoid {
  const l = decisions.length;
  const prior1 = ys.filter((y) => y > 0).length;
  const prior0 = l - prior1;
  const maxIter = 100;
  const minStep = 1e-10;
  const sigma = 1e-12;
  const eps = 1e-5;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = ys.map((y) => (y > 0 ? hiTarget : loTarget));
  const objective = (A: number, B: number): number => {
    let f = 0;
    for (let i = 0; i < l; i++) {
      const fApB = decisions[i]! * A + B;
      f +=
        fApB >= 0
          ? t[i]! * fApB + Math.log1p(Math.exp(-fApB))
          : (t[i]! - 1) * fApB + Math.log1p(Math.exp(fApB));
    }
    return f;
  };
  let A = 0;
  let B = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = objective(A, B);
  for (let iter = 0; iter < maxIter; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < l; i++) {
      const fApB = decisions[i]! * A + B;
      const e = Math.exp(-Math.abs(fApB));
      const p = fApB >= 0 ? e / (1 + e) : 1 / (1 + e);
      const q = 1 - p;
      const d2 = p * q;
      const di = decisions[i]!;
      h11 += di * di * d2;
      h22 += d2;
      h21 += di * d2;
      const d1 = t[i]! - p;
      g1 += di * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= minStep) {
      const newA = A + step * dA;
      const newB = B + step * dB;
      const newF = objective(newA, newB);
      if (newF < fval + 0.0001 * step * gd) {
        A = newA;
        B = newB;
        fval = newF;
        break;
      }
      step /= 2;
    }
    if (step < minStep) break;
  }
  return { A, B };
}

/** P(first class of the pair) for a decision value, clipped to [1e−7, 1 − 1e−7] as libsvm does. */
export function sigmoidPredict(decision: number, { A, B }: PlattSigmoid): number {
  const fApB = decision * A + B;
  const p = fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
  return Math.min(Math.max(p, 1e-7), 1 - 1e-7);
}

/**
 * Class probabilities from pairwise probabilities r[i][j] = P(i | i or j) by Wu, Lin & Weng's (2004) second
 * method, a port of libsvm's `multiclass_probability`.
 */
export function pairwiseCoupling(r: readonly (readonly number[])[]): number[] {
  const k = r.length;
  if (k === 2) return [r[0]![1]!, r[1]![0]!];
  const Q = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const p = new Array<number>(k).fill(1 / k);
  const Qp = new Array<number>(k).fill(0);
  for (let t = 0; t < k; t++) {
    for (let j = 0; j < t; j++) {
      Q[t]![t]! += r[j]![t]! * r[j]![t]!;
      Q[t]![j] = Q[j]![t]!;
    }
    for (let j = t + 1; j < k; j++) {
      Q[t]![t]! += r[j]![t]! * r[j]![t]!;
      Q[t]![j] = -r[j]![t]! * r[t]![j]!;
    }
  }
  const maxIter = Math.max(100, k);
  const eps = 0.005 / k;
  for (let iter = 0; iter < maxIter; iter++) {
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      Qp[t] = 0;
      for (let j = 0; j < k; j++) Qp[t]! += Q[t]![j]! * p[j]!;
      pQp += p[t]! * Qp[t]!;
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(Qp[t]! - pQp));
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Qp[t]! + pQp) / Q[t]![t]!;
      p[t]! += diff;
      pQp = (pQp + diff * (diff * Q[t]![t]! + 2 * Qp[t]!)) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j]! + diff * Q[t]![j]!) / (1 + diff);
        p[j]! /= 1 + diff;
      }
    }
  }
  return p;
}
