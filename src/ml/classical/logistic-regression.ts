import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkLabels, encodeLabels } from "../data/check-labels.js";
import { checkColumns, checkXy } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { accuracy } from "../metrics/accuracy.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";
import { LBFGS } from "../../optim/lbfgs.js";
import { minimize } from "../../optim/minimize.js";

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** Inverse L2 strength: the loss is C·Σ log-loss + ½‖W‖² (default 1, as scikit-learn). */
  C?: number;
  /** Learn an unpenalised intercept (default true). */
  fitIntercept?: boolean;
  /** Most L-BFGS iterations (default 1000). */
  maxIter?: number;
  /** Stop when the largest gradient component of the per-sample loss is below this (default 1e-8). */
  tol?: number;
}

const paramsSchema = z.object({
  C: z.number().positive(),
  fitIntercept: z.boolean(),
  maxIter: z.number().int().nonnegative(),
  tol: z.number().positive(),
});
const stateSchema = z.object({
  classes: z.array(z.number()).min(2),
  coef: z.array(z.array(z.number())),
  intercept: z.array(z.number()),
  nIter: z.number().int(),
  converged: z.boolean(),
});
type State = z.output<typeof stateSchema>;

/**
 * L2-regularised logistic regression. Two classes use one weight vector (sigmoid); more classes use the
 * multinomial (softmax) model. Fitted by full-batch L-BFGS from zero, so results are deterministic; the
 * optimum matches scikit-learn's `LogisticRegression(C=...)` with the lbfgs solver. Multinomial intercepts
 * are centred to sum to zero (they are only defined up to a shared constant).
 *
 * @example
 * ```ts
 * const lr = new LogisticRegression({ C: 1 }).fit(Xtrain, ytrain);
 * lr.predictProba(Xtest); // n × classes
 * ```
 */
export class LogisticRegression implements Estimator {
  readonly kind = "LogisticRegression";
  readonly estimatorType = "classifier";
  readonly C: number;
  readonly fitIntercept: boolean;
  readonly maxIter: number;
  readonly tol: number;
  private fitted: State | undefined;

  constructor(options: LogisticRegressionOptions = {}) {
    this.C = options.C ?? 1;
    this.fitIntercept = options.fitIntercept ?? true;
    this.maxIter = options.maxIter ?? 1000;
    this.tol = options.tol ?? 1e-8;
    check(Number.isFinite(this.C) && this.C > 0, `LogisticRegression C must be positive, got ${this.C}`);
    check(
      Number.isInteger(this.maxIter) && this.maxIter >= 0,
      `maxIter must be a non-negative integer, got ${this.maxIter}`,
    );
    check(this.tol > 0, `tol must be positive, got ${this.tol}`);
  }

  /** Class labels in ascending order. */
  get classes(): number[] {
    return [...this.state().classes];
  }

  /** Weights: one row for two classes (favouring the larger label), else one row per class. */
  get coef(): number[][] {
    return this.state().coef.map((r) => [...r]);
  }

  /** Intercepts matching the rows of `coef`. */
  get intercept(): number[] {
    return [...this.state().intercept];
  }

  /** L-BFGS iterations used and whether the gradient tolerance was reached. */
  get convergence(): { nIter: number; converged: boolean } {
    const { nIter, converged } = this.state();
    return { nIter, converged };
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows: n, cols: p } = checkXy(X, y);
    const classes = checkLabels(y);
    const target = encodeLabels(y, classes);
    const k = classes.length === 2 ? 1 : classes.length; // rows of W
    const stride = p + 1; // weights then intercept
    const flat = new Float64Array(n * p);
    X.forEach((row, i) => flat.set(row, i * p));
    const penalty = 1 / (this.C * n);
    const z = new Float64Array(k);

    // Objective divided by C·n so the gradient tolerance does not depend on sample count or C.
    const objective = (w: Float64Array, grad: Float64Array): number => {
      grad.fill(0);
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const off = i * p;
        for (let c = 0; c < k; c++) {
          let acc = this.fitIntercept ? w[c * stride + p]! : 0;
          for (let j = 0; j < p; j++) acc += w[c * stride + j]! * flat[off + j]!;
          z[c] = acc;
        }
        const t = target[i]!;
        if (k === 1) {
          const zi = z[0]!;
          loss += Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - (t === 1 ? zi : 0);
          addGradient(grad, 0, sigmoid(zi) - t, flat, off, p, stride);
        } else {
          let max = -Infinity;
          for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
          let sum = 0;
          for (let c = 0; c < k; c++) sum += Math.exp(z[c]! - max);
          loss += max + Math.log(sum) - z[t]!;
          for (let c = 0; c < k; c++)
            addGradient(grad, c, Math.exp(z[c]! - max) / sum - (c === t ? 1 : 0), flat, off, p, stride);
        }
      }
      let reg = 0;
      for (let c = 0; c < k; c++) {
        for (let j = 0; j < p; j++) {
          const wj = w[c * stride + j]!;
          reg += wj * wj;
          grad[c * stride + j] = grad[c * stride + j]! / n + penalty * wj;
        }
        grad[c * stride + p] = this.fitIntercept ? grad[c * stride + p]! / n : 0;
      }
      return loss / n + 0.5 * penalty * reg;
    };

    const valueAndGradient = (x: Float64Array) => {
      const gradient = new Float64Array(x.length);
      return { value: objective(x, gradient), gradient };
    };
    let gradientSmall = false;
    const result = minimize(
      { value: (x) => valueAndGradient(x).value, valueAndGradient },
      new Float64Array(k * stride),
      {
        optimizer: new LBFGS(),
        maxIterations: this.maxIter,
        // minimize's tolerance also stops on a small change in value; the gradient test is what `tol` means
        // here, so stop on the gradient (or at working precision) only.
        tolerance: 0,
        onStep: (info) => {
          if (info.gradientNorm !== undefined && info.gradientNorm <= this.tol) {
            gradientSmall = true;
            return "stop";
          }
          return undefined;
        },
      },
    );
    const coef: number[][] = [];
    const intercept: number[] = [];
    for (let c = 0; c < k; c++) {
      coef.push(Array.from(result.x.subarray(c * stride, c * stride + p)));
      intercept.push(this.fitIntercept ? result.x[c * stride + p]! : 0);
    }
    if (k > 1) {
      const mean = intercept.reduce((a, b) => a + b, 0) / k;
      for (let c = 0; c < k; c++) intercept[c] = intercept[c]! - mean;
    }
    this.fitted = {
      classes,
      coef,
      intercept,
      nIter: result.iterations,
      converged: result.converged || gradientSmall,
    };
    return this;
  }

  /** Linear scores: one per sample for two classes (positive favours the larger label), else n × classes. */
  decisionFunction(X: FeatureMatrix): number[] | number[][] {
    const scores = this.linear(X);
    return scores[0]!.length === 1 ? scores.map((r) => r[0]!) : scores;
  }

  /** Class probabilities, n × classes, columns in ascending label order. */
  predictProba(X: FeatureMatrix): number[][] {
    return this.linear(X).map((z) => {
      if (z.length === 1) {
        const p = sigmoid(z[0]!);
        return [1 - p, p];
      }
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    });
  }

  predict(X: FeatureMatrix): number[] {
    const { classes } = this.state();
    return this.linear(X).map((z) => {
      if (z.length === 1) return classes[z[0]! > 0 ? 1 : 0]!;
      let best = 0;
      for (let c = 1; c < z.length; c++) if (z[c]! > z[best]!) best = c;
      return classes[best]!;
    });
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return accuracy(y, this.predict(X));
  }

  toJSON(): ModelJson {
    return makeModelJson(
      this.kind,
      { C: this.C, fitIntercept: this.fitIntercept, maxIter: this.maxIter, tol: this.tol },
      this.fitted ?? null,
    );
  }

  /** Rebuilds a model saved with `toJSON`. */
  static fromJSON(json: unknown): LogisticRegression {
    const { params, state } = readModelJson(json, "LogisticRegression", paramsSchema, stateSchema);
    const model = new LogisticRegression(params);
    if (state !== null) {
      const rows = state.classes.length === 2 ? 1 : state.classes.length;
      const p = state.coef[0]?.length ?? 0;
      if (
        state.coef.length !== rows ||
        state.intercept.length !== rows ||
        p === 0 ||
        state.coef.some((r) => r.length !== p)
      ) {
        throw new QforgeError(
          "INVALID_MODEL_FILE",
          "LogisticRegression model file is damaged: coef/intercept shapes do not match the classes",
        );
      }
      model.fitted = state;
    }
    return model;
  }

  private linear(X: FeatureMatrix): number[][] {
    const { coef, intercept } = this.state();
    checkColumns(X, coef[0]!.length);
    return X.map((row) =>
      coef.map((w, c) => {
        let acc = intercept[c]!;
        for (let j = 0; j < w.length; j++) acc += w[j]! * row[j]!;
        return acc;
      }),
    );
  }

  private state(): State {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "LogisticRegression is not fitted; call fit(X, y) first");
    return this.fitted;
  }
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function addGradient(
  grad: Float64Array,
  c: number,
  residual: number,
  flat: Float64Array,
  off: number,
  p: number,
  stride: number,
): void {
  const base = c * stride;
  for (let j = 0; j < p; j++) grad[base + j]! += residual * flat[off + j]!;
  grad[base + p]! += residual;
}

registerModel("LogisticRegression", (json) => LogisticRegression.fromJSON(json));
