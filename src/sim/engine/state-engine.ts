import { parity } from "../../util/bits.js";
import { QforgeError } from "../../util/errors.js";
import type { Plan } from "../fusion/plan.js";
import { type StateArray, braketPauli } from "../kernels/fast-kernels.js";
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
 * State vectors of one size (slot 0 is the main state; more slots serve adjoint differentiation) and the
 * kernels that run plans on them. The simulator keeps one engine per qubit count and precision and reuses it
 * across bindings (no per-gate or per-binding allocation of the state).
 */
export interface StateEngine {
  readonly kind: "wasm" | "js";
  readonly numQubits: number;
  readonly precision: Precision;
  /** How many states the engine holds. */
  readonly slots: number;
  /** The amplitudes of a slot (interleaved); a fresh view, valid until the next `run`. */
  state(slot?: number): StateArray;
  /** Sets |0…0⟩. */
  resetToZero(slot?: number): void;
  /** Runs a fused plan in place on a slot. */
  run(plan: Plan, slot?: number): void;
  /** Copies the amplitudes of one slot into another. */
  copy(from: number, to: number): void;
  /** Σ_b conj(ψ[b⊕x]) ψ[b] (−1)^{|b∧z|} of slot 0 as [re, im], without copying the state. */
  pauliSum(xMask: number, zMask: number): [number, number];
  /**
   * Σ over b with (b & ctrlMask) = ctrlValue of conj(bra[b⊕x]) ket[b] (−1)^{|b∧z|} between two slots:
   * ⟨bra|X^x Z^z|ket⟩ restricted to the controls.
   */
  braket(
    bra: number,
    ket: number,
    x: number,
    z: number,
    ctrlMask: number,
    ctrlValue: number,
  ): [number, number];
  /**
   * For each term, the real part (or, with `imag`, the imaginary part) of {@link braket}, written to `out`:
   * many brakets between the same two slots, taken while blocks of both states sit in cache.
   */
  braketParts(bra: number, ket: number, terms: readonly BraketPart[], out: Float64Array): void;
  /** Lets go of threads or other resources bound to this state (the memory goes with the last reference). */
  dispose?(): void;
}

/** One Pauli braket of {@link StateEngine.braketParts}: masks, controls, and which part of it. */
export interface BraketPart {
  readonly x: number;
  readonly z: number;
  readonly ctrlMask: number;
  readonly ctrlValue: number;
  readonly imag: boolean;
}

/** Brakets walk the states in blocks of 2^13 amplitudes: both blocks (256 KiB in complex128) stay in L2. */
const BRAKET_BLOCK_QUBITS = 13;

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

/** True when `slots` states of this size (plus room for plans) fit one 32-bit WebAssembly memory. */
export function fitsWasm(numQubits: number, precision: Precision, slots = 1): boolean {
  return WASM_STATE + slots * slotBytes(numQubits, precision) + 64 * PAGE <= MAX_PAGES * PAGE;
}

/** Bytes between consecutive slots: the state rounded up to whole pages. */
function slotBytes(numQubits: number, precision: Precision): number {
  return Math.ceil((bytesPerAmplitude(precision) * 2 ** numQubits) / PAGE) * PAGE;
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
  private readonly slotStride: number;
  private readonly codePtr: number;
  private readonly prec: number;
  private executor: PlanExecutor | undefined;

  private constructor(
    readonly numQubits: number,
    readonly precision: Precision,
    readonly slots: number,
    module: WasmModule,
    memory: WasmMemory,
  ) {
    this.module = module;
    this.memory = memory;
    this.k = instantiateKernels(module, memory);
    this.slotStride = slotBytes(numQubits, precision);
    this.codePtr = WASM_STATE + slots * this.slotStride;
    this.prec = precision === "complex128" ? 0 : 1;
  }

  /**
   * A new engine, or undefined where WebAssembly SIMD is unavailable or the states do not fit 4 GiB.
   * `shared` puts the states in a shared memory (for worker threads); `slots` is how many states (default 1).
   */
  static create(
    numQubits: number,
    precision: Precision,
    options: { shared?: boolean; slots?: number } = {},
  ): WasmStateEngine | undefined {
    const slots = options.slots ?? 1;
    if (!fitsWasm(numQubits, precision, slots)) return undefined;
    const shared = options.shared ?? false;
    const module = kernelModule(shared);
    if (!module) return undefined;
    const stateBytes = slots * slotBytes(numQubits, precision);
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
    return new WasmStateEngine(numQubits, precision, slots, module, memory);
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

  /** Where a slot's amplitudes start in the module's memory. */
  slotPtr(slot: number): number {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.slots)
      throw new Error(`state slot ${slot} out of range (the engine has ${this.slots})`);
    return WASM_STATE + slot * this.slotStride;
  }

  state(slot = 0): StateArray {
    const len = 2 * 2 ** this.numQubits;
    const ptr = this.slotPtr(slot);
    return this.precision === "complex128"
      ? new Float64Array(this.memory.buffer, ptr, len)
      : new Float32Array(this.memory.buffer, ptr, len);
  }

  resetToZero(slot = 0): void {
    const s = this.state(slot);
    s.fill(0);
    s[0] = 1;
  }

  run(plan: Plan, slot = 0): void {
    if (plan.numQubits !== this.numQubits) throw new Error("plan and engine sizes differ");
    const ptr = this.slotPtr(slot);
    const bytes = encodedPlanBytes(plan, this.precision);
    this.ensure(this.codePtr + bytes);
    encodePlan(plan, this.precision, this.memory.buffer as ArrayBuffer, this.codePtr, this.codePtr);
    if (this.executor && this.executor.threads > 1)
      this.executor.execute(this.codePtr, ptr, this.numQubits, this.prec);
    else this.k.run(this.codePtr, ptr, this.numQubits, this.prec, 0, 1, WASM_SYNC, WASM_SCRATCH);
  }

  copy(from: number, to: number): void {
    if (from === to) return;
    this.state(to).set(this.state(from));
  }

  pauliSum(xMask: number, zMask: number): [number, number] {
    return this.braket(0, 0, xMask, zMask, 0, 0);
  }

  braket(
    bra: number,
    ket: number,
    x: number,
    z: number,
    ctrlMask: number,
    ctrlValue: number,
  ): [number, number] {
    const nAmp = 2 ** this.numQubits;
    this.k.braket(this.slotPtr(bra), this.slotPtr(ket), nAmp, this.prec, x, z, ctrlMask, ctrlValue, WASM_OUT);
    const out = new Float64Array(this.memory.buffer, WASM_OUT, 2);
    return [out[0]!, out[1]!];
  }

  braketParts(bra: number, ket: number, terms: readonly BraketPart[], out: Float64Array): void {
    const n = this.numQubits;
    const b = Math.min(n, BRAKET_BLOCK_QUBITS);
    const block = 2 ** b;
    const lowMask = block - 1;
    const braPtr = this.slotPtr(bra),
      ketPtr = this.slotPtr(ket);
    const local: number[] = [];
    // Single-Z (and identity) terms share one sweep per part (Re / Im).
    const zTerms: [number[], number[]] = [[], []];
    terms.forEach((t, i) => {
      out[i] = 0;
      if (this.prec === 0 && b >= 4 && t.ctrlMask === 0 && t.x === 0 && (t.z & (t.z - 1)) === 0)
        zTerms[t.imag ? 1 : 0].push(i);
      else if (this.prec === 0 && t.ctrlMask === 0 && t.x <= lowMask) local.push(i);
      else if (this.prec === 0 && t.ctrlMask === 0)
        // A partner in another block: one sweep over the whole states.
        out[i] = this.k.braketPart(braPtr, ketPtr, 2 ** n, t.x, t.z, t.imag ? 1 : 0);
      else {
        const [re, im] = this.braket(bra, ket, t.x, t.z, t.ctrlMask, t.ctrlValue);
        out[i] = t.imag ? im : re;
      }
    });
    // Single-qubit X (Im) or Y (Re) terms go two at a time through one sweep that shares their loads.
    const pairs: [number, number, number][] = [];
    for (const y of [0, 1]) {
      const same = local.filter((i) => pauliKind(terms[i]!) === (y ? "Y" : "X"));
      same.sort((u, v) => terms[u]!.x - terms[v]!.x);
      // Pair across the halves of the sorted list, so that the two qubits differ.
      const half = same.length >> 1;
      for (let j = 0; j < half; j++) {
        const u = same[j]!,
          v = same[j + half + (same.length & 1)]!;
        if (terms[u]!.x !== terms[v]!.x) pairs.push([u, v, y]);
      }
    }
    const paired = new Set(pairs.flatMap(([u, v]) => [u, v]));
    const singles = local.filter((i) => !paired.has(i));
    if (local.length === 0 && zTerms[0].length === 0 && zTerms[1].length === 0) return;
    const blocks = 2 ** (n - b);
    const sums = new Float64Array(this.memory.buffer, WASM_OUT, b + 1);
    for (let blk = 0; blk < blocks; blk++) {
      const base = blk * block;
      const off = base * 16;
      for (const imag of [0, 1]) {
        const zs = zTerms[imag]!;
        if (zs.length === 0) continue;
        this.k.braketZAll(braPtr + off, ketPtr + off, block, imag, WASM_OUT);
        for (const i of zs) {
          const z = terms[i]!.z;
          out[i] =
            out[i]! +
            (z === 0 ? sums[b]! : z <= lowMask ? sums[Math.log2(z)]! : base & z ? -sums[b]! : sums[b]!);
        }
      }
      for (const i of singles) {
        const t = terms[i]!;
        const v = this.k.braketPart(braPtr + off, ketPtr + off, block, t.x, t.z & lowMask, t.imag ? 1 : 0);
        out[i] = out[i]! + (parity(base & t.z) ? -v : v);
      }
      for (const [u, v, y] of pairs) {
        this.k.braketPair2(
          braPtr + off,
          ketPtr + off,
          block,
          Math.log2(terms[u]!.x),
          Math.log2(terms[v]!.x),
          y,
          WASM_OUT,
        );
        out[u] = out[u]! + sums[0]!;
        out[v] = out[v]! + sums[1]!;
      }
    }
  }

  /** One in-place pass over the state (times f): the benchmark's unit of time. */
  scalePass(f: number): void {
    this.k.scalePass(WASM_STATE, 2 ** this.numQubits, this.prec, f);
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
  private readonly s: StateArray[];
  private readonly scratch = new JsScratch();

  /** `buffer` (for slot 0) lets worker threads share the main state. */
  constructor(
    readonly numQubits: number,
    readonly precision: Precision,
    buffer?: ArrayBufferLike,
    readonly slots = 1,
  ) {
    const len = 2 * 2 ** numQubits;
    try {
      this.s = Array.from({ length: slots }, (_, i) => {
        const b = i === 0 ? buffer : undefined;
        return precision === "complex128"
          ? new Float64Array(b ?? new ArrayBuffer(8 * len), 0, len)
          : new Float32Array(b ?? new ArrayBuffer(4 * len), 0, len);
      });
    } catch (e) {
      throw new QforgeError(
        "OUT_OF_MEMORY",
        `cannot allocate a ${numQubits}-qubit ${precision} state: ${(e as Error).message}`,
        { cause: e },
      );
    }
  }

  state(slot = 0): StateArray {
    const s = this.s[slot];
    if (!s) throw new Error(`state slot ${slot} out of range (the engine has ${this.slots})`);
    return s;
  }

  resetToZero(slot = 0): void {
    const s = this.state(slot);
    s.fill(0);
    s[0] = 1;
  }

  run(plan: Plan, slot = 0): void {
    runPlanJs(plan, this.state(slot), this.scratch);
  }

  copy(from: number, to: number): void {
    if (from !== to) this.state(to).set(this.state(from));
  }

  pauliSum(xMask: number, zMask: number): [number, number] {
    return pauliSumJs(this.state(0), xMask, zMask);
  }

  braket(
    bra: number,
    ket: number,
    x: number,
    z: number,
    ctrlMask: number,
    ctrlValue: number,
  ): [number, number] {
    return braketPauli(this.state(bra), this.state(ket), x, z, ctrlMask, ctrlValue);
  }

  braketParts(bra: number, ket: number, terms: readonly BraketPart[], out: Float64Array): void {
    terms.forEach((t, i) => {
      const [re, im] = this.braket(bra, ket, t.x, t.z, t.ctrlMask, t.ctrlValue);
      out[i] = t.imag ? im : re;
    });
  }
}

/** "X" (x one bit, z = 0, Im part) or "Y" (x = z one bit, Re part) for an uncontrolled term, else undefined. */
function pauliKind(t: BraketPart): "X" | "Y" | undefined {
  if (t.ctrlMask !== 0 || t.x === 0 || (t.x & (t.x - 1)) !== 0) return undefined;
  if (t.z === 0 && t.imag) return "X";
  if (t.z === t.x && !t.imag) return "Y";
  return undefined;
}

/** Σ_b conj(ψ[b⊕x]) ψ[b] (−1)^{|b∧z|} on a typed array. */
export function pauliSumJs(s: StateArray, xMask: number, zMask: number): [number, number] {
  return braketPauli(s, s, xMask, zMask, 0, 0);
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
  slots = 1,
): StateEngine {
  if (choice !== "js" && numQubits >= 2) {
    const w = WasmStateEngine.create(numQubits, precision, { slots });
    if (w) return w;
    if (choice === "wasm")
      throw new QforgeError(
        "UNSUPPORTED",
        `the WebAssembly engine is unavailable here or a ${numQubits}-qubit ${precision} state exceeds its 4 GiB memory`,
      );
  }
  return new JsStateEngine(numQubits, precision, undefined, slots);
}
