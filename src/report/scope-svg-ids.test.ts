import { describe, expect, it } from "vitest";
import { compactSvgNumbers } from "./compact-svg-numbers.js";
import { scopeSvgIds } from "./scope-svg-ids.js";

describe("SVG post-processing", () => {
  it("prefixes ids and every reference to them", () => {
    const svg =
      '<defs><clipPath id="clip1"><rect/></clipPath><linearGradient id="g"/></defs><g clip-path="url(#clip1)" fill="url(#g)"><use href="#g"/></g>';
    expect(scopeSvgIds(svg, "c7")).toBe(
      '<defs><clipPath id="c7-clip1"><rect/></clipPath><linearGradient id="c7-g"/></defs><g clip-path="url(#c7-clip1)" fill="url(#c7-g)"><use href="#c7-g"/></g>',
    );
  });

  it("rounds coordinates in path data and transforms, not in text", () => {
    expect(
      compactSvgNumbers(
        '<path d="M1.23456,-2.00001h3.5"/><g transform="translate(10.12345,4)"><text>0.12345</text></g>',
      ),
    ).toBe('<path d="M1.23,-2h3.5"/><g transform="translate(10.12,4)"><text>0.12345</text></g>');
  });
});
