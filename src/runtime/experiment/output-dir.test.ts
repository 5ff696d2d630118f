import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RESOLVED_CONFIG_FILE, checkOutputDir, removePreviousRun } from "./output-dir.js";

const root = mkdtempSync(join(tmpdir(), "qforge-out-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("checkOutputDir", () => {
  const yaml = "name: a\nseed: 0\n";

  it("accepts new and empty folders", () => {
    expect(checkOutputDir(join(root, "new", "deeper"), yaml, {})).toBe("new");
    mkdirSync(join(root, "empty"));
    expect(checkOutputDir(join(root, "empty"), yaml, {})).toBe("empty");
  });

  it("a previous run of the same config needs --rerun or --force; a different one --force", () => {
    const dir = join(root, "run");
    mkdirSync(dir);
    writeFileSync(join(dir, RESOLVED_CONFIG_FILE), "# comment\nname: a\nseed: 0\n");
    expect(() => checkOutputDir(dir, yaml, {})).toThrow(
      /already holds a previous run of this same config; pass --rerun \(or --force\)/,
    );
    expect(checkOutputDir(dir, yaml, { rerun: true })).toBe("same-run");
    expect(checkOutputDir(dir, yaml, { force: true })).toBe("same-run");
    const other = "name: b\nseed: 0\n";
    expect(() => checkOutputDir(dir, other, {})).toThrow(
      /holds a run of a different config \(name "a"\); pass --force/,
    );
    expect(() => checkOutputDir(dir, other, { rerun: true })).toThrow(
      /--rerun only replaces a run of the same config/,
    );
    expect(checkOutputDir(dir, other, { force: true })).toBe("other-run");
  });

  it("a folder with other files needs --force; a file is never an output folder", () => {
    const dir = join(root, "foreign");
    mkdirSync(dir);
    writeFileSync(join(dir, "x.txt"), "");
    expect(() => checkOutputDir(dir, yaml, {})).toThrow(/is not empty and does not hold a qforge run/);
    expect(checkOutputDir(dir, yaml, { force: true })).toBe("foreign");
    expect(() => checkOutputDir(join(dir, "x.txt"), yaml, { force: true })).toThrow(
      /exists and is not a folder/,
    );
  });

  it("removes only a previous run's own files", () => {
    const dir = join(root, "old");
    mkdirSync(dir);
    for (const f of [
      "model-a.json",
      "model-b.json",
      "metrics.json",
      "report.html",
      RESOLVED_CONFIG_FILE,
      "notes.txt",
      "model.json",
    ])
      writeFileSync(join(dir, f), "");
    removePreviousRun(dir, "same-run");
    expect(readdirSync(dir).sort()).toEqual(["model.json", "notes.txt"]);
    writeFileSync(join(dir, "model-c.json"), "");
    removePreviousRun(dir, "foreign");
    expect(readdirSync(dir)).toContain("model-c.json");
  });
});
