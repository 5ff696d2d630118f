import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { QforgeError } from "../../util/errors.js";
import { buildReport, type DecisionPlane } from "../../report/index.js";
import { experimentConfigYaml } from "./experiment-config-yaml.js";
import { type ExperimentMetrics, experimentMetrics } from "./experiment-metrics.js";
import { experimentReportData } from "./experiment-report-data.js";
import type { FinishedModel } from "./finished-model.js";
import type { ExperimentData } from "./load-experiment-data.js";
import { type OutputState, RESOLVED_CONFIG_FILE, removePreviousRun } from "./output-dir.js";
import type { ExperimentConfig, Task } from "./resolve-experiment-config.js";

/** Facts a model file carries beside the model, so `qforge predict` can read the right CSV columns. */
export interface ModelFileExperimentInfo {
  readonly experiment: string;
  readonly model: string;
  /** Feature columns, in the order the model takes them. */
  readonly features: string[];
  readonly target: string;
  /** Text class labels when the training CSV's target held text (predictions index into it); else null. */
  readonly labels: string[] | null;
  /** Classification: the class values in the order of predictProba's columns; else null. */
  readonly classes: number[] | null;
}

/**
 * Writes a run's outputs into `config.output`: model-NAME.json per finished model (the whole pipeline,
 * preprocessing included, loadable by `loadModel` and `qforge predict`), metrics.json, test-predictions.csv,
 * report.html, and config.resolved.yaml last. Files of a replaced previous run are removed first.
 * Returns the metrics and the names of the files written.
 */
export async function writeExperimentOutputs(
  config: ExperimentConfig,
  task: Task,
  data: ExperimentData,
  finished: readonly FinishedModel[],
  plane: DecisionPlane | undefined,
  notRun: readonly string[],
  state: OutputState,
): Promise<{ metrics: ExperimentMetrics; files: string[] }> {
  const dir = config.output;
  const metrics = experimentMetrics(config, task, data, finished, notRun);
  const html = await buildReport(experimentReportData(config, task, data, finished, plane, notRun));
  const files: string[] = [];
  const write = (name: string, text: string) => {
    try {
      writeFileSync(join(dir, name), text);
    } catch (e) {
      throw new QforgeError("IO_ERROR", `cannot write ${join(dir, name)}: ${(e as Error).message}`);
    }
    files.push(name);
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new QforgeError("IO_ERROR", `cannot create the output folder ${dir}: ${(e as Error).message}`);
  }
  removePreviousRun(dir, state);
  for (const f of finished) {
    const info: ModelFileExperimentInfo = {
      experiment: config.name,
      model: f.member.name,
      features: data.featureNames,
      target: data.targetName,
      labels: data.textLabels ?? null,
      classes: task === "classification" ? data.classes : null,
    };
    write(f.modelFile, `${JSON.stringify({ ...f.fit.pipeline.toJSON(), experiment: info }, null, 2)}\n`);
  }
  write("metrics.json", `${JSON.stringify(metrics, null, 2)}\n`);
  write("test-predictions.csv", testPredictionsCsv(data, finished));
  write("report.html", html);
  write(RESOLVED_CONFIG_FILE, experimentConfigYaml(config));
  return { metrics, files };
}

/** row (1-based data row of the CSV), target, then one column of test predictions per model. */
function testPredictionsCsv(data: ExperimentData, finished: readonly FinishedModel[]): string {
  const value = (v: number) => (data.textLabels ? csvCell(data.textLabels[v] ?? String(v)) : String(v));
  const head = ["row", csvCell(data.targetName), ...finished.map((f) => csvCell(f.member.name))].join(",");
  const lines = data.test.map((i, k) =>
    [
      String(data.rowIds[i]! + 1),
      value(data.y[i]!),
      ...finished.map((f) => value(f.evaluation.testPredictions[k]!)),
    ].join(","),
  );
  return `${[head, ...lines].join("\n")}\n`;
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
