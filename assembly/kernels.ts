// qforge state-vector kernels in AssemblyScript, compiled to WebAssembly SIMD (f64x2 for complex128,
// f32x4 for complex64). The TypeScript side (src/sim/engine/wasm-*.ts) owns the memory layout: it writes an
// encoded plan (see src/sim/engine/plan-encoding.ts) and calls `run`. No allocation, no static data: one
// module instance per thread can share one memory.
//
// Layout: interleaved complex, qubit q <-> bit q of the amplitude index. A v128 holds one complex128
// amplitude or two consecutive complex64 amplitudes.

// ---- op codes (keep in sync with src/sim/engine/plan-encoding.ts) ----
const OP_END: i32 = 0;
const OP_PASS: i32 = 1;
const OP_ROT: i32 = 2;
const OP_U1: i32 = 3;
const OP_UK: i32 = 4;
const OP_X: i32 = 5;
const OP_SWAP: i32 = 6;
const OP_DIAGK: i32 = 7;
const OP_PHASE: i32 = 8;
const OP_SCALE: i32 = 9;
const OP_PERMXOR: i32 = 10;
const OP_TOUCH: i32 = 11;

// ---- helpers ----

function rd(p: usize, k: usize): f64 {
  return load<f64>(p + (k << 3));
}
function ri(p: usize, k: usize): i32 {
  return <i32>load<f64>(p + (k << 3));
}

/** Inserts a zero bit at every set bit of `mask` (ascending) into g. */
function deposit(g: u32, mask: u32): u32 {
  let i = g;
  let m = mask;
  while (m != 0) {
    const p = ctz(m);
    m &= m - 1;
    const low = i & (((<u32>1) << p) - 1);
    i = ((i >> p) << (p + 1)) | low;
  }
  return i;
}

/** Inserts a zero bit at position p. */
function ins(g: u32, p: u32): u32 {
  return ((g >> p) << (p + 1)) | (g & (((<u32>1) << p) - 1));
}

/** The share [from, to) of `units` for thread tid of nth (aligned to 64 units where possible). */
function shareFrom(units: u32, tid: i32, nth: i32): u32 {
  if (nth <= 1) return 0;
  const chunk = (((units + <u32>nth - 1) / <u32>nth + 63) >> 6) << 6;
  const f = chunk * <u32>tid;
  return f < units ? f : units;
}
function shareTo(units: u32, tid: i32, nth: i32): u32 {
  if (nth <= 1) return units;
  const chunk = (((units + <u32>nth - 1) / <u32>nth + 63) >> 6) << 6;
  const t = chunk * <u32>(tid + 1);
  return t < units ? t : units;
}

// ---------------------------------------------------------------------------------------------------
// complex128 kernels (v128 = one amplitude, 16 bytes)
// ---------------------------------------------------------------------------------------------------

// One shear (a, b) -> (a - t b, b + t a) on the vectors at p and p + o0, for 2, 4 or 8 vectors held in
// registers (one, two or three sorted qubits): the bodies of the rotation loops, for T = f64 (complex128) and
// T = f32 (complex64, where inVec first rotates qubit 0 inside each vector; see inVec32).
// @ts-ignore: decorator
@inline
function shearA<T>(a: v128, b: v128, t: v128): v128 {
  return v128.sub<T>(a, v128.mul<T>(t, b));
}
// @ts-ignore: decorator
@inline
function shearB<T>(a: v128, b: v128, t: v128): v128 {
  return v128.add<T>(b, v128.mul<T>(t, a));
}

// @ts-ignore: decorator
@inline
function shear2x<T>(p: usize, o0: usize, T0: v128, TV: v128, inVec: bool): void {
  let a = v128.load(p),
    b = v128.load(p + o0);
  if (inVec) {
    a = inVec32(a, TV);
    b = inVec32(b, TV);
  }
  v128.store(p, shearA<T>(a, b, T0));
  v128.store(p + o0, shearB<T>(a, b, T0));
}

// @ts-ignore: decorator
@inline
function shear4x<T>(p: usize, o0: usize, o1: usize, T0: v128, T1: v128, TV: v128, inVec: bool): void {
  let a0 = v128.load(p),
    a1 = v128.load(p + o0),
    a2 = v128.load(p + o1),
    a3 = v128.load(p + o0 + o1);
  if (inVec) {
    a0 = inVec32(a0, TV);
    a1 = inVec32(a1, TV);
    a2 = inVec32(a2, TV);
    a3 = inVec32(a3, TV);
  }
  let x = a0;
  a0 = shearA<T>(x, a1, T0);
  a1 = shearB<T>(x, a1, T0);
  x = a2;
  a2 = shearA<T>(x, a3, T0);
  a3 = shearB<T>(x, a3, T0);
  x = a0;
  a0 = shearA<T>(x, a2, T1);
  a2 = shearB<T>(x, a2, T1);
  x = a1;
  a1 = shearA<T>(x, a3, T1);
  a3 = shearB<T>(x, a3, T1);
  v128.store(p, a0);
  v128.store(p + o0, a1);
  v128.store(p + o1, a2);
  v128.store(p + o0 + o1, a3);
}

// @ts-ignore: decorator
@inline
function shear8x<T>(p: usize, o0: usize, o1: usize, o2: usize, T0: v128, T1: v128, T2: v128): void {
  let a0 = v128.load(p),
    a1 = v128.load(p + o0),
    a2 = v128.load(p + o1),
    a3 = v128.load(p + o0 + o1);
  let a4 = v128.load(p + o2),
    a5 = v128.load(p + o2 + o0),
    a6 = v128.load(p + o2 + o1),
    a7 = v128.load(p + o2 + o1 + o0);
  let x = a0;
  a0 = shearA<T>(x, a1, T0);
  a1 = shearB<T>(x, a1, T0);
  x = a2;
  a2 = shearA<T>(x, a3, T0);
  a3 = shearB<T>(x, a3, T0);
  x = a4;
  a4 = shearA<T>(x, a5, T0);
  a5 = shearB<T>(x, a5, T0);
  x = a6;
  a6 = shearA<T>(x, a7, T0);
  a7 = shearB<T>(x, a7, T0);
  x = a0;
  a0 = shearA<T>(x, a2, T1);
  a2 = shearB<T>(x, a2, T1);
  x = a1;
  a1 = shearA<T>(x, a3, T1);
  a3 = shearB<T>(x, a3, T1);
  x = a4;
  a4 = shearA<T>(x, a6, T1);
  a6 = shearB<T>(x, a6, T1);
  x = a5;
  a5 = shearA<T>(x, a7, T1);
  a7 = shearB<T>(x, a7, T1);
  x = a0;
  a0 = shearA<T>(x, a4, T2);
  a4 = shearB<T>(x, a4, T2);
  x = a1;
  a1 = shearA<T>(x, a5, T2);
  a5 = shearB<T>(x, a5, T2);
  x = a2;
  a2 = shearA<T>(x, a6, T2);
  a6 = shearB<T>(x, a6, T2);
  x = a3;
  a3 = shearA<T>(x, a7, T2);
  a7 = shearB<T>(x, a7, T2);
  v128.store(p, a0);
  v128.store(p + o0, a1);
  v128.store(p + o1, a2);
  v128.store(p + o0 + o1, a3);
  v128.store(p + o2, a4);
  v128.store(p + o2 + o0, a5);
  v128.store(p + o2 + o1, a6);
  v128.store(p + o2 + o1 + o0, a7);
}

/**
 * The table slot of a rotation group at global index x: bit j of the slot is bit sj of x (the
 * branch of member j). Each slot holds the members' coefficient vectors (48 bytes in complex128, 64 in
 * complex64), so a group loads its coefficients instead of selecting them in registers.
 */
// @ts-ignore: decorator
@inline
function slot(x: u32, s0: u32, s1: u32, s2: u32): u32 {
  return ((x >> s0) & 1) | (((x >> s1) & 1) << 1) | (((x >> s2) & 1) << 2);
}

/** Chunks of a rotation sweep span at least 2^11 vectors (32 KiB: they stay in L1 while revisited). */
const ROT_CHUNK_BITS: u32 = 11;

/**
 * The end of the rotation chunk starting at c (vector index): chunks are aligned runs of 2^cb vectors,
 * cb = max(ROT_CHUNK_BITS, the bits spanned by the op's targets and controls), cut at i1.
 */
// @ts-ignore: decorator
@inline
function chunkEnd(c: u32, spanMask: u32, i1: u32): u32 {
  const chunkMask: u32 = spanMask | (((<u32>1) << ROT_CHUNK_BITS) - 1);
  const e = (c | chunkMask) + 1;
  return e > i1 || e == 0 ? i1 : e;
}

/** The bits of mask at or below the highest bit that differs between c and e - 1 (those vary in [c, e)). */
// @ts-ignore: decorator
@inline
function varyingBits(mask: u32, c: u32, e: u32): u32 {
  const vary = c ^ (e - 1);
  return vary == 0 ? 0 : mask & (<u32>0xffffffff >> clz(vary));
}

/** The byte offset after off whose bits in m are all 0 (one vector = 16 bytes). */
// @ts-ignore: decorator
@inline
function nextOffset(off: usize, m: usize): usize {
  return ((off | m) + 16) & ~m;
}

/**
 * The first offset off with (off & m) == 0 and off + cb >= lo (cb: bits of m): the least value >= lo - cb
 * whose m bits are clear (while one is set, carry past the highest). lo is a chunk start, inside a chunk only
 * where a thread's share starts there.
 */
function firstOffset(lo: usize, m: usize, cb: usize): usize {
  let x: usize = lo > cb ? lo - cb : 0;
  while ((x & m) != 0) {
    const h = <usize>(31 - clz(x & m));
    x = ((x >> h) + 1) << h;
  }
  return x;
}

/** Dense 2x2 (m at mp: 8 f64) on qubit q where (i & cm) == cv; units: pairs in the controlled subspace. */
function u1_64(ptr: usize, q: u32, mp: usize, cm: u32, cv: u32, g0: u32, g1: u32): void {
  const A0 = f64x2.splat(rd(mp, 0)),
    B0 = f64x2(-rd(mp, 1), rd(mp, 1));
  const A1 = f64x2.splat(rd(mp, 2)),
    B1 = f64x2(-rd(mp, 3), rd(mp, 3));
  const C0 = f64x2.splat(rd(mp, 4)),
    D0 = f64x2(-rd(mp, 5), rd(mp, 5));
  const C1 = f64x2.splat(rd(mp, 6)),
    D1 = f64x2(-rd(mp, 7), rd(mp, 7));
  const o: usize = (<usize>1) << (q + 4);
  const pos = cm | ((<u32>1) << q);
  for (let g = g0; g < g1; g++) {
    const i = cm == 0 ? ins(g, q) : deposit(g, pos) | cv;
    const p = ptr + ((<usize>i) << 4);
    const a = v128.load(p),
      b = v128.load(p + o);
    const as = i64x2.shuffle(a, a, 1, 0),
      bs = i64x2.shuffle(b, b, 1, 0);
    v128.store(
      p,
      f64x2.add(
        f64x2.add(f64x2.mul(A0, a), f64x2.mul(B0, as)),
        f64x2.add(f64x2.mul(A1, b), f64x2.mul(B1, bs)),
      ),
    );
    v128.store(
      p + o,
      f64x2.add(
        f64x2.add(f64x2.mul(C0, a), f64x2.mul(D0, as)),
        f64x2.add(f64x2.mul(C1, b), f64x2.mul(D1, bs)),
      ),
    );
  }
}

/**
 * Dense 2^k x 2^k on targets (tp: k f64 qubit numbers) where (i & cm) == cv. The matrix at mp is stored
 * pre-split as 4 f64 per entry: (re, re, -im, im). Scratch: 2^k offsets (u32) then 2^k gathered v128.
 */
function uk64(
  ptr: usize,
  k: i32,
  tp: usize,
  mp: usize,
  cm: u32,
  cv: u32,
  g0: u32,
  g1: u32,
  scratch: usize,
): void {
  const size = 1 << k;
  let pos = cm;
  for (let j = 0; j < k; j++) pos |= (<u32>1) << (<u32>ri(tp, j));
  const offs = scratch;
  const buf = scratch + 256;
  for (let l = 0; l < size; l++) {
    let o: u32 = 0;
    for (let j = 0; j < k; j++) if ((l >> j) & 1) o |= (<u32>1) << (<u32>ri(tp, j));
    store<u32>(offs + ((<usize>l) << 2), o);
  }
  for (let g = g0; g < g1; g++) {
    const base = ptr + ((<usize>(deposit(g, pos) | cv)) << 4);
    for (let l = 0; l < size; l++)
      v128.store(
        buf + ((<usize>l) << 4),
        v128.load(base + ((<usize>load<u32>(offs + ((<usize>l) << 2))) << 4)),
      );
    let mrow = mp;
    for (let r = 0; r < size; r++) {
      let acc = f64x2.splat(0.0);
      for (let c = 0; c < size; c++) {
        const x = v128.load(buf + ((<usize>c) << 4));
        const xs = i64x2.shuffle(x, x, 1, 0);
        acc = f64x2.add(acc, f64x2.add(f64x2.mul(v128.load(mrow), x), f64x2.mul(v128.load(mrow, 16), xs)));
        mrow += 32;
      }
      v128.store(base + ((<usize>load<u32>(offs + ((<usize>r) << 2))) << 4), acc);
    }
  }
}


// ---------------------------------------------------------------------------------------------------
// complex64 kernels (v128 = two consecutive amplitudes, 8 bytes each)
// ---------------------------------------------------------------------------------------------------

// complex64 rotation bodies. A qubit-0 rotation pairs the two amplitudes inside a vector: v + TV * swap(v)
// with TV = (-t, -t, t, t); the other qubits pair whole vectors (vector index bit = qubit - 1).
// @ts-ignore: decorator
@inline
function inVec32(a: v128, TV: v128): v128 {
  return f32x4.add(a, f32x4.mul(TV, i32x4.shuffle(a, a, 2, 3, 0, 1)));
}

/**
 * Shear rotations (a, b) -> (a - t b, b + t a) on k = 1..3 sorted qubits over the vectors [i0, i1) of a
 * block at global index base (i0, i1: group starts, target bits 0; a vector holds one complex128 amplitude or
 * two complex64 ones). Each member's coefficient may depend on one bit of the global index: uniformly
 * controlled rotations (a single-qubit gate, a CZ or CX, and the next single-qubit gate on the same target,
 * fused). v0..v2: the kv targets that pair whole vectors (vector bits); complex64 rotates a qubit-0 target
 * (inVec) inside each vector. tab: 8 slots (see slot) of the members' coefficient vectors — complex128: 3;
 * complex64: 4, the in-vector member's (-t, -t, t, t) first (a control on qubit 0 splits a vector's lanes:
 * (t, t, u, u)). cmask: the control bits inside the block (vector bits). The groups are walked chunk by
 * chunk, and within a chunk once per value of the control bits that vary in it, so coefficients load once
 * per chunk and value rather than once per group; the walk steps a byte offset past the target and control
 * bits ((off | m) + 16) & ~m.
 */
function rotSweep<T>(
  ptr: usize,
  base: u32,
  kv: i32,
  inVec: bool,
  v0: u32,
  v1: u32,
  v2: u32,
  s0: u32,
  s1: u32,
  s2: u32,
  cmask: u32,
  tab: usize,
  i0: u32,
  i1: u32,
): void {
  const f64s = sizeof<T>() == 8;
  const o0: usize = (<usize>1) << (v0 + 4),
    o1: usize = (<usize>1) << (v1 + 4),
    o2: usize = (<usize>1) << (v2 + 4);
  const tm: u32 =
    kv == 0 ? 0 : kv == 1 ? (<u32>o0) >> 4 : kv == 2 ? (<u32>(o0 | o1)) >> 4 : (<u32>(o0 | o1 | o2)) >> 4;
  const span: u32 = <u32>0xffffffff >> clz(tm | cmask);
  for (let c = i0; c < i1; ) {
    const e = chunkEnd(c, span, i1);
    const cm = varyingBits(cmask, c, e);
    const m: usize = (<usize>(tm | cm)) << 4;
    const lo: usize = (<usize>c) << 4,
      hi: usize = (<usize>e) << 4;
    let cv: u32 = 0;
    do {
      const v = (c & ~cm) | cv;
      const t = f64s ? tab + <usize>(slot(base + v, s0, s1, s2) * 48) : tab + <usize>(slot(base + (v << 1), s0, s1, s2) << 6);
      const first: usize = f64s ? 0 : 16;
      const TV = v128.load(t),
        T0 = v128.load(t + first),
        T1 = v128.load(t + first, 16),
        T2 = v128.load(t + first, 32);
      // (to: 0 where a thread's share ends before this control value's first group)
      const cb: usize = (<usize>cv) << 4;
      const pc = ptr + cb,
        from = firstOffset(lo, m, cb),
        to = hi > cb ? hi - cb : 0;
      // kv = 0 only in complex64: a lone qubit-0 target
      if (kv == 0)
        for (let off = from; off < to; off = nextOffset(off, m)) {
          const p = pc + off;
          v128.store(p, inVec32(v128.load(p), TV));
        }
      else if (kv == 1)
        for (let off = from; off < to; off = nextOffset(off, m)) shear2x<T>(pc + off, o0, T0, TV, inVec);
      else if (kv == 2)
        for (let off = from; off < to; off = nextOffset(off, m)) shear4x<T>(pc + off, o0, o1, T0, T1, TV, inVec);
      else
        for (let off = from; off < to; off = nextOffset(off, m))
          shear8x<T>(pc + off, o0, o1, o2, T0, T1, T2);
      cv = (cv - cm) & cm;
    } while (cv != 0);
    c = e;
  }
}

/**
 * The control bits of a rotation op (encoded at p) inside a block of 2^bbits amplitudes, as bits of the
 * index the kernel walks (amplitudes in complex128, vectors in complex64, where a control on qubit 0 is
 * resolved per lane instead).
 */
function rotControlMask(p: usize, f64s: bool, bbits: u32): u32 {
  const k = ri(p, 1);
  let mask: u32 = 0;
  for (let j = 0; j < k; j++) {
    const q = <u32>ri(p, 2 + j),
      c = <u32>ri(p, 5 + j);
    if (c == q || c >= bbits || (!f64s && c == 0)) continue;
    mask |= (<u32>1) << (f64s ? c : c - 1);
  }
  return mask;
}

/** Inserts zero bits at the sorted positions b0 < b1 < b2 (the first k of them) into g. */
function insertBits(g: u32, k: i32, b0: u32, b1: u32, b2: u32): u32 {
  let i = ins(g, b0);
  if (k > 1) i = ins(i, b1);
  if (k > 2) i = ins(i, b2);
  return i;
}

/**
 * Writes the coefficient table of a rotation op (encoded at p) to tab and returns the branch bit
 * of each member in *s (3 u32): see rotSweep.
 */
function rotTable(p: usize, f64s: bool, tab: usize, s: usize): void {
  const k = ri(p, 1);
  const inVec = !f64s && ri(p, 2) == 0;
  for (let j = 0; j < 3; j++) {
    const q = <u32>ri(p, 2 + j),
      c = <u32>ri(p, 5 + j);
    // complex64: a control on qubit 0 is resolved per lane, so the group reads the member's own bit
    store<u32>(s + (<usize>j << 2), j >= k ? q : !f64s && c == 0 ? q : c);
  }
  for (let slotIndex = 0; slotIndex < 8; slotIndex++) {
    const row = tab + (<usize>slotIndex) * (f64s ? 48 : 64);
    for (let j = 0; j < k; j++) {
      const t = rd(p, 8 + j),
        u = rd(p, 11 + j);
      const v = (slotIndex >> j) & 1 ? u : t;
      if (f64s) v128.store(row + (<usize>j << 4), f64x2.splat(v));
      else if (inVec && j == 0) {
        const w = <f32>v;
        v128.store(row, f32x4(-w, -w, w, w));
      } else {
        const c = <u32>ri(p, 5 + j);
        const lanes = c == 0 ? f32x4(<f32>t, <f32>t, <f32>u, <f32>u) : f32x4.splat(<f32>v);
        // vector-level member m sits at vector m + 1 of the slot (vector 0: the qubit-0 member)
        v128.store(row + (<usize>(inVec ? j : j + 1) << 4), lanes);
      }
    }
  }
}

/** Uncontrolled dense 2x2 on qubit q, complex64. Units: vector pairs (q >= 1) or vectors (q = 0). */
function u1_32(ptr: usize, q: u32, mp: usize, g0: u32, g1: u32): void {
  const m00r = <f32>rd(mp, 0),
    m00i = <f32>rd(mp, 1),
    m01r = <f32>rd(mp, 2),
    m01i = <f32>rd(mp, 3);
  const m10r = <f32>rd(mp, 4),
    m10i = <f32>rd(mp, 5),
    m11r = <f32>rd(mp, 6),
    m11i = <f32>rd(mp, 7);
  if (q == 0) {
    // v = [a, b]: out = [m00 a + m01 b, m10 a + m11 b]
    const A = f32x4(m00r, m00r, m11r, m11r),
      B = f32x4(-m00i, m00i, -m11i, m11i);
    const C = f32x4(m01r, m01r, m10r, m10r),
      D = f32x4(-m01i, m01i, -m10i, m10i);
    for (let g = g0; g < g1; g++) {
      const p = ptr + ((<usize>g) << 4);
      const v = v128.load(p);
      const w = i32x4.shuffle(v, v, 2, 3, 0, 1);
      const r = f32x4.add(
        f32x4.add(f32x4.mul(A, v), f32x4.mul(B, i32x4.shuffle(v, v, 1, 0, 3, 2))),
        f32x4.add(f32x4.mul(C, w), f32x4.mul(D, i32x4.shuffle(w, w, 1, 0, 3, 2))),
      );
      v128.store(p, r);
    }
    return;
  }
  const A0 = f32x4.splat(m00r),
    B0 = f32x4(-m00i, m00i, -m00i, m00i);
  const A1 = f32x4.splat(m01r),
    B1 = f32x4(-m01i, m01i, -m01i, m01i);
  const C0 = f32x4.splat(m10r),
    D0 = f32x4(-m10i, m10i, -m10i, m10i);
  const C1 = f32x4.splat(m11r),
    D1 = f32x4(-m11i, m11i, -m11i, m11i);
  const vq = q - 1;
  const o: usize = (<usize>1) << (vq + 4);
  for (let g = g0; g < g1; g++) {
    const p = ptr + ((<usize>ins(g, vq)) << 4);
    const a = v128.load(p),
      b = v128.load(p + o);
    const as = i32x4.shuffle(a, a, 1, 0, 3, 2),
      bs = i32x4.shuffle(b, b, 1, 0, 3, 2);
    v128.store(
      p,
      f32x4.add(
        f32x4.add(f32x4.mul(A0, a), f32x4.mul(B0, as)),
        f32x4.add(f32x4.mul(A1, b), f32x4.mul(B1, bs)),
      ),
    );
    v128.store(
      p + o,
      f32x4.add(
        f32x4.add(f32x4.mul(C0, a), f32x4.mul(D0, as)),
        f32x4.add(f32x4.mul(C1, b), f32x4.mul(D1, bs)),
      ),
    );
  }
}

// a * (re + i im) for tables pre-split into (re, re) and (-im, im) lanes
// @ts-ignore: decorator
@inline
function times<T>(a: v128, re: v128, im: v128): v128 {
  const swapped = sizeof<T>() == 8 ? i64x2.shuffle(a, a, 1, 0) : i32x4.shuffle(a, a, 1, 0, 3, 2);
  return v128.add<T>(v128.mul<T>(a, re), v128.mul<T>(swapped, im));
}

/**
 * Merged phase pass over amplitudes [i0, i1) of a block starting at global index base: amplitude x times
 * lo[x mod 2^l] * hi[x >> hs] (hs = l, or l - 1 when the tables share bit l - 1 so that a two-qubit factor
 * on qubits l - 1 and l fits the hi table). Tables are pre-split: lr holds (re, re) and li (-im, im) per lo entry (16
 * bytes each, the state's stride, placed by the encoder 1 KiB and 3 KiB away from the state modulo 4 KiB so
 * loads never alias recent stores); hi holds 32 bytes per entry: (re, re) then (-im, im).
 * complex64: lr / li hold, per pair of lo entries, (r0, r0, r1, r1) and (-i0, i0, -i1, i1) (16 bytes: the
 * state's stride per pair); hi holds per entry (r, r, r, r) then (-i, i, -i, i).
 */
function phaseSweep<T>(
  ptr: usize,
  base: u32,
  l: u32,
  hs: u32,
  lr: usize,
  li: usize,
  hi: usize,
  i0: u32,
  i1: u32,
): void {
  const f64s = sizeof<T>() == 8;
  const sh: usize = f64s ? 4 : 3;
  const lmask = ((<u32>1) << l) - 1;
  const hmask = ((<u32>1) << hs) - 1;
  let i = i0;
  while (i < i1) {
    const x = base + i;
    const hp = hi + ((<usize>(x >> hs)) << 5);
    const Hr = v128.load(hp),
      Hi = v128.load(hp, 16);
    const j0 = x & lmask;
    // a run of constant hi entry (hs <= l: the lo index does not wrap inside it)
    let n = hmask + 1 - (x & hmask);
    if (n > i1 - i) n = i1 - i;
    let p = ptr + ((<usize>i) << sh);
    const end = p + ((<usize>n) << sh);
    const d = ((<usize>j0) << sh) - ((<usize>i) << sh);
    const pr = lr + d - ptr,
      pm = li + d - ptr;
    // complex128: two vectors per step (measured: the phase pass 1.6 -> 1.3 passes at 24 qubits). Runs of 2^hs
    // amplitudes fill whole steps: hs >= 1 (plan-encoding checks it), thread shares are multiples of 64.
    for (; p < end; p += f64s ? 32 : 16) {
      v128.store(p, times<T>(times<T>(v128.load(p), v128.load(pr + p), v128.load(pm + p)), Hr, Hi));
      if (f64s)
        v128.store(
          p,
          times<T>(times<T>(v128.load(p, 16), v128.load(pr + p, 16), v128.load(pm + p, 16)), Hr, Hi),
          16,
        );
    }
    i += n;
  }
}

// ---------------------------------------------------------------------------------------------------
// precision-generic scalar kernels (T = f64 or f32; amplitude = 2 * sizeof<T>() bytes)
// ---------------------------------------------------------------------------------------------------

function ampShift<T>(): u32 {
  return sizeof<T>() == 8 ? 4 : 3;
}

/** X on q where (i & cm) == cv. Units: pairs in the controlled subspace. */
function xg<T>(ptr: usize, q: u32, cm: u32, cv: u32, g0: u32, g1: u32): void {
  const sh = ampShift<T>();
  const o: usize = (<usize>1) << (q + sh);
  const pos = cm | ((<u32>1) << q);
  for (let g = g0; g < g1; g++) {
    const p = ptr + ((<usize>(deposit(g, pos) | cv)) << sh);
    if (sizeof<T>() == 8) {
      const a = v128.load(p);
      v128.store(p, v128.load(p + o));
      v128.store(p + o, a);
    } else {
      const a = load<u64>(p);
      store<u64>(p, load<u64>(p + o));
      store<u64>(p + o, a);
    }
  }
}

/** SWAP of q0, q1 where (i & cm) == cv. Units: groups in the controlled subspace. */
function swapg<T>(ptr: usize, q0: u32, q1: u32, cm: u32, cv: u32, g0: u32, g1: u32): void {
  const sh = ampShift<T>();
  const o0: usize = (<usize>1) << (q0 + sh),
    o1: usize = (<usize>1) << (q1 + sh);
  const pos = cm | ((<u32>1) << q0) | ((<u32>1) << q1);
  for (let g = g0; g < g1; g++) {
    const p = ptr + ((<usize>(deposit(g, pos) | cv)) << sh);
    if (sizeof<T>() == 8) {
      const a = v128.load(p + o0);
      v128.store(p + o0, v128.load(p + o1));
      v128.store(p + o1, a);
    } else {
      const a = load<u64>(p + o0);
      store<u64>(p + o0, load<u64>(p + o1));
      store<u64>(p + o1, a);
    }
  }
}

/** Tiles of a permutation sweep: 2^12 amplitudes (64 KiB in complex128, within L2). */
const PERM_TILE_BITS: u32 = 12;

/** Where touch loops leave their loads' xor (so that the loads are kept). */
let touchSink: u64 = 0;

/**
 * Amplitude i <-> i ^ mask over the whole state. Units: pairs (i with the top mask bit clear). The partners
 * of a run of i fill one aligned tile of 2^12, visited in an order the low mask bits scramble (hardware
 * prefetchers miss it: measured ~6 passes instead of ~1.3 at 24 qubits for mask 0x555555), so such a
 * partner tile is first pulled in with one load per line in order.
 */
function permxorg<T>(ptr: usize, mask: u32, g0: u32, g1: u32): void {
  const sh = ampShift<T>();
  const top: u32 = 31 - clz(mask);
  const tb: u32 = top < PERM_TILE_BITS ? top : PERM_TILE_BITS;
  const tile: u32 = (<u32>1) << tb;
  const high = mask & ~(tile - 1);
  // partners in order (forward or backward through the tile) stream well without a touch
  const lowTile = mask & (tile - 1);
  const scrambled = tb >= 8 && lowTile != 0 && lowTile != tile - 1;
  let acc: u64 = 0;
  for (let t0 = g0; t0 < g1; ) {
    let t1 = (t0 | (tile - 1)) + 1;
    if (t1 > g1) t1 = g1;
    if (scrambled) {
      const from = ptr + ((<usize>((ins(t0, top) ^ high) & ~(tile - 1))) << sh);
      const to = from + ((<usize>tile) << sh);
      for (let q = from; q < to; q += 64) acc ^= load<u64>(q);
    }
    for (let g = t0; g < t1; g++) {
      const i = ins(g, top);
      const a = ptr + ((<usize>i) << sh),
        b = ptr + ((<usize>(i ^ mask)) << sh);
      if (sizeof<T>() == 8) {
        const x = v128.load(a);
        v128.store(a, v128.load(b));
        v128.store(b, x);
      } else {
        const x = load<u64>(a);
        store<u64>(a, load<u64>(b));
        store<u64>(b, x);
      }
    }
    t0 = t1;
  }
  touchSink ^= acc;
}

/** Multiplies amplitudes [i0, i1) by the real f. */
function scaleg<T>(ptr: usize, f: f64, i0: u32, i1: u32): void {
  const sh = ampShift<T>();
  let p = ptr + ((<usize>i0) << sh);
  const end = ptr + ((<usize>i1) << sh);
  if (sizeof<T>() == 8) {
    const v = f64x2.splat(f);
    for (; p < end; p += 16) v128.store(p, f64x2.mul(v128.load(p), v));
  } else {
    const v = f32x4.splat(<f32>f);
    for (; p + 16 <= end; p += 16) v128.store(p, f32x4.mul(v128.load(p), v));
    for (; p < end; p += 4) store<f32>(p, load<f32>(p) * <f32>f);
  }
}

/**
 * Small diagonal (entries at dp, f64 interleaved) on targets (tp) where the local control bits match;
 * targets at or above the block (bit >= bbits) are read from base. Units: per entry, the subspace size.
 */
function diagkg<T>(
  ptr: usize,
  bbits: u32,
  base: u32,
  k: i32,
  tp: usize,
  dp: usize,
  cm: u32,
  cv: u32,
  g0: u32,
  g1: u32,
): void {
  const sh = ampShift<T>();
  let localT: u32 = 0;
  for (let j = 0; j < k; j++) {
    const t = <u32>ri(tp, j);
    if (t < bbits) localT |= (<u32>1) << t;
  }
  const pos = cm | localT;
  const size = 1 << k;
  for (let l = 0; l < size; l++) {
    const dr = rd(dp, 2 * l),
      di = rd(dp, 2 * l + 1);
    if (dr == 1.0 && di == 0.0) continue;
    let o = cv;
    let ok = true;
    for (let j = 0; j < k; j++) {
      const t = <u32>ri(tp, j);
      const bit = <u32>((l >> j) & 1);
      if (t < bbits) {
        if (bit) o |= (<u32>1) << t;
      } else if (((base >> t) & 1) != bit) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    for (let g = g0; g < g1; g++) {
      const p = ptr + ((<usize>(deposit(g, pos) | o)) << sh);
      const r = <f64>load<T>(p),
        im = <f64>load<T>(p, sizeof<T>());
      store<T>(p, <T>(dr * r - di * im));
      store<T>(p, <T>(dr * im + di * r), sizeof<T>());
    }
  }
}

/** Dense 2x2 (f64 at mp) where (i & cm) == cv, computed in f64. Units: pairs in the controlled subspace. */
function u1g<T>(ptr: usize, q: u32, mp: usize, cm: u32, cv: u32, g0: u32, g1: u32): void {
  const sh = ampShift<T>();
  const m00r = rd(mp, 0),
    m00i = rd(mp, 1),
    m01r = rd(mp, 2),
    m01i = rd(mp, 3);
  const m10r = rd(mp, 4),
    m10i = rd(mp, 5),
    m11r = rd(mp, 6),
    m11i = rd(mp, 7);
  const o: usize = (<usize>1) << (q + sh);
  const pos = cm | ((<u32>1) << q);
  const w = sizeof<T>();
  for (let g = g0; g < g1; g++) {
    const a = ptr + ((<usize>(deposit(g, pos) | cv)) << sh),
      b = a + o;
    const ar = <f64>load<T>(a),
      ai = <f64>load<T>(a, w),
      br = <f64>load<T>(b),
      bi = <f64>load<T>(b, w);
    store<T>(a, <T>(m00r * ar - m00i * ai + m01r * br - m01i * bi));
    store<T>(a, <T>(m00r * ai + m00i * ar + m01r * bi + m01i * br), w);
    store<T>(b, <T>(m10r * ar - m10i * ai + m11r * br - m11i * bi));
    store<T>(b, <T>(m10r * ai + m10i * ar + m11r * bi + m11i * br), w);
  }
}

/** Dense 2^k (pre-split matrix as in uk64) in f64 arithmetic for complex64 states. */
function uk32(
  ptr: usize,
  k: i32,
  tp: usize,
  mp: usize,
  cm: u32,
  cv: u32,
  g0: u32,
  g1: u32,
  scratch: usize,
): void {
  const size = 1 << k;
  let pos = cm;
  for (let j = 0; j < k; j++) pos |= (<u32>1) << (<u32>ri(tp, j));
  const offs = scratch;
  const buf = scratch + 256;
  for (let l = 0; l < size; l++) {
    let o: u32 = 0;
    for (let j = 0; j < k; j++) if ((l >> j) & 1) o |= (<u32>1) << (<u32>ri(tp, j));
    store<u32>(offs + ((<usize>l) << 2), o);
  }
  for (let g = g0; g < g1; g++) {
    const base = ptr + ((<usize>(deposit(g, pos) | cv)) << 3);
    for (let l = 0; l < size; l++)
      v128.store(
        buf + ((<usize>l) << 4),
        f64x2.promote_low_f32x4(v128.load64_zero(base + ((<usize>load<u32>(offs + ((<usize>l) << 2))) << 3))),
      );
    let mrow = mp;
    for (let r = 0; r < size; r++) {
      let acc = f64x2.splat(0.0);
      for (let c = 0; c < size; c++) {
        const x = v128.load(buf + ((<usize>c) << 4));
        const xs = i64x2.shuffle(x, x, 1, 0);
        acc = f64x2.add(acc, f64x2.add(f64x2.mul(v128.load(mrow), x), f64x2.mul(v128.load(mrow, 16), xs)));
        mrow += 32;
      }
      v128.store64_lane(
        base + ((<usize>load<u32>(offs + ((<usize>r) << 2))) << 3),
        f32x4.demote_f64x2_zero(acc),
        0,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// threads
// ---------------------------------------------------------------------------------------------------

/** Sense-reversing barrier on two i32 at sync: [arrived, generation]. */
function barrier(sync: usize, nth: i32): void {
  if (nth <= 1) return;
  const gen = atomic.load<i32>(sync, 4);
  if (atomic.add<i32>(sync, 1) == nth - 1) {
    atomic.store<i32>(sync, 0);
    atomic.add<i32>(sync, 1, 4);
    atomic.notify(sync + 4, -1);
    return;
  }
  let spins = 0;
  while (atomic.load<i32>(sync, 4) == gen) {
    if (++spins > 4000) {
      atomic.wait<i32>(sync + 4, gen, -1);
      spins = 0;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// the plan interpreter
// ---------------------------------------------------------------------------------------------------

/** Number of f64 words of the op at p (header included). */
function opWords(p: usize): usize {
  const op = ri(p, 0);
  if (op == OP_ROT) return 14;
  if (op == OP_U1) return 12;
  if (op == OP_UK || op == OP_DIAGK) return 5 + <usize>ri(p, 1);
  if (op == OP_X) return 4;
  if (op == OP_SWAP) return 5;
  if (op == OP_PHASE) return 6;
  if (op == OP_SCALE) return 2;
  if (op == OP_PERMXOR) return 2;
  if (op == OP_TOUCH) return 1;
  unreachable();
  return 0;
}

/**
 * Applies the op at p to a block of 2^bbits amplitudes at ptr (global start index base). With nth > 1 the
 * op's work is split among threads (whole-state sweeps); blocked passes call it with nth = 1.
 */
function applyOp(
  p: usize,
  prec: i32,
  ptr: usize,
  bbits: u32,
  base: u32,
  tid: i32,
  nth: i32,
  scratch: usize,
): void {
  const op = ri(p, 0);
  const nAmp: u32 = (<u32>1) << bbits;
  const local = nAmp - 1;
  const f64s = prec == 0;
  if (op == OP_ROT) {
    const k = ri(p, 1);
    const q0 = <u32>ri(p, 2),
      q1 = <u32>ri(p, 3),
      q2 = <u32>ri(p, 4);
    const tab = scratch,
      sb = scratch + 512;
    rotTable(p, f64s, tab, sb);
    const s0 = load<u32>(sb),
      s1 = load<u32>(sb, 4),
      s2 = load<u32>(sb, 8);
    const cmask = rotControlMask(p, f64s, bbits);
    if (f64s) {
      const units = nAmp >> (<u32>k);
      const i0 = insertBits(shareFrom(units, tid, nth), k, q0, q1, q2),
        i1 = insertBits(shareTo(units, tid, nth), k, q0, q1, q2);
      rotSweep<f64>(ptr, base, k, false, q0, q1, q2, s0, s1, s2, cmask, tab, i0, i1);
    } else {
      // complex64 walks vectors: vector-level targets are the members above qubit 0 (vector bit q - 1)
      const inVec = q0 == 0;
      const kv = inVec ? k - 1 : k;
      const units = (nAmp >> 1) >> (<u32>kv);
      const v0 = (inVec ? q1 : q0) - 1,
        v1 = (inVec ? q2 : q1) - 1,
        v2 = q2 - 1;
      const g0 = shareFrom(units, tid, nth),
        g1 = shareTo(units, tid, nth);
      const i0 = kv == 0 ? g0 : insertBits(g0, kv, v0, v1, v2),
        i1 = kv == 0 ? g1 : insertBits(g1, kv, v0, v1, v2);
      rotSweep<f32>(ptr, base, kv, inVec, v0, v1, v2, s0, s1, s2, cmask, tab, i0, i1);
    }
    return;
  }
  if (op == OP_SCALE) {
    scale(prec, ptr, rd(p, 1), shareFrom(nAmp, tid, nth), shareTo(nAmp, tid, nth));
    return;
  }
  if (op == OP_TOUCH) {
    // Pull the block into cache with independent loads (one per line) before the arithmetic: streaming
    // from memory inside the compute loops overlaps badly (measured: 30 ms vs 6.6 + 11.6 ms per 2^24).
    const bytes: usize = (<usize>nAmp) << (f64s ? 4 : 3);
    let acc: u64 = 0;
    for (let q: usize = 0; q < bytes; q += 64) acc ^= load<u64>(ptr + q);
    touchSink ^= acc;
    return;
  }
  if (op == OP_PHASE) {
    const l = <u32>ri(p, 1),
      hs = <u32>ri(p, 2);
    const lr = <usize>rd(p, 3),
      li = <usize>rd(p, 4),
      hi = <usize>rd(p, 5);
    const i0 = shareFrom(nAmp, tid, nth),
      i1 = shareTo(nAmp, tid, nth);
    if (f64s) phaseSweep<f64>(ptr, base, l, hs, lr, li, hi, i0, i1);
    else phaseSweep<f32>(ptr, base, l, hs, lr, li, hi, i0, i1);
    return;
  }
  if (op == OP_PERMXOR) {
    const units = nAmp >> 1;
    const mask = <u32>ri(p, 1);
    if (f64s) permxorg<f64>(ptr, mask, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    else permxorg<f32>(ptr, mask, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    return;
  }
  // controlled ops: controls above the block are fixed by base
  let cm: u32 = 0,
    cv: u32 = 0;
  if (op == OP_U1 || op == OP_X) {
    cm = <u32>ri(p, 2);
    cv = <u32>ri(p, 3);
  } else if (op == OP_SWAP) {
    cm = <u32>ri(p, 3);
    cv = <u32>ri(p, 4);
  } else {
    cm = <u32>ri(p, 2);
    cv = <u32>ri(p, 3);
  }
  const hiMask = cm & ~local;
  if ((base & hiMask) != (cv & hiMask)) return;
  cm &= local;
  cv &= local;
  const nc = <u32>popcnt(cm);
  if (op == OP_U1) {
    const q = <u32>ri(p, 1);
    const mp = p + 32;
    if (f64s) {
      const units = nAmp >> (nc + 1);
      u1_64(ptr, q, mp, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    } else if (cm == 0) {
      const units = q == 0 ? nAmp >> 1 : nAmp >> 2;
      u1_32(ptr, q, mp, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    } else {
      const units = nAmp >> (nc + 1);
      u1g<f32>(ptr, q, mp, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    }
    return;
  }
  if (op == OP_X) {
    const q = <u32>ri(p, 1);
    const units = nAmp >> (nc + 1);
    if (f64s) xg<f64>(ptr, q, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    else xg<f32>(ptr, q, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    return;
  }
  if (op == OP_SWAP) {
    const q0 = <u32>ri(p, 1),
      q1 = <u32>ri(p, 2);
    const units = nAmp >> (nc + 2);
    if (f64s) swapg<f64>(ptr, q0, q1, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    else swapg<f32>(ptr, q0, q1, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    return;
  }
  if (op == OP_UK) {
    const k = ri(p, 1);
    const tp = p + 32;
    const mp = <usize>rd(p, 4 + <usize>k);
    const units = nAmp >> (nc + <u32>k);
    if (f64s) uk64(ptr, k, tp, mp, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth), scratch);
    else uk32(ptr, k, tp, mp, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth), scratch);
    return;
  }
  if (op == OP_DIAGK) {
    const k = ri(p, 1);
    const tp = p + 32;
    const dp = <usize>rd(p, 4 + <usize>k);
    let nl: u32 = 0;
    for (let j = 0; j < k; j++) if (<u32>ri(tp, j) < bbits) nl++;
    const units = nAmp >> (nc + nl);
    if (f64s)
      diagkg<f64>(ptr, bbits, base, k, tp, dp, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    else
      diagkg<f32>(ptr, bbits, base, k, tp, dp, cm, cv, shareFrom(units, tid, nth), shareTo(units, tid, nth));
    return;
  }
  unreachable();
}

function scale(prec: i32, ptr: usize, f: f64, i0: u32, i1: u32): void {
  if (prec == 0) scaleg<f64>(ptr, f, i0, i1);
  else scaleg<f32>(ptr, f, i0, i1);
}

/**
 * Runs an encoded plan on the state at `state` (2^n amplitudes; prec 0 = complex128, 1 = complex64).
 * Thread tid of nth: blocked passes split their blocks, whole-state sweeps split each op's work, with a
 * barrier (at sync) after every sweep op and every pass. scratch: 1 KiB per thread.
 */
export function run(
  code: usize,
  state: usize,
  n: i32,
  prec: i32,
  tid: i32,
  nth: i32,
  sync: usize,
  scratch: usize,
): void {
  const sh: u32 = prec == 0 ? 4 : 3;
  let p = code;
  while (true) {
    const op = ri(p, 0);
    if (op == OP_END) break;
    if (op != OP_PASS) unreachable();
    const b = ri(p, 1);
    const nops = ri(p, 2);
    const words = <usize>ri(p, 3);
    const ops = p + 32;
    if (b >= n) {
      let q = ops;
      for (let k = 0; k < nops; k++) {
        applyOp(q, prec, state, <u32>n, 0, tid, nth, scratch);
        q += opWords(q) << 3;
        barrier(sync, nth);
      }
    } else {
      const blocks: u32 = (<u32>1) << (<u32>(n - b));
      let b0: u32 = 0,
        b1: u32 = blocks;
      if (nth > 1) {
        b0 = <u32>((<u64>blocks * <u64>tid) / <u64>nth);
        b1 = <u32>((<u64>blocks * <u64>(tid + 1)) / <u64>nth);
      }
      for (let blk = b0; blk < b1; blk++) {
        const base = blk << (<u32>b);
        const ptr = state + ((<usize>base) << sh);
        let q = ops;
        for (let k = 0; k < nops; k++) {
          applyOp(q, prec, ptr, <u32>b, base, 0, 1, scratch);
          q += opWords(q) << 3;
        }
      }
      barrier(sync, nth);
    }
    p = ops + (words << 3);
  }
}

/** One in-place pass over the state (multiply by f): the unit benchmarks report layer costs in. */
export function scalePass(state: usize, nAmp: u32, prec: i32, f: f64): void {
  scale(prec, state, f, 0, nAmp);
}

/**
 * Sum over the amplitudes b whose control bits match (b & cm == cv) of
 * conj(bra[b ^ x]) * ket[b] * (-1)^{|b & z|}, written as (re, im) f64 at out. With bra = ket and cm = 0 it is
 * the expectation of the Pauli string X^x Z^z; with two states it is <bra|X^x Z^z|ket> restricted to the
 * controls (adjoint differentiation). The caller multiplies by i^{#Y}. Reads the states once, copies nothing.
 * x must not touch the control bits.
 */
export function braket(
  bra: usize,
  ket: usize,
  nAmp: u32,
  prec: i32,
  x: u32,
  z: u32,
  cm: u32,
  cv: u32,
  out: usize,
): void {
  // Walk the matching b in contiguous runs below the lowest control bit.
  const run: u32 = cm == 0 ? nAmp : cm & (~cm + 1);
  const runs: u32 = (nAmp >> <u32>popcnt(cm)) / run;
  let sr: f64 = 0,
    si: f64 = 0;
  if (prec == 0) {
    let accRe = f64x2.splat(0),
      accIm = f64x2.splat(0);
    for (let r: u32 = 0; r < runs; r++) {
      const start = deposit(r, (run - 1) | cm) | cv;
      for (let b = start; b < start + run; b++) {
        const sign = <f64>(1 - 2 * <i32>(popcnt(b & z) & 1));
        const k = f64x2.mul(v128.load(ket + ((<usize>b) << 4)), f64x2.splat(sign));
        const l = v128.load(bra + ((<usize>(b ^ x)) << 4));
        accRe = f64x2.add(accRe, f64x2.mul(l, k));
        accIm = f64x2.add(accIm, f64x2.mul(l, v128.shuffle<f64>(k, k, 1, 0)));
      }
    }
    sr = f64x2.extract_lane(accRe, 0) + f64x2.extract_lane(accRe, 1);
    si = f64x2.extract_lane(accIm, 0) - f64x2.extract_lane(accIm, 1);
  } else {
    for (let r: u32 = 0; r < runs; r++) {
      const start = deposit(r, (run - 1) | cm) | cv;
      for (let b = start; b < start + run; b++) {
        const pb = ket + ((<usize>b) << 3),
          pf = bra + ((<usize>(b ^ x)) << 3);
        const br = <f64>load<f32>(pb),
          bi = <f64>load<f32>(pb, 4),
          fr = <f64>load<f32>(pf),
          fi = <f64>load<f32>(pf, 4);
        const pr = fr * br + fi * bi,
          pi = fr * bi - fi * br;
        if (popcnt(b & z) & 1) {
          sr -= pr;
          si -= pi;
        } else {
          sr += pr;
          si += pi;
        }
      }
    }
  }
  store<f64>(out, sr);
  store<f64>(out, si, 8);
}

/** conj(l) * k as the lanes whose sum is Re (imag = false) or whose difference is Im (imag = true). */
// @ts-ignore: decorator
@inline
function partProduct(l: v128, k: v128, imag: bool): v128 {
  return f64x2.mul(l, imag ? v128.shuffle<f64>(k, k, 1, 0) : k);
}

/** An accumulator of partProduct lanes as the part itself: Im is lane 0 − lane 1, Re is their sum. */
// @ts-ignore: decorator
@inline
function lanesToPart(acc: v128, imag: bool): f64 {
  return imag
    ? f64x2.extract_lane(acc, 0) - f64x2.extract_lane(acc, 1)
    : f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
}

/** Pairs (i0, i1 = i0 ^ x) with bit `low` of i0 clear, all with sign +1 for i0 and `flip` for i1. */
// @ts-ignore: decorator
@inline
function pairsConstantSign(bra: usize, ket: usize, nAmp: u32, x: u32, low: u32, flip: v128, imag: bool): v128 {
  let acc = f64x2.splat(0);
  for (let base: u32 = 0; base < nAmp; base += low << 1) {
    for (let i0 = base; i0 < base + low; i0++) {
      const i1 = i0 ^ x;
      const k0 = v128.load(ket + ((<usize>i0) << 4)),
        k1 = v128.load(ket + ((<usize>i1) << 4));
      const l0 = v128.load(bra + ((<usize>i0) << 4)),
        l1 = v128.load(bra + ((<usize>i1) << 4));
      acc = f64x2.add(acc, f64x2.add(partProduct(l1, k0, imag), f64x2.mul(flip, partProduct(l0, k1, imag))));
    }
  }
  return acc;
}

/** Pairs as above with the sign (-1)^{|i0 & z|} taken per pair. */
// @ts-ignore: decorator
@inline
function pairsSigned(bra: usize, ket: usize, nAmp: u32, x: u32, z: u32, low: u32, flip: v128, imag: bool): v128 {
  let acc = f64x2.splat(0);
  const q = ctz(low);
  for (let g: u32 = 0; g < nAmp >> 1; g++) {
    const i0 = ins(g, q);
    const i1 = i0 ^ x;
    const k0 = v128.load(ket + ((<usize>i0) << 4)),
      k1 = v128.load(ket + ((<usize>i1) << 4));
    const l0 = v128.load(bra + ((<usize>i0) << 4)),
      l1 = v128.load(bra + ((<usize>i1) << 4));
    const sign = f64x2.splat(<f64>(1 - 2 * <i32>(popcnt(i0 & z) & 1)));
    acc = f64x2.add(
      acc,
      f64x2.mul(sign, f64x2.add(partProduct(l1, k0, imag), f64x2.mul(flip, partProduct(l0, k1, imag)))),
    );
  }
  return acc;
}

/** The diagonal case x = 0: sign (-1)^{|b & z|} per amplitude (none when z = 0). */
// @ts-ignore: decorator
@inline
function diagonalPart(bra: usize, ket: usize, nAmp: u32, z: u32, imag: bool): v128 {
  let acc = f64x2.splat(0);
  if (z == 0) {
    for (let b: u32 = 0; b < nAmp; b++)
      acc = f64x2.add(acc, partProduct(v128.load(bra + ((<usize>b) << 4)), v128.load(ket + ((<usize>b) << 4)), imag));
  } else if ((z & (z - 1)) == 0) {
    // One Z: the amplitudes with the bit clear minus those with it set, walked as runs of `z` amplitudes.
    let acc1 = f64x2.splat(0);
    const d: usize = (<usize>z) << 4;
    for (let base: u32 = 0; base < nAmp; base += z << 1) {
      const o = (<usize>base) << 4;
      const end = bra + o + d;
      for (let pb = bra + o, pk = ket + o; pb < end; pb += 16, pk += 16) {
        acc = f64x2.add(acc, partProduct(v128.load(pb), v128.load(pk), imag));
        acc1 = f64x2.add(acc1, partProduct(v128.load(pb + d), v128.load(pk + d), imag));
      }
    }
    acc = f64x2.sub(acc, acc1);
  } else {
    for (let b: u32 = 0; b < nAmp; b++) {
      const sign = f64x2.splat(<f64>(1 - 2 * <i32>(popcnt(b & z) & 1)));
      const k = f64x2.mul(v128.load(ket + ((<usize>b) << 4)), sign);
      acc = f64x2.add(acc, partProduct(v128.load(bra + ((<usize>b) << 4)), k, imag));
    }
  }
  return acc;
}

/**
 * Single-qubit X or Y (x = z's only bit or z = 0): pairs sit `low` amplitudes apart, so the loop walks two
 * pointers and keeps the partner terms in their own accumulator (the sign is applied once at the end).
 */
// @ts-ignore: decorator
@inline
function pairsOneBit(bra: usize, ket: usize, nAmp: u32, low: u32, flip: f64, imag: bool): v128 {
  let acc0 = f64x2.splat(0),
    acc1 = f64x2.splat(0);
  const d: usize = (<usize>low) << 4;
  if (low == 1) {
    const end = bra + ((<usize>nAmp) << 4);
    for (let pb = bra, pk = ket; pb < end; pb += 32, pk += 32) {
      acc0 = f64x2.add(acc0, partProduct(v128.load(pb, 16), v128.load(pk), imag));
      acc1 = f64x2.add(acc1, partProduct(v128.load(pb), v128.load(pk, 16), imag));
    }
  } else {
    for (let base: u32 = 0; base < nAmp; base += low << 1) {
      const o = (<usize>base) << 4;
      const end = bra + o + d;
      for (let pb = bra + o, pk = ket + o; pb < end; pb += 16, pk += 16) {
        acc0 = f64x2.add(acc0, partProduct(v128.load(pb + d), v128.load(pk), imag));
        acc1 = f64x2.add(acc1, partProduct(v128.load(pb), v128.load(pk + d), imag));
      }
    }
  }
  return f64x2.add(acc0, f64x2.mul(acc1, f64x2.splat(flip)));
}

// @ts-ignore: decorator
@inline
function braketPartOf(bra: usize, ket: usize, nAmp: u32, x: u32, z: u32, imag: bool): v128 {
  if (x == 0) return diagonalPart(bra, ket, nAmp, z, imag);
  const low: u32 = x & (~x + 1);
  if (x == low && (z & ~low) == 0) return pairsOneBit(bra, ket, nAmp, low, z == 0 ? 1 : -1, imag);
  // The partner's extra sign: (-1)^{|x & z|}.
  const flip = f64x2.splat(<f64>(1 - 2 * <i32>(popcnt(x & z) & 1)));
  // i0 never has bit `low`, so z's bit there does not change the sign.
  if ((z & ~low) == 0) return pairsConstantSign(bra, ket, nAmp, x, low, flip, imag);
  return pairsSigned(bra, ket, nAmp, x, z, low, flip, imag);
}

/**
 * One part of S = sum over b of conj(bra[b ^ x]) * ket[b] * (-1)^{|b & z|} on nAmp contiguous complex128
 * amplitudes, without controls: Re S (imag = 0) or Im S (imag = 1). Adjoint differentiation needs only one
 * part per Pauli term, so a pair of amplitudes costs two multiplications and two additions.
 */
export function braketPart(bra: usize, ket: usize, nAmp: u32, x: u32, z: u32, imag: i32): f64 {
  return imag
    ? lanesToPart(braketPartOf(bra, ket, nAmp, x, z, true), true)
    : lanesToPart(braketPartOf(bra, ket, nAmp, x, z, false), false);
}

/** The part of conj(l) * k: Re (imag = false) or Im. */
// @ts-ignore: decorator
@inline
function partValue(l: v128, k: v128, imag: bool): f64 {
  return lanesToPart(partProduct(l, k, imag), imag);
}

// @ts-ignore: decorator
@inline
function zAll(bra: usize, ket: usize, nAmp: u32, imag: bool, out: usize): void {
  const L: i32 = 31 - clz(nAmp);
  for (let q: i32 = 0; q <= L; q++) store<f64>(out + ((<usize>q) << 3), 0);
  let d0: f64 = 0,
    d1: f64 = 0,
    d2: f64 = 0,
    d3: f64 = 0,
    total: f64 = 0;
  for (let c: u32 = 0; c < nAmp >> 4; c++) {
    const pb = bra + ((<usize>c) << 8),
      pk = ket + ((<usize>c) << 8);
    let t: f64 = 0;
    for (let p: u32 = 0; p < 8; p++) {
      const o: usize = (<usize>p) << 5;
      const v0 = partValue(v128.load(pb + o), v128.load(pk + o), imag),
        v1 = partValue(v128.load(pb + o + 16), v128.load(pk + o + 16), imag);
      d0 += v0 - v1;
      const a = v0 + v1;
      d1 += p & 1 ? -a : a;
      d2 += p & 2 ? -a : a;
      d3 += p & 4 ? -a : a;
      t += a;
    }
    total += t;
    for (let q: i32 = 4; q < L; q++) {
      const at = out + ((<usize>q) << 3);
      store<f64>(at, load<f64>(at) + ((c >> (<u32>q - 4)) & 1 ? -t : t));
    }
  }
  store<f64>(out, d0);
  store<f64>(out, d1, 8);
  store<f64>(out, d2, 16);
  store<f64>(out, d3, 24);
  store<f64>(out + ((<usize>L) << 3), total);
}

/**
 * Every single-Z braket at once on nAmp (>= 16) contiguous complex128 amplitudes: with v_b the part
 * (Im when imag = 1, else Re) of conj(bra[b]) * ket[b], writes sum_b v_b (-1)^{b_q} at out + 8q for each
 * bit q < log2(nAmp), and sum_b v_b at out + 8 log2(nAmp). A layer of RZ gates then costs one read of both
 * states instead of one per gate: chunks of 16 amplitudes reduce their four low bits as they go, and the
 * chunk total goes to the higher bits by the chunk's index.
 */
export function braketZAll(bra: usize, ket: usize, nAmp: u32, imag: i32, out: usize): void {
  if (imag) zAll(bra, ket, nAmp, true, out);
  else zAll(bra, ket, nAmp, false, out);
}

/** Two X (y = false: Im parts) or two Y (y = true: Re parts) brakets on qubits q0 < q1, tile by tile. */
// @ts-ignore: decorator
@inline
function pairTwo(bra: usize, ket: usize, nAmp: u32, q0: u32, q1: u32, y: bool, out: usize): void {
  const d0: usize = (<usize>1) << (<usize>q0 + 4),
    d1: usize = (<usize>1) << (<usize>q1 + 4);
  const n0: u32 = (<u32>1) << q0,
    n1: u32 = (<u32>1) << q1;
  // Per term: partner products in their own accumulators (X: both +; Y: the second is subtracted).
  let a0 = f64x2.splat(0),
    b0 = f64x2.splat(0),
    a1 = f64x2.splat(0),
    b1 = f64x2.splat(0);
  for (let hi: u32 = 0; hi < nAmp; hi += n1 << 1) {
    for (let mid: u32 = hi; mid < hi + n1; mid += n0 << 1) {
      const o = (<usize>mid) << 4;
      const end = bra + o + d0;
      for (let pb = bra + o, pk = ket + o; pb < end; pb += 16, pk += 16) {
        const l0 = v128.load(pb),
          l1 = v128.load(pb + d0),
          l2 = v128.load(pb + d1),
          l3 = v128.load(pb + d0 + d1);
        let k0 = v128.load(pk),
          k1 = v128.load(pk + d0),
          k2 = v128.load(pk + d1),
          k3 = v128.load(pk + d0 + d1);
        if (!y) {
          k0 = v128.shuffle<f64>(k0, k0, 1, 0);
          k1 = v128.shuffle<f64>(k1, k1, 1, 0);
          k2 = v128.shuffle<f64>(k2, k2, 1, 0);
          k3 = v128.shuffle<f64>(k3, k3, 1, 0);
        }
        // qubit q0: pairs (0, 1), (2, 3); qubit q1: pairs (0, 2), (1, 3)
        a0 = f64x2.add(a0, f64x2.add(f64x2.mul(l1, k0), f64x2.mul(l3, k2)));
        b0 = f64x2.add(b0, f64x2.add(f64x2.mul(l0, k1), f64x2.mul(l2, k3)));
        a1 = f64x2.add(a1, f64x2.add(f64x2.mul(l2, k0), f64x2.mul(l3, k1)));
        b1 = f64x2.add(b1, f64x2.add(f64x2.mul(l0, k2), f64x2.mul(l1, k3)));
      }
    }
  }
  const s0 = y ? f64x2.sub(a0, b0) : f64x2.add(a0, b0),
    s1 = y ? f64x2.sub(a1, b1) : f64x2.add(a1, b1);
  store<f64>(out, lanesToPart(s0, !y));
  store<f64>(out, lanesToPart(s1, !y), 8);
}

/**
 * Two single-qubit brakets that share every load: X on q0 and q1 (y = 0, Im parts) or Y on both (y = 1, Re
 * parts), on nAmp contiguous complex128 amplitudes (q0 < q1 < log2 nAmp), written as f64 at out and out + 8.
 * The one-term loop is bound by its four loads per pair; here a tile of four amplitudes serves both terms.
 */
export function braketPair2(bra: usize, ket: usize, nAmp: u32, q0: u32, q1: u32, y: i32, out: usize): void {
  if (y) pairTwo(bra, ket, nAmp, q0, q1, true, out);
  else pairTwo(bra, ket, nAmp, q0, q1, false, out);
}
