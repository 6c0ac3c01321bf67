/**
 * A stateful fake of the GitHub REST API on loopback (a real `node:http` server), for the end-to-end
 * tests of the built Action: point `GITHUB_API_URL` at `url`. It implements exactly the endpoints keel
 * calls (see `fake-github-routes.ts`), keeps issues, comments, pull requests and labels in `state`,
 * records every request and every write, and answers anything else with GitHub's 404 — recorded in
 * `unknown`, so a test can assert keel called nothing it did not expect.
 *
 * Every request must carry an `Authorization` header (GitHub would answer 401 to keel's writes
 * without one); it is recorded so a test can check which token was used, and `leaks(canary)` lists every
 * request whose path or body contains a given string (the canary-key test).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtInRoutes } from './fake-github-routes.ts';
import {
  errorJson,
  type FakeComment,
  type FakeIssue,
  type FakeLabel,
  type FakePull,
  type Permission,
  type ShapeContext,
} from './fake-github-shapes.ts';

export type { FakeComment, FakeIssue, FakeLabel, FakePull, Permission } from './fake-github-shapes.ts';

const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export interface SeedIssue {
  number?: number;
  title: string;
  body?: string | null;
  state?: 'open' | 'closed';
  labels?: string[];
  locked?: boolean;
  user?: string;
  comments?: { body: string; user?: string }[];
}

export interface SeedPull {
  number?: number;
  title: string;
  body?: string | null;
  head: string;
  base?: string;
  /** A fork's `owner/name`, or `null` for a deleted fork (the head's `repo` in the API). */
  headRepo?: string | null;
  headSha?: string;
  state?: 'open' | 'closed';
  draft?: boolean;
  labels?: string[];
  user?: string;
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  /** login → permission; anyone else gets `read` (a public repository). */
  collaborators?: Record<string, Permission>;
  issues?: SeedIssue[];
  pulls?: SeedPull[];
  labels?: (string | { name: string; color?: string; description?: string })[];
  /** False: creating a draft answers 422 like a private repository on GitHub Free. Default true. */
  draftPullRequests?: boolean;
  defaultBranch?: string;
  /** The login that writes with the token. Default `github-actions[bot]`. */
  actor?: string;
  /** Where `html_url`s point. Default `https://github.com`. */
  serverUrl?: string;
  /**
   * The repository's "Allow GitHub Actions to create and approve pull requests" as the workflow-permissions
   * endpoint reports it to an admin token; unset: that endpoint answers 403, as it does to GITHUB_TOKEN.
   */
  actionsMayCreatePullRequests?: boolean;
  /** Refs that exist in the git data API from the start, name → sha (`refs/keel/claims/issues/3`). */
  refs?: Record<string, string>;
  /** Tried before the built-in routes; a handler that returns undefined falls through (fault injection). */
  routes?: FakeRoute[];
}

export interface FakeRequestContext {
  method: string;
  /** The path without the query. */
  path: string;
  query: URLSearchParams;
  /** The route pattern's capture groups, URL-decoded. */
  params: string[];
  /** The parsed JSON body (undefined when there was none). */
  body: unknown;
  authorization: string | undefined;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeRoute {
  method: string;
  path: RegExp;
  handle(request: FakeRequestContext, github: FakeGitHubApi): FakeResponse | undefined;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  authorization: string | undefined;
  status: number;
}

export interface RecordedWrite {
  method: string;
  path: string;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  raw: string;
}

export interface FakeGitHubState {
  issues: FakeIssue[];
  comments: FakeComment[];
  pulls: FakePull[];
  labels: FakeLabel[];
  collaborators: Record<string, Permission>;
  /** Refs made through the git data API (`refs/keel/claims/…`), name → sha. */
  refs: Map<string, string>;
}

/** What routes use: the state plus the bits of bookkeeping GitHub does (numbers, times, URLs). */
export interface FakeGitHubApi {
  readonly owner: string;
  readonly repo: string;
  readonly actor: string;
  readonly defaultBranch: string;
  readonly draftPullRequests: boolean;
  readonly actionsMayCreatePullRequests: boolean | undefined;
  readonly state: FakeGitHubState;
  shapes(): ShapeContext;
  /** The next issue/PR number (they share one sequence, as on GitHub). */
  nextNumber(): number;
  nextCommentId(): number;
  /** A timestamp later than every earlier one, in GitHub's format. */
  now(): string;
  /** Creates the label (grey) if missing, as GitHub does for labels named on an issue; the stored name. */
  labelFor(name: string): string;
  /** A page of `items` with GitHub's `Link` header. */
  page<T>(request: FakeRequestContext, items: readonly T[], map: (item: T) => unknown): FakeResponse;
  /**
   * Serves the request with the built-in routes, for a custom route that lets GitHub do the work and
   * then replaces the answer (a 502 after the write: the case a blind retry turns into a duplicate).
   */
  forward(request: FakeRequestContext): FakeResponse;
}

export interface FakeGitHub {
  /** Use as `GITHUB_API_URL` / Octokit's `baseUrl`. */
  url: string;
  state: FakeGitHubState;
  /** performance.now() when the first request arrived (the Action's cold start ends there). */
  firstRequestAt: number | undefined;
  requests: RecordedRequest[];
  /** Every non-GET request, answered or not. */
  writes: RecordedWrite[];
  /** Requests no route knew (answered 404). */
  unknown: RecordedRequest[];
  /** `METHOD path` of every request whose path, body or Authorization header contains `needle`. */
  leaks(needle: string): string[];
  close(): Promise<void>;
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const writes: RecordedWrite[] = [];
  const unknown: RecordedRequest[] = [];
  const raw: { method: string; path: string; text: string; authorization: string }[] = [];
  let clock = 0;
  let base = '';

  const state: FakeGitHubState = {
    issues: [],
    comments: [],
    pulls: [],
    labels: [],
    collaborators: { ...(options.collaborators ?? {}) },
    refs: new Map(Object.entries(options.refs ?? {})),
  };

  const api: FakeGitHubApi = {
    owner: options.owner,
    repo: options.repo,
    actor: options.actor ?? 'github-actions[bot]',
    defaultBranch: options.defaultBranch ?? 'main',
    draftPullRequests: options.draftPullRequests ?? true,
    actionsMayCreatePullRequests: options.actionsMayCreatePullRequests,
    state,
    shapes: () => ({
      api: base,
      html: (options.serverUrl ?? 'https://github.com').replace(/\/+$/, ''),
      owner: options.owner,
      repo: options.repo,
      labels: state.labels,
    }),
    nextNumber: () =>
      Math.max(0, ...state.issues.map((i) => i.number), ...state.pulls.map((p) => p.number)) + 1,
    nextCommentId: () => Math.max(1_000_000, ...state.comments.map((c) => c.id)) + 1,
    now: () => new Date(Date.UTC(2024, 0, 1) + ++clock * 1_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    labelFor: (name) => {
      const found = state.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (found) return found.name;
      state.labels.push({ id: nextLabelId(state), name, color: 'ededed', description: null });
      return name;
    },
    page: (request, items, map) => paginate(base, request, items, map),
    forward: (request) => dispatch(builtIns, request) ?? { status: 404, body: errorJson('Not Found', 404) },
  };
  seed(api, options);

  const builtIns = builtInRoutes(options.owner, options.repo);
  const routes = [...(options.routes ?? []), ...builtIns];

  function dispatch(
    table: FakeRoute[],
    request: Omit<FakeRequestContext, 'params'>,
  ): FakeResponse | undefined {
    for (const route of table) {
      if (route.method !== request.method) continue;
      const match = route.path.exec(request.path);
      if (!match) continue;
      const params = match.slice(1).map((p) => decodeURIComponent(p ?? ''));
      const response = route.handle({ ...request, params }, api);
      if (response) return response;
    }
    return undefined;
  }

  const server = createServer((req, res) => {
    fake.firstRequestAt ??= performance.now();
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const url = new URL(target, 'http://fake.invalid');
    const authorization = header(req, 'authorization');
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      return send(res, record(method, target, authorization, 413), errorJson('Payload too large', 413));
    }
    raw.push({ method, path: target, text, authorization: authorization ?? '' });
    if (method !== 'GET' && method !== 'HEAD')
      writes.push({ method, path: target, body: parse(text), raw: text });

    if (!authorization || !/^(token|bearer)\s+\S+/i.test(authorization)) {
      return send(res, record(method, target, authorization, 401), errorJson('Requires authentication', 401));
    }
    let body: unknown;
    if (text.length > 0) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        return send(res, record(method, target, authorization, 400), errorJson('Problems parsing JSON', 400));
      }
    }
    const response = dispatch(routes, {
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      authorization,
    });
    if (response) {
      return send(
        res,
        record(method, target, authorization, response.status),
        response.body,
        response.headers,
      );
    }
    const entry = record(method, target, authorization, 404);
    unknown.push(entry);
    send(res, entry, errorJson('Not Found', 404));
  }

  function record(
    method: string,
    path: string,
    authorization: string | undefined,
    status: number,
  ): RecordedRequest {
    const entry = { method, path, authorization, status };
    requests.push(entry);
    return entry;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeGitHub = {
    url: base,
    firstRequestAt: undefined,
    state,
    requests,
    writes,
    unknown,
    leaks: (needle) =>
      needle.length === 0
        ? []
        : raw
            .filter(
              (r) => r.path.includes(needle) || r.text.includes(needle) || r.authorization.includes(needle),
            )
            .map((r) => `${r.method} ${r.path}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

function seed(api: FakeGitHubApi, options: FakeGitHubOptions): void {
  const { state } = api;
  for (const label of options.labels ?? []) {
    const spec = typeof label === 'string' ? { name: label } : label;
    state.labels.push({
      id: nextLabelId(state),
      name: spec.name,
      color: spec.color ?? 'ededed',
      description: spec.description ?? null,
    });
  }
  for (const issue of options.issues ?? []) {
    const at = api.now();
    const number = issue.number ?? api.nextNumber();
    state.issues.push({
      number,
      title: issue.title,
      body: issue.body ?? null,
      state: issue.state ?? 'open',
      state_reason: issue.state === 'closed' ? 'completed' : null,
      labels: (issue.labels ?? []).map((name) => api.labelFor(name)),
      locked: issue.locked ?? false,
      user: issue.user ?? api.owner,
      created_at: at,
      updated_at: at,
      closed_at: issue.state === 'closed' ? at : null,
    });
    for (const comment of issue.comments ?? []) {
      const commentAt = api.now();
      state.comments.push({
        id: api.nextCommentId(),
        issue_number: number,
        body: comment.body,
        user: comment.user ?? issue.user ?? api.owner,
        created_at: commentAt,
        updated_at: commentAt,
      });
    }
  }
  for (const pull of options.pulls ?? []) {
    const at = api.now();
    state.pulls.push({
      number: pull.number ?? api.nextNumber(),
      title: pull.title,
      body: pull.body ?? null,
      state: pull.state ?? 'open',
      draft: pull.draft ?? false,
      head: pull.head,
      base: pull.base ?? api.defaultBranch,
      ...(pull.headRepo !== undefined ? { headRepo: pull.headRepo } : {}),
      ...(pull.headSha !== undefined ? { headSha: pull.headSha } : {}),
      labels: (pull.labels ?? []).map((name) => api.labelFor(name)),
      locked: false,
      user: pull.user ?? api.owner,
      created_at: at,
      updated_at: at,
      closed_at: pull.state === 'closed' ? at : null,
    });
  }
}

function nextLabelId(state: FakeGitHubState): number {
  return Math.max(5_000, ...state.labels.map((l) => l.id)) + 1;
}

/** `per_page` (default 30, at most 100) and `page` as GitHub reads them, with its `Link` header. */
function paginate<T>(
  base: string,
  request: FakeRequestContext,
  items: readonly T[],
  map: (item: T) => unknown,
): FakeResponse {
  const perPage = Math.min(100, Math.max(1, Number.parseInt(request.query.get('per_page') ?? '', 10) || 30));
  const page = Math.max(1, Number.parseInt(request.query.get('page') ?? '', 10) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const at = (n: number): string => {
    const query = new URLSearchParams(request.query);
    query.set('page', String(n));
    return `<${base}${request.path}?${query.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  const body = items.slice((page - 1) * perPage, page * perPage).map(map);
  return { status: 200, body, ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}) };
}

function send(
  res: ServerResponse,
  entry: RecordedRequest,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(entry.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `FAKE:${entry.method}:${entry.status}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...headers,
  });
  res.end(text);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parse(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new Error('request too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
