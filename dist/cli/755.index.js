export const id = 755;
export const ids = [755];
export const modules = {

/***/ 7755:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RUN_USAGE: () => (/* binding */ RUN_USAGE),
/* harmony export */   exitCode: () => (/* binding */ exitCode),
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5024);
/* harmony import */ var _run_start_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(577);
/* harmony import */ var _run_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9053);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8908);
/**
 * `keel run`: a task through planner → coder → reviewer, checkpointed after every step;
 * `keel run --resume [RUN_ID]` continues the latest (or the named) unfinished run where it stopped.
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
  --json                       print the outcome as JSON on stdout (progress goes to stderr)
`;
const runCommand = async (argv, io) => {
    const options = parseRunArgs(argv);
    if (options.help) {
        io.stdout(RUN_USAGE);
        return 0;
    }
    const repo = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.repo ?? '.');
    const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)(options.config ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.config) : undefined, {
        cwd: repo,
    });
    const stateDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.stateDir ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(repo, '.keel'));
    const progress = (line) => (options.json ? io.stderr : io.stdout)(`${line}\n`);
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
    });
    const exitCodeOnInterrupt = options.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt;
    report(result, io, options.json);
    return exitCode(result.state, exitCodeOnInterrupt);
};
function exitCode(state, onInterrupt) {
    if (state.status === 'interrupted')
        return onInterrupt;
    if (state.status === 'failed' || state.status === 'running')
        return 1;
    return 0;
}
function report({ state, runDir }, io, json) {
    const code = Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
    const outcome = {
        runId: state.runId,
        status: state.status,
        workBranch: state.repo.workBranch,
        commits: code.filter((s) => s.commit).map((s) => ({ step: s.id, commit: s.commit })),
        failed: code.filter((s) => s.status === 'failed').map((s) => ({ step: s.id, error: s.error })),
        partialSuccessRate: (0,_run_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .successRateOf */ .Py)(state),
        degraded: state.status === 'degraded',
        effects: state.effects,
        interruption: state.interruption,
        runDir,
    };
    if (json) {
        io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
        return;
    }
    io.stdout(`\nrun ${state.runId} — status: ${state.status}\n`);
    io.stdout(`  work branch ${state.repo.workBranch}: ${outcome.commits.length} commit(s)\n`);
    for (const c of outcome.commits)
        io.stdout(`    ${c.commit?.slice(0, 8)}  ${c.step}\n`);
    for (const f of outcome.failed)
        io.stdout(`  failed ${f.step}: ${f.error ?? ''}\n`);
    for (const [key, effect] of Object.entries(state.effects))
        io.stdout(`  ${key}: ${effect.ref}\n`);
    io.stdout(`status: ${state.status}\n`);
}
function parseRunArgs(argv) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
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
                json: { type: 'boolean', default: false },
                help: { type: 'boolean', short: 'h', default: false },
            },
            strict: true,
            allowPositionals: true,
        });
    }
    catch (error) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`${error.message}\n\n${RUN_USAGE}`);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return { json: false, help: true };
    if (positionals.length > (values.resume ? 1 : 0)) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`unexpected argument "${positionals.at(-1)}"\n\n${RUN_USAGE}`);
    }
    if (!values.resume && values.task === undefined)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--task or --resume is required\n\n${RUN_USAGE}`);
    if (values.resume && values.task !== undefined)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--task and --resume exclude each other`);
    return {
        ...(values.task !== undefined ? { task: values.task } : {}),
        ...(values.resume ? { resume: positionals[0] ?? true } : {}),
        ...(values['run-id'] !== undefined ? { runId: values['run-id'] } : {}),
        ...(values.repo !== undefined ? { repo: values.repo } : {}),
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
        ...numberOption('time-budget-minutes', values['time-budget-minutes'], 'timeBudgetMinutes', 0.01),
        ...numberOption('exit-code-on-interrupt', values['exit-code-on-interrupt'], 'exitCodeOnInterrupt', 0),
        json: values.json,
        help: false,
    };
}
function numberOption(flag, raw, key, min) {
    if (raw === undefined)
        return {};
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--${flag} expects a number ≥ ${min}, got "${raw}"`);
    return { [key]: value };
}


/***/ })

};
