import type { ObservableTerms } from "../sim/batch.js";
import type { EngineChoice } from "../sim/engine/state-engine.js";
import { PauliString } from "../observables/pauli-string.js";
import { PauliSum, type PauliTerm } from "../observables/pauli-sum.js";
import { EngineAdjoint } from "./adjoint-engine.js";
import { differentiate } from "./differentiate.js";
import type { AdjointSchedule } from "./adjoint-schedule.js";
import type { GradientProgram } from "./gradient-program.js";

/**
 * A batch of adjoint Jacobians as plain, structured-cloneable data, so that worker threads can each take a
 * slice of the rows.
 */
export interface AdjointBatchRequest {
  readonly gp: GradientProgram;
  readonly observables: readonly ObservableTerms[];
  /** Which program parameters are differentiated (1 = yes), indexed like `gp.parameters`. */
  readonly wanted: Uint8Array;
  /** (batch × parameters) binding matrix, ordered like `gp.parameters`. */
  readonly values: Float64Array;
  readonly batch: number;
  /** The fused engine (small states: "gate-by-gate", the sweep over single gates). */
  readonly engine: EngineChoice | "gate-by-gate";
  readonly checkpointBytes: number | undefined;
  /** The braket points of the fused engine (absent gate by gate). */
  readonly schedule: AdjointSchedule | undefined;
}

/** Spreads adjoint batches over threads (qforge's Node runtime provides one: `createThreadPool`). */
export interface AdjointParallel {
  readonly threads: number;
  /**
   * Values (batch × O) and Jacobians (batch × O × P over every program parameter) for all rows, or undefined
   * when the batch is better run on the calling thread.
   */
  adjointBatch(request: AdjointBatchRequest): { values: Float64Array; jacobian: Float64Array } | undefined;
}

/**
 * Rows [from, to) of a request: values into `values` (row-major, O per row) and Jacobians into `jacobian`
 * (O × P per row), both indexed by the absolute row.
 */
export function runAdjointRange(
  request: AdjointBatchRequest,
  from: number,
  to: number,
  values: Float64Array,
  jacobian: Float64Array,
): void {
  const O = request.observables.length,
    P = request.gp.parameters.length;
  let row: (offset: number) => { values: Float64Array; jacobian: Float64Array };
  if (request.engine === "gate-by-gate") {
    const sums = request.observables.map(pauliSumOf);
    row = (offset) =>
      differentiate(request.gp, sums, request.values, offset, { method: "adjoint", wanted: request.wanted });
  } else {
    const adjoint = adjointFor(request);
    row = (offset) => adjoint.evaluate(request.values, offset);
  }
  for (let b = from; b < to; b++) {
    const r = row(b * P);
    values.set(r.values, b * O);
    jacobian.set(r.jacobian, b * O * P);
  }
}

/** The engine adjoint a request describes (fused engine only). */
export function adjointFor(request: AdjointBatchRequest): EngineAdjoint {
  if (request.engine === "gate-by-gate" || !request.schedule)
    throw new Error("adjointFor: the request is for the gate-by-gate sweep");
  return new EngineAdjoint(request.gp, request.schedule, request.observables, {
    engine: request.engine,
    ...(request.checkpointBytes !== undefined ? { checkpointBytes: request.checkpointBytes } : {}),
  });
}

/** A Pauli sum back from its plain (x, z, #Y, coefficient) terms (real coefficients). */
function pauliSumOf({ terms }: ObservableTerms): PauliSum {
  const out: PauliTerm[] = [];
  for (let t = 0; t < terms.length; t += 4)
    out.push({ coefficient: [terms[t + 3]!, 0], pauli: PauliString.fromMasks(terms[t]!, terms[t + 1]!) });
  return new PauliSum(out);
}
