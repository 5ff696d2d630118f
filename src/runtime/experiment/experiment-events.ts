/** Progress of an experiment run, as {@link runExperiment} reports it. */
export type ExperimentEvent =
  | {
      readonly type: "data";
      readonly rows: number;
      readonly features: number;
      readonly trainRows: number;
      readonly testRows: number;
    }
  | {
      readonly type: "model-start";
      readonly index: number;
      readonly total: number;
      readonly name: string;
      readonly maxIterations: number | null;
    }
  | {
      readonly type: "step";
      readonly index: number;
      readonly total: number;
      readonly name: string;
      readonly iteration: number;
      readonly maxIterations: number | null;
      readonly loss: number;
    }
  | {
      readonly type: "phase";
      readonly index: number;
      readonly total: number;
      readonly name: string;
      readonly phase: string;
    }
  | {
      readonly type: "model-done";
      readonly index: number;
      readonly total: number;
      readonly name: string;
      readonly seconds: number;
      readonly metric: string;
      readonly value: number | null;
    }
  | { readonly type: "writing"; readonly dir: string }
  | { readonly type: "interrupted"; readonly kept: readonly string[]; readonly notRun: readonly string[] };
