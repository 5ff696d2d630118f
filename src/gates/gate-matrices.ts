import { type CMatrix, cmatrix, identity, kron, expm, scale } from "../math/complex-matrix.js";

/** Fixed single-qubit matrices, Qiskit / OpenQASM conventions. */
const s2 = Math.SQRT1_2;
export const I2 = identity(2);
export const X = cmatrix([
  [0, 1],
  [1, 0],
]);
export const Y = cmatrix([
  [0, [0, -1]],
  [[0, 1], 0],
]);
export const Z = cmatrix([
  [1, 0],
  [0, -1],
]);
export const H = cmatrix([
  [s2, s2],
  [s2, -s2],
]);
export const P0 = cmatrix([
  [1, 0],
  [0, 0],
]);
export const P1 = cmatrix([
  [0, 0],
  [0, 1],
]);

export function diag(...phases: number[]): CMatrix {
  const n = phases.length;
  const data = new Float64Array(2 * n * n);
  phases.forEach((phi, i) => {
    data[2 * (i * n + i)] = Math.cos(phi);
    data[2 * (i * n + i) + 1] = Math.sin(phi);
  });
  return { dim: n, data };
}

export function rx(t: number): CMatrix {
  const c = Math.cos(t / 2),
    s = Math.sin(t / 2);
  return cmatrix([
    [c, [0, -s]],
    [[0, -s], c],
  ]);
}
export function ry(t: number): CMatrix {
  const c = Math.cos(t / 2),
    s = Math.sin(t / 2);
  return cmatrix([
    [c, -s],
    [s, c],
  ]);
}
export function rz(l: number): CMatrix {
  return diag(-l / 2, l / 2);
}
export function u3(t: number, phi: number, lam: number): CMatrix {
  const c = Math.cos(t / 2),
    s = Math.sin(t / 2);
  return cmatrix([
    [c, [-Math.cos(lam) * s, -Math.sin(lam) * s]],
    [
      [Math.cos(phi) * s, Math.sin(phi) * s],
      [Math.cos(phi + lam) * c, Math.sin(phi + lam) * c],
    ],
  ]);
}

/**
 * Matrix of a gate with `numControls` control qubits on the low local bits and the target `u` on the high
 * bits, applied when every control is 1 (local bit j ↔ the operation's j-th qubit).
 */
export function controlled(u: CMatrix, numControls = 1): CMatrix {
  const nc = 1 << numControls;
  const dim = nc * u.dim;
  const out = identity(dim).data;
  const full = nc - 1;
  for (let r = 0; r < u.dim; r++)
    for (let c = 0; c < u.dim; c++) {
      const k = 2 * ((r * nc + full) * dim + (c * nc + full));
      out[k] = u.data[2 * (r * u.dim + c)]!;
      out[k + 1] = u.data[2 * (r * u.dim + c) + 1]!;
    }
  return { dim, data: out };
}

/** exp(−i θ/2 · A⊗B) where B acts on local qubit 0 and A on local qubit 1. */
export function pauliRotation(a: CMatrix, b: CMatrix, theta: number): CMatrix {
  return expm(scale(kron(a, b), 0, -theta / 2));
}

/** The generator |1…1⟩⟨1…1| ⊗ G of a controlled rotation (zero on the inactive block). */
export function controlledGenerator(g: CMatrix, numControls = 1): CMatrix {
  const c = controlled(g, numControls);
  const nc = 1 << numControls;
  const data = new Float64Array(c.data);
  for (let i = 0; i < c.dim; i++) if (i % nc !== nc - 1) data[2 * (i * c.dim + i)] = 0;
  return { dim: c.dim, data };
}
