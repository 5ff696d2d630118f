import { GATES } from "../../gates/gate-table.js";
import { type CMatrix, identity, matmul, matvec } from "../../math/complex-matrix.js";
import { embedOperator } from "../../math/embed.js";
import { QforgeError } from "../../util/errors.js";
import type { Circuit } from "../../circuit/circuit.js";
import type { GateOperation } from "../../circuit/operation.js";

/**
 * The slow, obviously-correct reference: every gate becomes a full 2^n × 2^n matrix built from the gate
 * table and Kronecker embedding, applied by a dense matrix–vector product. It exists only to test the
 * fast simulator; it refuses more than 12 qubits.
 */
export function referenceOperationMatrix(
  op: GateOperation,
  values: Readonly<Record<string, number>>,
): CMatrix {
  const u = GATES[op.gate].matrix(op.params.map((p) => p.evaluate(values)));
  const nc = op.controls;
  if (nc === 0) return u;
  const dim = u.dim << nc;
  const out = identity(dim).data;
  const active = op.controlState;
  for (let r = 0; r < u.dim; r++)
    for (let c = 0; c < u.dim; c++) {
      const k = 2 * (((r << nc) | active) * dim + ((c << nc) | active));
      out[k] = u.data[2 * (r * u.dim + c)]!;
      out[k + 1] = u.data[2 * (r * u.dim + c) + 1]!;
    }
  return { dim, data: out };
}

/** Final state of a unitary circuit, by dense matrices. */
export function referenceStatevector(
  circuit: Circuit,
  values: Readonly<Record<string, number>> = {},
): Float64Array {
  const n = circuit.numQubits;
  if (n > 12) throw new QforgeError("OUT_OF_MEMORY", "the dense reference is for at most 12 qubits");
  let state: Float64Array = new Float64Array(2 * 2 ** n);
  state[0] = 1;
  for (const op of circuit.operations) {
    if (op.kind === "barrier") continue;
    if (op.kind !== "gate" || op.condition)
      throw new QforgeError("UNSUPPORTED", "the dense reference handles unitary circuits only");
    state = matvec(embedOperator(referenceOperationMatrix(op, values), op.qubits, n), state);
  }
  return state;
}

/** The whole circuit's unitary (column j = image of |j⟩). */
export function referenceUnitary(circuit: Circuit, values: Readonly<Record<string, number>> = {}): CMatrix {
  const n = circuit.numQubits;
  if (n > 10) throw new QforgeError("OUT_OF_MEMORY", "the dense reference unitary is for at most 10 qubits");
  let u = identity(2 ** n);
  for (const op of circuit.operations) {
    if (op.kind === "barrier") continue;
    if (op.kind !== "gate" || op.condition)
      throw new QforgeError("UNSUPPORTED", "the dense reference handles unitary circuits only");
    u = matmul(embedOperator(referenceOperationMatrix(op, values), op.qubits, n), u);
  }
  return u;
}
