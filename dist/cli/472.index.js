export const id = 472;
export const ids = [472];
export const modules = {

/***/ 4511:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IR: () => (/* binding */ FileLock),
/* harmony export */   XB: () => (/* binding */ LockTimeoutError),
/* harmony export */   iz: () => (/* binding */ parseHolder),
/* harmony export */   jW: () => (/* binding */ isProcessAlive)
/* harmony export */ });
/* unused harmony exports DEFAULT_LOCK_ATTEMPTS, DEFAULT_LOCK_BACKOFF_MS, DEFAULT_STALE_LOCK_MS, lockBackoff */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5233);
/* harmony import */ var _atomic_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2551);
/**
 * An inter-process lock as a file, with bounded retries (seed 004: 5 attempts, exponential backoff from
 * 100 ms — 100, 200, 400, 800 — so at most 1.5 s of waiting, well under the 3 s budget).
 *
 * Why a file and not a package: the lock file names its holder (`{ pid, host, at, token }`), so a lock left
 * by a process that died (SIGKILL, OOM) is recognised at once by its dead pid instead of after a long
 * mtime timeout, and nothing runs a timer in the background (fake timers stay in charge in tests).
 *
 * - Acquire: write the holder to a private temp file, then `link` it to the lock path. `link` fails when
 *   the lock exists, and the lock appears with its content complete — nobody ever reads a half-written
 *   holder.
 * - Takeover: a holder whose pid is dead on this host, or older than `staleMs`, is stale. Removing it is
 *   guarded by a second lock (`<lock>.takeover`) and re-checks that the lock still has the exact content
 *   judged stale, so two processes that both saw the stale lock cannot delete each other's fresh one.
 * - Release: only a lock that still carries our token is removed.
 * - In-process callers are queued (one at a time per `FileLock`) before they touch the file, so twenty
 *   parallel calls in one process do not burn each other's retry budget.
 *
 * Outcomes are values (`LockResult`); the store and the effects turn exhaustion into their exceptions.
 */






const DEFAULT_LOCK_ATTEMPTS = 5;
const DEFAULT_LOCK_BACKOFF_MS = 100;
/** Far beyond any save; a live holder older than this is hung, and its atomic writes stay harmless anyway. */
const DEFAULT_STALE_LOCK_MS = 30_000;
/** Thrown at the edges (the effects, the store's subclass) when the lock could not be had in time. */
class LockTimeoutError extends Error {
    name = 'LockTimeoutError';
    lock;
    attempts;
    waitedMs;
    holder;
    constructor(lock, failure) {
        const by = failure.holder ? ` (held by pid ${failure.holder.pid} on ${failure.holder.host})` : '';
        super(`lock ${lock} still busy after ${failure.attempts} attempts over ${failure.waitedMs} ms${by}`);
        this.lock = lock;
        this.attempts = failure.attempts;
        this.waitedMs = failure.waitedMs;
        this.holder = failure.holder;
    }
}
/** The backoff before attempt `n + 1` (n ≥ 1): base × 2^(n−1). */
function lockBackoff(attempt, baseMs) {
    return baseMs * 2 ** (attempt - 1);
}
/** What `link` says on file systems that have no hard links (some network and FUSE mounts, FAT). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);
/**
 * Tokens of the locks this process holds right now, across all `FileLock` instances: how a lock carrying
 * our own pid is told apart from one left by a dead process that had the same pid.
 */
const heldTokens = new Set();
class FileLock {
    path;
    #clock;
    #attempts;
    #backoffMs;
    #staleMs;
    #log;
    #queue = Promise.resolve();
    constructor(options) {
        this.path = options.path;
        this.#clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_4__/* .systemClock */ .m;
        this.#attempts = Math.max(1, options.attempts ?? DEFAULT_LOCK_ATTEMPTS);
        this.#backoffMs = options.backoffMs ?? DEFAULT_LOCK_BACKOFF_MS;
        this.#staleMs = options.staleMs ?? DEFAULT_STALE_LOCK_MS;
        this.#log = options.log ?? (() => undefined);
    }
    /**
     * Runs `work` holding the lock and releases it afterwards, whatever `work` does. `work`'s own failure
     * is rethrown; a lock that could not be had is `{ ok: false }` and `work` never ran.
     */
    withLock(work) {
        const turn = this.#queue.then(() => this.#locked(work));
        // The queue only orders; one caller's failure is that caller's, not the next one's.
        this.#queue = turn.catch(() => undefined);
        return turn;
    }
    async #locked(work) {
        const started = this.#clock.now();
        let holder;
        for (let attempt = 1;; attempt++) {
            const outcome = await this.#tryAcquire();
            if (outcome.kind === 'acquired') {
                try {
                    return { ok: true, value: await work() };
                }
                finally {
                    await this.#release(outcome.token);
                }
            }
            holder = outcome.kind === 'busy' ? outcome.holder : outcome.observed.holder;
            if (attempt >= this.#attempts) {
                const failure = {
                    attempts: attempt,
                    waitedMs: this.#clock.now() - started,
                    ...(holder ? { holder } : {}),
                };
                this.#log({ type: 'lock_exhausted', lock: this.path, ...failure });
                return { ok: false, ...failure };
            }
            const waitMs = lockBackoff(attempt, this.#backoffMs);
            this.#log({ type: 'lock_retry', lock: this.path, attempt, waitMs, ...(holder ? { holder } : {}) });
            await this.#clock.sleep(waitMs);
        }
    }
    /** One attempt: create, or take over a stale lock and create. */
    async #tryAcquire() {
        const first = await this.#create(this.path);
        if (first.kind !== 'stale')
            return first;
        if (!(await this.#removeStale(first.observed)))
            return first;
        const second = await this.#create(this.path);
        // Someone else won the race for the freed lock: that is a busy lock, not a stale one.
        return second.kind === 'stale'
            ? { kind: 'busy', ...(second.observed.holder ? { holder: second.observed.holder } : {}) }
            : second;
    }
    async #create(path) {
        const holder = {
            pid: process.pid,
            host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(),
            at: this.#clock.now(),
            token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'),
        };
        const text = JSON.stringify(holder);
        const temp = `${path}.${holder.token}.tmp`;
        await writeNew(temp, text);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(temp, path);
            heldTokens.add(holder.token);
            return { kind: 'acquired', token: holder.token };
        }
        catch (error) {
            const code = (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(error);
            if (code === 'EEXIST')
                return this.#inspect(path);
            if (!NO_HARD_LINKS.has(code ?? ''))
                throw error;
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(temp).catch(() => undefined);
        }
        // A file system without hard links: exclusive create, then the content. For an instant the lock is
        // empty; an empty lock is judged by its age, so nobody takes it over in that instant.
        try {
            heldTokens.add(holder.token);
            await writeNew(path, text);
            return { kind: 'acquired', token: holder.token };
        }
        catch (error) {
            heldTokens.delete(holder.token);
            if ((0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(error) === 'EEXIST')
                return this.#inspect(path);
            throw error;
        }
    }
    /** Who holds the lock at `path`, and whether that holder is gone. */
    async #inspect(path) {
        let text;
        let mtimeMs;
        try {
            [text, mtimeMs] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8'), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path).then((s) => s.mtimeMs)]);
        }
        catch (error) {
            // Released between our link and our read: busy for this attempt, free for the next.
            if ((0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(error) === 'ENOENT')
                return { kind: 'busy' };
            throw error;
        }
        const holder = parseHolder(text);
        if (holder === undefined) {
            // Empty (the no-hard-links path, mid-write) or damaged: only its age can tell, and that is the
            // file system's clock, not ours.
            return Date.now() - mtimeMs > this.#staleMs
                ? { kind: 'stale', observed: { text, mtimeMs, reason: 'unreadable' } }
                : { kind: 'busy' };
        }
        if (holder.host === (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)() && !this.#holderAlive(holder)) {
            return { kind: 'stale', observed: { text, mtimeMs, holder, reason: 'dead' } };
        }
        if (this.#clock.now() - holder.at > this.#staleMs) {
            return { kind: 'stale', observed: { text, mtimeMs, holder, reason: 'expired' } };
        }
        return { kind: 'busy', holder };
    }
    /**
     * Our own pid with a token this process does not hold is a lock left by an earlier process that had
     * the same pid — routine in containers, where a restarted process often gets the same small pid.
     */
    #holderAlive(holder) {
        if (holder.pid === process.pid)
            return heldTokens.has(holder.token);
        return isProcessAlive(holder.pid);
    }
    /**
     * Removes the stale lock, unless it changed since it was judged. Returns whether the lock was removed
     * (by us, or already gone).
     */
    async #removeStale(observed) {
        const guardPath = `${this.path}.takeover`;
        const guard = await this.#create(guardPath);
        if (guard.kind !== 'acquired') {
            // A guard left by a process killed in its microseconds-long takeover: remove it; the next attempt
            // takes over properly. (Two processes doing this at the same instant after such a crash is the
            // one race left, and it needs two unlikely events at once.)
            if (guard.kind === 'stale')
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(guardPath).catch(() => undefined);
            return false;
        }
        try {
            let current;
            let mtimeMs;
            try {
                [current, mtimeMs] = await Promise.all([
                    (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(this.path, 'utf8'),
                    (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(this.path).then((s) => s.mtimeMs),
                ]);
            }
            catch (error) {
                if ((0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(error) === 'ENOENT')
                    return true;
                throw error;
            }
            if (current !== observed.text || mtimeMs !== observed.mtimeMs)
                return false;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(this.path);
            if (observed.holder)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(`${this.path}.${observed.holder.token}.tmp`).catch(() => undefined);
            this.#log({
                type: 'lock_takeover',
                lock: this.path,
                reason: observed.reason,
                ...(observed.holder ? { holder: observed.holder } : {}),
            });
            return true;
        }
        finally {
            await this.#release(guard.token, guardPath);
        }
    }
    async #release(token, path = this.path) {
        heldTokens.delete(token);
        try {
            const holder = parseHolder(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8'));
            if (holder?.token !== token) {
                this.#log({ type: 'lock_lost', lock: path, detail: 'taken over by another process while held' });
                return;
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(path);
        }
        catch (error) {
            // A lock we cannot remove is reported, not thrown: the work under it is done, and a dead-pid lock
            // is taken over by the next process anyway.
            this.#log({ type: 'lock_lost', lock: path, detail: (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(error) });
        }
    }
}
async function writeNew(path, text) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx');
    }
    catch (error) {
        // The first lock in a new run directory creates the directory.
        if ((0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(error) !== 'ENOENT')
            throw error;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), { recursive: true });
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx');
    }
    try {
        await handle.writeFile(text);
    }
    finally {
        await handle.close();
    }
}
/** A lock file's holder record, or undefined for anything else (also the daemon's lock reads it). */
function parseHolder(text) {
    try {
        const value = JSON.parse(text);
        if (value !== null &&
            typeof value === 'object' &&
            Number.isInteger(value.pid) &&
            typeof value.host === 'string' &&
            typeof value.at === 'number' &&
            typeof value.token === 'string') {
            return value;
        }
    }
    catch {
        // fall through
    }
    return undefined;
}
/** `kill(pid, 0)` checks existence without sending anything; EPERM means it exists under another user. */
function isProcessAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(error) === 'EPERM';
    }
}


/***/ }),

/***/ 9164:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   rc: () => (/* binding */ manifestSchema),
/* harmony export */   u1: () => (/* binding */ buildManifest)
/* harmony export */ });
/* unused harmony exports TASK_PREVIEW_CHARS, countSteps */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _fleet_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1176);
/**
 * `manifest.json`: the small summary of a run that `keel status`, `listRuns` and a human with `cat` read
 * without parsing a checkpoint of a thousand steps. Derived from the state by a pure function; the
 * checkpoint stays the truth.
 */



const MANIFEST_FILE = 'manifest.json';
const TASK_PREVIEW_CHARS = 200;
const count = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative();
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1),
    runId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(80),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_state_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_STATUSES */ .LV),
    task: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(TASK_PREVIEW_CHARS + 1),
    steps: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ pending: count, running: count, done: count, failed: count, skipped: count }),
    createdAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().finite().nonnegative(),
    updatedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().finite().nonnegative(),
    resumes: count,
    /** What to type to continue this run. */
    resume: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(200),
    interruption: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(200).optional(),
});
function countSteps(state) {
    const counts = Object.fromEntries(_state_js__WEBPACK_IMPORTED_MODULE_0__/* .STEP_STATUSES */ .sE.map((s) => [s, 0]));
    for (const step of Object.values(state.steps))
        counts[step.status]++;
    return counts;
}
/** Pure. The task preview is redacted (bearer tokens, `sk-…` keys) before it is cut, so no key is half-cut. */
function buildManifest(state) {
    const preview = (0,_fleet_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(state.task.text, []);
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
/* unused harmony exports STATE_FILE, STATE_LOCK_FILE, RUNS_DIR, TaskStateStoreLockError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2311);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5233);
/* harmony import */ var _atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2551);
/* harmony import */ var _file_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4511);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9164);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1176);
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








const STATE_FILE = 'state.json';
const STATE_LOCK_FILE = 'state.lock';
const RUNS_DIR = 'runs';
/** `save` could not get the lock within its retries; the snapshot was not written. */
class TaskStateStoreLockError extends _file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .LockTimeoutError */ .XB {
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
        this.statePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.runDir, STATE_FILE);
        this.#clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m;
        this.#log = options.log ?? (() => undefined);
        this.#lock = new _file_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .FileLock */ .IR({
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
        const result = await this.#lock.withLock(() => (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__.writeFileAtomic)(this.statePath, json));
        if (!result.ok)
            throw new TaskStateStoreLockError(this.#lock.path, result);
    }
    /**
     * The saved state, or nothing (no checkpoint yet), or a problem: unreadable, corrupt (moved aside to
     * `state.json.corrupt-<ms>`), or written by a newer keel (left alone). Never throws.
     */
    async load() {
        const read = await (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(this.statePath);
        if (!read.ok) {
            if (read.reason === 'missing')
                return {};
            if (read.reason === 'unreadable')
                return { problem: read.detail };
            return { problem: await this.#setAside(read.text ?? '', read.detail) };
        }
        const parsed = _state_js__WEBPACK_IMPORTED_MODULE_6__/* .runStateSchema */ .El.safeParse(read.value);
        if (parsed.success)
            return { state: parsed.data };
        const version = read.value?.version;
        if (typeof version === 'number' && version > _state_js__WEBPACK_IMPORTED_MODULE_6__/* .RUN_STATE_VERSION */ .Lu) {
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
                const again = await (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(this.statePath);
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
                problem: `${problem}; not moved: ${(0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`,
            });
            return `${problem} (could not move it aside: ${(0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)})`;
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
    const runsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stateDir, RUNS_DIR);
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
    const manifest = await (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, _manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .MANIFEST_FILE */ .h1));
    const problems = [];
    if (manifest.ok) {
        const parsed = _manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .manifestSchema */ .rc.safeParse(manifest.value);
        if (parsed.success)
            return fromManifest(parsed.data, runDir, 'manifest');
        problems.push(`manifest.json: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    else if (manifest.reason !== 'missing') {
        problems.push(manifest.detail);
    }
    const state = await (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runDir, STATE_FILE));
    if (state.ok) {
        const parsed = _state_js__WEBPACK_IMPORTED_MODULE_6__/* .runStateSchema */ .El.safeParse(state.value);
        if (parsed.success)
            return fromManifest((0,_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .buildManifest */ .u1)(parsed.data), runDir, 'state');
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
const statusOnly = zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ status: zod__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(_state_js__WEBPACK_IMPORTED_MODULE_6__/* .RUN_STATUSES */ .LV) });
/**
 * The newest run that can be resumed (`keel run --resume` without an id). The manifest may lag behind the
 * checkpoint (its write failed, or the process died between the two), so the candidate's `state.json`
 * has the last word on whether it is finished.
 */
async function latestUnfinishedRun(stateDir) {
    for (const run of await listRuns(stateDir)) {
        if (run.status === 'unknown' || !(0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .isUnfinished */ .ui)({ status: run.status }))
            continue;
        const state = await (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(run.runDir, STATE_FILE));
        if (!state.ok)
            continue;
        const parsed = statusOnly.safeParse(state.value);
        if (parsed.success && (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .isUnfinished */ .ui)(parsed.data))
            return { ...run, status: parsed.data.status };
    }
    return undefined;
}


/***/ }),

/***/ 1176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ runStateSchema),
/* harmony export */   Fu: () => (/* binding */ planSchema),
/* harmony export */   LV: () => (/* binding */ RUN_STATUSES),
/* harmony export */   Lu: () => (/* binding */ RUN_STATE_VERSION),
/* harmony export */   sE: () => (/* binding */ STEP_STATUSES),
/* harmony export */   ui: () => (/* binding */ isUnfinished)
/* harmony export */ });
/* unused harmony exports subtaskSchema, stepSchema, batchSchema, effectSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/**
 * The run's checkpoint: everything needed to continue after a crash, versioned and validated with zod
 * when read (a file from a crashed or older process is untrusted input). Written after every step.
 */

const RUN_STATE_VERSION = 1;
const RUN_STATUSES = ['running', 'completed', 'partial', 'degraded', 'interrupted', 'failed'];
const STEP_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped'];
const text = (max) => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(max);
const time = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite().nonnegative();
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
const stepSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: text(80),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(STEP_STATUSES),
    attempts: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    startedAt: time.optional(),
    endedAt: time.optional(),
    /** `endpointId/model` that produced the step's result, or `template` when degraded. */
    model: text(300).optional(),
    degraded: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    /** The commit made by this step (code steps), found again by its `Keel-Step` trailer after a crash. */
    commit: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[0-9a-f]{7,64}$/)
        .optional(),
    /** Redacted, bounded. */
    error: text(4_000).optional(),
    /** Step-specific result (validation outcome, review verdict …), small and JSON. */
    result: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
});
const batchSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    attempt: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1),
    /** The work-branch head before the batch: what a rejected batch is reset to. */
    baseSha: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{7,64}$/),
    succeeded: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    total: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    decision: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['accepted', 'rejected', 'degraded']),
    decidedAt: time,
});
const effectSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['issue', 'comment', 'pull_request', 'recovery_issue']),
    /** The hidden marker it carries: `<!-- keel:run=<id> step=<id> -->`. */
    marker: text(300),
    /** Where it lives (issue number, URL, file path). */
    ref: text(1_000),
    createdAt: time,
});
const runStateSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(RUN_STATE_VERSION),
    runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
    task: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ text: text(20_000), source: text(40) }),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(RUN_STATUSES),
    createdAt: time,
    updatedAt: time,
    repo: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        root: text(4_096),
        baseBranch: text(255),
        baseSha: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{7,64}$/),
        workBranch: text(255),
        worktree: text(4_096),
    }),
    plan: planSchema.optional(),
    steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), stepSchema),
    batches: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(batchSchema).max(100),
    /** The coder batch under way: its attempt number and the head it started from (what a discard resets to). */
    openBatch: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ attempt: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1), baseSha: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{7,64}$/) })
        .optional(),
    effects: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), effectSchema),
    /** The router's breaker, cooldown and probe state (`Router.exportState()`), restored on resume. */
    fleet: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    /** The run's counters at this checkpoint (`metrics.json` is their view), restored on resume. */
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    /** Why the run stopped early, for the recovery record; redacted. */
    interruption: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ reason: text(200), at: time, error: text(4_000).optional() }).optional(),
    /** How many times this run was resumed. */
    resumes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
});
/** A run that can be resumed: not finished one way or another. */
function isUnfinished(state) {
    return state.status === 'running' || state.status === 'interrupted';
}


/***/ })

};
