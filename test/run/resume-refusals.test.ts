/**
 * Resuming a run whose worktree or work branch a person changed (issue 15 §5). keel changes only its own
 * worktree, on its own branch, so it refuses — in one line saying what it found and what to do, no stack,
 * and without counting a resume. A corrupt `state.json` is moved aside, and the message says how to go on:
 * `keel run --task "<same task>" --run-id ID`, which adopts the commits already made (tested here). A work
 * branch moved back, or a step's commit amended without its trailer, makes keel code that step again — and
 * it says so on the console and in the summary.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  branchCommits,
  createRunFixture,
  duplicateProblems,
  fixtureArgs,
  gitSync,
  readEffects,
  readState,
  runKeel,
  startFleet,
  type RunFixture,
} from './helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';
const RUN = 'refuse';

let sim: FleetSimulator;
const fixtures: RunFixture[] = [];

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 30 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.cleanup();
});

/** A run SIGKILLed right after its first commit: interrupted, one step committed, its worktree as it was. */
async function interruptedRun(): Promise<RunFixture> {
  const fx = await createRunFixture(sim);
  fixtures.push(fx);
  const killed = await runKeel(['--task', TASK, '--run-id', RUN, ...fixtureArgs(fx)], {
    killOnLine: /^code:\S+: committed /,
  });
  expect(killed.signal).toBe('SIGKILL');
  return fx;
}

const worktreeOf = (fx: RunFixture): string => join(fx.stateDir, 'worktrees', RUN);

describe('a resume that finds the worktree or the branch changed', () => {
  it.each([
    [
      'the work branch moved to a commit without the base',
      (fx: RunFixture) => {
        const orphan = gitSync(fx.repo, 'commit-tree', '-m', 'elsewhere', gitSync(fx.repo, 'write-tree'));
        gitSync(worktreeOf(fx), 'reset', '--quiet', '--hard', orphan);
      },
      /branch keel\/refuse exists but does not contain the base .* — put keel\/refuse back on its work/,
    ],
    [
      'the worktree replaced by a folder',
      async (fx: RunFixture) => {
        await rm(worktreeOf(fx), { recursive: true, force: true });
        await mkdir(worktreeOf(fx), { recursive: true });
        await writeFile(join(worktreeOf(fx), 'notes.txt'), 'mine\n');
      },
      /exists and is not keel's worktree — move .* out of the way \(keel never deletes it\) and resume/,
    ],
    [
      'another branch switched to in the worktree',
      (fx: RunFixture) => gitSync(worktreeOf(fx), 'switch', '--quiet', '-c', 'mine'),
      /is a worktree of refs\/heads\/mine|has refs\/heads\/mine/,
    ],
    [
      'a detached HEAD in the worktree',
      (fx: RunFixture) => gitSync(worktreeOf(fx), 'switch', '--quiet', '--detach'),
      /a detached HEAD, not keel\/refuse — check the branch out again \(`git -C .* switch keel\/refuse`\) and resume/,
    ],
  ] as const)(
    '%s: one line, what to do, no stack, no resume counted',
    async (_, change, said) => {
      const fx = await interruptedRun();
      const before = (await readState(fx, RUN))!.resumes;
      await change(fx);
      const refused = await runKeel(['--resume', RUN, ...fixtureArgs(fx)]);
      expect(refused.code, refused.stdout + refused.stderr).toBe(1);
      const lines = refused.stderr.trim().split('\n');
      expect(lines, refused.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^keel: cannot resume run refuse: /);
      expect(lines[0]).toMatch(said);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect((await readState(fx, RUN))!.resumes).toBe(before);
    },
    30_000,
  );
});

describe('a corrupt state.json', () => {
  it('is moved aside; the message says how to go on, and that command adopts the commits already made', async () => {
    const fx = await interruptedRun();
    const committed = branchCommits(fx, `keel/${RUN}`);
    expect(committed).toHaveLength(1);
    await writeFile(join(fx.runDir(RUN), 'state.json'), '{"version": 1, "runId": "refuse", "trunc');
    const refused = await runKeel(['--resume', RUN, ...fixtureArgs(fx)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(refused.stderr).toMatch(
      /cannot be resumed: .*state\.json: not JSON .*moved aside to .*state\.json\.corrupt-\d+/,
    );
    const advice =
      /to continue, run `(keel run --task (.+) --run-id refuse)`, which adopts the commits already on its work branch/.exec(
        refused.stderr,
      );
    expect(advice, refused.stderr).not.toBeNull();
    expect(advice![2]).toBe(`'${TASK}'`); // quoted from the manifest, ready to paste
    expect((await readdir(fx.runDir(RUN))).filter((n) => n.startsWith('state.json.corrupt-'))).toHaveLength(
      1,
    );

    // As the message says: the same task under the same id.
    const again = await runKeel(['--task', TASK, '--run-id', RUN, ...fixtureArgs(fx)]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^status: completed$/m);
    const state = (await readState(fx, RUN))!;
    const commits = branchCommits(fx, state.repo.workBranch);
    expect(commits).toHaveLength(2);
    expect(commits[0]).toBe(committed[0]); // the commit made before is the run's, not made again
    expect(await duplicateProblems(fx, state)).toEqual([]);
  }, 30_000);
});

describe('a work branch moved back after a step was committed', () => {
  it('codes the step again and says so, on the console and in the summary', async () => {
    const fx = await interruptedRun();
    const [first] = branchCommits(fx, `keel/${RUN}`);
    const step = /Keel-Step: (\S+)/.exec(
      gitSync(fx.repo, 'log', '-1', '--format=%B', first!.split(' ')[0]!),
    )![1]!;
    // The checkpoint knows the commit (the kill came after it was noted, or the resume adopts it): move the
    // branch back to the base behind keel's back.
    const noted = await runKeel(['--resume', RUN, ...fixtureArgs(fx)], { killOnLine: /^coding \d+ subtask/ });
    expect(noted.signal).toBe('SIGKILL');
    gitSync(join(fx.stateDir, 'worktrees', RUN), 'reset', '--quiet', '--hard', fx.baseSha);

    const resumed = await runKeel(['--resume', RUN, ...fixtureArgs(fx)]);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(
      new RegExp(
        `^${step}: its commit [0-9a-f]{8} is no longer on keel/refuse \\(the branch was moved back, or the commit amended without its Keel-Step trailer\\): coding it again$`,
        'm',
      ),
    );
    const state = (await readState(fx, RUN))!;
    expect(state.status).toBe('completed');
    const summary = (await readEffects(fx, RUN)).pulls[0]!.body;
    expect(summary).toContain('Coded again:');
    expect(summary).toContain(`\`${step}\`: its commit`);
    expect(await duplicateProblems(fx, state)).toEqual([]);
  }, 30_000);
});
