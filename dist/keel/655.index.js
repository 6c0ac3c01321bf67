export const id = 655;
export const ids = [655];
export const modules = {

/***/ 50655:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GUARD_USAGE: () => (/* binding */ GUARD_USAGE),
/* harmony export */   LANES_SEARCH_PATHS: () => (/* binding */ LANES_SEARCH_PATHS),
/* harmony export */   createGuardCommand: () => (/* binding */ createGuardCommand),
/* harmony export */   guardCommand: () => (/* binding */ guardCommand),
/* harmony export */   renderReport: () => (/* binding */ renderReport)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75024);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17594);
/* harmony import */ var _base_age_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(96018);
/* harmony import */ var _guard_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5423);
/* harmony import */ var _lanes_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17528);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(18908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(57851);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(53013);
/**
 * `keel guard once|loop`: the idle guard on a self-hosted box. `once` runs one cycle (cron, a
 * systemd timer, a debugging session) and `loop` runs cycles every `guard.cycleIntervalMs` until
 * SIGTERM/SIGINT (under `keel daemon --guard`). What a cycle does is in `guard/guard.ts`; how it starts
 * lanes and resumes runs here is in `guard/guard-local.ts`.
 *
 * Exit 0 after a cycle ran (idle lanes are the guard's business, not a failure of the command) or when
 * another cycle held the lock (it was doing the job); a lanes file or config that cannot be loaded fails.
 */











const GUARD_USAGE = `usage: keel guard once [options]
       keel guard loop [options]

  once            run one guard cycle and exit
  loop            run a cycle every guard.cycleIntervalMs until SIGTERM/SIGINT
  --lanes FILE    the lanes file (default: .github/keel-lanes.yml or keel-lanes.yml)
  --config FILE   keel configuration (default: .github/keel.yml or keel.yml)
  --json          print each cycle report as JSON (one line per cycle with loop)

Each cycle probes the lanes' endpoints, starts idle lanes that have queued work and healthy endpoints,
clears stale pause flags, resumes interrupted runs, and writes <stateDir>/guard/last-cycle.json,
state.json and history.ndjson.
`;
const LANES_SEARCH_PATHS = [
    '.github/keel-lanes.yml',
    '.github/keel-lanes.yaml',
    'keel-lanes.yml',
    'keel-lanes.yaml',
];
function createGuardCommand(deps = {}) {
    return async (argv, io) => {
        const args = parseGuardArgs(argv);
        if (args === 'help') {
            io.stdout(GUARD_USAGE);
            return 0;
        }
        const home = (0,_project_dir_js__WEBPACK_IMPORTED_MODULE_7__/* .projectDir */ .t)(io);
        const lanesPath = await findLanesFile(args.lanes, io.cwd, home);
        const lanesFile = await (0,_lanes_index_js__WEBPACK_IMPORTED_MODULE_5__/* .loadLanesFile */ .YS)(lanesPath);
        const configPath = args.config !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, args.config) : undefined;
        const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)(configPath, { cwd: home });
        (0,_lanes_index_js__WEBPACK_IMPORTED_MODULE_5__/* .checkLaneEndpoints */ .hu)(lanesPath, lanesFile, config.endpoints.map((e) => e.id));
        const actor = `keel guard (pid ${process.pid} on ${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)()})`;
        const effects = (0,_guard_index_js__WEBPACK_IMPORTED_MODULE_4__/* .localGuardEffects */ .$7)({
            lanesFile,
            lanesPath,
            config,
            ...(configPath !== undefined ? { configPath } : {}),
            queueDepth: deps.queueDepth ?? (0,_guard_index_js__WEBPACK_IMPORTED_MODULE_4__/* .guardQueueDepth */ .YK)(lanesFile),
            env: io.env,
            cwd: home,
            signal: io.signal,
            actor,
            ...(deps.clock ? { clock: deps.clock } : {}),
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
            ...(deps.launch ? { launch: deps.launch } : {}),
            ...(deps.entry !== undefined ? { entry: deps.entry } : {}),
        });
        const options = {
            lanesFile,
            config,
            effects,
            actor,
            ...(deps.clock ? { clock: deps.clock } : {}),
        };
        const print = (outcome) => printOutcome(io, outcome, args.json, args.mode);
        if (args.mode === 'once') {
            print(await (0,_guard_index_js__WEBPACK_IMPORTED_MODULE_4__/* .runGuardCycle */ .pR)(options));
            return 0;
        }
        await (0,_guard_index_js__WEBPACK_IMPORTED_MODULE_4__/* .runGuardLoop */ .RS)({
            ...options,
            signal: io.signal,
            ...(io.env.KEEL_HEARTBEAT_FILE ? { heartbeatFile: io.env.KEEL_HEARTBEAT_FILE } : {}),
            onCycle: print,
            onError: (error) => io.stderr(`keel guard: cycle failed: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error)}\n`),
        });
        return 0;
    };
}
const guardCommand = createGuardCommand();
function parseGuardArgs(argv) {
    const parsed = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: {
            lanes: { type: 'string' },
            config: { type: 'string', short: 'c' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: true,
    }, GUARD_USAGE);
    const { values, positionals } = parsed;
    if (values.help)
        return 'help';
    const [mode, ...extra] = positionals;
    if (mode !== 'once' && mode !== 'loop')
        throw new _io_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .e(`expected once or loop\n\n${GUARD_USAGE}`);
    if (extra.length > 0)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .e(`unexpected argument "${extra[0]}"\n\n${GUARD_USAGE}`);
    return {
        mode,
        json: values.json,
        ...(values.lanes !== undefined ? { lanes: values.lanes } : {}),
        ...(values.config !== undefined ? { config: values.config } : {}),
    };
}
async function findLanesFile(given, cwd, home) {
    if (given !== undefined)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, given);
    for (const candidate of LANES_SEARCH_PATHS) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(home, candidate);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(path);
            return path;
        }
        catch {
            // next
        }
    }
    throw new _io_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .e(`no lanes file found (looked for ${LANES_SEARCH_PATHS.join(', ')}); pass --lanes FILE`);
}
function printOutcome(io, outcome, json, mode) {
    if (outcome.kind === 'busy') {
        const by = outcome.holder ? ` (pid ${outcome.holder.pid} on ${outcome.holder.host})` : '';
        if (json)
            io.stdout(`${JSON.stringify({ busy: true, lock: outcome.lock, ...(outcome.holder ? { holder: outcome.holder } : {}) })}\n`);
        io.stderr(`keel guard: another guard cycle is running${by}; nothing to do\n`);
        return;
    }
    if (json)
        io.stdout(`${JSON.stringify(outcome.report, null, mode === 'once' ? 2 : undefined)}\n`);
    else
        io.stdout(renderReport(outcome.report));
}
/** The cycle for a terminal: a table of lanes and a line per thing the guard did. */
function renderReport(report) {
    const header = ['lane', 'status', 'queued', 'action', 'idle cycles', 'health', 'activity'];
    const rows = report.lanes.map((lane) => {
        const verdicts = Object.values(lane.health.endpoints);
        const healthy = verdicts.filter((v) => v === 'healthy').length;
        return [
            lane.lane,
            lane.status,
            lane.queued === null ? '?' : String(lane.queued),
            lane.action === 'none' ? '-' : lane.action,
            String(lane.idleCycles),
            verdicts.length === 0
                ? '-'
                : `${healthy}/${verdicts.length}${lane.health.floorMet ? '' : ' (below floor)'}`,
            lane.activity?.detail ?? 'unknown',
        ];
    });
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
    const line = (cells) => cells
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    const notes = [];
    if (report.stateProblem !== undefined)
        notes.push(`note: ${report.stateProblem}`);
    for (const cleared of report.pausesCleared) {
        notes.push(`cleared the stale pause of ${cleared.lane} (set by ${cleared.flag.by} ${(0,_base_age_js__WEBPACK_IMPORTED_MODULE_10__/* .formatAge */ .n)(cleared.cleared.at - cleared.flag.at)} ago: ${cleared.flag.reason || 'no reason given'})`);
    }
    if (report.started.length > 0)
        notes.push(`started: ${report.started.join(', ')}`);
    for (const run of report.resumes.filter((r) => r.action === 'dispatched' || r.action === 'failed')) {
        notes.push(run.action === 'dispatched'
            ? `resumed run ${run.runId}`
            : `could not resume ${run.runId}: ${run.error ?? ''}`);
    }
    if (report.resumeError !== undefined)
        notes.push(`interrupted runs not listed: ${report.resumeError}`);
    for (const alert of report.alerts) {
        notes.push(`persistent_idle_condition: ${alert.lane} idle for ${alert.idleCycles} cycle(s)`);
    }
    for (const lane of report.lanes)
        for (const error of lane.errors)
            notes.push(`${lane.lane}: ${error}`);
    const probes = [
        report.probed ? 'probed' : 'probe not due',
        report.scanned ? 'scanned' : 'scan not due',
    ].join(', ');
    const fleet = report.fleet.idle ? `fleet idle for ${report.fleet.idleCycles} cycle(s)` : 'fleet not idle';
    return [
        `guard cycle ${report.cycle} (${probes}; ${fleet})`,
        line(header),
        ...rows.map(line),
        ...notes,
        '',
    ].join('\n');
}


/***/ })

};
