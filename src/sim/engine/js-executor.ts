import type { KernelOp, Plan } from "../fusion/plan.js";
import {
  type StateArray,
  diagK,
  permuteXor,
  phaseTables,
  crot1,
  rot1,
  rot2,
  scaleBlock,
  swapGate,
  u1,
  uk,
  ukScratchSize,
  xGate,
} from "../kernels/fast-kernels.js";

/** Reusable scratch for {@link runPlanJs} (dense k-qubit gates gather 2^k amplitudes). */
export class JsScratch {
  values = new Float64Array(64);
  offsets = new Int32Array(32);
  ensure(k: number): void {
    const [v, o] = ukScratchSize(k);
    if (this.values.length < v) this.values = new Float64Array(v);
    if (this.offsets.length < o) this.offsets = new Int32Array(o);
  }
}

/**
 * Runs a plan on an interleaved state (complex128 or complex64) with the typed-array fast kernels: the
 * JavaScript engine, and the fallback where WebAssembly is unavailable or the state is too large for it.
 */
export function runPlanJs(plan: Plan, s: StateArray, scratch = new JsScratch()): void {
  const n = plan.numQubits;
  const dim = 2 ** n;
  for (const pass of plan.passes) {
    const b = pass.blockQubits;
    if (b >= n) {
      for (const op of pass.ops) applyOpJs(op, s, 0, dim, 0, scratch);
      continue;
    }
    const bs = 1 << b;
    const blocks = dim / bs;
    for (let blk = 0; blk < blocks; blk++) {
      const base = blk * bs;
      for (const op of pass.ops) applyOpJs(op, s, base, bs, base, scratch);
    }
  }
}

/** Applies one op to the block [off, off + nAmp) whose first global index is `base`. */
export function applyOpJs(
  op: KernelOp,
  s: StateArray,
  off: number,
  nAmp: number,
  base: number,
  scratch: JsScratch,
): void {
  const local = nAmp - 1;
  if ("ctrlMask" in op && op.ctrlMask !== 0) {
    const hi = op.ctrlMask & ~local;
    if ((base & hi) !== (op.ctrlValue & hi)) return;
  }
  switch (op.kind) {
    case "rot": {
      const q = op.qubits,
        t = op.t;
      if (q.length === 1) rot1(s, off, nAmp, q[0]!, t[0]!);
      else {
        rot2(s, off, nAmp, q[0]!, q[1]!, t[0]!, t[1]!);
        if (q.length === 3) rot1(s, off, nAmp, q[2]!, t[2]!);
      }
      return;
    }
    case "crot":
      op.qubits.forEach((q, j) => {
        const c = op.ctrl[j]!;
        if (c < 0) rot1(s, off, nAmp, q, op.t[j]!);
        else crot1(s, off, nAmp, base, q, c, op.t[j]!, op.t1[j]!);
      });
      return;
    case "u1":
      u1(s, off, nAmp, op.q, op.m, op.ctrlMask & local, op.ctrlValue & local);
      return;
    case "uk":
      scratch.ensure(op.targets.length);
      uk(
        s,
        off,
        nAmp,
        op.targets,
        op.m,
        op.ctrlMask & local,
        op.ctrlValue & local,
        scratch.values,
        scratch.offsets,
      );
      return;
    case "x":
      xGate(s, off, nAmp, op.q, op.ctrlMask & local, op.ctrlValue & local);
      return;
    case "swap":
      swapGate(s, off, nAmp, op.q0, op.q1, op.ctrlMask & local, op.ctrlValue & local);
      return;
    case "diagk":
      diagK(s, off, nAmp, base, op.targets, op.diag, op.ctrlMask & local, op.ctrlValue & local);
      return;
    case "phase":
      phaseTables(s, off, nAmp, base, op.l, op.lo, op.hi, op.hiShift);
      return;
    case "scale":
      scaleBlock(s, off, nAmp, op.f);
      return;
    case "permxor":
      permuteXor(s, nAmp, op.mask);
      return;
    case "touch":
      return;
  }
}
