export const id = 583;
export const ids = [583];
export const modules = {

/***/ 5179:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yv: () => (/* binding */ slugify),
/* harmony export */   nD: () => (/* binding */ uniqueSlug)
/* harmony export */ });
/* unused harmony exports ID_PATTERN, MAX_ID_LENGTH */
/**
 * Ids that end up in step ids (`code:<id>`), branch-safe file names and checkpoint keys: lowercase letters,
 * digits and `-`, starting with a letter or digit, at most 48 characters (`subtaskSchema` (plan-schema.ts)).
 * Models write ids however they like; keel derives its own from what they wrote.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
const MAX_ID_LENGTH = 48;
/** `"Add the README.md file!"` → `add-the-readme-md-file`; empty when nothing usable is left. */
function slugify(text, max = MAX_ID_LENGTH) {
    const slug = text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (slug.length <= max)
        return slug;
    const cut = slug.slice(0, max);
    // Prefer ending on a word boundary, unless that would throw away most of the id.
    const boundary = cut.lastIndexOf('-');
    return (boundary >= max / 2 ? cut.slice(0, boundary) : cut).replace(/-+$/, '');
}
/**
 * A slug of the first usable text, unique within `taken` (which it joins): `setup`, `setup-2`, `setup-3` ….
 * Always matches {@link ID_PATTERN}.
 */
function uniqueSlug(texts, taken, fallback) {
    const base = texts.map((text) => (text === undefined ? '' : slugify(text))).find((slug) => slug !== '');
    const root = base ?? slugify(fallback);
    let id = root;
    for (let n = 2; taken.has(id); n++) {
        const suffix = `-${n}`;
        id = `${root.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(id);
    return id;
}


/***/ }),

/***/ 5745:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SIM_RESPONDERS: () => (/* binding */ SIM_RESPONDERS),
/* harmony export */   parseSimArgs: () => (/* binding */ parseSimArgs),
/* harmony export */   simCommand: () => (/* binding */ simCommand)
/* harmony export */ });
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1091);
/* harmony import */ var _sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6417);
/* harmony import */ var _sim_scripted_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5129);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7851);
/**
 * `keel sim`: the fleet simulator as a process, for failure drills and for pointing a real keel at. Prints one
 * JSON line per endpoint and one for the control server (machine-readable: scripts read the ports from them),
 * then serves until SIGINT/SIGTERM and closes cleanly.
 */





const USAGE = `usage: keel sim --endpoint NAME=PORT[:MODE[:LATENCY_MS]] … [options]

  --endpoint NAME=PORT[:MODE[:LATENCY_MS]]  a simulated server; PORT 0 picks a free port (repeatable)
  --flavor NAME=FLAVOR                      ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .SIM_FLAVORS */ .kQ.join('|')} (default vllm)
  --models NAME=m1,m2                       models served besides "sim-model"
  --context-window NAME=TOKENS              served context window; longer requests get context_length_exceeded
  --fail-rate NAME=RATE                     share of failed requests in mode flaky (default 0.5)
  --seed NAME=N                             seed of the flaky failures (default 1)
  --control-port N                          port of the control server (default: pick)
  --host HOST                               interface to listen on (default 127.0.0.1)
  --responder scripted|echo                 what the models answer: scripted plays keel's planner, coder and
                                            reviewer (default); echo names the endpoint and repeats the prompt

modes: ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .SIM_MODES */ .n8.join(', ')}
control: POST /__sim/mode {"endpoint":"a","mode":"hang"}, GET /__sim/stats, POST /__sim/reset
`;
const OPTIONS = {
    endpoint: { type: 'string', multiple: true },
    flavor: { type: 'string', multiple: true },
    models: { type: 'string', multiple: true },
    'context-window': { type: 'string', multiple: true },
    'fail-rate': { type: 'string', multiple: true },
    seed: { type: 'string', multiple: true },
    'control-port': { type: 'string' },
    host: { type: 'string' },
    responder: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
/** `scripted` is the default: a real keel pointed at `keel sim` gets plans, code and reviews it can use. */
const SIM_RESPONDERS = new Map([
    ['scripted', _sim_scripted_model_js__WEBPACK_IMPORTED_MODULE_2__/* .scriptedResponder */ .f],
    ['echo', _sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .echoResponder */ .gC],
]);
function integer(text, what, min, max) {
    const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
    if (!(value >= min && value <= max))
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: expected an integer from ${min} to ${max}`);
    return value;
}
function parseEndpoint(text) {
    const what = `--endpoint ${text}`;
    const eq = text.indexOf('=');
    const name = text.slice(0, eq);
    const parts = text.slice(eq + 1).split(':');
    if (eq <= 0 || parts.length > 3)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: expected NAME=PORT[:MODE[:LATENCY_MS]]`);
    if (!_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .ENDPOINT_ID_PATTERN */ .dI.test(name))
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: "${name}" is not a valid endpoint name`);
    const [port, mode, latency] = parts;
    const spec = { name, port: integer(port ?? '', `${what}: port`, 0, 65_535) };
    if (mode !== undefined) {
        if (!(0,_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .isSimMode */ .d7)(mode))
            throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: unknown mode "${mode}" (expected ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .SIM_MODES */ .n8.join(', ')})`);
        spec.mode = mode;
    }
    if (latency !== undefined)
        spec.latencyMs = integer(latency, `${what}: latency`, 0, 86_400_000);
    return spec;
}
/** Applies one `--option NAME=VALUE` to the endpoint it names. */
function forEndpoint(byName, option, text, apply) {
    const what = `--${option} ${text}`;
    const eq = text.indexOf('=');
    if (eq <= 0)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: expected NAME=VALUE`);
    const spec = byName.get(text.slice(0, eq));
    if (!spec)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: no --endpoint named "${text.slice(0, eq)}"`);
    apply(spec, text.slice(eq + 1), what);
}
function parseSimArgs(argv) {
    const { values } = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: OPTIONS,
        strict: true,
        allowPositionals: false,
    });
    if (values.help)
        return 'help';
    const endpoints = (values.endpoint ?? []).map(parseEndpoint);
    if (endpoints.length === 0)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e('at least one --endpoint NAME=PORT is required');
    const byName = new Map();
    for (const spec of endpoints) {
        if (byName.has(spec.name))
            throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--endpoint ${spec.name}: named twice`);
        byName.set(spec.name, spec);
    }
    for (const text of values.flavor ?? []) {
        forEndpoint(byName, 'flavor', text, (spec, value, what) => {
            if (!(0,_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .isSimFlavor */ .MJ)(value))
                throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: unknown flavor (expected ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .SIM_FLAVORS */ .kQ.join(', ')})`);
            spec.flavor = value;
        });
    }
    for (const text of values.models ?? []) {
        forEndpoint(byName, 'models', text, (spec, value, what) => {
            const named = value.split(',').filter((model) => model !== '');
            if (named.length === 0)
                throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: expected NAME=model1,model2`);
            spec.models = [...new Set([...(spec.models ?? ['sim-model']), ...named])];
        });
    }
    for (const text of values['context-window'] ?? []) {
        forEndpoint(byName, 'context-window', text, (spec, value, what) => {
            spec.contextWindow = integer(value, what, 1, 100_000_000);
        });
    }
    for (const text of values['fail-rate'] ?? []) {
        forEndpoint(byName, 'fail-rate', text, (spec, value, what) => {
            const rate = value.trim() === '' ? NaN : Number(value);
            if (!(rate >= 0 && rate <= 1))
                throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`${what}: expected a number from 0 to 1`);
            spec.failRate = rate;
        });
    }
    for (const text of values.seed ?? []) {
        forEndpoint(byName, 'seed', text, (spec, value, what) => {
            spec.seed = integer(value, what, -(2 ** 31), 2 ** 32);
        });
    }
    const options = { endpoints };
    if (values['control-port'] !== undefined) {
        options.controlPort = integer(values['control-port'], '--control-port', 0, 65_535);
    }
    if (values.host !== undefined)
        options.host = values.host;
    const responder = SIM_RESPONDERS.get(values.responder ?? 'scripted');
    if (!responder) {
        const known = [...SIM_RESPONDERS.keys()].join(', ');
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--responder ${values.responder}: unknown responder (expected ${known})`);
    }
    options.responder = responder;
    return options;
}
function aborted(signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener('abort', () => resolve(), { once: true });
    });
}
const simCommand = async (argv, io) => {
    const options = parseSimArgs(argv);
    if (options === 'help') {
        io.stdout(USAGE);
        return 0;
    }
    let sim;
    try {
        sim = await (0,_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_1__/* .startSimulator */ .rs)(options);
    }
    catch (error) {
        // A port in use is the user's situation to fix, not a crash: say so without a stack.
        io.stderr(`keel sim: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
    }
    try {
        options.endpoints.forEach((spec, index) => {
            const { url, port } = sim.endpoints[index];
            const line = { endpoint: spec.name, url, port, mode: spec.mode ?? 'ok', flavor: spec.flavor ?? 'vllm' };
            io.stdout(`${JSON.stringify(line)}\n`);
        });
        io.stdout(`${JSON.stringify({ control: sim.controlUrl })}\n`);
        io.stderr('keel sim: serving; stop with Ctrl-C\n');
        await aborted(io.signal);
    }
    finally {
        await sim.close();
    }
    return 0;
};


/***/ }),

/***/ 1091:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Po: () => (/* binding */ CANDIDATE_PATTERN),
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   ST: () => (/* binding */ ROLE_NAMES),
/* harmony export */   dI: () => (/* binding */ ENDPOINT_ID_PATTERN)
/* harmony export */ });
/* unused harmony exports timeoutsSchema, endpointSchema, policySchema, runSettingsSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/**
 * The configuration file users write (`.github/keel.yml` or `keel.yml`): one zod schema, the single source of
 * truth for validation, defaults, TypeScript types and the JSON Schema that `keel schema` prints.
 *
 * The schema stays free of transforms so that `z.toJSONSchema` can describe the input exactly; shaping the
 * parsed file into the router's form (tiers of `{ endpointId, model }`) happens in `load.ts`.
 */

const ROLE_NAMES = ['planner', 'coder', 'reviewer'];
/** Endpoint ids never contain `/`: a chain entry is split at its first `/` into endpoint id and model. */
const ENDPOINT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A chain entry: an endpoint id, "/", and a model name (which may itself contain "/"). */
const CANDIDATE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/\S+$/;
const candidateRef = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(CANDIDATE_PATTERN, 'expected "endpointId/model", e.g. "lan-a/qwen2.5-coder:7b"')
    .describe('An endpoint id and a model name, split at the first "/" (model names may contain "/").');
const tier = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([candidateRef, zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(candidateRef).min(1, 'a tier lists at least one "endpointId/model"')], {
    error: 'expected "endpointId/model" or a list of them',
})
    .describe('One "endpointId/model", or a list of them served least-loaded first.');
const chain = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(tier)
    .min(1, 'a role needs at least one tier')
    .describe('Tiers tried in order; the next tier is used only when the previous one cannot serve.');
const positiveMs = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive();
const timeoutsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    connectMs: positiveMs.default(5_000).describe('TCP/TLS connect timeout.'),
    firstTokenMs: positiveMs
        .default(60_000)
        .describe('Time to the first streamed token (for non-streamed requests: to the response head).'),
    idleMs: positiveMs.default(30_000).describe('Longest gap allowed between two chunks of a response.'),
    totalMs: positiveMs.default(600_000).describe('Whole-request deadline.'),
})
    .prefault({});
const endpointSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(ENDPOINT_ID_PATTERN, 'expected letters, digits, ".", "_" or "-" (no "/"), at most 64'),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({
        protocol: /^https?$/,
        error: 'expected an http(s) URL of an OpenAI-compatible API, e.g. http://host:11434/v1',
    })
        .describe('Base URL of the OpenAI-compatible API, usually ending in /v1.'),
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['local', 'hosted']).describe('local: a server on your LAN; hosted: a paid API.'),
    apiKeyEnv: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the NAME of an environment variable, not a key')
        .optional()
        .describe('Name of the environment variable holding the API key. Literal keys are rejected.'),
    maxParallel: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .max(1024)
        .default(4)
        .describe('Hard cap on requests in flight at this endpoint.'),
    contextWindow: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(256)
        .optional()
        .describe('Context window in tokens; discovered from the server when absent.'),
    reachable: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .optional()
        .describe('For local endpoints: reachable from GitHub-hosted runners too (e.g. through a tunnel).'),
    flavor: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['auto', 'openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama'])
        .default('auto')
        .describe('Server software, for context-window discovery; "auto" tries each.'),
    timeouts: timeoutsSchema,
});
const policySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    breaker: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        failureThreshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(1000).default(5),
        resetTimeoutMs: positiveMs.default(60_000).describe('Open → half-open after this long.'),
        windowMs: positiveMs.default(300_000).describe('Failures older than this do not count.'),
    })
        .prefault({}),
    cooldown: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        baseMs: positiveMs.default(1_000).describe('First cooldown after a failure; doubles per failure.'),
        maxMs: positiveMs.default(300_000),
    })
        .prefault({})
        .refine((c) => c.maxMs >= c.baseMs, { message: 'maxMs must be at least baseMs', path: ['maxMs'] }),
    contextFraction: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .gt(0)
        .max(1)
        .default(0.95)
        .describe('Share of the context window a request may fill: max_tokens = floor(window × this) − prompt.'),
    minOutputTokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .default(256)
        .describe('A candidate whose window leaves fewer output tokens than this is skipped.'),
    spillover: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('When a tier is saturated, let the next tier serve at once instead of waiting for a slot.'),
    maxWaitMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .nonnegative()
        .default(30_000)
        .describe('Longest wait for a free slot, or for the earliest cooldown to end.'),
    maxAttempts: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .max(100)
        .default(12)
        .describe('Attempts per request across all candidates.'),
    maxResponseBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1024)
        .default(8 * 1024 * 1024)
        .describe('Responses larger than this are abandoned.'),
    probe: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        healthIntervalMs: positiveMs.default(15_000),
        capabilityIntervalMs: positiveMs.default(300_000),
        timeoutMs: positiveMs.default(3_000),
        staleAfterMs: positiveMs.default(120_000).describe('Probe results older than this are ignored.'),
    })
        .prefault({}),
})
    .prefault({});
const runSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    validate: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(2_000))
        .max(20)
        .default([])
        .describe('Commands run in the work tree after coding, e.g. ["npm test"]; they come from this file only.'),
    validateTimeoutMs: positiveMs.default(600_000),
    minSuccessRate: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .min(0)
        .max(1)
        .default(0.5)
        .describe('Share of coder subtasks that must succeed for a batch to be kept (partial success).'),
    maxBatchRetries: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(0)
        .max(10)
        .default(1)
        .describe('How often a batch below minSuccessRate is discarded and tried again before the run stops.'),
    maxSubtasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(200).default(12),
    allowWorkflowEdits: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Let model edits touch .github/workflows/ (off: a workflow change needs a human).'),
    exitCodeOnInterrupt: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(0)
        .max(255)
        .default(0)
        .describe('Exit code when a run is interrupted and checkpointed (0: the job is not marked failed).'),
    heartbeatMs: positiveMs.default(5_000),
})
    .prefault({});
const configSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1, 'expected version: 1'),
    endpoints: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(endpointSchema).min(1, 'declare at least one endpoint'),
    roles: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        planner: chain.optional(),
        coder: chain.optional(),
        reviewer: chain.optional(),
    }),
    policy: policySchema,
    run: runSettingsSchema,
})
    .describe('keel configuration');


/***/ })

};
