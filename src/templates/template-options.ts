import { QforgeError, check } from "../util/errors.js";

/**
 * Runtime checks for template options. Options arrive typed from TypeScript callers but untyped from saved
 * JSON, so every template validates what it is given with these and names the template in each message.
 */

/** The options object itself: `undefined` means "all defaults"; unknown keys are refused (they are typos). */
export function checkOptions(
  options: unknown,
  allowed: readonly string[],
  where: string,
): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  check(
    typeof options === "object" && options !== null && !Array.isArray(options),
    `${where}: options must be an object`,
  );
  for (const key of Object.keys(options))
    check(allowed.includes(key), `${where}: unknown option "${key}" (known: ${allowed.join(", ")})`);
  return options as Record<string, unknown>;
}

/** A whole number ≥ `min`, or `fallback` when absent. */
export function intOption(
  value: unknown,
  name: string,
  fallback: number,
  min: number,
  where: string,
): number {
  if (value === undefined) return fallback;
  check(
    typeof value === "number" && Number.isInteger(value) && value >= min,
    `${where}: ${name} must be an integer ≥ ${min}, got ${String(value)}`,
  );
  return value;
}

/** A finite number (positive when `positive`), or `fallback` when absent. */
export function numberOption(
  value: unknown,
  name: string,
  fallback: number,
  where: string,
  positive = false,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number")
    throw new QforgeError("INVALID_ARGUMENT", `${where}: ${name} must be a number, got ${String(value)}`);
  if (!Number.isFinite(value))
    throw new QforgeError("NON_FINITE", `${where}: ${name} is ${value}; a finite number is required`);
  check(!positive || value > 0, `${where}: ${name} must be positive, got ${value}`);
  return value;
}

/** A boolean, or `fallback` when absent. */
export function boolOption(value: unknown, name: string, fallback: boolean, where: string): boolean {
  if (value === undefined) return fallback;
  check(typeof value === "boolean", `${where}: ${name} must be true or false, got ${String(value)}`);
  return value;
}

/** One of `choices`, or `fallback` when absent. */
export function enumOption<T extends string>(
  value: unknown,
  name: string,
  choices: readonly T[],
  fallback: T,
  where: string,
): T {
  if (value === undefined) return fallback;
  check(
    typeof value === "string" && (choices as readonly string[]).includes(value),
    `${where}: ${name} must be one of ${choices.map((c) => `"${c}"`).join(", ")}, got ${JSON.stringify(value)}`,
  );
  return value as T;
}

/** A qubit count: an integer ≥ `min`. */
export function checkNumQubits(n: unknown, where: string, min = 1): number {
  check(
    typeof n === "number" && Number.isInteger(n) && n >= min,
    `${where}: the number of qubits must be an integer ≥ ${min}, got ${String(n)}`,
  );
  return n;
}
