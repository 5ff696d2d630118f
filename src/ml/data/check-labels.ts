import { QforgeError } from "../../util/errors.js";
import type { TargetVector } from "../estimator.js";

/**
 * Checks a classification label column and returns its distinct labels in ascending order. Fewer than two
 * classes cannot train a classifier, so a single class throws INVALID_DATA.
 *
 * @example
 * ```ts
 * checkLabels([1, 0, 1]); // [0, 1]
 * checkLabels([1, 1, 1]); // throws INVALID_DATA: only one class
 * ```
 */
export function checkLabels(y: TargetVector, what = "y"): number[] {
  if (!Array.isArray(y) || y.length === 0)
    throw new QforgeError("INVALID_DATA", `${what} must be a non-empty array of labels`);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new QforgeError(
        "INVALID_DATA",
        `${what}[${i}] is ${String(v)}; class labels must be finite numbers`,
      );
    }
  }
  const classes = uniqueSorted(y);
  if (classes.length < 2) {
    throw new QforgeError(
      "INVALID_DATA",
      `${what} has only one class (label ${String(classes[0])} in all ${y.length} samples); classification needs at least two`,
    );
  }
  return classes;
}

/** Distinct values in ascending order. */
export function uniqueSorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * Maps each label to its index in `classes` (which must contain it).
 *
 * @example
 * ```ts
 * encodeLabels([5, 2, 5], [2, 5]); // [1, 0, 1]
 * ```
 */
export function encodeLabels(y: TargetVector, classes: readonly number[]): number[] {
  const index = new Map(classes.map((c, i) => [c, i]));
  return y.map((v, i) => {
    const k = index.get(v);
    if (k === undefined)
      throw new QforgeError(
        "INVALID_DATA",
        `label ${v} at y[${i}] is not one of the classes ${classes.join(", ")}`,
      );
    return k;
  });
}
