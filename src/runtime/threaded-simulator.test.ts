import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../util/rng.js";
import { PauliSum } from "../observables/pauli-sum.js";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { circuitSeed, randomCircuit } from "../sim/test-utils/random-circuit.js";
import { maxAbsDiff, standardCircuit } from "../sim/test-utils/benchmark-circuits.js";
import { SimThreadPool } from "./thread-pool.js";
import { createSimulator } from "./threaded-simulator.js";

const reference = new StateVectorSimulator({ engine: "reference" });
// Small thresholds so that cheap test circuits exercise the threaded paths.
const pool = new SimThreadPool(3, { minQubits: 5, minBatchWork: 0 });
afterAll(() => pool.close());

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

  it("createSimulator takes threads and precision", () => {
    const sim = createSimulator({ threads: 2, precision: "complex64", threadPool: { minQubits: 6 } });
    const { circuit } = standardCircuit(10, 4, 1);
    expect(
      Math.abs(sim.expectation(circuit, ["Z0"])[0]![0]! - reference.expectation(circuit, ["Z0"])[0]![0]!),
    ).toBeLessThan(1e-5);
    expect(() => createSimulator({ threads: 0 })).toThrow(/threads/);
  });
});
