import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import { checkLabels } from "../ml/data/check-labels.js";
import { DATASET_NAMES, type DatasetName } from "../ml/data/dataset-info.js";
import { loadCsv, loadDataset } from "./datasets-node.js";

describe("loadDataset", () => {
  const expected: Record<DatasetName, { rows: number; features: number; classes?: number[] }> = {
    breast_cancer: { rows: 569, features: 30, classes: [212, 357] },
    iris: { rows: 150, features: 4, classes: [50, 50, 50] },
    wine: { rows: 178, features: 13, classes: [59, 71, 48] },
    digits: { rows: 1797, features: 64 },
    diabetes: { rows: 442, features: 10 },
  };

  it.each(DATASET_NAMES)("loads %s with the documented shape", (name) => {
    const data = loadDataset(name);
    const want = expected[name];
    expect(data.name).toBe(name);
    expect(data.X.length).toBe(want.rows);
    expect(data.X[0]!.length).toBe(want.features);
    expect(data.featureNames.length).toBe(want.features);
    expect(data.y.length).toBe(want.rows);
    if (want.classes !== undefined) {
      expect(want.classes.map((_, k) => data.y.filter((v) => v === k).length)).toEqual(want.classes);
    }
    expect(data.task).toBe(name === "diabetes" ? "regression" : "classification");
  });

  it("keeps known values: iris row 1 and scikit-learn's corrected rows 35 and 38", () => {
    const iris = loadDataset("iris");
    expect(iris.X[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(iris.X[34]).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(iris.X[37]).toEqual([4.9, 3.6, 1.4, 0.1]);
    expect(iris.targetNames).toEqual(["setosa", "versicolor", "virginica"]);
  });

  it("lists the valid names for an unknown dataset", () => {
    expect(() => loadDataset("mnist" as DatasetName)).toThrow(
      /unknown dataset "mnist"; the bundled datasets are: breast_cancer, iris, wine, digits, diabetes/,
    );
  });
});

describe("loadCsv", () => {
  const dir = mkdtempSync(join(tmpdir(), "qforge-csv-"));

  it("reads a file and names the path when it is missing", () => {
    const file = join(dir, "ok.csv");
    writeFileSync(file, "a,target\n1,0\n2,1\n");
    expect(loadCsv(file).y).toEqual([0, 1]);
    const missing = join(dir, "nope.csv");
    try {
      loadCsv(missing);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QforgeError);
      expect((e as QforgeError).code).toBe("IO_ERROR");
      expect((e as QforgeError).message).toContain(missing);
      expect((e as QforgeError).message).toContain("file not found");
    }
  });

  it("prefixes parse errors with the path", () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "a,target\n1,0\nx,1\n");
    expect(() => loadCsv(file)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: CSV line 3, column "a"`),
    );
  });

  it("lets checkLabels reject a one-class label column", () => {
    const file = join(dir, "one-class.csv");
    writeFileSync(file, "a,target\n1,1\n2,1\n3,1\n");
    const { y } = loadCsv(file);
    expect(() => checkLabels(y)).toThrow(/only one class/);
  });
});
