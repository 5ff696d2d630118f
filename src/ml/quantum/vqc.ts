import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkLabels, encodeLabels } from "../data/check-labels.js";
import { checkColumns, checkMatrix, checkTargets } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { accuracy } from "../metrics/accuracy.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";
import {
  type VariationalOptions,
  VariationalModel,
  variationalOptionsFromJSON,
  variationalParamsShape,
} from "./variational-model.js";

/** How class probabilities are read from the circuit. */
export type ClassifierReadout = "expectation" | "parity";

/** Options of {@link VQC}. */
export interface VQCOptions extends VariationalOptions {
  /**
   * "expectation" (default): class k's logit is a_k·⟨Z_{r_k}⟩ + b_k on readout qubit r_k (one logit
   * for two classes), with a trainable scale and bias per class, and softmax/sigmoid cross-entropy.
   * "parity" (two classes, as Qiskit's VQC): P(class 1) = probability of odd parity of the readout qubits,
   * (1 − ⟨Z⊗…⊗Z⟩)/2, with no classical parameters.
   */
  readonly readout?: ClassifierReadout;
  /** Qubits read out (default: the ansatz's `readoutQubits` if it has them, e.g. QCNN; else 0, 1, …). */
  readonly readoutQubits?: readonly number[];
}

const paramsSchema = z.object({
  ...variationalParamsShape,
  readout: z.enum(["expectation", "parity"]),
  readoutQubits: z.array(z.number().int().nonnegative()),
});
const stateSchema = z.object({ classes: z.array(z.number()).min(2), params: z.array(z.number()) });

/**
 * Variational quantum classifier: a feature map, an ansatz and a readout, trained on cross-entropy with
 * exact (adjoint) gradients. Binary and multi-class.
 *
 * @example
 * ```ts
 * const vqc = new VQC({ featureMap: new ZZFeatureMap(4, { reps: 1 }), ansatz: new RealAmplitudes(4, { reps: 3 }) });
 * vqc.fit(Xtrain, ytrain);
 * vqc.score(Xtest, ytest);   // accuracy
 * vqc.predictProba(Xtest);   // one column per class
 * ```
 */
export class VQC extends VariationalModel implements Estimator {
  readonly kind = "VQC";
  readonly estimatorType = "classifier" as const;
  readonly readout: ClassifierReadout;
  readonly readoutQubits: readonly number[];
  private classes: number[] | undefined;

  constructor(options: VQCOptions) {
    super(options);
    this.readout = options.readout ?? "expectation";
    const fromAnsatz = (options.ansatz as { readoutQubits?: readonly number[] } | undefined)?.readoutQubits;
    this.readoutQubits =
      options.readoutQubits ??
      fromAnsatz ??
      Array.from({ length: options.featureMap.numQubits }, (_, i) => i);
    for (const q of this.readoutQubits)
      check(
        Number.isInteger(q) && q >= 0 && q < options.featureMap.numQubits,
        `readout qubit ${q} is out of range for ${options.featureMap.numQubits} qubits`,
        "QUBIT_OUT_OF_RANGE",
      );
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows } = checkMatrix(X);
    checkTargets(y, rows);
    checkColumns(X, this.featureMap.numFeatures);
    const classes = checkLabels(y);
    const K = classes.length;
    if (this.readout === "parity" && K !== 2)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `the parity readout is for two classes; this data has ${K}: use readout "expectation"`,
      );
    if (this.readout === "expectation" && K > 2 && K > this.readoutQubits.length)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `${K} classes need ${K} readout qubits but only ${this.readoutQubits.length} are available; use more qubits`,
      );
    this.classes = classes;
    this.qnnCache = undefined;
    this.train(X, encodeLabels(y, classes));
    return this;
  }

  predictProba(X: FeatureMatrix): number[][] {
    checkColumns(X, this.featureMap.numFeatures);
    const { values, head } = this.outputs(X);
    const O = this.observables().length;
    return X.map((_, b) => this.probabilities(values.subarray(b * O, (b + 1) * O), head));
  }

  /** Binary: the logit of the larger class; multi-class: logits, one column per class. */
  decisionFunction(X: FeatureMatrix): number[] | number[][] {
    const p = this.predictProba(X);
    if (this.numClasses() === 2)
      return p.map((r) => Math.log(Math.max(r[1]!, 1e-300)) - Math.log(Math.max(r[0]!, 1e-300)));
    return p.map((r) => r.map((v) => Math.log(Math.max(v, 1e-300))));
  }

  predict(X: FeatureMatrix): number[] {
    const classes = this.fittedClasses();
    return this.predictProba(X).map((p) => classes[p.indexOf(Math.max(...p))]!);
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return accuracy(y, this.predict(X));
  }

  protected observables(): string[] {
    const r = this.readoutQubits;
    if (this.readout === "parity") return [r.map((q) => `Z${q}`).join(" ")];
    const K = this.numClasses();
    return K === 2 ? [`Z${r[0]}`] : r.slice(0, K).map((q) => `Z${q}`);
  }

  protected headSize(): number {
    if (this.readout === "parity") return 0;
    return this.numClasses() === 2 ? 2 : 2 * this.numClasses();
  }

  protected initialHead(): number[] {
    const H = this.headSize();
    // Scales start at 1 and biases at 0: the head begins as the identity on ⟨Z⟩.
    return Array.from({ length: H }, (_, i) => (i % 2 === 0 ? 1 : 0));
  }

  protected loss(values: Float64Array, head: Float64Array, labels: number[]) {
    const B = labels.length,
      O = values.length / B;
    const dValues = new Float64Array(values.length);
    const dHead = new Float64Array(head.length);
    let loss = 0;
    const eps = 1e-12;
    for (let b = 0; b < B; b++) {
      const y = labels[b]!;
      if (this.readout === "parity") {
        const p1 = Math.min(1 - eps, Math.max(eps, (1 - values[b]!) / 2));
        loss -= y === 1 ? Math.log(p1) : Math.log(1 - p1);
        const dp = y === 1 ? -1 / p1 : 1 / (1 - p1);
        dValues[b] = (-0.5 * dp) / B;
      } else if (O === 1) {
        const v = values[b]!,
          zl = head[0]! * v + head[1]!;
        const p1 = 1 / (1 + Math.exp(-zl));
        loss -= y === 1 ? Math.log(Math.max(p1, eps)) : Math.log(Math.max(1 - p1, eps));
        const dz = (p1 - y) / B;
        dValues[b] = head[0]! * dz;
        dHead[0] = dHead[0]! + dz * v;
        dHead[1] = dHead[1]! + dz;
      } else {
        const zs = Array.from({ length: O }, (_, k) => head[2 * k]! * values[b * O + k]! + head[2 * k + 1]!);
        const p = softmax(zs);
        loss -= Math.log(Math.max(p[y]!, eps));
        for (let k = 0; k < O; k++) {
          const dz = (p[k]! - (k === y ? 1 : 0)) / B;
          dValues[b * O + k] = head[2 * k]! * dz;
          dHead[2 * k] = dHead[2 * k]! + dz * values[b * O + k]!;
          dHead[2 * k + 1] = dHead[2 * k + 1]! + dz;
        }
      }
    }
    return { loss: loss / B, dValues, dHead };
  }

  private probabilities(v: Float64Array, head: Float64Array): number[] {
    if (this.readout === "parity") {
      const p1 = Math.min(1, Math.max(0, (1 - v[0]!) / 2));
      return [1 - p1, p1];
    }
    if (v.length === 1) {
      const p1 = 1 / (1 + Math.exp(-(head[0]! * v[0]! + head[1]!)));
      return [1 - p1, p1];
    }
    return softmax(Array.from(v, (x, k) => head[2 * k]! * x + head[2 * k + 1]!));
  }

  private numClasses(): number {
    return this.fittedClasses().length;
  }

  private fittedClasses(): number[] {
    if (!this.classes)
      throw new QforgeError("INVALID_ARGUMENT", "VQC is not fitted yet; call fit(X, y) first");
    return this.classes;
  }

  toJSON(): ModelJson {
    return makeModelJson(
      this.kind,
      { ...this.baseParams(), readout: this.readout, readoutQubits: [...this.readoutQubits] },
      this.params && this.classes ? { classes: this.classes, params: [...this.params] } : null,
    );
  }

  static fromJSON(json: unknown): VQC {
    const { params, state } = readModelJson(json, "VQC", paramsSchema, stateSchema);
    const model = new VQC({
      ...variationalOptionsFromJSON(params),
      readout: params.readout,
      readoutQubits: params.readoutQubits,
    });
    if (state) {
      model.classes = state.classes;
      model.params = Float64Array.from(state.params);
      check(
        state.params.length === model.numWeights + model.headSize(),
        "VQC model file is damaged: parameter count does not match the circuit",
        "INVALID_MODEL_FILE",
      );
    }
    return model;
  }
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

registerModel("VQC", (json) => VQC.fromJSON(json));
