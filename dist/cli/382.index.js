export const id = 382;
export const ids = [382];
export const modules = {

/***/ 1855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ openFleetSession)
/* harmony export */ });
/* unused harmony exports DEFAULT_STATE_DIR, FLEET_STATE_FILE */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5024);
/* harmony import */ var _fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9676);
/* harmony import */ var _fleet_router_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6145);
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
/* harmony export */   statusCommand: () => (/* binding */ statusCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var _fleet_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(664);
/* harmony import */ var _fleet_session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1855);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8908);
/**
 * `keel status`: the failover status table — role → chain → CLOSED / MONITORING (n/5) / OPEN / HALF-OPEN /
 * COOLDOWN / DISABLED / UNREACHABLE — from the fleet state the last command or run saved.
 */




const STATUS_USAGE = `usage: keel status [--json] [--config FILE] [--state-dir DIR]

  --json           print the rows as JSON
  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --state-dir DIR  where the fleet state is kept (default: .keel)
`;
const statusCommand = async (argv, io) => {
    let values;
    try {
        ({ values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args: argv,
            options: {
                json: { type: 'boolean', default: false },
                config: { type: 'string' },
                'state-dir': { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false },
            },
            strict: true,
            allowPositionals: false,
        }));
    }
    catch (error) {
        throw new _io_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${error.message}\n\n${STATUS_USAGE}`);
    }
    if (values.help) {
        io.stdout(STATUS_USAGE);
        return 0;
    }
    const session = await (0,_fleet_session_js__WEBPACK_IMPORTED_MODULE_2__/* .openFleetSession */ .P1)({
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
    }, io);
    try {
        const rows = session.router.status();
        io.stdout(values.json ? `${JSON.stringify(rows, null, 2)}\n` : (0,_fleet_status_js__WEBPACK_IMPORTED_MODULE_1__/* .renderStatusText */ ._c)(rows));
        return 0;
    }
    finally {
        await session.close({ save: false });
    }
};


/***/ })

};
