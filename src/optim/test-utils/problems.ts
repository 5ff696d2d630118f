/**
 * Test problems with known minima, shared by the optimizer tests (excluded from the build).
 */
import type { ObjectiveObject } from "../objective.js";

/**
 * The n-dimensional Rosenbrock function Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1),
 * with its analytic gradient.
 */
export function rosenbrock(): ObjectiveObject & {
  value(x: Float64Array): number;
  gradient(x: Float64Array): Float64Array;
} {
  return {
    value(x) {
      let s = 0;
      for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
      return s;
    },
    gradient(x) {
      const g = new Float64Array(x.length);
      for (let i = 0; i + 1 < x.length; i++) {
        const t = x[i + 1]! - x[i]! ** 2;
        g[i] = g[i]! - 400 * x[i]! * t - 2 * (1 - x[i]!);
        g[i + 1] = g[i + 1]! + 200 * t;
      }
      return g;
    },
  };
}

/** Σ c_i (x_i − s_i)², minimum 0 at s, with its gradient. */
export function shiftedQuadratic(
  c: readonly number[],
  s: readonly number[],
): ObjectiveObject & { value(x: Float64Array): number; gradient(x: Float64Array): Float64Array } {
  return {
    value: (x) => c.reduce((acc, ci, i) => acc + ci * (x[i]! - s[i]!) ** 2, 0),
    gradient: (x) => Float64Array.from(c, (ci, i) => 2 * ci * (x[i]! - s[i]!)),
  };
}

// ---------------------------------------------------------------------------------------------------
// A tiny VQE: H = Z⊗Z + 0.5·(X⊗I + I⊗X) on two qubits (basis index b = q0 + 2·q1, qubit 0 least
// significant), ansatz |ψ(θ)⟩ = (RY(θ2) ⊗ RY(θ3)) · CNOT(0→1) · (RY(θ0) ⊗ RY(θ1)) |00⟩, all amplitudes
// real. Every θ_i enters one RY, so the energy is A·sin(θ_i + B) + C in each coordinate.
// ---------------------------------------------------------------------------------------------------

/** H as a dense 4×4 real symmetric matrix (row-major). */
export function vqeHamiltonian(): Float64Array {
  const h = new Float64Array(16);
  for (let b = 0; b < 4; b++) {
    const q0 = b & 1;
    const q1 = (b >> 1) & 1;
    h[b * 4 + b] = q0 === q1 ? 1 : -1; // Z⊗Z
    h[b * 4 + (b ^ 1)] = h[b * 4 + (b ^ 1)]! + 0.5; // X on qubit 0
    h[b * 4 + (b ^ 2)] = h[b * 4 + (b ^ 2)]! + 0.5; // X on qubit 1
  }
  return h;
}

/** RY(θ) on `qubit` of a real 2-qubit state, in place: [[cos θ/2, −sin θ/2], [sin θ/2, cos θ/2]]. */
function applyRy(state: Float64Array, qubit: number, theta: number): void {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const bit = 1 << qubit;
  for (let b = 0; b < 4; b++) {
    if (b & bit) continue;
    const a0 = state[b]!;
    const a1 = state[b | bit]!;
    state[b] = c * a0 - s * a1;
    state[b | bit] = s * a0 + c * a1;
  }
}

/** |ψ(θ)⟩ of the 4-parameter ansatz. */
export function vqeState(theta: ArrayLike<number>): Float64Array {
  const state = Float64Array.of(1, 0, 0, 0);
  applyRy(state, 0, theta[0]!);
  applyRy(state, 1, theta[1]!);
  // CNOT with control qubit 0, target qubit 1: swaps |q0=1,q1=0⟩ (b=1) and |q0=1,q1=1⟩ (b=3).
  const t = state[1]!;
  state[1] = state[3]!;
  state[3] = t;
  applyRy(state, 0, theta[2]!);
  applyRy(state, 1, theta[3]!);
  return state;
}

/** ⟨ψ(θ)|H|ψ(θ)⟩. */
export function vqeEnergy(theta: ArrayLike<number>): number {
  const h = vqeHamiltonian();
  const psi = vqeState(theta);
  let e = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) e += psi[i]! * h[i * 4 + j]! * psi[j]!;
  return e;
}

/** Exact parameter-shift gradient: ∂E/∂θ_i = (E(θ + π/2·e_i) − E(θ − π/2·e_i)) / 2. */
export function vqeGradient(theta: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: theta.length }, (_, i) => {
    const plus = Array.from(theta);
    const minus = Array.from(theta);
    plus[i] = plus[i]! + Math.PI / 2;
    minus[i] = minus[i]! - Math.PI / 2;
    return (vqeEnergy(plus) - vqeEnergy(minus)) / 2;
  });
}

/**
 * Fubini–Study metric g_ij = Re⟨∂_iψ|∂_jψ⟩ − ⟨∂_iψ|ψ⟩⟨ψ|∂_jψ⟩ (P×P, row-major), using the exact
 * derivative d/dθ RY(θ) = ½ RY(θ + π), i.e. ∂_iψ(θ) = ½ ψ(θ + π·e_i).
 */
export function vqeMetric(theta: ArrayLike<number>): Float64Array {
  const p = theta.length;
  const psi = vqeState(theta);
  const derivatives = Array.from({ length: p }, (_, i) => {
    const shifted = Array.from(theta);
    shifted[i] = shifted[i]! + Math.PI;
    return vqeState(shifted).map((a) => a / 2);
  });
  const inner = (u: Float64Array, v: Float64Array): number => u.reduce((acc, ui, k) => acc + ui * v[k]!, 0);
  const g = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      g[i * p + j] =
        inner(derivatives[i]!, derivatives[j]!) - inner(derivatives[i]!, psi) * inner(psi, derivatives[j]!);
    }
  }
  return g;
}

/**
 * Smallest eigenvalue of the 4×4 symmetric `h`, independently of the ansatz: power iteration on
 * s·I − h with s = 2 ≥ the largest eigenvalue (‖h‖∞ = 2), whose dominant eigenvector is h's ground state.
 */
export function smallestEigenvalue(h: Float64Array, n = 4, iterations = 2000): number {
  const shift = 2;
  let v = Float64Array.from({ length: n }, (_, i) => 1 + 0.1 * i);
  for (let it = 0; it < iterations; it++) {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      w[i] = shift * v[i]!;
      for (let j = 0; j < n; j++) w[i] = w[i]! - h[i * n + j]! * v[j]!;
    }
    const norm = Math.hypot(...w);
    v = w.map((x) => x / norm);
  }
  let rayleigh = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rayleigh += v[i]! * h[i * n + j]! * v[j]!;
  return rayleigh;
}

/** The VQE cost as an objective object with the exact gradient and metric. */
export function vqeObjective(): ObjectiveObject {
  return { value: (x) => vqeEnergy(x), gradient: (x) => vqeGradient(x), metricTensor: (x) => vqeMetric(x) };
}

/** A generic starting point for the VQE tests (away from the symmetric points). */
export const VQE_START: readonly number[] = [0.3, -0.4, 0.2, 0.1];

/** max_i |x_i − target_i|. */
export function maxAbsError(x: ArrayLike<number>, target: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i]! - target[i]!));
  return e;
}

/** The shifted quadratic used across the tests: Σ c_i (x_i − s_i)² with condition number 8. */
export const QUADRATIC_C: readonly number[] = [1, 4, 0.5, 2];
export const QUADRATIC_S: readonly number[] = [0.5, -1, 2, 3];

/** Exact ground energy of the VQE Hamiltonian (checked in problems.test.ts). */
export const VQE_GROUND_ENERGY = -Math.SQRT2;
