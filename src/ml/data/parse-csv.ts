import { QforgeError } from "../../util/errors.js";

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Name of the label/target column (default "target"). */
  target?: string;
  /** Feature columns to keep, in this order (default: every column except the target, in file order). */
  features?: readonly string[];
}

/** A parsed table: features, targets and their names. */
export interface CsvData {
  /** One row per sample, one column per feature. */
  X: number[][];
  /** One target per sample; text labels are replaced by their index in `classes`. */
  y: number[];
  featureNames: string[];
  targetName: string;
  /** Present when the target column holds text labels: the label of class i, sorted. */
  classes?: string[];
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING_TOKENS = new Set(["nan", "na", "n/a", "null", "none", "?"]);

/**
 * Parses comma-separated text with a header row into features and targets. Fields may be quoted ("a,b" and
 * doubled quotes); blank lines are skipped. Every feature must be a number. The target column may hold numbers
 * or text labels; text labels are mapped to 0..k−1 in sorted order and kept in `classes`. Problems throw
 * INVALID_DATA naming the line (1-based, counting the header as line 1) and the column. Browser-safe: pass the
 * text you fetched or read.
 *
 * @example
 * ```ts
 * const { X, y, featureNames } = parseCsv("a,b,target\n1,2,0\n3,4,1\n");
 * // X = [[1, 2], [3, 4]], y = [0, 1], featureNames = ["a", "b"]
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvData {
  const records = splitCsvRecords(text);
  const header = records[0];
  if (header === undefined)
    throw new QforgeError("INVALID_DATA", "CSV is empty; expected a header row and data rows");
  const names = header.fields.map((f) => f.trim());
  names.forEach((name, j) => {
    if (name === "")
      throw new QforgeError(
        "INVALID_DATA",
        `CSV header (line ${header.line}) has an empty name for column ${j + 1}`,
      );
    if (names.indexOf(name) !== j)
      throw new QforgeError("INVALID_DATA", `CSV header (line ${header.line}) names column "${name}" twice`);
  });

  const targetName = options.target ?? "target";
  const targetCol = names.indexOf(targetName);
  if (targetCol < 0) {
    throw new QforgeError(
      "INVALID_DATA",
      `CSV has no target column "${targetName}"; its columns are: ${names.join(", ")} (choose one with { target: "name" })`,
    );
  }
  const featureNames =
    options.features !== undefined ? [...options.features] : names.filter((_, j) => j !== targetCol);
  const featureCols = featureNames.map((name) => {
    const j = names.indexOf(name);
    if (j < 0)
      throw new QforgeError(
        "INVALID_DATA",
        `CSV has no feature column "${name}"; its columns are: ${names.join(", ")}`,
      );
    if (j === targetCol)
      throw new QforgeError("INVALID_DATA", `column "${name}" is the target; it cannot also be a feature`);
    return j;
  });
  if (featureCols.length === 0)
    throw new QforgeError("INVALID_DATA", "CSV has no feature columns besides the target");

  const rows = records.slice(1);
  if (rows.length === 0) throw new QforgeError("INVALID_DATA", "CSV has a header but no data rows");

  const X: number[][] = [];
  const rawTargets: string[] = [];
  for (const { fields, line } of rows) {
    if (fields.length !== names.length) {
      throw new QforgeError(
        "INVALID_DATA",
        `CSV line ${line} has ${fields.length} fields but the header has ${names.length}`,
      );
    }
    X.push(featureCols.map((j) => toNumber(fields[j]!, line, names[j]!)));
    const t = fields[targetCol]!.trim();
    checkPresent(t, line, targetName);
    rawTargets.push(t);
  }

  if (rawTargets.every((t) => NUMBER.test(t))) {
    const y = rawTargets.map((t, i) => toNumber(t, rows[i]!.line, targetName));
    return { X, y, featureNames, targetName };
  }
  // Text labels: sorted for a stable, documented class order.
  const classes = [...new Set(rawTargets)].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  return { X, y: rawTargets.map((t) => index.get(t)!), featureNames, targetName, classes };
}

function checkPresent(value: string, line: number, column: string): void {
  if (value === "")
    throw new QforgeError(
      "INVALID_DATA",
      `CSV line ${line}, column "${column}": missing value (empty field)`,
    );
  if (MISSING_TOKENS.has(value.toLowerCase())) {
    throw new QforgeError(
      "INVALID_DATA",
      `CSV line ${line}, column "${column}": missing value ("${value}"); fill or drop missing values first`,
    );
  }
}

function toNumber(field: string, line: number, column: string): number {
  const value = field.trim();
  checkPresent(value, line, column);
  if (!NUMBER.test(value)) {
    throw new QforgeError(
      "INVALID_DATA",
      `CSV line ${line}, column "${column}": "${value}" is not a number; column "${column}" must be numeric (only the target column may hold text labels)`,
    );
  }
  const v = Number(value);
  if (!Number.isFinite(v))
    throw new QforgeError(
      "INVALID_DATA",
      `CSV line ${line}, column "${column}": "${value}" is too large for a finite number`,
    );
  return v;
}

/** One CSV record: its fields as text and the 1-based line it starts on. */
export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

/**
 * Splits CSV text into records of fields, honouring quotes (which may span lines), doubled quotes, CRLF and a
 * byte-order mark; skips blank lines. Cells stay text.
 *
 * @example
 * ```ts
 * splitCsvRecords('a,b\n"x,1",2\n'); // [{ fields: ["a", "b"], line: 1 }, { fields: ["x,1", "2"], line: 2 }]
 * ```
 */
export function splitCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === "")) records.push({ fields, line: recordLine });
    fields = [];
    field = "";
  };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // byte-order mark
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new QforgeError("INVALID_DATA", `CSV line ${recordLine}: a quoted field is never closed`);
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
