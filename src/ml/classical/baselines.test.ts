import { describe, expect, it } from "vitest";
import { loadDataset } from "../../runtime/datasets-node.js";
import type { Estimator } from "../estimator.js";
import { rocAuc } from "../metrics/roc-auc.js";
import { trainTestSplit } from "../model-selection/train-test-split.js";
import { Pipeline } from "../preprocessing/pipeline.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { LogisticRegression } from "./logistic-regression.js";
import { MLPClassifier } from "./mlp-classifier.js";
import { RidgeRegression } from "./ridge-regression.js";
import { SVC } from "./svc.js";

// Classical reference numbers on the bundled datasets: seeded 70/30 splits (stratified for classification),
// StandardScaler fitted on the training part only.
const SEED = 42;

function evaluate(name: "breast_cancer" | "iris" | "diabetes", model: Estimator, seed = SEED): number {
  const data = loadDataset(name);
  const [Xtr, Xte, ytr, yte] = trainTestSplit(data.X, data.y, {
    testSize: 0.3,
    stratify: name !== "diabetes",
    seed,
  });
  const pipe = new Pipeline([new StandardScaler(), model]).fit(Xtr, ytr);
  return pipe.score(Xte, yte);
}

describe("classical baselines on bundled datasets", () => {
  it("breast_cancer: StandardScaler → RBF SVC, test accuracy ≥ 0.95", () => {
    const acc = evaluate("breast_cancer", new SVC({ kernel: "rbf" }));
    console.log(`breast_cancer SVC(rbf) test accuracy = ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.95);
  });

  it("breast_cancer: StandardScaler → LogisticRegression, test accuracy ≥ 0.95", () => {
    const acc = evaluate("breast_cancer", new LogisticRegression());
    console.log(`breast_cancer LogisticRegression test accuracy = ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.95);
  });

  it("breast_cancer: StandardScaler → MLPClassifier, test accuracy ≥ 0.93", () => {
    const acc = evaluate("breast_cancer", new MLPClassifier({ hiddenLayerSizes: [32], seed: 0 }));
    console.log(`breast_cancer MLPClassifier([32]) test accuracy = ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.93);
  });

  it("breast_cancer: SVC decision values give ROC AUC ≥ 0.98", () => {
    const data = loadDataset("breast_cancer");
    const [Xtr, Xte, ytr, yte] = trainTestSplit(data.X, data.y, {
      testSize: 0.3,
      stratify: true,
      seed: SEED,
    });
    const pipe = new Pipeline([new StandardScaler(), new SVC()]).fit(Xtr, ytr);
    const auc = rocAuc(yte, pipe.decisionFunction!(Xte) as number[]);
    console.log(`breast_cancer SVC(rbf) test ROC AUC = ${auc.toFixed(4)}`);
    expect(auc).toBeGreaterThanOrEqual(0.98);
  });

  it("breast_cancer: SVC and LogisticRegression stay ≥ 0.93 over five other split seeds", () => {
    const accs = [0, 1, 2, 3, 4].flatMap((seed) => [
      evaluate("breast_cancer", new SVC(), seed),
      evaluate("breast_cancer", new LogisticRegression(), seed),
    ]);
    console.log(
      `breast_cancer SVC/LR accuracies over seeds 0–4: ${accs.map((a) => a.toFixed(3)).join(", ")}`,
    );
    expect(Math.min(...accs)).toBeGreaterThanOrEqual(0.93);
  });

  it("iris: StandardScaler → LogisticRegression, test accuracy ≥ 0.9", () => {
    const acc = evaluate("iris", new LogisticRegression());
    console.log(`iris LogisticRegression test accuracy = ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.9);
  });

  it("diabetes: StandardScaler → RidgeRegression, test R² ≥ 0.35", () => {
    const score = evaluate("diabetes", new RidgeRegression());
    console.log(`diabetes RidgeRegression test R² = ${score.toFixed(4)}`);
    expect(score).toBeGreaterThanOrEqual(0.35);
  });
});
