import { QforgeError } from "../../util/errors.js";
import type { CompiledGate, Program } from "../compile.js";
import {
  controlledFull,
  conjugateByFlips,
  diagonalOf,
  embedInto,
  isDiagonal,
  mulK,
} from "./complex-small.js";
import { type DiagPrim, type Prim, bitsOf, compiledGateMatrix, lowerToPrims, maskOf } from "./lower.js";
import type { FusionOptions, KernelOp, Pass, Plan } from "./plan.js";

/** Default cache block: 2^15 amplitudes (512 KiB in complex128, within L2; chosen by measurement, see BENCHMARKS.md). */
export const DEFAULT_BLOCK_QUBITS = 15;

/** Diagonal stages with at most this many factors become small diagonal passes instead of a phase pass. */
const SMALL_DIAGONAL_STAGE = 2;

/**
 * Scale factors below this are applied to the state: the lazy scale lets amplitudes grow by its inverse,
 * and complex64 states hold magnitudes up to 3.4e38.
 */
const SCALE_FLOOR = 1e-30;

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
      case "crot": {
        // X on the target negates both shears; X on the control swaps the branches
        const sign = (p.fl >> p.q) & 1 ? -1 : 1;
        const swap = (p.fl >> p.p) & 1;
        return {
          op: {
            kind: "crot",
            qubits: [p.q],
            ctrl: [p.p],
            t: [sign * (swap ? p.t1 : p.t0)],
            t1: [sign * (swap ? p.t0 : p.t1)],
          },
          mask: p.mask,
          local: p.q < b,
          scale: p.c,
        };
      }
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
        t: number[] = [],
        ctrl: number[] = [],
        t1: number[] = [];
      for (const e of group) {
        const r = e.op as Extract<KernelOp, { kind: "rot" | "crot" }>;
        qubits.push(r.qubits[0]!);
        t.push(r.t[0]!);
        ctrl.push(r.kind === "crot" ? r.ctrl[0]! : -1);
        t1.push(r.kind === "crot" ? r.t1[0]! : r.t[0]!);
      }
      out.push(ctrl.some((c) => c >= 0) ? { kind: "crot", qubits, ctrl, t, t1 } : { kind: "rot", qubits, t });
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
        if (isRotation(e) && !(groupMask & e.mask) && group.length < 3) {
          group.push(e);
          groupMask |= e.mask;
        } else {
          flushRot(group, ops);
          groupMask = 0;
          if (isRotation(e)) {
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
      const carried = carryToSweep(taken, rest);
      if (taken.length > 0 || first) emit(taken, b, first);
      first = false;
      rem = rest;
      // Whole-state sweeps for the steps that do not fit a block and are ready now.
      const rest2: Entry[] = [];
      blocked = 0;
      let sweep: Entry[] = carried;
      const flushSweep = () => {
        // Rotations in a sweep run three per pass; anything else one per pass.
        for (let i = 0; i < sweep.length;) {
          const e = sweep[i]!;
          if (isRotation(e)) {
            const grp = [e];
            let mask = e.mask;
            let j = i + 1;
            while (j < sweep.length && grp.length < 3 && isRotation(sweep[j]!) && !(sweep[j]!.mask & mask)) {
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
    const { l, shift } = chooseSplit(n, factors);
    const lowMask = l >= 31 ? -1 : (1 << l) - 1;
    const highMask = ~((1 << shift) - 1);
    const loF: Factor[] = [],
      hiF: Factor[] = [],
      cross: Factor[] = [];
    for (const f of factors) {
      if ((f.mask & ~lowMask) === 0) loF.push(f);
      else if ((f.mask & ~highMask) === 0)
        hiF.push({ qubits: f.qubits.map((q) => q - shift), mask: f.mask >>> shift, table: f.table });
      else cross.push(f);
    }
    const ops: KernelOp[] = [];
    if (loF.length || hiF.length || cross.length === 0) {
      const lo = buildTable(l, loF),
        hi = buildTable(n - shift, hiF);
      ops.push(shift === l ? { kind: "phase", l, lo, hi } : { kind: "phase", l, hiShift: shift, lo, hi });
    }
    for (const f of cross)
      ops.push({ kind: "diagk", targets: f.qubits, diag: f.table, ctrlMask: 0, ctrlValue: 0 });
    return ops;
  }
}

/** Shears, plain or controlled: up to three share one sweep. */
function isRotation(e: Entry): boolean {
  return e.op.kind === "rot" || e.op.kind === "crot";
}

/**
 * Rotations run three to a sweep. When the blocked pass would end with a part-filled sweep of rotations
 * and the whole-state rotations that follow leave room for them in theirs, the blocked pass's last ones move
 * there (removed from `taken`, returned to lead the sweep): a streaming sweep is bound by memory, so they
 * ride along for little instead of costing an in-cache sweep of their own (24-qubit standard circuit: 5 → 4
 * rotation sweeps per layer, about 0.3 pass saved). A rotation may move when no later step of the blocked
 * pass shares a qubit with it; it already commutes with the steps in `rest` before it.
 */
function carryToSweep(taken: Entry[], rest: readonly Entry[]): Entry[] {
  let blocked = 0,
    sweepRotations = 0;
  for (const e of rest) {
    if (!e.local && !(e.mask & blocked)) {
      if (isRotation(e)) sweepRotations++;
    } else blocked |= e.mask;
  }
  const part = taken.filter(isRotation).length % 3;
  if (sweepRotations === 0 || part === 0 || part > (3 - (sweepRotations % 3)) % 3) return [];
  const moving: number[] = []; // indices into taken, descending
  let later = 0;
  for (let i = taken.length - 1; i >= 0 && moving.length < part; i--) {
    const e = taken[i]!;
    if (isRotation(e) && !(e.mask & later)) moving.push(i);
    else later |= e.mask;
  }
  if (moving.length < part) return [];
  return moving.map((i) => taken.splice(i, 1)[0]!).reverse();
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
 * Splits the index bits into a low table over bits [0, l) (≤ 2^13 entries) and a high table over bits
 * [shift, n) (≤ 2^17), near the middle, so both tables stay small (building them is O(2^l + 2^(n−shift)) per
 * layer), crossing as few factors as possible: a factor across the split costs a diagonal pass of its own
 * (≈ 3 passes at 24 qubits). shift = l − 1 lets the tables share one bit, which takes in a two-qubit factor on
 * qubits l − 1 and l (the controlled rotations of a brickwork leave such factors on every neighbouring pair).
 */
function chooseSplit(n: number, factors: readonly Factor[]): { l: number; shift: number } {
  if (n <= 2) return { l: n, shift: n };
  let best = { l: -1, shift: -1 },
    bestKey = [Infinity, Infinity, Infinity];
  const mid = Math.ceil(n / 2);
  for (let l = Math.max(1, n - 16, mid - 3); l <= Math.min(13, n - 1, mid + 3); l++)
    for (const shift of [l, l - 1]) {
      if (shift < 1) continue;
      const lowMask = (1 << l) - 1,
        highMask = ~((1 << shift) - 1);
      let cross = 0;
      for (const f of factors) if (f.mask & ~lowMask && f.mask & ~highMask) cross++;
      // fewest crossings, then no shared bit, then nearest the middle
      const key = [cross, l - shift, Math.abs(l - n / 2)];
      const better = key.findIndex((v, i) => v !== bestKey[i]);
      if (better >= 0 && key[better]! < bestKey[better]!) {
        best = { l, shift };
        bestKey = key;
      }
    }
  return best;
}

/** The product of factors (all on qubits below `bits`) as a table over `bits` bits. */
function buildTable(bits: number, factors: readonly Factor[]): Float64Array {
  const size = 1 << bits;
  // Single-qubit factors merged per qubit, two-qubit factors split into single-qubit parts and a phase φ on
  // |11⟩, then everything expanded by doubling: O(2^bits) in all (controlled rotations leave a two-qubit
  // factor on every neighbouring pair).
  const d0 = new Float64Array(2 * bits),
    d1 = new Float64Array(2 * bits);
  for (let q = 0; q < bits; q++) {
    d0[2 * q] = 1;
    d1[2 * q] = 1;
  }
  const times = (d: Float64Array, q: number, r: number, i: number) => {
    const ar = d[2 * q]!,
      ai = d[2 * q + 1]!;
    d[2 * q] = ar * r - ai * i;
    d[2 * q + 1] = ar * i + ai * r;
  };
  // partners[q]: the lower qubits p of two-qubit factors on (p, q), with their phase φ (merged per pair)
  const partners: Map<number, [number, number]>[] = Array.from({ length: bits }, () => new Map());
  const multi: Factor[] = [];
  for (const f of factors) {
    const t = f.table;
    if (f.qubits.length === 1) {
      const q = f.qubits[0]!;
      times(d0, q, t[0]!, t[1]!);
      times(d1, q, t[2]!, t[3]!);
      continue;
    }
    if (f.qubits.length !== 2 || t.some((x, i) => i % 2 === 0 && x === 0 && t[i + 1] === 0)) {
      multi.push(f);
      continue;
    }
    // e(b0, b1) = e00 · A^b0 · B^b1 · φ^(b0·b1) (bit j ↔ f.qubits[j]; entries are non-zero)
    const div = (xr: number, xi: number, yr: number, yi: number): [number, number] => {
      const m = yr * yr + yi * yi;
      return [(xr * yr + xi * yi) / m, (xi * yr - xr * yi) / m];
    };
    const [e00r, e00i, e10r, e10i, e01r, e01i, e11r, e11i] = t as unknown as number[];
    const [ar, ai] = div(e10r!, e10i!, e00r!, e00i!);
    const [br, bi] = div(e01r!, e01i!, e00r!, e00i!);
    const [pr, pi] = div(
      e11r! * e00r! - e11i! * e00i!,
      e11r! * e00i! + e11i! * e00r!,
      e10r! * e01r! - e10i! * e01i!,
      e10r! * e01i! + e10i! * e01r!,
    );
    const [q0, q1] = f.qubits as [number, number];
    times(d0, q0, e00r!, e00i!);
    times(d1, q0, e00r! * ar - e00i! * ai, e00r! * ai + e00i! * ar);
    times(d1, q1, br, bi);
    const lo = Math.min(q0, q1),
      hi = Math.max(q0, q1);
    const prev = partners[hi]!.get(lo);
    partners[hi]!.set(lo, prev ? [prev[0] * pr - prev[1] * pi, prev[0] * pi + prev[1] * pr] : [pr, pi]);
  }
  const table = new Float64Array(2 * size);
  table[0] = 1;
  for (let q = 0; q < bits; q++) {
    const half = 1 << q;
    const ar = d0[2 * q]!,
      ai = d0[2 * q + 1]!;
    // the factor for bit q set, per combination of the partners' bits
    const ps = [...partners[q]!.entries()];
    const combos = new Float64Array(2 << ps.length);
    for (let m = 0; m < 1 << ps.length; m++) {
      let r = d1[2 * q]!,
        i = d1[2 * q + 1]!;
      ps.forEach(([, [fr, fi]], j) => {
        if ((m >> j) & 1) [r, i] = [r * fr - i * fi, r * fi + i * fr];
      });
      combos[2 * m] = r;
      combos[2 * m + 1] = i;
    }
    for (let i = 0; i < half; i++) {
      let m = 0;
      for (let j = 0; j < ps.length; j++) m |= ((i >> ps[j]![0]) & 1) << j;
      const br = combos[2 * m]!,
        bi = combos[2 * m + 1]!;
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
