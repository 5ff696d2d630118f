/**
 * A simulator worker thread (Node). Two modes, driven by {@link SimThreadPool}:
 * - "attach": instantiate the kernel module on a shared WebAssembly memory and run plans as thread `tid`
 *   whenever the control words say so (blocking loop, no messages), until told to detach;
 * - "batch": simulate a slice of a batch of bindings and write the results into a shared buffer;
 * - "adjoint": the same for adjoint Jacobians (values and Jacobians into two shared buffers).
 */
import { parentPort, workerData } from "node:worker_threads";
import { type BatchRequest, EngineCache, batchResultWidth, runBatchRange } from "../sim/batch.js";
import { WASM_SCRATCH, WASM_SCRATCH_PER_THREAD, WASM_SYNC } from "../sim/engine/state-engine.js";
import { type WasmMemory, type WasmModule, instantiateKernels } from "../sim/engine/wasm-module.js";
import { type AdjointBatchRequest, runAdjointRange } from "../grad/adjoint-batch.js";
import { CTL } from "./thread-protocol.js";

interface AttachMessage {
  readonly type: "attach";
  readonly module: WasmModule;
  readonly memory: WasmMemory;
  readonly tid: number;
  readonly nth: number;
  readonly ctl: SharedArrayBuffer;
  readonly generation: number;
}

interface BatchMessage {
  readonly type: "batch";
  readonly request: BatchRequest;
  readonly from: number;
  readonly to: number;
  readonly out: SharedArrayBuffer;
  readonly ctl: SharedArrayBuffer;
}

interface AdjointMessage {
  readonly type: "adjoint";
  readonly request: AdjointBatchRequest;
  readonly from: number;
  readonly to: number;
  readonly values: SharedArrayBuffer;
  readonly jacobian: SharedArrayBuffer;
  readonly ctl: SharedArrayBuffer;
}

const engines = new EngineCache();

function attach(m: AttachMessage): void {
  const k = instantiateKernels(m.module, m.memory);
  const ctl = new Int32Array(m.ctl);
  let seen = m.generation;
  for (;;) {
    while (Atomics.load(ctl, CTL.generation) === seen) Atomics.wait(ctl, CTL.generation, seen);
    seen = Atomics.load(ctl, CTL.generation);
    if (Atomics.load(ctl, CTL.command) === CTL.detach) break;
    k.run(
      Atomics.load(ctl, CTL.code),
      Atomics.load(ctl, CTL.state),
      Atomics.load(ctl, CTL.qubits),
      Atomics.load(ctl, CTL.precision),
      m.tid,
      m.nth,
      WASM_SYNC,
      WASM_SCRATCH + m.tid * WASM_SCRATCH_PER_THREAD,
    );
  }
  Atomics.add(ctl, CTL.detached, 1);
  Atomics.notify(ctl, CTL.detached);
}

/** Runs one share of a batch, records a failure for the pool, and always counts itself done. */
function share(ctlBuffer: SharedArrayBuffer, work: () => void): void {
  const ctl = new Int32Array(ctlBuffer);
  try {
    work();
  } catch (e) {
    const text = new TextEncoder().encode(String((e as Error)?.stack ?? e)).slice(0, 4000);
    new Uint8Array(ctlBuffer, CTL.errorTextByte, text.length).set(text);
    Atomics.store(ctl, CTL.errorLength, text.length);
  } finally {
    Atomics.add(ctl, CTL.done, 1);
    Atomics.notify(ctl, CTL.done);
  }
}

function batch(m: BatchMessage): void {
  share(m.ctl, () => {
    const out = new Float64Array(m.out);
    runBatchRange(m.request, m.from, m.to, out, m.from * batchResultWidth(m.request), engines);
  });
}

function adjoint(m: AdjointMessage): void {
  share(m.ctl, () =>
    runAdjointRange(m.request, m.from, m.to, new Float64Array(m.values), new Float64Array(m.jacobian)),
  );
}

parentPort?.on("message", (m: AttachMessage | BatchMessage | AdjointMessage) => {
  if (m.type === "attach") attach(m);
  else if (m.type === "batch") batch(m);
  else adjoint(m);
});

// Tell the pool this worker is loaded (it may be waiting synchronously).
const ready = (workerData as { ready?: SharedArrayBuffer } | undefined)?.ready;
if (ready) {
  const r = new Int32Array(ready);
  Atomics.add(r, 0, 1);
  Atomics.notify(r, 0);
}
