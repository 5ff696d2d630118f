import { QforgeError } from "../../util/errors.js";
import type { Plan } from "../fusion/plan.js";
import type { StateArray } from "../kernels/fast-kernels.js";
import { JsScratch, runPlanJs } from "./js-executor.js";
import { type Precision, bytesPerAmplitude, encodePlan, encodedPlanBytes } from "./plan-encoding.js";
import {
  type WasmKernelExports,
  type WasmMemory,
  type WasmModule,
  instantiateKernels,
  kernelModule,
  wasmApi,
} from "./wasm-module.js";

/**
 * One state vector and the kernels that run plans on it. The simulator keeps one engine per qubit count
 * and precision and reuses it across bindings (no per-gate or per-binding allocation of the state).
 */
export interface StateEngine {
  readonly kind: "wasm" | "js";
  readonly numQubits: number;
  readonly precision: Precision;
  /** The amplitudes (interleaved); a fresh view, valid until the next `run`. */
  state(): StateArray;
  /** Sets |0…0⟩. */
  resetToZero(): void;
  /** Runs a fused plan in place. */
  run(plan: Plan): void;
  /** Σ_b conj(ψ[b⊕x]) ψ[b] (−1)^{|b∧z|} as [re, im], without copying the state. */
  pauliSum(xMask: number, zMask: number): [number, number];
  /** Lets go of threads or other resources bound to this state (the memory goes with the last reference). */
  dispose?(): void;
}

/** Memory layout of a kernel instance: sync words, per-thread scratch, an output slot, then the state. */
export const WASM_SYNC = 1024;
export const WASM_SCRATCH = 4096;
export const WASM_SCRATCH_PER_THREAD = 1024;
export const WASM_MAX_THREADS = 48;
export const WASM_OUT = 61440;
export const WASM_STATE = 65536;
const PAGE = 65536;
const MAX_PAGES = 65536;

/** Runs an encoded plan on every thread of a pool (provided by the Node runtime for worker threads). */
export interface PlanExecutor {
  readonly threads: number;
  /** Runs the plan at `code` on all threads and returns when every thread is done. */
  execute(code: number, state: number, numQubits: number, prec: number): void;
  /** Releases the threads bound to the engine. */
  dispose?(): void;
}

/** True when a state of this size (plus room for plans) fits one 32-bit WebAssembly memory. */
export function fitsWasm(numQubits: number, precision: Precision): boolean {
  return WASM_STATE + bytesPerAmplitude(precision) * 2 ** numQubits + 64 * PAGE <= MAX_PAGES * PAGE;
}

/**
 * The WebAssembly SIMD engine: the state lives in the module's memory; plans are encoded next to it and
 * interpreted by `assembly/kernels.ts`.
 */
export class WasmStateEngine implements StateEngine {
  readonly kind = "wasm";
  readonly memory: WasmMemory;
  readonly module: WasmModule;
  private readonly k: WasmKernelExports;
  private readonly stateBytes: number;
  private readonly codePtr: number;
  private executor: PlanExecutor | undefined;

  private constructor(
    readonly numQubits: number,
    readonly precision: Precision,
    module: WasmModule,
    memory: WasmMemory,
  ) {
    this.module = module;
    this.memory = memory;
    this.k = instantiateKernels(module, memory);
    this.stateBytes = bytesPerAmplitude(precision) * 2 ** numQubits;
    this.codePtr = WASM_STATE + Math.ceil(this.stateBytes / PAGE) * PAGE;
  }

  /**
   * A new engine, or undefined where WebAssembly SIMD is unavailable or the state does not fit 4 GiB.
   * `shared` puts the state in a shared memory (for worker threads).
   */
  static create(
    numQubits: number,
    precision: Precision,
    options: { shared?: boolean } = {},
  ): WasmStateEngine | undefined {
    if (!fitsWasm(numQubits, precision)) return undefined;
    const shared = options.shared ?? false;
    const module = kernelModule(shared);
    if (!module) return undefined;
    const stateBytes = bytesPerAmplitude(precision) * 2 ** numQubits;
    const pages = Math.ceil((WASM_STATE + stateBytes) / PAGE) + 2;
    let memory: WasmMemory;
    try {
      memory = shared
        ? new wasmApi!.Memory({ initial: pages, maximum: MAX_PAGES, shared: true })
        : new wasmApi!.Memory({ initial: pages });
    } catch (e) {
      throw new QforgeError(
        "OUT_OF_MEMORY",
        `cannot allocate a ${numQubits}-qubit ${precision} state (${stateBytes} bytes): ${(e as Error).message}`,
        { cause: e },
      );
    }
    return new WasmStateEngine(numQubits, precision, module, memory);
  }

  /** Runs plans on a thread pool sharing this engine's memory (the memory must be shared). */
  setExecutor(executor: PlanExecutor | undefined): void {
    this.executor = executor;
  }

  dispose(): void {
    this.executor?.dispose?.();
    this.executor = undefined;
  }

  /** The kernel exports of the calling thread's instance. */
  get kernels(): WasmKernelExports {
    return this.k;
  }

  get statePtr(): number {
    return WASM_STATE;
  }

  state(): StateArray {
    const len = 2 * 2 ** this.numQubits;
    return this.precision === "complex128"
      ? new Float64Array(this.memory.buffer, WASM_STATE, len)
      : new Float32Array(this.memory.buffer, WASM_STATE, len);
  }

  resetToZero(): void {
    const s = this.state();
    s.fill(0);
    s[0] = 1;
  }

  run(plan: Plan): void {
    if (plan.numQubits !== this.numQubits) throw new Error("plan and engine sizes differ");
    const bytes = encodedPlanBytes(plan, this.precision);
    this.ensure(this.codePtr + bytes);
    encodePlan(plan, this.precision, this.memory.buffer as ArrayBuffer, this.codePtr, this.codePtr);
    const prec = this.precision === "complex128" ? 0 : 1;
    if (this.executor && this.executor.threads > 1)
      this.executor.execute(this.codePtr, WASM_STATE, this.numQubits, prec);
    else this.k.run(this.codePtr, WASM_STATE, this.numQubits, prec, 0, 1, WASM_SYNC, WASM_SCRATCH);
  }

  pauliSum(xMask: number, zMask: number): [number, number] {
    this.k.pauliSum(
      WASM_STATE,
      2 ** this.numQubits,
      this.precision === "complex128" ? 0 : 1,
      xMask,
      zMask,
      WASM_OUT,
    );
    const out = new Float64Array(this.memory.buffer, WASM_OUT, 2);
    return [out[0]!, out[1]!];
  }

  /** One in-place pass over the state (times f): the benchmark's unit of time. */
  scalePass(f: number): void {
    this.k.scalePass(WASM_STATE, 2 ** this.numQubits, this.precision === "complex128" ? 0 : 1, f);
  }

  private ensure(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return;
    const pages = Math.ceil((bytes - have) / PAGE) + 1;
    if (have / PAGE + pages > MAX_PAGES)
      throw new QforgeError(
        "OUT_OF_MEMORY",
        "the fused plan does not fit beside the state in WebAssembly memory",
      );
    this.memory.grow(pages);
  }
}

/** The typed-array engine: the fallback where WebAssembly is unavailable or the state exceeds 4 GiB. */
export class JsStateEngine implements StateEngine {
  readonly kind = "js";
  private readonly s: StateArray;
  private readonly scratch = new JsScratch();

  constructor(
    readonly numQubits: number,
    readonly precision: Precision,
    buffer?: ArrayBufferLike,
  ) {
    const len = 2 * 2 ** numQubits;
    try {
      this.s =
        precision === "complex128"
          ? new Float64Array(buffer ?? new ArrayBuffer(8 * len), 0, len)
          : new Float32Array(buffer ?? new ArrayBuffer(4 * len), 0, len);
    } catch (e) {
      throw new QforgeError(
        "OUT_OF_MEMORY",
        `cannot allocate a ${numQubits}-qubit ${precision} state: ${(e as Error).message}`,
        { cause: e },
      );
    }
  }

  state(): StateArray {
    return this.s;
  }

  resetToZero(): void {
    this.s.fill(0);
    this.s[0] = 1;
  }

  run(plan: Plan): void {
    runPlanJs(plan, this.s, this.scratch);
  }

  pauliSum(xMask: number, zMask: number): [number, number] {
    return pauliSumJs(this.s, xMask, zMask);
  }
}

/** Σ_b conj(ψ[b⊕x]) ψ[b] (−1)^{|b∧z|} on a typed array. */
export function pauliSumJs(s: StateArray, xMask: number, zMask: number): [number, number] {
  const dim = s.length >> 1;
  let sr = 0,
    si = 0;
  for (let b = 0; b < dim; b++) {
    const f = b ^ xMask;
    const fr = s[2 * f]!,
      fi = s[2 * f + 1]!,
      br = s[2 * b]!,
      bi = s[2 * b + 1]!;
    const pr = fr * br + fi * bi,
      pi = fr * bi - fi * br;
    let p = b & zMask;
    p ^= p >>> 16;
    p ^= p >>> 8;
    p ^= p >>> 4;
    p ^= p >>> 2;
    p ^= p >>> 1;
    if (p & 1) {
      sr -= pr;
      si -= pi;
    } else {
      sr += pr;
      si += pi;
    }
  }
  return [sr, si];
}

/** Which engine runs fused plans. */
export type EngineChoice = "auto" | "wasm" | "js";

/**
 * An engine for `numQubits` in `precision`: WebAssembly SIMD when available and the state fits 4 GiB
 * (`auto`), else typed arrays. `wasm` insists (throws where it is unavailable).
 */
export function createStateEngine(
  numQubits: number,
  precision: Precision,
  choice: EngineChoice = "auto",
): StateEngine {
  if (choice !== "js" && numQubits >= 2) {
    const w = WasmStateEngine.create(numQubits, precision);
    if (w) return w;
    if (choice === "wasm")
      throw new QforgeError(
        "UNSUPPORTED",
        `the WebAssembly engine is unavailable here or a ${numQubits}-qubit ${precision} state exceeds its 4 GiB memory`,
      );
  }
  return new JsStateEngine(numQubits, precision);
}
