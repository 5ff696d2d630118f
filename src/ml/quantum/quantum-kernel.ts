import { Matrix, EigenvalueDecomposition } from "ml-matrix";
import { check } from "../../util/errors.js";
import { StateVectorSimulator } from "../../sim/statevector-simulator.js";
import { expectationPauli, innerProduct } from "../../sim/kernels/statevector-kernels.js";
import { type FeatureMap, type TemplateJSON } from "../../templates/feature-map.js";
import { encodedStates } from "./feature-states.js";

/** How to make a training Gram matrix positive semi-definite when rounding or noise broke it. */
export type PsdFix = "none" | "clip" | "shift";

/** A kernel function over feature rows, evaluated as whole matrices. */
export interface QuantumKernel {
  readonly featureMap: FeatureMap;
  /** K[i][j] = k(X_i, Y_j); with Y omitted, the symmetric Gram matrix of X. */
  evaluate(X: ReadonlyArray<ArrayLike<number>>, Y?: ReadonlyArray<ArrayLike<number>>): number[][];
  toJSON(): QuantumKernelJSON;
}

export interface QuantumKernelJSON {
  readonly type: "fidelity" | "projected" | "trainable-fidelity";
  readonly featureMap: TemplateJSON;
  readonly gamma?: number;
  readonly psdFix?: PsdFix;
  /** Trainable kernels: the layer applied before the feature map, and its fitted weights. */
  readonly ansatz?: TemplateJSON;
  readonly weights?: readonly number[];
}

/**
 * The fidelity kernel k(x, y) = |⟨ψ(x)|ψ(y)⟩|², ψ(x) = U(x)|0⟩. On the state-vector backend the N states
 * are simulated once and the Gram matrix formed from their overlaps — N circuit runs, never N².
 *
 * @example
 * ```ts
 * const kernel = new FidelityQuantumKernel(new ZZFeatureMap(4, { reps: 2, entanglement: "linear" }));
 * const K = kernel.evaluate(Xtrain);          // n × n, ones on the diagonal
 * const Ktest = kernel.evaluate(Xtest, Xtrain); // m × n
 * ```
 */
export class FidelityQuantumKernel implements QuantumKernel {
  readonly featureMap: FeatureMap;
  readonly psdFix: PsdFix;
  private readonly simulator: StateVectorSimulator;

  constructor(featureMap: FeatureMap, options: { psdFix?: PsdFix; simulator?: StateVectorSimulator } = {}) {
    this.featureMap = featureMap;
    this.psdFix = options.psdFix ?? "clip";
    this.simulator = options.simulator ?? new StateVectorSimulator();
  }

  evaluate(X: ReadonlyArray<ArrayLike<number>>, Y?: ReadonlyArray<ArrayLike<number>>): number[][] {
    const states = (rows: ReadonlyArray<ArrayLike<number>>) =>
      encodedStates(this.featureMap, rows, this.simulator);
    return fidelityKernel(states, X, Y, this.psdFix);
  }

  toJSON(): QuantumKernelJSON {
    return { type: "fidelity", featureMap: this.featureMap.toJSON(), psdFix: this.psdFix };
  }
}

/**
 * A fidelity kernel from a state map: the PSD-fixed Gram matrix of X, or the cross-kernel against Y.
 * Each row's state is simulated once.
 */
export function fidelityKernel(
  states: (rows: ReadonlyArray<ArrayLike<number>>) => Float64Array[],
  X: ReadonlyArray<ArrayLike<number>>,
  Y: ReadonlyArray<ArrayLike<number>> | undefined,
  psdFix: PsdFix,
): number[][] {
  const sx = states(X);
  if (Y !== undefined) return fidelityCross(sx, states(Y));
  const K = fidelityGram(sx);
  return psdFix === "none" ? K : makePsd(K, psdFix);
}

/** Symmetric Gram matrix |⟨ψi|ψj⟩|² of a list of states (upper triangle computed, mirrored). */
export function fidelityGram(states: readonly Float64Array[]): number[][] {
  const n = states.length;
  const K = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    K[i]![i] = 1;
    for (let j = i + 1; j < n; j++) {
      const [re, im] = innerProduct(states[i]!, states[j]!);
      K[i]![j] = K[j]![i] = re * re + im * im;
    }
  }
  return K;
}

/** Cross-kernel |⟨a_i|b_j⟩|² between two lists of states. */
export function fidelityCross(a: readonly Float64Array[], b: readonly Float64Array[]): number[][] {
  return a.map((sa) =>
    b.map((sb) => {
      const [re, im] = innerProduct(sa, sb);
      return re * re + im * im;
    }),
  );
}

/**
 * The projected quantum kernel (Huang et al., Nat. Commun. 12, 2631 (2021)):
 * k(x, y) = exp(−γ Σ_q ‖ρ_q(x) − ρ_q(y)‖²_F) over the one-qubit reduced states, computed from the
 * Bloch vectors ⟨X_q⟩, ⟨Y_q⟩, ⟨Z_q⟩ (‖ρ − σ‖²_F = ½ ‖r − s‖²). Less prone to exponential concentration
 * than the fidelity kernel on many qubits.
 */
export class ProjectedQuantumKernel implements QuantumKernel {
  readonly featureMap: FeatureMap;
  readonly gamma: number;
  private readonly simulator: StateVectorSimulator;

  constructor(featureMap: FeatureMap, options: { gamma?: number; simulator?: StateVectorSimulator } = {}) {
    this.featureMap = featureMap;
    this.gamma = options.gamma ?? 1;
    check(
      this.gamma > 0 && Number.isFinite(this.gamma),
      `gamma must be a positive number, got ${this.gamma}`,
    );
    this.simulator = options.simulator ?? new StateVectorSimulator();
  }

  /** Bloch vectors of every qubit, per row: (rows × 3n). */
  blochVectors(X: ReadonlyArray<ArrayLike<number>>): Float64Array[] {
    const n = this.featureMap.numQubits;
    return encodedStates(this.featureMap, X, this.simulator).map((s) => {
      const v = new Float64Array(3 * n);
      for (let q = 0; q < n; q++) {
        const bit = 1 << q;
        v[3 * q] = expectationPauli(s, bit, 0, 0);
        v[3 * q + 1] = expectationPauli(s, bit, bit, 1);
        v[3 * q + 2] = expectationPauli(s, 0, bit, 0);
      }
      return v;
    });
  }

  evaluate(X: ReadonlyArray<ArrayLike<number>>, Y?: ReadonlyArray<ArrayLike<number>>): number[][] {
    const a = this.blochVectors(X);
    const b = Y === undefined ? a : this.blochVectors(Y);
    return a.map((u) =>
      b.map((v) => {
        let d = 0;
        for (let k = 0; k < u.length; k++) d += (u[k]! - v[k]!) ** 2;
        return Math.exp(-this.gamma * 0.5 * d);
      }),
    );
  }

  toJSON(): QuantumKernelJSON {
    return { type: "projected", featureMap: this.featureMap.toJSON(), gamma: this.gamma };
  }
}

/** Smallest eigenvalue of a symmetric matrix (for PSD checks). */
export function minEigenvalue(K: readonly (readonly number[])[]): number {
  const evd = new EigenvalueDecomposition(new Matrix(K.map((r) => [...r])), { assumeSymmetric: true });
  return Math.min(...evd.realEigenvalues);
}

/**
 * Returns a PSD version of a symmetric Gram matrix: "clip" zeroes negative eigenvalues (the nearest PSD
 * matrix in Frobenius norm), "shift" adds |λ_min|·I. Already-PSD matrices (λ_min ≥ −1e-12) come back unchanged.
 */
export function makePsd(K: number[][], fix: Exclude<PsdFix, "none">): number[][] {
  const n = K.length;
  if (n === 0) return K;
  const evd = new EigenvalueDecomposition(new Matrix(K), { assumeSymmetric: true });
  const lambda = evd.realEigenvalues;
  const lmin = Math.min(...lambda);
  if (lmin >= -1e-12) return K;
  if (fix === "shift") return K.map((row, i) => row.map((v, j) => (i === j ? v - lmin : v)));
  const V = evd.eigenvectorMatrix;
  const clipped = lambda.map((l) => Math.max(l, 0));
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += V.get(i, k) * clipped[k]! * V.get(j, k);
      out[i]![j] = out[j]![i] = s;
    }
  return out;
}
