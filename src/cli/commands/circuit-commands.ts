import type { Command } from "commander";
import { QforgeError, drawSvg, drawText, toQasm2, toQasm3 } from "../../index.js";
import { writeTextFile } from "../../runtime/files.js";
import {
  type SimulatorFlags,
  collect,
  integer,
  loadCircuit,
  parseParams,
  positiveInt,
  withSimulator,
} from "../common.js";

/** `state`, `expval`, `run`, `draw`, `convert`: the circuit commands. */
export function registerCircuitCommands(program: Command, print: (s: string) => void): void {
  program
    .command("state")
    .description("print the final state vector of a circuit (OpenQASM 2 or 3)")
    .argument("<file>", "OpenQASM file")
    .option("--param <name=value>", "value of an input parameter (repeatable)", collect, [])
    .option("--json", "machine-readable output")
    .option("--threads <n>", "worker threads (default: every core)", positiveInt("--threads"))
    .option("--precision <p>", "complex128 (default) or complex64 (half the memory)")
    .action((file: string, o: { param: string[]; json?: boolean } & SimulatorFlags) => {
      // Final read-out is dropped: the state printed is the one just before it.
      const c = loadCircuit(file).removeFinalMeasurements();
      const s = withSimulator(o, 0, (sim) => sim.statevector(c, parseParams(o.param)));
      const amps: [number, number][] = [];
      for (let i = 0; i < s.length; i += 2) amps.push([s[i]!, s[i + 1]!]);
      if (o.json) print(JSON.stringify({ numQubits: c.numQubits, statevector: amps }));
      else
        amps.forEach(([re, im], i) =>
          print(
            `|${i.toString(2).padStart(c.numQubits, "0")}⟩  ${fmt(re)} ${im < 0 ? "-" : "+"} ${fmt(Math.abs(im))}i`,
          ),
        );
    });

  program
    .command("expval")
    .description('print expectation values of Pauli observables, e.g. --observable "0.5*Z0 Z1 + X2"')
    .argument("<file>", "OpenQASM file")
    .option("--observable <text>", "a Pauli sum (repeatable)", collect, [])
    .option("--param <name=value>", "value of an input parameter (repeatable)", collect, [])
    .option("--json", "machine-readable output")
    .option("--threads <n>", "worker threads (default: every core)", positiveInt("--threads"))
    .option("--precision <p>", "complex128 (default) or complex64 (half the memory)")
    .action((file: string, o: { observable: string[]; param: string[]; json?: boolean } & SimulatorFlags) => {
      if (o.observable.length === 0)
        throw new QforgeError(
          "INVALID_ARGUMENT",
          'give at least one --observable, e.g. --observable "Z0 Z1"',
        );
      const c = loadCircuit(file).removeFinalMeasurements();
      const e = withSimulator(o, 0, (sim) => sim.expectation(c, o.observable, parseParams(o.param)))[0]!;
      if (o.json) print(JSON.stringify({ expectations: e }));
      else o.observable.forEach((obs, k) => print(`⟨${obs}⟩ = ${e[k]}`));
    });

  program
    .command("run")
    .description("sample measurement counts (classical bit 0 printed rightmost)")
    .argument("<file>", "OpenQASM file")
    .option("--shots <n>", "number of shots", positiveInt("--shots"), 1024)
    .option("--seed <n>", "random seed", integer("--seed"), 0)
    .option("--param <name=value>", "value of an input parameter (repeatable)", collect, [])
    .option("--json", "machine-readable output")
    .option("--threads <n>", "worker threads (default: every core)", positiveInt("--threads"))
    .option("--precision <p>", "complex128 (default) or complex64 (half the memory)")
    .action(
      (
        file: string,
        o: { shots: number; seed: number; param: string[]; json?: boolean } & SimulatorFlags,
      ) => {
        const c = loadCircuit(file);
        const counts = withSimulator(o, o.seed, (sim) => sim.sample(c, o.shots, parseParams(o.param)))[0]!;
        if (o.json) print(JSON.stringify({ counts }));
        else {
          const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
          const width = Math.max(...rows.map(([k]) => k.length));
          for (const [k, v] of rows)
            print(
              `${k.padStart(width)}  ${String(v).padStart(String(o.shots).length)}  ${"█".repeat(Math.round((40 * v) / o.shots))}`,
            );
        }
      },
    );

  program
    .command("draw")
    .description("draw a circuit as Unicode text, or as SVG with --svg")
    .argument("<file>", "OpenQASM file")
    .option("--svg <out>", "write a standalone SVG file")
    .option(
      "--width <columns>",
      "wrap text drawings at this width",
      positiveInt("--width"),
      process.stdout.columns ?? 100,
    )
    .option("--force", "overwrite an existing output file")
    .action((file: string, o: { svg?: string; width: number; force?: boolean }) => {
      const c = loadCircuit(file);
      if (o.svg) {
        writeTextFile(o.svg, drawSvg(c), { overwrite: o.force === true });
        print(`wrote ${o.svg}`);
      } else print(drawText(c, { maxWidth: o.width }));
    });

  program
    .command("convert")
    .description("convert between OpenQASM 2 and 3")
    .argument("<file>", "OpenQASM file")
    .requiredOption("--to <version>", "qasm2 or qasm3")
    .option("--out <file>", "write to a file instead of standard output")
    .option("--force", "overwrite an existing output file")
    .action((file: string, o: { to: string; out?: string; force?: boolean }) => {
      if (o.to !== "qasm2" && o.to !== "qasm3")
        throw new QforgeError("INVALID_ARGUMENT", `--to must be qasm2 or qasm3, got "${o.to}"`);
      const c = loadCircuit(file);
      const text = o.to === "qasm2" ? toQasm2(c) : toQasm3(c);
      if (o.out) {
        writeTextFile(o.out, text, { overwrite: o.force === true });
        print(`wrote ${o.out}`);
      } else print(text.trimEnd());
    });
}

function fmt(x: number): string {
  return (Math.abs(x) < 1e-15 ? 0 : x).toFixed(6);
}
