/**
 * The execution plan the fused simulator runs: a list of passes over the state. A pass with
 * `blockQubits = b` walks the state in contiguous blocks of 2^b amplitudes and applies its ops to each block
 * while the block sits in cache; every op of such a pass acts only on qubits below b (controls may sit on
 * any qubit: they are constant over a block). A pass with `blockQubits = n` is one sweep over the whole
 * state. Control masks and qubit numbers are global.
 */

/** Up to three shear rotations (a, b) → (a − t·b, b + t·a) on distinct qubits, applied in one sweep. */
export interface RotOp {
  readonly kind: "rot";
  readonly qubits: readonly number[];
  readonly t: readonly number[];
}

/**
 * Up to three uniformly controlled shear rotations, applied in one sweep: qubit qubits[j] rotates by t[j]
 * where bit ctrl[j] of the amplitude index is 0 and by t1[j] where it is 1 (ctrl[j] = −1: no control, t1 =
 * t). A single-qubit gate, a two-qubit diagonal or singly-controlled gate on it, and the next single-qubit
 * gate fuse into one of these: a CZ layer between rotation layers costs no rotation of its own.
 */
export interface CrotOp {
  readonly kind: "crot";
  readonly qubits: readonly number[];
  readonly ctrl: readonly number[];
  readonly t: readonly number[];
  readonly t1: readonly number[];
}

/** Dense 2×2 on qubit q where the control bits match. */
export interface U1Op {
  readonly kind: "u1";
  readonly q: number;
  readonly m: Float64Array;
  readonly ctrlMask: number;
  readonly ctrlValue: number;
}

/** Dense 2^k × 2^k on `targets` (local bit j ↔ targets[j]) where the control bits match. */
export interface UkOp {
  readonly kind: "uk";
  readonly targets: readonly number[];
  readonly m: Float64Array;
  readonly ctrlMask: number;
  readonly ctrlValue: number;
}

/** X on q where the control bits match (a permutation: no arithmetic). */
export interface XOp {
  readonly kind: "x";
  readonly q: number;
  readonly ctrlMask: number;
  readonly ctrlValue: number;
}

/** SWAP of q0 and q1 where the control bits match. */
export interface SwapOp {
  readonly kind: "swap";
  readonly q0: number;
  readonly q1: number;
  readonly ctrlMask: number;
  readonly ctrlValue: number;
}

/** A small diagonal on `targets` (2^k interleaved complex entries) where the control bits match. */
export interface DiagKOp {
  readonly kind: "diagk";
  readonly targets: readonly number[];
  readonly diag: Float64Array;
  readonly ctrlMask: number;
  readonly ctrlValue: number;
}

/**
 * The merged phase pass: amplitude x is multiplied by lo[x mod 2^l] · hi[x >> hiShift]. hiShift (default l)
 * may be l − 1: the tables then share bit l − 1, and a two-qubit factor on qubits l − 1 and l fits hi.
 */
export interface PhaseOp {
  readonly kind: "phase";
  readonly l: number;
  readonly hiShift?: number;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** Every amplitude times the real number f. */
export interface ScaleOp {
  readonly kind: "scale";
  readonly f: number;
}

/** Amplitude i takes the value of amplitude i ⊕ mask (always a whole-state pass). */
export interface PermXorOp {
  readonly kind: "permxor";
  readonly mask: number;
}

/** Reads the block into cache ahead of the arithmetic (a hint; no effect on the amplitudes). */
export interface TouchOp {
  readonly kind: "touch";
}

export type KernelOp =
  RotOp | CrotOp | U1Op | UkOp | XOp | SwapOp | DiagKOp | PhaseOp | ScaleOp | PermXorOp | TouchOp;

/** One sweep over the state in blocks of 2^blockQubits amplitudes. */
export interface Pass {
  readonly blockQubits: number;
  readonly ops: readonly KernelOp[];
}

/** A fused, cache-blocked program for one binding. */
export interface Plan {
  readonly numQubits: number;
  readonly passes: readonly Pass[];
}

/** How gates are fused. */
export interface FusionOptions {
  /**
   * "rotations" (default): runs of single-qubit gates become a diagonal · real rotation · diagonal, every
   * diagonal (RZ, CZ, CP, phases of the rotations…) of a layer merges into one phase pass, and rotations run
   * as two-multiply shear butterflies. "dense": greedy fusion of consecutive gates into unitaries on at
   * most `maxFusedQubits` qubits (the classic approach; kept for comparison).
   */
  readonly strategy?: "rotations" | "dense";
  /** Largest fused unitary in the "dense" strategy (default 3). */
  readonly maxFusedQubits?: number;
  /** Cache block: passes walk the state in blocks of 2^blockQubits amplitudes (default 15). */
  readonly blockQubits?: number;
}
