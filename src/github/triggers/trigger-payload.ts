/**
 * The fields of an `issue_comment` payload that triggers read, checked one by one. The payload is whatever
 * the runner's event file holds (untrusted, and hand-written in some workflows): a missing or mistyped field
 * is a `problem` naming it, never a throw.
 */

export interface CommentEvent {
  /** `created`, `edited`, `deleted`. */
  action: string;
  body: string;
  login: string;
  /** `User`, `Bot`, `Organization`; absent in some hand-made payloads. */
  userType?: string;
  /** `OWNER`, `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `NONE` …; absent means unknown. */
  association?: string;
  issue: { number: number; title: string; body: string; isPullRequest: boolean };
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

type Json = Record<string, unknown>;

// Letters, digits and hyphens on github.com; underscores for managed users (`octocat_acme`) and GHES; apps
// end in `[bot]`. The login goes into an API path and into logs, so nothing else passes.
const LOGIN = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}(?:\[bot\])?$/;

export function readCommentAction(payload: Json): Read<string> {
  return readString(payload, 'action', 'payload.action');
}

export function readCommentBody(payload: Json): Read<string> {
  const comment = readObject(payload, 'comment', 'payload.comment');
  if (!comment.ok) return comment;
  return readString(comment.value, 'body', 'payload.comment.body', { allowEmpty: true });
}

/** Everything else a command needs: who wrote it, and on which issue. */
export function readCommentEvent(payload: Json): Read<CommentEvent> {
  const action = readCommentAction(payload);
  if (!action.ok) return action;
  const body = readCommentBody(payload);
  if (!body.ok) return body;
  const comment = payload.comment as Json;
  const user = readObject(comment, 'user', 'payload.comment.user');
  if (!user.ok) return user;
  const login = readString(user.value, 'login', 'payload.comment.user.login');
  if (!login.ok) return login;
  if (!LOGIN.test(login.value)) {
    return { ok: false, problem: 'payload.comment.user.login is not a GitHub login' };
  }
  const userType = readOptionalString(user.value, 'type', 'payload.comment.user.type');
  if (!userType.ok) return userType;
  const association = readOptionalString(comment, 'author_association', 'payload.comment.author_association');
  if (!association.ok) return association;

  const issue = readObject(payload, 'issue', 'payload.issue');
  if (!issue.ok) return issue;
  const number = issue.value.number;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    return { ok: false, problem: `payload.issue.number must be a positive integer, got ${describe(number)}` };
  }
  const title = readString(issue.value, 'title', 'payload.issue.title', { allowEmpty: true });
  if (!title.ok) return title;
  // GitHub sends `null` for an issue without a description.
  const issueBody = issue.value.body;
  if (issueBody !== undefined && issueBody !== null && typeof issueBody !== 'string') {
    return { ok: false, problem: `payload.issue.body must be a string or null, got ${describe(issueBody)}` };
  }
  const pullRequest = issue.value.pull_request;
  return {
    ok: true,
    value: {
      action: action.value,
      body: body.value,
      login: login.value,
      ...(userType.value !== undefined ? { userType: userType.value } : {}),
      ...(association.value !== undefined ? { association: association.value } : {}),
      issue: {
        number,
        title: title.value,
        body: issueBody ?? '',
        isPullRequest: pullRequest !== undefined && pullRequest !== null,
      },
    },
  };
}

/** Who sent an event (`payload.sender`), in the shape `authorise` reads; the repository owner counts as OWNER. */
export function readSender(payload: Json): Read<Pick<CommentEvent, 'login' | 'userType' | 'association'>> {
  const sender = readObject(payload, 'sender', 'payload.sender');
  if (!sender.ok) return sender;
  const login = readString(sender.value, 'login', 'payload.sender.login');
  if (!login.ok) return login;
  if (!LOGIN.test(login.value)) return { ok: false, problem: 'payload.sender.login is not a GitHub login' };
  const userType = readOptionalString(sender.value, 'type', 'payload.sender.type');
  if (!userType.ok) return userType;
  const repository = payload.repository as Json | undefined;
  const owner = (repository?.owner as Json | undefined)?.login;
  return {
    ok: true,
    value: {
      login: login.value,
      ...(userType.value !== undefined ? { userType: userType.value } : {}),
      ...(typeof owner === 'string' && owner.toLowerCase() === login.value.toLowerCase()
        ? { association: 'OWNER' }
        : {}),
    },
  };
}

/** `parent[key]` when it is an object, else undefined: for fields that may be absent. */
export function objectField(parent: Json | undefined, key: string): Json | undefined {
  const read = parent === undefined ? undefined : readObject(parent, key, key);
  return read?.ok ? read.value : undefined;
}

function readObject(parent: Json, key: string, where: string): Read<Json> {
  const value = parent[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: `${where} must be an object, got ${describe(value)}` };
  }
  return { ok: true, value: value as Json };
}

function readString(
  parent: Json,
  key: string,
  where: string,
  options: { allowEmpty?: boolean } = {},
): Read<string> {
  const value = parent[key];
  if (typeof value !== 'string')
    return { ok: false, problem: `${where} must be a string, got ${describe(value)}` };
  if (value === '' && !options.allowEmpty) return { ok: false, problem: `${where} is empty` };
  return { ok: true, value };
}

function readOptionalString(parent: Json, key: string, where: string): Read<string | undefined> {
  const value = parent[key];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'string')
    return { ok: false, problem: `${where} must be a string, got ${describe(value)}` };
  return { ok: true, value };
}

/** A bad value's type, or the value when it cannot be long: it is untrusted and may be huge. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
