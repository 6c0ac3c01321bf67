import type { Edit } from '../git/edit.ts';
import type { RouterErrorReason } from '../fleet/router-types.ts';

/**
 * What the agents produce. Model output is untrusted: every shape here is validated with zod and bounded
 * before the engine sees it (see `schemas.ts`).
 */

export interface Subtask {
  /** Stable within a plan: `[a-z0-9-]{1,48}`; becomes the step id `code:<id>`. */
  id: string;
  title: string;
  /** Files the subtask expects to touch (workspace-relative), a hint for the coder and the reviewer. */
  files: string[];
  instructions: string;
}

export interface Milestone {
  id: string;
  title: string;
  subtasks: Subtask[];
}

export interface Plan {
  milestones: Milestone[];
  /** 0–1, the planner's own confidence. */
  confidence: number;
  /** True for the template plan used when every planner model failed. */
  degraded: boolean;
}

export interface CodeChange {
  edits: Edit[];
  commitMessage: string;
}

export interface Review {
  approved: boolean;
  /** 0–100. */
  codeQuality: number;
  comments: string[];
  blocking: string[];
  /** True when no reviewer model answered: a degraded review never approves. */
  degraded: boolean;
  needsHumanReview: boolean;
}

/** Which model produced an agent's answer, and what it took. */
export interface AgentProvenance {
  /** `endpointId/model`, or `template` for a degraded fallback. */
  model: string;
  /** Router attempts plus quality retries. */
  attempts: number;
  /** Answers rejected because they did not validate (quality failures, never counted by breakers). */
  invalidAnswers: number;
}

/**
 * Why an agent call produced nothing: `invalid` when every model it asked answered unusable output,
 * `not_applied` when a usable answer could not be put to use for a reason that is not the model's (the
 * disk refused the write), otherwise the router's reason for giving up (`aborted` is a shutdown or a
 * deadline, not a failure of the fleet: the engine checkpoints instead of degrading).
 */
export type AgentFailure = 'invalid' | 'not_applied' | RouterErrorReason;

export type AgentResult<T> =
  | {
      ok: true;
      value: T;
      provenance: AgentProvenance;
      /** The model's answer as it wrote it (bounded): shown back to it if its answer is refused later. */
      answer?: string;
    }
  /** No model could produce a valid answer; `degraded` carries the role's safe fallback where it has one. */
  | {
      ok: false;
      /** Bounded, for logs and issues; server text in it was redacted by the endpoint client. */
      reason: string;
      provenance: AgentProvenance;
      failure?: AgentFailure;
      /** The role's safe fallback (template plan, degraded review); absent for the coder and when aborted. */
      degraded?: T;
    };
