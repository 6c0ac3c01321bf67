/**
 * `maxParallel` across machines: the shared slots (`SharedSlots`, as `shared-slots.ts` keeps them in files
 * for one machine) kept in a Redis server that every keel process of the fleet reaches
 * (`coordination: { redis: "redis://host:6379" }`). Leases carry a TTL, renewed while their request runs, so
 * the slots of a machine that died free themselves (`redis-lease-client.ts`).
 *
 * - The client is loaded (dynamic import) and connected on the first lease asked for, once per process and
 *   server: every run's router in a lane process shares the connection.
 * - Unreachable: the first lease waits for the connection up to `connectTimeoutMs`; after that, while it is
 *   not back, `tryAcquire` throws `CoordinationUnavailable` at once and the caller falls back
 *   (`slot-leases.ts`: this machine's file leases). The client reconnects in the background.
 * - Counting: each lease taken or released returns the endpoint's held count, and releases are published, so
 *   `othersInflight` (synchronous: the router reads it while choosing) is the latest count seen, and waiting
 *   requests wake when another process releases.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { EndpointConfig } from '../config/schema.ts';
import type { RedisLeaseClient } from './redis-lease-client.ts';
import type { Lease, SharedSlots } from './shared-slots.ts';

export interface RedisSlotsSettings {
  url: string;
  password?: string;
  ttlMs: number;
  connectTimeoutMs: number;
}

/** The coordination server cannot be asked now: the caller uses its fallback. */
export class CoordinationUnavailable extends Error {
  override name = 'CoordinationUnavailable';
}

/** One connection per server and process, shared by the routers of the process (reference-counted). */
interface Connection {
  refs: number;
  client: Promise<RedisLeaseClient>;
  instance?: RedisLeaseClient;
  /**
   * The first wait for the connection, bounded by `connectTimeoutMs` and shared by every caller meanwhile;
   * once it has settled, callers do not wait while the server is down.
   */
  firstWait?: Promise<RedisLeaseClient>;
  /** Channel → the endpoint's held count, as last seen. */
  held: Map<string, number>;
  onChange: Set<() => void>;
  tokenBase: string;
  nextToken: number;
  /** Every router let go of it: a client still being loaded is closed as soon as it exists. */
  closed: boolean;
}

const connections = new Map<string, Connection>();

export interface RedisSlots extends SharedSlots {
  /** The server answered the last time it was asked (a lease count comes from it). */
  readonly available: boolean;
}

export function createRedisSlots(
  endpoints: readonly EndpointConfig[],
  settings: RedisSlotsSettings,
  onChange: () => void,
): RedisSlots {
  const connection = connect(settings);
  connection.onChange.add(onChange);
  const names = new Map(endpoints.map((endpoint) => [endpoint.id, namesFor(endpoint.url)]));
  /** Leases this router holds, per endpoint (the others are other processes' or other routers'). */
  const mine = new Map<string, number>();
  let closed = false;

  // Within the first wait, every caller waits with the others; after it, a server that is down answers at
  // once (the wait has rejected, or the client's commands fail while it reconnects).
  const ready = (): Promise<RedisLeaseClient> => {
    if (connection.instance?.ready) return Promise.resolve(connection.instance);
    if (connection.firstWait === undefined) {
      connection.firstWait = firstWait(connection.client, settings);
      connection.firstWait.catch(() => undefined);
    }
    return connection.firstWait;
  };

  return {
    get available() {
      return connection.instance?.ready === true;
    },
    othersInflight: (endpointId) => {
      const name = names.get(endpointId);
      if (!name || !connection.instance?.ready) return 0;
      return Math.max(0, (connection.held.get(name.channel) ?? 0) - (mine.get(endpointId) ?? 0));
    },
    tryAcquire: async (endpointId, cap) => {
      const name = names.get(endpointId);
      if (!name || closed) return undefined;
      const client = await ready();
      await client.listen(name.channel);
      const keys = Array.from({ length: cap }, (_, k) => `${name.prefix}${k}`);
      const token = `${connection.tokenBase}:${connection.nextToken++}`;
      const taken = await client.acquire(keys, token, name.channel).catch((error: unknown) => {
        throw new CoordinationUnavailable(error instanceof Error ? error.message : String(error));
      });
      connection.held.set(name.channel, taken.held);
      const lease = taken.lease;
      if (!lease) return undefined;
      mine.set(endpointId, (mine.get(endpointId) ?? 0) + 1);
      let released = false;
      const held: Lease = {
        release: async () => {
          if (released) return;
          released = true;
          mine.set(endpointId, (mine.get(endpointId) ?? 1) - 1);
          // Unreachable now: the key's TTL frees the slot.
          const count = await client.release(lease).catch(() => undefined);
          if (count !== undefined) connection.held.set(name.channel, count);
        },
      };
      return held;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      connection.onChange.delete(onChange);
      await disconnect(settings, connection);
    },
  };
}

function connect(settings: RedisSlotsSettings): Connection {
  const key = connectionKey(settings);
  const existing = connections.get(key);
  if (existing) {
    existing.refs++;
    return existing;
  }
  const connection: Connection = {
    refs: 1,
    held: new Map(),
    onChange: new Set(),
    tokenBase: `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`,
    nextToken: 0,
    closed: false,
    client: Promise.resolve(undefined as never),
  };
  connection.client = load(connection, settings);
  // Nobody may be waiting for it (a timeout won the race): it must not become an unhandled rejection.
  connection.client.catch(() => undefined);
  connections.set(key, connection);
  return connection;
}

/** Loads the client (a run without `coordination.redis` never does) and connects, in the background. */
async function load(connection: Connection, settings: RedisSlotsSettings): Promise<RedisLeaseClient> {
  const { RedisLeaseClient } = await import('./redis-lease-client.ts');
  const instance = new RedisLeaseClient({
    url: settings.url,
    ...(settings.password !== undefined ? { password: settings.password } : {}),
    ttlMs: settings.ttlMs,
    connectTimeoutMs: settings.connectTimeoutMs,
    onPublished: (channel, held) => {
      connection.held.set(channel, held);
      for (const wake of connection.onChange) wake();
    },
  });
  connection.instance = instance;
  if (connection.closed) {
    await instance.close();
    throw new CoordinationUnavailable('closed');
  }
  await instance.connect();
  return instance;
}

/** The connection, or `CoordinationUnavailable` after `connectTimeoutMs`. */
async function firstWait(
  client: Promise<RedisLeaseClient>,
  settings: RedisSlotsSettings,
): Promise<RedisLeaseClient> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CoordinationUnavailable(
            `${settings.url}: no connection within ${settings.connectTimeoutMs} ms`,
          ),
        ),
      settings.connectTimeoutMs,
    );
  });
  try {
    return await Promise.race([client, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function disconnect(settings: RedisSlotsSettings, connection: Connection): Promise<void> {
  connection.refs--;
  if (connection.refs > 0) return;
  connections.delete(connectionKey(settings));
  connection.closed = true;
  await connection.instance?.close();
}

function connectionKey(settings: RedisSlotsSettings): string {
  return `${settings.url}\n${settings.password ?? ''}\n${settings.ttlMs}`;
}

/** The keys of an endpoint's slots and its release channel: by URL, as the file leases' directories are. */
function namesFor(url: string): { prefix: string; channel: string } {
  const id = createHash('sha256').update(url).digest('hex').slice(0, 24);
  return { prefix: `keel:slot:${id}:`, channel: `keel:slots:${id}` };
}
