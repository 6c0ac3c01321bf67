/**
 * Starting or resuming a run: everything `keel run` (and later the Action) wires together before the
 * engine takes over — config, state, router with the saved fleet state, git work tree, effects, telemetry,
 * shutdown, heartbeat — and what it does after: save the fleet state, report, pick the exit code.
 */
import { join, resolve } from 'node:path';
import { readJsonFile } from '../base/atomic-file.ts';
import { systemClock, type Clock } from '../base/clock.ts';
import { FileLock } from '../base/file-lock.ts';
import { runHeartbeat } from '../base/heartbeat.ts';
import { collectSecrets, redact as redactSecrets } from '../base/secrets.ts';
import { METRICS_FILE, stateLayout, runLayout } from '../base/state-layout.ts';
import type { KeelConfig } from '../config/schema.ts';
import { createCommandRunner } from '../exec/command-runner.ts';
import { earlyRequestStats } from '../fleet/early-requests.ts';
import { readFleetStateFile, writeFleetStateFile } from '../fleet/fleet-state.ts';
import { createRouter } from '../fleet/router.ts';
import type { RouterEvent } from '../fleet/router-types.ts';
import { loggedRouterEvent, type RunEvent } from './run-events.ts';
import { FINISHED, forceExit, releaseWorktree, saveAtLast } from './run-ending.ts';
import type { StartRunOptions, StartRunResult } from './start-run-options.ts';
import { slotsDirFor } from '../fleet/shared-slots.ts';
import { renderStatusText } from '../fleet/status.ts';
import { createGit, remoteAuthSecrets, type Git } from '../git/git-runner.ts';
import { pushWorkBranch } from '../git/workspace.ts';
import { EventLog } from '../telemetry/event-log.ts';
import { fencedEffects } from './effects.ts';
import { runEngine } from './engine.ts';
import { LocalEffects } from './local-effects.ts';
import { buildManifest, MetricsRecorder, PersistenceCoordinator } from './persistence.ts';
import { startPlanPrefetch } from './plan-prefetch.ts';
import { CoderPrefetch } from './prefetch.ts';
import { prepareOrRefuse } from './resume-refusal.ts';
import { RunContext } from './run-context.ts';
import { acquireRunLease, LeaseLostError, type LeaseState, type RunLease } from './run-lease.ts';
import {
  chooseRun,
  defaultResumeCommand,
  excludeStateDir,
  loadChosenRun,
  newRunState,
  type RunChoice,
} from './run-selection.ts';
import { installShutdown } from './shutdown.ts';
import { coderCapacity } from './steps/code-batch.ts';
import { MAX_FILE_BYTES_IN_PROMPT } from './steps/code-one.ts';
import { STATE_LOCK_FILE, TaskStateStore } from './state-store.ts';
import { isUnfinished } from './state.ts';

export type { StartRunOptions, StartRunResult } from './start-run-options.ts';
export { RunStartError } from './run-selection.ts';

export async function startRun(options: StartRunOptions): Promise<StartRunResult> {
  const clock = options.clock ?? systemClock;
  const { config, progress } = options;
  const stateDir = resolve(options.stateDir);
  const repo = resolve(options.repo);
  const secrets = collectSecrets(config, options.env, remoteAuthSecrets(options.remoteAuth));
  const redact = (text: string): string => redactSecrets(text, secrets);
  const runner = createCommandRunner({ secrets: () => secrets });
  const remoteAuth = options.remoteAuth;
  const git = createGit({ runner, clock, secrets: () => secrets, ...(remoteAuth ? { remoteAuth } : {}) });

  // The run's id first, then its lease, and only then its state: nothing of the run is read to act on, or
  // written, by a process that does not own it.
  const choice = await chooseRun(options, stateDir, clock);
  const runDir = stateLayout(stateDir).run(choice.runId).dir;
  const staleMs = leaseStaleMs(config);
  const lease = await acquireRunLease({
    runDir,
    runId: choice.runId,
    clock,
    staleMs,
    // The state lock, judged by the lease's bound: a holder suspended in the middle of a checkpoint holds the
    // lock as long as it holds the lease, and must not keep the run from being taken over for the lock's own
    // 30 s. Its write, when it wakes, is fenced.
    lock: new FileLock({ path: join(runDir, STATE_LOCK_FILE), clock, staleMs }),
    ...(options.takeOver ? { takeOver: true } : {}),
    onTakeover: (previous, why) =>
      progress(
        `run ${choice.runId}: taking it over from pid ${previous.pid} on ${previous.host} (${TAKEOVER_WHY[why]})`,
      ),
  });
  const store = new TaskStateStore({ runDir, clock, fence: () => lease.check() });
  try {
    return await ownedRun(
      options,
      { clock, stateDir, repo, secrets, redact, runner, git },
      choice,
      store,
      lease,
    );
  } finally {
    await lease.release(clock.now());
  }
}

const TAKEOVER_WHY: Record<LeaseState, string> = {
  dead: 'its process is gone',
  stale: 'its heartbeat is stale',
  live: '--take-over',
  free: 'no lease',
  released: 'released',
};

/** The bound after which a silent holder may be taken over: at least three heartbeats. */
function leaseStaleMs(config: KeelConfig): number {
  return Math.max(config.run.leaseStaleMs, 3 * config.run.heartbeatMs);
}

interface Basics {
  clock: Clock;
  stateDir: string;
  repo: string;
  secrets: string[];
  redact: (text: string) => string;
  runner: ReturnType<typeof createCommandRunner>;
  git: Git;
}

async function ownedRun(
  options: StartRunOptions,
  b: Basics,
  choice: RunChoice,
  store: TaskStateStore,
  lease: RunLease,
): Promise<StartRunResult> {
  const { config, progress } = options;
  const { clock, stateDir, repo, secrets, redact, runner, git } = b;
  const resumed = await loadChosenRun(choice, store, stateDir, progress);
  const runDir = store.runDir;
  if (resumed && !isUnfinished(resumed) && resumed.status !== 'failed') {
    progress(`run ${resumed.runId} already finished: ${resumed.status}`);
    return { state: resumed, runDir };
  }
  // Stopped because validation changed the repository: resuming would run the same code again and then
  // publish from a repository nobody has looked at. A human starts a new run once it is checked.
  if (resumed?.interruption?.kind === 'security') {
    progress(`run ${resumed.runId} is not resumed: ${resumed.interruption.reason}`);
    return { state: resumed, runDir };
  }
  const created = resumed
    ? undefined
    : await newRunState(
        {
          runId: choice.runId,
          task: options.task,
          taskSource: options.taskSource,
          repo,
          stateDir,
          secrets,
          ...(options.baseBranch ? { baseBranch: options.baseBranch } : {}),
          ...(options.pullRequest ? { pullRequest: options.pullRequest } : {}),
        },
        git,
        clock,
      );
  if (created?.baseNote !== undefined) progress(created.baseNote);
  const state = resumed ?? created!.state;
  await excludeStateDir(git, state.repo.root, stateDir, created?.commonDir);
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
    const saved =
      inSnapshot !== undefined
        ? { ok: true as const, value: inSnapshot }
        : await readJsonFile(join(runDir, METRICS_FILE));
    if (saved.ok) metrics.restore(saved.value);
    // Counted (and said) once the work tree is found as the run left it: a refused resume is no resume.
  } else {
    progress(`run ${state.runId}: ${state.task.text.split('\n', 1)[0]}`);
  }
  const events = new EventLog({ path: runLayout(runDir).events, redact });
  const fleetStatePath = stateLayout(stateDir).fleetState;
  const savedFleet = state.fleet ?? (await readFleetStateFile(fleetStatePath)).state;
  const slotsDir = slotsDirFor(stateDir, options.env);
  const router = createRouter(config, {
    env: options.env,
    clock,
    state: savedFleet,
    ...(slotsDir !== undefined ? { slotsDir } : {}),
    onEvent: (event: RouterEvent) => {
      metrics.onRouterEvent(event);
      options.onRouterEvent?.(event);
      if (lease.lost === undefined) void events.append(loggedRouterEvent(event));
    },
  });
  const prefetchStop = new AbortController();
  const prefetch = new CoderPrefetch();
  // Not with coder results from a fan-out's matrix jobs: the subtasks are coded already, and asking the
  // models again would only spend calls (on hosted fallbacks, where the review job cannot see the LAN).
  if (resumed && !options.externalCode)
    prefetch.start(
      state,
      router,
      coderCapacity(config),
      MAX_FILE_BYTES_IN_PROMPT,
      prefetchStop.signal,
      config.run.coderFormat,
    );
  // The planner's request, meanwhile: saving the state and creating the work tree are local work it does
  // not need to wait for (a model call has no effects: if the run stops first, it was only a call).
  const report = (line: string): void => progress(redact(line));
  const planPrefetch = startPlanPrefetch({ git, router, config, report }, state, prefetchStop.signal);
  // The state exists on disk before the work tree does, so a crash in between is resumable.
  await persistence.checkpoint(state, metrics.snapshot());
  options.onStarted?.({ runId: state.runId, runDir, stateDir });

  const shutdown = installShutdown({
    clock,
    ...(options.processEvents ? { events: options.processEvents } : {}),
    ...(options.timeBudgetMinutes !== undefined ? { timeBudgetMs: options.timeBudgetMinutes * 60_000 } : {}),
    ...(options.signal ? { cancel: options.signal } : {}),
    onShutdown: (reason) =>
      progress(
        reason.kind === 'lease_lost'
          ? `stopping: ${reason.message}`
          : `stopping: ${reason.message} — saving the checkpoint`,
      ),
    onRepeatedSignal: (count) =>
      progress(
        `signal ${count}: already stopping, the checkpoint is being saved (a third signal forces the exit)`,
      ),
    onForce: () => forceExit(options, config, state, metrics, store, clock),
  });
  shutdown.signal.addEventListener('abort', () => prefetchStop.abort(), { once: true });
  // The heartbeat is the lease's proof of life (`keel status` and the guard read it too); a tick that finds
  // the lease gone stops the run, writing nothing.
  const stopHeartbeat = new AbortController();
  const heartbeat = runHeartbeat({
    runDir,
    intervalMs: config.run.heartbeatMs,
    manifest: () => buildManifest(state),
    manifestWrittenAt: () => persistence.manifestWrittenAt,
    clock,
    signal: stopHeartbeat.signal,
    identity: { host: lease.record.host, generation: lease.generation },
    beforeBeat: () => {
      if (lease.holds()) return true;
      shutdown.stop({ kind: 'lease_lost', message: lease.lost?.message ?? 'the run lease was lost' });
      return false;
    },
  });
  const watch = shutdown.watch();
  try {
    const workspace = await prepareOrRefuse(git, state, {
      repoRoot: state.repo.root,
      runId: state.runId,
      worktree: state.repo.worktree,
      branch: state.repo.workBranch,
      baseRef: state.repo.baseSha,
      baseBranch: state.repo.baseBranch,
      fence: () => lease.check(),
      // A new run has just read its checkout: its worktree is added with no questions asked first.
      ...(created ? { fresh: { repoRoot: state.repo.root, commonDir: created.commonDir } } : {}),
      // Only the run moves its work branch while it runs (validation commands aside: `validateStep`
      // forgets), so its head and step commits are read from git once, not before every step.
      cache: true,
    });
    if (resumed) {
      state.resumes += 1;
      metrics.resumed();
      progress(`resuming run ${state.runId} (resume #${state.resumes})`);
    }
    progress(renderStatusText(router.status()).trimEnd());
    const resumeCommand =
      options.resumeCommand?.(state.runId) ?? defaultResumeCommand(state.runId, repo, stateDir);
    const ctx = new RunContext(
      state,
      {
        config,
        router,
        git,
        runner,
        effects: fencedEffects(options.effects?.(runDir, state) ?? new LocalEffects({ runDir, clock }), () =>
          lease.check(),
        ),
        persistence,
        events,
        metrics,
        clock,
        signal: shutdown.signal,
        progress,
        redact,
        resumeCommand,
        prefetch,
        lease,
        validation: { env: options.env, secrets, hide: [stateDir] },
        ...(options.remoteFence
          ? {
              remoteFence: async () => {
                lease.check();
                try {
                  await options.remoteFence!();
                } catch (error) {
                  if (error instanceof LeaseLostError) lease.lose(error);
                  throw error;
                }
              },
            }
          : {}),
        ...(planPrefetch ? { planPrefetch } : {}),
        ...(options.externalCode ? { externalCode: options.externalCode } : {}),
        ...(options.stopAfter ? { stopAfter: options.stopAfter } : {}),
        ...(options.pushTo !== undefined
          ? {
              pushWorkBranch: async () => {
                const onto = state.repo.pullRequest?.headBranch;
                const pushed = await pushWorkBranch(git, workspace, {
                  remote: options.pushTo!,
                  secrets,
                  ...(onto !== undefined ? { remoteBranch: onto } : {}),
                });
                if (pushed.newBranch)
                  progress(`publish: ${pushed.reason}; the work went to ${pushed.remoteBranch}`);
                return pushed.remoteBranch;
              },
            }
          : {}),
      },
      workspace,
    );
    await runEngine(ctx);
    if (lease.lost) return { state, runDir, superseded: lease.lost };
    const unsaved = await saveAtLast(ctx, clock);
    // A run whose end is not on disk keeps its worktree: the resume needs it.
    if (FINISHED.has(state.status) && unsaved === undefined && lease.holds())
      await releaseWorktree(git, workspace, progress);
    return { state, runDir, ...(unsaved !== undefined ? { unsaved } : {}) };
  } finally {
    prefetchStop.abort();
    await prefetch.settle();
    await planPrefetch;
    stopHeartbeat.abort();
    await heartbeat;
    shutdown.dispose();
    await watch;
    // A process that lost the run writes nothing more, not even the shared fleet state.
    if (lease.holds()) await writeFleetStateFile(fleetStatePath, router.exportState()).catch(() => undefined);
    await router.close();
    const early = earlyRequestStats();
    // Whether the request sent before keel loaded (early-resume.ts) was used: `adopted: 0` means it cost one.
    if (early.offered > 0 && lease.lost === undefined)
      await events.append({ type: 'early_request', ...early } satisfies RunEvent);
  }
}
