/**
 * Artifact stores: the whitelist of what a run directory contributes, the directory store's round trip
 * (including "the artifact of an earlier workflow run"), the secret check, the validation on the way back
 * in, and the Actions store over a fake `@actions/artifact` client — names, files, staging and `findBy`.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  artifactName,
  collectStateFiles,
  createActionsArtifactStore,
  createDirectoryArtifactStore,
  selectArtifactStore,
  type ArtifactClientLike,
} from '../../src/durable/artifacts/artifacts.ts';
import { findSecret } from '../../src/base/secrets.ts';
import { buildManifest } from '../../src/run/manifest.ts';
import { emptyMetrics } from '../../src/run/metrics.ts';
import type { RunState } from '../../src/run/state.ts';
import { TaskStateStore } from '../../src/run/state-store.ts';
import { makeState } from '../run/fixtures/states.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'keel-artifacts-')));
  dirs.push(dir);
  return dir;
}

const WHITELISTED = [
  'effects/comments/1.json',
  'effects/issues/2.json',
  'effects/pulls/3.json',
  'events.1.ndjson',
  'events.ndjson',
  'manifest.json',
  'metrics.json',
  'recovery.md',
  'state.json',
];

/** A run directory as a run leaves it, with everything that must not be uploaded beside the state. */
function runDir(state: RunState, root = tempDir()): string {
  const dir = join(root, 'runs', state.runId);
  const put = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('state.json', `${JSON.stringify(state)}\n`);
  put('manifest.json', `${JSON.stringify(buildManifest(state))}\n`);
  put('metrics.json', `${JSON.stringify(emptyMetrics())}\n`);
  put('events.ndjson', '{"at":1,"type":"step_done"}\n');
  put('events.1.ndjson', '{"at":0,"type":"run_started"}\n');
  put('recovery.md', '# Recovery\n');
  put('effects/comments/1.json', '{"number":1}\n');
  put('effects/issues/2.json', '{"number":2}\n');
  put('effects/pulls/3.json', '{"number":3}\n');
  // Not state:
  put('state.lock', '{"pid":1}');
  put('.heartbeat', '{"pid":1,"at":1}');
  put('state.json.123-abcdefabcdef.tmp', 'half');
  put('state.json.corrupt-17', 'junk');
  put('effects/.lock', 'x');
  put('effects/issues/4.json.123-abcdefabcdef.tmp', 'half');
  put('worktree/src/app.ts', 'export {}');
  put('notes.txt', 'private');
  symlinkSync('/etc/hostname', join(dir, 'events.2.ndjson'));
  symlinkSync(join(dir, 'worktree'), join(dir, 'effects', 'pulls', '9.json'));
  return dir;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

const state = (runId: string, at: number, label = runId): RunState => makeState(label, { runId, at });

describe('collectStateFiles', () => {
  it('lists the whitelisted files only: no locks, temp files, heartbeat, worktree or symlinks', async () => {
    expect(await collectStateFiles(runDir(state('r1', 1_000)))).toEqual(WHITELISTED);
  });

  it('gives nothing for a missing directory', async () => {
    expect(await collectStateFiles(join(tempDir(), 'nope'))).toEqual([]);
  });
});

describe('findSecret', () => {
  it('finds a secret raw or JSON-escaped, and ignores values too short to be one', () => {
    const secret = 'pa"ss\\word-123';
    expect(findSecret(`{"k":${JSON.stringify(secret)}}`, ['abc', secret])).toBe(2);
    expect(findSecret(`raw ${secret}`, [secret])).toBe(1);
    expect(findSecret('abc abc', ['abc', ''])).toBeUndefined();
  });
});

describe('the directory store', () => {
  it('round-trips a run directory into a fresh state directory, whitelisted files only', async () => {
    const s = state('r1', 1_000);
    const source = runDir(s);
    const store = createDirectoryArtifactStore(tempDir(), { workflowRunId: 41 });
    const uploaded = await store.upload(artifactName('r1'), source, await collectStateFiles(source));
    expect(uploaded).toEqual({ ok: true, skipped: [] });
    expect(filesUnder(join(store.where, '41', 'keel-state-r1'))).toEqual(WHITELISTED);

    const into = join(tempDir(), 'runs', 'r1');
    const downloaded = await store.download('keel-state-r1', into);
    expect(downloaded).toMatchObject({ ok: true, kept: false, skipped: [] });
    expect(filesUnder(into)).toEqual(WHITELISTED);
    expect(readFileSync(join(into, 'events.ndjson'), 'utf8')).toBe('{"at":1,"type":"step_done"}\n');
    expect(await new TaskStateStore({ runDir: into }).load()).toEqual({ state: s });
  });

  it('skips requested files that are not state and never reads outside the root', async () => {
    const source = runDir(state('r1', 1_000));
    const store = createDirectoryArtifactStore(tempDir());
    const asked = [
      'state.json',
      'state.lock',
      '.heartbeat',
      'worktree/src/app.ts',
      '../../../etc/passwd',
      '/etc/passwd',
      'events.2.ndjson',
      'effects/pulls/9.json',
    ];
    const uploaded = await store.upload('keel-state-r1', source, asked);
    expect(uploaded).toEqual({
      ok: true,
      skipped: [
        { path: 'state.lock', reason: 'not a state file' },
        { path: '.heartbeat', reason: 'not a state file' },
        { path: 'worktree/src/app.ts', reason: 'not a state file' },
        { path: '../../../etc/passwd', reason: 'not a state file' },
        { path: '/etc/passwd', reason: 'not a state file' },
        { path: 'events.2.ndjson', reason: 'not a regular file' },
        { path: 'effects/pulls/9.json', reason: 'not a regular file' },
      ],
    });
    expect(filesUnder(join(store.where, 'local', 'keel-state-r1'))).toEqual(['state.json']);
  });

  it('refuses an upload with a configured secret in any file, and writes nothing', async () => {
    const canary = 'canary-0b1c2d3e4f5a6978';
    const source = runDir(state('r1', 1_000));
    writeFileSync(join(source, 'events.ndjson'), `{"type":"oops","detail":"key ${canary}"}\n`);
    const store = createDirectoryArtifactStore(tempDir(), { secrets: [canary] });
    const uploaded = await store.upload('keel-state-r1', source, await collectStateFiles(source));
    expect(uploaded).toEqual({
      ok: false,
      reason: 'events.ndjson contains configured secret #1: refusing to copy it off the runner',
    });
    expect(existsSync(store.where) ? filesUnder(store.where) : []).toEqual([]);
  });

  it('replaces an earlier upload of the same name as a whole', async () => {
    const store = createDirectoryArtifactStore(tempDir());
    const first = runDir(state('r1', 1_000));
    await store.upload('keel-state-r1', first, await collectStateFiles(first));
    const second = runDir(state('r1', 2_000));
    rmSync(join(second, 'events.1.ndjson'));
    await store.upload('keel-state-r1', second, await collectStateFiles(second));
    const stored = join(store.where, 'local', 'keel-state-r1');
    expect(filesUnder(stored)).toEqual(WHITELISTED.filter((f) => f !== 'events.1.ndjson'));
    expect((JSON.parse(readFileSync(join(stored, 'state.json'), 'utf8')) as RunState).updatedAt).toBe(2_000);
    expect(readdirSync(join(store.where, 'local'))).toEqual(['keel-state-r1']);
  });

  it('downloads the artifact of an earlier workflow run only when asked for it', async () => {
    const shared = tempDir();
    const earlier = createDirectoryArtifactStore(shared, { workflowRunId: 100 });
    const source = runDir(state('r1', 1_000));
    await earlier.upload('keel-state-r1', source, await collectStateFiles(source));
    const now = createDirectoryArtifactStore(shared, { workflowRunId: 101 });
    const into = join(tempDir(), 'runs', 'r1');
    expect(await now.download('keel-state-r1', into)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^no artifact keel-state-r1 in .*101$/) as unknown,
    });
    expect(await now.download('keel-state-r1', into, { workflowRunId: 100 })).toMatchObject({ ok: true });
    expect(existsSync(join(into, 'state.json'))).toBe(true);
  });

  it('keeps a newer local checkpoint, and refuses a download whose checkpoint is bad', async () => {
    const store = createDirectoryArtifactStore(tempDir());
    const source = runDir(state('r1', 1_000));
    await store.upload('keel-state-r1', source, await collectStateFiles(source));

    const local = runDir(state('r1', 5_000, 'local'));
    expect(await store.download('keel-state-r1', local)).toEqual({
      ok: true,
      restored: [],
      kept: true,
      skipped: [],
    });
    expect((await new TaskStateStore({ runDir: local }).load()).state?.task.text).toBe('task local');

    writeFileSync(
      join(store.where, 'local', 'keel-state-r1', 'state.json'),
      JSON.stringify(state('other', 9_000)),
    );
    const fresh = join(tempDir(), 'runs', 'r1');
    expect(await store.download('keel-state-r1', fresh)).toEqual({
      ok: false,
      reason: 'artifact keel-state-r1/state.json: belongs to run other, not r1',
    });
    expect(existsSync(fresh)).toBe(false);
  });

  it('carries a fan-out coder result, which is not a checkpoint, through the same secret check', async () => {
    const store = createDirectoryArtifactStore(tempDir(), {
      workflowRunId: 41,
      secrets: ['sk-result-canary-0123'],
    });
    const source = tempDir();
    writeFileSync(join(source, 'result.json'), '{"ok":true}');
    expect(await store.uploadResult('keel-code-r1-a', source, ['result.json'])).toEqual({
      ok: true,
      skipped: [],
    });
    const into = join(tempDir(), 'a');
    expect(await store.downloadResult('keel-code-r1-a', into)).toEqual({
      ok: true,
      restored: ['result.json'],
    });
    expect(readFileSync(join(into, 'result.json'), 'utf8')).toBe('{"ok":true}');
    // `upload` (state) would refuse it: no state.json.
    expect(await store.upload('keel-code-r1-c', source, ['result.json'])).toMatchObject({ ok: false });
    writeFileSync(join(source, 'result.json'), '{"key":"sk-result-canary-0123"}');
    expect(await store.uploadResult('keel-code-r1-b', source, ['result.json'])).toMatchObject({ ok: false });
    expect(await store.downloadResult('keel-code-r1-b', tempDir())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^no artifact keel-code-r1-b in /) as unknown,
    });
  });

  it('rejects artifact names that could escape its directory', async () => {
    const store = createDirectoryArtifactStore(tempDir());
    const source = runDir(state('r1', 1_000));
    for (const name of ['../x', '.hidden', 'a/b', '']) {
      expect(await store.upload(name, source, ['state.json'])).toMatchObject({ ok: false });
      expect(await store.download(name, tempDir())).toMatchObject({ ok: false });
    }
  });
});

describe('selectArtifactStore', () => {
  const base = { token: 't', owner: 'o', repo: 'r' };

  it('uses the Actions service when the job has its runtime credentials', () => {
    const store = selectArtifactStore(
      { ACTIONS_RUNTIME_TOKEN: 'x', ACTIONS_RESULTS_URL: 'https://r/' },
      base,
    );
    expect(store).toMatchObject({ kind: 'actions', where: 'o/r' });
  });

  it('falls back to a directory: the one given, KEEL_ARTIFACT_DIR, or RUNNER_TEMP', () => {
    expect(selectArtifactStore({ ACTIONS_RUNTIME_TOKEN: 'x' }, { ...base, dir: '/a' })).toMatchObject({
      kind: 'directory',
      where: '/a',
    });
    expect(selectArtifactStore({ KEEL_ARTIFACT_DIR: '/b' }, base)).toMatchObject({ where: '/b' });
    expect(selectArtifactStore({ RUNNER_TEMP: '/c' }, base)).toMatchObject({ where: '/c/keel-artifacts' });
    expect(selectArtifactStore({}, { ...base, runnerTemp: '/d' })).toMatchObject({
      where: '/d/keel-artifacts',
    });
  });
});

describe('the Actions store (fake client)', () => {
  interface Call {
    method: string;
    args: unknown[];
  }

  /** Records every call; uploads are kept (name → relative path → content) so downloads can serve them. */
  function fakeClient(options: { conflictOnce?: boolean; hang?: boolean } = {}) {
    const calls: Call[] = [];
    const stored = new Map<string, Map<string, string>>();
    let conflict = options.conflictOnce === true;
    const client: ArtifactClientLike = {
      uploadArtifact: async (name, files, rootDirectory, opts) => {
        calls.push({ method: 'uploadArtifact', args: [name, files, rootDirectory, opts] });
        if (options.hang) return new Promise(() => undefined);
        if (conflict) {
          conflict = false;
          throw new Error('Failed request: (409) Conflict: an artifact with this name already exists');
        }
        stored.set(name, new Map(files.map((f) => [relative(rootDirectory, f), readFileSync(f, 'utf8')])));
        return { id: 77, size: 1 };
      },
      deleteArtifact: async (name, opts) => {
        calls.push({ method: 'deleteArtifact', args: [name, opts] });
        stored.delete(name);
        return { id: 77 };
      },
      getArtifact: async (name, opts) => {
        calls.push({ method: 'getArtifact', args: [name, opts] });
        if (!stored.has(name)) throw new Error(`Artifact not found for name: ${name}`);
        // What the service lists: the digest computed at upload (`sha256:<hex>`, upstream-github.md §4).
        return { artifact: { name, id: 77, size: 1, digest: 'sha256:listed' } };
      },
      downloadArtifact: async (id, opts) => {
        calls.push({ method: 'downloadArtifact', args: [id, opts] });
        const files = [...stored.values()][0]!;
        for (const [path, text] of files) {
          mkdirSync(join(opts!.path!, path, '..'), { recursive: true });
          writeFileSync(join(opts!.path!, path), text);
        }
        // What a hostile or buggy zip could add: never installed.
        writeFileSync(join(opts!.path!, 'evil.sh'), 'rm -rf /');
        return { downloadPath: opts!.path!, digestMismatch: opts?.expectedHash !== 'sha256:listed' };
      },
    };
    return { client, calls, stored };
  }

  const options = (client: ArtifactClientLike, extra = {}) => ({
    token: 'gh-token',
    owner: 'acme',
    repo: 'widgets',
    client,
    tempDir: tempDir(),
    ...extra,
  });

  it('uploads the whitelisted files from a checked staging copy under keel-state-<runId>', async () => {
    const fake = fakeClient();
    const store = createActionsArtifactStore(options(fake.client, { retentionDays: 7 }));
    const source = runDir(state('r1', 1_000));
    const result = await store.upload(artifactName('r1'), source, await collectStateFiles(source));
    expect(result).toEqual({ ok: true, id: 77, skipped: [] });
    expect(fake.calls.map((c) => c.method)).toEqual(['uploadArtifact']);
    const [name, files, root, opts] = fake.calls[0]!.args as [string, string[], string, unknown];
    expect(name).toBe('keel-state-r1');
    expect(opts).toEqual({ retentionDays: 7 });
    expect(root.startsWith(source)).toBe(false); // never the run directory itself
    expect(files.map((f) => relative(root, f)).sort()).toEqual(WHITELISTED);
    expect(fake.stored.get('keel-state-r1')?.get('recovery.md')).toBe('# Recovery\n');
    expect(existsSync(root)).toBe(false); // staging removed
  });

  it('replaces an artifact uploaded earlier in the same workflow run', async () => {
    const fake = fakeClient({ conflictOnce: true });
    const store = createActionsArtifactStore(options(fake.client));
    const source = runDir(state('r1', 1_000));
    expect(await store.upload('keel-state-r1', source, ['state.json'])).toMatchObject({ ok: true, id: 77 });
    expect(fake.calls.map((c) => c.method)).toEqual(['uploadArtifact', 'deleteArtifact', 'uploadArtifact']);
  });

  it('refuses to upload a file with a configured secret, without calling the service', async () => {
    const fake = fakeClient();
    const canary = 'canary-1234567890abcdef';
    const store = createActionsArtifactStore(options(fake.client, { secrets: [canary] }));
    const source = runDir(state('r1', 1_000));
    writeFileSync(join(source, 'recovery.md'), `token ${canary}`);
    const result = await store.upload('keel-state-r1', source, await collectStateFiles(source));
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/recovery\.md contains configured secret #1/) as unknown,
    });
    expect(JSON.stringify(result)).not.toContain(canary);
    expect(fake.calls).toEqual([]);
  });

  it('downloads from the current run without findBy, and from an earlier run with it', async () => {
    const fake = fakeClient();
    const store = createActionsArtifactStore(options(fake.client));
    const s = state('r1', 1_000);
    const source = runDir(s);
    await store.upload('keel-state-r1', source, await collectStateFiles(source));

    const here = join(tempDir(), 'runs', 'r1');
    expect(await store.download('keel-state-r1', here)).toMatchObject({ ok: true, kept: false });
    expect(fake.calls[1]).toEqual({ method: 'getArtifact', args: ['keel-state-r1', undefined] });
    expect(fake.calls[2]?.method).toBe('downloadArtifact');
    expect(fake.calls[2]?.args[0]).toBe(77);
    expect(fake.calls[2]?.args[1]).toEqual({
      path: expect.any(String) as unknown,
      expectedHash: 'sha256:listed',
    });
    expect(filesUnder(here)).toEqual(WHITELISTED); // no evil.sh
    expect(await new TaskStateStore({ runDir: here }).load()).toEqual({ state: s });

    const there = join(tempDir(), 'runs', 'r1');
    expect(await store.download('keel-state-r1', there, { workflowRunId: 9001 })).toMatchObject({ ok: true });
    const findBy = {
      token: 'gh-token',
      workflowRunId: 9001,
      repositoryOwner: 'acme',
      repositoryName: 'widgets',
    };
    expect(fake.calls[3]).toEqual({ method: 'getArtifact', args: ['keel-state-r1', { findBy }] });
    expect(fake.calls[4]?.args[1]).toMatchObject({ findBy });
  });

  it('reports a missing artifact', async () => {
    const fake = fakeClient();
    const store = createActionsArtifactStore(options(fake.client));
    expect(await store.download('keel-state-nope', tempDir(), { workflowRunId: 5 })).toEqual({
      ok: false,
      reason: 'no artifact keel-state-nope in workflow run 5: Artifact not found for name: keel-state-nope',
    });
  });

  it('carries a fan-out coder result: flat JSON files, no checkpoint rules, secrets still refused', async () => {
    const fake = fakeClient();
    const store = createActionsArtifactStore(options(fake.client, { secrets: ['sk-result-canary-0123'] }));
    const source = tempDir();
    writeFileSync(join(source, 'result.json'), '{"ok":true}');
    writeFileSync(join(source, 'notes.txt'), 'not a result');
    expect(await store.uploadResult('keel-code-r1-a', source, ['result.json', 'notes.txt'])).toEqual({
      ok: true,
      id: 77,
      skipped: [{ path: 'notes.txt', reason: 'not a result file' }],
    });
    const into = join(tempDir(), 'a');
    expect(await store.downloadResult('keel-code-r1-a', into)).toEqual({
      ok: true,
      restored: ['result.json'],
    });
    expect(readdirSync(into)).toEqual(['result.json']); // not the zip's evil.sh
    writeFileSync(join(source, 'result.json'), '{"key":"sk-result-canary-0123"}');
    expect(await store.uploadResult('keel-code-r1-b', source, ['result.json'])).toMatchObject({ ok: false });
    expect(await store.downloadResult('keel-code-r1-b', tempDir())).toMatchObject({ ok: false });
  });

  it('gives up on a service that never answers', async () => {
    const fake = fakeClient({ hang: true });
    const store = createActionsArtifactStore(options(fake.client, { timeoutMs: 300 }));
    const source = runDir(state('r1', 1_000));
    expect(await store.upload('keel-state-r1', source, ['state.json'])).toEqual({
      ok: false,
      reason: 'upload of artifact keel-state-r1: gave up after 300 ms',
    });
  });
});
