import { describe, expect, it } from "vitest";
import { minimize } from "./minimize.js";
import { SPSA } from "./spsa.js";
import {
  QUADRATIC_C,
  QUADRATIC_S,
  VQE_GROUND_ENERGY,
  VQE_START,
  maxAbsError,
  rosenbrock,
  shiftedQuadratic,
  vqeEnergy,
} from "./test-utils/problems.js";

// SPSA is stochastic and its gains decay like k^−0.602, so it converges slowly and the accuracy varies
// with the seed. Each test runs several seeds and bounds the worst case; the bounds are about 2–5× the
// worst error seen over 20 seeds (quadratic: 4.9e-4; Rosenbrock: 1.4e-2 over 10 seeds).
describe("SPSA", () => {
  const seeds = [1, 2, 3, 4, 5];

  it("reaches a shifted quadratic's minimum to 1e-3 for every seed", () => {
    for (const seed of seeds) {
      const r = minimize(shiftedQuadratic(QUADRATIC_C, QUADRATIC_S).value, [0, 0, 0, 0], {
        optimizer: new SPSA({ a: 0.2, A: 20 }),
        maxIterations: 2000,
        seed,
      });
      expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-3);
    }
  });

  it("reaches the 2-D Rosenbrock minimum to 3e-2 (stability constant A = 1000 tames the steep valley walls)", () => {
    for (const seed of seeds.slice(0, 3)) {
      const r = minimize(rosenbrock().value, [-1.2, 1], {
        optimizer: new SPSA({ a: 0.05, c: 0.01, A: 1000 }),
        maxIterations: 100_000,
        seed,
      });
      expect(maxAbsError(r.x, [1, 1])).toBeLessThan(3e-2);
    }
  });

  it("reaches the VQE ground energy: median error < 1e-6 over 10 seeds, worst < 2e-2", () => {
    // Over seeds 1–20, 3000 calibrated iterations give errors between 5e-8 and 7.5e-3.
    const errors = Array.from(
      { length: 10 },
      (_, i) =>
        minimize(vqeEnergy, VQE_START, {
          optimizer: new SPSA({ calibrate: true }),
          maxIterations: 3000,
          seed: i + 1,
        }).value - VQE_GROUND_ENERGY,
    ).sort((a, b) => a - b);
    expect(errors[5]!).toBeLessThan(1e-6);
    expect(errors[9]!).toBeLessThan(2e-2);
    expect(errors[0]!).toBeGreaterThanOrEqual(-1e-14);
  });

  it("is bit-for-bit reproducible for a seed and differs across seeds", () => {
    const run = (seed: number): ReturnType<typeof minimize> =>
      minimize(vqeEnergy, VQE_START, {
        optimizer: new SPSA({ calibrate: true, resamplings: 2 }),
        maxIterations: 200,
        seed,
      });
    const a = run(42);
    const b = run(42);
    const c = run(43);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(b.history).toEqual(a.history);
    expect(b.value).toBe(a.value);
    expect(c.history).not.toEqual(a.history);
    // One optimizer instance reused: still identical (no state kept between runs).
    const shared = new SPSA();
    const first = minimize(vqeEnergy, VQE_START, { optimizer: shared, maxIterations: 50, seed: 9 });
    const second = minimize(vqeEnergy, VQE_START, { optimizer: shared, maxIterations: 50, seed: 9 });
    expect(second.history).toEqual(first.history);
  });

  it("calibration makes the first step equal targetStep", () => {
    // f = 3x: every estimate has |ĝ| = 3, so a₀ = a/(A + 1)^α = targetStep/3 and the first step is targetStep.
    const r = minimize((x) => 3 * x[0]!, [0], {
      optimizer: new SPSA({ calibrate: true, targetStep: 0.2, A: 5, calibrationSamples: 4 }),
      maxIterations: 1,
    });
    expect(r.x[0]).toBeCloseTo(-0.2, 12);
    expect(r.evaluations).toBe(1 + 2 * 4 + 3); // start, calibration pairs, one iteration
  });

  it("uses Spall's gains a/(A + k + 1)^α and c/(k + 1)^γ and 2·resamplings + 1 evaluations per iteration", () => {
    // Linear f = x: ĝ = Δ·Δ = 1 exactly, so x_k = −Σ_{j<k} a/(A + j + 1)^α whatever the signs.
    const a = 0.3;
    const A = 2;
    const r = minimize((x) => x[0]!, [0], {
      optimizer: new SPSA({ a, A, resamplings: 3 }),
      maxIterations: 4,
    });
    let expected = 0;
    for (let k = 0; k < 4; k++) expected -= a / (A + k + 1) ** 0.602;
    expect(r.x[0]).toBeCloseTo(expected, 12);
    expect(r.evaluations).toBe(1 + 4 * (2 * 3 + 1));
  });

  it("ignores the |Δvalue| rule (random steps) and stops on patience", () => {
    const r = minimize(() => 1, [0, 0], {
      optimizer: new SPSA(),
      tolerance: 1e-3,
      patience: 7,
      maxIterations: 100,
    });
    expect(r.iterations).toBe(7);
    expect(r.reason).toMatch(/patience/);
    expect(r.converged).toBe(false);
  });

  it("rejects bad options", () => {
    expect(() => new SPSA({ a: -0.1 })).toThrow(/SPSA a must be a finite number > 0/);
    expect(() => new SPSA({ c: 0 })).toThrow(/SPSA c/);
    expect(() => new SPSA({ A: -1 })).toThrow(/SPSA A/);
    expect(() => new SPSA({ resamplings: 1.5 })).toThrow(/resamplings/);
    expect(() => new SPSA({ calibrationSamples: 0 })).toThrow(/calibrationSamples/);
    expect(() => new SPSA({ targetStep: 0 })).toThrow(/targetStep/);
  });
});
