import { Matrix, SVD } from "ml-matrix";
import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkColumns, checkMatrix } from "../data/check-matrix.js";
import type { FeatureMatrix, TargetVector, Transformer } from "../estimator.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";

const paramsSchema = z.object({ nComponents: z.number().int().positive().nullable() });
const stateSchema = z.object({
  mean: z.array(z.number()),
  components: z.array(z.array(z.number())),
  explainedVariance: z.array(z.number()),
  explainedVarianceRatio: z.array(z.number()),
  singularValues: z.array(z.number()),
});
type PcaState = z.output<typeof stateSchema>;

/**
 * Principal component analysis: centres the data and projects it onto the directions of largest variance, found
 * by a singular value decomposition of the centred data. Signs are fixed like scikit-learn's `svd_flip`: the
 * largest-magnitude entry of every component is positive, so repeated fits give the same result. Variances use
 * n − 1, as in scikit-learn. Handy for cutting features down to the number of qubits.
 *
 * @example
 * ```ts
 * const pca = new PCA(2).fit(X);
 * const Z = pca.transform(X); // n × 2
 * pca.explainedVarianceRatio; // e.g. [0.72, 0.23]
 * ```
 */
export class PCA implements Transformer {
  readonly kind = "PCA";
  /** Number of components kept; `undefined` keeps min(samples, features). */
  readonly nComponents: number | undefined;
  private fitted: PcaState | undefined;

  constructor(nComponents?: number) {
    check(
      nComponents === undefined || (Number.isInteger(nComponents) && nComponents > 0),
      `PCA nComponents must be a positive integer, got ${nComponents}`,
    );
    this.nComponents = nComponents;
  }

  /** Principal axes, one row per component, in order of decreasing variance. */
  get components(): number[][] {
    return this.state().components.map((c) => [...c]);
  }

  /** Per-feature means subtracted before projecting. */
  get mean(): number[] {
    return [...this.state().mean];
  }

  /** Variance along each component (divides by n − 1). */
  get explainedVariance(): number[] {
    return [...this.state().explainedVariance];
  }

  /** Share of the total variance along each component; sums to at most 1. */
  get explainedVarianceRatio(): number[] {
    return [...this.state().explainedVarianceRatio];
  }

  /** Singular values of the centred data matching each component. */
  get singularValues(): number[] {
    return [...this.state().singularValues];
  }

  fit(X: FeatureMatrix, _y?: TargetVector): this {
    const { rows, cols } = checkMatrix(X);
    check(rows >= 2, "PCA needs at least 2 samples", "INVALID_DATA");
    const maxComponents = Math.min(rows, cols);
    const k = this.nComponents ?? maxComponents;
    check(
      k <= maxComponents,
      `PCA nComponents is ${k} but the data allows at most min(${rows} samples, ${cols} features) = ${maxComponents}`,
    );

    const mean = new Array<number>(cols).fill(0);
    for (const row of X) for (let j = 0; j < cols; j++) mean[j]! += row[j]!;
    for (let j = 0; j < cols; j++) mean[j]! /= rows;
    const centred = new Matrix(X.map((row) => row.map((v, j) => v - mean[j]!)));

    const svd = new SVD(centred, {
      computeLeftSingularVectors: false,
      computeRightSingularVectors: true,
      autoTranspose: true,
    });
    const V = svd.rightSingularVectors; // cols × r
    const s = svd.diagonal;
    const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);

    const variances = s.map((v) => (v * v) / (rows - 1));
    const totalVariance = variances.reduce((acc, v) => acc + v, 0);
    const components: number[][] = [];
    for (const idx of order.slice(0, k)) {
      const axis = V.getColumn(idx);
      // svd_flip: make the largest-magnitude entry positive (first one on ties).
      let arg = 0;
      for (let j = 1; j < axis.length; j++) if (Math.abs(axis[j]!) > Math.abs(axis[arg]!)) arg = j;
      const sign = axis[arg]! < 0 ? -1 : 1;
      components.push(axis.map((v) => v * sign));
    }
    const kept = order.slice(0, k);
    this.fitted = {
      mean,
      components,
      explainedVariance: kept.map((i) => variances[i]!),
      explainedVarianceRatio: kept.map((i) => (totalVariance > 0 ? variances[i]! / totalVariance : 0)),
      singularValues: kept.map((i) => s[i]!),
    };
    return this;
  }

  transform(X: FeatureMatrix): number[][] {
    const { mean, components } = this.state();
    checkColumns(X, mean.length);
    return X.map((row) =>
      components.map((axis) => {
        let acc = 0;
        for (let j = 0; j < axis.length; j++) acc += (row[j]! - mean[j]!) * axis[j]!;
        return acc;
      }),
    );
  }

  fitTransform(X: FeatureMatrix, y?: TargetVector): number[][] {
    return this.fit(X, y).transform(X);
  }

  /** Maps projected rows back to feature space (exact only when all components are kept). */
  inverseTransform(Z: FeatureMatrix): number[][] {
    const { mean, components } = this.state();
    checkColumns(Z, components.length, "Z");
    return Z.map((z) =>
      mean.map((m, j) => {
        let acc = m;
        for (let c = 0; c < components.length; c++) acc += z[c]! * components[c]![j]!;
        return acc;
      }),
    );
  }

  toJSON(): ModelJson {
    return makeModelJson(this.kind, { nComponents: this.nComponents ?? null }, this.fitted ?? null);
  }

  /** Rebuilds a PCA saved with `toJSON`. */
  static fromJSON(json: unknown): PCA {
    const { params, state } = readModelJson(json, "PCA", paramsSchema, stateSchema);
    const pca = new PCA(params.nComponents ?? undefined);
    if (state !== null) {
      const p = state.mean.length;
      if (state.components.some((c) => c.length !== p)) {
        throw new QforgeError(
          "INVALID_MODEL_FILE",
          "PCA model file is damaged: a component's length differs from the number of features",
        );
      }
      pca.fitted = state;
    }
    return pca;
  }

  private state(): PcaState {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "PCA is not fitted; call fit(X) first");
    return this.fitted;
  }
}

registerModel("PCA", (json) => PCA.fromJSON(json));
