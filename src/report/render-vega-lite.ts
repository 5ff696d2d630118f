import { View, parse } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { compactSvgNumbers } from "./compact-svg-numbers.js";
import { scopeSvgIds } from "./scope-svg-ids.js";

let counter = 0;

/** Options of {@link renderVegaLite}. */
export interface RenderOptions {
  /** Receives Vega-Lite and Vega warnings (default: ignored, so nothing is printed). */
  readonly onWarning?: (message: string) => void;
}

/**
 * Renders a Vega-Lite spec to an SVG string, headless (no DOM, no canvas, no network: the data must be
 * inline). Element ids are made unique so several charts can sit in one HTML page; coordinates are rounded
 * to 0.01 px.
 *
 * @example
 * ```ts
 * const svg = await renderVegaLite({ data: { values: [{ a: 1, b: 2 }] }, mark: "point",
 *   encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } } });
 * ```
 */
export async function renderVegaLite(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const warn = options.onWarning ?? (() => {});
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: (...args: unknown[]) => {
      throw new Error(`Vega: ${args.map(String).join(" ")}`);
    },
    warn: (...args: unknown[]) => {
      warn(args.map(String).join(" "));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const view = new View(parse(compile(spec, { logger: logger as never }).spec), {
    renderer: "none",
    logger: logger as never,
    logLevel: 2,
  });
  try {
    const svg = await view.toSVG();
    return compactSvgNumbers(scopeSvgIds(svg, `chart${++counter}`));
  } finally {
    view.finalize();
  }
}
