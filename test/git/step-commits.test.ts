/** One commit per step, found by its trailers: idempotent commits, the step map, duplicates, identity. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitMessage } from '../../src/git/step-commits.ts';
import {
  commitStep,
  duplicateStepCommits,
  prepareWorkspace,
  stepCommits,
  WorkspaceError,
  type WorkBranch,
} from '../../src/git/workspace.ts';
import { initRepo, removeTempDirs, sh, tempDir, testGit, type TestGit } from './helpers.ts';

afterAll(removeTempDirs);

async function scene(options: Parameters<typeof testGit>[0] = {}): Promise<TestGit & { ws: WorkBranch }> {
  const repo = initRepo();
  const t = testGit(options);
  const ws = await prepareWorkspace(t.git, {
    repoRoot: repo,
    runId: 'run-1',
    worktree: join(tempDir(), 'wt'),
  });
  return { ...t, ws };
}

const count = (ws: WorkBranch): number =>
  Number(sh(ws.repoRoot, 'rev-list', '--count', `${ws.baseSha}..${ws.branch}`));

describe('commitStep', () => {
  it('commits once: a second call for the same step finds the first commit', async () => {
    const { git, ws } = await scene();
    writeFileSync(join(ws.worktree, 'a.txt'), 'a\n');
    const first = await commitStep(git, ws, { runId: 'run-1', stepId: 'code:a', message: 'add a' });
    expect(first).toMatchObject({ created: true });
    writeFileSync(join(ws.worktree, 'a.txt'), 'a, again after a crash\n'); // the resumed step redoes its edits
    const second = await commitStep(git, ws, { runId: 'run-1', stepId: 'code:a', message: 'add a' });
    expect(second).toEqual({ sha: first.sha, created: false });
    expect(count(ws)).toBe(1);
    const body = sh(ws.worktree, 'log', '-1', '--format=%B');
    expect(body).toContain('Keel-Run: run-1');
    expect(body).toContain('Keel-Step: code:a');
  });

  it('reports nothing to commit', async () => {
    const { git, ws } = await scene();
    expect(await commitStep(git, ws, { runId: 'run-1', stepId: 'code:a', message: 'nothing' })).toEqual({
      sha: undefined,
      created: false,
      reason: 'nothing to commit',
    });
    expect(count(ws)).toBe(0);
  });

  it('commits new, changed and deleted files, and signs as keel when no identity is configured', async () => {
    const { git, ws } = await scene();
    writeFileSync(join(ws.worktree, 'new.txt'), 'new\n');
    writeFileSync(join(ws.worktree, 'src', 'app.txt'), 'changed\n');
    sh(ws.worktree, 'rm', '--quiet', 'README.md');
    await commitStep(git, ws, { runId: 'run-1', stepId: 'code:b', message: 'b' });
    expect(sh(ws.worktree, 'status', '--porcelain')).toBe('');
    expect(sh(ws.worktree, 'show', '--name-status', '--format=', 'HEAD').split('\n').sort()).toEqual([
      'A\tnew.txt',
      'D\tREADME.md',
      'M\tsrc/app.txt',
    ]);
    expect(sh(ws.worktree, 'log', '-1', '--format=%an <%ae> / %cn <%ce>')).toBe(
      'keel <keel@localhost> / keel <keel@localhost>',
    );
  });

  it('uses the identity from the environment or the git config when there is one', async () => {
    const fromEnv = await scene({ env: { GIT_AUTHOR_NAME: 'Bot', GIT_AUTHOR_EMAIL: 'bot@example.com' } });
    writeFileSync(join(fromEnv.ws.worktree, 'x.txt'), 'x\n');
    await commitStep(fromEnv.git, fromEnv.ws, { runId: 'run-1', stepId: 's', message: 'x' });
    expect(sh(fromEnv.ws.worktree, 'log', '-1', '--format=%an <%ae>')).toBe('Bot <bot@example.com>');

    const fromConfig = await scene();
    sh(fromConfig.ws.repoRoot, 'config', 'user.name', 'Configured');
    sh(fromConfig.ws.repoRoot, 'config', 'user.email', 'configured@example.com');
    writeFileSync(join(fromConfig.ws.worktree, 'x.txt'), 'x\n');
    await commitStep(fromConfig.git, fromConfig.ws, { runId: 'run-1', stepId: 's', message: 'x' });
    expect(sh(fromConfig.ws.worktree, 'log', '-1', '--format=%an <%ae>')).toBe(
      'Configured <configured@example.com>',
    );
  });

  it('asks the config for an identity only where a commit found none, and from then on first', async () => {
    const commitsAndConfigs = (calls: string[][]) =>
      calls
        .filter((a) => a.includes('commit') || a.includes('config'))
        .map((a) => (a.includes('commit') ? 'commit' : 'config'));
    const configured = await scene();
    sh(configured.ws.repoRoot, 'config', 'user.name', 'Configured');
    sh(configured.ws.repoRoot, 'config', 'user.email', 'configured@example.com');
    configured.calls.length = 0;
    writeFileSync(join(configured.ws.worktree, 'x.txt'), 'x\n');
    await commitStep(configured.git, configured.ws, { runId: 'run-1', stepId: 's', message: 'x' });
    expect(commitsAndConfigs(configured.calls)).toEqual(['commit']);

    // No identity anywhere: the first commit is refused (nothing written), the config asked, keel signs.
    const bare = await scene();
    const runs = [
      bare.ws,
      await prepareWorkspace(bare.git, {
        repoRoot: bare.ws.repoRoot,
        runId: 'run-2',
        worktree: join(tempDir(), 'wt2'),
      }),
    ];
    bare.calls.length = 0;
    writeFileSync(join(runs[0]!.worktree, 'x.txt'), 'x\n');
    await commitStep(bare.git, runs[0]!, { runId: 'run-1', stepId: 's', message: 'x' });
    expect(commitsAndConfigs(bare.calls)).toEqual(['commit', 'config', 'commit']);
    expect(count(runs[0]!)).toBe(1);
    expect(sh(runs[0]!.worktree, 'log', '-1', '--format=%an <%ae>')).toBe('keel <keel@localhost>');
    // The next run in this repository (same process) asks first: two commands, not three.
    bare.calls.length = 0;
    writeFileSync(join(runs[1]!.worktree, 'y.txt'), 'y\n');
    await commitStep(bare.git, runs[1]!, { runId: 'run-2', stepId: 's', message: 'y' });
    expect(commitsAndConfigs(bare.calls)).toEqual(['config', 'commit']);
    // …and still follows the config when an identity appears later.
    sh(bare.ws.repoRoot, 'config', 'user.name', 'Later');
    sh(bare.ws.repoRoot, 'config', 'user.email', 'later@example.com');
    const third = await prepareWorkspace(bare.git, {
      repoRoot: bare.ws.repoRoot,
      runId: 'run-3',
      worktree: join(tempDir(), 'wt3'),
    });
    writeFileSync(join(third.worktree, 'z.txt'), 'z\n');
    await commitStep(bare.git, third, { runId: 'run-3', stepId: 's', message: 'z' });
    expect(sh(third.worktree, 'log', '-1', '--format=%an <%ae>')).toBe('Later <later@example.com>');
  });

  it("does not run the repository's hooks (post-commit is not skipped by --no-verify; hooksPath stops it)", async () => {
    const { git, ws } = await scene();
    const marker = join(tempDir(), 'hook-ran');
    for (const name of ['pre-commit', 'commit-msg', 'post-commit']) {
      writeFileSync(join(ws.repoRoot, '.git', 'hooks', name), `#!/bin/sh\necho ${name} >> ${marker}\n`, {
        mode: 0o755,
      });
    }
    sh(ws.repoRoot, 'commit', '--quiet', '--allow-empty', '-m', 'the hooks work for a human');
    expect(readFileSync(marker, 'utf8')).toContain('post-commit');
    rmSync(marker);
    writeFileSync(join(ws.worktree, 'x.txt'), 'x\n');
    expect(await commitStep(git, ws, { runId: 'run-1', stepId: 's', message: 'x' })).toMatchObject({
      created: true,
    });
    expect(existsSync(marker)).toBe(false);
  });

  it("strips look-alike trailers from the model's message, so it cannot claim another step", async () => {
    const { git, ws } = await scene();
    writeFileSync(join(ws.worktree, 'x.txt'), 'x\n');
    const message = 'do x\n\nKeel-Step: code:other\nkeel-run: someone-else\n# a comment line stays';
    const made = await commitStep(git, ws, { runId: 'run-1', stepId: 'code:x', message });
    expect([...(await stepCommits(git, ws, 'run-1'))]).toEqual([['code:x', made.sha]]);
    expect(sh(ws.worktree, 'log', '-1', '--format=%B')).toContain('# a comment line stays');
    expect(commitMessage('Keel-Run: x', 'plan')).toBe('keel: plan\n');
    // Any separator `trailer.separators` could name; other words that merely start alike stay.
    expect(
      commitMessage('a\nKeel-Run= x\nKEEL-STEP #y\n  keel-run\tz\nKeel-Runner: ok\nkeel-stepping', 's'),
    ).toBe('a\nKeel-Runner: ok\nkeel-stepping\n');
  });

  it("refuses to commit in the user's checkout", async () => {
    const { git, ws } = await scene();
    writeFileSync(join(ws.repoRoot, 'user.txt'), 'mine\n');
    const error = await commitStep(
      git,
      { ...ws, worktree: ws.repoRoot, branch: 'main' },
      { runId: 'run-1', stepId: 's', message: 'x' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceError);
    expect(sh(ws.repoRoot, 'status', '--porcelain')).toBe('?? user.txt');
  });

  it('rejects ids that would break a trailer', async () => {
    const { git, ws } = await scene();
    await expect(
      commitStep(git, ws, { runId: 'run-1', stepId: 'a\nKeel-Step: b', message: 'x' }),
    ).rejects.toMatchObject({
      reason: 'invalid',
    });
  });
});

describe('stepCommits', () => {
  it('maps every step of this run to its commit in one git log, ignoring other runs', async () => {
    const { git, ws, calls } = await scene();
    const shas: string[] = [];
    for (const step of ['plan', 'code:a', 'code:b']) {
      writeFileSync(join(ws.worktree, `${step.replace(':', '-')}.txt`), step);
      shas.push((await commitStep(git, ws, { runId: 'run-1', stepId: step, message: step })).sha!);
    }
    writeFileSync(join(ws.worktree, 'foreign.txt'), 'x');
    sh(ws.worktree, 'add', '-A');
    sh(
      ws.worktree,
      'commit',
      '--quiet',
      '-m',
      'other run',
      '--trailer',
      'Keel-Run: run-2',
      '--trailer',
      'Keel-Step: code:a',
    );
    calls.length = 0;
    const map = await stepCommits(git, ws, 'run-1');
    expect(calls.filter((args) => args.includes('log'))).toHaveLength(1);
    expect([...map]).toEqual([
      ['plan', shas[0]],
      ['code:a', shas[1]],
      ['code:b', shas[2]],
    ]);
  });

  it('detects two commits for one step and reports them', async () => {
    const { git, ws } = await scene();
    const shas: string[] = [];
    for (const content of ['one', 'two']) {
      writeFileSync(join(ws.worktree, 'dup.txt'), content);
      sh(ws.worktree, 'add', '-A');
      sh(
        ws.worktree,
        'commit',
        '--quiet',
        '-m',
        content,
        '--trailer',
        'Keel-Run: run-1',
        '--trailer',
        'Keel-Step: code:dup',
      );
      shas.push(sh(ws.worktree, 'rev-parse', 'HEAD'));
    }
    const reported: [string, string[]][] = [];
    const map = await stepCommits(git, ws, 'run-1', {
      onDuplicate: (step, list) => reported.push([step, list]),
    });
    expect(map.get('code:dup')).toBe(shas[0]);
    expect(reported).toEqual([['code:dup', shas]]);
    expect([...(await duplicateStepCommits(git, ws, 'run-1'))]).toEqual([['code:dup', shas]]);
  });

  it('finds no duplicates when every step was committed through commitStep, however often it was called', async () => {
    const { git, ws } = await scene();
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(ws.worktree, 'f.txt'), `attempt ${i}`);
      await commitStep(git, ws, { runId: 'run-1', stepId: 'code:f', message: 'f' });
    }
    expect((await duplicateStepCommits(git, ws, 'run-1')).size).toBe(0);
    expect(count(ws)).toBe(1);
  });
});
