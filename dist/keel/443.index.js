export const id = 443;
export const ids = [443];
export const modules = {

/***/ 85443:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ASK_USAGE: () => (/* binding */ ASK_USAGE),
/* harmony export */   askCommand: () => (/* binding */ askCommand),
/* harmony export */   renderAttempts: () => (/* binding */ renderAttempts)
/* harmony export */ });
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61091);
/* harmony import */ var _fleet_router_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(235);
/* harmony import */ var _fleet_session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71855);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57851);
/**
 * `keel ask --role R --prompt TEXT`: one routed request, the way an agent makes it. Prints the answer and
 * every attempt (which candidate, what happened, how long), so a user can watch failover happen.
 */





const ASK_USAGE = `usage: keel ask --role ROLE --prompt TEXT [--system TEXT] [--stream] [--json]
                [--config FILE] [--state-dir DIR]

  --role ROLE      planner, coder or reviewer: whose chain serves the request
  --prompt TEXT    the user message
  --system TEXT    an optional system message
  --stream         stream the answer (first-token and idle timeouts apply to the stream)
  --json           print the answer and attempts as JSON
  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --state-dir DIR  where the fleet state is kept between commands (default: .keel)
`;
const askCommand = async (argv, io) => {
    const options = parseAskArgs(argv);
    if (options.help) {
        io.stdout(ASK_USAGE);
        return 0;
    }
    const session = await (0,_fleet_session_js__WEBPACK_IMPORTED_MODULE_2__/* .openFleetSession */ .P)(options, io);
    try {
        await session.refreshStaleProbes();
        const messages = [
            ...(options.system ? [{ role: 'system', content: options.system }] : []),
            { role: 'user', content: options.prompt },
        ];
        const done = await session.router.complete(options.role, { messages, stream: options.stream }, { signal: io.signal });
        if (options.json) {
            io.stdout(`${JSON.stringify(done, null, 2)}\n`);
        }
        else {
            io.stdout(`${done.content}\n\n`);
            io.stdout(`answered by ${done.key} after ${done.attempts.length} attempt(s):\n${renderAttempts(done.attempts)}`);
        }
        return 0;
    }
    catch (error) {
        if (!(error instanceof _fleet_router_types_js__WEBPACK_IMPORTED_MODULE_1__/* .RouterError */ .K))
            throw error;
        if (options.json)
            io.stdout(`${JSON.stringify({ error: error.message, reason: error.reason, attempts: error.attempts }, null, 2)}\n`);
        else
            io.stderr(`keel ask: no answer — ${error.reason}\n${renderAttempts(error.attempts)}`);
        return 1;
    }
    finally {
        await session.close();
    }
};
function renderAttempts(attempts) {
    return attempts
        .map((a, i) => {
        const detail = a.outcome === 'ok' ? '' : ` — ${a.message ?? ''}`;
        return `  ${i + 1}. ${a.key} (tier ${a.tier}): ${a.outcome} in ${Math.round(a.latencyMs)} ms${detail}\n`;
    })
        .join('');
}
function parseAskArgs(argv) {
    const { values } = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: {
            role: { type: 'string' },
            prompt: { type: 'string' },
            system: { type: 'string' },
            stream: { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            config: { type: 'string' },
            'state-dir': { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
    }, ASK_USAGE);
    if (values.help)
        return { role: 'coder', prompt: '', stream: false, json: false, help: true };
    if (!values.role || !_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .ROLE_NAMES */ .ST.includes(values.role)) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--role must be one of ${_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .ROLE_NAMES */ .ST.join(', ')}\n\n${ASK_USAGE}`);
    }
    if (!values.prompt)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--prompt is required\n\n${ASK_USAGE}`);
    return {
        role: values.role,
        prompt: values.prompt,
        ...(values.system !== undefined ? { system: values.system } : {}),
        stream: values.stream,
        json: values.json,
        help: false,
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
    };
}


/***/ }),

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


/***/ })

};
