import { describe, expect, it } from "vitest";
import { RidgeRegression } from "./ridge-regression.js";

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function gaussSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let acc = M[r]![n]!;
    for (let k = r + 1; k < n; k++) acc -= M[r]![k]! * x[k]!;
    x[r] = acc / M[r]![r]!;
  }
  return x;
}

describe("RidgeRegression", () => {
  it("matches the one-feature formula w = Sxy / (Sxx + α)", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1];
    const xm = 3;
    const ym = y.reduce((a, v) => a + v, 0) / 5;
    const sxy = x.reduce((a, v, i) => a + (v - xm) * (y[i]! - ym), 0);
    const sxx = x.reduce((a, v) => a + (v - xm) ** 2, 0);
    const model = new RidgeRegression({ alpha: 2 }).fit(
      x.map((v) => [v]),
      y,
    );
    expect(model.coef[0]).toBeCloseTo(sxy / (sxx + 2), 12);
    expect(model.intercept).toBeCloseTo(ym - (sxy / (sxx + 2)) * xm, 12);
  });

  it("solves the penalised normal equations (several features)", () => {
    const X = [
      [1, 0.5, -2],
      [2, 1.5, 0],
      [3, -1, 1],
      [0, 2, 2],
      [-1, 0, 1],
      [4, 1, -1],
    ];
    const y = [1, 3, 2, 5, -1, 4];
    const alpha = 0.3;
    const n = X.length;
    const xm = [0, 1, 2].map((j) => X.reduce((a, r) => a + r[j]!, 0) / n);
    const ym = y.reduce((a, v) => a + v, 0) / n;
    const Xc = X.map((r) => r.map((v, j) => v - xm[j]!));
    const A = [0, 1, 2].map((a) =>
      [0, 1, 2].map((b) => Xc.reduce((acc, r) => acc + r[a]! * r[b]!, 0) + (a === b ? alpha : 0)),
    );
    const rhs = [0, 1, 2].map((a) => Xc.reduce((acc, r, i) => acc + r[a]! * (y[i]! - ym), 0));
    const w = gaussSolve(A, rhs);
    const model = new RidgeRegression({ alpha }).fit(X, y);
    model.coef.forEach((c, j) => expect(c).toBeCloseTo(w[j]!, 12));
    const pred = model.predict([[1, 1, 1]]);
    expect(pred[0]).toBeCloseTo(ym + w.reduce((acc, c, j) => acc + c * (1 - xm[j]!), 0), 12);
  });

  it("recovers an exact linear law with α = 0, and can fit without intercept", () => {
    const X = [
      [1, 2],
      [2, 1],
      [3, 5],
      [0, 1],
    ];
    const y = X.map(([a, b]) => 2 * a! - 3 * b! + 5);
    const ols = new RidgeRegression({ alpha: 0 }).fit(X, y);
    expect(ols.coef[0]).toBeCloseTo(2, 10);
    expect(ols.coef[1]).toBeCloseTo(-3, 10);
    expect(ols.intercept).toBeCloseTo(5, 10);
    expect(ols.score(X, y)).toBeCloseTo(1, 12);
    const through = new RidgeRegression({ alpha: 0, fitIntercept: false }).fit([[1], [2]], [2, 4]);
    expect(through.coef[0]).toBeCloseTo(2, 12);
    expect(through.intercept).toBe(0);
  });
});
