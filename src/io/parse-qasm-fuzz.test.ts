import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { QforgeError } from "../util/errors.js";
import { parseQasm, parseQasm2, parseQasm3 } from "./parse-qasm.js";

const SEEDS = [
  `OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];
gate majority(theta) a, b, c { cx c, b; cx c, a; ccx a, b, c; rz(theta/2 + pi) a; }
opaque magic(x) a;
h q;
majority(0.5) q[0], q[1], q[2];
cu1(-pi/4) q[0], q[2];
u(1, 2, 3) q[1];
barrier q;
measure q -> c;
if(c==5) x q[0];
reset q[1];`,
  `OPENQASM 3.0;
include "stdgates.inc";
input float[64] theta;
input angle phi;
const float half = 0.5;
qubit[3] q;
qubit r;
bit[3] c;
bit d;
gate rzz(t) a, b { cx a, b; rz(t) b; cx a, b; }
gate g(x) a { gphase(x); ry(2*x) a; }
ry(theta * 2 - phi) q[0];
ctrl(2) @ negctrl @ x q[0], q[1], q[2], r;
inv @ pow(half) @ rzz(theta) q[0], r;
ctrl @ g(0.3) q[1], q[2];
c[0] = measure q[0];
c = measure q;
d = measure r;
if (c == 3) { x q[0]; h r; }
if (c[1] && !d) z q[2];
barrier q[0:1], r;
reset q[-1];`,
];

const VOCABULARY = [
  ";",
  ",",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "->",
  "@",
  "==",
  "&&",
  "!",
  "=",
  "+",
  "-",
  "*",
  "/",
  "^",
  "**",
  ":",
  "ctrl",
  "negctrl",
  "inv",
  "pow",
  "gate",
  "opaque",
  "qreg",
  "creg",
  "qubit",
  "bit",
  "input",
  "const",
  "float",
  "measure",
  "reset",
  "barrier",
  "if",
  "else",
  "for",
  "include",
  '"qelib1.inc"',
  '"stdgates.inc"',
  "OPENQASM",
  "q",
  "c",
  "r",
  "d",
  "theta",
  "pi",
  "x",
  "h",
  "cx",
  "U",
  "CX",
  "gphase",
  "rzz",
  "g",
  "0",
  "1",
  "2",
  "99",
  "1.5",
  "1e308",
  "-1",
  "$0",
  "/*",
  "*/",
  "//",
  '"',
  "\n",
  " ",
  "π",
  "0x1f",
  "sin(",
  "sqrt(-1)",
  "1/0",
];

/** A valid program with 1–6 random character-level edits: deletions, insertions, duplications, changes. */
const mutatedProgram = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom("delete", "insert", "duplicate", "replace"),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.integer({ min: 1, max: 12 }),
        token: fc.constantFrom(...VOCABULARY),
        char: fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ seed, edits }) =>
    edits.reduce((text, e) => {
      const i = Math.floor(e.at * text.length);
      switch (e.kind) {
        case "delete":
          return text.slice(0, i) + text.slice(i + e.length);
        case "insert":
          return `${text.slice(0, i)} ${e.token} ${text.slice(i)}`;
        case "duplicate":
          return text.slice(0, i + e.length) + text.slice(i, i + e.length) + text.slice(i + e.length);
        case "replace":
          return text.slice(0, i) + e.char + text.slice(i + 1);
      }
    }, seed),
  );

/** A valid program with 1–2 token-level edits, which keeps most of it well-formed so parsing gets far. */
const tokenMutatedProgram = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom("delete", "insert", "replace", "swap"),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        other: fc.double({ min: 0, max: 1, noNaN: true }),
        token: fc.constantFrom(...VOCABULARY),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map(({ seed, edits }) => {
    const tokens = seed.match(/\s+|[A-Za-z_]\w*|\d+(?:\.\d+)?|->|==|&&|\*\*|"[^"]*"|\S/g) ?? [];
    for (const e of edits) {
      const i = Math.floor(e.at * tokens.length),
        j = Math.floor(e.other * tokens.length);
      if (e.kind === "delete") tokens.splice(i, 1);
      else if (e.kind === "insert") tokens.splice(i, 0, ` ${e.token} `);
      else if (e.kind === "replace") tokens[i] = e.token;
      else [tokens[i], tokens[j]] = [tokens[j] ?? "", tokens[i] ?? ""];
    }
    return tokens.join("");
  });

/** Random sequences of QASM-ish tokens. */
const tokenSoup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 }).map((ts) => ts.join(" "));

/** Parses, asserting the only outcomes are a circuit or a QforgeError located as file:line:col. */
function parsesOrFailsCleanly(read: (text: string) => Circuit, text: string): void {
  let result: unknown;
  try {
    result = read(text);
  } catch (e) {
    if (!(e instanceof QforgeError))
      throw new Error(`non-QforgeError escaped for input:\n${text}\n${String(e)}`, { cause: e });
    expect(e.message, text).toMatch(/^<input>:\d+:\d+: /);
    return;
  }
  expect(result).toBeInstanceOf(Circuit);
}

describe("parseQasm never lets a JS error escape", () => {
  it("on mutated valid programs", () => {
    fc.assert(
      fc.property(mutatedProgram, (text) => parsesOrFailsCleanly(parseQasm, text)),
      { seed: 1, numRuns: 300 },
    );
  });

  it("on valid programs with token-level edits", () => {
    fc.assert(
      fc.property(tokenMutatedProgram, (text) => parsesOrFailsCleanly(parseQasm, text)),
      { seed: 1, numRuns: 300 },
    );
  });

  it("on random token sequences, read as OpenQASM 2 and 3", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        parsesOrFailsCleanly(parseQasm2, text);
        parsesOrFailsCleanly(parseQasm3, text);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) =>
        parsesOrFailsCleanly(parseQasm, text),
      ),
      { seed: 1, numRuns: 300 },
    );
  });

  it("accepts both seed programs unmutated", () => {
    for (const seed of SEEDS) expect(parseQasm(seed)).toBeInstanceOf(Circuit);
  });

  it("refuses pathological nesting and sizes with a located error instead of overflowing", () => {
    const deep = `OPENQASM 3; include "stdgates.inc"; qubit q; rz(${"(".repeat(5000)}1${")".repeat(5000)}) q;`;
    const long = `OPENQASM 3; include "stdgates.inc"; qubit q; rz(${Array(5000).fill("1").join("+")}) q;`;
    const minus = `OPENQASM 3; include "stdgates.inc"; qubit q; rz(${"-".repeat(100000)}1) q;`;
    let doubling = 'OPENQASM 2.0; include "qelib1.inc"; gate g0 a { x a; }';
    for (let i = 1; i <= 30; i++) doubling += ` gate g${i} a { g${i - 1} a; g${i - 1} a; }`;
    doubling += " qreg q[1]; g30 q[0];";
    const power = `OPENQASM 3; include "stdgates.inc"; qubit q; pow(1e12) @ x q;`;
    for (const text of [deep, long, minus, doubling, power]) {
      expect(() => parseQasm(text)).toThrow(QforgeError);
      parsesOrFailsCleanly(parseQasm, text);
    }
  });
});
