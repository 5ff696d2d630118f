import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Circuit } from "../../circuit/circuit.js";
import { Rng } from "../../util/rng.js";
import { compile } from "../compile.js";
import { JsStateEngine, type StateEngine, WasmStateEngine } from "../engine/state-engine.js";
import type { Precision } from "../engine/plan-encoding.js";
import { runProgramReference } from "../execute.js";
import { circuitSeed } from "../test-utils/random-circuit.js";
import { maxAbsDiff, randomState, standardCircuit } from "../test-utils/benchmark-circuits.js";
import { invertPlan } from "./invert-plan.js";
import { lowerToPrims } from "./lower.js";
import { planProgram } from "./plan-program.js";
import type { Plan } from "./plan.js";

const EMPTY = new Float64Array(0);
const TOL: Record<Precision, number> = { complex128: 1e-10, complex64: 1e-5 };
const TWO_QUBIT = ["cz", "cx", "cy", "crx", "cry", "crz", "cp", "rzz", "ch", "swap"] as const;

/**
 * Layers of random single-qubit gates (RX·RZ, RY, U3, H…) between random two-qubit gates on random pairs,
 * negated controls included: what the controlled-rotation fusion rewrites.
 */
function brickwork(rng: Rng, n: number, layers: number): Circuit {
  let c = new Circuit(n);
  const angle = () => rng.uniform(-Math.PI, Math.PI);
  for (let L = 0; L < layers; L++) {
    for (let q = 0; q < n; q++) {
      const r = rng.int(5);
      if (r === 0) c = c.gate("rx", [q], [angle()]).gate("rz", [q], [angle()]);
      else if (r === 1) c = c.gate("ry", [q], [angle()]);
      else if (r === 2) c = c.gate("u3", [q], [angle(), angle(), angle()]);
      else if (r === 3) c = c.gate("h", [q]);
    }
    for (let k = 0; k < n; k++) {
      const a = rng.int(n),
        b = (a + 1 + rng.int(n - 1)) % n;
      const name = TWO_QUBIT[rng.int(TWO_QUBIT.length)]!;
      const params = ["crx", "cry", "crz", "cp", "rzz"].includes(name) ? [angle()] : [];
      c = c.gate(name, [a, b], params);
    }
  }
  return c;
}

function reference(c: Circuit, start: Float64Array): Float64Array {
  const s = Float64Array.from(start);
  runProgramReference(compile(c), s, EMPTY, 0);
  return s;
}

function engines(n: number, precision: Precision): StateEngine[] {
  const out: StateEngine[] = [new JsStateEngine(n, precision)];
  const w = WasmStateEngine.create(n, precision);
  if (w) out.push(w);
  return out;
}

function rotationCount(plan: Plan): number {
  let count = 0;
  for (const p of plan.passes)
    for (const op of p.ops) if (op.kind === "rot" || op.kind === "crot") count += op.qubits.length;
  return count;
}

describe("controlled-rotation fusion (lowerToPrims)", () => {
  for (const precision of ["complex128", "complex64"] as const)
    it(`${precision}: brickwork circuits with every two-qubit gate agree with the reference kernels`, () => {
      fc.assert(
        fc.property(
          circuitSeed,
          fc.integer({ min: 2, max: 8 }),
          fc.integer({ min: 1, max: 8 }),
          (seed, n, b) => {
            const rng = new Rng(seed);
            const c = brickwork(rng, n, 1 + rng.int(6));
            const start = randomState(n, seed);
            const ref = reference(c, start);
            const plan = planProgram(compile(c), EMPTY, 0, { blockQubits: Math.min(b, n) });
            for (const e of engines(n, precision)) {
              e.state().set(start);
              e.run(plan);
              expect(maxAbsDiff(e.state(), ref), e.kind).toBeLessThan(TOL[precision]);
              // the inverse plan (adjoint differentiation) undoes it
              e.run(invertPlan(plan));
              expect(maxAbsDiff(e.state(), start), `${e.kind} inverse`).toBeLessThan(TOL[precision]);
            }
          },
        ),
        { seed: 17, numRuns: 80 },
      );
    });

  it("a CZ between two rotation layers costs no rotation: the standard circuit needs about half", () => {
    const n = 12,
      d = 10;
    const { circuit } = standardCircuit(n, d, 5);
    const plan = planProgram(compile(circuit), EMPTY, 0);
    // n·d single-qubit gates; every CZ merges the gates on each side of it on its target
    expect(rotationCount(plan)).toBeLessThanOrEqual((n * d) / 2 + n + 2);
    expect(plan.passes.some((p) => p.ops.some((o) => o.kind === "crot"))).toBe(true);
    const start = randomState(n, 2);
    for (const e of engines(n, "complex128")) {
      e.state().set(start);
      e.run(plan);
      expect(maxAbsDiff(e.state(), reference(circuit, start))).toBeLessThan(1e-10);
    }
  });

  it("a CX ladder between RY layers fuses into controlled rotations (no X ops left)", () => {
    let c = new Circuit(6);
    const rng = new Rng(3);
    for (let L = 0; L < 4; L++) {
      for (let q = 0; q < 6; q++) c = c.ry(rng.uniform(0.2, 1.3), q);
      for (let q = 0; q + 1 < 6; q++) c = c.cx(q, q + 1);
    }
    c = c.ry(0.4, 5);
    const plan = planProgram(compile(c), EMPTY, 0);
    const kinds = plan.passes.flatMap((p) => p.ops.map((o) => o.kind));
    expect(kinds).not.toContain("x");
    expect(kinds).toContain("crot");
    const start = randomState(6, 4);
    const s = new JsStateEngine(6, "complex128");
    s.state().set(start);
    s.run(plan);
    expect(maxAbsDiff(s.state(), reference(c, start))).toBeLessThan(1e-10);
  });

  it("a chain of CZs between RY layers stays one diagonal stage per chain (no chain of dependent rotations)", () => {
    const n = 8;
    let c = new Circuit(n);
    const rng = new Rng(5);
    for (let L = 0; L < 3; L++) {
      for (let q = 0; q < n; q++) c = c.ry(rng.uniform(0.2, 1.3), q);
      for (let q = 0; q + 1 < n; q++) c = c.cz(q, q + 1);
    }
    const plan = planProgram(compile(c), EMPTY, 0);
    const diagonals = plan.passes
      .flatMap((p) => p.ops)
      .filter((o) => o.kind === "phase" || o.kind === "diagk");
    expect(diagonals.length).toBeLessThanOrEqual(3 + 2);
    const start = randomState(n, 3);
    const s = new JsStateEngine(n, "complex128");
    s.state().set(start);
    s.run(plan);
    expect(maxAbsDiff(s.state(), reference(c, start))).toBeLessThan(1e-10);
  });

  it("when only one branch is (nearly) an X, that branch takes an explicit controlled X", () => {
    // RY(π/2)·RY(π/2) = RY(π) (anti-diagonal) where the control is 0; RY(π/2)·Z·RY(π/2) = Z where it is 1
    const c = new Circuit(2)
      .ry(Math.PI / 2, 0)
      .cz(0, 1)
      .ry(Math.PI / 2, 0);
    const prims = lowerToPrims(
      2,
      compile(c).ops.filter((o) => o.kind === "gate"),
      EMPTY,
      0,
    );
    expect(prims.map((p) => p.kind)).toContain("x");
    const start = randomState(2, 8);
    for (const e of engines(2, "complex128")) {
      e.state().set(start);
      e.run(planProgram(compile(c), EMPTY, 0));
      expect(maxAbsDiff(e.state(), reference(c, start))).toBeLessThan(1e-10);
    }
  });

  it("a controlled gate is emitted before its control changes, also through chains of controls", () => {
    // target 0 waits on control 1, which waits as a target on control 2, …: each must come out first
    let c = new Circuit(5);
    for (let q = 0; q < 5; q++) c = c.rx(0.3 + q, q).rz(0.7 * q, q);
    for (let q = 0; q + 1 < 5; q++) c = c.cz(q, q + 1);
    for (let q = 4; q >= 0; q--) c = c.ry(0.2 * q + 0.1, q);
    for (let q = 0; q + 1 < 5; q++) c = c.gate("crx", [q + 1, q], [0.5 + q]);
    const start = randomState(5, 6);
    const plan = planProgram(compile(c), EMPTY, 0, { blockQubits: 2 });
    for (const e of engines(5, "complex128")) {
      e.state().set(start);
      e.run(plan);
      expect(maxAbsDiff(e.state(), reference(c, start))).toBeLessThan(1e-10);
    }
  });
});
