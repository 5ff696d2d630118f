import type { TopLevelSpec } from "vega-lite";
import { FAMILY_COLORS, withConfig } from "./chart-config.js";

/**
 * Horizontal bars of one test metric per model, coloured by family (quantum / classical).
 *
 * @example
 * ```ts
 * metricBarsSpec([{ name: "qsvc", family: "quantum", value: 0.95 }], "test accuracy");
 * ```
 */
export function metricBarsSpec(
  rows: readonly { name: string; family: "quantum" | "classical"; value: number }[],
  title: string,
): TopLevelSpec {
  const values = rows.map((r) => ({ ...r, label: r.value.toFixed(3) }));
  const lo = Math.min(0, ...rows.map((r) => r.value));
  return withConfig({
    title,
    width: 420,
    height: { step: 24 },
    data: { values },
    encoding: {
      y: { field: "name", type: "nominal", sort: null, title: null },
      x: {
        field: "value",
        type: "quantitative",
        title,
        scale: { domain: [lo, Math.max(1, ...rows.map((r) => r.value))] },
      },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: "family",
            type: "nominal",
            title: "family",
            scale: {
              domain: ["quantum", "classical"],
              range: [FAMILY_COLORS.quantum, FAMILY_COLORS.classical],
            },
          },
        },
      },
      { mark: { type: "text", align: "left", dx: 4, fontSize: 11 }, encoding: { text: { field: "label" } } },
    ],
  });
}
