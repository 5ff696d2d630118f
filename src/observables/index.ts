export * from "./pauli-string.js";
export * from "./pauli-sum.js";
