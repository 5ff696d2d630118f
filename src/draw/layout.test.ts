import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { type DrawnOp, layoutCircuit, wrapColumns } from "./layout.js";

/** Per column, a short name for each operation in it. */
function names(columns: readonly (readonly DrawnOp[])[]): string[][] {
  return columns.map((ops) => ops.map((d) => (d.op.kind === "gate" ? d.op.gate : d.op.kind)));
}

describe("layoutCircuit", () => {
  it("places operations greedily in the first free column", () => {
    const layout = layoutCircuit(new Circuit(3).h(0).h(1).x(2).cx(0, 1).z(2));
    expect(names(layout.columns)).toEqual([
      ["h", "h", "x"],
      ["cx", "z"],
    ]);
  });

  it("counts the wires between an operation's qubits as busy", () => {
    const layout = layoutCircuit(new Circuit(3).h(1).cx(0, 2).h(1));
    expect(names(layout.columns)).toEqual([["h"], ["cx"], ["h"]]);
    expect(layout.columns[1]![0]).toMatchObject({ lo: 0, hi: 2 });
  });

  it("counts classical wires down to a measurement's register or a condition's", () => {
    const c = new Circuit(2, 1)
      .measure(0, 0)
      .h(1)
      .gate("x", [1], [], { condition: { clbits: [0], value: 1 } });
    const layout = layoutCircuit(c);
    expect(names(layout.columns)).toEqual([["measure"], ["h"], ["x"]]);
    expect(layout.columns[0]![0]).toMatchObject({ lo: 0, hi: 2, classicalTo: 2 });
    expect(layout.columns[2]![0]!.classical).toEqual([{ kind: "condition", wire: 2, text: "=1" }]);
  });

  it("names wires after their registers", () => {
    const c = new Circuit(3, 3, {
      qubitRegisters: [
        { name: "a", size: 1 },
        { name: "anc", size: 2 },
      ],
      clbitRegisters: [
        { name: "c", size: 2 },
        { name: "f", size: 1 },
      ],
    });
    expect(layoutCircuit(c).wires.map((w) => `${w.name}/${w.size}`)).toEqual([
      "a_0/1",
      "anc_0/1",
      "anc_1/1",
      "c/2",
      "f/1",
    ]);
  });

  it("hides idle wires when asked, barriers not counting as use", () => {
    const c = new Circuit(4, 2).h(0).barrier().cx(0, 2).measure(2, 1);
    const layout = layoutCircuit(c, { showIdle: false });
    expect(layout.wires.map((w) => w.name)).toEqual(["q_0", "q_2", "c"]);
    expect(layout.columns[1]![0]!.barrier?.wires).toEqual([0, 1]);
    expect(layoutCircuit(new Circuit(2, 1).barrier(1).h(0), { showIdle: false }).columns).toHaveLength(1);
  });

  it("folds barriers away but keeps their ordering", () => {
    const c = new Circuit(2).h(0).barrier().h(1);
    expect(names(layoutCircuit(c).columns)).toEqual([["h"], ["barrier"], ["h"]]);
    expect(names(layoutCircuit(c, { foldBarriers: true }).columns)).toEqual([["h"], ["h"]]);
  });

  it("splits controlled gates into controls and the target body", () => {
    const [cx, ccx, cswap, negctrl, crz] = layoutCircuit(
      new Circuit(4)
        .cx(2, 0)
        .ccx(0, 3, 1)
        .cswap(1, 0, 3)
        .gate("z", [3], [], { controls: [1, 2], controlState: [0, 1] })
        .crz("theta", 3, 0),
    ).columns.map((col) => col[0]!.quantum);
    expect(cx).toEqual([
      { kind: "target", wire: 0, name: "X" },
      { kind: "control", wire: 2, open: false },
    ]);
    expect(ccx!.map((p) => p.kind)).toEqual(["control", "target", "control"]);
    expect(cswap!.map((p) => p.kind)).toEqual(["swap", "control", "swap"]);
    expect(negctrl).toMatchObject([
      { kind: "control", wire: 1, open: true },
      { kind: "control", wire: 2, open: false },
      { kind: "box", name: "Z" },
    ]);
    expect(crz).toMatchObject([
      { kind: "box", lo: 0, hi: 0, name: "Rz", params: ["θ"], family: "rotation" },
      { kind: "control", wire: 3 },
    ]);
  });

  it("numbers multi-qubit box ports only when the qubits are not adjacent and in order", () => {
    const boxes = layoutCircuit(new Circuit(3).rzz(0.5, 0, 1).rzx(0.5, 1, 0).rxx(0.5, 0, 2)).columns.map(
      (c) => c[0]!.quantum[0]!,
    );
    expect(boxes[0]).toMatchObject({ kind: "box", lo: 0, hi: 1, ports: [], family: "multi" });
    expect(boxes[1]).toMatchObject({
      ports: [
        { wire: 1, text: "0" },
        { wire: 0, text: "1" },
      ],
    });
    expect(boxes[2]).toMatchObject({
      lo: 0,
      hi: 2,
      ports: [
        { wire: 0, text: "0" },
        { wire: 2, text: "1" },
      ],
    });
  });

  it("draws a control between a box's qubits inside the box", () => {
    const [parts] = layoutCircuit(
      new Circuit(3).gate("rzz", [0, 2], [0.1], { controls: [1], controlState: [0] }),
    ).columns.map((c) => c[0]!.quantum);
    expect(parts).toHaveLength(1);
    expect(parts![0]).toMatchObject({
      kind: "box",
      ports: [{ text: "0" }, { text: "1" }, { wire: 1, text: "o", control: "open" }],
    });
  });

  it("annotates conditions on part of a register or on several registers", () => {
    const c = new Circuit(1, 3, {
      clbitRegisters: [
        { name: "c", size: 2 },
        { name: "d", size: 1 },
      ],
    })
      .gate("x", [0], [], { condition: { clbits: [1], value: 1 } })
      .gate("x", [0], [], { condition: { clbits: [0, 2], value: 2 } });
    const [one, two] = layoutCircuit(c).columns.map((col) => col[0]!.classical);
    expect(one).toEqual([{ kind: "condition", wire: 1, text: "[1]=1" }]);
    expect(two).toEqual([
      { kind: "condition", wire: 1, text: "" },
      { kind: "condition", wire: 2, text: "[c_0,d_0]=2" },
    ]);
  });

  it("rejects bad decimals", () => {
    expect(() => layoutCircuit(new Circuit(1), { decimals: -1 })).toThrow(/decimals/);
  });
});

describe("wrapColumns", () => {
  const cost = { firstHead: 5, head: 6, tail: 1 };

  it("keeps everything in one block when it fits", () => {
    expect(wrapColumns([3, 3, 3], 14, cost)).toEqual([[0, 1, 2]]);
  });

  it("wraps greedily, leaving room for the continuation marks", () => {
    expect(wrapColumns([3, 3, 3, 3], 13, cost)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(wrapColumns([3, 3, 3, 3, 3], 13, cost)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it("gives a column wider than the room a block of its own", () => {
    expect(wrapColumns([3, 50, 3], 12, cost)).toEqual([[0], [1], [2]]);
    expect(wrapColumns([], 12, cost)).toEqual([]);
  });
});
