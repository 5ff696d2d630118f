import { QforgeError, check } from "../util/errors.js";

/**
 * Parameter values for a run. Either a record from parameter name to a number (one binding) or an array
 * (a batch: element b is the value in binding b; scalars are broadcast), or a (batch × P) Float64Array whose
 * columns follow `circuit.parameters`.
 */
export type Bindings = Readonly<Record<string, number | ArrayLike<number>>> | Float64Array;

/** Bindings as a dense (batch × P) matrix aligned with `names`. */
export interface BindingMatrix {
  readonly batch: number;
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/** Normalises user bindings for a circuit with parameters `names`, with clear errors for every mismatch. */
export function normalizeBindings(names: readonly string[], bindings: Bindings | undefined): BindingMatrix {
  const P = names.length;
  if (bindings instanceof Float64Array) {
    check(
      P > 0 ? bindings.length % P === 0 && bindings.length > 0 : bindings.length === 0,
      `a bindings matrix for ${P} parameter(s) must have a multiple of ${P} entries, got ${bindings.length}`,
    );
    const batch = P > 0 ? bindings.length / P : 1;
    checkAllFinite(names, bindings, batch);
    return { batch, names, values: bindings };
  }
  const record = bindings ?? {};
  const known = new Set(names);
  // Messages are built only on failure: these checks run per binding call, over every parameter.
  for (const key of Object.keys(record))
    if (!known.has(key))
      check(false, `the circuit has no parameter "${key}" (it has: ${names.join(", ") || "none"})`);
  let batch = -1;
  for (const n of names) {
    const v = record[n];
    if (v === undefined)
      throw new QforgeError(
        "UNBOUND_PARAMETER",
        `parameter "${n}" has no value; pass it in the bindings (circuit parameters: ${names.join(", ")})`,
      );
    if (typeof v !== "number") {
      if (batch !== -1 && v.length !== batch)
        check(false, `bindings have different batch sizes: "${n}" has ${v.length} values, others ${batch}`);
      batch = v.length;
    }
  }
  if (batch === -1) batch = 1;
  check(batch > 0, "bindings with an empty batch");
  const values = new Float64Array(batch * P);
  names.forEach((n, j) => {
    const v = record[n]!;
    for (let b = 0; b < batch; b++) values[b * P + j] = typeof v === "number" ? v : v[b]!;
  });
  checkAllFinite(names, values, batch);
  return { batch, names, values };
}

function checkAllFinite(names: readonly string[], values: Float64Array, batch: number): void {
  const P = names.length;
  for (let b = 0; b < batch; b++)
    for (let j = 0; j < P; j++) {
      const x = values[b * P + j]!;
      if (!Number.isFinite(x))
        throw new QforgeError(
          "NON_FINITE",
          `parameter "${names[j]}" is ${x} in binding ${b}; angles must be finite`,
        );
    }
}
