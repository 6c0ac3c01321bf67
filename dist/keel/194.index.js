export const id = 194;
export const ids = [194];
export const modules = {

/***/ 26171:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ planSchema)
/* harmony export */ });
/* unused harmony export subtaskSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12311);
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

/***/ 96018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ formatAge)
/* harmony export */ });
/** A duration as people say it: `2 s`, `14 min`, `3 h`, `2 d`. One rule for every "… ago" keel prints. */
function formatAge(ms) {
    const abs = Math.max(0, ms);
    if (abs < 120_000)
        return `${Math.round(abs / 1000)} s`;
    if (abs < 2 * 3_600_000)
        return `${Math.round(abs / 60_000)} min`;
    if (abs < 2 * 86_400_000)
        return `${Math.round(abs / 3_600_000)} h`;
    return `${Math.round(abs / 86_400_000)} d`;
}


/***/ }),

/***/ 96893:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ runHeartbeat),
/* harmony export */   PR: () => (/* binding */ readHeartbeatFile),
/* harmony export */   dt: () => (/* binding */ readHeartbeat),
/* harmony export */   s1: () => (/* binding */ isHeartbeatStale)
/* harmony export */ });
/* unused harmony export DEFAULT_MANIFEST_EVERY_MS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74743);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17594);
/* harmony import */ var _atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91975);
/* harmony import */ var _state_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28747);
/**
 * The heartbeat: proof of life for watchdogs and for a second process wondering whether a run is still
 * going. An awaited loop (not a `setInterval`, whose un-awaited writes would overlap and whose rejections would
 * go unseen): each tick writes `.heartbeat` (`{ pid, at }`), and the manifest when the last
 * manifest write is `manifestEveryMs` old or older — forced then even if nothing changed, so the
 * manifest's file time also says the run is alive. A failed write is logged and simply tried again at
 * the next tick; the loop never throws and ends promptly when its signal aborts.
 */





const DEFAULT_MANIFEST_EVERY_MS = 30_000;
/** Runs until `signal` aborts. Ticks are spaced from their start: the interval is the period. */
async function runHeartbeat(options) {
    const { runDir, intervalMs, signal } = options;
    const clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml;
    const manifestEveryMs = options.manifestEveryMs ?? DEFAULT_MANIFEST_EVERY_MS;
    // The heartbeat is disposable after a power cut, so its rename is not worth a directory fsync per tick.
    const write = options.write ??
        ((path, data) => (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__.writeFileAtomic)(path, data, { syncDir: !path.endsWith(_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .HEARTBEAT_FILE */ .gE) }));
    const log = options.log ?? (() => undefined);
    let ownManifestAt;
    const attempt = async (file, data) => {
        try {
            await write((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, file), data());
            return true;
        }
        catch (error) {
            log({ type: 'heartbeat_failed', file, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error) });
            return false;
        }
    };
    while (!signal.aborted) {
        if (options.beforeBeat && !options.beforeBeat())
            return;
        const tickAt = clock.now();
        const beat = { pid: process.pid, at: tickAt, ...options.identity };
        await attempt(_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .HEARTBEAT_FILE */ .gE, () => `${JSON.stringify(beat)}\n`);
        const lastManifestAt = latest(ownManifestAt, options.manifestWrittenAt?.());
        if (lastManifestAt === undefined || tickAt - lastManifestAt >= manifestEveryMs) {
            if (await attempt(_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_FILE */ .h1, () => `${JSON.stringify(options.manifest(), null, 2)}\n`)) {
                ownManifestAt = tickAt;
            }
        }
        if (signal.aborted)
            return;
        try {
            await clock.sleep(Math.max(0, tickAt + intervalMs - clock.now()), signal);
        }
        catch (error) {
            if (signal.aborted)
                return;
            throw error; // a clock that fails otherwise is a bug, not weather
        }
    }
}
function latest(a, b) {
    if (a === undefined)
        return b;
    if (b === undefined)
        return a;
    return Math.max(a, b);
}
/** The last heartbeat of a run, or undefined when there is none or it is unreadable. */
function readHeartbeat(runDir) {
    return readHeartbeatFile((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runDir, _state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .HEARTBEAT_FILE */ .gE));
}
/** The heartbeat at `path` (a run's, a lane's, the guard's), or undefined when missing or not a heartbeat. */
async function readHeartbeatFile(path) {
    const read = await (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readJsonFile */ .JE)(path);
    if (!read.ok || read.value === null || typeof read.value !== 'object')
        return undefined;
    const { pid, at, host, generation } = read.value;
    if (!Number.isInteger(pid) || typeof at !== 'number' || !Number.isFinite(at))
        return undefined;
    return {
        pid: pid,
        at,
        ...(typeof host === 'string' ? { host } : {}),
        ...(Number.isInteger(generation) ? { generation: generation } : {}),
    };
}
/** A heartbeat older than `maxAgeMs` (or none at all) means nobody is running this run. */
function isHeartbeatStale(heartbeat, now, maxAgeMs) {
    return heartbeat === undefined || now - heartbeat.at > maxAgeMs;
}


/***/ }),

/***/ 69164:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rc: () => (/* binding */ manifestSchema),
/* harmony export */   u1: () => (/* binding */ buildManifest)
/* harmony export */ });
/* unused harmony exports TASK_PREVIEW_CHARS, countSteps */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12311);
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80991);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41176);
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

/***/ 15675:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ acquireRunLease),
/* harmony export */   Jd: () => (/* binding */ LeaseLostError),
/* harmony export */   N0: () => (/* binding */ readRunOwner),
/* harmony export */   _i: () => (/* binding */ LeaseHeldError),
/* harmony export */   cP: () => (/* binding */ readRunLease),
/* harmony export */   oc: () => (/* binding */ DEFAULT_LEASE_STALE_MS)
/* harmony export */ });
/* unused harmony exports leaseRecordSchema, leaseLost, describeHolder, judgeLease, LeaseLockBusyError, RunLease */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(12311);
/* harmony import */ var _base_age_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(96018);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91975);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17594);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33071);
/* harmony import */ var _base_heartbeat_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96893);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(28747);
/**
 * One run, one owner: the run lease (`<runDir>/lease.json`). The process that works on a run holds it — pid,
 * host, start, generation, a random token — and proves it is alive with the heartbeat it already writes
 * (`.heartbeat`, which now names the generation it beats for). Another process that wants the run:
 *
 * - refuses with one line (`run X is being worked on by pid N on HOST, heartbeat 2 s ago`) while the holder
 *   is alive: its pid exists (on this host; another host's pid cannot be asked) and its last sign of life is
 *   within `staleMs`;
 * - takes it over when the holder is dead (its pid is gone on this host), stale (no heartbeat for `staleMs`:
 *   a hung process, a suspended laptop, a host that vanished) or released, or when told to (`--take-over`).
 *   Taking over bumps the generation and writes a new token.
 *
 * Fencing: a holder checks, synchronously and right before every write that matters (each checkpoint — inside
 * the state lock, again just before the rename — each commit, branch move, effect and publish), that
 * `lease.json` still carries its token (`RunLease.check`). A process that wakes after losing the lease
 * (SIGSTOP, a laptop lid, a long GC) therefore stops at its next write, writes nothing, and says so.
 * What is left is the microseconds between a check and the system call it guards; the work branch's commits
 * are found again by their trailers whatever happens.
 *
 * Taking and handing over happen under the run's state lock (`TaskStateStore.withLock`), the same lock every
 * checkpoint writes under: a takeover never lands in the middle of a checkpoint's check-then-write.
 */










/** A holder silent for longer than this may be taken over (`run.leaseStaleMs`). */
const DEFAULT_LEASE_STALE_MS = 60_000;
const leaseRecordSchema = zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({
    runId: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().max(80),
    pid: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().int(),
    host: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().max(255),
    /** Wall-clock ms when this generation was taken. */
    startedAt: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().finite().nonnegative(),
    /** 1 for the first holder, +1 at every hand-over: what a fenced write compares, with the token. */
    generation: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().int().min(1),
    token: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(8).max(64),
    /** Set when the holder let go at its end: the next process takes the run without waiting. */
    releasedAt: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().finite().nonnegative().optional(),
});
/** Another process holds the run; thrown before this one wrote anything. */
class LeaseHeldError extends Error {
    name = 'LeaseHeldError';
    expected = true;
    view;
    constructor(runId, view, now) {
        super(`run ${runId} is being worked on by ${describeHolder(view, now)} — wait for it to stop, or pass --take-over if it is hung`);
        this.view = view;
    }
}
/** This process no longer holds the run: another one took it over. Nothing may be written any more. */
class LeaseLostError extends Error {
    name = 'LeaseLostError';
    expected = true;
}
/** `run X: this process (pid N, generation G) lost its lease — <who has it>; it stopped …`. */
function leaseLost(runId, ours, current, detail) {
    const by = current
        ? `pid ${current.pid} on ${current.host} holds it now (generation ${current.generation})`
        : detail;
    return new LeaseLostError(`run ${runId}: this process (pid ${ours.pid}, generation ${ours.generation}) lost its lease — ${by}; it stopped without writing anything more`);
}
/** `pid N on HOST, heartbeat 2 s ago`: what a refusal and `keel status` say about a holder. */
function describeHolder(view, now) {
    const r = view.record;
    if (!r)
        return 'nobody';
    const beat = view.lastBeatAt ?? r.startedAt;
    const age = now - beat;
    const when = age < 0 ? `heartbeat ${(0,_base_age_js__WEBPACK_IMPORTED_MODULE_8__/* .formatAge */ .n)(-age)} in the future` : `heartbeat ${(0,_base_age_js__WEBPACK_IMPORTED_MODULE_8__/* .formatAge */ .n)(age)} ago`;
    return `pid ${r.pid} on ${r.host}, ${when}`;
}
/** Reads the lease and the heartbeat and judges the holder. Never throws. */
async function readRunLease(runDir, now, staleMs) {
    const layout = (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .runLayout */ .WA)(runDir);
    const read = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(layout.lease);
    if (!read.ok)
        return { state: 'free' };
    const parsed = leaseRecordSchema.safeParse(read.value);
    if (!parsed.success)
        return { state: 'free' };
    return judgeLease(parsed.data, await (0,_base_heartbeat_js__WEBPACK_IMPORTED_MODULE_5__/* .readHeartbeat */ .dt)(runDir), now, staleMs);
}
/**
 * The rule, pure. A heartbeat counts for the generation it names (an older keel's heartbeat names none: then
 * it counts when its pid is the holder's). A sign of life further in the future than the bound is a clock
 * that jumped, not a promise: it is judged stale, as it cannot be judged otherwise.
 */
function judgeLease(record, heartbeat, now, staleMs) {
    if (record.releasedAt !== undefined)
        return { state: 'released', record };
    const beats = heartbeat !== undefined &&
        heartbeat.pid === record.pid &&
        (heartbeat.generation === undefined || heartbeat.generation === record.generation);
    const lastBeatAt = beats ? Math.max(heartbeat.at, record.startedAt) : record.startedAt;
    if (record.host === (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)() && !holderAlive(record))
        return { state: 'dead', record, lastBeatAt };
    const age = now - lastBeatAt;
    if (age > staleMs || age < -staleMs)
        return { state: 'stale', record, lastBeatAt };
    return { state: 'live', record, lastBeatAt };
}
/** Tokens of the leases this process holds: our own pid with another token is an earlier process's. */
const heldTokens = new Set();
function holderAlive(record) {
    if (record.pid === process.pid)
        return heldTokens.has(record.token);
    return (0,_base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .isProcessAlive */ .jW)(record.pid);
}
/**
 * Takes the run's lease, or throws `LeaseHeldError` (a live holder), or an error saying the state lock stayed
 * busy. Nothing else of the run is written before it.
 */
async function acquireRunLease(o) {
    const path = (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .runLayout */ .WA)(o.runDir).lease;
    const result = await o.lock.withLock(async () => {
        const now = o.clock.now();
        const view = await readRunLease(o.runDir, now, o.staleMs);
        if (view.state === 'live' && o.takeOver !== true)
            return { held: view, now, record: undefined };
        const record = {
            runId: o.runId,
            pid: process.pid,
            host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(),
            startedAt: now,
            generation: (view.record?.generation ?? 0) + 1,
            token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex'),
        };
        heldTokens.add(record.token);
        try {
            await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__.writeFileAtomic)(path, `${JSON.stringify(record)}\n`);
        }
        catch (error) {
            heldTokens.delete(record.token);
            throw error;
        }
        if (view.record && view.state !== 'released')
            o.onTakeover?.(view.record, view.state);
        return { record };
    });
    if (!result.ok) {
        const by = result.holder ? ` (held by pid ${result.holder.pid} on ${result.holder.host})` : '';
        throw new LeaseLockBusyError(`run ${o.runId}: its state lock stayed busy for ${result.waitedMs} ms${by} — try again in a moment`);
    }
    const outcome = result.value;
    if (outcome.record === undefined)
        throw new LeaseHeldError(o.runId, outcome.held, outcome.now);
    return new RunLease(o.runDir, outcome.record, o.lock);
}
class LeaseLockBusyError extends Error {
    name = 'LeaseLockBusyError';
    expected = true;
}
/** The lease this process holds. */
class RunLease {
    record;
    #path;
    #lock;
    #lost;
    #released = false;
    constructor(runDir, record, lock) {
        this.#path = (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .runLayout */ .WA)(runDir).lease;
        this.record = record;
        this.#lock = lock;
    }
    get generation() {
        return this.record.generation;
    }
    /** Set once a check found the lease gone; from then on every check throws it again. */
    get lost() {
        return this.#lost;
    }
    /**
     * Throws `LeaseLostError` unless `lease.json` still carries our token. Synchronous on purpose: it runs
     * immediately before the write it guards, with no turn of the event loop in between.
     */
    check() {
        if (this.#lost)
            throw this.#lost;
        if (this.#released)
            return;
        let current;
        try {
            const parsed = leaseRecordSchema.safeParse(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(this.#path, 'utf8')));
            current = parsed.success ? parsed.data : undefined;
        }
        catch (error) {
            // A lease that cannot be read cannot be proved ours: a run directory removed or replaced under us.
            const detail = (0,_base_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorCode */ .C)(error) === 'ENOENT'
                ? 'its lease file is gone'
                : `its lease cannot be read (${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorMessage */ .g)(error)})`;
            this.#lost = leaseLost(this.record.runId, this.record, undefined, detail);
            throw this.#lost;
        }
        if (current?.token === this.record.token && current.releasedAt === undefined)
            return;
        this.#lost = leaseLost(this.record.runId, this.record, current, 'its lease file was replaced');
        heldTokens.delete(this.record.token);
        throw this.#lost;
    }
    /**
     * The run was lost elsewhere (another runner's claim on the state branch): from now on every check throws
     * `error`, exactly as if this file had been taken over.
     */
    lose(error) {
        this.#lost ??= error;
    }
    /** A boolean check for loops that stop rather than throw (the heartbeat). */
    holds() {
        try {
            this.check();
            return true;
        }
        catch {
            return false;
        }
    }
    /** Lets go at the run's end (the next process need not wait); nothing when the lease was lost. */
    async release(now) {
        if (this.#lost || this.#released)
            return;
        this.#released = true;
        await this.#lock
            .withLock(async () => {
            if (!this.#holdsUnchecked())
                return;
            await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__.writeFileAtomic)(this.#path, `${JSON.stringify({ ...this.record, releasedAt: now })}\n`);
        })
            .catch(() => undefined); // not released: the dead pid frees it for the next process anyway
        heldTokens.delete(this.record.token);
    }
    #holdsUnchecked() {
        try {
            const parsed = leaseRecordSchema.safeParse(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(this.#path, 'utf8')));
            return parsed.success && parsed.data.token === this.record.token;
        }
        catch {
            return false;
        }
    }
}
/**
 * The run's owner from its lease and heartbeat; a run directory of an older keel (a heartbeat, no lease)
 * is judged by its heartbeat alone, as before.
 */
async function readRunOwner(runDir, now, staleMs) {
    const view = await readRunLease(runDir, now, staleMs);
    if (view.record === undefined) {
        const beat = await (0,_base_heartbeat_js__WEBPACK_IMPORTED_MODULE_5__/* .readHeartbeat */ .dt)(runDir);
        if (beat === undefined)
            return { state: 'none' };
        const alive = (0,_base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .isProcessAlive */ .jW)(beat.pid) && beat.pid !== process.pid;
        const age = now - beat.at;
        const detail = `pid ${beat.pid}, heartbeat ${(0,_base_age_js__WEBPACK_IMPORTED_MODULE_8__/* .formatAge */ .n)(age)} ago`;
        return { state: alive && age <= staleMs ? 'running' : 'stale', detail };
    }
    if (view.state === 'released')
        return { state: 'none' };
    const detail = describeHolder(view, now);
    if (view.state === 'live')
        return { state: 'running', detail };
    return { state: 'stale', detail: view.state === 'dead' ? `${detail} (its process is gone)` : detail };
}


/***/ }),

/***/ 61472:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mr: () => (/* binding */ latestUnfinishedRun),
/* harmony export */   RV: () => (/* binding */ STATE_LOCK_FILE),
/* harmony export */   TaskStateStore: () => (/* binding */ TaskStateStore),
/* harmony export */   v: () => (/* binding */ listRuns)
/* harmony export */ });
/* unused harmony export TaskStateStoreLockError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(12311);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74743);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17594);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91975);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33071);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28747);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(69164);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(41176);
/**
 * The checkpoint on disk: `<runDir>/state.json`, written atomically under an inter-process lock with
 * bounded retries. Two processes may share a run directory — a resumed run while the old
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
    #fence;
    constructor(options) {
        this.runDir = options.runDir;
        this.statePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_FILE */ .bv);
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .ml;
        this.#log = options.log ?? (() => undefined);
        this.#fence = options.fence;
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
        const fence = this.#fence;
        const result = await this.#lock.withLock(async () => {
            fence?.();
            await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__.writeFileAtomic)(this.statePath, json, fence ? { beforeRename: fence } : {});
        });
        if (!result.ok)
            throw new TaskStateStoreLockError(this.#lock.path, result);
    }
    /**
     * Writes the snapshot at once, without the lock (there is no time to wait for it): only for a forced exit,
     * the third signal of a storm. Fenced like `save`.
     */
    saveNow(state) {
        this.#fence?.();
        (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomicSync */ .Q3)(this.statePath, `${JSON.stringify(state)}\n`, this.#fence ? { beforeRename: this.#fence } : {});
    }
    /** Runs `work` under the state lock: the run lease is taken and handed over under it (`run-lease.ts`). */
    withLock(work) {
        return this.#lock.withLock(work);
    }
    /**
     * The saved state, or nothing (no checkpoint yet), or a problem: unreadable, corrupt (moved aside to
     * `state.json.corrupt-<ms>`), or written by a newer keel (left alone). Never throws.
     */
    async load() {
        const read = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(this.statePath);
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
                const again = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(this.statePath);
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
    const manifest = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .MANIFEST_FILE */ .h1));
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
    const state = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_FILE */ .bv));
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
        const state = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(run.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .STATE_FILE */ .bv));
        if (!state.ok)
            continue;
        const parsed = statusOnly.safeParse(state.value);
        if (parsed.success && (0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .isUnfinished */ .ui)(parsed.data))
            return { ...run, status: parsed.data.status };
    }
    return undefined;
}


/***/ }),

/***/ 41176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ runStateSchema),
/* harmony export */   LV: () => (/* binding */ RUN_STATUSES),
/* harmony export */   Lu: () => (/* binding */ RUN_STATE_VERSION),
/* harmony export */   sE: () => (/* binding */ STEP_STATUSES),
/* harmony export */   ui: () => (/* binding */ isUnfinished)
/* harmony export */ });
/* unused harmony exports stepSchema, batchSchema, effectSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12311);
/* harmony import */ var _agents_plan_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26171);
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
    /** The files the step's commit changed (code steps), as its edits named them. */
    files: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text(4_096)).max(1_000).optional(),
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
        /**
         * A run asked for on a pull request (`/keel` in its comments): the work starts at the pull request's head
         * and is pushed onto its branch, and that pull request is the one reported on — no new one is opened.
         */
        pullRequest: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1), url: text(1_000), headBranch: text(255) })
            .optional(),
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
    interruption: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        reason: text(200),
        at: time,
        error: text(4_000).optional(),
        /** `security`: validation changed the repository; the run published nothing and is not resumed. */
        kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['security']).optional(),
    })
        .optional(),
    /** How many times this run was resumed. */
    resumes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
});
/** A run that can be resumed: not finished one way or another. */
function isUnfinished(state) {
    return state.status === 'running' || state.status === 'interrupted';
}


/***/ })

};
