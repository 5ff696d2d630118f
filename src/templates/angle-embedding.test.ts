import { describe, expect, it } from "vitest";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { AngleEmbedding } from "./angle-embedding.js";
import { complexVector, maxAbsDiffState } from "./test-utils/complex-state.js";

const sim = new StateVectorSimulator();

describe("AngleEmbedding", () => {
  it("RX(x_i) on qubit i gives ⊗(cos(x/2)|0⟩ − i·sin(x/2)|1⟩)", () => {
    const x = [0.4, -1.3];
    const fm = new AngleEmbedding(2);
    const q = x.map(
      (v) =>
        [
          [Math.cos(v / 2), 0],
          [0, -Math.sin(v / 2)],
        ] as const,
    );
    const expected = complexVector([0, 1, 2, 3].map((k) => cmul(q[0]![k & 1]!, q[1]![k >> 1]!)));
    expect(maxAbsDiffState(sim.statevector(fm.circuit, fm.encode(x)), expected)).toBeLessThan(1e-12);
  });

  it("uses the chosen axis only (no Hadamard), and leaves spare qubits alone", () => {
    expect(new AngleEmbedding(3, { rotation: "Y" }).circuit.countOps()).toEqual({ ry: 3 });
    const z = new AngleEmbedding(3, { rotation: "Z", numFeatures: 2 });
    expect(z.circuit.countOps()).toEqual({ rz: 2 });
    expect(z.inputNames).toEqual(["x0", "x1"]);
    expect(
      z.encodeBatch([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual(Float64Array.from([1, 2, 3, 4]));
  });

  it("refuses more features than qubits, and bad rows", () => {
    expect(() => new AngleEmbedding(2, { numFeatures: 3 })).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringMatching(/3 features need at least 3 qubits, got 2/),
      }),
    );
    expect(() => new AngleEmbedding(2, { rotation: "W" as never })).toThrow(/rotation must be one of/);
    const fm = new AngleEmbedding(4);
    expect(() => fm.encode([1, 2, 3])).toThrow("expected 4 features, got 3");
    expect(() => fm.encode([1, 2, 3, "4" as never])).toThrow(
      expect.objectContaining({ code: "INVALID_DATA" }),
    );
  });
});

function cmul(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}
