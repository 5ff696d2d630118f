import { describe, expect, it } from "vitest";
import { PauliSum } from "./pauli-sum.js";
import { PauliString } from "./pauli-string.js";
import { matmul, maxAbsDiff, add, scale } from "../math/complex-matrix.js";

describe("PauliString.fromMasks", () => {
  it("inverts xMask / zMask for every string on 3 qubits", () => {
    for (let x = 0; x < 8; x++)
      for (let z = 0; z < 8; z++) {
        const p = PauliString.fromMasks(x, z);
        expect([p.xMask, p.zMask]).toEqual([x, z]);
      }
    expect(PauliString.fromMasks(0b011, 0b110).toString()).toBe("X0 Y1 Z2");
  });
});

describe("PauliSum", () => {
  it("parses, prints and re-parses", () => {
    for (const text of ["0.5*Z0 Z1 + X2", "-1.2*X0 Y1", "2 - Z0", "Z0 Z1 - 0.25*Y0 + 1e-3*X3"]) {
      const h = PauliSum.parse(text);
      expect(PauliSum.parse(h.toString()).toString()).toBe(h.toString());
    }
    expect(PauliSum.parse("0.5*Z0 Z1 + X2").toString()).toBe("0.5*Z0 Z1 + X2");
    expect(PauliSum.parse("Z0@Z1").terms[0]!.pauli.toString()).toBe("Z0 Z1");
  });
  it("multiplies with exact Pauli phases (matrix check)", () => {
    const a = PauliSum.parse("X0 + 0.5*Y0 Z1 - Z1");
    const b = PauliSum.parse("Y0 - 2*X1 + Z0 Z1");
    expect(maxAbsDiff(a.multiply(b).matrix(2), matmul(a.matrix(2), b.matrix(2)))).toBeLessThan(1e-14);
    expect(maxAbsDiff(a.add(b).matrix(2), add(a.matrix(2), b.matrix(2)))).toBeLessThan(1e-14);
    expect(maxAbsDiff(a.scale(0, 2).matrix(2), scale(a.matrix(2), 0, 2))).toBeLessThan(1e-14);
  });
  it("simplifies and knows Hermiticity", () => {
    const h = PauliSum.parse("Z0 + Z0 - 2*Z0 + X1");
    expect(h.simplify().toString()).toBe("X1");
    expect(PauliSum.parse("X0").multiply(PauliSum.parse("Y0")).isHermitian()).toBe(false);
    expect(PauliSum.parse("X0").multiply(PauliSum.parse("X0")).toString()).toBe("1");
  });
  it("single-qubit products: XY = iZ", () => {
    const { phase, pauli } = PauliString.parse("X0").multiply(PauliString.parse("Y0"));
    expect(phase).toEqual([0, 1]);
    expect(pauli.toString()).toBe("Z0");
  });
  it("gives clear parse errors", () => {
    expect(() => PauliSum.parse("0.5*Q0")).toThrow(/cannot read term/);
    expect(() => PauliSum.parse("")).toThrow(/empty/);
    expect(() => PauliString.parse("X0 X0")).toThrow(/appears twice/);
  });
});
