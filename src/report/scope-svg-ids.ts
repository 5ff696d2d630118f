/**
 * Prefixes every `id` in an SVG document and the references to them (`url(#…)`, `href="#…"`), so that
 * several SVGs inlined in one HTML page cannot capture each other's clip paths or gradients.
 *
 * @example
 * ```ts
 * scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', "c3");
 * // '<clipPath id="c3-clip1"/><g clip-path="url(#c3-clip1)"/>'
 * ```
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}
