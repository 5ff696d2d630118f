import { describe, expect, it } from "vitest";
import { GATE_IDS } from "../gates/lookup.js";
import { gateFamily } from "./gate-family.js";

describe("gateFamily", () => {
  it("sorts every table gate into a family", () => {
    const families = Object.fromEntries(GATE_IDS.map((id) => [id, gateFamily(id)]));
    expect(families).toMatchObject({
      id: "pauli",
      x: "pauli",
      y: "pauli",
      z: "pauli",
      h: "clifford",
      s: "clifford",
      sdg: "clifford",
      sx: "clifford",
      sxdg: "clifford",
      t: "rotation",
      tdg: "rotation",
      rx: "rotation",
      ry: "rotation",
      rz: "rotation",
      p: "rotation",
      u2: "rotation",
      u3: "rotation",
      rzz: "multi",
      rxx: "multi",
      ecr: "multi",
      iswap: "multi",
      swap: "multi",
      cx: "multi",
    });
    for (const id of GATE_IDS) expect(["pauli", "clifford", "rotation", "multi"]).toContain(families[id]);
  });
});
