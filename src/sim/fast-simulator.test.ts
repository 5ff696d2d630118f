import { describe, expect, it } from "vitest";
import { Rng } from "../util/rng.js";
import { Circuit } from "../circuit/circuit.js";
import { PauliSum } from "../observables/pauli-sum.js";
import { StateVectorSimulator } from "./statevector-simulator.js";
import { checkStateMemory } from "./memory.js";
import { randomCircuit } from "./test-utils/random-circuit.js";
import { maxAbsDiff, standardCircuit } from "./test-utils/benchmark-circuits.js";

const engines = ["auto", "wasm", "js"] as const;

describe("StateVectorSimulator on the fast engines vs the reference engine", () => {
  const ref = new StateVectorSimulator({ engine: "reference" });
  const rng = new Rng(12);
  const c = randomCircuit(rng, 12, 150, { modifiers: true, symbolic: true });
  const names = c.parameters;
  const bindings = Object.fromEntries(names.map((n) => [n, [rng.uniform(-3, 3), rng.uniform(-3, 3)]]));
  const h = PauliSum.parse("0.5*Z0 Z1 + X2 - 0.3*Y0 Y3 + 0.7*X1 Y2 Z11 + 1.25");

  for (const engine of engines)
    for (const precision of ["complex128", "complex64"] as const) {
      const tol = precision === "complex128" ? 1e-10 : 1e-5;
      it(`${engine} / ${precision}: states, expectations and probabilities over a batch`, () => {
        const sim = new StateVectorSimulator({ engine, precision, fusion: { blockQubits: 7 } });
        const a = sim.statevectors(c, bindings),
          b = ref.statevectors(c, bindings);
        a.forEach((s, i) => expect(maxAbsDiff(s, b[i]!)).toBeLessThan(tol));
        const ea = sim.expectation(c, [h, "Z5"], bindings),
          eb = ref.expectation(c, [h, "Z5"], bindings);
        ea.flat().forEach((v, i) => expect(Math.abs(v - eb.flat()[i]!)).toBeLessThan(10 * tol));
        const pa = sim.probabilities(c, bindings, { qubits: [3, 0, 7] }),
          pb = ref.probabilities(c, bindings, { qubits: [3, 0, 7] });
        pa.forEach((p, i) => expect(maxAbsDiff(p, pb[i]!)).toBeLessThan(tol));
      });
    }

  it("runs programs longer than one plan segment (fused in pieces)", () => {
    const deep = randomCircuit(new Rng(21), 10, 9000, { modifiers: true });
    const a = new StateVectorSimulator({ engine: "wasm" }).statevector(deep);
    expect(maxAbsDiff(a, ref.statevector(deep))).toBeLessThan(1e-9);
  });

  it("samples the same distribution on the fused path (seeded)", () => {
    const { circuit } = standardCircuit(11, 3, 2);
    const fast = new StateVectorSimulator({ seed: 5 }).sample(circuit, 2000)[0]!;
    const slow = new StateVectorSimulator({ seed: 5, engine: "reference" }).sample(circuit, 2000)[0]!;
    expect(fast).toEqual(slow);
  });

  it("rejects an unknown precision or engine", () => {
    expect(() => new StateVectorSimulator({ precision: "complex32" as never })).toThrow(/precision/);
    expect(() => new StateVectorSimulator({ engine: "gpu" as never })).toThrow(/engine/);
    expect(() => new StateVectorSimulator({ engine: "reference", precision: "complex64" })).toThrow(
      /complex128/,
    );
  });
});

describe("memory rule", () => {
  const GiB = 2 ** 30;
  it("complex64 fits one more qubit in the same memory", () => {
    expect(() => checkStateMemory(28, 16, 6 * GiB, "state vector", 1, "complex128")).not.toThrow();
    expect(() => checkStateMemory(29, 16, 6 * GiB, "state vector", 1, "complex128")).toThrow(
      /8 GiB.*complex64 precision/,
    );
    expect(() => checkStateMemory(29, 8, 6 * GiB, "state vector", 1, "complex64")).not.toThrow();
  });
  it("refuses 30+ qubits up front, saying what they would need", () => {
    const sim = new StateVectorSimulator({ maxMemoryBytes: 64 * GiB, precision: "complex64" });
    expect(() => sim.expectation(new Circuit(30).h(0), ["Z0"])).toThrow(
      /30-qubit state vector needs 16 GiB in complex128 \(8 GiB in complex64\)/,
    );
    expect(() => sim.expectation(new Circuit(31).h(0), ["Z0"])).toThrow(/32 GiB/);
  });
});
