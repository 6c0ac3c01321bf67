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
