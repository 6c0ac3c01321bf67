/**
 * Plain clients for the simulator tests: `fetch` and `node:http`, never keel's own client, so that the simulator
 * is checked against the wire and not against another piece of keel.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterEach } from 'vitest';
import { startSimulator, type FleetSimulator, type SimulatorOptions } from '../../src/sim/fleet-simulator.ts';

/** Starts simulators that are closed after each test, whatever the test did. */
export function useSimulators(): (options: SimulatorOptions) => Promise<FleetSimulator> {
  const started: FleetSimulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sim) => sim.close()));
  });
  return async (options) => {
    const sim = await startSimulator(options);
    started.push(sim);
    return sim;
  };
}

export function chatBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'sim-model', messages: [{ role: 'user', content: 'hello' }], ...extra };
}

export function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

export function postChat(
  sim: FleetSimulator,
  body: unknown,
  signal?: AbortSignal,
  index = 0,
): Promise<Response> {
  return postJson(`${sim.endpoints[index]!.url}/chat/completions`, body, signal);
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Body pieces in the order and grouping in which they arrived. */
  chunks: string[];
  body: string;
  /** False when the connection ended before the message did (a cut). */
  complete: boolean;
}

/** One request on a fresh connection, recording each body chunk as it arrived and whether the message completed. */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers, signal }, (res) => {
      const chunks: string[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => chunks.push(chunk));
      // A cut connection makes the response emit `error` ("aborted"); `complete` tells the story.
      res.on('error', () => {});
      res.on('close', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          chunks,
          body: chunks.join(''),
          complete: res.complete,
        }),
      );
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The payloads of the `data:` lines of an SSE body. */
export function sseData(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice('data: '.length));
}

/** The error code of a TCP connection attempt, or `undefined` when it connected. */
export function connectError(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });
}

/** Whether `promise` settles within `ms`; the timer is ours, so this proves only that it did not answer yet. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The parts of OpenAI-style bodies the tests read. */
export interface ErrorBody {
  error: { message: string; type: string; code: string | null };
}

export interface CompletionBody {
  object: string;
  model: string;
  choices: { message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
