/**
 * Deadlines, cancellation, size bounds and connection handling of the endpoint client. Each timeout test
 * arms exactly one short deadline (the others stay long) and asserts the failure kind, never a duration.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EndpointTimeouts } from '../../src/config/schema.ts';
import { createEndpointClient } from '../../src/fleet/endpoint-client.ts';
import type { ChatOutcome, Failure } from '../../src/fleet/types.ts';
import {
  activeTimers,
  closedPort,
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

const client = createEndpointClient({ env: {} });
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => client.close());

async function ask(
  handler: Handler,
  timeouts: Partial<EndpointTimeouts>,
  stream = false,
  signal?: AbortSignal,
): Promise<ChatOutcome> {
  server = await startServer(handler);
  return client.chat(
    endpointAt(server.url, { timeouts }),
    { messages: MESSAGES, stream },
    { model: 'm', signal },
  );
}

function failureOf(outcome: ChatOutcome): Failure {
  if (outcome.ok) throw new Error(`expected a failure, got success: ${outcome.content}`);
  return outcome.failure;
}

/** Writes `write()` every few milliseconds until the client goes away. */
function drip(res: import('node:http').ServerResponse, write: () => void): void {
  const timer = setInterval(write, 20);
  res.on('close', () => clearInterval(timer));
}

const neverAnswer: Handler = () => undefined;

describe('timeouts, plain requests', () => {
  it('no response head within firstTokenMs → timeout_first_token', async () => {
    const failure = failureOf(await ask(neverAnswer, { firstTokenMs: 100 }));
    expect(failure.kind).toBe('timeout_first_token');
    expect(failure.message).toContain('100 ms');
  });

  it('for a plain request the head is the first token: a slow body within idleMs succeeds', async () => {
    const outcome = await ask(
      (_req, res) => {
        // The head goes out at once; the body takes 6 × 100 ms, twice firstTokenMs (a wide margin: a loaded
        // machine delays timers, and only the head must beat the deadline).
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        const body = JSON.stringify(completion('slow but steady'));
        let sent = 0;
        const step = Math.ceil(body.length / 6);
        const timer = setInterval(() => {
          res.write(body.slice(sent, sent + step));
          sent += step;
          if (sent >= body.length) {
            clearInterval(timer);
            res.end();
          }
        }, 100);
      },
      { firstTokenMs: 300 },
    );
    expect(outcome).toMatchObject({ ok: true, content: 'slow but steady' });
  });

  it('the head arrives, then the body stalls longer than idleMs → timeout_idle', async () => {
    const failure = failureOf(
      await ask(
        (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"choices":');
        },
        { idleMs: 100 },
      ),
    );
    expect(failure.kind).toBe('timeout_idle');
  });

  it('a body that keeps dripping past totalMs → timeout_total', async () => {
    const failure = failureOf(
      await ask(
        (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          drip(res, () => res.write(' '));
        },
        { totalMs: 300 },
      ),
    );
    expect(failure.kind).toBe('timeout_total');
  });
});

describe('timeouts, streams', () => {
  it('a head and keep-alive comments but no content within firstTokenMs → timeout_first_token', async () => {
    const failure = failureOf(
      await ask(
        (_req, res) => {
          sseHead(res);
          sseEvent(res, { choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] });
          drip(res, () => res.write(': keep-alive\n\n'));
        },
        { firstTokenMs: 150 },
        true,
      ),
    );
    expect(failure.kind).toBe('timeout_first_token');
  });

  it('tokens, then silence longer than idleMs → timeout_idle', async () => {
    const failure = failureOf(
      await ask(
        (_req, res) => {
          sseHead(res);
          sseEvent(res, delta('first'));
        },
        { idleMs: 100 },
        true,
      ),
    );
    expect(failure.kind).toBe('timeout_idle');
  });

  it('tokens that keep coming past totalMs → timeout_total', async () => {
    const failure = failureOf(
      await ask(
        (_req, res) => {
          sseHead(res);
          drip(res, () => sseEvent(res, delta('more ')));
        },
        { totalMs: 300 },
        true,
      ),
    );
    expect(failure.kind).toBe('timeout_total');
  });
});

describe('connect timeout', () => {
  let child: ChildProcess | undefined;
  const fillers: net.Socket[] = [];
  afterEach(() => {
    for (const socket of fillers.splice(0)) socket.destroy();
    if (child?.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    child = undefined;
  });

  it('a listener that never completes the handshake → timeout_connect', async () => {
    // A stopped process's listen backlog fills up; the kernel then drops further SYNs, so connect() hangs.
    const script =
      "const s=require('net').createServer().listen({port:0,host:'127.0.0.1',backlog:1},()=>console.log(s.address().port))";
    child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((resolve) =>
      child?.stdout?.once('data', (data: Buffer) => resolve(Number(String(data).trim()))),
    );
    process.kill(child.pid!, 'SIGSTOP');
    for (let i = 0; i < 4; i++) fillers.push(net.connect(port, '127.0.0.1').on('error', () => undefined));
    const endpoint = endpointAt(`http://127.0.0.1:${port}/v1`, {
      id: 'stopped',
      timeouts: { connectMs: 200 },
    });
    const failure = failureOf(await client.chat(endpoint, { messages: MESSAGES }, { model: 'm' }));
    expect(failure.kind).toBe('timeout_connect');
  });
});

describe('cancellation by the caller', () => {
  it('aborting while the server thinks → aborted', async () => {
    const controller = new AbortController();
    const failure = failureOf(await ask(() => controller.abort(), {}, false, controller.signal));
    expect(failure.kind).toBe('aborted');
  });

  it('aborting in the middle of a stream → aborted', async () => {
    const controller = new AbortController();
    server = await startServer((_req, res) => {
      sseHead(res);
      drip(res, () => sseEvent(res, delta('tok ')));
    });
    const outcome = await client.chat(
      endpointAt(server.url),
      { messages: MESSAGES, stream: true },
      { model: 'm', signal: controller.signal, onDelta: () => controller.abort() },
    );
    expect(failureOf(outcome).kind).toBe('aborted');
  });

  it('an already aborted signal → aborted, and no request is sent', async () => {
    const failure = failureOf(await ask(neverAnswer, {}, false, AbortSignal.abort()));
    expect(failure.kind).toBe('aborted');
    expect(server?.requests).toHaveLength(0);
  });
});

describe('response size bound', () => {
  const small = createEndpointClient({ maxResponseBytes: 2048 });
  afterAll(() => small.close());

  it('a declared Content-Length beyond the bound → too_large', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, completion('y'.repeat(10_000))));
    const failure = failureOf(
      await small.chat(endpointAt(server.url), { messages: MESSAGES }, { model: 'm' }),
    );
    expect(failure.kind).toBe('too_large');
  });

  it('an endless chunked body → too_large, reading stops at once', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      drip(res, () => res.write('x'.repeat(1024)));
    });
    const failure = failureOf(
      await small.chat(endpointAt(server.url), { messages: MESSAGES }, { model: 'm' }),
    );
    expect(failure.kind).toBe('too_large');
  });
});

describe('connections', () => {
  it('keeps the connection alive between requests', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, completion('again')));
    const endpoint = endpointAt(server.url, { id: 'kept' });
    for (let i = 0; i < 4; i++) {
      expect((await client.chat(endpoint, { messages: MESSAGES }, { model: 'm' })).ok).toBe(true);
    }
    // undici may open a second socket when a request follows the previous one within the same tick, but
    // without keep-alive there would be one connection per request.
    expect(server.connections()).toBeLessThan(4);
  });

  it('keeps the connection alive between streamed requests too', async () => {
    server = await startServer((_req, res) => sendStream(res, ['a', 'b']));
    const endpoint = endpointAt(server.url, { id: 'kept-stream' });
    for (let i = 0; i < 4; i++) {
      expect((await client.chat(endpoint, { messages: MESSAGES, stream: true }, { model: 'm' })).ok).toBe(
        true,
      );
    }
    expect(server.connections()).toBeLessThan(4);
  });

  it('a server that holds the stream open after [DONE] still gives a complete answer', async () => {
    server = await startServer((_req, res) => {
      sseHead(res);
      sseEvent(res, delta('complete'));
      sseEvent(res, '[DONE]');
      // No res.end(): only [DONE] says the answer is complete.
    });
    const endpoint = endpointAt(server.url, { id: 'held', timeouts: { idleMs: 5_000, totalMs: 5_000 } });
    const outcome = await client.chat(endpoint, { messages: MESSAGES, stream: true }, { model: 'm' });
    expect(outcome).toMatchObject({ ok: true, content: 'complete' });
  });

  it('resetConnections closes the pooled socket, and the next request connects afresh', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, completion('fresh')));
    const endpoint = endpointAt(server.url, { id: 'moved' });
    expect((await client.chat(endpoint, { messages: MESSAGES }, { model: 'm' })).ok).toBe(true);
    const closed = server.nextSocketClose();
    client.resetConnections('moved');
    client.resetConnections('never-used');
    await closed;
    expect(await client.chat(endpoint, { messages: MESSAGES }, { model: 'm' })).toMatchObject({ ok: true });
    expect(server.connections()).toBe(2);
  });

  it('close() drops every pooled socket', async () => {
    const own = createEndpointClient();
    server = await startServer((_req, res) => sendJson(res, 200, completion('bye')));
    expect((await own.chat(endpointAt(server.url), { messages: MESSAGES }, { model: 'm' })).ok).toBe(true);
    const closed = server.nextSocketClose();
    await own.close();
    await closed;
  });
});

describe('no leaks', () => {
  it('leaves no timer behind, whatever the outcome', async () => {
    const own = createEndpointClient({ maxResponseBytes: 2048 });
    const before = activeTimers();
    server = await startServer((req, res) => {
      const scenario = (req.body.messages as { content: string }[])[0]?.content;
      if (scenario === 'ok') sendJson(res, 200, completion('fine'));
      else if (scenario === 'stream') sendStream(res, ['a', 'b']);
      else if (scenario === '500') sendJson(res, 500, 'down');
      else if (scenario === 'cut') res.socket?.destroy();
      else if (scenario === 'big') sendJson(res, 200, 'z'.repeat(5000));
      // 'hang': no answer; the first-token deadline ends it.
    });
    const endpoint = endpointAt(server.url, { timeouts: { firstTokenMs: 100 } });
    const port = await closedPort();
    const kinds: string[] = [];
    for (const scenario of ['ok', 'stream', '500', 'cut', 'big', 'hang']) {
      const outcome = await own.chat(
        endpoint,
        { messages: [{ role: 'user', content: scenario }], stream: scenario === 'stream' },
        { model: 'm', signal: new AbortController().signal },
      );
      kinds.push(outcome.ok ? 'ok' : outcome.failure.kind);
    }
    const refused = await own.chat(
      endpointAt(`http://127.0.0.1:${port}/v1`, { id: 'gone' }),
      { messages: MESSAGES },
      { model: 'm' },
    );
    kinds.push(refused.ok ? 'ok' : refused.failure.kind);
    expect(kinds).toEqual([
      'ok',
      'ok',
      'server_error',
      'connect_reset',
      'too_large',
      'timeout_first_token',
      'connect_refused',
    ]);
    await own.close();
    await server.close();
    server = undefined;
    // At most as many as before: a timer left by this file's earlier tests may have ended meanwhile.
    expect(activeTimers()).toBeLessThanOrEqual(before);
  });
});
