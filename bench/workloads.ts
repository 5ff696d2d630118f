/** QML-shaped workloads for bench/run.ts: a fidelity kernel, a VQC batch, gradient cost ratios. */
import { Circuit } from "../src/circuit/circuit.js";
import { Rng } from "../src/util/rng.js";
import { StateVectorSimulator } from "../src/sim/statevector-simulator.js";
import { gradient, jacobian } from "../src/grad/gradient.js";
import type { AdjointParallel } from "../src/grad/adjoint-batch.js";
import { timeBest } from "./harness.js";

/** A ZZ-feature-map-like encoding on n qubits, `reps` repetitions; inputs x0…, and z0… = (π − x_i)(π − x_{i+1}). */
export function zzFeatureMap(n: number, reps: number): Circuit {
  let c = new Circuit(n);
  for (let r = 0; r < reps; r++) {
    for (let q = 0; q < n; q++) c = c.h(q).p(`2*x${q}`, q);
    for (let q = 0; q + 1 < n; q++)
      c = c
        .cx(q, q + 1)
        .p(`2*z${q}`, q + 1)
        .cx(q, q + 1);
  }
  return c;
}

export function featureBindings(n: number, count: number, seed: number): Record<string, number[]> {
  const rng = new Rng(seed);
  const X = Array.from({ length: count }, () => Array.from({ length: n }, () => rng.uniform(0, 2 * Math.PI)));
  const out: Record<string, number[]> = {};
  for (let q = 0; q < n; q++) out[`x${q}`] = X.map((x) => x[q]!);
  for (let q = 0; q + 1 < n; q++) out[`z${q}`] = X.map((x) => (Math.PI - x[q]!) * (Math.PI - x[q + 1]!));
  return out;
}

/** The 400 × 400 fidelity kernel on 8 qubits: 400 states simulated once, then the Gram matrix of |⟨ψi|ψj⟩|². */
export function fidelityKernel(
  sim: StateVectorSimulator,
  n = 8,
  count = 400,
): { states: number; gram: number; total: number; checksum: number } {
  const fm = zzFeatureMap(n, 2);
  const b = featureBindings(n, count, 3);
  let states: Float64Array[] = [];
  const tStates = timeBest(() => {
    states = sim.statevectors(fm, b);
  });
  const K = new Float64Array(count * count);
  const tGram = timeBest(() => {
    for (let i = 0; i < count; i++) {
      K[i * count + i] = 1;
      const a = states[i]!;
      for (let j = i + 1; j < count; j++) {
        const s = states[j]!;
        let re = 0,
          im = 0;
        for (let k = 0; k < a.length; k += 2) {
          re += a[k]! * s[k]! + a[k + 1]! * s[k + 1]!;
          im += a[k]! * s[k + 1]! - a[k + 1]! * s[k]!;
        }
        K[i * count + j] = K[j * count + i] = re * re + im * im;
      }
    }
  });
  let checksum = 0;
  for (let i = 0; i < K.length; i++) checksum += K[i]!;
  return { states: tStates, gram: tGram, total: tStates + tGram, checksum };
}

/** Hardware-efficient VQC: RY(x_q) inputs, then `layers` × (RY(w), RZ(w) on every qubit, CZ chain). */
export function vqcCircuit(n: number, layers: number): { circuit: Circuit; weights: string[] } {
  let c = new Circuit(n);
  const weights: string[] = [];
  for (let q = 0; q < n; q++) c = c.ry(`x${q}`, q);
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < n; q++) {
      const a = `w${l}_${q}_y`,
        b = `w${l}_${q}_z`;
      weights.push(a, b);
      c = c.ry(a, q).rz(b, q);
    }
    for (let q = 0; q + 1 < n; q++) c = c.cz(q, q + 1);
  }
  return { circuit: c, weights };
}

/** A 12-qubit VQC on a batch of 256: forward (expectations) and forward + adjoint backward (Jacobian). */
export function vqcBatch(
  sim: StateVectorSimulator,
  parallel?: AdjointParallel,
  n = 12,
  layers = 4,
  batch = 256,
): { forward: number; adjoint: number; params: number } {
  const { circuit, weights } = vqcCircuit(n, layers);
  const rng = new Rng(5);
  const bindings: Record<string, number | number[]> = {};
  for (let q = 0; q < n; q++)
    bindings[`x${q}`] = Array.from({ length: batch }, () => rng.uniform(0, Math.PI));
  for (const w of weights) bindings[w] = rng.uniform(-Math.PI, Math.PI);
  const forward = timeBest(() => void sim.expectation(circuit, ["Z0"], bindings));
  const J = jacobian(circuit, ["Z0"], {
    method: "adjoint",
    trainable: weights,
    ...(parallel ? { parallel } : {}),
  });
  const adjoint = timeBest(() => void J.evaluate(bindings));
  return { forward, adjoint, params: weights.length };
}

/** P parameterised RY gates cycling over n qubits, a CZ chain after every full sweep. */
export function gradientCircuit(n: number, P: number): Circuit {
  let c = new Circuit(n);
  for (let q = 0; q < n; q++) c = c.h(q);
  for (let p = 0; p < P; p++) {
    c = c.ry(`t${p}`, p % n);
    if (p % n === n - 1) for (let q = 0; q + 1 < n; q++) c = c.cz(q, q + 1);
  }
  return c;
}

export interface GradientCost {
  readonly n: number;
  readonly P: number;
  readonly forward: number;
  readonly adjoint: number;
  readonly shift: number | undefined;
}

/** d layers of RX·RZ on every qubit (all angles trainable) and a CZ brickwork: the standard circuit, trainable. */
export function layeredGradientCircuit(n: number, d: number): Circuit {
  let c = new Circuit(n);
  for (let l = 0; l < d; l++) {
    for (let q = 0; q < n; q++) c = c.rx(`a${l}_${q}`, q).rz(`b${l}_${q}`, q);
    for (let q = l % 2; q + 1 < n; q += 2) c = c.cz(q, q + 1);
  }
  return c;
}

/** Adjoint-gradient and parameter-shift time against one forward evaluation (same circuit, one binding). */
export function gradientCost(sim: StateVectorSimulator, c: Circuit, withShift: boolean): GradientCost {
  const n = c.numQubits,
    P = c.numParameters;
  const rng = new Rng(n * 1000 + P);
  const w = Float64Array.from({ length: P }, () => rng.uniform(-3, 3));
  const binding = Object.fromEntries(c.parameters.map((name, i) => [name, w[i]!]));
  const g = gradient(c, "Z0", { method: "adjoint" });
  // Warm both paths up, then take the best of many runs of each: the small sizes take well under a millisecond.
  for (let i = 0; i < 3; i++) {
    sim.expectation(c, ["Z0"], binding);
    g.valueAndGradient(w);
  }
  const many = { budgetSeconds: 1, maxRuns: 100 };
  const forward = timeBest(() => void sim.expectation(c, ["Z0"], binding), many);
  const adjoint = timeBest(() => void g.valueAndGradient(w), many);
  let shift: number | undefined;
  if (withShift) {
    const s = gradient(c, "Z0", { method: "parameter-shift" });
    shift = timeBest(() => void s.valueAndGradient(w), { budgetSeconds: 3, maxRuns: 2 });
  }
  return { n, P, forward, adjoint, shift };
}
