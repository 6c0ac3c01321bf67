/**
 * `keel ask` and `keel status` in-process against the simulator: failover visible in the output, and the
 * fleet state carried from one command to the next through the state directory.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { captureIO } from '../helpers/cli-io.ts';

let sim: FleetSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({
    endpoints: [
      { name: 'lan', models: ['m'], flavor: 'llamacpp', contextWindow: 4_096 },
      { name: 'cloud', models: ['m'] },
    ],
  });
  dir = await mkdtemp(join(tmpdir(), 'keel-cli-'));
  const url = (name: string): string => sim.endpoints.find((e) => e.name === name)!.url;
  await writeFile(
    join(dir, 'keel.yml'),
    [
      'version: 1',
      'endpoints:',
      `  - { id: lan, url: "${url('lan')}", kind: local }`,
      `  - { id: cloud, url: "${url('cloud')}", kind: hosted, apiKeyEnv: CLOUD_KEY }`,
      'roles:',
      '  coder: [lan/m, cloud/m]',
      'policy: { cooldown: { baseMs: 60000 } }',
    ].join('\n'),
  );
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('keel ask / keel status', () => {
  it('answers from the first tier and saves the discovered context window', async () => {
    const { io, stdout } = captureIO({ CLOUD_KEY: 'k' }, dir);
    expect(await runCli(['ask', '--role', 'coder', '--prompt', 'hello there'], io)).toBe(0);
    expect(stdout()).toContain('hello there');
    expect(stdout()).toMatch(/answered by lan\/m after 1 attempt/);
    const saved = JSON.parse(await readFile(join(dir, '.keel', 'fleet-state.json'), 'utf8')) as {
      health: { scans: { endpointId: string; serverWindow?: number }[] };
    };
    expect(saved.health.scans.find((scan) => scan.endpointId === 'lan')?.serverWindow).toBe(4_096);
  });

  it('fails over and shows every attempt; the next command remembers the cooldown', async () => {
    await sim.setMode('lan', 'e500');
    try {
      const first = captureIO({ CLOUD_KEY: 'k' }, dir);
      expect(await runCli(['ask', '--role', 'coder', '--prompt', 'again'], first.io)).toBe(0);
      expect(first.stdout()).toMatch(/1\. lan\/m \(tier 1\): server_error/);
      expect(first.stdout()).toMatch(/2\. cloud\/m \(tier 2\): ok/);

      const status = captureIO({}, dir);
      expect(await runCli(['status'], status.io)).toBe(0);
      expect(status.stdout()).toMatch(/lan\/m\s+\[COOLDOWN \(\d+ s\)\]/);

      const json = captureIO({}, dir);
      expect(await runCli(['status', '--json'], json.io)).toBe(0);
      const { fleet: rows } = JSON.parse(json.stdout()) as {
        fleet: { key: string; state: string; failures: number }[];
      };
      expect(rows.find((r) => r.key === 'lan/m')).toMatchObject({ state: 'COOLDOWN', failures: 1 });

      const before = sim.stats().lan!.chatRequests;
      const second = captureIO({ CLOUD_KEY: 'k' }, dir);
      expect(await runCli(['ask', '--role', 'coder', '--prompt', 'third', '--json'], second.io)).toBe(0);
      expect(JSON.parse(second.stdout())).toMatchObject({
        endpointId: 'cloud',
        attempts: [{ outcome: 'ok' }],
      });
      expect(sim.stats().lan!.chatRequests).toBe(before);
    } finally {
      await sim.setMode('lan', 'ok');
    }
  });

  it('exits 1 with the attempts when no candidate can answer, naming a missing key variable', async () => {
    await sim.setMode('lan', 'refuse');
    try {
      const { io, stderr } = captureIO({}, dir, undefined);
      expect(
        await runCli(['ask', '--role', 'coder', '--prompt', 'x', '--state-dir', join(dir, 'fresh')], io),
      ).toBe(1);
      expect(stderr()).toMatch(/connect_refused/);
      expect(stderr()).toMatch(/CLOUD_KEY/);
    } finally {
      await sim.setMode('lan', 'ok');
    }
  });

  it('rejects bad usage with exit 2', async () => {
    const { io, stderr } = captureIO({}, dir);
    expect(await runCli(['ask', '--role', 'nobody', '--prompt', 'x'], io)).toBe(2);
    expect(stderr()).toMatch(/--role must be one of planner, coder, reviewer/);
  });
});
