/**
 * One run's working set: its state, its dependencies (each behind a small interface, so tests pass plain
 * fakes), and the two disciplines every step follows — checkpoint after every change that matters, and
 * announce what happens as a structured event.
 */
import type { UnusableAnswer } from '../agents/call-agent.ts';
import type { AgentResult, Plan } from '../agents/types.ts';
import type { Clock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { CommandRunner } from '../exec/command-runner.ts';
import type { Router } from '../fleet/router.ts';
import type { Git } from '../git/git-runner.ts';
import type { WorkBranch } from '../git/workspace.ts';
import type { EventLog } from '../telemetry/event-log.ts';
import type { Effects } from './effects.ts';
import type { MetricsRecorder, PersistenceCoordinator } from './persistence.ts';
import type { ExternalCodeResult } from './external-code.ts';
import type { CoderPrefetch } from './prefetch.ts';
import type { RunLease } from './run-lease.ts';
import { Serial } from '../base/serial.ts';
import type { RunState, StepRecord } from './state.ts';
import type { RunEventData, RunEventType } from './run-events.ts';

/** What validation commands may see of keel's process (`steps/validate-step.ts`). */
export interface ValidationSetup {
  /** keel's environment, the source of the allow-listed variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** keel's secrets: never passed, whatever the variable is called. */
  secrets: readonly string[];
  /** Directories the sandbox hides besides the checkout and the worktree (the state directory). */
  hide: readonly string[];
}

export interface RunDeps {
  config: KeelConfig;
  router: Pick<Router, 'complete' | 'exportState'>;
  git: Git;
  runner: CommandRunner;
  effects: Effects;
  persistence: PersistenceCoordinator;
  events: EventLog;
  metrics: MetricsRecorder;
  clock: Clock;
  /** Aborted by shutdown: stop taking work, checkpoint, write the recovery record. */
  signal: AbortSignal;
  /** Human-readable progress lines. */
  progress: (line: string) => void;
  /** For validation; absent: an empty environment, no secrets known. */
  validation?: ValidationSetup;
  /** Applied to every error text before it is stored or published. */
  redact: (text: string) => string;
  /** The exact command that resumes this run. */
  resumeCommand: string;
  /** Coder answers asked for while a resumed run's work tree was being verified. */
  prefetch?: CoderPrefetch;
  /** The planner's answer, asked while the work tree was created (`plan-prefetch.ts`). */
  planPrefetch?: Promise<AgentResult<Plan> | undefined>;
  /** Coder results from fan-out jobs, by subtask id; consumed as used. */
  externalCode?: Map<string, ExternalCodeResult>;
  /** Publishes the work branch before the pull request (Actions); returns the remote branch name. */
  pushWorkBranch?: () => Promise<string>;
  /** Stop (still `running`, resumable) once this step is done: the fan-out plan job. */
  stopAfter?: 'plan';
  /** The run lease this process holds (`run-lease.ts`); every write is fenced by its check. */
  lease?: Pick<RunLease, 'check' | 'lost' | 'generation'>;
  /**
   * The fence across runners (the claim on the state branch, in Actions): asked before the work is
   * published; throws `LeaseLostError` when another runner holds the run now.
   */
  remoteFence?: () => Promise<void>;
}

export class RunContext {
  readonly state: RunState;
  readonly deps: RunDeps;
  readonly workspace: WorkBranch;
  readonly #checkpoints = new Serial();
  /** Why the latest checkpoint's snapshot did not reach the disk; undefined once one did. */
  #unsaved: string | undefined;

  constructor(state: RunState, deps: RunDeps, workspace: WorkBranch) {
    this.state = state;
    this.deps = deps;
    this.workspace = workspace;
  }

  get stopping(): boolean {
    return this.deps.signal.aborted;
  }

  /** Throws `LeaseLostError` when another process has taken the run over: called before every write. */
  fence(): void {
    this.deps.lease?.check();
  }

  /** The lease was lost: nothing may be written any more, not even an event. */
  get superseded(): boolean {
    return this.deps.lease?.lost !== undefined;
  }

  step(id: string): StepRecord {
    const existing = this.state.steps[id];
    if (existing) return existing;
    const created: StepRecord = { id, status: 'pending', attempts: 0 };
    this.state.steps[id] = created;
    return created;
  }

  begin(step: StepRecord): void {
    // A step starts only in a process that still owns the run (a validation command, a review, a publish).
    this.fence();
    step.status = 'running';
    step.attempts += 1;
    step.startedAt = this.deps.clock.now();
    delete step.endedAt;
    delete step.error;
  }

  finish(step: StepRecord, status: 'done' | 'failed' | 'skipped', extra: Partial<StepRecord> = {}): void {
    Object.assign(step, extra);
    step.status = status;
    step.endedAt = this.deps.clock.now();
    if (extra.error !== undefined) step.error = this.deps.redact(extra.error).slice(0, 4_000);
  }

  /** Saves the state (with the router's breaker state) and the manifest and metrics; one at a time. */
  async checkpoint(): Promise<void> {
    await this.#checkpoints.run(async () => {
      this.state.updatedAt = this.deps.clock.now();
      this.state.fleet = this.deps.router.exportState();
      const outcome = await this.deps.persistence.checkpoint(this.state, this.deps.metrics.snapshot());
      if (outcome.snapshot === 'fenced') throw outcome.error;
      this.#unsaved = outcome.snapshot === 'failed' ? outcome.error : undefined;
      if (outcome.snapshot === 'failed') {
        await this.event('checkpoint_failed', { error: this.deps.redact(outcome.error) });
      }
    });
  }

  /**
   * Why the run as it stands is not on disk (the latest snapshot failed: a lock that stayed busy, a full
   * disk), or undefined when it is. A run is reported finished only once this is undefined.
   */
  get unsaved(): string | undefined {
    return this.#unsaved;
  }

  /** Appends a `RunEvent` (`run-events.ts`: the contract of `events.ndjson`). */
  async event<T extends RunEventType>(
    type: T,
    ...data: keyof RunEventData<T> extends never ? [] : [RunEventData<T>]
  ): Promise<void> {
    if (this.superseded) return;
    await this.deps.events.append({ type, runId: this.state.runId, ...data[0] });
  }

  /**
   * A model's answer that could not be used, and what happens next: a progress line and an
   * `answer_unusable` event (fire and forget: the agent call goes on meanwhile, and the event log never
   * rejects). What the model is told stays between keel and the model.
   */
  reportUnusable(role: string, stepId: string, unusable: UnusableAnswer): void {
    const next = unusable.next === 'ask_again' ? 'asking it again' : 'asking the next model';
    const error = this.deps.redact(unusable.error);
    this.deps.progress(`${stepId}: ${unusable.model}'s answer not usable (${error.slice(0, 200)}) — ${next}`);
    void this.event('answer_unusable', {
      role,
      step: stepId,
      model: unusable.model,
      next: unusable.next,
      error,
    });
  }
}
