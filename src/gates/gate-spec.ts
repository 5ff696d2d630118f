import type { CMatrix } from "../math/complex-matrix.js";

/**
 * Operations on angles that a decomposition needs. Decompositions are written once against this
 * interface and run both on plain numbers and on symbolic parameter expressions.
 */
export interface AngleAlgebra<A> {
  constant(value: number): A;
  add(a: A, b: A): A;
  scale(a: A, k: number): A;
}

/** One gate of a decomposition or adjoint, acting on the parent gate's local qubits 0…k−1. */
export interface GateStep<A, Id extends string = string> {
  readonly gate: Id;
  readonly qubits: readonly number[];
  readonly params: readonly A[];
}

/** Which specialised kernel applies; the simulator falls back to a dense matrix otherwise. */
export type KernelHint = "diagonal" | "permutation" | "controlled" | "dense";

/**
 * Everything qforge knows about one gate. Every other part of the library reads these records; none
 * keeps its own list of gates.
 *
 * Matrices follow Qiskit's little-endian convention: bit j of a local matrix index belongs to the
 * operation's j-th qubit. Controlled gates list their controls first.
 */
export interface GateSpec<Id extends string = string> {
  readonly id: Id;
  /** Other names accepted by the builder and the QASM importers. */
  readonly aliases: readonly string[];
  readonly numQubits: number;
  readonly numParams: number;
  readonly paramNames: readonly string[];
  matrix(params: readonly number[]): CMatrix;
  readonly flags: { readonly diagonal: boolean; readonly permutation: boolean; readonly clifford: boolean };
  /** For gates that are a controlled version of another table gate with the same parameters. */
  readonly control?: { readonly numControls: number; readonly target: Id };
  readonly kernel: KernelHint;
  /** The inverse as a sequence of table gates on the same local qubits. */
  adjoint<A>(params: readonly A[], m: AngleAlgebra<A>): GateStep<A, Id>[];
  /**
   * Per parameter j, a Hermitian G_j with U(p) = A · exp(−i p_j G_j) · B where A, B do not depend on p_j.
   * The parameter-shift rule of p_j is derived from the eigenvalues of G_j. For one-parameter gates
   * U(θ) = exp(−iθG) holds exactly.
   */
  readonly generators: readonly CMatrix[];
  /**
   * For multi-parameter gates: the gate as an EXACT product (no global phase) of one-parameter table gates,
   * each parameter appearing once. Gradients work on this form.
   */
  rotationForm?<A>(params: readonly A[], m: AngleAlgebra<A>): GateStep<A, Id>[];
  /** Equal to the gate up to a global phase, in simpler table gates; absent for the basis u3 and cx. */
  decompose?<A>(params: readonly A[], m: AngleAlgebra<A>): GateStep<A, Id>[];
  /** Name in OpenQASM 2 (Qiskit's qelib1.inc) and OpenQASM 3 (stdgates.inc); null where the include lacks it. */
  readonly qasm2: string | null;
  readonly qasm3: string | null;
  /** Short label for drawings. */
  readonly label: string;
  readonly doc: string;
}
