import { z } from "zod";
import { check } from "../../util/errors.js";
import { checkColumns, checkMatrix, checkTargets } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { r2 } from "../metrics/regression-metrics.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";
import {
  type VariationalOptions,
  VariationalModel,
  variationalOptionsFromJSON,
  variationalParamsShape,
} from "./variational-model.js";

/** Options of {@link VQR}. */
export interface VQROptions extends VariationalOptions {
  /** Qubit whose ⟨Z⟩ is read out (default 0). */
  readonly readoutQubit?: number;
}

const paramsSchema = z.object({ ...variationalParamsShape, readoutQubit: z.number().int().nonnegative() });
const stateSchema = z.object({ yMean: z.number(), yStd: z.number().positive(), params: z.array(z.number()) });

/**
 * Variational quantum regressor: ŷ = μ + σ·(a·⟨Z_r⟩ + b), where μ, σ standardise the training targets and
 * a, b are trained with the circuit weights on mean squared error (exact adjoint gradients).
 *
 * @example
 * ```ts
 * const vqr = new VQR({ featureMap: new ZFeatureMap(4), ansatz: new RealAmplitudes(4, { reps: 3 }) });
 * vqr.fit(Xtrain, ytrain).score(Xtest, ytest); // R²
 * ```
 */
export class VQR extends VariationalModel implements Estimator {
  readonly kind = "VQR";
  readonly estimatorType = "regressor" as const;
  readonly readoutQubit: number;
  private yMean = 0;
  private yStd = 1;

  constructor(options: VQROptions) {
    super(options);
    this.readoutQubit = options.readoutQubit ?? 0;
    check(
      Number.isInteger(this.readoutQubit) &&
        this.readoutQubit >= 0 &&
        this.readoutQubit < options.featureMap.numQubits,
      `readout qubit ${this.readoutQubit} is out of range`,
      "QUBIT_OUT_OF_RANGE",
    );
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows } = checkMatrix(X);
    checkTargets(y, rows);
    checkColumns(X, this.featureMap.numFeatures);
    this.yMean = y.reduce((a, b) => a + b, 0) / rows;
    this.yStd = Math.sqrt(y.reduce((a, b) => a + (b - this.yMean) ** 2, 0) / rows) || 1;
    this.train(
      X,
      y.map((v) => (v - this.yMean) / this.yStd),
    );
    return this;
  }

  predict(X: FeatureMatrix): number[] {
    checkColumns(X, this.featureMap.numFeatures);
    const { values, head } = this.outputs(X);
    return Array.from(values, (v) => this.yMean + this.yStd * (head[0]! * v + head[1]!));
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return r2(y, this.predict(X));
  }

  protected observables(): string[] {
    return [`Z${this.readoutQubit}`];
  }

  protected headSize(): number {
    return 2;
  }

  protected initialHead(): number[] {
    return [1, 0];
  }

  protected loss(values: Float64Array, head: Float64Array, targets: number[]) {
    const B = targets.length;
    const dValues = new Float64Array(B);
    const dHead = new Float64Array(2);
    let loss = 0;
    for (let b = 0; b < B; b++) {
      const r = head[0]! * values[b]! + head[1]! - targets[b]!;
      loss += r * r;
      const d = (2 * r) / B;
      dValues[b] = head[0]! * d;
      dHead[0] = dHead[0]! + d * values[b]!;
      dHead[1] = dHead[1]! + d;
    }
    return { loss: loss / B, dValues, dHead };
  }

  toJSON(): ModelJson {
    return makeModelJson(
      this.kind,
      { ...this.baseParams(), readoutQubit: this.readoutQubit },
      this.params ? { yMean: this.yMean, yStd: this.yStd, params: [...this.params] } : null,
    );
  }

  static fromJSON(json: unknown): VQR {
    const { params, state } = readModelJson(json, "VQR", paramsSchema, stateSchema);
    const model = new VQR({ ...variationalOptionsFromJSON(params), readoutQubit: params.readoutQubit });
    if (state) {
      model.yMean = state.yMean;
      model.yStd = state.yStd;
      model.params = Float64Array.from(state.params);
    }
    return model;
  }
}

registerModel("VQR", (json) => VQR.fromJSON(json));
