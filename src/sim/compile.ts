import { GATES, type GateId } from "../gates/gate-table.js";
import type { Circuit } from "../circuit/circuit.js";
import type { Condition, Operation } from "../circuit/operation.js";
import type { ParamExpr } from "../circuit/param-expr.js";

/** An angle as `constant + Σ coef[k] · row[index[k]]` over one binding row. */
export interface CompiledAngle {
  readonly constant: number;
  readonly index: Int32Array;
  readonly coef: Float64Array;
}

/** How a gate reaches the kernels: the gate applied to `targets`, under a control mask. */
export interface CompiledGate {
  readonly kind: "gate";
  /** Position of the operation in the circuit. */
  readonly opIndex: number;
  /** The gate applied to `targets` (for a table-controlled gate such as cx, its target gate, e.g. x). */
  readonly gate: GateId;
  readonly targets: readonly number[];
  readonly ctrlMask: number;
  readonly ctrlValue: number;
  readonly angles: readonly CompiledAngle[];
  /** Precomputed matrix data when every angle is constant. */
  readonly fixed: Float64Array | undefined;
  readonly condition: Condition | undefined;
}

export type CompiledOp =
  | CompiledGate
  | {
      readonly kind: "measure";
      readonly qubit: number;
      readonly clbit: number;
      readonly condition: Condition | undefined;
    }
  | { readonly kind: "reset"; readonly qubit: number; readonly condition: Condition | undefined };

export interface Program {
  readonly numQubits: number;
  readonly numClbits: number;
  readonly ops: readonly CompiledOp[];
  readonly parameters: readonly string[];
  /** True when every measurement is terminal, so one final state can be sampled for all shots. */
  readonly terminalMeasurementsOnly: boolean;
}

/** Lowers a circuit to kernel-ready steps: controls folded into masks, angles into index/coefficient form. */
export function compile(circuit: Circuit): Program {
  const params = circuit.parameters;
  const index = new Map(params.map((p, i) => [p, i]));
  const ops: CompiledOp[] = [];
  circuit.operations.forEach((op, opIndex) => {
    const c = lowerOp(op, opIndex, index);
    if (c) ops.push(c);
  });
  return {
    numQubits: circuit.numQubits,
    numClbits: circuit.numClbits,
    ops,
    parameters: params,
    terminalMeasurementsOnly: measurementsAreTerminal(circuit.operations),
  };
}

function lowerOp(op: Operation, opIndex: number, index: Map<string, number>): CompiledOp | undefined {
  switch (op.kind) {
    case "barrier":
      return undefined;
    case "measure":
      return { kind: "measure", qubit: op.qubit, clbit: op.clbit, condition: op.condition };
    case "reset":
      return { kind: "reset", qubit: op.qubit, condition: op.condition };
    case "gate": {
      const spec = GATES[op.gate];
      let ctrlMask = 0,
        ctrlValue = 0;
      for (let j = 0; j < op.controls; j++) {
        const bit = 1 << op.qubits[j]!;
        ctrlMask |= bit;
        if ((op.controlState >> j) & 1) ctrlValue |= bit;
      }
      let own = op.qubits.slice(op.controls);
      let gate: GateId = op.gate;
      if ("control" in spec) {
        for (const q of own.slice(0, spec.control.numControls)) {
          ctrlMask |= 1 << q;
          ctrlValue |= 1 << q;
        }
        own = own.slice(spec.control.numControls);
        gate = spec.control.target;
      }
      const angles = op.params.map((p) => compileAngle(p, index));
      const fixed = angles.every((a) => a.index.length === 0)
        ? GATES[gate].matrix(angles.map((a) => a.constant)).data
        : undefined;
      return {
        kind: "gate",
        opIndex,
        gate,
        targets: own,
        ctrlMask,
        ctrlValue,
        angles,
        fixed,
        condition: op.condition,
      };
    }
  }
}

function compileAngle(p: ParamExpr, index: Map<string, number>): CompiledAngle {
  return {
    constant: p.constant,
    index: Int32Array.from(p.terms.map(([n]) => index.get(n)!)),
    coef: Float64Array.from(p.terms.map(([, c]) => c)),
  };
}

/** Evaluates compiled angles against one binding row. */
export function evaluateAngles(
  angles: readonly CompiledAngle[],
  row: Float64Array,
  offset: number,
): number[] {
  return angles.map((a) => {
    let v = a.constant;
    for (let k = 0; k < a.index.length; k++) v += a.coef[k]! * row[offset + a.index[k]!]!;
    return v;
  });
}

function measurementsAreTerminal(ops: readonly Operation[]): boolean {
  const measured = new Set<number>();
  for (const op of ops) {
    if (op.kind === "barrier") continue;
    if (op.kind === "reset" || ("condition" in op && op.condition)) return false;
    if (op.kind === "measure") {
      if (measured.has(op.qubit)) return false;
      measured.add(op.qubit);
    } else if (op.qubits.some((q) => measured.has(q))) return false;
  }
  return true;
}
