import type { Entanglement } from "./entanglement.js";
import type { TemplateJSON } from "./feature-map.js";
import { TwoLocalBase, resolveTwoLocal } from "./two-local.js";
import { checkNumQubits, checkOptions } from "./template-options.js";

/** Options of {@link RealAmplitudes}. */
export interface RealAmplitudesOptions {
  /** Repetitions; default 3 (Qiskit). */
  readonly reps?: number;
  /** CX placement; default "reverse_linear" (Qiskit ≥ 0.21; it equals "full" as an operator, with n − 1 CX). */
  readonly entanglement?: Entanglement;
  /** Leave out the final RY layer; default false. */
  readonly skipFinalRotationLayer?: boolean;
}

/**
 * Qiskit's RealAmplitudes: an RY layer, then `reps` times (CX entanglement, RY layer). Real amplitudes only
 * (RY and CX are real). n·(reps + 1) weights; weight `w{l·n + q}` is the RY of layer l on qubit q.
 *
 * @example
 * ```ts
 * const a = new RealAmplitudes(4, { reps: 2 });
 * a.numWeights;           // 12
 * a.circuit.countOps();   // { ry: 12, cx: 6 }
 * ```
 */
export class RealAmplitudes extends TwoLocalBase {
  constructor(numQubits: number, options: RealAmplitudesOptions = {}) {
    const where = "RealAmplitudes";
    checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["reps", "entanglement", "skipFinalRotationLayer"], where);
    super(numQubits, resolveTwoLocal(numQubits, o, ["ry"], ["cx"], "reverse_linear", where));
  }

  toJSON(): TemplateJSON {
    return this.json("RealAmplitudes", ["reps", "entanglement", "skipFinalRotationLayer"]);
  }
}
