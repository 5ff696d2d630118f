import { QforgeError, check } from "../../util/errors.js";
import type { Circuit } from "../../circuit/circuit.js";
import { PauliSum } from "../../observables/pauli-sum.js";
import type { ObservableLike } from "../../sim/backend.js";
import { type ParallelProvider, StateVectorSimulator } from "../../sim/statevector-simulator.js";
import type { AdjointParallel } from "../../grad/adjoint-batch.js";
import { JacobianFunction } from "../../grad/gradient.js";
import { probabilityJacobian } from "../../grad/probability-jacobian.js";
import type { Ansatz } from "../../templates/ansatz.js";
import type { FeatureMap } from "../../templates/feature-map.js";
import { bindingMatrix } from "./feature-states.js";

/** The feature map + ansatz pair every QNN is built from. */
export interface QnnSpec {
  readonly featureMap: FeatureMap;
  /** Trainable part. Omit it when the feature map is itself trainable (e.g. DataReuploadingLayers). */
  readonly ansatz?: Ansatz;
}

/** Circuit, input and weight names of a feature map followed by an ansatz. */
export function qnnCircuit(spec: QnnSpec): { circuit: Circuit; weightNames: readonly string[] } {
  const { featureMap, ansatz } = spec;
  if (ansatz) {
    check(
      ansatz.numQubits === featureMap.numQubits,
      `the feature map has ${featureMap.numQubits} qubits but the ansatz ${ansatz.numQubits}`,
    );
    const clash = ansatz.weightNames.filter((w) => featureMap.inputNames.includes(w));
    check(clash.length === 0, `ansatz weights and feature-map inputs share names: ${clash.join(", ")}`);
    return { circuit: featureMap.circuit.compose(ansatz.circuit), weightNames: ansatz.weightNames };
  }
  const own = (featureMap as Partial<Ansatz>).weightNames;
  if (!own)
    throw new QforgeError("INVALID_ARGUMENT", "give an ansatz: this feature map has no trainable weights");
  return { circuit: featureMap.circuit, weightNames: own };
}

function weightRecord(names: readonly string[], w: ArrayLike<number>): Record<string, number> {
  check(w.length === names.length, `expected ${names.length} weights, got ${w.length}`);
  const out: Record<string, number> = {};
  names.forEach((n, i) => {
    const v = w[i]!;
    if (!Number.isFinite(v)) throw new QforgeError("NON_FINITE", `weight ${n} is ${v}`);
    out[n] = v;
  });
  return out;
}

/** Worker threads for a QNN's forward batches and adjoint Jacobians (`createThreadPool()` in Node). */
export type QnnParallel = ParallelProvider & AdjointParallel;

/**
 * Expectation-value network: f(x; w)_k = ⟨ψ(x, w)|O_k|ψ(x, w)⟩ over a batch, with the weight Jacobian by
 * adjoint differentiation (one forward and one backward sweep per row).
 *
 * @example
 * ```ts
 * const qnn = new EstimatorQNN({ featureMap: new ZZFeatureMap(2), ansatz: new RealAmplitudes(2) }, ["Z0", "Z1"]);
 * const { values, jacobian } = qnn.backward(X, weights); // (B × 2), (B × 2 × W)
 * ```
 */
export class EstimatorQNN {
  readonly circuit: Circuit;
  readonly featureMap: FeatureMap;
  readonly weightNames: readonly string[];
  readonly observables: readonly PauliSum[];
  private readonly jac: JacobianFunction;
  private readonly simulator: StateVectorSimulator;

  /** `parallel` (e.g. `createThreadPool()` from `qforge/node`) spreads batches over worker threads. */
  constructor(
    spec: QnnSpec,
    observables: readonly ObservableLike[],
    options: { parallel?: QnnParallel } = {},
  ) {
    const { circuit, weightNames } = qnnCircuit(spec);
    this.circuit = circuit;
    this.featureMap = spec.featureMap;
    this.weightNames = weightNames;
    this.observables = observables.map((o) => PauliSum.from(o));
    const parallel = options.parallel;
    this.simulator = new StateVectorSimulator(parallel ? { parallel } : {});
    this.jac = new JacobianFunction(circuit, this.observables, {
      method: "adjoint",
      trainable: weightNames,
      ...(parallel ? { parallel } : {}),
    });
  }

  get numWeights(): number {
    return this.weightNames.length;
  }

  /** (B × O) expectation values. */
  forward(X: ReadonlyArray<ArrayLike<number>>, weights: ArrayLike<number>): Float64Array {
    const m = bindingMatrix(this.circuit, this.featureMap, X, weightRecord(this.weightNames, weights));
    return Float64Array.from(this.simulator.expectation(this.circuit, this.observables, m).flat());
  }

  /** Values (B × O) and the weight Jacobian (B × O × W). */
  backward(
    X: ReadonlyArray<ArrayLike<number>>,
    weights: ArrayLike<number>,
  ): { values: Float64Array; jacobian: Float64Array } {
    const m = bindingMatrix(this.circuit, this.featureMap, X, weightRecord(this.weightNames, weights));
    const r = this.jac.evaluate(m);
    return { values: r.values, jacobian: r.jacobian };
  }
}

/**
 * Sampler network: f(x; w) = the outcome distribution of `qubits` (2^k probabilities, qubits[0] = least
 * significant bit), with its weight Jacobian by the generator-derived parameter-shift rules.
 *
 * @example
 * ```ts
 * const qnn = new SamplerQNN({ featureMap: new ZFeatureMap(2), ansatz: new RealAmplitudes(2) }, [0, 1]);
 * qnn.forward(X, weights); // (B × 4)
 * ```
 */
export class SamplerQNN {
  readonly circuit: Circuit;
  readonly featureMap: FeatureMap;
  readonly weightNames: readonly string[];
  readonly qubits: readonly number[];
  private readonly simulator = new StateVectorSimulator();

  constructor(spec: QnnSpec, qubits?: readonly number[]) {
    const { circuit, weightNames } = qnnCircuit(spec);
    this.circuit = circuit;
    this.featureMap = spec.featureMap;
    this.weightNames = weightNames;
    this.qubits = qubits ?? Array.from({ length: circuit.numQubits }, (_, i) => i);
  }

  get numOutputs(): number {
    return 1 << this.qubits.length;
  }

  forward(X: ReadonlyArray<ArrayLike<number>>, weights: ArrayLike<number>): Float64Array {
    const m = bindingMatrix(this.circuit, this.featureMap, X, weightRecord(this.weightNames, weights));
    const probs = this.simulator.probabilities(this.circuit, m, { qubits: this.qubits });
    const out = new Float64Array(X.length * this.numOutputs);
    probs.forEach((p, b) => out.set(p, b * this.numOutputs));
    return out;
  }

  /** Probabilities (B × 2^k) and their weight Jacobian (B × 2^k × W). */
  backward(
    X: ReadonlyArray<ArrayLike<number>>,
    weights: ArrayLike<number>,
  ): { values: Float64Array; jacobian: Float64Array } {
    const m = bindingMatrix(this.circuit, this.featureMap, X, weightRecord(this.weightNames, weights));
    return probabilityJacobian(this.circuit, m, { qubits: this.qubits, trainable: this.weightNames });
  }
}
