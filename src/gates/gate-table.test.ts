import { describe, expect, it } from "vitest";
import { Rng } from "../util/rng.js";
import {
  type CMatrix,
  adjoint,
  distanceUpToPhase,
  expm,
  identity,
  isUnitary,
  kron,
  matmul,
  maxAbsDiff,
  scale,
} from "../math/complex-matrix.js";
import { hermitianEigenvalues } from "../math/hermitian-eigen.js";
import { embedOperator } from "../math/embed.js";
import { GATES as TABLE, type GateId } from "./gate-table.js";
import { GATE_IDS, NUMBER_ALGEBRA, findGate, resolveGate } from "./lookup.js";
import type { GateSpec, GateStep } from "./gate-spec.js";

const GATES: Record<GateId, GateSpec<GateId>> = TABLE;

function stepsMatrix(steps: GateStep<number, GateId>[], n: number): CMatrix {
  let u = identity(1 << n);
  for (const s of steps) u = matmul(embedOperator(GATES[s.gate as GateId].matrix(s.params), s.qubits, n), u);
  return u;
}

const rng = new Rng(2024);
const randomParams = (k: number) => Array.from({ length: k }, () => rng.uniform(-2 * Math.PI, 2 * Math.PI));

describe.each(GATE_IDS)("gate %s", (id) => {
  const spec = GATES[id];
  const params = randomParams(spec.numParams);
  const U = spec.matrix(params);

  it("is unitary with the declared size", () => {
    expect(U.dim).toBe(1 << spec.numQubits);
    expect(isUnitary(U, 1e-12)).toBe(true);
    expect(spec.paramNames.length).toBe(spec.numParams);
  });

  it("has an adjoint equal to U†", () => {
    const adj = stepsMatrix(spec.adjoint(params, NUMBER_ALGEBRA), spec.numQubits);
    expect(maxAbsDiff(adj, adjoint(U))).toBeLessThan(1e-12);
  });

  it("decomposes to U up to a global phase", () => {
    if (!spec.decompose) return;
    const steps = spec.decompose(params, NUMBER_ALGEBRA);
    expect(distanceUpToPhase(stepsMatrix(steps, spec.numQubits), U)).toBeLessThan(1e-12);
  });

  it("has an exact one-parameter rotation form when it has several parameters", () => {
    if (spec.numParams < 2) return expect(spec.rotationForm).toBeUndefined();
    const steps = spec.rotationForm!(params, NUMBER_ALGEBRA);
    for (const s of steps) expect(GATES[s.gate as GateId].numParams).toBe(1);
    expect(maxAbsDiff(stepsMatrix(steps, spec.numQubits), U)).toBeLessThan(1e-12);
  });

  it("has flags that match its matrix", () => {
    let offDiag = 0,
      nonPerm = false;
    for (let r = 0; r < U.dim; r++)
      for (let c = 0; c < U.dim; c++) {
        const m = Math.hypot(U.data[2 * (r * U.dim + c)]!, U.data[2 * (r * U.dim + c) + 1]!);
        if (r !== c) offDiag = Math.max(offDiag, m);
        if (m > 1e-12 && Math.abs(m - 1) > 1e-12) nonPerm = true;
      }
    expect(offDiag < 1e-14).toBe(spec.flags.diagonal);
    if (spec.flags.permutation) {
      expect(nonPerm).toBe(false);
      for (let k = 1; k < U.data.length; k += 2) expect(U.data[k]).toBe(0);
    }
    if (spec.control) {
      const c = spec.control;
      const target = GATES[c.target].matrix(params);
      // Controls on the low bits: the active block (all controls 1) is the target gate.
      const nc = 1 << c.numControls;
      for (let r = 0; r < target.dim; r++)
        for (let col = 0; col < target.dim; col++) {
          const k = 2 * ((r * nc + nc - 1) * U.dim + (col * nc + nc - 1));
          expect(U.data[k]).toBeCloseTo(target.data[2 * (r * target.dim + col)]!, 14);
          expect(U.data[k + 1]).toBeCloseTo(target.data[2 * (r * target.dim + col) + 1]!, 14);
        }
    }
  });

  it("equals exp(−iθG) for a one-parameter gate, and every generator is Hermitian", () => {
    expect(spec.generators.length).toBe(spec.numParams);
    for (const g of spec.generators) expect(maxAbsDiff(g, adjoint(g))).toBe(0);
    if (spec.numParams !== 1) return;
    const g = spec.generators[0]!;
    expect(maxAbsDiff(expm(scale(g, 0, -params[0]!)), U)).toBeLessThan(1e-12);
  });

  it("has a generator per parameter that moves only that parameter: U(p + t e_j) = A exp(−itG_j) B", () => {
    // Check via the spectrum: t ↦ U(p + t e_j) has matrix entries that are trigonometric polynomials whose
    // frequencies are differences of G_j's eigenvalues; sampling at shifts reproduces the derivative
    // only if the spectrum is right. Here: compare the matrix derivative's norm bound ‖dU/dt‖ ≤ spread(G).
    for (let j = 0; j < spec.numParams; j++) {
      const ev = hermitianEigenvalues(spec.generators[j]!);
      const spread = ev[ev.length - 1]! - ev[0]!;
      const h = 1e-6;
      const pp = [...params],
        pm = [...params];
      pp[j]! += h;
      pm[j]! -= h;
      const d = maxAbsDiff(spec.matrix(pp), spec.matrix(pm)) / (2 * h);
      expect(d).toBeLessThanOrEqual(spread + 1e-6);
      expect(d).toBeGreaterThan(0);
    }
  });

  it("resolves by its id and aliases", () => {
    expect(findGate(id)).toBe(id);
    for (const a of spec.aliases) expect(findGate(a)).toBe(id);
  });
});

describe("gate conventions (Qiskit / OpenQASM)", () => {
  it("rz(λ) = diag(e^{−iλ/2}, e^{iλ/2})", () => {
    const m = GATES.rz.matrix([0.7]);
    expect(m.data[0]).toBeCloseTo(Math.cos(-0.35), 15);
    expect(m.data[1]).toBeCloseTo(Math.sin(-0.35), 15);
    expect(m.data[6]).toBeCloseTo(Math.cos(0.35), 15);
    expect(m.data[7]).toBeCloseTo(Math.sin(0.35), 15);
  });
  it("u3 matches qelib1: [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]", () => {
    const [t, f, l] = [0.3, 1.1, -0.4];
    const m = GATES.u3.matrix([t, f, l]).data;
    const c = Math.cos(t / 2),
      s = Math.sin(t / 2);
    const expected = [
      c,
      0,
      -Math.cos(l) * s,
      -Math.sin(l) * s,
      Math.cos(f) * s,
      Math.sin(f) * s,
      Math.cos(f + l) * c,
      Math.sin(f + l) * c,
    ];
    expected.forEach((v, i) => expect(m[i]).toBeCloseTo(v, 15));
  });
  it("cx with control on qubit 0 maps |01⟩ (index 1) to |11⟩ (index 3)", () => {
    const m = GATES.cx.matrix([]);
    expect(m.data[2 * (3 * 4 + 1)]).toBe(1);
    expect(m.data[2 * (1 * 4 + 1)]).toBe(0);
  });
  it("rzx puts Z on the first qubit and X on the second", () => {
    const Z = GATES.z.matrix([]),
      X = GATES.x.matrix([]);
    const expected = expm(scale(kron(X, Z), 0, -0.9 / 2));
    expect(maxAbsDiff(GATES.rzx.matrix([0.9]), expected)).toBeLessThan(1e-14);
  });
  it("ecr is the circuit rzx(π/4) · x on qubit 0 · rzx(−π/4) (Qiskit's definition, time order)", () => {
    const X0 = kron(GATES.id.matrix([]), GATES.x.matrix([]));
    const m = matmul(GATES.rzx.matrix([-Math.PI / 4]), matmul(X0, GATES.rzx.matrix([Math.PI / 4])));
    expect(maxAbsDiff(m, GATES.ecr.matrix([]))).toBeLessThan(1e-14);
  });
  it("unknown gates get a clear error", () => {
    expect(() => resolveGate("hadamard")).toThrow(/unknown gate "hadamard"/);
  });
});
