import { WASM_KERNELS_BASE64, WASM_KERNELS_SHARED_BASE64 } from "./wasm-binary.generated.js";

// The project compiles without DOM typings, so the little of the WebAssembly JS API we use is typed here.

/** A compiled WebAssembly module (opaque). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

/** A WebAssembly memory: its buffer (shared or not) and growth. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
}

/** The WebAssembly global, or undefined where the platform has none. */
export const wasmApi: WasmApi | undefined = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** The exports of the kernel module (assembly/kernels.ts). */
export interface WasmKernelExports {
  run(
    code: number,
    state: number,
    n: number,
    prec: number,
    tid: number,
    nth: number,
    sync: number,
    scratch: number,
  ): void;
  scalePass(state: number, nAmp: number, prec: number, f: number): void;
  braket(
    bra: number,
    ket: number,
    nAmp: number,
    prec: number,
    x: number,
    z: number,
    ctrlMask: number,
    ctrlValue: number,
    out: number,
  ): void;
  braketPart(bra: number, ket: number, nAmp: number, x: number, z: number, imag: number): number;
  braketPair2(bra: number, ket: number, nAmp: number, q0: number, q1: number, y: number, out: number): void;
  braketZAll(bra: number, ket: number, nAmp: number, imag: number, out: number): void;
}

const cache: { plain?: WasmModule | null; shared?: WasmModule | null } = {};

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The compiled kernel module, built synchronously from the embedded bytes (no fetch, no file system), or
 * undefined where WebAssembly, SIMD (or, for `shared`, threads and SharedArrayBuffer) is unavailable — the
 * typed-array kernels take over there.
 */
export function kernelModule(shared = false): WasmModule | undefined {
  const key = shared ? "shared" : "plain";
  const hit = cache[key];
  if (hit !== undefined) return hit ?? undefined;
  let mod: WasmModule | null = null;
  try {
    if (wasmApi && (!shared || typeof SharedArrayBuffer === "function")) {
      const bytes = decodeBase64(shared ? WASM_KERNELS_SHARED_BASE64 : WASM_KERNELS_BASE64);
      if (wasmApi.validate(bytes)) mod = new wasmApi.Module(bytes);
    }
  } catch {
    mod = null;
  }
  cache[key] = mod;
  return mod ?? undefined;
}

/** Instantiates the kernel module on `memory` (synchronously). */
export function instantiateKernels(module: WasmModule, memory: WasmMemory): WasmKernelExports {
  const instance = new wasmApi!.Instance(module, { env: { memory } });
  return instance.exports as unknown as WasmKernelExports;
}
