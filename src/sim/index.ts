export * from "./backend.js";
export * from "./bindings.js";
export * from "./memory.js";
export * from "./compile.js";
export * from "./execute.js";
export * from "./statevector-simulator.js";
export * from "./reference/dense-reference.js";
