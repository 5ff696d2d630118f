import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import { tokenize } from "./qasm-lexer.js";

describe("tokenize", () => {
  it("tracks 1-based lines and columns and skips comments", () => {
    const tokens = tokenize(
      'OPENQASM 3.0;\n// note\n  qubit[2] q; /* a\nb */ ctrl @ x q[0], q[1];\nc = measure q -> "s";',
      "f",
    );
    const at = (text: string) => tokens.find((t) => t.text === text)!;
    expect(at("OPENQASM")).toMatchObject({ kind: "id", line: 1, col: 1 });
    expect(at("3.0")).toMatchObject({ kind: "real", value: 3, line: 1, col: 10 });
    expect(at("qubit")).toMatchObject({ line: 3, col: 3 });
    expect(at("ctrl")).toMatchObject({ line: 4, col: 6 });
    expect(at("@")).toMatchObject({ kind: "sym", line: 4, col: 11 });
    expect(at("->")).toMatchObject({ kind: "sym", line: 5, col: 15 });
    expect(at("s")).toMatchObject({ kind: "string", line: 5, col: 18 });
    expect(tokens.at(-1)).toMatchObject({ kind: "eof", line: 5, col: 22 });
  });

  it("reads OpenQASM 3 numbers and unicode identifiers", () => {
    const tokens = tokenize("1_000 0x1f 0b101 0o17 .5 1e-3 2. θ π $3", "f");
    expect(tokens.slice(0, -1).map((t) => [t.kind, t.value])).toEqual([
      ["int", 1000],
      ["int", 31],
      ["int", 5],
      ["int", 15],
      ["real", 0.5],
      ["real", 0.001],
      ["real", 2],
      ["id", NaN],
      ["id", NaN],
      ["hwqubit", 3],
    ]);
  });

  it("throws located PARSE_ERRORs", () => {
    const fail = (text: string) => {
      try {
        tokenize(text, "f.qasm");
      } catch (e) {
        expect(e).toBeInstanceOf(QforgeError);
        return (e as QforgeError).message;
      }
      return "no error";
    };
    expect(fail("h q;\n  ?")).toBe('f.qasm:2:3: unexpected character "?"');
    expect(fail('include "qelib1.inc;\n')).toBe("f.qasm:1:9: unterminated string");
    expect(fail("x /* open")).toBe("f.qasm:1:3: unterminated /* comment");
    expect(fail("delay[10ns]")).toBe(
      'f.qasm:1:7: invalid number "10ns" (timing and imaginary literals are not supported)',
    );
    expect(fail("$x")).toBe('f.qasm:1:1: expected a physical qubit number after "$"');
  });
});
