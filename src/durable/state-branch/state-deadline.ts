/**
 * One time budget for a whole operation (fetch, build, push, retries): a slow remote must not hold up a
 * shutdown that has seconds to spare. Two mechanisms, because either alone can fail:
 * - `signal` aborts at the deadline, so git commands given it are killed (process group) and the git
 *   runner's backoff sleeps end;
 * - `race` settles at the deadline whatever the promise does, so even a dependency that ignores the signal
 *   (an injected runner, a library call) cannot keep us waiting.
 */
import type { Clock } from '../../base/clock.ts';

export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

export interface Deadline {
  readonly signal: AbortSignal;
  /** Milliseconds left, never negative. */
  remaining(): number;
  expired(): boolean;
  /** The promise's outcome, or a `DeadlineExceeded` rejection at the deadline, whichever comes first. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Stops the timer (call when the operation ends, or the sleep keeps the process alive until it fires). */
  dispose(): void;
}

export function startDeadline(clock: Clock, ms: number, what: string): Deadline {
  const end = clock.now() + Math.max(0, ms);
  const abort = new AbortController();
  const timer = new AbortController();
  const message = `${what}: gave up after ${ms} ms`;
  const expiredPromise = new Promise<never>((_, reject) => {
    abort.signal.addEventListener('abort', () => reject(new DeadlineExceeded(message)), { once: true });
  });
  // Unobserved until someone races: without this, an expiry nobody awaits is an unhandled rejection.
  expiredPromise.catch(() => undefined);
  clock.sleep(Math.max(0, ms), timer.signal).then(
    () => abort.abort(new DeadlineExceeded(message)),
    () => undefined, // disposed
  );
  return {
    signal: abort.signal,
    remaining: () => Math.max(0, end - clock.now()),
    expired: () => abort.signal.aborted || clock.now() >= end,
    race: <T>(promise: Promise<T>): Promise<T> => {
      // The loser may still settle later; its rejection is nobody's business then.
      promise.catch(() => undefined);
      return Promise.race([promise, expiredPromise]);
    },
    dispose: () => timer.abort(),
  };
}
