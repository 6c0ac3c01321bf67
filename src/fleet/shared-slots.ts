/**
 * `maxParallel` across keel processes on one machine. Lanes — and runs started by hand or by the guard —
 * that send to the same endpoint share its cap: a local model server does not serve more at once because
 * its callers are four processes instead of one.
 *
 * - A request in flight holds a lease: the file `slot-<k>` (k < maxParallel) in a directory per endpoint URL
 *   under the slots directory — `<stateDir>/slots/` for runs (so the lanes of one lanes file, and runs
 *   started by hand in the same repository, share it; `KEEL_SLOTS_DIR` names one for the whole machine,
 *   `KEEL_SHARED_SLOTS=0` turns this off). Leases are `FileLock`s: created whole and exclusively, naming
 *   their holder, released only by it.
 * - A lease of a process that died (SIGKILL, OOM) is free at once (its pid is dead), one older than the
 *   endpoint's whole-request deadline plus a minute is free too (a hung holder, or a pid reused).
 * - Choosing: the router counts other processes' live leases as in flight, so a loaded endpoint looks
 *   loaded. Waiting: a release by another process changes the directory, and a watch on it wakes the
 *   router's waiting requests (the router's own bounded wait is the fallback where watches do not work).
 * - Caps are per lease index: processes whose configs give one URL different `maxParallel` values hold
 *   at most the largest of them together.
 * - `load: server` (server-load.ts): the lock `unseen` in the same directory is held by the one request of
 *   the machine that the server's count may not show yet, so the machine's processes send such requests
 *   one at a time.
 * - The directory must be ours (owner, no group or other access, not a symlink): otherwise another user
 *   could hold our slots, and shared slots are off for this process (the per-process cap still holds).
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../base/clock.ts';
import type { EndpointConfig } from '../config/schema.ts';
import { FileLock, isProcessAlive, parseHolder } from '../base/file-lock.ts';
import { stateLayout } from '../base/state-layout.ts';

export interface Lease {
  release(): Promise<void>;
}

export interface SharedSlots {
  /** Leases other processes hold at this endpoint now (dead or expired holders not counted). */
  othersInflight(endpointId: string): number;
  /** A free lease below `cap`, taken; undefined when every one is held. */
  tryAcquire(endpointId: string, cap: number): Promise<Lease | undefined>;
  /**
   * `load: server`: the machine's one request at this endpoint that the server's count may not show yet
   * (server-load.ts), taken, or undefined while another holds it.
   */
  tryHoldUnseen?(endpointId: string): Promise<Lease | undefined>;
  close(): void | Promise<void>;
}

/** The file leases: closing them is synchronous (it only stops the watches). */
export interface FileSlots extends Omit<SharedSlots, 'close'> {
  close(): void;
}

/**
 * Where a run's leases live: `KEEL_SLOTS_DIR`, else `<stateDir>/slots`; undefined with `KEEL_SHARED_SLOTS=0`.
 */
export function slotsDirFor(stateDir: string, env: Record<string, string | undefined>): string | undefined {
  if (env.KEEL_SHARED_SLOTS === '0') return undefined;
  const machineWide = env.KEEL_SLOTS_DIR?.trim();
  return machineWide ? machineWide : stateLayout(stateDir).slots;
}

/** Grace beyond the endpoint's whole-request deadline before a live holder's lease counts as abandoned. */
const EXPIRY_GRACE_MS = 60_000;
const LEASE = /^slot-(\d+)$/;
/** The lock of the machine's request the server's count may not show yet (`load: server`). */
const UNSEEN = 'unseen';
/** Held for a look at the server's metrics after a send (`probe.timeoutMs` at most): older is abandoned. */
const UNSEEN_STALE_MS = 30_000;

/**
 * The machine's shared slots for these endpoints, or undefined when they are off or their directory is not
 * safely ours. `onChange` is called when another process may have released a lease.
 */
export function createSharedSlots(
  root: string,
  endpoints: readonly EndpointConfig[],
  options: { clock: Clock; onChange: () => void },
): FileSlots | undefined {
  const dirs = new Map<string, EndpointDir>();
  try {
    ensurePrivateDir(root);
    for (const endpoint of endpoints) {
      const dir = join(root, createHash('sha256').update(endpoint.url).digest('hex').slice(0, 24));
      ensurePrivateDir(dir);
      dirs.set(endpoint.id, new EndpointDir(dir, endpoint.timeouts.totalMs + EXPIRY_GRACE_MS, options.clock));
    }
  } catch {
    return undefined;
  }
  const watchers: FSWatcher[] = [];
  for (const dir of new Set([...dirs.values()].map((d) => d.path))) {
    try {
      // Only a lease or the unseen send appearing or going matters (not the temp and takeover files).
      const watcher = watch(dir, { persistent: false }, (_, name) => {
        if (name === null || name === UNSEEN || LEASE.test(name)) options.onChange();
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // No watch here: waiting requests wake at their bounded wait instead.
    }
  }
  return {
    othersInflight: (endpointId) => dirs.get(endpointId)?.othersInflight() ?? 0,
    tryHoldUnseen: async (endpointId) => {
      const dir = dirs.get(endpointId);
      return dir ? dir.tryHoldUnseen() : NO_LEASE;
    },
    tryAcquire: async (endpointId, cap) => {
      const dir = dirs.get(endpointId);
      return dir ? dir.tryAcquire(cap) : NO_LEASE;
    },
    close: () => {
      for (const watcher of watchers.splice(0)) watcher.close();
    },
  };
}

/** The lease of a request that needs none (no shared slots, or an endpoint without a directory). */
export const NO_LEASE: Lease = { release: () => Promise.resolve() };

class EndpointDir {
  readonly path: string;
  readonly #expiryMs: number;
  readonly #clock: Clock;
  /** Lease indexes this process holds here. */
  readonly #mine = new Set<number>();

  constructor(path: string, expiryMs: number, clock: Clock) {
    this.path = path;
    this.#expiryMs = expiryMs;
    this.#clock = clock;
  }

  othersInflight(): number {
    let names: string[];
    try {
      names = readdirSync(this.path);
    } catch {
      return 0;
    }
    let held = 0;
    const now = this.#clock.now();
    for (const name of names) {
      const index = LEASE.exec(name)?.[1];
      if (index === undefined || this.#mine.has(Number(index))) continue;
      if (this.#live(join(this.path, name), now)) held++;
    }
    return held;
  }

  async tryHoldUnseen(): Promise<Lease | undefined> {
    const lock = new FileLock({
      path: join(this.path, UNSEEN),
      clock: this.#clock,
      staleMs: UNSEEN_STALE_MS,
    });
    return lock.tryHold();
  }

  async tryAcquire(cap: number): Promise<Lease | undefined> {
    for (let index = 0; index < cap; index++) {
      if (this.#mine.has(index)) continue;
      const lock = new FileLock({
        path: join(this.path, `slot-${index}`),
        clock: this.#clock,
        staleMs: this.#expiryMs,
      });
      const held = await lock.tryHold();
      if (held === undefined) continue;
      this.#mine.add(index);
      return {
        release: async () => {
          this.#mine.delete(index);
          await held.release();
        },
      };
    }
    return undefined;
  }

  /** A lease file of a holder that is alive (on another host: assumed) and within its expiry. */
  #live(path: string, now: number): boolean {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return false; // released meanwhile
    }
    const holder = parseHolder(text);
    // Unreadable: being written this instant (the link makes that rare), so held.
    if (holder === undefined) return true;
    if (now - holder.at > this.#expiryMs) return false;
    return holder.host !== hostname() || isProcessAlive(holder.pid);
  }
}

/** Directories found private in this process: a lane makes a router per run, and asks once. */
const privateDirs = new Set<string>();

/** Creates the directory private to this user, or checks that an existing one is; throws otherwise. */
function ensurePrivateDir(path: string): void {
  if (privateDirs.has(path)) return;
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const stat = lstatSync(path);
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o077) !== 0) {
    throw new Error(`${path} is not a private directory of this user`);
  }
  privateDirs.add(path);
}
