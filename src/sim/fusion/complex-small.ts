/**
 * Small dense complex matrices for the planner (interleaved, row-major, local bit j ↔ j-th qubit). Planning
 * cost only: none of this runs per amplitude.
 */

/** A·B for 2×2 matrices. */
export function mul2(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(8);
  for (let r = 0; r < 2; r++)
    for (let c = 0; c < 2; c++) {
      let re = 0,
        im = 0;
      for (let k = 0; k < 2; k++) {
        const ar = a[4 * r + 2 * k]!,
          ai = a[4 * r + 2 * k + 1]!;
        const br = b[4 * k + 2 * c]!,
          bi = b[4 * k + 2 * c + 1]!;
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      out[4 * r + 2 * c] = re;
      out[4 * r + 2 * c + 1] = im;
    }
  return out;
}

/** A·B for 2^k × 2^k matrices. */
export function mulK(a: Float64Array, b: Float64Array, size: number): Float64Array {
  const out = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++)
    for (let k = 0; k < size; k++) {
      const ar = a[2 * (r * size + k)]!,
        ai = a[2 * (r * size + k) + 1]!;
      if (ar === 0 && ai === 0) continue;
      for (let c = 0; c < size; c++) {
        const br = b[2 * (k * size + c)]!,
          bi = b[2 * (k * size + c) + 1]!;
        out[2 * (r * size + c)] = out[2 * (r * size + c)]! + ar * br - ai * bi;
        out[2 * (r * size + c) + 1] = out[2 * (r * size + c) + 1]! + ar * bi + ai * br;
      }
    }
  return out;
}

/** M · (P on local bit j), for a 2^k × 2^k matrix M and a 2×2 matrix P. */
export function rightMulLocal1(m: Float64Array, size: number, j: number, p: ArrayLike<number>): Float64Array {
  const out = new Float64Array(m.length);
  const bit = 1 << j;
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const cj = (c >> j) & 1;
      let re = 0,
        im = 0;
      for (let x = 0; x < 2; x++) {
        const cc = x ? c | bit : c & ~bit;
        const mr = m[2 * (r * size + cc)]!,
          mi = m[2 * (r * size + cc) + 1]!;
        const pr = p[4 * x + 2 * cj]!,
          pi = p[4 * x + 2 * cj + 1]!;
        re += mr * pr - mi * pi;
        im += mr * pi + mi * pr;
      }
      out[2 * (r * size + c)] = re;
      out[2 * (r * size + c) + 1] = im;
    }
  return out;
}

/** X_f · M · X_f: rows and columns permuted by XOR with the local flip mask f. */
export function conjugateByFlips(m: Float64Array, size: number, f: number): Float64Array {
  if (f === 0) return m;
  const out = new Float64Array(m.length);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const src = 2 * ((r ^ f) * size + (c ^ f));
      out[2 * (r * size + c)] = m[src]!;
      out[2 * (r * size + c) + 1] = m[src + 1]!;
    }
  return out;
}

/**
 * The matrix of a gate on `qubits = [...targets, ...controls]` including its controls: identity where the
 * control bits differ from `ctrlLocal` (the control pattern over local bits k…k+c−1, shifted down by k).
 */
export function controlledFull(m: ArrayLike<number>, k: number, c: number, ctrlLocal: number): Float64Array {
  const tsize = 1 << k;
  const size = 1 << (k + c);
  const out = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++) {
    const rc = r >> k;
    if (rc !== ctrlLocal) {
      out[2 * (r * size + r)] = 1;
      continue;
    }
    for (let cc = 0; cc < tsize; cc++) {
      const col = (rc << k) | cc;
      const src = 2 * ((r & (tsize - 1)) * tsize + cc);
      out[2 * (r * size + col)] = m[src]!;
      out[2 * (r * size + col) + 1] = m[src + 1]!;
    }
  }
  return out;
}

/**
 * Embeds a matrix on `from` (a subset of `to`, local bit j ↔ from[j]) into the qubit list `to`: identity on
 * the extra qubits.
 */
export function embedInto(m: Float64Array, from: readonly number[], to: readonly number[]): Float64Array {
  const pos = from.map((q) => to.indexOf(q));
  const k = from.length,
    size = 1 << to.length,
    fsize = 1 << k;
  let fmask = 0;
  for (const p of pos) fmask |= 1 << p;
  const local = (x: number) => {
    let l = 0;
    for (let j = 0; j < k; j++) l |= ((x >> pos[j]!) & 1) << j;
    return l;
  };
  const out = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      if ((r & ~fmask) !== (c & ~fmask)) continue;
      const src = 2 * (local(r) * fsize + local(c));
      out[2 * (r * size + c)] = m[src]!;
      out[2 * (r * size + c) + 1] = m[src + 1]!;
    }
  return out;
}

/** True when every off-diagonal entry is exactly zero. */
export function isDiagonal(m: Float64Array, size: number): boolean {
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      if (r !== c && (m[2 * (r * size + c)] !== 0 || m[2 * (r * size + c) + 1] !== 0)) return false;
  return true;
}

/** The diagonal of a matrix as 2^k interleaved entries. */
export function diagonalOf(m: Float64Array, size: number): Float64Array {
  const d = new Float64Array(2 * size);
  for (let i = 0; i < size; i++) {
    d[2 * i] = m[2 * (i * size + i)]!;
    d[2 * i + 1] = m[2 * (i * size + i) + 1]!;
  }
  return d;
}

/** The conjugate transpose of a size × size matrix. */
export function adjointOf(m: ArrayLike<number>, size: number): Float64Array {
  const out = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      out[2 * (c * size + r)] = m[2 * (r * size + c)]!;
      out[2 * (c * size + r) + 1] = -m[2 * (r * size + c) + 1]!;
    }
  return out;
}

/** The complex conjugate of an interleaved vector or matrix. */
export function conjugateOf(m: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(m as ArrayLike<number>);
  for (let i = 1; i < out.length; i += 2) out[i] = -out[i]!;
  return out;
}
