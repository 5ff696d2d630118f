import { stringify } from "yaml";
import type { ExperimentConfig } from "./resolve-experiment-config.js";

/**
 * The resolved config as YAML, with a header saying what it is. Loading it gives the same config back, so
 * `qforge experiment run config.resolved.yaml` repeats the run exactly.
 *
 * @example
 * ```ts
 * writeFileSync("config.resolved.yaml", experimentConfigYaml(config));
 * ```
 */
export function experimentConfigYaml(config: ExperimentConfig): string {
  return (
    "# The experiment config with every default filled in, as qforge ran it.\n" +
    "# Run it again with: qforge experiment run config.resolved.yaml --out NEW_FOLDER\n" +
    stringify(config, { lineWidth: 0 })
  );
}
