import { METRIC_LABELS, formatMetric, formatSeconds } from "../../report/index.js";
import type { ExperimentMetrics } from "./experiment-metrics.js";

/**
 * The short plain-text summary printed after a run: one row per model with its test metrics and fit time,
 * then the sentence saying which family did better.
 *
 * @example
 * ```ts
 * console.log(summaryTable(result.metrics));
 * ```
 */
export function summaryTable(m: ExperimentMetrics): string {
  const keys = Object.keys(m.models[0]?.test ?? {});
  const head = ["model", "family", ...keys.map((k) => `test ${METRIC_LABELS[k] ?? k}`), "fit time"];
  const rows = m.models.map((r) => [
    r.name,
    r.family,
    ...keys.map((k) => formatMetric(r.test[k])),
    formatSeconds(r.fit_seconds),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, j) => (j < 2 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join("  ")
      .trimEnd();
  return [
    `${m.name}: ${m.task}, ${m.data.train_rows} training / ${m.data.test_rows} test rows of ${m.data.source}`,
    "",
    fmt(head),
    ...rows.map(fmt),
    "",
    m.comparison.sentence,
  ].join("\n");
}
