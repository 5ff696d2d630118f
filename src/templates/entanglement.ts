import { QforgeError, check } from "../util/errors.js";

/** Named entanglement strategies, as in Qiskit's `get_entangler_map`. */
export type EntanglementStrategy = "full" | "linear" | "reverse_linear" | "circular" | "pairwise" | "sca";

/**
 * Which qubit blocks an entangling gate (or a multi-qubit Pauli term) acts on: a named strategy, or an
 * explicit list of qubit index sets such as `[[0, 1], [1, 2]]`.
 */
export type Entanglement = EntanglementStrategy | readonly (readonly number[])[];

/** Every named strategy, in documentation order. */
export const ENTANGLEMENT_STRATEGIES: readonly EntanglementStrategy[] = Object.freeze([
  "full",
  "linear",
  "reverse_linear",
  "circular",
  "pairwise",
  "sca",
]);

/**
 * The qubit index sets of size `blockSize` that a strategy produces on `numQubits` qubits, following
 * Qiskit's definitions exactly (including their order, which fixes the gate order and so the circuit):
 *
 * - `full`: all combinations in lexicographic order, `[0,1], [0,2], …, [n−2,n−1]`;
 * - `linear`: `[0,1], [1,2], …, [n−2,n−1]` (blocks of consecutive qubits);
 * - `reverse_linear`: `linear` backwards, `[n−2,n−1], …, [0,1]`;
 * - `circular`: n blocks starting at each qubit, with the wrap-around block FIRST:
 *   `[n−1,0], [0,1], …, [n−2,n−1]` for pairs, `[2,3,0], [3,0,1], [0,1,2], [1,2,3]` for triples on 4 qubits
 *   (equal to `linear` when `blockSize` is 1 or equals `numQubits`);
 * - `pairwise` (blocks of ≤ 2): the even pairs `[0,1], [2,3], …` then the odd ones `[1,2], [3,4], …`;
 * - `sca` (shifted circular alternating): `circular` rotated right by `offset` blocks, each block reversed when
 *   `offset` is odd. Templates pass the repetition index as `offset`.
 *
 * An explicit list yields its sets of size `blockSize`, in order. A block larger than the circuit yields no sets.
 *
 * @example
 * ```ts
 * entanglerMap(4, 2, "circular"); // [[3, 0], [0, 1], [1, 2], [2, 3]]
 * entanglerMap(3, 2, "full");     // [[0, 1], [0, 2], [1, 2]]
 * ```
 */
export function entanglerMap(
  numQubits: number,
  blockSize: number,
  entanglement: Entanglement,
  offset = 0,
): number[][] {
  check(
    Number.isInteger(blockSize) && blockSize >= 1,
    `entanglement block size must be a positive integer, got ${blockSize}`,
  );
  if (typeof entanglement !== "string")
    return entanglement.filter((s) => s.length === blockSize).map((s) => [...s]);
  const n = numQubits,
    k = blockSize;
  if (k > n) return [];
  const linear = (): number[][] =>
    Array.from({ length: n - k + 1 }, (_, s) => Array.from({ length: k }, (_, i) => s + i));
  const circular = (): number[][] => {
    if (k === 1 || k === n) return linear();
    const start = n - k + 1; // Qiskit's historic first block: [n−k+1, …, n−1, 0]
    return Array.from({ length: n }, (_, s) => Array.from({ length: k }, (_, i) => (start + s + i) % n));
  };
  switch (entanglement) {
    case "full":
      return combinations(n, k);
    case "linear":
      return linear();
    case "reverse_linear":
      return linear().reverse();
    case "circular":
      return circular();
    case "pairwise": {
      check(k <= 2, `"pairwise" entanglement is for blocks of at most 2 qubits, got ${k}`);
      const lin = linear();
      return k === 1 ? lin : [...lin.filter((_, i) => i % 2 === 0), ...lin.filter((_, i) => i % 2 === 1)];
    }
    case "sca": {
      const circ = circular();
      const split = (circ.length - (offset % circ.length)) % circ.length;
      const shifted = [...circ.slice(split), ...circ.slice(0, split)];
      return offset % 2 === 1 ? shifted.map((s) => s.reverse()) : shifted;
    }
    default:
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `unknown entanglement "${String(entanglement)}" (use ${ENTANGLEMENT_STRATEGIES.join(", ")}, or a list of qubit index sets)`,
      );
  }
}

/** All k-subsets of 0…n−1 in lexicographic order. */
function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    out.push([...idx]);
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return out;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/**
 * Validates an entanglement option (from code or JSON): a known strategy name, or a list of index sets whose
 * qubits are in range and distinct and whose sizes are in `blockSizes`. Returns a frozen copy.
 */
export function checkEntanglement(
  value: unknown,
  numQubits: number,
  blockSizes: readonly number[],
  where: string,
): Entanglement {
  if (typeof value === "string") {
    check(
      (ENTANGLEMENT_STRATEGIES as readonly string[]).includes(value),
      `${where}: unknown entanglement "${value}" (use ${ENTANGLEMENT_STRATEGIES.join(", ")}, or a list of qubit index sets)`,
    );
    if (value === "pairwise")
      check(
        blockSizes.every((k) => k <= 2),
        `${where}: "pairwise" entanglement is for blocks of at most 2 qubits`,
      );
    return value as EntanglementStrategy;
  }
  check(
    Array.isArray(value),
    `${where}: entanglement must be a strategy name or a list of qubit index sets, got ${String(value)}`,
  );
  return Object.freeze(
    value.map((set: unknown, i) => {
      check(Array.isArray(set), `${where}: entanglement entry ${i} must be a list of qubit indices`);
      for (const q of set)
        if (typeof q !== "number" || !Number.isInteger(q) || q < 0 || q >= numQubits)
          throw new QforgeError(
            "QUBIT_OUT_OF_RANGE",
            `${where}: entanglement entry ${i} [${set.join(", ")}] names qubit ${String(q)}, outside 0…${numQubits - 1}`,
          );
      check(
        new Set(set).size === set.length,
        `${where}: entanglement entry ${i} [${set.join(", ")}] repeats a qubit`,
      );
      check(
        blockSizes.includes(set.length),
        `${where}: entanglement entry ${i} [${set.join(", ")}] has ${set.length} qubit(s); blocks here act on ${blockSizes.join(" or ")}`,
      );
      return Object.freeze([...(set as number[])]);
    }),
  );
}

/** JSON form of an entanglement option (a string or a plain nested array). */
export function entanglementToJSON(e: Entanglement): string | number[][] {
  return typeof e === "string" ? e : e.map((s) => [...s]);
}
