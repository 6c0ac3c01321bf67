import { realpathSync } from 'node:fs';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edit } from '../../src/git/edit.ts';
import { displayPath } from '../../src/git/edit-path.ts';
import { checkEditPath, DEFAULT_EDIT_POLICY, type EditPolicy } from '../../src/git/edit-rules.ts';
import { applyEdits } from '../../src/git/safe-edits.ts';
import { tempDir } from '../config/helpers.ts';

let ws: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: ws, cleanup } = await tempDir({
    'src/a.ts': 'export const a = 1;\n',
    'README.md': '# readme\n',
    '.git/config': '[core]\n',
    '.github/workflows/ci.yml': 'on: push\n',
  }));
});
afterEach(() => cleanup());

const policy = (overrides: Partial<EditPolicy> = {}): EditPolicy => ({
  ...DEFAULT_EDIT_POLICY,
  ...overrides,
});
const write = (p: string, content = 'x\n'): Edit => ({ kind: 'write', path: p, content });
const replace = (p: string, search: string, replacement: string): Edit => ({
  kind: 'replace',
  path: p,
  search,
  replace: replacement,
});
const del = (p: string): Edit => ({ kind: 'delete', path: p });

function reasonFor(p: string, overrides: Partial<EditPolicy> = {}): string {
  const checked = checkEditPath(ws, p, policy(overrides));
  if (checked.ok)
    throw new Error(`expected ${JSON.stringify(p)} to be refused, accepted as ${checked.relative}`);
  return checked.reason;
}

/** Every file under `dir` with its content: the whole observable state of a small workspace. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = await readFile(full, 'latin1');
  }
  return out;
}

describe('checkEditPath: lexical rules', () => {
  it.each([
    ['', 'path is empty'],
    ['/etc/passwd', 'path is absolute'],
    ['//server/share/x', 'path is absolute'],
    ['\\\\server\\share\\x', 'path is absolute'],
    ['\\x', 'path is absolute'],
    ['C:\\x', 'path is absolute (drive letter)'],
    ['c:x', 'path is absolute (drive letter)'],
    ['a\\b', 'path contains a backslash (only "/" separates)'],
    ['..\\x', 'path contains a backslash (only "/" separates)'],
    ['..', 'path contains a ".." segment'],
    ['../x', 'path contains a ".." segment'],
    ['a/../../x', 'path contains a ".." segment'],
    ['a/../b', 'path contains a ".." segment'],
    ['a/..', 'path contains a ".." segment'],
    ['a/./b', 'path contains a "." segment (write the path without it)'],
    ['a//b', 'path has an empty segment ("//")'],
    ['a/', 'path ends with "/"'],
    ['a\0b', 'path contains a NUL character'],
    ['a\nb', 'path contains control character U+000A'],
    ['a\rb', 'path contains control character U+000D'],
    ['a\u007fb', 'path contains control character U+007F'],
    ['a\u0085b', 'path contains control character U+0085'],
    ['a\u202eb.ts', 'path contains invisible character U+202E'],
    ['a\u200db', 'path contains invisible character U+200D'],
    ['a\u2028b', 'path contains invisible character U+2028'],
    ['a\ud800b', 'path is not well-formed Unicode (lone surrogate)'],
    ['...', 'path segment "..." is made of dots'],
    ['a/. .', 'path segment ". ." is made of dots'],
    ['\uff0e\uff0e/x', 'path segment "\uff0e\uff0e" is made of dots'],
    ['\u2025/x', 'path segment "\u2025" is made of dots'],
    ['a./b', 'path segment "a." ends with a dot or space (Windows drops them)'],
    ['b ', 'path segment "b " ends with a dot or space (Windows drops them)'],
    ['.git.', 'path segment ".git." ends with a dot or space (Windows drops them)'],
  ])('%j → %s', (p, reason) => {
    expect(reasonFor(p)).toBe(reason);
  });

  it.each([
    '.git',
    '.git/config',
    '.GIT/config',
    '.Git/HEAD',
    'sub/.git/hooks/pre-commit',
    'sub/.gIt',
    'GIT~1/config',
    '.git::$INDEX_ALLOCATION/hooks/x',
    '.git:stream',
    '\uff0e\uff47\uff49\uff54/config',
    '.g\u0131t/config',
  ])('%j is the git directory', (p) => {
    expect(reasonFor(p)).toMatch(/^path touches the git directory \(".*" is treated as \.git\)$/);
  });

  it.each([
    '.github/workflows/ci.yml',
    '.GitHub/Workflows/x.yml',
    '.github/workflows',
    '.github/workflows/a/b.yml',
  ])('%j is a workflow unless allowed', (p) => {
    expect(reasonFor(p)).toBe(
      'path is under .github/workflows/ (workflow edits are not allowed by the policy)',
    );
    expect(checkEditPath(ws, p, policy({ allowWorkflows: true })).ok).toBe(p !== '.github/workflows');
  });

  it('bounds the whole path at 4096 bytes and each segment at 255', () => {
    const longPath = Array.from({ length: 21 }, () => 'd'.repeat(200)).join('/');
    expect(reasonFor(longPath)).toBe(`path is ${Buffer.byteLength(longPath)} bytes, more than 4096`);
    expect(reasonFor(`a/${'s'.repeat(256)}`)).toBe('path segment is 256 bytes, more than 255');
    // Bytes, not characters: 128 × "é" is 256 UTF-8 bytes.
    expect(reasonFor('\u00e9'.repeat(128))).toBe('path segment is 256 bytes, more than 255');
    expect(checkEditPath(ws, 's'.repeat(255), policy()).ok).toBe(true);
    // Measured as written (NFC): 120 × "e" + U+0301 is 360 bytes as given, 240 once composed.
    expect(checkEditPath(ws, 'e\u0301'.repeat(120), policy())).toMatchObject({
      ok: true,
      relative: '\u00e9'.repeat(120),
    });
  });

  it.each([
    'src/a.ts',
    'new/dir/file.ts',
    '.gitignore',
    '.gitattributes',
    '.github/CODEOWNERS',
    'src/.gitkeep',
    'git/x',
    '.git-foo',
    '..foo',
    'foo..bar',
    '%2e%2e/x',
    '..\u2215x',
    '\uff0e\uff0e\uff41',
  ])('%j is accepted', (p) => {
    expect(checkEditPath(ws, p, policy())).toEqual({
      ok: true,
      relative: p,
      absolute: path.join(realpathSync(ws), p),
    });
  });

  it('normalises to NFC, and the absolute path is under the real workspace', () => {
    const checked = checkEditPath(ws, 'docs/e\u0301t\u00e9.md', policy());
    expect(checked).toMatchObject({ ok: true, relative: 'docs/\u00e9t\u00e9.md' });
    if (checked.ok) expect(checked.absolute).toBe(path.join(realpathSync(ws), 'docs', '\u00e9t\u00e9.md'));
  });

  it('refuses a workspace that is not an existing directory', () => {
    expect(checkEditPath(path.join(ws, 'nope'), 'a.ts', policy())).toEqual({
      ok: false,
      reason: 'workspace is not an existing directory (ENOENT)',
    });
    expect(checkEditPath(path.join(ws, 'README.md'), 'a.ts', policy())).toEqual({
      ok: false,
      reason: 'workspace is not a directory',
    });
  });

  it('refuses directories, and paths whose parent is a file', async () => {
    expect(reasonFor('src')).toBe('path is a directory');
    expect(reasonFor('README.md/x')).toBe('parent "README.md" is not a directory');
  });
});

describe('displayPath', () => {
  it('escapes control and invisible characters and backslashes', () => {
    expect(displayPath('a\nb\0c\\d\u202e\u0085\ud800')).toBe('a\\nb\\u{0}c\\\\d\\u{202e}\\u{85}\\u{d800}');
  });

  it('cuts long paths without walking all of them', () => {
    const shown = displayPath('x'.repeat(10_000_000));
    expect(shown.length).toBeLessThan(200);
    expect(shown).toMatch(/^x{120}… \(10000000 UTF-16 units in all\)$/);
  });

  it('names the type of something that is not a string', () => {
    expect(displayPath(undefined)).toBe('<undefined>');
    expect(displayPath(null)).toBe('<null>');
    expect(displayPath(42)).toBe('<number>');
  });
});

describe('applyEdits: all or nothing', () => {
  it('writes new files in new directories and reports changed paths sorted', async () => {
    const result = await applyEdits(ws, [
      write('z/new.ts', 'z\n'),
      write('b/c/d.ts', 'd\n'),
      write('a.ts', 'a\n'),
    ]);
    expect(result).toEqual({ ok: true, changed: ['a.ts', 'b/c/d.ts', 'z/new.ts'] });
    expect(await readFile(path.join(ws, 'b/c/d.ts'), 'utf8')).toBe('d\n');
    expect((await stat(path.join(ws, 'b/c/d.ts'))).mode & 0o111).toBe(0);
  });

  it('writes nothing when any edit is invalid, and reports every problem with its index', async () => {
    const before = await tree(ws);
    const result = await applyEdits(ws, [
      write('ok.ts'),
      write('../escape.ts'),
      replace('src/a.ts', 'export const a = 1;', 'export const a = 2;'),
      write('.git/hooks/post-checkout', '#!/bin/sh\n'),
      del('src/a.ts'),
      write('bad\nname'),
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { index: 1, path: '../escape.ts', reason: 'path contains a ".." segment' },
        {
          index: 3,
          path: '.git/hooks/post-checkout',
          reason: 'path touches the git directory (".git" is treated as .git)',
        },
        { index: 5, path: 'bad\\nname', reason: 'path contains control character U+000A' },
      ],
    });
    expect(await tree(ws)).toEqual(before);
  });

  it('reports malformed edits instead of throwing', async () => {
    const edits = [
      null,
      { kind: 'chmod', path: 'a' },
      { kind: 'write', path: 'a' },
      { kind: 'write', path: 7, content: '' },
      { kind: 'replace', path: 'src/a.ts', search: 1, replace: '' },
    ] as unknown as Edit[];
    const result = await applyEdits(ws, edits);
    expect(result).toEqual({
      ok: false,
      problems: [
        { index: 0, path: '<undefined>', reason: 'edit must be an object' },
        { index: 1, path: 'a', reason: 'edit kind must be write, replace or delete' },
        { index: 2, path: 'a', reason: 'write edit: content must be a string' },
        { index: 3, path: '<number>', reason: 'write edit: path must be a string' },
        { index: 4, path: 'src/a.ts', reason: 'replace edit: search must be a string' },
      ],
    });
  });

  it('bounds the number of edits before looking at any of them', async () => {
    const edits = Array.from({ length: 4 }, (_, i) => write(`f${i}.ts`));
    expect(await applyEdits(ws, edits, { maxEdits: 3 })).toEqual({
      ok: false,
      problems: [{ index: 3, path: 'f3.ts', reason: 'too many edits: 4, the policy allows 3' }],
    });
    expect((await applyEdits(ws, edits.slice(0, 3), { maxEdits: 3 })).ok).toBe(true);
  });

  it('refuses a workspace that does not exist', async () => {
    expect(await applyEdits(path.join(ws, 'missing'), [write('a')])).toEqual({
      ok: false,
      problems: [{ index: -1, path: '', reason: 'workspace is not an existing directory (ENOENT)' }],
    });
  });

  it('rejects an invalid policy as a programming error', async () => {
    await expect(applyEdits(ws, [], { maxEdits: -1 })).rejects.toThrow(RangeError);
    await expect(applyEdits(ws, [], { maxFileBytes: Number.NaN })).rejects.toThrow(/maxFileBytes/);
  });

  it('allows workflow edits only when the policy says so', async () => {
    const edit = replace('.github/workflows/ci.yml', 'on: push', 'on: pull_request');
    expect(await applyEdits(ws, [edit])).toMatchObject({ ok: false, problems: [{ index: 0 }] });
    expect(await applyEdits(ws, [edit], { allowWorkflows: true })).toEqual({
      ok: true,
      changed: ['.github/workflows/ci.yml'],
    });
  });

  it('writes NFC names', async () => {
    expect(await applyEdits(ws, [write('cafe\u0301.md', 'x')])).toEqual({
      ok: true,
      changed: ['caf\u00e9.md'],
    });
    expect(await readdir(ws)).toContain('caf\u00e9.md');
  });

  it('leaves no temporary files behind', async () => {
    await applyEdits(ws, [write('src/a.ts', 'new'), write('src/b.ts', 'b'), del('README.md')]);
    const names = await readdir(ws, { recursive: true });
    expect(names.filter((n) => n.includes('.keel-edit-'))).toEqual([]);
  });
});

describe('applyEdits: contents and sizes', () => {
  it('refuses binary, malformed and oversized content', async () => {
    const result = await applyEdits(
      ws,
      [
        write('nul.bin', 'a\0b'),
        write('lone.txt', 'a\udc00'),
        write('big.txt', 'x'.repeat(11)),
        // 6 × "é" is 12 UTF-8 bytes in 6 code units: bytes are what count.
        write('wide.txt', '\u00e9'.repeat(6)),
        write('fits.txt', 'x'.repeat(10)),
      ],
      { maxFileBytes: 10 },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { index: 0, path: 'nul.bin', reason: 'content contains NUL bytes (binary content is refused)' },
        { index: 1, path: 'lone.txt', reason: 'content is not well-formed Unicode (lone surrogate)' },
        { index: 2, path: 'big.txt', reason: 'content is at least 11 bytes, more than maxFileBytes (10)' },
        { index: 3, path: 'wide.txt', reason: 'content is 12 bytes, more than maxFileBytes (10)' },
      ],
    });
  });

  it('bounds the bytes the whole change set writes', async () => {
    const edits = [write('a', 'x'.repeat(8)), write('b', 'x'.repeat(8)), write('c', 'x'.repeat(8))];
    expect(await applyEdits(ws, edits, { maxFileBytes: 10, maxTotalBytes: 20 })).toEqual({
      ok: false,
      problems: [
        { index: 2, path: 'c', reason: 'the change set writes more than maxTotalBytes (24 > 20 bytes)' },
      ],
    });
    // Rewriting one path counts its latest content once.
    const same = [write('a', 'x'.repeat(8)), write('a', 'y'.repeat(8)), write('a', 'z'.repeat(8))];
    expect(await applyEdits(ws, same, { maxFileBytes: 10, maxTotalBytes: 20 })).toEqual({
      ok: true,
      changed: ['a'],
    });
    expect(await readFile(path.join(ws, 'a'), 'utf8')).toBe('z'.repeat(8));
  });
});

describe('applyEdits: replace', () => {
  it('replaces text that occurs exactly once, literally', async () => {
    const result = await applyEdits(ws, [replace('src/a.ts', 'a = 1', "a = '$&$1$$'")]);
    expect(result).toEqual({ ok: true, changed: ['src/a.ts'] });
    expect(await readFile(path.join(ws, 'src/a.ts'), 'utf8')).toBe("export const a = '$&$1$$';\n");
  });

  it('refuses missing, ambiguous and empty search text, and missing files', async () => {
    await writeFile(path.join(ws, 'aaa.txt'), 'aaa');
    const result = await applyEdits(ws, [
      replace('src/a.ts', 'nope', 'x'),
      replace('README.md', 'e', 'x'),
      replace('aaa.txt', 'aa', 'b'),
      replace('src/a.ts', '', 'x'),
      replace('src/missing.ts', 'a', 'b'),
    ]);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { index: 0, path: 'src/a.ts', reason: 'search text not found' },
        { index: 1, path: 'README.md', reason: 'search text is ambiguous (2 occurrences, at line 1)' },
        // Overlapping occurrences count: which "aa" of "aaa" was meant is not clear.
        { index: 2, path: 'aaa.txt', reason: 'search text is ambiguous (2 occurrences, at line 1)' },
        { index: 3, path: 'src/a.ts', reason: 'not checked: edit #0 to the same path is invalid' },
        { index: 4, path: 'src/missing.ts', reason: 'file does not exist' },
      ],
    });
    // What the model is shown to fix it: its search text, and for "not found" the nearest lines of the file.
    if (result.ok) return;
    expect(result.problems[0]!.detail).toBe(
      [
        'The search text:',
        '```',
        'nope',
        '```',
        'The nearest text in the file (lines 1–1):',
        '```',
        'export const a = 1;',
        '```',
        'Copy the lines to change from the file exactly, white space included.',
      ].join('\n'),
    );
    expect(result.problems[1]!.detail).toContain('Add lines around it that make it occur only once.');
    expect(result.problems[4]!.detail).toBeUndefined();
  });

  it('keeps the result within maxFileBytes and refuses binary or oversized files', async () => {
    await writeFile(path.join(ws, 'bin.dat'), Buffer.from([0x61, 0, 0x62]));
    await writeFile(path.join(ws, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await writeFile(path.join(ws, 'huge.txt'), 'h'.repeat(64));
    const result = await applyEdits(
      ws,
      [
        replace('src/a.ts', '1', '1'.repeat(40)),
        replace('bin.dat', 'a', 'b'),
        replace('latin1.txt', 'c', 'd'),
        replace('huge.txt', 'h', 'i'),
        replace('README.md', 'readme', 'read\0me'),
      ],
      { maxFileBytes: 50 },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { index: 0, path: 'src/a.ts', reason: 'result is at least 59 bytes, more than maxFileBytes (50)' },
        { index: 1, path: 'bin.dat', reason: 'file contains NUL bytes (binary files are not edited)' },
        { index: 2, path: 'latin1.txt', reason: 'file is not valid UTF-8 text' },
        { index: 3, path: 'huge.txt', reason: 'file is 64 bytes, more than maxFileBytes (50)' },
        { index: 4, path: 'README.md', reason: 'result contains NUL bytes (binary content is refused)' },
      ],
    });
  });

  it('refuses a result that splits a surrogate pair', async () => {
    await writeFile(path.join(ws, 'emoji.txt'), 'x\u{1f600}y');
    expect(await applyEdits(ws, [replace('emoji.txt', '\ud83d', '')])).toEqual({
      ok: false,
      problems: [
        { index: 0, path: 'emoji.txt', reason: 'result is not well-formed Unicode (lone surrogate)' },
      ],
    });
  });

  it('keeps a byte-order mark and the executable bit', async () => {
    await writeFile(path.join(ws, 'run.sh'), '\ufeff#!/bin/sh\necho old\n');
    await chmod(path.join(ws, 'run.sh'), 0o755);
    expect(await applyEdits(ws, [replace('run.sh', 'old', 'new')])).toEqual({
      ok: true,
      changed: ['run.sh'],
    });
    expect(await readFile(path.join(ws, 'run.sh'), 'utf8')).toBe('\ufeff#!/bin/sh\necho new\n');
    expect((await stat(path.join(ws, 'run.sh'))).mode & 0o777).toBe(0o755);
  });
});

describe('applyEdits: delete', () => {
  it('deletes regular files; a missing file is an unchanged no-op', async () => {
    expect(await applyEdits(ws, [del('README.md'), del('never/existed.ts')])).toEqual({
      ok: true,
      changed: ['README.md'],
    });
    expect(await readdir(ws)).not.toContain('README.md');
    expect(await applyEdits(ws, [del('README.md')])).toEqual({ ok: true, changed: [] });
  });

  it('refuses directories and the protected trees', async () => {
    expect(await applyEdits(ws, [del('src'), del('.git/config'), del('.github/workflows/ci.yml')])).toEqual({
      ok: false,
      problems: [
        { index: 0, path: 'src', reason: 'path is a directory' },
        {
          index: 1,
          path: '.git/config',
          reason: 'path touches the git directory (".git" is treated as .git)',
        },
        {
          index: 2,
          path: '.github/workflows/ci.yml',
          reason: 'path is under .github/workflows/ (workflow edits are not allowed by the policy)',
        },
      ],
    });
  });
});

describe('applyEdits: several edits to one path', () => {
  it('applies them in order to the in-memory result', async () => {
    const result = await applyEdits(ws, [
      write('new.ts', 'one two\n'),
      replace('new.ts', 'two', 'three'),
      replace('src/a.ts', '1', '2'),
      replace('src/a.ts', '2', '3'),
    ]);
    expect(result).toEqual({ ok: true, changed: ['new.ts', 'src/a.ts'] });
    expect(await readFile(path.join(ws, 'new.ts'), 'utf8')).toBe('one three\n');
    expect(await readFile(path.join(ws, 'src/a.ts'), 'utf8')).toBe('export const a = 3;\n');
  });

  it('treats write-then-delete of a new file, and delete-then-replace, correctly', async () => {
    expect(await applyEdits(ws, [write('tmp.ts'), del('tmp.ts')])).toEqual({ ok: true, changed: [] });
    expect(await readdir(ws)).not.toContain('tmp.ts');
    expect(await applyEdits(ws, [del('README.md'), replace('README.md', 'readme', 'x')])).toEqual({
      ok: false,
      problems: [{ index: 1, path: 'README.md', reason: 'file is deleted by an earlier edit' }],
    });
    expect(await applyEdits(ws, [del('README.md'), write('README.md', 'again\n')])).toEqual({
      ok: true,
      changed: ['README.md'],
    });
  });

  it('does not count or rewrite a file whose content would not change', async () => {
    const before = (await stat(path.join(ws, 'README.md'))).mtimeMs;
    const ino = (await stat(path.join(ws, 'README.md'))).ino;
    expect(await applyEdits(ws, [write('README.md', '# readme\n')])).toEqual({ ok: true, changed: [] });
    const after = await stat(path.join(ws, 'README.md'));
    expect([after.mtimeMs, after.ino]).toEqual([before, ino]);
    expect(
      await applyEdits(ws, [replace('README.md', 'readme', 'x'), replace('README.md', 'x', 'readme')]),
    ).toEqual({ ok: true, changed: [] });
  });

  it('refuses a path that is both a file and a directory in one change set', async () => {
    expect(await applyEdits(ws, [write('p'), write('p/q')])).toEqual({
      ok: false,
      problems: [{ index: 1, path: 'p/q', reason: 'parent "p" is written as a file by edit #0' }],
    });
    expect(await applyEdits(ws, [write('p/q/r'), write('p/q')])).toEqual({
      ok: false,
      problems: [{ index: 1, path: 'p/q', reason: 'path is a directory that edit #0 writes into' }],
    });
    expect(await readdir(ws)).not.toContain('p');
  });

  it('reports edits after an invalid one to the same path without judging them', async () => {
    expect(await applyEdits(ws, [write('n.ts', 'a\0'), replace('n.ts', 'a', 'b')])).toEqual({
      ok: false,
      problems: [
        { index: 0, path: 'n.ts', reason: 'content contains NUL bytes (binary content is refused)' },
        { index: 1, path: 'n.ts', reason: 'not checked: edit #0 to the same path is invalid' },
      ],
    });
  });
});
