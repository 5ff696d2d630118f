import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/index.js";
import { buildReport } from "./build-report.js";
import { renderVegaLite } from "./render-vega-lite.js";
import { trainingCurveSpec } from "./charts/training-curve-spec.js";
import type { ReportData } from "./report-data.js";

const data: ReportData = {
  title: "demo <run>",
  description: "a & b",
  task: "classification",
  seed: 0,
  dataset: {
    source: "bundled:iris",
    description: "flowers",
    rows: 10,
    features: 2,
    trainRows: 6,
    testRows: 4,
    split: "random",
    classNames: ["a", "b"],
  },
  metrics: ["accuracy", "f1", "roc_auc"],
  models: [
    {
      name: "vqc",
      family: "quantum",
      type: "vqc",
      description: "VQC",
      preprocess: "standardize",
      train: { accuracy: 1, f1: 1, roc_auc: 1 },
      test: { accuracy: 0.75, f1: 0.8, roc_auc: null },
      fitSeconds: 0.5,
      qubits: 2,
      depth: 3,
      gateCounts: { ry: 4, cx: 1 },
      circuit: new Circuit(2).ry("x0", 0).ry("x1", 1).cx(0, 1).ry("w0", 0).ry("w1", 1),
      curve: { label: "cross-entropy", values: [0.7, 0.5, 0.4] },
      confusion: {
        labels: ["a", "b"],
        matrix: [
          [2, 0],
          [1, 1],
        ],
      },
      roc: { fpr: [0, 0, 1], tpr: [0, 0.5, 1], auc: 0.75 },
    },
    {
      name: "lr",
      family: "classical",
      type: "logistic_regression",
      description: "LR",
      preprocess: "standardize",
      train: { accuracy: 1 },
      test: { accuracy: 1, f1: 1, roc_auc: 1 },
      fitSeconds: 0.01,
      qubits: null,
      depth: null,
      gateCounts: null,
    },
  ],
  notRun: ["mlp"],
  generator: "qforge test",
};

describe("buildReport", () => {
  it("writes one self-contained HTML page: inline SVG charts, an embedded circuit, escaped text, no scripts", async () => {
    const html = await buildReport(data);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<h1>demo &lt;run&gt;</h1>");
    expect(html).toContain("a &amp; b");
    expect(html).toContain("The run was stopped early. Not run: mlp.");
    expect(html).toContain(
      "The best classical baseline, lr (test accuracy 1.000), did better than the best quantum model, vqc (0.750)",
    );
    expect(html).toContain('<img alt="circuit diagram of vqc" src="data:image/svg+xml;charset=utf-8,');
    expect(html.match(/<figure class="chart"><svg/g)?.length).toBe(4); // bars, curve, a confusion matrix, ROC
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("renderVegaLite", () => {
  it("renders a chart headless to SVG, reporting warnings instead of printing them", async () => {
    const warnings: string[] = [];
    const svg = await renderVegaLite(trainingCurveSpec([{ name: "m", values: [3, 2, 1] }], "loss"), {
      onWarning: (w) => warnings.push(w),
    });
    expect(svg).toMatch(/^<svg[^>]*width="\d+"/);
    expect(svg).toContain("optimizer iteration");
    expect(warnings).toEqual([]);
  });
});
