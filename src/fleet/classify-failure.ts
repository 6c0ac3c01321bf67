/**
 * Turns what went wrong in one attempt (an HTTP status and body, an error event inside a stream, a socket
 * error) into a `Failure`. The router acts on the kind alone (`FAILURE_POLICY`), so the kind must be exact:
 * a context overflow reported as a 400 must not stop the whole request, a throttle must not trip a breaker.
 */
import type { Failure, FailureKind } from './types.ts';
import { quoteServer } from '../base/secrets.ts';

/**
 * How servers say "the prompt does not fit". OpenAI and Groq (`context_length_exceeded`, "maximum context
 * length", "reduce the length of the messages"), vLLM ("maximum model length", `max_model_len`), llama.cpp
 * ("exceeds the available context size", `exceed_context_size_error`, `n_ctx`), Ollama ("exceeds the context
 * length"), LM Studio ("context length of only", "the context overflows"), Anthropic ("prompt is too long"),
 * Gemini ("exceeds the maximum number of tokens"), TGI ("tokens + `max_new_tokens` must be <=").
 */
const CONTEXT_LENGTH_TEXT = new RegExp(
  [
    'context[_ ]length[_ ]exceeded',
    'context_window_exceeded',
    'maximum context length',
    'exceeds? (?:the )?(?:available |maximum |max )?context',
    'exceed_context_size',
    '\\bn_ctx\\b',
    'maximum model length',
    'max_model_len',
    'prompt is too long',
    'too many tokens',
    'exceeds the maximum number of tokens',
    'reduce the length of the messages',
    'context (?:length|size|window) of only',
    'context (?:the )?overflows?',
    'max_new_tokens`? must be <=',
  ].join('|'),
  'i',
);

export function isContextLengthText(text: string): boolean {
  return CONTEXT_LENGTH_TEXT.test(text);
}

/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). OpenAI also sends
 * `retry-after-ms`, used when `Retry-After` is absent. Unparseable values are ignored, never guessed.
 */
export function parseRetryAfter(
  retryAfter: string | undefined,
  retryAfterMs: string | undefined,
  nowMs: number,
): number | undefined {
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const value = retryAfter.trim();
    if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  if (retryAfterMs !== undefined && /^\s*\d+(?:\.\d+)?\s*$/.test(retryAfterMs)) {
    return Math.round(Number(retryAfterMs));
  }
  return undefined;
}

/** The human part of an error body: `error.message`, `error` as a string, FastAPI's `detail`, or the raw text. */
export function serverErrorText(body: string): string {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith('{')) return body;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return errorTextOf(parsed) ?? body;
  } catch {
    return body;
  }
}

function errorTextOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { error, detail, message } = payload as { error?: unknown; detail?: unknown; message?: unknown };
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const inner = (error as { message?: unknown }).message;
    if (typeof inner === 'string') return inner;
  }
  if (typeof detail === 'string') return detail;
  if (typeof message === 'string') return message;
  return undefined;
}

export interface HttpErrorInput {
  status: number;
  /** The (possibly truncated) response body, raw: codes like `context_length_exceeded` live outside `message`. */
  body: string;
  retryAfter?: string;
  retryAfterMs?: string;
  secrets: readonly string[];
}

export function classifyHttpError(input: HttpErrorInput): Failure {
  const { status, body, secrets } = input;
  const kind = kindForStatus(status, body);
  const failure: Failure = { kind, status, message: httpMessage(status, serverErrorText(body), secrets) };
  if (kind === 'rate_limited' || status === 503) {
    const retryAfterMs = parseRetryAfter(input.retryAfter, input.retryAfterMs, Date.now());
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
  }
  return failure;
}

function kindForStatus(status: number, body: string): FailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'model_not_found';
  if (status === 429) return 'rate_limited';
  if ((status === 400 || status === 413 || status === 422) && isContextLengthText(body))
    return 'context_length';
  // 408 is the server giving up on us (a proxy's timeout), not a bad request: another candidate may serve it.
  if (status === 408) return 'server_error';
  if (status >= 400 && status < 500) return 'client_error';
  // 5xx, and anything else unexpected (a redirect from a misconfigured base URL): this endpoint cannot serve,
  // but the request itself is fine, so it must fail over rather than stop.
  return 'server_error';
}

function httpMessage(status: number, text: string, secrets: readonly string[]): string {
  const quoted = quoteServer(text, secrets);
  return quoted === '' ? `HTTP ${status}` : `HTTP ${status}: ${quoted}`;
}

/**
 * A body that carries `{ error: … }` where an answer was expected: an SSE data chunk after a 200 head, or a
 * 200 JSON body from a server that reports errors that way. The status, when the server puts one in the
 * payload (vLLM's `code: 400`, `status`), decides as an HTTP status would; otherwise the text does.
 * `where` prefixes the message ("stream error", "HTTP 200").
 */
export function classifyErrorPayload(
  payload: object,
  raw: string,
  secrets: readonly string[],
  where: string,
): Failure {
  const error = (payload as { error?: unknown }).error;
  const fields = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const status = [fields.code, fields.status].find((v): v is number => typeof v === 'number' && v >= 100);
  if (status !== undefined) {
    const failure = classifyHttpError({ status, body: raw, secrets });
    return { ...failure, message: `${where}: ${failure.message}` };
  }
  let kind: FailureKind = 'server_error';
  if (isContextLengthText(raw)) kind = 'context_length';
  else if (/rate[_ ]?limit|too many requests/i.test(raw)) kind = 'rate_limited';
  return { kind, message: `${where}: ${quoteServer(errorTextOf(payload) ?? raw, secrets)}` };
}

/** Node and undici error codes, possibly nested (`cause`, `AggregateError.errors` from happy eyeballs). */
export function errorCode(err: unknown): string | undefined {
  for (let current: unknown = err, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return undefined;
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') return code;
    current = Array.isArray(errors) && errors.length > 0 ? (errors[0] as unknown) : cause;
  }
  return undefined;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'ETIMEDOUT']);

/**
 * A thrown error from connecting, sending, or reading. `afterHead`: the response head had arrived, so a dying
 * socket cut a body short (`stream_cut`) instead of failing a connection (`connect_reset`).
 */
export function classifyTransportError(
  err: unknown,
  afterHead: boolean,
  connectMs: number,
  secrets: readonly string[],
): Failure {
  const code = errorCode(err) ?? '';
  const detail = quoteServer(err instanceof Error ? err.message : String(err), secrets);
  const failure = (kind: FailureKind, message: string): Failure => ({ kind, message });
  if (code === 'ECONNREFUSED') return failure('connect_refused', `connection refused (${detail})`);
  if (DNS_CODES.has(code)) return failure('dns', `name not resolved (${detail})`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT')
    return failure('timeout_connect', `no connection within ${connectMs} ms`);
  // The client was closed while this attempt ran: shutting down, not an endpoint fault.
  if (code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED') return failure('aborted', 'client closed');
  // undici leaves `code` unset for some parser errors ("Expected HTTP/"), so the name is checked too.
  if (code.startsWith('HPE_') || (err instanceof Error && err.name === 'HTTPParserError')) {
    return failure('malformed', `invalid HTTP response (${detail})`);
  }
  if (afterHead) return failure('stream_cut', `response cut short (${detail})`);
  if (RESET_CODES.has(code))
    return failure('connect_reset', `connection closed before a response (${detail})`);
  // Unknown transport trouble before any response: treat the connection as suspect so it gets dropped.
  return failure('connect_reset', `request failed (${detail})`);
}
