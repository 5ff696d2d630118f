import { QforgeError } from "../../util/errors.js";
import { uniqueSorted } from "../data/check-labels.js";
import { checkPair } from "./check-pair.js";

/** Options of {@link rocAuc}. */
export interface RocAucOptions {
  /** Binary case: the positive class (default: the larger of the two labels). */
  posLabel?: number;
  /** Multi-class case: `macro` (default) is the plain mean of the one-vs-rest AUCs, `weighted` weights by class count. */
  average?: "macro" | "weighted";
}

/**
 * Area under the ROC curve.
 *
 * Binary: `scores` has one number per sample, larger meaning "more likely positive" (a probability or a decision
 * value). It equals the Mann–Whitney statistic: the chance that a random positive outscores a random negative,
 * with ties counted as one half. A two-column score matrix is read as class probabilities and its second column is used.
 *
 * Multi-class: `scores` has one row per sample and one column per class (classes of yTrue in ascending order);
 * the result is the one-vs-rest AUC averaged over classes.
 *
 * @example
 * ```ts
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 * rocAuc([0, 1, 2], [[0.8, 0.1, 0.1], [0.2, 0.6, 0.2], [0.1, 0.2, 0.7]]); // 1
 * ```
 */
export function rocAuc(
  yTrue: readonly number[],
  scores: readonly number[] | readonly (readonly number[])[],
  options: RocAucOptions = {},
): number {
  const classes = uniqueSorted(yTrue);
  if (classes.length < 2) {
    throw new QforgeError(
      "INVALID_DATA",
      `ROC AUC is undefined when yTrue has only one class (${String(classes[0])})`,
    );
  }
  const first = scores[0];
  if (!Array.isArray(first))
    return binaryAuc(yTrue, scores as readonly number[], options.posLabel ?? classes[1]!);

  const matrix = scores as readonly (readonly number[])[];
  if (classes.length === 2 && first.length === 2) {
    if (options.posLabel !== undefined && options.posLabel !== classes[1]) {
      return binaryAuc(
        yTrue,
        matrix.map((row) => row[0]!),
        options.posLabel,
      );
    }
    return binaryAuc(
      yTrue,
      matrix.map((row) => row[1]!),
      classes[1]!,
    );
  }
  if (matrix.length !== yTrue.length)
    throw new QforgeError(
      "INVALID_DATA",
      `scores has ${matrix.length} rows but yTrue has ${yTrue.length} values`,
    );
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== classes.length) {
      throw new QforgeError(
        "INVALID_DATA",
        `scores row ${i} has ${Array.isArray(row) ? row.length : 0} columns; yTrue has ${classes.length} classes (${classes.join(", ")}), one column each`,
      );
    }
  });
  const average = options.average ?? "macro";
  let total = 0;
  classes.forEach((c, k) => {
    const auc = binaryAuc(
      yTrue,
      matrix.map((row) => row[k]!),
      c,
    );
    const weight =
      average === "weighted" ? yTrue.filter((v) => v === c).length / yTrue.length : 1 / classes.length;
    total += weight * auc;
  });
  return total;
}

/** Mann–Whitney U / (nPos·nNeg) with average ranks for tied scores. */
function binaryAuc(yTrue: readonly number[], scores: readonly number[], posLabel: number): number {
  checkPair(yTrue, scores, "scores");
  const n = yTrue.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let nPos = 0;
  let rankSumPos = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1; // ranks are 1-based
    for (let t = start; t <= end; t++) {
      if (yTrue[order[t]!] === posLabel) {
        nPos++;
        rankSumPos += averageRank;
      }
    }
    start = end + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new QforgeError(
      "INVALID_DATA",
      `ROC AUC needs both positive (label ${posLabel}) and negative samples; found ${nPos} positive, ${nNeg} negative`,
    );
  }
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
