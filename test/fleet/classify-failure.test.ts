/** The pure parts of failure classification: context-overflow phrasings, Retry-After, error codes, redaction. */
import { describe, expect, it } from 'vitest';
import {
  classifyErrorPayload,
  classifyHttpError,
  classifyTransportError,
  errorCode,
  isContextLengthText,
  parseRetryAfter,
} from '../../src/fleet/classify-failure.ts';
import { quoteServer, redact, REDACTED } from '../../src/base/secrets.ts';

describe('isContextLengthText', () => {
  const overflows = [
    '{"error":{"code":"context_length_exceeded"}}',
    "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
    'the request exceeds the available context size, try increasing it',
    'requested tokens (5000) exceed context window of n_ctx (4096)',
    'The decoder prompt (length 5000) is longer than the maximum model length of 4096.',
    "'max_tokens' is too large: 2000. This model's maximum context length is 4096 tokens",
    'the input length exceeds the context length',
    'input length exceeds maximum context length',
    'Trying to keep the first 5000 tokens when context the overflows.',
    'the model is loaded with context length of only 4096 tokens',
    'prompt is too long: 210000 tokens > 200000 maximum',
    'Input has too many tokens',
    'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
    'Please reduce the length of the messages or completion.',
    'Input validation error: `inputs` tokens + `max_new_tokens` must be <= 4096',
    // Ollama ≥ v0.30.9 (bbb40a0a6), a last message longer than the window, context shift off.
    '{"error":"the prompt is longer than the context length currently available to the model; shorten the prompt, adjust the context length in settings, or use a model with a longer context length"}',
    // vLLM renderer era (vllm/renderers/params.py), token and character pre-checks.
    "You passed 9000 input tokens and requested 512 output tokens. However, the model's context length is only 8192 tokens, resulting in a maximum input length of 7680 tokens. Please reduce the length of the input prompt. (parameter=input_tokens, value=9000)",
    "You passed 40000 input characters and requested 512 output tokens. However, the model's context length is only 8192 tokens, resulting in a maximum input length of 7680 tokens (at most 30720 characters). Please reduce the length of the input prompt. (parameter=input_text, value=40000)",
    '{"error":{"message":"…","type":"BadRequestError","param":"input_tokens","code":400}}',
    // LM Studio's MLX engine.
    'Context size has been exceeded.',
  ];
  it.each(overflows)('recognises %s', (text) => expect(isContextLengthText(text)).toBe(true));

  const others = [
    'messages: field required',
    'Invalid value for temperature',
    'model "x" not found, try pulling it first',
    'context is required',
  ];
  it.each(others)('does not take "%s" for an overflow', (text) =>
    expect(isContextLengthText(text)).toBe(false),
  );
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('reads delta-seconds', () => expect(parseRetryAfter('12', undefined, now)).toBe(12_000));
  it('reads an HTTP date', () =>
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', undefined, now)).toBe(30_000));
  it('clamps a date in the past to 0', () =>
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', undefined, now)).toBe(0));
  it('falls back to retry-after-ms', () => expect(parseRetryAfter(undefined, '1500', now)).toBe(1500));
  it('ignores garbage', () => expect(parseRetryAfter('soon', 'later', now)).toBeUndefined());
});

describe('classifyHttpError', () => {
  it('a 503 with Retry-After keeps the delay; a 400 ignores it', () => {
    expect(classifyHttpError({ status: 503, body: '', retryAfter: '4', secrets: [] })).toMatchObject({
      kind: 'server_error',
      retryAfterMs: 4000,
      message: 'HTTP 503',
    });
    expect(
      classifyHttpError({ status: 400, body: 'bad', retryAfter: '4', secrets: [] }).retryAfterMs,
    ).toBeUndefined();
  });

  it('a redirect (misconfigured base URL) fails over as server_error rather than stopping the request', () => {
    expect(classifyHttpError({ status: 301, body: '', secrets: [] }).kind).toBe('server_error');
  });
});

describe('classifyHttpError: what each server means', () => {
  const classify = (status: number, body: string) => classifyHttpError({ status, body, secrets: [] });

  it('OpenAI insufficient_quota (429) is billing: quota, not a throttle', () => {
    const body =
      '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}';
    expect(classify(429, body).kind).toBe('quota');
    expect(classify(429, '{"error":{"code":"rate_limit_exceeded"}}').kind).toBe('rate_limited');
    expect(classify(402, '{"error":{"message":"Insufficient credits"}}').kind).toBe('quota');
  });

  it('llama.cpp loading its model (503, no Retry-After) is loading, not a server fault', () => {
    const body = '{"error":{"message":"Loading model","type":"unavailable_error","code":503}}';
    expect(classify(503, body)).toMatchObject({ kind: 'loading', status: 503 });
    expect(classify(503, '{"error":"Service Unavailable"}').kind).toBe('server_error');
  });

  it("Ollama's full scheduler queue (503 server busy) is a throttle", () => {
    const body = '{"error":"server busy, please try again.  maximum pending requests exceeded"}';
    expect(classify(503, body).kind).toBe('rate_limited');
  });

  it('LM Studio refusing json_object (a string error body, old and new wording) names response_format', () => {
    for (const body of [
      "{\"error\":\"'response_format.type' must be 'json_schema' or 'text'\"}",
      '{"error":"\'response_format.type\' must be \'json_schema\'"}',
    ]) {
      expect(classify(400, body)).toMatchObject({
        kind: 'client_error',
        refusal: { kind: 'response_format' },
      });
    }
    const llama =
      '{"error":{"code":400,"message":"response_format type must be one of \\"text\\" or \\"json_object\\", but got: json_schema","type":"invalid_request_error"}}';
    expect(classify(400, llama).refusal).toEqual({ kind: 'response_format' });
  });

  it('OpenAI reasoning models refusing max_tokens name the parameter to drop, not the one they suggest', () => {
    const body =
      '{"error":{"message":"Unsupported parameter: \'max_tokens\' is not supported with this model. Use \'max_completion_tokens\' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}';
    expect(classify(400, body).refusal).toEqual({ kind: 'token_param', param: 'max_tokens' });
    // A proxy that says the same with another code and no param.
    const proxy =
      '{"error":{"message":"Unsupported parameter: \'max_tokens\' is not supported with this model. Use \'max_completion_tokens\' instead.","code":"invalid_request_body"}}';
    expect(classify(400, proxy).refusal).toEqual({ kind: 'token_param', param: 'max_tokens' });
    const pydantic =
      '{"detail":[{"type":"extra_forbidden","loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted"}]}';
    expect(classify(422, pydantic).refusal).toEqual({ kind: 'token_param', param: 'max_completion_tokens' });
  });

  it('an output limit above the model cap carries the cap (code invalid_value since 2025, null before)', () => {
    for (const code of ['"invalid_value"', 'null']) {
      const body = `{"error":{"message":"max_tokens is too large: 32768. This model supports at most 16384 completion tokens, whereas you provided 32768.","type":"invalid_request_error","param":"max_tokens","code":${code}}}`;
      expect(classify(400, body)).toMatchObject({
        kind: 'client_error',
        refusal: { kind: 'output_cap', cap: 16384 },
      });
    }
  });

  it('a 400 that says there is no such model (llama.cpp router mode, LM Studio) is model_not_found', () => {
    const router =
      '{"error":{"code":400,"message":"model \'gemma\' not found","type":"invalid_request_error"}}';
    expect(classify(400, router).kind).toBe('model_not_found');
    const lmstudio =
      '{"error":{"message":"Invalid model identifier \\"o4-mini\\".","type":"invalid_request_error","param":"model","code":"model_not_found"}}';
    expect(classify(400, lmstudio).kind).toBe('model_not_found');
  });

  it('a 400 that names nothing keel can change carries no refusal', () => {
    expect(classify(400, '{"error":{"message":"messages: field required"}}').refusal).toBeUndefined();
    expect(classify(413, '<html>413 Request Entity Too Large</html>').refusal).toBeUndefined();
  });
});

describe('classifyErrorPayload', () => {
  it('uses a numeric code in the payload as the status', () => {
    const failure = classifyErrorPayload({ error: { message: 'nope', code: 404 } }, '{}', [], 'stream error');
    expect(failure).toMatchObject({ kind: 'model_not_found', status: 404 });
    expect(failure.message.startsWith('stream error: HTTP 404')).toBe(true);
  });
});

describe('transport errors', () => {
  const withCode = (code: string): Error => Object.assign(new Error(code), { code });

  it('finds codes nested in AggregateError and cause', () => {
    expect(errorCode(new AggregateError([withCode('ECONNREFUSED')]))).toBe('ECONNREFUSED');
    expect(errorCode(new Error('wrapped', { cause: withCode('EAI_AGAIN') }))).toBe('EAI_AGAIN');
    expect(errorCode('not an error')).toBeUndefined();
  });

  it('a reset before the head is connect_reset, after the head stream_cut', () => {
    expect(classifyTransportError(withCode('ECONNRESET'), false, 1000, []).kind).toBe('connect_reset');
    expect(classifyTransportError(withCode('ECONNRESET'), true, 1000, []).kind).toBe('stream_cut');
    expect(classifyTransportError(withCode('EPIPE'), false, 1000, []).kind).toBe('connect_reset');
  });

  it('maps DNS and connect-timeout codes', () => {
    expect(classifyTransportError(withCode('ENOTFOUND'), false, 1000, []).kind).toBe('dns');
    expect(classifyTransportError(withCode('EAI_AGAIN'), false, 1000, []).kind).toBe('dns');
    const timeout = classifyTransportError(withCode('UND_ERR_CONNECT_TIMEOUT'), false, 1234, []);
    expect(timeout).toMatchObject({ kind: 'timeout_connect', message: 'no connection within 1234 ms' });
  });
});

describe('redaction', () => {
  const key = 'kc-9d8e7f6a5b4c3d2e1f';

  it('replaces every occurrence of the key, bearer tokens and sk- keys', () => {
    const text = `key ${key} again ${key}; Authorization: Bearer abc.def-ghi; other sk-proj-ABCDEF123456`;
    const out = redact(text, [key]);
    expect(out).not.toContain(key);
    expect(out).not.toContain('abc.def-ghi');
    expect(out).not.toContain('sk-proj-ABCDEF123456');
    expect(out.split(REDACTED)).toHaveLength(5);
  });

  it('redacts a key cut short at the end of the text', () => {
    expect(redact(`prefix ${key.slice(0, 10)}`, [key])).toBe(`prefix ${REDACTED}`);
  });

  it('redacts before cutting to an excerpt, so no part of a key survives the cut', () => {
    const text = `${'a'.repeat(195)}${key}`;
    const quoted = quoteServer(text, [key]);
    expect(quoted).not.toContain(key.slice(0, 5));
    expect(quoted.length).toBeLessThanOrEqual(201);
  });
});
