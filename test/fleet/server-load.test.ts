/**
 * `load: server | auto` (`server-load.ts`): the simulator's vLLM and llama.cpp flavours report their real
 * in-flight counts on `/metrics`; routers that share nothing (two machines, separate state) hold one
 * endpoint's cap within the reporting lag; waiting requests at the server mean full; metrics that stop
 * answering fall back to local counting, and come back into use when they answer again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/base/clock.ts';
import type { EndpointConfig } from '../../src/config/schema.ts';
import { createRouter } from '../../src/fleet/router.ts';
import { parsePrometheusText, sumOf } from '../../src/fleet/prometheus-text.ts';
import { RELEASE_LOOK_MS, ServerLoad } from '../../src/fleet/server-load.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { testConfig } from '../helpers/config.ts';

let sim: FleetSimulator;
beforeAll(async () => {
  sim = await startSimulator({
    endpoints: [
      { name: 'vllm', flavor: 'vllm', models: ['Qwen/Qwen3-8B'], latencyMs: 150 },
      { name: 'llama', flavor: 'llamacpp', models: ['m'], latencyMs: 150 },
      { name: 'ollama', flavor: 'ollama', models: ['m'], latencyMs: 150 },
      // llama.cpp with one and two slots of its own (`-np`): the rest are deferred.
      { name: 'llama1', flavor: 'llamacpp', models: ['m'], latencyMs: 200, slots: 1 },
      { name: 'llama2', flavor: 'llamacpp', models: ['m'], latencyMs: 150, slots: 2 },
    ],
  });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.resetStats();
});

const url = (name: string): string => sim.endpoints.find((e) => e.name === name)!.url;
const root = (name: string): string => url(name).replace(/\/v1$/, '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the simulator's /metrics", () => {
  it('vLLM and llama.cpp report the requests in flight as the real servers print them; others have none', async () => {
    const router = createRouter(
      testConfig({
        endpoints: [
          { id: 'v', url: url('vllm'), kind: 'local', maxParallel: 8, load: 'local', contextWindow: 32_768 },
          { id: 'l', url: url('llama'), kind: 'local', maxParallel: 8, load: 'local', contextWindow: 32_768 },
        ],
        roles: { coder: ['v/Qwen/Qwen3-8B'], planner: ['l/m'] },
      }),
      { env: {} },
    );
    // Long enough that the five are still in flight when /metrics is read, on a busy machine too.
    await sim.setMode('vllm', 'ok', 2_000);
    await sim.setMode('llama', 'ok', 2_000);
    try {
      const asks = [
        ...[1, 2, 3].map((i) => router.complete('coder', { messages: [{ role: 'user', content: `c${i}` }] })),
        ...[1, 2].map((i) => router.complete('planner', { messages: [{ role: 'user', content: `p${i}` }] })),
      ];
      for (let i = 0; i < 500 && sim.stats().vllm!.inflight + sim.stats().llama!.inflight < 5; i++)
        await sleep(5);
      const vllm = await (await fetch(`${root('vllm')}/metrics`)).text();
      expect(vllm).toMatch(
        /^# HELP vllm:num_requests_running Number of requests in model execution batches\.$/m,
      );
      expect(vllm).toContain('vllm:num_requests_running{engine="0",model_name="Qwen/Qwen3-8B"} 3.0');
      expect(vllm).toContain('vllm:num_requests_waiting{engine="0",model_name="Qwen/Qwen3-8B"} 0.0');
      const llama = await fetch(`${root('llama')}/metrics`);
      expect(llama.headers.get('content-type')).toBe('text/plain; version=0.0.4');
      const samples = parsePrometheusText(await llama.text());
      expect(sumOf(samples, 'llamacpp:requests_processing')).toBe(2);
      expect(sumOf(samples, 'llamacpp:requests_deferred')).toBe(0);
      await Promise.all(asks);
      const after = parsePrometheusText(await (await fetch(`${root('llama')}/metrics`)).text());
      expect(sumOf(after, 'llamacpp:requests_processing')).toBe(0);
      // Counters in exponent form, as llama.cpp prints large doubles.
      expect(await (await fetch(`${root('llama')}/metrics`)).text()).toMatch(
        /^llamacpp:prompt_tokens_total 1\.23457e\+06$/m,
      );
      expect((await fetch(`${root('ollama')}/metrics`)).status).toBe(404);
    } finally {
      await router.close();
      await sim.setMode('vllm', 'ok', 150);
      await sim.setMode('llama', 'ok', 150);
    }
  });
});

describe('routers on two machines sharing one server', () => {
  /** `n` machines of `perMachine` routers each; the routers of a machine share its slot lease directory. */
  const machines = (load: 'server' | 'local', n: number, perMachine = 1) =>
    Array.from({ length: n }, (_, m) => {
      const slotsDir = mkdtempSync(join(tmpdir(), `keel-machine-${m}-`));
      return Array.from({ length: perMachine }, () =>
        createRouter(
          testConfig({
            endpoints: [
              {
                id: 'gpu',
                url: url('vllm'),
                kind: 'local',
                maxParallel: 4,
                flavor: 'vllm',
                load,
                contextWindow: 32_768,
              },
            ],
            roles: { coder: ['gpu/Qwen/Qwen3-8B'] },
            policy: { probe: { loadIntervalMs: 100 }, maxWaitMs: 60_000 },
          }),
          { env: {}, slotsDir },
        ),
      );
    }).flat();
  const drain = async (routers: ReturnType<typeof createRouter>[], each: number) => {
    try {
      await Promise.all(
        routers.flatMap((router, r) =>
          Array.from({ length: each }, (_, i) =>
            router.complete('coder', { messages: [{ role: 'user', content: `m${r}-${i}` }] }),
          ),
        ),
      );
    } finally {
      await Promise.all(routers.map((router) => router.close()));
    }
  };

  it('hold maxParallel within the reporting lag with load: server; each holds its own with load: local', async () => {
    await drain(machines('local', 2), 8);
    expect(sim.stats().vllm!.maxInflight).toBe(8); // 2 machines × 4: what the server's count prevents
    sim.resetStats();
    await drain(machines('server', 2), 8);
    expect(sim.stats().vllm!.chatRequests).toBe(16);
    // At most maxParallel + one per machine (a request each may go out before its reading shows the others').
    expect(sim.stats().vllm!.maxInflight).toBeLessThanOrEqual(4 + 2);
  }, 60_000);

  it("with load: server a machine's routers (a lane's runs) take turns to send what the server does not show yet", async () => {
    // Three routers a machine, all choosing at the same instants: without the machine's turn, each would
    // send into the room its own reading shows, and the machines together up to 8.
    await drain(machines('server', 2, 3), 4);
    expect(sim.stats().vllm!.chatRequests).toBe(24);
    expect(sim.stats().vllm!.maxInflight).toBeLessThanOrEqual(4 + 2);
  }, 60_000);
});

describe("the server's own slots", () => {
  const llama = (name: string, extra: Record<string, unknown>) =>
    createRouter(
      testConfig({
        endpoints: [{ id: 'l', url: url(name), kind: 'local', contextWindow: 32_768, ...extra }],
        roles: { coder: ['l/m'] },
        policy: { probe: { loadIntervalMs: 100 }, maxWaitMs: 60_000 },
      }),
      { env: {} },
    );
  const ask = (router: ReturnType<typeof createRouter>, n: number, tag: string) =>
    Array.from({ length: n }, (_, i) =>
      router.complete('coder', { messages: [{ role: 'user', content: `${tag}${i}` }] }),
    );

  it("llama.cpp's /props total_slots is the cap where keel.yml sets no maxParallel", async () => {
    const defaulted = llama('llama2', { load: 'local' });
    try {
      await Promise.all(ask(defaulted, 6, 'd'));
    } finally {
      await defaulted.close();
    }
    expect(sim.stats().llama2!.chatRequests).toBe(6);
    expect(sim.stats().llama2!.maxInflight).toBe(2); // total_slots 2, not the default 4
    expect(sim.stats().llama2!.maxWaiting).toBe(0);
    sim.resetStats();
    const configured = llama('llama2', { load: 'local', maxParallel: 4 });
    try {
      await Promise.all(ask(configured, 6, 'c'));
    } finally {
      await configured.close();
    }
    expect(sim.stats().llama2!.maxInflight).toBe(4); // a configured maxParallel wins, and queues there
    expect(sim.stats().llama2!.maxWaiting).toBe(2);
  }, 30_000);

  it('requests waiting at the server (llamacpp:requests_deferred) make it full for another machine', async () => {
    const other = llama('llama1', { load: 'local', maxParallel: 3 });
    const watcher = llama('llama1', { load: 'auto', flavor: 'llamacpp', maxParallel: 3 });
    try {
      const first = ask(other, 3, 'o'); // one runs, two are deferred
      for (let i = 0; i < 400 && sim.stats().llama1!.waiting < 2; i++) await sleep(5);
      expect(sim.stats().llama1!.waiting).toBe(2);
      // Its reading says 1 running (room for 2 more by the count) but 2 deferred: full, so it waits.
      await Promise.all([...first, ...ask(watcher, 1, 'w')]);
    } finally {
      await Promise.all([other.close(), watcher.close()]);
    }
    expect(sim.stats().llama1!.chatRequests).toBe(4);
    expect(sim.stats().llama1!.maxWaiting).toBe(2); // 3 had it sent while the others waited
  }, 30_000);
});

describe('ServerLoad', () => {
  const endpoint = (extra: Partial<EndpointConfig> = {}): EndpointConfig =>
    testConfig({
      endpoints: [{ id: 'gpu', url: 'http://10.0.0.5:8000/v1', kind: 'local', flavor: 'vllm', ...extra }],
      roles: { coder: ['gpu/m'] },
    }).endpoints[0]!;
  const vllmText = (running: number, waiting: number) =>
    `vllm:num_requests_running{engine="0",model_name="m"} ${running}.0\nvllm:num_requests_waiting{engine="0",model_name="m"} ${waiting}.0\n`;

  function harness(answer: (url: string) => Response | Promise<Response>, config = endpoint()) {
    let now = 1_000_000;
    let local = 0;
    let changes = 0;
    const asked: { url: string; auth?: string }[] = [];
    const load = new ServerLoad([config], {
      clock: { now: () => now, sleep: (ms, signal) => systemClock.sleep(ms, signal) },
      fetch: async (input, init) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        asked.push({ url: input, ...(headers.authorization ? { auth: headers.authorization } : {}) });
        return answer(input);
      },
      env: { GPU_KEY: 'sk-local-gpu-key-0123456789' },
      intervalMs: 1_000,
      timeoutMs: 500,
      scannedFlavor: () => undefined,
      localInflight: () => local,
      onChange: () => changes++,
    });
    const settle = () => sleep(5);
    return {
      load,
      asked,
      settle,
      advance: (ms: number) => (now += ms),
      setLocal: (n: number) => (local = n),
      changes: () => changes,
    };
  }

  it("counts the server's running requests beyond this machine's, waiting ones as full, at most once an interval", async () => {
    let text = vllmText(3, 0);
    const h = harness(() => new Response(text));
    h.setLocal(1);
    h.load.poll(['gpu']);
    await h.settle();
    expect(h.asked.map((a) => a.url)).toEqual(['http://10.0.0.5:8000/metrics']);
    expect(h.load.remote('gpu')).toMatchObject({ extra: 2, full: false });
    expect(h.changes()).toBe(1);
    h.load.poll(['gpu']); // not due
    await h.settle();
    expect(h.asked).toHaveLength(1);
    text = vllmText(2, 1);
    h.load.released('gpu'); // too soon after the last look (load: auto): none
    await h.settle();
    expect(h.asked).toHaveLength(1);
    h.advance(RELEASE_LOOK_MS);
    h.load.released('gpu'); // a release looks at once
    await h.settle();
    expect(h.asked).toHaveLength(2);
    expect(h.load.remote('gpu')).toMatchObject({ extra: 1, full: true });
    h.advance(3_001); // stale: counted locally
    expect(h.load.remote('gpu')).toBeUndefined();
    h.advance(1);
    h.load.poll(['gpu']);
    await h.settle();
    expect(h.load.remote('gpu')).toMatchObject({ extra: 1, full: true });
  });

  it('readSince waits for a reading asked at or after a time, looking once more after a look in flight', async () => {
    let answers = 0;
    let letFirstAnswer!: () => void;
    const firstHeld = new Promise<void>((resolve) => (letFirstAnswer = resolve));
    const h = harness(
      async () => {
        answers++;
        if (answers === 1) await firstHeld;
        return new Response(vllmText(answers, 0));
      },
      endpoint({ load: 'server' }),
    );
    h.load.poll(['gpu']); // asked at 1_000_000, still out
    h.advance(10);
    let done = false;
    const reading = h.load.readSince('gpu', 1_000_010).then(() => (done = true));
    await h.settle();
    expect(h.asked).toHaveLength(1);
    expect(done).toBe(false);
    letFirstAnswer();
    await reading;
    expect(h.asked).toHaveLength(2); // the first was asked too early: one more
    expect(h.load.remote('gpu')).toMatchObject({ extra: 2, sentAt: 1_000_010 });
    await h.load.readSince('gpu', 1_000_005); // already has one: no look
    expect(h.asked).toHaveLength(2);
  });

  it('falls back to local counting while the metrics fail, and uses them again when they answer', async () => {
    let status = 200;
    const h = harness(() => new Response(status === 200 ? vllmText(4, 0) : 'oops', { status }));
    h.load.poll(['gpu']);
    await h.settle();
    expect(h.load.remote('gpu')).toMatchObject({ extra: 4, full: false });
    status = 500;
    h.advance(RELEASE_LOOK_MS);
    h.load.released('gpu');
    await h.settle();
    expect(h.load.remote('gpu')).toBeUndefined();
    expect(h.load.lastError('gpu')).toMatch(/HTTP 500/);
    const unreachable = harness(() => Promise.reject(new TypeError('fetch failed')));
    unreachable.load.poll(['gpu']);
    await unreachable.settle();
    expect(unreachable.load.remote('gpu')).toBeUndefined();
    expect(unreachable.load.lastError('gpu')).toMatch(/fetch failed/);
    status = 200;
    h.advance(1_000);
    h.load.poll(['gpu']);
    await h.settle();
    expect(h.load.remote('gpu')).toMatchObject({ extra: 4, full: false });
    // An answer without the series is no reading either.
    const other = harness(() => new Response('process_cpu_seconds_total 12.5\n'));
    other.load.poll(['gpu']);
    await other.settle();
    expect(other.load.remote('gpu')).toBeUndefined();
    expect(other.load.lastError('gpu')).toMatch(/no vllm:num_requests_running/);
  });

  it('llama.cpp: /metrics with its key, else /slots (on by default); auto asks only flavours that report', async () => {
    const llama = endpoint({ flavor: 'llamacpp', apiKeyEnv: 'GPU_KEY' });
    const withMetrics = harness(
      () => new Response('llamacpp:requests_processing 2\nllamacpp:requests_deferred 1\n'),
      llama,
    );
    withMetrics.load.poll(['gpu']);
    await withMetrics.settle();
    expect(withMetrics.load.remote('gpu')).toMatchObject({ extra: 2, full: true });
    expect(withMetrics.asked[0]).toEqual({
      url: 'http://10.0.0.5:8000/metrics',
      auth: 'Bearer sk-local-gpu-key-0123456789',
    });
    const slotsOnly = harness(
      (asked) =>
        asked.endsWith('/metrics')
          ? new Response(
              '{"error":{"code":501,"message":"This server does not support metrics endpoint."}}',
              {
                status: 501,
              },
            )
          : new Response(
              JSON.stringify([
                { id: 0, is_processing: true },
                { id: 1, is_processing: false },
                { id: 2, is_processing: true },
              ]),
            ),
      llama,
    );
    slotsOnly.load.poll(['gpu']);
    await slotsOnly.settle();
    expect(slotsOnly.asked.map((a) => a.url)).toEqual([
      'http://10.0.0.5:8000/metrics',
      'http://10.0.0.5:8000/slots',
    ]);
    expect(slotsOnly.load.remote('gpu')).toMatchObject({ extra: 2, full: false });

    const ollama = harness(() => new Response(vllmText(9, 9)), endpoint({ flavor: 'ollama' }));
    expect(ollama.load.tracks('gpu')).toBe(false);
    ollama.load.poll(['gpu']);
    ollama.load.released('gpu');
    await ollama.settle();
    expect(ollama.asked).toEqual([]);
    const local = harness(() => new Response(vllmText(9, 9)), endpoint({ load: 'local' }));
    local.load.poll(['gpu']);
    await local.settle();
    expect(local.asked).toEqual([]);
  });
});
