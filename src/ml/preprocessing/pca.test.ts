import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { PCA } from "./pca.js";

/** Sample covariance (n − 1) computed directly. */
function covariance(X: number[][]): number[][] {
  const n = X.length;
  const p = X[0]!.length;
  const mean = Array.from({ length: p }, (_, j) => X.reduce((a, r) => a + r[j]!, 0) / n);
  return Array.from({ length: p }, (_, a) =>
    Array.from(
      { length: p },
      (_, b) => X.reduce((acc, r) => acc + (r[a]! - mean[a]!) * (r[b]! - mean[b]!), 0) / (n - 1),
    ),
  );
}

/** Leading eigenpairs by power iteration with deflation (independent of the SVD used by PCA). */
function powerEigen(C: number[][], k: number): { values: number[]; vectors: number[][] } {
  const p = C.length;
  const A = C.map((r) => [...r]);
  const values: number[] = [];
  const vectors: number[][] = [];
  for (let c = 0; c < k; c++) {
    let v = Array.from({ length: p }, (_, i) => 1 + i * 0.1);
    let lambda = 0;
    for (let it = 0; it < 5000; it++) {
      const w = A.map((row) => row.reduce((acc, a, j) => acc + a * v[j]!, 0));
      const norm = Math.hypot(...w);
      v = w.map((x) => x / norm);
      lambda = norm;
    }
    values.push(lambda);
    vectors.push(v);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) A[i]![j]! -= lambda * v[i]! * v[j]!;
  }
  return { values, vectors };
}

describe("PCA", () => {
  const X = [
    [2.5, 2.4, 0.5],
    [0.5, 0.7, 1.1],
    [2.2, 2.9, 0.2],
    [1.9, 2.2, 0.9],
    [3.1, 3.0, 0.3],
    [2.3, 2.7, 0.8],
    [2.0, 1.6, 1.5],
    [1.0, 1.1, 0.4],
    [1.5, 1.6, 1.2],
    [1.1, 0.9, 0.6],
  ];

  it("finds the covariance eigenvectors and eigenvalues", () => {
    const pca = new PCA(2).fit(X);
    const { values, vectors } = powerEigen(covariance(X), 2);
    pca.explainedVariance.forEach((v, c) => expect(v).toBeCloseTo(values[c]!, 10));
    pca.components.forEach((axis, c) => {
      const dot = axis.reduce((acc, a, j) => acc + a * vectors[c]![j]!, 0);
      expect(Math.abs(dot)).toBeCloseTo(1, 10);
    });
    const total = covariance(X).reduce((acc, row, j) => acc + row[j]!, 0);
    pca.explainedVarianceRatio.forEach((r, c) => expect(r).toBeCloseTo(values[c]! / total, 10));
  });

  it("makes the largest entry of each component positive (svd_flip), so results repeat", () => {
    const a = new PCA(2).fit(X);
    for (const axis of a.components) {
      const biggest = axis.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
      expect(biggest).toBeGreaterThan(0);
    }
    const negated = new PCA(2).fit(X.map((r) => r.map((v) => -v)));
    // Negating the data leaves the axes unchanged; the sign rule must pick the same orientation.
    negated.components.forEach((axis, c) =>
      axis.forEach((v, j) => expect(v).toBeCloseTo(a.components[c]![j]!, 12)),
    );
    expect(new PCA(2).fit(X).components).toEqual(a.components);
  });

  it("projects centred data onto the components and inverts with all components", () => {
    const pca = new PCA().fit(X);
    const Z = pca.transform(X);
    const mean = pca.mean;
    Z.forEach((z, i) => {
      const expected = pca.components.map((axis) =>
        axis.reduce((acc, a, j) => acc + a * (X[i]![j]! - mean[j]!), 0),
      );
      z.forEach((v, c) => expect(v).toBeCloseTo(expected[c]!, 12));
    });
    const sum = pca.explainedVarianceRatio.reduce((a, v) => a + v, 0);
    expect(sum).toBeCloseTo(1, 12);
    const back = pca.inverseTransform(Z);
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(X[i]![j]!, 12)));
  });

  it("gives orthonormal components and ratios summing to at most 1 (random data)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 2, max: 6 }),
        (seed, n, p) => {
          const rng = new Rng(seed);
          const data = Array.from({ length: n }, () => Array.from({ length: p }, () => rng.normal()));
          const k = Math.min(n, p);
          const pca = new PCA(Math.max(1, k - 1)).fit(data);
          const sum = pca.explainedVarianceRatio.reduce((a, v) => a + v, 0);
          expect(sum).toBeLessThanOrEqual(1 + 1e-12);
          const C = pca.components;
          for (let a = 0; a < C.length; a++) {
            for (let b = 0; b < C.length; b++) {
              const dot = C[a]!.reduce((acc, v, j) => acc + v * C[b]![j]!, 0);
              expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
            }
          }
          const ratios = pca.explainedVarianceRatio;
          for (let c = 1; c < ratios.length; c++)
            expect(ratios[c]!).toBeLessThanOrEqual(ratios[c - 1]! + 1e-12);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("handles more features than samples and rejects too many components", () => {
    const wide = [
      [1, 2, 3, 4],
      [2, 1, 0, 5],
      [0, 0, 1, 1],
    ];
    const pca = new PCA(3).fit(wide);
    expect(pca.components.length).toBe(3);
    expect(pca.explainedVarianceRatio[2]!).toBeCloseTo(0, 12); // 3 centred rows have rank ≤ 2
    expect(() => new PCA(4).fit(wide)).toThrow(/at most/);
  });

  it("round-trips through JSON", () => {
    const pca = new PCA(2).fit(X);
    const copy = PCA.fromJSON(JSON.parse(JSON.stringify(pca)));
    expect(copy.transform(X)).toEqual(pca.transform(X));
    expect(copy.explainedVarianceRatio).toEqual(pca.explainedVarianceRatio);
  });
});
