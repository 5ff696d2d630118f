import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { check } from "../util/errors.js";
import { type BatchRequest, EngineCache, batchResultWidth, runBatchRange } from "../sim/batch.js";
import type { Precision } from "../sim/engine/plan-encoding.js";
import {
  type StateEngine,
  WASM_MAX_THREADS,
  WASM_SCRATCH,
  WASM_SYNC,
  WasmStateEngine,
} from "../sim/engine/state-engine.js";
import type { ParallelProvider } from "../sim/statevector-simulator.js";
import { type AdjointBatchRequest, type AdjointParallel, runAdjointRange } from "../grad/adjoint-batch.js";
import { CTL } from "./thread-protocol.js";

/** Tuning of a {@link SimThreadPool} (defaults chosen by measurement, see BENCHMARKS.md). */
export interface ThreadPoolOptions {
  /** States of at least this many qubits run each plan on all threads over shared memory (default 18). */
  readonly minQubits?: number;
  /** Batches are spread over the threads when batch × gates × 2^n is at least this (default 2^21). */
  readonly minBatchWork?: number;
}

/** Starts one simulator worker; it adds 1 to `ready[0]` once loaded. */
function startWorker(ready: SharedArrayBuffer): Worker {
  const js = new URL("./sim-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: { ready } });
  // Running from the TypeScript sources (tsx, vitest): load them through tsx's loader in the worker.
  const url = new URL("./sim-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((m) => { m.register(); return import(workerData.url); }).catch((e) => { console.error(e); process.exit(1); });`;
  return new Worker(boot, { eval: true, workerData: { ready, url, tsx } });
}

/**
 * Worker threads for the state-vector simulator (Node only). Large states: every fused plan runs on all
 * threads at once over one shared WebAssembly memory, the threads meeting at a barrier after each pass, so
 * the API stays synchronous. Batches of small circuits, and batches of adjoint Jacobians (`jacobian(…, {
 * parallel })`): bindings are split across the threads.
 *
 * @example
 * ```ts
 * const pool = createThreadPool(2);
 * const sim = new StateVectorSimulator({ parallel: pool });
 * sim.expectation(bigCircuit, ["Z0"]); // both cores on one 24-qubit state
 * ```
 */
export class SimThreadPool implements ParallelProvider, AdjointParallel {
  readonly threads: number;
  private readonly minQubits: number;
  private readonly minBatchWork: number;
  private workers: Worker[] = [];
  private readonly ctlBuffer = new SharedArrayBuffer(CTL.bytes);
  private readonly ctl = new Int32Array(this.ctlBuffer);
  private attached: WasmStateEngine | undefined;
  private readonly engines = new EngineCache();

  constructor(threads: number, options: ThreadPoolOptions = {}) {
    check(Number.isInteger(threads) && threads >= 1, `threads must be a positive integer, got ${threads}`);
    this.threads = Math.min(threads, WASM_MAX_THREADS);
    this.minQubits = options.minQubits ?? 18;
    this.minBatchWork = options.minBatchWork ?? 2 ** 21;
  }

  engine(numQubits: number, precision: Precision): StateEngine | undefined {
    if (this.threads < 2 || numQubits < this.minQubits) return undefined;
    const e = WasmStateEngine.create(numQubits, precision, { shared: true });
    if (!e) return undefined;
    e.setExecutor({
      threads: this.threads,
      execute: (code, state, n, prec) => this.execute(e, code, state, n, prec),
      dispose: () => {
        if (this.attached === e) this.detach();
      },
    });
    return e;
  }

  batch(request: BatchRequest): Float64Array | undefined {
    const n = request.program.numQubits;
    if (!this.worthSpreading(request.batch, request.program.ops.length, n)) return undefined;
    const out = new Float64Array(new SharedArrayBuffer(8 * request.batch * batchResultWidth(request)));
    this.spread(
      request.batch,
      (from, to) => ({ type: "batch", request, from, to, out: out.buffer }),
      (from, to) => runBatchRange(request, from, to, out, from * batchResultWidth(request), this.engines),
    );
    return out;
  }

  /** Adjoint Jacobians of a batch, rows split across the threads (each runs its own engine). */
  adjointBatch(request: AdjointBatchRequest): { values: Float64Array; jacobian: Float64Array } | undefined {
    const n = request.gp.program.numQubits;
    // A row's adjoint costs about four forward passes, so smaller batches pay for the threads.
    if (!this.worthSpreading(request.batch, 4 * request.gp.program.ops.length, n)) return undefined;
    const O = request.observables.length,
      P = request.gp.parameters.length;
    const values = new Float64Array(new SharedArrayBuffer(8 * request.batch * O));
    const jacobian = new Float64Array(new SharedArrayBuffer(8 * request.batch * O * P));
    this.spread(
      request.batch,
      (from, to) => ({
        type: "adjoint",
        request,
        from,
        to,
        values: values.buffer,
        jacobian: jacobian.buffer,
      }),
      (from, to) => runAdjointRange(request, from, to, values, jacobian),
    );
    return { values, jacobian };
  }

  private worthSpreading(batch: number, ops: number, n: number): boolean {
    return (
      this.threads >= 2 &&
      batch >= 2 * this.threads &&
      n < this.minQubits &&
      batch * Math.max(1, ops) * 2 ** n >= this.minBatchWork
    );
  }

  /**
   * Splits rows [0, batch) evenly: the workers take their shares by message (writing into shared buffers)
   * while this thread runs the first share, then waits for them and rethrows the first failure.
   */
  private spread(
    batch: number,
    message: (from: number, to: number) => object,
    runHere: (from: number, to: number) => void,
  ): void {
    this.detach();
    this.spawn();
    const ctl = this.ctl;
    Atomics.store(ctl, CTL.done, 0);
    Atomics.store(ctl, CTL.errorLength, 0);
    const T = this.threads;
    const cut = (t: number) => Math.floor((batch * t) / T);
    this.workers.forEach((worker, i) =>
      worker.postMessage({ ...message(cut(i + 1), cut(i + 2)), ctl: this.ctlBuffer }),
    );
    let mainError: unknown;
    try {
      runHere(0, cut(1));
    } catch (e) {
      mainError = e;
    }
    for (let d = Atomics.load(ctl, CTL.done); d < this.workers.length; d = Atomics.load(ctl, CTL.done))
      Atomics.wait(ctl, CTL.done, d);
    if (mainError) throw mainError;
    const len = Atomics.load(ctl, CTL.errorLength);
    if (len > 0)
      throw new Error(
        `a simulator worker failed: ${new TextDecoder().decode(new Uint8Array(this.ctlBuffer, CTL.errorTextByte, len).slice())}`,
      );
  }

  /** Stops the workers (they are unref'd: an idle pool never keeps the process alive). */
  close(): void {
    this.detach();
    for (const w of this.workers) void w.terminate();
    this.workers = [];
    this.engines.release();
  }

  private spawn(): void {
    if (this.workers.length === this.threads - 1) return;
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const fresh: Worker[] = [];
    for (let i = this.workers.length; i < this.threads - 1; i++) {
      const w = startWorker(ready.buffer as SharedArrayBuffer);
      w.unref();
      fresh.push(w);
    }
    // Block (at most a minute) until every new worker has loaded, so a broken start fails loudly.
    const deadline = Date.now() + 60_000;
    for (let r = Atomics.load(ready, 0); r < fresh.length; r = Atomics.load(ready, 0)) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(ready, 0, r, left) === "timed-out") {
        for (const w of fresh) void w.terminate();
        throw new Error("simulator worker threads did not start within 60 s");
      }
    }
    this.workers.push(...fresh);
  }

  private execute(e: WasmStateEngine, code: number, state: number, n: number, prec: number): void {
    const ctl = this.ctl;
    if (this.attached !== e) {
      this.detach();
      this.spawn();
      const generation = Atomics.load(ctl, CTL.generation);
      this.workers.forEach((w, i) =>
        w.postMessage({
          type: "attach",
          module: e.module,
          memory: e.memory,
          tid: i + 1,
          nth: this.threads,
          ctl: this.ctlBuffer,
          generation,
        }),
      );
      this.attached = e;
    }
    Atomics.store(ctl, CTL.code, code);
    Atomics.store(ctl, CTL.state, state);
    Atomics.store(ctl, CTL.qubits, n);
    Atomics.store(ctl, CTL.precision, prec);
    Atomics.store(ctl, CTL.command, CTL.run);
    Atomics.add(ctl, CTL.generation, 1);
    Atomics.notify(ctl, CTL.generation);
    // This thread is thread 0; the kernels' barriers hold every pass until all threads arrive.
    e.kernels.run(code, state, n, prec, 0, this.threads, WASM_SYNC, WASM_SCRATCH);
  }

  private detach(): void {
    if (!this.attached) return;
    const ctl = this.ctl;
    Atomics.store(ctl, CTL.detached, 0);
    Atomics.store(ctl, CTL.command, CTL.detach);
    Atomics.add(ctl, CTL.generation, 1);
    Atomics.notify(ctl, CTL.generation);
    for (
      let d = Atomics.load(ctl, CTL.detached);
      d < this.workers.length;
      d = Atomics.load(ctl, CTL.detached)
    )
      Atomics.wait(ctl, CTL.detached, d);
    this.attached = undefined;
  }
}

const pools = new Map<number, SimThreadPool>();

/**
 * The process-wide pool for `threads` threads (default: every core, `os.availableParallelism()`), created on
 * first use and shared by every simulator that asks for the same number.
 *
 * @example
 * ```ts
 * const sim = new StateVectorSimulator({ parallel: createThreadPool(4), precision: "complex64" });
 * ```
 */
export function createThreadPool(
  threads = availableParallelism(),
  options: ThreadPoolOptions = {},
): SimThreadPool {
  const hit = pools.get(threads);
  if (hit && options.minQubits === undefined && options.minBatchWork === undefined) return hit;
  const pool = new SimThreadPool(threads, options);
  if (options.minQubits === undefined && options.minBatchWork === undefined) pools.set(threads, pool);
  return pool;
}
