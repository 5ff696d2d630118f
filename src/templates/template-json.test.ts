import { describe, expect, it } from "vitest";
import {
  AmplitudeEmbedding,
  AngleEmbedding,
  BasicEntanglerLayers,
  DataReuploadingLayers,
  EfficientSU2,
  IQPEmbedding,
  PauliFeatureMap,
  QCNN,
  RealAmplitudes,
  StronglyEntanglingLayers,
  TwoLocal,
  ZFeatureMap,
  ZZFeatureMap,
  ansatzFromJSON,
  featureMapFromJSON,
  type Ansatz,
  type FeatureMap,
} from "./index.js";

const featureMaps: FeatureMap[] = [
  new AngleEmbedding(3, { rotation: "Y", numFeatures: 2 }),
  new ZFeatureMap(2, { reps: 3, bandwidth: 0.5 }),
  new ZZFeatureMap(3, {
    entanglement: [
      [0, 2],
      [1, 2],
    ],
    alpha: 1.5,
  }),
  new ZZFeatureMap(4, { entanglement: "circular" }),
  new PauliFeatureMap(3, { paulis: ["X", "yz", "ZZZ"], reps: 1, bandwidth: 0.3 }),
  new IQPEmbedding(3, { reps: 2, pattern: [[0, 2]] }),
  new AmplitudeEmbedding(2, { numFeatures: 3, padWith: 0.1, normalize: true }),
  new DataReuploadingLayers(2, { layers: 2, numFeatures: 3 }),
];

const ansatze: Ansatz[] = [
  new TwoLocal(3, {
    rotationBlocks: ["rx", "u3"],
    entanglementBlocks: ["cz", "rzz"],
    entanglement: "sca",
    reps: 2,
  }),
  new RealAmplitudes(4, { reps: 2, skipFinalRotationLayer: true }),
  new EfficientSU2(3, { su2Gates: "rx", entanglement: "pairwise" }),
  new StronglyEntanglingLayers(3, { layers: 2, ranges: [2, 1], imprimitive: "cz" }),
  new BasicEntanglerLayers(4, { layers: 2, rotation: "Z" }),
  new DataReuploadingLayers(3, { layers: 1 }),
  new QCNN(6, { numReadout: 2, shareWeights: true }),
];

describe("JSON round trip", () => {
  it("featureMapFromJSON(map.toJSON()) rebuilds the identical circuit and inputs, through JSON text", () => {
    for (const fm of featureMaps) {
      const back = featureMapFromJSON(JSON.parse(JSON.stringify(fm.toJSON())));
      expect(back.constructor).toBe(fm.constructor);
      expect(back.circuit.operations).toEqual(fm.circuit.operations);
      expect(back.inputNames).toEqual(fm.inputNames);
      expect(back.toJSON()).toEqual(fm.toJSON());
    }
  });

  it("ansatzFromJSON(ansatz.toJSON()) rebuilds the identical circuit and weights", () => {
    for (const a of ansatze) {
      const back = ansatzFromJSON(JSON.parse(JSON.stringify(a.toJSON())));
      expect(back.constructor).toBe(a.constructor);
      expect(back.circuit.operations).toEqual(a.circuit.operations);
      expect(back.weightNames).toEqual(a.weightNames);
      expect(back.toJSON()).toEqual(a.toJSON());
    }
  });

  it("saves resolved defaults", () => {
    expect(new ZZFeatureMap(2).toJSON()).toEqual({
      type: "ZZFeatureMap",
      numQubits: 2,
      options: { reps: 2, entanglement: "full", alpha: 2, bandwidth: 1 },
    });
    expect(new RealAmplitudes(3).toJSON()).toEqual({
      type: "RealAmplitudes",
      numQubits: 3,
      options: { reps: 3, entanglement: "reverse_linear", skipFinalRotationLayer: false },
    });
  });

  it("refuses unknown types and bad options with INVALID_MODEL_FILE", () => {
    const bad = expect.objectContaining({ code: "INVALID_MODEL_FILE" });
    expect(() => featureMapFromJSON({ type: "Nope", numQubits: 2, options: {} })).toThrow(
      /unknown type "Nope"/,
    );
    expect(() => featureMapFromJSON(null)).toThrow(bad);
    expect(() => featureMapFromJSON({ type: "ZZFeatureMap", numQubits: 2, options: { reps: "2" } })).toThrow(
      /reps must be an integer/,
    );
    expect(() => featureMapFromJSON({ type: "ZZFeatureMap", numQubits: 2, options: { reps: "2" } })).toThrow(
      bad,
    );
    expect(() => ansatzFromJSON({ type: "ZZFeatureMap", numQubits: 2, options: {} })).toThrow(/unknown type/);
    expect(() => ansatzFromJSON({ type: "QCNN", numQubits: "4", options: {} })).toThrow(/numQubits/);
    expect(() => ansatzFromJSON({ type: "RealAmplitudes", numQubits: 2, options: [] })).toThrow(
      /must be an object/,
    );
  });
});
