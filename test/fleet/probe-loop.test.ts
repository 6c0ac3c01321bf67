import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/base/clock.ts';
import { FleetHealthBook } from '../../src/fleet/probe.ts';
import { runProbeLoop } from '../../src/fleet/probe-loop.ts';
import { endpoint, fakeFetch, type FakeRoute } from './fixtures/fake-fetch.ts';
import { ollamaModels, ollamaShowWithNumCtx, ollamaTags } from './fixtures/flavor-responses.ts';

const intervals = { healthIntervalMs: 15_000, capabilityIntervalMs: 60_000, timeoutMs: 3_000 };

function ollamaRoutes(host: string): Record<string, FakeRoute> {
  return {
    [`GET http://${host}/v1/models`]: { json: ollamaModels },
    [`GET http://${host}/api/tags`]: { json: ollamaTags },
    [`POST http://${host}/api/show`]: { json: ollamaShowWithNumCtx },
  };
}

const lanA = endpoint({ id: 'lan-a', url: 'http://lan-a/v1', flavor: 'ollama' });
const lanB = endpoint({ id: 'lan-b', url: 'http://lan-b/v1', flavor: 'ollama' });

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

function countCalls(calls: { url: string }[], suffix: string): number {
  return calls.filter((call) => call.url.endsWith(suffix)).length;
}

describe('runProbeLoop', () => {
  it('probes health every healthIntervalMs and scans every capabilityIntervalMs, in parallel', async () => {
    const { fetch, calls } = fakeFetch({ ...ollamaRoutes('lan-a'), ...ollamaRoutes('lan-b') });
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    const controller = new AbortController();
    const loop = runProbeLoop([lanA, lanB], book, {
      clock: systemClock,
      fetch,
      intervals,
      signal: controller.signal,
    });

    await vi.advanceTimersByTimeAsync(60_000);
    // Health at 0, 15, 30, 45, 60 s; scans at 0 and 60 s (each scan also lists /v1/models once).
    const scans = countCalls(calls, 'lan-a/api/tags');
    expect(scans).toBe(2);
    expect(countCalls(calls, 'lan-a/v1/models') - scans).toBe(5);
    expect(countCalls(calls, 'lan-b/v1/models') - countCalls(calls, 'lan-b/api/tags')).toBe(5);
    expect(book.health('lan-a', Date.now())).toBe('healthy');
    expect(book.contextWindow(lanB, 'qwen2.5-coder:7b')).toBe(16384);

    controller.abort();
    await expect(loop).resolves.toBeUndefined();
  });

  it('keeps going when one endpoint fails every probe, even by throwing', async () => {
    const { fetch: answer, calls } = fakeFetch({
      ...ollamaRoutes('lan-a'),
      'GET http://lan-b/v1/models': { networkError: 'ECONNREFUSED' },
    });
    const fetch: typeof answer = (input, init) => {
      if (input.startsWith('http://lan-b/api')) throw new Error('synchronous failure');
      return answer(input, init);
    };
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    const controller = new AbortController();
    const loop = runProbeLoop([lanB, lanA], book, {
      clock: systemClock,
      fetch,
      intervals,
      signal: controller.signal,
    });

    await vi.advanceTimersByTimeAsync(45_000);
    expect(countCalls(calls, 'lan-b/v1/models')).toBeGreaterThanOrEqual(4);
    expect(book.health('lan-b', Date.now())).toBe('unhealthy');
    expect(book.latestProbe('lan-b')?.error).toMatch(/ECONNREFUSED/);
    expect(book.health('lan-a', Date.now())).toBe('healthy');
    expect(book.latestProbe('lan-a')?.checkedAt).toBe(Date.now());

    controller.abort();
    await loop;
  });

  it('does not let a slow endpoint hold up the others', async () => {
    const { fetch } = fakeFetch({ ...ollamaRoutes('lan-b'), 'GET http://lan-a/v1/models': { hang: true } });
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    const controller = new AbortController();
    const loop = runProbeLoop([lanA, lanB], book, {
      clock: systemClock,
      fetch,
      intervals,
      signal: controller.signal,
    });

    await vi.advanceTimersByTimeAsync(0);
    expect(book.health('lan-b', Date.now())).toBe('healthy');
    expect(book.latestProbe('lan-a')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(intervals.timeoutMs);
    expect(book.latestProbe('lan-a')?.error).toBe('timed out after 3000 ms');

    controller.abort();
    await loop;
  });

  it('does not delay health probes behind a slow capability scan', async () => {
    const { fetch, calls } = fakeFetch({
      ...ollamaRoutes('lan-a'),
      'POST http://lan-a/api/show': { hang: true },
    });
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    const controller = new AbortController();
    const slow = { ...intervals, healthIntervalMs: 1_000, timeoutMs: 10_000 };
    const loop = runProbeLoop([lanA], book, {
      clock: systemClock,
      fetch,
      intervals: slow,
      signal: controller.signal,
    });

    await vi.advanceTimersByTimeAsync(5_000);
    // The scan is still waiting on /api/show, yet health ran at 0..5 s.
    expect(countCalls(calls, '/v1/models') - countCalls(calls, '/api/tags')).toBe(6);

    controller.abort();
    await loop;
  });

  it('stops when aborted: in-flight probes end and no further request is made', async () => {
    const { fetch, calls } = fakeFetch({ 'GET http://lan-a/v1/models': { hang: true } });
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    const controller = new AbortController();
    const loop = runProbeLoop([lanA], book, {
      clock: systemClock,
      fetch,
      intervals,
      signal: controller.signal,
    });
    let stopped = false;
    void loop.then(() => (stopped = true));

    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    controller.abort(new Error('shutdown'));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(true);
    const made = calls.length;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls.length).toBe(made);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('returns at once, without a request, when the signal is already aborted', async () => {
    const { fetch, calls } = fakeFetch(ollamaRoutes('lan-a'));
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    await runProbeLoop([lanA], book, { clock: systemClock, fetch, intervals, signal: AbortSignal.abort() });
    expect(calls).toHaveLength(0);
  });
});

describe('runProbeLoop: an endpoint that comes back', () => {
  it('is re-scanned as soon as a health probe finds it healthy again, not at the next scan round', async () => {
    let loading = true;
    const loadingBody = { error: { message: 'Loading model', type: 'unavailable_error', code: 503 } };
    const { fetch, calls } = fakeFetch({
      ...ollamaRoutes('lan-a'),
      'GET http://lan-a/v1/models': () =>
        loading ? { status: 503, json: loadingBody } : { json: ollamaModels },
    });
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    const controller = new AbortController();
    const loop = runProbeLoop([lanA], book, {
      clock: systemClock,
      fetch,
      intervals,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(book.health('lan-a', Date.now())).toBe('unhealthy');
    expect(countCalls(calls, '/api/tags')).toBe(1); // the first scan round, at once
    loading = false;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(book.health('lan-a', Date.now())).toBe('healthy');
    // The scan interval is 60 s; the scan came with the health probe that saw it back.
    expect(countCalls(calls, '/api/tags')).toBe(2);
    expect(book.contextWindow(lanA, 'qwen2.5-coder:7b')).toBe(16384);
    controller.abort();
    await loop;
  });
});
