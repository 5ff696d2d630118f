import type { z } from "zod";
import { QforgeError } from "../../util/errors.js";

/** One problem in a config file: where (`models[1].optimizer.learning_rate`) and what. */
export interface ConfigIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** `models[1].optimizer.learning_rate` from ["models", 1, "optimizer", "learning_rate"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("") ||
    "(top level)"
  );
}

/**
 * One error listing every problem, one per line, each starting with its field path.
 *
 * @example
 * ```ts
 * throw configError("exp.yaml", [{ path: ["seed"], message: "expected a whole number, got 1.5" }]);
 * ```
 */
export function configError(source: string, issues: readonly ConfigIssue[]): QforgeError {
  const lines = issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  const what = issues.length === 1 ? "a problem" : `${issues.length} problems`;
  return new QforgeError("INVALID_ARGUMENT", `${source} has ${what}:\n${lines.join("\n")}`);
}

/** Plain-words messages for zod issues (parse with `reportInput: true` so values can be quoted). */
export function configIssuesFromZod(error: z.ZodError, knownFields: ReadonlySet<string>): ConfigIssue[] {
  return error.issues.flatMap((issue) => describe(issue as Issue, knownFields));
}

type Issue = z.core.$ZodIssue & { input?: unknown };

function describe(issue: Issue, known: ReadonlySet<string>): ConfigIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const got = "input" in issue && issue.input !== undefined ? `, got ${show(issue.input)}` : "";
  // A message the schema wrote itself (zod's own start with "Invalid", "Too small", …) says it best.
  const own = !/^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(issue.message);
  if (own && issue.code !== "invalid_union" && issue.code !== "custom")
    return [{ path, message: `${issue.message}${Array.isArray(issue.input) ? "" : got}` }];
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return [{ path, message: "missing (this field is required)" }];
      return [{ path, message: `expected ${typeWord(issue.expected)}${got}` }];
    case "too_small": {
      if (issue.origin === "array" || issue.origin === "set")
        return [
          {
            path,
            message: `needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? "entry" : "entries"}`,
          },
        ];
      if (issue.origin === "string") return [{ path, message: `must not be empty` }];
      const min = Number(issue.minimum);
      const what =
        min === 0 && !issue.inclusive
          ? "a positive number"
          : `a number ${issue.inclusive ? "≥" : ">"} ${min}`;
      return [{ path, message: `expected ${what}${got}` }];
    }
    case "too_big": {
      if (issue.origin === "array" || issue.origin === "set")
        return [{ path, message: `takes at most ${issue.maximum} entries` }];
      return [
        { path, message: `expected a number ${issue.inclusive ? "≤" : "<"} ${Number(issue.maximum)}${got}` },
      ];
    }
    case "invalid_value":
      return [
        {
          path,
          message:
            issue.values.length === 1
              ? `expected ${show(issue.values[0])}${got}`
              : `expected one of ${issue.values.map((v) => String(v)).join(", ")}${got}`,
        },
      ];
    case "unrecognized_keys":
      return issue.keys.map((k) => ({ path: [...path, k], message: `unknown field${suggest(k, known)}` }));
    case "invalid_union": {
      const disc = issue as unknown as { discriminator?: string; options?: unknown[]; note?: string };
      if (disc.note === "No matching discriminator" && disc.options) {
        const input = issue.input as Record<string, unknown> | undefined;
        const value =
          input !== null && typeof input === "object" && disc.discriminator
            ? input[disc.discriminator]
            : input;
        const gotDisc = value === undefined ? " (missing)" : `, got ${show(value)}`;
        return [{ path, message: `expected one of ${disc.options.map(String).join(", ")}${gotDisc}` }];
      }
      // A union of different shapes (a name or a list, say): when exactly one branch accepted the shape of the
      // input, its own, deeper problems are the useful ones.
      const shaped = issue.errors.filter(
        (branch) =>
          !branch.some(
            (b) => b.path.length === 0 && (b.code === "invalid_type" || b.code === "invalid_value"),
          ),
      );
      if (shaped.length === 1)
        return shaped[0]!.flatMap((b) =>
          describe({ ...(b as Issue), path: [...issue.path, ...b.path] }, known),
        );
      return [{ path, message: `${issue.message}${got}` }];
    }
    case "custom":
      return [{ path, message: issue.message }];
    case "invalid_format":
      return [{ path, message: `${issue.message}${got}` }];
    default:
      return [{ path, message: `${issue.message}${got}` }];
  }
}

function typeWord(expected: string): string {
  switch (expected) {
    case "number":
      return "a number";
    case "int":
      return "a whole number";
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "object":
      return "a mapping (field: value)";
    case "array":
    case "tuple":
      return "a list";
    default:
      return expected;
  }
}

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return String(v);
}

function suggest(key: string, known: ReadonlySet<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
