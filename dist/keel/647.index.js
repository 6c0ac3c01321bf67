export const id = 647;
export const ids = [647,442];
export const modules = {

/***/ 56442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: usage

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(18908);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./lib/cli/version.js
/**
 * keel's version, from its own package.json: found by walking up from this module, which works the same
 * from the sources (`src/cli/`), the built library (`lib/cli/`), the bundle (`dist/…`) and an installed
 * package — whatever depth the bundler leaves it at. ncc writes a `package.json` of its own next to each
 * bundle (`{"type":"module"}`), so the first one named `keel` is the one.
 */



const PACKAGE_NAME = 'keel';
function keelVersion(from = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = (0,external_node_path_.dirname)(dir)) {
        const found = readPackage((0,external_node_path_.join)(dir, 'package.json'));
        if (found?.name === PACKAGE_NAME && typeof found.version === 'string')
            return found.version;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return 'unknown';
    }
}
function readPackage(path) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/cli/index.js
/**
 * The `keel` command table. Commands are imported lazily so that `keel run --resume` does not pay for
 * loading the simulator, and so on.
 */


const COMMANDS = {
    probe: {
        summary: 'probe every endpoint: health, models, context windows (--json)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(305)]).then(__webpack_require__.bind(__webpack_require__, 74305))).probeCommand,
    },
    run: {
        summary: 'run a task through planner → coder → reviewer: keel run --task TEXT | --resume [RUN_ID]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(755)]).then(__webpack_require__.bind(__webpack_require__, 67755))).runCommand,
    },
    init: {
        summary: 'set keel up in this repository: .github/keel.yml from the endpoints found, the workflow, next steps',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(644), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(492), __webpack_require__.e(997)]).then(__webpack_require__.bind(__webpack_require__, 58408))).initCommand,
    },
    doctor: {
        summary: 'check the setup before a first run: config, keys, models, labels, permissions (exit 1 on problems)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(644), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(283), __webpack_require__.e(492), __webpack_require__.e(379)]).then(__webpack_require__.bind(__webpack_require__, 24159))).doctorCommand,
    },
    ask: {
        summary: 'send one routed request: keel ask --role R --prompt TEXT',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(443)]).then(__webpack_require__.bind(__webpack_require__, 85443))).askCommand,
    },
    status: {
        summary: 'print the failover status table (role → chain → state)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(194), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 90382))).statusCommand,
    },
    sim: {
        summary: 'run the fault-injecting fleet simulator: keel sim --endpoint NAME=PORT[:MODE[:LATENCY_MS]] …',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(947), __webpack_require__.e(185)]).then(__webpack_require__.bind(__webpack_require__, 55745))).simCommand,
    },
    schema: {
        summary: 'print the JSON Schema of the configuration file',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(747)]).then(__webpack_require__.bind(__webpack_require__, 94747))).schemaCommand,
    },
    demo: {
        summary: 'the end-to-end demonstration on the embedded simulated fleet',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(194), __webpack_require__.e(124), __webpack_require__.e(947), __webpack_require__.e(789)]).then(__webpack_require__.bind(__webpack_require__, 53770))).demoCommand,
    },
    lane: {
        summary: 'drain a task queue through the engine: keel lane --queue-file F --queue-state-file S [--persistent]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(644), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(492), __webpack_require__.e(581), __webpack_require__.e(239)]).then(__webpack_require__.bind(__webpack_require__, 6239))).laneCommand,
    },
    guard: {
        summary: 'the idle guard: start idle lanes that have queued work: keel guard once|loop [--lanes FILE]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(423), __webpack_require__.e(655)]).then(__webpack_require__.bind(__webpack_require__, 50655))).guardCommand,
    },
    gc: {
        summary: 'prune old finished runs: worktrees, merged work branches, run directories (--older-than 14d)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(329), __webpack_require__.e(283), __webpack_require__.e(609), __webpack_require__.e(129)]).then(__webpack_require__.bind(__webpack_require__, 96129))).gcCommand,
    },
    daemon: {
        summary: 'supervise the lanes (and the guard) as restarted child processes: keel daemon --lanes FILE',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(939)]).then(__webpack_require__.bind(__webpack_require__, 55939))).daemonCommand,
    },
};
function usage() {
    const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
    const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
    return (`usage: keel <command> [options]\n       keel --version\n\ncommands:\n${lines.join('\n')}\n\n` +
        `Every command takes --help. Run inside a repository (any folder of it): the configuration and .keel/\n` +
        `are found at its root.\n`);
}
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(usage());
        return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V' || name === 'version') {
        io.stdout(`keel ${keelVersion()}\n`);
        return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) {
        io.stderr(`keel: unknown command "${name}"\n\n${usage()}`);
        return 2;
    }
    const command = await entry.load();
    try {
        return await command(rest, io);
    }
    catch (error) {
        if (error instanceof cli_io/* UsageError */.e) {
            io.stderr(`keel ${name}: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
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


/***/ }),

/***/ 71647:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./lib/base/workflow-commands.js
var workflow_commands = __webpack_require__(763);
;// CONCATENATED MODULE: ./lib/action/action-io.js
/**
 * The Action's side of the runner, behind one small interface: inputs, outputs, saved state for `post`,
 * logs, annotations, the job summary. `actionsIO()` is the real one over @actions/core; tests pass fakes.
 */


function actionsIO() {
    return {
        input: (name) => core/* getInput */.V4(name),
        setOutput: (name, value) => core/* setOutput */.uH(name, value),
        saveState: (name, value) => core/* saveState */.LZ(name, value),
        getState: (name) => core/* getState */.Gu(name),
        setSecret: (value) => core/* setSecret */.Pq(value),
        // Log lines carry untrusted text (answers, issue titles): no workflow command may start in them.
        info: (text) => core/* info */.pq((0,workflow_commands/* neutralizeWorkflowCommands */.t)(text)),
        annotate: ({ level, title, message }) => {
            const properties = { title };
            if (level === 'error')
                core/* error */.z3(message, properties);
            else if (level === 'warning')
                core/* warning */.$e(message, properties);
            else
                core/* notice */.lm(message, properties);
        },
        group: (title, body) => core/* group */.Os(title, body),
        summary: async (markdown) => {
            await core/* summary */.z.addRaw(markdown, true).write();
        },
    };
}

// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
;// CONCATENATED MODULE: ./lib/action/entry.js
/**
 * What both Action entry points share: signals become an AbortSignal (GitHub sends SIGINT on cancel,
 * SIGTERM 7.5 s later, SIGKILL 2.5 s after that), expected errors fail the step with their message alone,
 * the exit code is set rather than `process.exit` called, so pending writes finish.
 */


async function runEntry(body) {
    const controller = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => controller.abort(new Error(`received ${signal}`)));
    }
    try {
        process.exitCode = await body(controller.signal);
    }
    catch (error) {
        core/* setFailed */.C1((0,errors.formatFatal)(error)
            .replace(/^keel: /, '')
            .trim());
        process.exitCode = 1;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/agents/coder.js + 1 modules
var coder = __webpack_require__(37436);
// EXTERNAL MODULE: ./lib/fleet/router.js + 17 modules
var fleet_router = __webpack_require__(82466);
// EXTERNAL MODULE: ./lib/git/workspace.js + 4 modules
var workspace = __webpack_require__(9491);
// EXTERNAL MODULE: ./lib/run/external-code.js
var external_code = __webpack_require__(28998);
// EXTERNAL MODULE: ./lib/github/triggers/index.js + 7 modules
var triggers = __webpack_require__(51714);
// EXTERNAL MODULE: ./lib/run/start-run.js + 17 modules
var start_run = __webpack_require__(16852);
// EXTERNAL MODULE: ./lib/run/state-store.js
var state_store = __webpack_require__(61472);
// EXTERNAL MODULE: ./lib/run/steps/code-one.js + 10 modules
var code_one = __webpack_require__(93723);
// EXTERNAL MODULE: ./lib/durable/run-copies.js
var run_copies = __webpack_require__(42210);
// EXTERNAL MODULE: ./lib/fleet/fleet-state.js
var fleet_state = __webpack_require__(29676);
// EXTERNAL MODULE: ./lib/fleet/status.js
var fleet_status = __webpack_require__(90664);
// EXTERNAL MODULE: ./lib/run/summary.js
var summary = __webpack_require__(69053);
;// CONCATENATED MODULE: ./lib/github/summary/summary-markdown.js
/**
 * Markdown building blocks for the job summary. Task text, step errors, model names and links can come
 * from untrusted hands (an issue comment became the task; a server's error became a step error), so
 * everything put in a table cell or a line is escaped: a `|` would split the row, a backtick would open
 * a code span that swallows the table, `<` could open HTML that hides the rest of the summary.
 */
/** GitHub refuses step summaries over 1 MiB; keep well under it. */
const MAX_SUMMARY_BYTES = 1_000_000;
/** Inline text: one line, HTML-escaped, at most `max` characters (cut with `…`). */
function inline(text, max = 300) {
    const line = text.replace(/\s+/g, ' ').trim();
    const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
    return cut.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
/** A table cell: inline text with backslashes, pipes and backticks escaped. */
function cell(text, max = 200) {
    return inline(text, max).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('`', '\\`');
}
/** Text as a code span in a table cell, for identifiers: any backtick or pipe makes it a plain cell. */
function codeCell(text, max = 120) {
    const line = text.replace(/\s+/g, ' ').trim();
    if (line.length === 0)
        return '';
    return /[`|\\<>&]/.test(line) || line.length > max ? cell(line, max) : `\`${line}\``;
}
function table(header, rows) {
    return [
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.join(' | ')} |`),
    ];
}
/** The first `max` items as rows, and a last row saying how many were left out. */
function capRows(items, max, row, columns) {
    const rows = items.slice(0, max).map(row);
    if (items.length > max) {
        rows.push([`… ${items.length - max} more`, ...Array.from({ length: columns - 1 }, () => '')]);
    }
    return rows;
}
/**
 * A link, or the plain (escaped) text when the URL is not http(s): a summary never links `javascript:`
 * or a relative path. Parentheses and spaces are percent-encoded so the URL cannot end the link early.
 */
function summary_markdown_link(label, url) {
    if (!/^https?:\/\/[^\s]+$/i.test(url))
        return inline(url.length > 0 ? url : label);
    const safe = url.replace(/[()<>[\]\s"'`|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${inline(label, 200).replace(/[[\]]/g, '\\$&')}](${safe})`;
}
/**
 * `markdown` cut at a line boundary to fit `maxBytes` (UTF-8), a code fence left open closed, and a
 * note saying so. Sections cap their own rows; this is the backstop.
 */
function capBytes(markdown, maxBytes = MAX_SUMMARY_BYTES) {
    if (Buffer.byteLength(markdown, 'utf8') <= maxBytes)
        return markdown;
    const note = '\n\n… (summary truncated: GitHub limits a job summary to 1 MiB)\n';
    const budget = maxBytes - Buffer.byteLength(note, 'utf8') - 8;
    const kept = [];
    let bytes = 0;
    let fenced = false;
    for (const line of markdown.split('\n')) {
        const size = Buffer.byteLength(line, 'utf8') + 1;
        if (bytes + size > budget)
            break;
        kept.push(line);
        bytes += size;
        if (/^\s{0,3}(```|~~~)/.test(line))
            fenced = !fenced;
    }
    if (fenced)
        kept.push('```');
    return `${kept.join('\n')}${note}`;
}

;// CONCATENATED MODULE: ./lib/github/summary/summary-mermaid.js
/** More subtask nodes than this and the chart stops being readable; the rest become one node. */
const MAX_DIAGRAM_SUBTASKS = 24;
const CLASS_DEFS = {
    done: 'fill:#d4edda,stroke:#28a745,color:#155724',
    failed: 'fill:#f8d7da,stroke:#dc3545,color:#721c24',
    degraded: 'fill:#fff3cd,stroke:#e0a800,color:#856404',
    pending: 'fill:#e2e3e5,stroke:#6c757d,color:#383d41',
    running: 'fill:#cce5ff,stroke:#007bff,color:#004085',
    skipped: 'fill:#f8f9fa,stroke:#adb5bd,color:#6c757d,stroke-dasharray:4 3',
};
function classOf(step) {
    if (!step)
        return 'pending';
    if (step.degraded === true && step.status !== 'failed')
        return 'degraded';
    return step.status;
}
/** Mermaid label text: one line, quotes, `#`, angle brackets and backticks as entity codes. */
function mermaidText(text, max = 60) {
    const line = text.replace(/\s+/g, ' ').trim();
    const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
    return cut
        .replaceAll('#', '#35;')
        .replaceAll('"', '#quot;')
        .replaceAll('<', '#lt;')
        .replaceAll('>', '#gt;')
        .replaceAll('`', '#96;');
}
function stepNode(id, name, step) {
    const cls = classOf(step);
    return { id, label: `${name} (${cls})`, cls };
}
/** The fenced ```mermaid block, or '' for a run with no steps at all. */
function renderRunFlowchart(state) {
    const steps = Object.values(state.steps);
    if (steps.length === 0)
        return '';
    const code = steps.filter((s) => s.id.startsWith('code:'));
    const shown = code.slice(0, MAX_DIAGRAM_SUBTASKS);
    const hidden = code.slice(MAX_DIAGRAM_SUBTASKS);
    const plan = stepNode('plan', 'plan', state.steps.plan);
    const codeNodes = shown.map((s, i) => stepNode(`code${i}`, s.id, s));
    if (hidden.length > 0) {
        const failed = hidden.filter((s) => s.status === 'failed').length;
        const done = hidden.filter((s) => s.status === 'done').length;
        codeNodes.push({
            id: 'codeMore',
            label: `… ${hidden.length} more subtasks: ${done} done, ${failed} failed`,
            cls: failed > 0 ? 'failed' : done === hidden.length ? 'done' : 'pending',
        });
    }
    if (codeNodes.length === 0)
        codeNodes.push({ id: 'code', label: 'code (not planned yet)', cls: 'pending' });
    const tail = [
        stepNode('validate', 'validate', state.steps.validate),
        stepNode('review', 'review', state.steps.review),
        stepNode('publish', 'publish', state.steps.publish),
    ];
    const lines = ['```mermaid', 'flowchart LR'];
    for (const node of [plan, ...codeNodes, ...tail]) {
        lines.push(`  ${node.id}["${mermaidText(node.label)}"]:::st_${node.cls}`);
    }
    for (const node of codeNodes)
        lines.push(`  ${plan.id} --> ${node.id}`);
    for (const node of codeNodes)
        lines.push(`  ${node.id} --> ${tail[0].id}`);
    lines.push(`  ${tail[0].id} --> ${tail[1].id}`, `  ${tail[1].id} --> ${tail[2].id}`);
    for (const [name, style] of Object.entries(CLASS_DEFS))
        lines.push(`  classDef st_${name} ${style}`);
    lines.push('```');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./lib/github/summary/summary.js




const MAX_STEP_ROWS = 200;
const MAX_FLEET_ROWS = 100;
const MAX_ENDPOINT_ROWS = 100;
const MAX_ISSUE_LINKS = 50;
/** GitHub shows at most 10 annotations of each level per step. */
const MAX_ANNOTATIONS_PER_LEVEL = 10;
const STATUS_BADGE = {
    completed: '✅ completed',
    partial: '🟡 partial',
    degraded: '⚠️ degraded',
    interrupted: '⏸️ interrupted',
    failed: '❌ failed',
    running: '🔄 running',
};
function renderJobSummary(input) {
    const { state, links } = input;
    const lines = [`## keel run ${codeCell(state.runId)} — ${STATUS_BADGE[state.status]}`, ''];
    lines.push(`> **Task:** ${inline(firstLine(state.task.text), 300)}`, '');
    if (state.interruption) {
        lines.push(`**Stopped:** ${inline(state.interruption.reason, 300)}. Nothing committed on the work branch is lost; ` +
            `${links.recoveryIssue ? `see ${summary_markdown_link('the recovery issue', links.recoveryIssue)} to resume` : 'resume with `resume: true`'}.`, '');
    }
    lines.push(...overview(state), '');
    const chart = renderRunFlowchart(state);
    if (chart)
        lines.push(chart, '');
    lines.push('### Steps', '', ...stepsTable(Object.values(state.steps)), '');
    lines.push('### Failover status', '', ...fleetTable(input.fleet), '');
    lines.push('### Attempts per endpoint', '', ...attemptsTable(attemptCounts(input)), '');
    lines.push('### Links', '', ...linkList(links), '');
    return capBytes(lines.join('\n'));
}
function overview(state) {
    const code = (0,summary/* codeSteps */.hz)(state);
    const done = code.filter((s) => s.status === 'done').length;
    const failed = code.filter((s) => s.status === 'failed').length;
    const parts = [
        `Subtasks committed: **${done} of ${code.length}** (${Math.round((0,summary/* successRateOf */.Py)(state) * 100)} %)`,
    ];
    if (failed > 0)
        parts.push(`${failed} failed`);
    // A failed step that was also degraded counts once, as failed.
    const degraded = Object.values(state.steps).filter((s) => s.degraded === true && s.status !== 'failed').length;
    if (degraded > 0)
        parts.push(`${degraded} degraded step${degraded === 1 ? '' : 's'}`);
    if (state.batches.length > 0)
        parts.push(`${state.batches.length} batch attempt(s)`);
    if (state.resumes > 0)
        parts.push(`resumed ${state.resumes}×`);
    const lines = [parts.join(' · ')];
    const review = state.steps.review?.result;
    if (review && typeof review.approved === 'boolean') {
        lines.push('', `Review: ${review.approved ? 'approved' : 'not approved'}` +
            `${review.degraded === true ? ' — no reviewer model answered; a human must review' : ''}` +
            `${typeof review.codeQuality === 'number' ? ` (quality ${review.codeQuality})` : ''}.`);
    }
    return lines;
}
function stepsTable(steps) {
    if (steps.length === 0)
        return ['No steps yet.'];
    return table(['step', 'state', 'model', 'attempts', 'commit', 'note'], capRows(steps, MAX_STEP_ROWS, (s) => [
        codeCell(s.id),
        `${s.status}${s.degraded === true ? ' (degraded)' : ''}`,
        cell(s.model ?? ''),
        String(s.attempts),
        s.commit ? codeCell(s.commit.slice(0, 8)) : '',
        cell(s.error ?? '', 160),
    ], 6));
}
function fleetTable(rows) {
    if (rows.length === 0)
        return ['No endpoints configured.'];
    return table(['role', 'tier', 'candidate', 'state', 'kind', 'health', 'in flight'], capRows(rows, MAX_FLEET_ROWS, (row) => [
        cell(row.role),
        String(row.tier),
        codeCell(row.key),
        cell((0,fleet_status/* describeState */.Jw)(row) + (row.reason ? ` — ${row.reason}` : '')),
        cell(row.kind),
        cell(row.health),
        `${row.inflight}/${row.maxParallel} (peak ${row.peakInflight})`,
    ], 7));
}
function attemptsTable(counts) {
    if (!counts)
        return ['No attempt counts recorded.'];
    const endpoints = new Set([...Object.keys(counts.attempts), ...Object.keys(counts.failures)]);
    const rows = [...endpoints].map((endpoint) => {
        // Every failure is also an attempt; counts from disk that disagree never show a negative `ok`.
        const failed = count(counts.failures[endpoint]);
        const attempts = Math.max(count(counts.attempts[endpoint]), failed);
        const latency = counts.latency?.[endpoint];
        const avgMs = latency && latency.count > 0 ? Math.round(latency.sumMs / latency.count) : undefined;
        return { endpoint, attempts, failed, avgMs };
    });
    if (rows.length === 0)
        return ['No model calls were made.'];
    rows.sort((a, b) => b.attempts - a.attempts || a.endpoint.localeCompare(b.endpoint));
    return table(['endpoint', 'attempts', 'ok', 'failed', 'avg latency'], capRows(rows, MAX_ENDPOINT_ROWS, (r) => [
        codeCell(r.endpoint),
        String(r.attempts),
        String(r.attempts - r.failed),
        String(r.failed),
        r.avgMs === undefined ? '' : `${r.avgMs} ms`,
    ], 5));
}
function linkList(links) {
    const lines = [`- Workflow run: ${summary_markdown_link('this run', links.run)}`];
    if (links.pullRequest)
        lines.push(`- Pull request: ${summary_markdown_link(links.pullRequest, links.pullRequest)}`);
    if (links.recoveryIssue)
        lines.push(`- Recovery issue: ${summary_markdown_link(links.recoveryIssue, links.recoveryIssue)}`);
    const issues = links.issues.slice(0, MAX_ISSUE_LINKS);
    for (const issue of issues)
        lines.push(`- Follow-up issue: ${summary_markdown_link(issue, issue)}`);
    if (links.issues.length > issues.length)
        lines.push(`- … ${links.issues.length - issues.length} more issues`);
    return lines;
}
/** The counts to show: `attempts` as given, else the metrics if they have the shape. */
function attemptCounts(input) {
    if (input.attempts)
        return input.attempts;
    const metrics = input.metrics;
    if (!metrics || typeof metrics !== 'object' || !isCountMap(metrics.attempts))
        return undefined;
    return {
        attempts: metrics.attempts,
        failures: isCountMap(metrics.failures) ? metrics.failures : {},
        ...(isLatencyMap(metrics.latency) ? { latency: metrics.latency } : {}),
    };
}
function isCountMap(value) {
    return (value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => typeof v === 'number'));
}
function isLatencyMap(value) {
    return (value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => v !== null &&
            typeof v === 'object' &&
            typeof v.sumMs === 'number' &&
            typeof v.count === 'number'));
}
function count(value) {
    return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
function firstLine(text) {
    return text.split('\n', 1)[0] ?? '';
}
/**
 * Annotations for the run page: a warning per degraded step, an error per failed subtask, a notice when
 * the run was interrupted (an error when it gave up: `failed`). Each level is capped at what GitHub
 * shows, the last one counting the rest.
 */
function annotationsFor(state) {
    const warnings = [];
    const errors = [];
    const notices = [];
    for (const step of Object.values(state.steps)) {
        if (step.degraded === true && step.status !== 'failed') {
            warnings.push({
                level: 'warning',
                title: `keel: ${step.id} degraded`,
                message: `${degradedMeaning(step)}${step.model && step.model !== 'template' ? ` (${step.model})` : ''}. A human should review its result.`,
            });
        }
        if (step.id.startsWith('code:') && step.status === 'failed') {
            const issue = state.effects[`issue:${step.id}`]?.ref;
            errors.push({
                level: 'error',
                title: `keel: subtask ${step.id.slice('code:'.length)} failed`,
                message: `${plain(step.error ?? 'no model produced a usable change')}` +
                    `${issue ? ` — follow-up issue: ${issue}` : ''}`,
            });
        }
    }
    const stop = state.interruption;
    if (stop && (state.status === 'interrupted' || state.status === 'failed')) {
        const recovery = state.effects.recovery?.ref;
        const annotation = {
            level: state.status === 'failed' ? 'error' : 'notice',
            title: `keel: run ${state.runId} ${state.status === 'failed' ? 'failed' : 'interrupted'}`,
            message: `${plain(stop.reason)}. The checkpoint is saved; resume with \`resume: true\` or \`/keel resume ${state.runId}\`` +
                `${recovery ? ` (instructions: ${recovery})` : ''}.`,
        };
        (annotation.level === 'error' ? errors : notices).push(annotation);
    }
    return [
        ...capLevel(warnings, 'degraded steps'),
        ...capLevel(errors, 'errors'),
        ...capLevel(notices, 'notices'),
    ];
}
function degradedMeaning(step) {
    if (step.id === 'plan')
        return 'No planner model answered: the plan is a template';
    if (step.id === 'review')
        return 'No reviewer model answered: the review does not approve';
    if (step.id.startsWith('code:'))
        return `Subtask ${step.id.slice('code:'.length)} used a degraded fallback`;
    return `Step ${step.id} used a degraded fallback`;
}
function capLevel(list, what) {
    if (list.length <= MAX_ANNOTATIONS_PER_LEVEL)
        return list;
    const kept = list.slice(0, MAX_ANNOTATIONS_PER_LEVEL - 1);
    const rest = list.length - kept.length;
    return [
        ...kept,
        {
            level: list[0].level,
            title: `keel: ${rest} more ${what}`,
            message: `${rest} more ${what} — see the job summary.`,
        },
    ];
}
/** Annotation text: one line (the runner escapes the rest), bounded. */
function plain(text, max = 1_000) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

;// CONCATENATED MODULE: ./lib/github/summary/index.js
/** github/summary/: what the rest of keel uses of it. */


// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
;// CONCATENATED MODULE: ./lib/action/outputs.js






function writeOutputs(io, state) {
    io.setOutput('run-id', state.runId);
    io.setOutput('status', state.status);
    io.setOutput('pr-url', state.effects.pull_request?.ref ?? '');
    io.setOutput('recovery-issue', state.status === 'interrupted' || state.status === 'failed' ? (state.effects.recovery?.ref ?? '') : '');
    io.setOutput('degraded', String(state.status === 'degraded'));
    io.setOutput('partial-success-rate', (0,summary/* successRateOf */.Py)(state).toFixed(2));
}
async function writeSummary(io, input) {
    const { state } = input;
    // The failover table from the state the run left behind, without contacting any endpoint.
    const layout = (0,state_layout/* stateLayout */.G)(input.stateDir);
    const fleet = (await (0,fleet_state/* readFleetStateFile */.qJ)(layout.fleetState)).state ?? state.fleet;
    const router = (0,fleet_router/* createRouter */.a)(input.config, { env: {}, state: fleet });
    const rows = router.status();
    await router.close();
    const metrics = await (0,atomic_file/* readJsonFile */.JE)(layout.run(state.runId).metrics);
    const markdown = renderJobSummary({
        state,
        fleet: rows,
        metrics: metrics.ok ? metrics.value : undefined,
        links: {
            run: input.runLink,
            ...(state.effects.pull_request ? { pullRequest: state.effects.pull_request.ref } : {}),
            ...(state.effects.recovery ? { recoveryIssue: state.effects.recovery.ref } : {}),
            issues: Object.values(state.effects)
                .filter((e) => e.kind === 'issue')
                .map((e) => e.ref),
        },
    });
    await io.summary(markdown);
}

// EXTERNAL MODULE: ./lib/exec/command-runner.js
var command_runner = __webpack_require__(63683);
// EXTERNAL MODULE: ./lib/git/git-runner.js + 2 modules
var git_runner = __webpack_require__(28540);
// EXTERNAL MODULE: ./lib/github/api/index.js + 3 modules
var api = __webpack_require__(82419);
// EXTERNAL MODULE: ./lib/run/exit-code.js
var exit_code = __webpack_require__(10367);
;// CONCATENATED MODULE: ./lib/action/artifact-source.js
/** Runs looked at (newest first) before giving up: each costs one request. */
const MAX_CANDIDATES = 10;
/** The workflow run whose artifact `name` may be restored, or undefined (none qualifies, or unknown). */
async function artifactRunOf(client, ctx, name) {
    const { owner, repo } = ctx;
    try {
        const current = Number(ctx.runId);
        if (!Number.isSafeInteger(current))
            return undefined;
        const { data } = await client.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100 });
        // A fork's pull-request run has this repository as its repository and the fork as its head.
        const candidates = data.artifacts
            .filter((a) => a.name === name && !a.expired)
            .filter((a) => a.workflow_run?.id != null &&
            a.workflow_run.repository_id != null &&
            a.workflow_run.repository_id === a.workflow_run.head_repository_id)
            .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id)
            .slice(0, MAX_CANDIDATES);
        if (candidates.length === 0)
            return undefined;
        // Only now this run's own workflow and repository: no request when there is nothing to choose from.
        const here = (await client.rest.actions.getWorkflowRun({ owner, repo, run_id: current })).data;
        const repositoryId = here.repository.id;
        for (const artifact of candidates) {
            const runId = artifact.workflow_run.id;
            const run = (await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data;
            if (artifact.workflow_run.repository_id === repositoryId &&
                run.workflow_id === here.workflow_id &&
                run.repository.id === repositoryId)
                return runId;
        }
        return undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./lib/durable/state-branch/index.js + 15 modules
var state_branch = __webpack_require__(32604);
;// CONCATENATED MODULE: ./lib/action/issue-commands.js




const PAUSED_LABEL = (0,triggers/* pausedLabel */.DI)('keel');
async function handleCommand(client, ctx, decision, stateBranch, io, git = (0,git_runner/* createGit */.lD)({ runner: (0,command_runner/* createCommandRunner */._m)() })) {
    const issue = { owner: ctx.owner, repo: ctx.repo, issue_number: decision.issueNumber };
    if (decision.kind === 'pause') {
        await client.rest.issues.addLabels({ ...issue, labels: [PAUSED_LABEL] });
        io.info(`keel: paused #${decision.issueNumber}`);
        return;
    }
    if (decision.kind === 'unpause') {
        await client.rest.issues
            .removeLabel({ ...issue, name: PAUSED_LABEL })
            .catch((error) => {
            if (error.status !== 404)
                throw error;
        });
        io.info(`keel: unpaused #${decision.issueNumber}`);
        return;
    }
    const runs = await (0,state_branch/* listBranchRuns */.RB)({ git, repoRoot: ctx.workspace, branch: stateBranch });
    const rows = runs
        .slice(0, 20)
        .map((r) => `| \`${r.runId}\` | ${r.status} | ${new Date(r.updatedAt).toISOString()} |`);
    const body = [
        '**keel status**',
        '',
        rows.length > 0
            ? ['| run | status | updated |', '| --- | --- | --- |', ...rows].join('\n')
            : 'No runs on record.',
    ].join('\n');
    await client.rest.issues.createComment({ ...issue, body });
}

// EXTERNAL MODULE: ./lib/base/publish-text.js
var publish_text = __webpack_require__(3700);
// EXTERNAL MODULE: ./lib/github/effects/index.js + 10 modules
var effects = __webpack_require__(94492);
;// CONCATENATED MODULE: ./lib/action/pull-request-run.js
/**
 * `/keel run` on a pull request (issue 11 §7): the run works on that pull request's branch, not on the
 * checkout (the default branch, for `issue_comment`). Its head is read from the API, refused when it is in a
 * fork (`github/triggers/pull-request-work.ts`), and fetched with the `github-token` credential so the run
 * can start from it; the run then pushes back onto the branch and reports on that pull request.
 *
 * A refusal is one line in the log, a warning annotation, and a short reply on the pull request — text keel
 * wrote, neutralised anyway as everything keel publishes is (`base/publish-text.ts`).
 */



async function pullRequestRun(setup, number, io) {
    const { client, ctx, git } = setup;
    const target = await (0,triggers/* pullRequestTarget */.Sj)(client, ctx, number);
    if (target.kind === 'refused')
        return refuse(setup, number, target.reason, io);
    const { pr } = target;
    // The branch as it is now (it may have moved since the API answered): the run starts from what it fetched.
    // A failed fetch (network, credentials) throws: the job fails visibly and a re-run tries again.
    await git.run(['fetch', '--quiet', '--no-tags', 'origin', `refs/heads/${pr.headBranch}`], {
        cwd: ctx.workspace,
    });
    const fetched = (await git.run(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'], { cwd: ctx.workspace })).stdout.text.trim();
    if (fetched !== pr.headSha)
        io.info(`keel: pull request #${number}'s branch moved to ${fetched.slice(0, 12)} since the API said ${pr.headSha.slice(0, 12)}: working from it`);
    return { kind: 'work', pr: { ...pr, headSha: fetched } };
}
async function refuse(setup, number, reason, io) {
    const { client, ctx } = setup;
    io.info(`keel: not run — ${reason}`);
    io.annotate({ level: 'warning', title: 'keel: not run on this pull request', message: reason });
    const body = (0,publish_text/* neutralizeForPublish */.S)(`keel did not run: ${reason}.\n\nAsk for the change on an issue (\`/keel run\` there), and keel opens its own pull request.`, { trustedHosts: (0,effects/* trustedHostsOf */.Ui)(ctx) });
    // `effects: local` writes nothing to GitHub, a refusal included.
    if (setup.settings.effects === 'github')
        await client.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: number, body });
    return { kind: 'refused', reason };
}

// EXTERNAL MODULE: ./lib/config/resume-request.js
var resume_request = __webpack_require__(98575);
// EXTERNAL MODULE: ./lib/base/sanitize-untrusted.js
var sanitize_untrusted = __webpack_require__(21717);
;// CONCATENATED MODULE: ./lib/action/run-selection.js



/** The run id to restore before starting: the one to resume, or the one a new task will run under. */
function runIdToRestore(decision, ctx) {
    return decision.kind === 'resume' ? decision.runId : (0,triggers/* triggerRunId */.DT)(decision, ctx);
}
async function selectRun(decision, ctx, stateDir, fallbackTask) {
    if (decision.kind === 'run') {
        const runId = (0,triggers/* triggerRunId */.DT)(decision, ctx);
        return { task: decision.task, ...(runId !== undefined ? { runId } : {}) };
    }
    if (decision.runId !== undefined)
        return { resume: decision.runId };
    const task = fallbackTask === undefined ? '' : (0,sanitize_untrusted/* sanitizeUntrusted */._2)(fallbackTask);
    if (decision.source === 'dispatch' && task !== '' && !(await (0,state_store/* latestUnfinishedRun */.Mr)(stateDir))) {
        const runId = (0,triggers/* triggerRunId */.DT)({ source: 'dispatch' }, ctx);
        return { task, ...(runId !== undefined ? { runId } : {}) };
    }
    return { resume: true };
}

// EXTERNAL MODULE: ./lib/github/claims/ref-claims.js
var ref_claims = __webpack_require__(1312);
;// CONCATENATED MODULE: ./lib/action/schedule-queue.js
/**
 * The schedule's side of a run in the Action (issue 11 §4): the issue the schedule answers with is taken
 * through a claim every runner sees (`github/triggers/schedule-claims.ts`), its labels say how the run went
 * when it ends, and an issue taken for a run that never started (the configuration did not load) is given
 * back. Only with GitHub effects: `effects: local` writes nothing remote, so its schedule only looks.
 */




async function scheduleQueue(base, env, io) {
    const { ctx, client, settings } = base;
    if (ctx.eventName !== 'schedule' || settings.effects !== 'github')
        return undefined;
    const claims = (0,ref_claims/* createRefClaims */.l)({
        client,
        owner: ctx.owner,
        repo: ctx.repo,
        sha: env.GITHUB_SHA?.trim() || (await headOf(ctx.workspace)),
    });
    return {
        claimer: (0,triggers/* scheduleClaimer */.Xg)({ client, ctx, claims, log: (line) => io.info(line) }),
        async around(issueNumber, work) {
            let started = false;
            let result;
            try {
                result = await work(() => (started = true));
            }
            catch (error) {
                if (!started) {
                    io.info(`keel: the run for #${issueNumber} did not start; giving the issue back to the schedule`);
                    await (0,triggers/* releaseScheduledIssue */.K_)(client, ctx, claims, issueNumber).catch(() => undefined);
                }
                throw error;
            }
            if (result.status !== undefined)
                await (0,triggers/* settleScheduledIssue */.oL)(client, ctx, issueNumber, result.status);
            return result;
        },
    };
}
/** The commit the checkout is on (what `GITHUB_SHA` names in Actions): claim refs point at it. */
async function headOf(workspace) {
    const git = (0,git_runner/* createGit */.lD)({ runner: (0,command_runner/* createCommandRunner */._m)() });
    return (await git.run(['rev-parse', 'HEAD'], { cwd: workspace })).stdout.text.trim();
}

// EXTERNAL MODULE: ./lib/git/push-check.js
var push_check = __webpack_require__(4151);
// EXTERNAL MODULE: ./lib/github/doctor/doctor.js + 1 modules
var doctor = __webpack_require__(43077);
;// CONCATENATED MODULE: ./lib/action/doctor-step.js
/**
 * The Action's `doctor: true`: a first workflow run that checks the setup on the runner that will do the
 * work — its network (which endpoints it reaches), the secrets the workflow passes, the token's rights — and
 * runs nothing. The findings go to the log and the job summary; the step fails when something must be fixed.
 */





async function runDoctorStep(base, io, env, signal) {
    const { settings, ctx, client } = base;
    // The dry run asks with the credential real pushes use: the input's token when there is one.
    const git = (0,git_runner/* createGit */.lD)({
        runner: (0,command_runner/* createCommandRunner */._m)({ secrets: () => base.outgoingSecrets }),
        ...(base.remoteAuth ? { remoteAuth: base.remoteAuth } : {}),
    });
    const report = await (0,doctor/* runDoctor */.j1)({
        configPath: (0,external_node_path_.join)(ctx.workspace, settings.config),
        cwd: ctx.workspace,
        env,
        signal,
        github: {
            client,
            ctx,
            pushCheck: () => (0,push_check/* pushRefusal */.J)(git, ctx.workspace),
            actionNode: process.version,
        },
    });
    io.info((0,doctor/* renderDoctor */.YI)(report).trimEnd());
    await io.summary((0,doctor/* doctorMarkdown */.tJ)(report));
    io.setOutput('status', report.errors > 0 ? 'failed' : 'completed');
    return report.errors > 0 ? 1 : 0;
}

// EXTERNAL MODULE: ./lib/base/run-id.js
var run_id = __webpack_require__(39048);
;// CONCATENATED MODULE: ./lib/action/settings.js
/**
 * The Action's inputs, parsed once into a typed object (as actions/checkout does), with an error that
 * names the input when one is malformed.
 */

class SettingsError extends Error {
    name = 'SettingsError';
    expected = true;
}
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
function readSettings(io) {
    const text = (name) => {
        const value = io.input(name).trim();
        return value === '' ? undefined : value;
    };
    const runId = text('run-id');
    if (runId !== undefined && !run_id/* RUN_ID_PATTERN */.z.test(runId))
        throw new SettingsError(`input run-id: "${runId}" is not a run id`);
    const stateBranch = text('state-branch') ?? 'keel/state';
    if (!BRANCH.test(stateBranch) || stateBranch.includes('..')) {
        throw new SettingsError(`input state-branch: "${stateBranch}" is not a branch name`);
    }
    const effects = text('effects') ?? 'github';
    if (effects !== 'github' && effects !== 'local')
        throw new SettingsError(`input effects: expected github or local, got "${effects}"`);
    return {
        effects,
        config: text('config') ?? '.github/keel.yml',
        ...(text('task') !== undefined ? { task: text('task') } : {}),
        resume: bool(io, 'resume'),
        ...(runId !== undefined ? { runId } : {}),
        token: text('github-token') ?? '',
        ...number(io, 'time-budget-minutes', 0.1, 100_000, 'timeBudgetMinutes'),
        stateBranch,
        ...number(io, 'exit-code-on-interrupt', 0, 255, 'exitCodeOnInterrupt'),
        allowedBots: (text('allowed-bots') ?? '').split(/[\s,]+/).filter(Boolean),
        takeOver: bool(io, 'take-over'),
    };
}
/** A `true`/`false` input; `empty` when it is not set. */
function bool(io, name, empty = false) {
    const value = io.input(name).trim().toLowerCase();
    if (value === '')
        return empty;
    if (value === 'false')
        return false;
    if (value === 'true')
        return true;
    throw new SettingsError(`input ${name}: expected true or false, got "${value}"`);
}
function number(io, name, min, max, key) {
    const raw = io.input(name).trim();
    if (raw === '')
        return {};
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
        throw new SettingsError(`input ${name}: expected a number from ${min} to ${max}, got "${raw}"`);
    }
    return { [key]: value };
}

// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/durable/artifacts/index.js + 4 modules
var artifacts = __webpack_require__(48963);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var base_secrets = __webpack_require__(80991);
;// CONCATENATED MODULE: ./lib/action/setup.js
/**
 * What every keel step in Actions sets up the same way: settings, context, API client, config, secrets
 * masked, the state directory in the checkout, and the durable copies (state branch, artifacts).
 */










async function actionBase(io, env) {
    const settings = readSettings(io);
    if (settings.token)
        io.setSecret(settings.token);
    const ctx = await (0,api/* readActionContext */.wc)(env);
    // The input, not checkout's stored credential, is what keel pushes with (`git/remote-auth.ts`).
    const auth = (0,git_runner/* remoteAuth */.hq)(settings.token, ctx.serverUrl);
    for (const secret of (0,git_runner/* remoteAuthSecrets */.iZ)(auth))
        io.setSecret(secret);
    const outgoingSecrets = (0,base_secrets/* collectSecrets */.qb)(undefined, env, [settings.token, ...(0,git_runner/* remoteAuthSecrets */.iZ)(auth)]);
    const client = (0,api/* createOctokit */.Qi)({
        token: settings.token,
        baseUrl: ctx.apiUrl,
        secrets: () => outgoingSecrets,
    });
    return { settings, ctx, client, outgoingSecrets, remoteAuth: auth };
}
async function actionSetup(base, io, env) {
    const { settings, ctx } = base;
    const config = await (0,load/* loadConfig */.Z9)((0,external_node_path_.join)(ctx.workspace, settings.config), { cwd: ctx.workspace });
    const secrets = (0,base_secrets/* collectSecrets */.qb)(config, env, [settings.token, ...(0,git_runner/* remoteAuthSecrets */.iZ)(base.remoteAuth)]);
    for (const secret of secrets)
        io.setSecret(secret);
    for (const secret of secrets)
        if (!base.outgoingSecrets.includes(secret))
            base.outgoingSecrets.push(secret);
    const git = (0,git_runner/* createGit */.lD)({
        runner: (0,command_runner/* createCommandRunner */._m)({ secrets: () => secrets }),
        secrets: () => secrets,
        ...(base.remoteAuth ? { remoteAuth: base.remoteAuth } : {}),
    });
    return {
        ...base,
        config,
        secrets,
        stateDir: (0,external_node_path_.join)(ctx.workspace, state_layout/* DEFAULT_STATE_DIR */.mU),
        git,
        durable: {
            git,
            repoRoot: ctx.workspace,
            branch: settings.stateBranch,
            artifacts: (0,artifacts/* selectArtifactStore */.GI)(env, {
                token: settings.token,
                owner: ctx.owner,
                repo: ctx.repo,
                runnerTemp: ctx.runnerTemp,
                // Without them the store's last check (no configured secret leaves the runner) checks nothing.
                secrets,
            }),
            secrets,
            log: (line) => io.info(line),
            remote: settings.effects === 'github',
        },
    };
}
/**
 * The GitHub publisher for this repository (`github/effects/repo-effects.ts`). `closesIssue`: the issue that
 * asked for the run, which the pull request closes.
 */
function githubEffects(setup, trackingIssue, closesIssue) {
    const { client, ctx, secrets, settings } = setup;
    return (0,effects/* repoEffects */.jn)({
        client,
        ctx,
        token: settings.token,
        secrets,
        ...(trackingIssue !== undefined ? { trackingIssue } : {}),
        ...(closesIssue !== undefined ? { closesIssue } : {}),
    });
}

;// CONCATENATED MODULE: ./lib/action/saved-state.js
/**
 * What `main` leaves for `post` (as actions/checkout's state-helper does): the runner turns each saved value
 * into `STATE_<name>` for the post step, which runs even when main was killed. Every key is named here once,
 * with what it means, so the two steps cannot disagree about a spelling.
 */

/** What main decided to do with the trigger (`ignored`, `status`, `run`, `resume` …). */
function saveDecision(io, kind) {
    io.saveState('decision', kind);
}
function saveStateDir(io, stateDir) {
    io.saveState('stateDir', stateDir);
}
/** The issue or pull request that asked for the run: where the tracking comment goes. */
function saveIssueNumber(io, issueNumber) {
    io.saveState('issueNumber', String(issueNumber));
}
function saveRunStarted(io, run) {
    io.saveState('runId', run.runId);
    io.saveState('runDir', run.runDir);
}
/** The longest task text kept for post: enough to recognise the request in a recovery issue. */
const MAX_SAVED_TASK = 1_000;
/**
 * The run main is about to start — its id, what triggered it, the task — saved before the run id is printed
 * or the run exists on disk: a kill in between still leaves post something to report (issue 12 §12).
 */
function saveRunIntent(io, run) {
    io.saveState('intendedRunId', run.runId);
    io.saveState('trigger', run.trigger);
    io.saveState('task', run.task.slice(0, MAX_SAVED_TASK));
}
/** The run's claim on the state branch: post releases it with its checkpoint push when main was killed. */
function saveClaim(io, claim) {
    io.saveState('claim', JSON.stringify(claim));
}
/** Main saved, published and reported everything: post has nothing to do. */
function saveFinished(io) {
    io.saveState('finished', 'true');
}
/** What main saved, as post reads it; absent values (main died before saving them) are undefined. */
function readMainState(io) {
    const text = (name) => io.getState(name) || undefined;
    const issue = Number(io.getState('issueNumber'));
    return {
        finished: io.getState('finished') === 'true',
        ignored: io.getState('decision') === 'ignored',
        runId: text('runId'),
        runDir: text('runDir'),
        stateDir: text('stateDir'),
        issueNumber: Number.isSafeInteger(issue) && issue > 0 ? issue : undefined,
        intent: text('intendedRunId') !== undefined
            ? { runId: text('intendedRunId'), trigger: text('trigger') ?? 'unknown', task: text('task') ?? '' }
            : undefined,
        claim: parseClaim(io.getState('claim')),
    };
}
function parseClaim(text) {
    if (text === '')
        return undefined;
    try {
        const parsed = state_branch/* branchClaimSchema */.KQ.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./lib/run/run-lease.js
var run_lease = __webpack_require__(15675);
;// CONCATENATED MODULE: ./lib/action/run-claim.js
/**
 * One run, one runner: before a job works on a run that may exist already (a resume, a re-run of the same
 * trigger), it claims the run on the state branch (`durable/state-branch/state-branch-claim.ts`) — a
 * non-forced push, so of two jobs claiming at once exactly one wins and the other stops before its first
 * step. The claim fences the job's publish (`remoteFence`) and its checkpoint push, and is released with the
 * last checkpoint push (main's, or post's when main was killed).
 *
 * `take-over: true` claims the run even from a live claim (a job that died without its `post`, on a runner
 * that vanished); otherwise a claim expires after the job's time budget, or GitHub's six hours.
 */




/** How long a claim is given: the job's time budget and a margin for `post`, else six hours. */
function claimTtlMs(timeBudgetMinutes) {
    return timeBudgetMinutes === undefined ? state_branch/* DEFAULT_CLAIM_TTL_MS */.r : timeBudgetMinutes * 60_000 + 10 * 60_000;
}
/** `workflow run 123 (attempt 2) of "keel", job build, runner runner-7`: who holds a claim, for the refusal. */
function claimHolder(ctx, env) {
    const job = env.GITHUB_JOB ? `, job ${env.GITHUB_JOB}` : '';
    const runner = env.RUNNER_NAME ? `, runner ${env.RUNNER_NAME}` : '';
    return `workflow run ${ctx.runId} (attempt ${ctx.runAttempt}) of "${ctx.workflow}"${job}${runner}`.slice(0, 300);
}
function branchOptions(d) {
    return { git: d.git, repoRoot: d.repoRoot, branch: d.branch, secrets: d.secrets };
}
async function claimForJob(d, runId, o) {
    if (!d.remote)
        return { kind: 'unclaimed', note: 'effects: local — the run is not claimed on the state branch' };
    const result = await (0,state_branch/* claimRun */.S6)(branchOptions(d), {
        runId,
        holder: o.holder,
        now: o.now,
        ttlMs: o.ttlMs,
        takeOver: o.takeOver,
    });
    if (result.ok) {
        const from = result.previous && result.previous.releasedAt === undefined
            ? ` (taken over from ${result.previous.holder})`
            : '';
        return {
            kind: 'claimed',
            claim: result.claim,
            note: `claimed run ${runId} on ${d.branch}, generation ${result.claim.generation}${from}`,
            ...(result.previous ? { previous: result.previous } : {}),
        };
    }
    if (result.held)
        return { kind: 'held', reason: `${result.reason} — this job stops; take-over: true forces it` };
    // A branch we cannot push to cannot carry the checkpoint either; the job goes on under its local lease.
    return { kind: 'unclaimed', note: `the run could not be claimed on ${d.branch}: ${result.reason}` };
}
/** The publish fence: throws `LeaseLostError` once another job's claim replaced ours on the branch. */
function claimFence(d, claim) {
    return async () => {
        const check = await (0,state_branch/* checkRunClaim */.G2)(branchOptions(d), claim.runId, claim.token);
        // Held, unclaimed (the branch was rewritten), or the branch could not be asked: the local lease holds.
        if (check.state !== 'lost' || check.current === undefined)
            return;
        const by = `${check.current.holder} claimed it (generation ${check.current.generation})`;
        throw new run_lease/* LeaseLostError */.Jd(`run ${claim.runId}: this job lost its claim — ${by}; it stops without publishing anything`);
    };
}
/**
 * Claims the run this job is about to work on — the one it resumes, or the id its trigger gives a task — and
 * says so in the log. A run that was claimed before is restored once more under the claim: what the previous
 * holder pushed before letting go is the newest copy, newer than what was restored before the claim.
 */
async function claimSelected(setup, selection, env, io, findArtifactRun) {
    const { durable, stateDir, settings, ctx } = setup;
    const runId = selection.resume === true
        ? (await (0,state_store/* latestUnfinishedRun */.Mr)(stateDir))?.runId
        : typeof selection.resume === 'string'
            ? selection.resume
            : selection.runId;
    // A new run under a fresh id: no other job can know it.
    if (runId === undefined)
        return { kind: 'unclaimed', note: 'a new run id: nothing to claim' };
    const claimed = await claimForJob(durable, runId, {
        holder: claimHolder(ctx, env),
        ttlMs: claimTtlMs(settings.timeBudgetMinutes),
        takeOver: settings.takeOver,
        now: Date.now(),
    });
    if (claimed.kind === 'held')
        return claimed;
    io.info(`keel: ${claimed.note}`);
    if (claimed.kind === 'claimed' && claimed.previous !== undefined) {
        const found = await (0,run_copies/* restoreDurably */.G)(durable, stateDir, runId, findArtifactRun, 'branch');
        io.info(`checkpoint of run ${runId} under the claim: ${found}`);
    }
    return claimed;
}

;// CONCATENATED MODULE: ./lib/action/run-action.js
/**
 * The Action's `main`: decide from the event what to do (and do nothing at all for strangers), then run
 * or resume keel with GitHub as the place its effects go, and leave outputs, a job summary and durable
 * copies of the checkpoint behind — also when the run is cancelled.
 */





















/** Time allowed for the durable copies after the run: well inside GitHub's 7.5 s between SIGINT and SIGTERM. */
const SAVE_TIMEOUT_MS = 4_000;
async function runAction({ io, env, signal }) {
    const base = await actionBase(io, env);
    const { settings, ctx, client } = base;
    if (bool(io, 'doctor'))
        return runDoctorStep(base, io, env, signal);
    const schedule = await scheduleQueue(base, env, io);
    const decision = await (0,triggers/* resolveTrigger */.Xb)(ctx, {
        ...(settings.task !== undefined ? { task: settings.task } : {}),
        resume: settings.resume || (0,resume_request/* resumeRequested */.O)(env),
        ...(settings.runId !== undefined ? { runId: settings.runId } : {}),
        allowedBots: settings.allowedBots,
    }, (0,triggers/* createTriggerGateway */.$6)(client, ctx, {
        label: 'keel',
        ...(schedule ? { claimer: schedule.claimer, log: (line) => io.info(line) } : {}),
    }));
    saveDecision(io, decision.kind);
    if (decision.kind === 'ignored') {
        io.info(`keel: nothing to do — ${decision.reason}`);
        io.setOutput('status', 'ignored');
        return 0;
    }
    if (decision.kind === 'status' || decision.kind === 'pause' || decision.kind === 'unpause') {
        const git = (0,git_runner/* createGit */.lD)({
            runner: (0,command_runner/* createCommandRunner */._m)({ secrets: () => base.outgoingSecrets }),
            ...(base.remoteAuth ? { remoteAuth: base.remoteAuth } : {}),
        });
        await handleCommand(client, ctx, decision, settings.stateBranch, io, git);
        io.setOutput('status', 'completed');
        return 0;
    }
    const work = (started) => workOn(base, decision, { io, env, signal }, started);
    const outcome = schedule &&
        decision.kind === 'run' &&
        decision.source === 'schedule' &&
        decision.issueNumber !== undefined
        ? await schedule.around(decision.issueNumber, work)
        : await work(() => undefined);
    return outcome.code;
}
/** Runs or resumes the run a decision names; `started` is called once the run exists on disk. */
async function workOn(base, decision, { io, env, signal }, started) {
    const { settings, ctx, client } = base;
    const setup = await actionSetup(base, io, env);
    const { config, stateDir, durable } = setup;
    saveStateDir(io, stateDir);
    // `/keel run` on a pull request works on that pull request's branch, or not at all (a fork's).
    const onPull = decision.kind === 'run' && decision.source === 'comment' && decision.onPullRequest === true
        ? await pullRequestRun(setup, decision.issueNumber, io)
        : undefined;
    if (onPull?.kind === 'refused')
        return endIgnored(io);
    // A new run on a detached checkout proposes into this branch, never into the commit (`run/run-base.ts`).
    const baseBranch = (0,triggers/* eventBaseBranch */._N)(ctx);
    // A resume needs its checkpoint; so does a task whose trigger ran before (a re-run, the same run-id): its
    // run is continued or reported, never started over. A new run still wants the fleet's breaker state.
    const restoreId = runIdToRestore(decision, ctx);
    const found = await io.group('keel: finding the checkpoint', () => (0,run_copies/* restoreDurably */.G)(durable, stateDir, restoreId, (name) => artifactRunOf(client, ctx, name)));
    io.info(`checkpoint${restoreId !== undefined ? ` of run ${restoreId}` : ''}: ${found}`);
    const selection = await selectRun(decision, ctx, stateDir, settings.task);
    // Before anything prints the run id: a kill from here on still leaves post the run to report.
    if (selection.runId !== undefined && selection.task !== undefined)
        saveRunIntent(io, { runId: selection.runId, trigger: decision.source, task: selection.task });
    // One run, one job: a run that may exist already is claimed on the state branch first (`run-claim.ts`).
    const claimed = await claimSelected(setup, selection, env, io, (name) => artifactRunOf(client, ctx, name));
    if (claimed.kind === 'held') {
        io.info(`keel: ${claimed.reason}`);
        io.annotate({ level: 'warning', title: 'keel: the run is held by another job', message: claimed.reason });
        return endIgnored(io);
    }
    const claim = claimed.kind === 'claimed' ? claimed.claim : undefined;
    if (claim)
        saveClaim(io, claim);
    const issueNumber = 'issueNumber' in decision ? decision.issueNumber : undefined;
    // For `post`, should this step be killed: where the tracking comment goes.
    if (issueNumber !== undefined)
        saveIssueNumber(io, issueNumber);
    const result = await (0,start_run/* startRun */.A)({
        config,
        repo: ctx.workspace,
        stateDir,
        env,
        progress: (line) => io.info(line),
        signal,
        taskSource: decision.source,
        ...selection,
        ...(settings.timeBudgetMinutes !== undefined ? { timeBudgetMinutes: settings.timeBudgetMinutes } : {}),
        resumeCommand: (id) => resumeInstructions(ctx, id),
        ...(claim ? { remoteFence: claimFence(durable, claim) } : {}),
        ...(settings.takeOver ? { takeOver: true } : {}),
        ...(baseBranch ? { baseBranch } : {}),
        ...(onPull?.kind === 'work' ? { pullRequest: onPull.pr } : {}),
        ...(settings.effects === 'github'
            ? {
                // A resumed run keeps the tracking comment it has, wherever this resume was asked for.
                effects: (_runDir, state) => githubEffects(setup, trackingIssueOf(state) ?? issueNumber, closesIssueOf(state) ?? (decision.onPullRequest === false ? issueNumber : undefined)),
                pushTo: 'origin',
            }
            : {}),
        ...(setup.remoteAuth ? { remoteAuth: setup.remoteAuth } : {}),
        onStarted: ({ runId, runDir }) => {
            started();
            saveRunStarted(io, { runId, runDir });
            io.setOutput('run-id', runId);
        },
    });
    const { state, runDir } = result;
    if (result.superseded) {
        // Another job holds the run now: this one's copy is stale, and nothing of it is pushed or reported.
        io.annotate({
            level: 'warning',
            title: 'keel: another job took the run over',
            message: result.superseded.message,
        });
        return endIgnored(io);
    }
    // Validation changed the repository (security stop): nothing leaves this runner, not even the checkpoint.
    if (state.interruption?.kind === 'security')
        io.info('keel: security stop — nothing pushed, nothing uploaded');
    else
        await (0,run_copies/* saveDurably */.l)(durable, { runId: state.runId, runDir, fleetStatePath: (0,state_layout/* stateLayout */.G)(stateDir).fleetState }, SAVE_TIMEOUT_MS, claim);
    writeOutputs(io, state);
    for (const annotation of annotationsFor(state))
        io.annotate(annotation);
    await writeSummary(io, { state, stateDir, config, runLink: (0,api/* runUrl */.Vp)(ctx) });
    saveFinished(io);
    if (result.unsaved !== undefined) {
        // Saved means saved: what the run got to is not on disk, so it is neither finished nor a success.
        const message = `the run got to ${state.status}, but its state could not be saved: ${result.unsaved}`;
        io.annotate({ level: 'error', title: 'keel: the run state was not saved', message });
        io.setOutput('status', 'interrupted');
        return { code: 1, status: 'interrupted' };
    }
    return {
        code: (0,exit_code/* exitCode */.I)(state, settings.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt),
        status: state.status,
    };
}
/**
 * The issue that asked for the run, when its tracking comment is on an issue (not a pull request): the one
 * issue keel's pull request says it closes.
 */
function closesIssueOf(state) {
    const match = /\/issues\/(\d+)#issuecomment-\d+$/.exec(state.effects.tracking?.ref ?? '');
    return match ? Number(match[1]) : undefined;
}
/** The issue or pull request number of the run's tracking comment, from its recorded URL. */
function trackingIssueOf(state) {
    const match = /\/(?:issues|pull)\/(\d+)#issuecomment-\d+$/.exec(state.effects.tracking?.ref ?? '');
    return match ? Number(match[1]) : undefined;
}
/** This job does nothing more (refused, or another job holds the run): `ignored`, exit 0, and post knows. */
function endIgnored(io) {
    io.setOutput('status', 'ignored');
    saveFinished(io);
    return { code: 0, status: 'ignored' };
}
function resumeInstructions(ctx, runId) {
    return [
        `# Run the workflow again with workflow_dispatch inputs resume: true and run-id: ${runId}, e.g.`,
        `gh workflow run "${ctx.workflow}" --repo ${ctx.owner}/${ctx.repo} -f resume=true -f run-id=${runId}`,
        `# or comment on an issue:`,
        `/keel resume ${runId}`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./lib/action/fanout.js
/**
 * The fan-out steps, for workflows that spread coding over a matrix of jobs (`keel-fanout.yml`):
 * - `actions/plan` plans a run and stops, checkpointed, with the subtasks as the matrix;
 * - `actions/code` runs the coder for ONE subtask on whatever runner the matrix job landed on (a
 *   self-hosted one that sees the LAN models, say) and uploads its result — no commit, no state change;
 * - `actions/review` gathers the results, and the engine applies and commits them, applies the
 *   partial-success rule, validates, reviews and publishes exactly as a single-job run would.
 * GitHub Actions is the scheduler; keel never builds one of its own.
 */















const RESULT_FILE = 'result.json';
async function runPlanAction({ io, env, signal }) {
    const setup = await actionSetup(await actionBase(io, env), io, env);
    const { settings, ctx, config, stateDir } = setup;
    const task = settings.task;
    if (!task)
        throw new Error('input task is required for actions/plan');
    const baseBranch = (0,triggers/* eventBaseBranch */._N)(ctx);
    const { state, runDir } = await (0,start_run/* startRun */.A)({
        config,
        repo: ctx.workspace,
        stateDir,
        env,
        signal,
        task,
        taskSource: 'dispatch',
        stopAfter: 'plan',
        ...(baseBranch ? { baseBranch } : {}),
        progress: (line) => io.info(line),
        ...(settings.runId !== undefined ? { runId: settings.runId } : {}),
        resumeCommand: (id) => resumeInstructions(ctx, id),
    });
    await (0,run_copies/* saveDurably */.l)(setup.durable, { runId: state.runId, runDir, fleetStatePath: (0,state_layout/* stateLayout */.G)(stateDir).fleetState }, 20_000);
    const subtasks = state.plan?.milestones.flatMap((m) => m.subtasks.map((s) => s.id)) ?? [];
    io.setOutput('run-id', state.runId);
    io.setOutput('matrix', JSON.stringify({ subtask: subtasks }));
    io.setOutput('subtasks', String(subtasks.length));
    return state.status === 'interrupted'
        ? (settings.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt)
        : 0;
}
async function runCodeAction({ io, env, signal }) {
    const setup = await actionSetup(await actionBase(io, env), io, env);
    const subtaskId = io.input('subtask').trim();
    const state = await loadForStep(setup, io);
    const subtask = state.plan?.milestones.flatMap((m) => m.subtasks).find((s) => s.id === subtaskId);
    if (!subtask || !state.plan)
        throw new Error(`run ${state.runId} has no subtask "${subtaskId}"`);
    const router = (0,fleet_router/* createRouter */.a)(setup.config, { env, state: state.fleet });
    let result;
    try {
        // The checkout is the run's base: every matrix job codes against the same files.
        const files = await (0,workspace/* readFiles */.Ul)({ worktree: setup.ctx.workspace }, subtask.files, code_one/* MAX_FILE_BYTES_IN_PROMPT */.d);
        const answer = await (0,coder/* codeSubtask */.dn)(router, { task: state.task.text, plan: state.plan, subtask, files, format: setup.config.run.coderFormat }, { signal });
        result = (0,external_code/* toExternalResult */.gS)(subtask.id, answer);
    }
    finally {
        await router.close();
    }
    const dir = (0,external_node_path_.join)(setup.ctx.runnerTemp, 'keel-code', state.runId, subtask.id);
    await (0,promises_.mkdir)(dir, { recursive: true });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, RESULT_FILE), JSON.stringify(result));
    const uploaded = await setup.durable.artifacts.uploadResult(codeArtifact(state.runId, subtask.id), dir, [
        RESULT_FILE,
    ]);
    if (!uploaded.ok)
        throw new Error(`could not upload the result of ${subtask.id}: ${uploaded.reason}`);
    io.setOutput('ok', String(result.ok));
    io.info(result.ok
        ? `${subtask.id}: ${result.change.edits.length} edit(s) by ${result.model}`
        : `${subtask.id}: ${result.reason}`);
    return 0;
}
async function runReviewAction({ io, env, signal }) {
    const setup = await actionSetup(await actionBase(io, env), io, env);
    const { settings, ctx, config, stateDir } = setup;
    const state = await loadForStep(setup, io);
    const external = new Map();
    for (const subtask of state.plan?.milestones.flatMap((m) => m.subtasks) ?? []) {
        const into = (0,external_node_path_.join)(ctx.runnerTemp, 'keel-results', state.runId, subtask.id);
        const downloaded = await setup.durable.artifacts.downloadResult(codeArtifact(state.runId, subtask.id), into);
        const parsed = downloaded.ok ? await readResult((0,external_node_path_.join)(into, RESULT_FILE)) : undefined;
        // A matrix job that died delivers nothing: its subtask counts as failed, not as silently done.
        external.set(subtask.id, parsed ?? {
            ok: false,
            subtaskId: subtask.id,
            model: 'none',
            reason: 'its coder job delivered no result',
            degraded: false,
        });
    }
    const effects = githubEffects(setup);
    const { state: final, runDir } = await (0,start_run/* startRun */.A)({
        config,
        repo: ctx.workspace,
        stateDir,
        env,
        signal,
        resume: state.runId,
        externalCode: external,
        progress: (line) => io.info(line),
        resumeCommand: (id) => resumeInstructions(ctx, id),
        ...(settings.effects === 'github' ? { effects: () => effects, pushTo: 'origin' } : {}),
        ...(setup.remoteAuth ? { remoteAuth: setup.remoteAuth } : {}),
        ...(settings.timeBudgetMinutes !== undefined ? { timeBudgetMinutes: settings.timeBudgetMinutes } : {}),
    });
    await (0,run_copies/* saveDurably */.l)(setup.durable, { runId: final.runId, runDir, fleetStatePath: (0,state_layout/* stateLayout */.G)(stateDir).fleetState }, 4_000);
    writeOutputs(io, final);
    return final.status === 'failed' ? 1 : 0;
}
/** The checkpoint of the run named by input run-id, restored from its durable copies. */
async function loadForStep(setup, io) {
    const runId = setup.settings.runId;
    if (!runId)
        throw new Error('input run-id is required');
    const found = await (0,run_copies/* restoreDurably */.G)(setup.durable, setup.stateDir, runId, async () => undefined);
    io.info(`checkpoint: ${found}`);
    const { state, problem } = await new state_store.TaskStateStore({
        runDir: (0,state_layout/* stateLayout */.G)(setup.stateDir).run(runId).dir,
    }).load();
    if (!state)
        throw new Error(`no checkpoint of run ${runId}: ${problem ?? found}`);
    return state;
}
async function readResult(path) {
    try {
        const parsed = external_code/* externalCodeResultSchema */.JS.safeParse(JSON.parse(await (0,promises_.readFile)(path, 'utf8')));
        return parsed.success ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}
function codeArtifact(runId, subtaskId) {
    return `keel-code-${runId}-${subtaskId}`;
}

// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/guard/index.js + 10 modules
var guard = __webpack_require__(5423);
// EXTERNAL MODULE: ./lib/base/age.js
var age = __webpack_require__(96018);
;// CONCATENATED MODULE: ./lib/github/guard/guard-github.js

/** GitHub cancels a job after at most 6 h on its runners; a `running` checkpoint older than this is dead. */
const MAX_JOB_MS = 6 * 3_600_000;
const GUARD_ISSUE_LABEL = 'keel-guard';
const RUNS_PER_LOOKUP = 50;
/** Issues and events looked at, at most (pages of 100). */
const MAX_PAGES = 10;
function githubTarget(client, ctx) {
    return { client, owner: ctx.owner, repo: ctx.repo };
}
function laneMarker(lane) {
    return `<!-- keel:lane=${lane} -->`;
}
function idleAlertMarker(lane, idleSince) {
    return `<!-- keel:guard-idle lane=${lane} since=${idleSince} -->`;
}
/** The title the example lane workflows give their runs (`run-name`). */
function laneRunTitle(lane) {
    return `keel lane ${lane}`;
}
/** Non-completed runs of a workflow, fetched once per workflow per cycle. */
function workflowRunBook(target) {
    const cache = new Map();
    return (workflow) => {
        let runs = cache.get(workflow);
        if (!runs) {
            runs = (async () => {
                const { data } = await target.client.rest.actions.listWorkflowRuns({
                    owner: target.owner,
                    repo: target.repo,
                    workflow_id: workflow,
                    per_page: RUNS_PER_LOOKUP,
                });
                return data.workflow_runs
                    .filter((run) => run.status !== 'completed')
                    .map((run) => ({
                    status: run.status ?? 'unknown',
                    title: run.display_title,
                    createdAt: Date.parse(run.created_at),
                }));
            })();
            cache.set(workflow, runs);
        }
        return runs;
    };
}
function laneActivityFromRuns(lane, runs, now, graceMs) {
    const title = laneRunTitle(lane.name);
    // A run titled by the example workflow's run-name names its lane; any other title could be any lane's.
    const mine = runs.filter((run) => !run.title.startsWith('keel lane ') || run.title === title);
    if (mine.some((run) => run.status === 'in_progress'))
        return { state: 'active', detail: `a run of ${lane.workflow} is in progress` };
    const waiting = mine.map((run) => now - run.createdAt).filter((age) => Number.isFinite(age));
    if (waiting.length === 0)
        return { state: 'inactive', detail: `no run of ${lane.workflow} in progress` };
    const youngest = Math.min(...waiting);
    if (youngest < graceMs)
        return { state: 'starting', detail: `a run of ${lane.workflow} is queued` };
    return {
        state: 'stalled',
        detail: `a run of ${lane.workflow} has been queued for ${(0,age/* formatAge */.n)(youngest)}: is a runner with labels [${lane.runnerLabels.join(', ')}] online?`,
    };
}
function githubGuardEffects(options) {
    const { target, lanesFile, ref } = options;
    const runsOf = workflowRunBook(target);
    const dispatch = async (workflow, inputs) => {
        await target.client.rest.actions.createWorkflowDispatch({
            owner: target.owner,
            repo: target.repo,
            workflow_id: workflow,
            ref,
            inputs,
        });
    };
    return {
        async laneActive(lane) {
            if (lane.workflow === undefined)
                return { state: 'inactive', detail: 'the lane names no workflow' };
            return laneActivityFromRuns(lane, await runsOf(lane.workflow), options.now(), lanesFile.guard.startGraceMs);
        },
        async startLane(lane) {
            if (lane.workflow === undefined)
                throw new Error(`lane ${lane.name} names no workflow to dispatch`);
            await dispatch(lane.workflow, { lane: lane.name });
        },
        pauseFlags: labelPauseFlags(target, options.pausedLabel),
        async interruptedRuns() {
            const workflow = options.resumeWorkflow;
            if (workflow === undefined)
                return [];
            const now = options.now();
            const stopped = (await options.branchRuns()).filter((run) => run.status === 'interrupted' || (run.status === 'running' && now - run.updatedAt > MAX_JOB_MS));
            if (stopped.length === 0)
                return [];
            const running = await runsOf(workflow);
            return stopped.map((run) => ({
                ...run,
                active: running.some((wf) => wf.title.includes(run.runId)),
            }));
        },
        async dispatchResume(run) {
            if (options.resumeWorkflow === undefined)
                return;
            await dispatch(options.resumeWorkflow, { resume: 'true', 'run-id': run.runId });
        },
    };
}
/** Pauses as labels on the lanes' tracking issues: one listing of the labelled issues per cycle. */
function labelPauseFlags(target, label) {
    let paused;
    const pausedIssues = () => (paused ??= (async () => {
        const byLane = new Map();
        let pages = 0;
        for await (const page of target.client.paginate.iterator(target.client.rest.issues.listForRepo, {
            owner: target.owner,
            repo: target.repo,
            state: 'open',
            labels: label,
            per_page: 100,
        })) {
            for (const issue of page.data) {
                if (issue.pull_request)
                    continue; // the issues API lists pull requests too
                const lane = /<!-- keel:lane=([A-Za-z0-9][A-Za-z0-9._-]{0,63}) -->/.exec(issue.body ?? '')?.[1];
                if (lane !== undefined && !byLane.has(lane))
                    byLane.set(lane, { number: issue.number, updatedAt: Date.parse(issue.updated_at) });
            }
            if (++pages >= MAX_PAGES)
                break;
        }
        return byLane;
    })());
    const issueOf = async (lane) => (await pausedIssues()).get(lane.name);
    return {
        async read(lane) {
            const issue = await issueOf(lane);
            if (!issue)
                return undefined;
            const labelled = await lastLabelled(target, issue.number, label);
            return {
                // Without the event (history trimmed) the issue's last update is the best date there is.
                at: labelled?.at ?? issue.updatedAt,
                by: labelled?.by ?? 'unknown',
                reason: `label ${label} on #${issue.number}`,
            };
        },
        async clear(lane, flag, note) {
            const issue = await issueOf(lane);
            if (!issue)
                return;
            const params = { owner: target.owner, repo: target.repo, issue_number: issue.number };
            await target.client.rest.issues.createComment({
                ...params,
                body: [
                    `keel guard removed \`${label}\`: ${note.reason}.`,
                    '',
                    `- paused by ${flag.by} at ${new Date(flag.at).toISOString()}`,
                    `- cleared by ${note.by} at ${new Date(note.at).toISOString()}`,
                    '',
                    'Add the label again to pause the lane; the guard respects a pause until it is stale (guard.stalePauseMs).',
                ].join('\n'),
            });
            try {
                await target.client.rest.issues.removeLabel({ ...params, name: label });
            }
            catch (error) {
                // Someone removed it first: the lane is unpaused either way.
                if (error.status !== 404)
                    throw error;
            }
        },
    };
}
async function lastLabelled(target, issue, label) {
    let found;
    let pages = 0;
    for await (const page of target.client.paginate.iterator(target.client.rest.issues.listEvents, {
        owner: target.owner,
        repo: target.repo,
        issue_number: issue,
        per_page: 100,
    })) {
        for (const event of page.data) {
            const named = event.label?.name;
            if (event.event === 'labeled' && named === label) {
                found = { at: Date.parse(event.created_at), by: event.actor?.login ?? 'unknown' };
            }
        }
        if (++pages >= MAX_PAGES)
            break;
    }
    return found;
}
/** `persistent_idle_condition` as an issue per lane and streak; closed when the streak ends. */
function issueAlerts(effects, cycleMs) {
    return {
        async raise(alert) {
            await effects.ensureIssue({
                marker: idleAlertMarker(alert.lane, alert.idleSince),
                title: `keel guard: lane ${alert.lane} idle with queued work`,
                body: [
                    `Lane **${alert.lane}** has been idle for ${alert.idleCycles} consecutive guard cycles (since ${new Date(alert.idleSince).toISOString()}) while its endpoints were healthy and its queue held ${alert.queued ?? 'unknown'} unclaimed task(s).`,
                    '',
                    `Why it is still idle: ${alert.why}.`,
                    '',
                    `The guard checks again every ${(0,age/* formatAge */.n)(cycleMs)} or so and closes this issue when work flows again.`,
                ].join('\n'),
                labels: [],
            });
        },
        async resolve(alert) {
            await effects.closeIssue(idleAlertMarker(alert.lane, alert.idleSince), `Lane **${alert.lane}** is no longer idle (the streak lasted ${alert.idleCycles} cycle(s)).`);
        },
    };
}
/** The lane's tracking issue: where an operator pauses it with the label (or `/keel pause`). */
async function ensureTrackingIssue(effects, lane, label, stalePauseMs) {
    await effects.ensureIssue({
        marker: laneMarker(lane.name),
        title: `keel lane ${lane.name}`,
        body: [
            `Tracking issue of the keel lane **${lane.name}** (workflow \`${lane.workflow ?? '—'}\`).`,
            '',
            `Add the \`${label}\` label to pause the lane: the idle guard will not start it. A pause older than ${(0,age/* formatAge */.n)(stalePauseMs)} counts as forgotten and is cleared when the lane sits idle with queued work.`,
        ].join('\n'),
        labels: [],
    });
}

// EXTERNAL MODULE: ./lib/github/claims/task-claims.js + 1 modules
var task_claims = __webpack_require__(31176);
// EXTERNAL MODULE: ./lib/lanes/index.js + 13 modules
var lanes = __webpack_require__(17528);
;// CONCATENATED MODULE: ./lib/action/guard-claims.js



function githubLaneClaims(client, ctx) {
    // Listing only: the sha a created claim would point at is never used.
    const claims = (0,ref_claims/* createRefClaims */.l)({ client, owner: ctx.owner, repo: ctx.repo, sha: '' });
    return async (lane) => {
        const held = await (0,task_claims/* githubTaskClaims */.Q)(claims, (0,lanes/* queueClaimPrefix */.KA)(lane.queueFile, ctx.workspace)).held();
        return (task) => held.has((0,task_claims/* taskKey */.D)((0,lanes/* laneRunId */.NK)(task.id)));
    };
}

;// CONCATENATED MODULE: ./lib/action/guard-action.js
/**
 * `actions/guard`: one idle-guard cycle in GitHub Actions, for a scheduled workflow
 * (`.github/workflows/keel-guard.yml`). Probes from this runner, reads queue depths from the queue files
 * in the checkout, takes pauses from the `keel:paused` label on each lane's tracking issue, starts lanes
 * with `workflow_dispatch` of their workflow, resumes interrupted runs found on the state branch, writes
 * the cycle report to the job summary and opens (or closes) the `persistent_idle_condition` issues.
 *
 * The guard's memory (`.keel/guard/`) lives in the checkout, which a fresh job does not have: the example
 * workflow carries it from run to run with actions/cache. Without it every run starts the idle counters
 * afresh and `persistent_idle_condition` can never be reached — the step says so in its log.
 */
















async function runGuardAction(deps) {
    const { io, env } = deps;
    const clock = deps.clock ?? base_clock/* systemClock */.ml;
    const setup = await actionSetup(await actionBase(io, env), io, env);
    const { ctx, config, settings, client, secrets } = setup;
    const lanesFile = await (0,lanes/* loadLanesFile */.YS)((0,external_node_path_.join)(ctx.workspace, io.input('lanes').trim() || '.github/keel-lanes.yml'));
    const guardDir = (0,state_layout/* stateLayout */.G)(setup.stateDir).guard.dir;
    const label = (0,triggers/* pausedLabel */.DI)('keel');
    const scrub = (text) => (0,base_secrets/* redact */.E$)(text, secrets);
    const issues = new effects/* GitHubEffects */.um({
        client,
        owner: ctx.owner,
        repo: ctx.repo,
        runUrl: (0,api/* runUrl */.Vp)(ctx),
        redact: scrub,
        labels: { base: GUARD_ISSUE_LABEL },
        clock,
    });
    const resumeWorkflow = io.input('resume-workflow').trim();
    const ref = io.input('ref').trim() || env.GITHUB_REF_NAME || (await defaultBranch(setup));
    if ((await (0,atomic_file/* readJsonFile */.JE)((0,external_node_path_.join)(guardDir, state_layout/* GUARD_STATE_FILE */.ro))).ok === false) {
        io.info(`keel guard: no previous guard state in ${guardDir}; idle counters start at zero (cache .keel/guard between runs to keep them)`);
    }
    if (bool(io, 'tracking-issues', true)) {
        for (const lane of lanesFile.lanes) {
            await ensureTrackingIssue(issues, lane, label, lanesFile.guard.stalePauseMs);
        }
    }
    const outcome = await (0,guard/* runGuardCycle */.pR)({
        lanesFile,
        config,
        clock,
        guardDir,
        actor: `keel guard (${(0,api/* runUrl */.Vp)(ctx)})`,
        redact: scrub,
        effects: {
            ...(0,guard/* guardProbes */.TT)({
                config,
                env,
                signal: deps.signal,
                clock,
                ...(deps.fetch ? { fetch: deps.fetch } : {}),
            }),
            queueDepth: deps.queueDepth ?? (0,guard/* guardQueueDepth */.YK)(lanesFile, githubLaneClaims(client, ctx)),
            ...githubGuardEffects({
                target: githubTarget(client, ctx),
                lanesFile,
                ref,
                ...(resumeWorkflow !== '' ? { resumeWorkflow } : {}),
                branchRuns: deps.branchRuns ??
                    (() => (0,state_branch/* listBranchRuns */.RB)({
                        git: setup.git,
                        repoRoot: ctx.workspace,
                        branch: settings.stateBranch,
                        secrets,
                        clock,
                        log: (event) => io.info(`state branch: ${JSON.stringify(event)}`),
                    })),
                pausedLabel: label,
                now: () => clock.now(),
            }),
            alerts: issueAlerts(issues, lanesFile.guard.cycleIntervalMs),
            events: (event) => io.info(`keel guard: ${scrub(JSON.stringify(event))}`),
        },
    });
    if (outcome.kind === 'busy') {
        io.info(`keel guard: another cycle holds ${outcome.lock}; nothing to do`);
        return 0;
    }
    const { report } = outcome;
    io.setOutput('started', JSON.stringify(report.started));
    io.setOutput('idle-lanes', JSON.stringify(report.fleet.idleLanes));
    io.setOutput('resumed', JSON.stringify(report.resumes.filter((r) => r.action === 'dispatched').map((r) => r.runId)));
    io.setOutput('fleet-idle-cycles', String(report.fleet.idleCycles));
    io.setOutput('report', (0,external_node_path_.join)(guardDir, state_layout/* GUARD_REPORT_FILE */._A));
    for (const alert of report.alerts) {
        io.annotate({
            level: 'warning',
            title: 'persistent_idle_condition',
            message: `lane ${alert.lane} idle for ${alert.idleCycles} cycle(s)${alert.error !== undefined ? ` (issue not opened: ${alert.error})` : ''}`,
        });
    }
    await io.summary(guardSummary(report));
    return 0;
}
/** The cycle report as Markdown for the job summary. */
function guardSummary(report) {
    const cell = (text) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
    const rows = report.lanes.map((lane) => {
        const verdicts = Object.entries(lane.health.endpoints)
            .map(([id, verdict]) => `${id}: ${verdict}`)
            .join(', ');
        return `| ${cell(lane.lane)} | ${lane.status} | ${lane.queued ?? '?'} | ${lane.action} | ${lane.idleCycles} | ${cell(verdicts || '—')} | ${cell(lane.activity?.detail ?? 'unknown')} |`;
    });
    const lines = [
        `## keel guard — cycle ${report.cycle}`,
        '',
        `${report.probed ? 'Endpoints probed' : 'Probe not due'}; ${report.scanned ? 'capabilities scanned' : 'scan not due'}. ` +
            (report.fleet.idle ? `**Fleet idle for ${report.fleet.idleCycles} cycle(s).**` : 'Fleet not idle.'),
        '',
        '| lane | status | queued | action | idle cycles | endpoints | activity |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
    ];
    const notes = [];
    for (const cleared of report.pausesCleared) {
        notes.push(`- cleared the stale pause of **${cell(cleared.lane)}** set by ${cell(cleared.flag.by)} at ${new Date(cleared.flag.at).toISOString()}`);
    }
    for (const run of report.resumes) {
        if (run.action === 'dispatched')
            notes.push(`- resume dispatched for run \`${run.runId}\``);
        if (run.action === 'failed')
            notes.push(`- resume of \`${run.runId}\` failed: ${cell(run.error ?? '')}`);
    }
    if (report.resumeError !== undefined)
        notes.push(`- interrupted runs could not be listed: ${cell(report.resumeError)}`);
    for (const alert of report.alerts) {
        notes.push(`- ⚠️ \`persistent_idle_condition\`: **${cell(alert.lane)}** idle for ${alert.idleCycles} cycle(s)`);
    }
    if (report.stateProblem !== undefined)
        notes.push(`- ${cell(report.stateProblem)}`);
    return [...lines, ...notes, ''].join('\n');
}
async function defaultBranch(setup) {
    try {
        const { data } = await setup.client.rest.repos.get({ owner: setup.ctx.owner, repo: setup.ctx.repo });
        return data.default_branch;
    }
    catch (error) {
        throw new Error(`cannot tell which ref to dispatch workflows on (set input ref): ${(0,errors/* errorMessage */.g)(error)}`, {
            cause: error,
        });
    }
}

// EXTERNAL MODULE: ./lib/run/persistence.js
var persistence = __webpack_require__(83310);
// EXTERNAL MODULE: ./lib/run/state.js
var run_state = __webpack_require__(41176);
// EXTERNAL MODULE: ./lib/run/recovery-record.js
var recovery_record = __webpack_require__(74826);
// EXTERNAL MODULE: ./lib/run/effects.js
var run_effects = __webpack_require__(99663);
;// CONCATENATED MODULE: ./lib/action/post-action.js
/**
 * The Action's `post` step, which GitHub runs even when `main` was killed (timeout, cancellation after the
 * grace period). If `main` finished, there is nothing to do. Otherwise the last checkpoint `main` left is
 * marked interrupted (and its manifest with it), the recovery issue is opened or updated, the tracking
 * comment on the issue the run was asked from says so, and all of it is copied to the state branch and an
 * artifact — so no run ever disappears without a trace.
 */










async function runPost({ io, env, }) {
    const saved = readMainState(io);
    if (saved.finished || saved.ignored)
        return 0;
    const { runDir, stateDir } = saved;
    if (!runDir || !stateDir) {
        if (saved.intent)
            return reportUnstarted(io, env, saved.intent, saved.issueNumber);
        io.info('keel post: main saved no run (it stopped before starting one); nothing to recover');
        return 0;
    }
    const setup = await actionSetup(await actionBase(io, env), io, env);
    const { settings, ctx, durable } = setup;
    const store = new state_store.TaskStateStore({ runDir });
    const { state, problem } = await store.load();
    if (!state) {
        io.info(`keel post: no readable checkpoint in ${runDir}${problem ? ` (${problem})` : ''}`);
        if (saved.intent)
            return reportUnstarted(io, env, saved.intent, saved.issueNumber);
        return 0;
    }
    // Validation changed the repository: main published nothing, and neither does post (not even a checkpoint).
    if (state.interruption?.kind === 'security') {
        io.info(`keel post: run ${state.runId} stopped for security (${state.interruption.reason}); nothing saved`);
        return 0;
    }
    if ((0,run_state/* isUnfinished */.ui)(state)) {
        for (const step of Object.values(state.steps))
            if (step.status === 'running')
                step.status = 'pending';
        state.status = 'interrupted';
        state.interruption ??= {
            reason: 'the main step was killed before it could save (timeout or cancellation)',
            at: Date.now(),
        };
        state.updatedAt = Date.now();
        await store.save(state);
    }
    if (state.status === 'interrupted' && settings.effects === 'github') {
        const effects = githubEffects(setup, trackingIssueOf(state) ?? saved.issueNumber);
        // What main would have written had it lived. Unchanged text is not written again, and unchanged
        // effects are not saved again, so a second post adds nothing.
        const { issue, comment } = await (0,recovery_record/* writeRecoveryRecord */.Q)(effects, state, {
            resumeCommand: resumeInstructions(ctx, state.runId),
            now: Date.now,
            save: () => store.save(state),
        });
        io.info(`keel post: recovery issue ${issue.url}`);
        if (comment.url !== '')
            io.info(`keel post: tracking comment ${comment.url}`);
    }
    // `keel status` and the state branch's listing read the manifest: it says interrupted now too.
    await new persistence/* PersistenceCoordinator */.IC({ store, runDir }).writeManifest(state);
    await (0,run_copies/* saveDurably */.l)({ ...durable, log: (line) => io.info(`keel post: ${line}`) }, { runId: state.runId, runDir, fleetStatePath: (0,state_layout/* stateLayout */.G)(stateDir).fleetState }, 8_000, 
    // Main's claim of the run: pushed only while it is still main's, and released with that push.
    saved.claim);
    return 0;
}
/**
 * main was killed after it named the run but before the run's first checkpoint: nothing was done, but the
 * request must not vanish. The recovery issue (under the run's recovery marker, so a later run of the same id
 * closes it when it finishes) says which run, from what trigger, for which task, and how to ask again.
 */
async function reportUnstarted(io, env, intent, issueNumber) {
    const task = intent.task.split('\n', 1)[0] ?? '';
    io.info(`keel post: run ${intent.runId} (${intent.trigger}) was stopped before its first checkpoint; nothing was done. Task: ${task}`);
    const setup = await actionSetup(await actionBase(io, env), io, env);
    if (setup.settings.effects !== 'github')
        return 0;
    const marker = (0,run_effects/* effectMarker */.I)(intent.runId, 'recovery');
    const issue = await githubEffects(setup, issueNumber).ensureIssue({
        marker,
        title: `keel: run ${intent.runId} stopped before it started`,
        body: [
            `keel's run \`${intent.runId}\` (trigger: ${intent.trigger}) was stopped before it saved anything —`,
            'the job was cancelled or killed in its first moments. Nothing was done: no commit, no pull request.',
            '',
            `Task: ${task}`,
            '',
            'To try again, re-run the job, or ask again the way the run was asked for.',
            '',
            marker,
        ].join('\n'),
        labels: ['keel', 'keel-recovery'],
    });
    io.info(`keel post: recovery issue ${issue.url}`);
    return 0;
}

;// CONCATENATED MODULE: ./lib/action/steps.js




const ACTION_STEPS = {
    main: (c) => runAction(c),
    post: ({ io, env }) => runPost({ io, env }),
    plan: (c) => runPlanAction(c),
    code: (c) => runCodeAction(c),
    review: (c) => runReviewAction(c),
    guard: (c) => runGuardAction(c),
};
function isActionStep(name) {
    return Object.hasOwn(ACTION_STEPS, name);
}

// EXTERNAL MODULE: ./lib/cli/index.js + 1 modules
var cli = __webpack_require__(56442);
;// CONCATENATED MODULE: ./lib/lane-step.js


async function runLaneStep({ io, env, signal }) {
    const input = (name) => io.input(name).trim();
    const lane = input('lane');
    if (lane === '')
        throw new SettingsError('input lane: the lane to run (a name from the lanes file) is required');
    const token = input('github-token');
    if (token !== '')
        io.setSecret(token);
    const effects = input('effects') || 'github';
    const args = ['lane', '--lanes', input('lanes') || '.github/keel-lanes.yml', '--lane', lane];
    args.push('--effects', effects, '--state-branch', input('state-branch') || 'keel/state', '--json');
    if (input('config') !== '')
        args.push('--config', input('config'));
    if (input('max-tasks') !== '')
        args.push('--max-tasks', input('max-tasks'));
    const out = [];
    const code = await (0,cli.runCli)(args, {
        stdout: (text) => out.push(text),
        stderr: (text) => io.info(text.trimEnd()),
        env: { ...env, ...(token !== '' ? { GITHUB_TOKEN: token } : {}) },
        cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
        signal,
    });
    const printed = out.join('');
    io.info(printed.trimEnd());
    const result = lastJson(printed);
    if (result) {
        io.setOutput('stop', typeof result.stop === 'string' ? result.stop : '');
        io.setOutput('processed', typeof result.processed === 'number' ? String(result.processed) : '0');
        io.setOutput('outcomes', JSON.stringify(result.outcomes ?? {}));
    }
    return code;
}
/** The result line `--json` prints last. */
function lastJson(text) {
    const line = text.trimEnd().split('\n').at(-1) ?? '';
    try {
        const parsed = JSON.parse(line);
        return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/main.js
/**
 * The Action's one entry: `run(step)` for the root action's `main` and `post` and for every sub-action
 * (`actions/<name>`), wiring the runner to the step and nothing else. The build bundles it into `dist/keel/`
 * (src/bundle.ts), `dist/action/index.js` loads it, and each `dist/<step>/index.js` is `await run('<step>')`.
 */




/** Steps wired here rather than in `action/steps.ts`: they run a CLI command (a layer `action/` cannot import). */
const ENTRY_STEPS = { lane: runLaneStep };
async function run(step) {
    const body = isActionStep(step)
        ? ACTION_STEPS[step]
        : Object.hasOwn(ENTRY_STEPS, step)
            ? ENTRY_STEPS[step]
            : undefined;
    if (!body)
        throw new Error(`keel: no action step named "${step}"`);
    await runEntry((signal) => body({ io: actionsIO(), env: process.env, signal }));
}


/***/ }),

/***/ 10367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ exitCode)
/* harmony export */ });
/** The process exit code of a run's outcome: interrupted runs exit with the configured code (a resume follows). */
function exitCode(state, onInterrupt) {
    if (state.status === 'interrupted')
        return onInterrupt;
    if (state.status === 'failed' || state.status === 'running')
        return 1;
    return 0;
}


/***/ })

};
