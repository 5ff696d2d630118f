import {
  AngleEmbedding,
  type Ansatz,
  DataReuploadingLayers,
  EfficientSU2,
  type FeatureMap,
  IQPEmbedding,
  PauliFeatureMap,
  QCNN,
  RealAmplitudes,
  StronglyEntanglingLayers,
  ZFeatureMap,
  ZZFeatureMap,
} from "../../ml/index.js";
import type { AnsatzSpec, FeatureMapSpec } from "./experiment-config-schema.js";

/**
 * Builds the feature map a config entry names, on `numQubits` qubits (one feature per qubit).
 *
 * @example
 * ```ts
 * buildFeatureMap({ type: "zz", reps: 2, entanglement: "linear", alpha: 2, bandwidth: 1 }, 4).numQubits; // 4
 * ```
 */
export function buildFeatureMap(spec: FeatureMapSpec, numQubits: number): FeatureMap {
  switch (spec.type) {
    case "zz":
      return new ZZFeatureMap(numQubits, {
        reps: spec.reps,
        entanglement: spec.entanglement,
        alpha: spec.alpha,
        bandwidth: spec.bandwidth,
      });
    case "z":
      return new ZFeatureMap(numQubits, { reps: spec.reps, alpha: spec.alpha, bandwidth: spec.bandwidth });
    case "pauli":
      return new PauliFeatureMap(numQubits, {
        paulis: spec.paulis.map((p) => p.toUpperCase()),
        reps: spec.reps,
        entanglement: spec.entanglement,
        alpha: spec.alpha,
        bandwidth: spec.bandwidth,
      });
    case "angle":
      return new AngleEmbedding(numQubits, { rotation: spec.rotation });
    case "iqp":
      return new IQPEmbedding(numQubits, {
        reps: spec.reps,
        pattern: spec.entanglement,
        bandwidth: spec.bandwidth,
      });
    case "data_reuploading":
      return new DataReuploadingLayers(numQubits, { layers: spec.layers });
  }
}

/**
 * Builds the ansatz a config entry names, or `undefined` for `none`.
 *
 * @example
 * ```ts
 * buildAnsatz({ type: "real_amplitudes", reps: 3, entanglement: "reverse_linear" }, 4)?.numWeights; // 16
 * ```
 */
export function buildAnsatz(spec: AnsatzSpec, numQubits: number): Ansatz | undefined {
  switch (spec.type) {
    case "real_amplitudes":
      return new RealAmplitudes(numQubits, { reps: spec.reps, entanglement: spec.entanglement });
    case "efficient_su2":
      return new EfficientSU2(numQubits, { reps: spec.reps, entanglement: spec.entanglement });
    case "strongly_entangling":
      return new StronglyEntanglingLayers(numQubits, { layers: spec.layers });
    case "qcnn":
      return new QCNN(numQubits, { numReadout: spec.num_readout, shareWeights: spec.share_weights });
    case "none":
      return undefined;
  }
}

/** "ZZ feature map (reps 2, linear, bandwidth 0.15)": a template in words, for reports. */
export function describeFeatureMap(spec: FeatureMapSpec): string {
  const opts = Object.entries(spec)
    .filter(([k]) => k !== "type")
    .map(([k, v]) => `${k.replace(/_/g, " ")} ${Array.isArray(v) ? v.join("+") : v}`);
  const names: Record<FeatureMapSpec["type"], string> = {
    zz: "ZZ feature map",
    z: "Z feature map",
    pauli: "Pauli feature map",
    angle: "angle embedding",
    iqp: "IQP embedding",
    data_reuploading: "data re-uploading layers",
  };
  return `${names[spec.type]} (${opts.join(", ")})`;
}

/** "RealAmplitudes (reps 3, reverse_linear)". */
export function describeAnsatz(spec: AnsatzSpec): string {
  const names: Record<AnsatzSpec["type"], string> = {
    real_amplitudes: "RealAmplitudes",
    efficient_su2: "EfficientSU2",
    strongly_entangling: "StronglyEntanglingLayers",
    qcnn: "QCNN",
    none: "no ansatz",
  };
  const opts = Object.entries(spec)
    .filter(([k]) => k !== "type")
    .map(([k, v]) => `${k.replace(/_/g, " ")} ${v}`);
  return opts.length ? `${names[spec.type]} (${opts.join(", ")})` : names[spec.type];
}
