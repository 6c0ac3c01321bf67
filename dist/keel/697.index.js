export const id = 697;
export const ids = [697];
export const modules = {

/***/ 28747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ CONFIG_CACHE_FILE),
/* harmony export */   Co: () => (/* binding */ GUARD_HISTORY_FILE),
/* harmony export */   G: () => (/* binding */ stateLayout),
/* harmony export */   HL: () => (/* binding */ METRICS_FILE),
/* harmony export */   Pc: () => (/* binding */ EVENTS_FILE),
/* harmony export */   RU: () => (/* binding */ RECOVERY_FILE),
/* harmony export */   WA: () => (/* binding */ runLayout),
/* harmony export */   _A: () => (/* binding */ GUARD_REPORT_FILE),
/* harmony export */   aC: () => (/* binding */ FLEET_STATE_FILE),
/* harmony export */   bv: () => (/* binding */ STATE_FILE),
/* harmony export */   gE: () => (/* binding */ HEARTBEAT_FILE),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   ln: () => (/* binding */ PAUSE_FLAG_FILE),
/* harmony export */   mU: () => (/* binding */ DEFAULT_STATE_DIR),
/* harmony export */   q_: () => (/* binding */ START_REQUEST_FILE),
/* harmony export */   rT: () => (/* binding */ EFFECTS_DIR),
/* harmony export */   ro: () => (/* binding */ GUARD_STATE_FILE),
/* harmony export */   wX: () => (/* binding */ LEASE_FILE),
/* harmony export */   z4: () => (/* binding */ RUNS_DIR)
/* harmony export */ });
/* unused harmony exports WORKTREES_DIR, SLOTS_DIR, LANES_DIR, GUARD_DIR, DAEMON_DIR */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/**
 * Where everything lives under a state directory (`.keel` by default, at the repository's root). The one
 * owner of these names: every module that reads or writes the state directory asks this one, so a run, a
 * lane, the guard, the daemon, the Action and `keel status` can never disagree about a path.
 *
 * ```
 * <stateDir>/
 *   runs/<runId>/            state.json, manifest.json, metrics.json, events.ndjson, .heartbeat,
 *                            recovery.md, lease.json, effects/{issues,comments,pulls}/
 *   worktrees/<runId>/       the run's git worktree (its work branch checked out)
 *   fleet-state.json         breakers, cooldowns and probes, carried from one command to the next
 *   config-cache.json        the configuration as the last run validated it (the early resume reads it)
 *   slots/                   one lease file per model request in flight (shared `maxParallel`)
 *   lanes/<lane>/            a lane's claims, heartbeat, status, pause flag and events
 *   guard/                   the idle guard's state, last cycle, history and heartbeat
 *   daemon/                  the daemon's lock, status, events and child logs
 * ```
 */

const DEFAULT_STATE_DIR = '.keel';
// File names inside a run directory.
const STATE_FILE = 'state.json';
const MANIFEST_FILE = 'manifest.json';
const METRICS_FILE = 'metrics.json';
const EVENTS_FILE = 'events.ndjson';
const HEARTBEAT_FILE = '.heartbeat';
const RECOVERY_FILE = 'recovery.md';
const LEASE_FILE = 'lease.json';
const EFFECTS_DIR = 'effects';
// Names directly under the state directory.
const RUNS_DIR = 'runs';
const WORKTREES_DIR = 'worktrees';
const FLEET_STATE_FILE = 'fleet-state.json';
const CONFIG_CACHE_FILE = 'config-cache.json';
const SLOTS_DIR = 'slots';
const LANES_DIR = 'lanes';
const GUARD_DIR = 'guard';
const DAEMON_DIR = 'daemon';
// Inside `guard/`.
const GUARD_STATE_FILE = 'state.json';
const GUARD_REPORT_FILE = 'last-cycle.json';
const GUARD_HISTORY_FILE = 'history.ndjson';
// Inside `lanes/<lane>/`.
const PAUSE_FLAG_FILE = 'paused.flag';
/** The guard's request that a daemon start the lane (`{ at, by, reason }`). */
const START_REQUEST_FILE = 'start.request';
function runLayout(runDir) {
    return {
        dir: runDir,
        state: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, STATE_FILE),
        manifest: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, MANIFEST_FILE),
        metrics: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, METRICS_FILE),
        events: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, EVENTS_FILE),
        heartbeat: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, HEARTBEAT_FILE),
        recovery: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, RECOVERY_FILE),
        lease: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, LEASE_FILE),
        effects: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, EFFECTS_DIR),
    };
}
function stateLayout(stateDir) {
    const runs = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, RUNS_DIR);
    const lanes = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, LANES_DIR);
    const guard = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, GUARD_DIR);
    const daemon = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, DAEMON_DIR);
    return {
        root: stateDir,
        runs,
        run: (runId) => runLayout((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runs, runId)),
        worktree: (runId) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, WORKTREES_DIR, runId),
        fleetState: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, FLEET_STATE_FILE),
        configCache: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, CONFIG_CACHE_FILE),
        slots: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, SLOTS_DIR),
        lanes,
        lane: (name) => {
            const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(lanes, name);
            return {
                dir,
                heartbeat: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, HEARTBEAT_FILE),
                pauseFlag: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, PAUSE_FLAG_FILE),
                events: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, EVENTS_FILE),
                startRequest: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, START_REQUEST_FILE),
            };
        },
        guard: {
            dir: guard,
            state: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(guard, GUARD_STATE_FILE),
            lastCycle: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(guard, GUARD_REPORT_FILE),
            history: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(guard, GUARD_HISTORY_FILE),
            heartbeat: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(guard, HEARTBEAT_FILE),
        },
        daemon: {
            dir: daemon,
            status: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(daemon, 'status.json'),
            events: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(daemon, EVENTS_FILE),
            lock: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(daemon, 'daemon.pid'),
            logs: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(daemon, 'logs'),
        },
    };
}


/***/ }),

/***/ 11169:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ findConfigFile)
/* harmony export */ });
/* unused harmony export CONFIG_SEARCH_PATHS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/**
 * Where keel looks for its configuration when given no path, in order — its own small module, synchronous
 * and free of the schema, because the early resume request (cli/early-resume.ts) finds the file before the
 * rest of keel has loaded, and must find the same file `loadConfig()` would.
 */


const CONFIG_SEARCH_PATHS = [
    '.github/keel.yml',
    '.github/keel.yaml',
    'keel.yml',
    'keel.yaml',
    'keel.json',
];
/** The first of {@link CONFIG_SEARCH_PATHS} that is a file under `cwd`, or every path that was looked at. */
function findConfigFile(cwd) {
    const looked = [];
    for (const relative of CONFIG_SEARCH_PATHS) {
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, relative);
        looked.push(absolute);
        if (isFile(absolute))
            return { absolute, source: relative };
    }
    return { absolute: undefined, looked };
}
function isFile(absolute) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(absolute).isFile();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 17141:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ fitMaxTokens),
/* harmony export */   FR: () => (/* binding */ TOKENS_PER_MESSAGE),
/* harmony export */   Zn: () => (/* binding */ REPLY_PRIMING_TOKENS),
/* harmony export */   bW: () => (/* binding */ estimatePromptTokens)
/* harmony export */ });
/* unused harmony export ASCII_CHARS_PER_TOKEN */
/**
 * English prose and code run at about 4 characters per token for current BPE tokenizers; 3.5 leaves a
 * margin for code, numbers and unusual words.
 */
const ASCII_CHARS_PER_TOKEN = 3.5;
/** Role markers and separators of chat templates (`<|im_start|>user\n … <|im_end|>\n`). */
const TOKENS_PER_MESSAGE = 4;
/** The template's opening of the assistant's reply. */
const REPLY_PRIMING_TOKENS = 3;
/**
 * A conservative token estimate: `ceil(asciiChars / 3.5)` plus one token per non-ASCII character (CJK,
 * Cyrillic, accents, emoji take at least about one token each, often more than the ASCII rate suggests),
 * plus `TOKENS_PER_MESSAGE` per message and `REPLY_PRIMING_TOKENS` once.
 */
function estimatePromptTokens(messages) {
    if (messages.length === 0)
        return 0;
    let ascii = 0;
    let other = 0;
    for (const message of messages) {
        const text = message.content;
        // Prompts are mostly ASCII, and a resumed run estimates a large one before anything is warm: one
        // native pass settles that case; otherwise count code points (a surrogate pair is one character).
        if (Buffer.byteLength(text, 'utf8') === text.length) {
            ascii += text.length;
            continue;
        }
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code < 0x80)
                ascii += 1;
            else if (!(isLowSurrogate(code) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))))
                other += 1;
        }
    }
    return (Math.ceil(ascii / ASCII_CHARS_PER_TOKEN) +
        other +
        TOKENS_PER_MESSAGE * messages.length +
        REPLY_PRIMING_TOKENS);
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code) {
    return code >= 0xdc00 && code <= 0xdfff;
}
/**
 * Fits `max_tokens` to the window. With no (usable) window the request goes out as asked: the server
 * knows its own limit and answers `context_length` if the prompt does not fit, which fails over.
 */
function fitMaxTokens(input) {
    const requested = positiveInteger(input.requested);
    const window = positiveInteger(input.window);
    if (window === undefined)
        return { ok: true, maxTokens: requested };
    const fraction = Number.isFinite(input.contextFraction)
        ? Math.min(1, Math.max(0, input.contextFraction))
        : 1;
    const promptTokens = Math.max(0, Math.ceil(Number.isFinite(input.promptTokens) ? input.promptTokens : 0));
    // The epsilon keeps binary floating point from losing a whole token (0.29 × 100 = 28.999999999999996).
    const usable = Math.floor(window * fraction + 1e-9);
    const room = usable - promptTokens;
    const minOutput = Math.max(1, Math.ceil(input.minOutputTokens));
    if (room < minOutput) {
        return {
            ok: false,
            reason: `prompt of ~${promptTokens} tokens leaves ${Math.max(0, room)} of ${usable} usable tokens ` +
                `(window ${window} × ${fraction}), fewer than the ${minOutput} required for output`,
        };
    }
    return { ok: true, maxTokens: requested === undefined ? room : Math.min(room, requested) };
}
/** Integers ≥ 1 pass (fractions rounded down); anything else counts as "not given". */
function positiveInteger(value) {
    if (value === undefined || !Number.isFinite(value))
        return undefined;
    const whole = Math.floor(value);
    return whole >= 1 ? whole : undefined;
}


/***/ }),

/***/ 410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ takeEarlyRequest),
/* harmony export */   Fl: () => (/* binding */ abandonEarlyRequests),
/* harmony export */   Mf: () => (/* binding */ earlyRequestStats),
/* harmony export */   Rc: () => (/* binding */ offerEarlyRequest)
/* harmony export */ });
const waiting = new Set();
const stats = { offered: 0, adopted: 0, abandoned: 0 };
function offerEarlyRequest(request, lifetimeMs) {
    waiting.add(request);
    stats.offered += 1;
    // Unref'd: a run that ends (or fails to start) before adopting it must not wait for it to expire.
    setTimeout(() => abandon(request), lifetimeMs).unref();
    // A failed early request is simply forgotten: the client will send its own.
    request.response.catch(() => abandon(request));
}
/** The early request for exactly this URL and body, removed from the waiting set; undefined if none. */
function takeEarlyRequest(url, body) {
    // Every request of a run asks; all but its first find nothing waiting.
    if (waiting.size === 0)
        return undefined;
    for (const request of waiting) {
        if (request.url === url && request.body === body) {
            waiting.delete(request);
            stats.adopted += 1;
            return request;
        }
    }
    return undefined;
}
/** Cancels every request still waiting (the router is closing: nothing will adopt them). */
function abandonEarlyRequests() {
    for (const request of [...waiting])
        abandon(request);
}
function earlyRequestStats() {
    return { ...stats };
}
function abandon(request) {
    if (!waiting.delete(request))
        return;
    stats.abandoned += 1;
    request.abort();
}


/***/ }),

/***/ 51466:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ LearnedShapes),
/* harmony export */   sj: () => (/* binding */ readLearnedSnapshot),
/* harmony export */   xS: () => (/* binding */ factsOf)
/* harmony export */ });
const FORMATS = ['json_schema', 'json_object'];
const PARAMS = ['max_tokens', 'max_completion_tokens', 'none'];
/** Bounds on what a saved file may make us hold: it is read back on every start. */
const MAX_ENTRIES = 1024;
const MAX_KEY_CHARS = 512;
class LearnedShapes {
    #formats = new Map();
    #models = new Map();
    constructor(saved) {
        const snapshot = readLearnedSnapshot(saved);
        for (const [id, entry] of Object.entries(snapshot.formats)) {
            this.#formats.set(id, { url: entry.url, refused: new Set(entry.refused) });
        }
        for (const [key, entry] of Object.entries(snapshot.models))
            this.#models.set(key, { ...entry });
    }
    facts(endpoint, key) {
        const formats = this.#formats.get(endpoint.id);
        const model = this.#models.get(key);
        const facts = {
            refusedFormats: formats !== undefined && formats.url === endpoint.url ? [...formats.refused] : [],
        };
        if (model !== undefined && model.url === endpoint.url) {
            if (model.tokenParam !== undefined)
                facts.tokenParam = model.tokenParam;
            if (model.outputCap !== undefined)
                facts.outputCap = model.outputCap;
        }
        return facts;
    }
    /** Records that `format` was refused at the endpoint. True when that is news. */
    refuseFormat(endpoint, format) {
        if (format === 'none')
            return false;
        let entry = this.#formats.get(endpoint.id);
        if (entry === undefined || entry.url !== endpoint.url) {
            entry = { url: endpoint.url, refused: new Set() };
            this.#formats.set(endpoint.id, entry);
        }
        if (entry.refused.has(format))
            return false;
        entry.refused.add(format);
        return true;
    }
    /** Records the token parameter a candidate takes. True when that changes what is sent. */
    useTokenParam(endpoint, key, param) {
        const entry = this.#model(endpoint, key);
        if (entry.tokenParam === param)
            return false;
        entry.tokenParam = param;
        return true;
    }
    /** Records a candidate's output cap. True when it is lower than what was known. */
    capOutput(endpoint, key, cap) {
        const entry = this.#model(endpoint, key);
        if (entry.outputCap !== undefined && entry.outputCap <= cap)
            return false;
        entry.outputCap = cap;
        return true;
    }
    snapshot() {
        const formats = {};
        for (const [id, entry] of this.#formats)
            formats[id] = { url: entry.url, refused: [...entry.refused] };
        const models = {};
        for (const [key, entry] of this.#models)
            models[key] = { ...entry };
        return { formats, models };
    }
    #model(endpoint, key) {
        let entry = this.#models.get(key);
        if (entry === undefined || entry.url !== endpoint.url) {
            entry = { url: endpoint.url };
            this.#models.set(key, entry);
        }
        return entry;
    }
}
/** The facts for one candidate in a snapshot, ignoring entries learned at another URL. */
function factsOf(snapshot, endpoint, key) {
    const formats = snapshot.formats[endpoint.id];
    const model = snapshot.models[key];
    const facts = {
        refusedFormats: formats !== undefined && formats.url === endpoint.url ? formats.refused : [],
    };
    if (model !== undefined && model.url === endpoint.url) {
        if (model.tokenParam !== undefined)
            facts.tokenParam = model.tokenParam;
        if (model.outputCap !== undefined)
            facts.outputCap = model.outputCap;
    }
    return facts;
}
/**
 * A snapshot from untrusted JSON (a file on disk, a checkpoint): entries that do not fit are dropped one by
 * one, never the whole; anything else is an empty snapshot. Never throws.
 */
function readLearnedSnapshot(input) {
    const snapshot = { formats: {}, models: {} };
    if (!isRecord(input))
        return snapshot;
    for (const [id, raw] of entries(input.formats)) {
        if (!isRecord(raw) || typeof raw.url !== 'string' || !Array.isArray(raw.refused))
            continue;
        const refused = FORMATS.filter((format) => raw.refused.includes(format));
        snapshot.formats[id] = { url: raw.url, refused };
    }
    for (const [key, raw] of entries(input.models)) {
        if (!isRecord(raw) || typeof raw.url !== 'string')
            continue;
        const entry = { url: raw.url };
        if (PARAMS.includes(raw.tokenParam)) {
            entry.tokenParam = raw.tokenParam;
        }
        if (Number.isSafeInteger(raw.outputCap) && raw.outputCap > 0) {
            entry.outputCap = raw.outputCap;
        }
        snapshot.models[key] = entry;
    }
    return snapshot;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Own entries with sane keys, at most MAX_ENTRIES; `__proto__` never becomes a key. */
function entries(value) {
    if (!isRecord(value))
        return [];
    return Object.entries(value)
        .filter(([key]) => key !== '__proto__' && key.length > 0 && key.length <= MAX_KEY_CHARS)
        .slice(0, MAX_ENTRIES);
}


/***/ }),

/***/ 66458:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ requestBody),
/* harmony export */   xh: () => (/* binding */ chatCompletionsUrl)
/* harmony export */ });
/* unused harmony export agentRequest */
function requestBody(request, call, streaming) {
    const body = { model: call.model, messages: request.messages, stream: streaming };
    if (request.temperature !== undefined)
        body.temperature = request.temperature;
    // The router fits the limit to the context window and picks its name (request-plan.ts); the client
    // sends only what it was given.
    if (call.maxTokens !== undefined)
        body[call.tokenParam ?? 'max_tokens'] = call.maxTokens;
    if (request.stop !== undefined && request.stop.length > 0)
        body.stop = request.stop;
    const format = responseFormatBody(request, call.responseFormat ?? defaultFormat(request));
    if (format !== undefined)
        body.response_format = format;
    if (streaming)
        body.stream_options = { include_usage: true };
    return body;
}
function defaultFormat(request) {
    if (request.json !== true)
        return 'none';
    return request.jsonSchema !== undefined ? 'json_schema' : 'json_object';
}
/** A `json_schema` request without a schema of its own asks for any JSON object. */
const ANY_OBJECT = { name: 'json_answer', schema: { type: 'object' } };
/**
 * OpenAI's shape (`json_schema: {name, schema, strict}`), which vLLM, llama.cpp, Ollama and LM Studio read
 * too (the latter three only `schema`). `strict: false`: a strict schema must list every property as
 * required and forbid others, which the agents' schemas do not promise.
 */
function responseFormatBody(request, format) {
    switch (format) {
        case 'none':
            return undefined;
        case 'json_object':
            return { type: 'json_object' };
        case 'json_schema': {
            const { name, schema } = request.jsonSchema ?? ANY_OBJECT;
            return { type: 'json_schema', json_schema: { name, schema, strict: false } };
        }
    }
}
/**
 * What every agent asks the router for: a JSON answer (under the agent's schema when it gives one),
 * streamed (so stalls are caught early).
 */
function agentRequest(messages, jsonSchema) {
    return jsonSchema !== undefined
        ? { messages, json: true, jsonSchema, stream: true }
        : { messages, json: true, stream: true };
}
/** The chat endpoint under an endpoint's base URL. */
function chatCompletionsUrl(baseUrl) {
    return new URL(`${baseUrl.replace(/\/+$/, '')}/chat/completions`);
}


/***/ }),

/***/ 2233:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mz: () => (/* binding */ savedScanFacts),
/* harmony export */   NX: () => (/* binding */ planRequest)
/* harmony export */ });
/* unused harmony exports isReasoningModel, formatLadder, defaultTokenParam, samePlan */
/** OpenAI's reasoning families, also behind proxies and gateways (`openai/gpt-5-mini`, `o4-mini`). */
const REASONING_FAMILY = /(?:^|\/)(?:o[1-9](?:-|$)|gpt-5)/i;
function isReasoningModel(model) {
    return REASONING_FAMILY.test(model);
}
/** The formats to try for a request, best first; a server's refusals strike them off. */
function formatLadder(request) {
    if (request.json !== true)
        return ['none'];
    // A request with no schema of its own still gets JSON enforced as `json_schema` of any object where
    // `json_object` is refused (LM Studio): the workaround its users apply.
    return request.jsonSchema !== undefined
        ? ['json_schema', 'json_object', 'none']
        : ['json_object', 'json_schema', 'none'];
}
function defaultTokenParam(kind, model) {
    return kind === 'hosted' || isReasoningModel(model) ? 'max_completion_tokens' : 'max_tokens';
}
function planRequest(input) {
    const { learned } = input;
    const responseFormat = formatLadder(input.request).find((format) => !learned.refusedFormats.includes(format)) ?? 'none';
    const tokenParam = learned.tokenParam === undefined || learned.tokenParam === 'none'
        ? defaultTokenParam(input.kind, input.model)
        : learned.tokenParam;
    const plan = { responseFormat, tokenParam };
    if (learned.tokenParam === 'none')
        return plan;
    // Hosted APIs know their own limits, and a window-sized limit runs into their output caps: they get a
    // limit only when the caller asked for one. vLLM, whose default is exactly "what the window leaves", gets
    // none rather than one from an estimate that may be off (it refuses N + limit > window).
    const callerOnly = input.kind === 'hosted' || (input.flavor === 'vllm' && !input.exactPrompt);
    let limit = callerOnly && input.request.maxTokens === undefined ? undefined : input.fitted;
    for (const cap of [learned.outputCap, input.listedOutputCap]) {
        if (limit !== undefined && cap !== undefined)
            limit = Math.min(limit, cap);
    }
    if (limit !== undefined)
        plan.maxTokens = limit;
    return plan;
}
/** The same plan, or one that sends something the refused one did not. */
function samePlan(a, b) {
    if (a.responseFormat !== b.responseFormat || a.maxTokens !== b.maxTokens)
        return false;
    return a.maxTokens === undefined || a.tokenParam === b.tokenParam;
}
/**
 * The flavor and listed output cap a saved health-book snapshot holds for an endpoint and model, read
 * loosely (no schema library: the early resume request reads it before keel has loaded). The router reads
 * the same fields from its restored health book.
 */
function savedScanFacts(health, endpointId, model) {
    const scans = health?.scans;
    if (!Array.isArray(scans))
        return {};
    let latest;
    for (const scan of scans) {
        if (scan?.endpointId !== endpointId || typeof scan.checkedAt !== 'number')
            continue;
        if (latest === undefined || latest.checkedAt < scan.checkedAt)
            latest = scan;
    }
    const facts = {};
    if (typeof latest?.flavor === 'string' && FLAVORS.includes(latest.flavor)) {
        facts.flavor = latest.flavor;
    }
    const cap = latest?.outputCaps?.[model];
    if (Number.isSafeInteger(cap) && cap > 0 && Object.hasOwn(latest?.outputCaps ?? {}, model)) {
        facts.outputCap = cap;
    }
    return facts;
}
const FLAVORS = ['openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama'];


/***/ }),

/***/ 47442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ prefersLocal),
/* harmony export */   Q: () => (/* binding */ selectCandidate)
/* harmony export */ });
/**
 * Whether local endpoints win ties: everywhere but on a GitHub-hosted runner (`RUNNER_ENVIRONMENT`), where
 * they are out of reach anyway. The router and the early resume request both ask this.
 */
function prefersLocal(runnerEnvironment) {
    return runnerEnvironment !== 'github-hosted';
}
function selectCandidate(tiers, options) {
    if (options.prefer !== undefined) {
        const preferred = tiers.flat().find((c) => c.key === options.prefer);
        if (preferred && !preferred.blocked && preferred.inflight < preferred.cap) {
            return { kind: 'pick', candidate: preferred };
        }
    }
    // Unhealthy candidates are skipped while any healthy one remains anywhere in the chain; when the probes
    // say everything is down, try everything in order anyway (probes go stale, networks come back).
    const skipUnhealthy = tiers.some((tier) => tier.some((c) => c.blocked === undefined && !c.unhealthy));
    let saturatedTier;
    for (const tier of tiers) {
        const pool = tier.filter((c) => c.blocked === undefined && !(skipUnhealthy && c.unhealthy));
        if (pool.length === 0)
            continue;
        const best = leastLoaded(pool.filter((c) => c.inflight < c.cap), options.preferLocal);
        if (best)
            return { kind: 'pick', candidate: best };
        saturatedTier ??= pool[0].tier;
        if (!options.spillover)
            break;
    }
    if (saturatedTier !== undefined)
        return { kind: 'saturated', tier: saturatedTier };
    let until;
    for (const candidate of tiers.flat()) {
        if (candidate.availableAt !== undefined && (until === undefined || candidate.availableAt < until)) {
            until = candidate.availableAt;
        }
    }
    return until === undefined ? { kind: 'exhausted' } : { kind: 'cooling', until };
}
function leastLoaded(free, preferLocal) {
    let best;
    for (const candidate of free) {
        if (best === undefined || compare(candidate, best, preferLocal) < 0)
            best = candidate;
    }
    return best;
}
function compare(a, b, preferLocal) {
    // Cross-multiplied to compare inflight/cap exactly, without floating point.
    const load = a.inflight * b.cap - b.inflight * a.cap;
    if (load !== 0)
        return load;
    if (preferLocal && a.local !== b.local)
        return a.local ? -1 : 1;
    return a.order - b.order;
}


/***/ })

};
