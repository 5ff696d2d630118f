import { z } from "zod";
import { QforgeError, check } from "../../util/errors.js";
import { checkMatrix } from "../data/check-matrix.js";
import type { FeatureMatrix } from "../estimator.js";
import { kernelValue, type GammaOption, type KernelSpec, type SvmKernelName } from "./svm-kernel.js";

/** Options shared by {@link SVC} and {@link SVR}. */
export interface SvmOptions {
  /** Kernel (default "rbf"). With "precomputed", X passed to fit/predict holds kernel values (see the class docs). */
  kernel?: SvmKernelName;
  /** Penalty of margin violations (default 1). */
  C?: number;
  /** Kernel width for rbf/poly/sigmoid (default "scale" = 1 / (features · Var(X)), as scikit-learn). */
  gamma?: GammaOption;
  /** Degree of the poly kernel (default 3). */
  degree?: number;
  /** Offset of the poly and sigmoid kernels (default 0). */
  coef0?: number;
  /** Solver stopping tolerance (default 1e-3, as libsvm and scikit-learn). */
  tol?: number;
  /** libsvm kernel cache in MB (default 200). */
  cacheSize?: number;
  /** libsvm's shrinking heuristic (default true). */
  shrinking?: boolean;
}

/** zod fields of the shared SVM options in model files. */
export const svmParamsShape = {
  kernel: z.enum(["rbf", "linear", "poly", "sigmoid", "precomputed"]),
  C: z.number().positive(),
  gamma: z.union([z.number().positive(), z.literal("scale"), z.literal("auto")]),
  degree: z.number().int().nonnegative(),
  coef0: z.number(),
  tol: z.number().positive(),
  cacheSize: z.number().positive(),
  shrinking: z.boolean(),
};

/** Resolved SVM settings (defaults filled in). */
export type SvmParams = Required<SvmOptions>;

/** Fills in defaults and checks the shared SVM options. */
export function svmDefaults(options: SvmOptions): SvmParams {
  const p: SvmParams = {
    kernel: options.kernel ?? "rbf",
    C: options.C ?? 1,
    gamma: options.gamma ?? "scale",
    degree: options.degree ?? 3,
    coef0: options.coef0 ?? 0,
    tol: options.tol ?? 1e-3,
    cacheSize: options.cacheSize ?? 200,
    shrinking: options.shrinking ?? true,
  };
  check(
    ["rbf", "linear", "poly", "sigmoid", "precomputed"].includes(p.kernel),
    `unknown kernel "${p.kernel}"; use rbf, linear, poly, sigmoid or precomputed`,
  );
  check(Number.isFinite(p.C) && p.C > 0, `C must be positive, got ${p.C}`);
  check(
    p.gamma === "scale" || p.gamma === "auto" || (Number.isFinite(p.gamma) && p.gamma > 0),
    `gamma must be a positive number, "scale" or "auto"; got ${String(p.gamma)}`,
  );
  check(
    Number.isInteger(p.degree) && p.degree >= 0,
    `degree must be a non-negative integer, got ${p.degree}`,
  );
  check(Number.isFinite(p.coef0), `coef0 must be finite, got ${p.coef0}`);
  check(p.tol > 0 && p.cacheSize > 0, "tol and cacheSize must be positive");
  return p;
}

/** Validates a training Gram matrix: square, one row per target. */
export function checkTrainingKernel(K: FeatureMatrix, n: number): void {
  const { rows, cols } = checkMatrix(K, "K");
  if (rows !== n || cols !== n)
    throw new QforgeError(
      "INVALID_DATA",
      `a precomputed training kernel must be n × n with n = ${n} samples; got ${rows} × ${cols}`,
    );
}

/** k(x, sv) for each support vector: computed from features, or read from a precomputed row over the training set. */
export function kernelRow(
  row: readonly number[],
  state: { svIndices: readonly number[]; supportVectors: readonly (readonly number[])[] | null },
  spec: KernelSpec | undefined,
): number[] {
  if (spec === undefined || state.supportVectors === null) return state.svIndices.map((j) => row[j]!);
  return state.supportVectors.map((sv) => kernelValue(spec, row, sv));
}
