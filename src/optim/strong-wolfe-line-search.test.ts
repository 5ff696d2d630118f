import { describe, expect, it } from "vitest";
import { strongWolfeLineSearch } from "./strong-wolfe-line-search.js";

describe("strongWolfeLineSearch", () => {
  const line = (f: (a: number) => number, df: (a: number) => number) => (alpha: number) => ({
    value: f(alpha),
    slope: df(alpha),
    data: alpha,
  });

  it("returns a step satisfying both strong Wolfe conditions, zooming when the first step overshoots", () => {
    // φ(α) = (α − 3)² − 9 + α⁴/100 from α = 0 (φ' = −6); a first step of 10 overshoots.
    const f = (a: number): number => (a - 3) ** 2 - 9 + a ** 4 / 100;
    const df = (a: number): number => 2 * (a - 3) + a ** 3 / 25;
    for (const first of [10, 0.01]) {
      const r = strongWolfeLineSearch(line(f, df), f(0), df(0), first)!;
      expect(r.satisfied).toBe(true);
      expect(r.trial.value).toBeLessThanOrEqual(f(0) + 1e-4 * r.alpha * df(0));
      expect(Math.abs(r.trial.slope)).toBeLessThanOrEqual(0.9 * Math.abs(df(0)));
      expect(r.trial.data).toBe(r.alpha);
    }
  });

  it("returns the best point unsatisfied when the budget runs out", () => {
    const r = strongWolfeLineSearch(
      line(
        (a) => -a,
        () => -1,
      ),
      0,
      -1,
      1,
      { maxEvaluations: 3 },
    )!;
    expect(r.satisfied).toBe(false);
    expect(r.alpha).toBe(4); // 1, 2, 4: a linear descent never meets the curvature condition
  });
});
