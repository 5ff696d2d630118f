import { QforgeError } from "../util/errors.js";
import type { Circuit } from "../circuit/circuit.js";

/**
 * The saved form of a template: its registry name, qubit count and fully resolved options (defaults filled
 * in), so that {@link featureMapFromJSON} / {@link ansatzFromJSON} rebuild the identical circuit even if a
 * default changes later.
 */
export interface TemplateJSON {
  readonly type: string;
  readonly numQubits: number;
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * A data encoding. Its circuit is symbolic in the map's *input parameters* so one circuit serves a whole
 * batch; {@link FeatureMap.encode} turns a raw feature row into values for those parameters. Inputs that
 * are not affine in the features (such as ZZFeatureMap's (π − x₀)(π − x₁)) are *derived features*: they get
 * a parameter name of their own (`x0_x1`) and `encode` computes them.
 *
 * @example
 * ```ts
 * const fm = new ZZFeatureMap(2, { reps: 1 });
 * fm.inputNames;            // ["x0", "x1", "x0_x1"]
 * fm.encode([0.1, 0.2]);    // { x0: 0.1, x1: 0.2, x0_x1: (π − 0.1)(π − 0.2) }
 * sim.statevectors(fm.circuit, fm.encodeBatch(X)); // one state per row of X
 * ```
 */
export interface FeatureMap {
  readonly numQubits: number;
  /** Length of a raw feature row. */
  readonly numFeatures: number;
  /** The encoding circuit, symbolic in {@link FeatureMap.inputNames}. */
  readonly circuit: Circuit;
  /** The circuit parameters this map owns, in the column order of {@link FeatureMap.encodeBatch}. */
  readonly inputNames: readonly string[];
  /** Parameter values for one raw feature row. */
  encode(x: ArrayLike<number>): Record<string, number>;
  /** A (batch × inputNames.length) row-major matrix of parameter values, columns aligned with `inputNames`. */
  encodeBatch(X: ReadonlyArray<ArrayLike<number>>): Float64Array;
  toJSON(): TemplateJSON;
}

/**
 * Shared machinery of the built-in feature maps: row validation, `encode` and `encodeBatch`. A subclass
 * builds its circuit and implements {@link FeatureMapBase.fill}, which writes one row of input values.
 *
 * @example
 * ```ts
 * class SumMap extends FeatureMapBase {
 *   constructor() { super(1, 2, new Circuit(1).ry("s", 0)); }
 *   protected fill(x: ArrayLike<number>, out: Float64Array, offset: number) { out[offset] = x[0]! + x[1]!; }
 *   toJSON() { return { type: "SumMap", numQubits: 1, options: {} }; }
 * }
 * new SumMap().encode([1, 2]); // { s: 3 }
 * ```
 */
export abstract class FeatureMapBase implements FeatureMap {
  readonly numQubits: number;
  readonly numFeatures: number;
  readonly circuit: Circuit;
  readonly inputNames: readonly string[];

  protected constructor(
    numQubits: number,
    numFeatures: number,
    circuit: Circuit,
    inputNames: readonly string[] = circuit.parameters,
  ) {
    this.numQubits = numQubits;
    this.numFeatures = numFeatures;
    this.circuit = circuit;
    this.inputNames = Object.freeze([...inputNames]);
  }

  encode(x: ArrayLike<number>): Record<string, number> {
    this.checkRow(x, "");
    const row = new Float64Array(this.inputNames.length);
    this.fill(x, row, 0);
    const out: Record<string, number> = {};
    this.inputNames.forEach((name, j) => (out[name] = row[j]!));
    return out;
  }

  encodeBatch(X: ReadonlyArray<ArrayLike<number>>): Float64Array {
    if (!Array.isArray(X))
      throw new QforgeError("INVALID_DATA", "encodeBatch takes an array of feature rows");
    const P = this.inputNames.length;
    const out = new Float64Array(X.length * P);
    X.forEach((x, b) => {
      this.checkRow(x, `row ${b}: `);
      this.fill(x, out, b * P);
    });
    return out;
  }

  abstract toJSON(): TemplateJSON;

  /** Writes the input values for the (already checked) row `x` into `out[offset … offset + P)`. */
  protected abstract fill(x: ArrayLike<number>, out: Float64Array, offset: number): void;

  /** Checks a raw row: an array-like of `numFeatures` finite numbers. `where` prefixes messages ("row 3: "). */
  protected checkRow(x: ArrayLike<number>, where: string): void {
    checkFeatureRow(x, this.numFeatures, where);
  }
}

/**
 * Checks that `x` holds exactly `expected` finite numbers: INVALID_DATA for a wrong length or a non-number,
 * NON_FINITE (naming the index) for NaN or ±Infinity.
 *
 * @example
 * ```ts
 * checkFeatureRow([1, 2, 3], 4, ""); // throws "expected 4 features, got 3"
 * ```
 */
export function checkFeatureRow(x: ArrayLike<number>, expected: number, where: string): void {
  if (typeof x !== "object" || x === null || typeof x.length !== "number")
    throw new QforgeError("INVALID_DATA", `${where}features must be an array of numbers, got ${String(x)}`);
  if (x.length !== expected)
    throw new QforgeError("INVALID_DATA", `${where}expected ${expected} features, got ${x.length}`);
  for (let i = 0; i < expected; i++) {
    const v = x[i];
    if (typeof v !== "number")
      throw new QforgeError("INVALID_DATA", `${where}feature ${i} is ${String(v)}, not a number`);
    if (!Number.isFinite(v))
      throw new QforgeError("NON_FINITE", `${where}feature ${i} is ${v}; features must be finite numbers`);
  }
}

/** How one input parameter is computed from a raw feature row. */
export type InputFormula = (x: ArrayLike<number>) => number;

/**
 * A feature map whose every input parameter has its own formula (raw feature, or a product of features).
 * The formulas are ordered by the circuit's parameters, so `encodeBatch` columns follow `circuit.parameters`.
 *
 * @example
 * ```ts
 * class ProductMap extends FormulaFeatureMap {
 *   constructor() {
 *     super(1, 2, new Circuit(1).rx("x0_x1", 0), new Map([["x0_x1", (x: ArrayLike<number>) => x[0]! * x[1]!]]));
 *   }
 *   toJSON() { return { type: "ProductMap", numQubits: 1, options: {} }; }
 * }
 * new ProductMap().encodeBatch([[2, 3], [4, 5]]); // Float64Array [6, 20]
 * ```
 */
export abstract class FormulaFeatureMap extends FeatureMapBase {
  private readonly formulas: readonly InputFormula[];

  protected constructor(
    numQubits: number,
    numFeatures: number,
    circuit: Circuit,
    formulas: ReadonlyMap<string, InputFormula>,
    inputNames?: readonly string[],
  ) {
    super(numQubits, numFeatures, circuit, inputNames ?? circuit.parameters);
    this.formulas = this.inputNames.map((name) => {
      const f = formulas.get(name);
      if (!f) throw new QforgeError("INVALID_ARGUMENT", `internal: no formula for input parameter "${name}"`);
      return f;
    });
  }

  protected fill(x: ArrayLike<number>, out: Float64Array, offset: number): void {
    for (let j = 0; j < this.formulas.length; j++) out[offset + j] = this.formulas[j]!(x);
  }
}

/**
 * The name of the input parameter holding raw feature `i`: `x{i}`.
 *
 * @example
 * ```ts
 * featureName(3); // "x3"
 * ```
 */
export function featureName(i: number): string {
  return `x${i}`;
}

/**
 * The name of a derived input over several features, indices sorted.
 *
 * @example
 * ```ts
 * productName([3, 0]); // "x0_x3"
 * ```
 */
export function productName(indices: readonly number[]): string {
  return [...indices]
    .sort((a, b) => a - b)
    .map(featureName)
    .join("_");
}
