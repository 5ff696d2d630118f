export * from "./feature-map.js";
export * from "./ansatz.js";
export {
  type Entanglement,
  type EntanglementStrategy,
  ENTANGLEMENT_STRATEGIES,
  entanglerMap,
} from "./entanglement.js";
export * from "./angle-embedding.js";
export {
  type PauliFeatureMapOptions,
  type PauliMapSettings,
  PauliMapBase,
  PauliFeatureMap,
  appendPauliEvolution,
} from "./pauli-feature-map.js";
export * from "./zz-feature-map.js";
export * from "./z-feature-map.js";
export * from "./iqp-embedding.js";
export * from "./amplitude-embedding.js";
export { type TwoLocalOptions, type TwoLocalSettings, TwoLocalBase, TwoLocal } from "./two-local.js";
export * from "./real-amplitudes.js";
export * from "./efficient-su2.js";
export * from "./strongly-entangling-layers.js";
export { type BasicEntanglerLayersOptions, BasicEntanglerLayers } from "./basic-entangler-layers.js";
export * from "./data-reuploading-layers.js";
export * from "./qcnn.js";
export * from "./template-json.js";
