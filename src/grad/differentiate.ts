import { QforgeError } from "../util/errors.js";
import type { Rng } from "../util/rng.js";
import type { PauliSum } from "../observables/pauli-sum.js";
import type { CompiledGate, CompiledOp, Program } from "../sim/compile.js";
import { applyCompiledGate, runProgram, zeroState } from "../sim/execute.js";
import { accumulatePauli, braMatrixKet, innerProduct } from "../sim/kernels/statevector-kernels.js";
import { type Estimate, estimateExpectation } from "./expectation-estimate.js";
import { type GradientProgram, addChainRule, dependsOnWanted } from "./gradient-program.js";

/** The differentiation methods. */
export type GradientMethod = "adjoint" | "parameter-shift" | "finite-diff" | "spsa";

/** Values (O) and Jacobian (O × P over all circuit parameters, row-major) at one binding row. */
export interface RowJacobian {
  readonly values: Float64Array;
  readonly jacobian: Float64Array;
  /** Variance of each value estimate and of each Jacobian entry (shot-based runs only). */
  readonly valueVariance?: Float64Array;
  readonly jacobianVariance?: Float64Array;
}

export interface DifferentiateOptions {
  readonly method: GradientMethod;
  /** Which circuit parameters to differentiate (1 = yes), indexed like `gp.parameters`. */
  readonly wanted: Uint8Array;
  readonly shots?: number;
  readonly rng?: Rng;
  /** Central-difference step (finite-diff) or perturbation size (SPSA). */
  readonly step?: number;
  readonly spsaSamples?: number;
}

/** Values and Jacobian of ⟨H_k⟩ with respect to the circuit parameters at binding `row[offset…]`. */
export function differentiate(
  gp: GradientProgram,
  observables: readonly PauliSum[],
  row: Float64Array,
  offset: number,
  o: DifferentiateOptions,
): RowJacobian {
  switch (o.method) {
    case "adjoint":
      if (o.shots !== undefined)
        throw new QforgeError(
          "INVALID_ARGUMENT",
          "the adjoint method is exact and takes no shots; use parameter-shift with shots",
        );
      return adjointJacobian(gp, observables, row, offset, o.wanted);
    case "parameter-shift":
      return parameterShiftJacobian(gp, observables, row, offset, o);
    case "finite-diff":
      return finiteDiffJacobian(gp, observables, row, offset, o);
    case "spsa":
      return spsaJacobian(gp, observables, row, offset, o);
  }
}

/** Refuses a method that needs a unitary circuit (adjoint, finite differences on one state). */
export function assertUnitary(program: Program, method: string): void {
  if (program.ops.some((op) => op.kind !== "gate" || op.condition))
    throw new QforgeError(
      "UNSUPPORTED",
      `the ${method} method needs a circuit without mid-circuit measurement, reset or classical conditions; use method "parameter-shift" with shots instead`,
    );
}

/**
 * Adjoint differentiation (Jones & Gacon 2020): one forward pass, then one backward sweep carrying |ψ⟩
 * and H_k|ψ⟩, undoing one gate at a time; each parameterised gate contributes 2·Im⟨λ|G|ψ⟩ from a single
 * read-only pass. All parameters for the cost of a few forward passes.
 */
function adjointJacobian(
  gp: GradientProgram,
  observables: readonly PauliSum[],
  row: Float64Array,
  offset: number,
  wanted: Uint8Array,
): RowJacobian {
  const { program } = gp;
  assertUnitary(program, "adjoint");
  const P = gp.parameters.length,
    O = observables.length;
  const psi = zeroState(program.numQubits);
  runProgram(program, psi, row, offset);
  const lambdas = observables.map((h) => applyObservable(h, psi));
  const values = new Float64Array(O);
  lambdas.forEach((l, k) => (values[k] = innerProduct(psi, l)[0]));
  const jacobian = new Float64Array(O * P);
  let next = gp.paramGates.length - 1;
  const needed = gp.paramGates.map((pg) => dependsOnWanted(pg.gate.angles[0]!, wanted));
  const firstNeeded = needed.indexOf(true);
  if (firstNeeded < 0) return { values, jacobian };
  const stopAt = gp.paramGates[firstNeeded]!.pos;
  for (let pos = program.ops.length - 1; pos >= stopAt; pos--) {
    const op = program.ops[pos] as CompiledGate;
    if (next >= 0 && gp.paramGates[next]!.pos === pos) {
      const pg = gp.paramGates[next]!;
      if (needed[next]) {
        const angle = pg.gate.angles[0]!;
        for (let k = 0; k < O; k++) {
          const [, im] = braMatrixKet(lambdas[k]!, psi, op.targets, pg.generator, op.ctrlMask, op.ctrlValue);
          addChainRule(jacobian, k * P, angle, 2 * im);
        }
      }
      next--;
    }
    if (pos === stopAt) break;
    applyCompiledGate(psi, op, row, offset, true);
    for (const l of lambdas) applyCompiledGate(l, op, row, offset, true);
  }
  return { values, jacobian };
}

/** H|ψ⟩ for a Hermitian Pauli sum. */
export function applyObservable(h: PauliSum, psi: Float64Array): Float64Array {
  const out = new Float64Array(psi.length);
  for (const t of h.terms) {
    if (t.coefficient[0] === 0) continue;
    accumulatePauli(out, psi, t.pauli.xMask, t.pauli.zMask, t.pauli.numY, t.coefficient[0]);
  }
  return out;
}

/** Values of all observables for a program whose op list may be modified (shifted angles). */
function evaluate(
  program: Program,
  observables: readonly PauliSum[],
  row: Float64Array,
  offset: number,
  o: DifferentiateOptions,
): Estimate[] {
  if (program.ops.every((op) => op.kind === "gate" && !op.condition)) {
    const state = zeroState(program.numQubits);
    runProgram(program, state, row, offset);
    return observables.map((h) => estimateExpectation(state, h, o.shots, o.rng));
  }
  return evaluateTrajectories(program, observables, row, offset, o);
}

/**
 * With mid-circuit measurements the expectation is an average over measurement records: each shot runs
 * one trajectory and measures every Pauli term once at the end.
 */
function evaluateTrajectories(
  program: Program,
  observables: readonly PauliSum[],
  row: Float64Array,
  offset: number,
  o: DifferentiateOptions,
): Estimate[] {
  if (o.shots === undefined || !o.rng)
    throw new QforgeError(
      "INVALID_ARGUMENT",
      "this circuit measures mid-way, so its expectation must be estimated from shots: pass shots (and a seed)",
    );
  const sums = observables.map(() => ({ s: 0, s2: 0 }));
  const clbits = new Uint8Array(program.numClbits);
  for (let shot = 0; shot < o.shots; shot++) {
    const state = zeroState(program.numQubits);
    clbits.fill(0);
    runProgram(program, state, row, offset, o.rng, clbits);
    observables.forEach((h, k) => {
      const x = estimateExpectation(state, h, 1, o.rng).mean;
      sums[k]!.s += x;
      sums[k]!.s2 += x * x;
    });
  }
  const n = o.shots;
  return sums.map(({ s, s2 }) => ({ mean: s / n, variance: n > 1 ? (s2 - (s * s) / n) / (n - 1) / n : 0 }));
}

/** The program with the angle of the gate at `pos` shifted by `delta` (for shift rules). */
export function withShiftedAngle(program: Program, pos: number, delta: number): Program {
  const g = program.ops[pos] as CompiledGate;
  const a = g.angles[0]!;
  const shifted: CompiledOp = { ...g, fixed: undefined, angles: [{ ...a, constant: a.constant + delta }] };
  const ops = program.ops.slice();
  ops[pos] = shifted;
  return { ...program, ops };
}

/**
 * Parameter-shift: each parameterised gate's angle is shifted by its own rule (derived from its generator),
 * so a parameter used in several gates, or inside `2*x + θ`, gets the exact chain rule. With shots, the
 * variance of each entry is Σ coef² · Var(estimate).
 */
function parameterShiftJacobian(
  gp: GradientProgram,
  observables: readonly PauliSum[],
  row: Float64Array,
  offset: number,
  o: DifferentiateOptions,
): RowJacobian {
  const P = gp.parameters.length,
    O = observables.length;
  const base = evaluate(gp.program, observables, row, offset, o);
  const values = Float64Array.from(base, (e) => e.mean);
  const valueVariance = Float64Array.from(base, (e) => e.variance);
  const jacobian = new Float64Array(O * P);
  const jacobianVariance = new Float64Array(O * P);
  for (const pg of gp.paramGates) {
    const angle = pg.gate.angles[0]!;
    if (!dependsOnWanted(angle, o.wanted)) continue;
    const d = new Float64Array(O),
      v = new Float64Array(O);
    pg.rule.shifts.forEach((s, m) => {
      const c = pg.rule.coefficients[m]!;
      const est = evaluate(withShiftedAngle(gp.program, pg.pos, s), observables, row, offset, o);
      est.forEach((e, k) => {
        d[k] = d[k]! + c * e.mean;
        v[k] = v[k]! + c * c * e.variance;
      });
    });
    for (let k = 0; k < O; k++) {
      addChainRule(jacobian, k * P, angle, d[k]!);
      // a sum of independent estimates: each coefficient enters the variance squared
      for (let t = 0; t < angle.index.length; t++) {
        const j = k * P + angle.index[t]!;
        jacobianVariance[j] = jacobianVariance[j]! + angle.coef[t]! ** 2 * v[k]!;
      }
    }
  }
  return o.shots === undefined ? { values, jacobian } : { values, jacobian, valueVariance, jacobianVariance };
}

function finiteDiffJacobian(
  gp: GradientProgram,
  observables: readonly PauliSum[],
  row: Float64Array,
  offset: number,
  o: DifferentiateOptions,
): RowJacobian {
  const P = gp.parameters.length,
    O = observables.length;
  const h = o.step ?? 1e-5;
  const local = row.slice(offset, offset + P);
  const base = evaluate(gp.program, observables, local, 0, o);
  const values = Float64Array.from(base, (e) => e.mean);
  const jacobian = new Float64Array(O * P);
  const jacobianVariance = new Float64Array(O * P);
  for (let j = 0; j < P; j++) {
    if (!o.wanted[j]) continue;
    const x = local[j]!;
    local[j] = x + h;
    const plus = evaluate(gp.program, observables, local, 0, o);
    local[j] = x - h;
    const minus = evaluate(gp.program, observables, local, 0, o);
    local[j] = x;
    for (let k = 0; k < O; k++) {
      jacobian[k * P + j] = (plus[k]!.mean - minus[k]!.mean) / (2 * h);
      jacobianVariance[k * P + j] = (plus[k]!.variance + minus[k]!.variance) / (4 * h * h);
    }
  }
  return o.shots === undefined
    ? { values, jacobian }
    : { values, jacobian, valueVariance: Float64Array.from(base, (e) => e.variance), jacobianVariance };
}

/**
 * Simultaneous-perturbation estimate (Spall): per sample, one random ±1 direction Δ and two evaluations,
 * g_j ≈ (f(θ + cΔ) − f(θ − cΔ)) / (2c Δ_j); averaged over `spsaSamples`. Seeded through `rng`.
 */
function spsaJacobian(
  gp: GradientProgram,
  observables: readonly PauliSum[],
  row: Float64Array,
  offset: number,
  o: DifferentiateOptions,
): RowJacobian {
  if (!o.rng) throw new QforgeError("INVALID_ARGUMENT", "SPSA gradients need a seed");
  const P = gp.parameters.length,
    O = observables.length;
  const c = o.step ?? 0.01;
  const samples = o.spsaSamples ?? 1;
  const local = row.slice(offset, offset + P);
  const values = Float64Array.from(evaluate(gp.program, observables, local, 0, o), (e) => e.mean);
  const jacobian = new Float64Array(O * P);
  const delta = new Float64Array(P);
  const plusRow = new Float64Array(P),
    minusRow = new Float64Array(P);
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < P; j++) {
      delta[j] = o.wanted[j] ? (o.rng.next() < 0.5 ? -1 : 1) : 0;
      plusRow[j] = local[j]! + c * delta[j]!;
      minusRow[j] = local[j]! - c * delta[j]!;
    }
    const plus = evaluate(gp.program, observables, plusRow, 0, o);
    const minus = evaluate(gp.program, observables, minusRow, 0, o);
    for (let k = 0; k < O; k++)
      for (let j = 0; j < P; j++)
        if (delta[j] !== 0)
          jacobian[k * P + j] =
            jacobian[k * P + j]! + (plus[k]!.mean - minus[k]!.mean) / (2 * c * delta[j]! * samples);
  }
  return { values, jacobian };
}
