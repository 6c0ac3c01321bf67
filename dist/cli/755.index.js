export const id = 755;
export const ids = [755];
export const modules = {

/***/ 7755:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RUN_USAGE: () => (/* reexport safe */ _run_args_js__WEBPACK_IMPORTED_MODULE_4__.W),
/* harmony export */   exitCode: () => (/* binding */ exitCode),
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _config_config_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3201);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5024);
/* harmony import */ var _run_start_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7825);
/* harmony import */ var _run_summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9053);
/* harmony import */ var _run_args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9357);
/**
 * `keel run`: a task through planner → coder → reviewer, checkpointed after every step;
 * `keel run --resume [RUN_ID]` continues the latest (or the named) unfinished run where it stopped.
 */







const runCommand = async (argv, io) => {
    const options = (0,_run_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRunArgs */ .u)(argv);
    if (options.help) {
        io.stdout(_run_args_js__WEBPACK_IMPORTED_MODULE_4__/* .RUN_USAGE */ .W);
        return 0;
    }
    const repo = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.repo ?? '.');
    const { config, source } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfigFile */ .HT)(options.config !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.config) : undefined, { cwd: repo });
    const stateDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.stateDir ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(repo, '.keel'));
    // For the next resume's early request (src/run/early-resume.ts); a cache, so never fatal.
    await (0,_config_config_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .saveConfigCache */ .gr)(stateDir, source, config);
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
    const code = (0,_run_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .codeSteps */ .hz)(state);
    const outcome = {
        runId: state.runId,
        status: state.status,
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


/***/ })

};
