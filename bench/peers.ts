/**
 * The npm peer simulators on the standard benchmark circuit, each finishing with ⟨Z₀⟩. Every adapter
 * builds the circuit with the peer's own API and times the simulation (and, for Q#, its compilation, which
 * is part of running a Q# program).
 */
import QuantumCircuit from "quantum-circuit";
import Qubits from "jsqubits";
import { readFileSync } from "node:fs";
import { QscEventTarget, getCompiler, loadWasmModule } from "qsharp-lang";

/** Angles of the standard circuit: angles[L][q] = [a, b] (RX(a) then RZ(b)). */
export type Angles = readonly (readonly (readonly [number, number])[])[];

export interface PeerResult {
  readonly seconds: number;
  /** ⟨Z₀⟩ as the peer computes it (Q#: from a separate DumpMachine run, see below). */
  readonly z0: number | undefined;
}

export interface Peer {
  readonly name: string;
  readonly version: string;
  run(n: number, angles: Angles): Promise<PeerResult>;
}

/** quantum-circuit: gates by name, `run()`, then the probability of qubit 0 reading 1. */
export const quantumCircuitPeer: Peer = {
  name: "quantum-circuit",
  version: "0.9",
  async run(n, angles) {
    const t0 = performance.now();
    const qc = new QuantumCircuit(n);
    angles.forEach((layer, L) => {
      layer.forEach(([a, b], q) => {
        qc.addGate("rx", -1, q, { params: { theta: a } });
        qc.addGate("rz", -1, q, { params: { phi: b } });
      });
      for (let q = L % 2; q + 1 < n; q += 2) qc.addGate("cz", -1, [q, q + 1]);
    });
    qc.run();
    const p1 = qc.probability(0) as number;
    return { seconds: (performance.now() - t0) / 1000, z0: 1 - 2 * p1 };
  },
};

/** jsqubits: immutable sparse states, one new state per gate. */
export const jsqubitsPeer: Peer = {
  name: "jsqubits",
  version: "2.1",
  async run(n, angles) {
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let s: any = Qubits("|" + "0".repeat(n) + ">");
    angles.forEach((layer, L) => {
      layer.forEach(([a, b], q) => {
        s = s.rotateX(q, a).rotateZ(q, b);
      });
      for (let q = L % 2; q + 1 < n; q += 2) s = s.controlledZ(q, q + 1);
    });
    let z = 0;
    s.each((c: { amplitude: { real: number; imaginary: number }; index: string | number }) => {
      const w = c.amplitude.real ** 2 + c.amplitude.imaginary ** 2;
      z += Number(c.index) & 1 ? -w : w;
    });
    return { seconds: (performance.now() - t0) / 1000, z0: z };
  },
};

function qsharpSource(n: number, angles: Angles, dump: boolean): string {
  const a = angles.flatMap((layer) => layer.map(([x]) => x.toPrecision(17)));
  const b = angles.flatMap((layer) => layer.map(([, y]) => y.toPrecision(17)));
  return `namespace Bench {
  operation Main() : Result {
    let a = [${a.join(", ")}];
    let b = [${b.join(", ")}];
    use qs = Qubit[${n}];
    for L in 0..${angles.length - 1} {
      for q in 0..${n - 1} {
        Rx(a[L * ${n} + q], qs[q]);
        Rz(b[L * ${n} + q], qs[q]);
      }
      for q in (L % 2)..2..${n - 2} {
        CZ(qs[q], qs[q + 1]);
      }
    }
    ${dump ? "Std.Diagnostics.DumpMachine();" : ""}
    let r = M(qs[0]);
    ResetAll(qs);
    r
  }
}`;
}

/**
 * qsharp-lang (the Q# compiler and simulator compiled to WebAssembly): timed on compile + run of one shot
 * ending in M(q0); ⟨Z₀⟩ comes from a second, untimed run with DumpMachine (only when n ≤ 14).
 */
export const qsharpPeer: Peer = {
  name: "qsharp-lang",
  version: "1.32",
  async run(n, angles) {
    await loadWasmModule(
      readFileSync(new URL("../node_modules/qsharp-lang/lib/web/qsc_wasm_bg.wasm", import.meta.url))
        .buffer as ArrayBuffer,
    );
    const compiler = await getCompiler();
    const t0 = performance.now();
    const ev = new QscEventTarget(true);
    await compiler.run(
      { sources: [["bench.qs", qsharpSource(n, angles, false)]], languageFeatures: [] },
      "",
      1,
      ev,
    );
    const seconds = (performance.now() - t0) / 1000;
    const r = ev.getResults()[0];
    if (!r || !r.success) throw new Error(`qsharp run failed: ${JSON.stringify(r?.result)}`);
    let z0: number | undefined;
    if (n <= 14) {
      const ev2 = new QscEventTarget(true);
      await compiler.run(
        { sources: [["bench.qs", qsharpSource(n, angles, true)]], languageFeatures: [] },
        "",
        1,
        ev2,
      );
      const dump = ev2.getResults()[0]?.events.find((e) => e.type === "DumpMachine");
      if (dump && dump.type === "DumpMachine") {
        z0 = 0;
        for (const [key, [re, im]] of Object.entries(dump.state)) {
          // keys are basis labels like "|0101⟩" with qubit 0 leftmost
          const bits = key.replace(/[^01]/g, "");
          const w = re * re + im * im;
          z0 += bits[0] === "1" ? -w : w;
        }
      }
    }
    return { seconds, z0 };
  },
};

export const PEERS: readonly Peer[] = [quantumCircuitPeer, jsqubitsPeer, qsharpPeer];
