import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { displayWidth } from "./display-width.js";
import { drawSvg } from "./draw-svg.js";
import { drawText } from "./draw-text.js";
import { checkXml } from "./test-utils/check-xml.js";
import {
  bellCircuit,
  ghzCircuit,
  longCircuit,
  registersCircuit,
  threeQubitCircuit,
} from "./test-utils/fixtures.js";

const dir = fileURLToPath(new URL("./__golden__/", import.meta.url));

/**
 * Compares `actual` with `__golden__/<name>`. A mismatch writes `<name>.new.<ext>` beside it and fails; a
 * missing golden file is created (and the test fails, asking for a look at it) except under CI=true.
 */
function expectGolden(name: string, actual: string): void {
  const file = dir + name;
  const dot = name.lastIndexOf(".");
  const fresh = `${dir}${name.slice(0, dot)}.new${name.slice(dot)}`;
  if (!existsSync(file)) {
    if (process.env.CI === "true")
      throw new Error(`golden file __golden__/${name} is missing (CI=true creates none)`);
    writeFileSync(file, actual);
    throw new Error(
      `golden file __golden__/${name} did not exist and was created: look at it, then run the tests again`,
    );
  }
  const expected = readFileSync(file, "utf8");
  if (actual === expected) {
    rmSync(fresh, { force: true });
    return;
  }
  writeFileSync(fresh, actual);
  expect(
    actual,
    `__golden__/${name} differs; the new drawing is in __golden__/${name.slice(0, dot)}.new${name.slice(dot)}`,
  ).toBe(expected);
}

const cases = [
  { name: "bell", circuit: bellCircuit(), text: {}, svg: {} },
  { name: "three-qubit", circuit: threeQubitCircuit(), text: {}, svg: {} },
  { name: "ghz-22", circuit: ghzCircuit(22), text: {}, svg: { maxWidth: 1000 } },
  { name: "long-wrap", circuit: longCircuit(), text: { maxWidth: 80 }, svg: { maxWidth: 900 } },
  { name: "registers", circuit: registersCircuit(), text: {}, svg: {} },
] as const;

describe("golden drawings", () => {
  it.each(cases)("text: $name", ({ name, circuit, text }) => {
    expectGolden(`${name}.txt`, drawText(circuit, text) + "\n");
  });

  it.each(cases)("svg: $name", ({ name, circuit, svg }) => {
    const out = drawSvg(circuit, svg);
    expect(checkXml(out)).toEqual([]);
    expectGolden(`${name}.svg`, out);
  });

  it("svg: three-qubit, dark and scaled", () => {
    const out = drawSvg(threeQubitCircuit(), { style: "dark", scale: 1.5 });
    expect(checkXml(out)).toEqual([]);
    expectGolden("three-qubit-dark.svg", out);
  });

  it("the long circuit really wraps, within maxWidth, every block labelled", () => {
    const blocks = drawText(longCircuit(), { maxWidth: 80 }).split("\n\n");
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    blocks.forEach((block, b) => {
      const lines = block.split("\n");
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
      for (let q = 0; q < 4; q++) expect(block).toContain(`q_${q}: `);
      expect(lines.every((l) => l.startsWith("«"))).toBe(b > 0);
      expect(lines.every((l) => l.endsWith("»"))).toBe(b < blocks.length - 1);
    });
    expect(
      (drawSvg(longCircuit(), { maxWidth: 900 }).match(/<g class="row">/g) ?? []).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
