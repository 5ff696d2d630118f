import { check } from "../../util/errors.js";
import { checkMatrix, checkTargets } from "../data/check-matrix.js";
import { submatrix, takeItems, takeRows } from "../data/take-rows.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { kFold, stratifiedKFold } from "./k-fold.js";
import { getScorer, type ScoringFunction, type ScoringName } from "./scoring.js";

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /** Number of folds (default 5). */
  k?: number;
  /** Seed of the fold shuffle; required unless `shuffle` is false. */
  seed?: number;
  /** Shuffle before cutting folds (default true). */
  shuffle?: boolean;
  /** Stratify folds by class (default: true for classifiers, false for regressors). */
  stratify?: boolean;
  /** How to score each fold (default: the estimator's own `score`, i.e. accuracy or R²). */
  scoring?: ScoringName | ScoringFunction;
}

/** Per-fold scores of {@link crossValidate} with their mean and (population) standard deviation. */
export interface CrossValidateResult {
  scores: number[];
  mean: number;
  std: number;
}

/**
 * k-fold cross-validation: for each fold, builds a fresh estimator with `makeEstimator`, fits it on the other
 * folds and scores it on this one. An estimator with `precomputedKernel` gets X cut as a kernel matrix
 * (train×train to fit, test×train to score).
 *
 * @example
 * ```ts
 * const { mean, std } = crossValidate(() => new Pipeline([new StandardScaler(), new SVC()]), X, y, { k: 5, seed: 0 });
 * ```
 */
export function crossValidate(
  makeEstimator: () => Estimator,
  X: FeatureMatrix,
  y: TargetVector,
  options: CrossValidateOptions = {},
): CrossValidateResult {
  const { rows } = checkMatrix(X);
  checkTargets(y, rows);
  const probe = makeEstimator();
  const stratify = options.stratify ?? probe.estimatorType === "classifier";
  const foldOptions = {
    k: options.k ?? 5,
    shuffle: options.shuffle ?? true,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const folds = stratify ? stratifiedKFold(y, foldOptions) : kFold(rows, foldOptions);
  const scorer: ScoringFunction =
    options.scoring === undefined ? (est, Xs, ys) => est.score(Xs, ys) : getScorer(options.scoring);
  if (probe.precomputedKernel === true)
    check(
      X.every((row) => row.length === rows),
      `a precomputed kernel must be square; got ${rows} rows of ${X[0]!.length}`,
    );

  const scores = folds.map(({ train, test }, f) => {
    const estimator = f === 0 ? probe : makeEstimator();
    const pre = estimator.precomputedKernel === true;
    const Xtrain = pre ? submatrix(X, train, train) : takeRows(X, train);
    const Xtest = pre ? submatrix(X, test, train) : takeRows(X, test);
    estimator.fit(Xtrain, takeItems(y, train));
    return scorer(estimator, Xtest, takeItems(y, test));
  });
  const mean = scores.reduce((a, s) => a + s, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
  return { scores, mean, std };
}
