export const id = 24;
export const ids = [24];
export const modules = {

/***/ 75024:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xL: () => (/* reexport */ ConfigError),
  Z9: () => (/* binding */ loadConfig),
  HT: () => (/* binding */ loadConfigFile),
  Bu: () => (/* binding */ parseConfigText),
  GJ: () => (/* binding */ validateConfigValue)
});

// UNUSED EXPORTS: CONFIG_SEARCH_PATHS, INLINE_SOURCE, normalizeConfig

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var secrets = __webpack_require__(80991);
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
            path: (0,secrets/* redact */.E$)(issue.path, []),
            message: (0,secrets/* redact */.E$)(issue.message, []),
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

;// CONCATENATED MODULE: ./lib/config/secrets.js
/**
 * Recognising API keys and other credentials pasted into a configuration file.
 *
 * keel configuration is committed to repositories, so a literal key there is a leaked key. Endpoints name
 * the environment variable holding their key (`apiKeyEnv`) instead. The detectors err on the side of
 * rejecting: a false alarm costs a rename, a miss costs a key rotation.
 */

/** What kind of credential `text` contains, or undefined. */
function detectSecret(text) {
    const shape = (0,secrets/* findTokenShape */.kf)(text);
    if (shape !== undefined)
        return shape;
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
const USE_API_KEY_ENV = 'keep the key out of the file: store it in an environment variable (a repository secret in Actions) and set ' +
    'apiKeyEnv to the NAME of that variable, e.g. apiKeyEnv: OPENAI_API_KEY';
const USE_PASSWORD_ENV = 'keep the password out of the file: store it in an environment variable (a repository secret in Actions) ' +
    'and set coordination.passwordEnv to the NAME of that variable';

;// CONCATENATED MODULE: ./lib/config/scan.js

/** The real file is at most 5 levels deep; 64 leaves room for any sane mistake and none for a stack attack. */
const MAX_DEPTH = 64;
const MAX_ISSUES = 200;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Where the credential belongs instead: the coordination server's password has its own `…Env`. */
function adviceAt(path) {
    return path[0] === 'coordination' ? USE_PASSWORD_ENV : USE_API_KEY_ENV;
}
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
            add(path, `this looks like ${kind}; ${adviceAt(path)}`);
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
            return add(path, `a key in this mapping looks like ${keyKind}; ${adviceAt(path)}`);
        const child = object[key];
        if (isSecretKeyName(key) && isScalarCredential(child)) {
            return add([...path, key], `literal credentials are not accepted in the configuration; ${adviceAt(path)}`);
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
var schema = __webpack_require__(61091);
;// CONCATENATED MODULE: ./lib/config/cross-checks.js
/**
 * Rules that span fields and so cannot live in the schema's per-field checks: endpoint ids are unique, chain
 * entries name declared endpoints, a role does not list the same candidate twice, some role exists, and
 * `run.validateEnv` names no credential (the GitHub token, the runner's `ACTIONS_*`, the action's `INPUT_*`,
 * an endpoint's key): validation runs model-written code.
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
    checkValidateEnv(raw, issues);
    return issues;
}
const CREDENTIAL_NAMES = /^(?:GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|ACTIONS_.*|INPUT_.*|RUNNER_.*TOKEN.*)$/i;
function checkValidateEnv(raw, issues) {
    const run = raw.run;
    if (!isPlainObject(run) || !Array.isArray(run.validateEnv))
        return;
    const keys = new Set();
    if (Array.isArray(raw.endpoints)) {
        for (const endpoint of raw.endpoints) {
            if (isPlainObject(endpoint) && typeof endpoint.apiKeyEnv === 'string')
                keys.add(endpoint.apiKeyEnv);
        }
    }
    run.validateEnv.forEach((name, index) => {
        if (typeof name !== 'string')
            return;
        const why = keys.has(name)
            ? 'is the API key of an endpoint'
            : CREDENTIAL_NAMES.test(name)
                ? 'holds a credential of the platform'
                : undefined;
        if (why !== undefined) {
            issues.push({
                path: ['run', 'validateEnv', index],
                message: `${name} ${why}: validation runs model-written code and never gets it`,
            });
        }
    });
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
        endpoints: parsed.endpoints.map(resolveEndpoint),
        roles,
        policy: parsed.policy,
        run: parsed.run,
        ...(parsed.coordination ? { coordination: parsed.coordination } : {}),
    };
}
/** One endpoint's entry, validated and resolved as `loadConfig` does (throws on invalid input). */
function endpointConfig(input) {
    return resolveEndpoint(endpointSchema.parse(input));
}
/** `maxParallel` set; left out, the default for now, marked so a scan's slot count may take its place. */
function resolveEndpoint(endpoint) {
    const { maxParallel, ...rest } = endpoint;
    return maxParallel === undefined
        ? { ...rest, maxParallel: schema/* DEFAULT_MAX_PARALLEL */.dT, maxParallelDefaulted: true }
        : { ...rest, maxParallel };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
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
var schemas = __webpack_require__(12311);
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
var search_paths = __webpack_require__(11169);
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
        : locateConfigFile(cwd);
    const text = await readConfigFile(found.absolute, found.source);
    return { config: parseConfigText(text, found.source), source: { absolute: found.absolute, text } };
}
function locateConfigFile(cwd) {
    const found = (0,search_paths/* findConfigFile */.i)(cwd);
    if (found.absolute !== undefined)
        return found;
    throw new ConfigError(cwd, [
        {
            path: '',
            message: `no keel configuration found; looked in ${found.looked.join(', ')}. ` +
                'Create one (see examples/keel.yml; `keel schema` prints its JSON Schema) or pass a path.',
        },
    ]);
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


/***/ })

};
