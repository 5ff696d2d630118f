import { type CMatrix, cmatrix, kron, scale } from "../math/complex-matrix.js";
import type { AngleAlgebra, GateSpec, GateStep } from "./gate-spec.js";
import {
  I2, X, Y, Z, H, P1, diag, rx, ry, rz, u3, controlled, pauliRotation, controlledGenerator,
} from "./gate-matrices.js";

/** Every gate qforge knows, by id. */
export type GateId =
  | "id" | "x" | "y" | "z" | "h" | "s" | "sdg" | "t" | "tdg" | "sx" | "sxdg"
  | "rx" | "ry" | "rz" | "p" | "u2" | "u3"
  | "cx" | "cy" | "cz" | "ch" | "swap" | "iswap" | "ccx" | "cswap"
  | "crx" | "cry" | "crz" | "cp" | "cu3" | "cu"
  | "rxx" | "ryy" | "rzz" | "rzx" | "ecr";

type Step<A> = GateStep<A, GateId>;
const PI = Math.PI;
const step = <A>(gate: GateId, qubits: number[], ...params: A[]): Step<A> => ({ gate, qubits, params });
const self = <A>(id: GateId, n: number) => (p: readonly A[]): Step<A>[] => [
  { gate: id, qubits: Array.from({ length: n }, (_, i) => i), params: [...p] },
];
const negated = <A>(id: GateId, n: number) => (p: readonly A[], m: AngleAlgebra<A>): Step<A>[] => [
  { gate: id, qubits: Array.from({ length: n }, (_, i) => i), params: p.map((a) => m.scale(a, -1)) },
];
const NONE = { diagonal: false, permutation: false, clifford: false } as const;
const minusP1 = scale(P1, -1);
const minusP11 = controlledGenerator(minusP1);
const half = (m: CMatrix): CMatrix => scale(m, 0.5);
const Sdg = diag(0, -PI / 2);
const SX = cmatrix([[[0.5, 0.5], [0.5, -0.5]], [[0.5, -0.5], [0.5, 0.5]]]);
const SXDG = cmatrix([[[0.5, -0.5], [0.5, 0.5]], [[0.5, 0.5], [0.5, -0.5]]]);
const ISWAP = cmatrix([[1, 0, 0, 0], [0, 0, [0, 1], 0], [0, [0, 1], 0, 0], [0, 0, 0, 1]]);
const SWAP = cmatrix([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]);
const s2 = Math.SQRT1_2;
const ECR = cmatrix([
  [0, s2, 0, [0, s2]],
  [s2, 0, [0, -s2], 0],
  [0, [0, s2], 0, s2],
  [[0, -s2], 0, s2, 0],
]);
const a0 = <A>(p: readonly A[]): A => p[0]!;

/** Pauli-rotation decompositions share one shape: basis change, CX · RZ(θ) · CX, basis change back. */
function twoQubitRotation<A>(theta: A, pre: Step<A>[], post: Step<A>[]): Step<A>[] {
  return [...pre, step("cx", [0, 1]), step("rz", [1], theta), step("cx", [0, 1]), ...post];
}

/**
 * THE gate table. One record per gate; builder methods, simulators, QASM, drawings and gradients all
 * read from here.
 */
export const GATES = {
  id: {
    id: "id", aliases: ["i"], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => I2, flags: { diagonal: true, permutation: true, clifford: true }, kernel: "diagonal",
    adjoint: self("id", 1), generators: [], decompose: () => [],
    qasm2: "id", qasm3: "id", label: "I", doc: "Identity (an explicit idle slot).",
  },
  x: {
    id: "x", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => X, flags: { diagonal: false, permutation: true, clifford: true }, kernel: "permutation",
    adjoint: self("x", 1), generators: [],
    decompose: (_p, m) => [step("u3", [0], m.constant(PI), m.constant(0), m.constant(PI))],
    qasm2: "x", qasm3: "x", label: "X", doc: "Pauli X (NOT).",
  },
  y: {
    id: "y", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => Y, flags: { diagonal: false, permutation: false, clifford: true }, kernel: "dense",
    adjoint: self("y", 1), generators: [],
    decompose: (_p, m) => [step("u3", [0], m.constant(PI), m.constant(PI / 2), m.constant(PI / 2))],
    qasm2: "y", qasm3: "y", label: "Y", doc: "Pauli Y.",
  },
  z: {
    id: "z", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => Z, flags: { diagonal: true, permutation: false, clifford: true }, kernel: "diagonal",
    adjoint: self("z", 1), generators: [], decompose: (_p, m) => [step("p", [0], m.constant(PI))],
    qasm2: "z", qasm3: "z", label: "Z", doc: "Pauli Z.",
  },
  h: {
    id: "h", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => H, flags: { diagonal: false, permutation: false, clifford: true }, kernel: "dense",
    adjoint: self("h", 1), generators: [],
    decompose: (_p, m) => [step("u2", [0], m.constant(0), m.constant(PI))],
    qasm2: "h", qasm3: "h", label: "H", doc: "Hadamard.",
  },
  s: {
    id: "s", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => diag(0, PI / 2), flags: { diagonal: true, permutation: false, clifford: true }, kernel: "diagonal",
    adjoint: () => [step("sdg", [0])], generators: [], decompose: (_p, m) => [step("p", [0], m.constant(PI / 2))],
    qasm2: "s", qasm3: "s", label: "S", doc: "Phase gate √Z = diag(1, i).",
  },
  sdg: {
    id: "sdg", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => Sdg, flags: { diagonal: true, permutation: false, clifford: true }, kernel: "diagonal",
    adjoint: () => [step("s", [0])], generators: [], decompose: (_p, m) => [step("p", [0], m.constant(-PI / 2))],
    qasm2: "sdg", qasm3: "sdg", label: "S†", doc: "S† = diag(1, −i).",
  },
  t: {
    id: "t", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => diag(0, PI / 4), flags: { diagonal: true, permutation: false, clifford: false }, kernel: "diagonal",
    adjoint: () => [step("tdg", [0])], generators: [], decompose: (_p, m) => [step("p", [0], m.constant(PI / 4))],
    qasm2: "t", qasm3: "t", label: "T", doc: "T = diag(1, e^{iπ/4}).",
  },
  tdg: {
    id: "tdg", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => diag(0, -PI / 4), flags: { diagonal: true, permutation: false, clifford: false }, kernel: "diagonal",
    adjoint: () => [step("t", [0])], generators: [], decompose: (_p, m) => [step("p", [0], m.constant(-PI / 4))],
    qasm2: "tdg", qasm3: "tdg", label: "T†", doc: "T† = diag(1, e^{−iπ/4}).",
  },
  sx: {
    id: "sx", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => SX, flags: { diagonal: false, permutation: false, clifford: true }, kernel: "dense",
    adjoint: () => [step("sxdg", [0])], generators: [],
    decompose: () => [step("sdg", [0]), step("h", [0]), step("sdg", [0])],
    qasm2: "sx", qasm3: "sx", label: "√X", doc: "Square root of X.",
  },
  sxdg: {
    id: "sxdg", aliases: [], numQubits: 1, numParams: 0, paramNames: [],
    matrix: () => SXDG,
    flags: { diagonal: false, permutation: false, clifford: true }, kernel: "dense",
    adjoint: () => [step("sx", [0])], generators: [],
    decompose: () => [step("s", [0]), step("h", [0]), step("s", [0])],
    qasm2: "sxdg", qasm3: null, label: "√X†", doc: "Inverse of √X.",
  },
  rx: {
    id: "rx", aliases: [], numQubits: 1, numParams: 1, paramNames: ["theta"],
    matrix: (p) => rx(p[0]!), flags: NONE, kernel: "dense", adjoint: negated("rx", 1), generators: [half(X)],
    decompose: (p, m) => [step("u3", [0], a0(p), m.constant(-PI / 2), m.constant(PI / 2))],
    qasm2: "rx", qasm3: "rx", label: "Rx", doc: "Rotation about X: exp(−iθX/2).",
  },
  ry: {
    id: "ry", aliases: [], numQubits: 1, numParams: 1, paramNames: ["theta"],
    matrix: (p) => ry(p[0]!), flags: NONE, kernel: "dense", adjoint: negated("ry", 1), generators: [half(Y)],
    decompose: (p, m) => [step("u3", [0], a0(p), m.constant(0), m.constant(0))],
    qasm2: "ry", qasm3: "ry", label: "Ry", doc: "Rotation about Y: exp(−iθY/2).",
  },
  rz: {
    id: "rz", aliases: [], numQubits: 1, numParams: 1, paramNames: ["phi"],
    matrix: (p) => rz(p[0]!), flags: { diagonal: true, permutation: false, clifford: false }, kernel: "diagonal",
    adjoint: negated("rz", 1), generators: [half(Z)], decompose: (p) => [step("p", [0], a0(p))],
    qasm2: "rz", qasm3: "rz", label: "Rz", doc: "Rotation about Z: exp(−iλZ/2) = diag(e^{−iλ/2}, e^{iλ/2}).",
  },
  p: {
    id: "p", aliases: ["u1", "phase"], numQubits: 1, numParams: 1, paramNames: ["lambda"],
    matrix: (p) => diag(0, p[0]!), flags: { diagonal: true, permutation: false, clifford: false }, kernel: "diagonal",
    adjoint: negated("p", 1), generators: [minusP1],
    decompose: (p, m) => [step("u3", [0], m.constant(0), m.constant(0), a0(p))],
    qasm2: "p", qasm3: "p", label: "P", doc: "Phase gate diag(1, e^{iλ}) (u1).",
  },
  u2: {
    id: "u2", aliases: [], numQubits: 1, numParams: 2, paramNames: ["phi", "lambda"],
    matrix: (p) => u3(PI / 2, p[0]!, p[1]!), flags: NONE, kernel: "dense",
    adjoint: (p, m) => [step("u3", [0], m.constant(-PI / 2), m.scale(p[1]!, -1), m.scale(p[0]!, -1))],
    generators: [minusP1, minusP1],
    rotationForm: (p, m) => [step("p", [0], p[1]!), step("ry", [0], m.constant(PI / 2)), step("p", [0], p[0]!)],
    decompose: (p, m) => [step("u3", [0], m.constant(PI / 2), p[0]!, p[1]!)],
    qasm2: "u2", qasm3: "u2", label: "U2", doc: "u2(φ, λ) = u3(π/2, φ, λ).",
  },
  u3: {
    id: "u3", aliases: ["u", "U"], numQubits: 1, numParams: 3, paramNames: ["theta", "phi", "lambda"],
    matrix: (p) => u3(p[0]!, p[1]!, p[2]!), flags: NONE, kernel: "dense",
    adjoint: (p, m) => [step("u3", [0], m.scale(p[0]!, -1), m.scale(p[2]!, -1), m.scale(p[1]!, -1))],
    generators: [half(Y), minusP1, minusP1],
    // u3(θ, φ, λ) = P(φ) · RY(θ) · P(λ) exactly.
    rotationForm: (p) => [step("p", [0], p[2]!), step("ry", [0], p[0]!), step("p", [0], p[1]!)],
    // u3(θ, φ, λ) = RZ(φ + π) · SX · RZ(θ + π) · SX · RZ(λ) up to a global phase.
    decompose: (p, m) => [
      step("rz", [0], p[2]!), step("sx", [0]), step("rz", [0], m.add(p[0]!, m.constant(PI))),
      step("sx", [0]), step("rz", [0], m.add(p[1]!, m.constant(PI))),
    ],
    qasm2: "u3", qasm3: "u3", label: "U3", doc: "General single-qubit gate (OpenQASM U).",
  },
  cx: {
    id: "cx", aliases: ["cnot", "CX"], numQubits: 2, numParams: 0, paramNames: [],
    matrix: () => controlled(X), flags: { diagonal: false, permutation: true, clifford: true }, kernel: "controlled",
    control: { numControls: 1, target: "x" }, adjoint: self("cx", 2), generators: [],
    decompose: () => [step("h", [1]), step("cz", [0, 1]), step("h", [1])],
    qasm2: "cx", qasm3: "cx", label: "X", doc: "Controlled NOT (control first).",
  },
  cy: {
    id: "cy", aliases: [], numQubits: 2, numParams: 0, paramNames: [],
    matrix: () => controlled(Y), flags: { diagonal: false, permutation: false, clifford: true }, kernel: "controlled",
    control: { numControls: 1, target: "y" }, adjoint: self("cy", 2), generators: [],
    decompose: () => [step("sdg", [1]), step("cx", [0, 1]), step("s", [1])],
    qasm2: "cy", qasm3: "cy", label: "Y", doc: "Controlled Y.",
  },
  cz: {
    id: "cz", aliases: [], numQubits: 2, numParams: 0, paramNames: [],
    matrix: () => controlled(Z), flags: { diagonal: true, permutation: false, clifford: true }, kernel: "diagonal",
    control: { numControls: 1, target: "z" }, adjoint: self("cz", 2), generators: [],
    decompose: () => [step("h", [1]), step("cx", [0, 1]), step("h", [1])],
    qasm2: "cz", qasm3: "cz", label: "Z", doc: "Controlled Z (symmetric).",
  },
  ch: {
    id: "ch", aliases: [], numQubits: 2, numParams: 0, paramNames: [],
    matrix: () => controlled(H), flags: NONE, kernel: "controlled",
    control: { numControls: 1, target: "h" }, adjoint: self("ch", 2), generators: [],
    // H = RY(π/4) · Z · RY(−π/4), so CH = RY(π/4)_t · CZ · RY(−π/4)_t.
    decompose: (_p, m) => [step("ry", [1], m.constant(-PI / 4)), step("cz", [0, 1]), step("ry", [1], m.constant(PI / 4))],
    qasm2: "ch", qasm3: "ch", label: "H", doc: "Controlled Hadamard.",
  },
  swap: {
    id: "swap", aliases: [], numQubits: 2, numParams: 0, paramNames: [],
    matrix: () => SWAP, flags: { diagonal: false, permutation: true, clifford: true }, kernel: "permutation",
    adjoint: self("swap", 2), generators: [],
    decompose: () => [step("cx", [0, 1]), step("cx", [1, 0]), step("cx", [0, 1])],
    qasm2: "swap", qasm3: "swap", label: "×", doc: "Exchange two qubits.",
  },
  iswap: {
    id: "iswap", aliases: [], numQubits: 2, numParams: 0, paramNames: [],
    matrix: () => ISWAP, flags: { diagonal: false, permutation: false, clifford: true }, kernel: "dense",
    // iSWAP = exp(iπ/4 (XX + YY)), so its inverse is RXX(π/2) · RYY(π/2).
    adjoint: (_p, m) => [step("rxx", [0, 1], m.constant(PI / 2)), step("ryy", [0, 1], m.constant(PI / 2))],
    generators: [],
    decompose: () => [
      step("s", [0]), step("s", [1]), step("h", [0]), step("cx", [0, 1]), step("cx", [1, 0]), step("h", [1]),
    ],
    qasm2: null, qasm3: null, label: "iSWAP", doc: "Swap with a phase i on |01⟩ and |10⟩.",
  },
  ccx: {
    id: "ccx", aliases: ["toffoli"], numQubits: 3, numParams: 0, paramNames: [],
    matrix: () => controlled(X, 2), flags: { diagonal: false, permutation: true, clifford: false }, kernel: "controlled",
    control: { numControls: 2, target: "x" }, adjoint: self("ccx", 3), generators: [],
    decompose: () => [
      step("h", [2]), step("cx", [1, 2]), step("tdg", [2]), step("cx", [0, 2]), step("t", [2]), step("cx", [1, 2]),
      step("tdg", [2]), step("cx", [0, 2]), step("t", [1]), step("t", [2]), step("h", [2]), step("cx", [0, 1]),
      step("t", [0]), step("tdg", [1]), step("cx", [0, 1]),
    ],
    qasm2: "ccx", qasm3: "ccx", label: "X", doc: "Toffoli: X on the third qubit when both controls are 1.",
  },
  cswap: {
    id: "cswap", aliases: ["fredkin"], numQubits: 3, numParams: 0, paramNames: [],
    matrix: () => controlled(SWAP), flags: { diagonal: false, permutation: true, clifford: false }, kernel: "controlled",
    control: { numControls: 1, target: "swap" }, adjoint: self("cswap", 3), generators: [],
    decompose: () => [step("cx", [2, 1]), step("ccx", [0, 1, 2]), step("cx", [2, 1])],
    qasm2: "cswap", qasm3: "cswap", label: "×", doc: "Fredkin: swap the last two qubits when the first is 1.",
  },
  crx: {
    id: "crx", aliases: [], numQubits: 2, numParams: 1, paramNames: ["theta"],
    matrix: (p) => controlled(rx(p[0]!)), flags: NONE, kernel: "controlled", control: { numControls: 1, target: "rx" },
    adjoint: negated("crx", 2), generators: [controlledGenerator(half(X))],
    decompose: (p, m) => [
      step("p", [1], m.constant(PI / 2)), step("cx", [0, 1]),
      step("u3", [1], m.scale(a0(p), -0.5), m.constant(0), m.constant(0)), step("cx", [0, 1]),
      step("u3", [1], m.scale(a0(p), 0.5), m.constant(-PI / 2), m.constant(0)),
    ],
    qasm2: "crx", qasm3: "crx", label: "Rx", doc: "Controlled RX.",
  },
  cry: {
    id: "cry", aliases: [], numQubits: 2, numParams: 1, paramNames: ["theta"],
    matrix: (p) => controlled(ry(p[0]!)), flags: NONE, kernel: "controlled", control: { numControls: 1, target: "ry" },
    adjoint: negated("cry", 2), generators: [controlledGenerator(half(Y))],
    decompose: (p, m) => [
      step("ry", [1], m.scale(a0(p), 0.5)), step("cx", [0, 1]), step("ry", [1], m.scale(a0(p), -0.5)), step("cx", [0, 1]),
    ],
    qasm2: "cry", qasm3: "cry", label: "Ry", doc: "Controlled RY.",
  },
  crz: {
    id: "crz", aliases: [], numQubits: 2, numParams: 1, paramNames: ["phi"],
    matrix: (p) => controlled(rz(p[0]!)), flags: { diagonal: true, permutation: false, clifford: false },
    kernel: "diagonal", control: { numControls: 1, target: "rz" },
    adjoint: negated("crz", 2), generators: [controlledGenerator(half(Z))],
    decompose: (p, m) => [
      step("rz", [1], m.scale(a0(p), 0.5)), step("cx", [0, 1]), step("rz", [1], m.scale(a0(p), -0.5)), step("cx", [0, 1]),
    ],
    qasm2: "crz", qasm3: "crz", label: "Rz", doc: "Controlled RZ.",
  },
  cp: {
    id: "cp", aliases: ["cu1", "cphase"], numQubits: 2, numParams: 1, paramNames: ["lambda"],
    matrix: (p) => controlled(diag(0, p[0]!)), flags: { diagonal: true, permutation: false, clifford: false },
    kernel: "diagonal", control: { numControls: 1, target: "p" },
    adjoint: negated("cp", 2), generators: [minusP11],
    decompose: (p, m) => [
      step("p", [0], m.scale(a0(p), 0.5)), step("cx", [0, 1]), step("p", [1], m.scale(a0(p), -0.5)),
      step("cx", [0, 1]), step("p", [1], m.scale(a0(p), 0.5)),
    ],
    qasm2: "cp", qasm3: "cp", label: "P", doc: "Controlled phase diag(1, 1, 1, e^{iλ}) (cu1).",
  },
  cu3: {
    id: "cu3", aliases: [], numQubits: 2, numParams: 3, paramNames: ["theta", "phi", "lambda"],
    matrix: (p) => controlled(u3(p[0]!, p[1]!, p[2]!)), flags: NONE, kernel: "controlled",
    control: { numControls: 1, target: "u3" },
    adjoint: (p, m) => [step("cu3", [0, 1], m.scale(p[0]!, -1), m.scale(p[2]!, -1), m.scale(p[1]!, -1))],
    generators: [controlledGenerator(half(Y)), minusP11, minusP11],
    rotationForm: (p) => [step("cp", [0, 1], p[2]!), step("cry", [0, 1], p[0]!), step("cp", [0, 1], p[1]!)],
    decompose: (p, m) => [
      step("p", [0], m.scale(m.add(p[2]!, p[1]!), 0.5)), step("p", [1], m.scale(m.add(p[2]!, m.scale(p[1]!, -1)), 0.5)),
      step("cx", [0, 1]), step("u3", [1], m.scale(p[0]!, -0.5), m.constant(0), m.scale(m.add(p[1]!, p[2]!), -0.5)),
      step("cx", [0, 1]), step("u3", [1], m.scale(p[0]!, 0.5), p[1]!, m.constant(0)),
    ],
    qasm2: "cu3", qasm3: null, label: "U3", doc: "Controlled u3 (qelib1's cu3).",
  },
  cu: {
    id: "cu", aliases: [], numQubits: 2, numParams: 4, paramNames: ["theta", "phi", "lambda", "gamma"],
    matrix: (p) => controlled(scale(u3(p[0]!, p[1]!, p[2]!), Math.cos(p[3]!), Math.sin(p[3]!))), flags: NONE,
    kernel: "dense",
    adjoint: (p, m) => [
      step("cu", [0, 1], m.scale(p[0]!, -1), m.scale(p[2]!, -1), m.scale(p[1]!, -1), m.scale(p[3]!, -1)),
    ],
    generators: [controlledGenerator(half(Y)), minusP11, minusP11, kron(I2, minusP1)],
    rotationForm: (p) => [
      step("cp", [0, 1], p[2]!), step("cry", [0, 1], p[0]!), step("cp", [0, 1], p[1]!), step("p", [0], p[3]!),
    ],
    decompose: (p) => [step("p", [0], p[3]!), step("cu3", [0, 1], p[0]!, p[1]!, p[2]!)],
    qasm2: "cu", qasm3: "cu", label: "U", doc: "Controlled U with a phase γ on the control (OpenQASM 3 cu).",
  },
  rxx: {
    id: "rxx", aliases: [], numQubits: 2, numParams: 1, paramNames: ["theta"],
    matrix: (p) => pauliRotation(X, X, p[0]!), flags: NONE, kernel: "dense",
    adjoint: negated("rxx", 2), generators: [half(kron(X, X))],
    decompose: (p) => twoQubitRotation(a0(p), [step("h", [0]), step("h", [1])], [step("h", [0]), step("h", [1])]),
    qasm2: "rxx", qasm3: null, label: "Rxx", doc: "exp(−iθ X⊗X / 2).",
  },
  ryy: {
    id: "ryy", aliases: [], numQubits: 2, numParams: 1, paramNames: ["theta"],
    matrix: (p) => pauliRotation(Y, Y, p[0]!), flags: NONE, kernel: "dense",
    adjoint: negated("ryy", 2), generators: [half(kron(Y, Y))],
    decompose: (p, m) =>
      twoQubitRotation(
        a0(p),
        [step("rx", [0], m.constant(PI / 2)), step("rx", [1], m.constant(PI / 2))],
        [step("rx", [0], m.constant(-PI / 2)), step("rx", [1], m.constant(-PI / 2))],
      ),
    qasm2: null, qasm3: null, label: "Ryy", doc: "exp(−iθ Y⊗Y / 2).",
  },
  rzz: {
    id: "rzz", aliases: [], numQubits: 2, numParams: 1, paramNames: ["theta"],
    matrix: (p) => diag(-p[0]! / 2, p[0]! / 2, p[0]! / 2, -p[0]! / 2),
    flags: { diagonal: true, permutation: false, clifford: false }, kernel: "diagonal",
    adjoint: negated("rzz", 2), generators: [half(kron(Z, Z))],
    decompose: (p) => twoQubitRotation(a0(p), [], []),
    qasm2: "rzz", qasm3: null, label: "Rzz", doc: "exp(−iθ Z⊗Z / 2).",
  },
  rzx: {
    id: "rzx", aliases: [], numQubits: 2, numParams: 1, paramNames: ["theta"],
    matrix: (p) => pauliRotation(X, Z, p[0]!), flags: NONE, kernel: "dense",
    adjoint: negated("rzx", 2), generators: [half(kron(X, Z))],
    decompose: (p) => twoQubitRotation(a0(p), [step("h", [1])], [step("h", [1])]),
    qasm2: null, qasm3: null, label: "Rzx", doc: "exp(−iθ Z⊗X / 2), Z on the first qubit, X on the second.",
  },
  ecr: {
    id: "ecr", aliases: [], numQubits: 2, numParams: 0, paramNames: [],
    matrix: () => ECR, flags: { diagonal: false, permutation: false, clifford: true }, kernel: "dense",
    adjoint: self("ecr", 2), generators: [],
    decompose: (_p, m) => [
      step("rzx", [0, 1], m.constant(PI / 4)), step("x", [0]), step("rzx", [0, 1], m.constant(-PI / 4)),
    ],
    qasm2: null, qasm3: null, label: "ECR", doc: "Echoed cross-resonance gate (IBM hardware basis).",
  },
} as const satisfies Record<GateId, GateSpec<GateId>>;

