import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadModel } from "../model-files.js";
import type { ExperimentMetrics } from "./experiment-metrics.js";
import { loadExperimentConfig } from "./load-experiment-config.js";
import { predictCsv } from "./predict-csv.js";
import { readCsvTable } from "./read-csv-table.js";
import { runExperiment } from "./run-experiment.js";

// Every bundled example config, run on a reduced budget (at most 20 optimizer iterations, as `--quick`),
// with thresholds on its test metrics.
const root = mkdtempSync(join(tmpdir(), "qforge-configs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function quickRun(name: string, out = name) {
  const config = loadExperimentConfig(`examples/configs/${name}.yaml`);
  const output = join(root, out);
  const result = await runExperiment({ ...config, output, budget: { ...config.budget, max_iterations: 20 } });
  const metrics = JSON.parse(readFileSync(join(output, "metrics.json"), "utf8")) as ExperimentMetrics;
  const test = (model: string) => metrics.models.find((m) => m.name === model)!.test;
  return { result, metrics, output, test };
}

describe("bundled example configs on a reduced budget", () => {
  let breastCancer: ReturnType<typeof quickRun> | undefined;

  it("breast cancer: QSVC and VQC near the recommended settings' accuracy; all outputs written", async () => {
    const { result, metrics, output, test } = await (breastCancer ??= quickRun("breast-cancer"));
    expect(test("qsvc").accuracy).toBeGreaterThanOrEqual(0.93);
    expect(test("vqc").accuracy).toBeGreaterThanOrEqual(0.9);
    expect(test("svc_rbf").accuracy).toBeGreaterThanOrEqual(0.95);
    for (const m of metrics.models) {
      expect(m.test.f1).toBeGreaterThan(0.9);
      expect(m.test.roc_auc).toBeGreaterThan(0.95);
      expect(m.train.accuracy).toBeGreaterThan(0.9);
      expect(m.fit_seconds).toBeGreaterThanOrEqual(0);
    }
    const qsvc = metrics.models[0]!;
    expect(qsvc).toMatchObject({
      family: "quantum",
      qubits: 10,
      circuit_depth: 37,
      gate_counts: { h: 20, p: 38, cx: 36 },
      shots: null,
    });
    expect(metrics.models[1]).toMatchObject({
      name: "vqc",
      qubits: 4,
      trainable_weights: 16,
      iterations: 20,
    });
    expect(metrics.models[2]).toMatchObject({ family: "classical", qubits: null, circuit_depth: null });
    expect(metrics.comparison.winner).toBe("classical");
    expect(metrics.interrupted).toBe(false);
    expect(readdirSync(output).sort()).toEqual([
      "config.resolved.yaml",
      "metrics.json",
      "model-logistic_regression.json",
      "model-mlp.json",
      "model-qsvc.json",
      "model-svc_rbf.json",
      "model-vqc.json",
      "report.html",
      "test-predictions.csv",
    ]);
    expect(result.reportPath).toBe(join(output, "report.html"));
    const html = readFileSync(join(output, "report.html"), "utf8");
    for (const id of ["result", "circuits", "training", "confusion", "roc", "kernels", "boundary"])
      expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain(metrics.comparison.sentence.replace(/'/g, "&#39;"));
    expect(html).not.toMatch(/<script|src="https?:|href="https?:/);
  });

  it("breast cancer: the saved models predict exactly the run's test predictions", async () => {
    const { output } = await (breastCancer ??= quickRun("breast-cancer"));
    const table = readCsvTable(
      readFileSync(join(output, "test-predictions.csv"), "utf8"),
      "test-predictions.csv",
    );
    const source = readCsvTable(readFileSync("datasets/breast_cancer.csv", "utf8"), "breast_cancer.csv");
    const rows = table.rows.map((r) => source.rows[Number(r.fields[0]) - 1]!.fields);
    const dataFile = join(output, "..", "bc-test-rows.csv");
    writeFileSync(dataFile, [source.header.join(","), ...rows.map((r) => r.join(","))].join("\n"));
    for (const model of ["qsvc", "vqc", "svc_rbf", "mlp"]) {
      const column = table.header.indexOf(model);
      const { csv, score } = predictCsv(join(output, `model-${model}.json`), dataFile);
      const predicted = csv
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",")[0]);
      expect(predicted).toEqual(table.rows.map((r) => r.fields[column]));
      expect(score?.metric).toBe("accuracy");
    }
    // The library loads the same files (the whole pipeline, preprocessing included).
    expect(loadModel(join(output, "model-vqc.json")).kind).toBe("Pipeline");
  });

  it("iris: multi-class VQC and QSVC; identical metrics on a repeat run with the same seed", async () => {
    const a = await quickRun("iris");
    const b = await quickRun("iris", "iris-again");
    expect(a.test("vqc").accuracy).toBeGreaterThanOrEqual(0.85);
    expect(a.test("qsvc").accuracy).toBeGreaterThanOrEqual(0.9);
    expect(a.test("vqc").roc_auc).toBeGreaterThanOrEqual(0.95);
    const withoutTimes = (m: ExperimentMetrics) =>
      JSON.parse(JSON.stringify(m, (k, v) => (k.endsWith("_seconds") ? undefined : v)));
    expect(withoutTimes(b.metrics)).toEqual(withoutTimes(a.metrics));
    expect(readFileSync(join(b.output, "test-predictions.csv"), "utf8")).toBe(
      readFileSync(join(a.output, "test-predictions.csv"), "utf8"),
    );
  });

  it("diabetes: VQR and projected-kernel QSVR reach R² ≥ 0.35", async () => {
    const { test, metrics } = await quickRun("diabetes");
    expect(test("vqr").r2).toBeGreaterThanOrEqual(0.35);
    expect(test("qsvr").r2).toBeGreaterThanOrEqual(0.35);
    expect(test("ridge").r2).toBeGreaterThanOrEqual(0.4);
    expect(metrics.task).toBe("regression");
    expect(Object.keys(metrics.models[0]!.test)).toEqual(["r2", "mse", "mae"]);
  });

  it("digits 0 vs 1: QCNN, data re-uploading and alignment-trained kernel ≥ 0.95", async () => {
    const { test, metrics } = await quickRun("digits");
    expect(test("qcnn").accuracy).toBeGreaterThanOrEqual(0.95);
    expect(test("data_reuploading").accuracy).toBeGreaterThanOrEqual(0.95);
    expect(test("qsvc_aligned").accuracy).toBeGreaterThanOrEqual(0.95);
    expect(metrics.data.classes).toEqual(["0", "1"]);
    expect(metrics.models.find((m) => m.name === "qsvc_aligned")!.iterations).toBeGreaterThan(0);
  });
});
