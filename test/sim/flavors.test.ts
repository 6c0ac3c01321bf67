/**
 * The simulator's flavors behave like today's servers (issue 10, part D): each behaviour keel must cope with,
 * checked on the wire with plain clients. The upstream version each models is named in src/sim/*.ts.
 */
import { describe, expect, it } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { chatBody, postChat, postJson, settlesWithin, useSimulators } from './sim-test-helpers.ts';

const start = useSimulators();

async function reply(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : (JSON.parse(text) as unknown) };
}

const get = async (sim: FleetSimulator, path: string, index = 0) =>
  reply(await fetch(`${sim.endpoints[index]!.baseUrl}${path}`));

const chat = async (sim: FleetSimulator, extra: Record<string, unknown>, index = 0) =>
  reply(await postChat(sim, chatBody(extra), undefined, index));

const schemaFormat = {
  type: 'json_schema',
  json_schema: { name: 'answer', schema: { type: 'object' }, strict: false },
};

describe('LM Studio (0.4.x)', () => {
  it('refuses json_object with a plain-string 400 and takes json_schema', async () => {
    const sim = await start({ endpoints: [{ name: 'l', flavor: 'lmstudio' }] });
    expect(await chat(sim, { response_format: { type: 'json_object' } })).toEqual({
      status: 400,
      body: { error: "'response_format.type' must be 'json_schema' or 'text'" },
    });
    expect((await chat(sim, { response_format: schemaFormat })).status).toBe(200);
    expect((await chat(sim, { response_format: { type: 'text' } })).status).toBe(200);
  });

  it('lists models on /api/v1/models: a loaded instance with its length and parallel slots, others empty', async () => {
    const sim = await start({
      endpoints: [
        { name: 'l', flavor: 'lmstudio', models: ['a', 'b'], loadedModels: ['a'], contextWindow: 8192 },
      ],
    });
    const { body } = await get(sim, '/api/v1/models');
    const models = (
      body as { models: { key: string; loaded_instances: unknown[]; max_context_length: number }[] }
    ).models;
    expect(models.map((m) => [m.key, m.loaded_instances])).toEqual([
      ['a', [{ id: 'a', config: { context_length: 8192, parallel: 4 } }]],
      ['b', []],
    ]);
    expect(models[1]!.max_context_length).toBe(32768);
  });

  it('answers an overflow with the n_keep string', async () => {
    const sim = await start({ endpoints: [{ name: 'l', flavor: 'lmstudio', contextWindow: 10 }] });
    const { status, body } = await chat(sim, { messages: [{ role: 'user', content: 'x'.repeat(80) }] });
    expect(status).toBe(400);
    expect((body as { error: string }).error).toMatch(
      /^The number of tokens to keep .*\(n_keep: 20>= n_ctx: 10\)/,
    );
  });
});

describe('OpenAI (hosted)', () => {
  it('a reasoning model refuses max_tokens, takes max_completion_tokens', async () => {
    const sim = await start({ endpoints: [{ name: 'o', flavor: 'openai', models: ['gpt-5-mini'] }] });
    expect(await chat(sim, { model: 'gpt-5-mini', max_tokens: 100 })).toEqual({
      status: 400,
      body: {
        error: {
          message:
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          type: 'invalid_request_error',
          param: 'max_tokens',
          code: 'unsupported_parameter',
        },
      },
    });
    expect((await chat(sim, { model: 'gpt-5-mini', max_completion_tokens: 100 })).status).toBe(200);
  });

  it('a limit above the output cap is too large (code invalid_value)', async () => {
    const sim = await start({ endpoints: [{ name: 'o', flavor: 'openai', outputCap: 16384 }] });
    const { status, body } = await chat(sim, { max_tokens: 32768 });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        message:
          'max_tokens is too large: 32768. This model supports at most 16384 completion tokens, whereas you provided 32768.',
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'invalid_value',
      },
    });
  });

  it('mode quota: 429 insufficient_quota on chat, listings still answer', async () => {
    const sim = await start({ endpoints: [{ name: 'o', flavor: 'openai', mode: 'quota' }] });
    const { status, body } = await chat(sim, {});
    expect(status).toBe(429);
    expect(body).toMatchObject({ error: { type: 'insufficient_quota', code: 'insufficient_quota' } });
    expect((await fetch(`${sim.endpoints[0]!.url}/models`)).status).toBe(200);
  });
});

describe('hosted listings (Groq, Mistral, OpenRouter)', () => {
  it('each names the window (and the output cap) in its own fields; OpenAI names neither', async () => {
    const listings = ['openai', 'groq', 'mistral', 'openrouter'] as const;
    const sim = await start({
      endpoints: listings.map((listing) => ({
        name: listing,
        flavor: 'openai' as const,
        listing,
        models: ['m'],
        contextWindow: 8192,
        outputCap: 1024,
      })),
    });
    const entries = await Promise.all(
      listings.map(async (_, i) => ((await get(sim, '/v1/models', i)).body as { data: unknown[] }).data[0]),
    );
    const [openai, groq, mistral, openrouter] = entries as Record<string, unknown>[];
    expect(openai).toMatchObject({ id: 'm', object: 'model', owned_by: 'system' });
    expect(Object.keys(openai!).sort()).toEqual(['created', 'id', 'object', 'owned_by']);
    expect(groq).toMatchObject({ id: 'm', context_window: 8192, max_completion_tokens: 1024, active: true });
    expect(mistral).toMatchObject({ id: 'm', max_context_length: 8192, type: 'base' });
    expect(openrouter).toMatchObject({
      id: 'm',
      context_length: 8192,
      top_provider: { context_length: 8192, max_completion_tokens: 1024 },
    });
    expect(openrouter).not.toHaveProperty('object');
  });
});

describe('a reverse proxy in front (nginx client_max_body_size)', () => {
  it('refuses a chat body above its limit with its own HTML 413; smaller bodies reach the server', async () => {
    const sim = await start({ endpoints: [{ name: 'p', proxyMaxBodyBytes: 2_000 }] });
    const big = await postChat(sim, chatBody({ messages: [{ role: 'user', content: 'z'.repeat(3_000) }] }));
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toBe('text/html');
    expect(await big.text()).toContain('<center><h1>413 Request Entity Too Large</h1></center>');
    expect((await chat(sim, {})).status).toBe(200);
    expect(sim.stats().p!.byOutcome).toMatchObject({ proxy_413: 1, ok: 1 });
  });
});

describe('llama.cpp (tools/server at 00dd081)', () => {
  it('mode loading: every route, /health included, answers 503 "Loading model" without Retry-After', async () => {
    const sim = await start({ endpoints: [{ name: 'c', flavor: 'llamacpp', mode: 'loading' }] });
    const loading = { error: { message: 'Loading model', type: 'unavailable_error', code: 503 } };
    for (const path of ['/health', '/props', '/v1/models']) {
      const response = await fetch(`${sim.endpoints[0]!.baseUrl}${path}`);
      expect(response.headers.get('retry-after')).toBeNull();
      expect(await reply(response)).toEqual({ status: 503, body: loading });
    }
    expect(await chat(sim, {})).toEqual({ status: 503, body: loading });
    await sim.setMode('c', 'ok');
    expect(await get(sim, '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('an overflow is the prompt alone, n_tokens >= n_ctx, with the numbers in the error', async () => {
    const sim = await start({ endpoints: [{ name: 'c', flavor: 'llamacpp', contextWindow: 20 }] });
    expect(await chat(sim, { messages: [{ role: 'user', content: 'x'.repeat(80) }] })).toEqual({
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'request (20 tokens) exceeds the available context size (20 tokens), try increasing it',
          type: 'exceed_context_size_error',
          n_prompt_tokens: 20,
          n_ctx: 20,
        },
      },
    });
    // max_tokens is not checked against the room: generation stops when the slot is full.
    const fits = await chat(sim, {
      messages: [{ role: 'user', content: 'x'.repeat(40) }],
      max_tokens: 1_000,
    });
    expect(fits.status).toBe(200);
  });

  it('counts tokens: /tokenize raw, /v1/chat/completions/input_tokens as the context check does; /slots', async () => {
    const sim = await start({
      endpoints: [{ name: 'c', flavor: 'llamacpp', contextWindow: 4096, slots: 2 }],
    });
    const base = sim.endpoints[0]!.baseUrl;
    const tokenized = (await (await postJson(`${base}/tokenize`, { content: 'x'.repeat(40) })).json()) as {
      tokens: number[];
    };
    expect(tokenized.tokens).toHaveLength(10);
    const messages = [
      { role: 'system', content: 's'.repeat(40) },
      { role: 'user', content: 'u'.repeat(40) },
    ];
    expect(await (await postJson(`${base}/v1/chat/completions/input_tokens`, { messages })).json()).toEqual({
      input_tokens: 20,
      object: 'response.input_tokens',
    });
    expect(await get(sim, '/slots')).toEqual({
      status: 200,
      body: [
        { id: 0, n_ctx: 4096, speculative: false, is_processing: false },
        { id: 1, n_ctx: 4096, speculative: false, is_processing: false },
      ],
    });
  });

  it('router mode: /props is the router; per model only with autoload off; unknown models are a 400', async () => {
    const sim = await start({
      endpoints: [
        {
          name: 'r',
          flavor: 'llamacpp-router',
          models: ['a', 'b'],
          loadedModels: ['a'],
          contextWindow: 8192,
        },
      ],
    });
    expect((await get(sim, '/props')).body).toMatchObject({
      role: 'router',
      default_generation_settings: { n_ctx: 0 },
    });
    expect((await get(sim, '/props?model=a&autoload=false')).body).toMatchObject({
      default_generation_settings: { n_ctx: 8192 },
      total_slots: 4,
    });
    expect(await get(sim, '/props?model=b&autoload=false')).toEqual({
      status: 400,
      body: { error: { code: 400, message: 'model is not loaded', type: 'invalid_request_error' } },
    });
    const listed = (await get(sim, '/v1/models')).body as {
      data: { id: string; status: { value: string } }[];
    };
    expect(listed.data.map((m) => [m.id, m.status.value])).toEqual([
      ['a', 'loaded'],
      ['b', 'unloaded'],
    ]);
    // Without autoload=false, asking loads it (the server default is on).
    expect((await get(sim, '/props?model=b')).status).toBe(200);
    expect((await get(sim, '/props?model=b&autoload=false')).status).toBe(200);
    expect((await chat(sim, { model: 'zzz' })).status).toBe(400);
  });
});

describe('vLLM', () => {
  it('an overflow counts prompt and limit together, with param input_tokens; /health is an empty 200', async () => {
    const sim = await start({ endpoints: [{ name: 'v', contextWindow: 100 }] });
    const { status, body } = await chat(sim, {
      messages: [{ role: 'user', content: 'x'.repeat(200) }],
      max_tokens: 60,
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        message:
          "This model's maximum context length is 100 tokens. However, you requested 60 output tokens and your prompt contains 50 input tokens, for a total of 110 tokens. Please reduce the length of the input prompt or the number of requested output tokens. (parameter=input_tokens, value=50)",
        type: 'BadRequestError',
        param: 'input_tokens',
        code: 400,
      },
    });
    expect(await get(sim, '/health')).toEqual({ status: 200, body: '' });
  });

  it('/tokenize counts chat messages as the context check does', async () => {
    const sim = await start({ endpoints: [{ name: 'v', contextWindow: 100 }] });
    const answer = (await (
      await postJson(`${sim.endpoints[0]!.baseUrl}/tokenize`, {
        messages: [{ role: 'user', content: 'x'.repeat(40) }],
      })
    ).json()) as { count: number; max_model_len: number; tokens: number[] };
    expect(answer).toMatchObject({ count: 10, max_model_len: 100 });
    expect(answer.tokens).toHaveLength(10);
  });
});

describe('Ollama (≥ v0.30)', () => {
  it('/api/ps lists the loaded models with the window they were given; a cold model loads on first use', async () => {
    const sim = await start({
      endpoints: [
        {
          name: 'o',
          flavor: 'ollama',
          models: ['a:latest', 'b:latest'],
          loadedModels: ['a:latest'],
          loadMs: 300,
        },
      ],
    });
    const loaded = async () =>
      ((await get(sim, '/api/ps')).body as { models: { name: string; context_length: number }[] }).models;
    expect(await loaded()).toEqual([expect.objectContaining({ name: 'a:latest', context_length: 32768 })]);
    const started = performance.now();
    expect((await chat(sim, { model: 'b:latest' })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect((await loaded()).map((m) => m.name)).toEqual(['a:latest', 'b:latest']);
  });

  it('serves one request at a time: the second sends nothing until the first is done', async () => {
    const sim = await start({ endpoints: [{ name: 'o', flavor: 'ollama', latencyMs: 300 }] });
    const first = postChat(sim, chatBody());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = postChat(sim, chatBody());
    expect(await settlesWithin(second, 150)).toBe(false);
    expect(sim.stats().o).toMatchObject({ inflight: 2, waiting: 1 });
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(sim.stats().o!.maxWaiting).toBe(1);
  });

  it('drops the oldest messages of a prompt too long, silently; a last message too long alone is a 400', async () => {
    const seen: string[][] = [];
    const sim = await start({
      endpoints: [{ name: 'o', flavor: 'ollama', contextWindow: 30 }],
      responder: ({ messages }) => {
        seen.push(messages.map((m) => m.role));
        return 'ok';
      },
    });
    const messages = [
      { role: 'system', content: 's'.repeat(20) },
      { role: 'user', content: 'old'.repeat(20) },
      { role: 'assistant', content: 'a'.repeat(40) },
      { role: 'user', content: 'new'.repeat(10) },
    ];
    expect((await chat(sim, { messages })).status).toBe(200);
    // 38 tokens in a 30-token window: the oldest user message goes, the system message and the last stay.
    expect(seen).toEqual([['system', 'assistant', 'user']]);
    const { status, body } = await chat(sim, { messages: [{ role: 'user', content: 'x'.repeat(200) }] });
    expect(status).toBe(400);
    const error = (body as { error: { message: string; code: unknown } }).error;
    expect(error.message).toMatch(/^the prompt is longer than the context length/);
    expect(error.code).toBeNull();
  });

  it('ignores max_completion_tokens and takes max_tokens', async () => {
    const sim = await start({
      endpoints: [{ name: 'o', flavor: 'ollama' }],
      responder: () => 'word '.repeat(100),
    });
    const ignored = (await chat(sim, { max_completion_tokens: 5 })).body as {
      choices: { finish_reason: string }[];
    };
    expect(ignored.choices[0]!.finish_reason).toBe('stop');
    const limited = (await chat(sim, { max_tokens: 5 })).body as { choices: { finish_reason: string }[] };
    expect(limited.choices[0]!.finish_reason).toBe('length');
  });

  it('mode busy: the 503 of a full scheduler queue', async () => {
    const sim = await start({ endpoints: [{ name: 'o', flavor: 'ollama', mode: 'busy' }] });
    expect(await chat(sim, {})).toEqual({
      status: 503,
      body: {
        error: {
          message: 'server busy, please try again.  maximum pending requests exceeded',
          type: 'api_error',
          param: null,
          code: null,
        },
      },
    });
  });
});
