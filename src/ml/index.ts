// Public API of qforge/ml (browser-safe). Node-only loaders live in src/runtime.
export type { DecisionValues, Estimator, FeatureMatrix, TargetVector, Transformer } from "./estimator.js";
export { isEstimator } from "./estimator.js";
export {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  deserializeModel,
  makeModelJson,
  modelFromJSON,
  readModelJson,
  registerModel,
  registeredModelKinds,
  serializeModel,
} from "./serialization.js";
export type { ModelJson, ModelLoader, SerializableModel } from "./serialization.js";

export { checkColumns, checkMatrix, checkTargets, checkXy } from "./data/check-matrix.js";
export { checkLabels, encodeLabels } from "./data/check-labels.js";
export { parseCsv } from "./data/parse-csv.js";
export type { CsvData, ParseCsvOptions } from "./data/parse-csv.js";
export { DATASET_INFO, DATASET_NAMES } from "./data/dataset-info.js";
export type { DatasetInfo, DatasetName } from "./data/dataset-info.js";
export { submatrix, takeItems, takeRows } from "./data/take-rows.js";

export { StandardScaler } from "./preprocessing/standard-scaler.js";
export type { StandardScalerOptions } from "./preprocessing/standard-scaler.js";
export { MinMaxScaler } from "./preprocessing/min-max-scaler.js";
export { PCA } from "./preprocessing/pca.js";
export { Pipeline } from "./preprocessing/pipeline.js";

export { trainTestSplit, trainTestSplitIndices } from "./model-selection/train-test-split.js";
export type { SplitIndices, TrainTestSplitOptions } from "./model-selection/train-test-split.js";
export { kFold, stratifiedKFold } from "./model-selection/k-fold.js";
export type { KFoldOptions } from "./model-selection/k-fold.js";
export { crossValidate } from "./model-selection/cross-validate.js";
export type { CrossValidateOptions, CrossValidateResult } from "./model-selection/cross-validate.js";
export { getScorer } from "./model-selection/scoring.js";
export type { ScoringFunction, ScoringName } from "./model-selection/scoring.js";

export { accuracy } from "./metrics/accuracy.js";
export { f1, precision, recall } from "./metrics/precision-recall-f1.js";
export type { Average, ClassificationMetricOptions } from "./metrics/precision-recall-f1.js";
export { confusionMatrix } from "./metrics/confusion-matrix.js";
export type { ConfusionMatrix } from "./metrics/confusion-matrix.js";
export { rocAuc } from "./metrics/roc-auc.js";
export type { RocAucOptions } from "./metrics/roc-auc.js";
export { rocCurve } from "./metrics/roc-curve.js";
export type { RocCurve, RocCurveOptions } from "./metrics/roc-curve.js";
export { mae, mse, r2 } from "./metrics/regression-metrics.js";

export { LogisticRegression } from "./classical/logistic-regression.js";
export type { LogisticRegressionOptions } from "./classical/logistic-regression.js";
export { RidgeRegression } from "./classical/ridge-regression.js";
export type { RidgeRegressionOptions } from "./classical/ridge-regression.js";
export { MLPClassifier } from "./classical/mlp-classifier.js";
export { MLPRegressor } from "./classical/mlp-regressor.js";
export type { MlpOptions } from "./classical/mlp-network.js";
export { SVC } from "./classical/svc.js";
export type { SVCOptions } from "./classical/svc.js";
export { SVR } from "./classical/svr.js";
export type { SVROptions } from "./classical/svr.js";
export type { SvmOptions } from "./classical/svm-params.js";
export { kernelMatrix, kernelValue, resolveGamma } from "./classical/svm-kernel.js";
export type { GammaOption, KernelMatrixOptions, KernelSpec, SvmKernelName } from "./classical/svm-kernel.js";

// Quantum models
export {
  FidelityQuantumKernel,
  ProjectedQuantumKernel,
  makePsd,
  minEigenvalue,
  fidelityGram,
} from "./quantum/quantum-kernel.js";
export { quantumKernelFromJSON } from "./quantum/kernel-json.js";
export type { QuantumKernel, QuantumKernelJSON, PsdFix } from "./quantum/quantum-kernel.js";
export { TrainableFidelityQuantumKernel, kernelTargetAlignment } from "./quantum/kernel-alignment.js";
export { QSVC, QSVR } from "./quantum/qsvm.js";
export { EstimatorQNN, SamplerQNN, qnnCircuit } from "./quantum/qnn.js";
export type { QnnSpec } from "./quantum/qnn.js";
export { VQC } from "./quantum/vqc.js";
export type { VQCOptions, ClassifierReadout } from "./quantum/vqc.js";
export { VQR } from "./quantum/vqr.js";
export type { VQROptions } from "./quantum/vqr.js";
export type { VariationalOptions } from "./quantum/variational-model.js";
export { makeOptimizer, OPTIMIZER_TYPES } from "./quantum/optimizer-spec.js";
export type { OptimizerSpec } from "./quantum/optimizer-spec.js";
export { bindingMatrix, encodedStates } from "./quantum/feature-states.js";
// Templates are re-exported here so `qforge/ml` is one import for model building.
export * from "../templates/index.js";
