import { checkPair } from "./check-pair.js";

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot. A constant yTrue gives 1 for a perfect fit and 0
 * otherwise (as scikit-learn does).
 *
 * @example
 * ```ts
 * r2([1, 2, 3], [1, 2, 4]); // 1 - 1/2 = 0.5
 * ```
 */
export function r2(yTrue: readonly number[], yPred: readonly number[]): number {
  checkPair(yTrue, yPred);
  const mean = yTrue.reduce((a, v) => a + v, 0) / yTrue.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    ssRes += (yTrue[i]! - yPred[i]!) ** 2;
    ssTot += (yTrue[i]! - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Mean squared error.
 *
 * @example
 * ```ts
 * mse([1, 2, 3], [1, 2, 5]); // 4/3
 * ```
 */
export function mse(yTrue: readonly number[], yPred: readonly number[]): number {
  checkPair(yTrue, yPred);
  let acc = 0;
  for (let i = 0; i < yTrue.length; i++) acc += (yTrue[i]! - yPred[i]!) ** 2;
  return acc / yTrue.length;
}

/**
 * Mean absolute error.
 *
 * @example
 * ```ts
 * mae([1, 2, 3], [1, 2, 5]); // 2/3
 * ```
 */
export function mae(yTrue: readonly number[], yPred: readonly number[]): number {
  checkPair(yTrue, yPred);
  let acc = 0;
  for (let i = 0; i < yTrue.length; i++) acc += Math.abs(yTrue[i]! - yPred[i]!);
  return acc / yTrue.length;
}
