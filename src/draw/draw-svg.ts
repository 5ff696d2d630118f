import type { Circuit } from "../circuit/circuit.js";
import { check } from "../util/errors.js";
import {
  type DrawnOp,
  type LayoutOptions,
  type Part,
  type Wire,
  layoutCircuit,
  partSpan,
  wrapColumns,
} from "./layout.js";

/** Options of {@link drawSvg}. */
export interface SvgDrawOptions extends LayoutOptions {
  /**
   * Widest drawing in pixels, after scaling (default 1200). Longer circuits wrap into rows stacked
   * vertically, each with the wire labels; `»` / `«` mark where a row continues.
   */
  readonly maxWidth?: number;
  /** Size factor applied to the whole drawing (default 1). */
  readonly scale?: number;
  /** Colour scheme (default "light"). */
  readonly style?: "light" | "dark";
}

// Geometry in unscaled pixels.
const PITCH = 44; // between wires
const HALF = 15; // half a gate box
const TOP = 34; // above the first wire of a row
const BOTTOM = 34; // below the last wire of a row
const PAD = 10; // around the drawing
const GAP = 14; // between columns
const ROW_GAP = 16; // between wrapped rows
const MARK = 14; // room for » / «
const FONT = { label: 14, gate: 13, param: 10, small: 10 } as const;

const PALETTES = {
  light: {
    bg: "#ffffff",
    ink: "#161616",
    wire: "#161616",
    cwire: "#6f6f6f",
    muted: "#8d8d8d",
    pauli: ["#ffd7d9", "#da1e28"],
    clifford: ["#d0e2ff", "#0f62fe"],
    rotation: ["#e8daff", "#8a3ffc"],
    multi: ["#d9fbfb", "#007d79"],
    measure: ["#e0e0e0", "#525252"],
    reset: ["#e0e0e0", "#525252"],
  },
  dark: {
    bg: "#161616",
    ink: "#f4f4f4",
    wire: "#c6c6c6",
    cwire: "#8d8d8d",
    muted: "#6f6f6f",
    pauli: ["#750e13", "#ff8389"],
    clifford: ["#002d9c", "#78a9ff"],
    rotation: ["#491d8b", "#be95ff"],
    multi: ["#004144", "#3ddbd9"],
    measure: ["#393939", "#a8a8a8"],
    reset: ["#393939", "#a8a8a8"],
  },
} as const;

function stylesheet(style: "light" | "dark"): string {
  const p = PALETTES[style];
  const family = (name: "pauli" | "clifford" | "rotation" | "multi" | "measure" | "reset") =>
    `.${name}{fill:${p[name][0]};stroke:${p[name][1]}}`;
  return [
    `.bg{fill:${p.bg}}`,
    `text{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;fill:${p.ink}}`,
    `.label{font-size:${FONT.label}px}.sub{font-size:${FONT.small}px}.gate{font-size:${FONT.gate}px}`,
    `.param,.small{font-size:${FONT.param}px}.muted{fill:${p.cwire}}`,
    `.wire{stroke:${p.wire};stroke-width:1.2;fill:none}.cwire{stroke:${p.cwire};stroke-width:1.2;fill:none}`,
    `.link{stroke:${p.wire};stroke-width:1.6;fill:none}.clink{stroke:${p.cwire};stroke-width:1.2;fill:none}`,
    `.box{stroke-width:1.5}`,
    ...(["pauli", "clifford", "rotation", "multi", "measure", "reset"] as const).map(family),
    `.ctrl{fill:${p.wire};stroke:${p.wire};stroke-width:1.5}.open{fill:${p.bg}}`,
    `.cond{fill:${p.cwire}}.arrow{fill:${p.cwire}}`,
    `.plus{stroke:${p.pauli[1]};stroke-width:2}.swap{stroke:${p.wire};stroke-width:2}`,
    `.meter{stroke:${p.ink};stroke-width:1.5;fill:none}`,
    `.barrier{fill:${p.muted};fill-opacity:0.22}.barrier-line{stroke:${p.muted};stroke-width:1.2;stroke-dasharray:4 3}`,
  ].join("");
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Estimated advance of `text` in a sans-serif font of `size` px (a little generous, so boxes fit). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    if ("MWmw@".includes(ch)) em += 0.9;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else if (/[ .,:;|!()[\]'ijlft]/.test(ch)) em += 0.34;
    else em += 0.6;
  }
  return em * size;
}

const num = (x: number): string => String(Math.round(x * 100) / 100);

const line = (x1: number, y1: number, x2: number, y2: number, cls: string): string =>
  `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" class="${cls}"/>`;

const text = (x: number, y: number, cls: string, body: string, anchor = "middle"): string =>
  `<text x="${num(x)}" y="${num(y)}" class="${cls}" text-anchor="${anchor}">${escapeXml(body)}</text>`;

const rect = (x: number, y: number, w: number, h: number, cls: string, rx = 4): string =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="${rx}" class="${cls}"/>`;

const circle = (x: number, y: number, r: number, cls: string): string =>
  `<circle cx="${num(x)}" cy="${num(y)}" r="${r}" class="${cls}"/>`;

/** Whether a classical mark's text on `wire` sits right of the double line, which runs on below. */
const textBeside = (d: DrawnOp, wire: number): boolean => d.classicalTo !== undefined && d.classicalTo > wire;

/** Width of a part in unscaled pixels. */
function partWidth(d: DrawnOp, part: Part): number {
  switch (part.kind) {
    case "box": {
      const params = part.params.join(", ");
      const ports = part.ports.length
        ? Math.max(...part.ports.map((p) => textWidth(p.text, FONT.small))) + 6
        : 0;
      return Math.max(
        2 * HALF,
        Math.max(textWidth(part.name, FONT.gate), textWidth(params, FONT.param)) + 16 + 2 * ports,
      );
    }
    case "target":
    case "measure":
    case "reset":
      return 2 * HALF;
    case "clbit":
    case "condition": {
      const w = textWidth(part.text, FONT.small);
      return textBeside(d, part.wire) ? 2 * (w + 8) : w;
    }
    default:
      return 16;
  }
}

function opWidth(d: DrawnOp): number {
  const parts: Part[] = [...d.quantum, ...d.classical, ...(d.barrier ? [d.barrier] : [])];
  return Math.max(...parts.map((p) => partWidth(d, p)));
}

/** SVG of one operation centred on x; `y` maps a wire index to its height. */
function renderOp(d: DrawnOp, x: number, y: (w: number) => number): string[] {
  const out: string[] = [];
  const centerY = (p: Part) => {
    const [lo, hi] = partSpan(p);
    return (y(lo) + y(hi)) / 2;
  };
  const q = d.quantum;
  const lowest = q[q.length - 1];
  if (q.length > 1) out.push(line(x, centerY(q[0]!), x, centerY(lowest!), "link"));
  if (lowest && d.classicalTo !== undefined) {
    const y1 = centerY(lowest);
    const y2 = y(d.classicalTo) - (d.classical[d.classical.length - 1]!.kind === "clbit" ? 6 : 0);
    out.push(line(x - 1.6, y1, x - 1.6, y2, "clink"), line(x + 1.6, y1, x + 1.6, y2, "clink"));
  }
  for (const p of q) {
    if (p.kind === "box") {
      const w = partWidth(d, p);
      const top = y(p.lo) - HALF;
      const h = y(p.hi) - y(p.lo) + 2 * HALF;
      const mid = top + h / 2;
      out.push(rect(x - w / 2, top, w, h, `box ${p.family}`));
      if (p.params.length)
        out.push(text(x, mid - 1, "gate", p.name), text(x, mid + 11, "param", p.params.join(", ")));
      else out.push(text(x, mid + 4.5, "gate", p.name));
      for (const port of p.ports)
        out.push(
          port.control
            ? circle(x - w / 2 + 9, y(port.wire), 4, port.control === "open" ? "ctrl open" : "ctrl")
            : text(x - w / 2 + 5, y(port.wire) + 3.5, "small", port.text, "start"),
        );
      continue;
    }
    const cy = y(p.wire);
    switch (p.kind) {
      case "target":
        out.push(
          circle(x, cy, 12, "box pauli"),
          line(x - 7, cy, x + 7, cy, "plus"),
          line(x, cy - 7, x, cy + 7, "plus"),
        );
        break;
      case "control":
        out.push(circle(x, cy, 5, p.open ? "ctrl open" : "ctrl"));
        break;
      case "swap":
        out.push(line(x - 7, cy - 7, x + 7, cy + 7, "swap"), line(x - 7, cy + 7, x + 7, cy - 7, "swap"));
        break;
      case "measure":
        out.push(
          rect(x - HALF, cy - HALF, 2 * HALF, 2 * HALF, "box measure"),
          `<path d="M ${num(x - 10)} ${num(cy + 6)} A 11 11 0 0 1 ${num(x + 10)} ${num(cy + 6)}" class="meter"/>`,
          line(x, cy + 7, x + 7, cy - 8, "meter"),
        );
        break;
      case "reset":
        out.push(
          rect(x - HALF, cy - HALF, 2 * HALF, 2 * HALF, "box reset"),
          text(x, cy + 4.5, "gate", "|0⟩"),
        );
    }
  }
  for (const p of d.classical) {
    const cy = y(p.wire);
    out.push(
      p.kind === "clbit"
        ? `<path d="M ${num(x - 6)} ${num(cy - 8)} L ${num(x + 6)} ${num(cy - 8)} L ${num(x)} ${num(cy)} Z" class="arrow"/>`
        : circle(x, cy, 5, "cond"),
    );
    if (p.text) {
      const beside = textBeside(d, p.wire);
      out.push(text(beside ? x + 8 : x, cy + 17, "small muted", p.text, beside ? "start" : "middle"));
    }
  }
  const ws = d.barrier?.wires ?? [];
  for (let i = 0; i < ws.length;) {
    let j = i;
    while (j + 1 < ws.length && ws[j + 1] === ws[j]! + 1) j++;
    const y1 = y(ws[i]!) - PITCH / 2 + 2;
    const y2 = y(ws[j]!) + PITCH / 2 - 2;
    out.push(rect(x - 7, y1, 14, y2 - y1, "barrier", 0), line(x, y1, x, y2, "barrier-line"));
    i = j + 1;
  }
  return out;
}

/** A wire (double for classical registers, with a size mark) from x1 to x2, its label ending at x1 − 6. */
function renderWire(w: Wire, x1: number, x2: number, cy: number): string[] {
  const m = w.kind === "qubit" ? /^(.*)_(\d+)$/.exec(w.name) : null;
  const label = m ? `${escapeXml(m[1]!)}<tspan class="sub" dy="4">${m[2]}</tspan>` : escapeXml(w.name);
  const out = [`<text x="${num(x1 - 6)}" y="${num(cy + 5)}" class="label" text-anchor="end">${label}</text>`];
  if (w.kind === "qubit") out.push(line(x1, cy, x2, cy, "wire"));
  else
    out.push(
      line(x1, cy - 1.6, x2, cy - 1.6, "cwire"),
      line(x1, cy + 1.6, x2, cy + 1.6, "cwire"),
      line(x1 + 5, cy + 6, x1 + 11, cy - 6, "cwire"),
      text(x1 + 13, cy - 7, "small muted", String(w.size), "start"),
    );
  return out;
}

function labelWidth(w: Wire): number {
  const m = /^(.*)_(\d+)$/.exec(w.name);
  return w.kind === "qubit" && m
    ? textWidth(m[1]!, FONT.label) + textWidth(m[2]!, FONT.small)
    : textWidth(w.name, FONT.label);
}

/**
 * Draws a circuit as a standalone SVG document (no scripts, links or external fonts): gate boxes coloured by
 * family (Pauli, Clifford, rotations, multi-qubit), filled control dots (hollow for controls on |0⟩), ⊕
 * targets for controlled X, swap crosses, measurement boxes with a meter and a double line to the
 * classical wire, dashed bands for barriers, and parameters under the gate name. It uses the same layout
 * as {@link drawText}, and wraps into rows at `maxWidth`.
 *
 * @example
 * ```ts
 * const svg = drawSvg(new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0), { style: "dark", scale: 1.5 });
 * writeFileSync("bell.svg", svg);
 * ```
 */
export function drawSvg(circuit: Circuit, options: SvgDrawOptions = {}): string {
  const scale = options.scale ?? 1;
  const maxWidth = options.maxWidth ?? 1200;
  check(Number.isFinite(scale) && scale > 0, `scale must be a positive number, got ${scale}`);
  check(maxWidth > 0, `maxWidth must be positive, got ${maxWidth}`);
  const style = options.style ?? "light";
  check(style === "light" || style === "dark", `style must be "light" or "dark", got ${String(style)}`);
  const layout = layoutCircuit(circuit, options);
  const wires = layout.wires;
  const labelsW = Math.max(0, ...wires.map(labelWidth)) + 10;
  // Room after the labels for the slash and size mark of classical wires.
  const sizes = wires
    .filter((w) => w.kind === "clbits")
    .map((w) => textWidth(String(w.size), FONT.small) + 14);
  const gutter = PAD + labelsW + Math.max(0, ...sizes);
  const widths = layout.columns.map((ops) => Math.max(...ops.map(opWidth)));
  const blocks = wrapColumns(
    widths.map((w) => w + GAP),
    maxWidth / scale,
    { firstHead: gutter + GAP + PAD, head: MARK + gutter + GAP + PAD, tail: MARK },
  );
  if (blocks.length === 0) blocks.push([]);
  const rowHeight = TOP + Math.max(0, wires.length - 1) * PITCH + BOTTOM;
  const rows = blocks.map((cols, b) => {
    const mark = b > 0 ? MARK : 0;
    const body = Math.max(
      cols.reduce((s, i) => s + widths[i]! + GAP, GAP),
      3 * GAP,
    );
    return { cols, mark, end: mark + gutter + body, last: b === blocks.length - 1 };
  });
  const width = Math.max(...rows.map((r) => r.end + (r.last ? 0 : MARK) + PAD));
  const height = wires.length ? blocks.length * rowHeight + (blocks.length - 1) * ROW_GAP : 2 * PAD;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${num(width)} ${num(height)}" ` +
      `width="${num(width * scale)}" height="${num(height * scale)}">`,
    `<style>${stylesheet(style)}</style>`,
    rect(0, 0, width, height, "bg", 0),
  ];
  rows.forEach((row, b) => {
    const y = (w: number) => b * (rowHeight + ROW_GAP) + TOP + w * PITCH;
    out.push(`<g class="row">`);
    wires.forEach((w, i) => {
      out.push(...renderWire(w, row.mark + PAD + labelsW, row.end, y(i)));
      if (row.mark) out.push(text(PAD, y(i) + 5, "label muted", "«", "start"));
      if (!row.last) out.push(text(row.end + 2, y(i) + 5, "label muted", "»", "start"));
    });
    let x = row.mark + gutter + GAP;
    for (const i of row.cols) {
      for (const d of layout.columns[i]!) out.push(...renderOp(d, x + widths[i]! / 2, y));
      x += widths[i]! + GAP;
    }
    out.push(`</g>`);
  });
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
