import type { GateId } from "../gates/gate-table.js";
import { gateSpec } from "../gates/lookup.js";
import { identity, matmul, maxAbsDiff } from "../math/complex-matrix.js";

/**
 * Colour family of a drawn element: `pauli` (I, X, Y, Z), `clifford` (H, S, √X, …), `rotation` (gates with
 * angles and fixed non-Clifford phases such as T), `multi` (boxes spanning several qubits), plus the
 * non-gate operations.
 */
export type GateFamily = "pauli" | "clifford" | "rotation" | "multi" | "measure" | "reset";

/** True for a fixed one-qubit gate whose matrix is a monomial involution (I, X, Y, Z). */
function isPauli(id: GateId): boolean {
  const spec = gateSpec(id);
  if (spec.numQubits !== 1 || spec.numParams !== 0) return false;
  const m = spec.matrix([]);
  const nonZero = (r: number, c: number) =>
    Math.hypot(m.data[2 * (r * 2 + c)]!, m.data[2 * (r * 2 + c) + 1]!) > 1e-12;
  const monomial = [0, 1].every((r) => nonZero(r, 0) !== nonZero(r, 1));
  return monomial && maxAbsDiff(matmul(m, m), identity(2)) < 1e-12;
}

const cache = new Map<GateId, GateFamily>();

/**
 * The family of the body a table gate draws (for controlled gates: their target), derived from the gate
 * table's qubit and parameter counts, Clifford flag and matrix.
 *
 * @example
 * ```ts
 * gateFamily("x"); // "pauli"
 * gateFamily("rzz"); // "multi"
 * ```
 */
export function gateFamily(id: GateId): GateFamily {
  let family = cache.get(id);
  if (family === undefined) {
    const spec = gateSpec(id);
    family =
      spec.numQubits > 1
        ? "multi"
        : spec.numParams > 0 || !spec.flags.clifford
          ? "rotation"
          : isPauli(id)
            ? "pauli"
            : "clifford";
    cache.set(id, family);
  }
  return family;
}
