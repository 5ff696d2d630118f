import { describe, expect, it } from "vitest";
import { ParamExpr } from "../circuit/param-expr.js";
import type { GateSpec } from "../gates/gate-spec.js";
import { GATES as TABLE, type GateId } from "../gates/gate-table.js";
import { GATE_IDS } from "../gates/lookup.js";
import { adjoint, matmul, maxAbsDiff } from "../math/complex-matrix.js";
import { Rng } from "../util/rng.js";
import {
  ROTATION_GATES,
  type SeqOp,
  addControls,
  fitGlobalPhase,
  invertSequence,
  phaseExpr,
  powerSequence,
  sequenceMatrix,
} from "./gate-sequence.js";

const GATES: Readonly<Record<GateId, GateSpec<GateId>>> = TABLE;
const rng = new Rng(99);
const gate = (id: GateId, qubits: number[], params: number[] = []): SeqOp => ({
  kind: "gate",
  gate: id,
  qubits,
  params: params.map((p) => ParamExpr.constant(p)),
  controls: 0,
  controlState: 0,
});
const random = (id: GateId): SeqOp =>
  gate(
    id,
    Array.from({ length: GATES[id].numQubits }, (_, i) => i),
    Array.from({ length: GATES[id].numParams }, () => rng.uniform(-3, 3)),
  );

describe("gate sequences", () => {
  it("derive the rotation gates (U(θ)^k = U(kθ)) from the table", () => {
    expect(ROTATION_GATES).toEqual([
      "rx",
      "ry",
      "rz",
      "p",
      "crx",
      "cry",
      "crz",
      "cp",
      "rxx",
      "ryy",
      "rzz",
      "rzx",
    ]);
  });

  it.each(GATE_IDS)("invert %s exactly, also with a negative control", (id) => {
    const n = GATES[id].numQubits + 1;
    const ops = addControls(
      [{ ...random(id), qubits: Array.from({ length: n - 1 }, (_, i) => i + 1) }],
      [0],
      0,
    );
    const u = sequenceMatrix(ops, n);
    expect(maxAbsDiff(sequenceMatrix(invertSequence(ops), n), adjoint(u))).toBeLessThan(1e-12);
    const squared = powerSequence(ops, 2, 100);
    expect(typeof squared).not.toBe("string");
    expect(maxAbsDiff(sequenceMatrix(squared as SeqOp[], n), matmul(u, u))).toBeLessThan(1e-12);
  });

  it("take non-integer powers of rotations only", () => {
    for (const id of ROTATION_GATES) {
      const op = random(id);
      const half = powerSequence([op], 0.5, 100) as SeqOp[];
      const root = sequenceMatrix(half, GATES[id].numQubits);
      expect(maxAbsDiff(matmul(root, root), sequenceMatrix([op], GATES[id].numQubits))).toBeLessThan(1e-12);
    }
    expect(powerSequence([gate("h", [0])], 0.5, 100)).toMatch(
      /only defined here for one-parameter rotation gates/,
    );
    expect(powerSequence([gate("rx", [0], [1]), gate("rz", [0], [1])], 0.5, 100)).toMatch(/got rx, rz/);
    expect(powerSequence([gate("x", [0])], 1e9, 100)).toMatch(/more than 100 operations/);
  });

  it("make a controlled global phase a relative phase", () => {
    const ops = addControls(
      [
        {
          kind: "gate",
          gate: "gphase",
          qubits: [],
          params: [ParamExpr.constant(0.4)],
          controls: 0,
          controlState: 0,
        },
      ],
      [0],
      1,
    );
    expect(maxAbsDiff(sequenceMatrix(ops, 1), sequenceMatrix([gate("p", [0], [0.4])], 1))).toBeLessThan(
      1e-15,
    );
  });

  it("fit the global phase between a body and a gate as an affine function", () => {
    // p(λ) = e^{iλ/2} rz(λ)
    const phase = fitGlobalPhase(
      (p) => GATES.p.matrix(p),
      (p) => GATES.rz.matrix(p),
      1,
    );
    expect(phase).toEqual({ constant: 0, coefficients: [0.5] });
    expect(phaseExpr(phase!, [ParamExpr.symbol("t")])!.toString()).toBe("0.5*t");
    expect(
      fitGlobalPhase(
        () => GATES.s.matrix([]),
        () => GATES.t.matrix([]),
        0,
      ),
    ).toBeUndefined();
    expect(
      fitGlobalPhase(
        () => GATES.x.matrix([]),
        () => GATES.cx.matrix([]),
        0,
      ),
    ).toBeUndefined();
    const minusI = fitGlobalPhase(
      () => GATES.y.matrix([]),
      () => GATES.u3.matrix([Math.PI, Math.PI / 2, Math.PI / 2]),
      0,
    );
    expect(minusI).toEqual({ constant: 0, coefficients: [] });
  });
});
