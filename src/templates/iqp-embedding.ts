import { Circuit } from "../circuit/circuit.js";
import { ParamExpr } from "../circuit/param-expr.js";
import { type Entanglement, checkEntanglement, entanglerMap } from "./entanglement.js";
import {
  FormulaFeatureMap,
  type InputFormula,
  type TemplateJSON,
  featureName,
  productName,
} from "./feature-map.js";
import { checkNumQubits, checkOptions, intOption, numberOption } from "./template-options.js";

/** Options of {@link IQPEmbedding}. */
export interface IQPEmbeddingOptions {
  /** Repetitions of the block; default 1 (PennyLane's n_repeats). */
  readonly reps?: number;
  /**
   * The qubit pairs that get a ZZ term, as a list of pairs or a strategy name; default "full": all pairs
   * i < j in lexicographic order (PennyLane).
   */
  readonly pattern?: Entanglement;
  /** Feature scaling b: the map encodes b·x; default 1. */
  readonly bandwidth?: number;
}

/**
 * PennyLane's IQPEmbedding (Havlíček et al. 2019): each repetition applies H then RZ(b·x_i) on every qubit i,
 * then for each pair (i, j) of the pattern MultiRZ(x_i·x_j) = RZZ(x_i·x_j) = exp(−i·x_i·x_j/2·Z_iZ_j).
 * The pair products are derived inputs named `x{i}_x{j}` whose value is (b·x_i)(b·x_j); `x{i}` holds the
 * raw feature (b is a circuit coefficient). One feature per qubit.
 *
 * @example
 * ```ts
 * const fm = new IQPEmbedding(3);
 * fm.inputNames;             // ["x0", "x1", "x2", "x0_x1", "x0_x2", "x1_x2"]
 * fm.encode([1, 2, 3]).x1_x2; // 6
 * ```
 */
export class IQPEmbedding extends FormulaFeatureMap {
  readonly reps: number;
  readonly pattern: readonly (readonly number[])[];
  readonly bandwidth: number;

  constructor(numQubits: number, options: IQPEmbeddingOptions = {}) {
    const where = "IQPEmbedding";
    checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["reps", "pattern", "bandwidth"], where);
    const reps = intOption(o["reps"], "reps", 1, 1, where);
    const bandwidth = numberOption(o["bandwidth"], "bandwidth", 1, where, true);
    const spec = o["pattern"] === undefined ? "full" : checkEntanglement(o["pattern"], numQubits, [2], where);
    const pattern = Object.freeze(entanglerMap(numQubits, 2, spec).map((p) => Object.freeze(p)));
    let c = new Circuit(numQubits);
    const formulas = new Map<string, InputFormula>();
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < numQubits; i++) {
        c = c.h(i).rz(ParamExpr.symbol(featureName(i), bandwidth), i);
        formulas.set(featureName(i), (x) => x[i]!);
      }
      for (const [i, j] of pattern as readonly (readonly [number, number])[]) {
        const name = productName([i, j]);
        c = c.rzz(name, i, j);
        formulas.set(name, (x) => bandwidth * x[i]! * bandwidth * x[j]!);
      }
    }
    super(numQubits, numQubits, c, formulas);
    this.reps = reps;
    this.pattern = pattern;
    this.bandwidth = bandwidth;
  }

  toJSON(): TemplateJSON {
    return {
      type: "IQPEmbedding",
      numQubits: this.numQubits,
      options: { reps: this.reps, pattern: this.pattern.map((p) => [...p]), bandwidth: this.bandwidth },
    };
  }
}
