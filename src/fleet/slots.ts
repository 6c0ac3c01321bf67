/**
 * In-flight accounting: `maxParallel` is a hard cap per endpoint, held from the moment a request is sent
 * until its response (or stream) has ended. Requests that find their tier full wait here for a change —
 * a slot released, a cooldown ended — and then choose again.
 */
import { abortReason, type Clock } from '../clock.ts';

export class SlotBook {
  readonly #inflight = new Map<string, number>();
  readonly #peak = new Map<string, number>();
  #waiters = new Set<() => void>();

  inflight(endpointId: string): number {
    return this.#inflight.get(endpointId) ?? 0;
  }

  /** Highest in-flight count seen per endpoint since creation (reported by `status()` and tests). */
  peak(endpointId: string): number {
    return this.#peak.get(endpointId) ?? 0;
  }

  /** Takes a slot if one is free. Synchronous, so choose-and-take cannot interleave with another request. */
  tryAcquire(endpointId: string, cap: number): boolean {
    const current = this.inflight(endpointId);
    if (current >= cap) return false;
    this.#inflight.set(endpointId, current + 1);
    if (current + 1 > this.peak(endpointId)) this.#peak.set(endpointId, current + 1);
    return true;
  }

  release(endpointId: string): void {
    const current = this.inflight(endpointId);
    if (current <= 0) throw new Error(`slot accounting: release of ${endpointId} without a slot`);
    this.#inflight.set(endpointId, current - 1);
    this.notify();
  }

  /** Wakes every waiter; each re-runs selection (the first to resume takes the slot). */
  notify(): void {
    if (this.#waiters.size === 0) return;
    const waiters = this.#waiters;
    this.#waiters = new Set();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves at the next `notify()` or after `ms`, whichever comes first; rejects if `signal` aborts.
   * Waiters are woken in arrival order.
   */
  async waitForChange(ms: number, clock: Clock, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    const timer = new AbortController();
    const onAbort = (): void => timer.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.#waiters.add(wake);
    // Aborting `timer` (on wake-up or on the caller's abort) rejects the sleep: that ends the wait, no more.
    const sleeping = clock.sleep(ms, timer.signal).catch(() => undefined);
    try {
      await Promise.race([woken, sleeping]);
    } finally {
      this.#waiters.delete(wake);
      signal?.removeEventListener('abort', onAbort);
      timer.abort();
    }
    if (signal?.aborted) throw abortReason(signal);
  }
}
