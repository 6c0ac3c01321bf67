/** The answers of every mode that answers at once, plain and streaming, and request validation. */
import { describe, expect, it } from 'vitest';
import type { SimResponderContext } from '../../src/sim/fleet-simulator.ts';
import {
  chatBody,
  postChat,
  rawRequest,
  readJson,
  sseData,
  useSimulators,
  type CompletionBody,
  type ErrorBody,
} from './sim-test-helpers.ts';

const start = useSimulators();

interface Chunk {
  object: string;
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

function parseChunks(body: string): { chunks: Chunk[]; done: boolean } {
  const data = sseData(body);
  const done = data.at(-1) === '[DONE]';
  return { chunks: (done ? data.slice(0, -1) : data).map((line) => JSON.parse(line) as Chunk), done };
}

describe('ok', () => {
  it('answers a plain request with a chat.completion echoing the endpoint, model and question', async () => {
    const sim = await start({ endpoints: [{ name: 'lan-a' }] });
    const response = await postChat(
      sim,
      chatBody({ messages: [{ role: 'user', content: 'write a haiku' }] }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await readJson<CompletionBody>(response);
    expect(body.object).toBe('chat.completion');
    expect(body.model).toBe('sim-model');
    expect(body.choices[0]!.message).toEqual({
      role: 'assistant',
      content: 'sim(lan-a/sim-model): write a haiku',
    });
    expect(body.choices[0]!.finish_reason).toBe('stop');
    expect(body.usage).toEqual({ prompt_tokens: 4, completion_tokens: 9, total_tokens: 13 });
  });

  it('streams several chunks, a final chunk with finish_reason and usage, then [DONE]', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    const question = 'tell me something long enough to need several chunks';
    const response = await postChat(
      sim,
      chatBody({ stream: true, messages: [{ role: 'user', content: question }] }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { chunks, done } = parseChunks(await response.text());
    expect(done).toBe(true);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const content = chunks.map((chunk) => chunk.choices[0]!.delta.content ?? '').join('');
    expect(content).toBe(`sim(a/sim-model): ${question}`);
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(last.usage?.completion_tokens).toBe(Math.ceil(content.length / 4));
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0]!.finish_reason === null)).toBe(true);
  });

  it('hands the request to a responder, whose text becomes the content', async () => {
    const seen: SimResponderContext[] = [];
    const sim = await start({
      endpoints: [{ name: 'a', models: ['coder'] }],
      responder: (ctx) => {
        seen.push(ctx);
        return '{"plan":"scripted"}';
      },
    });
    const messages = [
      { role: 'system', content: 'you plan' },
      { role: 'user', content: 'plan it' },
    ];
    const body = await readJson<CompletionBody>(
      await postChat(sim, { model: 'coder', messages, max_tokens: 100 }),
    );
    expect(body.choices[0]!.message.content).toBe('{"plan":"scripted"}');
    expect(seen).toEqual([{ endpoint: 'a', model: 'coder', messages, maxTokens: 100 }]);
  });

  it('stops at max_tokens with finish_reason "length"', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }], responder: () => 'x'.repeat(100) });
    const body = await readJson<CompletionBody>(await postChat(sim, chatBody({ max_tokens: 5 })));
    expect(body.choices[0]!.message.content).toBe('x'.repeat(20));
    expect(body.choices[0]!.finish_reason).toBe('length');
  });

  it('answers 500 when the responder throws', async () => {
    const sim = await start({
      endpoints: [{ name: 'a' }],
      responder: () => {
        throw new Error('script exhausted');
      },
    });
    const response = await postChat(sim, chatBody());
    expect(response.status).toBe(500);
    expect((await readJson<ErrorBody>(response)).error.message).toContain('script exhausted');
  });

  it('answers 500 when the responder returns something else than a string', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }], responder: () => undefined as unknown as string });
    const response = await postChat(sim, chatBody());
    expect(response.status).toBe(500);
    expect((await readJson<ErrorBody>(response)).error.message).toContain('returned undefined, not a string');
  });
});

describe('validation', () => {
  it('answers an unknown model as each server does', async () => {
    const sim = await start({
      endpoints: [
        { name: 'vllm', models: ['qwen'] },
        { name: 'router', flavor: 'llamacpp-router', models: ['qwen'] },
        { name: 'single', flavor: 'llamacpp', models: ['qwen'] },
        { name: 'ollama', flavor: 'ollama', models: ['qwen'] },
      ],
    });
    const ask = async (index: number) => {
      const response = await postChat(sim, chatBody({ model: 'llama' }), undefined, index);
      const body: unknown = await response.json();
      return { status: response.status, body };
    };
    expect(await ask(0)).toEqual({
      status: 404,
      body: {
        error: {
          message: 'The model `llama` does not exist.',
          type: 'NotFoundError',
          param: 'model',
          code: 404,
        },
      },
    });
    // llama.cpp router mode: 400, not 404 (server-models.cpp router_validate_model).
    expect(await ask(1)).toEqual({
      status: 400,
      body: { error: { code: 400, message: "model 'llama' not found", type: 'invalid_request_error' } },
    });
    // A single-model llama-server serves whatever name the request carries.
    expect((await ask(2)).status).toBe(200);
    expect(await ask(3)).toEqual({
      status: 404,
      body: {
        error: {
          message: 'model "llama" not found, try pulling it first',
          type: 'not_found_error',
          param: null,
          code: null,
        },
      },
    });
  });

  it('answers a body that is not JSON, or lacks messages, with 400', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    const notJson = await postChat(sim, '{"model": ');
    expect(notJson.status).toBe(400);
    expect((await readJson<ErrorBody>(notJson)).error.message).toMatch(/not valid JSON/);
    const noMessages = await postChat(sim, { model: 'sim-model' });
    expect(noMessages.status).toBe(400);
    expect((await readJson<ErrorBody>(noMessages)).error.message).toMatch(/messages/);
  });
});

describe('error modes', () => {
  it.each([
    ['e500', 500, 'server_error'],
    ['e429', 429, 'rate_limit_error'],
    ['auth', 401, 'invalid_request_error'],
  ] as const)('%s answers %i with an OpenAI error body, plain and streaming', async (mode, status, type) => {
    const sim = await start({ endpoints: [{ name: 'a', mode }] });
    for (const stream of [false, true]) {
      const response = await postChat(sim, chatBody({ stream }));
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { message: string; type: string } };
      expect(body.error.type).toBe(type);
      expect(body.error.message).not.toBe('');
      if (mode === 'e429') expect(response.headers.get('retry-after')).toBe('1');
    }
    expect(sim.stats().a!.byOutcome).toEqual({ [mode]: 2 });
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'malformed' }] });
    const response = await postChat(sim, chatBody());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text).toContain('chat.completion');
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('malformed streams data: lines that are not JSON', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'malformed' }] });
    const response = await postChat(sim, chatBody({ stream: true }));
    expect(response.status).toBe(200);
    const data = sseData(await response.text()).filter((line) => line !== '[DONE]');
    expect(data.length).toBeGreaterThan(0);
    for (const line of data) expect(() => JSON.parse(line) as unknown).toThrow();
  });
});

describe('context length', () => {
  const expectContextError = async (response: Response, window: number, requested: number): Promise<void> => {
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; code: string; type: string } };
    expect(error.code).toBe('context_length_exceeded');
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toContain(`maximum context length is ${window} tokens`);
    expect(error.message).toContain(`you requested ${requested} tokens`);
  };

  it('rejects a prompt plus max_tokens beyond the context window, and serves one that fits', async () => {
    const sim = await start({ endpoints: [{ name: 'a', flavor: 'openai', contextWindow: 100 }] });
    // 300 characters → 75 prompt tokens.
    const messages = [
      { role: 'system', content: 's'.repeat(100) },
      { role: 'user', content: 'u'.repeat(200) },
    ];
    await expectContextError(await postChat(sim, chatBody({ messages, max_tokens: 50 })), 100, 125);
    await expectContextError(
      await postChat(sim, chatBody({ messages, max_tokens: 50, stream: true })),
      100,
      125,
    );
    expect((await postChat(sim, chatBody({ messages, max_tokens: 25 }))).status).toBe(200);
    expect(sim.stats().a!.byOutcome).toEqual({ ctxlen: 2, ok: 1 });
  });

  it('mode ctxlen rejects every request, even without a window', async () => {
    const sim = await start({ endpoints: [{ name: 'a', flavor: 'openai', mode: 'ctxlen' }] });
    await expectContextError(await postChat(sim, chatBody({ max_tokens: 10 })), 11, 12);
  });
});

describe('plain clients', () => {
  it('sees a complete message with a content-length over node:http', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    const response = await rawRequest(sim.endpoints[0]!.port, 'POST', '/v1/chat/completions', chatBody());
    expect(response.status).toBe(200);
    expect(response.complete).toBe(true);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
  });
});
