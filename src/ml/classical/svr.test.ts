import LibSVM from "libsvm-js/asm.js";
import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { SVR } from "./svr.js";

function sineData(seed: number, n: number): { X: number[][]; y: number[] } {
  const rng = new Rng(seed);
  const X = Array.from({ length: n }, () => [rng.uniform(-3, 3), rng.uniform(-1, 1)]);
  return { X, y: X.map(([a, b]) => Math.sin(a!) + 0.3 * b! + 0.05 * rng.normal()) };
}

describe("SVR", () => {
  const train = sineData(1, 120);
  const test = sineData(2, 60);

  it("predicts the values libsvm itself predicts", () => {
    const svr = new SVR({ C: 3, epsilon: 0.05, gamma: 0.7 }).fit(train.X, train.y);
    const lib = new LibSVM({
      type: LibSVM.SVM_TYPES.EPSILON_SVR,
      kernel: LibSVM.KERNEL_TYPES.RBF,
      gamma: 0.7,
      cost: 3,
      epsilon: 0.05,
      tolerance: 1e-3,
      cacheSize: 200,
      quiet: true,
    });
    lib.train(train.X, train.y);
    const expected = lib.predict(test.X);
    lib.free();
    // libsvm keeps its intercept from the solver's running gradient; ours is recomputed from the coefficients.
    svr.predict(test.X).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it("fits a smooth function and keeps free support vectors on the ε-tube", () => {
    const svr = new SVR({ C: 10, epsilon: 0.1 }).fit(train.X, train.y);
    expect(svr.score(test.X, test.y)).toBeGreaterThan(0.9);
    const pred = svr.predict(train.X);
    const coef = svr.dualCoef;
    svr.supportIndices.forEach((i, s) => {
      const residual = Math.abs(train.y[i]! - pred[i]!);
      if (Math.abs(coef[s]!) < 10 * (1 - 1e-9)) expect(residual).toBeCloseTo(0.1, 2);
      else expect(residual).toBeGreaterThanOrEqual(0.1 - 1e-3);
    });
  });

  it("with a precomputed kernel predicts as with the feature kernel", () => {
    const gamma = 0.5;
    const gram = (A: number[][], B: number[][]): number[][] =>
      A.map((a) => B.map((b) => Math.exp(-gamma * ((a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2))));
    const rbf = new SVR({ gamma, C: 2 }).fit(train.X, train.y);
    const pre = new SVR({ kernel: "precomputed", C: 2 }).fit(gram(train.X, train.X), train.y);
    const a = rbf.predict(test.X);
    pre.predict(gram(test.X, train.X)).forEach((v, i) => expect(v).toBeCloseTo(a[i]!, 9));
    expect(pre.supportIndices).toEqual(rbf.supportIndices);
  });

  it("round-trips through JSON", () => {
    const svr = new SVR({ kernel: "linear", C: 0.5 }).fit(train.X, train.y);
    const copy = SVR.fromJSON(JSON.parse(JSON.stringify(svr)));
    expect(copy.predict(test.X)).toEqual(svr.predict(test.X));
    expect(copy.intercept).toBe(svr.intercept);
  });
});
