import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import {
  isEstimator,
  type DecisionValues,
  type Estimator,
  type FeatureMatrix,
  type TargetVector,
  type Transformer,
} from "../estimator.js";
import {
  makeModelJson,
  modelFromJSON,
  readModelJson,
  registerModel,
  type ModelJson,
  type SerializableModel,
} from "../serialization.js";

const paramsSchema = z.object({ steps: z.array(z.unknown()).min(1) });

/**
 * Chains transformers and a final estimator: `fit` fits each transformer on the output of the one before, then
 * the estimator; `predict` runs new data through the fitted transformers into the estimator. The pipeline is
 * itself an {@link Estimator}, so it can be cross-validated and saved as one model file (its steps nest inside).
 * `predictProba` and `decisionFunction` exist exactly when the final estimator has them.
 *
 * @example
 * ```ts
 * const model = new Pipeline([new StandardScaler(), new SVC({ kernel: "rbf" })]);
 * model.fit(Xtrain, ytrain);
 * model.score(Xtest, ytest); // accuracy
 * const copy = Pipeline.fromJSON(JSON.parse(JSON.stringify(model)));
 * ```
 */
export class Pipeline implements Estimator {
  readonly kind = "Pipeline";
  readonly steps: readonly [...Transformer[], Estimator];
  readonly predictProba?: (X: FeatureMatrix) => number[][];
  readonly decisionFunction?: (X: FeatureMatrix) => DecisionValues;

  constructor(steps: readonly [...Transformer[], Estimator]) {
    check(Array.isArray(steps) && steps.length > 0, "Pipeline needs at least one step (the final estimator)");
    const final = steps[steps.length - 1]!;
    check(
      isEstimator(final),
      `the last Pipeline step must be an estimator with fit/predict; got ${final.kind}`,
    );
    steps.slice(0, -1).forEach((s, i) => {
      check(
        typeof (s as Partial<Transformer>).transform === "function",
        `Pipeline step ${i} (${s.kind}) must be a transformer with fit/transform`,
      );
    });
    this.steps = [...steps] as unknown as readonly [...Transformer[], Estimator];
    if (typeof final.predictProba === "function")
      this.predictProba = (X) => final.predictProba!(this.transform(X));
    if (typeof final.decisionFunction === "function")
      this.decisionFunction = (X) => final.decisionFunction!(this.transform(X));
  }

  /** The last step, which makes the predictions. */
  get finalEstimator(): Estimator {
    return this.steps[this.steps.length - 1] as Estimator;
  }

  /** The steps before the final estimator. */
  get transformers(): Transformer[] {
    return this.steps.slice(0, -1) as Transformer[];
  }

  get estimatorType(): "classifier" | "regressor" {
    return this.finalEstimator.estimatorType;
  }

  fit(X: FeatureMatrix, y: TargetVector): this {
    let Xt: FeatureMatrix = X;
    for (const t of this.transformers) Xt = t.fitTransform(Xt, y);
    this.finalEstimator.fit(Xt, y);
    return this;
  }

  /** Runs X through the fitted transformers only (not the final estimator). */
  transform(X: FeatureMatrix): number[][] {
    let Xt: FeatureMatrix = X;
    for (const t of this.transformers) Xt = t.transform(Xt);
    return Xt === X ? X.map((row) => [...row]) : (Xt as number[][]);
  }

  predict(X: FeatureMatrix): number[] {
    return this.finalEstimator.predict(this.transform(X));
  }

  score(X: FeatureMatrix, y: TargetVector): number {
    return this.finalEstimator.score(this.transform(X), y);
  }

  toJSON(): ModelJson {
    return makeModelJson(this.kind, { steps: this.steps.map((s) => s.toJSON()) }, null);
  }

  /** Rebuilds a pipeline saved with `toJSON`, loading each step through the model registry. */
  static fromJSON(json: unknown): Pipeline {
    const { params } = readModelJson(json, "Pipeline", paramsSchema, z.null());
    const steps: SerializableModel[] = params.steps.map((s) => modelFromJSON(s));
    const final = steps[steps.length - 1] as Transformer | Estimator;
    if (!isEstimator(final))
      throw new QforgeError(
        "INVALID_MODEL_FILE",
        `Pipeline model file is damaged: its last step (${final.kind}) is not an estimator`,
      );
    for (const s of steps.slice(0, -1)) {
      if (typeof (s as Partial<Transformer>).transform !== "function") {
        throw new QforgeError(
          "INVALID_MODEL_FILE",
          `Pipeline model file is damaged: step ${s.kind} is not a transformer`,
        );
      }
    }
    return new Pipeline(steps as unknown as [...Transformer[], Estimator]);
  }
}

registerModel("Pipeline", (json) => Pipeline.fromJSON(json));
