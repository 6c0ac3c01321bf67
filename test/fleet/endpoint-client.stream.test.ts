/**
 * The endpoint client reading SSE streams: accumulation and onDelta, completion markers, cut and broken
 * streams, errors inside a stream, and HTTP errors on a streamed request.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEndpointClient } from '../../src/fleet/endpoint-client.ts';
import type { ChatOutcome, Failure } from '../../src/fleet/types.ts';
import {
  completion,
  delta,
  endpointAt,
  MESSAGES,
  sendJson,
  sendStream,
  sseEvent,
  sseHead,
  startServer,
  type Handler,
  type TestServer,
} from './endpoint-client-fixture.ts';

const CANARY_KEY = 'kc-stream-canary-0b1c2d3e4f';
const client = createEndpointClient({ env: { KEEL_TEST_KEY: CANARY_KEY } });
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => client.close());

async function askStream(handler: Handler, onDelta?: (text: string) => void): Promise<ChatOutcome> {
  server = await startServer(handler);
  const endpoint = endpointAt(server.url, { apiKeyEnv: 'KEEL_TEST_KEY' });
  return client.chat(endpoint, { messages: MESSAGES, stream: true }, { model: 'm', onDelta });
}

function failureOf(outcome: ChatOutcome): Failure {
  if (outcome.ok) throw new Error(`expected a failure, got success: ${outcome.content}`);
  return outcome.failure;
}

describe('a streamed request', () => {
  it('asks for a stream with usage, accumulates the deltas in order and reports each to onDelta', async () => {
    const seen: string[] = [];
    const outcome = await askStream(
      (_req, res) => sendStream(res, ['Hel', 'lo', ', ', 'wor', 'ld']),
      (t) => seen.push(t),
    );
    expect(seen).toEqual(['Hel', 'lo', ', ', 'wor', 'ld']);
    expect(outcome).toMatchObject({
      ok: true,
      content: 'Hello, world',
      finishReason: 'stop',
      usage: { promptTokens: 11, completionTokens: 5 },
    });
    if (!outcome.ok) return;
    expect(outcome.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(outcome.firstTokenMs).toBeLessThanOrEqual(outcome.latencyMs);
    const request = server?.requests[0];
    expect(request?.headers.accept).toBe('text/event-stream');
    expect(request?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('a stream with a finish_reason but no [DONE] is complete', async () => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      sseEvent(res, delta('all'));
      sseEvent(res, delta(null, 'length'));
      res.end();
    });
    expect(outcome).toMatchObject({ ok: true, content: 'all', finishReason: 'length' });
  });

  it('a stream with [DONE] but no finish_reason is complete', async () => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      sseEvent(res, delta('done'));
      sseEvent(res, '[DONE]');
      res.end();
    });
    expect(outcome).toMatchObject({ ok: true, content: 'done', finishReason: null });
  });

  it('reassembles events split across TCP writes, including a multi-byte character split in two', async () => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      const bytes = Buffer.from(`data: ${JSON.stringify(delta('naïve €'))}\n\ndata: [DONE]\n\n`);
      const split = bytes.indexOf(Buffer.from('€')) + 1;
      res.write(bytes.subarray(0, split));
      setTimeout(() => res.end(bytes.subarray(split)), 20);
    });
    expect(outcome).toMatchObject({ ok: true, content: 'naïve €' });
  });

  it('gathers streamed reasoning and tool-call pieces (joined by index) beside the content', async () => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      const choice = (d: object, finish: string | null = null) => ({
        choices: [{ index: 0, delta: d, finish_reason: finish }],
      });
      sseEvent(res, choice({ role: 'assistant', reasoning_content: 'Thinking ' }));
      sseEvent(res, choice({ reasoning_content: 'hard.' }));
      sseEvent(
        res,
        choice({ tool_calls: [{ index: 0, id: 'c', function: { name: 'sub', arguments: '{"x"' } }] }),
      );
      sseEvent(res, choice({ tool_calls: [{ index: 0, function: { name: 'mit', arguments: ':1}' } }] }));
      sseEvent(res, choice({}, 'tool_calls'));
      sseEvent(res, '[DONE]');
      res.end();
    });
    expect(outcome).toMatchObject({
      ok: true,
      content: '',
      finishReason: 'tool_calls',
      reasoning: 'Thinking hard.',
      toolCalls: [{ name: 'submit', arguments: '{"x":1}' }],
    });
  });

  it('accepts plain JSON from a server that ignores stream: true', async () => {
    const outcome = await askStream((_req, res) => sendJson(res, 200, completion('not streamed')));
    expect(outcome).toMatchObject({ ok: true, content: 'not streamed', finishReason: 'stop' });
  });
});

describe('broken streams', () => {
  it('ends without [DONE] and without a finish_reason → stream_cut, never a truncated success', async () => {
    const seen: string[] = [];
    const outcome = await askStream(
      (_req, res) => {
        sseHead(res);
        sseEvent(res, delta('half an ans'));
        res.end();
      },
      (t) => seen.push(t),
    );
    expect(failureOf(outcome).kind).toBe('stream_cut');
    expect(seen).toEqual(['half an ans']);
  });

  it('the socket dies mid-stream → stream_cut', async () => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      sseEvent(res, delta('partial'));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect(failureOf(outcome).kind).toBe('stream_cut');
  });

  it('an empty 200 stream → stream_cut', async () => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      res.end();
    });
    expect(failureOf(outcome).kind).toBe('stream_cut');
  });

  it('data that is not JSON → malformed', async () => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      sseEvent(res, delta('ok so far'));
      sseEvent(res, '{"choices":[{"delta":{"content":"x"'); // cut JSON inside one event
      sseEvent(res, '[DONE]');
      res.end();
    });
    expect(failureOf(outcome).kind).toBe('malformed');
  });

  it('a stream larger than maxResponseBytes → too_large, reading stops at once', async () => {
    const small = createEndpointClient({ maxResponseBytes: 4096 });
    try {
      server = await startServer((_req, res) => {
        sseHead(res);
        // Never ends on its own: only the client stopping ends this test.
        const timer = setInterval(() => sseEvent(res, delta('x'.repeat(512))), 1);
        res.on('close', () => clearInterval(timer));
      });
      const outcome = await small.chat(
        endpointAt(server.url),
        { messages: MESSAGES, stream: true },
        { model: 'm' },
      );
      expect(failureOf(outcome).kind).toBe('too_large');
    } finally {
      await small.close();
    }
  });
});

describe('errors inside a stream', () => {
  const cases: [string, object, Failure['kind']][] = [
    [
      'a context overflow',
      {
        error: {
          message: 'the request exceeds the available context size, try increasing it',
          type: 'exceed_context_size_error',
        },
      },
      'context_length',
    ],
    [
      'a vLLM error with code 400 and a context text',
      { error: { message: "This model's maximum context length is 4096 tokens", code: 400 } },
      'context_length',
    ],
    ['a rate limit with code 429', { error: { message: 'Rate limit reached', code: 429 } }, 'rate_limited'],
    [
      'a rate limit by text',
      { error: { message: 'rate_limit_exceeded: too many requests' } },
      'rate_limited',
    ],
    [
      'a server failure',
      { error: { message: 'The server had an error while processing your request.', type: 'server_error' } },
      'server_error',
    ],
    ['an auth failure with status 401', { error: { message: 'invalid key', status: 401 } }, 'auth'],
  ];
  it.each(cases)('%s → its kind', async (_name, payload, kind) => {
    const outcome = await askStream((_req, res) => {
      sseHead(res);
      sseEvent(res, delta('so far'));
      sseEvent(res, payload);
      sseEvent(res, '[DONE]');
      res.end();
    });
    expect(failureOf(outcome).kind).toBe(kind);
  });

  it('redacts a key the server echoes inside a stream error', async () => {
    const outcome = await askStream((req, res) => {
      sseHead(res);
      sseEvent(res, { error: { message: `rejected ${String(req.headers.authorization)}` } });
      res.end();
    });
    const failure = failureOf(outcome);
    expect(failure.message).not.toContain(CANARY_KEY);
    expect(failure.message).toContain('[REDACTED]');
  });
});

describe('HTTP errors on a streamed request', () => {
  it('429 with Retry-After → rate_limited', async () => {
    const outcome = await askStream((_req, res) =>
      sendJson(res, 429, { error: { message: 'busy' } }, { 'retry-after': '2' }),
    );
    expect(failureOf(outcome)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
  });

  it('400 with a context text → context_length', async () => {
    const body = { error: { message: 'prompt is too long', code: 'context_length_exceeded' } };
    const outcome = await askStream((_req, res) => sendJson(res, 400, body));
    expect(failureOf(outcome).kind).toBe('context_length');
  });

  it('500 → server_error, 404 → model_not_found', async () => {
    expect(failureOf(await askStream((_req, res) => sendJson(res, 500, 'boom'))).kind).toBe('server_error');
    await server?.close();
    expect(failureOf(await askStream((_req, res) => sendJson(res, 404, 'no model'))).kind).toBe(
      'model_not_found',
    );
  });
});

describe('onDelta', () => {
  it('an exception thrown by onDelta reaches the caller as is, it is not an endpoint failure', async () => {
    const bug = new Error('caller bug');
    await expect(
      askStream(
        (_req, res) => sendStream(res, ['a', 'b']),
        () => {
          throw bug;
        },
      ),
    ).rejects.toBe(bug);
  });
});
