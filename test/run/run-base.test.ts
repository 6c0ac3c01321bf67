/**
 * Where a run's work goes (issue 11 §7), whole runs in process against the simulator:
 *
 * - a detached checkout (what actions/checkout leaves for `pull_request` and for a sha) never makes `HEAD`
 *   or a sha the pull request's base: the caller's branch (the Action: the event's), else origin's default
 *   branch, else no pull request at all — each said in the log;
 * - a run on an existing pull request (`/keel run` in its comments) starts at its head, pushes onto its
 *   branch without forcing, and reports that pull request instead of opening one.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateConfigValue } from '../../src/config/load.ts';
import { startRun, type StartRunOptions } from '../../src/run/start-run.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  branchCommits,
  configFor,
  createRunFixture,
  gitSync,
  readEffects,
  startFleet,
  type RunFixture,
} from './helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js.';
let sim: FleetSimulator;
const fixtures: RunFixture[] = [];
beforeAll(async () => {
  sim = await startFleet({ latencyMs: 5 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.cleanup();
});

async function fixture(): Promise<RunFixture> {
  const fx = await createRunFixture(sim);
  fixtures.push(fx);
  return fx;
}

async function run(fx: RunFixture, runId: string, extra: Partial<StartRunOptions> = {}) {
  const lines: string[] = [];
  const result = await startRun({
    config: validateConfigValue(configFor(sim)),
    repo: fx.repo,
    stateDir: fx.stateDir,
    task: TASK,
    runId,
    env: {},
    progress: (line) => lines.push(line),
    processEvents: new EventEmitter(),
    ...extra,
  });
  return { ...result, lines };
}

describe('a detached checkout', () => {
  it('proposes into the branch the caller names, and says so', async () => {
    const fx = await fixture();
    gitSync(fx.repo, 'checkout', '--quiet', '--detach');
    const { state, lines } = await run(fx, 'hinted', {
      baseBranch: { name: 'trunk', why: "the repository's default branch" },
    });
    expect(state.status, lines.join('\n')).toBe('completed');
    expect(state.repo.baseBranch).toBe('trunk');
    expect(state.repo.baseSha).toBe(fx.baseSha);
    expect(lines).toContain(
      `the checkout is a detached HEAD at ${fx.baseSha.slice(0, 12)}: the pull request's base is trunk (the repository's default branch)`,
    );
    const { pulls } = await readEffects(fx, 'hinted');
    expect(pulls.map((p) => [p.head, p.base])).toEqual([['keel/hinted', 'trunk']]);
  }, 30_000);

  it('without a hint: origin’s default branch; without that either, no pull request at all', async () => {
    const fx = await fixture();
    const remote = join(fx.dir, 'origin.git');
    gitSync(fx.dir, 'clone', '--quiet', '--bare', fx.repo, remote);
    gitSync(fx.repo, 'remote', 'add', 'origin', remote);
    gitSync(fx.repo, 'fetch', '--quiet', 'origin');
    gitSync(fx.repo, 'remote', 'set-head', 'origin', 'main');
    gitSync(fx.repo, 'checkout', '--quiet', '--detach');
    const known = await run(fx, 'origin-default', { baseBranch: { name: 'HEAD', why: 'a bad hint' } });
    expect(known.state.repo.baseBranch).toBe('main');
    expect(known.lines.join('\n')).toMatch(/the pull request's base is main \(origin's default branch\)/);

    gitSync(fx.repo, 'remote', 'set-head', 'origin', '--delete');
    const none = await run(fx, 'no-base');
    expect(none.state.status, none.lines.join('\n')).toBe('completed');
    expect(none.state.repo.baseBranch).toBe(fx.baseSha);
    expect(none.lines.join('\n')).toMatch(/no branch is known to propose into/);
    expect(none.lines.join('\n')).toMatch(/publish: no pull request — the run's base is the commit/);
    expect((await readEffects(fx, 'no-base')).pulls).toEqual([]);
    // The work is kept on its branch all the same.
    expect(branchCommits(fx, none.state.repo.workBranch).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('a run on a pull request', () => {
  it('starts at its head, pushes onto its branch, reports it, opens none', async () => {
    const fx = await fixture();
    const remote = join(fx.dir, 'origin.git');
    gitSync(fx.dir, 'clone', '--quiet', '--bare', fx.repo, remote);
    gitSync(fx.repo, 'remote', 'add', 'origin', remote);
    // Someone's pull request: a branch `feature` with one commit, pushed; the checkout stays on main.
    gitSync(fx.repo, 'checkout', '--quiet', '-b', 'feature');
    gitSync(
      fx.repo,
      '-c',
      'user.name=H',
      '-c',
      'user.email=h@x',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'wip',
    );
    const headSha = gitSync(fx.repo, 'rev-parse', 'HEAD');
    gitSync(fx.repo, 'push', '--quiet', 'origin', 'feature');
    gitSync(fx.repo, 'checkout', '--quiet', 'main');
    const url = 'https://github.com/acme/widgets/pull/7';
    const { state, lines } = await run(fx, 'on-pr', {
      pushTo: 'origin',
      pullRequest: { number: 7, url, headBranch: 'feature', headSha, baseBranch: 'main' },
    });
    expect(state.status, lines.join('\n')).toBe('completed');
    expect(state.repo).toMatchObject({ baseSha: headSha, baseBranch: 'main' });
    expect(state.repo.pullRequest).toEqual({ number: 7, url, headBranch: 'feature' });
    // The branch moved forward from the pull request's head (never forced) to keel's work.
    const pushed = gitSync(remote, 'rev-parse', 'refs/heads/feature');
    expect(pushed).toBe(gitSync(fx.repo, 'rev-parse', state.repo.workBranch));
    expect(gitSync(remote, 'merge-base', headSha, pushed)).toBe(headSha);
    expect(gitSync(remote, 'rev-list', '--count', `${headSha}..${pushed}`)).not.toBe('0');
    expect(state.effects.pull_request?.ref).toBe(url);
    expect((await readEffects(fx, 'on-pr')).pulls).toEqual([]);
    expect(lines).toContain(`publish: pushed onto feature, the branch of pull request #7 ${url}`);
    expect(gitSync(remote, 'for-each-ref', '--format=%(refname)', 'refs/heads/keel')).toBe('');
  }, 30_000);

  it('a head that is not in the repository: one line, no run', async () => {
    const fx = await fixture();
    const missing = 'b'.repeat(40);
    await expect(
      run(fx, 'missing-head', {
        pullRequest: { number: 7, url: 'u', headBranch: 'feature', headSha: missing, baseBranch: 'main' },
      }),
    ).rejects.toThrow(/^pull request #7: its head bbbbbbbbbbbb is not in the repository \(fetch it first\)$/);
  });
});
