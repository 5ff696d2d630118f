import { check } from "../../util/errors.js";
import { StateVectorSimulator } from "../../sim/statevector-simulator.js";
import type { Circuit } from "../../circuit/circuit.js";
import { COBYLA } from "../../optim/cobyla.js";
import { minimize } from "../../optim/minimize.js";
import type { Ansatz } from "../../templates/ansatz.js";
import type { FeatureMap } from "../../templates/feature-map.js";
import { Rng } from "../../util/rng.js";
import { checkLabels, encodeLabels } from "../data/check-labels.js";
import type { FeatureMatrix, TargetVector } from "../estimator.js";
import { encodedStates } from "./feature-states.js";
import {
  type PsdFix,
  type QuantumKernel,
  type QuantumKernelJSON,
  fidelityGram,
  fidelityKernel,
} from "./quantum-kernel.js";

/**
 * Kernel-target alignment A(K, y) = ⟨K, yyᵀ⟩_F / (‖K‖_F ‖yyᵀ‖_F) with labels mapped to ±1 (Cristianini et
 * al. 2001): 1 when the kernel separates the classes perfectly, a cheap proxy for SVM accuracy.
 *
 * @example
 * ```ts
 * kernelTargetAlignment([[1, 0], [0, 1]], [0, 1]); // 0.5
 * ```
 */
export function kernelTargetAlignment(K: readonly (readonly number[])[], y: TargetVector): number {
  const classes = checkLabels(y);
  check(classes.length === 2, `kernel-target alignment is defined for two classes; got ${classes.length}`);
  const s = encodeLabels(y, classes).map((c) => (c === 1 ? 1 : -1));
  let num = 0,
    kk = 0;
  for (let i = 0; i < s.length; i++)
    for (let j = 0; j < s.length; j++) {
      const k = K[i]![j]!;
      num += k * s[i]! * s[j]!;
      kk += k * k;
    }
  return num / (Math.sqrt(kk) * s.length);
}

/**
 * A fidelity kernel whose circuit has trainable weights: a parameterised layer (an ansatz) applied before
 * the feature map, k_w(x, y) = |⟨ψ_w(x)|ψ_w(y)⟩|² with
 * ψ_w(x) = U(x)·A(w)|0⟩. {@link TrainableFidelityQuantumKernel.fitAlignment} chooses w to maximise the
 * kernel-target alignment on training data (gradient-free COBYLA, deterministic), as Qiskit's
 * QuantumKernelTrainer does.
 *
 * @example
 * ```ts
 * const k = new TrainableFidelityQuantumKernel(new ZZFeatureMap(2), new RealAmplitudes(2, { reps: 1 }));
 * k.fitAlignment(Xtrain, ytrain, { maxIterations: 50 });
 * new QSVC({ kernel: k }).fit(Xtrain, ytrain);
 * ```
 */
export class TrainableFidelityQuantumKernel implements QuantumKernel {
  readonly featureMap: FeatureMap;
  readonly ansatz: Ansatz;
  readonly circuit: Circuit;
  readonly psdFix: PsdFix;
  weights: Float64Array;
  /** Alignment after each optimizer iteration of the last fit. */
  alignmentHistory: number[] = [];
  private readonly simulator = new StateVectorSimulator();

  constructor(
    featureMap: FeatureMap,
    ansatz: Ansatz,
    options: { weights?: ArrayLike<number>; psdFix?: PsdFix } = {},
  ) {
    check(
      ansatz.numQubits === featureMap.numQubits,
      `the feature map has ${featureMap.numQubits} qubits but the trainable layer ${ansatz.numQubits}`,
    );
    this.featureMap = featureMap;
    this.ansatz = ansatz;
    this.circuit = ansatz.circuit.compose(featureMap.circuit);
    this.psdFix = options.psdFix ?? "clip";
    this.weights = Float64Array.from(options.weights ?? new Float64Array(ansatz.numWeights));
    check(
      this.weights.length === ansatz.numWeights,
      `expected ${ansatz.numWeights} weights, got ${this.weights.length}`,
    );
  }

  private states(X: ReadonlyArray<ArrayLike<number>>, w: ArrayLike<number>): Float64Array[] {
    const fixed = Object.fromEntries(this.ansatz.weightNames.map((n, i) => [n, w[i]!]));
    return encodedStates(this.featureMap, X, this.simulator, this.circuit, fixed);
  }

  evaluate(X: ReadonlyArray<ArrayLike<number>>, Y?: ReadonlyArray<ArrayLike<number>>): number[][] {
    return fidelityKernel((rows) => this.states(rows, this.weights), X, Y, this.psdFix);
  }

  /** Trains the weights to maximise kernel-target alignment on (X, y); returns the final alignment. */
  fitAlignment(
    X: FeatureMatrix,
    y: TargetVector,
    options: { maxIterations?: number; seed?: number } = {},
  ): number {
    const rng = new Rng(options.seed ?? 0);
    const x0 = Float64Array.from(this.weights, () => rng.uniform(-0.1, 0.1));
    const cost = (w: Float64Array) => -kernelTargetAlignment(fidelityGram(this.states(X, w)), y);
    this.alignmentHistory = [];
    const r = minimize(cost, x0, {
      optimizer: new COBYLA({ rhobeg: 0.5 }),
      maxIterations: options.maxIterations ?? 100,
      onStep: (info) => {
        this.alignmentHistory.push(-info.value);
      },
    });
    this.weights = Float64Array.from(r.x);
    return -r.value;
  }

  toJSON(): QuantumKernelJSON {
    return {
      type: "trainable-fidelity",
      featureMap: this.featureMap.toJSON(),
      ansatz: this.ansatz.toJSON(),
      weights: [...this.weights],
      psdFix: this.psdFix,
    };
  }
}
