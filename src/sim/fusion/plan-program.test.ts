import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Circuit } from "../../circuit/circuit.js";
import { Rng } from "../../util/rng.js";
import { compile } from "../compile.js";
import { runProgramReference as runProgram } from "../execute.js";
import { runPlanJs } from "../engine/js-executor.js";
import { circuitSeed, randomCircuit } from "../test-utils/random-circuit.js";
import { maxAbsDiff, randomState, standardCircuit } from "../test-utils/benchmark-circuits.js";
import { planProgram } from "./plan-program.js";
import type { FusionOptions } from "./plan.js";

const EMPTY = new Float64Array(0);

/** Reference: the plain kernels, gate by gate, from the same start state. */
function reference(c: Circuit, start: Float64Array, row = EMPTY): Float64Array {
  const s = Float64Array.from(start);
  runProgram(compile(c), s, row, 0);
  return s;
}

function fused(c: Circuit, start: Float64Array, options: FusionOptions, row = EMPTY): Float64Array {
  const s = Float64Array.from(start);
  runPlanJs(planProgram(compile(c), row, 0, options), s);
  return s;
}

describe("planProgram + JS engine vs the reference kernels", () => {
  it("rotation fusion agrees to 1e-10 on random circuits with every gate, controls and cache blocks", () => {
    fc.assert(
      fc.property(
        circuitSeed,
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (seed, n, b) => {
          const rng = new Rng(seed);
          const c = randomCircuit(rng, n, 5 + rng.int(60), { modifiers: true });
          const start = randomState(n, seed);
          expect(maxAbsDiff(fused(c, start, { blockQubits: b }), reference(c, start))).toBeLessThan(1e-10);
        },
      ),
      { seed: 21, numRuns: 150 },
    );
  });

  it("dense k-qubit fusion (k = 1…5) agrees to 1e-10", () => {
    fc.assert(
      fc.property(
        circuitSeed,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (seed, n, k, b) => {
          const rng = new Rng(seed);
          const c = randomCircuit(rng, n, 5 + rng.int(40), { modifiers: true });
          const start = randomState(n, seed + 1);
          expect(
            maxAbsDiff(
              fused(c, start, { strategy: "dense", maxFusedQubits: k, blockQubits: b }),
              reference(c, start),
            ),
          ).toBeLessThan(1e-10);
        },
      ),
      { seed: 22, numRuns: 100 },
    );
  });

  it("binds symbolic parameters per row", () => {
    const rng = new Rng(4);
    const c = randomCircuit(rng, 5, 40, { symbolic: true, modifiers: true });
    const row = Float64Array.from(c.parameters, () => rng.uniform(-3, 3));
    const start = randomState(5, 9);
    expect(maxAbsDiff(fused(c, start, { blockQubits: 3 }, row), reference(c, start, row))).toBeLessThan(
      1e-10,
    );
  });

  it("runs the standard benchmark circuit blocked (n = 11, blocks of 2^4) and merges each layer's diagonals", () => {
    const { circuit } = standardCircuit(11, 6, 3);
    const start = randomState(11, 5);
    const plan = planProgram(compile(circuit), EMPTY, 0, { blockQubits: 4 });
    const phases = plan.passes.flatMap((p) => p.ops).filter((o) => o.kind === "phase").length;
    expect(phases).toBeLessThanOrEqual(8); // one merged diagonal per layer (+ the first and the last)
    const s = Float64Array.from(start);
    runPlanJs(plan, s);
    expect(maxAbsDiff(s, reference(circuit, start))).toBeLessThan(1e-10);
  });

  it("fills sweeps three rotations at a time: a blocked pass's odd rotation rides along with the whole-state ones", () => {
    // n = 12, blocks of 2^8: each layer rotates 6 qubits, 4 inside a block and 2 above. Without carrying,
    // that is 3 + 1 in cache and 2 in a whole-state sweep; carried, 3 and 3.
    const n = 12;
    const { circuit } = standardCircuit(n, 6, 4);
    const plan = planProgram(compile(circuit), EMPTY, 0, { blockQubits: 8 });
    const rotationOps = plan.passes
      .flatMap((p) => p.ops)
      .filter((o) => o.kind === "rot" || o.kind === "crot");
    expect(rotationOps.map((o) => o.qubits.length)).toEqual(rotationOps.map(() => 3));
    const start = randomState(n, 6);
    expect(maxAbsDiff(fused(circuit, start, { blockQubits: 8 }), reference(circuit, start))).toBeLessThan(
      1e-10,
    );
  });

  it("keeps the deferred rotation scale finite over thousands of rotations without a diagonal", () => {
    let c = new Circuit(3);
    const rng = new Rng(8);
    for (let i = 0; i < 3000; i++) c = c.ry(rng.uniform(0.5, 1.2), i % 3).cx(i % 3, (i + 1) % 3);
    const start = randomState(3, 1);
    const out = fused(c, start, {});
    expect(maxAbsDiff(out, reference(c, start))).toBeLessThan(1e-10);
  });

  it("runs complex64 states (Float32Array) to 1e-5", () => {
    fc.assert(
      fc.property(circuitSeed, fc.integer({ min: 1, max: 8 }), (seed, n) => {
        const rng = new Rng(seed);
        const c = randomCircuit(rng, n, 5 + rng.int(40), { modifiers: true });
        const start = randomState(n, seed);
        const s = Float32Array.from(start);
        runPlanJs(planProgram(compile(c), EMPTY, 0, { blockQubits: 3 }), s);
        expect(maxAbsDiff(s, reference(c, start))).toBeLessThan(1e-5);
      }),
      { seed: 23, numRuns: 60 },
    );
  });
});
