import { QforgeError, check } from "../util/errors.js";
import type { Circuit } from "../circuit/circuit.js";
import type { CompiledGate } from "../sim/compile.js";
import { applyCompiledGate, zeroState } from "../sim/execute.js";
import { applyMatrixK, innerProduct } from "../sim/kernels/statevector-kernels.js";
import { type GradientProgram, type ParamGate, buildGradientProgram } from "./gradient-program.js";
import { type ParameterValues, assembleRow } from "./gradient.js";

/** Which Fubini–Study metric to compute. */
export type MetricApproximation = "full" | "block-diag" | "diag";

/**
 * The Fubini–Study metric (real part of the quantum geometric tensor)
 * g_ij = Re[⟨∂_iψ|∂_jψ⟩ − ⟨∂_iψ|ψ⟩⟨ψ|∂_jψ⟩] over the trainable parameters — the preconditioner of the
 * quantum natural gradient. "full" is exact (one derivative state per parameterised gate);
 * "block-diag" keeps only blocks of gates in the same layer, where g = Cov(G_a, G_b) on the state
 * entering the layer (as PennyLane's default); "diag" keeps the variances only.
 *
 * @example
 * ```ts
 * const c = new Circuit(1).rx("a", 0);
 * metricTensor(c).evaluate([0.4]); // [0.25]
 * ```
 */
export class MetricTensorFunction {
  readonly parameters: readonly string[];
  private readonly gp: GradientProgram;
  private readonly approx: MetricApproximation;
  private readonly columns: Int32Array;

  constructor(
    circuit: Circuit,
    options: { approximation?: MetricApproximation; trainable?: readonly string[] } = {},
  ) {
    this.gp = buildGradientProgram(circuit);
    if (this.gp.program.ops.some((o) => o.kind !== "gate" || o.condition))
      throw new QforgeError(
        "UNSUPPORTED",
        "the metric tensor needs a circuit without measurement, reset or classical conditions",
      );
    this.approx = options.approximation ?? "block-diag";
    const all = this.gp.parameters;
    this.parameters = [...(options.trainable ?? circuit.parameters)];
    for (const n of this.parameters) check(all.includes(n), `the circuit has no parameter "${n}"`);
    this.columns = Int32Array.from(this.parameters, (n) => all.indexOf(n));
  }

  /** The P × P metric (row-major) at `weights`, with `inputs` for the remaining parameters. */
  evaluate(weights: ParameterValues, inputs: Readonly<Record<string, number>> = {}): Float64Array {
    const row = assembleRow(this.gp.parameters, this.parameters, weights, inputs);
    const gates = this.gp.paramGates;
    const A = gates.length;
    const angleMetric = new Float64Array(A * A);
    if (this.approx === "full") this.fullAngleMetric(row, angleMetric);
    else this.layerAngleMetric(row, angleMetric, this.approx === "diag");
    // Chain rule from gate angles to parameters: g = Jᵀ g_angle J, J[a][p] = ∂angle_a/∂param_p.
    const P = this.parameters.length;
    const J = new Float64Array(A * P);
    gates.forEach((pg, a) => {
      const ang = pg.gate.angles[0]!;
      for (let t = 0; t < ang.index.length; t++) {
        const c = this.columns.indexOf(ang.index[t]!);
        if (c >= 0) J[a * P + c] = J[a * P + c]! + ang.coef[t]!;
      }
    });
    const out = new Float64Array(P * P);
    for (let a = 0; a < A; a++)
      for (let b = 0; b < A; b++) {
        const g = angleMetric[a * A + b]!;
        if (g === 0) continue;
        for (let i = 0; i < P; i++) {
          const ji = J[a * P + i]!;
          if (ji === 0) continue;
          for (let j = 0; j < P; j++) out[i * P + j] = out[i * P + j]! + ji * g * J[b * P + j]!;
        }
      }
    return out;
  }

  /** Exact metric from the derivative states ∂_aψ = U_{>a} (−iG_a) U_{≤a} |0⟩. */
  private fullAngleMetric(row: Float64Array, out: Float64Array): void {
    const { program, paramGates } = this.gp;
    const A = paramGates.length;
    const psiPrefix = zeroState(program.numQubits);
    const derivs: Float64Array[] = [];
    let next = 0;
    program.ops.forEach((op, pos) => {
      applyCompiledGate(psiPrefix, op as CompiledGate, row, 0);
      // Advance every derivative state created so far through this gate too.
      for (const d of derivs) applyCompiledGate(d, op as CompiledGate, row, 0);
      if (next < A && paramGates[next]!.pos === pos) {
        derivs.push(applyGenerator(psiPrefix, paramGates[next]!));
        next++;
      }
    });
    const overlaps = derivs.map((d) => innerProduct(d, psiPrefix));
    for (let a = 0; a < A; a++)
      for (let b = a; b < A; b++) {
        const [re] = innerProduct(derivs[a]!, derivs[b]!);
        const [ar, ai] = overlaps[a]!,
          [br, bi] = overlaps[b]!;
        // Re[⟨∂a|∂b⟩ − ⟨∂a|ψ⟩⟨ψ|∂b⟩], with ⟨ψ|∂b⟩ = conj(⟨∂b|ψ⟩)
        const g = re - (ar * br + ai * bi);
        out[a * A + b] = g;
        out[b * A + a] = g;
      }
  }

  /** Block-diagonal (or diagonal) metric: covariances of generators within each layer. */
  private layerAngleMetric(row: Float64Array, out: Float64Array, diagonalOnly: boolean): void {
    const { program, paramGates } = this.gp;
    const A = paramGates.length;
    const state = zeroState(program.numQubits);
    let a = 0;
    let pos = 0;
    while (a < A) {
      // Apply fixed gates up to the next parameterised gate, then gather a layer of parameterised gates
      // on disjoint qubits with no other gate in between.
      for (; pos < paramGates[a]!.pos; pos++)
        applyCompiledGate(state, program.ops[pos] as CompiledGate, row, 0);
      const layer: number[] = [];
      const used = new Set<number>();
      while (a < A && paramGates[a]!.pos === pos) {
        const g = paramGates[a]!.gate;
        const wires = [...g.targets, ...bits(g.ctrlMask)];
        if (wires.some((w) => used.has(w))) break;
        wires.forEach((w) => used.add(w));
        layer.push(a);
        a++;
        pos++;
      }
      const gStates = layer.map((i) => applyHermitianGenerator(state, paramGates[i]!));
      const means = gStates.map((gs) => innerProduct(state, gs)[0]);
      layer.forEach((i, x) =>
        layer.forEach((j, y) => {
          if (diagonalOnly && i !== j) return;
          out[i * A + j] = innerProduct(gStates[x]!, gStates[y]!)[0] - means[x]! * means[y]!;
        }),
      );
      for (const i of layer) applyCompiledGate(state, paramGates[i]!.gate, row, 0);
    }
  }
}

/** −iG_a|ψ⟩ (with G zero outside the active control block). */
function applyGenerator(psi: Float64Array, pg: ParamGate): Float64Array {
  const out = applyHermitianGenerator(psi, pg);
  for (let k = 0; k < out.length; k += 2) {
    const re = out[k]!,
      im = out[k + 1]!;
    out[k] = im;
    out[k + 1] = -re;
  }
  return out;
}

/** G_a|ψ⟩ (controlled generator: zero outside the active block). */
function applyHermitianGenerator(psi: Float64Array, pg: ParamGate): Float64Array {
  const out = psi.slice();
  const g = pg.gate;
  applyMatrixK(out, g.targets, pg.generator, g.ctrlMask, g.ctrlValue);
  if (g.ctrlMask !== 0)
    for (let i = 0; i < out.length >> 1; i++)
      if ((i & g.ctrlMask) !== g.ctrlValue) {
        out[2 * i] = 0;
        out[2 * i + 1] = 0;
      }
  return out;
}

function bits(mask: number): number[] {
  const out: number[] = [];
  for (let q = 0; mask >> q; q++) if ((mask >> q) & 1) out.push(q);
  return out;
}

/** Shorthand for `new MetricTensorFunction(circuit, options)`. */
export function metricTensor(
  circuit: Circuit,
  options: { approximation?: MetricApproximation; trainable?: readonly string[] } = {},
): MetricTensorFunction {
  return new MetricTensorFunction(circuit, options);
}
