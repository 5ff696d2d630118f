import type { Command } from "commander";
import { QforgeError } from "../../index.js";
import { writeTextFile } from "../../runtime/files.js";
import { configIssuesFromZod, formatPath } from "../../runtime/experiment/config-issues.js";
import {
  ENTANGLEMENTS,
  KNOWN_CONFIG_FIELDS,
  featureMapSchema,
} from "../../runtime/experiment/experiment-config-schema.js";
import { EXPERIMENT_TEMPLATE } from "../../runtime/experiment/experiment-template.js";
import { kernelMatrixFromCsv } from "../../runtime/experiment/kernel-csv.js";
import { loadExperimentConfig } from "../../runtime/experiment/load-experiment-config.js";
import { predictCsv } from "../../runtime/experiment/predict-csv.js";
import {
  createProgressPrinter,
  type ProgressMode,
  type ProgressSink,
} from "../../runtime/experiment/progress-printer.js";
import { runExperiment } from "../../runtime/experiment/run-experiment.js";
import { summaryTable } from "../../runtime/experiment/summary-table.js";
import { positiveInt } from "../common.js";

/** What the experiment commands print to and how they report an exit code other than 0. */
export interface ExperimentCommandIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** A terminal stream for the progress bar; without one (or when it is not a TTY) progress prints plain lines. */
  readonly progress?: { readonly isTTY: boolean; readonly write: (s: string) => void };
  readonly setExitCode: (code: number) => void;
}

/** Iteration cap of `--quick`. */
export const QUICK_MAX_ITERATIONS = 20;

/** `experiment run`, `experiment init`, `predict` and `kernel`. */
export function registerExperimentCommands(program: Command, io: ExperimentCommandIo): void {
  const experiment = program
    .command("experiment")
    .description("run quantum-vs-classical experiments from a config file");

  experiment
    .command("run")
    .description(
      "train the config's quantum models and classical baselines; write metrics, models and an HTML report",
    )
    .argument("<config>", "experiment config (YAML or JSON); see `qforge experiment init`")
    .option("--out <dir>", "output folder (default: the config's output, runs/NAME)")
    .option("--force", "replace what the output folder holds (files other than a run's are left alone)")
    .option("--rerun", "replace the output folder only if it holds a previous run of this same config")
    .option("--quick", `a reduced budget: at most ${QUICK_MAX_ITERATIONS} iterations per quantum optimizer`)
    .option(
      "--max-iterations <n>",
      "cap every quantum optimizer's iterations",
      positiveInt("--max-iterations"),
    )
    .option("--quiet", "no progress output")
    .action(
      async (
        file: string,
        o: {
          out?: string;
          force?: boolean;
          rerun?: boolean;
          quick?: boolean;
          maxIterations?: number;
          quiet?: boolean;
        },
      ) => {
        let config = loadExperimentConfig(file);
        if (o.out !== undefined) config = { ...config, output: o.out };
        const caps = [
          config.budget.max_iterations,
          o.quick ? QUICK_MAX_ITERATIONS : null,
          o.maxIterations ?? null,
        ].filter((v): v is number => v !== null);
        if (caps.length)
          config = { ...config, budget: { ...config.budget, max_iterations: Math.min(...caps) } };

        const mode: ProgressMode = o.quiet ? "quiet" : io.progress?.isTTY ? "bar" : "lines";
        const tty = io.progress;
        const sink: ProgressSink =
          mode === "bar" && tty
            ? { write: tty.write, line: (s) => tty.write(`${s}\n`) }
            : { write: () => {}, line: io.err };
        const controller = new AbortController();
        let firstStop = 0;
        const onSigint = () => {
          if (!controller.signal.aborted) {
            firstStop = Date.now();
            controller.abort();
            io.err(
              "\nqforge: stopping — the finished models will be kept (press Ctrl-C again to quit at once)",
            );
          } else if (Date.now() - firstStop > 1000) process.exit(130);
        };
        process.on("SIGINT", onSigint);
        let result;
        try {
          result = await runExperiment(config, {
            force: o.force === true,
            rerun: o.rerun === true,
            signal: controller.signal,
            onEvent: createProgressPrinter(mode, sink),
          });
        } finally {
          process.off("SIGINT", onSigint);
        }
        if (result.metrics) {
          io.out(summaryTable(result.metrics));
          io.out(`report: ${result.reportPath}`);
        }
        if (result.interrupted) {
          io.err(
            result.kept.length
              ? `qforge: stopped by Ctrl-C; kept ${result.kept.join(", ")} in ${result.outputDir}${result.notRun.length ? ` (not run: ${result.notRun.join(", ")})` : ""}`
              : "qforge: stopped by Ctrl-C before any model finished; nothing was written",
          );
          io.setExitCode(130);
        }
      },
    );

  experiment
    .command("init")
    .description("write a commented example config that documents every field and default")
    .argument("[file]", "where to write it", "experiment.yaml")
    .option("--force", "overwrite an existing file")
    .action((file: string, o: { force?: boolean }) => {
      writeTextFile(file, EXPERIMENT_TEMPLATE, { overwrite: o.force === true });
      io.out(`wrote ${file}; edit it, then run: qforge experiment run ${file}`);
    });

  program
    .command("predict")
    .description("predict with a saved model (e.g. runs/NAME/model-qsvc.json) on the rows of a CSV file")
    .argument("<model>", "model file (JSON)")
    .argument("<data>", "CSV file with the model's feature columns (a target column is optional)")
    .option("--out <file>", "write the predictions CSV to a file instead of standard output")
    .option(
      "--target <column>",
      "the target column to leave out of the features (default: the model's, else target)",
    )
    .option("--force", "overwrite an existing output file")
    .action((modelFile: string, dataFile: string, o: { out?: string; target?: string; force?: boolean }) => {
      const result = predictCsv(modelFile, dataFile, o.target === undefined ? {} : { target: o.target });
      if (o.out !== undefined) {
        writeTextFile(o.out, result.csv, { overwrite: o.force === true });
        io.out(`wrote ${o.out} (${result.rows} predictions)`);
      } else io.out(result.csv.trimEnd());
      if (result.score)
        io.err(
          `${result.score.metric === "r2" ? "R²" : "accuracy"} on the ${result.rows} rows (their target column): ${result.score.value.toFixed(4)}`,
        );
    });

  program
    .command("kernel")
    .description(
      "print the fidelity quantum kernel matrix of a CSV file's rows (features taken as given, one qubit each)",
    )
    .argument("<data>", "CSV file; every column except --target is a feature")
    .option("--feature-map <type>", "zz, z, pauli, angle or iqp", "zz")
    .option("--reps <n>", "repetitions (zz, z, pauli: default 2; iqp: 1)")
    .option("--entanglement <pattern>", `${ENTANGLEMENTS.join(", ")} (default full)`)
    .option("--alpha <a>", "angle multiplier of zz, z and pauli (default 2)")
    .option("--bandwidth <b>", "feature scaling (default 1)")
    .option("--rotation <axis>", "angle: X, Y or Z (default Y)")
    .option("--paulis <words>", "pauli: comma-separated words (default Z,ZZ)")
    .option("--target <column>", "a column to leave out (labels)")
    .option("--json", 'machine-readable output: {"matrix": [[…], …]}')
    .action((file: string, o: Record<string, string | boolean | undefined>) => {
      const spec = featureMapFromOptions(o);
      const matrix = kernelMatrixFromCsv(
        file,
        spec,
        typeof o["target"] === "string" ? o["target"] : undefined,
      );
      if (o["json"]) io.out(JSON.stringify({ matrix }));
      else for (const row of matrix) io.out(row.map((v) => v.toFixed(4)).join(" "));
    });
}

const FLAG: Record<string, string> = {
  type: "--feature-map",
  reps: "--reps",
  entanglement: "--entanglement",
  alpha: "--alpha",
  bandwidth: "--bandwidth",
  rotation: "--rotation",
  paulis: "--paulis",
};

/** The feature-map spec the kernel command's options describe, validated like a config's feature_map. */
function featureMapFromOptions(o: Record<string, string | boolean | undefined>) {
  const num = (v: unknown) =>
    typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v;
  const raw: Record<string, unknown> = { type: o["featureMap"] };
  for (const k of ["reps", "alpha", "bandwidth"] as const) if (o[k] !== undefined) raw[k] = num(o[k]);
  if (o["entanglement"] !== undefined) raw["entanglement"] = o["entanglement"];
  if (o["rotation"] !== undefined) raw["rotation"] = String(o["rotation"]).toUpperCase();
  if (o["paulis"] !== undefined)
    raw["paulis"] = String(o["paulis"])
      .split(",")
      .map((s) => s.trim());
  if (raw["type"] === "data_reuploading")
    throw new QforgeError(
      "INVALID_ARGUMENT",
      "--feature-map: data_reuploading has trainable weights; choose zz, z, pauli, angle or iqp",
    );
  const parsed = featureMapSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const issues = configIssuesFromZod(parsed.error, KNOWN_CONFIG_FIELDS);
    const text = issues.map((i) => {
      const key = String(i.path[0] ?? "type");
      const message = i.message.replace(
        /^unknown field.*/,
        `does not apply to --feature-map ${String(raw["type"])}`,
      );
      return `${FLAG[key] ?? formatPath(i.path)}: ${message}`;
    });
    throw new QforgeError("INVALID_ARGUMENT", text.join("; "));
  }
  return parsed.data;
}
