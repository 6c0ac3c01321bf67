/**
 * Everything that should end a run early, turned into one AbortSignal: SIGINT (GitHub's cancel: SIGTERM
 * follows 7.5 s later and SIGKILL 2.5 s after that), SIGTERM, an uncaught exception, an unhandled
 * rejection, the time budget running out, the heap nearing its limit. The engine stops taking work when
 * the signal fires, checkpoints, writes the recovery record and returns — it never just dies.
 */
import { getHeapStatistics } from 'node:v8';
import type { Clock } from '../base/clock.ts';
import { systemClock } from '../base/clock.ts';

export type ShutdownKind =
  'SIGINT' | 'SIGTERM' | 'uncaught_exception' | 'unhandled_rejection' | 'time_budget' | 'heap' | 'lease_lost';

export interface ShutdownReason {
  kind: ShutdownKind;
  message: string;
  /** The error behind an exception or rejection (the caller redacts before it is written anywhere). */
  error?: string;
}

/** The parts of `process` shutdown listens to; tests pass an EventEmitter. */
export interface ProcessEvents {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface ShutdownOptions {
  events?: ProcessEvents;
  clock?: Clock;
  /** The whole run's budget, from the run's start; the run stops `marginMs` before it ends. */
  timeBudgetMs?: number;
  marginMs?: number;
  heapCheckMs?: number;
  /** Stop when used heap exceeds this share of the limit. */
  heapRatio?: number;
  heapStats?: () => { used: number; limit: number };
  /** Told once, when the first reason arrives (progress output). */
  onShutdown?: (reason: ShutdownReason) => void;
  /**
   * Signal storms: a second SIGINT/SIGTERM while the run stops cleanly changes nothing (it is told here);
   * the third calls `onForce`, which saves what it can at once and exits. Without `onForce` every further
   * signal is only told.
   */
  onRepeatedSignal?: (count: number) => void;
  onForce?: () => void;
  /**
   * A cancellation from outside, e.g. the CLI's own SIGINT/SIGTERM handler: it catches a signal that arrives
   * before this is installed (loading, the first checkpoint), and without it that signal would be lost.
   */
  cancel?: AbortSignal;
}

export interface Shutdown {
  readonly signal: AbortSignal;
  reason(): ShutdownReason | undefined;
  /** Stops the run for a reason of the caller's (a lost lease). */
  stop(reason: ShutdownReason): void;
  /** Starts the budget and heap watches; resolves when disposed. Awaited by the caller, never left floating. */
  watch(): Promise<void>;
  dispose(): void;
}

export function installShutdown(options: ShutdownOptions = {}): Shutdown {
  const events = options.events ?? process;
  const clock = options.clock ?? systemClock;
  const controller = new AbortController();
  const stopWatching = new AbortController();
  let first: ShutdownReason | undefined;

  const trigger = (reason: ShutdownReason): void => {
    if (first) return;
    first = reason;
    options.onShutdown?.(reason);
    controller.abort(new ShutdownError(reason));
  };
  // Signals, counted from the first one.
  let signals = 0;
  const onSignal = (reason: ShutdownReason): void => {
    signals += 1;
    if (signals === 1) {
      trigger(reason); // nothing, when the run was already stopping for another reason
      return;
    }
    if (signals >= 3 && options.onForce) {
      options.onForce();
      return;
    }
    options.onRepeatedSignal?.(signals);
  };
  const listeners: [string, (...args: unknown[]) => void][] = [
    ['SIGINT', () => onSignal({ kind: 'SIGINT', message: 'cancelled (SIGINT)' })],
    ['SIGTERM', () => onSignal({ kind: 'SIGTERM', message: 'terminated (SIGTERM)' })],
    [
      'uncaughtException',
      (error) =>
        trigger({ kind: 'uncaught_exception', message: 'uncaught exception', error: describe(error) }),
    ],
    [
      'unhandledRejection',
      (error) =>
        trigger({
          kind: 'unhandled_rejection',
          message: 'unhandled promise rejection',
          error: describe(error),
        }),
    ],
  ];
  for (const [event, listener] of listeners) events.on(event, listener);
  const onCancel = (): void => trigger(cancelReason(options.cancel?.reason));
  if (options.cancel?.aborted) {
    // A signal that came while the run was starting: the storm's first. (A later cancellation is the
    // caller's echo of a signal this module's own listeners count.)
    signals = 1;
    onCancel();
  } else options.cancel?.addEventListener('abort', onCancel, { once: true });

  const heapStats =
    options.heapStats ??
    (() => {
      const stats = getHeapStatistics();
      return { used: stats.used_heap_size, limit: stats.heap_size_limit };
    });

  const watchBudget = async (): Promise<void> => {
    if (options.timeBudgetMs === undefined) return;
    const margin = options.marginMs ?? Math.min(60_000, options.timeBudgetMs * 0.1);
    await clock.sleep(Math.max(0, options.timeBudgetMs - margin), stopWatching.signal).catch(() => undefined);
    if (!stopWatching.signal.aborted) {
      trigger({
        kind: 'time_budget',
        // Two decimals: a budget under a minute must not read "0 min".
        message: `time budget of ${Math.round(options.timeBudgetMs / 600) / 100} min nearly used up`,
      });
    }
  };
  const watchHeap = async (): Promise<void> => {
    const every = options.heapCheckMs ?? 1_000;
    const ratio = options.heapRatio ?? 0.9;
    while (!stopWatching.signal.aborted && !controller.signal.aborted) {
      const { used, limit } = heapStats();
      if (used > limit * ratio) {
        trigger({ kind: 'heap', message: `heap at ${Math.round((used / limit) * 100)} % of its limit` });
        return;
      }
      await clock.sleep(every, stopWatching.signal).catch(() => undefined);
    }
  };

  return {
    signal: controller.signal,
    reason: () => first,
    stop: trigger,
    watch: async () => {
      await Promise.all([watchBudget(), watchHeap()]);
    },
    dispose: () => {
      stopWatching.abort();
      for (const [event, listener] of listeners) events.off(event, listener);
      options.cancel?.removeEventListener('abort', onCancel);
    },
  };
}

/** The reason of an outside cancellation: the signal it names (the CLI aborts with "received SIGTERM"). */
function cancelReason(reason: unknown): ShutdownReason {
  const text = reason instanceof Error ? reason.message : String(reason);
  return /SIGTERM/.test(text)
    ? { kind: 'SIGTERM', message: 'terminated (SIGTERM)' }
    : { kind: 'SIGINT', message: 'cancelled (SIGINT)' };
}

/** The abort reason carried by the shutdown signal. */
export class ShutdownError extends Error {
  override name = 'ShutdownError';
  readonly reason: ShutdownReason;
  constructor(reason: ShutdownReason) {
    super(reason.message);
    this.reason = reason;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).slice(0, 4_000);
  return String(error).slice(0, 4_000);
}
