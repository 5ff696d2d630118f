import { parity } from "../util/bits.js";
import type { ObservableTerms } from "../sim/batch.js";
import {
  type BraketPart,
  type EngineChoice,
  type StateEngine,
  createStateEngine,
  fitsWasm,
} from "../sim/engine/state-engine.js";
import { invertPlan } from "../sim/fusion/invert-plan.js";
import { type PlanFrame, planProgramInFrame } from "../sim/fusion/plan-program.js";
import type { Plan } from "../sim/fusion/plan.js";
import { accumulatePauli } from "../sim/kernels/statevector-kernels.js";
import type { AdjointSchedule, BraketTerm } from "./adjoint-schedule.js";
import { type GradientProgram, addChainRule } from "./gradient-program.js";

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
  private readonly groupTerms: readonly (readonly BraketTerm[])[];
  private readonly groupOwners: readonly Int32Array[];
  private readonly partBuffer: Float64Array;

  constructor(
    private readonly gp: GradientProgram,
    private readonly schedule: AdjointSchedule,
    private readonly observables: readonly ObservableTerms[],
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
    this.groupTerms = schedule.groups.map((g) => g.gates.flatMap((i) => schedule.terms[i]!));
    this.groupOwners = schedule.groups.map((g) =>
      Int32Array.from(g.gates.flatMap((i) => schedule.terms[i]!.map(() => i))),
    );
    this.partBuffer = new Float64Array(Math.max(0, ...this.groupTerms.map((t) => t.length)));
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
    const plans: Plan[] = [];
    const frames: PlanFrame[] = [{ flips: 0, phases: undefined }];
    for (let s = 0; s + 1 < bounds.length; s++) {
      // The last segment settles the owed phases (λ = H|ψ⟩ is formed in a flips-only frame).
      const ops = program.ops.slice(bounds[s]!, bounds[s + 1]!);
      const r = planProgramInFrame({ ...program, ops }, row, offset, frames[s]!, s < G);
      plans.push(r.plan);
      frames.push(r.frame);
    }

    e.resetToZero(0);
    for (let s = 0; s < plans.length; s++) {
      e.run(plans[s]!, 0);
      const ck = s < G ? slotOf[s]! : -1;
      if (ck >= 0) e.copy(0, ck);
    }

    const values = new Float64Array(O);
    const psi = e.state(0) as Float64Array;
    const last = frames[bounds.length - 1]!.flips;
    observables.forEach(({ terms }, k) => {
      const lambda = e.state(1 + k) as Float64Array;
      lambda.fill(0);
      // Terms are (x, z, #Y, coefficient); in the frame f, H becomes X^f H X^f: signs (−1)^{|f∧z|}.
      for (let t = 0; t < terms.length; t += 4) {
        const x = terms[t]!,
          z = terms[t + 1]!,
          c = terms[t + 3]!;
        accumulatePauli(lambda, psi, x, z, terms[t + 2]!, parity(last & z) ? -c : c);
      }
      values[k] = e.braket(0, 1 + k, 0, 0, 0, 0)[0];
    });

    const jacobian = new Float64Array(O * P);
    let psiSlot = 0;
    for (let s = G; s >= 1; s--) {
      // Undo segment s (back to group s − 1's point) on every λ, and on |ψ⟩ where no checkpoint was kept.
      const undo = invertPlan(plans[s]!);
      for (let k = 0; k < O; k++) e.run(undo, 1 + k);
      const ck = slotOf[s - 1]!;
      if (ck >= 0) psiSlot = ck;
      else {
        if (psiSlot !== 0) e.copy(psiSlot, 0);
        e.run(undo, 0);
        psiSlot = 0;
      }
      const { parts, weights } = partsInFrame(this.groupTerms[s - 1]!, frames[s]!);
      const owners = this.groupOwners[s - 1]!;
      for (let k = 0; k < O; k++) {
        e.braketParts(1 + k, psiSlot, parts, this.partBuffer);
        for (let i = 0; i < parts.length; i++) {
          // d⟨H⟩/dθ = 2·Im⟨λ|G|ψ⟩, G = Σ coef · i^numY X^x Z^z (rewritten for the frame).
          const dAngle = 2 * weights[i]! * this.partBuffer[i]!;
          addChainRule(jacobian, k * P, gp.paramGates[owners[i]!]!.gate.angles[0]!, dAngle);
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

/**
 * A group's Pauli terms as the brakets to take on the states in memory, which hold D·X^F|·⟩ (see PlanFrame):
 * ⟨λ|P|ψ⟩ = ⟨λ_m|X^F D†PD X^F|ψ_m⟩. D = diag(a, b) with b/a = r = ±i turns X_q into −Im(r)·i·X_q Z_q; X^F
 * flips the sign by (−1)^{|F∧z|} and the control values by F. Im(coef · i^numY · S) is then ±Im S or ±Re S,
 * so each term needs one part.
 */
function partsInFrame(
  terms: readonly BraketTerm[],
  frame: PlanFrame,
): { parts: BraketPart[]; weights: Float64Array } {
  const parts: BraketPart[] = [];
  const weights = new Float64Array(terms.length);
  const ph = frame.phases;
  terms.forEach((t, i) => {
    let z = t.z,
      numY = t.numY,
      sign = 1;
    if (ph)
      for (let m = t.x, q = 0; m !== 0; q++, m >>>= 1) {
        if (!(m & 1)) continue;
        // Im(conj(a)·b) for qubit q: 0 where no phase is owed.
        const ri = ph[4 * q + 3]! * ph[4 * q]! - ph[4 * q + 2]! * ph[4 * q + 1]!;
        if (ri === 0) continue;
        z ^= 1 << q;
        numY++;
        sign *= -Math.sign(ri);
      }
    if (parity(frame.flips & z)) sign = -sign;
    const ny = numY & 3;
    parts.push({
      x: t.x,
      z,
      ctrlMask: t.ctrlMask,
      ctrlValue: t.ctrlValue ^ (frame.flips & t.ctrlMask),
      imag: ny % 2 === 0,
    });
    weights[i] = sign * (ny === 0 || ny === 1 ? t.coef : -t.coef);
  });
  return { parts, weights };
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
