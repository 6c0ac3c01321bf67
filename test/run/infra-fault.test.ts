/**
 * The classification of issue 15 §2 (`src/run/infra-fault.ts`), class by class: what is the infrastructure's
 * (the run stops, resumable) and what is a model's (the subtask fails, the role degrades).
 */
import { describe, expect, it } from 'vitest';
import type { AgentResult } from '../../src/agents/types.ts';
import { LockTimeoutError } from '../../src/base/file-lock.ts';
import type { CommandResult } from '../../src/exec/types.ts';
import { GitError, type GitFailureKind } from '../../src/git/git-errors.ts';
import { agentInfraFault, editInfraFault, errorInfraFault } from '../../src/run/infra-fault.ts';

function failed(failure: string, invalidAnswers: number): AgentResult<unknown> {
  return {
    ok: false,
    reason: `${failure}: something`,
    failure: failure as never,
    provenance: { model: 'none', attempts: 3, invalidAnswers },
  };
}

function gitError(kind: GitFailureKind, stderr: string): GitError {
  const stream = { text: stderr, totalBytes: stderr.length, truncated: false };
  const result = {
    exitCode: 128,
    signal: null,
    timedOut: false,
    aborted: false,
    stdout: { text: '', totalBytes: 0, truncated: false },
    stderr: stream,
    durationMs: 5,
  } as unknown as CommandResult;
  const record = {
    command: 'git commit',
    exitCode: 128,
    signal: null,
    timedOut: false,
    aborted: false,
    stderr,
    durationMs: 5,
  };
  return new GitError(kind, record, result, 1);
}

describe('agent results', () => {
  it('every endpoint busy for maxWaitMs: saturated', () => {
    expect(agentInfraFault('coder', failed('saturated', 0))).toMatchObject({ kind: 'saturated' });
  });

  it('no endpoint reachable and nothing answered: unavailable', () => {
    const fault = agentInfraFault('planner', failed('exhausted', 0));
    expect(fault).toMatchObject({ kind: 'unavailable' });
    expect(fault?.message).toBe('planner: no endpoint could be reached (exhausted: something)');
  });

  it('answers that were received and unusable are the model’s: no fault', () => {
    expect(agentInfraFault('coder', failed('exhausted', 2))).toBeUndefined();
    expect(agentInfraFault('coder', failed('invalid', 6))).toBeUndefined();
    expect(agentInfraFault('coder', failed('not_retryable', 0))).toBeUndefined();
    expect(agentInfraFault('coder', failed('aborted', 0))).toBeUndefined();
    const ok: AgentResult<unknown> = {
      ok: true,
      value: 1,
      provenance: { model: 'a/m', attempts: 1, invalidAnswers: 0 },
    };
    expect(agentInfraFault('coder', ok)).toBeUndefined();
  });
});

describe('edits the file system refused', () => {
  it.each([
    ['ENOSPC', 'disk'],
    ['EDQUOT', 'disk'],
    ['EACCES', 'permission'],
    ['EPERM', 'permission'],
    ['EROFS', 'permission'],
  ])('%s → %s', (code, kind) => {
    const problems = [
      { reason: `write failed after 1 of 2 files were changed: cannot write the temporary file: ${code}` },
    ];
    expect(editInfraFault('code:x', problems)).toMatchObject({ kind });
  });

  it('a write the file system failed without naming why is a disk fault, never the model’s', () => {
    const fault = editInfraFault('code:x', [{ reason: 'write failed after 0 of 1 files were changed: I/O' }]);
    expect(fault).toMatchObject({ kind: 'disk' });
    expect(fault.message).toMatch(/^code:x: writing its edits: the disk is full or failing \(write failed/);
  });
});

describe('thrown errors', () => {
  it('errno of the disk and of permissions', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(errorInfraFault('checkpoint', enospc)).toMatchObject({ kind: 'disk' });
    const eacces = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(errorInfraFault('checkpoint', eacces)).toMatchObject({ kind: 'permission' });
  });

  it('a lock that stayed held: the state lock, a git lock', () => {
    expect(
      errorInfraFault('checkpoint', new LockTimeoutError('/x/state.lock', { attempts: 5, waitedMs: 1500 })),
    ).toMatchObject({ kind: 'lock' });
    expect(
      errorInfraFault(
        'code:x',
        gitError('lock', "fatal: Unable to create '/r/.git/index.lock': File exists."),
      ),
    ).toMatchObject({ kind: 'lock' });
  });

  it('git saying the disk is full or read-only', () => {
    expect(
      errorInfraFault('code:x', gitError('exit', 'error: unable to write file: No space left on device')),
    ).toMatchObject({ kind: 'disk' });
    expect(errorInfraFault('code:x', gitError('exit', 'fatal: Read-only file system'))).toMatchObject({
      kind: 'permission',
    });
  });

  it('anything else is not the infrastructure’s (a bug stays a bug)', () => {
    expect(errorInfraFault('code:x', new TypeError('x is undefined'))).toBeUndefined();
    expect(
      errorInfraFault('code:x', gitError('conflict', 'CONFLICT (content): Merge conflict in a.js')),
    ).toBeUndefined();
    expect(errorInfraFault('code:x', gitError('auth', 'Permission denied (publickey).'))).toBeUndefined();
  });
});
