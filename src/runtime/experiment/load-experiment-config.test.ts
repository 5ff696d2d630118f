import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseExperimentConfig } from "./load-experiment-config.js";
import { experimentConfigYaml } from "./experiment-config-yaml.js";
import { EXPERIMENT_TEMPLATE } from "./experiment-template.js";

const minimal = "name: demo\ndata: { csv: bundled:iris }\nmodels: [vqc]\n";

function problems(text: string): string {
  try {
    parseExperimentConfig(text, "bad.yaml");
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the config to be rejected");
}

describe("experiment config: defaults", () => {
  it("fills every default of a minimal config", () => {
    const c = parseExperimentConfig(minimal);
    expect(c.seed).toBe(0);
    expect(c.output).toBe("runs/demo");
    expect(c.data).toEqual({
      csv: "bundled:iris",
      target: "target",
      features: "all",
      classes: "all",
      split: { test_size: 0.3, stratify: true },
    });
    expect(c.preprocess).toEqual(["standard", { minmax: [0, Math.PI] }]);
    expect(c.models[0]).toMatchObject({
      type: "vqc",
      name: "vqc",
      seed: 0,
      feature_map: { type: "angle", rotation: "Y" },
      ansatz: { type: "real_amplitudes", reps: 3, entanglement: "reverse_linear" },
      optimizer: { type: "lbfgs", max_iterations: 100 },
      readout: "expectation",
      init_scale: Math.PI / 4,
    });
    expect(c.baselines.map((b) => b.name)).toEqual(["svc_rbf", "logistic_regression", "mlp"]);
    expect(c.budget).toEqual({ max_iterations: null, max_train_samples: null });
    expect(c.report).toEqual({ decision_boundary: true, boundary_grid: 30, kernel_samples: 40 });
  });

  it("reads JSON as well", () => {
    const c = parseExperimentConfig(
      '{ "name": "j", "data": { "csv": "bundled:iris" }, "models": [{ "type": "qsvc", "C": 2 }] }',
      "j.json",
    );
    expect(c.models[0]).toMatchObject({
      type: "qsvc",
      C: 2,
      feature_map: { type: "zz" },
      kernel: { type: "fidelity" },
    });
  });

  it("regression configs get regression baselines and no stratification", () => {
    const c = parseExperimentConfig("name: r\ndata: { csv: bundled:diabetes }\nmodels: [vqr, qsvr]\n");
    expect(c.baselines.map((b) => b.type)).toEqual(["ridge", "svr_rbf", "mlp"]);
    expect(c.data.split).toEqual({ test_size: 0.3, stratify: false });
  });

  it("fills learning rates, names repeated types, maps shorthands and pi", () => {
    const c = parseExperimentConfig(`
name: x
data: { csv: a.csv, split: { column: part } }
preprocess: [standard, { pca: 3 }, { minmax: [-pi, pi/2] }]
models:
  - { type: vqc, optimizer: adam, feature_map: zz }
  - { type: vqc, optimizer: { type: sgd } }
  - { type: qsvc, kernel: projected }
  - { type: vqc, feature_map: data_reuploading }
baselines: none
`);
    expect(c.models.map((m) => m.name)).toEqual(["vqc", "vqc-2", "qsvc", "vqc-3"]);
    expect(c.models[0]).toMatchObject({
      optimizer: { type: "adam", learning_rate: 0.05 },
      feature_map: { type: "zz", reps: 2, entanglement: "full", alpha: 2, bandwidth: 1 },
    });
    expect(c.models[1]).toMatchObject({ optimizer: { type: "sgd", learning_rate: 0.1 } });
    expect(c.models[2]).toMatchObject({ kernel: { type: "projected", gamma: 1 } });
    expect(c.models[3]).toMatchObject({ ansatz: { type: "none" } });
    expect(c.preprocess).toEqual(["standard", { pca: 3 }, { minmax: [-Math.PI, Math.PI / 2] }]);
    expect(c.data.split).toEqual({ column: "part", train: "train", test: "test" });
    expect(c.baselines).toEqual([]);
  });

  it("the resolved YAML loads back to the same config (repeatable runs)", () => {
    for (const file of readdirSync("examples/configs")) {
      const config = parseExperimentConfig(readFileSync(`examples/configs/${file}`, "utf8"), file);
      expect(parseExperimentConfig(experimentConfigYaml(config))).toEqual(config);
    }
  });

  it("the `experiment init` template is a valid config", () => {
    const c = parseExperimentConfig(EXPERIMENT_TEMPLATE, "template");
    expect(c.models.map((m) => m.type)).toEqual(["qsvc", "vqc"]);
    expect(c.output).toBe("runs/my-experiment");
  });
});

describe("experiment config: errors name the field", () => {
  it("reports every wrong field at once, with paths and plain messages", () => {
    const msg = problems(`
name: x
seed: 1.5
data: { csv: bundled:iris, splt: 1, split: { test_size: -1 } }
preprocess: [standard, foo, { pca: 0 }, { minmax: [0, tau] }]
models:
  - { type: vqc, optimizer: { type: adam, learning_rate: -0.1 } }
  - { type: vqc, feature_map: zzz }
  - { type: qsvx }
  - { type: vqc, ansatz: { type: real_amplitudes, reps: 0 } }
baselines: [ridgee]
`);
    expect(msg).toContain("bad.yaml has 11 problems");
    expect(msg).toContain("seed: expected a whole number, got 1.5");
    expect(msg).toContain('data.splt: unknown field (did you mean "split"?)');
    expect(msg).toContain("data.split.test_size: expected a positive number, got -1");
    expect(msg).toContain(
      'preprocess[1]: expected standard, minmax, { pca: N } or { minmax: [low, high] }, got "foo"',
    );
    expect(msg).toContain("preprocess[2].pca: expected a number ≥ 1, got 0");
    expect(msg).toContain('preprocess[3].minmax[1]: expected a number (or pi, -pi, 2pi, pi/2), got "tau"');
    expect(msg).toContain("models[0].optimizer.learning_rate: expected a positive number, got -0.1");
    expect(msg).toContain(
      'models[1].feature_map.type: expected one of zz, z, pauli, angle, iqp, data_reuploading, got "zzz"',
    );
    expect(msg).toContain(
      'models[2].type: expected one of qsvc, qsvr, vqc, vqr, qcnn, data_reuploading, got "qsvx"',
    );
    expect(msg).toContain("models[3].ansatz.reps: expected a number ≥ 1, got 0");
    expect(msg).toContain(
      'baselines[0].type: expected one of svc_rbf, logistic_regression, mlp, ridge, svr_rbf, got "ridgee"',
    );
  });

  it("names missing required fields", () => {
    expect(problems("seed: 1\n")).toMatch(/name: missing[\s\S]*data: missing[\s\S]*models: missing/);
    expect(problems("name: x\ndata: {}\nmodels: []\n")).toMatch(
      /data\.csv: missing[\s\S]*models: needs at least one model/,
    );
  });

  it("checks rules across fields", () => {
    expect(problems("name: x\ndata: { csv: a.csv }\nmodels: [qsvc, vqr]\n")).toContain(
      "models[1].type: vqr is a regressor but models[0] (qsvc) is a classifier",
    );
    expect(problems("name: x\ndata: { csv: a.csv }\nmodels: [vqc]\nbaselines: [ridge]\n")).toContain(
      "baselines[0].type: ridge is for regression",
    );
    expect(
      problems(
        "name: x\ndata: { csv: a.csv }\nmodels: [{ type: vqc, optimizer: { type: lbfgs, learning_rate: 0.1 } }]\n",
      ),
    ).toContain("models[0].optimizer.learning_rate: only adam and sgd use a learning rate");
    expect(
      problems("name: x\ndata: { csv: a.csv }\nmodels: [{ type: vqc, name: a }, { type: qsvc, name: a }]\n"),
    ).toContain('models[1].name: the name "a" is already used by models[0]');
    expect(
      problems("name: x\ndata: { csv: a.csv, split: { column: s, test_size: 0.2 } }\nmodels: [vqc]\n"),
    ).toContain("data.split.test_size: not used with a split column");
    expect(problems("name: x\ndata: { csv: a.csv, split: { stratify: true } }\nmodels: [vqr]\n")).toContain(
      "data.split.stratify: stratifying needs class labels",
    );
    expect(
      problems("name: x\ndata: { csv: a.csv }\nmodels: [{ type: qsvr, kernel: trainable }]\n"),
    ).toContain("models[0].kernel.type: a trainable kernel is fitted by kernel-target alignment");
    expect(
      problems(
        "name: x\ndata: { csv: a.csv }\nmodels: [{ type: vqc, feature_map: data_reuploading, ansatz: real_amplitudes }]\n",
      ),
    ).toContain("models[0].ansatz: a data_reuploading feature map carries its own weights");
    expect(problems("name: a b\ndata: { csv: a.csv }\nmodels: [vqc]\n")).toContain(
      "name: expected a name of letters, digits",
    );
  });

  it("names YAML syntax errors with their line and refuses a non-mapping", () => {
    expect(problems("name: x\nmodels: [vqc\n")).toMatch(
      /bad\.yaml is not valid YAML or JSON \(line \d+, column \d+\)/,
    );
    expect(problems("[1, 2]")).toContain("bad.yaml must hold a mapping of fields");
    expect(problems("name: x\nname: y\n")).toMatch(/not valid YAML/);
  });
});
