import { escapeHtml } from "./escape-html.js";
import { LOWER_IS_BETTER, METRIC_LABELS, formatMetric, formatSeconds } from "./format-metric.js";
import type { ReportModel } from "./report-data.js";

/**
 * The side-by-side table of all models: test metrics (best of each in bold), the training score of the
 * first metric, fit time, qubits, circuit depth and gate count, and the preprocessing.
 *
 * @example
 * ```ts
 * const html = comparisonTable(report.models, ["accuracy", "f1", "roc_auc"]);
 * ```
 */
export function comparisonTable(models: readonly ReportModel[], metrics: readonly string[]): string {
  const best = new Map<string, number>();
  for (const k of metrics) {
    const vs = models
      .map((m) => m.test[k])
      .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    if (vs.length) best.set(k, LOWER_IS_BETTER.has(k) ? Math.min(...vs) : Math.max(...vs));
  }
  const primary = metrics[0]!;
  const head = [
    "model",
    "family",
    ...metrics.map((k) => `test ${METRIC_LABELS[k] ?? k}`),
    `train ${METRIC_LABELS[primary] ?? primary}`,
    "fit time",
    "qubits",
    "depth",
    "gates",
    "preprocessing",
  ];
  const rows = models.map((m) => {
    const gates = m.gateCounts ? Object.values(m.gateCounts).reduce((a, b) => a + b, 0) : null;
    const gateTitle = m.gateCounts
      ? Object.entries(m.gateCounts)
          .map(([g, n]) => `${g}: ${n}`)
          .join(", ")
      : "";
    const cells = [
      `<td><strong>${escapeHtml(m.name)}</strong><span class="desc">${escapeHtml(m.description)}</span></td>`,
      `<td><span class="family ${m.family}">${m.family}</span></td>`,
      ...metrics.map((k) => {
        const v = m.test[k];
        const text = formatMetric(v);
        return `<td class="num">${typeof v === "number" && best.get(k) === v ? `<strong>${text}</strong>` : text}</td>`;
      }),
      `<td class="num">${formatMetric(m.train[primary])}</td>`,
      `<td class="num">${formatSeconds(m.fitSeconds)}</td>`,
      `<td class="num">${m.qubits ?? "—"}</td>`,
      `<td class="num">${m.depth ?? "—"}</td>`,
      `<td class="num" title="${escapeHtml(gateTitle)}">${gates ?? "—"}</td>`,
      `<td>${escapeHtml(m.preprocess)}</td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
