import type { Circuit } from "../circuit/circuit.js";
import type { ObservableLike } from "../sim/backend.js";
import { type GradientOptions, GradientFunction } from "./gradient.js";
import { type MetricApproximation, MetricTensorFunction } from "./metric-tensor.js";

/** A cost ⟨H⟩(θ) in the shape the optimizers take: value, gradient and the Fubini–Study metric (for QNG). */
export interface ExpectationObjective {
  readonly parameters: readonly string[];
  value(x: Float64Array): number;
  gradient(x: Float64Array): Float64Array;
  valueAndGradient(x: Float64Array): { value: number; gradient: Float64Array };
  metricTensor(x: Float64Array): Float64Array;
}

/**
 * Wraps ⟨H⟩ of a parameterised circuit as an objective for `minimize`: the weights are the trainable
 * parameters (in `parameters` order) and `inputs` fixes the rest.
 *
 * @example
 * ```ts
 * const cost = expectationObjective(ansatz, "Z0 Z1 + 0.5*X0", { method: "adjoint" });
 * minimize(cost, new Float64Array(cost.parameters.length), { optimizer: new QNG({ learningRate: 0.1 }) });
 * ```
 */
export function expectationObjective(
  circuit: Circuit,
  observable: ObservableLike,
  options: GradientOptions & { inputs?: Readonly<Record<string, number>>; metric?: MetricApproximation } = {},
): ExpectationObjective {
  const { inputs = {}, metric = "block-diag", ...gradOptions } = options;
  const grad = new GradientFunction(circuit, observable, gradOptions);
  let qgt: MetricTensorFunction | undefined;
  return {
    parameters: grad.parameters,
    value: (x) => grad.valueAndGradient(x, inputs).value,
    gradient: (x) => grad.valueAndGradient(x, inputs).gradient,
    valueAndGradient: (x) => {
      const r = grad.valueAndGradient(x, inputs);
      return { value: r.value, gradient: r.gradient };
    },
    metricTensor: (x) => {
      qgt ??= new MetricTensorFunction(circuit, { approximation: metric, trainable: grad.parameters });
      return qgt.evaluate(x, inputs);
    },
  };
}
