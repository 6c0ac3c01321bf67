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
import { z } from 'zod';
import { HEALTH_BOOK_SNAPSHOT_VERSION, type HealthBookSnapshot } from '../fleet/health-book.ts';

export const GUARD_STATE_VERSION = 1;
/** Resume records kept at most; older ones are for runs long finished. */
const MAX_RESUME_RECORDS = 500;

export interface LaneAlertState {
  /** When `persistent_idle_condition` was raised for the current idle streak. */
  raisedAt: number;
  /** The alert sink (an issue in Actions) took it; until then it is tried again each cycle. */
  delivered: boolean;
}

export interface LaneGuardState {
  /** Consecutive cycles the lane was idle (see `guard.ts` for the definition); 0 once work flows. */
  idleCycles: number;
  /** Start of the current idle streak. */
  idleSince?: number;
  /** When the guard last started the lane (the start grace runs from here). */
  lastStartAt?: number;
  alert?: LaneAlertState;
}

export interface ResumeRecord {
  dispatchedAt: number;
  /** The run's `updatedAt` when it was dispatched: a later interruption changes it and earns a new resume. */
  updatedAt: number;
}

export interface GuardState {
  version: typeof GUARD_STATE_VERSION;
  cycle: number;
  updatedAt: number;
  lastProbeAt?: number;
  lastScanAt?: number;
  /** Endpoints the last probe could not reach from where the guard runs (a LAN address on a hosted runner). */
  unreachable: string[];
  health: HealthBookSnapshot;
  fleet: { idleCycles: number; idleSince?: number };
  lanes: Record<string, LaneGuardState>;
  resumes: Record<string, ResumeRecord>;
}

export function emptyGuardState(): GuardState {
  return {
    version: GUARD_STATE_VERSION,
    cycle: 0,
    updatedAt: 0,
    unreachable: [],
    health: { version: HEALTH_BOOK_SNAPSHOT_VERSION, probes: [], scans: [] },
    fleet: { idleCycles: 0 },
    // Keys are lane names and run ids, some read back from a file: no prototype to collide with.
    lanes: Object.create(null) as Record<string, LaneGuardState>,
    resumes: Object.create(null) as Record<string, ResumeRecord>,
  };
}

const time = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().nonnegative().max(1e9);
const key = z.string().min(1).max(128);

const laneSchema = z.object({
  idleCycles: count,
  idleSince: time.optional(),
  lastStartAt: time.optional(),
  alert: z.object({ raisedAt: time, delivered: z.boolean() }).optional(),
});
const resumeSchema = z.object({ dispatchedAt: time, updatedAt: time });
const envelopeSchema = z.object({
  version: z.literal(GUARD_STATE_VERSION),
  cycle: count.catch(0),
  lastProbeAt: time.optional().catch(undefined),
  lastScanAt: time.optional().catch(undefined),
  unreachable: z.array(key).max(1_000).catch([]),
  health: z.unknown(),
  fleet: z.object({ idleCycles: count, idleSince: time.optional() }).catch({ idleCycles: 0 }),
  lanes: z.unknown(),
  resumes: z.unknown(),
});

export type GuardStateRead = { state: GuardState; problem?: string };

/**
 * The state from whatever `JSON.parse` made of the file (undefined: there was none). `problem` says what
 * was wrong with a file that could not be used, for the cycle report.
 */
export function readGuardState(raw: unknown): GuardStateRead {
  if (raw === undefined) return { state: emptyGuardState() };
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
  if (data.lastProbeAt !== undefined) state.lastProbeAt = data.lastProbeAt;
  if (data.lastScanAt !== undefined) state.lastScanAt = data.lastScanAt;
  state.unreachable = data.unreachable;
  // The health book validates its own snapshot entry by entry when it is restored.
  state.health = data.health as HealthBookSnapshot;
  state.fleet = data.fleet;
  state.lanes = pick(data.lanes, laneSchema);
  state.resumes = pick(data.resumes, resumeSchema);
  return { state };
}

/** The state as written: resume records bounded, newest kept. */
export function serializeGuardState(state: GuardState): string {
  const resumes = Object.entries(state.resumes)
    .sort(([, a], [, b]) => b.dispatchedAt - a.dispatchedAt)
    .slice(0, MAX_RESUME_RECORDS);
  return `${JSON.stringify({ ...state, resumes: Object.fromEntries(resumes) }, null, 2)}\n`;
}

/** Valid entries only, into an object without a prototype (keys come from a file). */
function pick<T>(entries: unknown, schema: z.ZodType<T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return out;
  for (const [name, value] of Object.entries(entries)) {
    if (!key.safeParse(name).success) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) out[name] = parsed.data;
  }
  return out;
}
