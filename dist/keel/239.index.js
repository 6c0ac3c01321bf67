export const id = 239;
export const ids = [239];
export const modules = {

/***/ 6239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LANE_USAGE: () => (/* binding */ LANE_USAGE),
  laneCommand: () => (/* binding */ laneCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var base_secrets = __webpack_require__(80991);
// EXTERNAL MODULE: ./lib/github/api/index.js + 3 modules
var api = __webpack_require__(82419);
// EXTERNAL MODULE: ./lib/lanes/index.js + 13 modules
var lib_lanes = __webpack_require__(17528);
// EXTERNAL MODULE: ./lib/base/clock.js
var clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/queue/claim-store.js
var claim_store = __webpack_require__(27627);
// EXTERNAL MODULE: ./lib/base/sanitize-untrusted.js
var sanitize_untrusted = __webpack_require__(21717);
// EXTERNAL MODULE: ./lib/github/triggers/index.js + 7 modules
var triggers = __webpack_require__(51714);
// EXTERNAL MODULE: ./lib/queue/normalize.js
var normalize = __webpack_require__(17664);
;// CONCATENATED MODULE: ./lib/github/tasks/issue-source.js



async function issueTasks(client, ctx, lanes, options = {}) {
    const label = options.label ?? triggers/* DEFAULT_TASK_LABEL */.RJ;
    const lanePrefix = `${label}:lane:`.toLowerCase();
    const priorityPrefix = `${label}:priority:`.toLowerCase();
    const out = { tasks: [], problems: [] };
    for await (const { issue, labels: names } of (0,triggers/* openTaskIssues */.Y1)(client, ctx, label, options.maxPages ?? 10)) {
        const body = issue.body ?? '';
        if (body.includes('<!-- keel:run='))
            continue;
        const ref = issue.html_url || `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/issues/${issue.number}`;
        const owners = names
            .filter((n) => n.toLowerCase().startsWith(lanePrefix))
            .map((n) => n.slice(lanePrefix.length));
        if (new Set(owners).size > 1) {
            out.problems.push({ ref, reason: `more than one lane label: ${owners.join(', ')}` });
            continue;
        }
        const priorities = names
            .filter((n) => n.toLowerCase().startsWith(priorityPrefix))
            .map((n) => Number(n.slice(priorityPrefix.length)));
        const text = (0,sanitize_untrusted/* issueText */.v4)(issue.title, body);
        const result = (0,normalize/* normalizeTask */.Lj)({
            id: `issue:${issue.number}`,
            text,
            ...(owners[0] !== undefined ? { owner: owners[0] } : {}),
            ...(priorities.length > 0 ? { priority: Math.max(...priorities) } : {}),
        }, ref, { lanes, source: 'issue' });
        if (result.ok)
            out.tasks.push(result.task);
        else
            out.problems.push(result.problem);
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/github/tasks/index.js
/** github/tasks/: what the rest of keel uses of it. */


// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(77012);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(18908);
// EXTERNAL MODULE: ./lib/cli/parse-command-args.js
var parse_command_args = __webpack_require__(57851);
// EXTERNAL MODULE: ./lib/durable/artifacts/index.js + 4 modules
var artifacts = __webpack_require__(48963);
// EXTERNAL MODULE: ./lib/durable/run-copies.js
var run_copies = __webpack_require__(42210);
// EXTERNAL MODULE: ./lib/exec/command-runner.js
var command_runner = __webpack_require__(63683);
// EXTERNAL MODULE: ./lib/git/git-runner.js + 2 modules
var git_runner = __webpack_require__(28540);
// EXTERNAL MODULE: ./lib/github/claims/ref-claims.js
var ref_claims = __webpack_require__(1312);
// EXTERNAL MODULE: ./lib/github/claims/task-claims.js + 1 modules
var task_claims = __webpack_require__(31176);
// EXTERNAL MODULE: ./lib/github/effects/index.js + 10 modules
var effects = __webpack_require__(94492);
;// CONCATENATED MODULE: ./lib/cli/lane-github.js
/**
 * `keel lane --effects github`: a lane on a GitHub runner publishes like the Action (issues, the pull request
 * from the pushed work branch, the checkpoint on the state branch) and shares its claims through GitHub
 * (a ref per claimed task, created with the git data API: only one runner wins it), so a lane's work
 * outlives the job and lanes on several runners never take one task twice (issue 11 §6).
 *
 * It reads what a workflow step has: `GITHUB_TOKEN` (or `GH_TOKEN`), `GITHUB_REPOSITORY`, `GITHUB_API_URL`,
 * `GITHUB_SHA`, `GITHUB_RUN_ID`, `GITHUB_SERVER_URL`. Pushes (the work branch, the state branch) go to
 * `origin` with that token (`git/remote-auth.ts`), not the credential the checkout stored: a PAT or an App
 * token then starts the repository's `push`/`pull_request` workflows on keel's pull requests.
 */













/** Time allowed for a run's durable copies after it ends. */
const SAVE_TIMEOUT_MS = 15_000;
async function laneOnGitHub(o) {
    const token = o.env.GITHUB_TOKEN || o.env.GH_TOKEN;
    if (!token)
        throw new cli_io/* UsageError */.e('--effects github needs GITHUB_TOKEN (or GH_TOKEN) in the environment');
    const ctx = await (0,api/* readActionContext */.wc)({ ...o.env, GITHUB_WORKSPACE: o.repo });
    const auth = (0,git_runner/* remoteAuth */.hq)(token, ctx.serverUrl);
    const baseBranch = (0,triggers/* eventBaseBranch */._N)(ctx);
    const secrets = (0,base_secrets/* collectSecrets */.qb)(o.config, o.env, [token, ...(0,git_runner/* remoteAuthSecrets */.iZ)(auth)]);
    const client = (0,api/* createOctokit */.Qi)({ token, baseUrl: ctx.apiUrl, secrets: () => secrets });
    const git = (0,git_runner/* createGit */.lD)({
        runner: (0,command_runner/* createCommandRunner */._m)({ secrets: () => secrets }),
        secrets: () => secrets,
        ...(auth ? { remoteAuth: auth } : {}),
    });
    const sha = o.env.GITHUB_SHA?.trim() || (await git.run(['rev-parse', 'HEAD'], { cwd: o.repo })).stdout.text.trim();
    const claims = (0,ref_claims/* createRefClaims */.l)({ client, owner: ctx.owner, repo: ctx.repo, sha });
    const durable = {
        git,
        repoRoot: o.repo,
        branch: o.stateBranch,
        artifacts: (0,artifacts/* selectArtifactStore */.GI)(o.env, {
            token,
            owner: ctx.owner,
            repo: ctx.repo,
            runnerTemp: ctx.runnerTemp,
            secrets,
        }),
        secrets,
        log: o.log,
        remote: true,
    };
    return {
        shared: (0,task_claims/* githubTaskClaims */.Q)(claims, (0,lib_lanes/* queueClaimPrefix */.KA)(o.queueFile, o.repo)),
        publish: {
            async restore(runId) {
                // A run this lane starts may have been begun on another runner (and stopped there): continue it.
                const found = await (0,run_copies/* restoreDurably */.G)(durable, o.stateDir, runId, async () => undefined);
                o.log(`checkpoint of run ${runId}: ${found}`);
            },
            effects: () => (0,effects/* repoEffects */.jn)({ client, ctx, token, secrets }),
            pushTo: 'origin',
            ...(auth ? { remoteAuth: auth } : {}),
            ...(baseBranch ? { baseBranch } : {}),
            async saved({ runId, runDir }) {
                await (0,run_copies/* saveDurably */.l)(durable, { runId, runDir, fleetStatePath: (0,state_layout/* stateLayout */.G)(o.stateDir).fleetState }, SAVE_TIMEOUT_MS).catch((error) => o.log(`durable copies of ${runId}: ${error.message}`));
            },
        },
    };
}

// EXTERNAL MODULE: ./lib/cli/project-dir.js
var project_dir = __webpack_require__(53013);
;// CONCATENATED MODULE: ./lib/cli/lane-command.js
/**
 * `keel lane`: a worker that drains a task queue through the run engine (`--task-queue-file` /
 * `--task-queue-state-file`, the names lane runners already use). Many lanes may share one queue and one claim-state
 * file; each task is claimed once. `--persistent` keeps the lane waiting for new lines when the queue is
 * drained: work keeps flowing while nobody dispatches anything. `--concurrency N|auto` runs several tasks at
 * once. SIGINT/SIGTERM stop it cleanly — every run in progress checkpoints, stays claimed, and is resumed by
 * the next start of the lane.
 *
 * Exit 0 when drained, stopped by a signal, paused (not persistent) or at --max-tasks; 1 when a run was
 * interrupted by something else than our signal or when tasks kept failing to start.
 */















const LANE_USAGE = `usage: keel lane --queue-file F --queue-state-file S [options]

  --queue-file F           the queue: a JSON array, { "tasks": [...] }, or NDJSON (one task per line)
  --queue-state-file S     the claim-state file (shared by every lane draining the queue)
  --lane NAME              this lane's name (default: default); it takes its own tasks and unowned ones
  --lanes FILE             the lanes file: the lane names a task's owner may be, and this lane's defaults
  --persistent             wait for new work when the queue is drained instead of exiting
  --repo DIR               the repository the runs work on (default: the current directory)
  --config FILE            configuration file (default: .github/keel.yml or keel.yml in the repository)
  --state-dir DIR          runs, and lanes/<name>/ (heartbeat, events, pause flag) (default: <repo>/.keel,
                           or the lanes file's stateDir)
  --pause-flag FILE        claim nothing while this file exists (default: <state-dir>/lanes/<name>/paused.flag)
  --poll-ms N              how often to look for new work and beat the heartbeat (default 2000)
  --max-tasks N            stop after N tasks
  --concurrency N|auto     tasks in flight at once, each its own run and worktree (default: the lanes file's
                           concurrency, else 1); auto: as many as keep the lane's slots busy
  --issues                 also take open issues labelled keel (GITHUB_TOKEN, GITHUB_REPOSITORY)
  --recycle                reopen finished tasks while idle (the lanes file's guard.recycle bounds)
  --json                   print the lane's result as JSON on stdout
  --effects github|local   github: publish like the Action (issues, pull requests, the pushed work branch,
                           checkpoints on the state branch) and claim tasks through GitHub (one ref per task,
                           refs/keel/claims/…), so lanes on several runners share them. Default: github
                           inside GitHub Actions when GITHUB_TOKEN is set, else local (records under .keel/)
  --state-branch B         the state branch of --effects github (default keel/state)

Environment: KEEL_TASK_QUEUE_MAX_CLAIMED bounds the claim records kept (default 10000);
KEEL_TASK_QUEUE_PERSISTENT_MODE=0 turns --persistent off; KEEL_HEARTBEAT_FILE (set by keel daemon) moves
the heartbeat.
`;
const ISSUE_POLL_MS = 60_000;
const laneCommand = async (argv, io) => {
    const args = parseLaneArgs(argv);
    if (args === 'help') {
        io.stdout(LANE_USAGE);
        return 0;
    }
    const lanesFile = args.lanes !== undefined ? await (0,lib_lanes/* loadLanesFile */.YS)((0,external_node_path_.resolve)(io.cwd, args.lanes)) : undefined;
    const laneConfig = lanesFile?.lanes.find((lane) => lane.name === args.lane);
    if (lanesFile && !laneConfig)
        throw new cli_io/* UsageError */.e(`--lane ${args.lane}: no such lane in ${args.lanes}`);
    const queueFile = required(args.queueFile ?? laneConfig?.queueFile, '--queue-file', io);
    const queueStateFile = required(args.queueStateFile ?? laneConfig?.queueStateFile, '--queue-state-file', io);
    const repo = args.repo !== undefined ? (0,external_node_path_.resolve)(io.cwd, args.repo) : (0,project_dir/* projectDir */.t)(io);
    const stateDir = (0,external_node_path_.resolve)(io.cwd, args.stateDir ?? lanesFile?.stateDir ?? (0,external_node_path_.join)(repo, state_layout/* DEFAULT_STATE_DIR */.mU));
    const laneDir = (0,lib_lanes/* laneDirOf */.VD)(lanesFile?.stateDir ?? stateDir, args.lane);
    const config = await (0,load/* loadConfig */.Z9)(args.config !== undefined ? (0,external_node_path_.resolve)(io.cwd, args.config) : undefined, {
        cwd: repo,
    });
    if (lanesFile)
        (0,lib_lanes/* checkLaneEndpoints */.hu)(args.lanes, lanesFile, config.endpoints.map((e) => e.id));
    const persistent = args.persistent && io.env.KEEL_TASK_QUEUE_PERSISTENT_MODE !== '0';
    const secrets = (0,base_secrets/* collectSecrets */.qb)(config, io.env);
    const progress = (line) => (args.json ? io.stderr : io.stdout)(`${line}\n`);
    const queue = new QueueReport(args.lane, progress, (text) => (0,base_secrets/* redact */.E$)(text, secrets));
    const events = new event_log/* EventLog */.vu({
        path: (0,external_node_path_.join)(laneDir, state_layout/* EVENTS_FILE */.Pc),
        redact: (text) => (0,base_secrets/* redact */.E$)(text, secrets),
        observe: (event) => queue.observe(event),
    });
    const store = new claim_store/* ClaimStore */.O({
        path: queueStateFile,
        maxClaimed: (0,claim_store/* maxClaimedFrom */.YS)(io.env),
        log: (event) => void events.append(event),
    });
    const lanes = lanesFile ? lanesFile.lanes.map((lane) => lane.name) : [args.lane];
    const concurrency = concurrencyOf(args, lanesFile, laneConfig, config, io, progress);
    const onGitHub = (args.effects ?? defaultEffects(io.env)) === 'github'
        ? await laneOnGitHub({
            env: io.env,
            repo,
            stateDir,
            config,
            queueFile,
            stateBranch: args.stateBranch,
            log: progress,
        })
        : undefined;
    const watch = persistent ? (0,lib_lanes/* createQueueWatch */.bG)(queueFile) : undefined;
    const runner = new lib_lanes/* LaneRunner */.nd({
        lane: args.lane,
        lanes,
        queueFile,
        store,
        engine: (0,lib_lanes/* engineLane */.l4)({
            config,
            repo,
            stateDir,
            env: io.env,
            progress,
            ...(onGitHub ? { publish: onGitHub.publish } : {}),
        }),
        ...(onGitHub ? { shared: onGitHub.shared } : {}),
        events,
        heartbeatFile: io.env.KEEL_HEARTBEAT_FILE || (0,external_node_path_.join)(laneDir, state_layout/* HEARTBEAT_FILE */.gE),
        pauseFlag: pauseFlagOf(args, laneConfig, laneDir, io),
        persistent,
        concurrency,
        signal: io.signal,
        progress,
        ...(args.pollMs !== undefined ? { pollMs: args.pollMs } : {}),
        ...(args.maxTasks !== undefined ? { maxTasks: args.maxTasks } : {}),
        ...(args.issues ? { sources: [await issueSource(io, lanes)] } : {}),
        ...(args.recycle ? { recycle: recycleSettings(lanesFile) } : {}),
        ...(watch ? { wake: (signal) => watch.wake(signal) } : {}),
    });
    const many = concurrency.setting === 1 ? '' : `, concurrency ${concurrency.setting}`;
    progress(`[lane ${args.lane}] draining ${queueFile}${persistent ? ' (persistent)' : ''}${many}` +
        (onGitHub ? '; publishing on GitHub, claims shared through refs/keel/claims/' : ''));
    // Drained and gone: a queue file that is not there is a mistake (a path, a file never committed), not
    // an empty queue. A persistent lane waits for it; a lane fed by issues needs none.
    if (!persistent && !args.issues && !(0,external_node_fs_.existsSync)(queueFile)) {
        io.stderr(`keel lane: the queue file ${queueFile} does not exist\n`);
        return 1;
    }
    let result;
    try {
        result = await runner.run();
    }
    finally {
        watch?.close();
    }
    if (args.json)
        io.stdout(`${JSON.stringify({ lane: args.lane, ...result })}\n`);
    else
        progress(`[lane ${args.lane}] stopped: ${result.stop}${result.detail ? ` (${result.detail})` : ''}; ` +
            `${result.processed} task(s): ${result.outcomes.done} done, ${result.outcomes.blocked} blocked, ${result.outcomes.failed} failed`);
    if (result.stop === 'errors' || result.stop === 'interrupted')
        return 1;
    // Read lines, but not one of them was a task it could run: the queue is wrong, and saying `drained` with
    // exit 0 would hide it.
    if (result.stop === 'drained' && result.processed === 0 && queue.count > 0) {
        io.stderr(`keel lane: ${queue.summary()}\n`);
        return 1;
    }
    return 0;
};
/** A queue's problems on the console: how many, and the first few reasons (all of them are in events.ndjson). */
class QueueReport {
    count = 0;
    #shown = [];
    #lane;
    #progress;
    #redact;
    constructor(lane, progress, redact) {
        this.#lane = lane;
        this.#progress = progress;
        this.#redact = redact;
    }
    observe(event) {
        if (event.type !== 'queue_problem')
            return;
        this.count += 1;
        if (this.#shown.length >= SHOWN_PROBLEMS)
            return;
        const line = this.#redact(`${String(event.ref)}: ${String(event.reason)}`).slice(0, 300);
        this.#shown.push(line);
        this.#progress(`[lane ${this.#lane}] queue problem: ${line}`);
    }
    summary() {
        return `no task could be read from the queue: ${this.count} problem(s), e.g. ${this.#shown.join('; ')}`;
    }
}
const SHOWN_PROBLEMS = 3;
/** In GitHub Actions with a token, a lane publishes on GitHub (its work must outlive the job). */
function defaultEffects(env) {
    return env.GITHUB_ACTIONS === 'true' && Boolean(env.GITHUB_TOKEN || env.GH_TOKEN) ? 'github' : 'local';
}
function required(value, flag, io) {
    if (value === undefined)
        throw new cli_io/* UsageError */.e(`${flag} is required (or --lanes FILE with --lane NAME)`);
    return (0,external_node_path_.resolve)(io.cwd, value);
}
function pauseFlagOf(args, lane, laneDir, io) {
    if (args.pauseFlag !== undefined)
        return (0,external_node_path_.resolve)(io.cwd, args.pauseFlag);
    return lane?.pauseFlag ?? (0,external_node_path_.join)(laneDir, state_layout/* PAUSE_FLAG_FILE */.ln);
}
/**
 * `--concurrency`, else the lanes file's (default `auto`), else one. More than one run per process keeps
 * `maxParallel` exact only through the shared slot leases: with them off (`KEEL_SHARED_SLOTS=0`, and no
 * `coordination.redis`) every run would hold the whole cap, so an explicit N > 1 is refused and `auto`
 * stays at one.
 */
function concurrencyOf(args, lanesFile, lane, config, io, progress) {
    let setting = args.concurrency ?? lane?.concurrency ?? 1;
    if (setting !== 1 && io.env.KEEL_SHARED_SLOTS === '0' && config.coordination === undefined) {
        if (args.concurrency !== undefined)
            throw new cli_io/* UsageError */.e(`--concurrency ${setting} needs shared slots (KEEL_SHARED_SLOTS=0 turns them off: each run would hold every endpoint's whole maxParallel)`);
        progress(`[lane ${args.lane}] concurrency 1: KEEL_SHARED_SLOTS=0 turns off the slot leases it relies on`);
        setting = 1;
    }
    const lanes = lanesFile?.lanes ?? [];
    return (0,lib_lanes/* laneConcurrency */.eP)(setting, {
        config,
        lane: lane ?? { name: args.lane, endpoints: [] },
        lanes: lanes.length > 0 ? lanes : [{ name: args.lane, endpoints: [] }],
        clock: clock/* systemClock */.ml,
    });
}
function recycleSettings(lanesFile) {
    const recycle = lanesFile?.guard.recycle;
    return {
        afterMs: recycle?.afterMs ?? 24 * 3_600_000,
        maxPerCycle: recycle?.maxPerCycle ?? 5,
        maxPerTask: recycle?.maxPerTask ?? 3,
    };
}
async function issueSource(io, lanes) {
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
    if (!token)
        throw new cli_io/* UsageError */.e('--issues needs GITHUB_TOKEN (or GH_TOKEN) in the environment');
    const ctx = await (0,api/* readActionContext */.wc)(io.env);
    const client = (0,api/* createOctokit */.Qi)({ token, baseUrl: ctx.apiUrl });
    return { name: 'issues', everyMs: ISSUE_POLL_MS, read: () => issueTasks(client, ctx, lanes) };
}
function parseLaneArgs(argv) {
    const { values } = (0,parse_command_args/* parseCommandArgs */.Q)({
        args: argv,
        options: {
            'queue-file': { type: 'string' },
            'queue-state-file': { type: 'string' },
            lane: { type: 'string' },
            lanes: { type: 'string' },
            persistent: { type: 'boolean', default: false },
            repo: { type: 'string' },
            config: { type: 'string' },
            'state-dir': { type: 'string' },
            'pause-flag': { type: 'string' },
            'poll-ms': { type: 'string' },
            'max-tasks': { type: 'string' },
            concurrency: { type: 'string' },
            issues: { type: 'boolean', default: false },
            recycle: { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            effects: { type: 'string' },
            'state-branch': { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
    }, LANE_USAGE);
    if (values.help)
        return 'help';
    const lane = values.lane ?? 'default';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(lane))
        throw new cli_io/* UsageError */.e(`--lane ${JSON.stringify(lane)}: expected letters, digits, ".", "_" or "-"`);
    const effects = values.effects;
    if (effects !== undefined && effects !== 'github' && effects !== 'local')
        throw new cli_io/* UsageError */.e(`--effects ${JSON.stringify(effects)}: expected github or local`);
    const stateBranch = values['state-branch'] ?? 'keel/state';
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(stateBranch) || stateBranch.includes('..'))
        throw new cli_io/* UsageError */.e(`--state-branch ${JSON.stringify(stateBranch)} is not a branch name`);
    return {
        lane,
        stateBranch,
        ...(effects !== undefined ? { effects } : {}),
        persistent: values.persistent,
        issues: values.issues,
        recycle: values.recycle,
        json: values.json,
        ...(values['queue-file'] !== undefined ? { queueFile: values['queue-file'] } : {}),
        ...(values['queue-state-file'] !== undefined ? { queueStateFile: values['queue-state-file'] } : {}),
        ...(values.lanes !== undefined ? { lanes: values.lanes } : {}),
        ...(values.repo !== undefined ? { repo: values.repo } : {}),
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
        ...(values['pause-flag'] !== undefined ? { pauseFlag: values['pause-flag'] } : {}),
        ...(values['poll-ms'] !== undefined ? { pollMs: integer(values['poll-ms'], '--poll-ms', 10) } : {}),
        ...(values['max-tasks'] !== undefined
            ? { maxTasks: integer(values['max-tasks'], '--max-tasks', 1) }
            : {}),
        ...(values.concurrency !== undefined ? { concurrency: concurrencyArg(values.concurrency) } : {}),
    };
}
function concurrencyArg(raw) {
    if (raw === 'auto')
        return 'auto';
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > lib_lanes/* MAX_CONCURRENCY */.fx)
        throw new cli_io/* UsageError */.e(`--concurrency expects a whole number from 1 to ${lib_lanes/* MAX_CONCURRENCY */.fx} or "auto", got "${raw}"`);
    return value;
}
function integer(raw, flag, min) {
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min)
        throw new cli_io/* UsageError */.e(`${flag} expects an integer ≥ ${min}, got "${raw}"`);
    return value;
}


/***/ })

};
