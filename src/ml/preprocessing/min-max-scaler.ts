import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkColumns, checkMatrix } from "../data/check-matrix.js";
import type { FeatureMatrix, TargetVector, Transformer } from "../estimator.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";

const paramsSchema = z.object({ featureRange: z.tuple([z.number(), z.number()]) });
const stateSchema = z.object({ dataMin: z.array(z.number()), dataMax: z.array(z.number()) });

/**
 * Rescales each column linearly so that its training minimum maps to `lo` and its maximum to `hi`.
 * A constant column maps to `lo` (as in scikit-learn). Angle encodings often want `[0, Math.PI]`.
 *
 * @example
 * ```ts
 * new MinMaxScaler([0, 1]).fitTransform([[2], [4], [6]]); // [[0], [0.5], [1]]
 * ```
 */
export class MinMaxScaler implements Transformer {
  readonly kind = "MinMaxScaler";
  readonly featureRange: readonly [number, number];
  private fitted: { dataMin: number[]; dataMax: number[] } | undefined;

  constructor(featureRange: readonly [number, number] = [0, 1]) {
    const [lo, hi] = featureRange;
    check(
      Number.isFinite(lo) && Number.isFinite(hi) && lo < hi,
      `MinMaxScaler range must be finite with lo < hi, got [${lo}, ${hi}]`,
    );
    this.featureRange = [lo, hi];
  }

  /** Per-column minimum seen by `fit`. */
  get dataMin(): number[] {
    return [...this.state().dataMin];
  }

  /** Per-column maximum seen by `fit`. */
  get dataMax(): number[] {
    return [...this.state().dataMax];
  }

  fit(X: FeatureMatrix, _y?: TargetVector): this {
    const { cols } = checkMatrix(X);
    const dataMin = new Array<number>(cols).fill(Infinity);
    const dataMax = new Array<number>(cols).fill(-Infinity);
    for (const row of X) {
      for (let j = 0; j < cols; j++) {
        const v = row[j]!;
        if (v < dataMin[j]!) dataMin[j] = v;
        if (v > dataMax[j]!) dataMax[j] = v;
      }
    }
    this.fitted = { dataMin, dataMax };
    return this;
  }

  transform(X: FeatureMatrix): number[][] {
    const { scale, offset } = this.coefficients();
    checkColumns(X, scale.length);
    return X.map((row) => row.map((v, j) => v * scale[j]! + offset[j]!));
  }

  fitTransform(X: FeatureMatrix, y?: TargetVector): number[][] {
    return this.fit(X, y).transform(X);
  }

  /** Maps scaled values back to the original units. */
  inverseTransform(X: FeatureMatrix): number[][] {
    const { scale, offset } = this.coefficients();
    checkColumns(X, scale.length);
    return X.map((row) => row.map((v, j) => (v - offset[j]!) / scale[j]!));
  }

  toJSON(): ModelJson {
    return makeModelJson(this.kind, { featureRange: [...this.featureRange] }, this.fitted ?? null);
  }

  /** Rebuilds a scaler saved with `toJSON`. */
  static fromJSON(json: unknown): MinMaxScaler {
    const { params, state } = readModelJson(json, "MinMaxScaler", paramsSchema, stateSchema);
    const scaler = new MinMaxScaler(params.featureRange);
    if (state !== null) {
      if (state.dataMin.length !== state.dataMax.length) {
        throw new QforgeError(
          "INVALID_MODEL_FILE",
          "MinMaxScaler model file is damaged: dataMin and dataMax lengths differ",
        );
      }
      scaler.fitted = state;
    }
    return scaler;
  }

  private coefficients(): { scale: number[]; offset: number[] } {
    const { dataMin, dataMax } = this.state();
    const [lo, hi] = this.featureRange;
    const scale = dataMin.map((min, j) => {
      const range = dataMax[j]! - min;
      return (hi - lo) / (range === 0 ? 1 : range);
    });
    const offset = dataMin.map((min, j) => lo - min * scale[j]!);
    return { scale, offset };
  }

  private state(): { dataMin: number[]; dataMax: number[] } {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "MinMaxScaler is not fitted; call fit(X) first");
    return this.fitted;
  }
}

registerModel("MinMaxScaler", (json) => MinMaxScaler.fromJSON(json));
