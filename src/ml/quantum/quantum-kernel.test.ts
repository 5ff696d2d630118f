import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { StateVectorSimulator } from "../../sim/statevector-simulator.js";
import { ZZFeatureMap } from "../../templates/zz-feature-map.js";
import { RealAmplitudes } from "../../templates/real-amplitudes.js";
import { SVC } from "../classical/svc.js";
import { FidelityQuantumKernel, ProjectedQuantumKernel, makePsd, minEigenvalue } from "./quantum-kernel.js";
import { QSVC } from "./qsvm.js";
import { TrainableFidelityQuantumKernel, kernelTargetAlignment } from "./kernel-alignment.js";
import { modelFromJSON } from "../serialization.js";

const rng = new Rng(1);
const rows = (n: number, d: number) =>
  Array.from({ length: n }, () => Array.from({ length: d }, () => rng.uniform(0, Math.PI)));

describe("FidelityQuantumKernel", () => {
  const fm = new ZZFeatureMap(3, { reps: 2, entanglement: "linear" });
  const kernel = new FidelityQuantumKernel(fm, { psdFix: "none" });
  it("equals the compute–uncompute circuit overlap |⟨0|U(y)†U(x)|0⟩|² to 1e-12", () => {
    const X = rows(6, 3);
    const K = kernel.evaluate(X);
    const sim = new StateVectorSimulator();
    for (let i = 0; i < X.length; i++)
      for (let j = 0; j < X.length; j++) {
        // Independent route: one circuit U(x_i) followed by U(x_j)†, probability of |000⟩.
        const ui = fm.circuit.bind(fm.encode(X[i]!));
        const uj = fm.circuit.bind(fm.encode(X[j]!));
        const p0 = sim.probabilities(ui.compose(uj.inverse()))[0]![0]!;
        expect(Math.abs(K[i]![j]! - p0)).toBeLessThan(1e-12);
      }
  });
  it("is symmetric with unit diagonal, and the cross kernel matches", () => {
    const X = rows(5, 3),
      Y = rows(3, 3);
    const K = kernel.evaluate(X);
    K.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(K[j]![i]!, 15)));
    K.forEach((r, i) => expect(r[i]).toBeCloseTo(1, 14));
    const C = kernel.evaluate(Y, X);
    const KA = kernel.evaluate([...Y, ...X]);
    C.forEach((r, a) => r.forEach((v, j) => expect(Math.abs(v - KA[a]![3 + j]!)).toBeLessThan(1e-12)));
    expect(minEigenvalue(K)).toBeGreaterThan(-1e-12);
  });
  it("makePsd clips negative eigenvalues", () => {
    const bad = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(minEigenvalue(bad)).toBeLessThan(0);
    expect(minEigenvalue(makePsd(bad, "clip"))).toBeGreaterThan(-1e-12);
    expect(minEigenvalue(makePsd(bad, "shift"))).toBeGreaterThan(-1e-12);
  });
});

describe("QSVC", () => {
  const X = rows(40, 2);
  const y = X.map((r) => (Math.sin(r[0]! * 2) * Math.cos(r[1]!) > 0 ? 1 : 0));
  const kernel = new FidelityQuantumKernel(new ZZFeatureMap(2, { reps: 2 }));
  it("predicts exactly what SVC with the same precomputed matrix predicts", () => {
    const qsvc = new QSVC({ kernel, C: 1 }).fit(X.slice(0, 30), y.slice(0, 30));
    const K = kernel.evaluate(X.slice(0, 30));
    const Kte = kernel.evaluate(X.slice(30), X.slice(0, 30));
    const svc = new SVC({ kernel: "precomputed", C: 1 }).fit(K, y.slice(0, 30));
    expect(qsvc.predict(X.slice(30))).toEqual(svc.predict(Kte));
    expect(qsvc.decisionFunction(X.slice(30))).toEqual(svc.decisionFunction(Kte));
  });
  it("reloads from JSON and predicts identically", () => {
    const qsvc = new QSVC({ kernel, C: 2 }).fit(X, y);
    const again = modelFromJSON(JSON.parse(JSON.stringify(qsvc.toJSON()))) as QSVC;
    expect(again.predict(X)).toEqual(qsvc.predict(X));
  });
  it("names a feature-count mismatch", () => {
    expect(() => new QSVC({ kernel, C: 1 }).fit(rows(5, 3), [0, 1, 0, 1, 0])).toThrow(
      /2 features but X has 3 columns/,
    );
  });
});

describe("projected and trainable kernels", () => {
  it("projected kernel: exp(−γ·½‖r(x) − r(y)‖²) over Bloch vectors, 1 on the diagonal", () => {
    const k = new ProjectedQuantumKernel(new ZZFeatureMap(2), { gamma: 0.7 });
    const X = rows(4, 2);
    const K = k.evaluate(X);
    K.forEach((r, i) => expect(r[i]).toBeCloseTo(1, 14));
    // single-qubit check: ρ = (I + r·σ)/2, ‖ρ−σ‖²_F = ½‖r−s‖²
    const b = k.blochVectors(X.slice(0, 2));
    let d = 0;
    for (let t = 0; t < b[0]!.length; t++) d += (b[0]![t]! - b[1]![t]!) ** 2;
    expect(K[0]![1]).toBeCloseTo(Math.exp(-0.7 * 0.5 * d), 14);
    for (const v of b[0]!) expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-12);
  });
  it("alignment training raises kernel-target alignment", () => {
    const X = rows(24, 2);
    const y = X.map((r) => (r[0]! > r[1]! ? 1 : 0));
    const k = new TrainableFidelityQuantumKernel(
      new ZZFeatureMap(2, { reps: 1 }),
      new RealAmplitudes(2, { reps: 1 }),
    );
    const before = kernelTargetAlignment(k.evaluate(X), y);
    const after = k.fitAlignment(X, y, { maxIterations: 40, seed: 1 });
    expect(after).toBeGreaterThan(before);
    expect(kernelTargetAlignment(k.evaluate(X), y)).toBeCloseTo(after, 6);
  });
  it("KTA of a perfect kernel is 1", () => {
    const y = [0, 0, 1, 1];
    const s = y.map((v) => (v ? 1 : -1));
    expect(
      kernelTargetAlignment(
        s.map((a) => s.map((b) => a * b)),
        y,
      ),
    ).toBeCloseTo(1, 15);
  });
});
