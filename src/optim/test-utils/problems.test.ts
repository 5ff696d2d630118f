import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import {
  VQE_START,
  rosenbrock,
  smallestEigenvalue,
  vqeEnergy,
  vqeGradient,
  vqeHamiltonian,
  vqeMetric,
  vqeState,
} from "./problems.js";

// The fixtures are only useful if they are right: check them against independent computations.
describe("test problems", () => {
  it("Rosenbrock's gradient matches central differences and vanishes at (1, …, 1)", () => {
    const rb = rosenbrock();
    const x = Float64Array.of(-1.2, 1, 0.3, -0.7);
    const g = rb.gradient(x);
    for (let i = 0; i < x.length; i++) {
      const h = 1e-6;
      const p = Float64Array.from(x);
      const m = Float64Array.from(x);
      p[i] = p[i]! + h;
      m[i] = m[i]! - h;
      // Central-difference error ≈ h²·f'''/6 + ε·f/h ≈ 1e-12·1e3 + 1e-10: well under 1e-5.
      expect(g[i]!).toBeCloseTo((rb.value(p) - rb.value(m)) / (2 * h), 5);
    }
    expect(rb.value(new Float64Array(10).fill(1))).toBe(0);
    expect(Array.from(rb.gradient(new Float64Array(10).fill(1)))).toEqual(new Array(10).fill(0));
  });

  it("the exact ground energy of H = Z⊗Z + ½(X⊗I + I⊗X) is −√2, by power iteration and in closed form", () => {
    // Closed form: H commutes with the swap; the antisymmetric singlet has energy −1, the symmetric
    // (|00⟩ − |11⟩)/√2 has +1, and on span{(|00⟩ + |11⟩)/√2, (|01⟩ + |10⟩)/√2} H acts as [[1, 1], [1, −1]]
    // with eigenvalues ±√2.
    expect(smallestEigenvalue(vqeHamiltonian())).toBeCloseTo(-Math.SQRT2, 12);
  });

  it("the ansatz reaches the ground energy at θ = (π/2, −3π/4, 0, 0) and is normalised", () => {
    // With θ0 = π/2 the state is (cos θ1/2, sin θ1/2, sin θ1/2, cos θ1/2)/√2, and the ground state has
    // tan(θ1/2) = −(1 + √2), i.e. θ1 = −3π/4.
    expect(vqeEnergy([Math.PI / 2, (-3 * Math.PI) / 4, 0, 0])).toBeCloseTo(-Math.SQRT2, 14);
    const psi = vqeState(VQE_START);
    expect(psi.reduce((s, a) => s + a * a, 0)).toBeCloseTo(1, 14);
  });

  it("the energy is A·sin(θ_d + B) + C in every coordinate (the premise of Rotosolve)", () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 20; trial++) {
      const theta = Array.from({ length: 4 }, () => rng.uniform(-Math.PI, Math.PI));
      const d = rng.int(4);
      const at = (t: number): number => vqeEnergy(theta.map((v, i) => (i === d ? t : v)));
      // Fit from three points: C = (f(π/2) + f(−π/2))/2, A sin B = f(0) − C, A cos B = (f(π/2) − f(−π/2))/2.
      const c = (at(Math.PI / 2) + at(-Math.PI / 2)) / 2;
      const aSin = at(0) - c;
      const aCos = (at(Math.PI / 2) - at(-Math.PI / 2)) / 2;
      const t = rng.uniform(-Math.PI, Math.PI);
      expect(at(t)).toBeCloseTo(aCos * Math.sin(t) + aSin * Math.cos(t) + c, 12);
    }
  });

  it("the parameter-shift gradient and the metric agree with finite differences", () => {
    const theta = [0.7, -0.2, 1.1, 0.4];
    const g = vqeGradient(theta);
    const metric = vqeMetric(theta);
    const h = 1e-5;
    const dpsi = theta.map((_, i) => {
      const p = theta.map((v, k) => (k === i ? v + h : v));
      const m = theta.map((v, k) => (k === i ? v - h : v));
      expect(g[i]!).toBeCloseTo((vqeEnergy(p) - vqeEnergy(m)) / (2 * h), 8);
      const sp = vqeState(p);
      const sm = vqeState(m);
      return sp.map((a, k) => (a - sm[k]!) / (2 * h));
    });
    const psi = vqeState(theta);
    const dot = (u: Float64Array, v: Float64Array): number => u.reduce((s, a, k) => s + a * v[k]!, 0);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const expected = dot(dpsi[i]!, dpsi[j]!) - dot(dpsi[i]!, psi) * dot(psi, dpsi[j]!);
        expect(metric[i * 4 + j]!).toBeCloseTo(expected, 8);
      }
    }
  });
});
