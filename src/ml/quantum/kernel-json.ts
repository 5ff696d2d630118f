import { QforgeError } from "../../util/errors.js";
import { ansatzFromJSON, featureMapFromJSON } from "../../templates/index.js";
import {
  FidelityQuantumKernel,
  ProjectedQuantumKernel,
  type QuantumKernel,
  type QuantumKernelJSON,
} from "./quantum-kernel.js";
import { TrainableFidelityQuantumKernel } from "./kernel-alignment.js";

/** Rebuilds a kernel from its `toJSON()` form. */
export function quantumKernelFromJSON(json: QuantumKernelJSON): QuantumKernel {
  const map = featureMapFromJSON(json.featureMap);
  switch (json.type) {
    case "fidelity":
      return new FidelityQuantumKernel(map, json.psdFix ? { psdFix: json.psdFix } : {});
    case "projected":
      return new ProjectedQuantumKernel(map, json.gamma !== undefined ? { gamma: json.gamma } : {});
    case "trainable-fidelity":
      if (!json.ansatz || !json.weights)
        throw new QforgeError("INVALID_MODEL_FILE", "a trainable kernel needs its ansatz and weights");
      return new TrainableFidelityQuantumKernel(map, ansatzFromJSON(json.ansatz), {
        weights: json.weights,
        ...(json.psdFix ? { psdFix: json.psdFix } : {}),
      });
    default:
      throw new QforgeError(
        "INVALID_MODEL_FILE",
        `unknown quantum kernel type "${(json as { type: string }).type}"`,
      );
  }
}
