/**
 * One daemon per state directory: `<stateDir>/daemon/daemon.pid` names the daemon that owns it
 * (`{ pid, host, at, token, identity }`) for as long as it runs. Two daemons on one state dir would start
 * every lane twice.
 *
 * Unlike `base/file-lock.ts` (short critical sections, taken over after 30 s), this lock is held for days,
 * so age means nothing: the holder is judged only by whether it is still alive. A lock whose pid is dead on
 * this host is taken over at once (the daemon was SIGKILLed, OOM-killed, the box lost power). Pids are
 * reused, after a reboot almost certainly, so on Linux the holder also records its boot id and its start
 * time (`/proc/self/stat`): a live pid with another identity is a stranger and the lock is stale. A lock
 * written on another host (a shared file system) cannot be judged and is respected.
 *
 * Checking and writing happen under a short `FileLock` (`daemon.pid.guard`), so two daemons starting at
 * the same moment — or both seeing the same dead holder — cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { systemClock, type Clock } from '../base/clock.ts';
import { errorCode } from '../base/errors.ts';
import { writeFileAtomic } from '../base/atomic-file.ts';
import { FileLock, isProcessAlive, parseHolder, type LockHolder } from '../base/file-lock.ts';

export interface DaemonLockHolder extends LockHolder {
  /** `<boot id>:<start time>` of the holder on Linux; absent where /proc is not available. */
  identity?: string;
}

export interface DaemonLock {
  readonly path: string;
  readonly holder: DaemonLockHolder;
  /** Removes the lock if it is still ours. Never throws. */
  release(): Promise<void>;
}

export type DaemonLockResult =
  | { ok: true; lock: DaemonLock; tookOver?: { holder?: DaemonLockHolder; reason: 'dead' | 'unreadable' } }
  | { ok: false; reason: 'held'; holder: DaemonLockHolder }
  | { ok: false; reason: 'busy' };

/** Tokens of the daemon locks held by this process (a second in-process daemon must be refused too). */
const heldTokens = new Set<string>();

export async function acquireDaemonLock(path: string, clock: Clock = systemClock): Promise<DaemonLockResult> {
  const guard = new FileLock({ path: `${path}.guard`, clock });
  const result = await guard.withLock(async (): Promise<DaemonLockResult> => {
    const current = await readHolder(path);
    let tookOver: { holder?: DaemonLockHolder; reason: 'dead' | 'unreadable' } | undefined;
    if (current.kind === 'holder') {
      if (holderAlive(current.holder)) return { ok: false, reason: 'held', holder: current.holder };
      tookOver = { holder: current.holder, reason: 'dead' };
    } else if (current.kind === 'unreadable') {
      // Written atomically under the guard, so this is damage, not a write in progress.
      tookOver = { reason: 'unreadable' };
    }
    const identity = processIdentity(process.pid);
    const holder: DaemonLockHolder = {
      pid: process.pid,
      host: hostname(),
      at: clock.now(),
      token: randomBytes(8).toString('hex'),
      ...(identity !== undefined ? { identity } : {}),
    };
    await writeFileAtomic(path, `${JSON.stringify(holder)}\n`);
    heldTokens.add(holder.token);
    return { ok: true, lock: ownLock(path, holder), ...(tookOver ? { tookOver } : {}) };
  });
  return result.ok ? result.value : { ok: false, reason: 'busy' };
}

function ownLock(path: string, holder: DaemonLockHolder): DaemonLock {
  return {
    path,
    holder,
    release: async () => {
      if (!heldTokens.delete(holder.token)) return;
      try {
        const current = await readHolder(path);
        // Nobody takes over a live daemon's lock, but a human may have removed it and another daemon
        // started since: that one is not ours to remove.
        if (current.kind === 'holder' && current.holder.token === holder.token) await unlink(path);
      } catch {
        // A lock left behind names a dead pid: the next daemon takes it over.
      }
    },
  };
}

type ReadHolder = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'holder'; holder: DaemonLockHolder };

async function readHolder(path: string): Promise<ReadHolder> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  // The file lock's holder fields, plus the daemon's own `identity` (optional, a string when there).
  const holder: (LockHolder & { identity?: unknown }) | undefined = parseHolder(text);
  if (holder && (holder.identity === undefined || typeof holder.identity === 'string')) {
    return { kind: 'holder', holder: holder as DaemonLockHolder };
  }
  return { kind: 'unreadable' };
}

function holderAlive(holder: DaemonLockHolder): boolean {
  if (holder.host !== hostname()) return true;
  // Our own pid: alive only if this very process holds that token (else an earlier process had our pid —
  // routine in containers, where the daemon is often pid 1 every time).
  if (holder.pid === process.pid) return heldTokens.has(holder.token);
  if (!isProcessAlive(holder.pid)) return false;
  if (holder.identity === undefined) return true;
  const now = processIdentity(holder.pid);
  return now === undefined || now === holder.identity;
}

/**
 * `<boot id>:<start time in clock ticks>` of a process on Linux: stable for the life of the process and
 * different for any later process with the same pid. Undefined where /proc does not tell.
 */
export function processIdentity(pid: number): string | undefined {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTime = fields[19]; // field 22 of proc(5)
    return bootId && startTime ? `${bootId}:${startTime}` : undefined;
  } catch {
    return undefined;
  }
}
