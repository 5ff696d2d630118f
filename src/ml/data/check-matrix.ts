import { QforgeError } from "../../util/errors.js";
import type { FeatureMatrix, TargetVector } from "../estimator.js";

/**
 * Checks that X is a non-empty rectangular matrix of finite numbers and returns its shape; throws
 * INVALID_DATA naming the first bad row/column (0-based) otherwise.
 *
 * @example
 * ```ts
 * const { rows, cols } = checkMatrix([[1, 2], [3, 4]], "X"); // 2, 2
 * ```
 */
export function checkMatrix(X: FeatureMatrix, what = "X"): { rows: number; cols: number } {
  if (!Array.isArray(X) || X.length === 0)
    throw new QforgeError("INVALID_DATA", `${what} must be a non-empty array of rows`);
  const first = X[0];
  if (!Array.isArray(first) || first.length === 0) {
    throw new QforgeError("INVALID_DATA", `${what} row 0 must be a non-empty array of numbers`);
  }
  const cols = first.length;
  for (let i = 0; i < X.length; i++) {
    const row = X[i];
    if (!Array.isArray(row)) throw new QforgeError("INVALID_DATA", `${what} row ${i} is not an array`);
    if (row.length !== cols) {
      throw new QforgeError(
        "INVALID_DATA",
        `${what} row ${i} has ${row.length} values but row 0 has ${cols}`,
      );
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new QforgeError(
          "INVALID_DATA",
          `${what}[${i}][${j}] is ${String(v)}; features must be finite numbers`,
        );
      }
    }
  }
  return { rows: X.length, cols };
}

/**
 * Checks that y holds `n` finite numbers.
 *
 * @example
 * ```ts
 * checkTargets([0, 1, 1], 3);
 * ```
 */
export function checkTargets(y: TargetVector, n: number, what = "y"): void {
  if (!Array.isArray(y)) throw new QforgeError("INVALID_DATA", `${what} must be an array of numbers`);
  if (y.length !== n)
    throw new QforgeError("INVALID_DATA", `${what} has ${y.length} values but X has ${n} rows`);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new QforgeError("INVALID_DATA", `${what}[${i}] is ${String(v)}; targets must be finite numbers`);
    }
  }
}

/**
 * Checks features and targets together; returns the shape of X.
 *
 * @example
 * ```ts
 * const { rows, cols } = checkXy([[0], [1]], [0, 1]);
 * ```
 */
export function checkXy(X: FeatureMatrix, y: TargetVector): { rows: number; cols: number } {
  const shape = checkMatrix(X);
  checkTargets(y, shape.rows);
  return shape;
}

/**
 * Checks that new data has the number of columns the model was fitted with; returns the number of rows.
 *
 * @example
 * ```ts
 * checkColumns(Xtest, this.nFeatures); // throws INVALID_DATA on a mismatch
 * ```
 */
export function checkColumns(X: FeatureMatrix, expected: number, what = "X"): number {
  const { cols } = checkMatrix(X, what);
  if (cols !== expected) {
    throw new QforgeError(
      "INVALID_DATA",
      `${what} has ${cols} columns but the model was fitted with ${expected}`,
    );
  }
  return X.length;
}
