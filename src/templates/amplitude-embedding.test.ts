import { describe, expect, it } from "vitest";
import { Rng } from "../util/rng.js";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { AmplitudeEmbedding } from "./amplitude-embedding.js";
import { maxAbsDiffState } from "./test-utils/complex-state.js";

const sim = new StateVectorSimulator();

function realState(v: readonly number[]): Float64Array {
  const norm = Math.hypot(...v);
  const out = new Float64Array(2 * v.length);
  v.forEach((a, i) => (out[2 * i] = a / norm));
  return out;
}

describe("AmplitudeEmbedding", () => {
  it("prepares x/‖x‖ exactly for random real vectors with negative entries and zeros, n = 1…6", () => {
    const rng = new Rng(11);
    for (let n = 1; n <= 6; n++) {
      const fm = new AmplitudeEmbedding(n, { normalize: true });
      expect(fm.circuit.countOps()).toEqual(n === 1 ? { ry: 1 } : { ry: 2 ** n - 1, cx: 2 ** n - 2 });
      for (let trial = 0; trial < 8; trial++) {
        const x: number[] = Array.from({ length: 2 ** n }, () => {
          const u = rng.next();
          return u < 0.2 ? 0 : 4 * (rng.next() - 0.5); // zeros, negatives, positives
        });
        if (trial === 0) x.fill(0, 0, Math.max(1, x.length / 2)); // a whole zero half
        if (trial === 1) x.fill(0).splice(x.length - 1, 1, -3); // a single negative amplitude
        if (!x.some((v) => v !== 0)) x[0] = 1;
        const state = sim.statevector(fm.circuit, fm.encode(x));
        expect(maxAbsDiffState(state, realState(x)), `n=${n} x=${x.join(",")}`).toBeLessThan(1e-12);
      }
    }
  });

  it("batches: encodeBatch rows prepare each vector", () => {
    const fm = new AmplitudeEmbedding(2, { normalize: true });
    const X = [
      [1, -2, 0, 2],
      [0, 0, -1, 0],
      [3, 4, 0, 0],
    ];
    const states = sim.statevectors(fm.circuit, fm.encodeBatch(X));
    X.forEach((x, b) => expect(maxAbsDiffState(states[b]!, realState(x))).toBeLessThan(1e-12));
  });

  it("pads with padWith up to 2^n amplitudes", () => {
    const fm = new AmplitudeEmbedding(2, { numFeatures: 3, padWith: 0.5, normalize: true });
    const state = sim.statevector(fm.circuit, fm.encode([1, -1, 0]));
    expect(maxAbsDiffState(state, realState([1, -1, 0, 0.5]))).toBeLessThan(1e-12);
    expect(() => new AmplitudeEmbedding(2, { numFeatures: 3 })).toThrow(/pass padWith/);
  });

  it("refuses vectors too long, all zeros, or not normalized without normalize", () => {
    const fm = new AmplitudeEmbedding(2);
    expect(() => fm.encode([0.5, 0.5, 0.5, 0.5, 0])).toThrow(
      expect.objectContaining({
        code: "INVALID_DATA",
        message: expect.stringMatching(/5 entries is longer than the 4 amplitudes of 2 qubit/),
      }),
    );
    expect(() => new AmplitudeEmbedding(2, { numFeatures: 5 })).toThrow(/5 features do not fit in 2 qubit/);
    expect(() => new AmplitudeEmbedding(2, { normalize: true }).encode([0, 0, 0, 0])).toThrow(
      expect.objectContaining({ code: "INVALID_DATA", message: expect.stringMatching(/all zeros/) }),
    );
    expect(() => fm.encode([1, 1, 0, 0])).toThrow(/norm 1.414.*normalize: true/);
    expect(() => fm.encode([0.5, 0.5, NaN, 0.5])).toThrow(
      expect.objectContaining({ code: "NON_FINITE", message: expect.stringMatching(/feature 2 is NaN/) }),
    );
    expect(fm.encode([0.5, -0.5, 0.5, 0.5])).toBeTruthy();
  });
});
