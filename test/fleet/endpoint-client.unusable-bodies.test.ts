/**
 * Messages that name the fault (issue 15 §6): a 200 that is a web page (the URL is not the API's base), and a
 * body compressed by a proxy nobody asked to compress. Both keep the failure table's class (`malformed`:
 * next candidate, breaker, cooldown) for a plain request and a stream alike; the message says what to check,
 * and binary is never quoted.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEndpointClient } from '../../src/fleet/endpoint-client.ts';
import type { ChatOutcome, Failure } from '../../src/fleet/types.ts';
import { quoteServer } from '../../src/base/secrets.ts';
import { looksBinary } from '../../src/base/binary-text.ts';
import { systemClock } from '../../src/base/clock.ts';
import { DEFAULT_PROBE_MAX_BYTES, requestJson } from '../../src/fleet/probe-http.ts';
import {
  completion,
  endpointAt,
  MESSAGES,
  startServer,
  type Handler,
  type TestServer,
} from './endpoint-client-fixture.ts';

const client = createEndpointClient({ env: {} });
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => client.close());

async function ask(handler: Handler, stream: boolean): Promise<Failure> {
  server = await startServer(handler);
  const outcome: ChatOutcome = await client.chat(
    endpointAt(server.url),
    { messages: MESSAGES, ...(stream ? { stream: true } : {}) },
    { model: 'm', ...(stream ? { onDelta: () => undefined } : {}) },
  );
  if (outcome.ok) throw new Error(`expected a failure, got: ${outcome.content}`);
  return outcome.failure;
}

const PAGE = '<!doctype html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>';

describe('a web page with status 200', () => {
  it.each([false, true])(
    'stream %s: malformed, "the server answered HTML … is the URL the API’s base (…/v1)?"',
    async (stream) => {
      const failure = await ask((_, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      }, stream);
      expect(failure.kind).toBe('malformed');
      expect(failure.message).toBe(
        "the server answered HTML (status 200, text/html) — is the URL the API's base (…/v1)?",
      );
    },
  );
});

describe('a body compressed nobody asked for', () => {
  it.each([false, true])('stream %s: malformed, names the encoding, quotes no binary', async (stream) => {
    const failure = await ask((request, res) => {
      // keel asks for no compression; this is a proxy's doing.
      expect(request.headers['accept-encoding'] ?? '').not.toMatch(/gzip/);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify(completion('hello'))));
    }, stream);
    expect(failure.kind).toBe('malformed');
    expect(failure.message).toMatch(
      /^the server answered gzip-encoded data keel did not ask for \(status 200, content-encoding: gzip\)/,
    );
    expect(looksBinary(failure.message)).toBe(false);
    expect(failure.message).not.toContain('\ufffd');
  });

  it('binary that slips through anywhere else is described, not quoted', () => {
    const binary = gzipSync('x'.repeat(500)).toString('utf8');
    expect(quoteServer(binary, [])).toMatch(/^\[\d+ bytes of binary data, not shown\]$/);
    expect(quoteServer('{"error": "plain text stays quoted"}', [])).toBe(
      '{"error": "plain text stays quoted"}',
    );
  });
});

describe('a probe that meets a web page', () => {
  it('says HTML and where to look, not "response is not JSON"', async () => {
    server = await startServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
    });
    const result = await requestJson(`${server.url}/models`, {
      fetch: globalThis.fetch,
      clock: systemClock,
      timeoutMs: 5_000,
      maxBytes: DEFAULT_PROBE_MAX_BYTES,
    });
    expect(result).toEqual({
      ok: false,
      status: 200,
      error: "the server answered HTML (status 200, text/html) — is the URL the API's base (…/v1)?",
    });
  });
});
