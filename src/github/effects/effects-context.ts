/**
 * What every part of the GitHub publisher shares: the client and repository, the options resolved once, the
 * per-marker memory of what was found or made, and the small helpers that shape bodies and events. The
 * operations (`effects-issues.ts`, `effects-pulls.ts`) and the look-ups (`effects-lookup.ts`) are functions
 * over one of these, so the memory lives in one place for the life of a `GitHubEffects`.
 */
import type { Octokit } from '@octokit/rest';
import { systemClock, type Clock } from '../../base/clock.ts';
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
export interface IssueView {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  comments: number;
  labels: (string | { name?: string | null })[];
  pull_request?: unknown;
}

export interface PullView {
  number: number;
  html_url: string;
  body: string | null;
  draft?: boolean;
  labels: { name?: string | null }[];
}

export interface CommentView {
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
  readonly log: (event: GitHubEffectsEvent) => void;
  readonly labels: LabelBook;
  readonly clock: Clock;
  readonly createRetryBaseMs: number;
  /** Marker → number (issues, pulls) or comment id, once found or made; re-read by number before use. */
  readonly issues = new Map<string, number>();
  readonly pulls = new Map<string, number>();
  readonly comments = new Map<string, number>();

  constructor(options: GitHubEffectsOptions) {
    this.client = options.client;
    this.owner = options.owner;
    this.repo = options.repo;
    this.trackingIssue = options.trackingIssue;
    this.baseLabel = options.labels?.base ?? 'keel';
    this.runUrl = options.runUrl;
    this.redact = options.redact ?? ((text) => redactText(text, []));
    this.log = options.log ?? (() => undefined);
    this.clock = options.clock ?? systemClock;
    this.createRetryBaseMs = options.createRetryBaseMs ?? 1_000;
    this.labels = new LabelBook(this.client, this.owner, this.repo, (name) =>
      this.log({ type: 'github_label_created', name }),
    );
  }

  get repoParams(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }

  /** How an issue or pull request is named in error messages. */
  subject(number: number): string {
    return `#${number} in ${this.owner}/${this.repo}`;
  }

  /** The body as it is sent: redacted, bounded with the marker last, and a truncation logged. */
  body(kind: EffectKind, marker: string, body: string): string {
    const bounded = boundBody(body, marker, this.redact);
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
