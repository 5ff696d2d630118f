import { Circuit } from "../circuit/circuit.js";
import { type Ansatz, WeightCounter } from "./ansatz.js";
import type { RotationAxis } from "./angle-embedding.js";
import type { TemplateJSON } from "./feature-map.js";
import { checkNumQubits, checkOptions, enumOption, intOption } from "./template-options.js";

/** Options of {@link BasicEntanglerLayers}. */
export interface BasicEntanglerLayersOptions {
  /** Number of layers L; default 1. */
  readonly layers?: number;
  /** Rotation axis of the trainable gates; default "X" (PennyLane's RX). */
  readonly rotation?: RotationAxis;
}

/**
 * PennyLane's BasicEntanglerLayers. Each layer: a one-parameter rotation on every qubit, then a CNOT ring:
 * CNOT(i, (i + 1) mod n) for i = 0 … n−1 when n > 2, the single CNOT(0, 1) when n = 2, none when n = 1.
 * n·L weights; `w{l·n + i}` is the rotation of layer l on qubit i (PennyLane's (L, n) weights, row-major).
 *
 * @example
 * ```ts
 * const a = new BasicEntanglerLayers(3, { layers: 2, rotation: "Y" });
 * a.circuit.countOps(); // { ry: 6, cx: 6 }
 * ```
 */
export class BasicEntanglerLayers implements Ansatz {
  readonly numQubits: number;
  readonly numWeights: number;
  readonly circuit: Circuit;
  readonly weightNames: readonly string[];
  readonly layers: number;
  readonly rotation: RotationAxis;

  constructor(numQubits: number, options: BasicEntanglerLayersOptions = {}) {
    const where = "BasicEntanglerLayers";
    const n = checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["layers", "rotation"], where);
    this.layers = intOption(o["layers"], "layers", 1, 1, where);
    this.rotation = enumOption(o["rotation"], "rotation", ["X", "Y", "Z"] as const, "X", where);
    const weights = new WeightCounter();
    let c = new Circuit(n);
    for (let l = 0; l < this.layers; l++) {
      for (let i = 0; i < n; i++) c = c.gate(`r${this.rotation.toLowerCase()}`, [i], [weights.next()]);
      c = cnotRing(c, n);
    }
    this.numQubits = n;
    this.circuit = c;
    this.weightNames = weights.names();
    this.numWeights = this.weightNames.length;
  }

  toJSON(): TemplateJSON {
    return {
      type: "BasicEntanglerLayers",
      numQubits: this.numQubits,
      options: { layers: this.layers, rotation: this.rotation },
    };
  }
}

/** PennyLane's "ring" pattern of CNOTs: (i, i+1 mod n) for n > 2, just (0, 1) for n = 2, nothing for n = 1. */
export function cnotRing(c: Circuit, n: number, gate = "cx"): Circuit {
  if (n === 2) return c.gate(gate, [0, 1]);
  if (n > 2) for (let i = 0; i < n; i++) c = c.gate(gate, [i, (i + 1) % n]);
  return c;
}
