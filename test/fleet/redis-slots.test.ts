/**
 * `coordination: { redis }` (`redis-slots.ts`, `slot-leases.ts`) against a real redis-server: routers that
 * share nothing but the Redis server (two machines) hold an endpoint's `maxParallel` together, counted by the
 * simulator; a release wakes the other side at once; a lease is renewed while held and frees itself when its
 * holder stops renewing (a dead machine); an unreachable server falls back to the machine's lease files.
 * Skipped, with the reason, where no redis-server is installed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectSecrets } from '../../src/base/secrets.ts';
import { validateConfigValue } from '../../src/config/load.ts';
import { createRedisSlots, CoordinationUnavailable } from '../../src/fleet/redis-slots.ts';
import { createRouter } from '../../src/fleet/router.ts';
import { openSharedSlots } from '../../src/fleet/slot-leases.ts';
import { systemClock } from '../../src/base/clock.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { testConfig } from '../helpers/config.ts';
import {
  freePort,
  NO_REDIS_REASON,
  redisServerBinary,
  startRedisServer,
  type RedisServer,
} from '../helpers/redis-server.ts';

const hasRedis = redisServerBinary() !== undefined;
if (!hasRedis) console.warn(`redis-slots.test.ts: skipped — ${NO_REDIS_REASON}`);

let sim: FleetSimulator;
let redis: RedisServer | undefined;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ endpoints: [{ name: 'lan', models: ['m'], latencyMs: 40 }] });
  if (hasRedis) redis = await startRedisServer();
});
afterAll(async () => {
  await sim.close();
  await redis?.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-redis-slots-'));
  sim.resetStats();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lanUrl = (): string => sim.endpoints.find((e) => e.name === 'lan')!.url;
const config = (redisUrl: string, extra: Record<string, unknown> = {}) =>
  testConfig({
    endpoints: [{ id: 'lan', url: lanUrl(), kind: 'local', maxParallel: 2 }],
    roles: { coder: ['lan/m'] },
    coordination: { redis: redisUrl, ...extra },
  });
const ask = (router: ReturnType<typeof createRouter>, n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      router.complete('coder', { messages: [{ role: 'user', content: `r${i}` }] }),
    ),
  );
const settings = (url: string, ttlMs = 15_000) => ({ url, ttlMs, connectTimeoutMs: 2_000 });

describe.skipIf(!hasRedis)('slot leases in Redis', () => {
  it('hold maxParallel across routers that share only the Redis server (two machines, separate state)', async () => {
    // Each "machine" has its own slots directory: only Redis is shared.
    const routers = [1, 2, 3].map((i) =>
      createRouter(config(redis!.url), { env: {}, slotsDir: join(dir, `machine-${i}`) }),
    );
    try {
      const answers = await Promise.all(routers.map((router) => ask(router, 6)));
      expect(answers.flat()).toHaveLength(18);
      expect(sim.stats().lan!.chatRequests).toBe(18);
      expect(sim.stats().lan!.maxInflight).toBe(2);
    } finally {
      await Promise.all(routers.map((router) => router.close()));
    }
    // No lease file was written on any machine: Redis held them.
    for (const i of [1, 2, 3]) {
      const machine = join(dir, `machine-${i}`);
      const leases = readdirSync(machine).flatMap((d) => readdirSync(join(machine, d)));
      expect(leases.filter((name) => name.startsWith('slot-'))).toEqual([]);
    }
  });

  it('count the other holders, wake the others on a release, and free a slot only once', async () => {
    const endpoints = config(redis!.url).endpoints;
    let woken = 0;
    const a = createRedisSlots(endpoints, settings(redis!.url), () => undefined);
    const b = createRedisSlots(endpoints, settings(redis!.url), () => woken++);
    try {
      const first = await a.tryAcquire('lan', 2);
      const second = await a.tryAcquire('lan', 2);
      expect(first).toBeDefined();
      expect(second).toBeDefined();
      expect(await b.tryAcquire('lan', 2)).toBeUndefined();
      expect(b.othersInflight('lan')).toBe(2);
      expect(a.othersInflight('lan')).toBe(0); // its own
      const wokenBefore = woken;
      await first!.release();
      await first!.release(); // twice: no effect
      await until(() => woken > wokenBefore, 'the release published');
      expect(b.othersInflight('lan')).toBe(1);
      const third = await b.tryAcquire('lan', 2);
      expect(third).toBeDefined();
      expect(await a.tryAcquire('lan', 2)).toBeUndefined();
      await second!.release();
      await third!.release();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('renew a lease while it is held; a holder that stops renewing (a dead machine) frees its slot after the TTL', async () => {
    const endpoints = config(redis!.url).endpoints;
    // A separate server connection per "machine": the same URL with another TTL is another connection.
    const machine = createRedisSlots(endpoints, settings(redis!.url, 1_000), () => undefined);
    const other = createRedisSlots(endpoints, settings(redis!.url, 1_001), () => undefined);
    try {
      const held = [await machine.tryAcquire('lan', 2), await machine.tryAcquire('lan', 2)];
      expect(held.every(Boolean)).toBe(true);
      await sleep(2_200); // over twice the TTL: renewals kept them
      expect(await other.tryAcquire('lan', 2)).toBeUndefined();
      // The machine dies: its connection closes without releasing (and so without renewing).
      await machine.close();
      expect(await other.tryAcquire('lan', 2)).toBeUndefined();
      await sleep(1_300);
      const freed = await other.tryAcquire('lan', 2);
      expect(freed).toBeDefined();
      await freed!.release();
    } finally {
      await other.close();
    }
  });
});

describe('an unreachable coordination server', () => {
  it('is waited for once (bounded), then the machine lease files serve at once; requests go on', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const cfg = config(url);
    const slots = openSharedSlots(cfg, join(dir, 'slots'), {
      clock: systemClock,
      onChange: () => undefined,
      env: {},
      connectTimeoutMs: 300,
    })!;
    try {
      const t0 = Date.now();
      const lease = await slots.tryAcquire('lan', 2);
      expect(lease).toBeDefined();
      expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
      // A lease file on this machine holds the slot instead.
      const endpointDir = join(dir, 'slots', readdirSync(join(dir, 'slots'))[0]!);
      expect(readdirSync(endpointDir)).toContain('slot-0');
      expect(JSON.parse(readFileSync(join(endpointDir, 'slot-0'), 'utf8'))).toMatchObject({
        pid: process.pid,
      });
      const t1 = Date.now();
      const again = await slots.tryAcquire('lan', 2);
      expect(again).toBeDefined();
      expect(Date.now() - t1).toBeLessThan(250); // not waited for a second time
      expect(await slots.tryAcquire('lan', 2)).toBeUndefined(); // the cap still holds on this machine
      await lease!.release();
      await again!.release();
    } finally {
      await slots.close();
    }
    const direct = createRedisSlots(cfg.endpoints, settings(url, 15_001), () => undefined);
    try {
      await expect(direct.tryAcquire('lan', 2)).rejects.toBeInstanceOf(CoordinationUnavailable);
    } finally {
      await direct.close();
    }
    const router = createRouter(
      testConfig({
        endpoints: [{ id: 'lan', url: lanUrl(), kind: 'local', maxParallel: 2 }],
        roles: { coder: ['lan/m'] },
        coordination: { redis: url },
        policy: { probe: { timeoutMs: 200 } },
      }),
      { env: {}, slotsDir: join(dir, 'router-slots') },
    );
    try {
      expect(await ask(router, 4)).toHaveLength(4);
      expect(sim.stats().lan!.maxInflight).toBeLessThanOrEqual(2);
    } finally {
      await router.close();
    }
  });
});

describe('coordination in keel.yml', () => {
  it('refuses a password in the URL and other schemes; the password named by passwordEnv is a secret', () => {
    const base = {
      version: 1,
      endpoints: [{ id: 'lan', url: 'http://127.0.0.1:9/v1', kind: 'local' }],
      roles: { coder: ['lan/m'] },
    };
    expect(() =>
      validateConfigValue({ ...base, coordination: { redis: 'redis://:hunter2hunter2@10.0.0.5:6379' } }),
    ).toThrow(
      /coordination\.redis: this looks like a URL with a user name or password in it \(user:password@host\); keep the password out of the file: .* set coordination\.passwordEnv/,
    );
    expect(() => validateConfigValue({ ...base, coordination: { redis: 'http://10.0.0.5:6379' } })).toThrow(
      /coordination\.redis: expected a redis:\/\/ or rediss:\/\/ URL/,
    );
    const cfg = validateConfigValue({
      ...base,
      coordination: { redis: 'rediss://10.0.0.5:6380', passwordEnv: 'KEEL_REDIS_PASSWORD' },
    });
    expect(cfg.coordination).toEqual({
      redis: 'rediss://10.0.0.5:6380',
      passwordEnv: 'KEEL_REDIS_PASSWORD',
      leaseTtlMs: 15_000,
    });
    expect(collectSecrets(cfg, { KEEL_REDIS_PASSWORD: 'correct-horse-battery' })).toContain(
      'correct-horse-battery',
    );
  });

  it('only redis-lease-client.ts loads the Redis client, and only by a dynamic import', () => {
    const src = new URL('../../src/', import.meta.url).pathname;
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const importers = files.filter((f) =>
      /from '@redis\/client'|import\('@redis\/client'\)/.test(readFileSync(join(src, f), 'utf8')),
    );
    expect(importers).toEqual(['fleet/redis-lease-client.ts']);
    const static_ = files.filter((f) =>
      /^import (?!type )[^;]*from '\.\/redis-lease-client\.ts'/m.test(readFileSync(join(src, f), 'utf8')),
    );
    expect(static_).toEqual([]);
    expect(readFileSync(join(src, 'fleet/redis-slots.ts'), 'utf8')).toMatch(
      /await import\('\.\/redis-lease-client\.ts'\)/,
    );
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still waiting for: ${what}`);
    await sleep(10);
  }
}
