/** Machine-readable category of a {@link QforgeError}. */
export type QforgeErrorCode =
  | "INVALID_ARGUMENT"
  | "QUBIT_OUT_OF_RANGE"
  | "UNKNOWN_GATE"
  | "WRONG_ARITY"
  | "UNBOUND_PARAMETER"
  | "NON_FINITE"
  | "OUT_OF_MEMORY"
  | "PARSE_ERROR"
  | "UNSUPPORTED"
  | "INVALID_DATA"
  | "IO_ERROR"
  | "INVALID_MODEL_FILE";

/**
 * The one error type qforge throws for bad input. `code` lets programs branch on the kind of problem;
 * `message` says what was wrong in words a user can act on.
 *
 * @example
 * ```ts
 * try { new Circuit(2).h(5); } catch (e) { if (e instanceof QforgeError) console.log(e.code); } // QUBIT_OUT_OF_RANGE
 * ```
 */
export class QforgeError extends Error {
  readonly code: QforgeErrorCode;
  constructor(code: QforgeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "QforgeError";
    this.code = code;
  }
}

/** Throws INVALID_ARGUMENT with `message` unless `condition` holds. */
export function check(
  condition: unknown,
  message: string,
  code: QforgeErrorCode = "INVALID_ARGUMENT",
): asserts condition {
  if (!condition) throw new QforgeError(code, message);
}

/** Throws NON_FINITE if `value` is NaN or ±Infinity; `what` names the value in the message. */
export function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new QforgeError("NON_FINITE", `${what} is ${value}; a finite number is required`);
}
