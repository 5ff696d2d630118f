import type { TemplateJSON } from "./feature-map.js";
import { PauliMapBase, resolveSettings } from "./pauli-feature-map.js";
import { checkNumQubits, checkOptions } from "./template-options.js";

/** Options of {@link ZFeatureMap}. */
export interface ZFeatureMapOptions {
  /** Repetitions; default 2 (Qiskit). */
  readonly reps?: number;
  /** Angle multiplier α; default 2. */
  readonly alpha?: number;
  /** Feature scaling b: the map encodes b·x; default 1. */
  readonly bandwidth?: number;
}

/**
 * Qiskit's ZFeatureMap, the {@link PauliFeatureMap} with the single word Z: each repetition is H on every
 * qubit then P(α·b·x_i) on qubit i (P(2·x_i) with the defaults). No entanglement, no derived inputs.
 *
 * @example
 * ```ts
 * const fm = new ZFeatureMap(3, { reps: 2 });
 * fm.inputNames; // ["x0", "x1", "x2"]
 * ```
 */
export class ZFeatureMap extends PauliMapBase {
  constructor(numQubits: number, options: ZFeatureMapOptions = {}) {
    const where = "ZFeatureMap";
    checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["reps", "alpha", "bandwidth"], where);
    super(numQubits, resolveSettings(numQubits, o, ["Z"], where));
  }

  toJSON(): TemplateJSON {
    return this.json("ZFeatureMap", ["reps", "alpha", "bandwidth"]);
  }
}
