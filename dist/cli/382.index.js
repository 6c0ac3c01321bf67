export const id = 382;
export const ids = [382];
export const modules = {

/***/ 6171:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ planSchema)
/* harmony export */ });
/* unused harmony export subtaskSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/**
 * The plan as the run state checkpoints it: what `planner.ts` must produce (a model's answer is shaped into
 * this and checked against it before the engine sees it), and what a resume reads back.
 */

const text = (max) => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(max);
const subtaskSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[a-z0-9][a-z0-9-]{0,47}$/),
    title: text(200),
    files: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text(300)).max(50),
    instructions: text(8_000),
});
const planSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    milestones: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ id: text(64), title: text(200), subtasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(subtaskSchema).max(2_000) }))
        .max(100),
    confidence: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1),
    degraded: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
});


/***/ }),

/***/ 1855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ openFleetSession)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5024);
/* harmony import */ var _fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9676);
/* harmony import */ var _fleet_router_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5747);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1442);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8747);
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
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5024);
/* harmony import */ var _fleet_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(664);
/* harmony import */ var _run_state_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1472);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8747);
/* harmony import */ var _fleet_session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1855);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7851);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1442);
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
    const parsed = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCommandArgs */ .Q)({
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
        throw new _io_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .e(`one run id at most\n\n${STATUS_USAGE}`);
    const stateDir = values['state-dir'] !== undefined
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, values['state-dir'])
        : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,_project_dir_js__WEBPACK_IMPORTED_MODULE_7__/* .projectDir */ .t)(io), _base_state_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_STATE_DIR */ .mU);
    if (positionals[0] !== undefined)
        return showRun(positionals[0], stateDir, io, values.json);
    const runs = await (0,_run_state_store_js__WEBPACK_IMPORTED_MODULE_3__/* .listRuns */ .v)(stateDir);
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
        const session = await (0,_fleet_session_js__WEBPACK_IMPORTED_MODULE_5__/* .openFleetSession */ .P)({ ...(config !== undefined ? { config } : {}), ...(stateDir !== undefined ? { stateDir } : {}) }, io);
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
    const loaded = await new _run_state_store_js__WEBPACK_IMPORTED_MODULE_3__.TaskStateStore({ runDir: (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .stateLayout */ .G)(stateDir).run(runId).dir }).load();
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


/***/ }),

/***/ 9164:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rc: () => (/* binding */ manifestSchema),
/* harmony export */   u1: () => (/* binding */ buildManifest)
/* harmony export */ });
/* unused harmony exports TASK_PREVIEW_CHARS, countSteps */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2311);
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3516);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1176);
/**
 * `manifest.json`: the small summary of a run that `keel status`, `listRuns` and a human with `cat` read
 * without parsing a checkpoint of a thousand steps. Derived from the state by a pure function; the
 * checkpoint stays the truth.
 */



const TASK_PREVIEW_CHARS = 200;
const count = zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative();
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1),
    runId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(80),
    status: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_STATUSES */ .LV),
    task: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(TASK_PREVIEW_CHARS + 1),
    steps: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ pending: count, running: count, done: count, failed: count, skipped: count }),
    createdAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().finite().nonnegative(),
    updatedAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().finite().nonnegative(),
    resumes: count,
    /** What to type to continue this run. */
    resume: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(200),
    interruption: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(200).optional(),
});
function countSteps(state) {
    const counts = Object.fromEntries(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .STEP_STATUSES */ .sE.map((s) => [s, 0]));
    for (const step of Object.values(state.steps))
        counts[step.status]++;
    return counts;
}
/** Pure. The task preview is redacted (bearer tokens, `sk-…` keys) before it is cut, so no key is half-cut. */
function buildManifest(state) {
    const preview = (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(state.task.text, []);
    return {
        version: 1,
        runId: state.runId,
        status: state.status,
        task: preview.length > TASK_PREVIEW_CHARS ? `${preview.slice(0, TASK_PREVIEW_CHARS)}…` : preview,
        steps: countSteps(state),
        createdAt: state.createdAt,
        updatedAt: state.updatedAt,
        resumes: state.resumes,
        resume: `keel run --resume ${state.runId}`,
        ...(state.interruption ? { interruption: state.interruption.reason } : {}),
    };
}


/***/ }),

/***/ 1472:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mr: () => (/* binding */ latestUnfinishedRun),
/* harmony export */   TaskStateStore: () => (/* binding */ TaskStateStore),
/* harmony export */   v: () => (/* binding */ listRuns)
/* harmony export */ });
/* unused harmony exports STATE_LOCK_FILE, TaskStateStoreLockError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2311);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4743);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7594);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1975);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3071);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8747);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9164);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1176);
/**
 * The checkpoint on disk: `<runDir>/state.json`, written atomically under an inter-process lock with
 * bounded retries (seed 004). Two processes may share a run directory — a resumed run while the old
 * one is still shutting down, the Action's `post` step, `keel status` — and the lock keeps their writes
 * in turn; `TaskStateStoreLockError` says the lock stayed busy for all of the retries, and the caller
 * (the persistence coordinator) carries on and tries again at the next checkpoint.
 *
 * The write path is typed and is not validated again (JSON.stringify only: the bench measures it). The
 * read path validates with zod: a file from a crashed or older process is untrusted input. A corrupt
 * checkpoint is moved aside, never deleted — it may be the only copy of someone's afternoon.
 */










const STATE_LOCK_FILE = 'state.lock';
/** `save` could not get the lock within its retries; the snapshot was not written. */
class TaskStateStoreLockError extends _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .LockTimeoutError */ .XB {
    name = 'TaskStateStoreLockError';
    constructor(lock, failure) {
        super(lock, failure);
        this.message = `state snapshot not saved: ${this.message}`;
    }
}
class TaskStateStore {
    runDir;
    statePath;
    #lock;
    #clock;
    #log;
    constructor(options) {
        this.runDir = options.runDir;
        this.statePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_FILE */ .bv);
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m;
        this.#log = options.log ?? (() => undefined);
        this.#lock = new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .FileLock */ .IR({
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.runDir, STATE_LOCK_FILE),
            clock: this.#clock,
            ...(options.lockAttempts !== undefined ? { attempts: options.lockAttempts } : {}),
            ...(options.lockBackoffMs !== undefined ? { backoffMs: options.lockBackoffMs } : {}),
            ...(options.staleLockMs !== undefined ? { staleMs: options.staleLockMs } : {}),
            log: this.#log,
        });
    }
    /** Writes the snapshot atomically under the lock; throws `TaskStateStoreLockError` when it stays busy. */
    async save(state) {
        // Serialised before the lock is taken: the lock is held only for the write itself.
        const json = `${JSON.stringify(state)}\n`;
        const result = await this.#lock.withLock(() => (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__.writeFileAtomic)(this.statePath, json));
        if (!result.ok)
            throw new TaskStateStoreLockError(this.#lock.path, result);
    }
    /**
     * The saved state, or nothing (no checkpoint yet), or a problem: unreadable, corrupt (moved aside to
     * `state.json.corrupt-<ms>`), or written by a newer keel (left alone). Never throws.
     */
    async load() {
        const read = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .J)(this.statePath);
        if (!read.ok) {
            if (read.reason === 'missing')
                return {};
            if (read.reason === 'unreadable')
                return { problem: read.detail };
            return { problem: await this.#setAside(read.text ?? '', read.detail) };
        }
        const parsed = _state_js__WEBPACK_IMPORTED_MODULE_7__/* .runStateSchema */ .El.safeParse(read.value);
        if (parsed.success)
            return { state: parsed.data };
        const version = read.value?.version;
        if (typeof version === 'number' && version > _state_js__WEBPACK_IMPORTED_MODULE_7__/* .RUN_STATE_VERSION */ .Lu) {
            this.#log({ type: 'state_newer', file: this.statePath, version });
            return { problem: `${this.statePath}: written by a newer keel (state version ${version})` };
        }
        return { problem: await this.#setAside(read.text, `${this.statePath}: ${describeIssue(parsed.error)}`) };
    }
    /**
     * Moves the corrupt file aside under the lock, after checking that it is still the content judged
     * corrupt: a writer may have replaced it with a good snapshot in the meantime.
     */
    async #setAside(text, problem) {
        const target = `${this.statePath}.corrupt-${this.#clock.now()}`;
        let moved;
        try {
            const result = await this.#lock.withLock(async () => {
                const again = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .J)(this.statePath);
                const same = again.ok ? again.text === text : again.reason === 'not-json' && again.text === text;
                if (!same)
                    return false;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(this.statePath, target);
                return true;
            });
            moved = result.ok && result.value;
        }
        catch (error) {
            this.#log({
                type: 'state_corrupt',
                file: this.statePath,
                problem: `${problem}; not moved: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error)}`,
            });
            return `${problem} (could not move it aside: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error)})`;
        }
        this.#log({
            type: 'state_corrupt',
            file: this.statePath,
            problem,
            ...(moved ? { movedTo: target } : {}),
        });
        return moved
            ? `${problem} (moved aside to ${target})`
            : `${problem} (left in place: it changed or the lock was busy)`;
    }
}
function describeIssue(error) {
    const issue = error.issues[0];
    return `invalid checkpoint at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}
const EMPTY_COUNTS = { pending: 0, running: 0, done: 0, failed: 0, skipped: 0 };
/**
 * Every run under `<stateDir>/runs/`, newest first, from its manifest (or its state when the manifest is
 * missing or damaged). Never throws: a directory that cannot be read becomes an entry with a `problem`.
 */
async function listRuns(stateDir) {
    const runsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stateDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .RUNS_DIR */ .z4);
    let names;
    try {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(runsDir, { withFileTypes: true });
        names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    }
    catch {
        return [];
    }
    const summaries = await Promise.all(names.map((name) => summarizeRun((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runsDir, name), name)));
    return summaries.sort((a, b) => b.updatedAt - a.updatedAt || a.runId.localeCompare(b.runId));
}
async function summarizeRun(runDir, name) {
    const manifest = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .J)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .MANIFEST_FILE */ .h1));
    const problems = [];
    if (manifest.ok) {
        const parsed = _manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .manifestSchema */ .rc.safeParse(manifest.value);
        if (parsed.success)
            return fromManifest(parsed.data, runDir, 'manifest');
        problems.push(`manifest.json: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    else if (manifest.reason !== 'missing') {
        problems.push(manifest.detail);
    }
    const state = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .J)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_FILE */ .bv));
    if (state.ok) {
        const parsed = _state_js__WEBPACK_IMPORTED_MODULE_7__/* .runStateSchema */ .El.safeParse(state.value);
        if (parsed.success)
            return fromManifest((0,_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .buildManifest */ .u1)(parsed.data), runDir, 'state');
        problems.push(`state.json: ${describeIssue(parsed.error)}`);
    }
    else {
        problems.push(state.reason === 'missing' ? 'no manifest.json or state.json' : state.detail);
    }
    return {
        runId: name,
        runDir,
        status: 'unknown',
        task: '',
        updatedAt: 0,
        steps: { ...EMPTY_COUNTS },
        source: 'none',
        problem: problems.join('; '),
    };
}
/** A checkpoint without a readable manifest is summarised through the manifest it would have written. */
function fromManifest(m, runDir, source) {
    return {
        runId: m.runId,
        runDir,
        status: m.status,
        task: m.task,
        updatedAt: m.updatedAt,
        steps: m.steps,
        source,
    };
}
const statusOnly = zod__WEBPACK_IMPORTED_MODULE_9__/* .object */ .Ikc({ status: zod__WEBPACK_IMPORTED_MODULE_9__/* ["enum"] */ .k5n(_state_js__WEBPACK_IMPORTED_MODULE_7__/* .RUN_STATUSES */ .LV) });
/**
 * The newest run that can be resumed (`keel run --resume` without an id). The manifest may lag behind the
 * checkpoint (its write failed, or the process died between the two), so the candidate's `state.json`
 * has the last word on whether it is finished.
 */
async function latestUnfinishedRun(stateDir) {
    for (const run of await listRuns(stateDir)) {
        if (run.status === 'unknown' || !(0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .isUnfinished */ .ui)({ status: run.status }))
            continue;
        const state = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .J)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(run.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_FILE */ .bv));
        if (!state.ok)
            continue;
        const parsed = statusOnly.safeParse(state.value);
        if (parsed.success && (0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .isUnfinished */ .ui)(parsed.data))
            return { ...run, status: parsed.data.status };
    }
    return undefined;
}


/***/ }),

/***/ 1176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ runStateSchema),
/* harmony export */   LV: () => (/* binding */ RUN_STATUSES),
/* harmony export */   Lu: () => (/* binding */ RUN_STATE_VERSION),
/* harmony export */   sE: () => (/* binding */ STEP_STATUSES),
/* harmony export */   ui: () => (/* binding */ isUnfinished)
/* harmony export */ });
/* unused harmony exports stepSchema, batchSchema, effectSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _agents_plan_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6171);
/**
 * The run's checkpoint: everything needed to continue after a crash, versioned and validated with zod
 * when read (a file from a crashed or older process is untrusted input). Written after every step.
 */


const RUN_STATE_VERSION = 1;
const RUN_STATUSES = ['running', 'completed', 'partial', 'degraded', 'interrupted', 'failed'];
const STEP_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped'];
const text = (max) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(max);
const time = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().finite().nonnegative();
const stepSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: text(80),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(STEP_STATUSES),
    attempts: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    startedAt: time.optional(),
    endedAt: time.optional(),
    /** `endpointId/model` that produced the step's result, or `template` when degraded. */
    model: text(300).optional(),
    degraded: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
    /** The commit made by this step (code steps), found again by its `Keel-Step` trailer after a crash. */
    commit: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[0-9a-f]{7,64}$/)
        .optional(),
    /** Redacted, bounded. */
    error: text(4_000).optional(),
    /** Step-specific result (validation outcome, review verdict …), small and JSON. */
    result: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).optional(),
});
const batchSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    attempt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1),
    /** The work-branch head before the batch: what a rejected batch is reset to. */
    baseSha: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{7,64}$/),
    succeeded: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    total: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    decision: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['accepted', 'rejected', 'degraded']),
    decidedAt: time,
});
const effectSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['issue', 'comment', 'pull_request', 'recovery_issue']),
    /** The hidden marker it carries: `<!-- keel:run=<id> step=<id> -->`. */
    marker: text(300),
    /** Where it lives (issue number, URL, file path). */
    ref: text(1_000),
    createdAt: time,
});
const runStateSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(RUN_STATE_VERSION),
    runId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
    task: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ text: text(20_000), source: text(40) }),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(RUN_STATUSES),
    createdAt: time,
    updatedAt: time,
    repo: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        root: text(4_096),
        baseBranch: text(255),
        baseSha: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{7,64}$/),
        workBranch: text(255),
        worktree: text(4_096),
    }),
    plan: _agents_plan_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .planSchema */ .F.optional(),
    steps: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), stepSchema),
    batches: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(batchSchema).max(100),
    /** The coder batch under way: its attempt number and the head it started from (what a discard resets to). */
    openBatch: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ attempt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1), baseSha: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{7,64}$/) })
        .optional(),
    effects: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), effectSchema),
    /** The router's breaker, cooldown and probe state (`Router.exportState()`), restored on resume. */
    fleet: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
    /** The run's counters at this checkpoint (`metrics.json` is their view), restored on resume. */
    metrics: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
    /** Why the run stopped early, for the recovery record; redacted. */
    interruption: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ reason: text(200), at: time, error: text(4_000).optional() }).optional(),
    /** How many times this run was resumed. */
    resumes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
});
/** A run that can be resumed: not finished one way or another. */
function isUnfinished(state) {
    return state.status === 'running' || state.status === 'interrupted';
}


/***/ })

};
