export const id = 227;
export const ids = [227];
export const modules = {

/***/ 1227:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LANE_USAGE: () => (/* binding */ LANE_USAGE),
  laneCommand: () => (/* binding */ laneCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(5024);
// EXTERNAL MODULE: ./lib/base/secrets.js
var base_secrets = __webpack_require__(3516);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(9988);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
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
    return new KeelOctokit({
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

// EXTERNAL MODULE: ./lib/lanes/lane-engine.js
var lane_engine = __webpack_require__(9180);
// EXTERNAL MODULE: ./lib/lanes/lane-runner.js + 3 modules
var lane_runner = __webpack_require__(7366);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./lib/lanes/lane-watch.js
/**
 * Wakes an idle persistent lane as soon as its queue file changes, so that a task appended while the lane
 * waits starts at once rather than at the next poll. An optimisation only: the poll stays the guarantee
 * (inotify misses changes on network file systems, and a watch can fail to start at all — then this never
 * wakes anyone and the poll carries on alone).
 *
 * The directory is watched, not the file: producers may create the file late, or replace it by a rename.
 */


function createQueueWatch(path) {
    const name = (0,external_node_path_.basename)(path);
    const waiting = new Set();
    let watcher;
    const fire = () => {
        for (const resolve of [...waiting])
            resolve();
        waiting.clear();
    };
    try {
        watcher = (0,external_node_fs_.watch)((0,external_node_path_.dirname)(path), { persistent: false }, (_event, file) => {
            // Some platforms do not say which file changed: then any change wakes.
            if (file === null || String(file) === name)
                fire();
        });
        watcher.on('error', () => {
            watcher?.close();
            watcher = undefined;
        });
    }
    catch {
        watcher = undefined;
    }
    return {
        wake: (signal) => new Promise((resolve) => {
            if (signal.aborted)
                return resolve();
            const done = () => {
                waiting.delete(done);
                signal.removeEventListener('abort', done);
                resolve();
            };
            waiting.add(done);
            signal.addEventListener('abort', done, { once: true });
        }),
        close: () => {
            watcher?.close();
            watcher = undefined;
            fire();
        },
    };
}

// EXTERNAL MODULE: ./lib/lanes/lanes-file.js
var lanes_file = __webpack_require__(8807);
// EXTERNAL MODULE: ./lib/queue/claim-store.js
var claim_store = __webpack_require__(7627);
// EXTERNAL MODULE: ./lib/base/sanitize-untrusted.js
var sanitize_untrusted = __webpack_require__(1717);
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
function effects_errors_statusOf(error) {
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
    return (effects_errors_statusOf(error) === 422 &&
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
    const status = effects_errors_statusOf(error);
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
            message = /rate limit/i.test(said)
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

;// CONCATENATED MODULE: ./lib/github/triggers/trigger-gateway.js

const DEFAULT_TASK_LABEL = 'keel';
/** `keel:paused` (a human said stop) and `keel:running` (a run holds it) keep an issue off the schedule. */
function pausedLabel(label = DEFAULT_TASK_LABEL) {
    return `${label}:paused`;
}
function runningLabel(label = DEFAULT_TASK_LABEL) {
    return `${label}:running`;
}
/** Issues looked at before the schedule gives up: ten pages of a hundred. */
const MAX_PAGES = 10;
const PERMISSIONS = (/* unused pure expression or super */ null && (['admin', 'maintain', 'write', 'triage', 'read', 'none']));
function createTriggerGateway(client, ctx, options = {}) {
    const { owner, repo } = ctx;
    const label = options.label ?? DEFAULT_TASK_LABEL;
    return {
        async permissionOf(user) {
            try {
                const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
                    owner,
                    repo,
                    username: user,
                });
                return permissionFrom(data.role_name, data.permission);
            }
            catch (error) {
                // Not a collaborator of a private repository, or no such user.
                if (statusOf(error) === 404)
                    return 'none';
                throw error;
            }
        },
        async nextScheduledTask() {
            for await (const { issue } of openTaskIssues(client, ctx, label)) {
                return { issueNumber: issue.number, title: issue.title, body: issue.body ?? '' };
            }
            return undefined;
        },
    };
}
/**
 * The open issues carrying `label`, oldest first, at most `maxPages` pages of a hundred: pull requests (the
 * issues API lists them too), paused and running issues, and keel's own records skipped. keel's own issues
 * (recovery records, manual-implementation follow-ups) carry the label too, so that they are found again by
 * their markers; they are records, not tasks.
 */
async function* openTaskIssues(client, ctx, label = DEFAULT_TASK_LABEL, maxPages = MAX_PAGES) {
    const skip = new Set([pausedLabel(label), runningLabel(label), 'keel-recovery', 'manual-implementation'].map((name) => name.toLowerCase()));
    const pages = client.paginate.iterator(client.rest.issues.listForRepo, {
        owner: ctx.owner,
        repo: ctx.repo,
        state: 'open',
        labels: label,
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    let seen = 0;
    for await (const page of pages) {
        for (const issue of page.data) {
            if (issue.pull_request)
                continue;
            const labels = issue.labels.map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? '')));
            if (labels.some((name) => skip.has(name.toLowerCase())))
                continue;
            yield { issue, labels };
        }
        if (++seen >= maxPages)
            break;
    }
}
/**
 * `role_name` names the fine-grained role (`maintain`, `triage` …); `permission` is the legacy level (`admin`,
 * `write`, `read`, `none`), the base of a custom role, which is what counts when `role_name` is custom.
 */
function permissionFrom(roleName, permission) {
    const role = roleName?.toLowerCase();
    if (role !== undefined && PERMISSIONS.includes(role))
        return role;
    const legacy = permission.toLowerCase();
    return PERMISSIONS.includes(legacy) ? legacy : 'none';
}

// EXTERNAL MODULE: ./lib/queue/normalize.js
var normalize = __webpack_require__(7664);
;// CONCATENATED MODULE: ./lib/github/tasks/issue-source.js



async function issueTasks(client, ctx, lanes, options = {}) {
    const label = options.label ?? DEFAULT_TASK_LABEL;
    const lanePrefix = `${label}:lane:`.toLowerCase();
    const priorityPrefix = `${label}:priority:`.toLowerCase();
    const out = { tasks: [], problems: [] };
    for await (const { issue, labels: names } of openTaskIssues(client, ctx, label, options.maxPages ?? 10)) {
        const body = issue.body ?? '';
        if (body.includes('<!-- keel:run='))
            continue;
        const ref = issue.html_url || `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/issues/${issue.number}`;
        const owners = names
            .filter((n) => n.toLowerCase().startsWith(lanePrefix))
            .map((n) => n.slice(lanePrefix.length));
        if (new Set(owners).size > 1) {
            out.problems.push({ ref, reason: `more than one lane label: ${owners.join(', ')}` });
            continue;
        }
        const priorities = names
            .filter((n) => n.toLowerCase().startsWith(priorityPrefix))
            .map((n) => Number(n.slice(priorityPrefix.length)));
        const text = (0,sanitize_untrusted/* sanitizeUntrusted */._)(body.trim() === '' ? issue.title : `${issue.title}\n\n${body}`);
        const result = (0,normalize/* normalizeTask */.Lj)({
            id: `issue:${issue.number}`,
            text,
            ...(owners[0] !== undefined ? { owner: owners[0] } : {}),
            ...(priorities.length > 0 ? { priority: Math.max(...priorities) } : {}),
        }, ref, { lanes, source: 'issue' });
        if (result.ok)
            out.tasks.push(result.task);
        else
            out.problems.push(result.problem);
    }
    return out;
}

// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(8747);
// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(7012);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/parse-command-args.js
var parse_command_args = __webpack_require__(7851);
// EXTERNAL MODULE: ./lib/cli/project-dir.js + 1 modules
var project_dir = __webpack_require__(1442);
;// CONCATENATED MODULE: ./lib/cli/lane-command.js
/**
 * `keel lane`: a worker that drains a task queue through the run engine (seed 000's lane runner with
 * `--task-queue-file` / `--task-queue-state-file`). Many lanes may share one queue and one claim-state
 * file; each task is claimed once. `--persistent` keeps the lane waiting for new lines when the queue is
 * drained: work keeps flowing while nobody dispatches anything. SIGINT/SIGTERM stop it cleanly — the run in
 * progress checkpoints, stays claimed, and is resumed by the next start of the lane.
 *
 * Exit 0 when drained, stopped by a signal, paused (not persistent) or at --max-tasks; 1 when a run was
 * interrupted by something else than our signal or when tasks kept failing to start.
 */
















const LANE_USAGE = `usage: keel lane --queue-file F --queue-state-file S [options]

  --queue-file F           the queue: a JSON array, { "tasks": [...] }, or NDJSON (one task per line)
  --queue-state-file S     the claim-state file (shared by every lane draining the queue)
  --lane NAME              this lane's name (default: default); it takes its own tasks and unowned ones
  --lanes FILE             the lanes file: the lane names a task's owner may be, and this lane's defaults
  --persistent             wait for new work when the queue is drained instead of exiting
  --repo DIR               the repository the runs work on (default: the current directory)
  --config FILE            configuration file (default: .github/keel.yml or keel.yml in the repository)
  --state-dir DIR          runs, and lanes/<name>/ (heartbeat, events, pause flag) (default: <repo>/.keel,
                           or the lanes file's stateDir)
  --pause-flag FILE        claim nothing while this file exists (default: <state-dir>/lanes/<name>/paused.flag)
  --poll-ms N              how often to look for new work and beat the heartbeat (default 2000)
  --max-tasks N            stop after N tasks
  --issues                 also take open issues labelled keel (GITHUB_TOKEN, GITHUB_REPOSITORY)
  --recycle                reopen finished tasks while idle (the lanes file's guard.recycle bounds)
  --json                   print the lane's result as JSON on stdout

Environment: KEEL_TASK_QUEUE_MAX_CLAIMED bounds the claim records kept (default 10000);
KEEL_TASK_QUEUE_PERSISTENT_MODE=0 turns --persistent off; KEEL_HEARTBEAT_FILE (set by keel daemon) moves
the heartbeat.
`;
const ISSUE_POLL_MS = 60_000;
const laneCommand = async (argv, io) => {
    const args = parseLaneArgs(argv);
    if (args === 'help') {
        io.stdout(LANE_USAGE);
        return 0;
    }
    const lanesFile = args.lanes !== undefined ? await (0,lanes_file/* loadLanesFile */.YS)((0,external_node_path_.resolve)(io.cwd, args.lanes)) : undefined;
    const laneConfig = lanesFile?.lanes.find((lane) => lane.name === args.lane);
    if (lanesFile && !laneConfig)
        throw new cli_io/* UsageError */.e(`--lane ${args.lane}: no such lane in ${args.lanes}`);
    const queueFile = required(args.queueFile ?? laneConfig?.queueFile, '--queue-file', io);
    const queueStateFile = required(args.queueStateFile ?? laneConfig?.queueStateFile, '--queue-state-file', io);
    const repo = args.repo !== undefined ? (0,external_node_path_.resolve)(io.cwd, args.repo) : (0,project_dir/* projectDir */.t)(io);
    const stateDir = (0,external_node_path_.resolve)(io.cwd, args.stateDir ?? lanesFile?.stateDir ?? (0,external_node_path_.join)(repo, state_layout/* DEFAULT_STATE_DIR */.mU));
    const laneDir = (0,lane_runner/* laneDirOf */.VD)(lanesFile?.stateDir ?? stateDir, args.lane);
    const config = await (0,load/* loadConfig */.Z9)(args.config !== undefined ? (0,external_node_path_.resolve)(io.cwd, args.config) : undefined, {
        cwd: repo,
    });
    const persistent = args.persistent && io.env.KEEL_TASK_QUEUE_PERSISTENT_MODE !== '0';
    const secrets = (0,base_secrets/* collectSecrets */.qb)(config, io.env);
    const events = new event_log/* EventLog */.vu({
        path: (0,external_node_path_.join)(laneDir, state_layout/* EVENTS_FILE */.Pc),
        redact: (text) => (0,base_secrets/* redact */.E$)(text, secrets),
    });
    const progress = (line) => (args.json ? io.stderr : io.stdout)(`${line}\n`);
    const store = new claim_store/* ClaimStore */.O({
        path: queueStateFile,
        maxClaimed: (0,claim_store/* maxClaimedFrom */.YS)(io.env),
        log: (event) => void events.append(event),
    });
    const lanes = lanesFile ? lanesFile.lanes.map((lane) => lane.name) : [args.lane];
    const watch = persistent ? createQueueWatch(queueFile) : undefined;
    const runner = new lane_runner/* LaneRunner */.nd({
        lane: args.lane,
        lanes,
        queueFile,
        store,
        engine: (0,lane_engine/* engineLane */.l)({ config, repo, stateDir, env: io.env, progress }),
        events,
        heartbeatFile: io.env.KEEL_HEARTBEAT_FILE || (0,external_node_path_.join)(laneDir, state_layout/* HEARTBEAT_FILE */.gE),
        pauseFlag: pauseFlagOf(args, laneConfig, laneDir, io),
        persistent,
        signal: io.signal,
        progress,
        ...(args.pollMs !== undefined ? { pollMs: args.pollMs } : {}),
        ...(args.maxTasks !== undefined ? { maxTasks: args.maxTasks } : {}),
        ...(args.issues ? { sources: [await issueSource(io, lanes)] } : {}),
        ...(args.recycle ? { recycle: recycleSettings(lanesFile) } : {}),
        ...(watch ? { wake: (signal) => watch.wake(signal) } : {}),
    });
    progress(`[lane ${args.lane}] draining ${queueFile}${persistent ? ' (persistent)' : ''}`);
    let result;
    try {
        result = await runner.run();
    }
    finally {
        watch?.close();
    }
    if (args.json)
        io.stdout(`${JSON.stringify({ lane: args.lane, ...result })}\n`);
    else
        progress(`[lane ${args.lane}] stopped: ${result.stop}${result.detail ? ` (${result.detail})` : ''}; ` +
            `${result.processed} task(s): ${result.outcomes.done} done, ${result.outcomes.blocked} blocked, ${result.outcomes.failed} failed`);
    return result.stop === 'errors' || result.stop === 'interrupted' ? 1 : 0;
};
function required(value, flag, io) {
    if (value === undefined)
        throw new cli_io/* UsageError */.e(`${flag} is required (or --lanes FILE with --lane NAME)`);
    return (0,external_node_path_.resolve)(io.cwd, value);
}
function pauseFlagOf(args, lane, laneDir, io) {
    if (args.pauseFlag !== undefined)
        return (0,external_node_path_.resolve)(io.cwd, args.pauseFlag);
    return lane?.pauseFlag ?? (0,external_node_path_.join)(laneDir, state_layout/* PAUSE_FLAG_FILE */.ln);
}
function recycleSettings(lanesFile) {
    const recycle = lanesFile?.guard.recycle;
    return {
        afterMs: recycle?.afterMs ?? 24 * 3_600_000,
        maxPerCycle: recycle?.maxPerCycle ?? 5,
        maxPerTask: recycle?.maxPerTask ?? 3,
    };
}
async function issueSource(io, lanes) {
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
    if (!token)
        throw new cli_io/* UsageError */.e('--issues needs GITHUB_TOKEN (or GH_TOKEN) in the environment');
    const ctx = await readActionContext(io.env);
    const client = createOctokit({ token, baseUrl: ctx.apiUrl });
    return { name: 'issues', everyMs: ISSUE_POLL_MS, read: () => issueTasks(client, ctx, lanes) };
}
function parseLaneArgs(argv) {
    const { values } = (0,parse_command_args/* parseCommandArgs */.Q)({
        args: argv,
        options: {
            'queue-file': { type: 'string' },
            'queue-state-file': { type: 'string' },
            lane: { type: 'string' },
            lanes: { type: 'string' },
            persistent: { type: 'boolean', default: false },
            repo: { type: 'string' },
            config: { type: 'string' },
            'state-dir': { type: 'string' },
            'pause-flag': { type: 'string' },
            'poll-ms': { type: 'string' },
            'max-tasks': { type: 'string' },
            issues: { type: 'boolean', default: false },
            recycle: { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
    }, LANE_USAGE);
    if (values.help)
        return 'help';
    const lane = values.lane ?? 'default';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(lane))
        throw new cli_io/* UsageError */.e(`--lane ${JSON.stringify(lane)}: expected letters, digits, ".", "_" or "-"`);
    return {
        lane,
        persistent: values.persistent,
        issues: values.issues,
        recycle: values.recycle,
        json: values.json,
        ...(values['queue-file'] !== undefined ? { queueFile: values['queue-file'] } : {}),
        ...(values['queue-state-file'] !== undefined ? { queueStateFile: values['queue-state-file'] } : {}),
        ...(values.lanes !== undefined ? { lanes: values.lanes } : {}),
        ...(values.repo !== undefined ? { repo: values.repo } : {}),
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
        ...(values['pause-flag'] !== undefined ? { pauseFlag: values['pause-flag'] } : {}),
        ...(values['poll-ms'] !== undefined ? { pollMs: integer(values['poll-ms'], '--poll-ms', 10) } : {}),
        ...(values['max-tasks'] !== undefined
            ? { maxTasks: integer(values['max-tasks'], '--max-tasks', 1) }
            : {}),
    };
}
function integer(raw, flag, min) {
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min)
        throw new cli_io/* UsageError */.e(`${flag} expects an integer ≥ ${min}, got "${raw}"`);
    return value;
}


/***/ })

};
