import fc from "fast-check";
import { Circuit } from "../../circuit/circuit.js";
import { GATES, type GateId } from "../../gates/gate-table.js";
import { GATE_IDS } from "../../gates/lookup.js";
import { Rng } from "../../util/rng.js";

/** Random unitary circuit over every table gate, with optional modifier controls (test helper). */
export function randomCircuit(
  rng: Rng,
  numQubits: number,
  numGates: number,
  options: { modifiers?: boolean; symbolic?: boolean } = {},
): Circuit {
  let c = new Circuit(numQubits);
  const ids = GATE_IDS.filter((id) => GATES[id].numQubits <= numQubits);
  for (let g = 0; g < numGates; g++) {
    const id: GateId = ids[rng.int(ids.length)]!;
    const spec = GATES[id];
    const extra =
      options.modifiers && spec.numQubits < numQubits && rng.next() < 0.2
        ? 1 + rng.int(Math.min(2, numQubits - spec.numQubits))
        : 0;
    const qubits = rng
      .shuffle(Array.from({ length: numQubits }, (_, i) => i))
      .slice(0, spec.numQubits + extra);
    const params = Array.from({ length: spec.numParams }, (_, j) =>
      options.symbolic && rng.next() < 0.5
        ? `${rng.uniform(-2, 2).toFixed(3)}*p${j} + ${rng.uniform(-3, 3).toFixed(3)}`
        : rng.uniform(-2 * Math.PI, 2 * Math.PI),
    );
    const controls = qubits.slice(spec.numQubits);
    c = c.gate(id, qubits.slice(0, spec.numQubits), params, {
      controls,
      controlState: controls.map(() => (rng.next() < 0.5 ? 0 : 1)),
    });
  }
  return c;
}

/** fast-check arbitrary: a seed for {@link randomCircuit}. */
export const circuitSeed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
