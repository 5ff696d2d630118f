import type { Circuit } from "../circuit/circuit.js";
import type { Condition, Operation } from "../circuit/operation.js";
import type { GateId } from "../gates/gate-table.js";
import { gateSpec } from "../gates/lookup.js";
import { check } from "../util/errors.js";
import { formatParam } from "./format-angle.js";
import { type GateFamily, gateFamily } from "./gate-family.js";

/** Options every drawer shares: they decide what the layout holds, not how it looks. */
export interface LayoutOptions {
  /** Draw wires no operation touches (default true). Barriers alone do not make a wire busy. */
  readonly showIdle?: boolean;
  /** Decimals of angles that are not simple multiples of π (default 3). */
  readonly decimals?: number;
  /**
   * Fold barriers away (default false): they take no column and are not drawn, but operations after a
   * barrier still start after everything before it on the barrier's wires.
   */
  readonly foldBarriers?: boolean;
}

/** One horizontal line of a drawing: a qubit, or a whole classical register bundled into one wire. */
export interface Wire {
  readonly kind: "qubit" | "clbits";
  /** `q_0`, `anc_1` for qubits; the register name (`c`) for classical registers. */
  readonly name: string;
  /** Qubit index in the circuit, or register index among the classical registers. */
  readonly index: number;
  /** 1 for a qubit; the register's size for classical wires. */
  readonly size: number;
}

/**
 * A mark inside a multi-qubit box beside one wire: the gate's local qubit number, or a control (`■`, or `o`
 * for a control on |0⟩) when the control sits between the box's qubits.
 */
export interface Port {
  readonly wire: number;
  readonly text: string;
  readonly control?: "closed" | "open";
}

/** One visual element of an operation; wires are indices into {@link Layout.wires}. */
export type Part =
  /** A gate box over wires lo…hi; `ports` mark the wires it acts on when that is not obvious. */
  | {
      readonly kind: "box";
      readonly lo: number;
      readonly hi: number;
      readonly name: string;
      readonly params: readonly string[];
      readonly family: GateFamily;
      readonly ports: readonly Port[];
    }
  /** A control dot; `open` for a control that fires on |0⟩. */
  | { readonly kind: "control"; readonly wire: number; readonly open: boolean }
  /** The target of a controlled X (⊕ where the renderer supports it); `name` is the gate-table label. */
  | { readonly kind: "target"; readonly wire: number; readonly name: string }
  | { readonly kind: "swap"; readonly wire: number }
  | { readonly kind: "measure"; readonly wire: number }
  | { readonly kind: "reset"; readonly wire: number }
  | { readonly kind: "barrier"; readonly wires: readonly number[] }
  /** Where a measurement lands on a classical wire; `text` is the bit index in the register. */
  | { readonly kind: "clbit"; readonly wire: number; readonly text: string }
  /** A classical condition read from this register; `text` (value annotation) on the lowest one only. */
  | { readonly kind: "condition"; readonly wire: number; readonly text: string };

/** Parts linked by the single vertical connector (controls, targets, swaps, boxes, measure, reset). */
export type QuantumPart = Extract<
  Part,
  { kind: "box" | "control" | "target" | "swap" | "measure" | "reset" }
>;

/** One operation as drawn. */
export interface DrawnOp {
  readonly op: Operation;
  /** Wire span (inclusive) the operation occupies in its column, connectors included. */
  readonly lo: number;
  readonly hi: number;
  /** Quantum parts, top to bottom; consecutive ones are joined by a single line. */
  readonly quantum: readonly QuantumPart[];
  /** Classical parts (measurement targets, conditions), top to bottom. */
  readonly classical: readonly Extract<Part, { kind: "clbit" | "condition" }>[];
  readonly barrier?: Extract<Part, { kind: "barrier" }>;
  /** Lowest classical wire the double line from the lowest quantum part runs to, if any. */
  readonly classicalTo?: number;
}

/** The layering both renderers consume: wires, then columns of operations with disjoint wire spans. */
export interface Layout {
  readonly wires: readonly Wire[];
  readonly columns: readonly (readonly DrawnOp[])[];
}

/** Wire span of a part. */
export function partSpan(part: Part): [number, number] {
  switch (part.kind) {
    case "box":
      return [part.lo, part.hi];
    case "barrier":
      return [Math.min(...part.wires), Math.max(...part.wires)];
    default:
      return [part.wire, part.wire];
  }
}

/** Where each circuit qubit and clbit is drawn; undefined for hidden idle wires. */
interface WireMap {
  readonly wires: Wire[];
  readonly qubit: (number | undefined)[];
  /** Per clbit: wire index and bit index inside its register. */
  readonly clbit: { wire: number | undefined; bit: number; register: string }[];
}

function mapWires(circuit: Circuit, showIdle: boolean): WireMap {
  const busyQubits = new Set<number>();
  const busyClbits = new Set<number>();
  for (const op of circuit.operations) {
    if (op.kind === "barrier") continue;
    for (const q of op.kind === "gate" ? op.qubits : [op.qubit]) busyQubits.add(q);
    if (op.kind === "measure") busyClbits.add(op.clbit);
    for (const b of op.condition?.clbits ?? []) busyClbits.add(b);
  }
  const wires: Wire[] = [];
  const qubit: (number | undefined)[] = [];
  let q = 0;
  for (const reg of circuit.qubitRegisters)
    for (let i = 0; i < reg.size; i++, q++) {
      if (!showIdle && !busyQubits.has(q)) qubit.push(undefined);
      else qubit.push(wires.push({ kind: "qubit", name: `${reg.name}_${i}`, index: q, size: 1 }) - 1);
    }
  const clbit: WireMap["clbit"] = [];
  let b = 0;
  circuit.clbitRegisters.forEach((reg, r) => {
    const used = Array.from({ length: reg.size }, (_, i) => busyClbits.has(b + i)).some(Boolean);
    const wire =
      showIdle || used
        ? wires.push({ kind: "clbits", name: reg.name, index: r, size: reg.size }) - 1
        : undefined;
    for (let i = 0; i < reg.size; i++, b++) clbit.push({ wire, bit: i, register: reg.name });
  });
  return { wires, qubit, clbit };
}

/** The value annotation of a condition: `=3` for a whole register in order, else `[bits]=value`. */
function conditionText(cond: Condition, map: WireMap): string {
  const bits = cond.clbits.map((b) => map.clbit[b]!);
  const reg = bits[0]!.register;
  const oneRegister = bits.every((b) => b.register === reg);
  const size = map.clbit.filter((b) => b.register === reg).length;
  if (oneRegister && bits.length === size && bits.every((b, i) => b.bit === i)) return `=${cond.value}`;
  const names = bits.map((b) => (oneRegister ? String(b.bit) : `${b.register}_${b.bit}`));
  return `[${names.join(",")}]=${cond.value}`;
}

/** Builds the drawn form of one operation, or undefined when every wire it touches is hidden. */
function drawOp(op: Operation, map: WireMap, decimals: number): DrawnOp | undefined {
  const wireOf = (q: number): number => map.qubit[q]!;
  const quantum: QuantumPart[] = [];
  const classical: Extract<Part, { kind: "clbit" | "condition" }>[] = [];
  let barrier: Extract<Part, { kind: "barrier" }> | undefined;
  switch (op.kind) {
    case "gate":
      quantum.push(
        ...gateParts(
          op.gate,
          op.qubits.map(wireOf),
          op.controls,
          op.controlState,
          op.params.map((p) => formatParam(p, decimals)),
        ),
      );
      break;
    case "measure": {
      quantum.push({ kind: "measure", wire: wireOf(op.qubit) });
      const target = map.clbit[op.clbit]!;
      classical.push({ kind: "clbit", wire: target.wire!, text: String(target.bit) });
      break;
    }
    case "reset":
      quantum.push({ kind: "reset", wire: wireOf(op.qubit) });
      break;
    case "barrier": {
      const wires = op.qubits.map((q) => map.qubit[q]).filter((w): w is number => w !== undefined);
      if (wires.length === 0) return undefined;
      barrier = { kind: "barrier", wires: [...new Set(wires)].sort((a, b) => a - b) };
    }
  }
  if (op.kind !== "barrier" && op.condition) {
    const regs = [...new Set(op.condition.clbits.map((b) => map.clbit[b]!.wire!))].sort((a, b) => a - b);
    const text = conditionText(op.condition, map);
    regs.forEach((wire, i) =>
      classical.push({ kind: "condition", wire, text: i === regs.length - 1 ? text : "" }),
    );
  }
  quantum.sort((a, b) => partSpan(a)[0] - partSpan(b)[0]);
  classical.sort((a, b) => a.wire - b.wire);
  const spans = [...quantum, ...classical, ...(barrier ? [barrier] : [])].map(partSpan);
  const lo = Math.min(...spans.map((s) => s[0]));
  const hi = Math.max(...spans.map((s) => s[1]));
  const last = classical[classical.length - 1];
  return {
    op,
    lo,
    hi,
    quantum,
    classical,
    ...(barrier ? { barrier } : {}),
    ...(last ? { classicalTo: last.wire } : {}),
  };
}

/**
 * Parts of a table gate on `wires` (modifier controls first, as in the operation): controls (modifier
 * ones with their polarity, then the gate table's own), then the body of the gate the controls act on.
 */
function gateParts(
  gate: GateId,
  wires: readonly number[],
  modifiers: number,
  state: number,
  params: readonly string[],
): QuantumPart[] {
  const spec = gateSpec(gate);
  const own = spec.control?.numControls ?? 0;
  const target: GateId = spec.control?.target ?? gate;
  const controls = wires
    .slice(0, modifiers + own)
    .map((wire, i) => ({ wire, open: i < modifiers && ((state >> i) & 1) === 0 }));
  const body = wires.slice(modifiers + own);
  const parts: QuantumPart[] = controls.map((c) => ({ kind: "control", ...c }));
  if (target === "swap") return [...parts, ...body.map((wire) => ({ kind: "swap" as const, wire }))];
  if (body.length === 1 && target === "x" && controls.length > 0)
    return [...parts, { kind: "target", wire: body[0]!, name: spec.label }];
  const lo = Math.min(...body);
  const hi = Math.max(...body);
  const inside = controls.filter((c) => c.wire > lo && c.wire < hi);
  const numbered = inside.length > 0 || body.some((w, i) => w !== lo + i);
  const ports: Port[] = numbered
    ? [
        ...body.map((wire, i) => ({ wire, text: String(i) })),
        ...inside.map((c): Port => ({
          wire: c.wire,
          text: c.open ? "o" : "■",
          control: c.open ? "open" : "closed",
        })),
      ]
    : [];
  const box: QuantumPart = {
    kind: "box",
    lo,
    hi,
    name: spec.label,
    params,
    family: gateFamily(target),
    ports,
  };
  return [...parts.filter((p) => p.kind !== "control" || p.wire < lo || p.wire > hi), box];
}

/**
 * Lays a circuit out for drawing: the visible wires, and operations placed greedily left to right, each
 * in the first column after the last operation on any wire it spans — wires between its qubits included,
 * since its vertical connector crosses them, and classical wires its measurement or condition reaches.
 *
 * @example
 * ```ts
 * const layout = layoutCircuit(new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0));
 * layout.columns.length; // 3
 * ```
 */
export function layoutCircuit(circuit: Circuit, options: LayoutOptions = {}): Layout {
  const decimals = options.decimals ?? 3;
  check(
    Number.isInteger(decimals) && decimals >= 0 && decimals <= 15,
    `decimals must be an integer in 0…15, got ${decimals}`,
  );
  const map = mapWires(circuit, options.showIdle ?? true);
  const next = new Array<number>(map.wires.length).fill(0);
  const columns: DrawnOp[][] = [];
  for (const op of circuit.operations) {
    const drawn = drawOp(op, map, decimals);
    if (!drawn) continue;
    let col = 0;
    for (let w = drawn.lo; w <= drawn.hi; w++) col = Math.max(col, next[w]!);
    if (drawn.barrier && options.foldBarriers) {
      next.fill(col, drawn.lo, drawn.hi + 1);
      continue;
    }
    (columns[col] ??= []).push(drawn);
    next.fill(col + 1, drawn.lo, drawn.hi + 1);
  }
  return { wires: map.wires, columns };
}

/**
 * Splits columns into blocks that fit `maxWidth`: a block costs `head` (`firstHead` for the first) plus its
 * columns' widths, plus `tail` unless it is the last. Every block holds at least one column, so a single
 * column wider than the room gets a block of its own.
 */
export function wrapColumns(
  widths: readonly number[],
  maxWidth: number,
  cost: { readonly firstHead: number; readonly head: number; readonly tail: number },
): number[][] {
  const blocks: number[][] = [];
  let i = 0;
  while (i < widths.length) {
    const head = blocks.length === 0 ? cost.firstHead : cost.head;
    const rest = widths.slice(i).reduce((s, w) => s + w, 0);
    const block: number[] = [];
    if (head + rest <= maxWidth) while (i < widths.length) block.push(i++);
    else {
      let used = head + cost.tail;
      do {
        used += widths[i]!;
        block.push(i++);
      } while (i < widths.length && used + widths[i]! <= maxWidth);
    }
    blocks.push(block);
  }
  return blocks;
}
