import { QforgeError } from "../../util/errors.js";
import {
  type Pipeline,
  accuracy,
  confusionMatrix,
  f1,
  mae,
  mse,
  r2,
  rocAuc,
  rocCurve,
} from "../../ml/index.js";
import type { Task } from "./resolve-experiment-config.js";

/** Metric values of one part of the data. */
export type Metrics = Record<string, number | null>;

/** What a fitted model scored, and what the report draws from it. */
export interface Evaluation {
  readonly train: Metrics;
  readonly test: Metrics;
  readonly testPredictions: number[];
  /** Two classes: the test ROC curve. */
  readonly roc?: { fpr: number[]; tpr: number[]; auc: number };
  /** Classification: the test confusion matrix over all classes. */
  readonly confusion?: number[][];
}

/** Metric keys per task, in table order; the first is the one models are compared on. */
export const TASK_METRICS: Readonly<Record<Task, readonly string[]>> = {
  classification: ["accuracy", "f1", "roc_auc"],
  regression: ["r2", "mse", "mae"],
};

/**
 * Scores a fitted pipeline on the training and test rows: accuracy, F1 (binary for two classes, else macro)
 * and ROC AUC (from probabilities, else decision values; one-vs-rest macro for several classes) for
 * classifiers; R², MSE and MAE for regressors.
 *
 * @example
 * ```ts
 * const e = evaluateModel(pipeline, "classification", [0, 1], Xtr, ytr, Xte, yte);
 * e.test.accuracy;
 * ```
 */
export function evaluateModel(
  model: Pipeline,
  task: Task,
  classes: readonly number[],
  Xtrain: number[][],
  ytrain: number[],
  Xtest: number[][],
  ytest: number[],
): Evaluation {
  const part = (X: number[][], y: number[]) => {
    const pred = model.predict(X);
    if (task === "regression")
      return { pred, metrics: { r2: r2(y, pred), mse: mse(y, pred), mae: mae(y, pred) }, scores: undefined };
    const binary = classes.length === 2;
    const scores = scoresOf(model, X, binary);
    const options = binary ? { posLabel: classes[1]! } : { average: "macro" as const };
    let auc: number | null = null;
    if (scores !== undefined && new Set(y).size === classes.length) auc = rocAuc(y, scores);
    return { pred, metrics: { accuracy: accuracy(y, pred), f1: f1(y, pred, options), roc_auc: auc }, scores };
  };
  const tr = part(Xtrain, ytrain);
  const te = part(Xtest, ytest);
  const out: Evaluation = { train: tr.metrics, test: te.metrics, testPredictions: te.pred };
  if (task === "classification") {
    const confusion = confusionMatrix(ytest, te.pred, { labels: classes }).matrix;
    let roc: Evaluation["roc"];
    if (classes.length === 2 && te.scores !== undefined && te.metrics.roc_auc !== null) {
      const { fpr, tpr } = rocCurve(ytest, te.scores as number[], { posLabel: classes[1]! });
      roc = { fpr, tpr, auc: te.metrics.roc_auc };
    }
    return { ...out, confusion, ...(roc ? { roc } : {}) };
  }
  return out;
}

/**
 * Probabilities, else decision values; for two classes one score per row favouring the larger label.
 * Probabilities first: multinomial logits are only defined up to a shift per row, so ranking one class's
 * logit across rows (one-vs-rest AUC) would be meaningless.
 */
function scoresOf(model: Pipeline, X: number[][], binary: boolean): number[] | number[][] | undefined {
  const attempt = <T>(f: (() => T) | undefined): T | undefined => {
    if (f === undefined) return undefined;
    try {
      return f();
    } catch (e) {
      // A model without scores (an SVC fitted without probabilities, say) throws QforgeError here.
      if (e instanceof QforgeError) return undefined;
      throw e;
    }
  };
  const p = attempt(model.predictProba ? () => model.predictProba!(X) : undefined);
  if (p !== undefined) return binary ? p.map((r) => r[1]!) : p;
  return attempt(model.decisionFunction ? () => model.decisionFunction!(X) : undefined);
}
