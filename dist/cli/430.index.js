export const id = 430;
export const ids = [430];
export const modules = {

/***/ 4764:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sm: () => (/* binding */ saneWindow),
/* harmony export */   TM: () => (/* binding */ parseModelListing),
/* harmony export */   _A: () => (/* binding */ discoverOllama),
/* harmony export */   aW: () => (/* binding */ discoverLlamaCpp),
/* harmony export */   oT: () => (/* binding */ MAX_MODELS_PER_ENDPOINT),
/* harmony export */   op: () => (/* binding */ modelIdSchema),
/* harmony export */   p1: () => (/* binding */ discoverLmStudio)
/* harmony export */ });
/* unused harmony exports SERVER_DEFAULT_CONTEXT, ollamaWindowFromShow */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _probe_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2247);
/**
 * Context-window discovery: asks each kind of server, in its own dialect, how many tokens a model really
 * gets. The OpenAI `/v1/models` listing says nothing about it, and a window guessed too large makes the
 * server reject (or silently truncate) prompts, while one guessed too small wastes the model.
 *
 * Every answer is untrusted: shapes are checked with zod, entries that do not fit are dropped one by one
 * (never the whole answer), and windows outside (0, 10,000,000] are ignored.
 */


/** Upper bound on the models one server may list; a longer list is cut, not rejected. */
const MAX_MODELS_PER_ENDPOINT = 500;
/** Ollama needs one `/api/show` per model: at most this many per scan, this many at a time. */
const MAX_OLLAMA_SHOWS = 64;
const OLLAMA_SHOW_CONCURRENCY = 4;
const windowSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().max(10_000_000);
/** A model name as a server reports it. `__proto__` is refused: names become keys of plain objects. */
const modelIdSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .min(1)
    .max(512)
    .refine((id) => id !== '__proto__', 'reserved name');
/** A window value if it is a sane token count, else undefined. */
function saneWindow(value) {
    const parsed = windowSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
}
// ---- OpenAI-style listing (`GET {url}/models`): every flavor has it; vLLM puts `max_model_len` in it. ----
const listingEntrySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: modelIdSchema,
    max_model_len: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
    // OpenRouter and a few other gateways publish the window in the listing under this name.
    context_length: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
});
const listingSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).nullable() });
/** Parses an OpenAI `/models` answer; undefined when it is not a list (so not a healthy answer either). */
function parseModelListing(body) {
    const parsed = listingSchema.safeParse(body);
    if (!parsed.success)
        return undefined;
    const listing = { models: [], vllmWindows: {}, gatewayWindows: {} };
    for (const raw of (parsed.data.data ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
        const entry = listingEntrySchema.safeParse(raw);
        if (!entry.success)
            continue;
        const { id } = entry.data;
        if (listing.models.includes(id))
            continue;
        listing.models.push(id);
        const vllm = saneWindow(entry.data.max_model_len);
        if (vllm !== undefined)
            listing.vllmWindows[id] = vllm;
        const gateway = saneWindow(entry.data.context_length);
        if (gateway !== undefined)
            listing.gatewayWindows[id] = gateway;
    }
    return listing;
}
// ---- LM Studio: `GET {root}/api/v0/models`. ----
const lmStudioEntrySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: modelIdSchema,
    state: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    max_context_length: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
    loaded_context_length: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
});
const lmStudioSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()) });
async function discoverLmStudio(url, http) {
    const answer = await (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .requestJson */ .SS)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .joinUrl */ .we)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .serverRoot */ .CP)(url), '/api/v0/models'), http);
    if (!answer.ok)
        return notThisFlavorOr(answer);
    const parsed = lmStudioSchema.safeParse(answer.body);
    if (!parsed.success)
        return { kind: 'absent' };
    const discovery = { flavor: 'lmstudio', models: [], contextWindows: {} };
    for (const raw of parsed.data.data.slice(0, MAX_MODELS_PER_ENDPOINT)) {
        const entry = lmStudioEntrySchema.safeParse(raw);
        if (!entry.success)
            continue;
        const { id, state } = entry.data;
        if (!discovery.models.includes(id))
            discovery.models.push(id);
        // A loaded model runs with the length it was loaded with, which is usually far below its maximum. One
        // that is not loaded yet will be loaded on demand with LM Studio's default length, not its maximum.
        const loaded = state === 'loaded' ? saneWindow(entry.data.loaded_context_length) : undefined;
        const window = loaded ?? capAtServerDefault(saneWindow(entry.data.max_context_length));
        if (window !== undefined)
            discovery.contextWindows[id] = window;
    }
    return { kind: 'found', discovery };
}
// ---- llama.cpp server: `GET {root}/props`. ----
const llamaPropsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    default_generation_settings: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ n_ctx: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional() }).optional(),
    n_ctx: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
    model_alias: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    model_path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
/**
 * `served` are the names `/models` lists (usually one: the alias or the file path); the window is recorded
 * for each of them and as the server-wide window.
 */
async function discoverLlamaCpp(url, http, served) {
    const answer = await (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .requestJson */ .SS)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .joinUrl */ .we)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .serverRoot */ .CP)(url), '/props'), http);
    if (!answer.ok)
        return notThisFlavorOr(answer);
    const parsed = llamaPropsSchema.safeParse(answer.body);
    if (!parsed.success)
        return { kind: 'absent' };
    const props = parsed.data;
    const window = saneWindow(props.default_generation_settings?.n_ctx) ?? saneWindow(props.n_ctx);
    // LM Studio and others answer unknown paths with 200 and an error object: no n_ctx, not llama.cpp.
    if (window === undefined)
        return { kind: 'absent' };
    const models = [...served];
    const ownName = props.model_alias ?? props.model_path;
    if (models.length === 0 && ownName && modelIdSchema.safeParse(ownName).success)
        models.push(ownName);
    const contextWindows = Object.fromEntries(models.map((model) => [model, window]));
    return { kind: 'found', discovery: { flavor: 'llamacpp', models, contextWindows, serverWindow: window } };
}
// ---- Ollama: `GET {root}/api/tags`, then `POST {root}/api/show { model }` per model. ----
const ollamaTagsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ models: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).nullable() });
const ollamaTagSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: modelIdSchema.optional(), model: modelIdSchema.optional() });
const ollamaShowSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    parameters: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .max(64 * 1024)
        .optional(),
    model_info: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).optional(),
});
async function discoverOllama(url, http) {
    const root = (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .serverRoot */ .CP)(url);
    const tags = await (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .requestJson */ .SS)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .joinUrl */ .we)(root, '/api/tags'), http);
    if (!tags.ok)
        return notThisFlavorOr(tags);
    const parsed = ollamaTagsSchema.safeParse(tags.body);
    if (!parsed.success)
        return { kind: 'absent' };
    const models = [];
    for (const raw of (parsed.data.models ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
        const tag = ollamaTagSchema.safeParse(raw);
        const name = tag.success ? (tag.data.name ?? tag.data.model) : undefined;
        if (name !== undefined && !models.includes(name))
            models.push(name);
    }
    const contextWindows = {};
    const queue = models.slice(0, MAX_OLLAMA_SHOWS);
    const worker = async () => {
        for (let model = queue.shift(); model !== undefined; model = queue.shift()) {
            const window = await ollamaWindow(root, model, http);
            if (window !== undefined)
                contextWindows[model] = window;
        }
    };
    await Promise.all(Array.from({ length: OLLAMA_SHOW_CONCURRENCY }, worker));
    return { kind: 'found', discovery: { flavor: 'ollama', models, contextWindows } };
}
async function ollamaWindow(root, model, http) {
    const answer = await (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .requestJson */ .SS)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_0__/* .joinUrl */ .we)(root, '/api/show'), http, { method: 'POST', body: { model } });
    if (!answer.ok)
        return undefined;
    const show = ollamaShowSchema.safeParse(answer.body);
    return show.success ? ollamaWindowFromShow(show.data) : undefined;
}
/**
 * Ollama and LM Studio run a model whose context length nobody set with their default (4096 tokens in
 * current versions), not with the length it was trained for, and Ollama then cuts long prompts *silently*.
 * An overestimate there is worse than an underestimate, so such windows are capped at the default; a
 * user who raised it on the server says so with `contextWindow` in the config.
 */
const SERVER_DEFAULT_CONTEXT = 4096;
function capAtServerDefault(window) {
    return window === undefined ? undefined : Math.min(window, SERVER_DEFAULT_CONTEXT);
}
/**
 * `num_ctx` in the model's parameters is what the server really allocates; without it the server default
 * applies (the architecture's `context_length` only bounds it from above).
 */
function ollamaWindowFromShow(show) {
    const numCtx = /^\s*num_ctx\s+(\d{1,9})\s*$/m.exec(show.parameters ?? '')?.[1];
    const fromParameters = numCtx === undefined ? undefined : saneWindow(Number(numCtx));
    if (fromParameters !== undefined)
        return fromParameters;
    return capAtServerDefault(trainedContextLength(show.model_info ?? {}));
}
function trainedContextLength(info) {
    const arch = info['general.architecture'];
    if (typeof arch === 'string') {
        const own = saneWindow(info[`${arch}.context_length`]);
        if (own !== undefined)
            return own;
    }
    for (const [key, value] of Object.entries(info)) {
        if (!key.endsWith('.context_length'))
            continue;
        const window = saneWindow(value);
        if (window !== undefined)
            return window;
    }
    return undefined;
}
/** A status answer (404, 405, 501 …) means "not this flavor"; no answer at all is a real failure. */
function notThisFlavorOr(answer) {
    return answer.status === undefined ? { kind: 'failed', error: answer.error } : { kind: 'absent' };
}


/***/ }),

/***/ 2620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ HEALTH_BOOK_SNAPSHOT_VERSION),
/* harmony export */   w: () => (/* binding */ FleetHealthBook)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _context_discovery_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4764);
/**
 * The router's memory of what the probes saw: the latest health probe and capability scan per endpoint,
 * with wall-clock timestamps, so that it can be saved with the fleet state and trusted after a restart
 * only as long as it is fresh.
 */


const HEALTH_BOOK_SNAPSHOT_VERSION = 1;
class FleetHealthBook {
    #staleAfterMs;
    #probes = new Map();
    #scans = new Map();
    constructor(options) {
        this.#staleAfterMs = options.staleAfterMs;
    }
    /** Keeps the newer of the stored and the given probe: parallel rounds may finish out of order. */
    record(probe) {
        const current = this.#probes.get(probe.endpointId);
        if (current && current.checkedAt > probe.checkedAt)
            return;
        this.#probes.set(probe.endpointId, { ...probe, models: [...probe.models] });
    }
    /**
     * Keeps the newer scan, except that a failed scan that found nothing does not erase windows found
     * earlier: a server that is down for a minute still has the same window when it comes back.
     */
    recordScan(scan) {
        const current = this.#scans.get(scan.endpointId);
        if (current && current.checkedAt > scan.checkedAt)
            return;
        const foundNothing = Object.keys(scan.contextWindows).length === 0 && scan.serverWindow === undefined;
        if (current && scan.error !== undefined && foundNothing) {
            this.#scans.set(scan.endpointId, { ...current, error: scan.error });
            return;
        }
        this.#scans.set(scan.endpointId, {
            ...scan,
            models: [...scan.models],
            contextWindows: { ...scan.contextWindows },
        });
    }
    /** `unknown` when never probed, when the probe is older than `staleAfterMs`, or stamped in the future. */
    health(endpointId, now) {
        const probe = this.#probes.get(endpointId);
        if (!probe)
            return 'unknown';
        const age = now - probe.checkedAt;
        // A negative age means a snapshot from a machine whose clock ran ahead: nothing to trust in it.
        if (age < 0 || age > this.#staleAfterMs)
            return 'unknown';
        return probe.healthy ? 'healthy' : 'unhealthy';
    }
    /** The configured window wins: the user may know better (a proxy in front, a deliberately lower limit). */
    contextWindow(endpoint, model) {
        if (endpoint.contextWindow !== undefined)
            return endpoint.contextWindow;
        const scan = this.#scans.get(endpoint.id);
        if (!scan)
            return undefined;
        const windows = scan.contextWindows;
        if (Object.hasOwn(windows, model))
            return windows[model];
        // Ollama serves "qwen2.5-coder" as "qwen2.5-coder:latest".
        const tagged = `${model}:latest`;
        if (!model.includes(':') && Object.hasOwn(windows, tagged))
            return windows[tagged];
        return scan.serverWindow;
    }
    latestProbe(endpointId) {
        return this.#probes.get(endpointId);
    }
    latestScan(endpointId) {
        return this.#scans.get(endpointId);
    }
    /** Plain JSON (wall-clock timestamps) for the fleet-state file and the checkpoint. */
    snapshot() {
        return structuredClone({
            version: HEALTH_BOOK_SNAPSHOT_VERSION,
            probes: [...this.#probes.values()],
            scans: [...this.#scans.values()],
        });
    }
    /**
     * Merges a snapshot in, entry by entry: malformed entries (an older or newer version, a hand-edited or
     * truncated file) are dropped, never thrown about, and an entry never replaces a newer one.
     * Returns how many entries were taken.
     */
    restore(snapshot) {
        const envelope = envelopeSchema.safeParse(snapshot);
        if (!envelope.success)
            return 0;
        let taken = 0;
        for (const raw of envelope.data.probes ?? []) {
            const probe = storedProbeSchema.safeParse(raw);
            if (!probe.success)
                continue;
            const { error, ...rest } = probe.data;
            this.record(error !== undefined ? { ...rest, error } : rest);
            taken += 1;
        }
        for (const raw of envelope.data.scans ?? []) {
            const scan = storedScanSchema.safeParse(raw);
            if (!scan.success)
                continue;
            this.recordScan(normaliseScan(scan.data));
            taken += 1;
        }
        return taken;
    }
}
const MAX_RESTORED_ENTRIES = 1024;
const endpointIdSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(64);
const timestampSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const modelsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .modelIdSchema */ .op).max(_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_MODELS_PER_ENDPOINT */ .oT);
const errorSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .optional()
    .transform((error) => error?.slice(0, 200));
const envelopeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(HEALTH_BOOK_SNAPSHOT_VERSION),
    probes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).max(MAX_RESTORED_ENTRIES).optional(),
    scans: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).max(MAX_RESTORED_ENTRIES).optional(),
});
const storedProbeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    endpointId: endpointIdSchema,
    healthy: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    latencyMs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().max(86_400_000),
    models: modelsSchema,
    checkedAt: timestampSchema,
    error: errorSchema,
});
const storedScanSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    endpointId: endpointIdSchema,
    flavor: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama']),
    models: modelsSchema,
    contextWindows: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .modelIdSchema */ .op, zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()),
    serverWindow: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
    checkedAt: timestampSchema,
    error: errorSchema,
});
/** Drops windows that are not sane token counts, and optional fields that are absent. */
function normaliseScan(scan) {
    const contextWindows = {};
    for (const [model, value] of Object.entries(scan.contextWindows).slice(0, _context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_MODELS_PER_ENDPOINT */ .oT)) {
        const window = (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .saneWindow */ .Sm)(value);
        if (window !== undefined)
            contextWindows[model] = window;
    }
    const serverWindow = (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .saneWindow */ .Sm)(scan.serverWindow);
    return {
        endpointId: scan.endpointId,
        flavor: scan.flavor,
        models: scan.models,
        contextWindows,
        ...(serverWindow !== undefined ? { serverWindow } : {}),
        checkedAt: scan.checkedAt,
        ...(scan.error !== undefined ? { error: scan.error } : {}),
    };
}


/***/ }),

/***/ 2247:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ serverRoot),
/* harmony export */   SS: () => (/* binding */ requestJson),
/* harmony export */   UQ: () => (/* binding */ DEFAULT_PROBE_MAX_BYTES),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   we: () => (/* binding */ joinUrl)
/* harmony export */ });
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3516);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4743);
/**
 * The one HTTP primitive the probes use: a JSON request bounded in time (through the injected `Clock`, so
 * fake timers drive it) and in size, whose failures come back as short, redacted text instead of throwing.
 * A probe talks to servers that may be half-dead, misconfigured or not what the config claims; none of that
 * is exceptional here.
 */


/** Probe answers are small JSON documents; anything bigger than this is not a model listing. */
const DEFAULT_PROBE_MAX_BYTES = 2 * 1024 * 1024;
const MAX_ERROR_CHARS = 160;
class ProbeTimeout extends Error {
    name = 'ProbeTimeout';
}
/**
 * `GET`s (or `POST`s `body` as JSON to) `url` and parses the answer as JSON. A non-2xx status is a failure
 * that keeps its status, so callers can tell "not this flavor" (404) from "broken".
 */
async function requestJson(url, deps, init = {}) {
    const controller = new AbortController();
    const stopTimer = new AbortController();
    const onOuterAbort = () => controller.abort(deps.signal ? (0,_base_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .abortReason */ .J)(deps.signal) : undefined);
    if (deps.signal?.aborted)
        return { ok: false, error: 'aborted' };
    deps.signal?.addEventListener('abort', onOuterAbort, { once: true });
    // The timer covers the whole exchange, body included: a server that sends headers and then trickles
    // the body must not hold a probe round open.
    deps.clock.sleep(deps.timeoutMs, stopTimer.signal).then(() => controller.abort(new ProbeTimeout(`timed out after ${deps.timeoutMs} ms`)), () => undefined);
    try {
        const headers = { accept: 'application/json' };
        if (deps.apiKey)
            headers.authorization = `Bearer ${deps.apiKey}`;
        if (init.body !== undefined)
            headers['content-type'] = 'application/json';
        const response = await raceAbort(deps.fetch(url, {
            method: init.method ?? 'GET',
            headers,
            body: init.body === undefined ? undefined : JSON.stringify(init.body),
            signal: controller.signal,
            // A redirect could carry the Authorization header somewhere else; a probe has no reason to follow one.
            redirect: 'manual',
        }), controller.signal);
        if (response.status < 200 || response.status >= 300) {
            await response.body?.cancel().catch(() => undefined);
            return { ok: false, status: response.status, error: `HTTP ${response.status}` };
        }
        const text = await readBounded(response, deps.maxBytes, controller.signal);
        if (text === undefined) {
            return { ok: false, status: response.status, error: `response larger than ${deps.maxBytes} bytes` };
        }
        try {
            return { ok: true, status: response.status, body: JSON.parse(text) };
        }
        catch {
            return { ok: false, status: response.status, error: 'response is not JSON' };
        }
    }
    catch (error) {
        const reason = controller.signal.aborted ? controller.signal.reason : error;
        const timedOut = reason instanceof ProbeTimeout;
        return {
            ok: false,
            error: truncate((0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(describeError(reason), deps.apiKey ? [deps.apiKey] : [])),
            ...(timedOut ? { timedOut } : {}),
        };
    }
    finally {
        stopTimer.abort();
        deps.signal?.removeEventListener('abort', onOuterAbort);
    }
}
/** Reads the body as UTF-8, giving up (undefined) once it passes `maxBytes`. */
async function readBounded(response, maxBytes, signal) {
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return undefined;
    }
    if (!response.body)
        return '';
    // Node types the body loosely; a fetch body is bytes.
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let received = 0;
    let text = '';
    for (;;) {
        let chunk;
        try {
            chunk = await raceAbort(reader.read(), signal);
        }
        catch (error) {
            await reader.cancel().catch(() => undefined);
            throw error;
        }
        const { done, value } = chunk;
        if (done || !value)
            return text + decoder.decode();
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
function raceAbort(work, signal) {
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}
/** Short text for a failed fetch: undici hides the useful part (`ECONNREFUSED`, `ENOTFOUND`) in `cause`. */
function describeError(error) {
    if (error instanceof ProbeTimeout)
        return error.message;
    if (error instanceof Error) {
        if (error.name === 'AbortError')
            return 'aborted';
        const cause = error.cause;
        if (cause instanceof Error) {
            const code = cause.code;
            return truncate(typeof code === 'string' ? `${code}: ${cause.message}` : cause.message);
        }
        return truncate(error.message);
    }
    return truncate(String(error));
}
function truncate(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > MAX_ERROR_CHARS ? `${oneLine.slice(0, MAX_ERROR_CHARS - 1)}…` : oneLine;
}
/** The server root: the OpenAI base URL without its trailing `/v1` (where `/props`, `/api/*` live). */
function serverRoot(url) {
    return url.replace(/\/+$/, '').replace(/\/v1$/i, '');
}
/** Joins a base URL and a path without doubling or dropping the slash. */
function joinUrl(base, path) {
    return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}


/***/ }),

/***/ 7430:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ce: () => (/* binding */ scanCapabilities),
/* harmony export */   iF: () => (/* binding */ checkReady),
/* harmony export */   uU: () => (/* binding */ shouldSkipEndpoint),
/* harmony export */   v_: () => (/* binding */ probeHealth),
/* harmony export */   wD: () => (/* reexport safe */ _health_book_js__WEBPACK_IMPORTED_MODULE_3__.w)
/* harmony export */ });
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4743);
/* harmony import */ var _context_discovery_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4764);
/* harmony import */ var _probe_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2247);
/* harmony import */ var _health_book_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2620);
/**
 * Endpoint probes: a cheap health probe (is it up, what does it serve, how fast does it answer) and a
 * slower capability scan (which server software, what context window each model really has). Both return
 * plain data stamped with the wall clock; they never throw for an endpoint that misbehaves.
 *
 * Probing functions take endpoints one at a time and never decide *whether* to probe: callers filter with
 * `shouldSkipEndpoint`, so that a GitHub-hosted runner makes no connection attempt to a LAN address.
 */




/**
 * On a GitHub-hosted runner a `local` endpoint is on somebody's LAN, out of reach: skip it without a
 * connection attempt (which would only burn a timeout), unless the config says it is reachable (a tunnel).
 */
function shouldSkipEndpoint(endpoint, runnerEnvironment) {
    const githubHosted = runnerEnvironment?.trim().toLowerCase() === 'github-hosted';
    return githubHosted && endpoint.kind === 'local' && endpoint.reachable !== true;
}
/** `GET {url}/models`: healthy when it answers 2xx with a list of models. */
async function probeHealth(endpoint, deps) {
    const clock = deps.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    const http = httpDeps(endpoint, deps);
    const startedAt = clock.now();
    const answer = await (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .joinUrl */ .we)(endpoint.url, '/models'), http);
    const checkedAt = clock.now();
    const base = { endpointId: endpoint.id, latencyMs: Math.max(0, checkedAt - startedAt), checkedAt };
    if (!answer.ok) {
        return {
            ...base,
            healthy: false,
            models: [],
            error: explainFailure(endpoint, deps, answer.error, answer.status),
        };
    }
    const listing = (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModelListing */ .TM)(answer.body);
    if (!listing)
        return { ...base, healthy: false, models: [], error: 'the /models answer is not a model list' };
    return { ...base, healthy: true, models: listing.models };
}
/**
 * Is a server that said "Loading model" ready now? llama.cpp answers `/health` with 200 `{"status":"ok"}`
 * once loaded and with the same 503 as every other route while loading (tools/server/server-http.cpp,
 * `middleware_server_state`, at 00dd081); vLLM's `/health` is a 200 with an empty body. Anything else
 * (no `/health`, no answer) says nothing: `unknown`.
 */
async function checkReady(endpoint, deps) {
    const answer = await (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .joinUrl */ .we)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .serverRoot */ .CP)(endpoint.url), '/health'), httpDeps(endpoint, deps));
    if (answer.status !== undefined && answer.status >= 200 && answer.status < 300)
        return 'ready';
    return answer.status === 503 ? 'loading' : 'unknown';
}
/**
 * Finds the server's flavor, its models and their context windows. With `flavor: auto` the dialects are
 * tried in order (vLLM, whose answer is already in `/models`, then LM Studio, llama.cpp, Ollama) until one
 * yields a window. A hosted endpoint is only asked `/models`: the local servers' paths mean nothing there.
 */
async function scanCapabilities(endpoint, deps) {
    const clock = deps.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    const http = httpDeps(endpoint, deps);
    const finish = (found, error) => ({
        endpointId: endpoint.id,
        flavor: found.flavor,
        models: found.models ?? [],
        contextWindows: found.contextWindows ?? {},
        ...(found.serverWindow !== undefined ? { serverWindow: found.serverWindow } : {}),
        checkedAt: clock.now(),
        ...(error !== undefined ? { error } : {}),
    });
    const declared = endpoint.flavor === 'auto' ? 'openai' : endpoint.flavor;
    const answer = await (0,_probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .requestJson */ .SS)((0,_probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .joinUrl */ .we)(endpoint.url, '/models'), http);
    let listing;
    let listingError;
    if (answer.ok) {
        listing = (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModelListing */ .TM)(answer.body);
        if (!listing)
            listingError = 'the /models answer is not a model list';
    }
    else {
        listingError = explainFailure(endpoint, deps, answer.error, answer.status);
        // No answer at all: the host is down or unreachable, and every other path would fail the same way.
        if (answer.status === undefined)
            return finish({ flavor: declared }, listingError);
    }
    const listed = listing?.models ?? [];
    for (const attempt of flavorsToTry(endpoint)) {
        const result = await tryFlavor(attempt, endpoint.url, http, listing);
        if (result.kind === 'failed')
            return finish({ flavor: declared, models: listed }, result.error);
        if (result.kind === 'absent')
            continue;
        const { discovery } = result;
        const explicit = endpoint.flavor !== 'auto';
        if (explicit ||
            Object.keys(discovery.contextWindows).length > 0 ||
            discovery.serverWindow !== undefined) {
            return finish({ ...discovery, models: union(listed, discovery.models) }, listingError);
        }
    }
    return finish({ flavor: declared, models: listed }, listingError);
}
function flavorsToTry(endpoint) {
    switch (endpoint.flavor) {
        case 'auto':
            return endpoint.kind === 'hosted'
                ? ['vllm', 'gateway']
                : ['vllm', 'gateway', 'lmstudio', 'llamacpp', 'ollama'];
        case 'openai':
            return ['gateway'];
        default:
            return [endpoint.flavor];
    }
}
async function tryFlavor(step, url, http, listing) {
    switch (step) {
        case 'vllm':
            return fromListing('vllm', listing, listing?.vllmWindows);
        case 'gateway':
            return fromListing('openai', listing, listing?.gatewayWindows);
        case 'lmstudio':
            return (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_1__/* .discoverLmStudio */ .p1)(url, http);
        case 'llamacpp':
            return (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_1__/* .discoverLlamaCpp */ .aW)(url, http, listing?.models ?? []);
        case 'ollama':
            return (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_1__/* .discoverOllama */ ._A)(url, http);
    }
}
function fromListing(flavor, listing, windows) {
    if (!listing || !windows)
        return { kind: 'absent' };
    return { kind: 'found', discovery: { flavor, models: listing.models, contextWindows: { ...windows } } };
}
function httpDeps(endpoint, deps) {
    const apiKey = endpoint.apiKeyEnv ? (deps.env ?? process.env)[endpoint.apiKeyEnv] : undefined;
    return {
        fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        clock: deps.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m,
        timeoutMs: deps.timeoutMs,
        maxBytes: deps.maxResponseBytes ?? _probe_http_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PROBE_MAX_BYTES */ .UQ,
        ...(apiKey ? { apiKey } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
    };
}
/** Names the missing variable on an auth failure: the usual cause, and the name is not a secret. */
function explainFailure(endpoint, deps, error, status) {
    const keyName = endpoint.apiKeyEnv;
    if ((status === 401 || status === 403) && keyName && !(deps.env ?? process.env)[keyName]) {
        return `${error} (${keyName} is not set)`;
    }
    return error;
}
function union(first, second) {
    return [...new Set([...first, ...second])];
}


/***/ })

};
