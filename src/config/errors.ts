/**
 * The one error type configuration loading raises, and the path rendering its issues share.
 *
 * Every problem found in a file is collected and reported at once, each with the path of the bad field, so
 * that a user fixes the whole file in one round instead of one error per run.
 */
import { redact } from '../base/secrets.ts';

export type PathSegment = string | number;

export interface ConfigIssue {
  /** Where the problem is, e.g. `endpoints[1].timeouts.idleMs` or `roles.coder[0][1]`; '' for the whole file. */
  path: string;
  message: string;
  /** 1-based position in the file, for syntax errors. */
  line?: number;
  column?: number;
}

/** An issue before its path is rendered; the checks work on raw segments. */
export interface RawIssue {
  path: PathSegment[];
  message: string;
}

/** More than this many lines in a message helps nobody; `issues` still holds all of them. */
const MAX_LINES_IN_MESSAGE = 50;
const MAX_KEY_LENGTH_IN_PATH = 40;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Tells the CLI to print the message without a stack: the user's file is wrong, not keel. */
  readonly expected = true;
  readonly source: string;
  readonly issues: ConfigIssue[];

  constructor(source: string, issues: ConfigIssue[]) {
    // Scrub once more on the way out: whatever slipped into a message (a parser echoing its input, a path
    // built from a key) must not carry an API key into logs.
    const safe = issues.map((issue) => ({
      ...issue,
      path: redact(issue.path, []),
      message: redact(issue.message, []),
    }));
    super(formatIssues(source, safe));
    this.source = source;
    this.issues = safe;
  }
}

export function formatIssues(source: string, issues: readonly ConfigIssue[]): string {
  const lines = issues.slice(0, MAX_LINES_IN_MESSAGE).map((issue) => {
    const where = issue.line === undefined ? source : `${source}:${issue.line}:${issue.column ?? 1}`;
    return issue.path === '' ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
  });
  const hidden = issues.length - MAX_LINES_IN_MESSAGE;
  if (hidden > 0) lines.push(`${source}: … and ${hidden} more problem${hidden === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** `['endpoints', 1, 'timeouts', 'idleMs']` → `endpoints[1].timeouts.idleMs`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment) && segment.length <= MAX_KEY_LENGTH_IN_PATH) {
      out += out === '' ? segment : `.${segment}`;
    } else {
      const shown =
        segment.length > MAX_KEY_LENGTH_IN_PATH ? `${segment.slice(0, MAX_KEY_LENGTH_IN_PATH)}…` : segment;
      out += `[${JSON.stringify(shown)}]`;
    }
  }
  return out;
}

export function toConfigIssue(raw: RawIssue): ConfigIssue {
  return { path: formatPath(raw.path), message: raw.message };
}

export function configError(source: string, raw: readonly RawIssue[]): ConfigError {
  return new ConfigError(source, raw.map(toConfigIssue));
}
