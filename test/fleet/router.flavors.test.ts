/**
 * The router against today's servers as the simulator plays them (issue 10, parts A and B), over real HTTP:
 * request shapes learned from refusals, billing, a model loading, Ollama's queue and cold loads, llama.cpp's
 * slots and router mode.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../src/base/clock.ts';
import { validateConfigValue } from '../../src/config/load.ts';
import { createRouter, type Router } from '../../src/fleet/router.ts';
import type { RouterEvent } from '../../src/fleet/router-types.ts';
import type { ChatRequest } from '../../src/fleet/types.ts';
import { startSimulator, type FleetSimulator, type SimEndpointSpec } from '../../src/sim/fleet-simulator.ts';

const open: { sim?: FleetSimulator; router?: Router }[] = [];
afterEach(async () => {
  for (const { sim, router } of open.splice(0)) {
    await router?.close();
    await sim?.close();
  }
});

const ask: ChatRequest = { messages: [{ role: 'user', content: 'hello' }], stream: true };

interface Setup {
  endpoints: (SimEndpointSpec & { config?: Record<string, unknown> })[];
  roles: Record<string, (string | string[])[]>;
  policy?: Record<string, unknown>;
  clock?: Clock;
}

async function setup({ endpoints, roles, policy, clock }: Setup) {
  const sim = await startSimulator({ endpoints: endpoints.map(({ config: _config, ...spec }) => spec) });
  const url = (name: string) => sim.endpoints.find((e) => e.name === name)!.url;
  const config = validateConfigValue({
    version: 1,
    endpoints: endpoints.map((e) => ({ id: e.name, url: url(e.name), kind: 'local', ...e.config })),
    roles,
    policy: { maxWaitMs: 5_000, ...policy },
  });
  const events: RouterEvent[] = [];
  const router = createRouter(config, {
    env: {},
    onEvent: (e) => events.push(e),
    ...(clock ? { clock } : {}),
  });
  open.push({ sim, router });
  return { sim, router, events };
}

describe('request shapes the servers accept', () => {
  it('LM Studio: a JSON request without a schema is refused as json_object, learned, and sent as json_schema', async () => {
    const { sim, router, events } = await setup({
      endpoints: [{ name: 'lm', flavor: 'lmstudio', models: ['m'] }],
      roles: { coder: ['lm/m'] },
    });
    const done = await router.complete('coder', { ...ask, json: true });
    expect(done.attempts.map((a) => a.outcome)).toEqual(['client_error', 'ok']);
    expect(events).toContainEqual({
      type: 'learned',
      target: 'lm',
      fact: 'refuses response_format json_object',
    });
    // The lesson holds: the next request goes out right the first time.
    expect((await router.complete('coder', { ...ask, json: true })).attempts).toHaveLength(1);
    expect(sim.stats().lm!.byOutcome).toEqual(expect.objectContaining({ refused: 1, ok: 2 }));
    expect(router.exportState().learned).toMatchObject({ formats: { lm: { refused: ['json_object'] } } });
  });

  it('with the agent schema, LM Studio is asked with json_schema at once', async () => {
    const { router } = await setup({
      endpoints: [{ name: 'lm', flavor: 'lmstudio', models: ['m'] }],
      roles: { coder: ['lm/m'] },
    });
    const schema = { name: 'plan', schema: { type: 'object', properties: { ok: { type: 'boolean' } } } };
    const done = await router.complete('coder', { ...ask, json: true, jsonSchema: schema });
    expect(done.attempts).toHaveLength(1);
  });

  it('an OpenAI output cap far below the window: learned from the 400, the same candidate asked again', async () => {
    const { router, events } = await setup({
      endpoints: [
        {
          name: 'gw',
          flavor: 'openai',
          models: ['gpt-4o-mini'],
          outputCap: 16_384,
          config: { contextWindow: 128_000 },
        },
      ],
      roles: { coder: ['gw/gpt-4o-mini'] },
    });
    const done = await router.complete('coder', ask);
    expect(done.attempts.map((a) => a.outcome)).toEqual(['client_error', 'ok']);
    expect(done.maxTokens).toBe(16_384);
    expect(events).toContainEqual({
      type: 'learned',
      target: 'gw/gpt-4o-mini',
      fact: 'outputs at most 16384 tokens',
    });
  });

  it('an OpenAI reasoning model gets max_completion_tokens from the start', async () => {
    const { router, sim } = await setup({
      endpoints: [{ name: 'gw', flavor: 'openai', models: ['gpt-5-mini'], config: { kind: 'hosted' } }],
      roles: { coder: ['gw/gpt-5-mini'] },
    });
    const done = await router.complete('coder', { ...ask, maxTokens: 500 });
    expect(done).toMatchObject({ maxTokens: 500 });
    expect(done.attempts).toHaveLength(1);
    expect(sim.stats().gw!.byOutcome.refused).toBeUndefined();
  });

  it('insufficient_quota disables the endpoint for the run; the next tier serves', async () => {
    const { router, events, sim } = await setup({
      endpoints: [
        { name: 'paid', flavor: 'openai', mode: 'quota', config: { kind: 'hosted' } },
        { name: 'lan', flavor: 'vllm' },
      ],
      roles: { coder: ['paid/sim-model', 'lan/sim-model'] },
    });
    expect((await router.complete('coder', ask)).endpointId).toBe('lan');
    expect((await router.complete('coder', ask)).endpointId).toBe('lan');
    expect(sim.stats().paid!.chatRequests).toBe(1);
    expect(events).toContainEqual(expect.objectContaining({ type: 'disabled', target: 'paid' }));
  });

  it("a reverse proxy's 413 skips that candidate for prompts as large; smaller ones still go there", async () => {
    const { router, sim, events } = await setup({
      endpoints: [{ name: 'behind', proxyMaxBodyBytes: 4_000 }, { name: 'lan' }],
      roles: { coder: ['behind/sim-model', 'lan/sim-model'] },
    });
    const large: ChatRequest = { messages: [{ role: 'user', content: 'y'.repeat(6_000) }], stream: true };
    const first = await router.complete('coder', large);
    expect(first.endpointId).toBe('lan');
    expect(first.attempts.map((a) => `${a.endpointId}:${a.outcome}:${a.status ?? ''}`)).toEqual([
      'behind:client_error:413',
      'lan:ok:',
    ]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'refused', key: 'behind/sim-model' }));
    // A smaller request of the same shape fits under the proxy's limit: the first tier serves it.
    expect((await router.complete('coder', ask)).endpointId).toBe('behind');
    // As large again: not sent to the proxy a second time.
    expect((await router.complete('coder', large)).attempts.map((a) => a.endpointId)).toEqual(['lan']);
    expect(sim.stats().behind!.byOutcome.proxy_413).toBe(1);
    expect(router.status().find((r) => r.key === 'behind/sim-model')).toMatchObject({ failures: 0 });
  });

  it.each([
    ['groq', 'context_window'],
    ['mistral', 'max_context_length'],
    ['openrouter', 'context_length'],
  ] as const)(
    "%s's listing names the window (%s): read before the first request, the caller's limit fitted to it",
    async (listing, _field) => {
      const { router, sim } = await setup({
        endpoints: [
          {
            name: 'gw',
            flavor: 'openai',
            listing,
            models: ['m'],
            contextWindow: 2_000,
            config: { kind: 'hosted' },
          },
        ],
        roles: { coder: ['gw/m'] },
      });
      const done = await router.complete('coder', { ...ask, maxTokens: 4_000 });
      // The window 2000 × 0.95 less the prompt's few tokens: never refused for overflowing it.
      expect(done.maxTokens).toBeGreaterThan(1_800);
      expect(done.maxTokens).toBeLessThan(1_900);
      expect(done.attempts).toHaveLength(1);
      expect(router.health.latestScan('gw')?.contextWindows).toEqual({ m: 2_000 });
      expect(sim.stats().gw!.byOutcome.ctxlen).toBeUndefined();
    },
  );

  it("a gateway's listed output cap bounds the limit before any refusal; OpenAI's listing, naming none, is learned from", async () => {
    const hosted = (listing: 'openrouter' | 'openai') =>
      setup({
        endpoints: [
          {
            name: 'gw',
            flavor: 'openai',
            listing,
            models: ['m'],
            outputCap: 1_000,
            config: { kind: 'hosted' },
          },
        ],
        roles: { coder: ['gw/m'] },
      });
    const listed = await hosted('openrouter');
    const capped = await listed.router.complete('coder', { ...ask, maxTokens: 4_000 });
    expect(capped.maxTokens).toBe(1_000);
    expect(capped.attempts.map((a) => a.outcome)).toEqual(['ok']);
    const unlisted = await hosted('openai');
    const learned = await unlisted.router.complete('coder', { ...ask, maxTokens: 4_000 });
    expect(learned.maxTokens).toBe(1_000);
    expect(learned.attempts.map((a) => a.outcome)).toEqual(['client_error', 'ok']);
  });

  it('llama.cpp loading: the fallback serves, then the endpoint is back once /health says so', async () => {
    let offset = 0;
    const clock: Clock = {
      now: () => Date.now() + offset,
      sleep: (ms, signal) => systemClock.sleep(ms, signal),
    };
    const { router, sim, events } = await setup({
      endpoints: [
        {
          name: 'cpp',
          flavor: 'llamacpp',
          mode: 'loading',
          config: { contextWindow: 32_768, maxParallel: 4 },
        },
        { name: 'lan', flavor: 'vllm' },
      ],
      roles: { coder: ['cpp/sim-model', 'lan/sim-model'] },
      clock,
    });
    expect((await router.complete('coder', ask)).endpointId).toBe('lan');
    await sim.setMode('cpp', 'ok');
    offset += 2_500;
    expect((await router.complete('coder', ask)).endpointId).toBe('cpp');
    expect(events.filter((e) => e.type === 'loading')).toHaveLength(2);
    expect(router.status().find((r) => r.key === 'cpp/sim-model')).toMatchObject({
      state: 'CLOSED',
      failures: 0,
    });
  });
});

describe('windows and capacity as the servers report them', () => {
  it("llama.cpp's total_slots caps requests in flight when the config sets no maxParallel", async () => {
    const { router, sim } = await setup({
      endpoints: [{ name: 'cpp', flavor: 'llamacpp', slots: 2, latencyMs: 60 }],
      roles: { coder: ['cpp/sim-model'] },
    });
    await Promise.all(Array.from({ length: 6 }, () => router.complete('coder', ask)));
    expect(sim.stats().cpp!.maxInflight).toBe(2);
    expect(router.status()[0]!.maxParallel).toBe(2);
  });

  it('Ollama: a cold model gets loadMs more for its first token, found loaded or not in /api/ps', async () => {
    const { router } = await setup({
      endpoints: [
        {
          name: 'o',
          flavor: 'ollama',
          models: ['m:latest'],
          loadedModels: [],
          loadMs: 500,
          config: { maxParallel: 1, timeouts: { firstTokenMs: 200, loadMs: 2_000 } },
        },
      ],
      roles: { coder: ['o/m:latest'] },
    });
    const done = await router.complete('coder', ask);
    expect(done.attempts.map((a) => a.outcome)).toEqual(['ok']);
  });

  it('Ollama: a first-token timeout queued behind our own request is queue wait, not a breaker failure', async () => {
    const { router } = await setup({
      endpoints: [
        {
          name: 'o',
          flavor: 'ollama',
          mode: 'slow',
          latencyMs: 100,
          config: {
            flavor: 'ollama',
            contextWindow: 32_768,
            maxParallel: 2,
            timeouts: { firstTokenMs: 150 },
          },
        },
        { name: 'lan', flavor: 'vllm' },
      ],
      roles: { coder: ['o/sim-model', 'lan/sim-model'] },
    });
    const [first, second] = await Promise.all([
      router.complete('coder', ask),
      new Promise((resolve) => setTimeout(resolve, 20)).then(() => router.complete('coder', ask)),
    ]);
    expect(first.endpointId).toBe('o');
    expect(second.attempts.map((a) => `${a.endpointId}:${a.outcome}`)).toEqual([
      'o:timeout_queued',
      'lan:ok',
    ]);
    expect(router.status().find((r) => r.key === 'o/sim-model')).toMatchObject({ failures: 0 });
  });

  it('llama.cpp router mode: a model not running is loaded by its first request; an unknown one is disabled', async () => {
    const { router, events } = await setup({
      endpoints: [
        { name: 'r', flavor: 'llamacpp-router', models: ['a', 'b'], loadedModels: ['a'], loadMs: 100 },
      ],
      roles: { coder: ['r/b'], reviewer: ['r/zz', 'r/a'] },
    });
    expect((await router.complete('coder', ask)).endpointId).toBe('r');
    expect(router.health.latestScan('r')?.notes?.[0]).toMatch(/router mode: 2 model\(s\), 1 loaded/);
    const review = await router.complete('reviewer', ask);
    expect(review.attempts.map((a) => `${a.key}:${a.outcome}`)).toEqual(['r/zz:model_not_found', 'r/a:ok']);
    expect(events).toContainEqual(expect.objectContaining({ type: 'disabled', target: 'r/zz' }));
  });

  it.each(['vllm', 'llamacpp'] as const)(
    '%s: a prompt near the window is counted by the server, and a candidate the estimate would skip serves',
    async (flavor) => {
      const { router, sim } = await setup({
        // load: local, so that the only other requests to the server are the token counts.
        endpoints: [{ name: 's', flavor, contextWindow: 2_000, config: { maxParallel: 1, load: 'local' } }],
        roles: { coder: ['s/sim-model'] },
      });
      // 6000 characters: ~1722 tokens by keel's estimate (room 178 < minOutputTokens 256), 1500 counted.
      const near: ChatRequest = { messages: [{ role: 'user', content: 'x'.repeat(6_000) }], stream: true };
      const done = await router.complete('coder', near);
      expect(done.maxTokens).toBe(1_900 - 1_500);
      expect(sim.stats().s!.probeRequests).toBeGreaterThan(0);
      // Far from the window: no count, the estimate is enough.
      const before = sim.stats().s!.probeRequests;
      await router.complete('coder', ask);
      expect(sim.stats().s!.probeRequests).toBe(before);
    },
  );
});
