/** The router's public vocabulary: options, results, events, and the one error it throws. */
import type { EndpointConfig, RoleName } from '../config/schema.ts';
import type { Clock } from '../base/clock.ts';
import type { FleetHealthBook } from './health-book.ts';
import type { FetchLike } from './probe-http.ts';
import type { CapabilityScan } from './probe.ts';
import type { AnswerExtras, EndpointClient, FailureKind, Usage } from './types.ts';

/** What the router needs to know from probes. `FleetHealthBook` (probe.ts) implements it. */
export interface HealthView {
  health(endpointId: string, now: number): 'healthy' | 'unhealthy' | 'unknown';
  contextWindow(endpoint: EndpointConfig, model: string): number | undefined;
  /** The latest capability scan of an endpoint (its flavor, output caps, loaded models, slots). */
  latestScan(endpointId: string): CapabilityScan | undefined;
  snapshot(): unknown;
  restore(snapshot: unknown): void;
}

export interface RouterDeps {
  /** Defaults to the undici-based client, closed with the router. */
  client?: EndpointClient;
  clock?: Clock;
  /** Where API keys (`apiKeyEnv`) and `RUNNER_ENVIRONMENT` are read. Defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** Probe results the router routes by; `probe()` and `probeLoop()` record into it. */
  health?: FleetHealthBook;
  /** For probes only (model requests go through `client`). */
  fetch?: FetchLike;
  /** A saved fleet state (`exportState()` of an earlier router); invalid input is ignored. */
  state?: unknown;
  onEvent?: (event: RouterEvent) => void;
  /**
   * Scan an endpoint whose window or slot count the config leaves to the server before its first use
   * (default true). Off for callers that probe on their own schedule, and for tests of routing alone.
   */
  scanOnFirstUse?: boolean;
  /**
   * Share each endpoint's `maxParallel` with the other keel processes using this directory
   * (`shared-slots.ts`); without it the cap holds for this router alone.
   */
  slotsDir?: string;
}

export interface CompleteOptions {
  signal?: AbortSignal;
  /** Candidate keys (`endpointId/model`) not to use for this request. */
  exclude?: string[];
  /** A candidate key to use first if it is available (an agent's retry on the same model). */
  prefer?: string;
  /** Streamed content as it arrives; a failed attempt's partial content is followed by a fresh start. */
  onDelta?: (text: string, attempt: number) => void;
}

export interface Attempt {
  key: string;
  endpointId: string;
  model: string;
  tier: number;
  outcome: 'ok' | FailureKind;
  latencyMs: number;
  message?: string;
  status?: number;
}

export interface Completion extends AnswerExtras {
  content: string;
  key: string;
  endpointId: string;
  model: string;
  attempts: Attempt[];
  finishReason: string | null;
  usage?: Usage;
  /** The `max_tokens` sent, fitted to the context window (undefined when the window is unknown). */
  maxTokens?: number;
  /** Time spent waiting for a slot or a cooldown, wall-clock ms. */
  waitedMs: number;
}

export type RouterEvent =
  | { type: 'attempt'; role: RoleName; attempt: Attempt }
  | { type: 'breaker'; key: string; to: 'closed' | 'open' | 'halfOpen'; failures: number }
  | { type: 'cooldown'; endpointId: string; until: number; strikes: number }
  | { type: 'disabled'; target: string; reason: string }
  /** The server refused part of a request; it is sent reshaped from now on (and remembered across runs). */
  | { type: 'learned'; target: string; fact: string }
  /** A candidate refused a request with a 4xx: it is skipped for requests of this shape from now on. */
  | { type: 'refused'; key: string; shape: string; reason: string }
  /** An endpoint loading its model (`loading: true`), or ready again and re-scanned (`false`). */
  | { type: 'loading'; endpointId: string; loading: boolean }
  /** A restored cooldown or breaker time further ahead than it can be: the clock jumped; dropped. */
  | { type: 'clock_jump'; what: 'cooldown' | 'breaker'; target: string; savedAt: number; aheadMs: number }
  /** A request waited (for a slot, or for a cooldown to end): `ms`, how long, reported when it ends. */
  | { type: 'wait'; role: RoleName; reason: 'saturated' | 'cooling'; ms: number };

export type RouterErrorReason = 'exhausted' | 'saturated' | 'not_retryable' | 'aborted' | 'unknown_role';

/** The only exception the router throws: every candidate was tried, skipped or refused the request. */
export class RouterError extends Error {
  override name = 'RouterError';
  /** Printed by the CLI without a stack: this is an outcome, not a bug. */
  readonly expected = true;
  readonly reason: RouterErrorReason;
  readonly role: string;
  readonly attempts: Attempt[];

  constructor(reason: RouterErrorReason, role: string, attempts: Attempt[], detail: string) {
    super(`${role}: ${detail}${attempts.length ? ` (attempts: ${summarize(attempts)})` : ''}`);
    this.reason = reason;
    this.role = role;
    this.attempts = attempts;
  }
}

function summarize(attempts: Attempt[]): string {
  return attempts.map((a) => `${a.key} ${a.outcome}`).join(', ');
}
