import { CholeskyDecomposition, Matrix, solve } from "ml-matrix";
import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkColumns, checkXy } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { r2 } from "../metrics/regression-metrics.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";

/** Options of {@link RidgeRegression}. */
export interface RidgeRegressionOptions {
  /** L2 strength α in ‖y − Xw − b‖² + α‖w‖² (default 1, as scikit-learn); 0 gives least squares. */
  alpha?: number;
  /** Learn an unpenalised intercept (default true). */
  fitIntercept?: boolean;
}

const paramsSchema = z.object({ alpha: z.number().nonnegative(), fitIntercept: z.boolean() });
const stateSchema = z.object({ coef: z.array(z.number()).min(1), intercept: z.number() });
type State = z.output<typeof stateSchema>;

/**
 * Linear least squares with an L2 penalty, solved in closed form: centre X and y, then solve
 * (XᵀX + αI) w = Xᵀy by Cholesky (least squares via SVD when α = 0).
 *
 * @example
 * ```ts
 * const ridge = new RidgeRegression({ alpha: 1 }).fit(Xtrain, ytrain);
 * ridge.score(Xtest, ytest); // R²
 * ```
 */
export class RidgeRegression implements Estimator {
  readonly kind = "RidgeRegression";
  readonly estimatorType = "regressor";
  readonly alpha: number;
  readonly fitIntercept: boolean;
  private fitted: State | undefined;

  constructor(options: RidgeRegressionOptions = {}) {
    this.alpha = options.alpha ?? 1;
    this.fitIntercept = options.fitIntercept ?? true;
    check(
      Number.isFinite(this.alpha) && this.alpha >= 0,
      `RidgeRegression alpha must be ≥ 0, got ${this.alpha}`,
    );
  }

  /** Learned weights, one per feature. */
  get coef(): number[] {
    return [...this.state().coef];
  }

  /** Learned intercept. */
  get intercept(): number {
    return this.state().intercept;
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows: n, cols: p } = checkXy(X, y);
    const xMean = new Array<number>(p).fill(0);
    let yMean = 0;
    if (this.fitIntercept) {
      for (const row of X) for (let j = 0; j < p; j++) xMean[j]! += row[j]! / n;
      yMean = y.reduce((a, v) => a + v, 0) / n;
    }
    const Xc = new Matrix(X.map((row) => row.map((v, j) => v - xMean[j]!)));
    const yc = Matrix.columnVector(y.map((v) => v - yMean));
    let w: Matrix;
    if (this.alpha > 0) {
      const gram = Xc.transpose().mmul(Xc);
      for (let j = 0; j < p; j++) gram.set(j, j, gram.get(j, j) + this.alpha);
      w = new CholeskyDecomposition(gram).solve(Xc.transpose().mmul(yc));
    } else {
      w = solve(Xc, yc, true);
    }
    const coef = w.getColumn(0);
    const intercept = this.fitIntercept ? yMean - coef.reduce((a, c, j) => a + c * xMean[j]!, 0) : 0;
    this.fitted = { coef, intercept };
    return this;
  }

  predict(X: FeatureMatrix): number[] {
    const { coef, intercept } = this.state();
    checkColumns(X, coef.length);
    return X.map((row) => row.reduce((acc, v, j) => acc + v * coef[j]!, intercept));
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return r2(y, this.predict(X));
  }

  toJSON(): ModelJson {
    return makeModelJson(
      this.kind,
      { alpha: this.alpha, fitIntercept: this.fitIntercept },
      this.fitted ?? null,
    );
  }

  /** Rebuilds a model saved with `toJSON`. */
  static fromJSON(json: unknown): RidgeRegression {
    const { params, state } = readModelJson(json, "RidgeRegression", paramsSchema, stateSchema);
    const model = new RidgeRegression(params);
    if (state !== null) model.fitted = state;
    return model;
  }

  private state(): State {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "RidgeRegression is not fitted; call fit(X, y) first");
    return this.fitted;
  }
}

registerModel("RidgeRegression", (json) => RidgeRegression.fromJSON(json));
