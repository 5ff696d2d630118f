import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkColumns, checkXy } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { r2 } from "../metrics/regression-metrics.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";
import { resolveGamma, type KernelSpec } from "./svm-kernel.js";
import {
  checkTrainingKernel,
  kernelRow,
  svmDefaults,
  svmParamsShape,
  type SvmOptions,
  type SvmParams,
} from "./svm-params.js";
import { featureKernelSource, fitSvrSolution, precomputedKernelSource } from "./svm-solution.js";

/** Options of {@link SVR}. */
export interface SVROptions extends SvmOptions {
  /** Width of the ε-insensitive tube: errors below ε cost nothing (default 0.1). */
  epsilon?: number;
}

const paramsSchema = z.object({ ...svmParamsShape, epsilon: z.number().nonnegative() });
const stateSchema = z.object({
  gamma: z.number(),
  nFeatures: z.number().int().positive(),
  svIndices: z.array(z.number().int().nonnegative()),
  supportVectors: z.array(z.array(z.number())).nullable(),
  coef: z.array(z.number()),
  rho: z.number(),
});
type State = z.output<typeof stateSchema>;

/**
 * ε-support vector regression on libsvm (libsvm-js), like scikit-learn's `SVR`, with the same kernels as
 * {@link SVC}, including `precomputed`: `fit(K, y)` with the n × n training kernel matrix, `predict(Ktest)` with
 * the m × n matrix of kernel values between new samples and the training samples. Targets are used as given;
 * scale them (or choose ε) to match their units.
 *
 * @example
 * ```ts
 * const svr = new SVR({ kernel: "rbf", C: 10, epsilon: 0.1 }).fit(Xtrain, ytrain);
 * svr.score(Xtest, ytest); // R²
 * ```
 */
export class SVR implements Estimator {
  readonly kind = "SVR";
  readonly estimatorType = "regressor";
  readonly params: Readonly<SvmParams>;
  readonly epsilon: number;
  private fitted: State | undefined;

  constructor(options: SVROptions = {}) {
    this.params = svmDefaults(options);
    this.epsilon = options.epsilon ?? 0.1;
    check(Number.isFinite(this.epsilon) && this.epsilon >= 0, `epsilon must be ≥ 0, got ${this.epsilon}`);
  }

  /** True with `kernel: "precomputed"`: fit and predict take kernel matrices. */
  get precomputedKernel(): boolean {
    return this.params.kernel === "precomputed";
  }

  /** Training-set indices of the support vectors. */
  get supportIndices(): number[] {
    return [...this.state().svIndices];
  }

  /** Dual coefficients α − α* of the support vectors. */
  get dualCoef(): number[] {
    return [...this.state().coef];
  }

  /** Intercept b of f(x) = Σ coef·k(x, sv) + b. */
  get intercept(): number {
    return -this.state().rho;
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows: n, cols } = checkXy(X, y);
    const pre = this.precomputedKernel;
    if (pre) checkTrainingKernel(X, n);
    const spec = pre ? undefined : this.kernelSpec(resolveGamma(this.params.gamma, X));
    const source = spec === undefined ? precomputedKernelSource(X) : featureKernelSource(X, spec);
    const all = y.map((_, i) => i);
    const solution = fitSvrSolution(source, all, y, {
      C: this.params.C,
      epsilon: this.epsilon,
      tol: this.params.tol,
      cacheSize: this.params.cacheSize,
      shrinking: this.params.shrinking,
    });
    // Same key order as stateSchema, so a reloaded model serialises to the same text.
    this.fitted = {
      gamma: spec?.gamma ?? 0,
      nFeatures: cols,
      svIndices: solution.svIndices,
      supportVectors: pre ? null : solution.svIndices.map((i) => [...X[i]!]),
      coef: solution.coef,
      rho: solution.rho,
    };
    return this;
  }

  predict(X: FeatureMatrix): number[] {
    const state = this.state();
    checkColumns(X, state.nFeatures, this.precomputedKernel ? "Ktest (columns = training samples)" : "X");
    const spec = this.precomputedKernel ? undefined : this.kernelSpec(state.gamma);
    return X.map((row) =>
      kernelRow(row, state, spec).reduce((acc, k, s) => acc + state.coef[s]! * k, -state.rho),
    );
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return r2(y, this.predict(X));
  }

  toJSON(): ModelJson {
    return makeModelJson(this.kind, { ...this.params, epsilon: this.epsilon }, this.fitted ?? null);
  }

  /** Rebuilds a model saved with `toJSON`. */
  static fromJSON(json: unknown): SVR {
    const { params, state } = readModelJson(json, "SVR", paramsSchema, stateSchema);
    const model = new SVR(params);
    if (state !== null) {
      const nSv = state.svIndices.length;
      const ok =
        state.coef.length === nSv &&
        (state.supportVectors === null
          ? params.kernel === "precomputed" && state.svIndices.every((i) => i < state.nFeatures)
          : state.supportVectors.length === nSv &&
            state.supportVectors.every((r) => r.length === state.nFeatures));
      if (!ok)
        throw new QforgeError(
          "INVALID_MODEL_FILE",
          "SVR model file is damaged: support vector and coefficient counts do not agree",
        );
      model.fitted = state;
    }
    return model;
  }

  private kernelSpec(gamma: number): KernelSpec {
    return {
      kernel: this.params.kernel as KernelSpec["kernel"],
      gamma,
      degree: this.params.degree,
      coef0: this.params.coef0,
    };
  }

  private state(): State {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "SVR is not fitted; call fit(X, y) first");
    return this.fitted;
  }
}

registerModel("SVR", (json) => SVR.fromJSON(json));
