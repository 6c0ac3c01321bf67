/**
 * The router against the real simulator (HTTP on loopback): every fault mode, plain and streamed, ends in
 * an answer from the healthy candidate, with the broken one's failure classified; and `maxParallel` holds
 * as the server sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src/fleet/router.ts';
import type { FailureKind } from '../../src/fleet/types.ts';
import { startSimulator, type FleetSimulator, type SimMode } from '../../src/sim/fleet-simulator.ts';
import { testConfig } from '../helpers/config.ts';

let sim: FleetSimulator;
beforeAll(async () => {
  sim = await startSimulator({
    endpoints: [
      { name: 'broken', models: ['m'], contextWindow: 8_192 },
      { name: 'good', models: ['m'] },
      { name: 'c1', models: ['m'], latencyMs: 20 },
      { name: 'c2', models: ['m'], latencyMs: 20 },
    ],
  });
});
afterAll(async () => {
  await sim.close();
});

const url = (name: string): string => sim.endpoints.find((e) => e.name === name)!.url;

const expectations: [SimMode, FailureKind][] = [
  ['refuse', 'connect_refused'],
  ['hang', 'timeout_first_token'],
  ['e500', 'server_error'],
  ['e429', 'rate_limited'],
  ['malformed', 'malformed'],
  ['cut', 'stream_cut'],
  ['slow', 'timeout_idle'],
  ['ctxlen', 'context_length'],
  ['auth', 'auth'],
];

describe.each([false, true])('router × simulator, stream: %s', (stream) => {
  it.each(expectations)('a primary in mode %s fails as %s and the fallback answers', async (mode, kind) => {
    await sim.setMode('broken', mode, mode === 'slow' ? 400 : 0);
    const config = testConfig({
      endpoints: [
        { id: 'broken', url: url('broken'), kind: 'local', timeouts: { firstTokenMs: 300, idleMs: 150 } },
        { id: 'good', url: url('good'), kind: 'hosted' },
      ],
      roles: { coder: ['broken/m', 'good/m'] },
    });
    const router = createRouter(config, { env: {} });
    try {
      const done = await router.complete('coder', {
        messages: [{ role: 'user', content: `mode ${mode}` }],
        stream,
      });
      expect(done.endpointId).toBe('good');
      expect(done.content).toContain('mode ' + mode);
      expect(done.attempts.map((a) => a.outcome)).toEqual([kind, 'ok']);
    } finally {
      await router.close();
      await sim.setMode('broken', 'ok');
    }
  });

  it('a healthy primary answers by itself', async () => {
    const config = testConfig({
      endpoints: [{ id: 'good', url: url('good'), kind: 'local' }],
      roles: { coder: ['good/m'] },
    });
    const router = createRouter(config, { env: {} });
    try {
      const done = await router.complete('coder', { messages: [{ role: 'user', content: 'hello' }], stream });
      expect(done.attempts).toHaveLength(1);
      expect(done.content).toContain('hello');
    } finally {
      await router.close();
    }
  });
});

describe('router × simulator: capacity', () => {
  it('never has more requests in flight at an endpoint than maxParallel, as the server counts them', async () => {
    sim.resetStats();
    const config = testConfig({
      endpoints: [
        { id: 'c1', url: url('c1'), kind: 'local', maxParallel: 3 },
        { id: 'c2', url: url('c2'), kind: 'local', maxParallel: 2 },
      ],
      roles: { coder: [['c1/m', 'c2/m']] },
    });
    const router = createRouter(config, { env: {} });
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          router.complete('coder', { messages: [{ role: 'user', content: `r${i}` }], stream: i % 2 === 0 }),
        ),
      );
      expect(results).toHaveLength(60);
      const stats = sim.stats();
      expect(stats.c1!.maxInflight).toBe(3);
      expect(stats.c2!.maxInflight).toBe(2);
      expect(stats.c1!.chatRequests + stats.c2!.chatRequests).toBe(60);
    } finally {
      await router.close();
    }
  });

  it('discovers the context window by probing; a caller limit is fitted to it, none is left to vLLM', async () => {
    const config = testConfig({
      endpoints: [{ id: 'broken', url: url('broken'), kind: 'local', flavor: 'vllm' }],
      roles: { coder: ['broken/m'] },
    });
    const router = createRouter(config, { env: {} });
    try {
      await router.probe({ capabilities: true });
      expect(router.health.contextWindow(config.endpoints[0]!, 'm')).toBe(8_192);
      const messages = [{ role: 'user' as const, content: 'x'.repeat(350) }];
      // vLLM's own default is what the window leaves, from its exact count: better than our estimate.
      expect((await router.complete('coder', { messages })).maxTokens).toBeUndefined();
      const limited = await router.complete('coder', { messages, maxTokens: 100_000 });
      // floor(8192 × 0.95) = 7782, minus the prompt's estimated tokens.
      expect(limited.maxTokens).toBeLessThan(7_782 - 100);
      expect(limited.maxTokens).toBeGreaterThan(7_782 - 120);
      // A prompt the window cannot hold is not sent at all.
      const huge = [{ role: 'user' as const, content: 'x'.repeat(40_000) }];
      await expect(router.complete('coder', { messages: huge })).rejects.toMatchObject({
        reason: 'exhausted',
      });
      expect(sim.stats().broken!.byOutcome.ctxlen ?? 0).toBe(0);
    } finally {
      await router.close();
    }
  });
});
