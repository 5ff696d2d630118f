import { Rng } from "../../util/rng.js";
import { QforgeError, check } from "../../util/errors.js";
import { requireSeed, type SplitIndices } from "./train-test-split.js";

/** Options of {@link kFold} and {@link stratifiedKFold}. */
export interface KFoldOptions {
  /** Number of folds (default 5). */
  k?: number;
  /** Shuffle before cutting folds (default true). */
  shuffle?: boolean;
  /** Seed of the shuffle; required unless `shuffle` is false. */
  seed?: number;
}

/**
 * Cuts `n` samples into `k` folds of (nearly) equal size; each fold serves once as the test set. The first
 * `n mod k` folds have one sample more, as in scikit-learn.
 *
 * @example
 * ```ts
 * for (const { train, test } of kFold(100, { k: 5, seed: 0 })) { ... }
 * ```
 */
export function kFold(n: number, options: KFoldOptions = {}): SplitIndices[] {
  const k = checkK(n, options.k);
  const order = Array.from({ length: n }, (_, i) => i);
  if (options.shuffle ?? true) new Rng(requireSeed(options.seed)).shuffle(order);
  const folds: number[][] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    folds.push(order.slice(start, start + size));
    start += size;
  }
  return toSplits(folds, n);
}

/**
 * Like {@link kFold}, but every fold gets its share of each class (per-class counts differ by at most one
 * between folds, and so do fold sizes). Classes are dealt round-robin into the folds after a seeded shuffle
 * within each class.
 *
 * @example
 * ```ts
 * const folds = stratifiedKFold(y, { k: 5, seed: 0 });
 * ```
 */
export function stratifiedKFold(y: readonly number[], options: KFoldOptions = {}): SplitIndices[] {
  const n = y.length;
  const k = checkK(n, options.k);
  const classes = [...new Set(y)].sort((a, b) => a - b);
  const rng = (options.shuffle ?? true) ? new Rng(requireSeed(options.seed)) : undefined;
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0; // continue dealing where the previous class stopped, so fold sizes stay balanced
  for (const c of classes) {
    const members = y.flatMap((v, i) => (v === c ? [i] : []));
    if (rng !== undefined) rng.shuffle(members);
    for (const idx of members) {
      folds[next]!.push(idx);
      next = (next + 1) % k;
    }
  }
  for (const fold of folds) fold.sort((a, b) => a - b);
  return toSplits(folds, n);
}

function checkK(n: number, k = 5): number {
  check(Number.isInteger(k) && k >= 2, `k must be a whole number ≥ 2, got ${k}`);
  if (k > n) throw new QforgeError("INVALID_DATA", `cannot cut ${n} samples into ${k} folds`);
  return k;
}

function toSplits(folds: number[][], n: number): SplitIndices[] {
  return folds.map((test) => {
    const inTest = new Uint8Array(n);
    for (const i of test) inTest[i] = 1;
    const train: number[] = [];
    for (let i = 0; i < n; i++) if (inTest[i] === 0) train.push(i);
    return { train, test: [...test] };
  });
}
