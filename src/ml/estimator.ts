import type { SerializableModel } from "./serialization.js";

/**
 * Features as plain nested arrays: one inner array per sample (row), one entry per feature (column).
 * All rows have the same length. For a model with `kernel: "precomputed"` the rows are kernel values instead
 * (see {@link SVC}).
 */
export type FeatureMatrix = readonly (readonly number[])[];

/** Targets, one per sample: class labels (any finite numbers) for classifiers, real values for regressors. */
export type TargetVector = readonly number[];

/**
 * Decision values: one number per sample for binary classification (positive favours the larger class label),
 * or one row per sample with one column per class (classes in ascending order) for multi-class models.
 */
export type DecisionValues = number[] | number[][];

/**
 * A fitted-then-applied feature transformation (scaler, PCA, a quantum feature map...).
 *
 * @example
 * ```ts
 * const t: Transformer = new StandardScaler();
 * const Xs = t.fitTransform([[1, 2], [3, 4]]);
 * ```
 */
export interface Transformer extends SerializableModel {
  /** Learns the transformation from X; `y` is ignored by unsupervised transformers. Returns `this`. */
  fit(X: FeatureMatrix, y?: TargetVector): this;
  /** Applies the learned transformation to new rows. */
  transform(X: FeatureMatrix): number[][];
  /** `fit(X, y)` followed by `transform(X)`. */
  fitTransform(X: FeatureMatrix, y?: TargetVector): number[][];
}

/**
 * A supervised model: classifier or regressor. Quantum models implement the same interface, so they work in
 * {@link Pipeline}, {@link crossValidate} and model files.
 *
 * @example
 * ```ts
 * const model: Estimator = new LogisticRegression();
 * model.fit(Xtrain, ytrain);
 * const acc = model.score(Xtest, ytest);
 * ```
 */
export interface Estimator extends SerializableModel {
  /** Classifiers score by accuracy, regressors by R². */
  readonly estimatorType: "classifier" | "regressor";
  /**
   * True when X is a kernel (Gram) matrix rather than features: fit takes n×n, predict m×n (rows = new samples,
   * columns = training samples). Cross-validation then slices rows and columns.
   */
  readonly precomputedKernel?: boolean;
  fit(X: FeatureMatrix, y: TargetVector): this;
  predict(X: FeatureMatrix): number[];
  /** Class probabilities, one column per class in ascending label order (classifiers only). */
  predictProba?(X: FeatureMatrix): number[][];
  /** Confidence scores; see {@link DecisionValues}. */
  decisionFunction?(X: FeatureMatrix): DecisionValues;
  /** Accuracy for classifiers, R² for regressors. */
  score(X: FeatureMatrix, y: TargetVector): number;
}

/**
 * True for objects that look like an {@link Estimator} (they can predict).
 *
 * @example
 * ```ts
 * isEstimator(new SVC()); // true
 * isEstimator(new PCA(2)); // false
 * ```
 */
export function isEstimator(step: Transformer | Estimator): step is Estimator {
  return typeof (step as Partial<Estimator>).predict === "function";
}
