import type { Circuit } from "../circuit/circuit.js";
import type { TemplateJSON } from "./feature-map.js";

/**
 * A trainable circuit. Its weights are circuit parameters named `w0 … w{P−1}`, numbered in the order they
 * first appear in the circuit (so `weightNames` equals `circuit.parameters` for a pure ansatz, and a weight
 * vector can be bound as a (1 × P) row directly). Each template documents which gate each index drives.
 *
 * @example
 * ```ts
 * const ansatz = new RealAmplitudes(3, { reps: 2 });
 * ansatz.numWeights;   // 9
 * ansatz.weightNames;  // ["w0", …, "w8"]
 * ```
 */
export interface Ansatz {
  readonly numQubits: number;
  readonly numWeights: number;
  readonly circuit: Circuit;
  /** The trainable parameter names, `w0 … w{numWeights−1}`. */
  readonly weightNames: readonly string[];
  toJSON(): TemplateJSON;
}

/**
 * Hands out weight names `w0, w1, …` in order, as a template builds its circuit.
 *
 * @example
 * ```ts
 * const w = new WeightCounter();
 * new Circuit(1).ry(w.next(), 0).rz(w.next(), 0); // RY(w0), RZ(w1)
 * w.names(); // ["w0", "w1"]
 * ```
 */
export class WeightCounter {
  private count = 0;

  /** The next weight name. */
  next(): string {
    return `w${this.count++}`;
  }

  /** The next `k` weight names. */
  take(k: number): string[] {
    return Array.from({ length: k }, () => this.next());
  }

  /** All names handed out so far. */
  names(): readonly string[] {
    return Object.freeze(Array.from({ length: this.count }, (_, i) => `w${i}`));
  }
}
