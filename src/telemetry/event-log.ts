/**
 * `events.ndjson`: one JSON object per line (`{ at, type, … }`), redacted before it is written, rotated by
 * size (`events.ndjson` → `events.1.ndjson` → … → `events.<keep>.ndjson`, the oldest dropped).
 *
 * Appends go through one promise chain, so lines are written one after another — never interleaved or
 * torn, even with a hundred callers at once — and rotation never races an append. Telemetry must not
 * take a run down: `append` never rejects; the first failure is reported on stderr once, later ones are
 * dropped silently.
 */
import { readFile } from 'node:fs/promises';
import { systemClock, type Clock } from '../base/clock.ts';
import { RotatingFile } from './rotating-file.ts';

export { rotatedPath } from './rotating-file.ts';

export const DEFAULT_EVENT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_EVENT_LOG_KEEP = 3;
/** Deeper structures are cut: an event is a record, not a data dump. */
const MAX_DEPTH = 8;

export interface LogEvent {
  type: string;
  [key: string]: unknown;
}

export interface EventLogOptions {
  path: string;
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  /** Applied to every string (values and keys) before it is written. */
  redact: (text: string) => string;
  clock?: Clock;
  /** Where the one failure report goes (default stderr). */
  warn?: (message: string) => void;
  /**
   * Sees every event as it is appended (not yet redacted: redact what you print), for a caller that also
   * reports some of them elsewhere — a lane's console says what was wrong with its queue.
   */
  observe?: (event: LogEvent) => void;
}

export class EventLog {
  readonly path: string;
  readonly #file: RotatingFile;
  readonly #redact: (text: string) => string;
  readonly #clock: Clock;
  readonly #warn: (message: string) => void;
  readonly #observe: ((event: LogEvent) => void) | undefined;
  #chain: Promise<void> = Promise.resolve();
  #warned = false;

  constructor(options: EventLogOptions) {
    this.path = options.path;
    this.#file = new RotatingFile(
      options.path,
      options.maxBytes ?? DEFAULT_EVENT_LOG_MAX_BYTES,
      options.keep ?? DEFAULT_EVENT_LOG_KEEP,
    );
    this.#redact = options.redact;
    this.#clock = options.clock ?? systemClock;
    this.#warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
    this.#observe = options.observe;
  }

  /** Queues the event; resolves once it is written (or dropped after a failure). Never rejects. */
  append(event: LogEvent): Promise<void> {
    this.#observe?.(event);
    // Serialised at the call, not when the queue gets to it: the line shows the event as it was then,
    // even if the caller goes on mutating the objects it passed. `at` comes first and is ours.
    let line: string;
    try {
      const record: Record<string, unknown> = { at: 0, ...event };
      record.at = this.#clock.now();
      line = `${JSON.stringify(redactDeep(record, this.#redact, 0))}\n`;
    } catch (error) {
      this.#fail(error);
      return this.#chain;
    }
    const next = this.#chain.then(() => this.#write(line));
    this.#chain = next;
    return next;
  }

  /** Resolves when everything appended so far is written. */
  flush(): Promise<void> {
    return this.#chain;
  }

  async #write(line: string): Promise<void> {
    try {
      await this.#file.append(line);
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#warn(`keel: event log ${this.path} failed, further events may be lost: ${String(error)}`);
  }
}

function redactDeep(value: unknown, redact: (text: string) => string, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redact(key)] = redactDeep(item, redact, depth + 1);
  return out;
}

export interface ReadEvents {
  events: (LogEvent & { at: number })[];
  /** Lines that did not parse as an event object (a torn line would show up here). */
  badLines: number;
}

/** Reads one events file (not its rotations). A missing file has no events. */
export async function readEvents(path: string): Promise<ReadEvents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], badLines: 0 };
    throw error;
  }
  const events: ReadEvents['events'] = [];
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const value = JSON.parse(line) as Partial<LogEvent & { at: number }> | null;
      if (
        value &&
        typeof value === 'object' &&
        typeof value.type === 'string' &&
        typeof value.at === 'number'
      ) {
        events.push(value as LogEvent & { at: number });
      } else {
        badLines++;
      }
    } catch {
      badLines++;
    }
  }
  return { events, badLines };
}
