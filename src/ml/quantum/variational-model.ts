import { z } from "zod";
import { check } from "../../util/errors.js";
import { Rng } from "../../util/rng.js";
import { minimize } from "../../optim/minimize.js";
import type { Ansatz } from "../../templates/ansatz.js";
import type { FeatureMap, TemplateJSON } from "../../templates/feature-map.js";
import { ansatzFromJSON, featureMapFromJSON } from "../../templates/index.js";
import type { FeatureMatrix } from "../estimator.js";
import { EstimatorQNN, type QnnParallel } from "./qnn.js";
import { type OptimizerSpec, OPTIMIZER_TYPES, makeOptimizer } from "./optimizer-spec.js";

/** Options shared by the variational classifier and regressor. */
export interface VariationalOptions {
  readonly featureMap: FeatureMap;
  /** Omit for a feature map that carries its own weights (DataReuploadingLayers). */
  readonly ansatz?: Ansatz;
  /** Default { type: "lbfgs" }: full-batch, deterministic, few iterations. */
  readonly optimizer?: OptimizerSpec;
  /** Default 100. */
  readonly maxIterations?: number;
  /** Seed of the initial weights (default 0). */
  readonly seed?: number;
  /** Initial circuit weights are uniform in [−initScale, initScale] (default π/4). */
  readonly initScale?: number;
  /** Called after every optimizer iteration with the training loss. */
  readonly onStep?: (iteration: number, loss: number) => void;
  /**
   * Worker threads for the training batches (`createThreadPool()` from `qforge/node`); the trained model is
   * the same as on one thread.
   */
  readonly parallel?: QnnParallel;
}

export const templateJsonSchema = z.object({
  type: z.string(),
  numQubits: z.number().int(),
  options: z.record(z.string(), z.unknown()),
});
export const variationalParamsShape = {
  featureMap: templateJsonSchema,
  ansatz: templateJsonSchema.nullable(),
  optimizer: z.object({ type: z.enum(OPTIMIZER_TYPES), learningRate: z.number().optional() }),
  maxIterations: z.number().int().nonnegative(),
  seed: z.number().int(),
  initScale: z.number().positive(),
};

/**
 * Shared training machinery: a QNN (feature map + ansatz) with a small classical head, trained by
 * minimising a differentiable loss over [circuit weights, head parameters] with exact adjoint gradients.
 */
export abstract class VariationalModel {
  readonly featureMap: FeatureMap;
  readonly ansatz: Ansatz | undefined;
  readonly optimizer: OptimizerSpec;
  readonly maxIterations: number;
  readonly seed: number;
  readonly initScale: number;
  /** Training loss per iteration of the last fit. */
  lossHistory: number[] = [];
  protected readonly onStep: ((iteration: number, loss: number) => void) | undefined;
  protected readonly parallel: QnnParallel | undefined;
  protected qnnCache: EstimatorQNN | undefined;
  /** Circuit weights followed by head parameters, after fit. */
  protected params: Float64Array | undefined;

  protected constructor(options: VariationalOptions) {
    this.featureMap = options.featureMap;
    this.ansatz = options.ansatz;
    this.optimizer = options.optimizer ?? { type: "lbfgs" };
    this.maxIterations = options.maxIterations ?? 100;
    this.seed = options.seed ?? 0;
    this.initScale = options.initScale ?? Math.PI / 4;
    this.onStep = options.onStep;
    this.parallel = options.parallel;
    check(
      Number.isInteger(this.maxIterations) && this.maxIterations >= 0,
      `maxIterations must be a non-negative integer, got ${this.maxIterations}`,
    );
    check(Number.isInteger(this.seed), `seed must be an integer, got ${this.seed}`);
  }

  /** Observables read out of the circuit (depends on the task and number of classes). */
  protected abstract observables(): string[];
  /** Number of classical head parameters. */
  protected abstract headSize(): number;
  /** Initial head parameters. */
  protected abstract initialHead(): number[];
  /** Mean loss and its gradient with respect to the QNN outputs (B × O) and to the head. */
  protected abstract loss(
    values: Float64Array,
    head: Float64Array,
    rows: number[],
  ): { loss: number; dValues: Float64Array; dHead: Float64Array };

  protected qnn(): EstimatorQNN {
    this.qnnCache ??= new EstimatorQNN(
      { featureMap: this.featureMap, ...(this.ansatz ? { ansatz: this.ansatz } : {}) },
      this.observables(),
      this.parallel ? { parallel: this.parallel } : {},
    );
    return this.qnnCache;
  }

  /** Number of circuit weights. */
  get numWeights(): number {
    return this.qnn().numWeights;
  }

  protected train(X: FeatureMatrix, rows: number[]): void {
    const qnn = this.qnn();
    const W = qnn.numWeights,
      H = this.headSize(),
      O = qnn.observables.length;
    const rng = new Rng(this.seed);
    const x0 = new Float64Array(W + H);
    for (let i = 0; i < W; i++) x0[i] = rng.uniform(-this.initScale, this.initScale);
    x0.set(this.initialHead(), W);
    const valueAndGradient = (theta: Float64Array) => {
      const w = theta.subarray(0, W),
        head = theta.subarray(W);
      const { values, jacobian } = qnn.backward(X, w);
      const { loss, dValues, dHead } = this.loss(values, head, rows);
      const gradient = new Float64Array(W + H);
      const B = X.length;
      for (let b = 0; b < B; b++)
        for (let o = 0; o < O; o++) {
          const g = dValues[b * O + o]!;
          if (g === 0) continue;
          const base = (b * O + o) * W;
          for (let i = 0; i < W; i++) gradient[i] = gradient[i]! + g * jacobian[base + i]!;
        }
      gradient.set(dHead, W);
      return { value: loss, gradient };
    };
    this.lossHistory = [];
    const result = minimize({ value: (t) => valueAndGradient(t).value, valueAndGradient }, x0, {
      optimizer: makeOptimizer(this.optimizer),
      maxIterations: this.maxIterations,
      tolerance: 1e-9,
      seed: this.seed,
      onStep: (info) => {
        this.lossHistory.push(info.value);
        this.onStep?.(info.iteration, info.value);
      },
    });
    this.params = Float64Array.from(result.x);
  }

  /** QNN outputs (B × O) and head parameters of the fitted model. */
  protected outputs(X: FeatureMatrix): { values: Float64Array; head: Float64Array } {
    check(this.params !== undefined, "the model is not fitted yet; call fit(X, y) first");
    const W = this.qnn().numWeights;
    return { values: this.qnn().forward(X, this.params!.subarray(0, W)), head: this.params!.subarray(W) };
  }

  protected baseParams(): Record<string, unknown> {
    return {
      featureMap: this.featureMap.toJSON(),
      ansatz: this.ansatz ? this.ansatz.toJSON() : null,
      optimizer: this.optimizer,
      maxIterations: this.maxIterations,
      seed: this.seed,
      initScale: this.initScale,
    };
  }
}

/** Rebuilds the constructor options saved by {@link VariationalModel}. */
export function variationalOptionsFromJSON(
  p: z.output<z.ZodObject<typeof variationalParamsShape>>,
): VariationalOptions {
  const { type, learningRate } = p.optimizer;
  return {
    featureMap: featureMapFromJSON(p.featureMap as TemplateJSON),
    ...(p.ansatz ? { ansatz: ansatzFromJSON(p.ansatz as TemplateJSON) } : {}),
    optimizer: learningRate === undefined ? { type } : { type, learningRate },
    maxIterations: p.maxIterations,
    seed: p.seed,
    initScale: p.initScale,
  };
}
