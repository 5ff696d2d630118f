import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import { COBYLA, type InequalityConstraint } from "./cobyla.js";
import { minimize } from "./minimize.js";
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

// COBYLA's linear models give roughly linear convergence; the final trust radius rhoend (= tolerance)
// bounds the last steps, so the error in x is a small multiple of rhoend on well-conditioned problems and
// larger along Rosenbrock's curved valley (≈ 2e-7 for rhoend 1e-10). Tolerances below are set from that.
describe("COBYLA", () => {
  it("reaches the 2-D Rosenbrock minimum to 1e-6", () => {
    const r = minimize(rosenbrock().value, [-1.2, 1], {
      optimizer: new COBYLA({ rhobeg: 0.5 }),
      tolerance: 1e-10,
      maxIterations: 100_000,
    });
    expect(maxAbsError(r.x, [1, 1])).toBeLessThan(1e-6);
    expect(r.converged).toBe(true);
    expect(r.reason).toBe("trust region radius reached rhoend");
    expect(r.iterations).toBe(r.evaluations); // one iteration per evaluation
  });

  it("reaches the 10-D Rosenbrock minimum to 1e-4 (slowly: about 130 000 evaluations)", () => {
    const x0 = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const r = minimize(rosenbrock().value, x0, {
      optimizer: new COBYLA({ rhobeg: 0.5 }),
      tolerance: 1e-8,
      maxIterations: 300_000,
    });
    expect(maxAbsError(r.x, new Array(10).fill(1))).toBeLessThan(1e-4);
  });

  it("reaches a shifted quadratic's minimum to 1e-7", () => {
    const r = minimize(shiftedQuadratic(QUADRATIC_C, QUADRATIC_S).value, [0, 0, 0, 0], {
      optimizer: new COBYLA(),
      tolerance: 1e-9,
    });
    expect(maxAbsError(r.x, QUADRATIC_S)).toBeLessThan(1e-7);
  });

  it("reaches the VQE ground energy to 1e-12 and is the default without a gradient", () => {
    const r = minimize(vqeEnergy, VQE_START, { tolerance: 1e-8 });
    expect(r.optimizer).toBe("COBYLA");
    expect(r.value - VQE_GROUND_ENERGY).toBeLessThan(1e-12);
  });

  it("minimises x + y inside the unit disc: (−1/√2, −1/√2)", () => {
    const disc: InequalityConstraint = (x) => 1 - x[0]! ** 2 - x[1]! ** 2;
    const r = minimize((x) => x[0]! + x[1]!, [0, 0], {
      optimizer: new COBYLA({ rhobeg: 0.5, constraints: [disc] }),
      tolerance: 1e-8,
    });
    expect(maxAbsError(r.x, [-Math.SQRT1_2, -Math.SQRT1_2])).toBeLessThan(1e-7);
    expect(r.value).toBeCloseTo(-Math.SQRT2, 7);
    expect(disc(r.x)).toBeGreaterThan(-1e-10);
  });

  // Test problems from Powell's COBYLA driver (1994), with their known solutions; rhobeg 0.5 as there.
  const s = Math.sqrt;
  const problems: {
    name: string;
    f: (x: Float64Array) => number;
    c: InequalityConstraint[];
    x0: number[];
    solution: number[];
    accuracy: number;
  }[] = [
    {
      name: "x1·x2 on the unit disc",
      f: (x) => x[0]! * x[1]!,
      c: [(x) => 1 - x[0]! ** 2 - x[1]! ** 2],
      x0: [1, 1],
      solution: [s(0.5), -s(0.5)],
      accuracy: 1e-7,
    },
    {
      name: "x1·x2·x3 on an ellipsoid",
      f: (x) => x[0]! * x[1]! * x[2]!,
      c: [(x) => 1 - x[0]! ** 2 - 2 * x[1]! ** 2 - 3 * x[2]! ** 2],
      x0: [1, 1, 1],
      solution: [1 / s(3), 1 / s(6), -1 / 3],
      accuracy: 1e-7,
    },
    {
      name: "Fletcher (9.1.15)",
      f: (x) => -x[0]! - x[1]!,
      c: [(x) => x[1]! - x[0]! ** 2, (x) => 1 - x[0]! ** 2 - x[1]! ** 2],
      x0: [1, 1],
      solution: [s(0.5), s(0.5)],
      accuracy: 1e-7,
    },
    {
      name: "Fletcher (14.4.2)",
      f: (x) => x[2]!,
      c: [
        (x) => 5 * x[0]! - x[1]! + x[2]!,
        (x) => x[2]! - x[0]! ** 2 - x[1]! ** 2 - 4 * x[1]!,
        (x) => x[2]! - 5 * x[0]! - x[1]!,
      ],
      x0: [1, 1, 1],
      solution: [0, -3, -3],
      accuracy: 1e-7,
    },
    {
      name: "Rosen–Suzuki",
      f: (x) =>
        x[0]! ** 2 +
        x[1]! ** 2 +
        2 * x[2]! ** 2 +
        x[3]! ** 2 -
        5 * x[0]! -
        5 * x[1]! -
        21 * x[2]! +
        7 * x[3]!,
      c: [
        (x) => 8 - x[0]! ** 2 - x[1]! ** 2 - x[2]! ** 2 - x[3]! ** 2 - x[0]! + x[1]! - x[2]! + x[3]!,
        (x) => 10 - x[0]! ** 2 - 2 * x[1]! ** 2 - x[2]! ** 2 - 2 * x[3]! ** 2 + x[0]! + x[3]!,
        (x) => 5 - 2 * x[0]! ** 2 - x[1]! ** 2 - x[2]! ** 2 - 2 * x[0]! + x[1]! + x[3]!,
      ],
      x0: [1, 1, 1, 1],
      solution: [0, 1, 2, -1],
      accuracy: 1e-7,
    },
    {
      // Hock & Schittkowski problem 100; the reference solution is published to 7 significant digits.
      name: "Hock–Schittkowski 100",
      f: (x) =>
        (x[0]! - 10) ** 2 +
        5 * (x[1]! - 12) ** 2 +
        x[2]! ** 4 +
        3 * (x[3]! - 11) ** 2 +
        10 * x[4]! ** 6 +
        7 * x[5]! ** 2 +
        x[6]! ** 4 -
        4 * x[5]! * x[6]! -
        10 * x[5]! -
        8 * x[6]!,
      c: [
        (x) => 127 - 2 * x[0]! ** 2 - 3 * x[1]! ** 4 - x[2]! - 4 * x[3]! ** 2 - 5 * x[4]!,
        (x) => 282 - 7 * x[0]! - 3 * x[1]! - 10 * x[2]! ** 2 - x[3]! + x[4]!,
        (x) => 196 - 23 * x[0]! - x[1]! ** 2 - 6 * x[5]! ** 2 + 8 * x[6]!,
        (x) => -4 * x[0]! ** 2 - x[1]! ** 2 + 3 * x[0]! * x[1]! - 2 * x[2]! ** 2 - 5 * x[5]! + 11 * x[6]!,
      ],
      x0: [1, 2, 0, 4, 0, 1, 1],
      solution: [2.330499, 1.951372, -0.4775414, 4.365726, -0.624487, 1.038131, 1.594227],
      accuracy: 5e-6,
    },
  ];
  for (const p of problems) {
    it(`solves Powell's test problem: ${p.name}`, () => {
      const r = minimize(p.f, p.x0, {
        optimizer: new COBYLA({ rhobeg: 0.5, constraints: p.c }),
        tolerance: 1e-8,
      });
      expect(maxAbsError(r.x, p.solution)).toBeLessThan(p.accuracy);
      for (const c of p.c) expect(c(r.x)).toBeGreaterThan(-1e-8);
      expect(r.converged).toBe(true);
    });
  }

  it("treats bounds as constraints", () => {
    const r = minimize(shiftedQuadratic(QUADRATIC_C, [2, -3, 0.5, 0.7]).value, [0, 0, 0, 0], {
      optimizer: new COBYLA(),
      bounds: [
        [-1, 1],
        [-1, 1],
        [-1, 1],
        [-1, 1],
      ],
      tolerance: 1e-10,
    });
    expect(maxAbsError(r.x, [1, -1, 0.5, 0.7])).toBeLessThan(1e-7);
  });

  it("stops at maxIterations (= evaluations) without converging", () => {
    const r = minimize(rosenbrock().value, [-1.2, 1], { optimizer: new COBYLA(), maxIterations: 25 });
    expect(r.iterations).toBe(25);
    expect(r.evaluations).toBe(25);
    expect(r.converged).toBe(false);
    expect(r.history).toHaveLength(25);
  });

  it("stopped while building the initial simplex, returns an evaluated point", () => {
    const f = (x: Float64Array): number => 1 + x.reduce((s, v) => s + (v - 3) ** 2, 0);
    for (let maxIterations = 0; maxIterations <= 6; maxIterations++) {
      const r = minimize(f, [0, 0, 0, 0], { optimizer: new COBYLA(), maxIterations });
      expect(r.value).toBe(f(r.x));
      expect(r.evaluations).toBe(Math.max(1, maxIterations));
    }
  });

  it("throws NON_FINITE for a constraint returning NaN, naming the constraint", () => {
    const run = (): unknown =>
      minimize((x) => x[0]! ** 2, [1], {
        optimizer: new COBYLA({ constraints: [() => 1, () => Number.NaN] }),
      });
    expect(run).toThrow(QforgeError);
    expect(run).toThrow(
      /COBYLA constraint 1 returned NaN at the starting point \(iteration 0\) at x = \[1\]/,
    );
  });

  it("rejects bad options", () => {
    expect(() => new COBYLA({ rhobeg: 0 })).toThrow(/rhobeg/);
    expect(() => new COBYLA({ rhobeg: 0.1, rhoend: 0.5 })).toThrow(/rhoend \(0.5\) must not exceed rhobeg/);
    expect(() => new COBYLA({ rhoend: -1 })).toThrow(/rhoend/);
  });
});
