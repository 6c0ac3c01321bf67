/**
 * Every effect a run has outside its work branch goes through this interface: issues, the tracking
 * comment, the pull request, the recovery record. Each call is idempotent by its hidden marker — the
 * implementation looks the marker up before creating anything — so a crash and a resume never duplicate
 * an effect. `LocalEffects` (files in the state directory) implements it here; the GitHub publisher
 * implements it in the Action.
 */

/** `<!-- keel:run=<id> step=<id> -->`: how an effect is found again. */
export function effectMarker(runId: string, stepId: string): string {
  return `<!-- keel:run=${runId} step=${stepId} -->`;
}

export interface IssueSpec {
  marker: string;
  title: string;
  body: string;
  labels: string[];
}

export interface PullRequestSpec {
  marker: string;
  title: string;
  body: string;
  head: string;
  base: string;
  draft: boolean;
  labels: string[];
}

export interface EffectRef {
  /** Issue/PR number, or a file path for local effects. */
  id: string;
  /** Where a human looks at it. */
  url: string;
  /** False when the marker was found: the effect already existed. */
  created: boolean;
}

export interface Effects {
  /** Finds the issue carrying `spec.marker`, or creates it. */
  ensureIssue(spec: IssueSpec): Promise<EffectRef>;
  /** Updates the body of the issue carrying `marker` (creating it from `spec` if missing). */
  upsertIssue(spec: IssueSpec): Promise<EffectRef>;
  /** Closes the issue carrying `marker` with a comment, if it exists and is open. */
  closeIssue(marker: string, comment: string): Promise<EffectRef | undefined>;
  /** One comment per run, edited in place. */
  upsertComment(marker: string, body: string): Promise<EffectRef>;
  ensurePullRequest(spec: PullRequestSpec): Promise<EffectRef>;
}

/**
 * `effects` with the run's fence (its lease check) before every call: a process that lost the run to
 * another one publishes nothing more — no issue, no comment, no pull request — it throws instead.
 */
export function fencedEffects(effects: Effects, fence: () => void): Effects {
  return {
    ensureIssue: (spec) => (fence(), effects.ensureIssue(spec)),
    upsertIssue: (spec) => (fence(), effects.upsertIssue(spec)),
    closeIssue: (marker, comment) => (fence(), effects.closeIssue(marker, comment)),
    upsertComment: (marker, body) => (fence(), effects.upsertComment(marker, body)),
    ensurePullRequest: (spec) => (fence(), effects.ensurePullRequest(spec)),
  };
}
