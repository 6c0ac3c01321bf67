export const id = 150;
export const ids = [150,594,975];
export const modules = {

/***/ 1975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readJsonFile),
/* harmony export */   n: () => (/* binding */ isTempFile),
/* harmony export */   writeFileAtomic: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7594);
/**
 * Files that are either the old version or the new one, never half of either: the checkpoint, the manifest,
 * the metrics, the heartbeat, effect records, the fleet state. One implementation for all of them.
 *
 * `writeFileAtomic` writes a temp file in the target's directory (a rename is only atomic within one file
 * system), fsyncs it, renames it over the target and fsyncs the directory so the rename itself survives a
 * power cut. A SIGKILL at any instant leaves the old target or the new one, plus at worst an orphaned
 * `*.tmp` beside it (callers that own a directory under a lock may sweep those; see `isTempFile`).
 */




/** Replaces `path` with `data` atomically. Creates the parent directory when it is missing. */
async function writeFileAtomic(path, data, options = {}) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await writeSynced(temp, data);
    }
    catch (error) {
        // The hot path never pays for mkdir: only a missing directory (first write, or a user who cleaned up)
        // makes us create it and try once more.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error) !== 'ENOENT')
            throw await withoutTemp(temp, error);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
        try {
            await writeSynced(temp, data);
        }
        catch (again) {
            throw await withoutTemp(temp, again);
        }
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
    }
    catch (error) {
        throw await withoutTemp(temp, error);
    }
    if (options.syncDir !== false)
        await syncDirectory(dir);
}
/** A name `writeFileAtomic` uses for its temp files (for sweeping orphans left by a killed process). */
function isTempFile(name) {
    return /\.\d+-[0-9a-f]{12}\.tmp$/.test(name);
}
async function writeSynced(path, data) {
    // 'wx': a temp name that somehow exists is someone else's file, not ours to truncate.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx');
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function withoutTemp(temp, error) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(temp).catch(() => undefined);
    return error;
}
/**
 * Directories cannot be opened on Windows and some file systems refuse fsync on them (EINVAL); there the
 * rename is as durable as the platform makes it. Any other failure (EIO) is real and is thrown.
 */
async function syncDirectory(dir) {
    if (process.platform === 'win32')
        return;
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(dir, 'r');
        await handle.sync();
    }
    catch (error) {
        const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error);
        if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP')
            throw error;
    }
    finally {
        await handle?.close();
    }
}
/** Reads and parses a JSON file. Never throws: what to do about a bad file is the caller's decision. */
async function readJsonFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error) === 'ENOENT' ? 'missing' : 'unreadable';
        return { ok: false, reason, detail: `${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error)}` };
    }
    try {
        return { ok: true, value: JSON.parse(text), text };
    }
    catch (error) {
        return { ok: false, reason: 'not-json', detail: `${path}: not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error)})`, text };
    }
}


/***/ }),

/***/ 7594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ errorCode),
/* harmony export */   formatFatal: () => (/* binding */ formatFatal),
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Last-resort error text for the CLI: the message and, for unexpected errors, the stack. */
function formatFatal(error) {
    if (error instanceof Error) {
        const named = error;
        // Errors we raise on purpose (config, router exhaustion) read better without a stack.
        if (named.expected === true)
            return `keel: ${error.message}\n`;
        return `keel: ${error.stack ?? error.message}\n`;
    }
    return `keel: ${String(error)}\n`;
}


/***/ }),

/***/ 3071:
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
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4743);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7594);
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
    /**
     * One attempt, no waiting (a stale lock is still taken over): the lock with its release, or undefined when
     * someone holds it. For locks held across long work that is not a callback (a request's slot lease).
     */
    async tryHold() {
        const outcome = await this.#tryAcquire();
        if (outcome.kind !== 'acquired')
            return undefined;
        return { release: () => this.#release(outcome.token) };
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
            const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error);
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
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error) === 'EEXIST')
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
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error) === 'ENOENT')
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
                if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error) === 'ENOENT')
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
            this.#log({ type: 'lock_lost', lock: path, detail: (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(error) });
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
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error) !== 'ENOENT')
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
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error) === 'EPERM';
    }
}


/***/ }),

/***/ 6893:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ runHeartbeat),
/* harmony export */   PR: () => (/* binding */ readHeartbeatFile),
/* harmony export */   dt: () => (/* binding */ readHeartbeat),
/* harmony export */   s1: () => (/* binding */ isHeartbeatStale)
/* harmony export */ });
/* unused harmony export DEFAULT_MANIFEST_EVERY_MS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4743);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7594);
/* harmony import */ var _atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1975);
/* harmony import */ var _state_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8747);
/**
 * The heartbeat: proof of life for watchdogs and for a second process wondering whether a run is still
 * going. An awaited loop (seed 004 replaced a `setInterval` whose un-awaited writes overlapped and whose
 * rejections went unseen): each tick writes `.heartbeat` (`{ pid, at }`), and the manifest when the last
 * manifest write is `manifestEveryMs` old or older — forced then even if nothing changed, so the
 * manifest's file time also says the run is alive. A failed write is logged and simply tried again at
 * the next tick; the loop never throws and ends promptly when its signal aborts.
 */





const DEFAULT_MANIFEST_EVERY_MS = 30_000;
/** Runs until `signal` aborts. Ticks are spaced from their start: the interval is the period. */
async function runHeartbeat(options) {
    const { runDir, intervalMs, signal } = options;
    const clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
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
        const tickAt = clock.now();
        const beat = { pid: process.pid, at: tickAt };
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
    const read = await (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readJsonFile */ .J)(path);
    if (!read.ok || read.value === null || typeof read.value !== 'object')
        return undefined;
    const { pid, at } = read.value;
    if (!Number.isInteger(pid) || typeof at !== 'number' || !Number.isFinite(at))
        return undefined;
    return { pid: pid, at };
}
/** A heartbeat older than `maxAgeMs` (or none at all) means nobody is running this run. */
function isHeartbeatStale(heartbeat, now, maxAgeMs) {
    return heartbeat === undefined || now - heartbeat.at > maxAgeMs;
}


/***/ }),

/***/ 9150:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  daemonCommand: () => (/* binding */ daemonCommand),
  parseDaemonArgs: () => (/* binding */ parseDaemonArgs),
  runDaemon: () => (/* binding */ runDaemon)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/base/secrets.js
var base_secrets = __webpack_require__(3516);
// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(5024);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(8747);
;// CONCATENATED MODULE: ./lib/daemon/daemon-children.js
/**
 * What `keel daemon` supervises, built from the lanes file: per lane one
 * `keel lane --lane <name> --lanes FILE --queue-file … --queue-state-file … [--persistent] [--config FILE]
 * <lane.args>`, and with `--guard` one `keel guard loop --lanes FILE [--config FILE]`. Each runs as
 * `node <entry> …`: the same keel as the daemon (`process.argv[1]`), or whatever `--entry` names (tests
 * point it at stand-in scripts, since lanes and the guard have their own tests).
 *
 * Heartbeats: each child is told its file in `KEEL_HEARTBEAT_FILE` (set by the watchdog) and must rewrite
 * it with `{ pid, at }` well within the max age — `runHeartbeat({ runDir: dirname(file) })` does. The files
 * live at `<stateDir>/lanes/<lane>/.heartbeat` (beside the lane's default pause flag) and
 * `<stateDir>/guard/.heartbeat`.
 */

/** Restart a child whose heartbeat has not changed for 2 minutes. */
const DEFAULT_HEARTBEAT_MAX_AGE_MS = 120_000;
function laneChildName(lane) {
    return `lane-${lane}`;
}
const GUARD_CHILD_NAME = 'guard';
function daemonChildren(options) {
    const { lanes, nodePath, entry, cwd, env, heartbeatMaxAgeMs } = options;
    const config = options.configPath !== undefined ? ['--config', options.configPath] : [];
    const heartbeat = (file, maxAgeMs) => heartbeatMaxAgeMs > 0 ? { heartbeat: { file, maxAgeMs } } : {};
    const children = lanes.lanes.map((lane) => ({
        name: laneChildName(lane.name),
        command: nodePath,
        args: [
            entry,
            'lane',
            '--lane',
            lane.name,
            // The lane reads its state dir, pause flag and the owner allow-list (every lane name) from it, so it
            // and the guard agree on where `<stateDir>/lanes/<name>/` is.
            '--lanes',
            options.lanesPath,
            '--queue-file',
            lane.queueFile,
            '--queue-state-file',
            lane.queueStateFile,
            // A lane that is not persistent exits once its queue is drained; the watchdog then restarts it after
            // the backoff, which turns it into a poller that slows down while there is nothing to do.
            ...(lane.persistent ? ['--persistent'] : []),
            ...config,
            ...lane.args,
        ],
        cwd,
        env,
        ...heartbeat((0,state_layout/* stateLayout */.G)(lanes.stateDir).lane(lane.name).heartbeat, heartbeatMaxAgeMs),
    }));
    if (options.guard) {
        children.push({
            name: GUARD_CHILD_NAME,
            command: nodePath,
            args: [entry, 'guard', 'loop', '--lanes', options.lanesPath, ...config],
            cwd,
            env,
            // A guard that beats once per cycle must not be judged on a shorter clock than its own.
            ...heartbeat((0,state_layout/* stateLayout */.G)(lanes.stateDir).guard.heartbeat, Math.max(heartbeatMaxAgeMs, 3 * lanes.guard.cycleIntervalMs)),
        });
    }
    return children;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(4743);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(7594);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(1975);
// EXTERNAL MODULE: ./lib/base/file-lock.js
var file_lock = __webpack_require__(3071);
;// CONCATENATED MODULE: ./lib/daemon/daemon-lock.js
/**
 * One daemon per state directory: `<stateDir>/daemon/daemon.pid` names the daemon that owns it
 * (`{ pid, host, at, token, identity }`) for as long as it runs. Two daemons on one state dir would start
 * every lane twice.
 *
 * Unlike `base/file-lock.ts` (short critical sections, taken over after 30 s), this lock is held for days,
 * so age means nothing: the holder is judged only by whether it is still alive. A lock whose pid is dead on
 * this host is taken over at once (the daemon was SIGKILLed, OOM-killed, the box lost power). Pids are
 * reused, after a reboot almost certainly, so on Linux the holder also records its boot id and its start
 * time (`/proc/self/stat`): a live pid with another identity is a stranger and the lock is stale. A lock
 * written on another host (a shared file system) cannot be judged and is respected.
 *
 * Checking and writing happen under a short `FileLock` (`daemon.pid.guard`), so two daemons starting at
 * the same moment — or both seeing the same dead holder — cannot both win.
 */








/** Tokens of the daemon locks held by this process (a second in-process daemon must be refused too). */
const heldTokens = new Set();
async function acquireDaemonLock(path, clock = base_clock/* systemClock */.m) {
    const guard = new file_lock/* FileLock */.IR({ path: `${path}.guard`, clock });
    const result = await guard.withLock(async () => {
        const current = await readHolder(path);
        let tookOver;
        if (current.kind === 'holder') {
            if (holderAlive(current.holder))
                return { ok: false, reason: 'held', holder: current.holder };
            tookOver = { holder: current.holder, reason: 'dead' };
        }
        else if (current.kind === 'unreadable') {
            // Written atomically under the guard, so this is damage, not a write in progress.
            tookOver = { reason: 'unreadable' };
        }
        const identity = processIdentity(process.pid);
        const holder = {
            pid: process.pid,
            host: (0,external_node_os_.hostname)(),
            at: clock.now(),
            token: (0,external_node_crypto_.randomBytes)(8).toString('hex'),
            ...(identity !== undefined ? { identity } : {}),
        };
        await (0,atomic_file.writeFileAtomic)(path, `${JSON.stringify(holder)}\n`);
        heldTokens.add(holder.token);
        return { ok: true, lock: ownLock(path, holder), ...(tookOver ? { tookOver } : {}) };
    });
    return result.ok ? result.value : { ok: false, reason: 'busy' };
}
function ownLock(path, holder) {
    return {
        path,
        holder,
        release: async () => {
            if (!heldTokens.delete(holder.token))
                return;
            try {
                const current = await readHolder(path);
                // Nobody takes over a live daemon's lock, but a human may have removed it and another daemon
                // started since: that one is not ours to remove.
                if (current.kind === 'holder' && current.holder.token === holder.token)
                    await (0,promises_.unlink)(path);
            }
            catch {
                // A lock left behind names a dead pid: the next daemon takes it over.
            }
        },
    };
}
async function readHolder(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if ((0,errors/* errorCode */.C)(error) === 'ENOENT')
            return { kind: 'none' };
        throw error;
    }
    // The file lock's holder fields, plus the daemon's own `identity` (optional, a string when there).
    const holder = (0,file_lock/* parseHolder */.iz)(text);
    if (holder && (holder.identity === undefined || typeof holder.identity === 'string')) {
        return { kind: 'holder', holder: holder };
    }
    return { kind: 'unreadable' };
}
function holderAlive(holder) {
    if (holder.host !== (0,external_node_os_.hostname)())
        return true;
    // Our own pid: alive only if this very process holds that token (else an earlier process had our pid —
    // routine in containers, where the daemon is often pid 1 every time).
    if (holder.pid === process.pid)
        return heldTokens.has(holder.token);
    if (!(0,file_lock/* isProcessAlive */.jW)(holder.pid))
        return false;
    if (holder.identity === undefined)
        return true;
    const now = processIdentity(holder.pid);
    return now === undefined || now === holder.identity;
}
/**
 * `<boot id>:<start time in clock ticks>` of a process on Linux: stable for the life of the process and
 * different for any later process with the same pid. Undefined where /proc does not tell.
 */
function processIdentity(pid) {
    try {
        const bootId = (0,external_node_fs_.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8').trim();
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const startTime = fields[19]; // field 22 of proc(5)
        return bootId && startTime ? `${bootId}:${startTime}` : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./lib/lanes/lanes-file.js
var lanes_file = __webpack_require__(8807);
// EXTERNAL MODULE: ./lib/base/heartbeat.js
var heartbeat = __webpack_require__(6893);
;// CONCATENATED MODULE: ./lib/daemon/watchdog-backoff.js
/**
 * When the watchdog may restart a child: pure arithmetic, so that tests can check it without processes and
 * the watchdog can be driven by a fake clock.
 *
 * Every end of a child counts as a failure, whatever its exit code: a supervised lane or guard is meant to
 * run forever, so even a clean exit is a restart (seed 001: the guard and heartbeat daemons are restarted
 * if they die). The n-th consecutive failure waits `initialMs × 2^(n−1)`, capped at `maxMs`: 1 s, 2 s,
 * 4 s … 60 s. A crash loop therefore settles at one start a minute instead of spinning.
 *
 * The count starts over when the incarnation that just ended had been healthy for `resetAfterMs` (60 s by
 * default, one full maximum backoff): a lane that ran for an hour and then died is restarted after 1 s, not
 * after the 60 s its crash loop last week earned it. "Healthy" is the time the child was known to be alive:
 * up to its last observed heartbeat when it is watched by one (a child that hung at once and was killed for
 * its stale heartbeat was never healthy), its whole uptime otherwise.
 */
const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 60_000, resetAfterMs: 60_000 };
/** The delay before the restart that follows the `failures`-th consecutive failure (failures ≥ 1). */
function restartDelay(failures, policy) {
    const exponent = Math.max(0, Math.floor(failures) - 1);
    // 2^exponent overflows to Infinity long after the cap is reached; min() keeps it finite.
    return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(exponent, 52));
}
/** The consecutive-failure count after an incarnation that was healthy for `healthyMs` ended. */
function failuresAfterExit(previous, healthyMs, policy) {
    return healthyMs >= policy.resetAfterMs ? 1 : previous + 1;
}

// EXTERNAL MODULE: ./lib/telemetry/rotating-file.js
var rotating_file = __webpack_require__(7154);
;// CONCATENATED MODULE: ./lib/daemon/supervised-log.js
/**
 * Where a supervised child's stdout and stderr go: `<stateDir>/daemon/logs/<child>.log`, rotated by size
 * (`x.log` → `x.1.log` → … → `x.<keep>.log`, the oldest dropped), so a chatty lane that runs for weeks
 * fills at most `maxBytes × (keep + 1)` of disk.
 *
 * Writes go through one promise chain (never interleaved, rotation never races an append). The caller
 * pauses the child's pipe until its chunk is written, so a child that prints faster than the disk takes
 * it is slowed down instead of filling our memory. Like the event log, a failing log never takes the
 * daemon down: `write` never rejects, the first failure is reported once, later ones are dropped.
 */

const DEFAULT_CHILD_LOG_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_CHILD_LOG_KEEP = 3;
class SupervisedLog {
    path;
    #maxBytes;
    #file;
    #warn;
    #chain = Promise.resolve();
    #warned = false;
    constructor(options) {
        this.path = options.path;
        this.#maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_CHILD_LOG_MAX_BYTES);
        this.#file = new rotating_file/* RotatingFile */.l(this.path, this.#maxBytes, options.keep ?? DEFAULT_CHILD_LOG_KEEP);
        this.#warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
    }
    /** Queues the bytes; resolves once they are written (or dropped after a failure). Never rejects. */
    write(chunk) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        const next = this.#chain.then(() => this.#write(bytes));
        this.#chain = next;
        return next;
    }
    /** Resolves when everything written so far is on disk. */
    flush() {
        return this.#chain;
    }
    async #write(chunk) {
        // One chunk bigger than a whole file keeps its end: the last words before a crash matter most.
        const bytes = chunk.length > this.#maxBytes ? chunk.subarray(chunk.length - this.#maxBytes) : chunk;
        try {
            await this.#file.append(bytes);
        }
        catch (error) {
            if (this.#warned)
                return;
            this.#warned = true;
            this.#warn(`keel: child log ${this.path} failed, further output may be lost: ${String(error)}`);
        }
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./lib/exec/process-group.js
var process_group = __webpack_require__(594);
;// CONCATENATED MODULE: ./lib/daemon/supervised-process.js
/**
 * One incarnation of a supervised child: spawned as the leader of its own process group (so that stopping
 * it reaches whatever it started, see `exec/process-group.ts`), its stdout and stderr streamed into its
 * log, its exit observed. The watchdog decides when to start and stop; this module only knows how.
 *
 * Stopping is bounded: SIGTERM to the group, then — when the leader or anything else in the group is still
 * there after `graceMs` on the injected clock — SIGKILL to the group. The same stop also runs after a child
 * died on its own, because a crashed lane's own children (a validation command, a git process) are
 * leftovers of the crash and must not run on beside its replacement. Only groups this module spawned are
 * ever signalled.
 */


/** While waiting for a group's leftovers to go (they are not our children: nothing tells us). */
const GROUP_POLL_MS = 50;
class SupervisedProcess {
    /** Undefined when the spawn failed; `exited` then resolves at once with the error. */
    pid;
    /** Resolves when the leader has exited (and been reaped). Never rejects. */
    exited;
    #child;
    #closed;
    #log;
    #exit;
    constructor(child, log, spawnError) {
        this.#child = child;
        this.#log = log;
        this.pid = child?.pid;
        if (child === undefined || child.pid === undefined) {
            // Synchronous refusal, or an asynchronous one ('error' without a pid: ENOENT, EACCES) below.
            let settle;
            this.exited = new Promise((resolve) => (settle = resolve));
            this.#closed = Promise.resolve();
            if (spawnError !== undefined)
                settle(this.#record({ code: null, signal: null, error: spawnError }));
            child?.once('error', (error) => settle(this.#record({ code: null, signal: null, error: error.message })));
            return;
        }
        this.exited = new Promise((resolve) => {
            child.once('exit', (code, signal) => resolve(this.#record({ code, signal })));
        });
        this.#closed = new Promise((resolve) => child.once('close', () => resolve()));
        // After a successful spawn, 'error' only reports a failed kill() or a stdio problem: 'exit' still follows.
        child.on('error', () => undefined);
        if (child.stdout)
            this.#pipe(child.stdout);
        if (child.stderr)
            this.#pipe(child.stderr);
    }
    /** Starts the child. Never throws: a spawn that fails is a process that exited at once, with `error`. */
    static spawn(spec, log) {
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(spec.command, [...spec.args], {
                cwd: spec.cwd,
                env: spec.env,
                // Its own process group (and session: no controlling terminal, so Ctrl-C in the daemon's terminal
                // reaches the daemon only, which then stops the children in order).
                detached: true,
                stdio: ['ignore', log ? 'pipe' : 'ignore', log ? 'pipe' : 'ignore'],
                windowsHide: true,
            });
        }
        catch (error) {
            return new SupervisedProcess(undefined, log, error instanceof Error ? error.message : String(error));
        }
        return new SupervisedProcess(child, log);
    }
    /** The exit, once the leader has exited. */
    get exit() {
        return this.#exit;
    }
    /**
     * Ends the child and everything left in its group; resolves once the leader has exited and its output is
     * in the log. Safe to call after the child died on its own (then it only sweeps leftovers) and twice.
     */
    async stop(graceMs, clock) {
        const pid = this.pid;
        if (pid === undefined)
            return { escalated: false };
        let escalated = false;
        // Before the exit is seen the leader is at worst a zombie, so its pid (= the group id) cannot have been
        // reused; after it, only a group that still has members is signalled.
        if (this.#exit === undefined || (0,process_group/* groupAlive */.x)(pid)) {
            (0,process_group/* signalGroup */.i)(pid, 'SIGTERM');
            const gone = await within(graceMs, clock, async (signal) => {
                await this.exited;
                while ((0,process_group/* groupAlive */.x)(pid))
                    await clock.sleep(GROUP_POLL_MS, signal);
            });
            if (!gone) {
                (0,process_group/* signalGroup */.i)(pid, 'SIGKILL');
                escalated = true;
                await this.exited;
            }
        }
        // A descendant that left the group (setsid) may still hold our pipes: give it the grace, then let go.
        if (!(await within(graceMs, clock, () => this.#closed))) {
            this.#child?.stdout?.destroy();
            this.#child?.stderr?.destroy();
        }
        await this.#log?.flush();
        return { escalated };
    }
    #record(exit) {
        this.#exit ??= exit;
        return this.#exit;
    }
    #pipe(stream) {
        const log = this.#log;
        if (!log)
            return;
        stream.on('data', (chunk) => {
            // Backpressure: the child blocks on a full pipe while its last chunk is being written.
            stream.pause();
            void log.write(chunk).then(() => stream.resume());
        });
        stream.on('error', () => undefined);
    }
}
/**
 * Runs `work` against a deadline of `ms` on `clock`; true when it finished first. The loser is cancelled
 * (its sleep aborted), so no timer outlives the call.
 */
async function within(ms, clock, work) {
    const controller = new AbortController();
    try {
        return await Promise.race([
            work(controller.signal).then(() => true, () => true),
            clock.sleep(ms, controller.signal).then(() => false, () => true),
        ]);
    }
    finally {
        controller.abort();
    }
}

;// CONCATENATED MODULE: ./lib/daemon/watchdog-status.js
/**
 * `<stateDir>/daemon/status.json`: what the watchdog is doing right now, for `cat`, for scripts and for the
 * next daemon. Rewritten atomically on every change of state; writes are coalesced (while one is on its
 * way, later changes wait and only the newest snapshot follows), so a crash loop costs one write per
 * change, never a queue of stale snapshots.
 */


class StatusWriter {
    path;
    #onError;
    #pending;
    #writing;
    constructor(path, onError) {
        this.path = path;
        this.#onError = onError;
    }
    /** Schedules `status` to be written; resolves when it (or a newer snapshot) is on disk. Never rejects. */
    write(status) {
        this.#pending = `${JSON.stringify(status, null, 2)}\n`;
        this.#writing ??= this.#drain();
        return this.#writing;
    }
    /** Resolves when nothing is waiting to be written. */
    async flush() {
        while (this.#writing)
            await this.#writing;
    }
    async #drain() {
        try {
            while (this.#pending !== undefined) {
                const text = this.#pending;
                this.#pending = undefined;
                try {
                    // A status file is disposable: no directory fsync per change.
                    await (0,atomic_file.writeFileAtomic)(this.path, text, { syncDir: false });
                }
                catch (error) {
                    this.#onError((0,errors/* errorMessage */.g)(error));
                }
            }
        }
        finally {
            this.#writing = undefined;
        }
    }
}

;// CONCATENATED MODULE: ./lib/daemon/watchdog.js
/**
 * The watchdog: keeps named child processes alive (seed 001: "guard and heartbeat daemons are
 * automatically restarted if they die"). Each child runs in a loop of its own:
 *
 *   start → run until it exits, its heartbeat goes stale, or shutdown → stop its group → wait the backoff
 *
 * - Any end is a failure and is followed by a restart after the backoff of `watchdog-backoff.ts` (1, 2, 4 …
 *   60 s, reset after 60 s of health). The wait is a `clock.sleep` that only shutdown interrupts: a child
 *   that crashes at once is restarted no faster than its backoff allows, so a crash loop never spins.
 * - A child may be watched by a heartbeat file (`{ pid, at }`, as `base/heartbeat.ts` writes; its path is
 *   in the child's `KEEL_HEARTBEAT_FILE`). After a start-up grace, a heartbeat the watchdog has not seen
 *   change for `maxAgeMs` means the child is hung: it is stopped like a dead one and restarted. Freshness is
 *   measured on the watchdog's clock (when it saw `at` change), not by comparing the child's `at` with our
 *   clock: the verdict then does not depend on two processes agreeing about the time, and a fake clock in
 *   tests drives it like everything else. The file is removed before each start, so a beat left by the
 *   previous incarnation cannot vouch for the new one.
 * - Every start, exit, stale heartbeat, escalation to SIGKILL and scheduled restart is an event, and the
 *   status snapshot is rewritten on every change of state.
 * - On shutdown (the signal aborts) every child is stopped at once, in parallel — SIGTERM to its group,
 *   SIGKILL after `stopGraceMs` — and `run` resolves with the final status once all are gone.
 */








/** The environment variable that tells a supervised child where to write its heartbeat. */
const HEARTBEAT_FILE_ENV = 'KEEL_HEARTBEAT_FILE';
/** SIGTERM → SIGKILL, for a stale child and on shutdown. Lanes checkpoint on SIGTERM; this is their time. */
const DEFAULT_STOP_GRACE_MS = 10_000;
/** How often a seen heartbeat alone rewrites the status file. */
const HEARTBEAT_STATUS_EVERY_MS = 30_000;
const CHILD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
class Watchdog {
    #clock;
    #slots;
    #backoff;
    #stopGraceMs;
    #options;
    #statusWriter;
    #state = 'running';
    #startedAt;
    #running = false;
    constructor(options) {
        this.#options = options;
        this.#clock = options.clock ?? base_clock/* systemClock */.m;
        this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
        this.#stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
        this.#startedAt = this.#clock.now();
        const names = new Set();
        this.#slots = options.children.map((spec) => {
            // Programmer errors (the daemon builds these names), so they are thrown, not reported.
            if (!CHILD_NAME.test(spec.name))
                throw new Error(`watchdog: bad child name "${spec.name}"`);
            if (names.has(spec.name))
                throw new Error(`watchdog: child "${spec.name}" named twice`);
            names.add(spec.name);
            const logFile = (0,external_node_path_.join)(options.logDir, `${spec.name}.log`);
            return {
                spec,
                log: new SupervisedLog({ path: logFile, maxBytes: options.logMaxBytes, keep: options.logKeep }),
                status: {
                    name: spec.name,
                    pid: null,
                    state: 'stopped',
                    restarts: 0,
                    failures: 0,
                    startedAt: null,
                    lastExit: null,
                    nextRestartAt: null,
                    lastHeartbeatSeenAt: null,
                    logFile,
                },
            };
        });
        this.#statusWriter = new StatusWriter(options.statusFile, (error) => this.#emit({ type: 'status_write_failed', error }));
    }
    /** A copy of the current status. */
    status() {
        return {
            pid: process.pid,
            state: this.#state,
            startedAt: this.#startedAt,
            updatedAt: this.#clock.now(),
            children: this.#slots.map((slot) => ({
                ...slot.status,
                lastExit: slot.status.lastExit ? { ...slot.status.lastExit } : null,
            })),
        };
    }
    /**
     * Starts every child and keeps them alive until `signal` aborts; then stops them all and resolves with
     * the final status (written to the status file before it resolves). Runs once per instance.
     */
    async run(signal) {
        if (this.#running)
            throw new Error('watchdog: already running');
        this.#running = true;
        this.#startedAt = this.#clock.now();
        // A bug in one child's loop must not leave the others running unsupervised: it stops them all, and is
        // rethrown once they are gone.
        const stop = new AbortController();
        let failure;
        const onAbort = () => {
            this.#state = 'stopping';
            this.#changed();
            stop.abort(signal.reason);
        };
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        try {
            await Promise.all(this.#slots.map((slot) => this.#supervise(slot, stop.signal).catch((error) => {
                failure ??= { error };
                this.#state = 'stopping';
                stop.abort(error);
            })));
        }
        finally {
            signal.removeEventListener('abort', onAbort);
        }
        this.#state = 'stopped';
        const final = this.status();
        await this.#statusWriter.write(final);
        await this.#statusWriter.flush();
        await Promise.all(this.#slots.map((slot) => slot.log.flush()));
        if (failure)
            throw failure.error;
        return final;
    }
    async #supervise(slot, signal) {
        try {
            let delayMs = 0;
            while (!signal.aborted) {
                if (delayMs > 0) {
                    slot.status.state = 'backoff';
                    slot.status.nextRestartAt = this.#clock.now() + delayMs;
                    this.#changed();
                    try {
                        await this.#clock.sleep(delayMs, signal);
                    }
                    catch {
                        break; // shutdown during the backoff
                    }
                    slot.status.nextRestartAt = null;
                }
                const verdict = await this.#incarnation(slot, signal);
                if (verdict === 'shutdown')
                    break;
                delayMs = restartDelay(slot.status.failures, this.#backoff);
                this.#emit({
                    type: 'child_restart_scheduled',
                    child: slot.spec.name,
                    delayMs,
                    at: this.#clock.now() + delayMs,
                    failures: slot.status.failures,
                });
            }
        }
        finally {
            slot.status.state = 'stopped';
            slot.status.pid = null;
            slot.status.nextRestartAt = null;
            this.#changed();
        }
    }
    /** One start of the child, up to the moment it is gone (group swept, output flushed). */
    async #incarnation(slot, signal) {
        const { spec, status } = slot;
        const heartbeat = spec.heartbeat;
        if (heartbeat)
            await (0,promises_.rm)(heartbeat.file, { force: true }).catch(() => undefined);
        if (signal.aborted)
            return 'shutdown';
        if (status.startedAt !== null)
            status.restarts++;
        const startedAt = this.#clock.now();
        status.startedAt = startedAt;
        status.lastHeartbeatSeenAt = null;
        const env = heartbeat ? { ...(spec.env ?? process.env), [HEARTBEAT_FILE_ENV]: heartbeat.file } : spec.env;
        const child = SupervisedProcess.spawn({ ...spec, env }, slot.log);
        let verdict;
        if (child.pid === undefined) {
            verdict = 'exited';
            await child.exited;
        }
        else {
            const pid = child.pid;
            status.pid = pid;
            status.state = 'running';
            this.#changed();
            let stopped = false;
            try {
                this.#emit({
                    type: 'child_started',
                    child: spec.name,
                    pid,
                    restarts: status.restarts,
                    argv: [spec.command, ...spec.args],
                    logFile: slot.log.path,
                });
                void slot.log.write(`[keel daemon] ${this.#iso()} started pid ${pid} (restart ${status.restarts})\n`);
                verdict = await this.#await(slot, child, startedAt, signal);
                if (verdict !== 'exited') {
                    status.state = 'stopping';
                    this.#changed();
                }
                // Also after an exit of its own: whatever the child left in its group goes with it.
                const { escalated } = await child.stop(this.#stopGraceMs, this.#clock);
                stopped = true;
                if (escalated)
                    this.#emit({ type: 'child_killed', child: spec.name, pid, graceMs: this.#stopGraceMs });
            }
            finally {
                // Whatever went wrong above, no child outlives its supervision.
                if (!stopped)
                    await child.stop(this.#stopGraceMs, this.#clock);
            }
        }
        const exit = child.exit ?? { code: null, signal: null };
        const now = this.#clock.now();
        const reason = child.pid === undefined
            ? 'spawn_failed'
            : verdict === 'stale'
                ? 'stale_heartbeat'
                : verdict === 'shutdown'
                    ? 'shutdown'
                    : 'exited';
        const uptimeMs = now - startedAt;
        if (reason !== 'shutdown') {
            const healthyMs = heartbeat ? (status.lastHeartbeatSeenAt ?? startedAt) - startedAt : uptimeMs;
            status.failures = failuresAfterExit(status.failures, healthyMs, this.#backoff);
        }
        status.lastExit = {
            pid: child.pid ?? null,
            code: exit.code,
            signal: exit.signal,
            reason,
            at: now,
            uptimeMs,
            ...(exit.error !== undefined ? { error: exit.error } : {}),
        };
        status.pid = null;
        status.state = reason === 'shutdown' ? 'stopped' : 'backoff';
        this.#changed();
        this.#emit({
            type: 'child_exited',
            child: spec.name,
            pid: child.pid ?? null,
            reason,
            code: exit.code,
            signal: exit.signal,
            uptimeMs,
            ...(exit.error !== undefined ? { error: exit.error } : {}),
        });
        const how = exit.error ?? (exit.signal !== null ? `signal ${exit.signal}` : `code ${exit.code}`);
        await slot.log.write(`[keel daemon] ${this.#iso()} pid ${child.pid ?? '-'} ended (${reason}): ${how}\n`);
        return verdict;
    }
    /** Whichever comes first: the exit, a stale heartbeat, the shutdown. Leaves no listener or sleep behind. */
    async #await(slot, child, startedAt, signal) {
        const done = new AbortController();
        let onAbort;
        const shutdown = new Promise((resolve) => {
            onAbort = () => resolve('shutdown');
            if (signal.aborted)
                onAbort();
            else
                signal.addEventListener('abort', onAbort, { once: true });
        });
        const racers = [child.exited.then(() => 'exited'), shutdown];
        if (slot.spec.heartbeat)
            racers.push(this.#watchHeartbeat(slot, child, startedAt, done.signal));
        try {
            return await Promise.race(racers);
        }
        finally {
            done.abort();
            if (onAbort)
                signal.removeEventListener('abort', onAbort);
        }
    }
    /** Resolves 'stale' when the heartbeat is judged stale; never resolves otherwise (until cancelled). */
    async #watchHeartbeat(slot, child, startedAt, cancel) {
        const watch = slot.spec.heartbeat;
        const graceMs = watch.startGraceMs ?? watch.maxAgeMs;
        const everyMs = this.#options.heartbeatCheckMs ?? Math.min(5_000, Math.max(100, Math.floor(watch.maxAgeMs / 4)));
        let lastAt;
        let shownAt;
        for (;;) {
            try {
                await this.#clock.sleep(everyMs, cancel);
            }
            catch {
                return new Promise(() => undefined); // cancelled: the race is already decided
            }
            const beat = await (0,heartbeat/* readHeartbeatFile */.PR)(watch.file);
            // Decided while we read (it exited): this read must not touch the status of what comes next.
            if (cancel.aborted)
                return new Promise(() => undefined);
            const now = this.#clock.now();
            if (beat !== undefined && beat.at !== lastAt) {
                // The status file shows it too, but a beat is not a change of state: the first one of an
                // incarnation is written at once, later ones at most every 30 s.
                lastAt = beat.at;
                slot.status.lastHeartbeatSeenAt = now;
                if (shownAt === undefined || now - shownAt >= HEARTBEAT_STATUS_EVERY_MS) {
                    shownAt = now;
                    this.#changed();
                }
            }
            const seenAt = slot.status.lastHeartbeatSeenAt;
            const seen = seenAt === null ? undefined : { pid: beat?.pid ?? 0, at: seenAt };
            if (now - startedAt >= graceMs && (0,heartbeat/* isHeartbeatStale */.s1)(seen, now, watch.maxAgeMs)) {
                this.#emit({
                    type: 'child_heartbeat_stale',
                    child: slot.spec.name,
                    pid: child.pid,
                    lastHeartbeatSeenAt: seenAt,
                    maxAgeMs: watch.maxAgeMs,
                });
                return 'stale';
            }
        }
    }
    #changed() {
        void this.#statusWriter.write(this.status());
    }
    #emit(event) {
        this.#options.onEvent?.(event);
        void this.#options.events?.append(event);
    }
    #iso() {
        return new Date(this.#clock.now()).toISOString();
    }
}

// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(7012);
// EXTERNAL MODULE: ./lib/cli/io.js
var io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/parse-command-args.js
var parse_command_args = __webpack_require__(7851);
// EXTERNAL MODULE: ./lib/cli/project-dir.js + 1 modules
var project_dir = __webpack_require__(1442);
;// CONCATENATED MODULE: ./lib/cli/daemon-command.js
/**
 * `keel daemon --lanes FILE`: on a self-hosted box, runs every lane of the lanes file (and with `--guard`
 * the idle guard) as supervised child processes — restarted with backoff when they die or their heartbeat
 * goes stale — until SIGTERM/SIGINT, then stops them all and exits 0.
 *
 * One daemon per state directory (`<stateDir>/daemon/daemon.pid`); a second one refuses to start, and a
 * lock left by a dead daemon is taken over. Everything it knows is under `<stateDir>/daemon/`:
 * `status.json`, `events.ndjson`, `logs/<child>.log`.
 */












const USAGE = `usage: keel daemon --lanes FILE [--config FILE] [--guard] [--json]

  --lanes FILE               the lanes file: one supervised \`keel lane\` per lane
  --config FILE              keel configuration, passed on to every lane and the guard
  --guard                    also supervise \`keel guard loop --lanes FILE\`
  --json                     print every watchdog event and the final status as JSON lines
  --heartbeat-max-age MS     restart a child whose heartbeat has not changed for this long
                             (default ${DEFAULT_HEARTBEAT_MAX_AGE_MS}; 0 turns heartbeat checks off)
  --stop-grace MS            SIGTERM → SIGKILL when stopping a child (default ${DEFAULT_STOP_GRACE_MS})
  --entry FILE               the script children run as \`node FILE lane …\` (default: this keel)

Children restart after 1, 2, 4 … 60 s (reset after 60 s of health). State, events and child logs are in
<stateDir>/daemon/. SIGTERM or SIGINT stops every child and exits 0.
`;
const OPTIONS = {
    lanes: { type: 'string' },
    config: { type: 'string' },
    guard: { type: 'boolean' },
    json: { type: 'boolean' },
    'heartbeat-max-age': { type: 'string' },
    'stop-grace': { type: 'string' },
    entry: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
function parseDaemonArgs(argv) {
    const { values } = (0,parse_command_args/* parseCommandArgs */.Q)({
        args: argv,
        options: OPTIONS,
        strict: true,
        allowPositionals: false,
    });
    if (values.help)
        return 'help';
    if (values.lanes === undefined)
        throw new io/* UsageError */.e('--lanes FILE is required');
    return {
        lanes: values.lanes,
        ...(values.config !== undefined ? { config: values.config } : {}),
        guard: values.guard ?? false,
        json: values.json ?? false,
        heartbeatMaxAgeMs: milliseconds(values['heartbeat-max-age'], '--heartbeat-max-age', DEFAULT_HEARTBEAT_MAX_AGE_MS),
        stopGraceMs: milliseconds(values['stop-grace'], '--stop-grace', DEFAULT_STOP_GRACE_MS),
        ...(values.entry !== undefined ? { entry: values.entry } : {}),
    };
}
function milliseconds(text, what, fallback) {
    if (text === undefined)
        return fallback;
    const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
    if (!(value >= 0 && value <= 86_400_000))
        throw new io/* UsageError */.e(`${what}: expected milliseconds from 0 to 86400000`);
    return value;
}
/**
 * The configuration the lanes will use, only to know which keys to redact from the daemon's own log. A
 * missing or broken one is the lanes' to report (each child loads it and says why): here it means no keys.
 */
async function configForSecrets(path, io) {
    try {
        return await (0,load/* loadConfig */.Z9)(path !== undefined ? (0,external_node_path_.resolve)(io.cwd, path) : undefined, { cwd: (0,project_dir/* projectDir */.t)(io) });
    }
    catch {
        return undefined;
    }
}
const daemonCommand = (argv, io) => runDaemon(argv, io);
async function runDaemon(argv, io, deps = {}) {
    const args = parseDaemonArgs(argv);
    if (args === 'help') {
        io.stdout(USAGE);
        return 0;
    }
    const lanesPath = (0,external_node_path_.resolve)(io.cwd, args.lanes);
    let lanes;
    try {
        lanes = await (0,lanes_file/* loadLanesFile */.YS)(lanesPath);
    }
    catch (error) {
        if (!(error instanceof lanes_file/* LanesFileError */.Si))
            throw error;
        io.stderr(`keel daemon: ${error.message}\n`);
        return 2;
    }
    const entry = args.entry !== undefined ? (0,external_node_path_.resolve)(io.cwd, args.entry) : process.argv[1];
    if (entry === undefined)
        throw new Error('keel daemon: cannot tell which script runs keel (process.argv[1])');
    const paths = (0,state_layout/* stateLayout */.G)(lanes.stateDir).daemon;
    const locked = await acquireDaemonLock(paths.lock, deps.clock);
    if (!locked.ok) {
        const by = locked.reason === 'held'
            ? `pid ${locked.holder.pid} on ${locked.holder.host}, since ${new Date(locked.holder.at).toISOString()}`
            : 'another daemon starting at this moment';
        io.stderr(`keel daemon: ${lanes.stateDir} already has a daemon (${by}); lock ${paths.lock}\n`);
        return 1;
    }
    const secrets = (0,base_secrets/* collectSecrets */.qb)(await configForSecrets(args.config, io), io.env);
    const events = new event_log/* EventLog */.vu({
        path: paths.events,
        redact: (text) => (0,base_secrets/* redact */.E$)(text, secrets),
        ...(deps.clock ? { clock: deps.clock } : {}),
    });
    const print = (record, human) => io.stdout(args.json ? `${JSON.stringify(record)}\n` : `keel daemon: ${human}\n`);
    try {
        if (locked.tookOver) {
            await events.append({ type: 'daemon_lock_takeover', lock: paths.lock, ...locked.tookOver });
        }
        const children = daemonChildren({
            lanes,
            lanesPath,
            ...(args.config !== undefined ? { configPath: (0,external_node_path_.resolve)(io.cwd, args.config) } : {}),
            guard: args.guard,
            nodePath: process.execPath,
            entry,
            cwd: (0,project_dir/* projectDir */.t)(io),
            env: { ...io.env },
            heartbeatMaxAgeMs: args.heartbeatMaxAgeMs,
        });
        const watchdog = new Watchdog({
            children,
            statusFile: paths.status,
            logDir: paths.logs,
            events,
            onEvent: (event) => {
                deps.onEvent?.(event);
                print(event, describe(event));
            },
            stopGraceMs: args.stopGraceMs,
            ...(deps.clock ? { clock: deps.clock } : {}),
            ...(deps.backoff ? { backoff: deps.backoff } : {}),
            ...(deps.heartbeatCheckMs !== undefined ? { heartbeatCheckMs: deps.heartbeatCheckMs } : {}),
        });
        const started = {
            type: 'daemon_started',
            pid: process.pid,
            stateDir: lanes.stateDir,
            status: paths.status,
            children: children.map((child) => child.name),
        };
        await events.append(started);
        print(started, `pid ${process.pid} supervising ${started.children.join(', ')}; status in ${paths.status}`);
        const final = await watchdog.run(io.signal);
        const stopped = { type: 'daemon_stopped', pid: process.pid, reason: reasonOf(io.signal) };
        await events.append(stopped);
        await events.flush();
        print({ ...final, type: 'daemon_status' }, `stopped (${stopped.reason}); ${final.children.length} children stopped`);
        return 0;
    }
    finally {
        await locked.lock.release();
    }
}
function reasonOf(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason.message : String(reason);
}
function describe(event) {
    switch (event.type) {
        case 'child_started':
            return `${event.child} started (pid ${event.pid}${event.restarts > 0 ? `, restart ${event.restarts}` : ''})`;
        case 'child_exited': {
            const how = event.error ?? (event.signal !== null ? `signal ${event.signal}` : `code ${event.code}`);
            return `${event.child} ended (${event.reason}: ${how}) after ${event.uptimeMs} ms`;
        }
        case 'child_heartbeat_stale':
            return `${event.child} (pid ${event.pid}) has a stale heartbeat (max age ${event.maxAgeMs} ms): stopping it`;
        case 'child_killed':
            return `${event.child} (pid ${event.pid}) ignored SIGTERM for ${event.graceMs} ms: killed`;
        case 'child_restart_scheduled':
            return `${event.child} restarts in ${event.delayMs} ms (failure ${event.failures})`;
        case 'status_write_failed':
            return `could not write the status file: ${event.error}`;
    }
}


/***/ }),

/***/ 594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ signalGroup),
/* harmony export */   x: () => (/* binding */ groupAlive)
/* harmony export */ });
/**
 * Signals for a child that leads its own process group (`spawn(..., { detached: true })`). Signalling the
 * group (`-pid`) reaches the grandchildren too: `npm test` → `sh` → `node` → workers all stop together,
 * instead of the shell dying and its children running on, holding our pipes open.
 */
/** Sends `signal` to the whole group; false when the group no longer exists. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch (error) {
        if (errorCode(error) === 'ESRCH')
            return false;
        // EPERM: a member changed its credentials (setuid). Nothing more we can do for it; say it is alive.
        return true;
    }
}
/** Whether any process is left in the group (signal 0 checks without sending anything). */
function groupAlive(pid) {
    return signalGroup(pid, 0);
}
function errorCode(error) {
    if (typeof error !== 'object' || error === null || !('code' in error))
        return undefined;
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
}


/***/ }),

/***/ 8807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Si: () => (/* binding */ LanesFileError),
/* harmony export */   YS: () => (/* binding */ loadLanesFile)
/* harmony export */ });
/* unused harmony exports laneSchema, guardSchema, lanesFileSchema */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2311);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8747);
/**
 * The lanes file (`keel daemon --lanes FILE`, `keel guard`): which workers exist, the queue each drains,
 * the endpoints each depends on, and — in Actions — the workflow that runs it on which runner labels.
 */





const name = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected letters, digits, ".", "_" or "-"');
const laneSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    name,
    queueFile: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).max(4_096),
    queueStateFile: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).max(4_096),
    /** Endpoint ids (from keel.yml) this lane's models live on: the guard's health floor looks at them. */
    endpoints: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()).max(64).default([]),
    /** `local`: works only with LAN endpoints (seed 001's local-only lanes); `hosted`; `any`. */
    kind: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(['local', 'hosted', 'any']).default('any'),
    /** Keep waiting for new queue lines instead of exiting when the queue is drained. */
    persistent: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY().default(true),
    /** A file whose presence pauses the lane; it holds `{ at, by, reason }`. Default `<stateDir>/lanes/<name>/paused.flag`. */
    pauseFlag: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(4_096).optional(),
    /** Actions: the workflow file the guard dispatches to start this lane, and the runner labels it runs on. */
    workflow: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(255).optional(),
    runnerLabels: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(100)).max(20).default([]),
    /** Extra arguments for the lane's `keel lane` process under the daemon. */
    args: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(4_096)).max(50).default([]),
});
const guardSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    probeIntervalMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive().default(60_000),
    capabilityIntervalMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive().default(900_000),
    cycleIntervalMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive().default(60_000),
    /** A pause flag older than this is stale (seed 001: stale manual pauses starved the fleet). */
    stalePauseMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig()
        .int()
        .positive()
        .default(6 * 3_600_000),
    maxStartsPerCycle: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().min(0).max(100).default(2),
    /** Share of a lane's endpoints that must be healthy before the guard starts it. */
    healthFloor: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().min(0).max(1).default(0.5),
    allow: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(name).default([]),
    deny: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(name).default([]),
    /** Raise `persistent_idle_condition` after this many consecutive idle cycles. */
    idleCyclesBeforeAlert: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().min(1).default(3),
    /** A lane's (or a run's) heartbeat older than this means nobody is running it. */
    heartbeatStaleMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive().default(120_000),
    /**
     * After the guard starts a lane it counts as starting, not idle, this long: a spawned process needs a
     * moment for its first heartbeat, and a dispatched workflow may queue for minutes for a runner.
     */
    startGraceMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive().default(300_000),
    /**
     * Resumes dispatched per cycle. One by default: keel.yml's concurrency group cancels a pending run when
     * another is queued, so a burst of resumes to that workflow would mostly cancel each other.
     */
    maxResumesPerCycle: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().min(0).max(100).default(1),
    /** A resume that did not take (the run is still interrupted, unchanged) is dispatched again after this. */
    resumeRetryMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive().default(3_600_000),
    recycle: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
        enabled: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY().default(false),
        afterMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig()
            .int()
            .positive()
            .default(24 * 3_600_000),
        maxPerCycle: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().min(0).default(5),
        maxPerTask: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().min(0).default(3),
    })
        .prefault({}),
})
    .prefault({});
const lanesFileSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(1),
    stateDir: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(4_096).default(_base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_STATE_DIR */ .mU),
    lanes: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(laneSchema).min(1).max(100),
    guard: guardSchema,
});
class LanesFileError extends Error {
    name = 'LanesFileError';
    expected = true;
}
/** Reads and validates a lanes file; relative paths in it are resolved against the file's directory. */
async function loadLanesFile(path) {
    let raw;
    try {
        raw = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'), { maxAliasCount: 32 });
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
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path));
    const at = (p) => ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? p : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(base, p));
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
                : (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .stateLayout */ .G)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(stateDir)).lane(lane.name).pauseFlag,
        })),
    };
}


/***/ }),

/***/ 7012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vu: () => (/* binding */ EventLog),
/* harmony export */   wj: () => (/* binding */ readEvents)
/* harmony export */ });
/* unused harmony exports DEFAULT_EVENT_LOG_MAX_BYTES, DEFAULT_EVENT_LOG_KEEP */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4743);
/* harmony import */ var _rotating_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7154);
/**
 * `events.ndjson`: one JSON object per line (`{ at, type, … }`), redacted before it is written, rotated by
 * size (`events.ndjson` → `events.1.ndjson` → … → `events.<keep>.ndjson`, the oldest dropped).
 *
 * Appends go through one promise chain, so lines are written one after another — never interleaved or
 * torn, even with a hundred callers at once — and rotation never races an append. Telemetry must not
 * take a run down: `append` never rejects; the first failure is reported on stderr once, later ones are
 * dropped silently.
 */




const DEFAULT_EVENT_LOG_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_EVENT_LOG_KEEP = 3;
/** Deeper structures are cut: an event is a record, not a data dump. */
const MAX_DEPTH = 8;
class EventLog {
    path;
    #file;
    #redact;
    #clock;
    #warn;
    #chain = Promise.resolve();
    #warned = false;
    constructor(options) {
        this.path = options.path;
        this.#file = new _rotating_file_js__WEBPACK_IMPORTED_MODULE_2__/* .RotatingFile */ .l(options.path, options.maxBytes ?? DEFAULT_EVENT_LOG_MAX_BYTES, options.keep ?? DEFAULT_EVENT_LOG_KEEP);
        this.#redact = options.redact;
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
        this.#warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
    }
    /** Queues the event; resolves once it is written (or dropped after a failure). Never rejects. */
    append(event) {
        // Serialised at the call, not when the queue gets to it: the line shows the event as it was then,
        // even if the caller goes on mutating the objects it passed. `at` comes first and is ours.
        let line;
        try {
            const record = { at: 0, ...event };
            record.at = this.#clock.now();
            line = `${JSON.stringify(redactDeep(record, this.#redact, 0))}\n`;
        }
        catch (error) {
            this.#fail(error);
            return this.#chain;
        }
        const next = this.#chain.then(() => this.#write(line));
        this.#chain = next;
        return next;
    }
    /** Resolves when everything appended so far is written. */
    flush() {
        return this.#chain;
    }
    async #write(line) {
        try {
            await this.#file.append(line);
        }
        catch (error) {
            this.#fail(error);
        }
    }
    #fail(error) {
        if (this.#warned)
            return;
        this.#warned = true;
        this.#warn(`keel: event log ${this.path} failed, further events may be lost: ${String(error)}`);
    }
}
function redactDeep(value, redact, depth) {
    if (typeof value === 'string')
        return redact(value);
    if (value === null || typeof value !== 'object')
        return value;
    if (depth >= MAX_DEPTH)
        return '[…]';
    if (value instanceof Error)
        return redact(`${value.name}: ${value.message}`);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item, redact, depth + 1));
    const out = {};
    for (const [key, item] of Object.entries(value))
        out[redact(key)] = redactDeep(item, redact, depth + 1);
    return out;
}
/** Reads one events file (not its rotations). A missing file has no events. */
async function readEvents(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { events: [], badLines: 0 };
        throw error;
    }
    const events = [];
    let badLines = 0;
    for (const line of text.split('\n')) {
        if (line === '')
            continue;
        try {
            const value = JSON.parse(line);
            if (value &&
                typeof value === 'object' &&
                typeof value.type === 'string' &&
                typeof value.at === 'number') {
                events.push(value);
            }
            else {
                badLines++;
            }
        }
        catch {
            badLines++;
        }
    }
    return { events, badLines };
}


/***/ }),

/***/ 7154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ RotatingFile)
/* harmony export */ });
/* unused harmony export rotatedPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/**
 * An append-only file rotated by size: `x.log` → `x.1.log` → … → `x.<keep>.log`, the oldest dropped, so it
 * fills at most `maxBytes × (keep + 1)` of disk. Shared by the event log and the daemon's child logs.
 *
 * Not safe for concurrent `append`s by itself: both users serialise them through one promise chain, so
 * rotation never races an append. An `append` that fails rejects, and the next one asks the disk for the
 * size again (the one believed may be wrong by then).
 */


class RotatingFile {
    path;
    #maxBytes;
    #keep;
    /** Bytes in the current file; read from disk on the first append (a resumed run appends). */
    #size;
    constructor(path, maxBytes, keep) {
        this.path = path;
        this.#maxBytes = Math.max(1, maxBytes);
        this.#keep = Math.max(0, keep);
    }
    async append(data) {
        const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
        try {
            this.#size ??= await sizeOf(this.path);
            if (this.#size > 0 && this.#size + bytes > this.#maxBytes) {
                await this.#rotate();
                this.#size = 0;
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(this.path, data).catch(async (error) => {
                // A directory that does not exist yet (or was cleaned away): create it once and try again.
                if (error.code !== 'ENOENT')
                    throw error;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.path), { recursive: true });
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(this.path, data);
            });
            this.#size += bytes;
        }
        catch (error) {
            this.#size = undefined;
            throw error;
        }
    }
    async #rotate() {
        if (this.#keep === 0) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(this.path, { force: true });
            return;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(rotatedPath(this.path, this.#keep), { force: true });
        for (let index = this.#keep - 1; index >= 1; index--) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(rotatedPath(this.path, index), rotatedPath(this.path, index + 1)).catch(ignoreMissing);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(this.path, rotatedPath(this.path, 1)).catch(ignoreMissing);
    }
}
/** `events.ndjson` → `events.<n>.ndjson`. */
function rotatedPath(path, index) {
    const dot = path.lastIndexOf('.');
    const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return dot > slash + 1 ? `${path.slice(0, dot)}.${index}${path.slice(dot)}` : `${path}.${index}`;
}
async function sizeOf(path) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path)).size;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return 0;
        throw error;
    }
}
function ignoreMissing(error) {
    if (error.code !== 'ENOENT')
        throw error;
}


/***/ })

};
