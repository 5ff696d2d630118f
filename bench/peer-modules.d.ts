// Minimal typings for the untyped npm peers used by bench/peers.ts.
declare module "quantum-circuit" {
  export default class QuantumCircuit {
    constructor(numQubits: number);
    addGate(
      name: string,
      column: number,
      wires: number | number[],
      options?: { params?: Record<string, number> },
    ): void;
    run(): void;
    probability(wire: number): number;
  }
}
declare module "jsqubits" {
  const Qubits: (bits: string) => unknown;
  export default Qubits;
}
