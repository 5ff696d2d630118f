import { check } from "../util/errors.js";

/** Throws INVALID_ARGUMENT unless `value` is a finite number > 0. */
export function checkPositive(value: number, name: string): void {
  check(Number.isFinite(value) && value > 0, `${name} must be a finite number > 0, got ${value}`);
}

/** Throws INVALID_ARGUMENT unless `value` is a finite number ≥ 0. */
export function checkNonNegative(value: number, name: string): void {
  check(Number.isFinite(value) && value >= 0, `${name} must be a finite number ≥ 0, got ${value}`);
}

/** Throws INVALID_ARGUMENT unless `lo ≤ value < hi` (a half-open interval, e.g. a decay rate in [0, 1)). */
export function checkInRange(value: number, lo: number, hi: number, name: string): void {
  check(
    Number.isFinite(value) && value >= lo && value < hi,
    `${name} must be in [${lo}, ${hi}), got ${value}`,
  );
}

/** Throws INVALID_ARGUMENT unless `value` is an integer ≥ `min`. */
export function checkInteger(value: number, min: number, name: string): void {
  check(Number.isInteger(value) && value >= min, `${name} must be an integer ≥ ${min}, got ${value}`);
}
