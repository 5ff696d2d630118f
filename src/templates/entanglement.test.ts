import { describe, expect, it } from "vitest";
import { checkEntanglement, entanglerMap } from "./entanglement.js";

describe("entanglerMap (Qiskit's get_entangler_map)", () => {
  it("full: all pairs in lexicographic order", () => {
    expect(entanglerMap(4, 2, "full")).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(entanglerMap(4, 3, "full")).toEqual([
      [0, 1, 2],
      [0, 1, 3],
      [0, 2, 3],
      [1, 2, 3],
    ]);
  });
  it("linear and reverse_linear", () => {
    expect(entanglerMap(4, 2, "linear")).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(entanglerMap(4, 2, "reverse_linear")).toEqual([
      [2, 3],
      [1, 2],
      [0, 1],
    ]);
    expect(entanglerMap(4, 3, "linear")).toEqual([
      [0, 1, 2],
      [1, 2, 3],
    ]);
  });
  it("circular puts the wrap-around block first, and is linear when the block fills the register", () => {
    expect(entanglerMap(4, 2, "circular")).toEqual([
      [3, 0],
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(entanglerMap(3, 2, "circular")).toEqual([
      [2, 0],
      [0, 1],
      [1, 2],
    ]);
    expect(entanglerMap(2, 2, "circular")).toEqual([[0, 1]]);
    expect(entanglerMap(4, 3, "circular")).toEqual([
      [2, 3, 0],
      [3, 0, 1],
      [0, 1, 2],
      [1, 2, 3],
    ]);
    expect(entanglerMap(3, 1, "circular")).toEqual([[0], [1], [2]]);
  });
  it("pairwise: even pairs then odd pairs; refuses blocks above 2", () => {
    expect(entanglerMap(6, 2, "pairwise")).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [1, 2],
      [3, 4],
    ]);
    expect(() => entanglerMap(4, 3, "pairwise")).toThrow(/at most 2/);
  });
  it("sca shifts circular by the offset and reverses blocks on odd offsets", () => {
    expect(entanglerMap(4, 3, "sca", 0)).toEqual([
      [2, 3, 0],
      [3, 0, 1],
      [0, 1, 2],
      [1, 2, 3],
    ]);
    expect(entanglerMap(4, 3, "sca", 1)).toEqual([
      [3, 2, 1],
      [0, 3, 2],
      [1, 0, 3],
      [2, 1, 0],
    ]);
    expect(entanglerMap(4, 3, "sca", 2)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 0],
      [3, 0, 1],
    ]);
  });
  it("explicit lists give their sets of the block size; oversize blocks give nothing", () => {
    expect(
      entanglerMap(3, 2, [
        [0, 2],
        [1, 2],
        [0, 1, 2],
      ]),
    ).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(entanglerMap(1, 2, "full")).toEqual([]);
  });
});

describe("checkEntanglement", () => {
  it("accepts strategies and valid lists, refusing the rest with reasons", () => {
    expect(checkEntanglement("circular", 3, [2], "T")).toBe("circular");
    expect(checkEntanglement([[0, 1]], 3, [2], "T")).toEqual([[0, 1]]);
    expect(() => checkEntanglement("ring", 3, [2], "T")).toThrow(/unknown entanglement "ring"/);
    expect(() => checkEntanglement([[0, 3]], 3, [2], "T")).toThrow(
      expect.objectContaining({ code: "QUBIT_OUT_OF_RANGE" }),
    );
    expect(() => checkEntanglement([[1, 1]], 3, [2], "T")).toThrow(/repeats a qubit/);
    expect(() => checkEntanglement([[0, 1, 2]], 3, [2], "T")).toThrow(/has 3 qubit\(s\)/);
    expect(() => checkEntanglement("pairwise", 3, [3], "T")).toThrow(/at most 2/);
    expect(() => checkEntanglement(7, 3, [2], "T")).toThrow(/strategy name or a list/);
  });
});
