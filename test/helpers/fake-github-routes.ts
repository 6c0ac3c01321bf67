/**
 * The endpoints of the fake GitHub API — exactly those keel calls: the collaborator permission (who may
 * command keel), issues and their comments, labels, pull requests, the repository, reactions and the
 * artifacts list. Validation follows GitHub where keel depends on it: 65,536-character bodies, one open
 * pull request per head and base, drafts refused when the repository has none, no comments on locked
 * issues, `already_exists` for a label made twice.
 */
import type { FakeGitHubApi, FakeRequestContext, FakeResponse, FakeRoute } from './fake-github.ts';
import {
  commentJson,
  errorJson,
  issueJson,
  labelJson,
  permissionJson,
  pullJson,
  repoJson,
  userJson,
  type FakeIssue,
  type FakePull,
} from './fake-github-shapes.ts';

const MAX_BODY = 65_536;

type Handler = (request: FakeRequestContext, github: FakeGitHubApi) => FakeResponse | undefined;

export function builtInRoutes(owner: string, repo: string): FakeRoute[] {
  const root = `/repos/${escape(owner)}/${escape(repo)}`;
  const route = (method: string, path: string, handle: Handler): FakeRoute => ({
    method,
    path: new RegExp(`^${root}${path}$`, 'i'),
    handle,
  });
  return [
    route('GET', '', (_req, gh) => ok(repoJson(gh.shapes(), gh.defaultBranch))),
    route('GET', '/collaborators/([^/]+)/permission', getPermission),
    route('GET', '/issues', listIssues),
    route('POST', '/issues', createIssue),
    route('GET', '/issues/comments/(\\d+)', getComment),
    route('PATCH', '/issues/comments/(\\d+)', updateComment),
    route('POST', '/issues/comments/(\\d+)/reactions', createReaction),
    route('GET', '/issues/(\\d+)', getIssue),
    route('PATCH', '/issues/(\\d+)', updateIssue),
    route('GET', '/issues/(\\d+)/comments', listComments),
    route('POST', '/issues/(\\d+)/comments', createComment),
    route('POST', '/issues/(\\d+)/labels', addLabels),
    route('DELETE', '/issues/(\\d+)/labels/([^/]+)', removeLabel),
    route('GET', '/labels', (req, gh) =>
      gh.page(req, gh.state.labels, (l) => labelJson(gh.shapes(), l.name)),
    ),
    route('GET', '/labels/([^/]+)', getLabel),
    route('POST', '/labels', createLabel),
    route('GET', '/pulls', listPulls),
    route('POST', '/pulls', createPull),
    route('GET', '/pulls/(\\d+)', getPull),
    route('PATCH', '/pulls/(\\d+)', updatePull),
    route('GET', '/actions/artifacts', () => ok({ total_count: 0, artifacts: [] })),
    // Who the token is. GitHub answers 403 for an installation token (the workflow's GITHUB_TOKEN, `ghs_…`),
    // which has no user; any other token is the user `actor`.
    {
      method: 'GET',
      path: /^\/user$/,
      handle: (req, gh) =>
        /\bghs_/.test(req.authorization ?? '')
          ? { status: 403, body: errorJson('Resource not accessible by integration', 403) }
          : ok(userJson(gh.shapes(), gh.actor)),
    },
    // The workflow permissions: readable with admin rights only (403 "Resource not accessible by
    // integration" to the workflow's token).
    route('GET', '/actions/permissions/workflow', (_req, gh) =>
      gh.actionsMayCreatePullRequests === undefined
        ? { status: 403, body: errorJson('Resource not accessible by integration', 403) }
        : ok({
            default_workflow_permissions: 'read',
            can_approve_pull_request_reviews: gh.actionsMayCreatePullRequests,
          }),
    ),
    ...gitRefRoutes(route),
  ];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function ok(body: unknown, status = 200): FakeResponse {
  return { status, body };
}

function notFound(): FakeResponse {
  return { status: 404, body: errorJson('Not Found', 404) };
}

function invalid(resource: string, errors: Record<string, unknown>[]): FakeResponse {
  return {
    status: 422,
    body: errorJson(
      'Validation Failed',
      422,
      errors.map((e) => ({ resource, ...e })),
    ),
  };
}

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

function labelList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .map((l) =>
      typeof l === 'string'
        ? l
        : typeof (l as { name?: unknown })?.name === 'string'
          ? (l as { name: string }).name
          : '',
    )
    .filter((l) => l.length > 0);
}

function tooLong(text: unknown): boolean {
  return typeof text === 'string' && text.length > MAX_BODY;
}

function bodyTooLong(resource: string): FakeResponse {
  return invalid(resource, [
    { code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` },
  ]);
}

type Target = { kind: 'issue'; issue: FakeIssue } | { kind: 'pull'; pull: FakePull };

function target(gh: FakeGitHubApi, number: number): Target | undefined {
  const issue = gh.state.issues.find((i) => i.number === number);
  if (issue) return { kind: 'issue', issue };
  const pull = gh.state.pulls.find((p) => p.number === number);
  return pull ? { kind: 'pull', pull } : undefined;
}

function commentCount(gh: FakeGitHubApi, number: number): number {
  return gh.state.comments.filter((c) => c.issue_number === number).length;
}

function asIssue(gh: FakeGitHubApi, t: Target): Record<string, unknown> {
  const item = t.kind === 'issue' ? t.issue : t.pull;
  return issueJson(gh.shapes(), item, commentCount(gh, item.number), t.kind === 'pull');
}

const getPermission: Handler = (req, gh) => {
  const login = req.params[0]!;
  const entry = Object.entries(gh.state.collaborators).find(
    ([name]) => name.toLowerCase() === login.toLowerCase(),
  );
  return ok(permissionJson(gh.shapes(), entry?.[0] ?? login, entry?.[1] ?? 'read'));
};

const listIssues: Handler = (req, gh) => {
  const state = req.query.get('state') ?? 'open';
  const labels = (req.query.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l.length > 0);
  const since = req.query.get('since');
  const items: Target[] = [
    ...gh.state.issues.map((issue): Target => ({ kind: 'issue', issue })),
    ...gh.state.pulls.map((pull): Target => ({ kind: 'pull', pull })),
  ].filter((t) => {
    const item = t.kind === 'issue' ? t.issue : t.pull;
    if (state !== 'all' && item.state !== state) return false;
    if (since && item.updated_at < since) return false;
    const have = new Set(item.labels.map((l) => l.toLowerCase()));
    return labels.every((l) => have.has(l));
  });
  const sort = req.query.get('sort') ?? 'created';
  const sign = (req.query.get('direction') ?? 'desc') === 'asc' ? 1 : -1;
  const key = (t: Target): string | number => {
    const item = t.kind === 'issue' ? t.issue : t.pull;
    if (sort === 'updated') return item.updated_at;
    if (sort === 'comments') return commentCount(gh, item.number);
    return item.created_at;
  };
  items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const numberA = a.kind === 'issue' ? a.issue.number : a.pull.number;
    const numberB = b.kind === 'issue' ? b.issue.number : b.pull.number;
    return (ka < kb ? -1 : ka > kb ? 1 : numberA - numberB) * sign;
  });
  return gh.page(req, items, (t) => asIssue(gh, t));
};

const createIssue: Handler = (req, gh) => {
  const f = fields(req.body);
  if (typeof f.title !== 'string' || f.title.trim().length === 0) {
    return invalid('Issue', [{ code: 'missing_field', field: 'title' }]);
  }
  if (f.title.length > 256)
    return invalid('Issue', [
      { code: 'custom', field: 'title', message: 'title is too long (maximum is 256 characters)' },
    ]);
  if (tooLong(f.body)) return bodyTooLong('Issue');
  const at = gh.now();
  const issue: FakeIssue = {
    number: gh.nextNumber(),
    title: f.title,
    body: typeof f.body === 'string' ? f.body : null,
    state: 'open',
    state_reason: null,
    labels: (labelList(f.labels) ?? []).map((l) => gh.labelFor(l)),
    locked: false,
    user: gh.actor,
    created_at: at,
    updated_at: at,
    closed_at: null,
  };
  gh.state.issues.push(issue);
  return ok(asIssue(gh, { kind: 'issue', issue }), 201);
};

const getIssue: Handler = (req, gh) => {
  const t = target(gh, Number(req.params[0]));
  return t ? ok(asIssue(gh, t)) : notFound();
};

const updateIssue: Handler = (req, gh) => {
  const t = target(gh, Number(req.params[0]));
  if (!t) return notFound();
  const f = fields(req.body);
  if (tooLong(f.body)) return bodyTooLong('Issue');
  const item = t.kind === 'issue' ? t.issue : t.pull;
  const at = gh.now();
  if (typeof f.title === 'string') item.title = f.title;
  if (typeof f.body === 'string' || f.body === null) item.body = f.body;
  const labels = labelList(f.labels);
  if (labels) item.labels = labels.map((l) => gh.labelFor(l));
  const reason = f.state_reason === 'not_planned' ? 'not_planned' : 'completed';
  if (f.state === 'closed' && item.state !== 'closed') {
    item.state = 'closed';
    item.closed_at = at;
    if (t.kind === 'issue') t.issue.state_reason = reason;
  } else if (f.state === 'open' && item.state !== 'open') {
    item.state = 'open';
    item.closed_at = null;
    if (t.kind === 'issue') t.issue.state_reason = 'reopened';
  } else if (t.kind === 'issue' && item.state === 'closed' && typeof f.state_reason === 'string') {
    t.issue.state_reason = reason;
  }
  item.updated_at = at;
  return ok(asIssue(gh, t));
};

const listComments: Handler = (req, gh) => {
  const number = Number(req.params[0]);
  if (!target(gh, number)) return notFound();
  const since = req.query.get('since');
  const comments = gh.state.comments
    .filter((c) => c.issue_number === number && (!since || c.updated_at >= since))
    .sort((a, b) => a.id - b.id);
  const isPull = target(gh, number)?.kind === 'pull';
  return gh.page(req, comments, (c) => commentJson(gh.shapes(), c, isPull));
};

const createComment: Handler = (req, gh) => {
  const number = Number(req.params[0]);
  const t = target(gh, number);
  if (!t) return notFound();
  if ((t.kind === 'issue' ? t.issue : t.pull).locked) {
    return { status: 403, body: errorJson('Unable to create comment because issue is locked.', 403) };
  }
  const f = fields(req.body);
  if (typeof f.body !== 'string' || f.body.length === 0)
    return invalid('IssueComment', [{ code: 'missing_field', field: 'body' }]);
  if (tooLong(f.body)) return bodyTooLong('IssueComment');
  const at = gh.now();
  const comment = {
    id: gh.nextCommentId(),
    issue_number: number,
    body: f.body,
    user: gh.actor,
    created_at: at,
    updated_at: at,
  };
  gh.state.comments.push(comment);
  return ok(commentJson(gh.shapes(), comment, t.kind === 'pull'), 201);
};

const getComment: Handler = (req, gh) => {
  const comment = gh.state.comments.find((c) => c.id === Number(req.params[0]));
  if (!comment) return notFound();
  return ok(commentJson(gh.shapes(), comment, target(gh, comment.issue_number)?.kind === 'pull'));
};

const updateComment: Handler = (req, gh) => {
  const comment = gh.state.comments.find((c) => c.id === Number(req.params[0]));
  if (!comment) return notFound();
  const f = fields(req.body);
  if (typeof f.body !== 'string' || f.body.length === 0)
    return invalid('IssueComment', [{ code: 'missing_field', field: 'body' }]);
  if (tooLong(f.body)) return bodyTooLong('IssueComment');
  comment.body = f.body;
  comment.updated_at = gh.now();
  return ok(commentJson(gh.shapes(), comment, target(gh, comment.issue_number)?.kind === 'pull'));
};

const createReaction: Handler = (req, gh) => {
  const comment = gh.state.comments.find((c) => c.id === Number(req.params[0]));
  if (!comment) return notFound();
  const content = fields(req.body).content;
  if (typeof content !== 'string') return invalid('Reaction', [{ code: 'missing_field', field: 'content' }]);
  return ok(
    {
      id: comment.id + 7,
      node_id: 'MDA6RW50aXR5MQ==',
      user: { login: gh.actor },
      content,
      created_at: gh.now(),
    },
    201,
  );
};

const addLabels: Handler = (req, gh) => {
  const t = target(gh, Number(req.params[0]));
  if (!t) return notFound();
  const names = labelList(Array.isArray(req.body) ? req.body : fields(req.body).labels);
  if (!names || names.length === 0) return invalid('Label', [{ code: 'missing_field', field: 'labels' }]);
  const item = t.kind === 'issue' ? t.issue : t.pull;
  for (const name of names) {
    const stored = gh.labelFor(name);
    if (!item.labels.some((l) => l.toLowerCase() === stored.toLowerCase())) item.labels.push(stored);
  }
  item.updated_at = gh.now();
  return ok(item.labels.map((l) => labelJson(gh.shapes(), l)));
};

const removeLabel: Handler = (req, gh) => {
  const t = target(gh, Number(req.params[0]));
  if (!t) return notFound();
  const item = t.kind === 'issue' ? t.issue : t.pull;
  const name = req.params[1]!.toLowerCase();
  if (!item.labels.some((l) => l.toLowerCase() === name))
    return { status: 404, body: errorJson('Label does not exist', 404) };
  item.labels = item.labels.filter((l) => l.toLowerCase() !== name);
  item.updated_at = gh.now();
  return ok(item.labels.map((l) => labelJson(gh.shapes(), l)));
};

const getLabel: Handler = (req, gh) => {
  const label = gh.state.labels.find((l) => l.name.toLowerCase() === req.params[0]!.toLowerCase());
  return label ? ok(labelJson(gh.shapes(), label.name)) : notFound();
};

const createLabel: Handler = (req, gh) => {
  const f = fields(req.body);
  if (typeof f.name !== 'string' || f.name.trim().length === 0)
    return invalid('Label', [{ code: 'missing_field', field: 'name' }]);
  const name = f.name;
  if (gh.state.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
    return invalid('Label', [{ code: 'already_exists', field: 'name' }]);
  }
  const color = typeof f.color === 'string' ? f.color.replace(/^#/, '') : 'ededed';
  if (!/^[0-9a-f]{6}$/i.test(color)) return invalid('Label', [{ code: 'invalid', field: 'color' }]);
  gh.state.labels.push({
    id: Math.max(5_000, ...gh.state.labels.map((l) => l.id)) + 1,
    name,
    color,
    description: typeof f.description === 'string' ? f.description : null,
  });
  return ok(labelJson(gh.shapes(), name), 201);
};

/** `owner:branch` or `branch` → the branch, when `owner` is this repository's owner. */
function branchOf(gh: FakeGitHubApi, head: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon < 0) return head;
  return head.slice(0, colon).toLowerCase() === gh.owner.toLowerCase() ? head.slice(colon + 1) : undefined;
}

const listPulls: Handler = (req, gh) => {
  const state = req.query.get('state') ?? 'open';
  const head = req.query.get('head');
  const headBranch = head ? branchOf(gh, head) : undefined;
  const base = req.query.get('base');
  const pulls = gh.state.pulls
    .filter(
      (p) =>
        (state === 'all' || p.state === state) &&
        (!head || (headBranch !== undefined && p.head === headBranch)) &&
        (!base || p.base === base),
    )
    .sort((a, b) =>
      a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.number - a.number,
    );
  if ((req.query.get('direction') ?? 'desc') === 'asc') pulls.reverse();
  return gh.page(req, pulls, (p) => pullJson(gh.shapes(), p));
};

const createPull: Handler = (req, gh) => {
  const f = fields(req.body);
  for (const field of ['title', 'head', 'base'] as const) {
    const value = f[field];
    if (typeof value !== 'string' || value.length === 0) {
      return invalid('PullRequest', [{ code: 'missing_field', field }]);
    }
  }
  const head = branchOf(gh, f.head as string);
  const base = f.base as string;
  if (head === undefined) return invalid('PullRequest', [{ code: 'invalid', field: 'head' }]);
  if (tooLong(f.body)) return bodyTooLong('PullRequest');
  if (f.draft === true && !gh.draftPullRequests) {
    return { status: 422, body: errorJson('Draft pull requests are not supported in this repository.', 422) };
  }
  if (head === base) {
    return invalid('PullRequest', [{ code: 'custom', message: `No commits between ${base} and ${head}` }]);
  }
  if (gh.state.pulls.some((p) => p.state === 'open' && p.head === head && p.base === base)) {
    return invalid('PullRequest', [
      { code: 'custom', message: `A pull request already exists for ${gh.owner}:${head}.` },
    ]);
  }
  const at = gh.now();
  const pull: FakePull = {
    number: gh.nextNumber(),
    title: f.title as string,
    body: typeof f.body === 'string' ? f.body : null,
    state: 'open',
    draft: f.draft === true,
    head,
    base,
    labels: [],
    locked: false,
    user: gh.actor,
    created_at: at,
    updated_at: at,
    closed_at: null,
  };
  gh.state.pulls.push(pull);
  return ok(pullJson(gh.shapes(), pull), 201);
};

const getPull: Handler = (req, gh) => {
  const pull = gh.state.pulls.find((p) => p.number === Number(req.params[0]));
  return pull ? ok(pullJson(gh.shapes(), pull)) : notFound();
};

const updatePull: Handler = (req, gh) => {
  const pull = gh.state.pulls.find((p) => p.number === Number(req.params[0]));
  if (!pull) return notFound();
  const f = fields(req.body);
  if (tooLong(f.body)) return bodyTooLong('PullRequest');
  if (typeof f.title === 'string') pull.title = f.title;
  if (typeof f.body === 'string') pull.body = f.body;
  if (typeof f.base === 'string') pull.base = f.base;
  const at = gh.now();
  if (f.state === 'closed' && pull.state === 'open') {
    pull.state = 'closed';
    pull.closed_at = at;
  } else if (f.state === 'open' && pull.state === 'closed') {
    pull.state = 'open';
    pull.closed_at = null;
  }
  pull.updated_at = at;
  return ok(pullJson(gh.shapes(), pull));
};

// ---------------------------------------------------------------------------------------------------------
// Git refs (the git data API): keel's claims are refs created there. Only the refs created through this
// API live here (keel's branches are pushed to the test's bare origin with git). What GitHub answers is in
// /work/notes/upstream-github.md §5 and §7 (@octokit/fixtures `git-refs`): 201 with the ref on create, 422
// "Reference already exists" when it exists (the compare-and-set keel relies on), 404 on a missing ref, 204
// on delete and 422 "Reference does not exist" when deleting a missing one.

type RouteMaker = (method: string, path: string, handle: Handler) => FakeRoute;

function gitRefRoutes(route: RouteMaker): FakeRoute[] {
  return [
    route('POST', '/git/refs', createRef),
    route('GET', '/git/ref/(.+)', getRef),
    route('GET', '/git/matching-refs/(.*)', listMatchingRefs),
    route('PATCH', '/git/refs/(.+)', updateRef),
    route('DELETE', '/git/refs/(.+)', deleteRef),
  ];
}

const SHA = /^[0-9a-f]{40}$/;

function refJson(gh: FakeGitHubApi, ref: string, sha: string): Record<string, unknown> {
  const { api, owner, repo } = gh.shapes();
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
    url: `${api}/repos/${owner}/${repo}/git/${ref}`,
    object: { sha, type: 'commit', url: `${api}/repos/${owner}/${repo}/git/commits/${sha}` },
  };
}

const createRef: Handler = (req, gh) => {
  const { ref, sha } = fields(req.body);
  if (typeof ref !== 'string' || !/^refs\/[^/]+\/.+/.test(ref) || ref.includes('..'))
    return { status: 422, body: errorJson('Reference name invalid', 422) };
  if (typeof sha !== 'string' || !SHA.test(sha))
    return { status: 422, body: errorJson('Object does not exist', 422) };
  if (gh.state.refs.has(ref)) return { status: 422, body: errorJson('Reference already exists', 422) };
  gh.state.refs.set(ref, sha);
  return ok(refJson(gh, ref, sha), 201);
};

const getRef: Handler = (req, gh) => {
  const ref = `refs/${req.params[0]}`;
  const sha = gh.state.refs.get(ref);
  return sha === undefined ? notFound() : ok(refJson(gh, ref, sha));
};

const listMatchingRefs: Handler = (req, gh) => {
  const prefix = `refs/${req.params[0]}`;
  const refs = [...gh.state.refs]
    .filter(([ref]) => ref.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b));
  return gh.page(req, refs, ([ref, sha]) => refJson(gh, ref, sha));
};

const updateRef: Handler = (req, gh) => {
  const ref = `refs/${req.params[0]}`;
  const { sha } = fields(req.body);
  if (!gh.state.refs.has(ref)) return { status: 422, body: errorJson('Reference does not exist', 422) };
  if (typeof sha !== 'string' || !SHA.test(sha))
    return { status: 422, body: errorJson('Object does not exist', 422) };
  gh.state.refs.set(ref, sha);
  return ok(refJson(gh, ref, sha));
};

const deleteRef: Handler = (req, gh) => {
  const ref = `refs/${req.params[0]}`;
  if (!gh.state.refs.delete(ref)) return { status: 422, body: errorJson('Reference does not exist', 422) };
  return { status: 204 };
};
