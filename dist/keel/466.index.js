export const id = 466;
export const ids = [466];
export const modules = {

/***/ 27151:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ createEndpointClient)
});

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
;// CONCATENATED MODULE: ./lib/fleet/attempt-guard.js
class AttemptGuard {
    signal;
    /** The first deadline (or the caller) that ended the attempt; undefined while it runs or when it ended on its own. */
    fired;
    #controller;
    #timeouts;
    #callerSignal;
    #total;
    #firstToken;
    #idle;
    #onCallerAbort = () => this.#fire('aborted');
    constructor(timeouts, callerSignal) {
        this.#controller = new AbortController();
        this.signal = this.#controller.signal;
        this.#timeouts = timeouts;
        this.#callerSignal = callerSignal;
        callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
        this.#total = setTimeout(() => this.#fire('timeout_total'), timeouts.totalMs);
        this.#firstToken = setTimeout(() => this.#fire('timeout_first_token'), timeouts.firstTokenMs);
    }
    /**
     * The response head arrived. For a plain request that is the "first token" (nothing finer is observable);
     * a stream keeps waiting for its first content delta. From here on, every body chunk must come within idleMs.
     */
    headArrived(streaming) {
        if (!streaming)
            this.firstTokenArrived();
        if (this.fired === undefined)
            this.#idle = setTimeout(() => this.#fire('timeout_idle'), this.#timeouts.idleMs);
    }
    firstTokenArrived() {
        if (this.#firstToken === undefined)
            return;
        clearTimeout(this.#firstToken);
        this.#firstToken = undefined;
    }
    /** A body chunk arrived: restart the idle gap. `refresh()` reuses the timer instead of allocating one. */
    chunkArrived() {
        this.#idle?.refresh();
    }
    /** Stop the attempt for a reason the caller records itself (too large, malformed): frees the socket. */
    stop() {
        this.#controller.abort();
    }
    /** Always called when the attempt ends, however it ends: no timer or listener outlives it. */
    dispose() {
        clearTimeout(this.#total);
        if (this.#firstToken !== undefined)
            clearTimeout(this.#firstToken);
        if (this.#idle !== undefined)
            clearTimeout(this.#idle);
        this.#firstToken = undefined;
        this.#idle = undefined;
        this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
    }
    #fire(kind) {
        if (this.fired !== undefined)
            return;
        this.fired = kind;
        this.#controller.abort();
    }
}
function guardMessage(kind, timeouts, streaming) {
    switch (kind) {
        case 'aborted':
            return 'aborted by the caller';
        case 'timeout_total':
            return `no complete response within ${timeouts.totalMs} ms`;
        case 'timeout_first_token':
            return streaming
                ? `no first token within ${timeouts.firstTokenMs} ms`
                : `no response head within ${timeouts.firstTokenMs} ms`;
        case 'timeout_idle':
            return `no data for ${timeouts.idleMs} ms`;
    }
}

// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var base_secrets = __webpack_require__(80991);
;// CONCATENATED MODULE: ./lib/fleet/classify-failure.js

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
const CONTEXT_LENGTH_TEXT = new RegExp([
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
].join('|'), 'i');
function isContextLengthText(text) {
    return CONTEXT_LENGTH_TEXT.test(text);
}
/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). OpenAI also sends
 * `retry-after-ms`, used when `Retry-After` is absent. Unparseable values are ignored, never guessed.
 */
function parseRetryAfter(retryAfter, retryAfterMs, nowMs) {
    if (retryAfter !== undefined && retryAfter.trim() !== '') {
        const value = retryAfter.trim();
        if (/^\d+(?:\.\d+)?$/.test(value))
            return Math.round(Number(value) * 1000);
        const date = Date.parse(value);
        if (!Number.isNaN(date))
            return Math.max(0, date - nowMs);
    }
    if (retryAfterMs !== undefined && /^\s*\d+(?:\.\d+)?\s*$/.test(retryAfterMs)) {
        return Math.round(Number(retryAfterMs));
    }
    return undefined;
}
/** The human part of an error body: `error.message`, `error` as a string, FastAPI's `detail`, or the raw text. */
function serverErrorText(body) {
    const trimmed = body.trimStart();
    if (!trimmed.startsWith('{'))
        return body;
    try {
        const parsed = JSON.parse(trimmed);
        return errorTextOf(parsed) ?? body;
    }
    catch {
        return body;
    }
}
function errorTextOf(payload) {
    if (typeof payload !== 'object' || payload === null)
        return undefined;
    const { error, detail, message } = payload;
    if (typeof error === 'string')
        return error;
    if (typeof error === 'object' && error !== null) {
        const inner = error.message;
        if (typeof inner === 'string')
            return inner;
    }
    if (typeof detail === 'string')
        return detail;
    if (typeof message === 'string')
        return message;
    return undefined;
}
function classifyHttpError(input) {
    const { status, body, secrets } = input;
    const kind = kindForStatus(status, body);
    const failure = { kind, status, message: httpMessage(status, serverErrorText(body), secrets) };
    if (kind === 'client_error') {
        const refusal = refusalOf(body);
        if (refusal)
            failure.refusal = refusal;
    }
    if (kind === 'rate_limited' || status === 503) {
        const retryAfterMs = parseRetryAfter(input.retryAfter, input.retryAfterMs, Date.now());
        if (retryAfterMs !== undefined)
            failure.retryAfterMs = retryAfterMs;
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
function kindForStatus(status, body) {
    if (status === 401 || status === 403)
        return 'auth';
    if (status === 404)
        return 'model_not_found';
    if (status === 400 && MODEL_NOT_FOUND_TEXT.test(body))
        return 'model_not_found';
    if (status === 402 || (status === 429 && QUOTA_TEXT.test(body)))
        return 'quota';
    if (status === 429)
        return 'rate_limited';
    if (status === 503 && LOADING_TEXT.test(serverErrorText(body).trim()))
        return 'loading';
    if (status === 503 && BUSY_TEXT.test(body))
        return 'rate_limited';
    if ((status === 400 || status === 413 || status === 422) && isContextLengthText(body))
        return 'context_length';
    // 408 is the server giving up on us (a proxy's timeout), not a bad request: another candidate may serve it.
    if (status === 408)
        return 'server_error';
    if (status >= 400 && status < 500)
        return 'client_error';
    // 5xx, and anything else unexpected (a redirect from a misconfigured base URL): this endpoint cannot serve,
    // but the request itself is fine, so it must fail over rather than stop.
    return 'server_error';
}
const TOKEN_PARAMS = ['max_completion_tokens', 'max_tokens'];
/** How servers and proxies say "I do not take this field". */
const UNSUPPORTED_TEXT = /unsupported[_ ]parameter|not supported|unrecognized|unknown (?:field|parameter|argument)|extra (?:inputs|fields) (?:are )?not permitted|extra_forbidden|not allowed/i;
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
function refusalOf(body) {
    const fields = errorFields(body);
    const text = `${fields.message ?? body} ${fields.code ?? ''}`;
    for (const pattern of OUTPUT_CAP_TEXT) {
        const cap = Number(pattern.exec(text)?.[1]);
        if (Number.isSafeInteger(cap) && cap > 0)
            return { kind: 'output_cap', cap };
    }
    const param = fields.param;
    // OpenAI's reasoning models: "Unsupported parameter: 'max_tokens' is not supported with this model. Use
    // 'max_completion_tokens' instead." with `param: "max_tokens"`, `code: "unsupported_parameter"`.
    const named = TOKEN_PARAMS.find((name) => name === param) ??
        /unsupported parameter:\s*'(max_(?:completion_)?tokens)'/i.exec(text)?.[1] ??
        onlyOneOf(text);
    if (named !== undefined && UNSUPPORTED_TEXT.test(text))
        return { kind: 'token_param', param: named };
    // LM Studio: "'response_format.type' must be 'json_schema' or 'text'"; llama.cpp: "response_format type
    // must be one of \"text\" or \"json_object\", but got: …"; OpenAI: `param: "response_format"`.
    if (param === 'response_format' || /response_format|json_schema|json_object/i.test(text)) {
        return { kind: 'response_format' };
    }
    return undefined;
}
/** The token parameter a text names, when it names exactly one of the two. */
function onlyOneOf(text) {
    const completion = /max_completion_tokens/.test(text);
    const plain = /max_tokens/.test(text);
    if (completion && !plain)
        return 'max_completion_tokens';
    if (plain && !completion)
        return 'max_tokens';
    return undefined;
}
/** The OpenAI error envelope's fields, from `{error:{…}}` or vLLM ≤0.10's flat `{object:"error",…}`. */
function errorFields(body) {
    const message = serverErrorText(body);
    let payload;
    try {
        payload = JSON.parse(body.trimStart());
    }
    catch {
        return { message };
    }
    if (typeof payload !== 'object' || payload === null)
        return { message };
    const error = payload.error;
    const inner = (typeof error === 'object' && error !== null ? error : payload);
    const str = (value) => (typeof value === 'string' ? value : undefined);
    const fields = { message };
    const param = str(inner.param);
    if (param !== undefined)
        fields.param = param;
    const code = str(inner.code);
    if (code !== undefined)
        fields.code = code;
    return fields;
}
function httpMessage(status, text, secrets) {
    const quoted = (0,base_secrets/* quoteServer */.u)(text, secrets);
    return quoted === '' ? `HTTP ${status}` : `HTTP ${status}: ${quoted}`;
}
/**
 * A body that carries `{ error: … }` where an answer was expected: an SSE data chunk after a 200 head, or a
 * 200 JSON body from a server that reports errors that way. The status, when the server puts one in the
 * payload (vLLM's `code: 400`, `status`), decides as an HTTP status would; otherwise the text does.
 * `where` prefixes the message ("stream error", "HTTP 200").
 */
function classifyErrorPayload(payload, raw, secrets, where) {
    const error = payload.error;
    const fields = typeof error === 'object' && error !== null ? error : {};
    const status = [fields.code, fields.status].find((v) => typeof v === 'number' && v >= 100);
    if (status !== undefined) {
        const failure = classifyHttpError({ status, body: raw, secrets });
        return { ...failure, message: `${where}: ${failure.message}` };
    }
    let kind = 'server_error';
    if (isContextLengthText(raw))
        kind = 'context_length';
    else if (/rate[_ ]?limit|too many requests/i.test(raw))
        kind = 'rate_limited';
    return { kind, message: `${where}: ${(0,base_secrets/* quoteServer */.u)(errorTextOf(payload) ?? raw, secrets)}` };
}
/** Node and undici error codes, possibly nested (`cause`, `AggregateError.errors` from happy eyeballs). */
function errorCode(err) {
    for (let current = err, depth = 0; current && depth < 5; depth++) {
        if (typeof current !== 'object')
            return undefined;
        const { code, cause, errors } = current;
        if (typeof code === 'string')
            return code;
        current = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
    }
    return undefined;
}
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'ETIMEDOUT']);
/**
 * A thrown error from connecting, sending, or reading. `afterHead`: the response head had arrived, so a dying
 * socket cut a body short (`stream_cut`) instead of failing a connection (`connect_reset`).
 */
function classifyTransportError(err, afterHead, connectMs, secrets) {
    const code = errorCode(err) ?? '';
    const detail = (0,base_secrets/* quoteServer */.u)(err instanceof Error ? err.message : String(err), secrets);
    const failure = (kind, message) => ({ kind, message });
    if (code === 'ECONNREFUSED')
        return failure('connect_refused', `connection refused (${detail})`);
    if (DNS_CODES.has(code))
        return failure('dns', `name not resolved (${detail})`);
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
        return failure('timeout_connect', `no connection within ${connectMs} ms`);
    // The client was closed while this attempt ran: shutting down, not an endpoint fault.
    if (code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED')
        return failure('aborted', 'client closed');
    // undici leaves `code` unset for some parser errors ("Expected HTTP/"), so the name is checked too.
    if (code.startsWith('HPE_') || (err instanceof Error && err.name === 'HTTPParserError')) {
        return failure('malformed', `invalid HTTP response (${detail})`);
    }
    if (afterHead)
        return failure('stream_cut', `response cut short (${detail})`);
    if (RESET_CODES.has(code))
        return failure('connect_reset', `connection closed before a response (${detail})`);
    // Unknown transport trouble before any response: treat the connection as suspect so it gets dropped.
    return failure('connect_reset', `request failed (${detail})`);
}

// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(40610);
// EXTERNAL MODULE: ./lib/fleet/request-body.js
var request_body = __webpack_require__(66458);
;// CONCATENATED MODULE: ./lib/fleet/endpoint-wiring.js
/**
 * What the endpoint client prepares once per endpoint rather than once per request: the parsed target URL,
 * the header objects, the secrets to redact, and the undici Agent (the endpoint's keep-alive pool, with its
 * connect timeout). Agents can be retired (`resetConnections`) and are then rebuilt on next use.
 */



function buildWiring(endpoint, env) {
    const target = (0,request_body/* chatCompletionsUrl */.xh)(endpoint.url);
    const secrets = [];
    if (target.password)
        secrets.push(target.password, decodeURIComponent(target.password));
    const common = { 'content-type': 'application/json' };
    let missingKeyEnv;
    if (endpoint.apiKeyEnv !== undefined) {
        const key = env[endpoint.apiKeyEnv]?.trim();
        if (key) {
            common.authorization = `Bearer ${key}`;
            secrets.push(key);
        }
        else {
            missingKeyEnv = endpoint.apiKeyEnv;
        }
    }
    return {
        source: endpoint,
        target,
        plainHeaders: { ...common, accept: 'application/json' },
        streamHeaders: { ...common, accept: 'text/event-stream' },
        secrets,
        missingKeyEnv,
        agent: undefined,
    };
}
/** A config object for the same id that changed what the wiring depends on (tests and reloads do this). */
function wiringChanged(wiring, endpoint) {
    const before = wiring.source;
    return (before.url !== endpoint.url ||
        before.apiKeyEnv !== endpoint.apiKeyEnv ||
        before.timeouts.connectMs !== endpoint.timeouts.connectMs);
}
function createAgent(connectMs) {
    return new undici.Agent({
        connect: { timeout: connectMs, lookup: lookupRefusingInvalidNames },
        // The attempt guard owns the head and body deadlines (with exact failure kinds); undici's would race it.
        headersTimeout: 0,
        bodyTimeout: 0,
    });
}
/**
 * `.invalid` never resolves (RFC 6761 §6.4 asks resolver libraries to answer that at once; glibc asks the
 * network anyway). Answering locally keeps a misconfigured or test endpoint from waiting on a DNS server.
 */
function lookupRefusingInvalidNames(hostname, options, callback) {
    if (/(?:^|\.)invalid\.?$/i.test(hostname)) {
        const err = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        err.code = 'ENOTFOUND';
        err.syscall = 'getaddrinfo';
        process.nextTick(callback, err, '', 0);
        return;
    }
    (0,external_node_dns_.lookup)(hostname, options, callback);
}

;// CONCATENATED MODULE: ./lib/fleet/read-body.js
/**
 * Reads the whole body, restarting the idle gap on every chunk. Returns `ok: false` as soon as more than
 * `maxBytes` arrived.
 * Transport errors and guard aborts are thrown to the caller, which knows the phase and the fired deadline.
 */
function readBounded(body, maxBytes, guard) {
    // Event listeners rather than `for await`: the async iterator costs a promise per chunk, which shows
    // in the router's overhead benchmark for small, fast answers.
    return new Promise((resolve, reject) => {
        const chunks = [];
        let received = 0;
        const cleanup = () => {
            body.off('data', onData);
            body.off('end', onEnd);
            body.off('error', onError);
        };
        const onData = (chunk) => {
            guard.chunkArrived();
            received += chunk.length;
            if (received > maxBytes) {
                cleanup();
                // Destroying the stream aborts the request and its socket; the abort error it emits is expected.
                body.on('error', () => undefined);
                body.destroy();
                resolve({ ok: false, receivedBytes: received });
                return;
            }
            chunks.push(chunk);
        };
        const onEnd = () => {
            cleanup();
            resolve({ ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received) });
        };
        const onError = (error) => {
            cleanup();
            reject(error);
        };
        body.on('data', onData);
        body.once('end', onEnd);
        body.once('error', onError);
    });
}
/**
 * The body of an error response, for classification and the failure message. Reading it keeps the
 * keep-alive socket usable; only the first `maxBytes` matter. A body that fails or stalls mid-way still
 * yields what arrived: the status already says what happened.
 */
async function readErrorText(body, maxBytes, guard) {
    const chunks = [];
    let received = 0;
    try {
        for await (const chunk of body) {
            guard.chunkArrived();
            chunks.push(chunk);
            received += chunk.length;
            // Leaving the loop destroys the stream (and that socket): a huge error body is not worth reading.
            if (received >= maxBytes)
                break;
        }
    }
    catch {
        // Keep what arrived.
    }
    return Buffer.concat(chunks, received).subarray(0, maxBytes).toString('utf8');
}

// EXTERNAL MODULE: ./lib/fleet/response-shape.js
var response_shape = __webpack_require__(59065);
// EXTERNAL MODULE: ./lib/fleet/early-requests.js
var early_requests = __webpack_require__(410);
;// CONCATENATED MODULE: ./lib/fleet/answer-extras.js
/** Tool calls kept per answer: a model looping on calls is not worth more. */
const MAX_TOOL_CALLS = 16;
/** The reasoning text of a message or a stream delta, undefined when there is none. */
function reasoningOf(part) {
    for (const value of [part.reasoning_content, part.reasoning]) {
        if (typeof value === 'string' && value.length > 0)
            return value;
    }
    return undefined;
}
/** Gathers tool calls from a whole message or from stream deltas (pieces joined by `index`). */
class ToolCallPieces {
    #calls = [];
    /** Adds what a message or delta says; true when it held at least one call. */
    add(raw) {
        if (!Array.isArray(raw))
            return false;
        let added = false;
        for (const [position, item] of raw.entries()) {
            if (typeof item !== 'object' || item === null)
                continue;
            const { index, function: fn } = item;
            const at = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : position;
            if (at >= MAX_TOOL_CALLS)
                continue;
            const call = (this.#calls[at] ??= { name: '', arguments: [] });
            if (typeof fn === 'object' && fn !== null) {
                const { name, arguments: args } = fn;
                if (typeof name === 'string')
                    call.name += name;
                // Some servers send the arguments as an object rather than the JSON string OpenAI specifies.
                if (typeof args === 'string')
                    call.arguments.push(args);
                else if (typeof args === 'object' && args !== null)
                    call.arguments.push(JSON.stringify(args));
            }
            added = true;
        }
        return added;
    }
    calls() {
        return this.#calls
            .filter((call) => call !== undefined)
            .map((call) => ({ name: call.name, arguments: call.arguments.join('') }));
    }
}

// EXTERNAL MODULE: ./node_modules/eventsource-parser/dist/index.js
var dist = __webpack_require__(2309);
;// CONCATENATED MODULE: ./lib/fleet/sse-stream.js
/**
 * Reads an OpenAI-compatible `chat/completions` SSE stream into an answer, or into the failure that ended
 * it. A stream is complete only when it says so (`[DONE]` or a `finish_reason`): one that simply stops is
 * `stream_cut`, never a shorter answer.
 */




/** The caller's `onDelta` threw: a bug on the caller's side, not an endpoint fault, so it is rethrown as is. */
class DeltaCallbackError extends Error {
    constructor(cause) {
        super('onDelta threw', { cause });
    }
}
async function readChatStream(body, context) {
    const reader = new ChatStreamReader(context);
    const parser = (0,dist/* createParser */.C)({ onEvent: (event) => reader.onEvent(event) });
    const decoder = new TextDecoder();
    let received = 0;
    for await (const chunk of body) {
        context.guard.chunkArrived();
        received += chunk.length;
        if (received > context.maxBytes) {
            return {
                ok: false,
                failure: { kind: 'too_large', message: `response larger than ${context.maxBytes} bytes` },
            };
        }
        parser.feed(decoder.decode(chunk, { stream: true }));
        // Leaving the loop destroys the body and its socket: nothing after a failure is worth reading.
        if (reader.failure)
            return { ok: false, failure: reader.failure };
        // Nothing after [DONE] matters, and a server that holds the response open after it must not turn a
        // complete answer into an idle timeout. The socket survives when the response had ended with [DONE].
        if (reader.done)
            break;
    }
    return reader.result();
}
class ChatStreamReader {
    failure;
    #context;
    #pieces = [];
    #reasoning = [];
    #toolCalls = new ToolCallPieces();
    #finishReason = null;
    #usage;
    #firstTokenMs;
    /** `[DONE]` arrived. */
    done = false;
    constructor(context) {
        this.#context = context;
    }
    onEvent(event) {
        // Several events can arrive in one chunk: none after a failure or [DONE] counts.
        if (this.failure || this.done)
            return;
        const data = event.data;
        if (data === '[DONE]') {
            this.done = true;
            return;
        }
        let parsed;
        try {
            parsed = JSON.parse(data);
        }
        catch {
            this.failure =
                event.event === 'error'
                    ? { kind: 'server_error', message: `stream error: ${this.#quote(data)}` }
                    : { kind: 'malformed', message: `stream data is not JSON: ${this.#quote(data)}` };
            return;
        }
        if (typeof parsed !== 'object' || parsed === null) {
            this.failure = { kind: 'malformed', message: `stream data is not an object: ${this.#quote(data)}` };
            return;
        }
        const chunk = parsed;
        if (chunk.error !== undefined && chunk.error !== null) {
            this.failure = classifyErrorPayload(chunk, data, this.#context.secrets, 'stream error');
            return;
        }
        this.#takeChoice(chunk);
        if (chunk.usage)
            this.#usage = usageOf(chunk.usage);
    }
    result() {
        if (!this.done && this.#finishReason === null) {
            return {
                ok: false,
                failure: { kind: 'stream_cut', message: 'stream ended without [DONE] or a finish_reason' },
            };
        }
        const outcome = {
            ok: true,
            content: this.#pieces.join(''),
            finishReason: this.#finishReason,
        };
        if (this.#reasoning.length > 0)
            outcome.reasoning = this.#reasoning.join('');
        const toolCalls = this.#toolCalls.calls();
        if (toolCalls.length > 0)
            outcome.toolCalls = toolCalls;
        if (this.#usage)
            outcome.usage = this.#usage;
        if (this.#firstTokenMs !== undefined)
            outcome.firstTokenMs = this.#firstTokenMs;
        return outcome;
    }
    #takeChoice(chunk) {
        const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
        if (!choice)
            return;
        const delta = choice.delta;
        if (delta) {
            const text = delta.content;
            if (typeof text === 'string' && text.length > 0) {
                this.#markFirstToken();
                this.#pieces.push(text);
                this.#emit(text);
            }
            else {
                const reasoning = reasoningOf(delta);
                // A reasoning model thinking out loud is generating, not stalled: it meets the first-token deadline.
                if (reasoning !== undefined) {
                    this.#markFirstToken();
                    this.#reasoning.push(reasoning);
                }
            }
            if (delta.tool_calls !== undefined && this.#toolCalls.add(delta.tool_calls))
                this.#markFirstToken();
        }
        if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') {
            this.#finishReason = choice.finish_reason;
        }
    }
    #markFirstToken() {
        if (this.#firstTokenMs !== undefined)
            return;
        this.#firstTokenMs = performance.now() - this.#context.startedAt;
        this.#context.guard.firstTokenArrived();
    }
    #emit(text) {
        const onDelta = this.#context.onDelta;
        if (!onDelta)
            return;
        try {
            onDelta(text);
        }
        catch (err) {
            throw new DeltaCallbackError(err);
        }
    }
    #quote(text) {
        return (0,base_secrets/* quoteServer */.u)(text, this.#context.secrets);
    }
}
function usageOf(raw) {
    const usage = {};
    if (typeof raw.prompt_tokens === 'number')
        usage.promptTokens = raw.prompt_tokens;
    if (typeof raw.completion_tokens === 'number')
        usage.completionTokens = raw.completion_tokens;
    return usage;
}

;// CONCATENATED MODULE: ./lib/fleet/endpoint-client.js
/**
 * The endpoint client: one attempt at one OpenAI-compatible `/chat/completions` endpoint, ending in an
 * answer or in a classified, redacted `Failure` (it never throws for a failed call). Failing over, retrying,
 * breakers and cooldowns belong to the router; this file only makes the attempt exact and bounded.
 *
 * Hot path: everything that does not depend on the request (URL, headers, secrets, Agent) is prepared once
 * per endpoint (`endpoint-wiring.ts`); a request costs one JSON.stringify, one undici request, three timers
 * and one JSON.parse of the answer (or one per SSE chunk).
 */











const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Enough of an error body to classify it (codes can sit after a long message) and quote its start. */
const ERROR_TEXT_BYTES = 16 * 1024;
function createEndpointClient(options = {}) {
    const env = options.env ?? process.env;
    const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const wirings = new Map();
    /** Agents given up by `resetConnections`, still finishing their in-flight requests. */
    const retiring = new Set();
    function wiringFor(endpoint) {
        const known = wirings.get(endpoint.id);
        if (known && known.source === endpoint)
            return known;
        if (known && !wiringChanged(known, endpoint)) {
            known.source = endpoint;
            return known;
        }
        if (known?.agent)
            retire(known.agent);
        const wiring = buildWiring(endpoint, env);
        wirings.set(endpoint.id, wiring);
        return wiring;
    }
    /**
     * `close()` rather than `destroy()`: idle keep-alive sockets go at once (the point: a moved host is looked
     * up and connected afresh), while other requests in flight on the old pool, possibly healthy streams,
     * finish instead of failing for a fault that was not theirs.
     */
    function retire(agent) {
        retiring.add(agent);
        const forget = () => {
            retiring.delete(agent);
        };
        agent.close().then(forget, forget);
    }
    async function chat(endpoint, request, call) {
        const startedAt = performance.now();
        const wiring = wiringFor(endpoint);
        if (wiring.missingKeyEnv !== undefined) {
            const message = `API key variable ${wiring.missingKeyEnv} is empty or not set; request not sent`;
            return failed({ kind: 'auth', message }, startedAt);
        }
        if (call.signal?.aborted)
            return failed({ kind: 'aborted', message: 'aborted by the caller' }, startedAt);
        const streaming = request.stream === true;
        const body = JSON.stringify((0,request_body/* requestBody */.IO)(request, call, streaming));
        // A cold model load or a server-side queue may stretch the wait for the first token (the router says).
        const timeouts = call.firstTokenMs !== undefined
            ? { ...endpoint.timeouts, firstTokenMs: call.firstTokenMs }
            : endpoint.timeouts;
        const guard = new AttemptGuard(timeouts, call.signal);
        let afterHead = false;
        try {
            const early = (0,early_requests/* takeEarlyRequest */.A2)(wiring.target.href, body);
            const response = (early && (await adoptEarly(early, guard.signal))) ??
                (await (0,undici.request)(wiring.target, {
                    dispatcher: (wiring.agent ??= createAgent(endpoint.timeouts.connectMs)),
                    method: 'POST',
                    headers: streaming ? wiring.streamHeaders : wiring.plainHeaders,
                    body,
                    signal: guard.signal,
                }));
            afterHead = true;
            guard.headArrived(streaming);
            const outcome = await readResponse(response, streaming, guard, wiring.secrets, call.onDelta, startedAt);
            if (!outcome.ok)
                return failed(outcome.failure, startedAt);
            return { ...outcome, latencyMs: performance.now() - startedAt };
        }
        catch (err) {
            if (err instanceof DeltaCallbackError)
                throw err.cause;
            const failure = guard.fired
                ? { kind: guard.fired, message: guardMessage(guard.fired, timeouts, streaming) }
                : classifyTransportError(err, afterHead, endpoint.timeouts.connectMs, wiring.secrets);
            return failed(failure, startedAt);
        }
        finally {
            guard.dispose();
        }
    }
    async function readResponse(response, streaming, guard, secrets, onDelta, startedAt) {
        const { statusCode, headers, body } = response;
        if (statusCode < 200 || statusCode >= 300) {
            const text = await readErrorText(body, Math.min(ERROR_TEXT_BYTES, maxBytes), guard);
            const failure = classifyHttpError({
                status: statusCode,
                body: text,
                retryAfter: headerValue(headers['retry-after']),
                retryAfterMs: headerValue(headers['retry-after-ms']),
                secrets,
            });
            return { ok: false, failure };
        }
        // A web page, or a body compressed by a proxy: said for what it is, never read as an answer.
        const unusable = (0,response_shape/* unusableResponse */.r)(statusCode, headers);
        if (unusable) {
            // Dropped unread; the abort that destroying it raises is expected, not an error of anyone's.
            body.on('error', () => undefined);
            body.destroy();
            return { ok: false, failure: unusable };
        }
        // Refuse a declared oversize body before reading a byte of it.
        if (Number(headerValue(headers['content-length'])) > maxBytes) {
            body.destroy();
            return tooLarge();
        }
        // A server that ignores `stream: true` answers with plain JSON: accept it as the plain answer it is.
        const isJson = headerValue(headers['content-type'])?.startsWith('application/json') === true;
        if (streaming && !isJson)
            return readChatStream(body, { guard, maxBytes, startedAt, secrets, onDelta });
        if (streaming)
            guard.firstTokenArrived();
        const read = await readBounded(body, maxBytes, guard);
        if (!read.ok)
            return tooLarge();
        return parseCompletion(read.bytes.toString('utf8'), statusCode, secrets);
    }
    function tooLarge() {
        return { ok: false, failure: { kind: 'too_large', message: `response larger than ${maxBytes} bytes` } };
    }
    return {
        chat,
        resetConnections(endpointId) {
            const wiring = wirings.get(endpointId);
            if (!wiring?.agent)
                return;
            retire(wiring.agent);
            wiring.agent = undefined;
        },
        async close() {
            // Nothing adopts an early request after the router is gone.
            (0,early_requests/* abandonEarlyRequests */.Fl)();
            const agents = [...retiring];
            for (const wiring of wirings.values()) {
                if (wiring.agent)
                    agents.push(wiring.agent);
                wiring.agent = undefined;
            }
            retiring.clear();
            await Promise.all(agents.map((agent) => agent.destroy().catch(() => undefined)));
        },
    };
}
/**
 * The response of a request sent early (see early-requests.ts) as the client reads responses; undefined
 * when it failed before its head arrived, and the client then sends the request itself. The attempt's
 * guard owns it from here: a timeout or a cancellation destroys it like any other.
 */
async function adoptEarly(early, signal) {
    const abort = () => early.abort();
    signal.addEventListener('abort', abort, { once: true });
    if (signal.aborted)
        early.abort();
    try {
        const message = await early.response;
        // The reader needs the status, the headers and a readable body: an IncomingMessage has all three.
        return {
            statusCode: message.statusCode ?? 0,
            headers: message.headers,
            body: message,
        };
    }
    catch {
        signal.removeEventListener('abort', abort);
        return undefined;
    }
}
function parseCompletion(text, status, secrets) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return malformed(`HTTP ${status}: body is not JSON: ${(0,base_secrets/* quoteServer */.u)(text, secrets)}`);
    }
    if (typeof parsed !== 'object' || parsed === null) {
        return malformed(`HTTP ${status}: body is not a JSON object: ${(0,base_secrets/* quoteServer */.u)(text, secrets)}`);
    }
    const completion = parsed;
    const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
    const message = choice?.message;
    if (typeof message !== 'object' || message === null) {
        if (completion.error !== undefined && completion.error !== null) {
            return { ok: false, failure: classifyErrorPayload(completion, text, secrets, `HTTP ${status}`) };
        }
        return malformed(`HTTP ${status}: no choices[0].message: ${(0,base_secrets/* quoteServer */.u)(text, secrets)}`);
    }
    const finishReason = typeof choice?.finish_reason === 'string' ? choice.finish_reason : null;
    // `content: null` (a refusal, or a tool call: read below) is an empty answer, not a broken one.
    const content = typeof message.content === 'string' ? message.content : '';
    const outcome = { ok: true, content, finishReason };
    const reasoning = reasoningOf(message);
    if (reasoning !== undefined)
        outcome.reasoning = reasoning;
    const toolCalls = new ToolCallPieces();
    toolCalls.add(message.tool_calls);
    if (toolCalls.calls().length > 0)
        outcome.toolCalls = toolCalls.calls();
    if (completion.usage)
        outcome.usage = usageOf(completion.usage);
    return outcome;
}
function malformed(message) {
    return { ok: false, failure: { kind: 'malformed', message } };
}
function failed(failure, startedAt) {
    return { ok: false, failure, latencyMs: performance.now() - startedAt };
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}


/***/ }),

/***/ 29676:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ts: () => (/* binding */ writeFleetStateFile),
/* harmony export */   qJ: () => (/* binding */ readFleetStateFile),
/* harmony export */   zb: () => (/* binding */ parseFleetState)
/* harmony export */ });
/* unused harmony export fleetStateSchema */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12311);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91975);
/**
 * The router's memory across runs: breaker and cooldown state with wall-clock times, plus the latest probe
 * results. Saved with every checkpoint and in a fleet-state file, so that a scheduled run does not
 * rediscover a dead endpoint by hammering it. Parsing is lenient: a damaged or foreign file costs the
 * saved knowledge, never the run.
 */



const timestamp = zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().finite().nonnegative();
const breakerSnapshotSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    state: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['closed', 'open', 'halfOpen']),
    failures: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(timestamp).max(10_000),
    openedAt: timestamp.optional(),
});
const fleetStateSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1),
    savedAt: timestamp,
    breakers: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(512), breakerSnapshotSchema),
    cooldowns: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(128), zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ until: timestamp, strikes: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0).max(64) })),
    /** The health book's own snapshot; it validates its part itself. */
    health: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(),
    /** What servers refused (`learned-shapes.ts`), which validates its part itself. */
    learned: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(),
});
/** A valid fleet state, or undefined (with the reason) when the input is not one. */
function parseFleetState(input) {
    if (input === undefined || input === null)
        return {};
    const parsed = fleetStateSchema.safeParse(input);
    if (parsed.success)
        return { state: parsed.data };
    const issue = parsed.error.issues[0];
    return { problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}
async function readFleetStateFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return {};
        return { problem: `${path}: ${error.message}` };
    }
    try {
        const result = parseFleetState(JSON.parse(text));
        return result.problem ? { problem: `${path}: ${result.problem}` } : result;
    }
    catch (error) {
        return { problem: `${path}: not JSON (${error.message})` };
    }
}
/** Atomic replace (temp file, fsync, rename, directory fsync): a crash leaves old or new, never half. */
async function writeFleetStateFile(path, state) {
    await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_1__.writeFileAtomic)(path, `${JSON.stringify(state)}\n`);
}


/***/ }),

/***/ 235:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ RouterError)
/* harmony export */ });
/** The only exception the router throws: every candidate was tried, skipped or refused the request. */
class RouterError extends Error {
    name = 'RouterError';
    /** Printed by the CLI without a stack: this is an outcome, not a bug. */
    expected = true;
    reason;
    role;
    attempts;
    constructor(reason, role, attempts, detail) {
        super(`${role}: ${detail}${attempts.length ? ` (attempts: ${summarize(attempts)})` : ''}`);
        this.reason = reason;
        this.role = role;
        this.attempts = attempts;
    }
}
function summarize(attempts) {
    return attempts.map((a) => `${a.key} ${a.outcome}`).join(', ');
}


/***/ }),

/***/ 82466:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ createRouter)
});

// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/fleet/context-budget.js
var context_budget = __webpack_require__(17141);
// EXTERNAL MODULE: ./lib/fleet/endpoint-client.js + 6 modules
var endpoint_client = __webpack_require__(27151);
;// CONCATENATED MODULE: ./lib/fleet/clock-jumps.js
function dropClockJumps(saved, now, policy) {
    const jumps = [];
    const cooldowns = {};
    for (const [target, entry] of Object.entries(saved.cooldowns)) {
        const ahead = entry.until - now;
        if (ahead > policy.cooldown.maxMs) {
            jumps.push({ what: 'cooldown', target, savedAt: entry.until, aheadMs: ahead });
            // The strikes stay: the next failure escalates as it would have, and slow start still applies.
            cooldowns[target] = { until: now, strikes: entry.strikes };
        }
        else {
            cooldowns[target] = entry;
        }
    }
    const breakers = {};
    for (const [target, snapshot] of Object.entries(saved.breakers)) {
        if (snapshot.openedAt !== undefined && snapshot.openedAt > now) {
            jumps.push({ what: 'breaker', target, savedAt: snapshot.openedAt, aheadMs: snapshot.openedAt - now });
            breakers[target] = { ...snapshot, openedAt: now };
        }
        else {
            breakers[target] = snapshot;
        }
    }
    return jumps.length === 0 ? { state: saved, jumps } : { state: { ...saved, cooldowns, breakers }, jumps };
}

// EXTERNAL MODULE: ./lib/fleet/fleet-state.js
var fleet_state = __webpack_require__(29676);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: ./node_modules/opossum/index.js
var opossum = __webpack_require__(16195);
;// CONCATENATED MODULE: ./lib/fleet/types.js
const endpointFault = {
    failover: true,
    tripsBreaker: true,
    cools: true,
    resetsConnections: false,
};
const connectionFault = { ...endpointFault, resetsConnections: true };
const FAILURE_POLICY = {
    connect_refused: connectionFault,
    connect_reset: connectionFault,
    dns: connectionFault,
    timeout_connect: connectionFault,
    timeout_first_token: endpointFault,
    // No first token while the request stood in the server's own queue (Ollama serves OLLAMA_NUM_PARALLEL=1
    // request at a time and queues the rest without limit, llm/llama_server.go's semaphore): the server is
    // busy, not broken. Another candidate may serve; the breaker and the cooldown are left alone.
    timeout_queued: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
    timeout_idle: endpointFault,
    timeout_total: endpointFault,
    // Throttling is not brokenness: honour Retry-After through the cooldown, leave the breaker alone.
    rate_limited: { failover: true, tripsBreaker: false, cools: true, resetsConnections: false },
    // Billing (`insufficient_quota`): retrying never helps; the router disables the endpoint for the run.
    quota: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
    // llama.cpp loading its model: not ready, not broken. The router holds the endpoint until `/health`
    // answers 200 (and then re-scans it), without a cooldown strike or a breaker count.
    loading: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
    server_error: endpointFault,
    malformed: endpointFault,
    stream_cut: endpointFault,
    too_large: endpointFault,
    // The prompt does not fit this model: another candidate may have a larger window. Nothing is wrong with it.
    context_length: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
    // Handled by disabling the endpoint (auth) or the candidate (model_not_found) for the rest of the run.
    auth: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
    model_not_found: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
    // A refused request (400, 413, 422 …). In a mixed fleet that is usually one server's limitation (a
    // response_format, a parameter, a proxy's size limit): the router tries the next candidate, keeps this
    // one away from requests of that shape, and gives up only when every candidate refused.
    client_error: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
    aborted: { failover: false, tripsBreaker: false, cools: false, resetsConnections: false },
};

;// CONCATENATED MODULE: ./lib/fleet/circuit-breaker.js
/**
 * One circuit breaker per endpoint+model, on opossum.
 *
 * opossum owns the state machine (closed → open → half-open after `resetTimeoutMs` → closed on one
 * successful trial, open again on a failed one, a single trial at a time). What opossum cannot express is
 * keel's trip rule, "N failures within a sliding window" (opossum trips on an error *percentage*), so the
 * window of failure times is kept here and the breaker is opened explicitly; opossum's own percentage trip
 * is switched off with an unreachable volume threshold.
 *
 * State is exported with wall-clock times and restored by the next run, so a scheduled run does not
 * rediscover a dead endpoint by hammering it. opossum is used through its documented options only
 * (`options.state`, README "Breaker State Initialization"); what it cannot restore — an open breaker's
 * *remaining* time (it would start a fresh `resetTimeout`) — is a hold kept here: the breaker is restored
 * half-open and keel refuses every request until the hold ends, on keel's clock. test/fleet/opossum.test.ts
 * pins the opossum behaviour this relies on.
 */



/** Thrown inside opossum's action so that opossum records a failure; never escapes this module. */
class CountedFailure extends Error {
}
class CandidateBreaker {
    key;
    #policy;
    #clock;
    #breaker;
    #failures;
    #openedAt;
    /** A restored open breaker: refused until then (wall clock), then the next request is the trial. */
    #heldUntil;
    #onTransition;
    constructor(key, policy, clock, rotation, onTransition, snapshot) {
        this.key = key;
        this.#policy = policy;
        this.#clock = clock;
        const now = clock.now();
        this.#failures = (snapshot?.failures ?? []).filter((at) => at > now - policy.windowMs && at <= now);
        this.#openedAt = snapshot?.openedAt;
        this.#onTransition = onTransition;
        const restored = restoredState(snapshot, policy, now);
        this.#heldUntil = restored.heldUntil;
        const options = {
            name: key,
            timeout: false, // the endpoint client owns every timeout
            resetTimeout: policy.resetTimeoutMs,
            errorThresholdPercentage: 100,
            volumeThreshold: Number.MAX_SAFE_INTEGER,
            rollingPercentilesEnabled: false,
            enableSnapshots: false,
            // opossum keeps per-bucket latency arrays; a shared, router-owned rotation keeps them small
            // without a timer per breaker.
            rotateBucketController: rotation,
            ...(restored.state ? { state: restored.state } : {}),
        };
        this.#breaker = new opossum((call) => runCounted(call), options);
        this.#breaker.on('open', () => {
            this.#openedAt = this.#clock.now();
            onTransition({ key, to: 'open', failures: this.#failures.length });
        });
        this.#breaker.on('halfOpen', () => onTransition({ key, to: 'halfOpen', failures: this.#failures.length }));
        this.#breaker.on('close', () => {
            this.#failures = [];
            onTransition({ key, to: 'closed', failures: 0 });
        });
    }
    state() {
        if (this.#held())
            return 'open';
        if (this.#breaker.opened)
            return 'open';
        if (this.#breaker.halfOpen)
            return 'halfOpen';
        return 'closed';
    }
    /** Would a request be let through now? Half-open admits a single trial at a time. */
    admits() {
        if (this.#held())
            return false;
        return this.#breaker.closed || this.#breaker.pendingClose;
    }
    failuresInWindow(now = this.#clock.now()) {
        const from = now - this.#policy.windowMs;
        return this.#failures.filter((at) => at > from).length;
    }
    /** Wall-clock time at which an open breaker will admit a trial; undefined unless open. */
    halfOpensAt() {
        if (this.#held())
            return this.#heldUntil;
        if (!this.#breaker.opened || this.#openedAt === undefined)
            return undefined;
        return this.#openedAt + this.#policy.resetTimeoutMs;
    }
    /**
     * Runs one attempt through the breaker. Resolves to the attempt's outcome, or to `'rejected'` when the
     * breaker did not admit it (callers check `admits()` first, so this only guards a race).
     */
    async run(call) {
        if (this.#held())
            return 'rejected';
        let outcome;
        try {
            await this.#breaker.fire(async () => {
                outcome = await call();
                return outcome;
            });
        }
        catch (error) {
            if (outcome === undefined) {
                if (isOpossumRejection(error))
                    return 'rejected';
                throw error;
            }
        }
        if (outcome === undefined)
            throw new Error(`breaker ${this.key}: attempt produced no outcome`);
        if (!outcome.ok && FAILURE_POLICY[outcome.failure.kind].tripsBreaker)
            this.#countFailure();
        return outcome;
    }
    snapshot() {
        const state = this.state();
        return {
            state,
            failures: [...this.#failures],
            ...(state !== 'closed' && this.#openedAt !== undefined ? { openedAt: this.#openedAt } : {}),
        };
    }
    shutdown() {
        this.#breaker.shutdown();
    }
    /** True while a restored open breaker's remaining time runs; says `halfOpen` once, when it ends. */
    #held() {
        if (this.#heldUntil === undefined)
            return false;
        if (this.#clock.now() < this.#heldUntil)
            return true;
        this.#heldUntil = undefined;
        this.#onTransition({ key: this.key, to: 'halfOpen', failures: this.#failures.length });
        return false;
    }
    #countFailure() {
        const now = this.#clock.now();
        this.#failures = this.#failures.filter((at) => at > now - this.#policy.windowMs);
        this.#failures.push(now);
        // Half-open trials that fail are re-opened by opossum itself.
        if (this.#breaker.closed && this.#failures.length >= this.#policy.failureThreshold)
            this.#breaker.open();
    }
}
/** The action opossum wraps: a failure that counts (or an abort, which proves nothing) rejects. */
async function runCounted(call) {
    const outcome = await call();
    if (!outcome.ok) {
        const kind = outcome.failure.kind;
        // An aborted half-open trial proved nothing; rejecting keeps the breaker from closing on it.
        if (FAILURE_POLICY[kind].tripsBreaker || kind === 'aborted')
            throw new CountedFailure(kind);
    }
    return outcome;
}
function isOpossumRejection(error) {
    const code = error?.code;
    return code === 'EOPENBREAKER' || code === 'ESHUTDOWN' || code === 'ESEMLOCKED';
}
function restoredState(snapshot, policy, now) {
    if (snapshot === undefined || snapshot.state === 'closed')
        return {};
    const openedAt = snapshot.openedAt ?? now;
    const remaining = openedAt + policy.resetTimeoutMs - now;
    if (snapshot.state === 'open' && remaining > 0) {
        // Half-open in opossum, held open here for what remains (never more than a full reset timeout).
        return {
            state: { closed: false, halfOpen: true },
            heldUntil: now + Math.min(remaining, policy.resetTimeoutMs),
        };
    }
    // Open long enough (while no run was watching) or already half-open: the next request is the trial.
    return { state: { closed: false, halfOpen: true } };
}
/**
 * All breakers of one router, sharing one bucket-rotation timer. opossum's stats are not used for
 * decisions, but its buckets grow with every call until rotated.
 */
class BreakerBoard {
    #breakers = new Map();
    #rotation = new external_node_events_.EventEmitter();
    #timer;
    #policy;
    #clock;
    #onTransition;
    constructor(policy, clock, onTransition, saved = {}) {
        this.#policy = policy;
        this.#clock = clock;
        this.#onTransition = onTransition;
        this.#rotation.setMaxListeners(0);
        this.#timer = setInterval(() => this.#rotation.emit('rotate'), 1_000);
        this.#timer.unref();
        for (const [key, snapshot] of Object.entries(saved))
            this.#create(key, snapshot);
    }
    get(key) {
        return this.#breakers.get(key) ?? this.#create(key);
    }
    peek(key) {
        return this.#breakers.get(key);
    }
    snapshot() {
        const out = {};
        for (const [key, breaker] of this.#breakers) {
            const snap = breaker.snapshot();
            if (snap.state !== 'closed' || snap.failures.length > 0)
                out[key] = snap;
        }
        return out;
    }
    close() {
        clearInterval(this.#timer);
        for (const breaker of this.#breakers.values())
            breaker.shutdown();
        this.#breakers.clear();
    }
    #create(key, snapshot) {
        const breaker = new CandidateBreaker(key, this.#policy, this.#clock, this.#rotation, this.#onTransition, snapshot);
        this.#breakers.set(key, breaker);
        return breaker;
    }
}

;// CONCATENATED MODULE: ./lib/fleet/cooldown.js
/** The cooldown after `strikes` escalations: base × 2^(strikes−1), capped at max. */
function cooldownDuration(strikes, policy) {
    const exponent = Math.max(0, strikes - 1);
    // 2^31 is far beyond any sensible max; clamp the exponent so the multiplication stays finite.
    return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 31));
}
function recordFailure(entry, now, policy, retryAfterMs) {
    const cooling = entry !== undefined && entry.until > now;
    const strikes = cooling ? entry.strikes : (entry?.strikes ?? 0) + 1;
    // Retry-After is honoured, but a hostile or confused server cannot park an endpoint beyond maxMs.
    const wait = Math.max(cooldownDuration(strikes, policy), Math.min(retryAfterMs ?? 0, policy.maxMs));
    return { until: Math.max(entry?.until ?? 0, now + wait), strikes };
}
/** A success ends the incident: the next failure starts again from `baseMs`. */
function recordSuccess(entry) {
    if (entry === undefined)
        return undefined;
    return { until: entry.until, strikes: 0 };
}
function remainingCooldown(entry, now) {
    return entry === undefined ? 0 : Math.max(0, entry.until - now);
}

// EXTERNAL MODULE: ./lib/fleet/learned-shapes.js
var learned_shapes = __webpack_require__(51466);
// EXTERNAL MODULE: ./lib/fleet/request-plan.js
var request_plan = __webpack_require__(2233);
// EXTERNAL MODULE: ./lib/fleet/selection.js
var fleet_selection = __webpack_require__(47442);
;// CONCATENATED MODULE: ./lib/fleet/slots.js
/**
 * In-flight accounting and the queue for slots.
 *
 * `maxParallel` is a hard cap per endpoint, held from the moment a request is sent until its response (or
 * stream) has ended. Requests that find their tier full queue here in arrival order (by ticket) and are
 * woken on every change — a slot released, a breaker half-open — to choose again. A request never takes a
 * slot that an earlier queued request is waiting for, so under sustained load newcomers cannot starve the
 * queue (without this, the request that just finished would re-take its own slot before any waiter ran).
 */

class SlotBook {
    #inflight = new Map();
    #peak = new Map();
    /** Queued requests, ordered by ticket. */
    #queue = [];
    #sleepers = new Set();
    #nextTicket = 0;
    inflight(endpointId) {
        return this.#inflight.get(endpointId) ?? 0;
    }
    /** Highest in-flight count seen per endpoint since creation (reported by `status()` and tests). */
    peak(endpointId) {
        return this.#peak.get(endpointId) ?? 0;
    }
    /** Arrival order of a request: smaller tickets are served first. */
    ticket() {
        return this.#nextTicket++;
    }
    /** Joins (or updates a place in) the queue; the place is kept across wake-ups. */
    enqueue(ticket, endpoints) {
        const existing = this.#queue.find((q) => q.ticket === ticket);
        if (existing) {
            existing.endpoints = endpoints;
            return existing;
        }
        const entry = { ticket, endpoints };
        let index = this.#queue.length;
        while (index > 0 && this.#queue[index - 1].ticket > ticket)
            index--;
        this.#queue.splice(index, 0, entry);
        return entry;
    }
    /** Leaves the queue; the slots it had a claim on may now serve later requests, so they choose again. */
    leave(ticket) {
        const index = this.#queue.findIndex((q) => q.ticket === ticket);
        if (index < 0)
            return;
        this.#queue.splice(index, 1);
        this.notify();
    }
    /**
     * How many requests that arrived before `ticket` are queued for a slot at this endpoint: that many of its
     * free slots are theirs. (A request queued for several endpoints counts at each: it errs toward fairness.)
     */
    claimsBefore(endpointId, ticket) {
        let claims = 0;
        for (const entry of this.#queue) {
            if (entry.ticket >= ticket)
                break;
            if (entry.endpoints.has(endpointId))
                claims++;
        }
        return claims;
    }
    get queued() {
        return this.#queue.length;
    }
    /**
     * Takes a slot if one is free (callers have already counted earlier requests' claims). Synchronous, so
     * choose-and-take cannot interleave with another request.
     */
    tryAcquire(endpointId, cap) {
        const current = this.inflight(endpointId);
        if (current >= cap)
            return false;
        this.#inflight.set(endpointId, current + 1);
        if (current + 1 > this.peak(endpointId))
            this.#peak.set(endpointId, current + 1);
        return true;
    }
    release(endpointId) {
        const current = this.inflight(endpointId);
        if (current <= 0)
            throw new Error(`slot accounting: release of ${endpointId} without a slot`);
        this.#inflight.set(endpointId, current - 1);
        this.notify();
    }
    /** Wakes every sleeping request; each chooses again, earliest ticket first. */
    notify() {
        if (this.#sleepers.size === 0)
            return;
        const sleepers = this.#sleepers;
        this.#sleepers = new Set();
        for (const wake of sleepers)
            wake();
    }
    /** Resolves at the next `notify()` or after `ms`, whichever comes first; rejects if `signal` aborts. */
    async waitForChange(ms, clock, signal) {
        if (signal?.aborted)
            throw (0,base_clock/* abortReason */.Js)(signal);
        const timer = new AbortController();
        const onAbort = () => timer.abort(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        let wake;
        const woken = new Promise((resolve) => {
            wake = resolve;
        });
        this.#sleepers.add(wake);
        // Aborting `timer` (on wake-up or on the caller's abort) rejects the sleep: that ends the wait, no more.
        const sleeping = clock.sleep(ms, timer.signal).catch(() => undefined);
        try {
            await Promise.race([woken, sleeping]);
        }
        finally {
            this.#sleepers.delete(wake);
            signal?.removeEventListener('abort', onAbort);
            timer.abort();
        }
        if (signal?.aborted)
            throw (0,base_clock/* abortReason */.Js)(signal);
    }
}

;// CONCATENATED MODULE: ./lib/fleet/fleet-view.js







/** How long a request waits before re-checking a half-open breaker whose single trial is in flight. */
const TRIAL_RECHECK_MS = 1_000;
/** How often a llama.cpp endpoint that answered "Loading model" is asked `/health` again. */
const LOADING_POLL_MS = 2_000;
function otherParam(param) {
    return param === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
}
/**
 * A request's shape for refusals: the role and what goes with the text (`response_format`, schema name,
 * streaming). Two requests of one shape differ only in their words, which a 4xx rarely depends on.
 */
function requestSignature(role, request) {
    let format = 'text';
    if (request.jsonSchema !== undefined && request.json === true)
        format = `schema:${request.jsonSchema.name}`;
    else if (request.json === true)
        format = 'json';
    return `${role}/${format}/${request.stream === true ? 'stream' : 'plain'}`;
}
class FleetView {
    config;
    clock;
    health;
    slots = new SlotBook();
    breakers;
    // The mutable knowledge below changes only through the methods that keep its rules: a cooldown never
    // shortens, a disabled target stays disabled, a refusal only widens, a loading hold ends only by a look.
    /** Leases shared with the other keel processes on this machine; undefined when off. */
    #shared;
    /** Endpoints' load as their servers report it (`server-load.ts`); undefined when none is asked. */
    #serverLoad;
    #cooldowns = new Map();
    /**
     * Endpoints refused with 401/403 or out of quota, and candidates answered with 404: skipped for the rest
     * of the run.
     */
    #disabled = new Map();
    /** Candidate key → request signature → the refusal (a 4xx keel cannot reshape its way around). */
    #refusals = new Map();
    /** Endpoints loading their model (llama.cpp's 503 "Loading model"): when `/health` is asked next. */
    #loading = new Map();
    /** When each endpoint last answered with each model (wall clock): a model that answered is loaded. */
    #served = new Map();
    /** What the servers refused and how requests to them are reshaped (kept across runs). */
    learned;
    endpoints;
    #onGithubHostedRunner;
    #prefersLocal;
    constructor(config, clock, health, runnerEnvironment, onTransition, saved) {
        this.config = config;
        this.clock = clock;
        this.health = health;
        this.endpoints = new Map(config.endpoints.map((endpoint) => [endpoint.id, endpoint]));
        this.#onGithubHostedRunner = runnerEnvironment === 'github-hosted';
        this.#prefersLocal = (0,fleet_selection/* prefersLocal */.B)(runnerEnvironment);
        const known = new Set(Object.values(config.roles)
            .flat(2)
            .map((candidate) => candidate.key));
        const breakers = Object.fromEntries(Object.entries(saved?.breakers ?? {}).filter(([key]) => known.has(key)));
        this.breakers = new BreakerBoard(config.policy.breaker, clock, onTransition, breakers);
        for (const [endpointId, entry] of Object.entries(saved?.cooldowns ?? {})) {
            if (this.endpoints.has(endpointId))
                this.#cooldowns.set(endpointId, entry);
        }
        if (saved?.health !== undefined)
            health.restore(saved.health);
        this.learned = new learned_shapes/* LearnedShapes */.A8(saved?.learned);
    }
    get shared() {
        return this.#shared;
    }
    get serverLoad() {
        return this.#serverLoad;
    }
    /** Once, while the router is built: the machine's shared slot leases and the servers' load readers. */
    attach(parts) {
        if ('shared' in parts)
            this.#shared = parts.shared;
        if ('serverLoad' in parts)
            this.#serverLoad = parts.serverLoad;
    }
    cooldownOf(endpointId) {
        return this.#cooldowns.get(endpointId);
    }
    /** The cooldowns worth saving at `now`: still running, or with strikes the next failure builds on. */
    cooldownsToSave(now) {
        const saved = {};
        for (const [endpointId, entry] of this.#cooldowns) {
            if (entry.until > now || entry.strikes > 0)
                saved[endpointId] = { ...entry };
        }
        return saved;
    }
    /** Skips `target` (an endpoint id or a candidate key) for the rest of the run; false if it already was. */
    disable(target, reason) {
        if (this.#disabled.has(target))
            return false;
        this.#disabled.set(target, reason);
        return true;
    }
    disabledReason(target) {
        return this.#disabled.get(target);
    }
    isLoading(endpointId) {
        return this.#loading.has(endpointId);
    }
    /** Endpoints of `endpointIds` loading their model whose next `/health` look is due at `now`. */
    loadingChecksDue(endpointIds, now) {
        const due = new Set();
        if (this.#loading.size === 0)
            return due;
        for (const id of endpointIds) {
            const entry = this.#loading.get(id);
            if (entry !== undefined && entry.checkAt <= now)
                due.add(id);
        }
        return due;
    }
    /** A `/health` look found the endpoint ready (or could not tell): the hold ends. */
    loadingEnded(endpointId) {
        this.#loading.delete(endpointId);
    }
    get selfHosted() {
        return this.#prefersLocal;
    }
    endpoint(endpointId) {
        const endpoint = this.endpoints.get(endpointId);
        if (!endpoint)
            throw new Error(`unknown endpoint ${endpointId}`);
        return endpoint;
    }
    /** On a GitHub-hosted runner, LAN endpoints are skipped without a connection attempt. */
    unreachable(endpoint) {
        return this.#onGithubHostedRunner && endpoint.kind === 'local' && endpoint.reachable !== true;
    }
    maxTokensFor(candidate, shape) {
        const endpoint = this.endpoint(candidate.endpointId);
        const fit = (0,context_budget/* fitMaxTokens */.CW)({
            window: this.health.contextWindow(endpoint, candidate.model),
            contextFraction: this.config.policy.contextFraction,
            promptTokens: shape.exactTokens?.get(candidate.key) ?? shape.promptTokens,
            requested: shape.requestedMaxTokens,
            minOutputTokens: this.config.policy.minOutputTokens,
        });
        return fit.ok ? { ok: true, maxTokens: fit.maxTokens } : { ok: false };
    }
    /** How a request goes out to a candidate, given what is known of its server (`request-plan.ts`). */
    planFor(candidate, request, fitted, exactPrompt = false) {
        const endpoint = this.endpoint(candidate.endpointId);
        const scan = this.health.latestScan(endpoint.id);
        const listedOutputCap = scan?.outputCaps?.[candidate.model];
        return (0,request_plan/* planRequest */.NX)({
            kind: endpoint.kind,
            model: candidate.model,
            request,
            fitted,
            flavor: endpoint.flavor !== 'auto' ? endpoint.flavor : scan?.flavor,
            ...(listedOutputCap !== undefined ? { listedOutputCap } : {}),
            exactPrompt,
            learned: this.learned.facts(endpoint, candidate.key),
        });
    }
    /**
     * Learns from a refusal what to send instead. Returns the fact learned (for the event) when the plan
     * for this candidate now differs from the refused one; undefined when nothing can be reshaped.
     */
    learnFrom(candidate, refusal, sent) {
        const endpoint = this.endpoint(candidate.endpointId);
        const { learned } = this;
        switch (refusal.kind) {
            case 'response_format':
                if (sent.responseFormat === 'none')
                    return undefined;
                learned.refuseFormat(endpoint, sent.responseFormat);
                return `refuses response_format ${sent.responseFormat}`;
            case 'token_param': {
                if (sent.maxTokens === undefined || refusal.param !== sent.tokenParam)
                    return undefined;
                const known = learned.facts(endpoint, candidate.key).tokenParam;
                const next = known === undefined ? otherParam(sent.tokenParam) : 'none';
                learned.useTokenParam(endpoint, candidate.key, next);
                return next === 'none' ? 'takes no output limit' : `takes ${next}, not ${sent.tokenParam}`;
            }
            case 'output_cap':
                if (sent.maxTokens === undefined || sent.maxTokens <= refusal.cap)
                    return undefined;
                learned.capOutput(endpoint, candidate.key, refusal.cap);
                return `outputs at most ${refusal.cap} tokens`;
        }
    }
    /** The fleet as the request holding `ticket` sees it: slots claimed by earlier queued requests count as taken. */
    views(chain, shape, ticket) {
        const now = this.clock.now();
        return chain.map((tier, tierIndex) => tier.map((candidate, order) => {
            const endpoint = this.endpoint(candidate.endpointId);
            const block = this.#block(candidate, endpoint, shape, now);
            const cap = this.#effectiveCap(endpoint, now);
            const inflight = this.machineInflight(endpoint.id) + this.slots.claimsBefore(endpoint.id, ticket);
            const remote = this.#remote(endpoint.id);
            return {
                key: candidate.key,
                endpointId: candidate.endpointId,
                tier: tierIndex,
                order,
                local: endpoint.kind === 'local',
                ...block,
                unhealthy: this.health.health(endpoint.id, now) === 'unhealthy',
                inflight: remote?.full ? Math.max(cap, inflight) : inflight + (remote?.extra ?? 0),
                cap,
            };
        }));
    }
    /** The server's own count, where it reports one: requests of other machines, and whether it queues. */
    #remote(endpointId) {
        return this.serverLoad?.remote(endpointId);
    }
    /**
     * `load: server`, with this request's slot taken and a reading asked after the machine's unseen-send
     * token: whether the server still has room for it.
     */
    serverHasRoom(endpoint) {
        const remote = this.#remote(endpoint.id);
        if (!remote)
            return true; // no reading (metrics failing): the local count, already checked, holds
        return !remote.full && this.machineInflight(endpoint.id) + remote.extra <= this.capOf(endpoint);
    }
    /** Requests in flight at the endpoint from this machine: this router's and, with shared slots, the others'. */
    machineInflight(endpointId) {
        return this.slots.inflight(endpointId) + (this.#shared?.othersInflight(endpointId) ?? 0);
    }
    noteFailure(endpointId, retryAfterMs) {
        const entry = recordFailure(this.#cooldowns.get(endpointId), this.clock.now(), this.config.policy.cooldown, retryAfterMs);
        this.#cooldowns.set(endpointId, entry);
        return entry;
    }
    /** A candidate refused a request of this shape: skip it for such requests (413: for as large ones). */
    noteRefusal(key, shape, reason, sizeBound) {
        const byShape = this.#refusals.get(key) ?? new Map();
        const minPromptTokens = sizeBound ? shape.promptTokens : 0;
        const known = byShape.get(shape.signature);
        if (known === undefined || minPromptTokens < known.minPromptTokens) {
            byShape.set(shape.signature, { minPromptTokens, reason });
        }
        this.#refusals.set(key, byShape);
    }
    /** The endpoint answered "Loading model": hold it until `/health` says otherwise. */
    noteLoading(endpointId) {
        const now = this.clock.now();
        const since = this.#loading.get(endpointId)?.since ?? now;
        this.#loading.set(endpointId, { since, checkAt: now + LOADING_POLL_MS });
    }
    noteSuccess(endpointId) {
        const entry = recordSuccess(this.#cooldowns.get(endpointId));
        if (entry && entry.until <= this.clock.now())
            this.#cooldowns.delete(endpointId);
        else if (entry)
            this.#cooldowns.set(endpointId, entry);
    }
    /** The endpoint answered a request with `model`: the server has it loaded now (`first-token.ts`). */
    noteServed(endpointId, model) {
        const byModel = this.#served.get(endpointId) ?? new Map();
        byModel.set(model, this.clock.now());
        this.#served.set(endpointId, byModel);
    }
    /** When the endpoint last answered with `model` (wall clock); undefined: not in this run. */
    lastServed(endpointId, model) {
        return this.#served.get(endpointId)?.get(model);
    }
    /** The server software: as configured, else as the last scan found it. */
    flavorOf(endpoint) {
        return endpoint.flavor !== 'auto' ? endpoint.flavor : this.health.latestScan(endpoint.id)?.flavor;
    }
    /**
     * The endpoint's cap on requests in flight: `maxParallel`, or, where the file sets none, the slots its
     * server reports (llama.cpp `total_slots`, LM Studio `parallel`): more would only queue there.
     */
    capOf(endpoint) {
        if (endpoint.maxParallelDefaulted === true) {
            const slots = this.health.latestScan(endpoint.id)?.serverSlots;
            if (slots !== undefined)
                return slots;
        }
        return endpoint.maxParallel;
    }
    /**
     * Slow start: an endpoint whose cooldown has just ended gets one request at a time until one succeeds.
     * Otherwise every waiting request would rush a host that may still be dead the moment its cooldown ends.
     */
    #effectiveCap(endpoint, now) {
        const cooldown = this.#cooldowns.get(endpoint.id);
        return cooldown !== undefined && cooldown.strikes > 0 && cooldown.until <= now ? 1 : this.capOf(endpoint);
    }
    #block(candidate, endpoint, shape, now) {
        if (shape.excluded.has(candidate.key))
            return { blocked: 'excluded' };
        if (this.unreachable(endpoint))
            return { blocked: 'unreachable' };
        if (this.#disabled.has(endpoint.id) || this.#disabled.has(candidate.key))
            return { blocked: 'disabled' };
        const refusal = this.#refusals.get(candidate.key)?.get(shape.signature);
        if (refusal !== undefined && shape.promptTokens >= refusal.minPromptTokens)
            return { blocked: 'refused' };
        if (!this.maxTokensFor(candidate, shape).ok)
            return { blocked: 'context' };
        const loading = this.#loading.get(endpoint.id);
        if (loading !== undefined)
            return { blocked: 'loading', availableAt: Math.max(now, loading.checkAt) };
        const breaker = this.breakers.peek(candidate.key);
        if (breaker && !breaker.admits()) {
            const halfOpensAt = breaker.halfOpensAt();
            return halfOpensAt !== undefined
                ? { blocked: 'breaker_open', availableAt: halfOpensAt }
                : { blocked: 'breaker_trial', availableAt: now + TRIAL_RECHECK_MS };
        }
        const cooldown = this.#cooldowns.get(endpoint.id);
        if (cooldown && cooldown.until > now)
            return { blocked: 'cooldown', availableAt: cooldown.until };
        return {};
    }
}

// EXTERNAL MODULE: ./lib/fleet/probe.js + 3 modules
var fleet_probe = __webpack_require__(62134);
// EXTERNAL MODULE: ./lib/fleet/probe-http.js
var probe_http = __webpack_require__(82247);
;// CONCATENATED MODULE: ./lib/fleet/probe-loop.js


/**
 * Probes `endpoints` (already filtered with `shouldSkipEndpoint`) into `book` until `signal` aborts, then
 * resolves. The first round of each kind starts at once. Rounds are spaced from their start, so the
 * interval is the period; a round that overruns its interval is followed by the next one straight away.
 */
async function runProbeLoop(endpoints, book, deps) {
    const { clock, intervals, signal } = deps;
    const probeDeps = {
        clock,
        timeoutMs: intervals.timeoutMs,
        signal,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.env ? { env: deps.env } : {}),
        ...(deps.maxResponseBytes !== undefined ? { maxResponseBytes: deps.maxResponseBytes } : {}),
    };
    const scan = async (endpoint) => {
        book.recordScan(await guarded(() => (0,fleet_probe/* scanCapabilities */.ce)(endpoint, probeDeps), (error) => failedScan(endpoint, error)));
    };
    const healthRound = () => eachEndpoint(endpoints, async (endpoint) => {
        const before = book.latestProbe(endpoint.id)?.healthy;
        const probe = await guarded(() => (0,fleet_probe/* probeHealth */.v_)(endpoint, probeDeps), (error) => failedProbe(endpoint, error));
        book.record(probe);
        // Back from the dead (or from loading its model, llama.cpp's 503): what it serves, and with which
        // window, may have changed, and the next scan may be minutes away.
        if (before === false && probe.healthy && !signal.aborted)
            await scan(endpoint);
    });
    const scanRound = () => eachEndpoint(endpoints, scan);
    await Promise.all([
        repeat(healthRound, intervals.healthIntervalMs, clock, signal),
        repeat(scanRound, Math.max(intervals.capabilityIntervalMs, intervals.healthIntervalMs), clock, signal),
    ]);
    function failedProbe(endpoint, error) {
        return {
            endpointId: endpoint.id,
            healthy: false,
            latencyMs: 0,
            models: [],
            checkedAt: clock.now(),
            error,
        };
    }
    function failedScan(endpoint, error) {
        return {
            endpointId: endpoint.id,
            flavor: 'openai',
            models: [],
            contextWindows: {},
            checkedAt: clock.now(),
            error,
        };
    }
}
async function repeat(round, periodMs, clock, signal) {
    while (!signal.aborted) {
        const startedAt = clock.now();
        await round();
        if (signal.aborted)
            return;
        const waitMs = Math.max(0, startedAt + periodMs - clock.now());
        try {
            await clock.sleep(waitMs, signal);
        }
        catch (error) {
            if (signal.aborted)
                return;
            throw error;
        }
    }
}
/** Probes every endpoint in parallel; one endpoint's trouble never holds up or breaks another's. */
async function eachEndpoint(endpoints, probe) {
    await Promise.allSettled(endpoints.map((endpoint) => probe(endpoint)));
}
/**
 * The probes are written not to throw; this catches what they did not foresee (a bug, a fake that throws
 * synchronously) and turns it into a failed result, so one bad endpoint cannot end the loop.
 */
async function guarded(work, onError) {
    try {
        return await work();
    }
    catch (error) {
        return onError(`probe failed: ${(0,probe_http/* describeError */.Uc)(error)}`);
    }
}

// EXTERNAL MODULE: ./lib/fleet/router-types.js
var router_types = __webpack_require__(235);
;// CONCATENATED MODULE: ./lib/fleet/failure-response.js

function respondToFailure(context, pass, candidate, failure, sent) {
    const { fleet, emit } = context;
    const endpointId = candidate.endpointId;
    const handling = FAILURE_POLICY[failure.kind];
    if (handling.resetsConnections)
        context.client.resetConnections(endpointId);
    if (handling.cools) {
        const entry = fleet.noteFailure(endpointId, failure.retryAfterMs);
        emit({ type: 'cooldown', endpointId, until: entry.until, strikes: entry.strikes });
    }
    const disable = (target, reason) => {
        if (fleet.disable(target, reason))
            emit({ type: 'disabled', target, reason });
    };
    switch (failure.kind) {
        case 'auth':
            disable(endpointId, failure.message);
            return;
        case 'quota':
            disable(endpointId, `out of quota (billing, retrying will not help): ${failure.message}`);
            return;
        case 'model_not_found':
            disable(candidate.key, failure.message);
            return;
        // Too big for this window, or stuck in this server's queue: another candidate, not this one again.
        case 'context_length':
        case 'timeout_queued':
            pass.shape.excluded.add(candidate.key);
            return;
        case 'loading':
            if (!fleet.isLoading(endpointId))
                emit({ type: 'loading', endpointId, loading: true });
            fleet.noteLoading(endpointId);
            return;
        case 'client_error':
            refused(context, pass, candidate, failure, sent);
            return;
        default:
            return;
    }
}
/**
 * A 4xx from one candidate. When it named something keel can send differently (a response_format, the
 * output-length parameter, a limit above the model's cap), the same candidate is asked once more, so
 * reshaped; otherwise it is skipped for this request and for requests of its shape for the run. The
 * request stops only when every candidate refused (the router's choice loop).
 */
function refused({ fleet, emit }, pass, candidate, failure, sent) {
    const key = candidate.key;
    const fact = failure.refusal ? fleet.learnFrom(candidate, failure.refusal, sent) : undefined;
    if (fact !== undefined) {
        const target = failure.refusal?.kind === 'response_format' ? candidate.endpointId : key;
        emit({ type: 'learned', target, fact });
        // Asked again at once, reshaped; a second refusal in the same request only skips it for this one
        // (what it refused can be reshaped: the next request will be).
        if (!pass.reshaped.has(key)) {
            pass.reshaped.add(key);
            pass.retrySame = key;
        }
        else {
            pass.shape.excluded.add(key);
        }
        return;
    }
    pass.shape.excluded.add(key);
    fleet.noteRefusal(key, pass.shape, failure.message, failure.status === 413);
    emit({ type: 'refused', key, shape: pass.shape.signature, reason: failure.message });
}

;// CONCATENATED MODULE: ./lib/fleet/token-count.js


/** Flavors whose servers count tokens. */
function countsTokens(flavor) {
    return flavor === 'llamacpp' || flavor === 'vllm';
}
async function countPromptTokens(endpoint, flavor, model, messages, http) {
    const root = (0,probe_http/* serverRoot */.CP)(endpoint.url);
    if (flavor === 'vllm') {
        const answer = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/tokenize'), http, {
            method: 'POST',
            body: { model, messages, add_generation_prompt: true },
        });
        return answer.ok ? count(answer.body?.count) : undefined;
    }
    if (flavor !== 'llamacpp')
        return undefined;
    const templated = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/v1/chat/completions/input_tokens'), http, {
        method: 'POST',
        body: { model, messages },
    });
    if (templated.ok)
        return count(templated.body?.input_tokens);
    // An older llama-server: raw tokens of the text, plus what the template adds, as the estimate has it.
    if (templated.status === undefined)
        return undefined;
    const raw = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/tokenize'), http, {
        method: 'POST',
        body: { content: messages.map((message) => message.content).join('\n') },
    });
    const tokens = raw.ok ? raw.body?.tokens : undefined;
    if (!Array.isArray(tokens))
        return undefined;
    return tokens.length + context_budget/* TOKENS_PER_MESSAGE */.FR * messages.length + context_budget/* REPLY_PRIMING_TOKENS */.Zn;
}
function count(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

;// CONCATENATED MODULE: ./lib/fleet/server-upkeep.js


/** A prompt this share of a candidate's usable window or more is counted by its server where it can. */
const NEAR_WINDOW = 0.75;
class ServerUpkeep {
    #fleet;
    #health;
    #clock;
    #probeDeps;
    #emit;
    #scanOnFirstUse;
    /** `/health` looks at loading endpoints in flight, one per endpoint. */
    #readyChecks = new Map();
    /** Scans on first use: in flight, and when each endpoint was last tried (wall clock). */
    #firstScans = new Map();
    #scanTriedAt = new Map();
    constructor(deps) {
        this.#fleet = deps.fleet;
        this.#health = deps.health;
        this.#clock = deps.clock;
        this.#probeDeps = deps.probeDeps;
        this.#emit = deps.emit;
        this.#scanOnFirstUse = deps.scanOnFirstUse;
    }
    /**
     * Everything the next pick of `pass` depends on, looked at where due, in this order: a loading server's
     * `/health` (ready: re-scanned), first-use scans, token counts near a window. Undefined when nothing is
     * due, the common case: the caller then goes on without an await (no promise per step per request).
     */
    beforeChoosing(pass) {
        const loading = this.#pollLoading(pass.chain);
        return loading ? loading.then(() => this.#scanThenCount(pass)) : this.#scanThenCount(pass);
    }
    #scanThenCount(pass) {
        const scans = this.#scanOnFirstUse ? this.#scanUnknown(pass.chain) : undefined;
        return scans ? scans.then(() => this.#countNearWindow(pass)) : this.#countNearWindow(pass);
    }
    /**
     * Scans, before its first use, every endpoint of the chain whose window or slot count only its server
     * can tell (no `contextWindow`, or no `maxParallel`, in the config) and of which no fresh scan is known
     * (none saved, or older than `capabilityIntervalMs`): `keel run` and `keel ask` then fit limits to real
     * windows, cap at real slots and allow for cold loads without a probe loop of their own. Tried at most
     * once per interval per endpoint, in parallel, each bounded by the probe timeout — and waited for no
     * longer than the endpoint's first-token deadline since the scan began, where that is the shorter: a
     * request would not wait longer for the server's answer either (a hung primary with `firstTokenMs: 200`
     * held the first requests 3 s, the probe timeout, before they could fail over). The scan itself goes on.
     */
    #scanUnknown(chain) {
        const { capabilityIntervalMs } = this.#fleet.config.policy.probe;
        const now = this.#clock.now();
        const due = new Set();
        for (const candidate of chain.flat()) {
            const endpoint = this.#fleet.endpoint(candidate.endpointId);
            if (endpoint.contextWindow !== undefined && endpoint.maxParallelDefaulted !== true)
                continue;
            if (this.#fleet.unreachable(endpoint) || this.#fleet.disabledReason(endpoint.id) !== undefined)
                continue;
            const scanned = this.#health.latestScan(endpoint.id)?.checkedAt;
            const tried = this.#scanTriedAt.get(endpoint.id);
            if (scanned !== undefined && now - scanned <= capabilityIntervalMs)
                continue;
            if (tried !== undefined && now - tried <= capabilityIntervalMs && !this.#firstScans.has(endpoint.id)) {
                continue;
            }
            due.add(endpoint.id);
        }
        if (due.size === 0)
            return undefined;
        return Promise.all([...due].map((id) => this.#awaitScan(this.#fleet.endpoint(id)))).then(noValue);
    }
    /** The endpoint's first-use scan, as long as a request waits for it (`#scanUnknown`). */
    #awaitScan(endpoint) {
        const scan = this.#firstScan(endpoint);
        const { firstTokenMs } = endpoint.timeouts;
        if (firstTokenMs >= this.#fleet.config.policy.probe.timeoutMs)
            return scan;
        const left = this.#scanTriedAt.get(endpoint.id) + firstTokenMs - this.#clock.now();
        if (left <= 0)
            return Promise.resolve();
        const stop = new AbortController();
        const deadline = this.#clock.sleep(left, stop.signal).catch(noValue);
        return Promise.race([scan, deadline]).finally(() => stop.abort());
    }
    #firstScan(endpoint) {
        let scan = this.#firstScans.get(endpoint.id);
        if (scan === undefined) {
            this.#scanTriedAt.set(endpoint.id, this.#clock.now());
            scan = (0,fleet_probe/* scanCapabilities */.ce)(endpoint, this.#probeDeps(undefined))
                .then((result) => this.#health.recordScan(result))
                .finally(() => this.#firstScans.delete(endpoint.id));
            this.#firstScans.set(endpoint.id, scan);
        }
        return scan;
    }
    /**
     * Has the servers that can count tokens (llama.cpp, vLLM: token-count.ts) count the prompt for each
     * candidate whose window it comes near (`NEAR_WINDOW` of the usable part): there the estimate, which errs
     * high, could skip a candidate that fits, or let through one that does not. Once per candidate per
     * request, in parallel, each bounded by the probe timeout; a failure leaves the estimate.
     */
    #countNearWindow(pass) {
        const { contextFraction } = this.#fleet.config.policy;
        const counting = [];
        for (const candidate of pass.chain.flat()) {
            if (pass.counted.has(candidate.key) || pass.shape.excluded.has(candidate.key))
                continue;
            const endpoint = this.#fleet.endpoint(candidate.endpointId);
            if (this.#fleet.unreachable(endpoint) || this.#fleet.disabledReason(endpoint.id) !== undefined)
                continue;
            const window = this.#health.contextWindow(endpoint, candidate.model);
            if (window === undefined || pass.shape.promptTokens < NEAR_WINDOW * window * contextFraction)
                continue;
            const flavor = this.#fleet.flavorOf(endpoint);
            if (!countsTokens(flavor))
                continue;
            pass.counted.add(candidate.key);
            const http = (0,fleet_probe/* probeHttpDeps */.RX)(endpoint, this.#probeDeps(pass.options.signal));
            counting.push(countPromptTokens(endpoint, flavor, candidate.model, pass.request.messages, http).then((count) => {
                if (count !== undefined)
                    pass.exactTokens.set(candidate.key, count);
            }));
        }
        return counting.length > 0 ? Promise.all(counting).then(noValue) : undefined;
    }
    /**
     * Asks `/health` of every endpoint of the chain that is loading its model and due for a look (one look
     * per endpoint at a time, shared by the requests waiting on it). Ready: the hold ends and the endpoint is
     * re-scanned at once, since its model (and window) may be a new one. No `/health` or no answer: the hold
     * ends too, and the next attempt finds out what is wrong the usual way.
     */
    #pollLoading(chain) {
        const due = this.#fleet.loadingChecksDue(endpointIdsOf(chain), this.#clock.now());
        if (due.size === 0)
            return undefined;
        // The look is shared, so one request's cancellation must not cut it short; the probe timeout bounds it.
        return Promise.all([...due].map((id) => this.#readyCheck(this.#fleet.endpoint(id)))).then(noValue);
    }
    #readyCheck(endpoint) {
        let check = this.#readyChecks.get(endpoint.id);
        if (check === undefined) {
            check = this.#checkReadyOnce(endpoint).finally(() => this.#readyChecks.delete(endpoint.id));
            this.#readyChecks.set(endpoint.id, check);
        }
        return check;
    }
    async #checkReadyOnce(endpoint) {
        const deps = this.#probeDeps(undefined);
        const state = await (0,fleet_probe/* checkReady */.iF)(endpoint, deps);
        if (state === 'loading') {
            this.#fleet.noteLoading(endpoint.id);
            return;
        }
        if (state === 'ready')
            this.#health.recordScan(await (0,fleet_probe/* scanCapabilities */.ce)(endpoint, deps));
        this.#fleet.loadingEnded(endpoint.id);
        this.#emit({ type: 'loading', endpointId: endpoint.id, loading: false });
        this.#fleet.slots.notify();
    }
}
function noValue() {
    return undefined;
}
/** Lazily: when no endpoint is loading (nearly always), `loadingChecksDue` reads none of them. */
function* endpointIdsOf(chain) {
    for (const tier of chain)
        for (const candidate of tier)
            yield candidate.endpointId;
}

// EXTERNAL MODULE: ./lib/fleet/shared-slots.js
var shared_slots = __webpack_require__(13567);
;// CONCATENATED MODULE: ./lib/fleet/chooser.js



/** How often a request waiting for leases held by other processes looks again, watch or no watch. */
const SHARED_POLL_MS = 250;
class Chooser {
    #fleet;
    #upkeep;
    #leases;
    #clock;
    #emit;
    constructor(deps) {
        this.#fleet = deps.fleet;
        this.#upkeep = deps.upkeep;
        this.#leases = deps.leases;
        this.#clock = deps.clock;
        this.#emit = deps.emit;
    }
    /** Picks a candidate and takes a slot there, waiting (bounded) for a slot or a cooldown when needed. */
    async choose(pass) {
        const { role } = pass;
        // One `wait` event per stretch of waiting for one reason, with how long it lasted: a wait is woken
        // by every change in the fleet (and, with shared slots, looks again every SHARED_POLL_MS).
        let stretch;
        const endStretch = () => {
            if (stretch)
                this.#emit({ type: 'wait', role, reason: stretch.reason, ms: this.#clock.now() - stretch.since });
            stretch = undefined;
        };
        try {
            return await this.#loop(pass, (reason) => {
                if (stretch?.reason === reason)
                    return;
                endStretch();
                stretch = { reason, since: this.#clock.now() };
            });
        }
        finally {
            endStretch();
        }
    }
    async #loop(pass, waits) {
        const { policy } = this.#fleet.config;
        const { role, attempts } = pass;
        const serverLoad = this.#fleet.serverLoad;
        const ids = serverLoad ? pass.chain.flat().map((c) => c.endpointId) : [];
        for (;;) {
            if (pass.options.signal?.aborted)
                throw new router_types/* RouterError */.K('aborted', role, attempts, 'cancelled');
            // Each step is awaited only when it has something to wait for: most picks need no look at all, and
            // an await per step per request is a measurable share of the router's cost (bench/router.ts).
            const upkeep = this.#upkeep.beforeChoosing(pass);
            if (upkeep)
                await upkeep;
            if (serverLoad) {
                const firstLook = serverLoad.firstLook(ids);
                if (firstLook)
                    await firstLook;
                serverLoad.poll(ids);
            }
            const views = this.#fleet.views(pass.chain, pass.shape, pass.ticket);
            const prefer = pass.retrySame ?? pass.options.prefer;
            const selection = (0,fleet_selection/* selectCandidate */.Q)(views, {
                // After waiting `maxWaitMs` for the preferred tier, any later tier with a free slot may serve.
                spillover: policy.spillover || pass.waitedMs >= policy.maxWaitMs,
                preferLocal: this.#fleet.selfHosted,
                ...(prefer !== undefined ? { prefer } : {}),
            });
            let waiting;
            if (selection.kind === 'pick') {
                const candidate = pass.chain[selection.candidate.tier][selection.candidate.order];
                const endpoint = this.#fleet.endpoint(candidate.endpointId);
                if (!this.#fleet.slots.tryAcquire(endpoint.id, this.#fleet.capOf(endpoint)))
                    continue;
                const free = this.#leases.noneNeeded(endpoint);
                const lease = free ? shared_slots/* NO_LEASE */.be : await this.#leases.slot(endpoint);
                const unseen = free ? 'none' : lease ? await this.#leases.unseenTurn(endpoint) : undefined;
                if (lease && unseen) {
                    this.#fleet.slots.leave(pass.ticket);
                    pass.retrySame = undefined;
                    const chosen = { candidate, endpoint, tier: selection.candidate.tier + 1, lease };
                    return unseen === 'none' ? chosen : { ...chosen, unseen };
                }
                // Another process took the endpoint's last lease since the count, or (load: server) the machine's
                // turn or the server's room: wait as for a full tier.
                this.#fleet.slots.release(endpoint.id);
                await lease?.release();
                waiting = { kind: 'saturated', tier: selection.candidate.tier };
            }
            else {
                waiting = selection;
            }
            if (waiting.kind === 'exhausted') {
                // Every candidate that was asked refused the request itself: it is the request, not the fleet.
                if (attempts.length > 0 && attempts.every((a) => a.outcome === 'client_error')) {
                    throw new router_types/* RouterError */.K('not_retryable', role, attempts, 'every candidate refused the request');
                }
                throw new router_types/* RouterError */.K('exhausted', role, attempts, 'every candidate failed or is unavailable');
            }
            const budget = policy.maxWaitMs - pass.waitedMs;
            const ms = waiting.kind === 'cooling' ? waiting.until - this.#clock.now() : budget;
            if (budget <= 0 || ms > budget) {
                if (waiting.kind === 'saturated') {
                    throw new router_types/* RouterError */.K('saturated', role, attempts, `every candidate stayed busy for ${policy.maxWaitMs} ms`);
                }
                throw new router_types/* RouterError */.K('exhausted', role, attempts, 'every candidate is cooling down beyond maxWaitMs');
            }
            if (waiting.kind === 'saturated') {
                // Queue for the usable endpoints, keeping this request's place across wake-ups.
                const usable = views.flat().filter((v) => v.blocked === undefined);
                this.#fleet.slots.enqueue(pass.ticket, new Set(usable.map((v) => v.endpointId)));
            }
            else {
                this.#fleet.slots.leave(pass.ticket);
            }
            waits(waiting.kind);
            const waitStart = this.#clock.now();
            // Leases other processes release wake waiters through a directory watch; where that cannot be
            // trusted to fire, a saturated wait also looks again every SHARED_POLL_MS.
            // The servers' own counts change without a release here, and the machine's turn to send a request
            // they do not show yet (load: server) comes round within a look: look again within 100 ms.
            const poll = serverLoad && pass.chain.flat().some((c) => serverLoad.tracks(c.endpointId))
                ? Math.min(serverLoad.intervalMs, 100)
                : undefined;
            const bound = this.#fleet.shared ? Math.min(SHARED_POLL_MS, poll ?? SHARED_POLL_MS) : poll;
            const wait = waiting.kind === 'saturated' && bound !== undefined ? Math.min(ms, bound) : ms;
            try {
                await this.#fleet.slots.waitForChange(Math.max(0, wait), this.#clock, pass.options.signal);
            }
            catch {
                throw new router_types/* RouterError */.K('aborted', role, attempts, 'cancelled while waiting');
            }
            pass.waitedMs += this.#clock.now() - waitStart;
        }
    }
}

;// CONCATENATED MODULE: ./lib/fleet/first-token.js
/**
 * Ollama unloads a model idle this long (`OLLAMA_KEEP_ALIVE`, default 5m: envconfig/config.go, ollama
 * fb30760): a model found loaded, or that answered, longer ago than that may have to be loaded again.
 */
const OLLAMA_KEEP_ALIVE_MS = 5 * 60_000;
/**
 * Whether the model may have to be loaded before its first token: the last scan did not find it loaded
 * (Ollama `/api/ps`, LM Studio, llama.cpp router mode) and it has not answered since — or, at an Ollama,
 * neither the scan nor an answer is more recent than its keep-alive. Unknown (no scan, or a server that
 * does not say what is loaded): not cold.
 */
function mayBeCold(fleet, endpoint, model, ollama) {
    const scan = fleet.health.latestScan(endpoint.id);
    const loaded = scan?.loadedModels;
    if (scan === undefined || loaded === undefined)
        return false;
    const now = fleet.clock.now();
    const keepAlive = ollama ? OLLAMA_KEEP_ALIVE_MS : Infinity;
    const served = fleet.lastServed(endpoint.id, model);
    if (served !== undefined && now - served < keepAlive)
        return false;
    const foundLoaded = loaded.includes(model) || loaded.includes(`${model}:latest`);
    return !foundLoaded || now - scan.checkedAt >= keepAlive;
}
/**
 * How long an attempt may wait for its first token. A model that may have to be loaded first
 * (`mayBeCold`) gets `timeouts.loadMs` more. At an Ollama, requests of ours already in flight go first (it
 * serves one at a time by default and queues the rest): a first-token deadline more for each, and a
 * timeout there is queue wait (`queuedBehind`). Never beyond `totalMs`. Call with this attempt's slot taken.
 */
function firstTokenAllowance(fleet, endpoint, model) {
    const { firstTokenMs, loadMs, totalMs } = endpoint.timeouts;
    const ollama = fleet.flavorOf(endpoint) === 'ollama';
    const cold = mayBeCold(fleet, endpoint, model, ollama);
    const queuedBehind = ollama
        ? Math.max(0, fleet.slots.inflight(endpoint.id) - 1) + (fleet.shared?.othersInflight(endpoint.id) ?? 0)
        : 0;
    const allowed = Math.min(totalMs, firstTokenMs + (cold ? loadMs : 0) + queuedBehind * firstTokenMs);
    return allowed !== firstTokenMs ? { firstTokenMs: allowed, queuedBehind } : { queuedBehind };
}
/** A first-token timeout behind requests of ours at a one-at-a-time server is queue wait, not a fault. */
function queueWait(outcome, queuedBehind) {
    if (outcome.ok || outcome.failure.kind !== 'timeout_first_token' || queuedBehind === 0)
        return outcome;
    const message = `${outcome.failure.message} (queued behind ${queuedBehind} request(s) at the server)`;
    return { ...outcome, failure: { ...outcome.failure, kind: 'timeout_queued', message } };
}

;// CONCATENATED MODULE: ./lib/fleet/machine-leases.js

class MachineLeases {
    #fleet;
    /** Endpoints where this router's unseen send is out (when the shared slots cannot hold the token). */
    #unseenHere = new Set();
    constructor(fleet) {
        this.#fleet = fleet;
    }
    /** No shared slots and no unseen-send turn to take (most setups): `slot` and `unseenTurn` need no await. */
    noneNeeded(endpoint) {
        return this.#fleet.shared === undefined && !this.#needsTurn(endpoint);
    }
    #needsTurn(endpoint) {
        const serverLoad = this.#fleet.serverLoad;
        return serverLoad !== undefined && serverLoad.confirms(endpoint.id) && serverLoad.tracks(endpoint.id);
    }
    /**
     * `load: server` (server-load.ts): this machine's turn to send a request the server's count does not show
     * yet, and the server's room for it by a reading asked after the turn began; undefined when either is
     * missing (the turn given back), 'none' where the endpoint needs no turn.
     */
    async unseenTurn(endpoint) {
        const serverLoad = this.#fleet.serverLoad;
        if (!serverLoad || !this.#needsTurn(endpoint))
            return 'none';
        const token = await this.#holdUnseen(endpoint.id);
        if (!token)
            return undefined;
        await serverLoad.readSince(endpoint.id, this.#fleet.clock.now());
        if (this.#fleet.serverHasRoom(endpoint))
            return token;
        await token.release();
        return undefined;
    }
    /** The machine's unseen-send token: in the shared slots' directory, else this router's own. */
    async #holdUnseen(endpointId) {
        let held;
        const shared = this.#fleet.shared;
        if (shared?.tryHoldUnseen) {
            try {
                held = await shared.tryHoldUnseen(endpointId);
                if (!held)
                    return undefined;
            }
            catch {
                // Not writable: the router's own token still serialises its own sends.
            }
        }
        if (!held) {
            if (this.#unseenHere.has(endpointId))
                return undefined;
            this.#unseenHere.add(endpointId);
            held = { release: async () => void this.#unseenHere.delete(endpointId) };
        }
        const inner = held;
        let released;
        return {
            release: () => (released ??= inner
                .release()
                .catch(() => undefined)
                .then(() => this.#fleet.slots.notify())),
        };
    }
    /** The endpoint's shared slot lease (always granted when shared slots are off). */
    async slot(endpoint) {
        const shared = this.#fleet.shared;
        if (!shared)
            return shared_slots/* NO_LEASE */.be;
        try {
            return await shared.tryAcquire(endpoint.id, this.#fleet.capOf(endpoint));
        }
        catch {
            // The lease files cannot be written (a full or read-only tmp): the per-process cap still holds.
            return shared_slots/* NO_LEASE */.be;
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./lib/fleet/redis-slots.js
/**
 * `maxParallel` across machines: the shared slots (`SharedSlots`, as `shared-slots.ts` keeps them in files
 * for one machine) kept in a Redis server that every keel process of the fleet reaches
 * (`coordination: { redis: "redis://host:6379" }`). Leases carry a TTL, renewed while their request runs, so
 * the slots of a machine that died free themselves (`redis-lease-client.ts`).
 *
 * - The client is loaded (dynamic import) and connected on the first lease asked for, once per process and
 *   server: every run's router in a lane process shares the connection.
 * - Unreachable: the first lease waits for the connection up to `connectTimeoutMs`; after that, while it is
 *   not back, `tryAcquire` throws `CoordinationUnavailable` at once and the caller falls back
 *   (`slot-leases.ts`: this machine's file leases). The client reconnects in the background.
 * - Counting: each lease taken or released returns the endpoint's held count, and releases are published, so
 *   `othersInflight` (synchronous: the router reads it while choosing) is the latest count seen, and waiting
 *   requests wake when another process releases.
 */


/** The coordination server cannot be asked now: the caller uses its fallback. */
class CoordinationUnavailable extends Error {
    name = 'CoordinationUnavailable';
}
const connections = new Map();
function createRedisSlots(endpoints, settings, onChange) {
    const connection = connect(settings);
    connection.onChange.add(onChange);
    const names = new Map(endpoints.map((endpoint) => [endpoint.id, namesFor(endpoint.url)]));
    /** Leases this router holds, per endpoint (the others are other processes' or other routers'). */
    const mine = new Map();
    let closed = false;
    // Within the first wait, every caller waits with the others; after it, a server that is down answers at
    // once (the wait has rejected, or the client's commands fail while it reconnects).
    const ready = () => {
        if (connection.instance?.ready)
            return Promise.resolve(connection.instance);
        if (connection.firstWait === undefined) {
            connection.firstWait = firstWait(connection.client, settings);
            connection.firstWait.catch(() => undefined);
        }
        return connection.firstWait;
    };
    return {
        get available() {
            return connection.instance?.ready === true;
        },
        othersInflight: (endpointId) => {
            const name = names.get(endpointId);
            if (!name || !connection.instance?.ready)
                return 0;
            return Math.max(0, (connection.held.get(name.channel) ?? 0) - (mine.get(endpointId) ?? 0));
        },
        tryAcquire: async (endpointId, cap) => {
            const name = names.get(endpointId);
            if (!name || closed)
                return undefined;
            const client = await ready();
            await client.listen(name.channel);
            const keys = Array.from({ length: cap }, (_, k) => `${name.prefix}${k}`);
            const token = `${connection.tokenBase}:${connection.nextToken++}`;
            const taken = await client.acquire(keys, token, name.channel).catch((error) => {
                throw new CoordinationUnavailable(error instanceof Error ? error.message : String(error));
            });
            connection.held.set(name.channel, taken.held);
            const lease = taken.lease;
            if (!lease)
                return undefined;
            mine.set(endpointId, (mine.get(endpointId) ?? 0) + 1);
            let released = false;
            const held = {
                release: async () => {
                    if (released)
                        return;
                    released = true;
                    mine.set(endpointId, (mine.get(endpointId) ?? 1) - 1);
                    // Unreachable now: the key's TTL frees the slot.
                    const count = await client.release(lease).catch(() => undefined);
                    if (count !== undefined)
                        connection.held.set(name.channel, count);
                },
            };
            return held;
        },
        close: async () => {
            if (closed)
                return;
            closed = true;
            connection.onChange.delete(onChange);
            await disconnect(settings, connection);
        },
    };
}
function connect(settings) {
    const key = connectionKey(settings);
    const existing = connections.get(key);
    if (existing) {
        existing.refs++;
        return existing;
    }
    const connection = {
        refs: 1,
        held: new Map(),
        onChange: new Set(),
        tokenBase: `${(0,external_node_os_.hostname)()}:${process.pid}:${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`,
        nextToken: 0,
        closed: false,
        client: Promise.resolve(undefined),
    };
    connection.client = load(connection, settings);
    // Nobody may be waiting for it (a timeout won the race): it must not become an unhandled rejection.
    connection.client.catch(() => undefined);
    connections.set(key, connection);
    return connection;
}
/** Loads the client (a run without `coordination.redis` never does) and connects, in the background. */
async function load(connection, settings) {
    const { RedisLeaseClient } = await Promise.all(/* import() */[__webpack_require__.e(488), __webpack_require__.e(106)]).then(__webpack_require__.bind(__webpack_require__, 13106));
    const instance = new RedisLeaseClient({
        url: settings.url,
        ...(settings.password !== undefined ? { password: settings.password } : {}),
        ttlMs: settings.ttlMs,
        connectTimeoutMs: settings.connectTimeoutMs,
        onPublished: (channel, held) => {
            connection.held.set(channel, held);
            for (const wake of connection.onChange)
                wake();
        },
    });
    connection.instance = instance;
    if (connection.closed) {
        await instance.close();
        throw new CoordinationUnavailable('closed');
    }
    await instance.connect();
    return instance;
}
/** The connection, or `CoordinationUnavailable` after `connectTimeoutMs`. */
async function firstWait(client, settings) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new CoordinationUnavailable(`${settings.url}: no connection within ${settings.connectTimeoutMs} ms`)), settings.connectTimeoutMs);
    });
    try {
        return await Promise.race([client, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
async function disconnect(settings, connection) {
    connection.refs--;
    if (connection.refs > 0)
        return;
    connections.delete(connectionKey(settings));
    connection.closed = true;
    await connection.instance?.close();
}
function connectionKey(settings) {
    return `${settings.url}\n${settings.password ?? ''}\n${settings.ttlMs}`;
}
/** The keys of an endpoint's slots and its release channel: by URL, as the file leases' directories are. */
function namesFor(url) {
    const id = (0,external_node_crypto_.createHash)('sha256').update(url).digest('hex').slice(0, 24);
    return { prefix: `keel:slot:${id}:`, channel: `keel:slots:${id}` };
}

;// CONCATENATED MODULE: ./lib/fleet/slot-leases.js


function openSharedSlots(config, slotsDir, options) {
    const files = slotsDir !== undefined
        ? (0,shared_slots/* createSharedSlots */.RW)(slotsDir, config.endpoints, { clock: options.clock, onChange: options.onChange })
        : undefined;
    const coordination = config.coordination;
    if (coordination === undefined)
        return files;
    const password = coordination.passwordEnv !== undefined ? options.env[coordination.passwordEnv] : undefined;
    const redis = createRedisSlots(config.endpoints, {
        url: coordination.redis,
        ...(password ? { password } : {}),
        ttlMs: coordination.leaseTtlMs,
        connectTimeoutMs: options.connectTimeoutMs,
    }, options.onChange);
    return withFallback(redis, files);
}
function withFallback(redis, files) {
    return {
        othersInflight: (endpointId) => redis.available ? redis.othersInflight(endpointId) : (files?.othersInflight(endpointId) ?? 0),
        // This machine's unseen send is this machine's business: its files (or, without, each router's own).
        ...(files?.tryHoldUnseen
            ? { tryHoldUnseen: (endpointId) => files.tryHoldUnseen(endpointId) }
            : {}),
        tryAcquire: async (endpointId, cap) => {
            try {
                return await redis.tryAcquire(endpointId, cap);
            }
            catch (error) {
                if (!(error instanceof CoordinationUnavailable))
                    throw error;
                return files ? files.tryAcquire(endpointId, cap) : shared_slots/* NO_LEASE */.be;
            }
        },
        close: async () => {
            await files?.close();
            await redis.close();
        },
    };
}

// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var secrets = __webpack_require__(80991);
;// CONCATENATED MODULE: ./lib/fleet/prometheus-text.js
/**
 * The Prometheus text exposition format (version 0.0.4), as model servers print it on `/metrics`: `# HELP`
 * and `# TYPE` lines (and other comments) skipped, a sample per line — `name{label="value",…} value
 * [timestamp]` — with escaped label values (`\\`, `\"`, `\n`), and values as Go/C print floats: `0.0`,
 * `12`, `1.23457e+06`, `NaN`, `+Inf`, `-Inf`.
 *
 * Written here rather than taken from a package: the parsers on npm come with a whole metrics client (or
 * parse into aggregations keel has no use for), and the subset servers emit is small. A line that does not
 * parse is skipped, not fatal: one odd series must not hide the two keel reads.
 */
const NAME = /^[A-Za-z_:][A-Za-z0-9_:]*/;
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
function parsePrometheusText(text) {
    const samples = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const sample = parseLine(line);
        if (sample)
            samples.push(sample);
    }
    return samples;
}
/** The sum of every sample of `name` whose labels include `where` (absent: every sample); undefined if none. */
function sumOf(samples, name, where = {}) {
    let total;
    for (const sample of samples) {
        if (sample.name !== name || !Number.isFinite(sample.value))
            continue;
        if (Object.entries(where).some(([key, value]) => sample.labels[key] !== value))
            continue;
        total = (total ?? 0) + sample.value;
    }
    return total;
}
function parseLine(line) {
    const name = NAME.exec(line)?.[0];
    if (name === undefined)
        return undefined;
    let rest = line.slice(name.length);
    const labels = {};
    if (rest.startsWith('{')) {
        const parsed = parseLabels(rest, labels);
        if (parsed === undefined)
            return undefined;
        rest = rest.slice(parsed);
    }
    const [valueText] = rest.trim().split(/\s+/, 1);
    if (valueText === undefined || valueText === '')
        return undefined;
    const value = parseValue(valueText);
    return value === undefined ? undefined : { name, labels, value };
}
/** Fills `labels` from `{a="x",b="y"}` at the start of `text`; the characters read, or undefined. */
function parseLabels(text, labels) {
    let at = 1;
    for (;;) {
        while (text[at] === ' ' || text[at] === ',')
            at++;
        if (text[at] === '}')
            return at + 1;
        const key = LABEL_NAME.exec(text.slice(at))?.[0];
        if (key === undefined)
            return undefined;
        at += key.length;
        while (text[at] === ' ')
            at++;
        if (text[at] !== '=')
            return undefined;
        at++;
        while (text[at] === ' ')
            at++;
        if (text[at] !== '"')
            return undefined;
        at++;
        let value = '';
        for (;;) {
            const ch = text[at];
            if (ch === undefined)
                return undefined;
            at++;
            if (ch === '"')
                break;
            if (ch === '\\') {
                const next = text[at];
                at++;
                value += next === 'n' ? '\n' : (next ?? '');
            }
            else {
                value += ch;
            }
        }
        labels[key] = value;
    }
}
function parseValue(text) {
    if (text === 'NaN')
        return Number.NaN;
    if (text === '+Inf' || text === 'Inf')
        return Number.POSITIVE_INFINITY;
    if (text === '-Inf')
        return Number.NEGATIVE_INFINITY;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
        return undefined;
    return Number(text);
}

;// CONCATENATED MODULE: ./lib/fleet/server-load.js



const MAX_METRICS_BYTES = 1024 * 1024;
/**
 * A lease is taken before its request is sent, and a metrics request on a warm connection can overtake it:
 * a reading confirms a send only when it was asked for this much later.
 */
const CONFIRM_AFTER_MS = 50;
/** `load: auto`: the shortest time between two looks a release asks for. */
const RELEASE_LOOK_MS = 50;
class ServerLoad {
    #deps;
    #states = new Map();
    #stop = new AbortController();
    constructor(endpoints, deps) {
        this.#deps = deps;
        for (const endpoint of endpoints) {
            if (endpoint.load !== 'local')
                this.#states.set(endpoint.id, { endpoint, dueAt: 0, looking: false, again: false });
        }
    }
    /** Endpoints that may report their load (the router then also looks again at its load interval). */
    tracks(endpointId) {
        return this.#states.has(endpointId) && this.#source(this.#states.get(endpointId)) !== undefined;
    }
    /** Whether a send there waits for the machine's unseen-send token and a reading asked after it. */
    confirms(endpointId) {
        return this.#states.get(endpointId)?.endpoint.load === 'server';
    }
    get intervalMs() {
        return this.#deps.intervalMs;
    }
    /** The server's view beyond this machine's count, or undefined: count locally. */
    remote(endpointId) {
        const state = this.#states.get(endpointId);
        const reading = state?.reading;
        if (!state || !reading)
            return undefined;
        // `auto` counts locally when its reading is old; `server` reads again before every send (`readSince`)
        // and falls back only when the metrics fail.
        const stale = this.#deps.clock.now() - reading.at > 3 * this.#deps.intervalMs;
        if (stale && state.endpoint.load !== 'server')
            return undefined;
        return {
            extra: Math.max(0, reading.running - reading.localAtReading),
            full: reading.waiting > 0,
            sentAt: reading.sentAt,
        };
    }
    /** The last failure of an endpoint's metrics, for status and tests. */
    lastError(endpointId) {
        return this.#states.get(endpointId)?.lastError;
    }
    /**
     * Resolves once every endpoint among these that may report has been looked at once (read, or failed):
     * nothing is sent to such a server blind. The look is bounded by `timeoutMs`; never throws. Undefined
     * when there is nothing to wait for (every such endpoint looked at already: nearly every call).
     */
    firstLook(endpointIds) {
        let waits;
        for (const id of endpointIds) {
            const state = this.#states.get(id);
            if (!state || state.reading || state.lastError !== undefined || this.#source(state) === undefined)
                continue;
            if (!state.looking)
                this.#look(state);
            if (state.current)
                (waits ??= []).push(state.current);
        }
        return waits && Promise.all(waits).then(() => undefined);
    }
    /**
     * Resolves once a reading of the endpoint asked for at `at` or later has come back (or the metrics
     * failed: then it counts locally); at once for endpoints that report nothing. Never throws.
     */
    async readSince(endpointId, at) {
        const state = this.#states.get(endpointId);
        if (!state || this.#source(state) === undefined)
            return;
        // A look in flight may have been asked before `at`: then one more after it (`again`). Bounded: each
        // look ends within `timeoutMs`, and a failed one ends the wait.
        for (let turn = 0; turn < 3 && !this.#stop.signal.aborted; turn++) {
            if (state.reading && state.reading.sentAt >= at)
                return;
            if (turn > 0 && !state.reading)
                return;
            if (state.looking)
                state.again = true;
            else
                this.#look(state);
            await state.current;
            if (state.looking)
                await state.current; // the `again` look, started as the previous one ended
        }
    }
    /**
     * `load: server`, after a send: resolves once a reading asked `CONFIRM_AFTER_MS` or more after `sentAt`
     * (so it includes the request) has come back, or the metrics failed, or the router closed.
     */
    async confirmSend(endpointId, sentAt) {
        const wait = sentAt + CONFIRM_AFTER_MS - this.#deps.clock.now();
        if (wait > 0) {
            try {
                await this.#deps.clock.sleep(wait, this.#stop.signal);
            }
            catch {
                return; // closed
            }
        }
        await this.readSince(endpointId, sentAt + CONFIRM_AFTER_MS);
    }
    /** Looks at the servers of these endpoints that are due; never waits, never throws. */
    poll(endpointIds) {
        const now = this.#deps.clock.now();
        for (const id of endpointIds) {
            const state = this.#states.get(id);
            if (state && !state.looking && state.dueAt <= now)
                this.#look(state);
        }
    }
    /**
     * A request at this endpoint ended, or one was sent that the last reading cannot include: look again now
     * (after the look in flight, if any).
     */
    released(endpointId) {
        const state = this.#states.get(endpointId);
        if (!state)
            return;
        // `auto`: at most one look per RELEASE_LOOK_MS. A look per release polls the server back to back when
        // requests are short, and that costs every request (the router benchmark's overhead went from 2.1 to
        // 3.4 ms). `server` reads before every send anyway, and a release is what it waits for.
        const since = this.#deps.clock.now() - (state.askedAt ?? -Infinity);
        if (state.endpoint.load !== 'server' && since < RELEASE_LOOK_MS)
            return;
        if (state.looking)
            state.again = true;
        else
            this.#look(state);
    }
    close() {
        this.#stop.abort();
    }
    #source(state) {
        const { endpoint } = state;
        const flavor = endpoint.flavor === 'auto' ? this.#deps.scannedFlavor(endpoint.id) : endpoint.flavor;
        if (flavor === 'vllm' || flavor === 'llamacpp')
            return flavor;
        // `server` on another flavour: the Prometheus names tell which, if the server has any.
        return endpoint.load === 'server' ? 'vllm' : undefined;
    }
    #look(state) {
        const source = this.#source(state);
        if (source === undefined || this.#stop.signal.aborted)
            return;
        state.looking = true;
        state.again = false;
        const localBefore = this.#deps.localInflight(state.endpoint.id);
        const sentAt = this.#deps.clock.now();
        state.askedAt = sentAt;
        state.current = this.#read(state.endpoint, source)
            .then((found) => {
            const previous = state.reading;
            const localAtReading = Math.min(localBefore, this.#deps.localInflight(state.endpoint.id));
            state.reading = { ...found, localAtReading, sentAt, at: this.#deps.clock.now() };
            delete state.lastError;
            // A new count, or (load: server) a reading newer than a request waiting for one.
            const changed = previous?.running !== found.running || previous.waiting !== found.waiting;
            if (changed || state.endpoint.load === 'server')
                this.#deps.onChange();
        }, (error) => {
            // Not answering: count locally until it does again.
            const had = state.reading !== undefined;
            delete state.reading;
            state.lastError = error instanceof Error ? error.message : String(error);
            if (had)
                this.#deps.onChange();
        })
            .finally(() => {
            state.looking = false;
            state.dueAt = this.#deps.clock.now() + this.#deps.intervalMs;
            if (state.again)
                this.#look(state);
        });
    }
    async #read(endpoint, source) {
        const root = (0,probe_http/* serverRoot */.CP)(endpoint.url);
        const metrics = await this.#get(endpoint, `${root}/metrics`);
        if (metrics.ok) {
            const samples = parsePrometheusText(metrics.text);
            const names = source === 'llamacpp' || sumOf(samples, 'llamacpp:requests_processing') !== undefined
                ? { running: 'llamacpp:requests_processing', waiting: 'llamacpp:requests_deferred' }
                : { running: 'vllm:num_requests_running', waiting: 'vllm:num_requests_waiting' };
            const running = sumOf(samples, names.running);
            if (running !== undefined)
                return { running, waiting: sumOf(samples, names.waiting) ?? 0 };
            if (source !== 'llamacpp')
                throw new Error(`${root}/metrics has no ${names.running}`);
        }
        if (source === 'llamacpp') {
            // `/metrics` needs --metrics; `/slots` is on by default (--no-slots turns it off).
            const slots = await this.#get(endpoint, `${root}/slots`);
            if (slots.ok) {
                const parsed = JSON.parse(slots.text);
                if (Array.isArray(parsed)) {
                    const running = parsed.filter((slot) => slot?.is_processing === true).length;
                    return { running, waiting: 0 };
                }
            }
        }
        throw new Error(`${root}: no load reported (${metrics.ok ? 'no known series' : metrics.error})`);
    }
    async #get(endpoint, url) {
        const apiKey = endpoint.apiKeyEnv !== undefined ? this.#deps.env[endpoint.apiKeyEnv] : undefined;
        const signal = AbortSignal.any([this.#stop.signal, AbortSignal.timeout(this.#deps.timeoutMs)]);
        try {
            const response = await this.#deps.fetch(url, {
                headers: { accept: 'text/plain', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
                signal,
            });
            const text = await response.text();
            if (!response.ok)
                return { ok: false, error: `HTTP ${response.status}` };
            if (text.length > MAX_METRICS_BYTES)
                return { ok: false, error: 'answer too large' };
            return { ok: true, text };
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            return { ok: false, error: apiKey ? (0,secrets/* redact */.E$)(message, [apiKey]) : message };
        }
    }
}

// EXTERNAL MODULE: ./lib/fleet/status.js
var fleet_status = __webpack_require__(90664);
;// CONCATENATED MODULE: ./lib/fleet/router.js
/**
 * The router: sends each request of a role to the best candidate of its chain and keeps answering while
 * endpoints die, hang, throttle or lie.
 *
 * - Immediate failover: a retryable failure moves to the next candidate at once; the router sleeps only
 *   when nothing else is left (waiting for the earliest cooldown, bounded by `maxWaitMs`).
 * - `maxParallel` is a hard cap, held until a response or stream has ended; a saturated tier is waited for
 *   (bounded), or spilled over when `spillover` allows.
 * - A stalled or cut stream is abandoned and the request starts from scratch on the next candidate: an
 *   answer is returned whole or not at all.
 * - Breakers (opossum, per endpoint+model) and cooldowns (per endpoint) are exported with wall-clock times
 *   and restored by the next run.
 */



















function createRouter(config, deps = {}) {
    return new FleetRouter(config, deps);
}
class FleetRouter {
    health;
    #env;
    #fetch;
    #fleet;
    #client;
    #ownsClient;
    #clock;
    #emit;
    #upkeep;
    /** The shared slot leases and the unseen-send turn of `load: server` (`machine-leases.ts`). */
    #leases;
    #chooser;
    #closed = false;
    constructor(config, deps) {
        const env = deps.env ?? process.env;
        this.#env = env;
        this.#fetch = deps.fetch;
        this.#clock = deps.clock ?? base_clock/* systemClock */.ml;
        this.#emit = deps.onEvent ?? (() => undefined);
        this.health = deps.health ?? new fleet_probe/* FleetHealthBook */.wD({ staleAfterMs: config.policy.probe.staleAfterMs });
        this.#ownsClient = deps.client === undefined;
        this.#client =
            deps.client ?? (0,endpoint_client/* createEndpointClient */.f)({ env, maxResponseBytes: config.policy.maxResponseBytes });
        const saved = restoredFleetState(deps.state, this.#clock.now(), config, (jump) => this.#emit({ type: 'clock_jump', ...jump }));
        const onTransition = (t) => {
            this.#emit({ type: 'breaker', ...t });
            // A breaker that half-opens may be what a waiting request is waiting for.
            if (t.to !== 'open')
                this.#fleet.slots.notify();
        };
        this.#fleet = new FleetView(config, this.#clock, this.health, env.RUNNER_ENVIRONMENT, onTransition, saved);
        this.#leases = new MachineLeases(this.#fleet);
        this.#upkeep = new ServerUpkeep({
            fleet: this.#fleet,
            health: this.health,
            clock: this.#clock,
            probeDeps: (signal) => this.#probeDeps(signal),
            emit: this.#emit,
            scanOnFirstUse: deps.scanOnFirstUse ?? true,
        });
        this.#chooser = new Chooser({
            fleet: this.#fleet,
            upkeep: this.#upkeep,
            leases: this.#leases,
            clock: this.#clock,
            emit: this.#emit,
        });
        this.#fleet.attach({
            shared: openSharedSlots(config, deps.slotsDir, {
                clock: this.#clock,
                onChange: () => this.#fleet.slots.notify(),
                env,
                connectTimeoutMs: config.policy.probe.timeoutMs,
            }),
        });
        if (config.endpoints.some((endpoint) => endpoint.load !== 'local')) {
            const serverLoad = new ServerLoad(config.endpoints, {
                clock: this.#clock,
                fetch: deps.fetch ?? probe_http/* undiciFetch */.vM,
                env,
                intervalMs: config.policy.probe.loadIntervalMs,
                timeoutMs: config.policy.probe.timeoutMs,
                scannedFlavor: (id) => this.health.latestScan(id)?.flavor,
                localInflight: (id) => this.#fleet.machineInflight(id),
                onChange: () => this.#fleet.slots.notify(),
            });
            this.#fleet.attach({ serverLoad });
        }
    }
    async complete(role, request, options = {}) {
        if (this.#closed)
            throw new Error('router is closed');
        const chain = this.#fleet.config.roles[role];
        if (!chain)
            throw new router_types/* RouterError */.K('unknown_role', role, [], 'no chain is configured for this role');
        const pass = {
            role,
            chain,
            request,
            options,
            shape: {
                promptTokens: (0,context_budget/* estimatePromptTokens */.bW)(request.messages),
                requestedMaxTokens: request.maxTokens,
                excluded: new Set(options.exclude),
                signature: requestSignature(role, request),
            },
            ticket: this.#fleet.slots.ticket(),
            attempts: [],
            waitedMs: 0,
            reshaped: new Set(),
            exactTokens: new Map(),
            counted: new Set(),
        };
        pass.shape.exactTokens = pass.exactTokens;
        try {
            while (pass.attempts.length < this.#fleet.config.policy.maxAttempts) {
                const chosen = await this.#chooser.choose(pass);
                const done = await this.#attempt(pass, chosen);
                if (done)
                    return done;
            }
        }
        finally {
            this.#fleet.slots.leave(pass.ticket);
        }
        const max = this.#fleet.config.policy.maxAttempts;
        throw new router_types/* RouterError */.K('exhausted', role, pass.attempts, `gave up after ${max} attempts`);
    }
    /** One attempt on a chosen candidate (its slot already taken): the completion, or undefined to go on. */
    async #attempt(pass, { candidate, endpoint, tier, lease, unseen }) {
        if (unseen) {
            // The next send of this machine waits until the server's count shows this one.
            const confirmed = this.#fleet.serverLoad?.confirmSend(endpoint.id, this.#clock.now());
            void (confirmed ?? Promise.resolve()).finally(() => unseen.release());
        }
        const { role, attempts, options } = pass;
        const fit = this.#fleet.maxTokensFor(candidate, pass.shape);
        const exact = pass.exactTokens.has(candidate.key);
        const plan = this.#fleet.planFor(candidate, pass.request, fit.ok ? fit.maxTokens : undefined, exact);
        const { maxTokens } = plan;
        const attemptNumber = attempts.length + 1;
        const wait = firstTokenAllowance(this.#fleet, endpoint, candidate.model);
        let result;
        try {
            result = await this.#fleet.breakers.get(candidate.key).run(async () => queueWait(await this.#client.chat(endpoint, pass.request, {
                model: candidate.model,
                responseFormat: plan.responseFormat,
                tokenParam: plan.tokenParam,
                ...(maxTokens !== undefined ? { maxTokens } : {}),
                ...(wait.firstTokenMs !== undefined ? { firstTokenMs: wait.firstTokenMs } : {}),
                ...(options.signal ? { signal: options.signal } : {}),
                ...(options.onDelta ? { onDelta: (text) => options.onDelta?.(text, attemptNumber) } : {}),
            }), wait.queuedBehind));
        }
        finally {
            this.#fleet.slots.release(endpoint.id);
            if (lease !== shared_slots/* NO_LEASE */.be)
                await lease.release();
            if (unseen)
                await unseen.release(); // ended: not in the server's count any more either
            this.#fleet.serverLoad?.released(endpoint.id);
        }
        if (result === 'rejected')
            return undefined;
        const attempt = {
            key: candidate.key,
            endpointId: endpoint.id,
            model: candidate.model,
            tier,
            outcome: result.ok ? 'ok' : result.failure.kind,
            latencyMs: result.latencyMs,
            ...(result.ok ? {} : { message: result.failure.message }),
            ...(!result.ok && result.failure.status !== undefined ? { status: result.failure.status } : {}),
        };
        attempts.push(attempt);
        this.#emit({ type: 'attempt', role, attempt });
        if (result.ok) {
            this.#fleet.noteSuccess(endpoint.id);
            this.#fleet.noteServed(endpoint.id, candidate.model);
            return {
                content: result.content,
                key: candidate.key,
                endpointId: endpoint.id,
                model: candidate.model,
                attempts,
                finishReason: result.finishReason,
                ...(result.reasoning !== undefined ? { reasoning: result.reasoning } : {}),
                ...(result.toolCalls !== undefined ? { toolCalls: result.toolCalls } : {}),
                ...(result.usage ? { usage: result.usage } : {}),
                ...(maxTokens !== undefined ? { maxTokens } : {}),
                waitedMs: pass.waitedMs,
            };
        }
        const { failure } = result;
        if (failure.kind === 'aborted')
            throw new router_types/* RouterError */.K('aborted', role, attempts, 'cancelled');
        respondToFailure({ fleet: this.#fleet, client: this.#client, emit: this.#emit }, pass, candidate, failure, plan);
        return undefined;
    }
    status() {
        return (0,fleet_status/* statusRows */.O5)(this.#fleet);
    }
    exportState() {
        const now = this.#clock.now();
        return {
            version: 1,
            savedAt: now,
            breakers: this.#fleet.breakers.snapshot(),
            cooldowns: this.#fleet.cooldownsToSave(now),
            health: this.health.snapshot(),
            learned: this.#fleet.learned.snapshot(),
        };
    }
    async probe(options = {}) {
        const deps = this.#probeDeps(options.signal);
        await Promise.all(this.#reachableEndpoints().map(async (endpoint) => {
            const [health, scan] = await Promise.all([
                (0,fleet_probe/* probeHealth */.v_)(endpoint, deps),
                options.capabilities ? (0,fleet_probe/* scanCapabilities */.ce)(endpoint, deps) : undefined,
            ]);
            this.health.record(health);
            if (scan)
                this.health.recordScan(scan);
        }));
        this.#fleet.slots.notify();
    }
    async probeLoop(signal) {
        const { policy } = this.#fleet.config;
        await runProbeLoop(this.#reachableEndpoints(), this.health, {
            ...this.#probeDeps(signal),
            clock: this.#clock,
            intervals: policy.probe,
            signal,
        });
    }
    #reachableEndpoints() {
        return this.#fleet.config.endpoints.filter((endpoint) => !this.#fleet.unreachable(endpoint));
    }
    #probeDeps(signal) {
        return {
            clock: this.#clock,
            env: this.#env,
            timeoutMs: this.#fleet.config.policy.probe.timeoutMs,
            ...(this.#fetch ? { fetch: this.#fetch } : {}),
            ...(signal ? { signal } : {}),
        };
    }
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.#fleet.breakers.close();
        await this.#fleet.shared?.close();
        this.#fleet.serverLoad?.close();
        this.#fleet.slots.notify();
        if (this.#ownsClient)
            await this.#client.close();
    }
}
/** The saved fleet state, valid, with the ends a clock jump put too far ahead dropped (`clock-jumps.ts`). */
function restoredFleetState(input, now, config, onJump) {
    const saved = (0,fleet_state/* parseFleetState */.zb)(input).state;
    if (saved === undefined)
        return undefined;
    const { state, jumps } = dropClockJumps(saved, now, config.policy);
    for (const jump of jumps)
        onJump(jump);
    return state;
}


/***/ }),

/***/ 13567:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ slotsDirFor),
/* harmony export */   RW: () => (/* binding */ createSharedSlots),
/* harmony export */   be: () => (/* binding */ NO_LEASE)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33071);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28747);
/**
 * `maxParallel` across keel processes on one machine. Lanes — and runs started by hand or by the guard —
 * that send to the same endpoint share its cap: a local model server does not serve more at once because
 * its callers are four processes instead of one.
 *
 * - A request in flight holds a lease: the file `slot-<k>` (k < maxParallel) in a directory per endpoint URL
 *   under the slots directory — `<stateDir>/slots/` for runs (so the lanes of one lanes file, and runs
 *   started by hand in the same repository, share it; `KEEL_SLOTS_DIR` names one for the whole machine,
 *   `KEEL_SHARED_SLOTS=0` turns this off). Leases are `FileLock`s: created whole and exclusively, naming
 *   their holder, released only by it.
 * - A lease of a process that died (SIGKILL, OOM) is free at once (its pid is dead), one older than the
 *   endpoint's whole-request deadline plus a minute is free too (a hung holder, or a pid reused).
 * - Choosing: the router counts other processes' live leases as in flight, so a loaded endpoint looks
 *   loaded. Waiting: a release by another process changes the directory, and a watch on it wakes the
 *   router's waiting requests (the router's own bounded wait is the fallback where watches do not work).
 * - Caps are per lease index: processes whose configs give one URL different `maxParallel` values hold
 *   at most the largest of them together.
 * - `load: server` (server-load.ts): the lock `unseen` in the same directory is held by the one request of
 *   the machine that the server's count may not show yet, so the machine's processes send such requests
 *   one at a time.
 * - The directory must be ours (owner, no group or other access, not a symlink): otherwise another user
 *   could hold our slots, and shared slots are off for this process (the per-process cap still holds).
 */






/**
 * Where a run's leases live: `KEEL_SLOTS_DIR`, else `<stateDir>/slots`; undefined with `KEEL_SHARED_SLOTS=0`.
 */
function slotsDirFor(stateDir, env) {
    if (env.KEEL_SHARED_SLOTS === '0')
        return undefined;
    const machineWide = env.KEEL_SLOTS_DIR?.trim();
    return machineWide ? machineWide : (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .stateLayout */ .G)(stateDir).slots;
}
/** Grace beyond the endpoint's whole-request deadline before a live holder's lease counts as abandoned. */
const EXPIRY_GRACE_MS = 60_000;
const LEASE = /^slot-(\d+)$/;
/** The lock of the machine's request the server's count may not show yet (`load: server`). */
const UNSEEN = 'unseen';
/** Held for a look at the server's metrics after a send (`probe.timeoutMs` at most): older is abandoned. */
const UNSEEN_STALE_MS = 30_000;
/**
 * The machine's shared slots for these endpoints, or undefined when they are off or their directory is not
 * safely ours. `onChange` is called when another process may have released a lease.
 */
function createSharedSlots(root, endpoints, options) {
    const dirs = new Map();
    try {
        ensurePrivateDir(root);
        for (const endpoint of endpoints) {
            const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(endpoint.url).digest('hex').slice(0, 24));
            ensurePrivateDir(dir);
            dirs.set(endpoint.id, new EndpointDir(dir, endpoint.timeouts.totalMs + EXPIRY_GRACE_MS, options.clock));
        }
    }
    catch {
        return undefined;
    }
    const watchers = [];
    for (const dir of new Set([...dirs.values()].map((d) => d.path))) {
        try {
            // Only a lease or the unseen send appearing or going matters (not the temp and takeover files).
            const watcher = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.watch)(dir, { persistent: false }, (_, name) => {
                if (name === null || name === UNSEEN || LEASE.test(name))
                    options.onChange();
            });
            watcher.on('error', () => watcher.close());
            watchers.push(watcher);
        }
        catch {
            // No watch here: waiting requests wake at their bounded wait instead.
        }
    }
    return {
        othersInflight: (endpointId) => dirs.get(endpointId)?.othersInflight() ?? 0,
        tryHoldUnseen: async (endpointId) => {
            const dir = dirs.get(endpointId);
            return dir ? dir.tryHoldUnseen() : NO_LEASE;
        },
        tryAcquire: async (endpointId, cap) => {
            const dir = dirs.get(endpointId);
            return dir ? dir.tryAcquire(cap) : NO_LEASE;
        },
        close: () => {
            for (const watcher of watchers.splice(0))
                watcher.close();
        },
    };
}
/** The lease of a request that needs none (no shared slots, or an endpoint without a directory). */
const NO_LEASE = { release: () => Promise.resolve() };
class EndpointDir {
    path;
    #expiryMs;
    #clock;
    /** Lease indexes this process holds here. */
    #mine = new Set();
    constructor(path, expiryMs, clock) {
        this.path = path;
        this.#expiryMs = expiryMs;
        this.#clock = clock;
    }
    othersInflight() {
        let names;
        try {
            names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(this.path);
        }
        catch {
            return 0;
        }
        let held = 0;
        const now = this.#clock.now();
        for (const name of names) {
            const index = LEASE.exec(name)?.[1];
            if (index === undefined || this.#mine.has(Number(index)))
                continue;
            if (this.#live((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.path, name), now))
                held++;
        }
        return held;
    }
    async tryHoldUnseen() {
        const lock = new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .FileLock */ .IR({
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.path, UNSEEN),
            clock: this.#clock,
            staleMs: UNSEEN_STALE_MS,
        });
        return lock.tryHold();
    }
    async tryAcquire(cap) {
        for (let index = 0; index < cap; index++) {
            if (this.#mine.has(index))
                continue;
            const lock = new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .FileLock */ .IR({
                path: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.path, `slot-${index}`),
                clock: this.#clock,
                staleMs: this.#expiryMs,
            });
            const held = await lock.tryHold();
            if (held === undefined)
                continue;
            this.#mine.add(index);
            return {
                release: async () => {
                    this.#mine.delete(index);
                    await held.release();
                },
            };
        }
        return undefined;
    }
    /** A lease file of a holder that is alive (on another host: assumed) and within its expiry. */
    #live(path, now) {
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
        }
        catch {
            return false; // released meanwhile
        }
        const holder = (0,_base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHolder */ .iz)(text);
        // Unreadable: being written this instant (the link makes that rare), so held.
        if (holder === undefined)
            return true;
        if (now - holder.at > this.#expiryMs)
            return false;
        return holder.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)() || (0,_base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .isProcessAlive */ .jW)(holder.pid);
    }
}
/** Directories found private in this process: a lane makes a router per run, and asks once. */
const privateDirs = new Set();
/** Creates the directory private to this user, or checks that an existing one is; throws otherwise. */
function ensurePrivateDir(path) {
    if (privateDirs.has(path))
        return;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(path, { recursive: true, mode: 0o700 });
    const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(path);
    const uid = process.getuid?.();
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o077) !== 0) {
        throw new Error(`${path} is not a private directory of this user`);
    }
    privateDirs.add(path);
}


/***/ }),

/***/ 90664:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jw: () => (/* binding */ describeState),
/* harmony export */   O5: () => (/* binding */ statusRows),
/* harmony export */   _c: () => (/* binding */ renderStatusText),
/* harmony export */   yj: () => (/* binding */ renderStatusMarkdown)
/* harmony export */ });
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61091);
/**
 * The failover status table: role → chain → state, printed at start, by
 * `keel status`, and in the job summary.
 */

function statusRows(fleet) {
    const now = fleet.clock.now();
    const threshold = fleet.config.policy.breaker.failureThreshold;
    const rows = [];
    for (const role of _config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .ROLE_NAMES */ .ST) {
        const chain = fleet.config.roles[role];
        if (!chain)
            continue;
        chain.forEach((tier, tierIndex) => {
            for (const candidate of tier) {
                const endpoint = fleet.endpoint(candidate.endpointId);
                const breaker = fleet.breakers.peek(candidate.key);
                const failures = breaker?.failuresInWindow(now) ?? 0;
                const cooldownUntil = fleet.cooldownOf(endpoint.id)?.until ?? 0;
                const disabled = fleet.disabledReason(endpoint.id) ?? fleet.disabledReason(candidate.key);
                const breakerState = breaker?.state() ?? 'closed';
                let state = failures > 0 ? 'MONITORING' : 'CLOSED';
                let remainingMs = 0;
                if (fleet.unreachable(endpoint))
                    state = 'UNREACHABLE';
                else if (disabled !== undefined)
                    state = 'DISABLED';
                else if (breakerState === 'open') {
                    state = 'OPEN';
                    remainingMs = Math.max(0, (breaker?.halfOpensAt() ?? now) - now);
                }
                else if (breakerState === 'halfOpen')
                    state = 'HALF-OPEN';
                else if (fleet.isLoading(endpoint.id))
                    state = 'LOADING';
                else if (cooldownUntil > now) {
                    state = 'COOLDOWN';
                    remainingMs = cooldownUntil - now;
                }
                const contextWindow = fleet.health.contextWindow(endpoint, candidate.model);
                rows.push({
                    role,
                    tier: tierIndex + 1,
                    key: candidate.key,
                    endpointId: endpoint.id,
                    model: candidate.model,
                    kind: endpoint.kind,
                    state,
                    failures,
                    threshold,
                    remainingMs,
                    inflight: fleet.slots.inflight(endpoint.id),
                    peakInflight: fleet.slots.peak(endpoint.id),
                    maxParallel: fleet.capOf(endpoint),
                    health: fleet.health.health(endpoint.id, now),
                    ...(contextWindow !== undefined ? { contextWindow } : {}),
                    ...(disabled !== undefined ? { reason: disabled } : {}),
                });
            }
        });
    }
    return rows;
}
/** `MONITORING (2/5)`, `OPEN (42 s)`, `COOLDOWN (3 s)`, `CLOSED`. */
function describeState(row) {
    switch (row.state) {
        case 'MONITORING':
            return `MONITORING (${row.failures}/${row.threshold})`;
        case 'OPEN':
        case 'COOLDOWN':
            return `${row.state} (${formatRemaining(row.remainingMs)})`;
        case 'HALF-OPEN':
            return `HALF-OPEN (trial next)`;
        default:
            return row.state;
    }
}
function formatRemaining(ms) {
    if (ms >= 60_000)
        return `${Math.ceil(ms / 60_000)} min`;
    if (ms >= 1_000)
        return `${Math.ceil(ms / 1_000)} s`;
    return `${Math.max(0, Math.round(ms))} ms`;
}
/** The plain-text table for terminals and logs. */
function renderStatusText(rows) {
    const width = Math.max(8, ...rows.map((row) => row.key.length));
    const lines = ['Failover status:'];
    let role;
    let tier;
    for (const row of rows) {
        if (row.role !== role) {
            lines.push(`  ${row.role}:`);
            role = row.role;
            tier = undefined;
        }
        const tierLabel = row.tier !== tier ? `tier ${row.tier}` : '';
        tier = row.tier;
        const load = `${row.inflight}/${row.maxParallel} in flight`;
        lines.push(`    ${tierLabel.padEnd(7)} ${row.key.padEnd(width)}  [${describeState(row)}]  ${row.kind}, ${load}`);
    }
    return `${lines.join('\n')}\n`;
}
/** The same table in Markdown, for job summaries and issue bodies. */
function renderStatusMarkdown(rows) {
    const lines = [
        '| role | tier | candidate | state | kind | health |',
        '| --- | --- | --- | --- | --- | --- |',
    ];
    for (const row of rows) {
        lines.push(`| ${row.role} | ${row.tier} | \`${row.key}\` | ${describeState(row)} | ${row.kind} | ${row.health} |`);
    }
    return `${lines.join('\n')}\n`;
}


/***/ })

};
