import { adjointOf, conjugateOf } from "./complex-small.js";
import type { KernelOp, Pass, Plan } from "./plan.js";

/**
 * The plan of the inverse unitary, derived from a fused plan without planning again (adjoint
 * differentiation undoes every segment it ran forward). Passes and ops run in reverse; dense and diagonal
 * ops are conjugated; shears (a, b) → (a − t·b, b + t·a) take −t. Scale ops stay as they are: a plan's
 * scale is the product of its rotations' cosines c, and (c·shear(t))⁻¹ = c·shear(−t) because c² = 1/(1 + t²).
 *
 * @example
 * ```ts
 * const program = compile(new Circuit(2).h(0).cx(0, 1).ry(0.3, 1));
 * const plan = planProgram(program, new Float64Array(0), 0);
 * const undo = invertPlan(plan); // running plan then undo leaves any state as it was
 * ```
 */
export function invertPlan(plan: Plan): Plan {
  const passes: Pass[] = [];
  for (let p = plan.passes.length - 1; p >= 0; p--) {
    const pass = plan.passes[p]!;
    const ops: KernelOp[] = [];
    let touch: KernelOp | undefined;
    for (let i = pass.ops.length - 1; i >= 0; i--) {
      const op = pass.ops[i]!;
      if (op.kind === "touch") touch = op;
      else ops.push(invertOp(op));
    }
    passes.push({ blockQubits: pass.blockQubits, ops: touch ? [touch, ...ops] : ops });
  }
  return { numQubits: plan.numQubits, passes };
}

function invertOp(op: Exclude<KernelOp, { kind: "touch" }>): KernelOp {
  switch (op.kind) {
    case "rot":
      return { ...op, t: op.t.map((t) => -t) };
    case "crot":
      return { ...op, t: op.t.map((t) => -t), t1: op.t1.map((t) => -t) };
    case "u1":
      return { ...op, m: adjointOf(op.m, 2) };
    case "uk":
      return { ...op, m: adjointOf(op.m, 1 << op.targets.length) };
    case "diagk":
      return { ...op, diag: conjugateOf(op.diag) };
    case "phase":
      return { ...op, lo: conjugateOf(op.lo), hi: conjugateOf(op.hi) };
    case "x":
    case "swap":
    case "permxor":
    case "scale":
      return op;
  }
}
