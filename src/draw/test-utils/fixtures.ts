import { Circuit } from "../../circuit/circuit.js";

/** The Bell-state circuit with both qubits measured. */
export function bellCircuit(): Circuit {
  return new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1);
}

/**
 * Three qubits with every family the drawers know: one-qubit boxes with parameters, controlled gates,
 * Toffoli, swap, a multi-qubit box on non-adjacent qubits and one on adjacent qubits, reset, barrier, a
 * `negctrl` modifier, measurements and a classically conditioned gate.
 */
export function threeQubitCircuit(): Circuit {
  return new Circuit(3, 3)
    .h(0)
    .ry("theta", 1)
    .u3("pi/2", 0, "-pi/4", 2)
    .cx(0, 1)
    .crz(0.5, 1, 2)
    .ccx(0, 1, 2)
    .swap(0, 2)
    .rzz("phi", 0, 2)
    .ecr(1, 2)
    .reset(0)
    .barrier()
    .gate("x", [2], [], { controls: [0, 1], controlState: [0, 1] })
    .measure(0, 0)
    .ifThen({ clbits: [0], value: 1 }, (b) => b.x(2))
    .measure(1, 1)
    .measure(2, 2);
}

/** A 22-qubit GHZ state prepared by a CX ladder, then measured: readability with 20+ wires. */
export function ghzCircuit(n = 22): Circuit {
  let c = new Circuit(n, n).h(0);
  for (let i = 0; i + 1 < n; i++) c = c.cx(i, i + 1);
  return c.barrier().measureAll();
}

/** A layered ansatz long enough to wrap: RY·RZ on every qubit, a CZ ring, three times; then measured. */
export function longCircuit(): Circuit {
  const n = 4;
  let c = new Circuit(n, n);
  for (let layer = 0; layer < 3; layer++) {
    for (let q = 0; q < n; q++) c = c.ry(`theta_${layer * n + q}`, q).rz(`phi_${layer * n + q}`, q);
    for (let q = 0; q < n; q++) c = c.cz(q, (q + 1) % n);
    c = c.barrier();
  }
  return c.measureAll();
}

/** Two quantum and two classical registers, negative controls and a multi-register condition. */
export function registersCircuit(): Circuit {
  return new Circuit(5, 3, {
    qubitRegisters: [
      { name: "a", size: 2 },
      { name: "anc", size: 3 },
    ],
    clbitRegisters: [
      { name: "m", size: 2 },
      { name: "flag", size: 1 },
    ],
  })
    .h(0)
    .gate("rx", [3], [Math.PI / 3], { controls: [0, 2], controlState: [1, 0] })
    .measure(0, 0)
    .measure(3, 2)
    .gate("x", [4], [], { condition: { clbits: [0, 2], value: 3 } })
    .iswap(1, 4)
    .cswap(2, 1, 3);
}
