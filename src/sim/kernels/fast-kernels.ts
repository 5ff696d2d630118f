/**
 * Specialised typed-array kernels: the JavaScript fast path beside the plain reference kernels in
 * `statevector-kernels.ts` (which stay the reference every fast path is tested against).
 *
 * Layout as in the reference: interleaved complex (re at 2i, im at 2i+1), qubit q ↔ bit q of i. Every
 * kernel works on a BLOCK of the state: `nAmp` amplitudes starting at amplitude `off` (the whole state is
 * the block `off = 0, nAmp = 2^n`), so the same kernels serve whole-state gates and cache-blocked passes.
 * They take `Float64Array` (complex128) or `Float32Array` (complex64) and never allocate.
 *
 * Controlled kernels visit only the amplitudes whose control bits match: the loop enumerates the
 * 2^(n − k − c) free indices and inserts the fixed bits, so a doubly controlled gate costs a quarter of an
 * uncontrolled one.
 */

/** An interleaved complex state: complex128 or complex64. */
export type StateArray = Float64Array | Float32Array;

/**
 * Inserts a zero bit at each position of `sorted` (ascending) into `g`: the g-th index whose bits at those
 * positions are zero.
 */
export function insertZeroBits(g: number, sorted: Int32Array | readonly number[], count: number): number {
  let i = g;
  for (let j = 0; j < count; j++) {
    const p = sorted[j]!;
    const low = i & ((1 << p) - 1);
    i = ((i >>> p) << (p + 1)) | low;
  }
  return i;
}

/** Positions of the set bits of `mask`, ascending, plus `extra` positions, into `out`; returns the count. */
function sortedPositions(mask: number, extra: readonly number[], out: Int32Array): number {
  let m = mask;
  for (const e of extra) m |= 1 << e;
  let c = 0;
  for (let b = 0; m !== 0; b++, m >>>= 1) if (m & 1) out[c++] = b;
  return c;
}

const POS = new Int32Array(32);

/**
 * Dense 2×2 matrix `m` (interleaved, row-major) on qubit `q` of a block; only amplitudes with
 * `(i & ctrlMask) === ctrlValue` (i local to the block) are touched.
 */
export function u1(
  s: StateArray,
  off: number,
  nAmp: number,
  q: number,
  m: ArrayLike<number>,
  ctrlMask = 0,
  ctrlValue = 0,
): void {
  const m00r = m[0]!,
    m00i = m[1]!,
    m01r = m[2]!,
    m01i = m[3]!;
  const m10r = m[4]!,
    m10i = m[5]!,
    m11r = m[6]!,
    m11i = m[7]!;
  const bit = 1 << q;
  const o = 2 * bit;
  if (ctrlMask === 0) {
    for (let base = 0; base < nAmp; base += bit << 1) {
      const end = 2 * (off + base + bit);
      for (let a = 2 * (off + base); a < end; a += 2) {
        const b = a + o;
        const ar = s[a]!,
          ai = s[a + 1]!,
          br = s[b]!,
          bi = s[b + 1]!;
        s[a] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
        s[a + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
        s[b] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
        s[b + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
      }
    }
    return;
  }
  const npos = sortedPositions(ctrlMask, [q], POS);
  const count = nAmp >>> npos;
  for (let g = 0; g < count; g++) {
    const a = 2 * (off + (insertZeroBits(g, POS, npos) | ctrlValue));
    const b = a + o;
    const ar = s[a]!,
      ai = s[a + 1]!,
      br = s[b]!,
      bi = s[b + 1]!;
    s[a] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
    s[a + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
    s[b] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
    s[b + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
  }
}

/**
 * Real "shear" rotation on qubit q: (a, b) → (a − t·b, b + t·a), i.e. cos θ · [[1, −t], [t, 1]] without the
 * cos θ factor (t = tan θ, |t| ≤ 1); the planner carries the dropped factors as one global scale. Two
 * multiplications and two additions per amplitude pair component.
 */
export function rot1(s: StateArray, off: number, nAmp: number, q: number, t: number): void {
  const bit = 1 << q;
  const o = 2 * bit;
  for (let base = 0; base < nAmp; base += bit << 1) {
    const end = 2 * (off + base + bit);
    for (let a = 2 * (off + base); a < end; a += 2) {
      const b = a + o;
      const ar = s[a]!,
        ai = s[a + 1]!,
        br = s[b]!,
        bi = s[b + 1]!;
      s[a] = ar - t * br;
      s[a + 1] = ai - t * bi;
      s[b] = br + t * ar;
      s[b + 1] = bi + t * ai;
    }
  }
}

/**
 * A uniformly controlled shear on qubit q: like {@link rot1} with t where bit c of the global index
 * (base + local index) is clear and u where it is set (c ≠ q).
 */
export function crot1(
  s: StateArray,
  off: number,
  nAmp: number,
  base: number,
  q: number,
  c: number,
  t: number,
  u: number,
): void {
  const bit = 1 << q;
  const o = 2 * bit;
  for (let start = 0; start < nAmp; start += bit << 1) {
    for (let i = start; i < start + bit; i++) {
      const f = ((base + i) >>> c) & 1 ? u : t;
      const a = 2 * (off + i),
        b = a + o;
      const ar = s[a]!,
        ai = s[a + 1]!,
        br = s[b]!,
        bi = s[b + 1]!;
      s[a] = ar - f * br;
      s[a + 1] = ai - f * bi;
      s[b] = br + f * ar;
      s[b + 1] = bi + f * ai;
    }
  }
}

/** Shear rotations on two distinct qubits in one sweep (each amplitude loaded and stored once). */
export function rot2(
  s: StateArray,
  off: number,
  nAmp: number,
  q0: number,
  q1: number,
  t0: number,
  t1: number,
): void {
  const lo = Math.min(q0, q1),
    hi = Math.max(q0, q1);
  const o0 = 2 << q0,
    o1 = 2 << q1;
  const groups = nAmp >>> 2;
  const mLo = (1 << lo) - 1,
    mHi = (1 << hi) - 1;
  for (let g = 0; g < groups; g++) {
    let i = ((g & ~mLo) << 1) | (g & mLo);
    i = ((i & ~mHi) << 1) | (i & mHi);
    const p0 = 2 * (off + i),
      p1 = p0 + o0,
      p2 = p0 + o1,
      p3 = p1 + o1;
    let a0r = s[p0]!,
      a0i = s[p0 + 1]!,
      a1r = s[p1]!,
      a1i = s[p1 + 1]!;
    let a2r = s[p2]!,
      a2i = s[p2 + 1]!,
      a3r = s[p3]!,
      a3i = s[p3 + 1]!;
    let xr = a0r,
      xi = a0i;
    a0r = xr - t0 * a1r;
    a0i = xi - t0 * a1i;
    a1r += t0 * xr;
    a1i += t0 * xi;
    xr = a2r;
    xi = a2i;
    a2r = xr - t0 * a3r;
    a2i = xi - t0 * a3i;
    a3r += t0 * xr;
    a3i += t0 * xi;
    xr = a0r;
    xi = a0i;
    a0r = xr - t1 * a2r;
    a0i = xi - t1 * a2i;
    a2r += t1 * xr;
    a2i += t1 * xi;
    xr = a1r;
    xi = a1i;
    a1r = xr - t1 * a3r;
    a1i = xi - t1 * a3i;
    a3r += t1 * xr;
    a3i += t1 * xi;
    s[p0] = a0r;
    s[p0 + 1] = a0i;
    s[p1] = a1r;
    s[p1 + 1] = a1i;
    s[p2] = a2r;
    s[p2 + 1] = a2i;
    s[p3] = a3r;
    s[p3 + 1] = a3i;
  }
}

/** Single-qubit diagonal diag(d0, d1) on qubit q of a block, uncontrolled (d0 = 1 skips half the state). */
export function diag1(
  s: StateArray,
  off: number,
  nAmp: number,
  q: number,
  d0r: number,
  d0i: number,
  d1r: number,
  d1i: number,
): void {
  const bit = 1 << q;
  const skip0 = d0r === 1 && d0i === 0;
  for (let base = 0; base < nAmp; base += bit << 1) {
    if (!skip0) {
      const end0 = 2 * (off + base + bit);
      for (let a = 2 * (off + base); a < end0; a += 2) {
        const r = s[a]!,
          im = s[a + 1]!;
        s[a] = d0r * r - d0i * im;
        s[a + 1] = d0r * im + d0i * r;
      }
    }
    const end1 = 2 * (off + base + 2 * bit);
    for (let a = 2 * (off + base + bit); a < end1; a += 2) {
      const r = s[a]!,
        im = s[a + 1]!;
      s[a] = d1r * r - d1i * im;
      s[a + 1] = d1r * im + d1i * r;
    }
  }
}

/** Pauli X on qubit q of a block (a swap of amplitude pairs), only where the control bits match. */
export function xGate(
  s: StateArray,
  off: number,
  nAmp: number,
  q: number,
  ctrlMask = 0,
  ctrlValue = 0,
): void {
  const o = 2 << q;
  const npos = sortedPositions(ctrlMask, [q], POS);
  const count = nAmp >>> npos;
  for (let g = 0; g < count; g++) {
    const a = 2 * (off + (insertZeroBits(g, POS, npos) | ctrlValue));
    const b = a + o;
    const ar = s[a]!,
      ai = s[a + 1]!;
    s[a] = s[b]!;
    s[a + 1] = s[b + 1]!;
    s[b] = ar;
    s[b + 1] = ai;
  }
}

/** SWAP of qubits q0 and q1 of a block, only where the control bits match. */
export function swapGate(
  s: StateArray,
  off: number,
  nAmp: number,
  q0: number,
  q1: number,
  ctrlMask = 0,
  ctrlValue = 0,
): void {
  const npos = sortedPositions(ctrlMask, [q0, q1], POS);
  const count = nAmp >>> npos;
  const o0 = 2 << q0,
    o1 = 2 << q1;
  for (let g = 0; g < count; g++) {
    const base = 2 * (off + (insertZeroBits(g, POS, npos) | ctrlValue));
    const a = base + o0,
      b = base + o1;
    const ar = s[a]!,
      ai = s[a + 1]!;
    s[a] = s[b]!;
    s[a + 1] = s[b + 1]!;
    s[b] = ar;
    s[b + 1] = ai;
  }
}

/**
 * Dense 2^k × 2^k matrix on `targets` (local bit j ↔ targets[j]) of a block, only where the control bits
 * match. `scratch` holds at least 2^(k+1) numbers plus 2^k offsets' worth of room (see {@link ukScratchSize}).
 */
export function uk(
  s: StateArray,
  off: number,
  nAmp: number,
  targets: readonly number[],
  m: ArrayLike<number>,
  ctrlMask: number,
  ctrlValue: number,
  scratch: Float64Array,
  offsets: Int32Array,
): void {
  const k = targets.length;
  const size = 1 << k;
  for (let l = 0; l < size; l++) {
    let o = 0;
    for (let j = 0; j < k; j++) if ((l >> j) & 1) o |= 1 << targets[j]!;
    offsets[l] = 2 * o;
  }
  const npos = sortedPositions(ctrlMask, targets, POS);
  const count = nAmp >>> npos;
  for (let g = 0; g < count; g++) {
    const base = 2 * (off + (insertZeroBits(g, POS, npos) | ctrlValue));
    for (let l = 0; l < size; l++) {
      const idx = base + offsets[l]!;
      scratch[2 * l] = s[idx]!;
      scratch[2 * l + 1] = s[idx + 1]!;
    }
    let row = 0;
    for (let r = 0; r < size; r++) {
      let sr = 0,
        si = 0;
      for (let c = 0; c < 2 * size; c += 2) {
        const mr = m[row + c]!,
          mi = m[row + c + 1]!;
        const xr = scratch[c]!,
          xi = scratch[c + 1]!;
        sr += mr * xr - mi * xi;
        si += mr * xi + mi * xr;
      }
      row += 2 * size;
      const idx = base + offsets[r]!;
      s[idx] = sr;
      s[idx + 1] = si;
    }
  }
}

/** Scratch sizes {@link uk} needs for k target qubits: [scratch numbers, offsets]. */
export function ukScratchSize(k: number): [number, number] {
  return [2 << k, 1 << k];
}

/**
 * Diagonal on `targets` of a block: amplitude i is multiplied by diag[local index of i] (local bit j ↔
 * targets[j]) where the control bits (local to the block) match. Targets at or above the block size are
 * read from the block's global start index `base`. Entries equal to 1 cost nothing.
 */
export function diagK(
  s: StateArray,
  off: number,
  nAmp: number,
  base: number,
  targets: readonly number[],
  diag: ArrayLike<number>,
  ctrlMask = 0,
  ctrlValue = 0,
): void {
  const k = targets.length;
  const size = 1 << k;
  let localT = 0;
  for (const t of targets) if (1 << t < nAmp) localT |= 1 << t;
  const npos = sortedPositions(ctrlMask | localT, [], POS);
  const count = nAmp >>> npos;
  for (let l = 0; l < size; l++) {
    const dr = diag[2 * l]!,
      di = diag[2 * l + 1]!;
    if (dr === 1 && di === 0) continue;
    let o = ctrlValue,
      ok = true;
    for (let j = 0; j < k; j++) {
      const t = targets[j]!,
        bit = (l >> j) & 1;
      if (1 << t < nAmp) {
        if (bit) o |= 1 << t;
      } else if (((base >>> t) & 1) !== bit) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    for (let g = 0; g < count; g++) {
      const a = 2 * (off + (insertZeroBits(g, POS, npos) | o));
      const r = s[a]!,
        im = s[a + 1]!;
      s[a] = dr * r - di * im;
      s[a + 1] = dr * im + di * r;
    }
  }
}

/**
 * The merged phase pass: amplitude with GLOBAL index x = base + i is multiplied by
 * lo[x mod 2^l] · hi[x >> hiShift] (both interleaved complex tables; hiShift = l or l − 1). One pass applies
 * a whole layer of diagonal gates.
 */
export function phaseTables(
  s: StateArray,
  off: number,
  nAmp: number,
  base: number,
  l: number,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  hiShift = l,
): void {
  const lmask = (1 << l) - 1;
  const runLen = 1 << hiShift;
  let i = 0;
  while (i < nAmp) {
    const x = base + i;
    const h = x >>> hiShift;
    const hr = hi[2 * h]!,
      hiI = hi[2 * h + 1]!;
    const j0 = x & lmask;
    // a run of constant hi entry (hiShift ≤ l: the lo index does not wrap inside it)
    const n = Math.min(runLen - (x & (runLen - 1)), nAmp - i);
    let a = 2 * (off + i);
    let t = 2 * j0;
    const end = a + 2 * n;
    for (; a < end; a += 2, t += 2) {
      const lr = lo[t]!,
        li = lo[t + 1]!;
      const pr = lr * hr - li * hiI,
        pi = lr * hiI + li * hr;
      const r = s[a]!,
        im = s[a + 1]!;
      s[a] = pr * r - pi * im;
      s[a + 1] = pr * im + pi * r;
    }
    i += n;
  }
}

/** Multiplies every amplitude of a block by the real number `f`. */
export function scaleBlock(s: StateArray, off: number, nAmp: number, f: number): void {
  const end = 2 * (off + nAmp);
  for (let a = 2 * off; a < end; a++) s[a] = s[a]! * f;
}

/** Permutes the whole state by index XOR: amplitude i takes the value of amplitude i ⊕ mask. */
export function permuteXor(s: StateArray, nAmp: number, mask: number): void {
  if (mask === 0) return;
  // Visit each pair once: those i whose highest set bit of the mask is zero.
  const topBit = 1 << (31 - Math.clz32(mask));
  for (let base = 0; base < nAmp; base += topBit << 1) {
    for (let i = base; i < base + topBit; i++) {
      const a = 2 * i,
        b = 2 * (i ^ mask);
      const ar = s[a]!,
        ai = s[a + 1]!;
      s[a] = s[b]!;
      s[a + 1] = s[b + 1]!;
      s[b] = ar;
      s[b + 1] = ai;
    }
  }
}

/**
 * ⟨bra| C-M |ket⟩ for a 2×2 matrix on qubit q, zero where the control bits differ (see `braMatrixKet`):
 * one read pass over the controlled subspace of both states.
 */
export function braMatrixKet1(
  bra: StateArray,
  ket: StateArray,
  q: number,
  m: ArrayLike<number>,
  ctrlMask = 0,
  ctrlValue = 0,
): [number, number] {
  const m00r = m[0]!,
    m00i = m[1]!,
    m01r = m[2]!,
    m01i = m[3]!;
  const m10r = m[4]!,
    m10i = m[5]!,
    m11r = m[6]!,
    m11i = m[7]!;
  const o = 2 << q;
  const npos = sortedPositions(ctrlMask, [q], POS);
  const count = (ket.length >> 1) >>> npos;
  let re = 0,
    im = 0;
  for (let g = 0; g < count; g++) {
    const a = 2 * (insertZeroBits(g, POS, npos) | ctrlValue),
      b = a + o;
    const ar = ket[a]!,
      ai = ket[a + 1]!,
      br = ket[b]!,
      bi = ket[b + 1]!;
    const xr = m00r * ar - m00i * ai + m01r * br - m01i * bi;
    const xi = m00r * ai + m00i * ar + m01r * bi + m01i * br;
    const yr = m10r * ar - m10i * ai + m11r * br - m11i * bi;
    const yi = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    const lar = bra[a]!,
      lai = bra[a + 1]!,
      lbr = bra[b]!,
      lbi = bra[b + 1]!;
    re += lar * xr + lai * xi + lbr * yr + lbi * yi;
    im += lar * xi - lai * xr + lbr * yi - lbi * yr;
  }
  return [re, im];
}

/**
 * Σ over b with (b & ctrlMask) = ctrlValue of conj(bra[b ⊕ x]) · ket[b] · (−1)^{|b ∧ z|}, as [re, im]:
 * ⟨bra|X^x Z^z|ket⟩ restricted to the controls (times i^{#Y} for the Pauli string). With bra = ket and no
 * controls it is the expectation of the Pauli string. `x` must not touch the control bits.
 */
export function braketPauli(
  bra: StateArray,
  ket: StateArray,
  x: number,
  z: number,
  ctrlMask: number,
  ctrlValue: number,
): [number, number] {
  const dim = ket.length >> 1;
  let sr = 0,
    si = 0;
  for (let b = 0; b < dim; b++) {
    if ((b & ctrlMask) !== ctrlValue) continue;
    const f = b ^ x;
    const fr = bra[2 * f]!,
      fi = bra[2 * f + 1]!,
      br = ket[2 * b]!,
      bi = ket[2 * b + 1]!;
    const pr = fr * br + fi * bi,
      pi = fr * bi - fi * br;
    let p = b & z;
    p ^= p >>> 16;
    p ^= p >>> 8;
    p ^= p >>> 4;
    p ^= p >>> 2;
    p ^= p >>> 1;
    if (p & 1) {
      sr -= pr;
      si -= pi;
    } else {
      sr += pr;
      si += pi;
    }
  }
  return [sr, si];
}
