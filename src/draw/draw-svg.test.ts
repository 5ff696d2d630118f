import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { QforgeError } from "../util/errors.js";
import { drawSvg, escapeXml, textWidth } from "./draw-svg.js";
import { checkXml } from "./test-utils/check-xml.js";
import { registersCircuit, threeQubitCircuit } from "./test-utils/fixtures.js";

const count = (svg: string, pattern: RegExp): number => (svg.match(pattern) ?? []).length;

describe("drawSvg", () => {
  it("is a standalone, well-formed SVG document", () => {
    for (const style of ["light", "dark"] as const) {
      const svg = drawSvg(threeQubitCircuit(), { style });
      expect(checkXml(svg)).toEqual([]);
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 [\d.]+ [\d.]+" width="[\d.]+" height="[\d.]+">/,
      );
      expect(svg).toContain("<style>");
      expect(svg).toMatch(/font-family:[^;}]*sans-serif/);
      expect(svg).not.toMatch(/href|@import|url\(|<script/);
    }
  });

  it("scales width and height, not the view box", () => {
    const c = new Circuit(2).h(0).cx(0, 1);
    const size = (svg: string) =>
      /viewBox="0 0 ([\d.]+) ([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    const [vw, vh, w, h] = size(drawSvg(c, { scale: 2 }));
    expect(w).toBeCloseTo(2 * vw!, 1);
    expect(h).toBeCloseTo(2 * vh!, 1);
    expect(size(drawSvg(c)).slice(0, 2)).toEqual([vw, vh]);
  });

  it("colours gates by family and draws the controlled-gate symbols", () => {
    const svg = drawSvg(
      new Circuit(3)
        .x(0)
        .h(1)
        .ry(0.3, 2)
        .cx(0, 1)
        .gate("z", [2], [], { controls: [0], controlState: [0] })
        .swap(0, 2)
        .rzz(0.1, 0, 1),
    );
    for (const family of ["pauli", "clifford", "rotation", "multi"])
      expect(svg).toContain(`class="box ${family}"`);
    expect(count(svg, /<circle[^>]*class="box pauli"/g)).toBe(1); // ⊕ of the cx
    expect(count(svg, /class="ctrl open"/g)).toBe(1);
    expect(count(svg, /class="ctrl"/g)).toBe(1);
    expect(count(svg, /class="swap"/g)).toBe(4);
    expect(count(svg, /class="link"/g)).toBe(3);
  });

  it("draws measurements with a meter and a double line to the classical wire", () => {
    const svg = drawSvg(new Circuit(1, 1).measure(0, 0));
    expect(svg).toContain('class="box measure"');
    expect(count(svg, /class="meter"/g)).toBe(2);
    expect(count(svg, /class="clink"/g)).toBe(2);
    expect(svg).toContain('class="arrow"');
  });

  it("draws barriers as dashed shaded bands, resets and conditions", () => {
    const svg = drawSvg(registersCircuit().barrier().reset(0));
    expect(svg).toContain('class="barrier"');
    expect(svg).toContain('class="barrier-line"');
    expect(svg).toContain("|0⟩");
    expect(count(svg, /class="cond"/g)).toBe(2);
    expect(svg).toContain("[m_0,flag_0]=3");
  });

  it("shows parameters under the gate name", () => {
    const svg = drawSvg(new Circuit(1).u3("pi/2", "theta", -0.25, 0));
    expect(svg).toMatch(/class="gate"[^>]*>U3<\/text>\s*<text[^>]*class="param"[^>]*>π\/2, θ, -0.25</);
  });

  it("escapes text for XML", () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe("a&#60;b &#38; &#34;c&#34; &#39;d&#39;&#62;");
    const c = new Circuit(1, 1, {
      qubitRegisters: [{ name: "q<&>", size: 1 }],
      clbitRegisters: [{ name: `"c"`, size: 1 }],
    });
    const svg = drawSvg(c.h(0).measure(0, 0));
    expect(checkXml(svg)).toEqual([]);
    expect(svg).toContain("q&#60;&#38;&#62;");
  });

  it("wraps into rows at maxWidth", () => {
    let c = new Circuit(2, 2);
    for (let i = 0; i < 40; i++) c = c.ry(i, 0).cx(0, 1);
    const svg = drawSvg(c, { maxWidth: 600, scale: 1.5 });
    expect(checkXml(svg)).toEqual([]);
    expect(count(svg, /<g class="row">/g)).toBeGreaterThan(3);
    expect(Number(/ width="([\d.]+)"/.exec(svg)![1])).toBeLessThanOrEqual(600);
    expect(svg).toContain("»");
    expect(svg).toContain("«");
  });

  it("draws empty circuits and rejects bad options", () => {
    expect(checkXml(drawSvg(new Circuit(0)))).toEqual([]);
    expect(checkXml(drawSvg(new Circuit(2, 1)))).toEqual([]);
    expect(() => drawSvg(new Circuit(1), { scale: 0 })).toThrow(QforgeError);
    expect(() => drawSvg(new Circuit(1), { maxWidth: -1 })).toThrow(QforgeError);
    expect(() => drawSvg(new Circuit(1), { style: "blue" as "dark" })).toThrow(QforgeError);
  });

  it("estimates text widths so wider text gets wider boxes", () => {
    expect(textWidth("W", 10)).toBeGreaterThan(textWidth("i", 10));
    expect(textWidth("Rzz(0.5)", 13)).toBeGreaterThan(textWidth("H", 13));
  });
});
