import { availableParallelism } from "node:os";
import { check } from "../util/errors.js";
import { StateVectorSimulator, type StateVectorOptions } from "../sim/statevector-simulator.js";
import { nodeMaxStateBytes } from "./node-memory.js";
import { type ThreadPoolOptions, createThreadPool } from "./thread-pool.js";

export { SimThreadPool, type ThreadPoolOptions, createThreadPool } from "./thread-pool.js";

/** Options of {@link createSimulator}: the simulator's options plus threads. */
export interface NodeSimulatorOptions extends StateVectorOptions {
  /**
   * Worker threads (default: every core, `os.availableParallelism()`; 1 runs on the calling thread only).
   * Large states run each fused plan on all threads over shared memory; large batches of small circuits
   * are split across the threads. The CLI's `--threads N`.
   */
  readonly threads?: number;
  /** Thread-pool tuning (defaults chosen by measurement). */
  readonly threadPool?: ThreadPoolOptions;
}

/**
 * A state-vector simulator for Node with worker threads and a memory limit taken from the machine
 * (`maxMemoryBytes` defaults to half the machine's memory). `precision` ("complex128" | "complex64") is the
 * CLI's `--precision`.
 *
 * @example
 * ```ts
 * const sim = createSimulator({ threads: 2, precision: "complex64" });
 * sim.expectation(new Circuit(26).h(0).cx(0, 25), ["Z0 Z25"]); // [[1]]
 * ```
 */
export function createSimulator(options: NodeSimulatorOptions = {}): StateVectorSimulator {
  const { threads = availableParallelism(), threadPool, ...rest } = options;
  check(Number.isInteger(threads) && threads >= 1, `threads must be a positive integer, got ${threads}`);
  const parallel = threads > 1 ? createThreadPool(threads, threadPool) : undefined;
  return new StateVectorSimulator({
    maxMemoryBytes: nodeMaxStateBytes(),
    ...rest,
    ...(parallel ? { parallel } : {}),
  });
}
