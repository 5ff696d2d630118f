import { QforgeError } from "../../util/errors.js";

/** Checks two equally long, non-empty arrays of finite numbers (true and predicted values). */
export function checkPair(yTrue: readonly number[], yPred: readonly number[], predName = "yPred"): void {
  if (!Array.isArray(yTrue) || yTrue.length === 0)
    throw new QforgeError("INVALID_DATA", "yTrue must be a non-empty array of numbers");
  if (!Array.isArray(yPred) || yPred.length !== yTrue.length) {
    throw new QforgeError(
      "INVALID_DATA",
      `${predName} has ${Array.isArray(yPred) ? yPred.length : "no"} values but yTrue has ${yTrue.length}`,
    );
  }
  for (let i = 0; i < yTrue.length; i++) {
    if (!Number.isFinite(yTrue[i]))
      throw new QforgeError(
        "INVALID_DATA",
        `yTrue[${i}] is ${String(yTrue[i])}; a finite number is required`,
      );
    if (!Number.isFinite(yPred[i]))
      throw new QforgeError(
        "INVALID_DATA",
        `${predName}[${i}] is ${String(yPred[i])}; a finite number is required`,
      );
  }
}
