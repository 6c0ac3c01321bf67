/** `keel status` lists the runs of a state directory with their step states, without needing a config. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
});
