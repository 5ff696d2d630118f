/** Ranges of code points a terminal shows two columns wide (CJK, Hangul, full-width forms, emoji). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const COMBINING = /\p{M}/u;

/** Columns one code point takes in a monospace terminal: 0 for combining marks, 2 for wide characters. */
function charWidth(ch: string): number {
  if (COMBINING.test(ch)) return 0;
  const cp = ch.codePointAt(0)!;
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

/**
 * Columns a string takes in a monospace terminal. Box-drawing characters, `π`, `θ`, `░` and the other
 * symbols the text drawer uses count as one column each.
 *
 * @example
 * ```ts
 * displayWidth("┤ Ry(θ) ├"); // 9
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** `text` with spaces in front, to `width` columns. */
export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}
