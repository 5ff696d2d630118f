import { check } from "../util/errors.js";
import { Circuit } from "../circuit/circuit.js";
import { ParamExpr } from "../circuit/param-expr.js";
import { type Entanglement, checkEntanglement, entanglerMap, entanglementToJSON } from "./entanglement.js";
import {
  FormulaFeatureMap,
  type InputFormula,
  type TemplateJSON,
  featureName,
  productName,
} from "./feature-map.js";
import { checkNumQubits, checkOptions, intOption, numberOption } from "./template-options.js";

/** Options of {@link PauliFeatureMap}. */
export interface PauliFeatureMapOptions {
  /** Repetitions of (Hadamard layer + evolutions); default 2 (Qiskit). */
  readonly reps?: number;
  /**
   * Pauli words, each of I/X/Y/Z (case-insensitive); default `["Z", "ZZ"]` (`["Z"]` on one qubit). The LAST
   * letter acts on the FIRST qubit of an index set (Qiskit's little-endian labels): "XZ" on [0, 1] is Z₀X₁.
   */
  readonly paulis?: readonly string[];
  /** Index sets for the multi-qubit words; default "full". Single-qubit words act on every qubit. */
  readonly entanglement?: Entanglement;
  /** Angle multiplier α; default 2, so a single Z word is P(2·x). */
  readonly alpha?: number;
  /** Feature scaling b (Shaydulin & Wild 2022): the map encodes b·x instead of x; default 1. */
  readonly bandwidth?: number;
}

/** Options shared by the maps built on Pauli evolutions, resolved (see {@link PauliFeatureMapOptions}). */
export interface PauliMapSettings {
  readonly reps: number;
  readonly paulis: readonly string[];
  readonly entanglement: Entanglement;
  readonly alpha: number;
  readonly bandwidth: number;
}

/**
 * Shared construction of {@link PauliFeatureMap}, {@link ZZFeatureMap} and {@link ZFeatureMap} (Havlíček
 * et al. 2019; Qiskit's `pauli_feature_map`). Each repetition is a Hadamard on every qubit, then for each
 * Pauli word P and each index set S of its size, the evolution exp(−i·(α·φ_S/2)·P_S) (up to a global phase),
 * built as: basis change (H for X, √X for Y), CX ladder CX(S₀,S₁)…CX(S_{k−2},S_{k−1}), P(α·φ_S) on the last
 * qubit of S, the ladder undone, the basis change undone. The data map is Qiskit's default:
 * φ_{i} = x_i and φ_S = Π_{k∈S}(π − x_k) for |S| > 1, with x scaled by the bandwidth first.
 *
 * Input parameters: `x{i}` holds the raw feature i (bandwidth and α enter the circuit as coefficients);
 * a product φ_S over several features is a derived input named `x{i}_x{j}…` (indices sorted) whose value
 * `encode` computes as Π(π − b·x_k).
 *
 * @example
 * ```ts
 * const fm: PauliMapBase = new ZZFeatureMap(3);
 * fm.paulis; // ["Z", "ZZ"]
 * ```
 */
export abstract class PauliMapBase extends FormulaFeatureMap {
  readonly reps: number;
  readonly paulis: readonly string[];
  readonly entanglement: Entanglement;
  readonly alpha: number;
  readonly bandwidth: number;

  protected constructor(numQubits: number, settings: PauliMapSettings) {
    const { circuit, formulas } = buildPauliMap(numQubits, settings);
    super(numQubits, numQubits, circuit, formulas);
    this.reps = settings.reps;
    this.paulis = settings.paulis;
    this.entanglement = settings.entanglement;
    this.alpha = settings.alpha;
    this.bandwidth = settings.bandwidth;
  }

  protected json(type: string, keys: readonly (keyof PauliMapSettings)[]): TemplateJSON {
    const all: Record<keyof PauliMapSettings, unknown> = {
      reps: this.reps,
      paulis: [...this.paulis],
      entanglement: entanglementToJSON(this.entanglement),
      alpha: this.alpha,
      bandwidth: this.bandwidth,
    };
    return { type, numQubits: this.numQubits, options: Object.fromEntries(keys.map((k) => [k, all[k]])) };
  }
}

/**
 * Qiskit's PauliFeatureMap: Hadamards, then Pauli-word evolutions with angles from the data, repeated.
 * See {@link PauliMapBase} for the exact gates and input parameters.
 *
 * @example
 * ```ts
 * const fm = new PauliFeatureMap(3, { paulis: ["Z", "XX"], reps: 1, entanglement: "linear" });
 * fm.inputNames; // ["x0", "x1", "x2", "x0_x1", "x1_x2"]
 * const bindings = fm.encodeBatch([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]);
 * new StateVectorSimulator().statevectors(fm.circuit, bindings);
 * ```
 */
export class PauliFeatureMap extends PauliMapBase {
  constructor(numQubits: number, options: PauliFeatureMapOptions = {}) {
    const where = "PauliFeatureMap";
    checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["reps", "paulis", "entanglement", "alpha", "bandwidth"], where);
    super(
      numQubits,
      resolveSettings(numQubits, o, o["paulis"] ?? (numQubits === 1 ? ["Z"] : ["Z", "ZZ"]), where),
    );
  }

  toJSON(): TemplateJSON {
    return this.json("PauliFeatureMap", ["reps", "paulis", "entanglement", "alpha", "bandwidth"]);
  }
}

/** Validates the shared options; `paulis` is passed in because the subclasses fix it. */
export function resolveSettings(
  numQubits: number,
  o: Readonly<Record<string, unknown>>,
  paulis: unknown,
  where: string,
): PauliMapSettings {
  const words = checkPaulis(paulis, numQubits, where);
  const sizes = [...new Set(words.map((w) => w.length).filter((k) => k > 1))];
  return {
    reps: intOption(o["reps"], "reps", 2, 1, where),
    paulis: words,
    entanglement: checkEntanglement(o["entanglement"] ?? "full", numQubits, sizes, where),
    alpha: numberOption(o["alpha"], "alpha", 2, where),
    bandwidth: numberOption(o["bandwidth"], "bandwidth", 1, where, true),
  };
}

function checkPaulis(value: unknown, numQubits: number, where: string): readonly string[] {
  check(
    Array.isArray(value) && value.length > 0,
    `${where}: paulis must be a non-empty list of Pauli words such as ["Z", "ZZ"]`,
  );
  return Object.freeze(
    value.map((w: unknown) => {
      check(
        typeof w === "string" && /^[IXYZixyz]+$/.test(w),
        `${where}: "${String(w)}" is not a Pauli word (letters I, X, Y, Z)`,
      );
      check(
        w.length <= numQubits,
        `${where}: the Pauli word "${w}" acts on ${w.length} qubits but the map has only ${numQubits}`,
      );
      return w.toUpperCase();
    }),
  );
}

function buildPauliMap(
  n: number,
  s: PauliMapSettings,
): { circuit: Circuit; formulas: Map<string, InputFormula> } {
  const formulas = new Map<string, InputFormula>();
  const b = s.bandwidth;
  let c = new Circuit(n);
  for (let rep = 0; rep < s.reps; rep++) {
    for (let q = 0; q < n; q++) c = c.h(q);
    for (const word of s.paulis) {
      const k = word.length;
      const sets =
        k === 1 && typeof s.entanglement !== "string"
          ? Array.from({ length: n }, (_, q) => [q])
          : entanglerMap(n, k, s.entanglement, rep);
      for (const set of sets) {
        let angle: ParamExpr;
        if (k === 1) {
          const i = set[0]!;
          angle = ParamExpr.symbol(featureName(i), s.alpha * b);
          formulas.set(featureName(i), (x) => x[i]!);
        } else {
          const name = productName(set);
          angle = ParamExpr.symbol(name, s.alpha);
          formulas.set(name, (x) => set.reduce((acc, i) => acc * (Math.PI - b * x[i]!), 1));
        }
        c = appendPauliEvolution(c, word, set, angle);
      }
    }
  }
  return { circuit: c, formulas };
}

/**
 * Appends Qiskit's evolution block for a Pauli word on the index set `set` (last letter ↔ set[0]): basis
 * change, CX ladder, P(angle) on the last active qubit, ladder and basis change undone. It equals
 * exp(−i·angle/2·P) up to the global phase e^{i·angle/2}.
 *
 * @example
 * ```ts
 * // exp(−i·t/2·X₀Z₁) up to phase: H on 0, CX(0, 1), P(t) on 1, CX(0, 1), H on 0
 * appendPauliEvolution(new Circuit(2), "ZX", [0, 1], ParamExpr.symbol("t"));
 * ```
 */
export function appendPauliEvolution(
  c: Circuit,
  word: string,
  set: readonly number[],
  angle: ParamExpr,
): Circuit {
  // Pair letters with qubits as Qiskit does: word[0] ↔ set[k−1], …, word[k−1] ↔ set[0]; drop identities.
  const active: [string, number][] = [];
  for (let j = 0; j < word.length; j++)
    if (word[j] !== "I") active.push([word[j]!, set[word.length - 1 - j]!]);
  if (active.length === 0) return c;
  const basis = (inverse: boolean): void => {
    for (const [p, q] of active) {
      if (p === "X") c = c.h(q);
      else if (p === "Y") c = inverse ? c.sxdg(q) : c.sx(q);
    }
  };
  basis(false);
  for (let i = active.length - 2; i >= 0; i--) c = c.cx(active[i + 1]![1], active[i]![1]);
  c = c.p(angle, active[0]![1]);
  for (let i = 0; i < active.length - 1; i++) c = c.cx(active[i + 1]![1], active[i]![1]);
  basis(true);
  return c;
}
