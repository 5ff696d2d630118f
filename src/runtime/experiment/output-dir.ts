import { accessSync, constants, existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { QforgeError } from "../../util/errors.js";

/** The file that marks a folder as holding a qforge run (written last). */
export const RESOLVED_CONFIG_FILE = "config.resolved.yaml";
/** Files a run writes besides the model files. */
export const RUN_FILES = [
  "metrics.json",
  "report.html",
  "test-predictions.csv",
  RESOLVED_CONFIG_FILE,
] as const;
/** Model files are named model-NAME.json. */
export const MODEL_FILE = /^model-[A-Za-z0-9][A-Za-z0-9_.-]*\.json$/;

/** What the output folder holds before a run. */
export type OutputState = "new" | "empty" | "same-run" | "other-run" | "foreign";

/** Options of {@link checkOutputDir}. */
export interface OutputPolicy {
  /** Replace whatever run the folder holds, or write into a non-empty folder. */
  readonly force?: boolean;
  /** Replace a previous run of the same config only. */
  readonly rerun?: boolean;
}

/**
 * Decides, before any work, whether a run may write into `dir`: a new or empty folder is fine; a folder
 * with a previous run of the same config needs `force` or `rerun`; a folder with a different run or other
 * files needs `force`. `resolvedYaml` is the new run's resolved config, compared with the stored one.
 *
 * @example
 * ```ts
 * checkOutputDir("runs/demo", yamlText, { force: false }); // "new"
 * ```
 */
export function checkOutputDir(dir: string, resolvedYaml: string, policy: OutputPolicy): OutputState {
  const state = outputState(dir, resolvedYaml);
  const flag = "pass --force to replace it, or choose another folder with --out";
  switch (state) {
    case "new":
      checkCreatable(dir);
      return state;
    case "empty":
      return state;
    case "same-run":
      if (policy.force || policy.rerun) return state;
      throw new QforgeError(
        "IO_ERROR",
        `${dir} already holds a previous run of this same config; pass --rerun (or --force) to replace it, or choose another folder with --out`,
      );
    case "other-run":
      if (policy.force) return state;
      throw new QforgeError(
        "IO_ERROR",
        `${dir} already holds a run of a different config (${describeRun(dir)}); ${policy.rerun ? "--rerun only replaces a run of the same config; " : ""}${flag}`,
      );
    case "foreign":
      if (policy.force) return state;
      throw new QforgeError(
        "IO_ERROR",
        `${dir} is not empty and does not hold a qforge run; choose a new folder with --out, or pass --force to write the run's files into it (other files are left alone)`,
      );
  }
}

/**
 * Removes the files of a previous run (its fixed files and model-*.json) from a folder that holds one, so a
 * replaced run leaves no stale model files. Other files are never touched.
 */
export function removePreviousRun(dir: string, state: OutputState): void {
  if (state !== "same-run" && state !== "other-run") return;
  for (const f of readdirSync(dir))
    if (MODEL_FILE.test(f) || (RUN_FILES as readonly string[]).includes(f))
      rmSync(join(dir, f), { force: true });
}

function outputState(dir: string, resolvedYaml: string): OutputState {
  if (!existsSync(dir)) return "new";
  if (!statSync(dir).isDirectory())
    throw new QforgeError(
      "IO_ERROR",
      `the output ${dir} exists and is not a folder; choose a folder with --out`,
    );
  const entries = readdirSync(dir);
  if (entries.length === 0) return "empty";
  if (!entries.includes(RESOLVED_CONFIG_FILE)) return "foreign";
  let stored: unknown;
  try {
    stored = parse(readFileSync(join(dir, RESOLVED_CONFIG_FILE), "utf8"));
  } catch {
    return "other-run";
  }
  return JSON.stringify(stored) === JSON.stringify(parse(resolvedYaml)) ? "same-run" : "other-run";
}

function describeRun(dir: string): string {
  try {
    const stored = parse(readFileSync(join(dir, RESOLVED_CONFIG_FILE), "utf8")) as { name?: unknown };
    return typeof stored.name === "string" ? `name "${stored.name}"` : "an unnamed run";
  } catch {
    return `an unreadable ${RESOLVED_CONFIG_FILE}`;
  }
}

/** The nearest existing ancestor must be a writable folder. */
function checkCreatable(dir: string): void {
  let p = resolve(dir);
  while (!existsSync(p)) p = dirname(p);
  if (!statSync(p).isDirectory())
    throw new QforgeError("IO_ERROR", `cannot create the output folder ${dir}: ${p} is a file`);
  try {
    accessSync(p, constants.W_OK);
  } catch {
    throw new QforgeError("IO_ERROR", `cannot create the output folder ${dir}: ${p} is not writable`);
  }
}
