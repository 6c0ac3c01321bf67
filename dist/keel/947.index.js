export const id = 947;
export const ids = [947];
export const modules = {

/***/ 59668:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WL: () => (/* reexport */ HOSTED_LISTINGS),
  kQ: () => (/* reexport */ SIM_FLAVORS),
  n8: () => (/* reexport */ SIM_MODES),
  gC: () => (/* binding */ echoResponder),
  a7: () => (/* reexport */ isHostedListing),
  MJ: () => (/* reexport */ isSimFlavor),
  d7: () => (/* reexport */ isSimMode),
  rs: () => (/* binding */ startSimulator)
});

// UNUSED EXPORTS: MODEL_MAX_CONTEXT, SimInputError

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./lib/sim/http-util.js
/** The path without the query string; cheaper than `new URL` on the hot path. */
function pathOf(url) {
    if (url === undefined)
        return '/';
    const query = url.indexOf('?');
    return query === -1 ? url : url.slice(0, query);
}
/** The query string without its `?` (empty when there is none). */
function queryOf(url) {
    const query = url?.indexOf('?') ?? -1;
    return query === -1 || url === undefined ? '' : url.slice(query + 1);
}
/** Headers of a JSON body whose full length is announced, so that a client can tell when it is cut short. */
function jsonHeadersFor(body) {
    return { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
}
/** `body` is already serialised, so that callers decide once how it is built (and how long it is). */
function sendJson(res, status, body, extra) {
    res.writeHead(status, { ...jsonHeadersFor(body), ...extra });
    res.end(body);
}
/**
 * Reads the whole request body, then calls `done` with it, or with `undefined` when it exceeded `limit` bytes
 * (the rest is drained, not kept, so the connection stays usable). Never called when the client goes away first:
 * the response's `close` event is where callers clean up.
 */
function readBody(req, limit, done) {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
        size += chunk.length;
        if (size <= limit)
            chunks.push(chunk);
    });
    req.on('end', () => done(size <= limit ? Buffer.concat(chunks, size).toString('utf8') : undefined));
    // A client that disconnects mid-body makes the request emit `error`; the response's `close` handles the rest.
    req.on('error', () => { });
}

;// CONCATENATED MODULE: ./lib/sim/modes.js
/**
 * The faults a simulated endpoint can be put in, the flavors of server software it can imitate, and the
 * seeded random numbers behind `flaky`. Plain data and pure functions: the servers read these at request time.
 */
const SIM_MODES = [
    'ok',
    'refuse',
    'hang',
    'e500',
    'e429',
    'malformed',
    'cut',
    'slow',
    'ctxlen',
    'auth',
    'flaky',
    // Faults of today's servers (issue 10): llama.cpp loading its model (503 on every route, /health too);
    // OpenAI's 429 insufficient_quota; Ollama's 503 "server busy" when its scheduler queue is full.
    'loading',
    'quota',
    'busy',
];
/**
 * The server software an endpoint imitates. `llamacpp-router` is llama-server in router mode (no `-m`:
 * several models, loaded on demand, tools/server/server-models.cpp), a different set of answers from the
 * same program; keel's config calls both `llamacpp`.
 */
const SIM_FLAVORS = ['openai', 'vllm', 'llamacpp', 'llamacpp-router', 'lmstudio', 'ollama'];
/**
 * Whose model listing a hosted endpoint gives: OpenAI's names no window; the gateways each name it their
 * own way (issue 10 §9, `probe-hosted.ts`).
 */
const HOSTED_LISTINGS = ['openai', 'groq', 'mistral', 'openrouter'];
function isHostedListing(value) {
    return typeof value === 'string' && HOSTED_LISTINGS.includes(value);
}
function isLlamaCpp(flavor) {
    return flavor === 'llamacpp' || flavor === 'llamacpp-router';
}
/**
 * How many requests the server runs at once when the spec does not say: Ollama `OLLAMA_NUM_PARALLEL`
 * (default 1, envconfig/config.go), llama.cpp `-np` auto (4 with a unified KV cache, tools/server/server.cpp),
 * LM Studio `parallel` (4 in its docs' example). vLLM and hosted APIs batch: no server-side queue modelled.
 */
function defaultServerSlots(flavor) {
    if (flavor === 'ollama')
        return 1;
    if (isLlamaCpp(flavor) || flavor === 'lmstudio')
        return 4;
    return undefined;
}
function isSimMode(value) {
    return typeof value === 'string' && SIM_MODES.includes(value);
}
function isSimFlavor(value) {
    return typeof value === 'string' && SIM_FLAVORS.includes(value);
}
/** Gap between two trickled pieces in `slow` when no latency is given: long enough to trip idle timeouts in drills. */
const DEFAULT_SLOW_GAP_MS = 200;
const DEFAULT_FAIL_RATE = 0.5;
const DEFAULT_SEED = 1;
/**
 * Modes that break the probe routes as well as chat. A server that is down, stuck, crashing or rejecting the
 * key is so for `/v1/models` too; chat-only faults (`cut`, `ctxlen`, `malformed`, `flaky`, `slow`, `e429`)
 * leave probes healthy, which is exactly the case where a probe says "healthy" and chat still fails.
 */
function modeBreaksProbes(mode) {
    return mode === 'refuse' || mode === 'hang' || mode === 'e500' || mode === 'auth' || mode === 'loading';
}
/**
 * mulberry32: a tiny, well-mixed 32-bit PRNG. Seeded per endpoint so that a `flaky` run fails the same requests
 * every time; `Math.random` would make failure drills and tests unrepeatable.
 */
function createSeededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Bad input from a caller (an unknown endpoint or mode, a negative latency): the control routes answer it with 400. */
class SimInputError extends Error {
    name = 'SimInputError';
}

;// CONCATENATED MODULE: ./lib/sim/openai-responses.js
/**
 * OpenAI wire shapes the simulator answers with: `chat.completion`, `chat.completion.chunk` SSE events and error
 * bodies. Pure string builders, so that the modes that bend them (cut, malformed, slow) start from the real thing.
 */
const SSE_HEADERS = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
};
const SSE_DONE = 'data: [DONE]\n\n';
function errorBody(message, type, code) {
    return JSON.stringify({ error: { message, type, param: null, code } });
}
/** The usual rough estimate: 4 characters a token. */
function tokensForChars(chars) {
    return Math.ceil(chars / 4);
}
function usageOf(c) {
    return {
        prompt_tokens: c.promptTokens,
        completion_tokens: c.completionTokens,
        total_tokens: c.promptTokens + c.completionTokens,
    };
}
function completionBody(c) {
    return JSON.stringify({
        id: c.id,
        object: 'chat.completion',
        created: c.created,
        model: c.model,
        choices: [{ index: 0, message: messageOf(c), finish_reason: c.finishReason }],
        usage: usageOf(c),
    });
}
function messageOf(c) {
    const message = { role: 'assistant', content: c.content };
    if (c.reasoning !== undefined)
        message.reasoning_content = c.reasoning;
    if (c.toolCalls !== undefined)
        message.tool_calls = c.toolCalls.map(toolCallOf);
    return message;
}
function toolCallOf(call, index) {
    return { index, id: `call_${index + 1}`, type: 'function', function: call };
}
function chunkEvent(c, delta, last) {
    const chunk = {
        id: c.id,
        object: 'chat.completion.chunk',
        created: c.created,
        model: c.model,
        choices: [{ index: 0, delta, finish_reason: last ? c.finishReason : null }],
        ...(last ? { usage: usageOf(c) } : {}),
    };
    return `data: ${JSON.stringify(chunk)}\n\n`;
}
/**
 * One SSE event per content piece; the first also carries the role, as vLLM and OpenAI do. Reasoning comes
 * first, in deltas of its own (`reasoning_content`, as llama.cpp and vLLM stream it), and tool calls last, one
 * delta per call.
 */
function contentEvents(c, pieces) {
    const deltas = [];
    if (c.reasoning !== undefined) {
        for (const piece of splitPieces(c.reasoning, 4))
            deltas.push({ reasoning_content: piece });
    }
    if (c.content !== null || deltas.length === 0)
        for (const piece of pieces)
            deltas.push({ content: piece });
    for (const [index, call] of (c.toolCalls ?? []).entries())
        deltas.push({ tool_calls: [toolCallOf(call, index)] });
    return deltas.map((delta, index) => chunkEvent(c, index === 0 ? { role: 'assistant', ...delta } : delta, false));
}
/** The end of a healthy stream: the finish_reason chunk with usage, then `[DONE]`. */
function closingEvents(c) {
    return chunkEvent(c, {}, true) + SSE_DONE;
}
/** A body that claims to be JSON and is not: the start of a real completion followed by junk. */
function malformedBody(c) {
    return `{"id":"${c.id}","object":"chat.completion","choices":[{"index":0,"message":{"content":${JSON.stringify(c.content)}} <simulated garbage`;
}
/** `data:` lines that are not JSON, ending in a proper `[DONE]` so that only the parsing can notice. */
function malformedEvents(c) {
    return `data: {"id":"${c.id}","choices":[{"delta":{"content":${JSON.stringify(c.content)}\n\ndata: <simulated garbage>\n\n${SSE_DONE}`;
}
/**
 * Splits text into at most `maxPieces` pieces of at least `minSize` code units, never inside a surrogate pair
 * (a split emoji would turn into two invalid halves on the wire). Empty text is one empty piece.
 */
function splitPieces(text, maxPieces, minSize = 4) {
    if (text.length === 0)
        return [''];
    const size = Math.max(minSize, Math.ceil(text.length / maxPieces));
    const pieces = [];
    let start = 0;
    while (start < text.length) {
        let end = Math.min(text.length, start + size);
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff)
            end += 1;
        pieces.push(text.slice(start, end));
        start = end;
    }
    return pieces;
}

;// CONCATENATED MODULE: ./lib/sim/control-routes.js



const MAX_CONTROL_BODY_BYTES = 64 * 1024;
function badRequest(res, message) {
    sendJson(res, 400, errorBody(message, 'invalid_request_error', 'sim_bad_request'));
}
function serveControl(target, req, res, path) {
    const route = `${req.method} ${path}`;
    if (route === 'GET /__sim/stats') {
        sendJson(res, 200, JSON.stringify(target.stats()));
        return;
    }
    if (route === 'POST /__sim/reset') {
        target.resetStats();
        sendJson(res, 200, JSON.stringify({ reset: true }));
        return;
    }
    if (route === 'POST /__sim/mode') {
        readBody(req, MAX_CONTROL_BODY_BYTES, (raw) => changeMode(target, req.socket, res, raw));
        return;
    }
    const message = `no control route ${route}; try POST /__sim/mode, GET /__sim/stats, POST /__sim/reset`;
    sendJson(res, 404, errorBody(message, 'invalid_request_error', 'not_found'));
}
function changeMode(target, socket, res, raw) {
    let input;
    try {
        input = JSON.parse(raw ?? '');
    }
    catch {
        badRequest(res, 'body must be JSON such as {"endpoint":"a","mode":"hang","latencyMs":50}');
        return;
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        badRequest(res, 'body must be a JSON object such as {"endpoint":"a","mode":"hang"}');
        return;
    }
    target.applyModeChange(input, socket).then((applied) => {
        // After a switch to `refuse` this socket may be the last of a server that has stopped listening: let it go.
        const close = applied.mode === 'refuse' ? { connection: 'close' } : undefined;
        sendJson(res, 200, JSON.stringify(applied), close);
    }, (error) => {
        if (error instanceof SimInputError)
            badRequest(res, error.message);
        else
            sendJson(res, 500, errorBody(error instanceof Error ? error.message : String(error), 'server_error', null));
    });
}

;// CONCATENATED MODULE: ./lib/sim/sim-answer.js
const FINISH_REASONS = new Set(['stop', 'length', 'tool_calls']);
/** What a responder returned, as an answer; throws a TypeError naming what is wrong. */
function checkAnswer(produced) {
    if (typeof produced === 'string')
        return { content: produced, finishReason: 'stop' };
    if (typeof produced !== 'object' || produced === null) {
        throw new TypeError(`returned ${produced === null ? 'null' : typeof produced}, not a string or an answer`);
    }
    const answer = produced;
    if (answer.content !== null && typeof answer.content !== 'string') {
        throw new TypeError('answer.content must be a string or null');
    }
    if (answer.reasoning !== undefined && typeof answer.reasoning !== 'string') {
        throw new TypeError('answer.reasoning must be a string');
    }
    const calls = answer.toolCalls;
    if (calls !== undefined &&
        (!Array.isArray(calls) ||
            calls.some((call) => typeof call?.name !== 'string' || typeof call.arguments !== 'string'))) {
        throw new TypeError('answer.toolCalls must be a list of { name, arguments } strings');
    }
    if (answer.finishReason !== undefined && !FINISH_REASONS.has(answer.finishReason)) {
        throw new TypeError(`answer.finishReason must be stop, length or tool_calls`);
    }
    const checked = {
        content: answer.content ?? null,
        finishReason: answer.finishReason ?? (calls !== undefined && calls.length > 0 ? 'tool_calls' : 'stop'),
    };
    if (answer.reasoning !== undefined)
        checked.reasoning = answer.reasoning;
    if (calls !== undefined && calls.length > 0)
        checked.toolCalls = calls.map((c) => ({ ...c }));
    return checked;
}

;// CONCATENATED MODULE: ./lib/sim/server-errors.js
/** OpenAI and OpenAI-shaped servers: all four keys, nulls explicit. */
function openAiError(message, type, param, code) {
    return JSON.stringify({ error: { message, type, param, code } });
}
/**
 * vLLM's envelope since the V1 API server (vllm/entrypoints/utils.py `create_error_response`, commit 00fc880):
 * `type` is the exception's name, `code` the HTTP status; ≤0.10 wrote a flat `{"object":"error",…}`.
 */
function vllmError(message, type, param, status) {
    return JSON.stringify({ error: { message, type, param, code: status } });
}
/**
 * llama.cpp's `format_error_response` (tools/server/server-common.cpp at 00dd081): keys `code, message,
 * type`, then any extra fields (the overflow error adds `n_prompt_tokens`, `n_ctx`).
 */
function llamaCppError(status, message, type, extra = {}) {
    return JSON.stringify({ error: { code: status, message, type, ...extra } });
}
/**
 * Ollama's `/v1` errors (openai/openai.go `NewError`, ollama fb30760): the type follows the status only
 * (400 invalid_request_error, 404 not_found_error, else api_error); `param` and `code` are always null.
 */
function ollamaError(status, message) {
    const type = status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error';
    return JSON.stringify({ error: { message, type, param: null, code: null } });
}
/** LM Studio's OpenAI-compatible server often answers with a plain string (0.3–0.4, bug-tracker #169, #189). */
function lmStudioStringError(message) {
    return JSON.stringify({ error: message });
}
/**
 * llama.cpp while loading its model, on every route before routing (tools/server/server-http.cpp
 * `middleware_server_state`, at 00dd081): keys `message, type, code` — unlike `format_error_response` — and
 * no Retry-After.
 */
const LOADING_BODY = JSON.stringify({
    error: { message: 'Loading model', type: 'unavailable_error', code: 503 },
});
/** OpenAI's 429 for an account out of credit (2023–2026 reports: NextChat #3664, continue #11900). */
const QUOTA_BODY = openAiError('You exceeded your current quota, please check your plan and billing details. For more information on this ' +
    'error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'insufficient_quota', null, 'insufficient_quota');
/**
 * Ollama's scheduler queue full (`OLLAMA_MAX_QUEUE`, 512): `ErrMaxQueue` in server/sched.go (two spaces
 * after "again."), rendered on `/v1` by the middleware as an api_error (ollama fb30760).
 */
const BUSY_BODY = ollamaError(503, 'server busy, please try again.  maximum pending requests exceeded');
/** The 404 of an unknown model, per flavor; undefined where the server serves any name. */
function modelNotFound(flavor, model) {
    switch (flavor) {
        case 'openai':
            return {
                status: 404,
                body: openAiError(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', null, 'model_not_found'),
            };
        case 'vllm':
            return {
                status: 404,
                body: vllmError(`The model \`${model}\` does not exist.`, 'NotFoundError', 'model', 404),
            };
        case 'llamacpp':
            // One model, whatever name the request carries (tools/server: single-model mode reads no `model`).
            return undefined;
        case 'llamacpp-router':
            // server-models.cpp `router_validate_model`: 400, not 404.
            return { status: 400, body: llamaCppError(400, `model '${model}' not found`, 'invalid_request_error') };
        case 'lmstudio':
            // gitbutler #8706 (LM Studio, 2025-05).
            return {
                status: 404,
                body: openAiError(`Model "${model}" not found. Please specify a valid model.`, 'invalid_request_error', 'model', 'model_not_found'),
            };
        case 'ollama':
            return { status: 404, body: ollamaError(404, `model "${model}" not found, try pulling it first`) };
    }
}

;// CONCATENATED MODULE: ./lib/sim/flavor-rules.js
/**
 * What each server does with a chat request before it answers: which `response_format` and output-length
 * parameters it takes, how it refuses the rest, and what it does with a prompt its window cannot hold. One
 * function per server, each naming the version it models (facts and citations: /work/notes research, see
 * the README's router section). Pure: the decision is testable without sockets.
 */



/** The simulator's tokenizer: 4 characters a token, over the messages' text (what /tokenize reports too). */
function promptTokensOf(messages) {
    return tokensForChars(messages.reduce((sum, message) => sum + message.content.length, 0));
}
/** OpenAI's reasoning families (o-series, gpt-5*), which refuse `max_tokens`. */
const REASONING = /(?:^|\/)(?:o[1-9](?:-|$)|gpt-5)/i;
function applyFlavorRules(subject, facts) {
    switch (subject.flavor) {
        case 'openai':
            return openAiRules(subject, facts);
        case 'vllm':
            return vllmRules(subject, facts);
        case 'llamacpp':
        case 'llamacpp-router':
            return llamaCppRules(subject, facts);
        case 'lmstudio':
            return lmStudioRules(subject, facts);
        case 'ollama':
            return ollamaRules(subject, facts);
    }
}
/** The flavor's "prompt does not fit" answer, for the rules and for the forced `ctxlen` mode. */
function overflow(flavor, window, promptTokens, limit) {
    const refuse = (status, body) => ({
        kind: 'refuse',
        outcome: 'ctxlen',
        status,
        body,
    });
    if (flavor === 'vllm') {
        // vllm/renderers/params.py (vLLM ~0.30, 2026): one check on prompt + limit, `param: input_tokens`.
        const output = limit ?? 0;
        const message = `This model's maximum context length is ${window} tokens. However, you requested ${output} output ` +
            `tokens and your prompt contains ${promptTokens} input tokens, for a total of ${promptTokens + output} ` +
            'tokens. Please reduce the length of the input prompt or the number of requested output tokens. ' +
            `(parameter=input_tokens, value=${promptTokens})`;
        return refuse(400, vllmError(message, 'BadRequestError', 'input_tokens', 400));
    }
    if (isLlamaCpp(flavor)) {
        // tools/server/server-context.cpp at 00dd081: the prompt alone, `n_tokens >= n_ctx`.
        const message = `request (${promptTokens} tokens) exceeds the available context size (${window} tokens), try increasing it`;
        return refuse(400, llamaCppError(400, message, 'exceed_context_size_error', {
            n_prompt_tokens: promptTokens,
            n_ctx: window,
        }));
    }
    if (flavor === 'lmstudio') {
        // LM Studio 0.4.x GGUF engine (Gitlawb/openclaude #353, 2026-04): a plain string.
        return refuse(400, lmStudioStringError(`The number of tokens to keep from the initial prompt is greater than the context length (n_keep: ` +
            `${promptTokens}>= n_ctx: ${window}). Try to load the model with a larger context length, or provide a shorter input.`));
    }
    if (flavor === 'ollama') {
        // Ollama ≥ v0.30.9 (bbb40a0a6): a last message longer than the window, with context shift off.
        return refuse(400, ollamaError(400, 'the prompt is longer than the context length currently available to the model; shorten the prompt, ' +
            'adjust the context length in settings, or use a model with a longer context length'));
    }
    const requested = promptTokens + (limit ?? 0);
    const message = `This model's maximum context length is ${window} tokens. However, you requested ${requested} tokens ` +
        `(${promptTokens} in the messages, ${limit ?? 0} in the completion). ` +
        'Please reduce the length of the messages or completion.';
    return refuse(400, openAiError(message, 'invalid_request_error', 'messages', 'context_length_exceeded'));
}
function refused(status, body) {
    return { kind: 'refuse', outcome: 'refused', status, body };
}
/** Serves, with the limit bounded by what the window leaves when the server generates into its window. */
function serve(subject, messages, promptTokens, limit) {
    const window = subject.contextWindow;
    const room = window === undefined ? undefined : Math.max(0, window - promptTokens);
    const bounded = limit === undefined ? room : room === undefined ? limit : Math.min(limit, room);
    return { kind: 'serve', messages, promptTokens, ...(bounded !== undefined ? { limit: bounded } : {}) };
}
/**
 * OpenAI (api.openai.com, 2025–2026 bodies as users captured them): reasoning models refuse `max_tokens`
 * with `unsupported_parameter`; a limit above the model's output cap is "too large" (`invalid_value`).
 */
function openAiRules(subject, facts) {
    const format = facts.responseFormat;
    if (format !== undefined && !['text', 'json_object', 'json_schema'].includes(format)) {
        return refused(400, openAiError(`Invalid value: '${format}'. Supported values are: 'json_object', 'json_schema', and 'text'.`, 'invalid_request_error', 'response_format.type', 'invalid_value'));
    }
    if (REASONING.test(facts.model) && facts.maxTokens !== undefined) {
        return refused(400, openAiError("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'invalid_request_error', 'max_tokens', 'unsupported_parameter'));
    }
    const param = facts.maxCompletionTokens !== undefined ? 'max_completion_tokens' : 'max_tokens';
    const limit = facts.maxCompletionTokens ?? facts.maxTokens;
    const cap = subject.outputCap;
    if (limit !== undefined && cap !== undefined && limit > cap) {
        const message = `${param} is too large: ${limit}. This model supports at most ${cap} completion tokens, whereas you provided ${limit}.`;
        return refused(400, openAiError(message, 'invalid_request_error', param, 'invalid_value'));
    }
    const promptTokens = promptTokensOf(facts.messages);
    const window = subject.contextWindow;
    if (window !== undefined && promptTokens + (limit ?? 0) > window)
        return overflow('openai', window, promptTokens, limit);
    return serve(subject, facts.messages, promptTokens, limit);
}
/**
 * vLLM (OpenAI server, ~0.2x–0.30): `response_format` text, json_object, json_schema, structural_tag;
 * `max_completion_tokens` over `max_tokens`; prompt + limit checked against `max_model_len`; no limit means
 * what the window leaves (vllm/entrypoints/utils.py `get_max_tokens`).
 */
function vllmRules(subject, facts) {
    const format = facts.responseFormat;
    if (format !== undefined && !['text', 'json_object', 'json_schema', 'structural_tag'].includes(format)) {
        const message = `1 validation error: response_format.type: Input should be 'text', 'json_object', 'json_schema' or 'structural_tag'`;
        return refused(400, vllmError(message, 'BadRequestError', 'response_format', 400));
    }
    const limit = facts.maxCompletionTokens ?? facts.maxTokens;
    const promptTokens = promptTokensOf(facts.messages);
    const window = subject.contextWindow;
    if (window !== undefined && promptTokens + (limit ?? 0) > window)
        return overflow('vllm', window, promptTokens, limit);
    return serve(subject, facts.messages, promptTokens, limit);
}
/**
 * llama.cpp server (00dd081; server-common.cpp `oaicompat_chat_params_parse` at 006639c): json_object and
 * json_schema (only `json_schema.schema` read), anything but text refused; `max_tokens` and
 * `max_completion_tokens` are both aliases of `n_predict`; only the prompt is checked, `>=` the per-slot
 * window; generation stops when the slot is full.
 */
function llamaCppRules(subject, facts) {
    const format = facts.responseFormat;
    if (format !== undefined && format !== '' && !['text', 'json_object', 'json_schema'].includes(format)) {
        return refused(400, llamaCppError(400, `response_format type must be one of "text" or "json_object", but got: ${format}`, 'invalid_request_error'));
    }
    const limit = facts.maxTokens ?? facts.maxCompletionTokens;
    const promptTokens = promptTokensOf(facts.messages);
    const window = subject.contextWindow;
    if (window !== undefined && promptTokens >= window)
        return overflow(subject.flavor, window, promptTokens, limit);
    return serve(subject, facts.messages, promptTokens, limit);
}
/**
 * LM Studio 0.4.x: `json_object` refused with a plain-string 400 (0.3.0–0.3.9 said only "must be
 * 'json_schema'"; bug-tracker #169, #189 still open); overflow as the n_keep string.
 */
function lmStudioRules(subject, facts) {
    const format = facts.responseFormat;
    if (format !== undefined && format !== 'json_schema' && format !== 'text') {
        return refused(400, lmStudioStringError("'response_format.type' must be 'json_schema' or 'text'"));
    }
    const limit = facts.maxTokens ?? facts.maxCompletionTokens;
    const promptTokens = promptTokensOf(facts.messages);
    const window = subject.contextWindow;
    if (window !== undefined && promptTokens >= window)
        return overflow('lmstudio', window, promptTokens, limit);
    return serve(subject, facts.messages, promptTokens, limit);
}
/**
 * Ollama (fb30760, ≥ v0.30): `/v1` reads `max_tokens` only (no `max_completion_tokens` anywhere in the
 * repository: silently ignored), takes json_object and json_schema and ignores other formats. A prompt
 * longer than the window loses its oldest non-system messages, silently (server/prompt.go `chatPrompt`);
 * when the last message alone does not fit, the 400 of v0.30.9.
 */
function ollamaRules(subject, facts) {
    const limit = facts.maxTokens;
    const window = subject.contextWindow;
    let messages = facts.messages;
    let promptTokens = promptTokensOf(messages);
    if (window !== undefined && promptTokens > window) {
        // Oldest first, never a system message, never the last one.
        messages = [...messages];
        for (;;) {
            const oldest = messages.findIndex((m, i) => m.role !== 'system' && i < messages.length - 1);
            if (oldest === -1 || promptTokens <= window)
                break;
            messages.splice(oldest, 1);
            promptTokens = promptTokensOf(messages);
        }
        if (promptTokens > window)
            return overflow('ollama', window, promptTokens, limit);
    }
    return serve(subject, messages, promptTokens, limit);
}

;// CONCATENATED MODULE: ./lib/sim/chat-plan.js





/** Streams and trickles use at most this many content pieces: "several chunks", and `slow` lasts ~8 gaps. */
const MAX_PIECES = 8;
function jsonReply(outcome, status, body, extra) {
    return { outcome, reply: { kind: 'json', status, headers: { ...jsonHeadersFor(body), ...extra }, body } };
}
function chat_plan_badRequest(message) {
    return jsonReply('bad_request', 400, errorBody(message, 'invalid_request_error', null));
}
const SERVER_FAULTS = {
    hang: () => ({ outcome: 'hang', reply: { kind: 'hang' } }),
    auth: () => jsonReply('auth', 401, errorBody('Incorrect API key provided (simulated).', 'invalid_request_error', 'invalid_api_key')),
    e500: () => jsonReply('e500', 500, errorBody('The server had an error processing your request (simulated).', 'server_error', null)),
    e429: () => jsonReply('e429', 429, errorBody('Rate limit reached for requests (simulated).', 'rate_limit_error', 'rate_limit_exceeded'), { 'retry-after': '1' }),
    // The faults of issue 10, in the bodies of the servers that answer them (server-errors.ts).
    loading: () => jsonReply('loading', 503, LOADING_BODY),
    quota: () => jsonReply('quota', 429, QUOTA_BODY),
    busy: () => jsonReply('busy', 503, BUSY_BODY),
};
/**
 * The answer of a server-wide fault (`hang`, `auth`, `e500`, `e429`, `loading`, `quota`, `busy`); undefined
 * for the other modes.
 */
function serverFault(mode) {
    return SERVER_FAULTS[mode]?.();
}
function textOf(content) {
    if (typeof content === 'string')
        return content;
    // Content parts (`[{ type: 'text', text }]`): only the text counts, like a server's tokenizer would see it.
    if (Array.isArray(content)) {
        return content
            .map((part) => (typeof part?.text === 'string' ? part.text : ''))
            .join('');
    }
    return content == null ? '' : JSON.stringify(content);
}
function parseChat(raw) {
    let request;
    try {
        request = JSON.parse(raw);
    }
    catch {
        return 'request body is not valid JSON';
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
        return 'request body must be a JSON object';
    }
    const body = request;
    if (typeof body.model !== 'string' || body.model === '')
        return '"model" is required';
    if (!Array.isArray(body.messages))
        return '"messages" must be an array';
    const messages = [];
    for (const message of body.messages) {
        if (typeof message !== 'object' || message === null)
            return 'each message must be an object';
        const { role, content } = message;
        messages.push({ role: typeof role === 'string' ? role : '', content: textOf(content) });
    }
    const parsed = { model: body.model, messages, stream: body.stream === true };
    const maxTokens = positiveCount(body.max_tokens);
    if (maxTokens !== undefined)
        parsed.maxTokens = maxTokens;
    const maxCompletionTokens = positiveCount(body.max_completion_tokens);
    if (maxCompletionTokens !== undefined)
        parsed.maxCompletionTokens = maxCompletionTokens;
    const format = body.response_format;
    if (typeof format === 'object' && format !== null) {
        const type = format.type;
        parsed.responseFormat = typeof type === 'string' ? type.trim().toLowerCase() : '';
    }
    return parsed;
}
function positiveCount(value) {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}
function planChat(subject, mode, raw) {
    const fault = serverFault(mode);
    if (fault)
        return fault;
    const parsed = parseChat(raw);
    if (typeof parsed === 'string')
        return chat_plan_badRequest(parsed);
    const { model, stream } = parsed;
    if (!subject.models.has(model)) {
        const notFound = modelNotFound(subject.flavor, model);
        if (notFound)
            return jsonReply('model_not_found', notFound.status, notFound.body);
    }
    const verdict = applyFlavorRules(subject, parsed);
    if (verdict.kind === 'refuse')
        return jsonReply(verdict.outcome, verdict.status, verdict.body);
    const { messages, promptTokens, limit: maxTokens } = verdict;
    if (mode === 'ctxlen') {
        // Forced without a configured window: claim a window just below the request, so the message stays coherent.
        const claimed = Math.max(0, promptTokens + (maxTokens ?? 0) - 1);
        const forced = overflow(subject.flavor, claimed, promptTokens, maxTokens);
        return jsonReply('ctxlen', forced.status, forced.body);
    }
    if (mode === 'flaky' && subject.drawRandom() < subject.failRate)
        return serverFault('e500');
    const context = { endpoint: subject.name, model, messages };
    if (maxTokens !== undefined)
        context.maxTokens = maxTokens;
    let produced;
    try {
        produced = checkAnswer(subject.responder(context));
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return jsonReply('responder_error', 500, errorBody(`sim responder failed: ${reason}`, 'server_error', null));
    }
    // Like a real server, stop at max_tokens and say so, rather than returning more than was asked for.
    let { content, finishReason } = produced;
    if (content !== null && maxTokens !== undefined && tokensForChars(content.length) > maxTokens) {
        content = content.slice(0, maxTokens * 4);
        finishReason = 'length';
    }
    const completion = {
        id: subject.nextCompletionId(),
        created: Math.floor(Date.now() / 1000),
        model,
        content,
        finishReason,
        promptTokens,
        completionTokens: tokensForChars((content ?? '').length + (produced.reasoning ?? '').length),
    };
    if (produced.reasoning !== undefined)
        completion.reasoning = produced.reasoning;
    if (produced.toolCalls !== undefined)
        completion.toolCalls = produced.toolCalls;
    return { outcome: mode === 'flaky' ? 'ok' : mode, reply: answer(mode, completion, stream), model };
}
/** The shape of a request that gets an answer: healthy, or bent by one of the answering faults. */
function answer(mode, completion, stream) {
    if (!stream) {
        const body = mode === 'malformed' ? malformedBody(completion) : completionBody(completion);
        const headers = jsonHeadersFor(body);
        if (mode === 'cut')
            return { kind: 'cut', headers, data: splitPieces(body, 2, 1)[0] };
        if (mode === 'slow')
            return { kind: 'trickle', headers, pieces: splitPieces(body, MAX_PIECES, 1) };
        return { kind: 'json', status: 200, headers, body };
    }
    if (mode === 'malformed')
        return { kind: 'stream', body: malformedEvents(completion) };
    const events = contentEvents(completion, splitPieces(completion.content ?? '', MAX_PIECES));
    if (mode === 'cut') {
        return {
            kind: 'cut',
            headers: SSE_HEADERS,
            data: events.slice(0, Math.ceil(events.length / 2)).join(''),
        };
    }
    if (mode === 'slow') {
        return { kind: 'trickle', headers: SSE_HEADERS, pieces: [...events, closingEvents(completion)] };
    }
    return { kind: 'stream', body: events.join('') + closingEvents(completion) };
}

;// CONCATENATED MODULE: ./lib/sim/chat-route.js




/** Far above any real prompt; only here so that a runaway client cannot make the simulator buffer without end. */
const MAX_CHAT_BODY_BYTES = 32 * 1024 * 1024;
/**
 * nginx's own page for a body above `client_max_body_size` (1m by default; ngx_http_core_module, and the
 * page from src/http/ngx_http_special_response.c, nginx 1.2x): HTML, not JSON, naming nothing in the
 * request. The server behind it never sees the request.
 */
const NGINX_413 = '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n' +
    '<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
/** One request's pending timer, cleared when the response closes for any reason. */
class Exchange {
    closed = false;
    #timer;
    /** Runs `fn` after `ms`, or right away for 0 (no timer at all on the fast path), unless closed by then. */
    after(ms, fn) {
        if (this.closed)
            return;
        if (ms <= 0) {
            fn();
            return;
        }
        this.#timer = setTimeout(() => {
            this.#timer = undefined;
            if (!this.closed)
                fn();
        }, ms);
    }
    close() {
        this.closed = true;
        if (this.#timer !== undefined)
            clearTimeout(this.#timer);
        this.#timer = undefined;
    }
}
function serveChat(endpoint, req, res) {
    const { stats } = endpoint;
    stats.chatRequests += 1;
    stats.inflight += 1;
    if (stats.inflight > stats.maxInflight)
        stats.maxInflight = stats.inflight;
    const exchange = new Exchange();
    res.once('close', () => {
        // `stats` is mutated in place by resetStats, so this decrement always lands on the live counters.
        stats.inflight -= 1;
        exchange.close();
    });
    // The mode that counts is the one in force when the request arrived, not when its body finished arriving.
    const { mode, latencyMs } = endpoint;
    readBody(req, MAX_CHAT_BODY_BYTES, (raw) => {
        if (exchange.closed)
            return;
        if (raw === undefined) {
            endpoint.countOutcome('too_large');
            sendJson(res, 413, errorBody('request body too large', 'invalid_request_error', null));
            return;
        }
        const limit = endpoint.proxyMaxBodyBytes;
        if (limit !== undefined && Buffer.byteLength(raw) > limit) {
            endpoint.countOutcome('proxy_413');
            res.writeHead(413, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(NGINX_413) });
            res.end(NGINX_413);
            return;
        }
        const plan = planChat(endpoint, mode, raw);
        endpoint.countOutcome(plan.outcome);
        // Refusals come at once; an answer waits for the server's slot and model, sending nothing meanwhile.
        if (plan.model === undefined)
            deliver(plan.reply, res, exchange, latencyMs);
        else
            endpoint.serve(plan.model, res, () => deliver(plan.reply, res, exchange, latencyMs));
    });
}
function deliver(reply, res, exchange, latencyMs) {
    switch (reply.kind) {
        case 'hang':
            // Never answer: the response closes when the client gives up or the simulator closes.
            return;
        case 'trickle':
            trickle(res, exchange, reply.headers, reply.pieces, latencyMs ?? DEFAULT_SLOW_GAP_MS);
            return;
        case 'json':
            exchange.after(latencyMs ?? 0, () => {
                res.writeHead(reply.status, reply.headers);
                res.end(reply.body);
            });
            return;
        case 'stream':
            exchange.after(latencyMs ?? 0, () => {
                res.writeHead(200, SSE_HEADERS);
                res.end(reply.body);
            });
            return;
        case 'cut':
            exchange.after(latencyMs ?? 0, () => {
                res.writeHead(200, reply.headers);
                // Destroy only once the partial data is handed to the kernel, so the client really receives a part.
                res.write(reply.data, () => res.destroy());
            });
            return;
    }
}
/** Headers at once, then one piece per gap: a live but crawling server, for idle-timeout drills. */
function trickle(res, exchange, headers, pieces, gapMs) {
    res.writeHead(200, headers);
    res.flushHeaders();
    let next = 0;
    const step = () => {
        res.write(pieces[next]);
        next += 1;
        if (next === pieces.length)
            res.end();
        else
            exchange.after(gapMs, step);
    };
    exchange.after(gapMs, step);
}

;// CONCATENATED MODULE: ./lib/sim/server-queue.js
class ServerQueue {
    slots;
    #stats;
    #busy = 0;
    #waiting = [];
    constructor(slots, stats) {
        this.slots = slots;
        this.#stats = stats;
    }
    get busy() {
        return this.#busy;
    }
    /**
     * Runs `start` once a slot is free, in arrival order, with the function that frees the slot again.
     * Returns a cancel for a request whose client left while it waited (a no-op once started).
     */
    enter(start) {
        let released = false;
        const release = () => {
            if (released)
                return;
            released = true;
            this.#busy -= 1;
            this.#next();
        };
        const run = () => {
            this.#busy += 1;
            start(release);
        };
        if (this.#busy < this.slots) {
            run();
            return () => undefined;
        }
        this.#waiting.push(run);
        this.#stats.waiting += 1;
        if (this.#stats.waiting > this.#stats.maxWaiting)
            this.#stats.maxWaiting = this.#stats.waiting;
        return () => {
            const index = this.#waiting.indexOf(run);
            if (index === -1)
                return;
            this.#waiting.splice(index, 1);
            this.#stats.waiting -= 1;
        };
    }
    #next() {
        const run = this.#waiting.shift();
        if (run === undefined)
            return;
        this.#stats.waiting -= 1;
        run();
    }
}
/** Which models are loaded, and when the ones being loaded will be. Clocked by the caller. */
class ModelLoads {
    #loaded;
    #readyAt = new Map();
    #loadMs;
    constructor(loaded, loadMs) {
        this.#loaded = new Set(loaded);
        this.#loadMs = loadMs;
    }
    isLoaded(model, now) {
        if (this.#loaded.has(model))
            return true;
        const readyAt = this.#readyAt.get(model);
        if (readyAt === undefined || readyAt > now)
            return false;
        this.#loaded.add(model);
        this.#readyAt.delete(model);
        return true;
    }
    /** Ms until `model` is loaded, starting its load when nobody has. */
    waitFor(model, now) {
        if (this.isLoaded(model, now))
            return 0;
        let readyAt = this.#readyAt.get(model);
        if (readyAt === undefined) {
            readyAt = now + this.#loadMs;
            if (this.#loadMs <= 0) {
                this.#loaded.add(model);
                return 0;
            }
            this.#readyAt.set(model, readyAt);
        }
        return Math.max(0, readyAt - now);
    }
    markLoaded(model) {
        this.#loaded.add(model);
        this.#readyAt.delete(model);
    }
}

;// CONCATENATED MODULE: ./lib/sim/probe-common.js
const MODEL_MAX_CONTEXT = 32_768;
/** A fixed creation time keeps every probe answer byte-for-byte reproducible. */
const CREATED = 1_700_000_000;
function modelMaximum(subject) {
    return Math.max(MODEL_MAX_CONTEXT, subject.contextWindow ?? 0);
}
function servedWindow(subject) {
    return subject.contextWindow ?? modelMaximum(subject);
}
const ok = (value) => ({ status: 200, body: JSON.stringify(value) });
/** A JSON request body, or undefined when it is not a JSON object. */
function jsonBody(raw) {
    try {
        const value = JSON.parse(raw);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The chat messages of a request body, as the chat route reads them (text only). */
function messagesOf(body) {
    if (!Array.isArray(body.messages))
        return [];
    return body.messages.map((m) => ({
        role: typeof m?.role === 'string' ? m.role : '',
        content: typeof m?.content === 'string' ? m.content : '',
    }));
}
/** Token ids for a count: the simulator's tokenizer has no vocabulary, only lengths. */
function tokenIds(count) {
    return Array.from({ length: count }, (_, i) => 100 + (i % 1000));
}

;// CONCATENATED MODULE: ./lib/sim/probe-llamacpp.js
/**
 * llama.cpp server's routes besides chat (ggml-org/llama.cpp tools/server, read at 00dd081; JSON keys in
 * insertion order, nlohmann::ordered_json):
 * - single model: `/props` (per-slot `n_ctx`, `total_slots`), `/v1/models` (an Ollama-style `models` list
 *   and the OpenAI `data` list with `meta.n_ctx`), `/health`, `/slots` (on by default, `--no-slots`),
 *   `/tokenize` (no chat template), `/apply-template`, `/v1/chat/completions/input_tokens` (the template
 *   applied, as the context check counts);
 * - router mode (`llamacpp-router`, server-models.cpp): `/props` says `role: "router"`, `n_ctx` 0;
 *   `/props?model=ID` is the child's own props, 400 "model is not loaded" when it is not running and
 *   `autoload` is off (only `true|1` turn it on; absent means the server default, on); `/v1/models` lists
 *   every model with its `status`, and `meta` only for running ones.
 */




const LLAMACPP_ROUTES = new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /models', 'v1_models'],
    ['GET /props', 'llamacpp_props'],
    ['GET /health', 'llamacpp_health'],
    ['GET /v1/health', 'llamacpp_health'],
    ['GET /slots', 'llamacpp_slots'],
    ['POST /tokenize', 'llamacpp_tokenize'],
    ['POST /apply-template', 'llamacpp_apply_template'],
    ['POST /v1/chat/completions/input_tokens', 'llamacpp_input_tokens'],
    ['POST /chat/completions/input_tokens', 'llamacpp_input_tokens'],
    ['GET /metrics', 'metrics'],
]);
function probe_llamacpp_badRequest(message) {
    return { status: 400, body: llamaCppError(400, message, 'invalid_request_error') };
}
/** `get_model_info`: the per-slot window and the training length. */
function meta(subject) {
    return {
        vocab_type: 2,
        n_vocab: 152_064,
        n_ctx: servedWindow(subject),
        n_ctx_train: modelMaximum(subject),
        n_embd: 3_584,
        n_params: 7_615_616_512,
        size: 4_677_120_000,
    };
}
/** `get_props` of a single-model server (or of a router's child). */
function props(subject, model) {
    return {
        default_generation_settings: {
            params: { n_predict: -1, temperature: 0.8 },
            n_ctx: servedWindow(subject),
        },
        total_slots: subject.serverSlots ?? 1,
        model_alias: model,
        model_path: `/models/${model}.gguf`,
        modalities: { vision: false, video: false, audio: false },
        endpoint_slots: true,
        endpoint_props: false,
        endpoint_metrics: false,
        build_info: 'b6000-00dd0816',
        is_sleeping: false,
    };
}
function routerProps() {
    return {
        role: 'router',
        max_instances: 4,
        models_autoload: true,
        model_alias: 'llama-server',
        model_path: 'none',
        default_generation_settings: { params: {}, n_ctx: 0 },
        build_info: 'b6000-00dd0816',
    };
}
function models(subject) {
    if (subject.flavor === 'llamacpp-router') {
        // `get_router_models`: every model with its status; running ones carry the child's `meta`.
        const data = subject.modelList.map((id) => {
            const loaded = subject.isLoaded(id);
            return {
                id,
                aliases: [],
                tags: [],
                object: 'model',
                owned_by: 'llamacpp',
                created: CREATED,
                status: { value: loaded ? 'loaded' : 'unloaded', args: [] },
                ...(loaded ? { meta: meta(subject) } : {}),
            };
        });
        return { data, object: 'list' };
    }
    const model = subject.modelList[0] ?? 'sim-model';
    return {
        models: [
            {
                name: model,
                model,
                modified_at: '',
                size: '',
                digest: '',
                type: 'model',
                capabilities: ['completion'],
            },
        ],
        object: 'list',
        data: subject.modelList.map((id) => ({
            id,
            aliases: [],
            tags: [],
            object: 'model',
            created: CREATED,
            owned_by: 'llamacpp',
            meta: meta(subject),
        })),
    };
}
/** `autoload` as server-models.cpp `is_autoload` reads it: absent → the default (on); only true|1 → on. */
function autoload(query) {
    const value = query.get('autoload');
    return value === null || value === '' || value === 'true' || value === '1';
}
function routerModelProps(subject, query) {
    const model = query.get('model');
    if (model === null || model === '')
        return probe_llamacpp_badRequest('model name is missing from the request');
    if (!subject.modelList.includes(model))
        return probe_llamacpp_badRequest(`model '${model}' not found`);
    if (!subject.isLoaded(model)) {
        if (!autoload(query))
            return probe_llamacpp_badRequest('model is not loaded');
        subject.markLoaded(model);
    }
    return ok(props(subject, model));
}
function tokenize(raw) {
    const body = jsonBody(raw) ?? {};
    const content = typeof body.content === 'string' ? body.content : '';
    return ok({ tokens: tokenIds(tokensForChars(content.length)) });
}
function llamaCppProbe(route, subject, rawBody, rawQuery) {
    const query = new URLSearchParams(rawQuery);
    switch (route) {
        case 'v1_models':
            return ok(models(subject));
        case 'llamacpp_props':
            if (subject.flavor === 'llamacpp-router') {
                return query.has('model') ? routerModelProps(subject, query) : ok(routerProps());
            }
            return ok(props(subject, subject.modelList[0] ?? 'sim-model'));
        case 'llamacpp_health':
            return ok({ status: 'ok' });
        case 'llamacpp_slots': {
            const slots = subject.serverSlots ?? 1;
            return ok(Array.from({ length: slots }, (_, id) => ({
                id,
                n_ctx: servedWindow(subject),
                speculative: false,
                is_processing: id < subject.busySlots,
            })));
        }
        case 'llamacpp_tokenize':
            return tokenize(rawBody);
        case 'llamacpp_apply_template': {
            const messages = messagesOf(jsonBody(rawBody) ?? {});
            return ok({ prompt: messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('') });
        }
        case 'llamacpp_input_tokens': {
            // `handle_count_tokens`: the template applied, as the chat's context check counts the prompt.
            const messages = messagesOf(jsonBody(rawBody) ?? {});
            return ok({ input_tokens: promptTokensOf(messages), object: 'response.input_tokens' });
        }
        default:
            return { status: 404, body: llamaCppError(404, 'File Not Found', 'not_found_error') };
    }
}

;// CONCATENATED MODULE: ./lib/sim/probe-ollama-lmstudio.js
/**
 * Ollama's and LM Studio's native listing routes.
 *
 * Ollama (ollama/ollama, read at fb30760, 2026-08): `/api/tags`; `/api/show` (`parameters` lines padded to
 * 30 columns, values Go-quoted, `num_ctx` only when the Modelfile sets it — a configured window stands for
 * that — and `model_info["<arch>.context_length"]`, the trained maximum); `/api/ps` (server/routes.go
 * `PsHandler`, since v0.10.0): the loaded models with `context_length`, the window actually allocated.
 *
 * LM Studio (lmstudio-ai/docs at c6854fb): `/api/v1/models` (LM Studio ≥ 0.4.0, docs
 * `1_developer/2_rest/list.md`: `models[].key`, `max_context_length`, `loaded_instances[].config`
 * `{context_length, parallel}`) and the older `/api/v0/models` (`data[].state`, `loaded_context_length`).
 */

const MODIFIED_AT = '2024-01-01T00:00:00Z';
const OLLAMA_ROUTES = new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /api/tags', 'ollama_tags'],
    ['POST /api/show', 'ollama_show'],
    ['GET /api/ps', 'ollama_ps'],
]);
const LMSTUDIO_ROUTES = new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /api/v0/models', 'lmstudio_models'],
    ['GET /api/v1/models', 'lmstudio_v1_models'],
]);
const OLLAMA_DETAILS = {
    parent_model: '',
    format: 'gguf',
    family: 'llama',
    families: ['llama'],
    parameter_size: '7B',
    quantization_level: 'Q4_K_M',
};
/** Ollama resolves a name without a tag to `:latest`. */
function findOllamaModel(subject, name) {
    return subject.modelList.find((model) => model === name || model === `${name}:latest`);
}
/** `fmt.Sprintf("%-*s %#v", 30, k, v)`: a parser that splits on one space would fail on the real thing. */
function ollamaParameters(subject) {
    const lines = [];
    // A configured window stands for a Modelfile's `PARAMETER num_ctx`, which real Ollama lists here.
    if (subject.contextWindow !== undefined)
        lines.push(['num_ctx', String(subject.contextWindow)]);
    lines.push(['stop', '"<|eot_id|>"']);
    return lines.map(([key, value]) => `${key.padEnd(30)} ${value}`).join('\n');
}
function ollamaShow(subject, rawBody) {
    const request = jsonBody(rawBody);
    if (request === undefined)
        return { status: 400, body: JSON.stringify({ error: 'invalid JSON body' }) };
    const name = request.model ?? request.name;
    if (typeof name !== 'string' || name === '') {
        return { status: 400, body: JSON.stringify({ error: 'model is required' }) };
    }
    const model = findOllamaModel(subject, name);
    if (model === undefined) {
        return {
            status: 404,
            body: JSON.stringify({ error: `model "${name}" not found, try pulling it first` }),
        };
    }
    return ok({
        license: '',
        modelfile: `FROM ${model}\n`,
        parameters: ollamaParameters(subject),
        template: '{{ .Prompt }}',
        details: OLLAMA_DETAILS,
        model_info: {
            'general.architecture': 'llama',
            'general.parameter_count': 7_000_000_000,
            'llama.context_length': modelMaximum(subject),
        },
        capabilities: ['completion'],
        modified_at: MODIFIED_AT,
    });
}
function ollamaProbe(route, subject, rawBody) {
    switch (route) {
        case 'ollama_tags':
            return ok({
                models: subject.modelList.map((name) => ({
                    name,
                    model: name,
                    modified_at: MODIFIED_AT,
                    size: 4_683_087_332,
                    details: OLLAMA_DETAILS,
                })),
            });
        case 'ollama_show':
            return ollamaShow(subject, rawBody);
        default:
            return ok({
                models: subject.modelList
                    .filter((name) => subject.isLoaded(name))
                    .map((name) => ({
                    name,
                    model: name,
                    size: 6_000_000_000,
                    digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
                    details: OLLAMA_DETAILS,
                    expires_at: '2099-01-01T00:00:00Z',
                    size_vram: 6_000_000_000,
                    // Per parallel slot: what limits one request.
                    context_length: servedWindow(subject),
                })),
            });
    }
}
function lmStudioProbe(route, subject) {
    if (route === 'lmstudio_v1_models') {
        return ok({
            models: subject.modelList.map((key) => ({
                type: 'llm',
                publisher: 'sim',
                key,
                display_name: key,
                architecture: 'llama',
                quantization: { name: 'Q4_K_M', bits_per_weight: 4.8 },
                size_bytes: 4_683_087_332,
                params_string: '7B',
                loaded_instances: subject.isLoaded(key)
                    ? [
                        {
                            id: key,
                            config: { context_length: servedWindow(subject), parallel: subject.serverSlots ?? 4 },
                        },
                    ]
                    : [],
                max_context_length: modelMaximum(subject),
                format: 'gguf',
                capabilities: { vision: false, trained_for_tool_use: true },
                description: null,
            })),
        });
    }
    return ok({
        object: 'list',
        data: subject.modelList.map((id) => ({
            id,
            object: 'model',
            type: 'llm',
            publisher: 'sim',
            arch: 'llama',
            compatibility_type: 'gguf',
            quantization: 'Q4_K_M',
            state: subject.isLoaded(id) ? 'loaded' : 'not-loaded',
            max_context_length: modelMaximum(subject),
            ...(subject.isLoaded(id) ? { loaded_context_length: servedWindow(subject) } : {}),
            created: CREATED,
        })),
    });
}

;// CONCATENATED MODULE: ./lib/sim/probe-hosted.js

function hostedListingEntry(listing, model) {
    const { id, window, outputCap } = model;
    switch (listing) {
        case 'openai':
            return { id, object: 'model', created: CREATED, owned_by: 'system' };
        case 'groq':
            return {
                id,
                object: 'model',
                created: CREATED,
                owned_by: 'Groq',
                active: true,
                context_window: window,
                public_apps: null,
                max_completion_tokens: outputCap ?? window,
            };
        case 'mistral':
            return {
                id,
                object: 'model',
                created: CREATED,
                owned_by: 'mistralai',
                capabilities: { completion_chat: true, completion_fim: false, function_calling: true, vision: false },
                name: id,
                description: `${id} (simulated)`,
                max_context_length: window,
                aliases: [],
                deprecation: null,
                default_model_temperature: 0.3,
                type: 'base',
            };
        case 'openrouter':
            return {
                id,
                canonical_slug: id,
                name: id,
                created: CREATED,
                description: `${id} (simulated)`,
                context_length: window,
                architecture: { modality: 'text->text', input_modalities: ['text'], output_modalities: ['text'] },
                pricing: { prompt: '0', completion: '0' },
                top_provider: {
                    context_length: window,
                    max_completion_tokens: outputCap ?? null,
                    is_moderated: false,
                },
                per_request_limits: null,
                supported_parameters: ['max_tokens', 'response_format', 'structured_outputs', 'temperature'],
            };
    }
}

;// CONCATENATED MODULE: ./lib/sim/metrics-route.js
const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4';
function renderMetrics(subject) {
    return subject.flavor === 'llamacpp' || subject.flavor === 'llamacpp-router'
        ? llamacpp(subject)
        : vllm(subject);
}
function vllm({ model, inflight, waiting = 0, served }) {
    const labels = `{engine="0",model_name=${JSON.stringify(model)}}`;
    return [
        '# HELP vllm:num_requests_running Number of requests in model execution batches.',
        '# TYPE vllm:num_requests_running gauge',
        `vllm:num_requests_running${labels} ${inflight.toFixed(1)}`,
        '# HELP vllm:num_requests_waiting Number of requests waiting to be processed.',
        '# TYPE vllm:num_requests_waiting gauge',
        `vllm:num_requests_waiting${labels} ${waiting.toFixed(1)}`,
        '# HELP vllm:request_success_total Count of successfully processed requests.',
        '# TYPE vllm:request_success_total counter',
        `vllm:request_success_total{engine="0",finished_reason="stop",model_name=${JSON.stringify(model)}} ${served.toFixed(1)}`,
        '',
    ].join('\n');
}
function llamacpp({ inflight, waiting = 0, served }) {
    const metric = (name, type, help, value) => `# HELP llamacpp:${name} ${help}\n# TYPE llamacpp:${name} ${type}\nllamacpp:${name} ${cDouble(value)}`;
    return `${[
        metric('prompt_tokens_total', 'counter', 'Number of prompt tokens processed.', served * 617_285),
        metric('tokens_predicted_total', 'counter', 'Number of generation tokens processed.', served * 40),
        metric('requests_processing', 'gauge', 'Number of requests processing.', inflight),
        metric('requests_deferred', 'gauge', 'Number of requests deferred.', waiting),
    ].join('\n')}\n`;
}
/** A double as C++'s `operator<<` prints it: 6 significant digits, exponent form when that is shorter. */
function cDouble(value) {
    if (Number.isInteger(value) && Math.abs(value) < 1e6)
        return String(value);
    const [mantissa, exponent] = value.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${trimmed}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

;// CONCATENATED MODULE: ./lib/sim/probe-routes.js
/**
 * The discovery and helper routes each kind of server really has, in its own shape, so that keel's
 * discovery, readiness checks and token counts can be tested against every one. An endpoint answers only
 * its own flavor's routes (plus `/v1/models`, which all of them have); the rest are 404, as on the real thing.
 *
 * Two numbers describe a model's context, as on real servers:
 * - the model's maximum (what it was trained for): `MODEL_MAX_CONTEXT`, or the configured window if larger;
 * - the served window (what the server was started with): the configured `contextWindow`, else the maximum.
 * Each flavor reports the served window where the real server does (vLLM `max_model_len`, llama.cpp
 * `n_ctx`, LM Studio a loaded instance's `context_length`, Ollama `/api/ps` `context_length` and a
 * Modelfile's `num_ctx`) and the maximum where it does (`n_ctx_train`, `max_context_length`,
 * `<arch>.context_length`). The bodies of the local servers live in probe-llamacpp.ts and
 * probe-ollama-lmstudio.ts.
 */









const FLAVOR_ROUTES = {
    openai: new Map([['GET /v1/models', 'v1_models']]),
    // vLLM: /health (200, empty body) and /tokenize live outside /v1 (vllm/entrypoints/serve).
    vllm: new Map([
        ['GET /v1/models', 'v1_models'],
        ['GET /health', 'vllm_health'],
        ['POST /tokenize', 'vllm_tokenize'],
        ['GET /metrics', 'metrics'],
    ]),
    llamacpp: LLAMACPP_ROUTES,
    'llamacpp-router': LLAMACPP_ROUTES,
    lmstudio: LMSTUDIO_ROUTES,
    ollama: OLLAMA_ROUTES,
};
function matchProbeRoute(flavor, method, path) {
    return FLAVOR_ROUTES[flavor].get(`${method} ${path}`);
}
/** Routes that read a request body before answering. */
function probeNeedsBody(route) {
    return (route === 'ollama_show' ||
        route === 'vllm_tokenize' ||
        route === 'llamacpp_tokenize' ||
        route === 'llamacpp_input_tokens' ||
        route === 'llamacpp_apply_template');
}
const OWNED_BY = {
    openai: 'system',
    vllm: 'vllm',
    llamacpp: 'llamacpp',
    'llamacpp-router': 'llamacpp',
    lmstudio: 'organization_owner',
    ollama: 'library',
};
function openAiModels(subject) {
    if (subject.flavor === 'openai') {
        const listing = subject.listing ?? 'openai';
        const window = servedWindow(subject);
        const data = subject.modelList.map((id) => hostedListingEntry(listing, { id, window, outputCap: subject.outputCap }));
        return listing === 'openrouter' ? { data } : { object: 'list', data };
    }
    const data = subject.modelList.map((id) => {
        const base = { id, object: 'model', created: CREATED, owned_by: OWNED_BY[subject.flavor] };
        if (subject.flavor === 'vllm') {
            return { ...base, root: id, parent: null, max_model_len: servedWindow(subject) };
        }
        return base;
    });
    return { object: 'list', data };
}
/**
 * vLLM `POST /tokenize` (vllm/entrypoints/serve/tokenize/protocol.py, 030ea52): `{prompt}` or
 * `{messages, add_generation_prompt}` (the chat template applied) → `{count, max_model_len, tokens}`.
 */
function vllmTokenize(subject, raw) {
    const body = jsonBody(raw);
    if (body === undefined)
        return { status: 400, body: JSON.stringify({ error: 'invalid JSON body' }) };
    const count = typeof body.prompt === 'string' ? tokensForChars(body.prompt.length) : promptTokensOf(messagesOf(body));
    return ok({ count, max_model_len: servedWindow(subject), tokens: tokenIds(count), token_strs: null });
}
function answerProbe(route, subject, rawBody = '', query = '') {
    switch (route) {
        case 'v1_models':
            if (isLlamaCpp(subject.flavor))
                return llamaCppProbe(route, subject, rawBody, query);
            return ok(openAiModels(subject));
        case 'vllm_health':
            return { status: 200, body: '' };
        case 'vllm_tokenize':
            return vllmTokenize(subject, rawBody);
        case 'llamacpp_props':
        case 'llamacpp_health':
        case 'llamacpp_slots':
        case 'llamacpp_tokenize':
        case 'llamacpp_input_tokens':
        case 'llamacpp_apply_template':
            return llamaCppProbe(route, subject, rawBody, query);
        case 'lmstudio_models':
        case 'lmstudio_v1_models':
            return lmStudioProbe(route, subject);
        case 'ollama_tags':
        case 'ollama_show':
        case 'ollama_ps':
            return ollamaProbe(route, subject, rawBody);
        case 'metrics': {
            const load = subject.load?.() ?? { inflight: 0, waiting: 0, served: 0 };
            const model = subject.modelList[0] ?? 'sim-model';
            const body = renderMetrics({ flavor: subject.flavor, model, ...load });
            return { status: 200, body, contentType: METRICS_CONTENT_TYPE };
        }
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./lib/sim/tracked-server.js
/**
 * An HTTP server that knows its sockets, so that shutting it down is immediate and total: `server.close()` alone
 * waits for keep-alive and hung connections forever, which would leak them and keep a test run alive.
 */

async function listenTracked(handler, host, port) {
    const server = (0,external_node_http_.createServer)(handler);
    const sockets = new Set();
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
    });
    const closed = new Promise((resolve) => server.once('close', () => resolve()));
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    // An accept error after listening (EMFILE in a stress run) is the OS refusing one connection, not a reason to
    // crash the process hosting the simulator; the server keeps serving the others.
    server.on('error', () => { });
    let listening = true;
    return {
        port: server.address().port,
        async shutdown(spare) {
            if (listening) {
                listening = false;
                server.close();
            }
            const gone = [];
            for (const socket of sockets) {
                if (socket === spare)
                    continue;
                gone.push(new Promise((resolve) => socket.once('close', () => resolve())));
                socket.destroy();
            }
            await Promise.all(gone);
            if (spare === undefined || !sockets.has(spare))
                await closed;
        },
    };
}

;// CONCATENATED MODULE: ./lib/sim/sim-endpoint.js









const CONTROL_PREFIX = '/__sim/';
const MAX_PROBE_BODY_BYTES = 64 * 1024;
class SimEndpoint {
    name;
    flavor;
    modelList;
    models;
    contextWindow;
    outputCap;
    listing;
    /** A reverse proxy's body limit in front of the chat route (nginx `client_max_body_size`). */
    proxyMaxBodyBytes;
    serverSlots;
    responder;
    stats = {
        requests: 0,
        chatRequests: 0,
        probeRequests: 0,
        inflight: 0,
        maxInflight: 0,
        waiting: 0,
        maxWaiting: 0,
        byOutcome: {},
    };
    mode;
    latencyMs;
    failRate;
    seed;
    port = 0;
    #host;
    #requestedPort;
    #control;
    #random;
    #completions = 0;
    #server;
    /** Servers stopped with a spare socket still open; finished off by `close()`. */
    #retired = new Set();
    #switching = Promise.resolve();
    #closed = false;
    /** The server's own slots (undefined: no queue, vLLM and hosted APIs batch). */
    #queue;
    #loads;
    constructor(spec, host, responder, control) {
        this.name = spec.name;
        this.flavor = spec.flavor ?? 'vllm';
        this.modelList = spec.models ?? ['sim-model'];
        this.models = new Set(this.modelList);
        this.contextWindow = spec.contextWindow;
        this.outputCap = spec.outputCap;
        this.listing = spec.listing;
        this.proxyMaxBodyBytes = spec.proxyMaxBodyBytes;
        this.serverSlots = spec.slots ?? defaultServerSlots(this.flavor);
        this.#queue = this.serverSlots !== undefined ? new ServerQueue(this.serverSlots, this.stats) : undefined;
        this.#loads = new ModelLoads(spec.loadedModels ?? this.modelList, spec.loadMs ?? 0);
        this.responder = responder;
        this.mode = spec.mode ?? 'ok';
        this.latencyMs = spec.latencyMs;
        this.failRate = spec.failRate ?? DEFAULT_FAIL_RATE;
        this.seed = spec.seed ?? DEFAULT_SEED;
        this.#random = createSeededRandom(this.seed);
        this.#host = host;
        this.#requestedPort = spec.port ?? 0;
        this.#control = control;
    }
    /** Listens (also in `refuse`, briefly, so that a picked port is known and kept for later), then applies the mode. */
    async start() {
        this.#server = await this.#listen(this.#requestedPort);
        this.port = this.#server.port;
        if (this.mode === 'refuse')
            await this.#stopListening();
    }
    drawRandom() {
        return this.#random();
    }
    isLoaded(model) {
        return this.#loads.isLoaded(model, Date.now());
    }
    markLoaded(model) {
        this.#loads.markLoaded(model);
    }
    get busySlots() {
        return this.#queue?.busy ?? Math.min(this.stats.inflight, this.serverSlots ?? Infinity);
    }
    /**
     * Runs `go` (the answer's delivery) once the server would start on the request: a free slot of its own,
     * then the model loaded. Both waits end with the response (a client that left frees its place).
     */
    serve(model, res, go) {
        const start = (release) => {
            res.once('close', release);
            const wait = this.#loads.waitFor(model, Date.now());
            if (wait <= 0) {
                go();
                return;
            }
            const timer = setTimeout(() => {
                if (!res.destroyed && !res.writableEnded)
                    go();
            }, wait);
            res.once('close', () => clearTimeout(timer));
        };
        if (this.#queue === undefined) {
            start(() => undefined);
            return;
        }
        const cancel = this.#queue.enter(start);
        res.once('close', cancel);
    }
    nextCompletionId() {
        this.#completions += 1;
        return `chatcmpl-sim-${this.name}-${this.#completions}`;
    }
    /** For `/metrics`: the requests in flight now, the chat requests so far. */
    load = () => ({
        inflight: this.stats.inflight - this.stats.waiting,
        waiting: this.stats.waiting,
        served: this.stats.chatRequests,
    });
    countOutcome(outcome) {
        this.stats.byOutcome[outcome] = (this.stats.byOutcome[outcome] ?? 0) + 1;
    }
    snapshot() {
        return { ...this.stats, byOutcome: { ...this.stats.byOutcome } };
    }
    resetStats() {
        const { stats } = this;
        stats.requests = 0;
        stats.chatRequests = 0;
        stats.probeRequests = 0;
        stats.maxInflight = stats.inflight;
        stats.maxWaiting = stats.waiting;
        stats.byOutcome = {};
    }
    /** Queued behind any switch in progress; resolves when the new mode is fully in force. */
    switchMode(change) {
        const result = this.#switching.then(() => this.#applyMode(change));
        this.#switching = result.catch(() => { });
        return result;
    }
    async close() {
        // Set first: a switch still queued must not re-listen behind close's back.
        this.#closed = true;
        await this.#switching;
        const servers = [...this.#retired];
        if (this.#server)
            servers.push(this.#server);
        this.#server = undefined;
        this.#retired.clear();
        await Promise.all(servers.map((server) => server.shutdown()));
    }
    async #applyMode({ mode, latencyMs, tuning, spare }) {
        if (this.#closed)
            throw new Error(`sim endpoint "${this.name}" is closed`);
        const wasRefusing = this.mode === 'refuse';
        this.mode = mode;
        this.latencyMs = latencyMs;
        if (tuning?.failRate !== undefined)
            this.failRate = tuning.failRate;
        if (tuning?.seed !== undefined)
            this.seed = tuning.seed;
        // Entering `flaky` restarts the sequence, so a drill that switches to it fails the same requests every time.
        if (mode === 'flaky')
            this.#random = createSeededRandom(this.seed);
        if (mode === 'refuse' && !wasRefusing)
            await this.#stopListening(spare);
        if (mode !== 'refuse' && wasRefusing) {
            try {
                this.#server = await this.#listen(this.port);
            }
            catch (error) {
                this.mode = 'refuse';
                throw error;
            }
        }
    }
    async #listen(port) {
        try {
            return await listenTracked(this.#handle, this.#host, port);
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new Error(`sim endpoint "${this.name}" cannot listen on ${this.#host}:${port}: ${reason}`, {
                cause: error,
            });
        }
    }
    async #stopListening(spare) {
        const server = this.#server;
        this.#server = undefined;
        if (!server)
            return;
        if (spare)
            this.#retired.add(server);
        await server.shutdown(spare);
    }
    #handle = (req, res) => {
        const path = pathOf(req.url);
        if (path.startsWith(CONTROL_PREFIX)) {
            this.#control(req, res, path);
            return;
        }
        if (this.mode === 'refuse') {
            // Arrived while the switch to `refuse` was under way: the server is going, so is this connection.
            res.destroy();
            return;
        }
        this.stats.requests += 1;
        if (this.mode === 'loading') {
            // llama.cpp's middleware answers every route alike before routing, /health included.
            this.countOutcome(path === '/v1/chat/completions' ? 'loading' : 'probe_loading');
            req.resume();
            sendJson(res, 503, LOADING_BODY);
            return;
        }
        if (path === '/v1/chat/completions' && req.method === 'POST') {
            serveChat(this, req, res);
            return;
        }
        const route = matchProbeRoute(this.flavor, req.method ?? 'GET', path);
        if (route === undefined) {
            this.countOutcome('route_not_found');
            const message = `no route ${req.method} ${path} on this ${this.flavor} server`;
            sendJson(res, 404, errorBody(message, 'invalid_request_error', 'not_found'));
            return;
        }
        this.stats.probeRequests += 1;
        this.#serveProbe(route, req, res);
    };
    #serveProbe(route, req, res) {
        const fault = modeBreaksProbes(this.mode) ? serverFault(this.mode) : undefined;
        if (fault) {
            this.countOutcome(`probe_${fault.outcome}`);
            // A hung server reads the request and says nothing; the socket goes when the client or close() ends it.
            if (fault.reply.kind === 'hang')
                req.resume();
            else if (fault.reply.kind === 'json')
                sendJson(res, fault.reply.status, fault.reply.body);
            return;
        }
        this.countOutcome('probe_ok');
        const query = queryOf(req.url);
        const send = (answer) => {
            // vLLM's /health is a 200 with no body at all.
            if (answer.body === '') {
                res.writeHead(answer.status, { 'content-length': 0 });
                res.end();
                return;
            }
            const type = answer.contentType;
            sendJson(res, answer.status, answer.body, type ? { 'content-type': type } : undefined);
        };
        if (!probeNeedsBody(route)) {
            send(answerProbe(route, this, '', query));
            return;
        }
        readBody(req, MAX_PROBE_BODY_BYTES, (raw) => {
            send(raw === undefined
                ? { status: 413, body: '{"error":"body too large"}' }
                : answerProbe(route, this, raw, query));
        });
    }
}

;// CONCATENATED MODULE: ./lib/sim/fleet-simulator.js









/** The default content: names who answered and echoes the question, so a test can see where a request went. */
const echoResponder = ({ endpoint, model, messages }) => {
    const lastUser = messages.findLast((message) => message.role === 'user')?.content ?? '';
    return `sim(${endpoint}/${model}): ${lastUser.slice(0, 60)}`;
};
async function startSimulator(options) {
    options.endpoints.forEach(checkSpec);
    const names = new Set();
    for (const { name } of options.endpoints) {
        if (names.has(name))
            throw new SimInputError(`duplicate sim endpoint name "${name}"`);
        names.add(name);
    }
    const fleet = new SimulatedFleet(options);
    await fleet.start();
    return fleet;
}
function checkNumber(value, what, min, max, integer = false) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        throw new SimInputError(`${what} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    if (integer && !Number.isInteger(value))
        throw new SimInputError(`${what} must be an integer, got ${value}`);
    return value;
}
function checkSpec(spec) {
    const { name } = spec;
    if (typeof name !== 'string' || name === '')
        throw new SimInputError('every sim endpoint needs a non-empty name');
    const where = `sim endpoint "${name}"`;
    checkNumber(spec.port, `${where}: port`, 0, 65_535, true);
    checkNumber(spec.latencyMs, `${where}: latencyMs`, 0, Number.MAX_SAFE_INTEGER);
    checkNumber(spec.contextWindow, `${where}: contextWindow`, 1, Number.MAX_SAFE_INTEGER, true);
    checkNumber(spec.failRate, `${where}: failRate`, 0, 1);
    checkNumber(spec.seed, `${where}: seed`, -(2 ** 53), 2 ** 53, true);
    checkNumber(spec.slots, `${where}: slots`, 1, 1024, true);
    checkNumber(spec.outputCap, `${where}: outputCap`, 1, Number.MAX_SAFE_INTEGER, true);
    checkNumber(spec.loadMs, `${where}: loadMs`, 0, Number.MAX_SAFE_INTEGER);
    if (spec.loadedModels !== undefined &&
        (!Array.isArray(spec.loadedModels) || spec.loadedModels.some((m) => typeof m !== 'string'))) {
        throw new SimInputError(`${where}: loadedModels must be a list of model names`);
    }
    if (spec.mode !== undefined && !isSimMode(spec.mode))
        throw new SimInputError(`${where}: ${unknownMode(spec.mode)}`);
    if (spec.flavor !== undefined && !isSimFlavor(spec.flavor)) {
        throw new SimInputError(`${where}: unknown flavor "${String(spec.flavor)}" (expected one of: ${SIM_FLAVORS.join(', ')})`);
    }
    if (spec.models !== undefined &&
        (spec.models.length === 0 || spec.models.some((m) => typeof m !== 'string' || !m))) {
        throw new SimInputError(`${where}: models must be a non-empty list of model names`);
    }
}
function unknownMode(mode) {
    return `unknown mode ${JSON.stringify(mode)} (expected one of: ${SIM_MODES.join(', ')})`;
}
function urlHost(host) {
    return host.includes(':') ? `[${host}]` : host;
}
class SimulatedFleet {
    endpoints = [];
    controlUrl = '';
    #host;
    #controlPort;
    #byName = new Map();
    #controlServer;
    #closing;
    #control = {
        applyModeChange: (input, spare) => this.#applyModeChange(input, spare),
        stats: () => this.stats(),
        resetStats: () => this.resetStats(),
    };
    #serveControl = (req, res, path) => serveControl(this.#control, req, res, path);
    constructor(options) {
        this.#host = options.host ?? '127.0.0.1';
        this.#controlPort = options.controlPort ?? 0;
        const responder = options.responder ?? echoResponder;
        for (const spec of options.endpoints) {
            this.#byName.set(spec.name, new SimEndpoint(spec, this.#host, responder, this.#serveControl));
        }
    }
    async start() {
        const onControlPort = (req, res) => {
            const path = pathOf(req.url);
            if (path.startsWith(CONTROL_PREFIX))
                this.#serveControl(req, res, path);
            else
                sendJson(res, 404, errorBody(`the control server serves only ${CONTROL_PREFIX}*`, 'invalid_request_error', 'not_found'));
        };
        const starting = [...this.#byName.values()].map((endpoint) => endpoint.start());
        const control = listenTracked(onControlPort, this.#host, this.#controlPort).then((server) => {
            this.#controlServer = server;
        });
        const results = await Promise.allSettled([...starting, control]);
        const failure = results.find((result) => result.status === 'rejected');
        if (failure) {
            // Whatever did start must not outlive the failed start.
            await this.close();
            throw failure.reason;
        }
        const host = urlHost(this.#host);
        this.endpoints = [...this.#byName.values()].map(({ name, port }) => ({
            name,
            port,
            url: `http://${host}:${port}/v1`,
            baseUrl: `http://${host}:${port}`,
        }));
        this.controlUrl = `http://${host}:${this.#controlServer.port}`;
    }
    async setMode(name, mode, latencyMs, tuning) {
        await this.#applyModeChange({ endpoint: name, mode, latencyMs, ...tuning });
    }
    async #applyModeChange(input, spare) {
        if (this.#closing)
            throw new Error('the simulator is closed');
        const { endpoint: name, mode } = input;
        const endpoint = typeof name === 'string' ? this.#byName.get(name) : undefined;
        if (!endpoint) {
            const known = [...this.#byName.keys()].join(', ');
            throw new SimInputError(`unknown endpoint ${JSON.stringify(name)} (known: ${known})`);
        }
        if (!isSimMode(mode))
            throw new SimInputError(unknownMode(mode));
        const latencyMs = checkNumber(input.latencyMs, 'latencyMs', 0, Number.MAX_SAFE_INTEGER);
        const failRate = checkNumber(input.failRate, 'failRate', 0, 1);
        const seed = checkNumber(input.seed, 'seed', -(2 ** 53), 2 ** 53, true);
        await endpoint.switchMode({ mode, latencyMs, tuning: { failRate, seed }, spare });
        return {
            endpoint: endpoint.name,
            mode: endpoint.mode,
            latencyMs: endpoint.latencyMs ?? null,
            failRate: endpoint.failRate,
            seed: endpoint.seed,
        };
    }
    stats() {
        const all = {};
        for (const [name, endpoint] of this.#byName)
            all[name] = endpoint.snapshot();
        return all;
    }
    resetStats() {
        for (const endpoint of this.#byName.values())
            endpoint.resetStats();
    }
    close() {
        this.#closing ??= (async () => {
            await Promise.all([
                ...[...this.#byName.values()].map((endpoint) => endpoint.close()),
                this.#controlServer?.shutdown(),
            ]);
            // libuv frees closed handles at the end of a loop turn; two turns later none of ours is left, so a caller
            // checking for leaked handles right after close() sees none.
            await (0,promises_.setImmediate)();
            await (0,promises_.setImmediate)();
        })();
        return this.#closing;
    }
}


/***/ }),

/***/ 60947:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jb: () => (/* binding */ realisticResponder)
/* harmony export */ });
/* unused harmony exports realisticStyle, JSON_STYLES, TEXT_STYLES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _agents_prompts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99281);
/* harmony import */ var _scripted_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65129);
/**
 * A "realistic" model for the simulator (`keel sim --responder realistic`, `keel demo`): the scripted
 * model's answers, dressed the way small local models and reasoning models actually answer — the styles of
 * keel's answer corpus (test/fixtures/answers/, issue 10 §14). So the demo and the drills take keel's lenient
 * paths (prose and fences around the answer, thinking, leaked end-of-turn tokens, JSON5-ish syntax, `./`
 * and `b/` paths, an echoed example, a self-correction, the answer only in the reasoning or in a tool call)
 * and its refusals (a reply cut at the limit → the next model; two options or a Markdown list → a correction
 * turn), not only the perfect one.
 *
 * Deterministic: the style depends on the endpoint, the role and the prompt, never on time or chance, so a
 * drill replays exactly; a fail-over to another endpoint usually meets another style. A correction turn is
 * always answered cleanly, as models mostly do once told what was wrong.
 */



const realisticResponder = (ctx) => {
    const answer = (0,_scripted_model_js__WEBPACK_IMPORTED_MODULE_2__/* .scriptedResponder */ .f)(ctx);
    const system = ctx.messages.find((message) => message.role === 'system')?.content ?? '';
    const role = Object.keys(_agents_prompts_js__WEBPACK_IMPORTED_MODULE_1__/* .ROLE_TAGS */ .by).find((name) => system.startsWith(_agents_prompts_js__WEBPACK_IMPORTED_MODULE_1__/* .ROLE_TAGS */ .by[name]));
    // Not keel's prompt, or a correction turn: the plain answer.
    if (role === undefined || ctx.messages.some((message) => message.role === 'assistant'))
        return answer;
    const prompt = ctx.messages.find((message) => message.role === 'user')?.content ?? '';
    const styles = role === 'coder' ? (isJson(answer) ? JSON_STYLES : TEXT_STYLES) : JSON_STYLES;
    const style = pick(styles, `${ctx.endpoint}\n${role}\n${prompt}`);
    return style.dress(answer, role) ?? answer;
};
/** The style a request gets: weighted, by a hash of who is asked what. */
function realisticStyle(endpoint, role, prompt, json) {
    const styles = role === 'coder' && !json ? TEXT_STYLES : JSON_STYLES;
    return pick(styles, `${endpoint}\n${role}\n${prompt}`).name;
}
function pick(styles, key) {
    const total = styles.reduce((sum, style) => sum + style.weight, 0);
    let at = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest().readUInt32BE(0) % total;
    for (const style of styles) {
        if (at < style.weight)
            return style;
        at -= style.weight;
    }
    return styles[0];
}
function isJson(answer) {
    return answer.trimStart().startsWith('{');
}
const EXAMPLES = {
    planner: _agents_prompts_js__WEBPACK_IMPORTED_MODULE_1__/* .PLANNER_SHAPE */ .vz,
    coder: _agents_prompts_js__WEBPACK_IMPORTED_MODULE_1__/* .CODER_SHAPE */ .Mp,
    reviewer: _agents_prompts_js__WEBPACK_IMPORTED_MODULE_1__/* .REVIEWER_SHAPE */ .k9,
};
/** Styles shared by every answer. */
const WRAPPINGS = [
    { name: 'clean', expect: 'use', weight: 6, dress: (a) => a },
    {
        name: 'prose',
        expect: 'use',
        weight: 2,
        dress: (a) => `Sure! Here is what you asked for.\n\n${a}\n\nLet me know if you need anything else.`,
    },
    {
        name: 'think',
        expect: 'use',
        weight: 2,
        dress: (a) => `<think>\nLet me read the task and the files first. The answer must follow the format.\n</think>\n\n${a}`,
    },
    {
        name: 'leaked-end-of-turn',
        expect: 'use',
        weight: 1,
        dress: (a) => `${a}<|im_end|>\n<|im_start|>user\nThanks! Anything else?<|im_end|>`,
    },
    { name: 'crlf', expect: 'use', weight: 1, dress: (a) => a.replace(/\n/g, '\r\n') },
    { name: 'bom', expect: 'use', weight: 1, dress: (a) => `\uFEFF${a}` },
    {
        name: 'reasoning-only',
        expect: 'use',
        weight: 1,
        dress: (a) => ({
            content: '',
            reasoning: `The answer has to follow the format of the system message.\n\n${a}`,
        }),
    },
    // Cut at the output limit before the answer ends: nothing to use, the next model is asked.
    {
        name: 'truncated',
        expect: 'fail_over',
        weight: 1,
        dress: (a) => ({ content: a.slice(0, Math.max(1, Math.floor(a.length / 2))), finishReason: 'length' }),
    },
];
/** JSON answers: the planner, the reviewer, and a coder asked for the JSON shape. */
const JSON_STYLES = [
    ...WRAPPINGS,
    {
        name: 'json-fence',
        expect: 'use',
        weight: 2,
        dress: (a) => `Here is the JSON:\n\n\`\`\`json\n${pretty(a)}\n\`\`\``,
    },
    {
        name: 'trailing-commas',
        expect: 'use',
        weight: 1,
        dress: (a) => pretty(a).replace(/\n(\s*)([}\]])/g, ',\n$1$2'),
    },
    {
        name: 'comments',
        expect: 'use',
        weight: 1,
        dress: (a) => pretty(a).replace(/^\{\n/, '{\n  // answered by a small local model\n'),
    },
    {
        name: 'unquoted-keys',
        expect: 'use',
        weight: 1,
        dress: (a) => pretty(a).replace(/^(\s*)"(\w+)":/gm, '$1$2:'),
    },
    {
        name: 'harmony-channels',
        expect: 'use',
        weight: 1,
        dress: (a) => `<|channel|>analysis<|message|>Need to answer in JSON.<|end|><|start|>assistant<|channel|>final<|message|>${a}<|return|>`,
    },
    {
        name: 'tool-call',
        expect: 'use',
        weight: 1,
        dress: (a) => ({ content: null, toolCalls: [{ name: 'submit', arguments: a }] }),
    },
    {
        name: 'echoed-example',
        expect: 'use',
        weight: 1,
        dress: (a, role) => `The answer looks like this:\n\n${EXAMPLES[role]}\n\nMy answer:\n\n${a}`,
    },
    {
        name: 'self-correction',
        expect: 'use',
        weight: 1,
        dress: (a) => {
            const draft = withDifferentValue(a);
            return draft === undefined ? undefined : `${draft}\n\nWait, that's not right. Corrected:\n\n${a}`;
        },
    },
    // A Markdown list where JSON was asked: refused, and the model asked again.
    { name: 'markdown-list', expect: 'ask_again', weight: 1, dress: (a) => markdownList(a) },
];
/** The coder's plain-text edit blocks. */
const TEXT_STYLES = [
    ...WRAPPINGS,
    {
        name: 'dot-slash-paths',
        expect: 'use',
        weight: 2,
        dress: (a) => a.replace(/^(FILE|EDIT|DELETE) (?!\.\/)/gm, '$1 ./'),
    },
    {
        name: 'diff-prefix-paths',
        expect: 'use',
        weight: 1,
        dress: (a) => a.replace(/^EDIT (?![ab]\/)/gm, 'EDIT b/'),
    },
    {
        name: 'heading-paths',
        expect: 'use',
        weight: 1,
        dress: (a) => a.replace(/^(?:FILE|EDIT) (.+)$/gm, '### $1'),
    },
    {
        name: 'commit-message-line',
        expect: 'use',
        weight: 1,
        dress: (a) => a.replace(/^COMMIT (.+)$/m, 'Commit message: $1'),
    },
    {
        name: 'echoed-example',
        expect: 'use',
        weight: 1,
        dress: (a) => `Following the format:\n\n${_agents_prompts_js__WEBPACK_IMPORTED_MODULE_1__/* .CODER_TEXT_EXAMPLE */ .vb}\n\nNow the actual change for this subtask:\n\n${a}`,
    },
    {
        name: 'self-correction',
        expect: 'use',
        weight: 1,
        dress: (a) => `${a.replace(/^COMMIT .+$/m, 'COMMIT wip')}\n\nWait, that commit message says nothing. Corrected:\n\n${a}`,
    },
    // Two complete answers and no word on which counts: the model is asked again.
    {
        name: 'two-options',
        expect: 'ask_again',
        weight: 1,
        dress: (a) => `Option 1:\n\n${a}\n\nOption 2, if you prefer:\n\n${a.replace(/^COMMIT (.+)$/m, 'COMMIT $1 (variant)')}`,
    },
];
function pretty(answer) {
    try {
        return JSON.stringify(JSON.parse(answer), null, 2);
    }
    catch {
        return answer;
    }
}
/** The same JSON with one value changed: the draft a self-correcting model withdraws. */
function withDifferentValue(answer) {
    try {
        const value = JSON.parse(answer);
        if (typeof value.confidence === 'number')
            return JSON.stringify({ ...value, confidence: 0.3 });
        if (typeof value.codeQuality === 'number')
            return JSON.stringify({ ...value, codeQuality: 10 });
        if (typeof value.commitMessage === 'string')
            return JSON.stringify({ ...value, commitMessage: 'wip' });
    }
    catch {
        return undefined;
    }
    return undefined;
}
/** A plan or a review as a Markdown list, the way chat-tuned models answer when they forget the format. */
function markdownList(answer) {
    try {
        const value = JSON.parse(answer);
        if (value.milestones) {
            const titles = value.milestones
                .flatMap((m) => m.subtasks ?? [])
                .map((s, i) => `${i + 1}. ${s.title ?? ''}`);
            return `Here's my plan:\n\n${titles.join('\n')}\n\nLet me know if this works!`;
        }
        if (typeof value.approved === 'boolean') {
            return value.approved
                ? 'LGTM! 🚀'
                : `I have concerns:\n\n${(value.comments ?? []).map((c) => `- ${c}`).join('\n')}`;
        }
    }
    catch {
        return undefined;
    }
    return undefined;
}


/***/ }),

/***/ 65129:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ scriptedResponder)
});

// UNUSED EXPORTS: taskSentences

// EXTERNAL MODULE: ./lib/agents/edit-format.js + 1 modules
var edit_format = __webpack_require__(60235);
// EXTERNAL MODULE: ./lib/agents/prompt-blocks.js
var prompt_blocks = __webpack_require__(18117);
// EXTERNAL MODULE: ./lib/agents/prompts.js
var prompts = __webpack_require__(99281);
// EXTERNAL MODULE: ./lib/agents/slug.js
var slug = __webpack_require__(85179);
// EXTERNAL MODULE: ./lib/sim/fleet-simulator.js + 18 modules
var fleet_simulator = __webpack_require__(59668);
;// CONCATENATED MODULE: ./lib/sim/scripted-code.js
/**
 * The scripted coder's files: small, deterministic, and valid for their kind, so that a demo's validation
 * (`node --check`, a test runner) passes on what the simulator wrote.
 *
 * - A new `.js`/`.mjs`/`.ts` file: an ES module exporting a function named after the subtask, the
 *   instructions as a comment. A `.cjs` file, or an existing file that uses `require`/`module.exports`, gets the
 *   CommonJS form.
 * - A new Markdown file: a heading and the instructions; any other new file: the instructions as text.
 * - An existing file shown whole: rewritten as its content plus the addition. An existing file shown truncated:
 *   a search/replace on its last shown line, so nothing the scripted model did not see is lost.
 * - Running the same subtask again over its own output changes nothing (the addition is already there).
 */
const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with yield let static implements interface package private protected public await arguments eval').split(' '));
/** `add-greeting-module` → `addGreetingModule`; never a reserved word, never starting with a digit. */
function functionName(id) {
    const name = id.replace(/-+([a-z0-9])/g, (_, char) => char.toUpperCase()).replace(/-/g, '');
    return name === '' || /^\d/.test(name) || RESERVED.has(name)
        ? `task${name.charAt(0).toUpperCase()}${name.slice(1)}`
        : name;
}
/** Line comments: JS treats \r, U+2028 and U+2029 as line ends too, which would end a comment early. */
function commentLines(text, prefix) {
    return text
        .split(/\r\n|[\n\r\u2028\u2029]/)
        .map((line) => `${prefix} ${line}`.trimEnd())
        .join('\n');
}
const SCRIPT = /\.(?:m?js|cjs|ts|jsx|tsx)$/;
function addition(path, subtask, commonJs) {
    const name = functionName(subtask.id);
    if (SCRIPT.test(path)) {
        const head = `${commentLines(subtask.instructions, '//')}\n`;
        return commonJs
            ? `${head}module.exports.${name} = function ${name}() {\n  return '${subtask.id}';\n};\n`
            : `${head}export function ${name}() {\n  return '${subtask.id}';\n}\n`;
    }
    if (path.endsWith('.md'))
        return `## ${subtask.title.replace(/[\r\n]+/g, ' ')}\n\n${subtask.instructions}\n`;
    return `${subtask.instructions}\n`;
}
function scriptedEdits(path, subtask, shown) {
    if (shown === undefined || shown.content.trim() === '') {
        const content = path.endsWith('.md')
            ? `# ${subtask.title.replace(/[\r\n]+/g, ' ')}\n\n${subtask.instructions}\n`
            : addition(path, subtask, path.endsWith('.cjs'));
        return { path, content };
    }
    const commonJs = path.endsWith('.cjs') || /\bmodule\.exports\b|\brequire\(/.test(shown.content);
    const extra = addition(path, subtask, commonJs);
    if (shown.content.includes(extra))
        return { path, content: shown.content };
    const base = shown.content.endsWith('\n') ? shown.content : `${shown.content}\n`;
    if (!shown.truncated)
        return { path, content: `${base}\n${extra}` };
    // Only the head of the file was shown: anchor on the last complete line that was.
    const lines = shown.content
        .split('\n')
        .slice(0, -2)
        .filter((line) => line.trim() !== '');
    const anchor = lines.at(-1) ?? shown.content.split('\n')[0];
    return { path, search: anchor, replace: `${anchor}\n\n${extra}` };
}

;// CONCATENATED MODULE: ./lib/sim/scripted-model.js
/**
 * A scripted "model" for the simulator: it recognises keel's planner, coder and reviewer prompts by the role
 * tag of their system message and answers in the asked format (the coder: edit blocks, or JSON when the
 * prompt asks for JSON) for any task, so that the demo, `keel sim` and the
 * end-to-end tests run the whole pipeline without a real model.
 *
 * Deterministic by construction: an answer depends only on the first user message of the conversation (the
 * prompt keel built), never on the endpoint, the model name, the correction turn of a retry or anything of
 * the run. Failover between endpoints therefore yields the same plan and the same files.
 *
 * Anything it does not recognise gets the echo responder's answer, which the simulator's own tests rely on.
 */






const MAX_SUBTASKS = 8;
const scriptedResponder = (ctx) => {
    const system = ctx.messages.find((message) => message.role === 'system')?.content ?? '';
    const prompt = ctx.messages.find((message) => message.role === 'user')?.content ?? '';
    if (system.startsWith(prompts/* ROLE_TAGS */.by.planner))
        return scriptedPlan((0,prompt_blocks/* readBlocks */.v_)(prompt));
    if (system.startsWith(prompts/* ROLE_TAGS */.by.coder)) {
        return scriptedCode((0,prompt_blocks/* readBlocks */.v_)(prompt), system.includes(prompts/* CODER_TEXT_EXAMPLE */.vb));
    }
    if (system.startsWith(prompts/* ROLE_TAGS */.by.reviewer))
        return scriptedReview((0,prompt_blocks/* readBlocks */.v_)(prompt));
    return (0,fleet_simulator/* echoResponder */.gC)(ctx);
};
function contentOf(blocks, name) {
    return blocks.find((found) => found.name === name)?.content ?? '';
}
// ---------------------------------------------------------------------------------------------------------
// Planner: one subtask per sentence or line of the task
// A path the sentence names: `README.md`, `src/x.js`, `docs/guide/intro.md` (not "e.g." or "v1.2").
const NAMED_PATH = /(?<![\w./-])((?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.(?:js|mjs|cjs|ts|jsx|tsx|json|md|txt|yml|yaml|css|html|py|sh))(?![\w/-])/g;
function taskSentences(task) {
    return task
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))
        .flatMap((line) => line.split(/[.;](?=\s|$)/))
        .map((sentence) => sentence.trim())
        .filter((sentence) => (0,slug/* slugify */.Yv)(sentence) !== '')
        .slice(0, MAX_SUBTASKS);
}
function scriptedPlan(blocks) {
    const sentences = taskSentences(contentOf(blocks, 'task'));
    const taken = new Set();
    const subtasks = (sentences.length > 0 ? sentences : ['Task']).map((sentence) => {
        const id = (0,slug/* uniqueSlug */.nD)([sentence], taken, 'task');
        const named = [...new Set([...sentence.matchAll(NAMED_PATH)].map((match) => match[1]))];
        return {
            id,
            title: sentence.slice(0, 200),
            files: named.length > 0 ? named : [`src/${id}.js`],
            instructions: sentence.slice(0, 8_000),
        };
    });
    return JSON.stringify({
        milestones: [{ id: 'main', title: 'Implement the task', subtasks }],
        confidence: 0.8,
    });
}
function readSubtask(blocks) {
    try {
        const value = JSON.parse(contentOf(blocks, 'subtask'));
        if (typeof value.id !== 'string' || typeof value.instructions !== 'string')
            return undefined;
        return {
            id: value.id,
            title: typeof value.title === 'string' ? value.title : value.id,
            files: Array.isArray(value.files) ? value.files.filter((f) => typeof f === 'string') : [],
            instructions: value.instructions,
        };
    }
    catch {
        return undefined;
    }
}
function scriptedCode(blocks, asksForText) {
    const subtask = readSubtask(blocks);
    if (!subtask)
        return 'I could not find the subtask in your message.';
    // The demo's subtask that fails: prose every time, which no retry or failover can fix.
    if (/\bimpossible\b/i.test(subtask.instructions)) {
        return `I am sorry, but I cannot implement "${subtask.title}": it is impossible as described.`;
    }
    const shown = new Map();
    for (const found of blocks) {
        if (found.name !== 'file' || found.attributes.path === undefined)
            continue;
        shown.set(found.attributes.path, {
            content: found.content,
            truncated: found.attributes.truncated === 'true',
        });
    }
    const paths = subtask.files.length > 0 ? subtask.files.slice(0, MAX_SUBTASKS) : [`src/${subtask.id}.js`];
    const edits = paths.map((path) => scriptedEdits(path, subtask, shown.get(path)));
    const commitMessage = `feat: ${subtask.title.replace(/[\r\n]+/g, ' ')}`.slice(0, 72);
    if (!asksForText)
        return JSON.stringify({ edits, commitMessage });
    // The format the prompt asks for by default: edit blocks, code never escaped into JSON.
    return (0,edit_format/* formatTextAnswer */.j)(edits.map((edit) => 'content' in edit
        ? { kind: 'write', path: edit.path, content: edit.content }
        : { kind: 'replace', path: edit.path, search: edit.search, replace: edit.replace }), commitMessage);
}
// ---------------------------------------------------------------------------------------------------------
// Reviewer: approves a non-empty diff whose validation passed
function scriptedReview(blocks) {
    const diff = contentOf(blocks, 'diff');
    const changed = diff
        .split('\n')
        .filter((line) => /^[+-]/.test(line) && !/^(?:\+\+\+|---)(?:\s|$)/.test(line)).length;
    const failed = blocks
        .filter((found) => found.name === 'validation' && found.attributes.result !== 'passed')
        .map((found) => found.attributes.command ?? 'a validation command');
    const blocking = [
        ...(diff.trim() === '' ? ['The diff is empty: nothing was implemented.'] : []),
        ...failed.map((command) => `Validation failed: ${command}`),
    ];
    const approved = blocking.length === 0;
    return JSON.stringify({
        approved,
        // Smaller changes are easier to trust; a fixed function of the diff keeps reruns identical.
        codeQuality: approved ? Math.max(60, 95 - Math.floor(changed / 25)) : 40,
        comments: [`Reviewed ${changed} changed line${changed === 1 ? '' : 's'}.`],
        blocking,
    });
}


/***/ })

};
