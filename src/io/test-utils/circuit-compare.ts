import type { Circuit } from "../../circuit/circuit.js";
import type { Condition, Operation } from "../../circuit/operation.js";
import type { CMatrix } from "../../math/complex-matrix.js";
import { type SeqOp, sequenceMatrix } from "../gate-sequence.js";

const describe = (op: Operation): string =>
  JSON.stringify({ ...op, ...(op.kind === "gate" ? { params: op.params.map(String) } : {}) });

function sameCondition(a: Condition | undefined, b: Condition | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.value === b.value && a.clbits.length === b.clbits.length && a.clbits.every((x, i) => x === b.clbits[i])
  );
}

/**
 * Undefined when two circuits are the same (shape, registers, and every operation: kind, gate id, qubits,
 * controls, control state, condition, and parameters equal exactly or to 1e-15); otherwise the first difference.
 */
export function circuitsEqual(a: Circuit, b: Circuit): string | undefined {
  if (a.numQubits !== b.numQubits || a.numClbits !== b.numClbits)
    return `shape ${a.numQubits}/${a.numClbits} vs ${b.numQubits}/${b.numClbits}`;
  const regs = (c: Circuit) => JSON.stringify([c.qubitRegisters, c.clbitRegisters]);
  if (regs(a) !== regs(b)) return `registers ${regs(a)} vs ${regs(b)}`;
  if (a.operations.length !== b.operations.length)
    return `${a.operations.length} vs ${b.operations.length} operations`;
  for (let i = 0; i < a.operations.length; i++) {
    const x = a.operations[i]!,
      y = b.operations[i]!;
    const diff = `operation ${i}: ${describe(x)} vs ${describe(y)}`;
    if (x.kind !== y.kind) return diff;
    switch (x.kind) {
      case "gate": {
        if (y.kind !== "gate") return diff;
        if (x.gate !== y.gate || x.controls !== y.controls || x.controlState !== y.controlState) return diff;
        if (x.qubits.length !== y.qubits.length || x.qubits.some((q, j) => q !== y.qubits[j])) return diff;
        if (x.params.length !== y.params.length || x.params.some((p, j) => !p.equals(y.params[j]!, 1e-15)))
          return diff;
        if (!sameCondition(x.condition, y.condition)) return diff;
        break;
      }
      case "measure":
        if (
          y.kind !== "measure" ||
          x.qubit !== y.qubit ||
          x.clbit !== y.clbit ||
          !sameCondition(x.condition, y.condition)
        )
          return diff;
        break;
      case "reset":
        if (y.kind !== "reset" || x.qubit !== y.qubit || !sameCondition(x.condition, y.condition))
          return diff;
        break;
      case "barrier":
        if (
          y.kind !== "barrier" ||
          x.qubits.length !== y.qubits.length ||
          x.qubits.some((q, j) => q !== y.qubits[j])
        )
          return diff;
    }
  }
  return undefined;
}

/** The exact unitary of a circuit of gates with constant angles (barriers ignored), dense, for small circuits. */
export function circuitUnitary(c: Circuit): CMatrix {
  const ops: SeqOp[] = c.operations.map((op) => {
    if (op.kind === "barrier") return op;
    if (op.kind !== "gate" || op.condition)
      throw new Error(`circuitUnitary: ${op.kind} is not a unitary gate`);
    return {
      kind: "gate",
      gate: op.gate,
      qubits: op.qubits,
      params: op.params,
      controls: op.controls,
      controlState: op.controlState,
    };
  });
  return sequenceMatrix(ops, c.numQubits);
}
