import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanCapabilities } from '../../src/fleet/probe.ts';
import { endpoint, fakeFetch, type FakeRoute } from './fixtures/fake-fetch.ts';
import * as fx from './fixtures/flavor-responses.ts';

const ROOT = 'http://box:1234';
const V1 = `${ROOT}/v1`;
const deps = { timeoutMs: 3_000 };
const FLAVORS = ['vllm', 'llamacpp', 'lmstudio', 'ollama'] as const;

/** Each server as it answers the paths the scan may ask (anything else: that server's 404). */
const servers: Record<(typeof FLAVORS)[number], Record<string, FakeRoute>> = {
  vllm: { [`GET ${V1}/models`]: { json: fx.vllmModels } },
  llamacpp: {
    [`GET ${V1}/models`]: { json: fx.llamaCppModels },
    [`GET ${ROOT}/props`]: { json: fx.llamaCppProps },
    [`GET ${ROOT}/api/v0/models`]: { status: 404, json: fx.llamaCppNotFound },
    [`GET ${ROOT}/api/tags`]: { status: 404, json: fx.llamaCppNotFound },
  },
  lmstudio: {
    [`GET ${V1}/models`]: { json: fx.lmStudioModels },
    [`GET ${ROOT}/api/v0/models`]: { json: fx.lmStudioV0Models },
    [`GET ${ROOT}/props`]: { json: fx.lmStudioUnknownPath('/props') },
    [`GET ${ROOT}/api/tags`]: { json: fx.lmStudioUnknownPath('/api/tags') },
  },
  ollama: {
    [`GET ${V1}/models`]: { json: fx.ollamaModels },
    [`GET ${ROOT}/api/tags`]: { json: fx.ollamaTags },
    [`POST ${ROOT}/api/show`]: (call) => {
      const model = (call.body as { model?: string }).model;
      if (model === 'qwen2.5-coder:7b') return { json: fx.ollamaShowWithNumCtx };
      if (model === 'llama3.2:latest') return { json: fx.ollamaShowArchOnly };
      if (model === 'nomic-embed-text:latest') return { json: fx.ollamaShowNoArch };
      return { status: 404, json: { error: `model '${model}' not found` } };
    },
  },
};

const expected = {
  vllm: { flavor: 'vllm', contextWindows: { 'Qwen/Qwen2.5-Coder-7B-Instruct': 32768 } },
  llamacpp: {
    flavor: 'llamacpp',
    contextWindows: { 'qwen2.5-coder-7b-instruct-q4_k_m.gguf': 16384 },
    serverWindow: 16384,
  },
  lmstudio: {
    flavor: 'lmstudio',
    // Loaded: the loaded length, even above the server default. Not loaded: LM Studio's default (4096),
    // capped by the maximum.
    contextWindows: {
      'qwen2.5-coder-7b-instruct': 8192,
      'text-embedding-nomic-embed-text-v1.5': 2048,
      'llama-3.2-3b-instruct': 4096,
    },
  },
  ollama: {
    flavor: 'ollama',
    // num_ctx as it is; without num_ctx, Ollama's default (4096) capped by the trained length, read from
    // <arch>.context_length, else from any *.context_length.
    contextWindows: { 'qwen2.5-coder:7b': 16384, 'llama3.2:latest': 4096, 'nomic-embed-text:latest': 2048 },
  },
} as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('scanCapabilities', () => {
  it.each(FLAVORS)('discovers the windows of %s with flavor: auto', async (flavor) => {
    const { fetch } = fakeFetch(servers[flavor]);
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch });
    expect(scan).toMatchObject({ endpointId: 'box', ...expected[flavor] });
    expect(scan.error).toBeUndefined();
    expect(typeof scan.checkedAt).toBe('number');
  });

  it.each(FLAVORS)('discovers the windows of %s when the flavor is declared', async (flavor) => {
    const { fetch } = fakeFetch(servers[flavor]);
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1, flavor }), { ...deps, fetch });
    expect(scan).toMatchObject(expected[flavor]);
  });

  it('asks in order vLLM (in /models), LM Studio (v1, then v0), llama.cpp, Ollama and stops at the first window', async () => {
    const ollama = fakeFetch(servers.ollama);
    await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch: ollama.fetch });
    expect(ollama.calls.map((call) => `${call.method} ${call.url}`).slice(0, 6)).toEqual([
      `GET ${V1}/models`,
      `GET ${ROOT}/api/v1/models`,
      `GET ${ROOT}/api/v0/models`,
      `GET ${ROOT}/props`,
      `GET ${ROOT}/api/tags`,
      `GET ${ROOT}/api/ps`,
    ]);
    expect(ollama.calls.filter((call) => call.url.endsWith('/api/show')).map((call) => call.body)).toEqual([
      { model: 'qwen2.5-coder:7b' },
      { model: 'llama3.2:latest' },
      { model: 'nomic-embed-text:latest' },
    ]);

    const vllm = fakeFetch(servers.vllm);
    await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch: vllm.fetch });
    expect(vllm.calls.map((call) => call.url)).toEqual([`${V1}/models`]);

    const lmstudio = fakeFetch(servers.lmstudio);
    await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch: lmstudio.fetch });
    expect(lmstudio.calls.map((call) => call.url)).toEqual([
      `${V1}/models`,
      `${ROOT}/api/v1/models`,
      `${ROOT}/api/v0/models`,
    ]);
  });

  it('with a declared flavor, asks only that flavor', async () => {
    const { fetch, calls } = fakeFetch(servers.ollama);
    await scanCapabilities(endpoint({ id: 'box', url: V1, flavor: 'ollama' }), { ...deps, fetch });
    expect(calls.some((call) => call.url.endsWith('/props') || call.url.endsWith('/api/v0/models'))).toBe(
      false,
    );
  });

  it('takes llama.cpp n_ctx from the top level too, and never n_ctx_train', async () => {
    const { fetch } = fakeFetch({
      ...servers.llamacpp,
      [`GET ${ROOT}/props`]: { json: fx.llamaCppPropsTopLevel },
    });
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch });
    expect(scan.contextWindows).toEqual({ 'qwen2.5-coder-7b-instruct-q4_k_m.gguf': 8192 });
  });

  it('asks a hosted endpoint only /models, and reads a gateway-style context_length there', async () => {
    const { fetch, calls } = fakeFetch({
      [`GET https://gw.example/api/v1/models`]: {
        json: { data: [{ id: 'openai/gpt-5-nano', context_length: 400000 }, { id: 'no-window' }] },
      },
    });
    const hosted = endpoint({ id: 'gw', url: 'https://gw.example/api/v1', kind: 'hosted' });
    const scan = await scanCapabilities(hosted, { ...deps, fetch });
    expect(calls).toHaveLength(1);
    expect(scan).toMatchObject({ flavor: 'openai', models: ['openai/gpt-5-nano', 'no-window'] });
    expect(scan.contextWindows).toEqual({ 'openai/gpt-5-nano': 400000 });
  });

  it("never asks a hosted endpoint the local servers' paths, even when /models has no window", async () => {
    const { fetch, calls } = fakeFetch({
      [`GET https://api.example/v1/models`]: { json: { data: [{ id: 'gpt-5-nano' }] } },
    });
    const hosted = endpoint({ id: 'openai', url: 'https://api.example/v1', kind: 'hosted' });
    const scan = await scanCapabilities(hosted, { ...deps, fetch });
    expect(calls.map((call) => call.url)).toEqual(['https://api.example/v1/models']);
    expect(scan).toMatchObject({ flavor: 'openai', models: ['gpt-5-nano'], contextWindows: {} });
  });

  it('reports a plain OpenAI server with models but no windows, without an error', async () => {
    const { fetch } = fakeFetch({ [`GET ${V1}/models`]: { json: { data: [{ id: 'm' }] } } });
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch });
    expect(scan).toMatchObject({ flavor: 'openai', models: ['m'], contextWindows: {} });
    expect(scan.error).toBeUndefined();
  });

  it.each([0, -4096, 10_000_001, 4096.5, '32768', null, Number.MAX_SAFE_INTEGER])(
    'ignores an absurd window (%s)',
    async (value) => {
      const { fetch } = fakeFetch({
        [`GET ${V1}/models`]: { json: { data: [{ id: 'm', max_model_len: value }] } },
      });
      const scan = await scanCapabilities(endpoint({ id: 'box', url: V1, flavor: 'vllm' }), {
        ...deps,
        fetch,
      });
      expect(scan.contextWindows).toEqual({});
    },
  );

  it('ignores an absurd Ollama num_ctx and falls back to the server default capped by the trained length', async () => {
    const show = { ...fx.ollamaShowWithNumCtx, parameters: 'num_ctx                        0' };
    const { fetch } = fakeFetch({ ...servers.ollama, [`POST ${ROOT}/api/show`]: { json: show } });
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1, flavor: 'ollama' }), {
      ...deps,
      fetch,
    });
    // qwen2.context_length is 32768: the default (4096) applies.
    expect(scan.contextWindows['qwen2.5-coder:7b']).toBe(4096);
  });

  it('keeps the other Ollama models when /api/show fails for one', async () => {
    const { fetch } = fakeFetch({
      ...servers.ollama,
      [`POST ${ROOT}/api/show`]: (call) =>
        (call.body as { model: string }).model === 'llama3.2:latest'
          ? { status: 500, json: { error: 'boom' } }
          : { json: fx.ollamaShowWithNumCtx },
    });
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch });
    expect(scan.flavor).toBe('ollama');
    expect(scan.contextWindows).toEqual({ 'qwen2.5-coder:7b': 16384, 'nomic-embed-text:latest': 16384 });
  });

  it('makes no further request when the host does not answer at all', async () => {
    const { fetch, calls } = fakeFetch({ [`GET ${V1}/models`]: { networkError: 'EHOSTUNREACH' } });
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch });
    expect(calls).toHaveLength(1);
    expect(scan).toMatchObject({ flavor: 'openai', models: [], contextWindows: {} });
    expect(scan.error).toMatch(/^EHOSTUNREACH/);
  });

  it('still finds the Ollama windows when /v1/models refuses (an old Ollama without the OpenAI listing)', async () => {
    const { fetch } = fakeFetch({
      ...servers.ollama,
      [`GET ${V1}/models`]: { status: 404, text: fx.OLLAMA_NOT_FOUND_TEXT },
    });
    const scan = await scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch });
    expect(scan).toMatchObject({
      flavor: 'ollama',
      models: ['qwen2.5-coder:7b', 'llama3.2:latest', 'nomic-embed-text:latest'],
    });
    expect(scan.error).toBe('HTTP 404');
  });

  it('bounds each sub-request by the timeout and reports a hung flavor path', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch({ ...servers.ollama, [`GET ${ROOT}/api/v0/models`]: { hang: true } });
    const pending = scanCapabilities(endpoint({ id: 'box', url: V1 }), { ...deps, fetch });
    await vi.advanceTimersByTimeAsync(3_000);
    const scan = await pending;
    expect(scan.error).toBe('timed out after 3000 ms');
    expect(scan.models).toEqual(['qwen2.5-coder:7b', 'llama3.2:latest', 'nomic-embed-text:latest']);
    // A server that hangs on one path is not asked the next three.
    expect(calls).toHaveLength(3);
  });

  it('sends the key on every discovery request of the endpoint', async () => {
    const { fetch, calls } = fakeFetch(servers.ollama);
    const box = endpoint({ id: 'box', url: V1, apiKeyEnv: 'BOX_KEY' });
    await scanCapabilities(box, { ...deps, fetch, env: { BOX_KEY: 'k-123456' } });
    expect(calls.length).toBeGreaterThan(4);
    for (const call of calls) expect(call.headers.authorization).toBe('Bearer k-123456');
  });
});
