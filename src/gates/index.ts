export * from "./gate-spec.js";
export * from "./gate-table.js";
export * from "./lookup.js";
export * from "./gate-matrices.js";
