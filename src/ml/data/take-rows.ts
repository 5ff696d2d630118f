/**
 * Picks rows by index (copies of the rows).
 *
 * @example
 * ```ts
 * takeRows([[1], [2], [3]], [2, 0]); // [[3], [1]]
 * ```
 */
export function takeRows(X: readonly (readonly number[])[], indices: readonly number[]): number[][] {
  return indices.map((i) => [...X[i]!]);
}

/**
 * Picks entries by index.
 *
 * @example
 * ```ts
 * takeItems([10, 20, 30], [2, 0]); // [30, 10]
 * ```
 */
export function takeItems<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => values[i]!);
}

/**
 * Picks a block of a matrix: rows `rows`, columns `cols`. Used to cut a precomputed kernel matrix into
 * train×train and test×train parts.
 *
 * @example
 * ```ts
 * const Ktrain = submatrix(K, train, train);
 * const Ktest = submatrix(K, test, train);
 * ```
 */
export function submatrix(
  K: readonly (readonly number[])[],
  rows: readonly number[],
  cols: readonly number[],
): number[][] {
  return rows.map((i) => {
    const row = K[i]!;
    return cols.map((j) => row[j]!);
  });
}
