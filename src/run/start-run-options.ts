/** What a run is started with (`startRun`), and what it reports when it returns. */
import type { Clock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { RouterEvent } from '../fleet/router-types.ts';
import type { RemoteAuth } from '../git/git-runner.ts';
import type { BaseBranchHint, PullRequestWork } from './run-base.ts';
import type { Effects } from './effects.ts';
import type { ExternalCodeResult } from './external-code.ts';
import type { LeaseLostError } from './run-lease.ts';
import type { ProcessEvents } from './shutdown.ts';
import type { RunState } from './state.ts';

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
  /**
   * The branch a new run's pull request goes into when the checkout is a detached HEAD (Actions: the pull
   * request's base ref, else the repository's default branch); never the commit (`run-base.ts`).
   */
  baseBranch?: BaseBranchHint;
  /**
   * Work on this pull request (Actions: `/keel run` in its comments): a new run starts at `headSha` (which
   * must be in the repository: the Action fetches it), pushes onto `headBranch`, and reports on the pull
   * request instead of opening one. `baseBranch` is the pull request's base.
   */
  pullRequest?: PullRequestWork;
  /** Push the work branch to this remote before opening the pull request (Actions: `origin`). */
  pushTo?: string;
  /**
   * What the run's pushes and fetches authenticate with (Actions: the `github-token` input), instead of the
   * credential the checkout stored; only git commands that talk to the remote ever get it.
   */
  remoteAuth?: RemoteAuth;
  /** Fan-out: stop after planning (the plan job), or use coder results the matrix jobs delivered. */
  stopAfter?: 'plan';
  externalCode?: Map<string, ExternalCodeResult>;
  /** Effects other than local files (the GitHub publisher), given the run's state as it starts. */
  effects?: (runDir: string, state: RunState) => Effects;
  /** Take the run's lease even from a live holder (`--take-over`: it is hung, or its host is gone). */
  takeOver?: boolean;
  /**
   * The fence across runners (Actions: the run's claim on the state branch), asked before the work is
   * published; throws `LeaseLostError` when another runner holds the run now, and this process stops.
   */
  remoteFence?: () => Promise<void>;
  /**
   * A third SIGINT/SIGTERM while stopping: called with `exitCodeOnInterrupt` once the state is saved (the
   * CLI passes `process.exit`). Without it, further signals are only reported.
   */
  forceExit?: (code: number) => void;
  /** The exit code of an interrupted run (for `forceExit`); default `run.exitCodeOnInterrupt`. */
  exitCodeOnInterrupt?: number;
}

export interface StartRunResult {
  state: RunState;
  runDir: string;
  /**
   * Set when another process took the run over while this one worked on it: this one stopped without
   * writing anything more, and `state` is only what it knew then (the run goes on elsewhere).
   */
  superseded?: LeaseLostError;
  /**
   * Set when the run's last state could not be saved (its checkpoint failed, and again when tried once more):
   * `state` is where the run got to, `state.json` says less. Such a run is not reported finished.
   */
  unsaved?: string;
}
