import { Circuit } from "../../circuit/circuit.js";
import { GATES } from "../../gates/gate-table.js";
import { GATE_IDS } from "../../gates/lookup.js";
import type { Rng } from "../../util/rng.js";

export const PARAM_GATES = GATE_IDS.filter((id) => GATES[id].numParams > 0);

/** Random circuit using every parameterised gate type, with shared parameters, affine angles and modifier controls. */
export function randomParamCircuit(rng: Rng, n: number, numGates: number, numParams: number): Circuit {
  let c = new Circuit(n).h(0);
  const names = Array.from({ length: numParams }, (_, i) => `w${i}`);
  for (let g = 0; g < numGates; g++) {
    const id = PARAM_GATES[g % PARAM_GATES.length]!;
    const spec = GATES[id];
    if (spec.numQubits > n) continue;
    const qubits = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const params = Array.from({ length: spec.numParams }, () => {
      const a = names[rng.int(numParams)]!;
      const r = rng.next();
      return r < 0.6
        ? a
        : r < 0.8
          ? `${rng.uniform(-2, 2).toFixed(3)}*${a} + ${names[rng.int(numParams)]} - 0.3`
          : rng.uniform(-3, 3);
    });
    const extra = n - spec.numQubits >= 1 && rng.next() < 0.15 ? 1 : 0;
    c = c.gate(id, qubits.slice(0, spec.numQubits), params, {
      controls: qubits.slice(spec.numQubits, spec.numQubits + extra),
      controlState: extra ? [rng.next() < 0.5 ? 0 : 1] : [],
    });
    if (rng.next() < 0.3) c = c.cx(qubits[0]!, qubits[1 % n]!);
  }
  return c;
}
