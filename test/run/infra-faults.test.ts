/**
 * Infrastructure faults interrupt; only model faults become manual-implementation issues (issue 15 §2). Each
 * class once: a full disk / permissions / a read-only mount while a subtask's edits are written (the edit
 * writer is made to fail as the file system would), every endpoint down, and two runs in one repository
 * sharing the one slot of a slow model. Each run stops as `interrupted` with a recovery record — no
 * manual-implementation issue, no template plan, no degraded review — and a resume once the fault is gone
 * finishes it.
 */
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateConfigValue } from '../../src/config/load.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { startRun } from '../../src/run/start-run.ts';
import {
  configFor,
  createRunFixture,
  duplicateProblems,
  fixtureArgs,
  readEffects,
  readState,
  runKeel,
  setAllModes,
  startFleet,
  type ConfigOptions,
  type RunFixture,
} from './helpers/run-fixture.ts';

/** The file system's answer to the next edit writes, when set (`vi.mock` of the edit writer below). */
interface Disk {
  refuse: string | undefined;
  /** true: the next commit finds the worktree's `index.lock` held (a git that never lets go); then its path. */
  gitLock: boolean | string;
}
const disk = vi.hoisted((): Disk => ({ refuse: undefined, gitLock: false }));
vi.mock('../../src/git/edit-fs.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/git/edit-fs.ts')>();
  return {
    ...real,
    writeFileAtomic: async (...args: Parameters<typeof real.writeFileAtomic>) =>
      disk.refuse !== undefined
        ? { ok: false as const, reason: `cannot write the temporary file: ${disk.refuse}` }
        : real.writeFileAtomic(...args),
  };
});

vi.mock('../../src/git/step-commits.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/git/step-commits.ts')>();
  return {
    ...real,
    commitStep: async (...args: Parameters<typeof real.commitStep>) => {
      if (disk.gitLock === true) {
        // A real lock in the worktree's own git directory: git itself refuses, as it would for another git.
        const gitDir = execFileSync('git', ['rev-parse', '--absolute-git-dir'], {
          cwd: args[1].worktree,
          encoding: 'utf8',
        }).trim();
        disk.gitLock = join(gitDir, 'index.lock');
        await writeFile(disk.gitLock, '');
      }
      return real.commitStep(...args);
    },
  };
});

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';

let sim: FleetSimulator;
const fixtures: RunFixture[] = [];

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 20 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  disk.refuse = undefined;
  disk.gitLock = false;
  for (const fx of fixtures.splice(0)) await fx.cleanup();
  await setAllModes(sim, 'ok', 20);
});

async function fixture(options: ConfigOptions = {}): Promise<RunFixture> {
  const fx = await createRunFixture(sim, options);
  fixtures.push(fx);
  return fx;
}

function run(fx: RunFixture, runId: string, extra: { resume?: boolean; options?: ConfigOptions } = {}) {
  const lines: string[] = [];
  const done = startRun({
    config: validateConfigValue(configFor(sim, extra.options ?? {})),
    repo: fx.repo,
    stateDir: fx.stateDir,
    ...(extra.resume ? { resume: runId } : { task: TASK, runId }),
    env: {},
    progress: (line) => lines.push(line),
    processEvents: new EventEmitter(),
  });
  return done.then((result) => ({ ...result, lines }));
}

/** No manual-implementation issue, no template plan, no degraded review, nothing duplicated. */
async function nothingBlamedOnModels(fx: RunFixture, runId: string): Promise<void> {
  const state = (await readState(fx, runId))!;
  const effects = await readEffects(fx, runId);
  expect(effects.manual).toEqual([]);
  expect(state.steps.plan?.degraded).not.toBe(true);
  expect(state.steps.review?.degraded).not.toBe(true);
  expect(Object.values(state.steps).filter((s) => s.status === 'failed')).toEqual([]);
  expect(await duplicateProblems(fx, state)).toEqual([]);
}

describe('the file system refuses a subtask’s edits', () => {
  it.each([
    ['ENOSPC', 'the disk is full or failing'],
    ['EACCES', 'the file system refuses the write'],
    ['EROFS', 'the file system refuses the write'],
  ])('%s: the run is interrupted (resumable), no issue; freed, the resume finishes', async (code, said) => {
    const fx = await fixture();
    disk.refuse = code;
    const stopped = await run(fx, 'disk');
    expect(stopped.state.status, stopped.lines.join('\n')).toBe('interrupted');
    expect(stopped.state.interruption?.reason).toContain(said);
    expect(stopped.state.interruption?.reason).toContain(code);
    expect(stopped.state.interruption?.error).toBeUndefined(); // one line, no stack
    expect((await readEffects(fx, 'disk')).recovery).toHaveLength(1);
    await nothingBlamedOnModels(fx, 'disk');

    disk.refuse = undefined;
    const resumed = await run(fx, 'disk', { resume: true });
    expect(resumed.state.status, resumed.lines.join('\n')).toBe('completed');
    await nothingBlamedOnModels(fx, 'disk');
    expect((await readEffects(fx, 'disk')).recovery[0]?.state).toBe('closed');
  });
});

describe('git’s index lock held while a subtask commits', () => {
  it('the run is interrupted (a lock), not the subtask failed; the lock gone, the resume finishes', async () => {
    const fx = await fixture();
    disk.gitLock = true;
    const stopped = await run(fx, 'locked');
    expect(stopped.state.status, stopped.lines.join('\n')).toBe('interrupted');
    expect(stopped.state.interruption?.reason).toMatch(
      /^code:[\w-]+: committing its edits: a lock stayed held/,
    );
    expect(stopped.state.interruption?.error).toBeUndefined();
    await nothingBlamedOnModels(fx, 'locked');

    const held = disk.gitLock;
    expect(typeof held).toBe('string');
    await rm(String(held), { force: true });
    disk.gitLock = false;
    const resumed = await run(fx, 'locked', { resume: true });
    expect(resumed.state.status, resumed.lines.join('\n')).toBe('completed');
    await nothingBlamedOnModels(fx, 'locked');
  });
});

describe('every endpoint down', () => {
  it('interrupts the run instead of finishing it degraded; the resume, endpoints back, completes it', async () => {
    const fx = await fixture({ policy: { maxWaitMs: 50, maxAttempts: 4 } });
    await setAllModes(sim, 'refuse');
    const down = await runKeel(['--task', TASK, '--run-id', 'down', ...fixtureArgs(fx)]);
    expect(down.code, down.stdout + down.stderr).toBe(0); // run.exitCodeOnInterrupt
    expect(down.stdout).toMatch(/^status: interrupted$/m);
    expect((await readState(fx, 'down'))!.interruption?.reason).toMatch(
      /^planner: no endpoint could be reached/,
    );
    await nothingBlamedOnModels(fx, 'down');
    expect((await readState(fx, 'down'))!.plan).toBeUndefined();

    await setAllModes(sim, 'ok', 20);
    // The cooldowns the failed run saved are restored: a resume inside them is interrupted again (still
    // nobody reachable, still nobody blamed); once they have run out, the resume completes the run.
    let back = await runKeel(['--resume', 'down', ...fixtureArgs(fx)]);
    for (let i = 0; i < 4 && /^status: interrupted$/m.test(back.stdout); i++) {
      expect(back.stdout).toMatch(/no endpoint could be reached/);
      await sleep(500);
      back = await runKeel(['--resume', 'down', ...fixtureArgs(fx)]);
    }
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(back.stdout).toMatch(/^status: completed$/m);
    await nothingBlamedOnModels(fx, 'down');
  }, 30_000);
});

describe('two runs in one repository sharing the one slot of a slow model', () => {
  it('the run that waits maxWaitMs for the slot is interrupted — no template plan, no issue — and finishes when resumed', async () => {
    // One endpoint, one slot, 500 ms an answer; a run waits 100 ms for a busy slot.
    const options: ConfigOptions = {
      roles: { planner: ['a'], coder: ['a'], reviewer: ['a'] },
      maxParallel: 1,
      policy: { maxWaitMs: 100, maxAttempts: 4 },
    };
    const fx = await fixture(options);
    await sim.setMode('a', 'ok', 500);
    const [one, two] = await Promise.all([
      runKeel(['--task', TASK, '--run-id', 'one', ...fixtureArgs(fx)]),
      runKeel(['--task', TASK, '--run-id', 'two', ...fixtureArgs(fx)]),
    ]);
    expect(one.code, one.stdout).toBe(0);
    expect(two.code, two.stdout).toBe(0);
    const statuses = [(await readState(fx, 'one'))!, (await readState(fx, 'two'))!];
    // At least one of them found the slot busy; none of them blamed a model for it.
    const waited = statuses.filter((s) => s.status === 'interrupted');
    expect(waited.length, `${one.stdout}\n${two.stdout}`).toBeGreaterThan(0);
    for (const s of waited) expect(s.interruption?.reason).toMatch(/every endpoint stayed busy/);
    for (const id of ['one', 'two']) await nothingBlamedOnModels(fx, id);

    for (const s of waited) {
      const resumed = await runKeel(['--resume', s.runId, ...fixtureArgs(fx)]);
      expect(resumed.stdout).toMatch(/^status: completed$/m);
    }
    for (const id of ['one', 'two']) {
      expect((await readState(fx, id))!.status).toBe('completed');
      await nothingBlamedOnModels(fx, id);
    }
  }, 60_000);
});
