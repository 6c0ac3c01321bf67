/**
 * Saved means saved (issue 15 §4): a run whose checkpoints all fail — `state.lock` held by a live process
 * that never lets go, or garbage in it with a fresh time — got to `completed` in memory while `state.json`
 * still said `running`, and printed `completed`, exit 0. It must say its state is not saved and exit non-zero.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  createRunFixture,
  fixtureArgs,
  readState,
  runKeel,
  startFleet,
  type RunFixture,
} from './helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js.';

let sim: FleetSimulator;
let holder: ChildProcess;
const fixtures: RunFixture[] = [];

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 20 });
  // A live process that "holds" the lock: never releases it, and its pid is alive on this host.
  holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
});
afterAll(async () => {
  holder?.kill('SIGKILL');
  await sim?.close();
});
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.cleanup();
});

let fixture: RunFixture | undefined;

/** The status state.json says now (the run's last saved checkpoint). */
function savedStatus(path: string): unknown {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { status?: unknown }).status;
  } catch {
    return undefined;
  }
}

describe('every checkpoint after the start fails', () => {
  it.each([
    [
      'a live pid',
      () => JSON.stringify({ pid: holder.pid, host: hostname(), at: Date.now(), token: 'f00dfeedf00dfeed' }),
    ],
    ['garbage with a fresh time', () => 'not a lock holder at all'],
  ])(
    'state.lock held by %s: the run says its state is not saved, exits 1, never "completed"',
    async (_, content) => {
      // The lock is taken when the run prints that the pull request is open, and the run saves its final
      // state right after printing it: on a loaded machine this test's write can come after that save had
      // begun. Such an attempt tested nothing (state.json says completed and was written before the lock)
      // and is run again, at most three times; an attempt where the lock came first must end as asserted.
      let exit: Awaited<ReturnType<typeof runKeel>> | undefined;
      for (let attempt = 1; attempt <= 3 && exit === undefined; attempt++) {
        const fx = await createRunFixture(sim);
        fixtures.push(fx);
        const lock = join(fx.runDir('stuck'), 'state.lock');
        const state = join(fx.runDir('stuck'), 'state.json');
        let lockedAt = Number.POSITIVE_INFINITY;
        // Once the pull request is open, the lock is taken from under the run and never given back.
        const ended = await runKeel(['--task', TASK, '--run-id', 'stuck', ...fixtureArgs(fx)], {
          onLine: (line) => {
            if (!/^publish: opened pull request/.test(line)) return;
            lockedAt = performance.timeOrigin + performance.now(); // sub-ms, as mtimeMs is
            writeFileSync(lock, content());
          },
        });
        const tooLate = savedStatus(state) === 'completed' && statSync(state).mtimeMs <= lockedAt;
        if (!tooLate) {
          exit = ended;
          fixture = fx;
        }
      }
      if (exit === undefined || fixture === undefined)
        throw new Error('three attempts in a row saved their final state before the lock was written');
      const fx = fixture;
      expect(exit.code, exit.stdout + exit.stderr).toBe(1);
      expect(exit.stdout).not.toMatch(/^status: completed$/m);
      expect(exit.stdout).toMatch(/^status: unsaved$/m);
      expect(exit.stdout).toMatch(
        /the run got to completed, but its state could NOT be saved \(state snapshot not saved: lock .*state\.lock still busy/,
      );
      expect((await readState(fx, 'stuck'))!.status).not.toBe('completed');
    },
    60_000,
  );
});
