import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../util/rng.js";
import { compile } from "./compile.js";
import { applyCompiledGate, applyCompiledGateReference, runProgram, runProgramReference } from "./execute.js";
import { circuitSeed, randomCircuit } from "./test-utils/random-circuit.js";
import { maxAbsDiff, randomState } from "./test-utils/benchmark-circuits.js";
import { braMatrixKet, braMatrixKetReference } from "./kernels/statevector-kernels.js";

describe("specialised gate-by-gate kernels vs the plain reference kernels", () => {
  it("applyCompiledGate (forward and inverse) agrees to 1e-12 for every gate with controls", () => {
    fc.assert(
      fc.property(circuitSeed, fc.integer({ min: 1, max: 8 }), fc.boolean(), (seed, n, inverse) => {
        const rng = new Rng(seed);
        const c = randomCircuit(rng, n, 30, { modifiers: true, symbolic: true });
        const p = compile(c);
        const row = Float64Array.from(p.parameters, () => rng.uniform(-3, 3));
        const a = randomState(n, seed),
          b = Float64Array.from(a);
        for (const op of p.ops) {
          if (op.kind !== "gate") continue;
          applyCompiledGate(a, op, row, 0, inverse);
          applyCompiledGateReference(b, op, row, 0, inverse);
        }
        expect(maxAbsDiff(a, b)).toBeLessThan(1e-12);
      }),
      { seed: 41, numRuns: 120 },
    );
  });

  it("runProgram with the fast kernels matches runProgramReference", () => {
    const rng = new Rng(3);
    const c = randomCircuit(rng, 9, 200, { modifiers: true });
    const a = randomState(9, 1),
      b = Float64Array.from(a);
    runProgram(compile(c), a, new Float64Array(0), 0);
    runProgramReference(compile(c), b, new Float64Array(0), 0);
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-12);
  });
});

describe("braMatrixKet (fast single-qubit path) vs braMatrixKetReference", () => {
  it("agrees to 1e-12 with and without controls", () => {
    const rng = new Rng(77);
    for (let t = 0; t < 60; t++) {
      const n = 1 + rng.int(7);
      const bra = randomState(n, t),
        ket = randomState(n, t + 100);
      const m = Float64Array.from({ length: 8 }, () => rng.uniform(-1, 1));
      const q = rng.int(n);
      let ctrlMask = 0,
        ctrlValue = 0;
      for (let c = 0; c < n; c++)
        if (c !== q && rng.next() < 0.3) {
          ctrlMask |= 1 << c;
          if (rng.next() < 0.5) ctrlValue |= 1 << c;
        }
      const [ar, ai] = braMatrixKet(bra, ket, [q], m, ctrlMask, ctrlValue);
      const [br, bi] = braMatrixKetReference(bra, ket, [q], m, ctrlMask, ctrlValue);
      expect(Math.abs(ar - br) + Math.abs(ai - bi)).toBeLessThan(1e-12);
    }
  });
});
