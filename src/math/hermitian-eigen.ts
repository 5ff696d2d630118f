import type { CMatrix } from "./complex-matrix.js";

/**
 * Eigenvalues of a small Hermitian matrix (ascending), by the cyclic Jacobi method on the real 2n×2n
 * embedding [[A, −B], [B, A]] of A + iB, whose spectrum is that of the matrix with every value doubled.
 * Used for generators (parameter-shift rules) and small exact checks, not for large Hamiltonians.
 */
export function hermitianEigenvalues(m: CMatrix): number[] {
  const n = m.dim;
  const N = 2 * n;
  const a: number[][] = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const re = m.data[2 * (r * n + c)]!,
        im = m.data[2 * (r * n + c) + 1]!;
      a[r]![c] = re;
      a[r + n]![c + n] = re;
      a[r]![c + n] = -im;
      a[r + n]![c] = im;
    }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < N; p++) for (let q = p + 1; q < N; q++) off += a[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < N; p++)
      for (let q = p + 1; q < N; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < N; k++) {
          const akp = a[k]![p]!,
            akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < N; k++) {
          const apk = a[p]![k]!,
            aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
  }
  const doubled = a.map((row, i) => row[i]!).sort((x, y) => x - y);
  // Each eigenvalue appears twice in the embedding; keep one of each pair.
  return doubled.filter((_, i) => i % 2 === 0);
}
