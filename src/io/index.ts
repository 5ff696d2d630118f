export { type ParseQasmOptions, parseQasm, parseQasm2, parseQasm3 } from "./parse-qasm.js";
export { toQasm2, toQasm3 } from "./to-qasm.js";
