import type { Circuit } from "../../circuit/circuit.js";
import { StateVectorSimulator } from "../../sim/statevector-simulator.js";
import type { FeatureMap } from "../../templates/feature-map.js";

/**
 * A (batch × circuit.parameters) binding matrix for `circuit` from a feature map's encoded rows (columns
 * ordered like `map.inputNames`) and optional fixed values for the circuit's other parameters.
 */
export function bindingMatrix(
  circuit: Circuit,
  map: FeatureMap,
  X: ReadonlyArray<ArrayLike<number>>,
  fixed: Readonly<Record<string, number>> = {},
): Float64Array {
  const encoded = map.encodeBatch(X);
  const names = circuit.parameters;
  const P = names.length,
    Pin = map.inputNames.length;
  const source = names.map((n) => map.inputNames.indexOf(n));
  const out = new Float64Array(X.length * P);
  for (let b = 0; b < X.length; b++)
    for (let j = 0; j < P; j++) {
      const s = source[j]!;
      out[b * P + j] = s >= 0 ? encoded[b * Pin + s]! : fixed[names[j]!]!;
    }
  return out;
}

/** One state per data row: the encoding circuit is compiled once and run over the whole batch. */
export function encodedStates(
  map: FeatureMap,
  X: ReadonlyArray<ArrayLike<number>>,
  simulator = new StateVectorSimulator(),
  circuit: Circuit = map.circuit,
  fixed: Readonly<Record<string, number>> = {},
): Float64Array[] {
  if (X.length === 0) return [];
  if (circuit.parameters.length === 0) return X.map(() => simulator.statevector(circuit));
  return simulator.statevectors(circuit, bindingMatrix(circuit, map, X, fixed));
}
