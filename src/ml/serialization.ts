import { z } from "zod";
import { QforgeError } from "../util/errors.js";

/**
 * The `format` tag every saved qforge model carries.
 *
 * @example
 * ```ts
 * JSON.parse(text).format === MODEL_FORMAT; // "qforge-model"
 * ```
 */
export const MODEL_FORMAT = "qforge-model";
/**
 * The envelope version this build writes and reads.
 *
 * @example
 * ```ts
 * model.toJSON().version === MODEL_FORMAT_VERSION; // 1
 * ```
 */
export const MODEL_FORMAT_VERSION = 1;

/**
 * The versioned JSON envelope a model is saved as. `kind` names the class (it picks the loader in the registry),
 * `params` holds the constructor options and `state` what fitting learned (`null` when unfitted).
 */
export interface ModelJson {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_FORMAT_VERSION;
  kind: string;
  params: Record<string, unknown>;
  state: unknown;
}

/** Anything that can be saved: it turns itself into a {@link ModelJson} envelope. */
export interface SerializableModel {
  /** Registry name of the model class, equal to the `kind` field of its envelope. */
  readonly kind: string;
  toJSON(): ModelJson;
}

/** Rebuilds a model from its envelope; it validates the envelope and throws INVALID_MODEL_FILE if it is bad. */
export type ModelLoader = (json: unknown) => SerializableModel;

const envelopeSchema = z.object({
  format: z.string(),
  version: z.number(),
  kind: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  state: z.unknown(),
});

const registry = new Map<string, ModelLoader>();

/**
 * Registers how to load one model kind. Every built-in estimator and transformer registers itself when its module
 * loads; a new model class (a quantum classifier, say) calls this once beside its class definition.
 *
 * @example
 * ```ts
 * registerModel("MyModel", (json) => MyModel.fromJSON(json));
 * ```
 */
export function registerModel(kind: string, loader: ModelLoader): void {
  registry.set(kind, loader);
}

/**
 * The kinds that {@link modelFromJSON} can load, sorted.
 *
 * @example
 * ```ts
 * registeredModelKinds(); // ["LogisticRegression", "MLPClassifier", …, "StandardScaler"]
 * ```
 */
export function registeredModelKinds(): string[] {
  return [...registry.keys()].sort();
}

/**
 * Builds an envelope. Classes call this from their `toJSON()`.
 *
 * @example
 * ```ts
 * const json = makeModelJson("StandardScaler", {}, { mean: [0], scale: [1] });
 * ```
 */
export function makeModelJson(kind: string, params: Record<string, unknown>, state: unknown): ModelJson {
  return { format: MODEL_FORMAT, version: MODEL_FORMAT_VERSION, kind, params, state };
}

/** Validates only the envelope fields (format, version, kind) and returns the envelope. */
export function checkEnvelope(json: unknown): ModelJson {
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw invalidModel(`not a qforge model: ${describeIssues(parsed.error, "")}`);
  const env = parsed.data;
  if (env.format !== MODEL_FORMAT) {
    throw invalidModel(`not a qforge model: format is "${env.format}", expected "${MODEL_FORMAT}"`);
  }
  if (env.version !== MODEL_FORMAT_VERSION) {
    throw invalidModel(
      `model format version ${env.version} is not supported; this qforge reads version ${MODEL_FORMAT_VERSION}`,
    );
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    kind: env.kind,
    params: env.params,
    state: env.state,
  };
}

/**
 * Validates an envelope of one expected kind against the class's own schemas and returns its typed parts.
 * Model classes call this from their static `fromJSON`.
 *
 * @example
 * ```ts
 * const { params, state } = readModelJson(json, "StandardScaler", paramsSchema, stateSchema);
 * ```
 */
export function readModelJson<P extends z.ZodType, S extends z.ZodType>(
  json: unknown,
  kind: string,
  paramsSchema: P,
  stateSchema: S,
): { params: z.output<P>; state: z.output<S> | null } {
  const env = checkEnvelope(json);
  if (env.kind !== kind) throw invalidModel(`expected a model of kind "${kind}", found "${env.kind}"`);
  const params = paramsSchema.safeParse(env.params);
  if (!params.success)
    throw invalidModel(`${kind} model file is damaged: ${describeIssues(params.error, "params")}`);
  if (env.state === null) return { params: params.data, state: null };
  const state = stateSchema.safeParse(env.state);
  if (!state.success)
    throw invalidModel(`${kind} model file is damaged: ${describeIssues(state.error, "state")}`);
  return { params: params.data, state: state.data };
}

/**
 * Loads any registered model from its envelope (a parsed JSON object).
 *
 * @example
 * ```ts
 * const model = modelFromJSON(JSON.parse(text));
 * ```
 */
export function modelFromJSON(json: unknown): SerializableModel {
  const env = checkEnvelope(json);
  const loader = registry.get(env.kind);
  if (loader === undefined) {
    throw invalidModel(`unknown model kind "${env.kind}"; known kinds: ${registeredModelKinds().join(", ")}`);
  }
  return loader(json);
}

/**
 * Turns a model into JSON text.
 *
 * @example
 * ```ts
 * const text = serializeModel(new StandardScaler().fit([[1], [3]]));
 * ```
 */
export function serializeModel(model: SerializableModel): string {
  return JSON.stringify(model.toJSON());
}

/**
 * Parses JSON text written by {@link serializeModel}; bad JSON, a wrong format or an unknown kind throws
 * INVALID_MODEL_FILE.
 *
 * @example
 * ```ts
 * const scaler = deserializeModel(text) as StandardScaler;
 * ```
 */
export function deserializeModel(text: string): SerializableModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalidModel(`model file is not valid JSON (${(e as Error).message})`, e);
  }
  return modelFromJSON(json);
}

function invalidModel(message: string, cause?: unknown): QforgeError {
  return new QforgeError("INVALID_MODEL_FILE", message, cause === undefined ? undefined : { cause });
}

/** "where: what" for the first problem zod found, e.g. `state.mean[1]: Invalid input: expected number`. */
function describeIssues(error: z.ZodError, root: string): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${root || "(root)"}: invalid`;
  const path = root + issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  return `${path.replace(/^\./, "") || "(root)"}: ${issue.message}`;
}
