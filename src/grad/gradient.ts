import { QforgeError, check } from "../util/errors.js";
import { Rng } from "../util/rng.js";
import type { Circuit } from "../circuit/circuit.js";
import { PauliSum } from "../observables/pauli-sum.js";
import type { ObservableLike } from "../sim/backend.js";
import { type Bindings, normalizeBindings } from "../sim/bindings.js";
import { FUSION_MIN_QUBITS, type ObservableTerms, observableTerms } from "../sim/batch.js";
import type { EngineAdjoint } from "./adjoint-engine.js";
import { type AdjointBatchRequest, type AdjointParallel, adjointFor } from "./adjoint-batch.js";
import { type AdjointSchedule, adjointSchedule } from "./adjoint-schedule.js";
import { type GradientMethod, type RowJacobian, assertUnitary, differentiate } from "./differentiate.js";
import { type GradientProgram, buildGradientProgram } from "./gradient-program.js";

/** Options of {@link gradient} and {@link jacobian}. */
export interface GradientOptions {
  /** Default "adjoint" (exact, fastest); "parameter-shift" also works with shots and mid-circuit measurement. */
  readonly method?: GradientMethod;
  /** Estimate expectations from this many shots per Pauli term (parameter-shift, finite-diff, spsa). */
  readonly shots?: number;
  /** Seed for shots and SPSA directions (default 0). */
  readonly seed?: number;
  /** Parameters to differentiate, in order (default: every circuit parameter); the rest are inputs. */
  readonly trainable?: readonly string[];
  /** Finite-difference step (default 1e-5) or SPSA perturbation (default 0.01). */
  readonly step?: number;
  /** SPSA directions averaged per gradient (default 1). */
  readonly spsaSamples?: number;
  /**
   * Where the adjoint method runs: "auto" (default: fused WebAssembly SIMD plans from 10 qubits, gate by gate
   * on typed arrays below), "wasm" or "js" (fused plans on that engine), "gate-by-gate".
   */
  readonly engine?: "auto" | "wasm" | "js" | "gate-by-gate";
  /**
   * Memory (bytes) the fused adjoint may use to checkpoint |ψ⟩ at its braket points (default 256 MiB); with
   * less, it undoes |ψ⟩ along with λ, which costs about one more forward pass.
   */
  readonly checkpointBytes?: number;
  /**
   * Worker threads for batches (the adjoint method): `createThreadPool()` from `qforge/node`. Rows are split
   * across the threads; the results are the same as on one thread.
   */
  readonly parallel?: AdjointParallel;
}

/** Value, gradient and, for shot-based runs, their estimated variances. */
export interface GradientResult {
  readonly value: number;
  readonly gradient: Float64Array;
  readonly valueVariance?: number;
  readonly gradientVariance?: Float64Array;
}

/** Parameter values: a Float64Array in the order of `parameters`, or a record by name. */
export type ParameterValues = Float64Array | readonly number[] | Readonly<Record<string, number>>;

abstract class Differentiable {
  /** The differentiated parameters, in the order of gradient entries. */
  readonly parameters: readonly string[];
  protected readonly gp: GradientProgram;
  protected readonly observables: readonly PauliSum[];
  protected readonly options: GradientOptions;
  protected readonly rng: Rng;
  protected readonly wanted: Uint8Array;
  protected readonly columns: Int32Array;
  /** The fused-engine adjoint, built on first use (null where another method or sweep applies). */
  private engineAdjoint: EngineAdjoint | null | undefined;
  private schedule: AdjointSchedule | undefined;
  private observableTerms: ObservableTerms[] | undefined;

  constructor(circuit: Circuit, observables: readonly ObservableLike[], options: GradientOptions) {
    this.options = options;
    this.observables = observables.map((o) => PauliSum.from(o));
    for (const h of this.observables) {
      check(
        h.minQubits <= circuit.numQubits,
        `observable "${h}" acts on qubit ${h.minQubits - 1} but the circuit has ${circuit.numQubits} qubits`,
        "QUBIT_OUT_OF_RANGE",
      );
      check(h.isHermitian(), `observable "${h}" is not Hermitian`);
    }
    if (options.shots !== undefined)
      check(
        Number.isInteger(options.shots) && options.shots > 0,
        `shots must be a positive integer, got ${options.shots}`,
      );
    this.gp = buildGradientProgram(circuit);
    const all = this.gp.parameters;
    const trainable = options.trainable ?? circuit.parameters;
    for (const name of trainable)
      if (!all.includes(name))
        throw new QforgeError(
          "INVALID_ARGUMENT",
          `cannot differentiate with respect to "${name}": the circuit has no such parameter (it has: ${all.join(", ") || "none"})`,
        );
    this.parameters = [...trainable];
    this.wanted = new Uint8Array(all.length);
    this.columns = Int32Array.from(trainable, (n) => all.indexOf(n));
    for (const j of this.columns) this.wanted[j] = 1;
    this.rng = new Rng(options.seed ?? 0);
  }

  protected run(row: Float64Array, offset: number): RowJacobian {
    if (this.engineAdjoint === undefined) {
      const request = this.adjointRequest(row, 1);
      this.engineAdjoint = request && request.engine !== "gate-by-gate" ? adjointFor(request) : null;
    }
    if (this.engineAdjoint) return this.engineAdjoint.evaluate(row, offset);
    return differentiate(this.gp, this.observables, row, offset, {
      method: this.options.method ?? "adjoint",
      wanted: this.wanted,
      ...(this.options.shots !== undefined ? { shots: this.options.shots } : {}),
      rng: this.rng,
      ...(this.options.step !== undefined ? { step: this.options.step } : {}),
      ...(this.options.spsaSamples !== undefined ? { spsaSamples: this.options.spsaSamples } : {}),
    });
  }

  /**
   * The adjoint method as plain data for `batch` rows of `values` (on the fused engine, or gate by gate for
   * small states), or undefined for the other methods.
   */
  protected adjointRequest(values: Float64Array, batch: number): AdjointBatchRequest | undefined {
    const o = this.options;
    if ((o.method ?? "adjoint") !== "adjoint" || o.shots !== undefined) return undefined;
    assertUnitary(this.gp.program, "adjoint");
    const engine = o.engine ?? "auto";
    const fused =
      engine === "wasm" ||
      engine === "js" ||
      (engine === "auto" && this.gp.program.numQubits >= FUSION_MIN_QUBITS);
    this.observableTerms ??= observableTerms(this.observables);
    if (fused) this.schedule ??= adjointSchedule(this.gp, this.wanted);
    return {
      gp: this.gp,
      observables: this.observableTerms,
      wanted: this.wanted,
      values,
      batch,
      engine: fused ? engine : "gate-by-gate",
      checkpointBytes: o.checkpointBytes,
      schedule: fused ? this.schedule : undefined,
    };
  }

  /** Picks the trainable columns out of an (O × P_all) Jacobian. */
  protected select(full: Float64Array, k: number, out: Float64Array, outOffset: number): void {
    const Pall = this.gp.parameters.length;
    this.columns.forEach((j, c) => (out[outOffset + c] = full[k * Pall + j]!));
  }
}

/**
 * The gradient of one expectation value ⟨H⟩ with respect to the trainable parameters.
 *
 * @example
 * ```ts
 * const c = new Circuit(1).rx("theta", 0);
 * const g = gradient(c, "Z0", { method: "adjoint" });
 * g.valueAndGradient([0.3]); // { value: cos 0.3, gradient: [−sin 0.3] }
 * ```
 */
export class GradientFunction extends Differentiable {
  constructor(circuit: Circuit, observable: ObservableLike, options: GradientOptions = {}) {
    super(circuit, [observable], options);
  }

  /**
   * ⟨H⟩ and its gradient at `weights` (values of `parameters`); `inputs` gives the other circuit parameters
   * (data features).
   */
  valueAndGradient(weights: ParameterValues, inputs: Readonly<Record<string, number>> = {}): GradientResult {
    const row = assembleRow(this.gp.parameters, this.parameters, weights, inputs);
    const r = this.run(row, 0);
    const gradient = new Float64Array(this.parameters.length);
    this.select(r.jacobian, 0, gradient, 0);
    if (!r.jacobianVariance) return { value: r.values[0]!, gradient };
    const gradientVariance = new Float64Array(this.parameters.length);
    this.select(r.jacobianVariance, 0, gradientVariance, 0);
    return { value: r.values[0]!, gradient, valueVariance: r.valueVariance![0]!, gradientVariance };
  }
}

/** Jacobian of several expectation values over a batch of bindings. */
export interface BatchJacobian {
  readonly batch: number;
  readonly numObservables: number;
  readonly parameters: readonly string[];
  /** (batch × observables), row-major. */
  readonly values: Float64Array;
  /** (batch × observables × parameters), row-major. */
  readonly jacobian: Float64Array;
}

/**
 * Jacobians of several observables for a batch of bindings (all circuit parameters bound per row).
 *
 * @example
 * ```ts
 * const c = new Circuit(2).ry("x", 0).ry("w", 1).cx(0, 1);
 * const J = jacobian(c, ["Z0", "Z1"], { trainable: ["w"] }).evaluate({ x: [0.1, 0.2], w: [0.3, 0.4] });
 * J.jacobian; // 2 bindings × 2 observables × 1 parameter
 * ```
 */
export class JacobianFunction extends Differentiable {
  constructor(circuit: Circuit, observables: readonly ObservableLike[], options: GradientOptions = {}) {
    super(circuit, observables, options);
  }

  evaluate(bindings: Bindings): BatchJacobian {
    const m = normalizeBindings(this.gp.parameters, bindings);
    const O = this.observables.length,
      P = this.parameters.length,
      Pall = this.gp.parameters.length;
    const values = new Float64Array(m.batch * O);
    const jac = new Float64Array(m.batch * O * P);
    const parallel = this.options.parallel;
    const request = parallel && m.batch > 1 ? this.adjointRequest(m.values, m.batch) : undefined;
    const spread = parallel && request ? parallel.adjointBatch(request) : undefined;
    if (spread) {
      values.set(spread.values);
      for (let b = 0; b < m.batch; b++)
        for (let k = 0; k < O; k++)
          this.select(spread.jacobian.subarray(b * O * Pall), k, jac, (b * O + k) * P);
      return { batch: m.batch, numObservables: O, parameters: this.parameters, values, jacobian: jac };
    }
    for (let b = 0; b < m.batch; b++) {
      const r = this.run(m.values, b * Pall);
      for (let k = 0; k < O; k++) {
        values[b * O + k] = r.values[k]!;
        this.select(r.jacobian, k, jac, (b * O + k) * P);
      }
    }
    return { batch: m.batch, numObservables: O, parameters: this.parameters, values, jacobian: jac };
  }
}

/** Shorthand for `new GradientFunction(circuit, observable, options)`. */
export function gradient(
  circuit: Circuit,
  observable: ObservableLike,
  options: GradientOptions = {},
): GradientFunction {
  return new GradientFunction(circuit, observable, options);
}

/** Shorthand for `new JacobianFunction(circuit, observables, options)`. */
export function jacobian(
  circuit: Circuit,
  observables: readonly ObservableLike[],
  options: GradientOptions = {},
): JacobianFunction {
  return new JacobianFunction(circuit, observables, options);
}

/** Builds a full binding row (ordered like `all`) from trainable weights and named inputs. */
export function assembleRow(
  all: readonly string[],
  trainable: readonly string[],
  weights: ParameterValues,
  inputs: Readonly<Record<string, number>>,
): Float64Array {
  const row = new Float64Array(all.length);
  const values = new Map<string, number>(Object.entries(inputs));
  if (weights instanceof Float64Array || Array.isArray(weights)) {
    const w = weights as ArrayLike<number>;
    check(
      w.length === trainable.length,
      `expected ${trainable.length} weight(s) (${trainable.join(", ")}), got ${w.length}`,
    );
    trainable.forEach((n, i) => values.set(n, w[i]!));
  } else for (const [n, v] of Object.entries(weights as Record<string, number>)) values.set(n, v);
  all.forEach((n, j) => {
    const v = values.get(n);
    if (v === undefined)
      throw new QforgeError(
        "UNBOUND_PARAMETER",
        `parameter "${n}" has no value (give it as a weight or an input)`,
      );
    if (!Number.isFinite(v)) throw new QforgeError("NON_FINITE", `parameter "${n}" is ${v}`);
    row[j] = v;
  });
  return row;
}
