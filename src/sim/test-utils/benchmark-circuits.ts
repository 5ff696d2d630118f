import { Circuit } from "../../circuit/circuit.js";
import { Rng } from "../../util/rng.js";

/**
 * The standard benchmark circuit: n qubits, d layers from |0…0⟩. Layer L: RX(a[L][q]) then RZ(b[L][q]) on
 * every qubit q (seeded angles in [0, 2π)), then CZ on (q, q+1) for q = L mod 2, L mod 2 + 2, … while q + 1 < n.
 * The benchmark reads ⟨Z₀⟩ at the end. `angles[L][q] = [a, b]` are returned for the peer simulators.
 */
export function standardCircuit(
  n: number,
  d: number,
  seed = 1,
): { circuit: Circuit; angles: [number, number][][] } {
  const rng = new Rng(seed);
  let c = new Circuit(n);
  const angles: [number, number][][] = [];
  for (let L = 0; L < d; L++) {
    const layer: [number, number][] = [];
    for (let q = 0; q < n; q++) {
      const a = rng.uniform(0, 2 * Math.PI),
        b = rng.uniform(0, 2 * Math.PI);
      layer.push([a, b]);
      c = c.rx(a, q).rz(b, q);
    }
    for (let q = L % 2; q + 1 < n; q += 2) c = c.cz(q, q + 1);
    angles.push(layer);
  }
  return { circuit: c, angles };
}

/** A normalised random complex128 state (seeded), interleaved. */
export function randomState(numQubits: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const s = new Float64Array(2 << numQubits);
  let norm = 0;
  for (let i = 0; i < s.length; i++) {
    s[i] = rng.normal();
    norm += s[i]! * s[i]!;
  }
  const f = 1 / Math.sqrt(norm);
  for (let i = 0; i < s.length; i++) s[i] = s[i]! * f;
  return s;
}

/** Largest absolute difference between two interleaved states. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
