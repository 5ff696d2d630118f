import { QforgeError, check } from "../util/errors.js";
import { Circuit } from "../circuit/circuit.js";
import { GATES } from "../gates/gate-table.js";
import { resolveGate } from "../gates/lookup.js";
import { type Ansatz, WeightCounter } from "./ansatz.js";
import type { TemplateJSON } from "./feature-map.js";
import { checkNumQubits, checkOptions, intOption } from "./template-options.js";

/** Options of {@link StronglyEntanglingLayers}. */
export interface StronglyEntanglingLayersOptions {
  /** Number of layers L; default 1. */
  readonly layers?: number;
  /** Entangler range r per layer, 0 < r < n; default r_l = (l mod (n − 1)) + 1 (PennyLane). */
  readonly ranges?: readonly number[];
  /** The two-qubit gate, without parameters; default "cx" (PennyLane's CNOT imprimitive). */
  readonly imprimitive?: string;
}

/**
 * PennyLane's StronglyEntanglingLayers (Schuld et al. 2020, circuit-centric classifiers). Each layer l:
 * Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ) on every qubit i (RZ(φ) applied first), then — with n > 1 — the
 * imprimitive on (i, (i + r_l) mod n) for i = 0 … n−1. 3·n·L weights, laid out as PennyLane's (L, n, 3)
 * weight tensor flattened row-major: `w{3·(l·n + i) + k}` with k = 0, 1, 2 for φ, θ, ω.
 *
 * @example
 * ```ts
 * const a = new StronglyEntanglingLayers(4, { layers: 2 });
 * a.numWeights; // 24
 * a.ranges;     // [1, 2]
 * ```
 */
export class StronglyEntanglingLayers implements Ansatz {
  readonly numQubits: number;
  readonly numWeights: number;
  readonly circuit: Circuit;
  readonly weightNames: readonly string[];
  readonly layers: number;
  readonly ranges: readonly number[];
  readonly imprimitive: string;

  constructor(numQubits: number, options: StronglyEntanglingLayersOptions = {}) {
    const where = "StronglyEntanglingLayers";
    const n = checkNumQubits(numQubits, where);
    const o = checkOptions(options, ["layers", "ranges", "imprimitive"], where);
    const layers = intOption(o["layers"], "layers", 1, 1, where);
    const ranges =
      o["ranges"] === undefined
        ? Array.from({ length: layers }, (_, l) => (n > 1 ? (l % (n - 1)) + 1 : 0))
        : o["ranges"];
    check(
      Array.isArray(ranges) && ranges.length === layers,
      `${where}: ranges must list one range per layer (${layers}), got ${String(ranges)}`,
    );
    if (n > 1)
      for (const r of ranges)
        check(
          Number.isInteger(r) && r > 0 && r < n,
          `${where}: every range must be an integer with 0 < r < ${n}, got ${String(r)}`,
        );
    const imprimitive = resolveGate(
      typeof o["imprimitive"] === "string"
        ? o["imprimitive"]
        : o["imprimitive"] === undefined
          ? "cx"
          : String(o["imprimitive"]),
    );
    if (GATES[imprimitive].numQubits !== 2 || GATES[imprimitive].numParams !== 0)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `${where}: the imprimitive must be a two-qubit gate without parameters, got "${imprimitive}"`,
      );
    const weights = new WeightCounter();
    let c = new Circuit(n);
    for (let l = 0; l < layers; l++) {
      for (let i = 0; i < n; i++) {
        const [phi, theta, omega] = weights.take(3) as [string, string, string];
        c = c.rz(phi, i).ry(theta, i).rz(omega, i);
      }
      if (n > 1) for (let i = 0; i < n; i++) c = c.gate(imprimitive, [i, (i + (ranges[l] as number)) % n]);
    }
    this.numQubits = n;
    this.layers = layers;
    this.ranges = Object.freeze([...(ranges as number[])]);
    this.imprimitive = imprimitive;
    this.circuit = c;
    this.weightNames = weights.names();
    this.numWeights = this.weightNames.length;
  }

  toJSON(): TemplateJSON {
    return {
      type: "StronglyEntanglingLayers",
      numQubits: this.numQubits,
      options: { layers: this.layers, ranges: [...this.ranges], imprimitive: this.imprimitive },
    };
  }
}
