export const id = 939;
export const ids = [939];
export const modules = {

/***/ 55939:
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
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var base_secrets = __webpack_require__(80991);
// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
;// CONCATENATED MODULE: ./lib/daemon/daemon-children.js
/**
 * What `keel daemon` supervises, built from the lanes file: per lane one
 * `keel lane --lane <name> --lanes FILE --queue-file … --queue-state-file … [--persistent] [--config FILE]
 * <lane.args>`, and with `--guard` one `keel guard loop --lanes FILE [--config FILE]`. Each runs as
 * `node <entry> …`: the same keel as the daemon (`process.argv[1]`), or whatever `--entry` names (tests
 * point it at stand-in scripts, since lanes and the guard have their own tests).
 *
 * A lane that is not persistent runs to an end (`ChildSpec.finishes`): its exit 0 (drained) leaves it
 * finished until the guard's `<stateDir>/lanes/<lane>/start.request` appears.
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
            ...(lane.persistent ? ['--persistent'] : []),
            ...config,
            ...lane.args,
        ],
        cwd,
        env,
        ...heartbeat((0,state_layout/* stateLayout */.G)(lanes.stateDir).lane(lane.name).heartbeat, heartbeatMaxAgeMs),
        // A lane that is not persistent exits 0 once its queue is drained: its work is done, not a crash to
        // back off from. It then waits, finished, for the guard's start request (the guard writes one when the
        // lane's queue holds work again); a persistent lane waits for new lines itself, so any end of it is a
        // failure.
        ...(lane.persistent
            ? {}
            : { finishes: { startRequestFile: (0,state_layout/* stateLayout */.G)(lanes.stateDir).lane(lane.name).startRequest } }),
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
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: ./lib/base/file-lock.js
var file_lock = __webpack_require__(33071);
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
async function acquireDaemonLock(path, clock = base_clock/* systemClock */.ml) {
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

// EXTERNAL MODULE: ./lib/base/heartbeat.js
var heartbeat = __webpack_require__(96893);
;// CONCATENATED MODULE: ./lib/daemon/heartbeat-watch.js

/** Resolves when the heartbeat is judged stale; never resolves once `cancel` aborts. */
async function watchHeartbeat(o) {
    const graceMs = o.watch.startGraceMs ?? o.watch.maxAgeMs;
    let lastAt;
    for (;;) {
        try {
            await o.clock.sleep(o.everyMs, o.cancel);
        }
        catch {
            return new Promise(() => undefined); // cancelled: the race is already decided
        }
        const beat = await (0,heartbeat/* readHeartbeatFile */.PR)(o.watch.file);
        // Decided while we read (it exited): this read must not touch the status of what comes next.
        if (o.cancel.aborted)
            return new Promise(() => undefined);
        const now = o.clock.now();
        if (beat !== undefined && beat.at !== lastAt) {
            lastAt = beat.at;
            o.onBeat(now);
        }
        const seenAt = o.seen();
        const seen = seenAt === null ? undefined : { pid: beat?.pid ?? 0, at: seenAt };
        if (now - o.startedAt >= graceMs && (0,heartbeat/* isHeartbeatStale */.s1)(seen, now, o.watch.maxAgeMs))
            return;
    }
}

;// CONCATENATED MODULE: ./lib/daemon/start-request.js
/**
 * A finished child (see `ChildSpec.finishes`) waits here for its start request: a file that another
 * process — the guard, which sees the lane's queue hold work again — writes. Polled on the watchdog's clock,
 * so tests move time themselves; looked for at once first, because a request may have been written while
 * the child still ran (the watchdog removes the file before each start, so a request is used by one start).
 */


const DEFAULT_START_REQUEST_CHECK_MS = 5_000;
/** True once `file` exists; false when `signal` aborts first (or at once, with no file to wait for). */
async function awaitStartRequest(file, clock, everyMs, signal) {
    if (file === undefined) {
        await (0,base_clock/* untilAborted */.Eu)(signal);
        return false;
    }
    while (!signal.aborted) {
        if (await (0,atomic_file/* pathExists */.s0)(file))
            return true;
        try {
            await clock.sleep(everyMs, signal);
        }
        catch {
            return false;
        }
    }
    return false;
}

;// CONCATENATED MODULE: ./lib/daemon/watchdog-backoff.js
/**
 * When the watchdog may restart a child: pure arithmetic, so that tests can check it without processes and
 * the watchdog can be driven by a fake clock.
 *
 * Every end of a child counts as a failure, whatever its exit code: a supervised persistent lane or guard
 * is meant to run forever, so even a clean exit is a restart. The one exception never reaches this module:
 * the exit 0 of a child that runs to an end (a lane that is not persistent and drained its queue) is
 * `finished`, not a failure (see `ChildSpec.finishes`).
 * The n-th consecutive failure waits `initialMs × 2^(n−1)`, capped at `maxMs`: 1 s, 2 s,
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
var rotating_file = __webpack_require__(37154);
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
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./lib/exec/process-group.js
var process_group = __webpack_require__(20594);
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
 * The watchdog: keeps named child processes alive — the guard and every lane are restarted whenever they
 * die. Each child runs in a loop of its own:
 *
 *   start → run until it exits, its heartbeat goes stale, or shutdown → stop its group → wait the backoff
 *
 * - Any end is a failure and is followed by a restart after the backoff of `watchdog-backoff.ts` (1, 2, 4 …
 *   60 s, reset after 60 s of health). The wait is a `clock.sleep` that only shutdown interrupts: a child
 *   that crashes at once is restarted no faster than its backoff allows, so a crash loop never spins.
 * - Except the exit 0 of a child that runs to an end (`ChildSpec.finishes`: a lane that is not persistent
 *   and drained its queue): it is `finished` — no restart, no failure counted — until its start request
 *   file appears (`start-request.ts`), and then it starts at once.
 * - A child may be watched by a heartbeat file (its path is in the child's `KEEL_HEARTBEAT_FILE`): a
 *   heartbeat not seen to change for `maxAgeMs` after a start-up grace means hung (`heartbeat-watch.ts`),
 *   and the child is stopped like a dead one and restarted. The file is removed before each start, so a beat
 *   left by the previous incarnation cannot vouch for the new one.
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
        this.#clock = options.clock ?? base_clock/* systemClock */.ml;
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
                const ended = await this.#incarnation(slot, signal);
                if (ended === 'shutdown')
                    break;
                if (ended === 'finished') {
                    delayMs = 0;
                    if (await this.#awaitStartRequest(slot, signal))
                        continue;
                    break; // shutdown while finished
                }
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
            // A finished child stays finished in the final status: it ended its work, nobody stopped it.
            if (slot.status.state !== 'finished')
                slot.status.state = 'stopped';
            slot.status.pid = null;
            slot.status.nextRestartAt = null;
            this.#changed();
        }
    }
    /** A finished child's wait for its start request; true when it is to start again. */
    async #awaitStartRequest(slot, signal) {
        const file = slot.spec.finishes?.startRequestFile;
        const everyMs = this.#options.startRequestCheckMs ?? DEFAULT_START_REQUEST_CHECK_MS;
        if (!(await awaitStartRequest(file, this.#clock, everyMs, signal)))
            return false;
        this.#emit({ type: 'child_start_requested', child: slot.spec.name, startRequestFile: file });
        return true;
    }
    /** One start of the child, up to the moment it is gone (group swept, output flushed); how it ended. */
    async #incarnation(slot, signal) {
        const { spec, status } = slot;
        const heartbeat = spec.heartbeat;
        if (heartbeat)
            await (0,promises_.rm)(heartbeat.file, { force: true }).catch(() => undefined);
        // A start request is used by the start it asked for (one written from now on asks for the next one).
        const startRequest = spec.finishes?.startRequestFile;
        if (startRequest !== undefined)
            await (0,promises_.rm)(startRequest, { force: true }).catch(() => undefined);
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
                    : spec.finishes !== undefined && exit.code === 0
                        ? 'finished'
                        : 'exited';
        const uptimeMs = now - startedAt;
        // Work done breaks a crash loop as surely as a minute of health does.
        if (reason === 'finished')
            status.failures = 0;
        else if (reason !== 'shutdown') {
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
        status.state = reason === 'shutdown' ? 'stopped' : reason === 'finished' ? 'finished' : 'backoff';
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
        if (reason === 'finished') {
            this.#emit({ type: 'child_finished', child: spec.name, startRequestFile: startRequest ?? null });
        }
        return reason;
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
        let shownAt;
        await watchHeartbeat({
            watch,
            clock: this.#clock,
            everyMs: this.#options.heartbeatCheckMs ?? Math.min(5_000, Math.max(100, Math.floor(watch.maxAgeMs / 4))),
            startedAt,
            cancel,
            seen: () => slot.status.lastHeartbeatSeenAt,
            onBeat: (now) => {
                // The status file shows it too, but a beat is not a change of state: the first one of an
                // incarnation is written at once, later ones at most every 30 s.
                slot.status.lastHeartbeatSeenAt = now;
                if (shownAt === undefined || now - shownAt >= HEARTBEAT_STATUS_EVERY_MS) {
                    shownAt = now;
                    this.#changed();
                }
            },
        });
        this.#emit({
            type: 'child_heartbeat_stale',
            child: slot.spec.name,
            pid: child.pid,
            lastHeartbeatSeenAt: slot.status.lastHeartbeatSeenAt,
            maxAgeMs: watch.maxAgeMs,
        });
        return 'stale';
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

;// CONCATENATED MODULE: ./lib/daemon/index.js
/** daemon/: what the rest of keel uses of it. */




// EXTERNAL MODULE: ./lib/lanes/index.js + 13 modules
var lib_lanes = __webpack_require__(17528);
// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(77012);
// EXTERNAL MODULE: ./lib/cli/io.js
var io = __webpack_require__(18908);
// EXTERNAL MODULE: ./lib/cli/parse-command-args.js
var parse_command_args = __webpack_require__(57851);
// EXTERNAL MODULE: ./lib/cli/project-dir.js
var project_dir = __webpack_require__(53013);
;// CONCATENATED MODULE: ./lib/cli/daemon-command.js
/**
 * `keel daemon --lanes FILE`: on a self-hosted box, runs every lane of the lanes file (and with `--guard`
 * the idle guard) as supervised child processes — restarted with backoff when they die or their heartbeat
 * goes stale; a lane that is not persistent and exits 0 is finished until the guard asks for it again —
 * until SIGTERM/SIGINT, then stops them all and exits 0.
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

Children restart after 1, 2, 4 … 60 s (reset after 60 s of health). A lane that is not persistent and
exits 0 (drained its queue) is finished, not failed: it starts again when the guard asks for it
(<stateDir>/lanes/<lane>/start.request). State, events and child logs are in <stateDir>/daemon/. SIGTERM or
SIGINT stops every child and exits 0.
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
        lanes = await (0,lib_lanes/* loadLanesFile */.YS)(lanesPath);
    }
    catch (error) {
        if (!(error instanceof lib_lanes/* LanesFileError */.Si))
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
        case 'child_finished':
            return event.startRequestFile === null
                ? `${event.child} finished (exit 0): not restarted`
                : `${event.child} finished (exit 0: drained): not restarted until the guard asks (${event.startRequestFile})`;
        case 'child_start_requested':
            return `${event.child} start requested (${event.startRequestFile}): starting it`;
        case 'status_write_failed':
            return `could not write the status file: ${event.error}`;
    }
}


/***/ })

};
