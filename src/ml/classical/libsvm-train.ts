// libsvm-js's asm.js build loads synchronously (its default wasm entry is async); it is a CommonJS module.
import LibSVM from "libsvm-js/asm.js";
import { QforgeError } from "../../util/errors.js";
import type { KernelSpec } from "./svm-kernel.js";

/** Solver settings passed to libsvm. */
export interface LibsvmParams {
  type: "c_svc" | "epsilon_svr";
  /** A feature kernel, or "precomputed" (rows are then `[serial, K(x_i, x_1..x_l)]`). */
  kernel: KernelSpec | "precomputed";
  C: number;
  /** ε of epsilon-SVR. */
  epsilon: number;
  tol: number;
  cacheSize: number;
  shrinking: boolean;
}

/** What libsvm learned, read from its model text. */
export interface LibsvmModel {
  /** Class labels in libsvm's order (classification only). */
  labels: number[];
  /** Support vectors per class, in `labels` order (classification only). */
  nSupport: number[];
  /** Row positions (0-based, into the rows passed in) of the support vectors, grouped by class. */
  svPositions: number[];
  /** (classes − 1) × nSV dual coefficients yα (one row for regression). */
  coef: number[][];
  /** libsvm's intercepts as printed (6 significant digits); exact ones are recomputed from the coefficients. */
  rhoPrinted: number[];
}

const KERNEL_CODES = {
  linear: LibSVM.KERNEL_TYPES.LINEAR,
  poly: LibSVM.KERNEL_TYPES.POLYNOMIAL,
  rbf: LibSVM.KERNEL_TYPES.RBF,
  sigmoid: LibSVM.KERNEL_TYPES.SIGMOID,
} as const;

/**
 * Trains libsvm on `rows` (features, or precomputed kernel rows) and returns the model's coefficients. The
 * native model is freed before returning, so nothing leaks in the emscripten heap. Deterministic: C-SVC and
 * ε-SVR training draw no random numbers.
 */
export function trainLibsvm(rows: number[][], targets: number[], params: LibsvmParams): LibsvmModel {
  const kernel = params.kernel;
  const svm = new LibSVM({
    type: params.type === "c_svc" ? LibSVM.SVM_TYPES.C_SVC : LibSVM.SVM_TYPES.EPSILON_SVR,
    kernel: kernel === "precomputed" ? LibSVM.KERNEL_TYPES.PRECOMPUTED : KERNEL_CODES[kernel.kernel],
    ...(kernel === "precomputed" ? {} : { gamma: kernel.gamma, degree: kernel.degree, coef0: kernel.coef0 }),
    cost: params.C,
    epsilon: params.epsilon,
    tolerance: params.tol,
    cacheSize: params.cacheSize,
    shrinking: params.shrinking,
    probabilityEstimates: false,
    quiet: true,
  });
  try {
    svm.train(rows, targets);
    const text = svm.serializeModel();
    const svPositions = svm.getSVIndices();
    return { ...parseModelText(text), svPositions };
  } catch (e) {
    if (e instanceof QforgeError) throw e;
    throw new QforgeError("INVALID_DATA", `libsvm training failed: ${(e as Error).message}`, { cause: e });
  } finally {
    svm.free();
  }
}

function parseModelText(text: string): Omit<LibsvmModel, "svPositions"> {
  const lines = text.split("\n");
  const header = new Map<string, string[]>();
  let i = 0;
  for (; i < lines.length && lines[i]!.trim() !== "SV"; i++) {
    const [key, ...values] = lines[i]!.trim().split(/\s+/);
    if (key !== undefined && key !== "") header.set(key, values);
  }
  const nrClass = Number(header.get("nr_class")?.[0]);
  const totalSv = Number(header.get("total_sv")?.[0]);
  if (!Number.isInteger(nrClass) || !Number.isInteger(totalSv))
    throw new QforgeError("INVALID_DATA", "libsvm returned an unreadable model");
  const coef: number[][] = Array.from({ length: nrClass - 1 }, () => []);
  for (let s = 0; s < totalSv; s++) {
    const tokens = (lines[i + 1 + s] ?? "").trim().split(/\s+/);
    for (let r = 0; r < nrClass - 1; r++) coef[r]!.push(Number(tokens[r]));
  }
  return {
    labels: (header.get("label") ?? []).map(Number),
    nSupport: (header.get("nr_sv") ?? []).map(Number),
    coef,
    rhoPrinted: (header.get("rho") ?? []).map(Number),
  };
}
