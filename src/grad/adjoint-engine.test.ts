import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Circuit } from "../circuit/circuit.js";
import { GATES } from "../gates/gate-table.js";
import { maxAbsDiff } from "../math/complex-matrix.js";
import { PauliSum } from "../observables/pauli-sum.js";
import { Rng } from "../util/rng.js";
import { adjointSchedule, generatorTerms } from "./adjoint-schedule.js";
import { type GradientOptions, gradient, jacobian } from "./gradient.js";
import { buildGradientProgram } from "./gradient-program.js";
import { PARAM_GATES, randomParamCircuit } from "./test-utils/random-param-circuit.js";

const H = (n: number) => `0.7*Z0 Z1 + X${n - 1} - 0.4*Y1 Z2 + 0.2*X0 Y${n - 1}`;

/** Gradient by the plain gate-by-gate adjoint sweep: the reference for the fused one. */
function gateByGate(c: Circuit, h: string, w: Float64Array) {
  return gradient(c, h, { engine: "gate-by-gate" }).valueAndGradient(w);
}

describe("fused adjoint on the engines", () => {
  const variants: [string, GradientOptions][] = [
    ["WebAssembly, all checkpoints", { engine: "wasm" }],
    ["typed arrays, all checkpoints", { engine: "js" }],
    ["WebAssembly, no checkpoints (|ψ⟩ undone)", { engine: "wasm", checkpointBytes: 0 }],
    ["WebAssembly, a few checkpoints", { engine: "wasm", checkpointBytes: 3 * 16 * 2 ** 7 }],
  ];
  for (const [name, options] of variants)
    it(`${name}: = gate-by-gate adjoint (1e-10) on random circuits with every parameterised gate`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 3, max: 7 }), (seed, n) => {
          const rng = new Rng(seed);
          const c = randomParamCircuit(rng, n, 60, 40 + rng.int(10));
          const w = Float64Array.from({ length: c.numParameters }, () => rng.uniform(-Math.PI, Math.PI));
          const ref = gateByGate(c, H(n), w);
          const got = gradient(c, H(n), options).valueAndGradient(w);
          expect(Math.abs(got.value - ref.value)).toBeLessThan(1e-12);
          for (let i = 0; i < w.length; i++)
            expect(Math.abs(got.gradient[i]! - ref.gradient[i]!)).toBeLessThan(1e-10);
        }),
        { seed: 7, numRuns: 12 },
      );
    });

  it("batches, several observables and a trainable subset: = gate-by-gate (12 qubits, default engine)", () => {
    const rng = new Rng(3);
    const c = randomParamCircuit(rng, 12, 90, 30);
    const trainable = c.parameters.filter((_, i) => i % 3 !== 0);
    const observables = [H(12), "Z5", "0.5*X3 X4 + Y7"];
    const batch = Object.fromEntries(
      c.parameters.map((p) => [p, Array.from({ length: 4 }, () => rng.uniform(-3, 3))]),
    );
    const fused = jacobian(c, observables, { trainable }).evaluate(batch);
    const ref = jacobian(c, observables, { trainable, engine: "gate-by-gate" }).evaluate(batch);
    expect(fused.jacobian.length).toBe(4 * 3 * trainable.length);
    for (let i = 0; i < ref.values.length; i++)
      expect(Math.abs(fused.values[i]! - ref.values[i]!)).toBeLessThan(1e-12);
    for (let i = 0; i < ref.jacobian.length; i++)
      expect(Math.abs(fused.jacobian[i]! - ref.jacobian[i]!)).toBeLessThan(1e-10);
  });

  it("15 qubits (brakets across cache blocks, controls, relabelled frames): = gate-by-gate (1e-10)", () => {
    const rng = new Rng(15);
    const c = randomParamCircuit(rng, 15, 40, 25);
    const h = "0.3*Z14 + X13 Y2 - 0.5*Z0 Z7";
    const w = Float64Array.from({ length: c.numParameters }, () => rng.uniform(-Math.PI, Math.PI));
    const ref = gateByGate(c, h, w);
    for (const engine of ["wasm", "js"] as const) {
      const got = gradient(c, h, { engine }).valueAndGradient(w);
      expect(Math.abs(got.value - ref.value)).toBeLessThan(1e-12);
      for (let i = 0; i < w.length; i++)
        expect(Math.abs(got.gradient[i]! - ref.gradient[i]!)).toBeLessThan(1e-10);
    }
  });

  it("RX·RZ layers with a brickwork (segments end on RX, their phases owed to the next): = gate-by-gate", () => {
    let c = new Circuit(10);
    for (let l = 0; l < 4; l++) {
      for (let q = 0; q < 10; q++) c = c.rx(`a${l}_${q}`, q).rz(`b${l}_${q}`, q);
      for (let q = l % 2; q + 1 < 10; q += 2) c = c.cz(q, q + 1);
    }
    const rng = new Rng(4);
    const w = Float64Array.from({ length: c.numParameters }, () => rng.uniform(-Math.PI, Math.PI));
    const h = "Z0 + 0.5*X3 Y4 - 0.25*Y9";
    const ref = gateByGate(c, h, w);
    for (const engine of ["wasm", "js"] as const)
      for (const checkpointBytes of [undefined, 0]) {
        const got = gradient(c, h, {
          engine,
          ...(checkpointBytes === 0 ? { checkpointBytes } : {}),
        }).valueAndGradient(w);
        expect(Math.abs(got.value - ref.value)).toBeLessThan(1e-12);
        for (let i = 0; i < w.length; i++)
          expect(Math.abs(got.gradient[i]! - ref.gradient[i]!)).toBeLessThan(1e-10);
      }
  });

  it("d⟨Z⟩/dθ of RX(θ) on a 10-qubit register is −sin θ on the fused path", () => {
    const c = new Circuit(10).rx("theta", 0);
    for (const t of [0, 0.3, 1.7, -2.5]) {
      const { value, gradient: g } = gradient(c, "Z0").valueAndGradient([t]);
      expect(Math.abs(value - Math.cos(t))).toBeLessThan(1e-14);
      expect(Math.abs(g[0]! + Math.sin(t))).toBeLessThan(1e-14);
    }
  });

  it("adjoint still refuses mid-circuit measurement on the fused path", () => {
    const c = new Circuit(10, 1).rx("a", 0).measure(0, 0).rx("b", 1);
    expect(() => gradient(c, "Z1").valueAndGradient([0.1, 0.2])).toThrow(/parameter-shift/);
  });
});

describe("adjointSchedule", () => {
  it("takes the brakets of a whole layer at one point: one point per RX·RZ·CZ layer", () => {
    let circuit = new Circuit(8);
    for (let l = 0; l < 5; l++) {
      for (let q = 0; q < 8; q++) circuit = circuit.rx(`a${l}_${q}`, q).rz(`b${l}_${q}`, q);
      for (let q = l % 2; q + 1 < 8; q += 2) circuit = circuit.cz(q, q + 1);
    }
    const gp = buildGradientProgram(circuit);
    const s = adjointSchedule(gp, new Uint8Array(gp.parameters.length).fill(1));
    expect(s.groups.length).toBe(5);
    expect(s.groups.every((g) => g.gates.length === 16)).toBe(true);
    const points = s.groups.map((g) => g.point);
    expect(points).toEqual([...points].sort((a, b) => a - b));
  });

  it("opens a new point when a gate does not commute with a generator (CRX chain)", () => {
    let c = new Circuit(5);
    for (let q = 0; q < 4; q++) c = c.crx(`a${q}`, q, q + 1);
    const gp = buildGradientProgram(c);
    // CRX(q+1, q+2)'s braket may be taken just before it, where CRX(q, q+1)'s is taken after: pairs share.
    expect(adjointSchedule(gp, new Uint8Array(4).fill(1)).groups.map((g) => g.gates.length)).toEqual([2, 2]);
  });

  it("a sweep of RY gates then a CZ chain: one point per sweep, after the rotations", () => {
    let c = new Circuit(4);
    for (let s = 0; s < 3; s++) {
      for (let q = 0; q < 4; q++) c = c.ry(`t${s}_${q}`, q);
      for (let q = 0; q < 3; q++) c = c.cz(q, q + 1);
    }
    const gp = buildGradientProgram(c);
    const s = adjointSchedule(gp, new Uint8Array(12).fill(1));
    expect(s.groups.map((g) => g.point)).toEqual([4, 11, 18]);
  });

  it("Pauli terms of every parameterised gate's generator rebuild the generator", () => {
    for (const id of PARAM_GATES) {
      const spec = GATES[id];
      const targets = Array.from({ length: spec.numQubits }, (_, i) => i);
      for (const g of spec.generators) {
        const gate = { kind: "gate", opIndex: 0, gate: id, targets, ctrlMask: 0, ctrlValue: 0 } as const;
        const terms = generatorTerms({ ...gate, angles: [], fixed: undefined, condition: undefined }, g.data);
        // Rebuild through the observables layer's own Pauli parsing and dense matrices.
        const text = terms
          .map((t) => {
            const ops = targets
              .filter((q) => ((t.x | t.z) >> q) & 1)
              .map((q) => `${"IXZY"[((t.x >> q) & 1) | (((t.z >> q) & 1) << 1)]}${q}`);
            return `${t.coef < 0 ? "-" : "+"} ${Math.abs(t.coef)}*${ops.length ? ops.join(" ") : "I"}`;
          })
          .join(" ");
        const rebuilt = PauliSum.from(text).matrix(spec.numQubits);
        expect(maxAbsDiff(rebuilt, g), `${id}: ${text}`).toBeLessThan(1e-14);
      }
    }
  });
});
