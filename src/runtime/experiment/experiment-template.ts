/**
 * The commented example config `qforge experiment init` writes: a working breast-cancer experiment that
 * documents every field and its default. It validates as it is (a test checks that).
 *
 * @example
 * ```ts
 * writeTextFile("experiment.yaml", EXPERIMENT_TEMPLATE);
 * ```
 */
export const EXPERIMENT_TEMPLATE = `# qforge experiment config (YAML; JSON works too). Run it with:
#   qforge experiment run experiment.yaml            [--out DIR] [--force] [--quick] [--quiet]
# Fields not written take the default given in the comments. Unknown fields are errors.

# A name for the run: letters, digits, _, - and . (also the default output folder runs/NAME).
name: my-experiment
# Free text shown at the top of the report (default "").
description: Quantum kernel SVM and variational classifier against classical baselines.
# Seed of the split, of subsampling and of every model's random initialisation (default 0).
# The same config and seed give the same metrics.
seed: 0

data:
  # A CSV file with a header row (path relative to where you run qforge), or a bundled dataset:
  # bundled:breast_cancer, bundled:iris, bundled:wine, bundled:digits, bundled:diabetes.
  csv: bundled:breast_cancer
  # The label column (default target). Text labels are fine for classification.
  target: target
  # Feature columns: all (default: every column except the target and the split column) or a list.
  features: all
  # Classes to keep, e.g. [0, 1] for a two-class problem out of more (default all).
  classes: all
  # A seeded random split (defaults: test_size 0.3; stratify true for classifiers, false for regressors) ...
  split: { test_size: 0.3, stratify: true }
  # ... or a column of the CSV that marks each row:  split: { column: split, train: train, test: test }

# Default preprocessing of every quantum model, fitted on the training rows only. A list of:
#   standard (zero mean, unit variance), { pca: N } (N principal components: one per qubit),
#   minmax (to [0, 1]) or { minmax: [low, high] } (numbers or pi, -pi, 2pi, pi/2);  or none.
# Default: [standard, { minmax: [0, pi] }]. A model's own preprocess replaces it.
preprocess: [standard, { pca: 4 }, { minmax: [0, pi] }]

# Quantum models (at least one). Every model takes: type; name (default: the type; used in file names);
# preprocess (default: the list above); seed (default: the seed above).
# The number of qubits is the number of features after preprocessing (at most 20).
models:
  # qsvc / qsvr: a support vector machine on a quantum kernel.
  - type: qsvc
    name: qsvc
    preprocess: [standard, { pca: 10 }, { minmax: [0, pi] }]
    # Feature maps (type, then options with defaults):
    #   zz    { reps: 2, entanglement: full, alpha: 2, bandwidth: 1 }    Qiskit's ZZFeatureMap
    #   z     { reps: 2, alpha: 2, bandwidth: 1 }                        Qiskit's ZFeatureMap
    #   pauli { paulis: [Z, ZZ], reps: 2, entanglement: full, alpha: 2, bandwidth: 1 }
    #   angle { rotation: Y }                   one rotation (X, Y or Z) per feature
    #   iqp   { reps: 1, entanglement: full, bandwidth: 1 }              PennyLane's IQPEmbedding
    #   entanglement: full, linear, reverse_linear, circular, pairwise or sca.
    #   A small bandwidth (0.1 to 0.3) keeps fidelity kernels on many qubits from becoming the identity.
    # Default for qsvc/qsvr: { type: zz }.
    feature_map: { type: zz, reps: 2, entanglement: linear, bandwidth: 0.15 }
    # Kernel (default fidelity): fidelity | { type: projected, gamma: 1.0 }
    #   | { type: trainable, ansatz: { type: real_amplitudes, reps: 1 }, max_iterations: 50 }
    #   (trainable: a layer before the map, fitted to maximise kernel-target alignment; two-class qsvc only)
    kernel: fidelity
    # SVM regularisation (default 1.0). qsvr also takes epsilon (default 0.1).
    C: 1.0

  # vqc / vqr: a variational classifier / regressor trained with exact gradients.
  - type: vqc
    name: vqc
    # Default for vqc/vqr: { type: angle, rotation: Y }. With { type: data_reuploading, layers: 3 }
    # the features are encoded again in every layer, and the ansatz must be none.
    feature_map: { type: angle, rotation: Y }
    # Ansätze (default { type: real_amplitudes }):
    #   real_amplitudes { reps: 3, entanglement: reverse_linear }
    #   efficient_su2   { reps: 3, entanglement: reverse_linear }
    #   strongly_entangling { layers: 2 }
    #   qcnn { num_readout: 1, share_weights: false }
    #   none
    ansatz: { type: real_amplitudes, reps: 3 }
    # Optimizer (defaults { type: lbfgs, max_iterations: 100 }): lbfgs, adam, sgd, spsa, cobyla or
    # nelder_mead; learning_rate for adam (default 0.05) and sgd (default 0.1) only.
    optimizer: { type: lbfgs, max_iterations: 100 }
    # vqc: expectation (default; one ⟨Z⟩ per class with a trained scale and bias) or parity (two classes).
    # vqr instead takes readout_qubit (default 0).
    readout: expectation
    # Initial weights are uniform in [-init_scale, init_scale] (default pi/4).
    init_scale: pi/4

  # Two more model types, with their defaults:
  #   - { type: qcnn }               a vqc with a QCNN ansatz { type: qcnn, num_readout: 1 }
  #   - { type: data_reuploading }   a vqc with feature_map { type: data_reuploading, layers: 3 }

# Classical baselines fitted on the same split, each with its own preprocess (default [standard]).
# Default for classifiers [svc_rbf, logistic_regression, mlp]; for regressors [ridge, svr_rbf, mlp];
# none for no baselines. Options and defaults:
#   svc_rbf { C: 1.0, gamma: scale }           logistic_regression { C: 1.0, max_iterations: 1000 }
#   mlp { hidden_layer_sizes: [100], alpha: 0.0001, learning_rate: 0.001, max_iterations: 200 }
#   ridge { alpha: 1.0 }                       svr_rbf { C: 1.0, epsilon: 0.1, gamma: scale }
baselines: [svc_rbf, logistic_regression, mlp]

# Caps for quick runs (null: no cap). max_iterations caps every quantum optimizer and kernel alignment;
# max_train_samples keeps a seeded, stratified subsample of the training rows. --quick sets max_iterations 20.
budget: { max_iterations: null, max_train_samples: null }

# The report: decision regions on a grid of boundary_grid × boundary_grid points in the plane of the first
# two principal components, and a kernel_samples × kernel_samples sample of each kernel matrix.
report: { decision_boundary: true, boundary_grid: 30, kernel_samples: 40 }

# Where the run writes metrics.json, model-NAME.json, test-predictions.csv, report.html and
# config.resolved.yaml (default runs/NAME). A folder that holds anything is only replaced with --force.
output: runs/my-experiment
`;
