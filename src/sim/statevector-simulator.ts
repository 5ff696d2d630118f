import { QforgeError, check } from "../util/errors.js";
import { Rng } from "../util/rng.js";
import type { Circuit } from "../circuit/circuit.js";
import { PauliSum } from "../observables/pauli-sum.js";
import type { Backend, BackendCapabilities, Counts, ObservableLike } from "./backend.js";
import { type Bindings, normalizeBindings } from "./bindings.js";
import { type Program, compile } from "./compile.js";
import { runProgram, zeroState } from "./execute.js";
import { expectationPauli, marginalProbabilities, probabilities } from "./kernels/statevector-kernels.js";
import { DEFAULT_MAX_STATE_BYTES, checkStateMemory } from "./memory.js";

/** Options of {@link StateVectorSimulator}. */
export interface StateVectorOptions {
  /** Seed for shot sampling and mid-circuit measurement outcomes (default 0). */
  readonly seed?: number;
  /** Largest state allowed, in bytes (default 16 GiB; the CLI passes the machine's memory). */
  readonly maxMemoryBytes?: number;
}

/**
 * Exact state-vector simulation (complex128), over batches of parameter bindings.
 *
 * @example
 * ```ts
 * const c = new Circuit(2).h(0).cx(0, 1).ry("theta", 1);
 * const sim = new StateVectorSimulator({ seed: 7 });
 * sim.expectation(c, ["Z0 Z1", "X0"], { theta: [0, Math.PI / 2] }); // [[1, 0], [0, 0]] (approximately)
 * sim.sample(new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1), 1000)[0]; // { "00": ~500, "11": ~500 }
 * ```
 */
export class StateVectorSimulator implements Backend {
  readonly name = "statevector";
  readonly capabilities: BackendCapabilities;
  private readonly rng: Rng;
  private readonly maxMemoryBytes: number;

  constructor(options: StateVectorOptions = {}) {
    this.rng = new Rng(options.seed ?? 0);
    this.maxMemoryBytes = options.maxMemoryBytes ?? DEFAULT_MAX_STATE_BYTES;
    this.capabilities = { exactStates: true, adjointGradients: true, noise: false, maxQubits: Math.floor(Math.log2(this.maxMemoryBytes / 16)) };
  }

  /** The final state of a circuit without mid-circuit measurement, for exactly one binding. */
  statevector(circuit: Circuit, bindings?: Bindings): Float64Array {
    const states = this.statevectors(circuit, bindings);
    check(states.length === 1, `statevector() takes one binding, got a batch of ${states.length}; use statevectors()`);
    return states[0]!;
  }

  /** Final states, one per binding. */
  statevectors(circuit: Circuit, bindings?: Bindings): Float64Array[] {
    const { program, matrix } = this.prepare(circuit, bindings);
    const out: Float64Array[] = [];
    for (let b = 0; b < matrix.batch; b++) out.push(this.evolve(program, matrix.values, b * program.parameters.length));
    return out;
  }

  expectation(circuit: Circuit, observables: readonly ObservableLike[], bindings?: Bindings): number[][] {
    const sums = observables.map((o) => PauliSum.from(o));
    for (const s of sums) {
      check(s.minQubits <= circuit.numQubits, `observable "${s}" acts on qubit ${s.minQubits - 1} but the circuit has ${circuit.numQubits} qubits`, "QUBIT_OUT_OF_RANGE");
      check(s.isHermitian(), `observable "${s}" is not Hermitian (complex coefficients); its expectation would not be real`);
    }
    const { program, matrix } = this.prepare(circuit, bindings);
    const P = program.parameters.length;
    const out: number[][] = [];
    for (let b = 0; b < matrix.batch; b++) {
      const state = this.evolve(program, matrix.values, b * P);
      out.push(sums.map((s) => expectationOf(state, s)));
    }
    return out;
  }

  probabilities(circuit: Circuit, bindings?: Bindings, options: { qubits?: readonly number[] } = {}): Float64Array[] {
    const qubits = options.qubits;
    if (qubits) for (const q of qubits) check(Number.isInteger(q) && q >= 0 && q < circuit.numQubits, `qubit ${q} is out of range for a ${circuit.numQubits}-qubit circuit`, "QUBIT_OUT_OF_RANGE");
    return this.statevectors(circuit, bindings).map((s) => (qubits ? marginalProbabilities(s, qubits) : probabilities(s)));
  }

  /**
   * Seeded shots. With no measurements in the circuit every qubit is measured at the end (bitstring over
   * qubits); otherwise bitstrings are over classical bits. Mid-circuit measurements, resets and classical
   * conditions are simulated shot by shot.
   */
  sample(circuit: Circuit, shots: number, bindings?: Bindings): Counts[] {
    check(Number.isInteger(shots) && shots > 0, `shots must be a positive integer, got ${shots}`);
    const measured = circuit.operations.some((o) => o.kind === "measure");
    const c = measured ? circuit : circuit.measureAll();
    const { program, matrix } = this.prepare(c, bindings);
    const P = program.parameters.length;
    const out: Counts[] = [];
    for (let b = 0; b < matrix.batch; b++) {
      out.push(program.terminalMeasurementsOnly ? this.sampleTerminal(program, matrix.values, b * P, shots) : this.sampleTrajectories(program, matrix.values, b * P, shots));
    }
    return out;
  }

  private prepare(circuit: Circuit, bindings: Bindings | undefined) {
    checkStateMemory(circuit.numQubits, 16, this.maxMemoryBytes);
    const program = compile(circuit);
    const matrix = normalizeBindings(program.parameters, bindings);
    return { program, matrix };
  }

  private evolve(program: Program, row: Float64Array, offset: number): Float64Array {
    if (program.ops.some((o) => o.kind !== "gate" || o.condition))
      throw new QforgeError("UNSUPPORTED", "this circuit measures, resets or branches on classical bits, so it has no single final state; use sample() with shots");
    const state = zeroState(program.numQubits);
    runProgram(program, state, row, offset);
    return state;
  }

  private sampleTerminal(program: Program, row: Float64Array, offset: number, shots: number): Counts {
    const unitary: Program = { ...program, ops: program.ops.filter((o) => o.kind === "gate") };
    const measures = program.ops.filter((o) => o.kind === "measure");
    const state = zeroState(program.numQubits);
    runProgram(unitary, state, row, offset);
    const probs = probabilities(state);
    const cdf = new Float64Array(probs.length);
    let acc = 0;
    for (let i = 0; i < probs.length; i++) cdf[i] = acc += probs[i]!;
    const counts: Counts = {};
    const bits = new Uint8Array(program.numClbits);
    for (let s = 0; s < shots; s++) {
      const u = this.rng.next() * acc;
      let lo = 0, hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      bits.fill(0);
      for (const m of measures) bits[m.clbit] = (lo >> m.qubit) & 1;
      const key = bitstring(bits);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return sortCounts(counts);
  }

  private sampleTrajectories(program: Program, row: Float64Array, offset: number, shots: number): Counts {
    const counts: Counts = {};
    const bits = new Uint8Array(program.numClbits);
    for (let s = 0; s < shots; s++) {
      bits.fill(0);
      const state = zeroState(program.numQubits);
      runProgram(program, state, row, offset, this.rng, bits);
      const key = bitstring(bits);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return sortCounts(counts);
  }
}

/** ⟨ψ|H|ψ⟩ for a Hermitian Pauli sum. */
export function expectationOf(state: Float64Array, h: PauliSum): number {
  let e = 0;
  for (const t of h.terms) {
    const c = t.coefficient[0];
    if (c === 0) continue;
    e += c * (t.pauli.isIdentity ? 1 : expectationPauli(state, t.pauli.xMask, t.pauli.zMask, t.pauli.numY));
  }
  return e;
}

function bitstring(bits: Uint8Array): string {
  let s = "";
  for (let i = bits.length - 1; i >= 0; i--) s += bits[i] ? "1" : "0";
  return s;
}

function sortCounts(c: Counts): Counts {
  return Object.fromEntries(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : 1)));
}
