/** Names of the metrics as the report and the CLI table print them. */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  accuracy: "accuracy",
  f1: "F1",
  roc_auc: "ROC AUC",
  r2: "R²",
  mse: "MSE",
  mae: "MAE",
};

/** Metrics where lower is better. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(["mse", "mae"]);

/**
 * A metric value for tables: 3 decimals, whole numbers from 1000 up, "—" when missing.
 *
 * @example
 * ```ts
 * formatMetric(0.95321); // "0.953"
 * formatMetric(3021.7);  // "3022"
 * formatMetric(null);    // "—"
 * ```
 */
export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return Math.abs(value) >= 1000 ? Math.round(value).toString() : value.toFixed(3);
}

/**
 * Seconds for tables: "0.42 s", "12.3 s", "2 min 5 s".
 *
 * @example
 * ```ts
 * formatSeconds(0.4213); // "0.42 s"
 * ```
 */
export function formatSeconds(s: number): string {
  if (s < 10) return `${s.toFixed(2)} s`;
  if (s < 120) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
