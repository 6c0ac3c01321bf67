/**
 * What went wrong talking to GitHub, said so a human can act on it. The engine turns a publish error
 * into an interruption whose reason is `error: <message>` cut at 200 characters, so the message leads
 * with what failed and why, and GitHub's own words follow.
 */

/** The parts of an Octokit `RequestError` keel reads; duck-typed so any client's errors work. */
interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { data?: unknown };
}

interface GitHubErrorBody {
  message?: unknown;
  errors?: unknown;
}

export class GitHubEffectsError extends Error {
  override name = 'GitHubEffectsError';
  /** The HTTP status GitHub answered with; undefined when the request never got an answer. */
  readonly status: number | undefined;
  /** What keel was doing: `create issue`, `comment on #12` … */
  readonly operation: string;

  constructor(operation: string, message: string, status: number | undefined, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.operation = operation;
    this.status = status;
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as RequestErrorLike | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's message and its validation errors in one line: `Validation Failed: already_exists (name)`. */
export function githubMessage(error: unknown): string {
  const data = (error as RequestErrorLike | null)?.response?.data as GitHubErrorBody | undefined;
  const parts: string[] = [];
  if (data && typeof data === 'object') {
    if (typeof data.message === 'string') parts.push(data.message);
    if (Array.isArray(data.errors)) {
      const details = data.errors.map(describeValidation).filter((d) => d.length > 0);
      if (details.length > 0) parts.push(details.join('; '));
    }
  }
  if (parts.length === 0) {
    const message = (error as RequestErrorLike | null)?.message;
    parts.push(typeof message === 'string' ? message : String(error));
  }
  return parts.join(': ').replace(/\s+/g, ' ').slice(0, 500);
}

function describeValidation(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (entry === null || typeof entry !== 'object') return '';
  const { message, code, field } = entry as { message?: unknown; code?: unknown; field?: unknown };
  if (typeof message === 'string') return message;
  const text = typeof code === 'string' ? code : '';
  return typeof field === 'string' ? `${text} (${field})` : text;
}

/** A 422 whose validation errors carry this `code` (`already_exists`, `custom` …). */
export function hasValidationCode(error: unknown, code: string): boolean {
  const data = (error as RequestErrorLike | null)?.response?.data as GitHubErrorBody | undefined;
  return (
    statusOf(error) === 422 &&
    Array.isArray(data?.errors) &&
    data.errors.some((e) => e !== null && typeof e === 'object' && (e as { code?: unknown }).code === code)
  );
}

/** GitHub's message (or a validation error's) mentions `pattern`. */
export function saysMatching(error: unknown, pattern: RegExp): boolean {
  return pattern.test(githubMessage(error));
}

/**
 * The error to throw for a failed request. `subject` names what it was about (`tracking issue #12`,
 * `pull request keel/run-1 → main`) so 404s and 403s can say which thing is missing or refused.
 */
export function effectsError(
  operation: string,
  subject: string,
  error: unknown,
  advice?: string,
): GitHubEffectsError {
  if (error instanceof GitHubEffectsError) return error;
  const status = statusOf(error);
  const said = githubMessage(error);
  let message: string;
  switch (status) {
    case undefined:
      message = `GitHub unreachable while trying to ${operation} (${subject}): ${said}`;
      break;
    case 401:
      message = `GitHub rejected the token (401) while trying to ${operation}: check the github-token input`;
      break;
    case 403:
      // The repository (or organisation) setting, not the workflow's permissions: say so first, whole — the
      // engine keeps 200 characters of a publish error (upstream-github notes §5 for the body).
      message = /not permitted to create or approve pull requests/i.test(said)
        ? `GitHub Actions may not open pull requests here (403): enable Settings › Actions › General › "Allow GitHub Actions to create and approve pull requests", or use a PAT as github-token`
        : /rate limit/i.test(said)
          ? `GitHub rate limit hit while trying to ${operation} for ${subject} (403): ${said}`
          : /locked/i.test(said)
            ? `${subject} is locked: GitHub refuses to ${operation} (403). Unlock the conversation or start keel elsewhere`
            : `GitHub refused to ${operation} for ${subject} (403): the workflow needs \`issues: write\` and \`pull-requests: write\` — ${said}`;
      break;
    case 404:
      message = `${subject} not found (404) while trying to ${operation}: deleted, transferred, or not visible to the token`;
      break;
    case 410:
      // Deleted issues, and repositories with issues turned off.
      message = `GitHub answered 410 Gone while trying to ${operation} (${subject}): ${said}`;
      break;
    case 422:
      message = `GitHub rejected the request to ${operation} for ${subject} (422): ${said}${advice ? ` — ${advice}` : ''}`;
      break;
    default:
      message = `GitHub failed to ${operation} for ${subject} (${status}): ${said}`;
  }
  return new GitHubEffectsError(operation, message, status, error);
}
