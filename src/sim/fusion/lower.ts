import { GATES } from "../../gates/gate-table.js";
import { type CompiledGate, evaluateAngles } from "../compile.js";
import { diagonalOf, mul2, rightMulLocal1 } from "./complex-small.js";

/** |u10| below this fraction of the column norm: the 2×2 is treated as diagonal (error ≤ 1e-14 per gate). */
const DIAGONAL_EPS2 = 1e-28;

/**
 * A controlled rotation keeps both branches in shear form without a lazy flip when one branch would want
 * one, as long as |t| ≤ 4 there: the branch then grows the state by at most √17 until the next phase table
 * renormalises it (complex64 must not overflow), and rounding stays ≤ 2 ulp of the amplitudes (c·|t| ≤ 1).
 */
const MIXED_FLIP_T2 = 1e8;

/** A primitive step after single-qubit fusion: what the scheduler reorders. */
export type Prim =
  | { kind: "diag"; mask: number; qubits: readonly number[]; table: Float64Array; fl: number }
  | { kind: "rot"; mask: number; q: number; t: number; c: number; fl: number }
  | { kind: "crot"; mask: number; q: number; p: number; t0: number; t1: number; c: number; fl: number }
  | { kind: "flip"; mask: number; q: number; fl: number }
  | { kind: "u1"; mask: number; q: number; m: Float64Array; ctrlMask: number; ctrlValue: number; fl: number }
  | {
      kind: "uk";
      mask: number;
      targets: readonly number[];
      m: Float64Array;
      ctrlMask: number;
      ctrlValue: number;
      fl: number;
    }
  | { kind: "x"; mask: number; q: number; ctrlMask: number; ctrlValue: number; fl: number }
  | { kind: "swap"; mask: number; q0: number; q1: number; ctrlMask: number; ctrlValue: number; fl: number };

export type DiagPrim = Extract<Prim, { kind: "diag" }>;

/** The matrix of a compiled gate for one binding row. */
export function compiledGateMatrix(g: CompiledGate, row: Float64Array, offset: number): Float64Array {
  return g.fixed ?? GATES[g.gate].matrix(evaluateAngles(g.angles, row, offset)).data;
}

export function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) out.push(b);
  return out;
}

export function maskOf(qubits: readonly number[]): number {
  let m = 0;
  for (const q of qubits) m |= 1 << q;
  return m;
}

const IDENTITY2 = Float64Array.of(1, 0, 0, 0, 0, 0, 1, 0);

/**
 * Phases the state owes on entry (applied first) and, when given, the table that collects the RX-like left
 * diagonals the lowering leaves owed at the end (see planProgramInFrame).
 */
export interface LoweringFrame {
  readonly input?: Float64Array | undefined;
  readonly output?: Float64Array | undefined;
}

/**
 * Lowers unitary gates to primitive steps. Runs of single-qubit gates on a qubit fuse into one 2×2, which
 * becomes a diagonal · shear rotation · diagonal. A two-qubit diagonal (CZ, CP, RZZ…) or a singly
 * controlled single-qubit gate (CX, CRY…) fuses with the single-qubit gates around it on one of its qubits
 * (the target) into a uniformly controlled 2×2 — one matrix per value of the other qubit — which costs one
 * rotation: a CZ layer between two rotation layers then costs no rotation of its own and halves the
 * rotations of brickwork circuits. Such a pending gate is emitted before anything changes its control.
 */
export function lowerToPrims(
  n: number,
  gates: readonly CompiledGate[],
  row: Float64Array,
  offset: number,
  frame?: LoweringFrame,
): Prim[] {
  const prims: Prim[] = [];
  // pending[q]: the fused 2×2 on q (branch 0 of a controlled one); branch1[q]: branch 1 (control ctrlOf[q])
  const pending: (Float64Array | undefined)[] = new Array(n).fill(undefined);
  const branch1: (Float64Array | undefined)[] = new Array(n).fill(undefined);
  const ctrlOf = new Int32Array(n).fill(-1);
  const controls: number[][] = Array.from({ length: n }, () => []);
  // A controlled gate from a diagonal with nothing fused after it yet: what it was made of. Emitted as such
  // it stays a rotation and a diagonal, so a chain of CZs (which commute) does not become a chain of
  // controlled rotations that must run one after another.
  const fresh: ({ before: Float64Array; diag: Float64Array } | undefined)[] = new Array(n).fill(undefined);
  const flushing = new Uint8Array(n);
  const input = frame?.input;
  if (input)
    for (let q = 0; q < n; q++) {
      const [ar, ai, br, bi] = [input[4 * q]!, input[4 * q + 1]!, input[4 * q + 2]!, input[4 * q + 3]!];
      if (ar !== 1 || ai !== 0 || br !== 1 || bi !== 0)
        pending[q] = Float64Array.of(ar, ai, 0, 0, 0, 0, br, bi);
    }
  // Emits the controlled gates pending on targets controlled by p: they come before p changes.
  const settle = (p: number) => {
    const targets = controls[p]!;
    if (targets.length === 0) return;
    controls[p] = [];
    for (const t of targets) flush(t);
  };
  const flush = (q: number, last = false) => {
    if (flushing[q]) throw new Error("planner: cyclic controlled gates");
    flushing[q] = 1;
    settle(q);
    flushing[q] = 0;
    const m0 = pending[q];
    if (!m0) return;
    pending[q] = undefined;
    const m1 = branch1[q];
    const p = ctrlOf[q]!;
    if (m1) {
      branch1[q] = undefined;
      ctrlOf[q] = -1;
      controls[p] = controls[p]!.filter((t) => t !== q);
      const f = fresh[q];
      fresh[q] = undefined;
      if (f) {
        decompose1(q, f.before, prims);
        prims.push({ kind: "diag", mask: (1 << q) | (1 << p), qubits: [q, p], table: f.diag, fl: 0 });
      } else decomposeControlled(q, p, m0, m1, prims);
    } else decompose1(q, m0, prims, last ? frame?.output : undefined);
  };
  // Starts a controlled gate on target q (control p): branch b = diagonal b · (what q had pending).
  const startControlled = (q: number, p: number, d0: Float64Array, d1: Float64Array, diagonal: boolean) => {
    if (branch1[q]) flush(q);
    flush(p);
    const before = pending[q] ?? IDENTITY2;
    pending[q] = mul2(d0, before);
    branch1[q] = mul2(d1, before);
    ctrlOf[q] = p;
    controls[p]!.push(q);
    // table over [q, p]: entry (bit of q) | (bit of p) << 1
    if (diagonal)
      fresh[q] = {
        before,
        diag: Float64Array.of(d0[0]!, d0[1]!, d0[6]!, d0[7]!, d1[0]!, d1[1]!, d1[6]!, d1[7]!),
      };
  };
  for (const g of gates) {
    if (g.gate === "id") continue;
    const m = compiledGateMatrix(g, row, offset);
    const targets = g.targets;
    if (targets.length === 1 && g.ctrlMask === 0) {
      const q = targets[0]!;
      const p = pending[q];
      pending[q] = p ? mul2(m, p) : Float64Array.from(m);
      const b1 = branch1[q];
      if (b1) branch1[q] = mul2(m, b1);
      fresh[q] = undefined;
      continue;
    }
    const spec = GATES[g.gate];
    const ctrlQubits = bitsOf(g.ctrlMask);
    const mask = maskOf(targets) | g.ctrlMask;
    if (targets.length + ctrlQubits.length === 2) {
      const fused = controlledForm(g, m, spec.flags.diagonal, ctrlQubits, pending, branch1);
      if (fused) {
        startControlled(fused.q, fused.p, fused.d0, fused.d1, spec.flags.diagonal);
        continue;
      }
    }
    if (!spec.flags.diagonal && g.ctrlMask === 0 && targets.some((q) => pending[q])) {
      // Absorb the pending single-qubit gates of the targets into this dense gate.
      for (const q of targets) {
        settle(q);
        if (branch1[q]) flush(q);
      }
      const size = 1 << targets.length;
      let full: Float64Array = Float64Array.from(m);
      targets.forEach((q, j) => {
        const p = pending[q];
        if (!p) return;
        full = rightMulLocal1(full, size, j, p);
        pending[q] = undefined;
      });
      prims.push({ kind: "uk", mask, targets, m: full, ctrlMask: 0, ctrlValue: 0, fl: 0 });
      continue;
    }
    for (const q of targets) flush(q);
    for (const q of ctrlQubits) flush(q);
    if (spec.flags.diagonal) {
      const qubits = [...targets, ...ctrlQubits];
      prims.push({ kind: "diag", mask, qubits, table: diagonalTable(g, m, ctrlQubits), fl: 0 });
    } else if (g.gate === "x")
      prims.push({ kind: "x", mask, q: targets[0]!, ctrlMask: g.ctrlMask, ctrlValue: g.ctrlValue, fl: 0 });
    else if (g.gate === "swap")
      prims.push({
        kind: "swap",
        mask,
        q0: targets[0]!,
        q1: targets[1]!,
        ctrlMask: g.ctrlMask,
        ctrlValue: g.ctrlValue,
        fl: 0,
      });
    else if (targets.length === 1)
      prims.push({
        kind: "u1",
        mask,
        q: targets[0]!,
        m: Float64Array.from(m),
        ctrlMask: g.ctrlMask,
        ctrlValue: g.ctrlValue,
        fl: 0,
      });
    else
      prims.push({
        kind: "uk",
        mask,
        targets,
        m: Float64Array.from(m),
        ctrlMask: g.ctrlMask,
        ctrlValue: g.ctrlValue,
        fl: 0,
      });
  }
  for (let q = 0; q < n; q++) flush(q, true);
  return prims;
}

/** The diagonal of a diagonal gate over [...targets, ...controls] (local bit j ↔ that list), 2^(k+c) entries. */
function diagonalTable(g: CompiledGate, m: Float64Array, ctrlQubits: readonly number[]): Float64Array {
  const k = g.targets.length,
    c = ctrlQubits.length;
  let ctrlLocal = 0;
  ctrlQubits.forEach((q, j) => {
    if ((g.ctrlValue >> q) & 1) ctrlLocal |= 1 << j;
  });
  const d = diagonalOf(m, 1 << k);
  const table = new Float64Array(2 << (k + c));
  for (let l = 0; l < 1 << (k + c); l++) {
    if (l >> k === ctrlLocal) {
      table[2 * l] = d[2 * (l & ((1 << k) - 1))]!;
      table[2 * l + 1] = d[2 * (l & ((1 << k) - 1)) + 1]!;
    } else table[2 * l] = 1;
  }
  return table;
}

/**
 * A two-qubit gate as a uniformly controlled 2×2 on one of its qubits: target q, control p, and the 2×2 it
 * applies to q for each value of p (d0, d1). A singly controlled single-qubit gate takes its own target; a
 * two-qubit diagonal takes the qubit with single-qubit gates pending (those fuse), preferring one that is
 * not already waiting as a controlled gate. Undefined when nothing would fuse.
 */
function controlledForm(
  g: CompiledGate,
  m: Float64Array,
  diagonal: boolean,
  ctrlQubits: readonly number[],
  pending: readonly (Float64Array | undefined)[],
  branch1: readonly (Float64Array | undefined)[],
): { q: number; p: number; d0: Float64Array; d1: Float64Array } | undefined {
  if (!diagonal) {
    if (g.targets.length !== 1 || ctrlQubits.length !== 1) return undefined;
    const q = g.targets[0]!,
      p = ctrlQubits[0]!;
    const on = (g.ctrlValue >> p) & 1;
    const gate = Float64Array.from(m);
    return { q, p, d0: on ? IDENTITY2 : gate, d1: on ? gate : IDENTITY2 };
  }
  const qubits = [...g.targets, ...ctrlQubits];
  const score = (q: number) => (pending[q] ? (branch1[q] ? 1 : 2) : 0);
  const j = score(qubits[1]!) > score(qubits[0]!) ? 1 : 0;
  if (score(qubits[j]!) === 0) return undefined;
  const table = diagonalTable(g, m, ctrlQubits);
  // table index: bit j ↔ qubits[j]; the target is qubits[j], the control the other one
  const entry = (tq: number, cp: number) => (j === 0 ? tq | (cp << 1) : cp | (tq << 1));
  const branch = (b: number) => {
    const e0 = entry(0, b),
      e1 = entry(1, b);
    return Float64Array.of(
      table[2 * e0]!,
      table[2 * e0 + 1]!,
      0,
      0,
      0,
      0,
      table[2 * e1]!,
      table[2 * e1 + 1]!,
    );
  };
  return { q: qubits[j]!, p: qubits[1 - j]!, d0: branch(0), d1: branch(1) };
}

/** Whether a 2×2 is lowered with a lazy X (|u00| < |u10|, so that the shear's |t| ≤ 1). */
function wantsFlip(u: Float64Array): boolean {
  return u[0]! * u[0]! + u[1]! * u[1]! < u[4]! * u[4]! + u[5]! * u[5]!;
}

/** U · X: the columns swapped. */
function timesX(u: Float64Array): Float64Array {
  return Float64Array.of(u[2]!, u[3]!, u[0]!, u[1]!, u[6]!, u[7]!, u[4]!, u[5]!);
}

/**
 * V = left · c·[[1, −t], [t, 1]] · right with diagonal left and right (left undefined: identity). When the
 * first column's phases agree up to a sign r (real gates: RY, H, …), diag(1, r)·shear(t) = shear(r·t)·diag(1,
 * r) moves the left diagonal to the right, where it joins the phase pass before the rotation.
 */
interface ShearForm {
  readonly t: number;
  readonly c: number;
  readonly left: readonly [number, number, number, number] | undefined;
  readonly right: readonly [number, number, number, number];
}

function shearForm(v: Float64Array): ShearForm {
  const v00r = v[0]!,
    v00i = v[1]!,
    v10r = v[4]!,
    v10i = v[5]!,
    v11r = v[6]!,
    v11i = v[7]!;
  const a = v00r * v00r + v00i * v00i,
    bb = v10r * v10r + v10i * v10i;
  if (bb <= DIAGONAL_EPS2 * (a + bb)) return { t: 0, c: 1, left: undefined, right: [v00r, v00i, v11r, v11i] };
  const c = Math.sqrt(a),
    s = Math.sqrt(bb);
  const d1ar = v00r / c,
    d1ai = v00i / c;
  const d1br = v10r / s,
    d1bi = v10i / s;
  // d2b = v11 / (d1b · c) = v11 · conj(d1b) / c (|d1b| = 1)
  const d2br = (v11r * d1br + v11i * d1bi) / c,
    d2bi = (v11i * d1br - v11r * d1bi) / c;
  const rr = d1br * d1ar + d1bi * d1ai,
    ri = d1bi * d1ar - d1br * d1ai;
  if (Math.abs(ri) <= 1e-16) {
    const r = rr < 0 ? -1 : 1;
    return {
      t: (r * s) / c,
      c,
      left: undefined,
      right: [d1ar, d1ai, d1br * d2br - d1bi * d2bi, d1br * d2bi + d1bi * d2br],
    };
  }
  return { t: s / c, c, left: [d1ar, d1ai, d1br, d1bi], right: [1, 0, d2br, d2bi] };
}

/**
 * U = D1 · c·[[1, −t], [t, 1]] · D2 (· X when |u00| < |u10|, so that |t| ≤ 1): the rotation costs two
 * multiplications per amplitude component, the diagonals join the neighbouring phase pass, the X becomes
 * a relabelling of the index bits, and c joins one global scale.
 */
function decompose1(q: number, u: Float64Array, out: Prim[], keepLeft?: Float64Array): void {
  const bit = 1 << q;
  let v = u;
  if (wantsFlip(u)) {
    out.push({ kind: "flip", mask: bit, q, fl: 0 });
    v = timesX(u);
  }
  const f = shearForm(v);
  pushDiag1(q, f.right, out);
  if (f.t === 0 && !f.left) return;
  out.push({ kind: "rot", mask: bit, q, t: f.t, c: f.c, fl: 0 });
  if (!f.left) return;
  // A left diagonal whose phases differ by ±i (RX and its kin) may stay owed by the state (keepLeft).
  const [ar, ai, br, bi] = f.left;
  const rr = br * ar + bi * ai,
    ri = bi * ar - br * ai;
  if (keepLeft && Math.abs(rr) <= 1e-15 && Math.abs(Math.abs(ri) - 1) <= 1e-15) {
    keepLeft.set(f.left, 4 * q);
    return;
  }
  pushDiag1(q, f.left, out);
}

/**
 * A uniformly controlled 2×2 (m0 where control p is 0, m1 where it is 1) on target q: one controlled shear
 * between two diagonals on (q, p). A lazy X serves when both branches want one; when only one does and its
 * |t| would exceed 4, that branch takes an explicit controlled X first.
 */
function decomposeControlled(q: number, p: number, m0: Float64Array, m1: Float64Array, out: Prim[]): void {
  const mask = (1 << q) | (1 << p);
  let v0 = m0,
    v1 = m1;
  const w0 = wantsFlip(m0),
    w1 = wantsFlip(m1);
  if (w0 && w1) {
    out.push({ kind: "flip", mask: 1 << q, q, fl: 0 });
    v0 = timesX(m0);
    v1 = timesX(m1);
  } else if (w0 !== w1) {
    const v = w0 ? m0 : m1;
    if (v[0]! * v[0]! + v[1]! * v[1]! < (v[4]! * v[4]! + v[5]! * v[5]!) / MIXED_FLIP_T2) {
      out.push({ kind: "x", mask, q, ctrlMask: 1 << p, ctrlValue: w0 ? 0 : 1 << p, fl: 0 });
      if (w0) v0 = timesX(m0);
      else v1 = timesX(m1);
    }
  }
  const f0 = shearForm(v0),
    f1 = shearForm(v1);
  // table over [q, p]: entry (bit of q) | (bit of p) << 1; branch 1 carries its scale relative to branch 0
  const ratio = f1.c / f0.c;
  const right = Float64Array.of(...f0.right, ...f1.right.map((x) => x * ratio));
  pushDiag2(q, p, right, out);
  if (f0.t !== 0 || f1.t !== 0) out.push({ kind: "crot", mask, q, p, t0: f0.t, t1: f1.t, c: f0.c, fl: 0 });
  if (f0.left || f1.left)
    pushDiag2(q, p, Float64Array.of(...(f0.left ?? [1, 0, 1, 0]), ...(f1.left ?? [1, 0, 1, 0])), out);
}

function isIdentityTable(t: ArrayLike<number>): boolean {
  for (let i = 0; i < t.length; i += 2) if (t[i] !== 1 || t[i + 1] !== 0) return false;
  return true;
}

function pushDiag1(q: number, d: readonly [number, number, number, number], out: Prim[]): void {
  if (isIdentityTable(d)) return;
  out.push({ kind: "diag", mask: 1 << q, qubits: [q], table: Float64Array.from(d), fl: 0 });
}

function pushDiag2(q: number, p: number, table: Float64Array, out: Prim[]): void {
  if (isIdentityTable(table)) return;
  out.push({ kind: "diag", mask: (1 << q) | (1 << p), qubits: [q, p], table, fl: 0 });
}
