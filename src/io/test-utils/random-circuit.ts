import fc from "fast-check";
import { Circuit } from "../../circuit/circuit.js";
import type { Condition } from "../../circuit/operation.js";
import { ParamExpr } from "../../circuit/param-expr.js";
import { GATES } from "../../gates/gate-table.js";
import { GATE_IDS } from "../../gates/lookup.js";

const QREG_NAMES = ["q", "anc", "data"];
const CREG_NAMES = ["c", "meas", "syn"];
const PARAM_NAMES = ["theta", "phi_1", "x0", "w"];

const constantAngle = fc
  .oneof(
    { arbitrary: fc.double({ min: -10, max: 10, noNaN: true }), weight: 4 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    { arbitrary: fc.constantFrom(0, Math.PI, -Math.PI / 2, 1e-300, 5e-324), weight: 1 },
  )
  .map((x) => ParamExpr.constant(x));

const symbolicAngle = fc
  .record({
    terms: fc.array(fc.tuple(fc.constantFrom(...PARAM_NAMES), fc.double({ min: -5, max: 5, noNaN: true })), {
      minLength: 1,
      maxLength: 2,
    }),
    offset: fc.oneof(fc.constant(0), fc.double({ min: -5, max: 5, noNaN: true })),
  })
  .map(({ terms, offset }) =>
    terms.reduce((e, [n, k]) => e.add(ParamExpr.symbol(n, k)), ParamExpr.constant(offset)),
  );

const opSpec = (version: 2 | 3) =>
  fc.record({
    kind: fc.constantFrom("gate", "gate", "gate", "gate", "gate", "measure", "reset", "barrier"),
    gate: fc.constantFrom(...GATE_IDS),
    perm: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    params: fc.array(version === 3 ? fc.oneof(constantAngle, symbolicAngle) : constantAngle, {
      minLength: 4,
      maxLength: 4,
    }),
    controls: fc.nat({ max: version === 3 ? 3 : 0 }),
    states: fc.array(fc.constantFrom<0 | 1>(0, 1), { minLength: 3, maxLength: 3 }),
    cond: fc.option(
      fc.record({
        reg: fc.nat(),
        whole: fc.boolean(),
        bits: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        value: fc.nat(),
      }),
      { freq: 3 },
    ),
  });

/**
 * Random circuits for export/import round trips: several named registers, every table gate with random
 * angles, measurements, resets, barriers and conditions; for OpenQASM 3 also symbolic angles, modifier
 * controls (positive and negative) and conditions on single bits.
 */
export function arbitraryCircuit(version: 2 | 3): fc.Arbitrary<Circuit> {
  return fc
    .record({
      qregs: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      cregs: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
      ops: fc.array(opSpec(version), { maxLength: 20 }),
    })
    .map(({ qregs, cregs, ops }) => {
      const nq = qregs.reduce((a, b) => a + b, 0);
      const nc = cregs.reduce((a, b) => a + b, 0);
      let c = new Circuit(nq, nc, {
        qubitRegisters: qregs.map((size, i) => ({ name: QREG_NAMES[i]!, size })),
        clbitRegisters: cregs.map((size, i) => ({ name: CREG_NAMES[i]!, size })),
      });
      for (const spec of ops) {
        const order = Array.from({ length: nq }, (_, i) => i);
        for (let i = nq - 1; i > 0; i--) {
          const j = spec.perm[i % spec.perm.length]! % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        let condition: Condition | undefined;
        if (nc > 0 && spec.cond) {
          const { reg, whole, bits, value } = spec.cond;
          if (version === 2 || whole) {
            const r = reg % cregs.length;
            const start = cregs.slice(0, r).reduce((a, b) => a + b, 0);
            const size = cregs[r]!;
            condition = {
              clbits: Array.from({ length: size }, (_, i) => start + i),
              value: value % 2 ** size,
            };
          } else {
            const clbits = [...new Set(bits.map((b) => b % nc))];
            condition = { clbits, value: value % 2 ** clbits.length };
          }
        }
        const cond = condition ? { condition } : {};
        switch (spec.kind) {
          case "gate": {
            const g = GATES[spec.gate];
            if (g.numQubits > nq) break;
            const k = Math.min(spec.controls, nq - g.numQubits);
            c = c.gate(spec.gate, order.slice(k, k + g.numQubits), spec.params.slice(0, g.numParams), {
              controls: order.slice(0, k),
              controlState: spec.states.slice(0, k),
              ...cond,
            });
            break;
          }
          case "measure":
            if (nc > 0) c = c.measure(order[0]!, spec.perm[0]! % nc, condition);
            break;
          case "reset":
            c = c.reset(order[0]!, condition);
            break;
          case "barrier":
            c = c.barrier(...order.slice(0, 1 + (spec.perm[1]! % nq)));
        }
      }
      return c;
    });
}
