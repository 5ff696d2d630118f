import { parity } from "../../util/bits.js";
import { realOfIPower } from "../../math/complex-matrix.js";

/**
 * The state-vector hot loops. They work on raw interleaved complex128 buffers (re at 2i, im at 2i+1,
 * qubit q ↔ bit q of i) and never see circuits or gate objects. Controls are given as a mask of control
 * bits and the value those bits must have (`ctrlMask`, `ctrlValue`), so negative controls cost nothing
 * extra. A gate's matrix is row-major interleaved complex, local bit j ↔ targets[j].
 */
import { braMatrixKet1 } from "./fast-kernels.js";

/** Dense 2×2 matrix on qubit `q`, optionally controlled. */
export function applyMatrix1(
  state: Float64Array,
  q: number,
  m: Float64Array,
  ctrlMask = 0,
  ctrlValue = 0,
): void {
  const dim = state.length >> 1;
  const bit = 1 << q;
  const m00r = m[0]!,
    m00i = m[1]!,
    m01r = m[2]!,
    m01i = m[3]!;
  const m10r = m[4]!,
    m10i = m[5]!,
    m11r = m[6]!,
    m11i = m[7]!;
  for (let base = 0; base < dim; base += bit << 1) {
    for (let i0 = base; i0 < base + bit; i0++) {
      if ((i0 & ctrlMask) !== ctrlValue) continue;
      const a = 2 * i0,
        b = 2 * (i0 | bit);
      const ar = state[a]!,
        ai = state[a + 1]!,
        br = state[b]!,
        bi = state[b + 1]!;
      state[a] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
      state[a + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
      state[b] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
      state[b + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
  }
}

/** Diagonal gate: amplitude i is multiplied by diag[local index of i], local bit j ↔ targets[j]. */
export function applyDiagonal(
  state: Float64Array,
  targets: readonly number[],
  diag: Float64Array,
  ctrlMask = 0,
  ctrlValue = 0,
): void {
  const dim = state.length >> 1;
  const k = targets.length;
  if (k === 1) {
    const bit = 1 << targets[0]!;
    const d0r = diag[0]!,
      d0i = diag[1]!,
      d1r = diag[2]!,
      d1i = diag[3]!;
    const skip0 = d0r === 1 && d0i === 0;
    for (let i = 0; i < dim; i++) {
      if ((i & ctrlMask) !== ctrlValue) continue;
      const one = (i & bit) !== 0;
      if (!one && skip0) continue;
      const dr = one ? d1r : d0r,
        di = one ? d1i : d0i;
      const r = state[2 * i]!,
        im = state[2 * i + 1]!;
      state[2 * i] = dr * r - di * im;
      state[2 * i + 1] = dr * im + di * r;
    }
    return;
  }
  for (let i = 0; i < dim; i++) {
    if ((i & ctrlMask) !== ctrlValue) continue;
    let local = 0;
    for (let j = 0; j < k; j++) local |= ((i >> targets[j]!) & 1) << j;
    const dr = diag[2 * local]!,
      di = diag[2 * local + 1]!;
    if (dr === 1 && di === 0) continue;
    const r = state[2 * i]!,
      im = state[2 * i + 1]!;
    state[2 * i] = dr * r - di * im;
    state[2 * i + 1] = dr * im + di * r;
  }
}

/** Pauli X on qubit q (a pure swap of amplitude pairs), optionally controlled. */
export function applyX(state: Float64Array, q: number, ctrlMask = 0, ctrlValue = 0): void {
  const dim = state.length >> 1;
  const bit = 1 << q;
  for (let base = 0; base < dim; base += bit << 1) {
    for (let i0 = base; i0 < base + bit; i0++) {
      if ((i0 & ctrlMask) !== ctrlValue) continue;
      const a = 2 * i0,
        b = 2 * (i0 | bit);
      const ar = state[a]!,
        ai = state[a + 1]!;
      state[a] = state[b]!;
      state[a + 1] = state[b + 1]!;
      state[b] = ar;
      state[b + 1] = ai;
    }
  }
}

/**
 * Dense 2^k × 2^k matrix on `targets`, optionally controlled. Works for any k; the gather/scatter of
 * 2^k amplitudes per group uses scratch buffers allocated once per call.
 */
export function applyMatrixK(
  state: Float64Array,
  targets: readonly number[],
  m: Float64Array,
  ctrlMask = 0,
  ctrlValue = 0,
): void {
  const dim = state.length >> 1;
  const k = targets.length;
  const size = 1 << k;
  const offsets = localOffsets(targets);
  const sorted = [...targets].sort((a, b) => a - b);
  const inRe = new Float64Array(size),
    inIm = new Float64Array(size);
  const groups = dim >> k;
  for (let g = 0; g < groups; g++) {
    // Insert a zero bit at each target position (ascending) to get the group's base index.
    const base = groupBase(g, sorted);
    if ((base & ctrlMask) !== ctrlValue) continue;
    for (let l = 0; l < size; l++) {
      const idx = 2 * (base | offsets[l]!);
      inRe[l] = state[idx]!;
      inIm[l] = state[idx + 1]!;
    }
    for (let r = 0; r < size; r++) {
      let sr = 0,
        si = 0;
      const row = 2 * r * size;
      for (let c = 0; c < size; c++) {
        const mr = m[row + 2 * c]!,
          mi = m[row + 2 * c + 1]!;
        sr += mr * inRe[c]! - mi * inIm[c]!;
        si += mr * inIm[c]! + mi * inRe[c]!;
      }
      const idx = 2 * (base | offsets[r]!);
      state[idx] = sr;
      state[idx + 1] = si;
    }
  }
}

/** Probability that qubit q reads 1. */
export function probabilityOfOne(state: Float64Array, q: number): number {
  const dim = state.length >> 1;
  const bit = 1 << q;
  let p = 0;
  for (let base = bit; base < dim; base += bit << 1)
    for (let i = base; i < base + bit; i++) p += state[2 * i]! ** 2 + state[2 * i + 1]! ** 2;
  return p;
}

/** Projects qubit q onto `outcome` and renormalises by 1/√p (p = that outcome's probability). */
export function collapse(state: Float64Array, q: number, outcome: 0 | 1, p: number): void {
  const dim = state.length >> 1;
  const bit = 1 << q;
  const norm = 1 / Math.sqrt(p);
  for (let i = 0; i < dim; i++) {
    if (((i & bit) !== 0 ? 1 : 0) === outcome) {
      state[2 * i] = state[2 * i]! * norm;
      state[2 * i + 1] = state[2 * i + 1]! * norm;
    } else {
      state[2 * i] = 0;
      state[2 * i + 1] = 0;
    }
  }
}

/** Probabilities |ψ_i|² of every basis state. */
export function probabilities(state: Float64Array, out = new Float64Array(state.length >> 1)): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = state[2 * i]! ** 2 + state[2 * i + 1]! ** 2;
  return out;
}

/** Marginal distribution over `qubits` (local bit j ↔ qubits[j]). */
export function marginalProbabilities(state: Float64Array, qubits: readonly number[]): Float64Array {
  const out = new Float64Array(1 << qubits.length);
  const dim = state.length >> 1;
  for (let i = 0; i < dim; i++) {
    let local = 0;
    for (let j = 0; j < qubits.length; j++) local |= ((i >> qubits[j]!) & 1) << j;
    out[local] = out[local]! + state[2 * i]! ** 2 + state[2 * i + 1]! ** 2;
  }
  return out;
}

/**
 * ⟨ψ|P|ψ⟩ for a Pauli string given by masks (X/Y flip bits, Y/Z sign bits, number of Y's), without
 * copying the state: P|b⟩ = i^{#Y} (−1)^{|b ∧ z|} |b ⊕ x⟩. Returns the real part (P is Hermitian).
 */
export function expectationPauli(state: Float64Array, xMask: number, zMask: number, numY: number): number {
  const dim = state.length >> 1;
  let sr = 0,
    si = 0;
  if (xMask === 0) {
    for (let b = 0; b < dim; b++) {
      const w = state[2 * b]! ** 2 + state[2 * b + 1]! ** 2;
      sr += parity(b & zMask) ? -w : w;
    }
  } else {
    for (let b = 0; b < dim; b++) {
      const f = b ^ xMask;
      // conj(ψ_f) · ψ_b
      const fr = state[2 * f]!,
        fi = state[2 * f + 1]!,
        br = state[2 * b]!,
        bi = state[2 * b + 1]!;
      const pr = fr * br + fi * bi,
        pi = fr * bi - fi * br;
      if (parity(b & zMask)) {
        sr -= pr;
        si -= pi;
      } else {
        sr += pr;
        si += pi;
      }
    }
  }
  return realOfIPower(numY, sr, si);
}

/** Index offset of each local basis state l of a gate on `targets` (bit j of l ↔ targets[j]). */
function localOffsets(targets: readonly number[]): Int32Array {
  const offsets = new Int32Array(1 << targets.length);
  for (let l = 0; l < offsets.length; l++) {
    let off = 0;
    for (let j = 0; j < targets.length; j++) if ((l >> j) & 1) off |= 1 << targets[j]!;
    offsets[l] = off;
  }
  return offsets;
}

/** The g-th index whose target bits are all zero: g with a zero bit inserted at each (ascending) target. */
function groupBase(g: number, sortedTargets: readonly number[]): number {
  let base = g;
  for (const t of sortedTargets) base = ((base >> t) << (t + 1)) | (base & ((1 << t) - 1));
  return base;
}

/** ⟨a|b⟩ = Σ conj(a_i) b_i as [re, im]. */
export function innerProduct(a: Float64Array, b: Float64Array): [number, number] {
  let re = 0,
    im = 0;
  for (let k = 0; k < a.length; k += 2) {
    const ar = a[k]!,
      ai = a[k + 1]!,
      br = b[k]!,
      bi = b[k + 1]!;
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  return [re, im];
}

/**
 * ⟨bra| (C-M) |ket⟩ without writing anything, where C-M applies the 2^k × 2^k matrix `m` on `targets`
 * to amplitudes whose control bits match and is ZERO elsewhere (the controlled-generator convention).
 * One read pass over both states: the adjoint gradient's per-parameter cost. Single-qubit matrices take the
 * specialised kernel (visiting only the controlled subspace); tested against {@link braMatrixKetReference}.
 */
export function braMatrixKet(
  bra: Float64Array,
  ket: Float64Array,
  targets: readonly number[],
  m: Float64Array,
  ctrlMask = 0,
  ctrlValue = 0,
): [number, number] {
  if (targets.length === 1) return braMatrixKet1(bra, ket, targets[0]!, m, ctrlMask, ctrlValue);
  return braMatrixKetReference(bra, ket, targets, m, ctrlMask, ctrlValue);
}

/** The plain version of {@link braMatrixKet} (the reference). */
export function braMatrixKetReference(
  bra: Float64Array,
  ket: Float64Array,
  targets: readonly number[],
  m: Float64Array,
  ctrlMask = 0,
  ctrlValue = 0,
): [number, number] {
  const dim = ket.length >> 1;
  const k = targets.length;
  const size = 1 << k;
  const offsets = localOffsets(targets);
  const sorted = [...targets].sort((a, b) => a - b);
  let re = 0,
    im = 0;
  for (let g = 0; g < dim >> k; g++) {
    const base = groupBase(g, sorted);
    if ((base & ctrlMask) !== ctrlValue) continue;
    for (let r = 0; r < size; r++) {
      let sr = 0,
        si = 0;
      for (let c = 0; c < size; c++) {
        const mr = m[2 * (r * size + c)]!,
          mi = m[2 * (r * size + c) + 1]!;
        if (mr === 0 && mi === 0) continue;
        const idx = 2 * (base | offsets[c]!);
        const kr = ket[idx]!,
          ki = ket[idx + 1]!;
        sr += mr * kr - mi * ki;
        si += mr * ki + mi * kr;
      }
      const idx = 2 * (base | offsets[r]!);
      const br = bra[idx]!,
        bi = bra[idx + 1]!;
      re += br * sr + bi * si;
      im += br * si - bi * sr;
    }
  }
  return [re, im];
}

/** out += coef · P|state⟩ for the Pauli string given by masks (see {@link expectationPauli}). */
export function accumulatePauli(
  out: Float64Array,
  state: Float64Array,
  xMask: number,
  zMask: number,
  numY: number,
  coef: number,
): void {
  const dim = state.length >> 1;
  // i^numY · coef as a complex factor
  const fr = [coef, 0, -coef, 0][numY & 3]!,
    fi = [0, coef, 0, -coef][numY & 3]!;
  for (let b = 0; b < dim; b++) {
    const sign = parity(b & zMask) ? -1 : 1;
    const sr = state[2 * b]! * sign,
      si = state[2 * b + 1]! * sign;
    const t = 2 * (b ^ xMask);
    out[t] = out[t]! + fr * sr - fi * si;
    out[t + 1] = out[t + 1]! + fr * si + fi * sr;
  }
}
