import { Command, CommanderError } from "commander";
import { QforgeError } from "../index.js";
import { registerCircuitCommands } from "./commands/circuit-commands.js";
import { registerExperimentCommands } from "./commands/experiment-commands.js";

/** Where the command line writes: lines to standard output and error, and optionally a terminal for progress bars. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Raw writes to a terminal for redrawn progress bars; absent, progress prints plain lines through `err`. */
  readonly progress?: { readonly isTTY: boolean; readonly write: (s: string) => void };
}

const consoleIo: CliIo = {
  out: (s) => console.log(s),
  err: (s) => console.error(s),
  progress: { isTTY: process.stderr.isTTY === true, write: (s) => void process.stderr.write(s) },
};

/**
 * Runs the `qforge` command line with `argv` (without the node and script entries). Returns the exit
 * code: 0 on success, 1 for a problem with the input, 2 for a usage error, 70 for an internal error,
 * 130 for an experiment stopped by Ctrl-C (after writing what had finished).
 */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  const program = new Command("qforge")
    .description(
      "quantum machine learning: simulate circuits, train models, compare with classical baselines",
    )
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError("(run qforge --help for usage)");
  registerCircuitCommands(program, io.out);
  let exitCode = 0;
  registerExperimentCommands(program, { ...io, setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof QforgeError) {
      io.err(`qforge: error: ${e.message}`);
      return 1;
    }
    io.err(
      `qforge: internal error: ${(e as Error).message}\nThis is a bug in qforge; please report it with the command you ran.`,
    );
    if (process.env["QFORGE_DEBUG"]) io.err((e as Error).stack ?? "");
    return 70;
  }
}
