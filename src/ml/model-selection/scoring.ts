import { QforgeError } from "../../util/errors.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { accuracy } from "../metrics/accuracy.js";
import { f1 } from "../metrics/precision-recall-f1.js";
import { mae, mse, r2 } from "../metrics/regression-metrics.js";
import { rocAuc } from "../metrics/roc-auc.js";

/** A function that scores a fitted estimator on held-out data; larger is better. */
export type ScoringFunction = (estimator: Estimator, X: FeatureMatrix, y: TargetVector) => number;

/** Scorer names understood by {@link crossValidate}; error metrics are negated so that larger is always better. */
export type ScoringName =
  | "accuracy"
  | "f1"
  | "f1_macro"
  | "f1_micro"
  | "f1_weighted"
  | "roc_auc"
  | "r2"
  | "neg_mean_squared_error"
  | "neg_mean_absolute_error";

/**
 * Resolves a scorer name (or passes a function through). `roc_auc` uses `decisionFunction` when the estimator
 * has one and `predictProba` otherwise.
 *
 * @example
 * ```ts
 * const score = getScorer("roc_auc")(model, Xtest, ytest);
 * ```
 */
export function getScorer(scoring: ScoringName | ScoringFunction): ScoringFunction {
  if (typeof scoring === "function") return scoring;
  const viaPredict =
    (metric: (t: readonly number[], p: readonly number[]) => number): ScoringFunction =>
    (est, X, y) =>
      metric(y, est.predict(X));
  switch (scoring) {
    case "accuracy":
      return viaPredict(accuracy);
    case "f1":
      return viaPredict((t, p) => f1(t, p));
    case "f1_macro":
      return viaPredict((t, p) => f1(t, p, { average: "macro" }));
    case "f1_micro":
      return viaPredict((t, p) => f1(t, p, { average: "micro" }));
    case "f1_weighted":
      return viaPredict((t, p) => f1(t, p, { average: "weighted" }));
    case "r2":
      return viaPredict(r2);
    case "neg_mean_squared_error":
      return viaPredict((t, p) => -mse(t, p));
    case "neg_mean_absolute_error":
      return viaPredict((t, p) => -mae(t, p));
    case "roc_auc":
      return (est, X, y) => {
        if (typeof est.decisionFunction === "function") return rocAuc(y, est.decisionFunction(X));
        if (typeof est.predictProba === "function") return rocAuc(y, est.predictProba(X));
        throw new QforgeError(
          "INVALID_ARGUMENT",
          `scoring "roc_auc" needs an estimator with decisionFunction or predictProba; ${est.kind} has neither`,
        );
      };
    default:
      throw new QforgeError("INVALID_ARGUMENT", `unknown scoring "${String(scoring)}"`);
  }
}
