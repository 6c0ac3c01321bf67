/**
 * Windows and capacity as the servers report them today (issue 10, part B): Ollama's /api/ps, LM Studio's
 * v1 listing, llama.cpp's slots and router mode, the hosted listings' field names. Answers are shaped as
 * the upstream sources and docs give them (see the comments of src/fleet/discover-*.ts).
 */
import { describe, expect, it } from 'vitest';
import { scanCapabilities } from '../../src/fleet/probe.ts';
import { endpoint, fakeFetch } from './fixtures/fake-fetch.ts';
import {
  llamaCppModels,
  llamaCppProps,
  ollamaShowArchOnly,
  ollamaTags,
} from './fixtures/flavor-responses.ts';

const ROOT = 'http://box:1234';
const V1 = `${ROOT}/v1`;
const deps = { timeoutMs: 3_000 };

describe('Ollama: /api/ps first, then /api/show', () => {
  it('a loaded model gets the window it was allocated; the others num_ctx, or a conservative cap said aloud', async () => {
    const { fetch, calls } = fakeFetch({
      [`GET ${V1}/models`]: { json: { object: 'list', data: [] } },
      [`GET ${ROOT}/api/tags`]: { json: ollamaTags },
      // server/routes.go PsHandler: `context_length` per parallel slot (VRAM tier 32k here).
      [`GET ${ROOT}/api/ps`]: {
        json: {
          models: [
            {
              name: 'qwen2.5-coder:7b',
              model: 'qwen2.5-coder:7b',
              size: 6e9,
              size_vram: 6e9,
              context_length: 32768,
            },
          ],
        },
      },
      [`POST ${ROOT}/api/show`]: (call) => {
        const model = (call.body as { model: string }).model;
        if (model === 'llama3.2:latest') {
          return {
            json: {
              ...ollamaShowArchOnly,
              parameters: 'num_ctx                        8192\nstop "<|eot_id|>"',
            },
          };
        }
        return { json: ollamaShowArchOnly };
      },
    });
    const scan = await scanCapabilities(endpoint({ id: 'o', url: V1, flavor: 'ollama' }), { ...deps, fetch });
    expect(scan.contextWindows).toEqual({
      'qwen2.5-coder:7b': 32768,
      'llama3.2:latest': 8192,
      'nomic-embed-text:latest': 4096,
    });
    expect(scan.loadedModels).toEqual(['qwen2.5-coder:7b']);
    expect(scan.notes).toEqual([
      expect.stringMatching(/^nomic-embed-text:latest: Ollama .* assuming at most 4096/),
    ]);
    // The loaded model needs no /api/show.
    expect(calls.filter((c) => c.url.endsWith('/api/show')).map((c) => c.body)).not.toContainEqual({
      model: 'qwen2.5-coder:7b',
    });
  });

  it('an Ollama without /api/ps (before v0.10) still gets windows from /api/show, loaded state unknown', async () => {
    const { fetch } = fakeFetch({
      [`GET ${ROOT}/api/tags`]: { json: { models: [{ name: 'm:latest' }] } },
      [`POST ${ROOT}/api/show`]: { json: ollamaShowArchOnly },
    });
    const scan = await scanCapabilities(endpoint({ id: 'o', url: V1, flavor: 'ollama' }), { ...deps, fetch });
    expect(scan.contextWindows).toEqual({ 'm:latest': 4096 });
    expect(scan.loadedModels).toBeUndefined();
  });
});

describe('LM Studio: /api/v1/models, falling back to /api/v0', () => {
  // docs 1_developer/2_rest/list.md (LM Studio 0.4).
  const v1 = {
    models: [
      {
        type: 'llm',
        publisher: 'google',
        key: 'google/gemma-4-26b-a4b',
        display_name: 'Gemma 4',
        max_context_length: 262144,
        loaded_instances: [{ id: 'google/gemma-4-26b-a4b', config: { context_length: 16384, parallel: 4 } }],
        format: 'gguf',
      },
      { type: 'llm', key: 'qwen/qwen3-8b', max_context_length: 40960, loaded_instances: [] },
      { type: 'embedding', key: 'nomic-embed', max_context_length: 2048, loaded_instances: [] },
    ],
  };

  it('a loaded instance wins with its length and its parallel slots; a model not loaded is capped and noted', async () => {
    const { fetch, calls } = fakeFetch({
      [`GET ${V1}/models`]: { json: { data: [{ id: 'google/gemma-4-26b-a4b' }, { id: 'qwen/qwen3-8b' }] } },
      [`GET ${ROOT}/api/v1/models`]: { json: v1 },
    });
    const scan = await scanCapabilities(endpoint({ id: 'l', url: V1 }), { ...deps, fetch });
    expect(scan).toMatchObject({
      flavor: 'lmstudio',
      contextWindows: { 'google/gemma-4-26b-a4b': 16384, 'qwen/qwen3-8b': 4096, 'nomic-embed': 2048 },
      loadedModels: ['google/gemma-4-26b-a4b'],
      serverSlots: 4,
    });
    expect(scan.notes?.[0]).toMatch(/^qwen\/qwen3-8b: LM Studio \(not loaded\)/);
    expect(calls.some((c) => c.url.endsWith('/api/v0/models'))).toBe(false);
  });

  it('an LM Studio before 0.4 (unknown paths: 200 with an error) is read through v0', async () => {
    const { fetch } = fakeFetch({
      [`GET ${V1}/models`]: { json: { data: [{ id: 'm' }] } },
      [`GET ${ROOT}/api/v1/models`]: {
        json: { error: 'Unexpected endpoint or method. (GET /api/v1/models)' },
      },
      [`GET ${ROOT}/api/v0/models`]: {
        json: {
          data: [
            { id: 'm', type: 'llm', state: 'loaded', max_context_length: 32768, loaded_context_length: 8192 },
          ],
        },
      },
    });
    const scan = await scanCapabilities(endpoint({ id: 'l', url: V1, flavor: 'lmstudio' }), {
      ...deps,
      fetch,
    });
    expect(scan.contextWindows).toEqual({ m: 8192 });
    expect(scan.loadedModels).toEqual(['m']);
  });
});

describe('llama.cpp: slots, meta.n_ctx and router mode', () => {
  it('total_slots becomes the server slot count; the window is the per-slot n_ctx', async () => {
    const { fetch } = fakeFetch({
      [`GET ${V1}/models`]: { json: llamaCppModels },
      [`GET ${ROOT}/props`]: { json: llamaCppProps },
    });
    const scan = await scanCapabilities(endpoint({ id: 'c', url: V1, flavor: 'llamacpp' }), {
      ...deps,
      fetch,
    });
    expect(scan).toMatchObject({ serverWindow: 16384, serverSlots: 4 });
  });

  it('router mode: each model asked with autoload=false; a model not running says so and keeps no window', async () => {
    // server-models.cpp get_router_props / router_validate_model, at 00dd081.
    const routerProps = {
      role: 'router',
      max_instances: 4,
      models_autoload: true,
      model_alias: 'llama-server',
      model_path: 'none',
      default_generation_settings: { params: {}, n_ctx: 0 },
    };
    const { fetch, calls } = fakeFetch({
      [`GET ${V1}/models`]: {
        json: {
          object: 'list',
          data: [
            { id: 'qwen-coder', object: 'model', owned_by: 'llamacpp', status: { value: 'loaded' } },
            { id: 'gemma', object: 'model', owned_by: 'llamacpp', status: { value: 'unloaded' } },
          ],
        },
      },
      [`GET ${ROOT}/props`]: { json: routerProps },
      [`GET ${ROOT}/props?model=qwen-coder&autoload=false`]: {
        json: { default_generation_settings: { n_ctx: 32768 }, total_slots: 2, model_alias: 'qwen-coder' },
      },
      [`GET ${ROOT}/props?model=gemma&autoload=false`]: {
        status: 400,
        json: { error: { code: 400, message: 'model is not loaded', type: 'invalid_request_error' } },
      },
    });
    const scan = await scanCapabilities(endpoint({ id: 'r', url: V1 }), { ...deps, fetch });
    expect(scan).toMatchObject({
      flavor: 'llamacpp',
      models: ['qwen-coder', 'gemma'],
      contextWindows: { 'qwen-coder': 32768 },
      loadedModels: ['qwen-coder'],
      serverSlots: 2,
    });
    expect(scan.serverWindow).toBeUndefined();
    expect(scan.notes?.[0]).toMatch(/router mode: 2 model\(s\), 1 loaded/);
    // Never a /props without autoload=false: that would load the model.
    const props = calls.filter((c) => c.url.includes('/props?'));
    expect(props.every((c) => c.url.endsWith('&autoload=false'))).toBe(true);
  });
});

describe('hosted listings', () => {
  const hosted = (id: string) => endpoint({ id, url: `https://${id}.example/v1`, kind: 'hosted' });
  it.each([
    // Groq: `context_window` and `max_completion_tokens`.
    [
      'groq',
      { id: 'openai/gpt-oss-120b', context_window: 131072, max_completion_tokens: 65536 },
      131072,
      65536,
    ],
    // Mistral BaseModelCard: `max_context_length`.
    ['mistral', { id: 'mistral-small-latest', max_context_length: 32768 }, 32768, undefined],
    // OpenRouter: `context_length`, `top_provider.max_completion_tokens` (nullable).
    [
      'openrouter',
      {
        id: 'qwen/qwen3-coder',
        context_length: 262144,
        top_provider: { context_length: 262144, max_completion_tokens: null },
      },
      262144,
      undefined,
    ],
    [
      'openrouter2',
      { id: 'openai/gpt-4o-mini', context_length: 128000, top_provider: { max_completion_tokens: 16384 } },
      128000,
      16384,
    ],
  ])('%s: window and output cap from its own field names', async (id, model, window, cap) => {
    const { fetch } = fakeFetch({ [`GET https://${id}.example/v1/models`]: { json: { data: [model] } } });
    const scan = await scanCapabilities(hosted(id), { ...deps, fetch });
    expect(scan.contextWindows).toEqual({ [model.id]: window });
    expect(scan.outputCaps?.[model.id]).toBe(cap);
  });
});
