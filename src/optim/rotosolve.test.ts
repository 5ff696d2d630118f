import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import { Rng } from "../util/rng.js";
import { minimize } from "./minimize.js";
import { Rotosolve } from "./rotosolve.js";
import { VQE_GROUND_ENERGY, VQE_START, vqeEnergy } from "./test-utils/problems.js";

describe("Rotosolve", () => {
  it("its closed-form jump lands on the minimum of A·sin(θ + B) + C (checked numerically)", () => {
    // θ* = θ − π/2 − atan2(2f(θ) − f(θ + π/2) − f(θ − π/2), f(θ + π/2) − f(θ − π/2)) must give C − |A|,
    // the smallest value on a fine grid, for any A (either sign), B, C and starting θ.
    const rng = new Rng(5);
    for (let trial = 0; trial < 200; trial++) {
      const a = rng.uniform(-3, 3);
      const b = rng.uniform(-10, 10);
      const c = rng.uniform(-2, 2);
      const f = (t: number): number => a * Math.sin(t + b) + c;
      const theta = rng.uniform(-10, 10);
      const star =
        theta -
        Math.PI / 2 -
        Math.atan2(
          2 * f(theta) - f(theta + Math.PI / 2) - f(theta - Math.PI / 2),
          f(theta + Math.PI / 2) - f(theta - Math.PI / 2),
        );
      expect(f(star)).toBeCloseTo(c - Math.abs(a), 12);
      let gridMin = Infinity;
      for (let k = 0; k < 2000; k++) gridMin = Math.min(gridMin, f((2 * Math.PI * k) / 2000));
      expect(f(star)).toBeLessThanOrEqual(gridMin + 1e-12);
    }
  });

  it("minimises a separable sinusoidal cost exactly in one sweep", () => {
    // f = Σ_d A_d sin(θ_d + B_d) + C has minimum Σ C − |A_d|, reached coordinate by coordinate.
    const amps = [1.5, -0.7, 2.2];
    const phases = [0.3, 2.0, -1.1];
    const f = (x: Float64Array): number =>
      amps.reduce((s, a, d) => s + a * Math.sin(x[d]! + phases[d]!), 0.5);
    const r = minimize(f, [0, 0, 0], { optimizer: new Rotosolve(), maxIterations: 1, tolerance: 0 });
    expect(r.value).toBeCloseTo(0.5 - 1.5 - 0.7 - 2.2, 12);
    expect(r.iterations).toBe(1);
    expect(r.evaluations).toBe(1 + 3 * 3);
  });

  it("reaches the exact VQE ground energy −√2 to 1e-12", () => {
    const r = minimize(vqeEnergy, VQE_START, {
      optimizer: new Rotosolve(),
      tolerance: 1e-14,
      maxIterations: 200,
    });
    expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-12);
    expect(r.converged).toBe(true);
    for (const theta of r.x) expect(Math.abs(theta)).toBeLessThanOrEqual(Math.PI); // wrapped into (−π, π]
  });

  it("never increases the value, even on a cost that is not sinusoidal", () => {
    const r = minimize((x) => (x[0]! - 0.3) ** 2 + (x[1]! + 0.2) ** 4, [2, 2], {
      optimizer: new Rotosolve({ wrap: false }),
      tolerance: 0,
      maxIterations: 20,
    });
    for (let k = 1; k < r.history.length; k++) expect(r.history[k]!).toBeLessThanOrEqual(r.history[k - 1]!);
  });

  it("refuses bounds (UNSUPPORTED)", () => {
    try {
      minimize(vqeEnergy, VQE_START, {
        optimizer: new Rotosolve(),
        bounds: VQE_START.map(() => [-1, 1] as const),
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QforgeError);
      expect((e as QforgeError).code).toBe("UNSUPPORTED");
    }
  });
});
