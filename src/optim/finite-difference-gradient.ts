/**
 * Relative step of {@link finiteDifferenceGradient}: h_i = 1e-6·max(1, |x_i|).
 *
 * @example
 * ```ts
 * const h = FINITE_DIFFERENCE_STEP * Math.max(1, Math.abs(x[i]!));
 * ```
 */
export const FINITE_DIFFERENCE_STEP = 1e-6;

/**
 * Central finite-difference gradient: ∂f/∂x_i ≈ (f(x + h_i e_i) − f(x − h_i e_i)) / (2 h_i) with
 * h_i = 1e-6·max(1, |x_i|), which balances the O(h²) truncation error against rounding (≈ 1e-10 relative).
 * Costs 2·P evaluations. Near a bound the step on that side is shortened so no evaluation leaves the box
 * (the difference is then off-centre); a coordinate whose bounds coincide gets derivative 0.
 *
 * @example
 * ```ts
 * finiteDifferenceGradient((x) => x[0]! ** 2, Float64Array.of(3)); // ≈ [6]
 * ```
 */
export function finiteDifferenceGradient(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  lower?: ArrayLike<number>,
  upper?: ArrayLike<number>,
): Float64Array {
  const n = x.length;
  const gradient = new Float64Array(n);
  const probe = Float64Array.from(x);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const h = FINITE_DIFFERENCE_STEP * Math.max(1, Math.abs(xi));
    const forward = Math.max(0, Math.min(h, (upper?.[i] ?? Infinity) - xi));
    const backward = Math.max(0, Math.min(h, xi - (lower?.[i] ?? -Infinity)));
    if (forward + backward === 0) continue;
    const hi = xi + forward;
    const lo = xi - backward;
    probe[i] = hi;
    const fPlus = f(Float64Array.from(probe));
    probe[i] = lo;
    const fMinus = f(Float64Array.from(probe));
    probe[i] = xi;
    gradient[i] = (fPlus - fMinus) / (hi - lo); // the representable step, not the nominal one
  }
  return gradient;
}
