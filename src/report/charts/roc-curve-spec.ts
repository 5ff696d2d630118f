import type { TopLevelSpec } from "vega-lite";
import { CATEGORY_COLORS, withConfig } from "./chart-config.js";

/**
 * ROC curves of several models on one chart, with the chance diagonal; the legend gives each AUC.
 *
 * @example
 * ```ts
 * rocCurveSpec([{ name: "qsvc", fpr: [0, 0.1, 1], tpr: [0, 0.9, 1], auc: 0.94 }]);
 * ```
 */
export function rocCurveSpec(
  curves: readonly { name: string; fpr: readonly number[]; tpr: readonly number[]; auc: number }[],
): TopLevelSpec {
  const values = curves.flatMap((c) =>
    c.fpr.map((f, i) => ({ model: `${c.name} (AUC ${c.auc.toFixed(3)})`, fpr: f, tpr: c.tpr[i], order: i })),
  );
  return withConfig({
    title: "ROC curves (test set)",
    width: 320,
    height: 320,
    layer: [
      {
        data: { values: [{ a: 0 }, { a: 1 }] },
        mark: { type: "line", strokeDash: [4, 4], color: "#8d8d8d" },
        encoding: { x: { field: "a", type: "quantitative" }, y: { field: "a", type: "quantitative" } },
      },
      {
        data: { values },
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "fpr", type: "quantitative", title: "false-positive rate", scale: { domain: [0, 1] } },
          y: { field: "tpr", type: "quantitative", title: "true-positive rate", scale: { domain: [0, 1] } },
          order: { field: "order", type: "quantitative" },
          color: { field: "model", type: "nominal", title: "model", scale: { range: CATEGORY_COLORS } },
        },
      },
    ],
  });
}
