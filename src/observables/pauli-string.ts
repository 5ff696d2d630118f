import { QforgeError, check } from "../util/errors.js";

export type PauliChar = "X" | "Y" | "Z";

/**
 * A tensor product of single-qubit Paulis, e.g. `Z0 Z1` or `X2 Y5` (identity elsewhere), stored sorted by
 * qubit. Masks give the bit-level form the simulator uses: X and Y flip (xMask), Y and Z take signs (zMask).
 *
 * @example
 * ```ts
 * const p = PauliString.parse("Z0 Z1");
 * p.toString(); // "Z0 Z1"
 * ```
 */
export class PauliString {
  readonly ops: ReadonlyArray<readonly [number, PauliChar]>;

  constructor(ops: Iterable<readonly [number, PauliChar]> = []) {
    const m = new Map<number, PauliChar>();
    for (const [q, p] of ops) {
      check(
        Number.isInteger(q) && q >= 0,
        `Pauli on qubit ${q}: qubit indices are non-negative integers`,
        "QUBIT_OUT_OF_RANGE",
      );
      check(p === "X" || p === "Y" || p === "Z", `unknown Pauli "${p}" (use X, Y or Z)`);
      check(!m.has(q), `qubit ${q} appears twice in one Pauli string; multiply them with PauliSum instead`);
      m.set(q, p);
    }
    this.ops = [...m.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** Parses `Z0 Z1`, `X0*Y2`, `Z0@Z1` or `I` (identity). */
  static parse(text: string): PauliString {
    const t = text.trim();
    if (t === "" || t === "I") return new PauliString();
    const ops: [number, PauliChar][] = [];
    for (const tok of t.split(/[\s*@]+/).filter(Boolean)) {
      const m = /^([XYZI])(\d+)$/.exec(tok);
      if (!m)
        throw new QforgeError(
          "PARSE_ERROR",
          `cannot read Pauli factor "${tok}" in "${text}" (expected e.g. X0, Z3)`,
        );
      if (m[1] !== "I") ops.push([Number(m[2]), m[1] as PauliChar]);
    }
    return new PauliString(ops);
  }

  /**
   * The string with X on the bits of `xMask` only, Z on `zMask` only, Y on both: the inverse of
   * {@link PauliString.xMask} and {@link PauliString.zMask} (32-bit masks).
   *
   * @example
   * ```ts
   * PauliString.fromMasks(0b011, 0b110).toString(); // "X0 Y1 Z2"
   * ```
   */
  static fromMasks(xMask: number, zMask: number): PauliString {
    const ops: [number, PauliChar][] = [];
    for (let q = 0; (xMask | zMask) >>> q !== 0; q++) {
      const x = (xMask >>> q) & 1,
        z = (zMask >>> q) & 1;
      if (x || z) ops.push([q, x && z ? "Y" : x ? "X" : "Z"]);
    }
    return new PauliString(ops);
  }

  get isIdentity(): boolean {
    return this.ops.length === 0;
  }

  /** One more than the highest qubit acted on (0 for the identity). */
  get minQubits(): number {
    return this.ops.length ? this.ops[this.ops.length - 1]![0] + 1 : 0;
  }

  /** Bits of qubits carrying X or Y. Valid for qubit indices below 53. */
  get xMask(): number {
    return this.ops.reduce((m, [q, p]) => (p === "Z" ? m : m + 2 ** q), 0);
  }

  /** Bits of qubits carrying Y or Z. */
  get zMask(): number {
    return this.ops.reduce((m, [q, p]) => (p === "X" ? m : m + 2 ** q), 0);
  }

  get numY(): number {
    return this.ops.filter(([, p]) => p === "Y").length;
  }

  get(qubit: number): PauliChar | undefined {
    return this.ops.find(([q]) => q === qubit)?.[1];
  }

  /** Canonical text, e.g. "X0 Z3"; "I" for the identity. Doubles as a map key. */
  toString(): string {
    return this.ops.length ? this.ops.map(([q, p]) => `${p}${q}`).join(" ") : "I";
  }

  /** Product this·other = phase · P, with phase a power of i returned as [re, im]. */
  multiply(other: PauliString): { phase: [number, number]; pauli: PauliString } {
    const m = new Map<number, PauliChar>(this.ops);
    let power = 0; // phase = i^power
    for (const [q, b] of other.ops) {
      const a = m.get(q);
      if (a === undefined) m.set(q, b);
      else if (a === b) m.delete(q);
      else {
        const c = (["X", "Y", "Z"] as const).find((x) => x !== a && x !== b)!;
        // XY = iZ, YZ = iX, ZX = iY; reversed order gives −i.
        const cyclic = (a === "X" && b === "Y") || (a === "Y" && b === "Z") || (a === "Z" && b === "X");
        power += cyclic ? 1 : 3;
        m.set(q, c);
      }
    }
    const phases: [number, number][] = [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ];
    return { phase: phases[power % 4]!, pauli: new PauliString(m) };
  }

  /** True if the two strings commute. */
  commutesWith(other: PauliString): boolean {
    let anti = 0;
    for (const [q, b] of other.ops) {
      const a = this.get(q);
      if (a !== undefined && a !== b) anti++;
    }
    return anti % 2 === 0;
  }
}
