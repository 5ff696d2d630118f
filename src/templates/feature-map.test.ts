import { describe, expect, it } from "vitest";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import {
  AmplitudeEmbedding,
  AngleEmbedding,
  DataReuploadingLayers,
  IQPEmbedding,
  PauliFeatureMap,
  ZFeatureMap,
  ZZFeatureMap,
  type FeatureMap,
} from "./index.js";
import { checkFeatureRow } from "./feature-map.js";
import { maxAbsDiffState } from "./test-utils/complex-state.js";

const maps: FeatureMap[] = [
  new AngleEmbedding(3),
  new ZFeatureMap(3),
  new ZZFeatureMap(3, { entanglement: "circular" }),
  new PauliFeatureMap(3, { paulis: ["Y", "XX", "ZZZ"] }),
  new IQPEmbedding(3),
  new AmplitudeEmbedding(3, { numFeatures: 6, padWith: 0, normalize: true }),
];

const X = [
  [0.1, -0.5, 0.9, 0.3, 0.2, -0.7],
  [1.2, 0.4, -0.3, 0, 0.5, 0.6],
  [-2, 0.8, 0.05, 0.7, -0.1, 0.2],
];

describe("FeatureMap contract", () => {
  it("encodeBatch rows equal encode() in inputNames order, and bind the circuit directly", () => {
    const sim = new StateVectorSimulator();
    for (const fm of maps) {
      const rows = X.map((r) => r.slice(0, fm.numFeatures));
      const batch = fm.encodeBatch(rows);
      const P = fm.inputNames.length;
      expect(batch.length).toBe(rows.length * P);
      rows.forEach((r, b) => {
        const rec = fm.encode(r);
        expect(Object.keys(rec)).toEqual([...fm.inputNames]);
        fm.inputNames.forEach((name, j) => expect(batch[b * P + j]).toBe(rec[name]));
      });
      // Columns follow circuit.parameters, so the matrix is a valid bindings argument as it is.
      expect(fm.inputNames).toEqual(fm.circuit.parameters);
      const states = sim.statevectors(fm.circuit, batch);
      rows.forEach((r, b) =>
        expect(maxAbsDiffState(states[b]!, sim.statevector(fm.circuit, fm.encode(r)))).toBe(0),
      );
    }
  });

  it("a map that is also an ansatz owns only its feature inputs", () => {
    const m = new DataReuploadingLayers(2);
    expect(m.inputNames).toEqual(["x0", "x1"]);
    expect(
      m.encodeBatch([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual(Float64Array.from([1, 2, 3, 4]));
  });

  it("checkFeatureRow names the problem", () => {
    expect(() => checkFeatureRow([1, 2, 3], 4, "")).toThrow(
      expect.objectContaining({ code: "INVALID_DATA", message: "expected 4 features, got 3" }),
    );
    expect(() => checkFeatureRow([1, NaN], 2, "row 7: ")).toThrow(
      expect.objectContaining({
        code: "NON_FINITE",
        message: "row 7: feature 1 is NaN; features must be finite numbers",
      }),
    );
    expect(() => checkFeatureRow(null as never, 2, "")).toThrow(
      expect.objectContaining({ code: "INVALID_DATA" }),
    );
    expect(() => new ZZFeatureMap(2).encodeBatch("ab" as never)).toThrow(/array of feature rows/);
    expect(() => checkFeatureRow(Float64Array.from([1, 2]), 2, "")).not.toThrow();
  });
});
