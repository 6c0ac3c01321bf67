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
import { RotatingFile } from '../telemetry/rotating-file.ts';

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
  readonly #file: RotatingFile;
  readonly #warn: (message: string) => void;
  #chain: Promise<void> = Promise.resolve();
  #warned = false;

  constructor(options: SupervisedLogOptions) {
    this.path = options.path;
    this.#maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_CHILD_LOG_MAX_BYTES);
    this.#file = new RotatingFile(this.path, this.#maxBytes, options.keep ?? DEFAULT_CHILD_LOG_KEEP);
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
      await this.#file.append(bytes);
    } catch (error) {
      if (this.#warned) return;
      this.#warned = true;
      this.#warn(`keel: child log ${this.path} failed, further output may be lost: ${String(error)}`);
    }
  }
}
