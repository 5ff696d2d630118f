import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { decisionPlane, type DecisionPlane } from "../../report/index.js";
import { buildMembers } from "./build-members.js";
import { evaluateModel } from "./evaluate-model.js";
import { experimentConfigYaml } from "./experiment-config-yaml.js";
import type { ExperimentEvent } from "./experiment-events.js";
import type { ExperimentMetrics } from "./experiment-metrics.js";
import type { FinishedModel } from "./finished-model.js";
import { loadExperimentData } from "./load-experiment-data.js";
import { checkOutputDir, type OutputPolicy } from "./output-dir.js";
import { type ExperimentConfig, taskOf } from "./resolve-experiment-config.js";
import { writeExperimentOutputs } from "./write-experiment-outputs.js";

/** Options of {@link runExperiment}. */
export interface RunExperimentOptions extends OutputPolicy {
  /**
   * Stops the run: the model in training is abandoned at its next optimizer step (or, between steps,
   * finished), no further model starts, and the finished models are written out.
   */
  readonly signal?: AbortSignal;
  /** Receives progress events. */
  readonly onEvent?: (event: ExperimentEvent) => void;
}

/** What a run did. */
export interface ExperimentResult {
  readonly outputDir: string;
  /** Path of report.html, or null when nothing finished and nothing was written. */
  readonly reportPath: string | null;
  /** metrics.json's content, or null when nothing was written. */
  readonly metrics: ExperimentMetrics | null;
  /** True when the run was stopped through the signal. */
  readonly interrupted: boolean;
  /** Names of the models that finished, and of those that did not run. */
  readonly kept: string[];
  readonly notRun: string[];
  /** Files written into the output folder. */
  readonly files: string[];
}

/** Thrown from an optimizer step to abandon the model in training. */
class StopRequested extends Error {}

/**
 * Runs an experiment: checks the output folder and loads and checks the data and every model before any
 * training; then fits and scores each model and baseline in turn and writes model files, metrics.json,
 * test-predictions.csv, report.html and config.resolved.yaml into `config.output`. Deterministic for a
 * given config (seeded), apart from the timings.
 *
 * @example
 * ```ts
 * const result = await runExperiment(loadExperimentConfig("examples/configs/iris.yaml"), { force: true });
 * result.metrics?.models.map((m) => [m.name, m.test.accuracy]);
 * ```
 */
export async function runExperiment(
  config: ExperimentConfig,
  options: RunExperimentOptions = {},
): Promise<ExperimentResult> {
  const emit = options.onEvent ?? (() => {});
  const signal = options.signal;
  const task = taskOf(config);
  const state = checkOutputDir(config.output, experimentConfigYaml(config), options);
  const data = loadExperimentData(config, task);
  const members = buildMembers(config, {
    task,
    features: data.featureNames.length,
    trainRows: data.train.length,
    numClasses: data.classes.length,
  });
  const Xtr = data.train.map((i) => data.X[i]!),
    ytr = data.train.map((i) => data.y[i]!);
  const Xte = data.test.map((i) => data.X[i]!),
    yte = data.test.map((i) => data.y[i]!);
  emit({
    type: "data",
    rows: data.X.length,
    features: data.featureNames.length,
    trainRows: Xtr.length,
    testRows: Xte.length,
  });
  const plane: DecisionPlane | undefined =
    config.report.decision_boundary && data.featureNames.length >= 2
      ? decisionPlane(Xtr, config.report.boundary_grid, Xte)
      : undefined;

  const finished: FinishedModel[] = [];
  const total = members.length;
  for (const [index, member] of members.entries()) {
    await nextTurn(); // lets a pending Ctrl-C (SIGINT) reach its handler between models
    if (signal?.aborted) break;
    const name = member.name;
    emit({ type: "model-start", index, total, name, maxIterations: member.maxIterations });
    const t0 = performance.now();
    let fit;
    try {
      fit = member.fit(Xtr, ytr, (iteration, loss) => {
        if (signal?.aborted) throw new StopRequested();
        emit({ type: "step", index, total, name, iteration, maxIterations: member.maxIterations, loss });
      });
    } catch (e) {
      if (e instanceof StopRequested) break;
      throw e;
    }
    const fitSeconds = (performance.now() - t0) / 1000;
    emit({ type: "phase", index, total, name, phase: "scoring" });
    const t1 = performance.now();
    const evaluation = evaluateModel(fit.pipeline, task, data.classes, Xtr, ytr, Xte, yte);
    const boundary = plane ? fit.pipeline.predict(plane.cellRows) : undefined;
    const evaluateSeconds = (performance.now() - t1) / 1000;
    finished.push({
      member,
      fit,
      evaluation,
      fitSeconds,
      evaluateSeconds,
      boundary,
      modelFile: `model-${name}.json`,
    });
    const metric = task === "classification" ? "accuracy" : "r2";
    emit({
      type: "model-done",
      index,
      total,
      name,
      seconds: fitSeconds,
      metric,
      value: evaluation.test[metric] ?? null,
    });
  }
  await nextTurn();
  const interrupted = signal?.aborted === true;
  const kept = finished.map((f) => f.member.name);
  const notRun = members.slice(finished.length).map((m) => m.name);
  if (interrupted) emit({ type: "interrupted", kept, notRun });
  if (finished.length === 0)
    return {
      outputDir: config.output,
      reportPath: null,
      metrics: null,
      interrupted,
      kept,
      notRun,
      files: [],
    };
  emit({ type: "writing", dir: config.output });
  const { metrics, files } = await writeExperimentOutputs(config, task, data, finished, plane, notRun, state);
  return {
    outputDir: config.output,
    reportPath: join(config.output, "report.html"),
    metrics,
    interrupted,
    kept,
    notRun,
    files,
  };
}
