/**
 * A canary API key — the configured key of two endpoints, one of which is broken and echoes the key back in
 * every error body, and pasted into the task text as well — must not get out of the runner by any way keel
 * has: outputs, job summary, API requests, anything pushed to origin, artifacts, logs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  canary,
  commentEvent,
  createWorld,
  filesContaining,
  originBranchesContaining,
  readBranchState,
  runStep,
  type World,
  E2E,
} from './helpers/action-harness.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('a canary API key', E2E, () => {
  it('never appears in outputs, summary, API requests, pushed branches, artifacts or logs', async () => {
    const key = canary();
    world = await createWorld({
      apiKey: key,
      keyEchoEndpoint: true,
      github: { issues: [{ number: 1, title: 'Helpers' }] },
    });
    const runner = await world.runner('one');
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      // The owner (the association fast path), pasting the key where it does not belong.
      event: commentEvent({
        body: `/keel run Add a farewell helper in src/farewell.js. Configure the client with the key ${key} in src/client.js.`,
        login: 'acme-owner',
        association: 'OWNER',
        issue: { number: 1, title: 'Helpers' },
      }),
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(['completed', 'partial']).toContain(exit.outputs.status);
    const runId = exit.outputs['run-id']!;

    // The canary was in play: the broken endpoint was asked (with the key) and answered with it.
    expect(world.echoAuth.length).toBeGreaterThan(0);
    expect(world.echoAuth).toContain(`Bearer ${key}`);

    // The outputs and summary files, raw.
    expect(readFileSync(exit.files.output, 'utf8')).not.toContain(key);
    expect(exit.summary).not.toContain(key);
    expect(exit.summary).toContain('### Failover status');
    // Every request the fake GitHub received: paths, bodies, headers.
    expect(world.github.leaks(key)).toEqual([]);
    expect(world.github.state.pulls).toHaveLength(1);
    // Everything pushed to origin (the work branch and keel/state) — and keel/state does have the run.
    expect(originBranchesContaining(world, key)).toEqual([]);
    expect(readBranchState(world, runId)?.status).toBe(exit.outputs.status);
    // The artifact — which exists — and what stays in the run directory.
    const artifact = join(world.artifactDir, '1001', `keel-state-${runId}`);
    expect(readFileSync(join(artifact, 'state.json'), 'utf8')).toContain(runId);
    expect(await filesContaining(world.artifactDir, key)).toEqual([]);
    expect(await filesContaining(join(runner.workspace, '.keel', 'runs'), key)).toEqual([]);
    // …where the echoed error did land, redacted.
    expect(await filesContaining(artifact, 'upstream crashed handling [REDACTED]')).not.toEqual([]);
    // The logs: only the runner's `::add-mask::` command, which the runner consumes and never shows, names it.
    const lines = `${exit.stdout}\n${exit.stderr}`.split('\n');
    expect(lines.filter((l) => l.includes(key) && l !== `::add-mask::${key}`)).toEqual([]);
    expect(lines).toContain(`::add-mask::${key}`);
  });
});
