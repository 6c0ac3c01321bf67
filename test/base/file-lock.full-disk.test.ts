/**
 * A full disk (issue 15 §4): creating a file succeeds and writing to it fails with ENOSPC. The lock's holder
 * file — its temp file, or the lock itself where there are no hard links — must not stay behind, empty, for
 * good: four zero-byte `state.lock.*.tmp` files were found after a full disk.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Which writes the "disk" refuses: paths matching this fail with ENOSPC after their file was created. */
const disk = vi.hoisted(() => ({
  full: undefined as RegExp | undefined,
  link: undefined as string | undefined,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const enospc = (): Error =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const path = String(args[0]);
      if (disk.full?.test(path)) {
        const writeFile = () => Promise.reject(enospc());
        return new Proxy(handle, {
          get: (target, key): unknown =>
            key === 'writeFile' ? writeFile : (Reflect.get(target, key, target) as unknown),
        });
      }
      return handle;
    },
    link: async (...args: Parameters<typeof real.link>) => {
      if (disk.link !== undefined) throw Object.assign(new Error(`${disk.link}: link`), { code: disk.link });
      return real.link(...args);
    },
  };
});

const { FileLock } = await import('../../src/base/file-lock.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-full-disk-'));
});
afterEach(async () => {
  disk.full = undefined;
  disk.link = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('a lock on a full disk', () => {
  it('the holder temp file that could not be written is removed, and the ENOSPC reaches the caller', async () => {
    const lock = new FileLock({ path: join(dir, 'state.lock'), attempts: 4, backoffMs: 1 });
    disk.full = /\.tmp$/;
    for (let i = 0; i < 4; i++) {
      await expect(lock.withLock(() => Promise.resolve('x'))).rejects.toMatchObject({ code: 'ENOSPC' });
    }
    expect(await readdir(dir)).toEqual([]);
    // Space again: the lock works, and leaves nothing either.
    disk.full = undefined;
    expect(await lock.withLock(() => Promise.resolve('ok'))).toEqual({ ok: true, value: 'ok' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('without hard links, the lock file itself is not left empty', async () => {
    const lock = new FileLock({ path: join(dir, 'state.lock'), attempts: 2, backoffMs: 1 });
    disk.link = 'EPERM';
    disk.full = /state\.lock$/;
    await expect(lock.withLock(() => Promise.resolve('x'))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
  });
});
