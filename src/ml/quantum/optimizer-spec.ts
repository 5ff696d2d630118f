import { QforgeError } from "../../util/errors.js";
import { Adam, COBYLA, LBFGS, NelderMead, SGD, SPSA } from "../../optim/index.js";
import type { Optimizer } from "../../optim/optimizer.js";

/** An optimizer named in data (config files, model files) rather than constructed in code. */
export interface OptimizerSpec {
  readonly type: "lbfgs" | "adam" | "sgd" | "spsa" | "cobyla" | "nelder-mead";
  readonly learningRate?: number;
}

export const OPTIMIZER_TYPES = ["lbfgs", "adam", "sgd", "spsa", "cobyla", "nelder-mead"] as const;

/** Builds the optimizer an {@link OptimizerSpec} names. */
export function makeOptimizer(spec: OptimizerSpec): Optimizer {
  const lr = spec.learningRate;
  switch (spec.type) {
    case "lbfgs":
      return new LBFGS();
    case "adam":
      return new Adam({ learningRate: lr ?? 0.05 });
    case "sgd":
      return new SGD({ learningRate: lr ?? 0.1 });
    case "spsa":
      return new SPSA({ calibrate: true });
    case "cobyla":
      return new COBYLA();
    case "nelder-mead":
      return new NelderMead();
    default:
      throw new QforgeError(
        "INVALID_ARGUMENT",
        `unknown optimizer "${(spec as { type: string }).type}"; choose one of ${OPTIMIZER_TYPES.join(", ")}`,
      );
  }
}
