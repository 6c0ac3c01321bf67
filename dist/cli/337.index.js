export const id = 337;
export const ids = [337];
export const modules = {

/***/ 5233:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ abortReason),
/* harmony export */   m: () => (/* binding */ systemClock)
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
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error('aborted');
}


/***/ }),

/***/ 5024:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xL: () => (/* reexport */ ConfigError),
  Z9: () => (/* binding */ loadConfig),
  HT: () => (/* binding */ loadConfigFile),
  GJ: () => (/* binding */ validateConfigValue)
});

// UNUSED EXPORTS: CONFIG_SEARCH_PATHS, INLINE_SOURCE, normalizeConfig, parseConfigText

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/config/secrets.js
/**
 * Recognising API keys and other credentials pasted into a configuration file.
 *
 * keel configuration is committed to repositories, so a literal key there is a leaked key. Endpoints name
 * the environment variable holding their key (`apiKeyEnv`) instead. The detectors err on the side of
 * rejecting: a false alarm costs a rename, a miss costs a key rotation.
 */
// The left guard stops matches inside longer words ("task-…", "ask-…") without needing \b, which would also
// refuse a key glued to "_" or "-". Lengths are below the real formats' so truncated pastes are still caught.
const START = '(?<![A-Za-z0-9])';
const SECRET_PATTERNS = [
    // Covers OpenAI (sk-…, sk-proj-…), Anthropic (sk-ant-…) and OpenRouter (sk-or-…) alike.
    { kind: 'an API key (sk-…)', pattern: new RegExp(`${START}sk-[A-Za-z0-9_-]{16,}`) },
    { kind: 'a Google API key (AIza…)', pattern: new RegExp(`${START}AIza[A-Za-z0-9_-]{20,}`) },
    { kind: 'a GitHub token', pattern: new RegExp(`${START}gh[opsur]_[A-Za-z0-9]{20,}`) },
    { kind: 'a GitHub token', pattern: new RegExp(`${START}github_pat_[A-Za-z0-9_]{20,}`) },
    { kind: 'a Hugging Face token (hf_…)', pattern: new RegExp(`${START}hf_[A-Za-z0-9]{20,}`) },
    { kind: 'a Groq API key (gsk_…)', pattern: new RegExp(`${START}gsk_[A-Za-z0-9]{20,}`) },
    { kind: 'a Slack token (xox…)', pattern: new RegExp(`${START}xox[abposr]-[A-Za-z0-9-]{10,}`) },
    { kind: 'an Authorization header value (Bearer …)', pattern: /\bBearer\s+[^\s"']{8,}/i },
];
/** What kind of credential `text` contains, or undefined. */
function detectSecret(text) {
    for (const { kind, pattern } of SECRET_PATTERNS)
        if (pattern.test(text))
            return kind;
    if (hasUrlUserinfo(text))
        return 'a URL with a user name or password in it (user:password@host)';
    const param = secretQueryParameter(text);
    if (param !== undefined)
        return `a URL carrying a credential in its query ("${param}=…")`;
    return undefined;
}
const SECRET_KEY_WORDS = [
    'apikey',
    'accesskey',
    'secretkey',
    'privatekey',
    'authkey',
    'token',
    'secret',
    'password',
    'passwd',
    'authorization',
    'credential',
];
const SECRET_KEY_EXACT = new Set(['key', 'auth', 'bearer', 'pass', 'pwd']);
/**
 * Whether a mapping key names a credential (`apiKey`, `api_key`, `token`, `clientSecret`, `password`, …).
 * `apiKeyEnv` and other `…Env` keys hold a variable NAME and are fine. Plurals are not matched on purpose:
 * `minOutputTokens` is a count, not a credential (a test checks no schema key is caught).
 */
function isSecretKeyName(key) {
    const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (normalised.endsWith('env'))
        return false;
    if (SECRET_KEY_EXACT.has(normalised))
        return true;
    return SECRET_KEY_WORDS.some((word) => normalised.endsWith(word));
}
/** Looser than {@link isSecretKeyName}: fields whose values we never quote back in messages. */
function isSecretAdjacentKey(key) {
    return /key|token|secret|pass|auth|cred/i.test(key);
}
// Written as scans rather than one regular expression each: a naive pattern backtracks quadratically on a
// long string without "://", and strings here may be a megabyte long.
function hasUrlUserinfo(text) {
    for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
        // Userinfo is whatever precedes "@" in the authority, which ends at the first "/", "?", "#" or space.
        AUTHORITY.lastIndex = at + 3;
        if (AUTHORITY.exec(text)?.[0].includes('@') === true)
            return true;
    }
    return false;
}
const AUTHORITY = /[^/?#\s]*/y;
function secretQueryParameter(text) {
    for (const token of text.split(/\s+/)) {
        const scheme = token.indexOf('://');
        const question = scheme === -1 ? -1 : token.indexOf('?', scheme);
        if (question === -1)
            continue;
        const query = token.slice(question + 1).split('#', 1)[0] ?? '';
        for (const part of query.split(/[&?]/)) {
            const equals = part.indexOf('=');
            if (equals <= 0)
                continue;
            const name = part.slice(0, equals);
            let decoded = name;
            try {
                decoded = decodeURIComponent(name);
            }
            catch {
                // A malformed escape is not our concern here; the raw name is checked instead.
            }
            if (isSecretKeyName(decoded))
                return decoded;
        }
    }
    return undefined;
}
const REDACTED = '[redacted]';
const REDACTORS = [
    ...SECRET_PATTERNS.map(({ pattern }) => [
        new RegExp(pattern.source, `${pattern.flags}g`),
        REDACTED,
    ]),
    // Bounded repetitions keep these linear on long strings.
    [/:\/\/[^/?#\s@]{0,512}@/g, `://${REDACTED}@`],
    [/([?&][^=&#\s]{0,32}(?:key|token|secret|pass|auth|cred)[^=&#\s]{0,32}=)[^&#\s]*/gi, `$1${REDACTED}`],
];
/** Replace anything that looks like a credential in `text`, for messages that may echo user input. */
function redactSecrets(text) {
    let out = text;
    for (const [pattern, replacement] of REDACTORS)
        out = out.replace(pattern, replacement);
    return out;
}
const USE_API_KEY_ENV = 'keep the key out of the file: store it in an environment variable (a repository secret in Actions) and set ' +
    'apiKeyEnv to the NAME of that variable, e.g. apiKeyEnv: OPENAI_API_KEY';

;// CONCATENATED MODULE: ./lib/config/errors.js
/**
 * The one error type configuration loading raises, and the path rendering its issues share.
 *
 * Every problem found in a file is collected and reported at once, each with the path of the bad field, so
 * that a user fixes the whole file in one round instead of one error per run.
 */

/** More than this many lines in a message helps nobody; `issues` still holds all of them. */
const MAX_LINES_IN_MESSAGE = 50;
const MAX_KEY_LENGTH_IN_PATH = 40;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
class ConfigError extends Error {
    name = 'ConfigError';
    /** Tells the CLI to print the message without a stack: the user's file is wrong, not keel. */
    expected = true;
    source;
    issues;
    constructor(source, issues) {
        // Scrub once more on the way out: whatever slipped into a message (a parser echoing its input, a path
        // built from a key) must not carry an API key into logs.
        const safe = issues.map((issue) => ({
            ...issue,
            path: redactSecrets(issue.path),
            message: redactSecrets(issue.message),
        }));
        super(formatIssues(source, safe));
        this.source = source;
        this.issues = safe;
    }
}
function formatIssues(source, issues) {
    const lines = issues.slice(0, MAX_LINES_IN_MESSAGE).map((issue) => {
        const where = issue.line === undefined ? source : `${source}:${issue.line}:${issue.column ?? 1}`;
        return issue.path === '' ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
    });
    const hidden = issues.length - MAX_LINES_IN_MESSAGE;
    if (hidden > 0)
        lines.push(`${source}: … and ${hidden} more problem${hidden === 1 ? '' : 's'}`);
    return lines.join('\n');
}
/** `['endpoints', 1, 'timeouts', 'idleMs']` → `endpoints[1].timeouts.idleMs`. */
function formatPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (PLAIN_KEY.test(segment) && segment.length <= MAX_KEY_LENGTH_IN_PATH) {
            out += out === '' ? segment : `.${segment}`;
        }
        else {
            const shown = segment.length > MAX_KEY_LENGTH_IN_PATH ? `${segment.slice(0, MAX_KEY_LENGTH_IN_PATH)}…` : segment;
            out += `[${JSON.stringify(shown)}]`;
        }
    }
    return out;
}
function toConfigIssue(raw) {
    return { path: formatPath(raw.path), message: raw.message };
}
function configError(source, raw) {
    return new ConfigError(source, raw.map(toConfigIssue));
}

;// CONCATENATED MODULE: ./lib/config/scan.js

/** The real file is at most 5 levels deep; 64 leaves room for any sane mistake and none for a stack attack. */
const MAX_DEPTH = 64;
const MAX_ISSUES = 200;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function scanRawConfig(root) {
    const issues = [];
    const ancestors = new Set();
    const add = (path, message) => {
        if (issues.length < MAX_ISSUES)
            issues.push({ path, message });
    };
    const visitString = (text, path) => {
        const kind = detectSecret(text);
        if (kind !== undefined)
            add(path, `this looks like ${kind}; ${USE_API_KEY_ENV}`);
    };
    const visit = (value, path) => {
        if (issues.length >= MAX_ISSUES)
            return;
        if (typeof value === 'string')
            return visitString(value, path);
        if (typeof value !== 'object' || value === null)
            return;
        if (path.length > MAX_DEPTH)
            return add(path, `nested more than ${MAX_DEPTH} levels deep`);
        if (ancestors.has(value))
            return add(path, 'refers back to itself (a recursive YAML alias?)');
        if (!Array.isArray(value) && !isPlainObject(value))
            return; // the schema reports the wrong type
        ancestors.add(value);
        if (Array.isArray(value)) {
            value.forEach((item, index) => visit(item, [...path, index]));
        }
        else {
            for (const key of Object.keys(value))
                visitEntry(value, key, path);
        }
        ancestors.delete(value);
    };
    const visitEntry = (object, key, path) => {
        if (FORBIDDEN_KEYS.has(key)) {
            return add([...path, key], `the key "${key}" is not allowed (it could tamper with object prototypes)`);
        }
        const keyKind = detectSecret(key);
        // The path would spell the secret out, so report at the parent and do not name the key.
        if (keyKind !== undefined)
            return add(path, `a key in this mapping looks like ${keyKind}; ${USE_API_KEY_ENV}`);
        const child = object[key];
        if (isSecretKeyName(key) && isScalarCredential(child)) {
            return add([...path, key], `literal credentials are not accepted in the configuration; ${USE_API_KEY_ENV}`);
        }
        visit(child, [...path, key]);
    };
    visit(root, []);
    return issues;
}
function isScalarCredential(value) {
    // YAML reads an all-digit password as a number; it is still a password.
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
;// CONCATENATED MODULE: ./lib/config/cross-checks.js
/**
 * Rules that span fields and so cannot live in the schema's per-field checks: endpoint ids are unique, chain
 * entries name declared endpoints, a role does not list the same candidate twice, some role exists.
 *
 * They run on the raw tree, defensively, so that they are reported together with the schema's issues in
 * one round; a part the schema already rejects (a malformed entry, a non-list) is skipped here rather than
 * reported twice.
 */



function crossCheckConfig(raw) {
    if (!isPlainObject(raw))
        return [];
    const issues = [];
    const declared = checkEndpointIds(raw.endpoints, issues);
    checkRoles(raw.roles, declared, issues);
    return issues;
}
/** The declared ids in order, or undefined when some endpoint has no usable id (then nothing is "unknown"). */
function checkEndpointIds(endpoints, issues) {
    if (!Array.isArray(endpoints))
        return undefined;
    const firstIndex = new Map();
    let complete = true;
    endpoints.forEach((endpoint, index) => {
        const id = isPlainObject(endpoint) ? endpoint.id : undefined;
        if (typeof id !== 'string') {
            complete = false;
            return;
        }
        const first = firstIndex.get(id);
        if (first === undefined)
            firstIndex.set(id, index);
        else {
            issues.push({
                path: ['endpoints', index, 'id'],
                message: `duplicate endpoint id "${id}" (first declared at ${formatPath(['endpoints', first])})`,
            });
        }
    });
    return complete && firstIndex.size > 0 ? [...firstIndex.keys()] : undefined;
}
function checkRoles(roles, declared, issues) {
    if (!isPlainObject(roles))
        return;
    const present = schema/* ROLE_NAMES */.ST.filter((role) => Object.hasOwn(roles, role) && roles[role] !== undefined);
    if (present.length === 0) {
        issues.push({ path: ['roles'], message: `declare at least one role (${schema/* ROLE_NAMES */.ST.join(', ')})` });
    }
    for (const role of present) {
        const chain = roles[role];
        if (Array.isArray(chain))
            checkChain(role, chain, declared, issues);
    }
}
function checkChain(role, chain, declared, issues) {
    const seen = new Map();
    const checkEntry = (entry, path) => {
        if (typeof entry !== 'string' || !schema/* CANDIDATE_PATTERN */.Po.test(entry))
            return; // the schema reports it
        const endpointId = entry.slice(0, entry.indexOf('/'));
        if (declared !== undefined && !declared.includes(endpointId)) {
            issues.push({ path, message: `unknown endpoint "${endpointId}" (declared: ${declared.join(', ')})` });
        }
        const earlier = seen.get(entry);
        if (earlier !== undefined) {
            issues.push({ path, message: `"${entry}" already appears in this chain at ${formatPath(earlier)}` });
        }
        else
            seen.set(entry, path);
    };
    chain.forEach((tier, t) => {
        if (Array.isArray(tier))
            tier.forEach((entry, i) => checkEntry(entry, ['roles', role, t, i]));
        else
            checkEntry(tier, ['roles', role, t]);
    });
}

;// CONCATENATED MODULE: ./lib/config/normalize.js
/**
 * Shaping a validated file into what the router consumes: every role chain as tiers of candidates.
 */

/**
 * `lan-a/qwen2.5-coder:7b` → `{ endpointId: 'lan-a', model: 'qwen2.5-coder:7b' }`. The split is at the FIRST
 * "/" because endpoint ids never contain one and model names often do (`openrouter/meta-llama/llama-3.1-8b`).
 */
function parseCandidate(entry) {
    const slash = entry.indexOf('/');
    if (slash <= 0 || slash === entry.length - 1) {
        throw new Error(`not an "endpointId/model" entry: ${JSON.stringify(entry)}`);
    }
    return { endpointId: entry.slice(0, slash), model: entry.slice(slash + 1), key: entry };
}
/** Assumes `parsed` passed the schema and the cross-field checks (see `parseConfigText`). */
function normalizeConfig(parsed) {
    const roles = {};
    for (const role of schema/* ROLE_NAMES */.ST) {
        const chain = parsed.roles[role];
        if (chain === undefined)
            continue;
        // A tier written as one string is a tier of one.
        roles[role] = chain.map((tier) => (typeof tier === 'string' ? [tier] : tier).map(parseCandidate));
    }
    return {
        version: parsed.version,
        endpoints: parsed.endpoints,
        roles,
        policy: parsed.policy,
        run: parsed.run,
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./lib/config/parse-source.js
/**
 * Text → plain data, bounded: YAML for `.yml`/`.yaml` (and anything unnamed), JSON.parse for `.json`.
 *
 * Everything that can go wrong here becomes a ConfigError with a position where one is known. Parser
 * messages are reworded rather than passed through because both parsers like to quote the source around
 * the error, and that source may be a pasted API key.
 */


/** A configuration is a few kilobytes; a megabyte is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/**
 * Aliases let a small YAML file expand exponentially ("billion laughs"). A configuration has little reason
 * to alias at all, so the budget (alias resolutions × alias nodes, as the yaml package counts) is small.
 */
const MAX_YAML_ALIAS_COUNT = 32;
const MAX_SYNTAX_ISSUES = 10;
function isJsonSource(source) {
    return source.toLowerCase().endsWith('.json');
}
function checkSize(byteLength, source) {
    if (byteLength > MAX_CONFIG_BYTES) {
        throw new ConfigError(source, [
            {
                path: '',
                message: `the file is ${byteLength} bytes; a configuration may be at most ${MAX_CONFIG_BYTES}`,
            },
        ]);
    }
}
function parseSourceText(text, source) {
    checkSize(Buffer.byteLength(text, 'utf8'), source);
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const value = isJsonSource(source) ? parseJson(body, source) : parseYaml(body, source);
    if (value === null || value === undefined) {
        throw new ConfigError(source, [
            { path: '', message: 'the file is empty; start from examples/keel.yml or `keel schema`' },
        ]);
    }
    return value;
}
function parseYaml(text, source) {
    const lineCounter = new dist/* LineCounter */.HN();
    let document;
    try {
        // prettyErrors would append a code frame quoting the file; logLevel keeps yaml from writing warnings to
        // the process (a library must not).
        document = (0,dist/* parseDocument */.Tp)(text, {
            prettyErrors: false,
            lineCounter,
            uniqueKeys: true,
            logLevel: 'silent',
        });
    }
    catch (error) {
        throw unreadable(source, 'YAML', error);
    }
    if (document.errors.length > 0) {
        const issues = document.errors.slice(0, MAX_SYNTAX_ISSUES).map((error) => {
            const { line, col } = lineCounter.linePos(error.pos[0]);
            // The yaml package catches its own stack overflow on absurd nesting and reports it as a syntax error.
            const reason = /call stack/i.test(error.message) ? 'nested too deeply to read' : error.message;
            return { path: '', line, column: col, message: `YAML syntax error: ${reason}` };
        });
        throw new ConfigError(source, issues);
    }
    try {
        return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
    }
    catch (error) {
        if (error instanceof ReferenceError && /alias/i.test(error.message)) {
            throw new ConfigError(source, [
                {
                    path: '',
                    message: `YAML anchors/aliases expand too much (budget ${MAX_YAML_ALIAS_COUNT}); write the values out`,
                },
            ]);
        }
        throw unreadable(source, 'YAML', error);
    }
}
function parseJson(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        if (!(error instanceof SyntaxError))
            throw unreadable(source, 'JSON', error);
        return throwJsonSyntaxError(text, source, error.message);
    }
}
function throwJsonSyntaxError(text, source, message) {
    // V8 words these as `Expected ',' or '}' after property value in JSON at position 10 (line 3 column 2)`
    // or `Unexpected token 's', "…source text…" is not valid JSON`; keep the reason, drop any quoted source.
    const reason = (message.split(/ in JSON at position|, "|, \.\.\./)[0] ?? message).replace(/"/g, '').trim();
    const position = /at position (\d+)/.exec(message)?.[1];
    const issue = { path: '', message: `JSON syntax error: ${reason || 'not valid JSON'}` };
    if (position !== undefined)
        Object.assign(issue, lineAndColumn(text, Number(position)));
    throw new ConfigError(source, [issue]);
}
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}
/** The parsers' own failures (deep nesting can exhaust the stack) reported as the file's fault, not ours. */
function unreadable(source, format, error) {
    const tooDeep = error instanceof RangeError;
    return new ConfigError(source, [
        {
            path: '',
            message: tooDeep ? `${format} is nested too deeply to read` : `could not read the file as ${format}`,
        },
    ]);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
;// CONCATENATED MODULE: ./lib/config/schema-issues.js
/**
 * Turning zod's issues into messages a person fixing a YAML file can act on:
 * `endpoints[1].maxParallel: expected a number ≥ 1 (got 0)`, `endpoints[0].maxParalel: unknown key (did you
 * mean "maxParallel"?)`.
 *
 * Messages written in the schema itself (`expected version: 1`) are kept; the error map below only fills in
 * the ones zod would otherwise word generically. Either way the offending value is appended, shortened, and
 * never for fields that may hold credentials.
 */



const MAX_QUOTED_LENGTH = 40;
const EXPECTED_NAMES = {
    number: 'a number',
    int: 'an integer',
    string: 'a string',
    boolean: 'true or false',
    object: 'a mapping (key: value pairs)',
    array: 'a list',
    null: 'null',
};
/** Per-parse error map: zod consults it only for issues whose schema carries no message of its own. */
const schemaErrorMap = (issue) => {
    switch (issue.code) {
        case 'invalid_type':
            return `expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}`;
        case 'too_small':
            return boundMessage(issue.origin, true, issue.inclusive === false ? '>' : '≥', issue.minimum);
        case 'too_big':
            return boundMessage(issue.origin, false, issue.inclusive === false ? '<' : '≤', issue.maximum);
        case 'invalid_value':
            return issue.values.length === 1
                ? `expected ${JSON.stringify(issue.values[0])}`
                : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'not_multiple_of':
            return `expected a multiple of ${String(issue.divisor)}`;
        case 'invalid_format':
            return `expected ${issue.format === 'regex' ? 'a value of the documented form' : issue.format}`;
        default:
            return undefined;
    }
};
function boundMessage(origin, lower, sign, bound) {
    const n = String(bound);
    const atLeastOrMost = lower ? 'at least' : 'at most';
    if (origin === 'array' || origin === 'set')
        return `expected ${atLeastOrMost} ${n} item${n === '1' ? '' : 's'}`;
    if (origin === 'string')
        return `expected ${atLeastOrMost} ${n} character${n === '1' ? '' : 's'}`;
    return `expected a number ${sign} ${n}`;
}
/** Flatten zod issues into path + message pairs, one per problem. */
function describeSchemaIssues(issues, schema, raw) {
    const out = [];
    const visit = (issue, prefix) => {
        const path = [...prefix, ...issue.path.map(toSegment)];
        if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys)
                out.push({ path: [...path, key], message: unknownKeyMessage(schema, path, key) });
            return;
        }
        if (issue.code === 'invalid_union') {
            const branch = closestBranch(issue.errors);
            if (branch)
                return branch.forEach((inner) => visit(inner, path));
        }
        // A refinement receives the whole object it checks; the field it blames is what the user should see.
        if (issue.code === 'custom') {
            const value = valueAt(raw, path);
            // An absent field took its default, so "(missing)" would mislead.
            out.push({ path, message: `${issue.message}${value === undefined ? '' : describeGot(value, path)}` });
        }
        else
            out.push({ path, message: `${issue.message}${describeGot(issue.input, path)}` });
    };
    for (const issue of issues)
        visit(issue, []);
    return out;
}
function valueAt(root, path) {
    let node = root;
    for (const segment of path) {
        if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment))
            return undefined;
        node = node[segment];
    }
    return node;
}
function toSegment(key) {
    return typeof key === 'number' ? key : String(key);
}
/**
 * A union reports every branch's failure. When exactly one branch got past the type check (a tier given as
 * a list whose second entry is wrong), its issues say what is wrong; otherwise the union's own message does.
 */
function closestBranch(branches) {
    const typeMatched = branches.filter((branch) => branch.length > 0 && !branch.every((i) => i.path.length === 0 && i.code === 'invalid_type'));
    return typeMatched.length === 1 ? typeMatched[0] : undefined;
}
/** ` (got 0)`, ` (got "lokal")`, ` (missing)` — or nothing when the value is not worth showing. */
function describeGot(value, path) {
    if (value === undefined)
        return ' (missing)';
    if (value === null)
        return ' (got null)';
    if (typeof value === 'string') {
        const last = path.at(-1);
        if (typeof last === 'string' && isSecretAdjacentKey(last))
            return ` (got a string of ${value.length} characters)`;
        const shown = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;
        return ` (got ${JSON.stringify(shown)})`;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
        return ` (got ${String(value)})`;
    }
    if (Array.isArray(value)) {
        return value.length === 0
            ? ' (got an empty list)'
            : ` (got a list of ${value.length} item${value.length === 1 ? '' : 's'})`;
    }
    if (isPlainObject(value))
        return ' (got a mapping)';
    return ` (got ${typeof value === 'object' ? 'an object' : `a ${typeof value}`})`;
}
function unknownKeyMessage(schema, path, key) {
    if (key === '<<')
        return 'unknown key: YAML merge keys ("<<") are not supported here; repeat the fields instead';
    const allowed = allowedKeysAt(schema, path);
    if (allowed.length === 0)
        return 'unknown key';
    const suggestion = closestKey(key, allowed);
    if (suggestion !== undefined)
        return `unknown key (did you mean "${suggestion}"?)`;
    return `unknown key; allowed here: ${allowed.join(', ')}`;
}
/** The keys the object schema at `path` declares, found by walking the schema the way zod walked the data. */
function allowedKeysAt(schema, path) {
    let nodes = [schema];
    for (const segment of path) {
        nodes = nodes.flatMap(unwrap).flatMap((node) => {
            if (typeof segment === 'number' && node instanceof schemas/* ZodArray */.naA)
                return [node.element];
            if (typeof segment === 'string' && node instanceof schemas/* ZodObject */.bvH) {
                const child = node.shape[segment];
                return child ? [child] : [];
            }
            return [];
        });
    }
    const keys = nodes
        .flatMap(unwrap)
        .flatMap((node) => (node instanceof schemas/* ZodObject */.bvH ? Object.keys(node.shape) : []));
    return [...new Set(keys)];
}
/** Look through optional/default/prefault wrappers and into union branches. */
function unwrap(node) {
    if (node instanceof schemas/* ZodOptional */.IiU || node instanceof schemas/* ZodNullable */.l1C)
        return unwrap(node.unwrap());
    if (node instanceof schemas/* ZodDefault */.XiL || node instanceof schemas/* ZodPrefault */.xgV)
        return unwrap(node.unwrap());
    if (node instanceof schemas/* ZodUnion */.fZ7)
        return node.options.flatMap(unwrap);
    return [node];
}
function closestKey(key, allowed) {
    const squash = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    // `max_parallel`, `MaxParallel`, `max-parallel` are the same mistake.
    const same = allowed.find((candidate) => squash(candidate) === squash(key));
    if (same !== undefined)
        return same;
    if (key.length > 64)
        return undefined;
    let best;
    for (const candidate of allowed) {
        const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
        if (distance <= Math.min(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) {
            best = { key: candidate, distance };
        }
    }
    return best?.key;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

// EXTERNAL MODULE: ./lib/config/search-paths.js
var search_paths = __webpack_require__(1169);
;// CONCATENATED MODULE: ./lib/config/load.js
/**
 * Loading the configuration: find the file, read it bounded, parse, reject literal secrets, validate with
 * the schema, apply the cross-field rules, normalise. Every problem surfaces as one ConfigError that lists
 * all of them with the path of the bad field.
 */













const INLINE_SOURCE = '<inline>';
const READ_CHUNK_BYTES = 64 * 1024;
/** Parse and validate configuration text. `source` names the file in messages and picks JSON for `.json`. */
function parseConfigText(text, source) {
    return validateConfigValue(parseSourceText(text, source), source);
}
/** Validate already-parsed data (from a file or built in code) into the router's form. */
function validateConfigValue(raw, source = INLINE_SOURCE) {
    // Secrets, forbidden keys and cycles stop here: the schema must neither recurse forever nor quote a key.
    const unsafe = scanRawConfig(raw);
    if (unsafe.length > 0)
        throw configError(source, unsafe);
    const result = schema/* configSchema */.Qn.safeParse(raw, { error: schemaErrorMap, reportInput: true });
    const issues = [
        ...(result.success ? [] : describeSchemaIssues(result.error.issues, schema/* configSchema */.Qn, raw)),
        ...crossCheckConfig(raw),
    ];
    if (issues.length > 0 || !result.success) {
        throw configError(source, issues.length > 0 ? issues : [{ path: [], message: 'invalid configuration' }]);
    }
    return normalizeConfig(result.data);
}
/**
 * Load the configuration from a file (YAML or JSON), from an object built in code, or — with no argument —
 * from the first of {@link CONFIG_SEARCH_PATHS} that exists under `cwd`.
 */
async function loadConfig(pathOrObject, options = {}) {
    if (typeof pathOrObject === 'object' && pathOrObject !== null) {
        return validateConfigValue(pathOrObject, INLINE_SOURCE);
    }
    return (await loadConfigFile(pathOrObject, options)).config;
}
/** `loadConfig` for a file (the given one, or the first of the search paths), with the text it read. */
async function loadConfigFile(configPath, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const found = configPath !== undefined
        ? { absolute: external_node_path_.resolve(cwd, configPath), source: configPath }
        : await findConfigFile(cwd);
    const text = await readConfigFile(found.absolute, found.source);
    return { config: parseConfigText(text, found.source), source: { absolute: found.absolute, text } };
}
async function findConfigFile(cwd) {
    const looked = [];
    for (const relative of search_paths/* CONFIG_SEARCH_PATHS */.t) {
        const absolute = external_node_path_.resolve(cwd, relative);
        looked.push(absolute);
        if (await isFile(absolute))
            return { absolute, source: relative };
    }
    throw new ConfigError(cwd, [
        {
            path: '',
            message: `no keel configuration found; looked in ${looked.join(', ')}. ` +
                'Create one (see examples/keel.yml; `keel schema` prints its JSON Schema) or pass a path.',
        },
    ]);
}
async function isFile(absolute) {
    try {
        return (await (0,promises_.stat)(absolute)).isFile();
    }
    catch {
        return false;
    }
}
/** Reads in chunks and stops past MAX_CONFIG_BYTES, so that a file growing under us is still bounded. */
async function readConfigFile(absolute, source) {
    let handle;
    try {
        handle = await (0,promises_.open)(absolute, 'r');
    }
    catch (error) {
        throw new ConfigError(source, [{ path: '', message: describeOpenError(error, absolute) }]);
    }
    try {
        const info = await handle.stat();
        if (!info.isFile())
            throw new ConfigError(source, [{ path: '', message: `${absolute} is not a file` }]);
        checkSize(info.size, source);
        const chunks = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.alloc(READ_CHUNK_BYTES);
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0)
                break;
            total += bytesRead;
            checkSize(total, source);
            chunks.push(chunk.subarray(0, bytesRead));
        }
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
        }
        catch {
            throw new ConfigError(source, [{ path: '', message: 'the file is not valid UTF-8 text' }]);
        }
    }
    finally {
        await handle.close();
    }
}
function describeOpenError(error, absolute) {
    const code = error?.code;
    if (code === 'ENOENT')
        return `file not found (looked for ${absolute})`;
    if (code === 'EACCES' || code === 'EPERM')
        return `permission denied reading ${absolute}`;
    return `cannot read ${absolute}${typeof code === 'string' ? ` (${code})` : ''}`;
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


/***/ }),

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
/* unused harmony export redact */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5233);
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
    const onOuterAbort = () => controller.abort(deps.signal ? (0,_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .abortReason */ .J)(deps.signal) : undefined);
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
            error: redact(describeError(reason), deps.apiKey),
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
/** Removes the key (and anything that looks like a bearer token) from text that may reach logs or a table. */
function redact(text, apiKey) {
    let out = text;
    if (apiKey && apiKey.length >= 4)
        out = out.split(apiKey).join('[redacted]');
    return truncate(out.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]'));
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
/* harmony export */   uU: () => (/* binding */ shouldSkipEndpoint),
/* harmony export */   v_: () => (/* binding */ probeHealth),
/* harmony export */   wD: () => (/* reexport safe */ _health_book_js__WEBPACK_IMPORTED_MODULE_3__.w)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5233);
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
    const clock = deps.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
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
 * Finds the server's flavor, its models and their context windows. With `flavor: auto` the dialects are
 * tried in order (vLLM, whose answer is already in `/models`, then LM Studio, llama.cpp, Ollama) until one
 * yields a window. A hosted endpoint is only asked `/models`: the local servers' paths mean nothing there.
 */
async function scanCapabilities(endpoint, deps) {
    const clock = deps.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
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
        clock: deps.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m,
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
