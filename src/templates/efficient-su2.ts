import type { Entanglement } from "./entanglement.js";
import type { TemplateJSON } from "./feature-map.js";
import { TwoLocalBase, resolveTwoLocal } from "./two-local.js";
import { checkNumQubits, checkOptions } from "./template-options.js";

/** Options of {@link EfficientSU2}. */
export interface EfficientSU2Options {
  /** Repetitions; default 3 (Qiskit). */
  readonly reps?: number;
  /** Single-qubit gates of each rotation layer; default ["ry", "rz"] (Qiskit). */
  readonly su2Gates?: string | readonly string[];
  /** CX placement; default "reverse_linear" (Qiskit). */
  readonly entanglement?: Entanglement;
  /** Leave out the final rotation layer; default false. */
  readonly skipFinalRotationLayer?: boolean;
}

/**
 * Qiskit's EfficientSU2: a rotation layer (every su2 gate on every qubit: first RY on all qubits, then RZ on
 * all), then `reps` times (CX entanglement, rotation layer). With the default gates 2·n·(reps + 1) weights;
 * in layer l, `w{2·l·n + q}` is the RY and `w{2·l·n + n + q}` the RZ of qubit q.
 *
 * @example
 * ```ts
 * const a = new EfficientSU2(3, { reps: 1 });
 * a.numWeights; // 12
 * ```
 */
export class EfficientSU2 extends TwoLocalBase {
  constructor(numQubits: number, options: EfficientSU2Options = {}) {
    const where = "EfficientSU2";
    checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["reps", "su2Gates", "entanglement", "skipFinalRotationLayer"], where);
    super(
      numQubits,
      resolveTwoLocal(numQubits, o, o["su2Gates"] ?? ["ry", "rz"], ["cx"], "reverse_linear", where),
    );
  }

  toJSON(): TemplateJSON {
    return this.json("EfficientSU2", ["reps", "su2Gates", "entanglement", "skipFinalRotationLayer"]);
  }
}
