/**
 * `maxParallel` shared by keel processes (`shared-slots.ts`): routers that use one slots directory hold an
 * endpoint's cap together — counted by the simulator, as the server sees it — across real processes too;
 * leases of dead or hung holders are free; a directory others could write is not used.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../src/base/clock.ts';
import { createRouter } from '../../src/fleet/router.ts';
import { createSharedSlots, slotsDirFor } from '../../src/fleet/shared-slots.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { testConfig } from '../helpers/config.ts';

let sim: FleetSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ endpoints: [{ name: 'lan', models: ['m'], latencyMs: 30 }] });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-slots-'));
  sim.resetStats();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lanUrl = (): string => sim.endpoints.find((e) => e.name === 'lan')!.url;
const config = () =>
  testConfig({
    endpoints: [{ id: 'lan', url: lanUrl(), kind: 'local', maxParallel: 2 }],
    roles: { coder: ['lan/m'] },
  });
const ask = (router: ReturnType<typeof createRouter>, n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      router.complete('coder', { messages: [{ role: 'user', content: `r${i}` }] }),
    ),
  );

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

function endpointDir(slotsDir: string): string {
  const slots = createSharedSlots(slotsDir, config().endpoints, {
    clock: systemClock,
    onChange: () => undefined,
  });
  slots?.close();
  return join(slotsDir, readdirSync(slotsDir)[0]!);
}

describe('routers sharing a slots directory', () => {
  it('hold the endpoint at maxParallel together; routers without one each hold their own', async () => {
    const shared = [1, 2, 3].map(() => createRouter(config(), { env: {}, slotsDir: dir }));
    try {
      const answers = await Promise.all(shared.map((router) => ask(router, 8)));
      expect(answers.flat()).toHaveLength(24);
      expect(sim.stats().lan!.maxInflight).toBe(2);
    } finally {
      await Promise.all(shared.map((router) => router.close()));
    }

    sim.resetStats();
    const separate = [1, 2, 3].map(() => createRouter(config(), { env: {} }));
    try {
      await Promise.all(separate.map((router) => ask(router, 8)));
      expect(sim.stats().lan!.maxInflight).toBeGreaterThan(2); // what sharing prevents
    } finally {
      await Promise.all(separate.map((router) => router.close()));
    }
  });

  it('holds across processes: two keel processes never have more than maxParallel in flight', async () => {
    const script = [
      `const { createRouter } = await import(${JSON.stringify(new URL('../../src/fleet/router.ts', import.meta.url).href)});`,
      `const { testConfig } = await import(${JSON.stringify(new URL('../helpers/config.ts', import.meta.url).href)});`,
      `const config = testConfig({ endpoints: [{ id: 'lan', url: process.argv[1], kind: 'local', maxParallel: 2 }], roles: { coder: ['lan/m'] } });`,
      `const router = createRouter(config, { env: {}, slotsDir: process.argv[2] });`,
      `await Promise.all(Array.from({ length: 10 }, (_, i) => router.complete('coder', { messages: [{ role: 'user', content: 'p' + i }] })));`,
      `await router.close();`,
    ].join('\n');
    const child = () =>
      new Promise<number | null>((resolve) => {
        const proc = spawn(process.execPath, ['--input-type=module', '-e', script, lanUrl(), dir], {
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        proc.on('exit', resolve);
      });
    expect(await Promise.all([child(), child()])).toEqual([0, 0]);
    expect(sim.stats().lan!.chatRequests).toBe(20);
    expect(sim.stats().lan!.maxInflight).toBe(2);
  }, 30_000);
});

describe('leases', () => {
  it("count other processes' live holders; a dead or expired holder's lease is free and taken over", async () => {
    const endpoints = config().endpoints;
    let now = Date.now();
    const clock: Clock = { now: () => now, sleep: () => Promise.resolve() };
    const mine = createSharedSlots(dir, endpoints, { clock, onChange: () => undefined })!;
    try {
      const slotDir = endpointDir(dir);
      const holder = (pid: number, at: number, token: string) =>
        JSON.stringify({ pid, host: hostname(), at, token });
      writeFileSync(join(slotDir, 'slot-0'), holder(process.ppid, now, 'parent')); // alive
      writeFileSync(join(slotDir, 'slot-1'), holder(deadPid(), now, 'dead'));
      expect(mine.othersInflight('lan')).toBe(1);
      const taken = await mine.tryAcquire('lan', 2);
      expect(taken).toBeDefined(); // slot-1, from the dead holder
      expect(mine.othersInflight('lan')).toBe(1);
      expect(await mine.tryAcquire('lan', 2)).toBeUndefined(); // the live one is not taken
      // A live holder past the whole-request deadline (600 s by default) plus a minute: abandoned.
      now += 600_000 + 60_001;
      expect(mine.othersInflight('lan')).toBe(0);
      expect(await mine.tryAcquire('lan', 2)).toBeDefined();
      await taken!.release();
    } finally {
      mine.close();
    }
  });

  it('wake a waiting router when another process releases one (directory watch)', async () => {
    let changes = 0;
    const watcher = createSharedSlots(dir, config().endpoints, {
      clock: systemClock,
      onChange: () => changes++,
    })!;
    const other = createSharedSlots(dir, config().endpoints, {
      clock: systemClock,
      onChange: () => undefined,
    })!;
    try {
      const lease = (await other.tryAcquire('lan', 1))!;
      await lease.release();
      const deadline = Date.now() + 2_000;
      while (changes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(changes).toBeGreaterThan(0);
    } finally {
      watcher.close();
      other.close();
    }
  });

  it("hold the machine's unseen-send turn (load: server) for one holder at a time, waking the others on its release", async () => {
    let changes = 0;
    const one = createSharedSlots(dir, config().endpoints, {
      clock: systemClock,
      onChange: () => changes++,
    })!;
    const two = createSharedSlots(dir, config().endpoints, {
      clock: systemClock,
      onChange: () => undefined,
    })!;
    try {
      const turn = await one.tryHoldUnseen!('lan');
      expect(turn).toBeDefined();
      expect(await two.tryHoldUnseen!('lan')).toBeUndefined();
      expect(await one.tryHoldUnseen!('lan')).toBeUndefined(); // one turn, whoever asks
      // The turn is not a slot lease: it counts as nothing in flight.
      expect(two.othersInflight('lan')).toBe(0);
      const before = changes;
      await turn!.release();
      const deadline = Date.now() + 2_000;
      while (changes === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(changes).toBeGreaterThan(before);
      const next = await two.tryHoldUnseen!('lan');
      expect(next).toBeDefined();
      await next!.release();
    } finally {
      one.close();
      two.close();
    }
  });

  it('are not kept in a directory other users can write: shared slots are off then', () => {
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(
      createSharedSlots(open, config().endpoints, { clock: systemClock, onChange: () => undefined }),
    ).toBe(undefined);
  });

  it('live in <stateDir>/slots, or KEEL_SLOTS_DIR, and not at all with KEEL_SHARED_SLOTS=0', () => {
    expect(slotsDirFor('/repo/.keel', {})).toBe('/repo/.keel/slots');
    expect(slotsDirFor('/repo/.keel', { KEEL_SLOTS_DIR: '/var/keel-slots' })).toBe('/var/keel-slots');
    expect(slotsDirFor('/repo/.keel', { KEEL_SHARED_SLOTS: '0' })).toBeUndefined();
  });
});
