import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { batchLossAndGradient, type MlpOutput } from "./mlp-network.js";

describe("batchLossAndGradient", () => {
  const cases: { output: MlpOutput; activation: "relu" | "tanh"; hidden: number[]; k: number }[] = [
    { output: "logistic", activation: "tanh", hidden: [5], k: 1 },
    { output: "softmax", activation: "tanh", hidden: [4, 3], k: 3 },
    { output: "identity", activation: "relu", hidden: [6, 2], k: 1 },
  ];

  it.each(cases)(
    "matches central finite differences ($output, $activation, hidden $hidden)",
    ({ output, activation, hidden, k }) => {
      const rng = new Rng(9);
      const n = 7;
      const p = 3;
      const X = Array.from({ length: n }, () => Array.from({ length: p }, () => rng.normal()));
      const targets = Array.from({ length: n }, (_, i) => {
        if (output === "identity") return [rng.normal()];
        if (output === "logistic") return [i % 2];
        return Array.from({ length: k }, (_, c) => (c === i % k ? 1 : 0));
      });
      const sizes = [p, ...hidden, k];
      const W = sizes
        .slice(0, -1)
        .map((s, l) => Float64Array.from({ length: s * sizes[l + 1]! }, () => 0.7 * rng.normal()));
      const b = sizes.slice(1).map((s) => Float64Array.from({ length: s }, () => 0.3 * rng.normal()));
      const rows = [0, 2, 3, 5, 6];
      const params = { activation, alpha: 0.01 };
      const problem = { X, targets, output };
      const gW = W.map((w) => new Float64Array(w.length));
      const gb = b.map((v) => new Float64Array(v.length));
      batchLossAndGradient({ sizes, W, b }, problem, rows, params, gW, gb);
      const scratchW = W.map((w) => new Float64Array(w.length));
      const scratchB = b.map((v) => new Float64Array(v.length));
      const loss = (): number =>
        batchLossAndGradient({ sizes, W, b }, problem, rows, params, scratchW, scratchB);
      const h = 1e-6;
      for (const [arrays, grads] of [
        [W, gW],
        [b, gb],
      ] as const) {
        arrays.forEach((arr, l) => {
          for (let i = 0; i < arr.length; i++) {
            const keep = arr[i]!;
            arr[i] = keep + h;
            const up = loss();
            arr[i] = keep - h;
            const down = loss();
            arr[i] = keep;
            expect(grads[l]![i]).toBeCloseTo((up - down) / (2 * h), 6);
          }
        });
      }
    },
  );
});
