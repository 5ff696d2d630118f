import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { LogisticRegression } from "./logistic-regression.js";

function blobs(seed: number, k: number, n: number, p: number): { X: number[][]; y: number[] } {
  const rng = new Rng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: p }, () => 2 * rng.normal()));
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % k;
    X.push(centres[c]!.map((m) => m + rng.normal()));
    y.push(c * 10); // labels need not be 0..k−1
  }
  return { X, y };
}

/** ∇ of (1/n)·Σ log-loss + ‖W‖²/(2Cn), written out independently of the implementation. */
function stationarity(model: LogisticRegression, X: number[][], y: number[], C: number): number {
  const n = X.length;
  const classes = model.classes;
  const proba = model.predictProba(X);
  const coef = model.coef;
  let worst = 0;
  const rows = coef.length === 1 ? [1] : classes.map((_, c) => c);
  rows.forEach((c, r) => {
    const residual = X.map((_, i) => proba[i]![c]! - (y[i] === classes[c] ? 1 : 0));
    for (let j = 0; j < X[0]!.length; j++) {
      const g = residual.reduce((acc, e, i) => acc + e * X[i]![j]!, 0) / n + coef[r]![j]! / (C * n);
      worst = Math.max(worst, Math.abs(g));
    }
    worst = Math.max(worst, Math.abs(residual.reduce((a, e) => a + e, 0) / n));
  });
  return worst;
}

describe("LogisticRegression", () => {
  it("matches a one-weight problem solved by bisection", () => {
    // Points x = −1 (label 0) and x = 1 (label 1), no intercept, C = 1:
    // minimise 2·log(1 + e^{−w}) + w²/2 → w = 2·σ(−w).
    const model = new LogisticRegression({ fitIntercept: false }).fit([[-1], [1]], [0, 1]);
    let lo = 0;
    let hi = 2;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (mid - 2 / (1 + Math.exp(mid)) < 0) lo = mid;
      else hi = mid;
    }
    expect(model.coef[0]![0]).toBeCloseTo(lo, 7); // stopping tolerance 1e-8 on the gradient
    expect(model.intercept).toEqual([0]);
  });

  it("reaches a stationary point (binary)", () => {
    const { X, y } = blobs(1, 2, 120, 4);
    const model = new LogisticRegression({ C: 0.7 }).fit(X, y);
    expect(model.convergence.converged).toBe(true);
    expect(stationarity(model, X, y, 0.7)).toBeLessThan(1e-7);
    expect(model.coef.length).toBe(1);
  });

  it("reaches a stationary point of the multinomial loss, with centred intercepts", () => {
    const { X, y } = blobs(2, 4, 200, 3);
    const model = new LogisticRegression({ C: 3 }).fit(X, y);
    expect(stationarity(model, X, y, 3)).toBeLessThan(1e-7);
    expect(model.intercept.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(model.classes).toEqual([0, 10, 20, 30]);
  });

  it("gives probabilities that sum to one and predictions at their argmax", () => {
    const { X, y } = blobs(3, 3, 90, 2);
    const model = new LogisticRegression().fit(X, y);
    const proba = model.predictProba(X);
    const pred = model.predict(X);
    proba.forEach((p, i) => {
      expect(p.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
      expect(pred[i]).toBe(model.classes[p.indexOf(Math.max(...p))]);
    });
    expect(model.score(X, y)).toBeGreaterThan(0.8);
  });

  it("has a binary decision function that is positive for the larger label", () => {
    const { X, y } = blobs(4, 2, 60, 2);
    const model = new LogisticRegression().fit(X, y);
    const d = model.decisionFunction(X) as number[];
    const p = model.predictProba(X);
    d.forEach((v, i) => expect(1 / (1 + Math.exp(-v))).toBeCloseTo(p[i]![1]!, 12));
  });

  it("is deterministic and rejects a single class", () => {
    const { X, y } = blobs(5, 3, 60, 3);
    expect(new LogisticRegression().fit(X, y).toJSON()).toEqual(new LogisticRegression().fit(X, y).toJSON());
    expect(() =>
      new LogisticRegression().fit(
        X,
        X.map(() => 1),
      ),
    ).toThrow(/only one class/);
  });
});
