import type { Member, MemberFit } from "./build-members.js";
import type { Evaluation } from "./evaluate-model.js";

/** A model that finished training and evaluation during a run. */
export interface FinishedModel {
  readonly member: Member;
  readonly fit: MemberFit;
  readonly evaluation: Evaluation;
  readonly fitSeconds: number;
  readonly evaluateSeconds: number;
  /** The model's output on each decision-plane cell, when the report draws one. */
  readonly boundary: number[] | undefined;
  /** The model file name, model-NAME.json. */
  readonly modelFile: string;
}
