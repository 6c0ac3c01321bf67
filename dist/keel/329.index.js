export const id = 329;
export const ids = [329,975,594];
export const modules = {

/***/ 91975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   Q3: () => (/* binding */ writeFileAtomicSync),
/* harmony export */   n1: () => (/* binding */ isTempFile),
/* harmony export */   s0: () => (/* binding */ pathExists),
/* harmony export */   writeFileAtomic: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17594);
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
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path);
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await writeSynced(temp, data);
    }
    catch (error) {
        // The hot path never pays for mkdir: only a missing directory (first write, or a user who cleaned up)
        // makes us create it and try once more.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error) !== 'ENOENT')
            throw await withoutTemp(temp, error);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
        try {
            await writeSynced(temp, data);
        }
        catch (again) {
            throw await withoutTemp(temp, again);
        }
    }
    try {
        options.beforeRename?.();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, path);
    }
    catch (error) {
        throw await withoutTemp(temp, error);
    }
    if (options.syncDir !== false)
        await syncDirectory(dir);
}
/**
 * `writeFileAtomic` without awaiting anything, for the one moment there is no time to (a forced exit): temp
 * file, fsync, rename. No directory fsync and no directory creation: the directory exists by then.
 */
function writeFileAtomicSync(path, data, options = {}) {
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx');
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, data);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        options.beforeRename?.();
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
    }
    catch (error) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(temp);
        }
        catch {
            // never created, or renamed already
        }
        throw error;
    }
}
/** A name `writeFileAtomic` uses for its temp files (for sweeping orphans left by a killed process). */
function isTempFile(name) {
    return /\.\d+-[0-9a-f]{12}\.tmp$/.test(name);
}
async function writeSynced(path, data) {
    // 'wx': a temp name that somehow exists is someone else's file, not ours to truncate.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'wx');
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function withoutTemp(temp, error) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temp).catch(() => undefined);
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
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(dir, 'r');
        await handle.sync();
    }
    catch (error) {
        const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error);
        if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP')
            throw error;
    }
    finally {
        await handle?.close();
    }
}
/** Whether anything (a file, a directory) is at `path`; an unreadable parent counts as nothing there. */
async function pathExists(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path).then(() => true, () => false);
}
/** Reads and parses a JSON file. Never throws: what to do about a bad file is the caller's decision. */
async function readJsonFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path, 'utf8');
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error) === 'ENOENT' ? 'missing' : 'unreadable';
        return { ok: false, reason, detail: `${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}` };
    }
    try {
        return { ok: true, value: JSON.parse(text), text };
    }
    catch (error) {
        return { ok: false, reason: 'not-json', detail: `${path}: not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)})`, text };
    }
}


/***/ }),

/***/ 17594:
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

/***/ 33071:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IR: () => (/* binding */ FileLock),
/* harmony export */   XB: () => (/* binding */ LockTimeoutError),
/* harmony export */   iz: () => (/* binding */ parseHolder),
/* harmony export */   jW: () => (/* binding */ isProcessAlive)
/* harmony export */ });
/* unused harmony exports DEFAULT_LOCK_ATTEMPTS, DEFAULT_LOCK_BACKOFF_MS, DEFAULT_STALE_LOCK_MS, lockBackoff */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74743);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17594);
/**
 * An inter-process lock as a file, with bounded retries (5 attempts, exponential backoff from
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
        this.#clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_4__/* .systemClock */ .ml;
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
        // Ours before the link: another FileLock of this process may read the lock between the link and its
        // callback, and must not judge our pid with an unknown token a dead predecessor's.
        heldTokens.add(holder.token);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(temp, path);
            return { kind: 'acquired', token: holder.token };
        }
        catch (error) {
            heldTokens.delete(holder.token);
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
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(this.path);
            }
            catch (error) {
                // Released by its holder since the read: gone, as wanted.
                if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .C)(error) === 'ENOENT')
                    return true;
                throw error;
            }
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
        // The token stays ours until the file is gone: another FileLock of this process that reads the lock
        // meanwhile must see a live holder, not a dead predecessor's pid to take over.
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
        finally {
            heldTokens.delete(token);
        }
    }
}
/**
 * Creates `path` with `text`, or throws — and then leaves no file behind: on a full disk the create
 * succeeds and the write fails, and an empty holder file would stay for good (a temp file nobody sweeps, or
 * a lock judged only by its age).
 */
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
    catch (error) {
        await handle.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(path).catch(() => undefined);
        throw error;
    }
    await handle.close();
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


/***/ })

};
