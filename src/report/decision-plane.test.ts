import { describe, expect, it } from "vitest";
import { decisionPlane } from "./decision-plane.js";

describe("decisionPlane", () => {
  const X = Array.from({ length: 40 }, (_, i) => [
    Math.cos(i) * 3 + 10,
    Math.sin(i) * 0.5 - 2,
    i % 3,
    (i * 7) % 5,
  ]);

  it("maps every cell centre back to a feature row that projects onto that centre", () => {
    const plane = decisionPlane(X, 6);
    expect(plane.cells).toHaveLength(36);
    expect(plane.cellRows).toHaveLength(36);
    const projected = plane.project(plane.cellRows);
    plane.cells.forEach((c, k) => {
      expect(projected[k]![0]).toBeCloseTo((c.x + c.x2) / 2, 9);
      expect(projected[k]![1]).toBeCloseTo((c.y + c.y2) / 2, 9);
    });
    expect(plane.xTitle).toMatch(/^PC 1 \(\d+ % of variance\)$/);
    expect(plane.description).toContain("not a 2-D refit");
  });

  it("covers the training rows and the extra rows", () => {
    const far = [[40, 5, 1, 1]];
    const plane = decisionPlane(X, 5, far);
    const [px, py] = plane.project(far)[0]!;
    const xs = plane.cells.flatMap((c) => [c.x, c.x2]),
      ys = plane.cells.flatMap((c) => [c.y, c.y2]);
    expect(px).toBeGreaterThan(Math.min(...xs));
    expect(px).toBeLessThan(Math.max(...xs));
    expect(py).toBeGreaterThan(Math.min(...ys));
    expect(py).toBeLessThan(Math.max(...ys));
  });
});
