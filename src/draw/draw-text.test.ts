import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { QforgeError } from "../util/errors.js";
import { displayWidth } from "./display-width.js";
import { drawText } from "./draw-text.js";

/** The line of wire `label` (e.g. "q_1"), label stripped. */
function wire(drawing: string, label: string): string {
  const line = drawing.split("\n").find((l) => l.trimStart().startsWith(`${label}: `));
  if (line === undefined) throw new Error(`no wire ${label} in\n${drawing}`);
  return line.slice(line.indexOf(": ") + 2);
}

describe("drawText", () => {
  it("draws the Bell circuit like Qiskit's text drawer", () => {
    expect(drawText(new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1))).toBe(
      [
        "      ┌───┐       ┌─┐     ",
        "q_0: ─┤ H ├───■───┤M├─────",
        "      └───┘ ┌─┴─┐ └╥┘ ┌─┐ ",
        "q_1: ───────┤ X ├──╫──┤M├─",
        "            └───┘  ║  └╥┘ ",
        "c: 2/══════════════╩═══╩══",
        "                   0   1  ",
      ].join("\n"),
    );
  });

  it("boxes one-qubit gates with their parameters", () => {
    const out = drawText(
      new Circuit(3)
        .ry("theta", 0)
        .rz(0.5, 1)
        .p(-Math.PI / 4, 2),
    );
    expect(wire(out, "q_0")).toContain("┤  Ry(θ)  ├");
    expect(wire(out, "q_1")).toContain("┤ Rz(0.5) ├");
    expect(wire(out, "q_2")).toContain("┤ P(-π/4) ├");
  });

  it("formats angles with the requested decimals", () => {
    expect(drawText(new Circuit(1).rx(1.23456, 0), { decimals: 2 })).toContain("Rx(1.23)");
  });

  it("draws controls as ■, negative controls as o, joined to the target", () => {
    const out = drawText(new Circuit(3).gate("x", [2], [], { controls: [0, 1], controlState: [0, 1] }));
    expect(wire(out, "q_0")).toContain("─o─");
    expect(wire(out, "q_1")).toContain("─■─");
    expect(wire(out, "q_2")).toContain("┤ X ├");
    expect(out).toContain("┌─┴─┐");
  });

  it("draws a vertical connector across the wires between control and target", () => {
    const out = drawText(new Circuit(3).cx(0, 2));
    expect(wire(out, "q_1")).toContain("─┼─");
  });

  it("draws swaps as linked crosses and resets as |0>", () => {
    const out = drawText(new Circuit(3).swap(0, 2).reset(1));
    expect(wire(out, "q_0")).toMatch(/─X─/);
    expect(wire(out, "q_1")).toMatch(/─┼─.*\|0>/);
    expect(wire(out, "q_2")).toMatch(/─X─/);
  });

  it("draws multi-qubit gates as one tall box, numbered when the qubits are apart", () => {
    const adjacent = drawText(new Circuit(2).rzz(0.5, 0, 1));
    expect(adjacent).toContain("│ Rzz(0.5) │");
    expect(adjacent).not.toMatch(/┤[01]/);
    const apart = drawText(new Circuit(3).rzz(0.5, 0, 2));
    expect(wire(apart, "q_0")).toContain("┤0");
    expect(wire(apart, "q_2")).toContain("┤1");
    expect(apart).toContain("Rzz(0.5)");
  });

  it("draws barriers as ░ and folds them away when asked", () => {
    const c = new Circuit(2).h(0).barrier().h(1);
    expect(
      drawText(c)
        .split("\n")
        .every((l) => l.includes("░")),
    ).toBe(true);
    const folded = drawText(c, { foldBarriers: true });
    expect(folded).not.toContain("░");
    expect(wire(folded, "q_1").indexOf("H")).toBeGreaterThan(wire(folded, "q_0").indexOf("H"));
  });

  it("shows classical conditions on the classical wire with the value below", () => {
    const out = drawText(
      new Circuit(2, 2).measure(0, 0).gate("x", [1], [], { condition: { clbits: [0, 1], value: 2 } }),
    );
    expect(wire(out, "c")).toMatch(/^2\/═*╩═*■═*$/);
    expect(out).toContain("=2");
    expect(out).toContain("└─╥─┘");
  });

  it("aligns and pads labels for 20+ qubits", () => {
    const out = drawText(new Circuit(22).h(21));
    const lines = out.split("\n");
    expect(lines[1]!.startsWith(" q_0: ─")).toBe(true);
    expect(lines[43]!.startsWith("q_21: ─")).toBe(true);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it("uses register names", () => {
    const c = new Circuit(3, 1, {
      qubitRegisters: [
        { name: "a", size: 1 },
        { name: "anc", size: 2 },
      ],
    }).cx(0, 2);
    const out = drawText(c);
    for (const label of ["  a_0: ", "anc_0: ", "anc_1: ", "  c: 1/"]) expect(out).toContain(label);
  });

  it("hides idle wires when showIdle is false", () => {
    const out = drawText(new Circuit(4, 2).h(1).cx(1, 3), { showIdle: false });
    expect(out).not.toContain("q_0");
    expect(out).not.toContain("q_2");
    expect(out).not.toContain("c: 2/");
    expect(out).toContain("q_3");
  });

  it("wraps long circuits into labelled blocks with » and «", () => {
    let c = new Circuit(2);
    for (let i = 0; i < 30; i++) c = c.rx(0.1 * i, 0).cx(0, 1);
    const out = drawText(c, { maxWidth: 60 });
    const blocks = out.split("\n\n");
    expect(blocks.length).toBeGreaterThan(3);
    for (const [b, block] of blocks.entries()) {
      const lines = block.split("\n");
      expect(lines).toHaveLength(5);
      expect(block).toContain("q_0: ");
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(60);
        expect(line.startsWith("«")).toBe(b > 0);
        expect(line.endsWith("»")).toBe(b < blocks.length - 1);
      }
    }
    expect(drawText(c, { maxWidth: Infinity }).split("\n\n")).toHaveLength(1);
  });

  it("gives a layer wider than maxWidth a block of its own", () => {
    const out = drawText(new Circuit(1).h(0).u3(1.111, 2.222, 3.333, 0).h(0), { maxWidth: 20 });
    expect(out.split("\n\n")).toHaveLength(3);
  });

  it("draws empty circuits", () => {
    expect(drawText(new Circuit(0))).toBe("");
    expect(drawText(new Circuit(1, 1))).toBe(
      ["     ", "q_0: ───", "     ", "c: 1/═══", "     "].map((l) => l.padEnd(8)).join("\n"),
    );
  });

  it("rejects a non-positive maxWidth", () => {
    expect(() => drawText(new Circuit(1), { maxWidth: 0 })).toThrow(QforgeError);
  });
});
