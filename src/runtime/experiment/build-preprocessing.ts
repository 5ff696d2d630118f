import { MinMaxScaler, PCA, StandardScaler, type Transformer } from "../../ml/index.js";
import { QforgeError } from "../../util/errors.js";
import type { PreprocessStep } from "./experiment-config-schema.js";

/**
 * Checks preprocessing steps against the data shape and returns the number of features they produce.
 * `where` names the config field in messages (`models[0].preprocess`).
 *
 * @example
 * ```ts
 * preprocessedWidth(["standard", { pca: 4 }], 30, 398, "preprocess"); // 4
 * ```
 */
export function preprocessedWidth(
  steps: readonly PreprocessStep[],
  features: number,
  trainRows: number,
  where: string,
): number {
  let width = features;
  steps.forEach((s, i) => {
    if (typeof s === "object" && "pca" in s) {
      const most = Math.min(width, trainRows);
      if (s.pca > most)
        throw new QforgeError(
          "INVALID_ARGUMENT",
          `${where}[${i}].pca: ${s.pca} components, but the data allows at most ${most} (min of ${width} features and ${trainRows} training rows)`,
        );
      width = s.pca;
    } else if (typeof s === "object" && "minmax" in s && !(s.minmax[0] < s.minmax[1]))
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `${where}[${i}].minmax: the low end must be below the high end, got [${s.minmax.join(", ")}]`,
      );
  });
  return width;
}

/**
 * Fresh, unfitted transformers for preprocessing steps.
 *
 * @example
 * ```ts
 * buildPreprocessing(["standard", { pca: 4 }, { minmax: [0, Math.PI] }]); // [StandardScaler, PCA, MinMaxScaler]
 * ```
 */
export function buildPreprocessing(steps: readonly PreprocessStep[]): Transformer[] {
  return steps.map((s) => {
    if (s === "standard") return new StandardScaler();
    if ("pca" in s) return new PCA(s.pca);
    return new MinMaxScaler([s.minmax[0], s.minmax[1]]);
  });
}

/** "standard → PCA 10 → min-max [0, π]". */
export function describePreprocessing(steps: readonly PreprocessStep[]): string {
  if (steps.length === 0) return "none (features as given)";
  return steps
    .map((s) =>
      s === "standard"
        ? "standardize"
        : "pca" in s
          ? `PCA ${s.pca}`
          : `min-max [${s.minmax.map(showAngle).join(", ")}]`,
    )
    .join(" → ");
}

function showAngle(v: number): string {
  for (const [k, text] of [
    [1, "π"],
    [-1, "−π"],
    [2, "2π"],
    [0.5, "π/2"],
  ] as const)
    if (Math.abs(v - k * Math.PI) < 1e-12) return text;
  return String(v);
}
