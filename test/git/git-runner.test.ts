/**
 * The git runner against a scripted command runner: what is retried and how often, the backoff, what
 * `allowFailure` tolerates, and the fixed environment and arguments.
 */
import { describe, expect, it } from 'vitest';
import type { CommandResult, CommandRunner, CommandSpec } from '../../src/exec/types.ts';
import { classifyGitFailure, lockPathsInMessage, subcommandOf } from '../../src/git/git-errors.ts';
import { createGit, GitError, type GitEvent } from '../../src/git/git-runner.ts';
import { fastClock } from './helpers.ts';

function result(exitCode: number | null, stderr = '', extra: Partial<CommandResult> = {}): CommandResult {
  return {
    exitCode,
    signal: null,
    timedOut: false,
    aborted: false,
    stdout: { text: '', totalBytes: 0, truncated: false },
    stderr: { text: stderr, totalBytes: stderr.length, truncated: false },
    durationMs: 5,
    ...extra,
  };
}

function scripted(results: CommandResult[]): CommandRunner & { specs: CommandSpec[] } {
  const specs: CommandSpec[] = [];
  return {
    specs,
    run: async (spec) => {
      specs.push(spec);
      return results.shift() ?? result(0);
    },
  };
}

const LOCK =
  "fatal: Unable to create '/nonexistent/repo/.git/index.lock': File exists.\n\nAnother git process seems to be running";

function setup(results: CommandResult[], retries = 3) {
  const runner = scripted(results);
  const clock = fastClock();
  const events: GitEvent[] = [];
  // The lock path does not exist, so recovery has nothing to judge: only the retry logic is exercised here.
  const git = createGit({
    runner,
    clock,
    retries,
    backoffMs: 100,
    log: (e) => events.push(e),
    processScan: async () => [],
  });
  return { git, runner, clock, events };
}

describe('retries', () => {
  it('retries a lock failure with exponential backoff and succeeds', async () => {
    const { git, runner, clock, events } = setup([result(128, LOCK), result(128, LOCK), result(0)]);
    const out = await git.run(['add', '-A'], { cwd: '/tmp' });
    expect(out.exitCode).toBe(0);
    expect(runner.specs.filter((s) => s.args.includes('add'))).toHaveLength(3);
    expect(clock.sleeps).toEqual([100, 200]);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.kind)).toEqual([
      'lock',
      'lock',
    ]);
  });

  it('gives up after the bounded number of retries with a GitError of kind lock', async () => {
    const { git, runner, clock } = setup(
      Array.from({ length: 10 }, () => result(128, LOCK)),
      2,
    );
    const error = await git.run(['commit', '-m', 'x'], { cwd: '/tmp' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('lock');
    expect((error as GitError).attempts).toBe(3);
    expect(runner.specs.filter((s) => s.args.includes('commit'))).toHaveLength(3);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it('retries transient network failures on fetch/push, not on local commands', async () => {
    const network =
      "fatal: unable to access 'https://example.com/r.git/': Could not resolve host: example.com";
    const fetch = setup([result(128, network), result(0)]);
    expect((await fetch.git.run(['fetch', 'origin'], { cwd: '/tmp' })).exitCode).toBe(0);
    const local = setup([result(128, network)]);
    await expect(local.git.run(['status'], { cwd: '/tmp' })).rejects.toMatchObject({
      kind: 'exit',
      attempts: 1,
    });
  });

  it('retries a timed-out push but not a timed-out commit', async () => {
    const timedOut = result(null, '', { timedOut: true, signal: 'SIGTERM' });
    const push = setup([timedOut, result(0)]);
    expect((await push.git.run(['push', 'origin', 'x'], { cwd: '/tmp' })).exitCode).toBe(0);
    const commit = setup([timedOut]);
    await expect(commit.git.run(['commit'], { cwd: '/tmp' })).rejects.toMatchObject({
      kind: 'timeout',
      attempts: 1,
    });
  });

  it('never retries a merge conflict or a rejected push', async () => {
    const conflict = setup([
      result(1, '', {
        stdout: { text: 'CONFLICT (content): Merge conflict in a.txt\n', totalBytes: 44, truncated: false },
      }),
    ]);
    await expect(conflict.git.run(['merge', 'x'], { cwd: '/tmp' })).rejects.toMatchObject({
      kind: 'conflict',
      attempts: 1,
    });
    const rejected = setup([
      result(
        1,
        ' ! [rejected]        keel/x -> keel/x (fetch first)\nerror: failed to push some refs\nfatal: the remote end hung up unexpectedly',
      ),
    ]);
    await expect(rejected.git.run(['push', 'origin', 'keel/x'], { cwd: '/tmp' })).rejects.toMatchObject({
      kind: 'rejected',
      attempts: 1,
    });
    expect(conflict.clock.sleeps).toEqual([]);
    expect(rejected.clock.sleeps).toEqual([]);
  });

  it('does not retry authentication failures', async () => {
    const auth = setup([
      result(128, "fatal: could not read Username for 'https://github.com': terminal prompts disabled"),
    ]);
    await expect(auth.git.run(['push', 'origin', 'x'], { cwd: '/tmp' })).rejects.toMatchObject({
      kind: 'auth',
    });
  });
});

describe('allowFailure', () => {
  it('returns a non-zero exit instead of throwing', async () => {
    const { git } = setup([result(1)]);
    expect((await git.run(['diff', '--quiet'], { cwd: '/tmp', allowFailure: true })).exitCode).toBe(1);
  });

  it('returns a conflict too, and a lock failure only after its retries', async () => {
    const conflict = setup([result(1, 'CONFLICT (content): Merge conflict in a.txt')]);
    expect((await conflict.git.run(['merge', 'x'], { cwd: '/tmp', allowFailure: true })).exitCode).toBe(1);
    const lock = setup([result(128, LOCK), result(128, LOCK)], 1);
    expect((await lock.git.run(['add', '-A'], { cwd: '/tmp', allowFailure: true })).exitCode).toBe(128);
    expect(lock.runner.specs).toHaveLength(2);
  });

  it('still throws for a timeout, an abort, a spawn failure or a signal', async () => {
    for (const failed of [
      result(null, '', { timedOut: true, signal: 'SIGKILL' }),
      result(null, '', { aborted: true, signal: 'SIGTERM' }),
      result(null, '', { error: 'spawn git ENOENT' }),
      result(null, '', { signal: 'SIGSEGV' }),
    ]) {
      const { git } = setup([failed]);
      await expect(
        git.run(['rev-parse', 'HEAD'], { cwd: '/tmp', allowFailure: true }),
      ).rejects.toBeInstanceOf(GitError);
    }
  });
});

describe('environment and arguments', () => {
  it('disables hooks and prompts, fixes the locale, and chooses the repository by cwd alone', async () => {
    const { git, runner } = setup([result(0)]);
    await git.run(['status'], { cwd: '/some/dir', timeoutMs: 1234, input: 'in' });
    const spec = runner.specs[0]!;
    expect(spec.command).toBe('git');
    expect(spec.args).toEqual(['-c', 'core.hooksPath=/dev/null', 'status']);
    expect(spec).toMatchObject({ cwd: '/some/dir', timeoutMs: 1234, input: 'in' });
    expect(spec.env).toMatchObject({
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      GIT_EDITOR: 'true',
      LC_ALL: 'C',
      GIT_OPTIONAL_LOCKS: '0',
    });
    for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) {
      expect(spec.env).toHaveProperty(key, undefined);
    }
  });

  it('uses the 60 s default timeout and lets the caller add environment', async () => {
    const runner = scripted([result(0)]);
    const git = createGit({ runner, env: { GIT_ASKPASS: '/usr/local/bin/token-helper' } });
    await git.run(['fetch'], { cwd: '/tmp' });
    expect(runner.specs[0]).toMatchObject({
      timeoutMs: 60_000,
      env: { GIT_ASKPASS: '/usr/local/bin/token-helper' },
    });
  });

  it('puts a redacted record on the error', async () => {
    const runner = scripted([result(128, 'fatal: bad thing with sk-abcdefghijkl inside')]);
    const git = createGit({ runner, secrets: () => ['hunter2-secret'] });
    const error = (await git
      .run(['push', 'https://u:hunter2-secret@example.com/r.git'], { cwd: '/tmp' })
      .catch((e: unknown) => e)) as GitError;
    expect(error.record.command).not.toContain('hunter2-secret');
    expect(error.record.stderr).not.toContain('sk-abcdefghijkl');
    expect(error.message).toContain('fatal: bad thing');
  });
});

describe('classification helpers', () => {
  it('finds the subcommand after global options', () => {
    expect(subcommandOf(['-c', 'a=b', '-C', 'dir', '--no-pager', 'push', 'origin'])).toBe('push');
  });

  it('finds the lock paths git names', () => {
    const text = `error: cannot lock ref 'refs/heads/main': Unable to create '/r/.git/refs/heads/main.lock': File exists.\nfatal: Unable to create '/r/.git/index.lock': File exists.`;
    expect(lockPathsInMessage(text)).toEqual(['/r/.git/refs/heads/main.lock', '/r/.git/index.lock']);
    expect(lockPathsInMessage('error: could not lock config file .git/config: File exists')).toEqual([
      '.git/config.lock',
    ]);
  });

  it('tells a ref race (not retryable) from a held ref lock', () => {
    const race = result(1, "error: cannot lock ref 'refs/heads/x': is at abc but expected def");
    expect(classifyGitFailure(['update-ref', 'refs/heads/x', 'y', 'z'], race)).toBe('exit');
    const held = result(
      128,
      "error: cannot lock ref 'HEAD': Unable to create '/r/.git/HEAD.lock': File exists.",
    );
    expect(classifyGitFailure(['commit'], held)).toBe('lock');
  });

  it('waits out another process half-way through `git worktree add`, as it would a lock', () => {
    const racing = result(
      128,
      'fatal: failed to read /r/.git/worktrees/run-2/commondir: No such file or directory',
    );
    expect(classifyGitFailure(['worktree', 'list', '--porcelain'], racing)).toBe('lock');
  });
});
