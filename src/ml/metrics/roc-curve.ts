import { QforgeError } from "../../util/errors.js";
import { uniqueSorted } from "../data/check-labels.js";
import { checkPair } from "./check-pair.js";

/** Points of a ROC curve, from (0, 0) at threshold +∞ to (1, 1) at the lowest score. */
export interface RocCurve {
  /** False-positive rate at each threshold. */
  fpr: number[];
  /** True-positive rate at each threshold. */
  tpr: number[];
  /** Decreasing thresholds: a sample counts as positive when its score is ≥ the threshold. The first is Infinity. */
  thresholds: number[];
}

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** The positive class (default: the larger of the two labels). */
  posLabel?: number;
  /** Leave out points on straight segments, which do not change the curve's shape or area (default true, as in scikit-learn). */
  dropIntermediate?: boolean;
}

/**
 * The receiver operating characteristic of binary scores: one point per distinct score, computed as
 * scikit-learn's `roc_curve`.
 *
 * @example
 * ```ts
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [Infinity, 0.8, 0.4, 0.35, 0.1]
 * ```
 */
export function rocCurve(
  yTrue: readonly number[],
  scores: readonly number[],
  options: RocCurveOptions = {},
): RocCurve {
  checkPair(yTrue, scores, "scores");
  const classes = uniqueSorted(yTrue);
  if (classes.length > 2)
    throw new QforgeError(
      "INVALID_DATA",
      `rocCurve needs binary labels; yTrue has ${classes.length} (${classes.join(", ")})`,
    );
  const posLabel = options.posLabel ?? classes[classes.length - 1]!;
  const order = Array.from({ length: yTrue.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);

  // Cumulative counts at the last sample of each run of equal scores.
  let tps: number[] = [];
  let fps: number[] = [];
  let thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  order.forEach((idx, t) => {
    if (yTrue[idx] === posLabel) tp++;
    else fp++;
    const next = order[t + 1];
    if (next === undefined || scores[next] !== scores[idx]) {
      tps.push(tp);
      fps.push(fp);
      thresholds.push(scores[idx]!);
    }
  });
  if (tp === 0 || fp === 0) {
    throw new QforgeError(
      "INVALID_DATA",
      `rocCurve needs both positive (label ${posLabel}) and negative samples; found ${tp} positive, ${fp} negative`,
    );
  }

  if (options.dropIntermediate ?? true) {
    // Keep the ends and every point where the curve bends.
    const keep = tps.map((_, i) => {
      if (i === 0 || i === tps.length - 1) return true;
      const bendsF = fps[i - 1]! - 2 * fps[i]! + fps[i + 1]! !== 0;
      const bendsT = tps[i - 1]! - 2 * tps[i]! + tps[i + 1]! !== 0;
      return bendsF || bendsT;
    });
    tps = tps.filter((_, i) => keep[i]);
    fps = fps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }

  return {
    fpr: [0, ...fps.map((v) => v / fp)],
    tpr: [0, ...tps.map((v) => v / tp)],
    thresholds: [Infinity, ...thresholds],
  };
}
