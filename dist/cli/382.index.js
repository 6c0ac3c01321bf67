export const id = 382;
export const ids = [382];
export const modules = {

/***/ 1855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ openFleetSession),
/* harmony export */   mU: () => (/* binding */ DEFAULT_STATE_DIR)
/* harmony export */ });
/* unused harmony export FLEET_STATE_FILE */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5024);
/* harmony import */ var _fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9676);
/* harmony import */ var _fleet_router_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7506);
/**
 * What `keel ask`, `keel status` (and later `keel run`) share: the config, and a router that starts from
 * the fleet state the previous command saved and saves it again when done — so breaker and cooldown
 * knowledge carries from one invocation to the next.
 */




const DEFAULT_STATE_DIR = '.keel';
const FLEET_STATE_FILE = 'fleet-state.json';
async function openFleetSession(options, io, deps = {}) {
    const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)(options.config, { cwd: io.cwd });
    const fleetStatePath = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.stateDir ?? DEFAULT_STATE_DIR), FLEET_STATE_FILE);
    const saved = await (0,_fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__/* .readFleetStateFile */ .qJ)(fleetStatePath);
    if (saved.problem)
        io.stderr(`keel: ignoring saved fleet state (${saved.problem})\n`);
    const router = (0,_fleet_router_js__WEBPACK_IMPORTED_MODULE_3__/* .createRouter */ .a)(config, { ...deps, env: io.env, state: saved.state });
    return {
        refreshStaleProbes: async () => {
            // Context windows decide max_tokens; rescan when the saved scan is missing or older than the interval.
            const now = Date.now();
            const stale = config.endpoints.some((endpoint) => {
                const scan = router.health.latestScan(endpoint.id);
                return scan === undefined || now - scan.checkedAt > config.policy.probe.capabilityIntervalMs;
            });
            if (stale)
                await router.probe({ capabilities: true, signal: io.signal });
        },
        config,
        router,
        fleetStatePath,
        close: async ({ save = true } = {}) => {
            try {
                if (save)
                    await (0,_fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFleetStateFile */ .Ts)(fleetStatePath, router.exportState());
            }
            finally {
                await router.close();
            }
        },
    };
}


/***/ }),

/***/ 382:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STATUS_USAGE: () => (/* binding */ STATUS_USAGE),
/* harmony export */   renderRunSteps: () => (/* binding */ renderRunSteps),
/* harmony export */   renderRuns: () => (/* binding */ renderRuns),
/* harmony export */   statusCommand: () => (/* binding */ statusCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5024);
/* harmony import */ var _fleet_status_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(664);
/* harmony import */ var _run_state_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1472);
/* harmony import */ var _fleet_session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1855);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8908);
/**
 * `keel status`: the runs in the state directory with their step states, and the failover status table —
 * role → chain → CLOSED / MONITORING (n/5) / OPEN / HALF-OPEN / COOLDOWN / DISABLED / UNREACHABLE — from
 * the fleet state the last command or run saved. `keel status RUN_ID` lists that run's steps one by one.
 */







const STATUS_USAGE = `usage: keel status [RUN_ID] [--json] [--config FILE] [--state-dir DIR]

  RUN_ID           show that run's steps one by one
  --json           print JSON
  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --state-dir DIR  where runs and the fleet state are kept (default: .keel)
`;
const statusCommand = async (argv, io) => {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
            args: argv,
            options: {
                json: { type: 'boolean', default: false },
                config: { type: 'string' },
                'state-dir': { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false },
            },
            strict: true,
            allowPositionals: true,
        });
    }
    catch (error) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${error.message}\n\n${STATUS_USAGE}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(STATUS_USAGE);
        return 0;
    }
    if (positionals.length > 1)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`one run id at most\n\n${STATUS_USAGE}`);
    const stateDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, values['state-dir'] ?? _fleet_session_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_STATE_DIR */ .mU);
    if (positionals[0] !== undefined)
        return showRun(positionals[0], stateDir, io, values.json);
    const runs = await (0,_run_state_store_js__WEBPACK_IMPORTED_MODULE_4__/* .listRuns */ .v)(stateDir);
    const rows = await fleetRows(values.config, values['state-dir'], io);
    if (values.json) {
        io.stdout(`${JSON.stringify({ runs, fleet: rows ?? null }, null, 2)}\n`);
        return 0;
    }
    io.stdout(renderRuns(runs));
    if (rows)
        io.stdout(`\n${(0,_fleet_status_js__WEBPACK_IMPORTED_MODULE_3__/* .renderStatusText */ ._c)(rows)}`);
    return 0;
};
async function fleetRows(config, stateDir, io) {
    try {
        const session = await (0,_fleet_session_js__WEBPACK_IMPORTED_MODULE_5__/* .openFleetSession */ .P1)({ ...(config !== undefined ? { config } : {}), ...(stateDir !== undefined ? { stateDir } : {}) }, io);
        try {
            return session.router.status();
        }
        finally {
            await session.close({ save: false });
        }
    }
    catch (error) {
        // Runs can be listed without a config; say why the fleet table is missing instead of failing.
        if (!(error instanceof _config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL) || config !== undefined)
            throw error;
        io.stderr(`keel status: no fleet table (${error.message.split('\n', 1)[0]})\n`);
        return undefined;
    }
}
function renderRuns(runs) {
    if (runs.length === 0)
        return 'Runs: none\n';
    const lines = ['Runs:'];
    for (const run of runs) {
        const s = run.steps;
        const when = run.updatedAt > 0 ? new Date(run.updatedAt).toISOString().replace('.000Z', 'Z') : 'unknown';
        lines.push(`  ${run.runId}  ${run.status.padEnd(11)} ${when}  steps: ${s.done} done, ${s.failed} failed, ${s.pending + s.running} pending` +
            `${run.problem ? `  (${run.problem})` : ''}`);
        if (run.task)
            lines.push(`      ${run.task.split('\n', 1)[0]}`);
    }
    return `${lines.join('\n')}\n`;
}
async function showRun(runId, stateDir, io, json) {
    const loaded = await new _run_state_store_js__WEBPACK_IMPORTED_MODULE_4__.TaskStateStore({ runDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, 'runs', runId) }).load();
    if (!loaded.state) {
        io.stderr(`keel status: no run ${runId} in ${stateDir}${loaded.problem ? ` (${loaded.problem})` : ''}\n`);
        return 1;
    }
    io.stdout(json ? `${JSON.stringify(loaded.state, null, 2)}\n` : renderRunSteps(loaded.state));
    return 0;
}
function renderRunSteps(state) {
    const lines = [`run ${state.runId} — ${state.status}`, `  task: ${state.task.text.split('\n', 1)[0]}`];
    if (state.interruption)
        lines.push(`  stopped: ${state.interruption.reason}`);
    for (const step of Object.values(state.steps)) {
        const extra = [step.model, step.commit?.slice(0, 8), step.degraded ? 'degraded' : undefined, step.error]
            .filter(Boolean)
            .join(', ');
        lines.push(`  ${step.id.padEnd(40)} ${step.status}${extra ? `  (${extra})` : ''}`);
    }
    return `${lines.join('\n')}\n`;
}


/***/ })

};
