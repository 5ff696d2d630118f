import { QforgeError, check } from "../util/errors.js";
import { Rng } from "../util/rng.js";
import type { Circuit } from "../circuit/circuit.js";
import { PauliSum } from "../observables/pauli-sum.js";
import type { Backend, BackendCapabilities, Counts, ObservableLike } from "./backend.js";
import { type Bindings, normalizeBindings } from "./bindings.js";
import { type Program, compile } from "./compile.js";
import { runProgram, zeroState } from "./execute.js";
import { expectationPauli } from "./kernels/statevector-kernels.js";
import { DEFAULT_MAX_STATE_BYTES, MAX_SIMULATED_QUBITS, checkStateMemory } from "./memory.js";
import {
  type BatchRequest,
  type BatchTask,
  EngineCache,
  type SimulationSettings,
  batchResultWidth,
  observableTerms,
  probabilitiesOf,
  runBatchRange,
  simulateBinding,
} from "./batch.js";
import type { EngineChoice, StateEngine } from "./engine/state-engine.js";
import { type Precision, bytesPerAmplitude } from "./engine/plan-encoding.js";
import type { FusionOptions } from "./fusion/plan.js";

/**
 * Worker threads for the simulator, provided by qforge's Node runtime (`createThreadPool` in
 * `src/runtime/`); browser-safe code never creates threads itself.
 */
export interface ParallelProvider {
  readonly threads: number;
  /** An engine that runs every plan on all threads (large states), or undefined to use one thread. */
  engine(numQubits: number, precision: Precision): StateEngine | undefined;
  /**
   * Runs a batch of bindings spread over the threads and returns `batch × batchResultWidth(request)` numbers,
   * or undefined when the batch is better run on the calling thread.
   */
  batch(request: BatchRequest): Float64Array | undefined;
}

/** Options of {@link StateVectorSimulator}. */
export interface StateVectorOptions {
  /** Seed for shot sampling and mid-circuit measurement outcomes (default 0). */
  readonly seed?: number;
  /** Largest state allowed, in bytes (default 16 GiB; the CLI passes the machine's memory). */
  readonly maxMemoryBytes?: number;
  /**
   * Amplitude precision: "complex128" (default, ~1e-15) or "complex64" (~1e-7 relative): half the memory,
   * so one more qubit fits, and about twice as fast. States and results are returned as Float64Array either way.
   */
  readonly precision?: Precision;
  /**
   * Kernel engine: "auto" (default: WebAssembly SIMD, or typed arrays where WebAssembly is unavailable or
   * the state exceeds 4 GiB), "wasm", "js", or "reference" (the plain gate-by-gate kernels; complex128).
   */
  readonly engine?: EngineChoice | "reference";
  /** Gate fusion and cache blocking (defaults chosen by measurement, see BENCHMARKS.md). */
  readonly fusion?: FusionOptions;
  /** Worker threads (Node: `createThreadPool(n)` from the runtime, or use `createSimulator({ threads })`). */
  readonly parallel?: ParallelProvider;
}

/**
 * Exact state-vector simulation over batches of parameter bindings. Circuits are fused (single-qubit runs
 * into real rotations, each layer's diagonal gates into one phase pass) and run cache-blocked on WebAssembly
 * SIMD kernels, in complex128 (default) or complex64; small states run gate by gate on specialised
 * typed-array kernels. With `parallel` (Node: `createSimulator({ threads })`) large states and large batches
 * use worker threads.
 *
 * @example
 * ```ts
 * const c = new Circuit(2).h(0).cx(0, 1).ry("theta", 1);
 * const sim = new StateVectorSimulator({ seed: 7 });
 * sim.expectation(c, ["Z0 Z1", "X0"], { theta: [0, Math.PI / 2] }); // [[1, 0], [0, 0]] (approximately)
 * sim.sample(new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1), 1000)[0]; // { "00": ~500, "11": ~500 }
 * new StateVectorSimulator({ precision: "complex64" }).expectation(bigCircuit, ["Z0"]); // half the memory
 * ```
 */
export class StateVectorSimulator implements Backend {
  readonly name = "statevector";
  readonly capabilities: BackendCapabilities;
  /** Amplitude precision of the fast engines. */
  readonly precision: Precision;
  private readonly rng: Rng;
  private readonly maxMemoryBytes: number;
  private readonly settings: SimulationSettings;
  private readonly parallel: ParallelProvider | undefined;
  private readonly engines: EngineCache;
  /** Circuits are immutable: each is compiled once per simulator. */
  private readonly compiled = new WeakMap<Circuit, Program>();

  constructor(options: StateVectorOptions = {}) {
    this.rng = new Rng(options.seed ?? 0);
    this.maxMemoryBytes = options.maxMemoryBytes ?? DEFAULT_MAX_STATE_BYTES;
    this.precision = options.precision ?? "complex128";
    check(
      this.precision === "complex128" || this.precision === "complex64",
      `precision must be "complex128" or "complex64", got "${String(this.precision)}"`,
    );
    const engine = options.engine ?? "auto";
    check(
      ["auto", "wasm", "js", "reference"].includes(engine),
      `engine must be "auto", "wasm", "js" or "reference", got "${String(engine)}"`,
    );
    check(
      !(engine === "reference" && this.precision === "complex64"),
      `the reference engine computes in complex128; use engine "auto", "wasm" or "js" for complex64`,
    );
    this.settings = { precision: this.precision, engine, fusion: options.fusion ?? {} };
    this.parallel = options.parallel;
    const parallel = this.parallel;
    this.engines = new EngineCache(parallel && engine !== "js" ? (n, p) => parallel.engine(n, p) : undefined);
    const bytes = bytesPerAmplitude(this.precision);
    this.capabilities = {
      exactStates: true,
      adjointGradients: true,
      noise: false,
      maxQubits: Math.min(MAX_SIMULATED_QUBITS, Math.floor(Math.log2(this.maxMemoryBytes / bytes))),
    };
  }

  /** The final state of a circuit without mid-circuit measurement, for exactly one binding. */
  statevector(circuit: Circuit, bindings?: Bindings): Float64Array {
    const states = this.statevectors(circuit, bindings);
    check(
      states.length === 1,
      `statevector() takes one binding, got a batch of ${states.length}; use statevectors()`,
    );
    return states[0]!;
  }

  /** Final states, one per binding (interleaved complex128, whatever the simulation precision). */
  statevectors(circuit: Circuit, bindings?: Bindings): Float64Array[] {
    const { program, matrix } = this.prepare(circuit, bindings, 16);
    this.requireUnitary(program);
    const dim2 = 2 * 2 ** program.numQubits;
    const flat = this.runBatch(program, matrix.values, matrix.batch, { kind: "states" });
    return Array.from({ length: matrix.batch }, (_, b) => flat.slice(b * dim2, (b + 1) * dim2));
  }

  expectation(circuit: Circuit, observables: readonly ObservableLike[], bindings?: Bindings): number[][] {
    const sums = observables.map((o) => PauliSum.from(o));
    for (const s of sums) {
      check(
        s.minQubits <= circuit.numQubits,
        `observable "${s}" acts on qubit ${s.minQubits - 1} but the circuit has ${circuit.numQubits} qubits`,
        "QUBIT_OUT_OF_RANGE",
      );
      check(
        s.isHermitian(),
        `observable "${s}" is not Hermitian (complex coefficients); its expectation would not be real`,
      );
    }
    const { program, matrix } = this.prepare(circuit, bindings);
    this.requireUnitary(program);
    const O = sums.length;
    const flat = this.runBatch(program, matrix.values, matrix.batch, {
      kind: "expectation",
      observables: observableTerms(sums),
    });
    return Array.from({ length: matrix.batch }, (_, b) => Array.from(flat.subarray(b * O, (b + 1) * O)));
  }

  probabilities(
    circuit: Circuit,
    bindings?: Bindings,
    options: { qubits?: readonly number[] } = {},
  ): Float64Array[] {
    const qubits = options.qubits;
    if (qubits)
      for (const q of qubits)
        check(
          Number.isInteger(q) && q >= 0 && q < circuit.numQubits,
          `qubit ${q} is out of range for a ${circuit.numQubits}-qubit circuit`,
          "QUBIT_OUT_OF_RANGE",
        );
    const { program, matrix } = this.prepare(circuit, bindings, qubits ? 0 : 8);
    this.requireUnitary(program);
    const task: BatchTask = qubits ? { kind: "probabilities", qubits } : { kind: "probabilities" };
    const w = qubits ? 2 ** qubits.length : 2 ** program.numQubits;
    const flat = this.runBatch(program, matrix.values, matrix.batch, task);
    return Array.from({ length: matrix.batch }, (_, b) => flat.slice(b * w, (b + 1) * w));
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
    const { program, matrix } = this.prepare(c, bindings, 8);
    const P = program.parameters.length;
    const out: Counts[] = [];
    for (let b = 0; b < matrix.batch; b++) {
      out.push(
        program.terminalMeasurementsOnly
          ? this.sampleTerminal(program, matrix.values, b * P, shots)
          : this.sampleTrajectories(program, matrix.values, b * P, shots),
      );
    }
    return out;
  }

  /** Lets go of the cached state (the engine's memory); the next call allocates again. */
  release(): void {
    this.engines.release();
  }

  /** Checks memory before anything is allocated: the state in this precision plus `extraPerAmplitude` bytes per amplitude of output. */
  private prepare(circuit: Circuit, bindings: Bindings | undefined, extraPerAmplitude = 0) {
    const what = extraPerAmplitude > 0 ? "state vector (plus its results)" : "state vector";
    checkStateMemory(
      circuit.numQubits,
      bytesPerAmplitude(this.precision) + extraPerAmplitude,
      this.maxMemoryBytes,
      what,
      1,
      this.precision,
    );
    let program = this.compiled.get(circuit);
    if (!program) {
      program = compile(circuit);
      this.compiled.set(circuit, program);
    }
    const matrix = normalizeBindings(program.parameters, bindings);
    return { program, matrix };
  }

  private requireUnitary(program: Program): void {
    if (program.ops.some((o) => o.kind !== "gate" || o.condition))
      throw new QforgeError(
        "UNSUPPORTED",
        "this circuit measures, resets or branches on classical bits, so it has no single final state; use sample() with shots",
      );
  }

  private runBatch(program: Program, values: Float64Array, batch: number, task: BatchTask): Float64Array {
    const req: BatchRequest = { program, values, batch, settings: this.settings, task };
    const spread = this.parallel?.batch(req);
    if (spread) return spread;
    const out = new Float64Array(batch * batchResultWidth(req));
    runBatchRange(req, 0, batch, out, 0, this.engines);
    return out;
  }

  private sampleTerminal(program: Program, row: Float64Array, offset: number, shots: number): Counts {
    const unitary: Program = { ...program, ops: program.ops.filter((o) => o.kind === "gate") };
    const measures = program.ops.filter((o) => o.kind === "measure");
    const probs = probabilitiesOf(simulateBinding(unitary, row, offset, this.settings, this.engines).state);
    const cdf = new Float64Array(probs.length);
    let acc = 0;
    for (let i = 0; i < probs.length; i++) cdf[i] = acc += probs[i]!;
    const counts: Counts = {};
    const bits = new Uint8Array(program.numClbits);
    for (let s = 0; s < shots; s++) {
      const u = this.rng.next() * acc;
      let lo = 0,
        hi = cdf.length - 1;
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
