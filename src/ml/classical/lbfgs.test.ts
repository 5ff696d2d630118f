import { describe, expect, it } from "vitest";
import { minimizeLbfgs } from "./lbfgs.js";

describe("minimizeLbfgs", () => {
  it("minimises the Rosenbrock function to high accuracy", () => {
    const rosenbrock = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      g.fill(0);
      for (let i = 0; i + 1 < x.length; i++) {
        const a = x[i + 1]! - x[i]! * x[i]!;
        const b = 1 - x[i]!;
        f += 100 * a * a + b * b;
        g[i]! += -400 * x[i]! * a - 2 * b;
        g[i + 1]! += 200 * a;
      }
      return f;
    };
    const r = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1, -1.2, 1, 0.5]));
    expect(r.converged).toBe(true);
    r.x.forEach((v) => expect(v).toBeCloseTo(1, 6));
    expect(r.f).toBeLessThan(1e-12);
  });

  it("solves a quadratic to the gradient tolerance and is deterministic", () => {
    // f = ½ xᵀAx − bᵀx with A = [[4, 1], [1, 3]], b = [1, 2] → x* = A⁻¹b = [1/11, 7/11]
    const quad = (x: Float64Array, g: Float64Array): number => {
      g[0] = 4 * x[0]! + x[1]! - 1;
      g[1] = x[0]! + 3 * x[1]! - 2;
      return 0.5 * (4 * x[0]! ** 2 + 2 * x[0]! * x[1]! + 3 * x[1]! ** 2) - x[0]! - 2 * x[1]!;
    };
    const a = minimizeLbfgs(quad, new Float64Array(2));
    // Stopping at ‖g‖∞ ≤ 1e-8 leaves an error of about ‖A⁻¹‖·1e-8 in x.
    expect(a.x[0]).toBeCloseTo(1 / 11, 8);
    expect(a.x[1]).toBeCloseTo(7 / 11, 8);
    expect(minimizeLbfgs(quad, new Float64Array(2))).toEqual(a);
  });
});
