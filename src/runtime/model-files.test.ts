import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QforgeError } from "../util/errors.js";
import {
  LogisticRegression,
  MLPClassifier,
  Pipeline,
  SVC,
  StandardScaler,
  trainTestSplit,
} from "../ml/index.js";
import { loadDataset } from "./datasets-node.js";
import { loadModel, saveModel } from "./model-files.js";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof QforgeError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "no error";
}

describe("saveModel / loadModel", () => {
  const dir = mkdtempSync(join(tmpdir(), "qforge-model-"));
  const data = loadDataset("breast_cancer");
  const [Xtr, Xte, ytr] = trainTestSplit(data.X, data.y, { testSize: 0.3, stratify: true, seed: 3 });

  it("reloads pipelines that predict identically", () => {
    const pipes = [
      new Pipeline([new StandardScaler(), new SVC({ probability: true })]),
      new Pipeline([new StandardScaler(), new LogisticRegression()]),
      new Pipeline([new StandardScaler(), new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 20 })]),
    ];
    pipes.forEach((pipe, i) => {
      pipe.fit(Xtr, ytr);
      const file = join(dir, `pipe-${i}.json`);
      saveModel(file, pipe);
      const copy = loadModel(file) as Pipeline;
      expect(copy.predict(Xte)).toEqual(pipe.predict(Xte));
      expect(copy.predictProba!(Xte)).toEqual(pipe.predictProba!(Xte));
    });
  });

  it("refuses to overwrite unless asked", () => {
    const file = join(dir, "exists.json");
    const scaler = new StandardScaler().fit(Xtr);
    saveModel(file, scaler);
    expect(codeOf(() => saveModel(file, scaler))).toMatch(
      /^IO_ERROR: .*exists\.json already exists; pass \{ overwrite: true \}/,
    );
    saveModel(file, new StandardScaler({ withMean: false }).fit(Xtr), { overwrite: true });
    expect((loadModel(file) as StandardScaler).withMean).toBe(false);
  });

  it("reports damaged files as INVALID_MODEL_FILE and missing files as IO_ERROR", () => {
    const good = join(dir, "good.json");
    saveModel(good, new Pipeline([new StandardScaler(), new LogisticRegression()]).fit(Xtr, ytr));
    const text = readFileSync(good, "utf8");

    const truncated = join(dir, "truncated.json");
    writeFileSync(truncated, text.slice(0, text.length / 2));
    expect(codeOf(() => loadModel(truncated))).toMatch(/^INVALID_MODEL_FILE: .*not valid JSON/);

    const json = JSON.parse(text);
    json.params.steps[1].state.coef[0][3] = "oops";
    const damaged = join(dir, "damaged.json");
    writeFileSync(damaged, JSON.stringify(json));
    expect(codeOf(() => loadModel(damaged))).toMatch(
      /^INVALID_MODEL_FILE: .*LogisticRegression model file is damaged: state\.coef\[0\]\[3\]/,
    );

    const foreign = join(dir, "foreign.json");
    writeFileSync(foreign, JSON.stringify({ ...json, format: "onnx" }));
    expect(codeOf(() => loadModel(foreign))).toMatch(/^INVALID_MODEL_FILE: .*format is "onnx"/);

    const missing = join(dir, "missing.json");
    expect(codeOf(() => loadModel(missing))).toMatch(/^IO_ERROR: .*missing\.json: file not found/);
    expect(existsSync(missing)).toBe(false);
  });
});
