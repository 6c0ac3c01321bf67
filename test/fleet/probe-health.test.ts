import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/base/clock.ts';
import { probeHealth } from '../../src/fleet/probe.ts';
import { endpoint, fakeFetch, stallingBody } from './fixtures/fake-fetch.ts';
import { llamaCppModels, lmStudioModels, ollamaModels, vllmModels } from './fixtures/flavor-responses.ts';

const URL_V1 = 'http://lan-a:8000/v1';
const MODELS = `GET ${URL_V1}/models`;
const lanA = endpoint({ id: 'lan-a', url: URL_V1 });

/** A clock whose `now` moves only when told to; `sleep` never resolves (no timeouts fire). */
function steppingClock(times: number[]): Clock {
  return { now: () => times.shift() ?? 0, sleep: () => new Promise<void>(() => undefined) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('probeHealth', () => {
  it.each([
    ['vLLM', vllmModels, ['Qwen/Qwen2.5-Coder-7B-Instruct']],
    ['llama.cpp', llamaCppModels, ['qwen2.5-coder-7b-instruct-q4_k_m.gguf']],
    [
      'LM Studio',
      lmStudioModels,
      ['qwen2.5-coder-7b-instruct', 'text-embedding-nomic-embed-text-v1.5', 'llama-3.2-3b-instruct'],
    ],
    ['Ollama', ollamaModels, ['qwen2.5-coder:7b', 'llama3.2:latest', 'nomic-embed-text:latest']],
  ])('reads the model list of %s', async (_name, body, models) => {
    const { fetch } = fakeFetch({ [MODELS]: { json: body } });
    const probe = await probeHealth(lanA, { fetch, clock: steppingClock([1_000, 1_042]), timeoutMs: 3_000 });
    expect(probe).toEqual({ endpointId: 'lan-a', healthy: true, latencyMs: 42, models, checkedAt: 1_042 });
  });

  it('treats an empty list (Ollama answers `data: null` with no models pulled) as healthy', async () => {
    const { fetch } = fakeFetch({ [MODELS]: { json: { object: 'list', data: null } } });
    const probe = await probeHealth(lanA, { fetch, timeoutMs: 3_000 });
    expect(probe.healthy).toBe(true);
    expect(probe.models).toEqual([]);
  });

  it('sends the key from env[apiKeyEnv] as a bearer token, and never follows redirects', async () => {
    const { fetch, calls } = fakeFetch({ [MODELS]: { json: vllmModels } });
    const hosted = endpoint({ id: 'openai', url: URL_V1, kind: 'hosted', apiKeyEnv: 'OPENAI_API_KEY' });
    await probeHealth(hosted, { fetch, env: { OPENAI_API_KEY: 'sk-test-123456' }, timeoutMs: 3_000 });
    expect(calls[0]?.headers.authorization).toBe('Bearer sk-test-123456');
    expect(calls[0]?.redirect).toBe('manual');
  });

  it('sends no authorization header when the variable is unset, and says which one on 401', async () => {
    const { fetch, calls } = fakeFetch({ [MODELS]: { status: 401, json: { error: { message: 'no key' } } } });
    const hosted = endpoint({ id: 'openai', url: URL_V1, kind: 'hosted', apiKeyEnv: 'OPENAI_API_KEY' });
    const probe = await probeHealth(hosted, { fetch, env: {}, timeoutMs: 3_000 });
    expect(calls[0]?.headers.authorization).toBeUndefined();
    expect(probe).toMatchObject({
      healthy: false,
      models: [],
      error: 'HTTP 401 (OPENAI_API_KEY is not set)',
    });
  });

  it.each([
    ['a server error', { status: 500, text: 'Internal Server Error' }, 'HTTP 500'],
    ['a redirect', { status: 302, text: '', headers: { location: 'http://elsewhere/' } }, 'HTTP 302'],
    ['a body that is not JSON', { text: '<html>captive portal</html>' }, 'response is not JSON'],
    ['JSON that is not a list', { json: { status: 'ok' } }, 'the /models answer is not a model list'],
    [
      'a list whose data is not an array',
      { json: { object: 'list', data: 'qwen' } },
      'the /models answer is not a model list',
    ],
  ])('is unhealthy on %s', async (_what, answer, error) => {
    const { fetch } = fakeFetch({ [MODELS]: answer });
    const probe = await probeHealth(lanA, { fetch, timeoutMs: 3_000 });
    expect(probe).toMatchObject({ healthy: false, models: [], error });
  });

  it('drops malformed list entries but keeps the good ones', async () => {
    const data = [
      { id: 'good' },
      { id: '' },
      { id: 42 },
      null,
      'text',
      { id: 'x'.repeat(600) },
      { id: 'good' },
      { id: 'also-good' },
    ];
    const { fetch } = fakeFetch({ [MODELS]: { json: { data } } });
    const probe = await probeHealth(lanA, { fetch, timeoutMs: 3_000 });
    expect(probe.models).toEqual(['good', 'also-good']);
  });

  it('reports a refused connection with its code', async () => {
    const { fetch } = fakeFetch({
      [MODELS]: { networkError: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:8000' },
    });
    const probe = await probeHealth(lanA, { fetch, timeoutMs: 3_000 });
    expect(probe).toMatchObject({
      healthy: false,
      error: 'ECONNREFUSED: connect ECONNREFUSED 10.0.0.5:8000',
    });
  });

  it('never lets the key into the error text, even when the failure quotes it', async () => {
    const key = 'sk-live-abcdefghijklmnop';
    const { fetch } = fakeFetch({
      [MODELS]: {
        networkError: 'EPROTO',
        message: `proxy refused header Authorization: Bearer ${key} and ${key}`,
      },
    });
    const hosted = endpoint({ id: 'openai', url: URL_V1, kind: 'hosted', apiKeyEnv: 'KEY' });
    const probe = await probeHealth(hosted, { fetch, env: { KEY: key }, timeoutMs: 3_000 });
    expect(probe.healthy).toBe(false);
    expect(probe.error).toContain('[REDACTED]');
    expect(probe.error).not.toContain('abcdefghijklmnop');
  });

  it('gives up after timeoutMs when no answer comes (even if fetch ignores the abort)', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch({ [MODELS]: { hang: true } });
    const pending = probeHealth(lanA, { fetch, timeoutMs: 3_000 });
    await vi.advanceTimersByTimeAsync(2_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ healthy: false, models: [], error: 'timed out after 3000 ms' });
  });

  it('counts the body in the deadline: headers followed by silence is a timeout', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch({
      [MODELS]: () => ({
        response: new Response(stallingBody('{"object":"list","data":['), { status: 200 }),
      }),
    });
    const pending = probeHealth(lanA, { fetch, timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await pending).toMatchObject({ healthy: false, error: 'timed out after 1000 ms' });
  });

  it('refuses answers above the size cap, declared or streamed', async () => {
    const big = JSON.stringify({ data: Array.from({ length: 200 }, (_, i) => ({ id: `model-${i}` })) });
    const declared = fakeFetch({
      [MODELS]: { text: big, headers: { 'content-length': String(big.length) } },
    });
    const streamed = fakeFetch({
      [MODELS]: () => ({ response: new Response(new Blob([big]).stream(), { status: 200 }) }),
    });
    for (const { fetch } of [declared, streamed]) {
      const probe = await probeHealth(lanA, { fetch, timeoutMs: 3_000, maxResponseBytes: 1_024 });
      expect(probe).toMatchObject({ healthy: false, error: 'response larger than 1024 bytes' });
    }
    const roomy = await probeHealth(lanA, {
      fetch: declared.fetch,
      timeoutMs: 3_000,
      maxResponseBytes: 1_000_000,
    });
    expect(roomy.models).toHaveLength(200);
  });

  it('stops at once when the caller aborts', async () => {
    const { fetch } = fakeFetch({ [MODELS]: { hang: true } });
    const controller = new AbortController();
    const pending = probeHealth(lanA, { fetch, timeoutMs: 60_000, signal: controller.signal });
    controller.abort(new Error('shutting down'));
    expect(await pending).toMatchObject({ healthy: false, error: 'shutting down' });
  });

  it('does not request at all when the signal is already aborted', async () => {
    const { fetch, calls } = fakeFetch({ [MODELS]: { json: vllmModels } });
    const probe = await probeHealth(lanA, { fetch, timeoutMs: 3_000, signal: AbortSignal.abort() });
    expect(probe.healthy).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('joins the URL without doubling slashes', async () => {
    const { fetch, calls } = fakeFetch({ [MODELS]: { json: vllmModels } });
    await probeHealth(endpoint({ id: 'lan-a', url: `${URL_V1}/` }), { fetch, timeoutMs: 3_000 });
    expect(calls[0]?.url).toBe(`${URL_V1}/models`);
  });
});
