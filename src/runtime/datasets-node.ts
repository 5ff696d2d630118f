import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { QforgeError } from "../util/errors.js";
import { parseCsv, type CsvData, type ParseCsvOptions } from "../ml/data/parse-csv.js";
import { DATASET_INFO, DATASET_NAMES, type DatasetInfo, type DatasetName } from "../ml/data/dataset-info.js";

/** A bundled dataset: the parsed CSV plus its name and facts. */
export interface Dataset extends CsvData, DatasetInfo {
  name: DatasetName;
}

// Two levels below the package root both as src/runtime (tsx, vitest) and dist/runtime (built).
const DATASETS_DIR = new URL("../../datasets/", import.meta.url);

/**
 * Reads and parses a CSV file (Node only). A missing or unreadable file throws IO_ERROR naming the path; bad
 * contents throw INVALID_DATA as {@link parseCsv} does.
 *
 * @example
 * ```ts
 * const { X, y, featureNames } = loadCsv("data/patients.csv", { target: "outcome" });
 * ```
 */
export function loadCsv(path: string | URL, options: ParseCsvOptions = {}): CsvData {
  const shown = typeof path === "string" ? path : fileURLToPath(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "file not found" : code === "EISDIR" ? "it is a directory" : (e as Error).message;
    throw new QforgeError("IO_ERROR", `cannot read CSV file ${shown}: ${why}`, { cause: e });
  }
  try {
    return parseCsv(text, options);
  } catch (e) {
    if (e instanceof QforgeError) throw new QforgeError(e.code, `${shown}: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * Loads one of the datasets bundled with qforge (Node only).
 *
 * @example
 * ```ts
 * const { X, y, targetNames } = loadDataset("breast_cancer"); // 569 × 30, labels 0/1
 * ```
 */
export function loadDataset(name: DatasetName): Dataset {
  if (!(DATASET_NAMES as readonly string[]).includes(name)) {
    throw new QforgeError(
      "INVALID_ARGUMENT",
      `unknown dataset "${String(name)}"; the bundled datasets are: ${DATASET_NAMES.join(", ")}`,
    );
  }
  const data = loadCsv(new URL(`${name}.csv`, DATASETS_DIR));
  const info = DATASET_INFO[name];
  return {
    name,
    ...data,
    ...info,
    ...(info.targetNames === undefined ? {} : { targetNames: [...info.targetNames] }),
  };
}
