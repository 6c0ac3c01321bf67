/**
 * The state branch against a local bare repository as `origin`, cloned twice to play two runners: what one
 * pushes the other restores; concurrent pushes both land without a force; nothing of the user's checkout
 * moves; a hanging remote, a secret, a bad run id and garbage on the branch all end in a reason.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFleetStateFile, type FleetState } from '../../src/fleet/fleet-state.ts';
import type { Git } from '../../src/git/git-runner.ts';
import { buildManifest } from '../../src/run/manifest.ts';
import { emptyMetrics } from '../../src/run/metrics.ts';
import type { RunState } from '../../src/run/state.ts';
import { TaskStateStore } from '../../src/run/state-store.ts';
import {
  fetchCheckpoint,
  listBranchRuns,
  pushCheckpoint,
  type StateBranchEvent,
  type StateBranchOptions,
} from '../../src/durable/state-branch/state-branch.ts';
import { initRepo, removeTempDirs, sh, tempDir, testGit, type TestGit } from '../git/helpers.ts';
import { makeState } from '../run/fixtures/states.ts';

afterAll(removeTempDirs);

interface Runner {
  repo: string;
  stateDir: string;
  t: TestGit;
  events: StateBranchEvent[];
  opts: StateBranchOptions;
}

interface Scene {
  remote: string;
  a: Runner;
  b: Runner;
  runner: (git?: Git) => Runner;
}

/** A bare `origin` with `main`, the user's checkout (`a`) and a second runner's clone (`b`). */
function scene(): Scene {
  const remote = join(tempDir(), 'remote.git');
  sh(tempDir(), 'init', '--quiet', '--bare', '-b', 'main', remote);
  // Bare repositories keep no reflog by default; the no-force checks read it.
  sh(remote, 'config', 'core.logAllRefUpdates', 'always');
  const repo = initRepo();
  sh(repo, 'remote', 'add', 'origin', remote);
  sh(repo, 'push', '--quiet', 'origin', 'main');
  const runner = (git?: Git, at?: string): Runner => {
    let dir = at;
    if (dir === undefined) {
      dir = join(tempDir(), 'clone');
      sh(tempDir(), 'clone', '--quiet', remote, dir);
    }
    const t = testGit();
    const events: StateBranchEvent[] = [];
    const stateDir = join(tempDir(), 'state'); // outside the checkout, as RUNNER_TEMP would be
    return {
      repo: dir,
      stateDir,
      t,
      events,
      opts: { git: git ?? t.git, repoRoot: dir, log: (e) => events.push(e), timeoutMs: 15_000 },
    };
  };
  return { remote, a: runner(undefined, repo), b: runner(), runner: (git) => runner(git) };
}

const FLEET: FleetState = { version: 1, savedAt: 5_000, breakers: {}, cooldowns: {} };

/** A run directory as the run leaves it: checkpoint, manifest, metrics, plus files that must not travel. */
function writeRun(stateDir: string, state: RunState): string {
  const runDir = join(stateDir, 'runs', state.runId);
  mkdirSync(join(runDir, 'effects', 'issues'), { recursive: true });
  writeFileSync(join(runDir, 'state.json'), `${JSON.stringify(state)}\n`);
  writeFileSync(join(runDir, 'manifest.json'), `${JSON.stringify(buildManifest(state))}\n`);
  writeFileSync(join(runDir, 'metrics.json'), `${JSON.stringify(emptyMetrics())}\n`);
  writeFileSync(join(runDir, 'events.ndjson'), '{"type":"x"}\n');
  writeFileSync(join(runDir, 'effects', 'issues', '1.json'), '{}\n');
  writeFileSync(join(runDir, 'state.lock'), 'lock');
  writeFileSync(join(runDir, '.heartbeat'), '{}');
  return runDir;
}

function state(runId: string, at: number, status: RunState['status'] = 'running', label = runId): RunState {
  return { ...makeState(label, { runId, at }), status };
}

async function push(r: Runner, s: RunState, extra: Partial<StateBranchOptions> = {}) {
  const runDir = writeRun(r.stateDir, s);
  const fleetStatePath = join(r.stateDir, 'fleet-state.json');
  if (!existsSync(fleetStatePath)) await writeFleetStateFile(fleetStatePath, FLEET);
  return pushCheckpoint({ ...r.opts, ...extra }, { runId: s.runId, runDir, fleetStatePath });
}

const branchFiles = (remote: string): string[] =>
  sh(remote, 'ls-tree', '-r', '--name-only', 'keel/state').split('\n').sort();

const commitCount = (remote: string): number => Number(sh(remote, 'rev-list', '--count', 'keel/state'));

const isAncestor = (repo: string, a: string, b: string): boolean => {
  try {
    sh(repo, 'merge-base', '--is-ancestor', a, b);
    return true;
  } catch {
    return false;
  }
};

/** Every update of the remote branch was a fast-forward, and no push ever asked for a force. */
function neverForced(remote: string, ...calls: string[][][]): void {
  const log = sh(remote, 'reflog', 'show', '--format=%H', 'refs/heads/keel/state').split('\n').reverse();
  for (let i = 1; i < log.length; i++) expect(isAncestor(remote, log[i - 1]!, log[i]!)).toBe(true);
  for (const args of calls.flat().filter((a) => a.includes('push'))) {
    expect(
      args.some((a) => a === '-f' || a.startsWith('--force') || a.startsWith('+') || a === '--mirror'),
    ).toBe(false);
  }
}

describe('pushCheckpoint and fetchCheckpoint', () => {
  it('pushes a checkpoint that another runner restores and loads', async () => {
    const { remote, a, b } = scene();
    const s = state('r1', 1_000);
    const pushed = await push(a, s);
    expect(pushed).toMatchObject({ ok: true, changed: true, attempts: 1 });
    expect(branchFiles(remote)).toEqual([
      'fleet-state.json',
      'runs/r1/manifest.json',
      'runs/r1/metrics.json',
      'runs/r1/state.json',
    ]);
    expect(sh(remote, 'rev-parse', 'keel/state')).toBe(pushed.ok ? pushed.sha : '');
    expect(sh(remote, 'log', '-1', '--format=%an %s', 'keel/state')).toBe(
      'keel keel: checkpoint r1 (running)',
    );

    const fetched = await fetchCheckpoint(b.opts, 'r1', { stateDir: b.stateDir });
    expect(fetched).toMatchObject({
      ok: true,
      runId: 'r1',
      kept: false,
      fleetState: 'installed',
      skipped: [],
    });
    const loaded = await new TaskStateStore({ runDir: join(b.stateDir, 'runs', 'r1') }).load();
    expect(loaded).toEqual({ state: s });
    expect(JSON.parse(readFileSync(join(b.stateDir, 'fleet-state.json'), 'utf8'))).toEqual(FLEET);
    // Only the branch's files travelled.
    expect(existsSync(join(b.stateDir, 'runs', 'r1', 'events.ndjson'))).toBe(false);
    expect(existsSync(join(b.stateDir, 'runs', 'r1', 'state.lock'))).toBe(false);
  });

  it('makes no commit when nothing changed, and a new one on top when something did', async () => {
    const { remote, a } = scene();
    const first = await push(a, state('r1', 1_000));
    const again = await push(a, state('r1', 1_000));
    expect(again).toEqual({
      ok: true,
      sha: first.ok ? first.sha : '',
      changed: false,
      attempts: 1,
      skipped: [],
    });
    expect(commitCount(remote)).toBe(1);
    const next = await push(a, state('r1', 2_000));
    expect(next).toMatchObject({ ok: true, changed: true });
    expect(commitCount(remote)).toBe(2);
    neverForced(remote, a.t.calls);
  });

  it('rebuilds on the new tip when another run pushed first, keeping both runs', async () => {
    const { remote, a, b } = scene();
    // `a`'s first push meets a branch that `b` has just moved: a real non-fast-forward rejection.
    let interleaved = false;
    const racing: Git = {
      run: async (args, opts) => {
        if (args[0] === 'push' && !interleaved) {
          interleaved = true;
          expect(await push(b, state('rb', 1_500))).toMatchObject({ ok: true });
        }
        return a.t.git.run(args, opts);
      },
    };
    const result = await push({ ...a, opts: { ...a.opts, git: racing } }, state('ra', 1_000));
    expect(result).toMatchObject({ ok: true, changed: true, attempts: 2 });
    expect(a.events.some((e) => e.type === 'state_branch_retry')).toBe(true);
    expect(branchFiles(remote).filter((p) => p.startsWith('runs/') && p.endsWith('/state.json'))).toEqual([
      'runs/ra/state.json',
      'runs/rb/state.json',
    ]);
    expect(commitCount(remote)).toBe(2);
    neverForced(remote, a.t.calls, b.t.calls);
  });

  it('lands every push of runs racing from separate clones, without a lost update', async () => {
    const s = scene();
    const runners = [s.a, s.b, s.runner(), s.runner()];
    const results = await Promise.all(
      runners.map(async (r, i) => {
        // Each loss means another push won; 8 pushes in all can beat one pusher at most 7 times.
        const extra = { maxAttempts: 10 };
        return [await push(r, state(`r${i}`, 1_000), extra), await push(r, state(`r${i}`, 2_000), extra)];
      }),
    );
    for (const r of results.flat()) expect(r, JSON.stringify(r)).toMatchObject({ ok: true, changed: true });
    expect(branchFiles(s.remote).filter((p) => p.startsWith('runs/') && p.endsWith('/state.json'))).toEqual(
      runners.map((_, i) => `runs/r${i}/state.json`),
    );
    for (let i = 0; i < runners.length; i++) {
      const onBranch = JSON.parse(sh(s.remote, 'show', `keel/state:runs/r${i}/state.json`)) as RunState;
      expect(onBranch.updatedAt).toBe(2_000);
    }
    expect(commitCount(s.remote)).toBe(8);
    neverForced(s.remote, ...runners.map((r) => r.t.calls));
  });

  it("never touches the user's working tree, index or HEAD", async () => {
    const { a } = scene();
    writeFileSync(join(a.repo, 'README.md'), '# staged change\n');
    sh(a.repo, 'add', 'README.md');
    writeFileSync(join(a.repo, 'src', 'app.txt'), 'unstaged change\n');
    writeFileSync(join(a.repo, 'untracked.txt'), 'new\n');
    sh(a.repo, 'checkout', '--quiet', '-b', 'feature'); // carries the changes along
    const index = readFileSync(join(a.repo, '.git', 'index'));
    const userRefs = (): string =>
      sh(a.repo, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads', 'refs/tags');
    const before = {
      head: sh(a.repo, 'symbolic-ref', 'HEAD'),
      sha: sh(a.repo, 'rev-parse', 'HEAD'),
      refs: userRefs(),
    };

    expect(await push(a, state('r1', 1_000))).toMatchObject({ ok: true });
    expect(await push(a, state('r1', 2_000))).toMatchObject({ ok: true });
    expect(await fetchCheckpoint(a.opts, 'r1', { stateDir: tempDir() })).toMatchObject({ ok: true });
    expect(await listBranchRuns(a.opts)).toHaveLength(1);

    expect(readFileSync(join(a.repo, '.git', 'index')).equals(index)).toBe(true);
    expect({
      head: sh(a.repo, 'symbolic-ref', 'HEAD'),
      sha: sh(a.repo, 'rev-parse', 'HEAD'),
      refs: userRefs(),
    }).toEqual(before);
    expect(sh(a.repo, 'status', '--porcelain')).toBe('M  README.md\n M src/app.txt\n?? untracked.txt'.trim());
    expect(sh(a.repo, 'diff', '--cached', '--name-only')).toBe('README.md');
    expect(readFileSync(join(a.repo, 'README.md'), 'utf8')).toBe('# staged change\n');
    expect(existsSync(join(a.repo, '.git', 'FETCH_HEAD'))).toBe(false);
    for (const args of a.t.calls) {
      for (const forbidden of [
        'checkout',
        'switch',
        'reset',
        'add',
        'commit',
        'stash',
        'update-index',
        'read-tree',
      ]) {
        expect(args).not.toContain(forbidden);
      }
    }
  });

  it('keeps the branch copy of a run when it is newer than the one pushed', async () => {
    const { remote, a, b } = scene();
    expect(await push(a, state('r1', 2_000))).toMatchObject({ ok: true, changed: true });
    const stale = await push(b, state('r1', 1_000, 'interrupted'));
    expect(stale).toMatchObject({ ok: true, changed: false });
    expect((JSON.parse(sh(remote, 'show', 'keel/state:runs/r1/state.json')) as RunState).updatedAt).toBe(
      2_000,
    );
    expect(b.events).toContainEqual({
      type: 'state_branch_skipped',
      path: 'runs/r1',
      reason: 'the branch has a newer checkpoint of this run',
    });
  });

  it('keeps the newer fleet state on either side', async () => {
    const { remote, a, b } = scene();
    await writeFleetStateFile(join(a.stateDir, 'fleet-state.json'), { ...FLEET, savedAt: 9_000 });
    await push(a, state('ra', 1_000));
    await writeFleetStateFile(join(b.stateDir, 'fleet-state.json'), { ...FLEET, savedAt: 3_000 });
    await push(b, state('rb', 1_000));
    expect((JSON.parse(sh(remote, 'show', 'keel/state:fleet-state.json')) as FleetState).savedAt).toBe(9_000);

    // b's local copy is older: the fetch replaces it. a's is as new: kept.
    expect(await fetchCheckpoint(b.opts, 'ra', { stateDir: b.stateDir })).toMatchObject({
      fleetState: 'installed',
    });
    expect(
      (JSON.parse(readFileSync(join(b.stateDir, 'fleet-state.json'), 'utf8')) as FleetState).savedAt,
    ).toBe(9_000);
    expect(await fetchCheckpoint(a.opts, 'ra', { stateDir: a.stateDir })).toMatchObject({
      ok: true,
      kept: true,
      restored: [],
      fleetState: 'kept',
    });
  });

  it('refuses a push containing a configured secret and says which file, not the secret', async () => {
    const { remote, a } = scene();
    const canary = 'canary-7f3a9b1c2d4e5f60';
    const s = { ...state('r1', 1_000), task: { text: `use ${canary} please`, source: 'test' } };
    const result = await push(a, s, { secrets: ['', 'abc', canary] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/runs\/r1\/state\.json contains configured secret #3/);
    expect(JSON.stringify(result)).not.toContain(canary);
    expect(JSON.stringify(a.events)).not.toContain(canary);
    expect(() => sh(remote, 'rev-parse', '--verify', 'keel/state')).toThrow();
    expect(a.t.calls.filter((c) => c.includes('push'))).toEqual([]);
  });

  it('refuses a push containing anybody’s credential by its shape (issue 12 §2), naming the kind only', async () => {
    const { remote, a } = scene();
    const pat = `github_pat_${'11ABCDEFG0123456789'}_abcdefghij`;
    const s = { ...state('r1', 1_000), task: { text: `deploy with ${pat}`, source: 'test' } };
    const result = await push(a, s, { secrets: [] });
    expect(!result.ok && result.reason).toMatch(
      /runs\/r1\/state\.json contains text shaped like a GitHub token/,
    );
    expect(JSON.stringify(result)).not.toContain(pat);
    expect(() => sh(remote, 'rev-parse', '--verify', 'keel/state')).toThrow();
  });

  it('refuses a run id that is not one, before running git', async () => {
    const { a } = scene();
    const runDir = join(tempDir(), 'run');
    for (const runId of ['../escape', '-rf', '', '.hidden', 'a/b', 'x'.repeat(81)]) {
      const result = await pushCheckpoint(a.opts, { runId, runDir });
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/not a run id/) as unknown });
      expect(await fetchCheckpoint(a.opts, runId, { stateDir: runDir })).toMatchObject({ ok: false });
    }
    expect(a.t.calls).toEqual([]);
  });

  it('refuses a checkpoint that is not valid or belongs to another run', async () => {
    const { a } = scene();
    const runDir = writeRun(a.stateDir, state('r1', 1_000));
    writeFileSync(join(runDir, 'state.json'), '{"version":1}');
    expect(await pushCheckpoint(a.opts, { runId: 'r1', runDir })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a valid checkpoint/) as unknown,
    });
    writeFileSync(join(runDir, 'state.json'), JSON.stringify(state('other', 1_000)));
    expect(await pushCheckpoint(a.opts, { runId: 'r1', runDir })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/belongs to run other/) as unknown,
    });
  });

  it('gives up on a remote that never answers, with a reason', async () => {
    const { a } = scene();
    // A transport that starts and then says nothing: git waits for the server's first line.
    sh(a.repo, 'config', 'protocol.ext.allow', 'always');
    sh(a.repo, 'remote', 'add', 'slow', 'ext::sleep 60');
    const result = await push(a, state('r1', 1_000), { remote: 'slow', timeoutMs: 1_000 });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/gave up|aborted|time/) as unknown,
    });
    const fetched = await fetchCheckpoint({ ...a.opts, remote: 'slow', timeoutMs: 1_000 }, undefined, {
      stateDir: a.stateDir,
    });
    expect(fetched.ok).toBe(false);
  });

  it('returns at its deadline even when git itself never returns', async () => {
    const { a } = scene();
    const stuck: Git = {
      run: (args, opts) => (args[0] === 'push' ? new Promise(() => undefined) : a.t.git.run(args, opts)),
    };
    const result = await push(a, state('r1', 1_000), { git: stuck, timeoutMs: 1_000 });
    expect(result).toEqual({ ok: false, reason: 'push to keel/state: gave up after 1000 ms' });
    expect(a.events.at(-1)).toMatchObject({ type: 'state_branch_failed', operation: 'push' });
  });

  it('works from a shallow checkout, as actions/checkout makes by default', async () => {
    const s = scene();
    expect(await push(s.a, state('r1', 1_000))).toMatchObject({ ok: true });
    const shallow = join(tempDir(), 'shallow');
    sh(tempDir(), 'clone', '--quiet', '--depth', '1', `file://${s.remote}`, shallow);
    const r = s.runner();
    const opts = { ...r.opts, repoRoot: shallow };
    expect(await fetchCheckpoint(opts, 'r1', { stateDir: r.stateDir })).toMatchObject({ ok: true });
    const runDir = writeRun(r.stateDir, state('r2', 2_000));
    expect(await pushCheckpoint(opts, { runId: 'r2', runDir })).toMatchObject({ ok: true, changed: true });
    expect(branchFiles(s.remote).filter((p) => p.startsWith('runs/') && p.endsWith('/state.json'))).toEqual([
      'runs/r1/state.json',
      'runs/r2/state.json',
    ]);
  });

  it('says so when there is no state branch yet', async () => {
    const { b } = scene();
    expect(await fetchCheckpoint(b.opts, undefined, { stateDir: b.stateDir })).toEqual({
      ok: false,
      reason: 'no branch keel/state on origin',
      skipped: [],
    });
    expect(await listBranchRuns(b.opts)).toEqual([]);
  });
});

describe('choosing what to restore', () => {
  it('picks the newest unfinished run', async () => {
    const { a, b } = scene();
    await push(a, state('r-old', 1_000, 'interrupted'));
    await push(a, state('r-done', 3_000, 'completed'));
    await push(a, state('r-new', 2_000, 'running'));
    await push(a, state('r-failed', 4_000, 'failed'));
    expect(await listBranchRuns(b.opts)).toEqual([
      { runId: 'r-failed', status: 'failed', updatedAt: 4_000 },
      { runId: 'r-done', status: 'completed', updatedAt: 3_000 },
      { runId: 'r-new', status: 'running', updatedAt: 2_000 },
      { runId: 'r-old', status: 'interrupted', updatedAt: 1_000 },
    ]);
    const fetched = await fetchCheckpoint(b.opts, undefined, { stateDir: b.stateDir });
    expect(fetched).toMatchObject({ ok: true, runId: 'r-new' });
    expect(existsSync(join(b.stateDir, 'runs', 'r-old'))).toBe(false);
    expect(existsSync(join(b.stateDir, 'runs', 'r-done'))).toBe(false);
  });

  it('skips garbage on the branch with a reason and restores the next good run', async () => {
    const { remote, a, b } = scene();
    await push(a, state('r-good', 1_000, 'interrupted'));
    // A human (or another tool) commits junk to the branch: a newer "running" manifest over a broken
    // checkpoint, a checkpoint of a different run, a damaged fleet state, and a stray file.
    const human = join(tempDir(), 'human');
    sh(tempDir(), 'clone', '--quiet', '--branch', 'keel/state', remote, human);
    const put = (path: string, text: string): void => {
      mkdirSync(join(human, path, '..'), { recursive: true });
      writeFileSync(join(human, path), text);
    };
    const broken = state('r-broken', 5_000);
    put('runs/r-broken/manifest.json', JSON.stringify(buildManifest(broken)));
    put('runs/r-broken/state.json', '{ not json');
    const foreign = state('r-foreign', 4_000);
    put('runs/r-foreign/manifest.json', JSON.stringify(buildManifest(foreign)));
    put('runs/r-foreign/state.json', JSON.stringify(state('someone-else', 4_000)));
    put('fleet-state.json', '{"version":2}');
    put('notes.txt', 'hello');
    sh(human, 'add', '-A');
    sh(human, 'commit', '--quiet', '-m', 'junk');
    sh(human, 'push', '--quiet', 'origin', 'keel/state');

    const fetched = await fetchCheckpoint(b.opts, undefined, { stateDir: b.stateDir });
    expect(fetched).toMatchObject({ ok: true, runId: 'r-good', fleetState: 'skipped' });
    const skipped = fetched.ok ? fetched.skipped : [];
    expect(skipped).toEqual([
      {
        path: 'fleet-state.json',
        reason: expect.stringMatching(/keel\/state:fleet-state.json: version/) as unknown,
      },
      { path: 'runs/r-broken', reason: 'keel/state:runs/r-broken/state.json: not JSON' },
      { path: 'runs/r-foreign', reason: expect.stringMatching(/belongs to run someone-else/) as unknown },
    ]);
    expect(existsSync(join(b.stateDir, 'runs', 'r-broken'))).toBe(false);
    expect(existsSync(join(b.stateDir, 'fleet-state.json'))).toBe(false);

    const named = await fetchCheckpoint(b.opts, 'r-broken', { stateDir: b.stateDir });
    expect(named).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/r-broken\/state.json: not JSON/) as unknown,
    });

    // Pushing again keeps the foreign files exactly as they were: they are not ours to change.
    expect(await push(a, state('r-good', 2_000, 'interrupted'))).toMatchObject({ ok: true, changed: true });
    expect(sh(remote, 'show', 'keel/state:notes.txt')).toBe('hello');
    expect(sh(remote, 'show', 'keel/state:runs/r-broken/state.json')).toBe('{ not json');
    expect(sh(remote, 'show', 'keel/state:fleet-state.json')).toContain('"savedAt":5000');
  });

  it('keeps a local checkpoint that is newer than the branch copy', async () => {
    const { a, b } = scene();
    await push(a, state('r1', 1_000));
    writeRun(b.stateDir, state('r1', 9_000, 'running', 'local'));
    const fetched = await fetchCheckpoint(b.opts, 'r1', { stateDir: b.stateDir });
    expect(fetched).toMatchObject({ ok: true, kept: true, restored: [] });
    const loaded = await new TaskStateStore({ runDir: join(b.stateDir, 'runs', 'r1') }).load();
    expect(loaded.state?.task.text).toBe('task local');
  });

  it('sets a corrupt local checkpoint aside instead of overwriting it', async () => {
    const { a, b } = scene();
    await push(a, state('r1', 1_000));
    const runDir = join(b.stateDir, 'runs', 'r1');
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'state.json'), '{ half a checkpo');
    expect(await fetchCheckpoint(b.opts, 'r1', { stateDir: b.stateDir })).toMatchObject({
      ok: true,
      kept: false,
    });
    expect(readdirSync(runDir).some((n) => n.startsWith('state.json.corrupt-'))).toBe(true);
    expect((await new TaskStateStore({ runDir }).load()).state?.updatedAt).toBe(1_000);
  });
});
