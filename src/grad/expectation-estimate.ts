import type { Rng } from "../util/rng.js";
import type { PauliSum } from "../observables/pauli-sum.js";
import { expectationPauli } from "../sim/kernels/statevector-kernels.js";

/** An expectation value with the variance of its estimate (0 when exact). */
export interface Estimate {
  readonly mean: number;
  readonly variance: number;
}

/**
 * ⟨H⟩ from `shots` measurements of each Pauli term in its own basis, as hardware would do it without
 * grouping: each term's ±1 outcomes are drawn from the exact state's distribution. Returns the
 * estimate and its variance Σ c_k² s_k² / N (s_k² the unbiased sample variance). Exact when shots is
 * undefined.
 */
export function estimateExpectation(
  state: Float64Array,
  h: PauliSum,
  shots: number | undefined,
  rng: Rng | undefined,
): Estimate {
  let mean = 0,
    variance = 0;
  for (const t of h.terms) {
    const c = t.coefficient[0];
    if (c === 0) continue;
    if (t.pauli.isIdentity) {
      mean += c;
      continue;
    }
    const exact = expectationPauli(state, t.pauli.xMask, t.pauli.zMask, t.pauli.numY);
    if (shots === undefined || !rng) {
      mean += c * exact;
      continue;
    }
    const pPlus = (1 + exact) / 2;
    let plus = 0;
    for (let s = 0; s < shots; s++) if (rng.next() < pPlus) plus++;
    const m = (2 * plus) / shots - 1;
    mean += c * m;
    const s2 = shots > 1 ? ((1 - m * m) * shots) / (shots - 1) : 1;
    variance += (c * c * s2) / shots;
  }
  return { mean, variance };
}
