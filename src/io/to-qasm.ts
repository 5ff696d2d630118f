import type { Circuit, Register } from "../circuit/circuit.js";
import type { Condition, GateOperation, Operation } from "../circuit/operation.js";
import { EXPR_ALGEBRA, ParamExpr } from "../circuit/param-expr.js";
import type { GateSpec } from "../gates/gate-spec.js";
import { GATES, type GateId } from "../gates/gate-table.js";
import { GATE_IDS, NUMBER_ALGEBRA } from "../gates/lookup.js";
import { QforgeError, check } from "../util/errors.js";
import { formatAngle } from "./format-angle.js";
import { type SeqOp, bitOf, fitGlobalPhase, phaseExpr, sequenceMatrix } from "./gate-sequence.js";

type Version = 2 | 3;

/** Words an exported register or parameter must not be called: keywords, built-ins and functions of either version. */
const RESERVED = new Set([
  "OPENQASM",
  "include",
  "qreg",
  "creg",
  "gate",
  "opaque",
  "barrier",
  "measure",
  "reset",
  "if",
  "else",
  "for",
  "while",
  "in",
  "def",
  "return",
  "break",
  "continue",
  "end",
  "box",
  "let",
  "switch",
  "case",
  "default",
  "nop",
  "pragma",
  "extern",
  "cal",
  "defcal",
  "defcalgrammar",
  "input",
  "output",
  "const",
  "readonly",
  "mutable",
  "qubit",
  "bit",
  "bool",
  "int",
  "uint",
  "float",
  "angle",
  "complex",
  "array",
  "void",
  "duration",
  "stretch",
  "delay",
  "durationof",
  "sizeof",
  "dim",
  "gphase",
  "inv",
  "pow",
  "ctrl",
  "negctrl",
  "true",
  "false",
  "pi",
  "tau",
  "euler",
  "U",
  "CX",
  "sin",
  "cos",
  "tan",
  "exp",
  "ln",
  "log",
  "sqrt",
  "arcsin",
  "arccos",
  "arctan",
  "mod",
  "popcount",
  "rotl",
  "rotr",
  "ceiling",
  "floor",
  "real",
  "imag",
]);
/** Every name and alias of a table gate: an exported identifier must not shadow a gate. */
const GATE_NAMES = new Set<string>(
  GATE_IDS.flatMap((id) => [id, ...GATES[id].aliases, GATES[id].qasm2 ?? id, GATES[id].qasm3 ?? id]),
);

const TABLE: Readonly<Record<GateId, GateSpec<GateId>>> = GATES;

/**
 * Writes a circuit as OpenQASM 2.0 for Qiskit's `qelib1.inc`, one statement per line. Angles are written in
 * full double precision as plain decimals, so {@link parseQasm} reads back exactly the same circuit. A table
 * gate without a qelib1 name (e.g. iswap, ryy, rzx, ecr) is written as a `gate` definition from its table
 * decomposition; reading the file maps it back to the table gate.
 *
 * Throws UNSUPPORTED for what OpenQASM 2 cannot express: symbolic parameters (bind them first), modifier
 * controls (`ctrl @`), and conditions on anything but one whole classical register.
 *
 * @example
 * ```ts
 * toQasm2(new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1));
 * // OPENQASM 2.0;
 * // include "qelib1.inc";
 * // qreg q[2];
 * // creg c[2];
 * // h q[0];
 * // cx q[0], q[1];
 * // measure q[0] -> c[0];
 * // measure q[1] -> c[1];
 * ```
 */
export function toQasm2(circuit: Circuit): string {
  return new QasmWriter(circuit, 2).write();
}

/**
 * Writes a circuit as standard OpenQASM 3.0 (`stdgates.inc` names only, as Amazon Braket and IBM accept).
 * Symbolic parameters become `input float[64] name;` declarations, modifier controls `ctrl @` / `negctrl @`
 * (runs of equal state grouped: `ctrl(2) @ negctrl @ x …`), conditions `if (c == 3) { … }` on a whole register
 * or `if (c[0] == 1 && d[1] == 0) { … }` on single bits. A table gate without a stdgates name (iswap, sxdg,
 * cu3, rxx, ryy, rzz, rzx, ecr) is written as an exact `gate` definition (its table decomposition plus the
 * `gphase` that makes it exact, so that it stays right under `ctrl @`); {@link parseQasm} maps it back.
 *
 * @example
 * ```ts
 * toQasm3(new Circuit(2).ry("theta", 0).gate("x", [1], [], { controls: [0] }));
 * // OPENQASM 3.0;
 * // include "stdgates.inc";
 * // input float[64] theta;
 * // qubit[2] q;
 * // ry(theta) q[0];
 * // ctrl @ x q[0], q[1];
 * ```
 */
export function toQasm3(circuit: Circuit): string {
  return new QasmWriter(circuit, 3).write();
}

class QasmWriter {
  private readonly key: "qasm2" | "qasm3";
  private readonly definitions = new Map<GateId, string>();
  private readonly qubitRef: string[];
  private readonly clbitRef: string[];
  private readonly qregs: { readonly reg: Register; readonly start: number }[];
  private readonly cregs: { readonly reg: Register; readonly start: number }[];
  /** Register and parameter names, which gate definitions' formal names must not shadow. */
  private readonly taken = new Set<string>();

  constructor(
    private readonly circuit: Circuit,
    private readonly version: Version,
  ) {
    this.key = version === 2 ? "qasm2" : "qasm3";
    const taken = this.taken;
    this.qregs = this.registers(circuit.qubitRegisters, "qubit register", taken);
    this.cregs = this.registers(circuit.clbitRegisters, "classical register", taken);
    this.qubitRef = this.qregs.flatMap(({ reg }) =>
      Array.from({ length: reg.size }, (_, i) => `${reg.name}[${i}]`),
    );
    this.clbitRef = this.cregs.flatMap(({ reg }) =>
      Array.from({ length: reg.size }, (_, i) => `${reg.name}[${i}]`),
    );
    if (version === 2 && circuit.parameters.length)
      this.unsupported(
        `OpenQASM 2 has no free parameters, and this circuit has ${circuit.parameters.join(", ")}: bind them first (circuit.bind({...})) or export OpenQASM 3`,
      );
    for (const p of circuit.parameters) this.checkName(p, "parameter", taken);
  }

  write(): string {
    const body: string[] = [];
    const ops = this.circuit.operations;
    for (let i = 0; i < ops.length;) {
      const op = ops[i]!;
      const cond = op.kind === "barrier" ? undefined : op.condition;
      if (!cond) {
        const text = this.statement(op);
        if (text) body.push(text);
        i++;
        continue;
      }
      if (this.version === 2) {
        body.push(`if(${this.condition(cond)}) ${this.statement(op)}`);
        i++;
        continue;
      }
      // OpenQASM 3: consecutive operations under the same condition share one block.
      const block: string[] = [];
      for (; i < ops.length; i++) {
        const o = ops[i]!;
        if (o.kind === "barrier" || !o.condition || !sameCondition(o.condition, cond)) break;
        block.push(`  ${this.statement(o)}`);
      }
      body.push(`if (${this.condition(cond)}) {`, ...block, "}");
    }
    const lines =
      this.version === 2
        ? ["OPENQASM 2.0;", 'include "qelib1.inc";']
        : ["OPENQASM 3.0;", 'include "stdgates.inc";'];
    if (this.version === 3) for (const p of this.circuit.parameters) lines.push(`input float[64] ${p};`);
    lines.push(...this.definitions.values());
    for (const { reg } of this.qregs)
      lines.push(this.version === 2 ? `qreg ${reg.name}[${reg.size}];` : `qubit[${reg.size}] ${reg.name};`);
    for (const { reg } of this.cregs)
      lines.push(this.version === 2 ? `creg ${reg.name}[${reg.size}];` : `bit[${reg.size}] ${reg.name};`);
    return [...lines, ...body, ""].join("\n");
  }

  private statement(op: Operation): string {
    switch (op.kind) {
      case "gate":
        return this.gate(op);
      case "measure":
        return this.version === 2
          ? `measure ${this.qubitRef[op.qubit]} -> ${this.clbitRef[op.clbit]};`
          : `${this.clbitRef[op.clbit]} = measure ${this.qubitRef[op.qubit]};`;
      case "reset":
        return `reset ${this.qubitRef[op.qubit]};`;
      case "barrier":
        // OpenQASM 3 `barrier;` spans every qubit, which is what an empty qubit list can only mean here.
        return op.qubits.length
          ? `barrier ${op.qubits.map((q) => this.qubitRef[q]).join(", ")};`
          : this.version === 3
            ? "barrier;"
            : "";
    }
  }

  private gate(op: GateOperation): string {
    let mods = "";
    if (op.controls > 0) {
      if (this.version === 2)
        this.unsupported(
          `OpenQASM 2 cannot express modifier controls (gate ${op.gate} with ${op.controls} control(s)); export OpenQASM 3`,
        );
      for (let j = 0; j < op.controls;) {
        const state = bitOf(op.controlState, j);
        let n = 1;
        while (j + n < op.controls && bitOf(op.controlState, j + n) === state) n++;
        mods += `${state ? "ctrl" : "negctrl"}${n > 1 ? `(${n})` : ""} @ `;
        j += n;
      }
    }
    return `${mods}${this.call(op.gate, op.params.map(formatAngle))} ${op.qubits.map((q) => this.qubitRef[q]).join(", ")};`;
  }

  /** `name(params)`: the library name, or the id of a gate this writer defines. */
  private call(id: GateId, params: readonly string[]): string {
    this.define(id);
    return `${TABLE[id][this.key] ?? id}${params.length ? `(${params.join(", ")})` : ""}`;
  }

  /** Writes a `gate` definition (once, after those it uses) for a table gate that the library lacks. */
  private define(id: GateId, depth = 0): void {
    const spec = TABLE[id];
    if (spec[this.key] !== null || this.definitions.has(id)) return;
    const lib = this.version === 2 ? "qelib1.inc" : "stdgates.inc";
    if (!spec.decompose || depth > 16)
      this.unsupported(`gate ${id} is not in ${lib} and has no decomposition to define it by`);
    const unshadowed = (base: string): string => {
      let name = base;
      while (this.taken.has(name)) name += "_";
      return name;
    };
    const paramNames = spec.paramNames.map(unshadowed);
    const symbols = paramNames.map((n) => ParamExpr.symbol(n));
    const steps = spec.decompose(symbols, EXPR_ALGEBRA);
    for (const s of steps) this.define(s.gate, depth + 1);
    const formal = Array.from({ length: spec.numQubits }, (_, k) => unshadowed(String.fromCharCode(97 + k)));
    const lines = steps.map(
      (s) =>
        `  ${this.call(s.gate, s.params.map(formatAngle))} ${s.qubits.map((k) => formal[k]).join(", ")};`,
    );
    if (this.version === 3) {
      // The decomposition equals the gate up to a global phase; gphase makes the definition exact.
      const decompose = spec.decompose;
      const phase = fitGlobalPhase(
        (p) => spec.matrix(p),
        (p) =>
          sequenceMatrix(
            decompose(p, NUMBER_ALGEBRA).map((s): SeqOp => ({
              kind: "gate",
              gate: s.gate,
              qubits: s.qubits,
              params: s.params.map((x) => ParamExpr.constant(x)),
              controls: 0,
              controlState: 0,
            })),
            spec.numQubits,
          ),
        spec.numParams,
      );
      if (!phase)
        throw new QforgeError(
          "UNSUPPORTED",
          `the table decomposition of ${id} does not match its matrix up to an affine global phase`,
        );
      const gphase = phaseExpr(phase, symbols);
      if (gphase) lines.push(`  gphase(${formatAngle(gphase)});`);
    }
    const params = paramNames.length ? `(${paramNames.join(", ")})` : "";
    this.definitions.set(id, [`gate ${id}${params} ${formal.join(", ")} {`, ...lines, "}"].join("\n"));
  }

  private condition(c: Condition): string {
    const whole = this.cregs.find(
      ({ reg, start }) => reg.size === c.clbits.length && c.clbits.every((b, i) => b === start + i),
    );
    if (whole)
      return this.version === 2 ? `${whole.reg.name}==${c.value}` : `${whole.reg.name} == ${c.value}`;
    if (this.version === 2)
      this.unsupported(
        `OpenQASM 2 conditions test one whole classical register; this one tests bits [${c.clbits.join(", ")}]`,
      );
    return c.clbits.map((b, i) => `${this.clbitRef[b]} == ${bitOf(c.value, i)}`).join(" && ");
  }

  private registers(
    regs: readonly Register[],
    what: string,
    taken: Set<string>,
  ): { reg: Register; start: number }[] {
    let start = 0;
    const out: { reg: Register; start: number }[] = [];
    for (const reg of regs) {
      if (reg.size > 0) {
        this.checkName(reg.name, what, taken);
        out.push({ reg, start });
      }
      start += reg.size;
    }
    return out;
  }

  private checkName(name: string, what: string, taken: Set<string>): void {
    const pattern = this.version === 2 ? /^[a-z][A-Za-z0-9_]*$/ : /^[A-Za-z_][A-Za-z0-9_]*$/;
    if (!pattern.test(name))
      this.unsupported(
        `${what} name "${name}" is not a valid OpenQASM ${this.version} identifier${this.version === 2 ? " (a lowercase letter, then letters, digits, _)" : ""}`,
      );
    if (RESERVED.has(name) || GATE_NAMES.has(name))
      this.unsupported(
        `${what} name "${name}" is an OpenQASM keyword or gate name; rename it${what === "parameter" ? " (circuit.renameParameters)" : ""}`,
      );
    check(!taken.has(name), `two registers or parameters are named "${name}"; OpenQASM needs distinct names`);
    taken.add(name);
  }

  private unsupported(message: string): never {
    throw new QforgeError("UNSUPPORTED", message);
  }
}

function sameCondition(a: Condition, b: Condition): boolean {
  return (
    a.value === b.value && a.clbits.length === b.clbits.length && a.clbits.every((x, i) => x === b.clbits[i])
  );
}
