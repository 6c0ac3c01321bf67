export const id = 129;
export const ids = [129];
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

/***/ 74743:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ untilAborted),
/* harmony export */   Js: () => (/* binding */ abortReason),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortReason(signal));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortReason(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** Resolves when `signal` aborts (at once if it has); never rejects. */
function untilAborted(signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener('abort', () => resolve(), { once: true });
    });
}
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error('aborted');
}


/***/ }),

/***/ 80991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XF: () => (/* binding */ REDACTED),
  qb: () => (/* binding */ collectSecrets),
  mt: () => (/* binding */ findSecret),
  kf: () => (/* binding */ findTokenShape),
  u: () => (/* binding */ quoteServer),
  E$: () => (/* binding */ redact),
  UN: () => (/* binding */ redactFragment)
});

// UNUSED EXPORTS: MIN_SECRET_CHARS, PLATFORM_SECRET_ENV, TOKEN_SHAPES, excerpt

;// CONCATENATED MODULE: ./lib/base/binary-text.js
/**
 * Text that is not text: a gzip body nobody asked for, an image, a truncated multibyte stream — decoded as
 * UTF-8 it is replacement characters and control bytes. Quoting it in an error message helps nobody and can
 * wreck a terminal; it is described instead (`[312 bytes of binary data]`).
 */
/** True when a decoded body is mostly not text: a NUL, or more than 1 in 10 characters undecodable/control. */
function looksBinary(text) {
    if (text.includes('\0'))
        return true;
    const sample = text.slice(0, 4_096);
    if (sample.length === 0)
        return false;
    let odd = 0;
    for (const char of sample) {
        const code = char.codePointAt(0);
        if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d))
            odd++;
    }
    return odd * 10 > sample.length;
}
function describeBinary(text) {
    return `[${Buffer.byteLength(text, 'utf8')} bytes of binary data, not shown]`;
}

;// CONCATENATED MODULE: ./lib/base/secrets.js
/**
 * keel's one secrets policy: which values are secret (`collectSecrets`), what a credential looks like
 * (`TOKEN_SHAPES`), how text is cleaned of both before it can reach a log, a table, an issue, a comment, an
 * artifact or a pushed file (`redact`), and how outgoing content is checked (`findSecret`, `findTokenShape`).
 *
 * Failure messages quote what servers said, and servers echo requests back (headers included); command output
 * prints remote URLs and tokens; models repeat what they were shown. Every sink goes through `redact`, so a key
 * can only appear as `[REDACTED]`.
 */

const REDACTED = '[REDACTED]';
/** Shorter values are not treated as secrets: redacting every "a" or "12" would destroy the text, not a key. */
const MIN_SECRET_CHARS = 4;
/**
 * Environment variables that hold credentials of the platform rather than of a model endpoint: the GitHub
 * token as workflows, the CLI and the action's input pass it, and the runner's own tokens.
 */
const PLATFORM_SECRET_ENV = [
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'INPUT_GITHUB-TOKEN',
    'INPUT_GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
/**
 * Every secret value of this process: the endpoints' keys and the coordination server's password (by the
 * names the configuration gives), the platform's tokens, and `extra` (a token passed as an input). Values
 * shorter than `MIN_SECRET_CHARS` and duplicates are dropped. The one list every entry point (run, lane,
 * daemon, action, probe) redacts with.
 */
function collectSecrets(config, env, extra = []) {
    const names = new Set(PLATFORM_SECRET_ENV);
    for (const endpoint of config?.endpoints ?? [])
        if (endpoint.apiKeyEnv)
            names.add(endpoint.apiKeyEnv);
    if (config?.coordination?.passwordEnv)
        names.add(config.coordination.passwordEnv);
    const values = [...[...names].map((name) => env[name]), ...extra];
    return [...new Set(values.filter(isSecretValue))];
}
function isSecretValue(value) {
    return typeof value === 'string' && value.length >= MIN_SECRET_CHARS;
}
// The left guard stops matches inside longer words ("task-…", "ask-…") without needing \b, which would also
// refuse a key glued to "_" or "-". Lengths are below the real formats' so truncated pastes are still caught.
const START = '(?<![A-Za-z0-9])';
function shape(kind, head, body, strict, loose, flags = '') {
    return {
        kind,
        pattern: new RegExp(`${START}${head}${body}{${strict},}`, flags),
        loose: new RegExp(`${START}${head}${body}{${loose},}`, `${flags}g`),
    };
}
/**
 * What credentials look like, whoever's they are (a key pasted in an issue, a token a tool printed). The GitHub
 * forms are case-sensitive in reality; matching them case-insensitively only errs towards catching. GitHub's
 * newer installation tokens (`ghs_<app id>_<JWT>`, from 2026) have dots and underscores after the prefix.
 */
const TOKEN_SHAPES = [
    // OpenAI (sk-…, sk-proj-…, sk-svcacct-…), Anthropic (sk-ant-…) and OpenRouter (sk-or-…) alike.
    shape('an API key (sk-…)', 'sk-', '[A-Za-z0-9_-]', 16, 6),
    shape('a Google API key (AIza…)', 'AIza', '[A-Za-z0-9_-]', 20, 12),
    shape('a GitHub token', 'gh[opsur]_', '[A-Za-z0-9._]', 20, 16, 'i'),
    shape('a GitHub token', 'github_pat_', '[A-Za-z0-9_]', 20, 16, 'i'),
    shape('a Hugging Face token (hf_…)', 'hf_', '[A-Za-z0-9]', 20, 12),
    shape('a Groq API key (gsk_…)', 'gsk_', '[A-Za-z0-9]', 20, 12),
    shape('a Slack token (xox…)', 'xox[abposr]-', '[A-Za-z0-9-]', 10, 10),
    shape('an AWS access key id (AKIA…)', '(?:AKIA|ASIA)', '[A-Z0-9]', 16, 16),
    {
        kind: 'a private key (PEM)',
        pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/,
        loose: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g,
    },
    {
        kind: 'an Authorization header value (Bearer …)',
        pattern: /\bBearer\s+[^\s"']{8,}/i,
        loose: /\bBearer\s+[^\s"',;]{3,}/gi,
    },
];
// `https://user:token@host/…`: git and other tools print remote URLs, sometimes with the credential in them.
// Bounded repetitions keep these linear on long strings.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,32}:\/\/)[^\s/?#@]{1,512}@/gi;
const CREDENTIAL_QUERY = /([?&][^=&#\s]{0,32}(?:key|token|secret|pass|auth|cred)[^=&#\s]{0,32}=)[^&#\s]+/gi;
/** A key cut short at the end of a quoted excerpt is still a leak if the prefix is long enough to matter. */
const MIN_PARTIAL_SECRET = 6;
/** `text` without the given secrets, anything shaped like a credential, and credentials inside URLs. */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length < MIN_SECRET_CHARS)
            continue;
        out = out.replaceAll(secret, REDACTED);
        const escaped = JSON.stringify(secret).slice(1, -1);
        if (escaped !== secret)
            out = out.replaceAll(escaped, REDACTED);
        out = redactTrailingPrefix(out, secret);
    }
    for (const { loose } of TOKEN_SHAPES)
        out = out.replace(loose, REDACTED);
    return out.replace(URL_USERINFO, `$1${REDACTED}@`).replace(CREDENTIAL_QUERY, `$1${REDACTED}`);
}
/**
 * For a fragment cut out of a longer text at both ends (the tail kept of a command's output): besides what
 * `redact` does, a fragment that *starts* with the last characters of a secret (the cut fell mid-key) has that
 * head replaced too.
 */
function redactFragment(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length < MIN_SECRET_CHARS)
            continue;
        out = redactLeadingSuffix(out, secret);
    }
    return redact(out, secrets);
}
function redactLeadingSuffix(text, secret) {
    for (let length = Math.min(secret.length - 1, text.length); length >= MIN_PARTIAL_SECRET; length--) {
        if (text.startsWith(secret.slice(secret.length - length)))
            return REDACTED + text.slice(length);
    }
    return text;
}
/** The text ends with the first characters of the secret (it was cut mid-key): replace that tail. */
function redactTrailingPrefix(text, secret) {
    for (let length = Math.min(secret.length - 1, text.length); length >= MIN_PARTIAL_SECRET; length--) {
        if (text.endsWith(secret.slice(0, length)))
            return text.slice(0, text.length - length) + REDACTED;
    }
    return text;
}
/** The kind of the first credential-shaped text in `text`, or undefined. */
function findTokenShape(text) {
    for (const { kind, pattern } of TOKEN_SHAPES)
        if (pattern.test(text))
            return kind;
    return undefined;
}
/**
 * The index (1-based, into `secrets`) of the first secret found in `content`, raw or as it appears inside a
 * JSON string (quotes and backslashes escaped). Undefined when none is. Reasons built from this say
 * "secret #n", never the value.
 */
function findSecret(content, secrets) {
    for (const [i, secret] of secrets.entries()) {
        if (secret.length < MIN_SECRET_CHARS)
            continue;
        if (content.includes(secret))
            return i + 1;
        const escaped = JSON.stringify(secret).slice(1, -1);
        if (escaped !== secret && content.includes(escaped))
            return i + 1;
    }
    return undefined;
}
/** One line, at most `max` characters: enough to recognise the server's complaint, short enough for a table. */
function excerpt(text, max = 200) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length <= max ? line : `${line.slice(0, max)}…`;
}
/**
 * Redact first, then cut: cutting first could leave part of a key that no longer matches in full. A body that
 * is not text (compressed, an image) is described, never quoted.
 */
function quoteServer(text, secrets, max = 200) {
    if (looksBinary(text))
        return describeBinary(text);
    return excerpt(redact(text, secrets), max);
}


/***/ }),

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
// EXTERNAL MODULE: ./lib/git/git-runner.js + 2 modules
var git_runner = __webpack_require__(28540);
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
            return { runId, kind: 'kept', why: `its worktree stays: ${(0,errors/* errorMessage */.g)(error)}` };
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
