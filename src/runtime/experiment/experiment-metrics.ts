import { compareFamilies } from "../../report/index.js";
import { TASK_METRICS, type Metrics } from "./evaluate-model.js";
import type { FinishedModel } from "./finished-model.js";
import type { ExperimentData } from "./load-experiment-data.js";
import type { ExperimentConfig, Task } from "./resolve-experiment-config.js";

/** One model's entry in metrics.json. */
export interface ModelMetrics {
  readonly name: string;
  readonly family: "quantum" | "classical";
  readonly type: string;
  readonly description: string;
  readonly preprocess: string;
  readonly train: Metrics;
  readonly test: Metrics;
  readonly fit_seconds: number;
  readonly evaluate_seconds: number;
  readonly qubits: number | null;
  readonly circuit_depth: number | null;
  readonly gate_counts: Record<string, number> | null;
  readonly trainable_weights: number | null;
  /** Shots per circuit evaluation; null: simulated exactly (state vector), no sampling. */
  readonly shots: number | null;
  /** Optimizer iterations run (variational models, trainable kernels). */
  readonly iterations: number | null;
  readonly final_loss: number | null;
  readonly model_file: string;
}

/** The content of metrics.json. */
export interface ExperimentMetrics {
  readonly format: "qforge-experiment-metrics";
  readonly version: 1;
  readonly name: string;
  readonly seed: number;
  readonly task: Task;
  /** True when the run was stopped (Ctrl-C) before every model finished. */
  readonly interrupted: boolean;
  readonly not_run: string[];
  readonly data: {
    readonly source: string;
    readonly rows: number;
    readonly features: number;
    readonly target: string;
    readonly classes: string[] | null;
    readonly train_rows: number;
    readonly test_rows: number;
    readonly split: string;
  };
  /** The metric models are compared on (the first of each task's metrics). */
  readonly primary_metric: string;
  readonly models: ModelMetrics[];
  readonly comparison: {
    readonly best_quantum: string | null;
    readonly best_classical: string | null;
    readonly winner: "quantum" | "classical" | "tie" | null;
    readonly sentence: string;
  };
}

/**
 * Builds metrics.json: every finished model's train and test metrics, timings, circuit facts and the
 * quantum-versus-classical comparison.
 *
 * @example
 * ```ts
 * const metrics = experimentMetrics(config, "classification", data, finished, []);
 * ```
 */
export function experimentMetrics(
  config: ExperimentConfig,
  task: Task,
  data: ExperimentData,
  finished: readonly FinishedModel[],
  notRun: readonly string[],
): ExperimentMetrics {
  const primary = TASK_METRICS[task][0]!;
  const models = finished.map((f): ModelMetrics => {
    const c = f.member.circuit;
    const curve = f.fit.lossHistory ?? f.fit.alignmentHistory;
    return {
      name: f.member.name,
      family: f.member.family,
      type: f.member.type,
      description: f.member.description,
      preprocess: f.member.preprocessText,
      train: f.evaluation.train,
      test: f.evaluation.test,
      fit_seconds: round(f.fitSeconds),
      evaluate_seconds: round(f.evaluateSeconds),
      qubits: f.member.qubits,
      circuit_depth: c ? c.depth() : null,
      gate_counts: c ? c.countOps() : null,
      trainable_weights: f.member.trainableWeights,
      shots: null,
      iterations: curve ? curve.length : null,
      final_loss: curve && curve.length ? curve[curve.length - 1]! : null,
      model_file: f.modelFile,
    };
  });
  const comparison = compareFamilies(models, primary, data.test.length);
  return {
    format: "qforge-experiment-metrics",
    version: 1,
    name: config.name,
    seed: config.seed,
    task,
    interrupted: notRun.length > 0,
    not_run: [...notRun],
    data: {
      source: data.source,
      rows: data.X.length,
      features: data.featureNames.length,
      target: data.targetName,
      classes: task === "classification" ? data.classes.map((c) => data.labelNames.get(c)!) : null,
      train_rows: data.train.length,
      test_rows: data.test.length,
      split: data.splitText,
    },
    primary_metric: primary,
    models,
    comparison: {
      best_quantum: comparison.bestQuantum?.name ?? null,
      best_classical: comparison.bestClassical?.name ?? null,
      winner: comparison.winner,
      sentence: comparison.sentence,
    },
  };
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}
