/**
 * Shapes for the trigger tests. API responses are adapted from `@octokit/fixtures` recordings (an issue from
 * `paginate-issues`, a label from `labels`, a collaborator from `add-and-remove-repository-collaborator`);
 * event payloads follow GitHub's webhook documentation for `issue_comment`, `workflow_dispatch` and
 * `schedule`, trimmed of nothing a trigger could read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ActionContext } from '../../src/github/api/context.ts';

export const OWNER = 'octo-org';
export const REPO = 'widgets';
export const ORIGIN = 'http://127.0.0.1:49322';
/** GHES-style: the API under a path prefix. */
export const API_PREFIX = '/api/v3';

type Json = Record<string, unknown>;

interface Recorded {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers: Record<string, string | number>;
}

const fixturesRoot = dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json'));

function scenario(name: string): Recorded[] {
  const file = join(fixturesRoot, 'scenarios/api.github.com', name, 'normalized-fixture.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Recorded[];
}

const clone = <T>(value: T): T => structuredClone(value);

const recordedIssue = (scenario('paginate-issues')[0]!.response as Json[])[0]!;
const recordedLabel = (scenario('labels')[0]!.response as Json[])[0]!;
const recordedCollaborators = scenario('add-and-remove-repository-collaborator').find(
  (entry) => entry.method === 'get' && entry.path.endsWith('/collaborators') && Array.isArray(entry.response),
)!.response as Json[];

/** Rate-limit and media headers as GitHub sends them (lengths and dates left to nock). */
export const API_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'x-github-media-type': 'github.v3; format=json',
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': '4999',
  'x-ratelimit-resource': 'core',
};

export function label(name: string): Json {
  return { ...clone(recordedLabel), name, default: false, description: null };
}

export interface IssueShape {
  number: number;
  title: string;
  body?: string | null;
  labels?: string[];
  createdAt?: string;
  pullRequest?: boolean;
}

/** An issue as `GET /repos/{o}/{r}/issues` lists it. */
export function apiIssue(shape: IssueShape): Json {
  const issue = clone(recordedIssue);
  const url = `https://api.github.com/repos/${OWNER}/${REPO}/issues/${shape.number}`;
  Object.assign(issue, {
    url,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/${shape.number}`,
    id: 5000 + shape.number,
    number: shape.number,
    title: shape.title,
    body: shape.body ?? null,
    labels: (shape.labels ?? ['keel']).map(label),
    created_at: shape.createdAt ?? '2026-01-01T00:00:00Z',
    updated_at: shape.createdAt ?? '2026-01-01T00:00:00Z',
  });
  if (shape.pullRequest) {
    issue.pull_request = {
      url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${shape.number}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${shape.number}`,
      diff_url: `https://github.com/${OWNER}/${REPO}/pull/${shape.number}.diff`,
      patch_url: `https://github.com/${OWNER}/${REPO}/pull/${shape.number}.patch`,
      merged_at: null,
    };
  }
  return issue;
}

/**
 * `GET /repos/{o}/{r}/collaborators/{user}/permission`: `permission` is the legacy level (maintain reads as
 * write, triage as read), `role_name` the role, `user` the collaborator with their `permissions` map.
 */
export function permissionBody(
  login: string,
  role: 'admin' | 'maintain' | 'write' | 'triage' | 'read',
): Json {
  const legacy = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read' }[role];
  // The recording's second collaborator was added with write access.
  const user = clone(recordedCollaborators.find((entry) => entry.role_name === 'write')!);
  Object.assign(user, {
    login,
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
    role_name: role,
    permissions: {
      admin: role === 'admin',
      maintain: role === 'admin' || role === 'maintain',
      push: legacy === 'admin' || legacy === 'write',
      triage: role !== 'read',
      pull: true,
    },
  });
  return { permission: legacy, role_name: role, user };
}

function webhookUser(login: string, type: 'User' | 'Bot' | 'Organization', id = 4000): Json {
  return {
    login,
    id,
    node_id: 'MDQ6VXNlcjQwMDA=',
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
    type,
    site_admin: false,
  };
}

const repository: Json = {
  id: 1296269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: REPO,
  full_name: `${OWNER}/${REPO}`,
  private: false,
  owner: webhookUser(OWNER, 'Organization', 9000),
  html_url: `https://github.com/${OWNER}/${REPO}`,
  default_branch: 'main',
};

export interface CommentShape {
  body: string;
  login?: string;
  userType?: 'User' | 'Bot';
  association?: 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'NONE';
  action?: 'created' | 'edited' | 'deleted';
  issueNumber?: number;
  issueTitle?: string;
  issueBody?: string | null;
  onPullRequest?: boolean;
}

/** An `issue_comment` webhook payload, as the runner writes it to `GITHUB_EVENT_PATH`. */
export function issueCommentPayload(shape: CommentShape): Json {
  const login = shape.login ?? 'octocat';
  const number = shape.issueNumber ?? 42;
  const issueUrl = `https://api.github.com/repos/${OWNER}/${REPO}/issues/${number}`;
  const issue: Json = {
    url: issueUrl,
    repository_url: `https://api.github.com/repos/${OWNER}/${REPO}`,
    html_url: `https://github.com/${OWNER}/${REPO}/${shape.onPullRequest ? 'pull' : 'issues'}/${number}`,
    id: 7000 + number,
    node_id: 'I_kwDOA',
    number,
    title: shape.issueTitle ?? 'Add a --dry-run flag',
    user: webhookUser('issue-author', 'User', 4100),
    labels: [label('enhancement')],
    state: 'open',
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: 3,
    created_at: '2026-01-02T10:00:00Z',
    updated_at: '2026-01-03T10:00:00Z',
    closed_at: null,
    author_association: 'NONE',
    active_lock_reason: null,
    body:
      shape.issueBody === undefined ? 'The CLI should print the plan without running it.' : shape.issueBody,
    performed_via_github_app: null,
    state_reason: null,
  };
  if (shape.onPullRequest) {
    issue.pull_request = {
      url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
      diff_url: `https://github.com/${OWNER}/${REPO}/pull/${number}.diff`,
      patch_url: `https://github.com/${OWNER}/${REPO}/pull/${number}.patch`,
      merged_at: null,
    };
  }
  const user = webhookUser(login, shape.userType ?? (login.endsWith('[bot]') ? 'Bot' : 'User'));
  return {
    action: shape.action ?? 'created',
    issue,
    comment: {
      url: `${issueUrl}/comments/1081119451`,
      html_url: `https://github.com/${OWNER}/${REPO}/issues/${number}#issuecomment-1081119451`,
      issue_url: issueUrl,
      id: 1081119451,
      node_id: 'IC_kwDOA',
      user,
      created_at: '2026-01-04T10:00:00Z',
      updated_at: '2026-01-04T10:00:00Z',
      author_association: shape.association ?? 'NONE',
      body: shape.body,
      reactions: { url: `${issueUrl}/comments/1081119451/reactions`, total_count: 0 },
      performed_via_github_app: null,
    },
    ...(shape.action === 'edited' ? { changes: { body: { from: 'earlier text' } } } : {}),
    repository,
    sender: user,
  };
}

/** `workflow_dispatch`: the inputs are in the payload too, but the action reads them as its own inputs. */
export function dispatchPayload(inputs: Record<string, string>): Json {
  return {
    inputs,
    ref: 'refs/heads/main',
    repository,
    sender: webhookUser('octocat', 'User'),
    workflow: '.github/workflows/keel.yml',
  };
}

export function schedulePayload(): Json {
  return { schedule: '*/30 * * * *', repository, workflow: '.github/workflows/keel.yml' };
}

export function actionContext(eventName: string, payload: Json): ActionContext {
  return {
    owner: OWNER,
    repo: REPO,
    eventName,
    payload,
    runId: '1658821493',
    runAttempt: '1',
    workflow: 'keel',
    serverUrl: 'https://github.com',
    apiUrl: `${ORIGIN}${API_PREFIX}`,
    workspace: '/tmp/keel-workspace',
    actor: 'octocat',
    runnerTemp: '/tmp',
  };
}
