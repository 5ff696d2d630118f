import { QforgeError } from "../../util/errors.js";
import { uniqueSorted } from "../data/check-labels.js";
import { checkPair } from "./check-pair.js";

/** A confusion matrix: `matrix[i][j]` counts samples of true label `labels[i]` predicted as `labels[j]`. */
export interface ConfusionMatrix {
  labels: number[];
  matrix: number[][];
}

/**
 * Counts (true, predicted) label pairs. Rows are true labels, columns predicted labels, both in ascending label
 * order (or the order of `options.labels`; pairs with other labels are left out).
 *
 * @example
 * ```ts
 * confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2]);
 * // { labels: [0, 1, 2], matrix: [[1, 0, 0], [0, 1, 1], [0, 0, 1]] }
 * ```
 */
export function confusionMatrix(
  yTrue: readonly number[],
  yPred: readonly number[],
  options: { labels?: readonly number[] } = {},
): ConfusionMatrix {
  checkPair(yTrue, yPred);
  const labels = options.labels !== undefined ? [...options.labels] : uniqueSorted([...yTrue, ...yPred]);
  if (labels.length === 0 || new Set(labels).size !== labels.length) {
    throw new QforgeError(
      "INVALID_ARGUMENT",
      "confusionMatrix labels must be a non-empty list of distinct values",
    );
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let s = 0; s < yTrue.length; s++) {
    const i = index.get(yTrue[s]!);
    const j = index.get(yPred[s]!);
    if (i !== undefined && j !== undefined) matrix[i]![j]!++;
  }
  return { labels, matrix };
}
