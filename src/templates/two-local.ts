import { check } from "../util/errors.js";
import { Circuit } from "../circuit/circuit.js";
import { GATES } from "../gates/gate-table.js";
import { resolveGate } from "../gates/lookup.js";
import { type Ansatz, WeightCounter } from "./ansatz.js";
import { type Entanglement, checkEntanglement, entanglerMap, entanglementToJSON } from "./entanglement.js";
import type { TemplateJSON } from "./feature-map.js";
import { boolOption, checkNumQubits, checkOptions, intOption } from "./template-options.js";

/** Options of {@link TwoLocal}. */
export interface TwoLocalOptions {
  /** Gates of each rotation layer, applied in this order to every qubit (e.g. ["ry", "rz"]). Single-qubit gates. */
  readonly rotationBlocks: string | readonly string[];
  /** Gates of each entanglement layer (e.g. "cx", "cz", "crx", "rzz"), each on every block of the entanglement. */
  readonly entanglementBlocks: string | readonly string[];
  /** Which qubit blocks the entangling gates act on; default "full" (Qiskit's TwoLocal). */
  readonly entanglement?: Entanglement;
  /** Number of (rotation, entanglement) repetitions; default 3. */
  readonly reps?: number;
  /** Leave out the rotation layer after the last entanglement layer; default false. */
  readonly skipFinalRotationLayer?: boolean;
}

/** TwoLocal options, resolved. */
export interface TwoLocalSettings {
  readonly rotationBlocks: readonly string[];
  readonly entanglementBlocks: readonly string[];
  readonly entanglement: Entanglement;
  readonly reps: number;
  readonly skipFinalRotationLayer: boolean;
}

/**
 * Shared construction of {@link TwoLocal}, {@link RealAmplitudes} and {@link EfficientSU2} (Qiskit's
 * n-local circuits): `reps` times (rotation layer, entanglement layer), then a final rotation layer unless
 * skipped. A rotation layer applies each rotation block to qubits 0 … n−1 in turn (all qubits for the first
 * block, then all for the second, …); an entanglement layer applies each entanglement block to every index
 * set of the entanglement, in order (repetition r uses offset r, which only matters for "sca"). Every gate
 * parameter is a fresh weight, numbered in circuit order: `w0` is the first rotation on qubit 0, and a gate
 * with several parameters takes consecutive weights. Blocks larger than the circuit are left out (so one
 * qubit has no entanglers).
 *
 * @example
 * ```ts
 * const a: TwoLocalBase = new RealAmplitudes(3, { reps: 1 });
 * a.entanglement; // "reverse_linear"
 * ```
 */
export abstract class TwoLocalBase implements Ansatz {
  readonly numQubits: number;
  readonly numWeights: number;
  readonly circuit: Circuit;
  readonly weightNames: readonly string[];
  readonly rotationBlocks: readonly string[];
  readonly entanglementBlocks: readonly string[];
  readonly entanglement: Entanglement;
  readonly reps: number;
  readonly skipFinalRotationLayer: boolean;

  protected constructor(numQubits: number, s: TwoLocalSettings) {
    this.numQubits = numQubits;
    this.rotationBlocks = s.rotationBlocks;
    this.entanglementBlocks = s.entanglementBlocks;
    this.entanglement = s.entanglement;
    this.reps = s.reps;
    this.skipFinalRotationLayer = s.skipFinalRotationLayer;
    const weights = new WeightCounter();
    this.circuit = buildTwoLocal(numQubits, s, weights);
    this.weightNames = weights.names();
    this.numWeights = this.weightNames.length;
  }

  abstract toJSON(): TemplateJSON;

  protected json(type: string, keys: readonly (keyof TwoLocalSettings | "su2Gates")[]): TemplateJSON {
    const all: Record<keyof TwoLocalSettings | "su2Gates", unknown> = {
      rotationBlocks: [...this.rotationBlocks],
      su2Gates: [...this.rotationBlocks],
      entanglementBlocks: [...this.entanglementBlocks],
      entanglement: entanglementToJSON(this.entanglement),
      reps: this.reps,
      skipFinalRotationLayer: this.skipFinalRotationLayer,
    };
    return { type, numQubits: this.numQubits, options: Object.fromEntries(keys.map((k) => [k, all[k]])) };
  }
}

/**
 * Qiskit's TwoLocal with any single-qubit rotation gates and any multi-qubit entangling gates from the gate
 * table; default entanglement "full" and 3 repetitions, as in Qiskit. See {@link TwoLocalBase} for the layout
 * and the weight order.
 *
 * @example
 * ```ts
 * const a = new TwoLocal(3, { rotationBlocks: ["ry", "rz"], entanglementBlocks: "cz", reps: 1 });
 * a.numWeights; // 12 = 2 rotation layers × 3 qubits × 2 gates
 * ```
 */
export class TwoLocal extends TwoLocalBase {
  constructor(numQubits: number, options: TwoLocalOptions) {
    const where = "TwoLocal";
    checkNumQubits(numQubits, where);
    const o = checkOptions(
      options,
      ["rotationBlocks", "entanglementBlocks", "entanglement", "reps", "skipFinalRotationLayer"],
      where,
    );
    check(
      o["rotationBlocks"] !== undefined && o["entanglementBlocks"] !== undefined,
      `${where}: rotationBlocks and entanglementBlocks are required`,
    );
    super(
      numQubits,
      resolveTwoLocal(numQubits, o, o["rotationBlocks"], o["entanglementBlocks"], "full", where),
    );
  }

  toJSON(): TemplateJSON {
    return this.json("TwoLocal", [
      "rotationBlocks",
      "entanglementBlocks",
      "entanglement",
      "reps",
      "skipFinalRotationLayer",
    ]);
  }
}

/** Validates TwoLocal-style options; the blocks are passed in because RealAmplitudes and EfficientSU2 fix some. */
export function resolveTwoLocal(
  numQubits: number,
  o: Readonly<Record<string, unknown>>,
  rotation: unknown,
  entangling: unknown,
  defaultEntanglement: Entanglement,
  where: string,
): TwoLocalSettings {
  const rotationBlocks = checkGates(rotation, 1, "rotation", where);
  const entanglementBlocks = checkGates(entangling, 0, "entanglement", where);
  const sizes = [...new Set(entanglementBlocks.map((g) => GATES[resolveGate(g)].numQubits))];
  return {
    rotationBlocks,
    entanglementBlocks,
    entanglement: checkEntanglement(o["entanglement"] ?? defaultEntanglement, numQubits, sizes, where),
    reps: intOption(o["reps"], "reps", 3, 0, where),
    skipFinalRotationLayer: boolOption(o["skipFinalRotationLayer"], "skipFinalRotationLayer", false, where),
  };
}

/** Gate names from the gate table; `qubits` 1 requires single-qubit gates, 0 requires gates on ≥ 2 qubits. */
function checkGates(value: unknown, qubits: 0 | 1, what: string, where: string): readonly string[] {
  const list: unknown[] = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  check(list.length > 0, `${where}: ${what} blocks must be a gate name or a non-empty list of gate names`);
  return Object.freeze(
    list.map((g) => {
      check(typeof g === "string", `${where}: ${what} block ${String(g)} is not a gate name`);
      const spec = GATES[resolveGate(g)];
      check(
        qubits === 1 ? spec.numQubits === 1 : spec.numQubits >= 2,
        `${where}: ${what} block "${g}" acts on ${spec.numQubits} qubit(s); ${qubits === 1 ? "rotation blocks are single-qubit gates" : "entanglement blocks act on 2 or more qubits"}`,
      );
      return spec.id;
    }),
  );
}

function buildTwoLocal(n: number, s: TwoLocalSettings, weights: WeightCounter): Circuit {
  let c = new Circuit(n);
  const apply = (gate: string, qubits: readonly number[]): void => {
    c = c.gate(gate, qubits, weights.take(GATES[resolveGate(gate)].numParams));
  };
  const rotationLayer = (): void => {
    for (const g of s.rotationBlocks) for (let q = 0; q < n; q++) apply(g, [q]);
  };
  for (let r = 0; r < s.reps; r++) {
    rotationLayer();
    for (const g of s.entanglementBlocks)
      for (const set of entanglerMap(n, GATES[resolveGate(g)].numQubits, s.entanglement, r)) apply(g, set);
  }
  if (!s.skipFinalRotationLayer) rotationLayer();
  return c;
}
