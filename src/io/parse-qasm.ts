import type { Circuit } from "../circuit/circuit.js";
import { check } from "../util/errors.js";
import { tokenize } from "./qasm-lexer.js";
import { QasmParser, type QasmVersion, headerVersion } from "./qasm-parser.js";

/** Options of {@link parseQasm}, {@link parseQasm2} and {@link parseQasm3}. */
export interface ParseQasmOptions {
  /** Name used in error messages (`bell.qasm:3:5: …`); default `<input>`. */
  readonly fileName?: string;
}

function read(text: string, options: ParseQasmOptions, version: QasmVersion | undefined): Circuit {
  check(typeof text === "string", "parseQasm expects the program text as a string");
  const fileName = options.fileName ?? "<input>";
  const tokens = tokenize(text, fileName);
  return new QasmParser(tokens, version ?? headerVersion(tokens, fileName) ?? 3, fileName).parse();
}

/**
 * Reads an OpenQASM 2 or 3 program into a {@link Circuit}; the `OPENQASM 2.0;` / `OPENQASM 3;` header picks the
 * dialect (no header: OpenQASM 3).
 *
 * Gates come from the gate table: `include "qelib1.inc";` (OpenQASM 2) and `include "stdgates.inc";` (3) provide
 * every table gate with a name in that library, besides the built-in `U` and `CX` (2) or `U` and `gphase` (3).
 * User `gate` definitions are expanded where applied, except that a definition named like a table gate and equal
 * to it up to a global phase (compared numerically) maps to the table gate. Registers keep their names
 * (`circuit.qubitRegisters`), OpenQASM 3 `input float` / `input angle` declarations become symbolic circuit
 * parameters, and `ctrl @` / `negctrl @` / `inv @` / `pow(k) @` modifiers become controls, adjoints and powers.
 *
 * Errors are QforgeErrors whose message starts with `file:line:col:` — PARSE_ERROR for syntax, UNKNOWN_GATE,
 * WRONG_ARITY, QUBIT_OUT_OF_RANGE, and UNSUPPORTED for OpenQASM 3 constructs outside the supported subset
 * (loops, subroutines, classical arithmetic, …).
 *
 * @example
 * ```ts
 * const bell = parseQasm(`OPENQASM 2.0;
 * include "qelib1.inc";
 * qreg q[2]; creg c[2];
 * h q[0]; cx q[0], q[1];
 * measure q -> c;`);
 * bell.operations.length; // 4
 *
 * const ansatz = parseQasm(`OPENQASM 3.0;
 * include "stdgates.inc";
 * input float[64] theta;
 * qubit[1] q;
 * ry(theta / 2) q[0];`);
 * ansatz.parameters; // ["theta"]
 * ```
 */
export function parseQasm(text: string, options: ParseQasmOptions = {}): Circuit {
  return read(text, options, undefined);
}

/**
 * Reads an OpenQASM 2.0 program (the header may be omitted). See {@link parseQasm}.
 *
 * @example
 * ```ts
 * const c = parseQasm2('include "qelib1.inc"; qreg q[3]; h q; ccx q[0], q[1], q[2];', { fileName: "toffoli.qasm" });
 * c.operations.length; // 4 (h broadcasts over the register)
 * ```
 */
export function parseQasm2(text: string, options: ParseQasmOptions = {}): Circuit {
  return read(text, options, 2);
}

/**
 * Reads an OpenQASM 3 program (the common subset described at {@link parseQasm}; the header may be omitted).
 *
 * @example
 * ```ts
 * const c = parseQasm3(`include "stdgates.inc";
 * qubit[3] q; bit[1] m;
 * ctrl @ negctrl @ x q[0], q[1], q[2];
 * m[0] = measure q[2];
 * if (m[0]) { x q[2]; }`);
 * c.operations[0]; // { gate: "x", controls: 2, controlState: 0b01, … }
 * ```
 */
export function parseQasm3(text: string, options: ParseQasmOptions = {}): Circuit {
  return read(text, options, 3);
}
