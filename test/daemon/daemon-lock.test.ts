/** The daemon's pid lock: one daemon per state dir; a dead daemon's lock is taken over, a live one's never. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDaemonLock, processIdentity, type DaemonLockHolder } from '../../src/daemon/daemon-lock.ts';
import { killAll } from './watchdog-fixtures.ts';

let dir: string;
let lockPath: string;
const releases: (() => Promise<void>)[] = [];
const spawned: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-daemon-lock-'));
  lockPath = join(dir, 'daemon', 'daemon.pid');
});

afterEach(async () => {
  for (const release of releases.splice(0)) await release();
  await killAll(spawned.splice(0).flatMap((child) => (child.pid !== undefined ? [child.pid] : [])));
  await rm(dir, { recursive: true, force: true });
});

async function acquire() {
  const result = await acquireDaemonLock(lockPath);
  if (result.ok) releases.push(() => result.lock.release());
  return result;
}

async function plant(holder: Partial<DaemonLockHolder> | string): Promise<void> {
  await acquire().then(async (r) => (r.ok ? r.lock.release() : undefined)); // creates the directory
  const text =
    typeof holder === 'string' ? holder : JSON.stringify({ host: hostname(), at: 1, token: 't', ...holder });
  await writeFile(lockPath, text);
}

/** A live process that is not us: a sleeping node, in its own group so the cleanup can end it. */
function sleeper(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    detached: true,
    stdio: 'ignore',
  });
  spawned.push(child);
  return child.pid!;
}

describe('daemon lock', () => {
  it('is held by the first daemon, refused to a second, and free again after release', async () => {
    const first = await acquire();
    expect(first).toMatchObject({ ok: true });
    expect(first.ok && first.tookOver).toBeUndefined();
    const onDisk = JSON.parse(await readFile(lockPath, 'utf8')) as DaemonLockHolder;
    expect(onDisk).toMatchObject({ pid: process.pid, host: hostname() });

    const second = await acquire();
    expect(second).toMatchObject({
      ok: false,
      reason: 'held',
      holder: { pid: process.pid, token: onDisk.token },
    });

    if (first.ok) await first.lock.release();
    expect(existsSync(lockPath)).toBe(false);
    expect(await acquire()).toMatchObject({ ok: true });
  });

  it('lets exactly one of two simultaneous daemons win', async () => {
    const results = await Promise.all([acquire(), acquire(), acquire()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('takes over the lock of a dead pid', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await plant({ pid: dead });
    const result = await acquire();
    expect(result).toMatchObject({ ok: true, tookOver: { reason: 'dead', holder: { pid: dead } } });
  });

  it('takes over a lock naming our own pid with a token we do not hold (a restarted container)', async () => {
    await plant({ pid: process.pid, token: 'from-an-earlier-life' });
    expect(await acquire()).toMatchObject({ ok: true, tookOver: { reason: 'dead' } });
  });

  it('respects a live holder, unless its pid now belongs to another process', async () => {
    const pid = sleeper();
    const identity = processIdentity(pid);
    await plant({ pid, ...(identity !== undefined ? { identity } : {}) });
    expect(await acquire()).toMatchObject({ ok: false, reason: 'held', holder: { pid } });
    if (identity === undefined) return; // no /proc here: the pid alone decides
    await plant({ pid, identity: 'another-boot:1' });
    expect(await acquire()).toMatchObject({ ok: true, tookOver: { reason: 'dead', holder: { pid } } });
  });

  it('respects a lock from another host (a shared disk) and replaces a damaged one', async () => {
    await plant({ pid: 1, host: `not-${hostname()}` });
    expect(await acquire()).toMatchObject({ ok: false, reason: 'held' });
    await plant('{"pid": "garbage"');
    expect(await acquire()).toMatchObject({ ok: true, tookOver: { reason: 'unreadable' } });
  });

  it('release leaves a lock alone that is no longer ours', async () => {
    const result = await acquire();
    if (!result.ok) throw new Error('expected the lock');
    await writeFile(lockPath, JSON.stringify({ pid: 1, host: hostname(), at: 1, token: 'someone-else' }));
    await result.lock.release();
    expect(existsSync(lockPath)).toBe(true);
  });
});
