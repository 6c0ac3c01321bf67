/**
 * An append-only file rotated by size: `x.log` → `x.1.log` → … → `x.<keep>.log`, the oldest dropped, so it
 * fills at most `maxBytes × (keep + 1)` of disk. Shared by the event log and the daemon's child logs.
 *
 * Not safe for concurrent `append`s by itself: both users serialise them through one promise chain, so
 * rotation never races an append. An `append` that fails rejects, and the next one asks the disk for the
 * size again (the one believed may be wrong by then).
 */
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export class RotatingFile {
  readonly path: string;
  readonly #maxBytes: number;
  readonly #keep: number;
  /** Bytes in the current file; read from disk on the first append (a resumed run appends). */
  #size: number | undefined;

  constructor(path: string, maxBytes: number, keep: number) {
    this.path = path;
    this.#maxBytes = Math.max(1, maxBytes);
    this.#keep = Math.max(0, keep);
  }

  async append(data: string | Buffer): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    try {
      this.#size ??= await sizeOf(this.path);
      if (this.#size > 0 && this.#size + bytes > this.#maxBytes) {
        await this.#rotate();
        this.#size = 0;
      }
      await appendFile(this.path, data).catch(async (error: unknown) => {
        // A directory that does not exist yet (or was cleaned away): create it once and try again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await mkdir(dirname(this.path), { recursive: true });
        await appendFile(this.path, data);
      });
      this.#size += bytes;
    } catch (error) {
      this.#size = undefined;
      throw error;
    }
  }

  async #rotate(): Promise<void> {
    if (this.#keep === 0) {
      await rm(this.path, { force: true });
      return;
    }
    await rm(rotatedPath(this.path, this.#keep), { force: true });
    for (let index = this.#keep - 1; index >= 1; index--) {
      await rename(rotatedPath(this.path, index), rotatedPath(this.path, index + 1)).catch(ignoreMissing);
    }
    await rename(this.path, rotatedPath(this.path, 1)).catch(ignoreMissing);
  }
}

/** `events.ndjson` → `events.<n>.ndjson`. */
export function rotatedPath(path: string, index: number): string {
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return dot > slash + 1 ? `${path.slice(0, dot)}.${index}${path.slice(dot)}` : `${path}.${index}`;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
