import { popcount } from "../util/bits.js";
import { QforgeError, check } from "../util/errors.js";
import type { CMatrix } from "../math/complex-matrix.js";
import { PauliString } from "./pauli-string.js";

/** One weighted term of a {@link PauliSum}; the coefficient is complex as [re, im]. */
export interface PauliTerm {
  readonly coefficient: readonly [number, number];
  readonly pauli: PauliString;
}

/**
 * A linear combination of Pauli strings — a Hamiltonian or any observable. Immutable; operations return
 * new sums. Coefficients are complex so products stay exact; observables are Hermitian (real coefficients).
 *
 * @example
 * ```ts
 * const h = PauliSum.parse("0.5*Z0 Z1 + X2 - 0.25*Y0");
 * h.toString();               // "0.5*Z0 Z1 + X2 - 0.25*Y0"
 * h.multiply(h).simplify();   // products with exact Pauli phases
 * ```
 */
export class PauliSum {
  readonly terms: readonly PauliTerm[];

  constructor(terms: readonly PauliTerm[] = []) {
    for (const t of terms)
      check(
        Number.isFinite(t.coefficient[0]) && Number.isFinite(t.coefficient[1]),
        `coefficient of ${t.pauli} is not finite`,
        "NON_FINITE",
      );
    this.terms = Object.freeze(
      terms.map((t) =>
        Object.freeze({ coefficient: [t.coefficient[0], t.coefficient[1]] as const, pauli: t.pauli }),
      ),
    );
  }

  /** A single term `coefficient · pauli`. */
  static term(pauli: PauliString | string, coefficient = 1): PauliSum {
    return new PauliSum([
      { coefficient: [coefficient, 0], pauli: typeof pauli === "string" ? PauliString.parse(pauli) : pauli },
    ]);
  }

  /**
   * Parses sums like `0.5*Z0 Z1 + X2`, `-1.2 * X0 Y1`, `2 - Z0`, `Z0@Z1`, `1e-3*X0`. A bare number is a
   * multiple of the identity. Reads back everything {@link PauliSum.toString} writes.
   */
  static parse(text: string): PauliSum {
    const src = text.trim();
    check(src.length > 0, "empty observable", "PARSE_ERROR");
    const terms: PauliTerm[] = [];
    // Split on + or − that start a term (not those inside exponents like 1e-3).
    const parts = src
      .split(/(?<![eE])(?=[+-])/)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const part of parts) {
      const m = /^([+-])?\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)\s*\*?\s*)?(.*)$/.exec(
        part,
      );
      if (!m) throw new QforgeError("PARSE_ERROR", `cannot read term "${part}" of observable "${text}"`);
      const sign = m[1] === "-" ? -1 : 1;
      const coef = m[2] !== undefined ? Number(m[2]) : 1;
      const body = m[3]!.trim();
      if (m[2] === undefined && body === "")
        throw new QforgeError("PARSE_ERROR", `empty term in observable "${text}"`);
      let pauli: PauliString;
      try {
        pauli = PauliString.parse(body);
      } catch (e) {
        throw new QforgeError(
          "PARSE_ERROR",
          `cannot read term "${part}" of observable "${text}": ${(e as Error).message}`,
        );
      }
      terms.push({ coefficient: [sign * coef, 0], pauli });
    }
    return new PauliSum(terms);
  }

  /** Accepts a PauliSum, a PauliString or observable text. */
  static from(value: PauliSum | PauliString | string): PauliSum {
    if (value instanceof PauliSum) return value;
    if (value instanceof PauliString) return PauliSum.term(value);
    return PauliSum.parse(value);
  }

  /** One more than the highest qubit any term acts on. */
  get minQubits(): number {
    return this.terms.reduce((m, t) => Math.max(m, t.pauli.minQubits), 0);
  }

  add(other: PauliSum): PauliSum {
    return new PauliSum([...this.terms, ...other.terms]);
  }

  scale(re: number, im = 0): PauliSum {
    return new PauliSum(
      this.terms.map((t) => ({
        coefficient: [
          t.coefficient[0] * re - t.coefficient[1] * im,
          t.coefficient[0] * im + t.coefficient[1] * re,
        ],
        pauli: t.pauli,
      })),
    );
  }

  multiply(other: PauliSum): PauliSum {
    const out: PauliTerm[] = [];
    for (const a of this.terms)
      for (const b of other.terms) {
        const { phase, pauli } = a.pauli.multiply(b.pauli);
        const [ar, ai] = a.coefficient,
          [br, bi] = b.coefficient;
        const cr = ar * br - ai * bi,
          ci = ar * bi + ai * br;
        out.push({ coefficient: [cr * phase[0] - ci * phase[1], cr * phase[1] + ci * phase[0]], pauli });
      }
    return new PauliSum(out).simplify();
  }

  /** Merges equal strings and drops coefficients with modulus ≤ tol. Keeps first-appearance order. */
  simplify(tol = 1e-14): PauliSum {
    const m = new Map<string, { re: number; im: number; pauli: PauliString }>();
    for (const t of this.terms) {
      const key = t.pauli.toString();
      const e = m.get(key) ?? { re: 0, im: 0, pauli: t.pauli };
      e.re += t.coefficient[0];
      e.im += t.coefficient[1];
      m.set(key, e);
    }
    return new PauliSum(
      [...m.values()]
        .filter((e) => Math.hypot(e.re, e.im) > tol)
        .map((e) => ({ coefficient: [e.re, e.im] as const, pauli: e.pauli })),
    );
  }

  /** True if every coefficient is real to within tol (so the operator is Hermitian). */
  isHermitian(tol = 1e-12): boolean {
    return this.simplify().terms.every((t) => Math.abs(t.coefficient[1]) <= tol);
  }

  /** Text such as `0.5*Z0 Z1 + X2 - 0.25*Y0`; complex coefficients as `(0.5+0.1i)*X0`. */
  toString(): string {
    if (this.terms.length === 0) return "0";
    return this.terms
      .map((t, i) => {
        const [re, im] = t.coefficient;
        const body = t.pauli.isIdentity ? "" : t.pauli.toString();
        if (im !== 0) {
          const c = `(${re}${im < 0 ? "-" : "+"}${Math.abs(im)}i)`;
          return `${i ? " + " : ""}${c}${body ? "*" + body : ""}`;
        }
        const mag = Math.abs(re);
        const sign = re < 0 ? (i ? " - " : "-") : i ? " + " : "";
        return sign + (body === "" ? String(mag) : mag === 1 ? body : `${mag}*${body}`);
      })
      .join("");
  }

  /** Dense matrix on `numQubits` qubits (qubit j ↔ bit j of the index). For small systems only. */
  matrix(numQubits = this.minQubits): CMatrix {
    check(
      numQubits >= this.minQubits,
      `observable acts on qubit ${this.minQubits - 1} but only ${numQubits} qubits were given`,
      "QUBIT_OUT_OF_RANGE",
    );
    check(
      numQubits <= 14,
      `a dense matrix of ${numQubits} qubits would need ${16 * 4 ** numQubits} bytes; use the simulator's expectation instead`,
      "OUT_OF_MEMORY",
    );
    const dim = 2 ** numQubits;
    const data = new Float64Array(2 * dim * dim);
    for (const t of this.terms) {
      const x = t.pauli.xMask,
        z = t.pauli.zMask;
      // P|b⟩ = i^{#Y} (−1)^{popcount(b & z)} |b ⊕ x⟩
      const iy = [
        [1, 0],
        [0, 1],
        [-1, 0],
        [0, -1],
      ][t.pauli.numY % 4]!;
      const [cr, ci] = t.coefficient;
      const pr = cr * iy[0]! - ci * iy[1]!,
        pi = cr * iy[1]! + ci * iy[0]!;
      for (let b = 0; b < dim; b++) {
        const sign = popcount(b & z) & 1 ? -1 : 1;
        const row = b ^ x;
        const k = 2 * (row * dim + b);
        data[k] = data[k]! + sign * pr;
        data[k + 1] = data[k + 1]! + sign * pi;
      }
    }
    return { dim, data };
  }
}

export { popcount };
