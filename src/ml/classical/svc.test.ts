import LibSVM from "libsvm-js/asm.js";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../runtime/datasets-node.js";
import { QforgeError } from "../../util/errors.js";
import { Rng } from "../../util/rng.js";
import { trainTestSplit } from "../model-selection/train-test-split.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { SVC } from "./svc.js";

/** RBF Gram matrix written out here, independent of the library's kernel code. */
function rbfGram(A: number[][], B: number[][], gamma: number): number[][] {
  return A.map((a) => B.map((b) => Math.exp(-gamma * a.reduce((acc, v, j) => acc + (v - b[j]!) ** 2, 0))));
}

function scaledSplit(
  name: "breast_cancer" | "iris" | "wine",
  seed: number,
): { Xtr: number[][]; Xte: number[][]; ytr: number[]; yte: number[] } {
  const data = loadDataset(name);
  const [Xtr, Xte, ytr, yte] = trainTestSplit(data.X, data.y, { testSize: 0.3, stratify: true, seed });
  const scaler = new StandardScaler().fit(Xtr);
  return { Xtr: scaler.transform(Xtr), Xte: scaler.transform(Xte), ytr, yte };
}

/** libsvm's own predictions, trained on the same class-grouped rows SVC passes it. */
function libsvmPredict(Xtr: number[][], ytr: number[], Xte: number[][], gamma: number, C: number): number[] {
  const order = ytr.map((_, i) => i).sort((a, b) => ytr[a]! - ytr[b]! || a - b);
  const svm = new LibSVM({
    type: LibSVM.SVM_TYPES.C_SVC,
    kernel: LibSVM.KERNEL_TYPES.RBF,
    gamma,
    cost: C,
    tolerance: 1e-3,
    cacheSize: 200,
    quiet: true,
  });
  svm.train(
    order.map((i) => Xtr[i]!),
    order.map((i) => ytr[i]!),
  );
  const out = svm.predict(Xte);
  svm.free();
  return out;
}

describe("SVC", () => {
  it("with a precomputed RBF Gram matrix predicts exactly as with kernel rbf and the same gamma", () => {
    const { Xtr, Xte, ytr } = scaledSplit("breast_cancer", 11);
    const rbf = new SVC({ kernel: "rbf" }).fit(Xtr, ytr);
    const gamma = rbf.gamma;
    const pre = new SVC({ kernel: "precomputed" }).fit(rbfGram(Xtr, Xtr, gamma), ytr);
    const Kte = rbfGram(Xte, Xtr, gamma);
    expect(pre.predict(Kte)).toEqual(rbf.predict(Xte));
    expect(pre.supportIndices).toEqual(rbf.supportIndices);
    const d1 = rbf.decisionFunction(Xte) as number[];
    const d2 = pre.decisionFunction(Kte) as number[];
    d1.forEach((v, i) => expect(d2[i]).toBeCloseTo(v, 8));
  });

  it("precomputed also matches rbf for three classes", () => {
    const { Xtr, Xte, ytr } = scaledSplit("iris", 5);
    const rbf = new SVC({ gamma: 0.3, C: 2 }).fit(Xtr, ytr);
    const pre = new SVC({ kernel: "precomputed", C: 2 }).fit(rbfGram(Xtr, Xtr, 0.3), ytr);
    expect(pre.predict(rbfGram(Xte, Xtr, 0.3))).toEqual(rbf.predict(Xte));
  });

  it("predicts what libsvm itself predicts (binary and multi-class)", () => {
    for (const [name, C] of [
      ["breast_cancer", 1],
      ["wine", 0.3],
      ["iris", 10],
    ] as const) {
      const { Xtr, Xte, ytr } = scaledSplit(name, 2);
      const svc = new SVC({ C }).fit(Xtr, ytr);
      expect(svc.predict(Xte)).toEqual(libsvmPredict(Xtr, ytr, Xte, svc.gamma, C));
      expect(svc.predict(Xtr)).toEqual(libsvmPredict(Xtr, ytr, Xtr, svc.gamma, C));
    }
  });

  it("resolves gamma 'scale' as 1 / (features · Var(X))", () => {
    const X = [
      [0, 2],
      [2, 0],
      [1, 1],
      [3, 3],
    ];
    const all = X.flat();
    const mean = all.reduce((a, v) => a + v, 0) / all.length;
    const variance = all.reduce((a, v) => a + (v - mean) ** 2, 0) / all.length;
    expect(new SVC().fit(X, [0, 0, 1, 1]).gamma).toBeCloseTo(1 / (2 * variance), 15);
    expect(new SVC({ gamma: "auto" }).fit(X, [0, 0, 1, 1]).gamma).toBe(0.5);
  });

  it("puts free support vectors on the margin (linear kernel, separable data)", () => {
    const rng = new Rng(3);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 60; i++) {
      const c = i % 2;
      X.push([rng.normal() + (c ? 3 : -3), rng.normal()]);
      y.push(c);
    }
    const svc = new SVC({ kernel: "linear", C: 100 }).fit(X, y);
    expect(svc.score(X, y)).toBe(1);
    const d = svc.decisionFunction(X) as number[];
    for (const i of svc.supportIndices) expect(Math.abs(d[i]!)).toBeCloseTo(1, 2);
    // Every other point lies outside the margin.
    const sv = new Set(svc.supportIndices);
    d.forEach((v, i) => {
      if (!sv.has(i)) expect(Math.abs(v)).toBeGreaterThan(0.999);
    });
  });

  it("has decision values positive for the larger label (binary) and one-vs-rest shaped otherwise", () => {
    const bc = scaledSplit("breast_cancer", 4);
    const svc = new SVC().fit(bc.Xtr, bc.ytr);
    const d = svc.decisionFunction(bc.Xte) as number[];
    svc.predict(bc.Xte).forEach((p, i) => expect(p).toBe(d[i]! > 0 ? 1 : 0));
    const wine = scaledSplit("wine", 4);
    const multi = new SVC().fit(wine.Xtr, wine.ytr);
    const D = multi.decisionFunction(wine.Xte) as number[][];
    multi.predict(wine.Xte).forEach((p, i) => {
      expect(D[i]!.length).toBe(3);
      expect(D[i]!.indexOf(Math.max(...D[i]!))).toBe(p);
    });
  });

  it("gives seeded, repeatable Platt probabilities", () => {
    const { Xtr, Xte, ytr } = scaledSplit("wine", 6);
    const a = new SVC({ probability: true, seed: 1 }).fit(Xtr, ytr);
    const b = new SVC({ probability: true, seed: 1 }).fit(Xtr, ytr);
    const c = new SVC({ probability: true, seed: 2 }).fit(Xtr, ytr);
    const pa = a.predictProba(Xte);
    expect(b.predictProba(Xte)).toEqual(pa);
    expect(c.predictProba(Xte)).not.toEqual(pa);
    pa.forEach((p) => expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6));
    const agree = a.predict(Xte).filter((label, i) => pa[i]!.indexOf(Math.max(...pa[i]!)) === label).length;
    expect(agree / Xte.length).toBeGreaterThan(0.9);
    expect(() => new SVC().fit(Xtr, ytr).predictProba(Xte)).toThrow(/probability: true/);
  });

  it("is deterministic and validates its inputs", () => {
    const { Xtr, Xte, ytr } = scaledSplit("iris", 8);
    expect(new SVC().fit(Xtr, ytr).toJSON()).toEqual(new SVC().fit(Xtr, ytr).toJSON());
    expect(() =>
      new SVC().fit(
        Xtr,
        Xtr.map(() => 2),
      ),
    ).toThrow(/only one class/);
    const pre = new SVC({ kernel: "precomputed" });
    expect(() => pre.fit(Xtr, ytr)).toThrow(/n × n/);
    pre.fit(rbfGram(Xtr, Xtr, 0.5), ytr);
    expect(() => pre.predict(Xte)).toThrow(QforgeError);
    expect(() => new SVC({ C: -1 })).toThrow(/C must be positive/);
    expect(() => new SVC({ kernel: "cubic" as "rbf" })).toThrow(/unknown kernel/);
  });
});
