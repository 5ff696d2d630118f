import { YAMLParseError, parse } from "yaml";
import { QforgeError } from "../../util/errors.js";
import { readTextFile } from "../files.js";
import { configError, configIssuesFromZod } from "./config-issues.js";
import { KNOWN_CONFIG_FIELDS, experimentConfigSchema } from "./experiment-config-schema.js";
import { type ExperimentConfig, resolveExperimentConfig } from "./resolve-experiment-config.js";

/**
 * Parses and validates experiment config text (YAML, or JSON, which is YAML too) and fills in every default.
 * Every problem is reported at once, each with its field path; `source` names the file in messages.
 *
 * @example
 * ```ts
 * const config = parseExperimentConfig("name: demo\ndata: { csv: bundled:iris }\nmodels: [vqc]\n", "demo.yaml");
 * config.models[0].optimizer; // { type: "lbfgs", max_iterations: 100 }
 * ```
 */
export function parseExperimentConfig(text: string, source = "config"): ExperimentConfig {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : "";
      throw new QforgeError(
        "PARSE_ERROR",
        `${source} is not valid YAML or JSON${where}: ${e.message.split("\n")[0]!.replace(/:\s*$/, "")}`,
      );
    }
    throw e;
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw new QforgeError(
      "INVALID_ARGUMENT",
      `${source} must hold a mapping of fields (name, data, models, …), not ${raw === null ? "nothing" : Array.isArray(raw) ? "a list" : typeof raw}`,
    );
  const parsed = experimentConfigSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw configError(source, configIssuesFromZod(parsed.error, KNOWN_CONFIG_FIELDS));
  const resolved = resolveExperimentConfig(parsed.data);
  if ("issues" in resolved) throw configError(source, resolved.issues);
  return resolved.config;
}

/**
 * Reads, validates and resolves an experiment config file (Node only).
 *
 * @example
 * ```ts
 * const config = loadExperimentConfig("examples/configs/breast-cancer.yaml");
 * ```
 */
export function loadExperimentConfig(path: string): ExperimentConfig {
  return parseExperimentConfig(readTextFile(path), path);
}
