import { QforgeError } from "../../util/errors.js";
import { type CsvRecord, splitCsvRecords } from "../../ml/data/parse-csv.js";

/** A CSV file as text cells: the header names and the data records with their 1-based line numbers. */
export interface CsvTable {
  readonly source: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly fields: readonly string[]; readonly line: number }[];
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING = new Set(["", "nan", "na", "n/a", "null", "none", "?"]);

/**
 * Splits CSV text into header and records with the same rules as the library's `parseCsv` (quoted fields,
 * doubled quotes, CRLF, a byte-order mark, blank lines skipped), keeping every cell as text. For columns that
 * `parseCsv` cannot express: prediction files without a target, split columns, "every column is a feature".
 *
 * @example
 * ```ts
 * const t = readCsvTable("a,b\n1,2\n", "x.csv");
 * t.header; // ["a", "b"]
 * numericColumns(t, ["b"]); // [[2]]
 * ```
 */
export function readCsvTable(text: string, source: string): CsvTable {
  let records: CsvRecord[];
  try {
    records = splitCsvRecords(text);
  } catch (e) {
    if (e instanceof QforgeError) throw new QforgeError(e.code, `${source}: ${e.message}`);
    throw e;
  }
  const head = records.shift();
  if (head === undefined)
    throw new QforgeError("INVALID_DATA", `${source}: CSV is empty; expected a header row and data rows`);
  const header = head.fields.map((f) => f.trim());
  for (const r of records)
    if (r.fields.length !== header.length)
      throw new QforgeError(
        "INVALID_DATA",
        `${source}: CSV line ${r.line} has ${r.fields.length} fields but the header has ${header.length}`,
      );
  if (records.length === 0)
    throw new QforgeError("INVALID_DATA", `${source}: CSV has a header but no data rows`);
  return { source, header, rows: records };
}

/** The index of a named column, or INVALID_DATA listing the columns there are. */
export function columnIndex(table: CsvTable, name: string, role = "column"): number {
  const j = table.header.indexOf(name);
  if (j < 0)
    throw new QforgeError(
      "INVALID_DATA",
      `${table.source} has no ${role} "${name}"; its columns are: ${table.header.join(", ")}`,
    );
  return j;
}

/** The named columns as numbers, one row per record; a blank or non-numeric cell names its line and column. */
export function numericColumns(table: CsvTable, names: readonly string[]): number[][] {
  const cols = names.map((n) => columnIndex(table, n));
  return table.rows.map(({ fields, line }) =>
    cols.map((j) => {
      const v = fields[j]!.trim();
      if (MISSING.has(v.toLowerCase()))
        throw new QforgeError(
          "INVALID_DATA",
          `${table.source}: CSV line ${line}, column "${table.header[j]}": missing value${v ? ` ("${v}")` : ""}`,
        );
      if (!NUMBER.test(v))
        throw new QforgeError(
          "INVALID_DATA",
          `${table.source}: CSV line ${line}, column "${table.header[j]}": "${v}" is not a number`,
        );
      return Number(v);
    }),
  );
}
