export const id = 492;
export const ids = [492];
export const modules = {

/***/ 82419:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qi: () => (/* reexport */ createOctokit),
  wc: () => (/* reexport */ readActionContext),
  Vp: () => (/* reexport */ runUrl),
  my: () => (/* reexport */ writerLogins)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./lib/github/api/context.js
/**
 * Where the Action runs, read once from the runner's environment: the repository, the event and its
 * payload, the run. Everything downstream takes this plain object, so tests build one by hand.
 */

class ActionContextError extends Error {
    name = 'ActionContextError';
    expected = true;
}
async function readActionContext(env) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    if (!owner || !repo)
        throw new ActionContextError(`GITHUB_REPOSITORY must be "owner/repo", got "${repository}"`);
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            const parsed = JSON.parse(await (0,promises_.readFile)(env.GITHUB_EVENT_PATH, 'utf8'));
            if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
                payload = parsed;
        }
        catch (error) {
            throw new ActionContextError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${error.message}`);
        }
    }
    return {
        owner,
        repo,
        eventName: env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
        payload,
        runId: env.GITHUB_RUN_ID ?? 'local',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        workflow: env.GITHUB_WORKFLOW ?? 'keel',
        serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
        actor: env.GITHUB_ACTOR ?? 'unknown',
        ...(env.RUNNER_ENVIRONMENT ? { runnerEnvironment: env.RUNNER_ENVIRONMENT } : {}),
        runnerTemp: env.RUNNER_TEMP ?? process.env.TMPDIR ?? '/tmp',
    };
}
function runUrl(ctx) {
    return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
}

;// CONCATENATED MODULE: ./lib/github/api/identity.js
const ACTIONS_BOT = 'github-actions[bot]';
/** The logins keel's token writes as, asked once; never throws. */
async function writerLogins(client, token) {
    if (token === '' || /^ghs_/i.test(token))
        return [ACTIONS_BOT];
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return typeof data.login === 'string' && data.login !== '' ? [data.login] : [ACTIONS_BOT];
    }
    catch {
        return [ACTIONS_BOT];
    }
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 1 modules
var dist_src = __webpack_require__(11303);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var base_secrets = __webpack_require__(80991);
;// CONCATENATED MODULE: ./lib/github/api/octokit.js
/**
 * The one way keel talks to the GitHub API: Octokit with the retry plugin (5xx and network errors, with
 * back-off) and the throttling plugin (primary and secondary rate limits, and GitHub's pacing of writes).
 * `baseUrl` is `GITHUB_API_URL`, so GHES (`https://<host>/api/v3`) and a fake server on loopback both work.
 *
 * The token goes to Octokit and nowhere else: every log line passes through `redact`, and request options
 * (whose headers carry the token) are never logged, only their method and URL.
 */





// The plugins add options and behaviour, not endpoints: the client is an Octokit as far as callers go. (The
// inferred plugin type cannot be named in the emitted declarations.)
const KeelOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** A write to the API was not sent because its body carries a secret or a credential's shape. */
class OutgoingSecretError extends Error {
    constructor(what, kind) {
        super(`keel refused to send ${what}: its body carries ${kind} (the value is not repeated)`);
        this.name = 'OutgoingSecretError';
    }
}
/** Primary rate limit: retried at most this many times, secondary: once. */
const PRIMARY_LIMIT_RETRIES = 2;
const SECONDARY_LIMIT_RETRIES = 1;
// 429 is the throttling plugin's alone (it reads `retry-after`); left to the retry plugin as well, a rate
// limit would be retried by both, and more often than the limits above say.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
function createOctokit(options) {
    const log = safeLog(options.log, options.token);
    const unit = options.retryAfterBaseMs ?? 1000;
    const maxWait = options.maxRateLimitWaitSeconds ?? 300;
    const seconds = (retryAfter) => `${(retryAfter * unit) / 1000} s`;
    const client = new KeelOctokit({
        auth: options.token,
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'keel',
        log,
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit, doNotRetry: DO_NOT_RETRY },
        throttle: {
            retryAfterBaseValue: unit,
            // GitHub paces writes (1 s, 3 s for notifying ones) to stay clear of secondary limits. A server on
            // loopback is never GitHub — it is a test double or a local mirror — so its writes go unpaced; rate
            // limits are still honoured.
            ...(isLoopback(options.baseUrl) ? unpacedWrites() : {}),
            onRateLimit: (retryAfter, request, _octokit, retryCount) => {
                const what = `${request.method} ${request.url}`;
                if (retryCount >= PRIMARY_LIMIT_RETRIES) {
                    log.warn(`GitHub rate limit hit by ${what}; giving up after ${retryCount} retries`);
                    return false;
                }
                if (retryAfter > maxWait) {
                    log.warn(`GitHub rate limit hit by ${what}; it resets in ${seconds(retryAfter)}, too long to wait`);
                    return false;
                }
                log.warn(`GitHub rate limit hit by ${what}; retrying in ${seconds(retryAfter)} (retry ${retryCount + 1})`);
                return true;
            },
            onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
                const what = `${request.method} ${request.url}`;
                if (retryCount >= SECONDARY_LIMIT_RETRIES) {
                    log.warn(`GitHub secondary rate limit hit by ${what}; giving up after ${retryCount} retry`);
                    return false;
                }
                log.warn(`GitHub secondary rate limit hit by ${what}; retrying once in ${seconds(retryAfter)}`);
                return true;
            },
        },
    });
    // The last look before anything keel writes leaves: what it publishes is redacted already, so a hit here is
    // a path that forgot to — refused rather than sent (issue 12 §2).
    client.hook.before('request', (request) => {
        if (request.method === 'GET' || request.method === 'HEAD')
            return;
        const { method, url, baseUrl: _base, headers: _headers, request: _request, mediaType: _media, ...params } = request;
        const text = JSON.stringify(params);
        const secrets = [options.token, ...(options.secrets?.() ?? [])];
        const index = (0,base_secrets/* findSecret */.mt)(text, secrets);
        const kind = index !== undefined ? `secret #${index}` : (0,base_secrets/* findTokenShape */.kf)(text);
        if (kind !== undefined)
            throw new OutgoingSecretError(`${method} ${url}`, kind);
    });
    return client;
}
/**
 * Octokit calls `log.debug('request', options)` with the request options, headers and all: extra arguments are
 * reduced to an error's message or a request's method and URL, and everything is redacted.
 */
function safeLog(sink, token) {
    const secrets = token === '' ? [] : [token];
    const wrap = (write, fallback) => (message, extra) => (write ?? fallback)((0,base_secrets/* redact */.E$)(describe(message, extra), secrets));
    return {
        debug: wrap(sink?.debug, () => { }),
        info: wrap(sink?.info, () => { }),
        warn: wrap(sink?.warn, (message) => console.warn(message)),
        error: wrap(sink?.error, (message) => console.error(message)),
    };
}
function describe(message, extra) {
    const text = typeof message === 'string' ? message : message instanceof Error ? message.message : '';
    if (extra instanceof Error)
        return `${text}: ${extra.message}`;
    if (extra !== null && typeof extra === 'object') {
        const { method, url } = extra;
        if (typeof method === 'string' && typeof url === 'string')
            return `${text}: ${method} ${url}`;
    }
    return text;
}
function unpacedWrites() {
    return {
        write: new light.Group({ maxConcurrent: 1, minTime: 0 }),
        notifications: new light.Group({ maxConcurrent: 1, minTime: 0 }),
    };
}
function isLoopback(baseUrl) {
    try {
        const host = new URL(baseUrl).hostname;
        return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./lib/github/api/index.js
/** github/api/: what the rest of keel uses of it. */





/***/ }),

/***/ 94492:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  um: () => (/* reexport */ GitHubEffects),
  tW: () => (/* reexport */ effectsError),
  hg: () => (/* reexport */ githubMessage),
  jn: () => (/* reexport */ repoEffects),
  Qy: () => (/* reexport */ saysMatching),
  c2: () => (/* reexport */ statusOf),
  Ui: () => (/* reexport */ trustedHostsOf)
});

;// CONCATENATED MODULE: ./lib/github/effects/effects-errors.js
/**
 * What went wrong talking to GitHub, said so a human can act on it. The engine turns a publish error
 * into an interruption whose reason is `error: <message>` cut at 200 characters, so the message leads
 * with what failed and why, and GitHub's own words follow.
 */
class GitHubEffectsError extends Error {
    name = 'GitHubEffectsError';
    /** The HTTP status GitHub answered with; undefined when the request never got an answer. */
    status;
    /** What keel was doing: `create issue`, `comment on #12` … */
    operation;
    constructor(operation, message, status, cause) {
        super(message, cause === undefined ? undefined : { cause });
        this.operation = operation;
        this.status = status;
    }
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** GitHub's message and its validation errors in one line: `Validation Failed: already_exists (name)`. */
function githubMessage(error) {
    const data = error?.response?.data;
    const parts = [];
    if (data && typeof data === 'object') {
        if (typeof data.message === 'string')
            parts.push(data.message);
        if (Array.isArray(data.errors)) {
            const details = data.errors.map(describeValidation).filter((d) => d.length > 0);
            if (details.length > 0)
                parts.push(details.join('; '));
        }
    }
    if (parts.length === 0) {
        const message = error?.message;
        parts.push(typeof message === 'string' ? message : String(error));
    }
    return parts.join(': ').replace(/\s+/g, ' ').slice(0, 500);
}
function describeValidation(entry) {
    if (typeof entry === 'string')
        return entry;
    if (entry === null || typeof entry !== 'object')
        return '';
    const { message, code, field } = entry;
    if (typeof message === 'string')
        return message;
    const text = typeof code === 'string' ? code : '';
    return typeof field === 'string' ? `${text} (${field})` : text;
}
/** A 422 whose validation errors carry this `code` (`already_exists`, `custom` …). */
function hasValidationCode(error, code) {
    const data = error?.response?.data;
    return (statusOf(error) === 422 &&
        Array.isArray(data?.errors) &&
        data.errors.some((e) => e !== null && typeof e === 'object' && e.code === code));
}
/** GitHub's message (or a validation error's) mentions `pattern`. */
function saysMatching(error, pattern) {
    return pattern.test(githubMessage(error));
}
/**
 * The error to throw for a failed request. `subject` names what it was about (`tracking issue #12`,
 * `pull request keel/run-1 → main`) so 404s and 403s can say which thing is missing or refused.
 */
function effectsError(operation, subject, error, advice) {
    if (error instanceof GitHubEffectsError)
        return error;
    const status = statusOf(error);
    const said = githubMessage(error);
    let message;
    switch (status) {
        case undefined:
            message = `GitHub unreachable while trying to ${operation} (${subject}): ${said}`;
            break;
        case 401:
            message = `GitHub rejected the token (401) while trying to ${operation}: check the github-token input`;
            break;
        case 403:
            // The repository (or organisation) setting, not the workflow's permissions: say so first, whole — the
            // engine keeps 200 characters of a publish error (upstream-github notes §5 for the body).
            message = /not permitted to create or approve pull requests/i.test(said)
                ? `GitHub Actions may not open pull requests here (403): enable Settings › Actions › General › "Allow GitHub Actions to create and approve pull requests", or use a PAT as github-token`
                : /rate limit/i.test(said)
                    ? `GitHub rate limit hit while trying to ${operation} for ${subject} (403): ${said}`
                    : /locked/i.test(said)
                        ? `${subject} is locked: GitHub refuses to ${operation} (403). Unlock the conversation or start keel elsewhere`
                        : `GitHub refused to ${operation} for ${subject} (403): the workflow needs \`issues: write\` and \`pull-requests: write\` — ${said}`;
            break;
        case 404:
            message = `${subject} not found (404) while trying to ${operation}: deleted, transferred, or not visible to the token`;
            break;
        case 410:
            // Deleted issues, and repositories with issues turned off.
            message = `GitHub answered 410 Gone while trying to ${operation} (${subject}): ${said}`;
            break;
        case 422:
            message = `GitHub rejected the request to ${operation} for ${subject} (422): ${said}${advice ? ` — ${advice}` : ''}`;
            break;
        default:
            message = `GitHub failed to ${operation} for ${subject} (${status}): ${said}`;
    }
    return new GitHubEffectsError(operation, message, status, error);
}

// EXTERNAL MODULE: ./lib/base/serial.js
var serial = __webpack_require__(63861);
// EXTERNAL MODULE: ./lib/base/clock.js
var clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/base/publish-text.js
var publish_text = __webpack_require__(3700);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var secrets = __webpack_require__(80991);
;// CONCATENATED MODULE: ./lib/github/effects/effects-body.js
/**
 * Texts bound for GitHub: bodies within its 65,536-character limit with the hidden marker always last
 * (a body cut before its marker would be an effect keel can never find again, so the next run would
 * create a second one), titles on one line within GitHub's 256.
 */
/** GitHub's limit for issue, pull-request and comment bodies. */
const MAX_BODY_CHARS = 65_536;
const MAX_TITLE_CHARS = 256;
/**
 * `body` with every copy of `marker` removed, cleaned (`clean`: the publish sanitiser and the redaction),
 * cut to fit `limit` with a visible note, keel's own `tail` (written after cleaning: `Closes #N`) and the
 * marker appended once at the end. Lengths are UTF-16 code units, which never undercount GitHub's
 * characters, and a cut never splits a surrogate pair. A code fence left open by the cut is closed so
 * the note and the marker stay outside it.
 */
function boundBody(body, marker, clean = (text) => text, limit = MAX_BODY_CHARS, tail = '') {
    if (marker.length === 0)
        throw new Error('an effect body needs a marker');
    const content = clean(body.replaceAll(marker, '')).trimEnd();
    const own = tail === '' ? '' : `${content.length > 0 ? '\n\n' : ''}${tail}`;
    const suffix = `${own}${content.length > 0 || own !== '' ? '\n\n' : ''}${marker}`;
    if (content.length + suffix.length <= limit)
        return { text: content + suffix, dropped: 0 };
    // The note's length depends on the count it reports; reserve room for the largest count possible.
    const note = (dropped) => `\n\n… (truncated by keel: ${dropped} more characters not shown)`;
    const fenceClose = '\n```';
    const budget = limit - suffix.length - note(content.length).length - fenceClose.length;
    let kept = content.slice(0, Math.max(0, budget));
    const last = kept.charCodeAt(kept.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        kept = kept.slice(0, -1);
    const dropped = content.length - kept.length;
    const fence = openFence(kept) ? fenceClose : '';
    return { text: `${kept}${fence}${note(dropped)}${own}\n\n${marker}`, dropped };
}
/** True when the text ends inside a ``` (or ~~~) fenced block. */
function openFence(text) {
    let open = false;
    for (const line of text.split('\n'))
        if (/^\s{0,3}(```|~~~)/.test(line))
            open = !open;
    return open;
}
/** One line, cleaned, at most `MAX_TITLE_CHARS` (GitHub rejects longer titles). */
function boundTitle(title, clean = (text) => text) {
    const line = clean(title).replace(/\s+/g, ' ').trim() || 'keel';
    if (line.length <= MAX_TITLE_CHARS)
        return line;
    let cut = line.slice(0, MAX_TITLE_CHARS - 1);
    const last = cut.charCodeAt(cut.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut = cut.slice(0, -1);
    return `${cut}…`;
}
/**
 * The marker of the comment that closes the issue carrying `marker`: found again before it is posted,
 * so a crash between the comment and the close does not post it twice.
 */
function closingMarker(marker) {
    return /\s*-->$/.test(marker) ? marker.replace(/\s*-->$/, ' closing -->') : `${marker} <!-- closing -->`;
}

;// CONCATENATED MODULE: ./lib/github/effects/effects-labels.js

const STYLES = {
    keel: { color: '5319e7', description: 'Opened or handled by keel' },
    'keel-recovery': { color: 'd93f0b', description: 'A keel run stopped early: resume instructions inside' },
    'manual-implementation': { color: 'fbca04', description: 'A subtask keel could not implement' },
    'needs-human-review': { color: 'b60205', description: 'Degraded or unapproved: a human must review' },
};
const DEFAULT_STYLE = { color: 'ededed', description: 'keel' };
function labelStyle(name) {
    return STYLES[name.toLowerCase()] ?? DEFAULT_STYLE;
}
/** Label names as a set keyed case-insensitively, as GitHub compares them. */
function labelNames(labels) {
    const names = new Set();
    for (const label of labels ?? []) {
        const name = typeof label === 'string' ? label : label.name;
        if (name)
            names.add(name.toLowerCase());
    }
    return names;
}
/** `names` without duplicates (case-insensitive), in first-seen order, empty names dropped. */
function uniqueLabels(names) {
    const seen = new Set();
    const out = [];
    for (const raw of names) {
        const name = raw.trim();
        if (name.length === 0 || seen.has(name.toLowerCase()))
            continue;
        seen.add(name.toLowerCase());
        out.push(name);
    }
    return out;
}
class LabelBook {
    #client;
    #owner;
    #repo;
    #known = new Set();
    #onCreated;
    constructor(client, owner, repo, onCreated) {
        this.#client = client;
        this.#owner = owner;
        this.#repo = repo;
        this.#onCreated = onCreated;
    }
    async ensure(names) {
        for (const name of names) {
            if (this.#known.has(name.toLowerCase()))
                continue;
            await this.#ensureOne(name);
            this.#known.add(name.toLowerCase());
        }
    }
    async #ensureOne(name) {
        const repo = { owner: this.#owner, repo: this.#repo };
        try {
            await this.#client.rest.issues.getLabel({ ...repo, name });
            return;
        }
        catch (error) {
            if (statusOf(error) !== 404)
                throw effectsError('look up a label', `label "${name}"`, error);
        }
        try {
            await this.#client.rest.issues.createLabel({ ...repo, name, ...labelStyle(name) });
            this.#onCreated(name);
        }
        catch (error) {
            if (hasValidationCode(error, 'already_exists'))
                return;
            throw effectsError('create a label', `label "${name}"`, error);
        }
    }
}

;// CONCATENATED MODULE: ./lib/github/effects/effects-context.js





/** GitHub's largest page: a look-up that reads every page makes as few requests as it can. */
const PER_PAGE = 100;
class EffectsContext {
    client;
    owner;
    repo;
    trackingIssue;
    baseLabel;
    runUrl;
    redact;
    /** The publish sanitiser, then the redaction: what every title, body and comment goes through. */
    clean;
    closesIssue;
    log;
    labels;
    clock;
    createRetryBaseMs;
    /** Marker → number (issues, pulls) or comment id, once found or made; re-read by number before use. */
    issues = new Map();
    pulls = new Map();
    comments = new Map();
    #authors;
    #trusted;
    #learned = new Set();
    constructor(options) {
        this.client = options.client;
        this.owner = options.owner;
        this.repo = options.repo;
        this.trackingIssue = options.trackingIssue;
        this.baseLabel = options.labels?.base ?? 'keel';
        this.runUrl = options.runUrl;
        this.redact = options.redact ?? ((text) => (0,secrets/* redact */.E$)(text, []));
        const trustedHosts = options.trustedHosts ?? ['github.com'];
        this.clean = (text) => this.redact((0,publish_text/* neutralizeForPublish */.S)(text, { trustedHosts }));
        this.closesIssue = options.closesIssue;
        this.#authors = options.authors ?? (() => Promise.resolve(['github-actions[bot]']));
        this.log = options.log ?? (() => undefined);
        this.clock = options.clock ?? clock/* systemClock */.ml;
        this.createRetryBaseMs = options.createRetryBaseMs ?? 1_000;
        this.labels = new LabelBook(this.client, this.owner, this.repo, (name) => this.log({ type: 'github_label_created', name }));
    }
    /**
     * Whether `item` was written by keel's identity: only then does a marker in it count. An item of anybody
     * else carrying the marker is logged (`github_marker_untrusted`) and passed over.
     */
    async isOwn(kind, marker, item) {
        this.#trusted ??= this.#authors().then((logins) => new Set(logins.map((login) => login.toLowerCase())), () => new Set(['github-actions[bot]']));
        const trusted = await this.#trusted;
        const author = (item.user?.login ?? '').toLowerCase();
        if (author !== '' && (trusted.has(author) || this.#learned.has(author)))
            return true;
        this.log({
            type: 'github_marker_untrusted',
            kind,
            marker,
            id: item.number ?? item.id ?? 0,
            author: item.user?.login ?? '(unknown)',
        });
        return false;
    }
    /** The author of something keel has just created: keel's own identity, whatever the token did not say. */
    learnAuthor(item) {
        const login = item.user?.login;
        if (typeof login === 'string' && login !== '')
            this.#learned.add(login.toLowerCase());
    }
    get repoParams() {
        return { owner: this.owner, repo: this.repo };
    }
    /** How an issue or pull request is named in error messages. */
    subject(number) {
        return `#${number} in ${this.owner}/${this.repo}`;
    }
    /**
     * The body as it is sent: sanitised and redacted, bounded, keel's own `tail` after it and the marker last,
     * and a truncation logged.
     */
    body(kind, marker, body, tail = '') {
        const bounded = boundBody(body, marker, this.clean, undefined, tail);
        if (bounded.dropped > 0)
            this.log({ type: 'github_body_truncated', kind, marker, dropped: bounded.dropped });
        return bounded.text;
    }
    event(type, kind, marker, issue, change = 'body') {
        const base = { kind, marker, id: issue.number, url: issue.html_url };
        this.log(type === 'github_effect_updated' ? { type, ...base, change } : { type, ...base });
    }
    pullEvent(type, marker, pull, change) {
        this.event(type, 'pull_request', marker, pull, change);
    }
    commentEvent(type, marker, comment, change) {
        this.event(type, 'comment', marker, { number: comment.id, html_url: comment.html_url }, change);
    }
}

;// CONCATENATED MODULE: ./lib/github/effects/effects-create.js

/** Tries of a create whose answer was lost (5xx, network), each preceded by a look-up of the marker. */
const CREATE_ATTEMPTS = 3;
/**
 * For creating requests: the client's retry plugin would repeat a POST that GitHub may already have carried
 * out (a 502 after the write), making a duplicate. keel retries those itself, looking the marker up first.
 */
const NO_BLIND_RETRY = { request: { retries: 0 } };
/**
 * `create`, and on a lost answer, after a pause, `find`: only if nothing carries the marker is the create
 * tried again. Other failures (4xx) are thrown as they are.
 */
async function createOnce(ctx, kind, marker, create, find) {
    for (let attempt = 1;; attempt++) {
        try {
            return await create();
        }
        catch (error) {
            const status = statusOf(error);
            if ((status !== undefined && status < 500) || attempt >= CREATE_ATTEMPTS)
                throw error;
            await ctx.clock.sleep(ctx.createRetryBaseMs * attempt ** 2);
            const found = await find();
            ctx.log({
                type: 'github_create_retry',
                kind,
                marker,
                attempt,
                error: githubMessage(error),
                found: found !== undefined,
            });
            if (found !== undefined)
                return found;
        }
    }
}

;// CONCATENATED MODULE: ./lib/github/effects/effects-lookup.js
/**
 * Finding an effect by its hidden marker before anything is created, so a crash and a resume never
 * duplicate one. Each look-up tries the number remembered for the marker first (re-read, since it may have
 * been deleted or edited since) and otherwise lists:
 *
 * - issues: the base label, `state: all`, newest first, every page. Listing, not the search API: search is
 *   eventually consistent, so it misses the issue made just before a crash — the one case the look-up
 *   exists for — and has its own small rate limit.
 * - comments: the issue's comments, every page.
 * - pull requests: those whose head is the work branch, any state.
 *
 * A marker counts only in an item keel's own identity wrote (`EffectsContext.isOwn`): anybody can paste one
 * into a comment or an issue, and taking theirs would edit a stranger's comment or skip keel's own note.
 */


/** The issue carrying `marker`: the remembered number first, else every page of the base label. */
async function findIssue(ctx, marker) {
    const known = ctx.issues.get(marker);
    if (known !== undefined) {
        try {
            const { data } = await ctx.client.rest.issues.get({ ...ctx.repoParams, issue_number: known });
            if (data.body?.includes(marker) && (await ctx.isOwn('issue', marker, data)))
                return data;
        }
        catch (error) {
            // Deleted or transferred since: look again as if it had never been seen.
            if (statusOf(error) !== 404 && statusOf(error) !== 410) {
                throw effectsError('read an issue', ctx.subject(known), error);
            }
        }
        ctx.issues.delete(marker);
    }
    try {
        const pages = ctx.client.paginate.iterator(ctx.client.rest.issues.listForRepo, {
            ...ctx.repoParams,
            labels: ctx.baseLabel,
            state: 'all',
            sort: 'created',
            direction: 'desc',
            per_page: PER_PAGE,
        });
        for await (const page of pages) {
            for (const issue of page.data) {
                // The issues API lists pull requests too; keel's pull request is found by its branch instead.
                if (issue.pull_request || !issue.body?.includes(marker))
                    continue;
                if (!(await ctx.isOwn('issue', marker, issue)))
                    continue;
                ctx.issues.set(marker, issue.number);
                return issue;
            }
        }
    }
    catch (error) {
        throw effectsError(`list issues labelled "${ctx.baseLabel}"`, `${ctx.owner}/${ctx.repo}`, error);
    }
    return undefined;
}
/** The tracking comment carrying `marker` on `issue`: the remembered id first, else every page. */
async function findTrackingComment(ctx, issue, marker, subject) {
    const known = ctx.comments.get(marker);
    if (known !== undefined) {
        try {
            const { data } = await ctx.client.rest.issues.getComment({
                ...ctx.repoParams,
                comment_id: known,
            });
            if (data.body?.includes(marker) && (await ctx.isOwn('comment', marker, data)))
                return data;
        }
        catch (error) {
            if (statusOf(error) !== 404)
                throw effectsError('read the tracking comment', subject, error);
        }
        ctx.comments.delete(marker);
    }
    try {
        const found = await findComment(ctx, issue, marker);
        if (found)
            ctx.comments.set(marker, found.id);
        return found;
    }
    catch (error) {
        throw effectsError('list comments', subject, error);
    }
}
/** The first comment on `issue` carrying `marker`, every page read if need be. Errors are raw. */
async function findComment(ctx, issue, marker) {
    const pages = ctx.client.paginate.iterator(ctx.client.rest.issues.listComments, {
        ...ctx.repoParams,
        issue_number: issue,
        per_page: PER_PAGE,
    });
    for await (const page of pages) {
        for (const comment of page.data) {
            if (comment.body?.includes(marker) && (await ctx.isOwn('comment', marker, comment)))
                return comment;
        }
    }
    return undefined;
}
/** The pull request carrying `marker` whose head is `head`: the remembered number first, else every page. */
async function findPull(ctx, marker, head, subject) {
    const known = ctx.pulls.get(marker);
    if (known !== undefined) {
        try {
            const { data } = await ctx.client.rest.pulls.get({ ...ctx.repoParams, pull_number: known });
            if (data.body?.includes(marker) && (await ctx.isOwn('pull_request', marker, data)))
                return data;
        }
        catch (error) {
            if (statusOf(error) !== 404)
                throw effectsError('read a pull request', subject, error);
        }
        ctx.pulls.delete(marker);
    }
    try {
        const pages = ctx.client.paginate.iterator(ctx.client.rest.pulls.list, {
            ...ctx.repoParams,
            head,
            state: 'all',
            per_page: PER_PAGE,
        });
        for await (const page of pages) {
            for (const pull of page.data) {
                if (!pull.body?.includes(marker) || !(await ctx.isOwn('pull_request', marker, pull)))
                    continue;
                ctx.pulls.set(marker, pull.number);
                return pull;
            }
        }
    }
    catch (error) {
        throw effectsError('list pull requests', subject, error);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/github/effects/effects-issues.js





async function ensureIssue(ctx, spec) {
    const found = await findIssue(ctx, spec.marker);
    if (!found)
        return createIssue(ctx, spec);
    ctx.event('github_effect_found', 'issue', spec.marker, found);
    return issueRef(found, false);
}
async function upsertIssue(ctx, spec) {
    const found = await findIssue(ctx, spec.marker);
    if (!found)
        return createIssue(ctx, spec);
    const title = boundTitle(spec.title, ctx.clean);
    const body = ctx.body('issue', spec.marker, spec.body);
    const change = {};
    if (found.title !== title)
        change.title = title;
    if ((found.body ?? '') !== body)
        change.body = body;
    if (found.state === 'closed')
        change.state = 'open';
    if (Object.keys(change).length === 0) {
        ctx.event('github_effect_found', 'issue', spec.marker, found);
        return issueRef(found, false);
    }
    try {
        await ctx.client.rest.issues.update({ ...ctx.repoParams, issue_number: found.number, ...change });
    }
    catch (error) {
        throw effectsError('update an issue', ctx.subject(found.number), error);
    }
    ctx.event('github_effect_updated', 'issue', spec.marker, found, change.state ? 'reopened' : 'body');
    return issueRef(found, false);
}
async function closeIssue(ctx, marker, comment) {
    const found = await findIssue(ctx, marker);
    if (!found)
        return undefined;
    if (found.state === 'closed')
        return issueRef(found, false);
    const closing = closingMarker(marker);
    const posted = found.comments > 0 && (await findComment(ctx, found.number, closing)) !== undefined;
    if (!posted) {
        const link = ctx.runUrl && !comment.includes(ctx.runUrl) ? `\n\nFinished by ${ctx.runUrl}` : '';
        const body = boundBody(`${comment}${link}`, closing, ctx.clean).text;
        try {
            await createOnce(ctx, 'comment', closing, async () => (await ctx.client.rest.issues.createComment({
                ...ctx.repoParams,
                issue_number: found.number,
                body,
                ...NO_BLIND_RETRY,
            })).data, () => findComment(ctx, found.number, closing));
        }
        catch (error) {
            throw effectsError('comment before closing', ctx.subject(found.number), error);
        }
    }
    try {
        await ctx.client.rest.issues.update({
            ...ctx.repoParams,
            issue_number: found.number,
            state: 'closed',
            state_reason: 'completed',
        });
    }
    catch (error) {
        throw effectsError('close an issue', ctx.subject(found.number), error);
    }
    ctx.event('github_effect_updated', 'issue', marker, found, 'closed');
    return issueRef(found, false);
}
async function upsertTrackingComment(ctx, marker, body) {
    const issue = ctx.trackingIssue;
    if (issue === undefined) {
        ctx.log({
            type: 'github_tracking_comment_skipped',
            marker,
            reason: 'no tracking issue for this run',
        });
        return { id: '', url: '', created: false };
    }
    const subject = `tracking issue ${ctx.subject(issue)}`;
    const text = ctx.body('comment', marker, body);
    const found = await findTrackingComment(ctx, issue, marker, subject);
    if (found) {
        if ((found.body ?? '') !== text) {
            try {
                await ctx.client.rest.issues.updateComment({
                    ...ctx.repoParams,
                    comment_id: found.id,
                    body: text,
                });
            }
            catch (error) {
                throw effectsError('edit the tracking comment', subject, error);
            }
            ctx.commentEvent('github_effect_updated', marker, found, 'body');
        }
        else
            ctx.commentEvent('github_effect_found', marker, found);
        return { id: String(found.id), url: found.html_url, created: false };
    }
    let data;
    try {
        data = await createOnce(ctx, 'comment', marker, async () => (await ctx.client.rest.issues.createComment({
            ...ctx.repoParams,
            issue_number: issue,
            body: text,
            ...NO_BLIND_RETRY,
        })).data, () => findComment(ctx, issue, marker));
    }
    catch (error) {
        throw effectsError('post the tracking comment', subject, error);
    }
    ctx.learnAuthor(data);
    ctx.comments.set(marker, data.id);
    ctx.commentEvent('github_effect_created', marker, data);
    return { id: String(data.id), url: data.html_url, created: true };
}
async function createIssue(ctx, spec) {
    const labels = uniqueLabels([ctx.baseLabel, ...spec.labels]);
    await ctx.labels.ensure(labels);
    const params = {
        ...ctx.repoParams,
        title: boundTitle(spec.title, ctx.clean),
        body: ctx.body('issue', spec.marker, spec.body),
        labels,
        ...NO_BLIND_RETRY,
    };
    let data;
    try {
        data = await createOnce(ctx, 'issue', spec.marker, async () => (await ctx.client.rest.issues.create(params)).data, () => findIssue(ctx, spec.marker));
    }
    catch (error) {
        throw effectsError('open an issue', `${ctx.owner}/${ctx.repo}`, error);
    }
    ctx.learnAuthor(data);
    ctx.issues.set(spec.marker, data.number);
    ctx.event('github_effect_created', 'issue', spec.marker, data);
    return issueRef(data, true);
}
function issueRef(issue, created) {
    return { id: String(issue.number), url: issue.html_url, created };
}

;// CONCATENATED MODULE: ./lib/github/effects/effects-pulls.js




const NEEDS_HUMAN_REVIEW = 'needs-human-review';
async function ensurePullRequest(ctx, spec) {
    const branch = spec.head.includes(':') ? spec.head.slice(spec.head.indexOf(':') + 1) : spec.head;
    const head = `${ctx.owner}:${branch}`;
    const subject = `pull request ${branch} → ${spec.base} in ${ctx.owner}/${ctx.repo}`;
    const found = await findPull(ctx, spec.marker, head, subject);
    if (found) {
        ctx.pullEvent('github_effect_found', spec.marker, found);
        await addMissingLabels(ctx, found, pullLabels(spec, found.draft !== true), spec.marker);
        return pullRef(found, false);
    }
    const labels = uniqueLabels(spec.labels);
    await ctx.labels.ensure(spec.draft ? uniqueLabels([...labels, NEEDS_HUMAN_REVIEW]) : labels);
    const params = {
        ...ctx.repoParams,
        title: boundTitle(spec.title, ctx.clean),
        // keel's own closing keyword, for the issue that asked for the run, goes after the sanitiser.
        body: ctx.body('pull_request', spec.marker, spec.body, ctx.closesIssue !== undefined ? `Closes #${ctx.closesIssue}` : ''),
        head: branch,
        base: spec.base,
    };
    let created;
    let draft = spec.draft;
    try {
        created = await createPull(ctx, { ...params, draft }, head, spec.base, subject);
    }
    catch (error) {
        if (!(draft &&
            statusOf(error) === 422 &&
            saysMatching(error, /draft pull requests are not supported/i))) {
            throw error;
        }
        ctx.log({ type: 'github_draft_unsupported', head });
        draft = false;
        created = await createPull(ctx, { ...params, draft }, head, spec.base, subject);
    }
    const { pull, adopted } = created;
    if (adopted) {
        ctx.log({ type: 'github_pull_request_adopted', head, id: pull.number, url: pull.html_url });
        // Somebody else's pull request on keel's branch is theirs to label; one of keel's is converged.
        if (pull.body?.includes(spec.marker) && (await ctx.isOwn('pull_request', spec.marker, pull))) {
            ctx.pulls.set(spec.marker, pull.number);
            await addMissingLabels(ctx, pull, pullLabels(spec, pull.draft !== true), spec.marker);
        }
        return pullRef(pull, false);
    }
    ctx.learnAuthor(pull);
    ctx.pulls.set(spec.marker, pull.number);
    ctx.pullEvent('github_effect_created', spec.marker, pull);
    await addMissingLabels(ctx, pull, pullLabels(spec, !draft), spec.marker);
    return pullRef(pull, true);
}
/**
 * Opens the pull request. GitHub allows one open pull request per head and base: when it says one
 * exists, that one is returned (`adopted`) rather than failing the run over it.
 */
async function createPull(ctx, params, head, base, subject) {
    try {
        const { data } = await ctx.client.rest.pulls.create(params);
        return { pull: data, adopted: false };
    }
    catch (error) {
        if (statusOf(error) === 422 && saysMatching(error, /draft pull requests are not supported/i))
            throw error;
        if (statusOf(error) !== 422 || !saysMatching(error, /pull request already exists/i)) {
            const advice = saysMatching(error, /no commits between|head/i)
                ? 'is the work branch pushed, with commits?'
                : undefined;
            throw effectsError('open a pull request', subject, error, advice);
        }
        let open;
        try {
            const { data } = await ctx.client.rest.pulls.list({
                ...ctx.repoParams,
                head,
                base,
                state: 'open',
            });
            open = data[0];
        }
        catch (listError) {
            throw effectsError('list pull requests', subject, listError);
        }
        if (!open)
            throw effectsError('open a pull request', subject, error);
        return { pull: open, adopted: true };
    }
}
/** The labels the pull request should carry: the spec's, plus `needs-human-review` for a draft opened ready. */
function pullLabels(spec, openedReady) {
    return uniqueLabels(spec.draft && openedReady ? [...spec.labels, NEEDS_HUMAN_REVIEW] : spec.labels);
}
/** Adds the wanted labels the pull request lacks — none after a clean creation, some after a crash. */
async function addMissingLabels(ctx, pull, wanted, marker) {
    const present = labelNames(pull.labels);
    const missing = wanted.filter((name) => !present.has(name.toLowerCase()));
    if (missing.length === 0)
        return;
    await ctx.labels.ensure(missing);
    try {
        await ctx.client.rest.issues.addLabels({
            ...ctx.repoParams,
            issue_number: pull.number,
            labels: missing,
        });
    }
    catch (error) {
        throw effectsError('label the pull request', ctx.subject(pull.number), error);
    }
    ctx.pullEvent('github_effect_updated', marker, pull, 'labels');
}
function pullRef(pull, created) {
    return { id: String(pull.number), url: pull.html_url, created };
}

;// CONCATENATED MODULE: ./lib/github/effects/github-effects.js






class GitHubEffects {
    owner;
    repo;
    trackingIssue;
    baseLabel;
    #context;
    #serial = new serial/* Serial */.l();
    constructor(options) {
        this.#context = new EffectsContext(options);
        this.owner = this.#context.owner;
        this.repo = this.#context.repo;
        this.trackingIssue = this.#context.trackingIssue;
        this.baseLabel = this.#context.baseLabel;
    }
    ensureIssue(spec) {
        return this.#serial.run(() => ensureIssue(this.#context, spec));
    }
    upsertIssue(spec) {
        return this.#serial.run(() => upsertIssue(this.#context, spec));
    }
    closeIssue(marker, comment) {
        return this.#serial.run(() => closeIssue(this.#context, marker, comment));
    }
    upsertComment(marker, body) {
        return this.#serial.run(() => upsertTrackingComment(this.#context, marker, body));
    }
    ensurePullRequest(spec) {
        return this.#serial.run(() => ensurePullRequest(this.#context, spec));
    }
}

// EXTERNAL MODULE: ./lib/github/api/index.js + 3 modules
var api = __webpack_require__(82419);
;// CONCATENATED MODULE: ./lib/github/effects/repo-effects.js
/**
 * The GitHub publisher for one repository, as every entry (the Action's steps, a lane on a runner) builds
 * it: the workflow run linked, links to the GitHub server kept as links (everything else the publish
 * sanitiser defangs), the configured keys scrubbed, markers trusted only on what keel's identity wrote.
 */



function repoEffects(o) {
    let authors;
    return new GitHubEffects({
        client: o.client,
        owner: o.ctx.owner,
        repo: o.ctx.repo,
        runUrl: (0,api/* runUrl */.Vp)(o.ctx),
        redact: (text) => (0,secrets/* redact */.E$)(text, o.secrets),
        trustedHosts: trustedHostsOf(o.ctx),
        authors: () => (authors ??= (0,api/* writerLogins */.my)(o.client, o.token)),
        ...(o.trackingIssue !== undefined ? { trackingIssue: o.trackingIssue } : {}),
        ...(o.closesIssue !== undefined ? { closesIssue: o.closesIssue } : {}),
    });
}
/** The GitHub server's host (GHES, or a fake on loopback in tests) and github.com. */
function trustedHostsOf(ctx) {
    let host;
    try {
        host = new URL(ctx.serverUrl).hostname.toLowerCase();
    }
    catch {
        host = undefined;
    }
    return [...new Set(['github.com', ...(host ? [host] : [])])];
}

;// CONCATENATED MODULE: ./lib/github/effects/index.js
/** github/effects/: what the rest of keel uses of it. */





/***/ })

};
