import { popcount } from "../util/bits.js";
import { GATES } from "../gates/gate-table.js";
import { realOfIPower } from "../math/complex-matrix.js";
import type { CompiledGate, Program } from "../sim/compile.js";
import { type GradientProgram, dependsOnWanted } from "./gradient-program.js";

/**
 * One Pauli term of a generator restricted to its controls: coef · i^numY X^x Z^z, on the amplitudes whose
 * control bits match. ⟨λ|G|ψ⟩ is the sum of its terms' brakets.
 */
export interface BraketTerm {
  readonly x: number;
  readonly z: number;
  readonly numY: number;
  readonly coef: number;
  readonly ctrlMask: number;
  readonly ctrlValue: number;
}

/** Parameterised gates whose brakets ⟨λ|G|ψ⟩ are all taken at one point of the backward sweep. */
export interface BraketGroup {
  /** How many program ops have run at that point. */
  readonly point: number;
  /** Indices into `paramGates`. */
  readonly gates: readonly number[];
}

/** Where the backward sweep stops and what it measures there. */
export interface AdjointSchedule {
  /** The program reordered (commuting ops only) so that large groups share a point. */
  readonly program: Program;
  /** Groups in increasing `point` order (distinct points in `program`). */
  readonly groups: readonly BraketGroup[];
  /** The Pauli terms of each parameterised gate's generator (empty for gates not differentiated). */
  readonly terms: readonly (readonly BraketTerm[])[];
}

/** Coefficients below this (relative to the generator's norm) are dropped from the Pauli decomposition. */
const TERM_EPS = 1e-14;

/**
 * Groups the differentiated gates so that the backward sweep takes many brakets at one point. The braket of
 * gate p may be taken at any point from which every op between it and p on p's qubits commutes with p's
 * generator (here: both diagonal, or p itself, which commutes with its own generator); ops on other qubits
 * may be reordered past p. The schedule peels the circuit from its end, arming each gate once its braket may
 * be taken at the current point, and undoes every op that disturbs no armed gate; when every op left to undo
 * would disturb one, the armed gates form a group there. A layer of RX·RZ (or a sweep of RY) then needs one
 * point instead of one per gate, and the sweep undoes whole fused segments between points.
 */
export function adjointSchedule(gp: GradientProgram, wanted: Uint8Array): AdjointSchedule {
  const ops = gp.program.ops as readonly CompiledGate[];
  const N = ops.length;
  const terms = gp.paramGates.map((pg) =>
    dependsOnWanted(pg.gate.angles[0]!, wanted) ? generatorTerms(pg.gate, pg.generator) : [],
  );
  // Per qubit: the ops touching it in program order; per op: its qubits and its index in each list.
  const n = gp.program.numQubits;
  const onQubit: number[][] = Array.from({ length: n }, () => []);
  const qubitsOf = ops.map(supportOf);
  const slotIn = qubitsOf.map((qs, o) => qs.map((q) => onQubit[q]!.push(o) - 1));
  const diagonal = ops.map((op) => GATES[op.gate].flags.diagonal);
  // nextOther[q][i]: index in onQubit[q] of the first non-diagonal op after position i.
  const nextOther = onQubit.map((list) => {
    const next = new Int32Array(list.length);
    let at = list.length;
    for (let i = list.length - 1; i >= 0; i--) {
      next[i] = at;
      if (!diagonal[list[i]!]) at = i;
    }
    return next;
  });
  const end = Int32Array.from(onQubit, (l) => l.length);
  const gateAt = new Map<number, number>();
  gp.paramGates.forEach((pg, i) => {
    if (terms[i]!.length > 0) gateAt.set(pg.pos, i);
  });
  const diagonalGenerator = terms.map((ts) => ts.every((t) => t.x === 0));
  const unassigned = new Set(gateAt.keys());
  const mayMeasureNow = (o: number): boolean =>
    qubitsOf[o]!.every((q, j) => {
      const i = slotIn[o]![j]!;
      return diagonalGenerator[gateAt.get(o)!] ? nextOther[q]![i]! >= end[q]! : i + 1 >= end[q]!;
    });
  const isFrontier = (o: number): boolean => qubitsOf[o]!.every((q, j) => slotIn[o]![j]! === end[q]! - 1);

  const removed = new Uint8Array(N);
  const peeled: number[] = [];
  const groups: { size: number; gates: number[] }[] = [];
  let frontier = new Set<number>();
  for (let o = 0; o < N; o++) if (isFrontier(o)) frontier.add(o);
  let remaining = N;
  // Armed gates: their braket may be taken at the current point. A gate stays armed after it is undone (it
  // commutes with its own generator) until an op that does not commute with its generator must be undone.
  const armed = new Set<number>();
  const armedOn: number[][] = Array.from({ length: n }, () => []);
  const blocks = (o: number): boolean =>
    qubitsOf[o]!.some((q) =>
      armedOn[q]!.some((p) => p !== o && !(diagonal[o] && diagonalGenerator[gateAt.get(p)!])),
    );
  while (unassigned.size > 0) {
    for (const o of unassigned)
      if (!armed.has(o) && !removed[o] && mayMeasureNow(o)) {
        armed.add(o);
        for (const q of qubitsOf[o]!) armedOn[q]!.push(o);
      }
    // Undo armed gates last, so that each group's gates sit together in the new order.
    const free = [...frontier].filter((o) => !blocks(o));
    const unarmed = free.filter((o) => !armed.has(o));
    const peel = unarmed.length > 0 ? unarmed : free;
    if (peel.length === 0) {
      // Every op left to undo would disturb an armed braket: take them all here.
      groups.push({ size: remaining, gates: [...armed].map((o) => gateAt.get(o)!) });
      for (const o of armed) unassigned.delete(o);
      armed.clear();
      for (const list of armedOn) list.length = 0;
      continue;
    }
    const next = new Set([...frontier].filter((o) => !peel.includes(o)));
    for (const o of peel) {
      removed[o] = 1;
      peeled.push(o);
      remaining--;
      for (const q of qubitsOf[o]!) end[q]!--;
    }
    for (const o of peel)
      for (const q of qubitsOf[o]!) {
        const last = onQubit[q]![end[q]! - 1];
        if (last !== undefined && isFrontier(last)) next.add(last);
      }
    frontier = next;
  }
  const order: number[] = [];
  for (let o = 0; o < N; o++) if (!removed[o]) order.push(o);
  for (let i = peeled.length - 1; i >= 0; i--) order.push(peeled[i]!);
  groups.reverse();
  // Slide each point forward over rotations that commute with its group's generators: a segment then ends
  // with its rotations and the next begins with diagonals, which the planner merges into the phase pass
  // that precedes the rotations (a point just before a diagonal costs no extra pass).
  const supportMask = qubitsOf.map((qs) => qs.reduce((m, q) => m | (1 << q), 0));
  const points = groups.map((g) => g.size);
  groups.forEach((g, k) => {
    const limit = k + 1 < groups.length ? points[k + 1]! - 1 : N;
    const owners = g.gates.map((i) => gp.paramGates[i]!.pos);
    let at = points[k]!;
    while (at < limit) {
      const o = order[at]!;
      if (diagonal[o] || !owners.every((p) => p === o || (supportMask[p]! & supportMask[o]!) === 0)) break;
      at++;
    }
    points[k] = at;
  });
  return {
    program: { ...gp.program, ops: order.map((o) => ops[o]!) },
    groups: groups.map((g, k) => ({ point: points[k]!, gates: g.gates })),
    terms,
  };
}

function supportOf(op: CompiledGate): number[] {
  const qs = [...op.targets];
  for (let m = op.ctrlMask, q = 0; m !== 0; q++, m >>>= 1) if (m & 1) qs.push(q);
  return qs;
}

/**
 * The Pauli decomposition of a gate's generator on its targets, G = Σ c_P P with c_P = Tr(P G) / 2^k
 * (real for Hermitian G), each term restricted to the gate's controls.
 */
export function generatorTerms(gate: CompiledGate, generator: Float64Array): BraketTerm[] {
  const k = gate.targets.length;
  const size = 1 << k;
  const out: BraketTerm[] = [];
  let norm = 0;
  for (let i = 0; i < generator.length; i++) norm = Math.max(norm, Math.abs(generator[i]!));
  for (let x = 0; x < size; x++)
    for (let z = 0; z < size; z++) {
      // Tr(P G) = i^numY Σ_a (−1)^{|a∧z|} G[a][a⊕x] for P = i^numY X^x Z^z.
      let sr = 0,
        si = 0;
      for (let a = 0; a < size; a++) {
        const sign = popcount(a & z) & 1 ? -1 : 1;
        const e = 2 * (a * size + (a ^ x));
        sr += sign * generator[e]!;
        si += sign * generator[e + 1]!;
      }
      const numY = popcount(x & z);
      const coef = realOfIPower(numY, sr, si) / size;
      if (Math.abs(coef) <= TERM_EPS * norm) continue;
      out.push({
        x: globalMask(x, gate.targets),
        z: globalMask(z, gate.targets),
        numY,
        coef,
        ctrlMask: gate.ctrlMask,
        ctrlValue: gate.ctrlValue,
      });
    }
  return out;
}

function globalMask(local: number, targets: readonly number[]): number {
  let m = 0;
  targets.forEach((q, j) => {
    if ((local >> j) & 1) m |= 1 << q;
  });
  return m;
}
