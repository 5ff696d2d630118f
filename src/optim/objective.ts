/**
 * A cost function of a parameter vector: the simplest objective `minimize` accepts.
 *
 * @example
 * ```ts
 * const f: ObjectiveFunction = (x) => (x[0]! - 1) ** 2;
 * ```
 */
export type ObjectiveFunction = (x: Float64Array) => number;

/**
 * A value together with its gradient, as returned by {@link ObjectiveObject.valueAndGradient}.
 *
 * @example
 * ```ts
 * const vg = (x: Float64Array): ValueAndGradient => ({ value: x[0]! ** 2, gradient: [2 * x[0]!] });
 * ```
 */
export interface ValueAndGradient {
  value: number;
  gradient: ArrayLike<number>;
}

/**
 * Per-coordinate box bounds `[lower, upper]`; use `-Infinity`/`Infinity` for an open side.
 *
 * @example
 * ```ts
 * const bounds: Bounds = [[-1, 1], [0, Infinity]];
 * ```
 */
export type Bounds = ReadonlyArray<readonly [number, number]>;

/**
 * A cost function with optional extra information. Only `value` is required.
 *
 * - `gradient` / `valueAndGradient`: analytic derivatives. Gradient-based optimizers given neither fall back
 *   to central finite differences (2·P extra evaluations per gradient, step 1e-6·max(1, |x_i|)).
 * - `metricTensor`: the P×P metric (row-major), e.g. the Fubini–Study metric of a variational circuit;
 *   required by {@link QNG}.
 * - `bounds`: box bounds, honoured by every optimizer except Rotosolve (see {@link minimize}).
 *
 * The optimizers pass each function a fresh copy of the point, so keeping a reference to it is safe.
 *
 * @example
 * ```ts
 * const quadratic: ObjectiveObject = {
 *   value: (x) => x[0]! ** 2 + 3 * x[1]! ** 2,
 *   gradient: (x) => Float64Array.of(2 * x[0]!, 6 * x[1]!),
 * };
 * ```
 */
export interface ObjectiveObject {
  value(x: Float64Array): number;
  gradient?(x: Float64Array): ArrayLike<number>;
  valueAndGradient?(x: Float64Array): ValueAndGradient;
  metricTensor?(x: Float64Array): ArrayLike<number>;
  bounds?: Bounds;
}

/**
 * Anything `minimize` can minimise: a plain function or an {@link ObjectiveObject}.
 *
 * @example
 * ```ts
 * const objective: Objective = (x) => Math.cos(x[0]!);
 * ```
 */
export type Objective = ObjectiveFunction | ObjectiveObject;
