/**
 * Turns what went wrong in one attempt (an HTTP status and body, an error event inside a stream, a socket
 * error) into a `Failure`. The router acts on the kind alone (`FAILURE_POLICY`), so the kind must be exact:
 * a context overflow reported as a 400 must not stop the whole request, a throttle must not trip a breaker.
 */
import type { Failure, FailureKind, Refusal, TokenParam } from './types.ts';
import { quoteServer } from '../base/secrets.ts';

/**
 * How servers say "the prompt does not fit". OpenAI and Groq (`context_length_exceeded`, "maximum context
 * length", "reduce the length of the messages"), vLLM ("maximum model length", `max_model_len`; since the
 * renderer rewrite, vllm/renderers/params.py, "the model's context length is only L tokens" and
 * `param: "input_tokens"` / "(parameter=input_tokens, value=N)"), llama.cpp ("exceeds the available context
 * size", `exceed_context_size_error`, `n_ctx`), Ollama ("exceeds the context length"; since v0.30.9,
 * commit bbb40a0a6, a last message too long for the window: "the prompt is longer than the context length
 * currently available to the model"), LM Studio ("context length of only", "the context overflows", and
 * its MLX engine's "Context size has been exceeded"), Anthropic ("prompt is too long"), Gemini ("exceeds the
 * maximum number of tokens"), TGI ("tokens + `max_new_tokens` must be <=").
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
    'longer than the context length',
    'context length is only',
    'context size has been exceeded',
    'parameter=input_tokens',
    '"param"\\s*:\\s*"input_tokens"',
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
  if (kind === 'client_error') {
    const refusal = refusalOf(body);
    if (refusal) failure.refusal = refusal;
  }
  if (kind === 'rate_limited' || status === 503) {
    const retryAfterMs = parseRetryAfter(input.retryAfter, input.retryAfterMs, Date.now());
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
  }
  return failure;
}

/**
 * Billing, not throttling: OpenAI's 429 `insufficient_quota` ("You exceeded your current quota, please check
 * your plan and billing details"), and 402 Payment Required (OpenRouter's "Insufficient credits").
 */
const QUOTA_TEXT = /insufficient_quota|exceeded your current quota/i;
/**
 * llama.cpp while it loads its model answers every route, `/health` included, with 503
 * `{"error":{"message":"Loading model","type":"unavailable_error","code":503}}` and no Retry-After
 * (tools/server/server-http.cpp, `middleware_server_state`, at 00dd081).
 */
const LOADING_TEXT = /"Loading model"|^Loading model$/i;
/**
 * Ollama's scheduler queue is full (`OLLAMA_MAX_QUEUE`, 512): 503 "server busy, please try again.  maximum
 * pending requests exceeded" (server/sched.go `ErrMaxQueue`, ollama fb30760): a throttle, not a fault.
 */
const BUSY_TEXT = /server busy|maximum pending requests exceeded/i;

/**
 * A 400 that means "no such model": llama.cpp router mode (`model 'X' not found`, server-models.cpp
 * `router_validate_model`) and LM Studio (`code: "model_not_found"`, "Invalid model identifier").
 */
const MODEL_NOT_FOUND_TEXT = /\bmodel '[^']{1,512}' not found|"code"\s*:\s*"model_not_found"/;

function kindForStatus(status: number, body: string): FailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'model_not_found';
  if (status === 400 && MODEL_NOT_FOUND_TEXT.test(body)) return 'model_not_found';
  if (status === 402 || (status === 429 && QUOTA_TEXT.test(body))) return 'quota';
  if (status === 429) return 'rate_limited';
  if (status === 503 && LOADING_TEXT.test(serverErrorText(body).trim())) return 'loading';
  if (status === 503 && BUSY_TEXT.test(body)) return 'rate_limited';
  if ((status === 400 || status === 413 || status === 422) && isContextLengthText(body))
    return 'context_length';
  // 408 is the server giving up on us (a proxy's timeout), not a bad request: another candidate may serve it.
  if (status === 408) return 'server_error';
  if (status >= 400 && status < 500) return 'client_error';
  // 5xx, and anything else unexpected (a redirect from a misconfigured base URL): this endpoint cannot serve,
  // but the request itself is fine, so it must fail over rather than stop.
  return 'server_error';
}

const TOKEN_PARAMS: readonly TokenParam[] = ['max_completion_tokens', 'max_tokens'];
/** How servers and proxies say "I do not take this field". */
const UNSUPPORTED_TEXT =
  /unsupported[_ ]parameter|not supported|unrecognized|unknown (?:field|parameter|argument)|extra (?:inputs|fields) (?:are )?not permitted|extra_forbidden|not allowed/i;
/**
 * OpenAI: "max_tokens is too large: 32768. This model supports at most 16384 completion tokens, whereas you
 * provided 32768." (code `invalid_value` since 2025; null before). Anthropic's OpenAI-compatible API:
 * "max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for …".
 */
const OUTPUT_CAP_TEXT = [
  /max_(?:completion_)?tokens['"`]? is too large: \d+\. This model supports at most (\d+)/i,
  /max_(?:completion_)?tokens['"`]?: \d+ > (\d+), which is the maximum allowed number of output tokens/i,
];

/**
 * What part of the request a 4xx refused, when keel can send it differently: the router then asks the
 * same candidate once more, shaped as the server wants (`Refusal`). Undefined for anything else.
 */
export function refusalOf(body: string): Refusal | undefined {
  const fields = errorFields(body);
  const text = `${fields.message ?? body} ${fields.code ?? ''}`;
  for (const pattern of OUTPUT_CAP_TEXT) {
    const cap = Number(pattern.exec(text)?.[1]);
    if (Number.isSafeInteger(cap) && cap > 0) return { kind: 'output_cap', cap };
  }
  const param = fields.param;
  // OpenAI's reasoning models: "Unsupported parameter: 'max_tokens' is not supported with this model. Use
  // 'max_completion_tokens' instead." with `param: "max_tokens"`, `code: "unsupported_parameter"`.
  const named =
    TOKEN_PARAMS.find((name) => name === param) ??
    (/unsupported parameter:\s*'(max_(?:completion_)?tokens)'/i.exec(text)?.[1] as TokenParam | undefined) ??
    onlyOneOf(text);
  if (named !== undefined && UNSUPPORTED_TEXT.test(text)) return { kind: 'token_param', param: named };
  // LM Studio: "'response_format.type' must be 'json_schema' or 'text'"; llama.cpp: "response_format type
  // must be one of \"text\" or \"json_object\", but got: …"; OpenAI: `param: "response_format"`.
  if (param === 'response_format' || /response_format|json_schema|json_object/i.test(text)) {
    return { kind: 'response_format' };
  }
  return undefined;
}

/** The token parameter a text names, when it names exactly one of the two. */
function onlyOneOf(text: string): TokenParam | undefined {
  const completion = /max_completion_tokens/.test(text);
  const plain = /max_tokens/.test(text);
  if (completion && !plain) return 'max_completion_tokens';
  if (plain && !completion) return 'max_tokens';
  return undefined;
}

interface ErrorFields {
  message?: string;
  param?: string;
  code?: string;
}

/** The OpenAI error envelope's fields, from `{error:{…}}` or vLLM ≤0.10's flat `{object:"error",…}`. */
function errorFields(body: string): ErrorFields {
  const message = serverErrorText(body);
  let payload: unknown;
  try {
    payload = JSON.parse(body.trimStart());
  } catch {
    return { message };
  }
  if (typeof payload !== 'object' || payload === null) return { message };
  const error = (payload as { error?: unknown }).error;
  const inner = (typeof error === 'object' && error !== null ? error : payload) as Record<string, unknown>;
  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const fields: ErrorFields = { message };
  const param = str(inner.param);
  if (param !== undefined) fields.param = param;
  const code = str(inner.code);
  if (code !== undefined) fields.code = code;
  return fields;
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
