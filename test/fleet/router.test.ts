import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock, type Clock } from '../../src/base/clock.ts';
import { createRouter, type Router } from '../../src/fleet/router.ts';
import { RouterError, type RouterEvent } from '../../src/fleet/router-types.ts';
import type { ChatCallOptions, ChatRequest } from '../../src/fleet/types.ts';
import { endpoint, testConfig } from '../helpers/config.ts';
import { FakeClient, type Script } from '../helpers/fake-client.ts';
import { fail, ok } from '../helpers/outcomes.ts';
import { fakeFetch } from './fixtures/fake-fetch.ts';

const ask: ChatRequest = { messages: [{ role: 'user', content: 'hello' }] };
const twoTiers = testConfig({
  endpoints: [endpoint('a'), endpoint('b'), endpoint('c', { kind: 'hosted' })],
  roles: { coder: [['a/m', 'b/m'], 'c/m'] },
});

let router: Router | undefined;
afterEach(async () => {
  await router?.close();
  router = undefined;
  vi.useRealTimers();
});

function spyClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => systemClock.now(),
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return systemClock.sleep(ms, signal);
    },
  };
}

function make(script: Script, config = twoTiers, extra: Parameters<typeof createRouter>[1] = {}) {
  const client = new FakeClient(script);
  const events: RouterEvent[] = [];
  // Routing alone: no scans of the (unreachable) test endpoints before their first use.
  router = createRouter(config, {
    client,
    env: {},
    onEvent: (e) => events.push(e),
    scanOnFirstUse: false,
    ...extra,
  });
  return { client, events, router };
}

describe('router: failover', () => {
  it('answers from the first tier when it is healthy', async () => {
    const { router, client } = make(() => ok('hi'));
    const done = await router.complete('coder', ask);
    expect(done).toMatchObject({ content: 'hi', endpointId: 'a', model: 'm', key: 'a/m' });
    expect(done.attempts).toHaveLength(1);
    expect(client.calls).toHaveLength(1);
  });

  it('fails over at once, without sleeping, when another candidate exists', async () => {
    const clock = spyClock();
    const { router } = make(
      (call) => (call.endpointId === 'a' ? fail('connect_refused') : ok('from b')),
      twoTiers,
      {
        clock,
      },
    );
    const done = await router.complete('coder', ask);
    expect(done.content).toBe('from b');
    expect(done.attempts.map((a) => `${a.key}:${a.outcome}`)).toEqual(['a/m:connect_refused', 'b/m:ok']);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not hit a dead endpoint again while it cools down', async () => {
    const { router, client } = make((call) => (call.endpointId === 'a' ? fail('server_error') : ok()));
    for (let i = 0; i < 20; i++) await router.complete('coder', ask);
    expect(client.callsTo('a')).toBe(1);
    expect(client.callsTo('b')).toBe(20);
  });

  it('drops keep-alive sockets after a connection error, not after an HTTP error', async () => {
    const { router, client } = make((call) =>
      call.endpointId === 'a' ? fail('connect_reset') : call.endpointId === 'b' ? fail('server_error') : ok(),
    );
    await router.complete('coder', ask);
    expect(client.resets).toEqual(['a']);
  });

  it('restarts a cut stream from scratch on the next candidate: never a truncated answer', async () => {
    const deltas: [string, number][] = [];
    const { router } = make((call, options) => {
      options.onDelta?.(`part from ${call.endpointId}`);
      return call.endpointId === 'a' ? fail('stream_cut') : ok('whole answer from b');
    });
    const done = await router.complete(
      'coder',
      { ...ask, stream: true },
      { onDelta: (t, n) => deltas.push([t, n]) },
    );
    expect(done.content).toBe('whole answer from b');
    expect(deltas).toEqual([
      ['part from a', 1],
      ['part from b', 2],
    ]);
  });

  it('disables an endpoint for the run after 401/403', async () => {
    const { router, client, events } = make((call) =>
      call.endpointId === 'a' ? fail('auth', { status: 401 }) : ok(),
    );
    await router.complete('coder', ask);
    vi.useFakeTimers();
    vi.advanceTimersByTime(3_600_000);
    vi.useRealTimers();
    await router.complete('coder', ask);
    expect(client.callsTo('a')).toBe(1);
    expect(router.status().find((r) => r.key === 'a/m')).toMatchObject({ state: 'DISABLED' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'disabled', target: 'a' }));
  });

  it('disables only the model after a 404, not the endpoint', async () => {
    const config = testConfig({
      endpoints: [endpoint('a'), endpoint('b')],
      roles: { coder: ['a/gone', 'a/here', 'b/m'] },
    });
    const { router, client } = make(
      (call) => (call.model === 'gone' ? fail('model_not_found', { status: 404 }) : ok()),
      config,
    );
    const first = await router.complete('coder', ask);
    const second = await router.complete('coder', ask);
    expect([first.key, second.key]).toEqual(['a/here', 'a/here']);
    expect(client.calls.filter((c) => c.model === 'gone')).toHaveLength(1);
  });

  it('a 400 from one candidate fails over; the request stops only when every candidate refused', async () => {
    const { router, client, events } = make(() => fail('client_error', { status: 400 }));
    const error = await router.complete('coder', ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouterError);
    expect((error as RouterError).reason).toBe('not_retryable');
    expect(client.calls.map((c) => c.endpointId)).toEqual(['a', 'b', 'c']);
    expect(events.filter((e) => e.type === 'refused')).toHaveLength(3);
  });

  it('a candidate that refused a request shape is not asked for that shape again; other shapes are', async () => {
    const { router, client } = make((call, _options, request) =>
      call.endpointId === 'a' && request.json === true
        ? fail('client_error', { status: 400 })
        : ok(`from ${call.endpointId}`),
    );
    const json: ChatRequest = { ...ask, json: true };
    expect((await router.complete('coder', json)).endpointId).toBe('b');
    expect((await router.complete('coder', json)).endpointId).toBe('b');
    expect(client.callsTo('a')).toBe(1);
    // Plain text is another shape: `a` is asked again, and serves it.
    expect((await router.complete('coder', ask)).endpointId).toBe('a');
  });

  it('llama.cpp loading: held without cooldown or breaker count until /health says ready, then re-scanned', async () => {
    let t = 1_000_000;
    // Time moves only when the test says so; a sleep (the probes' timeouts) ends only when cancelled.
    const clock: Clock = {
      now: () => t,
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    };
    let ready = false;
    const loadingBody = { error: { message: 'Loading model', type: 'unavailable_error', code: 503 } };
    const { fetch, calls } = fakeFetch({
      'GET http://127.0.0.1:9/a/health': () =>
        ready ? { json: { status: 'ok' } } : { status: 503, json: loadingBody },
    });
    const config = testConfig({
      endpoints: [endpoint('a'), endpoint('b')],
      roles: { coder: ['a/m', 'b/m'] },
    });
    const { router, client, events } = make(
      (call) =>
        call.endpointId === 'a' && !ready ? fail('loading', { status: 503 }) : ok(`from ${call.endpointId}`),
      config,
      { clock, fetch },
    );
    expect((await router.complete('coder', ask)).endpointId).toBe('b');
    expect(router.status().find((r) => r.key === 'a/m')?.state).toBe('LOADING');
    expect((await router.complete('coder', ask)).endpointId).toBe('b');
    expect(client.callsTo('a')).toBe(1);
    t += 2_500;
    expect((await router.complete('coder', ask)).endpointId).toBe('b'); // /health: still loading
    ready = true;
    t += 2_500;
    expect((await router.complete('coder', ask)).endpointId).toBe('a');
    expect(calls.filter((c) => c.url.endsWith('/health'))).toHaveLength(2);
    // Ready again: re-scanned at once (the scan starts with the model listing).
    expect(calls.some((c) => c.url === 'http://127.0.0.1:9/a/v1/models')).toBe(true);
    expect(events.filter((e) => e.type === 'loading').map((e) => 'loading' in e && e.loading)).toEqual([
      true,
      false,
    ]);
    expect(events.some((e) => e.type === 'cooldown' || e.type === 'breaker')).toBe(false);
    expect(router.status().find((r) => r.key === 'a/m')).toMatchObject({ state: 'CLOSED', failures: 0 });
  });

  it('LM Studio refusing json_object: the same candidate is asked again at once as json_schema; remembered across runs', async () => {
    const config = testConfig({
      endpoints: [endpoint('a'), endpoint('b')],
      roles: { coder: [['a/m', 'b/m']] },
    });
    const refuse = (call: { endpointId: string }, options: ChatCallOptions) =>
      call.endpointId === 'a' && options.responseFormat === 'json_object'
        ? fail('client_error', { status: 400, refusal: { kind: 'response_format' } })
        : ok(`from ${call.endpointId}`);
    const { router, client, events } = make(refuse, config);
    const json: ChatRequest = { ...ask, json: true };
    expect((await router.complete('coder', json)).endpointId).toBe('a');
    expect(client.calls.map((c) => c.endpointId)).toEqual(['a', 'a']);
    expect(events).toContainEqual({
      type: 'learned',
      target: 'a',
      fact: 'refuses response_format json_object',
    });
    await router.complete('coder', json);
    expect(client.calls).toHaveLength(3);
    const saved = router.exportState();
    await router.close();

    const next = make(refuse, config, { state: JSON.parse(JSON.stringify(saved)) as unknown });
    const formats: (string | undefined)[] = [];
    next.client.script = (call, options) => {
      formats.push(options.responseFormat);
      return refuse(call, options);
    };
    expect((await next.router.complete('coder', json)).endpointId).toBe('a');
    expect(formats).toEqual(['json_schema']);
  });

  it('a reasoning model refusing max_tokens, then a cap: asked again with max_completion_tokens, then capped', async () => {
    const config = testConfig({
      endpoints: [endpoint('a', { contextWindow: 200_000 }), endpoint('b')],
      roles: { coder: ['a/m', 'b/m'] },
    });
    const sent: string[] = [];
    const { router, events } = make((call, options) => {
      sent.push(`${call.endpointId} ${options.tokenParam}=${options.maxTokens}`);
      if (call.endpointId !== 'a') return ok('from b');
      if (options.tokenParam === 'max_tokens') {
        return fail('client_error', { status: 400, refusal: { kind: 'token_param', param: 'max_tokens' } });
      }
      if ((options.maxTokens ?? 0) > 16_384) {
        return fail('client_error', { status: 400, refusal: { kind: 'output_cap', cap: 16_384 } });
      }
      return ok('from a');
    }, config);
    const first = await router.complete('coder', { ...ask, maxTokens: 50_000 });
    // Once per request: the second refusal (the cap) sent this request to b, without holding a against it.
    expect(first.endpointId).toBe('b');
    const second = await router.complete('coder', { ...ask, maxTokens: 50_000 });
    expect(second).toMatchObject({ endpointId: 'a', maxTokens: 16_384 });
    expect(sent).toEqual([
      'a max_tokens=50000',
      'a max_completion_tokens=50000',
      'b max_tokens=50000',
      'a max_completion_tokens=16384',
    ]);
    expect(events.filter((e) => e.type === 'learned').map((e) => 'fact' in e && e.fact)).toEqual([
      'takes max_completion_tokens, not max_tokens',
      'outputs at most 16384 tokens',
    ]);
    expect(events.some((e) => e.type === 'refused')).toBe(false);
  });

  it('insufficient_quota disables the endpoint for the run, with an event, and never cools it', async () => {
    const { router, client, events } = make((call) =>
      call.endpointId === 'a' ? fail('quota', { status: 429 }) : ok(),
    );
    await router.complete('coder', ask);
    await router.complete('coder', ask);
    expect(client.callsTo('a')).toBe(1);
    const disabled = events.find((e) => e.type === 'disabled');
    expect(disabled).toMatchObject({ type: 'disabled', target: 'a' });
    expect(disabled && 'reason' in disabled ? disabled.reason : '').toMatch(/quota/);
    expect(events.some((e) => e.type === 'cooldown' || e.type === 'breaker')).toBe(false);
    expect(router.status().find((r) => r.key === 'a/m')?.state).toBe('DISABLED');
  });

  it('skips a candidate for this request only after a context-length error', async () => {
    let calls = 0;
    const { router, client } = make((call) =>
      call.endpointId === 'a' && calls++ === 0 ? fail('context_length') : ok(),
    );
    expect((await router.complete('coder', ask)).endpointId).toBe('b');
    expect((await router.complete('coder', ask)).endpointId).toBe('a');
    expect(client.callsTo('a')).toBe(2);
  });

  it('rejects an unknown role with a RouterError', async () => {
    const { router } = make(() => ok());
    await expect(router.complete('planner', ask)).rejects.toMatchObject({ reason: 'unknown_role' });
  });
});

describe('router: waiting when nothing else is left', () => {
  const single = testConfig({
    endpoints: [endpoint('a'), endpoint('b')],
    roles: { coder: ['a/m', 'b/m'] },
    policy: { cooldown: { baseMs: 1_000, maxMs: 60_000 }, maxWaitMs: 5_000 },
  });

  it('waits for the earliest cooldown to end instead of failing', async () => {
    vi.useFakeTimers();
    let n = 0;
    const { router, events } = make(() => (++n <= 2 ? fail('server_error') : ok('third time')), single);
    const pending = router.complete('coder', ask);
    await vi.advanceTimersByTimeAsync(999);
    expect(n).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    const done = await pending;
    expect(done.content).toBe('third time');
    expect(done.waitedMs).toBe(1_000);
    expect(events).toContainEqual({ type: 'wait', role: 'coder', reason: 'cooling', ms: 1_000 });
  });

  it('fails without waiting when the earliest cooldown ends beyond maxWaitMs', async () => {
    vi.useFakeTimers();
    const config = testConfig({
      ...single,
      endpoints: single.endpoints,
      roles: { coder: ['a/m'] },
      policy: { maxWaitMs: 500 },
    });
    const { router } = make(() => fail('timeout_first_token'), config);
    await expect(router.complete('coder', ask)).rejects.toMatchObject({ reason: 'exhausted' });
  });

  it('honours Retry-After on 429 without tripping the breaker', async () => {
    vi.useFakeTimers();
    const { router, client } = make(
      (call) => (call.endpointId === 'a' ? fail('rate_limited', { retryAfterMs: 4_000 }) : ok()),
      single,
    );
    await router.complete('coder', ask);
    await vi.advanceTimersByTimeAsync(3_999);
    await router.complete('coder', ask);
    expect(client.callsTo('a')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await router.complete('coder', ask);
    expect(client.callsTo('a')).toBe(2);
    expect(router.status().find((r) => r.key === 'a/m')?.failures).toBe(0);
  });

  it('opens the breaker after five failures in the window and reports MONITORING before', async () => {
    vi.useFakeTimers();
    const { router } = make((call) => (call.endpointId === 'a' ? fail('server_error') : ok()), single);
    const rowA = () => router.status().find((r) => r.key === 'a/m')!;
    for (let i = 1; i <= 4; i++) {
      await router.complete('coder', ask);
      expect(rowA()).toMatchObject({ state: 'COOLDOWN', failures: i });
      await vi.advanceTimersByTimeAsync(60_000); // cooldown over: a is tried again by the next request
      expect(rowA()).toMatchObject({ state: 'MONITORING', failures: i });
    }
    await router.complete('coder', ask);
    expect(rowA()).toMatchObject({ state: 'OPEN', failures: 5 });
  });

  it('aborts a wait when the caller cancels', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { router } = make(() => fail('server_error'), single);
    const pending = router.complete('coder', ask, { signal: controller.signal });
    const caught = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await caught).toMatchObject({ reason: 'aborted' });
  });
});

describe('router: capacity', () => {
  function held() {
    const waiting: (() => void)[] = [];
    const script: Script = () => new Promise((resolve) => waiting.push(() => resolve(ok())));
    return { waiting, script, releaseAll: () => waiting.splice(0).forEach((r) => r()) };
  }

  it('never exceeds maxParallel and waits for a slot instead of spilling over', async () => {
    const config = testConfig({
      endpoints: [
        endpoint('a', { maxParallel: 2 }),
        endpoint('b', { maxParallel: 3 }),
        endpoint('c', { kind: 'hosted' }),
      ],
      roles: { coder: [['a/m', 'b/m'], 'c/m'] },
    });
    const hold = held();
    const { router, client } = make(hold.script, config);
    const all = Array.from({ length: 20 }, () => router.complete('coder', ask));
    await new Promise((r) => setImmediate(r));
    expect(client.inflight.get('a')).toBe(2);
    expect(client.inflight.get('b')).toBe(3);
    expect(client.callsTo('c')).toBe(0);
    while (client.calls.length < 20 || hold.waiting.length > 0) {
      hold.releaseAll();
      await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.all(all);
    expect(results.every((r) => r.endpointId !== 'c')).toBe(true);
    expect(client.peak.get('a')).toBe(2);
    expect(client.peak.get('b')).toBe(3);
  });

  it('spills over to the next tier at once when spillover is on', async () => {
    const config = testConfig({
      endpoints: [endpoint('a', { maxParallel: 1 }), endpoint('c', { kind: 'hosted' })],
      roles: { coder: ['a/m', 'c/m'] },
      policy: { spillover: true },
    });
    const hold = held();
    const { router, client } = make(hold.script, config);
    const all = [router.complete('coder', ask), router.complete('coder', ask)];
    await new Promise((r) => setImmediate(r));
    expect(client.calls.map((c) => c.endpointId)).toEqual(['a', 'c']);
    hold.releaseAll();
    await Promise.all(all);
  });

  it('spills over after waiting maxWaitMs for a saturated tier', async () => {
    vi.useFakeTimers();
    const config = testConfig({
      endpoints: [endpoint('a', { maxParallel: 1 }), endpoint('c', { kind: 'hosted' })],
      roles: { coder: ['a/m', 'c/m'] },
      policy: { maxWaitMs: 200 },
    });
    const hold = held();
    const { router, client } = make(hold.script, config);
    const all = [router.complete('coder', ask), router.complete('coder', ask)];
    await vi.advanceTimersByTimeAsync(199);
    expect(client.calls.map((c) => c.endpointId)).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.calls.map((c) => c.endpointId)).toEqual(['a', 'c']);
    hold.releaseAll();
    await Promise.all(all);
  });
});

describe('router: context windows and placement', () => {
  it('skips a candidate whose window cannot hold the prompt and fits max_tokens to the next', async () => {
    const config = testConfig({
      endpoints: [endpoint('small', { contextWindow: 1_000 }), endpoint('big', { contextWindow: 32_768 })],
      roles: { coder: ['small/m', 'big/m'] },
    });
    const { router, client } = make(() => ok(), config);
    const long: ChatRequest = { messages: [{ role: 'user', content: 'x'.repeat(7_000) }] };
    const done = await router.complete('coder', long);
    expect(done.endpointId).toBe('big');
    expect(client.callsTo('small')).toBe(0);
    const expected = Math.floor(32_768 * 0.95);
    expect(done.maxTokens).toBeGreaterThan(expected - 2_100);
    expect(done.maxTokens).toBeLessThan(expected - 2_000);
    expect(client.calls[0]?.maxTokens).toBe(done.maxTokens);
  });

  it('skips LAN endpoints on a GitHub-hosted runner without a connection attempt', async () => {
    const { router, client } = make(() => ok(), twoTiers, { env: { RUNNER_ENVIRONMENT: 'github-hosted' } });
    const done = await router.complete('coder', ask);
    expect(done.endpointId).toBe('c');
    expect(client.callsTo('a') + client.callsTo('b')).toBe(0);
    expect(
      router
        .status()
        .filter((r) => r.state === 'UNREACHABLE')
        .map((r) => r.key),
    ).toEqual(['a/m', 'b/m']);
  });

  it('uses a LAN endpoint marked reachable on a GitHub-hosted runner', async () => {
    const config = testConfig({
      endpoints: [endpoint('a', { reachable: true }), endpoint('c', { kind: 'hosted' })],
      roles: { coder: ['a/m', 'c/m'] },
    });
    const { router } = make(() => ok(), config, { env: { RUNNER_ENVIRONMENT: 'github-hosted' } });
    expect((await router.complete('coder', ask)).endpointId).toBe('a');
  });
});

describe('router: state across runs', () => {
  it('carries an open breaker and a cooldown into the next router', async () => {
    const first = make((call) => (call.endpointId === 'a' ? fail('server_error') : ok()));
    const clockNow = { t: Date.parse('2026-11-23T10:00:00Z') };
    const clock: Clock = { now: () => clockNow.t, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
    await first.router.close();
    router = createRouter(twoTiers, { client: first.client, env: {}, clock, scanOnFirstUse: false });
    for (let i = 0; i < 5; i++) {
      if (i > 0) clockNow.t += 61_000; // past each cooldown, all five inside the 5-minute window
      await router.complete('coder', ask);
    }
    const saved = JSON.parse(JSON.stringify(router.exportState())) as unknown;
    await router.close();

    const next = new FakeClient(() => ok());
    router = createRouter(twoTiers, { client: next, env: {}, clock, state: saved, scanOnFirstUse: false });
    expect(router.status().find((r) => r.key === 'a/m')?.state).toBe('OPEN');
    await router.complete('coder', ask);
    expect(next.callsTo('a')).toBe(0);
    await router.close();

    // The next scheduled run, two minutes later: the breaker lets one trial through, which closes it.
    clockNow.t += 120_000;
    router = createRouter(twoTiers, { client: next, env: {}, clock, state: saved, scanOnFirstUse: false });
    expect(router.status().find((r) => r.key === 'a/m')?.state).toBe('HALF-OPEN');
    expect((await router.complete('coder', ask)).endpointId).toBe('a');
    expect(router.status().find((r) => r.key === 'a/m')?.state).toBe('CLOSED');
  });

  it('ignores a damaged state instead of failing', async () => {
    const { router } = make(() => ok(), twoTiers, { state: { version: 1, breakers: 'nope' } });
    expect((await router.complete('coder', ask)).content).toBe('fine');
  });
});

describe('router: slow start after a cooldown', () => {
  it('lets one request through to a recovering endpoint until it succeeds, then the full cap', async () => {
    vi.useFakeTimers();
    const config = testConfig({
      endpoints: [endpoint('a', { maxParallel: 4 }), endpoint('c', { kind: 'hosted', maxParallel: 16 })],
      roles: { coder: ['a/m', 'c/m'] },
      policy: { spillover: true },
    });
    let aDown = true;
    const waiting: (() => void)[] = [];
    const { router, client } = make((call) => {
      if (call.endpointId === 'a' && aDown) return fail('server_error');
      return new Promise((resolve) => waiting.push(() => resolve(ok())));
    }, config);
    // a fails once and cools down for 1 s.
    const first = router.complete('coder', ask);
    await vi.advanceTimersByTimeAsync(0);
    waiting.splice(0).forEach((r) => r());
    await first;
    aDown = false;
    await vi.advanceTimersByTimeAsync(1_000);

    // Cooldown over: of eight requests at once, only one goes to a (the trial); the rest spill to c.
    const batch = Array.from({ length: 8 }, () => router.complete('coder', ask));
    await vi.advanceTimersByTimeAsync(0);
    expect(client.inflight.get('a')).toBe(1);
    waiting.splice(0).forEach((r) => r());
    await Promise.all(batch);

    // The trial succeeded: a takes its full four again.
    const next = Array.from({ length: 8 }, () => router.complete('coder', ask));
    await vi.advanceTimersByTimeAsync(0);
    expect(client.inflight.get('a')).toBe(4);
    waiting.splice(0).forEach((r) => r());
    await Promise.all(next);
  });
});

describe('router: wait events', () => {
  it('reports one wait per stretch of waiting, with how long it lasted, however often the wait is woken', async () => {
    vi.useFakeTimers();
    const config = testConfig({
      endpoints: [endpoint('a', { maxParallel: 1 }), endpoint('b', { maxParallel: 1 })],
      roles: { coder: ['a/m'], planner: ['b/m'] },
    });
    const release: (() => void)[] = [];
    const { router, events } = make(
      () => new Promise((resolve) => release.push(() => resolve(ok()))),
      config,
    );
    const first = router.complete('coder', ask);
    const second = router.complete('coder', ask); // waits for a's one slot
    const others = [router.complete('planner', ask), router.complete('planner', ask)];
    await vi.advanceTimersByTimeAsync(100);
    release.splice(1, 1)[0]!(); // b's request ends: every waiter is woken, a is still full
    await vi.advanceTimersByTimeAsync(200);
    release.shift()!(); // a's first request ends after 300 ms
    await first;
    await vi.advanceTimersByTimeAsync(0);
    release.splice(0).forEach((r) => r());
    await Promise.all([second, ...others]);
    const waits = events.filter((e) => e.type === 'wait');
    expect(waits).toEqual([
      { type: 'wait', role: 'planner', reason: 'saturated', ms: 100 },
      { type: 'wait', role: 'coder', reason: 'saturated', ms: 300 },
    ]);
  });
});

describe('router: fairness under sustained load', () => {
  it('serves queued requests in arrival order: a newcomer never takes a slot an earlier request waits for', async () => {
    const config = testConfig({ endpoints: [endpoint('a', { maxParallel: 1 })], roles: { coder: ['a/m'] } });
    const waiting: (() => void)[] = [];
    const served: string[] = [];
    const { router } = make(() => new Promise((resolve) => waiting.push(() => resolve(ok()))), config);
    const tick = () => new Promise((r) => setImmediate(r));
    const all: Promise<unknown>[] = [];
    // Like a busy worker pool: the moment a request finishes, its worker sends the next one.
    const worker = (name: string, more: number): Promise<unknown> =>
      router.complete('coder', ask).then(() => {
        served.push(name);
        if (more > 0) all.push(worker(`${name}+`, more - 1));
      });
    for (const name of ['q0', 'q1', 'q2', 'q3']) all.push(worker(name, 1));
    await tick();
    while (waiting.length > 0 || served.length < 8) {
      waiting.shift()?.();
      await tick();
    }
    await Promise.all(all);
    // Without the fair queue, q0's follow-up would re-take the slot q0 just released, ahead of q1.
    expect(served).toEqual(['q0', 'q1', 'q2', 'q3', 'q0+', 'q1+', 'q2+', 'q3+']);
  });
});
