/**
 * Small real HTTP servers on 127.0.0.1 for the endpoint client tests: each test scripts the server's
 * behaviour in a handler, and the fixture records what reached it (requests, connections, closed sockets).
 */
import { once, EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { endpointConfig } from '../../src/config/normalize.ts';
import type { EndpointConfig, EndpointTimeouts } from '../../src/config/schema.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
}

export type Handler = (request: RecordedRequest, res: http.ServerResponse) => void;

export interface TestServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** Resolves when the server sees the next client socket close. */
  nextSocketClose(): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const events = new EventEmitter();
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    connections++;
    socket.on('close', () => events.emit('socket-close'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    connections: () => connections,
    nextSocketClose: async () => {
      await once(events, 'socket-close');
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function endpointAt(
  url: string,
  options: { id?: string; apiKeyEnv?: string; timeouts?: Partial<EndpointTimeouts> } = {},
): EndpointConfig {
  // Generous defaults below the test timeout: a deadline that fails to fire shows up as a wrong kind.
  const timeouts = {
    connectMs: 5_000,
    firstTokenMs: 10_000,
    idleMs: 10_000,
    totalMs: 15_000,
    ...options.timeouts,
  };
  return endpointConfig({
    id: options.id ?? 'test',
    url,
    kind: 'local',
    apiKeyEnv: options.apiKeyEnv,
    timeouts,
  });
}

export const MESSAGES = [{ role: 'user' as const, content: 'Say hi' }];

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

export function completion(content: string, finishReason = 'stop'): object {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
  };
}

/** An SSE chunk carrying one piece of content (or a finish reason). */
export function delta(content: string | null, finishReason: string | null = null): object {
  const d = content === null ? {} : { content };
  return { object: 'chat.completion.chunk', choices: [{ index: 0, delta: d, finish_reason: finishReason }] };
}

export function sseHead(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}

export function sseEvent(res: http.ServerResponse, data: object | string): void {
  res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

/** A complete, well-behaved stream: pieces, a finish chunk, a usage chunk, [DONE]. */
export function sendStream(res: http.ServerResponse, pieces: string[]): void {
  sseHead(res);
  sseEvent(res, { choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] });
  for (const piece of pieces) sseEvent(res, delta(piece));
  sseEvent(res, delta(null, 'stop'));
  sseEvent(res, { choices: [], usage: { prompt_tokens: 11, completion_tokens: pieces.length } });
  sseEvent(res, '[DONE]');
  res.end();
}

/** A port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Timers alive in this process right now (ours must all be cleared when an attempt ends). */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}
