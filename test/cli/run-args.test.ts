/** `keel run`'s arguments with `RESUME=true` in the environment (seed 002: `export RESUME=true`). */
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from '../../src/cli/run-args.ts';

describe('keel run with RESUME=true', () => {
  const env = { RESUME: 'true' };

  it('without a task resumes the latest unfinished run, or the --run-id one', () => {
    expect(parseRunArgs([], env)).toMatchObject({ resume: true });
    expect(parseRunArgs(['--run-id', 'r-1'], env)).toMatchObject({ resume: true, runId: 'r-1' });
  });

  it('with a task: resume first when there is something to resume, else the task', () => {
    expect(parseRunArgs(['--task', 'x'], env)).toMatchObject({ task: 'x', resumeFirst: true });
    expect(parseRunArgs(['--task', 'x'], env).resume).toBeUndefined();
  });

  it('is nothing when unset or false, and --task or --resume stay required', () => {
    expect(parseRunArgs(['--task', 'x'], { RESUME: 'false' })).not.toHaveProperty('resumeFirst');
    expect(() => parseRunArgs([], {})).toThrow(/--task or --resume is required/);
    expect(() => parseRunArgs([], { RESUME: 'no' })).toThrow(/--task or --resume is required/);
  });
});
