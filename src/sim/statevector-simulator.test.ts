import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Circuit } from "../circuit/circuit.js";
import { PauliSum } from "../observables/pauli-sum.js";
import { Rng } from "../util/rng.js";
import { StateVectorSimulator } from "./statevector-simulator.js";
import { referenceStatevector } from "./reference/dense-reference.js";
import { matvec } from "../math/complex-matrix.js";
import { circuitSeed, randomCircuit } from "./test-utils/random-circuit.js";

const maxDiff = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
const norm2 = (s: Float64Array) => s.reduce((acc, v) => acc + v * v, 0);

describe("StateVectorSimulator vs the dense reference", () => {
  const sim = new StateVectorSimulator();
  it("agrees to 1e-10 on random circuits of 1–10 qubits with every gate and modifier controls", () => {
    fc.assert(
      fc.property(circuitSeed, fc.integer({ min: 1, max: 10 }), (seed, n) => {
        const rng = new Rng(seed);
        const c = randomCircuit(rng, n, 4 + rng.int(30), { modifiers: true });
        expect(maxDiff(sim.statevector(c), referenceStatevector(c))).toBeLessThan(1e-10);
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it("binds symbolic parameters like the reference, across a batch", () => {
    const rng = new Rng(5);
    const c = randomCircuit(rng, 4, 25, { symbolic: true });
    const names = c.parameters;
    const batch = [0, 1, 2].map(() => Object.fromEntries(names.map((n) => [n, rng.uniform(-3, 3)])));
    const bindings = Object.fromEntries(names.map((n) => [n, batch.map((b) => b[n]!)]));
    const states = sim.statevectors(c, bindings);
    expect(states).toHaveLength(3);
    states.forEach((s, b) => expect(maxDiff(s, referenceStatevector(c, batch[b]!))).toBeLessThan(1e-10));
  });

  it("preserves the norm to 1e-12 after 10,000 random gates", () => {
    const c = randomCircuit(new Rng(99), 6, 10_000, { modifiers: true });
    expect(Math.abs(norm2(sim.statevector(c)) - 1)).toBeLessThan(1e-12);
  });

  it("computes ⟨H⟩ equal to ψ†Hψ with the dense observable matrix", () => {
    fc.assert(
      fc.property(circuitSeed, (seed) => {
        const rng = new Rng(seed);
        const c = randomCircuit(rng, 4, 20);
        const h = PauliSum.parse("0.5*Z0 Z1 + X2 - 0.3*Y0 Y3 + 0.7*X1 Y2 Z3 + 1.25");
        const psi = sim.statevector(c);
        const hpsi = matvec(h.matrix(4), psi);
        let ref = 0;
        for (let i = 0; i < psi.length; i += 2) ref += psi[i]! * hpsi[i]! + psi[i + 1]! * hpsi[i + 1]!;
        expect(Math.abs(sim.expectation(c, [h])[0]![0]! - ref)).toBeLessThan(1e-12);
      }),
      { seed: 3, numRuns: 25 },
    );
  });
});

describe("conventions", () => {
  const sim = new StateVectorSimulator();
  it("qubit 0 is the least significant bit of the basis index", () => {
    const s = sim.statevector(new Circuit(3).x(0));
    expect(s[2 * 1]).toBe(1); // |001⟩ = index 1
    const t = sim.statevector(new Circuit(3).x(2));
    expect(t[2 * 4]).toBe(1); // |100⟩ = index 4
  });
  it("cx(0, 1) on |01⟩ gives |11⟩", () => {
    const s = sim.statevector(new Circuit(2).x(0).cx(0, 1));
    expect(s[2 * 3]).toBe(1);
  });
  it("counts print classical bit 0 rightmost", () => {
    const c = new Circuit(3, 3).x(0).measure(0, 0).measure(1, 1).measure(2, 2);
    expect(sim.sample(c, 10)[0]).toEqual({ "001": 10 });
  });
  it("d⟨Z⟩ example: ⟨Z⟩ after RX(θ) is cos θ", () => {
    const c = new Circuit(1).rx("t", 0);
    const thetas = [0, 0.3, 1.2, Math.PI, -2];
    const e = sim.expectation(c, ["Z0"], { t: thetas });
    thetas.forEach((t, b) => expect(e[b]![0]).toBeCloseTo(Math.cos(t), 14));
  });
});

describe("sampling", () => {
  it("is seeded and follows the Born rule", () => {
    const c = new Circuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1);
    const a = new StateVectorSimulator({ seed: 7 }).sample(c, 4000)[0]!;
    const b = new StateVectorSimulator({ seed: 7 }).sample(c, 4000)[0]!;
    expect(a).toEqual(b);
    expect(Object.keys(a).sort()).toEqual(["00", "11"]);
    // Binomial(4000, 1/2): sd ≈ 31.6; 5 sd bound.
    expect(Math.abs(a["00"]! - 2000)).toBeLessThan(160);
  });
  it("handles mid-circuit measurement, reset and classical conditions", () => {
    // Measure a |+⟩ qubit, copy the outcome to qubit 1 by a conditioned X, then reset qubit 0.
    const c = new Circuit(2, 2)
      .h(0)
      .measure(0, 0)
      .ifThen({ clbits: [0], value: 1 }, (b) => b.x(1))
      .reset(0)
      .measure(0, 1);
    const counts = new StateVectorSimulator({ seed: 1 }).sample(c.measure(1, 1), 2000)[0]!;
    // clbit 1 = final qubit 1 = outcome of the first measurement; clbit 0 = that outcome too.
    expect(Object.keys(counts).sort()).toEqual(["00", "11"]);
    expect(Math.abs(counts["00"]! - 1000)).toBeLessThan(120);
  });
  it("measures every qubit when the circuit has no measurement", () => {
    const counts = new StateVectorSimulator({ seed: 2 }).sample(new Circuit(2).x(1), 5)[0];
    expect(counts).toEqual({ "10": 5 });
  });
  it("agrees with trajectories and exact probabilities (chi-square on a 3-qubit state)", () => {
    const c = new Circuit(3).ry(0.7, 0).ry(1.9, 1).cx(1, 2).rx(0.4, 2);
    const sim = new StateVectorSimulator({ seed: 4 });
    const p = sim.probabilities(c)[0]!;
    const shots = 20000;
    const counts = sim.sample(c, shots)[0]!;
    let chi2 = 0;
    p.forEach((pi, i) => {
      if (pi < 1e-12) return;
      const key = i.toString(2).padStart(3, "0");
      chi2 += ((counts[key] ?? 0) - shots * pi) ** 2 / (shots * pi);
    });
    // 7 degrees of freedom: P(chi2 > 24.3) ≈ 0.001.
    expect(chi2).toBeLessThan(24.3);
  });
});

describe("errors", () => {
  const sim = new StateVectorSimulator();
  it("names an unbound parameter", () => {
    expect(() => sim.statevector(new Circuit(1).rx("theta", 0))).toThrow(/parameter "theta" has no value/);
  });
  it("rejects NaN angles in bindings and at build time", () => {
    expect(() => sim.statevector(new Circuit(1).rx("theta", 0), { theta: NaN })).toThrow(/"theta" is NaN/);
    expect(() => new Circuit(1).rx(NaN, 0)).toThrow(/NaN/);
  });
  it("refuses a state that does not fit, saying how much it needs", () => {
    expect(() =>
      new StateVectorSimulator({ maxMemoryBytes: 2 ** 30 }).statevector(new Circuit(30).h(0)),
    ).toThrow(/30-qubit state vector needs 16 GiB/);
  });
  it("asks for shots when the circuit measures mid-way", () => {
    expect(() => sim.statevector(new Circuit(1, 1).h(0).measure(0, 0))).toThrow(/use sample\(\)/);
  });
  it("rejects observables on qubits the circuit lacks", () => {
    expect(() => sim.expectation(new Circuit(2), ["Z5"])).toThrow(/qubit 5/);
  });
});
