/**
 * The guard's probe effects, the same locally and in Actions: `probeHealth` and `scanCapabilities` on one
 * endpoint, except where `shouldSkipEndpoint` says the endpoint cannot be reached from here (a LAN address
 * seen from a GitHub-hosted runner) — then no connection is attempted and the guard leaves the endpoint
 * out of the health floor (`guard-decide.ts`).
 */
import type { Clock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import { probeHealth, scanCapabilities, shouldSkipEndpoint, type FetchLike } from '../fleet/probe.ts';
import type { GuardEffects } from './guard-types.ts';

export interface GuardProbeOptions {
  config: KeelConfig;
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
  fetch?: FetchLike;
  clock?: Clock;
}

export function guardProbes(options: GuardProbeOptions): Pick<GuardEffects, 'probe' | 'scan'> {
  const deps = {
    timeoutMs: options.config.policy.probe.timeoutMs,
    env: options.env,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const runner = options.env.RUNNER_ENVIRONMENT;
  return {
    probe: async (endpoint) =>
      shouldSkipEndpoint(endpoint, runner) ? undefined : probeHealth(endpoint, deps),
    scan: async (endpoint) =>
      shouldSkipEndpoint(endpoint, runner) ? undefined : scanCapabilities(endpoint, deps),
  };
}
