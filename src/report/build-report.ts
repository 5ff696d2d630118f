import type { TopLevelSpec } from "vega-lite";
import { drawSvg } from "../draw/index.js";
import { confusionMatrixSpec } from "./charts/confusion-matrix-spec.js";
import { decisionBoundarySpec } from "./charts/decision-boundary-spec.js";
import { kernelHeatmapSpec } from "./charts/kernel-heatmap-spec.js";
import { metricBarsSpec } from "./charts/metric-bars-spec.js";
import { predictionScatterSpec } from "./charts/prediction-scatter-spec.js";
import { rocCurveSpec } from "./charts/roc-curve-spec.js";
import { trainingCurveSpec } from "./charts/training-curve-spec.js";
import { compareFamilies } from "./compare-families.js";
import { comparisonTable } from "./comparison-table.js";
import { escapeHtml } from "./escape-html.js";
import { METRIC_LABELS } from "./format-metric.js";
import type { ReportData, ReportModel } from "./report-data.js";
import { REPORT_CSS } from "./report-style.js";
import { renderVegaLite } from "./render-vega-lite.js";

/**
 * Builds the experiment report: one self-contained HTML file (inline CSS, inline SVG charts rendered from
 * Vega-Lite, circuit diagrams as embedded SVG images; no scripts, no network) with the comparison table and
 * a sentence saying which family did better, the circuits, training curves, confusion matrices, ROC curves,
 * kernel matrices, decision regions and, for regression, predicted-against-actual plots. Browser-safe.
 *
 * @example
 * ```ts
 * const html = await buildReport(reportData);
 * ```
 */
export async function buildReport(data: ReportData): Promise<string> {
  const sections: { id: string; title: string; html: string }[] = [];
  const primary = data.metrics[0]!;
  const comparison = compareFamilies(data.models, primary, data.dataset.testRows);

  // Result: verdict, table, bars.
  const scored = data.models.filter((m) => typeof m.test[primary] === "number");
  const bars = scored.length
    ? await chart(
        metricBarsSpec(
          scored.map((m) => ({ name: m.name, family: m.family, value: m.test[primary] as number })),
          `test ${METRIC_LABELS[primary] ?? primary}`,
        ),
      )
    : "";
  sections.push({
    id: "result",
    title: "Result",
    html:
      (data.notRun?.length
        ? `<p class="warning">The run was stopped early. Not run: ${escapeHtml(data.notRun.join(", "))}. Everything below is about the models that finished.</p>`
        : "") +
      `<p class="verdict">${escapeHtml(comparison.sentence)}</p>` +
      comparisonTable(data.models, data.metrics) +
      `<p class="note">Best test value of each metric in bold. Fit time includes preprocessing and, for kernel models, the kernel matrix.</p>` +
      bars,
  });

  sections.push({ id: "data", title: "Data", html: dataSection(data) });

  const quantum = data.models.filter((m) => m.circuit !== undefined);
  if (quantum.length)
    sections.push({ id: "circuits", title: "Circuits", html: quantum.map(circuitFigure).join("") });

  const curves = data.models.filter((m) => m.curve && m.curve.values.length > 0);
  if (curves.length) {
    const byLabel = new Map<string, ReportModel[]>();
    for (const m of curves) byLabel.set(m.curve!.label, [...(byLabel.get(m.curve!.label) ?? []), m]);
    const charts = await Promise.all(
      [...byLabel].map(([label, ms]) =>
        chart(
          trainingCurveSpec(
            ms.map((m) => ({ name: m.name, values: m.curve!.values })),
            label,
            label === "kernel-target alignment" ? "Kernel alignment" : "Training loss",
          ),
        ),
      ),
    );
    sections.push({
      id: "training",
      title: "Training curves",
      html: `<p class="note">Value after each optimizer iteration on the training rows.</p><div class="grid">${charts.join("")}</div>`,
    });
  }

  const confusions = data.models.filter((m) => m.confusion);
  if (confusions.length) {
    const charts = await Promise.all(
      confusions.map((m) => chart(confusionMatrixSpec(m.name, m.confusion!.labels, m.confusion!.matrix))),
    );
    sections.push({
      id: "confusion",
      title: "Confusion matrices (test set)",
      html: `<div class="grid">${charts.join("")}</div>`,
    });
  }

  const rocs = data.models.filter((m) => m.roc);
  if (rocs.length)
    sections.push({
      id: "roc",
      title: "ROC curves",
      html: await chart(rocCurveSpec(rocs.map((m) => ({ name: m.name, ...m.roc! })))),
    });

  const kernels = data.models.filter((m) => m.kernel);
  if (kernels.length) {
    const charts = await Promise.all(
      kernels.map((m) => chart(kernelHeatmapSpec(m.name, m.kernel!.matrix, m.kernel!.caption))),
    );
    sections.push({
      id: "kernels",
      title: "Kernel matrices",
      html: `<p class="note">A sample of the training kernel matrix of each kernel model. ${
        data.task === "classification"
          ? "A kernel that separates the classes shows brighter blocks on the diagonal (pairs of the same class) than off it."
          : "Rows are ordered by target value: a kernel that follows the target is brighter near the diagonal."
      }</p><div class="grid">${charts.join("")}</div>`,
    });
  }

  const b = data.boundary;
  const withBoundary = b ? data.models.filter((m) => m.boundary) : [];
  if (b && withBoundary.length) {
    const classNames = data.task === "classification" ? data.dataset.classNames : undefined;
    const charts = await Promise.all(
      withBoundary.map((m) => chart(decisionBoundarySpec(m.name, b, m.boundary!, classNames))),
    );
    sections.push({
      id: "boundary",
      title: data.task === "classification" ? "Decision regions" : "Prediction surfaces",
      html: `<p class="note">${escapeHtml(b.description)}</p><div class="grid">${charts.join("")}</div>`,
    });
  }

  const predictions = data.models.filter((m) => m.predictions);
  if (predictions.length) {
    const charts = await Promise.all(
      predictions.map((m) =>
        chart(predictionScatterSpec(m.name, m.family, m.predictions!.actual, m.predictions!.predicted)),
      ),
    );
    sections.push({
      id: "predictions",
      title: "Predicted against actual (test set)",
      html: `<p class="note">Points on the dashed line are predicted exactly.</p><div class="grid">${charts.join("")}</div>`,
    });
  }

  const notes = (data.notes ?? []).map((n) => `<p>${escapeHtml(n)}</p>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)} — qforge experiment report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(data.title)}</h1>
${data.description ? `<p class="sub">${escapeHtml(data.description)}</p>` : ""}
<p class="meta">${escapeHtml(`${data.task} · ${data.dataset.source} · ${data.dataset.trainRows} training / ${data.dataset.testRows} test rows · seed ${data.seed} · ${data.generator}`)}</p>
<nav>${sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join("")}</nav>
</header>
${sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join("\n")}
<footer>${notes}<p>Generated by ${escapeHtml(data.generator)}. Charts are Vega-Lite specifications rendered to SVG; this file needs no network and runs no scripts.</p></footer>
</main>
</body>
</html>
`;
}

async function chart(spec: TopLevelSpec): Promise<string> {
  return `<figure class="chart">${await renderVegaLite(spec)}</figure>`;
}

function dataSection(data: ReportData): string {
  const d = data.dataset;
  const rows: [string, string][] = [
    ["source", d.source],
    ["about", d.description],
    ["rows", `${d.rows} (${d.trainRows} training, ${d.testRows} test)`],
    ["features", String(d.features)],
    ["split", d.split],
  ];
  if (d.classNames) rows.push(["classes", d.classNames.join(", ")]);
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>`;
}

function circuitFigure(m: ReportModel): string {
  const svg = drawSvg(m.circuit!);
  const counts = m.gateCounts
    ? Object.entries(m.gateCounts)
        .map(([g, n]) => `${g} × ${n}`)
        .join(", ")
    : "";
  const what =
    m.circuitCaption ?? "The circuit simulated for each data row; x are the inputs, w trained weights.";
  return `<h3>${escapeHtml(m.name)}</h3>
<figure class="circuit"><img alt="${escapeHtml(`circuit diagram of ${m.name}`)}" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">
<figcaption>${escapeHtml(`${m.qubits} qubits, depth ${m.depth}; gates: ${counts}. ${what}`)}</figcaption></figure>`;
}
