import { z } from "zod";
import { check } from "../../util/errors.js";
import { checkMatrix, checkTargets } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { SVC, type SVCOptions } from "../classical/svc.js";
import { SVR, type SVROptions } from "../classical/svr.js";
import {
  makeModelJson,
  modelFromJSON,
  readModelJson,
  registerModel,
  type ModelJson,
} from "../serialization.js";
import type { QuantumKernel, QuantumKernelJSON } from "./quantum-kernel.js";
import { quantumKernelFromJSON } from "./kernel-json.js";

type SvmKernelFree<T> = Omit<T, "kernel" | "gamma" | "degree" | "coef0">;

const paramsSchema = z.object({
  kernel: z.record(z.string(), z.unknown()),
  svm: z.record(z.string(), z.unknown()),
});
const stateSchema = z.object({
  Xtrain: z.array(z.array(z.number())),
  svm: z.record(z.string(), z.unknown()),
});

/**
 * Shared part of QSVC and QSVR: a classical SVM solver on a precomputed quantum kernel matrix. Training
 * computes the n × n Gram matrix once; prediction the m × n cross-kernel against the training rows.
 */
abstract class QuantumKernelSvm<S extends SVC | SVR> implements Estimator {
  abstract readonly kind: string;
  abstract readonly estimatorType: "classifier" | "regressor";
  readonly kernel: QuantumKernel;
  protected readonly svmOptions: Record<string, unknown>;
  protected svm: S | undefined;
  private Xtrain: number[][] | undefined;
  /** The last training Gram matrix (for reports and alignment checks). */
  trainingKernel: number[][] | undefined;

  protected constructor(kernel: QuantumKernel, svmOptions: Record<string, unknown>) {
    this.kernel = kernel;
    this.svmOptions = svmOptions;
  }

  protected abstract makeSvm(): S;

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows, cols } = checkMatrix(X);
    checkTargets(y, rows);
    check(
      cols === this.kernel.featureMap.numFeatures,
      `the feature map takes ${this.kernel.featureMap.numFeatures} features but X has ${cols} columns`,
      "INVALID_DATA",
    );
    this.Xtrain = X.map((r) => [...r]);
    this.trainingKernel = this.kernel.evaluate(this.Xtrain);
    this.svm = this.makeSvm().fit(this.trainingKernel, y) as S;
    return this;
  }

  /** The m × n kernel between new rows and the training rows. */
  kernelAgainstTraining(X: FeatureMatrix): number[][] {
    const { cols } = checkMatrix(X);
    check(
      cols === this.kernel.featureMap.numFeatures,
      `the model was trained on ${this.kernel.featureMap.numFeatures} features but X has ${cols} columns`,
      "INVALID_DATA",
    );
    return this.kernel.evaluate(X, this.training());
  }

  predict(X: FeatureMatrix): number[] {
    return this.fitted().predict(this.kernelAgainstTraining(X));
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return this.fitted().score(this.kernelAgainstTraining(X), y);
  }

  toJSON(): ModelJson {
    return makeModelJson(
      this.kind,
      { kernel: this.kernel.toJSON() as unknown as Record<string, unknown>, svm: this.svmOptions },
      this.svm
        ? { Xtrain: this.training(), svm: this.svm.toJSON() as unknown as Record<string, unknown> }
        : null,
    );
  }

  protected restore(state: { Xtrain: number[][]; svm: Record<string, unknown> } | null): this {
    if (state) {
      this.Xtrain = state.Xtrain;
      this.svm = modelFromJSON(state.svm) as S;
    }
    return this;
  }

  protected fitted(): S {
    check(this.svm !== undefined, `${this.kind} is not fitted yet; call fit(X, y) first`);
    return this.svm!;
  }

  private training(): number[][] {
    check(this.Xtrain !== undefined, `${this.kind} is not fitted yet; call fit(X, y) first`);
    return this.Xtrain!;
  }
}

/**
 * Quantum-kernel support vector classifier: libsvm's C-SVC (scikit-learn's solver) on a quantum kernel.
 * Given the same kernel matrix it predicts exactly what `SVC({ kernel: "precomputed" })` does.
 *
 * @example
 * ```ts
 * const qsvc = new QSVC({ kernel: new FidelityQuantumKernel(new ZZFeatureMap(4, { reps: 2 })), C: 1 });
 * qsvc.fit(Xtrain, ytrain).score(Xtest, ytest);
 * ```
 */
export class QSVC extends QuantumKernelSvm<SVC> {
  readonly kind = "QSVC";
  readonly estimatorType = "classifier" as const;

  constructor(options: { kernel: QuantumKernel } & SvmKernelFree<SVCOptions>) {
    const { kernel, ...svm } = options;
    super(kernel, svm);
  }

  protected makeSvm(): SVC {
    return new SVC({ ...(this.svmOptions as SVCOptions), kernel: "precomputed" });
  }

  decisionFunction(X: FeatureMatrix) {
    return this.fitted().decisionFunction(this.kernelAgainstTraining(X));
  }

  predictProba(X: FeatureMatrix): number[][] {
    return this.fitted().predictProba(this.kernelAgainstTraining(X));
  }

  static fromJSON(json: unknown): QSVC {
    const { params, state } = readModelJson(json, "QSVC", paramsSchema, stateSchema);
    return new QSVC({
      ...(params.svm as SvmKernelFree<SVCOptions>),
      kernel: quantumKernelFromJSON(params.kernel as unknown as QuantumKernelJSON),
    }).restore(state);
  }
}

/**
 * Quantum-kernel ε-support vector regression on libsvm.
 *
 * @example
 * ```ts
 * const qsvr = new QSVR({ kernel: new FidelityQuantumKernel(new ZFeatureMap(3)), C: 10, epsilon: 0.05 });
 * qsvr.fit(Xtrain, ytrain).score(Xtest, ytest); // R²
 * ```
 */
export class QSVR extends QuantumKernelSvm<SVR> {
  readonly kind = "QSVR";
  readonly estimatorType = "regressor" as const;

  constructor(options: { kernel: QuantumKernel } & SvmKernelFree<SVROptions>) {
    const { kernel, ...svm } = options;
    super(kernel, svm);
  }

  protected makeSvm(): SVR {
    return new SVR({ ...(this.svmOptions as SVROptions), kernel: "precomputed" });
  }

  static fromJSON(json: unknown): QSVR {
    const { params, state } = readModelJson(json, "QSVR", paramsSchema, stateSchema);
    return new QSVR({
      ...(params.svm as SvmKernelFree<SVROptions>),
      kernel: quantumKernelFromJSON(params.kernel as unknown as QuantumKernelJSON),
    }).restore(state);
  }
}

registerModel("QSVC", (json) => QSVC.fromJSON(json));
registerModel("QSVR", (json) => QSVR.fromJSON(json));
