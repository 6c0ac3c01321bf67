/**
 * The run's claim on the state branch (`state-branch-claim.ts`) against a local bare `origin` cloned three
 * times — three runners: of simultaneous claims exactly one wins without a force; a live claim refuses in one
 * line, a released or expired one does not, `take-over` does anyway; the checkpoint push is fenced by it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkRunClaim,
  claimRun,
  releaseRunClaim,
  type BranchClaim,
} from '../../src/durable/state-branch/state-branch-claim.ts';
import { pushCheckpoint, type StateBranchOptions } from '../../src/durable/state-branch/state-branch.ts';
import { buildManifest } from '../../src/run/manifest.ts';
import { initRepo, removeTempDirs, sh, tempDir, testGit } from '../git/helpers.ts';
import { makeState } from '../run/fixtures/states.ts';

afterAll(removeTempDirs);

const NOW = 1_750_000_000_000;

function world(): { remote: string; runners: StateBranchOptions[] } {
  const remote = join(tempDir(), 'remote.git');
  sh(tempDir(), 'init', '--quiet', '--bare', '-b', 'main', remote);
  sh(remote, 'config', 'core.logAllRefUpdates', 'always');
  const seed = initRepo();
  sh(seed, 'remote', 'add', 'origin', remote);
  sh(seed, 'push', '--quiet', 'origin', 'main');
  const runners = [0, 1, 2].map(() => {
    const dir = join(tempDir(), 'clone');
    sh(tempDir(), 'clone', '--quiet', remote, dir);
    return { git: testGit().git, repoRoot: dir, timeoutMs: 15_000 } satisfies StateBranchOptions;
  });
  return { remote, runners };
}

const branchClaim = (remote: string, runId: string): BranchClaim =>
  JSON.parse(sh(remote, 'show', `keel/state:runs/${runId}/lease.json`)) as BranchClaim;

function claim(
  o: StateBranchOptions,
  holder: string,
  extra: { now?: number; takeOver?: boolean; ttlMs?: number } = {},
) {
  return claimRun(o, {
    runId: 'r1',
    holder,
    now: extra.now ?? NOW,
    ttlMs: extra.ttlMs ?? 60_000,
    takeOver: extra.takeOver ?? false,
  });
}

/** Every update of the branch on the remote was a fast-forward. */
function fastForwardsOnly(remote: string): void {
  const log = sh(remote, 'reflog', 'show', '--format=%H', 'refs/heads/keel/state').split('\n').reverse();
  for (let i = 1; i < log.length; i++) sh(remote, 'merge-base', '--is-ancestor', log[i - 1]!, log[i]!);
}

describe('claiming a run on the state branch', () => {
  it('three runners claiming at once: exactly one wins, the others are told who holds it; never forced', async () => {
    const { remote, runners } = world();
    const results = await Promise.all(runners.map((o, i) => claim(o, `job ${i}`)));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const held = results.filter((r) => !r.ok && r.held !== undefined);
    expect(held).toHaveLength(2);
    const winner = won[0]!.ok ? won[0]!.claim : undefined;
    for (const r of held) {
      expect(r.ok ? '' : r.reason).toBe(
        `run r1 is being worked on by ${winner!.holder}, claimed 0 s ago (the claim expires in 60 s)`,
      );
    }
    expect(branchClaim(remote, 'r1')).toEqual(winner);
    expect(winner!.generation).toBe(1);
    fastForwardsOnly(remote);
  });

  it('a released claim, an expired one, and take-over: the run is claimed again, one generation up', async () => {
    const { remote, runners } = world();
    const [a, b, c] = runners as [StateBranchOptions, StateBranchOptions, StateBranchOptions];
    const first = await claim(a, 'job a');
    if (!first.ok) throw new Error(first.reason);
    expect(await releaseRunClaim(a, first.claim, NOW + 1_000)).toEqual({ ok: true, released: true });
    const second = await claim(b, 'job b', { now: NOW + 2_000 });
    expect(second).toMatchObject({ ok: true, claim: { generation: 2, holder: 'job b' } });
    // Live: refused. Past its expiry: taken.
    expect(await claim(c, 'job c', { now: NOW + 3_000 })).toMatchObject({
      ok: false,
      held: { holder: 'job b' },
    });
    const third = await claim(c, 'job c', { now: NOW + 2_000 + 60_001 });
    expect(third).toMatchObject({ ok: true, claim: { generation: 3 }, previous: { holder: 'job b' } });
    const forced = await claim(a, 'job a again', { now: NOW + 70_000, takeOver: true });
    expect(forced).toMatchObject({ ok: true, claim: { generation: 4, holder: 'job a again' } });
    expect(branchClaim(remote, 'r1')).toMatchObject({ generation: 4 });
    // Releasing a claim that is no longer ours changes nothing.
    if (!third.ok) throw new Error(third.reason);
    expect(await releaseRunClaim(c, third.claim, NOW + 80_000)).toEqual({ ok: true, released: false });
    expect(await checkRunClaim(c, 'r1', third.claim.token)).toMatchObject({
      state: 'lost',
      current: { generation: 4 },
    });
    fastForwardsOnly(remote);
  });

  it('the checkpoint push is fenced: refused once another runner claimed the run, and releases the claim it pushes with', async () => {
    const { remote, runners } = world();
    const [a, b] = runners as [StateBranchOptions, StateBranchOptions];
    const stateDir = join(tempDir(), 'state');
    const runDir = join(stateDir, 'runs', 'r1');
    mkdirSync(runDir, { recursive: true });
    const s = { ...makeState('r1', { runId: 'r1', at: NOW }), status: 'interrupted' as const };
    writeFileSync(join(runDir, 'state.json'), JSON.stringify(s));
    writeFileSync(join(runDir, 'manifest.json'), JSON.stringify(buildManifest(s)));

    const mine = await claim(a, 'job a');
    if (!mine.ok) throw new Error(mine.reason);
    const pushed = await pushCheckpoint(
      a,
      { runId: 'r1', runDir },
      { claim: mine.claim, releaseAt: NOW + 5 },
    );
    expect(pushed).toMatchObject({ ok: true, changed: true });
    expect(branchClaim(remote, 'r1')).toEqual({ ...mine.claim, releasedAt: NOW + 5 });
    expect(sh(remote, 'ls-tree', '-r', '--name-only', 'keel/state').split('\n')).toContain(
      'runs/r1/state.json',
    );

    // Runner b claims it (released: no wait); runner a, late, must not push over it.
    const theirs = await claim(b, 'job b', { now: NOW + 10 });
    expect(theirs.ok).toBe(true);
    const before = sh(remote, 'rev-parse', 'keel/state');
    writeFileSync(join(runDir, 'state.json'), JSON.stringify({ ...s, updatedAt: NOW + 20 }));
    const late = await pushCheckpoint(a, { runId: 'r1', runDir }, { claim: mine.claim, releaseAt: NOW + 20 });
    expect(late).toMatchObject({ ok: false, lost: { holder: 'job b' } });
    expect(late.ok ? '' : late.reason).toMatch(
      /run r1 was claimed by job b \(generation 2\): this runner's checkpoint is not pushed/,
    );
    expect(sh(remote, 'rev-parse', 'keel/state')).toBe(before);
  });

  it('clocks that jumped: the claim holder’s checkpoint wins over a copy stamped later by a clock ahead', async () => {
    const { remote, runners } = world();
    const [a, b] = runners as [StateBranchOptions, StateBranchOptions];
    const write = (stateDir: string, updatedAt: number): string => {
      const runDir = join(stateDir, 'runs', 'r1');
      mkdirSync(runDir, { recursive: true });
      const s = {
        ...makeState('r1', { runId: 'r1', at: updatedAt }),
        status: 'interrupted' as const,
        updatedAt,
      };
      writeFileSync(join(runDir, 'state.json'), JSON.stringify(s));
      return runDir;
    };
    // Runner a's clock ran an hour ahead when it pushed (no claims then).
    const ahead = write(join(tempDir(), 'state'), Date.now() + 3_600_000);
    expect(await pushCheckpoint(a, { runId: 'r1', runDir: ahead })).toMatchObject({
      ok: true,
      changed: true,
    });
    const now = Date.now();
    const mine = await claimRun(b, { runId: 'r1', holder: 'job b', now, ttlMs: 60_000 });
    if (!mine.ok) throw new Error(mine.reason);
    const behind = write(join(tempDir(), 'state'), now);
    expect(await pushCheckpoint(b, { runId: 'r1', runDir: behind }, { claim: mine.claim })).toMatchObject({
      ok: true,
      changed: true,
    });
    const onBranch = JSON.parse(sh(remote, 'show', 'keel/state:runs/r1/state.json')) as { updatedAt: number };
    expect(onBranch.updatedAt).toBe(now);
  });
});
