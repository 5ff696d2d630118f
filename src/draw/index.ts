export { drawText, type TextDrawOptions } from "./draw-text.js";
export { drawSvg, type SvgDrawOptions } from "./draw-svg.js";
export type { LayoutOptions } from "./layout.js";
