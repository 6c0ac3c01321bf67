/** `keel status` lists the runs of a state directory with their step states, without needing a config. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { PersistenceCoordinator, MetricsRecorder } from '../../src/run/persistence.ts';
import { TaskStateStore } from '../../src/run/state-store.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { makeState } from '../run/fixtures/states.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-status-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function saveRun(runId: string, status: 'interrupted' | 'partial', at: number): Promise<void> {
  const runDir = join(dir, '.keel', 'runs', runId);
  const state = { ...makeState(runId, { runId, at }), status };
  const persistence = new PersistenceCoordinator({ store: new TaskStateStore({ runDir }), runDir });
  await persistence.checkpoint(state, new MetricsRecorder().snapshot());
}

describe('keel status: runs', () => {
  it('lists runs newest first with step counts, and explains the missing fleet table', async () => {
    await saveRun('old-run', 'partial', Date.UTC(2026, 0, 1));
    await saveRun('new-run', 'interrupted', Date.UTC(2026, 5, 1));
    const { io, stdout, stderr } = captureIO({}, dir);
    expect(await runCli(['status'], io)).toBe(0);
    const text = stdout();
    expect(text.indexOf('new-run')).toBeLessThan(text.indexOf('old-run'));
    expect(text).toMatch(/new-run\s+interrupted .*steps: 3 done, 1 failed, 0 pending/);
    expect(stderr()).toMatch(/no fleet table/);
  });

  it('shows one run step by step', async () => {
    await saveRun('r1', 'interrupted', Date.UTC(2026, 0, 1));
    const { io, stdout } = captureIO({}, dir);
    expect(await runCli(['status', 'r1'], io)).toBe(0);
    expect(stdout()).toMatch(/run r1 — interrupted/);
    expect(stdout()).toMatch(/code:s2\s+failed/);
    const missing = captureIO({}, dir);
    expect(await runCli(['status', 'nope'], missing.io)).toBe(1);
  });

  it('says who works on an unfinished run: running while its lease holder beats, stale when it went silent or died', async () => {
    await saveRun('busy', 'interrupted', Date.now());
    await saveRun('silent', 'interrupted', Date.now() - 1_000);
    await saveRun('gone', 'interrupted', Date.now() - 2_000);
    const lease = (runId: string, pid: number, beatAgoMs: number) => {
      const runDir = join(dir, '.keel', 'runs', runId);
      const record = {
        runId,
        pid,
        host: hostname(),
        startedAt: Date.now() - 600_000,
        generation: 3,
        token: `${runId}-token-0000`,
      };
      const beat = { pid, at: Date.now() - beatAgoMs, host: hostname(), generation: 3 };
      return Promise.all([
        writeFile(join(runDir, 'lease.json'), JSON.stringify(record)),
        writeFile(join(runDir, '.heartbeat'), JSON.stringify(beat)),
      ]);
    };
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await lease('busy', process.ppid, 2_000);
    await lease('silent', process.ppid, 5 * 60_000);
    await lease('gone', dead, 1_000);
    const { io, stdout } = captureIO({}, dir);
    expect(await runCli(['status'], io)).toBe(0);
    const text = stdout();
    expect(text).toContain(`running: pid ${process.ppid} on ${hostname()}, heartbeat 2 s ago`);
    expect(text).toContain(`stale: pid ${process.ppid} on ${hostname()}, heartbeat 5 min ago`);
    expect(text).toContain(`stale: pid ${dead} on ${hostname()}, heartbeat 1 s ago (its process is gone)`);
    const one = captureIO({}, dir);
    expect(await runCli(['status', 'busy'], one.io)).toBe(0);
    expect(one.stdout()).toContain(`running: pid ${process.ppid} on ${hostname()}, heartbeat 2 s ago`);
  });
});
