import { Circuit, type Register } from "../circuit/circuit.js";
import type { Condition, Operation } from "../circuit/operation.js";
import { ParamExpr } from "../circuit/param-expr.js";
import { GATES, type GateId } from "../gates/gate-table.js";
import { findGate } from "../gates/lookup.js";
import { QforgeError } from "../util/errors.js";
import {
  type AffinePhase,
  MAX_CONTROLS,
  type SeqOp,
  addControls,
  bitOf,
  fitGlobalPhase,
  invertSequence,
  phaseExpr,
  powerSequence,
  sequenceMatrix,
} from "./gate-sequence.js";
import { type Expr, builtinConstant, evalConstant, evalExpr, forEachName, parseExpr } from "./qasm-expr.js";
import { type Token, TokenStream, describeToken, locate, qasmError } from "./qasm-lexer.js";

export type QasmVersion = 2 | 3;

/** Most operations one program may expand to (gate definitions, broadcasts and pow can multiply them). */
const MAX_OPS = 1_000_000;
/** Most classical bits one program may declare. */
const MAX_CLBITS = 1 << 16;

/** OpenQASM 3 constructs outside the supported subset, with the words used to name them in errors. */
const UNSUPPORTED_V3: Readonly<Record<string, string>> = {
  for: "for loops",
  while: "while loops",
  def: "subroutines (def)",
  extern: "extern functions",
  box: "box blocks",
  delay: "delay instructions",
  output: "output declarations",
  let: "aliases (let)",
  switch: "switch statements",
  return: "return statements",
  break: "break statements",
  continue: "continue statements",
  end: "end statements",
  cal: "calibration blocks (cal)",
  defcal: "calibrations (defcal)",
  defcalgrammar: "defcalgrammar declarations",
  int: "classical variables (int)",
  uint: "classical variables (uint)",
  float: "classical variables (float)",
  angle: "classical variables (angle)",
  bool: "classical variables (bool)",
  duration: "classical variables (duration)",
  stretch: "classical variables (stretch)",
  complex: "classical variables (complex)",
  array: "classical arrays",
  else: "else branches",
  durationof: "durationof expressions",
  nop: "nop instructions",
};
const V3_ONLY = new Set([
  "qubit",
  "bit",
  "input",
  "const",
  "ctrl",
  "negctrl",
  "inv",
  "pow",
  "gphase",
  ...Object.keys(UNSUPPORTED_V3),
]);
const MODIFIERS = new Set(["ctrl", "negctrl", "inv", "pow"]);
const ASSIGNMENT_OPS = ["=", "+=", "-=", "*=", "/=", "++"];

interface RegisterDecl {
  readonly start: number;
  readonly size: number;
}

/** A user `gate` (body null for `opaque`); `match` is set when it equals a table gate up to a global phase. */
interface GateDef {
  readonly name: string;
  readonly tok: Token;
  readonly params: readonly string[];
  readonly qubits: readonly string[];
  readonly body: readonly BodyStmt[] | null;
  readonly match: { readonly id: GateId; readonly phase: AffinePhase } | undefined;
}

type Callee =
  | { readonly kind: "table"; readonly id: GateId }
  | { readonly kind: "gphase" }
  | { readonly kind: "user"; readonly def: GateDef };

type Modifier =
  | { readonly kind: "ctrl"; readonly tok: Token; readonly count: number; readonly state: 0 | 1 }
  | { readonly kind: "inv"; readonly tok: Token }
  | { readonly kind: "pow"; readonly tok: Token; readonly exponent: Expr };

interface Call {
  readonly nameTok: Token;
  readonly callee: Callee;
  readonly modifiers: readonly Modifier[];
  readonly args: readonly Expr[];
}

type BodyStmt =
  | { readonly kind: "call"; readonly call: Call; readonly qubits: readonly number[] }
  | { readonly kind: "barrier"; readonly qubits: readonly number[] };

/** A qubit or bit argument: one index (`q[1]`) or several (`q`, `q[0:2]`), which broadcast. */
interface Operand {
  readonly tok: Token;
  readonly indices: readonly number[];
  readonly single: boolean;
}

type Lookup = (name: string) => ParamExpr | undefined;

/** Reads the `OPENQASM x;` header's major version, or undefined when the program has none. */
export function headerVersion(tokens: readonly Token[], fileName: string): QasmVersion | undefined {
  const first = tokens[0]!;
  if (first.kind !== "id" || first.text !== "OPENQASM") return undefined;
  const v = tokens[1]!;
  if (v.kind !== "int" && v.kind !== "real")
    throw qasmError(
      "PARSE_ERROR",
      fileName,
      v,
      `expected a version number after OPENQASM, found ${describeToken(v)}`,
    );
  const major = Math.floor(v.value);
  if (major === 2 && v.value === 2) return 2;
  if (major === 3) return 3;
  throw qasmError(
    "UNSUPPORTED",
    fileName,
    v,
    `OpenQASM version ${v.text} is not supported (qforge reads 2.0 and 3.x)`,
  );
}

/**
 * Recursive-descent reader of OpenQASM 2 and the common subset of OpenQASM 3 (see parseQasm). One class serves
 * both versions; statements that exist in only one version are gated on `version`.
 */
export class QasmParser {
  private readonly ts: TokenStream;
  private readonly qregs = new Map<string, RegisterDecl>();
  private readonly cregs = new Map<string, RegisterDecl>();
  private readonly qubitRegisters: Register[] = [];
  private readonly clbitRegisters: Register[] = [];
  private numQubits = 0;
  private numClbits = 0;
  private readonly gates = new Map<string, GateDef>();
  private includeLoaded = false;
  private readonly inputs = new Map<string, ParamExpr>();
  private readonly consts = new Map<string, ParamExpr>();
  private readonly pending: { op: Operation; tok: Token }[] = [];
  private lastDecl: Token | undefined;
  private readonly qasmKey: "qasm2" | "qasm3";
  private readonly library: string;

  constructor(
    tokens: readonly Token[],
    private readonly version: QasmVersion,
    private readonly fileName: string,
  ) {
    this.ts = new TokenStream(tokens, fileName);
    this.qasmKey = version === 2 ? "qasm2" : "qasm3";
    this.library = version === 2 ? "qelib1.inc" : "stdgates.inc";
  }

  /** Parses the whole program and builds the circuit. */
  parse(): Circuit {
    this.header();
    while (this.ts.peek().kind !== "eof") this.statement(undefined);
    return this.build();
  }

  // ---------------------------------------------------------------- statements

  private header(): void {
    const found = headerVersion([this.ts.peek(), this.ts.peek(1)], this.fileName);
    if (found === undefined) return;
    this.ts.next();
    const v = this.ts.next();
    if (found !== this.version)
      this.fail(
        "UNSUPPORTED",
        v,
        `this is an OpenQASM ${found} program; read it with parseQasm${found} or parseQasm`,
      );
    this.ts.expect(";", "after the OPENQASM version");
  }

  private statement(cond: Condition | undefined): void {
    const t = this.ts.peek();
    if (this.ts.accept(";")) return;
    if (t.kind !== "id") this.fail("PARSE_ERROR", t, `expected a statement, found ${describeToken(t)}`);
    const word = t.text;
    const topLevel = (what: string): void => {
      if (cond) this.fail("UNSUPPORTED", t, `${what} cannot appear in the body of an if`);
    };
    switch (word) {
      case "OPENQASM":
        return this.fail("PARSE_ERROR", t, "the OPENQASM version line must be the first statement");
      case "include":
        topLevel("include");
        return this.include();
      case "qreg":
      case "creg":
        topLevel("a register declaration");
        return this.oldRegister();
      case "gate":
        topLevel("a gate definition");
        return this.gateDefinition();
      case "opaque":
        topLevel("an opaque declaration");
        return this.opaque();
      case "measure":
        return this.measureArrow(cond);
      case "reset":
        return this.reset(cond);
      case "barrier":
        return this.barrier(cond);
      case "if":
        if (cond) this.fail("UNSUPPORTED", t, "nested if statements are not supported");
        return this.ifStatement();
    }
    if (this.version === 2) {
      if (V3_ONLY.has(word) && !this.gates.has(word))
        this.fail("PARSE_ERROR", t, `"${word}" is OpenQASM 3 syntax; this program is OpenQASM 2`);
      return this.gateStatement(cond);
    }
    switch (word) {
      case "qubit":
      case "bit":
        topLevel("a register declaration");
        return this.newRegister();
      case "input":
        topLevel("an input declaration");
        return this.input();
      case "const":
        topLevel("a const declaration");
        return this.constDecl();
    }
    const unsupported = UNSUPPORTED_V3[word];
    if (unsupported !== undefined)
      this.fail("UNSUPPORTED", t, `${unsupported} are not supported by qforge's OpenQASM 3 reader`);
    if (this.cregs.has(word) && (this.ts.is("=", 1) || this.ts.is("[", 1))) return this.assignment(cond);
    if (ASSIGNMENT_OPS.some((op) => this.ts.is(op, 1)))
      this.fail(
        "UNSUPPORTED",
        t,
        `classical assignments and arithmetic are not supported (only "bit = measure qubit;")`,
      );
    return this.gateStatement(cond);
  }

  private include(): void {
    this.ts.next();
    const file = this.ts.next();
    if (file.kind !== "string")
      this.fail(
        "PARSE_ERROR",
        file,
        `expected a file name in quotes after include, found ${describeToken(file)}`,
      );
    this.ts.expect(";", "after include");
    if (file.text !== this.library)
      this.fail(
        "UNSUPPORTED",
        file,
        `cannot include "${file.text}": OpenQASM ${this.version} programs may include only "${this.library}", which is built in`,
      );
    this.includeLoaded = true;
  }

  /** `qreg q[2];` / `creg c[2];` (both versions). */
  private oldRegister(): void {
    const kw = this.ts.next();
    const name = this.ts.expectId("a register name");
    this.ts.expect("[", "before the register size");
    const size = this.ts.expectInt("the register size");
    this.ts.expect("]", "after the register size");
    this.ts.expect(";", "after statement");
    this.declare(kw.text === "qreg" ? "qubit" : "clbit", name, size.value, size);
  }

  /** `qubit[2] q;`, `qubit q;`, `bit[2] c;`, `bit c;` (OpenQASM 3). */
  private newRegister(): void {
    const kw = this.ts.next();
    let size = 1;
    let sizeTok = kw;
    if (this.ts.accept("[")) {
      sizeTok = this.ts.peek();
      size = this.constantInt(parseExpr(this.ts), "a register size");
      this.ts.expect("]", "after the register size");
    }
    const name = this.ts.expectId("a register name");
    if (this.ts.is("=")) this.fail("UNSUPPORTED", this.ts.peek(), "initialised registers are not supported");
    this.ts.expect(";", "after statement");
    this.declare(kw.text === "qubit" ? "qubit" : "clbit", name, size, sizeTok);
  }

  private declare(kind: "qubit" | "clbit", name: Token, size: number, sizeTok: Token): void {
    if (!Number.isSafeInteger(size) || size < 1)
      this.fail("PARSE_ERROR", sizeTok, `a register size must be a positive integer, got ${size}`);
    this.checkNewName(name);
    if (kind === "qubit") {
      const total = this.numQubits + size;
      locate(this.fileName, sizeTok, () => new Circuit(total));
      this.qregs.set(name.text, { start: this.numQubits, size });
      this.qubitRegisters.push({ name: name.text, size });
      this.numQubits = total;
    } else {
      if (this.numClbits + size > MAX_CLBITS)
        this.fail("UNSUPPORTED", sizeTok, `more than ${MAX_CLBITS} classical bits are not supported`);
      this.cregs.set(name.text, { start: this.numClbits, size });
      this.clbitRegisters.push({ name: name.text, size });
      this.numClbits += size;
    }
    this.lastDecl = name;
  }

  private checkNewName(name: Token): void {
    const n = name.text;
    if (this.qregs.has(n) || this.cregs.has(n) || this.inputs.has(n) || this.consts.has(n))
      this.fail("PARSE_ERROR", name, `"${n}" is already declared`);
    if (builtinConstant(n, this.version) !== undefined)
      this.fail("PARSE_ERROR", name, `"${n}" is a built-in constant`);
  }

  /** `input float[64] theta;`, `input float theta;`, `input angle theta;`: a symbolic circuit parameter. */
  private input(): void {
    this.ts.next();
    const type = this.ts.expectId("a type after input");
    if (type.text !== "float" && type.text !== "angle")
      this.fail(
        "UNSUPPORTED",
        type,
        `inputs of type ${type.text} are not supported (only float and angle inputs, which become circuit parameters)`,
      );
    if (this.ts.accept("[")) {
      this.ts.expectInt("a bit width");
      this.ts.expect("]", "after the bit width");
    }
    const name = this.ts.expectId("an input name");
    this.ts.expect(";", "after statement");
    this.checkNewName(name);
    this.inputs.set(
      name.text,
      locate(this.fileName, name, () => ParamExpr.symbol(name.text)),
    );
  }

  /** `const float x = expr;` (also angle, int, uint): a named constant. */
  private constDecl(): void {
    this.ts.next();
    const type = this.ts.expectId("a type after const");
    if (!["float", "angle", "int", "uint"].includes(type.text))
      this.fail(
        "UNSUPPORTED",
        type,
        `const declarations of type ${type.text} are not supported (float, angle, int, uint)`,
      );
    if (this.ts.accept("[")) {
      this.ts.expectInt("a bit width");
      this.ts.expect("]", "after the bit width");
    }
    const name = this.ts.expectId("a constant name");
    this.ts.expect("=", "after the constant name");
    const e = parseExpr(this.ts);
    this.ts.expect(";", "after statement");
    const value = evalConstant(e, this.constLookup, this.ts, `the value of const ${name.text}`);
    if ((type.text === "int" || type.text === "uint") && !Number.isInteger(value))
      this.fail("PARSE_ERROR", e.tok, `const ${type.text} ${name.text} must be an integer, got ${value}`);
    this.checkNewName(name);
    this.consts.set(name.text, ParamExpr.constant(value));
  }

  /** `gate name(params) a, b { body }`. */
  private gateDefinition(): void {
    this.ts.next();
    const { name, params, qubits } = this.gateSignature();
    this.ts.expect("{", `to open the body of gate ${name.text}`);
    const paramSet = new Set(params);
    const body: BodyStmt[] = [];
    while (!this.ts.accept("}")) {
      const t = this.ts.peek();
      if (t.kind === "eof") this.fail("PARSE_ERROR", t, `missing "}" at the end of gate ${name.text}`);
      if (
        t.kind !== "id" ||
        ["measure", "reset", "if", "qreg", "creg", "qubit", "bit", "gate", "opaque", "include"].includes(
          t.text,
        )
      )
        this.fail(
          "PARSE_ERROR",
          t,
          `only gate applications and barriers may appear in the body of gate ${name.text}, found ${describeToken(t)}`,
        );
      const formal = (): number => {
        const q = this.ts.expectId(`an argument of gate ${name.text}`);
        const k = qubits.indexOf(q.text);
        if (k < 0) this.fail("PARSE_ERROR", q, `"${q.text}" is not a qubit argument of gate ${name.text}`);
        if (this.ts.is("["))
          this.fail("PARSE_ERROR", this.ts.peek(), "qubit arguments of a gate cannot be indexed");
        return k;
      };
      const list = (): number[] => {
        const out: number[] = [];
        if (!this.ts.is(";"))
          do out.push(formal());
          while (this.ts.accept(","));
        this.ts.expect(";", "after statement");
        return out;
      };
      if (t.text === "barrier") {
        this.ts.next();
        body.push({ kind: "barrier", qubits: list() });
        continue;
      }
      const call = this.callHead();
      const names = [...call.args, ...call.modifiers.flatMap((m) => (m.kind === "pow" ? [m.exponent] : []))];
      for (const e of names)
        forEachName(e, (n, tok) => {
          if (!paramSet.has(n) && this.constLookup(n) === undefined)
            this.fail(
              "PARSE_ERROR",
              tok,
              `unknown identifier "${n}" in the body of gate ${name.text} (only its parameters and constants are visible)`,
            );
        });
      const args = list();
      this.checkArity(call, args.length);
      body.push({ kind: "call", call, qubits: args });
    }
    const def: GateDef = { name: name.text, tok: name, params, qubits, body, match: undefined };
    this.gates.set(name.text, { ...def, match: this.matchTable(def) });
  }

  /** `opaque name(params) a, b;`: declared, but applying it is an error (no definition to simulate). */
  private opaque(): void {
    this.ts.next();
    const { name, params, qubits } = this.gateSignature();
    this.ts.expect(";", "after statement");
    this.gates.set(name.text, { name: name.text, tok: name, params, qubits, body: null, match: undefined });
  }

  private gateSignature(): { name: Token; params: string[]; qubits: string[] } {
    const name = this.ts.expectId("a gate name");
    if (
      name.text === "U" ||
      (this.version === 2 && name.text === "CX") ||
      (this.version === 3 && name.text === "gphase")
    )
      this.fail("PARSE_ERROR", name, `cannot redefine the built-in gate ${name.text}`);
    if (this.gates.has(name.text))
      this.fail(
        "PARSE_ERROR",
        name,
        `gate ${name.text} is already defined (line ${this.gates.get(name.text)!.tok.line})`,
      );
    const params: string[] = [];
    const seen = new Set<string>();
    const fresh = (t: Token): string => {
      if (seen.has(t.text))
        this.fail("PARSE_ERROR", t, `"${t.text}" appears twice in the signature of gate ${name.text}`);
      seen.add(t.text);
      return t.text;
    };
    if (this.ts.accept("(")) {
      if (!this.ts.is(")"))
        do params.push(fresh(this.ts.expectId("a parameter name")));
        while (this.ts.accept(","));
      this.ts.expect(")", "after the gate parameters");
    }
    const qubits: string[] = [];
    do qubits.push(fresh(this.ts.expectId("a qubit argument name")));
    while (this.ts.accept(","));
    return { name, params, qubits };
  }

  /**
   * A user definition named like a table gate (or an alias) with the same shape is compared numerically with
   * it (see fitGlobalPhase); if equal up to a global phase, applications map to the table gate.
   */
  private matchTable(def: GateDef): GateDef["match"] {
    const id = findGate(def.name);
    if (id === undefined) return undefined;
    const spec = GATES[id];
    if (spec.numParams !== def.params.length || spec.numQubits !== def.qubits.length) return undefined;
    const local = def.qubits.map((_, i) => i);
    try {
      const phase = fitGlobalPhase(
        (p) => spec.matrix(p),
        (p) =>
          sequenceMatrix(
            this.expandBody(
              def,
              p.map((x) => ParamExpr.constant(x)),
              local,
            ),
            local.length,
          ),
        spec.numParams,
      );
      return phase && { id, phase };
    } catch (e) {
      if (e instanceof QforgeError) return undefined; // the body cannot be evaluated at the sample points
      throw e;
    }
  }

  /** A gate application: `[modifiers @] name[(args)] operands;`, broadcast over whole registers. */
  private gateStatement(cond: Condition | undefined): void {
    const call = this.callHead();
    const operands: Operand[] = [];
    if (!this.ts.is(";"))
      do operands.push(this.operand("qubit"));
      while (this.ts.accept(","));
    this.ts.expect(";", "after statement");
    this.checkArity(call, operands.length);
    const params = call.args.map((e) => evalExpr(e, this.globalLookup, this.ts));
    const n = this.broadcast(operands);
    for (let i = 0; i < n; i++) {
      const qubits = operands.map((o) => (o.single ? o.indices[0]! : o.indices[i]!));
      this.emit(this.applyCall(call, params, qubits, this.globalLookup), cond, call.nameTok);
    }
  }

  /** `measure q -> c;` (both versions). */
  private measureArrow(cond: Condition | undefined): void {
    this.ts.next();
    const q = this.operand("qubit");
    if (this.version === 3 && this.ts.is(";"))
      this.fail(
        "UNSUPPORTED",
        this.ts.peek(),
        "a measurement without a target bit is not supported; write c[0] = measure q[0];",
      );
    this.ts.expect("->", "between the measured qubit and the target bit");
    const c = this.operand("clbit");
    this.ts.expect(";", "after statement");
    this.emitMeasure(q, c, cond);
  }

  /** `c[0] = measure q[0];` / `c = measure q;` (OpenQASM 3). */
  private assignment(cond: Condition | undefined): void {
    const c = this.operand("clbit");
    const eq = this.ts.peek();
    if (!this.ts.accept("="))
      this.fail(
        "UNSUPPORTED",
        eq,
        'classical assignments and arithmetic are not supported (only "bit = measure qubit;")',
      );
    if (!this.ts.accept("measure"))
      this.fail(
        "UNSUPPORTED",
        this.ts.peek(),
        'classical assignments are not supported (only "bit = measure qubit;")',
      );
    const q = this.operand("qubit");
    this.ts.expect(";", "after statement");
    this.emitMeasure(q, c, cond);
  }

  private emitMeasure(q: Operand, c: Operand, cond: Condition | undefined): void {
    if (q.indices.length !== c.indices.length)
      this.fail(
        "PARSE_ERROR",
        c.tok,
        `cannot measure ${q.indices.length} qubit(s) into ${c.indices.length} bit(s)`,
      );
    q.indices.forEach((qubit, i) =>
      this.push(
        { kind: "measure", qubit, clbit: c.indices[i]!, ...(cond ? { condition: cond } : {}) },
        q.tok,
      ),
    );
  }

  private reset(cond: Condition | undefined): void {
    this.ts.next();
    const q = this.operand("qubit");
    this.ts.expect(";", "after statement");
    for (const qubit of q.indices)
      this.push({ kind: "reset", qubit, ...(cond ? { condition: cond } : {}) }, q.tok);
  }

  private barrier(cond: Condition | undefined): void {
    const kw = this.ts.next();
    const operands: Operand[] = [];
    if (!this.ts.is(";") || this.version === 2)
      do operands.push(this.operand("qubit"));
      while (this.ts.accept(","));
    this.ts.expect(";", "after statement");
    if (cond) return; // a barrier only orders operations; under a condition it has nothing to add
    const qubits = operands.length
      ? [...new Set(operands.flatMap((o) => o.indices))]
      : Array.from({ length: this.numQubits }, (_, i) => i);
    this.push({ kind: "barrier", qubits }, kw);
  }

  /** `if (c == 3) op;` (2 and 3), `if (c[0]) op;`, `if (c[0] == 1 && !c[1]) { ops }` (3). */
  private ifStatement(): void {
    this.ts.next();
    this.ts.expect("(", "after if");
    const cond = this.version === 2 ? this.registerCondition() : this.condition();
    this.ts.expect(")", "after the condition");
    if (this.version === 3 && this.ts.accept("{")) {
      while (!this.ts.accept("}")) {
        if (this.ts.peek().kind === "eof")
          this.fail("PARSE_ERROR", this.ts.peek(), `missing "}" at the end of the if body`);
        this.statement(cond);
      }
    } else this.statement(cond);
    if (this.ts.is("else")) this.fail("UNSUPPORTED", this.ts.peek(), "else branches are not supported");
  }

  /** OpenQASM 2: `creg == value`, the condition on the whole register. */
  private registerCondition(): Condition {
    const name = this.ts.expectId("a classical register");
    const reg = this.cregs.get(name.text);
    if (!reg) this.fail("PARSE_ERROR", name, `unknown classical register "${name.text}"`);
    this.ts.expect("==", "in the condition");
    const v = this.ts.expectInt("the value to compare with");
    if (!Number.isSafeInteger(v.value) || v.value >= 2 ** reg.size)
      this.fail(
        "INVALID_ARGUMENT",
        v,
        `the value ${v.text} does not fit in register ${name.text} (${reg.size} bit(s))`,
      );
    return { clbits: range(reg.start, reg.size), value: v.value };
  }

  /** OpenQASM 3: terms `reg == v`, `bit == v`, `bit != v`, `bit`, `!bit`, joined by `&&`. */
  private condition(): Condition {
    const clbits: number[] = [];
    const bits: (0 | 1)[] = [];
    do {
      const negated = this.ts.accept("!");
      const c = this.operand("clbit");
      const isBit = c.single || c.indices.length === 1;
      let value = 1;
      let valueTok = c.tok;
      const op = this.ts.peek();
      if (!negated && (this.ts.accept("==") || this.ts.accept("!="))) {
        valueTok = this.ts.next();
        if (valueTok.kind === "id" && (valueTok.text === "true" || valueTok.text === "false"))
          value = valueTok.text === "true" ? 1 : 0;
        else if (valueTok.kind === "int") value = valueTok.value;
        else
          this.fail(
            "PARSE_ERROR",
            valueTok,
            `expected an integer or true/false to compare with, found ${describeToken(valueTok)}`,
          );
        if (op.text === "!=") {
          if (!isBit) this.fail("UNSUPPORTED", op, "!= is supported for single bits only");
          if (value > 1) this.fail("INVALID_ARGUMENT", valueTok, `a bit cannot equal ${value}`);
          value = 1 - value;
        }
      } else if (!isBit)
        this.fail("PARSE_ERROR", op, `a condition on register ${c.tok.text} needs "== value"`);
      if (negated) value = 0;
      if (!Number.isSafeInteger(value) || value >= 2 ** c.indices.length)
        this.fail(
          "INVALID_ARGUMENT",
          valueTok,
          `the value ${valueTok.text} does not fit in ${c.indices.length} bit(s)`,
        );
      c.indices.forEach((b, i) => {
        if (clbits.includes(b))
          this.fail("PARSE_ERROR", c.tok, `the condition tests bit ${c.tok.text} twice`);
        clbits.push(b);
        bits.push(bitOf(value, i));
      });
    } while (this.ts.accept("&&"));
    return { clbits, value: bits.reduce<number>((acc, b, i) => acc + b * 2 ** i, 0) };
  }

  // ---------------------------------------------------------------- gate calls

  /** Modifiers (OpenQASM 3), the gate name and its parameter expressions. */
  private callHead(): Call {
    const modifiers: Modifier[] = [];
    while (
      this.version === 3 &&
      this.ts.peek().kind === "id" &&
      MODIFIERS.has(this.ts.peek().text) &&
      (this.ts.is("@", 1) || this.ts.is("(", 1))
    ) {
      const tok = this.ts.next();
      if (tok.text === "inv") modifiers.push({ kind: "inv", tok });
      else if (tok.text === "pow") {
        this.ts.expect("(", "after pow");
        const exponent = parseExpr(this.ts);
        this.ts.expect(")", "after the exponent");
        modifiers.push({ kind: "pow", tok, exponent });
      } else {
        let count = 1;
        if (this.ts.accept("(")) {
          const at = this.ts.peek();
          count = this.constantInt(parseExpr(this.ts), `the number of controls of ${tok.text}`);
          if (count < 1 || count > MAX_CONTROLS)
            this.fail(
              "UNSUPPORTED",
              at,
              `${tok.text}(${count}): the number of controls must be between 1 and ${MAX_CONTROLS}`,
            );
          this.ts.expect(")", "after the number of controls");
        }
        modifiers.push({ kind: "ctrl", tok, count, state: tok.text === "ctrl" ? 1 : 0 });
      }
      this.ts.expect("@", `after the ${tok.text} modifier`);
    }
    const nameTok = this.ts.expectId("a gate name");
    const callee = this.resolve(nameTok);
    const args: Expr[] = [];
    if (this.ts.accept("(")) {
      if (!this.ts.is(")"))
        do args.push(parseExpr(this.ts));
        while (this.ts.accept(","));
      this.ts.expect(")", "after the gate parameters");
    }
    return { nameTok, callee, modifiers, args };
  }

  private resolve(nameTok: Token): Callee {
    const name = nameTok.text;
    const def = this.gates.get(name);
    if (def) return { kind: "user", def };
    if (this.version === 3 && name === "gphase") return { kind: "gphase" };
    const id = findGate(name);
    const builtin = name === "U" || (this.version === 2 && name === "CX");
    const inLibrary = id !== undefined && GATES[id][this.qasmKey] !== null;
    if (id !== undefined && (builtin || (this.includeLoaded && inLibrary))) return { kind: "table", id };
    if (inLibrary)
      this.fail(
        "UNKNOWN_GATE",
        nameTok,
        `unknown gate "${name}": add include "${this.library}"; before using it`,
      );
    if (id !== undefined)
      this.fail(
        "UNKNOWN_GATE",
        nameTok,
        `gate "${name}" is not in ${this.library}; define it with a gate definition before using it`,
      );
    return this.fail("UNKNOWN_GATE", nameTok, `unknown gate "${name}"`);
  }

  private checkArity(call: Call, numOperands: number): void {
    const name = call.nameTok.text;
    const shape =
      call.callee.kind === "table"
        ? GATES[call.callee.id]
        : call.callee.kind === "gphase"
          ? { numQubits: 0, numParams: 1 }
          : { numQubits: call.callee.def.qubits.length, numParams: call.callee.def.params.length };
    if (call.args.length !== shape.numParams)
      this.fail(
        "WRONG_ARITY",
        call.nameTok,
        `gate ${name} takes ${shape.numParams} parameter(s), got ${call.args.length}`,
      );
    const controls = call.modifiers.reduce((s, m) => s + (m.kind === "ctrl" ? m.count : 0), 0);
    if (numOperands !== shape.numQubits + controls)
      this.fail(
        "WRONG_ARITY",
        call.nameTok,
        `gate ${name} acts on ${shape.numQubits} qubit(s)${controls ? ` plus ${controls} control(s)` : ""}, got ${numOperands}`,
      );
  }

  /** Expands one application (parameters evaluated, one qubit per operand) into table gates. */
  private applyCall(
    call: Call,
    params: readonly ParamExpr[],
    qubits: readonly number[],
    lookup: Lookup,
  ): SeqOp[] {
    let offset = call.modifiers.reduce((s, m) => s + (m.kind === "ctrl" ? m.count : 0), 0);
    let ops = this.expandCallee(call, params, qubits.slice(offset));
    for (let i = call.modifiers.length - 1; i >= 0; i--) {
      const m = call.modifiers[i]!;
      if (m.kind === "ctrl") {
        offset -= m.count;
        ops = addControls(ops, qubits.slice(offset, offset + m.count), m.state);
      } else if (m.kind === "inv") ops = invertSequence(ops);
      else {
        const k = evalConstant(m.exponent, lookup, this.ts, "the exponent of pow");
        const powered = powerSequence(ops, k, MAX_OPS);
        if (typeof powered === "string") this.fail("UNSUPPORTED", m.tok, powered);
        ops = powered;
      }
    }
    for (const op of ops)
      if (op.kind === "gate" && op.controls > MAX_CONTROLS)
        this.fail(
          "UNSUPPORTED",
          call.nameTok,
          `more than ${MAX_CONTROLS} controls on one gate are not supported`,
        );
    return ops;
  }

  private expandCallee(call: Call, params: readonly ParamExpr[], own: readonly number[]): SeqOp[] {
    const c = call.callee;
    const gate = (gate: GateId | "gphase", qubits: readonly number[], ps: readonly ParamExpr[]): SeqOp => ({
      kind: "gate",
      gate,
      qubits,
      params: ps,
      controls: 0,
      controlState: 0,
    });
    if (c.kind === "table") return [gate(c.id, own, params)];
    if (c.kind === "gphase") return [gate("gphase", [], params)];
    const def = c.def;
    if (def.body === null)
      this.fail(
        "UNSUPPORTED",
        call.nameTok,
        `gate ${def.name} is opaque (declared on line ${def.tok.line} without a body), so qforge cannot apply it`,
      );
    if (!def.match) return this.expandBody(def, params, own);
    // The body equals e^{−iφ(p)} times the table gate; the phase matters only under a control.
    const phase = phaseExpr(def.match.phase, params);
    return phase
      ? [gate(def.match.id, own, params), gate("gphase", [], [phase.scale(-1)])]
      : [gate(def.match.id, own, params)];
  }

  private expandBody(def: GateDef, params: readonly ParamExpr[], own: readonly number[]): SeqOp[] {
    const env = new Map(def.params.map((n, i) => [n, params[i]!]));
    const lookup: Lookup = (n) => env.get(n) ?? this.constLookup(n);
    const out: SeqOp[] = [];
    for (const st of def.body ?? []) {
      const qubits = st.qubits.map((i) => own[i]!);
      if (st.kind === "barrier") out.push({ kind: "barrier", qubits });
      else {
        const args = st.call.args.map((e) => evalExpr(e, lookup, this.ts));
        for (const op of this.applyCall(st.call, args, qubits, lookup)) out.push(op);
      }
      if (out.length > MAX_OPS)
        this.fail("UNSUPPORTED", def.tok, `gate ${def.name} expands to more than ${MAX_OPS} operations`);
    }
    return out;
  }

  // ---------------------------------------------------------------- operands

  private operand(kind: "qubit" | "clbit"): Operand {
    const t = this.ts.peek();
    if (t.kind === "hwqubit")
      this.fail("UNSUPPORTED", t, `physical qubits (${t.text}) are not supported; declare a qubit register`);
    const name = this.ts.expectId(kind === "qubit" ? "a qubit or qubit register" : "a bit or bit register");
    const reg = (kind === "qubit" ? this.qregs : this.cregs).get(name.text);
    if (!reg) {
      const other = (kind === "qubit" ? this.cregs : this.qregs).get(name.text);
      const what = kind === "qubit" ? "qubit" : "classical";
      this.fail(
        "PARSE_ERROR",
        name,
        other ? `"${name.text}" is not a ${what} register` : `unknown ${what} register "${name.text}"`,
      );
    }
    if (!this.ts.accept("[")) return { tok: name, indices: range(reg.start, reg.size), single: false };
    const at = this.ts.peek();
    const index = (k: number, tok: Token): number => {
      const i = k < 0 && this.version === 3 ? reg.size + k : k;
      if (!Number.isInteger(i) || i < 0 || i >= reg.size)
        this.fail(
          kind === "qubit" ? "QUBIT_OUT_OF_RANGE" : "INVALID_ARGUMENT",
          tok,
          `index ${k} is out of range for register ${name.text} of size ${reg.size} (valid: 0…${reg.size - 1})`,
        );
      return reg.start + i;
    };
    let result: Operand;
    if (this.version === 2)
      result = { tok: name, indices: [index(this.ts.expectInt("an index").value, at)], single: true };
    else {
      const bounds = [this.constantInt(parseExpr(this.ts), "an index", true)];
      while (this.ts.accept(":")) bounds.push(this.constantInt(parseExpr(this.ts), "a range bound", true));
      if (bounds.length > 3) this.fail("PARSE_ERROR", at, "a range has at most three parts (start:step:end)");
      if (bounds.length === 1) result = { tok: name, indices: [index(bounds[0]!, at)], single: true };
      else {
        const [start, step, end] =
          bounds.length === 2 ? [bounds[0]!, 1, bounds[1]!] : (bounds as [number, number, number]);
        const first = index(start, at) - reg.start,
          last = index(end, at) - reg.start;
        if (step === 0) this.fail("PARSE_ERROR", at, "a range step cannot be 0");
        const indices: number[] = [];
        for (let i = first; step > 0 ? i <= last : i >= last; i += step) indices.push(reg.start + i);
        result = { tok: name, indices, single: false };
      }
    }
    this.ts.expect("]", "after the index");
    return result;
  }

  /** The common size of the register operands (1 if all are single qubits). */
  private broadcast(operands: readonly Operand[]): number {
    let n: number | undefined;
    for (const o of operands)
      if (!o.single) {
        if (n !== undefined && o.indices.length !== n)
          this.fail(
            "PARSE_ERROR",
            o.tok,
            `cannot broadcast over registers of different sizes (${n} and ${o.indices.length})`,
          );
        n = o.indices.length;
      }
    return n ?? 1;
  }

  // ---------------------------------------------------------------- values

  private readonly constLookup: Lookup = (name) => {
    const k = builtinConstant(name, this.version);
    return k !== undefined ? ParamExpr.constant(k) : this.consts.get(name);
  };

  private readonly globalLookup: Lookup = (name) => this.constLookup(name) ?? this.inputs.get(name);

  private constantInt(e: Expr, what: string, allowNegative = false): number {
    const v = evalConstant(e, this.constLookup, this.ts, what);
    if (!Number.isSafeInteger(v) || (!allowNegative && v < 0))
      this.fail(
        "PARSE_ERROR",
        e.tok,
        `${what} must be ${allowNegative ? "an" : "a non-negative"} integer, got ${v}`,
      );
    return v;
  }

  // ---------------------------------------------------------------- output

  /** Turns expanded gates into circuit operations. A global phase is dropped unless controlled. */
  private emit(ops: readonly SeqOp[], cond: Condition | undefined, tok: Token): void {
    const extra = cond ? { condition: cond } : {};
    for (const op of ops) {
      if (op.kind === "barrier") {
        if (!cond) this.push({ kind: "barrier", qubits: op.qubits }, tok);
        continue;
      }
      if (op.gate !== "gphase") {
        this.push(
          {
            kind: "gate",
            gate: op.gate,
            qubits: op.qubits,
            params: op.params,
            controls: op.controls,
            controlState: op.controlState,
            ...extra,
          },
          tok,
        );
        continue;
      }
      // A global phase has no observable effect; under controls it is a phase on one control: p(γ) on a control
      // that fires on |1⟩, the others staying controls (flipped around by x when every control is negative).
      if (op.controls === 0) continue;
      const states = op.qubits.map((_, j) => bitOf(op.controlState, j));
      const positive = states.lastIndexOf(1);
      const t = positive >= 0 ? positive : states.length - 1;
      const others = op.qubits.filter((_, j) => j !== t);
      const state = states.filter((_, j) => j !== t).reduce<number>((acc, s, j) => acc + s * 2 ** j, 0);
      const flip: Operation = {
        kind: "gate",
        gate: "x",
        qubits: [op.qubits[t]!],
        params: [],
        controls: 0,
        controlState: 0,
        ...extra,
      };
      if (positive < 0) this.push(flip, tok);
      this.push(
        {
          kind: "gate",
          gate: "p",
          qubits: [...others, op.qubits[t]!],
          params: op.params,
          controls: others.length,
          controlState: state,
          ...extra,
        },
        tok,
      );
      if (positive < 0) this.push(flip, tok);
    }
  }

  private push(op: Operation, tok: Token): void {
    if (this.pending.length >= MAX_OPS)
      this.fail("UNSUPPORTED", tok, `programs with more than ${MAX_OPS} operations are not supported`);
    this.pending.push({ op, tok });
  }

  private build(): Circuit {
    const at = this.lastDecl ?? this.ts.peek();
    let circuit = locate(
      this.fileName,
      at,
      () =>
        new Circuit(this.numQubits, this.numClbits, {
          qubitRegisters: this.qubitRegisters,
          clbitRegisters: this.clbitRegisters,
        }),
    );
    for (const { op, tok } of this.pending) circuit = locate(this.fileName, tok, () => circuit.append(op));
    return circuit;
  }

  private fail(code: Parameters<TokenStream["fail"]>[0], at: Token, message: string): never {
    return this.ts.fail(code, at, message);
  }
}

function range(start: number, size: number): number[] {
  return Array.from({ length: size }, (_, i) => start + i);
}
