/**
 * `qforge/ml` on Node: everything in the browser-safe ML layer plus file access — bundled datasets, CSV
 * files and model files.
 *
 * @example
 * ```ts
 * import { loadDataset, trainTestSplit, Pipeline, StandardScaler, QSVC } from "qforge/ml";
 * const { X, y } = loadDataset("breast_cancer");
 * ```
 */
import { Pipeline } from "./ml/preprocessing/pipeline.js";
import { type SaveModelOptions, saveModel } from "./runtime/model-files.js";

export * from "./ml/index.js";
export * from "./runtime/datasets-node.js";
export * from "./runtime/model-files.js";

declare module "./ml/preprocessing/pipeline.js" {
  interface Pipeline {
    /** Writes the fitted pipeline as a versioned JSON model file (Node only; refuses to overwrite unless asked). */
    save(path: string, options?: SaveModelOptions): void;
  }
}

Pipeline.prototype.save = function save(this: Pipeline, path: string, options: SaveModelOptions = {}): void {
  saveModel(path, this, options);
};
