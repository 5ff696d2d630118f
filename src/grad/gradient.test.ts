import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Circuit } from "../circuit/circuit.js";
import { Rng } from "../util/rng.js";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { gradient, jacobian } from "./gradient.js";
import { metricTensor } from "./metric-tensor.js";
import { randomParamCircuit } from "./test-utils/random-param-circuit.js";
import { shiftRuleFromEigenvalues } from "./shift-rule.js";

describe("gradients", () => {
  it("d⟨Z⟩/dθ of RX(θ)|0⟩ is −sin θ exactly", () => {
    const c = new Circuit(1).rx("theta", 0);
    for (const method of ["adjoint", "parameter-shift"] as const)
      for (const t of [0, 0.3, 1.7, -2.5]) {
        const { value, gradient: g } = gradient(c, "Z0", { method }).valueAndGradient([t]);
        expect(Math.abs(value - Math.cos(t))).toBeLessThan(1e-15);
        expect(Math.abs(g[0]! + Math.sin(t))).toBeLessThan(1e-15);
      }
  });

  it("adjoint = parameter-shift (1e-10) = finite differences (1e-6) on random circuits, all parameterised gates, 50+ parameters", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 3, max: 10 }), (seed, n) => {
        const rng = new Rng(seed);
        const P = 50 + rng.int(10);
        const c = randomParamCircuit(rng, n, 70, P);
        const h = `0.7*Z0 Z1 + X${n - 1} - 0.4*Y1 Z2 + 0.2*X0 Y${n - 1}`;
        const w = Float64Array.from({ length: c.numParameters }, () => rng.uniform(-Math.PI, Math.PI));
        const adj = gradient(c, h, { method: "adjoint" }).valueAndGradient(w);
        const ps = gradient(c, h, { method: "parameter-shift" }).valueAndGradient(w);
        const fd = gradient(c, h, { method: "finite-diff", step: 1e-5 }).valueAndGradient(w);
        const exact = new StateVectorSimulator().expectation(
          c,
          [h],
          Object.fromEntries(c.parameters.map((p, i) => [p, w[i]!])),
        )[0]![0]!;
        expect(Math.abs(adj.value - exact)).toBeLessThan(1e-12);
        for (let i = 0; i < w.length; i++) {
          expect(Math.abs(adj.gradient[i]! - ps.gradient[i]!)).toBeLessThan(1e-10);
          expect(Math.abs(adj.gradient[i]! - fd.gradient[i]!)).toBeLessThan(1e-6);
        }
      }),
      { seed: 42, numRuns: 8 },
    );
  });

  it("jacobian over a batch and several observables matches per-binding gradients", () => {
    const c = new Circuit(3).ry("x0", 0).ry("x1", 1).rx("a", 0).crz("b", 0, 2).cx(1, 2).ry("2*a - b", 2);
    const J = jacobian(c, ["Z0", "Z2", "X1 X2"], { trainable: ["a", "b"] }).evaluate({
      x0: [0.1, 0.5],
      x1: [0.2, -1],
      a: 0.3,
      b: 0.9,
    });
    expect(J.jacobian).toHaveLength(2 * 3 * 2);
    for (let b = 0; b < 2; b++)
      ["Z0", "Z2", "X1 X2"].forEach((h, k) => {
        const g = gradient(c, h, { trainable: ["a", "b"], method: "parameter-shift" }).valueAndGradient(
          [0.3, 0.9],
          { x0: [0.1, 0.5][b]!, x1: [0.2, -1][b]! },
        );
        expect(J.values[b * 3 + k]).toBeCloseTo(g.value, 12);
        expect(J.jacobian[(b * 3 + k) * 2]).toBeCloseTo(g.gradient[0]!, 12);
        expect(J.jacobian[(b * 3 + k) * 2 + 1]).toBeCloseTo(g.gradient[1]!, 12);
      });
  });

  it("shot-based parameter-shift is unbiased and reports its own variance", () => {
    const c = new Circuit(2).ry("a", 0).cry("b", 0, 1);
    const exact = gradient(c, "Z1 + 0.5*X0").valueAndGradient([0.8, 1.1]);
    const ests = Array.from({ length: 40 }, (_, s) =>
      gradient(c, "Z1 + 0.5*X0", { method: "parameter-shift", shots: 2000, seed: s }).valueAndGradient([
        0.8, 1.1,
      ]),
    );
    for (let j = 0; j < 2; j++) {
      const xs = ests.map((e) => e.gradient[j]!);
      const mean = xs.reduce((a, b) => a + b) / xs.length;
      const empVar = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
      const reported = ests.reduce((a, e) => a + e.gradientVariance![j]!, 0) / ests.length;
      // mean of 40 estimates: standard error sqrt(var/40); 5 sigma
      expect(Math.abs(mean - exact.gradient[j]!)).toBeLessThan(5 * Math.sqrt(reported / 40));
      // sample variance of 40 draws is within a factor ~2 of the truth with overwhelming probability
      expect(empVar / reported).toBeGreaterThan(0.4);
      expect(empVar / reported).toBeLessThan(2.2);
    }
  });

  it("parameter-shift works with mid-circuit measurement (shots); adjoint says to use it", () => {
    const c = new Circuit(2, 1)
      .ry("a", 0)
      .measure(0, 0)
      .ifThen({ clbits: [0], value: 1 }, (b) => b.x(1))
      .ry("b", 1);
    // ⟨Z1⟩ = cos(b)·(1 − 2 sin²(a/2)) = cos a cos b → ∂a = −sin a cos b
    const est = gradient(c, "Z1", { method: "parameter-shift", shots: 20000, seed: 3 }).valueAndGradient([
      0.9, 0.4,
    ]);
    expect(Math.abs(est.gradient[0]! + Math.sin(0.9) * Math.cos(0.4))).toBeLessThan(
      5 * Math.sqrt(est.gradientVariance![0]!),
    );
    expect(() => gradient(c, "Z1").valueAndGradient([0.9, 0.4])).toThrow(/use method "parameter-shift"/);
  });

  it("SPSA is seeded and estimates the gradient direction", () => {
    const c = new Circuit(2).ry("a", 0).ry("b", 1).cx(0, 1);
    const g1 = gradient(c, "Z1", { method: "spsa", seed: 5, spsaSamples: 400 }).valueAndGradient([0.4, 0.8]);
    const g2 = gradient(c, "Z1", { method: "spsa", seed: 5, spsaSamples: 400 }).valueAndGradient([0.4, 0.8]);
    expect(g1.gradient).toEqual(g2.gradient);
    const exact = gradient(c, "Z1").valueAndGradient([0.4, 0.8]).gradient;
    // Each SPSA sample has error ±|g_other|; 400 samples → sd ≈ |g|/20.
    for (let j = 0; j < 2; j++) expect(Math.abs(g1.gradient[j]! - exact[j]!)).toBeLessThan(0.2);
  });

  it("gives clear errors", () => {
    const c = new Circuit(1).rx("theta", 0);
    expect(() => gradient(c, "Z0", { trainable: ["phi"] })).toThrow(/no such parameter/);
    expect(() => gradient(c, "Z0").valueAndGradient([NaN])).toThrow(/NaN/);
    expect(() => gradient(c, "Z0").valueAndGradient([1, 2])).toThrow(/expected 1 weight/);
    expect(() => gradient(c, "Z0", { method: "adjoint", shots: 10 }).valueAndGradient([1])).toThrow(
      /takes no shots/,
    );
  });
});

describe("shift rules", () => {
  it("two-term rule for eigenvalues ±1/2 and four-term rule for controlled rotations", () => {
    const two = shiftRuleFromEigenvalues([-0.5, 0.5]);
    expect(two.shifts).toEqual([Math.PI / 2, (3 * Math.PI) / 2]);
    expect(two.coefficients[0]).toBeCloseTo(0.5, 15);
    expect(two.coefficients[1]).toBeCloseTo(-0.5, 15);
    const r = shiftRuleFromEigenvalues([-0.5, 0, 0, 0.5]);
    expect(r.shifts).toHaveLength(4);
    // Known four-term rule: shifts ±π/2, ±3π/2 with coefficients (√2+1)/(4√2), −(√2−1)/(4√2)
    expect(r.coefficients[0]).toBeCloseTo((Math.SQRT2 + 1) / (4 * Math.SQRT2), 14);
    expect(r.coefficients[1]).toBeCloseTo(-(Math.SQRT2 - 1) / (4 * Math.SQRT2), 14);
  });
});

describe("metric tensor", () => {
  const sim = new StateVectorSimulator();
  /** Independent reference: finite-difference derivative states from the simulator. */
  function numericMetric(c: Circuit, w: number[]): number[][] {
    const h = 1e-5;
    const state = (x: number[]) =>
      sim.statevector(c, Object.fromEntries(c.parameters.map((p, i) => [p, x[i]!])));
    const psi = state(w);
    const d = w.map((_, i) => {
      const p = [...w],
        m = [...w];
      p[i]! += h;
      m[i]! -= h;
      const sp = state(p),
        sm = state(m);
      return sp.map((v, k) => (v - sm[k]!) / (2 * h));
    });
    const ip = (a: Float64Array, b: Float64Array): [number, number] => {
      let re = 0,
        im = 0;
      for (let k = 0; k < a.length; k += 2) {
        re += a[k]! * b[k]! + a[k + 1]! * b[k + 1]!;
        im += a[k]! * b[k + 1]! - a[k + 1]! * b[k]!;
      }
      return [re, im];
    };
    return w.map((_, i) =>
      w.map((_, j) => {
        const [ar, ai] = ip(d[i]!, psi),
          [br, bi] = ip(d[j]!, psi);
        return ip(d[i]!, d[j]!)[0] - (ar * br + ai * bi);
      }),
    );
  }

  it("RX(θ) alone has metric 1/4", () => {
    expect(metricTensor(new Circuit(1).rx("a", 0)).evaluate([0.4])[0]).toBeCloseTo(0.25, 14);
  });
  it("full metric equals the finite-difference Fubini–Study metric", () => {
    const c = new Circuit(3)
      .h(0)
      .ry("a", 0)
      .crx("b", 0, 1)
      .rzz("c", 1, 2)
      .u3("a", "d", "2*b", 2)
      .cx(2, 0)
      .rx("d", 0);
    const w = [0.3, -0.8, 1.2, 0.5];
    const g = metricTensor(c, { approximation: "full" }).evaluate(w);
    const ref = numericMetric(c, w);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) expect(Math.abs(g[i * 4 + j]! - ref[i]![j]!)).toBeLessThan(1e-8);
  });
  it("block-diagonal metric equals the exact blocks of layered circuits", () => {
    const c = new Circuit(2).ry("a", 0).ry("b", 1).cx(0, 1).rx("c", 0).rz("d", 1).cx(1, 0);
    const w = [0.7, 1.1, -0.4, 0.9];
    const block = metricTensor(c).evaluate(w);
    const full = metricTensor(c, { approximation: "full" }).evaluate(w);
    const blocks = [
      [0, 1],
      [2, 3],
    ];
    for (const b of blocks)
      for (const i of b)
        for (const j of b) expect(Math.abs(block[i * 4 + j]! - full[i * 4 + j]!)).toBeLessThan(1e-12);
    expect(block[0 * 4 + 2]).toBe(0);
    const diag = metricTensor(c, { approximation: "diag" }).evaluate(w);
    expect(diag[1]).toBe(0);
    expect(diag[5]).toBeCloseTo(full[5]!, 12);
  });
});
