import { availableParallelism } from "node:os";
import { createThreadPool } from "../thread-pool.js";
import {
  type Ansatz,
  type Estimator,
  type FeatureMap,
  FidelityQuantumKernel,
  LogisticRegression,
  MLPClassifier,
  MLPRegressor,
  Pipeline,
  ProjectedQuantumKernel,
  QSVC,
  QSVR,
  type QuantumKernel,
  RidgeRegression,
  SVC,
  SVR,
  TrainableFidelityQuantumKernel,
  type Transformer,
  VQC,
  VQR,
} from "../../ml/index.js";
import type { Circuit } from "../../index.js";
import { QforgeError } from "../../util/errors.js";
import { buildAnsatz, buildFeatureMap, describeAnsatz, describeFeatureMap } from "./build-templates.js";
import { buildPreprocessing, describePreprocessing, preprocessedWidth } from "./build-preprocessing.js";
import type { BaselineSpec, ExperimentConfig, ModelSpec, Task } from "./resolve-experiment-config.js";

/** The most qubits an experiment model may use (exact state-vector simulation of every training row). */
export const MAX_EXPERIMENT_QUBITS = 20;

/** What fitting a member produced. */
export interface MemberFit {
  readonly pipeline: Pipeline;
  /** Training loss per optimizer iteration (variational models). */
  readonly lossHistory?: number[];
  /** Kernel-target alignment per iteration (trainable kernels). */
  readonly alignmentHistory?: number[];
  /** The training Gram matrix (kernel models). */
  readonly trainingKernel?: number[][];
}

/** A model or baseline of an experiment, ready to fit. */
export interface Member {
  readonly name: string;
  readonly family: "quantum" | "classical";
  readonly type: string;
  /** The config entry, e.g. `models[0]`. */
  readonly path: string;
  readonly description: string;
  readonly preprocessText: string;
  readonly qubits: number | null;
  /** The circuit simulated per data row (feature map, plus ansatz for variational models). */
  readonly circuit: Circuit | undefined;
  /** What that circuit is, in a sentence for the report. */
  readonly circuitCaption: string | undefined;
  readonly trainableWeights: number | null;
  /** The iteration cap of its optimizer (after the budget), or null. */
  readonly maxIterations: number | null;
  /** What `lossHistory` measures, for chart labels. */
  readonly lossName: string | null;
  /** Fits fresh transformers and estimator on training rows; `onStep` sees each optimizer iteration. */
  fit(X: number[][], y: number[], onStep: (iteration: number, loss: number) => void): MemberFit;
}

/**
 * Builds every model and baseline of a config for data of this shape, checking everything that depends on
 * the data (PCA sizes, qubit counts, classes per readout) before any training.
 *
 * @example
 * ```ts
 * const members = buildMembers(config, { task: "classification", features: 30, trainRows: 398, numClasses: 2 });
 * ```
 */
export function buildMembers(
  config: ExperimentConfig,
  shape: { task: Task; features: number; trainRows: number; numClasses: number },
): Member[] {
  const cap = (n: number) =>
    config.budget.max_iterations === null ? n : Math.min(n, config.budget.max_iterations);
  return [
    ...config.models.map((m, i) => quantumMember(m, `models[${i}]`, shape, cap)),
    ...config.baselines.map((b, i) => classicalMember(b, `baselines[${i}]`, shape, config.seed)),
  ];
}

function quantumMember(
  m: ModelSpec,
  path: string,
  shape: { task: Task; features: number; trainRows: number; numClasses: number },
  cap: (n: number) => number,
): Member {
  const qubits = preprocessedWidth(m.preprocess, shape.features, shape.trainRows, `${path}.preprocess`);
  if (qubits > MAX_EXPERIMENT_QUBITS)
    throw new QforgeError(
      "INVALID_ARGUMENT",
      `${path}: ${qubits} features after preprocessing would need ${qubits} qubits; at most ${MAX_EXPERIMENT_QUBITS} can be simulated here. Add { pca: N } to its preprocess (e.g. { pca: 8 })`,
    );
  const at = <T>(field: string, make: () => T): T => {
    try {
      return make();
    } catch (e) {
      if (e instanceof QforgeError) throw new QforgeError(e.code, `${path}.${field}: ${e.message}`);
      throw e;
    }
  };
  const featureMap = at("feature_map", () => buildFeatureMap(m.feature_map, qubits));
  const preprocessText = describePreprocessing(m.preprocess);
  const transformers = () => buildPreprocessing(m.preprocess);

  if (m.type === "qsvc" || m.type === "qsvr") {
    const k = m.kernel;
    const kernelAnsatz =
      k.type === "trainable" ? at("kernel.ansatz", () => buildAnsatz(k.ansatz, qubits)!) : undefined;
    if (k.type === "trainable" && shape.numClasses !== 2)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `${path}.kernel: kernel-target alignment needs two classes; this data has ${shape.numClasses}`,
      );
    const makeKernel = (): QuantumKernel =>
      k.type === "fidelity"
        ? new FidelityQuantumKernel(featureMap)
        : k.type === "projected"
          ? new ProjectedQuantumKernel(featureMap, { gamma: k.gamma })
          : new TrainableFidelityQuantumKernel(featureMap, kernelAnsatz!);
    const makeSvm = (kernel: QuantumKernel) =>
      m.type === "qsvc" ? new QSVC({ kernel, C: m.C }) : new QSVR({ kernel, C: m.C, epsilon: m.epsilon });
    const alignIterations = k.type === "trainable" ? cap(k.max_iterations) : null;
    const kernelText =
      k.type === "fidelity"
        ? "fidelity kernel"
        : k.type === "projected"
          ? `projected kernel (gamma ${k.gamma})`
          : `trainable fidelity kernel (${describeAnsatz(k.ansatz)} before the map, fitted by kernel-target alignment, ≤ ${alignIterations} COBYLA iterations)`;
    return {
      name: m.name,
      family: "quantum",
      type: m.type,
      path,
      description: `${m.type.toUpperCase()} (C ${m.C}${m.type === "qsvr" ? `, epsilon ${m.epsilon}` : ""}) on a ${kernelText} of the ${describeFeatureMap(m.feature_map)}`,
      preprocessText,
      qubits,
      circuit: kernelAnsatz ? kernelAnsatz.circuit.compose(featureMap.circuit) : featureMap.circuit,
      circuitCaption:
        k.type === "fidelity"
          ? "The state preparation U(x) of the fidelity kernel k(x, x′) = |⟨0|U(x′)†U(x)|0⟩|²; x are the features."
          : k.type === "projected"
            ? "The feature map U(x); the projected kernel compares the one-qubit reduced states it prepares."
            : "The trained layer A(w) followed by the feature map U(x): k(x, x′) = |⟨0|A(w)†U(x′)†U(x)A(w)|0⟩|², with w chosen by kernel-target alignment.",
      trainableWeights: kernelAnsatz ? kernelAnsatz.numWeights : 0,
      maxIterations: alignIterations,
      lossName: k.type === "trainable" ? "kernel-target alignment" : null,
      fit(X, y) {
        const pre = transformers();
        let Xt: number[][] = X;
        for (const t of pre) Xt = t.fitTransform(Xt, y);
        const kernel = makeKernel();
        let alignmentHistory: number[] | undefined;
        if (kernel instanceof TrainableFidelityQuantumKernel) {
          kernel.fitAlignment(Xt, y, { maxIterations: alignIterations!, seed: m.seed });
          alignmentHistory = [...kernel.alignmentHistory];
        }
        const svm = makeSvm(kernel);
        svm.fit(Xt, y);
        const pipeline = new Pipeline([...pre, svm] as [...Transformer[], Estimator]);
        return {
          pipeline,
          ...(alignmentHistory ? { alignmentHistory } : {}),
          ...(svm.trainingKernel ? { trainingKernel: svm.trainingKernel } : {}),
        };
      },
    };
  }

  const ansatzSpec = m.type === "data_reuploading" ? undefined : m.ansatz;
  const ansatz: Ansatz | undefined = ansatzSpec
    ? at("ansatz", () => buildAnsatz(ansatzSpec, qubits))
    : undefined;
  const maxIterations = cap(m.optimizer.max_iterations);
  const optimizer = {
    type: m.optimizer.type === "nelder_mead" ? ("nelder-mead" as const) : m.optimizer.type,
    ...(m.optimizer.learning_rate === undefined ? {} : { learningRate: m.optimizer.learning_rate }),
  };
  const circuit = ansatz ? featureMap.circuit.compose(ansatz.circuit) : featureMap.circuit;
  const weights = ansatz ? ansatz.numWeights : ((featureMap as FeatureMap & Partial<Ansatz>).numWeights ?? 0);
  if (m.type !== "vqr" && shape.task === "classification") {
    const readoutQubits =
      (ansatz as { readoutQubits?: readonly number[] } | undefined)?.readoutQubits?.length ?? qubits;
    if (m.readout === "parity" && shape.numClasses !== 2)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `${path}.readout: the parity readout is for two classes; this data has ${shape.numClasses} (use expectation)`,
      );
    if (m.readout === "expectation" && shape.numClasses > 2 && readoutQubits < shape.numClasses)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `${path}: ${shape.numClasses} classes need ${shape.numClasses} readout qubits but the model reads ${readoutQubits}${ansatzSpec?.type === "qcnn" ? " (raise ansatz.num_readout)" : " (use more qubits)"}`,
      );
  }
  const common = {
    featureMap,
    ...(ansatz ? { ansatz } : {}),
    optimizer,
    maxIterations,
    seed: m.seed,
    initScale: m.init_scale,
    // Training batches spread over every core (the trained model is the same as on one thread).
    ...(availableParallelism() > 1 ? { parallel: createThreadPool() } : {}),
  };
  const optimizerText = `${m.optimizer.type === "lbfgs" ? "L-BFGS" : m.optimizer.type}${m.optimizer.learning_rate === undefined ? "" : ` (learning rate ${m.optimizer.learning_rate})`}, ≤ ${maxIterations} iterations`;
  return {
    name: m.name,
    family: "quantum",
    type: m.type,
    path,
    description: `${m.type === "vqr" ? "VQR" : m.type === "qcnn" ? "QCNN classifier" : m.type === "data_reuploading" ? "data re-uploading classifier" : "VQC"}: ${describeFeatureMap(m.feature_map)}${ansatz && ansatzSpec ? ` + ${describeAnsatz(ansatzSpec)}` : ""}; ${optimizerText}${m.type === "vqr" ? `; ⟨Z${m.readout_qubit}⟩ readout` : `; ${m.readout} readout`}`,
    preprocessText,
    qubits,
    circuit,
    circuitCaption: ansatz
      ? `The feature map (inputs x) followed by the trained ansatz (weights w); ${m.type === "vqr" ? `the prediction is read from ⟨Z${m.readout_qubit}⟩` : "class scores are read from ⟨Z⟩ of the readout qubits"}.`
      : "Data re-uploading: the inputs x are encoded again in every layer, between trained rotations w.",
    trainableWeights: weights,
    maxIterations,
    lossName: m.type === "vqr" ? "mean squared error (standardized target)" : "cross-entropy",
    fit(X, y, onStep) {
      const model =
        m.type === "vqr"
          ? new VQR({ ...common, readoutQubit: m.readout_qubit, onStep })
          : new VQC({ ...common, readout: m.readout, onStep });
      const pipeline = new Pipeline([...transformers(), model] as [...Transformer[], Estimator]).fit(X, y);
      return { pipeline, lossHistory: [...model.lossHistory] };
    },
  };
}

function classicalMember(
  b: BaselineSpec,
  path: string,
  shape: { task: Task; features: number; trainRows: number },
  seed: number,
): Member {
  preprocessedWidth(b.preprocess, shape.features, shape.trainRows, `${path}.preprocess`);
  let make: () => Estimator;
  let description: string;
  switch (b.type) {
    case "svc_rbf":
      make = () => new SVC({ kernel: "rbf", C: b.C, gamma: b.gamma });
      description = `SVC, RBF kernel (C ${b.C}, gamma ${b.gamma})`;
      break;
    case "logistic_regression":
      make = () => new LogisticRegression({ C: b.C, maxIter: b.max_iterations });
      description = `logistic regression (C ${b.C})`;
      break;
    case "mlp": {
      const options = {
        hiddenLayerSizes: b.hidden_layer_sizes,
        alpha: b.alpha,
        learningRate: b.learning_rate,
        maxIter: b.max_iterations,
        seed,
      };
      make = () => (shape.task === "classification" ? new MLPClassifier(options) : new MLPRegressor(options));
      description = `multi-layer perceptron (hidden ${b.hidden_layer_sizes.join("×")}, Adam, ≤ ${b.max_iterations} epochs)`;
      break;
    }
    case "ridge":
      make = () => new RidgeRegression({ alpha: b.alpha });
      description = `ridge regression (alpha ${b.alpha})`;
      break;
    case "svr_rbf":
      make = () => new SVR({ kernel: "rbf", C: b.C, epsilon: b.epsilon, gamma: b.gamma });
      description = `SVR, RBF kernel (C ${b.C}, epsilon ${b.epsilon}, gamma ${b.gamma})`;
      break;
  }
  return {
    name: b.name,
    family: "classical",
    type: b.type,
    path,
    description,
    preprocessText: describePreprocessing(b.preprocess),
    qubits: null,
    circuit: undefined,
    circuitCaption: undefined,
    trainableWeights: null,
    maxIterations: null,
    lossName: null,
    fit(X, y) {
      return {
        pipeline: new Pipeline([...buildPreprocessing(b.preprocess), make()] as [
          ...Transformer[],
          Estimator,
        ]).fit(X, y),
      };
    },
  };
}
