import { Circuit } from "../circuit/circuit.js";
import { type Ansatz, WeightCounter } from "./ansatz.js";
import { cnotRing } from "./basic-entangler-layers.js";
import { FormulaFeatureMap, type InputFormula, type TemplateJSON, featureName } from "./feature-map.js";
import { checkNumQubits, checkOptions, intOption } from "./template-options.js";

/** Options of {@link DataReuploadingLayers}. */
export interface DataReuploadingLayersOptions {
  /** Number of layers L, i.e. how many times the data is uploaded; default 2. */
  readonly layers?: number;
  /** Features per row; default one per qubit. More features than qubits wrap around (see the class doc). */
  readonly numFeatures?: number;
}

/**
 * Data re-uploading (Pérez-Salinas et al. 2020): the features are encoded again in every layer, between
 * trainable rotations, so the model is a richer (higher-frequency) function of x than a single encoding.
 *
 * Layer l, for l = 0 … L−1:
 * 1. encode: feature f goes to qubit f mod n as RY(x_f) when ⌊f / n⌋ is even and RZ(x_f) when odd;
 * 2. train: Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ) on every qubit i, weights `w{3·(l·n + i) + k}` (k = 0, 1, 2);
 * 3. entangle: CZ(i, (i + 1) mod n) for i = 0 … n−1 when n > 2, CZ(0, 1) when n = 2.
 *
 * Every angle is affine: the paper's w ∘ x + b products of a weight and a feature are not expressible with
 * symbolic affine angles, so the trainable rotations are interleaved with plain feature rotations instead —
 * the same function class up to the missing learned feature scales.
 *
 * This template is both an {@link Ansatz} (weights `w…`) and a {@link FeatureMap} (inputs `x0 … x{F−1}`,
 * `encode` returning raw features): bind `encode(x)` and the weights together.
 *
 * @example
 * ```ts
 * const model = new DataReuploadingLayers(2, { layers: 3 });
 * model.numWeights;  // 18
 * model.inputNames;  // ["x0", "x1"]
 * sim.expectation(model.circuit, ["Z0"], { ...model.encode([0.1, 0.2]), ...weights });
 * ```
 */
export class DataReuploadingLayers extends FormulaFeatureMap implements Ansatz {
  readonly numWeights: number;
  readonly weightNames: readonly string[];
  readonly layers: number;

  constructor(numQubits: number, options: DataReuploadingLayersOptions = {}) {
    const where = "DataReuploadingLayers";
    const n = checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["layers", "numFeatures"], where);
    const layers = intOption(o["layers"], "layers", 2, 1, where);
    const numFeatures = intOption(o["numFeatures"], "numFeatures", n, 1, where);
    const weights = new WeightCounter();
    const formulas = new Map<string, InputFormula>();
    let c = new Circuit(n);
    for (let l = 0; l < layers; l++) {
      for (let f = 0; f < numFeatures; f++) {
        c = c.gate(Math.floor(f / n) % 2 === 0 ? "ry" : "rz", [f % n], [featureName(f)]);
        formulas.set(featureName(f), (x) => x[f]!);
      }
      for (let i = 0; i < n; i++) {
        const [phi, theta, omega] = weights.take(3) as [string, string, string];
        c = c.rz(phi, i).ry(theta, i).rz(omega, i);
      }
      c = cnotRing(c, n, "cz");
    }
    super(
      n,
      numFeatures,
      c,
      formulas,
      Array.from({ length: numFeatures }, (_, f) => featureName(f)),
    );
    this.layers = layers;
    this.weightNames = weights.names();
    this.numWeights = this.weightNames.length;
  }

  toJSON(): TemplateJSON {
    return {
      type: "DataReuploadingLayers",
      numQubits: this.numQubits,
      options: { layers: this.layers, numFeatures: this.numFeatures },
    };
  }
}
