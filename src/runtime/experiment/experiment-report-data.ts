import type { DecisionPlane, ReportData, ReportModel } from "../../report/index.js";
import { TASK_METRICS } from "./evaluate-model.js";
import type { FinishedModel } from "./finished-model.js";
import type { ExperimentData } from "./load-experiment-data.js";
import type { ExperimentConfig, Task } from "./resolve-experiment-config.js";

/** The qforge version written into outputs. */
export const QFORGE_VERSION = "0.1.0";

/**
 * Gathers what the HTML report shows from a run: models with their metrics, curves, confusion matrices,
 * ROC curves, kernel samples and decision regions.
 *
 * @example
 * ```ts
 * const html = await buildReport(experimentReportData(config, task, data, finished, plane, []));
 * ```
 */
export function experimentReportData(
  config: ExperimentConfig,
  task: Task,
  data: ExperimentData,
  finished: readonly FinishedModel[],
  plane: DecisionPlane | undefined,
  notRun: readonly string[],
): ReportData {
  const name = (c: number) => data.labelNames.get(c) ?? String(c);
  const classNames = task === "classification" ? data.classes.map(name) : undefined;
  const ytrain = data.train.map((i) => data.y[i]!);
  const ytest = data.test.map((i) => data.y[i]!);
  const models = finished.map((f): ReportModel => {
    const m = f.member,
      e = f.evaluation,
      c = m.circuit;
    const curve = f.fit.lossHistory?.length
      ? { label: m.lossName ?? "loss", values: f.fit.lossHistory }
      : f.fit.alignmentHistory?.length
        ? { label: "kernel-target alignment", values: f.fit.alignmentHistory }
        : undefined;
    return {
      name: m.name,
      family: m.family,
      type: m.type,
      description: m.description,
      preprocess: m.preprocessText,
      train: e.train,
      test: e.test,
      fitSeconds: f.fitSeconds,
      qubits: m.qubits,
      depth: c ? c.depth() : null,
      gateCounts: c ? c.countOps() : null,
      ...(c ? { circuit: c } : {}),
      ...(m.circuitCaption ? { circuitCaption: m.circuitCaption } : {}),
      ...(curve ? { curve } : {}),
      ...(e.confusion && classNames ? { confusion: { labels: classNames, matrix: e.confusion } } : {}),
      ...(e.roc ? { roc: e.roc } : {}),
      ...(f.fit.trainingKernel
        ? { kernel: kernelSample(f.fit.trainingKernel, ytrain, task, config.report.kernel_samples, name) }
        : {}),
      ...(f.boundary ? { boundary: task === "classification" ? f.boundary.map(name) : f.boundary } : {}),
      ...(task === "regression" ? { predictions: { actual: ytest, predicted: e.testPredictions } } : {}),
    };
  });
  const Xtest = data.test.map((i) => data.X[i]!);
  return {
    title: config.name,
    description: config.description,
    task,
    seed: config.seed,
    dataset: {
      source: data.source,
      description: data.description,
      rows: data.X.length,
      features: data.featureNames.length,
      trainRows: data.train.length,
      testRows: data.test.length,
      split: data.splitText,
      ...(classNames ? { classNames } : {}),
    },
    metrics: TASK_METRICS[task],
    models,
    ...(plane
      ? {
          boundary: {
            description: plane.description,
            xTitle: plane.xTitle,
            yTitle: plane.yTitle,
            cells: plane.cells,
            points: plane
              .project(Xtest)
              .map(([x, y], k) => ({ x, y, value: task === "classification" ? name(ytest[k]!) : ytest[k]! })),
          },
        }
      : {}),
    ...(notRun.length ? { notRun } : {}),
    notes: [
      "Quantum circuits were simulated exactly with qforge's state-vector simulator: no shot noise, no hardware noise (shots: none).",
      `Every random choice used seed ${config.seed}; running config.resolved.yaml again gives the same metrics.`,
    ],
    generator: `qforge ${QFORGE_VERSION}`,
  };
}

/** Up to `k` training rows spread evenly over the rows sorted by class (or target), and their kernel sub-matrix. */
function kernelSample(K: number[][], y: number[], task: Task, k: number, name: (c: number) => string) {
  const order = y.map((_, i) => i).sort((a, b) => y[a]! - y[b]! || a - b);
  const n = Math.min(k, order.length);
  const pick = Array.from({ length: n }, (_, t) => order[Math.floor((t * order.length) / n)]!);
  const matrix = pick.map((i) => pick.map((j) => K[i]![j]!));
  const caption =
    task === "classification"
      ? `${n} of ${y.length} training rows, ordered by class (${[...new Set(pick.map((i) => name(y[i]!)))].join(", then ")})`
      : `${n} of ${y.length} training rows, ordered by target value`;
  return { matrix, caption };
}
