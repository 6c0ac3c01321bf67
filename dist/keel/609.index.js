export const id = 609;
export const ids = [609];
export const modules = {

/***/ 99146:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ removeFromExclude),
/* harmony export */   b: () => (/* binding */ addToExclude)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/**
 * A worktree placed inside the user's checkout must not show up in their `git status`: its path goes into
 * `.git/info/exclude` (local to the clone, never committed), once — and out again when keel removes the
 * worktree, so the file does not grow a line per run for ever.
 */


const MARKER = '# keel worktree';
async function addToExclude(commonDir, relativePath) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(commonDir, 'info', 'exclude');
    const line = excludeLine(relativePath);
    const current = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => '');
    if (current.split('\n').includes(line))
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(commonDir, 'info'), { recursive: true });
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(file, `${separator}${MARKER}\n${line}\n`);
}
/**
 * Takes a removed worktree's line (and the marker keel wrote above it) out of `info/exclude`; every other
 * line stays as it was. True when there was one.
 */
async function removeFromExclude(commonDir, relativePath) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(commonDir, 'info', 'exclude');
    const current = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => undefined);
    if (current === undefined)
        return false;
    const line = excludeLine(relativePath);
    const lines = current.split('\n');
    const kept = [];
    let removed = false;
    for (const candidate of lines) {
        if (candidate !== line) {
            kept.push(candidate);
            continue;
        }
        removed = true;
        if (kept.at(-1) === MARKER)
            kept.pop();
    }
    if (removed)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, kept.join('\n'));
    return removed;
}
function excludeLine(relativePath) {
    return `/${escapePattern(relativePath.split('\\').join('/'))}/`;
}
/** gitignore treats `*?[\` as pattern syntax and `!`/`#` at the start specially; a backslash makes each literal. */
function escapePattern(path) {
    return path.replace(/[*?[\]\\!# ]/g, (c) => `\\${c}`);
}


/***/ }),

/***/ 86609:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ finishWorkspace)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _exclude_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99146);
/* harmony import */ var _proc_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95118);
/* harmony import */ var _workspace_guards_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71936);
/* harmony import */ var _workspace_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9491);
/**
 * What becomes of a run's worktree once the run is finished: removed, with its line in `.git/info/exclude`
 * (`finishWorkspace`), right after the run (`run/start-run.ts`) or later by `keel gc`.
 */





/**
 * A finished run's worktree removed (`removeWorkspace`) and its line taken out of `.git/info/exclude`: the
 * work branch stays, and `git checkout keel/<run>` works in the user's checkout again. A resume or a retry
 * adds the worktree back from the branch.
 */
async function finishWorkspace(git, ws) {
    const commonDir = await (0,_workspace_guards_js__WEBPACK_IMPORTED_MODULE_3__/* .repoCommonDir */ .jO)(git, ws);
    // Canonical as `prepareWorkspace` wrote the line: before the directory is gone.
    const repoRoot = await (0,_workspace_guards_js__WEBPACK_IMPORTED_MODULE_3__/* .canonical */ .$N)(ws.repoRoot);
    const worktree = await (0,_workspace_guards_js__WEBPACK_IMPORTED_MODULE_3__/* .canonical */ .$N)(ws.worktree);
    const removed = await (0,_workspace_js__WEBPACK_IMPORTED_MODULE_4__/* .removeWorkspace */ .qh)(git, ws);
    if (removed.removed && (0,_proc_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(worktree, repoRoot))
        await (0,_exclude_js__WEBPACK_IMPORTED_MODULE_1__/* .removeFromExclude */ .D)(commonDir, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(repoRoot, worktree));
    return removed;
}


/***/ }),

/***/ 88798:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C3: () => (/* binding */ scanCommits),
/* harmony export */   YI: () => (/* binding */ describeHits),
/* harmony export */   sh: () => (/* binding */ SecretInPushError)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80991);
/**
 * The last look at commits before they leave the runner (issue 12 §2). Redaction cleans what keel writes
 * itself, but a model's file is code: keel cannot rewrite it, and a commit message it wrote goes in as
 * written. So before a branch is pushed, every commit of the range is read — each commit's added lines
 * (commit by commit: a secret added and removed again is still in the history that would be pushed) and its
 * message — for keel's secret values and for anything shaped like a credential (`base/secrets.ts`, the one
 * policy). A hit names the file and line, or the commit, and what kind of secret it is; never the value.
 *
 * git writes the log to a private file (`--output`), read here as it is: the command runner redacts what it
 * captures — with this very policy — so a scan of captured output would see `[REDACTED]` and nothing else.
 */




/** A push carried what `scanCommits` refuses: the branch was not pushed. */
class SecretInPushError extends Error {
    hits;
    constructor(what, hits) {
        super(`${what} not pushed: ${describeHits(hits)}`);
        this.name = 'SecretInPushError';
        this.hits = hits;
    }
}
const MAX_SCAN_BYTES = 256 << 20;
const MAX_HITS = 20;
/** What in `base..head` (commits of `head` not in `base`) carries a secret or a credential's shape. */
async function scanCommits(git, cwd, range, secrets) {
    const revs = `${range.base}..${range.head}`;
    const hits = [];
    const kindOf = (text) => {
        const index = (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .findSecret */ .mt)(text, secrets);
        return index !== undefined ? `secret #${index}` : (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .findTokenShape */ .kf)(text);
    };
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'keel-scan-'));
    try {
        const raw = async (name, args) => {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
            await git.run([...args, `--output=${file}`, revs, '--'], { cwd });
            return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).size > MAX_SCAN_BYTES ? undefined : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
        };
        // Messages: one record per commit, NUL-separated (-z), `sha LF message`.
        const messages = await raw('messages', ['log', '-z', '--format=%H%n%B']);
        // Patches, commit by commit (a secret added and removed again is still in the pushed history): each
        // commit starts with a line `\x01<sha>`, which no patch line can be (they start with a space, +, -, @,
        // a backslash or a word).
        const patches = await raw('patches', [
            ...['-c', 'core.quotePath=false', 'log', '--no-color', '--no-ext-diff', '--no-textconv', '--text'],
            ...['--no-renames', '-U0', '--format=%x01%H', '--patch'],
        ]);
        if (messages === undefined || patches === undefined)
            return [{ commit: range.head, kind: `more than ${MAX_SCAN_BYTES >> 20} MiB of changes to scan` }];
        for (const record of messages.split('\0')) {
            const newline = record.indexOf('\n');
            if (newline < 0)
                continue;
            const kind = kindOf(record.slice(newline + 1));
            if (kind !== undefined)
                hits.push({ commit: record.slice(0, newline), kind });
        }
        for (const added of addedLines(patches)) {
            if (hits.length >= MAX_HITS)
                break;
            const kind = kindOf(added.text);
            if (kind !== undefined)
                hits.push({ commit: added.commit, path: added.path, line: added.line, kind });
        }
        // A key split over lines (a PEM block is several) is caught by its first line's shape.
        return hits;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** The `+` lines of `-U0` patches, with their commit, the file they go to and their line number there. */
function* addedLines(patches) {
    let commit = '';
    let path = '';
    let line = 0;
    for (const raw of patches.split('\n')) {
        if (raw.startsWith('\x01')) {
            commit = raw.slice(1).trim();
            path = '';
            continue;
        }
        if (raw.startsWith('+++ ')) {
            const target = raw.slice(4);
            path = target === '/dev/null' ? '' : target.replace(/^"?b\//, '').replace(/"$/, '');
            continue;
        }
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
        if (hunk) {
            line = Number(hunk[1]);
            continue;
        }
        if (raw.startsWith('+') && path !== '') {
            yield { commit, path, line, text: raw.slice(1) };
            line++;
        }
    }
}
/** `src/a.js line 3 (a GitHub token), the message of 1a2b3c4d (secret #2)`: places and kinds, no values. */
function describeHits(hits) {
    return hits
        .map((h) => h.path !== undefined
        ? `${h.path} line ${h.line} of ${h.commit.slice(0, 8)} (${h.kind})`
        : `the message of ${h.commit.slice(0, 8)} (${h.kind})`)
        .join(', ');
}


/***/ }),

/***/ 71936:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ canonical),
/* harmony export */   DI: () => (/* binding */ ensureKeelWorktree),
/* harmony export */   F9: () => (/* binding */ gitTest),
/* harmony export */   MD: () => (/* binding */ probeWorktree),
/* harmony export */   MU: () => (/* binding */ identityArgs),
/* harmony export */   P: () => (/* binding */ branchHead),
/* harmony export */   P_: () => (/* binding */ gitFullOutput),
/* harmony export */   Q8: () => (/* binding */ isBranchName),
/* harmony export */   Q9: () => (/* binding */ checkWorktreeHead),
/* harmony export */   QX: () => (/* binding */ isAncestor),
/* harmony export */   U6: () => (/* binding */ OPERATION_MARKERS),
/* harmony export */   XL: () => (/* binding */ ensureWorktreeDir),
/* harmony export */   hG: () => (/* binding */ SHA),
/* harmony export */   ij: () => (/* binding */ checkId),
/* harmony export */   iv: () => (/* binding */ movedBranchHead),
/* harmony export */   jG: () => (/* binding */ checkLinkedWorktree),
/* harmony export */   jO: () => (/* binding */ repoCommonDir),
/* harmony export */   kP: () => (/* binding */ WorkspaceError),
/* harmony export */   mJ: () => (/* binding */ commitSha),
/* harmony export */   xF: () => (/* binding */ headSha)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91975);
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
async function gitFullOutput(git, args, cwd, maxBytes) {
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
async function canonical(path) {
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(absolute);
    }
    catch {
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(absolute);
        return parent === absolute ? absolute : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(await canonical(parent), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(absolute));
    }
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
        top: await canonical(top),
        gitDir: await canonical(gitDir),
        commonDir: await canonical(commonDir),
        markers,
    };
}
/**
 * Refuses unless `ws.worktree` is the top of a linked worktree of `ws.repoRoot`'s repository (not the user's
 * checkout, not a directory inside it) with `ws.branch` checked out. Every destructive operation calls it.
 */
async function ensureKeelWorktree(git, ws) {
    ws.fence?.();
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
    const common = await canonical((await git.run(args, { cwd: ws.repoRoot })).stdout.text.trim());
    if (ws.cache)
        ws.cache.repoCommonDir = common;
    return common;
}
/** `ws.worktree`, canonical, after refusing a missing one and the repository's own checkout. */
async function ensureWorktreeDir(ws) {
    const worktree = await canonical(ws.worktree);
    if (!(await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .pathExists */ .s0)(worktree)))
        throw new WorkspaceError('refused', `keel's worktree ${worktree} does not exist`);
    if (worktree === (await canonical(ws.repoRoot))) {
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
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(probe.gitDir, 'HEAD'), 'utf8').catch(() => undefined);
    return text === `ref: ${ref}\n` || text === `ref: ${ref}`;
}
/** False for the reftable backend, where `HEAD` is a stub and branches are not files. */
async function refsAreFiles(probe) {
    for (const dir of [probe.gitDir, probe.commonDir])
        if (await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .pathExists */ .s0)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'reftable')))
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
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(probe.commonDir, 'refs', 'heads', ...ws.branch.split('/'));
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8').catch(() => undefined);
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


/***/ }),

/***/ 9491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kP: () => (/* reexport */ workspace_guards/* WorkspaceError */.kP),
  AG: () => (/* reexport */ commitStep),
  r3: () => (/* reexport */ diffSinceBase),
  WE: () => (/* binding */ discardUncommitted),
  ao: () => (/* reexport */ filesAtCommit),
  xF: () => (/* reexport */ workspace_guards/* headSha */.xF),
  t0: () => (/* binding */ prepareWorkspace),
  WK: () => (/* reexport */ pushWorkBranch),
  Ul: () => (/* reexport */ read_files/* readFiles */.U),
  qh: () => (/* binding */ removeWorkspace),
  bz: () => (/* binding */ resetWorkBranch),
  lJ: () => (/* reexport */ stepCommits)
});

// UNUSED EXPORTS: WorkBranchCache, duplicateStepCommits, trackedFiles

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/git/exclude.js
var exclude = __webpack_require__(99146);
// EXTERNAL MODULE: ./lib/git/workspace-guards.js
var workspace_guards = __webpack_require__(71936);
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

// EXTERNAL MODULE: ./lib/git/proc-scan.js
var proc_scan = __webpack_require__(95118);
// EXTERNAL MODULE: ./lib/base/publish-text.js
var publish_text = __webpack_require__(3700);
// EXTERNAL MODULE: ./lib/git/git-runner.js + 2 modules
var git_runner = __webpack_require__(28540);
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
    (0,workspace_guards/* checkId */.ij)('run id', o.runId);
    (0,workspace_guards/* checkId */.ij)('step id', o.stepId);
    const existing = (await stepCommits(git, ws, o.runId)).get(o.stepId);
    if (existing !== undefined)
        return { sha: existing, created: false };
    const probe = await (0,workspace_guards/* ensureKeelWorktree */.DI)(git, ws);
    const cwd = ws.worktree;
    if (o.paths === undefined)
        await git.run(['add', '--all'], { cwd });
    else {
        const ignored = await stagePaths(git, cwd, o.paths, o.forceIgnored === true);
        if (ignored.length > 0)
            return { sha: undefined, created: false, reason: 'ignored', ignored };
    }
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
        // Checked again after `add`: a process suspended in between may have lost the run meanwhile.
        ws.fence?.();
        await commitWithIdentity(git, ws, commit);
    }
    catch (error) {
        // Nothing staged: `git commit` refuses with exit 1 and writes nothing. Asked (`diff --cached`) only
        // then, rather than before every commit: a step whose edits changed nothing is the rare case.
        if (error instanceof git_runner/* GitError */.XS &&
            error.result.exitCode === 1 &&
            (await (0,workspace_guards/* gitTest */.F9)(git, ['diff', '--cached', '--quiet'], cwd))) {
            return { sha: undefined, created: false, reason: 'nothing to commit' };
        }
        throw error;
    }
    const sha = await (0,workspace_guards/* movedBranchHead */.iv)(git, ws, probe);
    if (ws.cache) {
        ws.cache.head = sha;
        // Exactly the record `git log` would show for it: commitMessage() strips look-alike trailer lines.
        if (known)
            ws.cache.commits = [...known, { sha, runs: [o.runId], steps: [o.stepId] }];
    }
    return { sha, created: true };
}
/**
 * `git add` of exactly `paths`, literally. When git refuses some as ignored (exit 1: it stages the others and
 * names the ignored ones, or only their ignored folder), `check-ignore` says which of ours they are; forced,
 * they are added with `--force`. Returns the ignored paths left out (empty when all went in).
 */
async function stagePaths(git, cwd, paths, force) {
    if (paths.length === 0)
        return [];
    // `:(literal)`: a model's path is a name, never a pathspec pattern (`*.js` must not stage every script).
    const input = paths.map((path) => `:(literal)${path}\0`).join('');
    const add = (extra) => git.run(['add', '--all', ...extra, '--pathspec-from-file=-', '--pathspec-file-nul'], {
        cwd,
        input,
        allowFailure: true,
    });
    const added = await add([]);
    if (added.exitCode === 0)
        return [];
    const failed = (what, result) => new workspace_guards/* WorkspaceError */.kP('unexpected', `${what} failed: ${result.stderr.text.trim().slice(0, 300)}`);
    // check-ignore takes path names (no pathspec magic, no globbing).
    const check = await git.run(['check-ignore', '--stdin', '-z'], {
        cwd,
        input: `${paths.join('\0')}\0`,
        allowFailure: true,
    });
    const ignored = check.stdout.text.split('\0').filter((p) => p !== '');
    if (check.exitCode !== 0 || ignored.length === 0) {
        throw failed("git add of the step's paths", added);
    }
    if (!force)
        return ignored;
    const forced = await add(['--force']);
    if (forced.exitCode !== 0)
        throw failed('git add --force', forced);
    return [];
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
        await git.run(commit(await (0,workspace_guards/* identityArgs */.MU)(git, cwd, ws.cache)), { cwd });
        return;
    }
    try {
        await git.run(commit(['-c', 'user.useConfigOnly=true']), { cwd });
        if (ws.cache)
            ws.cache.identity = [];
    }
    catch (error) {
        if (!(error instanceof git_runner/* GitError */.XS && IDENTITY_UNKNOWN.test(error.result.stderr.text)))
            throw error;
        withoutIdentity.add(repository);
        await git.run(commit(await (0,workspace_guards/* identityArgs */.MU)(git, cwd, ws.cache)), { cwd });
    }
}
const IDENTITY_UNKNOWN = /identity unknown|please tell me who you are/i;
/** Repositories (common dirs) where a commit found no identity, in this process. */
const withoutIdentity = new Set();
/**
 * The model writes the message: it is bounded, goes through the publish sanitiser (no closing keyword, no
 * mention, no invisible or bidi character: merged, the commit would close issues and ping people), and any
 * line that looks like one of keel's trailers is removed, so a message cannot claim to be another step's
 * commit.
 */
function commitMessage(message, stepId) {
    const kept = (0,publish_text/* neutralizeForPublish */.S)(message.slice(0, MAX_MESSAGE_CHARS), { target: 'commit' })
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
    const text = await (0,workspace_guards/* gitFullOutput */.P_)(git, args, ws.repoRoot, MAX_LOG_BYTES);
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

// EXTERNAL MODULE: ./lib/git/git-errors.js
var git_errors = __webpack_require__(32534);
// EXTERNAL MODULE: ./lib/git/secret-scan.js
var secret_scan = __webpack_require__(88798);
;// CONCATENATED MODULE: ./lib/git/push.js



/**
 * Results and decisions read the branch's head with `headSha`: the run's remembered one while nothing but the
 * run moved it (a rebase here forgets it), else git's. Every change is preceded by `ensureKeelWorktree`.
 */
async function pushWorkBranch(git, ws, o) {
    if (o.remote === '' || o.remote.startsWith('-'))
        throw new workspace_guards/* WorkspaceError */.kP('invalid', `not a remote: ${o.remote}`);
    await (0,workspace_guards/* ensureKeelWorktree */.DI)(git, ws);
    // Before anything leaves: the run's commits (a rebase below only adds the remote's own, already there).
    const hits = await (0,secret_scan/* scanCommits */.C3)(git, ws.worktree, { base: ws.baseSha, head: `refs/heads/${ws.branch}` }, o.secrets ?? []);
    if (hits.length > 0)
        throw new secret_scan/* SecretInPushError */.sh(`work branch ${ws.branch}`, hits);
    if (o.remoteBranch !== undefined && !(0,workspace_guards/* isBranchName */.Q8)(o.remoteBranch))
        throw new workspace_guards/* WorkspaceError */.kP('invalid', `not a branch name: ${o.remoteBranch}`);
    const target = o.remoteBranch ?? ws.branch;
    let rebased = false;
    let reason = 'the remote branch kept moving';
    for (let round = 0; round <= (o.maxRebaseRounds ?? 2); round++) {
        if (await push(git, ws, o.remote, target)) {
            return { remoteBranch: target, sha: await (0,workspace_guards/* headSha */.xF)(git, ws), rebased, newBranch: false };
        }
        const outcome = await rebaseOntoRemote(git, ws, o.remote, target);
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
        if (error instanceof git_errors/* GitError */.XS && error.kind === 'rejected')
            return false;
        throw error;
    }
}
async function rebaseOntoRemote(git, ws, remote, target) {
    const cwd = ws.worktree;
    const fetched = await git.run(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${target}`], {
        cwd,
        allowFailure: true,
    });
    if (fetched.exitCode !== 0)
        return 'gone'; // deleted since the rejection: the next push creates it
    const theirs = await (0,workspace_guards/* commitSha */.mJ)(git, 'FETCH_HEAD', cwd);
    if (theirs === undefined)
        return 'gone';
    // Rebasing onto history without our base would carry foreign commits into the run's range.
    if (!(await (0,workspace_guards/* isAncestor */.QX)(git, ws.baseSha, theirs, cwd)))
        return 'unrelated';
    if (await (0,workspace_guards/* isAncestor */.QX)(git, theirs, await (0,workspace_guards/* headSha */.xF)(git, ws), cwd))
        return 'up-to-date';
    // Keep every keel commit, even one whose change the remote already has: its trailers prove its step done.
    const rebase = [
        ...(await (0,workspace_guards/* identityArgs */.MU)(git, cwd, ws.cache)),
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
        if (error instanceof git_errors/* GitError */.XS && (error.kind === 'conflict' || error.kind === 'exit')) {
            await (0,workspace_guards/* ensureKeelWorktree */.DI)(git, ws);
            return 'conflict';
        }
        throw error;
    }
}
async function pushToNewBranch(git, ws, o, rebased, reason) {
    const limit = o.maxNewBranches ?? 10;
    const own = o.remoteBranch !== undefined && o.remoteBranch !== ws.branch ? [ws.branch] : [];
    const names = [...own, ...Array.from({ length: limit }, (_, i) => `${ws.branch}-${i + 2}`)];
    for (const target of names) {
        // A branch that exists is only updated as a fast-forward (our own earlier fallback); otherwise, next.
        if (await push(git, ws, o.remote, target)) {
            return { remoteBranch: target, sha: await (0,workspace_guards/* headSha */.xF)(git, ws), rebased, newBranch: true, reason };
        }
    }
    throw new workspace_guards/* WorkspaceError */.kP('refused', `could not push ${ws.branch}: ${reason}, and ${limit} fallback branches were taken`);
}

// EXTERNAL MODULE: ./lib/git/read-files.js
var read_files = __webpack_require__(61324);
// EXTERNAL MODULE: ./lib/exec/capture.js
var capture = __webpack_require__(69815);
;// CONCATENATED MODULE: ./lib/git/branch-contents.js
/**
 * What a work branch holds, read without touching its work tree: the patch since the base, the files of a
 * commit (remembered per process: a commit's tree never changes), the files tracked at the branch's head.
 */


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
    const known = workspace_guards/* SHA */.hG.test(sha) ? filesByCommit.get(key) : undefined;
    if (known) {
        filesByCommit.delete(key);
        filesByCommit.set(key, known);
        return [...known];
    }
    const args = ['ls-tree', '-r', '-z', '--name-only', '--full-tree', sha];
    const text = await (0,workspace_guards/* gitFullOutput */.P_)(git, args, repoRoot, MAX_FILE_LIST_BYTES);
    const files = text.split('\0').filter((p) => p !== '');
    // Only full shas: `HEAD` or a branch name would name another tree tomorrow.
    if (workspace_guards/* SHA */.hG.test(sha)) {
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
    const ws = await prepareUnfenced(git, o);
    return o.fence ? { ...ws, fence: o.fence } : ws;
}
async function prepareUnfenced(git, o) {
    (0,workspace_guards/* checkId */.ij)('run id', o.runId);
    if (!(0,external_node_path_.isAbsolute)(o.worktree))
        throw new workspace_guards/* WorkspaceError */.kP('invalid', `the worktree path must be absolute: ${o.worktree}`);
    const worktree = await (0,workspace_guards/* canonical */.$N)(o.worktree);
    const branch = o.branch ?? `keel/${o.runId}`;
    if (!(0,workspace_guards/* isBranchName */.Q8)(branch))
        throw new workspace_guards/* WorkspaceError */.kP('invalid', `not a branch name: ${branch}`);
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
        await (0,exclude/* addToExclude */.b)(commonDir, (0,external_node_path_.relative)(repoRoot, worktree));
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
    if (o.fresh === undefined || o.baseBranch === undefined || baseSha === undefined || !workspace_guards/* SHA */.hG.test(baseSha))
        return undefined;
    if (branch === o.baseBranch || (await (0,atomic_file/* pathExists */.s0)(worktree)))
        return undefined;
    const repoRoot = await (0,workspace_guards/* canonical */.$N)(o.fresh.repoRoot);
    const commonDir = await (0,workspace_guards/* canonical */.$N)(o.fresh.commonDir);
    checkPlacement(repoRoot, commonDir, worktree);
    if ((0,proc_scan/* isInside */.FK)(worktree, repoRoot))
        await (0,exclude/* addToExclude */.b)(commonDir, (0,external_node_path_.relative)(repoRoot, worktree));
    const args = ['worktree', 'add', '--quiet', '-b', branch, worktree, baseSha];
    const added = await git.run(args, { cwd: repoRoot, allowFailure: true });
    if (added.exitCode !== 0)
        return undefined;
    const ws = { repoRoot, worktree, branch, baseSha, baseBranch: o.baseBranch };
    return o.cache === true ? { ...ws, cache: branchCache(commonDir, baseSha, baseSha) } : ws;
}
function checkPlacement(repoRoot, commonDir, worktree) {
    if ((0,proc_scan/* isInside */.FK)(repoRoot, worktree) || (0,proc_scan/* isInside */.FK)(worktree, commonDir)) {
        throw new workspace_guards/* WorkspaceError */.kP('refused', `the worktree ${worktree} would contain the checkout or sit in its git dir`);
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
        throw new workspace_guards/* WorkspaceError */.kP('unexpected', `git rev-parse in ${cwd} did not name the checkout`);
    }
    const repoRoot = await (0,workspace_guards/* canonical */.$N)(top);
    const commonDir = await (0,workspace_guards/* canonical */.$N)(common);
    const [first, second] = revs;
    if (plain && first !== undefined && workspace_guards/* SHA */.hG.test(first) && revs.length <= 2) {
        if (second === undefined)
            return { repoRoot, commonDir, baseSha: first, tip: undefined };
        if (second.startsWith('^') && workspace_guards/* SHA */.hG.test(second.slice(1)))
            return { repoRoot, commonDir, baseSha: first, tip: second.slice(1) };
    }
    const baseSha = baseRef.startsWith('-') ? undefined : await (0,workspace_guards/* commitSha */.mJ)(git, baseRef, repoRoot);
    const tip = await (0,workspace_guards/* commitSha */.mJ)(git, `refs/heads/${branch}`, repoRoot);
    return { repoRoot, commonDir, baseSha, tip };
}
async function resolveBase(git, cwd, baseRef, baseSha, baseBranch) {
    if (baseSha === undefined)
        throw new workspace_guards/* WorkspaceError */.kP('invalid', `the base ${baseRef} is not a commit`);
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
        throw new workspace_guards/* WorkspaceError */.kP('refused', `the work branch cannot be the base branch ${ws.baseBranch}`);
    }
    // A branch still at its base contains it: no `merge-base` needed.
    if (tip !== undefined && tip !== ws.baseSha && !(await (0,workspace_guards/* isAncestor */.QX)(git, ws.baseSha, tip, ws.repoRoot))) {
        throw new workspace_guards/* WorkspaceError */.kP('refused', `branch ${ws.branch} exists but does not contain the base ${ws.baseSha.slice(0, 12)}: it is not this run's work branch (a resumed run passes its recorded base sha)`);
    }
}
async function listWorktrees(git, cwd) {
    const text = await (0,workspace_guards/* gitFullOutput */.P_)(git, ['worktree', 'list', '--porcelain'], cwd, 4 << 20);
    const entries = [];
    for (const block of text.split('\n\n')) {
        const lines = block.split('\n');
        const path = lines.find((l) => l.startsWith('worktree '))?.slice('worktree '.length);
        if (path === undefined)
            continue;
        const branch = lines.find((l) => l.startsWith('branch '))?.slice('branch '.length);
        const prunable = lines.some((l) => l === 'prunable' || l.startsWith('prunable '));
        entries.push({ path: await (0,workspace_guards/* canonical */.$N)(path), branch, prunable });
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
    const gone = await Promise.all(entries.map(async (e) => e.prunable || !(await (0,atomic_file/* pathExists */.s0)(e.path))));
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
        throw new workspace_guards/* WorkspaceError */.kP('refused', `branch ${ws.branch} is checked out in ${holder.path}`);
    const here = entries.find((e) => e.path === ws.worktree);
    // Detached is what a rebase that crashed half-way looks like: `discardLeftovers` aborts it and then proves
    // the branch is back before touching anything.
    if (here && here.branch !== ref && here.branch !== undefined) {
        throw new workspace_guards/* WorkspaceError */.kP('refused', `${ws.worktree} is a worktree of ${here.branch}`);
    }
    if (!here && (await (0,atomic_file/* pathExists */.s0)(ws.worktree)) && !(await isEmptyDir(ws.worktree))) {
        throw new workspace_guards/* WorkspaceError */.kP('refused', `${ws.worktree} exists and is not keel's worktree`);
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
    const worktree = await (0,workspace_guards/* ensureWorktreeDir */.XL)(ws);
    let probe = await (0,workspace_guards/* probeWorktree */.MD)(git, worktree);
    (0,workspace_guards/* checkLinkedWorktree */.jG)(worktree, probe, repoCommon);
    let aborted = false;
    for (const [i, [, abort]] of workspace_guards/* OPERATION_MARKERS */.U6.entries()) {
        if (!(await (0,atomic_file/* pathExists */.s0)(probe.markers[i])))
            continue;
        await git.run([...abort], { cwd: worktree, allowFailure: true });
        aborted = true;
    }
    if (aborted) {
        probe = await (0,workspace_guards/* probeWorktree */.MD)(git, worktree);
        (0,workspace_guards/* checkLinkedWorktree */.jG)(worktree, probe, repoCommon);
    }
    await (0,workspace_guards/* checkWorktreeHead */.Q9)(git, ws, worktree, probe);
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
 * After a step that wrote files but committed nothing (its edits refused half-way, a path it may not commit):
 * the worktree back to the branch head, so nothing of it lingers for the next step. Ignored files stay (like
 * `clean` without `-x`): no step can stage them without saying so. Only in keel's worktree.
 */
async function discardUncommitted(git, ws) {
    await (0,workspace_guards/* ensureKeelWorktree */.DI)(git, ws);
    // A process that lost the run must not reset the worktree its new owner works in.
    ws.fence?.();
    await git.run(['reset', '--hard', '--quiet', 'HEAD'], { cwd: ws.worktree });
    await git.run(['clean', '-f', '-d', '--quiet'], { cwd: ws.worktree });
}
/**
 * Moves keel's work branch back to `sha` (a rejected batch), discarding what came after. Only in keel's
 * worktree, only on its work branch, only to a commit between the base (inclusive) and the branch head.
 */
async function resetWorkBranch(git, ws, sha) {
    if (ws.branch === ws.baseBranch)
        throw new workspace_guards/* WorkspaceError */.kP('refused', `${ws.branch} is the base branch`);
    await (0,workspace_guards/* ensureKeelWorktree */.DI)(git, ws);
    const cwd = ws.worktree;
    const target = await (0,workspace_guards/* commitSha */.mJ)(git, sha, cwd);
    if (target === undefined)
        throw new workspace_guards/* WorkspaceError */.kP('refused', `${sha} is not a commit`);
    // The guard's head is git's, never the run's remembered one.
    const head = await (0,workspace_guards/* branchHead */.P)(git, ws);
    if (!(await (0,workspace_guards/* isAncestor */.QX)(git, target, head, cwd))) {
        throw new workspace_guards/* WorkspaceError */.kP('refused', `${target.slice(0, 12)} is not on the work branch ${ws.branch}`);
    }
    if (!(await (0,workspace_guards/* isAncestor */.QX)(git, ws.baseSha, target, cwd))) {
        throw new workspace_guards/* WorkspaceError */.kP('refused', `${target.slice(0, 12)} is older than the run's base ${ws.baseSha.slice(0, 12)}`);
    }
    ws.cache?.forgetBranch();
    await git.run(['reset', '--hard', '--quiet', target], { cwd });
    await git.run(['clean', '-f', '-d', '--quiet'], { cwd });
    if (ws.cache)
        ws.cache.head = target;
    return target;
}
/**
 * After a completed run: removes keel's worktree (the branch stays, it holds the work). A worktree with
 * uncommitted changes is kept and reported — git refuses without `--force`, and keel does not force.
 */
async function removeWorkspace(git, ws) {
    const worktree = await (0,workspace_guards/* canonical */.$N)(ws.worktree);
    if (worktree === (await (0,workspace_guards/* canonical */.$N)(ws.repoRoot)))
        return { removed: false, reason: 'that is the repository checkout' };
    if (!(await (0,atomic_file/* pathExists */.s0)(worktree))) {
        await git.run(['worktree', 'prune'], { cwd: ws.repoRoot });
        return { removed: true };
    }
    await (0,workspace_guards/* ensureKeelWorktree */.DI)(git, ws);
    const result = await git.run(['worktree', 'remove', worktree], { cwd: ws.repoRoot, allowFailure: true });
    if (result.exitCode !== 0)
        return { removed: false, reason: result.stderr.text.trim().split('\n').at(-1) ?? 'refused' };
    return { removed: true };
}


/***/ })

};
