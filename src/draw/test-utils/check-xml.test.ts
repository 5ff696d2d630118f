import { describe, expect, it } from "vitest";
import { checkXml } from "./check-xml.js";

describe("checkXml (test helper)", () => {
  it("accepts well-formed documents", () => {
    expect(
      checkXml(
        `<?xml version="1.0"?><svg a="1" b='x &amp; y'><g><text>a &lt; b &#960;</text></g><!-- c --><line/></svg>\n`,
      ),
    ).toEqual([]);
  });

  it.each([
    ["<svg><g></svg>", "closes"],
    ["<svg></svg><svg></svg>", "second root"],
    ["<svg a=1></svg>", "unquoted"],
    ['<svg a="1" a="2"></svg>', "duplicate"],
    ["<svg><text>a < b</text></svg>", "raw <"],
    ["<svg><text>a & b</text></svg>", "stray &"],
    ['<svg a="x<y"></svg>', "raw <"],
    ["<svg>", "unclosed"],
    ["hello", "no root"],
  ])("rejects %s", (xml, problem) => {
    expect(checkXml(xml).join("; ")).toContain(problem);
  });
});
