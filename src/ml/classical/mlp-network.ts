import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import type { Rng } from "../../util/rng.js";
import type { FeatureMatrix } from "../estimator.js";

/** Options shared by {@link MLPClassifier} and {@link MLPRegressor} (scikit-learn's names and defaults). */
export interface MlpOptions {
  /** Widths of the hidden layers: one or two layers (default [100]). */
  hiddenLayerSizes?: readonly number[];
  /** Hidden activation (default "relu"). */
  activation?: "relu" | "tanh";
  /** L2 penalty (default 1e-4). */
  alpha?: number;
  /** Adam step size (default 1e-3). */
  learningRate?: number;
  /** Minibatch size; "auto" = min(200, samples) (default). */
  batchSize?: number | "auto";
  /** Most epochs (default 200). */
  maxIter?: number;
  /** Improvement below this counts as none (default 1e-4). */
  tol?: number;
  /** Stop after this many epochs without improvement (default 10). */
  nIterNoChange?: number;
  /** Hold out `validationFraction` of the training data, stop when its score stops improving and keep the best weights (default false). */
  earlyStopping?: boolean;
  /** Held-out share for early stopping (default 0.1). */
  validationFraction?: number;
  /** Seed of the weight initialisation, the minibatch order and the validation split (default 0). */
  seed?: number;
}

/** {@link MlpOptions} with defaults filled in. */
export type MlpParams = Required<Omit<MlpOptions, "hiddenLayerSizes">> & { hiddenLayerSizes: number[] };

/** zod schema of {@link MlpParams} in model files. */
export const mlpParamsSchema = z.object({
  hiddenLayerSizes: z.array(z.number().int().positive()).min(1).max(2),
  activation: z.enum(["relu", "tanh"]),
  alpha: z.number().nonnegative(),
  learningRate: z.number().positive(),
  batchSize: z.union([z.number().int().positive(), z.literal("auto")]),
  maxIter: z.number().int().positive(),
  tol: z.number().nonnegative(),
  nIterNoChange: z.number().int().positive(),
  earlyStopping: z.boolean(),
  validationFraction: z.number().gt(0).lt(1),
  seed: z.number().int(),
});

/** zod schema of the trained layers in model files. */
export const mlpLayersSchema = z
  .array(z.object({ weights: z.array(z.array(z.number())), biases: z.array(z.number()) }))
  .min(2);

/** A dense layer: `weights[i][o]` from input i to output o. */
export interface MlpLayer {
  weights: number[][];
  biases: number[];
}

/** Fills in defaults and checks MLP options. */
export function mlpDefaults(options: MlpOptions): MlpParams {
  const p: MlpParams = {
    hiddenLayerSizes: [...(options.hiddenLayerSizes ?? [100])],
    activation: options.activation ?? "relu",
    alpha: options.alpha ?? 1e-4,
    learningRate: options.learningRate ?? 1e-3,
    batchSize: options.batchSize ?? "auto",
    maxIter: options.maxIter ?? 200,
    tol: options.tol ?? 1e-4,
    nIterNoChange: options.nIterNoChange ?? 10,
    earlyStopping: options.earlyStopping ?? false,
    validationFraction: options.validationFraction ?? 0.1,
    seed: options.seed ?? 0,
  };
  const parsed = mlpParamsSchema.safeParse(p);
  check(
    parsed.success,
    `invalid MLP options: ${parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
  );
  return p;
}

/** How the last layer turns into predictions; each pairs with its natural loss so the output error is (prediction − target). */
export type MlpOutput = "logistic" | "softmax" | "identity";

/** What to train on; `targets` has one row per sample (one-hot, 0/1, or the value). */
export interface MlpProblem {
  X: FeatureMatrix;
  targets: number[][];
  output: MlpOutput;
  trainIdx: number[];
  /** Early stopping: held-out rows and a score (larger is better) of the network's outputs on them. */
  validation?: { idx: number[]; score: (outputs: number[][]) => number };
}

/** Outcome of {@link trainMlp}. */
export interface MlpTrainingResult {
  layers: MlpLayer[];
  /** Training loss per epoch (data loss + L2 term). */
  lossCurve: number[];
  /** Validation score per epoch (early stopping only). */
  validationScores: number[];
  /** Epochs run. */
  nIter: number;
  /** True when training stopped because it no longer improved (rather than at maxIter). */
  converged: boolean;
}

/**
 * Trains a fully connected network with Adam on seeded minibatches, following scikit-learn's MLP: Glorot-uniform
 * initialisation, loss averaged over the batch plus α/2·‖W‖²/batch, stop after `nIterNoChange` epochs without
 * an improvement larger than `tol`.
 */
export function trainMlp(problem: MlpProblem, params: MlpParams, rng: Rng): MlpTrainingResult {
  const { X, targets, output, trainIdx, validation } = problem;
  const sizes = [X[0]!.length, ...params.hiddenLayerSizes, targets[0]!.length];
  const L = sizes.length - 1;
  const W: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    const bound = Math.sqrt(6 / (sizes[l]! + sizes[l + 1]!));
    W.push(Float64Array.from({ length: sizes[l]! * sizes[l + 1]! }, () => rng.uniform(-bound, bound)));
    b.push(Float64Array.from({ length: sizes[l + 1]! }, () => rng.uniform(-bound, bound)));
  }
  const params1 = [...W, ...b];
  const m1 = params1.map((p) => new Float64Array(p.length));
  const m2 = params1.map((p) => new Float64Array(p.length));
  const gW = W.map((w) => new Float64Array(w.length));
  const gb = b.map((v) => new Float64Array(v.length));
  const grads = [...gW, ...gb];
  const n = trainIdx.length;
  const batch = params.batchSize === "auto" ? Math.min(200, n) : Math.min(params.batchSize, n);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const adamEps = 1e-8;
  let step = 0;

  const lossCurve: number[] = [];
  const validationScores: number[] = [];
  let bestLoss = Infinity;
  let bestScore = -Infinity;
  let bestLayers: { W: Float64Array[]; b: Float64Array[] } | undefined;
  let noImprovement = 0;
  let converged = false;
  const order = [...trainIdx];

  for (let epoch = 0; epoch < params.maxIter; epoch++) {
    rng.shuffle(order);
    let epochLoss = 0;
    for (let start = 0; start < n; start += batch) {
      const rows = order.slice(start, start + batch);
      epochLoss += batchLossAndGradient({ sizes, W, b }, problem, rows, params, gW, gb) * rows.length;
      step++;
      const lrT = (params.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
      params1.forEach((p, k) => {
        const g = grads[k]!;
        const a = m1[k]!;
        const v = m2[k]!;
        for (let i = 0; i < p.length; i++) {
          a[i] = beta1 * a[i]! + (1 - beta1) * g[i]!;
          v[i] = beta2 * v[i]! + (1 - beta2) * g[i]! * g[i]!;
          p[i]! -= (lrT * a[i]!) / (Math.sqrt(v[i]!) + adamEps);
        }
      });
    }
    const loss = epochLoss / n;
    lossCurve.push(loss);
    if (validation !== undefined) {
      const score = validation.score(
        forwardAll(toLayers(W, b, sizes), X, validation.idx, params.activation, output),
      );
      validationScores.push(score);
      noImprovement = score < bestScore + params.tol ? noImprovement + 1 : 0;
      if (score > bestScore) {
        bestScore = score;
        bestLayers = { W: W.map((w) => w.slice()), b: b.map((v) => v.slice()) };
      }
    } else {
      noImprovement = loss > bestLoss - params.tol ? noImprovement + 1 : 0;
      if (loss < bestLoss) bestLoss = loss;
    }
    if (noImprovement > params.nIterNoChange) {
      converged = true;
      break;
    }
  }
  const final = bestLayers ?? { W, b };
  return {
    layers: toLayers(final.W, final.b, sizes),
    lossCurve,
    validationScores,
    nIter: lossCurve.length,
    converged,
  };
}

/**
 * Network outputs for the given rows of X (all rows when `idx` is omitted): probabilities for
 * logistic/softmax outputs, values for identity.
 */
export function forwardAll(
  layers: readonly MlpLayer[],
  X: FeatureMatrix,
  idx: readonly number[] | undefined,
  activation: "relu" | "tanh",
  output: MlpOutput,
): number[][] {
  const rows = idx === undefined ? X : idx.map((i) => X[i]!);
  return rows.map((x) => {
    let a: number[] = [...x];
    layers.forEach((layer, l) => {
      const z = layer.biases.map((bias, o) => {
        let acc = bias;
        for (let j = 0; j < a.length; j++) acc += a[j]! * layer.weights[j]![o]!;
        return acc;
      });
      if (l < layers.length - 1) {
        a = z.map((v) => (activation === "relu" ? Math.max(v, 0) : Math.tanh(v)));
      } else {
        const zz = Float64Array.from(z);
        finish(zz, 1, z.length, output);
        a = Array.from(zz);
      }
    });
    return a;
  });
}

/** Weights of a network as flat row-major arrays: `W[l][i * sizes[l + 1] + o]`. */
export interface FlatNetwork {
  sizes: readonly number[];
  W: readonly Float64Array[];
  b: readonly Float64Array[];
}

/**
 * Forward and backward pass over the samples `rows`: writes the gradients of the batch loss into gW and gb and
 * returns the loss (mean data loss + α/2·‖W‖²/batch, as scikit-learn).
 */
export function batchLossAndGradient(
  net: FlatNetwork,
  problem: Pick<MlpProblem, "X" | "targets" | "output">,
  rows: readonly number[],
  params: Pick<MlpParams, "activation" | "alpha">,
  gW: readonly Float64Array[],
  gb: readonly Float64Array[],
): number {
  const { sizes, W, b } = net;
  const { X, targets, output } = problem;
  const L = sizes.length - 1;
  const B = rows.length;
  const acts: Float64Array[] = [new Float64Array(B * sizes[0]!)];
  rows.forEach((r, i) => acts[0]!.set(X[r]!, i * sizes[0]!));
  for (let l = 0; l < L; l++) {
    const z = affine(acts[l]!, W[l]!, b[l]!, B, sizes[l]!, sizes[l + 1]!);
    if (l < L - 1) activate(z, params.activation);
    else finish(z, B, sizes[L]!, output);
    acts.push(z);
  }
  const out = acts[L]!;
  const k = sizes[L]!;
  let delta = new Float64Array(B * k);
  let dataLoss = 0;
  rows.forEach((r, i) => {
    const t = targets[r]!;
    for (let o = 0; o < k; o++) {
      const pred = out[i * k + o]!;
      delta[i * k + o] = pred - t[o]!;
      if (output === "identity") dataLoss += 0.5 * (pred - t[o]!) ** 2;
      else if (output === "softmax") dataLoss -= t[o]! * Math.log(clipProb(pred));
      else dataLoss -= t[o]! * Math.log(clipProb(pred)) + (1 - t[o]!) * Math.log(clipProb(1 - pred));
    }
  });
  let penalty = 0;
  for (const w of W) for (let i = 0; i < w.length; i++) penalty += w[i]! * w[i]!;
  for (let l = L - 1; l >= 0; l--) {
    const nIn = sizes[l]!;
    const nOut = sizes[l + 1]!;
    const a = acts[l]!;
    const gw = gW[l]!;
    const gbl = gb[l]!;
    gw.fill(0);
    gbl.fill(0);
    for (let i = 0; i < B; i++) {
      for (let j = 0; j < nIn; j++) {
        const aij = a[i * nIn + j]!;
        if (aij === 0) continue;
        const row = j * nOut;
        for (let o = 0; o < nOut; o++) gw[row + o]! += aij * delta[i * nOut + o]!;
      }
      for (let o = 0; o < nOut; o++) gbl[o]! += delta[i * nOut + o]!;
    }
    const w = W[l]!;
    for (let i = 0; i < gw.length; i++) gw[i] = (gw[i]! + params.alpha * w[i]!) / B;
    for (let o = 0; o < nOut; o++) gbl[o]! /= B;
    if (l > 0) {
      const prev = new Float64Array(B * nIn);
      for (let i = 0; i < B; i++) {
        for (let j = 0; j < nIn; j++) {
          let acc = 0;
          const row = j * nOut;
          for (let o = 0; o < nOut; o++) acc += delta[i * nOut + o]! * w[row + o]!;
          const av = a[i * nIn + j]!;
          prev[i * nIn + j] = acc * (params.activation === "relu" ? (av > 0 ? 1 : 0) : 1 - av * av);
        }
      }
      delta = prev;
    }
  }
  return (dataLoss + 0.5 * params.alpha * penalty) / B;
}

function toLayers(
  W: readonly Float64Array[],
  b: readonly Float64Array[],
  sizes: readonly number[],
): MlpLayer[] {
  return W.map((w, l) => {
    const nOut = sizes[l + 1]!;
    return {
      weights: Array.from({ length: sizes[l]! }, (_, j) => Array.from(w.subarray(j * nOut, (j + 1) * nOut))),
      biases: Array.from(b[l]!),
    };
  });
}

function affine(
  a: Float64Array,
  w: Float64Array,
  bias: Float64Array,
  B: number,
  nIn: number,
  nOut: number,
): Float64Array {
  const z = new Float64Array(B * nOut);
  for (let i = 0; i < B; i++) {
    const zi = i * nOut;
    for (let o = 0; o < nOut; o++) z[zi + o] = bias[o]!;
    for (let j = 0; j < nIn; j++) {
      const aij = a[i * nIn + j]!;
      if (aij === 0) continue;
      const row = j * nOut;
      for (let o = 0; o < nOut; o++) z[zi + o]! += aij * w[row + o]!;
    }
  }
  return z;
}

function activate(z: Float64Array, activation: "relu" | "tanh"): void {
  for (let i = 0; i < z.length; i++) z[i] = activation === "relu" ? Math.max(z[i]!, 0) : Math.tanh(z[i]!);
}

function finish(z: Float64Array, B: number, k: number, output: MlpOutput): void {
  if (output === "identity") return;
  if (output === "logistic") {
    for (let i = 0; i < z.length; i++) {
      const v = z[i]!;
      z[i] = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }
    return;
  }
  for (let i = 0; i < B; i++) {
    let max = -Infinity;
    for (let o = 0; o < k; o++) max = Math.max(max, z[i * k + o]!);
    let sum = 0;
    for (let o = 0; o < k; o++) {
      const e = Math.exp(z[i * k + o]! - max);
      z[i * k + o] = e;
      sum += e;
    }
    for (let o = 0; o < k; o++) z[i * k + o]! /= sum;
  }
}

function clipProb(p: number): number {
  return Math.min(Math.max(p, Number.EPSILON), 1 - Number.EPSILON);
}

/** Checks that saved layers chain (each layer's outputs feed the next) and match the declared sizes. */
export function checkLayerShapes(
  layers: readonly MlpLayer[],
  hidden: readonly number[],
  outputs: number,
  kind: string,
): void {
  const widths = [...hidden, outputs];
  const ok =
    layers.length === widths.length &&
    layers.every((layer, l) => {
      const nIn = l === 0 ? layer.weights.length : widths[l - 1]!;
      return (
        layer.weights.length === nIn &&
        nIn > 0 &&
        layer.biases.length === widths[l] &&
        layer.weights.every((r) => r.length === widths[l])
      );
    });
  if (!ok)
    throw new QforgeError(
      "INVALID_MODEL_FILE",
      `${kind} model file is damaged: layer shapes do not match hiddenLayerSizes and outputs`,
    );
}
