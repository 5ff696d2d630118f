import { check } from "../util/errors.js";

/**
 * Solves A·x = b for a dense n×n matrix A (row-major, n = b.length). A symmetric positive-definite A is
 * solved by Cholesky factorisation; anything else (or a Cholesky breakdown) by Gaussian elimination with
 * partial pivoting. Returns undefined when A is singular to working precision. Internal helper of QNG.
 */
export function solveLinearSystem(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array | undefined {
  const n = b.length;
  check(a.length === n * n, `matrix must have n×n = ${n * n} entries for n = ${n}, got ${a.length}`);
  return (isSymmetric(a, n) ? choleskySolve(a, b, n) : undefined) ?? gaussianSolve(a, b, n);
}

function isSymmetric(a: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const x = a[i * n + j]!;
      const y = a[j * n + i]!;
      if (Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
    }
  }
  return true;
}

/** A = L·Lᵀ, then forward and back substitution; undefined if A is not numerically positive definite. */
function choleskySolve(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 1e-14 * Math.max(1, Math.abs(a[j * n + j]!)))) return undefined;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/** Gaussian elimination with partial pivoting on an augmented copy; undefined if a pivot vanishes. */
function gaussianSolve(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array | undefined {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < m.length; i++) scale = Math.max(scale, Math.abs(m[i]!));
  const tiny = n * Number.EPSILON * scale;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r * n + col]!) > Math.abs(m[pivot * n + col]!)) pivot = r;
    const p = m[pivot * n + col]!;
    if (!(Math.abs(p) > tiny)) return undefined;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const t = m[col * n + k]!;
        m[col * n + k] = m[pivot * n + k]!;
        m[pivot * n + k] = t;
      }
      const t = x[col]!;
      x[col] = x[pivot]!;
      x[pivot] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const factor = m[r * n + col]! / p;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) m[r * n + k] = m[r * n + k]! - factor * m[col * n + k]!;
      x[r] = x[r]! - factor * x[col]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= m[i * n + k]! * x[k]!;
    x[i] = s / m[i * n + i]!;
  }
  return x;
}
