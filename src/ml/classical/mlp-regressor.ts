import { z } from "zod";
import { QforgeError } from "../../util/errors.js";
import { Rng } from "../../util/rng.js";
import { checkColumns, checkXy } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { r2 } from "../metrics/regression-metrics.js";
import { trainTestSplitIndices } from "../model-selection/train-test-split.js";
import { makeModelJson, readModelJson, registerModel, type ModelJson } from "../serialization.js";
import {
  checkLayerShapes,
  forwardAll,
  mlpDefaults,
  mlpLayersSchema,
  mlpParamsSchema,
  trainMlp,
  type MlpOptions,
  type MlpParams,
} from "./mlp-network.js";

const stateSchema = z.object({
  layers: mlpLayersSchema,
  lossCurve: z.array(z.number()),
  nIter: z.number().int(),
  converged: z.boolean(),
});
type State = z.output<typeof stateSchema>;

/**
 * A multilayer perceptron regressor trained with Adam on half the mean squared error plus an L2 penalty,
 * following scikit-learn's `MLPRegressor` (identity output). Seeded. Scale features, and ideally targets, first.
 *
 * @example
 * ```ts
 * const mlp = new MLPRegressor({ hiddenLayerSizes: [64, 32], seed: 0, maxIter: 500 }).fit(Xtrain, ytrain);
 * mlp.score(Xtest, ytest); // R²
 * ```
 */
export class MLPRegressor implements Estimator {
  readonly kind = "MLPRegressor";
  readonly estimatorType = "regressor";
  readonly params: Readonly<MlpParams>;
  private fitted: State | undefined;

  constructor(options: MlpOptions = {}) {
    this.params = mlpDefaults(options);
  }

  /** Training loss after each epoch. */
  get lossCurve(): number[] {
    return [...this.state().lossCurve];
  }

  /** Epochs run and whether training stopped on its own (no improvement) rather than at maxIter. */
  get convergence(): { nIter: number; converged: boolean } {
    const { nIter, converged } = this.state();
    return { nIter, converged };
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    const { rows: n } = checkXy(X, y);
    const rng = new Rng(this.params.seed);
    let trainIdx = y.map((_, i) => i);
    let validation: { idx: number[]; score: (out: number[][]) => number } | undefined;
    if (this.params.earlyStopping) {
      const split = trainTestSplitIndices(n, {
        testSize: this.params.validationFraction,
        seed: rng.nextUint32(),
      });
      trainIdx = split.train;
      const valTargets = split.test.map((i) => y[i]!);
      validation = {
        idx: split.test,
        score: (out) =>
          r2(
            valTargets,
            out.map((o) => o[0]!),
          ),
      };
    }
    const targets = y.map((v) => [v]);
    const result = trainMlp(
      { X, targets, output: "identity", trainIdx, ...(validation === undefined ? {} : { validation }) },
      this.params,
      rng,
    );
    this.fitted = {
      layers: result.layers,
      lossCurve: result.lossCurve,
      nIter: result.nIter,
      converged: result.converged,
    };
    return this;
  }

  predict(X: FeatureMatrix): number[] {
    const { layers } = this.state();
    checkColumns(X, layers[0]!.weights.length);
    return forwardAll(layers, X, undefined, this.params.activation, "identity").map((o) => o[0]!);
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return r2(y, this.predict(X));
  }

  toJSON(): ModelJson {
    return makeModelJson(this.kind, { ...this.params }, this.fitted ?? null);
  }

  /** Rebuilds a model saved with `toJSON`. */
  static fromJSON(json: unknown): MLPRegressor {
    const { params, state } = readModelJson(json, "MLPRegressor", mlpParamsSchema, stateSchema);
    const model = new MLPRegressor(params);
    if (state !== null) {
      checkLayerShapes(state.layers, params.hiddenLayerSizes, 1, "MLPRegressor");
      model.fitted = state;
    }
    return model;
  }

  private state(): State {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "MLPRegressor is not fitted; call fit(X, y) first");
    return this.fitted;
  }
}

registerModel("MLPRegressor", (json) => MLPRegressor.fromJSON(json));
