import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../../util/rng.js";
import { compile } from "../compile.js";
import { runProgramReference as runProgram } from "../execute.js";
import { planProgram } from "../fusion/plan-program.js";
import type { FusionOptions } from "../fusion/plan.js";
import { accumulatePauli, expectationPauli } from "../kernels/statevector-kernels.js";
import { circuitSeed, randomCircuit } from "../test-utils/random-circuit.js";
import { maxAbsDiff, randomState, standardCircuit } from "../test-utils/benchmark-circuits.js";
import { JsStateEngine, type StateEngine, WasmStateEngine } from "./state-engine.js";
import type { Precision } from "./plan-encoding.js";
import { kernelModule } from "./wasm-module.js";

const EMPTY = new Float64Array(0);
const TOL: Record<Precision, number> = { complex128: 1e-10, complex64: 1e-5 };

function engines(n: number, precision: Precision, slots = 1): StateEngine[] {
  const out: StateEngine[] = [new JsStateEngine(n, precision, undefined, slots)];
  const w = WasmStateEngine.create(n, precision, { slots });
  if (w) out.push(w);
  const s = WasmStateEngine.create(n, precision, { shared: true, slots });
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

  it("brakets between two slots under control masks, and slots that run and copy independently", () => {
    const n = 8;
    const bra = randomState(n, 11),
      ket = randomState(n, 12);
    const rng = new Rng(4);
    for (const precision of ["complex128", "complex64"] as const)
      for (const e of engines(n, precision, 3)) {
        e.state(1).set(bra);
        e.state(2).set(ket);
        for (let t = 0; t < 30; t++) {
          const ctrlMask = rng.int(1 << n) & rng.int(1 << n);
          const ctrlValue = ctrlMask & rng.int(1 << n);
          const x = rng.int(1 << n) & ~ctrlMask,
            z = rng.int(1 << n);
          // Reference: ⟨bra| Π_controls X^x Z^z |ket⟩ with the dense Pauli kernel.
          const pk = new Float64Array(ket.length);
          accumulatePauli(pk, ket, x, z, 0, 1);
          let re = 0,
            im = 0;
          for (let b = 0; b < 1 << n; b++) {
            if ((b & ctrlMask) !== ctrlValue) continue;
            re += bra[2 * b]! * pk[2 * b]! + bra[2 * b + 1]! * pk[2 * b + 1]!;
            im += bra[2 * b]! * pk[2 * b + 1]! - bra[2 * b + 1]! * pk[2 * b]!;
          }
          const [gr, gi] = e.braket(1, 2, x, z, ctrlMask, ctrlValue);
          expect(Math.abs(gr - re) + Math.abs(gi - im), `${e.kind} ${precision}`).toBeLessThan(
            TOL[precision] * 10,
          );
        }
        e.resetToZero(0);
        e.copy(2, 0);
        expect(maxAbsDiff(e.state(0), ket)).toBeLessThan(TOL[precision]);
        expect(maxAbsDiff(e.state(1), bra)).toBeLessThan(TOL[precision]);
        expect(() => e.state(3)).toThrow(/slot 3 out of range/);
      }
  });

  it("braketParts (cache-blocked, partners inside and across blocks) = braket, term by term (n = 15)", () => {
    const n = 15;
    const rng = new Rng(8);
    const bra = randomState(n, 21),
      ket = randomState(n, 22);
    const terms = Array.from({ length: 60 }, (_, i) => {
      const ctrlMask = i % 5 === 4 ? (1 << rng.int(n)) | (1 << rng.int(n)) : 0;
      const single = 1 << rng.int(n);
      const x = (i % 3 === 0 ? single : i % 3 === 1 ? rng.int(1 << n) : 0) & ~ctrlMask;
      // Single-Z terms (x = 0, one z bit, either part) go through the all-Z sweep.
      // X-type (z = 0, Im) and Y-type (z = x, Re) terms on one qubit are paired, some on the same qubit.
      const z =
        i % 3 === 2 && i % 4 !== 0 ? 1 << rng.int(n) : i % 6 === 3 ? 0 : i % 2 === 0 ? x : rng.int(1 << n);
      const imag = i % 6 === 3 ? true : i % 6 === 0 ? false : rng.next() < 0.5;
      return { x: i % 12 === 3 ? 1 << 4 : x, z, ctrlMask, ctrlValue: ctrlMask & rng.int(1 << n), imag };
    });
    for (const e of engines(n, "complex128", 2)) {
      e.state(0).set(bra);
      e.state(1).set(ket);
      const out = new Float64Array(terms.length);
      e.braketParts(0, 1, terms, out);
      terms.forEach((t, i) => {
        const [re, im] = e.braket(0, 1, t.x, t.z, t.ctrlMask, t.ctrlValue);
        expect(Math.abs(out[i]! - (t.imag ? im : re)), `${e.kind} term ${i}`).toBeLessThan(1e-12);
      });
    }
  });

  it("index permutations i -> i xor mask, scrambled or in order, on every engine (n = 14)", () => {
    const n = 14;
    const start = randomState(n, 11);
    const masks = [0x2aaa, 0x1555, 0x3fff, 0x2000, 0x2003, 0x2100, 0x0f0f, 0x5, 0x1];
    for (const precision of ["complex128", "complex64"] as const)
      for (const e of engines(n, precision))
        for (const mask of masks) {
          e.state().set(start);
          e.run({ numQubits: n, passes: [{ blockQubits: n, ops: [{ kind: "permxor", mask }] }] });
          const want = new Float64Array(start.length);
          for (let i = 0; i < 1 << n; i++) {
            want[2 * (i ^ mask)] = start[2 * i]!;
            want[2 * (i ^ mask) + 1] = start[2 * i + 1]!;
          }
          expect(maxAbsDiff(e.state(), want)).toBeLessThan(TOL[precision]);
        }
  });

  it("phase tables lo[i mod 2^l] · hi[i >> hiShift], in blocks and whole", () => {
    const n = 9;
    const rng = new Rng(17);
    const start = randomState(n, 12);
    const complexTable = (size: number) => Float64Array.from({ length: 2 * size }, () => rng.uniform(-1, 1));
    for (const [l, hiShift, blockQubits] of [
      [1, 1, 9],
      [2, 1, 4],
      [3, 3, 5],
      [4, 3, 9],
      [5, 4, 6],
    ] as const) {
      const lo = complexTable(1 << l),
        hi = complexTable(1 << (n - hiShift));
      const want = new Float64Array(start.length);
      for (let i = 0; i < 1 << n; i++) {
        const j = i & ((1 << l) - 1),
          h = i >> hiShift;
        const dr = lo[2 * j]! * hi[2 * h]! - lo[2 * j + 1]! * hi[2 * h + 1]!,
          di = lo[2 * j]! * hi[2 * h + 1]! + lo[2 * j + 1]! * hi[2 * h]!;
        want[2 * i] = dr * start[2 * i]! - di * start[2 * i + 1]!;
        want[2 * i + 1] = dr * start[2 * i + 1]! + di * start[2 * i]!;
      }
      const op =
        hiShift === l
          ? { kind: "phase" as const, l, lo, hi }
          : { kind: "phase" as const, l, hiShift, lo, hi };
      for (const precision of ["complex128", "complex64"] as const)
        for (const e of engines(n, precision)) {
          e.state().set(start);
          e.run({ numQubits: n, passes: [{ blockQubits, ops: [op] }] });
          expect(maxAbsDiff(e.state(), want)).toBeLessThan(TOL[precision]);
        }
    }
  });

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
