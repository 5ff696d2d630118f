import type { TopLevelSpec } from "vega-lite";
import { withConfig } from "./chart-config.js";

/**
 * A confusion matrix as a heat map with the counts written in the cells (rows: actual, columns: predicted).
 *
 * @example
 * ```ts
 * confusionMatrixSpec("qsvc", ["malignant", "benign"], [[60, 4], [2, 105]]);
 * ```
 */
export function confusionMatrixSpec(
  name: string,
  labels: readonly string[],
  matrix: readonly (readonly number[])[],
): TopLevelSpec {
  const values = matrix.flatMap((row, i) =>
    row.map((count, j) => ({ actual: labels[i], predicted: labels[j], count, correct: i === j })),
  );
  const max = Math.max(1, ...values.map((v) => v.count));
  const side = Math.min(260, 70 * labels.length);
  return withConfig({
    title: name,
    width: side,
    height: side,
    data: { values },
    encoding: {
      x: {
        field: "predicted",
        type: "nominal",
        sort: [...labels],
        title: "predicted",
        axis: { labelAngle: 0 },
      },
      y: { field: "actual", type: "nominal", sort: [...labels], title: "actual" },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            field: "count",
            type: "quantitative",
            title: "rows",
            scale: { scheme: "blues", domain: [0, max] },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 13 },
        encoding: {
          text: { field: "count", type: "quantitative" },
          color: { condition: { test: `datum.count > ${max / 2}`, value: "white" }, value: "#161616" },
        },
      },
    ],
  });
}
