import type { TopLevelSpec } from "vega-lite";
import { FAMILY_COLORS, withConfig } from "./chart-config.js";

/**
 * Predicted against actual target values on the test set, with the line of perfect prediction.
 *
 * @example
 * ```ts
 * predictionScatterSpec("vqr", "quantum", [151, 75], [140, 90]);
 * ```
 */
export function predictionScatterSpec(
  name: string,
  family: "quantum" | "classical",
  actual: readonly number[],
  predicted: readonly number[],
): TopLevelSpec {
  const lo = Math.min(...actual, ...predicted);
  const hi = Math.max(...actual, ...predicted);
  return withConfig({
    title: name,
    width: 260,
    height: 260,
    layer: [
      {
        data: { values: [{ a: lo }, { a: hi }] },
        mark: { type: "line", strokeDash: [4, 4], color: "#8d8d8d" },
        encoding: { x: { field: "a", type: "quantitative" }, y: { field: "a", type: "quantitative" } },
      },
      {
        data: { values: actual.map((a, i) => ({ actual: a, predicted: predicted[i] })) },
        mark: { type: "point", filled: true, size: 24, opacity: 0.7, color: FAMILY_COLORS[family] },
        encoding: {
          x: { field: "actual", type: "quantitative", title: "actual", scale: { domain: [lo, hi] } },
          y: { field: "predicted", type: "quantitative", title: "predicted", scale: { domain: [lo, hi] } },
        },
      },
    ],
  });
}
