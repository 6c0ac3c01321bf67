export const id = 69;
export const ids = [69];
export const modules = {

/***/ 41116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ nodeVersionProblem)
/* harmony export */ });
/* unused harmony export REQUIRED_NODE_MAJOR */
/**
 * The Node keel needs, said in one line. keel's dependencies (undici, vitest, nock, opossum) need Node ≥ 22
 * and the Action runs `node24`; on Node 20 undici dies at import with `TypeError: Cannot read properties of
 * undefined (reading 'bind')`, which tells a user nothing. The entries check first and say this instead.
 */
const REQUIRED_NODE_MAJOR = 24;
/** The one-line refusal for `version` (`process.version`, e.g. `v20.20.2`), or undefined when it is enough. */
function nodeVersionProblem(version) {
    const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? Number.NaN);
    if (Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR)
        return undefined;
    return `keel needs Node ≥ ${REQUIRED_NODE_MAJOR} (found ${version})`;
}


/***/ }),

/***/ 29069:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _node_guard_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99671);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98995);
/* harmony import */ var _fleet_early_requests_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(410);
/* harmony import */ var _cli_early_resume_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36817);
/* harmony import */ var _base_workflow_commands_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(763);
/** The `keel` executable: wire the real process to the command table, nothing else. */
// First, before anything loads undici: on an older Node, one line and exit 1 (src/node-guard.ts).


// Static: small (it loads node:http only when it sends), and one chunk fewer to fetch before the request.



// Installed first, before any await: a signal during start-up is caught, not fatal. `on`, not `once`: while a
// listener is there a signal never kills the process outright, so a storm of SIGINT/SIGTERM ends the way the
// first one asked for (a clean stop, the command's own exit code). A run counts the later ones itself
// (src/run/shutdown.ts: the third forces the exit, its state saved first, with the exit code
// `run.exitCodeOnInterrupt`); for any other command the third exits here, as the signal would.
const controller = new AbortController();
const isRun = process.argv[2] === 'run';
let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        signals += 1;
        if (!controller.signal.aborted)
            controller.abort(new Error(`received ${signal}`));
        if (signals >= 3 && !isRun)
            process.exit(signal === 'SIGINT' ? 130 : 143);
    });
}
// Resumes are measured from process start to the first model request: reuse V8's compiled code across
// runs (Node keeps the cache in the OS temp directory). Enabled before the command modules load.
(0,node_module__WEBPACK_IMPORTED_MODULE_1__.enableCompileCache)?.();
// A resumed run's first model request goes out now, while the rest of keel loads (src/cli/early-resume.ts).
if (process.argv[2] === 'run' && process.argv.includes('--resume')) {
    await (0,_cli_early_resume_js__WEBPACK_IMPORTED_MODULE_3__/* .sendEarlyResumeRequest */ .m)(process.argv.slice(2), { cwd: process.cwd(), env: process.env });
}
const { runCli } = await __webpack_require__.e(/* import() */ 442).then(__webpack_require__.bind(__webpack_require__, 56442));
const { formatFatal } = await __webpack_require__.e(/* import() */ 594).then(__webpack_require__.bind(__webpack_require__, 17594));
/**
 * A reader that went away (`keel status | head -1`) is not an error of keel's: without a listener the
 * stream's EPIPE would be thrown as an uncaught exception with a stack. Later writes to that stream are
 * dropped, and the command goes on to its end — a run piped into `head` still checkpoints and finishes.
 */
function writer(stream) {
    let closed = false;
    // Inside a workflow job the runner reads commands out of stdout and stderr, and keel's lines carry
    // untrusted text (lanes run this CLI in Actions): see base/workflow-commands.ts.
    const guard = process.env.GITHUB_ACTIONS === 'true' ? (0,_base_workflow_commands_js__WEBPACK_IMPORTED_MODULE_4__/* .workflowCommandGuard */ .W)() : (text) => text;
    stream.on('error', (error) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED')
            closed = true;
        else
            throw error;
    });
    return (text) => {
        if (!closed)
            stream.write(guard(text));
    };
}
const stdout = writer(process.stdout);
const stderr = writer(process.stderr);
try {
    process.exitCode = await runCli(process.argv.slice(2), {
        stdout,
        stderr,
        env: process.env,
        cwd: process.cwd(),
        signal: controller.signal,
        exit: (code) => process.exit(code),
    });
}
catch (error) {
    stderr(formatFatal(error));
    process.exitCode = 1;
}
// An early request nothing adopted (the run stopped before its router existed) must not keep the process
// alive until the model answers.
(0,_fleet_early_requests_js__WEBPACK_IMPORTED_MODULE_2__/* .abandonEarlyRequests */ .Fl)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 36817:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ sendEarlyResumeRequest)
/* harmony export */ });
/* unused harmony export EARLY_REQUEST_LIFETIME_MS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _agents_prompts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99281);
/* harmony import */ var _run_args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9357);
/* harmony import */ var _config_config_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43201);
/* harmony import */ var _config_search_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(11169);
/* harmony import */ var _fleet_context_budget_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(17141);
/* harmony import */ var _fleet_early_requests_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(410);
/* harmony import */ var _fleet_learned_shapes_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(51466);
/* harmony import */ var _fleet_selection_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(47442);
/* harmony import */ var _fleet_request_body_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(66458);
/* harmony import */ var _fleet_request_plan_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(2233);
/* harmony import */ var _git_read_files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(61324);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(53013);
/* harmony import */ var _run_pending_subtasks_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(40727);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(28747);
/**
 * `keel run --resume RUN_ID`: the first coder request goes out before the rest of keel has even loaded.
 *
 * Loading keel (the HTTP client, the schemas, the YAML parser, the engine) takes several times as long as
 * starting Node; a resumed run's first model request does not have to wait for it. This module — small,
 * and importing none of those — reads the run's checkpoint, the configuration as the last run validated it
 * (`config-cache.ts`, used only while the file's text is unchanged) and the saved fleet state, builds the
 * request the router would send for the first pending subtask to the endpoint it would pick, and sends
 * it. The run then loads and starts as always; when the endpoint client is about to send a request with
 * exactly this URL and body, it adopts this one's response instead (`fleet/early-requests.ts`). Any other
 * outcome costs one unused request, which is cancelled.
 *
 * Deliberately narrow, because it acts on unvalidated data: only a named run, only a plain `http:`
 * endpoint of `kind: local` with an explicit context window and no API key (no secret is ever sent from
 * here, and the URL must appear in the configuration file's text), only when its breaker is closed and it
 * is not cooling down. Anything unexpected means no early request; it never throws.
 */
















/** How long an early request waits to be adopted before it is cancelled. */
const EARLY_REQUEST_LIFETIME_MS = 20_000;
/** Sends the early request when everything above holds; says why not otherwise. Never throws. */
async function sendEarlyResumeRequest(argv, options) {
    try {
        return await prepareAndSend(argv, options);
    }
    catch (error) {
        return { sent: false, why: `unexpected: ${error.message}` };
    }
}
async function prepareAndSend(argv, options) {
    if (options.env.KEEL_EARLY_REQUEST === '0')
        return { sent: false, why: 'disabled by KEEL_EARLY_REQUEST=0' };
    const args = (0,_run_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRunArgs */ .u)(argv.slice(1));
    if (typeof args.resume !== 'string')
        return { sent: false, why: 'not a resume of a named run' };
    // As `keel run` finds it (run-command.ts): the repository around the working directory.
    const repo = args.repo !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd, args.repo) : (0,_project_dir_js__WEBPACK_IMPORTED_MODULE_9__/* .projectDir */ .t)(options);
    const stateDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd, args.stateDir ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(repo, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .DEFAULT_STATE_DIR */ .mU));
    const configPath = args.config !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd, args.config) : (0,_config_search_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .findConfigFile */ .i)(repo).absolute;
    if (configPath === undefined)
        return { sent: false, why: 'no configuration file' };
    const cache = (0,_config_config_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .readConfigCache */ .v)(stateDir);
    const configText = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(configPath, 'utf8');
    if (cache?.path !== configPath || cache.text !== configText) {
        return { sent: false, why: 'the configuration changed since it was last validated' };
    }
    const config = cache.config;
    const state = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .stateLayout */ .G)(stateDir).run(args.resume).state, 'utf8'));
    if (state.status !== 'running' && state.status !== 'interrupted')
        return { sent: false, why: 'not resumable' };
    const { plan, steps } = state;
    const task = state.task?.text;
    const worktree = state.repo?.worktree;
    if (!plan || !steps || typeof task !== 'string' || typeof worktree !== 'string') {
        return { sent: false, why: 'no plan yet' };
    }
    const subtask = (0,_run_pending_subtasks_js__WEBPACK_IMPORTED_MODULE_11__/* .pendingSubtasks */ .Y)({ steps }, plan, 1)[0];
    if (!subtask)
        return { sent: false, why: 'no pending subtask' };
    // As the prefetch does (prefetch.ts): no work tree yet (a fresh checkout) means no files to show.
    const files = await (0,_git_read_files_js__WEBPACK_IMPORTED_MODULE_8__/* .readFiles */ .U)({ worktree }, subtask.files, _agents_prompts_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_FILE_BYTES_IN_PROMPT */ .dW).catch(() => []);
    // The coder's request exactly as the run will build it (`coderRequest`), or the router would not adopt it.
    const request = (0,_agents_prompts_js__WEBPACK_IMPORTED_MODULE_2__/* .coderRequest */ .j_)({ task, plan, subtask, files, format: config.run.coderFormat ?? 'text' });
    const fleet = state.fleet ?? readFleetFile((0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .stateLayout */ .G)(stateDir).fleetState);
    const choice = chooseCandidate(config, fleet, (0,_fleet_context_budget_js__WEBPACK_IMPORTED_MODULE_12__/* .estimatePromptTokens */ .bW)(request.messages), options);
    if ('why' in choice)
        return { sent: false, why: choice.why };
    const { endpoint, candidate, maxTokens } = choice;
    if (!configText.includes(endpoint.url))
        return { sent: false, why: 'endpoint URL not in the file' };
    // Shaped as the router would shape it (request-plan.ts), from the same saved knowledge.
    const scan = (0,_fleet_request_plan_js__WEBPACK_IMPORTED_MODULE_13__/* .savedScanFacts */ .Mz)(fleet?.health, endpoint.id, candidate.model);
    const shaped = (0,_fleet_request_plan_js__WEBPACK_IMPORTED_MODULE_13__/* .planRequest */ .NX)({
        kind: endpoint.kind,
        model: candidate.model,
        request,
        fitted: maxTokens,
        flavor: endpoint.flavor !== 'auto' ? endpoint.flavor : scan.flavor,
        ...(scan.outputCap !== undefined ? { listedOutputCap: scan.outputCap } : {}),
        exactPrompt: false,
        learned: (0,_fleet_learned_shapes_js__WEBPACK_IMPORTED_MODULE_14__/* .factsOf */ .xS)((0,_fleet_learned_shapes_js__WEBPACK_IMPORTED_MODULE_14__/* .readLearnedSnapshot */ .sj)(fleet?.learned), endpoint, candidate.key),
    });
    const url = (0,_fleet_request_body_js__WEBPACK_IMPORTED_MODULE_7__/* .chatCompletionsUrl */ .xh)(endpoint.url);
    const call = {
        model: candidate.model,
        responseFormat: shaped.responseFormat,
        tokenParam: shaped.tokenParam,
        ...(shaped.maxTokens !== undefined ? { maxTokens: shaped.maxTokens } : {}),
    };
    const body = JSON.stringify((0,_fleet_request_body_js__WEBPACK_IMPORTED_MODULE_7__/* .requestBody */ .IO)(request, call, true));
    await send(url, body);
    return { sent: true, url: url.href, model: candidate.model };
}
function readFleetFile(path) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * The candidate the router would pick for this request on an idle fleet — by the router's own rules
 * (`selectCandidate`: tiers, least loaded, local first where `prefersLocal`, config order), over what the
 * saved fleet state says of breakers and cooldowns — then the conditions of this module's header.
 */
function chooseCandidate(config, fleet, promptTokens, options) {
    const now = options.now ?? Date.now();
    const endpoints = new Map(config.endpoints.map((e) => [e.id, e]));
    const fits = (endpoint) => (0,_fleet_context_budget_js__WEBPACK_IMPORTED_MODULE_12__/* .fitMaxTokens */ .CW)({
        window: endpoint.contextWindow,
        contextFraction: config.policy.contextFraction,
        promptTokens,
        requested: undefined,
        minOutputTokens: config.policy.minOutputTokens,
    });
    const chain = config.roles.coder ?? [];
    const views = chain.map((tier, tierIndex) => tier.map((candidate, order) => {
        const endpoint = endpoints.get(candidate.endpointId);
        const breaker = fleet?.breakers?.[candidate.key]?.state;
        const until = fleet?.cooldowns?.[candidate.endpointId]?.until;
        let blocked;
        if (!endpoint || !fits(endpoint).ok)
            blocked = 'context';
        else if (breaker !== undefined && breaker !== 'closed')
            blocked = 'breaker_open';
        else if (typeof until === 'number' && until > now)
            blocked = 'cooldown';
        return {
            key: candidate.key,
            endpointId: candidate.endpointId,
            tier: tierIndex,
            order,
            local: endpoint?.kind === 'local',
            ...(blocked !== undefined ? { blocked } : {}),
            unhealthy: false,
            inflight: 0,
            cap: endpoint?.maxParallel ?? 1,
        };
    }));
    const picked = (0,_fleet_selection_js__WEBPACK_IMPORTED_MODULE_15__/* .selectCandidate */ .Q)(views, {
        spillover: config.policy.spillover,
        preferLocal: (0,_fleet_selection_js__WEBPACK_IMPORTED_MODULE_15__/* .prefersLocal */ .B)(options.env.RUNNER_ENVIRONMENT),
    });
    if (picked.kind !== 'pick')
        return { why: 'no usable coder' };
    const candidate = chain[picked.candidate.tier][picked.candidate.order];
    const endpoint = endpoints.get(candidate.endpointId);
    if (endpoint.kind !== 'local' || endpoint.apiKeyEnv !== undefined || endpoint.contextWindow === undefined) {
        return { why: `${endpoint.id} is not a keyless local endpoint with a configured context window` };
    }
    if (!endpoint.url.startsWith('http://'))
        return { why: `${endpoint.id} is not plain http` };
    const fit = fits(endpoint);
    return { endpoint, candidate, maxTokens: fit.ok ? fit.maxTokens : undefined };
}
/** How long the start waits for the request to reach the socket (loading keel blocks the event loop). */
const FLUSH_WAIT_MS = 100;
/** Sends the request and offers it for adoption; resolves once it is written (or after FLUSH_WAIT_MS). */
async function send(url, body) {
    // Loaded here: every other command imports this module (cli.ts) and has no use for node:http.
    const { request: httpRequest } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 37067, 19));
    let cancel = () => undefined;
    let flushed = () => undefined;
    const written = new Promise((resolveWritten) => {
        flushed = resolveWritten;
        setTimeout(resolveWritten, FLUSH_WAIT_MS).unref();
    });
    const response = new Promise((resolveResponse, reject) => {
        const request = httpRequest(url, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                accept: 'text/event-stream',
                'content-length': Buffer.byteLength(body),
            },
        });
        cancel = () => request.destroy(new Error('early request cancelled'));
        request.once('response', (message) => {
            // A cancelled response must not crash the process while nobody reads it; a reader adds its own.
            message.on('error', () => undefined);
            resolveResponse(message);
        });
        // Every error, not just the first: a cancellation after the response also lands here.
        request.on('error', (error) => {
            flushed();
            reject(error);
        });
        request.end(body, () => flushed());
    });
    (0,_fleet_early_requests_js__WEBPACK_IMPORTED_MODULE_6__/* .offerEarlyRequest */ .Rc)({ url: url.href, body, response, abort: () => cancel() }, EARLY_REQUEST_LIFETIME_MS);
    await written;
}


/***/ }),

/***/ 57851:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18908);
/**
 * `parseArgs` for every command: what it refuses (an unknown option, a missing value) becomes a
 * `UsageError` naming the argument, followed by the command's usage when one is given.
 */


function parseCommandArgs(config, usage) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(config);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new _io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(usage === undefined ? message : `${message}\n\n${usage}`);
    }
}


/***/ }),

/***/ 53013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ projectDir)
/* harmony export */ });
/* harmony import */ var _git_repo_root_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35495);
/**
 * Where a command's defaults live (`.github/keel.yml`, `.keel/`, the lanes file): the root of the git
 * repository around the working directory, or the working directory itself outside one. Paths a user types
 * (`--config x.yml`) stay relative to where they typed them.
 */

function projectDir(io) {
    return (0,_git_repo_root_js__WEBPACK_IMPORTED_MODULE_0__/* .findRepoRoot */ .G)(io.cwd) ?? io.cwd;
}


/***/ }),

/***/ 9357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ RUN_USAGE),
/* harmony export */   u: () => (/* binding */ parseRunArgs)
/* harmony export */ });
/* harmony import */ var _config_resume_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98575);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57851);
/**
 * The arguments of `keel run`, parsed once. Its own module, light on imports, because the early resume
 * request (`src/cli/early-resume.ts`) reads the same arguments before the rest of keel is loaded.
 */



const RUN_USAGE = `usage: keel run --task TEXT [options]
       keel run --resume [RUN_ID] [options]

  --task TEXT                  what to do
  --resume [RUN_ID]            continue the named run, or the latest unfinished one
  --run-id ID                  name a new run (an existing run of that name is resumed)
  --repo DIR                   the repository to work on (default: the current directory)
  --config FILE                configuration file (default: .github/keel.yml or keel.yml in the repository)
  --state-dir DIR              checkpoints, records and work trees (default: <repo>/.keel)
  --time-budget-minutes N      stop cleanly, checkpointed, before N minutes have passed
  --exit-code-on-interrupt N   exit code of an interrupted run (default: run.exitCodeOnInterrupt, 0)
  --take-over                  work on the run even while another keel process holds it (it is hung, or
                               its host is gone); that process stops at its next write
  --json                       print the outcome as JSON on stdout (progress goes to stderr)

Environment: RESUME=true resumes the latest unfinished run (or --run-id), as --resume does; with --task as
well, the task runs when there is nothing to resume — so a script can set it for every run.
`;
function parseRunArgs(argv, env = {}) {
    const parsed = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: {
            task: { type: 'string' },
            resume: { type: 'boolean', default: false },
            'run-id': { type: 'string' },
            repo: { type: 'string' },
            config: { type: 'string' },
            'state-dir': { type: 'string' },
            'time-budget-minutes': { type: 'string' },
            'exit-code-on-interrupt': { type: 'string' },
            'take-over': { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: true,
    }, RUN_USAGE);
    const { values, positionals } = parsed;
    if (values.help)
        return { json: false, help: true, takeOver: false };
    if (!values.resume && (0,_config_resume_request_js__WEBPACK_IMPORTED_MODULE_1__/* .resumeRequested */ .O)(env)) {
        if (values.task === undefined)
            values.resume = true;
        else if (values['run-id'] === undefined)
            return { ...parseRunArgs(argv), resumeFirst: true };
    }
    if (positionals.length > (values.resume ? 1 : 0)) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`unexpected argument "${positionals.at(-1)}"\n\n${RUN_USAGE}`);
    }
    if (!values.resume && values.task === undefined)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--task or --resume is required\n\n${RUN_USAGE}`);
    if (values.resume && values.task !== undefined)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--task and --resume exclude each other`);
    return {
        ...(values.task !== undefined ? { task: values.task } : {}),
        ...(values.resume ? { resume: positionals[0] ?? true } : {}),
        ...(values['run-id'] !== undefined ? { runId: values['run-id'] } : {}),
        ...(values.repo !== undefined ? { repo: values.repo } : {}),
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
        ...numberOption('time-budget-minutes', values['time-budget-minutes'], 'timeBudgetMinutes', 0.01),
        ...numberOption('exit-code-on-interrupt', values['exit-code-on-interrupt'], 'exitCodeOnInterrupt', 0),
        takeOver: values['take-over'],
        json: values.json,
        help: false,
    };
}
function numberOption(flag, raw, key, min) {
    if (raw === undefined)
        return {};
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--${flag} expects a number ≥ ${min}, got "${raw}"`);
    return { [key]: value };
}


/***/ }),

/***/ 43201:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ saveConfigCache),
/* harmony export */   v: () => (/* binding */ readConfigCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28747);
/**
 * The validated configuration of the last run, with the exact text it came from
 * (`<stateDir>/config-cache.json`). Only the early resume request reads it (`src/cli/early-resume.ts`), to
 * know where a resumed run's first coder request goes without loading the YAML parser and the schema; the
 * run itself always loads and validates the file. A cache whose text is not the file's text is ignored
 * (compared whole: a config file is small, and hashing would load node:crypto on the hot path), and nothing read from it decides more than where one model request goes — and the client uses
 * that request's answer only if the fully loaded router would have sent exactly the same request.
 */



const CACHE_VERSION = 1;
/** Writes the cache unless it already holds this file's text; never throws (it is only a cache). */
async function saveConfigCache(stateDir, source, config) {
    const current = readConfigCache(stateDir);
    if (current?.path === source.absolute && current.text === source.text)
        return;
    const cache = { version: CACHE_VERSION, path: source.absolute, text: source.text, config };
    // Loaded here, not at the top: the early resume reads this module, and atomic-file loads node:crypto.
    const { writeFileAtomic } = await __webpack_require__.e(/* import() */ 975).then(__webpack_require__.bind(__webpack_require__, 91975));
    await writeFileAtomic((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stateDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .CONFIG_CACHE_FILE */ .By), `${JSON.stringify(cache)}\n`).catch(() => undefined);
}
/** The cache, if there is a readable one of this version; its config counts only if its text is the file's. */
function readConfigCache(stateDir) {
    try {
        const value = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stateDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .CONFIG_CACHE_FILE */ .By), 'utf8'));
        if (value.version !== CACHE_VERSION || typeof value.path !== 'string' || typeof value.text !== 'string')
            return undefined;
        if (typeof value.config !== 'object' || value.config === null)
            return undefined;
        return value;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 99671:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __webpack_require__) => {

/* harmony import */ var _base_node_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41116);
/**
 * Imported first by the `keel` executable, before anything that loads undici: on an older Node the process
 * says which Node it needs in one line and exits 1, instead of dying in a dependency with a stack.
 * ES modules evaluate their imports in order, so nothing imported after this one has run yet.
 */

const problem = (0,_base_node_version_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeVersionProblem */ .e)(process.version);
if (problem !== undefined) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
}


/***/ })

};
