/**
 * One circuit breaker per endpoint+model, on opossum.
 *
 * opossum owns the state machine (closed → open → half-open after `resetTimeoutMs` → closed on one
 * successful trial, open again on a failed one, a single trial at a time). What opossum cannot express is
 * keel's trip rule, "N failures within a sliding window" (opossum trips on an error *percentage*), so the
 * window of failure times is kept here and the breaker is opened explicitly; opossum's own percentage trip
 * is switched off with an unreachable volume threshold.
 *
 * State is exported with wall-clock times and restored by the next run, so a scheduled run does not
 * rediscover a dead endpoint by hammering it. opossum is used through its documented options only
 * (`options.state`, README "Breaker State Initialization"); what it cannot restore — an open breaker's
 * *remaining* time (it would start a fresh `resetTimeout`) — is a hold kept here: the breaker is restored
 * half-open and keel refuses every request until the hold ends, on keel's clock. test/fleet/opossum.test.ts
 * pins the opossum behaviour this relies on.
 */
import { EventEmitter } from 'node:events';
import CircuitBreaker from 'opossum';
import type { Clock } from '../base/clock.ts';
import type { Policy } from '../config/schema.ts';
import { FAILURE_POLICY, type ChatOutcome } from './types.ts';

export type BreakerPolicy = Policy['breaker'];
export type BreakerState = 'closed' | 'open' | 'halfOpen';

export interface BreakerSnapshot {
  state: BreakerState;
  /** Wall-clock times of the failures still inside the window. */
  failures: number[];
  /** Wall-clock time the breaker last opened. */
  openedAt?: number;
}

export type BreakerTransition = { key: string; to: BreakerState; failures: number };

/** opossum's `options.state` (README, "Breaker State Initialization"), which @types/opossum does not declare. */
interface OpossumState {
  closed: boolean;
  halfOpen: boolean;
}

/** Thrown inside opossum's action so that opossum records a failure; never escapes this module. */
class CountedFailure extends Error {}

type Action = (call: () => Promise<ChatOutcome>) => Promise<ChatOutcome>;

export class CandidateBreaker {
  readonly key: string;
  readonly #policy: BreakerPolicy;
  readonly #clock: Clock;
  readonly #breaker: CircuitBreaker<Parameters<Action>, ChatOutcome>;
  #failures: number[];
  #openedAt: number | undefined;
  /** A restored open breaker: refused until then (wall clock), then the next request is the trial. */
  #heldUntil: number | undefined;
  readonly #onTransition: (transition: BreakerTransition) => void;

  constructor(
    key: string,
    policy: BreakerPolicy,
    clock: Clock,
    rotation: EventEmitter,
    onTransition: (transition: BreakerTransition) => void,
    snapshot?: BreakerSnapshot,
  ) {
    this.key = key;
    this.#policy = policy;
    this.#clock = clock;
    const now = clock.now();
    this.#failures = (snapshot?.failures ?? []).filter((at) => at > now - policy.windowMs && at <= now);
    this.#openedAt = snapshot?.openedAt;

    this.#onTransition = onTransition;
    const restored = restoredState(snapshot, policy, now);
    this.#heldUntil = restored.heldUntil;
    const options: CircuitBreaker.Options & { state?: OpossumState } = {
      name: key,
      timeout: false, // the endpoint client owns every timeout
      resetTimeout: policy.resetTimeoutMs,
      errorThresholdPercentage: 100,
      volumeThreshold: Number.MAX_SAFE_INTEGER,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
      // opossum keeps per-bucket latency arrays; a shared, router-owned rotation keeps them small
      // without a timer per breaker.
      rotateBucketController: rotation,
      ...(restored.state ? { state: restored.state } : {}),
    };
    this.#breaker = new CircuitBreaker<Parameters<Action>, ChatOutcome>((call) => runCounted(call), options);

    this.#breaker.on('open', () => {
      this.#openedAt = this.#clock.now();
      onTransition({ key, to: 'open', failures: this.#failures.length });
    });
    this.#breaker.on('halfOpen', () =>
      onTransition({ key, to: 'halfOpen', failures: this.#failures.length }),
    );
    this.#breaker.on('close', () => {
      this.#failures = [];
      onTransition({ key, to: 'closed', failures: 0 });
    });
  }

  state(): BreakerState {
    if (this.#held()) return 'open';
    if (this.#breaker.opened) return 'open';
    if (this.#breaker.halfOpen) return 'halfOpen';
    return 'closed';
  }

  /** Would a request be let through now? Half-open admits a single trial at a time. */
  admits(): boolean {
    if (this.#held()) return false;
    return this.#breaker.closed || this.#breaker.pendingClose;
  }

  failuresInWindow(now = this.#clock.now()): number {
    const from = now - this.#policy.windowMs;
    return this.#failures.filter((at) => at > from).length;
  }

  /** Wall-clock time at which an open breaker will admit a trial; undefined unless open. */
  halfOpensAt(): number | undefined {
    if (this.#held()) return this.#heldUntil;
    if (!this.#breaker.opened || this.#openedAt === undefined) return undefined;
    return this.#openedAt + this.#policy.resetTimeoutMs;
  }

  /**
   * Runs one attempt through the breaker. Resolves to the attempt's outcome, or to `'rejected'` when the
   * breaker did not admit it (callers check `admits()` first, so this only guards a race).
   */
  async run(call: () => Promise<ChatOutcome>): Promise<ChatOutcome | 'rejected'> {
    if (this.#held()) return 'rejected';
    let outcome: ChatOutcome | undefined;
    try {
      await this.#breaker.fire(async () => {
        outcome = await call();
        return outcome;
      });
    } catch (error) {
      if (outcome === undefined) {
        if (isOpossumRejection(error)) return 'rejected';
        throw error;
      }
    }
    if (outcome === undefined) throw new Error(`breaker ${this.key}: attempt produced no outcome`);
    if (!outcome.ok && FAILURE_POLICY[outcome.failure.kind].tripsBreaker) this.#countFailure();
    return outcome;
  }

  snapshot(): BreakerSnapshot {
    const state = this.state();
    return {
      state,
      failures: [...this.#failures],
      ...(state !== 'closed' && this.#openedAt !== undefined ? { openedAt: this.#openedAt } : {}),
    };
  }

  shutdown(): void {
    this.#breaker.shutdown();
  }

  /** True while a restored open breaker's remaining time runs; says `halfOpen` once, when it ends. */
  #held(): boolean {
    if (this.#heldUntil === undefined) return false;
    if (this.#clock.now() < this.#heldUntil) return true;
    this.#heldUntil = undefined;
    this.#onTransition({ key: this.key, to: 'halfOpen', failures: this.#failures.length });
    return false;
  }

  #countFailure(): void {
    const now = this.#clock.now();
    this.#failures = this.#failures.filter((at) => at > now - this.#policy.windowMs);
    this.#failures.push(now);
    // Half-open trials that fail are re-opened by opossum itself.
    if (this.#breaker.closed && this.#failures.length >= this.#policy.failureThreshold) this.#breaker.open();
  }
}

/** The action opossum wraps: a failure that counts (or an abort, which proves nothing) rejects. */
async function runCounted(call: () => Promise<ChatOutcome>): Promise<ChatOutcome> {
  const outcome = await call();
  if (!outcome.ok) {
    const kind = outcome.failure.kind;
    // An aborted half-open trial proved nothing; rejecting keeps the breaker from closing on it.
    if (FAILURE_POLICY[kind].tripsBreaker || kind === 'aborted') throw new CountedFailure(kind);
  }
  return outcome;
}

function isOpossumRejection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EOPENBREAKER' || code === 'ESHUTDOWN' || code === 'ESEMLOCKED';
}

function restoredState(
  snapshot: BreakerSnapshot | undefined,
  policy: BreakerPolicy,
  now: number,
): { state?: OpossumState; heldUntil?: number } {
  if (snapshot === undefined || snapshot.state === 'closed') return {};
  const openedAt = snapshot.openedAt ?? now;
  const remaining = openedAt + policy.resetTimeoutMs - now;
  if (snapshot.state === 'open' && remaining > 0) {
    // Half-open in opossum, held open here for what remains (never more than a full reset timeout).
    return {
      state: { closed: false, halfOpen: true },
      heldUntil: now + Math.min(remaining, policy.resetTimeoutMs),
    };
  }
  // Open long enough (while no run was watching) or already half-open: the next request is the trial.
  return { state: { closed: false, halfOpen: true } };
}

/**
 * All breakers of one router, sharing one bucket-rotation timer. opossum's stats are not used for
 * decisions, but its buckets grow with every call until rotated.
 */
export class BreakerBoard {
  readonly #breakers = new Map<string, CandidateBreaker>();
  readonly #rotation = new EventEmitter();
  readonly #timer: NodeJS.Timeout;
  readonly #policy: BreakerPolicy;
  readonly #clock: Clock;
  readonly #onTransition: (transition: BreakerTransition) => void;

  constructor(
    policy: BreakerPolicy,
    clock: Clock,
    onTransition: (transition: BreakerTransition) => void,
    saved: Record<string, BreakerSnapshot> = {},
  ) {
    this.#policy = policy;
    this.#clock = clock;
    this.#onTransition = onTransition;
    this.#rotation.setMaxListeners(0);
    this.#timer = setInterval(() => this.#rotation.emit('rotate'), 1_000);
    this.#timer.unref();
    for (const [key, snapshot] of Object.entries(saved)) this.#create(key, snapshot);
  }

  get(key: string): CandidateBreaker {
    return this.#breakers.get(key) ?? this.#create(key);
  }

  peek(key: string): CandidateBreaker | undefined {
    return this.#breakers.get(key);
  }

  snapshot(): Record<string, BreakerSnapshot> {
    const out: Record<string, BreakerSnapshot> = {};
    for (const [key, breaker] of this.#breakers) {
      const snap = breaker.snapshot();
      if (snap.state !== 'closed' || snap.failures.length > 0) out[key] = snap;
    }
    return out;
  }

  close(): void {
    clearInterval(this.#timer);
    for (const breaker of this.#breakers.values()) breaker.shutdown();
    this.#breakers.clear();
  }

  #create(key: string, snapshot?: BreakerSnapshot): CandidateBreaker {
    const breaker = new CandidateBreaker(
      key,
      this.#policy,
      this.#clock,
      this.#rotation,
      this.#onTransition,
      snapshot,
    );
    this.#breakers.set(key, breaker);
    return breaker;
  }
}
