import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import type { Operation } from "../circuit/operation.js";
import { GATES } from "../gates/gate-table.js";
import { controlled, u3 } from "../gates/gate-matrices.js";
import { maxAbsDiff, scale } from "../math/complex-matrix.js";
import { QforgeError } from "../util/errors.js";
import { parseQasm, parseQasm2, parseQasm3 } from "./parse-qasm.js";
import { circuitUnitary, circuitsEqual } from "./test-utils/circuit-compare.js";

/** Compact text of the operations, e.g. `cx 0,1`, `rz(0.5) 1 ctrl=1/1`, `measure 0->1 if [0,1]==3`. */
function ops(c: Circuit): string[] {
  const cond = (o: Operation) =>
    o.kind !== "barrier" && o.condition ? ` if [${o.condition.clbits.join(",")}]==${o.condition.value}` : "";
  return c.operations.map((o) => {
    switch (o.kind) {
      case "gate": {
        const params = o.params.length ? `(${o.params.map(String).join(", ")})` : "";
        return `${o.gate}${params} ${o.qubits.join(",")}${o.controls ? ` ctrl=${o.controls}/${o.controlState}` : ""}${cond(o)}`;
      }
      case "measure":
        return `measure ${o.qubit}->${o.clbit}${cond(o)}`;
      case "reset":
        return `reset ${o.qubit}${cond(o)}`;
      case "barrier":
        return `barrier ${o.qubits.join(",")}`;
    }
  });
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

const V2 = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const V3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';
const readExample = (name: string) =>
  readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");

describe("examples", () => {
  it("examples/bell.qasm is an OpenQASM 2 Bell circuit", () => {
    const c = parseQasm(readExample("bell.qasm"), { fileName: "bell.qasm" });
    expect(c.qubitRegisters).toEqual([{ name: "q", size: 2 }]);
    expect(c.clbitRegisters).toEqual([{ name: "c", size: 2 }]);
    expect(ops(c)).toEqual(["h 0", "cx 0,1", "measure 0->0", "measure 1->1"]);
  });

  it("examples/ghz3.qasm is an OpenQASM 3 GHZ circuit with an input parameter", () => {
    const c = parseQasm(readExample("ghz3.qasm"), { fileName: "ghz3.qasm" });
    expect(c.parameters).toEqual(["theta"]);
    expect(ops(c)).toEqual([
      "ry(theta) 0",
      "cx 0,1",
      "cx 1,2",
      "measure 0->0",
      "measure 1->1",
      "measure 2->2",
    ]);
  });
});

describe("OpenQASM 2", () => {
  it("maps several registers to consecutive indices and broadcasts over whole registers", () => {
    const c = parseQasm(
      `${V2}qreg a[2];\nqreg b[2];\ncreg c[2];\ncreg d[1];\nh a;\ncx a, b;\ncx a[0], b;\nmeasure b -> c;\nmeasure a[1] -> d[0];\n`,
    );
    expect([c.numQubits, c.numClbits]).toEqual([4, 3]);
    expect(c.qubitRegisters).toEqual([
      { name: "a", size: 2 },
      { name: "b", size: 2 },
    ]);
    expect(c.clbitRegisters).toEqual([
      { name: "c", size: 2 },
      { name: "d", size: 1 },
    ]);
    expect(ops(c)).toEqual([
      "h 0",
      "h 1",
      "cx 0,2",
      "cx 1,3",
      "cx 0,2",
      "cx 0,3",
      "measure 2->0",
      "measure 3->1",
      "measure 1->2",
    ]);
  });

  it("has U and CX built in; other gates need qelib1.inc", () => {
    expect(ops(parseQasm("OPENQASM 2.0;\nqreg q[2];\nU(1, 2, 3) q[0];\nCX q[0], q[1];\n"))).toEqual([
      "u3(1, 2, 3) 0",
      "cx 0,1",
    ]);
    const e = errorOf(() => parseQasm("OPENQASM 2.0;\nqreg q[1];\nh q[0];\n", { fileName: "x.qasm" }));
    expect(e.code).toBe("UNKNOWN_GATE");
    expect(e.message).toBe('x.qasm:3:1: unknown gate "h": add include "qelib1.inc"; before using it');
  });

  it("reads every table gate with a qelib1 name, and aliases such as u1, cu1, u", () => {
    expect(
      ops(
        parseQasm(
          `${V2}qreg q[2];\nu1(0.5) q[0];\ncu1(0.25) q[0], q[1];\nu(1, 2, 3) q[1];\nrzz(0.1) q[0], q[1];\nsxdg q[0];\n`,
        ),
      ),
    ).toEqual(["p(0.5) 0", "cp(0.25) 0,1", "u3(1, 2, 3) 1", "rzz(0.1) 0,1", "sxdg 0"]);
    const e = errorOf(() => parseQasm(`${V2}qreg q[2];\niswap q[0], q[1];\n`));
    expect(e.code).toBe("UNKNOWN_GATE");
    expect(e.message).toContain("not in qelib1.inc; define it");
  });

  it("evaluates parameter expressions: pi, + - * / ^, unary minus, functions", () => {
    const c = parseQasm(
      `${V2}qreg q[1];\nu3(pi/2, -pi/4*2, 2^3 - sqrt(4) + ln(exp(1)) + sin(0) + cos(0) + tan(0)) q[0];\nrz(-2^2) q[0];\nrz(-(1 - 3)) q[0];\nrz(2^3^2/512) q[0];\n`,
    );
    const values = c.operations.flatMap((o) => (o.kind === "gate" ? o.params.map((p) => p.constant) : []));
    expect(values).toEqual([Math.PI / 2, -Math.PI / 2, 8, -4, 2, 1]);
  });

  it("expands user gate definitions inline, nested and with parameters", () => {
    const c = parseQasm(
      `${V2}gate foo(a) x, y { rz(a/2) y; cx x, y; }\ngate bar(b) x, y, z { foo(2*b) x, y; barrier x, z; foo(b) y, z; }\nqreg q[3];\nbar(0.5) q[2], q[0], q[1];\n`,
    );
    expect(ops(c)).toEqual(["rz(0.5) 0", "cx 2,0", "barrier 2,1", "rz(0.25) 1", "cx 0,1"]);
  });

  it("declares opaque gates, and refuses to apply them", () => {
    const src = `${V2}opaque magic(t) a, b;\nqreg q[2];\n`;
    expect(parseQasm(src).operations).toEqual([]);
    const e = errorOf(() => parseQasm(`${src}magic(0.1) q[0], q[1];\n`));
    expect(e.code).toBe("UNSUPPORTED");
    expect(e.message).toMatch(/^<input>:5:1: gate magic is opaque/);
  });

  it("reads measure, reset, barrier and if(creg==n) on the whole register", () => {
    const c = parseQasm(
      `${V2}qreg q[2];\ncreg c[2];\ncreg f[1];\nmeasure q[0] -> c[1];\nreset q;\nbarrier q[1], q[0];\nif(c==2) x q[1];\nif(f==1) measure q[1] -> c[0];\nif(c==3) reset q[0];\n`,
    );
    expect(ops(c)).toEqual([
      "measure 0->1",
      "reset 0",
      "reset 1",
      "barrier 1,0",
      "x 1 if [0,1]==2",
      "measure 1->0 if [2]==1",
      "reset 0 if [0,1]==3",
    ]);
  });

  it("maps canonical qelib1 definitions of table gates back to the table gate", () => {
    const definitions: Record<string, string> = {
      cp: "gate cu1(lambda) a,b { u1(lambda/2) a; cx a,b; u1(-lambda/2) b; cx a,b; u1(lambda/2) b; }",
      crz: "gate crz(lambda) a,b { u1(lambda/2) b; cx a,b; u1(-lambda/2) b; cx a,b; }",
      rzz: "gate rzz(theta) a,b { cx a,b; u1(theta) b; cx a,b; }",
      cu3: "gate cu3(theta,phi,lambda) c, t { u1((lambda+phi)/2) c; u1((lambda-phi)/2) t; cx c,t; u3(-theta/2,0,-(phi+lambda)/2) t; cx c,t; u3(theta/2,phi,0) t; }",
      cy: "gate cy a,b { sdg b; cx a,b; s b; }",
      swap: "gate swap a,b { cx a,b; cx b,a; cx a,b; }",
      ch: "gate ch a,b { h b; sdg b; cx a,b; h b; t b; cx a,b; t b; h b; s b; x b; s a; }",
      ccx: "gate ccx a,b,c { h c; cx b,c; tdg c; cx a,c; t c; cx b,c; tdg c; cx a,c; t b; t c; h c; cx a,b; t a; tdg b; cx a,b; }",
    };
    for (const [id, def] of Object.entries(definitions)) {
      const name = def.split(/[ (]/)[1]!;
      const spec = GATES[id as keyof typeof GATES];
      const args = Array.from({ length: spec.numParams }, (_, i) => 0.3 + i).join(", ");
      const qubits = Array.from({ length: spec.numQubits }, (_, i) => `q[${spec.numQubits - 1 - i}]`).join(
        ", ",
      );
      const c = parseQasm(`${V2}${def}\nqreg q[3];\n${name}${args ? `(${args})` : ""} ${qubits};\n`);
      expect(c.operations.length, id).toBe(1);
      expect(c.operations[0], id).toMatchObject({ kind: "gate", gate: id });
    }
  });

  it("expands a definition named like a table gate when it differs from it", () => {
    const c = parseQasm(
      `${V2}gate rzz(theta) a,b { cx a,b; rz(2*theta) b; cx a,b; }\nqreg q[2];\nrzz(0.1) q[0], q[1];\n`,
    );
    expect(ops(c)).toEqual(["cx 0,1", "rz(0.2) 1", "cx 0,1"]);
  });

  it("refuses OpenQASM 3 syntax", () => {
    const e = errorOf(() => parseQasm(`${V2}qubit[2] q;\n`));
    expect(e.code).toBe("PARSE_ERROR");
    expect(e.message).toBe('<input>:3:1: "qubit" is OpenQASM 3 syntax; this program is OpenQASM 2');
    expect(errorOf(() => parseQasm2(`OPENQASM 3;\nqubit q;`)).message).toContain(
      "this is an OpenQASM 3 program",
    );
  });
});

describe("errors carry file:line:col", () => {
  const cases: [string, string, QforgeError["code"], string][] = [
    [
      "missing semicolon",
      `${V2}qreg q[2]\ncx q[0], q[1];\n`,
      "PARSE_ERROR",
      "bell.qasm:4:1: expected ';' after statement, found \"cx\"",
    ],
    [
      "missing semicolon in the middle of a line",
      `${V2}qreg q[2];\nh q[0] x q[1];\n`,
      "PARSE_ERROR",
      "bell.qasm:4:8: expected ';' after statement",
    ],
    ["unknown gate", `${V2}qreg q[2];\n  foo q[0];\n`, "UNKNOWN_GATE", 'bell.qasm:4:3: unknown gate "foo"'],
    [
      "too few qubits",
      `${V2}qreg q[2];\ncx q[0];\n`,
      "WRONG_ARITY",
      "bell.qasm:4:1: gate cx acts on 2 qubit(s), got 1",
    ],
    [
      "too many parameters",
      `${V2}qreg q[2];\nh(0.1) q[0];\n`,
      "WRONG_ARITY",
      "bell.qasm:4:1: gate h takes 0 parameter(s), got 1",
    ],
    [
      "index beyond the register",
      `${V2}qreg q[2];\nx q[0];\nx q[2];\n`,
      "QUBIT_OUT_OF_RANGE",
      "bell.qasm:5:5: index 2 is out of range for register q of size 2",
    ],
    [
      "unknown register",
      `${V2}qreg q[2];\nx r[0];\n`,
      "PARSE_ERROR",
      'bell.qasm:4:3: unknown qubit register "r"',
    ],
    [
      "the same qubit twice",
      `${V2}qreg q[2];\ncx q[1], q[1];\n`,
      "INVALID_ARGUMENT",
      "bell.qasm:4:1: cx: the same qubit appears twice",
    ],
    [
      "condition value too large",
      `${V2}qreg q[1];\ncreg c[2];\nif(c==4) x q[0];\n`,
      "INVALID_ARGUMENT",
      "bell.qasm:5:7: the value 4 does not fit in register c",
    ],
    [
      "unterminated comment",
      `${V2}/* no end\nqreg q[1];`,
      "PARSE_ERROR",
      "bell.qasm:3:1: unterminated /* comment",
    ],
    [
      "bad character",
      `${V2}qreg q[1];\nx q[0]; ?\n`,
      "PARSE_ERROR",
      'bell.qasm:4:9: unexpected character "?"',
    ],
    ["division by zero", `${V2}qreg q[1];\nrz(1/0) q[0];\n`, "NON_FINITE", "bell.qasm:4:5: division by zero"],
    [
      "too many qubits",
      `${V2}qreg q[60];\nqreg r[5];\n`,
      "INVALID_ARGUMENT",
      "bell.qasm:4:8: 65 qubits is more than qforge supports",
    ],
    [
      "unknown identifier",
      `${V2}qreg q[1];\nrz(theta) q[0];\n`,
      "PARSE_ERROR",
      'bell.qasm:4:4: unknown identifier "theta"',
    ],
    [
      "broadcast size mismatch",
      `${V2}qreg a[2];\nqreg b[3];\ncx a, b;\n`,
      "PARSE_ERROR",
      "bell.qasm:5:7: cannot broadcast over registers of different sizes (2 and 3)",
    ],
    [
      "unknown version",
      "OPENQASM 4.0;\n",
      "UNSUPPORTED",
      "bell.qasm:1:10: OpenQASM version 4.0 is not supported",
    ],
    [
      "bad include",
      'OPENQASM 2.0;\ninclude "mylib.inc";\n',
      "UNSUPPORTED",
      'bell.qasm:2:9: cannot include "mylib.inc"',
    ],
  ];
  it.each(cases)("%s", (_, text, code, message) => {
    const e = errorOf(() => parseQasm(text, { fileName: "bell.qasm" }));
    expect(e.code).toBe(code);
    expect(e.message.startsWith(message), e.message).toBe(true);
  });

  it("counts lines and columns across comments", () => {
    const e = errorOf(() =>
      parseQasm(`${V2}// a comment\n/* a\n   block */ qreg q[1]; /* inline */ bogus q[0];\n`),
    );
    expect(e.message).toBe('<input>:5:37: unknown gate "bogus"');
  });
});

describe("OpenQASM 3", () => {
  it("declares registers with qubit/bit (sized or single) and qreg/creg", () => {
    const c = parseQasm(
      `${V3}qubit[2] q;\nqubit r;\nqreg s[1];\nbit[2] c;\nbit d;\ncreg e[1];\nx r;\nx s[0];\nd = measure r;\n`,
    );
    expect(c.qubitRegisters).toEqual([
      { name: "q", size: 2 },
      { name: "r", size: 1 },
      { name: "s", size: 1 },
    ]);
    expect(c.clbitRegisters).toEqual([
      { name: "c", size: 2 },
      { name: "d", size: 1 },
      { name: "e", size: 1 },
    ]);
    expect(ops(c)).toEqual(["x 2", "x 3", "measure 2->2"]);
  });

  it("turns input float/angle declarations into circuit parameters", () => {
    const c = parseQasm(
      `${V3}input float[64] theta;\ninput float phi;\ninput angle[32] gamma;\ninput angle delta;\nqubit q;\nrx(2*theta - phi/2 + pi) q;\nu3(gamma, delta, -theta) q;\n`,
    );
    expect(c.parameters).toEqual(["phi", "theta", "gamma", "delta"]);
    expect(ops(c)).toEqual(["rx(-0.5*phi + 2*theta + 3.141592653589793) 0", "u3(gamma, delta, -theta) 0"]);
    expect(c.bind({ theta: 1, phi: 2, gamma: 3, delta: 4 }).operations[0]).toMatchObject({ gate: "rx" });
  });

  it("refuses non-affine use of parameters, naming the problem", () => {
    const e = errorOf(() => parseQasm(`${V3}input float a;\ninput float b;\nqubit q;\nrz(a*b) q;\n`));
    expect(e.code).toBe("UNSUPPORTED");
    expect(e.message).toMatch(/^<input>:6:5: a product of a symbolic parameter is not affine/);
    expect(errorOf(() => parseQasm(`${V3}input float a;\nqubit q;\nrz(sin(a)) q;\n`)).message).toMatch(
      /^<input>:5:4: sin\(\) of a symbolic/,
    );
  });

  it("reads const declarations and uses them in angles, sizes and indices", () => {
    const c = parseQasm(
      `${V3}const int n = 3;\nconst float half = 0.5;\nconst angle a = pi * half;\nqubit[n] q;\nrz(a + half) q[n - 1];\nx q[-1];\n`,
    );
    expect(c.numQubits).toBe(3);
    expect(ops(c)).toEqual([`rz(${Math.PI * 0.5 + 0.5}) 2`, "x 2"]);
  });

  it("reads every measurement form, single bits included", () => {
    const c = parseQasm(
      `${V3}qubit[2] q;\nbit[2] c;\nbit d;\nc[1] = measure q[0];\nc = measure q;\nmeasure q[1] -> c[0];\nmeasure q -> c;\nd = measure q[1];\n`,
    );
    expect(ops(c)).toEqual([
      "measure 0->1",
      "measure 0->0",
      "measure 1->1",
      "measure 1->0",
      "measure 0->0",
      "measure 1->1",
      "measure 1->2",
    ]);
    const e = errorOf(() => parseQasm(`${V3}qubit[2] q;\nbit[3] c;\nc = measure q;\n`));
    expect(e.message).toBe("<input>:5:1: cannot measure 2 qubit(s) into 3 bit(s)");
  });

  it("reads ranges and negative indices", () => {
    const c = parseQasm(`${V3}qubit[4] q;\nh q[1:2];\nx q[0:2:3];\ncx q[0], q[-2:-1];\nbarrier q[3:-1:2];\n`);
    expect(ops(c)).toEqual(["h 1", "h 2", "x 0", "x 2", "cx 0,2", "cx 0,3", "barrier 3,2"]);
  });

  it("turns ctrl @ and negctrl @ into controls, first modifier first", () => {
    const c = parseQasm(
      `${V3}qubit[4] q;\nctrl @ x q[0], q[1];\nctrl(2) @ negctrl @ rz(0.5) q[3], q[2], q[1], q[0];\nnegctrl(2) @ ctrl @ x q[0], q[1], q[2], q[3];\nctrl @ ctrl @ h q[1], q[2], q[0];\n`,
    );
    expect(ops(c)).toEqual([
      "x 0,1 ctrl=1/1",
      "rz(0.5) 3,2,1,0 ctrl=3/3",
      "x 0,1,2,3 ctrl=3/4",
      "h 1,2,0 ctrl=2/3",
    ]);
  });

  it("turns inv @ into the table adjoint and pow(k) @ into repetitions or rotation angles", () => {
    const c = parseQasm(
      `${V3}qubit[2] q;\ninv @ s q[0];\ninv @ u3(1, 2, 3) q[0];\npow(2) @ sx q[1];\npow(-2) @ t q[1];\npow(0) @ h q[0];\npow(0.5) @ rz(0.3) q[0];\nctrl @ pow(1/4) @ rx(1) q[0], q[1];\ninv @ ctrl @ s q[1], q[0];\n`,
    );
    expect(ops(c)).toEqual([
      "sdg 0",
      "u3(-1, -3, -2) 0",
      "sx 1",
      "sx 1",
      "tdg 1",
      "tdg 1",
      "rz(0.15) 0",
      "rx(0.25) 0,1 ctrl=1/1",
      "sdg 1,0 ctrl=1/1",
    ]);
  });

  it("refuses non-integer powers of gates that are not rotations, naming the allowed gates", () => {
    const e = errorOf(() => parseQasm(`${V3}qubit q;\npow(0.5) @ h q;\n`));
    expect(e.code).toBe("UNSUPPORTED");
    expect(e.message).toContain(
      "<input>:4:1: a non-integer power (pow(0.5)) is only defined here for one-parameter rotation gates",
    );
    expect(e.message).toContain("rx, ry, rz, p, crx, cry, crz, cp, rxx, ryy, rzz, rzx; got h");
  });

  it("drops an uncontrolled gphase and turns a controlled one into a phase gate", () => {
    const c = parseQasm(
      `${V3}qubit[3] q;\ngphase(0.7);\nctrl @ gphase(0.5) q[0];\nnegctrl @ gphase(0.25) q[1];\nctrl(2) @ gphase(0.125) q[0], q[2];\nnegctrl @ ctrl @ gphase(1) q[2], q[1];\n`,
    );
    expect(ops(c)).toEqual([
      "p(0.5) 0",
      "x 1",
      "p(0.25) 1",
      "x 1",
      "p(0.125) 0,2 ctrl=1/1",
      "p(1) 2,1 ctrl=1/0",
    ]);
    const u = circuitUnitary(parseQasm(`${V3}qubit q;\nnegctrl @ gphase(0.25) q;\n`));
    expect(
      maxAbsDiff(u, { dim: 2, data: Float64Array.of(Math.cos(0.25), Math.sin(0.25), 0, 0, 0, 0, 1, 0) }),
    ).toBeLessThan(1e-15);
  });

  it("keeps the global phase of a definition under ctrl @ (stdgates.inc's u3 is e^{-i(φ+λ)/2}·U)", () => {
    const src = `OPENQASM 3.0;\ngate u3(θ, φ, λ) q { gphase(-(φ+λ)/2); U(θ, φ, λ) q; }\nqubit[2] q;\nctrl @ u3(0.3, 0.7, 1.1) q[0], q[1];\n`;
    const c = parseQasm(src);
    expect(ops(c).map((s) => s.replace(/\([^)]*\)/, "(…)"))).toEqual(["u3(…) 0,1 ctrl=1/1", "p(…) 0"]);
    const expected = controlled(scale(u3(0.3, 0.7, 1.1), Math.cos(-0.9), Math.sin(-0.9)));
    expect(maxAbsDiff(circuitUnitary(c), expected)).toBeLessThan(1e-12);
  });

  it("applies modifiers to user gates by expanding them", () => {
    const c = parseQasm(
      `${V3}gate prep(t) a, b { ry(t) a; cx a, b; }\nqubit[3] q;\nctrl @ prep(0.5) q[2], q[0], q[1];\ninv @ prep(0.5) q[0], q[1];\npow(2) @ prep(0.5) q[0], q[1];\n`,
    );
    expect(ops(c)).toEqual([
      "ry(0.5) 2,0 ctrl=1/1",
      "cx 2,0,1 ctrl=1/1",
      "cx 0,1",
      "ry(-0.5) 0",
      "ry(0.5) 0",
      "cx 0,1",
      "ry(0.5) 0",
      "cx 0,1",
    ]);
  });

  it("maps a definition equal to a table gate up to phase, also under modifiers", () => {
    const src = `${V3}gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }\ngate crz(θ) a, b { ctrl @ rz(θ) a, b; }\nqubit[3] q;\nrzz(0.2) q[0], q[1];\nctrl @ rzz(0.2) q[2], q[0], q[1];\npow(0.5) @ rzz(0.2) q[0], q[1];\ncrz(1) q[1], q[2];\n`;
    expect(ops(parseQasm(src))).toEqual([
      "rzz(0.2) 0,1",
      "rzz(0.2) 2,0,1 ctrl=1/1",
      "rzz(0.1) 0,1",
      "crz(1) 1,2",
    ]);
  });

  it("stays exact under ctrl @ when a mapped definition differs from the table gate by a parameter-dependent phase", () => {
    // qelib1's rzz is e^{iθ/2}·rzz(θ); mapped to the table rzz, the phase becomes a p gate on the control.
    const body = "cx a, b; u1(theta) b; cx a, b;";
    const program = (name: string) =>
      `${V3}gate u1(l) a { U(0, 0, l) a; }\ngate ${name}(theta) a, b { ${body} }\nqubit[3] q;\nctrl @ ${name}(0.7) q[2], q[0], q[1];\nnegctrl @ inv @ ${name}(0.3) q[1], q[2], q[0];\n`;
    const mapped = parseQasm(program("rzz"));
    const expanded = parseQasm(program("my_rzz"));
    expect(mapped.operations.filter((o) => o.kind === "gate" && o.gate === "rzz")).toHaveLength(2);
    expect(expanded.operations.some((o) => o.kind === "gate" && o.gate === "rzz")).toBe(false);
    expect(maxAbsDiff(circuitUnitary(mapped), circuitUnitary(expanded))).toBeLessThan(1e-12);
  });

  it("reads if with a register value, single bits, negation and &&, with one statement or a block", () => {
    const c = parseQasm(
      `${V3}qubit[2] q;\nbit[2] c;\nbit d;\nif (c == 2) { x q[0]; c[0] = measure q[1]; reset q[0]; barrier q; }\nif (c[1]) h q[0];\nif (c[0] == 0) h q[1];\nif (!d) z q[0];\nif (d == true && c[1] != 1) y q[1];\nif (d) ctrl @ x q[0], q[1];\n`,
    );
    expect(ops(c)).toEqual([
      "x 0 if [0,1]==2",
      "measure 1->0 if [0,1]==2",
      "reset 0 if [0,1]==2",
      "h 0 if [1]==1",
      "h 1 if [0]==0",
      "z 0 if [2]==0",
      "y 1 if [2,1]==1",
      "x 0,1 ctrl=1/1 if [2]==1",
    ]);
  });

  it("needs no header (OpenQASM 3 is assumed) and accepts 3, 3.0 and 3.1", () => {
    for (const header of ["", "OPENQASM 3;", "OPENQASM 3.0;", "OPENQASM 3.1;"])
      expect(ops(parseQasm(`${header}\ninclude "stdgates.inc";\nqubit q;\nh q;\n`))).toEqual(["h 0"]);
    expect(ops(parseQasm3("qubit q; U(1, 0, 0) q;"))).toEqual(["u3(1, 0, 0) 0"]);
  });

  it("skips pragma lines", () => {
    expect(ops(parseQasm(`${V3}#pragma braket verbatim\npragma qforge anything\nqubit q;\nh q;\n`))).toEqual([
      "h 0",
    ]);
  });

  const unsupported: [string, string, string][] = [
    ["for loops", "for int i in [0:1] { h q[i]; }", "<input>:4:1: for loops are not supported"],
    ["while loops", "while (true) { h q[0]; }", "<input>:4:1: while loops"],
    ["subroutines", "def f(qubit a) { h a; }", "<input>:4:1: subroutines (def)"],
    ["classical variables", "int[32] i = 0;", "<input>:4:1: classical variables (int)"],
    ["classical assignment", "c[0] = 1;", "<input>:4:8: classical assignments are not supported"],
    [
      "classical arithmetic",
      "c += 1;",
      "<input>:4:1: classical assignments and arithmetic are not supported",
    ],
    ["else branches", "if (c[0]) x q[0]; else x q[1];", "<input>:4:19: else branches"],
    ["nested if", "if (c[0]) { if (c[1]) x q[0]; }", "<input>:4:13: nested if statements"],
    ["physical qubits", "h $0;", "<input>:4:3: physical qubits ($0)"],
    ["delay", "delay[100ns] q[0];", '<input>:4:7: invalid number "100ns"'],
    ["output", "output float x;", "<input>:4:1: output declarations"],
    ["int inputs", "input int n;", "<input>:4:7: inputs of type int"],
    ["measure without target", "measure q[0];", "<input>:4:13: a measurement without a target bit"],
    [
      "other includes",
      'include "qelib1.inc";',
      '<input>:4:9: cannot include "qelib1.inc": OpenQASM 3 programs may include only "stdgates.inc"',
    ],
  ];
  it.each(unsupported)("refuses %s with a clear, located error", (_, line, message) => {
    const e = errorOf(() => parseQasm(`${V3}qubit[2] q; bit[2] c;\n${line}\n`));
    expect(e.message.startsWith(message), e.message).toBe(true);
  });

  it("reports gates missing from stdgates.inc, and gphase is built in", () => {
    const e = errorOf(() => parseQasm(`${V3}qubit[2] q;\nrzx(0.1) q[0], q[1];\n`));
    expect(e.code).toBe("UNKNOWN_GATE");
    expect(e.message).toBe(
      '<input>:4:1: gate "rzx" is not in stdgates.inc; define it with a gate definition before using it',
    );
    expect(parseQasm("OPENQASM 3;\nqubit q;\ngphase(1);\nU(0, 0, 1) q;\n").operations).toHaveLength(1);
  });
});

describe("OpenQASM 2 and 3 read the same circuit", () => {
  it("for equivalent programs", () => {
    const a = parseQasm(
      `${V2}qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nrz(pi/4) q[1];\nmeasure q -> c;\nif(c==1) x q[0];\n`,
    );
    const b = parseQasm(
      `${V3}qubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nrz(π/4) q[1];\nc = measure q;\nif (c == 1) x q[0];\n`,
    );
    expect(circuitsEqual(a, b)).toBeUndefined();
  });

  it("rejects a non-string input with a QforgeError", () => {
    expect(() => parseQasm(42 as unknown as string)).toThrow(QforgeError);
  });
});
