import { parity } from "../util/bits.js";
import type { PauliSum } from "../observables/pauli-sum.js";
import type { Program } from "../sim/compile.js";
import {
  type BraketPart,
  type EngineChoice,
  type StateEngine,
  createStateEngine,
  fitsWasm,
} from "../sim/engine/state-engine.js";
import { invertPlan } from "../sim/fusion/invert-plan.js";
import { planProgramInFrame } from "../sim/fusion/plan-program.js";
import type { Plan } from "../sim/fusion/plan.js";
import { accumulatePauli } from "../sim/kernels/statevector-kernels.js";
import type { AdjointSchedule, BraketTerm } from "./adjoint-schedule.js";
import type { GradientProgram } from "./gradient-program.js";

/** Default memory for checkpointed states (beyond |ψ⟩ and one λ per observable). */
export const DEFAULT_CHECKPOINT_BYTES = 256 * 2 ** 20;

/** Values (O) and Jacobian (O × P, row-major) at one binding row. */
export interface EngineJacobian {
  readonly values: Float64Array;
  readonly jacobian: Float64Array;
}

/** Options of {@link EngineAdjoint}. */
export interface EngineAdjointOptions {
  /** "wasm" (WebAssembly SIMD, the default where available) or "js" (typed arrays). */
  readonly engine?: EngineChoice;
  /** Memory for checkpointed states (default {@link DEFAULT_CHECKPOINT_BYTES}). */
  readonly checkpointBytes?: number;
}

/**
 * Adjoint differentiation on a fused engine, for one gradient program; the states live in one engine reused
 * across bindings: slot 0 is |ψ⟩, slots 1…O are λ_k = H_k|ψ⟩ swept backwards, and the rest hold |ψ⟩
 * checkpointed at braket points.
 *
 * Forward: the program runs segment by segment (split at the schedule's braket points), each a fused plan,
 * checkpointing |ψ⟩ at the points while memory allows. Backward: each λ_k undoes one segment at a time with
 * the inverted plan; |ψ⟩ at the point comes from its checkpoint (or is undone the same way where none was
 * kept); then every gate of the point's group takes its brakets 2·Im⟨λ_k|G|ψ⟩ in read-only passes. Cost:
 * one forward pass, one undo per λ, and the brakets.
 */
export class EngineAdjoint {
  private readonly engine: StateEngine;
  private readonly slotOf: Int32Array;
  private readonly groupParts: readonly GroupParts[];
  private readonly partBuffer: Float64Array;

  constructor(
    private readonly gp: GradientProgram,
    private readonly schedule: AdjointSchedule,
    private readonly observables: readonly PauliSum[],
    options: EngineAdjointOptions = {},
  ) {
    const n = schedule.program.numQubits;
    const G = schedule.groups.length;
    const choice = options.engine ?? "auto";
    const base = 1 + observables.length;
    let c = Math.min(G, Math.floor((options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES) / (16 * 2 ** n)));
    if (choice !== "js") while (c > 0 && !fitsWasm(n, "complex128", base + c)) c--;
    this.engine = createStateEngine(n, "complex128", choice, base + c);
    this.slotOf = checkpointSlots(G, c, base);
    this.groupParts = schedule.groups.map((g) => groupParts(g.gates, schedule.terms));
    this.partBuffer = new Float64Array(Math.max(0, ...this.groupParts.map((g) => g.parts.length)));
  }

  /** How many braket points keep a checkpoint of |ψ⟩ (the others undo |ψ⟩ from the point above). */
  get checkpoints(): number {
    return this.slotOf.reduce((a, s) => a + (s >= 0 ? 1 : 0), 0);
  }

  /** Values and Jacobian (over all program parameters) at binding `row[offset…]`. */
  evaluate(row: Float64Array, offset: number): EngineJacobian {
    const { gp, schedule, observables, engine: e, slotOf } = this;
    const { program } = schedule;
    const O = observables.length,
      P = gp.parameters.length;
    const groups = schedule.groups;
    const G = groups.length;
    // Segment s runs ops [bounds[s], bounds[s + 1]); bounds[s + 1] for s < G is group s's point.
    // Memory holds X^frame[s]|ψ⟩ at bound s: segments keep their rotations' lazy X flips instead of spending a
    // pass on them, and the brakets read the relabelled states with relabelled masks.
    const bounds = [0, ...groups.map((g) => g.point), program.ops.length];
    const plans: (Plan | undefined)[] = [];
    const frame = new Int32Array(bounds.length);
    for (let s = 0; s + 1 < bounds.length; s++) {
      const { plan, flips } = segmentPlan(program, bounds[s]!, bounds[s + 1]!, row, offset, frame[s]!);
      plans.push(plan);
      frame[s + 1] = flips;
    }

    e.resetToZero(0);
    for (let s = 0; s < plans.length; s++) {
      const plan = plans[s];
      if (plan) e.run(plan, 0);
      const ck = s < G ? slotOf[s]! : -1;
      if (ck >= 0) e.copy(0, ck);
    }

    const values = new Float64Array(O);
    const psi = e.state(0) as Float64Array;
    const last = frame[bounds.length - 1]!;
    observables.forEach((h, k) => {
      const lambda = e.state(1 + k) as Float64Array;
      lambda.fill(0);
      // In the frame f, H becomes X^f H X^f: each term's sign (−1)^{|f∧z|}.
      for (const t of h.terms)
        if (t.coefficient[0] !== 0) {
          const c = parity(last & t.pauli.zMask) ? -t.coefficient[0] : t.coefficient[0];
          accumulatePauli(lambda, psi, t.pauli.xMask, t.pauli.zMask, t.pauli.numY, c);
        }
      values[k] = e.braket(0, 1 + k, 0, 0, 0, 0)[0];
    });

    const jacobian = new Float64Array(O * P);
    let psiSlot = 0;
    for (let s = G; s >= 1; s--) {
      // Undo segment s (back to group s − 1's point) on every λ, and on |ψ⟩ where no checkpoint was kept.
      const plan = plans[s];
      const undo = plan ? invertPlan(plan) : undefined;
      if (undo) for (let k = 0; k < O; k++) e.run(undo, 1 + k);
      const ck = slotOf[s - 1]!;
      if (ck >= 0) psiSlot = ck;
      else {
        if (psiSlot !== 0) e.copy(psiSlot, 0);
        if (undo) e.run(undo, 0);
        psiSlot = 0;
      }
      const { parts, weights, owners } = this.groupParts[s - 1]!;
      const f = frame[s]!;
      const inFrame =
        f === 0 ? parts : parts.map((t) => ({ ...t, ctrlValue: t.ctrlValue ^ (f & t.ctrlMask) }));
      for (let k = 0; k < O; k++) {
        e.braketParts(1 + k, psiSlot, inFrame, this.partBuffer);
        for (let i = 0; i < parts.length; i++) {
          // d⟨H⟩/dθ = 2·Im⟨λ|G|ψ⟩, G = Σ coef · i^numY X^x Z^z; the frame adds (−1)^{|f∧z|}.
          const sign = parity(f & parts[i]!.z) ? -1 : 1;
          const dAngle = 2 * sign * weights[i]! * this.partBuffer[i]!;
          const angle = gp.paramGates[owners[i]!]!.gate.angles[0]!;
          for (let j = 0; j < angle.index.length; j++) {
            const at = k * P + angle.index[j]!;
            jacobian[at] = jacobian[at]! + angle.coef[j]! * dAngle;
          }
        }
      }
    }
    return { values, jacobian };
  }

  /** Lets go of the engine's threads or other resources. */
  dispose(): void {
    this.engine.dispose?.();
  }
}

/** A group's brakets as one list: Im(i^numY S) is ±Im S or ±Re S, so each term needs only one part. */
interface GroupParts {
  readonly parts: readonly BraketPart[];
  /** coef · (±1) per part. */
  readonly weights: Float64Array;
  /** The parameterised gate each part belongs to. */
  readonly owners: Int32Array;
}

function groupParts(gates: readonly number[], terms: readonly (readonly BraketTerm[])[]): GroupParts {
  const parts: BraketPart[] = [];
  const weights: number[] = [];
  const owners: number[] = [];
  for (const g of gates)
    for (const t of terms[g]!) {
      const ny = t.numY & 3;
      parts.push({ x: t.x, z: t.z, ctrlMask: t.ctrlMask, ctrlValue: t.ctrlValue, imag: ny % 2 === 0 });
      weights.push(ny === 0 || ny === 1 ? t.coef : -t.coef);
      owners.push(g);
    }
  return { parts, weights: Float64Array.from(weights), owners: Int32Array.from(owners) };
}

/** The fused plan of ops [from, to) in the relabelled frame `flips` (no plan when the range is empty). */
function segmentPlan(
  program: Program,
  from: number,
  to: number,
  row: Float64Array,
  offset: number,
  flips: number,
): { plan: Plan | undefined; flips: number } {
  if (to <= from) return { plan: undefined, flips };
  return planProgramInFrame({ ...program, ops: program.ops.slice(from, to) }, row, offset, flips);
}

/**
 * Which slot checkpoints each of G points (−1: none): all of them when there are enough slots, else an evenly
 * spread subset (the rest are reached by undoing |ψ⟩).
 */
function checkpointSlots(G: number, available: number, firstSlot: number): Int32Array {
  const out = new Int32Array(G).fill(-1);
  if (available >= G) {
    for (let i = 0; i < G; i++) out[i] = firstSlot + i;
    return out;
  }
  for (let j = 0; j < available; j++) out[Math.floor(((j + 1) * G) / available) - 1] = firstSlot + j;
  return out;
}
