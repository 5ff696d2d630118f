import { EXPR_ALGEBRA, ParamExpr } from "../circuit/param-expr.js";
import { GATES, type GateId } from "../gates/gate-table.js";
import { GATE_IDS } from "../gates/lookup.js";
import {
  type CMatrix,
  distanceUpToPhase,
  identity,
  matmul,
  maxAbsDiff,
  scale,
} from "../math/complex-matrix.js";
import { Rng } from "../util/rng.js";

/**
 * A gate of an expanded OpenQASM gate call: a table gate, or `gphase` (a global phase, which matters once a
 * `ctrl @` modifier turns it into a relative phase). Like circuit operations, modifier controls come first
 * in `qubits`, and bit i of `controlState` is the state control i fires on.
 */
export interface SeqGate {
  readonly kind: "gate";
  readonly gate: GateId | "gphase";
  readonly qubits: readonly number[];
  readonly params: readonly ParamExpr[];
  readonly controls: number;
  readonly controlState: number;
}

export interface SeqBarrier {
  readonly kind: "barrier";
  readonly qubits: readonly number[];
}

export type SeqOp = SeqGate | SeqBarrier;

/** Bit i of a non-negative integer (control states, condition values), without 32-bit truncation. */
export function bitOf(value: number, i: number): 0 | 1 {
  return (Math.floor(value / 2 ** i) % 2) as 0 | 1;
}

/** Bit masks of controls are kept in 32-bit integers, as in circuit operations. */
export const MAX_CONTROLS = 30;

/**
 * True for gates with U(θ)^k = U(kθ): one parameter and one generator, U(θ) = exp(−iθG) (see GateSpec).
 * Non-integer `pow(k) @` is accepted for exactly these gates (and gphase).
 */
export function isRotationGate(id: GateId): boolean {
  const spec = GATES[id];
  return spec.numParams === 1 && spec.generators.length === 1;
}

/** The rotation gates, for messages. */
export const ROTATION_GATES: readonly GateId[] = GATE_IDS.filter(isRotationGate);

/** `ctrl @` (state 1) or `negctrl @` (state 0) with the given control qubits, applied to every gate. */
export function addControls(ops: readonly SeqOp[], controls: readonly number[], state: 0 | 1): SeqOp[] {
  const n = controls.length;
  const bits = state ? 2 ** n - 1 : 0;
  return ops.map((op) =>
    op.kind === "barrier"
      ? op
      : {
          ...op,
          qubits: [...controls, ...op.qubits],
          controls: op.controls + n,
          controlState: bits + op.controlState * 2 ** n,
        },
  );
}

/** `inv @`: the sequence reversed, each gate replaced by its table adjoint (exact, phase included). */
export function invertSequence(ops: readonly SeqOp[]): SeqOp[] {
  const out: SeqOp[] = [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    if (op.kind === "barrier") out.push(op);
    else if (op.gate === "gphase") out.push({ ...op, params: op.params.map((p) => p.scale(-1)) });
    else {
      const ctrl = op.qubits.slice(0, op.controls);
      const own = op.qubits.slice(op.controls);
      for (const s of GATES[op.gate].adjoint(op.params, EXPR_ALGEBRA))
        out.push({
          ...op,
          gate: s.gate,
          qubits: [...ctrl, ...s.qubits.map((k) => own[k]!)],
          params: s.params,
        });
    }
  }
  return out;
}

/**
 * `pow(k) @`. An integer k repeats the sequence (its inverse for k < 0). A non-integer k is exact only for
 * a sequence of one rotation gate (plus global phases and barriers): U(θ)^k = U(kθ). Otherwise returns a
 * message saying why the power cannot be taken.
 */
export function powerSequence(ops: readonly SeqOp[], k: number, maxOps: number): SeqOp[] | string {
  if (Number.isInteger(k)) {
    const base = k < 0 ? invertSequence(ops) : ops;
    const times = Math.abs(k);
    if (base.length * times > maxOps) return `pow(${k}) expands to more than ${maxOps} operations`;
    const out: SeqOp[] = [];
    for (let i = 0; i < times; i++) out.push(...base);
    return out;
  }
  const gates = ops.filter((o): o is SeqGate => o.kind === "gate" && o.gate !== "gphase");
  const only = gates[0];
  if (gates.length > 1 || (only && !isRotationGate(only.gate as GateId)))
    return (
      `a non-integer power (pow(${k})) is only defined here for one-parameter rotation gates, ` +
      `whose U(θ)^k = U(kθ): ${ROTATION_GATES.join(", ")}` +
      (only ? `; got ${gates.map((g) => g.gate).join(", ")}` : "")
    );
  return ops.map((op) => (op.kind === "gate" ? { ...op, params: op.params.map((p) => p.scale(k)) } : op));
}

/** The matrix of one gate with controls on `n` local qubits (qubit j ↔ bit j of the basis index). */
function gateMatrix(op: SeqGate, n: number): CMatrix {
  const values = op.params.map((p) => p.evaluate({}));
  const base: CMatrix =
    op.gate === "gphase"
      ? { dim: 1, data: Float64Array.of(Math.cos(values[0]!), Math.sin(values[0]!)) }
      : GATES[op.gate].matrix(values);
  const ctrl = op.qubits.slice(0, op.controls);
  const own = op.qubits.slice(op.controls);
  const dim = 2 ** n;
  const out = new Float64Array(2 * dim * dim);
  for (let col = 0; col < dim; col++) {
    const fires = ctrl.every((q, j) => ((col >> q) & 1) === bitOf(op.controlState, j));
    if (!fires) {
      out[2 * (col * dim + col)] = 1;
      continue;
    }
    let localCol = 0;
    own.forEach((q, j) => (localCol |= ((col >> q) & 1) << j));
    for (let localRow = 0; localRow < base.dim; localRow++) {
      let row = col;
      own.forEach((q, j) => (row = (row & ~(1 << q)) | (((localRow >> j) & 1) << q)));
      out[2 * (row * dim + col)] = base.data[2 * (localRow * base.dim + localCol)]!;
      out[2 * (row * dim + col) + 1] = base.data[2 * (localRow * base.dim + localCol) + 1]!;
    }
  }
  return { dim, data: out };
}

/** The exact unitary of a sequence on `n` local qubits; every parameter must be a constant. */
export function sequenceMatrix(ops: readonly SeqOp[], n: number): CMatrix {
  let u = identity(2 ** n);
  for (const op of ops) if (op.kind === "gate") u = matmul(gateMatrix(op, n), u);
  return u;
}

/** A global phase affine in a gate's parameters: `constant + Σ coefficients[i]·p[i]`. */
export interface AffinePhase {
  readonly constant: number;
  readonly coefficients: readonly number[];
}

/** The phase as an expression of the gate's actual parameters, or undefined when it is zero. */
export function phaseExpr(phase: AffinePhase, params: readonly ParamExpr[]): ParamExpr | undefined {
  if (phase.constant === 0 && phase.coefficients.every((c) => c === 0)) return undefined;
  return phase.coefficients.reduce(
    (acc, c, i) => acc.add(params[i]!.scale(c)),
    ParamExpr.constant(phase.constant),
  );
}

const TOL = 1e-9;

/** arg(a_k · conj(b_k)) at b's largest entry: the φ with a ≈ e^{iφ} b. */
function phaseBetween(a: CMatrix, b: CMatrix): number {
  let best = -1,
    k = 0;
  for (let j = 0; j < b.data.length; j += 2) {
    const m = Math.hypot(b.data[j]!, b.data[j + 1]!);
    if (m > best) {
      best = m;
      k = j;
    }
  }
  const ar = a.data[k]!,
    ai = a.data[k + 1]!,
    br = b.data[k]!,
    bi = b.data[k + 1]!;
  return Math.atan2(ai * br - ar * bi, ar * br + ai * bi);
}

const wrap = (x: number): number => x - 2 * Math.PI * Math.round(x / (2 * Math.PI));
const snap = (x: number, unit: number, tol: number): number => {
  const r = Math.round(x / unit) * unit;
  return Math.abs(r - x) <= tol ? r : x;
};

/**
 * Compares a gate body with a target gate, both as functions of the parameters, at 2 seeded random
 * parameter points: if they agree up to a global phase (tolerance 1e-9), returns that phase
 * (target = e^{iφ(p)}·body) fitted as an affine function of the parameters; otherwise undefined.
 */
export function fitGlobalPhase(
  target: (p: readonly number[]) => CMatrix,
  body: (p: readonly number[]) => CMatrix,
  numParams: number,
): AffinePhase | undefined {
  const rng = new Rng(20240611);
  const point = (): number[] => Array.from({ length: numParams }, () => rng.uniform(-Math.PI, Math.PI));
  const checks = [point(), point()];
  for (const p of checks) {
    const t = target(p),
      b = body(p);
    if (t.dim !== b.dim || distanceUpToPhase(t, b) > TOL) return undefined;
  }
  const at = checks[0]!;
  const phi0 = phaseBetween(target(at), body(at));
  const h = 1e-3;
  const coefficients = at.map((_, i) => {
    const p = at.map((x, j) => (j === i ? x + h : x));
    return snap(wrap(phaseBetween(target(p), body(p)) - phi0) / h, 1 / 16, 1e-6);
  });
  let constant = snap(wrap(phi0 - coefficients.reduce((s, c, i) => s + c * at[i]!, 0)), Math.PI / 16, 1e-9);
  constant = wrap(constant);
  if (Math.abs(constant) < 1e-12) constant = 0;
  const fitted = (p: readonly number[]): number =>
    constant + coefficients.reduce((s, c, i) => s + c * p[i]!, 0);
  for (const p of checks) {
    const phi = fitted(p);
    if (maxAbsDiff(target(p), scale(body(p), Math.cos(phi), Math.sin(phi))) > TOL) return undefined;
  }
  return { constant, coefficients };
}
