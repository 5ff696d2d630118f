import type { ExperimentEvent } from "./experiment-events.js";

/** How progress is shown: a redrawn bar (terminals), plain periodic lines (logs, CI), or nothing. */
export type ProgressMode = "bar" | "lines" | "quiet";

/** Where progress goes. */
export interface ProgressSink {
  /** Writes text as is (the bar redraws its line with "\r"). */
  readonly write: (text: string) => void;
  /** Writes one line. */
  readonly line: (text: string) => void;
}

/** Options of {@link createProgressPrinter}. */
export interface ProgressOptions {
  /** Least time between two periodic lines of one model in "lines" mode (default 5000 ms). */
  readonly intervalMs?: number;
  /** Least time between two redraws of the bar (default 100 ms). */
  readonly redrawMs?: number;
  /** Width of the bar in characters (default 24). */
  readonly barWidth?: number;
  /** Clock in milliseconds (default performance.now). */
  readonly now?: () => number;
}

/**
 * Turns experiment events into progress output: on a terminal one bar line redrawn in place
 * (`[2/5] vqc  ██████░░░░  45/100  loss 0.3120  1.2 s`) and a permanent line per finished model; otherwise a
 * line when a model starts and finishes and at most one line every few seconds in between; nothing when quiet.
 *
 * @example
 * ```ts
 * const print = createProgressPrinter("lines", { write: (s) => process.stderr.write(s), line: console.error });
 * await runExperiment(config, { onEvent: print });
 * ```
 */
export function createProgressPrinter(
  mode: ProgressMode,
  sink: ProgressSink,
  options: ProgressOptions = {},
): (event: ExperimentEvent) => void {
  if (mode === "quiet") return () => {};
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 5000;
  const redraw = options.redrawMs ?? 100;
  const width = options.barWidth ?? 24;
  let started = 0;
  let lastPrint = -Infinity;
  let barShown = false;
  const clearBar = () => {
    if (barShown) sink.write("\r\x1b[2K");
    barShown = false;
  };
  const tag = (e: { index: number; total: number; name: string }) => `[${e.index + 1}/${e.total}] ${e.name}`;
  const seconds = () => `${((now() - started) / 1000).toFixed(1)} s`;

  return (e) => {
    switch (e.type) {
      case "data":
        sink.line(`data: ${e.rows} rows, ${e.features} features (${e.trainRows} train / ${e.testRows} test)`);
        return;
      case "model-start":
        started = now();
        lastPrint = started;
        if (mode === "bar") {
          sink.write(`\r\x1b[2K${tag(e)}  training…`);
          barShown = true;
        } else
          sink.line(
            `${tag(e)}: training${e.maxIterations === null ? "" : ` (at most ${e.maxIterations} iterations)`}`,
          );
        return;
      case "step": {
        const t = now();
        if (mode === "bar") {
          if (t - lastPrint < redraw) return;
          lastPrint = t;
          const bar = e.maxIterations ? progressBar(e.iteration / e.maxIterations, width) : "";
          const count = e.maxIterations ? `${e.iteration}/${e.maxIterations}` : `iteration ${e.iteration}`;
          sink.write(`\r\x1b[2K${tag(e)}  ${bar}  ${count}  loss ${e.loss.toFixed(4)}  ${seconds()}`);
          barShown = true;
        } else if (t - lastPrint >= interval) {
          lastPrint = t;
          sink.line(
            `${tag(e)}: iteration ${e.iteration}${e.maxIterations ? `/${e.maxIterations}` : ""}, loss ${e.loss.toFixed(4)} (${seconds()})`,
          );
        }
        return;
      }
      case "phase":
        if (mode === "bar") {
          sink.write(`\r\x1b[2K${tag(e)}  ${e.phase}…  ${seconds()}`);
          barShown = true;
        }
        return;
      case "model-done": {
        clearBar();
        const score =
          e.value === null ? "" : `, test ${e.metric === "r2" ? "R²" : e.metric} ${e.value.toFixed(3)}`;
        sink.line(`${tag(e)}: done in ${e.seconds.toFixed(2)} s${score}`);
        return;
      }
      case "interrupted":
        clearBar();
        sink.line(
          `stopped: kept ${e.kept.length ? e.kept.join(", ") : "nothing"}${e.notRun.length ? `; not run: ${e.notRun.join(", ")}` : ""}`,
        );
        return;
      case "writing":
        clearBar();
        sink.line(`writing ${e.dir}`);
        return;
    }
  };
}

function progressBar(fraction: number, width: number): string {
  const full = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return "█".repeat(full) + "░".repeat(width - full);
}
