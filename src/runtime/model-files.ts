import { readFileSync, writeFileSync } from "node:fs";
import { QforgeError } from "../util/errors.js";
import { deserializeModel, type SerializableModel } from "../ml/index.js";

/** Options of {@link saveModel}. */
export interface SaveModelOptions {
  /** Replace an existing file (default false: an existing file is an error). */
  overwrite?: boolean;
}

/**
 * Writes a model (any estimator, transformer or pipeline) to a JSON file (Node only). Refuses to replace an
 * existing file unless `{ overwrite: true }`.
 *
 * @example
 * ```ts
 * saveModel("model.json", pipeline);
 * const again = loadModel("model.json") as Pipeline;
 * ```
 */
export function saveModel(path: string, model: SerializableModel, options: SaveModelOptions = {}): void {
  const text = `${JSON.stringify(model.toJSON(), null, 2)}\n`;
  try {
    // "wx" fails if the file exists, without a race between checking and writing.
    writeFileSync(path, text, { encoding: "utf8", flag: options.overwrite === true ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new QforgeError("IO_ERROR", `${path} already exists; pass { overwrite: true } to replace it`, {
        cause: e,
      });
    }
    throw new QforgeError("IO_ERROR", `cannot write model file ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

/**
 * Reads a model file written by {@link saveModel} (Node only). A missing file throws IO_ERROR; a damaged file,
 * a different format or an unknown model kind throws INVALID_MODEL_FILE.
 *
 * @example
 * ```ts
 * const model = loadModel("model.json") as Pipeline;
 * model.predict(X);
 * ```
 */
export function loadModel(path: string): SerializableModel {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new QforgeError(
      "IO_ERROR",
      `cannot read model file ${path}: ${code === "ENOENT" ? "file not found" : (e as Error).message}`,
      { cause: e },
    );
  }
  try {
    return deserializeModel(text);
  } catch (e) {
    if (e instanceof QforgeError) throw new QforgeError(e.code, `${path}: ${e.message}`, { cause: e });
    throw e;
  }
}
