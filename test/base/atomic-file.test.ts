import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempFile, readJsonFile, writeFileAtomic } from '../../src/base/atomic-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates, replaces, creates missing directories and leaves only the target', async () => {
    const path = join(dir, 'a', 'b', 'file.json');
    await writeFileAtomic(path, '{"n":1}');
    await writeFileAtomic(path, new TextEncoder().encode('{"n":2}'));
    expect(await readFile(path, 'utf8')).toBe('{"n":2}');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['file.json']);
  });

  it('keeps the old content and removes its temp file when the rename fails', async () => {
    // The target is a non-empty directory: the data is written and synced, the rename is refused.
    const path = join(dir, 'target');
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'x');
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['target']);
    expect(await readFile(join(path, 'keep'), 'utf8')).toBe('x');
  });

  it('names its temp files recognisably, beside the target', () => {
    expect(isTempFile('3.json.1234-0123456789ab.tmp')).toBe(true);
    expect(isTempFile('3.json')).toBe(false);
    expect(isTempFile('.lock.0123456789abcdef.tmp')).toBe(false);
  });
});

describe('readJsonFile', () => {
  it('tells missing, unreadable and not-JSON apart', async () => {
    await writeFile(join(dir, 'ok.json'), '{"a":[1]}');
    await writeFile(join(dir, 'bad.json'), '{"a":');
    expect(await readJsonFile(join(dir, 'ok.json'))).toMatchObject({ ok: true, value: { a: [1] } });
    expect(await readJsonFile(join(dir, 'none.json'))).toMatchObject({ ok: false, reason: 'missing' });
    expect(await readJsonFile(dir)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await readJsonFile(join(dir, 'bad.json'))).toMatchObject({
      ok: false,
      reason: 'not-json',
      detail: expect.stringMatching(/bad\.json: not JSON/) as unknown,
    });
  });
});
