/**
 * What keel forgives in a model's edits, and what it does not (issue 10 §13): search text that differs only
 * in line endings, trailing white space or a uniform indentation offset (the replacement moved by the same
 * offset, tabs kept tabs); `./`, `a/`, `b/` and absolute paths inside the work tree; and the refusal of a
 * whole-file write that leaves code out behind a placeholder.
 */
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElision } from '../../src/git/elision.ts';
import { replaceOnce } from '../../src/git/lenient-match.ts';
import { repairPath } from '../../src/git/lenient-path.ts';
import { applyEdits } from '../../src/git/safe-edits.ts';

describe('replaceOnce', () => {
  const file = ['function f() {', '  if (x) {', '    return 1;', '  }', '  return 2;', '}', ''].join('\n');

  it('takes an exact, unique search as is, and refuses an ambiguous one with where it occurs', () => {
    expect(replaceOnce(file, '    return 1;', '    return 3;', false)).toEqual({
      ok: true,
      how: 'exact',
      text: file.replace('return 1;', 'return 3;'),
    });
    const twice = replaceOnce(file, 'return', 'give', false);
    expect(twice).toMatchObject({
      ok: false,
      reason: 'search text is ambiguous (2 occurrences, at lines 3, 5)',
    });
  });

  it('matches whole-line searches only where a line starts', () => {
    // "}\n" ends lines 4 and 6 only as whole lines; as a substring it also ends "  }".
    expect(replaceOnce(file, '}\n', '};\n', true)).toMatchObject({
      ok: true,
      text: file.replace(/\n}\n$/, '\n};\n'),
    });
    expect(replaceOnce(file, '}\n', '};\n', false)).toMatchObject({ ok: false });
  });

  it('ignores CRLF and trailing white space in the search, and writes the file’s own line ending', () => {
    const found = replaceOnce(
      file,
      '  if (x) {  \r\n    return 1;\r\n',
      '  if (y) {\r\n    return 1;\r\n',
      true,
    );
    expect(found).toEqual({ ok: true, how: 'line-endings', text: file.replace('if (x)', 'if (y)') });
    const crlf = file.replace(/\n/g, '\r\n');
    const inCrlf = replaceOnce(crlf, '  return 2;\n', '  return 4;\n', true);
    expect(inCrlf).toEqual({
      ok: true,
      how: 'line-endings',
      text: crlf.replace('return 2', 'return 4'),
    });
  });

  it('matches a search indented uniformly more or less, and moves the replacement by the same offset', () => {
    const less = replaceOnce(
      file,
      'if (x) {\n  return 1;\n}\n',
      'if (x) {\n  return 1;\n} else {\n  return 0;\n}\n',
      true,
    );
    expect(less).toEqual({
      ok: true,
      how: 'indentation',
      text: file.replace('    return 1;\n  }\n', '    return 1;\n  } else {\n    return 0;\n  }\n'),
    });
    const more = replaceOnce(file, '      return 1;', '      return 5;', false);
    expect(more).toMatchObject({ ok: true, how: 'indentation', text: file.replace('return 1', 'return 5') });
  });

  it('reads tabs written as spaces, and writes the replacement back with tabs', () => {
    const tabbed = 'class A {\n\tm() {\n\t\treturn 1;\n\t}\n}\n';
    const found = replaceOnce(
      tabbed,
      '    m() {\n        return 1;\n',
      '    m() {\n        log();\n        return 1;\n',
      true,
    );
    expect(found).toEqual({
      ok: true,
      how: 'indentation',
      text: 'class A {\n\tm() {\n\t\tlog();\n\t\treturn 1;\n\t}\n}\n',
    });
  });

  it('refuses a search that is not there, showing the nearest lines of the file to copy from', () => {
    const missing = replaceOnce(file, '  if (x) {\n    return one;\n  }\n', '', true);
    expect(missing).toMatchObject({ ok: false, reason: 'search text not found' });
    if (missing.ok) return;
    expect(missing.detail).toContain('The nearest text in the file (lines 2–4):');
    expect(missing.detail).toContain('  if (x) {\n    return 1;\n  }');
    // No lenient rule forgives different words.
    expect(replaceOnce(file, 'return  2;', 'x', false)).toMatchObject({
      ok: false,
      reason: 'search text not found',
    });
  });

  it('keeps `$&` and friends in the replacement literal', () => {
    expect(replaceOnce('a\n', 'a', '$&$1', false)).toMatchObject({ ok: true, text: '$&$1\n' });
  });
});

describe('repairPath', () => {
  let ws: string;
  beforeEach(async () => {
    ws = await realpath(await mkdtemp(path.join(tmpdir(), 'keel-lenient-')));
    await mkdir(path.join(ws, 'src'));
    await writeFile(path.join(ws, 'src', 'x.js'), 'x\n');
  });
  afterEach(() => rm(ws, { recursive: true, force: true }));

  it('drops "./", diff prefixes when the rest exists, and the work tree from an absolute path', () => {
    expect(repairPath(ws, './src/x.js')).toEqual({ path: 'src/x.js', note: '"./" dropped' });
    expect(repairPath(ws, 'b/src/x.js')).toEqual({ path: 'src/x.js', note: 'diff prefix "b/" dropped' });
    expect(repairPath(ws, 'a/src/new.js')).toEqual({ path: 'src/new.js', note: 'diff prefix "a/" dropped' });
    expect(repairPath(ws, `${ws}/src/x.js`)).toEqual({
      path: 'src/x.js',
      note: 'absolute path inside the work tree',
    });
  });

  it('leaves everything else as written, for the path rules to judge', async () => {
    expect(repairPath(ws, 'b/lib/new.js')).toEqual({ path: 'b/lib/new.js' });
    expect(repairPath(ws, '/workspace/src/x.js')).toEqual({ path: '/workspace/src/x.js' });
    expect(repairPath(ws, 'src/x.js')).toEqual({ path: 'src/x.js' });
    await mkdir(path.join(ws, 'b'));
    // The repository has a b/ of its own: the prefix is a real directory.
    expect(repairPath(ws, 'b/src/x.js')).toEqual({ path: 'b/src/x.js' });
  });

  it('never commits b/src/…: applyEdits writes where the model meant', async () => {
    const result = await applyEdits(ws, [
      { kind: 'replace', path: 'b/src/x.js', search: 'x\n', replace: 'y\n', wholeLines: true },
      { kind: 'write', path: './src/z.js', content: 'z\n' },
    ]);
    expect(result).toEqual({ ok: true, changed: ['src/x.js', 'src/z.js'] });
    expect(await readFile(path.join(ws, 'src', 'x.js'), 'utf8')).toBe('y\n');
  });

  it('refuses a whole-file write with a placeholder for an existing file, not for a new one', async () => {
    const elided = await applyEdits(ws, [
      { kind: 'write', path: 'src/x.js', content: 'y\n// ... existing code ...\n' },
    ]);
    expect(elided).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'src/x.js',
          reason: expect.stringMatching(/placeholder for left-out code \(line 2/) as string,
        },
      ],
    });
    expect(await readFile(path.join(ws, 'src', 'x.js'), 'utf8')).toBe('x\n');
    const fresh = await applyEdits(ws, [
      { kind: 'write', path: 'src/new.js', content: '// ... existing code ...\n' },
    ]);
    expect(fresh.ok).toBe(true);
  });

  it('creates a missing file from an empty search, and refuses an empty search on an existing one', async () => {
    expect(await applyEdits(ws, [{ kind: 'replace', path: 'src/n.js', search: '', replace: 'n\n' }])).toEqual(
      { ok: true, changed: ['src/n.js'] },
    );
    expect(
      await applyEdits(ws, [{ kind: 'replace', path: 'src/x.js', search: '', replace: 'n\n' }]),
    ).toMatchObject({
      ok: false,
      problems: [{ reason: expect.stringMatching(/^search text is empty/) as string }],
    });
  });
});

describe('findElision', () => {
  it.each([
    ['// ... existing code ...', 1],
    ['    # ... rest of the parser unchanged ...', 1],
    ['# rest of main() unchanged', 1],
    ['/* ... */', 1],
    ['...', 1],
    ['<!-- rest unchanged -->', 1],
    ['// existing routes', 1],
  ])('%s is a placeholder', (line) => {
    expect(findElision(`const a = 1;\n${line}\nconst b = 2;\n`)).toMatchObject({ line: 2 });
  });

  it.each([
    '// ... add more checks here (database, cache) when needed ...',
    '// keep the existing value when the new one is empty',
    ' * Returns the rest of the list.',
    'const spread = { ...rest };',
    '// unchanged since 2019, see ADR 4',
  ])('%s is not', (line) => {
    expect(findElision(`${line}\n`)).toBeUndefined();
  });
});
