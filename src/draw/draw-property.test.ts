import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Circuit, type ParamLike } from "../circuit/circuit.js";
import type { Condition } from "../circuit/operation.js";
import { GATE_IDS, gateSpec } from "../gates/lookup.js";
import { displayWidth } from "./display-width.js";
import { drawSvg } from "./draw-svg.js";
import { drawText } from "./draw-text.js";
import { layoutCircuit } from "./layout.js";
import { checkXml } from "./test-utils/check-xml.js";

const paramArb = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(Math.PI / 2, -Math.PI / 4, 2 * Math.PI),
  fc.constantFrom("theta", "x0", "2*phi - pi/2", "lambda_1/3"),
);

const opArb = fc.record({
  kind: fc.constantFrom("gate", "gate", "gate", "gate", "measure", "reset", "barrier"),
  gate: fc.constantFrom(...GATE_IDS),
  picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  params: fc.array(paramArb, { minLength: 4, maxLength: 4 }),
  controls: fc.nat(2),
  state: fc.nat(3),
  condition: fc.option(
    fc.record({ bits: fc.nat(), count: fc.integer({ min: 1, max: 3 }), value: fc.nat() }),
    { freq: 4 },
  ),
});

const circuitArb = fc.record({
  qubitSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  clbitSizes: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
  ops: fc.array(opArb, { maxLength: 25 }),
});

type CircuitSpec = typeof circuitArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds a valid circuit from random choices (qubits drawn without repetition from `picks`). */
function build({ qubitSizes, clbitSizes, ops }: CircuitSpec): Circuit {
  const n = qubitSizes.reduce((a, b) => a + b, 0);
  const m = clbitSizes.reduce((a, b) => a + b, 0);
  const names = ["q", "anc", "data"];
  let c = new Circuit(n, m, {
    qubitRegisters: qubitSizes.map((size, i) => ({ name: names[i]!, size })),
    clbitRegisters: clbitSizes.map((size, i) => ({ name: ["c", "flag"][i]!, size })),
  });
  for (const op of ops) {
    const order = Array.from({ length: n }, (_, i) => i);
    op.picks.forEach((p, i) => {
      const j = i % n;
      const k = p % n;
      [order[j], order[k]] = [order[k]!, order[j]!];
    });
    let condition: Condition | undefined;
    if (op.condition && m > 0) {
      const count = Math.min(op.condition.count, m);
      const bits = Array.from({ length: count }, (_, i) => (op.condition!.bits + i) % m);
      condition = { clbits: bits, value: op.condition.value % 2 ** count };
    }
    if (op.kind === "gate") {
      const spec = gateSpec(op.gate);
      if (spec.numQubits > n) continue;
      const controls = Math.min(op.controls, n - spec.numQubits);
      const qubits = order.slice(0, spec.numQubits + controls);
      c = c.gate(op.gate, qubits.slice(controls), op.params.slice(0, spec.numParams) as ParamLike[], {
        controls: qubits.slice(0, controls),
        controlState: qubits.slice(0, controls).map((_, i) => ((op.state >> i) & 1) as 0 | 1),
        ...(condition ? { condition } : {}),
      });
    } else if (op.kind === "measure" && m > 0) c = c.measure(order[0]!, op.picks[0]! % m, condition);
    else if (op.kind === "reset") c = c.reset(order[0]!, condition);
    else if (op.kind === "barrier") c = c.barrier(...order.slice(0, 1 + (op.picks[1]! % n)));
  }
  return c;
}

describe("drawings of random circuits", () => {
  it("drawText: never throws, blocks are rectangular, every qubit labelled, lines within maxWidth", () => {
    fc.assert(
      fc.property(
        circuitArb,
        fc.integer({ min: 60, max: 160 }),
        fc.record({ decimals: fc.integer({ min: 0, max: 5 }), foldBarriers: fc.boolean() }),
        (spec, maxWidth, options) => {
          const circuit = build(spec);
          const out = drawText(circuit, { maxWidth, ...options });
          const labels = layoutCircuit(circuit)
            .wires.filter((w) => w.kind === "qubit")
            .map((w) => `${w.name}: `);
          expect(labels).toHaveLength(circuit.numQubits);
          for (const block of out.split("\n\n")) {
            const lines = block.split("\n");
            expect(lines).toHaveLength(2 * (circuit.numQubits + spec.clbitSizes.length) + 1);
            expect(new Set(lines.map(displayWidth)).size).toBe(1);
            for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(maxWidth);
            for (const label of labels) expect(block).toContain(label);
          }
        },
      ),
      { seed: 20241121, numRuns: 300 },
    );
  });

  it("drawText with idle wires hidden keeps blocks rectangular", () => {
    fc.assert(
      fc.property(circuitArb, (spec) => {
        const out = drawText(build(spec), { showIdle: false, maxWidth: 80 });
        for (const block of out ? out.split("\n\n") : [])
          expect(new Set(block.split("\n").map(displayWidth)).size).toBe(1);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it("drawSvg: never throws and is well-formed XML", () => {
    fc.assert(
      fc.property(
        circuitArb,
        fc.constantFrom("light", "dark") as fc.Arbitrary<"light" | "dark">,
        (spec, style) => {
          expect(checkXml(drawSvg(build(spec), { style, maxWidth: 800 }))).toEqual([]);
        },
      ),
      { seed: 99, numRuns: 150 },
    );
  });
});
