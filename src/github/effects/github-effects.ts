/**
 * `Effects` on GitHub: issues, the tracking comment, the pull request and the recovery issue, with the
 * semantics of `LocalEffects`. Every effect carries its hidden marker as the last thing in its body and
 * is looked up by it before anything is created, so a crash and a resume never duplicate one:
 *
 * - issues (failed subtasks, the recovery issue): listed with the base label (`keel`), `state: all`,
 *   newest first, every page until the marker turns up. The base label is put on every issue keel opens
 *   for exactly this. Listing, not the search API: search is eventually consistent, so it misses the
 *   issue made just before a crash — the one case the lookup exists for — and has its own small rate
 *   limit. An issue whose base label a human removed is not found again; that is their call.
 * - the tracking comment: the tracking issue's comments, every page.
 * - the pull request: the pull requests whose head is the work branch, any state. If GitHub still says
 *   one already exists for the branch (a PR without the marker), keel adopts it instead of failing.
 *
 * What is found or made is remembered per marker for the life of this object (and re-read by number
 * before use), and all calls run one at a time, so two calls in one process never race to create.
 * A create whose answer was lost (5xx, network) is never repeated blindly — the client's retry plugin is
 * off for creating requests — but looked up by marker first (pull requests need no such care: GitHub
 * refuses a second open one for the branch, and keel adopts the first).
 *
 * Decisions:
 * - `upsertIssue` rewrites title and body and REOPENS a closed issue: it is how the recovery issue is
 *   written, and a run that stopped again after its issue was closed needs it in front of people again.
 *   `ensureIssue` never reopens: a closed failed-subtask issue is somebody's decision.
 * - `closeIssue` posts its comment (with a link to the finishing run when `runUrl` is given; the comment
 *   carries a marker of its own so a crash before the close does not post it twice), then closes with
 *   `state_reason: completed`; an issue already closed is left alone.
 * - Without a tracking issue (schedule, dispatch) `upsertComment` writes nothing and answers
 *   `{ id: '', url: '', created: false }`; the job summary carries the same information.
 * - A pull request gets `spec.labels` only, not the base label: the `keel`-labelled issues are also the
 *   schedule's task queue, and a pull request has no business there. When the repository has no draft
 *   PRs it is opened ready for review and labelled `needs-human-review` instead.
 * - Bodies are cut to GitHub's limit with a note, the marker kept last; titles, bodies and comments go
 *   through the publish sanitiser (`base/publish-text.ts`: no mention pings, no closing keyword links, no
 *   image loads, no hidden text, no planted marker) and are redacted — never the marker. The pull request's
 *   body then gets keel's own `Closes #N` for the issue that asked for the run (`closesIssue`).
 * - A marker counts only on an item keel's own identity wrote (`authors`, `api/identity.ts`): anybody can
 *   paste one into a comment.
 *
 * Where it lives: this class keeps the one-at-a-time order; `effects-context.ts` the shared options and
 * per-marker memory; `effects-lookup.ts` the marker look-ups; `effects-create.ts` the create-with-lookup
 * discipline; `effects-issues.ts` and `effects-pulls.ts` the operations themselves.
 */
import type { EffectRef, Effects, IssueSpec, PullRequestSpec } from '../../run/effects.ts';
import { Serial } from '../../base/serial.ts';
import { EffectsContext, type GitHubEffectsOptions } from './effects-context.ts';
import { closeIssue, ensureIssue, upsertIssue, upsertTrackingComment } from './effects-issues.ts';
import { ensurePullRequest } from './effects-pulls.ts';

export type { EffectKind, GitHubEffectsEvent, GitHubEffectsOptions } from './effects-context.ts';
export { GitHubEffectsError } from './effects-errors.ts';
export { NEEDS_HUMAN_REVIEW } from './effects-pulls.ts';

export class GitHubEffects implements Effects {
  readonly owner: string;
  readonly repo: string;
  readonly trackingIssue: number | undefined;
  readonly baseLabel: string;
  readonly #context: EffectsContext;
  readonly #serial = new Serial();

  constructor(options: GitHubEffectsOptions) {
    this.#context = new EffectsContext(options);
    this.owner = this.#context.owner;
    this.repo = this.#context.repo;
    this.trackingIssue = this.#context.trackingIssue;
    this.baseLabel = this.#context.baseLabel;
  }

  ensureIssue(spec: IssueSpec): Promise<EffectRef> {
    return this.#serial.run(() => ensureIssue(this.#context, spec));
  }

  upsertIssue(spec: IssueSpec): Promise<EffectRef> {
    return this.#serial.run(() => upsertIssue(this.#context, spec));
  }

  closeIssue(marker: string, comment: string): Promise<EffectRef | undefined> {
    return this.#serial.run(() => closeIssue(this.#context, marker, comment));
  }

  upsertComment(marker: string, body: string): Promise<EffectRef> {
    return this.#serial.run(() => upsertTrackingComment(this.#context, marker, body));
  }

  ensurePullRequest(spec: PullRequestSpec): Promise<EffectRef> {
    return this.#serial.run(() => ensurePullRequest(this.#context, spec));
  }
}
