import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main.js";

async function run(...argv: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("qforge CLI: circuit commands", () => {
  it("run prints seeded counts with classical bit 0 rightmost", async () => {
    const a = await run("run", "examples/bell.qasm", "--shots", "1000", "--seed", "7", "--json");
    expect(a.code).toBe(0);
    const counts = JSON.parse(a.out).counts as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(["00", "11"]);
    expect(counts["00"]! + counts["11"]!).toBe(1000);
    expect((await run("run", "examples/bell.qasm", "--shots", "1000", "--seed", "7", "--json")).out).toBe(
      a.out,
    );
    const dir = mkdtempSync(join(tmpdir(), "qf-"));
    writeFileSync(
      join(dir, "x.qasm"),
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncreg c[3];\nx q[1];\nmeasure q -> c;\n',
    );
    expect(JSON.parse((await run("run", join(dir, "x.qasm"), "--shots", "5", "--json")).out).counts).toEqual({
      "010": 5,
    });
  });
  it("state and expval read OpenQASM 3 inputs", async () => {
    const s = await run("state", "examples/ghz3.qasm", "--param", `theta=${Math.PI / 2}`, "--json");
    const v = JSON.parse(s.out) as { numQubits: number; statevector: [number, number][] };
    expect(v.numQubits).toBe(3);
    expect(v.statevector[0]![0]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(v.statevector[7]![0]).toBeCloseTo(Math.SQRT1_2, 14);
    const e = await run(
      "expval",
      "examples/ghz3.qasm",
      "--param",
      "theta=0.3",
      "--observable",
      "Z0 Z1",
      "--observable",
      "0.5*X0 + Y2",
      "--json",
    );
    const ex = JSON.parse(e.out).expectations as number[];
    expect(ex[0]).toBeCloseTo(1, 14);
    // ⟨X0⟩ of cos(θ/2)|000⟩ + sin(θ/2)|111⟩ is 0; ⟨Y2⟩ is 0.
    expect(ex[1]).toBeCloseTo(0, 14);
  });
  it("draw and convert", async () => {
    expect((await run("draw", "examples/bell.qasm")).out).toContain("┤ H ├");
    const dir = mkdtempSync(join(tmpdir(), "qf-"));
    const svg = join(dir, "bell.svg");
    expect((await run("draw", "examples/bell.qasm", "--svg", svg)).code).toBe(0);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg|<\?xml/);
    const again = await run("draw", "examples/bell.qasm", "--svg", svg);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists; pass --force/);
    const q3 = await run("convert", "examples/bell.qasm", "--to", "qasm3");
    expect(q3.out).toMatch(/^OPENQASM 3\.0;/);
    const q2file = join(dir, "back.qasm");
    writeFileSync(join(dir, "bell3.qasm"), q3.out);
    expect((await run("convert", join(dir, "bell3.qasm"), "--to", "qasm2", "--out", q2file)).code).toBe(0);
    expect(existsSync(q2file)).toBe(true);
  });
});

describe("qforge CLI: errors are clear and non-zero, never a stack trace", () => {
  it.each([
    [["run", "missing.qasm"], /cannot read missing\.qasm: no such file/, 1],
    [["state", "examples/ghz3.qasm"], /parameter "theta" has no value/, 1],
    [["run", "examples/bell.qasm", "--shots", "-3"], /--shots must be a positive integer/, 1],
    [["expval", "examples/bell.qasm"], /at least one --observable/, 1],
    [["expval", "examples/bell.qasm", "--observable", "Z7"], /qubit 7/, 1],
    [["convert", "examples/bell.qasm", "--to", "qasm4"], /--to must be qasm2 or qasm3/, 1],
    [["nonsense"], /unknown command/, 2],
  ] as const)("%j", async (argv, message, code) => {
    const r = await run(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  it("reports syntax errors with line and column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qf-"));
    const f = join(dir, "bad.qasm");
    writeFileSync(f, 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0]\ncx q[0], q[1];\n');
    const r = await run("run", f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.qasm:\d+:\d+: /);
  });
  it("refuses a state that would not fit in memory, saying how much it needs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qf-"));
    const f = join(dir, "big.qasm");
    writeFileSync(f, 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[36] q;\nh q[0];\n');
    const r = await run("state", f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/36-qubit state vector needs 1 TiB/);
  });
});

describe("qforge CLI: --threads and --precision", () => {
  it("gives the same state in complex64 (to 1e-6) and with 2 threads", async () => {
    const base = JSON.parse((await run("state", "examples/ghz3.qasm", "--param", "theta=0.7", "--json")).out);
    const f32 = JSON.parse(
      (await run("state", "examples/ghz3.qasm", "--param", "theta=0.7", "--json", "--precision", "complex64"))
        .out,
    );
    const thr = JSON.parse(
      (await run("state", "examples/ghz3.qasm", "--param", "theta=0.7", "--json", "--threads", "2")).out,
    );
    base.statevector.forEach(([re, im]: [number, number], i: number) => {
      expect(Math.abs(f32.statevector[i][0] - re)).toBeLessThan(1e-6);
      expect(Math.abs(f32.statevector[i][1] - im)).toBeLessThan(1e-6);
      expect(thr.statevector[i]).toEqual([re, im]);
    });
  });
  it("rejects a bad precision or thread count", async () => {
    expect((await run("run", "examples/bell.qasm", "--precision", "complex32")).err).toMatch(
      /--precision must be complex128 or complex64/,
    );
    expect((await run("run", "examples/bell.qasm", "--threads", "0")).err).toMatch(
      /--threads must be a positive integer/,
    );
  });
});
