import { QforgeError } from "../../util/errors.js";
import { FidelityQuantumKernel } from "../../ml/index.js";
import { readTextFile } from "../files.js";
import { MAX_EXPERIMENT_QUBITS } from "./build-members.js";
import { buildFeatureMap } from "./build-templates.js";
import type { FeatureMapSpec } from "./experiment-config-schema.js";
import { numericColumns, readCsvTable } from "./read-csv-table.js";

/**
 * The fidelity quantum kernel matrix K[i][j] = |⟨ψ(x_i)|ψ(x_j)⟩|² of the rows of a CSV file, with the
 * features taken as given (no scaling): every column except `target` (when given), one qubit per feature.
 *
 * @example
 * ```ts
 * const K = kernelMatrixFromCsv("points.csv", { type: "zz", reps: 2, entanglement: "linear", alpha: 2, bandwidth: 1 });
 * ```
 */
export function kernelMatrixFromCsv(path: string, featureMap: FeatureMapSpec, target?: string): number[][] {
  const table = readCsvTable(readTextFile(path), path);
  if (target !== undefined && !table.header.includes(target))
    throw new QforgeError(
      "INVALID_DATA",
      `${path} has no target column "${target}"; its columns are: ${table.header.join(", ")}`,
    );
  const features = table.header.filter((h) => h !== target);
  if (features.length === 0)
    throw new QforgeError("INVALID_DATA", `${path} has no feature columns besides the target`);
  if (features.length > MAX_EXPERIMENT_QUBITS)
    throw new QforgeError(
      "INVALID_DATA",
      `${path} has ${features.length} feature columns, which would need ${features.length} qubits; at most ${MAX_EXPERIMENT_QUBITS} are simulated here (reduce the features first, e.g. with PCA)`,
    );
  const X = numericColumns(table, features);
  return new FidelityQuantumKernel(buildFeatureMap(featureMap, features.length)).evaluate(X);
}
