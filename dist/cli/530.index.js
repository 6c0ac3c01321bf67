export const id = 530;
export const ids = [530];
export const modules = {

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

/***/ 9048:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ newRunId),
/* harmony export */   z: () => (/* binding */ RUN_ID_PATTERN)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/** Run ids: sortable by time, unique enough across runners, valid as a git branch component and a dir name. */

function newRunId(now) {
    const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `${stamp}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`;
}
const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;


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

/***/ 4530:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ startRun)
});

// UNUSED EXPORTS: RunStartError

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(4743);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./lib/base/secrets.js
var base_secrets = __webpack_require__(3516);
// EXTERNAL MODULE: ./lib/exec/capture.js
var capture = __webpack_require__(9815);
// EXTERNAL MODULE: ./lib/exec/process-group.js
var process_group = __webpack_require__(594);
;// CONCATENATED MODULE: ./lib/exec/error-record.js
/**
 * The short, redacted record of a failed command that goes into checkpoints, events and recovery issues. The
 * captured stderr can be 64 KiB; the record keeps its last 8 KiB, because the error is usually at the end.
 */


const STDERR_RECORD_BYTES = 8 * 1024;
const COMMAND_RECORD_CHARS = 2000;
/**
 * `secrets` are the values to redact (the runner already redacted the captured stderr with its own list; the
 * command line was never captured, so it is redacted here: patterns always, values when given).
 */
function commandErrorRecord(spec, result, secrets = []) {
    const stderr = result.stderr;
    const dropped = stderr.truncated ? Math.max(0, stderr.totalBytes - Buffer.byteLength(stderr.text)) : 0;
    const command = (0,base_secrets/* redact */.E$)(formatCommandLine(spec), secrets);
    const record = {
        command: command.length <= COMMAND_RECORD_CHARS ? command : `${command.slice(0, COMMAND_RECORD_CHARS)}…`,
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        aborted: result.aborted,
        stderr: (0,capture/* tailOfText */.he)((0,base_secrets/* redact */.E$)(stderr.text, secrets), STDERR_RECORD_BYTES, dropped),
        durationMs: result.durationMs,
    };
    if (result.error !== undefined)
        record.error = (0,base_secrets/* redact */.E$)(result.error, secrets);
    return record;
}
/** The command as a human would type it: arguments quoted for a POSIX shell when they need it. */
function formatCommandLine(spec) {
    return [spec.command, ...spec.args].map(quoteArg).join(' ');
}
function quoteArg(arg) {
    if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg))
        return arg;
    return `'${arg.replaceAll("'", `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./lib/exec/command-runner.js
/**
 * The one bounded command runner. Every command keel runs (validation commands, git) goes through it, so the
 * guarantees hold everywhere:
 * - a deadline: at `timeoutMs` (or on abort) the child's whole process group gets SIGTERM, and SIGKILL after
 *   `killGraceMs` if anything in it is still alive — a command that ignores SIGTERM still ends;
 * - bounded memory: each stream keeps its head and tail (64 KiB in all by default), whatever is printed, and
 *   reading it allocates nothing per read (see `openOutputs`);
 * - no secrets in what is kept: captured text is redacted before anyone sees it;
 * - no shell: `spawn` never gets `shell: true`; the only shell is an explicit `/bin/sh -c` from `shellCommand`.
 *
 * The child leads its own process group (`detached: true`, which also starts a new session: no controlling
 * terminal, so nothing can stop to prompt on a tty). Once the child itself has exited, descendants that still
 * hold its stdout/stderr get `killGraceMs` to finish, then the group is ended the same way: a command's
 * leftovers are part of the command, and a run must not wait for a daemon someone forgot to stop.
 */










const DEFAULT_KILL_GRACE_MS = 2000;
const DEFAULT_MAX_STREAM_BYTES = 64 * 1024;
function createCommandRunner(options = {}) {
    const config = {
        secrets: options.secrets ?? (() => []),
        killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
        maxStreamBytes: options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES,
    };
    return { run: (spec, runOptions) => runCommand(spec, config, runOptions?.signal) };
}
/**
 * `/bin/sh -c line`, for command lines written by the repository owner in keel's config (`validate:
 * ["npm test"]`), where pipes and `&&` are expected. NEVER pass text that came from a model, an issue, a
 * comment, a branch name or any other input keel does not own: it would run as shell code. Everything else
 * builds a `CommandSpec` with an argument array.
 */
function shellCommand(line, cwd, timeoutMs) {
    return { command: '/bin/sh', args: ['-c', line], cwd, timeoutMs };
}
async function runCommand(spec, config, signal) {
    const started = external_node_perf_hooks_.performance.now();
    if (signal?.aborted)
        return notStarted(started, 'aborted before start', true);
    const bound = spec.maxStreamBytes ?? config.maxStreamBytes;
    const captures = [new capture/* HeadTailCapture */.NS(bound), new capture/* HeadTailCapture */.NS(bound)];
    const outputs = await openOutputs(captures);
    if (signal?.aborted) {
        for (const output of outputs ?? [])
            output.reader.destroy();
        return notStarted(started, 'aborted before start', true);
    }
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(spec.command, spec.args, {
            cwd: spec.cwd,
            env: childEnv(spec.env),
            detached: true,
            stdio: [
                spec.input === undefined ? 'ignore' : 'pipe',
                outputs?.[0]?.writer ?? 'pipe',
                outputs?.[1]?.writer ?? 'pipe',
            ],
            windowsHide: true,
        });
    }
    catch (error) {
        // Synchronous refusals: a NUL byte in an argument, an invalid option.
        for (const output of outputs ?? [])
            output.reader.destroy();
        return notStarted(started, errorText(error), false);
    }
    finally {
        // The child has its own copies now; ours would keep the readers from ever seeing the end.
        for (const output of outputs ?? [])
            output.writer.destroy();
    }
    let readers;
    if (outputs !== null)
        readers = outputs.map((output) => output.reader);
    else {
        readers = [];
        for (const [stream, capture] of [
            [child.stdout, captures[0]],
            [child.stderr, captures[1]],
        ]) {
            if (stream === null)
                continue;
            stream.on('data', (chunk) => capture.push(chunk));
            readers.push(stream);
        }
    }
    return new Execution(child, readers, captures, spec, config, started, signal).done;
}
/**
 * Every read of every output stream lands in this one buffer and is copied into its capture at once: reads
 * are synchronous callbacks, so all readers can share it. Node's default read path allocates a fresh 64 KiB
 * buffer per read, garbage that V8 only collects once some 64 MB of it has piled up: tens of MB of extra RSS
 * while a command prints a gigabyte, all to keep 64 KiB.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);
/** Setting up the sockets takes well under a millisecond; past this, plain pipes it is. */
const OUTPUT_SETUP_MS = 2000;
/**
 * A connected pair of Unix-domain stream sockets per output stream — what `stdio: 'pipe'` gives the child too
 * (libuv makes those with socketpair) — but with the reading end made here, so that it can read into
 * READ_BUFFER (`onread`, which Node does not offer on the pipes it makes for a child). The listening socket
 * lives in a fresh private (0700) directory only while the two connections are made. Null when any of it
 * fails (a TMPDIR too long for a socket path, say): the caller then falls back to plain pipes, still bounded.
 */
async function openOutputs(captures) {
    const server = (0,external_node_net_.createServer)({ pauseOnConnect: true });
    const readers = [];
    const writers = [];
    let dir;
    let timer;
    try {
        dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'keel-out-'));
        const path = (0,external_node_path_.join)(dir, 'out.sock');
        // Each step waits for its event, or for the first error of the server or a reader, or the deadline.
        let fail = () => undefined;
        const failure = new Promise((_, reject) => (fail = reject));
        failure.catch(() => undefined);
        server.on('error', fail);
        timer = setTimeout(() => fail(new Error('output setup timed out')), OUTPUT_SETUP_MS);
        await Promise.race([failure, new Promise((resolve) => server.listen(path, resolve))]);
        for (const capture of captures) {
            const accepted = new Promise((resolve) => server.once('connection', resolve));
            const reader = (0,external_node_net_.connect)({
                path,
                onread: {
                    buffer: READ_BUFFER,
                    callback: (bytes) => {
                        capture.push(READ_BUFFER, 0, bytes);
                        return true; // keep reading
                    },
                },
            });
            // Once set up, an error just ends the reader ('close' follows), and a late `fail` changes nothing.
            reader.on('error', fail);
            readers.push(reader);
            writers.push(await Promise.race([failure, accepted]));
        }
        return readers.map((reader, i) => ({ reader, writer: writers[i] }));
    }
    catch {
        for (const socket of [...readers, ...writers])
            socket.destroy();
        return null;
    }
    finally {
        clearTimeout(timer);
        server.close();
        if (dir !== undefined)
            await (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** One running child and everything that can end it. Settles exactly once, with every timer cleared. */
class Execution {
    done;
    #child;
    #config;
    #started;
    #signal;
    #captures;
    #readers;
    #timers = [];
    #onAbort = () => this.#stop('abort');
    #stopReason;
    #exit;
    #openReaders;
    #resolve;
    #settled = false;
    constructor(child, readers, captures, spec, config, started, signal) {
        this.#child = child;
        this.#readers = readers;
        this.#captures = captures;
        this.#config = config;
        this.#started = started;
        this.#signal = signal;
        this.done = new Promise((resolve) => (this.#resolve = resolve));
        // Done once the child has exited and both streams are closed (what 'close' means for a child's pipes).
        this.#openReaders = readers.length;
        for (const reader of readers) {
            reader.once('close', () => {
                this.#openReaders--;
                this.#maybeFinish();
            });
        }
        child.on('error', (error) => this.#onError(error, spec.cwd));
        child.on('exit', (code, sig) => {
            this.#exit = { code, signal: sig };
            this.#onExit();
            this.#maybeFinish();
        });
        this.#writeInput(spec.input);
        this.#timers.push(setTimeout(() => this.#stop('timeout'), Math.max(0, spec.timeoutMs)));
        signal?.addEventListener('abort', this.#onAbort, { once: true });
    }
    #writeInput(input) {
        const stdin = this.#child.stdin;
        if (input === undefined || stdin === null)
            return;
        // A child that exits without reading its input makes the write fail with EPIPE: not our failure.
        stdin.on('error', () => undefined);
        stdin.end(input);
    }
    /** TERM the group now, KILL it after the grace; if even that leaves our pipes open, stop reading them. */
    #stop(reason) {
        if (this.#stopReason !== undefined || this.#settled)
            return;
        this.#stopReason = reason;
        const pid = this.#child.pid;
        if (pid === undefined)
            return;
        (0,process_group/* signalGroup */.i)(pid, 'SIGTERM');
        const grace = this.#config.killGraceMs;
        this.#timers.push(setTimeout(() => {
            (0,process_group/* signalGroup */.i)(pid, 'SIGKILL');
            // Whatever still holds the pipes left the group (setsid): give it the same grace, then let go.
            this.#timers.push(setTimeout(() => this.#releaseStreams(), grace));
        }, grace));
    }
    #onExit() {
        // Normally 'close' follows at once. If descendants keep stdout/stderr open, end them after the grace.
        this.#timers.push(setTimeout(() => {
            const pid = this.#child.pid;
            if (pid !== undefined && (0,process_group/* groupAlive */.x)(pid))
                this.#stop('linger');
            else
                this.#releaseStreams();
        }, this.#config.killGraceMs));
    }
    #releaseStreams() {
        for (const reader of this.#readers)
            reader.destroy();
    }
    #onError(error, cwd) {
        // After a successful spawn, errors come from signalling or stdin and 'close' still follows.
        if (this.#child.pid !== undefined)
            return;
        this.#settle(notStarted(this.#started, `${errorText(error)} (cwd ${cwd})`, false));
    }
    #maybeFinish() {
        if (this.#exit !== undefined && this.#openReaders === 0)
            this.#finish(this.#exit.code, this.#exit.signal);
    }
    #finish(code, signal) {
        const secrets = this.#config.secrets().filter((s) => s.length > 0);
        this.#settle({
            exitCode: code,
            signal,
            timedOut: this.#stopReason === 'timeout',
            aborted: this.#stopReason === 'abort',
            stdout: redactedStream(this.#captures[0].parts(), secrets),
            stderr: redactedStream(this.#captures[1].parts(), secrets),
            durationMs: Math.round(external_node_perf_hooks_.performance.now() - this.#started),
        });
    }
    #settle(result) {
        if (this.#settled)
            return;
        this.#settled = true;
        for (const timer of this.#timers)
            clearTimeout(timer);
        // Already closed unless the command never started.
        this.#releaseStreams();
        this.#signal?.removeEventListener('abort', this.#onAbort);
        this.#resolve(result);
    }
}
/**
 * Head and tail are redacted apart: a key cut by the omitted middle is caught at both cut edges (the head
 * ending with the start of a key, the tail starting with the end of one).
 */
function redactedStream(parts, secrets) {
    if (parts.omittedBytes === 0) {
        return { text: (0,base_secrets/* redact */.E$)(parts.head, secrets), totalBytes: parts.totalBytes, truncated: false };
    }
    const text = (0,base_secrets/* redact */.E$)(parts.head, secrets) + (0,capture/* omittedMarker */.vQ)(parts.omittedBytes) + (0,base_secrets/* redactFragment */.UN)(parts.tail, secrets);
    return { text, totalBytes: parts.totalBytes, truncated: true };
}
function childEnv(env) {
    const merged = { ...process.env };
    for (const [key, value] of Object.entries(env ?? {})) {
        if (value === undefined)
            delete merged[key];
        else
            merged[key] = value;
    }
    return merged;
}
const EMPTY_STREAM = { text: '', totalBytes: 0, truncated: false };
function notStarted(started, error, aborted) {
    return {
        exitCode: null,
        signal: null,
        timedOut: false,
        aborted,
        stdout: EMPTY_STREAM,
        stderr: EMPTY_STREAM,
        durationMs: Math.round(external_node_perf_hooks_.performance.now() - started),
        error,
    };
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./lib/fleet/fleet-state.js
var fleet_state = __webpack_require__(9676);
// EXTERNAL MODULE: ./lib/fleet/early-requests.js
var early_requests = __webpack_require__(410);
// EXTERNAL MODULE: ./lib/fleet/router.js + 13 modules
var fleet_router = __webpack_require__(5747);
// EXTERNAL MODULE: ./lib/fleet/shared-slots.js
var shared_slots = __webpack_require__(3567);
// EXTERNAL MODULE: ./lib/fleet/status.js
var fleet_status = __webpack_require__(664);
;// CONCATENATED MODULE: ./lib/git/git-errors.js
const NETWORK_COMMANDS = new Set(['fetch', 'push', 'pull', 'ls-remote', 'clone']);
/** `-c k=v`, `-C dir`, `--git-dir=…`: skipped to find the subcommand. */
function subcommandOf(args) {
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '-c' || arg === '-C')
            i++;
        else if (!arg.startsWith('-'))
            return arg;
    }
    return undefined;
}
// Order matters: the non-retryable kinds are recognised first, so a conflict that also mentions a network
// word is still a conflict.
const AUTH = /terminal prompts disabled|Authentication failed|could not read (Username|Password)|Permission denied \(publickey|HTTP (Basic: )?Access denied|returned error: 40[13]\b|Invalid username or password/i;
const CONFLICT = /^CONFLICT \(|Merge conflict in |could not apply [0-9a-f]+|Automatic merge failed|needs merge/m;
const REJECTED = /\[rejected\][^\n]*\((non-fast-forward|fetch first)\)|Updates were rejected because/;
const REMOTE_REJECTED = /\[remote rejected\]|protected branch|pre-receive hook declined/;
// The last: another process's `git worktree add` is half done (its admin dir exists, its commondir not
// yet) — like a lock, it passes when that command finishes.
const LOCK = /Unable to create '[^'\n]+\.lock': File exists|could not lock config file [^\n]*: File exists|cannot lock ref '[^'\n]+': Unable to create|failed to read [^\n]*\/worktrees\/[^/\n]+\/commondir/;
const NETWORK = /Could not resolve host|Temporary failure in name resolution|Connection (timed out|refused|reset)|Failed to connect|Operation timed out|The remote end hung up unexpectedly|early EOF|RPC failed|unexpected disconnect|SSL_ERROR|gnutls_handshake\(\) failed|OpenSSL SSL_(read|connect)|returned error: (408|429|5\d\d)\b|HTTP\/2 stream \d+ was not closed cleanly|Could not read from remote repository/i;
function classifyGitFailure(args, result) {
    if (result.error !== undefined)
        return result.aborted ? 'aborted' : 'spawn';
    if (result.aborted)
        return 'aborted';
    if (result.timedOut)
        return 'timeout';
    const stderr = result.stderr.text;
    const output = `${stderr}\n${result.stdout.text}`;
    if (REJECTED.test(output))
        return 'rejected';
    if (REMOTE_REJECTED.test(output))
        return 'remote-rejected';
    if (CONFLICT.test(output))
        return 'conflict';
    if (AUTH.test(stderr))
        return 'auth';
    if (LOCK.test(stderr))
        return 'lock';
    if (NETWORK_COMMANDS.has(subcommandOf(args) ?? '') && NETWORK.test(stderr))
        return 'network';
    if (result.exitCode === null && result.signal !== null)
        return 'signal';
    return 'exit';
}
/** Locks pass when their holder finishes; the network and timeouts only for commands that use the network. */
function isRetryable(kind, args) {
    if (kind === 'lock' || kind === 'network')
        return true;
    return kind === 'timeout' && NETWORK_COMMANDS.has(subcommandOf(args) ?? '');
}
/** Lock files a git error names (`Unable to create '/repo/.git/index.lock': File exists`). */
function lockPathsInMessage(text) {
    const paths = new Set();
    for (const match of text.matchAll(/Unable to create '([^'\n]+\.lock)': File exists/g))
        paths.add(match[1]);
    for (const match of text.matchAll(/could not lock config file ([^\n:]+): File exists/g)) {
        paths.add(`${match[1]}.lock`);
    }
    return [...paths];
}
/** A git command that failed (and was not allowed to): the kind, and the redacted, bounded record. */
class GitError extends Error {
    kind;
    record;
    result;
    attempts;
    constructor(kind, record, result, attempts) {
        super(`${record.command} failed (${describe(kind, record)})${lastLine(record.stderr)}`);
        this.name = 'GitError';
        this.kind = kind;
        this.record = record;
        this.result = result;
        this.attempts = attempts;
    }
}
function describe(kind, record) {
    if (kind === 'spawn')
        return record.error ?? 'could not start';
    if (kind === 'timeout')
        return `timed out after ${record.durationMs} ms`;
    if (kind === 'aborted')
        return 'aborted';
    if (record.signal !== null)
        return `${kind}, signal ${record.signal}`;
    return `${kind}, exit ${record.exitCode}`;
}
function lastLine(stderr) {
    const lines = stderr.trim().split('\n');
    const fatal = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? '';
    return fatal === '' ? '' : `: ${fatal.slice(0, 300)}`;
}

// EXTERNAL MODULE: ./lib/git/proc-scan.js
var proc_scan = __webpack_require__(5118);
;// CONCATENATED MODULE: ./lib/git/stale-locks.js
/**
 * Stale-lock recovery, the careful version of seed 003's: a `.lock` file left in a repository's git dir is
 * removed only when it is older than the threshold AND no live git process works in that repository. Seed 003
 * kills the lock's holder; keel never kills anything — a lock that may have an owner stays, and the command
 * fails after its bounded retries instead. Every decision is logged.
 *
 * Only locks the failing command named are considered (git names the file it could not create); a lock
 * nobody tripped over is nobody's business here.
 */




/** Removes what may be removed; returns the paths removed. Never throws for a lock it could not judge. */
async function recoverStaleLocks(ctx) {
    const paths = lockPathsInMessage(ctx.message).map((p) => (0,external_node_path_.resolve)(ctx.cwd, p));
    if (paths.length === 0)
        return [];
    const stale = [];
    for (const path of paths) {
        const lock = await lockFile(path);
        if (lock === undefined)
            continue; // gone already: its owner finished
        const ageMs = ctx.now - lock.mtimeMs;
        if (ageMs < ctx.staleLockMs)
            ctx.log({ type: 'lock_kept', path, ageMs, reason: 'fresh' });
        else
            stale.push(lock);
    }
    if (stale.length === 0)
        return [];
    const verdict = await mayRemove(ctx);
    const removed = [];
    for (const lock of stale) {
        const ageMs = ctx.now - lock.mtimeMs;
        const reason = verdict.ok ? await outsideOrChanged(lock, verdict.repo) : verdict.reason;
        if (reason === 'gone')
            continue;
        if (reason !== undefined) {
            const pids = verdict.ok ? undefined : verdict.pids;
            ctx.log({ type: 'lock_kept', path: lock.path, ageMs, reason, ...(pids ? { pids } : {}) });
            continue;
        }
        await (0,promises_.unlink)(lock.path).catch(() => undefined);
        removed.push(lock.path);
        ctx.log({ type: 'lock_removed', path: lock.path, ageMs });
    }
    return removed;
}
async function lockFile(path) {
    try {
        const stat = await (0,promises_.lstat)(path);
        return stat.isFile() ? { path, mtimeMs: stat.mtimeMs, ino: stat.ino } : undefined;
    }
    catch {
        return undefined;
    }
}
async function mayRemove(ctx) {
    const repo = await ctx.repository().catch(() => undefined);
    if (repo === undefined)
        return { ok: false, reason: 'repository-unknown' };
    const processes = await ctx.scan().catch(() => undefined);
    if (processes === undefined)
        return { ok: false, reason: 'no-proc' };
    const live = processes.filter((p) => (0,proc_scan/* worksIn */.yb)(p, repo.roots));
    if (live.length > 0)
        return { ok: false, reason: 'live-git-process', pids: live.map((p) => p.pid) };
    return { ok: true, repo };
}
/** The last checks before unlinking: the lock is a `.lock` inside the git dir, and it is the same file. */
async function outsideOrChanged(lock, repo) {
    const dir = await (0,promises_.realpath)((0,external_node_path_.dirname)(lock.path)).catch(() => undefined);
    if (dir === undefined || !lock.path.endsWith('.lock') || !(0,proc_scan/* isInside */.FK)(dir, repo.commonDir))
        return 'outside-repository';
    const now = await lockFile(lock.path);
    if (now === undefined)
        return 'gone';
    // Replaced (another inode) or touched since we judged it: a live owner, whatever the scan said.
    if (now.ino !== lock.ino || now.mtimeMs !== lock.mtimeMs)
        return 'changed';
    return undefined;
}

;// CONCATENATED MODULE: ./lib/git/git-runner.js
/**
 * git through the command runner: a timeout on every command, bounded retries with exponential backoff for
 * what can pass by itself (a lock, a network blip), stale-lock recovery before a retry, and an environment
 * that can never wait for a human.
 *
 * Decisions:
 * - Hooks never run (`-c core.hooksPath=/dev/null` on every command). keel's commits are made from model
 *   output in keel's own worktree; a hook is arbitrary code, and with `core.hooksPath` pointing at a tracked
 *   directory (husky and the like) the model's own edits could change what runs. The owner's checks run as
 *   the configured validation commands instead, through the same bounded runner.
 * - Non-interactive: `GIT_TERMINAL_PROMPT=0`, an empty `GIT_ASKPASS` (git then skips `core.askPass` and
 *   `SSH_ASKPASS` too), `GIT_EDITOR=true`, no pager. The runner starts git in a new session, so ssh has no
 *   terminal to prompt on either. Credential helpers and `http.extraheader` (actions/checkout) still work.
 * - `LC_ALL=C` so the messages matched in `git-errors.ts` are the English ones.
 * - `GIT_OPTIONAL_LOCKS=0` on every command: it only stops read commands (`status`) from taking the index
 *   lock to refresh it; writes take their locks regardless.
 * - The repository is chosen by `cwd` alone: GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and friends inherited
 *   from keel's own environment (keel started from a hook, say) are removed.
 * - `options.env` goes last, so a caller can still supply e.g. an askpass helper for a token.
 * - `allowFailure` returns a non-zero exit (after the retries a retryable one gets). A timeout, an abort, a
 *   spawn failure or death by signal always throws: "it failed" must not be mistaken for "the answer is no".
 */







const GIT_DEFAULTS = {
    timeoutMs: 60_000,
    retries: 3,
    backoffMs: 200,
    staleLockMs: 5 * 60_000, // seed 003's threshold
};
const FIXED_ARGS = ['-c', 'core.hooksPath=/dev/null'];
const FIXED_ENV = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    GIT_EDITOR: 'true',
    GIT_SEQUENCE_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_DIR: undefined,
    GIT_WORK_TREE: undefined,
    GIT_INDEX_FILE: undefined,
    GIT_COMMON_DIR: undefined,
    GIT_OBJECT_DIRECTORY: undefined,
    GIT_ALTERNATE_OBJECT_DIRECTORIES: undefined,
    GIT_NAMESPACE: undefined,
    GIT_PREFIX: undefined,
};
function createGit(options) {
    const config = {
        runner: options.runner,
        clock: options.clock ?? base_clock/* systemClock */.m,
        timeoutMs: options.timeoutMs ?? GIT_DEFAULTS.timeoutMs,
        retries: Math.max(0, options.retries ?? GIT_DEFAULTS.retries),
        backoffMs: options.backoffMs ?? GIT_DEFAULTS.backoffMs,
        staleLockMs: options.staleLockMs ?? GIT_DEFAULTS.staleLockMs,
        log: options.log ?? (() => undefined),
        env: { ...FIXED_ENV, ...options.env },
        secrets: options.secrets ?? (() => []),
        scan: options.processScan ?? (0,proc_scan/* procScanner */.V2)(),
    };
    function spec(args, opts) {
        const s = {
            command: 'git',
            args: [...FIXED_ARGS, ...args],
            cwd: opts.cwd,
            env: config.env,
            timeoutMs: opts.timeoutMs ?? config.timeoutMs,
        };
        if (opts.input !== undefined)
            s.input = opts.input;
        if (opts.maxOutputBytes !== undefined)
            s.maxStreamBytes = opts.maxOutputBytes;
        return s;
    }
    async function run(args, opts) {
        const command = spec(args, opts);
        for (let attempt = 1;; attempt++) {
            const result = await config.runner.run(command, opts.signal ? { signal: opts.signal } : undefined);
            if (result.exitCode === 0)
                return result;
            const kind = classifyGitFailure(args, result);
            if (!isRetryable(kind, args) || attempt > config.retries) {
                // Retryable failures were retried first; what is left is an answer the caller may have asked for.
                if (opts.allowFailure === true && result.exitCode !== null)
                    return result;
                throw fail(command, result, kind, attempt);
            }
            if (kind === 'lock')
                await recover(opts.cwd, result.stderr.text);
            const delayMs = config.backoffMs * 2 ** (attempt - 1);
            const record = commandErrorRecord(command, result, config.secrets());
            config.log({ type: 'retry', command: record.command, cwd: opts.cwd, attempt, delayMs, kind });
            await config.clock.sleep(delayMs, opts.signal);
        }
    }
    function fail(command, result, kind, attempts) {
        const record = commandErrorRecord(command, result, config.secrets());
        config.log({ type: 'failed', kind, attempts, record });
        return new GitError(kind, record, result, attempts);
    }
    async function recover(cwd, message) {
        await recoverStaleLocks({
            cwd,
            message,
            now: config.clock.now(),
            staleLockMs: config.staleLockMs,
            scan: config.scan,
            log: config.log,
            repository: () => repositoryDirs(config.runner, cwd, config.env),
        });
    }
    return { run };
}
/**
 * The repository's directories, asked of git directly (not through `run`: no retries, no recursion). Neither
 * command takes a lock. Undefined when git cannot say: the caller then keeps every lock.
 */
async function repositoryDirs(runner, cwd, env) {
    const ask = (args) => runner.run({
        command: 'git',
        args: [...FIXED_ARGS, ...args],
        cwd,
        env,
        timeoutMs: 10_000,
        maxStreamBytes: 1 << 20,
    });
    const common = await ask(['rev-parse', '--path-format=absolute', '--git-common-dir']);
    const list = await ask(['worktree', 'list', '--porcelain']);
    if (common.exitCode !== 0 || list.exitCode !== 0 || list.stdout.truncated)
        return undefined;
    const commonDir = await (0,promises_.realpath)(common.stdout.text.trim());
    const worktrees = list.stdout.text
        .split('\n')
        .filter((line) => line.startsWith('worktree '))
        .map((line) => line.slice('worktree '.length));
    // The worktrees' own git dirs (`<common>/worktrees/<name>`) are inside the common dir already.
    const roots = [commonDir, ...worktrees];
    const real = await Promise.all(roots.map((r) => (0,promises_.realpath)(r).catch(() => r)));
    return { commonDir, roots: [...new Set([...roots, ...real])] };
}

;// CONCATENATED MODULE: ./lib/git/exclude.js
/**
 * A worktree placed inside the user's checkout must not show up in their `git status`: its path goes into
 * `.git/info/exclude` (local to the clone, never committed), once.
 */


async function addToExclude(commonDir, relativePath) {
    const file = (0,external_node_path_.join)(commonDir, 'info', 'exclude');
    const line = `/${escapePattern(relativePath.split('\\').join('/'))}/`;
    const current = await (0,promises_.readFile)(file, 'utf8').catch(() => '');
    if (current.split('\n').includes(line))
        return;
    await (0,promises_.mkdir)((0,external_node_path_.join)(commonDir, 'info'), { recursive: true });
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await (0,promises_.appendFile)(file, `${separator}# keel worktree\n${line}\n`);
}
/** gitignore treats `*?[\` as pattern syntax and `!`/`#` at the start specially; a backslash makes each literal. */
function escapePattern(path) {
    return path.replace(/[*?[\]\\!# ]/g, (c) => `\\${c}`);
}

;// CONCATENATED MODULE: ./lib/git/workspace-guards.js
/**
 * The checks every workspace operation leans on, and the small git queries they use. The rule they enforce:
 * keel changes history and files only in its own linked worktree, on its own work branch — never in the
 * user's checkout, never on a branch someone else has checked out.
 */


class WorkspaceError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.name = 'WorkspaceError';
        this.reason = reason;
    }
}
/** For yes/no commands (`merge-base --is-ancestor`, `diff --quiet`): exit 0 yes, 1 no, anything else throws. */
async function gitTest(git, args, cwd) {
    const result = await git.run(args, { cwd, allowFailure: true });
    if (result.exitCode === 0)
        return true;
    if (result.exitCode === 1)
        return false;
    throw new WorkspaceError('unexpected', `git ${args.join(' ')} exited ${result.exitCode}: ${result.stderr.text.trim()}`);
}
/** stdout of a command whose whole output is parsed: a cut would corrupt it, so a cut is an error. */
async function workspace_guards_gitFullOutput(git, args, cwd, maxBytes) {
    const result = await git.run(args, { cwd, maxOutputBytes: maxBytes });
    if (result.stdout.truncated) {
        throw new WorkspaceError('too-large', `git ${args[0] ?? ''} printed ${result.stdout.totalBytes} bytes (bound ${maxBytes})`);
    }
    return result.stdout.text;
}
/** The full sha of a commit, or undefined when `rev` names none. */
async function commitSha(git, rev, cwd) {
    const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
        cwd,
        allowFailure: true,
    });
    return result.exitCode === 0 ? result.stdout.text.trim() : undefined;
}
function isAncestor(git, ancestor, descendant, cwd) {
    return gitTest(git, ['merge-base', '--is-ancestor', ancestor, descendant], cwd);
}
/** A path with symlinks resolved as far as it exists (a worktree that is not created yet has a parent). */
async function workspace_guards_canonical(path) {
    const absolute = (0,external_node_path_.resolve)(path);
    try {
        return await (0,promises_.realpath)(absolute);
    }
    catch {
        const parent = (0,external_node_path_.dirname)(absolute);
        return parent === absolute ? absolute : (0,external_node_path_.resolve)(await workspace_guards_canonical(parent), (0,external_node_path_.basename)(absolute));
    }
}
async function workspace_guards_exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}
/** The files that say an operation stopped half-way in a worktree, and how each is abandoned. */
const OPERATION_MARKERS = [
    ['rebase-merge', ['rebase', '--abort']],
    ['rebase-apply', ['rebase', '--abort']],
    ['MERGE_HEAD', ['merge', '--abort']],
    ['CHERRY_PICK_HEAD', ['cherry-pick', '--abort']],
];
/**
 * One command for everything the guards need to know about a worktree (it used to take eight): its top, its
 * git dir, the repository's common dir, and the paths of the half-done-operation markers.
 */
async function probeWorktree(git, dir) {
    const args = [
        'rev-parse',
        '--path-format=absolute',
        '--show-toplevel',
        '--git-dir',
        '--git-common-dir',
        ...OPERATION_MARKERS.flatMap(([marker]) => ['--git-path', marker]),
    ];
    const lines = (await git.run(args, { cwd: dir })).stdout.text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    if (lines.length !== 3 + OPERATION_MARKERS.length || lines.some((line) => line === '')) {
        throw new WorkspaceError('unexpected', `git rev-parse in ${dir} answered ${lines.length} lines`);
    }
    const [top, gitDir, commonDir, ...markers] = lines;
    return {
        top: await workspace_guards_canonical(top),
        gitDir: await workspace_guards_canonical(gitDir),
        commonDir: await workspace_guards_canonical(commonDir),
        markers,
    };
}
/**
 * Refuses unless `ws.worktree` is the top of a linked worktree of `ws.repoRoot`'s repository (not the user's
 * checkout, not a directory inside it) with `ws.branch` checked out. Every destructive operation calls it.
 */
async function workspace_guards_ensureKeelWorktree(git, ws) {
    const worktree = await ensureWorktreeDir(ws);
    const probe = await probeWorktree(git, worktree);
    checkLinkedWorktree(worktree, probe, await repoCommonDir(git, ws));
    await checkWorktreeHead(git, ws, worktree, probe);
    return probe;
}
/** The repository's common dir: known to the run (it does not change), else asked of git. */
async function repoCommonDir(git, ws) {
    if (ws.cache?.repoCommonDir !== undefined)
        return ws.cache.repoCommonDir;
    const args = ['rev-parse', '--path-format=absolute', '--git-common-dir'];
    const common = await workspace_guards_canonical((await git.run(args, { cwd: ws.repoRoot })).stdout.text.trim());
    if (ws.cache)
        ws.cache.repoCommonDir = common;
    return common;
}
/** `ws.worktree`, canonical, after refusing a missing one and the repository's own checkout. */
async function ensureWorktreeDir(ws) {
    const worktree = await workspace_guards_canonical(ws.worktree);
    if (!(await workspace_guards_exists(worktree)))
        throw new WorkspaceError('refused', `keel's worktree ${worktree} does not exist`);
    if (worktree === (await workspace_guards_canonical(ws.repoRoot))) {
        throw new WorkspaceError('refused', `${worktree} is the repository's own checkout, not keel's worktree`);
    }
    return worktree;
}
/** The part of the guard that does not depend on what is checked out: where the worktree is, whose it is. */
function checkLinkedWorktree(worktree, probe, repoCommon) {
    if (probe.top !== worktree) {
        throw new WorkspaceError('refused', `${worktree} is not the top of a worktree (it is inside ${probe.top})`);
    }
    if (probe.gitDir === probe.commonDir) {
        throw new WorkspaceError('refused', `${worktree} is a main checkout, not a linked worktree`);
    }
    if (probe.commonDir !== repoCommon) {
        throw new WorkspaceError('refused', `${worktree} belongs to another repository`);
    }
}
/**
 * Refuses unless the worktree's HEAD is the symbolic ref `refs/heads/<branch>`. The worktree's own `HEAD`
 * file says so directly when refs are stored as files (there it is what `git symbolic-ref` reads); anything
 * else — another answer, a repository with the reftable backend (whose `HEAD` file is a stub), a file that
 * cannot be read — is asked of `git symbolic-ref` as before.
 */
async function checkWorktreeHead(git, ws, worktree, probe) {
    const expected = `refs/heads/${ws.branch}`;
    if (await headFileNames(probe, expected))
        return;
    const head = await git.run(['symbolic-ref', '--quiet', 'HEAD'], { cwd: worktree, allowFailure: true });
    if (head.stdout.text.trim() !== expected) {
        throw new WorkspaceError('refused', `${worktree} has ${head.stdout.text.trim() || 'a detached HEAD'}, not ${ws.branch}`);
    }
}
async function headFileNames(probe, ref) {
    if (!(await refsAreFiles(probe)))
        return false;
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(probe.gitDir, 'HEAD'), 'utf8').catch(() => undefined);
    return text === `ref: ${ref}\n` || text === `ref: ${ref}`;
}
/** False for the reftable backend, where `HEAD` is a stub and branches are not files. */
async function refsAreFiles(probe) {
    for (const dir of [probe.gitDir, probe.commonDir])
        if (await workspace_guards_exists((0,external_node_path_.join)(dir, 'reftable')))
            return false;
    return true;
}
/** A full commit sha (SHA-1 or SHA-256). */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * The work branch's head right after keel moved it in its worktree (`probe` is that worktree's, taken
 * before). A branch moved by a ref update is a loose ref file — `<common dir>/refs/heads/<branch>`, written
 * by renaming its lock, so it is read whole or not at all; `pack-refs` (an auto gc) only ever removes one
 * that says what `packed-refs` says. Anything but one sha there (no file, the reftable backend, a symbolic
 * ref) is asked of git.
 */
async function movedBranchHead(git, ws, probe) {
    if (isBranchName(ws.branch) && (await refsAreFiles(probe))) {
        const path = (0,external_node_path_.join)(probe.commonDir, 'refs', 'heads', ...ws.branch.split('/'));
        const text = await (0,promises_.readFile)(path, 'utf8').catch(() => undefined);
        const line = text?.endsWith('\n') ? text.slice(0, -1) : text;
        if (line !== undefined && SHA.test(line))
            return line;
    }
    return branchHead(git, ws);
}
/** The work branch's head commit (the run's remembered one, when it has one). */
async function headSha(git, ws) {
    if (ws.cache?.head !== undefined)
        return ws.cache.head;
    const sha = await branchHead(git, ws);
    if (ws.cache)
        ws.cache.head = sha;
    return sha;
}
/** The work branch's head commit as git says it now (what a guard compares with). */
async function branchHead(git, ws) {
    const sha = await commitSha(git, `refs/heads/${ws.branch}`, ws.repoRoot);
    if (sha === undefined)
        throw new WorkspaceError('unexpected', `the work branch ${ws.branch} does not exist`);
    return sha;
}
/**
 * `git check-ref-format --branch <name>` without the process, and stricter rather than looser: git's rules
 * for `refs/heads/<name>` (no `..`, `@{`, control characters, space, `~^:?*[\`; no component that starts
 * with `.` or ends with `.lock`; no empty component; not ending with `.`), and none of what
 * git would expand or read as an option: `@`, `HEAD`, a leading `-`. A name that passes cannot be read as anything but a branch name.
 */
function isBranchName(name) {
    if (name === '' || name === '@' || name === 'HEAD' || name.startsWith('-'))
        return false;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses in a ref
    if (!name.isWellFormed() || /[\x00-\x20\x7f~^:?*[\\]/.test(name))
        return false;
    if (name.includes('..') || name.includes('@{') || name.endsWith('.'))
        return false;
    return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}
/** Run and step ids become branch names and commit trailers: one line, no spaces, nothing git would mangle. */
function checkId(kind, id) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/.test(id) || id.includes('..')) {
        throw new WorkspaceError('invalid', `${kind} ${JSON.stringify(id.slice(0, 80))} is not usable (letters, digits, . _ : / -)`);
    }
}
const DEFAULT_IDENTITY = { name: 'keel', email: 'keel@localhost' };
/**
 * `-c user.name=… -c user.email=…` for commands that make commits (commit, rebase). Author and committer come
 * from the environment (GIT_AUTHOR_NAME…, which git prefers over any config) or the user's git config; only
 * where neither names anyone does keel sign as `keel <keel@localhost>`, instead of letting git guess from the
 * host name or fail. Both keys in one `git config` (the last value of each counts, as with `--get`); a run
 * asks once.
 */
async function identityArgs(git, cwd, cache) {
    if (cache?.identity !== undefined)
        return [...cache.identity];
    const configured = await git.run(['config', '--null', '--get-regexp', '^user\\.(name|email)$'], {
        cwd,
        allowFailure: true,
    });
    const values = new Map();
    if (configured.exitCode === 0) {
        for (const entry of configured.stdout.text.split('\0')) {
            const newline = entry.indexOf('\n');
            if (newline < 0)
                values.set(entry, '');
            else
                values.set(entry.slice(0, newline), entry.slice(newline + 1));
        }
    }
    const args = [];
    for (const [key, fallback] of [
        ['user.name', DEFAULT_IDENTITY.name],
        ['user.email', DEFAULT_IDENTITY.email],
    ]) {
        if ((values.get(key) ?? '').trim() === '')
            args.push('-c', `${key}=${fallback}`);
    }
    if (cache)
        cache.identity = [...args];
    return args;
}

;// CONCATENATED MODULE: ./lib/git/work-branch-cache.js
/**
 * What one run knows about its own work branch, so that it does not ask git the same thing again: the
 * repository's common dir, the branch's head, the step commits since the base, the commit identity.
 *
 * Valid for the lifetime of one run because, while it runs, only the run changes its work branch (it is
 * checked out in keel's worktree, so no other worktree can check it out), and every function that changes
 * it — `commitStep`, `resetWorkBranch`, `pushWorkBranch` — keeps this cache current: it forgets what it knew
 * before the change starts and learns the new facts only once the change succeeded, so a change that failed
 * half-way leaves nothing stale behind. Whatever else the run lets loose in the worktree that could move the
 * branch (the owner's validation commands) starts with `forgetBranch()`: nothing reads the cache meanwhile.
 *
 * Facts only, never proof: every guard (`ensureKeelWorktree`, the ancestry checks before a reset) still asks
 * git each time. Opt-in (`prepareWorkspace({ cache: true })`): a `WorkBranch` without one asks git every time.
 */
class WorkBranchCache {
    /** The repository's common dir (canonical): what a worktree of this repository must share. */
    repoCommonDir;
    /** The work branch's head commit. */
    head;
    /** Every commit in `base..branch`, oldest first. */
    commits;
    /** `-c user.name=… -c user.email=…` for commands that make commits (see `identityArgs`). */
    identity;
    /** Forgets what the branch looked like (called before anything moves it). */
    forgetBranch() {
        this.head = undefined;
        this.commits = undefined;
    }
}

;// CONCATENATED MODULE: ./lib/git/step-commits.js
/**
 * One commit per completed step, found again by its trailers (`Keel-Run: <runId>`, `Keel-Step: <stepId>`).
 * `commitStep` looks for the step's commit before making one, so a crash between the commit and the
 * checkpoint never leads to a second commit; `stepCommits` reads every step's commit in one `git log`, so a
 * resumed run can adopt steps whose checkpoint was lost.
 */


const RUN_TRAILER = 'Keel-Run';
const STEP_TRAILER = 'Keel-Step';
const MAX_MESSAGE_CHARS = 10_000;
async function commitStep(git, ws, o) {
    checkId('run id', o.runId);
    checkId('step id', o.stepId);
    const existing = (await stepCommits(git, ws, o.runId)).get(o.stepId);
    if (existing !== undefined)
        return { sha: existing, created: false };
    const probe = await workspace_guards_ensureKeelWorktree(git, ws);
    const cwd = ws.worktree;
    await git.run(['add', '--all'], { cwd });
    const commit = (identity) => [
        ...identity,
        // A commit ends with `git maintenance run --auto`: a process per commit for housekeeping that is the
        // repository owner's to schedule, not something to start (and maybe kill) inside a run.
        ...['-c', 'maintenance.auto=false'],
        'commit',
        '--quiet',
        '--no-verify',
        '--cleanup=whitespace',
        // The message goes in the arguments, not over stdin: git runs in its own session and outlives a keel
        // killed at this instant, and a stdin pipe closed early would leave it a message of nothing but the
        // trailer lines — the subject then, not trailers — so the resumed run would not know its own commit.
        `--message=${commitMessage(o.message, o.stepId)}`,
        `--trailer=${RUN_TRAILER}: ${o.runId}`,
        `--trailer=${STEP_TRAILER}: ${o.stepId}`,
    ];
    // Forgotten while the branch moves: a commit that fails half-way (a timeout after git wrote it) must not
    // leave the run believing the step has none.
    const known = ws.cache?.commits;
    ws.cache?.forgetBranch();
    try {
        await commitWithIdentity(git, ws, commit);
    }
    catch (error) {
        // Nothing staged: `git commit` refuses with exit 1 and writes nothing. Asked (`diff --cached`) only
        // then, rather than before every commit: a step whose edits changed nothing is the rare case.
        if (error instanceof GitError &&
            error.result.exitCode === 1 &&
            (await gitTest(git, ['diff', '--cached', '--quiet'], cwd))) {
            return { sha: undefined, created: false, reason: 'nothing to commit' };
        }
        throw error;
    }
    const sha = await movedBranchHead(git, ws, probe);
    if (ws.cache) {
        ws.cache.head = sha;
        // Exactly the record `git log` would show for it: commitMessage() strips look-alike trailer lines.
        if (known)
            ws.cache.commits = [...known, { sha, runs: [o.runId], steps: [o.stepId] }];
    }
    return { sha, created: true };
}
/**
 * Commits as the environment or the git config says, else as keel (`identityArgs`). Asking the config first
 * costs a command per run; instead the commit goes first with `user.useConfigOnly`, which makes git refuse
 * (writing nothing) rather than guess a name from the host, and only a refusal asks. A repository found
 * without an identity is remembered for the process, so a lane there asks first from then on, as before.
 */
async function commitWithIdentity(git, ws, commit) {
    const cwd = ws.worktree;
    const repository = ws.cache?.repoCommonDir ?? ws.repoRoot;
    if (ws.cache?.identity !== undefined || withoutIdentity.has(repository)) {
        await git.run(commit(await identityArgs(git, cwd, ws.cache)), { cwd });
        return;
    }
    try {
        await git.run(commit(['-c', 'user.useConfigOnly=true']), { cwd });
        if (ws.cache)
            ws.cache.identity = [];
    }
    catch (error) {
        if (!(error instanceof GitError && IDENTITY_UNKNOWN.test(error.result.stderr.text)))
            throw error;
        withoutIdentity.add(repository);
        await git.run(commit(await identityArgs(git, cwd, ws.cache)), { cwd });
    }
}
const IDENTITY_UNKNOWN = /identity unknown|please tell me who you are/i;
/** Repositories (common dirs) where a commit found no identity, in this process. */
const withoutIdentity = new Set();
/**
 * The model writes the message: it is bounded, and any line that looks like one of keel's trailers is
 * removed, so a message cannot claim to be another step's commit.
 */
function commitMessage(message, stepId) {
    const kept = message
        .slice(0, MAX_MESSAGE_CHARS)
        .replace(/\0/g, '') // an argument cannot carry NUL
        .split(/\r?\n/)
        // Whatever follows the key: `trailer.separators` in the repository's config can make `=` or `#` (not
        // only `:`) a trailer separator, for `git log` too.
        .filter((line) => !/^\s*keel-(run|step)(?![\w-])/i.test(line))
        .join('\n')
        .trim();
    return `${kept === '' ? `keel: ${stepId}` : kept}\n`;
}
const RECORD = '\x1e';
const FIELD = '\x00';
const VALUE = '\x01';
const FORMAT = [
    '%H',
    `%(trailers:key=${RUN_TRAILER},valueonly,separator=%x01)`,
    `%(trailers:key=${STEP_TRAILER},valueonly,separator=%x01)`,
].join('%x00');
const MAX_LOG_BYTES = 8 << 20;
/** Every commit on the work branch since the base, oldest first, with its trailers; remembered by the run. */
async function readBranchCommits(git, ws) {
    if (ws.cache?.commits !== undefined)
        return ws.cache.commits;
    const args = [
        'log',
        '--no-show-signature',
        '--reverse',
        `--format=${FORMAT}%x1e`,
        `${ws.baseSha}..refs/heads/${ws.branch}`,
        '--',
    ];
    const text = await workspace_guards_gitFullOutput(git, args, ws.repoRoot, MAX_LOG_BYTES);
    const commits = [];
    for (const record of text.split(RECORD)) {
        const [sha, runs, steps] = record.trim().split(FIELD);
        if (sha === undefined || sha === '' || runs === undefined || steps === undefined)
            continue;
        commits.push({ sha, runs: runs.split(VALUE), steps: steps.split(VALUE).filter((s) => s !== '') });
    }
    if (ws.cache)
        ws.cache.commits = commits;
    return commits;
}
/** Every commit of this run on the work branch since the base, oldest first. */
async function readStepCommits(git, ws, runId) {
    const commits = [];
    for (const { sha, runs, steps } of await readBranchCommits(git, ws)) {
        // Exactly one step per commit: commitMessage() strips look-alike lines, so more means a hand-made commit.
        if (runs.includes(runId) && steps.length === 1)
            commits.push({ sha, stepId: steps[0] });
    }
    return commits;
}
/** stepId → sha of its commit (the oldest, if a step somehow has several), in one `git log`. */
async function stepCommits(git, ws, runId, options = {}) {
    const commits = await readStepCommits(git, ws, runId);
    const map = new Map();
    for (const { sha, stepId } of commits)
        if (!map.has(stepId))
            map.set(stepId, sha);
    if (options.onDuplicate) {
        for (const [stepId, shas] of groupByStep(commits))
            if (shas.length > 1)
                options.onDuplicate(stepId, shas);
    }
    return map;
}
/** Steps with more than one commit: stepId → their shas, oldest first. Empty when all is well. */
async function duplicateStepCommits(git, ws, runId) {
    const groups = groupByStep(await readStepCommits(git, ws, runId));
    for (const [stepId, shas] of groups)
        if (shas.length < 2)
            groups.delete(stepId);
    return groups;
}
function groupByStep(commits) {
    const groups = new Map();
    for (const { sha, stepId } of commits)
        groups.set(stepId, [...(groups.get(stepId) ?? []), sha]);
    return groups;
}

;// CONCATENATED MODULE: ./lib/git/push.js


/**
 * Results and decisions read the branch's head with `headSha`: the run's remembered one while nothing but the
 * run moved it (a rebase here forgets it), else git's. Every change is preceded by `ensureKeelWorktree`.
 */
async function pushWorkBranch(git, ws, o) {
    if (o.remote === '' || o.remote.startsWith('-'))
        throw new WorkspaceError('invalid', `not a remote: ${o.remote}`);
    await workspace_guards_ensureKeelWorktree(git, ws);
    let rebased = false;
    let reason = 'the remote branch kept moving';
    for (let round = 0; round <= (o.maxRebaseRounds ?? 2); round++) {
        if (await push(git, ws, o.remote, ws.branch)) {
            return { remoteBranch: ws.branch, sha: await headSha(git, ws), rebased, newBranch: false };
        }
        const outcome = await rebaseOntoRemote(git, ws, o.remote);
        if (outcome === 'conflict' || outcome === 'unrelated') {
            reason =
                outcome === 'conflict'
                    ? 'the remote branch has conflicting commits'
                    : 'the remote branch does not contain the base';
            break;
        }
        if (outcome === 'rebased')
            rebased = true;
    }
    return pushToNewBranch(git, ws, o, rebased, reason);
}
/** True when pushed; false when rejected as not a fast-forward. Every other failure throws. */
async function push(git, ws, remote, target) {
    const refspec = `refs/heads/${ws.branch}:refs/heads/${target}`;
    try {
        await git.run(['push', '--porcelain', '--no-verify', '--no-follow-tags', remote, refspec], {
            cwd: ws.worktree,
        });
        return true;
    }
    catch (error) {
        if (error instanceof GitError && error.kind === 'rejected')
            return false;
        throw error;
    }
}
async function rebaseOntoRemote(git, ws, remote) {
    const cwd = ws.worktree;
    const fetched = await git.run(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${ws.branch}`], {
        cwd,
        allowFailure: true,
    });
    if (fetched.exitCode !== 0)
        return 'gone'; // deleted since the rejection: the next push creates it
    const theirs = await commitSha(git, 'FETCH_HEAD', cwd);
    if (theirs === undefined)
        return 'gone';
    // Rebasing onto history without our base would carry foreign commits into the run's range.
    if (!(await isAncestor(git, ws.baseSha, theirs, cwd)))
        return 'unrelated';
    if (await isAncestor(git, theirs, await headSha(git, ws), cwd))
        return 'up-to-date';
    // Keep every keel commit, even one whose change the remote already has: its trailers prove its step done.
    const rebase = [
        ...(await identityArgs(git, cwd, ws.cache)),
        ...['-c', 'rebase.autoStash=false', '-c', 'rebase.updateRefs=false'],
        ...['rebase', '--quiet', '--reapply-cherry-picks', '--empty=keep', theirs],
    ];
    // The rebase gives keel's commits new shas: what the run remembered of its branch no longer holds.
    ws.cache?.forgetBranch();
    try {
        await git.run(rebase, { cwd });
        return 'rebased';
    }
    catch (error) {
        // Whatever stopped it (a conflict, a timeout), the branch goes back to where it was.
        await git.run(['rebase', '--abort'], { cwd, allowFailure: true });
        if (error instanceof GitError && (error.kind === 'conflict' || error.kind === 'exit')) {
            await workspace_guards_ensureKeelWorktree(git, ws);
            return 'conflict';
        }
        throw error;
    }
}
async function pushToNewBranch(git, ws, o, rebased, reason) {
    const limit = o.maxNewBranches ?? 10;
    for (let n = 2; n < 2 + limit; n++) {
        const target = `${ws.branch}-${n}`;
        // A branch that exists is only updated as a fast-forward (our own earlier fallback); otherwise, next.
        if (await push(git, ws, o.remote, target)) {
            return { remoteBranch: target, sha: await headSha(git, ws), rebased, newBranch: true, reason };
        }
    }
    throw new WorkspaceError('refused', `could not push ${ws.branch}: ${reason}, and ${limit} fallback branches were taken`);
}

// EXTERNAL MODULE: ./lib/git/read-files.js
var read_files = __webpack_require__(1324);
;// CONCATENATED MODULE: ./lib/git/workspace.js
/**
 * The engine's view of git: one linked worktree per run, on a work branch (`keel/<runId>`) started from a
 * base commit. Everything that changes files or history happens there; the user's checkout is only read (and
 * its `.git/info/exclude` taught to ignore a worktree placed inside it).
 *
 * Every function is idempotent or refuses: a resumed run calls them again after a crash at any point.
 */












/**
 * Creates keel's worktree and work branch, or finds them again. Policy for an existing branch: it is reused
 * only when it contains the base commit (it is the base plus work), it is not the base branch itself, and no
 * worktree other than `worktree` has it checked out (the user's checkout, another run). Anything else is
 * refused rather than guessed at. Leftovers of a step that crashed mid-way are discarded — in keel's
 * worktree only.
 *
 * In git commands: one `rev-parse` for the repository's top, its common dir, the base and the branch's tip;
 * `merge-base` when the branch exists and has moved past the base; `worktree list` (and `worktree prune`
 * plus a second list only when the list shows something to prune); then either `worktree add` (no worktree
 * yet: three commands in all) or, in a worktree that was there already, one `rev-parse` for the guard and
 * the half-done-operation markers and `status` — with `reset --hard` and `clean` only when it is not clean.
 */
async function prepareWorkspace(git, o) {
    checkId('run id', o.runId);
    if (!(0,external_node_path_.isAbsolute)(o.worktree))
        throw new WorkspaceError('invalid', `the worktree path must be absolute: ${o.worktree}`);
    const worktree = await workspace_guards_canonical(o.worktree);
    const branch = o.branch ?? `keel/${o.runId}`;
    if (!isBranchName(branch))
        throw new WorkspaceError('invalid', `not a branch name: ${branch}`);
    const fresh = await freshWorkspace(git, o, worktree, branch);
    if (fresh)
        return fresh;
    const repo = await readRepository(git, o.repoRoot, o.baseRef ?? 'HEAD', branch);
    const { repoRoot, commonDir, tip } = repo;
    checkPlacement(repoRoot, commonDir, worktree);
    const base = await resolveBase(git, repoRoot, o.baseRef ?? 'HEAD', repo.baseSha, o.baseBranch);
    const ws = { repoRoot, worktree, branch, ...base };
    await checkExistingBranch(git, ws, tip);
    const registered = await registeredWorktree(git, ws);
    if ((0,proc_scan/* isInside */.FK)(worktree, repoRoot))
        await addToExclude(commonDir, (0,external_node_path_.relative)(repoRoot, worktree));
    let aborted = false;
    if (!registered) {
        const args = tip === undefined ? ['-b', branch, worktree, base.baseSha] : [worktree, branch];
        await git.run(['worktree', 'add', '--quiet', ...args], { cwd: repoRoot });
        // Not probed: git has just made this worktree, at this path, on this branch, and it has no leftovers to
        // discard, so nothing here would act on the answer. Every later change to it (a commit, a reset, a
        // push, a removal) proves it keel's first, as always.
    }
    else {
        aborted = await discardLeftovers(git, ws, commonDir);
    }
    if (o.cache !== true)
        return ws;
    // An aborted cherry-pick sequence can move the branch back: then the head is asked for when needed.
    return { ...ws, cache: branchCache(commonDir, aborted ? undefined : (tip ?? base.baseSha), base.baseSha) };
}
/**
 * A new run's worktree in one command: `worktree add -b` makes the branch and the worktree, or refuses
 * when either exists in any form (a branch of that name, a registered or non-empty path), changing nothing
 * — every case the careful path has a rule for. Undefined then, or when `o.fresh` does not apply.
 */
async function freshWorkspace(git, o, worktree, branch) {
    const baseSha = o.baseRef;
    if (o.fresh === undefined || o.baseBranch === undefined || baseSha === undefined || !SHA.test(baseSha))
        return undefined;
    if (branch === o.baseBranch || (await workspace_guards_exists(worktree)))
        return undefined;
    const repoRoot = await workspace_guards_canonical(o.fresh.repoRoot);
    const commonDir = await workspace_guards_canonical(o.fresh.commonDir);
    checkPlacement(repoRoot, commonDir, worktree);
    if ((0,proc_scan/* isInside */.FK)(worktree, repoRoot))
        await addToExclude(commonDir, (0,external_node_path_.relative)(repoRoot, worktree));
    const args = ['worktree', 'add', '--quiet', '-b', branch, worktree, baseSha];
    const added = await git.run(args, { cwd: repoRoot, allowFailure: true });
    if (added.exitCode !== 0)
        return undefined;
    const ws = { repoRoot, worktree, branch, baseSha, baseBranch: o.baseBranch };
    return o.cache === true ? { ...ws, cache: branchCache(commonDir, baseSha, baseSha) } : ws;
}
function checkPlacement(repoRoot, commonDir, worktree) {
    if ((0,proc_scan/* isInside */.FK)(repoRoot, worktree) || (0,proc_scan/* isInside */.FK)(worktree, commonDir)) {
        throw new WorkspaceError('refused', `the worktree ${worktree} would contain the checkout or sit in its git dir`);
    }
}
function branchCache(commonDir, head, baseSha) {
    const cache = new WorkBranchCache();
    cache.repoCommonDir = commonDir;
    cache.head = head;
    if (head === baseSha)
        cache.commits = []; // `base..base` is empty
    return cache;
}
/** A base that `rev-parse` reads as exactly one revision: a sha, `HEAD`, a branch or tag name. */
const SINGLE_REVISION = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/**
 * The checkout's top, the common dir, the base commit and the branch's tip in one `rev-parse`: with
 * `--revs-only`, a revision that does not exist is left out rather than failing the command, and the tip is
 * asked for negated (`^refs/heads/<branch>`), so its line (`^<sha>`) cannot be taken for the base's. A base
 * that is not plain (or an answer of any other shape) is asked for with one `rev-parse --verify` each.
 */
async function readRepository(git, cwd, baseRef, branch) {
    const plain = SINGLE_REVISION.test(baseRef) && !baseRef.includes('..');
    const args = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir'];
    if (plain) {
        args.push('--revs-only', '--end-of-options', `${baseRef}^{commit}`, `^refs/heads/${branch}^{commit}`);
    }
    const lines = (await git.run(args, { cwd })).stdout.text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    const [top, common, ...revs] = lines;
    if (top === undefined || top === '' || common === undefined || common === '') {
        throw new WorkspaceError('unexpected', `git rev-parse in ${cwd} did not name the checkout`);
    }
    const repoRoot = await workspace_guards_canonical(top);
    const commonDir = await workspace_guards_canonical(common);
    const [first, second] = revs;
    if (plain && first !== undefined && SHA.test(first) && revs.length <= 2) {
        if (second === undefined)
            return { repoRoot, commonDir, baseSha: first, tip: undefined };
        if (second.startsWith('^') && SHA.test(second.slice(1)))
            return { repoRoot, commonDir, baseSha: first, tip: second.slice(1) };
    }
    const baseSha = baseRef.startsWith('-') ? undefined : await commitSha(git, baseRef, repoRoot);
    const tip = await commitSha(git, `refs/heads/${branch}`, repoRoot);
    return { repoRoot, commonDir, baseSha, tip };
}
async function resolveBase(git, cwd, baseRef, baseSha, baseBranch) {
    if (baseSha === undefined)
        throw new WorkspaceError('invalid', `the base ${baseRef} is not a commit`);
    if (baseBranch !== undefined)
        return { baseSha, baseBranch };
    const full = await git.run(['rev-parse', '--symbolic-full-name', baseRef], {
        cwd,
        allowFailure: true,
    });
    const name = full.stdout.text.trim();
    const short = name.startsWith('refs/heads/')
        ? name.slice('refs/heads/'.length)
        : name.startsWith('refs/remotes/')
            ? name.split('/').slice(3).join('/') // refs/remotes/<remote>/<branch>
            : '';
    return { baseSha, baseBranch: short === '' ? baseSha : short };
}
async function checkExistingBranch(git, ws, tip) {
    if (ws.branch === ws.baseBranch) {
        throw new WorkspaceError('refused', `the work branch cannot be the base branch ${ws.baseBranch}`);
    }
    // A branch still at its base contains it: no `merge-base` needed.
    if (tip !== undefined && tip !== ws.baseSha && !(await isAncestor(git, ws.baseSha, tip, ws.repoRoot))) {
        throw new WorkspaceError('refused', `branch ${ws.branch} exists but does not contain the base ${ws.baseSha.slice(0, 12)}: it is not this run's work branch (a resumed run passes its recorded base sha)`);
    }
}
async function listWorktrees(git, cwd) {
    const text = await workspace_guards_gitFullOutput(git, ['worktree', 'list', '--porcelain'], cwd, 4 << 20);
    const entries = [];
    for (const block of text.split('\n\n')) {
        const lines = block.split('\n');
        const path = lines.find((l) => l.startsWith('worktree '))?.slice('worktree '.length);
        if (path === undefined)
            continue;
        const branch = lines.find((l) => l.startsWith('branch '))?.slice('branch '.length);
        const prunable = lines.some((l) => l === 'prunable' || l.startsWith('prunable '));
        entries.push({ path: await workspace_guards_canonical(path), branch, prunable });
    }
    return entries;
}
/**
 * The registered worktrees, after `worktree prune` has dropped the stale ones — run only when there is
 * something to drop: an entry git marks prunable, or one whose directory is gone. Otherwise prune would
 * change nothing, and the list is the same as after it.
 */
async function prunedWorktrees(git, cwd) {
    const entries = await listWorktrees(git, cwd);
    const gone = await Promise.all(entries.map(async (e) => e.prunable || !(await workspace_guards_exists(e.path))));
    if (!gone.includes(true))
        return entries;
    await git.run(['worktree', 'prune'], { cwd });
    return listWorktrees(git, cwd);
}
/** True when `ws.worktree` is already registered for the branch; refuses every other arrangement. */
async function registeredWorktree(git, ws) {
    const entries = await prunedWorktrees(git, ws.repoRoot);
    const ref = `refs/heads/${ws.branch}`;
    const holder = entries.find((e) => e.branch === ref && e.path !== ws.worktree);
    if (holder)
        throw new WorkspaceError('refused', `branch ${ws.branch} is checked out in ${holder.path}`);
    const here = entries.find((e) => e.path === ws.worktree);
    // Detached is what a rebase that crashed half-way looks like: `discardLeftovers` aborts it and then proves
    // the branch is back before touching anything.
    if (here && here.branch !== ref && here.branch !== undefined) {
        throw new WorkspaceError('refused', `${ws.worktree} is a worktree of ${here.branch}`);
    }
    if (!here && (await workspace_guards_exists(ws.worktree)) && !(await isEmptyDir(ws.worktree))) {
        throw new WorkspaceError('refused', `${ws.worktree} exists and is not keel's worktree`);
    }
    return here !== undefined;
}
async function isEmptyDir(path) {
    return (0,promises_.readdir)(path).then((names) => names.length === 0, () => false);
}
/**
 * A step that crashed mid-way can leave edits, a half-done rebase or merge behind. They are discarded —
 * after the worktree has been proved to be keel's: a linked worktree of this repository, at its top, before
 * anything is aborted, and on keel's branch before anything is reset. One `rev-parse` says where the markers
 * of a half-done operation live (each is then a `stat`); `status` says whether there is anything to reset or
 * clean. `git status` does not list empty directories, which `clean -d` would remove; they cannot be
 * committed, so they cannot leak into a step's commit either. True when an operation was aborted.
 */
async function discardLeftovers(git, ws, repoCommon) {
    const worktree = await ensureWorktreeDir(ws);
    let probe = await probeWorktree(git, worktree);
    checkLinkedWorktree(worktree, probe, repoCommon);
    let aborted = false;
    for (const [i, [, abort]] of OPERATION_MARKERS.entries()) {
        if (!(await workspace_guards_exists(probe.markers[i])))
            continue;
        await git.run([...abort], { cwd: worktree, allowFailure: true });
        aborted = true;
    }
    if (aborted) {
        probe = await probeWorktree(git, worktree);
        checkLinkedWorktree(worktree, probe, repoCommon);
    }
    await checkWorktreeHead(git, ws, worktree, probe);
    if (await isClean(git, worktree))
        return aborted;
    await git.run(['reset', '--hard', '--quiet', 'HEAD'], { cwd: worktree });
    await git.run(['clean', '-f', '-d', '--quiet'], { cwd: worktree });
    return aborted;
}
/** No staged, unstaged or untracked (not ignored) change: `reset --hard` and `clean` would do nothing. */
async function isClean(git, cwd) {
    const status = await git.run(['status', '--porcelain=v2', '--untracked-files=all', '--ignored=no'], {
        cwd,
        maxOutputBytes: 1 << 16,
    });
    return status.stdout.totalBytes === 0;
}
/**
 * Moves keel's work branch back to `sha` (a rejected batch), discarding what came after. Only in keel's
 * worktree, only on its work branch, only to a commit between the base (inclusive) and the branch head.
 */
async function resetWorkBranch(git, ws, sha) {
    if (ws.branch === ws.baseBranch)
        throw new WorkspaceError('refused', `${ws.branch} is the base branch`);
    await workspace_guards_ensureKeelWorktree(git, ws);
    const cwd = ws.worktree;
    const target = await commitSha(git, sha, cwd);
    if (target === undefined)
        throw new WorkspaceError('refused', `${sha} is not a commit`);
    // The guard's head is git's, never the run's remembered one.
    const head = await branchHead(git, ws);
    if (!(await isAncestor(git, target, head, cwd))) {
        throw new WorkspaceError('refused', `${target.slice(0, 12)} is not on the work branch ${ws.branch}`);
    }
    if (!(await isAncestor(git, ws.baseSha, target, cwd))) {
        throw new WorkspaceError('refused', `${target.slice(0, 12)} is older than the run's base ${ws.baseSha.slice(0, 12)}`);
    }
    ws.cache?.forgetBranch();
    await git.run(['reset', '--hard', '--quiet', target], { cwd });
    await git.run(['clean', '-f', '-d', '--quiet'], { cwd });
    if (ws.cache)
        ws.cache.head = target;
    return target;
}
/**
 * What the run committed since the base, as a patch bounded to `maxBytes` (head and tail kept, a marker
 * between). Uncommitted files are not included: a step's work counts once committed. No external diff or
 * textconv programs run.
 */
async function diffSinceBase(git, ws, maxBytes) {
    const args = [
        'diff',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        ws.baseSha,
        `refs/heads/${ws.branch}`,
        '--',
    ];
    const result = await git.run(args, { cwd: ws.repoRoot, maxOutputBytes: maxBytes });
    // The capture's marker line can push it a few bytes over.
    return (0,capture/* headOfText */.tI)(result.stdout.text, maxBytes);
}
const MAX_FILE_LIST_BYTES = 16 << 20;
/**
 * The files of a commit, as `ls-files` lists them in a fresh checkout of it (same paths, same byte order):
 * the planner's view of the repository, which needs no work tree and so can be asked for before one exists.
 *
 * Remembered per process for the last few commits: a commit's tree never changes (the sha names its
 * content), and a lane runs task after task from the same base — one `ls-tree` per base, not per run.
 */
async function filesAtCommit(git, repoRoot, sha) {
    const key = `${repoRoot}\0${sha}`;
    const known = SHA.test(sha) ? filesByCommit.get(key) : undefined;
    if (known) {
        filesByCommit.delete(key);
        filesByCommit.set(key, known);
        return [...known];
    }
    const args = ['ls-tree', '-r', '-z', '--name-only', '--full-tree', sha];
    const text = await workspace_guards_gitFullOutput(git, args, repoRoot, MAX_FILE_LIST_BYTES);
    const files = text.split('\0').filter((p) => p !== '');
    // Only full shas: `HEAD` or a branch name would name another tree tomorrow.
    if (SHA.test(sha)) {
        filesByCommit.delete(key);
        filesByCommit.set(key, files);
        for (const oldest of filesByCommit.keys()) {
            if (filesByCommit.size <= FILE_LISTS_KEPT)
                break;
            filesByCommit.delete(oldest);
        }
    }
    return [...files];
}
const FILE_LISTS_KEPT = 4;
/** Insertion-ordered: the first key is the least recently listed. */
const filesByCommit = new Map();
/** Files tracked at the work branch's head (worktree-relative, `/`-separated). */
async function trackedFiles(git, ws) {
    const text = await gitFullOutput(git, ['ls-files', '-z'], ws.worktree, MAX_FILE_LIST_BYTES);
    return text.split('\0').filter((p) => p !== '');
}
/**
 * After a completed run: removes keel's worktree (the branch stays, it holds the work). A worktree with
 * uncommitted changes is kept and reported — git refuses without `--force`, and keel does not force.
 */
async function removeWorkspace(git, ws) {
    const worktree = await canonical(ws.worktree);
    if (worktree === (await canonical(ws.repoRoot)))
        return { removed: false, reason: 'that is the repository checkout' };
    if (!(await exists(worktree))) {
        await git.run(['worktree', 'prune'], { cwd: ws.repoRoot });
        return { removed: true };
    }
    await ensureKeelWorktree(git, ws);
    const result = await git.run(['worktree', 'remove', worktree], { cwd: ws.repoRoot, allowFailure: true });
    if (result.exitCode !== 0)
        return { removed: false, reason: result.stderr.text.trim().split('\n').at(-1) ?? 'refused' };
    return { removed: true };
}

// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(7012);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(7594);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./lib/run/shutdown.js
/**
 * Everything that should end a run early, turned into one AbortSignal: SIGINT (GitHub's cancel: SIGTERM
 * follows 7.5 s later and SIGKILL 2.5 s after that), SIGTERM, an uncaught exception, an unhandled
 * rejection, the time budget running out, the heap nearing its limit. The engine stops taking work when
 * the signal fires, checkpoints, writes the recovery record and returns — it never just dies.
 */


function installShutdown(options = {}) {
    const events = options.events ?? process;
    const clock = options.clock ?? base_clock/* systemClock */.m;
    const controller = new AbortController();
    const stopWatching = new AbortController();
    let first;
    const trigger = (reason) => {
        if (first)
            return;
        first = reason;
        options.onShutdown?.(reason);
        controller.abort(new ShutdownError(reason));
    };
    const listeners = [
        ['SIGINT', () => trigger({ kind: 'SIGINT', message: 'cancelled (SIGINT)' })],
        ['SIGTERM', () => trigger({ kind: 'SIGTERM', message: 'terminated (SIGTERM)' })],
        [
            'uncaughtException',
            (error) => trigger({ kind: 'uncaught_exception', message: 'uncaught exception', error: shutdown_describe(error) }),
        ],
        [
            'unhandledRejection',
            (error) => trigger({
                kind: 'unhandled_rejection',
                message: 'unhandled promise rejection',
                error: shutdown_describe(error),
            }),
        ],
    ];
    for (const [event, listener] of listeners)
        events.on(event, listener);
    const onCancel = () => trigger(cancelReason(options.cancel?.reason));
    if (options.cancel?.aborted)
        onCancel();
    else
        options.cancel?.addEventListener('abort', onCancel, { once: true });
    const heapStats = options.heapStats ??
        (() => {
            const stats = (0,external_node_v8_.getHeapStatistics)();
            return { used: stats.used_heap_size, limit: stats.heap_size_limit };
        });
    const watchBudget = async () => {
        if (options.timeBudgetMs === undefined)
            return;
        const margin = options.marginMs ?? Math.min(60_000, options.timeBudgetMs * 0.1);
        await clock.sleep(Math.max(0, options.timeBudgetMs - margin), stopWatching.signal).catch(() => undefined);
        if (!stopWatching.signal.aborted) {
            trigger({
                kind: 'time_budget',
                // Two decimals: a budget under a minute must not read "0 min".
                message: `time budget of ${Math.round(options.timeBudgetMs / 600) / 100} min nearly used up`,
            });
        }
    };
    const watchHeap = async () => {
        const every = options.heapCheckMs ?? 1_000;
        const ratio = options.heapRatio ?? 0.9;
        while (!stopWatching.signal.aborted && !controller.signal.aborted) {
            const { used, limit } = heapStats();
            if (used > limit * ratio) {
                trigger({ kind: 'heap', message: `heap at ${Math.round((used / limit) * 100)} % of its limit` });
                return;
            }
            await clock.sleep(every, stopWatching.signal).catch(() => undefined);
        }
    };
    return {
        signal: controller.signal,
        reason: () => first,
        watch: async () => {
            await Promise.all([watchBudget(), watchHeap()]);
        },
        dispose: () => {
            stopWatching.abort();
            for (const [event, listener] of listeners)
                events.off(event, listener);
            options.cancel?.removeEventListener('abort', onCancel);
        },
    };
}
/** The reason of an outside cancellation: the signal it names (the CLI aborts with "received SIGTERM"). */
function cancelReason(reason) {
    const text = reason instanceof Error ? reason.message : String(reason);
    return /SIGTERM/.test(text)
        ? { kind: 'SIGTERM', message: 'terminated (SIGTERM)' }
        : { kind: 'SIGINT', message: 'cancelled (SIGINT)' };
}
/** The abort reason carried by the shutdown signal. */
class ShutdownError extends Error {
    name = 'ShutdownError';
    reason;
    constructor(reason) {
        super(reason.message);
        this.reason = reason;
    }
}
function shutdown_describe(error) {
    if (error instanceof Error)
        return (error.stack ?? `${error.name}: ${error.message}`).slice(0, 4_000);
    return String(error).slice(0, 4_000);
}

// EXTERNAL MODULE: ./lib/fleet/router-types.js
var router_types = __webpack_require__(235);
// EXTERNAL MODULE: ./lib/fleet/request-body.js
var request_body = __webpack_require__(6458);
;// CONCATENATED MODULE: ./lib/agents/parse-json.js
/** Longer answers are rejected unread: nothing keel asks for is this large, and parsing costs memory. */
const MAX_ANSWER_CHARS = 256 * 1024;
/** How many `{` positions the scanner tries before giving up: bounds the work on hostile prose. */
const MAX_OBJECT_STARTS = 32;
const MAX_ISSUES = 6;
const MAX_ERROR_CHARS = 1_500;
/** Bounded parse and validation: what every agent does with a raw answer. */
function parseAnswer(raw, schema, maxChars = MAX_ANSWER_CHARS) {
    const json = extractJson(raw, maxChars);
    if (!json.ok)
        return json;
    const result = schema.safeParse(json.value, { reportInput: true });
    if (result.success)
        return { ok: true, value: result.data };
    return { ok: false, error: describeIssues(result.error.issues) };
}
/** The JSON object in an answer, or why there is none. Never parses more than `maxChars`. */
function extractJson(raw, maxChars = MAX_ANSWER_CHARS) {
    if (raw.length > maxChars) {
        return {
            ok: false,
            error: `the answer is ${raw.length} characters long, over the limit of ${maxChars}: answer with a smaller JSON object`,
        };
    }
    // The well-behaved case first, so that an object whose strings mention fences or <think> is taken as is.
    const whole = tryObject(raw.trim());
    if (whole.ok)
        return whole;
    const text = stripReasoning(raw).trim();
    if (text === '')
        return { ok: false, error: 'the answer is empty: answer with one JSON object' };
    const direct = tryObject(text);
    if (direct.ok)
        return direct;
    for (const body of fencedBlocks(text)) {
        const fenced = tryObject(body.trim());
        if (fenced.ok)
            return fenced;
    }
    let firstError;
    let starts = 0;
    for (let at = text.indexOf('{'); at !== -1 && starts < MAX_OBJECT_STARTS; at = text.indexOf('{', at + 1)) {
        starts++;
        const end = matchingBrace(text, at);
        if (end === -1) {
            firstError ??= 'the JSON object is not closed (the answer may have been cut short)';
            continue;
        }
        const found = tryObject(text.slice(at, end + 1));
        if (found.ok)
            return found;
        firstError ??= found.error;
    }
    if (starts === 0) {
        return direct.error === NOT_AN_OBJECT
            ? direct
            : { ok: false, error: 'no JSON object found in the answer: answer with one JSON object and no prose' };
    }
    return { ok: false, error: firstError ?? 'no valid JSON object found in the answer' };
}
const NOT_AN_OBJECT = 'the answer must be a JSON object ({ … }), not an array or a single value';
function tryObject(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { ok: false, error: `invalid JSON: ${shorten(error.message, 200)}` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { ok: false, error: NOT_AN_OBJECT };
    }
    return { ok: true, value };
}
const REASONING_TAGS = 'think|thinking|reasoning';
const LEADING_REASONING = new RegExp(`^\\s*<(${REASONING_TAGS})>[\\s\\S]*?</\\1>`, 'i');
const ORPHAN_CLOSE = new RegExp(`</(?:${REASONING_TAGS})>`, 'i');
const UNCLOSED_OPEN = new RegExp(`^\\s*<(?:${REASONING_TAGS})>`, 'i');
/**
 * Reasoning models put their thoughts before the answer: `<think>…</think>{…}`. Some chat templates open the
 * block themselves, so only `…</think>{…}` arrives. A block that never closes was cut while thinking.
 */
function stripReasoning(raw) {
    let text = raw;
    for (let match = LEADING_REASONING.exec(text); match; match = LEADING_REASONING.exec(text)) {
        text = text.slice(match.index + match[0].length);
    }
    if (UNCLOSED_OPEN.test(text))
        return '';
    const orphan = ORPHAN_CLOSE.exec(text);
    if (orphan)
        text = text.slice(orphan.index + orphan[0].length);
    return text;
}
/** Bodies of Markdown code fences (```json … ```), in order. */
function fencedBlocks(text) {
    const bodies = [];
    for (const match of text.matchAll(/```[A-Za-z0-9_+-]*[^\S\n]*\n([\s\S]*?)```/g))
        bodies.push(match[1]);
    return bodies;
}
/** Index of the `}` closing the object opened at `start`, skipping braces inside strings; -1 when unclosed. */
function matchingBrace(text, start) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
        const char = text[i];
        if (inString) {
            if (char === '\\')
                i++;
            else if (char === '"')
                inString = false;
        }
        else if (char === '"')
            inString = true;
        else if (char === '{')
            depth++;
        else if (char === '}' && --depth === 0)
            return i;
    }
    return -1;
}
/** Zod issues as a short message for the model: at most a few, paths in backticks, no input values. */
function describeIssues(issues) {
    const lines = issues
        .slice(0, MAX_ISSUES)
        .map((issue) => `\`${formatPath(issue.path)}\`: ${explain(issue)}`);
    const more = issues.length - MAX_ISSUES;
    if (more > 0)
        lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
    return shorten(lines.join('; '), MAX_ERROR_CHARS);
}
function formatPath(path) {
    if (path.length === 0)
        return '(the answer)';
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else
            out += out === '' ? String(segment) : `.${String(segment)}`;
    }
    return out;
}
const EXPECTED = {
    string: 'a string',
    number: 'a number',
    int: 'an integer',
    boolean: 'true or false',
    object: 'an object',
    array: 'an array',
};
function explain(issue) {
    const input = issue.input;
    switch (issue.code) {
        case 'invalid_type': {
            const expected = EXPECTED[issue.expected] ?? issue.expected;
            return input === undefined
                ? `missing (expected ${expected})`
                : `expected ${expected}, got ${kindOf(input)}`;
        }
        case 'too_big':
            return `${limit('at most', issue.maximum, issue.origin)}${got(input)}`;
        case 'too_small':
            if (issue.origin === 'string' && issue.minimum === 1)
                return 'must not be empty';
            return `${limit('at least', issue.minimum, issue.origin)}${got(input)}`;
        case 'invalid_value':
            return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
        default:
            return shorten(issue.message, 300);
    }
}
function limit(bound, value, origin) {
    const n = Number(value);
    if (origin === 'string')
        return `${bound} ${n} character${n === 1 ? '' : 's'}`;
    if (origin === 'array' || origin === 'set')
        return `${bound} ${n} item${n === 1 ? '' : 's'}`;
    return `${bound} ${n}`;
}
function got(input) {
    if (typeof input === 'string')
        return `, got ${input.length}`;
    if (Array.isArray(input))
        return `, got ${input.length}`;
    if (typeof input === 'number')
        return `, got ${input}`;
    return '';
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}
function shorten(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// EXTERNAL MODULE: ./lib/agents/prompts.js
var prompts = __webpack_require__(9281);
;// CONCATENATED MODULE: ./lib/agents/call-agent.js




const DEFAULT_MAX_MODELS = 3;
/** `provenance.model` of a call that no model answered. */
const NO_MODEL = 'none';
const MAX_REASON_CHARS = 2_000;
async function callAgent(router, role, messages, parse, opts = {}) {
    const maxModels = Math.max(1, Math.floor(opts.maxModels ?? DEFAULT_MAX_MODELS));
    const tally = { attempts: 0, invalidAnswers: 0, model: NO_MODEL };
    const rejected = new Set();
    let lastError = '';
    const done = (value) => ({ ok: true, value, provenance: provenance(tally) });
    const routerFailed = (error) => {
        const invalid = invalidSummary(tally.invalidAnswers, lastError);
        // Nothing was even tried because every model still available had answered invalid output: a quality
        // failure, whatever the router calls it.
        if (error.reason === 'exhausted' && error.attempts.length === 0 && rejected.size > 0) {
            return failed('invalid', `no valid answer, and no model left to ask: ${invalid}`, tally);
        }
        const earlier = tally.invalidAnswers > 0 ? `; before that, ${invalid}` : '';
        return failed(error.reason, `${error.reason}: ${error.message}${earlier}`, tally);
    };
    for (let round = 0; round < maxModels; round++) {
        const first = await ask(router, role, messages, { exclude: [...rejected] }, opts.signal, tally);
        if (!first.ok)
            return routerFailed(first.error);
        const parsed = parse(first.content);
        if (parsed.ok)
            return done(parsed.value);
        tally.invalidAnswers++;
        lastError = parsed.error;
        // The same model, shown what it said and what was wrong with it: models fix their own format slips well.
        const retry = [
            ...messages,
            { role: 'assistant', content: shorten(first.content, prompts/* REJECTED_ANSWER_CHARS */.w5) },
            { role: 'user', content: (0,prompts/* correctionMessage */.cj)(parsed.error) },
        ];
        const second = await ask(router, role, retry, { prefer: first.key, exclude: [...rejected] }, opts.signal, tally);
        if (!second.ok)
            return routerFailed(second.error);
        const reparsed = parse(second.content);
        if (reparsed.ok)
            return done(reparsed.value);
        tally.invalidAnswers++;
        lastError = reparsed.error;
        // The preferred model may have been busy or gone, so the retry may have landed elsewhere: exclude both.
        rejected.add(first.key).add(second.key);
    }
    return failed('invalid', `no valid answer from ${rejected.size} model${rejected.size === 1 ? '' : 's'}: ${invalidSummary(tally.invalidAnswers, lastError)}`, tally);
}
async function ask(router, role, messages, options, signal, tally) {
    // Checked here too: a cancelled run must not start a request, whatever the router would do with it.
    if (signal?.aborted)
        return { ok: false, error: new router_types/* RouterError */.K('aborted', role, [], 'cancelled') };
    try {
        const completion = await router.complete(role, (0,request_body/* agentRequest */.hN)(messages), {
            ...options,
            ...(signal ? { signal } : {}),
        });
        tally.attempts += completion.attempts.length;
        tally.model = completion.key;
        return { ok: true, content: completion.content, key: completion.key };
    }
    catch (error) {
        if (!(error instanceof router_types/* RouterError */.K))
            throw error;
        tally.attempts += error.attempts.length;
        return { ok: false, error };
    }
}
function invalidSummary(count, lastError) {
    return `${count} invalid answer${count === 1 ? '' : 's'} (last: ${lastError})`;
}
function provenance(tally) {
    return { model: tally.model, attempts: tally.attempts, invalidAnswers: tally.invalidAnswers };
}
function failed(failure, reason, tally) {
    return { ok: false, failure, reason: shorten(reason, MAX_REASON_CHARS), provenance: provenance(tally) };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
;// CONCATENATED MODULE: ./lib/agents/schemas.js
/**
 * What each agent accepts from a model, with bounds. Lenient where leniency costs nothing (unknown keys are
 * dropped, ids are derived by keel anyway, empty lists may be omitted), strict where a wrong value would
 * mislead the engine (types, ranges, sizes, the shape of an edit). The checked answers are then shaped into
 * the types of `types.ts` by each agent.
 */

// ---------------------------------------------------------------------------------------------------------
// Planner
/** The bounds of `subtaskSchema` (plan-schema.ts), which the plan must pass when it is checkpointed. */
const PLAN_LIMITS = {
    title: 200,
    instructions: 8_000,
    files: 50,
    path: 300,
    milestones: 20,
    /** A model's own id is only a hint for keel's slug; a very long one is nonsense, not a hint. */
    modelId: 200,
};
const subtaskAnswer = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().max(PLAN_LIMITS.modelId).optional(),
    title: schemas/* string */.YjP().trim().min(1).max(PLAN_LIMITS.title),
    files: schemas/* array */.YOg(schemas/* string */.YjP().trim().min(1).max(PLAN_LIMITS.path)).max(PLAN_LIMITS.files).default([]),
    instructions: schemas/* string */.YjP().trim().min(1).max(PLAN_LIMITS.instructions),
});
function plannerAnswerSchema(maxSubtasks) {
    return schemas/* object */.Ikc({
        milestones: schemas/* array */.YOg(schemas/* object */.Ikc({
            id: schemas/* string */.YjP().max(PLAN_LIMITS.modelId).optional(),
            title: schemas/* string */.YjP().trim().min(1).max(PLAN_LIMITS.title),
            subtasks: schemas/* array */.YOg(subtaskAnswer).max(maxSubtasks),
        }))
            .min(1)
            .max(PLAN_LIMITS.milestones),
        confidence: schemas/* number */.aig().min(0).max(1),
    })
        .superRefine((plan, ctx) => {
        const count = plan.milestones.reduce((sum, milestone) => sum + milestone.subtasks.length, 0);
        if (count === 0) {
            ctx.addIssue({
                code: 'custom',
                path: ['milestones'],
                message: 'the plan has no subtasks: give at least one',
            });
        }
        else if (count > maxSubtasks) {
            ctx.addIssue({
                code: 'custom',
                path: ['milestones'],
                message: `at most ${maxSubtasks} subtasks in all, got ${count}: merge some`,
            });
        }
    });
}
// ---------------------------------------------------------------------------------------------------------
// Coder
const CODE_LIMITS = {
    edits: 50,
    path: 1_024,
    /** Per file; the whole answer is bounded by `MAX_ANSWER_CHARS` before this is even looked at. */
    content: 200_000,
    commitMessage: 2_000,
};
const EDIT_SHAPES = '{ path, content } to write a file, { path, search, replace } to change it, { path, delete: true }';
const editAnswer = schemas/* object */.Ikc({
    path: schemas/* string */.YjP().min(1).max(CODE_LIMITS.path),
    content: schemas/* string */.YjP().max(CODE_LIMITS.content).optional(),
    search: schemas/* string */.YjP().min(1).max(CODE_LIMITS.content).optional(),
    replace: schemas/* string */.YjP().max(CODE_LIMITS.content).optional(),
    delete: schemas/* boolean */.zMY().optional(),
})
    .superRefine((edit, ctx) => {
    const kinds = Number(edit.content !== undefined) +
        Number(edit.search !== undefined || edit.replace !== undefined) +
        Number(edit.delete !== undefined);
    if (kinds !== 1) {
        ctx.addIssue({ code: 'custom', message: `expected exactly one of ${EDIT_SHAPES}` });
    }
    else if (edit.delete === false) {
        ctx.addIssue({
            code: 'custom',
            path: ['delete'],
            message: 'expected true (omit the edit to keep the file)',
        });
    }
    else if ((edit.search === undefined) !== (edit.replace === undefined)) {
        const missing = edit.search === undefined ? 'search' : 'replace';
        ctx.addIssue({ code: 'custom', path: [missing], message: 'missing: search and replace go together' });
    }
});
const coderAnswerSchema = schemas/* object */.Ikc({
    edits: schemas/* array */.YOg(editAnswer).min(1).max(CODE_LIMITS.edits),
    commitMessage: schemas/* string */.YjP().trim().min(1).max(CODE_LIMITS.commitMessage),
});
// ---------------------------------------------------------------------------------------------------------
// Reviewer
const REVIEW_LIMITS = { items: 20, itemChars: 1_000 };
const remarks = schemas/* array */.YOg(schemas/* string */.YjP().max(REVIEW_LIMITS.itemChars)).max(REVIEW_LIMITS.items).default([]);
const reviewerAnswerSchema = schemas/* object */.Ikc({
    approved: schemas/* boolean */.zMY(),
    codeQuality: schemas/* number */.aig().min(0).max(100),
    comments: remarks,
    blocking: remarks,
});

;// CONCATENATED MODULE: ./lib/agents/coder.js
/**
 * The coder: one subtask becomes edits (whole-file writes, search/replace, deletions) and a commit message.
 * Only shape and size are checked here; whether a path is safe to write (inside the workspace, not `.git/`,
 * no symlink escape …) is decided where edits are applied (`src/git/safe-edits.ts`), once, for every source.
 *
 * Its degraded fallback produces no code: the subtask becomes an issue asking for a manual implementation.
 */




async function codeSubtask(router, input, opts = {}) {
    return callAgent(router, 'coder', (0,prompts/* coderMessages */.mD)(input), (raw) => {
        const answer = parseAnswer(raw, coderAnswerSchema);
        return answer.ok ? { ok: true, value: toCodeChange(answer.value) } : answer;
    }, opts);
}
function toCodeChange(answer) {
    const edits = answer.edits.map((edit) => {
        if (edit.content !== undefined)
            return { kind: 'write', path: edit.path, content: edit.content };
        if (edit.search !== undefined) {
            return { kind: 'replace', path: edit.path, search: edit.search, replace: edit.replace ?? '' };
        }
        return { kind: 'delete', path: edit.path };
    });
    return { edits, commitMessage: answer.commitMessage };
}
// ---------------------------------------------------------------------------------------------------------
// Degraded: a human implements it
/** GitHub refuses longer titles. */
const MAX_TITLE = 256;
/** GitHub's body limit is 65 536; room is left for the marker and links the engine adds. */
const MAX_BODY = 60_000;
/**
 * The issue that replaces a subtask no coder model could implement. Untrusted text (task, plan, reason) sits in
 * code fences, where Markdown, mentions and links stay inert, and cannot forge keel's hidden markers.
 */
function manualImplementationIssue(input) {
    const { subtask } = input;
    const title = shorten(`Manual implementation required: ${oneLine(subtask.title)}`, MAX_TITLE);
    const files = subtask.files.length > 0
        ? subtask.files
            .slice(0, 50)
            .map((file) => `- \`${shorten(oneLine(file), 300)}\``)
            .join('\n')
        : '(none named)';
    const body = [
        'keel could not implement this subtask: no coder model produced a usable change. It needs a human.',
        '',
        '### Why',
        fenced(shorten(input.reason, 4_000)),
        '',
        `### Subtask \`${subtask.id}\`: instructions`,
        fenced(shorten(subtask.instructions, 8_000)),
        '',
        '### Files',
        files,
        '',
        '### Plan',
        fenced(shorten((0,prompts/* planOutline */.EX)(input.plan, subtask.id), 12_000)),
        '',
        '### Task',
        fenced(shorten(input.task, 16_000)),
        '',
        'When it is done, commit it on the run’s work branch, or close this issue if the subtask is not needed.',
    ].join('\n');
    // Every part is bounded so that the sum stays under MAX_BODY: this cut is a safety net that never cuts.
    return { title, body: shorten(body, MAX_BODY) };
}
function oneLine(text) {
    return neutraliseMarkers(text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'"));
}
/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}text\n${neutraliseMarkers(text)}\n${fence}`;
}
/** keel finds its own issues by `<!-- keel:… -->` markers; quoted text must never contain one. */
function neutraliseMarkers(text) {
    return text.replace(/<!--/g, '<!\u200b--');
}

;// CONCATENATED MODULE: ./lib/run/effects.js
/**
 * Every effect a run has outside its work branch goes through this interface: issues, the tracking
 * comment, the pull request, the recovery record. Each call is idempotent by its hidden marker — the
 * implementation looks the marker up before creating anything — so a crash and a resume never duplicate
 * an effect. `LocalEffects` (files in the state directory) implements it here; the GitHub publisher
 * implements it in the Action.
 */
/** `<!-- keel:run=<id> step=<id> -->`: how an effect is found again. */
function effectMarker(runId, stepId) {
    return `<!-- keel:run=${runId} step=${stepId} -->`;
}

;// CONCATENATED MODULE: ./lib/run/partial-success.js
function successRate(tally) {
    const total = tally.succeeded + tally.failed + tally.degraded;
    return total === 0 ? 1 : tally.succeeded / total;
}
function decideBatch(tally, attempt, rule) {
    const rate = successRate(tally);
    if (rate >= rule.minSuccessRate)
        return { decision: 'accepted', rate };
    if (attempt <= rule.maxBatchRetries)
        return { decision: 'retry', rate };
    if (tally.failed === 0)
        return { decision: 'degraded', rate };
    return { decision: 'give-up', rate };
}

// EXTERNAL MODULE: ./lib/run/pending-subtasks.js
var pending_subtasks = __webpack_require__(727);
;// CONCATENATED MODULE: ./lib/base/serial.js
/** Runs async tasks one at a time, in call order: commits in one work tree, checkpoints of one run. */
class Serial {
    #tail = Promise.resolve();
    run(task) {
        const result = this.#tail.then(task, task);
        this.#tail = result.catch(() => undefined);
        return result;
    }
}
/** Runs `task` over `items` with at most `limit` in flight; resolves when all have settled. */
async function forEachLimited(items, limit, task) {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const item = items[next++];
            await task(item);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./lib/git/edit-path.js
/**
 * Lexical rules for a workspace-relative path that came from a model. Pure: no file system here, so every
 * rule can be tested exhaustively; `edit-fs.ts` adds what only the disk can tell (symlinks, file kinds).
 *
 * The path is hostile until proven otherwise. It is checked as given *and* after NFC normalisation, and
 * names are also compared in a folded form (NFKC, both case directions, Windows aliases stripped) so that
 * `.GIT`, `.git.`, `.git::$INDEX_ALLOCATION`, `git~1` and `．ｇｉｔ` all count as `.git`: keel runs on Linux,
 * macOS and Windows runners, and each of those file systems aliases names differently.
 */
const MAX_PATH_BYTES = 4096;
const MAX_SEGMENT_BYTES = 255;
/** Code points shown in a problem report before the path is cut. */
const DISPLAY_CODE_POINTS = 120;
/**
 * Control characters (C0, DEL, C1), invisible formatting characters (zero-width joiners, bidi overrides —
 * the "Trojan Source" set, and the code points HFS+ silently ignores) and line/paragraph separators.
 * None belongs in a file name a reviewer has to read.
 */
const CONTROL = /\p{Cc}/u;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;
const DRIVE = /^[A-Za-z]:/;
function edit_path_checkPathSyntax(raw, allowWorkflows) {
    if (typeof raw !== 'string')
        return { ok: false, reason: 'path must be a string' };
    if (raw.length === 0)
        return { ok: false, reason: 'path is empty' };
    // A lone surrogate would be written as U+FFFD: the file on disk would not be the one that was checked.
    if (!raw.isWellFormed())
        return { ok: false, reason: 'path is not well-formed Unicode (lone surrogate)' };
    if (raw.includes('\0'))
        return { ok: false, reason: 'path contains a NUL character' };
    const control = CONTROL.exec(raw);
    if (control)
        return { ok: false, reason: `path contains control character ${codePoint(control[0])}` };
    const invisible = INVISIBLE.exec(raw);
    if (invisible)
        return { ok: false, reason: `path contains invisible character ${codePoint(invisible[0])}` };
    if (raw.startsWith('/') || raw.startsWith('\\'))
        return { ok: false, reason: 'path is absolute' };
    if (DRIVE.test(raw))
        return { ok: false, reason: 'path is absolute (drive letter)' };
    // Backslashes are separators on Windows and ordinary bytes on POSIX: either reading lets a path mean two
    // things, so they are refused rather than translated.
    if (raw.includes('\\'))
        return { ok: false, reason: 'path contains a backslash (only "/" separates)' };
    // Raw segments first, so `a/../../x` is refused for its `..` whatever normalisation would make of it.
    // Lengths are measured on the NFC form only: that is the name that gets written.
    const rawProblem = checkSegments(raw.split('/'), allowWorkflows, false);
    if (rawProblem !== undefined)
        return { ok: false, reason: rawProblem };
    const relative = raw.normalize('NFC');
    const bytes = Buffer.byteLength(relative, 'utf8');
    if (bytes > MAX_PATH_BYTES) {
        return { ok: false, reason: `path is ${bytes} bytes, more than ${MAX_PATH_BYTES}` };
    }
    const segments = relative.split('/');
    const problem = checkSegments(segments, allowWorkflows, true);
    if (problem !== undefined)
        return { ok: false, reason: problem };
    return { ok: true, relative, segments };
}
function checkSegments(segments, allowWorkflows, measure) {
    for (const [index, segment] of segments.entries()) {
        const problem = checkSegment(segment, index === segments.length - 1, measure);
        if (problem !== undefined)
            return problem;
    }
    if (!allowWorkflows && segments.length >= 2) {
        const [first, second] = segments;
        if (fold(first) === '.github' && fold(second) === 'workflows') {
            return 'path is under .github/workflows/ (workflow edits are not allowed by the policy)';
        }
    }
    return undefined;
}
function checkSegment(segment, last, measure) {
    if (segment.length === 0)
        return last ? 'path ends with "/"' : 'path has an empty segment ("//")';
    const bytes = measure ? Buffer.byteLength(segment, 'utf8') : 0;
    if (bytes > MAX_SEGMENT_BYTES) {
        return `path segment is ${bytes} bytes, more than ${MAX_SEGMENT_BYTES}`;
    }
    if (segment === '..')
        return 'path contains a ".." segment';
    if (segment === '.')
        return 'path contains a "." segment (write the path without it)';
    const compat = segment.normalize('NFKC');
    // `...` and `. .` are `.`/`..` to Win32 once trailing dots and spaces go; `．．` and `‥` are `..` to
    // anything that applies compatibility normalisation.
    if (/^[. ]+$/.test(compat))
        return `path segment "${displayPath(segment)}" is made of dots`;
    if (/[. ]$/.test(segment)) {
        return `path segment "${displayPath(segment)}" ends with a dot or space (Windows drops them)`;
    }
    if (isGitName(segment)) {
        return `path touches the git directory ("${displayPath(segment)}" is treated as .git)`;
    }
    return undefined;
}
/** `.git` under any alias a runner's file system might apply. */
function isGitName(segment) {
    const folded = fold(segment);
    if (folded === '.git' || folded === 'git~1')
        return true;
    // Upper-casing catches what lower-casing misses: `ı` (dotless i) upper-cases to `I`, as NTFS does.
    return stripWindowsAliases(segment.normalize('NFKC').toUpperCase()) === '.GIT';
}
/** The name as a case-insensitive, compatibility-normalising, Win32 file system would see it. */
function fold(segment) {
    return stripWindowsAliases(segment.normalize('NFKC').toLowerCase());
}
/** NTFS alternate data streams (`name:stream`) and trailing dots and spaces all alias the bare name. */
function stripWindowsAliases(name) {
    const colon = name.indexOf(':');
    const base = colon === -1 ? name : name.slice(0, colon);
    return base.replace(/[. ]+$/, '');
}
function codePoint(char) {
    return `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/**
 * The path as given, safe to print: control and invisible characters escaped (a newline cannot forge a
 * log line, a bidi override cannot reorder what a reviewer reads), backslashes doubled so the escapes stay
 * unambiguous, and cut after a bounded number of code points without walking a huge string to its end.
 */
function displayPath(raw) {
    if (typeof raw !== 'string')
        return `<${raw === null ? 'null' : typeof raw}>`;
    let shown = '';
    let count = 0;
    for (const char of raw) {
        if (count === DISPLAY_CODE_POINTS) {
            return `${shown}… (${raw.length} UTF-16 units in all)`;
        }
        shown += escapeChar(char);
        count += 1;
    }
    return shown;
}
function escapeChar(char) {
    switch (char) {
        case '\\':
            return '\\\\';
        case '\n':
            return '\\n';
        case '\r':
            return '\\r';
        case '\t':
            return '\\t';
    }
    const lone = char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff;
    if (lone || CONTROL.test(char) || INVISIBLE.test(char)) {
        return `\\u{${char.codePointAt(0).toString(16)}}`;
    }
    return char;
}

;// CONCATENATED MODULE: ./lib/git/edit-fs.js
/**
 * The file-system half of applying model edits: what is on disk at a checked path, and writing there
 * without ever following a symbolic link out of the workspace.
 *
 * Symlink rule: a symbolic link anywhere on the way is refused, even one that points back inside the
 * workspace. "Points inside" is a fact about the moment of the check; the link (or what it passes through)
 * can change before the write, and a write through a link also changes a different tracked path than the
 * one the model named, which a reviewer would not see. Refusing every link is simpler to reason about and
 * costs nothing real: models edit source files, not links.
 *
 * Validation is synchronous so the public `checkEditPath` can share it; it is a handful of `lstat` calls per
 * edit, stopping at the first missing directory. Writing is asynchronous and re-checks every directory as it
 * goes, because time has passed since validation.
 */





const ok = (value) => ({ ok: true, value });
const fail = (reason) => ({ ok: false, reason });
/** The workspace's real path, resolved once so every later comparison is against the same root. */
function edit_fs_resolveWorkspaceSync(workspace) {
    try {
        const root = realpathSync(path.resolve(workspace));
        return statSync(root).isDirectory() ? ok(root) : fail('workspace is not a directory');
    }
    catch (error) {
        return fail(`workspace is not an existing directory (${errorCode(error)})`);
    }
}
async function resolveWorkspace(workspace) {
    try {
        const root = await (0,promises_.realpath)(external_node_path_.resolve(workspace));
        return (await (0,promises_.stat)(root)).isDirectory() ? ok(root) : fail('workspace is not a directory');
    }
    catch (error) {
        return fail(`workspace is not an existing directory (${errorCode(error)})`);
    }
}
/**
 * What `segments` (already lexically checked) name under `root`: every existing parent must be a real
 * directory, the final component must be missing or a regular file. Nothing is followed.
 */
function edit_fs_inspectTarget(root, segments) {
    let current = root;
    for (let depth = 0; depth < segments.length - 1; depth++) {
        current = external_node_path_.join(current, segments[depth]);
        const probe = lstatProbe(current);
        const shown = displayPath(segments.slice(0, depth + 1).join('/'));
        // A missing parent means everything below it is missing too: it will be created, one level at a time.
        if (probe.kind === 'missing')
            return ok({ kind: 'absent' });
        if (probe.kind === 'error')
            return fail(`cannot inspect parent "${shown}": ${probe.reason}`);
        if (probe.stats.isSymbolicLink()) {
            return fail(`parent "${shown}" is a symbolic link (links are never followed)`);
        }
        if (!probe.stats.isDirectory())
            return fail(`parent "${shown}" is not a directory`);
    }
    // Defence in depth: with no links on the way this always holds, unless the root itself moved.
    try {
        if (!isInside(root, (0,external_node_fs_.realpathSync)(current)))
            return fail('parent directory resolves outside the workspace');
    }
    catch (error) {
        return fail(`cannot resolve parent directory: ${errorCode(error)}`);
    }
    return describeFinal(lstatProbe(external_node_path_.join(current, segments.at(-1))));
}
function describeFinal(probe) {
    if (probe.kind === 'missing')
        return ok({ kind: 'absent' });
    if (probe.kind === 'error')
        return fail(`cannot inspect the path: ${probe.reason}`);
    const { stats } = probe;
    if (stats.isSymbolicLink())
        return fail('path is a symbolic link (links are never followed)');
    if (stats.isDirectory())
        return fail('path is a directory');
    if (!stats.isFile())
        return fail('path is not a regular file');
    return ok({ kind: 'file', size: stats.size, executable: (stats.mode & 0o111) !== 0 });
}
/**
 * A regular file's bytes, at most `maxBytes`. `O_NOFOLLOW` refuses a link swapped in since the check and
 * `O_NONBLOCK` keeps a swapped-in FIFO from hanging the run; the kind is checked again on the open handle.
 */
async function readFileBounded(absolute, maxBytes) {
    const flags = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
    let handle;
    try {
        handle = await (0,promises_.open)(absolute, flags);
    }
    catch (error) {
        return fail(`cannot open the file: ${errorCode(error)}`);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            return fail('path is not a regular file');
        if (stats.size > maxBytes) {
            return fail(`file is ${stats.size} bytes, more than maxFileBytes (${maxBytes})`);
        }
        // One spare byte tells a file that grew since `stat` from one that is exactly `size` long.
        const buffer = Buffer.alloc(stats.size + 1);
        let filled = 0;
        while (filled < buffer.length) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        if (filled > stats.size)
            return fail('file changed while it was read');
        return ok(buffer.subarray(0, filled));
    }
    catch (error) {
        return fail(`cannot read the file: ${errorCode(error)}`);
    }
    finally {
        await handle.close();
    }
}
/**
 * Creates the missing parents of `segments` one level at a time, re-checking after each step that the
 * directory is a real one (not a link someone put there meanwhile). Returns the parent's absolute path.
 */
async function ensureParentDirectory(root, segments) {
    let current = root;
    for (let depth = 0; depth < segments.length - 1; depth++) {
        current = external_node_path_.join(current, segments[depth]);
        const shown = displayPath(segments.slice(0, depth + 1).join('/'));
        let probe = await lstatProbeAsync(current);
        if (probe.kind === 'missing') {
            try {
                // Not recursive: `recursive` would follow whatever links appear in the path it creates.
                await (0,promises_.mkdir)(current, { mode: 0o755 });
            }
            catch (error) {
                if (errorCode(error) !== 'EEXIST')
                    return fail(`cannot create directory "${shown}": ${errorCode(error)}`);
            }
            probe = await lstatProbeAsync(current);
        }
        if (probe.kind !== 'found')
            return fail(`directory "${shown}" vanished while it was created`);
        if (probe.stats.isSymbolicLink() || !probe.stats.isDirectory()) {
            return fail(`parent "${shown}" is no longer a real directory`);
        }
    }
    try {
        if (!isInside(root, await (0,promises_.realpath)(current)))
            return fail('parent directory resolves outside the workspace');
    }
    catch (error) {
        return fail(`cannot resolve parent directory: ${errorCode(error)}`);
    }
    return ok(current);
}
/**
 * Writes `content` to `directory/name` through a fresh temp file and `rename`. The temp file is created
 * with `wx` (O_CREAT|O_EXCL: never an existing file, never through a link); `rename` replaces the directory
 * entry itself, so even a link or hard link swapped in at the target is replaced, never written through.
 */
async function writeFileAtomic(directory, name, content, executable) {
    const target = external_node_path_.join(directory, name);
    for (let attempt = 0; attempt < 4; attempt++) {
        const temp = external_node_path_.join(directory, `.keel-edit-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`);
        let handle;
        try {
            handle = await (0,promises_.open)(temp, 'wx', 0o644);
        }
        catch (error) {
            if (errorCode(error) === 'EEXIST')
                continue;
            return fail(`cannot create a temporary file: ${errorCode(error)}`);
        }
        const written = await fillAndClose(handle, content, executable);
        const placed = written.ok ? await replaceTarget(temp, target) : written;
        if (!placed.ok)
            await (0,promises_.unlink)(temp).catch(() => undefined);
        return placed;
    }
    return fail('cannot create a temporary file: name collisions');
}
async function fillAndClose(handle, content, executable) {
    try {
        await handle.writeFile(content, 'utf8');
        // Git records only 644 and 755; an executable script stays executable after an edit.
        if (executable)
            await handle.chmod(0o755);
        return ok(undefined);
    }
    catch (error) {
        return fail(`cannot write the temporary file: ${errorCode(error)}`);
    }
    finally {
        await handle.close();
    }
}
async function replaceTarget(temp, target) {
    const probe = await lstatProbeAsync(target);
    if (probe.kind === 'error')
        return fail(`cannot inspect the path: ${probe.reason}`);
    if (probe.kind === 'found' && !probe.stats.isFile())
        return fail('path is no longer a regular file');
    try {
        await (0,promises_.rename)(temp, target);
        return ok(undefined);
    }
    catch (error) {
        return fail(`cannot move the temporary file into place: ${errorCode(error)}`);
    }
}
/** Removes a regular file; `unlink` never follows a link, and the kind is checked once more first. */
async function removeFile(absolute) {
    const probe = await lstatProbeAsync(absolute);
    // Gone already: the outcome the edit asked for.
    if (probe.kind === 'missing')
        return ok(undefined);
    if (probe.kind === 'error')
        return fail(`cannot inspect the path: ${probe.reason}`);
    if (!probe.stats.isFile())
        return fail('path is no longer a regular file');
    try {
        await (0,promises_.unlink)(absolute);
        return ok(undefined);
    }
    catch (error) {
        return fail(`cannot delete the file: ${errorCode(error)}`);
    }
}
function lstatProbe(absolute) {
    try {
        return { kind: 'found', stats: (0,external_node_fs_.lstatSync)(absolute) };
    }
    catch (error) {
        return toProbe(error);
    }
}
async function lstatProbeAsync(absolute) {
    try {
        return { kind: 'found', stats: await (0,promises_.lstat)(absolute) };
    }
    catch (error) {
        return toProbe(error);
    }
}
function toProbe(error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'error', reason: code };
}
function isInside(root, candidate) {
    const relative = external_node_path_.relative(root, candidate);
    // `..foo` is a fine name inside; only `..` itself or `../…` leaves.
    const leaves = relative === '..' || relative.startsWith(`..${external_node_path_.sep}`);
    return !leaves && !external_node_path_.isAbsolute(relative);
}
function errorCode(error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string')
        return error.code;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./lib/git/safe-edits.js
/**
 * Applies a coder's edits to the workspace. Model output is untrusted, so the whole change set is validated
 * before anything is written: one bad edit and nothing changes, and the caller gets every problem at once
 * (the coder can fix them all in one retry instead of one per round trip).
 *
 * Decisions worth knowing:
 * - Edits to the same path apply in order to an in-memory copy (a write then a replace works); the disk is
 *   touched only once per path, with the final result.
 * - Deleting a missing file is a no-op, not an error: the state asked for already holds. It is not listed
 *   in `changed`. The path still has to pass every rule.
 * - A write whose content equals the file on disk is not a change: it is not written and not listed.
 * - `maxTotalBytes` bounds the bytes this change set would put on disk (the sum of every path's current
 *   result), checked after each edit, so a change set that ever holds more is refused even if a later edit
 *   would shrink it.
 * - Existing files edited by `replace` must be UTF-8 text without NUL bytes and at most `maxFileBytes`.
 * - After validation only I/O can fail (a full disk, a race with another process). Then the first failure
 *   is reported and the workspace may be partly changed; the reason says how far it got. Keel works in a
 *   throwaway worktree, where git restores the rest.
 */



const DEFAULT_EDIT_POLICY = Object.freeze({
    allowWorkflows: false,
    maxFileBytes: 1024 * 1024,
    maxTotalBytes: 5 * 1024 * 1024,
    maxEdits: 200,
});
/**
 * Whether an edit may touch `path`: the lexical rules plus what is on disk (no links on the way, the target
 * missing or a regular file). `relative` is the NFC form that would be written; `absolute` is under the
 * workspace's real path.
 */
function checkEditPath(workspace, path, policy) {
    const syntax = checkPathSyntax(path, policy.allowWorkflows);
    if (!syntax.ok)
        return syntax;
    const root = resolveWorkspaceSync(workspace);
    if (!root.ok)
        return root;
    const target = inspectTarget(root.value, syntax.segments);
    if (!target.ok)
        return target;
    return { ok: true, relative: syntax.relative, absolute: joinUnder(root.value, syntax.segments) };
}
async function applyEdits(workspace, edits, policy) {
    const limits = resolvePolicy(policy);
    if (!Array.isArray(edits))
        return problem(-1, '', 'edits must be an array');
    if (edits.length > limits.maxEdits) {
        // Checked before anything else: validating a flood would be the denial of service the bound prevents.
        const first = edits[limits.maxEdits];
        return problem(limits.maxEdits, displayPath(isRecord(first) ? first.path : undefined), `too many edits: ${edits.length}, the policy allows ${limits.maxEdits}`);
    }
    const root = await resolveWorkspace(workspace);
    if (!root.ok)
        return problem(-1, '', root.reason);
    const planned = await plan(root.value, edits, limits);
    if (!planned.ok)
        return planned;
    const changes = await settle(root.value, planned.entries);
    if (!changes.ok)
        return changes;
    return write(root.value, changes.changes);
}
function resolvePolicy(partial) {
    const policy = {
        allowWorkflows: partial?.allowWorkflows ?? DEFAULT_EDIT_POLICY.allowWorkflows,
        maxFileBytes: partial?.maxFileBytes ?? DEFAULT_EDIT_POLICY.maxFileBytes,
        maxTotalBytes: partial?.maxTotalBytes ?? DEFAULT_EDIT_POLICY.maxTotalBytes,
        maxEdits: partial?.maxEdits ?? DEFAULT_EDIT_POLICY.maxEdits,
    };
    // The policy comes from keel's own validated configuration: a bad one is a bug, not a model problem.
    for (const key of ['maxFileBytes', 'maxTotalBytes', 'maxEdits']) {
        if (!Number.isSafeInteger(policy[key]) || policy[key] < 0) {
            throw new RangeError(`edit policy ${key} must be a non-negative integer, got ${policy[key]}`);
        }
    }
    return policy;
}
/** Runs every edit against the in-memory state, collecting every problem. Reads, never writes. */
async function plan(root, edits, policy) {
    const entries = new Map();
    /** Directories that writes in this change set need, with the first edit that needs each. */
    const directories = new Map();
    const problems = [];
    let totalBytes = 0;
    let totalReported = false;
    for (const [index, raw] of edits.entries()) {
        const edit = raw;
        const shown = displayPath(isRecord(edit) ? edit.path : undefined);
        const report = (reason, entry) => {
            problems.push({ index, path: shown, reason });
            if (entry && entry.brokenBy === undefined)
                entry.brokenBy = index;
        };
        const shape = checkShape(edit);
        if (!shape.ok) {
            report(shape.reason);
            continue;
        }
        const syntax = edit_path_checkPathSyntax(shape.edit.path, policy.allowWorkflows);
        if (!syntax.ok) {
            report(syntax.reason);
            continue;
        }
        let entry = entries.get(syntax.relative);
        if (!entry) {
            const target = edit_fs_inspectTarget(root, syntax.segments);
            if (!target.ok) {
                report(target.reason);
                continue;
            }
            entry = {
                relative: syntax.relative,
                segments: syntax.segments,
                existing: target.value,
                current: target.value.kind === 'file' ? { kind: 'disk' } : { kind: 'absent' },
                lastIndex: index,
                shown,
            };
            entries.set(syntax.relative, entry);
        }
        if (entry.brokenBy !== undefined) {
            report(`not checked: edit #${entry.brokenBy} to the same path is invalid`);
            continue;
        }
        const before = entry.current.kind === 'text' ? entry.current.bytes : 0;
        const next = await nextState(root, entry, shape.edit, policy);
        if (!next.ok) {
            report(next.reason, entry);
            continue;
        }
        if (next.current.kind === 'text') {
            const conflict = layoutConflict(entry, entries, directories);
            if (conflict !== undefined) {
                report(conflict, entry);
                continue;
            }
            for (let depth = 1; depth < entry.segments.length; depth++) {
                const directory = entry.segments.slice(0, depth).join('/');
                if (!directories.has(directory))
                    directories.set(directory, index);
            }
        }
        entry.current = next.current;
        entry.lastIndex = index;
        entry.shown = shown;
        totalBytes += (next.current.kind === 'text' ? next.current.bytes : 0) - before;
        if (totalBytes > policy.maxTotalBytes && !totalReported) {
            totalReported = true;
            report(`the change set writes more than maxTotalBytes (${totalBytes} > ${policy.maxTotalBytes} bytes)`);
        }
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
/** A path cannot be both a file and a directory within one change set. */
function layoutConflict(entry, entries, directories) {
    const needed = directories.get(entry.relative);
    if (needed !== undefined)
        return `path is a directory that edit #${needed} writes into`;
    for (let depth = 1; depth < entry.segments.length; depth++) {
        const parent = entries.get(entry.segments.slice(0, depth).join('/'));
        if (parent?.current.kind === 'text') {
            return `parent "${displayPath(parent.relative)}" is written as a file by edit #${parent.lastIndex}`;
        }
    }
    return undefined;
}
const EDIT_FIELDS = {
    write: ['path', 'content'],
    replace: ['path', 'search', 'replace'],
    delete: ['path'],
};
/** The agent schema already checks shapes; this keeps a bypass (or a future caller) from writing garbage. */
function checkShape(edit) {
    if (!isRecord(edit))
        return { ok: false, reason: 'edit must be an object' };
    const kind = typeof edit.kind === 'string' ? edit.kind : '';
    const required = Object.hasOwn(EDIT_FIELDS, kind) ? EDIT_FIELDS[kind] : undefined;
    if (required === undefined)
        return { ok: false, reason: 'edit kind must be write, replace or delete' };
    for (const field of required) {
        if (typeof edit[field] !== 'string')
            return { ok: false, reason: `${kind} edit: ${field} must be a string` };
    }
    return { ok: true, edit: edit };
}
async function nextState(root, entry, edit, policy) {
    switch (edit.kind) {
        case 'write': {
            const checked = checkText(edit.content, 'content', policy.maxFileBytes);
            return checked.ok
                ? { ok: true, current: { kind: 'text', text: edit.content, bytes: checked.bytes } }
                : checked;
        }
        case 'delete':
            return { ok: true, current: { kind: 'absent' } };
        case 'replace': {
            const base = await currentText(root, entry, policy.maxFileBytes);
            if (!base.ok)
                return base;
            if (edit.search.length === 0)
                return { ok: false, reason: 'search text is empty' };
            const found = occurrences(base.text, edit.search);
            if (found.count === 0)
                return { ok: false, reason: 'search text not found' };
            if (found.count > 1)
                return { ok: false, reason: `search text is ambiguous (${found.count} occurrences)` };
            // Slicing, not String.replace: `$&` and friends in model text must stay literal.
            const text = base.text.slice(0, found.first) + edit.replace + base.text.slice(found.first + edit.search.length);
            const checked = checkText(text, 'result', policy.maxFileBytes);
            return checked.ok ? { ok: true, current: { kind: 'text', text, bytes: checked.bytes } } : checked;
        }
    }
}
/** Every occurrence counts, overlapping ones too: `aa` in `aaa` is ambiguous. */
function occurrences(text, search) {
    const first = text.indexOf(search);
    let count = 0;
    for (let at = first; at !== -1; at = text.indexOf(search, at + 1))
        count += 1;
    return { count, first };
}
async function currentText(root, entry, maxFileBytes) {
    if (entry.current.kind === 'text')
        return { ok: true, text: entry.current.text };
    if (entry.current.kind === 'absent') {
        const reason = entry.existing.kind === 'file' ? 'file is deleted by an earlier edit' : 'file does not exist';
        return { ok: false, reason };
    }
    const bytes = await diskBytes(root, entry, maxFileBytes);
    if (!bytes.ok)
        return bytes;
    if (bytes.value.includes(0))
        return { ok: false, reason: 'file contains NUL bytes (binary files are not edited)' };
    try {
        // `ignoreBOM` keeps a byte-order mark in the text, so rewriting the file keeps it too.
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.value) };
    }
    catch {
        return { ok: false, reason: 'file is not valid UTF-8 text' };
    }
}
async function diskBytes(root, entry, maxFileBytes) {
    if (entry.diskBytes)
        return { ok: true, value: entry.diskBytes };
    const read = await readFileBounded(joinUnder(root, entry.segments), maxFileBytes);
    if (read.ok)
        entry.diskBytes = read.value;
    return read;
}
function checkText(text, label, maxFileBytes) {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is refused without measuring it.
    if (text.length > maxFileBytes) {
        return {
            ok: false,
            reason: `${label} is at least ${text.length} bytes, more than maxFileBytes (${maxFileBytes})`,
        };
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxFileBytes) {
        return { ok: false, reason: `${label} is ${bytes} bytes, more than maxFileBytes (${maxFileBytes})` };
    }
    if (text.includes('\0'))
        return { ok: false, reason: `${label} contains NUL bytes (binary content is refused)` };
    // A lone surrogate would be written as U+FFFD: the file would not hold what was checked.
    if (!text.isWellFormed())
        return { ok: false, reason: `${label} is not well-formed Unicode (lone surrogate)` };
    return { ok: true, bytes };
}
/** The disk operations the final state needs, in path order; unchanged paths drop out. */
async function settle(root, entries) {
    const changes = [];
    const problems = [];
    for (const entry of [...entries.values()].sort((a, b) => compare(a.relative, b.relative))) {
        const { current, existing } = entry;
        if (current.kind === 'disk')
            continue;
        if (current.kind === 'absent') {
            if (existing.kind === 'file')
                changes.push({ entry, action: 'delete' });
            continue;
        }
        if (existing.kind === 'file' && existing.size === current.bytes) {
            const bytes = await diskBytes(root, entry, current.bytes);
            if (!bytes.ok) {
                problems.push({ index: entry.lastIndex, path: entry.shown, reason: bytes.reason });
                continue;
            }
            if (bytes.value.equals(Buffer.from(current.text, 'utf8')))
                continue;
        }
        changes.push({ entry, action: 'write', text: current.text });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}
async function write(root, changes) {
    const changed = [];
    for (const change of changes) {
        const { entry } = change;
        const done = await applyChange(root, change);
        if (!done.ok) {
            const progress = `write failed after ${changed.length} of ${changes.length} files were changed`;
            return problem(entry.lastIndex, entry.shown, `${progress}: ${done.reason}`);
        }
        changed.push(entry.relative);
    }
    return { ok: true, changed };
}
async function applyChange(root, change) {
    const { entry } = change;
    if (change.action === 'delete')
        return removeFile(joinUnder(root, entry.segments));
    const directory = await ensureParentDirectory(root, entry.segments);
    if (!directory.ok)
        return directory;
    const executable = entry.existing.kind === 'file' && entry.existing.executable;
    return writeFileAtomic(directory.value, entry.segments.at(-1), change.text, executable);
}
/** The segments are checked (no `.`, `..` or empty ones), so joining cannot climb out of `root`. */
function joinUnder(root, segments) {
    return external_node_path_.join(root, ...segments);
}
/** Code-unit order, the same everywhere (no locale). */
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function problem(index, path, reason) {
    return { ok: false, problems: [{ index, path, reason }] };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null;
}

;// CONCATENATED MODULE: ./lib/run/external-code.js
/**
 * Coder results produced elsewhere — by the `actions/code` matrix jobs of a fan-out workflow, one subtask
 * per job — handed to the engine, which applies and commits them exactly as it would its own coder's.
 */

const editSchema = schemas/* discriminatedUnion */.gMt('kind', [
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('write'), path: schemas/* string */.YjP().max(4_096), content: schemas/* string */.YjP().max(2_000_000) }),
    schemas/* object */.Ikc({
        kind: schemas/* literal */.euz('replace'),
        path: schemas/* string */.YjP().max(4_096),
        search: schemas/* string */.YjP().max(2_000_000),
        replace: schemas/* string */.YjP().max(2_000_000),
    }),
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('delete'), path: schemas/* string */.YjP().max(4_096) }),
]);
const externalCodeResultSchema = schemas/* union */.KCZ([
    schemas/* object */.Ikc({
        ok: schemas/* literal */.euz(true),
        subtaskId: schemas/* string */.YjP().max(64),
        model: schemas/* string */.YjP().max(300),
        change: schemas/* object */.Ikc({ edits: schemas/* array */.YOg(editSchema).max(200), commitMessage: schemas/* string */.YjP().min(1).max(2_000) }),
    }),
    schemas/* object */.Ikc({
        ok: schemas/* literal */.euz(false),
        subtaskId: schemas/* string */.YjP().max(64),
        model: schemas/* string */.YjP().max(300),
        reason: schemas/* string */.YjP().max(4_000),
        /** No coder model answered at all (as opposed to answers that never validated). */
        degraded: schemas/* boolean */.zMY(),
    }),
]);
function toExternalResult(subtaskId, result) {
    if (result.ok)
        return { ok: true, subtaskId, model: result.provenance.model, change: result.value };
    return {
        ok: false,
        subtaskId,
        model: result.provenance.model,
        reason: result.reason,
        degraded: result.provenance.invalidAnswers === 0,
    };
}
function fromExternalResult(result) {
    const provenance = {
        model: result.model,
        attempts: 1,
        invalidAnswers: result.ok || result.degraded ? 0 : 1,
    };
    return result.ok
        ? { ok: true, value: result.change, provenance }
        : { ok: false, reason: result.reason, provenance };
}

;// CONCATENATED MODULE: ./lib/run/steps/code-one.js
/**
 * One coder subtask: ask the coder, apply its edits inside the work tree (path-checked, all or nothing),
 * commit with the run's trailers. Model calls run in parallel; applying and committing run one at a time
 * through `commits`, since they share one work tree and one index.
 */






async function codeOne(ctx, subtask, commits) {
    const { deps, state, workspace } = ctx;
    const stepId = `code:${subtask.id}`;
    const step = ctx.step(stepId);
    ctx.begin(step);
    const files = await (0,read_files/* readFiles */.U)(workspace, subtask.files, prompts/* MAX_FILE_BYTES_IN_PROMPT */.dW);
    // A result a fan-out coder job delivered is used once; a retried batch asks the coder here.
    const external = deps.externalCode?.get(subtask.id);
    deps.externalCode?.delete(subtask.id);
    const result = (external ? fromExternalResult(external) : undefined) ??
        (await deps.prefetch?.take(subtask.id, files)) ??
        (await codeSubtask(deps.router, { task: state.task.text, plan: state.plan, subtask, files }, { signal: deps.signal }));
    if (ctx.stopping) {
        step.status = 'pending';
        return;
    }
    if (!result.ok) {
        // No answer at all means no coder model was available (degraded); answers that never validated are a
        // quality failure of this subtask.
        const degraded = result.provenance.invalidAnswers === 0;
        if (degraded)
            deps.metrics.degraded('coder');
        ctx.finish(step, 'failed', { error: result.reason, degraded, model: result.provenance.model });
        deps.progress(`${stepId}: failed — ${deps.redact(result.reason)}`);
        await ctx.event('subtask_failed', { step: stepId, degraded, reason: deps.redact(result.reason) });
        await ctx.checkpoint();
        return;
    }
    await commits.run(async () => {
        const applied = await applyEdits(workspace.worktree, result.value.edits, {
            allowWorkflows: deps.config.run.allowWorkflowEdits,
        });
        if (!applied.ok) {
            const problems = applied.problems.map((p) => `${p.path}: ${p.reason}`).join('; ');
            ctx.finish(step, 'failed', { error: `edits refused: ${problems}`, model: result.provenance.model });
            return;
        }
        const commit = await commitStep(deps.git, workspace, {
            runId: state.runId,
            stepId,
            message: result.value.commitMessage,
        });
        if (commit.sha === undefined) {
            ctx.finish(step, 'failed', { error: 'the edits changed nothing', model: result.provenance.model });
            return;
        }
        ctx.finish(step, 'done', { commit: commit.sha, model: result.provenance.model });
    });
    deps.progress(step.status === 'done'
        ? `${stepId}: committed ${step.commit?.slice(0, 8)} (${step.model})`
        : `${stepId}: failed — ${step.error ?? ''}`);
    await ctx.event(step.status === 'done' ? 'subtask_done' : 'subtask_failed', {
        step: stepId,
        commit: step.commit,
        model: step.model,
    });
    await ctx.checkpoint();
}

;// CONCATENATED MODULE: ./lib/run/steps/code-batch.js
/**
 * The coder batch: every subtask of the plan, in parallel up to the fleet's capacity, then the
 * partial-success rule. Crash-safe at any instant:
 * - a commit made just before a crash is found again by its `Keel-Step` trailer and counts as done;
 * - the batch's starting head is checkpointed before any coding, so a discarded batch is reset exactly;
 * - the decision is checkpointed before it is carried out, and carrying it out is idempotent.
 */







async function codeStep(ctx) {
    const { state, deps } = ctx;
    const subtasks = state.plan.milestones.flatMap((m) => m.subtasks);
    // Decided before a crash or a stop (validation, review or publish was under way): the decision stands.
    // Deciding again would add a batch record, and count the batch's rate, on every resume.
    const last = state.batches.at(-1);
    if (!state.openBatch && last !== undefined && last.decision !== 'rejected') {
        await fileFailedSubtasks(ctx, subtasks);
        return 'continue';
    }
    for (;;) {
        await finishRejectedBatch(ctx, subtasks);
        await adoptCommittedSteps(ctx, subtasks);
        if (!state.openBatch) {
            state.openBatch = {
                attempt: state.batches.length + 1,
                baseSha: await headSha(deps.git, ctx.workspace),
            };
            await ctx.checkpoint();
        }
        const { attempt, baseSha } = state.openBatch;
        // The same selection, in the same order, as the resume's prefetch and early request asked for.
        const pending = (0,pending_subtasks/* pendingSubtasks */.Y)(state, state.plan, Infinity);
        if (pending.length > 0)
            deps.progress(`coding ${pending.length} subtask(s), batch attempt ${attempt}`);
        const commits = new Serial();
        await forEachLimited(pending, coderCapacity(deps.config), async (subtask) => {
            if (!ctx.stopping)
                await codeOne(ctx, subtask, commits);
        });
        if (ctx.stopping)
            return 'stop';
        const tally = tallyOf(ctx, subtasks);
        const { decision, rate } = decideBatch(tally, attempt, deps.config.run);
        deps.metrics.batch(rate);
        state.batches.push({
            attempt,
            baseSha,
            succeeded: tally.succeeded,
            total: subtasks.length,
            decision: decision === 'retry' || decision === 'give-up' ? 'rejected' : decision,
            decidedAt: deps.clock.now(),
        });
        deps.progress(`batch ${attempt}: ${tally.succeeded}/${subtasks.length} succeeded (${Math.round(rate * 100)} %) → ${decision}`);
        await ctx.event('batch', { attempt, ...tally, rate, decision });
        if (decision === 'retry') {
            await ctx.checkpoint();
            continue; // finishRejectedBatch resets the branch and reopens the subtasks
        }
        if (decision === 'give-up') {
            await ctx.checkpoint();
            await finishRejectedBatch(ctx, subtasks);
            return 'stop';
        }
        delete state.openBatch;
        await ctx.checkpoint();
        await fileFailedSubtasks(ctx, subtasks);
        return 'continue';
    }
}
/** Carries out a checkpointed rejection: back to the batch's starting head, every subtask pending again. */
async function finishRejectedBatch(ctx, subtasks) {
    const { state, deps } = ctx;
    const open = state.openBatch;
    const last = state.batches.at(-1);
    if (!open || !last || last.attempt !== open.attempt || last.decision !== 'rejected')
        return;
    await resetWorkBranch(deps.git, ctx.workspace, open.baseSha);
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        step.status = 'pending';
        delete step.commit;
        delete step.error;
        delete step.degraded;
    }
    delete state.openBatch;
    await ctx.checkpoint();
}
/**
 * A commit on the work branch whose trailer names a step proves that step done, checkpoint or not — and a
 * step the checkpoint calls done whose commit is not on the branch (resumed on another runner, the work
 * branch never pushed) is not done: it is coded again rather than silently missing from the pull request.
 */
async function adoptCommittedSteps(ctx, subtasks) {
    const commits = await stepCommits(ctx.deps.git, ctx.workspace, ctx.state.runId);
    let adopted = 0;
    let lost = 0;
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        const sha = commits.get(step.id);
        if (sha !== undefined && (step.status !== 'done' || step.commit !== sha)) {
            ctx.finish(step, 'done', { commit: sha });
            adopted++;
        }
        else if (sha === undefined && step.status === 'done') {
            step.status = 'pending';
            delete step.commit;
            lost++;
        }
    }
    if (adopted > 0)
        await ctx.event('steps_adopted_from_commits', { count: adopted });
    if (lost > 0)
        await ctx.event('steps_reopened_commit_missing', { count: lost });
    if (adopted > 0 || lost > 0)
        await ctx.checkpoint();
}
function tallyOf(ctx, subtasks) {
    const tally = { succeeded: 0, failed: 0, degraded: 0 };
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        if (step.status === 'done')
            tally.succeeded++;
        else if (step.degraded)
            tally.degraded++;
        else
            tally.failed++;
    }
    return tally;
}
/** An issue per failed subtask ("manual implementation required"), found by marker before it is made. */
async function fileFailedSubtasks(ctx, subtasks) {
    const { state, deps } = ctx;
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        if (step.status !== 'failed')
            continue;
        const key = `issue:${step.id}`;
        if (state.effects[key])
            continue;
        const marker = effectMarker(state.runId, step.id);
        const issue = manualImplementationIssue({
            task: state.task.text,
            plan: state.plan,
            subtask,
            reason: deps.redact(step.error ?? 'unknown'),
        });
        const ref = await deps.effects.ensureIssue({
            marker,
            title: issue.title,
            body: `${issue.body}\n\n${marker}`,
            labels: ['keel', 'manual-implementation'],
        });
        state.effects[key] = { kind: 'issue', marker, ref: ref.url, createdAt: deps.clock.now() };
        deps.progress(`${step.id}: ${ref.created ? 'opened' : 'found'} issue ${ref.url}`);
        await ctx.checkpoint();
    }
}
/** Coders in flight at once: the summed `maxParallel` of the endpoints in the coder chain. */
function coderCapacity(config) {
    const ids = new Set((config.roles.coder ?? []).flat().map((c) => c.endpointId));
    const total = config.endpoints.filter((e) => ids.has(e.id)).reduce((sum, e) => sum + e.maxParallel, 0);
    return Math.max(1, Math.min(total, 64));
}

// EXTERNAL MODULE: ./lib/agents/plan-schema.js
var plan_schema = __webpack_require__(6171);
// EXTERNAL MODULE: ./lib/agents/slug.js
var slug = __webpack_require__(5179);
;// CONCATENATED MODULE: ./lib/agents/planner.js
/**
 * The planner: a task becomes milestones of subtasks that coders implement one at a time. Its degraded
 * fallback is the template plan (seed 002, adapted): the whole task as one subtask, so a run without any
 * planner model still gets to the coder.
 */






const DEFAULT_MAX_SUBTASKS = 12;
/** The config's `run.maxSubtasks` allows up to 200. */
const MAX_SUBTASKS_CAP = 200;
async function planTask(router, input, opts = {}) {
    const maxSubtasks = Math.min(MAX_SUBTASKS_CAP, Math.max(1, Math.floor(input.maxSubtasks ?? DEFAULT_MAX_SUBTASKS)));
    const schema = plannerAnswerSchema(maxSubtasks);
    const messages = (0,prompts/* plannerMessages */.pJ)({ task: input.task, repoFiles: input.repoFiles, maxSubtasks });
    const result = await callAgent(router, 'planner', messages, (raw) => {
        const answer = parseAnswer(raw, schema);
        return answer.ok ? toPlan(answer.value) : answer;
    }, opts);
    if (result.ok || result.failure === 'aborted')
        return result;
    return { ...result, degraded: templatePlan(input.task) };
}
/** keel's ids (slugs, unique across the plan) and a final check against the checkpoint's schema. */
function toPlan(answer) {
    const milestoneIds = new Set();
    const subtaskIds = new Set();
    const plan = {
        milestones: answer.milestones
            .filter((milestone) => milestone.subtasks.length > 0)
            .map((milestone, index) => ({
            id: (0,slug/* uniqueSlug */.nD)([milestone.id, milestone.title], milestoneIds, `milestone-${index + 1}`),
            title: milestone.title,
            subtasks: milestone.subtasks.map((subtask) => ({
                id: (0,slug/* uniqueSlug */.nD)([subtask.id, subtask.title], subtaskIds, 'subtask'),
                title: subtask.title,
                files: [...new Set(subtask.files)],
                instructions: subtask.instructions,
            })),
        })),
        confidence: answer.confidence,
        degraded: false,
    };
    // Guards keel's own shaping, not the model: the answer schema is at least as strict as the state's.
    const checked = plan_schema/* planSchema */.F.safeParse(plan);
    return checked.success
        ? { ok: true, value: plan }
        : { ok: false, error: 'the plan does not fit keel’s limits' };
}
const TRUNCATED = '\n\n[The task text was cut here: it is longer than a subtask’s instructions may be.]';
/**
 * The degraded plan: one milestone, one subtask whose instructions are the task text. Seed 002 lists
 * "Analyze requirements" and "Implement changes"; keel keeps one subtask, because the coder is the only agent
 * that can act on it and a second, analysis-only subtask would produce nothing to commit.
 */
function templatePlan(task) {
    const text = task.trim();
    const firstLine = text.split('\n', 1)[0].trim();
    const title = firstLine === '' ? 'Implement the task' : shorten(firstLine, PLAN_LIMITS.title);
    const instructions = text === ''
        ? 'The task text is empty: nothing to implement.'
        : text.length <= PLAN_LIMITS.instructions
            ? text
            : `${text.slice(0, PLAN_LIMITS.instructions - TRUNCATED.length)}${TRUNCATED}`;
    return {
        milestones: [
            { id: 'main', title: 'Implement the task', subtasks: [{ id: 'task', title, files: [], instructions }] },
        ],
        confidence: 0.5,
        degraded: true,
    };
}

;// CONCATENATED MODULE: ./lib/run/plan-prefetch.js
/**
 * The planner's request goes out while the work tree is being created: it needs only the task and the files
 * of the base commit (`filesAtCommit`), none of which the work tree changes before a plan exists. Model
 * calls have no effects, so starting one early costs nothing when the run then stops; the plan step takes
 * the answer as if it had asked itself.
 */


/** What the planner sees of the repository at most (the prompt stays bounded in big repositories). */
const MAX_FILES_IN_PROMPT = 400;
/** Asks the planner for the run's task, given the files of its base commit. */
async function askPlanner(deps, state, signal) {
    const files = await filesAtCommit(deps.git, state.repo.root, state.repo.baseSha);
    return planTask(deps.router, {
        task: state.task.text,
        repoFiles: files.slice(0, MAX_FILES_IN_PROMPT),
        maxSubtasks: deps.config.run.maxSubtasks,
    }, { ...(signal ? { signal } : {}) });
}
/** The planner's answer, asked now; undefined when the run has a plan already. Never rejects. */
function startPlanPrefetch(deps, state, signal) {
    if (state.plan !== undefined)
        return undefined;
    return askPlanner(deps, state, signal).catch(() => undefined);
}

;// CONCATENATED MODULE: ./lib/run/steps/plan-step.js
/**
 * Step `plan`: the planner turns the task into milestones of subtasks. When no planner model can answer,
 * the template plan (one subtask: the task itself) keeps the run going, marked degraded.
 */


async function planStep(ctx) {
    const step = ctx.step('plan');
    if (step.status === 'done' && ctx.state.plan)
        return;
    const { deps, state } = ctx;
    ctx.begin(step);
    // Asked while the work tree was being created (plan-prefetch.ts), or now; a failed prefetch asks again.
    const result = (await deps.planPrefetch) ?? (await askPlanner(deps, state, deps.signal));
    if (ctx.stopping)
        return;
    const plan = result.ok ? result.value : templatePlan(state.task.text);
    state.plan = plan;
    if (result.ok) {
        ctx.finish(step, 'done', { model: result.provenance.model });
    }
    else {
        deps.metrics.degraded('planner');
        ctx.finish(step, 'done', { model: 'template', degraded: true, error: result.reason });
        deps.progress(`planner: no model could plan (${deps.redact(result.reason)}); using the template plan`);
    }
    const subtasks = plan.milestones.flatMap((m) => m.subtasks);
    deps.progress(`plan: ${subtasks.length} subtask(s)${plan.degraded ? ' (degraded template)' : ''}`);
    await ctx.event('plan', {
        subtasks: subtasks.map((s) => s.id),
        degraded: plan.degraded,
        model: step.model,
    });
    await ctx.checkpoint();
}

// EXTERNAL MODULE: ./lib/run/summary.js
var summary = __webpack_require__(9053);
;// CONCATENATED MODULE: ./lib/agents/reviewer.js
/**
 * The reviewer: the diff, the task, the plan and the validation results become a verdict. keel applies two
 * rules on top of whatever the model says, because a user who asked for a reviewer expects both:
 * - an approval that lists blocking problems is not an approval;
 * - a change whose validation failed is never approved, however much the model liked it.
 *
 * Its degraded fallback never approves (unlike seed 002's optimistic one): the PR then opens as a draft
 * labelled `needs-human-review`.
 */




async function reviewChanges(router, input, opts = {}) {
    const result = await callAgent(router, 'reviewer', (0,prompts/* reviewerMessages */.Yq)(input), (raw) => {
        const answer = parseAnswer(raw, reviewerAnswerSchema);
        return answer.ok ? { ok: true, value: toReview(answer.value, input.validation) } : answer;
    }, opts);
    if (result.ok || result.failure === 'aborted')
        return result;
    return { ...result, degraded: degradedReview(result.reason) };
}
function toReview(answer, validation) {
    const comments = cleanList(answer.comments);
    const blocking = cleanList(answer.blocking);
    for (const failed of validation.filter((result) => !result.passed)) {
        blocking.push(`Validation failed: \`${shorten(reviewer_oneLine(failed.command), 200)}\``);
    }
    const approved = answer.approved && blocking.length === 0;
    if (answer.approved && !approved) {
        comments.push('keel did not take the reviewer model’s approval: a change with blocking problems or failed validation is never approved.');
    }
    return {
        approved,
        codeQuality: Math.round(answer.codeQuality),
        comments,
        blocking,
        degraded: false,
        needsHumanReview: !approved,
    };
}
/** The review when no reviewer model produced a valid one: never an approval. */
function degradedReview(reason) {
    return {
        approved: false,
        codeQuality: 0,
        comments: [
            `No automated review: ${shorten(reviewer_oneLine(reason), 500)}. keel does not approve a change nobody reviewed; a human must review it.`,
        ],
        blocking: [],
        degraded: true,
        needsHumanReview: true,
    };
}
function cleanList(items) {
    return items.map((item) => item.trim()).filter((item) => item !== '');
}
function reviewer_oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./lib/run/steps/validate-step.js
/**
 * Step `validate`: the repository owner's validation commands (`run.validate` in the config, e.g.
 * `npm test`) in the work tree. They come from the config file only — never from a model, an issue or a
 * comment — which is why they may go through a shell. A failure does not discard work: it goes to the
 * reviewer and makes the pull request a draft for a human.
 */

const OUTPUT_TAIL = 4_000;
async function validateStep(ctx) {
    const step = ctx.step('validate');
    if (step.status === 'done' || step.status === 'skipped')
        return;
    const { deps } = ctx;
    const commands = deps.config.run.validate;
    if (commands.length === 0) {
        // No checkpoint of its own: nothing ran, and a resume before the next one decides the same again.
        ctx.finish(step, 'skipped');
        return;
    }
    ctx.begin(step);
    // The owner's commands run in the worktree and could move the work branch (a commit, an amend): what
    // the run remembers of it is dropped, and the next reader asks git.
    ctx.workspace.cache?.forgetBranch();
    const results = [];
    for (const command of commands) {
        const spec = shellCommand(command, ctx.workspace.worktree, deps.config.run.validateTimeoutMs);
        const run = await deps.runner.run(spec, { signal: deps.signal });
        if (ctx.stopping) {
            step.status = 'pending';
            return;
        }
        const output = `${run.stdout.text}\n${run.stderr.text}`.trim();
        results.push({
            command,
            passed: run.exitCode === 0 && !run.timedOut,
            exitCode: run.exitCode,
            timedOut: run.timedOut,
            output: deps.redact(output.slice(-OUTPUT_TAIL)),
        });
    }
    const passed = results.every((r) => r.passed);
    ctx.finish(step, 'done', { result: { passed, results } });
    deps.progress(`validate: ${results.map((r) => `${r.command} → ${r.passed ? 'passed' : 'FAILED'}`).join(', ')}`);
    await ctx.event('validate', {
        passed,
        commands: results.map((r) => ({ command: r.command, passed: r.passed })),
    });
    await ctx.checkpoint();
}
function validationResults(ctx) {
    const result = ctx.state.steps.validate?.result;
    return result?.results ?? [];
}

;// CONCATENATED MODULE: ./lib/run/steps/review-step.js
/**
 * Step `review`: the reviewer reads the diff and the validation results. When no reviewer model can
 * answer, the degraded review never approves: the work goes to a human (seed 002 approved optimistically;
 * keel does not).
 */



const MAX_DIFF_BYTES = 120 * 1024;
async function reviewStep(ctx) {
    const step = ctx.step('review');
    if (step.status === 'done')
        return;
    const { deps, state } = ctx;
    ctx.begin(step);
    const diff = await diffSinceBase(deps.git, ctx.workspace, MAX_DIFF_BYTES);
    const validation = validationResults(ctx).map((r) => ({
        command: r.command,
        passed: r.passed,
        output: r.output,
    }));
    const result = await reviewChanges(deps.router, { task: state.task.text, plan: state.plan, diff, validation }, {
        signal: deps.signal,
    });
    if (ctx.stopping) {
        step.status = 'pending';
        return;
    }
    let review;
    if (result.ok) {
        review = result.value;
        ctx.finish(step, 'done', { model: result.provenance.model, result: { ...review } });
    }
    else {
        review = degradedReview(deps.redact(result.reason));
        deps.metrics.degraded('reviewer');
        ctx.finish(step, 'done', { model: 'template', degraded: true, result: { ...review } });
    }
    deps.progress(`review: ${review.approved ? 'approved' : 'not approved'}${review.degraded ? ' (degraded: no reviewer answered)' : ''}, quality ${review.codeQuality}`);
    await ctx.event('review', {
        approved: review.approved,
        degraded: review.degraded,
        quality: review.codeQuality,
    });
    await ctx.checkpoint();
}
function reviewOf(ctx) {
    return ctx.state.steps.review?.result;
}

;// CONCATENATED MODULE: ./lib/run/steps/publish-step.js
/**
 * Step `publish`: the pull request (a draft labelled `needs-human-review` when degraded or not approved),
 * the tracking comment, and the closing of a recovery record a previous attempt left open. Every effect is
 * found by its marker before it is made.
 */




/** False when the step was done already (nothing ran, nothing was saved). */
async function publishStep(ctx) {
    const step = ctx.step('publish');
    if (step.status === 'done')
        return false;
    const { deps, state } = ctx;
    ctx.begin(step);
    const review = reviewOf(ctx);
    // The run's status changes only when this step is done: a crash before then must leave it resumable.
    const status = (0,summary/* finalStatus */.nH)(state);
    const commits = await stepCommits(deps.git, ctx.workspace, state.runId);
    const needsHuman = review?.needsHumanReview !== false || status === 'degraded';
    const body = (0,summary/* runSummaryMarkdown */.fU)(state, status);
    if (commits.size > 0 && !state.effects.pull_request) {
        // Never force: a rejected push is rebased if clean, else the work goes to a new branch — the PR's head.
        const head = deps.pushWorkBranch ? await deps.pushWorkBranch() : ctx.workspace.branch;
        const marker = effectMarker(state.runId, 'publish');
        const pr = await deps.effects.ensurePullRequest({
            marker,
            title: `keel: ${state.task.text.split('\n', 1)[0].slice(0, 100)}`,
            body: `${body}\n\n${marker}`,
            head,
            base: ctx.workspace.baseBranch,
            draft: needsHuman,
            labels: needsHuman ? ['needs-human-review'] : [],
        });
        state.effects.pull_request = { kind: 'pull_request', marker, ref: pr.url, createdAt: deps.clock.now() };
        deps.progress(`publish: ${pr.created ? 'opened' : 'found'} ${needsHuman ? 'draft ' : ''}pull request ${pr.url}`);
        await ctx.checkpoint();
    }
    const tracking = effectMarker(state.runId, 'tracking');
    const comment = await deps.effects.upsertComment(tracking, `${body}\n\n${tracking}`);
    state.effects.tracking = {
        kind: 'comment',
        marker: tracking,
        ref: comment.url,
        createdAt: deps.clock.now(),
    };
    // Looked up by its marker whether or not the state knows it: a crash between opening the record and the
    // checkpoint that notes it leaves a record the state never heard of, and it must not stay open.
    const closed = await deps.effects.closeIssue(state.effects.recovery?.marker ?? effectMarker(state.runId, 'recovery'), `Run \`${state.runId}\` resumed and finished (${status}).`);
    if (closed)
        deps.progress(`publish: closed the recovery record ${closed.url}`);
    ctx.finish(step, 'done');
    state.status = status;
    await ctx.event('published', { status, pullRequest: state.effects.pull_request?.ref });
    await ctx.checkpoint();
    return true;
}

;// CONCATENATED MODULE: ./lib/run/recovery-record.js
/**
 * The recovery record of a stopped run: the issue with the exact resume instructions (found by its marker,
 * opened or updated) and the run's one tracking comment saying so, where the people who asked for the run
 * look. Both are remembered in the state, so that a resume started from elsewhere (a dispatch, a comment on
 * another issue) edits them rather than opening others. Written by the engine when a run stops, and by the
 * Action's `post` when `main` was killed before it could.
 */


/** Throws what the effects throw; the state is saved up to the last effect made. */
async function writeRecoveryRecord(effects, state, o) {
    const instructions = (0,summary/* recoveryMarkdown */.R9)(state, o.resumeCommand);
    const marker = effectMarker(state.runId, 'recovery');
    const issue = await effects.upsertIssue({
        marker,
        title: `keel: run ${state.runId} stopped — ${state.interruption?.reason ?? state.status}`.slice(0, 200),
        body: `${instructions}\n\n${marker}`,
        labels: ['keel', 'keel-recovery'],
    });
    if (state.effects.recovery === undefined) {
        state.effects.recovery = { kind: 'recovery_issue', marker, ref: issue.url, createdAt: o.now() };
        await o.save();
    }
    const tracking = effectMarker(state.runId, 'tracking');
    const comment = await effects.upsertComment(tracking, `${instructions}\n\nRecovery record: ${issue.url}\n\n${tracking}`);
    if (comment.url !== '' && state.effects.tracking?.ref !== comment.url) {
        state.effects.tracking = { kind: 'comment', marker: tracking, ref: comment.url, createdAt: o.now() };
        await o.save();
    }
    return { issue, comment };
}

;// CONCATENATED MODULE: ./lib/run/engine.js
/**
 * The run engine: plan → code (parallel subtasks, partial success) → validate → review → publish, with a
 * checkpoint after every step. Every step is idempotent, so a run resumed after a crash at any instant
 * skips what is done and never repeats an effect. When shutdown fires, the engine stops taking work,
 * checkpoints, and writes the recovery record with the exact resume command.
 */








async function runEngine(ctx) {
    const { state } = ctx;
    state.status = 'running';
    delete state.interruption;
    try {
        await planStep(ctx);
        if (ctx.stopping)
            return await interrupt(ctx);
        if (ctx.deps.stopAfter === 'plan') {
            await ctx.event('stopped_after_plan');
            await ctx.checkpoint();
            return state;
        }
        if ((await codeStep(ctx)) === 'stop') {
            return ctx.stopping ? await interrupt(ctx) : await giveUp(ctx);
        }
        for (const step of [validateStep, reviewStep]) {
            await step(ctx);
            if (ctx.stopping)
                return await interrupt(ctx);
        }
        // Once publish has run, the run is finished: a signal that came meanwhile has nothing left to stop.
        // Calling it interrupted would open a recovery record for a finished run, and its resume, with every
        // step done, would end "running".
        const published = await publishStep(ctx);
        await ctx.event('run_finished', { status: state.status });
        // Publish's last checkpoint saved the finished run; another one here would write it again, unchanged.
        if (!published)
            await ctx.checkpoint();
        return state;
    }
    catch (error) {
        return await interrupt(ctx, error);
    }
}
/** Stops cleanly: running steps go back to pending, the state is saved, the recovery record written. */
async function interrupt(ctx, error) {
    const { state, deps } = ctx;
    const shutdown = deps.signal.reason instanceof ShutdownError ? deps.signal.reason.reason : undefined;
    for (const step of Object.values(state.steps))
        if (step.status === 'running')
            step.status = 'pending';
    state.status = 'interrupted';
    const detail = error === undefined || (ctx.stopping && isAbort(error)) ? shutdown?.error : engine_describe(error);
    state.interruption = {
        reason: shutdown?.message ?? `error: ${(0,errors/* errorMessage */.g)(error)}`.slice(0, 200),
        at: deps.clock.now(),
        ...(detail !== undefined ? { error: deps.redact(detail).slice(0, 4_000) } : {}),
    };
    await ctx.checkpoint();
    await recordRecovery(ctx);
    await ctx.event('run_interrupted', { reason: state.interruption.reason });
    deps.progress(`interrupted: ${state.interruption.reason}\nresume with: ${deps.resumeCommand}`);
    return state;
}
/** The partial-success rule gave up: the batch was discarded; say so and how to try again. */
async function giveUp(ctx) {
    const { state, deps } = ctx;
    state.status = 'failed';
    state.interruption = {
        reason: `fewer than ${Math.round(deps.config.run.minSuccessRate * 100)} % of the subtasks succeeded after ${state.batches.length} batch attempt(s)`,
        at: deps.clock.now(),
    };
    await ctx.checkpoint();
    await recordRecovery(ctx);
    await ctx.event('run_failed', { reason: state.interruption.reason });
    deps.progress(`failed: ${state.interruption.reason}\nretry with: ${deps.resumeCommand}`);
    return state;
}
/** The recovery issue and the tracking comment (`recovery-record.ts`); a failure is an event, not a throw. */
async function recordRecovery(ctx) {
    const { state, deps } = ctx;
    try {
        await writeRecoveryRecord(deps.effects, state, {
            resumeCommand: deps.resumeCommand,
            now: () => deps.clock.now(),
            save: () => ctx.checkpoint(),
        });
    }
    catch (error) {
        // The checkpoint is already saved; a missing recovery record must not turn into a lost run.
        await ctx.event('recovery_record_failed', { error: deps.redact(engine_describe(error)) });
    }
}
function isAbort(error) {
    return (error instanceof ShutdownError ||
        (error instanceof Error && /abort/i.test(`${error.name} ${error.message}`)));
}
function engine_describe(error) {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// EXTERNAL MODULE: ./lib/base/heartbeat.js
var base_heartbeat = __webpack_require__(6893);
// EXTERNAL MODULE: ./lib/run/local-effects.js
var local_effects = __webpack_require__(2841);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(1975);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(8747);
// EXTERNAL MODULE: ./lib/run/manifest.js
var manifest = __webpack_require__(9164);
;// CONCATENATED MODULE: ./lib/run/metrics.js
/**
 * The run's counters (`metrics.json`): what the fleet did for this run and how often keel had to fall
 * back, degrade, retry or resume. Fed by the router's events plus a few explicit bumps from the engine;
 * saved beside every checkpoint and restored on resume, so a resumed run continues its counts instead
 * of starting from zero.
 */

const count = schemas/* number */.aig().int().nonnegative();
const ms = schemas/* number */.aig().finite().nonnegative();
const key = schemas/* string */.YjP().max(512);
const runMetricsSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1),
    /** Every attempt, by endpoint id, whatever its outcome. */
    attempts: schemas/* record */.g1P(key, count),
    /** Attempts that failed, by endpoint id. */
    failures: schemas/* record */.g1P(key, count),
    /** Latency of successful attempts, by endpoint id (failed attempts would mostly measure timeouts). */
    latency: schemas/* record */.g1P(key, schemas/* object */.Ikc({ sumMs: ms, count })),
    /** Successful answers, and how many of them came from a fallback (a tier after the first). */
    answers: count,
    fallbacks: count,
    /** Degraded fallbacks used (template plan, manual-implementation issue, draft PR), by role. */
    degradations: schemas/* record */.g1P(key, count),
    /** Invalid model output retried on the same model. */
    qualityRetries: count,
    batches: count,
    /** Succeeded / total of the last coder batch; null before the first batch. */
    lastBatchSuccessRate: schemas/* number */.aig().min(0).max(1).nullable(),
    breakerOpens: count,
    cooldowns: count,
    /** Endpoints disabled for the run (auth failures). */
    disabled: count,
    /** Waits for a slot or a cooldown, and their total length. */
    waits: count,
    waitedMs: ms,
    /** Recovery attempts: how many times this run was resumed. */
    resumes: count,
    /** Token counts where the server reported usage; `reported` answers did. */
    tokens: schemas/* object */.Ikc({ in: count, out: count, reported: count }),
});
function emptyMetrics() {
    return {
        version: 1,
        attempts: {},
        failures: {},
        latency: {},
        answers: 0,
        fallbacks: 0,
        degradations: {},
        qualityRetries: 0,
        batches: 0,
        lastBatchSuccessRate: null,
        breakerOpens: 0,
        cooldowns: 0,
        disabled: 0,
        waits: 0,
        waitedMs: 0,
        resumes: 0,
        tokens: { in: 0, out: 0, reported: 0 },
    };
}
class MetricsRecorder {
    #m = emptyMetrics();
    /** Pass as (or call from) the router's `onEvent`. */
    onRouterEvent(event) {
        const m = this.#m;
        switch (event.type) {
            case 'attempt': {
                const { endpointId, outcome, latencyMs, tier } = event.attempt;
                bump(m.attempts, endpointId);
                if (outcome !== 'ok') {
                    bump(m.failures, endpointId);
                    return;
                }
                m.answers++;
                if (tier > 1)
                    m.fallbacks++;
                const latency = (m.latency[endpointId] ??= { sumMs: 0, count: 0 });
                latency.sumMs += Math.max(0, latencyMs);
                latency.count++;
                return;
            }
            case 'breaker':
                if (event.to === 'open')
                    m.breakerOpens++;
                return;
            case 'cooldown':
                m.cooldowns++;
                return;
            case 'disabled':
                m.disabled++;
                return;
            case 'wait':
                m.waits++;
                m.waitedMs += Math.max(0, event.ms);
                return;
        }
    }
    /** An agent fell back to its degraded output. */
    degraded(role) {
        bump(this.#m.degradations, role);
    }
    qualityRetry() {
        this.#m.qualityRetries++;
    }
    /** A coder batch was decided with this success rate (0–1). */
    batch(rate) {
        this.#m.batches++;
        this.#m.lastBatchSuccessRate = Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0;
    }
    resumed() {
        this.#m.resumes++;
    }
    /** A completion's usage, when the server reported it. */
    tokens(usage) {
        if (usage?.promptTokens === undefined && usage?.completionTokens === undefined)
            return;
        this.#m.tokens.in += nonNegative(usage.promptTokens);
        this.#m.tokens.out += nonNegative(usage.completionTokens);
        this.#m.tokens.reported++;
    }
    /** A copy: the caller may keep it while counting goes on. */
    snapshot() {
        return structuredClone(this.#m);
    }
    /**
     * Continues from saved counts (a resumed run). The input came from disk: invalid input is ignored and
     * the reason returned, counting starts from zero then.
     */
    restore(saved) {
        const parsed = runMetricsSchema.safeParse(saved);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return { ok: false, problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
        }
        this.#m = structuredClone(parsed.data);
        return { ok: true };
    }
}
function bump(record, key, by = 1) {
    record[key] = (Object.hasOwn(record, key) ? record[key] : 0) + by;
}
function nonNegative(value) {
    return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

;// CONCATENATED MODULE: ./lib/run/persistence.js
/**
 * One checkpoint = the snapshot (`state.json`, through the store and its lock retries), then the manifest
 * and the metrics. Seed 004's rule: a snapshot that fails after its retries never stops the manifest and
 * the metrics from being written — they are what a human and `keel status` look at, and the next
 * checkpoint will try the snapshot again. Nothing here throws into the engine: failures are logged and
 * returned.
 *
 * Checkpoints are serialised and coalesced: while one is being written, further calls wait and only the
 * newest of them is written next (it contains everything the older ones did). A thousand subtasks
 * finishing together cost a handful of writes, not a thousand, and an older snapshot can never land after
 * a newer one.
 */









class PersistenceCoordinator {
    runDir;
    #store;
    #clock;
    #log;
    #pending;
    #draining = false;
    #manifestWrittenAt;
    #sidecarEveryMs;
    /** The last checkpoint that wrote the sidecars (both of them, successfully): when, and the run's status. */
    #sidecars;
    constructor(options) {
        this.runDir = options.runDir;
        this.#store = options.store;
        this.#clock = options.clock ?? base_clock/* systemClock */.m;
        this.#log = options.log ?? (() => undefined);
        this.#sidecarEveryMs = Math.max(0, options.sidecarEveryMs ?? 0);
    }
    /** When the manifest was last written successfully (wall-clock ms), for the heartbeat's throttle. */
    get manifestWrittenAt() {
        return this.#manifestWrittenAt;
    }
    /**
     * Saves the snapshot, then — whatever happened to it — the manifest and the metrics. Resolves when this
     * state (or a newer one passed meanwhile) has been through a checkpoint. Never rejects.
     */
    checkpoint(state, metrics) {
        return new Promise((resolve) => {
            if (this.#pending) {
                this.#pending.state = state;
                this.#pending.metrics = metrics;
                this.#pending.waiters.push(resolve);
            }
            else {
                this.#pending = { state, metrics, waiters: [resolve] };
            }
            if (!this.#draining)
                void this.#drain();
        });
    }
    /** Writes `manifest.json` from the state. Never throws; the failure is logged and returned. */
    async writeManifest(state) {
        return this.#writeSidecar(state_layout/* MANIFEST_FILE */.h1, () => (0,manifest/* buildManifest */.u1)(state));
    }
    async #drain() {
        this.#draining = true;
        try {
            while (this.#pending) {
                const job = this.#pending;
                this.#pending = undefined;
                const result = await this.#checkpointOnce(job.state, job.metrics);
                for (const resolve of job.waiters)
                    resolve(result);
            }
        }
        finally {
            this.#draining = false;
        }
    }
    async #checkpointOnce(state, metrics) {
        let snapshot;
        try {
            await this.#store.save({ ...state, metrics });
            snapshot = { snapshot: 'saved' };
        }
        catch (error) {
            snapshot = { snapshot: 'failed', error: (0,errors/* errorMessage */.g)(error) };
            this.#log({ type: 'snapshot_failed', runId: state.runId, error: snapshot.error });
        }
        // Seed 004: a failed snapshot never stops the views; and then they are what is left, so they are due.
        if (snapshot.snapshot === 'saved' && !this.#sidecarsDue(state.status))
            return { ...snapshot, sidecarErrors: [] };
        const now = this.#clock.now();
        const sidecars = await Promise.all([
            this.#writeSidecar(state_layout/* MANIFEST_FILE */.h1, () => (0,manifest/* buildManifest */.u1)(state)),
            this.#writeSidecar(state_layout/* METRICS_FILE */.HL, () => metrics),
        ]);
        const sidecarErrors = sidecars.flatMap((s) => (s.ok ? [] : [s.error]));
        this.#sidecars = sidecarErrors.length === 0 ? { at: now, status: state.status } : undefined;
        return { ...snapshot, sidecarErrors };
    }
    #sidecarsDue(status) {
        const last = this.#sidecars;
        if (this.#sidecarEveryMs === 0 || last === undefined || status !== 'running')
            return true;
        return last.status !== status || this.#clock.now() - last.at >= this.#sidecarEveryMs;
    }
    /** `build` runs inside the try: a state the manifest cannot be built from is a failed write, not a throw. */
    async #writeSidecar(file, build) {
        try {
            await (0,atomic_file.writeFileAtomic)((0,external_node_path_.join)(this.runDir, file), `${JSON.stringify(build(), null, 2)}\n`);
            if (file === state_layout/* MANIFEST_FILE */.h1)
                this.#manifestWrittenAt = this.#clock.now();
            return { ok: true };
        }
        catch (error) {
            const message = `${file}: ${(0,errors/* errorMessage */.g)(error)}`;
            this.#log({ type: 'sidecar_failed', file, error: message });
            return { ok: false, error: message };
        }
    }
}

;// CONCATENATED MODULE: ./lib/run/run-context.js

class RunContext {
    state;
    deps;
    workspace;
    #checkpoints = new Serial();
    constructor(state, deps, workspace) {
        this.state = state;
        this.deps = deps;
        this.workspace = workspace;
    }
    get stopping() {
        return this.deps.signal.aborted;
    }
    step(id) {
        const existing = this.state.steps[id];
        if (existing)
            return existing;
        const created = { id, status: 'pending', attempts: 0 };
        this.state.steps[id] = created;
        return created;
    }
    begin(step) {
        step.status = 'running';
        step.attempts += 1;
        step.startedAt = this.deps.clock.now();
        delete step.endedAt;
        delete step.error;
    }
    finish(step, status, extra = {}) {
        Object.assign(step, extra);
        step.status = status;
        step.endedAt = this.deps.clock.now();
        if (extra.error !== undefined)
            step.error = this.deps.redact(extra.error).slice(0, 4_000);
    }
    /** Saves the state (with the router's breaker state) and the manifest and metrics; one at a time. */
    async checkpoint() {
        await this.#checkpoints.run(async () => {
            this.state.updatedAt = this.deps.clock.now();
            this.state.fleet = this.deps.router.exportState();
            const outcome = await this.deps.persistence.checkpoint(this.state, this.deps.metrics.snapshot());
            if (outcome.snapshot === 'failed') {
                await this.event('checkpoint_failed', { error: this.deps.redact(outcome.error) });
            }
        });
    }
    async event(type, data = {}) {
        await this.deps.events.append({ type, runId: this.state.runId, ...data });
    }
}

;// CONCATENATED MODULE: ./lib/run/prefetch.js
/**
 * On resume, the first coder requests go out while the work tree is still being checked and cleaned:
 * model calls are the slow part of a run and have no effects, so there is no reason to make them wait for
 * a dozen git commands. A prefetched answer is used only if the files it was asked about read exactly the
 * same once the work tree is verified (a crash may have left a half-applied edit behind); otherwise it is
 * dropped and the subtask asks again.
 */



class CoderPrefetch {
    #entries = new Map();
    /** Asks for the first `limit` pending subtasks of a resumed run. Never throws. */
    start(state, router, limit, maxFileBytes, signal) {
        const plan = state.plan;
        if (!plan)
            return;
        const pending = (0,pending_subtasks/* pendingSubtasks */.Y)(state, plan, limit);
        // All files first, then the requests in plan order (callbacks on one promise run in the order they were
        // added): the router hands out slots in the order it is asked, so the first pending subtask gets the
        // endpoint it would get on an idle fleet — the one the early request (early-resume.ts) was sent to.
        const views = Promise.all(pending.map((subtask) => (0,read_files/* readFiles */.U)({ worktree: state.repo.worktree }, subtask.files, maxFileBytes).catch(() => [])));
        for (const [index, subtask] of pending.entries()) {
            const entry = { files: [], result: Promise.resolve(undefined) };
            entry.result = views.then((all) => {
                entry.files = all[index] ?? [];
                return codeSubtask(router, { task: state.task.text, plan, subtask, files: entry.files }, { signal });
            });
            // Kept, and awaited by `take` or `settle`; never left to reject unobserved.
            entry.result.catch(() => undefined);
            this.#entries.set(subtask.id, entry);
        }
    }
    /** The prefetched answer for a subtask, if the files it saw are the files as they are now. */
    async take(subtaskId, current) {
        const entry = this.#entries.get(subtaskId);
        if (!entry)
            return undefined;
        this.#entries.delete(subtaskId);
        const result = await entry.result.catch(() => undefined);
        return result !== undefined && sameFiles(entry.files, current) ? result : undefined;
    }
    /** Waits for answers nobody took (the run stopped first), so none outlives the run. */
    async settle() {
        const left = [...this.#entries.values()];
        this.#entries.clear();
        await Promise.all(left.map((entry) => entry.result.catch(() => undefined)));
    }
}
function sameFiles(a, b) {
    if (a.length !== b.length)
        return false;
    return a.every((file, i) => file.path === b[i].path && file.content === b[i].content);
}

// EXTERNAL MODULE: ./lib/base/run-id.js
var run_id = __webpack_require__(9048);
// EXTERNAL MODULE: ./lib/run/state-store.js
var state_store = __webpack_require__(1472);
// EXTERNAL MODULE: ./lib/run/state.js
var run_state = __webpack_require__(1176);
;// CONCATENATED MODULE: ./lib/run/start-run.js
/**
 * Starting or resuming a run: everything `keel run` (and later the Action) wires together before the
 * engine takes over — config, state, router with the saved fleet state, git work tree, effects, telemetry,
 * shutdown, heartbeat — and what it does after: save the fleet state, report, pick the exit code.
 */




























class RunStartError extends Error {
    name = 'RunStartError';
    expected = true;
}
async function startRun(options) {
    const clock = options.clock ?? base_clock/* systemClock */.m;
    const { config, progress } = options;
    const stateDir = (0,external_node_path_.resolve)(options.stateDir);
    const repo = (0,external_node_path_.resolve)(options.repo);
    const secrets = (0,base_secrets/* collectSecrets */.qb)(config, options.env);
    const redact = (text) => (0,base_secrets/* redact */.E$)(text, secrets);
    const runner = createCommandRunner({ secrets: () => secrets });
    const git = createGit({ runner, clock, secrets: () => secrets });
    const resumed = await findRunToResume(options, stateDir);
    if (resumed && !(0,run_state/* isUnfinished */.ui)(resumed) && resumed.status !== 'failed') {
        progress(`run ${resumed.runId} already finished: ${resumed.status}`);
        return { state: resumed, runDir: (0,state_layout/* stateLayout */.G)(stateDir).run(resumed.runId).dir };
    }
    const created = resumed ? undefined : await newRunState(options, git, repo, stateDir, clock, secrets);
    const state = resumed ?? created.state;
    const runDir = (0,state_layout/* stateLayout */.G)(stateDir).run(state.runId).dir;
    await excludeStateDir(git, state.repo.root, stateDir, created?.commonDir);
    const store = new state_store.TaskStateStore({ runDir, clock });
    const persistence = new PersistenceCoordinator({
        store,
        runDir,
        clock,
        sidecarEveryMs: config.run.heartbeatMs,
    });
    const metrics = new MetricsRecorder();
    if (resumed) {
        // A resumed run continues its counts rather than starting them over: those of its last snapshot, or
        // (a state written by an older keel) of its metrics file.
        const inSnapshot = resumed.metrics;
        delete resumed.metrics; // the recorder's counts go into every snapshot from now on
        const saved = inSnapshot !== undefined
            ? { ok: true, value: inSnapshot }
            : await (0,atomic_file/* readJsonFile */.J)((0,external_node_path_.join)(runDir, state_layout/* METRICS_FILE */.HL));
        if (saved.ok)
            metrics.restore(saved.value);
        state.resumes += 1;
        metrics.resumed();
        progress(`resuming run ${state.runId} (resume #${state.resumes})`);
    }
    else {
        progress(`run ${state.runId}: ${state.task.text.split('\n', 1)[0]}`);
    }
    const events = new event_log/* EventLog */.vu({ path: (0,state_layout/* runLayout */.WA)(runDir).events, redact });
    const fleetStatePath = (0,state_layout/* stateLayout */.G)(stateDir).fleetState;
    const savedFleet = state.fleet ?? (await (0,fleet_state/* readFleetStateFile */.qJ)(fleetStatePath)).state;
    const slotsDir = (0,shared_slots/* slotsDirFor */.Cs)(stateDir, options.env);
    const router = (0,fleet_router/* createRouter */.a)(config, {
        env: options.env,
        clock,
        state: savedFleet,
        ...(slotsDir !== undefined ? { slotsDir } : {}),
        onEvent: (event) => {
            metrics.onRouterEvent(event);
            void events.append({ ...event, type: `router_${event.type}` });
        },
    });
    const prefetchStop = new AbortController();
    const prefetch = new CoderPrefetch();
    // Not with coder results from a fan-out's matrix jobs: the subtasks are coded already, and asking the
    // models again would only spend calls (on hosted fallbacks, where the review job cannot see the LAN).
    if (resumed && !options.externalCode)
        prefetch.start(state, router, coderCapacity(config), prompts/* MAX_FILE_BYTES_IN_PROMPT */.dW, prefetchStop.signal);
    // The planner's request, meanwhile: saving the state and creating the work tree are local work it does
    // not need to wait for (a model call has no effects: if the run stops first, it was only a call).
    const planPrefetch = startPlanPrefetch({ git, router, config }, state, prefetchStop.signal);
    // The state exists on disk before the work tree does, so a crash in between is resumable.
    await persistence.checkpoint(state, metrics.snapshot());
    options.onStarted?.({ runId: state.runId, runDir, stateDir });
    const shutdown = installShutdown({
        clock,
        ...(options.processEvents ? { events: options.processEvents } : {}),
        ...(options.timeBudgetMinutes !== undefined ? { timeBudgetMs: options.timeBudgetMinutes * 60_000 } : {}),
        ...(options.signal ? { cancel: options.signal } : {}),
        onShutdown: (reason) => progress(`stopping: ${reason.message} — saving the checkpoint`),
    });
    shutdown.signal.addEventListener('abort', () => prefetchStop.abort(), { once: true });
    const stopHeartbeat = new AbortController();
    let heartbeat = Promise.resolve();
    const watch = shutdown.watch();
    try {
        const workspace = await prepareWorkspace(git, {
            repoRoot: state.repo.root,
            runId: state.runId,
            worktree: state.repo.worktree,
            branch: state.repo.workBranch,
            baseRef: state.repo.baseSha,
            baseBranch: state.repo.baseBranch,
            // A new run has just read its checkout: its worktree is added with no questions asked first.
            ...(created ? { fresh: { repoRoot: state.repo.root, commonDir: created.commonDir } } : {}),
            // Only the run moves its work branch while it runs (validation commands aside: `validateStep`
            // forgets), so its head and step commits are read from git once, not before every step.
            cache: true,
        });
        progress((0,fleet_status/* renderStatusText */._c)(router.status()).trimEnd());
        const resumeCommand = options.resumeCommand?.(state.runId) ?? defaultResumeCommand(state.runId, repo, stateDir);
        const ctx = new RunContext(state, {
            config,
            router,
            git,
            runner,
            effects: options.effects?.(runDir, state) ?? new local_effects/* LocalEffects */.Im({ runDir, clock }),
            persistence,
            events,
            metrics,
            clock,
            signal: shutdown.signal,
            progress,
            redact,
            resumeCommand,
            prefetch,
            ...(planPrefetch ? { planPrefetch } : {}),
            ...(options.externalCode ? { externalCode: options.externalCode } : {}),
            ...(options.stopAfter ? { stopAfter: options.stopAfter } : {}),
            ...(options.pushTo !== undefined
                ? {
                    pushWorkBranch: async () => {
                        const pushed = await pushWorkBranch(git, workspace, { remote: options.pushTo });
                        if (pushed.newBranch)
                            progress(`publish: ${pushed.reason}; the work went to ${pushed.remoteBranch}`);
                        return pushed.remoteBranch;
                    },
                }
                : {}),
        }, workspace);
        heartbeat = (0,base_heartbeat/* runHeartbeat */.AC)({
            runDir,
            intervalMs: config.run.heartbeatMs,
            manifest: () => (0,manifest/* buildManifest */.u1)(state),
            manifestWrittenAt: () => persistence.manifestWrittenAt,
            clock,
            signal: stopHeartbeat.signal,
        });
        await runEngine(ctx);
        return { state, runDir };
    }
    finally {
        prefetchStop.abort();
        await prefetch.settle();
        await planPrefetch;
        stopHeartbeat.abort();
        await heartbeat;
        shutdown.dispose();
        await watch;
        await (0,fleet_state/* writeFleetStateFile */.Ts)(fleetStatePath, router.exportState()).catch(() => undefined);
        await router.close();
        const early = (0,early_requests/* earlyRequestStats */.Mf)();
        // Whether the request sent before keel loaded (early-resume.ts) was used: `adopted: 0` means it cost one.
        if (early.offered > 0)
            await events.append({ type: 'early_request', ...early });
    }
}
async function findRunToResume(options, stateDir) {
    const id = typeof options.resume === 'string' ? options.resume : options.runId;
    if (id !== undefined) {
        const loaded = await new state_store.TaskStateStore({ runDir: (0,state_layout/* stateLayout */.G)(stateDir).run(id).dir }).load();
        if (loaded.state)
            return loaded.state;
        if (options.resume !== undefined) {
            throw new RunStartError(`no run ${id} in ${stateDir}${loaded.problem ? ` (${loaded.problem})` : ''}`);
        }
        return undefined;
    }
    if (options.resume === true) {
        const latest = await (0,state_store/* latestUnfinishedRun */.Mr)(stateDir);
        if (!latest)
            throw new RunStartError(`no unfinished run to resume in ${stateDir}`);
        const loaded = await new state_store.TaskStateStore({ runDir: (0,state_layout/* stateLayout */.G)(stateDir).run(latest.runId).dir }).load();
        if (!loaded.state)
            throw new RunStartError(`run ${latest.runId} cannot be loaded: ${loaded.problem ?? 'unknown'}`);
        return loaded.state;
    }
    return undefined;
}
async function newRunState(options, git, repo, stateDir, clock, secrets) {
    if (options.task === undefined || options.task.trim() === '')
        throw new RunStartError('a task is required (--task)');
    const { root, commonDir, baseSha, baseBranch } = await readCheckout(git, repo);
    const runId = options.runId ?? (0,run_id/* newRunId */.F)(clock.now());
    const now = clock.now();
    const state = {
        version: run_state/* RUN_STATE_VERSION */.Lu,
        runId,
        // A configured key pasted into the task would otherwise go to every model in the prompt, and into the
        // checkpoint, the logs, the summary and the commits. Only the exact values: `redact`'s key-shape patterns
        // would also eat honest task text ("support Bearer tokens").
        task: {
            text: secrets.reduce((text, secret) => text.replaceAll(secret, base_secrets/* REDACTED */.XF), options.task),
            source: options.taskSource ?? 'cli',
        },
        status: 'running',
        createdAt: now,
        updatedAt: now,
        repo: {
            root,
            baseBranch,
            baseSha,
            workBranch: `keel/${runId}`,
            worktree: (0,state_layout/* stateLayout */.G)(stateDir).worktree(runId),
        },
        steps: {},
        batches: [],
        effects: {},
        resumes: 0,
    };
    return { state, commonDir };
}
/**
 * The checkout a new run starts from, in one `rev-parse`: its top, the repository's common dir, HEAD's
 * commit (the base), and the branch HEAD is on — `refs/heads/<name>`, or `HEAD` when detached, and then the
 * base is named by its sha. A repository without a commit fails here, as it should.
 */
async function readCheckout(git, cwd) {
    const args = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir'];
    args.push('HEAD', '--symbolic-full-name', 'HEAD');
    let output;
    try {
        output = (await git.run(args, { cwd })).stdout.text;
    }
    catch (error) {
        throw (await checkoutProblem(git, cwd)) ?? error;
    }
    const lines = output.split('\n');
    const [root, commonDir, baseSha, head] = lines;
    if (root === undefined || root === '' || commonDir === undefined || commonDir === '')
        throw new RunStartError(`git rev-parse in ${cwd} did not name the checkout`);
    if (baseSha === undefined || !/^[0-9a-f]{40,64}$/.test(baseSha) || head === undefined)
        throw new RunStartError(`git rev-parse in ${cwd} did not name HEAD's commit`);
    const baseBranch = head.startsWith('refs/heads/') ? head.slice('refs/heads/'.length) : baseSha;
    return { root, commonDir, baseSha, baseBranch };
}
/**
 * Why `rev-parse` could not name the checkout, in one line a user can act on: not a repository at all, or one
 * without a commit yet (a run branches from HEAD). Undefined when it is something else (git's own words).
 */
async function checkoutProblem(git, cwd) {
    const works = async (args) => git.run(args, { cwd }).then(() => true, () => false);
    if (!(await works(['rev-parse', '--git-dir'])))
        return new RunStartError(`${cwd} is not inside a git repository: keel works on a branch of a repository (run it in a clone, or pass --repo DIR)`);
    if (!(await works(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])))
        return new RunStartError(`the repository at ${cwd} has no commit yet: keel branches its work from HEAD, so commit something first`);
    return undefined;
}
/**
 * A state directory inside the repository must not show up in the user's `git status`. Done before the
 * first checkpoint writes there, even if preparing the worktree then fails; a new run knows the common dir.
 */
async function excludeStateDir(git, root, stateDir, commonDir) {
    const inside = (0,external_node_path_.relative)(root, stateDir);
    if (inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside))
        return;
    const asked = async () => {
        const args = ['rev-parse', '--path-format=absolute', '--git-common-dir'];
        return (await git.run(args, { cwd: root })).stdout.text.trim();
    };
    await addToExclude(commonDir ?? (await asked()), inside);
}
function defaultResumeCommand(runId, repo, stateDir) {
    return `keel run --resume ${runId} --repo ${shellQuote(repo)} --state-dir ${shellQuote(stateDir)}`;
}
function shellQuote(value) {
    return /^[A-Za-z0-9_./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 9053:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Py: () => (/* binding */ successRateOf),
/* harmony export */   R9: () => (/* binding */ recoveryMarkdown),
/* harmony export */   fU: () => (/* binding */ runSummaryMarkdown),
/* harmony export */   hz: () => (/* binding */ codeSteps),
/* harmony export */   nH: () => (/* binding */ finalStatus)
/* harmony export */ });
/** The status a run that reached the end of its steps finishes with. */
function finalStatus(state) {
    const steps = Object.values(state.steps);
    const review = state.steps.review?.result;
    const degraded = state.plan?.degraded === true || steps.some((s) => s.degraded === true) || review?.degraded === true;
    if (degraded)
        return 'degraded';
    if (steps.some((s) => s.status === 'failed'))
        return 'partial';
    return 'completed';
}
function codeSteps(state) {
    return Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
}
function successRateOf(state) {
    const code = codeSteps(state);
    return code.length === 0 ? 1 : code.filter((s) => s.status === 'done').length / code.length;
}
function runSummaryMarkdown(state, status) {
    const review = state.steps.review?.result;
    const code = codeSteps(state);
    const lines = [
        `**keel run \`${state.runId}\`** — ${status}`,
        '',
        `Task: ${firstLine(state.task.text)}`,
        '',
        '| step | state | by | commit |',
        '| --- | --- | --- | --- |',
        // `publish` is the step writing this text: it is still under way, and done by the time anyone reads it.
        ...Object.values(state.steps)
            .filter((s) => s.id !== 'publish')
            .map((s) => `| \`${s.id}\` | ${s.status}${s.degraded ? ' (degraded)' : ''} | ${s.model ?? ''} | ${s.commit ? s.commit.slice(0, 8) : ''} |`),
        '',
        `Subtasks committed: ${code.filter((s) => s.status === 'done').length} of ${code.length}.`,
    ];
    if (review) {
        lines.push('', `Review: ${review.approved ? 'approved' : 'not approved'}${review.degraded ? ' — no reviewer model answered; a human must review' : ''} (quality ${review.codeQuality}).`, ...review.blocking.map((b) => `- blocking: ${b}`), ...review.comments.map((c) => `- ${c}`));
    }
    const issues = Object.values(state.effects).filter((e) => e.kind === 'issue');
    if (issues.length > 0)
        lines.push('', 'Follow-up issues:', ...issues.map((e) => `- ${e.ref}`));
    return lines.join('\n');
}
function recoveryMarkdown(state, resumeCommand) {
    const steps = Object.values(state.steps);
    const list = (filter) => steps
        .filter(filter)
        .map((s) => `\`${s.id}\``)
        .join(', ') || 'none';
    const interruption = state.interruption;
    const lines = [
        `**keel run \`${state.runId}\` stopped before finishing** — ${interruption?.reason ?? state.status}.`,
        '',
        `Task: ${firstLine(state.task.text)}`,
        '',
        `- finished: ${list((s) => s.status === 'done' || s.status === 'skipped')}`,
        `- pending: ${list((s) => s.status === 'pending' || s.status === 'running')}`,
        `- failed: ${list((s) => s.status === 'failed')}`,
        `- work branch: \`${state.repo.workBranch}\` (nothing committed there is lost)`,
        '',
        'To continue where it stopped:',
        '',
        '```',
        resumeCommand,
        '```',
    ];
    if (interruption?.error)
        lines.push('', '<details><summary>error context</summary>', '', '```', interruption.error, '```', '</details>');
    return lines.join('\n');
}
function firstLine(text) {
    const line = text.split('\n', 1)[0] ?? '';
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}


/***/ })

};
