import type { GateId } from "../gates/gate-table.js";
import type { ParamExpr } from "./param-expr.js";

/** A classical condition: the operation runs when the integer read from `clbits` (clbits[0] = least
 * significant bit) equals `value`. OpenQASM 2's `if(c==3)` is the whole register `c`. */
export interface Condition {
  readonly clbits: readonly number[];
  readonly value: number;
}

/** A gate from the table, optionally with extra (modifier) controls, optionally conditioned. */
export interface GateOperation {
  readonly kind: "gate";
  readonly gate: GateId;
  /** Modifier controls first (there are `controls` of them), then the gate's own qubits. */
  readonly qubits: readonly number[];
  readonly params: readonly ParamExpr[];
  /** Number of extra controls added by `ctrl @` / `negctrl @` (0 for a plain gate). */
  readonly controls: number;
  /** Bit i set: control i fires on |1⟩; clear: on |0⟩ (negctrl). All ones for plain controls. */
  readonly controlState: number;
  readonly condition?: Condition;
}

export interface MeasureOperation {
  readonly kind: "measure";
  readonly qubit: number;
  readonly clbit: number;
  readonly condition?: Condition;
}

export interface ResetOperation {
  readonly kind: "reset";
  readonly qubit: number;
  readonly condition?: Condition;
}

export interface BarrierOperation {
  readonly kind: "barrier";
  readonly qubits: readonly number[];
}

/** One step of a circuit. */
export type Operation = GateOperation | MeasureOperation | ResetOperation | BarrierOperation;

/** Qubits an operation touches. */
export function operationQubits(op: Operation): readonly number[] {
  switch (op.kind) {
    case "gate":
    case "barrier":
      return op.qubits;
    case "measure":
    case "reset":
      return [op.qubit];
  }
}
