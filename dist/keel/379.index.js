export const id = 379;
export const ids = [379,594];
export const modules = {

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

/***/ 63861:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ Serial),
/* harmony export */   v: () => (/* binding */ forEachLimited)
/* harmony export */ });
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


/***/ }),

/***/ 24159:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DOCTOR_USAGE: () => (/* binding */ DOCTOR_USAGE),
/* harmony export */   doctorCommand: () => (/* binding */ doctorCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _exec_command_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63683);
/* harmony import */ var _git_git_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28540);
/* harmony import */ var _git_push_check_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4151);
/* harmony import */ var _github_api_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82419);
/* harmony import */ var _github_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43077);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57851);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53013);
/**
 * `keel doctor`: every setup mistake keel can see before a run, each with what to do (`github/doctor/`).
 * The GitHub checks run when a token (`GITHUB_TOKEN` or `GH_TOKEN`) and the repository (`GITHUB_REPOSITORY`,
 * or the checkout's `origin` on github.com) are known. Exit 1 when something must be fixed first.
 */








const DOCTOR_USAGE = `usage: keel doctor [--config FILE] [--json]

Checks, each with what to do: the configuration validates; every apiKeyEnv is set; every endpoint answers
and serves the models the roles name; context windows are known; and on GitHub (with GITHUB_TOKEN or
GH_TOKEN, and GITHUB_REPOSITORY or an origin on github.com): issues are on, the keel labels exist, GitHub
Actions may create pull requests, the token can push.

  --config FILE    configuration file (default: .github/keel.yml or keel.yml at the repository root)
  --json           print the findings as JSON
Exit 1 when something must be fixed before a run.
`;
const doctorCommand = async (argv, io) => {
    const { values } = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: {
            config: { type: 'string' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
    }, DOCTOR_USAGE);
    if (values.help) {
        io.stdout(DOCTOR_USAGE);
        return 0;
    }
    const home = (0,_project_dir_js__WEBPACK_IMPORTED_MODULE_6__/* .projectDir */ .t)(io);
    const report = await (0,_github_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__/* .runDoctor */ .j1)({
        ...(values.config !== undefined ? { configPath: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, values.config) } : {}),
        cwd: home,
        env: io.env,
        signal: io.signal,
        ...(await githubChecks(io, home)),
    });
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : (0,_github_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__/* .renderDoctor */ .YI)(report));
    return report.errors > 0 ? 1 : 0;
};
async function githubChecks(io, home) {
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
    if (!token) {
        io.stderr('keel doctor: no GITHUB_TOKEN or GH_TOKEN: the GitHub checks are skipped\n');
        return {};
    }
    const git = (0,_git_git_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .createGit */ .lD)({ runner: (0,_exec_command_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .createCommandRunner */ ._m)() });
    const repository = io.env.GITHUB_REPOSITORY || (await originRepository(git, home));
    if (!repository) {
        io.stderr('keel doctor: no GITHUB_REPOSITORY and no github.com origin: the GitHub checks are skipped\n');
        return {};
    }
    const ctx = await (0,_github_api_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readActionContext */ .wc)({ ...io.env, GITHUB_REPOSITORY: repository, GITHUB_WORKSPACE: home });
    return {
        github: {
            client: (0,_github_api_index_js__WEBPACK_IMPORTED_MODULE_3__/* .createOctokit */ .Qi)({ token, baseUrl: ctx.apiUrl }),
            ctx,
            pushCheck: () => (0,_git_push_check_js__WEBPACK_IMPORTED_MODULE_7__/* .pushRefusal */ .J)(git, home),
        },
    };
}
/** `owner/name` of an `origin` on github.com (https or ssh), if that is what the checkout has. */
async function originRepository(git, cwd) {
    const result = await git.run(['remote', 'get-url', 'origin'], { cwd, allowFailure: true });
    const match = /github\.com[:/]([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(result.stdout.text.trim());
    return match?.[1];
}


/***/ }),

/***/ 25117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ probeAll)
/* harmony export */ });
/* unused harmony export displayUrl */
/* harmony import */ var _probe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62134);
/* harmony import */ var _setup_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64052);


async function probeAll(config, io, deps, capabilities) {
    const wanted = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .modelsByEndpoint */ .lj)(config);
    const probeDeps = {
        timeoutMs: config.policy.probe.timeoutMs,
        env: io.env,
        signal: io.signal,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.clock ? { clock: deps.clock } : {}),
    };
    return Promise.all(config.endpoints.map(async (endpoint) => {
        const base = { id: endpoint.id, kind: endpoint.kind, url: displayUrl(endpoint.url) };
        if ((0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .shouldSkipEndpoint */ .uU)(endpoint, io.env.RUNNER_ENVIRONMENT)) {
            return {
                ...base,
                status: 'skipped',
                skipReason: 'github-hosted runner',
                models: [],
                contextWindows: {},
            };
        }
        const [probe, scan] = await Promise.all([
            (0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .probeHealth */ .v_)(endpoint, probeDeps),
            capabilities ? (0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .scanCapabilities */ .ce)(endpoint, probeDeps) : undefined,
        ]);
        return withWarnings(toRow(base, endpoint, probe, scan), endpoint, wanted, io.env);
    }));
}
/**
 * A key variable that is not set, and configured models the endpoint does not list, make an answering
 * endpoint `misconfigured` rather than healthy: a run would 401, or 404 on the model and fall back to the
 * next tier (often the paid one) without a word.
 */
function withWarnings(row, endpoint, wanted, env) {
    const warnings = [];
    const key = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .missingKey */ .aV)(endpoint, env);
    if (key !== undefined)
        warnings.push(`${key} is not set: requests would be refused`);
    const unknown = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .unknownModels */ .pP)((wanted.get(endpoint.id) ?? new Map()).keys(), row.models);
    for (const model of unknown) {
        const hint = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .closestModel */ .rN)(model, row.models);
        warnings.push(`no model "${model}" here${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    if (warnings.length === 0)
        return row;
    return { ...row, warnings, ...(row.status === 'healthy' ? { status: 'misconfigured' } : {}) };
}
function toRow(base, endpoint, probe, scan) {
    const models = probe.models.length > 0 ? probe.models : (scan?.models ?? []);
    const row = {
        ...base,
        status: probe.healthy ? 'healthy' : 'unhealthy',
        latencyMs: probe.latencyMs,
        models,
        contextWindows: {},
    };
    if (endpoint.contextWindow !== undefined) {
        row.contextWindowSource = 'config';
        row.configuredWindow = endpoint.contextWindow;
        for (const model of models)
            row.contextWindows[model] = endpoint.contextWindow;
    }
    else if (scan) {
        row.contextWindows = { ...scan.contextWindows };
        if (scan.serverWindow !== undefined) {
            for (const model of models)
                row.contextWindows[model] ??= scan.serverWindow;
        }
        if (Object.keys(row.contextWindows).length > 0)
            row.contextWindowSource = 'discovered';
    }
    if (scan)
        row.flavor = scan.flavor;
    if (scan?.serverSlots !== undefined)
        row.serverSlots = scan.serverSlots;
    if (scan?.loadedModels !== undefined)
        row.loadedModels = scan.loadedModels;
    // A configured window makes the conservative-cap note moot; router-mode notes stay.
    const notes = (scan?.notes ?? []).filter((note) => endpoint.contextWindow === undefined || !/assuming/.test(note));
    if (notes.length > 0)
        row.notes = notes;
    const error = probe.error ?? scan?.error;
    if (error !== undefined)
        row.error = error;
    return row;
}
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
        }
        return parsed.toString().replace(/\/$/, '');
    }
    catch {
        return url;
    }
}


/***/ }),

/***/ 64052:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aV: () => (/* binding */ missingKey),
/* harmony export */   d6: () => (/* binding */ fleetFindings),
/* harmony export */   lj: () => (/* binding */ modelsByEndpoint),
/* harmony export */   pP: () => (/* binding */ unknownModels),
/* harmony export */   rN: () => (/* binding */ closestModel)
/* harmony export */ });
/** The models each endpoint is asked for, by any role, with the roles that ask. */
function modelsByEndpoint(config) {
    const byEndpoint = new Map();
    for (const [role, chain] of Object.entries(config.roles)) {
        for (const tier of chain ?? []) {
            for (const candidate of tier) {
                const models = byEndpoint.get(candidate.endpointId) ?? new Map();
                const roles = models.get(candidate.model) ?? [];
                if (!roles.includes(role))
                    roles.push(role);
                models.set(candidate.model, roles);
                byEndpoint.set(candidate.endpointId, models);
            }
        }
    }
    return byEndpoint;
}
/** The variable an endpoint's key should be in, when it is empty or unset. */
function missingKey(endpoint, env) {
    if (endpoint.apiKeyEnv === undefined)
        return undefined;
    return (env[endpoint.apiKeyEnv] ?? '').trim() === '' ? endpoint.apiKeyEnv : undefined;
}
/**
 * The configured models an endpoint does not list. Ollama lists `name:tag` and serves `name` as
 * `name:latest`, so either spelling of the latest tag counts. An endpoint that listed nothing tells
 * nothing: no model is called unknown then.
 */
function unknownModels(wanted, served) {
    if (served.length === 0)
        return [];
    const known = new Set(served);
    const latest = (name) => (name.includes(':') ? name : `${name}:latest`);
    for (const name of served)
        if (name.endsWith(':latest'))
            known.add(name.slice(0, -':latest'.length));
    return [...wanted].filter((model) => !known.has(model) && !known.has(latest(model)));
}
/** The served model closest to a misspelled one (same base name, or the fewest edits), as a hint. */
function closestModel(model, served) {
    let best;
    for (const name of served) {
        const distance = editDistance(model.toLowerCase(), name.toLowerCase());
        if (best === undefined || distance < best.distance)
            best = { name, distance };
    }
    return best && best.distance <= Math.max(3, Math.floor(model.length / 3)) ? best.name : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** Every finding about the fleet: keys, reachability, models, context windows. */
function fleetFindings(config, env, probed) {
    const findings = [];
    const wanted = modelsByEndpoint(config);
    for (const endpoint of config.endpoints) {
        const subject = `endpoint ${endpoint.id}`;
        const row = probed.find((p) => p.id === endpoint.id);
        const key = missingKey(endpoint, env);
        if (key !== undefined) {
            findings.push({
                level: 'error',
                subject,
                message: `${key} is not set: every request to ${endpoint.id} would be refused`,
                fix: `add the key as a secret and pass it in the step's env (${key}: \${{ secrets.${key} }}), or export it`,
            });
        }
        if (row === undefined)
            continue;
        if (row.status === 'skipped') {
            findings.push({
                level: 'ok',
                subject,
                message: `not probed here (${row.skipReason ?? 'placement'}): a local endpoint on a GitHub-hosted runner`,
            });
            continue;
        }
        if (row.status === 'unhealthy') {
            findings.push({
                level: 'warning',
                subject,
                message: `unreachable now: ${row.error ?? 'no answer'}`,
                fix: 'check the URL (it ends in /v1), that the server runs, and that this machine reaches it',
            });
            continue;
        }
        const models = wanted.get(endpoint.id) ?? new Map();
        for (const model of unknownModels(models.keys(), row.models)) {
            const hint = closestModel(model, row.models);
            findings.push({
                level: 'error',
                subject,
                message: `serves no model "${model}" (asked for by ${models.get(model).join(', ')}); it serves ${brief(row.models)}`,
                fix: hint
                    ? `did you mean "${hint}"? fix roles in the configuration, or load the model on the server`
                    : 'fix the model name in roles, or load the model on the server (e.g. `ollama pull NAME`)',
            });
        }
        if (endpoint.contextWindow === undefined) {
            const unknown = [...models.keys()].filter((model) => row.contextWindows[model] === undefined);
            if (unknown.length > 0 && Object.keys(row.contextWindows).length === 0) {
                findings.push({
                    level: 'warning',
                    subject,
                    message: `the server reports no context window for ${unknown.join(', ')}: keel assumes a conservative 4096`,
                    fix: 'set contextWindow on the endpoint to the window the server actually runs',
                });
            }
        }
        if (!findings.some((f) => f.subject === subject && f.level !== 'ok'))
            findings.push({
                level: 'ok',
                subject,
                message: `reachable; serves ${[...models.keys()].join(', ') || 'no configured model'}`,
            });
    }
    return findings;
}
function brief(models) {
    return models.length > 6
        ? `${models.slice(0, 6).join(', ')} and ${models.length - 6} more`
        : models.join(', ');
}


/***/ }),

/***/ 4151:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ pushRefusal)
/* harmony export */ });
async function pushRefusal(git, repoRoot, remote = 'origin') {
    const result = await git.run(['push', '--dry-run', '--porcelain', '--no-verify', remote, 'HEAD:refs/heads/keel/doctor-push-check'], { cwd: repoRoot, allowFailure: true, timeoutMs: 30_000 });
    if (result.exitCode === 0)
        return undefined;
    const said = `${result.stderr.text}\n${result.stdout.text}`
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('To '));
    return (said[0] ?? `git push --dry-run exited ${result.exitCode}`).slice(0, 300);
}


/***/ }),

/***/ 43077:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tJ: () => (/* binding */ doctorMarkdown),
  YI: () => (/* binding */ renderDoctor),
  j1: () => (/* binding */ runDoctor)
});

// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/fleet/probe-report.js
var probe_report = __webpack_require__(25117);
// EXTERNAL MODULE: ./lib/fleet/setup-findings.js
var setup_findings = __webpack_require__(64052);
// EXTERNAL MODULE: ./lib/github/effects/index.js + 10 modules
var effects = __webpack_require__(94492);
;// CONCATENATED MODULE: ./lib/github/doctor/github-checks.js

const PR_SETTING = 'Settings › Actions › General › Workflow permissions › "Allow GitHub Actions to create and approve pull requests" (and the organisation\'s, which can forbid it)';
/** Labels people use: the schedule's queue, and pausing. keel creates its other labels itself. */
const HUMAN_LABELS = ['keel', 'keel:paused'];
async function githubFindings(o) {
    const repo = { owner: o.ctx.owner, repo: o.ctx.repo };
    const findings = [];
    const where = `${repo.owner}/${repo.repo}`;
    try {
        const { data } = await o.client.rest.repos.get(repo);
        findings.push(data.has_issues === false
            ? {
                level: 'error',
                subject: 'issues',
                message: `issues are turned off in ${where}: the schedule's queue, recovery and follow-up issues live there`,
                fix: 'Settings › General › Features › Issues',
            }
            : { level: 'ok', subject: 'repository', message: `${where} is readable with this token` });
    }
    catch (error) {
        findings.push({
            level: 'error',
            subject: 'repository',
            message: `cannot read ${where} (${(0,effects/* statusOf */.c2)(error) ?? 'no answer'}): ${(0,effects/* githubMessage */.hg)(error)}`,
            fix: 'check GITHUB_REPOSITORY and the token (github-token)',
        });
        return findings;
    }
    try {
        const names = new Set();
        for await (const page of o.client.paginate.iterator(o.client.rest.issues.listLabelsForRepo, {
            ...repo,
            per_page: 100,
        })) {
            for (const label of page.data)
                names.add(label.name.toLowerCase());
        }
        const missing = HUMAN_LABELS.filter((name) => !names.has(name));
        findings.push(missing.length === 0
            ? { level: 'ok', subject: 'labels', message: `${HUMAN_LABELS.join(', ')} exist` }
            : {
                level: 'warning',
                subject: 'labels',
                message: `missing: ${missing.join(', ')} (label an issue keel to queue it for the schedule)`,
                fix: missing.map((name) => `gh label create ${name}`).join('; ') + ' (or `keel init --labels`)',
            });
    }
    catch (error) {
        findings.push({
            level: 'warning',
            subject: 'labels',
            message: `cannot list labels: ${(0,effects/* githubMessage */.hg)(error)}`,
        });
    }
    findings.push(await pullRequestSetting(o.client, repo));
    if (o.pushCheck) {
        const refused = await o.pushCheck();
        findings.push(refused === undefined
            ? { level: 'ok', subject: 'push', message: 'the token can push (a dry run was accepted)' }
            : {
                level: 'error',
                subject: 'push',
                message: `the token cannot push: ${refused}`,
                fix: 'give the job `permissions: contents: write`, or pass a PAT / app token as github-token',
            });
    }
    if (o.actionNode !== undefined) {
        findings.push({
            level: 'ok',
            subject: 'runner',
            message: `runs node24 actions (this step runs on Node ${o.actionNode})`,
        });
    }
    return findings;
}
async function pullRequestSetting(client, repo) {
    try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/actions/permissions/workflow', repo);
        const allowed = data.can_approve_pull_request_reviews;
        if (allowed === false)
            return {
                level: 'error',
                subject: 'pull requests',
                message: 'GitHub Actions may not create pull requests in this repository: every run would end at publish with a 403',
                fix: `turn on ${PR_SETTING}, or pass a PAT / app token as github-token`,
            };
        return { level: 'ok', subject: 'pull requests', message: 'GitHub Actions may create pull requests' };
    }
    catch (error) {
        return {
            level: 'warning',
            subject: 'pull requests',
            message: `cannot read whether GitHub Actions may create pull requests (${(0,effects/* statusOf */.c2)(error) ?? 'no answer'}: that needs admin rights)`,
            fix: `make sure ${PR_SETTING} is on, or pass a PAT / app token as github-token`,
        };
    }
}

;// CONCATENATED MODULE: ./lib/github/doctor/doctor.js
/**
 * `keel doctor` (the CLI, and the Action's `doctor: true` for a first workflow run): every setup mistake keel
 * can see before a run starts, each with what to do — the configuration validates, every key variable is set,
 * every configured model exists on its endpoint, context windows are known, and (given a token and a
 * repository) the GitHub side: labels, issues, the pull-request setting, pushing, the runner.
 */





async function runDoctor(o) {
    const findings = [];
    let config;
    try {
        config = await (0,load/* loadConfig */.Z9)(o.configPath, { cwd: o.cwd });
        findings.push({ level: 'ok', subject: 'configuration', message: 'valid' });
    }
    catch (error) {
        findings.push({
            level: 'error',
            subject: 'configuration',
            message: (0,errors/* errorMessage */.g)(error),
            fix: '`keel init` writes one; `keel schema` prints its JSON Schema; examples/keel.yml spells out every key',
        });
    }
    if (config) {
        const rows = await (0,probe_report/* probeAll */.m)(config, { env: o.env, signal: o.signal }, o.probe ?? {}, true);
        findings.push(...(0,setup_findings/* fleetFindings */.d6)(config, o.env, rows));
    }
    if (o.github)
        findings.push(...(await githubFindings(o.github)));
    return {
        findings,
        errors: findings.filter((f) => f.level === 'error').length,
        warnings: findings.filter((f) => f.level === 'warning').length,
    };
}
const MARK = { ok: '✔', warning: '!', error: '✘' };
/** One line per finding, and its fix indented under it. */
function renderDoctor(report) {
    const lines = report.findings.flatMap((f) => [
        `${MARK[f.level]} ${f.subject}: ${f.message}`,
        ...(f.fix && f.level !== 'ok' ? [`    → ${f.fix}`] : []),
    ]);
    const verdict = report.errors > 0
        ? `${report.errors} problem(s) to fix before a run${report.warnings > 0 ? `, ${report.warnings} warning(s)` : ''}`
        : report.warnings > 0
            ? `ready, with ${report.warnings} warning(s)`
            : 'ready';
    return `${lines.join('\n')}\n\nkeel doctor: ${verdict}\n`;
}
/** The same as a Markdown table for the job summary. */
function doctorMarkdown(report) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return [
        '### keel doctor',
        '',
        '| | what | finding | to do |',
        '| --- | --- | --- | --- |',
        ...report.findings.map((f) => `| ${MARK[f.level]} | ${cell(f.subject)} | ${cell(f.message)} | ${f.level === 'ok' ? '' : cell(f.fix ?? '')} |`),
        '',
    ].join('\n');
}


/***/ })

};
