/**
 * The endpoint client against real sockets, plain (non-streamed) requests: what it sends, and how every
 * kind of answer and breakage is classified. Streams, deadlines and connection handling have their own files.
 */
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createEndpointClient } from '../../src/fleet/endpoint-client.ts';
import type { ChatOutcome, Failure } from '../../src/fleet/types.ts';
import {
  closedPort,
  completion,
  endpointAt,
  MESSAGES,
  sendJson,
  startServer,
  type Handler,
  type TestServer,
} from './endpoint-client-fixture.ts';

const CANARY_KEY = 'kc-canary-7f3a9e21b64d0c58';
const client = createEndpointClient({ env: { KEEL_TEST_KEY: CANARY_KEY, EMPTY_KEY: '' } });
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => client.close());

async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

function failureOf(outcome: ChatOutcome): Failure {
  if (outcome.ok) throw new Error(`expected a failure, got success: ${outcome.content}`);
  return outcome.failure;
}

async function askPlain(handler: Handler, apiKeyEnv?: string): Promise<ChatOutcome> {
  const s = await serve(handler);
  return client.chat(endpointAt(s.url, { apiKeyEnv }), { messages: MESSAGES }, { model: 'm' });
}

describe('a plain request', () => {
  it('posts the OpenAI body to /chat/completions and returns the answer', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, completion('hi there')));
    const outcome = await client.chat(
      endpointAt(`${s.url}/`, { apiKeyEnv: 'KEEL_TEST_KEY' }),
      { messages: MESSAGES, temperature: 0.2, json: true, stop: ['\n\n'], maxTokens: 999 },
      { model: 'qwen2.5-coder:7b', maxTokens: 128 },
    );
    expect(outcome).toMatchObject({
      ok: true,
      content: 'hi there',
      finishReason: 'stop',
      usage: { promptTokens: 7, completionTokens: 3 },
    });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    const [request] = s.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
    expect(request?.headers['content-type']).toBe('application/json');
    // max_tokens comes from the call options (fitted by the router), never from the request's upper bound.
    expect(request?.body).toEqual({
      model: 'qwen2.5-coder:7b',
      messages: MESSAGES,
      temperature: 0.2,
      max_tokens: 128,
      stream: false,
      stop: ['\n\n'],
      response_format: { type: 'json_object' },
    });
  });

  it('sends no Authorization header and no optional fields when none are configured', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, completion('ok')));
    const outcome = await client.chat(endpointAt(s.url), { messages: MESSAGES }, { model: 'm' });
    expect(outcome.ok).toBe(true);
    expect(s.requests[0]?.headers.authorization).toBeUndefined();
    expect(s.requests[0]?.body).toEqual({ model: 'm', messages: MESSAGES, stream: false });
  });

  it('treats content: null as an empty answer, not a broken one', async () => {
    const body = {
      choices: [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'stop' }],
    };
    const outcome = await askPlain((_req, res) => sendJson(res, 200, body));
    expect(outcome).toMatchObject({ ok: true, content: '', finishReason: 'stop' });
  });

  it('returns the reasoning (reasoning_content or reasoning) and tool calls beside the content', async () => {
    const body = {
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            reasoning_content: 'The plan has one subtask.',
            tool_calls: [
              { id: 'c1', type: 'function', function: { name: 'submit', arguments: '{"a":1}' } },
              { id: 'c2', type: 'function', function: { name: 'other', arguments: { b: 2 } } },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    };
    const outcome = await askPlain((_req, res) => sendJson(res, 200, body));
    expect(outcome).toMatchObject({
      ok: true,
      content: '',
      finishReason: 'tool_calls',
      reasoning: 'The plan has one subtask.',
      toolCalls: [
        { name: 'submit', arguments: '{"a":1}' },
        { name: 'other', arguments: '{"b":2}' },
      ],
    });
    const ollama = await askPlain((_req, res) =>
      sendJson(res, 200, {
        choices: [{ index: 0, message: { content: 'x', reasoning: 'thought' }, finish_reason: 'stop' }],
      }),
    );
    expect(ollama).toMatchObject({ ok: true, content: 'x', reasoning: 'thought' });
    if (ollama.ok) expect(ollama.toolCalls).toBeUndefined();
  });
});

describe('HTTP status classification', () => {
  const cases: [number, string, Failure['kind']][] = [
    [401, '{"error":{"message":"Incorrect API key provided"}}', 'auth'],
    [403, 'forbidden', 'auth'],
    [404, '{"error":{"message":"model \\"m\\" not found, try pulling it first"}}', 'model_not_found'],
    [500, '{"error":{"message":"llama runner process has terminated"}}', 'server_error'],
    [502, '<html>Bad Gateway</html>', 'server_error'],
    [400, '{"error":{"message":"messages: field required"}}', 'client_error'],
    [422, '{"detail":[{"msg":"value is not a valid float"}]}', 'client_error'],
    [413, 'payload too large', 'client_error'],
    [408, 'request timeout', 'server_error'],
  ];
  it.each(cases)(
    'HTTP %i → %s, with the status and the server text in the message',
    async (status, text, kind) => {
      const failure = failureOf(await askPlain((_req, res) => sendJson(res, status, text)));
      expect(failure.kind).toBe(kind);
      expect(failure.status).toBe(status);
      expect(failure.message).toContain(`HTTP ${status}`);
    },
  );

  it('quotes the error message of a JSON error body, cut to about 200 characters', async () => {
    const long = `model is overloaded ${'x'.repeat(1000)}`;
    const failure = failureOf(
      await askPlain((_req, res) => sendJson(res, 500, { error: { message: long } })),
    );
    expect(failure.message).toContain('HTTP 500: model is overloaded');
    expect(failure.message.length).toBeLessThan(260);
  });

  it('429 → rate_limited with Retry-After in seconds', async () => {
    const failure = failureOf(
      await askPlain((_req, res) =>
        sendJson(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '7' }),
      ),
    );
    expect(failure).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
  });

  it('429 → rate_limited with Retry-After as an HTTP date', async () => {
    const date = new Date(Date.now() + 120_000).toUTCString();
    const failure = failureOf(
      await askPlain((_req, res) => sendJson(res, 429, 'busy', { 'retry-after': date })),
    );
    expect(failure.kind).toBe('rate_limited');
    // The date has one-second resolution, so the delay is within a second or two of two minutes.
    expect(failure.retryAfterMs).toBeGreaterThan(100_000);
    expect(failure.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('503 with Retry-After → server_error that carries retryAfterMs; 500 without it carries none', async () => {
    const with503 = failureOf(
      await askPlain((_req, res) => sendJson(res, 503, 'overloaded', { 'retry-after': '3' })),
    );
    expect(with503).toMatchObject({ kind: 'server_error', status: 503, retryAfterMs: 3000 });
    await server?.close();
    const plain500 = failureOf(
      await askPlain((_req, res) => sendJson(res, 500, 'oops', { 'retry-after': '3' })),
    );
    expect(plain500.retryAfterMs).toBeUndefined();
  });

  const contextBodies: [number, string][] = [
    [
      400,
      '{"error":{"message":"This model\'s maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.","type":"invalid_request_error","code":"context_length_exceeded"}}',
    ],
    [
      400,
      '{"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":5000,"n_ctx":4096}}',
    ],
    [
      400,
      '{"object":"error","message":"The decoder prompt (length 5000) is longer than the maximum model length of 4096. Make sure that `max_model_len` is no smaller than the number of text tokens.","type":"BadRequestError","code":400}',
    ],
    [400, '{"error":{"message":"the input length exceeds the context length","type":"api_error"}}'],
    [
      400,
      '{"error":"Trying to keep the first 5000 tokens when context the overflows. However, the model is loaded with context length of only 4096 tokens"}',
    ],
    [
      413,
      '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}',
    ],
    [422, '{"detail":"Input has too many tokens"}'],
  ];
  it.each(contextBodies)(
    'HTTP %i with a context-overflow text → context_length (%s)',
    async (status, text) => {
      const failure = failureOf(await askPlain((_req, res) => sendJson(res, status, text)));
      expect(failure.kind).toBe('context_length');
    },
  );
});

describe('malformed bodies', () => {
  it('a 200 body that is not JSON → malformed', async () => {
    const failure = failureOf(
      await askPlain((_req, res) => sendJson(res, 200, '<html>captive portal</html>')),
    );
    expect(failure.kind).toBe('malformed');
    expect(failure.message).toContain('captive portal');
  });

  it('a 200 JSON body without choices[0].message → malformed', async () => {
    const failure = failureOf(
      await askPlain((_req, res) => sendJson(res, 200, { choices: [{ text: 'legacy' }] })),
    );
    expect(failure.kind).toBe('malformed');
  });

  it('a 200 JSON body carrying { error } is classified by its text', async () => {
    const body = { error: { message: "This model's maximum context length is 2048 tokens" } };
    const failure = failureOf(await askPlain((_req, res) => sendJson(res, 200, body)));
    expect(failure.kind).toBe('context_length');
  });

  it('garbage instead of HTTP → malformed', async () => {
    const s = await serve((_req, res) => {
      res.socket?.end('SSH-2.0-OpenSSH_9.6\r\n\r\n');
    });
    const failure = failureOf(await client.chat(endpointAt(s.url), { messages: MESSAGES }, { model: 'm' }));
    expect(failure.kind).toBe('malformed');
  });
});

describe('connection failures', () => {
  it('nothing listening → connect_refused', async () => {
    const port = await closedPort();
    const failure = failureOf(
      await client.chat(endpointAt(`http://127.0.0.1:${port}/v1`), { messages: MESSAGES }, { model: 'm' }),
    );
    expect(failure.kind).toBe('connect_refused');
  });

  it('the server closes the socket before answering → connect_reset', async () => {
    const failure = failureOf(await askPlain((_req, res) => res.socket?.destroy()));
    expect(failure.kind).toBe('connect_reset');
  });

  it('the server resets the connection (RST) before answering → connect_reset', async () => {
    const failure = failureOf(await askPlain((_req, res) => res.socket?.resetAndDestroy()));
    expect(failure.kind).toBe('connect_reset');
  });

  it('the socket dies in the middle of a plain body → stream_cut', async () => {
    const failure = failureOf(
      await askPlain((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"choices":[{"message":');
        setImmediate(() => res.socket?.destroy());
      }),
    );
    expect(failure.kind).toBe('stream_cut');
  });

  it('a name under .invalid fails as dns at once, without asking any DNS server', async () => {
    const port = await closedPort();
    // Watch the resolver: `.invalid` must be refused before it, while other names still go through it.
    const lookup = vi.spyOn(dns, 'lookup');
    syncBuiltinESMExports();
    try {
      const failure = failureOf(
        await client.chat(
          endpointAt('http://keel-endpoint.invalid:11434/v1'),
          { messages: MESSAGES },
          { model: 'm' },
        ),
      );
      expect(failure.kind).toBe('dns');
      const local = endpointAt(`http://localhost:${port}/v1`, { id: 'local' });
      expect(failureOf(await client.chat(local, { messages: MESSAGES }, { model: 'm' })).kind).toBe(
        'connect_refused',
      );
      expect(lookup.mock.calls.map(([hostname]) => hostname)).toEqual(['localhost']);
    } finally {
      lookup.mockRestore();
      syncBuiltinESMExports();
    }
  });
});

describe('API keys', () => {
  it('a missing or empty key variable → auth, and nothing reaches the server', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, completion('should not be asked')));
    for (const name of ['KEEL_NOT_SET', 'EMPTY_KEY']) {
      const failure = failureOf(
        await client.chat(
          endpointAt(s.url, { apiKeyEnv: name, id: name }),
          { messages: MESSAGES },
          { model: 'm' },
        ),
      );
      expect(failure.kind).toBe('auth');
      expect(failure.message).toContain(name);
    }
    expect(s.requests).toHaveLength(0);
    expect(s.connections()).toBe(0);
  });

  it('never lets the key out in a failure message, even when the server echoes it back', async () => {
    const echo: Handler = (req, res) =>
      sendJson(res, 500, {
        error: {
          message: `bad header ${String(req.headers.authorization)} key=${CANARY_KEY} other=sk-abcdef1234567890`,
        },
      });
    const failure = failureOf(await askPlain(echo, 'KEEL_TEST_KEY'));
    expect(failure.message).not.toContain(CANARY_KEY);
    expect(failure.message).not.toContain('sk-abcdef1234567890');
    expect(failure.message).toContain('[REDACTED]');
  });

  it('redacts a key echoed in a 401 plain-text body and in a non-JSON 200 body', async () => {
    for (const status of [401, 200]) {
      const failure = failureOf(
        await askPlain(
          (req, res) => sendJson(res, status, `got: ${String(req.headers.authorization)}`),
          'KEEL_TEST_KEY',
        ),
      );
      expect(failure.message).not.toContain(CANARY_KEY);
      await server?.close();
      server = undefined;
    }
  });
});
