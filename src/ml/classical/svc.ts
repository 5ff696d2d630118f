import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkLabels, encodeLabels } from "../data/check-labels.js";
import { checkColumns, checkMatrix, checkTargets } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { accuracy } from "../metrics/accuracy.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";
import { pairwiseCoupling, plattCalibrate, sigmoidPredict } from "./platt.js";
import { resolveGamma, type KernelSpec } from "./svm-kernel.js";
import {
  checkTrainingKernel,
  kernelRow,
  svmDefaults,
  svmParamsShape,
  type SvmOptions,
  type SvmParams,
} from "./svm-params.js";
import {
  featureKernelSource,
  fitSvcSolution,
  ovrDecision,
  precomputedKernelSource,
  svcDecisions,
  voteClass,
} from "./svm-solution.js";

/** Options of {@link SVC}. */
export interface SVCOptions extends SvmOptions {
  /** Also fit Platt sigmoids so that `predictProba` works (default false; costs 5 extra fits per class pair). */
  probability?: boolean;
  /** Seed of the cross-validation folds used for `probability` (default 0). */
  seed?: number;
}

const paramsSchema = z.object({ ...svmParamsShape, probability: z.boolean(), seed: z.number().int() });
const stateSchema = z.object({
  classes: z.array(z.number()).min(2),
  gamma: z.number(),
  nFeatures: z.number().int().positive(),
  svIndices: z.array(z.number().int().nonnegative()),
  supportVectors: z.array(z.array(z.number())).nullable(),
  nSupport: z.array(z.number().int().nonnegative()),
  coef: z.array(z.array(z.number())),
  rho: z.array(z.number()),
  sigmoids: z.array(z.object({ A: z.number(), B: z.number() })).nullable(),
});
type State = z.output<typeof stateSchema>;

/**
 * Support vector classifier on libsvm (libsvm-js), the solver scikit-learn's `SVC` uses; multi-class is
 * one-vs-one as in libsvm. Training is deterministic. Predictions are computed here from libsvm's support
 * vectors and coefficients, so a saved model predicts without the native library's memory.
 *
 * Kernels: `rbf` (default, gamma "scale"), `linear`, `poly`, `sigmoid`, and `precomputed`, where you supply the
 * kernel matrix yourself (a quantum kernel, say): `fit(K, y)` with K[i][j] = k(x_i, x_j) over the n training
 * samples (n × n), then `predict(Ktest)` with Ktest[a][j] = k(t_a, x_j) (m × n, columns = training samples in
 * the same order).
 *
 * `decisionFunction` gives one value per sample for two classes (positive favours the larger label) and, for
 * more classes, scikit-learn's one-vs-rest shape (n × classes). `predictProba` needs `probability: true`
 * (Platt scaling with seeded 5-fold cross-validation, libsvm's method).
 *
 * @example
 * ```ts
 * const svc = new SVC({ kernel: "rbf", C: 1 }).fit(Xtrain, ytrain);
 * svc.predict(Xtest);
 * const pre = new SVC({ kernel: "precomputed" }).fit(Ktrain, ytrain);
 * pre.predict(Ktest); // Ktest is m × n
 * ```
 */
export class SVC implements Estimator {
  readonly kind = "SVC";
  readonly estimatorType = "classifier";
  readonly params: Readonly<SvmParams>;
  readonly probability: boolean;
  readonly seed: number;
  private fitted: State | undefined;

  constructor(options: SVCOptions = {}) {
    this.params = svmDefaults(options);
    this.probability = options.probability ?? false;
    this.seed = options.seed ?? 0;
    check(Number.isInteger(this.seed), `seed must be an integer, got ${this.seed}`);
  }

  /** True with `kernel: "precomputed"`: fit and predict take kernel matrices. */
  get precomputedKernel(): boolean {
    return this.params.kernel === "precomputed";
  }

  /** Class labels in ascending order. */
  get classes(): number[] {
    return [...this.state().classes];
  }

  /** The gamma used (resolved from "scale"/"auto" at fit time). */
  get gamma(): number {
    return this.state().gamma;
  }

  /** Training-set indices of the support vectors, grouped by class. */
  get supportIndices(): number[] {
    return [...this.state().svIndices];
  }

  /** Number of support vectors of each class. */
  get nSupport(): number[] {
    return [...this.state().nSupport];
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows: n, cols } = checkMatrix(X);
    checkTargets(y, n);
    const classes = checkLabels(y);
    const labels = encodeLabels(y, classes);
    const pre = this.precomputedKernel;
    if (pre) checkTrainingKernel(X, n);
    const spec: KernelSpec | undefined = pre
      ? undefined
      : this.kernelSpec(resolveGamma(this.params.gamma, X));
    const source = spec === undefined ? precomputedKernelSource(X) : featureKernelSource(X, spec);
    const all = labels.map((_, i) => i);
    const solverParams = {
      C: this.params.C,
      epsilon: 0.1,
      tol: this.params.tol,
      cacheSize: this.params.cacheSize,
      shrinking: this.params.shrinking,
    };
    const solution = fitSvcSolution(source, all, labels, solverParams);
    const sigmoids = this.probability ? plattCalibrate(source, all, labels, solverParams, this.seed) : null;
    // Same key order as stateSchema, so a reloaded model serialises to the same text.
    this.fitted = {
      classes,
      gamma: spec?.gamma ?? 0,
      nFeatures: cols,
      svIndices: solution.svIndices,
      supportVectors: pre ? null : solution.svIndices.map((i) => [...X[i]!]),
      nSupport: solution.nSupport,
      coef: solution.coef,
      rho: solution.rho,
      sigmoids,
    };
    return this;
  }

  predict(X: FeatureMatrix): number[] {
    const state = this.state();
    return this.pairDecisions(X).map((d) => state.classes[voteClass(d, state.classes.length)]!);
  }

  /** See the class docs: 1-D for two classes (positive → larger label), else n × classes (one-vs-rest shape). */
  decisionFunction(X: FeatureMatrix): number[] | number[][] {
    const m = this.state().classes.length;
    const decisions = this.pairDecisions(X);
    // libsvm's pair value is positive for the smaller label; scikit-learn flips it for two classes.
    if (m === 2) return decisions.map((d) => -d[0]!);
    return decisions.map((d) => ovrDecision(d, m));
  }

  /** Class probabilities (n × classes, ascending labels); needs `probability: true`. */
  predictProba(X: FeatureMatrix): number[][] {
    const { sigmoids, classes } = this.state();
    if (sigmoids === null)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        "predictProba needs an SVC built with { probability: true }; decisionFunction works without it",
      );
    const m = classes.length;
    return this.pairDecisions(X).map((d) => {
      const r = Array.from({ length: m }, () => new Array<number>(m).fill(0));
      let p = 0;
      for (let a = 0; a < m; a++) {
        for (let b = a + 1; b < m; b++) {
          r[a]![b] = sigmoidPredict(d[p]!, sigmoids[p]!);
          r[b]![a] = 1 - r[a]![b]!;
          p++;
        }
      }
      return pairwiseCoupling(r);
    });
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return accuracy(y, this.predict(X));
  }

  toJSON(): ModelJson {
    return makeModelJson(
      this.kind,
      { ...this.params, probability: this.probability, seed: this.seed },
      this.fitted ?? null,
    );
  }

  /** Rebuilds a model saved with `toJSON`. */
  static fromJSON(json: unknown): SVC {
    const { params, state } = readModelJson(json, "SVC", paramsSchema, stateSchema);
    const model = new SVC(params);
    if (state !== null) {
      const nSv = state.svIndices.length;
      const m = state.classes.length;
      const ok =
        state.nSupport.length === m &&
        state.nSupport.reduce((a, b) => a + b, 0) === nSv &&
        state.coef.length === m - 1 &&
        state.coef.every((r) => r.length === nSv) &&
        state.rho.length === (m * (m - 1)) / 2 &&
        (state.supportVectors === null
          ? params.kernel === "precomputed" && state.svIndices.every((i) => i < state.nFeatures)
          : state.supportVectors.length === nSv &&
            state.supportVectors.every((r) => r.length === state.nFeatures)) &&
        (state.sigmoids === null || state.sigmoids.length === state.rho.length);
      if (!ok)
        throw new QforgeError(
          "INVALID_MODEL_FILE",
          "SVC model file is damaged: support vector, coefficient and class counts do not agree",
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

  private pairDecisions(X: FeatureMatrix): number[][] {
    const state = this.state();
    checkColumns(X, state.nFeatures, this.precomputedKernel ? "Ktest (columns = training samples)" : "X");
    return X.map((row) =>
      svcDecisions(
        state,
        kernelRow(row, state, this.precomputedKernel ? undefined : this.kernelSpec(state.gamma)),
      ),
    );
  }

  private state(): State {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "SVC is not fitted; call fit(X, y) first");
    return this.fitted;
  }
}

registerModel("SVC", (json) => SVC.fromJSON(json));
