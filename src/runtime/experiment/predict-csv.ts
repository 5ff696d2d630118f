import { QforgeError } from "../../util/errors.js";
import { type Estimator, accuracy, deserializeModel, isEstimator, r2 } from "../../ml/index.js";
import { readTextFile } from "../files.js";
import { numericColumns, readCsvTable } from "./read-csv-table.js";

/** Options of {@link predictCsv}. */
export interface PredictCsvOptions {
  /** The target column to leave out of the features (default: the one the model file names, else "target"). */
  readonly target?: string;
}

/** Predictions as CSV text, and the score when the data held the target. */
export interface PredictCsvResult {
  readonly csv: string;
  readonly rows: number;
  readonly score?: { readonly metric: "accuracy" | "r2"; readonly value: number };
}

interface ExperimentInfo {
  features?: unknown;
  target?: unknown;
  labels?: unknown;
  classes?: unknown;
}

/**
 * Predicts with a saved model (a file written by `saveModel` or an experiment's model-NAME.json) on the
 * rows of a CSV file. Feature columns: those the model file names (experiment model files record them),
 * else every column except the target. Output: a `prediction` column (text labels when the model was
 * trained on text labels) and, for experiment classifiers that give probabilities, one `p_LABEL` column per
 * class. When the CSV holds the target column, the result also carries the score on it.
 *
 * @example
 * ```ts
 * const { csv } = predictCsv("runs/breast-cancer/model-qsvc.json", "new-patients.csv");
 * ```
 */
export function predictCsv(
  modelPath: string,
  dataPath: string,
  options: PredictCsvOptions = {},
): PredictCsvResult {
  const text = readTextFile(modelPath);
  let model: Estimator;
  let info: ExperimentInfo = {};
  try {
    const parsed = JSON.parse(text) as { experiment?: ExperimentInfo };
    if (parsed && typeof parsed.experiment === "object" && parsed.experiment !== null)
      info = parsed.experiment;
    const m = deserializeModel(text);
    if (!isEstimator(m as Estimator))
      throw new QforgeError("INVALID_MODEL_FILE", `it holds a ${m.kind}, which does not predict`);
    model = m as Estimator;
  } catch (e) {
    if (e instanceof QforgeError) throw new QforgeError(e.code, `${modelPath}: ${e.message}`);
    throw new QforgeError(
      "INVALID_MODEL_FILE",
      `${modelPath}: not a qforge model file (${(e as Error).message})`,
    );
  }
  const table = readCsvTable(readTextFile(dataPath), dataPath);
  const target = options.target ?? (typeof info.target === "string" ? info.target : "target");
  const features = stringList(info.features) ?? table.header.filter((h) => h !== target);
  const missing = features.filter((f) => !table.header.includes(f));
  if (missing.length)
    throw new QforgeError(
      "INVALID_DATA",
      `${dataPath} lacks the feature column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} the model was trained on; its columns are: ${table.header.join(", ")}`,
    );
  const X = numericColumns(table, features);
  let predictions: number[];
  try {
    predictions = model.predict(X);
  } catch (e) {
    if (e instanceof QforgeError)
      throw new QforgeError(e.code, `predicting ${dataPath} with ${modelPath}: ${e.message}`);
    throw e;
  }
  const labels = stringList(info.labels);
  const show = (v: number) => cell(labels?.[v] ?? String(v));
  // Probability columns need the class order, which experiment model files record.
  const classes = numberList(info.classes);
  let proba: number[][] | undefined;
  if (classes && model.estimatorType === "classifier" && model.predictProba) {
    try {
      proba = model.predictProba(X);
    } catch (e) {
      if (!(e instanceof QforgeError)) throw e; // an SVM fitted without probabilities has none
    }
  }
  const probaHead = proba && classes ? classes.map((c) => cell(`p_${labels?.[c] ?? c}`)) : [];
  const lines = predictions.map((p, i) => [show(p), ...(proba ? proba[i]!.map(String) : [])].join(","));
  const csv = `${["prediction", ...probaHead].join(",")}\n${lines.join("\n")}\n`;

  let score: PredictCsvResult["score"];
  const t = table.header.indexOf(target);
  if (t >= 0 && !features.includes(target)) {
    const raw = table.rows.map((r) => r.fields[t]!.trim());
    const y = raw.map((v) => (labels ? labels.indexOf(v) : Number(v)));
    if (y.every((v) => Number.isFinite(v) && v >= (labels ? 0 : -Infinity)))
      score =
        model.estimatorType === "classifier"
          ? { metric: "accuracy", value: accuracy(y, predictions) }
          : { metric: "r2", value: r2(y, predictions) };
  }
  return { csv, rows: predictions.length, ...(score ? { score } : {}) };
}

function numberList(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.every((s) => typeof s === "number") ? (v as number[]) : undefined;
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : undefined;
}

function cell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
