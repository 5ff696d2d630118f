import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { GATES } from "../gates/gate-table.js";
import { GATE_IDS } from "../gates/lookup.js";
import { QforgeError } from "../util/errors.js";
import { parseQasm } from "./parse-qasm.js";
import { circuitsEqual } from "./test-utils/circuit-compare.js";
import { toQasm2, toQasm3 } from "./to-qasm.js";

/**
 * Compares `text` with `__golden__/name`. On a mismatch (or a missing golden file) writes `name` with `.new.qasm`
 * beside it and fails, so that a maintainer can inspect the difference and accept it by renaming the file.
 */
function expectGolden(name: string, text: string): void {
  const file = fileURLToPath(new URL(`./__golden__/${name}`, import.meta.url));
  const fresh = file.replace(/\.qasm$/, ".new.qasm");
  const expected = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (expected === text) {
    rmSync(fresh, { force: true });
    return;
  }
  writeFileSync(fresh, text);
  expect.fail(
    `${name} ${expected === undefined ? "has no golden file" : "differs from its golden file"}; inspect ${fresh} and rename it to accept`,
  );
}

function errorOf(f: () => unknown): QforgeError {
  try {
    f();
  } catch (e) {
    if (e instanceof QforgeError) return e;
    throw e;
  }
  throw new Error("expected a QforgeError, but nothing was thrown");
}

const bell = () => new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1);

/** Every table gate once, with fixed angles, on a circuit with two qubit registers. */
function allGates(): Circuit {
  let c = new Circuit(3, 0, {
    qubitRegisters: [
      { name: "q", size: 2 },
      { name: "anc", size: 1 },
    ],
  });
  GATE_IDS.forEach((id, k) => {
    const spec = GATES[id];
    const qubits = [2, 0, 1].slice(0, spec.numQubits);
    c = c.gate(
      id,
      qubits,
      Array.from({ length: spec.numParams }, (_, j) => ((k + j + 1) * Math.PI) / 7 - 1),
    );
  });
  return c;
}

/** Registers, measurements, resets, barriers and conditions; `symbolic` adds what only OpenQASM 3 can say. */
function features(symbolic: boolean): Circuit {
  let c = new Circuit(4, 3, {
    qubitRegisters: [
      { name: "q", size: 3 },
      { name: "r", size: 1 },
    ],
    clbitRegisters: [
      { name: "c", size: 2 },
      { name: "flag", size: 1 },
    ],
  });
  c = c
    .h(0)
    .cx(0, 3)
    .rz(symbolic ? "theta/2 + 0.25*x0 - pi" : 0.125, 1)
    .barrier(0, 1, 2)
    .measure(3, 2)
    .reset(3);
  c = c
    .gate("x", [1], [], { condition: { clbits: [2], value: 1 } })
    .gate("rzx", [1, 2], [0.5], { condition: { clbits: [2], value: 1 } });
  c = c
    .measure(0, 0)
    .measure(1, 1)
    .gate("u3", [2], [1, 2, 3], { condition: { clbits: [0, 1], value: 2 } });
  c = c.reset(0, { clbits: [0, 1], value: 3 }).measure(2, 1, { clbits: [2], value: 0 });
  if (symbolic) {
    c = c.gate("x", [3], [], { controls: [0, 1, 2], controlState: [1, 1, 0] });
    c = c.gate("ecr", [2, 3], [], { controls: [0], controlState: [0] });
    c = c.gate("ry", [0], ["-theta"], { condition: { clbits: [1, 2], value: 1 } }).barrier();
  }
  return c;
}

describe("golden files", () => {
  const cases: [string, () => Circuit, (c: Circuit) => string][] = [
    ["bell.v2.qasm", bell, toQasm2],
    ["bell.v3.qasm", bell, toQasm3],
    ["all-gates.v2.qasm", allGates, toQasm2],
    ["all-gates.v3.qasm", allGates, toQasm3],
    ["features.v2.qasm", () => features(false), toQasm2],
    ["features.v3.qasm", () => features(true), toQasm3],
  ];
  it.each(cases)("%s matches its golden file and reads back as the same circuit", (name, build, write) => {
    const circuit = build();
    expectGolden(name, write(circuit));
    const golden = readFileSync(new URL(`./__golden__/${name}`, import.meta.url), "utf8");
    expect(circuitsEqual(parseQasm(golden, { fileName: name }), circuit)).toBeUndefined();
  });
});

describe("toQasm3", () => {
  it("uses only stdgates.inc names and gates it defines itself", () => {
    const text = toQasm3(allGates());
    const defined = new Set([...text.matchAll(/^gate (\w+)/gm)].map((m) => m[1]!));
    const standard = new Set<string>(GATE_IDS.flatMap((id) => GATES[id].qasm3 ?? []));
    const called = [...text.matchAll(/^\s*(?:(?:neg)?ctrl(?:\(\d+\))? @ )*(\w+)[ (]/gm)].map((m) => m[1]!);
    const keywords = new Set([
      "OPENQASM",
      "gate",
      "qubit",
      "bit",
      "input",
      "include",
      "gphase",
      "measure",
      "reset",
      "barrier",
      "if",
    ]);
    for (const name of called)
      if (!keywords.has(name)) expect(standard.has(name) || defined.has(name), name).toBe(true);
    for (const name of defined)
      expect(standard.has(name), `${name} is defined although stdgates.inc has it`).toBe(false);
  });

  it("writes definitions after the definitions they use, exact with gphase", () => {
    const text = toQasm3(new Circuit(2).gate("ecr", [0, 1]).gate("sxdg", [1]));
    expect(text.indexOf("gate rzx(theta) a, b {")).toBeLessThan(text.indexOf("gate ecr a, b {"));
    expect(text).toContain("gate sxdg a {\n  s a;\n  h a;\n  s a;\n  gphase(-0.7853981633974483);\n}");
  });

  it("groups runs of equal control states", () => {
    const c = new Circuit(5).gate("x", [4], [], { controls: [0, 1, 2, 3], controlState: [1, 1, 0, 1] });
    expect(toQasm3(c)).toContain("ctrl(2) @ negctrl @ ctrl @ x q[0], q[1], q[2], q[3], q[4];");
  });

  it("groups consecutive operations under the same condition into one block", () => {
    const cond = { clbits: [0], value: 1 };
    const c = new Circuit(1, 1)
      .x(0)
      .gate("x", [0], [], { condition: cond })
      .gate("h", [0], [], { condition: cond })
      .reset(0, { clbits: [0], value: 0 });
    expect(toQasm3(c)).toContain("if (c == 1) {\n  x q[0];\n  h q[0];\n}\nif (c == 0) {\n  reset q[0];\n}\n");
  });

  it("writes angles as plain decimals in full precision", () => {
    const text = toQasm3(
      new Circuit(1)
        .rz(1e-7, 0)
        .rz(0.1 + 0.2, 0)
        .rz(-2.5e22, 0),
    );
    expect(text).toContain(
      "rz(0.0000001) q[0];\nrz(0.30000000000000004) q[0];\nrz(-25000000000000000000000) q[0];",
    );
  });

  it("declares symbolic parameters as inputs and keeps definition formals from shadowing them", () => {
    const c = new Circuit(2, 0, { qubitRegisters: [{ name: "a", size: 2 }] }).gate(
      "rzx",
      [0, 1],
      ["2*theta"],
    );
    const text = toQasm3(c);
    expect(text).toContain("input float[64] theta;");
    expect(text).toContain("gate rzx(theta_) a_, b {");
    expect(text).toContain("rzx(2*theta) a[0], a[1];");
    expect(circuitsEqual(parseQasm(text), c)).toBeUndefined();
  });

  it("writes `barrier;` for an empty barrier list and skips empty registers", () => {
    const c = new Circuit(0, 1, {
      clbitRegisters: [
        { name: "e", size: 0 },
        { name: "c", size: 1 },
      ],
    }).barrier();
    expect(toQasm3(c)).toBe('OPENQASM 3.0;\ninclude "stdgates.inc";\nbit[1] c;\nbarrier;\n');
  });
});

describe("refusals", () => {
  it("OpenQASM 2 cannot hold free parameters: bind them first", () => {
    const e = errorOf(() => toQasm2(new Circuit(1).rx("theta", 0)));
    expect(e.code).toBe("UNSUPPORTED");
    expect(e.message).toContain("bind them first");
  });

  it("OpenQASM 2 cannot express modifier controls or conditions on single bits", () => {
    expect(errorOf(() => toQasm2(new Circuit(2).gate("h", [1], [], { controls: [0] }))).message).toContain(
      "cannot express modifier controls",
    );
    const bits = new Circuit(1, 2).gate("x", [0], [], { condition: { clbits: [1], value: 1 } });
    expect(errorOf(() => toQasm2(bits)).message).toContain("conditions test one whole classical register");
    expect(toQasm3(bits)).toContain("if (c[1] == 1) {");
  });

  it("names must be identifiers, not keywords or gate names, and distinct", () => {
    const regs = (name: string) => new Circuit(1, 0, { qubitRegisters: [{ name, size: 1 }] });
    expect(errorOf(() => toQasm2(regs("Q"))).message).toContain('"Q" is not a valid OpenQASM 2 identifier');
    expect(toQasm3(regs("Q"))).toContain("qubit[1] Q;");
    expect(errorOf(() => toQasm3(regs("my reg"))).code).toBe("UNSUPPORTED");
    expect(errorOf(() => toQasm3(regs("gate"))).message).toContain("keyword or gate name");
    expect(errorOf(() => toQasm3(new Circuit(1).rx("t", 0))).message).toContain(
      'parameter name "t" is an OpenQASM keyword or gate name; rename it (circuit.renameParameters)',
    );
    const twice = new Circuit(1, 1, {
      qubitRegisters: [{ name: "x0", size: 1 }],
      clbitRegisters: [{ name: "x0", size: 1 }],
    });
    expect(errorOf(() => toQasm3(twice)).code).toBe("INVALID_ARGUMENT");
  });
});
