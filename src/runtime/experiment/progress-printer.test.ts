import { describe, expect, it } from "vitest";
import type { ExperimentEvent } from "./experiment-events.js";
import { createProgressPrinter } from "./progress-printer.js";

function events(): ExperimentEvent[] {
  const base = { index: 0, total: 2, name: "vqc" };
  return [
    { type: "data", rows: 10, features: 2, trainRows: 7, testRows: 3 },
    { type: "model-start", ...base, maxIterations: 100 },
    ...Array.from({ length: 100 }, (_, i): ExperimentEvent => ({
      type: "step",
      ...base,
      iteration: i + 1,
      maxIterations: 100,
      loss: 1 / (i + 1),
    })),
    { type: "phase", ...base, phase: "scoring" },
    { type: "model-done", ...base, seconds: 1.234, metric: "accuracy", value: 0.9 },
    { type: "interrupted", kept: ["vqc"], notRun: ["svc_rbf"] },
    { type: "writing", dir: "runs/x" },
  ];
}

/** Replays events on a clock that advances 100 ms per event. */
function replay(mode: "bar" | "lines" | "quiet") {
  const written: string[] = [];
  const lines: string[] = [];
  let t = 0;
  const print = createProgressPrinter(
    mode,
    { write: (s) => written.push(s), line: (s) => lines.push(s) },
    { now: () => (t += 100) },
  );
  for (const e of events()) print(e);
  return { written, lines };
}

describe("progress output", () => {
  it("plain lines: start, a line every 5 s at most, done, stop, writing", () => {
    const { written, lines } = replay("lines");
    expect(written).toEqual([]);
    expect(lines[0]).toBe("data: 10 rows, 2 features (7 train / 3 test)");
    expect(lines[1]).toBe("[1/2] vqc: training (at most 100 iterations)");
    const periodic = lines.filter((l) => l.includes("iteration "));
    expect(periodic.length).toBe(2); // 100 steps × 100 ms = 10 s
    expect(periodic[0]).toMatch(/^\[1\/2\] vqc: iteration 50\/100, loss 0\.0200 \(5\.\d s\)$/);
    expect(lines.slice(-3)).toEqual([
      "[1/2] vqc: done in 1.23 s, test accuracy 0.900",
      "stopped: kept vqc; not run: svc_rbf",
      "writing runs/x",
    ]);
  });

  it("a terminal bar redraws one line and leaves one line per finished model", () => {
    const { written, lines } = replay("bar");
    expect(written[0]).toBe("\r\x1b[2K[1/2] vqc  training…");
    expect(
      written.some((w) =>
        w.startsWith(`\r\x1b[2K[1/2] vqc  ${"█".repeat(12)}${"░".repeat(12)}  50/100  loss 0.0200  `),
      ),
    ).toBe(true);
    expect(written.filter((w) => w === "\r\x1b[2K").length).toBe(1); // cleared once, before the done line
    expect(lines).toContain("[1/2] vqc: done in 1.23 s, test accuracy 0.900");
  });

  it("quiet prints nothing", () => {
    const { written, lines } = replay("quiet");
    expect([...written, ...lines]).toEqual([]);
  });
});
