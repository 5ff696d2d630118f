import { GATES } from "../gates/gate-table.js";
import { QforgeError } from "../util/errors.js";
import type { Rng } from "../util/rng.js";
import type { Condition } from "../circuit/operation.js";
import { type CompiledGate, type Program, evaluateAngles } from "./compile.js";
import {
  applyDiagonal,
  applyMatrix1,
  applyMatrixK,
  applyX,
  collapse,
  probabilityOfOne,
} from "./kernels/statevector-kernels.js";
import { diag1, diagK, swapGate, u1, uk, ukScratchSize, xGate } from "./kernels/fast-kernels.js";
import { adjointOf } from "./fusion/complex-small.js";

const scratch = {
  values: new Float64Array(ukScratchSize(5)[0]),
  offsets: new Int32Array(ukScratchSize(5)[1]),
};

/**
 * Applies one compiled gate (or its inverse) to a state for the given binding row, with the specialised
 * kernels: diagonal gates as phases only, X and SWAP as pure permutations, controlled gates touching only
 * the amplitudes whose controls match. Tested against {@link applyCompiledGateReference}.
 */
export function applyCompiledGate(
  state: Float64Array,
  g: CompiledGate,
  row: Float64Array,
  offset: number,
  inverse = false,
): void {
  if (g.gate === "id") return;
  const dim = state.length >> 1;
  const t = g.targets;
  if (g.gate === "x") {
    xGate(state, 0, dim, t[0]!, g.ctrlMask, g.ctrlValue);
    return;
  }
  if (g.gate === "swap") {
    swapGate(state, 0, dim, t[0]!, t[1]!, g.ctrlMask, g.ctrlValue);
    return;
  }
  const spec = GATES[g.gate];
  const m = g.fixed ?? spec.matrix(evaluateAngles(g.angles, row, offset)).data;
  const k = t.length;
  const size = 1 << k;
  if (spec.flags.diagonal) {
    if (k === 1 && g.ctrlMask === 0) {
      const s = inverse ? -1 : 1;
      diag1(state, 0, dim, t[0]!, m[0]!, s * m[1]!, m[6]!, s * m[7]!);
      return;
    }
    const d = new Float64Array(2 * size);
    for (let i = 0; i < size; i++) {
      d[2 * i] = m[2 * (i * size + i)]!;
      d[2 * i + 1] = (inverse ? -1 : 1) * m[2 * (i * size + i) + 1]!;
    }
    diagK(state, 0, dim, 0, t, d, g.ctrlMask, g.ctrlValue);
    return;
  }
  const mm = inverse ? adjointOf(m, size) : m;
  if (k === 1) u1(state, 0, dim, t[0]!, mm, g.ctrlMask, g.ctrlValue);
  else uk(state, 0, dim, t, mm, g.ctrlMask, g.ctrlValue, scratch.values, scratch.offsets);
}

/** The plain-kernel version of {@link applyCompiledGate}: the reference every fast path is tested against. */
export function applyCompiledGateReference(
  state: Float64Array,
  g: CompiledGate,
  row: Float64Array,
  offset: number,
  inverse = false,
): void {
  const spec = GATES[g.gate];
  if (g.gate === "x") {
    applyX(state, g.targets[0]!, g.ctrlMask, g.ctrlValue);
    return;
  }
  if (g.gate === "id") return;
  let m = g.fixed ?? spec.matrix(evaluateAngles(g.angles, row, offset)).data;
  if (inverse) m = adjointOf(m, 1 << g.targets.length);
  if (spec.flags.diagonal) {
    const size = 1 << g.targets.length;
    const d = new Float64Array(2 * size);
    for (let i = 0; i < size; i++) {
      d[2 * i] = m[2 * (i * size + i)]!;
      d[2 * i + 1] = m[2 * (i * size + i) + 1]!;
    }
    applyDiagonal(state, g.targets, d, g.ctrlMask, g.ctrlValue);
  } else if (g.targets.length === 1) applyMatrix1(state, g.targets[0]!, m, g.ctrlMask, g.ctrlValue);
  else applyMatrixK(state, g.targets, m, g.ctrlMask, g.ctrlValue);
}

/** A fresh |0…0⟩ state. */
export function zeroState(numQubits: number): Float64Array {
  const s = new Float64Array(2 * 2 ** numQubits);
  s[0] = 1;
  return s;
}

/** How {@link runProgram} applies one gate. */
export type GateApplier = (
  state: Float64Array,
  g: CompiledGate,
  row: Float64Array,
  offset: number,
  inverse?: boolean,
) => void;

/**
 * Runs a program on `state` in place, gate by gate. Measurements and resets draw from `rng` and write
 * `clbits`; a program with none of them is deterministic and `rng` may be omitted. `apply` defaults to the
 * specialised kernels; pass {@link applyCompiledGateReference} for the plain reference kernels.
 */
export function runProgram(
  program: Program,
  state: Float64Array,
  row: Float64Array,
  offset: number,
  rng?: Rng,
  clbits?: Uint8Array,
  apply: GateApplier = applyCompiledGate,
): void {
  for (const op of program.ops) {
    if (op.condition && !conditionHolds(op.condition, clbits)) continue;
    if (op.kind === "gate") {
      apply(state, op, row, offset);
      continue;
    }
    if (!rng)
      throw new QforgeError(
        "UNSUPPORTED",
        "this circuit measures or resets mid-way; sample it with shots instead of asking for one exact state",
      );
    const p1 = Math.min(1, Math.max(0, probabilityOfOne(state, op.qubit)));
    const outcome: 0 | 1 = rng.next() < p1 ? 1 : 0;
    collapse(state, op.qubit, outcome, outcome ? p1 : 1 - p1);
    if (op.kind === "measure") {
      if (clbits) clbits[op.clbit] = outcome;
    } else if (outcome === 1) applyX(state, op.qubit);
  }
}

/** {@link runProgram} with the plain reference kernels. */
export function runProgramReference(
  program: Program,
  state: Float64Array,
  row: Float64Array,
  offset: number,
  rng?: Rng,
  clbits?: Uint8Array,
): void {
  runProgram(program, state, row, offset, rng, clbits, applyCompiledGateReference);
}

function conditionHolds(c: Condition, clbits: Uint8Array | undefined): boolean {
  let v = 0;
  c.clbits.forEach((b, i) => {
    v += (clbits?.[b] ?? 0) * 2 ** i;
  });
  return v === c.value;
}
