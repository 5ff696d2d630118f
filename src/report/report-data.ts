import type { Circuit } from "../circuit/index.js";

/** Train or test metrics of one model: accuracy, f1, roc_auc (classification) or r2, mse, mae (regression). */
export type MetricValues = Readonly<Record<string, number | null>>;

/** One trained model (quantum or classical) as the report shows it. */
export interface ReportModel {
  readonly name: string;
  readonly family: "quantum" | "classical";
  readonly type: string;
  /** The model in words, e.g. "QSVC (C 1) on a fidelity kernel of the ZZ feature map (reps 2, …)". */
  readonly description: string;
  /** Its preprocessing in words, e.g. "standardize → PCA 4 → min-max [0, π]". */
  readonly preprocess: string;
  readonly train: MetricValues;
  readonly test: MetricValues;
  readonly fitSeconds: number;
  readonly qubits: number | null;
  readonly depth: number | null;
  readonly gateCounts: Readonly<Record<string, number>> | null;
  /** The circuit simulated per data row, drawn in the report. */
  readonly circuit?: Circuit;
  /** What the drawn circuit is, e.g. "the state preparation U(x) of the fidelity kernel …". */
  readonly circuitCaption?: string;
  /** Per-iteration training curve. */
  readonly curve?: { readonly label: string; readonly values: readonly number[] };
  /** Test-set confusion matrix (rows: actual, columns: predicted). */
  readonly confusion?: {
    readonly labels: readonly string[];
    readonly matrix: readonly (readonly number[])[];
  };
  /** Test-set ROC curve (two classes). */
  readonly roc?: { readonly fpr: readonly number[]; readonly tpr: readonly number[]; readonly auc: number };
  /** A sample of the training kernel matrix; `caption` says which rows and in what order. */
  readonly kernel?: { readonly matrix: readonly (readonly number[])[]; readonly caption: string };
  /** The model's output on each cell of {@link ReportData.boundary}: a class name or a value. */
  readonly boundary?: readonly (string | number)[];
  /** Regression: test targets and predictions. */
  readonly predictions?: { readonly actual: readonly number[]; readonly predicted: readonly number[] };
}

/** The plane the decision-boundary pictures are drawn in. */
export interface ReportBoundary {
  /** How the picture was made, in words (shown above the charts). */
  readonly description: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Grid cells in plane coordinates. */
  readonly cells: readonly {
    readonly x: number;
    readonly x2: number;
    readonly y: number;
    readonly y2: number;
  }[];
  /** Test rows projected on the plane, with their true class name or target value. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly value: string | number }[];
}

/** Everything an experiment report shows. */
export interface ReportData {
  readonly title: string;
  readonly description: string;
  readonly task: "classification" | "regression";
  readonly seed: number;
  readonly dataset: {
    readonly source: string;
    readonly description: string;
    readonly rows: number;
    readonly features: number;
    readonly trainRows: number;
    readonly testRows: number;
    readonly split: string;
    readonly classNames?: readonly string[];
  };
  /** Metric keys in table order; the first is the one models are compared on. */
  readonly metrics: readonly string[];
  readonly models: readonly ReportModel[];
  readonly boundary?: ReportBoundary;
  /** Set when the run was stopped early: the models that did not finish. */
  readonly notRun?: readonly string[];
  /** Short notes shown at the end (simulation method, …). */
  readonly notes?: readonly string[];
  /** "qforge 0.1.0". */
  readonly generator: string;
}
