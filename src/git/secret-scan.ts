/**
 * The last look at commits before they leave the runner (issue 12 §2). Redaction cleans what keel writes
 * itself, but a model's file is code: keel cannot rewrite it, and a commit message it wrote goes in as
 * written. So before a branch is pushed, every commit of the range is read — each commit's added lines
 * (commit by commit: a secret added and removed again is still in the history that would be pushed) and its
 * message — for keel's secret values and for anything shaped like a credential (`base/secrets.ts`, the one
 * policy). A hit names the file and line, or the commit, and what kind of secret it is; never the value.
 *
 * git writes the log to a private file (`--output`), read here as it is: the command runner redacts what it
 * captures — with this very policy — so a scan of captured output would see `[REDACTED]` and nothing else.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSecret, findTokenShape } from '../base/secrets.ts';
import type { Git } from './git-runner.ts';

export interface SecretHit {
  commit: string;
  /** The file, or undefined for the commit message. */
  path?: string;
  /** 1-based, in the file as that commit left it. */
  line?: number;
  /** `secret #n` (the n-th configured value) or the token shape's kind. Never the value. */
  kind: string;
}

/** A push carried what `scanCommits` refuses: the branch was not pushed. */
export class SecretInPushError extends Error {
  readonly hits: readonly SecretHit[];
  constructor(what: string, hits: readonly SecretHit[]) {
    super(`${what} not pushed: ${describeHits(hits)}`);
    this.name = 'SecretInPushError';
    this.hits = hits;
  }
}

const MAX_SCAN_BYTES = 256 << 20;
const MAX_HITS = 20;

/** What in `base..head` (commits of `head` not in `base`) carries a secret or a credential's shape. */
export async function scanCommits(
  git: Git,
  cwd: string,
  range: { base: string; head: string },
  secrets: readonly string[],
): Promise<SecretHit[]> {
  const revs = `${range.base}..${range.head}`;
  const hits: SecretHit[] = [];
  const kindOf = (text: string): string | undefined => {
    const index = findSecret(text, secrets);
    return index !== undefined ? `secret #${index}` : findTokenShape(text);
  };
  const dir = await mkdtemp(join(tmpdir(), 'keel-scan-'));
  try {
    const raw = async (name: string, args: string[]): Promise<string | undefined> => {
      const file = join(dir, name);
      await git.run([...args, `--output=${file}`, revs, '--'], { cwd });
      return (await stat(file)).size > MAX_SCAN_BYTES ? undefined : await readFile(file, 'utf8');
    };
    // Messages: one record per commit, NUL-separated (-z), `sha LF message`.
    const messages = await raw('messages', ['log', '-z', '--format=%H%n%B']);
    // Patches, commit by commit (a secret added and removed again is still in the pushed history): each
    // commit starts with a line `\x01<sha>`, which no patch line can be (they start with a space, +, -, @,
    // a backslash or a word).
    const patches = await raw('patches', [
      ...['-c', 'core.quotePath=false', 'log', '--no-color', '--no-ext-diff', '--no-textconv', '--text'],
      ...['--no-renames', '-U0', '--format=%x01%H', '--patch'],
    ]);
    if (messages === undefined || patches === undefined)
      return [{ commit: range.head, kind: `more than ${MAX_SCAN_BYTES >> 20} MiB of changes to scan` }];
    for (const record of messages.split('\0')) {
      const newline = record.indexOf('\n');
      if (newline < 0) continue;
      const kind = kindOf(record.slice(newline + 1));
      if (kind !== undefined) hits.push({ commit: record.slice(0, newline), kind });
    }
    for (const added of addedLines(patches)) {
      if (hits.length >= MAX_HITS) break;
      const kind = kindOf(added.text);
      if (kind !== undefined) hits.push({ commit: added.commit, path: added.path, line: added.line, kind });
    }
    // A key split over lines (a PEM block is several) is caught by its first line's shape.
    return hits;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The `+` lines of `-U0` patches, with their commit, the file they go to and their line number there. */
function* addedLines(
  patches: string,
): Generator<{ commit: string; path: string; line: number; text: string }> {
  let commit = '';
  let path = '';
  let line = 0;
  for (const raw of patches.split('\n')) {
    if (raw.startsWith('\x01')) {
      commit = raw.slice(1).trim();
      path = '';
      continue;
    }
    if (raw.startsWith('+++ ')) {
      const target = raw.slice(4);
      path = target === '/dev/null' ? '' : target.replace(/^"?b\//, '').replace(/"$/, '');
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (raw.startsWith('+') && path !== '') {
      yield { commit, path, line, text: raw.slice(1) };
      line++;
    }
  }
}

/** `src/a.js line 3 (a GitHub token), the message of 1a2b3c4d (secret #2)`: places and kinds, no values. */
export function describeHits(hits: readonly SecretHit[]): string {
  return hits
    .map((h) =>
      h.path !== undefined
        ? `${h.path} line ${h.line} of ${h.commit.slice(0, 8)} (${h.kind})`
        : `the message of ${h.commit.slice(0, 8)} (${h.kind})`,
    )
    .join(', ');
}
