import { Rng } from "../../util/rng.js";
import { QforgeError, check } from "../../util/errors.js";
import { checkMatrix, checkTargets } from "../data/check-matrix.js";
import { takeItems, takeRows } from "../data/take-rows.js";
import type { FeatureMatrix, TargetVector } from "../estimator.js";

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Test share in (0, 1), or a whole number of test samples (default 0.25). The test size rounds up, as in scikit-learn. */
  testSize?: number;
  /**
   * Keep class proportions in both parts: `true` stratifies on y, an array stratifies on those labels.
   * Each class c with n_c samples gets about n_c·testSize test samples (within one), as scikit-learn does.
   */
  stratify?: boolean | readonly number[];
  /** Seed of the shuffle; required unless `shuffle` is false. */
  seed?: number;
  /** Shuffle before splitting (default true). Without shuffling the last rows form the test set. */
  shuffle?: boolean;
}

/** Train and test row indices. */
export interface SplitIndices {
  train: number[];
  test: number[];
}

/**
 * Splits features and targets into a training part and a test part.
 *
 * @example
 * ```ts
 * const [Xtr, Xte, ytr, yte] = trainTestSplit(X, y, { testSize: 0.3, stratify: true, seed: 42 });
 * ```
 */
export function trainTestSplit(
  X: FeatureMatrix,
  y: TargetVector,
  options: TrainTestSplitOptions = {},
): [number[][], number[][], number[], number[]] {
  const { rows } = checkMatrix(X);
  checkTargets(y, rows);
  const stratify = options.stratify === true ? y : options.stratify === false ? undefined : options.stratify;
  const { train, test } = trainTestSplitIndices(rows, { ...options, stratify });
  return [takeRows(X, train), takeRows(X, test), takeItems(y, train), takeItems(y, test)];
}

/**
 * The index form of {@link trainTestSplit}: which of `n` rows go to training and which to testing. Useful for
 * cutting a precomputed kernel matrix (see {@link submatrix}).
 *
 * @example
 * ```ts
 * const { train, test } = trainTestSplitIndices(y.length, { testSize: 0.3, stratify: y, seed: 1 });
 * ```
 */
export function trainTestSplitIndices(
  n: number,
  options: Omit<TrainTestSplitOptions, "stratify"> & { stratify?: readonly number[] | undefined } = {},
): SplitIndices {
  check(Number.isInteger(n) && n >= 2, `a train/test split needs at least 2 samples, got ${n}`);
  const testSize = options.testSize ?? 0.25;
  const nTest = testSize >= 1 ? testSize : Math.ceil(testSize * n);
  check(
    (testSize > 0 && testSize < 1) || (Number.isInteger(testSize) && testSize >= 1),
    `testSize must be a fraction in (0, 1) or a whole number of samples, got ${testSize}`,
  );
  check(
    nTest >= 1 && nTest < n,
    `testSize ${testSize} leaves ${n - nTest} training and ${nTest} test samples of ${n}; both need at least one`,
  );
  const nTrain = n - nTest;
  const shuffle = options.shuffle ?? true;
  const stratify = options.stratify;

  if (!shuffle) {
    check(stratify === undefined, "stratify needs shuffle: true");
    return { train: range(0, nTrain), test: range(nTrain, n) };
  }
  const rng = new Rng(requireSeed(options.seed));
  if (stratify === undefined) {
    const perm = rng.shuffle(range(0, n));
    return { train: perm.slice(0, nTrain), test: perm.slice(nTrain) };
  }

  check(stratify.length === n, `stratify has ${stratify.length} labels but there are ${n} samples`);
  const classes = [...new Set(stratify)].sort((a, b) => a - b);
  const members = classes.map((c) => stratify.flatMap((v, i) => (v === c ? [i] : [])));
  const counts = members.map((m) => m.length);
  if (Math.min(...counts) < 2) {
    throw new QforgeError(
      "INVALID_DATA",
      `stratified split: class ${classes[counts.indexOf(Math.min(...counts))]} has only 1 sample; every class needs at least 2`,
    );
  }
  check(
    nTrain >= classes.length && nTest >= classes.length,
    `stratified split: train (${nTrain}) and test (${nTest}) must each hold at least one sample of each of the ${classes.length} classes`,
  );
  const trainCounts = approximateMode(counts, nTrain, rng);
  const testCounts = approximateMode(
    counts.map((c, k) => c - trainCounts[k]!),
    nTest,
    rng,
  );
  const train: number[] = [];
  const test: number[] = [];
  members.forEach((m, k) => {
    const perm = rng.shuffle([...m]);
    train.push(...perm.slice(0, trainCounts[k]));
    test.push(...perm.slice(trainCounts[k], trainCounts[k]! + testCounts[k]!));
  });
  return { train: rng.shuffle(train), test: rng.shuffle(test) };
}

/**
 * Splits `total` draws among classes in proportion to `counts`: floor of the exact share, then the leftover
 * to the largest remainders (ties broken at random), never above a class's count. Port of scikit-learn's
 * `_approximate_mode`.
 */
export function approximateMode(counts: readonly number[], total: number, rng: Rng): number[] {
  const sum = counts.reduce((a, c) => a + c, 0);
  const continuous = counts.map((c) => (c * total) / sum);
  const floored = continuous.map((c) => Math.floor(c));
  let needed = total - floored.reduce((a, c) => a + c, 0);
  if (needed > 0) {
    const remainders = [...new Set(continuous.map((c, k) => c - floored[k]!))].sort((a, b) => b - a);
    for (const r of remainders) {
      const candidates = continuous.flatMap((c, k) =>
        c - floored[k]! === r && floored[k]! < counts[k]! ? [k] : [],
      );
      rng.shuffle(candidates);
      const add = candidates.slice(0, needed);
      for (const k of add) floored[k]!++;
      needed -= add.length;
      if (needed === 0) break;
    }
  }
  return floored;
}

/** Seeds are explicit so every split can be repeated. */
export function requireSeed(seed: number | undefined): number {
  if (seed === undefined)
    throw new QforgeError(
      "INVALID_ARGUMENT",
      "a shuffled split needs a seed (e.g. { seed: 42 }), or pass { shuffle: false }",
    );
  return seed;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
