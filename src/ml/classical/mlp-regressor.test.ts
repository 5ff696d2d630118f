import { describe, expect, it } from "vitest";
import { Rng } from "../../util/rng.js";
import { MLPRegressor } from "./mlp-regressor.js";

describe("MLPRegressor", () => {
  it("fits a smooth function", () => {
    const rng = new Rng(8);
    const make = (n: number): { X: number[][]; y: number[] } => {
      const X = Array.from({ length: n }, () => [rng.uniform(-2, 2)]);
      return { X, y: X.map(([x]) => Math.sin(2 * x!)) };
    };
    const train = make(300);
    const test = make(100);
    const mlp = new MLPRegressor({
      hiddenLayerSizes: [32],
      activation: "tanh",
      learningRate: 0.01,
      maxIter: 500,
      seed: 0,
    }).fit(train.X, train.y);
    expect(mlp.score(test.X, test.y)).toBeGreaterThan(0.95);
    const copy = MLPRegressor.fromJSON(JSON.parse(JSON.stringify(mlp)));
    expect(copy.predict(test.X)).toEqual(mlp.predict(test.X));
  });
});
