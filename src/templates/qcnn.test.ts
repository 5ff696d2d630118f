import { describe, expect, it } from "vitest";
import { Rng } from "../util/rng.js";
import { StateVectorSimulator } from "../sim/statevector-simulator.js";
import { QCNN } from "./qcnn.js";
import { AngleEmbedding } from "./angle-embedding.js";

describe("QCNN", () => {
  it("halves the active qubits each level down to its readout qubits", () => {
    const q = new QCNN(8);
    expect(q.levels).toEqual([
      {
        active: [0, 1, 2, 3, 4, 5, 6, 7],
        conv: [
          [0, 1],
          [2, 3],
          [4, 5],
          [6, 7],
          [1, 2],
          [3, 4],
          [5, 6],
          [7, 0],
        ],
        pool: [
          [0, 1],
          [2, 3],
          [4, 5],
          [6, 7],
        ],
      },
      {
        active: [1, 3, 5, 7],
        conv: [
          [1, 3],
          [5, 7],
          [3, 5],
          [7, 1],
        ],
        pool: [
          [1, 3],
          [5, 7],
        ],
      },
      { active: [3, 7], conv: [[3, 7]], pool: [[3, 7]] },
    ]);
    expect(q.readoutQubits).toEqual([7]);
    for (const [n, numReadout, readout] of [
      [4, 1, [3]],
      [6, 1, [5]],
      [5, 1, [4]],
      [6, 2, [3, 5]],
      [4, 3, [1, 2, 3]],
      [2, 1, [1]],
    ] as const)
      expect(new QCNN(n, { numReadout }).readoutQubits, `n=${n}`).toEqual(readout);
  });

  it("is exactly its schedule's blocks in order, so no gate touches a qubit after it was pooled away", () => {
    for (const n of [2, 3, 5, 6, 8]) {
      const q = new QCNN(n);
      // conv blocks have 8 operations on their pair, pool blocks 6; walk the circuit block by block.
      const gates = q.circuit.operations.filter((o) => o.kind === "gate");
      let at = 0;
      const discarded = new Set<number>();
      for (const level of q.levels) {
        for (const [size, blocks] of [
          [8, level.conv],
          [6, level.pool],
        ] as const)
          for (const pair of blocks) {
            for (const op of gates.slice(at, at + size)) {
              expect(
                op.qubits.every((x) => pair.includes(x)),
                `n=${n} block [${pair.join(",")}]`,
              ).toBe(true);
              expect(
                op.qubits.some((x) => discarded.has(x)),
                `n=${n}: gate on a pooled-away qubit`,
              ).toBe(false);
            }
            at += size;
          }
        for (const [source] of level.pool) discarded.add(source);
      }
      expect(at).toBe(gates.length);
      expect(discarded.size + q.readoutQubits.length).toBe(n);
      expect(q.weightNames).toEqual(q.circuit.parameters);
    }
  });

  it("counts 3 weights per block, or 3 per layer when shared", () => {
    // 8 qubits: conv on 8 (8 blocks), pool 4; conv on 4 (4 blocks), pool 2; conv on 2 (1 block), pool 1.
    expect(new QCNN(8).numWeights).toBe(3 * (8 + 4 + 4 + 2 + 1 + 1));
    expect(new QCNN(8, { shareWeights: true }).numWeights).toBe(3 * 6);
  });

  it("gives readout expectations that depend on every input qubit through the network", () => {
    const n = 4;
    const fm = new AngleEmbedding(n, { rotation: "Y" });
    const q = new QCNN(n);
    const c = fm.circuit.compose(q.circuit);
    const rng = new Rng(5);
    const w = Object.fromEntries(q.weightNames.map((name) => [name, 2 * Math.PI * rng.next()]));
    const sim = new StateVectorSimulator();
    const obs = [`Z${q.readoutQubits[0]}`];
    const base = [0.2, 0.4, 0.6, 0.8];
    const f = (x: number[]): number => sim.expectation(c, obs, { ...fm.encode(x), ...w })[0]![0]!;
    for (let i = 0; i < n; i++) {
      const moved = [...base];
      moved[i] = moved[i]! + 1;
      expect(Math.abs(f(moved) - f(base)), `input qubit ${i}`).toBeGreaterThan(1e-6);
    }
  });

  it("refuses a readout as large as the register", () => {
    expect(() => new QCNN(4, { numReadout: 4 })).toThrow(/numReadout must be less than/);
    expect(() => new QCNN(1)).toThrow(/integer ≥ 2/);
  });
});
