import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { GATES } from "../gates/gate-table.js";
import { GATE_IDS } from "../gates/lookup.js";
import { distanceUpToPhase, maxAbsDiff } from "../math/complex-matrix.js";
import { Rng } from "../util/rng.js";
import { parseQasm } from "./parse-qasm.js";
import { circuitUnitary, circuitsEqual } from "./test-utils/circuit-compare.js";
import { arbitraryCircuit } from "./test-utils/random-circuit.js";
import { toQasm2, toQasm3 } from "./to-qasm.js";

describe("export → import is the identity", () => {
  it("for random OpenQASM 3 circuits (symbolic angles, modifiers, conditions, several registers)", () => {
    fc.assert(
      fc.property(arbitraryCircuit(3), (c) => {
        const text = toQasm3(c);
        const back = parseQasm(text);
        expect(circuitsEqual(back, c), text).toBeUndefined();
        expect(toQasm3(back)).toBe(text);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it("for random OpenQASM 2 circuits (constant angles, whole-register conditions)", () => {
    fc.assert(
      fc.property(arbitraryCircuit(2), (c) => {
        const text = toQasm2(c);
        const back = parseQasm(text);
        expect(circuitsEqual(back, c), text).toBeUndefined();
        expect(toQasm2(back)).toBe(text);
      }),
      { seed: 1, numRuns: 300 },
    );
  });
});

describe.each(GATE_IDS)("gate %s", (id) => {
  const spec = GATES[id];
  const rng = new Rng(id.length * 7919 + id.charCodeAt(0));
  const angles = Array.from({ length: spec.numParams }, () => rng.uniform(-2 * Math.PI, 2 * Math.PI));
  const qubits = Array.from({ length: spec.numQubits }, (_, i) => spec.numQubits - i); // reversed, leaving qubit 0 free
  const single = new Circuit(spec.numQubits + 1).gate(id, qubits, angles);

  it("round-trips through OpenQASM 2", () => {
    expect(circuitsEqual(parseQasm(toQasm2(single)), single)).toBeUndefined();
  });

  it("round-trips through OpenQASM 3, also under ctrl @ and negctrl @", () => {
    expect(circuitsEqual(parseQasm(toQasm3(single)), single)).toBeUndefined();
    const controlled = new Circuit(spec.numQubits + 1).gate(id, qubits, angles, {
      controls: [0],
      controlState: [0],
    });
    expect(circuitsEqual(parseQasm(toQasm3(controlled)), controlled)).toBeUndefined();
  });

  it("exports definitions that standard readers get right: exact in OpenQASM 3, up to phase in OpenQASM 2", () => {
    // Read back under another name, the definitions expand instead of mapping to the table gate. Under a control
    // the global phase of a definition is observable, so OpenQASM 3's must be exact (they end with a gphase).
    const expand = (text: string): Circuit => {
      let renamed = text;
      for (const [, name] of text.matchAll(/^gate (\w+)/gm))
        renamed = renamed.replace(new RegExp(`\\b${name}\\b`, "g"), `${name}_def`);
      return parseQasm(renamed);
    };
    const controlled = new Circuit(spec.numQubits + 1).gate(id, qubits, angles, { controls: [0] });
    expect(maxAbsDiff(circuitUnitary(expand(toQasm3(controlled))), circuitUnitary(controlled))).toBeLessThan(
      1e-9,
    );
    expect(distanceUpToPhase(circuitUnitary(expand(toQasm2(single))), circuitUnitary(single))).toBeLessThan(
      1e-9,
    );
  });
});
