import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../../util/rng.js";
import { compile } from "../compile.js";
import { runProgramReference } from "../execute.js";
import { runPlanJs } from "../engine/js-executor.js";
import { WasmStateEngine } from "../engine/state-engine.js";
import { circuitSeed, randomCircuit } from "../test-utils/random-circuit.js";
import { maxAbsDiff, randomState, standardCircuit } from "../test-utils/benchmark-circuits.js";
import { invertPlan } from "./invert-plan.js";
import { planProgram, planProgramInFrame } from "./plan-program.js";

const EMPTY = new Float64Array(0);

describe("invertPlan", () => {
  for (const strategy of ["rotations", "dense"] as const)
    it(`${strategy} fusion: the inverted plan applies the inverse circuit (reference kernels, 1e-10)`, () => {
      fc.assert(
        fc.property(
          circuitSeed,
          fc.integer({ min: 2, max: 9 }),
          fc.integer({ min: 1, max: 9 }),
          (seed, n, b) => {
            const rng = new Rng(seed);
            const c = randomCircuit(rng, n, 5 + rng.int(80), { modifiers: true });
            const start = randomState(n, seed);
            const expected = Float64Array.from(start);
            runProgramReference(compile(c.inverse()), expected, EMPTY, 0);
            const undo = invertPlan(
              planProgram(compile(c), EMPTY, 0, { blockQubits: Math.min(b, n), strategy }),
            );
            const js = Float64Array.from(start);
            runPlanJs(undo, js);
            expect(maxAbsDiff(js, expected)).toBeLessThan(1e-10);
            const w = WasmStateEngine.create(n, "complex128");
            if (w) {
              w.state().set(start);
              w.run(undo);
              expect(maxAbsDiff(w.state(), expected)).toBeLessThan(1e-10);
            }
          },
        ),
        { seed: 5, numRuns: 80 },
      );
    });

  it("plans in a relabelled frame: memory X^f0|ψ⟩ becomes X^f1·U|ψ⟩, and the inverse plan maps it back", () => {
    fc.assert(
      fc.property(circuitSeed, fc.integer({ min: 2, max: 9 }), (seed, n) => {
        const rng = new Rng(seed);
        const c = randomCircuit(rng, n, 5 + rng.int(60), { modifiers: true });
        const f0 = rng.int(1 << n);
        const start = randomState(n, seed);
        const expected = Float64Array.from(start);
        runProgramReference(compile(c), expected, EMPTY, 0);
        const relabel = (s: Float64Array, f: number) => {
          const out = new Float64Array(s.length);
          for (let i = 0; i < s.length / 2; i++) {
            out[2 * (i ^ f)] = s[2 * i]!;
            out[2 * (i ^ f) + 1] = s[2 * i + 1]!;
          }
          return out;
        };
        const { plan, flips } = planProgramInFrame(compile(c), EMPTY, 0, f0);
        const mem = relabel(start, f0);
        runPlanJs(plan, mem);
        expect(maxAbsDiff(relabel(mem, flips), expected)).toBeLessThan(1e-10);
        runPlanJs(invertPlan(plan), mem);
        expect(maxAbsDiff(relabel(mem, f0), start)).toBeLessThan(1e-10);
      }),
      { seed: 9, numRuns: 60 },
    );
  });

  it("a deep circuit run forward then backward returns to its start (scale factors stay in range)", () => {
    const { circuit } = standardCircuit(12, 60, 3);
    const plan = planProgram(compile(circuit), EMPTY, 0, { blockQubits: 8 });
    const start = randomState(12, 9);
    const s = Float64Array.from(start);
    runPlanJs(plan, s);
    runPlanJs(invertPlan(plan), s);
    expect(maxAbsDiff(s, start)).toBeLessThan(1e-10);
  });
});
