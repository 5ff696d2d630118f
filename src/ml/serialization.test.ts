import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import * as ml from "./index.js";
import {
  deserializeModel,
  makeModelJson,
  modelFromJSON,
  registeredModelKinds,
  serializeModel,
} from "./serialization.js";

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(QforgeError);
    expect((e as QforgeError).code).toBe("INVALID_MODEL_FILE");
    return (e as QforgeError).message;
  }
  throw new Error("expected INVALID_MODEL_FILE");
}

describe("model envelope", () => {
  const X = [
    [0, 1],
    [1, 0],
    [2, 3],
    [3, 1],
    [4, 4],
    [5, 2],
  ];
  const y = [0, 0, 0, 1, 1, 1];

  it("registers every built-in model kind", () => {
    expect(registeredModelKinds()).toEqual(
      [
        "LogisticRegression",
        "MLPClassifier",
        "MLPRegressor",
        "MinMaxScaler",
        "PCA",
        "Pipeline",
        "QSVC",
        "QSVR",
        "VQC",
        "VQR",
        "RidgeRegression",
        "SVC",
        "SVR",
        "StandardScaler",
      ].sort(),
    );
  });

  it("round-trips fitted and unfitted models of every kind to identical text", () => {
    const models = [
      new ml.StandardScaler().fit(X),
      new ml.MinMaxScaler([-1, 1]).fit(X),
      new ml.PCA(1).fit(X),
      new ml.LogisticRegression({ C: 2 }).fit(X, y),
      new ml.RidgeRegression({ alpha: 0.5 }).fit(X, y),
      new ml.SVC({ kernel: "linear" }).fit(X, y),
      new ml.SVR({ kernel: "poly", degree: 2 }).fit(X, y),
      new ml.MLPClassifier({ hiddenLayerSizes: [3], maxIter: 3 }).fit(X, y),
      new ml.MLPRegressor({ hiddenLayerSizes: [3, 2], maxIter: 3 }).fit(X, y),
      new ml.SVC(),
    ];
    for (const model of models) {
      const text = serializeModel(model);
      const json = JSON.parse(text);
      expect(json.format).toBe("qforge-model");
      expect(json.version).toBe(1);
      expect(json.kind).toBe(model.kind);
      expect(serializeModel(deserializeModel(text))).toBe(text);
    }
  });

  it("says what is wrong with a bad file", () => {
    const good = new ml.StandardScaler().fit(X).toJSON();
    expect(messageOf(() => deserializeModel("{not json"))).toMatch(/not valid JSON/);
    expect(messageOf(() => modelFromJSON([1, 2]))).toMatch(/not a qforge model/);
    expect(messageOf(() => modelFromJSON({ ...good, format: "pickle" }))).toMatch(
      /format is "pickle", expected "qforge-model"/,
    );
    expect(messageOf(() => modelFromJSON({ ...good, version: 2 }))).toMatch(/version 2 is not supported/);
    expect(messageOf(() => modelFromJSON({ ...good, kind: "QuantumMagic" }))).toMatch(
      /unknown model kind "QuantumMagic"; known kinds: .*StandardScaler/,
    );
    expect(messageOf(() => modelFromJSON({ ...good, state: { mean: [0, "x"], scale: [1, 1] } }))).toMatch(
      /StandardScaler model file is damaged: state\.mean\[1\]/,
    );
    expect(messageOf(() => modelFromJSON({ ...good, state: { mean: [0], scale: [1, 1] } }))).toMatch(
      /lengths differ/,
    );
    expect(messageOf(() => ml.PCA.fromJSON(good))).toMatch(
      /expected a model of kind "PCA", found "StandardScaler"/,
    );
    const svc = new ml.SVC().fit(X, y).toJSON() as { state: { coef: number[][] } };
    svc.state.coef[0]!.pop();
    expect(messageOf(() => modelFromJSON(svc))).toMatch(/SVC model file is damaged/);
    expect(messageOf(() => modelFromJSON(makeModelJson("Pipeline", { steps: [good] }, null)))).toMatch(
      /last step \(StandardScaler\) is not an estimator/,
    );
  });
});
