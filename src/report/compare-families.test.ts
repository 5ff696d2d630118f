import { describe, expect, it } from "vitest";
import { compareFamilies } from "./compare-families.js";

const model = (name: string, family: "quantum" | "classical", value: number | null, metric = "accuracy") => ({
  name,
  family,
  test: { [metric]: value },
});

describe("compareFamilies", () => {
  it("says which family was better, by how many points and samples, and whether that is noise", () => {
    const c = compareFamilies(
      [
        model("qsvc", "quantum", 0.953),
        model("vqc", "quantum", 0.965),
        model("svc", "classical", 0.988),
        model("lr", "classical", 0.9),
      ],
      "accuracy",
      171,
    );
    expect(c.winner).toBe("classical");
    expect(c.bestQuantum).toEqual({ name: "vqc", value: 0.965 });
    expect(c.sentence).toBe(
      "The best classical baseline, svc (test accuracy 0.988), did better than the best quantum model, vqc (0.965): 2.3 percentage points, or 4 of the 171 test samples. A gap this small is within what a different random split could change.",
    );
    const big = compareFamilies([model("q", "quantum", 0.6), model("c", "classical", 0.95)], "accuracy", 200);
    expect(big.sentence).toBe(
      "The best classical baseline, c (test accuracy 0.950), did better than the best quantum model, q (0.600): 35.0 percentage points, or 70 of the 200 test samples.",
    );
  });

  it("quantum wins, ties, regression and missing families", () => {
    expect(
      compareFamilies([model("q", "quantum", 0.9), model("c", "classical", 0.7)], "accuracy", 100).winner,
    ).toBe("quantum");
    expect(
      compareFamilies([model("q", "quantum", 1), model("c", "classical", 1)], "accuracy", 100),
    ).toMatchObject({ winner: "tie", sentence: expect.stringContaining("did equally well") });
    const r = compareFamilies(
      [model("vqr", "quantum", 0.48, "r2"), model("ridge", "classical", 0.47, "r2")],
      "r2",
      133,
    );
    expect(r.sentence).toBe(
      "The best quantum model, vqr (test R² 0.480), did better than the best classical baseline, ridge (0.470): a difference of 0.010 in test R². A gap this small is within what a different random split could change.",
    );
    expect(compareFamilies([model("q", "quantum", 0.9)], "accuracy", 10).sentence).toBe(
      "No classical baseline was run; the best quantum model, q, reached test accuracy 0.900.",
    );
    expect(compareFamilies([model("c", "classical", 0.9)], "accuracy", 10).sentence).toContain(
      "No quantum model finished",
    );
    expect(compareFamilies([], "accuracy", 10).winner).toBeNull();
  });
});
