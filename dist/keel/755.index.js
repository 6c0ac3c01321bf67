export const id = 755;
export const ids = [755];
export const modules = {

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

/***/ 67755:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RUN_USAGE: () => (/* reexport safe */ _run_args_js__WEBPACK_IMPORTED_MODULE_7__.W),
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _config_config_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43201);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75024);
/* harmony import */ var _run_start_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16852);
/* harmony import */ var _run_state_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(61472);
/* harmony import */ var _run_exit_code_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(10367);
/* harmony import */ var _run_summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(69053);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53013);
/* harmony import */ var _run_args_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9357);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(28747);
/**
 * `keel run`: a task through planner → coder → reviewer, checkpointed after every step;
 * `keel run --resume [RUN_ID]` continues the latest (or the named) unfinished run where it stopped.
 */











const runCommand = async (argv, io) => {
    const options = (0,_run_args_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRunArgs */ .u)(argv, io.env);
    if (options.help) {
        io.stdout(_run_args_js__WEBPACK_IMPORTED_MODULE_7__/* .RUN_USAGE */ .W);
        return 0;
    }
    const repo = options.repo !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.repo) : (0,_project_dir_js__WEBPACK_IMPORTED_MODULE_6__/* .projectDir */ .t)(io);
    const { config, source } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfigFile */ .HT)(options.config !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.config) : undefined, { cwd: repo });
    const stateDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.stateDir ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(repo, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_STATE_DIR */ .mU));
    // For the next resume's early request (src/cli/early-resume.ts); a cache, so never fatal.
    await (0,_config_config_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .saveConfigCache */ .g)(stateDir, source, config);
    const progress = (line) => (options.json ? io.stderr : io.stdout)(`${line}\n`);
    if (options.resumeFirst) {
        // RESUME=true with a task: an unfinished run comes first; the task waits for a run with nothing to resume.
        const unfinished = await (0,_run_state_store_js__WEBPACK_IMPORTED_MODULE_4__/* .latestUnfinishedRun */ .Mr)(stateDir);
        if (unfinished) {
            progress(`RESUME=true: resuming ${unfinished.runId} (the task waits for the next run)`);
            delete options.task;
            options.resume = true;
        }
    }
    const exitCodeOnInterrupt = options.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt;
    const result = await (0,_run_start_run_js__WEBPACK_IMPORTED_MODULE_3__/* .startRun */ .A)({
        config,
        repo,
        stateDir,
        env: io.env,
        progress,
        // The CLI's own SIGINT/SIGTERM handler: a signal during start-up, before the run's, is not lost.
        signal: io.signal,
        ...(options.task !== undefined ? { task: options.task } : {}),
        ...(options.resume !== undefined ? { resume: options.resume } : {}),
        ...(options.runId !== undefined ? { runId: options.runId } : {}),
        ...(options.timeBudgetMinutes !== undefined ? { timeBudgetMinutes: options.timeBudgetMinutes } : {}),
        ...(options.takeOver ? { takeOver: true } : {}),
        exitCodeOnInterrupt,
        ...(io.exit ? { forceExit: io.exit } : {}),
    });
    if (result.superseded) {
        // It printed why; its view of the run is stale, so no report of it, and not a success.
        if (options.json)
            io.stdout(`${JSON.stringify({ runId: result.state.runId, superseded: result.superseded.message })}\n`);
        return 1;
    }
    report(result, io, options.json);
    // Saved means saved: a run whose last state is not on disk did not finish, whatever it got to.
    if (result.unsaved !== undefined)
        return 1;
    return (0,_run_exit_code_js__WEBPACK_IMPORTED_MODULE_9__/* .exitCode */ .I)(result.state, exitCodeOnInterrupt);
};
function report({ state, runDir, unsaved }, io, json) {
    const code = (0,_run_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .codeSteps */ .hz)(state);
    // What the run got to is not what its state.json says: it is reported as not saved, never as finished.
    const status = unsaved !== undefined ? 'unsaved' : state.status;
    const outcome = {
        runId: state.runId,
        status,
        ...(unsaved !== undefined ? { reached: state.status, unsaved } : {}),
        workBranch: state.repo.workBranch,
        commits: code.filter((s) => s.commit).map((s) => ({ step: s.id, commit: s.commit })),
        failed: code.filter((s) => s.status === 'failed').map((s) => ({ step: s.id, error: s.error })),
        partialSuccessRate: (0,_run_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .successRateOf */ .Py)(state),
        degraded: state.status === 'degraded',
        effects: state.effects,
        interruption: state.interruption,
        runDir,
    };
    if (json) {
        io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
        return;
    }
    io.stdout(`\nrun ${state.runId} — status: ${status}\n`);
    if (unsaved !== undefined) {
        io.stdout(`  the run got to ${state.status}, but its state could NOT be saved (${unsaved}); state.json still says less — resume with: keel run --resume ${state.runId}\n`);
    }
    io.stdout(`  work branch ${state.repo.workBranch}: ${outcome.commits.length} commit(s)\n`);
    for (const c of outcome.commits)
        io.stdout(`    ${c.commit?.slice(0, 8)}  ${c.step}\n`);
    for (const f of outcome.failed)
        io.stdout(`  failed ${f.step}: ${f.error ?? ''}\n`);
    for (const [key, effect] of Object.entries(state.effects))
        io.stdout(`  ${key}: ${effect.ref}\n`);
    io.stdout(`status: ${status}\n`);
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

/***/ 10367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ exitCode)
/* harmony export */ });
/** The process exit code of a run's outcome: interrupted runs exit with the configured code (a resume follows). */
function exitCode(state, onInterrupt) {
    if (state.status === 'interrupted')
        return onInterrupt;
    if (state.status === 'failed' || state.status === 'running')
        return 1;
    return 0;
}


/***/ })

};
