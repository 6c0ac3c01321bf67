/**
 * Where a lanes file's relative paths point (issue 11 §8): at the repository's root, wherever the file sits —
 * `.github/keel-lanes.yml` with `stateDir: .keel` is the root's `.keel`, as the Action's — and at the file's
 * own folder outside a repository.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaCommand } from '../../src/cli/schema-command.ts';
import { runCli } from '../../src/cli/index.ts';
import { checkLaneEndpoints, loadLanesFile } from '../../src/lanes/lanes-file.ts';
import { captureIO } from '../helpers/cli-io.ts';

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

describe('keel schema lanes', () => {
  it('prints the lanes file’s JSON Schema: what a lane needs, what has a default', async () => {
    const { io, stdout } = captureIO();
    expect(await schemaCommand(['lanes'], io)).toBe(0);
    const schema = JSON.parse(stdout()) as {
      $id: string;
      required: string[];
      properties: { lanes: { items: { required: string[]; properties: Record<string, unknown> } } };
    };
    expect(schema.$id).toBe('urn:keel:lanes:v1');
    expect(schema.required).toEqual(['version', 'lanes']);
    const lane = schema.properties.lanes.items;
    expect(lane.required).toEqual(['name', 'queueFile', 'queueStateFile']);
    expect(Object.keys(lane.properties)).toEqual(
      expect.arrayContaining(['endpoints', 'kind', 'persistent', 'workflow', 'concurrency']),
    );
  });

  it('names an unknown schema as a usage error', async () => {
    await expect(schemaCommand(['lane'], captureIO().io)).rejects.toThrow(
      /unknown schema "lane" \(config or lanes\)/,
    );
  });
});

describe('a lane’s endpoints', () => {
  it('must be declared in keel.yml: a typo is a configuration error naming the lane and the choices', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.git'));
    await writeFile(join(root, 'lanes.yml'), `${LANES}    endpoints: [lan-a, olama]\n`);
    const lanes = await loadLanesFile(join(root, 'lanes.yml'));
    expect(() => checkLaneEndpoints('lanes.yml', lanes, ['lan-a', 'ollama', 'openai'])).toThrow(
      'lanes.yml: lanes.0.endpoints.1: unknown endpoint "olama" (declared: lan-a, ollama, openai)',
    );
    expect(() => checkLaneEndpoints('lanes.yml', lanes, ['lan-a', 'olama'])).not.toThrow();
  });

  it('keel lane refuses such a lanes file before it claims anything', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.git'));
    await writeFile(join(root, 'lanes.yml'), `${LANES}    endpoints: [olama]\n`);
    await writeFile(
      join(root, 'keel.yml'),
      'version: 1\nendpoints:\n  - { id: ollama, url: "http://127.0.0.1:9/v1", kind: local }\nroles:\n  coder: [ollama/m]\n',
    );
    const { io, stderr } = captureIO({}, root);
    await expect(
      runCli(['lane', '--lanes', 'lanes.yml', '--lane', 'hosted', '--effects', 'local'], io),
    ).rejects.toThrow(/lanes\.yml: lanes\.0\.endpoints\.0: unknown endpoint "olama" \(declared: ollama\)/);
    expect(stderr()).toBe('');
  });
});
