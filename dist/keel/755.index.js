export const id = 755;
export const ids = [755];
export const modules = {

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
