import { describe, expect, it } from "vitest";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { DataReuploadingLayers } from "./data-reuploading-layers.js";

describe("DataReuploadingLayers", () => {
  it("re-encodes the features every layer between trainable Rot layers and CZ entanglers", () => {
    const m = new DataReuploadingLayers(2, { layers: 3 });
    expect(m.numWeights).toBe(18);
    expect(m.inputNames).toEqual(["x0", "x1"]);
    expect(m.weightNames).toEqual(Array.from({ length: 18 }, (_, i) => `w${i}`));
    expect(m.circuit.countOps()).toEqual({ ry: 6 + 6, rz: 12, cz: 3 });
    expect(new Set(m.circuit.parameters)).toEqual(new Set([...m.inputNames, ...m.weightNames]));
  });

  it("wraps extra features around the qubits, alternating RY and RZ", () => {
    const m = new DataReuploadingLayers(2, { layers: 1, numFeatures: 3 });
    const enc = m.circuit.operations.filter(
      (o) => o.kind === "gate" && o.params.some((p) => p.names.some((n) => n.startsWith("x"))),
    );
    expect(enc.map((o) => (o.kind === "gate" ? `${o.gate}(${o.qubits[0]})` : ""))).toEqual([
      "ry(0)",
      "ry(1)",
      "rz(0)",
    ]);
    expect(m.encodeBatch([[1, 2, 3]])).toEqual(Float64Array.from([1, 2, 3]));
    expect(() => m.encode([1, 2])).toThrow("expected 3 features, got 2");
  });

  it("two uploads give frequency-2 terms in x that a single encoding cannot", () => {
    const sim = new StateVectorSimulator();
    const model = (layers: number) => {
      const m = new DataReuploadingLayers(1, { layers });
      const w = Object.fromEntries(m.weightNames.map((n, i) => [n, 0.3 + 0.2 * i]));
      return (x: number): number => sim.expectation(m.circuit, ["Z0"], { ...m.encode([x]), ...w })[0]![0]!;
    };
    // Any a + b·cos x + c·sin x satisfies f(t) + f(t + π) − f(t + π/2) − f(t + 3π/2) = 0; a cos 2x term breaks it.
    const residual = (f: (x: number) => number): number =>
      Math.max(
        ...[0, 0.5, 1, 1.5].map((t) =>
          Math.abs(f(t) + f(t + Math.PI) - f(t + Math.PI / 2) - f(t + 1.5 * Math.PI)),
        ),
      );
    expect(residual(model(1))).toBeLessThan(1e-12);
    expect(residual(model(2))).toBeGreaterThan(1e-3);
  });
});
