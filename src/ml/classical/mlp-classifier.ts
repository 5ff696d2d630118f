import { z } from "zod";
import { QforgeError } from "../../util/errors.js";
import { Rng } from "../../util/rng.js";
import { checkLabels, encodeLabels } from "../data/check-labels.js";
import { checkColumns, checkXy } from "../data/check-matrix.js";
import type { Estimator, FeatureMatrix, TargetVector } from "../estimator.js";
import { accuracy } from "../metrics/accuracy.js";
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
  classes: z.array(z.number()).min(2),
  layers: mlpLayersSchema,
  lossCurve: z.array(z.number()),
  nIter: z.number().int(),
  converged: z.boolean(),
});
type State = z.output<typeof stateSchema>;

/**
 * A multilayer perceptron classifier trained with Adam, following scikit-learn's `MLPClassifier`: one logistic
 * output for two classes, softmax for more, log-loss with an L2 penalty. Seeded: the same seed gives the same
 * network.
 *
 * @example
 * ```ts
 * const mlp = new MLPClassifier({ hiddenLayerSizes: [32], activation: "tanh", seed: 1 }).fit(Xtrain, ytrain);
 * mlp.predictProba(Xtest);
 * ```
 */
export class MLPClassifier implements Estimator {
  readonly kind = "MLPClassifier";
  readonly estimatorType = "classifier";
  readonly params: Readonly<MlpParams>;
  private fitted: State | undefined;

  constructor(options: MlpOptions = {}) {
    this.params = mlpDefaults(options);
  }

  /** Class labels in ascending order. */
  get classes(): number[] {
    return [...this.state().classes];
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
    const classes = checkLabels(y);
    const labels = encodeLabels(y, classes);
    const binary = classes.length === 2;
    const targets = labels.map((c) => (binary ? [c] : classes.map((_, k) => (k === c ? 1 : 0))));
    const rng = new Rng(this.params.seed);
    const all = labels.map((_, i) => i);
    let trainIdx = all;
    let validation: { idx: number[]; score: (out: number[][]) => number } | undefined;
    if (this.params.earlyStopping) {
      const split = trainTestSplitIndices(n, {
        testSize: this.params.validationFraction,
        stratify: labels,
        seed: rng.nextUint32(),
      });
      trainIdx = split.train;
      const valLabels = split.test.map((i) => labels[i]!);
      validation = { idx: split.test, score: (out) => accuracy(valLabels, out.map(argmaxClass)) };
    }
    const result = trainMlp(
      {
        X,
        targets,
        output: binary ? "logistic" : "softmax",
        trainIdx,
        ...(validation === undefined ? {} : { validation }),
      },
      this.params,
      rng,
    );
    this.fitted = {
      classes,
      layers: result.layers,
      lossCurve: result.lossCurve,
      nIter: result.nIter,
      converged: result.converged,
    };
    return this;
  }

  /** Class probabilities, n × classes in ascending label order. */
  predictProba(X: FeatureMatrix): number[][] {
    const { layers, classes } = this.state();
    checkColumns(X, layers[0]!.weights.length);
    const out = forwardAll(
      layers,
      X,
      undefined,
      this.params.activation,
      classes.length === 2 ? "logistic" : "softmax",
    );
    return classes.length === 2 ? out.map((o) => [1 - o[0]!, o[0]!]) : out;
  }

  predict(X: FeatureMatrix): number[] {
    const { classes } = this.state();
    return this.predictProba(X).map((p) => classes[argmax(p)]!);
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return accuracy(y, this.predict(X));
  }

  toJSON(): ModelJson {
    return makeModelJson(this.kind, { ...this.params }, this.fitted ?? null);
  }

  /** Rebuilds a model saved with `toJSON`. */
  static fromJSON(json: unknown): MLPClassifier {
    const { params, state } = readModelJson(json, "MLPClassifier", mlpParamsSchema, stateSchema);
    const model = new MLPClassifier(params);
    if (state !== null) {
      const outputs = state.classes.length === 2 ? 1 : state.classes.length;
      checkLayerShapes(state.layers, params.hiddenLayerSizes, outputs, "MLPClassifier");
      model.fitted = state;
    }
    return model;
  }

  private state(): State {
    if (this.fitted === undefined)
      throw new QforgeError("INVALID_ARGUMENT", "MLPClassifier is not fitted; call fit(X, y) first");
    return this.fitted;
  }
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Class index from network outputs: one logistic unit, or a softmax row. */
function argmaxClass(out: readonly number[]): number {
  return out.length === 1 ? (out[0]! > 0.5 ? 1 : 0) : argmax(out);
}

registerModel("MLPClassifier", (json) => MLPClassifier.fromJSON(json));
