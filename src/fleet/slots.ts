/**
 * In-flight accounting and the queue for slots.
 *
 * `maxParallel` is a hard cap per endpoint, held from the moment a request is sent until its response (or
 * stream) has ended. Requests that find their tier full queue here in arrival order (by ticket) and are
 * woken on every change — a slot released, a breaker half-open — to choose again. A request never takes a
 * slot that an earlier queued request is waiting for, so under sustained load newcomers cannot starve the
 * queue (without this, the request that just finished would re-take its own slot before any waiter ran).
 */
import { abortReason, type Clock } from '../base/clock.ts';

export interface QueuedRequest {
  readonly ticket: number;
  /** Endpoints this request would take a slot at. */
  endpoints: ReadonlySet<string>;
}

export class SlotBook {
  readonly #inflight = new Map<string, number>();
  readonly #peak = new Map<string, number>();
  /** Queued requests, ordered by ticket. */
  readonly #queue: QueuedRequest[] = [];
  #sleepers = new Set<() => void>();
  #nextTicket = 0;

  inflight(endpointId: string): number {
    return this.#inflight.get(endpointId) ?? 0;
  }

  /** Highest in-flight count seen per endpoint since creation (reported by `status()` and tests). */
  peak(endpointId: string): number {
    return this.#peak.get(endpointId) ?? 0;
  }

  /** Arrival order of a request: smaller tickets are served first. */
  ticket(): number {
    return this.#nextTicket++;
  }

  /** Joins (or updates a place in) the queue; the place is kept across wake-ups. */
  enqueue(ticket: number, endpoints: ReadonlySet<string>): QueuedRequest {
    const existing = this.#queue.find((q) => q.ticket === ticket);
    if (existing) {
      existing.endpoints = endpoints;
      return existing;
    }
    const entry: QueuedRequest = { ticket, endpoints };
    let index = this.#queue.length;
    while (index > 0 && this.#queue[index - 1]!.ticket > ticket) index--;
    this.#queue.splice(index, 0, entry);
    return entry;
  }

  /** Leaves the queue; the slots it had a claim on may now serve later requests, so they choose again. */
  leave(ticket: number): void {
    const index = this.#queue.findIndex((q) => q.ticket === ticket);
    if (index < 0) return;
    this.#queue.splice(index, 1);
    this.notify();
  }

  /**
   * How many requests that arrived before `ticket` are queued for a slot at this endpoint: that many of its
   * free slots are theirs. (A request queued for several endpoints counts at each: it errs toward fairness.)
   */
  claimsBefore(endpointId: string, ticket: number): number {
    let claims = 0;
    for (const entry of this.#queue) {
      if (entry.ticket >= ticket) break;
      if (entry.endpoints.has(endpointId)) claims++;
    }
    return claims;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Takes a slot if one is free (callers have already counted earlier requests' claims). Synchronous, so
   * choose-and-take cannot interleave with another request.
   */
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

  /** Wakes every sleeping request; each chooses again, earliest ticket first. */
  notify(): void {
    if (this.#sleepers.size === 0) return;
    const sleepers = this.#sleepers;
    this.#sleepers = new Set();
    for (const wake of sleepers) wake();
  }

  /** Resolves at the next `notify()` or after `ms`, whichever comes first; rejects if `signal` aborts. */
  async waitForChange(ms: number, clock: Clock, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    const timer = new AbortController();
    const onAbort = (): void => timer.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.#sleepers.add(wake);
    // Aborting `timer` (on wake-up or on the caller's abort) rejects the sleep: that ends the wait, no more.
    const sleeping = clock.sleep(ms, timer.signal).catch(() => undefined);
    try {
      await Promise.race([woken, sleeping]);
    } finally {
      this.#sleepers.delete(wake);
      signal?.removeEventListener('abort', onAbort);
      timer.abort();
    }
    if (signal?.aborted) throw abortReason(signal);
  }
}
