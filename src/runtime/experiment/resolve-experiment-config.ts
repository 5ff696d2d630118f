import type { ConfigIssue } from "./config-issues.js";
import type {
  AnsatzSpec,
  OptimizerConfig,
  ParsedBaselineSpec,
  ParsedExperimentConfig,
  ParsedModelSpec,
  PreprocessStep,
} from "./experiment-config-schema.js";

/** Classification or regression; decided by the model types. */
export type Task = "classification" | "regression";

type Resolved<T> = T & { name: string; preprocess: PreprocessStep[] };
type WithAnsatz<T> = T extends { type: "vqc" | "vqr" } ? Omit<T, "ansatz"> & { ansatz: AnsatzSpec } : T;

/** A model entry with every default filled in. */
export type ModelSpec = Resolved<WithAnsatz<ParsedModelSpec>> & { seed: number };
/** A baseline entry with every default filled in. */
export type BaselineSpec = Resolved<ParsedBaselineSpec>;

/** How the rows are split: a seeded random split, or a column of the CSV. */
export type SplitSpec =
  | { readonly test_size: number; readonly stratify: boolean }
  | { readonly column: string; readonly train: string | number; readonly test: string | number };

/** The config with every default filled in: what `config.resolved.yaml` holds. */
export interface ExperimentConfig {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly data: Omit<ParsedExperimentConfig["data"], "split"> & { readonly split: SplitSpec };
  readonly preprocess: PreprocessStep[];
  readonly models: ModelSpec[];
  readonly baselines: BaselineSpec[];
  readonly budget: ParsedExperimentConfig["budget"];
  readonly report: ParsedExperimentConfig["report"];
  readonly output: string;
}

const CLASSIFIERS = new Set(["qsvc", "vqc", "qcnn", "data_reuploading"]);
const BASELINE_TASKS: Record<ParsedBaselineSpec["type"], Task | "both"> = {
  svc_rbf: "classification",
  logistic_regression: "classification",
  mlp: "both",
  ridge: "regression",
  svr_rbf: "regression",
};

/** The task of a config's models. */
export function taskOf(config: { readonly models: readonly { readonly type: string }[] }): Task {
  return CLASSIFIERS.has(config.models[0]!.type) ? "classification" : "regression";
}

/**
 * Fills the defaults that depend on other fields (model names, per-model preprocessing and seeds, learning
 * rates, the ansatz, baselines and stratification by task, the output folder) and checks the rules that span
 * fields. Returns the resolved config, or the list of problems.
 */
export function resolveExperimentConfig(
  c: ParsedExperimentConfig,
): { config: ExperimentConfig } | { issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const task = taskOf(c);
  c.models.forEach((m, i) => {
    const t: Task = CLASSIFIERS.has(m.type) ? "classification" : "regression";
    if (t !== task)
      issues.push({
        path: ["models", i, "type"],
        message: `${m.type} is a ${t === "classification" ? "classifier" : "regressor"} but models[0] (${c.models[0]!.type}) is a ${task === "classification" ? "classifier" : "regressor"}; one experiment has one task`,
      });
  });

  const models = c.models.map((m, i) => resolveModel(m, i, c, issues));
  const baselineSpecs = c.baselines ?? defaultBaselines(task);
  const baselines = baselineSpecs.map((b, i): BaselineSpec => {
    const t = BASELINE_TASKS[b.type];
    if (t !== "both" && t !== task)
      issues.push({
        path: ["baselines", i, "type"],
        message: `${b.type} is for ${t}, but this experiment's models do ${task}`,
      });
    return { ...b, name: b.name ?? b.type, preprocess: b.preprocess ?? ["standard"] };
  });
  dedupeNames(c, models, baselines, issues);

  const s = c.data.split;
  let split: SplitSpec;
  if (s.column !== undefined) split = { column: s.column, train: s.train ?? "train", test: s.test ?? "test" };
  else {
    if (s.stratify === true && task === "regression")
      issues.push({
        path: ["data", "split", "stratify"],
        message: "stratifying needs class labels; regression targets cannot be stratified",
      });
    split = { test_size: s.test_size ?? 0.3, stratify: s.stratify ?? task === "classification" };
  }
  if (c.data.classes !== "all" && task === "regression")
    issues.push({
      path: ["data", "classes"],
      message: "choosing classes is for classification; this experiment does regression",
    });

  if (issues.length > 0) return { issues };
  return {
    config: {
      name: c.name,
      description: c.description,
      seed: c.seed,
      data: { ...c.data, split },
      preprocess: c.preprocess,
      models,
      baselines,
      budget: c.budget,
      report: c.report,
      output: c.output ?? `runs/${c.name}`,
    },
  };
}

function resolveModel(
  m: ParsedModelSpec,
  i: number,
  c: ParsedExperimentConfig,
  issues: ConfigIssue[],
): ModelSpec {
  const base = { name: m.name ?? m.type, preprocess: m.preprocess ?? c.preprocess, seed: m.seed ?? c.seed };
  const at = (...p: (string | number)[]) => ["models", i, ...p];
  switch (m.type) {
    case "qsvc":
    case "qsvr":
      if (m.kernel.type === "trainable" && m.type === "qsvr")
        issues.push({
          path: at("kernel", "type"),
          message:
            "a trainable kernel is fitted by kernel-target alignment, which needs two class labels; use it with qsvc",
        });
      if (m.kernel.type === "trainable" && m.kernel.ansatz.type === "none")
        issues.push({
          path: at("kernel", "ansatz", "type"),
          message: "a trainable kernel needs a trainable layer (real_amplitudes, efficient_su2, …)",
        });
      if (m.feature_map.type === "data_reuploading")
        issues.push({
          path: at("feature_map", "type"),
          message: "data_reuploading has trainable weights; use it in a vqc, vqr or data_reuploading model",
        });
      return { ...m, ...base };
    case "vqc":
    case "vqr": {
      const reupload = m.feature_map.type === "data_reuploading";
      const ansatz: AnsatzSpec =
        m.ansatz ??
        (reupload ? { type: "none" } : { type: "real_amplitudes", reps: 3, entanglement: "reverse_linear" });
      if (reupload && ansatz.type !== "none")
        issues.push({
          path: at("ansatz"),
          message: "a data_reuploading feature map carries its own weights; set ansatz: none",
        });
      if (!reupload && ansatz.type === "none")
        issues.push({
          path: at("ansatz"),
          message: `ansatz: none leaves the ${m.feature_map.type} feature map with nothing to train; choose an ansatz`,
        });
      return { ...m, ...base, ansatz, optimizer: resolveOptimizer(m.optimizer, at("optimizer"), issues) };
    }
    case "qcnn":
      if (m.ansatz.type !== "qcnn")
        issues.push({
          path: at("ansatz", "type"),
          message: `a qcnn model uses a qcnn ansatz; for ${m.ansatz.type} use type: vqc`,
        });
      if (m.feature_map.type === "data_reuploading")
        issues.push({
          path: at("feature_map", "type"),
          message: "a qcnn model cannot use a data_reuploading feature map",
        });
      return { ...m, ...base, optimizer: resolveOptimizer(m.optimizer, at("optimizer"), issues) };
    case "data_reuploading":
      if (m.feature_map.type !== "data_reuploading")
        issues.push({
          path: at("feature_map", "type"),
          message: `a data_reuploading model uses a data_reuploading feature map; for ${m.feature_map.type} use type: vqc`,
        });
      return { ...m, ...base, optimizer: resolveOptimizer(m.optimizer, at("optimizer"), issues) };
  }
}

function resolveOptimizer(
  o: OptimizerConfig,
  path: (string | number)[],
  issues: ConfigIssue[],
): OptimizerConfig {
  if (o.type === "adam" || o.type === "sgd")
    return { ...o, learning_rate: o.learning_rate ?? (o.type === "adam" ? 0.05 : 0.1) };
  if (o.learning_rate !== undefined)
    issues.push({
      path: [...path, "learning_rate"],
      message: `only adam and sgd use a learning rate; ${o.type} chooses its own steps`,
    });
  return o;
}

function defaultBaselines(task: Task): ParsedBaselineSpec[] {
  return task === "classification"
    ? [
        { type: "svc_rbf", C: 1, gamma: "scale" },
        { type: "logistic_regression", C: 1, max_iterations: 1000 },
        { type: "mlp", hidden_layer_sizes: [100], alpha: 1e-4, learning_rate: 1e-3, max_iterations: 200 },
      ]
    : [
        { type: "ridge", alpha: 1 },
        { type: "svr_rbf", C: 1, epsilon: 0.1, gamma: "scale" },
        { type: "mlp", hidden_layer_sizes: [100], alpha: 1e-4, learning_rate: 1e-3, max_iterations: 200 },
      ];
}

/** Default names repeat the type; repeats get -2, -3, …; explicit repeats are errors (names are file names). */
function dedupeNames(
  c: ParsedExperimentConfig,
  models: ModelSpec[],
  baselines: BaselineSpec[],
  issues: ConfigIssue[],
): void {
  const explicit = new Map<string, string>();
  const members: { spec: { name: string }; given: string | undefined; path: (string | number)[] }[] = [
    ...models.map((spec, i) => ({ spec, given: c.models[i]!.name, path: ["models", i, "name"] })),
    ...baselines.map((spec, i) => ({
      spec,
      given: (c.baselines ?? [])[i]?.name,
      path: ["baselines", i, "name"],
    })),
  ];
  for (const m of members) {
    if (m.given === undefined) continue;
    const key = m.given.toLowerCase();
    const first = explicit.get(key);
    if (first !== undefined)
      issues.push({
        path: m.path,
        message: `the name "${m.given}" is already used by ${first}; names must differ (they name the model files)`,
      });
    else explicit.set(key, `${m.path[0]}[${m.path[1]}]`);
  }
  const used = new Set(explicit.keys());
  for (const m of members) {
    if (m.given !== undefined) continue;
    let name = m.spec.name;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${m.spec.name}-${k}`;
    used.add(name.toLowerCase());
    m.spec.name = name;
  }
}
