import { describe, expect, it } from "vitest";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { IQPEmbedding } from "./iqp-embedding.js";
import { complexVector, maxAbsDiffState, phase } from "./test-utils/complex-state.js";

const sim = new StateVectorSimulator();

/** One IQP block on |+⟩^n is diagonal: amplitude of |k⟩ is 2^{−n/2}·exp(−i/2·(Σ_i x_i z_i + Σ_{i<j} x_i x_j z_i z_j)), z = ±1. */
function iqpOneRep(x: readonly number[], pairs: readonly (readonly [number, number])[]): Float64Array {
  const n = x.length;
  const amp = 2 ** (-n / 2);
  return complexVector(
    Array.from({ length: 2 ** n }, (_, k) => {
      const z = (i: number) => (((k >> i) & 1) === 1 ? -1 : 1);
      let e = 0;
      for (let i = 0; i < n; i++) e += x[i]! * z(i);
      for (const [i, j] of pairs) e += x[i]! * x[j]! * z(i) * z(j);
      return phase(-e / 2, amp);
    }),
  );
}

describe("IQPEmbedding", () => {
  it("is H, RZ(x_i), then RZZ(x_i·x_j) on every pair (PennyLane's MultiRZ)", () => {
    const x = [0.3, -0.8, 1.4];
    const fm = new IQPEmbedding(3);
    expect(fm.inputNames).toEqual(["x0", "x1", "x2", "x0_x1", "x0_x2", "x1_x2"]);
    const expected = iqpOneRep(x, [
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(maxAbsDiffState(sim.statevector(fm.circuit, fm.encode(x)), expected)).toBeLessThan(1e-12);
  });

  it("takes a custom pattern and repeats", () => {
    const fm = new IQPEmbedding(3, { pattern: [[2, 0]], reps: 2 });
    expect(fm.circuit.countOps()).toEqual({ h: 6, rz: 6, rzz: 2 });
    expect(fm.encode([2, 5, 3])["x0_x2"]).toBe(6);
  });

  it("bandwidth scales the features", () => {
    const x = [0.6, 1.9];
    const a = new IQPEmbedding(2, { bandwidth: 0.5 });
    const b = new IQPEmbedding(2);
    expect(
      maxAbsDiffState(
        sim.statevector(a.circuit, a.encode(x)),
        sim.statevector(b.circuit, b.encode(x.map((v) => v / 2))),
      ),
    ).toBeLessThan(1e-12);
  });
});
