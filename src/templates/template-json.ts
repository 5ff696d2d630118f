import { QforgeError } from "../util/errors.js";
import type { Ansatz } from "./ansatz.js";
import type { FeatureMap, TemplateJSON } from "./feature-map.js";
import { AmplitudeEmbedding } from "./amplitude-embedding.js";
import { AngleEmbedding } from "./angle-embedding.js";
import { BasicEntanglerLayers } from "./basic-entangler-layers.js";
import { DataReuploadingLayers } from "./data-reuploading-layers.js";
import { EfficientSU2 } from "./efficient-su2.js";
import { IQPEmbedding } from "./iqp-embedding.js";
import { PauliFeatureMap } from "./pauli-feature-map.js";
import { QCNN } from "./qcnn.js";
import { RealAmplitudes } from "./real-amplitudes.js";
import { StronglyEntanglingLayers } from "./strongly-entangling-layers.js";
import { TwoLocal } from "./two-local.js";
import { ZFeatureMap } from "./z-feature-map.js";
import { ZZFeatureMap } from "./zz-feature-map.js";

/** Rebuilds a template from its qubit count and saved options. */
export type TemplateLoader<T> = (numQubits: number, options: Record<string, unknown>) => T;

// The option objects come from JSON; each constructor validates every field at run time.
type Loose<T> = new (n: number, options: never) => T;
const loader =
  <T>(C: Loose<T>): TemplateLoader<T> =>
  (n, options) =>
    new C(n, options as never);

const featureMaps = new Map<string, TemplateLoader<FeatureMap>>([
  ["AngleEmbedding", loader(AngleEmbedding)],
  ["ZFeatureMap", loader(ZFeatureMap)],
  ["ZZFeatureMap", loader(ZZFeatureMap)],
  ["PauliFeatureMap", loader(PauliFeatureMap)],
  ["IQPEmbedding", loader(IQPEmbedding)],
  ["AmplitudeEmbedding", loader(AmplitudeEmbedding)],
  ["DataReuploadingLayers", loader(DataReuploadingLayers)],
]);

const ansatze = new Map<string, TemplateLoader<Ansatz>>([
  ["TwoLocal", loader(TwoLocal)],
  ["RealAmplitudes", loader(RealAmplitudes)],
  ["EfficientSU2", loader(EfficientSU2)],
  ["StronglyEntanglingLayers", loader(StronglyEntanglingLayers)],
  ["BasicEntanglerLayers", loader(BasicEntanglerLayers)],
  ["DataReuploadingLayers", loader(DataReuploadingLayers)],
  ["QCNN", loader(QCNN)],
]);

/**
 * Registers a feature map type for {@link featureMapFromJSON} (the built-ins are registered already).
 *
 * @example
 * ```ts
 * registerFeatureMap("MyMap", (n, options) => new MyMap(n, options));
 * ```
 */
export function registerFeatureMap(type: string, load: TemplateLoader<FeatureMap>): void {
  featureMaps.set(type, load);
}

/**
 * Registers an ansatz type for {@link ansatzFromJSON} (the built-ins are registered already).
 *
 * @example
 * ```ts
 * registerAnsatz("MyAnsatz", (n, options) => new MyAnsatz(n, options));
 * ```
 */
export function registerAnsatz(type: string, load: TemplateLoader<Ansatz>): void {
  ansatze.set(type, load);
}

/**
 * Rebuilds a feature map from its `toJSON()` output (also after `JSON.stringify` / `JSON.parse`). Throws
 * INVALID_MODEL_FILE for an unknown type or bad options, with the reason.
 *
 * @example
 * ```ts
 * const fm = featureMapFromJSON(JSON.parse(JSON.stringify(new ZZFeatureMap(3).toJSON())));
 * ```
 */
export function featureMapFromJSON(json: unknown): FeatureMap {
  return load(json, featureMaps, "feature map");
}

/**
 * Rebuilds an ansatz from its `toJSON()` output. Throws INVALID_MODEL_FILE for an unknown type or bad options.
 *
 * @example
 * ```ts
 * const a = ansatzFromJSON(new RealAmplitudes(4, { reps: 2 }).toJSON());
 * a.numWeights; // 12
 * ```
 */
export function ansatzFromJSON(json: unknown): Ansatz {
  return load(json, ansatze, "ansatz");
}

function load<T>(json: unknown, registry: ReadonlyMap<string, TemplateLoader<T>>, what: string): T {
  const bad = (why: string, cause?: unknown): never => {
    throw new QforgeError(
      "INVALID_MODEL_FILE",
      `cannot load ${what}: ${why}`,
      cause === undefined ? undefined : { cause },
    );
  };
  if (typeof json !== "object" || json === null)
    return bad("expected an object { type, numQubits, options }");
  const { type, numQubits, options } = json as Partial<TemplateJSON>;
  if (typeof type !== "string") return bad('missing string field "type"');
  const make = registry.get(type);
  if (!make) return bad(`unknown type "${type}" (known: ${[...registry.keys()].join(", ")})`);
  if (typeof numQubits !== "number") return bad('missing number field "numQubits"');
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options)))
    return bad('"options" must be an object');
  try {
    return make(numQubits, { ...(options ?? {}) });
  } catch (e) {
    return bad(`${type}: ${(e as Error).message}`, e);
  }
}
