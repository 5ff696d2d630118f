import { check } from "../util/errors.js";
import { Circuit } from "../circuit/circuit.js";
import { type Ansatz, WeightCounter } from "./ansatz.js";
import type { TemplateJSON } from "./feature-map.js";
import { boolOption, checkNumQubits, checkOptions, intOption } from "./template-options.js";

/** One convolution + pooling step of a {@link QCNN}. */
export interface QCNNLevel {
  /** The qubits active at the start of the level, ascending. */
  readonly active: readonly number[];
  /** Convolution blocks (a, b), in circuit order. */
  readonly conv: readonly (readonly [number, number])[];
  /** Pooling blocks (source, sink), in circuit order; the sources are inactive afterwards. */
  readonly pool: readonly (readonly [number, number])[];
}

/** Options of {@link QCNN}. */
export interface QCNNOptions {
  /** How many qubits remain to be measured at the end; default 1. */
  readonly numReadout?: number;
  /** One weight set per layer for all its blocks (translation invariance, as in Cong et al.); default false. */
  readonly shareWeights?: boolean;
}

/**
 * A quantum convolutional neural network (Cong, Choi & Lukin 2019), with the two-qubit blocks of Qiskit's QCNN
 * tutorial (Vatan–Williams form, 3 weights each). Starting from all qubits active, it repeats
 *
 * - convolution: the conv block on the active neighbours (a₀,a₁), (a₂,a₃), … then (a₁,a₂), (a₃,a₄), …, closing
 *   the ring with (a_{m−1}, a₀) when the m active qubits are an even number above 2;
 * - pooling: the pool block from a₂ₖ (the source, discarded) onto a₂ₖ₊₁ (the sink, kept) — only as many
 *   pairs as needed not to go below `numReadout` — leaving an odd last qubit active;
 *
 * until `numReadout` qubits remain: {@link QCNN.readoutQubits}, the qubits to measure. No gate acts on a
 * qubit after it was pooled away.
 *
 * Blocks (a, b), in circuit order, weights θ₀ θ₁ θ₂:
 * - conv: RZ(−π/2) b, CX(b, a), RZ(θ₀) a, RY(θ₁) b, CX(a, b), RY(θ₂) b, CX(b, a), RZ(π/2) a;
 * - pool (source a, sink b): RZ(−π/2) b, CX(b, a), RZ(θ₀) a, RY(θ₁) b, CX(a, b), RY(θ₂) b.
 *
 * Weights are numbered in circuit order, 3 per block (3 per layer with `shareWeights`).
 *
 * @example
 * ```ts
 * const q = new QCNN(8);
 * q.readoutQubits; // [7]
 * sim.expectation(featureMap.circuit.compose(q.circuit), ["Z7"], bindings);
 * ```
 */
export class QCNN implements Ansatz {
  readonly numQubits: number;
  readonly numWeights: number;
  readonly circuit: Circuit;
  readonly weightNames: readonly string[];
  readonly numReadout: number;
  readonly shareWeights: boolean;
  /** The qubits still active at the end, ascending: the ones to measure. */
  readonly readoutQubits: readonly number[];
  /** The convolution and pooling schedule, level by level; the circuit is exactly these blocks in order. */
  readonly levels: readonly QCNNLevel[];

  constructor(numQubits: number, options: QCNNOptions = {}) {
    const where = "QCNN";
    const n = checkNumQubits(numQubits, where, 2);
    const o = checkOptions(options, ["numReadout", "shareWeights"], where);
    const numReadout = intOption(o["numReadout"], "numReadout", 1, 1, where);
    check(
      numReadout < n,
      `${where}: numReadout must be less than the number of qubits (${n}), got ${numReadout}`,
    );
    const shareWeights = boolOption(o["shareWeights"], "shareWeights", false, where);
    const weights = new WeightCounter();
    const blockWeights = (shared: string[] | undefined): string[] => shared ?? weights.take(3);
    let c = new Circuit(n);
    let active = Array.from({ length: n }, (_, i) => i);
    const levels: QCNNLevel[] = [];
    while (active.length > numReadout) {
      const m = active.length;
      const a = active;
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < m; i += 2) pairs.push([a[i]!, a[i + 1]!]);
      for (let i = 1; i + 1 < m; i += 2) pairs.push([a[i]!, a[i + 1]!]);
      if (m > 2 && m % 2 === 0) pairs.push([a[m - 1]!, a[0]!]);
      const convShared = shareWeights ? weights.take(3) : undefined;
      for (const [p, q] of pairs) c = convBlock(c, p, q, blockWeights(convShared));
      const numPools = Math.min(Math.floor(m / 2), m - numReadout);
      const poolShared = shareWeights ? weights.take(3) : undefined;
      const pools: [number, number][] = [];
      const next: number[] = [];
      for (let i = 0; i < m; i++) {
        if (i % 2 === 0 && i / 2 < numPools) {
          pools.push([a[i]!, a[i + 1]!]);
          c = poolBlock(c, a[i]!, a[i + 1]!, blockWeights(poolShared));
        } else next.push(a[i]!);
      }
      levels.push(
        Object.freeze({ active: Object.freeze(a), conv: Object.freeze(pairs), pool: Object.freeze(pools) }),
      );
      active = next;
    }
    this.numQubits = n;
    this.numReadout = numReadout;
    this.shareWeights = shareWeights;
    this.readoutQubits = Object.freeze(active);
    this.levels = Object.freeze(levels);
    this.circuit = c;
    this.weightNames = weights.names();
    this.numWeights = this.weightNames.length;
  }

  toJSON(): TemplateJSON {
    return {
      type: "QCNN",
      numQubits: this.numQubits,
      options: { numReadout: this.numReadout, shareWeights: this.shareWeights },
    };
  }
}

function convBlock(c: Circuit, a: number, b: number, w: readonly string[]): Circuit {
  return c
    .rz(-Math.PI / 2, b)
    .cx(b, a)
    .rz(w[0]!, a)
    .ry(w[1]!, b)
    .cx(a, b)
    .ry(w[2]!, b)
    .cx(b, a)
    .rz(Math.PI / 2, a);
}

function poolBlock(c: Circuit, source: number, sink: number, w: readonly string[]): Circuit {
  return c
    .rz(-Math.PI / 2, sink)
    .cx(sink, source)
    .rz(w[0]!, source)
    .ry(w[1]!, sink)
    .cx(source, sink)
    .ry(w[2]!, sink);
}
