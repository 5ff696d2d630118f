import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../util/rng.js";
import { PauliSum } from "../observables/pauli-sum.js";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { circuitSeed, randomCircuit } from "../sim/test-utils/random-circuit.js";
import { maxAbsDiff, standardCircuit } from "../sim/test-utils/benchmark-circuits.js";
import { Circuit } from "../circuit/circuit.js";
import { jacobian } from "../grad/gradient.js";
import { EstimatorQNN } from "../ml/quantum/qnn.js";
import { RealAmplitudes, ZZFeatureMap } from "../templates/index.js";
import { SimThreadPool } from "./thread-pool.js";
import { createSimulator } from "./threaded-simulator.js";

const reference = new StateVectorSimulator({ engine: "reference" });
// Small thresholds so that cheap test circuits exercise the threaded paths.
const pool = new SimThreadPool(3, { minQubits: 5, minBatchWork: 0 });
// 10-qubit batches spread (states below 18 qubits run one per thread).
const qnnPool = new SimThreadPool(2, { minBatchWork: 0 });
afterAll(() => {
  pool.close();
  qnnPool.close();
});

describe("worker threads vs the reference kernels", () => {
  for (const precision of ["complex128", "complex64"] as const) {
    const tol = precision === "complex128" ? 1e-10 : 1e-5;
    it(`${precision}: every plan on 3 threads over shared memory (blocked passes and whole-state sweeps)`, () => {
      const sim = new StateVectorSimulator({
        parallel: pool,
        precision,
        engine: "wasm",
        fusion: { blockQubits: 4 },
      });
      fc.assert(
        fc.property(circuitSeed, fc.integer({ min: 5, max: 11 }), fc.boolean(), (seed, n, dense) => {
          const rng = new Rng(seed);
          const c = randomCircuit(rng, n, 10 + rng.int(60), { modifiers: true });
          const s = new StateVectorSimulator({
            parallel: pool,
            precision,
            engine: "wasm",
            fusion: {
              blockQubits: 1 + rng.int(n),
              ...(dense ? { strategy: "dense" as const, maxFusedQubits: 3 } : {}),
            },
          });
          expect(maxAbsDiff(s.statevector(c), reference.statevector(c))).toBeLessThan(tol);
        }),
        { seed: 51, numRuns: 40 },
      );
      const { circuit } = standardCircuit(12, 6, 4);
      expect(maxAbsDiff(sim.statevector(circuit), reference.statevector(circuit))).toBeLessThan(tol);
    });
  }

  it("controlled rotations whose thread shares start or end inside a walk chunk", () => {
    // Whole-state sweeps only (blockQubits 1): with 3 threads each share starts mid-chunk, and controls
    // above the targets make the first group of a control value lie below the share's first index.
    let c = new Circuit(11);
    for (let q = 0; q < 11; q++) c = c.ry(0.3 + 0.2 * q, q).rz(0.1 * q, q);
    c = c.cry(3.1, 9, 4).cz(8, 10).ry(0.7, 10).ry(0.4, 4).cry(1.3, 10, 2).cx(9, 6).ry(0.2, 6);
    // Low targets controlled by qubits 1, 3, 5 in whole-state sweeps (blockQubits 4): in the first share,
    // some control values have no group before the share ends.
    const { circuit: brickwork } = standardCircuit(12, 3, 2);
    for (const [circuit, blockQubits] of [
      [c, 1],
      [brickwork, 4],
    ] as const)
      for (const precision of ["complex128", "complex64"] as const) {
        const s = new StateVectorSimulator({
          parallel: pool,
          precision,
          engine: "wasm",
          fusion: { blockQubits },
        });
        const tol = precision === "complex128" ? 1e-10 : 1e-5;
        expect(maxAbsDiff(s.statevector(circuit), reference.statevector(circuit))).toBeLessThan(tol);
      }
  });

  it("spreads a batch of small circuits over the workers", () => {
    const rng = new Rng(9);
    const c = randomCircuit(rng, 4, 40, { symbolic: true, modifiers: true });
    const names = c.parameters;
    const bindings = Object.fromEntries(
      names.map((n) => [n, Array.from({ length: 37 }, () => rng.uniform(-3, 3))]),
    );
    const h = PauliSum.parse("Z0 Z1 + 0.5*X2 - 0.25*Y3");
    const sim = new StateVectorSimulator({ parallel: pool });
    const a = sim.expectation(c, [h, "Z3"], bindings).flat(),
      b = reference.expectation(c, [h, "Z3"], bindings).flat();
    a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-10));
    const sa = sim.statevectors(c, bindings),
      sb = reference.statevectors(c, bindings);
    sa.forEach((s, i) => expect(maxAbsDiff(s, sb[i]!)).toBeLessThan(1e-10));
  });

  it("spreads a batch of adjoint Jacobians over the workers: the same numbers as one thread", () => {
    const rng = new Rng(12);
    let c = new Circuit(4);
    for (let l = 0; l < 3; l++) {
      for (let q = 0; q < 4; q++) c = c.ry(`x${q}`, q).rx(`a${l}_${q}`, q).rz(`b${l}_${q}`, q);
      c = c.cx(0, 1).cx(2, 3).crz(`c${l}`, 1, 2);
    }
    const trainable = c.parameters.filter((p) => !p.startsWith("x"));
    const bindings = Object.fromEntries(
      c.parameters.map((n) => [n, Array.from({ length: 37 }, () => rng.uniform(-3, 3))]),
    );
    const observables = ["Z0 Z1 + 0.5*X2", "Y3"];
    const gates = jacobian(c, observables, { engine: "gate-by-gate", trainable }).evaluate(bindings);
    // The fused engine in every worker, and (4 qubits, default engine) the gate-by-gate sweep.
    for (const engine of ["wasm", "auto"] as const) {
      const threaded = jacobian(c, observables, { engine, trainable, parallel: pool }).evaluate(bindings);
      const single = jacobian(c, observables, { engine, trainable }).evaluate(bindings);
      expect(Array.from(threaded.values)).toEqual(Array.from(single.values));
      expect(Array.from(threaded.jacobian)).toEqual(Array.from(single.jacobian));
      threaded.jacobian.forEach((v, i) => expect(Math.abs(v - gates.jacobian[i]!)).toBeLessThan(1e-10));
    }
  });

  it("a QNN trains on the pool: forward batches and Jacobians equal the single-thread ones", () => {
    const qnn = (parallel?: SimThreadPool) =>
      new EstimatorQNN(
        { featureMap: new ZZFeatureMap(10, { reps: 1 }), ansatz: new RealAmplitudes(10, { reps: 1 }) },
        ["Z0", "Z9"],
        parallel ? { parallel } : {},
      );
    const rng = new Rng(3);
    const X = Array.from({ length: 8 }, () => Array.from({ length: 10 }, () => rng.uniform(0, 1)));
    const single = qnn(),
      threaded = qnn(qnnPool);
    const w = Array.from({ length: single.numWeights }, () => rng.uniform(-1, 1));
    expect(Array.from(threaded.forward(X, w))).toEqual(Array.from(single.forward(X, w)));
    const a = threaded.backward(X, w),
      b = single.backward(X, w);
    expect(Array.from(a.jacobian)).toEqual(Array.from(b.jacobian));
  });

  it("createSimulator takes threads and precision", () => {
    const sim = createSimulator({ threads: 2, precision: "complex64", threadPool: { minQubits: 6 } });
    const { circuit } = standardCircuit(10, 4, 1);
    expect(
      Math.abs(sim.expectation(circuit, ["Z0"])[0]![0]! - reference.expectation(circuit, ["Z0"])[0]![0]!),
    ).toBeLessThan(1e-5);
    expect(() => createSimulator({ threads: 0 })).toThrow(/threads/);
  });
});
