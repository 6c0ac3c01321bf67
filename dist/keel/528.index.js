export const id = 528;
export const ids = [528];
export const modules = {

/***/ 50276:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mk: () => (/* binding */ configJsonSchema),
/* harmony export */   Ue: () => (/* binding */ fileJsonSchema)
/* harmony export */ });
/* unused harmony export CONFIG_SCHEMA_ID */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98439);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61091);
/**
 * The JSON Schema of the configuration file, derived from the zod schema so the two cannot drift. It
 * describes the INPUT: fields with defaults are optional, as users may leave them out. Editors use it for
 * completion and checking (`keel schema > keel.schema.json`, then point the YAML language server at it).
 */


/** A URN rather than a URL: the schema is printed by the installed keel, not fetched from a server. */
const CONFIG_SCHEMA_ID = 'urn:keel:config:v1';
function configJsonSchema() {
    return fileJsonSchema(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .configSchema */ .Qn, CONFIG_SCHEMA_ID, 'keel configuration');
}
/** The JSON Schema of a file keel reads, from its zod schema: the input (defaults optional), named by `id`. */
function fileJsonSchema(schema, id, title) {
    const generated = zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(schema, { io: 'input', target: 'draft-2020-12' });
    const { $schema, ...rest } = generated;
    // Identification first, so a reader of the printed file sees what it is before the body.
    return { $schema, $id: id, title, ...rest };
}


/***/ }),

/***/ 17528:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nd: () => (/* reexport */ LaneRunner),
  Si: () => (/* reexport */ LanesFileError),
  fx: () => (/* reexport */ MAX_CONCURRENCY),
  hu: () => (/* reexport */ checkLaneEndpoints),
  bG: () => (/* reexport */ createQueueWatch),
  l4: () => (/* reexport */ engineLane),
  sg: () => (/* reexport */ filePauseFlags),
  Cr: () => (/* reexport */ isPauseStale),
  eP: () => (/* reexport */ laneConcurrency),
  VD: () => (/* reexport */ laneDirOf),
  NK: () => (/* reexport */ laneRunId),
  dq: () => (/* reexport */ lanesJsonSchema),
  YS: () => (/* reexport */ loadLanesFile),
  KA: () => (/* reexport */ queueClaimPrefix)
});

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
;// CONCATENATED MODULE: ./lib/lanes/lane-concurrency.js
/**
 * How many tasks a lane runs at once: a fixed number (`--concurrency N`, `concurrency: N`), or `auto` —
 * enough runs to keep the lane's endpoints' slots busy.
 *
 * Why more than one: a run holds no model slot while it does local work (worktree, commits, checkpoints),
 * and only one request at a time while it plans and reviews, so one run per lane leaves slots idle that a
 * second run would fill. The slots themselves stay exact however many runs there are: every request holds a
 * shared lease (`fleet/shared-slots.ts`), so more runs than slots only means runs waiting for slots.
 *
 * `auto` looks at the lane's own runs every `stepMs` (their router events: how long their requests were in
 * flight, how long they waited for a slot) and
 * - grows while the limit is what holds the lane back (every allowed task is running), fewer than half its
 *   share of requests wait for a slot on average, and the CPU has room — doubling up to its share (a lane
 *   starts at one run), one at a time beyond;
 * - shrinks by one when its runs queue for slots: on average a whole share of the lane's requests (at least
 *   one) waited over the window, so one run fewer still leaves every freed slot a request to take; or when
 *   the CPU is saturated. In between it holds: a few requests waiting is what keeps the slots busy;
 * - stays between `1` and `max` (twice the slots of the lane's endpoints: a run spends part of its time on
 *   local work, and more runs than that only wait).
 *
 * "CPU to spare" is the lane process's event-loop utilisation (`performance.eventLoopUtilization`, which
 * counts the time its work took on the wall clock, so a loop starved by other processes looks busy too):
 * below `CPU_GROW` there is room for one more run's local work, above `CPU_SHRINK` the runs already wait for
 * the CPU and one fewer is better.
 */

/** The largest fixed concurrency accepted (each run is a git worktree and a router). */
const MAX_CONCURRENCY = 64;
const DEFAULT_STEP_MS = 1_000;
/** The lane's requests waiting for a slot, on average, below which one more run is welcome: half its share… */
const GROW_WAITING_SHARE = 0.5;
/** … and from which one run fewer costs nothing: a whole share (at least one request). */
const SHRINK_WAITING_SHARE = 1;
const CPU_GROW = 0.7;
const CPU_SHRINK = 0.95;
function fixedConcurrency(n) {
    const limit = Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(n)));
    return {
        setting: limit,
        limit: () => limit,
        observe: () => undefined,
        review: () => undefined,
        nextReviewIn: () => Number.POSITIVE_INFINITY,
    };
}
class AutoConcurrency {
    setting = 'auto';
    #o;
    #limit = 1;
    /** Doubling while under the share, until the first sign of waiting. */
    #slowStart = true;
    #windowStart;
    #requestMs = 0;
    #waitMs = 0;
    constructor(options) {
        this.#o = {
            stepMs: DEFAULT_STEP_MS,
            cpuBusy: eventLoopBusy(),
            ...options,
            max: Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(options.max))),
        };
        this.#windowStart = options.clock.now();
    }
    limit() {
        return this.#limit;
    }
    get share() {
        return this.#o.share;
    }
    get max() {
        return this.#o.max;
    }
    observe(event) {
        if (event.type === 'attempt')
            this.#requestMs += event.attempt.latencyMs;
        else if (event.type === 'wait' && event.reason === 'saturated')
            this.#waitMs += event.ms;
    }
    nextReviewIn() {
        return Math.max(0, this.#windowStart + this.#o.stepMs - this.#o.clock.now());
    }
    review(running) {
        const now = this.#o.clock.now();
        const window = now - this.#windowStart;
        if (window < this.#o.stepMs)
            return undefined;
        const inflight = this.#requestMs / window;
        const waiting = this.#waitMs / window;
        this.#windowStart = now;
        this.#requestMs = 0;
        this.#waitMs = 0;
        const cpu = this.#o.cpuBusy();
        const from = this.#limit;
        const { share, max } = this.#o;
        const figures = `in flight ${round(inflight)}, waiting ${round(waiting)}, share ${round(share)}, cpu ${round(cpu)}`;
        const growBelow = Math.max(0.25, share * GROW_WAITING_SHARE);
        const shrinkFrom = Math.max(1, share * SHRINK_WAITING_SHARE);
        if (waiting >= growBelow)
            this.#slowStart = false;
        if (from > 1 && (waiting >= shrinkFrom || cpu >= CPU_SHRINK)) {
            this.#slowStart = false;
            this.#limit = from - 1;
            const why = waiting >= shrinkFrom ? 'runs queue for slots' : 'the CPU is saturated';
            return { from, to: this.#limit, why: `${why} (${figures})` };
        }
        const bound = running >= from;
        if (bound && waiting < growBelow && cpu < CPU_GROW && from < max) {
            const doubled = this.#slowStart && from * 2 <= Math.ceil(share) ? from * 2 : from + 1;
            this.#limit = Math.min(max, doubled);
            return { from, to: this.#limit, why: `slots to spare (${figures})` };
        }
        return undefined;
    }
}
/**
 * The lane's share of its endpoints' slots and the bound of `auto`: each endpoint's `maxParallel` divided
 * by the number of lanes that use it; the bound is twice the slots of the lane's endpoints.
 */
function slotShare(endpoints, sharers) {
    let share = 0;
    let slots = 0;
    for (const endpoint of endpoints) {
        share += endpoint.maxParallel / Math.max(1, sharers(endpoint.id));
        slots += endpoint.maxParallel;
    }
    return { share: Math.max(1, share), max: Math.max(1, Math.min(MAX_CONCURRENCY, 2 * slots)) };
}
/**
 * The concurrency of lane `lane` for a setting: fixed, or `auto` with the lane's share of the endpoints its
 * roles use (`lanes`: every lane of the lanes file, to count who shares an endpoint).
 */
function laneConcurrency(setting, context) {
    if (setting !== 'auto')
        return fixedConcurrency(setting);
    const { config, lane, lanes, clock } = context;
    const used = new Set(Object.values(config.roles)
        .flat(2)
        .map((candidate) => candidate.endpointId));
    const usedBy = (l) => l.endpoints.length > 0 ? new Set(l.endpoints) : used;
    const mine = usedBy(lane);
    const endpoints = config.endpoints.filter((endpoint) => mine.has(endpoint.id) && used.has(endpoint.id));
    const sharers = (id) => lanes.filter((l) => usedBy(l).has(id)).length;
    return new AutoConcurrency({ clock, ...slotShare(endpoints, sharers) });
}
/** The event loop's utilisation since the last call (0..1). */
function eventLoopBusy() {
    let last = external_node_perf_hooks_.performance.eventLoopUtilization();
    return () => {
        const now = external_node_perf_hooks_.performance.eventLoopUtilization();
        const delta = external_node_perf_hooks_.performance.eventLoopUtilization(now, last);
        last = now;
        return delta.utilization;
    };
}
function round(value) {
    return Math.round(value * 100) / 100;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
// EXTERNAL MODULE: ./lib/base/run-id.js
var run_id = __webpack_require__(39048);
// EXTERNAL MODULE: ./lib/run/run-lease.js
var run_lease = __webpack_require__(15675);
// EXTERNAL MODULE: ./lib/run/start-run.js + 17 modules
var start_run = __webpack_require__(16852);
// EXTERNAL MODULE: ./lib/git/workspace.js + 4 modules
var workspace = __webpack_require__(9491);
// EXTERNAL MODULE: ./lib/run/state-store.js
var state_store = __webpack_require__(61472);
// EXTERNAL MODULE: ./lib/run/state.js
var state = __webpack_require__(41176);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./lib/lanes/shared-process-events.js
/**
 * One subscription to the process's signals and fatal events, shared by every run a lane has in flight.
 *
 * Each run installs its own shutdown (`run/shutdown.ts`): four listeners on `process`. With a dozen runs in
 * flight that passes Node's ten-listener warning and prints a false "memory leak" to the lane's output. The
 * fan-out listens to `process` only while some run listens to it (so an uncaught exception between two runs
 * still ends the process as it would without a lane), and forwards each event to every run.
 */

function fanOutProcessEvents(source = process) {
    const runs = new external_node_events_.EventEmitter();
    runs.setMaxListeners(0);
    const forwarders = new Map();
    return {
        on(event, listener) {
            if (!forwarders.has(event)) {
                const forward = (...args) => runs.emit(event, ...args);
                forwarders.set(event, forward);
                source.on(event, forward);
            }
            runs.on(event, listener);
            return this;
        },
        off(event, listener) {
            runs.off(event, listener);
            const forward = forwarders.get(event);
            if (forward && runs.listenerCount(event) === 0) {
                forwarders.delete(event);
                source.off(event, forward);
            }
            return this;
        },
    };
}

;// CONCATENATED MODULE: ./lib/lanes/lane-engine.js
/**
 * How a lane runs a task: through the run engine (`startRun`), under a run id derived from the task id, so
 * that a lane killed mid-task resumes the very same run when it comes back — its checkpoint, its work
 * branch, its effects — instead of starting the task over.
 */











/**
 * Whether an engine failure is the task's own — it can never run as written (no task text left, a run id or
 * branch name git refuses, a checkout keel refuses) — rather than the machine's (disk, locks, git, the
 * network). A task fault is recorded `failed` at once, without retries, and does not count toward stopping
 * the lane: one bad task must not hold up the queue behind it.
 */
function isTaskFault(error) {
    return error instanceof start_run/* RunStartError */._ || (error instanceof workspace/* WorkspaceError */.kP && error.reason === 'invalid');
}
/**
 * `q-<id>` for the first run of a task, `q<n>-<id>` for its n-th recycle (a finished run is not run again
 * under its own id). Ids that are not valid run ids as they stand (a `:`, over 60 characters) become
 * `qh…-<sanitised head>-<hash>`. The prefix before the first `-` tells the forms apart, so two task ids
 * never share a run id (short of a 48-bit hash collision).
 */
function laneRunId(taskId, recycles = 0) {
    const n = recycles > 0 ? String(recycles) : '';
    if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/.test(taskId))
        return `q${n}-${taskId}`;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(taskId).digest('hex').slice(0, 12);
    const head = taskId.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40);
    const runId = `qh${n}-${head}-${hash}`;
    return run_id/* RUN_ID_PATTERN */.z.test(runId) ? runId : `qh${n}-${hash}`;
}
/**
 * The engine, tried again when it throws (up to `attempts`, backing off `backoffMs` more per attempt): a run
 * that could not even start is often weather — concurrent `git worktree add`s in one repository race on
 * each other's half-made admin directories — and the same run id resumes whatever the last try left.
 */
async function attemptEngine(engine, task, options) {
    const { attempts, backoffMs, clock, onRetry, ...ctx } = options;
    for (let attempt = 1;; attempt++) {
        try {
            return { outcome: await engine(task, { ...ctx, resumed: ctx.resumed || attempt > 1 }) };
        }
        catch (error) {
            const taskFault = isTaskFault(error);
            // A task that cannot run as written will not run on a second try either.
            if (ctx.signal.aborted || taskFault || attempt >= attempts)
                return { error: (0,errors/* errorMessage */.g)(error), taskFault };
            onRetry(attempt, (0,errors/* errorMessage */.g)(error));
            await clock.sleep(backoffMs * attempt, ctx.signal).catch(() => undefined);
        }
    }
}
function engineLane(options) {
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    // One set of listeners on the process for all the lane's runs in flight (`shared-process-events.ts`).
    const processEvents = options.processEvents ?? fanOutProcessEvents();
    return async (task, ctx) => {
        const runDir = (0,state_layout/* stateLayout */.G)(options.stateDir).run(ctx.runId).dir;
        const publish = options.publish;
        await publish?.restore?.(ctx.runId);
        for (;;) {
            await waitForOtherRunner(runDir, options.config, clock, ctx.signal);
            // A run that ended before the lane could record it (killed in between): its outcome, not a second go —
            // `startRun` would retry a failed run.
            const saved = await new state_store.TaskStateStore({ runDir, clock }).load();
            if (saved.state && !(0,state/* isUnfinished */.ui)(saved.state))
                return outcomeOf(saved.state);
            try {
                const outcome = await runTask(task, ctx, publish);
                // Taken over by another process meanwhile: its outcome is the run's, once it ends.
                if (outcome !== 'superseded' || ctx.signal.aborted)
                    return outcome === 'superseded' ? stopped(ctx) : outcome;
            }
            catch (error) {
                // Another process took the run between the wait and the start: wait for that one instead.
                if (!(error instanceof run_lease/* LeaseHeldError */._i) || ctx.signal.aborted)
                    throw error;
            }
        }
    };
    async function runTask(task, ctx, publish) {
        const runDir = (0,state_layout/* stateLayout */.G)(options.stateDir).run(ctx.runId).dir;
        let outcome;
        try {
            outcome = await startTask(task, ctx, publish);
        }
        catch (error) {
            // Also after a throw: whatever the run saved is worth keeping where other machines see it — unless
            // another process holds the run, whose copies are its own to make.
            if (!(error instanceof run_lease/* LeaseHeldError */._i))
                await publish?.saved?.({ runId: ctx.runId, runDir });
            throw error;
        }
        if (outcome !== 'superseded')
            await publish?.saved?.({ runId: ctx.runId, runDir });
        return outcome;
    }
    async function startTask(task, ctx, publish) {
        const { state, superseded } = await (0,start_run/* startRun */.A)({
            config: options.config,
            repo: options.repo,
            stateDir: options.stateDir,
            task: task.text,
            taskSource: 'queue',
            runId: ctx.runId,
            env: options.env,
            progress: options.progress,
            signal: ctx.signal,
            clock,
            processEvents,
            ...(ctx.onRouterEvent ? { onRouterEvent: ctx.onRouterEvent } : {}),
            ...(options.resumeCommand ? { resumeCommand: options.resumeCommand } : {}),
            ...(publish
                ? {
                    effects: (dir, current) => publish.effects(dir, current),
                    ...(publish.pushTo !== undefined ? { pushTo: publish.pushTo } : {}),
                    ...(publish.remoteAuth ? { remoteAuth: publish.remoteAuth } : {}),
                    ...(publish.baseBranch ? { baseBranch: publish.baseBranch } : {}),
                }
                : {}),
        });
        return superseded ? 'superseded' : outcomeOf(state);
    }
}
/** The lane stopped while another process had its run: the run is unfinished, to be resumed. */
function stopped(ctx) {
    return { status: 'interrupted', runId: ctx.runId, detail: 'another process holds the run' };
}
function outcomeOf(state) {
    return {
        status: state.status,
        runId: state.runId,
        ...(state.interruption ? { detail: state.interruption.reason } : {}),
    };
}
/**
 * The guard may have dispatched `keel run --resume` for this run while the lane was down: two processes
 * must not drive one run. While another process holds the run's lease (alive, heartbeat fresh), wait for it
 * to end — `startRun` would refuse.
 */
async function waitForOtherRunner(runDir, config, clock, signal) {
    const staleMs = Math.max(config.run.leaseStaleMs, 3 * config.run.heartbeatMs);
    for (;;) {
        const lease = await (0,run_lease/* readRunLease */.cP)(runDir, clock.now(), staleMs);
        if (lease.state !== 'live' || lease.record?.pid === process.pid)
            return;
        try {
            await clock.sleep(config.run.heartbeatMs, signal);
        }
        catch {
            return; // stopping: startRun sees the signal and checkpoints at once
        }
    }
}

// EXTERNAL MODULE: ./lib/queue/claim-store.js
var claim_store = __webpack_require__(27627);
// EXTERNAL MODULE: ./lib/queue/recycle.js
var recycle = __webpack_require__(10974);
// EXTERNAL MODULE: ./lib/queue/queue-reader.js + 3 modules
var queue_reader = __webpack_require__(13758);
;// CONCATENATED MODULE: ./lib/lanes/lane-backlog.js
class LaneBacklog {
    #lane;
    #pending = [];
    #ids = new Set();
    #unsorted = false;
    constructor(lane) {
        this.#lane = lane;
    }
    get size() {
        return this.#pending.length;
    }
    /** Takes the tasks this lane may run; ids already waiting are ignored. */
    add(tasks) {
        for (const task of tasks) {
            if (!this.mine(task) || this.#ids.has(task.id))
                continue;
            this.#ids.add(task.id);
            this.#pending.push(task);
            this.#unsorted = true;
        }
    }
    drop(id) {
        if (!this.#ids.delete(id))
            return;
        const index = this.#pending.findIndex((task) => task.id === id);
        if (index >= 0)
            this.#pending.splice(index, 1);
    }
    /** The next task to claim; ids the claim store knows are dropped on the way. */
    next(isKnown, reopened) {
        if (this.#unsorted) {
            // Stable: equal priorities keep queue order.
            this.#pending.sort((a, b) => b.priority - a.priority);
            this.#unsorted = false;
        }
        let known = 0;
        while (known < this.#pending.length && isKnown(this.#pending[known].id)) {
            this.#ids.delete(this.#pending[known].id);
            known++;
        }
        if (known > 0)
            this.#pending.splice(0, known);
        if (this.#pending.length > 0)
            return this.#pending[0];
        return reopened()
            .filter((task) => this.mine(task))
            .sort((a, b) => b.priority - a.priority)[0];
    }
    mine(task) {
        return task.owner === undefined || task.owner === this.#lane;
    }
}

;// CONCATENATED MODULE: ./lib/lanes/lane-intake.js



class LaneIntake {
    #o;
    #reader;
    #backlog;
    #lastSourceRead = new Map();
    /**
     * Offered by `next` and not yet claimed or given back: not offered again meanwhile (a lane with several
     * tasks in flight looks for the next one from more than one place at once).
     */
    #offered = new Set();
    constructor(options) {
        this.#o = options;
        this.#backlog = new LaneBacklog(options.lane);
        this.#reader = new queue_reader/* QueueReader */.n({ path: options.queueFile, lanes: options.lanes, log: options.event });
    }
    /** Starts reading the queue file where the claim store says the lanes got to. */
    seek(cursor) {
        this.#reader.seek(cursor);
    }
    /** The task to claim next, after reading what is new; undefined when there is none. */
    async next() {
        const { store } = this.#o;
        await this.#ingest();
        await store.refresh();
        const next = this.#backlog.next((id) => store.isKnown(id) || this.#offered.has(id), () => store.reopened().filter((task) => !this.#offered.has(task.id)));
        if (next === undefined)
            return undefined;
        this.#offered.add(next.id);
        // Counting `next` as settled holds only if the claim goes through, which is when the store applies it;
        // so the reader is not told to move on (`commit: false`).
        const cursor = this.#reader.consumed((id) => id === next.id || store.isKnown(id), false);
        return { task: next, ...(cursor ? { cursor: { path: this.#o.queueFile, cursor } } : {}) };
    }
    /** Claimed (by anyone): not offered again. */
    drop(id) {
        this.#offered.delete(id);
        this.#backlog.drop(id);
    }
    /** Offered and not claimed after all (the claim-state lock was busy): it may be offered again. */
    giveBack(id) {
        this.#offered.delete(id);
    }
    /** Saves how far the queue file is settled, when that moved (a drained lane's last word). */
    async saveCursor() {
        const { store, queueFile } = this.#o;
        const cursor = this.#reader.consumed((id) => store.isKnown(id));
        const stored = store.cursor(queueFile);
        if (cursor === undefined ||
            (stored !== undefined && stored.ino === cursor.ino && stored.offset >= cursor.offset))
            return;
        await store.advanceCursor(queueFile, cursor);
    }
    /** New lines of the queue file, and the other sources when they are due. */
    async #ingest() {
        const read = await this.#reader.read();
        this.#backlog.add(read.tasks);
        const now = this.#o.clock.now();
        for (const source of this.#o.sources ?? []) {
            const last = this.#lastSourceRead.get(source.name);
            if (last !== undefined && now - last < source.everyMs)
                continue;
            this.#lastSourceRead.set(source.name, now);
            try {
                const found = await source.read();
                for (const problem of found.problems)
                    this.#o.event({ type: 'queue_problem', source: source.name, ...problem });
                this.#backlog.add(found.tasks);
            }
            catch (error) {
                this.#o.event({ type: 'lane_source_failed', source: source.name, error: (0,errors/* errorMessage */.g)(error) });
            }
        }
    }
}

;// CONCATENATED MODULE: ./lib/lanes/lane-pool.js
/**
 * The lane's loop around the per-task flow: it keeps up to `limit()` tasks in flight, asks the lane for the
 * next one whenever there is room, and ends the lane once a stop is decided and every task in flight has
 * ended. With a limit of one it is the one-task-at-a-time lane it always was.
 *
 * - Room: a task ending frees its place at once (its finish may already have claimed the next task in the
 *   same claim-store write: the lane hands that one over first).
 * - Stop: once the intake says stop (drained, paused, `maxTasks`, the lane's signal) or a task's end does
 *   (interrupted, too many errors), nothing new is started; the tasks in flight run to their end (on the
 *   lane's signal they checkpoint and stay claimed: a restart resumes each). The lane's result is the first
 *   stop a task asked for, else the intake's.
 * - A task whose flow threw (the claim store became unreadable) is rethrown once the others have ended.
 */

async function runPool(host) {
    const flight = new InFlight();
    let intakeStop;
    let taskStop;
    let failure;
    const collect = () => {
        for (const settled of flight.take()) {
            if (!settled.ok)
                failure ??= { error: settled.error };
            else if (settled.step !== 'continue')
                taskStop ??= settled.step;
        }
    };
    for (;;) {
        collect();
        if (taskStop || failure)
            break;
        const change = host.concurrency.review(flight.size);
        if (change)
            host.resized?.(change);
        // Full: wait for a place (or the next review). Once the lane is told to stop, the intake says so.
        if (flight.size >= host.concurrency.limit() && !host.signal.aborted) {
            await flight.oneEnds(host.clock, host.concurrency.nextReviewIn(), host.signal);
            continue;
        }
        const intake = await host.next(flight.size);
        if (typeof intake === 'object' && 'entry' in intake) {
            const { entry, resumed } = intake;
            flight.start(() => host.run(entry, resumed));
        }
        else if (typeof intake === 'object') {
            intakeStop = intake;
            break;
        }
        else if (intake === 'full') {
            await flight.oneEnds(host.clock, host.concurrency.nextReviewIn(), host.signal);
        }
        else if (intake !== 'again') {
            await waitIdle(host, flight, intake);
        }
    }
    host.stopTaking();
    await flight.all();
    collect();
    if (failure)
        throw failure.error;
    return taskStop ?? intakeStop ?? { stop: 'stopped' };
}
/** A poll's wait, cut short by a task ending (its place is free again) or by the next review. */
async function waitIdle(host, flight, status) {
    if (flight.size === 0) {
        await host.idle(status, host.signal);
        return;
    }
    const stop = new AbortController();
    try {
        await Promise.race([
            host.idle(status, stop.signal),
            flight.oneEnds(host.clock, host.concurrency.nextReviewIn(), stop.signal),
        ]);
    }
    finally {
        stop.abort();
    }
}
/** The tasks in flight, as promises that never reject, and what the ended ones came to. */
class InFlight {
    #running = new Set();
    #ended = [];
    #wake;
    get size() {
        return this.#running.size;
    }
    start(work) {
        const task = work().then((step) => this.#end(task, { ok: true, step }), (error) => this.#end(task, { ok: false, error }));
        this.#running.add(task);
    }
    /** What ended since the last call. */
    take() {
        const ended = this.#ended;
        this.#ended = [];
        return ended;
    }
    /** Resolves when a task ends (at once if one has and was not taken yet), after `ms`, or when `signal` aborts. */
    async oneEnds(clock, ms, signal) {
        if (this.#ended.length > 0 || this.#running.size === 0)
            return;
        const timer = new AbortController();
        const onAbort = () => timer.abort((0,base_clock/* abortReason */.Js)(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        try {
            const ended = new Promise((resolve) => {
                this.#wake = resolve;
            });
            const waits = [ended];
            if (Number.isFinite(ms))
                waits.push(clock.sleep(ms, timer.signal).catch(() => undefined));
            if (!signal.aborted)
                await Promise.race(waits);
        }
        finally {
            this.#wake = undefined;
            signal.removeEventListener('abort', onAbort);
            timer.abort();
        }
    }
    async all() {
        while (this.#running.size > 0)
            await Promise.all([...this.#running]);
    }
    #end(task, settled) {
        this.#running.delete(task);
        this.#ended.push(settled);
        this.#wake?.();
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
;// CONCATENATED MODULE: ./lib/lanes/lane-status.js
/**
 * What a lane shows the outside: its heartbeat (`<stateDir>/lanes/<name>/.heartbeat`, or the file the
 * daemon's watchdog names in `KEEL_HEARTBEAT_FILE`) and the pause flag it obeys.
 *
 * The heartbeat is `{ pid, at }` — what `readHeartbeat` and the watchdog read — plus what the lane is doing,
 * for `keel guard` and humans: `{ lane, status, taskId?, runId?, processed, running?, concurrency? }`. An awaited loop, like the
 * run's heartbeat: one write per tick, a failed write is tried again at the next tick, never a throw. It
 * keeps beating while a long run is in progress (the watchdog must not take a busy lane for a hung one).
 */



async function runLaneHeartbeat(options) {
    const { clock, signal } = options;
    while (!signal.aborted) {
        await writeLaneHeartbeat(options);
        try {
            await clock.sleep(options.intervalMs, signal);
        }
        catch {
            return;
        }
    }
}
/** One beat, now (also called when the status changes, so a start or a pause shows at once). */
async function writeLaneHeartbeat(options) {
    const beat = { pid: process.pid, at: options.clock.now(), lane: options.lane, ...options.current() };
    try {
        // Disposable after a power cut: no directory fsync per tick.
        await (0,atomic_file.writeFileAtomic)(options.file, `${JSON.stringify(beat)}\n`, { syncDir: false });
    }
    catch (error) {
        options.onError?.((0,errors/* errorMessage */.g)(error));
    }
}
/**
 * The flag's presence pauses (its content is the guard's business). A flag that cannot even be looked at
 * (EACCES) counts as present: an operator's stop is not overridden on a guess.
 */
async function isPaused(flag) {
    try {
        await (0,promises_.stat)(flag);
        return true;
    }
    catch (error) {
        return (0,errors/* errorCode */.C)(error) !== 'ENOENT' && (0,errors/* errorCode */.C)(error) !== 'ENOTDIR';
    }
}
/**
 * A lane's status as its heartbeat shows it: the tasks in flight, how many it has finished, and whether it is
 * idle, paused or running. Changes are written behind the lane's work rather than before it goes on: the beat
 * is for the guard, the watchdog and humans, and an fsynced write before and after every task was time every
 * task waited. Writes stay in order (each writes the newest status).
 */
class LaneStatus {
    #file;
    #lane;
    #clock;
    #concurrency;
    #beat = { status: 'starting', processed: 0 };
    /** The tasks in flight: task id → run id. */
    #running = new Map();
    /** The writes queued (each settles: `writeLaneHeartbeat` never rejects). */
    #writes = Promise.resolve();
    constructor(options) {
        this.#file = options.file;
        this.#lane = options.lane;
        this.#clock = options.clock;
        this.#concurrency = options.concurrency;
    }
    get processed() {
        return this.#beat.processed;
    }
    get inFlight() {
        return this.#running.size;
    }
    /** The periodic beat, until `signal` aborts (see `runLaneHeartbeat`). */
    beat(intervalMs, signal, onError) {
        return runLaneHeartbeat({
            file: this.#file,
            lane: this.#lane,
            intervalMs,
            clock: this.#clock,
            signal,
            current: () => this.#beat,
            onError,
        });
    }
    started(taskId, runId) {
        this.#running.set(taskId, runId);
        this.#announce({ ...this.#beat, status: 'running', taskId, runId });
    }
    ended(taskId) {
        this.#running.delete(taskId);
        this.#announce({ status: this.#running.size > 0 ? 'running' : 'idle', processed: this.#beat.processed });
    }
    /** A task's outcome is recorded (shown with the next write). */
    counted() {
        this.#beat = { ...this.#beat, processed: this.#beat.processed + 1 };
    }
    /** The concurrency changed. */
    resized() {
        this.#announce({ ...this.#beat });
    }
    /** Idle or paused — shown only when no task is in flight (a lane with runs under way is running). */
    async show(status) {
        if (this.#beat.status === status || this.#running.size > 0)
            return;
        this.#announce({ status, processed: this.#beat.processed });
        await this.#writes;
    }
    /** The last word: every queued write, then `stopping`. */
    async close() {
        await this.#writes;
        this.#beat = { status: 'stopping', processed: this.#beat.processed };
        await this.#write();
    }
    #announce(beat) {
        const { running: _, ...rest } = beat;
        const running = [...this.#running].map(([taskId, runId]) => ({ taskId, runId }));
        this.#beat = { ...rest, concurrency: this.#concurrency(), ...(running.length > 0 ? { running } : {}) };
        this.#writes = this.#writes.then(() => this.#write());
    }
    #write() {
        return writeLaneHeartbeat({
            file: this.#file,
            lane: this.#lane,
            clock: this.#clock,
            current: () => this.#beat,
        });
    }
}

;// CONCATENATED MODULE: ./lib/lanes/lane-runner.js
/**
 * A lane: a worker bound to one queue. It claims tasks (its own — `owner` = its name — and unowned ones),
 * runs each through the engine, and records how each ended in the claim store; many lanes, in one process
 * or many, drain one queue and each task is claimed exactly once.
 *
 * - Restart: the lane first resumes the tasks it had claimed and not finished (a crash, a SIGTERM): the
 *   run id is derived from the task id, so the run picks up from its checkpoint.
 * - Outcomes: completed / partial / degraded → `done`; failed → `blocked`; interrupted → left claimed (the
 *   lane stops; its restart resumes the run); a task that cannot run as written (`isTaskFault`) → `failed` at
 *   once, and the lane goes on; the engine throwing anything else three times → `failed`, and after
 *   `maxConsecutiveErrors` of those in a row the lane stops (a broken setup must not burn the queue). Only
 *   those count: one bad task never stops a lane.
 * - Concurrency (`lane-pool.ts`, `lane-concurrency.ts`): up to `concurrency.limit()` tasks in flight, each
 *   its own run and worktree; every rule here holds per task, and a stop waits for every task in flight.
 * - Pause: while the pause flag exists it claims nothing (the runs under way go on to their end).
 * - Persistent (`--persistent`): a drained queue is waited on — polled, and woken early by `wake` (a file
 *   watch) — instead of ending the lane. This is what keeps work flowing while the coordinator is down.
 * - Order (`LaneBacklog`): new work before recycled work; higher priority first, then queue order.
 * - Between two tasks, one write: the finished task's outcome and the claim of the next go in one claim-store
 *   transaction (unless the lane stops after this task: paused, at `maxTasks`, stopping, too many errors, or
 *   the place it frees is not to be filled: the limit shrank).
 * - The heartbeat beats all along, also during a long run.
 */









const DEFAULT_POLL_MS = 2_000;
const FINISH_ATTEMPTS = 10;
/** Engine calls per task and lane start when the engine throws (a run that ends badly is not retried). */
const MAX_ATTEMPTS = 3;
class LaneRunner {
    #o;
    #clock;
    #signal;
    #pollMs;
    #intake;
    #concurrency;
    #lastRecycle = Number.NEGATIVE_INFINITY;
    #status;
    #paused = false;
    #consecutiveErrors = 0;
    /** Claimed before the restart and not finished: started first. */
    #resumable = [];
    /** Claimed together with an outcome, to be started next. */
    #handedOver = [];
    /** False once a stop is decided: nothing more is claimed. */
    #taking = true;
    /** Reads of the queue one at a time (the main loop and a finish's handover may both look). */
    #intakeTurn = Promise.resolve();
    #outcomes = { done: 0, blocked: 0, failed: 0 };
    constructor(options) {
        this.#o = options;
        this.#clock = options.clock ?? base_clock/* systemClock */.ml;
        this.#signal = options.signal ?? new AbortController().signal;
        this.#pollMs = Math.max(1, options.pollMs ?? DEFAULT_POLL_MS);
        this.#concurrency = options.concurrency ?? fixedConcurrency(1);
        this.#status = new LaneStatus({
            file: options.heartbeatFile,
            lane: options.lane,
            clock: this.#clock,
            concurrency: () => this.#concurrency.limit(),
        });
        this.#intake = new LaneIntake({
            ...options,
            clock: this.#clock,
            event: (event) => this.#event(event),
        });
    }
    async run() {
        const stopBeat = new AbortController();
        const beat = this.#status.beat(
        // At most 5 s also with a long poll (the watchdog judges a lane by its heartbeat's age), and at least 1 s
        // with a short one: each beat is an fsynced write, and staleness is judged in minutes.
        Math.min(Math.max(this.#pollMs, 1_000), 5_000), stopBeat.signal, (error) => this.#event({ type: 'lane_heartbeat_failed', error }));
        let result;
        try {
            const end = await this.#work();
            result = { ...end, processed: this.#status.processed, outcomes: { ...this.#outcomes } };
            return result;
        }
        finally {
            stopBeat.abort();
            await beat;
            await this.#status.close();
            this.#event({ type: 'lane_stopped', lane: this.#o.lane, stop: result?.stop ?? 'error', ...result });
            await this.#o.events.flush();
        }
    }
    async #work() {
        const { store, lane, queueFile } = this.#o;
        await store.refresh();
        this.#intake.seek(store.cursor(queueFile));
        this.#resumable = store.inFlight(lane);
        this.#event({
            type: 'lane_started',
            lane,
            queueFile,
            persistent: this.#o.persistent ?? false,
            resumable: this.#resumable.length,
            concurrency: this.#concurrency.setting,
        });
        const end = await runPool({
            concurrency: this.#concurrency,
            clock: this.#clock,
            signal: this.#signal,
            next: (running) => this.#next(running),
            run: (entry, resumed) => this.#runClaimed(entry, resumed),
            idle: (status, until) => this.#idle(status, until),
            stopTaking: () => {
                this.#taking = false;
            },
            resized: (change) => {
                this.#event({ type: 'lane_concurrency', lane, ...change });
                this.#status.resized();
            },
        });
        // Claimed with an outcome just before the stop: the restart resumes them like any claimed task.
        for (const entry of this.#handedOver.splice(0))
            this.#event({ type: 'task_left_claimed', taskId: entry.id, status: 'not started' });
        return end;
    }
    /** The next task to start: one claimed before the restart, one handed over, or a new claim. */
    async #next(running) {
        const { store, lane, maxTasks } = this.#o;
        if (this.#signal.aborted)
            return { stop: 'stopped' };
        const resumable = this.#resumable.shift();
        if (resumable) {
            this.#progress(`resuming ${resumable.id} (claimed before the restart)`);
            return { entry: resumable, resumed: true };
        }
        const handedOver = this.#handedOver.shift();
        if (handedOver)
            return { entry: handedOver, resumed: false };
        if (maxTasks !== undefined && this.#status.processed + running >= maxTasks)
            return running === 0 ? { stop: 'max-tasks' } : 'full';
        if (await this.#checkPause()) {
            if (!this.#o.persistent)
                return { stop: 'paused', detail: this.#o.pauseFlag };
            return 'paused';
        }
        const next = await this.#look(() => this.#intake.next());
        if (next === undefined) {
            await this.#look(() => this.#intake.saveCursor());
            if (await this.#recycled())
                return 'again';
            // Drained only when nothing runs any more: a run still in flight may end interrupted, or claim more.
            if (!this.#o.persistent && running === 0)
                return { stop: 'drained' };
            return 'idle';
        }
        if (this.#o.shared && !(await this.#o.shared.take(next.task, laneRunId(next.task.id)))) {
            this.#intake.drop(next.task.id);
            this.#event({ type: 'task_claimed_elsewhere', taskId: next.task.id, ref: next.task.ref });
            return 'again';
        }
        const claim = await store.claim(next.task.id, lane, next);
        const entry = this.#claimed(next.task, claim);
        if (entry)
            return { entry, resumed: false };
        return claim.kind === 'lock-busy' ? 'idle' : 'again';
    }
    /** One look at the queue at a time. */
    #look(read) {
        const turn = this.#intakeTurn.then(read);
        this.#intakeTurn = turn.catch(() => undefined);
        return turn;
    }
    /** What a claim came to: the entry to run, or undefined (someone else has it, or the lock was busy). */
    #claimed(task, claim) {
        switch (claim.kind) {
            case 'claimed':
                this.#intake.drop(task.id);
                this.#event({ type: 'task_claimed', taskId: task.id, ref: task.ref, attempt: claim.entry.attempts });
                return claim.entry;
            case 'already-claimed':
            case 'unknown-task':
                this.#intake.drop(task.id);
                return undefined;
            case 'lock-busy':
                this.#intake.giveBack(task.id);
                this.#event({ type: 'lane_claim_busy', taskId: task.id });
                return undefined;
        }
    }
    /**
     * The task to claim in the same transaction that records the one just finished (the next cycle runs it),
     * when the lane goes on: not stopping, not at `maxTasks` after this one, not paused. A look that fails
     * (a claim-state file gone bad) claims nothing here; the next cycle meets the problem and stops the lane.
     */
    async #handoverCandidate() {
        const { maxTasks } = this.#o;
        if (this.#signal.aborted || !this.#taking)
            return undefined;
        // This task's place is the one to fill: the others in flight and the ones handed over keep theirs.
        const committed = this.#status.inFlight + this.#handedOver.length;
        if (committed > this.#concurrency.limit())
            return undefined;
        if (maxTasks !== undefined && this.#status.processed + committed >= maxTasks)
            return undefined;
        if (this.#o.shared)
            return undefined;
        try {
            if (await this.#checkPause())
                return undefined;
            return await this.#look(() => this.#intake.next());
        }
        catch {
            return undefined;
        }
    }
    async #runClaimed(entry, resumed) {
        const task = (0,claim_store/* taskOf */.Xb)(entry);
        const runId = laneRunId(task.id, entry.recycles);
        this.#status.started(task.id, runId);
        this.#event({ type: 'task_started', taskId: task.id, runId, resumed });
        this.#progress(`${resumed ? 'resuming' : 'running'} ${task.id} as run ${runId}`);
        let step = 'continue';
        const attempt = await attemptEngine(this.#o.engine, task, {
            runId,
            resumed,
            signal: this.#signal,
            onRouterEvent: (event) => this.#concurrency.observe(event),
            attempts: MAX_ATTEMPTS,
            backoffMs: this.#pollMs,
            clock: this.#clock,
            onRetry: (attempt, error) => this.#event({ type: 'task_retry', taskId: task.id, runId, attempt, error }),
        });
        if ('outcome' in attempt) {
            this.#consecutiveErrors = 0;
            const { status, detail } = attempt.outcome;
            if (status === 'interrupted' || status === 'running') {
                // Left claimed: the lane's restart resumes the run from its checkpoint.
                this.#event({ type: 'task_left_claimed', taskId: task.id, runId, status, detail });
                this.#progress(`${task.id}: run ${runId} ${status}; left claimed for the restart to resume`);
                step = this.#signal.aborted ? { stop: 'stopped' } : { stop: 'interrupted', detail };
            }
            else {
                const result = status === 'failed' ? 'blocked' : 'done';
                await this.#finish({
                    taskId: task.id,
                    outcome: result,
                    detail: detail ?? `run ${runId}: ${status}`,
                    runId,
                    status,
                });
            }
        }
        else if (this.#signal.aborted) {
            this.#event({ type: 'task_left_claimed', taskId: task.id, runId, error: attempt.error });
            step = { stop: 'stopped' };
        }
        else if (attempt.taskFault) {
            // The task's own fault: recorded, and the next task runs. Not the machine's, so no streak.
            this.#event({ type: 'task_cannot_run', taskId: task.id, runId, error: attempt.error });
            await this.#finish({
                taskId: task.id,
                outcome: 'failed',
                detail: attempt.error,
                runId,
                status: 'error',
            });
        }
        else {
            this.#consecutiveErrors++;
            const max = this.#o.maxConsecutiveErrors ?? 3;
            const goesOn = this.#consecutiveErrors < max;
            await this.#finish({
                taskId: task.id,
                outcome: 'failed',
                detail: attempt.error,
                runId,
                status: 'error',
                goesOn,
            });
            if (!goesOn)
                step = { stop: 'errors', detail: `${max} tasks in a row failed to run; last: ${attempt.error}` };
        }
        this.#status.ended(task.id);
        return step;
    }
    /**
     * Records the outcome — and claims the next task in the same write when there is one (`#handedOver`); a
     * busy lock is tried again (the outcome of a finished run must not be lost).
     */
    async #finish({ taskId, outcome, detail, runId, status, goesOn = true }) {
        const { store, lane } = this.#o;
        const next = goesOn ? await this.#handoverCandidate() : undefined;
        for (let attempt = 1; attempt <= FINISH_ATTEMPTS; attempt++) {
            const written = next
                ? await store.finishAndClaim({ taskId, outcome, detail, lane, runId }, { taskId: next.task.id, ...next })
                : { finish: await store.finish(taskId, outcome, detail, { lane, runId }) };
            const finished = 'finish' in written ? written.finish : written;
            if (finished.kind === 'lock-busy') {
                await this.#clock.sleep(this.#pollMs);
                continue;
            }
            this.#status.counted();
            this.#outcomes[outcome]++;
            if (finished.kind === 'not-claimed') {
                // Someone changed the entry under us (a human, a recycle of a stale claim): say so, keep theirs.
                this.#event({ type: 'task_finish_conflict', taskId, runId, outcome, state: finished.entry?.state });
            }
            else {
                this.#event({ type: 'task_finished', taskId, runId, outcome, status, detail: detail.slice(0, 300) });
            }
            this.#progress(`${taskId}: ${outcome} (run ${runId}: ${status})`);
            if (next && 'claim' in written) {
                const entry = this.#claimed(next.task, written.claim);
                if (entry)
                    this.#handedOver.push(entry);
            }
            return;
        }
        // Still claimed: the restart resumes the run, finds it finished and records the outcome then.
        if (next)
            this.#intake.giveBack(next.task.id);
        this.#event({ type: 'task_finish_deferred', taskId, runId, outcome });
    }
    /** A recycle cycle when one is configured and due (at most once per `afterMs / 10`); whether it reopened any. */
    async #recycled() {
        const settings = this.#o.recycle;
        if (settings === undefined)
            return false;
        const now = this.#clock.now();
        if (now - this.#lastRecycle < Math.max(this.#pollMs, settings.afterMs / 10))
            return false;
        this.#lastRecycle = now;
        const applied = await (0,recycle/* recycleCycle */.Sg)(this.#o.store, settings, this.#clock, (event) => this.#event(event));
        return applied !== 'lock-busy' && applied.reopened.length > 0;
    }
    async #checkPause() {
        const paused = await isPaused(this.#o.pauseFlag);
        if (paused !== this.#paused) {
            this.#paused = paused;
            this.#event({
                type: paused ? 'lane_paused' : 'lane_unpaused',
                lane: this.#o.lane,
                flag: this.#o.pauseFlag,
            });
            this.#progress(paused ? `paused (${this.#o.pauseFlag})` : 'pause lifted');
        }
        return paused;
    }
    /**
     * Waits one poll (or less, when woken or when `until` aborts); never throws, also not when the signal
     * aborts. The status shows only when no task is in flight (a lane with runs under way is running).
     */
    async #idle(status, until) {
        await this.#status.show(status);
        if (this.#signal.aborted || until.aborted)
            return;
        const stop = new AbortController();
        const onAbort = () => stop.abort((0,base_clock/* abortReason */.Js)(this.#signal));
        this.#signal.addEventListener('abort', onAbort, { once: true });
        until.addEventListener('abort', onAbort, { once: true });
        try {
            // Each wait settles quietly: the loser is aborted below and must not become an unhandled rejection.
            const waits = [this.#clock.sleep(this.#pollMs, stop.signal).catch(() => undefined)];
            if (this.#o.wake && status === 'idle')
                waits.push(this.#o.wake(stop.signal).catch(() => undefined));
            await Promise.race(waits);
        }
        finally {
            stop.abort();
            this.#signal.removeEventListener('abort', onAbort);
            until.removeEventListener('abort', onAbort);
        }
    }
    #event(event) {
        void this.#o.events.append(event);
    }
    #progress(line) {
        this.#o.progress?.(`[lane ${this.#o.lane}] ${line}`);
    }
}
/** `<stateDir>/lanes/<name>`: the lane's heartbeat, events and default pause flag. */
function laneDirOf(stateDir, lane) {
    return (0,state_layout/* stateLayout */.G)(stateDir).lane(lane).dir;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/lanes/lane-watch.js
/**
 * Wakes an idle persistent lane as soon as its queue file changes, so that a task appended while the lane
 * waits starts at once rather than at the next poll. An optimisation only: the poll stays the guarantee
 * (inotify misses changes on network file systems, and a watch can fail to start at all — then this never
 * wakes anyone and the poll carries on alone).
 *
 * The directory is watched, not the file: producers may create the file late, or replace it by a rename.
 */


function createQueueWatch(path) {
    const name = (0,external_node_path_.basename)(path);
    const waiting = new Set();
    let watcher;
    const fire = () => {
        for (const resolve of [...waiting])
            resolve();
        waiting.clear();
    };
    try {
        watcher = (0,external_node_fs_.watch)((0,external_node_path_.dirname)(path), { persistent: false }, (_event, file) => {
            // Some platforms do not say which file changed: then any change wakes.
            if (file === null || String(file) === name)
                fire();
        });
        watcher.on('error', () => {
            watcher?.close();
            watcher = undefined;
        });
    }
    catch {
        watcher = undefined;
    }
    return {
        wake: (signal) => new Promise((resolve) => {
            if (signal.aborted)
                return resolve();
            const done = () => {
                waiting.delete(done);
                signal.removeEventListener('abort', done);
                resolve();
            };
            waiting.add(done);
            signal.addEventListener('abort', done, { once: true });
        }),
        close: () => {
            watcher?.close();
            watcher = undefined;
            fire();
        },
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(12311);
// EXTERNAL MODULE: ./lib/git/repo-root.js
var repo_root = __webpack_require__(35495);
;// CONCATENATED MODULE: ./lib/lanes/lanes-file.js
/**
 * The lanes file (`keel daemon --lanes FILE`, `keel guard`): which workers exist, the queue each drains,
 * the endpoints each depends on, and — in Actions — the workflow that runs it on which runner labels.
 */







const lanes_file_name = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected letters, digits, ".", "_" or "-"');
const laneSchema = schemas/* strictObject */.rej({
    name: lanes_file_name,
    queueFile: schemas/* string */.YjP().min(1).max(4_096),
    queueStateFile: schemas/* string */.YjP().min(1).max(4_096),
    /** Endpoint ids (from keel.yml) this lane's models live on: the guard's health floor looks at them. */
    endpoints: schemas/* array */.YOg(schemas/* string */.YjP()).max(64).default([]),
    /** `local`: works only with LAN endpoints (a lane on a box that sees the LAN models); `hosted`; `any`. */
    kind: schemas/* enum */.k5n(['local', 'hosted', 'any']).default('any'),
    /** Keep waiting for new queue lines instead of exiting when the queue is drained. */
    persistent: schemas/* boolean */.zMY().default(true),
    /** A file whose presence pauses the lane; it holds `{ at, by, reason }`. Default `<stateDir>/lanes/<name>/paused.flag`. */
    pauseFlag: schemas/* string */.YjP().max(4_096).optional(),
    /** Actions: the workflow file the guard dispatches to start this lane, and the runner labels it runs on. */
    workflow: schemas/* string */.YjP().max(255).optional(),
    runnerLabels: schemas/* array */.YOg(schemas/* string */.YjP().max(100)).max(20).default([]),
    /**
     * Tasks in flight at once, each its own run and worktree: a number, or `auto` (the default): as many as
     * keep the lane's endpoints' slots busy (`lane-concurrency.ts`). `keel lane --concurrency` overrides it.
     */
    concurrency: schemas/* union */.KCZ([schemas/* number */.aig().int().min(1).max(MAX_CONCURRENCY), schemas/* literal */.euz('auto')], {
        error: `expected a whole number from 1 to ${MAX_CONCURRENCY}, or "auto"`,
    })
        .default('auto'),
    /** Extra arguments for the lane's `keel lane` process under the daemon. */
    args: schemas/* array */.YOg(schemas/* string */.YjP().max(4_096)).max(50).default([]),
});
const guardSchema = schemas/* strictObject */.rej({
    probeIntervalMs: schemas/* number */.aig().int().positive().default(60_000),
    capabilityIntervalMs: schemas/* number */.aig().int().positive().default(900_000),
    cycleIntervalMs: schemas/* number */.aig().int().positive().default(60_000),
    /** A pause flag older than this is stale (forgotten manual pauses would starve the fleet). */
    stalePauseMs: schemas/* number */.aig()
        .int()
        .positive()
        .default(6 * 3_600_000),
    maxStartsPerCycle: schemas/* number */.aig().int().min(0).max(100).default(2),
    /** Share of a lane's endpoints that must be healthy before the guard starts it. */
    healthFloor: schemas/* number */.aig().min(0).max(1).default(0.5),
    allow: schemas/* array */.YOg(lanes_file_name).default([]),
    deny: schemas/* array */.YOg(lanes_file_name).default([]),
    /** Raise `persistent_idle_condition` after this many consecutive idle cycles. */
    idleCyclesBeforeAlert: schemas/* number */.aig().int().min(1).default(3),
    /** A lane's (or a run's) heartbeat older than this means nobody is running it. */
    heartbeatStaleMs: schemas/* number */.aig().int().positive().default(120_000),
    /**
     * After the guard starts a lane it counts as starting, not idle, this long: a spawned process needs a
     * moment for its first heartbeat, and a dispatched workflow may queue for minutes for a runner.
     */
    startGraceMs: schemas/* number */.aig().int().positive().default(300_000),
    /**
     * Resumes dispatched per cycle. One by default: keel.yml's concurrency group cancels a pending run when
     * another is queued, so a burst of resumes to that workflow would mostly cancel each other.
     */
    maxResumesPerCycle: schemas/* number */.aig().int().min(0).max(100).default(1),
    /** A resume that did not take (the run is still interrupted, unchanged) is dispatched again after this. */
    resumeRetryMs: schemas/* number */.aig().int().positive().default(3_600_000),
    recycle: schemas/* strictObject */.rej({
        enabled: schemas/* boolean */.zMY().default(false),
        afterMs: schemas/* number */.aig()
            .int()
            .positive()
            .default(24 * 3_600_000),
        maxPerCycle: schemas/* number */.aig().int().min(0).default(5),
        maxPerTask: schemas/* number */.aig().int().min(0).default(3),
    })
        .prefault({}),
})
    .prefault({});
const lanesFileSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1),
    stateDir: schemas/* string */.YjP().max(4_096).default(state_layout/* DEFAULT_STATE_DIR */.mU),
    lanes: schemas/* array */.YOg(laneSchema).min(1).max(100),
    guard: guardSchema,
});
class LanesFileError extends Error {
    name = 'LanesFileError';
    expected = true;
}
/**
 * Reads and validates a lanes file; relative paths in it are resolved against the repository's root (the
 * file's folder outside a repository).
 */
async function loadLanesFile(path) {
    let raw;
    try {
        raw = (0,dist/* parse */.qg)(await (0,promises_.readFile)(path, 'utf8'), { maxAliasCount: 32 });
    }
    catch (error) {
        throw new LanesFileError(`${path}: ${error.message}`);
    }
    const parsed = lanesFileSchema.safeParse(raw);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `${path}: ${i.path.join('.') || '(root)'}: ${i.message}`);
        throw new LanesFileError(lines.join('\n'));
    }
    const names = new Set();
    for (const lane of parsed.data.lanes) {
        if (names.has(lane.name))
            throw new LanesFileError(`${path}: lanes: duplicate lane name "${lane.name}"`);
        names.add(lane.name);
    }
    // Relative paths are the repository's (the root holding .git), wherever the lanes file sits: the state
    // directory is the root's .keel for the lanes as it is for the Action. Outside a repository, the file's folder.
    const base = (0,repo_root/* findRepoRoot */.G)((0,external_node_path_.dirname)((0,external_node_path_.resolve)(path))) ?? (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path));
    const at = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(base, p));
    const stateDir = at(parsed.data.stateDir);
    return {
        ...parsed.data,
        stateDir,
        lanes: parsed.data.lanes.map((lane) => ({
            ...lane,
            queueFile: at(lane.queueFile),
            queueStateFile: at(lane.queueStateFile),
            pauseFlag: lane.pauseFlag !== undefined
                ? at(lane.pauseFlag)
                : (0,state_layout/* stateLayout */.G)((0,external_node_path_.resolve)(stateDir)).lane(lane.name).pauseFlag,
        })),
    };
}
/**
 * Each lane's `endpoints` against the configuration's endpoint ids: a lane naming one that keel.yml does not
 * declare (a typo: "olama") is a configuration error before anything starts, as an unknown endpoint in a role
 * is — not a lane whose health floor silently never counts it.
 */
function checkLaneEndpoints(path, lanes, declared) {
    const problems = [];
    lanes.lanes.forEach((lane, i) => lane.endpoints.forEach((id, j) => {
        if (!declared.includes(id))
            problems.push(`${path}: lanes.${i}.endpoints.${j}: unknown endpoint "${id}" (declared: ${declared.join(', ')})`);
    }));
    if (problems.length > 0)
        throw new LanesFileError(problems.join('\n'));
}

// EXTERNAL MODULE: ./lib/config/json-schema.js
var json_schema = __webpack_require__(50276);
;// CONCATENATED MODULE: ./lib/lanes/lanes-json-schema.js
/**
 * The JSON Schema of the lanes file (`keel schema lanes`), derived from its zod schema like the
 * configuration's (`config/json-schema.ts`): the INPUT, so fields with defaults are optional.
 */


const LANES_SCHEMA_ID = 'urn:keel:lanes:v1';
function lanesJsonSchema() {
    return (0,json_schema/* fileJsonSchema */.Ue)(lanesFileSchema, LANES_SCHEMA_ID, 'keel lanes file');
}

;// CONCATENATED MODULE: ./lib/lanes/pause-flags.js
/**
 * Pause flags: an operator's "leave this lane alone". Locally a file (`paused.flag`, the lanes file's
 * `pauseFlag`) holding `{ at, by, reason }`; in Actions the `keel:paused` label on the lane's tracking
 * issue (`guard-github.ts`). The guard only reads them and clears stale ones; who set one and when stays
 * on record (`<flag>.cleared` beside the file, a comment on the issue).
 *
 * Presence is what pauses, as the lanes file promises: `touch paused.flag` must work, so a flag whose
 * content is empty or garbage still pauses, dated by the file's mtime and attributed to nobody in
 * particular — never ignored, never thrown about.
 */




const MAX_TEXT = 500;
const flagSchema = schemas/* object */.Ikc({
    at: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]),
    by: schemas/* string */.YjP().optional(),
    reason: schemas/* string */.YjP().optional(),
});
/** Flag files (the lanes file's `pauseFlag`, resolved by `loadLanesFile`). */
function filePauseFlags() {
    return {
        async read(lane) {
            const path = lane.pauseFlag;
            if (path === undefined)
                return undefined;
            const read = await (0,atomic_file/* readJsonFile */.JE)(path);
            if (!read.ok && read.reason === 'missing')
                return undefined;
            const parsed = read.ok ? parsePauseFlag(read.value) : undefined;
            if (parsed)
                return parsed;
            // Present but not a flag we understand: still a pause, dated by the file itself.
            const at = await mtimeOf(path);
            if (at === undefined)
                return undefined; // removed between the two reads
            return {
                at,
                by: 'unknown',
                reason: read.ok ? 'unreadable pause flag' : 'empty or non-JSON pause flag',
            };
        },
        async clear(lane, flag, note) {
            const path = lane.pauseFlag;
            if (path === undefined)
                return;
            const record = { ...flag, cleared: note };
            await (0,atomic_file.writeFileAtomic)(`${path}.cleared`, `${JSON.stringify(record, null, 2)}\n`);
            await (0,promises_.unlink)(path).catch((error) => {
                if ((0,errors/* errorCode */.C)(error) !== 'ENOENT')
                    throw error;
            });
        },
    };
}
/** `{ at, by, reason }` with `at` as epoch ms or an ISO date; undefined when it is neither. */
function parsePauseFlag(value) {
    const parsed = flagSchema.safeParse(value);
    if (!parsed.success)
        return undefined;
    const at = typeof parsed.data.at === 'number' ? parsed.data.at : Date.parse(parsed.data.at);
    if (!Number.isFinite(at) || at < 0)
        return undefined;
    return {
        at,
        by: (parsed.data.by ?? 'unknown').slice(0, MAX_TEXT),
        reason: (parsed.data.reason ?? '').slice(0, MAX_TEXT),
    };
}
/** Writes a pause flag (the CLI or an operator script pauses a lane with it). */
async function writePauseFlag(path, flag) {
    await writeFileAtomic(path, `${JSON.stringify(flag)}\n`);
}
/** A pause older than `staleMs` is stale: a pause nobody lifted for that long was forgotten, not meant. */
function isPauseStale(flag, now, staleMs) {
    return now - flag.at > staleMs;
}
async function mtimeOf(path) {
    try {
        return (await (0,promises_.stat)(path)).mtimeMs;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/lanes/shared-claims.js
/**
 * Claims a lane shares with lanes on other machines (issue 11 §6). The local claim store (`queue/claim-store.ts`)
 * makes one machine's lanes take each task once; lanes on GitHub runners share no disk, so before a lane
 * takes a task it must also win the task's shared claim — a compare-and-set every runner sees (refs on
 * GitHub: `github/claims/task-claims.ts`). A task whose shared claim somebody else holds is passed over.
 *
 * The claim key is the task's run id (`laneRunId`) under a prefix naming the queue, so a recycled task (a new
 * run id) is claimed afresh, and the run a claim stands for is found from the key alone.
 */


/**
 * `queue/<slug>-<hash>/`: the queue file as the repository names it (`.github/keel-queue.ndjson` →
 * `github-keel-queue-ndjson-1a2b3c4d/`), the same on every runner whatever the checkout's path.
 */
function queueClaimPrefix(queueFile, repoRoot) {
    const path = (0,external_node_path_.relative)(repoRoot, queueFile).split('\\').join('/');
    const slug = path
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'queue';
    const hash = (0,external_node_crypto_.createHash)('sha256').update(path).digest('hex').slice(0, 8);
    return `queue/${slug}-${hash}/`;
}

;// CONCATENATED MODULE: ./lib/lanes/index.js
/** lanes/: what the rest of keel uses of it. */










/***/ }),

/***/ 46483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ isFinished),
/* harmony export */   $k: () => (/* binding */ withHistory),
/* harmony export */   H0: () => (/* binding */ fromFile),
/* harmony export */   KR: () => (/* binding */ claimFileSchema),
/* harmony export */   Lf: () => (/* binding */ DEFAULT_MAX_CLAIMED),
/* harmony export */   Xb: () => (/* binding */ taskOf),
/* harmony export */   eZ: () => (/* binding */ toFile),
/* harmony export */   g4: () => (/* binding */ emptyClaimData),
/* harmony export */   oE: () => (/* binding */ compact),
/* harmony export */   qE: () => (/* binding */ isKnown),
/* harmony export */   ru: () => (/* binding */ storedTask)
/* harmony export */ });
/* unused harmony exports CLAIM_STATE_VERSION, claimEntrySchema, idHash */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12311);
/* harmony import */ var _normalize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17664);
/**
 * The claim-state file's content and the pure operations on it: its zod schema (the file is shared by
 * processes and read back after crashes: untrusted), the hashed set of compacted ids, and compaction.
 *
 * THE INVARIANT (why compaction can never hand out a claimed task again): an id leaves `entries` only by
 * compaction, and compaction puts its 64-bit hash into `compacted` in the same atomic write. "Known" is
 * `entries.has(id) || compacted.has(hash(id))`, and a known id is never claimed as new — so no read order,
 * restart, cursor reset, rewritten queue file or whole re-read of the queue can issue it again. Only
 * recycling reopens tasks, and it works on entries, explicitly. Only finished entries are compacted (an
 * in-flight claim or a reopened task keeps its record), oldest first.
 *
 * What the bound bounds: `entries` — the full records, with the task text a lane needs to resume a claimed
 * task or a recycle needs to run it again. The hashes cost 8 bytes per compacted id, forever: the price of
 * "never", when a JSON array file keeps every id it ever had. A hash collision (a new id sharing the 64-bit
 * hash of one of a million compacted ids: odds ~5e-14 per id) would make that new task look claimed.
 */


const CLAIM_STATE_VERSION = 1;
const DEFAULT_MAX_CLAIMED = 10_000;
/** Recycling history kept per entry. */
const MAX_HISTORY = 10;
const storedTaskSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    text: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TASK_TEXT_CHARS */ .d6),
    owner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(64).optional(),
    priority: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(-_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_PRIORITY */ .M6).max(_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_PRIORITY */ .M6),
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['file', 'issue']),
    ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(4_200),
});
const historySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    at: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['done', 'blocked', 'failed']),
    detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(1_000).optional(),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(500),
});
const claimEntrySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_ID_PATTERN */ .Fq),
    /** `open`: reopened by recycling, waiting to be claimed again. */
    state: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['claimed', 'open', 'done', 'blocked', 'failed']),
    lane: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(64).optional(),
    claimedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
    /** The run that worked on it (`q-<id>`), the outcome's detail. */
    runId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(100).optional(),
    detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(1_000).optional(),
    /** Times claimed; recycles so far. */
    attempts: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    recycles: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    recycledAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
    history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(historySchema).max(MAX_HISTORY).optional(),
    task: storedTaskSchema,
});
const cursorSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(4_096),
    offset: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    line: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    ino: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0),
    headBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0).max(4_096),
    head: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/),
});
const claimFileSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(CLAIM_STATE_VERSION),
    updatedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    entries: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(claimEntrySchema),
    /** base64 of the sorted 8-byte hashes of every compacted id. */
    compacted: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9+/]*={0,2}$/),
    compactedCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0),
    cursors: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(cursorSchema).max(1_000),
});
function emptyClaimData() {
    return { entries: new Map(), compacted: new Set(), cursors: new Map() };
}
/**
 * The hash a compacted id is remembered by: 64 bits (cyrb53's two 32-bit lanes, both kept whole) as an
 * 8-character latin1 string. Not cryptographic, on purpose: it runs for every queued task a lane looks at,
 * and sha256 there cost as much as parsing the task. Collisions between honest ids are as rare as 64 bits
 * make them; an id crafted to collide can only hide its own producer's task.
 */
function idHash(id) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < id.length; i++) {
        const ch = id.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return String.fromCharCode(h1 >>> 24, (h1 >>> 16) & 255, (h1 >>> 8) & 255, h1 & 255, h2 >>> 24, (h2 >>> 16) & 255, (h2 >>> 8) & 255, h2 & 255);
}
function isKnown(data, id) {
    if (data.entries.has(id))
        return true;
    return data.compacted.size > 0 && data.compacted.has(idHash(id));
}
function fromFile(file) {
    const compacted = new Set();
    const bytes = Buffer.from(file.compacted, 'base64');
    for (let at = 0; at + 8 <= bytes.length; at += 8)
        compacted.add(bytes.toString('latin1', at, at + 8));
    return {
        entries: new Map(file.entries.map((entry) => [entry.id, entry])),
        compacted,
        cursors: new Map(file.cursors.map(({ path, ...cursor }) => [path, cursor])),
    };
}
function toFile(data, now) {
    const hashes = [...data.compacted].sort();
    return {
        version: CLAIM_STATE_VERSION,
        updatedAt: now,
        entries: [...data.entries.values()],
        compacted: Buffer.from(hashes.join(''), 'latin1').toString('base64'),
        compactedCount: hashes.length,
        cursors: [...data.cursors].map(([path, cursor]) => ({ path, ...cursor })),
    };
}
function storedTask(task) {
    return {
        text: task.text,
        ...(task.owner !== undefined ? { owner: task.owner } : {}),
        priority: task.priority,
        source: task.source,
        ref: task.ref,
    };
}
function taskOf(entry) {
    return { id: entry.id, ...entry.task };
}
function isFinished(state) {
    return state === 'done' || state === 'blocked' || state === 'failed';
}
/**
 * Brings `entries` to at most `maxClaimed` by moving the oldest finished entries into the hashed set; with
 * some slack below the bound, so that a store at its bound does not compact on every single claim.
 */
function compact(data, maxClaimed) {
    if (data.entries.size <= maxClaimed)
        return { removed: 0, overBound: false };
    const target = maxClaimed - Math.floor(maxClaimed / 10);
    const finished = [...data.entries.values()]
        .filter((entry) => isFinished(entry.state))
        .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0) || (a.id < b.id ? -1 : 1));
    let removed = 0;
    for (const entry of finished) {
        if (data.entries.size <= target)
            break;
        data.compacted.add(idHash(entry.id));
        data.entries.delete(entry.id);
        removed++;
    }
    return { removed, overBound: data.entries.size > maxClaimed };
}
/** Appends to an entry's recycling history, keeping the last few. */
function withHistory(history, item) {
    return [...(history ?? []), item].slice(-MAX_HISTORY);
}


/***/ }),

/***/ 27627:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ ClaimStore),
/* harmony export */   Xb: () => (/* reexport safe */ _claim_state_js__WEBPACK_IMPORTED_MODULE_4__.Xb),
/* harmony export */   YS: () => (/* binding */ maxClaimedFrom)
/* harmony export */ });
/* unused harmony exports MAX_CLAIMED_ENV, ClaimStoreError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74743);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17594);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91975);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33071);
/* harmony import */ var _claim_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46483);
/**
 * The claim-state file (`--queue-state-file`): which task ids are claimed, by which lane, and how each
 * ended; the NDJSON cursors; recycling records. Shared by every lane draining the queue — processes on one
 * box, or lanes in one process — so every change is a transaction: take the inter-process lock, read the
 * file, change it, write it atomically, release. Claims are idempotent: the second claim of an id, by
 * anyone, is `already-claimed`. See `claim-state.ts` for why compaction can never re-issue a claimed task.
 *
 * Results are values (`lock-busy` included: a lane tries again at its next poll). A claim-state file that
 * exists but cannot be understood throws `ClaimStoreError`: handing out tasks without knowing what was
 * claimed would run work twice, so the lane stops and says so instead — the file is left as it is.
 */






const MAX_CLAIMED_ENV = 'KEEL_TASK_QUEUE_MAX_CLAIMED';
/** What a transaction that never got the lock returns. */
const BUSY = Symbol('lock-busy');
const MAX_DETAIL = 1_000;
class ClaimStoreError extends Error {
    name = 'ClaimStoreError';
    expected = true;
}
/** The bound from the environment: a positive integer, else the default (a typo must not unbound it). */
function maxClaimedFrom(env) {
    const raw = env[MAX_CLAIMED_ENV]?.trim();
    const value = raw === undefined || raw === '' ? NaN : Number(raw);
    return Number.isSafeInteger(value) && value >= 1 ? value : _claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_MAX_CLAIMED */ .Lf;
}
class ClaimStore {
    path;
    maxClaimed;
    #clock;
    #lock;
    #log;
    #data = (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .emptyClaimData */ .g4)();
    /** The file's identity when `#data` was read, so an unchanged file is not parsed again. */
    #signature;
    constructor(options) {
        this.path = options.path;
        this.maxClaimed = Math.max(1, options.maxClaimed ?? _claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_MAX_CLAIMED */ .Lf);
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml;
        this.#log = options.log ?? (() => undefined);
        // A claim holds the lock for one small write (1–3 ms), and lanes claim often: a first retry after 5 ms,
        // not the checkpoint's 100 (a lane waiting longer than the write takes is drain rate lost), and nine
        // attempts, so the bounded total (1.275 s) is still about the checkpoint's.
        this.#lock = new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .FileLock */ .IR({
            path: `${options.path}.lock`,
            clock: this.#clock,
            attempts: options.lockAttempts ?? 9,
            backoffMs: options.lockBackoffMs ?? 5,
            log: this.#log,
        });
    }
    /** Reads the file if it changed since the last read (no lock: writes are atomic renames). */
    async refresh() {
        const signature = await signatureOf(this.path);
        if (signature !== undefined && signature === this.#signature)
            return;
        this.#data = await this.#read();
        this.#signature = signature;
    }
    /** Whether the id was ever claimed (as far as the last read knows). */
    isKnown(id) {
        return (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isKnown */ .qE)(this.#data, id);
    }
    entry(id) {
        return this.#data.entries.get(id);
    }
    entries() {
        return [...this.#data.entries.values()];
    }
    get compactedCount() {
        return this.#data.compacted.size;
    }
    /** The tasks among `tasks` nobody has claimed (as far as the last read knows). */
    unclaimed(tasks) {
        return tasks.filter((task) => !(0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isKnown */ .qE)(this.#data, task.id));
    }
    /** Tasks reopened by recycling, waiting to be claimed again. */
    reopened() {
        return this.entries()
            .filter((entry) => entry.state === 'open')
            .map(_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .taskOf */ .Xb);
    }
    /** A lane's claimed-but-unfinished tasks: what it resumes after a restart. */
    inFlight(lane) {
        return this.entries().filter((entry) => entry.state === 'claimed' && entry.lane === lane);
    }
    cursor(queuePath) {
        return this.#data.cursors.get(queuePath);
    }
    /**
     * Claims `taskId` for `lane`. A new id needs its `task` (stored, so a restarted lane can resume it and a
     * recycle can run it again); a reopened one has it already. `cursor` is written in the same transaction.
     */
    async claim(taskId, lane, options = {}) {
        const outcome = await this.#transaction((data, now) => {
            const result = claimIn(data, now, taskId, lane, options.task);
            // The cursor counts this id as settled: true once it is claimed, by us or by anyone before.
            if (options.cursor && result.kind !== 'unknown-task')
                advance(data, options.cursor.path, options.cursor.cursor);
            return result;
        }, true);
        return outcome === BUSY ? { kind: 'lock-busy' } : outcome;
    }
    /** Records how a claimed task ended. Only the claiming lane may, when `lane` is given. */
    async finish(taskId, outcome, detail, options = {}) {
        const written = await this.#transaction((data, now) => finishIn(data, now, taskId, outcome, detail, options), true);
        return written === BUSY ? { kind: 'lock-busy' } : written;
    }
    /**
     * `finish`, then `claim` of the lane's next task, in one transaction: one lock and one write between two
     * tasks instead of two. The claim is tried whatever the finish found.
     */
    async finishAndClaim(finished, next) {
        const { taskId, outcome, detail, ...options } = finished;
        const written = await this.#transaction((data, now) => {
            const finish = finishIn(data, now, taskId, outcome, detail, options);
            const claim = claimIn(data, now, next.taskId, options.lane, next.task);
            if (next.cursor && claim.kind !== 'unknown-task')
                advance(data, next.cursor.path, next.cursor.cursor);
            return { finish, claim };
        }, true);
        return written === BUSY ? { kind: 'lock-busy' } : written;
    }
    /** Moves a queue's consumed cursor forward (never back: a reset is a new file identity, i.e. a new cursor). */
    async advanceCursor(queuePath, cursor) {
        const current = this.#data.cursors.get(queuePath);
        if (current && sameCursor(current, cursor))
            return false;
        const outcome = await this.#transaction((data) => advance(data, queuePath, cursor), false);
        return outcome === BUSY ? 'lock-busy' : outcome;
    }
    /**
     * Runs `change` on the current content under the lock, then writes the result (when `write` says so or
     * `change` returns true). For recycling and for tools; `change` must be synchronous and must not throw.
     */
    async update(change, write = true) {
        const outcome = await this.#transaction(change, write);
        return outcome === BUSY ? 'lock-busy' : outcome;
    }
    async #transaction(change, write) {
        const outcome = await this.#lock.withLock(async () => {
            const data = await this.#read();
            const now = this.#clock.now();
            const result = change(data, now);
            if (write || result === true) {
                const compaction = (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .compact */ .oE)(data, this.maxClaimed);
                if (compaction.removed > 0) {
                    this.#log({
                        type: 'queue_compacted',
                        path: this.path,
                        removed: compaction.removed,
                        kept: data.entries.size,
                        compactedTotal: data.compacted.size,
                    });
                }
                if (compaction.overBound) {
                    const inFlight = [...data.entries.values()].filter((e) => !(0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isFinished */ .$g)(e.state)).length;
                    this.#log({
                        type: 'queue_over_bound',
                        path: this.path,
                        entries: data.entries.size,
                        maxClaimed: this.maxClaimed,
                        inFlight,
                    });
                }
                await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__.writeFileAtomic)(this.path, `${JSON.stringify((0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .toFile */ .eZ)(data, now))}\n`);
            }
            this.#data = data;
            this.#signature = await signatureOf(this.path);
            return result;
        });
        return outcome.ok ? outcome.value : BUSY;
    }
    async #read() {
        const read = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readJsonFile */ .JE)(this.path);
        if (!read.ok) {
            if (read.reason === 'missing')
                return (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .emptyClaimData */ .g4)();
            throw new ClaimStoreError(`claim state ${read.detail}; not handing out tasks until it is fixed or removed`);
        }
        const parsed = _claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .claimFileSchema */ .KR.safeParse(read.value);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new ClaimStoreError(`claim state ${this.path} is not a keel claim-state file (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}); not handing out tasks until it is fixed or removed`);
        }
        return (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .fromFile */ .H0)(parsed.data);
    }
}
function finishIn(data, now, taskId, outcome, detail, options) {
    const existing = data.entries.get(taskId);
    if (existing?.state !== 'claimed' || (options.lane !== undefined && existing.lane !== options.lane))
        return { kind: 'not-claimed', ...(existing ? { entry: existing } : {}) };
    const entry = {
        ...existing,
        state: outcome,
        finishedAt: now,
        ...(options.runId !== undefined ? { runId: options.runId } : {}),
        ...(detail !== undefined ? { detail: detail.slice(0, MAX_DETAIL) } : {}),
    };
    data.entries.set(taskId, entry);
    return { kind: 'finished', entry };
}
function claimIn(data, now, taskId, lane, task) {
    const existing = data.entries.get(taskId);
    if (existing === undefined && (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isKnown */ .qE)(data, taskId))
        return { kind: 'already-claimed' };
    if (existing !== undefined && existing.state !== 'open')
        return { kind: 'already-claimed', entry: existing };
    if (existing === undefined && task === undefined)
        return { kind: 'unknown-task' };
    const entry = {
        ...(existing ?? { id: taskId, attempts: 0, recycles: 0, task: (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_4__/* .storedTask */ .ru)(task) }),
        state: 'claimed',
        lane,
        claimedAt: now,
    };
    entry.attempts += 1;
    delete entry.finishedAt;
    delete entry.detail;
    data.entries.set(taskId, entry);
    return { kind: 'claimed', entry };
}
/**
 * Lanes on the same file move its cursor forward only; a cursor of another file identity (a new inode, or
 * different head bytes) replaces it. Either way is safe: a lane that seeks to a cursor whose identity does
 * not match the file reads the file again from the top, deduplicating against the claims.
 */
function advance(data, path, cursor) {
    const current = data.cursors.get(path);
    const sameFile = current !== undefined &&
        current.ino === cursor.ino &&
        !(current.headBytes === cursor.headBytes && current.head !== cursor.head);
    if (sameFile && current.offset >= cursor.offset)
        return false;
    data.cursors.set(path, cursor);
    return true;
}
function sameCursor(a, b) {
    return a.offset === b.offset && a.ino === b.ino && a.head === b.head;
}
async function signatureOf(path) {
    try {
        const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path, { bigint: true });
        return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    }
    catch (error) {
        if ((0,_base_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error) === 'ENOENT')
            return 'missing';
        throw error;
    }
}



/***/ }),

/***/ 17664:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ plainLineTask),
/* harmony export */   Fq: () => (/* binding */ TASK_ID_PATTERN),
/* harmony export */   Lj: () => (/* binding */ normalizeTask),
/* harmony export */   M6: () => (/* binding */ MAX_PRIORITY),
/* harmony export */   d6: () => (/* binding */ MAX_TASK_TEXT_CHARS)
/* harmony export */ });
/* unused harmony exports HOSTILE_KEYS, refNameProblem, judgedByZod, findHostileKey, boundText */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12311);
/* harmony import */ var _base_sanitize_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21717);
/**
 * A queue item as written by whoever produces work (a script, another agent, a human) becomes a `QueueTask`
 * here, or a `QueueProblem` that says why not. Queue files are input from outside keel: every bound is
 * checked, nothing is trusted, and nothing throws.
 *
 * Accepted shape (unknown extra keys are ignored, so producers can carry their own metadata):
 *   { "id": "T-1", "text": "…", "owner": "lane-a", "priority": 5 }
 * Aliases, because producers differ: the text may be called `text`, `task` or `prompt`; the owner `owner` or
 * `lane`. Two aliases with different values are a problem, not a guess. A non-negative integer id is taken
 * as its decimal string. Which alias was used comes back in `notes`.
 *
 * Issue-shaped items, as an issue export writes them (`gh issue list --json number,title,body` with the
 * number as `id`), carry no text field but a `title` and a `body`: the text is then the title, a blank line
 * and the body, either of them missing (absent, null or blank) but not both. Their words are a stranger's,
 * so they go through `sanitizeUntrusted` (hidden HTML comments, keel's markers, invisible characters), as an
 * issue's do on the labelled-issue path. An item with a text field keeps it, and its title and body are
 * metadata like any other key (the plain path, which never reads them, must agree).
 *
 * Rejected: a non-object; a key `__proto__`, `constructor` or `prototype` anywhere in the item (even nested
 * in metadata keel ignores: such an item was built to attack some consumer, and keel hands items on);
 * nesting deeper than 32; an id outside `[A-Za-z0-9._:-]{1,128}` (or one of those three words), or one that
 * git's ref-name rules refuse once it names the run's branch `keel/q-<id>` (`..`, a trailing `.` or `.lock`:
 * such a task could never run, and a lane must not discover that by failing on it); empty
 * text; an owner that is not a configured lane (unsupported owners are rejected rather than guessed: a task
 * goes to the lane it names or to none); a priority that is not an integer in ±1,000,000.
 *
 * Cleaned: control characters (but tab and line breaks) and lone surrogates leave the text; a text over
 * 20,000 characters is cut with a visible `[… truncated by keel: N characters, the first M kept]`.
 *
 * zod holds the schema: an item the plain-shape check (`plainTask`, the ingest path's shortcut) does not
 * vouch for is judged by zod, which words every problem; a property test holds the two to agreeing.
 */


const TASK_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** The bound of a task's text, marker included: the run state's and the planner prompt's bound too. */
const MAX_TASK_TEXT_CHARS = 20_000;
const MAX_PRIORITY = 1_000_000;
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const TEXT_ALIASES = ['text', 'task', 'prompt'];
const OWNER_ALIASES = ['owner', 'lane'];
const taskSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP('id must be a string or a non-negative integer')
        .regex(TASK_ID_PATTERN, 'id must be 1–128 characters of A–Z a–z 0–9 . _ : -'),
    text: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP('text must be a string'),
    owner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP('owner must be a string').max(64).nullable().optional(),
    priority: zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr('priority must be an integer').min(-MAX_PRIORITY).max(MAX_PRIORITY).optional(),
});
function normalizeTask(raw, ref, options) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        return failure(ref, `expected a task object, got ${describeType(raw)}`);
    const hostile = findHostileKey(raw, 0);
    if (hostile !== undefined)
        return failure(ref, hostile);
    const lanes = options.lanes instanceof Set ? options.lanes : new Set(options.lanes);
    const item = raw;
    const source = options.source ?? 'file';
    const task = plainTask(item, ref, lanes, source);
    return task !== undefined ? { ok: true, task, notes: NO_NOTES } : judgedByZod(item, ref, lanes, source);
}
/**
 * The NDJSON reader's shortcut, for an item parsed from a line the scanner found plain (`LINE_PLAIN`: keys
 * as written, only printable ASCII in every string): what `normalizeTask` would accept, the same task,
 * without the text cleaning such a line cannot need, and with the hostile-key walk cut to the one pass over
 * the item's keys that also picks the fields — for a flat item that pass is the whole walk. Undefined when
 * the item nests, has a hostile key or an alias, or is not what `plainFields` vouches for: the caller then
 * asks `normalizeTask`, which says why.
 */
function plainLineTask(raw, ref, lanes) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        return undefined;
    const item = raw;
    let id;
    let text;
    let owner;
    let priority;
    // JSON.parse makes every key own, `"__proto__"` included, and for-in lists them all (see findHostileKey);
    // a parsed value is never undefined, so an alias key present is an alias used. One pass, and no lookups
    // of absent keys: this loop is most of the ingest path's per-item cost after JSON.parse.
    for (const key in item) {
        const value = item[key];
        if (key === 'id')
            id = value;
        else if (key === 'text')
            text = value;
        else if (key === 'owner')
            owner = value;
        else if (key === 'priority')
            priority = value;
        else if ((typeof value === 'object' && value !== null) ||
            key === 'task' ||
            key === 'prompt' ||
            key === 'lane' ||
            HOSTILE_KEYS.has(key))
            return undefined;
    }
    // A nested value under one of the four read keys is refused by plainFields' type checks.
    return plainFields(id, text, owner, priority, ref, lanes, 'file', true);
}
/**
 * The shape nearly every producer writes — canonical keys, a string id and text, a configured owner or none,
 * an integer priority or none, a text within bounds — recognised without zod: on the ingest path zod's
 * per-item cost is most of the time (bench `queue ingest`). It only ever vouches for items the zod path
 * accepts without notes, with the same task (a property test holds them to that); everything else, and
 * every problem message, is zod's.
 */
function plainTask(item, ref, lanes, source) {
    if (item.task !== undefined || item.prompt !== undefined || item.lane !== undefined)
        return undefined;
    return plainFields(item.id, item.text, item.owner, item.priority, ref, lanes, source, false);
}
/** `plainTask`'s checks of the four fields; `clean`: the text is known to need no cleaning. */
function plainFields(id, text, owner, priority, ref, lanes, source, clean) {
    if (typeof id !== 'string' || typeof text !== 'string')
        return undefined;
    if (!isTaskId(id) || isHostileKey(id) || refNameProblem(id) !== undefined)
        return undefined;
    let ownerName;
    if (typeof owner === 'string') {
        if (owner.length > 64 || !lanes.has(owner))
            return undefined;
        ownerName = owner;
    }
    else if (owner !== undefined && owner !== null)
        return undefined;
    let rank = 0;
    if (typeof priority === 'number') {
        if (!Number.isSafeInteger(priority) || Math.abs(priority) > MAX_PRIORITY)
            return undefined;
        rank = priority;
    }
    else if (priority !== undefined)
        return undefined;
    // Truncation (with its note) and the empty-text problem are `accepted`'s, by way of zod.
    const body = clean ? text : cleanText(text);
    if (body.length > MAX_TASK_TEXT_CHARS || isBlank(body))
        return undefined;
    return ownerName === undefined
        ? { id, text: body, priority: rank, source, ref }
        : { id, text: body, owner: ownerName, priority: rank, source, ref };
}
/**
 * Why git would refuse a branch named after this id (`keel/q-<id>`, see lanes/lane-engine.ts), or undefined:
 * git-check-ref-format's rules that an id of `TASK_ID_PATTERN`'s characters can break. (`:` is not allowed in a
 * ref either; such ids get a hashed run id, so they are fine.)
 */
function refNameProblem(id) {
    if (id.includes('..'))
        return 'contains "..", which git refuses in a branch name (git check-ref-format)';
    if (id.endsWith('.lock'))
        return 'ends with ".lock", which git refuses in a branch name (git check-ref-format)';
    if (id.endsWith('.'))
        return 'ends with ".", which git refuses in a branch name (git check-ref-format)';
    return undefined;
}
/** The characters `TASK_ID_PATTERN` allows, by char code. */
const ID_CHARS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-')
    ID_CHARS[c.charCodeAt(0)] = 1;
/** The lengths of the hostile keys: a word of another length is not looked up (no hash computed for it). */
const HOSTILE_LENGTHS = [...new Set([...HOSTILE_KEYS].map((key) => key.length))];
/** `HOSTILE_KEYS.has(word)`, for the id of every item on the ingest path, where dedupe needs no hash of it. */
function isHostileKey(word) {
    return HOSTILE_LENGTHS.includes(word.length) && HOSTILE_KEYS.has(word);
}
/** `TASK_ID_PATTERN.test(id)` without a call into the regex engine, which costs more than this loop. */
function isTaskId(id) {
    const length = id.length;
    if (length === 0 || length > 128)
        return false;
    for (let i = 0; i < length; i++) {
        const code = id.charCodeAt(i);
        if (code > 127 || ID_CHARS[code] === 0)
            return false;
    }
    return true;
}
/** Everything `plainTask` does not vouch for: aliases, numeric ids, and every item with a problem. */
function judgedByZod(item, ref, lanes, source) {
    const notes = [];
    const text = pickAlias(item, TEXT_ALIASES, notes);
    const owner = pickAlias(item, OWNER_ALIASES, notes);
    const idOf = typeof item.id === 'string' && TASK_ID_PATTERN.test(item.id) ? item.id : undefined;
    if (text.conflict)
        return failure(ref, text.conflict, idOf);
    if (owner.conflict)
        return failure(ref, owner.conflict, idOf);
    if (item.id === undefined)
        return failure(ref, 'missing id');
    if (typeof item.id === 'number' && !(Number.isSafeInteger(item.id) && item.id >= 0))
        return failure(ref, 'a numeric id must be a non-negative integer');
    let textValue = text.value;
    if (textValue === undefined) {
        const issue = issueShapedText(item);
        if (!issue.ok)
            return failure(ref, issue.reason, idOf);
        textValue = issue.text;
        notes.push('"title" and "body" read as "text"');
    }
    const parsed = taskSchema.safeParse({
        id: typeof item.id === 'number' ? String(item.id) : item.id,
        text: textValue,
        owner: owner.value,
        priority: item.priority,
    });
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return failure(ref, `${issue.path.join('.') || 'item'}: ${issue.message}`, idOf);
    }
    const { id, priority } = parsed.data;
    if (HOSTILE_KEYS.has(id))
        return failure(ref, `id "${id}" is reserved`);
    const refProblem = refNameProblem(id);
    if (refProblem !== undefined)
        return failure(ref, `id "${id}" ${refProblem}`);
    const ownerName = parsed.data.owner ?? undefined;
    if (ownerName !== undefined && !lanes.has(ownerName))
        return failure(ref, `owner ${JSON.stringify(ownerName)} is not a configured lane`, id);
    return accepted(id, parsed.data.text, ownerName, priority ?? 0, ref, source, notes);
}
/**
 * The text of an issue-shaped item: its title, a blank line, its body (see the header), sanitised as a
 * stranger's words. Or why there is none.
 */
function issueShapedText(item) {
    const given = {};
    for (const key of ['title', 'body']) {
        const value = Object.hasOwn(item, key) ? item[key] : undefined;
        if (value === undefined || value === null)
            continue;
        if (typeof value !== 'string')
            return { ok: false, reason: `${key} must be a string` };
        given[key] = value;
    }
    if (given.title === undefined && given.body === undefined)
        return { ok: false, reason: 'missing text (text, task or prompt; or title and body)' };
    // As the labelled-issue path makes an issue's text (github/tasks/issue-source.ts).
    const text = (0,_base_sanitize_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .issueText */ .v4)(given.title, given.body);
    if (text === '')
        return { ok: false, reason: 'empty title and body (nothing visible left in either)' };
    return { ok: true, text };
}
function accepted(id, text, owner, priority, ref, source, notes = NO_NOTES) {
    let body = cleanText(text);
    if (body.length > MAX_TASK_TEXT_CHARS) {
        const bounded = boundText(body);
        body = bounded.text;
        notes = [...notes, `text truncated from ${bounded.truncatedFrom} characters`];
    }
    if (isBlank(body))
        return failure(ref, 'empty text', id);
    const task = owner === undefined
        ? { id, text: body, priority, source, ref }
        : { id, text: body, owner, priority, source, ref };
    return { ok: true, task, notes };
}
/** Nothing but whitespace (or nothing): a first character that is printable ASCII settles it at once. */
function isBlank(text) {
    const first = text.charCodeAt(0);
    return !(first > 32 && first < 127) && text.trim() === '';
}
/** Shared by every result without notes (most of them): one allocation less per task. */
const NO_NOTES = Object.freeze([]);
function failure(ref, reason, id) {
    return id === undefined
        ? { ok: false, problem: { ref, reason } }
        : { ok: false, problem: { ref, reason }, id };
}
/** The first alias present; a second one present with a different value is a conflict. */
function pickAlias(item, aliases, notes) {
    let found;
    let value;
    for (const name of aliases) {
        if (!Object.hasOwn(item, name) || item[name] === undefined)
            continue;
        if (found === undefined) {
            found = name;
            value = item[name];
        }
        else if (item[name] !== value) {
            return { conflict: `"${found}" and "${name}" both given, with different values` };
        }
    }
    if (found !== undefined && found !== aliases[0])
        notes.push(`"${found}" read as "${aliases[0]}"`);
    return found === undefined ? {} : { value };
}
/** Depth-first over objects and arrays; a reason when a hostile key or too deep a nesting is found. */
function findHostileKey(value, depth) {
    if (value === null || typeof value !== 'object')
        return undefined;
    if (depth >= MAX_DEPTH)
        return `nested deeper than ${MAX_DEPTH} levels`;
    if (Array.isArray(value)) {
        for (const element of value) {
            const found = findHostileKey(element, depth + 1);
            if (found !== undefined)
                return found;
        }
        return undefined;
    }
    // JSON.parse makes `"__proto__"` an own property, which for-in lists (and it allocates no key array).
    for (const key in value) {
        if (!Object.hasOwn(value, key))
            continue;
        if (HOSTILE_KEYS.has(key))
            return `forbidden key "${key}"`;
        const found = findHostileKey(value[key], depth + 1);
        if (found !== undefined)
            return found;
    }
    return undefined;
}
// Control characters (C0 and C1) but tab, newline and carriage return: a NUL in a task would end up in
// prompts and commit messages. Lone surrogates (from a producer's bad UTF-16) go too. One plain class
// says whether anything needs doing (surrogate pairs, i.e. emoji, take the slower way for nothing).
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
function cleanText(text) {
    if (!SUSPECT.test(text))
        return text;
    return text.toWellFormed().replace(CONTROLS, '');
}
/** At most MAX_TASK_TEXT_CHARS, with a visible marker saying how much there was. */
function boundText(text, max = MAX_TASK_TEXT_CHARS) {
    if (text.length <= max)
        return { text };
    const marker = `\n\n[… truncated by keel: ${text.length} characters, the first ${max - 80} kept]`;
    let head = text.slice(0, max - 80);
    // Never half of a surrogate pair at the cut.
    if (/[\ud800-\udbff]$/.test(head))
        head = head.slice(0, -1);
    return { text: `${head}${marker}`.slice(0, max), truncatedFrom: text.length };
}
function describeType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return `a ${typeof value}`;
}


/***/ }),

/***/ 13758:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ QueueReader)
});

// UNUSED EXPORTS: DEFAULT_MAX_DOCUMENT_BYTES

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
;// CONCATENATED MODULE: ./lib/queue/queue-format.js
const SAMPLE_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];
/** Whether `bytes` open with the UTF-8 byte-order mark (3 bytes, which readers skip). */
function startsWithBom(bytes) {
    return BOM.every((byte, i) => bytes[i] === byte);
}
/**
 * `[` → an array; a first line that parses as a `{ "tasks": [...] }` wrapper with nothing after it, is `{`
 * alone, or opens `{"tasks":` → an object document; anything else → NDJSON. Undefined while the file holds
 * nothing but whitespace.
 */
async function detectFormat(file, size) {
    let sample = await readAt(file, 0, Math.min(SAMPLE_BYTES, size));
    const whole = sample.length === size;
    if (startsWithBom(sample))
        sample = sample.subarray(3);
    const text = sample.toString('utf8');
    const trimmed = text.trimStart();
    if (trimmed === '')
        return undefined;
    if (trimmed.startsWith('['))
        return 'json-array';
    if (!trimmed.startsWith('{'))
        return 'ndjson';
    const newline = trimmed.indexOf('\n');
    const first = newline < 0 ? trimmed : trimmed.slice(0, newline);
    try {
        const value = JSON.parse(first);
        const wrapper = value !== null && typeof value === 'object' && Array.isArray(value.tasks);
        const rest = newline < 0 ? '' : trimmed.slice(newline + 1);
        return wrapper && rest.trim() === '' && whole ? 'json-object' : 'ndjson';
    }
    catch {
        return /^\{\s*(?:"tasks"\s*:[\s\S]*)?$/.test(first.trim()) ? 'json-object' : 'ndjson';
    }
}
/** Up to `length` bytes from `position` (fewer at the end of the file). */
async function readAt(file, position, length) {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
        const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0)
            break;
        filled += bytesRead;
    }
    return buffer.subarray(0, filled);
}

;// CONCATENATED MODULE: ./lib/queue/ndjson-scanner.js
/**
 * Lines of an NDJSON file that grows while it is read, from a byte offset on: complete lines are handed
 * out, a last line without its newline is left for the next scan (the producer is still writing it), and
 * a line longer than `maxLineBytes` is reported once and skipped up to its newline without ever being held
 * in memory whole — not even across scans, if its newline has not been written yet.
 *
 * Pure bookkeeping over a file handle: no parsing, no events. The reader decides what a line means; the
 * scanner only tells it, per line, whether the bytes alone already rule out what the reader would have to
 * look for in the parsed item (`LINE_PLAIN`, below).
 */

const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const DEFAULT_CHUNK_BYTES = 1024 * 1024;
/**
 * What the bytes of a line say. `LINE_PLAIN`: ASCII that opens with `{`, with no backslash and no DEL.
 * Parsed, such a line is an object (or not JSON at all) whose keys are spelled as written (no escapes), and
 * whose strings, nested ones included, hold only U+0020–U+007E (JSON.parse refuses raw control characters,
 * and only an escape could make one or a lone surrogate): the text needs no cleaning. Whether it nests or
 * has a hostile key, the reader sees on the parsed object at less cost than a search through the bytes
 * (see `plainLineTask`). `LINE_CHECK`: anything else — the reader must check the item itself.
 * `LINE_BAD_UTF8`: the bytes are not UTF-8.
 */
const LINE_PLAIN = 0;
const LINE_CHECK = 1;
const LINE_BAD_UTF8 = 2;
/** Scans `[position.offset, size)` of `file`; returns where the next scan starts. */
async function scanLines(file, size, position, sink, options = {}) {
    const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    let { offset, line, skipping } = position;
    if (offset >= size)
        return { offset, line, skipping };
    // One buffer for the whole scan: a chunk, and before it the unfinished line carried over from the
    // previous chunk (never more than maxLine bytes), moved to the front rather than concatenated. Sized for
    // what is left to read, so that polling a queue that grew by a line allocates a line, not a chunk.
    const buffer = Buffer.allocUnsafe(Math.min(size - offset, chunkBytes + maxLine));
    let carried = 0;
    let pos = offset;
    while (pos < size) {
        const want = Math.min(chunkBytes, buffer.length - carried, size - pos);
        const { bytesRead } = await file.read(buffer, carried, want, pos);
        if (bytesRead === 0)
            break; // the file shrank under us: the next scan sees it
        const data = buffer.subarray(0, carried + bytesRead);
        const base = pos - carried;
        carried = 0;
        pos += bytesRead;
        let start = 0;
        if (skipping) {
            const newline = data.indexOf(10);
            if (newline < 0) {
                offset = pos;
                continue;
            }
            line += 1;
            skipping = false;
            sink.skipped(line, base + newline + 1);
            start = newline + 1;
        }
        const found = (0,external_node_buffer_.isAscii)(data)
            ? asciiLines(data.toString('latin1'), start, base, line, maxLine, sink)
            : utf8Lines(data, start, base, line, maxLine, sink);
        line += found.lines;
        start = found.next;
        offset = base + start;
        const rest = data.length - start;
        if (rest > maxLine) {
            sink.tooLong(line + 1, base + start);
            skipping = true;
            offset = pos;
        }
        else if (rest > 0) {
            buffer.copyWithin(0, start, data.length);
            carried = rest;
        }
    }
    return { offset, line, skipping };
}
/**
 * Most queues are ASCII: then the chunk is decoded once, its lines are slices of that string, character
 * offsets are byte offsets, and the two bytes that make a line not plain are looked for once per chunk:
 * each search is made again, from the current line, only once a line has passed its last hit, so each
 * costs one pass over the chunk however many lines there are. (Multi-character searches — for `proto`,
 * say — cost several times a single-character one: what they would find is checked after parsing.)
 */
function asciiLines(text, start, base, line, maxLine, sink) {
    const first = line;
    const length = text.length;
    let backslash = -1;
    let del = -1;
    for (;;) {
        const newline = text.indexOf('\n', start);
        if (newline < 0)
            return { lines: line - first, next: start };
        line += 1;
        if (newline - start > maxLine) {
            sink.tooLong(line, base + start);
            sink.skipped(line, base + newline + 1);
        }
        else {
            const stop = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
            if (backslash < start)
                backslash = after(text.indexOf('\\', start), length);
            if (del < start)
                del = after(text.indexOf('\x7f', start), length);
            const plain = text.charCodeAt(start) === 123 && backslash >= stop && del >= stop;
            sink.line(text.slice(start, stop), line, base + newline + 1, plain ? LINE_PLAIN : LINE_CHECK);
        }
        start = newline + 1;
    }
}
/** Any other chunk: each line is decoded (and checked) on its own, and none is plain. */
function utf8Lines(data, start, base, line, maxLine, sink) {
    const first = line;
    for (;;) {
        const newline = data.indexOf(10, start);
        if (newline < 0)
            return { lines: line - first, next: start };
        line += 1;
        if (newline - start > maxLine) {
            sink.tooLong(line, base + start);
            sink.skipped(line, base + newline + 1);
        }
        else {
            const stop = newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
            const text = data.toString('utf8', start, stop);
            const invalid = text.includes('\uFFFD') && !(0,external_node_buffer_.isUtf8)(data.subarray(start, stop));
            sink.line(text, line, base + newline + 1, invalid ? LINE_BAD_UTF8 : LINE_CHECK);
        }
        start = newline + 1;
    }
}
/** A search's hit, or `length` (past every line) when there is none. */
function after(index, length) {
    return index < 0 ? length : index;
}

// EXTERNAL MODULE: ./lib/queue/normalize.js
var normalize = __webpack_require__(17664);
;// CONCATENATED MODULE: ./lib/queue/ingest-state.js
/**
 * Lines read after the consumed point, in order: where each ends and which id (if any) must be claimed
 * before it counts as settled. Parallel arrays, not objects: a big queue has one per line. Every line the
 * scanner finishes is pushed, in order, so line numbers need no array: entry `i` is line `firstLine + i`.
 *
 * The arrays are appended to and compacted in place, never replaced: a read's line sink holds on to them
 * (as locals) for the whole read, and `QueueReader.consumed` may drop entries meanwhile.
 */
class PendingLines {
    ends = [];
    ids = [];
    start = 0;
    /** The line number of entry 0: one past the line the consumed point follows. */
    firstLine;
    constructor(firstLine) {
        this.firstLine = firstLine;
    }
    lineOf(index) {
        return this.firstLine + index;
    }
    /** Forgets everything before `index` (amortised: only once it is most of the arrays). */
    drop(index) {
        this.start = index;
        if (index > 1024 && index * 2 > this.ends.length) {
            compact(this.ends, index);
            compact(this.ids, index);
            this.firstLine += index;
            this.start = 0;
        }
    }
}
function compact(array, from) {
    array.copyWithin(0, from);
    array.length -= from;
}
/** FNV-1a over the UTF-16 code units, cut to 30 bits (a small integer: no heap number per key). */
function idKey(id) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++)
        hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    return hash >>> 2;
}
/** The ref of the first occurrence of `id`, if it was handed out. */
function firstRef(seen, id) {
    const byNumber = seen.get(idKey(id));
    return (byNumber === undefined || byNumber.id === id ? byNumber : seen.get(id))?.ref;
}
/**
 * Dedupe by id: undefined when `task` is new — then it is recorded and handed out (pushed on `tasks`),
 * unless an earlier version of the file handed it out already (a rewritten file or a changed document
 * repeats ids legitimately: not new, and not a duplicate) — else the ref of its first occurrence.
 */
function firstOccurrence(seen, earlier, tasks, task) {
    const id = task.id;
    const key = idKey(id);
    const byNumber = seen.get(key);
    const first = byNumber === undefined || byNumber.id === id ? byNumber : seen.get(id);
    if (first !== undefined)
        return first.ref;
    seen.set(byNumber === undefined ? key : id, { id, ref: task.ref });
    if (earlier.size === 0 || !earlier.has(id))
        tasks.push(task);
    return undefined;
}

;// CONCATENATED MODULE: ./lib/queue/queue-reader.js
/**
 * One queue file, read again and again as it grows: every valid task comes out exactly once per reader
 * (deduplicated by id), every bad item comes out as a `QueueProblem`, and nothing throws.
 *
 * Formats, detected per file (and again after a rewrite):
 * - NDJSON, one task per line — append-safe: the reader goes on from the byte offset it reached, a last
 *   line without its newline waits for the next read, and a line over 1 MiB is skipped with a problem.
 * - A JSON array of tasks, or `{ "tasks": [...] }` — read whole whenever its inode, size or mtime changes.
 * A file that starts with `[` is an array; one whose first line is `{` alone or opens `{"tasks":` is an
 * object document (so a pretty-printed document caught half-written waits instead of being taken for
 * broken NDJSON); anything else is NDJSON, where a bad first line is just a bad item.
 *
 * Rewrites of an NDJSON file are noticed by a new inode, a size below the offset already read, or a
 * different first 4 KiB: the reader then starts again from the top and lets the ids it has already handed
 * out (and the claim store, for the caller) deduplicate. (An in-place rewrite that keeps the first 4 KiB
 * and grows the file cannot be told from an append: producers append, or rotate by renaming a new file in.)
 *
 * `consumed()` is what a lane persists in the claim store: the offset before which every line is settled
 * (bad, or a task whose id the claim store knows). A restarted lane reads on from there; nothing after it
 * can be lost, and nothing before it is read again.
 */








const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** How much of the file's head identifies it (an append never changes these bytes, a rewrite usually does). */
const HEAD_BYTES = 4096;
class QueueReader {
    path;
    #display;
    /** `display:`, made once: a line's ref is this and its number. */
    #refPrefix;
    #lanes;
    #normalize;
    #options;
    #log;
    #format;
    #ino;
    #position = { offset: 0, line: 0, skipping: false };
    /** The first min(4 KiB, offset) bytes, to tell an appended file from a rewritten one. */
    #head = Buffer.alloc(0);
    /** From `seek`: the head the persisted cursor saw, checked at the first read. */
    #expected;
    #consumed = { offset: 0, line: 0 };
    #pending = new PendingLines(1);
    /** The ids handed out from this version of the file (until a rewrite or a changed document). */
    #seen = new Map();
    /** Ids handed out from earlier versions: seen again, they are neither new nor duplicates. */
    #earlier = new Map();
    #documentSignature;
    /** Problems of documents already reported (a changed document is read again whole). */
    #reported = new Set();
    constructor(options) {
        this.path = options.path;
        this.#display = options.displayPath ?? options.path;
        this.#refPrefix = `${this.#display}:`;
        this.#lanes = new Set(options.lanes);
        this.#normalize = { lanes: this.#lanes };
        this.#options = options;
        this.#log = options.log ?? (() => undefined);
    }
    /** Before the first read: start at a consumed cursor persisted by an earlier reader (NDJSON only). */
    seek(cursor) {
        if (cursor === undefined)
            return;
        this.#format = 'ndjson';
        this.#ino = cursor.ino;
        this.#position = { offset: cursor.offset, line: cursor.line, skipping: false };
        this.#consumed = { offset: cursor.offset, line: cursor.line };
        this.#pending = new PendingLines(cursor.line + 1);
        this.#expected = { bytes: cursor.headBytes, hash: cursor.head };
    }
    /** Whether an id was handed out by this reader (first occurrences only). */
    has(id) {
        return firstRef(this.#seen, id) !== undefined || this.#earlier.has(id);
    }
    async read() {
        const out = { tasks: [], problems: [] };
        let file;
        try {
            file = await (0,promises_.open)(this.path, 'r');
        }
        catch (error) {
            if ((0,errors/* errorCode */.C)(error) !== 'ENOENT')
                this.#problemOnce(out, this.#display, `unreadable: ${(0,errors/* errorMessage */.g)(error)}`);
            return out;
        }
        try {
            const stat = await file.stat();
            if (this.#format === 'ndjson') {
                const restarted = await this.#checkIdentity(file, stat.ino, stat.size);
                if (restarted !== undefined) {
                    out.restarted = restarted;
                    this.#restart();
                    this.#log({ type: 'queue_rewritten', path: this.#display, reason: restarted });
                }
            }
            const signature = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
            if (this.#format !== 'ndjson') {
                // A document that has not changed is not looked at again (not even to detect its format).
                if (signature === this.#documentSignature)
                    return { ...out, format: this.#format };
                this.#format = await detectFormat(file, stat.size);
            }
            out.format = this.#format;
            if (this.#format === 'ndjson') {
                this.#ino = stat.ino;
                await this.#readLines(file, stat.size, out);
            }
            else if (this.#format !== undefined) {
                await this.#readDocument(file, signature, stat.size, out);
            }
        }
        catch (error) {
            // An I/O error mid-read (the file vanished on a network share): report it, keep what was read.
            this.#problemOnce(out, this.#display, `read failed: ${(0,errors/* errorMessage */.g)(error)}`);
        }
        finally {
            await file.close();
        }
        return out;
    }
    /**
     * The persistable cursor: the end of the longest run of settled lines from the last consumed point. A
     * line is settled when it was bad or blank, or when `isSettled(id)` (the claim store knows the id).
     * Undefined for JSON documents, which have no offsets worth keeping. With `commit` false the reader does
     * not move its own consumed point (for a predicate that only holds if something else succeeds).
     */
    consumed(isSettled, commit = true) {
        // After a seek and before the read that checks it, the cursor is the persisted one: nothing to add.
        if (this.#format !== 'ndjson' || this.#ino === undefined || this.#expected !== undefined)
            return undefined;
        const pending = this.#pending;
        let index = pending.start;
        let consumed = this.#consumed;
        while (index < pending.ends.length) {
            const id = pending.ids[index];
            if (id !== undefined && !isSettled(id))
                break;
            consumed = { offset: pending.ends[index], line: pending.lineOf(index) };
            index++;
        }
        if (commit) {
            this.#consumed = consumed;
            pending.drop(index);
        }
        const headBytes = Math.min(HEAD_BYTES, consumed.offset, this.#head.length);
        return { ...consumed, ino: this.#ino, headBytes, head: sha256(this.#head.subarray(0, headBytes)) };
    }
    #restart() {
        this.#format = undefined;
        this.#newVersion();
        this.#position = { offset: 0, line: 0, skipping: false };
        this.#consumed = { offset: 0, line: 0 };
        this.#head = Buffer.alloc(0);
        this.#expected = undefined;
        this.#pending = new PendingLines(1);
    }
    /** The file was rewritten, or a document changed: what was seen so far belongs to an earlier version. */
    #newVersion() {
        for (const { id, ref } of this.#seen.values())
            this.#earlier.set(id, ref);
        this.#seen = new Map();
    }
    /** Undefined when the file is the one read so far, grown at most; else why it is not. */
    async #checkIdentity(file, ino, size) {
        const offset = this.#position.offset;
        if (this.#ino !== undefined && ino !== this.#ino)
            return 'replaced (new inode)';
        if (size < offset)
            return `truncated (${size} bytes, ${offset} already read)`;
        if (this.#expected !== undefined) {
            const expected = this.#expected;
            this.#expected = undefined;
            const head = await readAt(file, 0, Math.min(expected.bytes, size));
            if (head.length !== expected.bytes || sha256(head) !== expected.hash)
                return 'rewritten (head changed)';
            this.#head = await readAt(file, 0, Math.min(HEAD_BYTES, offset));
            return undefined;
        }
        if (this.#head.length > 0) {
            const head = await readAt(file, 0, this.#head.length);
            if (!head.equals(this.#head))
                return 'rewritten (head changed)';
        }
        return undefined;
    }
    async #readLines(file, size, out) {
        if (this.#position.offset === 0 && size >= 3) {
            if (startsWithBom(await readAt(file, 0, 3))) {
                this.#position = { ...this.#position, offset: 3 };
                this.#consumed = { offset: 3, line: 0 };
            }
        }
        this.#position = await scanLines(file, size, this.#position, this.#lineSink(out), this.#options);
        const headBytes = Math.min(HEAD_BYTES, this.#position.offset);
        if (this.#head.length < headBytes)
            this.#head = await readAt(file, 0, headBytes);
    }
    /**
     * The scanner's sink for one read. Plain lines (nearly every line of most queues) are handled in the
     * closure itself, on state it holds in locals. Optimised code that went through the reader's fields would
     * depend on the reader's hidden class, which is collected with the reader, so each new reader (a lane
     * restart; bench `queue ingest` makes one per read) would start the ingest path over unoptimised.
     */
    #lineSink(out) {
        const { ends, ids } = this.#pending;
        const seen = this.#seen;
        const earlier = this.#earlier;
        const lanes = this.#lanes;
        const prefix = this.#refPrefix;
        const tasks = out.tasks;
        return {
            line: (text, lineNo, end, kind) => {
                let id;
                const raw = kind === LINE_PLAIN ? parseObject(text) : undefined;
                if (raw === undefined) {
                    id = this.#parseLine(text, kind, lineNo, out);
                }
                else {
                    const ref = prefix + lineNo;
                    // A plain line cannot hold what the text cleaning looks for (see LINE_PLAIN).
                    const task = (0,normalize/* plainLineTask */.AV)(raw, ref, lanes);
                    if (task === undefined) {
                        id = this.#item(raw, ref, out);
                    }
                    else {
                        id = task.id;
                        const first = firstOccurrence(seen, earlier, tasks, task);
                        if (first !== undefined)
                            this.#duplicate(out, id, first, ref);
                    }
                }
                ends.push(end);
                ids.push(id);
            },
            tooLong: (lineNo) => this.#problem(out, prefix + lineNo, `line longer than ${maxLine(this.#options)} bytes, skipped`),
            skipped: (_lineNo, end) => {
                ends.push(end);
                ids.push(undefined);
            },
        };
    }
    /** The id a line that is not a plain object stands for; undefined for a blank or bad line (reported). */
    #parseLine(text, kind, lineNo, out) {
        // Blank lines separate nothing and mean nothing.
        if (text.charCodeAt(0) !== 123 && text.trim() === '')
            return undefined;
        const ref = this.#refPrefix + lineNo;
        if (kind === LINE_BAD_UTF8) {
            this.#problem(out, ref, 'invalid UTF-8');
            return undefined;
        }
        let raw;
        try {
            raw = JSON.parse(text);
        }
        catch (error) {
            this.#problem(out, ref, `not JSON: ${(0,errors/* errorMessage */.g)(error).slice(0, 200)}`);
            return undefined;
        }
        return this.#item(raw, ref, out);
    }
    /** Normalises and deduplicates one item; the id it stands for (so its line settles once it is claimed). */
    #item(raw, ref, out, once = false) {
        const result = (0,normalize/* normalizeTask */.Lj)(raw, ref, this.#normalize);
        if (!result.ok) {
            this.#report(out, result.problem.ref, result.problem.reason, once);
            return undefined;
        }
        // A valid task: handed out if its id is new, a duplicate problem if not; its id either way.
        const first = firstOccurrence(this.#seen, this.#earlier, out.tasks, result.task);
        if (first !== undefined)
            this.#duplicate(out, result.task.id, first, ref, once);
        return result.task.id;
    }
    #duplicate(out, id, first, ref, once = false) {
        this.#report(out, ref, `duplicate id "${id}" (first at ${first})`, once);
    }
    async #readDocument(file, signature, size, out) {
        this.#documentSignature = signature;
        this.#newVersion();
        const limit = this.#options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
        if (size > limit) {
            this.#problemOnce(out, this.#display, `JSON document of ${size} bytes is over the ${limit}-byte bound`);
            return;
        }
        let bytes = await readAt(file, 0, size);
        if (startsWithBom(bytes))
            bytes = bytes.subarray(3);
        const text = bytes.toString('utf8');
        const badUtf8 = text.includes('\uFFFD') && !(0,external_node_buffer_.isUtf8)(bytes);
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            // Most likely caught mid-write by a producer that does not rename into place: read again on change.
            this.#problemOnce(out, this.#display, `not valid JSON (yet?): ${(0,errors/* errorMessage */.g)(error).slice(0, 200)}`);
            return;
        }
        const items = Array.isArray(value)
            ? value
            : value !== null && typeof value === 'object' && Array.isArray(value.tasks)
                ? value.tasks
                : undefined;
        if (items === undefined) {
            this.#problemOnce(out, this.#display, 'expected a JSON array of tasks or { "tasks": [...] }');
            return;
        }
        items.forEach((item, index) => {
            const ref = `${this.#display}[${index}]`;
            if (badUtf8 && JSON.stringify(item).includes('\uFFFD'))
                this.#problemOnce(out, ref, 'invalid UTF-8');
            else
                this.#item(item, ref, out, true);
        });
    }
    #problem(out, ref, reason) {
        const problem = { ref, reason };
        out.problems.push(problem);
        this.#log({ type: 'queue_problem', ...problem });
    }
    /** With `once`, a problem already reported (a document is read again whole when it changes) is not. */
    #report(out, ref, reason, once) {
        if (once)
            this.#problemOnce(out, ref, reason);
        else
            this.#problem(out, ref, reason);
    }
    #problemOnce(out, ref, reason) {
        const key = `${ref}\n${reason}`;
        if (this.#reported.has(key))
            return;
        this.#reported.add(key);
        this.#problem(out, ref, reason);
    }
}
function sha256(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/** A plain line parsed: an object (it opens with `{`), or undefined when it is not JSON. */
function parseObject(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function maxLine(options) {
    return options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
}


/***/ }),

/***/ 10974:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sg: () => (/* binding */ recycleCycle)
/* harmony export */ });
/* unused harmony exports DEFAULT_RECYCLE_OUTCOMES, planRecycle, applyRecycle */
/* harmony import */ var _base_age_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96018);
/* harmony import */ var _claim_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46483);
/**
 * Backlog recycling (a lane with healthy endpoints always has work: the local backlog is kept populated):
 * finished tasks are reopened after a delay so that healthy capacity never sits idle while there is work that could
 * be tried again — a blocked task may go through now that an endpoint is back, a done one may be improved.
 *
 * Bounded three ways: only tasks finished at least `afterMs` ago, at most `maxPerCycle` per call, at most
 * `maxPerTask` times per task. The oldest finished go first. Each reopening records why in the entry (its
 * history keeps the previous outcome and detail) and as a `task_recycled` event.
 *
 * `planRecycle` decides from plain entries and a time (pure); `applyRecycle` reopens under the claim
 * store's lock and re-checks every decision there, since a lane may have changed an entry in between.
 */


const DEFAULT_RECYCLE_OUTCOMES = ['done', 'blocked'];
function planRecycle(entries, now, settings) {
    const outcomes = new Set(settings.outcomes ?? DEFAULT_RECYCLE_OUTCOMES);
    const due = [];
    for (const entry of entries) {
        if (!(0,_claim_state_js__WEBPACK_IMPORTED_MODULE_0__/* .isFinished */ .$g)(entry.state) || !outcomes.has(entry.state))
            continue;
        if (entry.finishedAt === undefined || now - entry.finishedAt < settings.afterMs)
            continue;
        if (entry.recycles >= settings.maxPerTask)
            continue;
        due.push(entry);
    }
    due.sort((a, b) => a.finishedAt - b.finishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return due.slice(0, Math.max(0, settings.maxPerCycle)).map((entry) => ({
        taskId: entry.id,
        from: entry.state,
        finishedAt: entry.finishedAt,
        recycles: entry.recycles + 1,
        reason: `${entry.state} ${(0,_base_age_js__WEBPACK_IMPORTED_MODULE_1__/* .formatAge */ .n)(now - entry.finishedAt)} ago (recycle after ${(0,_base_age_js__WEBPACK_IMPORTED_MODULE_1__/* .formatAge */ .n)(settings.afterMs)}): reopened, ${entry.recycles + 1} of ${settings.maxPerTask}`,
    }));
}
/** Reopens the decided entries under the lock; `lock-busy` leaves everything for the next cycle. */
async function applyRecycle(store, decisions, log = () => undefined) {
    if (decisions.length === 0)
        return { reopened: [], skipped: [] };
    const applied = await store.update((data, now) => {
        const result = { reopened: [], skipped: [] };
        for (const decision of decisions) {
            const entry = data.entries.get(decision.taskId);
            if (entry?.state !== decision.from ||
                entry.finishedAt !== decision.finishedAt ||
                entry.recycles + 1 !== decision.recycles) {
                result.skipped.push(decision);
                continue;
            }
            data.entries.set(entry.id, {
                ...entry,
                state: 'open',
                recycles: decision.recycles,
                recycledAt: now,
                history: (0,_claim_state_js__WEBPACK_IMPORTED_MODULE_0__/* .withHistory */ .$k)(entry.history, {
                    at: now,
                    from: decision.from,
                    ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
                    reason: decision.reason.slice(0, 500),
                }),
            });
            result.reopened.push(decision);
        }
        return result;
    });
    if (applied === 'lock-busy')
        return applied;
    for (const decision of applied.reopened) {
        log({
            type: 'task_recycled',
            taskId: decision.taskId,
            from: decision.from,
            recycles: decision.recycles,
            reason: decision.reason,
        });
    }
    return applied;
}
/** One cycle: read the store, decide, apply. */
async function recycleCycle(store, settings, clock, log) {
    await store.refresh();
    return applyRecycle(store, planRecycle(store.entries(), clock.now(), settings), log);
}


/***/ })

};
