import { z } from "zod";
import { QforgeError } from "../../util/errors.js";
import { checkColumns, checkMatrix } from "../data/check-matrix.js";
import type { FeatureMatrix, TargetVector, Transformer } from "../estimator.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Subtract each column's mean (default true). */
  withMean?: boolean;
  /** Divide by each column's standard deviation (default true). */
  withStd?: boolean;
}

const paramsSchema = z.object({ withMean: z.boolean(), withStd: z.boolean() });
const stateSchema = z.object({ mean: z.array(z.number()), scale: z.array(z.number()) });

/**
 * Standardises features: `(x - mean) / std` per column, with the population standard deviation (divide by n),
 * as scikit-learn does. A column with zero variance is centred but not scaled (its scale is 1).
 *
 * @example
 * ```ts
 * const scaler = new StandardScaler();
 * scaler.fitTransform([[1, 10], [3, 10]]); // [[-1, 0], [1, 0]]
 * ```
 */
export class StandardScaler implements Transformer {
  readonly kind = "StandardScaler";
  readonly withMean: boolean;
  readonly withStd: boolean;
  private fitted: { mean: number[]; scale: number[] } | undefined;

  constructor(options: StandardScalerOptions = {}) {
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  /** Per-column means learned by `fit`. */
  get mean(): number[] {
    return [...this.state().mean];
  }

  /** Per-column divisors learned by `fit` (the standard deviation, or 1 for constant columns). */
  get scale(): number[] {
    return [...this.state().scale];
  }

  fit(X: FeatureMatrix, _y?: TargetVector): this {
    const { rows, cols } = checkMatrix(X);
    const mean = new Array<number>(cols).fill(0);
    for (const row of X) for (let j = 0; j < cols; j++) mean[j]! += row[j]!;
    for (let j = 0; j < cols; j++) mean[j]! /= rows;
    // Two passes: the variance of centred values avoids cancellation.
    const variance = new Array<number>(cols).fill(0);
    for (const row of X) {
      for (let j = 0; j < cols; j++) {
        const d = row[j]! - mean[j]!;
        variance[j]! += d * d;
      }
    }
    const scale = variance.map((v, j) => {
      const std = Math.sqrt(v / rows);
      // Treat round-off-sized spread as zero, like scikit-learn.
      return std <= 10 * Number.EPSILON * Math.max(1, Math.abs(mean[j]!)) ? 1 : std;
    });
    this.fitted = { mean, scale };
    return this;
  }

  transform(X: FeatureMatrix): number[][] {
    const { mean, scale } = this.state();
    checkColumns(X, mean.length);
    return X.map((row) =>
      row.map((v, j) => {
        const centred = this.withMean ? v - mean[j]! : v;
        return this.withStd ? centred / scale[j]! : centred;
      }),
    );
  }

  fitTransform(X: FeatureMatrix, y?: TargetVector): number[][] {
    return this.fit(X, y).transform(X);
  }

  /** Maps standardised values back to the original units. */
  inverseTransform(X: FeatureMatrix): number[][] {
    const { mean, scale } = this.state();
    checkColumns(X, mean.length);
    return X.map((row) =>
      row.map((v, j) => {
        const unscaled = this.withStd ? v * scale[j]! : v;
        return this.withMean ? unscaled + mean[j]! : unscaled;
      }),
    );
  }

  toJSON(): ModelJson {
    return makeModelJson(this.kind, { withMean: this.withMean, withStd: this.withStd }, this.fitted ?? null);
  }

  /** Rebuilds a scaler saved with `toJSON`. */
  static fromJSON(json: unknown): StandardScaler {
    const { params, state } = readModelJson(json, "StandardScaler", paramsSchema, stateSchema);
    const scaler = new StandardScaler(params);
    if (state !== null) {
      if (state.mean.length !== state.scale.length) {
        throw new QforgeError(
          "INVALID_MODEL_FILE",
          "StandardScaler model file is damaged: mean and scale lengths differ",
        );
      }
      scaler.fitted = { mean: state.mean, scale: state.scale };
    }
    return scaler;
  }

  private state(): { mean: number[]; scale: number[] } {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "StandardScaler is not fitted; call fit(X) first");
    return this.fitted;
  }
}

registerModel("StandardScaler", (json) => StandardScaler.fromJSON(json));
