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
