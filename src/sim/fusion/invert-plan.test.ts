import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Circuit } from "../../circuit/circuit.js";
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

  it("plans in a frame: memory with |ψ⟩ = D·X^f0·mem becomes D′·X^f1·mem′ for U|ψ⟩, and the inverse plan maps it back", () => {
    fc.assert(
      fc.property(circuitSeed, fc.integer({ min: 2, max: 9 }), fc.boolean(), (seed, n, rx) => {
        const rng = new Rng(seed);
        let c = randomCircuit(rng, n, 5 + rng.int(60), { modifiers: true });
        // End on RX gates, whose left diagonals the frame keeps.
        if (rx) for (let q = 0; q < n; q++) c = c.rx(rng.uniform(-3, 3), q);
        const f0 = rng.int(1 << n);
        const d0 = new Float64Array(4 * n);
        for (let q = 0; q < n; q++) {
          const [a, b] = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
          d0.set([Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)], 4 * q);
        }
        const start = randomState(n, seed);
        const expected = Float64Array.from(start);
        runProgramReference(compile(c), expected, EMPTY, 0);
        // |ψ⟩ = D·X^f·mem  ⇔  mem = X^f·D†|ψ⟩
        const toTrue = (mem: Float64Array, f: number, d: Float64Array | undefined) => {
          const out = new Float64Array(mem.length);
          for (let i = 0; i < mem.length / 2; i++) {
            const j = i ^ f;
            let re = mem[2 * j]!,
              im = mem[2 * j + 1]!;
            if (d)
              for (let q = 0; q < n; q++) {
                const o = 4 * q + ((i >> q) & 1 ? 2 : 0);
                [re, im] = [re * d[o]! - im * d[o + 1]!, re * d[o + 1]! + im * d[o]!];
              }
            out[2 * i] = re;
            out[2 * i + 1] = im;
          }
          return out;
        };
        const fromTrue = (psi: Float64Array, f: number, d: Float64Array) => {
          const conj = d.map((v, k) => (k % 2 ? -v : v));
          const undone = toTrue(psi, 0, conj);
          return toTrue(undone, f, undefined);
        };
        const { plan, frame } = planProgramInFrame(compile(c), EMPTY, 0, { flips: f0, phases: d0 }, true);
        const mem = fromTrue(start, f0, d0);
        runPlanJs(plan, mem);
        expect(maxAbsDiff(toTrue(mem, frame.flips, frame.phases), expected)).toBeLessThan(1e-10);
        runPlanJs(invertPlan(plan), mem);
        expect(maxAbsDiff(toTrue(mem, f0, d0), start)).toBeLessThan(1e-10);
      }),
      { seed: 9, numRuns: 60 },
    );
  });

  it("a layer of RX leaves its left diagonals owed (no phase pass after the rotations)", () => {
    let c = new Circuit(3).cz(0, 1).cz(1, 2);
    for (let q = 0; q < 3; q++) c = c.rx(0.4 + q, q);
    const { plan, frame } = planProgramInFrame(compile(c), EMPTY, 0, { flips: 0, phases: undefined }, true);
    const d = frame.phases!;
    // b/a = ±i on every qubit: Im(conj(a)·b) = ±1
    for (let q = 0; q < 3; q++)
      expect(Math.abs(d[4 * q]! * d[4 * q + 3]! - d[4 * q + 1]! * d[4 * q + 2]!)).toBeCloseTo(1, 14);
    expect(plan.passes.at(-1)!.ops.at(-1)!.kind).toBe("rot");
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
