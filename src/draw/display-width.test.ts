import { describe, expect, it } from "vitest";
import { displayWidth, padStart } from "./display-width.js";

describe("displayWidth", () => {
  it("counts the drawer's symbols as one column", () => {
    expect(displayWidth("┤ Ry(θ) ├")).toBe(9);
    expect(displayWidth("─■─o─░─╫─╩─«»π√†")).toBe(16);
  });

  it("counts wide characters twice and combining marks not at all", () => {
    expect(displayWidth("量子")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
  });

  it("pads to a width", () => {
    expect(padStart("ab", 5)).toBe("   ab");
    expect(padStart("θ", 3)).toBe("  θ");
    expect(padStart("abcdef", 3)).toBe("abcdef");
  });
});
