import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { LogisticRegression } from "../classical/logistic-regression.js";
import { MLPClassifier } from "../classical/mlp-classifier.js";
import { RidgeRegression } from "../classical/ridge-regression.js";
import { SVC } from "../classical/svc.js";
import type { Estimator, Transformer } from "../estimator.js";
import { deserializeModel, serializeModel } from "../serialization.js";
import { MinMaxScaler } from "./min-max-scaler.js";
import { PCA } from "./pca.js";
import { Pipeline } from "./pipeline.js";
import { StandardScaler } from "./standard-scaler.js";

// Two noisy blobs in 3-D.
const X: number[][] = [];
const y: number[] = [];
for (let i = 0; i < 40; i++) {
  const c = i % 2;
  const t = i / 40;
  X.push([c * 3 + Math.sin(7 * i), 10 * c + Math.cos(5 * i), 100 + t]);
  y.push(c);
}

describe("Pipeline", () => {
  it("fits each step on the previous step's output", () => {
    const pipe = new Pipeline([new StandardScaler(), new PCA(2), new LogisticRegression()]).fit(X, y);
    const s = new StandardScaler().fit(X);
    const p = new PCA(2).fit(s.transform(X));
    const lr = new LogisticRegression().fit(p.transform(s.transform(X)), y);
    expect(pipe.transform(X)).toEqual(p.transform(s.transform(X)));
    expect(pipe.predict(X)).toEqual(lr.predict(p.transform(s.transform(X))));
    expect(pipe.predictProba!(X)).toEqual(lr.predictProba(p.transform(s.transform(X))));
    expect(pipe.score(X, y)).toBe(lr.score(p.transform(s.transform(X)), y));
    expect(pipe.estimatorType).toBe("classifier");
  });

  it("offers predictProba and decisionFunction only when the final estimator has them", () => {
    const mlp = new Pipeline([
      new StandardScaler(),
      new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 5 }),
    ]);
    expect(typeof mlp.predictProba).toBe("function");
    expect(mlp.decisionFunction).toBeUndefined();
    const ridge = new Pipeline([new RidgeRegression()]);
    expect(ridge.predictProba).toBeUndefined();
    expect(ridge.estimatorType).toBe("regressor");
  });

  it("predicts identically after a save and reload, for every kind of step", () => {
    const pipes = [
      new Pipeline([new MinMaxScaler([0, Math.PI]), new PCA(2), new SVC({ probability: true })]),
      new Pipeline([new StandardScaler(), new LogisticRegression({ C: 0.5 })]),
      new Pipeline([
        new StandardScaler(),
        new MLPClassifier({ hiddenLayerSizes: [5, 3], activation: "tanh", maxIter: 30 }),
      ]),
    ];
    for (const pipe of pipes) {
      pipe.fit(X, y);
      const copy = deserializeModel(serializeModel(pipe)) as Pipeline;
      expect(copy).toBeInstanceOf(Pipeline);
      expect(copy.steps.map((s) => s.kind)).toEqual(pipe.steps.map((s) => s.kind));
      expect(copy.predict(X)).toEqual(pipe.predict(X));
      expect(copy.predictProba!(X)).toEqual(pipe.predictProba!(X));
      expect(serializeModel(copy)).toBe(serializeModel(pipe));
    }
  });

  it("rejects a last step that cannot predict, or a middle step that cannot transform", () => {
    expect(() => new Pipeline([new StandardScaler()] as unknown as [Estimator])).toThrow(QforgeError);
    expect(() => new Pipeline([new SVC() as unknown as Transformer, new SVC()])).toThrow(/transformer/);
  });
});
