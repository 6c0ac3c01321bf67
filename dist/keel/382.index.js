export const id = 382;
export const ids = [382];
export const modules = {

/***/ 71855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ openFleetSession)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75024);
/* harmony import */ var _fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29676);
/* harmony import */ var _fleet_router_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82466);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53013);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28747);
/**
 * What `keel ask`, `keel status` (and later `keel run`) share: the config, and a router that starts from
 * the fleet state the previous command saved and saves it again when done — so breaker and cooldown
 * knowledge carries from one invocation to the next.
 */






async function openFleetSession(options, io, deps = {}) {
    const home = (0,_project_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .projectDir */ .t)(io);
    const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)(options.config !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.config) : undefined, { cwd: home });
    const stateDir = options.stateDir !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.stateDir) : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(home, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_STATE_DIR */ .mU);
    const fleetStatePath = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .FLEET_STATE_FILE */ .aC);
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

/***/ 90382:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STATUS_USAGE: () => (/* binding */ STATUS_USAGE),
/* harmony export */   renderRunSteps: () => (/* binding */ renderRunSteps),
/* harmony export */   renderRuns: () => (/* binding */ renderRuns),
/* harmony export */   statusCommand: () => (/* binding */ statusCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75024);
/* harmony import */ var _fleet_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90664);
/* harmony import */ var _run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15675);
/* harmony import */ var _run_state_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(61472);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41176);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(28747);
/* harmony import */ var _fleet_session_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(71855);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(18908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(57851);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(53013);
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
    const parsed = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: {
            json: { type: 'boolean', default: false },
            config: { type: 'string' },
            'state-dir': { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: true,
    }, STATUS_USAGE);
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(STATUS_USAGE);
        return 0;
    }
    if (positionals.length > 1)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .e(`one run id at most\n\n${STATUS_USAGE}`);
    const stateDir = values['state-dir'] !== undefined
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, values['state-dir'])
        : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,_project_dir_js__WEBPACK_IMPORTED_MODULE_9__/* .projectDir */ .t)(io), _base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_STATE_DIR */ .mU);
    if (positionals[0] !== undefined)
        return showRun(positionals[0], stateDir, io, values.json);
    const runs = await withOwners(await (0,_run_state_store_js__WEBPACK_IMPORTED_MODULE_4__/* .listRuns */ .v)(stateDir));
    const rows = await fleetRows(values.config, values['state-dir'], io);
    if (values.json) {
        io.stdout(`${JSON.stringify({ runs, fleet: rows ?? null }, null, 2)}\n`);
        return 0;
    }
    io.stdout(renderRuns(runs));
    if (rows)
        io.stdout(`\n${(0,_fleet_status_js__WEBPACK_IMPORTED_MODULE_2__/* .renderStatusText */ ._c)(rows)}`);
    return 0;
};
async function fleetRows(config, stateDir, io) {
    try {
        const session = await (0,_fleet_session_js__WEBPACK_IMPORTED_MODULE_7__/* .openFleetSession */ .P)({ ...(config !== undefined ? { config } : {}), ...(stateDir !== undefined ? { stateDir } : {}) }, io);
        try {
            return session.router.status();
        }
        finally {
            await session.close({ save: false });
        }
    }
    catch (error) {
        // Runs can be listed without a config; say why the fleet table is missing instead of failing.
        if (!(error instanceof _config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL) || config !== undefined)
            throw error;
        io.stderr(`keel status: no fleet table (${error.message.split('\n', 1)[0]})\n`);
        return undefined;
    }
}
/**
 * The lease and heartbeat of every unfinished run: "running" while its holder beats, "stale" when it went
 * silent — what a person deciding whether to resume (or `--take-over`) needs to see.
 */
async function withOwners(runs) {
    const now = Date.now();
    return Promise.all(runs.map(async (run) => run.status === 'running' || run.status === 'interrupted'
        ? { ...run, owner: await (0,_run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunOwner */ .N0)(run.runDir, now, _run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEASE_STALE_MS */ .oc) }
        : run));
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
        if (run.owner && run.owner.state !== 'none')
            lines.push(`      ${run.owner.state === 'running' ? 'running' : 'stale'}: ${run.owner.detail ?? ''}`);
        if (run.task)
            lines.push(`      ${run.task.split('\n', 1)[0]}`);
    }
    return `${lines.join('\n')}\n`;
}
async function showRun(runId, stateDir, io, json) {
    const loaded = await new _run_state_store_js__WEBPACK_IMPORTED_MODULE_4__.TaskStateStore({ runDir: (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .stateLayout */ .G)(stateDir).run(runId).dir }).load();
    if (!loaded.state) {
        io.stderr(`keel status: no run ${runId} in ${stateDir}${loaded.problem ? ` (${loaded.problem})` : ''}\n`);
        return 1;
    }
    const runDir = (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .stateLayout */ .G)(stateDir).run(runId).dir;
    const owner = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_5__/* .isUnfinished */ .ui)(loaded.state)
        ? await (0,_run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunOwner */ .N0)(runDir, Date.now(), _run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEASE_STALE_MS */ .oc)
        : undefined;
    io.stdout(json
        ? `${JSON.stringify(owner ? { ...loaded.state, owner } : loaded.state, null, 2)}\n`
        : renderRunSteps(loaded.state, owner));
    return 0;
}
function renderRunSteps(state, owner) {
    const lines = [`run ${state.runId} — ${state.status}`, `  task: ${state.task.text.split('\n', 1)[0]}`];
    if (owner && owner.state !== 'none')
        lines.push(`  ${owner.state}: ${owner.detail ?? ''}`);
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
