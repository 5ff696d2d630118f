import { describe, expect, it } from "vitest";
import { Circuit } from "../circuit/circuit.js";
import { PauliSum } from "../observables/pauli-sum.js";
import { hermitianEigenvalues } from "../math/hermitian-eigen.js";
import { minimize } from "../optim/minimize.js";
import { QNG } from "../optim/qng.js";
import { LBFGS } from "../optim/lbfgs.js";
import { Rotosolve } from "../optim/rotosolve.js";
import { expectationObjective } from "./expectation-objective.js";

describe("expectationObjective with the optimizers (a small VQE)", () => {
  const H = PauliSum.parse("Z0 Z1 + 0.5*X0 + 0.5*X1");
  const exact = hermitianEigenvalues(H.matrix(2))[0]!; // independent: dense diagonalisation
  const ansatz = new Circuit(2).ry("a", 0).ry("b", 1).cx(0, 1).ry("c", 0).ry("d", 1);
  const x0 = Float64Array.from([0.1, -0.2, 0.3, 0.05]);

  it("L-BFGS with adjoint gradients reaches the exact ground energy", () => {
    const r = minimize(expectationObjective(ansatz, H), x0, { optimizer: new LBFGS(), tolerance: 1e-12 });
    expect(Math.abs(r.value - exact)).toBeLessThan(1e-9);
  });
  it("QNG with the block-diagonal Fubini–Study metric reaches it too", () => {
    const r = minimize(expectationObjective(ansatz, H), x0, {
      optimizer: new QNG({ learningRate: 0.2 }),
      maxIterations: 400,
      tolerance: 1e-12,
    });
    expect(Math.abs(r.value - exact)).toBeLessThan(1e-6);
  });
  it("Rotosolve (sinusoidal in each Pauli rotation angle)", () => {
    const r = minimize(expectationObjective(ansatz, H).value, x0, {
      optimizer: new Rotosolve(),
      maxIterations: 100,
      tolerance: 1e-13,
    });
    expect(Math.abs(r.value - exact)).toBeLessThan(1e-8);
  });
});
