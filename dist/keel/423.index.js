export const id = 423;
export const ids = [423];
export const modules = {

/***/ 5423:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TT: () => (/* reexport */ guardProbes),
  YK: () => (/* reexport */ guardQueueDepth),
  $7: () => (/* reexport */ localGuardEffects),
  pR: () => (/* reexport */ runGuardCycle),
  RS: () => (/* reexport */ runGuardLoop)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/queue/claim-store.js
var claim_store = __webpack_require__(27627);
// EXTERNAL MODULE: ./lib/queue/recycle.js
var recycle = __webpack_require__(10974);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: ./lib/base/file-lock.js
var file_lock = __webpack_require__(33071);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
// EXTERNAL MODULE: ./lib/base/heartbeat.js
var heartbeat = __webpack_require__(96893);
// EXTERNAL MODULE: ./lib/run/run-lease.js
var run_lease = __webpack_require__(15675);
// EXTERNAL MODULE: ./lib/run/state-store.js
var state_store = __webpack_require__(61472);
// EXTERNAL MODULE: ./lib/fleet/probe.js + 3 modules
var probe = __webpack_require__(62134);
;// CONCATENATED MODULE: ./lib/guard/guard-probes.js

function guardProbes(options) {
    const deps = {
        timeoutMs: options.config.policy.probe.timeoutMs,
        env: options.env,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
    };
    const runner = options.env.RUNNER_ENVIRONMENT;
    return {
        probe: async (endpoint) => (0,probe/* shouldSkipEndpoint */.uU)(endpoint, runner) ? undefined : (0,probe/* probeHealth */.v_)(endpoint, deps),
        scan: async (endpoint) => (0,probe/* shouldSkipEndpoint */.uU)(endpoint, runner) ? undefined : (0,probe/* scanCapabilities */.ce)(endpoint, deps),
    };
}

// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var secrets = __webpack_require__(80991);
// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(77012);
// EXTERNAL MODULE: ./lib/lanes/index.js + 13 modules
var lanes = __webpack_require__(17528);
;// CONCATENATED MODULE: ./lib/guard/guard-decide.js

function judgeHealth(lane, endpoints, book, unreachable, now, floor) {
    const verdicts = {};
    let healthy = 0;
    let judged = 0;
    for (const id of lane.endpoints) {
        // An id missing from keel.yml is a typo or a removed server: it cannot be healthy, so it counts.
        const verdict = !endpoints.has(id)
            ? 'unconfigured'
            : unreachable.has(id)
                ? 'unreachable'
                : book.health(id, now);
        verdicts[id] = verdict;
        if (verdict === 'unreachable')
            continue;
        judged += 1;
        if (verdict === 'healthy')
            healthy += 1;
    }
    const share = judged === 0 ? null : healthy / judged;
    return { endpoints: verdicts, healthy, judged, share, floorMet: share === null || share >= floor };
}
/** The lane's status this cycle; see IDLE above. `lastStartAt` gives the guard's own starts their grace. */
function laneStatus(observation, prior, settings, now) {
    const { activity, queued } = observation;
    if (activity === null || queued === null)
        return 'unknown';
    if (activity.state === 'active')
        return 'active';
    // A paused lane process whose flag is gone (just removed) picks up work at its next look.
    if (activity.state === 'paused' && observation.pause === undefined)
        return 'starting';
    const inGrace = prior?.lastStartAt !== undefined && now - prior.lastStartAt < settings.startGraceMs;
    if (activity.state === 'starting' || (activity.state === 'inactive' && inGrace))
        return 'starting';
    if (queued <= 0)
        return 'drained';
    if (!observation.health.floorMet)
        return 'unhealthy';
    return 'idle';
}
/**
 * Decides every lane: idle lanes that may be started are ranked by queued work (most first, then by name
 * so that ties are stable); the first `maxStartsPerCycle` keep `start` and come back in `starts`, in that
 * order, the rest get `limit`.
 */
function planLanes(observations, prior, settings, now) {
    const plans = observations.map((observation) => planLane(observation, prior, settings, now));
    const ranked = plans
        .filter((plan) => plan.intent === 'start')
        .sort((a, b) => (b.observation.queued ?? 0) - (a.observation.queued ?? 0) ||
        a.observation.lane.name.localeCompare(b.observation.lane.name));
    for (const plan of ranked.slice(settings.maxStartsPerCycle))
        plan.intent = 'limit';
    return { plans, starts: ranked.slice(0, settings.maxStartsPerCycle) };
}
function planLane(observation, prior, settings, now) {
    const name = observation.lane.name;
    const status = laneStatus(observation, own(prior, name), settings, now);
    const plan = (intent, clearPause = false) => ({
        observation,
        status,
        intent,
        clearPause,
    });
    if (status !== 'idle')
        return plan('none');
    const listed = listedFor(name, settings);
    if (listed !== 'ok')
        return plan(listed);
    if (observation.activity?.state === 'stalled')
        return plan('stalled');
    const pause = observation.pause;
    if (pause && !(0,lanes/* isPauseStale */.Cr)(pause, now, settings.stalePauseMs))
        return plan('paused');
    if (observation.activity?.state === 'paused')
        return plan('unpause', true);
    return plan('start', pause !== undefined);
}
/** The allow and deny lists' verdict on a lane (an empty allow list allows every lane). */
function listedFor(name, settings) {
    if (settings.allow.length > 0 && !settings.allow.includes(name))
        return 'not_allowed';
    return settings.deny.includes(name) ? 'denied' : 'ok';
}
/**
 * Whether to recycle the lane's finished backlog this cycle (recycled only when no directly runnable work
 * exists): nothing runs it, nothing is on its way, its queue is drained, and the guard may
 * start it. A running lane recycles its own backlog.
 */
function wantsRecycle(observation, prior, settings, now) {
    return (settings.recycle.enabled &&
        observation.activity?.state === 'inactive' &&
        laneStatus(observation, prior, settings, now) === 'drained' &&
        listedFor(observation.lane.name, settings) === 'ok');
}
/** Moves one lane's counter (see the header); `startedAt` is set when the guard started it this cycle. */
function stepCounter(prior, status, now, threshold, startedAt) {
    const base = { idleCycles: 0, ...prior };
    const lastStartAt = startedAt ?? base.lastStartAt;
    const withStart = (state) => lastStartAt !== undefined ? { ...state, lastStartAt } : state;
    if (status === 'unknown' || status === 'starting')
        return { next: withStart(base), raise: false };
    if (status === 'idle') {
        const idleCycles = base.idleCycles + 1;
        const next = withStart({ ...base, idleCycles, idleSince: base.idleSince ?? now });
        return { next, raise: idleCycles >= threshold && base.alert === undefined };
    }
    const next = withStart({ idleCycles: 0 });
    if (base.alert === undefined)
        return { next, raise: false };
    return {
        next,
        raise: false,
        resolved: {
            idleSince: base.idleSince ?? base.alert.raisedAt,
            idleCycles: base.idleCycles,
            alert: base.alert,
        },
    };
}
/** Why an idle lane is still idle after this cycle, for the alert and the report. */
function idleReason(plan, startError) {
    const pause = plan.observation.pause;
    switch (plan.intent) {
        case 'start':
            return startError !== undefined
                ? `the guard could not start it: ${startError}`
                : 'the guard started it this cycle; earlier starts did not take';
        case 'unpause':
            return 'its stale pause was cleared this cycle; the paused lane process resumes by itself';
        case 'limit':
            return 'waiting for a start slot (maxStartsPerCycle)';
        case 'paused':
            return pause
                ? `paused by ${pause.by} at ${new Date(pause.at).toISOString()}: ${pause.reason}`
                : 'paused';
        case 'denied':
            return 'on the guard deny list';
        case 'not_allowed':
            return 'not on the guard allow list';
        case 'stalled':
            return `its start is stuck: ${plan.observation.activity?.detail ?? ''}`;
        case 'none':
            return 'not idle';
    }
}
function own(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
/** Endpoint configs by id, for the health judgement. */
function endpointsById(config) {
    return new Map(config.endpoints.map((endpoint) => [endpoint.id, endpoint]));
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(12311);
// EXTERNAL MODULE: ./lib/fleet/health-book.js
var health_book = __webpack_require__(62620);
;// CONCATENATED MODULE: ./lib/guard/guard-state.js
/**
 * The guard's memory between cycles (`<stateDir>/guard/state.json`): consecutive-idle counters per lane and
 * for the fleet, when the last probe and capability scan ran (so `keel guard once` from cron knows whether
 * a scan is due), the probe results themselves, recent starts and resume dispatches (so nothing is started
 * or resumed twice), and open alerts.
 *
 * The file is advisory: whatever is in it — an older version, a hand edit, a truncated write, garbage — is
 * read entry by entry and the bad parts dropped, never thrown about. Losing it costs a counter restart and
 * a probe, nothing worse.
 */


const GUARD_STATE_VERSION = 1;
/** Resume records kept at most; older ones are for runs long finished. */
const MAX_RESUME_RECORDS = 500;
function emptyGuardState() {
    return {
        version: GUARD_STATE_VERSION,
        cycle: 0,
        updatedAt: 0,
        unreachable: [],
        health: { version: health_book/* HEALTH_BOOK_SNAPSHOT_VERSION */.R, probes: [], scans: [] },
        fleet: { idleCycles: 0 },
        // Keys are lane names and run ids, some read back from a file: no prototype to collide with.
        lanes: Object.create(null),
        resumes: Object.create(null),
    };
}
const time = schemas/* number */.aig().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const count = schemas/* number */.aig().int().nonnegative().max(1e9);
const key = schemas/* string */.YjP().min(1).max(128);
const laneSchema = schemas/* object */.Ikc({
    idleCycles: count,
    idleSince: time.optional(),
    lastStartAt: time.optional(),
    alert: schemas/* object */.Ikc({ raisedAt: time, delivered: schemas/* boolean */.zMY() }).optional(),
});
const resumeSchema = schemas/* object */.Ikc({ dispatchedAt: time, updatedAt: time });
const envelopeSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(GUARD_STATE_VERSION),
    cycle: count.catch(0),
    lastProbeAt: time.optional().catch(undefined),
    lastScanAt: time.optional().catch(undefined),
    unreachable: schemas/* array */.YOg(key).max(1_000).catch([]),
    health: schemas/* unknown */.L5J(),
    fleet: schemas/* object */.Ikc({ idleCycles: count, idleSince: time.optional() }).catch({ idleCycles: 0 }),
    lanes: schemas/* unknown */.L5J(),
    resumes: schemas/* unknown */.L5J(),
});
/**
 * The state from whatever `JSON.parse` made of the file (undefined: there was none). `problem` says what
 * was wrong with a file that could not be used, for the cycle report.
 */
function readGuardState(raw) {
    if (raw === undefined)
        return { state: emptyGuardState() };
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) {
        const issue = envelope.error.issues[0];
        return {
            state: emptyGuardState(),
            problem: `previous guard state ignored: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
        };
    }
    const data = envelope.data;
    const state = emptyGuardState();
    state.cycle = data.cycle;
    if (data.lastProbeAt !== undefined)
        state.lastProbeAt = data.lastProbeAt;
    if (data.lastScanAt !== undefined)
        state.lastScanAt = data.lastScanAt;
    state.unreachable = data.unreachable;
    // The health book validates its own snapshot entry by entry when it is restored.
    state.health = data.health;
    state.fleet = data.fleet;
    state.lanes = pick(data.lanes, laneSchema);
    state.resumes = pick(data.resumes, resumeSchema);
    return { state };
}
/** The state as written: resume records bounded, newest kept. */
function serializeGuardState(state) {
    const resumes = Object.entries(state.resumes)
        .sort(([, a], [, b]) => b.dispatchedAt - a.dispatchedAt)
        .slice(0, MAX_RESUME_RECORDS);
    return `${JSON.stringify({ ...state, resumes: Object.fromEntries(resumes) }, null, 2)}\n`;
}
/** Valid entries only, into an object without a prototype (keys come from a file). */
function pick(entries, schema) {
    const out = Object.create(null);
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries))
        return out;
    for (const [name, value] of Object.entries(entries)) {
        if (!key.safeParse(name).success)
            continue;
        const parsed = schema.safeParse(value);
        if (parsed.success)
            out[name] = parsed.data;
    }
    return out;
}

// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
// EXTERNAL MODULE: ./lib/base/age.js
var age = __webpack_require__(96018);
;// CONCATENATED MODULE: ./lib/guard/guard-report.js
function laneReport(plan, outcome, state, now, staleMs) {
    const { lane, queued, activity, pause, health, errors } = plan.observation;
    return {
        lane: lane.name,
        kind: lane.kind,
        queued,
        ...(plan.observation.recycled !== undefined ? { recycled: plan.observation.recycled } : {}),
        activity,
        health: { endpoints: health.endpoints, share: health.share, floorMet: health.floorMet },
        ...(pause
            ? { pause: { ...pause, ageMs: Math.max(0, now - pause.at), stale: now - pause.at > staleMs } }
            : {}),
        status: plan.status,
        action: outcome.action,
        pauseCleared: outcome.pauseCleared,
        idleCycles: state.idleCycles,
        ...(state.idleSince !== undefined ? { idleSince: state.idleSince } : {}),
        errors: outcome.error !== undefined ? [...errors, outcome.error] : errors,
    };
}
function endpointReport(id, book, unreachable, now) {
    const probe = book.latestProbe(id);
    const scan = book.latestScan(id);
    return {
        id,
        health: unreachable.has(id) ? 'unreachable' : book.health(id, now),
        ...(probe ? { latencyMs: probe.latencyMs, checkedAt: probe.checkedAt } : {}),
        ...(probe?.error !== undefined ? { error: probe.error } : {}),
        ...(scan ? { flavor: scan.flavor, models: scan.models.length } : {}),
    };
}

;// CONCATENATED MODULE: ./lib/guard/guard-steps.js





/** Clears the stale pauses of idle lanes (all of them, started this cycle or not), then starts `starts`. */
async function actOnLanes(scope, plans, starts, actor) {
    const { effects, now, emit } = scope;
    const { stalePauseMs } = scope.settings;
    const outcomes = new Map();
    const pausesCleared = [];
    for (const plan of plans) {
        const { lane, pause } = plan.observation;
        const outcome = { action: initialAction(plan.intent), pauseCleared: false };
        outcomes.set(lane.name, outcome);
        if (!plan.clearPause || !pause)
            continue;
        const note = {
            at: now,
            by: actor,
            reason: `stale: set ${(0,age/* formatAge */.n)(now - pause.at)} ago (older than ${(0,age/* formatAge */.n)(stalePauseMs)}) while the lane sat idle with queued work`,
        };
        const done = await attempt(() => effects.pauseFlags.clear(lane, pause, note));
        if (done.ok) {
            outcome.pauseCleared = true;
            pausesCleared.push({ lane: lane.name, flag: pause, cleared: note });
            emit({ type: 'guard_pause_cleared', lane: lane.name, flag: pause, cleared: note });
        }
        else {
            // Still paused, then: it is not started.
            outcome.action = 'paused';
            outcome.error = `clearing the stale pause failed: ${done.error}`;
            emit({ type: 'guard_pause_clear_failed', lane: lane.name, error: done.error });
        }
    }
    const started = [];
    for (const plan of starts) {
        const { lane } = plan.observation;
        const outcome = outcomes.get(lane.name);
        if (outcome.action === 'paused')
            continue;
        const queued = plan.observation.queued ?? 0;
        const reason = `idle with ${queued} queued task(s) and its endpoints above the health floor`;
        const done = await attempt(() => effects.startLane(lane, reason));
        if (done.ok) {
            outcome.action = 'started';
            started.push(lane.name);
            emit({ type: 'guard_lane_started', lane: lane.name, queued, reason });
        }
        else {
            outcome.error = done.error;
            emit({ type: 'guard_lane_start_failed', lane: lane.name, error: done.error });
        }
    }
    return { outcomes, started, pausesCleared };
}
/** What the report says before the starts: a start not (yet) carried out reads as failed. */
function initialAction(intent) {
    if (intent === 'start')
        return 'start_failed';
    if (intent === 'unpause')
        return 'unpaused';
    return intent;
}
/** Probes the lanes' endpoints and scans their capabilities when each is due; the results go in the book. */
async function refreshHealth(ctx, scope, endpoints, startedAt) {
    const { lanesFile, config } = ctx;
    const { effects, clock, prior, emit, settings } = scope;
    const book = new probe/* FleetHealthBook */.wD({
        // A probe must stay trusted until the next one is due, whatever policy.probe says.
        staleAfterMs: Math.max(config.policy.probe.staleAfterMs, 2 * settings.probeIntervalMs),
    });
    book.restore(prior.health);
    const wanted = [...new Set(lanesFile.lanes.flatMap((lane) => lane.endpoints))]
        .map((id) => endpoints.get(id))
        .filter((endpoint) => endpoint !== undefined);
    const probed = due(prior.lastProbeAt, startedAt, settings.probeIntervalMs);
    let unreachable = new Set(prior.unreachable);
    if (probed) {
        unreachable = new Set();
        await Promise.all(wanted.map(async (endpoint) => {
            const probe = await attempt(() => effects.probe(endpoint));
            if (!probe.ok) {
                emit({ type: 'guard_observe_failed', endpoint: endpoint.id, what: 'probe', error: probe.error });
                book.record(failedProbe(endpoint.id, clock.now(), probe.error));
            }
            else if (probe.value === undefined)
                unreachable.add(endpoint.id);
            else
                book.record(probe.value);
        }));
    }
    const scanned = due(prior.lastScanAt, startedAt, settings.capabilityIntervalMs);
    if (scanned) {
        await Promise.all(wanted
            .filter((endpoint) => !unreachable.has(endpoint.id))
            .map(async (endpoint) => {
            const scan = await attempt(() => effects.scan(endpoint));
            if (!scan.ok)
                emit({ type: 'guard_observe_failed', endpoint: endpoint.id, what: 'scan', error: scan.error });
            else if (scan.value)
                book.recordScan(scan.value);
        }));
    }
    return { book, unreachable, wanted, probed, scanned };
}
/**
 * Moves every lane's consecutive-idle counter, raises `persistent_idle_condition` once per streak (and
 * retries its delivery until the sink takes it), resolves it when the streak ends; the lanes' reports.
 */
async function moveCounters(scope, plans, outcomes) {
    const { prior, settings, now, effects, emit } = scope;
    const lanes = Object.create(null);
    const alerts = [];
    const laneReports = [];
    for (const plan of plans) {
        const { lane } = plan.observation;
        const outcome = outcomes.get(lane.name);
        const step = stepCounter(own(prior.lanes, lane.name), plan.status, now, settings.idleCyclesBeforeAlert, outcome.action === 'started' ? now : undefined);
        const laneState = step.next;
        if (step.resolved) {
            const { idleSince, idleCycles, alert } = step.resolved;
            emit({ type: 'persistent_idle_resolved', lane: lane.name, idleSince, idleCycles });
            if (alert.delivered && effects.alerts) {
                const done = await attempt(() => effects.alerts.resolve({ lane: lane.name, idleSince, idleCycles }));
                if (!done.ok)
                    emit({ type: 'guard_alert_failed', lane: lane.name, error: done.error });
            }
        }
        const pending = step.raise || (laneState.alert !== undefined && !laneState.alert.delivered);
        if (plan.status === 'idle' && laneState.idleSince !== undefined && pending) {
            const alert = {
                lane: lane.name,
                idleCycles: laneState.idleCycles,
                idleSince: laneState.idleSince,
                queued: plan.observation.queued,
                why: idleReason(plan, outcome.error),
            };
            if (step.raise)
                emit({ type: 'persistent_idle_condition', ...alert });
            const done = effects.alerts ? await attempt(() => effects.alerts.raise(alert)) : { ok: true };
            if (!done.ok)
                emit({ type: 'guard_alert_failed', lane: lane.name, error: done.error });
            laneState.alert = { raisedAt: laneState.alert?.raisedAt ?? now, delivered: done.ok };
            alerts.push({
                lane: lane.name,
                idleCycles: alert.idleCycles,
                idleSince: alert.idleSince,
                delivered: done.ok,
                ...(done.ok ? {} : { error: done.error }),
            });
        }
        lanes[lane.name] = laneState;
        laneReports.push(laneReport(plan, outcome, laneState, now, settings.stalePauseMs));
    }
    return { lanes, laneReports, alerts };
}
async function observe(scope, lane) {
    const { effects, clock, emit } = scope;
    const errors = [];
    const failed = (what, error) => {
        errors.push(`${what}: ${error}`);
        emit({ type: 'guard_observe_failed', lane: lane.name, what, error });
    };
    const [queued, activity, pause] = await Promise.all([
        attempt(() => effects.queueDepth(lane)),
        attempt(() => effects.laneActive(lane)),
        attempt(() => effects.pauseFlags.read(lane)),
    ]);
    if (!queued.ok)
        failed('queue', queued.error);
    if (!activity.ok)
        failed('activity', activity.error);
    let flag;
    if (pause.ok)
        flag = pause.value;
    else {
        // A pause we cannot read is respected as a fresh one: the operator may well have meant it.
        failed('pause flag', pause.error);
        flag = { at: clock.now(), by: 'unknown', reason: `unreadable: ${pause.error}` };
    }
    return {
        lane,
        queued: queued.ok ? Math.max(0, queued.value) : null,
        activity: activity.ok ? activity.value : null,
        ...(flag ? { pause: flag } : {}),
        // Judged once every lane is observed, at the decision time.
        health: { endpoints: {}, healthy: 0, judged: 0, share: null, floorMet: false },
        errors,
    };
}
/** Reopens the finished backlog of drained, idle-able lanes (`wantsRecycle`) and counts their queue again. */
async function recycleDrained(scope, observations) {
    const { prior, settings, now, effects, emit } = scope;
    for (const observation of observations) {
        const { lane } = observation;
        if (!wantsRecycle(observation, own(prior.lanes, lane.name), settings, now))
            continue;
        const failed = (error) => {
            observation.errors.push(`recycle: ${error}`);
            emit({ type: 'guard_observe_failed', lane: lane.name, what: 'recycle', error });
        };
        const reopened = await attempt(() => effects.recycle(lane));
        if (!reopened.ok) {
            failed(reopened.error);
            continue;
        }
        if (reopened.value === 0)
            continue;
        const queued = await attempt(() => effects.queueDepth(lane));
        if (!queued.ok) {
            failed(queued.error);
            continue;
        }
        observation.recycled = reopened.value;
        observation.queued = queued.value;
        emit({ type: 'guard_backlog_recycled', lane: lane.name, reopened: reopened.value, queued: queued.value });
    }
}
/**
 * A resume for every interrupted run that nothing runs, once per interruption (a record per run keeps the
 * `updatedAt` it was dispatched for), again after `resumeRetryMs` if it never took, at most
 * `maxResumesPerCycle`. Returns the records to keep: those of runs still unfinished (the rest are done
 * with), or the old ones untouched when the runs could not be listed.
 */
async function dispatchResumes(scope) {
    const { effects, prior, settings, now, emit } = scope;
    const listed = await attempt(() => effects.interruptedRuns());
    if (!listed.ok)
        return { reports: [], records: prior.resumes, error: listed.error };
    const records = Object.create(null);
    const reports = [];
    let dispatched = 0;
    // Oldest first: the run that has waited longest gets the slot.
    const runs = [...listed.value].sort((a, b) => a.updatedAt - b.updatedAt || a.runId.localeCompare(b.runId));
    for (const run of runs) {
        const record = own(prior.resumes, run.runId);
        if (record)
            records[run.runId] = record;
        const base = { runId: run.runId, status: run.status, updatedAt: run.updatedAt };
        if (run.active) {
            reports.push({ ...base, action: 'active' });
            continue;
        }
        if (record && record.updatedAt === run.updatedAt && now - record.dispatchedAt < settings.resumeRetryMs) {
            reports.push({ ...base, action: 'already_dispatched' });
            continue;
        }
        if (dispatched >= settings.maxResumesPerCycle) {
            reports.push({ ...base, action: 'limit' });
            continue;
        }
        dispatched += 1;
        const done = await attempt(() => effects.dispatchResume(run));
        if (done.ok) {
            records[run.runId] = { dispatchedAt: now, updatedAt: run.updatedAt };
            reports.push({ ...base, action: 'dispatched' });
            emit({ type: 'guard_resume_dispatched', runId: run.runId, updatedAt: run.updatedAt });
        }
        else {
            reports.push({ ...base, action: 'failed', error: done.error });
            emit({ type: 'guard_resume_failed', runId: run.runId, error: done.error });
        }
    }
    return { reports, records };
}
function failedProbe(endpointId, at, error) {
    return { endpointId, healthy: false, latencyMs: 0, models: [], checkedAt: at, error: error.slice(0, 200) };
}
function due(last, now, intervalMs) {
    // A timestamp from the future (a clock that jumped back) must not silence probing for good.
    return last === undefined || now - last >= intervalMs || last > now;
}
/** Effects fail as values here: one broken lane or endpoint must not take the cycle down. */
async function attempt(work) {
    try {
        return { ok: true, value: await work() };
    }
    catch (error) {
        return { ok: false, error: (0,errors/* errorMessage */.g)(error).slice(0, 500) };
    }
}

;// CONCATENATED MODULE: ./lib/guard/guard.js
/**
 * One idle-guard cycle (the recovery loop that keeps an idle fleet working), the same locally (`keel guard once|loop`, the daemon)
 * and in Actions (`actions/guard`); only the effects differ:
 *
 *   1. probe the lanes' endpoints when `probeIntervalMs` has passed, scan capabilities when
 *      `capabilityIntervalMs` has (the timestamps live in the guard state, so a cron-driven `once` keeps
 *      the slower rhythm too);
 *   2. observe every lane: unclaimed queue depth, activity, pause flag, health against the floor; with
 *      `guard.recycle.enabled`, reopen the finished backlog of drained lanes nothing runs;
 *   3. decide (`guard-decide.ts`, where "idle" is defined): clear stale pauses on idle lanes, respect fresh
 *      ones, honour allow/deny, start the highest-work idle lanes first, at most `maxStartsPerCycle`;
 *   4. move the consecutive-idle counters, raise `persistent_idle_condition` when a lane's streak reaches
 *      `idleCyclesBeforeAlert` (once per streak) and resolve it when the streak ends;
 *   5. dispatch one resume per interruption for interrupted runs that nothing is running
 *      (`maxResumesPerCycle`);
 *   6. write `last-cycle.json` (the report), `state.json` and a line per event plus one per cycle to
 *      `history.ndjson`, all under `<stateDir>/guard/`.
 *
 * A failing effect is recorded against its lane, endpoint or run and the cycle goes on: the guard exists
 * for the days when things are broken. Only its own files failing to be written fails a cycle. Cycles are
 * serialised by a lock file, so a `once` from cron and a looping guard never both start the same lane.
 */











const LOCK_FILE = 'cycle.lock';
/** A cycle holding the lock longer than this is hung (probes are bounded by their timeout). */
const LOCK_STALE_MS = 10 * 60_000;
function guardDirOf(lanesFile) {
    return (0,state_layout/* stateLayout */.G)(lanesFile.stateDir).guard.dir;
}
/** One cycle under the guard's lock; `busy` when another cycle holds it (it is doing this job right now). */
async function runGuardCycle(options) {
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    const dir = options.guardDir ?? guardDirOf(options.lanesFile);
    const lock = new file_lock/* FileLock */.IR({ path: (0,external_node_path_.join)(dir, LOCK_FILE), clock, attempts: 1, staleMs: LOCK_STALE_MS });
    const result = await lock.withLock(() => cycle({ ...options, clock, dir }));
    if (result.ok)
        return { kind: 'ran', report: result.value };
    return { kind: 'busy', lock: lock.path, ...(result.holder ? { holder: result.holder } : {}) };
}
async function cycle(ctx) {
    const { lanesFile, config, effects, clock, dir } = ctx;
    const settings = lanesFile.guard;
    const startedAt = clock.now();
    const history = new event_log/* EventLog */.vu({
        path: (0,external_node_path_.join)(dir, state_layout/* GUARD_HISTORY_FILE */.Co),
        clock,
        redact: ctx.redact ?? ((text) => (0,secrets/* redact */.E$)(text, [])),
    });
    const emit = (event) => {
        effects.events?.(event);
        void history.append(event);
    };
    const { state: prior, problem } = await loadState((0,external_node_path_.join)(dir, state_layout/* GUARD_STATE_FILE */.ro));
    if (problem !== undefined)
        emit({ type: 'guard_state_reset', problem });
    // 1. Probes and scans, when due.
    const endpoints = endpointsById(config);
    const scope = { effects, settings, prior, clock, emit };
    const health = await refreshHealth(ctx, scope, endpoints, startedAt);
    const { book, unreachable, wanted, probed, scanned } = health;
    // 2. Observe the lanes. Decisions are taken at `now`, after the probes came in (a probe stamped after
    // the decision time would read as a clock running ahead).
    const observations = await Promise.all(lanesFile.lanes.map((lane) => observe(scope, lane)));
    const now = clock.now();
    const decision = { ...scope, now };
    for (const observation of observations) {
        observation.health = judgeHealth(observation.lane, endpoints, book, unreachable, now, settings.healthFloor);
    }
    if (effects.recycle)
        await recycleDrained(decision, observations);
    // 3. Decide and act on the lanes.
    const { plans, starts } = planLanes(observations, prior.lanes, settings, now);
    const acted = await actOnLanes(decision, plans, starts, ctx.actor ?? 'keel-guard');
    // 4. Counters and alerts.
    const next = {
        ...prior,
        cycle: prior.cycle + 1,
        updatedAt: now,
        unreachable: [...unreachable].sort(),
        health: book.snapshot(),
    };
    if (probed)
        next.lastProbeAt = startedAt;
    if (scanned)
        next.lastScanAt = startedAt;
    const moved = await moveCounters(decision, plans, acted.outcomes);
    next.lanes = moved.lanes;
    const { alerts, laneReports } = moved;
    const idleLanes = laneReports.filter((lane) => lane.status === 'idle').map((lane) => lane.lane);
    const activeLanes = laneReports.filter((lane) => lane.status === 'active').length;
    const fleetIdle = idleLanes.length > 0 && activeLanes === 0;
    next.fleet = fleetIdle
        ? { idleCycles: prior.fleet.idleCycles + 1, idleSince: prior.fleet.idleSince ?? now }
        : { idleCycles: 0 };
    // 5. Resumes.
    const resumes = await dispatchResumes(decision);
    next.resumes = resumes.records;
    const report = {
        version: 1,
        cycle: next.cycle,
        startedAt,
        finishedAt: clock.now(),
        probed,
        scanned,
        ...(next.lastProbeAt !== undefined ? { lastProbeAt: next.lastProbeAt } : {}),
        ...(next.lastScanAt !== undefined ? { lastScanAt: next.lastScanAt } : {}),
        endpoints: wanted.map((endpoint) => endpointReport(endpoint.id, book, unreachable, now)),
        lanes: laneReports,
        fleet: { idle: fleetIdle, idleCycles: next.fleet.idleCycles, active: activeLanes, idleLanes },
        started: acted.started,
        pausesCleared: acted.pausesCleared,
        resumes: resumes.reports,
        ...(resumes.error !== undefined ? { resumeError: resumes.error } : {}),
        alerts,
        ...(problem !== undefined ? { stateProblem: problem } : {}),
    };
    // 6. The files. The state goes last: if anything before it fails, the next cycle sees the old one.
    void history.append({
        type: 'guard_cycle',
        cycle: report.cycle,
        started: acted.started,
        idleLanes,
        fleetIdleCycles: report.fleet.idleCycles,
        lanes: Object.fromEntries(laneReports.map((lane) => [
            lane.lane,
            { status: lane.status, action: lane.action, queued: lane.queued, idleCycles: lane.idleCycles },
        ])),
        resumed: resumes.reports.filter((run) => run.action === 'dispatched').map((run) => run.runId),
    });
    await history.flush();
    await (0,atomic_file.writeFileAtomic)((0,external_node_path_.join)(dir, state_layout/* GUARD_REPORT_FILE */._A), `${JSON.stringify(report, null, 2)}\n`);
    await (0,atomic_file.writeFileAtomic)((0,external_node_path_.join)(dir, state_layout/* GUARD_STATE_FILE */.ro), serializeGuardState(next));
    return report;
}
async function loadState(path) {
    const read = await (0,atomic_file/* readJsonFile */.JE)(path);
    if (read.ok)
        return readGuardState(read.value);
    if (read.reason === 'missing')
        return readGuardState(undefined);
    return { ...readGuardState(undefined), problem: `previous guard state ignored: ${read.detail}` };
}

;// CONCATENATED MODULE: ./lib/guard/guard-local.js
/**
 * The guard's effects on a self-hosted box (`keel guard once|loop`):
 *
 * - activity: the lane's heartbeat (`<stateDir>/lanes/<lane>/.heartbeat`, the file the daemon's watchdog
 *   watches too): fresh and its pid alive is active. A stale heartbeat is inactive whatever its pid says —
 *   pids are reused, and a hung lane is the watchdog's to kill, not a reason never to start one.
 * - a live lane process whose heartbeat says `paused` (it obeys its pause flag) is `paused`, not active:
 *   the guard may clear a stale flag, and the lane resumes by itself.
 * - starting a lane: when no daemon holds the state directory, `keel lane --lanes FILE --lane NAME` is
 *   spawned detached (it outlives a `once`), its output appended to `<stateDir>/lanes/<lane>/lane.log`,
 *   and `KEEL_HEARTBEAT_FILE` pointing at the lane's heartbeat. When a
 *   live daemon holds it (`<stateDir>/daemon/daemon.pid`), the lanes are the daemon's: spawning one
 *   beside it would run the lane twice, so the guard writes `<stateDir>/lanes/<lane>/start.request`
 *   (`{ at, by, reason }`) instead: the daemon starts a lane that finished (not persistent, drained, exit
 *   0) when it appears; a lane the daemon is backing off after a failure restarts when its backoff ends.
 * - recycling: `recycleCycle` on the lane's claim state with the lanes file's `guard.recycle` bounds.
 * - interrupted runs: `listRuns(<stateDir>)` — interrupted, or `running` with a stale heartbeat (the process
 *   died without checkpointing its end) — that no process holds: a run whose lease holder is alive and
 *   beating (`readRunOwner`) is being worked on, even when its last snapshot still says interrupted.
 *   A resume is `keel run --resume <id> --state-dir <stateDir>` spawned detached, logged to
 *   `<stateDir>/guard/resume-<id>.log`.
 */

















const LANE_LOG_FILE = 'lane.log';
function localGuardEffects(options) {
    const { lanesFile, config, env, cwd } = options;
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    const launch = options.launch ?? launchDetached;
    const keel = (args) => ({
        command: options.nodePath ?? process.execPath,
        args: [options.entry ?? process.argv[1] ?? 'keel', ...args],
    });
    const configArgs = options.configPath !== undefined ? ['--config', options.configPath] : [];
    const staleMs = lanesFile.guard.heartbeatStaleMs;
    const stateDir = lanesFile.stateDir;
    return {
        ...guardProbes({
            config,
            env,
            clock,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.fetch ? { fetch: options.fetch } : {}),
        }),
        queueDepth: options.queueDepth,
        pauseFlags: (0,lanes/* filePauseFlags */.sg)(),
        laneActive: async (lane) => laneActivity((0,lanes/* laneDirOf */.VD)(stateDir, lane.name), clock.now(), staleMs),
        async startLane(lane, reason) {
            const dir = (0,lanes/* laneDirOf */.VD)(stateDir, lane.name);
            if (await daemonAlive(stateDir)) {
                const request = { at: clock.now(), by: options.actor ?? 'keel-guard', reason };
                await (0,atomic_file.writeFileAtomic)((0,external_node_path_.join)(dir, state_layout/* START_REQUEST_FILE */.q_), `${JSON.stringify(request)}\n`);
                return;
            }
            await launch({
                ...keel(laneArgs(lane, options.lanesPath, configArgs, lanesFile.guard.recycle.enabled)),
                cwd,
                env: { ...env, KEEL_HEARTBEAT_FILE: (0,external_node_path_.join)(dir, state_layout/* HEARTBEAT_FILE */.gE) },
                logFile: (0,external_node_path_.join)(dir, LANE_LOG_FILE),
            });
        },
        async interruptedRuns() {
            const now = clock.now();
            const runs = await (0,state_store/* listRuns */.v)(stateDir);
            const unfinished = runs.filter((run) => run.status === 'interrupted' || run.status === 'running');
            const judged = await Promise.all(unfinished.map(async (run) => {
                // The run's lease and heartbeat: a live holder is working on it, whatever the last snapshot says.
                const owner = await (0,run_lease/* readRunOwner */.N0)(run.runDir, now, staleMs);
                return {
                    runId: run.runId,
                    status: run.status,
                    updatedAt: run.updatedAt,
                    active: owner.state === 'running',
                };
            }));
            // A run some process holds is being worked on (an `interrupted` snapshot being resumed, too); one
            // nobody holds, or whose holder went silent, waits for a resume.
            return judged.filter((run) => !run.active);
        },
        async recycle(lane) {
            const store = new claim_store/* ClaimStore */.O({ path: lane.queueStateFile, clock });
            const applied = await (0,recycle/* recycleCycle */.Sg)(store, lanesFile.guard.recycle, clock);
            if (applied === 'lock-busy')
                throw new Error(`claim state ${lane.queueStateFile} is busy`);
            return applied.reopened.length;
        },
        async dispatchResume(run) {
            await launch({
                ...keel(['run', '--resume', run.runId, '--state-dir', stateDir, ...configArgs]),
                cwd,
                env,
                logFile: (0,external_node_path_.join)((0,state_layout/* stateLayout */.G)(stateDir).guard.dir, `resume-${run.runId}.log`),
            });
        },
    };
}
/**
 * `keel lane --lanes FILE --lane NAME`: the lane takes its queue, claim state, pause flag and state
 * directory from the lanes file, so it writes its heartbeat and obeys its pause flag where the guard looks.
 */
function laneArgs(lane, lanesPath, configArgs, recycle) {
    return [
        'lane',
        '--lanes',
        lanesPath,
        '--lane',
        lane.name,
        ...(lane.persistent ? ['--persistent'] : []),
        ...(recycle ? ['--recycle'] : []),
        ...configArgs,
        ...lane.args,
    ];
}
async function heartbeatActivity(dir, now, staleMs) {
    const beat = await (0,heartbeat/* readHeartbeat */.dt)(dir);
    if (beat === undefined)
        return { state: 'inactive', detail: 'no heartbeat' };
    const age = `${Math.round(Math.max(0, now - beat.at) / 1000)} s`;
    if ((0,heartbeat/* isHeartbeatStale */.s1)(beat, now, staleMs))
        return { state: 'inactive', detail: `heartbeat ${age} old (pid ${beat.pid})` };
    if (!(0,file_lock/* isProcessAlive */.jW)(beat.pid))
        return { state: 'inactive', detail: `pid ${beat.pid} has exited` };
    return { state: 'active', detail: `pid ${beat.pid}, heartbeat ${age} old` };
}
/** A lane's heartbeat also says what it is doing (`lane-status.ts`): a live lane may sit paused. */
async function laneActivity(dir, now, staleMs) {
    const activity = await heartbeatActivity(dir, now, staleMs);
    if (activity.state !== 'active')
        return activity;
    const read = await (0,atomic_file/* readJsonFile */.JE)((0,external_node_path_.join)(dir, state_layout/* HEARTBEAT_FILE */.gE));
    const status = read.ok ? read.value?.status : undefined;
    return status === 'paused'
        ? { state: 'paused', detail: `${activity.detail}, paused by its flag` }
        : activity;
}
/**
 * Whether a live daemon holds `<stateDir>/daemon/daemon.pid` on this host. A holder on another host (a
 * shared file system) cannot be judged and counts as alive, as the daemon's own lock treats it.
 */
async function daemonAlive(stateDir) {
    let holder;
    try {
        holder = JSON.parse(await (0,promises_.readFile)((0,state_layout/* stateLayout */.G)(stateDir).daemon.lock, 'utf8'));
    }
    catch {
        return false;
    }
    if (holder === null || typeof holder !== 'object' || typeof holder.pid !== 'number')
        return false;
    return holder.host !== (0,external_node_os_.hostname)() || (0,file_lock/* isProcessAlive */.jW)(holder.pid);
}
/** Spawns detached (its own process group, so a signal to the guard's group does not reach it). */
async function launchDetached(spec) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(spec.logFile), { recursive: true });
    const log = await (0,promises_.open)(spec.logFile, 'a');
    try {
        const child = (0,external_node_child_process_.spawn)(spec.command, spec.args, {
            cwd: spec.cwd,
            env: spec.env,
            detached: true,
            stdio: ['ignore', log.fd, log.fd],
        });
        const pid = await new Promise((resolve, reject) => {
            child.once('error', reject);
            child.once('spawn', () => resolve(child.pid));
        });
        child.unref();
        return { pid };
    }
    finally {
        // The child has its own copy of the descriptor.
        await log.close();
    }
}

;// CONCATENATED MODULE: ./lib/guard/guard-loop.js
/**
 * `keel guard loop`: cycles spaced `cycleIntervalMs` from their starts, an awaited loop (never a
 * `setInterval` whose cycles could overlap), until the signal aborts. Before each cycle it writes the
 * guard's heartbeat (`{ pid, at }`; the daemon's watchdog restarts a guard whose heartbeat goes stale),
 * so a cycle that hangs shows as a stale heartbeat.
 *
 * A cycle that fails (its own files cannot be written) is reported and the loop goes on: the next cycle
 * may well succeed, and a restart by the watchdog would change nothing.
 */






async function runGuardLoop(options) {
    const { signal } = options;
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    const interval = options.lanesFile.guard.cycleIntervalMs;
    const heartbeat = options.heartbeatFile ?? (0,external_node_path_.join)(options.guardDir ?? guardDirOf(options.lanesFile), state_layout/* HEARTBEAT_FILE */.gE);
    while (!signal.aborted) {
        const tickAt = clock.now();
        try {
            const beat = { pid: process.pid, at: tickAt };
            await (0,atomic_file.writeFileAtomic)(heartbeat, `${JSON.stringify(beat)}\n`, { syncDir: false });
            const outcome = await runGuardCycle({ ...options, clock });
            options.onCycle?.(outcome);
        }
        catch (error) {
            options.onError?.(error);
        }
        if (signal.aborted)
            return;
        try {
            await clock.sleep(Math.max(0, tickAt + interval - clock.now()), signal);
        }
        catch (error) {
            if (signal.aborted)
                return;
            throw error; // a clock that fails otherwise is a bug, not weather
        }
    }
}

// EXTERNAL MODULE: ./lib/queue/queue-reader.js + 3 modules
var queue_reader = __webpack_require__(13758);
;// CONCATENATED MODULE: ./lib/queue/queue-depth.js
/**
 * How much work waits for a lane: the unclaimed tasks of its queue that it may take (its own and the
 * unowned ones), plus tasks recycling reopened for it. What the idle guard ranks lanes by. Read-only: no
 * lock, no write, no events (bad items are the lanes' to report); starts at the persisted cursor, so a big
 * consumed queue costs only its unconsumed tail.
 */


async function queueDepth(options) {
    const store = new claim_store/* ClaimStore */.O({ path: options.queueStateFile });
    await store.refresh();
    const reader = new queue_reader/* QueueReader */.n({ path: options.queueFile, lanes: options.lanes });
    reader.seek(store.cursor(options.queueFile));
    const { tasks } = await reader.read();
    const mine = (task) => options.lane === undefined || task.owner === undefined || task.owner === options.lane;
    const waiting = (task) => mine(task) && !(options.claimedElsewhere?.(task) ?? false);
    return store.unclaimed(tasks).filter(waiting).length + store.reopened().filter(mine).length;
}

;// CONCATENATED MODULE: ./lib/guard/guard-queue.js
/**
 * The guard's `QueueDepth` over the queue module's reading (`queue/queue-depth.ts`): a lane's own and
 * unowned unclaimed tasks plus those recycling reopened. Read-only — the guard never claims. A damaged
 * claim state throws, and the guard records the lane's queue as unreadable rather than guess.
 */

/**
 * `sharedClaims`, for lanes that claim through GitHub: which of a lane's tasks are claimed there (the
 * claims the lanes' runners made, which no claim-state file on the guard's runner knows of).
 */
function guardQueueDepth(lanesFile, sharedClaims) {
    const lanes = lanesFile.lanes.map((lane) => lane.name);
    return async (lane) => queueDepth({
        queueFile: lane.queueFile,
        queueStateFile: lane.queueStateFile,
        lane: lane.name,
        lanes,
        ...(sharedClaims ? { claimedElsewhere: await sharedClaims(lane) } : {}),
    });
}

;// CONCATENATED MODULE: ./lib/guard/index.js
/** guard/: what the rest of keel uses of it. */








/***/ })

};
