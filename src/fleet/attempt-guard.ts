/**
 * The deadlines of one attempt, behind one AbortController. Every way an attempt can be cut short (the
 * caller's signal, the total deadline, the first-token deadline, the idle gap between body chunks) aborts
 * the same controller, and the guard remembers which one fired first, so the failure kind is exact instead
 * of a generic "aborted". Connect timeouts are not here: the endpoint's undici Agent owns them.
 */
import type { EndpointTimeouts } from '../config/schema.ts';
import type { FailureKind } from './types.ts';

export type GuardKind = Extract<
  FailureKind,
  'aborted' | 'timeout_total' | 'timeout_first_token' | 'timeout_idle'
>;

export class AttemptGuard {
  readonly signal: AbortSignal;
  /** The first deadline (or the caller) that ended the attempt; undefined while it runs or when it ended on its own. */
  fired: GuardKind | undefined;
  readonly #controller: AbortController;
  readonly #timeouts: EndpointTimeouts;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #total: NodeJS.Timeout;
  #firstToken: NodeJS.Timeout | undefined;
  #idle: NodeJS.Timeout | undefined;
  readonly #onCallerAbort = (): void => this.#fire('aborted');

  constructor(timeouts: EndpointTimeouts, callerSignal: AbortSignal | undefined) {
    this.#controller = new AbortController();
    this.signal = this.#controller.signal;
    this.#timeouts = timeouts;
    this.#callerSignal = callerSignal;
    callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.#total = setTimeout(() => this.#fire('timeout_total'), timeouts.totalMs);
    this.#firstToken = setTimeout(() => this.#fire('timeout_first_token'), timeouts.firstTokenMs);
  }

  /**
   * The response head arrived. For a plain request that is the "first token" (nothing finer is observable);
   * a stream keeps waiting for its first content delta. From here on, every body chunk must come within idleMs.
   */
  headArrived(streaming: boolean): void {
    if (!streaming) this.firstTokenArrived();
    if (this.fired === undefined)
      this.#idle = setTimeout(() => this.#fire('timeout_idle'), this.#timeouts.idleMs);
  }

  firstTokenArrived(): void {
    if (this.#firstToken === undefined) return;
    clearTimeout(this.#firstToken);
    this.#firstToken = undefined;
  }

  /** A body chunk arrived: restart the idle gap. `refresh()` reuses the timer instead of allocating one. */
  chunkArrived(): void {
    this.#idle?.refresh();
  }

  /** Stop the attempt for a reason the caller records itself (too large, malformed): frees the socket. */
  stop(): void {
    this.#controller.abort();
  }

  /** Always called when the attempt ends, however it ends: no timer or listener outlives it. */
  dispose(): void {
    clearTimeout(this.#total);
    if (this.#firstToken !== undefined) clearTimeout(this.#firstToken);
    if (this.#idle !== undefined) clearTimeout(this.#idle);
    this.#firstToken = undefined;
    this.#idle = undefined;
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }

  #fire(kind: GuardKind): void {
    if (this.fired !== undefined) return;
    this.fired = kind;
    this.#controller.abort();
  }
}

export function guardMessage(kind: GuardKind, timeouts: EndpointTimeouts, streaming: boolean): string {
  switch (kind) {
    case 'aborted':
      return 'aborted by the caller';
    case 'timeout_total':
      return `no complete response within ${timeouts.totalMs} ms`;
    case 'timeout_first_token':
      return streaming
        ? `no first token within ${timeouts.firstTokenMs} ms`
        : `no response head within ${timeouts.firstTokenMs} ms`;
    case 'timeout_idle':
      return `no data for ${timeouts.idleMs} ms`;
  }
}
