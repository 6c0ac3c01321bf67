/**
 * The one HTTP primitive the probes use: a JSON request bounded in time (through the injected `Clock`, so
 * fake timers drive it) and in size, whose failures come back as short, redacted text instead of throwing.
 * A probe talks to servers that may be half-dead, misconfigured or not what the config claims; none of that
 * is exceptional here.
 */
import { request as undiciRequest } from 'undici';
import { redact } from '../base/secrets.ts';
import { abortReason, type Clock } from '../base/clock.ts';
import { htmlAnswer } from './response-shape.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Probe answers are small JSON documents; anything bigger than this is not a model listing. */
export const DEFAULT_PROBE_MAX_BYTES = 2 * 1024 * 1024;

const MAX_ERROR_CHARS = 160;

export interface ProbeHttpDeps {
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
  maxBytes: number;
  /** Sent as `Authorization: Bearer …` when set. Also scrubbed from every error text. */
  apiKey?: string;
  /** The caller's cancellation (the probe loop stopping, Ctrl-C on `keel probe`). */
  signal?: AbortSignal;
}

export type JsonResult =
  | { ok: true; status: number; body: unknown }
  | { ok: false; status?: number; error: string; timedOut?: boolean };

class ProbeTimeout extends Error {
  override name = 'ProbeTimeout';
}

/**
 * `GET`s (or `POST`s `body` as JSON to) `url` and parses the answer as JSON. A non-2xx status is a failure
 * that keeps its status, so callers can tell "not this flavor" (404) from "broken".
 */
export async function requestJson(
  url: string,
  deps: ProbeHttpDeps,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<JsonResult> {
  const controller = new AbortController();
  const stopTimer = new AbortController();
  const onOuterAbort = (): void => controller.abort(deps.signal ? abortReason(deps.signal) : undefined);
  if (deps.signal?.aborted) return { ok: false, error: 'aborted' };
  deps.signal?.addEventListener('abort', onOuterAbort, { once: true });
  // The timer covers the whole exchange, body included: a server that sends headers and then trickles
  // the body must not hold a probe round open.
  deps.clock.sleep(deps.timeoutMs, stopTimer.signal).then(
    () => controller.abort(new ProbeTimeout(`timed out after ${deps.timeoutMs} ms`)),
    () => undefined,
  );
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (deps.apiKey) headers.authorization = `Bearer ${deps.apiKey}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await raceAbort(
      deps.fetch(url, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
        // A redirect could carry the Authorization header somewhere else; a probe has no reason to follow one.
        redirect: 'manual',
      }),
      controller.signal,
    );
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, status: response.status, error: `HTTP ${response.status}` };
    }
    // A web page (the server's root, a login portal) is no listing: said for what it is, not "not JSON".
    const html = htmlAnswer(response.status, response.headers.get('content-type'));
    if (html !== undefined) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, status: response.status, error: html };
    }
    const text = await readBounded(response, deps.maxBytes, controller.signal);
    if (text === undefined) {
      return { ok: false, status: response.status, error: `response larger than ${deps.maxBytes} bytes` };
    }
    try {
      return { ok: true, status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, status: response.status, error: 'response is not JSON' };
    }
  } catch (error) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
    const timedOut = reason instanceof ProbeTimeout;
    return {
      ok: false,
      error: truncate(redact(describeError(reason), deps.apiKey ? [deps.apiKey] : [])),
      ...(timedOut ? { timedOut } : {}),
    };
  } finally {
    stopTimer.abort();
    deps.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** Reads the body as UTF-8, giving up (undefined) once it passes `maxBytes`. */
async function readBounded(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  // Node types the body loosely; a fetch body is bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    let chunk: { done: boolean; value?: Uint8Array };
    try {
      chunk = await raceAbort(reader.read(), signal);
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    const { done, value } = chunk;
    if (done || !value) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts. A `fetch` (a test fake, or
 * a body stream in a bad state) may ignore the signal; the deadline must hold regardless.
 */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Short text for a failed fetch: undici hides the useful part (`ECONNREFUSED`, `ENOTFOUND`) in `cause`. */
export function describeError(error: unknown): string {
  if (error instanceof ProbeTimeout) return error.message;
  if (error instanceof Error) {
    if (error.name === 'AbortError') return 'aborted';
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: unknown }).code;
      return truncate(typeof code === 'string' ? `${code}: ${cause.message}` : cause.message);
    }
    return truncate(error.message);
  }
  return truncate(String(error));
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_ERROR_CHARS ? `${oneLine.slice(0, MAX_ERROR_CHARS - 1)}…` : oneLine;
}

/** The server root: the OpenAI base URL without its trailing `/v1` (where `/props`, `/api/*` live). */
export function serverRoot(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v1$/i, '');
}

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * A `FetchLike` over undici's `request` — the endpoint client's transport — for the small, frequent GETs of
 * a server's load (`/metrics`, `/slots`): about a third of the CPU the WHATWG `fetch` takes per read, which
 * a router that looks at the server on its releases pays many times a second.
 */
export const undiciFetch: FetchLike = async (input, init) => {
  const { statusCode, headers, body } = await undiciRequest(input, {
    method: 'GET',
    headers: init?.headers as Record<string, string> | undefined,
    signal: init?.signal ?? undefined,
  });
  const text = await body.text();
  const noBody = statusCode === 204 || statusCode === 304;
  return new Response(noBody ? null : text, {
    status: statusCode,
    headers: Object.entries(headers).flatMap(([name, value]) =>
      value === undefined
        ? []
        : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
    ),
  });
};
