import type { Entanglement } from "./entanglement.js";
import type { TemplateJSON } from "./feature-map.js";
import { PauliMapBase, resolveSettings } from "./pauli-feature-map.js";
import { checkNumQubits, checkOptions } from "./template-options.js";

/** Options of {@link ZZFeatureMap}. */
export interface ZZFeatureMapOptions {
  /** Repetitions; default 2 (Qiskit). */
  readonly reps?: number;
  /** Which pairs get a ZZ term; default "full" (all pairs i < j). */
  readonly entanglement?: Entanglement;
  /** Angle multiplier α; default 2. */
  readonly alpha?: number;
  /** Feature scaling b: the map encodes b·x; default 1. */
  readonly bandwidth?: number;
}

/**
 * Qiskit's ZZFeatureMap (Havlíček et al. 2019), the {@link PauliFeatureMap} with words Z and ZZ. Each
 * repetition: H on every qubit; P(α·b·x_i) on qubit i; then for each pair (i, j) of the entanglement,
 * CX(i, j) · P(α·φ_ij) on j · CX(i, j) with φ_ij = (π − b·x_i)(π − b·x_j). With the defaults (α = 2, b = 1)
 * that is P(2·x_i) and P(2·(π − x_i)(π − x_j)). Pair terms are derived inputs named `x{i}_x{j}`.
 * Needs at least 2 qubits, as in Qiskit.
 *
 * @example
 * ```ts
 * const fm = new ZZFeatureMap(2, { reps: 1 });
 * fm.inputNames;         // ["x0", "x1", "x0_x1"]
 * fm.encode([0.5, 1]);   // { x0: 0.5, x1: 1, x0_x1: (π − 0.5)(π − 1) }
 * ```
 */
export class ZZFeatureMap extends PauliMapBase {
  constructor(numQubits: number, options: ZZFeatureMapOptions = {}) {
    const where = "ZZFeatureMap";
    checkNumQubits(numQubits, where, 2);
    const o = checkOptions(options, ["reps", "entanglement", "alpha", "bandwidth"], where);
    super(numQubits, resolveSettings(numQubits, o, ["Z", "ZZ"], where));
  }

  toJSON(): TemplateJSON {
    return this.json("ZZFeatureMap", ["reps", "entanglement", "alpha", "bandwidth"]);
  }
}
