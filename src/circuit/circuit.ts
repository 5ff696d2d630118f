import { QforgeError, check } from "../util/errors.js";
import { GATES, type GateId } from "../gates/gate-table.js";
import { GATE_IDS, resolveGate } from "../gates/lookup.js";
import { EXPR_ALGEBRA, ParamExpr } from "./param-expr.js";
import { type Condition, type GateOperation, type Operation, operationQubits } from "./operation.js";

/** An angle as the builder accepts it: a number, a parameter name or expression string, or a ParamExpr. */
export type ParamLike = number | string | ParamExpr;

/** A named register: a contiguous range of qubits or clbits (kept for OpenQASM round trips). */
export interface Register {
  readonly name: string;
  readonly size: number;
}

/** Options of {@link Circuit.gate}. */
export interface GateOptions {
  /** Extra control qubits (OpenQASM 3 `ctrl @`), placed before the gate's own qubits. */
  readonly controls?: readonly number[];
  /** Per control: 1 fires on |1⟩ (default), 0 on |0⟩ (`negctrl @`). */
  readonly controlState?: readonly (0 | 1)[];
  readonly condition?: Condition;
}

type Tuple<T, N extends number, R extends T[] = []> = R["length"] extends N ? R : Tuple<T, N, [...R, T]>;
type Spec = typeof GATES;
type GateMethod<K extends GateId> = (
  ...args: [...Tuple<ParamLike, Spec[K]["numParams"]>, ...Tuple<number, Spec[K]["numQubits"]>]
) => Circuit;
/** One builder method per gate id and alias, generated from the gate table: angles first, then qubits. */
export type GateMethods = { [K in GateId]: GateMethod<K> } & {
  [K in GateId as Spec[K]["aliases"][number]]: GateMethod<K>;
};

const MAX_QUBITS = 64;

/**
 * An immutable quantum circuit. Every builder call returns a new circuit (sharing storage, so chains stay
 * linear-time); angles may be symbolic, bound later per call.
 *
 * @example
 * ```ts
 * const c = new Circuit(3).h(0).cx(0, 1).ry("theta", 2).rz("2*x0 + theta", 1);
 * c.parameters;            // ["theta", "x0"]
 * c.bind({ theta: 0.3 });  // x0 still free
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Circuit {
  readonly numQubits: number;
  readonly numClbits: number;
  readonly qubitRegisters: readonly Register[];
  readonly clbitRegisters: readonly Register[];
  /** Shared, append-only storage; this circuit owns the first `length` entries. */
  private readonly store: Operation[];
  private readonly length: number;
  private cachedOps: readonly Operation[] | undefined;
  private cachedParams: readonly string[] | undefined;

  constructor(
    numQubits: number,
    numClbits = 0,
    options: { qubitRegisters?: readonly Register[]; clbitRegisters?: readonly Register[] } = {},
  ) {
    check(
      Number.isInteger(numQubits) && numQubits >= 0,
      `number of qubits must be a non-negative integer, got ${numQubits}`,
    );
    check(numQubits <= MAX_QUBITS, `${numQubits} qubits is more than qforge supports (${MAX_QUBITS})`);
    check(
      Number.isInteger(numClbits) && numClbits >= 0,
      `number of classical bits must be a non-negative integer, got ${numClbits}`,
    );
    this.numQubits = numQubits;
    this.numClbits = numClbits;
    this.qubitRegisters = checkRegisters(
      options.qubitRegisters ?? (numQubits ? [{ name: "q", size: numQubits }] : []),
      numQubits,
      "qubit",
    );
    this.clbitRegisters = checkRegisters(
      options.clbitRegisters ?? (numClbits ? [{ name: "c", size: numClbits }] : []),
      numClbits,
      "clbit",
    );
    this.store = [];
    this.length = 0;
  }

  /** The operations, in order. */
  get operations(): readonly Operation[] {
    this.cachedOps ??= Object.freeze(this.store.slice(0, this.length));
    return this.cachedOps;
  }

  /** Parameter names in order of first appearance. */
  get parameters(): readonly string[] {
    if (!this.cachedParams) {
      const seen = new Set<string>();
      for (const op of this.operations)
        if (op.kind === "gate") for (const p of op.params) for (const n of p.names) seen.add(n);
      this.cachedParams = Object.freeze([...seen]);
    }
    return this.cachedParams;
  }

  get numParameters(): number {
    return this.parameters.length;
  }

  /** Appends a table gate by name or alias. Angles may be numbers, names or expressions. */
  gate(
    name: GateId | string,
    qubits: readonly number[],
    params: readonly ParamLike[] = [],
    options: GateOptions = {},
  ): Circuit {
    const id = resolveGate(name);
    const spec = GATES[id];
    check(
      qubits.length === spec.numQubits,
      `gate ${id} acts on ${spec.numQubits} qubit(s), got ${qubits.length}`,
      "WRONG_ARITY",
    );
    check(
      params.length === spec.numParams,
      `gate ${id} takes ${spec.numParams} parameter(s), got ${params.length}`,
      "WRONG_ARITY",
    );
    const controls = options.controls ?? [];
    const state = options.controlState ?? controls.map(() => 1 as const);
    check(
      state.length === controls.length,
      `controlState has ${state.length} entries for ${controls.length} controls`,
    );
    const all = [...controls, ...qubits];
    this.checkQubits(all, id);
    const op: GateOperation = {
      kind: "gate",
      gate: id,
      qubits: Object.freeze(all),
      params: Object.freeze(params.map((p, i) => toExpr(p, `parameter ${spec.paramNames[i]} of gate ${id}`))),
      controls: controls.length,
      controlState: state.reduce<number>((acc, b, i) => acc | (b << i), 0),
      ...(options.condition ? { condition: this.checkCondition(options.condition) } : {}),
    };
    return this.push(Object.freeze(op));
  }

  /** Measures `qubit` into classical bit `clbit`. */
  measure(qubit: number, clbit: number, condition?: Condition): Circuit {
    this.checkQubits([qubit], "measure");
    this.checkClbit(clbit);
    return this.push(
      Object.freeze({
        kind: "measure",
        qubit,
        clbit,
        ...(condition ? { condition: this.checkCondition(condition) } : {}),
      }),
    );
  }

  /** Measures every qubit i into clbit i, adding classical bits if the circuit has too few. */
  measureAll(): Circuit {
    let c: Circuit = this.numClbits >= this.numQubits ? this : this.withClbits(this.numQubits);
    for (let q = 0; q < this.numQubits; q++) c = c.measure(q, q);
    return c;
  }

  /** Resets `qubit` to |0⟩ (a non-unitary operation). */
  reset(qubit: number, condition?: Condition): Circuit {
    this.checkQubits([qubit], "reset");
    return this.push(
      Object.freeze({
        kind: "reset",
        qubit,
        ...(condition ? { condition: this.checkCondition(condition) } : {}),
      }),
    );
  }

  /** A barrier on the given qubits (all qubits if none given); it stops fusion and groups drawings. */
  barrier(...qubits: number[]): Circuit {
    const qs = qubits.length ? qubits : Array.from({ length: this.numQubits }, (_, i) => i);
    this.checkQubits(qs, "barrier");
    return this.push(Object.freeze({ kind: "barrier", qubits: Object.freeze(qs) }));
  }

  /** Appends the operations built by `body` on an empty circuit of the same shape, each conditioned on `condition`. */
  ifThen(condition: Condition, body: (c: Circuit) => Circuit): Circuit {
    const cond = this.checkCondition(condition);
    const inner = body(this.emptyLike());
    return inner.operations.reduce<Circuit>((out, op) => {
      if (op.kind === "barrier") return out;
      check(!("condition" in op && op.condition), "nested classical conditions are not supported");
      return out.push(Object.freeze({ ...op, condition: cond }));
    }, this);
  }

  /** Appends an already-built operation (validated). */
  append(op: Operation): Circuit {
    switch (op.kind) {
      case "gate": {
        const targets = op.qubits.slice(op.controls);
        const controls = op.qubits.slice(0, op.controls);
        const controlState = controls.map((_, i) => ((op.controlState >> i) & 1) as 0 | 1);
        return this.gate(op.gate, targets, op.params, {
          controls,
          controlState,
          ...(op.condition ? { condition: op.condition } : {}),
        });
      }
      case "measure":
        return this.measure(op.qubit, op.clbit, op.condition);
      case "reset":
        return this.reset(op.qubit, op.condition);
      case "barrier":
        return this.barrier(...op.qubits);
    }
  }

  /** Appends `other`, mapping its qubit i to `qubits[i]` (default: the same index) and clbits likewise. */
  compose(other: Circuit, options: { qubits?: readonly number[]; clbits?: readonly number[] } = {}): Circuit {
    const qmap = options.qubits ?? Array.from({ length: other.numQubits }, (_, i) => i);
    const cmap = options.clbits ?? Array.from({ length: other.numClbits }, (_, i) => i);
    check(
      qmap.length === other.numQubits,
      `compose: qubit map has ${qmap.length} entries, the circuit has ${other.numQubits} qubits`,
    );
    check(
      cmap.length === other.numClbits,
      `compose: clbit map has ${cmap.length} entries, the circuit has ${other.numClbits} clbits`,
    );
    const q = (i: number) => qmap[i]!;
    const cb = (i: number) => cmap[i]!;
    const cond = (c: Condition | undefined) =>
      c ? { condition: { clbits: c.clbits.map(cb), value: c.value } } : {};
    const mapped = (op: Operation): Operation => {
      switch (op.kind) {
        case "gate":
          return { ...op, qubits: op.qubits.map(q), ...cond(op.condition) };
        case "measure":
          return { ...op, qubit: q(op.qubit), clbit: cb(op.clbit), ...cond(op.condition) };
        case "reset":
          return { ...op, qubit: q(op.qubit), ...cond(op.condition) };
        case "barrier":
          return { ...op, qubits: op.qubits.map(q) };
      }
    };
    return other.operations.reduce<Circuit>((out, op) => out.append(mapped(op)), this);
  }

  /** The inverse circuit U†: gates reversed and each replaced by its adjoint. Non-unitary operations are refused. */
  inverse(): Circuit {
    let out = this.emptyLike();
    for (let i = this.length - 1; i >= 0; i--) {
      const op = this.store[i]!;
      if (op.kind === "barrier") {
        out = out.append(op);
        continue;
      }
      if (op.kind !== "gate" || op.condition)
        throw new QforgeError(
          "UNSUPPORTED",
          `cannot invert a circuit with ${op.kind === "gate" ? "a classically conditioned gate" : `a ${op.kind}`} (operation ${i})`,
        );
      const controls = op.qubits.slice(0, op.controls);
      const own = op.qubits.slice(op.controls);
      const controlState = controls.map((_, j) => ((op.controlState >> j) & 1) as 0 | 1);
      for (const s of GATES[op.gate].adjoint(op.params, EXPR_ALGEBRA))
        out = out.gate(
          s.gate,
          s.qubits.map((k) => own[k]!),
          s.params,
          { controls, controlState },
        );
    }
    return out;
  }

  /** Binds the given parameters to numbers; others stay symbolic. Unknown names are an error. */
  bind(values: Readonly<Record<string, number>>): Circuit {
    const known = new Set(this.parameters);
    for (const name of Object.keys(values))
      check(
        known.has(name),
        `the circuit has no parameter "${name}" (it has: ${this.parameters.join(", ") || "none"})`,
        "INVALID_ARGUMENT",
      );
    return this.mapGates((op) => ({ ...op, params: op.params.map((p) => p.bind(values)) }));
  }

  /** Renames parameters, e.g. to place two templates side by side. */
  renameParameters(map: (name: string) => string): Circuit {
    return this.mapGates((op) => ({ ...op, params: op.params.map((p) => p.rename(map)) }));
  }

  /**
   * Rewrites every gate outside `basis` by its table decomposition, recursively (equal up to global
   * phase). Default basis: u3 and cx. Gates with modifier controls are kept whole: a decomposition that is
   * only exact up to phase would be wrong under a control.
   */
  decompose(basis: readonly string[] = ["u3", "cx"]): Circuit {
    const target = new Set(basis.map((b) => resolveGate(b)));
    let out = this.emptyLike();
    const expand = (op: GateOperation, depth: number): void => {
      if (target.has(op.gate) || op.controls > 0) {
        out = out.append(op);
        return;
      }
      const spec = GATES[op.gate];
      if (!("decompose" in spec) || depth > 12)
        throw new QforgeError(
          "UNSUPPORTED",
          `cannot rewrite gate ${op.gate} into the basis [${basis.join(", ")}]; include u3 (or rz and sx) and cx (or cz)`,
        );
      for (const s of spec.decompose(op.params, EXPR_ALGEBRA))
        expand(
          { ...op, gate: s.gate as GateId, qubits: s.qubits.map((k) => op.qubits[k]!), params: s.params },
          depth + 1,
        );
    };
    for (const op of this.operations) {
      if (op.kind === "gate") expand(op, 0);
      else out = out.append(op);
    }
    return out;
  }

  /** Number of operations other than barriers. */
  size(): number {
    return this.operations.filter((o) => o.kind !== "barrier").length;
  }

  /** Operation counts by name (gate id, "measure", "reset"), barriers excluded. */
  countOps(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const op of this.operations) {
      if (op.kind === "barrier") continue;
      const name = op.kind === "gate" ? op.gate : op.kind;
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  }

  /** Circuit depth: the longest chain of operations sharing qubits (or classical bits). Barriers don't count. */
  depth(): number {
    const level = new Array<number>(this.numQubits + this.numClbits).fill(0);
    let depth = 0;
    for (const op of this.operations) {
      if (op.kind === "barrier") continue;
      const wires = [...operationQubits(op)];
      if (op.kind === "measure") wires.push(this.numQubits + op.clbit);
      if (op.condition) for (const b of op.condition.clbits) wires.push(this.numQubits + b);
      const d = 1 + Math.max(...wires.map((w) => level[w]!));
      for (const w of wires) level[w] = d;
      depth = Math.max(depth, d);
    }
    return depth;
  }

  /**
   * The circuit without its final measurements (those with no later operation on their qubit) and the
   * barriers among them, as Qiskit's `remove_final_measurements`: the state just before read-out.
   */
  removeFinalMeasurements(): Circuit {
    const ops = this.operations;
    const keep = new Array<boolean>(ops.length).fill(true);
    const laterUse = new Set<number>();
    const readBits = new Set<number>();
    for (let i = ops.length - 1; i >= 0; i--) {
      const op = ops[i]!;
      if (op.kind === "measure" && !laterUse.has(op.qubit) && !op.condition && !readBits.has(op.clbit)) {
        keep[i] = false;
        continue;
      }
      if (op.kind === "barrier") {
        keep[i] = op.qubits.some((q) => laterUse.has(q));
        continue;
      }
      for (const q of operationQubits(op)) laterUse.add(q);
      if ("condition" in op && op.condition) op.condition.clbits.forEach((b) => readBits.add(b));
    }
    let out = this.emptyLike();
    ops.forEach((op, i) => {
      if (keep[i]) out = out.append(op);
    });
    return out;
  }

  /** True if the circuit has measurements, resets or conditions (so it is not a single unitary). */
  hasNonUnitary(): boolean {
    return this.operations.some(
      (o) => o.kind === "measure" || o.kind === "reset" || (o.kind === "gate" && o.condition),
    );
  }

  /** An empty circuit with the same qubits, clbits and registers. */
  emptyLike(): Circuit {
    return new Circuit(this.numQubits, this.numClbits, {
      qubitRegisters: this.qubitRegisters,
      clbitRegisters: this.clbitRegisters,
    });
  }

  /** The same circuit with `numClbits` classical bits (extra bits go into a register "meas"). */
  withClbits(numClbits: number): Circuit {
    check(numClbits >= this.numClbits, "withClbits cannot remove classical bits");
    const extra = numClbits - this.numClbits;
    const regs = extra
      ? [
          ...this.clbitRegisters,
          { name: this.clbitRegisters.some((r) => r.name === "meas") ? "meas2" : "meas", size: extra },
        ]
      : this.clbitRegisters;
    let out = new Circuit(this.numQubits, numClbits, {
      qubitRegisters: this.qubitRegisters,
      clbitRegisters: regs,
    });
    for (const op of this.operations) out = out.append(op);
    return out;
  }

  private mapGates(f: (op: GateOperation) => GateOperation): Circuit {
    let out = this.emptyLike();
    for (const op of this.operations) out = out.push(op.kind === "gate" ? Object.freeze(f(op)) : op);
    return out;
  }

  private push(op: Operation): Circuit {
    const next = Object.create(Circuit.prototype) as Circuit;
    const shared = this.store.length === this.length;
    const store = shared ? this.store : this.store.slice(0, this.length);
    store.push(op);
    Object.assign(next, {
      numQubits: this.numQubits,
      numClbits: this.numClbits,
      qubitRegisters: this.qubitRegisters,
      clbitRegisters: this.clbitRegisters,
      store,
      length: this.length + 1,
      cachedOps: undefined,
      cachedParams: undefined,
    });
    return next;
  }

  private checkQubits(qubits: readonly number[], what: string): void {
    for (const q of qubits)
      if (!Number.isInteger(q) || q < 0 || q >= this.numQubits)
        throw new QforgeError(
          "QUBIT_OUT_OF_RANGE",
          `${what}: qubit index ${q} is out of range for a ${this.numQubits}-qubit circuit (valid: 0…${this.numQubits - 1})`,
        );
    check(
      new Set(qubits).size === qubits.length,
      `${what}: the same qubit appears twice in [${qubits.join(", ")}]`,
    );
  }

  private checkClbit(b: number): void {
    if (!Number.isInteger(b) || b < 0 || b >= this.numClbits)
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `classical bit ${b} is out of range for a circuit with ${this.numClbits} classical bit(s)`,
      );
  }

  private checkCondition(c: Condition): Condition {
    check(c.clbits.length > 0, "a condition needs at least one classical bit");
    c.clbits.forEach((b) => this.checkClbit(b));
    check(
      Number.isInteger(c.value) && c.value >= 0 && c.value < 2 ** c.clbits.length,
      `condition value ${c.value} does not fit in ${c.clbits.length} bit(s)`,
    );
    return Object.freeze({ clbits: Object.freeze([...c.clbits]), value: c.value });
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Circuit extends GateMethods {}

function toExpr(p: ParamLike, what: string): ParamExpr {
  if (typeof p === "number" && !Number.isFinite(p))
    throw new QforgeError("NON_FINITE", `${what} is ${p}; angles must be finite`);
  return ParamExpr.from(p);
}

function checkRegisters(regs: readonly Register[], total: number, what: string): readonly Register[] {
  const sum = regs.reduce((s, r) => s + r.size, 0);
  check(sum === total, `${what} registers cover ${sum} ${what}s but the circuit has ${total}`);
  return Object.freeze(regs.map((r) => Object.freeze({ ...r })));
}

// Builder methods come from the gate table: one per id and alias, angles first then qubits.
for (const id of GATE_IDS) {
  const spec = GATES[id];
  for (const name of [id, ...spec.aliases]) {
    Object.defineProperty(Circuit.prototype, name, {
      value: function (this: Circuit, ...args: unknown[]): Circuit {
        if (args.length !== spec.numParams + spec.numQubits)
          throw new QforgeError(
            "WRONG_ARITY",
            `${name}() takes ${spec.numParams} angle(s) then ${spec.numQubits} qubit(s), got ${args.length} argument(s)`,
          );
        return this.gate(
          id,
          args.slice(spec.numParams) as number[],
          args.slice(0, spec.numParams) as ParamLike[],
        );
      },
      writable: false,
      enumerable: false,
    });
  }
}
