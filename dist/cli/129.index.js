export const id = 129;
export const ids = [129];
export const modules = {

/***/ 6417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kQ: () => (/* reexport */ SIM_FLAVORS),
  n8: () => (/* reexport */ SIM_MODES),
  gC: () => (/* binding */ echoResponder),
  MJ: () => (/* reexport */ isSimFlavor),
  d7: () => (/* reexport */ isSimMode),
  rs: () => (/* binding */ startSimulator)
});

// UNUSED EXPORTS: MODEL_MAX_CONTEXT, SimInputError

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./lib/sim/http-util.js
/** The path without the query string; cheaper than `new URL` on the hot path. */
function pathOf(url) {
    if (url === undefined)
        return '/';
    const query = url.indexOf('?');
    return query === -1 ? url : url.slice(0, query);
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
];
const SIM_FLAVORS = ['openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama'];
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
    return mode === 'refuse' || mode === 'hang' || mode === 'e500' || mode === 'auth';
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
};
/** The answer of a server-wide fault (`hang`, `auth`, `e500`, `e429`); undefined for the other modes. */
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
    let promptChars = 0;
    for (const message of body.messages) {
        if (typeof message !== 'object' || message === null)
            return 'each message must be an object';
        const { role, content } = message;
        const text = textOf(content);
        promptChars += text.length;
        messages.push({ role: typeof role === 'string' ? role : '', content: text });
    }
    const limit = body.max_tokens ?? body.max_completion_tokens;
    const maxTokens = typeof limit === 'number' && Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : undefined;
    return { model: body.model, messages, promptChars, maxTokens, stream: body.stream === true };
}
function contextExceeded(window, promptTokens, maxTokens) {
    const requested = promptTokens + (maxTokens ?? 0);
    const message = `This model's maximum context length is ${window} tokens. However, you requested ${requested} tokens ` +
        `(${promptTokens} in the messages, ${maxTokens ?? 0} in the completion). ` +
        'Please reduce the length of the messages or completion.';
    return jsonReply('ctxlen', 400, errorBody(message, 'invalid_request_error', 'context_length_exceeded'));
}
function planChat(subject, mode, raw) {
    const fault = serverFault(mode);
    if (fault)
        return fault;
    const parsed = parseChat(raw);
    if (typeof parsed === 'string')
        return chat_plan_badRequest(parsed);
    const { model, messages, maxTokens, stream } = parsed;
    if (!subject.models.has(model)) {
        return jsonReply('model_not_found', 404, errorBody(`model '${model}' not found`, 'invalid_request_error', 'model_not_found'));
    }
    const promptTokens = tokensForChars(parsed.promptChars);
    const window = subject.contextWindow;
    if (window !== undefined && promptTokens + (maxTokens ?? 0) > window) {
        return contextExceeded(window, promptTokens, maxTokens);
    }
    if (mode === 'ctxlen') {
        // Forced without a configured window: claim a window just below the request, so the message stays coherent.
        return contextExceeded(Math.max(0, promptTokens + (maxTokens ?? 0) - 1), promptTokens, maxTokens);
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
    return { outcome: mode === 'flaky' ? 'ok' : mode, reply: answer(mode, completion, stream) };
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
        const plan = planChat(endpoint, mode, raw);
        endpoint.countOutcome(plan.outcome);
        deliver(plan.reply, res, exchange, latencyMs);
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

;// CONCATENATED MODULE: ./lib/sim/probe-routes.js
const MODEL_MAX_CONTEXT = 32_768;
/** A fixed creation time keeps every probe answer byte-for-byte reproducible. */
const CREATED = 1_700_000_000;
const MODIFIED_AT = '2024-01-01T00:00:00Z';
const FLAVOR_ROUTES = {
    openai: new Map([['GET /v1/models', 'v1_models']]),
    vllm: new Map([['GET /v1/models', 'v1_models']]),
    llamacpp: new Map([
        ['GET /v1/models', 'v1_models'],
        ['GET /props', 'llamacpp_props'],
        ['GET /health', 'llamacpp_health'],
    ]),
    lmstudio: new Map([
        ['GET /v1/models', 'v1_models'],
        ['GET /api/v0/models', 'lmstudio_models'],
    ]),
    ollama: new Map([
        ['GET /v1/models', 'v1_models'],
        ['GET /api/tags', 'ollama_tags'],
        ['POST /api/show', 'ollama_show'],
    ]),
};
function matchProbeRoute(flavor, method, path) {
    return FLAVOR_ROUTES[flavor].get(`${method} ${path}`);
}
/** Routes that read a request body before answering. */
function probeNeedsBody(route) {
    return route === 'ollama_show';
}
function modelMaximum(subject) {
    return Math.max(MODEL_MAX_CONTEXT, subject.contextWindow ?? 0);
}
function servedWindow(subject) {
    return subject.contextWindow ?? modelMaximum(subject);
}
const OWNED_BY = {
    openai: 'system',
    vllm: 'vllm',
    llamacpp: 'llamacpp',
    lmstudio: 'organization_owner',
    ollama: 'library',
};
function openAiModels(subject) {
    const data = subject.modelList.map((id) => {
        const base = { id, object: 'model', created: CREATED, owned_by: OWNED_BY[subject.flavor] };
        if (subject.flavor === 'vllm')
            return { ...base, root: id, parent: null, max_model_len: servedWindow(subject) };
        if (subject.flavor === 'llamacpp')
            return { ...base, meta: { n_ctx_train: modelMaximum(subject) } };
        return base;
    });
    return { object: 'list', data };
}
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
/** Ollama pads parameter names into a column; a parser that splits on one space would fail on the real thing. */
function ollamaParameters(subject) {
    const lines = [];
    // A configured window stands for a Modelfile's `PARAMETER num_ctx`, which real Ollama lists here.
    if (subject.contextWindow !== undefined) {
        lines.push(['num_ctx', String(subject.contextWindow)]);
    }
    lines.push(['stop', '"<|eot_id|>"']);
    return lines.map(([key, value]) => `${key.padEnd(30)} ${value}`).join('\n');
}
function ollamaShow(subject, rawBody) {
    let request = {};
    try {
        request = JSON.parse(rawBody);
    }
    catch {
        return { status: 400, body: JSON.stringify({ error: 'invalid JSON body' }) };
    }
    const name = request?.model ?? request?.name;
    if (typeof name !== 'string' || name === '') {
        return { status: 400, body: JSON.stringify({ error: 'model is required' }) };
    }
    const model = findOllamaModel(subject, name);
    if (model === undefined)
        return { status: 404, body: JSON.stringify({ error: `model '${name}' not found` }) };
    const show = {
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
    };
    return { status: 200, body: JSON.stringify(show) };
}
function answerProbe(route, subject, rawBody = '') {
    const ok = (value) => ({ status: 200, body: JSON.stringify(value) });
    const firstModel = subject.modelList[0] ?? 'sim-model';
    switch (route) {
        case 'v1_models':
            return ok(openAiModels(subject));
        case 'llamacpp_props':
            // llama.cpp serves one model: the first listed.
            return ok({
                default_generation_settings: { n_ctx: servedWindow(subject), model: firstModel },
                total_slots: 1,
                model_path: `/models/${firstModel}.gguf`,
            });
        case 'llamacpp_health':
            return ok({ status: 'ok' });
        case 'lmstudio_models':
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
                    state: 'loaded',
                    max_context_length: modelMaximum(subject),
                    loaded_context_length: servedWindow(subject),
                })),
            });
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
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
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
    responder;
    stats = {
        requests: 0,
        chatRequests: 0,
        probeRequests: 0,
        inflight: 0,
        maxInflight: 0,
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
    constructor(spec, host, responder, control) {
        this.name = spec.name;
        this.flavor = spec.flavor ?? 'vllm';
        this.modelList = spec.models ?? ['sim-model'];
        this.models = new Set(this.modelList);
        this.contextWindow = spec.contextWindow;
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
    nextCompletionId() {
        this.#completions += 1;
        return `chatcmpl-sim-${this.name}-${this.#completions}`;
    }
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
        if (!probeNeedsBody(route)) {
            const answer = answerProbe(route, this);
            sendJson(res, answer.status, answer.body);
            return;
        }
        readBody(req, MAX_PROBE_BODY_BYTES, (raw) => {
            const answer = raw === undefined
                ? { status: 413, body: '{"error":"body too large"}' }
                : answerProbe(route, this, raw);
            sendJson(res, answer.status, answer.body);
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

/***/ 5129:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ scriptedResponder)
});

// UNUSED EXPORTS: taskSentences

// EXTERNAL MODULE: ./lib/agents/prompts.js
var prompts = __webpack_require__(9281);
// EXTERNAL MODULE: ./lib/agents/slug.js
var slug = __webpack_require__(5179);
// EXTERNAL MODULE: ./lib/sim/fleet-simulator.js + 10 modules
var fleet_simulator = __webpack_require__(6417);
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
 * tag of their system message and answers valid JSON for any task, so that the demo, `keel sim` and the
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
        return scriptedPlan((0,prompts/* readBlocks */.v_)(prompt));
    if (system.startsWith(prompts/* ROLE_TAGS */.by.coder))
        return scriptedCode((0,prompts/* readBlocks */.v_)(prompt));
    if (system.startsWith(prompts/* ROLE_TAGS */.by.reviewer))
        return scriptedReview((0,prompts/* readBlocks */.v_)(prompt));
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
function scriptedCode(blocks) {
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
    return JSON.stringify({
        edits: paths.map((path) => scriptedEdits(path, subtask, shown.get(path))),
        commitMessage: `feat: ${subtask.title}`.slice(0, 72),
    });
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
