import { describe, expect, it } from "vitest";
import { QforgeError } from "../../util/errors.js";
import { parseCsv } from "./parse-csv.js";

function errorOf(fn: () => unknown): QforgeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QforgeError) return e;
    throw e;
  }
  throw new Error("expected a QforgeError");
}

describe("parseCsv", () => {
  it("reads features and a numeric target", () => {
    const data = parseCsv("a,b,target\n1,2.5,0\n-3,4e-1,1\n");
    expect(data.X).toEqual([
      [1, 2.5],
      [-3, 0.4],
    ]);
    expect(data.y).toEqual([0, 1]);
    expect(data.featureNames).toEqual(["a", "b"]);
    expect(data.targetName).toBe("target");
    expect("classes" in data).toBe(false);
  });

  it("maps text labels to 0..k−1 in sorted order and keeps them", () => {
    const data = parseCsv("x,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n", {
      target: "species",
    });
    expect(data.classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(data.y).toEqual([2, 0, 1, 0]);
  });

  it("handles CRLF, quotes, blank lines, a byte-order mark and a chosen feature subset", () => {
    const text = '\ufeff"c","a b",target\r\n"1","2",3\r\n\r\n4,"5",6\r\n';
    expect(parseCsv(text).X).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(parseCsv(text, { features: ["a b"] }).X).toEqual([[2], [5]]);
  });

  it("names the line and column of a missing value", () => {
    const e = errorOf(() => parseCsv("a,b,target\n1,2,0\n3,,1\n"));
    expect(e.code).toBe("INVALID_DATA");
    expect(e.message).toMatch(/line 3/);
    expect(e.message).toMatch(/column "b"/);
    expect(e.message).toMatch(/missing/);
  });

  it("names the line and column of a NaN", () => {
    const e = errorOf(() => parseCsv("a,b,target\n1,2,0\n\n3,4,1\nNaN,5,1\n"));
    expect(e.message).toMatch(/line 5, column "a"/); // the blank line still counts
    expect(e.message).toMatch(/missing value \("NaN"\)/);
  });

  it("says which column is non-numeric", () => {
    const e = errorOf(() => parseCsv("age,color,target\n30,red,1\n"));
    expect(e.code).toBe("INVALID_DATA");
    expect(e.message).toMatch(
      /line 2, column "color": "red" is not a number; column "color" must be numeric/,
    );
  });

  it("reports ragged rows", () => {
    const e = errorOf(() => parseCsv("a,b,target\n1,2,0\n3,4\n"));
    expect(e.message).toBe("CSV line 3 has 2 fields but the header has 3");
  });

  it("reports a missing target column with the columns it has", () => {
    const e = errorOf(() => parseCsv("a,b,label\n1,2,0\n"));
    expect(e.code).toBe("INVALID_DATA");
    expect(e.message).toMatch(/no target column "target"; its columns are: a, b, label/);
  });

  it("reports empty input, zero rows, unknown features and duplicate names", () => {
    expect(errorOf(() => parseCsv("")).message).toMatch(/empty/);
    expect(errorOf(() => parseCsv("a,target\n\n")).message).toMatch(/no data rows/);
    expect(errorOf(() => parseCsv("a,target\n1,0\n", { features: ["z"] })).message).toMatch(
      /no feature column "z"/,
    );
    expect(errorOf(() => parseCsv("a,a,target\n1,2,0\n")).message).toMatch(/twice/);
    expect(errorOf(() => parseCsv('a,target\n"1,0\n')).message).toMatch(/never closed/);
  });
});
