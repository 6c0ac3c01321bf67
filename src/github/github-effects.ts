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
 * - Bodies are cut to GitHub's limit with a note, the marker kept last; titles, bodies and comments are
 *   redacted (never the marker).
 */
import type { Octokit } from '@octokit/rest';
import { systemClock, type Clock } from '../clock.ts';
import { redact as redactText } from '../fleet/redact.ts';
import type { EffectRef, Effects, IssueSpec, PullRequestSpec } from '../run/effects.ts';
import { Serial } from '../run/serial.ts';
import { boundBody, boundTitle, closingMarker } from './effects-body.ts';
import { effectsError, githubMessage, saysMatching, statusOf } from './effects-errors.ts';
import { LabelBook, labelNames, uniqueLabels } from './effects-labels.ts';

export { GitHubEffectsError } from './effects-errors.ts';

export const NEEDS_HUMAN_REVIEW = 'needs-human-review';
const PER_PAGE = 100;
/** Tries of a create whose answer was lost (5xx, network), each preceded by a look-up of the marker. */
const CREATE_ATTEMPTS = 3;
/**
 * For creating requests: the client's retry plugin would repeat a POST that GitHub may already have carried
 * out (a 502 after the write), making a duplicate. keel retries those itself, looking the marker up first.
 */
const NO_BLIND_RETRY = { request: { retries: 0 } };

export type EffectKind = 'issue' | 'comment' | 'pull_request';

export type GitHubEffectsEvent =
  | { type: 'github_effect_found'; kind: EffectKind; marker: string; id: number; url: string }
  | { type: 'github_effect_created'; kind: EffectKind; marker: string; id: number; url: string }
  | {
      type: 'github_effect_updated';
      kind: EffectKind;
      marker: string;
      id: number;
      url: string;
      change: 'body' | 'reopened' | 'closed' | 'labels';
    }
  | { type: 'github_label_created'; name: string }
  | { type: 'github_body_truncated'; kind: EffectKind; marker: string; dropped: number }
  | { type: 'github_draft_unsupported'; head: string }
  | { type: 'github_pull_request_adopted'; head: string; id: number; url: string }
  | {
      type: 'github_create_retry';
      kind: EffectKind;
      marker: string;
      attempt: number;
      error: string;
      found: boolean;
    }
  | { type: 'github_tracking_comment_skipped'; marker: string; reason: string };

export interface GitHubEffectsOptions {
  /** An Octokit (`createOctokit` adds retry and throttling). */
  client: Octokit;
  owner: string;
  repo: string;
  /** The issue or pull request the tracking comment goes on: the one that triggered the run. */
  trackingIssue?: number;
  /** `base`: put on every issue keel opens and used to find them again. Default `keel`. */
  labels?: { base?: string };
  /** The workflow run doing the work, linked from the comment that closes the recovery issue. */
  runUrl?: string;
  /** Applied to titles, bodies and comments (never to markers). Default: bearer tokens and key shapes. */
  redact?: (text: string) => string;
  log?: (event: GitHubEffectsEvent) => void;
  /** Waits between tries of a create whose answer was lost. */
  clock?: Clock;
  /** The first such wait; the n-th is n² times this. Default 1000 ms. */
  createRetryBaseMs?: number;
}

/** The fields of an issue (or of a pull request, which is also an issue) that keel reads. */
interface IssueView {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  comments: number;
  labels: (string | { name?: string | null })[];
  pull_request?: unknown;
}

interface PullView {
  number: number;
  html_url: string;
  body: string | null;
  draft?: boolean;
  labels: { name?: string | null }[];
}

interface CommentView {
  id: number;
  html_url: string;
  body?: string | null;
}

export class GitHubEffects implements Effects {
  readonly owner: string;
  readonly repo: string;
  readonly trackingIssue: number | undefined;
  readonly baseLabel: string;
  readonly #client: Octokit;
  readonly #runUrl: string | undefined;
  readonly #redact: (text: string) => string;
  readonly #log: (event: GitHubEffectsEvent) => void;
  readonly #labels: LabelBook;
  readonly #clock: Clock;
  readonly #createRetryBaseMs: number;
  readonly #serial = new Serial();
  /** Marker → number (issues, pulls) or comment id, once found or made. */
  readonly #issues = new Map<string, number>();
  readonly #pulls = new Map<string, number>();
  readonly #comments = new Map<string, number>();

  constructor(options: GitHubEffectsOptions) {
    this.#client = options.client;
    this.owner = options.owner;
    this.repo = options.repo;
    this.trackingIssue = options.trackingIssue;
    this.baseLabel = options.labels?.base ?? 'keel';
    this.#runUrl = options.runUrl;
    this.#redact = options.redact ?? ((text) => redactText(text, []));
    this.#log = options.log ?? (() => undefined);
    this.#clock = options.clock ?? systemClock;
    this.#createRetryBaseMs = options.createRetryBaseMs ?? 1_000;
    this.#labels = new LabelBook(this.#client, this.owner, this.repo, (name) =>
      this.#log({ type: 'github_label_created', name }),
    );
  }

  ensureIssue(spec: IssueSpec): Promise<EffectRef> {
    return this.#serial.run(async () => {
      const found = await this.#findIssue(spec.marker);
      if (!found) return this.#createIssue(spec);
      this.#event('github_effect_found', 'issue', spec.marker, found);
      return issueRef(found, false);
    });
  }

  upsertIssue(spec: IssueSpec): Promise<EffectRef> {
    return this.#serial.run(async () => {
      const found = await this.#findIssue(spec.marker);
      if (!found) return this.#createIssue(spec);
      const title = boundTitle(spec.title, this.#redact);
      const body = this.#body('issue', spec.marker, spec.body);
      const change: { title?: string; body?: string; state?: 'open' } = {};
      if (found.title !== title) change.title = title;
      if ((found.body ?? '') !== body) change.body = body;
      if (found.state === 'closed') change.state = 'open';
      if (Object.keys(change).length === 0) {
        this.#event('github_effect_found', 'issue', spec.marker, found);
        return issueRef(found, false);
      }
      try {
        await this.#client.rest.issues.update({ ...this.#repoParams, issue_number: found.number, ...change });
      } catch (error) {
        throw effectsError('update an issue', this.#subject(found.number), error);
      }
      this.#event('github_effect_updated', 'issue', spec.marker, found, change.state ? 'reopened' : 'body');
      return issueRef(found, false);
    });
  }

  closeIssue(marker: string, comment: string): Promise<EffectRef | undefined> {
    return this.#serial.run(async () => {
      const found = await this.#findIssue(marker);
      if (!found) return undefined;
      if (found.state === 'closed') return issueRef(found, false);
      const closing = closingMarker(marker);
      const posted = found.comments > 0 && (await this.#findComment(found.number, closing)) !== undefined;
      if (!posted) {
        const link = this.#runUrl && !comment.includes(this.#runUrl) ? `\n\nFinished by ${this.#runUrl}` : '';
        const body = boundBody(`${comment}${link}`, closing, this.#redact).text;
        try {
          await this.#createOnce<CommentView>(
            'comment',
            closing,
            async () =>
              (
                await this.#client.rest.issues.createComment({
                  ...this.#repoParams,
                  issue_number: found.number,
                  body,
                  ...NO_BLIND_RETRY,
                })
              ).data,
            () => this.#findComment(found.number, closing),
          );
        } catch (error) {
          throw effectsError('comment before closing', this.#subject(found.number), error);
        }
      }
      try {
        await this.#client.rest.issues.update({
          ...this.#repoParams,
          issue_number: found.number,
          state: 'closed',
          state_reason: 'completed',
        });
      } catch (error) {
        throw effectsError('close an issue', this.#subject(found.number), error);
      }
      this.#event('github_effect_updated', 'issue', marker, found, 'closed');
      return issueRef(found, false);
    });
  }

  upsertComment(marker: string, body: string): Promise<EffectRef> {
    return this.#serial.run(async () => {
      const issue = this.trackingIssue;
      if (issue === undefined) {
        this.#log({
          type: 'github_tracking_comment_skipped',
          marker,
          reason: 'no tracking issue for this run',
        });
        return { id: '', url: '', created: false };
      }
      const subject = `tracking issue ${this.#subject(issue)}`;
      const text = this.#body('comment', marker, body);
      const found = await this.#trackingComment(issue, marker, subject);
      if (found) {
        if ((found.body ?? '') !== text) {
          try {
            await this.#client.rest.issues.updateComment({
              ...this.#repoParams,
              comment_id: found.id,
              body: text,
            });
          } catch (error) {
            throw effectsError('edit the tracking comment', subject, error);
          }
          this.#commentEvent('github_effect_updated', marker, found, 'body');
        } else this.#commentEvent('github_effect_found', marker, found);
        return { id: String(found.id), url: found.html_url, created: false };
      }
      let data: CommentView;
      try {
        data = await this.#createOnce(
          'comment',
          marker,
          async () =>
            (
              await this.#client.rest.issues.createComment({
                ...this.#repoParams,
                issue_number: issue,
                body: text,
                ...NO_BLIND_RETRY,
              })
            ).data,
          () => this.#findComment(issue, marker),
        );
      } catch (error) {
        throw effectsError('post the tracking comment', subject, error);
      }
      this.#comments.set(marker, data.id);
      this.#commentEvent('github_effect_created', marker, data);
      return { id: String(data.id), url: data.html_url, created: true };
    });
  }

  ensurePullRequest(spec: PullRequestSpec): Promise<EffectRef> {
    return this.#serial.run(async () => {
      const branch = spec.head.includes(':') ? spec.head.slice(spec.head.indexOf(':') + 1) : spec.head;
      const head = `${this.owner}:${branch}`;
      const subject = `pull request ${branch} → ${spec.base} in ${this.owner}/${this.repo}`;
      const found = await this.#findPull(spec.marker, head, subject);
      if (found) {
        this.#pullEvent('github_effect_found', spec.marker, found);
        await this.#addMissingLabels(found, this.#pullLabels(spec, found.draft !== true), spec.marker);
        return pullRef(found, false);
      }

      const labels = uniqueLabels(spec.labels);
      await this.#labels.ensure(spec.draft ? uniqueLabels([...labels, NEEDS_HUMAN_REVIEW]) : labels);
      const params = {
        ...this.#repoParams,
        title: boundTitle(spec.title, this.#redact),
        body: this.#body('pull_request', spec.marker, spec.body),
        head: branch,
        base: spec.base,
      };
      let created: { pull: PullView; adopted: boolean };
      let draft = spec.draft;
      try {
        created = await this.#createPull({ ...params, draft }, head, spec.base, subject);
      } catch (error) {
        if (!(
          draft &&
          statusOf(error) === 422 &&
          saysMatching(error, /draft pull requests are not supported/i)
        )) {
          throw error;
        }
        this.#log({ type: 'github_draft_unsupported', head });
        draft = false;
        created = await this.#createPull({ ...params, draft }, head, spec.base, subject);
      }
      const { pull, adopted } = created;
      if (adopted) {
        this.#log({ type: 'github_pull_request_adopted', head, id: pull.number, url: pull.html_url });
        // Somebody else's pull request on keel's branch is theirs to label; one of keel's is converged.
        if (pull.body?.includes(spec.marker)) {
          this.#pulls.set(spec.marker, pull.number);
          await this.#addMissingLabels(pull, this.#pullLabels(spec, pull.draft !== true), spec.marker);
        }
        return pullRef(pull, false);
      }
      this.#pulls.set(spec.marker, pull.number);
      this.#pullEvent('github_effect_created', spec.marker, pull);
      await this.#addMissingLabels(pull, this.#pullLabels(spec, !draft), spec.marker);
      return pullRef(pull, true);
    });
  }

  get #repoParams(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }

  #subject(number: number): string {
    return `#${number} in ${this.owner}/${this.repo}`;
  }

  #body(kind: EffectKind, marker: string, body: string): string {
    const bounded = boundBody(body, marker, this.#redact);
    if (bounded.dropped > 0)
      this.#log({ type: 'github_body_truncated', kind, marker, dropped: bounded.dropped });
    return bounded.text;
  }

  async #createIssue(spec: IssueSpec): Promise<EffectRef> {
    const labels = uniqueLabels([this.baseLabel, ...spec.labels]);
    await this.#labels.ensure(labels);
    const params = {
      ...this.#repoParams,
      title: boundTitle(spec.title, this.#redact),
      body: this.#body('issue', spec.marker, spec.body),
      labels,
      ...NO_BLIND_RETRY,
    };
    let data: IssueView;
    try {
      data = await this.#createOnce(
        'issue',
        spec.marker,
        async () => (await this.#client.rest.issues.create(params)).data,
        () => this.#findIssue(spec.marker),
      );
    } catch (error) {
      throw effectsError('open an issue', `${this.owner}/${this.repo}`, error);
    }
    this.#issues.set(spec.marker, data.number);
    this.#event('github_effect_created', 'issue', spec.marker, data);
    return issueRef(data, true);
  }

  /**
   * A create whose answer may be lost after GitHub carried it out (a 5xx from a proxy, a reset
   * connection) is not repeated blindly: after a pause the marker is looked up, and only if nothing carries
   * it is the create tried again. Other failures (4xx) are thrown as they are.
   */
  async #createOnce<T>(
    kind: EffectKind,
    marker: string,
    create: () => Promise<T>,
    find: () => Promise<T | undefined>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await create();
      } catch (error) {
        const status = statusOf(error);
        if ((status !== undefined && status < 500) || attempt >= CREATE_ATTEMPTS) throw error;
        await this.#clock.sleep(this.#createRetryBaseMs * attempt ** 2);
        const found = await find();
        this.#log({
          type: 'github_create_retry',
          kind,
          marker,
          attempt,
          error: githubMessage(error),
          found: found !== undefined,
        });
        if (found !== undefined) return found;
      }
    }
  }

  /** The issue carrying `marker`: the remembered number first, else every page of the base label. */
  async #findIssue(marker: string): Promise<IssueView | undefined> {
    const known = this.#issues.get(marker);
    if (known !== undefined) {
      try {
        const { data } = await this.#client.rest.issues.get({ ...this.#repoParams, issue_number: known });
        if (data.body?.includes(marker)) return data;
      } catch (error) {
        // Deleted or transferred since: look again as if it had never been seen.
        if (statusOf(error) !== 404 && statusOf(error) !== 410) {
          throw effectsError('read an issue', this.#subject(known), error);
        }
      }
      this.#issues.delete(marker);
    }
    try {
      const pages = this.#client.paginate.iterator(this.#client.rest.issues.listForRepo, {
        ...this.#repoParams,
        labels: this.baseLabel,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: PER_PAGE,
      });
      for await (const page of pages) {
        for (const issue of page.data) {
          // The issues API lists pull requests too; keel's pull request is found by its branch instead.
          if (issue.pull_request || !issue.body?.includes(marker)) continue;
          this.#issues.set(marker, issue.number);
          return issue;
        }
      }
    } catch (error) {
      throw effectsError(`list issues labelled "${this.baseLabel}"`, `${this.owner}/${this.repo}`, error);
    }
    return undefined;
  }

  async #trackingComment(issue: number, marker: string, subject: string): Promise<CommentView | undefined> {
    const known = this.#comments.get(marker);
    if (known !== undefined) {
      try {
        const { data } = await this.#client.rest.issues.getComment({
          ...this.#repoParams,
          comment_id: known,
        });
        if (data.body?.includes(marker)) return data;
      } catch (error) {
        if (statusOf(error) !== 404) throw effectsError('read the tracking comment', subject, error);
      }
      this.#comments.delete(marker);
    }
    try {
      const found = await this.#findComment(issue, marker);
      if (found) this.#comments.set(marker, found.id);
      return found;
    } catch (error) {
      throw effectsError('list comments', subject, error);
    }
  }

  /** The first comment on `issue` carrying `marker`, every page read if need be. Errors are raw. */
  async #findComment(issue: number, marker: string): Promise<CommentView | undefined> {
    const pages = this.#client.paginate.iterator(this.#client.rest.issues.listComments, {
      ...this.#repoParams,
      issue_number: issue,
      per_page: PER_PAGE,
    });
    for await (const page of pages) {
      const found = page.data.find((comment) => comment.body?.includes(marker));
      if (found) return found;
    }
    return undefined;
  }

  async #findPull(marker: string, head: string, subject: string): Promise<PullView | undefined> {
    const known = this.#pulls.get(marker);
    if (known !== undefined) {
      try {
        const { data } = await this.#client.rest.pulls.get({ ...this.#repoParams, pull_number: known });
        if (data.body?.includes(marker)) return data;
      } catch (error) {
        if (statusOf(error) !== 404) throw effectsError('read a pull request', subject, error);
      }
      this.#pulls.delete(marker);
    }
    try {
      const pages = this.#client.paginate.iterator(this.#client.rest.pulls.list, {
        ...this.#repoParams,
        head,
        state: 'all',
        per_page: PER_PAGE,
      });
      for await (const page of pages) {
        const found = page.data.find((pull) => pull.body?.includes(marker));
        if (found) {
          this.#pulls.set(marker, found.number);
          return found;
        }
      }
    } catch (error) {
      throw effectsError('list pull requests', subject, error);
    }
    return undefined;
  }

  /**
   * Opens the pull request. GitHub allows one open pull request per head and base: when it says one
   * exists, that one is returned (`adopted`) rather than failing the run over it.
   */
  async #createPull(
    params: {
      owner: string;
      repo: string;
      title: string;
      body: string;
      head: string;
      base: string;
      draft: boolean;
    },
    head: string,
    base: string,
    subject: string,
  ): Promise<{ pull: PullView; adopted: boolean }> {
    try {
      const { data } = await this.#client.rest.pulls.create(params);
      return { pull: data, adopted: false };
    } catch (error) {
      if (statusOf(error) === 422 && saysMatching(error, /draft pull requests are not supported/i))
        throw error;
      if (statusOf(error) !== 422 || !saysMatching(error, /pull request already exists/i)) {
        const advice = saysMatching(error, /no commits between|head/i)
          ? 'is the work branch pushed, with commits?'
          : undefined;
        throw effectsError('open a pull request', subject, error, advice);
      }
      let open: PullView | undefined;
      try {
        const { data } = await this.#client.rest.pulls.list({
          ...this.#repoParams,
          head,
          base,
          state: 'open',
        });
        open = data[0];
      } catch (listError) {
        throw effectsError('list pull requests', subject, listError);
      }
      if (!open) throw effectsError('open a pull request', subject, error);
      return { pull: open, adopted: true };
    }
  }

  /** The labels the pull request should carry: the spec's, plus `needs-human-review` for a draft opened ready. */
  #pullLabels(spec: PullRequestSpec, openedReady: boolean): string[] {
    return uniqueLabels(spec.draft && openedReady ? [...spec.labels, NEEDS_HUMAN_REVIEW] : spec.labels);
  }

  /** Adds the wanted labels the pull request lacks — none after a clean creation, some after a crash. */
  async #addMissingLabels(pull: PullView, wanted: string[], marker: string): Promise<void> {
    const present = labelNames(pull.labels);
    const missing = wanted.filter((name) => !present.has(name.toLowerCase()));
    if (missing.length === 0) return;
    await this.#labels.ensure(missing);
    try {
      await this.#client.rest.issues.addLabels({
        ...this.#repoParams,
        issue_number: pull.number,
        labels: missing,
      });
    } catch (error) {
      throw effectsError('label the pull request', this.#subject(pull.number), error);
    }
    this.#pullEvent('github_effect_updated', marker, pull, 'labels');
  }

  #event(
    type: 'github_effect_found' | 'github_effect_created' | 'github_effect_updated',
    kind: EffectKind,
    marker: string,
    issue: { number: number; html_url: string },
    change: 'body' | 'reopened' | 'closed' | 'labels' = 'body',
  ): void {
    const base = { kind, marker, id: issue.number, url: issue.html_url };
    this.#log(type === 'github_effect_updated' ? { type, ...base, change } : { type, ...base });
  }

  #pullEvent(
    type: 'github_effect_found' | 'github_effect_created' | 'github_effect_updated',
    marker: string,
    pull: PullView,
    change?: 'labels',
  ): void {
    this.#event(type, 'pull_request', marker, pull, change);
  }

  #commentEvent(
    type: 'github_effect_found' | 'github_effect_created' | 'github_effect_updated',
    marker: string,
    comment: CommentView,
    change?: 'body',
  ): void {
    this.#event(type, 'comment', marker, { number: comment.id, html_url: comment.html_url }, change);
  }
}

function issueRef(issue: { number: number; html_url: string }, created: boolean): EffectRef {
  return { id: String(issue.number), url: issue.html_url, created };
}

function pullRef(pull: PullView, created: boolean): EffectRef {
  return { id: String(pull.number), url: pull.html_url, created };
}
