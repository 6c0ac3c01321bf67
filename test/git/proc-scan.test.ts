/** Reading git processes from a /proc-like tree, and deciding whether one works in a repository. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanGitProcesses, worksIn, type GitProcess } from '../../src/git/proc-scan.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

function fakeProc(
  entries: { pid: number; comm: string; state?: string; args: string[]; cwd?: string; environ?: string[] }[],
): string {
  const root = tempDir('keel-proc-');
  for (const e of [{ pid: process.pid, comm: 'node', args: ['node'] }, ...entries]) {
    const dir = join(root, String(e.pid));
    mkdirSync(dir);
    writeFileSync(join(dir, 'stat'), `${e.pid} (${e.comm}) ${'state' in e && e.state ? e.state : 'S'} 1 1 1`);
    writeFileSync(join(dir, 'cmdline'), `${e.args.join('\0')}\0`);
    if ('cwd' in e && e.cwd) symlinkSync(e.cwd, join(dir, 'cwd'));
    if ('environ' in e && e.environ) writeFileSync(join(dir, 'environ'), e.environ.join('\0'));
  }
  return root;
}

describe('scanGitProcesses', () => {
  it('lists git and its helpers with cwd, argv and git environment; skips zombies and other programs', async () => {
    const root = fakeProc([
      {
        pid: 101,
        comm: 'git',
        args: ['git', 'commit'],
        cwd: '/repo',
        environ: ['HOME=/root', 'GIT_DIR=/repo/.git'],
      },
      { pid: 102, comm: 'git-remote-http', args: ['git-remote-https', 'origin'], cwd: '/repo' },
      { pid: 103, comm: 'git', state: 'Z', args: [], cwd: '/repo' },
      { pid: 104, comm: 'node', args: ['node', 'git.js'], cwd: '/repo' },
      { pid: 105, comm: 'git', args: ['git', 'status'] }, // cwd unreadable (another user's process)
    ]);
    const found = (await scanGitProcesses(root))!.sort((a, b) => a.pid - b.pid);
    expect(found).toEqual([
      { pid: 101, cwd: '/repo', args: ['git', 'commit'], env: { GIT_DIR: '/repo/.git' } },
      { pid: 102, cwd: '/repo', args: ['git-remote-https', 'origin'], env: {} },
      { pid: 105, cwd: undefined, args: ['git', 'status'], env: {} },
    ]);
  });

  it('answers "unknown" when there is no /proc, or it does not show this process', async () => {
    expect(await scanGitProcesses(join(tempDir(), 'missing'))).toBeUndefined();
    const foreign = tempDir('keel-proc-');
    mkdirSync(join(foreign, '1'));
    expect(await scanGitProcesses(foreign)).toBeUndefined();
  });
});

describe('worksIn', () => {
  const roots = ['/work/repo', '/work/repo/.git', '/tmp/keel-wt'];
  const proc = (p: Partial<GitProcess>): GitProcess => ({ pid: 1, cwd: '/', args: ['git'], env: {}, ...p });

  it('matches by cwd, inside a worktree too', () => {
    expect(worksIn(proc({ cwd: '/work/repo/src' }), roots)).toBe(true);
    expect(worksIn(proc({ cwd: '/tmp/keel-wt' }), roots)).toBe(true);
    expect(worksIn(proc({ cwd: '/work/repository-two' }), roots)).toBe(false);
  });

  it('matches by -C (relative ones chained), --git-dir, --work-tree and GIT_DIR', () => {
    expect(worksIn(proc({ args: ['git', '-C', '/work', '-C', 'repo', 'status'] }), roots)).toBe(true);
    expect(worksIn(proc({ args: ['git', '--git-dir=/work/repo/.git', 'log'] }), roots)).toBe(true);
    expect(worksIn(proc({ args: ['git', '--work-tree', '/tmp/keel-wt', 'add'] }), roots)).toBe(true);
    expect(worksIn(proc({ env: { GIT_DIR: '/work/repo/.git' } }), roots)).toBe(true);
    expect(worksIn(proc({ args: ['git', '-C', '/elsewhere', 'status'] }), roots)).toBe(false);
  });

  it('counts a process whose cwd cannot be read as possibly inside', () => {
    expect(worksIn(proc({ cwd: undefined }), roots)).toBe(true);
  });
});
