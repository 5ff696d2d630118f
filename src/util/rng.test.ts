import { describe, expect, it } from "vitest";
import { Rng } from "./rng.js";

describe("Rng", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = new Rng(7),
      b = new Rng(7),
      c = new Rng(8);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });
  it("gives uniform [0,1) with the right mean and variance", () => {
    const r = new Rng(1);
    let s = 0,
      s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      s += x;
      s2 += x * x;
    }
    // Standard error of the mean is sqrt(1/12/n) ≈ 6.5e-4; 5 sigma bounds.
    expect(Math.abs(s / n - 0.5)).toBeLessThan(3.3e-3);
    expect(Math.abs(s2 / n - (s * s) / n / n - 1 / 12)).toBeLessThan(3e-3);
  });
  it("normal() has mean 0 and variance 1", () => {
    const r = new Rng(3);
    let s = 0,
      s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.016);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });
  it("rejects non-integer seeds", () => {
    expect(() => new Rng(0.5)).toThrow(/seed must be an integer/);
  });
});
