export const id = 747;
export const ids = [747];
export const modules = {

/***/ 4747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SCHEMA_USAGE: () => (/* binding */ SCHEMA_USAGE),
/* harmony export */   schemaCommand: () => (/* binding */ schemaCommand)
/* harmony export */ });
/* harmony import */ var _config_json_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(276);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8908);
/** `keel schema`: print the JSON Schema of the configuration file, for editors and for checking by hand. */


const SCHEMA_USAGE = `usage: keel schema [--help]

Prints the JSON Schema (draft 2020-12) of keel's configuration file (.github/keel.yml) to stdout.
Save it and point your editor at it, e.g. for the YAML language server:
  keel schema > keel.schema.json
  # yaml-language-server: $schema=./keel.schema.json   (first line of keel.yml)
`;
const schemaCommand = async (argv, io) => {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout(SCHEMA_USAGE);
        return 0;
    }
    const [unexpected] = argv;
    if (unexpected !== undefined)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`unexpected argument "${unexpected}"\n\n${SCHEMA_USAGE}`);
    io.stdout(`${JSON.stringify((0,_config_json_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .configJsonSchema */ .M)(), null, 2)}\n`);
    return 0;
};


/***/ }),

/***/ 276:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ configJsonSchema)
/* harmony export */ });
/* unused harmony export CONFIG_SCHEMA_ID */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1091);
/**
 * The JSON Schema of the configuration file, derived from the zod schema so the two cannot drift. It
 * describes the INPUT: fields with defaults are optional, as users may leave them out. Editors use it for
 * completion and checking (`keel schema > keel.schema.json`, then point the YAML language server at it).
 */


/** A URN rather than a URL: the schema is printed by the installed keel, not fetched from a server. */
const CONFIG_SCHEMA_ID = 'urn:keel:config:v1';
function configJsonSchema() {
    const generated = zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .configSchema */ .Qn, { io: 'input', target: 'draft-2020-12' });
    const { $schema, ...rest } = generated;
    // Identification first, so a reader of the printed file sees what it is before the body.
    return { $schema, $id: CONFIG_SCHEMA_ID, title: 'keel configuration', ...rest };
}


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
