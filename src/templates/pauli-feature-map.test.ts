import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { type CMatrix, cmatrix, distanceUpToPhase, kron, matmul } from "../math/complex-matrix.js";
import { referenceStatevector, referenceUnitary } from "../sim/reference/dense-reference.js";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { ParamExpr } from "../circuit/param-expr.js";
import { PauliFeatureMap, appendPauliEvolution } from "./pauli-feature-map.js";
import { ZFeatureMap } from "./z-feature-map.js";
import { ZZFeatureMap } from "./zz-feature-map.js";
import {
  complexVector,
  maxAbsDiffState,
  pauliExp,
  pauliOperator,
  phase,
} from "./test-utils/complex-state.js";

const sim = new StateVectorSimulator();
const PI = Math.PI;

describe("ZZFeatureMap", () => {
  it("2 qubits, 1 rep: the state is the hand-multiplied product of its gates", () => {
    const [x0, x1] = [0.37, -1.21];
    const phi = (PI - x0) * (PI - x1);
    // H⊗H|00⟩ = ½(1,1,1,1); P(2x0) on q0 phases indices 1, 3; P(2x1) on q1 phases 2, 3; CX(0,1)·P(2φ)_1·CX(0,1)
    // phases the indices whose two bits differ (1 and 2) by e^{2iφ}. Index = b0 + 2·b1.
    const expected = complexVector([
      phase(0, 0.5),
      phase(2 * x0 + 2 * phi, 0.5),
      phase(2 * x1 + 2 * phi, 0.5),
      phase(2 * x0 + 2 * x1, 0.5),
    ]);
    const fm = new ZZFeatureMap(2, { reps: 1 });
    const state = sim.statevector(fm.circuit, fm.encode([x0, x1]));
    expect(maxAbsDiffState(state, expected)).toBeLessThan(1e-12);
    // …and the same circuit written out gate by gate, through the dense reference.
    const byHand = new Circuit(2)
      .h(0)
      .h(1)
      .p(2 * x0, 0)
      .p(2 * x1, 1)
      .cx(0, 1)
      .p(2 * phi, 1)
      .cx(0, 1);
    expect(maxAbsDiffState(referenceStatevector(byHand), expected)).toBeLessThan(1e-12);
  });

  it("has Qiskit's gate sequence: per rep H layer, P(2x_i), then CX·P(2φ_ij)·CX per pair", () => {
    const fm = new ZZFeatureMap(3, { reps: 2, entanglement: "linear" });
    const names = fm.circuit.operations.map((o) =>
      o.kind === "gate" ? `${o.gate}(${o.qubits.join(",")})` : o.kind,
    );
    const rep = [
      "h(0)",
      "h(1)",
      "h(2)",
      "p(0)",
      "p(1)",
      "p(2)",
      "cx(0,1)",
      "p(1)",
      "cx(0,1)",
      "cx(1,2)",
      "p(2)",
      "cx(1,2)",
    ];
    expect(names).toEqual([...rep, ...rep]);
    expect(fm.inputNames).toEqual(["x0", "x1", "x2", "x0_x1", "x1_x2"]);
    const values = fm.encode([0.1, 0.2, 0.3]);
    expect(values["x1_x2"]).toBeCloseTo((PI - 0.2) * (PI - 0.3), 14);
  });

  it("matches exp(−i·Σ…) written with matrix exponentials for 3 qubits, full entanglement, 2 reps", () => {
    const x = [0.4, -0.9, 1.7];
    const n = 3;
    const fm = new ZZFeatureMap(n);
    const layer = (): CMatrix => {
      // diagonal Z and ZZ terms commute; P(2φ) = e^{iφ}·exp(−iφZ), so each term is exp(−i·φ·P) up to phase.
      let u = hadamards(n);
      for (let i = 0; i < n; i++) u = matmul(pauliExp(pauliOperator(letters(n, { [i]: "Z" })), 2 * x[i]!), u);
      for (const [i, j] of [
        [0, 1],
        [0, 2],
        [1, 2],
      ] as const)
        u = matmul(
          pauliExp(pauliOperator(letters(n, { [i]: "Z", [j]: "Z" })), 2 * (PI - x[i]!) * (PI - x[j]!)),
          u,
        );
      return u;
    };
    const expected = matmul(layer(), layer());
    expect(distanceUpToPhase(referenceUnitary(fm.circuit, fm.encode(x)), expected)).toBeLessThan(1e-10);
  });

  it("circular and explicit-pair entanglement name each pair once, indices sorted", () => {
    const fm = new ZZFeatureMap(4, { reps: 1, entanglement: "circular" });
    expect(fm.inputNames).toEqual(["x0", "x1", "x2", "x3", "x0_x3", "x0_x1", "x1_x2", "x2_x3"]);
    const pairs = new ZZFeatureMap(3, { reps: 1, entanglement: [[2, 0]] });
    expect(pairs.inputNames).toEqual(["x0", "x1", "x2", "x0_x2"]);
    expect(pairs.circuit.countOps()).toEqual({ h: 3, p: 4, cx: 2 });
  });

  it("bandwidth scales every feature before encoding", () => {
    const x = [0.8, -0.3, 2.1];
    const scaled = new ZZFeatureMap(3, { bandwidth: 0.25 });
    const plain = new ZZFeatureMap(3);
    const a = sim.statevector(scaled.circuit, scaled.encode(x));
    const b = sim.statevector(plain.circuit, plain.encode(x.map((v) => 0.25 * v)));
    expect(maxAbsDiffState(a, b)).toBeLessThan(1e-12);
    expect(maxAbsDiffState(a, sim.statevector(plain.circuit, plain.encode(x)))).toBeGreaterThan(1e-3);
    expect(scaled.encode(x)["x0"]).toBe(0.8); // x{i} holds the raw feature; b is a circuit coefficient
  });

  it("needs 2 qubits and checks its rows", () => {
    expect(() => new ZZFeatureMap(1)).toThrow(/integer ≥ 2/);
    const fm = new ZZFeatureMap(4);
    expect(() => fm.encode([1, 2, 3])).toThrow(
      expect.objectContaining({ code: "INVALID_DATA", message: "expected 4 features, got 3" }),
    );
    expect(() => fm.encode([1, NaN, 3, 4])).toThrow(
      expect.objectContaining({ code: "NON_FINITE", message: expect.stringMatching(/feature 1 is NaN/) }),
    );
    expect(() =>
      fm.encodeBatch([
        [1, 2, 3, 4],
        [1, 2, Infinity, 4],
      ]),
    ).toThrow(/row 1: feature 2 is Infinity/);
    expect(() => new ZZFeatureMap(3, { reps: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => new ZZFeatureMap(3, { bandwidth: -1 })).toThrow(/bandwidth must be positive/);
    expect(() => new ZZFeatureMap(3, { rep: 2 } as never)).toThrow(/unknown option "rep"/);
  });
});

describe("ZFeatureMap", () => {
  it("is H then P(2x_i) per rep: one rep gives (|0⟩ + e^{2ix}|1⟩)/√2 on each qubit", () => {
    const x = [0.3, 1.1];
    const fm = new ZFeatureMap(2, { reps: 1 });
    const s = Math.SQRT1_2;
    const q = x.map((v) => [[s, 0], phase(2 * v, s)] as const);
    const expected = complexVector([0, 1, 2, 3].map((k) => mul(q[0]![k & 1]!, q[1]![k >> 1]!)));
    expect(maxAbsDiffState(sim.statevector(fm.circuit, fm.encode(x)), expected)).toBeLessThan(1e-12);
    expect(new ZFeatureMap(3).circuit.countOps()).toEqual({ h: 6, p: 6 }); // Qiskit default reps = 2
  });
});

describe("PauliFeatureMap", () => {
  it("each word's block is exp(−i·α·φ/2·P) with the word's last letter on the set's first qubit", () => {
    const x = [0.7, -0.4, 1.3];
    const alpha = 1.3;
    const cases: { word: string; set: number[]; at: Record<number, string> }[] = [
      { word: "XY", set: [0, 2], at: { 0: "Y", 2: "X" } },
      { word: "ZX", set: [1, 0], at: { 0: "Z", 1: "X" } },
      { word: "YIZ", set: [0, 1, 2], at: { 0: "Z", 2: "Y" } },
      { word: "XYZ", set: [2, 0, 1], at: { 2: "Z", 0: "Y", 1: "X" } },
    ];
    for (const { word, set, at } of cases) {
      const fm = new PauliFeatureMap(3, { paulis: [word], reps: 1, alpha, entanglement: [set] });
      const phi = set.reduce((acc, i) => acc * (PI - x[i]!), 1);
      const expected = matmul(pauliExp(pauliOperator(letters(3, at)), alpha * phi), hadamards(3));
      expect(distanceUpToPhase(referenceUnitary(fm.circuit, fm.encode(x)), expected), word).toBeLessThan(
        1e-10,
      );
    }
    // A single-qubit word acts on every qubit with φ_i = x_i.
    const fm = new PauliFeatureMap(3, { paulis: ["Y"], reps: 1, alpha });
    let expected = hadamards(3);
    for (let q = 0; q < 3; q++)
      expected = matmul(pauliExp(pauliOperator(letters(3, { [q]: "Y" })), alpha * x[q]!), expected);
    expect(distanceUpToPhase(referenceUnitary(fm.circuit, fm.encode(x)), expected)).toBeLessThan(1e-10);
  });

  it("defaults to ZZFeatureMap's circuit (paulis Z, ZZ; alpha 2; full; 2 reps)", () => {
    const a = new PauliFeatureMap(3);
    const b = new ZZFeatureMap(3);
    expect(a.circuit.operations).toEqual(b.circuit.operations);
    expect(new PauliFeatureMap(1).paulis).toEqual(["Z"]);
  });

  it("names triple products and evaluates Π(π − b·x_k)", () => {
    const fm = new PauliFeatureMap(3, { paulis: ["ZZZ"], reps: 1, bandwidth: 0.5 });
    expect(fm.inputNames).toEqual(["x0_x1_x2"]);
    expect(fm.encode([1, 2, 3])["x0_x1_x2"]).toBeCloseTo((PI - 0.5) * (PI - 1) * (PI - 1.5), 14);
  });

  it("refuses bad words and entanglement", () => {
    expect(() => new PauliFeatureMap(2, { paulis: ["ZZZ"] })).toThrow(
      /acts on 3 qubits but the map has only 2/,
    );
    expect(() => new PauliFeatureMap(2, { paulis: ["ZA"] })).toThrow(/not a Pauli word/);
    expect(() => new PauliFeatureMap(2, { paulis: [] })).toThrow(/non-empty/);
    expect(() => new PauliFeatureMap(3, { paulis: ["Z", "ZZ"], entanglement: [[0, 1, 2]] })).toThrow(
      /has 3 qubit/,
    );
  });
});

function letters(n: number, at: Readonly<Record<number, string>>): string[] {
  return Array.from({ length: n }, (_, q) => at[q] ?? "I");
}

function hadamards(n: number): CMatrix {
  const s = Math.SQRT1_2;
  const h = cmatrix([
    [s, s],
    [s, -s],
  ]);
  let m = cmatrix([[1]]);
  for (let q = 0; q < n; q++) m = kron(h, m);
  return m;
}

function mul(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

describe("appendPauliEvolution", () => {
  it("builds the documented ladder for ZX on [0, 1]", () => {
    const c = appendPauliEvolution(new Circuit(2), "ZX", [0, 1], ParamExpr.symbol("t"));
    expect(
      c.operations.map((o) => (o.kind === "gate" ? `${o.gate}(${o.qubits.join(",")})` : o.kind)),
    ).toEqual(["h(0)", "cx(0,1)", "p(1)", "cx(0,1)", "h(0)"]);
    expect(appendPauliEvolution(new Circuit(2), "II", [0, 1], ParamExpr.symbol("t")).size()).toBe(0);
  });
});
