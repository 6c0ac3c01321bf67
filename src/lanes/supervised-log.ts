/**
 * Where a supervised child's stdout and stderr go: `<stateDir>/daemon/logs/<child>.log`, rotated by size
 * (`x.log` → `x.1.log` → … → `x.<keep>.log`, the oldest dropped), so a chatty lane that runs for weeks
 * fills at most `maxBytes × (keep + 1)` of disk.
 *
 * Writes go through one promise chain (never interleaved, rotation never races an append). The caller
 * pauses the child's pipe until its chunk is written, so a child that prints faster than the disk takes
 * it is slowed down instead of filling our memory. Like the event log, a failing log never takes the
 * daemon down: `write` never rejects, the first failure is reported once, later ones are dropped.
 */
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { rotatedPath } from '../telemetry/event-log.ts';

export const DEFAULT_CHILD_LOG_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_CHILD_LOG_KEEP = 3;

export interface SupervisedLogOptions {
  path: string;
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  warn?: (message: string) => void;
}

export class SupervisedLog {
  readonly path: string;
  readonly #maxBytes: number;
  readonly #keep: number;
  readonly #warn: (message: string) => void;
  #chain: Promise<void> = Promise.resolve();
  #size: number | undefined;
  #warned = false;

  constructor(options: SupervisedLogOptions) {
    this.path = options.path;
    this.#maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_CHILD_LOG_MAX_BYTES);
    this.#keep = Math.max(0, options.keep ?? DEFAULT_CHILD_LOG_KEEP);
    this.#warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
  }

  /** Queues the bytes; resolves once they are written (or dropped after a failure). Never rejects. */
  write(chunk: Buffer | string): Promise<void> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const next = this.#chain.then(() => this.#write(bytes));
    this.#chain = next;
    return next;
  }

  /** Resolves when everything written so far is on disk. */
  flush(): Promise<void> {
    return this.#chain;
  }

  async #write(chunk: Buffer): Promise<void> {
    // One chunk bigger than a whole file keeps its end: the last words before a crash matter most.
    const bytes = chunk.length > this.#maxBytes ? chunk.subarray(chunk.length - this.#maxBytes) : chunk;
    try {
      this.#size ??= await sizeOf(this.path);
      if (this.#size > 0 && this.#size + bytes.length > this.#maxBytes) {
        await this.#rotate();
        this.#size = 0;
      }
      await appendFile(this.path, bytes).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await mkdir(dirname(this.path), { recursive: true });
        await appendFile(this.path, bytes);
      });
      this.#size += bytes.length;
    } catch (error) {
      this.#size = undefined;
      if (this.#warned) return;
      this.#warned = true;
      this.#warn(`keel: child log ${this.path} failed, further output may be lost: ${String(error)}`);
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
