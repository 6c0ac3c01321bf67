/** Each flavor's discovery routes, in the real servers' shapes, and how probes live through the modes. */
import { describe, expect, it } from 'vitest';
import { MODEL_MAX_CONTEXT, type FleetSimulator, type SimMode } from '../../src/sim/fleet-simulator.ts';
import {
  chatBody,
  connectError,
  postJson,
  rawRequest,
  readJson,
  settlesWithin,
  useSimulators,
  type ErrorBody,
} from './sim-test-helpers.ts';

const start = useSimulators();

type Entry = Record<string, unknown>;
interface ModelList {
  object: string;
  data: (Entry & { id: string })[];
}
interface TagList {
  models: (Entry & { name: string })[];
}

async function getJson<T = unknown>(
  sim: FleetSimulator,
  path: string,
  index = 0,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sim.endpoints[index]!.baseUrl}${path}`);
  return { status: response.status, body: await readJson<T>(response) };
}

describe('GET /v1/models', () => {
  it('lists the models on every flavor; vLLM adds max_model_len', async () => {
    const sim = await start({
      endpoints: [
        { name: 'v', flavor: 'vllm', models: ['qwen', 'llama'], contextWindow: 8192 },
        { name: 'o', flavor: 'openai', models: ['gpt-5-nano'] },
      ],
    });
    const vllm = await getJson<ModelList>(sim, '/v1/models');
    expect(vllm.status).toBe(200);
    expect(vllm.body.object).toBe('list');
    expect(vllm.body.data.map((model: { id: string }) => model.id)).toEqual(['qwen', 'llama']);
    expect(vllm.body.data[0]).toMatchObject({
      id: 'qwen',
      object: 'model',
      owned_by: 'vllm',
      max_model_len: 8192,
    });
    const openai = await getJson<ModelList>(sim, '/v1/models', 1);
    expect(openai.body.data).toEqual([
      expect.objectContaining({ id: 'gpt-5-nano', object: 'model', owned_by: 'system' }),
    ]);
    expect(openai.body.data[0]).not.toHaveProperty('max_model_len');
  });

  it('reports the model maximum as the window when none is configured', async () => {
    const sim = await start({ endpoints: [{ name: 'v' }] });
    expect((await getJson<ModelList>(sim, '/v1/models')).body.data[0]!.max_model_len).toBe(MODEL_MAX_CONTEXT);
  });
});

describe('flavor routes', () => {
  it('llama.cpp: /props carries n_ctx, /health says ok', async () => {
    const sim = await start({
      endpoints: [{ name: 'l', flavor: 'llamacpp', models: ['qwen-7b'], contextWindow: 4096 }],
    });
    const props = await getJson(sim, '/props');
    expect(props.status).toBe(200);
    // The per-slot window, and -np auto's 4 slots (tools/server/server.cpp at 00dd081).
    expect(props.body).toMatchObject({
      default_generation_settings: { n_ctx: 4096 },
      total_slots: 4,
      model_alias: 'qwen-7b',
      model_path: '/models/qwen-7b.gguf',
    });
    expect(await getJson(sim, '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('LM Studio: /api/v0/models carries max and loaded context lengths', async () => {
    const sim = await start({
      endpoints: [{ name: 's', flavor: 'lmstudio', models: ['phi-4'], contextWindow: 4096 }],
    });
    const { status, body } = await getJson<ModelList>(sim, '/api/v0/models');
    expect(status).toBe(200);
    expect(body.object).toBe('list');
    expect(body.data[0]).toMatchObject({
      id: 'phi-4',
      object: 'model',
      type: 'llm',
      state: 'loaded',
      max_context_length: MODEL_MAX_CONTEXT,
      loaded_context_length: 4096,
    });
  });

  it('Ollama: /api/tags lists the models; /api/show gives the architecture context length and num_ctx', async () => {
    const sim = await start({
      endpoints: [
        { name: 'o', flavor: 'ollama', models: ['llama3:latest', 'qwen2.5-coder:7b'], contextWindow: 8192 },
      ],
    });
    const tags = await getJson<TagList>(sim, '/api/tags');
    expect(tags.body.models.map((model: { name: string }) => model.name)).toEqual([
      'llama3:latest',
      'qwen2.5-coder:7b',
    ]);
    expect(tags.body.models[0]).toMatchObject({
      name: 'llama3:latest',
      model: 'llama3:latest',
      details: { format: 'gguf' },
    });
    expect(tags.body.models[0]!.size).toBeTypeOf('number');

    const show = await postJson(`${sim.endpoints[0]!.baseUrl}/api/show`, { model: 'qwen2.5-coder:7b' });
    expect(show.status).toBe(200);
    const body = (await show.json()) as { model_info: Record<string, unknown>; parameters: string };
    expect(body.model_info).toMatchObject({
      'general.architecture': 'llama',
      'llama.context_length': MODEL_MAX_CONTEXT,
    });
    expect(body.parameters).toMatch(/^num_ctx\s+8192$/m);
    // The legacy `name` field works, and a bare name finds its `:latest` tag.
    expect((await postJson(`${sim.endpoints[0]!.baseUrl}/api/show`, { name: 'llama3' })).status).toBe(200);
    const missing = await postJson(`${sim.endpoints[0]!.baseUrl}/api/show`, { model: 'mistral' });
    expect(missing.status).toBe(404);
    // server/routes.go: the text ollama pull suggests.
    expect(await missing.json()).toEqual({ error: 'model "mistral" not found, try pulling it first' });
  });

  it('Ollama without a configured window has no num_ctx: discovery must fall back to the server default', async () => {
    const sim = await start({ endpoints: [{ name: 'o', flavor: 'ollama' }] });
    const show = await postJson(`${sim.endpoints[0]!.baseUrl}/api/show`, { model: 'sim-model' });
    const body = (await show.json()) as { parameters: string };
    expect(body.parameters).not.toMatch(/num_ctx/);
  });

  it.each([
    ['vllm', ['/props', '/slots', '/api/v0/models', '/api/tags']],
    ['llamacpp', ['/api/v0/models', '/api/tags']],
    ['lmstudio', ['/props', '/api/tags']],
    ['ollama', ['/props', '/health', '/api/v0/models']],
  ] as const)('%s answers 404 to the routes of other flavors', async (flavor, foreign) => {
    const sim = await start({ endpoints: [{ name: 'x', flavor }] });
    for (const path of foreign) expect((await getJson(sim, path)).status, path).toBe(404);
    expect((await postJson(`${sim.endpoints[0]!.baseUrl}/api/show`, { model: 'sim-model' })).status).toBe(
      flavor === 'ollama' ? 200 : 404,
    );
    expect(sim.stats().x!.probeRequests).toBe(flavor === 'ollama' ? 1 : 0);
  });
});

describe('probes and modes', () => {
  it('a refused endpoint refuses probes too', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'refuse' }] });
    expect(await connectError(sim.endpoints[0]!.port)).toBe('ECONNREFUSED');
    await expect(fetch(`${sim.endpoints[0]!.url}/models`)).rejects.toThrow();
  });

  it('a hung endpoint never answers a probe', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'hang', flavor: 'llamacpp' }] });
    const controller = new AbortController();
    const probe = fetch(`${sim.endpoints[0]!.baseUrl}/health`, { signal: controller.signal });
    expect(await settlesWithin(probe, 200)).toBe(false);
    controller.abort();
    await expect(probe).rejects.toThrow(/abort/i);
    expect(sim.stats().a!.byOutcome).toEqual({ probe_hang: 1 });
  });

  it.each([
    ['e500', 500],
    ['auth', 401],
  ] as const)('%s fails probes with %i', async (mode, status) => {
    const sim = await start({ endpoints: [{ name: 'a', mode }] });
    const { status: got, body } = await getJson<ErrorBody>(sim, '/v1/models');
    expect(got).toBe(status);
    expect(body.error.message).toBeTypeOf('string');
  });

  it.each(['cut', 'ctxlen', 'malformed', 'flaky', 'slow', 'e429'] satisfies SimMode[])(
    'chat-only fault %s leaves probes healthy',
    async (mode) => {
      const sim = await start({ endpoints: [{ name: 'a', mode, failRate: 1, latencyMs: 10 }] });
      const { status, body } = await getJson<ModelList>(sim, '/v1/models');
      expect(status).toBe(200);
      expect(body.data[0]!.id).toBe('sim-model');
      // … while chat gets the fault.
      await rawRequest(sim.endpoints[0]!.port, 'POST', '/v1/chat/completions', chatBody());
      expect(sim.stats().a!.byOutcome).toEqual({ probe_ok: 1, [mode === 'flaky' ? 'e500' : mode]: 1 });
    },
  );
});
