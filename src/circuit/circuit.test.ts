import { describe, expect, it } from "vitest";
import { Circuit } from "./circuit.js";
import { ParamExpr } from "./param-expr.js";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { referenceUnitary } from "../sim/reference/dense-reference.js";
import { adjoint, distanceUpToPhase, identity, matmul, maxAbsDiff } from "../math/complex-matrix.js";
import { Rng } from "../util/rng.js";
import { randomCircuit } from "../sim/test-utils/random-circuit.js";

describe("Circuit builder", () => {
  it("is immutable: appending to a prefix does not change other circuits", () => {
    const base = new Circuit(2).h(0);
    const a = base.cx(0, 1);
    const b = base.x(1);
    expect(base.operations).toHaveLength(1);
    expect(a.operations.map((o) => (o.kind === "gate" ? o.gate : o.kind))).toEqual(["h", "cx"]);
    expect(b.operations.map((o) => (o.kind === "gate" ? o.gate : o.kind))).toEqual(["h", "x"]);
    expect(() => (a.operations as unknown[]).push(1)).toThrow();
  });
  it("has one method per gate and alias, angles first", () => {
    const c = new Circuit(3).u(0.1, 0.2, 0.3, 2).cnot(0, 1).toffoli(0, 1, 2).u1(0.5, 0).cu1(0.4, 0, 1);
    expect(c.countOps()).toEqual({ u3: 1, cx: 1, ccx: 1, p: 1, cp: 1 });
  });
  it("tracks symbolic parameters with linear expressions", () => {
    const c = new Circuit(2).ry("theta", 0).rz("2*x0 + theta", 1).rx("x1/2 - pi", 0);
    expect(c.parameters).toEqual(["theta", "x0", "x1"]);
    const op = c.operations[1]!;
    expect(op.kind === "gate" && op.params[0]!.coefficient("x0")).toBe(2);
    const bound = c.bind({ theta: 0.5 });
    expect(bound.parameters).toEqual(["x0", "x1"]);
    expect(() => c.bind({ nope: 1 })).toThrow(/no parameter "nope"/);
  });
  it("counts depth and size", () => {
    const c = new Circuit(3, 1).h(0).h(1).cx(0, 1).barrier().x(2).measure(2, 0);
    expect(c.size()).toBe(5);
    expect(c.depth()).toBe(2);
  });
  it("inverse() gives U† and compose() appends with a qubit map", () => {
    const c = randomCircuit(new Rng(3), 3, 30);
    const u = referenceUnitary(c),
      ui = referenceUnitary(c.inverse());
    expect(maxAbsDiff(ui, adjoint(u))).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmul(ui, u), identity(8))).toBeLessThan(1e-12);
    const small = new Circuit(2).cx(0, 1);
    const composed = new Circuit(3).compose(small, { qubits: [2, 0] });
    const op = composed.operations[0]!;
    expect(op.kind === "gate" && op.qubits).toEqual([2, 0]);
  });
  it("inverse() of modifier-controlled and symbolic gates", () => {
    const c = new Circuit(3)
      .gate("ry", [2], ["2*a + 1"], { controls: [0, 1], controlState: [1, 0] })
      .rzx("a", 0, 2);
    const inv = c.inverse();
    const vals = { a: 0.37 };
    expect(maxAbsDiff(referenceUnitary(inv, vals), adjoint(referenceUnitary(c, vals)))).toBeLessThan(1e-12);
  });
  it("decompose() to several bases keeps the unitary up to phase", () => {
    const c = randomCircuit(new Rng(8), 3, 25);
    const u = referenceUnitary(c);
    for (const basis of [
      ["u3", "cx"],
      ["rz", "sx", "cx"],
      ["u3", "cz"],
      ["rz", "sx", "x", "cz"],
    ]) {
      const d = c.decompose(basis);
      for (const op of d.operations) if (op.kind === "gate") expect(basis).toContain(op.gate);
      expect(distanceUpToPhase(referenceUnitary(d), u)).toBeLessThan(1e-10);
    }
    expect(() => c.decompose(["h"])).toThrow(/cannot rewrite gate/);
  });
  it("decompose() works symbolically", () => {
    const c = new Circuit(2).crx("t", 0, 1).rzz("2*t", 0, 1);
    const d = c.decompose();
    expect(d.parameters).toEqual(["t"]);
    expect(distanceUpToPhase(referenceUnitary(d, { t: 0.8 }), referenceUnitary(c, { t: 0.8 }))).toBeLessThan(
      1e-12,
    );
  });
  it("removeFinalMeasurements keeps mid-circuit ones", () => {
    const c = new Circuit(2, 2).h(0).measure(0, 0).x(0).cx(0, 1).barrier().measure(0, 0).measure(1, 1);
    const r = c.removeFinalMeasurements();
    expect(r.operations.map((o) => (o.kind === "gate" ? o.gate : o.kind))).toEqual([
      "h",
      "measure",
      "x",
      "cx",
    ]);
    const cond = new Circuit(1, 1).measure(0, 0).ifThen({ clbits: [0], value: 1 }, (b) => b.x(0));
    expect(cond.removeFinalMeasurements().operations).toHaveLength(2);
  });
  it("measureAll adds classical bits", () => {
    const c = new Circuit(2).h(0).measureAll();
    expect(c.numClbits).toBe(2);
    expect(new StateVectorSimulator({ seed: 1 }).sample(c, 100)[0]!["00"]).toBeGreaterThan(30);
  });
});

describe("Circuit errors", () => {
  it("names a qubit index out of range", () => {
    expect(() => new Circuit(2).h(5)).toThrow(/qubit index 5 is out of range for a 2-qubit circuit/);
    expect(() => new Circuit(2).cx(0, 0)).toThrow(/same qubit appears twice/);
  });
  it("names wrong arity and unknown gates", () => {
    expect(() => new Circuit(2).gate("cx", [0])).toThrow(/gate cx acts on 2 qubit/);
    expect(() => new Circuit(2).gate("rx", [0])).toThrow(/takes 1 parameter/);
    expect(() => new Circuit(2).gate("foo", [0])).toThrow(/unknown gate "foo"/);
    expect(() => (new Circuit(2) as unknown as { rx: (q: number) => Circuit }).rx(0)).toThrow(
      /rx\(\) takes 1 angle/,
    );
  });
  it("rejects bad conditions and clbits", () => {
    expect(() => new Circuit(1, 1).measure(0, 3)).toThrow(/classical bit 3/);
    expect(() => new Circuit(1, 1).ifThen({ clbits: [0], value: 2 }, (b) => b.x(0))).toThrow(/does not fit/);
  });
  it("refuses to invert a measurement", () => {
    expect(() => new Circuit(1, 1).measure(0, 0).inverse()).toThrow(/cannot invert/);
  });
});

describe("ParamExpr", () => {
  it("parses and prints affine expressions", () => {
    const e = ParamExpr.parse("2*x0 + theta/2 - pi");
    expect(e.evaluate({ x0: 1, theta: 3 })).toBeCloseTo(2 + 1.5 - Math.PI, 15);
    expect(ParamExpr.parse(e.toString()).equals(e)).toBe(true);
    expect(ParamExpr.parse("sin(pi/2) * 3").constant).toBeCloseTo(3, 15);
    expect(ParamExpr.parse("-(a - 2*b)").coefficient("b")).toBe(2);
  });
  it("rejects non-linear and malformed expressions with a column", () => {
    expect(() => ParamExpr.parse("a*b")).toThrow(/not a linear expression/);
    expect(() => ParamExpr.parse("sin(a)")).toThrow(/not a linear/);
    expect(() => ParamExpr.parse("2 + ")).toThrow(/column/);
  });
});
