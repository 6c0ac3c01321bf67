/**
 * The probe loop: health probes on a short interval and capability scans on a long one, each an awaited
 * loop (never `setInterval` fire-and-forget, whose overlapping rounds and lost rejections nobody sees).
 * The two loops run side by side so that a slow scan (Ollama needs one request per model) never delays
 * the health probes the router depends on.
 */
import type { Clock } from '../base/clock.ts';
import type { EndpointConfig } from '../config/schema.ts';
import { describeError } from './probe-http.ts';
import type { FleetHealthBook } from './health-book.ts';
import {
  probeHealth,
  scanCapabilities,
  type CapabilityScan,
  type FetchLike,
  type HealthProbe,
} from './probe.ts';

export interface ProbeLoopIntervals {
  healthIntervalMs: number;
  capabilityIntervalMs: number;
  timeoutMs: number;
}

export interface ProbeLoopDeps {
  clock: Clock;
  fetch?: FetchLike;
  env?: Record<string, string | undefined>;
  /** `policy.probe` fits here as it is. */
  intervals: ProbeLoopIntervals;
  /** Stops the loop; probes in flight are cancelled. */
  signal: AbortSignal;
  maxResponseBytes?: number;
}

/**
 * Probes `endpoints` (already filtered with `shouldSkipEndpoint`) into `book` until `signal` aborts, then
 * resolves. The first round of each kind starts at once. Rounds are spaced from their start, so the
 * interval is the period; a round that overruns its interval is followed by the next one straight away.
 */
export async function runProbeLoop(
  endpoints: readonly EndpointConfig[],
  book: FleetHealthBook,
  deps: ProbeLoopDeps,
): Promise<void> {
  const { clock, intervals, signal } = deps;
  const probeDeps = {
    clock,
    timeoutMs: intervals.timeoutMs,
    signal,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.maxResponseBytes !== undefined ? { maxResponseBytes: deps.maxResponseBytes } : {}),
  };
  const scan = async (endpoint: EndpointConfig): Promise<void> => {
    book.recordScan(
      await guarded(
        () => scanCapabilities(endpoint, probeDeps),
        (error) => failedScan(endpoint, error),
      ),
    );
  };
  const healthRound = (): Promise<void> =>
    eachEndpoint(endpoints, async (endpoint) => {
      const before = book.latestProbe(endpoint.id)?.healthy;
      const probe = await guarded(
        () => probeHealth(endpoint, probeDeps),
        (error) => failedProbe(endpoint, error),
      );
      book.record(probe);
      // Back from the dead (or from loading its model, llama.cpp's 503): what it serves, and with which
      // window, may have changed, and the next scan may be minutes away.
      if (before === false && probe.healthy && !signal.aborted) await scan(endpoint);
    });
  const scanRound = (): Promise<void> => eachEndpoint(endpoints, scan);
  await Promise.all([
    repeat(healthRound, intervals.healthIntervalMs, clock, signal),
    repeat(scanRound, Math.max(intervals.capabilityIntervalMs, intervals.healthIntervalMs), clock, signal),
  ]);

  function failedProbe(endpoint: EndpointConfig, error: string): HealthProbe {
    return {
      endpointId: endpoint.id,
      healthy: false,
      latencyMs: 0,
      models: [],
      checkedAt: clock.now(),
      error,
    };
  }
  function failedScan(endpoint: EndpointConfig, error: string): CapabilityScan {
    return {
      endpointId: endpoint.id,
      flavor: 'openai',
      models: [],
      contextWindows: {},
      checkedAt: clock.now(),
      error,
    };
  }
}

async function repeat(
  round: () => Promise<void>,
  periodMs: number,
  clock: Clock,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    const startedAt = clock.now();
    await round();
    if (signal.aborted) return;
    const waitMs = Math.max(0, startedAt + periodMs - clock.now());
    try {
      await clock.sleep(waitMs, signal);
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
  }
}

/** Probes every endpoint in parallel; one endpoint's trouble never holds up or breaks another's. */
async function eachEndpoint(
  endpoints: readonly EndpointConfig[],
  probe: (endpoint: EndpointConfig) => Promise<void>,
): Promise<void> {
  await Promise.allSettled(endpoints.map((endpoint) => probe(endpoint)));
}

/**
 * The probes are written not to throw; this catches what they did not foresee (a bug, a fake that throws
 * synchronously) and turns it into a failed result, so one bad endpoint cannot end the loop.
 */
async function guarded<T>(work: () => Promise<T>, onError: (error: string) => T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return onError(`probe failed: ${describeError(error)}`);
  }
}
