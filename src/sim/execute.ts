import { GATES } from "../gates/gate-table.js";
import { QforgeError } from "../util/errors.js";
import type { Rng } from "../util/rng.js";
import type { Condition } from "../circuit/operation.js";
import { type CompiledGate, type Program, evaluateAngles } from "./compile.js";
import { applyDiagonal, applyMatrix1, applyMatrixK, applyX, collapse, probabilityOfOne } from "./kernels/statevector-kernels.js";

/** Applies one compiled gate (or its inverse) to a state for the given binding row. */
export function applyCompiledGate(state: Float64Array, g: CompiledGate, row: Float64Array, offset: number, inverse = false): void {
  const spec = GATES[g.gate];
  if (g.gate === "x") {
    applyX(state, g.targets[0]!, g.ctrlMask, g.ctrlValue);
    return;
  }
  if (g.gate === "id") return;
  let m = g.fixed ?? spec.matrix(evaluateAngles(g.angles, row, offset)).data;
  if (inverse) m = conjugateTranspose(m, 1 << g.targets.length);
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

function conjugateTranspose(m: Float64Array, size: number): Float64Array {
  const out = new Float64Array(m.length);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      out[2 * (c * size + r)] = m[2 * (r * size + c)]!;
      out[2 * (c * size + r) + 1] = -m[2 * (r * size + c) + 1]!;
    }
  return out;
}

/** A fresh |0…0⟩ state. */
export function zeroState(numQubits: number): Float64Array {
  const s = new Float64Array(2 * 2 ** numQubits);
  s[0] = 1;
  return s;
}

/**
 * Runs a program on `state` in place. Measurements and resets draw from `rng` and write `clbits`; a
 * program with none of them is deterministic and `rng` may be omitted.
 */
export function runProgram(program: Program, state: Float64Array, row: Float64Array, offset: number, rng?: Rng, clbits?: Uint8Array): void {
  for (const op of program.ops) {
    if (op.condition && !conditionHolds(op.condition, clbits)) continue;
    if (op.kind === "gate") {
      applyCompiledGate(state, op, row, offset);
      continue;
    }
    if (!rng) throw new QforgeError("UNSUPPORTED", "this circuit measures or resets mid-way; sample it with shots instead of asking for one exact state");
    const p1 = Math.min(1, Math.max(0, probabilityOfOne(state, op.qubit)));
    const outcome: 0 | 1 = rng.next() < p1 ? 1 : 0;
    collapse(state, op.qubit, outcome, outcome ? p1 : 1 - p1);
    if (op.kind === "measure") {
      if (clbits) clbits[op.clbit] = outcome;
    } else if (outcome === 1) applyX(state, op.qubit);
  }
}

function conditionHolds(c: Condition, clbits: Uint8Array | undefined): boolean {
  let v = 0;
  c.clbits.forEach((b, i) => {
    v += (clbits?.[b] ?? 0) * 2 ** i;
  });
  return v === c.value;
}
