/**
 * Starting or resuming a run: everything `keel run` (and later the Action) wires together before the
 * engine takes over — config, state, router with the saved fleet state, git work tree, effects, telemetry,
 * shutdown, heartbeat — and what it does after: save the fleet state, report, pick the exit code.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { systemClock, type Clock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import { createCommandRunner } from '../exec/command-runner.ts';
import { readFleetStateFile, writeFleetStateFile } from '../fleet/fleet-state.ts';
import { collectSecrets, REDACTED, redact as redactSecrets } from '../base/secrets.ts';
import { earlyRequestStats } from '../fleet/early-requests.ts';
import { createRouter } from '../fleet/router.ts';
import { slotsDirFor } from '../fleet/shared-slots.ts';
import type { RouterEvent } from '../fleet/router-types.ts';
import { renderStatusText } from '../fleet/status.ts';
import { createGit, type Git } from '../git/git-runner.ts';
import { addToExclude } from '../git/exclude.ts';
import { prepareWorkspace, pushWorkBranch } from '../git/workspace.ts';
import { EventLog } from '../telemetry/event-log.ts';
import { runEngine } from './engine.ts';
import type { Effects } from './effects.ts';
import { runHeartbeat } from '../base/heartbeat.ts';
import { LocalEffects } from './local-effects.ts';
import { readJsonFile } from '../base/atomic-file.ts';
import { METRICS_FILE, stateLayout, runLayout } from '../base/state-layout.ts';
import { buildManifest, MetricsRecorder, PersistenceCoordinator } from './persistence.ts';
import { RunContext } from './run-context.ts';
import type { ExternalCodeResult } from './external-code.ts';
import { startPlanPrefetch } from './plan-prefetch.ts';
import { CoderPrefetch } from './prefetch.ts';
import { newRunId } from '../base/run-id.ts';
import { coderCapacity } from './steps/code-batch.ts';
import { MAX_FILE_BYTES_IN_PROMPT } from './steps/code-one.ts';
import { installShutdown, type ProcessEvents } from './shutdown.ts';
import { latestUnfinishedRun, TaskStateStore } from './state-store.ts';
import { RUN_STATE_VERSION, isUnfinished, type RunState } from './state.ts';

export interface StartRunOptions {
  config: KeelConfig;
  /** The repository the run works on (its checkout stays untouched: work happens in a worktree). */
  repo: string;
  stateDir: string;
  task?: string;
  taskSource?: string;
  /** Resume this run, or (true) the latest unfinished one. */
  resume?: string | true;
  /** Name a new run; an existing run of that name is resumed instead. */
  runId?: string;
  timeBudgetMinutes?: number;
  /** How a human resumes, for the recovery record; defaults to the `keel run --resume` line. */
  resumeCommand?: (runId: string) => string;
  env: Record<string, string | undefined>;
  progress: (line: string) => void;
  /** Tests pass an EventEmitter; the CLI passes the process. */
  processEvents?: ProcessEvents;
  /**
   * Cancellation from the caller (the CLI's SIGINT/SIGTERM handler, installed before this run's own): a
   * signal that arrived while the run was still starting stops it as soon as it can stop cleanly.
   */
  signal?: AbortSignal;
  clock?: Clock;
  /** Every event of the run's router, as it happens (a lane's `auto` concurrency learns from them). */
  onRouterEvent?: (event: RouterEvent) => void;
  /** Told the run id and directory as soon as the state is on disk (the Action saves them for `post`). */
  onStarted?: (run: { runId: string; runDir: string; stateDir: string }) => void;
  /** Push the work branch to this remote before opening the pull request (Actions: `origin`). */
  pushTo?: string;
  /** Fan-out: stop after planning (the plan job), or use coder results the matrix jobs delivered. */
  stopAfter?: 'plan';
  externalCode?: Map<string, ExternalCodeResult>;
  /** Effects other than local files (the GitHub publisher), given the run's state as it starts. */
  effects?: (runDir: string, state: RunState) => Effects;
}

export interface StartRunResult {
  state: RunState;
  runDir: string;
}

export class RunStartError extends Error {
  override name = 'RunStartError';
  readonly expected = true;
}

export async function startRun(options: StartRunOptions): Promise<StartRunResult> {
  const clock = options.clock ?? systemClock;
  const { config, progress } = options;
  const stateDir = resolve(options.stateDir);
  const repo = resolve(options.repo);
  const secrets = collectSecrets(config, options.env);
  const redact = (text: string): string => redactSecrets(text, secrets);
  const runner = createCommandRunner({ secrets: () => secrets });
  const git = createGit({ runner, clock, secrets: () => secrets });

  const resumed = await findRunToResume(options, stateDir);
  if (resumed && !isUnfinished(resumed) && resumed.status !== 'failed') {
    progress(`run ${resumed.runId} already finished: ${resumed.status}`);
    return { state: resumed, runDir: stateLayout(stateDir).run(resumed.runId).dir };
  }
  const created = resumed ? undefined : await newRunState(options, git, repo, stateDir, clock, secrets);
  const state = resumed ?? created!.state;
  const runDir = stateLayout(stateDir).run(state.runId).dir;
  await excludeStateDir(git, state.repo.root, stateDir, created?.commonDir);
  const store = new TaskStateStore({ runDir, clock });
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
    state.resumes += 1;
    metrics.resumed();
    progress(`resuming run ${state.runId} (resume #${state.resumes})`);
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
      void events.append({ ...event, type: `router_${event.type}` });
    },
  });
  const prefetchStop = new AbortController();
  const prefetch = new CoderPrefetch();
  // Not with coder results from a fan-out's matrix jobs: the subtasks are coded already, and asking the
  // models again would only spend calls (on hosted fallbacks, where the review job cannot see the LAN).
  if (resumed && !options.externalCode)
    prefetch.start(state, router, coderCapacity(config), MAX_FILE_BYTES_IN_PROMPT, prefetchStop.signal);
  // The planner's request, meanwhile: saving the state and creating the work tree are local work it does
  // not need to wait for (a model call has no effects: if the run stops first, it was only a call).
  const planPrefetch = startPlanPrefetch({ git, router, config }, state, prefetchStop.signal);
  // The state exists on disk before the work tree does, so a crash in between is resumable.
  await persistence.checkpoint(state, metrics.snapshot());
  options.onStarted?.({ runId: state.runId, runDir, stateDir });

  const shutdown = installShutdown({
    clock,
    ...(options.processEvents ? { events: options.processEvents } : {}),
    ...(options.timeBudgetMinutes !== undefined ? { timeBudgetMs: options.timeBudgetMinutes * 60_000 } : {}),
    ...(options.signal ? { cancel: options.signal } : {}),
    onShutdown: (reason) => progress(`stopping: ${reason.message} — saving the checkpoint`),
  });
  shutdown.signal.addEventListener('abort', () => prefetchStop.abort(), { once: true });
  const stopHeartbeat = new AbortController();
  let heartbeat: Promise<void> = Promise.resolve();
  const watch = shutdown.watch();
  try {
    const workspace = await prepareWorkspace(git, {
      repoRoot: state.repo.root,
      runId: state.runId,
      worktree: state.repo.worktree,
      branch: state.repo.workBranch,
      baseRef: state.repo.baseSha,
      baseBranch: state.repo.baseBranch,
      // A new run has just read its checkout: its worktree is added with no questions asked first.
      ...(created ? { fresh: { repoRoot: state.repo.root, commonDir: created.commonDir } } : {}),
      // Only the run moves its work branch while it runs (validation commands aside: `validateStep`
      // forgets), so its head and step commits are read from git once, not before every step.
      cache: true,
    });
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
        effects: options.effects?.(runDir, state) ?? new LocalEffects({ runDir, clock }),
        persistence,
        events,
        metrics,
        clock,
        signal: shutdown.signal,
        progress,
        redact,
        resumeCommand,
        prefetch,
        ...(planPrefetch ? { planPrefetch } : {}),
        ...(options.externalCode ? { externalCode: options.externalCode } : {}),
        ...(options.stopAfter ? { stopAfter: options.stopAfter } : {}),
        ...(options.pushTo !== undefined
          ? {
              pushWorkBranch: async () => {
                const pushed = await pushWorkBranch(git, workspace, { remote: options.pushTo! });
                if (pushed.newBranch)
                  progress(`publish: ${pushed.reason}; the work went to ${pushed.remoteBranch}`);
                return pushed.remoteBranch;
              },
            }
          : {}),
      },
      workspace,
    );
    heartbeat = runHeartbeat({
      runDir,
      intervalMs: config.run.heartbeatMs,
      manifest: () => buildManifest(state),
      manifestWrittenAt: () => persistence.manifestWrittenAt,
      clock,
      signal: stopHeartbeat.signal,
    });
    await runEngine(ctx);
    return { state, runDir };
  } finally {
    prefetchStop.abort();
    await prefetch.settle();
    await planPrefetch;
    stopHeartbeat.abort();
    await heartbeat;
    shutdown.dispose();
    await watch;
    await writeFleetStateFile(fleetStatePath, router.exportState()).catch(() => undefined);
    await router.close();
    const early = earlyRequestStats();
    // Whether the request sent before keel loaded (early-resume.ts) was used: `adopted: 0` means it cost one.
    if (early.offered > 0) await events.append({ type: 'early_request', ...early });
  }
}

async function findRunToResume(options: StartRunOptions, stateDir: string): Promise<RunState | undefined> {
  const id = typeof options.resume === 'string' ? options.resume : options.runId;
  if (id !== undefined) {
    const loaded = await new TaskStateStore({ runDir: stateLayout(stateDir).run(id).dir }).load();
    if (loaded.state) return loaded.state;
    if (options.resume !== undefined) {
      throw new RunStartError(`no run ${id} in ${stateDir}${loaded.problem ? ` (${loaded.problem})` : ''}`);
    }
    return undefined;
  }
  if (options.resume === true) {
    const latest = await latestUnfinishedRun(stateDir);
    if (!latest) throw new RunStartError(`no unfinished run to resume in ${stateDir}`);
    const loaded = await new TaskStateStore({ runDir: stateLayout(stateDir).run(latest.runId).dir }).load();
    if (!loaded.state)
      throw new RunStartError(`run ${latest.runId} cannot be loaded: ${loaded.problem ?? 'unknown'}`);
    return loaded.state;
  }
  return undefined;
}

async function newRunState(
  options: StartRunOptions,
  git: Git,
  repo: string,
  stateDir: string,
  clock: Clock,
  secrets: readonly string[],
): Promise<{ state: RunState; commonDir: string }> {
  if (options.task === undefined || options.task.trim() === '')
    throw new RunStartError('a task is required (--task)');
  const { root, commonDir, baseSha, baseBranch } = await readCheckout(git, repo);
  const runId = options.runId ?? newRunId(clock.now());
  const now = clock.now();
  const state: RunState = {
    version: RUN_STATE_VERSION,
    runId,
    // A configured key pasted into the task would otherwise go to every model in the prompt, and into the
    // checkpoint, the logs, the summary and the commits. Only the exact values: `redact`'s key-shape patterns
    // would also eat honest task text ("support Bearer tokens").
    task: {
      text: secrets.reduce((text, secret) => text.replaceAll(secret, REDACTED), options.task),
      source: options.taskSource ?? 'cli',
    },
    status: 'running',
    createdAt: now,
    updatedAt: now,
    repo: {
      root,
      baseBranch,
      baseSha,
      workBranch: `keel/${runId}`,
      worktree: stateLayout(stateDir).worktree(runId),
    },
    steps: {},
    batches: [],
    effects: {},
    resumes: 0,
  };
  return { state, commonDir };
}

/**
 * The checkout a new run starts from, in one `rev-parse`: its top, the repository's common dir, HEAD's
 * commit (the base), and the branch HEAD is on — `refs/heads/<name>`, or `HEAD` when detached, and then the
 * base is named by its sha. A repository without a commit fails here, as it should.
 */
async function readCheckout(
  git: Git,
  cwd: string,
): Promise<{ root: string; commonDir: string; baseSha: string; baseBranch: string }> {
  const args = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir'];
  args.push('HEAD', '--symbolic-full-name', 'HEAD');
  let output: string;
  try {
    output = (await git.run(args, { cwd })).stdout.text;
  } catch (error) {
    throw (await checkoutProblem(git, cwd)) ?? error;
  }
  const lines = output.split('\n');
  const [root, commonDir, baseSha, head] = lines;
  if (root === undefined || root === '' || commonDir === undefined || commonDir === '')
    throw new RunStartError(`git rev-parse in ${cwd} did not name the checkout`);
  if (baseSha === undefined || !/^[0-9a-f]{40,64}$/.test(baseSha) || head === undefined)
    throw new RunStartError(`git rev-parse in ${cwd} did not name HEAD's commit`);
  const baseBranch = head.startsWith('refs/heads/') ? head.slice('refs/heads/'.length) : baseSha;
  return { root, commonDir, baseSha, baseBranch };
}

/**
 * Why `rev-parse` could not name the checkout, in one line a user can act on: not a repository at all, or one
 * without a commit yet (a run branches from HEAD). Undefined when it is something else (git's own words).
 */
async function checkoutProblem(git: Git, cwd: string): Promise<RunStartError | undefined> {
  const works = async (args: string[]): Promise<boolean> =>
    git.run(args, { cwd }).then(
      () => true,
      () => false,
    );
  if (!(await works(['rev-parse', '--git-dir'])))
    return new RunStartError(
      `${cwd} is not inside a git repository: keel works on a branch of a repository (run it in a clone, or pass --repo DIR)`,
    );
  if (!(await works(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])))
    return new RunStartError(
      `the repository at ${cwd} has no commit yet: keel branches its work from HEAD, so commit something first`,
    );
  return undefined;
}

/**
 * A state directory inside the repository must not show up in the user's `git status`. Done before the
 * first checkpoint writes there, even if preparing the worktree then fails; a new run knows the common dir.
 */
async function excludeStateDir(
  git: Git,
  root: string,
  stateDir: string,
  commonDir: string | undefined,
): Promise<void> {
  const inside = relative(root, stateDir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return;
  const asked = async (): Promise<string> => {
    const args = ['rev-parse', '--path-format=absolute', '--git-common-dir'];
    return (await git.run(args, { cwd: root })).stdout.text.trim();
  };
  await addToExclude(commonDir ?? (await asked()), inside);
}

function defaultResumeCommand(runId: string, repo: string, stateDir: string): string {
  return `keel run --resume ${runId} --repo ${shellQuote(repo)} --state-dir ${shellQuote(stateDir)}`;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
