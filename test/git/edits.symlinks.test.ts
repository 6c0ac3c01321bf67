/**
 * Symbolic links built for real in a temp directory: `base/ws` is the workspace, `base/outside` the sentinel
 * beside it. Policy under test: no link is ever followed, not as a parent directory, not as the target —
 * even a link to a sibling inside the workspace.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { link, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edit } from '../../src/git/edit.ts';
import { ensureParentDirectory, removeFile, writeFileAtomic } from '../../src/git/edit-fs.ts';
import { checkEditPath, DEFAULT_EDIT_POLICY } from '../../src/git/edit-rules.ts';
import { applyEdits } from '../../src/git/safe-edits.ts';
import { tempDir } from '../config/helpers.ts';

let base: string;
let ws: string;
let outside: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const made = await tempDir({
    'ws/src/a.ts': 'export const a = 1;\n',
    'ws/src/deep/b.ts': 'b\n',
    'outside/secret.txt': 'secret\n',
    'outside/dir/keep.txt': 'keep\n',
  });
  base = realpathSync(made.dir);
  cleanup = made.cleanup;
  ws = path.join(base, 'ws');
  outside = path.join(base, 'outside');
  await symlink('../outside', path.join(ws, 'out'));
  await symlink('../outside/secret.txt', path.join(ws, 'secret-link'));
  await symlink('src', path.join(ws, 'alias'));
  await symlink('src/a.ts', path.join(ws, 'a-link.ts'));
  await symlink('../outside/not-yet.txt', path.join(ws, 'dangling'));
  await symlink('../outside/new-dir', path.join(ws, 'dangling-dir'));
  await symlink('../../..', path.join(ws, 'src/deep/up'));
});
afterEach(() => cleanup());

const write = (p: string, content = 'pwned\n'): Edit => ({ kind: 'write', path: p, content });
const reasonOf = (p: string): string => {
  const checked = checkEditPath(ws, p, DEFAULT_EDIT_POLICY);
  return checked.ok ? `accepted as ${checked.relative}` : checked.reason;
};

async function outsideState(): Promise<string[]> {
  const names = await readdir(outside, { recursive: true });
  const files = await Promise.all(
    names.sort().map(async (name) => {
      const full = path.join(outside, name);
      return lstatSync(full).isFile() ? `${name}=${await readFile(full, 'utf8')}` : name;
    }),
  );
  return [...files, ...(await readdir(base)).sort()];
}

describe('symbolic links', () => {
  it('refuses a symlinked parent directory that points outside', async () => {
    const before = await outsideState();
    expect(reasonOf('out/secret.txt')).toBe('parent "out" is a symbolic link (links are never followed)');
    expect(reasonOf('out/dir/new.txt')).toBe('parent "out" is a symbolic link (links are never followed)');
    expect(reasonOf('src/deep/up/outside/secret.txt')).toBe(
      'parent "src/deep/up" is a symbolic link (links are never followed)',
    );
    const result = await applyEdits(ws, [
      write('out/secret.txt'),
      write('out/dir/new.txt'),
      { kind: 'delete', path: 'out/dir/keep.txt' },
      { kind: 'replace', path: 'src/deep/up/outside/secret.txt', search: 'secret', replace: 'x' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(await outsideState()).toEqual(before);
  });

  it('refuses a symlinked file that points outside, for every kind of edit, and never follows it', async () => {
    const before = await outsideState();
    const reason = 'path is a symbolic link (links are never followed)';
    expect(reasonOf('secret-link')).toBe(reason);
    const result = await applyEdits(ws, [
      write('secret-link'),
      { kind: 'replace', path: 'secret-link', search: 'secret', replace: 'x' },
      { kind: 'delete', path: 'secret-link' },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { index: 0, path: 'secret-link', reason },
        { index: 1, path: 'secret-link', reason },
        { index: 2, path: 'secret-link', reason },
      ],
    });
    expect(await readlink(path.join(ws, 'secret-link'))).toBe('../outside/secret.txt');
    expect(await applyEdits(ws, [{ kind: 'delete', path: 'secret-link' }])).toMatchObject({
      ok: false,
      problems: [{ reason }],
    });
    expect(await outsideState()).toEqual(before);
  });

  it('refuses links to siblings inside the workspace too (policy: no links at all)', async () => {
    expect(reasonOf('alias/a.ts')).toBe('parent "alias" is a symbolic link (links are never followed)');
    expect(reasonOf('alias/new.ts')).toBe('parent "alias" is a symbolic link (links are never followed)');
    expect(reasonOf('a-link.ts')).toBe('path is a symbolic link (links are never followed)');
    expect(reasonOf('alias')).toBe('path is a symbolic link (links are never followed)');
    expect((await applyEdits(ws, [write('alias/a.ts')])).ok).toBe(false);
    expect(await readFile(path.join(ws, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n');
    // The real path is fine.
    expect(await applyEdits(ws, [write('src/a.ts', 'ok\n')])).toEqual({ ok: true, changed: ['src/a.ts'] });
  });

  it('refuses dangling links as targets and as parents, and creates nothing outside', async () => {
    const before = await outsideState();
    expect(reasonOf('dangling')).toBe('path is a symbolic link (links are never followed)');
    expect(reasonOf('dangling-dir/x.txt')).toBe(
      'parent "dangling-dir" is a symbolic link (links are never followed)',
    );
    expect((await applyEdits(ws, [write('dangling'), write('dangling-dir/x.txt')])).ok).toBe(false);
    expect(await outsideState()).toEqual(before);
  });

  it('works through a workspace path that is itself a link, writing under its real path', async () => {
    const viaLink = path.join(base, 'ws-link');
    await symlink('ws', viaLink);
    const checked = checkEditPath(viaLink, 'src/new.ts', DEFAULT_EDIT_POLICY);
    expect(checked).toEqual({ ok: true, relative: 'src/new.ts', absolute: path.join(ws, 'src/new.ts') });
    expect(await applyEdits(viaLink, [write('src/new.ts')])).toEqual({ ok: true, changed: ['src/new.ts'] });
    expect(await readFile(path.join(ws, 'src/new.ts'), 'utf8')).toBe('pwned\n');
  });

  it('replaces a hard link to an outside file instead of writing through it', async () => {
    await link(path.join(outside, 'secret.txt'), path.join(ws, 'hard.txt'));
    const before = await outsideState();
    expect(
      await applyEdits(ws, [{ kind: 'replace', path: 'hard.txt', search: 'secret', replace: 'x' }]),
    ).toEqual({
      ok: true,
      changed: ['hard.txt'],
    });
    expect(await readFile(path.join(ws, 'hard.txt'), 'utf8')).toBe('x\n');
    expect(await outsideState()).toEqual(before);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses special files such as a FIFO without opening them',
    async () => {
      execFileSync('mkfifo', [path.join(ws, 'pipe')]);
      expect(reasonOf('pipe')).toBe('path is not a regular file');
      expect(
        await applyEdits(ws, [{ kind: 'replace', path: 'pipe', search: 'a', replace: 'b' }, write('pipe')]),
      ).toMatchObject({ ok: false, problems: [{ reason: 'path is not a regular file' }, {}] });
    },
  );
});

describe('re-checks while writing (a link swapped in after validation)', () => {
  it('refuses a parent that became a link', async () => {
    await symlink('../outside', path.join(ws, 'made'));
    expect(await ensureParentDirectory(ws, ['made', 'x.txt'])).toEqual({
      ok: false,
      reason: 'parent "made" is no longer a real directory',
    });
    expect(await ensureParentDirectory(ws, ['src', 'deep', 'up', 'x.txt'])).toEqual({
      ok: false,
      reason: 'parent "src/deep/up" is no longer a real directory',
    });
  });

  it('creates missing parents one level at a time', async () => {
    expect(await ensureParentDirectory(ws, ['n1', 'n2', 'n3', 'f.txt'])).toEqual({
      ok: true,
      value: path.join(ws, 'n1/n2/n3'),
    });
    expect(lstatSync(path.join(ws, 'n1/n2/n3')).isDirectory()).toBe(true);
  });

  it('refuses a link swapped in at the target, leaving the link and its target alone', async () => {
    const before = await outsideState();
    expect(await writeFileAtomic(ws, 'secret-link', 'new\n', false)).toEqual({
      ok: false,
      reason: 'path is no longer a regular file',
    });
    expect(await readlink(path.join(ws, 'secret-link'))).toBe('../outside/secret.txt');
    expect((await readdir(ws)).filter((n) => n.startsWith('.keel-edit-'))).toEqual([]);
    expect(await outsideState()).toEqual(before);
  });

  it('refuses to replace a directory swapped in at the target, and cleans up its temp file', async () => {
    await mkdir(path.join(ws, 'now-a-dir'));
    expect(await writeFileAtomic(ws, 'now-a-dir', 'x', false)).toEqual({
      ok: false,
      reason: 'path is no longer a regular file',
    });
    expect((await readdir(ws)).filter((n) => n.startsWith('.keel-edit-'))).toEqual([]);
  });

  it('refuses to delete anything but a regular file, and deleting a vanished file is fine', async () => {
    expect(await removeFile(path.join(ws, 'secret-link'))).toEqual({
      ok: false,
      reason: 'path is no longer a regular file',
    });
    expect(await removeFile(path.join(ws, 'gone.txt'))).toEqual({ ok: true, value: undefined });
    await writeFile(path.join(ws, 'f.txt'), 'x');
    expect(await removeFile(path.join(ws, 'f.txt'))).toEqual({ ok: true, value: undefined });
  });
});
