export * from "./complex-matrix.js";
export * from "./hermitian-eigen.js";
export * from "./embed.js";
