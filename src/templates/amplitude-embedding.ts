import { QforgeError, check } from "../util/errors.js";
import { Circuit } from "../circuit/circuit.js";
import { FeatureMapBase, type TemplateJSON, checkFeatureRow } from "./feature-map.js";
import { boolOption, checkNumQubits, checkOptions, intOption, numberOption } from "./template-options.js";

/** Options of {@link AmplitudeEmbedding}. */
export interface AmplitudeEmbeddingOptions {
  /** Features per row, at most 2^n; default 2^n. Fewer need `padWith`. */
  readonly numFeatures?: number;
  /** Accept rows of any non-zero norm and encode x/‖x‖; default false: rows must have norm 1 (± 1e-10). */
  readonly normalize?: boolean;
  /** Value for the amplitudes past `numFeatures` (PennyLane's pad_with); required when numFeatures < 2^n. */
  readonly padWith?: number;
}

/** How far ‖x‖² may be from 1 when `normalize` is off (PennyLane's tolerance). */
const NORM_TOLERANCE = 1e-10;

/**
 * Amplitude encoding: prepares the real state Σ_i x_i/‖x‖ |i⟩ exactly, with qubit 0 the least significant
 * bit of i (qforge's and Qiskit's order; PennyLane's AmplitudeEmbedding puts feature 0's bit on wire 0 as the
 * MOST significant bit, so its wires are ours reversed).
 *
 * The circuit is the Möttönen et al. (2004) tree of uniformly controlled RY rotations, for real data only:
 * for target qubit t = n−1 down to 0, a rotation RY(θ_c) for every value c of the qubits above t, with
 * θ_c = 2·atan2(‖upper half‖, ‖lower half‖) of the block c, and on qubit 0 the signed
 * θ_c = 2·atan2(x_{2c+1}, x_{2c}) — which is how negative entries come out right without RZ gates. Each
 * uniformly controlled rotation with k controls is 2^k RY gates and 2^k CX gates in Gray-code order, whose
 * angles are the Walsh–Hadamard transform of the θ_c. In all 2^n − 1 RY and 2^n − 2 CX gates.
 *
 * The circuit's parameters are the RY angles `amp0 … amp{2^n−2}` (circuit order); `encode` computes them
 * from a row. They are not differentiable inputs of the features in the affine sense.
 *
 * @example
 * ```ts
 * const fm = new AmplitudeEmbedding(2, { normalize: true });
 * const state = new StateVectorSimulator().statevector(fm.circuit, fm.encode([1, -2, 0, 2]));
 * // real parts: [1/3, −2/3, 0, 2/3]
 * ```
 */
export class AmplitudeEmbedding extends FeatureMapBase {
  readonly normalize: boolean;
  readonly padWith: number | undefined;

  constructor(numQubits: number, options: AmplitudeEmbeddingOptions = {}) {
    const where = "AmplitudeEmbedding";
    checkNumQubits(numQubits, where);
    check(
      numQubits <= 30,
      `${where}: ${numQubits} qubits would need 2^${numQubits} amplitudes; at most 30 qubits`,
    );
    const o = checkOptions(options, ["numFeatures", "normalize", "padWith"], where);
    const dim = 2 ** numQubits;
    const numFeatures = intOption(o["numFeatures"], "numFeatures", dim, 1, where);
    check(
      numFeatures <= dim,
      `${where}: ${numFeatures} features do not fit in ${numQubits} qubit(s), which hold at most ${dim} amplitudes`,
    );
    const padWith = o["padWith"] === undefined ? undefined : numberOption(o["padWith"], "padWith", 0, where);
    check(
      numFeatures === dim || padWith !== undefined,
      `${where}: ${numFeatures} features for ${dim} amplitudes; pass padWith to fill the other ${dim - numFeatures}`,
    );
    super(numQubits, numFeatures, stateTreeCircuit(numQubits));
    this.normalize = boolOption(o["normalize"], "normalize", false, where);
    this.padWith = padWith;
  }

  toJSON(): TemplateJSON {
    return {
      type: "AmplitudeEmbedding",
      numQubits: this.numQubits,
      options: {
        numFeatures: this.numFeatures,
        normalize: this.normalize,
        ...(this.padWith === undefined ? {} : { padWith: this.padWith }),
      },
    };
  }

  protected override checkRow(x: ArrayLike<number>, where: string): void {
    const dim = 2 ** this.numQubits;
    if (typeof x === "object" && x !== null && typeof x.length === "number" && x.length > dim)
      throw new QforgeError(
        "INVALID_DATA",
        `${where}an amplitude vector of ${x.length} entries is longer than the ${dim} amplitudes of ${this.numQubits} qubit(s)`,
      );
    checkFeatureRow(x, this.numFeatures, where);
    let sq = (dim - this.numFeatures) * (this.padWith ?? 0) ** 2;
    for (let i = 0; i < this.numFeatures; i++) sq += x[i]! ** 2;
    if (sq === 0)
      throw new QforgeError(
        "INVALID_DATA",
        `${where}the amplitude vector is all zeros; it cannot be normalized to a state`,
      );
    if (!Number.isFinite(sq))
      throw new QforgeError(
        "NON_FINITE",
        `${where}the amplitude vector's norm overflows; scale the features down`,
      );
    if (!this.normalize && Math.abs(sq - 1) > NORM_TOLERANCE)
      throw new QforgeError(
        "INVALID_DATA",
        `${where}the amplitude vector has norm ${Math.sqrt(sq)}, not 1; pass normalize: true to normalize it`,
      );
  }

  protected fill(x: ArrayLike<number>, out: Float64Array, offset: number): void {
    const n = this.numQubits,
      dim = 2 ** n;
    const a = new Float64Array(dim).fill(this.padWith ?? 0);
    for (let i = 0; i < this.numFeatures; i++) a[i] = x[i]!;
    // sq[t] holds the squared norms of the blocks of size 2^t (block j = indices with i >> t === j).
    const sq: Float64Array[] = [a.map((v) => v * v)];
    for (let t = 1; t < n; t++) {
      const prev = sq[t - 1]!;
      sq.push(new Float64Array(prev.length / 2).map((_, j) => prev[2 * j]! + prev[2 * j + 1]!));
    }
    for (let t = n - 1; t >= 0; t--) {
      const k = n - 1 - t,
        m = 2 ** k;
      const theta = new Float64Array(m);
      for (let c = 0; c < m; c++) {
        const level = sq[t]!;
        theta[c] =
          t === 0
            ? 2 * Math.atan2(a[2 * c + 1]!, a[2 * c]!)
            : 2 * Math.atan2(Math.sqrt(level[2 * c + 1]!), Math.sqrt(level[2 * c]!));
      }
      walshHadamard(theta);
      for (let j = 0; j < m; j++) out[offset + m - 1 + j] = theta[gray(j)]! / m;
    }
  }
}

function gray(j: number): number {
  return j ^ (j >> 1);
}

/** In-place unnormalised Walsh–Hadamard transform: v[m] ← Σ_c (−1)^{popcount(c & m)} v[c]. */
function walshHadamard(v: Float64Array): void {
  for (let h = 1; h < v.length; h *= 2)
    for (let i = 0; i < v.length; i += 2 * h)
      for (let j = i; j < i + h; j++) {
        const u = v[j]!,
          w = v[j + h]!;
        v[j] = u + w;
        v[j + h] = u - w;
      }
}

/**
 * The symbolic Möttönen tree: for target t = n−1 … 0 with controls t+1 … n−1 (control bit b ↔ qubit t+1+b),
 * RY(amp_{2^k−1+j}) then CX from the control whose bit flips between Gray codes j and j+1 (cyclically).
 */
function stateTreeCircuit(n: number): Circuit {
  let c = new Circuit(n);
  for (let t = n - 1; t >= 0; t--) {
    const k = n - 1 - t,
      m = 2 ** k;
    for (let j = 0; j < m; j++) {
      c = c.ry(`amp${m - 1 + j}`, t);
      if (k > 0) c = c.cx(t + 1 + Math.log2(gray(j) ^ gray((j + 1) % m)), t);
    }
  }
  return c;
}
