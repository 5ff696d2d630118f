/** Small dense-vector helpers shared by the optimizers (internal; not part of the public API). */

/** Σ a_i·b_i over the common length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Euclidean norm ‖a‖₂. */
export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** Formats a vector for an error message, showing at most `limit` entries. */
export function formatVector(x: ArrayLike<number>, limit = 8): string {
  const shown = Array.from({ length: Math.min(x.length, limit) }, (_, i) => String(x[i]));
  if (x.length > limit) shown.push(`… (${x.length} entries)`);
  return `[${shown.join(", ")}]`;
}
