/**
 * What a run writes to its `events.ndjson`: the contract for the file's readers (`keel status`, the demo
 * report, a user's own tooling). Every line is `{ at, type, runId, … }`: the run's own events below, the
 * router's events prefixed `router_` (`RouterEvent`), and the GitHub effects' `github_*` events.
 * A new event is a new member here first, so a reader can switch on `type` and know every field.
 */
import type { EarlyRequestStats } from '../fleet/early-requests.ts';
import type { RouterEvent } from '../fleet/router-types.ts';
import type { SecretHit } from '../git/secret-scan.ts';
import type { InfraKind } from './infra-fault.ts';
import type { BatchTally } from './partial-success.ts';
import type { RunStatus } from './state.ts';

/** The run's own events, each with what it carries besides `type` and `runId`. */
export type RunEvent =
  | { type: 'plan'; subtasks: string[]; degraded: boolean; model: string | undefined }
  /** `--stop-after plan`: the plan is saved, the coders were not asked. */
  | { type: 'stopped_after_plan' }
  | ({
      type: 'batch';
      attempt: number;
      rate: number;
      decision: 'accepted' | 'retry' | 'degraded' | 'give-up';
    } & BatchTally)
  | { type: 'subtask_done'; step: string; commit: string; model: string }
  | { type: 'subtask_failed'; step: string; degraded: boolean; reason: string }
  /** Not coded for a fault of the infrastructure (a full disk, a lock, no endpoint): pending, for the resume. */
  | {
      type: 'subtask_deferred';
      step: string;
      kind: InfraKind;
      reason: string;
    }
  /** A model's answer that could not be used, and what happens next (the same model again, or the next). */
  | {
      type: 'answer_unusable';
      role: string;
      step: string;
      model: string;
      next: 'ask_again' | 'fail_over';
      error: string;
    }
  /** A resume found step commits its checkpoint did not know of (adopted), or lacked ones it did (reopened). */
  | { type: 'steps_adopted_from_commits'; count: number }
  | { type: 'steps_reopened_commit_missing'; count: number }
  | {
      type: 'validate';
      passed: boolean;
      sandbox: string;
      network: boolean;
      droppedEnv?: string[];
      commands: { command: string; passed: boolean }[];
    }
  /** The work branch was not pushed: its commits carry a secret or a credential's shape (never the value). */
  | {
      type: 'push_refused_secret';
      branch: string;
      hits: Pick<SecretHit, 'commit' | 'path' | 'line' | 'kind'>[];
    }
  /** Validation moved a ref or touched the repository's configuration: nothing is published. */
  | { type: 'security_stop'; changed: string[] }
  | { type: 'review'; approved: boolean; degraded: boolean; quality: number }
  | { type: 'published'; status: RunStatus; pullRequest: string | undefined }
  | { type: 'run_finished'; status: RunStatus }
  | { type: 'run_interrupted'; reason: string }
  | { type: 'run_failed'; reason: string }
  /** Whether the request a resume sent before keel loaded was used (`adopted: 0`: it cost one call). */
  | ({ type: 'early_request' } & EarlyRequestStats)
  | { type: 'checkpoint_failed'; error: string }
  /** The run's last checkpoint still failed after two more tries: it is reported unsaved, never finished. */
  | { type: 'final_state_unsaved'; error: string }
  | { type: 'recovery_record_failed'; error: string };

export type RunEventType = RunEvent['type'];

/** What an event of `type` carries besides its type (the run adds `runId`). */
export type RunEventData<T extends RunEventType> = Omit<Extract<RunEvent, { type: T }>, 'type'>;

/** A router event as the run's log holds it. */
export type LoggedRouterEvent = Omit<RouterEvent, 'type'> & { type: `router_${RouterEvent['type']}` };

/** A line of a run's `events.ndjson` (besides the effects' `github_*` lines and the log's own `at`). */
export type RunLogLine = (RunEvent | LoggedRouterEvent) & { runId?: string };

export function loggedRouterEvent(event: RouterEvent): LoggedRouterEvent {
  return { ...event, type: `router_${event.type}` };
}

// Records, not arrays: the compiler insists on every member of each union, so the lists cannot drift.
const RUN_EVENTS: Record<RunEventType, true> = {
  plan: true,
  stopped_after_plan: true,
  batch: true,
  subtask_done: true,
  subtask_failed: true,
  subtask_deferred: true,
  answer_unusable: true,
  steps_adopted_from_commits: true,
  steps_reopened_commit_missing: true,
  validate: true,
  security_stop: true,
  push_refused_secret: true,
  review: true,
  published: true,
  run_finished: true,
  run_interrupted: true,
  run_failed: true,
  early_request: true,
  checkpoint_failed: true,
  final_state_unsaved: true,
  recovery_record_failed: true,
};
const ROUTER_EVENTS: Record<RouterEvent['type'], true> = {
  attempt: true,
  breaker: true,
  cooldown: true,
  disabled: true,
  learned: true,
  refused: true,
  loading: true,
  wait: true,
  clock_jump: true,
};

/**
 * Whether `type` is one a run's `events.ndjson` may hold: a `RunEvent`, a router event (`router_…`), or a
 * GitHub effect's (`github_…`, logged by the effects layer with its own fields).
 */
export function isRunLogType(type: unknown): boolean {
  if (typeof type !== 'string') return false;
  if (Object.hasOwn(RUN_EVENTS, type)) return true;
  if (type.startsWith('router_')) return Object.hasOwn(ROUTER_EVENTS, type.slice('router_'.length));
  return /^github_[a-z_]+$/.test(type);
}
