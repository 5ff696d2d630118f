import type { Circuit } from "../circuit/circuit.js";
import { check } from "../util/errors.js";
import { displayWidth, padStart } from "./display-width.js";
import {
  type DrawnOp,
  type Layout,
  type LayoutOptions,
  type Part,
  type Port,
  type QuantumPart,
  type Wire,
  layoutCircuit,
  wrapColumns,
} from "./layout.js";
import { TextGrid } from "./text-grid.js";

/** Options of {@link drawText}. */
export interface TextDrawOptions extends LayoutOptions {
  /**
   * Widest line in columns (default 100). Longer circuits wrap into stacked blocks, each with the wire
   * labels; a block that continues ends with `»` and the next starts with `«`. A single layer wider than
   * this still gets a block of its own.
   */
  readonly maxWidth?: number;
}

/** Text of a gate box: `H`, `Ry(θ)`, `U3(π/2,0,π)`. */
function boxLabel(name: string, params: readonly string[]): string {
  return params.length ? `${name}(${params.join(",")})` : name;
}

function portWidth(ports: readonly Port[]): number {
  return Math.max(0, ...ports.map((p) => displayWidth(p.text)));
}

/** Whether a classical mark's text on `wire` must sit right of the double line, which runs on below. */
function textBeside(d: DrawnOp, wire: number): boolean {
  return d.classicalTo !== undefined && d.classicalTo > wire;
}

/** Columns a part reaches left and right of its operation's centre line. */
function extent(d: DrawnOp, part: Part): [number, number] {
  let width: number;
  switch (part.kind) {
    case "box":
      width = displayWidth(boxLabel(part.name, part.params)) + 4 + portWidth(part.ports);
      break;
    case "target":
      width = displayWidth(part.name) + 4;
      break;
    case "measure":
    case "reset":
      width = 3;
      break;
    case "clbit":
    case "condition":
      if (textBeside(d, part.wire)) return [0, displayWidth(part.text)];
      width = Math.max(1, displayWidth(part.text));
      break;
    default:
      width = 1;
  }
  const left = Math.floor(width / 2);
  return [left, width - 1 - left];
}

/** Width of an operation and the offset of its centre line; `boxes`: the width of its widest box. */
function geometry(d: DrawnOp): { width: number; center: number; boxes: number } {
  const parts: Part[] = [...d.quantum, ...d.classical, ...(d.barrier ? [d.barrier] : [])];
  const ext = parts.map((p) => extent(d, p));
  const left = Math.max(...ext.map((e) => e[0]));
  const right = Math.max(...ext.map((e) => e[1]));
  const boxes = Math.max(
    0,
    ...d.quantum
      .filter(isBox)
      .map((p) => extent(d, p))
      .map(([l, r]) => l + r + 1),
  );
  return { width: left + right + 1, center: left, boxes };
}

/** Odd widths put a connector in the exact middle of the boxes it joins; columns without one keep theirs. */
function oddIfLinked(ops: readonly DrawnOp[], width: number): number {
  return ops.some((d) => d.quantum.length > 1 || d.classicalTo !== undefined) ? width | 1 : width;
}

const wireRow = (w: number): number => 2 * w + 1;

/** Rows of a quantum part's top and bottom edge, where connectors attach. */
function attachRows(part: QuantumPart): [number, number] {
  switch (part.kind) {
    case "box":
      return [2 * part.lo, 2 * part.hi + 2];
    case "target":
    case "measure":
      return [2 * part.wire, 2 * part.wire + 2];
    default:
      return [wireRow(part.wire), wireRow(part.wire)];
  }
}

const isBox = (p: QuantumPart): boolean => p.kind === "box" || p.kind === "target" || p.kind === "measure";

/** A box over wires lo…hi filling columns x0…x1, label centred on the middle row, ports at the left. */
function drawBox(
  g: TextGrid,
  x0: number,
  x1: number,
  lo: number,
  hi: number,
  label: string,
  ports: readonly Port[],
): void {
  const pw = portWidth(ports);
  const top = 2 * lo;
  const bottom = 2 * hi + 2;
  g.clear(top + 1, x0, bottom - 1, x1);
  g.addArms(top, x0, 0, 1, 0, 1);
  g.addArms(top, x1, 0, 1, 1, 0);
  g.addArms(bottom, x0, 1, 0, 0, 1);
  g.addArms(bottom, x1, 1, 0, 1, 0);
  for (let x = x0 + 1; x < x1; x++) {
    g.addArms(top, x, 0, 0, 1, 1);
    g.addArms(bottom, x, 0, 0, 1, 1);
  }
  for (let r = top + 1; r < bottom; r++) {
    const onWire = r % 2 === 1 ? 1 : 0;
    g.addArms(r, x0, 1, 1, onWire, 0);
    g.addArms(r, x1, 1, 1, 0, onWire);
  }
  const room = x1 - x0 - 1 - pw;
  g.text(lo + hi + 1, x0 + 1 + pw + Math.floor((room - displayWidth(label)) / 2), label);
  for (const p of ports) g.text(wireRow(p.wire), x0 + 1, p.text);
}

/**
 * Draws one operation with its centre line on column `c`, its boxes filling columns x0…x1; returns cells to
 * mark only if they are still empty once the whole block is drawn.
 */
function drawOp(g: TextGrid, d: DrawnOp, c: number, x0: number, x1: number): [number, number, string][] {
  for (const p of d.quantum) {
    if (p.kind === "box") drawBox(g, x0, x1, p.lo, p.hi, boxLabel(p.name, p.params), p.ports);
    else if (p.kind === "target") drawBox(g, x0, x1, p.wire, p.wire, p.name, []);
    else if (p.kind === "measure") drawBox(g, x0, x1, p.wire, p.wire, "M", []);
  }
  for (let i = 0; i + 1 < d.quantum.length; i++)
    g.vline(c, attachRows(d.quantum[i]!)[1], attachRows(d.quantum[i + 1]!)[0], 1);
  const lowest = d.quantum[d.quantum.length - 1];
  if (lowest && d.classicalTo !== undefined) g.vline(c, attachRows(lowest)[1], wireRow(d.classicalTo), 2);
  for (const p of d.quantum) {
    if (p.kind === "control") g.text(wireRow(p.wire), c, p.open ? "o" : "■");
    else if (p.kind === "swap") g.text(wireRow(p.wire), c, "X");
    else if (p.kind === "reset") g.text(wireRow(p.wire), c - 1, "|0>");
  }
  for (const p of d.classical) {
    if (p.kind === "condition") g.text(wireRow(p.wire), c, "■");
    const x = textBeside(d, p.wire) ? c + 1 : c - Math.floor(displayWidth(p.text) / 2);
    g.text(wireRow(p.wire) + 1, x, p.text);
  }
  const soft: [number, number, string][] = [];
  if (d.barrier) {
    const on = new Set(d.barrier.wires);
    for (const w of on) {
      g.text(wireRow(w), c, "░");
      if (on.has(w + 1)) g.text(wireRow(w) + 1, c, "░");
      else soft.push([wireRow(w) + 1, c, "░"]);
      if (!on.has(w - 1)) soft.push([wireRow(w) - 1, c, "░"]);
    }
  }
  return soft;
}

function wireLabel(w: Wire): string {
  return w.kind === "qubit" ? `${w.name}: ` : `${w.name}: ${w.size}/`;
}

/** Rows of the top and bottom edge of an operation's box, if it has one. */
function boxEdges(d: DrawnOp): [number, number] | undefined {
  const box = d.quantum.find(isBox);
  return box && attachRows(box);
}

/**
 * The operations of a column grouped so that boxes stacked edge to edge on neighbouring wires share a
 * group; a group's boxes get one width, so their edges merge into clean `├───┤` lines.
 */
function touchingBoxes(column: readonly DrawnOp[]): DrawnOp[][] {
  const groups: DrawnOp[][] = [];
  let bottom: number | undefined;
  for (const d of [...column].sort((a, b) => a.lo - b.lo)) {
    const edges = boxEdges(d);
    if (edges && bottom === edges[0]) groups[groups.length - 1]!.push(d);
    else groups.push([d]);
    bottom = edges?.[1];
  }
  return groups;
}

/** Renders the columns `cols` of a layout as one block of lines (without labels). */
function renderBlock(layout: Layout, cols: readonly number[], widths: readonly number[]): string[] {
  const numWires = layout.wires.length;
  const total = cols.length ? cols.reduce((s, i) => s + widths[i]! + 1, 1) : 3;
  const g = new TextGrid(2 * numWires + 1, total);
  layout.wires.forEach((w, i) => {
    const weight = w.kind === "qubit" ? 1 : 2;
    for (let x = 0; x < total; x++) g.addArms(wireRow(i), x, 0, 0, weight, weight);
  });
  const soft: [number, number, string][] = [];
  let x = 1;
  for (const i of cols) {
    const right = x + widths[i]! - 1;
    for (const group of touchingBoxes(layout.columns[i]!)) {
      const boxWidth = oddIfLinked(group, Math.max(...group.map((d) => geometry(d).boxes)));
      for (const d of group) {
        const { width, center } = geometry(d);
        const c = x + Math.floor((widths[i]! - width) / 2) + center;
        const x0 = Math.max(x, c - Math.floor(boxWidth / 2));
        soft.push(...drawOp(g, d, c, x0, Math.min(right, x0 + boxWidth - 1)));
      }
    }
    x += widths[i]! + 1;
  }
  for (const [r, c, t] of soft) g.softText(r, c, t);
  return g.lines();
}

/**
 * Draws a circuit as Unicode text in the style of Qiskit's text drawer: one wire per qubit, one bundled
 * double wire per classical register (`c: 2/`), gate boxes with parameters, `■`/`o` controls joined to
 * their target by `│`, `X` crosses for swaps, tall boxes for multi-qubit gates (with the gate's qubit
 * numbers inside when its qubits are not adjacent and in order), `┤M├` measurements dropping `║` to the bit
 * index on the classical wire, `|0>` resets, `░` barriers and classical conditions as `■` on the classical
 * wire with the value below. Long circuits wrap at `maxWidth`.
 *
 * @example
 * ```ts
 * console.log(drawText(new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)));
 * //       ┌───┐       ┌─┐
 * // q_0: ─┤ H ├───■───┤M├─────
 * //       └───┘ ┌─┴─┐ └╥┘ ┌─┐
 * // q_1: ───────┤ X ├──╫──┤M├─
 * //             └───┘  ║  └╥┘
 * // c: 2/══════════════╩═══╩══
 * //                    0   1
 * ```
 */
export function drawText(circuit: Circuit, options: TextDrawOptions = {}): string {
  const maxWidth = options.maxWidth ?? 100;
  check(maxWidth > 0, `maxWidth must be positive, got ${maxWidth}`);
  const layout = layoutCircuit(circuit, options);
  if (layout.wires.length === 0) return "";
  const widths = layout.columns.map((ops) =>
    oddIfLinked(ops, Math.max(1, ...ops.map((d) => geometry(d).width))),
  );
  const labels = layout.wires.map(wireLabel);
  const labelWidth = Math.max(...labels.map(displayWidth));
  const blocks = wrapColumns(
    widths.map((w) => w + 1),
    maxWidth,
    { firstHead: labelWidth + 1, head: labelWidth + 2, tail: 1 },
  );
  if (blocks.length === 0) blocks.push([]);
  return blocks
    .map((cols, b) => {
      const lines = renderBlock(layout, cols, widths);
      const last = b === blocks.length - 1;
      return lines
        .map((line, r) => {
          const label = r % 2 === 1 ? padStart(labels[(r - 1) / 2]!, labelWidth) : " ".repeat(labelWidth);
          return (b > 0 ? "«" : "") + label + line + (last ? "" : "»");
        })
        .join("\n");
    })
    .join("\n\n");
}
