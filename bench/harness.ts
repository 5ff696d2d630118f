/** Timing, machine description and markdown helpers for bench/run.ts. */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { WasmStateEngine } from "../src/sim/engine/state-engine.js";
import type { Precision } from "../src/sim/engine/plan-encoding.js";

/**
 * Wall-clock seconds of the fastest timed run. One untimed warm-up run first (JIT, first touch of a new
 * state's pages, worker start-up), then as many timed runs as fit the budget (at least one).
 */
export function timeBest(fn: () => void, options: { budgetSeconds?: number; maxRuns?: number } = {}): number {
  const budget = options.budgetSeconds ?? 2;
  const maxRuns = options.maxRuns ?? 5;
  let t = performance.now();
  fn();
  const first = (performance.now() - t) / 1000;
  let best = Infinity;
  const runs = Math.max(1, Math.min(maxRuns, Math.floor(budget / Math.max(first, 1e-6))));
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/** The same for async functions. */
export async function timeBestAsync(fn: () => Promise<void>, runs = 1): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/**
 * The unit of the report: one in-place pass over an n-qubit state — every amplitude read, multiplied by a
 * real number and written back — with the WebAssembly SIMD kernel (the fastest pass this process can
 * make; memory-bound for states beyond the caches). Best of many runs, in seconds.
 */
export function passSeconds(n: number, precision: Precision): number {
  const e = WasmStateEngine.create(n, precision);
  if (!e) throw new Error(`no WebAssembly engine for ${n} qubits`);
  e.resetToZero();
  e.scalePass(1);
  let best = Infinity;
  const reps = n >= 24 ? 15 : n >= 20 ? 40 : 200;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    e.scalePass(1);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly nproc: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly v8: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu,
    nproc: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
  };
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const fmt = (v: string | number) => (typeof v === "number" ? fmtNum(v) : v);
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(fmt).join(" | ")} |`),
  ].join("\n");
}

export function fmtNum(v: number): string {
  if (!Number.isFinite(v)) return "–";
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  if (a >= 0.01) return v.toFixed(3);
  return v.toPrecision(2);
}

/** Seconds in a readable unit. */
export function fmtTime(s: number): string {
  if (!Number.isFinite(s)) return "–";
  if (s >= 1) return `${s.toFixed(2)} s`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(s >= 0.1 ? 0 : 1)} ms`;
  return `${(s * 1e6).toFixed(0)} µs`;
}

/** Progress to stderr, so stdout stays the markdown report. */
export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}
