/**
 * What every part of the GitHub publisher shares: the client and repository, the options resolved once, the
 * per-marker memory of what was found or made, and the small helpers that shape bodies and events. The
 * operations (`effects-issues.ts`, `effects-pulls.ts`) and the look-ups (`effects-lookup.ts`) are functions
 * over one of these, so the memory lives in one place for the life of a `GitHubEffects`.
 */
import type { Octokit } from '@octokit/rest';
import { systemClock, type Clock } from '../../base/clock.ts';
import { neutralizeForPublish } from '../../base/publish-text.ts';
import { redact as redactText } from '../../base/secrets.ts';
import { boundBody } from './effects-body.ts';
import { LabelBook } from './effects-labels.ts';

/** GitHub's largest page: a look-up that reads every page makes as few requests as it can. */
export const PER_PAGE = 100;

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
  | { type: 'github_tracking_comment_skipped'; marker: string; reason: string }
  | { type: 'github_marker_untrusted'; kind: EffectKind; marker: string; id: number; author: string };

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
  /**
   * Hosts whose links stay links in what keel publishes (the GitHub server: its issue, pull-request and
   * workflow-run links). Everything else is defanged by the publish sanitiser. Default `github.com`.
   */
  trustedHosts?: readonly string[];
  /**
   * The issue that asked for the run: the pull request's body says `Closes #N` for it (and for nothing else:
   * closing keywords in published text are neutralised). Not for a pull request's own number.
   */
  closesIssue?: number;
  /**
   * The logins keel writes as (`writerLogins`): a look-up by marker takes only items they authored, so a
   * marker planted by anybody else is never mistaken for keel's. Default `github-actions[bot]`. Authors of
   * what keel creates itself are added as they are seen.
   */
  authors?: () => Promise<readonly string[]>;
  log?: (event: GitHubEffectsEvent) => void;
  /** Waits between tries of a create whose answer was lost. */
  clock?: Clock;
  /** The first such wait; the n-th is n² times this. Default 1000 ms. */
  createRetryBaseMs?: number;
}

/** The fields of an issue (or of a pull request, which is also an issue) that keel reads. */
/** The author of an item, as the API gives it. */
export interface AuthorView {
  user?: { login?: string | null } | null;
}

export interface IssueView extends AuthorView {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  comments: number;
  labels: (string | { name?: string | null })[];
  pull_request?: unknown;
}

export interface PullView extends AuthorView {
  number: number;
  html_url: string;
  body: string | null;
  draft?: boolean;
  labels: { name?: string | null }[];
}

export interface CommentView extends AuthorView {
  id: number;
  html_url: string;
  body?: string | null;
}

type EffectEventType = 'github_effect_found' | 'github_effect_created' | 'github_effect_updated';
type EffectChange = 'body' | 'reopened' | 'closed' | 'labels';

export class EffectsContext {
  readonly client: Octokit;
  readonly owner: string;
  readonly repo: string;
  readonly trackingIssue: number | undefined;
  readonly baseLabel: string;
  readonly runUrl: string | undefined;
  readonly redact: (text: string) => string;
  /** The publish sanitiser, then the redaction: what every title, body and comment goes through. */
  readonly clean: (text: string) => string;
  readonly closesIssue: number | undefined;
  readonly log: (event: GitHubEffectsEvent) => void;
  readonly labels: LabelBook;
  readonly clock: Clock;
  readonly createRetryBaseMs: number;
  /** Marker → number (issues, pulls) or comment id, once found or made; re-read by number before use. */
  readonly issues = new Map<string, number>();
  readonly pulls = new Map<string, number>();
  readonly comments = new Map<string, number>();
  readonly #authors: () => Promise<readonly string[]>;
  #trusted: Promise<Set<string>> | undefined;
  readonly #learned = new Set<string>();

  constructor(options: GitHubEffectsOptions) {
    this.client = options.client;
    this.owner = options.owner;
    this.repo = options.repo;
    this.trackingIssue = options.trackingIssue;
    this.baseLabel = options.labels?.base ?? 'keel';
    this.runUrl = options.runUrl;
    this.redact = options.redact ?? ((text) => redactText(text, []));
    const trustedHosts = options.trustedHosts ?? ['github.com'];
    this.clean = (text) => this.redact(neutralizeForPublish(text, { trustedHosts }));
    this.closesIssue = options.closesIssue;
    this.#authors = options.authors ?? (() => Promise.resolve(['github-actions[bot]']));
    this.log = options.log ?? (() => undefined);
    this.clock = options.clock ?? systemClock;
    this.createRetryBaseMs = options.createRetryBaseMs ?? 1_000;
    this.labels = new LabelBook(this.client, this.owner, this.repo, (name) =>
      this.log({ type: 'github_label_created', name }),
    );
  }

  /**
   * Whether `item` was written by keel's identity: only then does a marker in it count. An item of anybody
   * else carrying the marker is logged (`github_marker_untrusted`) and passed over.
   */
  async isOwn(kind: EffectKind, marker: string, item: AuthorView & { id?: number; number?: number }) {
    this.#trusted ??= this.#authors().then(
      (logins) => new Set(logins.map((login) => login.toLowerCase())),
      () => new Set(['github-actions[bot]']),
    );
    const trusted = await this.#trusted;
    const author = (item.user?.login ?? '').toLowerCase();
    if (author !== '' && (trusted.has(author) || this.#learned.has(author))) return true;
    this.log({
      type: 'github_marker_untrusted',
      kind,
      marker,
      id: item.number ?? item.id ?? 0,
      author: item.user?.login ?? '(unknown)',
    });
    return false;
  }

  /** The author of something keel has just created: keel's own identity, whatever the token did not say. */
  learnAuthor(item: AuthorView): void {
    const login = item.user?.login;
    if (typeof login === 'string' && login !== '') this.#learned.add(login.toLowerCase());
  }

  get repoParams(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }

  /** How an issue or pull request is named in error messages. */
  subject(number: number): string {
    return `#${number} in ${this.owner}/${this.repo}`;
  }

  /**
   * The body as it is sent: sanitised and redacted, bounded, keel's own `tail` after it and the marker last,
   * and a truncation logged.
   */
  body(kind: EffectKind, marker: string, body: string, tail = ''): string {
    const bounded = boundBody(body, marker, this.clean, undefined, tail);
    if (bounded.dropped > 0)
      this.log({ type: 'github_body_truncated', kind, marker, dropped: bounded.dropped });
    return bounded.text;
  }

  event(
    type: EffectEventType,
    kind: EffectKind,
    marker: string,
    issue: { number: number; html_url: string },
    change: EffectChange = 'body',
  ): void {
    const base = { kind, marker, id: issue.number, url: issue.html_url };
    this.log(type === 'github_effect_updated' ? { type, ...base, change } : { type, ...base });
  }

  pullEvent(type: EffectEventType, marker: string, pull: PullView, change?: 'labels'): void {
    this.event(type, 'pull_request', marker, pull, change);
  }

  commentEvent(type: EffectEventType, marker: string, comment: CommentView, change?: 'body'): void {
    this.event(type, 'comment', marker, { number: comment.id, html_url: comment.html_url }, change);
  }
}
