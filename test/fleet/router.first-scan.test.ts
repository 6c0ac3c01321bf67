/**
 * How long a request waits for the first-use scan of a server that does not answer (server-upkeep.ts): the
 * probe timeout, or the endpoint's first-token deadline since the scan began where that is shorter.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type Router } from '../../src/fleet/router.ts';
import type { ChatRequest } from '../../src/fleet/types.ts';
import { endpoint, testConfig } from '../helpers/config.ts';
import { FakeClient } from '../helpers/fake-client.ts';
import { fail, ok } from '../helpers/outcomes.ts';
import { fakeFetch } from './fixtures/fake-fetch.ts';

const ask: ChatRequest = { messages: [{ role: 'user', content: 'hello' }] };

let router: Router | undefined;
afterEach(async () => {
  await router?.close();
  router = undefined;
  vi.useRealTimers();
});

/** `a` has no configured window (scanned before first use) and its server never answers; `b` is known. */
function hungPrimary(firstTokenMs: number) {
  vi.useFakeTimers();
  const { fetch, calls } = fakeFetch({
    'GET http://127.0.0.1:9/a/v1/models': { hang: true },
  });
  const config = testConfig({
    endpoints: [
      endpoint('a', { timeouts: { firstTokenMs } }),
      endpoint('b', { contextWindow: 32_768, kind: 'hosted' }),
    ],
    roles: { coder: ['a/m', 'b/m'] },
    policy: { probe: { timeoutMs: 3_000 } },
  });
  const client = new FakeClient((call) =>
    call.endpointId === 'a' ? fail('timeout_first_token') : ok(`from ${call.endpointId}`),
  );
  router = createRouter(config, { client, env: {}, fetch });
  return { router, client, calls };
}

describe('router: first-use scan of a server that does not answer', () => {
  it('holds a request no longer than the first-token deadline, when that is shorter than the probe timeout', async () => {
    const { router, client, calls } = hungPrimary(200);
    let first: string | undefined;
    void router.complete('coder', ask).then((done) => (first = done.endpointId));
    await vi.advanceTimersByTimeAsync(199);
    expect(calls.some((c) => c.url.endsWith('/a/v1/models'))).toBe(true);
    expect(client.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    // a is tried (its own deadline decides), then b answers.
    expect(client.calls.map((c) => c.endpointId)).toEqual(['a', 'b']);
    expect(first).toBe('b');
    // A request arriving while the scan is still running does not wait for it again.
    const before = client.calls.length;
    void router.complete('coder', ask);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.calls.length).toBeGreaterThan(before);
  });

  it('waits for the scan, bounded by the probe timeout, when the first-token deadline is longer', async () => {
    const { router, client } = hungPrimary(60_000);
    void router.complete('coder', ask);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(client.calls).toHaveLength(0);
    // Every look of the scan ends at the probe timeout; then a is tried and b answers.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(client.calls.map((c) => c.endpointId)).toEqual(['a', 'b']);
  });
});
