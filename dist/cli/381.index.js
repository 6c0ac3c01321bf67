export const id = 381;
export const ids = [381];
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

/***/ 5179:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yv: () => (/* binding */ slugify),
/* harmony export */   nD: () => (/* binding */ uniqueSlug)
/* harmony export */ });
/* unused harmony exports ID_PATTERN, MAX_ID_LENGTH */
/**
 * Ids that end up in step ids (`code:<id>`), branch-safe file names and checkpoint keys: lowercase letters,
 * digits and `-`, starting with a letter or digit, at most 48 characters (`subtaskSchema` (plan-schema.ts)).
 * Models write ids however they like; keel derives its own from what they wrote.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
const MAX_ID_LENGTH = 48;
/** `"Add the README.md file!"` → `add-the-readme-md-file`; empty when nothing usable is left. */
function slugify(text, max = MAX_ID_LENGTH) {
    const slug = text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (slug.length <= max)
        return slug;
    const cut = slug.slice(0, max);
    // Prefer ending on a word boundary, unless that would throw away most of the id.
    const boundary = cut.lastIndexOf('-');
    return (boundary >= max / 2 ? cut.slice(0, boundary) : cut).replace(/-+$/, '');
}
/**
 * A slug of the first usable text, unique within `taken` (which it joins): `setup`, `setup-2`, `setup-3` ….
 * Always matches {@link ID_PATTERN}.
 */
function uniqueSlug(texts, taken, fallback) {
    const base = texts.map((text) => (text === undefined ? '' : slugify(text))).find((slug) => slug !== '');
    const root = base ?? slugify(fallback);
    let id = root;
    for (let n = 2; taken.has(id); n++) {
        const suffix = `-${n}`;
        id = `${root.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(id);
    return id;
}


/***/ }),

/***/ 2841:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Im: () => (/* binding */ LocalEffects)
/* harmony export */ });
/* unused harmony exports RECOVERY_STEP, markerStep */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4743);
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3516);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7594);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1975);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3071);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8747);
/**
 * `Effects` as files under `<runDir>/effects/`, for the CLI outside GitHub, tests and chaos drills:
 * `issues/<n>.json`, `comments/<n>.json`, `pulls/<n>.json` (issues and pull requests share one numbering,
 * as on GitHub). The recovery issue (marker step `recovery`) is also rendered to `<runDir>/recovery.md`
 * for the human who opens the state directory.
 *
 * Safe under SIGKILL at any instant:
 * - a record is written with its marker in ONE atomic write, so it is either fully there or not at all;
 * - looking the marker up, allocating the number and writing the record happen in one section under an
 *   inter-process lock, so neither parallel calls nor a resumed process create a second record for a
 *   marker, and two records never get the same number;
 * - numbers come from the records present (highest + 1), not from a counter file that could disagree;
 * - a temp file left by a killed writer is never read as a record, and is swept under the lock (every
 *   write here happens under it, so a temp seen while holding it is an orphan).
 */









const RECOVERY_STEP = 'recovery';
class LocalEffects {
    runDir;
    dir;
    #clock;
    #redact;
    #lock;
    #log;
    constructor(options) {
        this.runDir = options.runDir;
        this.dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .EFFECTS_DIR */ .rT);
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m;
        this.#redact = options.redact ?? ((text) => (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(text, []));
        this.#log = options.log ?? (() => undefined);
        this.#lock = new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .FileLock */ .IR({
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, '.lock'),
            clock: this.#clock,
            ...(options.lockAttempts !== undefined ? { attempts: options.lockAttempts } : {}),
            ...(options.lockBackoffMs !== undefined ? { backoffMs: options.lockBackoffMs } : {}),
            ...(options.staleLockMs !== undefined ? { staleMs: options.staleLockMs } : {}),
            log: this.#log,
        });
    }
    ensureIssue(spec) {
        return this.#locked(async () => {
            const found = await this.#find('issues', spec.marker);
            if (found) {
                await this.#mirror(found.record);
                return ref(found.path, false);
            }
            return this.#createIssue(spec);
        });
    }
    upsertIssue(spec) {
        return this.#locked(async () => {
            const found = await this.#find('issues', spec.marker);
            if (!found)
                return this.#createIssue(spec);
            const body = this.#redact(spec.body);
            const record = found.record.body === body ? found.record : { ...found.record, body, updatedAt: this.#clock.now() };
            if (record !== found.record)
                await writeRecord(found.path, record);
            await this.#mirror(record);
            return ref(found.path, false);
        });
    }
    closeIssue(marker, comment) {
        return this.#locked(async () => {
            const found = await this.#find('issues', marker);
            if (!found)
                return undefined;
            let record = found.record;
            if (record.state !== 'closed') {
                const at = this.#clock.now();
                const comments = Array.isArray(record.comments) ? record.comments : [];
                record = {
                    ...record,
                    state: 'closed',
                    comments: [...comments, { body: this.#redact(comment), at }],
                    updatedAt: at,
                };
                await writeRecord(found.path, record);
            }
            await this.#mirror(record);
            return ref(found.path, false);
        });
    }
    upsertComment(marker, body) {
        return this.#locked(async () => {
            const text = this.#redact(body);
            const found = await this.#find('comments', marker);
            if (found) {
                if (found.record.body !== text) {
                    await writeRecord(found.path, { ...found.record, body: text, updatedAt: this.#clock.now() });
                }
                return ref(found.path, false);
            }
            const number = await this.#nextNumber(['comments']);
            const at = this.#clock.now();
            const record = { number, marker, body: text, createdAt: at, updatedAt: at };
            const path = this.#path('comments', number);
            await writeRecord(path, record);
            return ref(path, true);
        });
    }
    ensurePullRequest(spec) {
        return this.#locked(async () => {
            const found = await this.#find('pulls', spec.marker);
            if (found)
                return ref(found.path, false);
            const number = await this.#nextNumber(['issues', 'pulls']);
            const at = this.#clock.now();
            const record = {
                number,
                marker: spec.marker,
                title: this.#redact(spec.title),
                body: this.#redact(spec.body),
                head: spec.head,
                base: spec.base,
                draft: spec.draft,
                labels: [...spec.labels],
                state: 'open',
                createdAt: at,
                updatedAt: at,
            };
            const path = this.#path('pulls', number);
            await writeRecord(path, record);
            return ref(path, true);
        });
    }
    /** Every issue record (for tests and `keel status`), in number order. */
    async issues() {
        return (await this.#records('issues')).map((f) => f.record);
    }
    async pulls() {
        return (await this.#records('pulls')).map((f) => f.record);
    }
    async comments() {
        return (await this.#records('comments')).map((f) => f.record);
    }
    async #createIssue(spec) {
        const number = await this.#nextNumber(['issues', 'pulls']);
        const at = this.#clock.now();
        const record = {
            number,
            marker: spec.marker,
            title: this.#redact(spec.title),
            body: this.#redact(spec.body),
            labels: [...spec.labels],
            state: 'open',
            comments: [],
            createdAt: at,
            updatedAt: at,
        };
        const path = this.#path('issues', number);
        await writeRecord(path, record);
        await this.#mirror(record);
        return ref(path, true);
    }
    async #locked(work) {
        const result = await this.#lock.withLock(work);
        if (!result.ok)
            throw new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .LockTimeoutError */ .XB(this.#lock.path, result);
        return result.value;
    }
    #path(kind, number) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, kind, `${number}.json`);
    }
    /** Record files by number; orphaned temp files are removed on the way (callers hold the lock). */
    async #numbers(kind, sweep) {
        let names;
        try {
            names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, kind));
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return [];
            throw error;
        }
        const numbers = [];
        for (const name of names) {
            const match = /^(\d{1,15})\.json$/.exec(name);
            if (match)
                numbers.push(Number(match[1]));
            else if (sweep && (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .isTempFile */ .n)(name))
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, kind, name)).catch(() => undefined);
        }
        return numbers.sort((a, b) => a - b);
    }
    async #records(kind, sweep = false) {
        const found = [];
        for (const number of await this.#numbers(kind, sweep)) {
            const path = this.#path(kind, number);
            const read = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readJsonFile */ .J)(path);
            // Only ever written whole, so a record that does not parse was damaged from outside: it is not
            // anybody's marker, but its number stays taken (the file name counts, not its content).
            if (!read.ok || read.value === null || typeof read.value !== 'object')
                continue;
            if (typeof read.value.marker !== 'string')
                continue;
            found.push({ record: read.value, path });
        }
        return found;
    }
    async #find(kind, marker) {
        return (await this.#records(kind, true)).find((f) => f.record.marker === marker);
    }
    async #nextNumber(kinds) {
        let highest = 0;
        for (const kind of kinds)
            highest = Math.max(highest, ...(await this.#numbers(kind, false)));
        return highest + 1;
    }
    /** The recovery issue, rendered for humans. A view of the record: failures are logged, not thrown. */
    async #mirror(record) {
        if (markerStep(record.marker) !== RECOVERY_STEP)
            return;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .RECOVERY_FILE */ .RU);
        try {
            await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__.writeFileAtomic)(path, renderRecovery(record));
        }
        catch (error) {
            this.#log({ type: 'effects_mirror_failed', file: path, error: (0,_base_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error) });
        }
    }
}
async function writeRecord(path, record) {
    await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_5__.writeFileAtomic)(path, `${JSON.stringify(record, null, 2)}\n`);
}
function ref(path, created) {
    return { id: path, url: (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)(path).href, created };
}
/** The step id in `<!-- keel:run=<id> step=<id> -->`, if the marker has that shape. */
function markerStep(marker) {
    return /\bstep=(\S+?)\s*-->/.exec(marker)?.[1];
}
function renderRecovery(record) {
    const lines = [
        `# ${record.title}`,
        '',
        `State: ${record.state} · labels: ${record.labels.join(', ') || '(none)'} · record: effects/issues/${record.number}.json`,
        '',
        record.body,
    ];
    for (const comment of Array.isArray(record.comments) ? record.comments : []) {
        lines.push('', '---', '', `Comment (${new Date(comment.at).toISOString()}):`, '', comment.body);
    }
    // The engine puts the marker in the body already; the file carries it exactly once either way.
    if (!record.body.includes(record.marker))
        lines.push('', record.marker);
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
