/**
 * Response bodies for nock, taken from the recordings in `@octokit/fixtures` (an issue from
 * `paginate-issues`, a label from `labels`, a validation error from `errors`) with the fields a test
 * cares about replaced. Pull requests and comments, which the fixtures do not record, reuse the fake
 * server's shapes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { commentJson, pullJson, type ShapeContext } from './fake-github-shapes.ts';

export const API = 'https://api.github.com';
export const OWNER = 'octo-org';
export const REPO = 'keel-target';

interface Recorded {
  method: string;
  path: string;
  status: number;
  response: unknown;
}

const require = createRequire(import.meta.url);

function scenario(name: string): Recorded[] {
  const path = require.resolve(`@octokit/fixtures/scenarios/api.github.com/${name}/normalized-fixture.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Recorded[];
}

const recordedIssue = (scenario('paginate-issues')[0]!.response as Record<string, unknown>[])[0]!;
const recordedLabel = (scenario('labels')[0]!.response as Record<string, unknown>[])[0]!;
const recordedValidation = scenario('errors')[0]!.response as Record<string, unknown>;

const shapes: ShapeContext = { api: API, html: 'https://github.com', owner: OWNER, repo: REPO, labels: [] };

/** Rewrites the recording's repository in every URL. */
function retarget<T>(value: T, from: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(from, `${OWNER}/${REPO}`)) as T;
}

export function label(name: string): Record<string, unknown> {
  return { ...recordedLabel, name, url: `${API}/repos/${OWNER}/${REPO}/labels/${encodeURIComponent(name)}` };
}

export interface IssueFields {
  body?: string | null;
  state?: 'open' | 'closed';
  labels?: string[];
  comments?: number;
  title?: string;
  pull?: boolean;
  /** The author; default keel's own (`github-actions[bot]`), whose markers count. */
  user?: string;
}

export function issue(number: number, fields: IssueFields = {}): Record<string, unknown> {
  const base = retarget(recordedIssue, 'octokit-fixture-org/paginate-issues');
  const url = `${API}/repos/${OWNER}/${REPO}/issues/${number}`;
  const html = `https://github.com/${OWNER}/${REPO}/${fields.pull ? 'pull' : 'issues'}/${number}`;
  return {
    ...base,
    url,
    html_url: html,
    comments_url: `${url}/comments`,
    id: 1_000 + number,
    number,
    title: fields.title ?? `Issue ${number}`,
    body: fields.body ?? null,
    state: fields.state ?? 'open',
    state_reason: fields.state === 'closed' ? 'completed' : null,
    closed_at: fields.state === 'closed' ? '2024-01-02T00:00:00Z' : null,
    comments: fields.comments ?? 0,
    labels: (fields.labels ?? ['keel']).map(label),
    user: {
      ...(base.user as Record<string, unknown>),
      login: fields.user ?? 'github-actions[bot]',
      type: 'Bot',
    },
    ...(fields.pull
      ? { pull_request: { url: `${API}/repos/${OWNER}/${REPO}/pulls/${number}`, html_url: html } }
      : {}),
  };
}

export function comment(id: number, issueNumber: number, body: string): Record<string, unknown> {
  return commentJson(
    shapes,
    {
      id,
      issue_number: issueNumber,
      body,
      user: 'github-actions[bot]',
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    },
    false,
  );
}

export interface PullFields {
  body?: string | null;
  head?: string;
  base?: string;
  draft?: boolean;
  labels?: string[];
  state?: 'open' | 'closed';
}

export function pull(number: number, fields: PullFields = {}): Record<string, unknown> {
  return pullJson(shapes, {
    number,
    title: `PR ${number}`,
    body: fields.body ?? null,
    state: fields.state ?? 'open',
    draft: fields.draft ?? false,
    head: fields.head ?? 'keel/run-1',
    base: fields.base ?? 'main',
    labels: fields.labels ?? [],
    locked: false,
    user: 'github-actions[bot]',
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    closed_at: null,
  });
}

/** GitHub's 422 body, shaped like the recorded one. */
export function validationFailed(errors: Record<string, unknown>[]): Record<string, unknown> {
  return { ...recordedValidation, message: 'Validation Failed', errors };
}

export function githubError(message: string): Record<string, unknown> {
  return { message, documentation_url: 'https://docs.github.com/rest' };
}

/** A `Link` header pointing at `page` of the same listing. */
export function nextLink(path: string, page: number, last: number): string {
  const at = (n: number): string => `<${API}${path}${path.includes('?') ? '&' : '?'}page=${n}>`;
  return `${at(page)}; rel="next", ${at(last)}; rel="last"`;
}
