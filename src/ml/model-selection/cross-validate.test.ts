import { describe, expect, it } from "vitest";
import { loadDataset } from "../../runtime/datasets-node.js";
import { LogisticRegression } from "../classical/logistic-regression.js";
import { RidgeRegression } from "../classical/ridge-regression.js";
import { kernelMatrix } from "../classical/svm-kernel.js";
import { SVC } from "../classical/svc.js";
import { Pipeline } from "../preprocessing/pipeline.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { crossValidate } from "./cross-validate.js";

describe("crossValidate", () => {
  const iris = loadDataset("iris");

  it("scores a fresh estimator per fold (default: its own score)", () => {
    let built = 0;
    const result = crossValidate(
      () => {
        built++;
        return new Pipeline([new StandardScaler(), new LogisticRegression()]);
      },
      iris.X,
      iris.y,
      { k: 5, seed: 0 },
    );
    expect(built).toBe(5);
    expect(result.scores).toHaveLength(5);
    expect(result.mean).toBeGreaterThan(0.9);
    const mean = result.scores.reduce((a, s) => a + s, 0) / 5;
    expect(result.mean).toBeCloseTo(mean, 15);
    expect(crossValidate(() => new LogisticRegression(), iris.X, iris.y, { k: 5, seed: 0 })).toEqual(
      crossValidate(() => new LogisticRegression(), iris.X, iris.y, { k: 5, seed: 0 }),
    );
  });

  it("supports named scorers, including roc_auc from decision values", () => {
    const bc = loadDataset("breast_cancer");
    const make = (): Pipeline => new Pipeline([new StandardScaler(), new SVC()]);
    const auc = crossValidate(make, bc.X, bc.y, { k: 3, seed: 1, scoring: "roc_auc" });
    expect(auc.mean).toBeGreaterThan(0.97);
    const f1 = crossValidate(make, bc.X, bc.y, { k: 3, seed: 1, scoring: "f1" });
    expect(f1.mean).toBeGreaterThan(0.9);
    const diabetes = loadDataset("diabetes");
    const neg = crossValidate(() => new RidgeRegression(), diabetes.X, diabetes.y, {
      k: 4,
      seed: 1,
      scoring: "neg_mean_squared_error",
    });
    expect(neg.mean).toBeLessThan(0);
  });

  it("cuts a precomputed kernel into train×train and test×train blocks", () => {
    const X = new StandardScaler().fitTransform(iris.X);
    const K = kernelMatrix(X, X, { gamma: 0.25 });
    const pre = crossValidate(() => new SVC({ kernel: "precomputed" }), K, iris.y, { k: 5, seed: 2 });
    const rbf = crossValidate(() => new SVC({ kernel: "rbf", gamma: 0.25 }), X, iris.y, { k: 5, seed: 2 });
    expect(pre.scores).toEqual(rbf.scores);
  });
});
