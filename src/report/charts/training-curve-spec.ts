import type { TopLevelSpec } from "vega-lite";
import { CATEGORY_COLORS, withConfig } from "./chart-config.js";

/**
 * Training curves: one line per model, the value after each optimizer iteration.
 *
 * @example
 * ```ts
 * trainingCurveSpec([{ name: "vqc", values: [0.69, 0.52, 0.31] }], "cross-entropy");
 * ```
 */
export function trainingCurveSpec(
  curves: readonly { name: string; values: readonly number[] }[],
  yTitle: string,
  title = "Training curve",
): TopLevelSpec {
  const values = curves.flatMap((c) =>
    c.values.map((v, i) => ({ model: c.name, iteration: i + 1, value: v })),
  );
  return withConfig({
    title,
    width: 420,
    height: 240,
    data: { values },
    mark: { type: "line", point: values.length <= 60, strokeWidth: 2 },
    encoding: {
      x: { field: "iteration", type: "quantitative", title: "optimizer iteration", axis: { tickMinStep: 1 } },
      y: { field: "value", type: "quantitative", title: yTitle, scale: { zero: false } },
      color: { field: "model", type: "nominal", title: "model", scale: { range: CATEGORY_COLORS } },
    },
  });
}
