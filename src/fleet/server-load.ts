/**
 * An endpoint's load as its server counts it, so that keel processes on different machines that share one
 * box hold its cap with no coordination service of keel's own (per endpoint `load: local | server | auto`).
 *
 * - Sources: vLLM `/metrics` — `vllm:num_requests_running` and `vllm:num_requests_waiting`, labelled
 *   `{engine="0",model_name="…"}` on the V1 engine, summed over engines (vllm/v1/metrics/loggers.py,
 *   `PrometheusStatLogger`; open without the API key); llama.cpp `/metrics` (started with `--metrics`) —
 *   `llamacpp:requests_processing` and `llamacpp:requests_deferred`, no labels, values that may print as
 *   `1.23457e+06` (tools/server/server-context.cpp `get_metrics` at 00dd081), else `/slots` (on by default):
 *   the slots with `is_processing`. `auto` uses the server where the flavour — configured, or found by the
 *   last capability scan — is one of these; `server` asks whatever the flavour.
 * - What counts: the server's running requests that are not this machine's (those the router already counts:
 *   its own and, through the shared leases, the other local processes') are in flight too; requests
 *   waiting at the server mean it is full. "This machine's" is taken as it was when the answer arrived, or
 *   before the request went out, whichever was less: the server's count may lag, so keel errs toward full.
 * - When: at most every `probe.loadIntervalMs` while requests choose an endpoint, and after every release
 *   (one look at a time per endpoint). With `auto` a reading older than three intervals is not used.
 * - `server` bounds the reporting lag: a machine sends one request at a time that the server's count may not
 *   show yet. A send first takes the machine's unseen-send token (the lock `unseen` beside the shared slot
 *   leases, so every keel process of the machine takes turns), then reads the server again and sends only
 *   if there is still room; the token is held until a reading asked `CONFIRM_AFTER_MS` after the send has
 *   come back (or the request ended). Machines that share no file then overshoot the cap by at most one
 *   request each while their readings lag. `auto` spares single-machine setups this look per request.
 * - Falling back: an endpoint whose metrics do not answer, or answer without the series, is counted locally
 *   until a later look succeeds.
 */
import type { Clock } from '../base/clock.ts';
import { redact } from '../base/secrets.ts';
import type { EndpointConfig } from '../config/schema.ts';
import { parsePrometheusText, sumOf } from './prometheus-text.ts';
import type { FetchLike } from './probe-http.ts';
import { serverRoot } from './probe-http.ts';

export type LoadMode = 'local' | 'server' | 'auto';
type Source = 'vllm' | 'llamacpp';

/** What the router adds to its own count: in flight elsewhere, and whether the server queues already. */
export interface RemoteLoad {
  extra: number;
  full: boolean;
  /** When the look that read it was sent: a request of this machine sent since may not be in it. */
  sentAt: number;
}

export interface ServerLoadDeps {
  clock: Clock;
  fetch: FetchLike;
  env: Record<string, string | undefined>;
  intervalMs: number;
  timeoutMs: number;
  /** The flavour the last capability scan found (for `flavor: auto`). */
  scannedFlavor: (endpointId: string) => string | undefined;
  /** This machine's requests in flight at the endpoint, as the router counts them. */
  localInflight: (endpointId: string) => number;
  /** A reading changed what the router would see: waiting requests look again. */
  onChange: () => void;
}

interface Reading {
  running: number;
  waiting: number;
  localAtReading: number;
  sentAt: number;
  at: number;
}

interface EndpointState {
  endpoint: EndpointConfig;
  reading?: Reading;
  /** When the next look is due (poll), or undefined while one is in flight. */
  dueAt: number;
  looking: boolean;
  /** The look in flight. */
  current?: Promise<void>;
  /** Released since the look in flight began: look again when it ends. */
  again: boolean;
  /** When the last look was asked for. */
  askedAt?: number;
  lastError?: string;
}

const MAX_METRICS_BYTES = 1024 * 1024;
/**
 * A lease is taken before its request is sent, and a metrics request on a warm connection can overtake it:
 * a reading confirms a send only when it was asked for this much later.
 */
export const CONFIRM_AFTER_MS = 50;
/** `load: auto`: the shortest time between two looks a release asks for. */
export const RELEASE_LOOK_MS = 50;

export class ServerLoad {
  readonly #deps: ServerLoadDeps;
  readonly #states = new Map<string, EndpointState>();
  readonly #stop = new AbortController();

  constructor(endpoints: readonly EndpointConfig[], deps: ServerLoadDeps) {
    this.#deps = deps;
    for (const endpoint of endpoints) {
      if (endpoint.load !== 'local')
        this.#states.set(endpoint.id, { endpoint, dueAt: 0, looking: false, again: false });
    }
  }

  /** Endpoints that may report their load (the router then also looks again at its load interval). */
  tracks(endpointId: string): boolean {
    return this.#states.has(endpointId) && this.#source(this.#states.get(endpointId)!) !== undefined;
  }

  /** Whether a send there waits for the machine's unseen-send token and a reading asked after it. */
  confirms(endpointId: string): boolean {
    return this.#states.get(endpointId)?.endpoint.load === 'server';
  }

  get intervalMs(): number {
    return this.#deps.intervalMs;
  }

  /** The server's view beyond this machine's count, or undefined: count locally. */
  remote(endpointId: string): RemoteLoad | undefined {
    const state = this.#states.get(endpointId);
    const reading = state?.reading;
    if (!state || !reading) return undefined;
    // `auto` counts locally when its reading is old; `server` reads again before every send (`readSince`)
    // and falls back only when the metrics fail.
    const stale = this.#deps.clock.now() - reading.at > 3 * this.#deps.intervalMs;
    if (stale && state.endpoint.load !== 'server') return undefined;
    return {
      extra: Math.max(0, reading.running - reading.localAtReading),
      full: reading.waiting > 0,
      sentAt: reading.sentAt,
    };
  }

  /** The last failure of an endpoint's metrics, for status and tests. */
  lastError(endpointId: string): string | undefined {
    return this.#states.get(endpointId)?.lastError;
  }

  /**
   * Resolves once every endpoint among these that may report has been looked at once (read, or failed):
   * nothing is sent to such a server blind. The look is bounded by `timeoutMs`; never throws. Undefined
   * when there is nothing to wait for (every such endpoint looked at already: nearly every call).
   */
  firstLook(endpointIds: Iterable<string>): Promise<void> | undefined {
    let waits: Promise<void>[] | undefined;
    for (const id of endpointIds) {
      const state = this.#states.get(id);
      if (!state || state.reading || state.lastError !== undefined || this.#source(state) === undefined)
        continue;
      if (!state.looking) this.#look(state);
      if (state.current) (waits ??= []).push(state.current);
    }
    return waits && Promise.all(waits).then(() => undefined);
  }

  /**
   * Resolves once a reading of the endpoint asked for at `at` or later has come back (or the metrics
   * failed: then it counts locally); at once for endpoints that report nothing. Never throws.
   */
  async readSince(endpointId: string, at: number): Promise<void> {
    const state = this.#states.get(endpointId);
    if (!state || this.#source(state) === undefined) return;
    // A look in flight may have been asked before `at`: then one more after it (`again`). Bounded: each
    // look ends within `timeoutMs`, and a failed one ends the wait.
    for (let turn = 0; turn < 3 && !this.#stop.signal.aborted; turn++) {
      if (state.reading && state.reading.sentAt >= at) return;
      if (turn > 0 && !state.reading) return;
      if (state.looking) state.again = true;
      else this.#look(state);
      await state.current;
      if (state.looking) await state.current; // the `again` look, started as the previous one ended
    }
  }

  /**
   * `load: server`, after a send: resolves once a reading asked `CONFIRM_AFTER_MS` or more after `sentAt`
   * (so it includes the request) has come back, or the metrics failed, or the router closed.
   */
  async confirmSend(endpointId: string, sentAt: number): Promise<void> {
    const wait = sentAt + CONFIRM_AFTER_MS - this.#deps.clock.now();
    if (wait > 0) {
      try {
        await this.#deps.clock.sleep(wait, this.#stop.signal);
      } catch {
        return; // closed
      }
    }
    await this.readSince(endpointId, sentAt + CONFIRM_AFTER_MS);
  }

  /** Looks at the servers of these endpoints that are due; never waits, never throws. */
  poll(endpointIds: Iterable<string>): void {
    const now = this.#deps.clock.now();
    for (const id of endpointIds) {
      const state = this.#states.get(id);
      if (state && !state.looking && state.dueAt <= now) this.#look(state);
    }
  }

  /**
   * A request at this endpoint ended, or one was sent that the last reading cannot include: look again now
   * (after the look in flight, if any).
   */
  released(endpointId: string): void {
    const state = this.#states.get(endpointId);
    if (!state) return;
    // `auto`: at most one look per RELEASE_LOOK_MS. A look per release polls the server back to back when
    // requests are short, and that costs every request (the router benchmark's overhead went from 2.1 to
    // 3.4 ms). `server` reads before every send anyway, and a release is what it waits for.
    const since = this.#deps.clock.now() - (state.askedAt ?? -Infinity);
    if (state.endpoint.load !== 'server' && since < RELEASE_LOOK_MS) return;
    if (state.looking) state.again = true;
    else this.#look(state);
  }

  close(): void {
    this.#stop.abort();
  }

  #source(state: EndpointState): Source | undefined {
    const { endpoint } = state;
    const flavor = endpoint.flavor === 'auto' ? this.#deps.scannedFlavor(endpoint.id) : endpoint.flavor;
    if (flavor === 'vllm' || flavor === 'llamacpp') return flavor;
    // `server` on another flavour: the Prometheus names tell which, if the server has any.
    return endpoint.load === 'server' ? 'vllm' : undefined;
  }

  #look(state: EndpointState): void {
    const source = this.#source(state);
    if (source === undefined || this.#stop.signal.aborted) return;
    state.looking = true;
    state.again = false;
    const localBefore = this.#deps.localInflight(state.endpoint.id);
    const sentAt = this.#deps.clock.now();
    state.askedAt = sentAt;
    state.current = this.#read(state.endpoint, source)
      .then(
        (found) => {
          const previous = state.reading;
          const localAtReading = Math.min(localBefore, this.#deps.localInflight(state.endpoint.id));
          state.reading = { ...found, localAtReading, sentAt, at: this.#deps.clock.now() };
          delete state.lastError;
          // A new count, or (load: server) a reading newer than a request waiting for one.
          const changed = previous?.running !== found.running || previous.waiting !== found.waiting;
          if (changed || state.endpoint.load === 'server') this.#deps.onChange();
        },
        (error: unknown) => {
          // Not answering: count locally until it does again.
          const had = state.reading !== undefined;
          delete state.reading;
          state.lastError = error instanceof Error ? error.message : String(error);
          if (had) this.#deps.onChange();
        },
      )
      .finally(() => {
        state.looking = false;
        state.dueAt = this.#deps.clock.now() + this.#deps.intervalMs;
        if (state.again) this.#look(state);
      });
  }

  async #read(endpoint: EndpointConfig, source: Source): Promise<{ running: number; waiting: number }> {
    const root = serverRoot(endpoint.url);
    const metrics = await this.#get(endpoint, `${root}/metrics`);
    if (metrics.ok) {
      const samples = parsePrometheusText(metrics.text);
      const names =
        source === 'llamacpp' || sumOf(samples, 'llamacpp:requests_processing') !== undefined
          ? { running: 'llamacpp:requests_processing', waiting: 'llamacpp:requests_deferred' }
          : { running: 'vllm:num_requests_running', waiting: 'vllm:num_requests_waiting' };
      const running = sumOf(samples, names.running);
      if (running !== undefined) return { running, waiting: sumOf(samples, names.waiting) ?? 0 };
      if (source !== 'llamacpp') throw new Error(`${root}/metrics has no ${names.running}`);
    }
    if (source === 'llamacpp') {
      // `/metrics` needs --metrics; `/slots` is on by default (--no-slots turns it off).
      const slots = await this.#get(endpoint, `${root}/slots`);
      if (slots.ok) {
        const parsed = JSON.parse(slots.text) as unknown;
        if (Array.isArray(parsed)) {
          const running = parsed.filter(
            (slot) => (slot as { is_processing?: unknown })?.is_processing === true,
          ).length;
          return { running, waiting: 0 };
        }
      }
    }
    throw new Error(`${root}: no load reported (${metrics.ok ? 'no known series' : metrics.error})`);
  }

  async #get(
    endpoint: EndpointConfig,
    url: string,
  ): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
    const apiKey = endpoint.apiKeyEnv !== undefined ? this.#deps.env[endpoint.apiKeyEnv] : undefined;
    const signal = AbortSignal.any([this.#stop.signal, AbortSignal.timeout(this.#deps.timeoutMs)]);
    try {
      const response = await this.#deps.fetch(url, {
        headers: { accept: 'text/plain', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        signal,
      });
      const text = await response.text();
      if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
      if (text.length > MAX_METRICS_BYTES) return { ok: false, error: 'answer too large' };
      return { ok: true, text };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: apiKey ? redact(message, [apiKey]) : message };
    }
  }
}
