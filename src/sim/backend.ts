import type { Circuit } from "../circuit/circuit.js";
import type { PauliString } from "../observables/pauli-string.js";
import type { PauliSum } from "../observables/pauli-sum.js";
import type { Bindings } from "./bindings.js";

/** Measurement counts keyed by bitstring, classical bit 0 rightmost (as Qiskit prints them). */
export type Counts = Record<string, number>;

/** An observable as the backends accept it. */
export type ObservableLike = PauliSum | PauliString | string;

/** What a backend can do beyond the basic primitives. */
export interface BackendCapabilities {
  readonly exactStates: boolean;
  readonly adjointGradients: boolean;
  readonly noise: boolean;
  readonly maxQubits: number;
}

/**
 * The primitives every simulator offers, over batches of parameter bindings. Results are indexed
 * [binding][observable] for expectations and [binding] otherwise.
 */
export interface Backend {
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  expectation(circuit: Circuit, observables: readonly ObservableLike[], bindings?: Bindings): number[][];
  probabilities(
    circuit: Circuit,
    bindings?: Bindings,
    options?: { qubits?: readonly number[] },
  ): Float64Array[];
  sample(circuit: Circuit, shots: number, bindings?: Bindings): Counts[];
}
