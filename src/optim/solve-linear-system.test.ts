import { describe, expect, it } from "vitest";
import { solveLinearSystem } from "./solve-linear-system.js";

function multiply(a: number[], x: Float64Array): number[] {
  const n = x.length;
  return Array.from({ length: n }, (_, i) => x.reduce((s, xj, j) => s + a[i * n + j]! * xj, 0));
}

describe("solveLinearSystem", () => {
  it("solves a symmetric positive-definite system (Cholesky)", () => {
    const a = [4, 2, 0.6, 2, 5, 1, 0.6, 1, 3];
    const b = [1, -2, 3];
    const x = solveLinearSystem(a, b)!;
    multiply(a, x).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 13));
  });

  it("solves non-symmetric and indefinite systems needing pivoting (Gaussian elimination)", () => {
    const nonsymmetric = [0, 2, 1, 1, 1, 0, 3, 0, 1]; // zero first pivot
    const indefinite = [1, 2, 2, 1]; // symmetric, eigenvalues 3 and −1: Cholesky breaks down
    for (const a of [nonsymmetric, indefinite]) {
      const b = a.length === 9 ? [1, 2, 3] : [5, 4];
      const x = solveLinearSystem(a, b)!;
      multiply(a, x).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 13));
    }
  });

  it("returns undefined for a singular matrix and rejects a wrong size", () => {
    expect(solveLinearSystem([1, 2, 2, 4], [1, 1])).toBeUndefined();
    expect(() => solveLinearSystem([1, 2, 3], [1, 1])).toThrow(/n×n = 4 entries/);
  });
});
