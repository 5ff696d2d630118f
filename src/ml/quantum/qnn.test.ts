import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { ZFeatureMap } from "../../templates/z-feature-map.js";
import { RealAmplitudes } from "../../templates/real-amplitudes.js";
import { EstimatorQNN, SamplerQNN } from "./qnn.js";

const rng = new Rng(4);
const X = Array.from({ length: 3 }, () => [rng.uniform(0, 3), rng.uniform(0, 3)]);
const spec = { featureMap: new ZFeatureMap(2), ansatz: new RealAmplitudes(2, { reps: 2 }) };
const w = Float64Array.from({ length: 6 }, () => rng.uniform(-1, 1));

/** Central finite differences of a batch function, as an independent check of the Jacobians. */
function numericJacobian(f: (w: Float64Array) => Float64Array, w0: Float64Array): Float64Array[] {
  return Array.from(w0, (_, i) => {
    const p = w0.slice(),
      m = w0.slice();
    p[i]! += 1e-6;
    m[i]! -= 1e-6;
    const fp = f(p),
      fm = f(m);
    return fp.map((v, k) => (v - fm[k]!) / 2e-6);
  });
}

describe("QNN primitives", () => {
  it("EstimatorQNN backward matches finite differences of forward", () => {
    const qnn = new EstimatorQNN(spec, ["Z0", "Z0 Z1"]);
    const { values, jacobian } = qnn.backward(X, w);
    expect(values).toEqual(qnn.forward(X, w));
    const num = numericJacobian((v) => qnn.forward(X, v), w);
    for (let b = 0; b < 3; b++)
      for (let o = 0; o < 2; o++)
        for (let i = 0; i < 6; i++)
          expect(Math.abs(jacobian[(b * 2 + o) * 6 + i]! - num[i]![b * 2 + o]!)).toBeLessThan(1e-8);
  });
  it("SamplerQNN gives distributions and parameter-shift Jacobians", () => {
    const qnn = new SamplerQNN(spec, [0, 1]);
    const { values, jacobian } = qnn.backward(X, w);
    for (let b = 0; b < 3; b++)
      expect(values.subarray(4 * b, 4 * b + 4).reduce((a, c) => a + c)).toBeCloseTo(1, 14);
    const num = numericJacobian((v) => qnn.forward(X, v), w);
    for (let k = 0; k < 12; k++)
      for (let i = 0; i < 6; i++) expect(Math.abs(jacobian[k * 6 + i]! - num[i]![k]!)).toBeLessThan(1e-8);
  });
  it("rejects a wrong number of weights", () => {
    expect(() => new EstimatorQNN(spec, ["Z0"]).forward(X, [1, 2])).toThrow(/expected 6 weights/);
  });
});
