import { describe, expect, it } from "vitest";
import { loadDataset } from "../../runtime/datasets-node.js";
import { trainTestSplit } from "../model-selection/train-test-split.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { PCA } from "../preprocessing/pca.js";
import { MinMaxScaler } from "../preprocessing/min-max-scaler.js";
import { Pipeline } from "../preprocessing/pipeline.js";
import { SVC } from "../classical/svc.js";
import { LogisticRegression } from "../classical/logistic-regression.js";
import { RidgeRegression } from "../classical/ridge-regression.js";
import { AngleEmbedding } from "../../templates/angle-embedding.js";
import { ZZFeatureMap } from "../../templates/zz-feature-map.js";
import { RealAmplitudes } from "../../templates/real-amplitudes.js";
import { QCNN } from "../../templates/qcnn.js";
import { modelFromJSON } from "../serialization.js";
import { FidelityQuantumKernel } from "./quantum-kernel.js";
import { QSVC } from "./qsvm.js";
import { VQC } from "./vqc.js";
import { VQR } from "./vqr.js";

// The acceptance numbers on real data, with classical baselines on the same split for honesty.
const split = (name: "breast_cancer" | "iris" | "diabetes", stratify = true) => {
  const { X, y } = loadDataset(name);
  return trainTestSplit(X, y, { testSize: 0.3, stratify, seed: 0 });
};

describe("breast cancer (30 features, stratified 70/30)", () => {
  const [Xtr, Xte, ytr, yte] = split("breast_cancer");
  const qsvc = () =>
    new Pipeline([
      new StandardScaler(),
      new PCA(10),
      new MinMaxScaler([0, Math.PI]),
      new QSVC({
        kernel: new FidelityQuantumKernel(
          new ZZFeatureMap(10, { reps: 2, entanglement: "linear", bandwidth: 0.15 }),
        ),
        C: 1,
      }),
    ]);
  const vqc = () =>
    new Pipeline([
      new StandardScaler(),
      new PCA(4),
      new MinMaxScaler([0, Math.PI]),
      new VQC({
        featureMap: new AngleEmbedding(4, { rotation: "Y" }),
        ansatz: new RealAmplitudes(4, { reps: 3 }),
        maxIterations: 100,
        seed: 0,
      }),
    ]);

  it("QSVC (recommended: PCA 10, ZZ reps 2 linear, bandwidth 0.15) ≥ 0.93; baselines beside it", () => {
    const q = qsvc().fit(Xtr, ytr).score(Xte, yte);
    const rbf = new Pipeline([new StandardScaler(), new SVC({ C: 1 })]).fit(Xtr, ytr).score(Xte, yte);
    const lr = new Pipeline([new StandardScaler(), new LogisticRegression()]).fit(Xtr, ytr).score(Xte, yte);
    console.log(
      `breast_cancer: QSVC ${q.toFixed(4)} | RBF SVC ${rbf.toFixed(4)} | logistic ${lr.toFixed(4)}`,
    );
    expect(q).toBeGreaterThanOrEqual(0.93);
  });

  it("VQC ≥ 0.90, bit-for-bit repeatable, and identical after save/reload", () => {
    const a = vqc().fit(Xtr, ytr);
    const acc = a.score(Xte, yte);
    console.log(`breast_cancer: VQC ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.9);
    const b = vqc().fit(Xtr, ytr);
    expect(b.predictProba!(Xte)).toEqual(a.predictProba!(Xte));
    const reloaded = modelFromJSON(JSON.parse(JSON.stringify(a.toJSON()))) as Pipeline;
    expect(reloaded.predictProba!(Xte)).toEqual(a.predictProba!(Xte));
  });
});

describe("more datasets", () => {
  it("iris (3 classes): VQC ≥ 0.90", () => {
    const [Xtr, Xte, ytr, yte] = split("iris");
    const m = new Pipeline([
      new StandardScaler(),
      new MinMaxScaler([0, Math.PI]),
      new VQC({
        featureMap: new AngleEmbedding(4, { rotation: "Y" }),
        ansatz: new RealAmplitudes(4, { reps: 3 }),
        maxIterations: 100,
      }),
    ]).fit(Xtr, ytr);
    const acc = m.score(Xte, yte);
    console.log(`iris: VQC ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.9);
  });

  it("diabetes: VQR R² ≥ 0.35 (ridge baseline beside it)", () => {
    const [Xtr, Xte, ytr, yte] = split("diabetes", false);
    const m = new Pipeline([
      new StandardScaler(),
      new PCA(4),
      new MinMaxScaler([0, Math.PI]),
      new VQR({
        featureMap: new AngleEmbedding(4, { rotation: "Y" }),
        ansatz: new RealAmplitudes(4, { reps: 2 }),
        maxIterations: 100,
      }),
    ]).fit(Xtr, ytr);
    const r2 = m.score(Xte, yte);
    const ridge = new Pipeline([new StandardScaler(), new RidgeRegression()]).fit(Xtr, ytr).score(Xte, yte);
    console.log(`diabetes: VQR R² ${r2.toFixed(4)} | ridge ${ridge.toFixed(4)}`);
    expect(r2).toBeGreaterThanOrEqual(0.35);
  });

  it("digits 0 vs 1: QCNN classifier ≥ 0.95", () => {
    const { X, y } = loadDataset("digits");
    const keep = y.map((v, i) => (v <= 1 ? i : -1)).filter((i) => i >= 0);
    const [Xtr, Xte, ytr, yte] = trainTestSplit(
      keep.map((i) => X[i]!),
      keep.map((i) => y[i]!),
      { testSize: 0.3, stratify: true, seed: 0 },
    );
    const m = new Pipeline([
      new StandardScaler(),
      new PCA(8),
      new MinMaxScaler([0, Math.PI]),
      new VQC({
        featureMap: new AngleEmbedding(8, { rotation: "Y" }),
        ansatz: new QCNN(8),
        maxIterations: 40,
      }),
    ]).fit(Xtr, ytr);
    const acc = m.score(Xte, yte);
    console.log(`digits 0/1: QCNN ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.95);
  });
});

describe("bad data", () => {
  const model = () =>
    new VQC({
      featureMap: new AngleEmbedding(2, { rotation: "Y" }),
      ansatz: new RealAmplitudes(2),
      maxIterations: 2,
    });
  it("names NaN cells, one-class labels and shape mismatches", () => {
    expect(() =>
      model().fit(
        [
          [0, NaN],
          [1, 1],
        ],
        [0, 1],
      ),
    ).toThrow(/NaN|not a finite/);
    expect(() =>
      model().fit(
        [
          [0, 1],
          [1, 1],
        ],
        [1, 1],
      ),
    ).toThrow(/one class|only one/);
    expect(() =>
      model().fit(
        [
          [0, 1, 2],
          [1, 1, 2],
        ],
        [0, 1],
      ),
    ).toThrow(/3 columns|expected 2/);
    const fitted = model().fit(
      [
        [0, 1],
        [1, 0],
        [0.5, 0.2],
        [0.1, 0.9],
      ],
      [0, 1, 1, 0],
    );
    expect(() => fitted.predict([[1, 2, 3]])).toThrow(/expected 2|3 columns/);
  });
  it("names a feature map / ansatz size mismatch and more classes than readout qubits", () => {
    expect(() =>
      new VQC({ featureMap: new AngleEmbedding(2, { rotation: "Y" }), ansatz: new RealAmplitudes(3) }).fit(
        [
          [0, 1],
          [1, 0],
        ],
        [0, 1],
      ),
    ).toThrow(/2 qubits but the ansatz 3/);
    const X = [
      [0, 1],
      [1, 0],
      [0.5, 0.5],
    ];
    expect(() => model().fit(X, [0, 1, 2])).toThrow(/3 classes need 3 readout qubits/);
  });
});
