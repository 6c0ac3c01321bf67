/**
 * git through the command runner: a timeout on every command, bounded retries with exponential backoff for
 * what can pass by itself (a lock, a network blip), stale-lock recovery before a retry, and an environment
 * that can never wait for a human.
 *
 * Decisions:
 * - Hooks never run (`-c core.hooksPath=/dev/null` on every command). keel's commits are made from model
 *   output in keel's own worktree; a hook is arbitrary code, and with `core.hooksPath` pointing at a tracked
 *   directory (husky and the like) the model's own edits could change what runs. The owner's checks run as
 *   the configured validation commands instead, through the same bounded runner.
 * - Non-interactive: `GIT_TERMINAL_PROMPT=0`, an empty `GIT_ASKPASS` (git then skips `core.askPass` and
 *   `SSH_ASKPASS` too), `GIT_EDITOR=true`, no pager. The runner starts git in a new session, so ssh has no
 *   terminal to prompt on either. Credential helpers and `http.extraheader` (actions/checkout) still work.
 * - `LC_ALL=C` so the messages matched in `git-errors.ts` are the English ones.
 * - `GIT_OPTIONAL_LOCKS=0` on every command: it only stops read commands (`status`) from taking the index
 *   lock to refresh it; writes take their locks regardless.
 * - The repository is chosen by `cwd` alone: GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and friends inherited
 *   from keel's own environment (keel started from a hook, say) are removed.
 * - `options.env` goes last, so a caller can still supply e.g. an askpass helper for a token.
 * - `remoteAuth` (the Action's `github-token`) goes to `push`, `fetch` and `ls-remote` only, as environment
 *   configuration replacing checkout's header (`remote-auth.ts`): never in argv, never in a file, and never
 *   to a command that does not talk to the remote (a validation copy's clone included).
 * - `allowFailure` returns a non-zero exit (after the retries a retryable one gets). A timeout, an abort, a
 *   spawn failure or death by signal always throws: "it failed" must not be mistaken for "the answer is no".
 */
import { realpath } from 'node:fs/promises';
import { systemClock, type Clock } from '../base/clock.ts';
import { commandErrorRecord } from '../exec/error-record.ts';
import type { CommandResult, CommandRunner, CommandSpec } from '../exec/types.ts';
import { classifyGitFailure, GitError, isRetryable, type GitFailureKind } from './git-errors.ts';
import type { GitEvent } from './git-events.ts';
import { procScanner, type ProcessScan } from './proc-scan.ts';
import { gitSubcommand, REMOTE_COMMANDS, remoteAuthEnv, type RemoteAuth } from './remote-auth.ts';
import { recoverStaleLocks, type RepositoryDirs } from './stale-locks.ts';

export type { GitEvent, LockKeptReason } from './git-events.ts';
export { GitError, type GitFailureKind } from './git-errors.ts';
export type { GitProcess, ProcessScan } from './proc-scan.ts';
export { remoteAuth, remoteAuthSecrets, type RemoteAuth } from './remote-auth.ts';

export interface GitOptions {
  runner: CommandRunner;
  clock?: Clock;
  /** Per command, each attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable failures only. */
  retries?: number;
  /** First backoff; doubles per retry (200, 400, 800 ms by default: 1.4 s in all). */
  backoffMs?: number;
  /** A lock older than this may be removed (when no live git process works in the repository). */
  staleLockMs?: number;
  log?: (event: GitEvent) => void;
  env?: Record<string, string | undefined>;
  /** Values to redact from error records (the runner redacts captured output with its own list). */
  secrets?: () => string[];
  /** Lists live git processes; `/proc` by default. Injectable so tests can pretend one is alive. */
  processScan?: ProcessScan;
  /** The credential pushes and fetches send (`remote-auth.ts`); without it, whatever git is configured with. */
  remoteAuth?: RemoteAuth;
  /** Where `GIT_CONFIG_COUNT` is inherited from (`process.env`); tests pass their own. */
  inheritedEnv?: Readonly<Record<string, string | undefined>>;
}

export interface GitRunOptions {
  cwd: string;
  allowFailure?: boolean;
  timeoutMs?: number;
  input?: string;
  signal?: AbortSignal;
  /** For commands whose whole output is parsed (file lists, logs): a larger bound than the runner's. */
  maxOutputBytes?: number;
}

export interface Git {
  /** Throws `GitError` (carrying the redacted `commandErrorRecord`) when exit ≠ 0 and not `allowFailure`. */
  run(args: string[], opts: GitRunOptions): Promise<CommandResult>;
}

export const GIT_DEFAULTS = {
  timeoutMs: 60_000,
  retries: 3,
  backoffMs: 200,
  staleLockMs: 5 * 60_000, // a git command holds its lock for seconds; five minutes is abandoned
} as const;

const FIXED_ARGS = ['-c', 'core.hooksPath=/dev/null'];

const FIXED_ENV: Record<string, string | undefined> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: '',
  GIT_EDITOR: 'true',
  GIT_SEQUENCE_EDITOR: 'true',
  GIT_MERGE_AUTOEDIT: 'no',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  LC_ALL: 'C',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_DIR: undefined,
  GIT_WORK_TREE: undefined,
  GIT_INDEX_FILE: undefined,
  GIT_COMMON_DIR: undefined,
  GIT_OBJECT_DIRECTORY: undefined,
  GIT_ALTERNATE_OBJECT_DIRECTORIES: undefined,
  GIT_NAMESPACE: undefined,
  GIT_PREFIX: undefined,
};

export function createGit(options: GitOptions): Git {
  const config = {
    runner: options.runner,
    clock: options.clock ?? systemClock,
    timeoutMs: options.timeoutMs ?? GIT_DEFAULTS.timeoutMs,
    retries: Math.max(0, options.retries ?? GIT_DEFAULTS.retries),
    backoffMs: options.backoffMs ?? GIT_DEFAULTS.backoffMs,
    staleLockMs: options.staleLockMs ?? GIT_DEFAULTS.staleLockMs,
    log: options.log ?? (() => undefined),
    env: { ...FIXED_ENV, ...options.env },
    secrets: options.secrets ?? (() => []),
    scan: options.processScan ?? procScanner(),
  };
  const inherited = options.inheritedEnv ?? process.env;
  const authEnv = options.remoteAuth
    ? {
        ...config.env,
        ...remoteAuthEnv(options.remoteAuth, config.env.GIT_CONFIG_COUNT ?? inherited.GIT_CONFIG_COUNT),
      }
    : config.env;

  function spec(args: string[], opts: GitRunOptions): CommandSpec {
    const s: CommandSpec = {
      command: 'git',
      args: [...FIXED_ARGS, ...args],
      cwd: opts.cwd,
      env: REMOTE_COMMANDS.has(gitSubcommand(args) ?? '') ? authEnv : config.env,
      timeoutMs: opts.timeoutMs ?? config.timeoutMs,
    };
    if (opts.input !== undefined) s.input = opts.input;
    if (opts.maxOutputBytes !== undefined) s.maxStreamBytes = opts.maxOutputBytes;
    return s;
  }

  async function run(args: string[], opts: GitRunOptions): Promise<CommandResult> {
    const command = spec(args, opts);
    for (let attempt = 1; ; attempt++) {
      const result = await config.runner.run(command, opts.signal ? { signal: opts.signal } : undefined);
      if (result.exitCode === 0) return result;
      const kind = classifyGitFailure(args, result);
      if (!isRetryable(kind, args) || attempt > config.retries) {
        // Retryable failures were retried first; what is left is an answer the caller may have asked for.
        if (opts.allowFailure === true && result.exitCode !== null) return result;
        throw fail(command, result, kind, attempt);
      }
      if (kind === 'lock') await recover(opts.cwd, result.stderr.text);
      const delayMs = config.backoffMs * 2 ** (attempt - 1);
      const record = commandErrorRecord(command, result, config.secrets());
      config.log({ type: 'retry', command: record.command, cwd: opts.cwd, attempt, delayMs, kind });
      await config.clock.sleep(delayMs, opts.signal);
    }
  }

  function fail(
    command: CommandSpec,
    result: CommandResult,
    kind: GitFailureKind,
    attempts: number,
  ): GitError {
    const record = commandErrorRecord(command, result, config.secrets());
    config.log({ type: 'failed', kind, attempts, record });
    return new GitError(kind, record, result, attempts);
  }

  async function recover(cwd: string, message: string): Promise<void> {
    await recoverStaleLocks({
      cwd,
      message,
      now: config.clock.now(),
      staleLockMs: config.staleLockMs,
      scan: config.scan,
      log: config.log,
      repository: () => repositoryDirs(config.runner, cwd, config.env),
    });
  }

  return { run };
}

/**
 * The repository's directories, asked of git directly (not through `run`: no retries, no recursion). Neither
 * command takes a lock. Undefined when git cannot say: the caller then keeps every lock.
 */
async function repositoryDirs(
  runner: CommandRunner,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<RepositoryDirs | undefined> {
  const ask = (args: string[]): Promise<CommandResult> =>
    runner.run({
      command: 'git',
      args: [...FIXED_ARGS, ...args],
      cwd,
      env,
      timeoutMs: 10_000,
      maxStreamBytes: 1 << 20,
    });
  const common = await ask(['rev-parse', '--path-format=absolute', '--git-common-dir']);
  const list = await ask(['worktree', 'list', '--porcelain']);
  if (common.exitCode !== 0 || list.exitCode !== 0 || list.stdout.truncated) return undefined;
  const commonDir = await realpath(common.stdout.text.trim());
  const worktrees = list.stdout.text
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => line.slice('worktree '.length));
  // The worktrees' own git dirs (`<common>/worktrees/<name>`) are inside the common dir already.
  const roots = [commonDir, ...worktrees];
  const real = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  return { commonDir, roots: [...new Set([...roots, ...real])] };
}
