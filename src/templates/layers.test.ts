import { describe, expect, it } from "vitest";
import type { Circuit } from "../circuit/circuit.js";
import { BasicEntanglerLayers } from "./basic-entangler-layers.js";
import { StronglyEntanglingLayers } from "./strongly-entangling-layers.js";

function ops(c: Circuit): string[] {
  return c.operations.map((o) =>
    o.kind === "gate"
      ? `${o.gate}(${o.qubits.join(",")})${o.params.length ? `[${o.params.join(",")}]` : ""}`
      : o.kind,
  );
}

describe("StronglyEntanglingLayers", () => {
  it("has 3·n·L weights (PennyLane's (L, n, 3) shape) and ranges (l mod (n−1)) + 1", () => {
    for (const n of [1, 2, 3, 5])
      for (const layers of [1, 2, 4])
        expect(new StronglyEntanglingLayers(n, { layers }).numWeights).toBe(3 * n * layers);
    expect(new StronglyEntanglingLayers(4, { layers: 5 }).ranges).toEqual([1, 2, 3, 1, 2]);
    expect(new StronglyEntanglingLayers(1, { layers: 2 }).circuit.countOps()).toEqual({ rz: 4, ry: 2 });
  });

  it("is Rot = RZ(φ)·RY(θ)·RZ(ω) per qubit (φ first), then CNOT(i, i+r mod n)", () => {
    const a = new StronglyEntanglingLayers(3, { layers: 2 });
    expect(ops(a.circuit)).toEqual([
      "rz(0)[w0]",
      "ry(0)[w1]",
      "rz(0)[w2]",
      "rz(1)[w3]",
      "ry(1)[w4]",
      "rz(1)[w5]",
      "rz(2)[w6]",
      "ry(2)[w7]",
      "rz(2)[w8]",
      "cx(0,1)",
      "cx(1,2)",
      "cx(2,0)",
      "rz(0)[w9]",
      "ry(0)[w10]",
      "rz(0)[w11]",
      "rz(1)[w12]",
      "ry(1)[w13]",
      "rz(1)[w14]",
      "rz(2)[w15]",
      "ry(2)[w16]",
      "rz(2)[w17]",
      "cx(0,2)",
      "cx(1,0)",
      "cx(2,1)",
    ]);
    expect(a.weightNames).toEqual(a.circuit.parameters);
  });

  it("takes custom ranges and imprimitives, refusing bad ones", () => {
    const a = new StronglyEntanglingLayers(4, { layers: 1, ranges: [3], imprimitive: "cz" });
    expect(ops(a.circuit).filter((s) => s.startsWith("cz"))).toEqual([
      "cz(0,3)",
      "cz(1,0)",
      "cz(2,1)",
      "cz(3,2)",
    ]);
    expect(() => new StronglyEntanglingLayers(3, { layers: 1, ranges: [3] })).toThrow(/0 < r < 3/);
    expect(() => new StronglyEntanglingLayers(3, { layers: 2, ranges: [1] })).toThrow(/one range per layer/);
    expect(() => new StronglyEntanglingLayers(3, { imprimitive: "crx" })).toThrow(/without parameters/);
  });
});

describe("BasicEntanglerLayers", () => {
  it("is one rotation per qubit then a CNOT ring (a single CNOT for 2 qubits)", () => {
    expect(ops(new BasicEntanglerLayers(3).circuit)).toEqual([
      "rx(0)[w0]",
      "rx(1)[w1]",
      "rx(2)[w2]",
      "cx(0,1)",
      "cx(1,2)",
      "cx(2,0)",
    ]);
    expect(ops(new BasicEntanglerLayers(2, { rotation: "Z" }).circuit)).toEqual([
      "rz(0)[w0]",
      "rz(1)[w1]",
      "cx(0,1)",
    ]);
    expect(new BasicEntanglerLayers(1, { layers: 3 }).circuit.countOps()).toEqual({ rx: 3 });
    expect(new BasicEntanglerLayers(5, { layers: 3 }).numWeights).toBe(15);
  });
});
