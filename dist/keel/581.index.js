export const id = 581;
export const ids = [581];
export const modules = {

/***/ 48963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cs: () => (/* reexport */ artifactName),
  py: () => (/* reexport */ collectStateFiles),
  GI: () => (/* reexport */ selectArtifactStore)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var base_secrets = __webpack_require__(80991);
// EXTERNAL MODULE: ./lib/durable/state-branch/index.js + 15 modules
var state_branch = __webpack_require__(32604);
;// CONCATENATED MODULE: ./lib/durable/artifacts/artifact-files.js
/**
 * The files of a run directory that make up its artifact, for both artifact stores: what to collect (a
 * whitelist walk that never follows a symlink), what a store may upload (the whitelist again, regular files
 * only, bounded, no configured secret), and how a downloaded copy comes back into a run directory (only
 * whitelisted files, through the same validation and newest-wins rule as the state branch).
 */





const ARTIFACT_PREFIX = 'keel-state-';
/** `keel-state-<runId>`. */
function artifactName(runId) {
    return `${ARTIFACT_PREFIX}${runId}`;
}
/** Artifact names a store accepts: safe as one directory name, and within GitHub's rules. */
const ARTIFACT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/**
 * The whitelisted files of a run directory, relative and '/'-separated, sorted: `state.json`,
 * `manifest.json`, `metrics.json`, `recovery.md`, `events*.ndjson`, `effects/<kind>/<n>.json`. Locks, temp
 * files, `.heartbeat`, set-aside corrupt checkpoints, symlinks and anything else are left out. A missing
 * directory gives `[]`.
 */
async function collectStateFiles(runDir) {
    const found = [];
    for (const sub of ['', ...state_branch/* ARTIFACT_SUBDIRS */.GD]) {
        let entries;
        try {
            entries = await (0,promises_.readdir)(sub === '' ? runDir : (0,external_node_path_.join)(runDir, ...sub.split('/')), { withFileTypes: true });
        }
        catch (error) {
            if ((0,errors/* errorCode */.C)(error) === 'ENOENT' || (0,errors/* errorCode */.C)(error) === 'ENOTDIR')
                continue;
            throw error;
        }
        for (const entry of entries) {
            const path = sub === '' ? entry.name : `${sub}/${entry.name}`;
            // `isFile()` on a Dirent is false for a symlink: a link to the worktree or /etc is never followed.
            if (entry.isFile() && (0,state_branch/* isArtifactStateFile */.so)(path))
                found.push(path);
        }
    }
    return found.sort();
}
/**
 * Reads what a store is asked to upload, once: the bytes checked here are the bytes uploaded. A path that is
 * not whitelisted, not a regular file, gone, or too large is skipped with a reason; a configured secret in
 * any file refuses the whole upload.
 */
async function prepareUpload(rootDir, files, secrets, kind = 'state') {
    const out = [];
    const skipped = [];
    for (const path of new Set(files)) {
        if (kind === 'state' ? !(0,state_branch/* isArtifactStateFile */.so)(path) : !RESULT_FILE.test(path)) {
            skipped.push({ path, reason: kind === 'state' ? 'not a state file' : 'not a result file' });
            continue;
        }
        const full = (0,external_node_path_.join)(rootDir, ...path.split('/'));
        try {
            const info = await (0,promises_.lstat)(full);
            if (!info.isFile()) {
                skipped.push({ path, reason: 'not a regular file' });
                continue;
            }
            if (info.size > state_branch/* MAX_STATE_FILE_BYTES */.oM) {
                skipped.push({ path, reason: `larger than ${state_branch/* MAX_STATE_FILE_BYTES */.oM} bytes` });
                continue;
            }
            const data = await (0,promises_.readFile)(full);
            const text = data.toString('utf8');
            const secret = (0,base_secrets/* findSecret */.mt)(text, secrets);
            if (secret !== undefined)
                return { ok: false, reason: (0,state_branch/* secretReason */.rz)(path, secret) };
            // Anybody's credential too, as on the state branch: the run redacts shapes, so one here slipped past.
            const shape = (0,base_secrets/* findTokenShape */.kf)(text);
            if (shape !== undefined)
                return { ok: false, reason: `${path} contains text shaped like ${shape}: refusing to upload it` };
            out.push({ path, data });
        }
        catch (error) {
            skipped.push({ path, reason: (0,errors/* errorCode */.C)(error) === 'ENOENT' ? 'gone' : (0,errors/* errorMessage */.g)(error) });
        }
    }
    if (kind === 'state' && !out.some((f) => f.path === 'state.json')) {
        return { ok: false, reason: `no state.json among the files to upload from ${rootDir}` };
    }
    if (out.length === 0)
        return { ok: false, reason: `nothing to upload from ${rootDir}` };
    return { ok: true, files: out, skipped };
}
/** Writes prepared files under `dir` (created as needed), each at its relative path; their full paths. */
async function writeUploadFiles(dir, files) {
    const paths = [];
    for (const f of files) {
        const path = (0,external_node_path_.join)(dir, ...f.path.split('/'));
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.writeFile)(path, f.data);
        paths.push(path);
    }
    return paths;
}
/**
 * A result artifact (a fan-out coder's `result.json`): flat JSON files, nothing else. Not state, so neither
 * whitelisted as state nor validated as a checkpoint; its reader validates it (`externalCodeResultSchema`).
 */
const RESULT_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.json$/;
/** Copies the result files found in `sourceDir` (a download) into `into`; the names copied. */
async function copyResultFiles(sourceDir, into) {
    const copied = [];
    for (const entry of await (0,promises_.readdir)(sourceDir, { withFileTypes: true })) {
        if (!entry.isFile() || !RESULT_FILE.test(entry.name))
            continue;
        const from = (0,external_node_path_.join)(sourceDir, entry.name);
        if ((await (0,promises_.lstat)(from)).size > state_branch/* MAX_STATE_FILE_BYTES */.oM)
            continue;
        await (0,promises_.mkdir)(into, { recursive: true });
        await (0,promises_.writeFile)((0,external_node_path_.join)(into, entry.name), await (0,promises_.readFile)(from));
        copied.push(entry.name);
    }
    return copied.sort();
}
/**
 * Installs the whitelisted files found in `sourceDir` (a download) into the run directory `into`. The run id
 * the checkpoint must carry comes from the artifact name (`keel-state-<runId>`), else from `into`'s name.
 */
async function installDownloaded(sourceDir, into, name, clock) {
    const fromName = name.startsWith(ARTIFACT_PREFIX) ? name.slice(ARTIFACT_PREFIX.length) : '';
    const runId = (0,state_branch/* isValidRunId */.LU)(fromName) ? fromName : (0,external_node_path_.basename)(into);
    const files = new Map();
    for (const path of await collectStateFiles(sourceDir)) {
        const full = (0,external_node_path_.join)(sourceDir, ...path.split('/'));
        if ((await (0,promises_.lstat)(full)).size > state_branch/* MAX_STATE_FILE_BYTES */.oM)
            continue;
        files.set(path, await (0,promises_.readFile)(full, 'utf8'));
    }
    return (0,state_branch/* installRunFiles */.YT)(into, runId, files, `artifact ${name}`, clock);
}

;// CONCATENATED MODULE: ./lib/durable/artifacts/artifact-actions.js
/**
 * Artifacts in the Actions artifact service through `@actions/artifact`. It reads `ACTIONS_RUNTIME_TOKEN`
 * and `ACTIONS_RESULTS_URL` from the environment itself, so it only works inside a workflow job;
 * `selectArtifactStore` picks the directory store elsewhere.
 *
 * Decisions:
 * - Uploads go from a private staging copy of exactly the bytes that passed the whitelist and the secret
 *   check, never from the run directory itself (a file rewritten in between would be uploaded unchecked).
 * - A name is unique per workflow run in the service, and keel uploads twice (end of `main`, then `post`):
 *   a conflict deletes the earlier artifact and uploads again — the same as `upload-artifact`'s
 *   `overwrite`. The earlier copy stays until we know it must go.
 * - A download is held to the digest the service listed for the artifact (`expectedHash`): a mismatch, or an
 *   artifact without one, is refused (issue 12 §11).
 * - Downloads land in a private staging directory and come into the run directory through the whitelist
 *   and the checkpoint validation: an artifact is untrusted input like any other copy.
 * - Every call is bounded (`timeoutMs`): at the deadline the caller gets `{ ok: false }` while the library
 *   call, which cannot be cancelled, finishes or fails on its own; its staging copy is removed after it.
 * - The library is loaded on first use, not at import: it is large and most runs of the CLI never need it.
 */







const ACTIONS_ARTIFACT_TIMEOUT_MS = 30_000;
function createActionsArtifactStore(options) {
    const secrets = options.secrets ?? [];
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    const timeoutMs = options.timeoutMs ?? ACTIONS_ARTIFACT_TIMEOUT_MS;
    let client = options.client
        ? Promise.resolve(options.client)
        : undefined;
    const getClient = () => (client ??= Promise.all(/* import() */[__webpack_require__.e(659), __webpack_require__.e(479)]).then(__webpack_require__.bind(__webpack_require__, 33479)).then((m) => new m.DefaultArtifactClient()));
    const staging = () => (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir ?? (0,external_node_os_.tmpdir)(), 'keel-artifact-'));
    async function bounded(what, work) {
        const deadline = (0,state_branch/* startDeadline */.db)(clock, timeoutMs, what);
        try {
            return await deadline.race(work());
        }
        catch (error) {
            const reason = error instanceof state_branch/* DeadlineExceeded */.m4 ? error.message : `${what}: ${(0,errors/* errorMessage */.g)(error)}`;
            return { ok: false, reason };
        }
        finally {
            deadline.dispose();
        }
    }
    async function upload(name, rootDir, files, kind = 'state') {
        if (!ARTIFACT_NAME_PATTERN.test(name))
            return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
        return bounded(`upload of artifact ${name}`, async () => {
            const prepared = await prepareUpload(rootDir, files, secrets, kind);
            if (!prepared.ok)
                return prepared;
            const dir = await staging();
            try {
                const paths = await writeUploadFiles(dir, prepared.files);
                const c = await getClient();
                const opts = options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {};
                let response;
                try {
                    response = await c.uploadArtifact(name, paths, dir, opts);
                }
                catch (error) {
                    if (!isConflict(error))
                        throw error;
                    await c.deleteArtifact(name);
                    response = await c.uploadArtifact(name, paths, dir, opts);
                }
                return {
                    ok: true,
                    ...(response.id !== undefined ? { id: response.id } : {}),
                    skipped: prepared.skipped,
                };
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        });
    }
    async function download(name, into, from) {
        const findBy = from
            ? {
                token: options.token,
                workflowRunId: from.workflowRunId,
                repositoryOwner: options.owner,
                repositoryName: options.repo,
            }
            : undefined;
        const where = from ? ` in workflow run ${from.workflowRunId}` : '';
        return fetchArtifact(name, findBy, where, async (dir) => {
            const installed = await installDownloaded(dir, into, name, clock);
            if (!installed.ok)
                return installed;
            return { ok: true, restored: installed.installed, kept: installed.kept, skipped: installed.skipped };
        });
    }
    /** A result artifact of this workflow run (`uploadResult`), copied as it is into `into`. */
    async function downloadResult(name, into) {
        return fetchArtifact(name, undefined, '', async (dir) => {
            const restored = await copyResultFiles(dir, into);
            return restored.length > 0
                ? { ok: true, restored }
                : { ok: false, reason: `artifact ${name}: no result` };
        });
    }
    /** Downloads artifact `name` (of another workflow run with `findBy`) into a staging directory for `use`. */
    async function fetchArtifact(name, findBy, where, use) {
        if (!ARTIFACT_NAME_PATTERN.test(name))
            return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
        return bounded(`download of artifact ${name}`, async () => {
            const c = await getClient();
            let id;
            let digest;
            try {
                ({ id, digest } = (await c.getArtifact(name, findBy ? { findBy } : undefined)).artifact);
            }
            catch (error) {
                return { ok: false, reason: `no artifact ${name}${where}: ${(0,errors/* errorMessage */.g)(error)}` };
            }
            // The digest the service listed at upload is what the bytes must hash to: without one there is nothing
            // to hold a download to (keel's uploads always have one), and a mismatch is a copy someone changed.
            if (digest === undefined || digest === '')
                return {
                    ok: false,
                    reason: `artifact ${name}${where} lists no digest to verify it by: not restored`,
                };
            const dir = await staging();
            try {
                const got = await c.downloadArtifact(id, {
                    path: dir,
                    // The library computes `sha256:<hex>`; a bare hex digest (the upload response's form) gets the prefix.
                    expectedHash: /^[0-9a-f]{64}$/i.test(digest) ? `sha256:${digest}` : digest,
                    ...(findBy ? { findBy } : {}),
                });
                if (got.digestMismatch === true)
                    return { ok: false, reason: `artifact ${name}${where}: digest mismatch, not restored` };
                return await use(dir);
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        });
    }
    return {
        kind: 'actions',
        where: `${options.owner}/${options.repo}`,
        upload: (name, rootDir, files) => upload(name, rootDir, files),
        download,
        uploadResult: (name, rootDir, files) => upload(name, rootDir, files, 'result'),
        downloadResult,
    };
}
/** `Failed request: (409) Conflict…` from the service when the name exists in this workflow run. */
function isConflict(error) {
    return /\(409\)|conflict|already exists/i.test((0,errors/* errorMessage */.g)(error));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/durable/artifacts/artifact-directory.js
/**
 * Artifacts as directories on the local disk, for where the Actions artifact service is out of reach (no
 * `ACTIONS_RUNTIME_TOKEN`): local runs, `@github/local-action`, the end-to-end tests. Layout:
 * `<dir>/<workflowRunId>/<name>/<files>` (`local` when there is no workflow run), so a test can play "the
 * artifact of an earlier run" exactly as in Actions.
 *
 * An upload replaces the whole artifact directory in two renames (the new copy is complete before the old
 * one moves away), so a reader never sees half of one upload mixed with another; a crash at worst leaves a
 * dot-named leftover that no artifact name can collide with.
 */






function createDirectoryArtifactStore(dir, options = {}) {
    const current = runSegment(options.workflowRunId);
    const secrets = options.secrets ?? [];
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    async function upload(name, rootDir, files, kind = 'state') {
        if (!ARTIFACT_NAME_PATTERN.test(name))
            return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
        try {
            const prepared = await prepareUpload(rootDir, files, secrets, kind);
            if (!prepared.ok)
                return prepared;
            const target = (0,external_node_path_.join)(dir, current, name);
            const tag = `${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
            const staging = (0,external_node_path_.join)(dir, current, `.${name}.${tag}.partial`);
            await writeUploadFiles(staging, prepared.files);
            const old = (0,external_node_path_.join)(dir, current, `.${name}.${tag}.old`);
            const hadOld = await (0,promises_.rename)(target, old).then(() => true, (error) => {
                if ((0,errors/* errorCode */.C)(error) === 'ENOENT')
                    return false;
                throw error;
            });
            await (0,promises_.rename)(staging, target);
            if (hadOld)
                await (0,promises_.rm)(old, { recursive: true, force: true });
            return { ok: true, skipped: prepared.skipped };
        }
        catch (error) {
            return { ok: false, reason: `artifact ${name}: ${(0,errors/* errorMessage */.g)(error)}` };
        }
    }
    async function download(name, into, from) {
        if (!ARTIFACT_NAME_PATTERN.test(name))
            return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
        const source = (0,external_node_path_.join)(dir, from ? runSegment(from.workflowRunId) : current, name);
        try {
            if (!(await (0,promises_.lstat)(source)).isDirectory())
                return { ok: false, reason: `artifact ${name}: not a directory` };
        }
        catch (error) {
            if ((0,errors/* errorCode */.C)(error) === 'ENOENT')
                return { ok: false, reason: `no artifact ${name} in ${(0,external_node_path_.dirname)(source)}` };
            return { ok: false, reason: `artifact ${name}: ${(0,errors/* errorMessage */.g)(error)}` };
        }
        try {
            const installed = await installDownloaded(source, into, name, clock);
            if (!installed.ok)
                return installed;
            return { ok: true, restored: installed.installed, kept: installed.kept, skipped: installed.skipped };
        }
        catch (error) {
            return { ok: false, reason: `artifact ${name}: ${(0,errors/* errorMessage */.g)(error)}` };
        }
    }
    async function downloadResult(name, into) {
        if (!ARTIFACT_NAME_PATTERN.test(name))
            return { ok: false, reason: `not an artifact name: ${JSON.stringify(name)}` };
        try {
            const restored = await copyResultFiles((0,external_node_path_.join)(dir, current, name), into);
            return restored.length > 0
                ? { ok: true, restored }
                : { ok: false, reason: `artifact ${name}: no result` };
        }
        catch (error) {
            if ((0,errors/* errorCode */.C)(error) === 'ENOENT')
                return { ok: false, reason: `no artifact ${name} in ${(0,external_node_path_.join)(dir, current)}` };
            return { ok: false, reason: `artifact ${name}: ${(0,errors/* errorMessage */.g)(error)}` };
        }
    }
    return {
        kind: 'directory',
        where: dir,
        upload: (name, rootDir, files) => upload(name, rootDir, files),
        download,
        uploadResult: (name, rootDir, files) => upload(name, rootDir, files, 'result'),
        downloadResult,
    };
}
function runSegment(id) {
    const text = id === undefined ? '' : String(id);
    return /^[0-9]{1,20}$/.test(text) ? text : 'local';
}

;// CONCATENATED MODULE: ./lib/durable/artifacts/artifacts.js
/**
 * Workflow artifacts as the second durable copy of a checkpoint (the state branch is the first): uploaded at
 * the end of a run and on shutdown as `keel-state-<runId>`, downloaded on resume from the current workflow
 * run or, with `from`, an earlier one. Unlike the state branch an artifact carries the whole run directory's
 * state — the event log, the effect records and `recovery.md` too — and nothing else (see `state-files.ts`).
 *
 * Two stores behind one interface: the Actions artifact service (`artifact-actions.ts`) inside a workflow
 * job, and a local directory (`artifact-directory.ts`) everywhere else. Both refuse an upload that contains
 * a configured secret, and both bring a download in through the checkpoint validation and the newest-wins
 * rule, never by unpacking into the run directory blindly. Results are unions; nothing throws.
 */







/**
 * The Actions artifact service when the job has its runtime credentials (`ACTIONS_RUNTIME_TOKEN` and
 * `ACTIONS_RESULTS_URL`, which `@actions/artifact` reads from the environment), else a local directory.
 */
function selectArtifactStore(env, options) {
    const temp = options.runnerTemp ?? env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)();
    const common = {
        ...(options.secrets ? { secrets: options.secrets } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
    };
    if (env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL) {
        return createActionsArtifactStore({
            token: options.token,
            owner: options.owner,
            repo: options.repo,
            tempDir: temp,
            ...common,
            ...(options.client ? { client: options.client } : {}),
            ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
            ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
        });
    }
    const dir = options.dir ?? env.KEEL_ARTIFACT_DIR ?? (0,external_node_path_.join)(temp, 'keel-artifacts');
    return createDirectoryArtifactStore(dir, {
        ...common,
        ...(env.GITHUB_RUN_ID ? { workflowRunId: env.GITHUB_RUN_ID } : {}),
    });
}

;// CONCATENATED MODULE: ./lib/durable/artifacts/index.js
/** durable/artifacts/: what the rest of keel uses of it. */



/***/ }),

/***/ 42210:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ restoreDurably),
/* harmony export */   l: () => (/* binding */ saveDurably)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74743);
/* harmony import */ var _git_secret_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88798);
/* harmony import */ var _artifacts_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48963);
/* harmony import */ var _state_branch_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32604);
/* harmony import */ var _run_state_store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(61472);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(41176);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(28747);
/**
 * Durable copies of a run's checkpoint in Actions: the state branch first (the next run, on any runner,
 * finds it), then the work branch of an unfinished run (its commits are the work done so far, and a runner
 * is thrown away with everything on it), then a workflow artifact. All bounded in time — a slow remote must
 * not eat the few seconds between GitHub's SIGINT and its SIGKILL — and all reported, never thrown.
 *
 * Restoring is the mirror image: the checkpoint, then the work branch when this checkout lacks it, and the
 * checkpoint's paths (the checkout and keel's worktree, absolute) moved to this runner's checkout: another
 * runner's workspace path means nothing here, and when it happens to exist it is someone else's directory.
 */








const REMOTE = 'origin';
/**
 * `claim`: the run's claim on the state branch (`run-claim.ts`). The checkpoint is pushed only while the
 * branch's claim is still this one, and the same commit releases it; when another job holds the run now,
 * nothing of this runner's copy leaves it (no checkpoint, no work branch, no artifact).
 */
async function saveDurably(d, run, timeoutMs, claim) {
    if (!d.remote) {
        d.log('effects: local — the checkpoint stays in .keel/ (nothing pushed, nothing uploaded)');
        return;
    }
    const pushed = await (0,_state_branch_index_js__WEBPACK_IMPORTED_MODULE_4__/* .pushCheckpoint */ .De)({ git: d.git, repoRoot: d.repoRoot, branch: d.branch, timeoutMs, secrets: d.secrets }, run, claim ? { claim, releaseAt: Date.now() } : undefined);
    d.log(pushed.ok
        ? `checkpoint pushed to ${d.branch} (${pushed.sha.slice(0, 8)})${claim ? ', claim released' : ''}`
        : `state branch: ${pushed.reason}`);
    if (!pushed.ok && pushed.lost !== undefined)
        return;
    const work = await pushWorkBranch(d, run.runDir, Math.max(1_000, Math.floor(timeoutMs / 2)));
    if (work !== undefined)
        d.log(work);
    const name = (0,_artifacts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactName */ .Cs)(run.runId);
    const uploaded = await d.artifacts.upload(name, run.runDir, await (0,_artifacts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .collectStateFiles */ .py)(run.runDir));
    d.log(uploaded.ok ? `checkpoint uploaded as artifact ${name}` : `artifact: ${uploaded.reason}`);
}
/**
 * Brings the checkpoint of a run to resume into the local state directory: the state branch first, then
 * the artifact of the workflow run that produced it. Returns where it came from, or why nothing was found.
 */
async function restoreDurably(d, stateDir, runId, findArtifactRun, 
/** Under a fresh claim: the branch's copy is the run's, whatever the timestamps (`fetchCheckpoint`). */
prefer) {
    const fetched = await (0,_state_branch_index_js__WEBPACK_IMPORTED_MODULE_4__/* .fetchCheckpoint */ .LL)({ git: d.git, repoRoot: d.repoRoot, branch: d.branch, secrets: d.secrets }, runId, { stateDir, ...(prefer ? { prefer } : {}) });
    if (fetched.ok) {
        const notes = await adoptHere(d, stateDir, fetched.runId);
        return [`state branch ${d.branch} (run ${fetched.runId})`, ...notes].join('; ');
    }
    if (runId === undefined)
        return `nothing on ${d.branch}: ${fetched.reason}`;
    const name = (0,_artifacts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactName */ .Cs)(runId);
    const workflowRunId = await findArtifactRun(name);
    const downloaded = await d.artifacts.download(name, `${stateDir}/runs/${runId}`, ...(workflowRunId !== undefined ? [{ workflowRunId }] : []));
    const notes = await adoptHere(d, stateDir, runId);
    return downloaded.ok
        ? [`artifact ${name}`, ...notes].join('; ')
        : [`neither ${d.branch} (${fetched.reason}) nor artifact ${name} (${downloaded.reason})`, ...notes].join('; ');
}
/**
 * Pushes the work branch of an unfinished run that has commits (never forced: a rejection is reported and
 * left for the publish step, which rebases). Undefined when there is nothing to push.
 */
async function pushWorkBranch(d, runDir, timeoutMs) {
    const { state } = await new _run_state_store_js__WEBPACK_IMPORTED_MODULE_5__.TaskStateStore({ runDir }).load();
    if (!state || !(0,_run_state_js__WEBPACK_IMPORTED_MODULE_6__/* .isUnfinished */ .ui)(state) || !isOwnWorkBranch(state))
        return undefined;
    const branch = state.repo.workBranch;
    const ref = `refs/heads/${branch}`;
    const deadline = (0,_state_branch_index_js__WEBPACK_IMPORTED_MODULE_4__/* .startDeadline */ .db)(_base_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml, timeoutMs, `push of ${branch}`);
    const run = (args) => deadline.race(d.git.run(args, { cwd: d.repoRoot, allowFailure: true, timeoutMs, signal: deadline.signal }));
    try {
        const tip = await run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
        const sha = tip.stdout.text.trim();
        if (tip.exitCode !== 0 || sha === state.repo.baseSha)
            return undefined;
        // The same look as before the publish push: a commit carrying a secret never leaves the runner.
        const hits = await deadline.race((0,_git_secret_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanCommits */ .C3)(d.git, d.repoRoot, { base: state.repo.baseSha, head: sha }, d.secrets));
        if (hits.length > 0)
            return `work branch ${branch} not pushed: its commits carry secrets: ${(0,_git_secret_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .describeHits */ .YI)(hits)}`;
        const pushed = await run([
            'push',
            '--porcelain',
            '--no-verify',
            '--no-follow-tags',
            REMOTE,
            `${ref}:${ref}`,
        ]);
        return pushed.exitCode === 0
            ? `work branch ${branch} pushed (${sha.slice(0, 8)})`
            : `work branch ${branch} not pushed: ${firstLine(pushed.stderr.text)}`;
    }
    catch (error) {
        return `work branch ${branch} not pushed: ${error.message}`;
    }
    finally {
        deadline.dispose();
    }
}
/**
 * Makes a restored checkpoint this runner's: its paths moved to this checkout, and its work branch fetched
 * when this checkout does not have it. Returns what it did, for the log.
 */
async function adoptHere(d, stateDir, runId) {
    const store = new _run_state_store_js__WEBPACK_IMPORTED_MODULE_5__.TaskStateStore({ runDir: (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .stateLayout */ .G)(stateDir).run(runId).dir });
    const { state } = await store.load();
    if (!state)
        return [];
    const notes = [];
    const top = await d.git.run(['rev-parse', '--show-toplevel'], { cwd: d.repoRoot, allowFailure: true });
    const here = top.exitCode === 0 ? top.stdout.text.trim() : d.repoRoot;
    const recorded = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(state.repo.root).catch(() => state.repo.root);
    if (recorded !== (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(here).catch(() => here))) {
        state.repo.root = here;
        state.repo.worktree = (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .stateLayout */ .G)(stateDir).worktree(runId);
        await store.save(state);
        notes.push(`checkout moved to ${here}`);
    }
    if (!isOwnWorkBranch(state))
        return notes;
    const ref = `refs/heads/${state.repo.workBranch}`;
    const local = await d.git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
        cwd: here,
        allowFailure: true,
    });
    if (local.exitCode !== 0) {
        const fetched = await d.git.run(['fetch', '--quiet', '--no-tags', REMOTE, `${ref}:${ref}`], {
            cwd: here,
            allowFailure: true,
        });
        if (fetched.exitCode === 0)
            notes.push(`work branch ${state.repo.workBranch} fetched`);
    }
    return notes;
}
/**
 * A checkpoint from a branch or an artifact is untrusted: its work branch is pushed and fetched only when it
 * is the one keel names for the run (`keel/<runId>`, the run id already validated), never any other ref.
 */
function isOwnWorkBranch(state) {
    return state.repo.workBranch === `keel/${state.runId}`;
}
function firstLine(text) {
    return (text.trim().split('\n', 1)[0] ?? '').slice(0, 300);
}


/***/ }),

/***/ 32604:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GD: () => (/* reexport */ ARTIFACT_SUBDIRS),
  r: () => (/* reexport */ DEFAULT_CLAIM_TTL_MS),
  m4: () => (/* reexport */ DeadlineExceeded),
  oM: () => (/* reexport */ MAX_STATE_FILE_BYTES),
  KQ: () => (/* reexport */ branchClaimSchema),
  G2: () => (/* reexport */ checkRunClaim),
  S6: () => (/* reexport */ claimRun),
  LL: () => (/* reexport */ fetchCheckpoint),
  YT: () => (/* reexport */ installRunFiles),
  so: () => (/* reexport */ isArtifactStateFile),
  LU: () => (/* reexport */ isValidRunId),
  RB: () => (/* reexport */ listBranchRuns),
  De: () => (/* reexport */ pushCheckpoint),
  rz: () => (/* reexport */ secretReason),
  db: () => (/* reexport */ startDeadline)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/base/clock.js
var clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/git/git-runner.js + 2 modules
var git_runner = __webpack_require__(28540);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
;// CONCATENATED MODULE: ./lib/durable/state-branch/state-deadline.js
class DeadlineExceeded extends Error {
    name = 'DeadlineExceeded';
}
function startDeadline(clock, ms, what) {
    const end = clock.now() + Math.max(0, ms);
    const abort = new AbortController();
    const timer = new AbortController();
    const message = `${what}: gave up after ${ms} ms`;
    const expiredPromise = new Promise((_, reject) => {
        abort.signal.addEventListener('abort', () => reject(new DeadlineExceeded(message)), { once: true });
    });
    // Unobserved until someone races: without this, an expiry nobody awaits is an unhandled rejection.
    expiredPromise.catch(() => undefined);
    clock.sleep(Math.max(0, ms), timer.signal).then(() => abort.abort(new DeadlineExceeded(message)), () => undefined);
    return {
        signal: abort.signal,
        remaining: () => Math.max(0, end - clock.now()),
        expired: () => abort.signal.aborted || clock.now() >= end,
        race: (promise) => {
            // The loser may still settle later; its rejection is nobody's business then.
            promise.catch(() => undefined);
            return Promise.race([promise, expiredPromise]);
        },
        dispose: () => timer.abort(),
    };
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-options.js
/**
 * The state branch's options, checked and resolved once per operation, and how its failures are reported.
 * Push, fetch and listing share these so that a bad branch name or remote is refused the same way by all of
 * them, before any git command sees it.
 */





const STATE_BRANCH_DEFAULTS = {
    remote: 'origin',
    branch: 'keel/state',
    timeoutMs: 20_000,
    maxAttempts: 5,
};
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function resolveOptions(o) {
    const remote = o.remote ?? STATE_BRANCH_DEFAULTS.remote;
    const branch = o.branch ?? STATE_BRANCH_DEFAULTS.branch;
    // The remote is a name or a URL; an argument starting with `-` would be read as an option.
    if (remote === '' || remote.startsWith('-') || /[\s\0]/.test(remote)) {
        return { ok: false, reason: `not a remote: ${JSON.stringify(remote)}` };
    }
    if (!BRANCH.test(branch) ||
        branch.includes('..') ||
        branch.includes('//') ||
        /(\/|\.lock|\.)$/.test(branch)) {
        return { ok: false, reason: `not a branch name: ${JSON.stringify(branch)}` };
    }
    const remoteKey = REMOTE_NAME.test(remote)
        ? remote
        : (0,external_node_crypto_.createHash)('sha256').update(remote).digest('hex').slice(0, 16);
    return {
        ok: true,
        value: {
            git: o.git,
            repoRoot: o.repoRoot,
            remote,
            branch,
            trackingRef: `refs/keel/fetched/${remoteKey}/${branch}`,
            timeoutMs: o.timeoutMs ?? STATE_BRANCH_DEFAULTS.timeoutMs,
            maxAttempts: Math.max(1, o.maxAttempts ?? STATE_BRANCH_DEFAULTS.maxAttempts),
            clock: o.clock ?? clock/* systemClock */.ml,
            log: o.log ?? (() => undefined),
            secrets: o.secrets ?? [],
        },
    };
}
/** Logs the failure and returns it: every operation ends in a reason, never a throw. */
function fail(o, operation, reason) {
    o.log?.({ type: 'state_branch_failed', operation, reason });
    return { ok: false, reason };
}
/** A caught error as a reason safe to print (git's stderr was redacted by the runner). */
function describeError(error) {
    if (error instanceof DeadlineExceeded)
        return error.message;
    if (error instanceof git_runner/* GitError */.XS && (error.kind === 'aborted' || error.kind === 'timeout')) {
        return `${error.message} (time budget exhausted)`;
    }
    return (0,errors/* errorMessage */.g)(error);
}

// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
;// CONCATENATED MODULE: ./lib/durable/state-branch/state-json.js
/**
 * JSON from the state branch or the runner's state directory is untrusted text (a hand edit, a truncated
 * write, another keel version): callers want "not JSON" as a value to skip on, never a throw.
 */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isJson(text) {
    return parseJson(text) !== undefined;
}

// EXTERNAL MODULE: ./lib/base/run-id.js
var run_id = __webpack_require__(39048);
;// CONCATENATED MODULE: ./lib/durable/state-branch/state-files.js
/**
 * What may leave the runner as a durable copy of a checkpoint, shared by the state branch and the artifacts:
 * run ids that are safe as one path segment, whitelists of file names (anything not named here is not state
 * and is never pushed or uploaded), and the last check that no configured secret is in what goes out.
 *
 * Whitelists rather than blacklists: a run directory also holds locks, `*.tmp` files of a killed writer,
 * `.heartbeat`, corrupt checkpoints set aside — and a bug elsewhere could put anything there. Only names we
 * know to be state go.
 */


/** The same pattern as `runStateSchema.runId`: one path segment, never `.`/`..`, never an option. */
function isValidRunId(runId) {
    return run_id/* RUN_ID_PATTERN */.z.test(runId);
}
/**
 * On the state branch, per run: the checkpoint and its two small sidecars. Not `events.ndjson` (up to
 * 5 MiB × 4 rotated files per run, growing every checkpoint: the branch's history would grow by megabytes
 * per push, forever) and not `effects/` (records of issues and PRs that live on GitHub anyway, and whose
 * markers the publisher finds there). The artifact carries both.
 */
const BRANCH_RUN_FILES = [state_layout/* STATE_FILE */.bv, state_layout/* MANIFEST_FILE */.h1, state_layout/* METRICS_FILE */.HL];
/**
 * In an artifact, relative to the run directory ('/'-separated): the checkpoint, its sidecars, the event log
 * with its rotations, the local effect records and the rendered recovery issue. Never `*.lock`, `*.tmp`,
 * `.heartbeat` or `state.json.corrupt-*`, and nothing of the worktree (it is not under the run directory,
 * and if it were, no worktree path matches).
 */
const ARTIFACT_FILE = /^(?:state\.json|manifest\.json|metrics\.json|recovery\.md|events(?:\.[1-9][0-9]{0,2})?\.ndjson|effects\/(?:issues|comments|pulls)\/[1-9][0-9]{0,8}\.json)$/;
function isArtifactStateFile(relativePath) {
    return ARTIFACT_FILE.test(relativePath);
}
/** The subdirectories an artifact may contain (everything else in the run directory is not walked). */
const ARTIFACT_SUBDIRS = ['effects/issues', 'effects/comments', 'effects/pulls'];
/**
 * Larger than any honest checkpoint file (the state of 2 000 subtasks with long instructions stays far
 * below), smaller than GitHub's 100 MB file limit. A bigger file is refused rather than pushed.
 */
const MAX_STATE_FILE_BYTES = 32 * 1024 * 1024;
function secretReason(path, index) {
    return `${path} contains configured secret #${index}: refusing to copy it off the runner`;
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-tree.js

/** Big enough for the listing of thousands of runs; a truncated listing is refused, never used. */
const LISTING_BYTES = 16 * 1024 * 1024;
class StateTreeError extends Error {
    name = 'StateTreeError';
}
/** The entries of a tree, or undefined when `treeish` names nothing (a run not on the branch yet). */
async function listTree(run, treeish) {
    const result = await run(['ls-tree', '-z', treeish], { allowFailure: true, maxOutputBytes: LISTING_BYTES });
    if (result.exitCode !== 0)
        return undefined;
    if (result.stdout.truncated)
        throw new StateTreeError(`listing of ${treeish} is too large`);
    const entries = [];
    for (const record of result.stdout.text.split('\0')) {
        if (record === '')
            continue;
        const match = /^(\d{6}) (\w+) ([0-9a-f]{40,64})\t(.+)$/s.exec(record);
        if (!match)
            throw new StateTreeError(`unexpected ls-tree output for ${treeish}`);
        entries.push({ mode: match[1], type: match[2], sha: match[3], name: match[4] });
    }
    return entries;
}
async function makeTree(run, entries) {
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
    const result = await run(['mktree', '-z'], { input });
    return objectId(result, 'mktree');
}
async function writeBlob(run, content) {
    const result = await run(['hash-object', '-w', '--stdin'], { input: content });
    return objectId(result, 'hash-object');
}
/** The commit's tree. */
async function treeOf(run, commit) {
    return objectId(await run(['rev-parse', '--verify', '--quiet', `${commit}^{tree}`]), 'rev-parse');
}
/**
 * A blob's content — `object` is a blob id or `<tree-ish>:<path>` — or `missing`, or `tooLarge` when over the
 * state file bound (a truncated file is never used).
 */
async function readBlob(run, object) {
    const result = await run(['cat-file', 'blob', object], {
        allowFailure: true,
        maxOutputBytes: MAX_STATE_FILE_BYTES,
    });
    if (result.exitCode !== 0)
        return { missing: true };
    if (result.stdout.truncated)
        return { tooLarge: true };
    return { text: result.stdout.text };
}
/** Every path (recursively) that differs between two trees; `from` undefined = the empty tree. */
async function changedPaths(run, from, to) {
    const args = from === undefined
        ? ['ls-tree', '-r', '-z', '--name-only', to]
        : ['diff-tree', '-r', '-z', '--no-renames', '--name-only', from, to];
    const result = await run(args, { maxOutputBytes: LISTING_BYTES });
    if (result.stdout.truncated)
        throw new StateTreeError('tree comparison too large');
    return result.stdout.text.split('\0').filter((p) => p !== '');
}
function objectId(result, what) {
    const id = result.stdout.text.trim();
    if (!/^[0-9a-f]{40,64}$/.test(id))
        throw new StateTreeError(`${what} printed no object id`);
    return id;
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-commit.js



/** keel's own identity for state commits: they are bookkeeping, not anyone's work. */
const IDENTITY = ['-c', 'user.name=keel', '-c', 'user.email=keel@localhost'];
const BLOB_MODE = '100644';
const TREE_MODE = '040000';
/**
 * The tip's tree with this run's files (and the fleet state) replaced, committed on top of the tip.
 * `blobs` maps each local file's branch path to its blob, written beforehand.
 */
async function buildCommit(c, run, local, blobs, tip, 
/**
 * This runner holds the run's claim (`state-branch-claim.ts`): its checkpoint is the run's, whatever the
 * timestamps say — another runner's clock may be ahead of ours, and "newest wins" would then keep that
 * runner's older copy over ours.
 */
claimed = false) {
    const root = tip ? ((await listTree(run, tip.tree)) ?? []) : [];
    const runsEntry = root.find((e) => e.name === state_layout/* RUNS_DIR */.z4);
    if (runsEntry && runsEntry.type !== 'tree')
        throw new Error(`${state_layout/* RUNS_DIR */.z4} on ${c.branch} is not a directory`);
    const runs = runsEntry ? ((await listTree(run, runsEntry.sha)) ?? []) : [];
    const own = runs.find((e) => e.name === local.runId);
    const ownEntries = own?.type === 'tree' ? ((await listTree(run, own.sha)) ?? []) : [];
    let newRoot = root;
    const now = c.clock.now();
    const keepTheirs = !claimed &&
        own?.type === 'tree' &&
        (await branchIsNewer(run, own.sha, state_layout/* STATE_FILE */.bv, 'updatedAt', local.updatedAt, now));
    if (keepTheirs) {
        c.log({
            type: 'state_branch_skipped',
            path: `${state_layout/* RUNS_DIR */.z4}/${local.runId}`,
            reason: 'the branch has a newer checkpoint of this run',
        });
    }
    else {
        let runEntries = ownEntries;
        for (const f of local.runFiles) {
            runEntries = withEntry(runEntries, blobEntry(f.path.slice(f.path.lastIndexOf('/') + 1), blobs.get(f.path)));
        }
        const runTree = await makeTree(run, runEntries);
        const runsTree = await makeTree(run, withEntry(runs, treeEntry(local.runId, runTree)));
        newRoot = withEntry(newRoot, treeEntry(state_layout/* RUNS_DIR */.z4, runsTree));
    }
    if (local.fleet) {
        const theirs = root.find((e) => e.name === state_layout/* FLEET_STATE_FILE */.aC);
        const newer = theirs?.type === 'blob' &&
            (await branchIsNewer(run, theirs.sha, undefined, 'savedAt', local.fleet.savedAt, now));
        if (!newer)
            newRoot = withEntry(newRoot, blobEntry(state_layout/* FLEET_STATE_FILE */.aC, blobs.get(state_layout/* FLEET_STATE_FILE */.aC)));
    }
    const tree = await makeTree(run, newRoot);
    if (tip && tree === tip.tree)
        return { unchanged: true, sha: tip.sha };
    // `runs/<runId>` itself: a non-directory of that name (garbage) is replaced by this run's directory.
    const allowed = new Set([
        ...local.runFiles.map((f) => f.path),
        `${state_layout/* RUNS_DIR */.z4}/${local.runId}`,
        state_layout/* FLEET_STATE_FILE */.aC,
    ]);
    const stray = (await changedPaths(run, tip?.tree, tree)).filter((p) => !allowed.has(p));
    if (stray.length > 0) {
        throw new Error(`refusing to push: the rebuilt tree would also change ${stray.length} other path(s) on ${c.branch}`);
    }
    const message = `keel: checkpoint ${local.runId} (${local.status})`;
    return { unchanged: false, sha: await commitTree(run, tree, tip, message) };
}
/**
 * Whether the branch's copy (a blob, or `path` inside a tree) carries a larger `field` than ours. A time
 * further ahead of this runner's clock than `CLOCK_SKEW_MS` was written by a clock that ran ahead: it is
 * not newer, it is wrong, and it must not keep every later copy off the branch.
 */
async function branchIsNewer(run, object, path, field, ours, now) {
    const read = await readBlob(run, path === undefined ? object : `${object}:${path}`);
    if (!('text' in read))
        return false;
    const value = parseJson(read.text)?.[field];
    return typeof value === 'number' && value > ours && value <= now + CLOCK_SKEW_MS;
}
/** How far ahead of this runner's clock another runner's may be and still be believed: five minutes. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A commit of `tree` on top of `tip` (none: a root commit), as keel's identity, never signed. */
async function commitTree(run, tree, tip, message) {
    const args = [
        ...IDENTITY,
        'commit-tree',
        '--no-gpg-sign',
        tree,
        ...(tip ? ['-p', tip.sha] : []),
        '-m',
        message,
    ];
    const commit = (await run(args)).stdout.text.trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit))
        throw new Error('commit-tree printed no commit id');
    return commit;
}
function withEntry(entries, entry) {
    return [...entries.filter((e) => e.name !== entry.name), entry];
}
function blobEntry(name, sha) {
    return { mode: BLOB_MODE, type: 'blob', sha, name };
}
function treeEntry(name, sha) {
    return { mode: TREE_MODE, type: 'tree', sha, name };
}
/**
 * The tip's tree with one file of one run (`runs/<runId>/<name>`) set to `blob`, committed on top of the tip:
 * what a claim of the run writes (its `lease.json`), leaving everything else as it is.
 */
async function commitRunFile(run, tip, runId, name, blob, message) {
    const root = tip ? ((await listTree(run, tip.tree)) ?? []) : [];
    const runsEntry = root.find((e) => e.name === state_layout/* RUNS_DIR */.z4);
    if (runsEntry && runsEntry.type !== 'tree')
        throw new Error(`${state_layout/* RUNS_DIR */.z4} on the state branch is not a directory`);
    const runs = runsEntry ? ((await listTree(run, runsEntry.sha)) ?? []) : [];
    const own = runs.find((e) => e.name === runId);
    const ownEntries = own?.type === 'tree' ? ((await listTree(run, own.sha)) ?? []) : [];
    const runTree = await makeTree(run, withEntry(ownEntries, blobEntry(name, blob)));
    const runsTree = await makeTree(run, withEntry(runs, treeEntry(runId, runTree)));
    const tree = await makeTree(run, withEntry(root, treeEntry(state_layout/* RUNS_DIR */.z4, runsTree)));
    return commitTree(run, tree, tip, message);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/fleet/fleet-state.js
var fleet_state = __webpack_require__(29676);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var secrets = __webpack_require__(80991);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: ./lib/run/manifest.js
var run_manifest = __webpack_require__(69164);
// EXTERNAL MODULE: ./lib/run/metrics.js
var metrics = __webpack_require__(23168);
// EXTERNAL MODULE: ./lib/run/state.js
var run_state = __webpack_require__(41176);
;// CONCATENATED MODULE: ./lib/durable/state-branch/state-install.js
/**
 * Bringing a durable copy (from the state branch or an artifact) into the local state directory. The copy is
 * untrusted input — another keel version, a hand edit, a truncated upload — so:
 * - the checkpoint is validated with `runStateSchema` and must belong to the run it is filed under; a bad
 *   one installs nothing, and the reason is returned;
 * - a local checkpoint at least as new (by `updatedAt`) is kept: the copy may be older than what this
 *   runner already has (a resumed run's own directory, a second restore);
 * - sidecars (manifest, metrics, event log, effect records) are written only along with a checkpoint they
 *   belong to, each validated where it has a schema; a bad one is skipped with a reason — the run rebuilds
 *   the manifest and metrics at its next checkpoint anyway;
 * - `state.json` is written last, so a crash mid-install never leaves a new checkpoint beside old sidecars;
 * - a corrupt local checkpoint is moved aside, never overwritten (the store's rule: it may be the only copy).
 * Nothing here throws for bad input; file-system failures do (the callers turn them into reasons).
 */








/** Validates a checkpoint's text for `runId`; the reason names `where` (a branch path, an artifact). */
function parseCheckpoint(text, runId, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { ok: false, reason: `${where}: not JSON` };
    }
    const parsed = run_state/* runStateSchema */.El.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            ok: false,
            reason: `${where}: not a valid checkpoint (${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'})`,
        };
    }
    if (parsed.data.runId !== runId) {
        return { ok: false, reason: `${where}: belongs to run ${parsed.data.runId}, not ${runId}` };
    }
    return { ok: true, state: parsed.data };
}
/**
 * Installs `files` (paths relative to the run directory, state.json among them) into `runDir`. `where`
 * prefixes reasons so a human can find the bad file.
 */
async function installRunFiles(runDir, runId, files, where, clock, 
/** Install even over a local copy that says it is as new (its timestamps may come from a clock ahead). */
force = false) {
    const text = files.get(state_layout/* STATE_FILE */.bv);
    if (text === undefined)
        return { ok: false, reason: `${where}: no ${state_layout/* STATE_FILE */.bv}` };
    const incoming = parseCheckpoint(text, runId, `${where}/${state_layout/* STATE_FILE */.bv}`);
    if (!incoming.ok)
        return incoming;
    const statePath = (0,external_node_path_.join)(runDir, state_layout/* STATE_FILE */.bv);
    const local = await (0,atomic_file/* readJsonFile */.JE)(statePath);
    if (local.ok) {
        const parsed = run_state/* runStateSchema */.El.safeParse(local.value);
        if (parsed.success && !force && parsed.data.updatedAt >= incoming.state.updatedAt) {
            return { ok: true, state: parsed.data, installed: [], kept: true, skipped: [] };
        }
        if (!parsed.success)
            await (0,promises_.rename)(statePath, `${statePath}.corrupt-${clock.now()}`);
    }
    else if (local.reason === 'not-json') {
        await (0,promises_.rename)(statePath, `${statePath}.corrupt-${clock.now()}`);
    }
    const installed = [];
    const skipped = [];
    for (const [path, content] of files) {
        if (path === state_layout/* STATE_FILE */.bv)
            continue;
        const problem = sidecarProblem(path, content);
        if (problem !== undefined) {
            skipped.push({ path: `${where}/${path}`, reason: problem });
            continue;
        }
        await (0,atomic_file.writeFileAtomic)((0,external_node_path_.join)(runDir, ...path.split('/')), content);
        installed.push(path);
    }
    await (0,atomic_file.writeFileAtomic)(statePath, text);
    installed.push(state_layout/* STATE_FILE */.bv);
    return { ok: true, state: incoming.state, installed, kept: false, skipped };
}
/** Why a sidecar is not installed, or undefined when it may be. */
function sidecarProblem(path, content) {
    const isJson = path.endsWith('.json');
    if (!isJson)
        return undefined; // event log lines and recovery.md: text, read defensively by their readers
    let value;
    try {
        value = JSON.parse(content);
    }
    catch {
        return 'not JSON';
    }
    const schema = path === state_layout/* MANIFEST_FILE */.h1 ? run_manifest/* manifestSchema */.rc : path === state_layout/* METRICS_FILE */.HL ? metrics/* runMetricsSchema */.aC : undefined;
    if (schema === undefined)
        return undefined;
    const parsed = schema.safeParse(value);
    return parsed.success ? undefined : `invalid: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`;
}
/** `<stateDir>/fleet-state.json`, only when the local copy is missing, unreadable or older (`savedAt`). */
async function installFleetState(stateDir, text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { installed: false, reason: `${where}: not JSON` };
    }
    const incoming = (0,fleet_state/* parseFleetState */.zb)(value);
    if (!incoming.state)
        return { installed: false, reason: `${where}: ${incoming.problem ?? 'empty'}` };
    const path = (0,external_node_path_.join)(stateDir, state_layout/* FLEET_STATE_FILE */.aC);
    const local = await (0,fleet_state/* readFleetStateFile */.qJ)(path);
    if (local.state && local.state.savedAt >= incoming.state.savedAt) {
        return { installed: false, reason: 'the local fleet state is as new or newer' };
    }
    await (0,atomic_file.writeFileAtomic)(path, text);
    return { installed: true };
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-local.js
/**
 * The run's files as they are on this runner, read for a push: whitelisted names only, a checkpoint that
 * parses and belongs to the run, sidecars that are JSON, a fleet state that validates, and no configured
 * secret in any of them. A missing or bad checkpoint refuses the whole push — it must not replace a good
 * copy on the branch; a bad sidecar or fleet state is only skipped, with a reason.
 */









/** The run's files as they are now, validated and checked for secrets; `ok: false` refuses the push. */
async function readLocalCheckpoint(c, files) {
    const runFiles = [];
    const skipped = [];
    let status = 'unknown';
    let updatedAt = 0;
    for (const name of BRANCH_RUN_FILES) {
        const path = `${state_layout/* RUNS_DIR */.z4}/${files.runId}/${name}`;
        const read = await readStateFile((0,external_node_path_.join)(files.runDir, name));
        if (read.missing) {
            if (name === state_layout/* STATE_FILE */.bv)
                return { ok: false, reason: `no ${state_layout/* STATE_FILE */.bv} in ${files.runDir}` };
            continue;
        }
        if (read.problem !== undefined) {
            if (name === state_layout/* STATE_FILE */.bv)
                return { ok: false, reason: `${files.runDir}/${name}: ${read.problem}` };
            skipped.push({ path, reason: read.problem });
            continue;
        }
        const content = read.content;
        if (name === state_layout/* STATE_FILE */.bv) {
            // A checkpoint that does not parse must not replace a good copy on the branch.
            const parsed = parseCheckpoint(content, files.runId, `${files.runDir}/${name}`);
            if (!parsed.ok)
                return parsed;
            status = parsed.state.status;
            updatedAt = parsed.state.updatedAt;
        }
        else if (!isJson(content)) {
            skipped.push({ path, reason: 'not JSON' });
            continue;
        }
        runFiles.push({ path, content });
    }
    let fleet;
    if (files.fleetStatePath !== undefined) {
        const read = await readStateFile(files.fleetStatePath);
        if (read.content !== undefined) {
            const parsed = (0,fleet_state/* parseFleetState */.zb)(parseJson(read.content));
            if (parsed.state)
                fleet = { file: { path: state_layout/* FLEET_STATE_FILE */.aC, content: read.content }, savedAt: parsed.state.savedAt };
            else
                skipped.push({ path: state_layout/* FLEET_STATE_FILE */.aC, reason: parsed.problem ?? 'not a fleet state' });
        }
        else if (read.problem !== undefined) {
            skipped.push({ path: state_layout/* FLEET_STATE_FILE */.aC, reason: read.problem });
        }
    }
    // The run redacted these already; this is the last look before they leave the runner for good.
    for (const f of [...runFiles, ...(fleet ? [fleet.file] : [])]) {
        const secret = (0,secrets/* findSecret */.mt)(f.content, c.secrets);
        if (secret !== undefined)
            return { ok: false, reason: secretReason(f.path, secret) };
        // Anybody's credential, not only keel's: the run redacts shapes too, so one here slipped past it.
        const shape = (0,secrets/* findTokenShape */.kf)(f.content);
        if (shape !== undefined)
            return {
                ok: false,
                reason: `${f.path} contains text shaped like ${shape}: refusing to copy it off the runner`,
            };
    }
    return {
        ok: true,
        value: { runId: files.runId, status, updatedAt, runFiles, ...(fleet ? { fleet } : {}), skipped },
    };
}
async function readStateFile(path) {
    try {
        const buffer = await (0,promises_.readFile)(path);
        if (buffer.length > MAX_STATE_FILE_BYTES)
            return { problem: `larger than ${MAX_STATE_FILE_BYTES} bytes` };
        return { content: buffer.toString('utf8') };
    }
    catch (error) {
        if ((0,errors/* errorCode */.C)(error) === 'ENOENT')
            return { missing: true };
        return { problem: (0,errors/* errorMessage */.g)(error) };
    }
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-remote.js

/** `git.run` in the repository, killed at the deadline and settled by it even if the runner ignores that. */
function bindGit(c, deadline) {
    return (args, extra) => deadline.race(c.git.run(args, {
        cwd: c.repoRoot,
        signal: deadline.signal,
        timeoutMs: Math.max(1, deadline.remaining()),
        ...extra,
    }));
}
/**
 * The branch's tip after a fetch into the private ref, or undefined when the remote has no such branch.
 * The fetch refspec is forced (`+`) on purpose: it moves keel's own private ref to whatever the remote has,
 * even if someone rewrote the branch there. Pushes are never forced.
 */
async function fetchTip(c, run) {
    const fetched = await run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--no-recurse-submodules',
        '--no-auto-gc',
        c.remote,
        `+refs/heads/${c.branch}:${c.trackingRef}`,
    ], { allowFailure: true });
    if (fetched.exitCode !== 0) {
        if (/couldn't find remote ref/i.test(fetched.stderr.text))
            return undefined;
        throw new Error(`git fetch ${c.remote} ${c.branch} failed: ${lastLine(fetched.stderr.text)}`);
    }
    const sha = (await run(['rev-parse', '--verify', '--quiet', `${c.trackingRef}^{commit}`])).stdout.text.trim();
    return { sha, tree: await treeOf(run, sha) };
}
/** The line of git's stderr that says what went wrong: the first `fatal:`/`error:`, else the last. */
function lastLine(stderr) {
    const lines = stderr.trim().split('\n');
    return (lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? '').slice(0, 300);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(12311);
;// CONCATENATED MODULE: ./lib/durable/state-branch/state-claim-file.js
/**
 * A run's claim on the state branch (`runs/<runId>/lease.json`): its shape, and how it is read from a tip.
 * Shared by the claim itself (`state-branch-claim.ts`) and the checkpoint push that is fenced by it.
 */




const branchClaimSchema = schemas/* object */.Ikc({
    runId: schemas/* string */.YjP().max(80),
    /** Who: `workflow run 123 (attempt 2), job build on runner-7` — for the refusal line. */
    holder: schemas/* string */.YjP().max(300),
    host: schemas/* string */.YjP().max(255),
    pid: schemas/* number */.aig().int(),
    token: schemas/* string */.YjP().min(8).max(64),
    generation: schemas/* number */.aig().int().min(1),
    claimedAt: schemas/* number */.aig().finite().nonnegative(),
    expiresAt: schemas/* number */.aig().finite().nonnegative(),
    releasedAt: schemas/* number */.aig().finite().nonnegative().optional(),
});
function claimPath(runId) {
    return `${state_layout/* RUNS_DIR */.z4}/${runId}/${state_layout/* LEASE_FILE */.wX}`;
}
/** The claim of `runId` at `tip`; undefined when there is none, or what is there is not a claim of it. */
async function readClaim(run, tip, runId) {
    if (!tip)
        return undefined;
    const read = await readBlob(run, `${tip.sha}:${claimPath(runId)}`);
    if (!('text' in read))
        return undefined;
    const parsed = branchClaimSchema.safeParse(parseJson(read.text));
    return parsed.success && parsed.data.runId === runId ? parsed.data : undefined;
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-push.js
/**
 * Pushing a run's checkpoint to the state branch: fetch the tip, build one commit on top of it, push it
 * unforced; when another run pushed first, fetch again and rebuild, within `maxAttempts` rounds and the one
 * time budget. Blobs are written once; only the trees and the commit depend on the tip.
 */









async function pushCheckpoint(o, files, fence) {
    const cfg = resolveOptions(o);
    if (!cfg.ok)
        return fail(o, 'push', cfg.reason);
    const c = cfg.value;
    if (!isValidRunId(files.runId))
        return fail(o, 'push', `not a run id: ${JSON.stringify(files.runId)}`);
    const deadline = startDeadline(c.clock, c.timeoutMs, `push to ${c.branch}`);
    try {
        const local = await deadline.race(readLocalCheckpoint(c, files));
        if (!local.ok)
            return fail(o, 'push', local.reason);
        for (const s of local.value.skipped)
            c.log({ type: 'state_branch_skipped', ...s });
        return await pushLoop(c, local.value, bindGit(c, deadline), deadline, fence);
    }
    catch (error) {
        return fail(o, 'push', describeError(error));
    }
    finally {
        deadline.dispose();
    }
}
async function pushLoop(c, local, run, deadline, fence) {
    // Blobs are written once; only the trees and the commit depend on the tip.
    const blobs = new Map();
    for (const f of [...local.runFiles, ...(local.fleet ? [local.fleet.file] : [])]) {
        blobs.set(f.path, await writeBlob(run, f.content));
    }
    let lastReason = '';
    const released = fence?.releaseAt !== undefined ? { ...fence.claim, releasedAt: fence.releaseAt } : undefined;
    if (released)
        blobs.set(claimPath(local.runId), await writeBlob(run, `${JSON.stringify(released)}\n`));
    for (let attempt = 1; attempt <= c.maxAttempts; attempt++) {
        const tip = await fetchTip(c, run);
        if (fence) {
            // Checked against the very tip the unforced push builds on: a compare-and-set, not a look beforehand.
            const current = await readClaim(run, tip, local.runId);
            if (current !== undefined && current.token !== fence.claim.token) {
                const reason = `run ${local.runId} was claimed by ${current.holder} (generation ${current.generation}): this runner's checkpoint is not pushed`;
                c.log({ type: 'state_branch_failed', operation: 'push', reason });
                return { ok: false, reason, lost: current };
            }
        }
        const claimFile = released ? [{ path: claimPath(local.runId), content: '' }] : [];
        const built = await buildCommit(c, run, { ...local, runFiles: [...local.runFiles, ...claimFile] }, blobs, tip, fence !== undefined);
        if (built.unchanged) {
            c.log({ type: 'state_branch_unchanged', runId: local.runId, sha: built.sha });
            return { ok: true, sha: built.sha, changed: false, attempts: attempt, skipped: local.skipped };
        }
        const pushed = await pushCommit(c, run, built.sha);
        if (pushed.ok) {
            c.log({ type: 'state_branch_pushed', runId: local.runId, sha: built.sha, attempts: attempt });
            return { ok: true, sha: built.sha, changed: true, attempts: attempt, skipped: local.skipped };
        }
        lastReason = pushed.reason;
        if (attempt === c.maxAttempts)
            break;
        c.log({ type: 'state_branch_retry', runId: local.runId, attempt, reason: lastReason });
        // Two runs rejected by each other back off by different amounts, so the next round does not tie again.
        const delay = Math.min(50 * 2 ** (attempt - 1) + Math.floor(Math.random() * 50), deadline.remaining());
        await deadline.race(c.clock.sleep(delay, deadline.signal));
    }
    return { ok: false, reason: `gave up after ${c.maxAttempts} attempts: ${lastReason}` };
}
/** Pushes `sha` to the branch unforced; `ok: false` when another push got there first (worth another round). */
async function pushCommit(c, run, sha) {
    try {
        await run([
            'push',
            '--porcelain',
            '--no-verify',
            '--no-follow-tags',
            c.remote,
            `${sha}:refs/heads/${c.branch}`,
        ]);
        return { ok: true };
    }
    catch (error) {
        // Only "someone pushed first" is worth another round; anything else (auth, protection) would repeat.
        if (error instanceof git_runner/* GitError */.XS && error.kind === 'rejected') {
            return { ok: false, reason: 'rejected as not a fast-forward' };
        }
        if (error instanceof git_runner/* GitError */.XS &&
            error.kind === 'remote-rejected' &&
            LOST_RACE.test(error.result.stderr.text)) {
            return { ok: false, reason: 'another push updated the branch at the same moment' };
        }
        throw error;
    }
}
/**
 * The remote accepted our fast-forward but another push moved the ref while it was updating it: the same
 * situation as a non-fast-forward rejection, reported as `[remote rejected] (failed to update ref)`.
 */
const LOST_RACE = /cannot lock ref '[^'\n]+': (?:is at [0-9a-f]+ but expected|reference already exists)|incorrect old value provided/;

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-list.js
/**
 * Listing the runs on the state branch, newest first, for the guard, the issue commands and the choice of
 * which run to resume. Read from the fetched tip's objects, a few manifests at a time (local reads, no
 * network).
 */









/** Manifests read at once when listing the branch's runs (local object reads, no network). */
const READ_CONCURRENCY = 8;
/** The runs on the branch, newest first; `[]` when there is no branch or it cannot be fetched (logged). */
async function listBranchRuns(o) {
    const cfg = resolveOptions(o);
    if (!cfg.ok) {
        fail(o, 'list', cfg.reason);
        return [];
    }
    const c = cfg.value;
    const deadline = startDeadline(c.clock, c.timeoutMs, `listing of ${c.branch}`);
    try {
        const run = bindGit(c, deadline);
        const tip = await fetchTip(c, run);
        return tip ? await listRunsAt(run, tip.sha) : [];
    }
    catch (error) {
        fail(o, 'list', describeError(error));
        return [];
    }
    finally {
        deadline.dispose();
    }
}
/** From each run's manifest, or its checkpoint when the manifest is missing or damaged. */
async function listRunsAt(run, tip) {
    const entries = ((await listTree(run, `${tip}:${state_layout/* RUNS_DIR */.z4}`)) ?? []).filter((e) => e.type === 'tree' && isValidRunId(e.name));
    const runs = await mapLimit(entries, READ_CONCURRENCY, async (e) => {
        const manifest = await readBlob(run, `${e.sha}:${state_layout/* MANIFEST_FILE */.h1}`);
        if ('text' in manifest) {
            const parsed = run_manifest/* manifestSchema */.rc.safeParse(parseJson(manifest.text));
            if (parsed.success && parsed.data.runId === e.name) {
                return { runId: e.name, status: parsed.data.status, updatedAt: parsed.data.updatedAt };
            }
        }
        const state = await readBlob(run, `${e.sha}:${state_layout/* STATE_FILE */.bv}`);
        if ('text' in state) {
            const parsed = run_state/* runStateSchema */.El.safeParse(parseJson(state.text));
            if (parsed.success && parsed.data.runId === e.name) {
                return { runId: e.name, status: parsed.data.status, updatedAt: parsed.data.updatedAt };
            }
        }
        return { runId: e.name, status: 'unknown', updatedAt: 0 };
    });
    return runs.sort((a, b) => b.updatedAt - a.updatedAt || a.runId.localeCompare(b.runId));
}
function isUnfinishedStatus(status) {
    return (0,run_state/* isUnfinished */.ui)({ status: status });
}
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-fetch.js
/**
 * Restoring from the state branch: the fetched tip's copy of a run (validated, installed only when newer
 * than what this runner has, by `state-install.ts`) and of the fleet state. Without a run id, the newest
 * unfinished run whose checkpoint is valid; the ones passed over are reported with why.
 */










/**
 * Brings a run's checkpoint from the branch into `<stateDir>/runs/<runId>/` (and `fleet-state.json` when the
 * branch's is newer). Without `runId`: the newest unfinished run on the branch whose checkpoint is valid.
 */
async function fetchCheckpoint(o, runId, 
/**
 * `prefer: 'branch'`: the branch's copy replaces the local one whatever their timestamps say — a job that
 * has just claimed the run reads what the previous holder pushed last, whoever's clock was ahead.
 */
into) {
    const cfg = resolveOptions(o);
    if (!cfg.ok)
        return { ...fail(o, 'fetch', cfg.reason), skipped: [] };
    const c = cfg.value;
    if (runId !== undefined && !isValidRunId(runId)) {
        return { ...fail(o, 'fetch', `not a run id: ${JSON.stringify(runId)}`), skipped: [] };
    }
    const deadline = startDeadline(c.clock, c.timeoutMs, `fetch of ${c.branch}`);
    const skipped = [];
    const skip = (s) => {
        skipped.push(s);
        c.log({ type: 'state_branch_skipped', ...s });
    };
    try {
        const run = bindGit(c, deadline);
        const tip = await fetchTip(c, run);
        if (!tip)
            return { ...fail(o, 'fetch', `no branch ${c.branch} on ${c.remote}`), skipped };
        const fleetState = await deadline.race(restoreFleetState(c, run, tip.sha, into.stateDir, skip));
        const candidates = runId !== undefined
            ? [runId]
            : (await listRunsAt(run, tip.sha)).filter((r) => isUnfinishedStatus(r.status)).map((r) => r.runId);
        for (const id of candidates) {
            const restored = await deadline.race(restoreRun(c, run, tip.sha, id, into.stateDir, runId === undefined, into.prefer === 'branch'));
            if (restored.ok) {
                c.log({ type: 'state_branch_restored', runId: id, files: restored.installed, kept: restored.kept });
                return {
                    ok: true,
                    runId: id,
                    restored: restored.installed,
                    kept: restored.kept,
                    fleetState,
                    skipped: [...skipped, ...restored.skipped],
                };
            }
            skip({ path: `${state_layout/* RUNS_DIR */.z4}/${id}`, reason: restored.reason });
        }
        const none = runId !== undefined ? `run ${runId} not restored` : `no unfinished run on ${c.branch}`;
        const why = skipped.filter((s) => s.path.startsWith(`${state_layout/* RUNS_DIR */.z4}/`)).map((s) => s.reason);
        return { ...fail(o, 'fetch', why.length > 0 ? `${none}: ${why.join('; ')}` : none), skipped };
    }
    catch (error) {
        return { ...fail(o, 'fetch', describeError(error)), skipped };
    }
    finally {
        deadline.dispose();
    }
}
async function restoreRun(c, run, tip, runId, stateDir, unfinishedOnly, force) {
    const files = new Map();
    for (const name of BRANCH_RUN_FILES) {
        const read = await readBlob(run, `${tip}:${state_layout/* RUNS_DIR */.z4}/${runId}/${name}`);
        if ('text' in read)
            files.set(name, read.text);
        else if ('tooLarge' in read)
            return { ok: false, reason: `${name} is larger than ${MAX_STATE_FILE_BYTES} bytes` };
    }
    const where = `${c.branch}:${state_layout/* RUNS_DIR */.z4}/${runId}`;
    const stateText = files.get(state_layout/* STATE_FILE */.bv);
    if (stateText === undefined)
        return { ok: false, reason: `${where}: no ${state_layout/* STATE_FILE */.bv}` };
    if (unfinishedOnly) {
        // The manifest may lag behind the checkpoint; the checkpoint has the last word.
        const parsed = parseCheckpoint(stateText, runId, `${where}/${state_layout/* STATE_FILE */.bv}`);
        if (!parsed.ok)
            return parsed;
        if (!(0,run_state/* isUnfinished */.ui)(parsed.state))
            return { ok: false, reason: `${where}: finished (${parsed.state.status})` };
    }
    return installRunFiles((0,external_node_path_.join)(stateDir, state_layout/* RUNS_DIR */.z4, runId), runId, files, where, c.clock, force);
}
async function restoreFleetState(c, run, tip, stateDir, skip) {
    const read = await readBlob(run, `${tip}:${state_layout/* FLEET_STATE_FILE */.aC}`);
    if ('missing' in read)
        return 'absent';
    if ('tooLarge' in read) {
        skip({ path: state_layout/* FLEET_STATE_FILE */.aC, reason: 'too large' });
        return 'skipped';
    }
    const installed = await installFleetState(stateDir, read.text, `${c.branch}:${state_layout/* FLEET_STATE_FILE */.aC}`);
    if (installed.installed)
        return 'installed';
    if (installed.reason.startsWith('the local'))
        return 'kept';
    skip({ path: state_layout/* FLEET_STATE_FILE */.aC, reason: installed.reason });
    return 'skipped';
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch.js
/**
 * Checkpoints on a branch of the repository itself (default `keel/state`), so that the next run — on another
 * runner, after this one was cancelled — finds them with nothing but the checkout it already has.
 *
 * Layout on the branch: `runs/<runId>/{state.json,manifest.json,metrics.json}` and `fleet-state.json` at the
 * top (see `state-files.ts` for why not the event log or the effect records: the artifact carries those).
 *
 * Decisions:
 * - Objects only: blobs, trees (`mktree`) and a commit (`commit-tree`) are written to the object store and
 *   pushed as `<sha>:refs/heads/<branch>`. The user's working tree, index and HEAD are never read or written,
 *   and no checkout of the branch is made. The fetched tip goes to a private ref under `refs/keel/`.
 * - Never forced: no `--force`, no `+` on the push. A rejection (another run pushed first) is answered by
 *   fetching the new tip and rebuilding on top of it — other runs' files stay, this run's replace its own —
 *   within bounded attempts and one time budget for everything (`timeoutMs`), after which the caller gets
 *   `{ ok: false }`: a slow remote must not hold up a shutdown.
 * - Newest wins per file: this run's files do not replace the branch's copy of the same run when that one is
 *   newer (a resumed run elsewhere pushed since), nor `fleet-state.json` when the branch's `savedAt` is newer.
 * - Nothing that is not state: whitelisted names, a validated run id, a checkpoint that parses, no configured
 *   secret in any pushed file, and a final check that the new tree differs from the tip only in this run's
 *   files and the fleet state (listings travel as redacted text; a foreign name altered on the way would
 *   otherwise be renamed on the branch).
 * - Unchanged tree → no commit, no push.
 * Failures are returned as `{ ok: false, reason }` with a reason safe to print (git's stderr is redacted by
 * the runner); nothing here throws.
 *
 * Where it lives: `state-branch-options.ts` (options, defaults, failures), `state-branch-remote.ts` (the
 * deadline-bound git and the fetch of the tip), `state-branch-push.ts` with `state-branch-local.ts` (the
 * run's files read for a push) and `state-branch-commit.ts` (the tree and commit), `state-branch-fetch.ts`
 * and `state-branch-list.ts`.
 */





// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/base/age.js
var age = __webpack_require__(96018);
;// CONCATENATED MODULE: ./lib/durable/state-branch/state-branch-claim.js
/**
 * The run lease across runners: a claim of the run recorded on the state branch (`runs/<runId>/lease.json`)
 * with a non-forced push. Two runners resuming one run both fetch the tip, both find it unclaimed (or its
 * claim released, expired, or — `take-over` — to be taken), both build a commit on that tip, and both push
 * without force: exactly one push is a fast-forward. The other is rejected, fetches again, finds the
 * winner's claim, and stops before its first step. The push is the compare-and-set; nothing is ever forced.
 *
 * Fencing across runners: `pushCheckpoint` with the claim's token refuses to push a checkpoint while the
 * branch's claim of the run names another token (the check is against the very tip the unforced push builds
 * on, so it holds), and `checkRunClaim` is asked before the work branch is published.
 *
 * A claim carries no heartbeat (a push per beat would be a push every few seconds): it expires instead —
 * after the job's time budget, or six hours, GitHub's longest job — and is released when the run stops
 * (its `main` step, or `post` when `main` was killed).
 */













/** GitHub ends a job after six hours at most: a claim older than that has no job behind it. */
const DEFAULT_CLAIM_TTL_MS = 6 * 3_600_000;
/** `run X is being worked on by <holder>, claimed 3 min ago (expires in 5 h)`. */
function describeClaim(claim, now) {
    return `run ${claim.runId} is being worked on by ${claim.holder}, claimed ${(0,age/* formatAge */.n)(now - claim.claimedAt)} ago (the claim expires in ${(0,age/* formatAge */.n)(claim.expiresAt - now)})`;
}
function isLive(claim, now) {
    return claim !== undefined && claim.releasedAt === undefined && claim.expiresAt > now;
}
/** Claims the run on the branch, or says who holds it. Never throws. */
async function claimRun(o, request) {
    const { runId } = request;
    if (!isValidRunId(runId))
        return fail(o, 'push', `not a run id: ${JSON.stringify(runId)}`);
    return updateClaim(o, runId, `claim of ${runId}`, (current) => {
        if (isLive(current, request.now) && request.takeOver !== true)
            return { stop: { ok: false, held: current, reason: describeClaim(current, request.now) } };
        const claim = {
            runId,
            holder: request.holder,
            host: (0,external_node_os_.hostname)(),
            pid: process.pid,
            token: (0,external_node_crypto_.randomBytes)(12).toString('hex'),
            generation: (current?.generation ?? 0) + 1,
            claimedAt: request.now,
            expiresAt: request.now + (request.ttlMs ?? DEFAULT_CLAIM_TTL_MS),
        };
        return {
            write: claim,
            done: { ok: true, claim, ...(current ? { previous: current } : {}) },
        };
    });
}
/** Lets the claim go (the run stopped): only while it is still ours. Never throws. */
async function releaseRunClaim(o, claim, now) {
    const result = await updateClaim(o, claim.runId, `release of ${claim.runId}`, (current) => current?.token === claim.token && current.releasedAt === undefined
        ? { write: { ...current, releasedAt: now }, done: { ok: true, released: true } }
        : { stop: { ok: true, released: false } });
    return result;
}
/** Whether the branch's claim of the run is still `token`. Never throws. */
async function checkRunClaim(o, runId, token) {
    const cfg = resolveOptions(o);
    if (!cfg.ok)
        return { state: 'unknown', reason: cfg.reason };
    const c = cfg.value;
    const deadline = startDeadline(c.clock, c.timeoutMs, `check of the claim of ${runId}`);
    try {
        const run = bindGit(c, deadline);
        const current = await readClaim(run, await fetchTip(c, run), runId);
        return current?.token === token && current.releasedAt === undefined
            ? { state: 'held' }
            : { state: 'lost', current };
    }
    catch (error) {
        return { state: 'unknown', reason: describeError(error) };
    }
    finally {
        deadline.dispose();
    }
}
/**
 * Fetch the tip, decide from the claim there, commit the new claim on that tip and push it unforced; a
 * rejection (someone pushed first) means deciding again from the new tip.
 */
async function updateClaim(o, runId, what, decide) {
    const cfg = resolveOptions(o);
    if (!cfg.ok)
        return fail(o, 'push', cfg.reason);
    const c = cfg.value;
    const deadline = startDeadline(c.clock, c.timeoutMs, what);
    try {
        const run = bindGit(c, deadline);
        let lastReason = '';
        for (let attempt = 1; attempt <= c.maxAttempts; attempt++) {
            const tip = await fetchTip(c, run);
            const decision = decide(await readClaim(run, tip, runId));
            if ('stop' in decision)
                return decision.stop;
            const blob = await writeBlob(run, `${JSON.stringify(decision.write)}\n`);
            const verb = decision.write.releasedAt !== undefined ? 'release' : 'claim';
            const sha = await commitRunFile(run, tip, runId, state_layout/* LEASE_FILE */.wX, blob, `keel: ${verb} ${runId} (generation ${decision.write.generation})`);
            const pushed = await pushCommit(c, run, sha);
            if (pushed.ok)
                return decision.done;
            lastReason = pushed.reason;
            c.log({ type: 'state_branch_retry', runId, attempt, reason: lastReason });
            const delay = Math.min(50 * 2 ** (attempt - 1) + Math.floor(Math.random() * 50), deadline.remaining());
            await deadline.race(c.clock.sleep(delay, deadline.signal));
        }
        return fail(o, 'push', `${what}: gave up after ${c.maxAttempts} attempts: ${lastReason}`);
    }
    catch (error) {
        return fail(o, 'push', `${what}: ${describeError(error)}`);
    }
    finally {
        deadline.dispose();
    }
}

;// CONCATENATED MODULE: ./lib/durable/state-branch/index.js
/** durable/state-branch/: what the rest of keel uses of it. */








/***/ }),

/***/ 1312:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ createRefClaims)
/* harmony export */ });
/* unused harmony export CLAIMS_NAMESPACE */
/* harmony import */ var _effects_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94492);

const CLAIMS_NAMESPACE = 'keel/claims';
const NO_BLIND_RETRY = { request: { retries: 0 } };
/** Pages of a hundred refs read by `list`: 10 000 claims. */
const MAX_PAGES = 100;
function createRefClaims(o) {
    const repo = { owner: o.owner, repo: o.repo };
    const log = o.log ?? (() => undefined);
    const exists = async (key) => {
        try {
            await o.client.rest.git.getRef({ ...repo, ref: `${CLAIMS_NAMESPACE}/${key}` });
            return true;
        }
        catch (error) {
            if ((0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
                return false;
            throw (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .effectsError */ .tW)('read a claim', `refs/${CLAIMS_NAMESPACE}/${key}`, error);
        }
    };
    return {
        async claim(key) {
            const ref = `refs/${CLAIMS_NAMESPACE}/${key}`;
            try {
                await o.client.rest.git.createRef({ ...repo, ref, sha: o.sha, ...NO_BLIND_RETRY });
                log({ type: 'claim_taken', ref });
                return { kind: 'claimed' };
            }
            catch (error) {
                const status = (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
                if (status === 422 && (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .saysMatching */ .Qy)(error, /reference already exists/i)) {
                    log({ type: 'claim_held_elsewhere', ref });
                    return { kind: 'taken' };
                }
                if (status !== undefined && status < 500)
                    throw (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .effectsError */ .tW)('claim', ref, error);
                // The answer was lost: GitHub may have made the ref. Present means taken, by whoever made it.
                const made = await exists(key);
                log({ type: 'claim_answer_lost', ref, exists: made });
                if (made)
                    return { kind: 'taken' };
                throw (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .effectsError */ .tW)('claim', ref, error);
            }
        },
        async list(prefix) {
            const keys = new Set();
            const base = `${CLAIMS_NAMESPACE}/${prefix}`;
            let pages = 0;
            try {
                for await (const page of o.client.paginate.iterator(o.client.rest.git.listMatchingRefs, {
                    ...repo,
                    ref: base,
                    per_page: 100,
                })) {
                    for (const entry of page.data) {
                        const name = entry.ref.replace(/^refs\//, '');
                        if (name.startsWith(base))
                            keys.add(name.slice(base.length));
                    }
                    if (++pages >= MAX_PAGES)
                        break;
                }
            }
            catch (error) {
                throw (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .effectsError */ .tW)('list claims', `refs/${base}*`, error);
            }
            return keys;
        },
        async release(key) {
            try {
                await o.client.rest.git.deleteRef({ ...repo, ref: `${CLAIMS_NAMESPACE}/${key}` });
                log({ type: 'claim_released', ref: `refs/${CLAIMS_NAMESPACE}/${key}` });
            }
            catch (error) {
                // 422 "Reference does not exist" (and 404): nothing to give up.
                const status = (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
                if (status === 404 || status === 422)
                    return;
                throw (0,_effects_index_js__WEBPACK_IMPORTED_MODULE_0__/* .effectsError */ .tW)('release a claim', `refs/${CLAIMS_NAMESPACE}/${key}`, error);
            }
        },
    };
}


/***/ }),

/***/ 31176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ githubTaskClaims),
  D: () => (/* binding */ taskKey)
});

;// CONCATENATED MODULE: ./lib/queue/remote-claims.js
/** What a claim key may contain: a ref name component each, by git's rules (`git check-ref-format`). */
function claimKeyComponent(text) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(text))
        return undefined;
    if (text.includes('..') || text.endsWith('.') || text.endsWith('.lock'))
        return undefined;
    return text;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/github/claims/task-claims.js


function githubTaskClaims(claims, prefix) {
    let known;
    const mine = new Set();
    const held = async () => (known ??= claims.list(prefix));
    return {
        held,
        async take(_task, runId) {
            const key = taskKey(runId);
            if (mine.has(key))
                return true;
            if ((await held()).has(key))
                return false;
            const result = await claims.claim(`${prefix}${key}`);
            (await held()).add(key);
            if (result.kind === 'taken')
                return false;
            mine.add(key);
            return true;
        },
    };
}
/** A run id as a ref name component: as it is when git allows it, else its hash. */
function taskKey(runId) {
    return claimKeyComponent(runId) ?? `h-${(0,external_node_crypto_.createHash)('sha256').update(runId).digest('hex').slice(0, 24)}`;
}


/***/ }),

/***/ 51714:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RJ: () => (/* reexport */ DEFAULT_TASK_LABEL),
  $6: () => (/* reexport */ createTriggerGateway),
  _N: () => (/* reexport */ eventBaseBranch),
  Y1: () => (/* reexport */ openTaskIssues),
  DI: () => (/* reexport */ pausedLabel),
  Sj: () => (/* reexport */ pullRequestTarget),
  K_: () => (/* reexport */ releaseScheduledIssue),
  Xb: () => (/* reexport */ resolveTrigger),
  Xg: () => (/* reexport */ scheduleClaimer),
  oL: () => (/* reexport */ settleScheduledIssue),
  DT: () => (/* reexport */ triggerRunId)
});

// EXTERNAL MODULE: ./lib/base/run-id.js
var run_id = __webpack_require__(39048);
;// CONCATENATED MODULE: ./lib/github/triggers/run-identity.js
/**
 * A run's identity comes from what triggered it, so that the same trigger always means the same run: a
 * workflow re-run (same `GITHUB_RUN_ID`, attempt 2), a second dispatch with the same `run-id`, the schedule
 * firing again on the same issue — each finds the run the first one made (on the state branch) and continues
 * or reports it, instead of starting over with a second work branch, pull request and tracking comment.
 *
 * - `/keel run` in a comment: `comment-<comment id>` (a re-run of that workflow run carries the same comment);
 * - the schedule: `issue-<number>` (one run per queued issue);
 * - a dispatch (or any other event carrying a task): the `run-id` input when given, else
 *   `<event>-<GITHUB_RUN_ID>` (the same across the attempts of one workflow run).
 *
 * Outside Actions (no `GITHUB_RUN_ID`) a dispatch has no stable identity and gets none: a new id is made.
 */

function triggerRunId(trigger, ctx) {
    if (trigger.runId !== undefined)
        return trigger.runId;
    switch (trigger.source) {
        case 'comment': {
            const id = commentId(ctx.payload);
            if (id !== undefined)
                return `comment-${id}`;
            break;
        }
        case 'schedule':
            if (trigger.issueNumber !== undefined)
                return `issue-${trigger.issueNumber}`;
            break;
        case 'dispatch':
            break;
    }
    if (!/^\d{1,20}$/.test(ctx.runId))
        return undefined;
    const event = ctx.eventName === 'workflow_dispatch' ? 'dispatch' : ctx.eventName.replace(/[^a-z0-9]+/gi, '-');
    const id = `${event.slice(0, 40)}-${ctx.runId}`;
    return run_id/* RUN_ID_PATTERN */.z.test(id) ? id : undefined;
}
/** The triggering comment's id, when the payload has a sane one (it is untrusted like the rest). */
function commentId(payload) {
    const comment = payload.comment;
    if (comment === null || typeof comment !== 'object')
        return undefined;
    const id = comment.id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

// EXTERNAL MODULE: ./lib/github/effects/index.js + 10 modules
var effects = __webpack_require__(94492);
;// CONCATENATED MODULE: ./lib/github/triggers/trigger-gateway.js

const DEFAULT_TASK_LABEL = 'keel';
/** `keel:paused` (a human said stop) and `keel:running` (a run holds it) keep an issue off the schedule. */
function pausedLabel(label = DEFAULT_TASK_LABEL) {
    return `${label}:paused`;
}
function runningLabel(label = DEFAULT_TASK_LABEL) {
    return `${label}:running`;
}
/** Issues looked at before the schedule gives up: ten pages of a hundred. */
const MAX_PAGES = 10;
const PERMISSIONS = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];
function createTriggerGateway(client, ctx, options = {}) {
    const { owner, repo } = ctx;
    const label = options.label ?? DEFAULT_TASK_LABEL;
    return {
        async permissionOf(user) {
            try {
                const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
                    owner,
                    repo,
                    username: user,
                });
                return permissionFrom(data.role_name, data.permission);
            }
            catch (error) {
                // Not a collaborator of a private repository, or no such user.
                if ((0,effects/* statusOf */.c2)(error) === 404)
                    return 'none';
                throw error;
            }
        },
        async nextScheduledTask() {
            for await (const { issue } of openTaskIssues(client, ctx, label)) {
                const candidate = { issueNumber: issue.number, title: issue.title, body: issue.body ?? '' };
                // Without a claimer (tests, callers that only look) the oldest waiting issue is the answer.
                if (!options.claimer)
                    return candidate;
                const taken = await options.claimer.take(candidate);
                if (taken.taken)
                    return candidate;
                options.log?.(`keel: skipped ${taken.reason}`);
            }
            return undefined;
        },
    };
}
/**
 * The open issues carrying `label`, oldest first, at most `maxPages` pages of a hundred: pull requests (the
 * issues API lists them too), paused and running issues, and keel's own records skipped. keel's own issues
 * (recovery records, manual-implementation follow-ups) carry the label too, so that they are found again by
 * their markers; they are records, not tasks.
 */
async function* openTaskIssues(client, ctx, label = DEFAULT_TASK_LABEL, maxPages = MAX_PAGES) {
    const skip = new Set([
        pausedLabel(label),
        runningLabel(label),
        `${label}:done`,
        `${label}:failed`,
        'keel-recovery',
        'manual-implementation',
    ].map((name) => name.toLowerCase()));
    const pages = client.paginate.iterator(client.rest.issues.listForRepo, {
        owner: ctx.owner,
        repo: ctx.repo,
        state: 'open',
        labels: label,
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    let seen = 0;
    for await (const page of pages) {
        for (const issue of page.data) {
            if (issue.pull_request)
                continue;
            const labels = issue.labels.map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? '')));
            if (labels.some((name) => skip.has(name.toLowerCase())))
                continue;
            yield { issue, labels };
        }
        if (++seen >= maxPages)
            break;
    }
}
/**
 * `role_name` names the fine-grained role (`maintain`, `triage` …); `permission` is the legacy level (`admin`,
 * `write`, `read`, `none`), the base of a custom role, which is what counts when `role_name` is custom.
 */
function permissionFrom(roleName, permission) {
    const role = roleName?.toLowerCase();
    if (role !== undefined && PERMISSIONS.includes(role))
        return role;
    const legacy = permission.toLowerCase();
    return PERMISSIONS.includes(legacy) ? legacy : 'none';
}

;// CONCATENATED MODULE: ./lib/github/triggers/schedule-claims.js


/** Open pull requests read to find keel's: ten pages of a hundred. */
const MAX_PULL_PAGES = 10;
function doneLabel(label = DEFAULT_TASK_LABEL) {
    return `${label}:done`;
}
function failedLabel(label = DEFAULT_TASK_LABEL) {
    return `${label}:failed`;
}
/** The claim key of a scheduled issue. */
function issueClaimKey(issueNumber) {
    return `issues/${issueNumber}`;
}
function scheduleClaimer(o) {
    let handled;
    const label = o.label ?? DEFAULT_TASK_LABEL;
    return {
        async take(issue) {
            const number = issue.issueNumber;
            handled ??= issuesWithOpenKeelPulls(o.client, o.ctx);
            if ((await handled).has(number))
                return { taken: false, reason: `#${number} has an open keel pull request` };
            const claim = await o.claims.claim(issueClaimKey(number));
            if (claim.kind === 'taken')
                return { taken: false, reason: `#${number} was taken by an earlier run` };
            await o.client.rest.issues.addLabels({
                owner: o.ctx.owner,
                repo: o.ctx.repo,
                issue_number: number,
                labels: [runningLabel(label)],
            });
            o.log?.(`keel: took #${number} (claim refs/keel/claims/${issueClaimKey(number)}, label ${runningLabel(label)})`);
            return { taken: true };
        },
    };
}
/**
 * The issues keel's open pull requests are for: `Closes #N` in a body that carries keel's marker (the line
 * keel writes for the issue that asked), or a head branch `keel/issue-N` (the schedule's own run).
 */
async function issuesWithOpenKeelPulls(client, ctx) {
    const numbers = new Set();
    let pages = 0;
    for await (const page of client.paginate.iterator(client.rest.pulls.list, {
        owner: ctx.owner,
        repo: ctx.repo,
        state: 'open',
        per_page: 100,
    })) {
        for (const pull of page.data) {
            const head = /^keel\/issue-(\d+)$/.exec(pull.head.ref);
            if (head)
                numbers.add(Number(head[1]));
            const body = pull.body ?? '';
            if (!body.includes('<!-- keel:run='))
                continue;
            for (const match of body.matchAll(/^Closes #(\d+)\s*$/gm))
                numbers.add(Number(match[1]));
        }
        if (++pages >= MAX_PULL_PAGES)
            break;
    }
    return numbers;
}
/**
 * After a scheduled run: `keel:running` becomes `keel:done` (or `keel:failed`), so the issue list shows what
 * happened and the next firing skips it; an interrupted or still running run keeps its label and claim.
 */
async function settleScheduledIssue(client, ctx, issueNumber, status, label = DEFAULT_TASK_LABEL) {
    if (status === 'running' || status === 'interrupted')
        return;
    const issue = { owner: ctx.owner, repo: ctx.repo, issue_number: issueNumber };
    await client.rest.issues.addLabels({
        ...issue,
        labels: [status === 'failed' ? failedLabel(label) : doneLabel(label)],
    });
    await removeLabel(client, issue, runningLabel(label));
}
/**
 * A scheduled issue taken for a run that then could not start (the configuration did not load, the
 * checkout was unusable): given back, so the next firing takes it again once the problem is fixed.
 */
async function releaseScheduledIssue(client, ctx, claims, issueNumber, label = DEFAULT_TASK_LABEL) {
    await removeLabel(client, { owner: ctx.owner, repo: ctx.repo, issue_number: issueNumber }, runningLabel(label));
    await claims.release(issueClaimKey(issueNumber));
}
async function removeLabel(client, issue, name) {
    try {
        await client.rest.issues.removeLabel({ ...issue, name });
    }
    catch (error) {
        if ((0,effects/* statusOf */.c2)(error) !== 404)
            throw error;
    }
}

// EXTERNAL MODULE: ./lib/base/sanitize-untrusted.js
var sanitize_untrusted = __webpack_require__(21717);
;// CONCATENATED MODULE: ./lib/github/triggers/commands.js
/**
 * `/keel …` commands in issue and pull-request comments. Only the first line of a comment is read, so that a
 * command quoted or mentioned further down never runs, and a reply that merely discusses keel is not one:
 *
 *   /keel run [text]      the task is the text, continuing on the following lines (or the issue itself)
 *   /keel resume [run-id] continue the named run, or the latest unfinished one
 *   /keel status | pause | unpause
 *
 * `/keel` is case-insensitive and spaces are free. A first line that does not start with `/keel` is not a
 * command (`undefined`); one that does but says something else is `invalid`, with a reason fit for a log.
 */


const COMMAND_NAMES = ['run', 'resume', 'status', 'pause', 'unpause'];
/** The bound on the words of a bad command quoted back in a reason. */
const QUOTE_MAX = 40;
// `/keel` as a word of its own (`/keelrun` and `/keel:run` are not commands), then the subcommand and the
// rest of the line. `\s` covers the no-break and other Unicode spaces a pasted command may carry.
const COMMAND_LINE = /^\/keel(?:\s+(\S+))?(?:\s+([^\n]*))?$/i;
// Every line break sanitisation knows, so that it cannot find a second line inside the first.
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;
function parseCommand(body) {
    const normalised = body.replace(LINE_BREAK, '\n');
    const newline = normalised.indexOf('\n');
    const rawFirst = newline < 0 ? normalised : normalised.slice(0, newline);
    const rawRest = newline < 0 ? '' : normalised.slice(newline + 1);
    // Sanitised before it is matched: what counts is the line a reader sees, without hidden characters or
    // HTML comments (`\u200b/keel run` reads as a command; `<!-- /keel run -->` does not).
    const first = (0,sanitize_untrusted/* sanitizeUntrusted */._2)(rawFirst, { maxChars: 4_000 });
    const match = COMMAND_LINE.exec(first);
    if (!match)
        return undefined;
    const name = match[1]?.toLowerCase();
    const args = match[2]?.trim() ?? '';
    switch (name) {
        case undefined:
            return { kind: 'invalid', reason: `"/keel" needs a command: ${COMMAND_NAMES.join(', ')}` };
        case 'run': {
            const task = (0,sanitize_untrusted/* sanitizeUntrusted */._2)(rawRest === '' ? args : `${args}\n${rawRest}`);
            return task === '' ? { kind: 'run' } : { kind: 'run', task };
        }
        case 'resume': {
            if (args === '')
                return { kind: 'resume' };
            const words = args.split(/\s+/);
            if (words.length > 1)
                return { kind: 'invalid', reason: '"/keel resume" takes at most one run id' };
            const runId = words[0];
            if (!run_id/* RUN_ID_PATTERN */.z.test(runId)) {
                return {
                    kind: 'invalid',
                    reason: `"/keel resume": ${quote(runId)} is not a run id (letters, digits, ".", "_", "-"; at most 80)`,
                };
            }
            return { kind: 'resume', runId };
        }
        case 'status':
        case 'pause':
        case 'unpause':
            if (args !== '')
                return { kind: 'invalid', reason: `"/keel ${name}" takes no arguments` };
            return { kind: name };
        default:
            return {
                kind: 'invalid',
                reason: `unknown command "/keel ${quote(match[1], false)}": expected ${COMMAND_NAMES.join(', ')}`,
            };
    }
}
/** Untrusted words quoted back in a reason: one short line, JSON-escaped unless inside other quotes. */
function quote(text, json = true) {
    const short = (0,sanitize_untrusted/* sanitizeUntrusted */._2)(text, { maxChars: QUOTE_MAX }).replace(/\s+/g, ' ');
    return json ? JSON.stringify(short) : JSON.stringify(short).slice(1, -1);
}

;// CONCATENATED MODULE: ./lib/github/triggers/trigger-payload.js
/**
 * The fields of an `issue_comment` payload that triggers read, checked one by one. The payload is whatever
 * the runner's event file holds (untrusted, and hand-written in some workflows): a missing or mistyped field
 * is a `problem` naming it, never a throw.
 */
// Letters, digits and hyphens on github.com; underscores for managed users (`octocat_acme`) and GHES; apps
// end in `[bot]`. The login goes into an API path and into logs, so nothing else passes.
const LOGIN = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}(?:\[bot\])?$/;
function readCommentAction(payload) {
    return readString(payload, 'action', 'payload.action');
}
function readCommentBody(payload) {
    const comment = readObject(payload, 'comment', 'payload.comment');
    if (!comment.ok)
        return comment;
    return readString(comment.value, 'body', 'payload.comment.body', { allowEmpty: true });
}
/** Everything else a command needs: who wrote it, and on which issue. */
function readCommentEvent(payload) {
    const action = readCommentAction(payload);
    if (!action.ok)
        return action;
    const body = readCommentBody(payload);
    if (!body.ok)
        return body;
    const comment = payload.comment;
    const user = readObject(comment, 'user', 'payload.comment.user');
    if (!user.ok)
        return user;
    const login = readString(user.value, 'login', 'payload.comment.user.login');
    if (!login.ok)
        return login;
    if (!LOGIN.test(login.value)) {
        return { ok: false, problem: 'payload.comment.user.login is not a GitHub login' };
    }
    const userType = readOptionalString(user.value, 'type', 'payload.comment.user.type');
    if (!userType.ok)
        return userType;
    const association = readOptionalString(comment, 'author_association', 'payload.comment.author_association');
    if (!association.ok)
        return association;
    const issue = readObject(payload, 'issue', 'payload.issue');
    if (!issue.ok)
        return issue;
    const number = issue.value.number;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
        return { ok: false, problem: `payload.issue.number must be a positive integer, got ${describe(number)}` };
    }
    const title = readString(issue.value, 'title', 'payload.issue.title', { allowEmpty: true });
    if (!title.ok)
        return title;
    // GitHub sends `null` for an issue without a description.
    const issueBody = issue.value.body;
    if (issueBody !== undefined && issueBody !== null && typeof issueBody !== 'string') {
        return { ok: false, problem: `payload.issue.body must be a string or null, got ${describe(issueBody)}` };
    }
    const pullRequest = issue.value.pull_request;
    return {
        ok: true,
        value: {
            action: action.value,
            body: body.value,
            login: login.value,
            ...(userType.value !== undefined ? { userType: userType.value } : {}),
            ...(association.value !== undefined ? { association: association.value } : {}),
            issue: {
                number,
                title: title.value,
                body: issueBody ?? '',
                isPullRequest: pullRequest !== undefined && pullRequest !== null,
            },
        },
    };
}
/** Who sent an event (`payload.sender`), in the shape `authorise` reads; the repository owner counts as OWNER. */
function readSender(payload) {
    const sender = readObject(payload, 'sender', 'payload.sender');
    if (!sender.ok)
        return sender;
    const login = readString(sender.value, 'login', 'payload.sender.login');
    if (!login.ok)
        return login;
    if (!LOGIN.test(login.value))
        return { ok: false, problem: 'payload.sender.login is not a GitHub login' };
    const userType = readOptionalString(sender.value, 'type', 'payload.sender.type');
    if (!userType.ok)
        return userType;
    const repository = payload.repository;
    const owner = repository?.owner?.login;
    return {
        ok: true,
        value: {
            login: login.value,
            ...(userType.value !== undefined ? { userType: userType.value } : {}),
            ...(typeof owner === 'string' && owner.toLowerCase() === login.value.toLowerCase()
                ? { association: 'OWNER' }
                : {}),
        },
    };
}
/** `parent[key]` when it is an object, else undefined: for fields that may be absent. */
function objectField(parent, key) {
    const read = parent === undefined ? undefined : readObject(parent, key, key);
    return read?.ok ? read.value : undefined;
}
function readObject(parent, key, where) {
    const value = parent[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, problem: `${where} must be an object, got ${describe(value)}` };
    }
    return { ok: true, value: value };
}
function readString(parent, key, where, options = {}) {
    const value = parent[key];
    if (typeof value !== 'string')
        return { ok: false, problem: `${where} must be a string, got ${describe(value)}` };
    if (value === '' && !options.allowEmpty)
        return { ok: false, problem: `${where} is empty` };
    return { ok: true, value };
}
function readOptionalString(parent, key, where) {
    const value = parent[key];
    if (value === undefined || value === null)
        return { ok: true, value: undefined };
    if (typeof value !== 'string')
        return { ok: false, problem: `${where} must be a string, got ${describe(value)}` };
    return { ok: true, value };
}
/** A bad value's type, or the value when it cannot be long: it is untrusted and may be huge. */
function describe(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value))
        return 'an array';
    if (value === undefined)
        return 'nothing';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./lib/github/triggers/triggers.js
/**
 * What started this workflow run, and what keel should do about it:
 *
 * - `schedule`: the oldest open issue labelled `keel` that is neither paused nor running becomes the task.
 * - `issue_comment` (new comments only, on issues and pull requests alike): a `/keel …` command on the first
 *   line, from someone with write access. The author association is the fast path (`OWNER`, `MEMBER`,
 *   `COLLABORATOR` need no API call), then the collaborator-permission API; bots only when listed.
 * - Anything else (`workflow_dispatch`, `push`, `issues`, `pull_request_target` …): the action's inputs,
 *   `resume` first — and, unless the event is `workflow_dispatch` or `schedule` (which GitHub lets only
 *   writers start), only when the event's sender passes the same permission rule as a commenter: a `task`
 *   input in a workflow on `issues` or `pull_request_target` must not let a stranger start a run.
 *
 * Deciding never writes to the API: a stranger's comment is `ignored` after at most one GET, and anything
 * keel says back (a reply, a reaction) is for the caller to do once it knows the decision. A malformed
 * payload is `ignored` with a reason naming the field. API failures (other than "no such collaborator")
 * propagate: an outage must fail the run visibly, not pass for a stranger.
 */





/**
 * Author associations that imply write access without an API call. Only OWNER: MEMBER (of the org) and
 * COLLABORATOR also cover people with read-only or triage access, who must not start runs.
 */
const TRUSTED_ASSOCIATIONS = new Set(['OWNER']);
const WRITE_PERMISSIONS = new Set(['admin', 'maintain', 'write']);
async function resolveTrigger(ctx, inputs, gateway) {
    switch (ctx.eventName) {
        case 'schedule':
            return fromSchedule(gateway);
        case 'issue_comment':
            return fromComment(ctx.payload, inputs, gateway);
        case 'workflow_dispatch':
            return fromInputs(inputs);
        default: {
            const sender = readSender(ctx.payload);
            if (!sender.ok)
                return ignored(`${ctx.eventName}: ${sender.problem}`);
            const refusal = await authorise(sender.value, inputs.allowedBots, gateway);
            if (refusal)
                return ignored(`${ctx.eventName} sent by ${refusal}`);
            return fromInputs(inputs);
        }
    }
}
function fromInputs(inputs) {
    const runId = inputs.runId?.trim() || undefined;
    if (runId !== undefined && !run_id/* RUN_ID_PATTERN */.z.test(runId)) {
        return ignored(`run-id ${JSON.stringify(runId.slice(0, 100))} is not a run id`);
    }
    if (inputs.resume)
        return { kind: 'resume', source: 'dispatch', ...(runId ? { runId } : {}) };
    const task = (0,sanitize_untrusted/* sanitizeUntrusted */._2)(inputs.task ?? '');
    if (task === '')
        return ignored('nothing to do: no task and resume is false');
    return { kind: 'run', task, source: 'dispatch', ...(runId ? { runId } : {}) };
}
async function fromSchedule(gateway) {
    const issue = await gateway.nextScheduledTask();
    if (!issue)
        return ignored('nothing to do: no open issue is waiting for keel');
    const task = issueTask(issue.title, issue.body);
    if (task === '')
        return ignored(`nothing to do: issue #${issue.issueNumber} has no text`);
    return { kind: 'run', task, source: 'schedule', issueNumber: issue.issueNumber, onPullRequest: false };
}
async function fromComment(payload, inputs, gateway) {
    // Cheapest first: most comments are not commands, and an edit cannot replay one.
    const action = readCommentAction(payload);
    if (!action.ok)
        return ignored(action.problem);
    if (action.value !== 'created') {
        return ignored(`comment ${triggers_quote(action.value)}: only new comments carry commands`);
    }
    const body = readCommentBody(payload);
    if (!body.ok)
        return ignored(body.problem);
    const command = parseCommand(body.value);
    if (!command)
        return ignored('not a keel command: the first line does not start with /keel');
    if (command.kind === 'invalid')
        return ignored(`invalid command: ${command.reason}`);
    const read = readCommentEvent(payload);
    if (!read.ok)
        return ignored(read.problem);
    const event = read.value;
    const refusal = await authorise(event, inputs.allowedBots, gateway);
    if (refusal)
        return ignored(refusal);
    const issueNumber = event.issue.number;
    switch (command.kind) {
        case 'run': {
            const task = command.task ?? issueTask(event.issue.title, event.issue.body);
            if (task === '')
                return ignored(`nothing to do: "/keel run" without text on #${issueNumber}, which has none`);
            return { kind: 'run', task, source: 'comment', issueNumber, onPullRequest: event.issue.isPullRequest };
        }
        case 'resume':
            return {
                kind: 'resume',
                source: 'comment',
                issueNumber,
                onPullRequest: event.issue.isPullRequest,
                ...(command.runId !== undefined ? { runId: command.runId } : {}),
            };
        default:
            return { kind: command.kind, issueNumber };
    }
}
/** Why the comment's author may not command keel, or undefined when they may. */
async function authorise(event, allowedBots, gateway) {
    const who = `@${event.login}`;
    if (isBot(event)) {
        const allowed = new Set(allowedBots.map(botName));
        return allowed.has(botName(event.login)) ? undefined : `${who} is a bot that is not in allowed-bots`;
    }
    if (event.association !== undefined && TRUSTED_ASSOCIATIONS.has(event.association.toUpperCase())) {
        return undefined;
    }
    const permission = await gateway.permissionOf(event.login);
    if (WRITE_PERMISSIONS.has(permission))
        return undefined;
    return `${who} has ${permission} access to the repository; keel commands need write access`;
}
function isBot(event) {
    return event.userType?.toLowerCase() === 'bot' || /\[bot\]$/i.test(event.login);
}
/** `Renovate[bot]`, `renovate`: one bot. */
function botName(login) {
    return login
        .trim()
        .toLowerCase()
        .replace(/\[bot\]$/, '');
}
/** An issue as a task: its title, a blank line, its description. */
function issueTask(title, body) {
    return (0,sanitize_untrusted/* sanitizeUntrusted */._2)(body.trim() === '' ? title : `${title}\n\n${body}`);
}
/** Untrusted text in a reason: short, one line, quoted. */
function triggers_quote(text) {
    return JSON.stringify((0,sanitize_untrusted/* sanitizeUntrusted */._2)(text, { maxChars: 40 }).replace(/\s+/g, ' '));
}
function ignored(reason) {
    return { kind: 'ignored', reason };
}

// EXTERNAL MODULE: ./lib/git/workspace-guards.js
var workspace_guards = __webpack_require__(71936);
;// CONCATENATED MODULE: ./lib/github/triggers/pull-request-work.js
/**
 * What a `/keel` comment on a pull request works on: that pull request's branch, read from the API (the
 * `issue_comment` payload names the pull request but not its branches), and that pull request is the one
 * keel reports on. The event's checkout is the default branch (GITHUB_SHA of `issue_comment`), or for
 * `pull_request` a detached merge commit: neither is the branch the comment is about.
 *
 * Refused: a pull request whose head is in a fork (or a fork since deleted). Pushing onto a fork's branch
 * needs the fork owner's "allow edits by maintainers" and would hand the fork's author's branch content
 * written from a comment — and keel's token would push to someone else's repository. A closed pull request
 * is refused too: nobody is waiting for commits on it.
 *
 * Also: the base a run's pull request goes into when the checkout is a detached HEAD — the pull request's
 * base ref for `pull_request*` events, else the repository's default branch from the payload.
 */


async function pullRequestTarget(client, ctx, number) {
    const { data } = await client.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: number });
    const where = `pull request #${number}`;
    if (data.state !== 'open')
        return { kind: 'refused', reason: `${where} is ${data.state}: keel works only on open ones` };
    const own = `${ctx.owner}/${ctx.repo}`.toLowerCase();
    const headRepo = data.head.repo?.full_name;
    if (headRepo === undefined || headRepo.toLowerCase() !== own) {
        return {
            kind: 'refused',
            reason: `${where} comes from ${headRepo === undefined ? 'a deleted fork' : 'a fork'}: keel pushes only to branches of ${own}, never to a fork's branch from a comment`,
        };
    }
    const headBranch = data.head.ref;
    const baseBranch = data.base.ref;
    if (!(0,workspace_guards/* isBranchName */.Q8)(headBranch) || !(0,workspace_guards/* isBranchName */.Q8)(baseBranch))
        return { kind: 'refused', reason: `${where}: its head or base is not a branch name keel can push to` };
    return {
        kind: 'ok',
        pr: { number, url: data.html_url, headBranch, headSha: data.head.sha, baseBranch },
    };
}
/**
 * The branch a new run proposes into when the checkout is a detached HEAD (`run/run-base.ts`): for
 * `pull_request` and `pull_request_target` (and the review events) the pull request's base, else the
 * repository's default branch. Undefined when the payload names neither as a branch.
 */
function eventBaseBranch(ctx) {
    const pull = objectField(ctx.payload, 'pull_request');
    const base = objectField(pull, 'base')?.ref;
    if (ctx.eventName.startsWith('pull_request') && typeof base === 'string' && (0,workspace_guards/* isBranchName */.Q8)(base)) {
        const number = typeof pull?.number === 'number' ? ` #${pull.number}` : '';
        return { name: base, why: `the base of pull request${number}` };
    }
    const fallback = objectField(ctx.payload, 'repository')?.default_branch;
    if (typeof fallback === 'string' && (0,workspace_guards/* isBranchName */.Q8)(fallback))
        return { name: fallback, why: "the repository's default branch" };
    return undefined;
}

;// CONCATENATED MODULE: ./lib/github/triggers/index.js
/** github/triggers/: what the rest of keel uses of it. */







/***/ })

};
