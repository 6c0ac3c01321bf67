export const id = 129;
export const ids = [129];
export const modules = {

/***/ 96129:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GC_USAGE: () => (/* binding */ GC_USAGE),
  gcCommand: () => (/* binding */ gcCommand),
  parseAge: () => (/* binding */ parseAge)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/base/age.js
var age = __webpack_require__(96018);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
// EXTERNAL MODULE: ./lib/exec/command-runner.js
var command_runner = __webpack_require__(63683);
// EXTERNAL MODULE: ./lib/git/git-runner.js + 1 modules
var git_runner = __webpack_require__(84070);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
// EXTERNAL MODULE: ./lib/git/finish-workspace.js
var finish_workspace = __webpack_require__(86609);
// EXTERNAL MODULE: ./lib/git/workspace-guards.js
var workspace_guards = __webpack_require__(71936);
// EXTERNAL MODULE: ./lib/run/state-store.js
var state_store = __webpack_require__(61472);
// EXTERNAL MODULE: ./lib/run/state.js
var state = __webpack_require__(41176);
;// CONCATENATED MODULE: ./lib/run/gc.js
/**
 * `keel gc`: what finished runs leave behind, pruned once they are old (issue 11 §9) — a worktree still checked
 * out (a finished run normally removes its own, `start-run.ts`; a failed one keeps it for its retry), its line
 * in `.git/info/exclude`, the work branch once it is merged, and the run's directory under `<stateDir>/runs/`.
 *
 * Never touched: a run that is running or interrupted (it will be resumed), a run newer than the cut-off, a
 * branch that is not keel's (`keel/…`) or not merged into the run's base (its work exists nowhere else), a
 * worktree with changes (git refuses to remove it without `--force`, and keel does not force). A run whose
 * worktree stays keeps its directory too, so `keel status` still shows it.
 */









const FINISHED = new Set(['completed', 'partial', 'degraded', 'failed']);
async function collectGarbage(o) {
    const runsDir = (0,state_layout/* stateLayout */.G)(o.stateDir).runs;
    const outcomes = [];
    let skipped = 0;
    for (const run of await (0,state_store/* listRuns */.v)(o.stateDir)) {
        if (!FINISHED.has(run.status) || run.updatedAt > o.now - o.olderThanMs) {
            skipped += 1;
            continue;
        }
        // Only a directory right under runs/: a summary never names anything else, but rm -r is checked anyway.
        if ((0,external_node_path_.relative)(runsDir, (0,external_node_path_.resolve)(run.runDir)).split(external_node_path_.sep).length !== 1) {
            outcomes.push({ runId: run.runId, kind: 'kept', why: 'its directory is not under runs/' });
            continue;
        }
        const read = await (0,atomic_file/* readJsonFile */.JE)((0,state_layout/* runLayout */.WA)(run.runDir).state);
        const parsed = read.ok ? state/* runStateSchema */.El.safeParse(read.value) : undefined;
        if (!parsed?.success) {
            outcomes.push({ runId: run.runId, kind: 'kept', why: 'its state.json cannot be read' });
            continue;
        }
        outcomes.push(await pruneRun(o, parsed.data, run.runDir));
    }
    return { outcomes, skipped };
}
async function pruneRun(o, state, runDir) {
    const { repo, runId } = state;
    const ws = {
        repoRoot: repo.root,
        worktree: repo.worktree,
        branch: repo.workBranch,
        baseBranch: repo.baseBranch,
        baseSha: repo.baseSha,
    };
    const listed = await worktrees(o.git, repo.root);
    const worktree = await (0,workspace_guards/* canonical */.$N)(repo.worktree);
    const hasWorktree = listed.some((entry) => entry.path === worktree);
    // The branch checked out anywhere but keel's own worktree (someone looking at the work): it stays.
    const elsewhere = listed.find((e) => e.branch === `refs/heads/${repo.workBranch}` && e.path !== worktree);
    if (o.dryRun) {
        const merged = elsewhere ? undefined : await mergedTip(o.git, state);
        return {
            runId,
            kind: 'pruned',
            worktree: hasWorktree,
            branch: merged === 'gone' ? 'gone' : merged === undefined ? 'kept' : 'deleted',
        };
    }
    if (hasWorktree) {
        try {
            const removed = await (0,finish_workspace/* finishWorkspace */.R)(o.git, ws);
            if (!removed.removed)
                return { runId, kind: 'kept', why: `its worktree stays: ${removed.reason}` };
        }
        catch (error) {
            return { runId, kind: 'kept', why: `its worktree stays: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
    }
    const branch = elsewhere
        ? { outcome: 'kept', why: `checked out in ${elsewhere.path}` }
        : await deleteIfMerged(o.git, state);
    await (0,promises_.rm)(runDir, { recursive: true, force: true });
    return {
        runId,
        kind: 'pruned',
        worktree: hasWorktree,
        branch: branch.outcome,
        ...(branch.why ? { why: branch.why } : {}),
    };
}
/** `git worktree list`: each worktree's path (canonical) and the branch it has checked out. */
async function worktrees(git, repoRoot) {
    const listed = await git.run(['worktree', 'list', '--porcelain'], { cwd: repoRoot, allowFailure: true });
    if (listed.exitCode !== 0)
        return [];
    const entries = [];
    for (const line of listed.stdout.text.split('\n')) {
        if (line.startsWith('worktree '))
            entries.push({ path: await (0,workspace_guards/* canonical */.$N)(line.slice('worktree '.length)) });
        else if (line.startsWith('branch ') && entries.length > 0)
            entries.at(-1).branch = line.slice(7);
    }
    return entries;
}
async function mergedTip(git, state) {
    const { root, workBranch, baseBranch, baseSha } = state.repo;
    if (!workBranch.startsWith('keel/'))
        return undefined;
    const tip = await revParse(git, root, `refs/heads/${workBranch}`);
    if (tip === undefined)
        return 'gone';
    if (tip === baseSha)
        return { tip };
    for (const base of [`refs/heads/${baseBranch}`, `refs/remotes/origin/${baseBranch}`]) {
        if ((await revParse(git, root, base)) === undefined)
            continue;
        const contained = await git.run(['merge-base', '--is-ancestor', tip, base], {
            cwd: root,
            allowFailure: true,
        });
        if (contained.exitCode === 0)
            return { tip };
    }
    return undefined;
}
async function deleteIfMerged(git, state) {
    const merged = await mergedTip(git, state);
    if (merged === 'gone')
        return { outcome: 'gone' };
    if (merged === undefined)
        return { outcome: 'kept', why: `not merged into ${state.repo.baseBranch}` };
    const { tip } = merged;
    // `update-ref -d <ref> <old>`: deleted only while it still points where it was found merged.
    const deleted = await git.run(['update-ref', '-d', `refs/heads/${state.repo.workBranch}`, tip], {
        cwd: state.repo.root,
        allowFailure: true,
    });
    if (deleted.exitCode !== 0)
        return { outcome: 'kept', why: deleted.stderr.text.trim().split('\n').at(-1) ?? 'git refused' };
    return { outcome: 'deleted' };
}
async function revParse(git, cwd, ref) {
    const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
        cwd,
        allowFailure: true,
    });
    const sha = result.stdout.text.trim();
    return result.exitCode === 0 && sha !== '' ? sha : undefined;
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(18908);
// EXTERNAL MODULE: ./lib/cli/parse-command-args.js
var parse_command_args = __webpack_require__(57851);
// EXTERNAL MODULE: ./lib/cli/project-dir.js
var project_dir = __webpack_require__(53013);
;// CONCATENATED MODULE: ./lib/cli/gc-command.js
/** `keel gc`: prunes what old finished runs left behind (`run/gc.ts`). */









const GC_USAGE = `usage: keel gc [--older-than AGE] [--dry-run] [--state-dir DIR]

Prunes finished runs (completed, partial, degraded, failed) last updated more than AGE ago: the worktree still
checked out (and its line in .git/info/exclude), the work branch keel/<run> once it is merged into the run's
base branch (here or at origin), and the run's directory under .keel/runs/. Running and interrupted runs,
unmerged branches and worktrees with changes are never touched.

  --older-than AGE  14d (default), 36h, 90m, 0 for every finished run
  --dry-run         say what would go, change nothing
  --state-dir DIR   where runs are kept (default: .keel at the repository's root)
`;
const DEFAULT_OLDER_THAN = '14d';
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** `14d`, `36h`, `90m`, `30s`, `0`. */
function parseAge(text) {
    const match = /^(\d{1,6})([smhd])?$/.exec(text.trim());
    if (!match || (match[2] === undefined && match[1] !== '0'))
        throw new cli_io/* UsageError */.e(`--older-than: "${text}" is not an age like 14d, 36h, 90m or 0\n\n${GC_USAGE}`);
    return Number(match[1]) * (match[2] === undefined ? 0 : UNIT_MS[match[2]]);
}
const gcCommand = async (argv, io) => {
    const { values, positionals } = (0,parse_command_args/* parseCommandArgs */.Q)({
        args: argv,
        allowPositionals: true,
        options: {
            'older-than': { type: 'string' },
            'dry-run': { type: 'boolean' },
            'state-dir': { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        },
    }, GC_USAGE);
    if (values.help) {
        io.stdout(GC_USAGE);
        return 0;
    }
    if (positionals[0] !== undefined)
        throw new cli_io/* UsageError */.e(`unexpected argument "${positionals[0]}"\n\n${GC_USAGE}`);
    const olderThanMs = parseAge(values['older-than'] ?? DEFAULT_OLDER_THAN);
    const stateDir = values['state-dir'] !== undefined
        ? (0,external_node_path_.resolve)(io.cwd, values['state-dir'])
        : (0,external_node_path_.join)((0,project_dir/* projectDir */.t)(io), state_layout/* DEFAULT_STATE_DIR */.mU);
    const report = await collectGarbage({
        git: (0,git_runner/* createGit */.lD)({ runner: (0,command_runner/* createCommandRunner */._m)() }),
        stateDir,
        olderThanMs,
        now: Date.now(),
        dryRun: values['dry-run'] === true,
    });
    const verb = values['dry-run'] ? 'would prune' : 'pruned';
    for (const outcome of report.outcomes)
        io.stdout(`${describe(outcome, verb)}\n`);
    const pruned = report.outcomes.filter((o) => o.kind === 'pruned').length;
    const kept = report.outcomes.length - pruned;
    io.stdout(`keel gc: ${verb} ${pruned} run(s) older than ${olderThanMs === 0 ? '0 s' : (0,age/* formatAge */.n)(olderThanMs)}` +
        `${kept > 0 ? `, kept ${kept}` : ''}; ${report.skipped} run(s) unfinished or newer left alone\n`);
    return 0;
};
function describe(outcome, verb) {
    if (outcome.kind === 'kept')
        return `${outcome.runId}: kept — ${outcome.why}`;
    const parts = [
        ...(outcome.worktree ? ['worktree'] : []),
        outcome.branch === 'deleted' ? 'merged branch' : '',
        'run directory',
    ].filter(Boolean);
    const branch = outcome.branch === 'kept' ? `; branch kept${outcome.why ? ` (${outcome.why})` : ' (not merged)'}` : '';
    return `${outcome.runId}: ${verb} ${parts.join(', ')}${branch}`;
}


/***/ }),

/***/ 57851:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18908);
/**
 * `parseArgs` for every command: what it refuses (an unknown option, a missing value) becomes a
 * `UsageError` naming the argument, followed by the command's usage when one is given.
 */


function parseCommandArgs(config, usage) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(config);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new _io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(usage === undefined ? message : `${message}\n\n${usage}`);
    }
}


/***/ }),

/***/ 53013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ projectDir)
/* harmony export */ });
/* harmony import */ var _git_repo_root_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35495);
/**
 * Where a command's defaults live (`.github/keel.yml`, `.keel/`, the lanes file): the root of the git
 * repository around the working directory, or the working directory itself outside one. Paths a user types
 * (`--config x.yml`) stay relative to where they typed them.
 */

function projectDir(io) {
    return (0,_git_repo_root_js__WEBPACK_IMPORTED_MODULE_0__/* .findRepoRoot */ .G)(io.cwd) ?? io.cwd;
}


/***/ })

};
