/**
 * Where a lanes file's relative paths point (issue 11 §8): at the repository's root, wherever the file sits —
 * `.github/keel-lanes.yml` with `stateDir: .keel` is the root's `.keel`, as the Action's — and at the file's
 * own folder outside a repository.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLanesFile } from '../../src/lanes/lanes-file.ts';

const LANES = `version: 1
stateDir: .keel
lanes:
  - name: hosted
    queueFile: .github/keel-queue.ndjson
    queueStateFile: .keel/lanes/hosted/claims.json
`;

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'keel-lanes-file-')));
  dirs.push(dir);
  return dir;
}

describe('lanes file paths', () => {
  it('in a repository, resolve against its root whatever folder the file is in', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.git'));
    await mkdir(join(root, '.github'));
    await writeFile(join(root, '.github', 'keel-lanes.yml'), LANES);
    const lanes = await loadLanesFile(join(root, '.github', 'keel-lanes.yml'));
    expect(lanes.stateDir).toBe(join(root, '.keel'));
    expect(lanes.lanes[0]!.queueFile).toBe(join(root, '.github', 'keel-queue.ndjson'));
  });

  it('outside a repository, resolve against the file’s folder', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'conf'));
    await writeFile(join(dir, 'conf', 'lanes.yml'), LANES);
    const lanes = await loadLanesFile(join(dir, 'conf', 'lanes.yml'));
    expect(lanes.stateDir).toBe(join(dir, 'conf', '.keel'));
  });
});
