import { QforgeError } from "../../util/errors.js";
import {
  DATASET_INFO,
  DATASET_NAMES,
  type DatasetName,
  parseCsv,
  trainTestSplitIndices,
} from "../../ml/index.js";
import { loadDataset } from "../datasets-node.js";
import { readTextFile } from "../files.js";
import { columnIndex, readCsvTable } from "./read-csv-table.js";
import type { ExperimentConfig, Task } from "./resolve-experiment-config.js";

/** The rows of an experiment, split into training and test parts. */
export interface ExperimentData {
  /** Where the data came from, as written in the config. */
  readonly source: string;
  readonly description: string;
  readonly X: number[][];
  readonly y: number[];
  /** 0-based index of each row among the data rows of the file (before any class filter). */
  readonly rowIds: number[];
  readonly featureNames: string[];
  readonly targetName: string;
  /** Classification: the class values, ascending. */
  readonly classes: number[];
  /** Classification: a display name per class value (text labels of the CSV, or the dataset's class names). */
  readonly labelNames: ReadonlyMap<number, string>;
  /** The CSV's text labels when its target holds text (y is then the index into this list). */
  readonly textLabels: string[] | undefined;
  /** Row indices (into X) of the training and test parts. */
  readonly train: number[];
  readonly test: number[];
  /** The split in words. */
  readonly splitText: string;
}

const BUNDLED = "bundled:";
const MAX_CLASSES = 50;

/**
 * Loads the data an experiment names (a CSV file or a bundled dataset), keeps the chosen classes and
 * features, and splits it. Problems throw QforgeError naming the config field.
 *
 * @example
 * ```ts
 * const data = loadExperimentData(config, "classification");
 * data.train.length; // 398 for bundled:breast_cancer with test_size 0.3
 * ```
 */
export function loadExperimentData(config: ExperimentConfig, task: Task): ExperimentData {
  const d = config.data;
  const splitColumn = "column" in d.split ? d.split.column : undefined;
  let X: number[][], y: number[], featureNames: string[], description: string;
  let splitValues: string[] | undefined;
  let textLabels: string[] | undefined;
  const labelNames = new Map<number, string>();

  if (d.csv.startsWith(BUNDLED)) {
    const name = d.csv.slice(BUNDLED.length);
    if (!(DATASET_NAMES as readonly string[]).includes(name))
      throw fieldError(
        "data.csv",
        `unknown bundled dataset "${name}"; the bundled datasets are: ${DATASET_NAMES.map((n) => BUNDLED + n).join(", ")}`,
      );
    if (splitColumn !== undefined)
      throw fieldError("data.split.column", `bundled datasets have no split column; use { test_size: 0.3 }`);
    const ds = loadDataset(name as DatasetName);
    if (d.target !== "target")
      throw fieldError("data.target", `bundled datasets name their target "target", got "${d.target}"`);
    const keep =
      d.features === "all"
        ? ds.featureNames.map((_, j) => j)
        : d.features.map((f) => featureColumn(ds.featureNames, f, d.csv));
    X = ds.X.map((r) => keep.map((j) => r[j]!));
    y = ds.y;
    featureNames = keep.map((j) => ds.featureNames[j]!);
    description = DATASET_INFO[name as DatasetName].description;
    ds.targetNames?.forEach((label, k) => labelNames.set(k, label));
  } else {
    const text = readTextFile(d.csv);
    const table = readCsvTable(text, d.csv);
    columnIndex(table, d.target, "target column");
    if (splitColumn !== undefined) {
      const j = columnIndex(table, splitColumn, "split column");
      splitValues = table.rows.map((r) => r.fields[j]!.trim());
    }
    const features =
      d.features === "all" ? table.header.filter((h) => h !== d.target && h !== splitColumn) : d.features;
    for (const f of features) {
      if (f === d.target)
        throw fieldError("data.features", `"${f}" is the target column; it cannot also be a feature`);
      if (f === splitColumn)
        throw fieldError("data.features", `"${f}" is the split column; it cannot also be a feature`);
    }
    let parsed;
    try {
      parsed = parseCsv(text, { target: d.target, features });
    } catch (e) {
      if (e instanceof QforgeError) throw new QforgeError(e.code, `${d.csv}: ${e.message}`);
      throw e;
    }
    ({ X, y, featureNames } = parsed);
    description = `${d.csv}: ${X.length} rows, ${featureNames.length} feature columns, target "${d.target}"`;
    if (parsed.classes !== undefined) {
      if (task === "regression")
        throw fieldError(
          "data.target",
          `the target column "${d.target}" holds text labels (${parsed.classes.slice(0, 5).join(", ")}…); regression needs numbers`,
        );
      parsed.classes.forEach((label, k) => labelNames.set(k, label));
      textLabels = parsed.classes;
    }
  }

  let rowIds = X.map((_, i) => i);
  let classes: number[] = [];
  if (task === "classification") {
    classes = [...new Set(y)].sort((a, b) => a - b);
    if (classes.some((c) => !Number.isInteger(c)) || classes.length > MAX_CLASSES)
      throw fieldError(
        "data.target",
        `the target column "${d.target}" holds ${classes.length} different values${classes.some((c) => !Number.isInteger(c)) ? ", not all whole numbers" : ""}; classifiers need class labels (use qsvr or vqr for a numeric target)`,
      );
    for (const c of classes) if (!labelNames.has(c)) labelNames.set(c, String(c));
    if (d.classes !== "all") {
      const wanted = d.classes.map((w) => {
        const hit = classes.find((c) => c === w || labelNames.get(c) === String(w));
        if (hit === undefined)
          throw fieldError(
            "data.classes",
            `no rows have class ${JSON.stringify(w)}; the target holds: ${classes.map((c) => labelNames.get(c)).join(", ")}`,
          );
        return hit;
      });
      const keep = new Set(wanted);
      rowIds = rowIds.filter((i) => keep.has(y[i]!));
      X = rowIds.map((i) => X[i]!);
      y = rowIds.map((i) => y[i]!);
      if (splitValues) splitValues = rowIds.map((i) => splitValues![i]!);
      classes = [...keep].sort((a, b) => a - b);
    }
    if (classes.length < 2)
      throw fieldError(
        "data.target",
        `the target column "${d.target}" holds only one class; a classifier needs at least two`,
      );
  }

  const { train, test, splitText } = splitRows(config, y, task, splitValues);
  return {
    source: d.csv,
    description,
    X,
    y,
    rowIds,
    featureNames,
    targetName: d.target,
    classes,
    labelNames,
    textLabels,
    train,
    test,
    splitText,
  };
}

function splitRows(config: ExperimentConfig, y: number[], task: Task, splitValues: string[] | undefined) {
  const s = config.data.split;
  let train: number[], test: number[], splitText: string;
  if ("column" in s) {
    train = [];
    test = [];
    splitValues!.forEach((v, i) => {
      if (v === String(s.train)) train.push(i);
      else if (v === String(s.test)) test.push(i);
      else
        throw fieldError(
          "data.split.column",
          `row ${i + 1} has "${v}" in the split column "${s.column}"; expected "${s.train}" or "${s.test}"`,
        );
    });
    if (train.length < 2 || test.length < 1)
      throw fieldError(
        "data.split.column",
        `the split column "${s.column}" marks ${train.length} training and ${test.length} test rows; both parts need rows`,
      );
    splitText = `given by the column "${s.column}"`;
  } else {
    if (s.test_size >= 1 && s.test_size >= y.length)
      throw fieldError(
        "data.split.test_size",
        `${s.test_size} test rows leave none to train on (the data has ${y.length} rows)`,
      );
    try {
      ({ train, test } = trainTestSplitIndices(y.length, {
        testSize: s.test_size,
        seed: config.seed,
        ...(s.stratify ? { stratify: y } : {}),
      }));
    } catch (e) {
      if (e instanceof QforgeError) throw fieldError("data.split", e.message);
      throw e;
    }
    splitText = `${s.stratify ? "stratified " : ""}random split, test share ${s.test_size} (seed ${config.seed})`;
  }
  const max = config.budget.max_train_samples;
  if (max !== null && train.length > max) {
    const part = trainTestSplitIndices(train.length, {
      testSize: train.length - max,
      seed: config.seed,
      ...(task === "classification" ? { stratify: train.map((i) => y[i]!) } : {}),
    });
    train = part.train.map((k) => train[k]!).sort((a, b) => a - b);
    splitText += `; training rows subsampled to ${max} (budget.max_train_samples)`;
  }
  return { train, test, splitText };
}

function featureColumn(names: readonly string[], f: string, source: string): number {
  const j = names.indexOf(f);
  if (j < 0)
    throw fieldError(
      "data.features",
      `${source} has no feature "${f}"; its features are: ${names.join(", ")}`,
    );
  return j;
}

function fieldError(path: string, message: string): QforgeError {
  return new QforgeError("INVALID_DATA", `${path}: ${message}`);
}
