import type { TopLevelSpec } from "vega-lite";

/** Shared look of every report chart: fonts, sizes, a white background, no chart border. */
export const CHART_CONFIG = {
  // No per-mark ARIA labels: a decision-region chart would carry one per grid cell. Each chart figure has a caption.
  aria: false,
  background: "white",
  padding: 8,
  font: "Helvetica Neue, Helvetica, Arial, sans-serif",
  view: { stroke: "#d0d0d0" },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", gridColor: "#ececec" },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", labelLimit: 0 },
  title: { fontSize: 14, fontWeight: "bold", anchor: "start", offset: 8 },
} as const;

/** Colours of the two model families, used wherever a chart compares them. */
export const FAMILY_COLORS = { quantum: "#8a3ffc", classical: "#1192e8" } as const;

/** A categorical palette for model names. */
export const CATEGORY_COLORS = [
  "#6929c4",
  "#1192e8",
  "#005d5d",
  "#9f1853",
  "#fa4d56",
  "#570408",
  "#198038",
  "#002d9c",
  "#ee538b",
  "#b28600",
];

/** A categorical palette for classes (distinct from the family colours). */
export const CLASS_COLORS = [
  "#ff832b",
  "#009d9a",
  "#a56eff",
  "#fa4d56",
  "#198038",
  "#002d9c",
  "#ee538b",
  "#b28600",
  "#570408",
  "#8a3800",
];

/** Adds the shared config and the schema URL to a spec. */
export function withConfig(spec: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    ...spec,
  } as TopLevelSpec;
}
