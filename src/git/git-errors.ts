/**
 * What a failed git command means, read from its exit and its stderr (git runs with `LC_ALL=C`, so the
 * messages are the English ones matched here). The point is deciding what may be retried: a lock held by
 * another git or a network blip may pass; a merge conflict or a rejected push never does by retrying.
 */
import type { CommandErrorRecord, CommandResult } from '../exec/types.ts';

export type GitFailureKind =
  | 'lock' // another git holds (or a crashed one left) a `.lock` file
  | 'network' // transient transport failure on a command that talks to a remote
  | 'timeout'
  | 'conflict' // merge/rebase conflict: needs a decision, not a retry
  | 'rejected' // push rejected (non-fast-forward, fetch first)
  | 'remote-rejected' // the remote refused the update (protected branch, hook)
  | 'auth' // credentials missing or refused
  | 'aborted'
  | 'spawn' // git could not be started
  | 'signal' // git died by a signal nobody here sent
  | 'exit'; // any other non-zero exit

const NETWORK_COMMANDS = new Set(['fetch', 'push', 'pull', 'ls-remote', 'clone']);

/** `-c k=v`, `-C dir`, `--git-dir=…`: skipped to find the subcommand. */
export function subcommandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-c' || arg === '-C') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

// Order matters: the non-retryable kinds are recognised first, so a conflict that also mentions a network
// word is still a conflict.
const AUTH =
  /terminal prompts disabled|Authentication failed|could not read (Username|Password)|Permission denied \(publickey|HTTP (Basic: )?Access denied|returned error: 40[13]\b|Invalid username or password/i;
const CONFLICT =
  /^CONFLICT \(|Merge conflict in |could not apply [0-9a-f]+|Automatic merge failed|needs merge/m;
const REJECTED = /\[rejected\][^\n]*\((non-fast-forward|fetch first)\)|Updates were rejected because/;
const REMOTE_REJECTED = /\[remote rejected\]|protected branch|pre-receive hook declined/;
// The last: another process's `git worktree add` is half done (its admin dir exists, its commondir not
// yet) — like a lock, it passes when that command finishes.
const LOCK =
  /Unable to create '[^'\n]+\.lock': File exists|could not lock config file [^\n]*: File exists|cannot lock ref '[^'\n]+': Unable to create|failed to read [^\n]*\/worktrees\/[^/\n]+\/commondir/;
const NETWORK =
  /Could not resolve host|Temporary failure in name resolution|Connection (timed out|refused|reset)|Failed to connect|Operation timed out|The remote end hung up unexpectedly|early EOF|RPC failed|unexpected disconnect|SSL_ERROR|gnutls_handshake\(\) failed|OpenSSL SSL_(read|connect)|returned error: (408|429|5\d\d)\b|HTTP\/2 stream \d+ was not closed cleanly|Could not read from remote repository/i;

export function classifyGitFailure(args: readonly string[], result: CommandResult): GitFailureKind {
  if (result.error !== undefined) return result.aborted ? 'aborted' : 'spawn';
  if (result.aborted) return 'aborted';
  if (result.timedOut) return 'timeout';
  const stderr = result.stderr.text;
  const output = `${stderr}\n${result.stdout.text}`;
  if (REJECTED.test(output)) return 'rejected';
  if (REMOTE_REJECTED.test(output)) return 'remote-rejected';
  if (CONFLICT.test(output)) return 'conflict';
  if (AUTH.test(stderr)) return 'auth';
  if (LOCK.test(stderr)) return 'lock';
  if (NETWORK_COMMANDS.has(subcommandOf(args) ?? '') && NETWORK.test(stderr)) return 'network';
  if (result.exitCode === null && result.signal !== null) return 'signal';
  return 'exit';
}

/** Locks pass when their holder finishes; the network and timeouts only for commands that use the network. */
export function isRetryable(kind: GitFailureKind, args: readonly string[]): boolean {
  if (kind === 'lock' || kind === 'network') return true;
  return kind === 'timeout' && NETWORK_COMMANDS.has(subcommandOf(args) ?? '');
}

/** Lock files a git error names (`Unable to create '/repo/.git/index.lock': File exists`). */
export function lockPathsInMessage(text: string): string[] {
  const paths = new Set<string>();
  for (const match of text.matchAll(/Unable to create '([^'\n]+\.lock)': File exists/g)) paths.add(match[1]!);
  for (const match of text.matchAll(/could not lock config file ([^\n:]+): File exists/g)) {
    paths.add(`${match[1]!}.lock`);
  }
  return [...paths];
}

/** A git command that failed (and was not allowed to): the kind, and the redacted, bounded record. */
export class GitError extends Error {
  readonly kind: GitFailureKind;
  readonly record: CommandErrorRecord;
  readonly result: CommandResult;
  readonly attempts: number;

  constructor(kind: GitFailureKind, record: CommandErrorRecord, result: CommandResult, attempts: number) {
    super(`${record.command} failed (${describe(kind, record)})${lastLine(record.stderr)}`);
    this.name = 'GitError';
    this.kind = kind;
    this.record = record;
    this.result = result;
    this.attempts = attempts;
  }
}

function describe(kind: GitFailureKind, record: CommandErrorRecord): string {
  if (kind === 'spawn') return record.error ?? 'could not start';
  if (kind === 'timeout') return `timed out after ${record.durationMs} ms`;
  if (kind === 'aborted') return 'aborted';
  if (record.signal !== null) return `${kind}, signal ${record.signal}`;
  return `${kind}, exit ${record.exitCode}`;
}

function lastLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  const fatal = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? '';
  return fatal === '' ? '' : `: ${fatal.slice(0, 300)}`;
}
