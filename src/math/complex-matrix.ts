import { check } from "../util/errors.js";

/**
 * A small dense complex matrix, row-major, real and imaginary parts interleaved:
 * entry (r, c) is `data[2*(r*dim + c)]` + i·`data[2*(r*dim + c) + 1]`. Used for gate matrices and the
 * dense reference simulator — never in hot loops over states.
 */
export interface CMatrix {
  readonly dim: number;
  readonly data: Float64Array;
}

/** Builds a matrix from rows of `[re, im]` pairs or plain reals. */
export function cmatrix(rows: ReadonlyArray<ReadonlyArray<number | readonly [number, number]>>): CMatrix {
  const dim = rows.length;
  const data = new Float64Array(2 * dim * dim);
  rows.forEach((row, r) => {
    check(row.length === dim, `matrix row ${r} has ${row.length} entries, expected ${dim}`);
    row.forEach((v, c) => {
      const k = 2 * (r * dim + c);
      if (typeof v === "number") data[k] = v;
      else {
        data[k] = v[0];
        data[k + 1] = v[1];
      }
    });
  });
  return { dim, data };
}

export function identity(dim: number): CMatrix {
  const data = new Float64Array(2 * dim * dim);
  for (let i = 0; i < dim; i++) data[2 * (i * dim + i)] = 1;
  return { dim, data };
}

/** e^{iφ} as a [re, im] pair. */
export function cis(phi: number): [number, number] {
  return [Math.cos(phi), Math.sin(phi)];
}

/** Re(i^power · (re + i·im)): the real part after a Pauli string's phase i^{#Y}. */
export function realOfIPower(power: number, re: number, im: number): number {
  switch (power & 3) {
    case 0:
      return re;
    case 1:
      return -im;
    case 2:
      return -re;
    default:
      return im;
  }
}

export function matmul(a: CMatrix, b: CMatrix): CMatrix {
  check(a.dim === b.dim, `matmul of ${a.dim}×${a.dim} and ${b.dim}×${b.dim}`);
  const n = a.dim;
  const out = new Float64Array(2 * n * n);
  const A = a.data,
    B = b.data;
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < n; k++) {
      const ar = A[2 * (r * n + k)]!,
        ai = A[2 * (r * n + k) + 1]!;
      if (ar === 0 && ai === 0) continue;
      for (let c = 0; c < n; c++) {
        const br = B[2 * (k * n + c)]!,
          bi = B[2 * (k * n + c) + 1]!;
        out[2 * (r * n + c)] = out[2 * (r * n + c)]! + ar * br - ai * bi;
        out[2 * (r * n + c) + 1] = out[2 * (r * n + c) + 1]! + ar * bi + ai * br;
      }
    }
  }
  return { dim: n, data: out };
}

/** Kronecker product a ⊗ b (a acts on the more significant index bits). */
export function kron(a: CMatrix, b: CMatrix): CMatrix {
  const n = a.dim * b.dim;
  const out = new Float64Array(2 * n * n);
  for (let ar = 0; ar < a.dim; ar++)
    for (let ac = 0; ac < a.dim; ac++) {
      const xr = a.data[2 * (ar * a.dim + ac)]!,
        xi = a.data[2 * (ar * a.dim + ac) + 1]!;
      for (let br = 0; br < b.dim; br++)
        for (let bc = 0; bc < b.dim; bc++) {
          const yr = b.data[2 * (br * b.dim + bc)]!,
            yi = b.data[2 * (br * b.dim + bc) + 1]!;
          const k = 2 * ((ar * b.dim + br) * n + (ac * b.dim + bc));
          out[k] = xr * yr - xi * yi;
          out[k + 1] = xr * yi + xi * yr;
        }
    }
  return { dim: n, data: out };
}

/** Conjugate transpose. */
export function adjoint(a: CMatrix): CMatrix {
  const n = a.dim;
  const out = new Float64Array(2 * n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      out[2 * (c * n + r)] = a.data[2 * (r * n + c)]!;
      out[2 * (c * n + r) + 1] = -a.data[2 * (r * n + c) + 1]!;
    }
  return { dim: n, data: out };
}

export function scale(a: CMatrix, re: number, im = 0): CMatrix {
  const out = new Float64Array(a.data.length);
  for (let k = 0; k < out.length; k += 2) {
    const x = a.data[k]!,
      y = a.data[k + 1]!;
    out[k] = x * re - y * im;
    out[k + 1] = x * im + y * re;
  }
  return { dim: a.dim, data: out };
}

export function add(a: CMatrix, b: CMatrix): CMatrix {
  check(a.dim === b.dim, "add: dimension mismatch");
  const out = new Float64Array(a.data.length);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k]! + b.data[k]!;
  return { dim: a.dim, data: out };
}

/** Largest absolute entry difference. */
export function maxAbsDiff(a: CMatrix, b: CMatrix): number {
  check(a.dim === b.dim, "maxAbsDiff: dimension mismatch");
  let m = 0;
  for (let k = 0; k < a.data.length; k += 2)
    m = Math.max(m, Math.hypot(a.data[k]! - b.data[k]!, a.data[k + 1]! - b.data[k + 1]!));
  return m;
}

/** Distance between a and b after removing the best global phase: min over φ of max|a − e^{iφ} b|. */
export function distanceUpToPhase(a: CMatrix, b: CMatrix): number {
  // The phase is taken from the largest entry of b, which is numerically the most reliable.
  let best = 0,
    kb = 0;
  for (let k = 0; k < b.data.length; k += 2) {
    const m = Math.hypot(b.data[k]!, b.data[k + 1]!);
    if (m > best) {
      best = m;
      kb = k;
    }
  }
  if (best === 0) return maxAbsDiff(a, b);
  const br = b.data[kb]!,
    bi = b.data[kb + 1]!,
    ar = a.data[kb]!,
    ai = a.data[kb + 1]!;
  // phase = a_k / b_k normalised
  const pr = ar * br + ai * bi,
    pi = ai * br - ar * bi;
  const pm = Math.hypot(pr, pi);
  if (pm === 0) return maxAbsDiff(a, b);
  return maxAbsDiff(a, scale(b, pr / pm, pi / pm));
}

/** Matrix exponential by scaling and squaring with a Taylor series (accurate to ~1e-15 for small gate matrices). */
export function expm(a: CMatrix): CMatrix {
  let norm = 0;
  for (let k = 0; k < a.data.length; k += 2) norm = Math.max(norm, Math.hypot(a.data[k]!, a.data[k + 1]!));
  const squarings = Math.max(0, Math.ceil(Math.log2(norm * a.dim + 1e-300)) + 4);
  const s = scale(a, 1 / 2 ** squarings);
  let result = identity(a.dim);
  let term = identity(a.dim);
  for (let j = 1; j <= 24; j++) {
    term = scale(matmul(term, s), 1 / j);
    result = add(result, term);
  }
  for (let j = 0; j < squarings; j++) result = matmul(result, result);
  return result;
}

/** Matrix–vector product on an interleaved complex vector. */
export function matvec(a: CMatrix, v: Float64Array): Float64Array {
  const n = a.dim;
  check(v.length === 2 * n, "matvec: dimension mismatch");
  const out = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    let sr = 0,
      si = 0;
    for (let c = 0; c < n; c++) {
      const xr = a.data[2 * (r * n + c)]!,
        xi = a.data[2 * (r * n + c) + 1]!;
      const yr = v[2 * c]!,
        yi = v[2 * c + 1]!;
      sr += xr * yr - xi * yi;
      si += xr * yi + xi * yr;
    }
    out[2 * r] = sr;
    out[2 * r + 1] = si;
  }
  return out;
}

/** True if a·a† = I to within `tol` (max entry). */
export function isUnitary(a: CMatrix, tol = 1e-12): boolean {
  return maxAbsDiff(matmul(a, adjoint(a)), identity(a.dim)) <= tol;
}
