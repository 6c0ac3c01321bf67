/** The read side for prompts: headSha, the bounded diff, tracked files, and files read safely within a budget. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetShares } from '../../src/git/read-files.ts';
import {
  commitStep,
  diffSinceBase,
  filesAtCommit,
  headSha,
  prepareWorkspace,
  readFiles,
  trackedFiles,
} from '../../src/git/workspace.ts';
import { initRepo, removeTempDirs, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

async function scene() {
  const repo = initRepo();
  const { git } = testGit();
  const ws = await prepareWorkspace(git, { repoRoot: repo, runId: 'r1', worktree: join(tempDir(), 'wt') });
  return { git, ws };
}

describe('headSha, diffSinceBase, trackedFiles', () => {
  it('show what the run committed, bounded', async () => {
    const { git, ws } = await scene();
    expect(await headSha(git, ws)).toBe(ws.baseSha);
    expect(await diffSinceBase(git, ws, 10_000)).toBe('');
    writeFileSync(
      join(ws.worktree, 'big.txt'),
      Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n'),
    );
    writeFileSync(join(ws.worktree, 'uncommitted-later.txt'), 'x');
    const { sha } = await commitStep(git, ws, { runId: 'r1', stepId: 'code:big', message: 'big' });
    writeFileSync(join(ws.worktree, 'not-committed.txt'), 'y');
    expect(await headSha(git, ws)).toBe(sha);

    const small = await diffSinceBase(git, ws, 4096);
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(4096);
    expect(small).toMatch(/^diff --git a\/big\.txt b\/big\.txt/);
    expect(small).toMatch(/…\[\d+ bytes omitted\]…/);
    expect(await diffSinceBase(git, ws, 1 << 20)).not.toContain('not-committed.txt');

    expect((await trackedFiles(git, ws)).sort()).toEqual([
      'README.md',
      'big.txt',
      'src/app.txt',
      'uncommitted-later.txt',
    ]);
  });
});

describe('filesAtCommit', () => {
  it("lists a commit's files exactly as ls-files lists a fresh checkout of it, order included", async () => {
    const { git, ws } = await scene();
    // Names whose order differs between "sort by name" and "sort by path" (`-` and `.` sort before `/`).
    for (const path of ['a-b', 'a.b', 'a/b', 'a/b-c', 'a/c/d', 'a0', 'Z', 'sp ace.txt', 'ünï.txt']) {
      mkdirSync(join(ws.worktree, path, '..'), { recursive: true });
      writeFileSync(join(ws.worktree, path), path);
    }
    const { sha } = await commitStep(git, ws, { runId: 'r1', stepId: 'code:names', message: 'names' });
    const fresh = await prepareWorkspace(git, {
      repoRoot: ws.repoRoot,
      runId: 'r2',
      worktree: join(tempDir(), 'wt2'),
      baseRef: sha!,
    });
    const listed = await trackedFiles(git, fresh);
    expect(listed).toContain('a/c/d');
    expect(await filesAtCommit(git, ws.repoRoot, sha!)).toEqual(listed);
  });

  it('asks git once per commit sha, and hands out copies of what it remembers', async () => {
    const { git, ws } = await scene();
    const asked: string[][] = [];
    const counting = {
      run: (args: string[], o: Parameters<typeof git.run>[1]) => (asked.push(args), git.run(args, o)),
    };
    const first = await filesAtCommit(counting, ws.repoRoot, ws.baseSha);
    first.push('mutated-by-the-caller');
    const second = await filesAtCommit(counting, ws.repoRoot, ws.baseSha);
    expect(second).toEqual(['README.md', 'src/app.txt']);
    expect(asked.filter((a) => a[0] === 'ls-tree')).toHaveLength(1);
    // A name rather than a sha is asked every time: `HEAD` names another tree after the next commit.
    await filesAtCommit(counting, ws.repoRoot, 'HEAD');
    await filesAtCommit(counting, ws.repoRoot, 'HEAD');
    expect(asked.filter((a) => a[0] === 'ls-tree')).toHaveLength(3);
  });
});

describe('readFiles', () => {
  it('reads files within the budget and marks the ones it cut', async () => {
    const { ws } = await scene();
    writeFileSync(join(ws.worktree, 'large.txt'), 'é'.repeat(10_000));
    const files = await readFiles(ws, ['README.md', 'large.txt', 'src/app.txt', 'README.md'], 1000);
    expect(files.map((f) => f.path)).toEqual(['README.md', 'large.txt', 'src/app.txt']);
    expect(files[0]).toEqual({ path: 'README.md', content: '# demo\n', totalBytes: 7, truncated: false });
    const large = files[1]!;
    expect(large).toMatchObject({ totalBytes: 20_000, truncated: true });
    expect(large.content).toMatch(/^é+\n…\[\d+ bytes omitted\]…$/);
    expect(large.content).not.toContain('\uFFFD');
    expect(files.reduce((n, f) => n + Buffer.byteLength(f.content), 0)).toBeLessThanOrEqual(1000 + 40);
  });

  it('skips paths outside the worktree, inside .git, through symlinks out, and missing files', async () => {
    const { ws } = await scene();
    const outside = join(tempDir(), 'secret.txt');
    writeFileSync(outside, 'not yours');
    symlinkSync(outside, join(ws.worktree, 'link-out'));
    mkdirSync(join(ws.worktree, 'dir'));
    const paths = [
      '../secret.txt',
      outside,
      '.git/config',
      'src/../../x',
      'link-out',
      'missing.txt',
      'dir',
      'src/app.txt',
    ];
    expect((await readFiles(ws, paths, 10_000)).map((f) => f.path)).toEqual(['src/app.txt']);
  });

  it('shows a binary file as a note', async () => {
    const { ws } = await scene();
    writeFileSync(join(ws.worktree, 'image.png'), Buffer.from([0x89, 0x50, 0x00, 0x01, 0x02]));
    expect(await readFiles(ws, ['image.png'], 1000)).toEqual([
      { path: 'image.png', content: '[binary file, 5 bytes, not shown]', totalBytes: 5, truncated: true },
    ]);
  });

  it('shares the budget: small files whole, the rest evenly', () => {
    expect(budgetShares([10, 1000, 1000], 310)).toEqual([10, 150, 150]);
    expect(budgetShares([5, 5], 100)).toEqual([5, 5]);
    expect(budgetShares([100], 0)).toEqual([0]);
  });
});
