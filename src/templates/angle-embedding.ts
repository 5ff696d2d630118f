import { check } from "../util/errors.js";
import { Circuit } from "../circuit/circuit.js";
import { FormulaFeatureMap, type InputFormula, type TemplateJSON, featureName } from "./feature-map.js";
import { checkNumQubits, checkOptions, enumOption, intOption } from "./template-options.js";

/** Rotation axis of {@link AngleEmbedding}. */
export type RotationAxis = "X" | "Y" | "Z";

/** Options of {@link AngleEmbedding}. */
export interface AngleEmbeddingOptions {
  /** The rotation axis; default "X" (PennyLane). */
  readonly rotation?: RotationAxis;
  /** Features per row, at most the number of qubits; default: one per qubit. */
  readonly numFeatures?: number;
}

/**
 * PennyLane's AngleEmbedding: feature i is the angle of one rotation R_axis(x_i) on qubit i, and nothing
 * else — no Hadamard first, so with rotation "Z" on |0⟩ the state only gains a phase (put an H layer in
 * front, or use {@link ZFeatureMap}, for a Z encoding that shows in measurements). With fewer features
 * than qubits the remaining qubits are left alone, as in PennyLane. Inputs are the raw features `x{i}`.
 *
 * @example
 * ```ts
 * const fm = new AngleEmbedding(2, { rotation: "Y" });
 * fm.circuit.countOps();  // { ry: 2 }
 * fm.encode([0.3, 0.7]);  // { x0: 0.3, x1: 0.7 }
 * ```
 */
export class AngleEmbedding extends FormulaFeatureMap {
  readonly rotation: RotationAxis;

  constructor(numQubits: number, options: AngleEmbeddingOptions = {}) {
    const where = "AngleEmbedding";
    checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["rotation", "numFeatures"], where);
    const rotation = enumOption(o["rotation"], "rotation", ["X", "Y", "Z"] as const, "X", where);
    const numFeatures = intOption(o["numFeatures"], "numFeatures", numQubits, 1, where);
    check(
      numFeatures <= numQubits,
      `${where}: ${numFeatures} features need at least ${numFeatures} qubits, got ${numQubits} (one rotation per feature)`,
    );
    let c = new Circuit(numQubits);
    const formulas = new Map<string, InputFormula>();
    for (let i = 0; i < numFeatures; i++) {
      c = c.gate(`r${rotation.toLowerCase()}`, [i], [featureName(i)]);
      formulas.set(featureName(i), (x) => x[i]!);
    }
    super(numQubits, numFeatures, c, formulas);
    this.rotation = rotation;
  }

  toJSON(): TemplateJSON {
    return {
      type: "AngleEmbedding",
      numQubits: this.numQubits,
      options: { rotation: this.rotation, numFeatures: this.numFeatures },
    };
  }
}
