import type { CMatrix } from "./complex-matrix.js";

/**
 * Embeds a k-qubit operator acting on `qubits` (local bit j ↔ qubits[j]) into the full 2^n-dimensional
 * space, identity elsewhere. Dense and slow on purpose: it is the obviously-correct reference.
 */
export function embedOperator(m: CMatrix, qubits: readonly number[], numQubits: number): CMatrix {
  const dim = 2 ** numQubits;
  const out = new Float64Array(2 * dim * dim);
  const k = qubits.length;
  for (let col = 0; col < dim; col++) {
    let localCol = 0;
    for (let j = 0; j < k; j++) if ((col >> qubits[j]!) & 1) localCol |= 1 << j;
    for (let localRow = 0; localRow < 1 << k; localRow++) {
      let row = col;
      for (let j = 0; j < k; j++) row = (row & ~(1 << qubits[j]!)) | (((localRow >> j) & 1) << qubits[j]!);
      const src = 2 * (localRow * m.dim + localCol);
      out[2 * (row * dim + col)] = m.data[src]!;
      out[2 * (row * dim + col) + 1] = m.data[src + 1]!;
    }
  }
  return { dim, data: out };
}
