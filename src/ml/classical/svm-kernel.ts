import { QforgeError, check } from "../../util/errors.js";
import { checkMatrix } from "../data/check-matrix.js";
import type { FeatureMatrix } from "../estimator.js";

/** Kernels of {@link SVC} and {@link SVR}. `precomputed` means X already holds kernel values. */
export type SvmKernelName = "rbf" | "linear" | "poly" | "sigmoid" | "precomputed";

/** Kernel with its resolved parameters. */
export interface KernelSpec {
  kernel: Exclude<SvmKernelName, "precomputed">;
  gamma: number;
  degree: number;
  coef0: number;
}

/** `gamma` choices: a positive number, `"scale"` = 1 / (features · Var(X)) or `"auto"` = 1 / features (scikit-learn's meanings). */
export type GammaOption = number | "scale" | "auto";

/**
 * Resolves `gamma` against training data like scikit-learn: `"scale"` uses the variance of all entries of X
 * (population variance) and falls back to 1 when X is constant.
 *
 * @example
 * ```ts
 * resolveGamma("scale", [[0, 2], [2, 0]]); // 1 / (2 · 1) = 0.5
 * ```
 */
export function resolveGamma(gamma: GammaOption, X: FeatureMatrix): number {
  const { rows, cols } = checkMatrix(X);
  if (gamma === "auto") return 1 / cols;
  if (gamma === "scale") {
    let sum = 0;
    for (const row of X) for (const v of row) sum += v;
    const mean = sum / (rows * cols);
    let ss = 0;
    for (const row of X) for (const v of row) ss += (v - mean) ** 2;
    const variance = ss / (rows * cols);
    return variance > 0 ? 1 / (cols * variance) : 1;
  }
  check(
    Number.isFinite(gamma) && gamma > 0,
    `gamma must be a positive number, "scale" or "auto"; got ${String(gamma)}`,
  );
  return gamma;
}

/**
 * One kernel value k(a, b): rbf exp(−γ‖a−b‖²), linear a·b, poly (γ a·b + coef0)^degree, sigmoid tanh(γ a·b + coef0),
 * the same definitions as libsvm and scikit-learn.
 *
 * @example
 * ```ts
 * kernelValue({ kernel: "rbf", gamma: 0.5, degree: 3, coef0: 0 }, [0, 0], [1, 1]); // exp(-1)
 * ```
 */
export function kernelValue(spec: KernelSpec, a: readonly number[], b: readonly number[]): number {
  if (spec.kernel === "rbf") {
    let d2 = 0;
    for (let j = 0; j < a.length; j++) {
      const d = a[j]! - b[j]!;
      d2 += d * d;
    }
    return Math.exp(-spec.gamma * d2);
  }
  let dot = 0;
  for (let j = 0; j < a.length; j++) dot += a[j]! * b[j]!;
  switch (spec.kernel) {
    case "linear":
      return dot;
    case "poly":
      return (spec.gamma * dot + spec.coef0) ** spec.degree;
    case "sigmoid":
      return Math.tanh(spec.gamma * dot + spec.coef0);
    default:
      throw new QforgeError("INVALID_ARGUMENT", `unknown kernel "${String(spec.kernel)}"`);
  }
}

/** Options of {@link kernelMatrix}. */
export interface KernelMatrixOptions {
  /** Kernel (default "rbf"). */
  kernel?: Exclude<SvmKernelName, "precomputed">;
  /** Kernel width/scale; a number here (default 1). */
  gamma?: number;
  /** Degree of `poly` (default 3). */
  degree?: number;
  /** Offset of `poly` and `sigmoid` (default 0). */
  coef0?: number;
}

/**
 * The kernel (Gram) matrix K[i][j] = k(A[i], B[j]): pass it to an SVC or SVR with `kernel: "precomputed"`
 * (training: A = B = training rows; prediction: A = new rows, B = training rows).
 *
 * @example
 * ```ts
 * const K = kernelMatrix(Xtrain, Xtrain, { kernel: "rbf", gamma: 0.1 });
 * const Ktest = kernelMatrix(Xtest, Xtrain, { kernel: "rbf", gamma: 0.1 });
 * ```
 */
export function kernelMatrix(
  A: FeatureMatrix,
  B: FeatureMatrix,
  options: KernelMatrixOptions = {},
): number[][] {
  const a = checkMatrix(A, "A");
  const b = checkMatrix(B, "B");
  check(a.cols === b.cols, `kernelMatrix: A has ${a.cols} columns but B has ${b.cols}`);
  const spec: KernelSpec = {
    kernel: options.kernel ?? "rbf",
    gamma: options.gamma ?? 1,
    degree: options.degree ?? 3,
    coef0: options.coef0 ?? 0,
  };
  return A.map((x) => B.map((z) => kernelValue(spec, x, z)));
}
