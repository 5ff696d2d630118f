import { check } from "../util/errors.js";
import type { Circuit } from "../circuit/circuit.js";
import type { Program } from "../sim/compile.js";
import { withShiftedAngle } from "./differentiate.js";
import { type Bindings, normalizeBindings } from "../sim/bindings.js";
import { runProgram, zeroState } from "../sim/execute.js";
import { marginalProbabilities } from "../sim/kernels/statevector-kernels.js";
import { buildGradientProgram } from "./gradient-program.js";

/**
 * Outcome probabilities of `qubits` and their Jacobian with respect to `trainable` parameters, over a
 * batch, by parameter shift: probabilities are expectations of projectors, so the same generator-derived
 * rules apply to the whole vector at once.
 *
 * @returns values (B × 2^k) and jacobian (B × 2^k × P), row-major.
 */
export function probabilityJacobian(
  circuit: Circuit,
  bindings: Bindings,
  options: { qubits: readonly number[]; trainable?: readonly string[] },
): { values: Float64Array; jacobian: Float64Array } {
  const gp = buildGradientProgram(circuit);
  check(
    gp.program.ops.every((o) => o.kind === "gate" && !o.condition),
    "probabilityJacobian needs a circuit without measurement, reset or conditions",
  );
  const trainable = options.trainable ?? circuit.parameters;
  const cols = trainable.map((n) => {
    const j = gp.parameters.indexOf(n);
    check(j >= 0, `the circuit has no parameter "${n}"`);
    return j;
  });
  const m = normalizeBindings(gp.parameters, bindings);
  const K = 1 << options.qubits.length,
    P = trainable.length,
    Pall = gp.parameters.length;
  const values = new Float64Array(m.batch * K);
  const jacobian = new Float64Array(m.batch * K * P);
  const probs = (program: Program, offset: number) => {
    const s = zeroState(program.numQubits);
    runProgram(program, s, m.values, offset);
    return marginalProbabilities(s, options.qubits);
  };
  for (let b = 0; b < m.batch; b++) {
    const offset = b * Pall;
    values.set(probs(gp.program, offset), b * K);
    for (const pg of gp.paramGates) {
      const angle = pg.gate.angles[0]!;
      const d = new Float64Array(K);
      pg.rule.shifts.forEach((s, i) => {
        const p = probs(withShiftedAngle(gp.program, pg.pos, s), offset);
        for (let k = 0; k < K; k++) d[k] = d[k]! + pg.rule.coefficients[i]! * p[k]!;
      });
      for (let t = 0; t < angle.index.length; t++) {
        const c = cols.indexOf(angle.index[t]!);
        if (c < 0) continue;
        for (let k = 0; k < K; k++) {
          const at = (b * K + k) * P + c;
          jacobian[at] = jacobian[at]! + angle.coef[t]! * d[k]!;
        }
      }
    }
  }
  return { values, jacobian };
}
