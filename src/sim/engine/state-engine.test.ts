import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../../util/rng.js";
import { compile } from "../compile.js";
import { runProgramReference as runProgram } from "../execute.js";
import { planProgram } from "../fusion/plan-program.js";
import type { FusionOptions } from "../fusion/plan.js";
import { expectationPauli } from "../kernels/statevector-kernels.js";
import { circuitSeed, randomCircuit } from "../test-utils/random-circuit.js";
import { maxAbsDiff, randomState, standardCircuit } from "../test-utils/benchmark-circuits.js";
import { JsStateEngine, type StateEngine, WasmStateEngine } from "./state-engine.js";
import type { Precision } from "./plan-encoding.js";
import { kernelModule } from "./wasm-module.js";

const EMPTY = new Float64Array(0);
const TOL: Record<Precision, number> = { complex128: 1e-10, complex64: 1e-5 };

function engines(n: number, precision: Precision): StateEngine[] {
  const out: StateEngine[] = [new JsStateEngine(n, precision)];
  const w = WasmStateEngine.create(n, precision);
  if (w) out.push(w);
  const s = WasmStateEngine.create(n, precision, { shared: true });
  if (s) out.push(s);
  return out;
}

describe("fast engines (typed arrays, WebAssembly SIMD, shared memory) vs the reference kernels", () => {
  it("the WebAssembly kernels load synchronously from the embedded bytes", () => {
    expect(kernelModule(false)).toBeDefined();
    expect(kernelModule(true)).toBeDefined();
  });

  for (const precision of ["complex128", "complex64"] as const) {
    for (const strategy of ["rotations", "dense"] as const) {
      it(`${precision}, ${strategy} fusion: random circuits with every gate and controls, cache blocks of every size`, () => {
        fc.assert(
          fc.property(
            circuitSeed,
            fc.integer({ min: 2, max: 9 }),
            fc.integer({ min: 1, max: 9 }),
            fc.integer({ min: 2, max: 5 }),
            (seed, n, b, k) => {
              const rng = new Rng(seed);
              const c = randomCircuit(rng, n, 5 + rng.int(60), { modifiers: true });
              const start = randomState(n, seed);
              const ref = Float64Array.from(start);
              runProgram(compile(c), ref, EMPTY, 0);
              const options: FusionOptions = { blockQubits: Math.min(b, n), strategy, maxFusedQubits: k };
              const plan = planProgram(compile(c), EMPTY, 0, options);
              for (const e of engines(n, precision)) {
                e.state().set(start);
                e.run(plan);
                expect(maxAbsDiff(e.state(), ref), `${e.kind}`).toBeLessThan(TOL[precision]);
              }
            },
          ),
          { seed: 31, numRuns: 60 },
        );
      });
    }

    it(`${precision}: Pauli expectations without copying the state`, () => {
      const n = 7;
      const start = randomState(n, 3);
      const rng = new Rng(2);
      for (const e of engines(n, precision)) {
        e.state().set(start);
        for (let t = 0; t < 20; t++) {
          const x = rng.int(1 << n),
            z = rng.int(1 << n);
          const [re] = e.pauliSum(x, z);
          expect(Math.abs(re - expectationPauli(start, x, z, 0))).toBeLessThan(TOL[precision] * 10);
        }
      }
    });
  }

  it("the standard benchmark circuit (n = 14, blocked) on every engine", () => {
    const { circuit } = standardCircuit(14, 5, 7);
    const ref = new Float64Array(2 << 14);
    ref[0] = 1;
    runProgram(compile(circuit), ref, EMPTY, 0);
    const plan = planProgram(compile(circuit), EMPTY, 0, { blockQubits: 9 });
    for (const precision of ["complex128", "complex64"] as const)
      for (const e of engines(14, precision)) {
        e.resetToZero();
        e.run(plan);
        expect(maxAbsDiff(e.state(), ref)).toBeLessThan(TOL[precision]);
      }
  });
});
