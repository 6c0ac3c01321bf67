/**
 * Found by the crash drill: keel SIGKILLed just after it started `git commit`. git runs in its own session,
 * so it outlives keel and makes the commit anyway — with whatever reached it. When the message went over
 * stdin, the pipe closed with keel and git read nothing: the commit's message was only the `Keel-Run` /
 * `Keel-Step` lines, which, being the subject, are no trailers — the resumed run did not recognise its own
 * commit, redid the step over its own output ("the edits changed nothing") and filed a false
 * manual-implementation issue. The commit must carry its trailers whatever becomes of keel.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Git } from '../../src/git/git-runner.ts';
import { commitStep, prepareWorkspace, stepCommits } from '../../src/git/workspace.ts';
import { initRepo, removeTempDirs, sh, tempDir, testGit } from '../git/helpers.ts';

afterAll(removeTempDirs);

/** git as it runs when keel dies while starting `git commit`: nothing written to its stdin arrives. */
function keelDiesAtCommit(git: Git): Git {
  return {
    run: (args, opts) =>
      git.run(args, args.includes('commit') && opts.input !== undefined ? { ...opts, input: '' } : opts),
  };
}

describe('a commit whose author died as it began', () => {
  it('still carries its step trailers, so a resumed run adopts it instead of redoing the step', async () => {
    const repo = initRepo();
    const { git } = testGit();
    const ws = await prepareWorkspace(git, {
      repoRoot: repo,
      runId: 'run-1',
      worktree: join(tempDir(), 'wt'),
    });
    writeFileSync(join(ws.worktree, 'farewell.js'), 'export const bye = () => "bye";\n');
    const made = await commitStep(keelDiesAtCommit(git), ws, {
      runId: 'run-1',
      stepId: 'code:farewell',
      message: 'feat: add a farewell',
    });
    expect(made.created).toBe(true);
    // What the resumed process sees.
    expect((await stepCommits(git, ws, 'run-1')).get('code:farewell')).toBe(made.sha);
    expect(sh(ws.worktree, 'log', '-1', '--format=%s')).toBe('feat: add a farewell');
  });
});
