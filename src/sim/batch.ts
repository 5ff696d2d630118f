import { realOfIPower } from "../math/complex-matrix.js";
import type { PauliSum } from "../observables/pauli-sum.js";
import type { Program } from "./compile.js";
import { runProgram, runProgramReference, zeroState } from "./execute.js";
import { planProgram } from "./fusion/plan-program.js";
import type { FusionOptions } from "./fusion/plan.js";
import type { StateArray } from "./kernels/fast-kernels.js";
import { type EngineChoice, type StateEngine, createStateEngine, pauliSumJs } from "./engine/state-engine.js";
import type { Precision } from "./engine/plan-encoding.js";

/**
 * Below this many qubits the simulator runs gates one by one with the specialised typed-array kernels:
 * planning a fused program costs more than it saves on states of a few KiB (measured, see BENCHMARKS.md).
 */
export const FUSION_MIN_QUBITS = 10;

/** Programs longer than this are fused and run in segments of this many gates (bounds a plan's memory). */
export const PLAN_SEGMENT_GATES = 4096;

/** Observables as plain numbers (structured-cloneable for worker threads): per term x, z, #Y, coefficient. */
export interface ObservableTerms {
  readonly terms: Float64Array;
}

/** What to compute for every binding of a batch. */
export type BatchTask =
  | { readonly kind: "expectation"; readonly observables: readonly ObservableTerms[] }
  | { readonly kind: "states" }
  | { readonly kind: "probabilities"; readonly qubits?: readonly number[] };

/** How states are simulated. */
export interface SimulationSettings {
  readonly precision: Precision;
  readonly engine: EngineChoice | "reference";
  readonly fusion: FusionOptions;
}

/** A batch of bindings of one unitary program: plain data, so worker threads can take slices of it. */
export interface BatchRequest {
  readonly program: Program;
  /** (batch × parameters) binding matrix. */
  readonly values: Float64Array;
  readonly batch: number;
  readonly settings: SimulationSettings;
  readonly task: BatchTask;
}

/** Numbers each binding contributes to the output. */
export function batchResultWidth(req: BatchRequest): number {
  const n = req.program.numQubits;
  switch (req.task.kind) {
    case "expectation":
      return req.task.observables.length;
    case "states":
      return 2 * 2 ** n;
    case "probabilities":
      return req.task.qubits ? 2 ** req.task.qubits.length : 2 ** n;
  }
}

/** Flattens observables for {@link BatchRequest}. */
export function observableTerms(sums: readonly PauliSum[]): ObservableTerms[] {
  return sums.map((s) => {
    const live = s.terms.filter((t) => t.coefficient[0] !== 0);
    const terms = new Float64Array(4 * live.length);
    live.forEach((t, i) => {
      terms[4 * i] = t.pauli.xMask;
      terms[4 * i + 1] = t.pauli.zMask;
      terms[4 * i + 2] = t.pauli.numY;
      terms[4 * i + 3] = t.coefficient[0];
    });
    return { terms };
  });
}

/** Reuses one engine per qubit count and precision across calls (the state is the big allocation). */
export class EngineCache {
  private engine: StateEngine | undefined;
  constructor(
    private readonly factory?: (numQubits: number, precision: Precision) => StateEngine | undefined,
  ) {}

  get(numQubits: number, precision: Precision, choice: EngineChoice): StateEngine {
    const e = this.engine;
    if (e && e.numQubits === numQubits && e.precision === precision) return e;
    e?.dispose?.();
    this.engine = undefined; // let a big old state go before allocating the new one
    this.engine = this.factory?.(numQubits, precision) ?? createStateEngine(numQubits, precision, choice);
    return this.engine;
  }

  release(): void {
    this.engine?.dispose?.();
    this.engine = undefined;
  }
}

/** A simulated final state: a view of the amplitudes and, when one ran it, the engine that holds them. */
export interface SimulatedState {
  readonly state: StateArray;
  readonly engine: StateEngine | undefined;
}

/**
 * Simulates one binding of a unitary program: a fused, cache-blocked plan on a fast engine, or gate by gate
 * with the specialised kernels for small states (or with the plain reference kernels when `engine` is
 * "reference"). The view stays valid until the next simulation on the same engines.
 */
export function simulateBinding(
  program: Program,
  values: Float64Array,
  offset: number,
  settings: SimulationSettings,
  engines: EngineCache,
): SimulatedState {
  const n = program.numQubits;
  if (settings.engine === "reference" || (n < FUSION_MIN_QUBITS && settings.engine === "auto")) {
    const s = zeroState(n);
    (settings.engine === "reference" ? runProgramReference : runProgram)(program, s, values, offset);
    return { state: s, engine: undefined };
  }
  const engine = engines.get(n, settings.precision, settings.engine);
  engine.resetToZero();
  // Plan long programs in segments, so a plan's tables stay small whatever the depth.
  const ops = program.ops;
  for (let from = 0; from < ops.length || from === 0; from += PLAN_SEGMENT_GATES) {
    const segment =
      ops.length <= PLAN_SEGMENT_GATES
        ? program
        : { ...program, ops: ops.slice(from, from + PLAN_SEGMENT_GATES) };
    engine.run(planProgram(segment, values, offset, settings.fusion));
  }
  return { state: engine.state(), engine };
}

/** ⟨ψ|P|ψ⟩ for a Pauli string given by masks, on a state of either precision (in the engine when given). */
export function pauliExpectation(
  s: StateArray,
  xMask: number,
  zMask: number,
  numY: number,
  engine?: StateEngine,
): number {
  const [sr, si] = engine ? engine.pauliSum(xMask, zMask) : pauliSumJs(s, xMask, zMask);
  return realOfIPower(numY, sr, si);
}

/** Σ coef · ⟨P⟩ over flattened terms (identity terms have zero masks: ⟨I⟩ = norm² = 1). */
export function expectationOfTerms(s: StateArray, o: ObservableTerms, engine?: StateEngine): number {
  let e = 0;
  const t = o.terms;
  for (let i = 0; i < t.length; i += 4) {
    const x = t[i]!,
      z = t[i + 1]!,
      ny = t[i + 2]!,
      c = t[i + 3]!;
    e += c * (x === 0 && z === 0 ? 1 : pauliExpectation(s, x, z, ny, engine));
  }
  return e;
}

/** |ψ_i|² of every basis state, or the marginal over `qubits` (local bit j ↔ qubits[j]). */
export function probabilitiesOf(
  s: StateArray,
  qubits?: readonly number[],
  out?: Float64Array,
  outOffset = 0,
): Float64Array {
  const dim = s.length >> 1;
  if (!qubits) {
    const o = out ?? new Float64Array(dim);
    for (let i = 0; i < dim; i++) o[outOffset + i] = s[2 * i]! ** 2 + s[2 * i + 1]! ** 2;
    return o;
  }
  const o = out ?? new Float64Array(1 << qubits.length);
  for (let i = 0; i < dim; i++) {
    let local = 0;
    for (let j = 0; j < qubits.length; j++) local |= ((i >> qubits[j]!) & 1) << j;
    o[outOffset + local] = o[outOffset + local]! + s[2 * i]! ** 2 + s[2 * i + 1]! ** 2;
  }
  return o;
}

/** Runs bindings [from, to) of a batch, writing `batchResultWidth` numbers per binding into out (at outOffset for `from`). */
export function runBatchRange(
  req: BatchRequest,
  from: number,
  to: number,
  out: Float64Array,
  outOffset: number,
  engines: EngineCache,
): void {
  const P = req.program.parameters.length;
  const w = batchResultWidth(req);
  for (let b = from; b < to; b++) {
    const { state: s, engine } = simulateBinding(req.program, req.values, b * P, req.settings, engines);
    const at = outOffset + (b - from) * w;
    const task = req.task;
    switch (task.kind) {
      case "expectation":
        task.observables.forEach((o, k) => (out[at + k] = expectationOfTerms(s, o, engine)));
        break;
      case "states":
        out.set(s, at);
        break;
      case "probabilities":
        out.fill(0, at, at + w);
        probabilitiesOf(s, task.qubits, out, at);
        break;
    }
  }
}
