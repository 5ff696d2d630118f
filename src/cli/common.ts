import { Circuit, QforgeError, StateVectorSimulator, parseQasm } from "../index.js";
import { readTextFile } from "../runtime/files.js";
import { createSimulator } from "../runtime/threaded-simulator.js";

/** Reads and parses an OpenQASM 2 or 3 file. */
export function loadCircuit(path: string): Circuit {
  return parseQasm(readTextFile(path), { fileName: path });
}

/** Parses repeated `--param name=value` options into bindings. */
export function parseParams(pairs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of pairs) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(p);
    if (!m) throw new QforgeError("INVALID_ARGUMENT", `--param expects name=value, got "${p}"`);
    const v = Number(m[2]);
    if (!Number.isFinite(v))
      throw new QforgeError("NON_FINITE", `--param ${m[1]}: "${m[2]}" is not a finite number`);
    out[m[1]!] = v;
  }
  return out;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new QforgeError("INVALID_ARGUMENT", `${name} must be a positive integer, got "${value}"`);
    return n;
  };
}

export function integer(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n))
      throw new QforgeError("INVALID_ARGUMENT", `${name} must be an integer, got "${value}"`);
    return n;
  };
}

/** The `--threads` and `--precision` options shared by the simulating commands. */
export interface SimulatorFlags {
  threads?: number;
  precision?: string;
}

/**
 * Runs `work` with a Node simulator built from the flags (threads default to every core, precision to
 * complex128) and releases its worker threads afterwards.
 */
export function withSimulator<T>(
  flags: SimulatorFlags,
  seed: number,
  work: (sim: StateVectorSimulator) => T,
): T {
  const precision = flags.precision ?? "complex128";
  if (precision !== "complex128" && precision !== "complex64")
    throw new QforgeError(
      "INVALID_ARGUMENT",
      `--precision must be complex128 or complex64, got "${precision}"`,
    );
  const sim = createSimulator({
    seed,
    precision,
    ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
  });
  try {
    return work(sim);
  } finally {
    sim.release();
  }
}
