export const id = 176;
export const ids = [176];
export const modules = {

/***/ 74743:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ untilAborted),
/* harmony export */   Js: () => (/* binding */ abortReason),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortReason(signal));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortReason(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** Resolves when `signal` aborts (at once if it has); never rejects. */
function untilAborted(signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener('abort', () => resolve(), { once: true });
    });
}
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error('aborted');
}


/***/ }),

/***/ 80991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XF: () => (/* binding */ REDACTED),
  qb: () => (/* binding */ collectSecrets),
  mt: () => (/* binding */ findSecret),
  kf: () => (/* binding */ findTokenShape),
  u: () => (/* binding */ quoteServer),
  E$: () => (/* binding */ redact),
  UN: () => (/* binding */ redactFragment)
});

// UNUSED EXPORTS: MIN_SECRET_CHARS, PLATFORM_SECRET_ENV, TOKEN_SHAPES, excerpt

;// CONCATENATED MODULE: ./lib/base/binary-text.js
/**
 * Text that is not text: a gzip body nobody asked for, an image, a truncated multibyte stream — decoded as
 * UTF-8 it is replacement characters and control bytes. Quoting it in an error message helps nobody and can
 * wreck a terminal; it is described instead (`[312 bytes of binary data]`).
 */
/** True when a decoded body is mostly not text: a NUL, or more than 1 in 10 characters undecodable/control. */
function looksBinary(text) {
    if (text.includes('\0'))
        return true;
    const sample = text.slice(0, 4_096);
    if (sample.length === 0)
        return false;
    let odd = 0;
    for (const char of sample) {
        const code = char.codePointAt(0);
        if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d))
            odd++;
    }
    return odd * 10 > sample.length;
}
function describeBinary(text) {
    return `[${Buffer.byteLength(text, 'utf8')} bytes of binary data, not shown]`;
}

;// CONCATENATED MODULE: ./lib/base/secrets.js
/**
 * keel's one secrets policy: which values are secret (`collectSecrets`), what a credential looks like
 * (`TOKEN_SHAPES`), how text is cleaned of both before it can reach a log, a table, an issue, a comment, an
 * artifact or a pushed file (`redact`), and how outgoing content is checked (`findSecret`, `findTokenShape`).
 *
 * Failure messages quote what servers said, and servers echo requests back (headers included); command output
 * prints remote URLs and tokens; models repeat what they were shown. Every sink goes through `redact`, so a key
 * can only appear as `[REDACTED]`.
 */

const REDACTED = '[REDACTED]';
/** Shorter values are not treated as secrets: redacting every "a" or "12" would destroy the text, not a key. */
const MIN_SECRET_CHARS = 4;
/**
 * Environment variables that hold credentials of the platform rather than of a model endpoint: the GitHub
 * token as workflows, the CLI and the action's input pass it, and the runner's own tokens.
 */
const PLATFORM_SECRET_ENV = [
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'INPUT_GITHUB-TOKEN',
    'INPUT_GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
/**
 * Every secret value of this process: the endpoints' keys and the coordination server's password (by the
 * names the configuration gives), the platform's tokens, and `extra` (a token passed as an input). Values
 * shorter than `MIN_SECRET_CHARS` and duplicates are dropped. The one list every entry point (run, lane,
 * daemon, action, probe) redacts with.
 */
function collectSecrets(config, env, extra = []) {
    const names = new Set(PLATFORM_SECRET_ENV);
    for (const endpoint of config?.endpoints ?? [])
        if (endpoint.apiKeyEnv)
            names.add(endpoint.apiKeyEnv);
    if (config?.coordination?.passwordEnv)
        names.add(config.coordination.passwordEnv);
    const values = [...[...names].map((name) => env[name]), ...extra];
    return [...new Set(values.filter(isSecretValue))];
}
function isSecretValue(value) {
    return typeof value === 'string' && value.length >= MIN_SECRET_CHARS;
}
// The left guard stops matches inside longer words ("task-…", "ask-…") without needing \b, which would also
// refuse a key glued to "_" or "-". Lengths are below the real formats' so truncated pastes are still caught.
const START = '(?<![A-Za-z0-9])';
function shape(kind, head, body, strict, loose, flags = '') {
    return {
        kind,
        pattern: new RegExp(`${START}${head}${body}{${strict},}`, flags),
        loose: new RegExp(`${START}${head}${body}{${loose},}`, `${flags}g`),
    };
}
/**
 * What credentials look like, whoever's they are (a key pasted in an issue, a token a tool printed). The GitHub
 * forms are case-sensitive in reality; matching them case-insensitively only errs towards catching. GitHub's
 * newer installation tokens (`ghs_<app id>_<JWT>`, from 2026) have dots and underscores after the prefix.
 */
const TOKEN_SHAPES = [
    // OpenAI (sk-…, sk-proj-…, sk-svcacct-…), Anthropic (sk-ant-…) and OpenRouter (sk-or-…) alike.
    shape('an API key (sk-…)', 'sk-', '[A-Za-z0-9_-]', 16, 6),
    shape('a Google API key (AIza…)', 'AIza', '[A-Za-z0-9_-]', 20, 12),
    shape('a GitHub token', 'gh[opsur]_', '[A-Za-z0-9._]', 20, 16, 'i'),
    shape('a GitHub token', 'github_pat_', '[A-Za-z0-9_]', 20, 16, 'i'),
    shape('a Hugging Face token (hf_…)', 'hf_', '[A-Za-z0-9]', 20, 12),
    shape('a Groq API key (gsk_…)', 'gsk_', '[A-Za-z0-9]', 20, 12),
    shape('a Slack token (xox…)', 'xox[abposr]-', '[A-Za-z0-9-]', 10, 10),
    shape('an AWS access key id (AKIA…)', '(?:AKIA|ASIA)', '[A-Z0-9]', 16, 16),
    {
        kind: 'a private key (PEM)',
        pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/,
        loose: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g,
    },
    {
        kind: 'an Authorization header value (Bearer …)',
        pattern: /\bBearer\s+[^\s"']{8,}/i,
        loose: /\bBearer\s+[^\s"',;]{3,}/gi,
    },
];
// `https://user:token@host/…`: git and other tools print remote URLs, sometimes with the credential in them.
// Bounded repetitions keep these linear on long strings.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,32}:\/\/)[^\s/?#@]{1,512}@/gi;
const CREDENTIAL_QUERY = /([?&][^=&#\s]{0,32}(?:key|token|secret|pass|auth|cred)[^=&#\s]{0,32}=)[^&#\s]+/gi;
/** A key cut short at the end of a quoted excerpt is still a leak if the prefix is long enough to matter. */
const MIN_PARTIAL_SECRET = 6;
/** `text` without the given secrets, anything shaped like a credential, and credentials inside URLs. */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length < MIN_SECRET_CHARS)
            continue;
        out = out.replaceAll(secret, REDACTED);
        const escaped = JSON.stringify(secret).slice(1, -1);
        if (escaped !== secret)
            out = out.replaceAll(escaped, REDACTED);
        out = redactTrailingPrefix(out, secret);
    }
    for (const { loose } of TOKEN_SHAPES)
        out = out.replace(loose, REDACTED);
    return out.replace(URL_USERINFO, `$1${REDACTED}@`).replace(CREDENTIAL_QUERY, `$1${REDACTED}`);
}
/**
 * For a fragment cut out of a longer text at both ends (the tail kept of a command's output): besides what
 * `redact` does, a fragment that *starts* with the last characters of a secret (the cut fell mid-key) has that
 * head replaced too.
 */
function redactFragment(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length < MIN_SECRET_CHARS)
            continue;
        out = redactLeadingSuffix(out, secret);
    }
    return redact(out, secrets);
}
function redactLeadingSuffix(text, secret) {
    for (let length = Math.min(secret.length - 1, text.length); length >= MIN_PARTIAL_SECRET; length--) {
        if (text.startsWith(secret.slice(secret.length - length)))
            return REDACTED + text.slice(length);
    }
    return text;
}
/** The text ends with the first characters of the secret (it was cut mid-key): replace that tail. */
function redactTrailingPrefix(text, secret) {
    for (let length = Math.min(secret.length - 1, text.length); length >= MIN_PARTIAL_SECRET; length--) {
        if (text.endsWith(secret.slice(0, length)))
            return text.slice(0, text.length - length) + REDACTED;
    }
    return text;
}
/** The kind of the first credential-shaped text in `text`, or undefined. */
function findTokenShape(text) {
    for (const { kind, pattern } of TOKEN_SHAPES)
        if (pattern.test(text))
            return kind;
    return undefined;
}
/**
 * The index (1-based, into `secrets`) of the first secret found in `content`, raw or as it appears inside a
 * JSON string (quotes and backslashes escaped). Undefined when none is. Reasons built from this say
 * "secret #n", never the value.
 */
function findSecret(content, secrets) {
    for (const [i, secret] of secrets.entries()) {
        if (secret.length < MIN_SECRET_CHARS)
            continue;
        if (content.includes(secret))
            return i + 1;
        const escaped = JSON.stringify(secret).slice(1, -1);
        if (escaped !== secret && content.includes(escaped))
            return i + 1;
    }
    return undefined;
}
/** One line, at most `max` characters: enough to recognise the server's complaint, short enough for a table. */
function excerpt(text, max = 200) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length <= max ? line : `${line.slice(0, max)}…`;
}
/**
 * Redact first, then cut: cutting first could leave part of a key that no longer matches in full. A body that
 * is not text (compressed, an image) is described, never quoted.
 */
function quoteServer(text, secrets, max = 200) {
    if (looksBinary(text))
        return describeBinary(text);
    return excerpt(redact(text, secrets), max);
}


/***/ }),

/***/ 61091:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Po: () => (/* binding */ CANDIDATE_PATTERN),
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   ST: () => (/* binding */ ROLE_NAMES),
/* harmony export */   dI: () => (/* binding */ ENDPOINT_ID_PATTERN),
/* harmony export */   dT: () => (/* binding */ DEFAULT_MAX_PARALLEL)
/* harmony export */ });
/* unused harmony exports DEFAULT_PROTECTED_PATHS, timeoutsSchema, endpointSchema, policySchema, runSettingsSchema, coordinationSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12311);
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
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * What model edits may not touch unless `run.allowProtectedEdits` (and, for workflows, `allowWorkflowEdits`):
 * files that run code in CI or on a developer's machine, or decide what runs — workflows and composite
 * actions, keel's own configuration (it holds `run.validate`: a model editing it chooses what runs next
 * time), code owners, submodules, attributes (filter drivers), and package-manager configs that can run code.
 */
const DEFAULT_PROTECTED_PATHS = [
    '.github/workflows/**',
    '.github/actions/**',
    'action.yml',
    'action.yaml',
    '.github/keel.yml',
    '.github/keel.yaml',
    '.github/keel-lanes.yml',
    'keel.yml',
    'keel.yaml',
    'keel.json',
    'CODEOWNERS',
    '.gitmodules',
    '.gitattributes',
    '.npmrc',
    '.yarnrc',
    '.yarnrc.yml',
    '.pnpmfile.cjs',
    'bunfig.toml',
];
const timeoutsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    connectMs: positiveMs.default(5_000).describe('TCP/TLS connect timeout.'),
    firstTokenMs: positiveMs
        .default(60_000)
        .describe('Time to the first streamed token (for non-streamed requests: to the response head).'),
    idleMs: positiveMs.default(30_000).describe('Longest gap allowed between two chunks of a response.'),
    totalMs: positiveMs.default(600_000).describe('Whole-request deadline.'),
    loadMs: positiveMs
        .default(120_000)
        .describe('Added to firstTokenMs when the server must load the model first (not loaded at the last scan: ' +
        'Ollama /api/ps, LM Studio, llama.cpp router mode).'),
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
        .optional()
        .describe('Hard cap on requests in flight at this endpoint. Default: the slots the server reports (llama.cpp ' +
        '/props total_slots, LM Studio loaded_instances parallel), else 4.'),
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
    load: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['local', 'server', 'auto'])
        .default('auto')
        .describe("Whose count of requests in flight holds maxParallel: local (keel's own), server (the server's /metrics: vLLM, llama.cpp), auto (server where the flavour reports it)."),
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
        loadIntervalMs: positiveMs
            .default(1_000)
            .describe("Longest interval between two looks at a server's own load (load: server | auto)."),
        staleAfterMs: positiveMs.default(120_000).describe('Probe results older than this are ignored.'),
    })
        .prefault({}),
})
    .prefault({});
const runSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    validate: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(2_000))
        .max(20)
        .default([])
        .describe('Commands run after coding in a throwaway copy of the work tree, e.g. ["npm test"]; they come from this file only.'),
    validateTimeoutMs: positiveMs.default(600_000),
    validateEnv: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(ENV_NAME, 'expected the NAME of an environment variable'))
        .max(100)
        .default([])
        .describe('Environment variables passed to validation commands besides PATH, a fresh HOME and TMPDIR, the locale and CI. Never tokens, endpoint keys, ACTIONS_* or INPUT_*.'),
    sandbox: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['auto', 'bwrap', 'none'])
        .default('auto')
        .describe('Where validation commands run: bwrap (bubblewrap: read-only system, only the copy writable, no view of the checkout, HOME or RUNNER_TEMP), none, or auto (bwrap when it works here, else none; the summary says which).'),
    validateNetwork: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(true)
        .describe('Validation commands may use the network. false needs the bwrap sandbox (--unshare-net); without it validation does not run.'),
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
    coderFormat: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['text', 'json'])
        .default('text')
        .describe('How the coder is asked for edits: text (edit blocks, code never escaped into JSON) or json; both are accepted.'),
    allowWorkflowEdits: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Let model edits touch .github/workflows/ (off: a workflow change needs a human).'),
    protectedPaths: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(1_000))
        .max(200)
        .default([...DEFAULT_PROTECTED_PATHS])
        .describe('Paths model edits may not touch (globs: * within a name, ** across folders; a pattern without / matches that name in any folder): what runs code or decides what runs. Setting it replaces the defaults.'),
    allowProtectedEdits: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Let model edits touch protectedPaths (off: such a change needs a human).'),
    allowIgnoredPaths: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Commit model edits to paths the repository ignores (forced in); off: such an edit fails its subtask with the reason.'),
    exitCodeOnInterrupt: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(0)
        .max(255)
        .default(0)
        .describe('Exit code when a run is interrupted and checkpointed (0: the job is not marked failed).'),
    heartbeatMs: positiveMs.default(5_000),
    leaseStaleMs: positiveMs
        .default(60_000)
        .describe('A run whose process has not beaten its heartbeat for this long may be taken over by another keel process (at least three heartbeats).'),
})
    .prefault({});
const coordinationSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    redis: zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({
        protocol: /^rediss?$/,
        error: 'expected a redis:// or rediss:// URL, e.g. redis://10.0.0.5:6379',
    })
        .refine((url) => new URL(url).password === '', {
        error: 'no password in the URL: put it in an environment variable and name that in passwordEnv',
    })
        .describe("A Redis server every keel process of the fleet reaches: each endpoint's maxParallel then holds across machines."),
    passwordEnv: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the NAME of an environment variable, not a password')
        .optional()
        .describe('Name of the environment variable holding the Redis password.'),
    leaseTtlMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1_000)
        .default(15_000)
        .describe("A slot lease's time to live, renewed while its request runs: a dead machine's slots free after this."),
})
    .describe('Coordination between keel processes on several machines (optional).');
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
    coordination: coordinationSchema.optional(),
})
    .describe('keel configuration');
/** `maxParallel` when the file leaves it out and the server reports no slot count. */
const DEFAULT_MAX_PARALLEL = 4;


/***/ }),

/***/ 84764:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ob: () => (/* binding */ capAtServerDefault),
/* harmony export */   Q5: () => (/* binding */ conservativeNote),
/* harmony export */   Sm: () => (/* binding */ saneWindow),
/* harmony export */   TM: () => (/* binding */ parseModelListing),
/* harmony export */   ht: () => (/* binding */ notThisFlavorOr),
/* harmony export */   oT: () => (/* binding */ MAX_MODELS_PER_ENDPOINT),
/* harmony export */   op: () => (/* binding */ modelIdSchema)
/* harmony export */ });
/* unused harmony export SERVER_DEFAULT_CONTEXT */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12311);
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
const windowSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().max(10_000_000);
/** A model name as a server reports it. `__proto__` is refused: names become keys of plain objects. */
const modelIdSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1)
    .max(512)
    .refine((id) => id !== '__proto__', 'reserved name');
/** A window value if it is a sane token count, else undefined. */
function saneWindow(value) {
    const parsed = windowSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
}
// ---- OpenAI-style listing (`GET {url}/models`): every flavor has it; some put the window in it. ----
const listingEntrySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: modelIdSchema,
    // vLLM (vllm/entrypoints/openai/protocol.py `ModelCard`).
    max_model_len: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    // llama.cpp's per-slot window (tools/server `get_model_info`; router mode: running models only).
    meta: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ n_ctx: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional() }).loose().nullable().optional(),
    // Hosted gateways name the window differently: OpenRouter `context_length` (and `top_provider`), Groq
    // `context_window`, Mistral `max_context_length`; the output caps: Groq `max_completion_tokens`,
    // OpenRouter `top_provider.max_completion_tokens` (nullable).
    context_length: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    context_window: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    max_context_length: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    max_completion_tokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    top_provider: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ context_length: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(), max_completion_tokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional() })
        .loose()
        .nullable()
        .optional(),
});
const listingSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).nullable() });
/** Parses an OpenAI `/models` answer; undefined when it is not a list (so not a healthy answer either). */
function parseModelListing(body) {
    const parsed = listingSchema.safeParse(body);
    if (!parsed.success)
        return undefined;
    const listing = {
        models: [],
        vllmWindows: {},
        llamaWindows: {},
        gatewayWindows: {},
        outputCaps: {},
    };
    for (const raw of (parsed.data.data ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
        const entry = listingEntrySchema.safeParse(raw);
        if (!entry.success)
            continue;
        const { id, top_provider: top } = entry.data;
        if (listing.models.includes(id))
            continue;
        listing.models.push(id);
        const vllm = saneWindow(entry.data.max_model_len);
        if (vllm !== undefined)
            listing.vllmWindows[id] = vllm;
        const llama = saneWindow(entry.data.meta?.n_ctx);
        if (llama !== undefined)
            listing.llamaWindows[id] = llama;
        const gateway = saneWindow(entry.data.context_length) ??
            saneWindow(entry.data.context_window) ??
            saneWindow(entry.data.max_context_length) ??
            saneWindow(top?.context_length);
        if (gateway !== undefined)
            listing.gatewayWindows[id] = gateway;
        const cap = saneWindow(entry.data.max_completion_tokens) ?? saneWindow(top?.max_completion_tokens);
        if (cap !== undefined)
            listing.outputCaps[id] = cap;
    }
    return listing;
}
/**
 * Ollama and LM Studio run a model whose context length nobody set with a default of their own, not with
 * the length it was trained for, and Ollama then cuts long prompts *silently*. Where nothing reports the
 * window actually allocated, keel assumes the smallest default (4096: LM Studio's, and Ollama's below
 * 23 GiB of VRAM — it picks 4k/32k/256k by VRAM since v0.15.5, server/routes.go) and says so in
 * `keel probe`. An overestimate there is worse than an underestimate; `contextWindow` in the config wins.
 */
const SERVER_DEFAULT_CONTEXT = 4096;
function capAtServerDefault(window) {
    return window === undefined ? undefined : Math.min(window, SERVER_DEFAULT_CONTEXT);
}
/** The note `keel probe` prints for models whose window is that assumption. */
function conservativeNote(models, where) {
    if (models.length === 0)
        return undefined;
    const shown = models.slice(0, 5).join(', ') + (models.length > 5 ? ` and ${models.length - 5} more` : '');
    return (`${shown}: ${where} reports no allocated window; assuming at most ${SERVER_DEFAULT_CONTEXT} tokens ` +
        '(set contextWindow if the server gives more)');
}
/** A status answer (404, 405, 501 …) means "not this flavor"; no answer at all is a real failure. */
function notThisFlavorOr(answer) {
    return answer.status === undefined ? { kind: 'failed', error: answer.error } : { kind: 'absent' };
}


/***/ }),

/***/ 62620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ HEALTH_BOOK_SNAPSHOT_VERSION),
/* harmony export */   w: () => (/* binding */ FleetHealthBook)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12311);
/* harmony import */ var _context_discovery_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84764);
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
        this.#scans.set(scan.endpointId, structuredClone(scan));
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
    outputCaps: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .modelIdSchema */ .op, zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).optional(),
    serverSlots: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
    loadedModels: modelsSchema.optional(),
    notes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(400)).max(8).optional(),
    checkedAt: timestampSchema,
    error: errorSchema,
});
/** Keeps the entries that are sane token counts. */
function saneCounts(record) {
    const counts = {};
    for (const [model, value] of Object.entries(record).slice(0, _context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_MODELS_PER_ENDPOINT */ .oT)) {
        const count = (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .saneWindow */ .Sm)(value);
        if (count !== undefined)
            counts[model] = count;
    }
    return counts;
}
/** Drops windows that are not sane token counts, and optional fields that are absent. */
function normaliseScan(scan) {
    const serverWindow = (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .saneWindow */ .Sm)(scan.serverWindow);
    const serverSlots = (0,_context_discovery_js__WEBPACK_IMPORTED_MODULE_0__/* .saneWindow */ .Sm)(scan.serverSlots);
    const outputCaps = scan.outputCaps !== undefined ? saneCounts(scan.outputCaps) : undefined;
    return {
        endpointId: scan.endpointId,
        flavor: scan.flavor,
        models: scan.models,
        contextWindows: saneCounts(scan.contextWindows),
        ...(serverWindow !== undefined ? { serverWindow } : {}),
        ...(outputCaps !== undefined && Object.keys(outputCaps).length > 0 ? { outputCaps } : {}),
        ...(serverSlots !== undefined && serverSlots <= 1024 ? { serverSlots } : {}),
        ...(scan.loadedModels !== undefined ? { loadedModels: scan.loadedModels } : {}),
        ...(scan.notes !== undefined ? { notes: scan.notes } : {}),
        checkedAt: scan.checkedAt,
        ...(scan.error !== undefined ? { error: scan.error } : {}),
    };
}


/***/ }),

/***/ 82247:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ serverRoot),
/* harmony export */   SS: () => (/* binding */ requestJson),
/* harmony export */   UQ: () => (/* binding */ DEFAULT_PROBE_MAX_BYTES),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   vM: () => (/* binding */ undiciFetch),
/* harmony export */   we: () => (/* binding */ joinUrl)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80991);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74743);
/* harmony import */ var _response_shape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59065);
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
    const onOuterAbort = () => controller.abort(deps.signal ? (0,_base_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .abortReason */ .Js)(deps.signal) : undefined);
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
        // A web page (the server's root, a login portal) is no listing: said for what it is, not "not JSON".
        const html = (0,_response_shape_js__WEBPACK_IMPORTED_MODULE_3__/* .htmlAnswer */ .u)(response.status, response.headers.get('content-type'));
        if (html !== undefined) {
            await response.body?.cancel().catch(() => undefined);
            return { ok: false, status: response.status, error: html };
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
            error: truncate((0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(describeError(reason), deps.apiKey ? [deps.apiKey] : [])),
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
/**
 * A `FetchLike` over undici's `request` — the endpoint client's transport — for the small, frequent GETs of
 * a server's load (`/metrics`, `/slots`): about a third of the CPU the WHATWG `fetch` takes per read, which
 * a router that looks at the server on its releases pays many times a second.
 */
const undiciFetch = async (input, init) => {
    const { statusCode, headers, body } = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(input, {
        method: 'GET',
        headers: init?.headers,
        signal: init?.signal ?? undefined,
    });
    const text = await body.text();
    const noBody = statusCode === 204 || statusCode === 304;
    return new Response(noBody ? null : text, {
        status: statusCode,
        headers: Object.entries(headers).flatMap(([name, value]) => value === undefined
            ? []
            : (Array.isArray(value) ? value : [value]).map((v) => [name, v])),
    });
};


/***/ }),

/***/ 62134:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wD: () => (/* reexport */ health_book/* FleetHealthBook */.w),
  iF: () => (/* binding */ checkReady),
  v_: () => (/* binding */ probeHealth),
  RX: () => (/* binding */ probeHttpDeps),
  ce: () => (/* binding */ scanCapabilities),
  uU: () => (/* binding */ shouldSkipEndpoint)
});

// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/fleet/context-discovery.js
var context_discovery = __webpack_require__(84764);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(12311);
// EXTERNAL MODULE: ./lib/fleet/probe-http.js
var probe_http = __webpack_require__(82247);
;// CONCATENATED MODULE: ./lib/fleet/discover-llamacpp.js
/**
 * llama.cpp server's windows and slots (ggml-org/llama.cpp tools/server, read at 00dd081):
 * - single model (`-m`): `GET /props` → `default_generation_settings.n_ctx`, the per-slot window that
 *   limits one request, and `total_slots` (`-np`; auto is 4 with a unified KV cache). `/v1/models` gives
 *   the same window as `data[].meta.n_ctx` (per slot; never `n_ctx_train`, the training length).
 * - router mode (no `-m`; several models, loaded on demand): `/props` answers `{"role":"router",
 *   "default_generation_settings":{"n_ctx":0},…}`; each model's own props come from
 *   `GET /props?model=ID&autoload=false` — without `autoload=false` that request would load the model
 *   (server-models.cpp `is_autoload`: only `true|1` loads, absent means the server default, on). A model
 *   not running answers 400 "model is not loaded": its window is unknown until it is.
 */



/** Router mode asks one `/props` per model: at most this many per scan. */
const MAX_ROUTER_MODELS = 16;
const propsSchema = schemas/* object */.Ikc({
    role: schemas/* string */.YjP().optional(),
    default_generation_settings: schemas/* object */.Ikc({ n_ctx: schemas/* unknown */.L5J().optional() }).loose().optional(),
    n_ctx: schemas/* unknown */.L5J().optional(),
    total_slots: schemas/* unknown */.L5J().optional(),
    model_alias: schemas/* string */.YjP().optional(),
    model_path: schemas/* string */.YjP().optional(),
});
function windowOf(props) {
    return (0,context_discovery/* saneWindow */.Sm)(props.default_generation_settings?.n_ctx) ?? (0,context_discovery/* saneWindow */.Sm)(props.n_ctx);
}
function slotsOf(props) {
    const slots = (0,context_discovery/* saneWindow */.Sm)(props.total_slots);
    return slots !== undefined && slots <= 1024 ? slots : undefined;
}
/** `listing`: what `/models` said (the names served, and `meta.n_ctx` where given). */
async function discoverLlamaCpp(url, http, listing) {
    const root = (0,probe_http/* serverRoot */.CP)(url);
    const answer = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/props'), http);
    if (!answer.ok)
        return (0,context_discovery/* notThisFlavorOr */.ht)(answer);
    const parsed = propsSchema.safeParse(answer.body);
    if (!parsed.success)
        return { kind: 'absent' };
    const props = parsed.data;
    if (props.role === 'router')
        return routerMode(root, http, listing);
    const served = listing?.models ?? [];
    const window = windowOf(props) ?? served.map((model) => listing?.llamaWindows[model]).find(Boolean);
    // LM Studio and others answer unknown paths with 200 and an error object: no n_ctx, not llama.cpp.
    if (window === undefined)
        return { kind: 'absent' };
    const models = [...served];
    const ownName = props.model_alias ?? props.model_path;
    if (models.length === 0 && ownName && context_discovery/* modelIdSchema */.op.safeParse(ownName).success)
        models.push(ownName);
    const slots = slotsOf(props);
    const discovery = {
        flavor: 'llamacpp',
        models,
        contextWindows: Object.fromEntries(models.map((model) => [model, window])),
        serverWindow: window,
        loadedModels: [...models],
        ...(slots !== undefined ? { serverSlots: slots } : {}),
    };
    return { kind: 'found', discovery };
}
async function routerMode(root, http, listing) {
    const models = listing?.models ?? [];
    const discovery = {
        flavor: 'llamacpp',
        models: [...models],
        contextWindows: {},
        loadedModels: [],
    };
    const slots = [];
    const asked = models.slice(0, MAX_ROUTER_MODELS);
    await Promise.all(asked.map(async (model) => {
        const query = `?model=${encodeURIComponent(model)}&autoload=false`;
        const answer = await (0,probe_http/* requestJson */.SS)(`${(0,probe_http/* joinUrl */.we)(root, '/props')}${query}`, http);
        const props = answer.ok ? propsSchema.safeParse(answer.body) : undefined;
        const window = props?.success ? windowOf(props.data) : undefined;
        // `meta.n_ctx` of a running model in the router's listing says the same.
        const known = window ?? listing?.llamaWindows[model];
        if (known === undefined)
            return;
        discovery.contextWindows[model] = known;
        discovery.loadedModels.push(model);
        const own = props?.success ? slotsOf(props.data) : undefined;
        if (own !== undefined)
            slots.push(own);
    }));
    discovery.loadedModels.sort();
    if (slots.length > 0)
        discovery.serverSlots = Math.min(...slots);
    const unknown = models.length - discovery.loadedModels.length;
    discovery.notes = [
        `llama.cpp router mode: ${models.length} model(s), ${discovery.loadedModels.length} loaded` +
            (unknown > 0 ? `; the window of the others is known once they are loaded` : ''),
    ];
    return { kind: 'found', discovery };
}

;// CONCATENATED MODULE: ./lib/fleet/discover-lmstudio.js
/**
 * LM Studio's windows (lmstudio-ai/docs, read at c6854fb, 2026-04):
 * - `GET /api/v1/models` (native REST API v1, LM Studio ≥ 0.4.0; docs `1_developer/2_rest/list.md`):
 *   `{"models":[{type, key, max_context_length, loaded_instances:[{id, config:{context_length,
 *   parallel?}}]}]}`. A loaded instance runs with the length it was loaded with (usually far below the
 *   maximum) and `parallel` prediction slots.
 * - `GET /api/v0/models` (LM Studio ≥ 0.3.6; the docs recommend v1 now): `{"data":[{id, type, state,
 *   max_context_length, loaded_context_length?}]}`. Asked when v1 is not there.
 * A model that is not loaded will be loaded on demand with LM Studio's default length, not its maximum:
 * capped at 4096, and `keel probe` says so. A loaded row wins over a not-loaded one.
 */



const v1Schema = schemas/* object */.Ikc({ models: schemas/* array */.YOg(schemas/* unknown */.L5J()) });
const v1EntrySchema = schemas/* object */.Ikc({
    type: schemas/* string */.YjP().optional(),
    key: context_discovery/* modelIdSchema */.op,
    max_context_length: schemas/* unknown */.L5J().optional(),
    loaded_instances: schemas/* array */.YOg(schemas/* object */.Ikc({
        id: context_discovery/* modelIdSchema */.op.optional(),
        config: schemas/* object */.Ikc({ context_length: schemas/* unknown */.L5J().optional(), parallel: schemas/* unknown */.L5J().optional() })
            .loose()
            .optional(),
    }))
        .max(64)
        .nullable()
        .optional(),
});
const v0Schema = schemas/* object */.Ikc({ data: schemas/* array */.YOg(schemas/* unknown */.L5J()) });
const v0EntrySchema = schemas/* object */.Ikc({
    id: context_discovery/* modelIdSchema */.op,
    type: schemas/* string */.YjP().optional(),
    state: schemas/* string */.YjP().optional(),
    max_context_length: schemas/* unknown */.L5J().optional(),
    loaded_context_length: schemas/* unknown */.L5J().optional(),
});
async function discoverLmStudio(url, http) {
    const root = (0,probe_http/* serverRoot */.CP)(url);
    const v1 = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/api/v1/models'), http);
    if (v1.ok) {
        const parsed = v1Schema.safeParse(v1.body);
        // An LM Studio before 0.4 answers unknown paths with 200 and an error object: then ask v0.
        if (parsed.success)
            return { kind: 'found', discovery: fromV1(parsed.data.models) };
    }
    else if (v1.status === undefined) {
        return (0,context_discovery/* notThisFlavorOr */.ht)(v1);
    }
    const v0 = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/api/v0/models'), http);
    if (!v0.ok)
        return (0,context_discovery/* notThisFlavorOr */.ht)(v0);
    const parsed = v0Schema.safeParse(v0.body);
    if (!parsed.success)
        return { kind: 'absent' };
    return { kind: 'found', discovery: fromV0(parsed.data.data) };
}
/** Collects windows with loaded rows winning, the conservative ones noted, and the slots of loaded LLMs. */
class LmStudioFindings {
    discovery = { flavor: 'lmstudio', models: [], contextWindows: {}, loadedModels: [] };
    #conservative = new Set();
    #slots = [];
    loaded(id, window, slots) {
        this.#add(id);
        if (!this.discovery.loadedModels.includes(id))
            this.discovery.loadedModels.push(id);
        if (window !== undefined) {
            this.discovery.contextWindows[id] = window;
            this.#conservative.delete(id);
        }
        const parallel = (0,context_discovery/* saneWindow */.Sm)(slots);
        if (parallel !== undefined && parallel <= 1024)
            this.#slots.push(parallel);
    }
    notLoaded(id, maximum) {
        this.#add(id);
        if (this.discovery.contextWindows[id] !== undefined)
            return;
        const window = (0,context_discovery/* capAtServerDefault */.Ob)(maximum);
        if (window === undefined)
            return;
        this.discovery.contextWindows[id] = window;
        if (maximum !== undefined && maximum > window)
            this.#conservative.add(id);
    }
    finish() {
        const note = (0,context_discovery/* conservativeNote */.Q5)([...this.#conservative].sort(), 'LM Studio (not loaded)');
        if (note !== undefined)
            this.discovery.notes = [note];
        // Several loaded models share the server: the smallest slot count is the safe cap.
        if (this.#slots.length > 0)
            this.discovery.serverSlots = Math.min(...this.#slots);
        return this.discovery;
    }
    #add(id) {
        const { models } = this.discovery;
        if (!models.includes(id) && models.length < context_discovery/* MAX_MODELS_PER_ENDPOINT */.oT)
            models.push(id);
    }
}
function fromV1(entries) {
    const findings = new LmStudioFindings();
    const rows = entries.slice(0, context_discovery/* MAX_MODELS_PER_ENDPOINT */.oT).flatMap((raw) => {
        const entry = v1EntrySchema.safeParse(raw);
        return entry.success ? [entry.data] : [];
    });
    // Loaded rows first, so that a not-loaded row of the same model never overrides them.
    for (const row of rows) {
        for (const instance of row.loaded_instances ?? []) {
            const window = (0,context_discovery/* saneWindow */.Sm)(instance.config?.context_length);
            findings.loaded(row.key, window, instance.config?.parallel);
            if (instance.id !== undefined && instance.id !== row.key) {
                findings.loaded(instance.id, window, undefined);
            }
        }
    }
    for (const row of rows)
        findings.notLoaded(row.key, (0,context_discovery/* saneWindow */.Sm)(row.max_context_length));
    return findings.finish();
}
function fromV0(entries) {
    const findings = new LmStudioFindings();
    const rows = entries.slice(0, context_discovery/* MAX_MODELS_PER_ENDPOINT */.oT).flatMap((raw) => {
        const entry = v0EntrySchema.safeParse(raw);
        return entry.success ? [entry.data] : [];
    });
    for (const row of rows) {
        if (row.state === 'loaded')
            findings.loaded(row.id, (0,context_discovery/* saneWindow */.Sm)(row.loaded_context_length), undefined);
    }
    for (const row of rows)
        findings.notLoaded(row.id, (0,context_discovery/* saneWindow */.Sm)(row.max_context_length));
    return findings.finish();
}

;// CONCATENATED MODULE: ./lib/fleet/discover-ollama.js
/**
 * Ollama's windows (ollama/ollama, read at fb30760, 2026-08):
 * 1. `GET /api/tags`: the models (and proof that this is Ollama).
 * 2. `GET /api/ps`: the loaded models, each with `context_length` — the window actually allocated per
 *    parallel slot (server/routes.go `PsHandler`; the field exists since v0.10.0, commit 34088dbcf). This
 *    is the number that limits a request, whatever chose it (a request's num_ctx, the Modelfile,
 *    `OLLAMA_CONTEXT_LENGTH`, or the VRAM tier: 4096 / 32768 / 262144 since v0.15.5, stepped down on OOM).
 * 3. `POST /api/show` for the others: `num_ctx` in `parameters` when the Modelfile sets it (lines padded
 *    to 30 columns, `%-*s %#v`); otherwise nothing says what the server will allocate when it loads the
 *    model, so the window is capped at 4096 (`SERVER_DEFAULT_CONTEXT`) and `keel probe` says so.
 * The loaded list also tells the router which models would have to be loaded first (a cold load counts
 * toward the first token).
 */



/** Ollama needs one `/api/show` per model: at most this many per scan, this many at a time. */
const MAX_OLLAMA_SHOWS = 64;
const OLLAMA_SHOW_CONCURRENCY = 4;
const listSchema = schemas/* object */.Ikc({ models: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullable() });
const tagSchema = schemas/* object */.Ikc({ name: context_discovery/* modelIdSchema */.op.optional(), model: context_discovery/* modelIdSchema */.op.optional() });
const psEntrySchema = tagSchema.extend({ context_length: schemas/* unknown */.L5J().optional() });
const showSchema = schemas/* object */.Ikc({
    parameters: schemas/* string */.YjP()
        .max(64 * 1024)
        .optional(),
    model_info: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
});
async function discoverOllama(url, http) {
    const root = (0,probe_http/* serverRoot */.CP)(url);
    const tags = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/api/tags'), http);
    if (!tags.ok)
        return (0,context_discovery/* notThisFlavorOr */.ht)(tags);
    const parsed = listSchema.safeParse(tags.body);
    if (!parsed.success)
        return { kind: 'absent' };
    const models = namesOf(parsed.data.models);
    const contextWindows = {};
    const loaded = await loadedModels(root, http);
    for (const [model, window] of loaded ?? []) {
        if (!models.includes(model) && models.length < context_discovery/* MAX_MODELS_PER_ENDPOINT */.oT)
            models.push(model);
        if (window !== undefined)
            contextWindows[model] = window;
    }
    const conservative = [];
    const queue = models.filter((model) => contextWindows[model] === undefined).slice(0, MAX_OLLAMA_SHOWS);
    const worker = async () => {
        for (let model = queue.shift(); model !== undefined; model = queue.shift()) {
            const found = await showWindow(root, model, http);
            if (found === undefined)
                continue;
            contextWindows[model] = found.window;
            if (found.conservative)
                conservative.push(model);
        }
    };
    await Promise.all(Array.from({ length: OLLAMA_SHOW_CONCURRENCY }, worker));
    const note = (0,context_discovery/* conservativeNote */.Q5)(conservative.sort(), 'Ollama (not loaded, no num_ctx)');
    return {
        kind: 'found',
        discovery: {
            flavor: 'ollama',
            models,
            contextWindows,
            ...(loaded !== undefined ? { loadedModels: [...loaded.keys()] } : {}),
            ...(note !== undefined ? { notes: [note] } : {}),
        },
    };
}
function namesOf(entries) {
    const names = [];
    for (const raw of (entries ?? []).slice(0, context_discovery/* MAX_MODELS_PER_ENDPOINT */.oT)) {
        const tag = tagSchema.safeParse(raw);
        const name = tag.success ? (tag.data.name ?? tag.data.model) : undefined;
        if (name !== undefined && !names.includes(name))
            names.push(name);
    }
    return names;
}
/** `/api/ps`: loaded model → its allocated window (undefined before v0.10.0); undefined if unanswered. */
async function loadedModels(root, http) {
    const answer = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/api/ps'), http);
    if (!answer.ok)
        return undefined;
    const parsed = listSchema.safeParse(answer.body);
    if (!parsed.success)
        return undefined;
    const loaded = new Map();
    for (const raw of (parsed.data.models ?? []).slice(0, context_discovery/* MAX_MODELS_PER_ENDPOINT */.oT)) {
        const entry = psEntrySchema.safeParse(raw);
        const name = entry.success ? (entry.data.name ?? entry.data.model) : undefined;
        if (name !== undefined)
            loaded.set(name, (0,context_discovery/* saneWindow */.Sm)(entry.data?.context_length));
    }
    return loaded;
}
async function showWindow(root, model, http) {
    const answer = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(root, '/api/show'), http, { method: 'POST', body: { model } });
    if (!answer.ok)
        return undefined;
    const show = showSchema.safeParse(answer.body);
    return show.success ? ollamaWindowFromShow(show.data) : undefined;
}
/**
 * `num_ctx` in the model's parameters is what the server will allocate; without it the server's default
 * applies, which nothing reports: the conservative cap, bounded by the trained `<arch>.context_length`.
 */
function ollamaWindowFromShow(show) {
    const numCtx = /^\s*num_ctx\s+"?(\d{1,9})"?\s*$/m.exec(show.parameters ?? '')?.[1];
    const fromParameters = numCtx === undefined ? undefined : (0,context_discovery/* saneWindow */.Sm)(Number(numCtx));
    if (fromParameters !== undefined)
        return { window: fromParameters, conservative: false };
    const capped = (0,context_discovery/* capAtServerDefault */.Ob)(trainedContextLength(show.model_info ?? {}));
    return capped === undefined ? undefined : { window: capped, conservative: true };
}
function trainedContextLength(info) {
    const arch = info['general.architecture'];
    if (typeof arch === 'string') {
        const own = (0,context_discovery/* saneWindow */.Sm)(info[`${arch}.context_length`]);
        if (own !== undefined)
            return own;
    }
    for (const [key, value] of Object.entries(info)) {
        if (!key.endsWith('.context_length'))
            continue;
        const window = (0,context_discovery/* saneWindow */.Sm)(value);
        if (window !== undefined)
            return window;
    }
    return undefined;
}

// EXTERNAL MODULE: ./lib/fleet/health-book.js
var health_book = __webpack_require__(62620);
;// CONCATENATED MODULE: ./lib/fleet/probe.js
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
    const clock = deps.clock ?? base_clock/* systemClock */.ml;
    const http = probeHttpDeps(endpoint, deps);
    const startedAt = clock.now();
    const answer = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(endpoint.url, '/models'), http);
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
    const listing = (0,context_discovery/* parseModelListing */.TM)(answer.body);
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
    const answer = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)((0,probe_http/* serverRoot */.CP)(endpoint.url), '/health'), probeHttpDeps(endpoint, deps));
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
    const clock = deps.clock ?? base_clock/* systemClock */.ml;
    const http = probeHttpDeps(endpoint, deps);
    const finish = (found, error) => ({
        endpointId: endpoint.id,
        flavor: found.flavor,
        models: found.models ?? [],
        contextWindows: found.contextWindows ?? {},
        ...(found.serverWindow !== undefined ? { serverWindow: found.serverWindow } : {}),
        ...(found.outputCaps !== undefined && Object.keys(found.outputCaps).length > 0
            ? { outputCaps: found.outputCaps }
            : {}),
        ...(found.serverSlots !== undefined ? { serverSlots: found.serverSlots } : {}),
        ...(found.loadedModels !== undefined ? { loadedModels: found.loadedModels } : {}),
        ...(found.notes !== undefined && found.notes.length > 0 ? { notes: found.notes } : {}),
        checkedAt: clock.now(),
        ...(error !== undefined ? { error } : {}),
    });
    const declared = endpoint.flavor === 'auto' ? 'openai' : endpoint.flavor;
    const answer = await (0,probe_http/* requestJson */.SS)((0,probe_http/* joinUrl */.we)(endpoint.url, '/models'), http);
    let listing;
    let listingError;
    if (answer.ok) {
        listing = (0,context_discovery/* parseModelListing */.TM)(answer.body);
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
            return discoverLmStudio(url, http);
        case 'llamacpp':
            return discoverLlamaCpp(url, http, listing);
        case 'ollama':
            return discoverOllama(url, http);
    }
}
function fromListing(flavor, listing, windows) {
    if (!listing || !windows)
        return { kind: 'absent' };
    return {
        kind: 'found',
        discovery: {
            flavor,
            models: listing.models,
            contextWindows: { ...windows },
            outputCaps: { ...listing.outputCaps },
        },
    };
}
/** The bounded, keyed HTTP a probe of this endpoint makes (also used to count tokens and ask /health). */
function probeHttpDeps(endpoint, deps) {
    const apiKey = endpoint.apiKeyEnv ? (deps.env ?? process.env)[endpoint.apiKeyEnv] : undefined;
    return {
        fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        clock: deps.clock ?? base_clock/* systemClock */.ml,
        timeoutMs: deps.timeoutMs,
        maxBytes: deps.maxResponseBytes ?? probe_http/* DEFAULT_PROBE_MAX_BYTES */.UQ,
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


/***/ }),

/***/ 59065:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ unusableResponse),
/* harmony export */   u: () => (/* binding */ htmlAnswer)
/* harmony export */ });
function first(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** Why a successful response's head already says its body is no answer; undefined when it may be one. */
function unusableResponse(status, headers) {
    const encoding = first(headers['content-encoding'])?.trim().toLowerCase();
    if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
        return {
            kind: 'malformed',
            message: `the server answered ${encoding}-encoded data keel did not ask for (status ${status}, content-encoding: ${encoding}) — is a proxy between keel and the endpoint compressing it?`,
        };
    }
    const html = htmlAnswer(status, first(headers['content-type']));
    return html === undefined ? undefined : { kind: 'malformed', message: html };
}
/** `the server answered HTML (status 200, text/html) — is the URL …?` for a web page; undefined otherwise. */
function htmlAnswer(status, contentType) {
    const type = contentType?.trim().toLowerCase() ?? '';
    if (!/^(text\/html|application\/xhtml\+xml)\b/.test(type))
        return undefined;
    return `the server answered HTML (status ${status}, ${type.split(';', 1)[0]}) — is the URL the API's base (…/v1)?`;
}


/***/ })

};
