import { type CMatrix, cmatrix, expm, kron, scale } from "../../math/complex-matrix.js";

/** Largest |a_k − b_k| between two interleaved complex vectors. */
export function maxAbsDiffState(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let k = 0; k < a.length; k += 2) m = Math.max(m, Math.hypot(a[k]! - b[k]!, a[k + 1]! - b[k + 1]!));
  return m;
}

/** An interleaved complex vector from [re, im] pairs. */
export function complexVector(entries: readonly (readonly [number, number])[]): Float64Array {
  return Float64Array.from(entries.flat());
}

/** e^{iφ} as [re, im]. */
export function phase(phi: number, magnitude = 1): [number, number] {
  return [magnitude * Math.cos(phi), magnitude * Math.sin(phi)];
}

const PAULI: Record<string, CMatrix> = {
  I: cmatrix([
    [1, 0],
    [0, 1],
  ]),
  X: cmatrix([
    [0, 1],
    [1, 0],
  ]),
  Y: cmatrix([
    [0, [0, -1]],
    [[0, 1], 0],
  ]),
  Z: cmatrix([
    [1, 0],
    [0, -1],
  ]),
};

/**
 * The n-qubit Pauli operator with `letters[q]` on qubit q (qubit 0 = least significant bit, so it is the
 * RIGHTMOST Kronecker factor).
 */
export function pauliOperator(letters: readonly string[]): CMatrix {
  let m: CMatrix = cmatrix([[1]]);
  for (const l of letters) m = kron(PAULI[l]!, m);
  return m;
}

/** exp(−i·t/2·P) by the matrix exponential. */
export function pauliExp(p: CMatrix, t: number): CMatrix {
  return expm(scale(p, 0, -t / 2));
}
