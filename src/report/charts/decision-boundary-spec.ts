import type { TopLevelSpec } from "vega-lite";
import type { ReportBoundary } from "../report-data.js";
import { CLASS_COLORS, withConfig } from "./chart-config.js";

/**
 * A model's decision regions (classification: predicted class per grid cell) or prediction surface
 * (regression) in a plane, with the test rows drawn on top coloured by their true class or value.
 *
 * @example
 * ```ts
 * decisionBoundarySpec("qsvc", boundary, ["benign", "malignant", …], ["malignant", "benign"]);
 * ```
 */
export function decisionBoundarySpec(
  name: string,
  plane: ReportBoundary,
  outputs: readonly (string | number)[],
  classNames?: readonly string[],
): TopLevelSpec {
  const categorical = classNames !== undefined;
  const cells = plane.cells.map((c, i) => ({ ...c, value: outputs[i] }));
  const field = categorical ? "class" : "value";
  // Regression: one colour scale for every model, spanning the test targets (predictions beyond it clamp).
  const targets = plane.points.map((p) => Number(p.value));
  const color = categorical
    ? { field, type: "nominal", title: "class", scale: { domain: [...classNames], range: CLASS_COLORS } }
    : {
        field,
        type: "quantitative",
        title: "target",
        scale: { scheme: "viridis", domain: [Math.min(...targets), Math.max(...targets)], clamp: true },
      };
  return withConfig({
    title: name,
    width: 260,
    height: 260,
    layer: [
      {
        data: { values: cells.map((c) => ({ ...c, [field]: c.value })) },
        mark: { type: "rect", opacity: 0.55 },
        encoding: {
          x: { field: "x", type: "quantitative", title: plane.xTitle, scale: { nice: false, zero: false } },
          x2: { field: "x2" },
          y: { field: "y", type: "quantitative", title: plane.yTitle, scale: { nice: false, zero: false } },
          y2: { field: "y2" },
          color,
        },
      },
      {
        data: { values: plane.points.map((p) => ({ x: p.x, y: p.y, [field]: p.value })) },
        mark: { type: "point", filled: true, size: 22, stroke: "#161616", strokeWidth: 0.6, opacity: 0.9 },
        encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, color },
      },
    ],
  });
}
