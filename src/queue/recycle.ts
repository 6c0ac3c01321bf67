/**
 * Backlog recycling (a lane with healthy endpoints always has work: the local backlog is kept populated):
 * finished tasks are reopened after a delay so that healthy capacity never sits idle while there is work that could
 * be tried again — a blocked task may go through now that an endpoint is back, a done one may be improved.
 *
 * Bounded three ways: only tasks finished at least `afterMs` ago, at most `maxPerCycle` per call, at most
 * `maxPerTask` times per task. The oldest finished go first. Each reopening records why in the entry (its
 * history keeps the previous outcome and detail) and as a `task_recycled` event.
 *
 * `planRecycle` decides from plain entries and a time (pure); `applyRecycle` reopens under the claim
 * store's lock and re-checks every decision there, since a lane may have changed an entry in between.
 */
import { formatAge } from '../base/age.ts';
import type { Clock } from '../base/clock.ts';
import { isFinished, withHistory, type ClaimEntry } from './claim-state.ts';
import type { ClaimStore } from './claim-store.ts';
import type { ClaimOutcome, QueueEvent } from './types.ts';

export interface RecycleSettings {
  afterMs: number;
  maxPerCycle: number;
  maxPerTask: number;
  /** Which outcomes are recycled; default done and blocked (a `failed` task crashed its lane: a human's call). */
  outcomes?: readonly ClaimOutcome[];
}

export interface RecycleDecision {
  taskId: string;
  from: ClaimOutcome;
  /** `finishedAt` as decided on: the entry must still carry it when the decision is applied. */
  finishedAt: number;
  /** Recycles after this one. */
  recycles: number;
  reason: string;
}

export const DEFAULT_RECYCLE_OUTCOMES: readonly ClaimOutcome[] = ['done', 'blocked'];

export function planRecycle(
  entries: Iterable<ClaimEntry>,
  now: number,
  settings: RecycleSettings,
): RecycleDecision[] {
  const outcomes = new Set(settings.outcomes ?? DEFAULT_RECYCLE_OUTCOMES);
  const due: (ClaimEntry & { state: ClaimOutcome; finishedAt: number })[] = [];
  for (const entry of entries) {
    if (!isFinished(entry.state) || !outcomes.has(entry.state)) continue;
    if (entry.finishedAt === undefined || now - entry.finishedAt < settings.afterMs) continue;
    if (entry.recycles >= settings.maxPerTask) continue;
    due.push(entry as ClaimEntry & { state: ClaimOutcome; finishedAt: number });
  }
  due.sort((a, b) => a.finishedAt - b.finishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return due.slice(0, Math.max(0, settings.maxPerCycle)).map((entry) => ({
    taskId: entry.id,
    from: entry.state,
    finishedAt: entry.finishedAt,
    recycles: entry.recycles + 1,
    reason: `${entry.state} ${formatAge(now - entry.finishedAt)} ago (recycle after ${formatAge(settings.afterMs)}): reopened, ${entry.recycles + 1} of ${settings.maxPerTask}`,
  }));
}

export interface RecycleApplied {
  reopened: RecycleDecision[];
  /** Decisions whose entry changed (or went) between the decision and the lock. */
  skipped: RecycleDecision[];
}

/** Reopens the decided entries under the lock; `lock-busy` leaves everything for the next cycle. */
export async function applyRecycle(
  store: ClaimStore,
  decisions: readonly RecycleDecision[],
  log: (event: QueueEvent) => void = () => undefined,
): Promise<RecycleApplied | 'lock-busy'> {
  if (decisions.length === 0) return { reopened: [], skipped: [] };
  const applied = await store.update((data, now) => {
    const result: RecycleApplied = { reopened: [], skipped: [] };
    for (const decision of decisions) {
      const entry = data.entries.get(decision.taskId);
      if (
        entry?.state !== decision.from ||
        entry.finishedAt !== decision.finishedAt ||
        entry.recycles + 1 !== decision.recycles
      ) {
        result.skipped.push(decision);
        continue;
      }
      data.entries.set(entry.id, {
        ...entry,
        state: 'open',
        recycles: decision.recycles,
        recycledAt: now,
        history: withHistory(entry.history, {
          at: now,
          from: decision.from,
          ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
          reason: decision.reason.slice(0, 500),
        }),
      });
      result.reopened.push(decision);
    }
    return result;
  });
  if (applied === 'lock-busy') return applied;
  for (const decision of applied.reopened) {
    log({
      type: 'task_recycled',
      taskId: decision.taskId,
      from: decision.from,
      recycles: decision.recycles,
      reason: decision.reason,
    });
  }
  return applied;
}

/** One cycle: read the store, decide, apply. */
export async function recycleCycle(
  store: ClaimStore,
  settings: RecycleSettings,
  clock: Clock,
  log?: (event: QueueEvent) => void,
): Promise<RecycleApplied | 'lock-busy'> {
  await store.refresh();
  return applyRecycle(store, planRecycle(store.entries(), clock.now(), settings), log);
}
