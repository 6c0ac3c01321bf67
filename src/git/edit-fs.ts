/**
 * The file-system half of applying model edits: what is on disk at a checked path, and writing there
 * without ever following a symbolic link out of the workspace.
 *
 * Symlink rule: a symbolic link anywhere on the way is refused, even one that points back inside the
 * workspace. "Points inside" is a fact about the moment of the check; the link (or what it passes through)
 * can change before the write, and a write through a link also changes a different tracked path than the
 * one the model named, which a reviewer would not see. Refusing every link is simpler to reason about and
 * costs nothing real: models edit source files, not links.
 *
 * Validation is synchronous so the public `checkEditPath` can share it; it is a handful of `lstat` calls per
 * edit, stopping at the first missing directory. Writing is asynchronous and re-checks every directory as it
 * goes, because time has passed since validation.
 */
import { randomBytes } from 'node:crypto';
import { constants, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from './edit-path.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What a checked path names on disk before any edit is applied. */
export type Existing = { kind: 'absent' } | { kind: 'file'; size: number; executable: boolean };

type Probe = { kind: 'missing' } | { kind: 'found'; stats: Stats } | { kind: 'error'; reason: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = <T>(reason: string): Outcome<T> => ({ ok: false, reason });

/** The workspace's real path, resolved once so every later comparison is against the same root. */
export function resolveWorkspaceSync(workspace: string): Outcome<string> {
  try {
    const root = realpathSync(path.resolve(workspace));
    return statSync(root).isDirectory() ? ok(root) : fail('workspace is not a directory');
  } catch (error) {
    return fail(`workspace is not an existing directory (${errorCode(error)})`);
  }
}

export async function resolveWorkspace(workspace: string): Promise<Outcome<string>> {
  try {
    const root = await realpath(path.resolve(workspace));
    return (await stat(root)).isDirectory() ? ok(root) : fail('workspace is not a directory');
  } catch (error) {
    return fail(`workspace is not an existing directory (${errorCode(error)})`);
  }
}

/**
 * What `segments` (already lexically checked) name under `root`: every existing parent must be a real
 * directory, the final component must be missing or a regular file. Nothing is followed.
 */
export function inspectTarget(root: string, segments: readonly string[]): Outcome<Existing> {
  let current = root;
  for (let depth = 0; depth < segments.length - 1; depth++) {
    current = path.join(current, segments[depth]!);
    const probe = lstatProbe(current);
    const shown = displayPath(segments.slice(0, depth + 1).join('/'));
    // A missing parent means everything below it is missing too: it will be created, one level at a time.
    if (probe.kind === 'missing') return ok({ kind: 'absent' });
    if (probe.kind === 'error') return fail(`cannot inspect parent "${shown}": ${probe.reason}`);
    if (probe.stats.isSymbolicLink()) {
      return fail(`parent "${shown}" is a symbolic link (links are never followed)`);
    }
    if (!probe.stats.isDirectory()) return fail(`parent "${shown}" is not a directory`);
  }
  // Defence in depth: with no links on the way this always holds, unless the root itself moved.
  try {
    if (!isInside(root, realpathSync(current)))
      return fail('parent directory resolves outside the workspace');
  } catch (error) {
    return fail(`cannot resolve parent directory: ${errorCode(error)}`);
  }
  return describeFinal(lstatProbe(path.join(current, segments.at(-1)!)));
}

function describeFinal(probe: Probe): Outcome<Existing> {
  if (probe.kind === 'missing') return ok({ kind: 'absent' });
  if (probe.kind === 'error') return fail(`cannot inspect the path: ${probe.reason}`);
  const { stats } = probe;
  if (stats.isSymbolicLink()) return fail('path is a symbolic link (links are never followed)');
  if (stats.isDirectory()) return fail('path is a directory');
  if (!stats.isFile()) return fail('path is not a regular file');
  return ok({ kind: 'file', size: stats.size, executable: (stats.mode & 0o111) !== 0 });
}

/**
 * A regular file's bytes, at most `maxBytes`. `O_NOFOLLOW` refuses a link swapped in since the check and
 * `O_NONBLOCK` keeps a swapped-in FIFO from hanging the run; the kind is checked again on the open handle.
 */
export async function readFileBounded(absolute: string, maxBytes: number): Promise<Outcome<Buffer>> {
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(absolute, flags);
  } catch (error) {
    return fail(`cannot open the file: ${errorCode(error)}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return fail('path is not a regular file');
    if (stats.size > maxBytes) {
      return fail(`file is ${stats.size} bytes, more than maxFileBytes (${maxBytes})`);
    }
    // One spare byte tells a file that grew since `stat` from one that is exactly `size` long.
    const buffer = Buffer.alloc(stats.size + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > stats.size) return fail('file changed while it was read');
    return ok(buffer.subarray(0, filled));
  } catch (error) {
    return fail(`cannot read the file: ${errorCode(error)}`);
  } finally {
    await handle.close();
  }
}

/**
 * Creates the missing parents of `segments` one level at a time, re-checking after each step that the
 * directory is a real one (not a link someone put there meanwhile). Returns the parent's absolute path.
 */
export async function ensureParentDirectory(
  root: string,
  segments: readonly string[],
): Promise<Outcome<string>> {
  let current = root;
  for (let depth = 0; depth < segments.length - 1; depth++) {
    current = path.join(current, segments[depth]!);
    const shown = displayPath(segments.slice(0, depth + 1).join('/'));
    let probe = await lstatProbeAsync(current);
    if (probe.kind === 'missing') {
      try {
        // Not recursive: `recursive` would follow whatever links appear in the path it creates.
        await mkdir(current, { mode: 0o755 });
      } catch (error) {
        if (errorCode(error) !== 'EEXIST')
          return fail(`cannot create directory "${shown}": ${errorCode(error)}`);
      }
      probe = await lstatProbeAsync(current);
    }
    if (probe.kind !== 'found') return fail(`directory "${shown}" vanished while it was created`);
    if (probe.stats.isSymbolicLink() || !probe.stats.isDirectory()) {
      return fail(`parent "${shown}" is no longer a real directory`);
    }
  }
  try {
    if (!isInside(root, await realpath(current)))
      return fail('parent directory resolves outside the workspace');
  } catch (error) {
    return fail(`cannot resolve parent directory: ${errorCode(error)}`);
  }
  return ok(current);
}

/**
 * Writes `content` to `directory/name` through a fresh temp file and `rename`. The temp file is created
 * with `wx` (O_CREAT|O_EXCL: never an existing file, never through a link); `rename` replaces the directory
 * entry itself, so even a link or hard link swapped in at the target is replaced, never written through.
 */
export async function writeFileAtomic(
  directory: string,
  name: string,
  content: string,
  executable: boolean,
): Promise<Outcome<void>> {
  const target = path.join(directory, name);
  for (let attempt = 0; attempt < 4; attempt++) {
    const temp = path.join(directory, `.keel-edit-${randomBytes(8).toString('hex')}.tmp`);
    let handle: FileHandle;
    try {
      handle = await open(temp, 'wx', 0o644);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      return fail(`cannot create a temporary file: ${errorCode(error)}`);
    }
    const written = await fillAndClose(handle, content, executable);
    const placed = written.ok ? await replaceTarget(temp, target) : written;
    if (!placed.ok) await unlink(temp).catch(() => undefined);
    return placed;
  }
  return fail('cannot create a temporary file: name collisions');
}

async function fillAndClose(
  handle: FileHandle,
  content: string,
  executable: boolean,
): Promise<Outcome<void>> {
  try {
    await handle.writeFile(content, 'utf8');
    // Git records only 644 and 755; an executable script stays executable after an edit.
    if (executable) await handle.chmod(0o755);
    return ok(undefined);
  } catch (error) {
    return fail(`cannot write the temporary file: ${errorCode(error)}`);
  } finally {
    await handle.close();
  }
}

async function replaceTarget(temp: string, target: string): Promise<Outcome<void>> {
  const probe = await lstatProbeAsync(target);
  if (probe.kind === 'error') return fail(`cannot inspect the path: ${probe.reason}`);
  if (probe.kind === 'found' && !probe.stats.isFile()) return fail('path is no longer a regular file');
  try {
    await rename(temp, target);
    return ok(undefined);
  } catch (error) {
    return fail(`cannot move the temporary file into place: ${errorCode(error)}`);
  }
}

/** Removes a regular file; `unlink` never follows a link, and the kind is checked once more first. */
export async function removeFile(absolute: string): Promise<Outcome<void>> {
  const probe = await lstatProbeAsync(absolute);
  // Gone already: the outcome the edit asked for.
  if (probe.kind === 'missing') return ok(undefined);
  if (probe.kind === 'error') return fail(`cannot inspect the path: ${probe.reason}`);
  if (!probe.stats.isFile()) return fail('path is no longer a regular file');
  try {
    await unlink(absolute);
    return ok(undefined);
  } catch (error) {
    return fail(`cannot delete the file: ${errorCode(error)}`);
  }
}

function lstatProbe(absolute: string): Probe {
  try {
    return { kind: 'found', stats: lstatSync(absolute) };
  } catch (error) {
    return toProbe(error);
  }
}

async function lstatProbeAsync(absolute: string): Promise<Probe> {
  try {
    return { kind: 'found', stats: await lstat(absolute) };
  } catch (error) {
    return toProbe(error);
  }
}

function toProbe(error: unknown): Probe {
  const code = errorCode(error);
  return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'error', reason: code };
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..foo` is a fine name inside; only `..` itself or `../…` leaves.
  const leaves = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !leaves && !path.isAbsolute(relative);
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
