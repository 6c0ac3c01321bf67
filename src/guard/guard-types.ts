/**
 * The guard's vocabulary: the effects a cycle is given (local or Actions), the events it raises, and the
 * cycle report it writes. Kept apart from the cycle itself (`guard.ts`) so that the effect implementations
 * and the command can name them without pulling the cycle in.
 */
import type { Clock } from '../base/clock.ts';
import type { EndpointConfig, KeelConfig } from '../config/schema.ts';
import type { CapabilityScan, HealthProbe } from '../fleet/probe.ts';
import type { LockHolder } from '../base/file-lock.ts';
import type { EndpointVerdict, LaneActivity, LaneIntent, LaneStatus } from './guard-decide.ts';
import type { LaneConfig, LanesFile, PauseClearNote, PauseFlag, PauseFlags } from '../lanes/index.ts';

export type { LaneActivity, LaneStatus } from './guard-decide.ts';

/** Unclaimed tasks in a lane's queue (the queue module's reading of the queue and claim-state files). */
export type QueueDepth = (lane: LaneConfig) => Promise<number>;

/** A run that stopped before finishing; `active` when something is running it right now. */
export interface InterruptedRun {
  runId: string;
  status: string;
  /** Wall-clock ms of its last checkpoint: a new interruption changes it. */
  updatedAt: number;
  active: boolean;
}

// A type, not an interface: events must be assignable to the event log's open record type.
export type IdleAlert = {
  lane: string;
  idleCycles: number;
  /** Start of the streak: with the lane it names the streak (the Actions issue's marker). */
  idleSince: number;
  queued: number | null;
  why: string;
};

/** Where alerts go besides the event (in Actions: an issue, deduplicated by marker). */
export interface AlertSink {
  raise(alert: IdleAlert): Promise<void>;
  resolve(alert: { lane: string; idleSince: number; idleCycles: number }): Promise<void>;
}

export interface GuardEffects {
  /** Undefined: not probed from here (`shouldSkipEndpoint`). Never throws for a misbehaving endpoint. */
  probe(endpoint: EndpointConfig): Promise<HealthProbe | undefined>;
  scan(endpoint: EndpointConfig): Promise<CapabilityScan | undefined>;
  queueDepth: QueueDepth;
  laneActive(lane: LaneConfig): Promise<LaneActivity>;
  /** Local: spawn `keel lane …`; Actions: `workflow_dispatch` of the lane's workflow. */
  startLane(lane: LaneConfig, reason: string): Promise<void>;
  pauseFlags: PauseFlags;
  /** Unfinished runs (interrupted, or running with nobody behind them), each with whether one is active. */
  interruptedRuns(): Promise<InterruptedRun[]>;
  dispatchResume(run: InterruptedRun): Promise<void>;
  /**
   * Reopens a drained lane's finished backlog when `guard.recycle.enabled` (bounded by its settings);
   * resolves to how many tasks were reopened. Absent where the claim state is not the lanes' (Actions).
   */
  recycle?(lane: LaneConfig): Promise<number>;
  alerts?: AlertSink;
  events?: (event: GuardEvent) => void;
}

export type GuardEvent =
  | { type: 'guard_lane_started'; lane: string; queued: number; reason: string }
  | { type: 'guard_lane_start_failed'; lane: string; error: string }
  | { type: 'guard_pause_cleared'; lane: string; flag: PauseFlag; cleared: PauseClearNote }
  | { type: 'guard_pause_clear_failed'; lane: string; error: string }
  | { type: 'guard_resume_dispatched'; runId: string; updatedAt: number }
  | { type: 'guard_resume_failed'; runId: string; error: string }
  | ({ type: 'persistent_idle_condition' } & IdleAlert)
  | { type: 'persistent_idle_resolved'; lane: string; idleSince: number; idleCycles: number }
  | { type: 'guard_alert_failed'; lane: string; error: string }
  | { type: 'guard_backlog_recycled'; lane: string; reopened: number; queued: number }
  | { type: 'guard_observe_failed'; lane?: string; endpoint?: string; what: string; error: string }
  | { type: 'guard_state_reset'; problem: string };

export interface GuardCycleOptions {
  lanesFile: LanesFile;
  config: KeelConfig;
  effects: GuardEffects;
  clock?: Clock;
  /** Default `<lanesFile.stateDir>/guard`. */
  guardDir?: string;
  /** Who clears stale pauses, for the record (`keel guard (pid 123 on box)`, a workflow run URL). */
  actor?: string;
  /** Applied to every string written to the history (default: bearer tokens and key shapes). */
  redact?: (text: string) => string;
}

export interface LaneReport {
  lane: string;
  kind: LaneConfig['kind'];
  queued: number | null;
  /** Finished tasks the guard reopened this cycle (included in `queued`). */
  recycled?: number;
  activity: LaneActivity | null;
  health: { endpoints: Record<string, EndpointVerdict>; share: number | null; floorMet: boolean };
  pause?: PauseFlag & { ageMs: number; stale: boolean };
  status: LaneStatus;
  /** What the guard did (`started`, `start_failed`, `unpaused`), or why it left an idle lane alone. */
  action: Exclude<LaneIntent, 'start' | 'unpause'> | 'started' | 'start_failed' | 'unpaused';
  pauseCleared: boolean;
  idleCycles: number;
  idleSince?: number;
  errors: string[];
}

export interface ResumeReport {
  runId: string;
  status: string;
  updatedAt: number;
  action: 'dispatched' | 'active' | 'already_dispatched' | 'limit' | 'failed';
  error?: string;
}

export interface EndpointReport {
  id: string;
  health: EndpointVerdict;
  latencyMs?: number;
  checkedAt?: number;
  error?: string;
  /** From the latest capability scan. */
  flavor?: string;
  models?: number;
}

export interface GuardCycleReport {
  version: 1;
  cycle: number;
  startedAt: number;
  finishedAt: number;
  probed: boolean;
  scanned: boolean;
  lastProbeAt?: number;
  lastScanAt?: number;
  endpoints: EndpointReport[];
  lanes: LaneReport[];
  fleet: { idle: boolean; idleCycles: number; active: number; idleLanes: string[] };
  started: string[];
  pausesCleared: { lane: string; flag: PauseFlag; cleared: PauseClearNote }[];
  resumes: ResumeReport[];
  resumeError?: string;
  alerts: { lane: string; idleCycles: number; idleSince: number; delivered: boolean; error?: string }[];
  /** The previous state file could not be used (it is replaced). */
  stateProblem?: string;
}

export type GuardCycleOutcome =
  { kind: 'ran'; report: GuardCycleReport } | { kind: 'busy'; lock: string; holder?: LockHolder };
