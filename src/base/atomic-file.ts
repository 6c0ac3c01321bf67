/**
 * Files that are either the old version or the new one, never half of either: the checkpoint, the manifest,
 * the metrics, the heartbeat, effect records, the fleet state. One implementation for all of them.
 *
 * `writeFileAtomic` writes a temp file in the target's directory (a rename is only atomic within one file
 * system), fsyncs it, renames it over the target and fsyncs the directory so the rename itself survives a
 * power cut. A SIGKILL at any instant leaves the old target or the new one, plus at worst an orphaned
 * `*.tmp` beside it (callers that own a directory under a lock may sweep those; see `isTempFile`).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode, errorMessage } from './errors.ts';

export interface AtomicWriteOptions {
  /**
   * Fsync the directory after the rename (default true). Without it a power cut can lose the rename even
   * though the data was synced; a process crash cannot. Off only where the file is disposable.
   */
  syncDir?: boolean;
  /**
   * Called right before the rename that makes the new content visible, with no turn of the event loop in
   * between; a throw leaves the target untouched (the temp file is removed) and is rethrown. A run's fence.
   */
  beforeRename?: () => void;
}

/** Replaces `path` with `data` atomically. Creates the parent directory when it is missing. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeSynced(temp, data);
  } catch (error) {
    // The hot path never pays for mkdir: only a missing directory (first write, or a user who cleaned up)
    // makes us create it and try once more.
    if (errorCode(error) !== 'ENOENT') throw await withoutTemp(temp, error);
    await mkdir(dir, { recursive: true });
    try {
      await writeSynced(temp, data);
    } catch (again) {
      throw await withoutTemp(temp, again);
    }
  }
  try {
    options.beforeRename?.();
    await rename(temp, path);
  } catch (error) {
    throw await withoutTemp(temp, error);
  }
  if (options.syncDir !== false) await syncDirectory(dir);
}

/**
 * `writeFileAtomic` without awaiting anything, for the one moment there is no time to (a forced exit): temp
 * file, fsync, rename. No directory fsync and no directory creation: the directory exists by then.
 */
export function writeFileAtomicSync(path: string, data: string, options: AtomicWriteOptions = {}): void {
  const temp = join(dirname(path), `${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.();
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never created, or renamed already
    }
    throw error;
  }
}

/** A name `writeFileAtomic` uses for its temp files (for sweeping orphans left by a killed process). */
export function isTempFile(name: string): boolean {
  return /\.\d+-[0-9a-f]{12}\.tmp$/.test(name);
}

async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  // 'wx': a temp name that somehow exists is someone else's file, not ours to truncate.
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function withoutTemp(temp: string, error: unknown): Promise<unknown> {
  await unlink(temp).catch(() => undefined);
  return error;
}

/**
 * Directories cannot be opened on Windows and some file systems refuse fsync on them (EINVAL); there the
 * rename is as durable as the platform makes it. Any other failure (EIO) is real and is thrown.
 */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle?.close();
  }
}

/** Whether anything (a file, a directory) is at `path`; an unreadable parent counts as nothing there. */
export async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export type JsonRead =
  | { ok: true; value: unknown; text: string }
  | { ok: false; reason: 'missing' | 'unreadable' | 'not-json'; detail: string; text?: string };

/** Reads and parses a JSON file. Never throws: what to do about a bad file is the caller's decision. */
export async function readJsonFile(path: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = errorCode(error) === 'ENOENT' ? 'missing' : 'unreadable';
    return { ok: false, reason, detail: `${path}: ${errorMessage(error)}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: `${path}: not JSON (${errorMessage(error)})`, text };
  }
}
