/**
 * The probes against real HTTP servers on 127.0.0.1 (real `fetch`, real sockets), each answering the way
 * its kind of server does — including how it says "no such path".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHealth, scanCapabilities } from '../../src/fleet/probe.ts';
import { endpoint } from './fixtures/fake-fetch.ts';
import * as fx from './fixtures/flavor-responses.ts';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; root: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      handler(req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${root}/v1`, root, requests };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/** A server of one flavor: its routes, and everything else answered the way that server answers. */
function flavorServer(
  routes: Record<string, (body: string) => unknown>,
  notFound: (res: ServerResponse, path: string) => void,
) {
  return serve((req, body, res) => {
    const route = routes[`${req.method} ${req.url}`];
    if (route) json(res, 200, route(body));
    else notFound(res, req.url ?? '/');
  });
}

const flavors = {
  vllm: () =>
    flavorServer({ 'GET /v1/models': () => fx.vllmModels }, (res) => json(res, 404, fx.vllmNotFound)),
  llamacpp: () =>
    flavorServer({ 'GET /v1/models': () => fx.llamaCppModels, 'GET /props': () => fx.llamaCppProps }, (res) =>
      json(res, 404, fx.llamaCppNotFound),
    ),
  lmstudio: () =>
    flavorServer(
      { 'GET /v1/models': () => fx.lmStudioModels, 'GET /api/v0/models': () => fx.lmStudioV0Models },
      (res, path) => json(res, 200, fx.lmStudioUnknownPath(path)),
    ),
  ollama: () =>
    flavorServer(
      {
        'GET /v1/models': () => fx.ollamaModels,
        'GET /api/tags': () => fx.ollamaTags,
        'POST /api/show': (body) => {
          const { model } = JSON.parse(body) as { model: string };
          return model === 'llama3.2:latest' ? fx.ollamaShowArchOnly : fx.ollamaShowWithNumCtx;
        },
      },
      (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end(fx.OLLAMA_NOT_FOUND_TEXT),
    ),
};

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

describe('probes against HTTP servers', () => {
  it.each([
    ['vllm', 'Qwen/Qwen2.5-Coder-7B-Instruct', 32768],
    ['llamacpp', 'qwen2.5-coder-7b-instruct-q4_k_m.gguf', 16384],
    ['lmstudio', 'qwen2.5-coder-7b-instruct', 8192],
    ['ollama', 'qwen2.5-coder:7b', 16384],
  ] as const)('auto-detects %s and its window', async (flavor, model, window) => {
    const server = await flavors[flavor]();
    const target = endpoint({ id: flavor, url: server.url });
    const health = await probeHealth(target, { timeoutMs: 5_000 });
    expect(health).toMatchObject({ healthy: true });
    expect(health.models).toContain(model);
    const scan = await scanCapabilities(target, { timeoutMs: 5_000 });
    expect(scan).toMatchObject({ flavor });
    expect(scan.contextWindows[model]).toBe(window);
    expect(scan.error).toBeUndefined();
  });

  it('reads Ollama windows per model over real POSTs', async () => {
    const server = await flavors.ollama();
    const scan = await scanCapabilities(endpoint({ id: 'o', url: server.url }), { timeoutMs: 5_000 });
    expect(scan.contextWindows).toEqual({
      'qwen2.5-coder:7b': 16384,
      // No num_ctx: Ollama's default (4096), not the trained 131072.
      'llama3.2:latest': 4096,
      'nomic-embed-text:latest': 16384,
    });
    expect(server.requests.filter((request) => request === 'POST /api/show')).toHaveLength(3);
  });

  it('times out on a server that accepts the request and never answers', async () => {
    const server = await serve(() => undefined);
    const probe = await probeHealth(endpoint({ id: 'mute', url: server.url }), { timeoutMs: 200 });
    expect(probe).toMatchObject({ healthy: false, error: 'timed out after 200 ms' });
  });

  it('reports a refused connection', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const probe = await probeHealth(endpoint({ id: 'gone', url }), { timeoutMs: 2_000 });
    expect(probe.healthy).toBe(false);
    expect(probe.error).toMatch(/ECONNREFUSED/);
  });

  it('stops reading a body past the size cap', async () => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
      // Chunked, no content-length: the cap has to hold while streaming.
      for (let i = 0; i < 2_000; i += 1) res.write(`{"id":"model-${i}"},`);
      res.end('{"id":"last"}]}');
    });
    const probe = await probeHealth(endpoint({ id: 'big', url: server.url }), {
      timeoutMs: 5_000,
      maxResponseBytes: 4_096,
    });
    expect(probe).toMatchObject({ healthy: false, error: 'response larger than 4096 bytes' });
  });

  it('does not follow a redirect, so the key cannot travel to another host', async () => {
    const elsewhere = await serve((req, _body, res) =>
      json(res, 200, { data: [], auth: req.headers.authorization }),
    );
    const redirecting = await serve((_req, _body, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/models` }).end();
    });
    const target = endpoint({ id: 'r', url: redirecting.url, apiKeyEnv: 'KEY' });
    const probe = await probeHealth(target, { timeoutMs: 5_000, env: { KEY: 'k-secret-value' } });
    expect(probe).toMatchObject({ healthy: false, error: 'HTTP 302' });
    expect(elsewhere.requests).toEqual([]);
  });

  it('sends the bearer token to a server that requires one', async () => {
    const server = await serve((req, _body, res) => {
      if (req.headers.authorization !== 'Bearer k-123456') json(res, 401, { error: 'unauthorized' });
      else json(res, 200, fx.vllmModels);
    });
    const target = endpoint({ id: 'auth', url: server.url, apiKeyEnv: 'KEY' });
    expect((await probeHealth(target, { timeoutMs: 5_000, env: { KEY: 'k-123456' } })).healthy).toBe(true);
    expect(await probeHealth(target, { timeoutMs: 5_000, env: {} })).toMatchObject({
      healthy: false,
      error: 'HTTP 401 (KEY is not set)',
    });
  });
});
