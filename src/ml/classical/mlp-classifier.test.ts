import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { MLPClassifier } from "./mlp-classifier.js";

function xor(seed: number, n: number): { X: number[][]; y: number[] } {
  const rng = new Rng(seed);
  const X = Array.from({ length: n }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
  return { X, y: X.map(([a, b]) => (a! * b! > 0 ? 1 : 0)) };
}

function rings(seed: number, n: number): { X: number[][]; y: number[] } {
  const rng = new Rng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = c + 0.5 + 0.15 * rng.normal();
    X.push([r * Math.cos(angle), r * Math.sin(angle)]);
    y.push(c);
  }
  return { X, y };
}

describe("MLPClassifier", () => {
  it("learns XOR (binary, one logistic output)", () => {
    const train = xor(1, 300);
    const test = xor(2, 200);
    const mlp = new MLPClassifier({
      hiddenLayerSizes: [16],
      activation: "tanh",
      learningRate: 0.01,
      maxIter: 300,
      seed: 3,
    }).fit(train.X, train.y);
    expect(mlp.score(test.X, test.y)).toBeGreaterThan(0.9);
    mlp.predictProba(test.X).forEach((p) => expect(p[0]! + p[1]!).toBeCloseTo(1, 12));
  });

  it("learns three rings with two relu layers (softmax output)", () => {
    const train = rings(4, 300);
    const test = rings(5, 150);
    const mlp = new MLPClassifier({ hiddenLayerSizes: [32, 16], learningRate: 0.01, seed: 1 }).fit(
      train.X,
      train.y,
    );
    expect(mlp.score(test.X, test.y)).toBeGreaterThan(0.9);
    expect(mlp.lossCurve[mlp.lossCurve.length - 1]!).toBeLessThan(mlp.lossCurve[0]!);
  });

  it("is repeatable for a seed and differs between seeds", () => {
    const { X, y } = xor(6, 80);
    const opts = { hiddenLayerSizes: [6], maxIter: 20 };
    const a = new MLPClassifier({ ...opts, seed: 1 }).fit(X, y).toJSON();
    expect(new MLPClassifier({ ...opts, seed: 1 }).fit(X, y).toJSON()).toEqual(a);
    expect(new MLPClassifier({ ...opts, seed: 2 }).fit(X, y).toJSON()).not.toEqual(a);
  });

  it("stops early on a held-out score and keeps the best weights", () => {
    const { X, y } = rings(7, 300);
    const mlp = new MLPClassifier({
      hiddenLayerSizes: [16],
      learningRate: 0.01,
      earlyStopping: true,
      nIterNoChange: 20,
      maxIter: 500,
      seed: 0,
    }).fit(X, y);
    expect(mlp.convergence.converged).toBe(true);
    expect(mlp.convergence.nIter).toBeLessThan(500);
    expect(mlp.score(X, y)).toBeGreaterThan(0.9);
  });

  it("rejects bad options", () => {
    expect(() => new MLPClassifier({ hiddenLayerSizes: [4, 4, 4] })).toThrow(/hiddenLayerSizes/);
    expect(() => new MLPClassifier({ learningRate: 0 })).toThrow(/learningRate/);
  });
});
