/**
 * Response bodies of the fake GitHub API, shaped after the recorded responses in `@octokit/fixtures`
 * (issues, labels, errors) and GitHub's REST reference (pull requests, comments, which the fixtures do
 * not record): the fields keel and Octokit read, with the URLs GitHub returns.
 */
import { createHash } from 'node:crypto';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  locked: boolean;
  user: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  /** Branch names (without `owner:`). */
  head: string;
  base: string;
  /** The head's repository when it is a fork (`owner/name`), `null` for a fork since deleted. */
  headRepo?: string | null;
  /** The head's commit; by default a made-up sha derived from the branch name. */
  headSha?: string;
  labels: string[];
  locked: boolean;
  user: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ShapeContext {
  /** The fake's API root, e.g. `http://127.0.0.1:4567`. */
  api: string;
  /** Where `html_url`s point, e.g. `https://github.com`. */
  html: string;
  owner: string;
  repo: string;
  labels: readonly FakeLabel[];
}

const NODE_ID = 'MDA6RW50aXR5MQ==';

export function userJson(ctx: ShapeContext, login: string): Record<string, unknown> {
  const id = numericId(login);
  return {
    login,
    id,
    node_id: NODE_ID,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${ctx.api}/users/${encodeURIComponent(login)}`,
    html_url: `${ctx.html}/${encodeURIComponent(login)}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

export function labelJson(ctx: ShapeContext, name: string): Record<string, unknown> {
  const label = ctx.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  return {
    id: label?.id ?? numericId(name),
    node_id: NODE_ID,
    url: `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/labels/${encodeURIComponent(label?.name ?? name)}`,
    name: label?.name ?? name,
    color: label?.color ?? 'ededed',
    default: false,
    description: label?.description ?? null,
  };
}

function reactions(url: string): Record<string, unknown> {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

export function repoJson(ctx: ShapeContext, defaultBranch: string): Record<string, unknown> {
  const url = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  return {
    id: numericId(`${ctx.owner}/${ctx.repo}`),
    node_id: NODE_ID,
    name: ctx.repo,
    full_name: `${ctx.owner}/${ctx.repo}`,
    private: false,
    owner: userJson(ctx, ctx.owner),
    html_url: `${ctx.html}/${ctx.owner}/${ctx.repo}`,
    description: null,
    fork: false,
    url,
    default_branch: defaultBranch,
    has_issues: true,
    visibility: 'public',
  };
}

/** An issue, or a pull request as the issues API shows it (with `pull_request`). */
export function issueJson(
  ctx: ShapeContext,
  issue: FakeIssue | FakePull,
  comments: number,
  isPull: boolean,
): Record<string, unknown> {
  const url = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/issues/${issue.number}`;
  const html = `${ctx.html}/${ctx.owner}/${ctx.repo}/${isPull ? 'pull' : 'issues'}/${issue.number}`;
  const json: Record<string, unknown> = {
    url,
    repository_url: `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    id: 1_000_000 + issue.number,
    node_id: NODE_ID,
    number: issue.number,
    title: issue.title,
    user: userJson(ctx, issue.user),
    labels: issue.labels.map((name) => labelJson(ctx, name)),
    state: issue.state,
    locked: issue.locked,
    assignee: null,
    assignees: [],
    milestone: null,
    comments,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: 'MEMBER',
    active_lock_reason: issue.locked ? 'resolved' : null,
    body: issue.body,
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: 'state_reason' in issue ? issue.state_reason : null,
  };
  if (isPull) {
    const pull = issue as FakePull;
    json.draft = pull.draft;
    json.pull_request = {
      url: `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/pulls/${issue.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: null,
    };
  }
  return json;
}

export function commentJson(
  ctx: ShapeContext,
  comment: FakeComment,
  isPull: boolean,
): Record<string, unknown> {
  const issueUrl = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/issues/${comment.issue_number}`;
  const url = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${ctx.html}/${ctx.owner}/${ctx.repo}/${isPull ? 'pull' : 'issues'}/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: issueUrl,
    id: comment.id,
    node_id: NODE_ID,
    user: userJson(ctx, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: 'MEMBER',
    body: comment.body,
    reactions: reactions(url),
    performed_via_github_app: null,
  };
}

function branchJson(ctx: ShapeContext, ref: string, user: string): Record<string, unknown> {
  return {
    label: `${ctx.owner}:${ref}`,
    ref,
    sha: sha(`${ctx.owner}/${ctx.repo}:${ref}`),
    user: userJson(ctx, user),
    repo: repoJson(ctx, 'main'),
  };
}

/**
 * A pull request's head as the REST API shows it: `repo` is the fork's repository for a fork (with
 * `fork: true`), and `null` when the fork was deleted (docs.github.com, "Get a pull request": head.repo is
 * nullable).
 */
function headJson(ctx: ShapeContext, pull: FakePull): Record<string, unknown> {
  const head = branchJson(ctx, pull.head, pull.user);
  if (pull.headSha !== undefined) head.sha = pull.headSha;
  if (pull.headRepo === null) return { ...head, repo: null };
  if (pull.headRepo === undefined) return head;
  const [owner = 'fork', name = ctx.repo] = pull.headRepo.split('/');
  const fork = { ...ctx, owner, repo: name };
  return {
    ...head,
    label: `${owner}:${pull.head}`,
    user: userJson(fork, owner),
    repo: { ...repoJson(fork, 'main'), fork: true },
  };
}

export function pullJson(ctx: ShapeContext, pull: FakePull): Record<string, unknown> {
  const url = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/pulls/${pull.number}`;
  const issueUrl = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/issues/${pull.number}`;
  const html = `${ctx.html}/${ctx.owner}/${ctx.repo}/pull/${pull.number}`;
  return {
    url,
    id: 2_000_000 + pull.number,
    node_id: NODE_ID,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/statuses/${sha(pull.head)}`,
    number: pull.number,
    state: pull.state,
    locked: pull.locked,
    title: pull.title,
    user: userJson(ctx, pull.user),
    body: pull.body,
    labels: pull.labels.map((name) => labelJson(ctx, name)),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    closed_at: pull.closed_at,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: headJson(ctx, pull),
    base: branchJson(ctx, pull.base, ctx.owner),
    author_association: 'MEMBER',
    auto_merge: null,
    draft: pull.draft,
    merged: false,
    mergeable: null,
    mergeable_state: 'unknown',
  };
}

export function permissionJson(
  ctx: ShapeContext,
  login: string,
  permission: Permission,
): Record<string, unknown> {
  // The legacy `permission` field folds maintain into write and triage into read; `role_name` keeps it.
  const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
  return { permission: legacy, role_name: permission, user: { ...userJson(ctx, login), permissions: {} } };
}

export function errorJson(message: string, status: number, errors?: unknown[]): Record<string, unknown> {
  return {
    message,
    ...(errors ? { errors } : {}),
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
  };
}

function numericId(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0) % 100_000_000;
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
