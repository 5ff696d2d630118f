import { GATES } from "../../gates/gate-table.js";
import { QforgeError } from "../../util/errors.js";
import { type CompiledGate, type Program, evaluateAngles } from "../compile.js";
import {
  controlledFull,
  conjugateByFlips,
  diagonalOf,
  embedInto,
  isDiagonal,
  mul2,
  mulK,
  rightMulLocal1,
} from "./complex-small.js";
import type { FusionOptions, KernelOp, Pass, Plan } from "./plan.js";

/** Default cache block: 2^15 amplitudes (512 KiB in complex128, within L2; chosen by measurement, see BENCHMARKS.md). */
export const DEFAULT_BLOCK_QUBITS = 15;

/** |u10| below this fraction of the column norm: the 2×2 is treated as diagonal (error ≤ 1e-14 per gate). */
const DIAGONAL_EPS2 = 1e-28;

/** Diagonal stages with at most this many factors become small diagonal passes instead of a phase pass. */
const SMALL_DIAGONAL_STAGE = 2;

/** Scale factors below this are applied to the state to keep far from underflow/overflow. */
const SCALE_FLOOR = 1e-150;

/** A primitive step after single-qubit fusion: what the scheduler reorders. */
type Prim =
  | { kind: "diag"; mask: number; qubits: readonly number[]; table: Float64Array; fl: number }
  | { kind: "rot"; mask: number; q: number; t: number; c: number; fl: number }
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

type DiagPrim = Extract<Prim, { kind: "diag" }>;

/** The matrix of a compiled gate for one binding row. */
export function compiledGateMatrix(g: CompiledGate, row: Float64Array, offset: number): Float64Array {
  return g.fixed ?? GATES[g.gate].matrix(evaluateAngles(g.angles, row, offset)).data;
}

function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) out.push(b);
  return out;
}

function maskOf(qubits: readonly number[]): number {
  let m = 0;
  for (const q of qubits) m |= 1 << q;
  return m;
}

/**
 * Fuses a unitary program (gates only, no classical conditions) for one binding row into a cache-blocked
 * {@link Plan}. Every fast engine runs plans; the plain kernels remain the reference they are tested against.
 *
 * @example
 * ```ts
 * const program = compile(new Circuit(3).h(0).cx(0, 1).rz(0.3, 2));
 * const plan = planProgram(program, new Float64Array(0), 0);
 * plan.passes.length; // 1 (three qubits fit in one cache block)
 * ```
 */
export function planProgram(
  program: Program,
  row: Float64Array,
  offset: number,
  options: FusionOptions = {},
): Plan {
  const n = program.numQubits;
  const b = Math.min(n, options.blockQubits ?? DEFAULT_BLOCK_QUBITS);
  const gates = unitaryGates(program);
  if (options.strategy === "dense") return planDense(n, b, gates, row, offset, options.maxFusedQubits ?? 3);
  const prims = lowerToPrims(n, gates, row, offset);
  return schedule(n, b, prims, 0, false).plan;
}

/**
 * Where a segment leaves the state: memory holds `mem` with |ψ⟩ = D · X^flips · mem, D = ⊗_q diag(a_q, b_q)
 * (`phases`: a_q, b_q interleaved, 4 numbers per qubit; undefined: identity).
 */
export interface PlanFrame {
  readonly flips: number;
  readonly phases: Float64Array | undefined;
}

/**
 * Like {@link planProgram} (rotation fusion), for a program run in segments (adjoint differentiation): the
 * state enters in `frame` and the plan leaves it in the returned frame instead of spending passes to settle
 * it — the lazy X flips of its rotations stay as relabelled index bits and, with `keepPhases`, the trailing
 * diagonals diag(a, b) with b/a = ±i (RX-like rotations) stay owed; the next segment applies them first.
 */
export function planProgramInFrame(
  program: Program,
  row: Float64Array,
  offset: number,
  frame: PlanFrame,
  keepPhases: boolean,
): { plan: Plan; frame: PlanFrame } {
  const n = program.numQubits;
  const gates = unitaryGates(program);
  const output = keepPhases ? identityPhases(n) : undefined;
  const prims = lowerToPrims(n, gates, row, offset, { input: frame.phases, output });
  const { plan, flips } = schedule(n, Math.min(n, DEFAULT_BLOCK_QUBITS), prims, frame.flips, true);
  return { plan, frame: { flips, phases: output } };
}

/** diag(1, 1) on every qubit, in the layout of {@link PlanFrame.phases}. */
function identityPhases(n: number): Float64Array {
  const d = new Float64Array(4 * n);
  for (let q = 0; q < n; q++) {
    d[4 * q] = 1;
    d[4 * q + 2] = 1;
  }
  return d;
}

function unitaryGates(program: Program): CompiledGate[] {
  const gates: CompiledGate[] = [];
  for (const op of program.ops) {
    if (op.kind !== "gate" || op.condition)
      throw new QforgeError(
        "UNSUPPORTED",
        "fused simulation needs a unitary circuit (no mid-circuit measurement, reset or classical condition)",
      );
    gates.push(op);
  }
  return gates;
}

// ---------------------------------------------------------------------------------------------------
// Single-qubit fusion and lowering
// ---------------------------------------------------------------------------------------------------

function lowerToPrims(
  n: number,
  gates: readonly CompiledGate[],
  row: Float64Array,
  offset: number,
  frame?: { readonly input?: Float64Array | undefined; readonly output?: Float64Array | undefined },
): Prim[] {
  const prims: Prim[] = [];
  const pending: (Float64Array | undefined)[] = new Array(n).fill(undefined);
  // Phases the state still owes from the previous segment act first (see planProgramInFrame).
  const input = frame?.input;
  if (input)
    for (let q = 0; q < n; q++) {
      const [ar, ai, br, bi] = [input[4 * q]!, input[4 * q + 1]!, input[4 * q + 2]!, input[4 * q + 3]!];
      if (ar !== 1 || ai !== 0 || br !== 1 || bi !== 0)
        pending[q] = Float64Array.of(ar, ai, 0, 0, 0, 0, br, bi);
    }
  const flush = (q: number, last = false) => {
    const p = pending[q];
    if (!p) return;
    pending[q] = undefined;
    decompose1(q, p, prims, last ? frame?.output : undefined);
  };
  for (const g of gates) {
    if (g.gate === "id") continue;
    const m = compiledGateMatrix(g, row, offset);
    const targets = g.targets;
    if (targets.length === 1 && g.ctrlMask === 0) {
      const q = targets[0]!;
      const p = pending[q];
      pending[q] = p ? mul2(m, p) : Float64Array.from(m);
      continue;
    }
    const spec = GATES[g.gate];
    const ctrlQubits = bitsOf(g.ctrlMask);
    const mask = maskOf(targets) | g.ctrlMask;
    if (!spec.flags.diagonal && g.ctrlMask === 0 && targets.some((q) => pending[q])) {
      // Absorb the pending single-qubit gates of the targets into this dense gate.
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
      const k = targets.length,
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
      prims.push({ kind: "diag", mask, qubits: [...targets, ...ctrlQubits], table, fl: 0 });
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

/**
 * U = D1 · c·[[1, −t], [t, 1]] · D2 (· X when |u00| < |u10|, so that |t| ≤ 1): the rotation costs two
 * multiplications per amplitude component, the diagonals join the neighbouring phase pass, the X becomes
 * a relabelling of the index bits, and c joins one global scale.
 */
function decompose1(q: number, u: Float64Array, out: Prim[], keepLeft?: Float64Array): void {
  const bit = 1 << q;
  let v00r = u[0]!,
    v00i = u[1]!,
    v10r = u[4]!,
    v10i = u[5]!,
    v11r = u[6]!,
    v11i = u[7]!;
  let a = v00r * v00r + v00i * v00i,
    bb = v10r * v10r + v10i * v10i;
  if (bb <= DIAGONAL_EPS2 * (a + bb)) {
    pushDiag1(q, v00r, v00i, v11r, v11i, out);
    return;
  }
  if (a < bb) {
    out.push({ kind: "flip", mask: bit, q, fl: 0 });
    // V = U · X: columns swapped.
    v00r = u[2]!;
    v00i = u[3]!;
    v10r = u[6]!;
    v10i = u[7]!;
    v11r = u[4]!;
    v11i = u[5]!;
    a = v00r * v00r + v00i * v00i;
    bb = v10r * v10r + v10i * v10i;
    if (bb <= DIAGONAL_EPS2 * (a + bb)) {
      pushDiag1(q, v00r, v00i, v11r, v11i, out);
      return;
    }
  }
  const c = Math.sqrt(a),
    s = Math.sqrt(bb);
  const d1ar = v00r / c,
    d1ai = v00i / c;
  const d1br = v10r / s,
    d1bi = v10i / s;
  // d2b = v11 / (d1b · c) = v11 · conj(d1b) / c (|d1b| = 1)
  const d2br = (v11r * d1br + v11i * d1bi) / c,
    d2bi = (v11i * d1br - v11r * d1bi) / c;
  // When the first column's phases agree up to a sign r (real gates: RY, H, …), diag(1, r)·shear(t) =
  // shear(r·t)·diag(1, r) moves the left diagonal to the right, where it joins the phase pass before the
  // rotation: no diagonal is left after it (a segment of a program then ends without a phase pass).
  const rr = d1br * d1ar + d1bi * d1ai,
    ri = d1bi * d1ar - d1br * d1ai;
  if (Math.abs(ri) <= 1e-16) {
    const r = rr < 0 ? -1 : 1;
    // U = c·shear(r·t)·diag(d1a, d1b·d2b)
    pushDiag1(q, d1ar, d1ai, d1br * d2br - d1bi * d2bi, d1br * d2bi + d1bi * d2br, out);
    out.push({ kind: "rot", mask: bit, q, t: (r * s) / c, c, fl: 0 });
    return;
  }
  pushDiag1(q, 1, 0, d2br, d2bi, out);
  out.push({ kind: "rot", mask: bit, q, t: s / c, c, fl: 0 });
  // A left diagonal whose phases differ by ±i (RX and its kin) may stay owed by the state (keepLeft).
  if (keepLeft && Math.abs(rr) <= 1e-15 && Math.abs(Math.abs(ri) - 1) <= 1e-15) {
    keepLeft.set([d1ar, d1ai, d1br, d1bi], 4 * q);
    return;
  }
  pushDiag1(q, d1ar, d1ai, d1br, d1bi, out);
}

function pushDiag1(q: number, d0r: number, d0i: number, d1r: number, d1i: number, out: Prim[]): void {
  if (d0r === 1 && d0i === 0 && d1r === 1 && d1i === 0) return;
  out.push({ kind: "diag", mask: 1 << q, qubits: [q], table: Float64Array.of(d0r, d0i, d1r, d1i), fl: 0 });
}

// ---------------------------------------------------------------------------------------------------
// Scheduling: alternate one merged diagonal stage and one stage of everything else
// ---------------------------------------------------------------------------------------------------

function schedule(
  n: number,
  b: number,
  all: Prim[],
  inputFlips: number,
  keepFlips: boolean,
): { plan: Plan; flips: number } {
  // Lazy X: …A·X·B·C… = …A·(XBX)·(XCX)·…·X. Each later step is conjugated by the flips before it (recorded
  // per step as the relabelling of its own qubits), and the flips themselves become one index permutation at
  // the end (unless the caller keeps the relabelled frame) — so they take no place in the schedule.
  let flips = inputFlips;
  const prims: Prim[] = [];
  for (const p of all) {
    p.fl = flips & p.mask;
    if (p.kind === "flip") flips ^= p.mask;
    else prims.push(p);
  }
  const N = prims.length;
  const indeg = new Int32Array(N);
  const succ: number[][] = Array.from({ length: N }, () => []);
  const stamp = new Int32Array(N).fill(-1);
  const lastNonDiag = new Int32Array(n).fill(-1);
  const diagsSince: number[][] = Array.from({ length: n }, () => []);
  const edge = (from: number, to: number) => {
    if (stamp[from] === to) return;
    stamp[from] = to;
    succ[from]!.push(to);
    indeg[to]!++;
  };
  prims.forEach((p, i) => {
    for (let m = p.mask, q = 0; m !== 0; q++, m >>>= 1) {
      if (!(m & 1)) continue;
      const last = lastNonDiag[q]!;
      if (p.kind === "diag") {
        if (last >= 0) edge(last, i);
        diagsSince[q]!.push(i);
      } else {
        if (last >= 0) edge(last, i);
        for (const d of diagsSince[q]!) edge(d, i);
        lastNonDiag[q] = i;
        diagsSince[q] = [];
      }
    }
  });
  let readyDiag: number[] = [];
  let readyOther: number[] = [];
  prims.forEach((p, i) => {
    if (indeg[i] === 0) (p.kind === "diag" ? readyDiag : readyOther).push(i);
  });
  const release = (i: number) => {
    for (const s of succ[i]!)
      if (--indeg[s]! === 0) (prims[s]!.kind === "diag" ? readyDiag : readyOther).push(s);
  };
  const builder = new PassBuilder(n, b);
  let done = 0;
  while (done < N) {
    const diags = readyDiag;
    readyDiag = [];
    for (const d of diags) release(d);
    const stage: Prim[] = [];
    for (let k = 0; k < readyOther.length; k++) {
      const i = readyOther[k]!;
      stage.push(prims[i]!);
      release(i);
    }
    readyOther = [];
    done += diags.length + stage.length;
    if (diags.length === 0 && stage.length === 0) throw new Error("planner: dependency cycle");
    builder.stage(
      diags.map((i) => prims[i] as DiagPrim),
      stage,
    );
  }
  return { plan: builder.finish(keepFlips ? 0 : flips), flips: keepFlips ? flips : 0 };
}

/** An op on its way into a pass: its qubit mask (for ordering) and whether it fits a cache block. */
interface Entry {
  readonly op: KernelOp;
  readonly mask: number;
  readonly local: boolean;
  /** Product of the dropped rotation factors this op carries. */
  readonly scale: number;
}

class PassBuilder {
  private readonly passes: { blockQubits: number; ops: KernelOp[] }[] = [];
  private scale = 1;
  private lastPhase: Extract<KernelOp, { kind: "phase" }> | undefined;

  constructor(
    private readonly n: number,
    private readonly b: number,
  ) {}

  /** One merged diagonal followed by a set of other steps (in a valid order). */
  stage(diags: readonly DiagPrim[], others: readonly Prim[]): void {
    const entries = others.map((p) => this.entry(p));
    const head: KernelOp[] = diags.length ? this.phaseOps(diags) : [];
    this.placeStage(head, entries);
  }

  finish(flips: number): Plan {
    // The leftover scale joins a phase table (free) or the last pass, rather than costing a pass of its own.
    if (this.scale !== 1) {
      const last = this.passes[this.passes.length - 1];
      if (this.lastPhase) scalePhase(this.lastPhase, this.scale);
      else if (last) last.ops.push({ kind: "scale", f: this.scale });
      else this.push(this.b, [{ kind: "scale", f: this.scale }]);
      this.scale = 1;
    }
    if (flips !== 0) this.push(this.n, [{ kind: "permxor", mask: flips }]);
    return { numQubits: this.n, passes: this.passes };
  }

  private push(blockQubits: number, ops: KernelOp[]): void {
    if (ops.length === 0) return;
    const last = this.passes[this.passes.length - 1];
    if (last && last.blockQubits === blockQubits) last.ops.push(...ops);
    else
      this.passes.push({ blockQubits, ops: blockQubits < this.n ? [{ kind: "touch" }, ...ops] : [...ops] });
  }

  private entry(p: Prim): Entry {
    const b = this.b;
    switch (p.kind) {
      case "rot":
        return {
          op: { kind: "rot", qubits: [p.q], t: [p.fl ? -p.t : p.t] },
          mask: p.mask,
          local: p.q < b,
          scale: p.c,
        };
      case "u1": {
        const m = p.fl & (1 << p.q) ? conjugateByFlips(p.m, 2, 1) : p.m;
        return {
          op: { kind: "u1", q: p.q, m, ctrlMask: p.ctrlMask, ctrlValue: p.ctrlValue ^ (p.fl & p.ctrlMask) },
          mask: p.mask,
          local: p.q < b,
          scale: 1,
        };
      }
      case "uk": {
        const lf = localFlips(p.targets, p.fl);
        const op: KernelOp = {
          kind: "uk",
          targets: p.targets,
          m: conjugateByFlips(p.m, 1 << p.targets.length, lf),
          ctrlMask: p.ctrlMask,
          ctrlValue: p.ctrlValue ^ (p.fl & p.ctrlMask),
        };
        return { op, mask: p.mask, local: p.targets.every((q) => q < b), scale: 1 };
      }
      case "x":
        return {
          op: { kind: "x", q: p.q, ctrlMask: p.ctrlMask, ctrlValue: p.ctrlValue ^ (p.fl & p.ctrlMask) },
          mask: p.mask,
          local: p.q < b,
          scale: 1,
        };
      case "swap": {
        const ctrlValue = p.ctrlValue ^ (p.fl & p.ctrlMask);
        const local = p.q0 < b && p.q1 < b;
        const f0 = (p.fl >> p.q0) & 1,
          f1 = (p.fl >> p.q1) & 1;
        if (f0 === f1)
          return {
            op: { kind: "swap", q0: p.q0, q1: p.q1, ctrlMask: p.ctrlMask, ctrlValue },
            mask: p.mask,
            local,
            scale: 1,
          };
        const swap = Float64Array.from([
          1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0,
        ]);
        const op: KernelOp = {
          kind: "uk",
          targets: [p.q0, p.q1],
          m: conjugateByFlips(swap, 4, f0 | (f1 << 1)),
          ctrlMask: p.ctrlMask,
          ctrlValue,
        };
        return { op, mask: p.mask, local, scale: 1 };
      }
      case "diag":
      case "flip":
        throw new Error("planner: unexpected step in a non-diagonal stage");
    }
  }

  /**
   * Places a stage: first a blocked pass with every step that fits a block (and is not held up by one that
   * does not), then the others as whole-state sweeps (rotations three at a time), until all are placed.
   */
  placeStage(head: KernelOp[], entries: Entry[]): void {
    const { n, b } = this;
    let rem = entries;
    let first = true;
    const flushRot = (group: Entry[], out: KernelOp[]) => {
      if (group.length === 0) return;
      const qubits: number[] = [],
        t: number[] = [];
      for (const e of group) {
        const r = e.op as Extract<KernelOp, { kind: "rot" }>;
        qubits.push(r.qubits[0]!);
        t.push(r.t[0]!);
      }
      out.push({ kind: "rot", qubits, t });
      group.length = 0;
    };
    const emit = (list: Entry[], blockQubits: number, withHead: boolean) => {
      const ops: KernelOp[] = [];
      if (withHead) {
        for (const h of head) {
          if (h.kind === "phase") {
            if (this.scale !== 1) scalePhase(h, this.scale);
            this.scale = 1;
            this.lastPhase = h;
          }
          ops.push(h);
        }
      }
      const group: Entry[] = [];
      let groupMask = 0;
      for (const e of list) {
        if (e.op.kind === "rot" && !(groupMask & e.mask) && group.length < 3) {
          group.push(e);
          groupMask |= e.mask;
        } else {
          flushRot(group, ops);
          groupMask = 0;
          if (e.op.kind === "rot") {
            group.push(e);
            groupMask = e.mask;
          } else ops.push(e.op);
        }
        this.scale *= e.scale;
        if (this.scale < SCALE_FLOOR) {
          flushRot(group, ops);
          groupMask = 0;
          ops.push({ kind: "scale", f: this.scale });
          this.scale = 1;
        }
      }
      flushRot(group, ops);
      this.push(blockQubits, ops);
    };
    if (rem.length === 0) {
      emit([], b, true);
      return;
    }
    while (rem.length > 0) {
      const taken: Entry[] = [],
        rest: Entry[] = [];
      let blocked = 0;
      for (const e of rem) {
        if (e.local && !(e.mask & blocked)) taken.push(e);
        else {
          rest.push(e);
          blocked |= e.mask;
        }
      }
      if (taken.length > 0 || first) emit(taken, b, first);
      first = false;
      rem = rest;
      // Whole-state sweeps for the steps that do not fit a block and are ready now.
      const rest2: Entry[] = [];
      blocked = 0;
      let sweep: Entry[] = [];
      const flushSweep = () => {
        // Rotations in a sweep run three per pass; anything else one per pass.
        for (let i = 0; i < sweep.length;) {
          const e = sweep[i]!;
          if (e.op.kind === "rot") {
            const grp = [e];
            let mask = e.mask;
            let j = i + 1;
            while (
              j < sweep.length &&
              grp.length < 3 &&
              sweep[j]!.op.kind === "rot" &&
              !(sweep[j]!.mask & mask)
            ) {
              mask |= sweep[j]!.mask;
              grp.push(sweep[j++]!);
            }
            emit(grp, n, false);
            i = j;
          } else {
            emit([e], n, false);
            i++;
          }
        }
        sweep = [];
      };
      for (const e of rem) {
        if (!e.local && !(e.mask & blocked)) sweep.push(e);
        else {
          rest2.push(e);
          blocked |= e.mask;
        }
      }
      flushSweep();
      rem = rest2;
    }
  }

  /** The merged diagonal of a stage: one phase pass plus small diagonals for factors across its split. */
  private phaseOps(diags: readonly DiagPrim[]): KernelOp[] {
    const n = this.n;
    const factors = diags.map((d) => {
      const lf = localFlips(d.qubits, d.fl);
      return { qubits: d.qubits, mask: d.mask, table: lf ? permuteTable(d.table, lf) : d.table };
    });
    // A lone diagonal or two (a CZ between CXs, say) is cheaper as its own small diagonal pass over the
    // amplitudes it changes than as a full phase pass (two complex products per amplitude).
    if (factors.length <= SMALL_DIAGONAL_STAGE)
      return factors.map((f) => ({
        kind: "diagk",
        targets: f.qubits,
        diag: f.table,
        ctrlMask: 0,
        ctrlValue: 0,
      }));
    const l = chooseSplit(n, factors);
    const lowMask = l >= 31 ? -1 : (1 << l) - 1;
    const loF: Factor[] = [],
      hiF: Factor[] = [],
      cross: Factor[] = [];
    for (const f of factors) {
      if ((f.mask & ~lowMask) === 0) loF.push(f);
      else if ((f.mask & lowMask) === 0)
        hiF.push({ qubits: f.qubits.map((q) => q - l), mask: f.mask >>> l, table: f.table });
      else cross.push(f);
    }
    const ops: KernelOp[] = [];
    if (loF.length || hiF.length || cross.length === 0)
      ops.push({ kind: "phase", l, lo: buildTable(l, loF), hi: buildTable(n - l, hiF) });
    for (const f of cross)
      ops.push({ kind: "diagk", targets: f.qubits, diag: f.table, ctrlMask: 0, ctrlValue: 0 });
    return ops;
  }
}

interface Factor {
  readonly qubits: readonly number[];
  readonly mask: number;
  readonly table: Float64Array;
}

function localFlips(qubits: readonly number[], fl: number): number {
  let lf = 0;
  qubits.forEach((q, j) => {
    if ((fl >> q) & 1) lf |= 1 << j;
  });
  return lf;
}

function permuteTable(t: Float64Array, f: number): Float64Array {
  const out = new Float64Array(t.length);
  for (let j = 0; j < t.length >> 1; j++) {
    out[2 * j] = t[2 * (j ^ f)]!;
    out[2 * j + 1] = t[2 * (j ^ f) + 1]!;
  }
  return out;
}

/**
 * Splits the index bits into a low table (≤ 2^13 entries) and a high table (≤ 2^16) near the middle, so
 * both tables stay small (building them is O(2^l + 2^(n−l)) per layer), crossing as few factors as possible.
 */
function chooseSplit(n: number, factors: readonly Factor[]): number {
  if (n <= 2) return n;
  let best = -1,
    bestCross = Infinity,
    bestDist = Infinity;
  const mid = Math.ceil(n / 2);
  for (let l = Math.max(1, n - 16, mid - 3); l <= Math.min(13, n - 1, mid + 3); l++) {
    const lowMask = (1 << l) - 1;
    let cross = 0;
    for (const f of factors) if (f.mask & lowMask && f.mask & ~lowMask) cross++;
    const dist = Math.abs(l - n / 2);
    if (cross < bestCross || (cross === bestCross && dist < bestDist)) {
      best = l;
      bestCross = cross;
      bestDist = dist;
    }
  }
  return best;
}

/** The product of factors (all on qubits below `bits`) as a table over `bits` bits. */
function buildTable(bits: number, factors: readonly Factor[]): Float64Array {
  const size = 1 << bits;
  // Single-qubit factors first, merged per qubit and expanded by doubling: O(2^bits) in all.
  const d0 = new Float64Array(2 * bits),
    d1 = new Float64Array(2 * bits);
  for (let q = 0; q < bits; q++) {
    d0[2 * q] = 1;
    d1[2 * q] = 1;
  }
  const multi: Factor[] = [];
  for (const f of factors) {
    if (f.qubits.length !== 1) {
      multi.push(f);
      continue;
    }
    const q = f.qubits[0]!;
    const t = f.table;
    const ar = d0[2 * q]!,
      ai = d0[2 * q + 1]!,
      br = d1[2 * q]!,
      bi = d1[2 * q + 1]!;
    d0[2 * q] = ar * t[0]! - ai * t[1]!;
    d0[2 * q + 1] = ar * t[1]! + ai * t[0]!;
    d1[2 * q] = br * t[2]! - bi * t[3]!;
    d1[2 * q + 1] = br * t[3]! + bi * t[2]!;
  }
  const table = new Float64Array(2 * size);
  table[0] = 1;
  for (let q = 0; q < bits; q++) {
    const half = 1 << q;
    const ar = d0[2 * q]!,
      ai = d0[2 * q + 1]!,
      br = d1[2 * q]!,
      bi = d1[2 * q + 1]!;
    for (let i = 0; i < half; i++) {
      const xr = table[2 * i]!,
        xi = table[2 * i + 1]!;
      table[2 * (i + half)] = xr * br - xi * bi;
      table[2 * (i + half) + 1] = xr * bi + xi * br;
      table[2 * i] = xr * ar - xi * ai;
      table[2 * i + 1] = xr * ai + xi * ar;
    }
  }
  for (const f of multi) {
    const k = f.qubits.length;
    const sorted = [...f.qubits].sort((x, y) => x - y);
    const count = size >>> k;
    for (let l = 0; l < 1 << k; l++) {
      const fr = f.table[2 * l]!,
        fi = f.table[2 * l + 1]!;
      if (fr === 1 && fi === 0) continue;
      // every table index whose bits on f.qubits spell l
      let fixed = 0;
      for (let j = 0; j < k; j++) if ((l >> j) & 1) fixed |= 1 << f.qubits[j]!;
      for (let g = 0; g < count; g++) {
        let i = g;
        for (let j = 0; j < k; j++) {
          const p = sorted[j]!;
          i = ((i >>> p) << (p + 1)) | (i & ((1 << p) - 1));
        }
        i |= fixed;
        const xr = table[2 * i]!,
          xi = table[2 * i + 1]!;
        table[2 * i] = xr * fr - xi * fi;
        table[2 * i + 1] = xr * fi + xi * fr;
      }
    }
  }
  return table;
}

/** Folds a scale into a phase op's high table (freshly built for this op, so scaled in place). */
function scalePhase(p: Extract<KernelOp, { kind: "phase" }>, f: number): KernelOp {
  const hi = p.hi;
  for (let i = 0; i < hi.length; i++) hi[i] = hi[i]! * f;
  return p;
}

// ---------------------------------------------------------------------------------------------------
// The "dense" strategy: greedy fusion into k-qubit unitaries (for comparison)
// ---------------------------------------------------------------------------------------------------

function planDense(
  n: number,
  b: number,
  gates: readonly CompiledGate[],
  row: Float64Array,
  offset: number,
  k: number,
): Plan {
  const ops: { qubits: number[]; m: Float64Array }[] = [];
  let cur: { qubits: number[]; m: Float64Array } | undefined;
  for (const g of gates) {
    if (g.gate === "id") continue;
    const m = compiledGateMatrix(g, row, offset);
    const ctrlQubits = bitsOf(g.ctrlMask);
    let ctrlLocal = 0;
    ctrlQubits.forEach((q, j) => {
      if ((g.ctrlValue >> q) & 1) ctrlLocal |= 1 << j;
    });
    const qubits = [...g.targets, ...ctrlQubits];
    const full = ctrlQubits.length
      ? controlledFull(m, g.targets.length, ctrlQubits.length, ctrlLocal)
      : Float64Array.from(m);
    if (cur) {
      const union = [...new Set([...cur.qubits, ...qubits])].sort((x, y) => x - y);
      if (union.length <= Math.max(k, qubits.length)) {
        const size = 1 << union.length;
        cur = {
          qubits: union,
          m: mulK(embedInto(full, qubits, union), embedInto(cur.m, cur.qubits, union), size),
        };
        continue;
      }
      ops.push(cur);
    }
    cur = { qubits, m: full };
  }
  if (cur) ops.push(cur);
  const builder = new PassBuilder(n, b);
  const entries: Entry[] = ops.map(({ qubits, m }) => {
    const size = 1 << qubits.length;
    const mask = maskOf(qubits);
    const local = qubits.every((q) => q < b);
    if (isDiagonal(m, size))
      return {
        op: { kind: "diagk", targets: qubits, diag: diagonalOf(m, size), ctrlMask: 0, ctrlValue: 0 },
        mask,
        local,
        scale: 1,
      };
    if (qubits.length === 1)
      return { op: { kind: "u1", q: qubits[0]!, m, ctrlMask: 0, ctrlValue: 0 }, mask, local, scale: 1 };
    return { op: { kind: "uk", targets: qubits, m, ctrlMask: 0, ctrlValue: 0 }, mask, local, scale: 1 };
  });
  // One stage: the pass builder keeps program order per qubit.
  builder.placeStage([], entries);
  return builder.finish(0);
}

/** Total number of kernel ops in a plan (diagnostics and tests). */
export function planSize(plan: Plan): number {
  return plan.passes.reduce((s: number, p: Pass) => s + p.ops.length, 0);
}
