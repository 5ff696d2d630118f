export * from "./gradient.js";
export * from "./differentiate.js";
export * from "./gradient-program.js";
export * from "./shift-rule.js";
export * from "./metric-tensor.js";
export * from "./expectation-estimate.js";
export * from "./expectation-objective.js";
export * from "./probability-jacobian.js";
export type { AdjointBatchRequest, AdjointParallel } from "./adjoint-batch.js";
