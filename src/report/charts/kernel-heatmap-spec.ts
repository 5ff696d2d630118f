import type { TopLevelSpec } from "vega-lite";
import { withConfig } from "./chart-config.js";

/**
 * A kernel (Gram) matrix as a heat map, values 0 to 1; `subtitle` says which samples and in what order.
 *
 * @example
 * ```ts
 * kernelHeatmapSpec("qsvc", [[1, 0.2], [0.2, 1]], "2 training samples, ordered by class (malignant, then benign)");
 * ```
 */
export function kernelHeatmapSpec(
  name: string,
  matrix: readonly (readonly number[])[],
  subtitle: string,
): TopLevelSpec {
  const values = matrix.flatMap((row, i) => row.map((k, j) => ({ i, j, k })));
  return withConfig({
    title: { text: `${name}: kernel matrix`, subtitle },
    width: 300,
    height: 300,
    data: { values },
    mark: "rect",
    encoding: {
      x: { field: "j", type: "ordinal", axis: null },
      y: { field: "i", type: "ordinal", axis: null },
      color: {
        field: "k",
        type: "quantitative",
        title: "k(x, x′)",
        scale: { scheme: "viridis", domain: [0, 1] },
      },
    },
  });
}
