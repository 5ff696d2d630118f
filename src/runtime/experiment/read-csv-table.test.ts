import { describe, expect, it } from "vitest";
import { numericColumns, readCsvTable } from "./read-csv-table.js";

describe("readCsvTable", () => {
  it("reads quoted fields, CRLF, a byte-order mark and skips blank lines", () => {
    const t = readCsvTable('\ufeffa,"b, c",d\r\n1,"x ""y""",3\r\n\r\n4,z,6\n', "t.csv");
    expect(t.header).toEqual(["a", "b, c", "d"]);
    expect(t.rows).toEqual([
      { fields: ["1", 'x "y"', "3"], line: 2 },
      { fields: ["4", "z", "6"], line: 4 },
    ]);
    expect(numericColumns(t, ["d", "a"])).toEqual([
      [3, 1],
      [6, 4],
    ]);
  });

  it("names the line and column of every problem", () => {
    expect(() => readCsvTable("", "e.csv")).toThrow("e.csv: CSV is empty");
    expect(() => readCsvTable("a,b\n", "h.csv")).toThrow("h.csv: CSV has a header but no data rows");
    expect(() => readCsvTable("a,b\n1\n", "f.csv")).toThrow(
      "f.csv: CSV line 2 has 1 fields but the header has 2",
    );
    const t = readCsvTable("a,b\n1,\n2,x\n", "n.csv");
    expect(() => numericColumns(t, ["b"])).toThrow('n.csv: CSV line 2, column "b": missing value');
    expect(() => numericColumns(readCsvTable("a,b\n1,x\n", "n.csv"), ["b"])).toThrow(
      'n.csv: CSV line 2, column "b": "x" is not a number',
    );
    expect(() => numericColumns(t, ["q"])).toThrow('n.csv has no column "q"; its columns are: a, b');
  });
});
