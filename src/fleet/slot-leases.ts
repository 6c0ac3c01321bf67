/**
 * Which shared slots a router holds its leases in (`SharedSlots`): a Redis server when the configuration
 * names one (`coordination.redis`: every machine of the fleet), else this machine's lease files
 * (`shared-slots.ts`, when a slots directory is given), else none (the cap holds for the router alone).
 *
 * While the Redis server cannot be reached, leases are taken in the files instead: the cap still holds on
 * this machine, and a request never waits for a coordination store to come back.
 */
import type { Clock } from '../base/clock.ts';
import type { KeelConfig } from '../config/schema.ts';
import { CoordinationUnavailable, createRedisSlots, type RedisSlots } from './redis-slots.ts';
import { createSharedSlots, NO_LEASE, type SharedSlots } from './shared-slots.ts';

export interface SlotLeaseOptions {
  clock: Clock;
  /** Another process may have released a lease: waiting requests look again. */
  onChange: () => void;
  env: Record<string, string | undefined>;
  /** How long the first lease waits for the Redis connection. */
  connectTimeoutMs: number;
}

export function openSharedSlots(
  config: KeelConfig,
  slotsDir: string | undefined,
  options: SlotLeaseOptions,
): SharedSlots | undefined {
  const files =
    slotsDir !== undefined
      ? createSharedSlots(slotsDir, config.endpoints, { clock: options.clock, onChange: options.onChange })
      : undefined;
  const coordination = config.coordination;
  if (coordination === undefined) return files;
  const password = coordination.passwordEnv !== undefined ? options.env[coordination.passwordEnv] : undefined;
  const redis = createRedisSlots(
    config.endpoints,
    {
      url: coordination.redis,
      ...(password ? { password } : {}),
      ttlMs: coordination.leaseTtlMs,
      connectTimeoutMs: options.connectTimeoutMs,
    },
    options.onChange,
  );
  return withFallback(redis, files);
}

function withFallback(redis: RedisSlots, files: SharedSlots | undefined): SharedSlots {
  return {
    othersInflight: (endpointId) =>
      redis.available ? redis.othersInflight(endpointId) : (files?.othersInflight(endpointId) ?? 0),
    // This machine's unseen send is this machine's business: its files (or, without, each router's own).
    ...(files?.tryHoldUnseen
      ? { tryHoldUnseen: (endpointId: string) => files.tryHoldUnseen!(endpointId) }
      : {}),
    tryAcquire: async (endpointId, cap) => {
      try {
        return await redis.tryAcquire(endpointId, cap);
      } catch (error) {
        if (!(error instanceof CoordinationUnavailable)) throw error;
        return files ? files.tryAcquire(endpointId, cap) : NO_LEASE;
      }
    },
    close: async () => {
      await files?.close();
      await redis.close();
    },
  };
}
