/**
 * qforge — quantum machine learning in TypeScript.
 *
 * The root entry point: gates, circuits, observables, simulators, gradients, optimizers, OpenQASM and
 * drawings. Machine-learning models live in `qforge/ml`.
 *
 * @example
 * ```ts
 * import { Circuit, PauliSum, StateVectorSimulator } from "qforge";
 * const c = new Circuit(3).h(0).cx(0, 1).ry("theta", 2).cx(1, 2);
 * new StateVectorSimulator({ seed: 7 }).expectation(c, [PauliSum.parse("0.5*Z0 Z1 + X2")], { theta: [0.1, 0.2, 0.3] });
 * ```
 */
export * from "./util/index.js";
export { type CMatrix, cmatrix } from "./math/complex-matrix.js";
export * from "./gates/index.js";
export * from "./circuit/index.js";
export * from "./observables/index.js";
export * from "./sim/index.js";
export * from "./grad/index.js";
export * from "./optim/index.js";
export * from "./io/index.js";
export * from "./draw/index.js";
