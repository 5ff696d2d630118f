import { QforgeError } from "../util/errors.js";

/** d f/dθ = Σ coefficients[m] · f(θ + shifts[m]) for f(θ) = ⟨ψ|U(θ)† H U(θ)|ψ⟩. */
export interface ShiftRule {
  readonly shifts: readonly number[];
  readonly coefficients: readonly number[];
}

/**
 * The general parameter-shift rule of a gate exp(−iθG) from the eigenvalues of G (Wierichs et al.,
 * Quantum 6, 677 (2022)). The expectation is a trigonometric polynomial whose frequencies are the
 * differences of eigenvalues; when they are the multiples ω₀, 2ω₀, …, Rω₀ of a base frequency, 2R
 * evaluations at θ + x_μ/ω₀, x_μ = (2μ−1)π/(2R), give the exact derivative. R = 1 is the familiar
 * two-term rule (±π/2, ½); controlled rotations (eigenvalues 0, ±½) give R = 2: four terms.
 */
export function shiftRuleFromEigenvalues(eigenvalues: readonly number[]): ShiftRule {
  const diffs: number[] = [];
  for (const a of eigenvalues)
    for (const b of eigenvalues) {
      const d = Math.abs(a - b);
      if (d > 1e-9 && !diffs.some((x) => Math.abs(x - d) < 1e-9)) diffs.push(d);
    }
  if (diffs.length === 0) return { shifts: [], coefficients: [] };
  const base = Math.min(...diffs);
  const R = Math.round(Math.max(...diffs) / base);
  for (const d of diffs)
    if (Math.abs(d / base - Math.round(d / base)) > 1e-9)
      throw new QforgeError(
        "UNSUPPORTED",
        `generator frequencies ${diffs.join(", ")} are not multiples of one base frequency`,
      );
  const shifts: number[] = [],
    coefficients: number[] = [];
  for (let mu = 1; mu <= 2 * R; mu++) {
    const x = ((2 * mu - 1) * Math.PI) / (2 * R);
    shifts.push(x / base);
    coefficients.push((base * (mu % 2 === 1 ? 1 : -1)) / (4 * R * Math.sin(x / 2) ** 2));
  }
  return { shifts, coefficients };
}
