import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FidelityQuantumKernel, ZZFeatureMap } from "../../ml/index.js";
import { parseExperimentConfig } from "../../runtime/experiment/load-experiment-config.js";
import { main } from "../main.js";

const root = mkdtempSync(join(tmpdir(), "qforge-cli-exp-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (...p: string[]) => join(root, ...p);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Two noisy blobs in 3 features, labels cat/dog, and a split column: deterministic. */
function blobs(n = 48): string {
  let s = 7;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
  const lines = ["a,b,c,label,part"];
  for (let i = 0; i < n; i++) {
    const dog = i % 2 === 1;
    const c = dog ? 1 : -1;
    lines.push(
      [c + rand(), c * 0.5 + rand(), rand(), dog ? "dog" : "cat", i % 4 === 3 ? "test" : "train"]
        .map((v) => (typeof v === "number" ? v.toFixed(4) : v))
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

function writeConfig(name: string, extra = "", output = at("runs", name)): string {
  const file = at(`${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}
data: { csv: ${at("blobs.csv")}, target: label, split: { column: part } }
models:
  - { type: vqc, optimizer: { type: lbfgs, max_iterations: 5 } }
  - { type: qsvc, feature_map: { type: zz, reps: 1, entanglement: linear } }
baselines: [logistic_regression]
report: { boundary_grid: 8 }
output: ${output}
${extra}`,
  );
  return file;
}

writeFileSync(at("blobs.csv"), blobs());

describe("qforge experiment init", () => {
  it("writes a commented config that validates, and refuses to overwrite it", async () => {
    const file = at("experiment.yaml");
    const first = await cli("experiment", "init", file);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`wrote ${file}`);
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^# qforge experiment config/);
    expect(parseExperimentConfig(text, file).name).toBe("my-experiment");
    const again = await cli("experiment", "init", file);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`${file} already exists; pass --force`);
    expect((await cli("experiment", "init", file, "--force")).code).toBe(0);
  });
});

describe("qforge experiment run", () => {
  it("runs, prints the table and the report path, and keeps text labels and the split column", async () => {
    const r = await cli("experiment", "run", writeConfig("blobs"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/model\s+family\s+test accuracy\s+test F1\s+test ROC AUC\s+fit time/);
    expect(r.out).toMatch(/^vqc\s+quantum\s+\d\.\d{3}/m);
    expect(r.out).toContain(`report: ${at("runs", "blobs", "report.html")}`);
    expect(r.err).toContain("[1/3] vqc: training (at most 5 iterations)");
    expect(r.err).toMatch(/\[3\/3\] logistic_regression: done in [\d.]+ s, test accuracy/);
    const metrics = JSON.parse(readFileSync(at("runs", "blobs", "metrics.json"), "utf8"));
    expect(metrics.data).toMatchObject({
      rows: 48,
      features: 3,
      classes: ["cat", "dog"],
      train_rows: 36,
      test_rows: 12,
      split: 'given by the column "part"',
    });
    const preds = readFileSync(at("runs", "blobs", "test-predictions.csv"), "utf8")
      .trim()
      .split("\n");
    expect(preds[0]).toBe("row,label,vqc,qsvc,logistic_regression");
    expect(preds[1]).toMatch(/^4,dog,(cat|dog),(cat|dog),(cat|dog)$/);
  });

  it("--quiet prints no progress; a terminal gets a redrawn bar", async () => {
    const quiet = await cli("experiment", "run", writeConfig("quiet"), "--quiet");
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe("");
    const written: string[] = [];
    const code = await main(["experiment", "run", writeConfig("tty"), "--max-iterations", "3"], {
      out: () => {},
      err: () => {},
      progress: { isTTY: true, write: (s) => written.push(s) },
    });
    expect(code).toBe(0);
    const text = written.join("");
    expect(text).toContain("\r\x1b[2K[1/3] vqc  training…");
    expect(readFileSync(at("runs", "tty", "config.resolved.yaml"), "utf8")).toContain(
      "budget:\n  max_iterations: 3\n",
    );
    expect(text).toMatch(/\[1\/3\] vqc: done in [\d.]+ s, test accuracy \d\.\d{3}\n/);
  });

  it("never overwrites without being told: same config, other config, other files", async () => {
    const file = writeConfig("guarded");
    expect((await cli("experiment", "run", file, "--quiet")).code).toBe(0);
    const same = await cli("experiment", "run", file, "--quiet");
    expect(same.code).toBe(1);
    expect(same.err).toContain(
      `${at("runs", "guarded")} already holds a previous run of this same config; pass --rerun (or --force) to replace it`,
    );
    expect((await cli("experiment", "run", file, "--quiet", "--rerun")).code).toBe(0);

    const other = writeConfig("guarded-other", "seed: 3\n", at("runs", "guarded"));
    const different = await cli("experiment", "run", other, "--quiet", "--rerun");
    expect(different.code).toBe(1);
    expect(different.err).toContain(
      'already holds a run of a different config (name "guarded"); --rerun only replaces a run of the same config; pass --force',
    );
    const forced = await cli("experiment", "run", other, "--quiet", "--force");
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(at("runs", "guarded", "metrics.json"), "utf8")).name).toBe(
      "guarded-other",
    );

    mkdirSync(at("mine"));
    writeFileSync(at("mine", "notes.txt"), "my notes");
    const foreign = await cli("experiment", "run", file, "--quiet", "--out", at("mine"));
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain("is not empty and does not hold a qforge run");
    expect((await cli("experiment", "run", file, "--quiet", "--out", at("mine"), "--force")).code).toBe(0);
    expect(readFileSync(at("mine", "notes.txt"), "utf8")).toBe("my notes");
  });

  it("a bad config, a missing or unreadable CSV fail before any work, naming the problem", async () => {
    const bad = at("bad.yaml");
    writeFileSync(
      bad,
      `name: bad\ndata: { csv: ${at("blobs.csv")} }\nmodels: [{ type: vqc, optimizer: { type: adam, learning_rate: -1 } }]\noutput: ${at("runs", "bad")}\n`,
    );
    const r1 = await cli("experiment", "run", bad);
    expect(r1.code).toBe(1);
    expect(r1.err).toContain("models[0].optimizer.learning_rate: expected a positive number, got -1");

    const missing = writeConfig("missing");
    writeFileSync(missing, readFileSync(missing, "utf8").replace(at("blobs.csv"), at("nope.csv")));
    const r2 = await cli("experiment", "run", missing);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain(`cannot read ${at("nope.csv")}: no such file`);

    writeFileSync(at("broken.csv"), "a,b,c,label,part\n1,2,x,cat,train\n");
    const broken = writeConfig("broken");
    writeFileSync(broken, readFileSync(broken, "utf8").replace(at("blobs.csv"), at("broken.csv")));
    const r3 = await cli("experiment", "run", broken);
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('CSV line 2, column "c": "x" is not a number');

    const r4 = await cli("experiment", "run", at("no-such-config.yaml"));
    expect(r4.code).toBe(1);
    expect(r4.err).toContain("no such file");

    writeFileSync(
      at("wide.yaml"),
      `name: wide\ndata: { csv: bundled:breast_cancer }\nmodels: [vqc]\noutput: ${at("runs", "wide")}\n`,
    );
    const r5 = await cli("experiment", "run", at("wide.yaml"));
    expect(r5.code).toBe(1);
    expect(r5.err).toContain("models[0]: 30 features after preprocessing would need 30 qubits");
    for (const name of ["bad", "missing", "broken", "wide"]) expect(existsSync(at("runs", name))).toBe(false);
  });

  it("Ctrl-C after the first model: keeps it, writes metrics and report, exits 130", async () => {
    const err: string[] = [];
    const code = await main(["experiment", "run", writeConfig("stopped")], {
      out: () => {},
      err: (s) => {
        err.push(s);
        if (s.startsWith("[1/3] vqc: done")) process.emit("SIGINT");
      },
    });
    expect(code).toBe(130);
    expect(err.join("\n")).toContain("qforge: stopped by Ctrl-C; kept vqc in");
    const metrics = JSON.parse(readFileSync(at("runs", "stopped", "metrics.json"), "utf8"));
    expect(metrics.interrupted).toBe(true);
    expect(metrics.models.map((m: { name: string }) => m.name)).toEqual(["vqc"]);
    expect(metrics.not_run).toEqual(["qsvc", "logistic_regression"]);
    expect(readFileSync(at("runs", "stopped", "report.html"), "utf8")).toContain(
      "The run was stopped early. Not run: qsvc, logistic_regression.",
    );
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it("a real SIGINT to a running qforge process stops it cleanly", async () => {
    const config = at("signal.yaml");
    const vqcs = Array.from({ length: 6 }, (_, i) => `  - { type: vqc, name: v${i}, seed: ${i} }`).join("\n");
    writeFileSync(
      config,
      `name: signal\ndata: { csv: bundled:iris }\nmodels:\n${vqcs}\nbaselines: none\nreport: { decision_boundary: false }\noutput: ${at("runs", "signal")}\n`,
    );
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `import { main } from "./src/cli/main.ts"; process.exitCode = await main(${JSON.stringify(["experiment", "run", config])});`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    setTimeout(() => child.kill("SIGKILL"), 50_000).unref(); // never leave it running if something goes wrong
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (!sent && stderr.includes("[1/6] v0: done")) sent = child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toContain("qforge: stopping");
    expect(code).toBe(130);
    const metrics = JSON.parse(readFileSync(at("runs", "signal", "metrics.json"), "utf8"));
    expect(metrics.interrupted).toBe(true);
    expect(metrics.models.length).toBeGreaterThanOrEqual(1);
    expect(metrics.not_run.length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe("qforge predict", () => {
  it("reproduces the run's test predictions (text labels, probabilities) and refuses to overwrite --out", async () => {
    const run = at("runs", "blobs");
    if (!existsSync(join(run, "metrics.json")))
      expect((await cli("experiment", "run", writeConfig("blobs"), "--quiet")).code).toBe(0);
    const all = readFileSync(at("blobs.csv"), "utf8").trim().split("\n");
    const testRows = all.filter((l, i) => i === 0 || l.endsWith(",test"));
    writeFileSync(at("test-rows.csv"), `${testRows.join("\n")}\n`);
    const expected = readFileSync(join(run, "test-predictions.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    for (const [k, model] of ["vqc", "qsvc", "logistic_regression"].entries()) {
      const r = await cli("predict", join(run, `model-${model}.json`), at("test-rows.csv"));
      expect(r.code).toBe(0);
      const lines = r.out.split("\n");
      expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(expected.map((e) => e[k + 2]));
      expect(r.err).toMatch(/^accuracy on the 12 rows \(their target column\): [01]\.\d{4}$/);
      if (model !== "qsvc") expect(lines[0]).toBe("prediction,p_cat,p_dog");
    }
    const out = at("predictions.csv");
    const first = await cli("predict", join(run, "model-vqc.json"), at("test-rows.csv"), "--out", out);
    expect(first).toMatchObject({ code: 0, out: `wrote ${out} (12 predictions)` });
    const again = await cli("predict", join(run, "model-vqc.json"), at("test-rows.csv"), "--out", out);
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists; pass --force");
  });

  it("names missing feature columns and bad model files", async () => {
    const run = at("runs", "blobs");
    if (!existsSync(join(run, "metrics.json")))
      expect((await cli("experiment", "run", writeConfig("blobs"), "--quiet")).code).toBe(0);
    writeFileSync(at("narrow.csv"), "a,b\n1,2\n");
    const r = await cli("predict", join(run, "model-vqc.json"), at("narrow.csv"));
    expect(r.code).toBe(1);
    expect(r.err).toContain('lacks the feature column "c" the model was trained on');
    writeFileSync(at("junk.json"), "{}");
    const j = await cli("predict", at("junk.json"), at("narrow.csv"));
    expect(j.code).toBe(1);
    expect(j.err).toContain("junk.json: not a qforge model");
  });
});

describe("qforge kernel", () => {
  const csv = "x0,x1,x2,y\n0.1,0.5,1.2,0\n0.7,0.2,2.9,1\n1.5,1.1,0.3,0\n";
  writeFileSync(at("points.csv"), csv);
  const X = [
    [0.1, 0.5, 1.2],
    [0.7, 0.2, 2.9],
    [1.5, 1.1, 0.3],
  ];

  it("--json prints the fidelity kernel of the raw features", async () => {
    const r = await cli(
      "kernel",
      at("points.csv"),
      "--feature-map",
      "zz",
      "--reps",
      "2",
      "--entanglement",
      "linear",
      "--target",
      "y",
      "--json",
    );
    expect(r.code).toBe(0);
    const expected = new FidelityQuantumKernel(
      new ZZFeatureMap(3, { reps: 2, entanglement: "linear" }),
    ).evaluate(X);
    expect(JSON.parse(r.out)).toEqual({ matrix: expected });
  });

  it("without --target every column is a feature; plain output is a table", async () => {
    writeFileSync(at("features.csv"), "x0,x1,x2\n0.1,0.5,1.2\n0.7,0.2,2.9\n1.5,1.1,0.3\n");
    const r = await cli("kernel", at("features.csv"));
    expect(r.code).toBe(0);
    const expected = new FidelityQuantumKernel(new ZZFeatureMap(3)).evaluate(X);
    expect(r.out.split("\n")).toEqual(expected.map((row) => row.map((v) => v.toFixed(4)).join(" ")));
  });

  it("names wrong options", async () => {
    const r = await cli("kernel", at("points.csv"), "--target", "y", "--reps", "0", "--entanglement", "ring");
    expect(r.code).toBe(1);
    expect(r.err).toContain("--reps: expected a number ≥ 1, got 0");
    expect(r.err).toContain(
      '--entanglement: expected one of full, linear, reverse_linear, circular, pairwise, sca, got "ring"',
    );
    const r2 = await cli("kernel", at("points.csv"), "--feature-map", "angle", "--reps", "2");
    expect(r2.err).toContain("--reps: does not apply to --feature-map angle");
    const r3 = await cli("kernel", at("points.csv"), "--target", "z");
    expect(r3.err).toContain('has no target column "z"');
  });
});
