import { METRIC_LABELS, formatMetric } from "./format-metric.js";

/** The best quantum and the best classical model on the comparison metric, and a sentence saying which won. */
export interface FamilyComparison {
  readonly metric: string;
  readonly bestQuantum: { readonly name: string; readonly value: number } | null;
  readonly bestClassical: { readonly name: string; readonly value: number } | null;
  readonly winner: "quantum" | "classical" | "tie" | null;
  /** One plain sentence (or two), e.g. "The best classical baseline, svc_rbf (test accuracy 0.988), did better …". */
  readonly sentence: string;
}

interface Scored {
  readonly name: string;
  readonly family: "quantum" | "classical";
  readonly test: Readonly<Record<string, number | null>>;
}

/**
 * Compares the best quantum model with the best classical baseline on a higher-is-better test metric
 * (accuracy or R²) and says in plain words which was better and by how much — for accuracy also in test
 * samples, and whether a gap that small is within what another random split could change.
 *
 * @example
 * ```ts
 * compareFamilies([{ name: "qsvc", family: "quantum", test: { accuracy: 0.953 } },
 *                  { name: "svc_rbf", family: "classical", test: { accuracy: 0.988 } }], "accuracy", 171).sentence;
 * // "The best classical baseline, svc_rbf (test accuracy 0.988), did better than the best quantum model, qsvc (0.953): …"
 * ```
 */
export function compareFamilies(
  models: readonly Scored[],
  metric: string,
  testRows: number,
): FamilyComparison {
  const best = (family: Scored["family"]) => {
    let top: { name: string; value: number } | null = null;
    for (const m of models) {
      const v = m.test[metric];
      if (
        m.family === family &&
        typeof v === "number" &&
        Number.isFinite(v) &&
        (top === null || v > top.value)
      )
        top = { name: m.name, value: v };
    }
    return top;
  };
  const q = best("quantum"),
    c = best("classical");
  const label = `test ${METRIC_LABELS[metric] ?? metric}`;
  if (q === null && c === null)
    return {
      metric,
      bestQuantum: null,
      bestClassical: null,
      winner: null,
      sentence: "No model finished, so there is nothing to compare.",
    };
  if (c === null)
    return {
      metric,
      bestQuantum: q,
      bestClassical: null,
      winner: null,
      sentence: `No classical baseline was run; the best quantum model, ${q!.name}, reached ${label} ${formatMetric(q!.value)}.`,
    };
  if (q === null)
    return {
      metric,
      bestQuantum: null,
      bestClassical: c,
      winner: null,
      sentence: `No quantum model finished; the best classical baseline, ${c.name}, reached ${label} ${formatMetric(c.value)}.`,
    };

  const isAccuracy = metric === "accuracy";
  const diff = q.value - c.value;
  const sameScore = isAccuracy ? Math.round(Math.abs(diff) * testRows) === 0 : Math.abs(diff) < 0.005;
  if (sameScore)
    return {
      metric,
      bestQuantum: q,
      bestClassical: c,
      winner: "tie",
      sentence: `The best quantum model, ${q.name}, and the best classical baseline, ${c.name}, did equally well (${label} ${formatMetric(q.value)} and ${formatMetric(c.value)}).`,
    };

  const [w, l, wFam, lFam] =
    diff > 0 ? [q, c, "quantum model", "classical baseline"] : [c, q, "classical baseline", "quantum model"];
  let gap: string;
  if (isAccuracy) {
    const samples = Math.round(Math.abs(diff) * testRows);
    gap = `${(100 * Math.abs(diff)).toFixed(1)} percentage points, or ${samples} of the ${testRows} test samples`;
    // Standard error of a difference between two accuracies near p on n samples.
    const p = (q.value + c.value) / 2;
    const se = Math.sqrt((2 * p * (1 - p)) / testRows);
    if (Math.abs(diff) < 2 * se)
      gap += `. A gap this small is within what a different random split could change`;
  } else {
    gap = `a difference of ${Math.abs(diff).toFixed(3)} in ${label}`;
    if (Math.abs(diff) < 0.03)
      gap += `. A gap this small is within what a different random split could change`;
  }
  return {
    metric,
    bestQuantum: q,
    bestClassical: c,
    winner: diff > 0 ? "quantum" : "classical",
    sentence: `The best ${wFam}, ${w.name} (${label} ${formatMetric(w.value)}), did better than the best ${lFam}, ${l.name} (${formatMetric(l.value)}): ${gap}.`,
  };
}
