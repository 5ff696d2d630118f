import { QforgeError } from "../util/errors.js";
import { GATES, type GateId } from "../gates/gate-table.js";
import { hermitianEigenvalues } from "../math/hermitian-eigen.js";
import type { Circuit } from "../circuit/circuit.js";
import { EXPR_ALGEBRA } from "../circuit/param-expr.js";
import { type CompiledAngle, type CompiledGate, type Program, compile } from "../sim/compile.js";
import { type ShiftRule, shiftRuleFromEigenvalues } from "./shift-rule.js";

/** A gate whose angle depends on parameters, with what differentiation needs. */
export interface ParamGate {
  /** Position in `program.ops`. */
  readonly pos: number;
  readonly gate: CompiledGate;
  /** Generator of the (target) gate: U(θ) = exp(−iθG), controls applied through the gate's mask. */
  readonly generator: Float64Array;
  readonly rule: ShiftRule;
}

/** A circuit lowered for differentiation: every parameterised gate has exactly one angle. */
export interface GradientProgram {
  readonly program: Program;
  readonly parameters: readonly string[];
  readonly paramGates: readonly ParamGate[];
}

/**
 * Rewrites multi-parameter gates whose angles are symbolic into their exact one-parameter rotation form
 * (from the gate table), compiles, and derives each parameterised gate's shift rule from its generator.
 */
export function buildGradientProgram(circuit: Circuit): GradientProgram {
  let lowered = circuit.emptyLike();
  for (const op of circuit.operations) {
    if (op.kind !== "gate" || op.params.length < 2 || op.params.every((p) => p.isConstant)) {
      lowered = lowered.append(op);
      continue;
    }
    const spec = GATES[op.gate];
    if (!("rotationForm" in spec))
      throw new QforgeError("UNSUPPORTED", `gate ${op.gate} has no rotation form for differentiation`);
    const controls = op.qubits.slice(0, op.controls);
    const own = op.qubits.slice(op.controls);
    const controlState = controls.map((_, j) => ((op.controlState >> j) & 1) as 0 | 1);
    for (const s of spec.rotationForm(op.params, EXPR_ALGEBRA))
      lowered = lowered.gate(
        s.gate,
        s.qubits.map((k) => own[k]!),
        s.params,
        {
          controls,
          controlState,
          ...(op.condition ? { condition: op.condition } : {}),
        },
      );
  }
  const program = compile(lowered);
  const rules = new Map<string, ShiftRule>();
  const paramGates: ParamGate[] = [];
  program.ops.forEach((op, pos) => {
    if (op.kind !== "gate" || op.angles.length === 0 || op.angles.every((a) => a.index.length === 0)) return;
    const spec = GATES[op.gate as GateId];
    const g = spec.generators[0]!;
    const controlled = op.ctrlMask !== 0;
    const key = `${op.gate}/${controlled}`;
    let rule = rules.get(key);
    if (!rule) {
      const ev = hermitianEigenvalues(g);
      rule = shiftRuleFromEigenvalues(controlled ? [...ev, 0] : ev);
      rules.set(key, rule);
    }
    paramGates.push({ pos, gate: op, generator: g.data, rule });
  });
  return { program, parameters: program.parameters, paramGates };
}

/** True when the angle depends on a differentiated parameter (`wanted[j] = 1`). */
export function dependsOnWanted(angle: CompiledAngle, wanted: Uint8Array): boolean {
  return angle.index.some((j) => wanted[j] === 1);
}

/**
 * The chain rule through an affine angle `c + Σ coef_t · θ_j(t)`: adds coef_t · dAngle to out[start + j(t)],
 * where dAngle is the derivative with respect to the angle itself.
 */
export function addChainRule(out: Float64Array, start: number, angle: CompiledAngle, dAngle: number): void {
  for (let t = 0; t < angle.index.length; t++) {
    const at = start + angle.index[t]!;
    out[at] = out[at]! + angle.coef[t]! * dAngle;
  }
}
