import { z } from "zod";

/*
 * The experiment config file, field by field (YAML or JSON; snake_case; unknown fields are errors).
 * `qforge experiment init` writes the same reference as a commented example.
 *
 * name:        required; letters, digits, "_", "-", "." (it names the run and the default output folder)
 * description: free text shown in the report (default "")
 * seed:        integer seed of the split, the subsampling and every model (default 0)
 * data:
 *   csv:       required; a CSV path (relative to where you run qforge) or bundled:NAME
 *              (bundled: breast_cancer, iris, wine, digits, diabetes)
 *   target:    the label/target column (default "target")
 *   features:  "all" (default: every column except the target and a split column) or a list of names
 *   classes:   "all" (default) or the class labels to keep, e.g. [0, 1] (classification only)
 *   split:     { test_size: 0.3, stratify: true } (defaults; stratify defaults to true for classifiers,
 *              false for regressors) or { column: NAME, train: "train", test: "test" } to use a column
 *              of the CSV whose values mark each row
 * preprocess:  default steps of every quantum model: a list of standard | minmax | { pca: N } |
 *              { minmax: [low, high] } (numbers or pi, -pi, 2pi, pi/2), or none.
 *              Default [standard, { minmax: [0, pi] }]. Fitted on the training rows only.
 * models:      required, at least one; each has a `type` and optionally `name` (default: the type),
 *              `preprocess` (default: the top-level preprocess) and `seed` (default: the top-level seed).
 *   qsvc / qsvr: quantum-kernel SVM classifier / regressor
 *     feature_map: default { type: zz }          C: 1.0        epsilon (qsvr): 0.1
 *     kernel: fidelity (default) | { type: projected, gamma: 1.0 }
 *             | { type: trainable, ansatz: { type: real_amplitudes, reps: 1 }, max_iterations: 50 }
 *             (trainable: weights chosen by kernel-target alignment; two-class qsvc only)
 *   vqc / vqr: variational classifier / regressor
 *     feature_map: default { type: angle, rotation: Y }
 *     ansatz: default { type: real_amplitudes, reps: 3 } (none with a data_reuploading feature map)
 *     optimizer: { type: lbfgs, max_iterations: 100 } (defaults); type lbfgs | adam | sgd | spsa |
 *                cobyla | nelder_mead; learning_rate for adam (default 0.05) and sgd (default 0.1)
 *     readout (vqc): expectation (default) | parity      readout_qubit (vqr): 0
 *     init_scale: initial weights uniform in [-s, s] (default pi/4)
 *   qcnn: a vqc whose ansatz is a QCNN: ansatz { type: qcnn, num_readout: 1, share_weights: false }
 *   data_reuploading: a vqc whose feature map is { type: data_reuploading, layers: 3 } and no ansatz
 * feature maps (field `type`):
 *   zz     { reps: 2, entanglement: full, alpha: 2, bandwidth: 1 }    (Qiskit's ZZFeatureMap)
 *   z      { reps: 2, alpha: 2, bandwidth: 1 }                        (Qiskit's ZFeatureMap)
 *   pauli  { paulis: [Z, ZZ], reps: 2, entanglement: full, alpha: 2, bandwidth: 1 }
 *   angle  { rotation: Y }                                            (one rotation per feature)
 *   iqp    { reps: 1, entanglement: full, bandwidth: 1 }              (PennyLane's IQPEmbedding)
 *   data_reuploading { layers: 3 }
 *   entanglement: full | linear | reverse_linear | circular | pairwise | sca
 * ansätze (field `type`):
 *   real_amplitudes { reps: 3, entanglement: reverse_linear }   efficient_su2 { reps: 3, entanglement: reverse_linear }
 *   strongly_entangling { layers: 2 }   qcnn { num_readout: 1, share_weights: false }   none
 * baselines:   classical models fitted on the same split; a list of names or { type, ... } entries,
 *              or none. Default for classifiers [svc_rbf, logistic_regression, mlp], for regressors
 *              [ridge, svr_rbf, mlp]. Each may set `name` and `preprocess` (default [standard]).
 *   svc_rbf { C: 1.0, gamma: scale }   logistic_regression { C: 1.0, max_iterations: 1000 }
 *   mlp { hidden_layer_sizes: [100], alpha: 0.0001, learning_rate: 0.001, max_iterations: 200 }
 *   ridge { alpha: 1.0 }   svr_rbf { C: 1.0, epsilon: 0.1, gamma: scale }
 * budget:      { max_iterations: null, max_train_samples: null } — caps for quick runs: the most optimizer
 *              iterations of any quantum model (and of kernel alignment), the most training rows
 *              (a seeded stratified subsample). null = no cap.
 * report:      { decision_boundary: true, boundary_grid: 30, kernel_samples: 40 }
 * output:      the run folder (default runs/NAME)
 */

const PI_TEXT = /^\s*(-)?\s*(\d*\.?\d+)?\s*\*?\s*pi\s*(?:\/\s*(\d*\.?\d+))?\s*$/i;

/** A number, or a multiple of π written as text: "pi", "-pi", "2pi", "pi/2", "0.5*pi". */
const ANGLE_ERROR = "expected a number (or pi, -pi, 2pi, pi/2)";
const angleValue = z
  .union([z.number(), z.string().regex(PI_TEXT, { error: ANGLE_ERROR })], { error: ANGLE_ERROR })
  .transform((v) => {
    if (typeof v === "number") return v;
    const m = PI_TEXT.exec(v)!;
    return ((m[1] ? -1 : 1) * Number(m[2] ?? 1) * Math.PI) / Number(m[3] ?? 1);
  });

const positive = () => z.number().positive();
const count = (min = 1) => z.number().int().min(min);
/** Lets `feature_map: zz` stand for `feature_map: { type: zz }`. */
const typed = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" ? { type: v } : v), schema);

export const ENTANGLEMENTS = ["full", "linear", "reverse_linear", "circular", "pairwise", "sca"] as const;
const entanglement = z.enum(ENTANGLEMENTS);

export const featureMapSchema = typed(
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("zz"),
      reps: count().default(2),
      entanglement: entanglement.default("full"),
      alpha: positive().default(2),
      bandwidth: positive().default(1),
    }),
    z.strictObject({
      type: z.literal("z"),
      reps: count().default(2),
      alpha: positive().default(2),
      bandwidth: positive().default(1),
    }),
    z.strictObject({
      type: z.literal("pauli"),
      paulis: z
        .array(z.string().regex(/^[IXYZ]+$/i, { error: "expected a Pauli word such as Z, ZZ or XY" }))
        .min(1)
        .default(["Z", "ZZ"]),
      reps: count().default(2),
      entanglement: entanglement.default("full"),
      alpha: positive().default(2),
      bandwidth: positive().default(1),
    }),
    z.strictObject({ type: z.literal("angle"), rotation: z.enum(["X", "Y", "Z"]).default("Y") }),
    z.strictObject({
      type: z.literal("iqp"),
      reps: count().default(1),
      entanglement: entanglement.default("full"),
      bandwidth: positive().default(1),
    }),
    z.strictObject({ type: z.literal("data_reuploading"), layers: count().default(3) }),
  ]),
);

export const ansatzSchema = typed(
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("real_amplitudes"),
      reps: count().default(3),
      entanglement: entanglement.default("reverse_linear"),
    }),
    z.strictObject({
      type: z.literal("efficient_su2"),
      reps: count().default(3),
      entanglement: entanglement.default("reverse_linear"),
    }),
    z.strictObject({ type: z.literal("strongly_entangling"), layers: count().default(2) }),
    z.strictObject({
      type: z.literal("qcnn"),
      num_readout: count().default(1),
      share_weights: z.boolean().default(false),
    }),
    z.strictObject({ type: z.literal("none") }),
  ]),
);

export const OPTIMIZERS = ["lbfgs", "adam", "sgd", "spsa", "cobyla", "nelder_mead"] as const;
const optimizerSchema = typed(
  z.strictObject({
    type: z.enum(OPTIMIZERS).default("lbfgs"),
    learning_rate: positive().optional(),
    max_iterations: count(0).default(100),
  }),
);

const kernelSchema = typed(
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("fidelity") }),
    z.strictObject({ type: z.literal("projected"), gamma: positive().default(1) }),
    z.strictObject({
      type: z.literal("trainable"),
      ansatz: ansatzSchema.prefault({ type: "real_amplitudes", reps: 1 }),
      max_iterations: count(0).default(50),
    }),
  ]),
);

const stepSchema = z.union(
  [
    z.literal("standard"),
    z.literal("minmax").transform(() => ({ minmax: [0, 1] as [number, number] })),
    z.strictObject({ pca: count() }),
    z.strictObject({ minmax: z.tuple([angleValue, angleValue]) }),
  ],
  { error: "expected standard, minmax, { pca: N } or { minmax: [low, high] }" },
);
export const preprocessSchema = z.union([z.literal("none").transform(() => []), z.array(stepSchema)], {
  error: "expected a list of steps (standard, minmax, { pca: N }, { minmax: [low, high] }) or none",
});

const nameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
  error: "expected a name of letters, digits, _, - and . (it is used in file names)",
});
const memberCommon = { name: nameSchema.optional(), preprocess: preprocessSchema.optional() };
const modelCommon = { ...memberCommon, seed: z.number().int().optional() };
const variationalCommon = {
  ...modelCommon,
  optimizer: optimizerSchema.prefault({}),
  init_scale: angleValue.pipe(positive()).default(Math.PI / 4),
};

const modelSchema = typed(
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("qsvc"),
      ...modelCommon,
      feature_map: featureMapSchema.prefault({ type: "zz" }),
      kernel: kernelSchema.prefault({ type: "fidelity" }),
      C: positive().default(1),
    }),
    z.strictObject({
      type: z.literal("qsvr"),
      ...modelCommon,
      feature_map: featureMapSchema.prefault({ type: "zz" }),
      kernel: kernelSchema.prefault({ type: "fidelity" }),
      C: positive().default(1),
      epsilon: z.number().nonnegative().default(0.1),
    }),
    z.strictObject({
      type: z.literal("vqc"),
      ...variationalCommon,
      feature_map: featureMapSchema.prefault({ type: "angle" }),
      ansatz: ansatzSchema.optional(),
      readout: z.enum(["expectation", "parity"]).default("expectation"),
    }),
    z.strictObject({
      type: z.literal("vqr"),
      ...variationalCommon,
      feature_map: featureMapSchema.prefault({ type: "angle" }),
      ansatz: ansatzSchema.optional(),
      readout_qubit: count(0).default(0),
    }),
    z.strictObject({
      type: z.literal("qcnn"),
      ...variationalCommon,
      feature_map: featureMapSchema.prefault({ type: "angle" }),
      ansatz: ansatzSchema.prefault({ type: "qcnn" }),
      readout: z.enum(["expectation", "parity"]).default("expectation"),
    }),
    z.strictObject({
      type: z.literal("data_reuploading"),
      ...variationalCommon,
      feature_map: featureMapSchema.prefault({ type: "data_reuploading" }),
      readout: z.enum(["expectation", "parity"]).default("expectation"),
    }),
  ]),
);

const gammaSchema = z.union([z.enum(["scale", "auto"]), positive()], {
  error: 'expected "scale", "auto" or a positive number',
});
const baselineSchema = typed(
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("svc_rbf"),
      ...memberCommon,
      C: positive().default(1),
      gamma: gammaSchema.default("scale"),
    }),
    z.strictObject({
      type: z.literal("logistic_regression"),
      ...memberCommon,
      C: positive().default(1),
      max_iterations: count().default(1000),
    }),
    z.strictObject({
      type: z.literal("mlp"),
      ...memberCommon,
      hidden_layer_sizes: z.array(count()).min(1).max(2).default([100]),
      alpha: z.number().nonnegative().default(1e-4),
      learning_rate: positive().default(1e-3),
      max_iterations: count().default(200),
    }),
    z.strictObject({ type: z.literal("ridge"), ...memberCommon, alpha: z.number().nonnegative().default(1) }),
    z.strictObject({
      type: z.literal("svr_rbf"),
      ...memberCommon,
      C: positive().default(1),
      epsilon: z.number().nonnegative().default(0.1),
      gamma: gammaSchema.default("scale"),
    }),
  ]),
);

const splitSchema = z
  .strictObject({
    test_size: z.number().positive().optional(),
    stratify: z.boolean().optional(),
    column: z.string().min(1).optional(),
    train: z.union([z.string(), z.number()]).optional(),
    test: z.union([z.string(), z.number()]).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.column !== undefined) {
      for (const k of ["test_size", "stratify"] as const)
        if (s[k] !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [k],
            message: "not used with a split column; give either column or test_size/stratify",
          });
    } else {
      for (const k of ["train", "test"] as const)
        if (s[k] !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [k],
            message: "only used with a split column (split: { column: NAME })",
          });
      if (s.test_size !== undefined && s.test_size >= 1 && !Number.isInteger(s.test_size))
        ctx.addIssue({
          code: "custom",
          path: ["test_size"],
          message: `expected a share between 0 and 1 or a whole number of rows, got ${s.test_size}`,
        });
    }
  });

const dataSchema = z.strictObject({
  csv: z.string().min(1, { error: "expected a CSV path or bundled:NAME" }),
  target: z.string().min(1).default("target"),
  features: z
    .union([z.literal("all"), z.array(z.string().min(1)).min(1)], {
      error: 'expected "all" or a list of column names',
    })
    .default("all"),
  classes: z
    .union([z.literal("all"), z.array(z.union([z.number(), z.string()])).min(2)], {
      error: 'expected "all" or a list of at least two class labels',
    })
    .default("all"),
  split: splitSchema.prefault({}),
});

const budgetSchema = z.strictObject({
  max_iterations: count().nullable().default(null),
  max_train_samples: count(2).nullable().default(null),
});

const reportSchema = z.strictObject({
  decision_boundary: z.boolean().default(true),
  boundary_grid: z.number().int().min(5).max(100).default(30),
  kernel_samples: z.number().int().min(4).max(200).default(40),
});

/** The config as written (zod schema; contextual defaults are filled in by `resolveExperimentConfig`). */
export const experimentConfigSchema = z.strictObject({
  name: nameSchema,
  description: z.string().default(""),
  seed: z.number().int().default(0),
  data: dataSchema,
  preprocess: preprocessSchema.prefault(["standard", { minmax: [0, "pi"] }]),
  models: z
    .array(modelSchema)
    .min(1, { error: "needs at least one model (qsvc, qsvr, vqc, vqr, qcnn, data_reuploading)" }),
  baselines: z
    .union([z.literal("none").transform(() => []), z.array(baselineSchema)], {
      error: "expected a list of baselines or none",
    })
    .optional(),
  budget: budgetSchema.prefault({}),
  report: reportSchema.prefault({}),
  output: z.string().min(1).optional(),
});

/** A config after zod validation, before contextual defaults. */
export type ParsedExperimentConfig = z.output<typeof experimentConfigSchema>;
export type FeatureMapSpec = z.output<typeof featureMapSchema>;
export type AnsatzSpec = z.output<typeof ansatzSchema>;
export type PreprocessStep = z.output<typeof stepSchema>;
export type ParsedModelSpec = z.output<typeof modelSchema>;
export type ParsedBaselineSpec = z.output<typeof baselineSchema>;
export type KernelSpec = z.output<typeof kernelSchema>;
export type OptimizerConfig = z.output<typeof optimizerSchema>;

/** Every field name the schema knows, for "did you mean" hints on unknown fields. */
export const KNOWN_CONFIG_FIELDS: ReadonlySet<string> = new Set([
  "name",
  "description",
  "seed",
  "data",
  "csv",
  "target",
  "features",
  "classes",
  "split",
  "test_size",
  "stratify",
  "column",
  "train",
  "test",
  "preprocess",
  "pca",
  "minmax",
  "standard",
  "models",
  "type",
  "feature_map",
  "kernel",
  "C",
  "epsilon",
  "gamma",
  "ansatz",
  "max_iterations",
  "optimizer",
  "learning_rate",
  "readout",
  "readout_qubit",
  "init_scale",
  "reps",
  "entanglement",
  "alpha",
  "bandwidth",
  "paulis",
  "rotation",
  "layers",
  "num_readout",
  "share_weights",
  "baselines",
  "hidden_layer_sizes",
  "budget",
  "max_train_samples",
  "report",
  "decision_boundary",
  "boundary_grid",
  "kernel_samples",
  "output",
]);
