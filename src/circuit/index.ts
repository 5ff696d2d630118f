export * from "./circuit.js";
export * from "./operation.js";
export * from "./param-expr.js";
