import { describe, expect, it } from "vitest";
import type { Circuit } from "../circuit/circuit.js";
import { EfficientSU2 } from "./efficient-su2.js";
import { RealAmplitudes } from "./real-amplitudes.js";
import { TwoLocal } from "./two-local.js";

/** "gate(qubits)[params]" per operation. */
function ops(c: Circuit): string[] {
  return c.operations.map((o) =>
    o.kind === "gate"
      ? `${o.gate}(${o.qubits.join(",")})${o.params.length ? `[${o.params.join(",")}]` : ""}`
      : o.kind,
  );
}

describe("RealAmplitudes", () => {
  it("has n·(reps + 1) weights (Qiskit's formula) for several sizes", () => {
    for (const n of [1, 2, 3, 5])
      for (const reps of [0, 1, 3]) {
        const a = new RealAmplitudes(n, { reps });
        expect(a.numWeights).toBe(n * (reps + 1));
        expect(a.weightNames).toEqual(a.circuit.parameters);
      }
    expect(new RealAmplitudes(4).numWeights).toBe(16); // Qiskit default reps = 3
  });

  it("is RY layer, then per rep reverse-linear CX ladder and RY layer", () => {
    const a = new RealAmplitudes(3, { reps: 1 });
    expect(ops(a.circuit)).toEqual([
      "ry(0)[w0]",
      "ry(1)[w1]",
      "ry(2)[w2]",
      "cx(1,2)",
      "cx(0,1)",
      "ry(0)[w3]",
      "ry(1)[w4]",
      "ry(2)[w5]",
    ]);
    const full = new RealAmplitudes(3, { reps: 1, entanglement: "full", skipFinalRotationLayer: true });
    expect(ops(full.circuit)).toEqual([
      "ry(0)[w0]",
      "ry(1)[w1]",
      "ry(2)[w2]",
      "cx(0,1)",
      "cx(0,2)",
      "cx(1,2)",
    ]);
  });
});

describe("EfficientSU2", () => {
  it("has 2·n·(reps + 1) weights with RY on all qubits then RZ on all per layer", () => {
    for (const n of [1, 2, 4])
      for (const reps of [0, 2, 3]) expect(new EfficientSU2(n, { reps }).numWeights).toBe(2 * n * (reps + 1));
    const a = new EfficientSU2(2, { reps: 1 });
    expect(ops(a.circuit)).toEqual([
      "ry(0)[w0]",
      "ry(1)[w1]",
      "rz(0)[w2]",
      "rz(1)[w3]",
      "cx(0,1)",
      "ry(0)[w4]",
      "ry(1)[w5]",
      "rz(0)[w6]",
      "rz(1)[w7]",
    ]);
    expect(new EfficientSU2(3, { su2Gates: ["rx", "u3"], reps: 1 }).numWeights).toBe(2 * 3 * (1 + 3));
  });
});

describe("TwoLocal", () => {
  it("takes parametric entanglers, circular entanglement, and the sca offset per rep", () => {
    const a = new TwoLocal(3, {
      rotationBlocks: "ry",
      entanglementBlocks: "crx",
      entanglement: "circular",
      reps: 1,
    });
    expect(ops(a.circuit)).toEqual([
      "ry(0)[w0]",
      "ry(1)[w1]",
      "ry(2)[w2]",
      "crx(2,0)[w3]",
      "crx(0,1)[w4]",
      "crx(1,2)[w5]",
      "ry(0)[w6]",
      "ry(1)[w7]",
      "ry(2)[w8]",
    ]);
    const sca = new TwoLocal(3, {
      rotationBlocks: "ry",
      entanglementBlocks: "cx",
      entanglement: "sca",
      reps: 2,
      skipFinalRotationLayer: true,
    });
    expect(ops(sca.circuit).filter((s) => s.startsWith("cx"))).toEqual([
      "cx(2,0)",
      "cx(0,1)",
      "cx(1,2)",
      "cx(2,1)",
      "cx(0,2)",
      "cx(1,0)",
    ]);
  });

  it("refuses unknown and wrong-size gates", () => {
    expect(() => new TwoLocal(2, { rotationBlocks: "cx", entanglementBlocks: "cx" })).toThrow(
      /single-qubit gates/,
    );
    expect(() => new TwoLocal(2, { rotationBlocks: "ry", entanglementBlocks: "h" })).toThrow(
      /act on 2 or more qubits/,
    );
    expect(() => new TwoLocal(2, { rotationBlocks: "qq", entanglementBlocks: "cx" })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_GATE" }),
    );
    expect(() => new TwoLocal(2, {} as never)).toThrow(/required/);
    expect(() => new RealAmplitudes(2, { reps: -1 })).toThrow(/reps must be an integer ≥ 0/);
  });
});
