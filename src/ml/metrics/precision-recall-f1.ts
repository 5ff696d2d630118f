import { QforgeError } from "../../util/errors.js";
import { uniqueSorted } from "../data/check-labels.js";
import { checkPair } from "./check-pair.js";

/** How per-class scores combine: one positive class (`binary`), or an average over all classes. */
export type Average = "binary" | "macro" | "micro" | "weighted";

/** Options of {@link precision}, {@link recall} and {@link f1}. */
export interface ClassificationMetricOptions {
  /**
   * `binary` (default) scores only `posLabel` and needs at most two labels. `macro` is the plain mean over
   * labels, `weighted` weights by each label's count in yTrue, `micro` pools all counts (equals accuracy for
   * single-label data). Labels are those seen in yTrue or yPred.
   */
  average?: Average;
  /** The positive class for `average: "binary"` (default 1). */
  posLabel?: number;
}

type Which = "precision" | "recall" | "f1";

/**
 * Precision tp / (tp + fp); 0 when nothing was predicted positive.
 *
 * @example
 * ```ts
 * precision([0, 1, 1, 0], [1, 1, 0, 0]); // 0.5
 * precision([0, 1, 2, 2], [0, 2, 2, 1], { average: "macro" }); // (1 + 0 + 0.5) / 3
 * ```
 */
export function precision(
  yTrue: readonly number[],
  yPred: readonly number[],
  options: ClassificationMetricOptions = {},
): number {
  return score("precision", yTrue, yPred, options);
}

/**
 * Recall tp / (tp + fn); 0 when the class never occurs.
 *
 * @example
 * ```ts
 * recall([0, 1, 1, 0], [1, 1, 0, 0]); // 0.5
 * ```
 */
export function recall(
  yTrue: readonly number[],
  yPred: readonly number[],
  options: ClassificationMetricOptions = {},
): number {
  return score("recall", yTrue, yPred, options);
}

/**
 * F1, the harmonic mean of precision and recall: 2tp / (2tp + fp + fn); 0 when tp + fp + fn = 0.
 *
 * @example
 * ```ts
 * f1([0, 1, 1, 1], [1, 1, 1, 0]); // 2·2 / (2·2 + 1 + 1) = 2/3
 * ```
 */
export function f1(
  yTrue: readonly number[],
  yPred: readonly number[],
  options: ClassificationMetricOptions = {},
): number {
  return score("f1", yTrue, yPred, options);
}

function score(
  which: Which,
  yTrue: readonly number[],
  yPred: readonly number[],
  options: ClassificationMetricOptions,
): number {
  checkPair(yTrue, yPred);
  const average = options.average ?? "binary";
  const labels = uniqueSorted([...yTrue, ...yPred]);
  const counts = labels.map((l) => countsFor(l, yTrue, yPred));

  if (average === "binary") {
    const posLabel = options.posLabel ?? 1;
    if (labels.length > 2) {
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `the data has ${labels.length} labels (${labels.join(", ")}); choose average "macro", "micro" or "weighted" instead of "binary"`,
      );
    }
    if (labels.length === 2 && !labels.includes(posLabel)) {
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `posLabel ${posLabel} is not one of the labels ${labels.join(", ")}`,
      );
    }
    return ratio(which, countsFor(posLabel, yTrue, yPred));
  }
  if (average === "micro") {
    const total = counts.reduce(
      (acc, c) => ({
        tp: acc.tp + c.tp,
        predicted: acc.predicted + c.predicted,
        actual: acc.actual + c.actual,
      }),
      { tp: 0, predicted: 0, actual: 0 },
    );
    return ratio(which, total);
  }
  if (average === "macro") return counts.reduce((acc, c) => acc + ratio(which, c), 0) / labels.length;
  if (average === "weighted")
    return counts.reduce((acc, c) => acc + ratio(which, c) * c.actual, 0) / yTrue.length;
  throw new QforgeError(
    "INVALID_ARGUMENT",
    `unknown average "${String(average)}"; use "binary", "macro", "micro" or "weighted"`,
  );
}

interface Counts {
  tp: number;
  predicted: number;
  actual: number;
}

function countsFor(label: number, yTrue: readonly number[], yPred: readonly number[]): Counts {
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i] === label;
    const p = yPred[i] === label;
    if (t) actual++;
    if (p) predicted++;
    if (t && p) tp++;
  }
  return { tp, predicted, actual };
}

function ratio(which: Which, c: Counts): number {
  const denominator =
    which === "precision" ? c.predicted : which === "recall" ? c.actual : c.predicted + c.actual;
  const numerator = which === "f1" ? 2 * c.tp : c.tp;
  return denominator === 0 ? 0 : numerator / denominator;
}
