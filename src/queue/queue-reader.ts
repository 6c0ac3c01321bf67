/**
 * One queue file, read again and again as it grows: every valid task comes out exactly once per reader
 * (deduplicated by id), every bad item comes out as a `QueueProblem`, and nothing throws.
 *
 * Formats, detected per file (and again after a rewrite):
 * - NDJSON, one task per line — append-safe: the reader goes on from the byte offset it reached, a last
 *   line without its newline waits for the next read, and a line over 1 MiB is skipped with a problem.
 * - A JSON array of tasks, or `{ "tasks": [...] }` — read whole whenever its inode, size or mtime changes.
 * A file that starts with `[` is an array; one whose first line is `{` alone or opens `{"tasks":` is an
 * object document (so a pretty-printed document caught half-written waits instead of being taken for
 * broken NDJSON); anything else is NDJSON, where a bad first line is just a bad item.
 *
 * Rewrites of an NDJSON file are noticed by a new inode, a size below the offset already read, or a
 * different first 4 KiB: the reader then starts again from the top and lets the ids it has already handed
 * out (and the claim store, for the caller) deduplicate. (An in-place rewrite that keeps the first 4 KiB
 * and grows the file cannot be told from an append: producers append, or rotate by renaming a new file in.)
 *
 * `consumed()` is what a lane persists in the claim store: the offset before which every line is settled
 * (bad, or a task whose id the claim store knows). A restarted lane reads on from there; nothing after it
 * can be lost, and nothing before it is read again.
 */
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import { errorCode, errorMessage } from '../base/errors.ts';
import { detectFormat, readAt, startsWithBom } from './queue-format.ts';
import {
  DEFAULT_MAX_LINE_BYTES,
  LINE_BAD_UTF8,
  LINE_PLAIN,
  scanLines,
  type LineKind,
  type ScanOptions,
  type ScanSink,
  type ScanPosition,
} from './ndjson-scanner.ts';
import { normalizeTask, plainLineTask } from './normalize.ts';
import { firstOccurrence, firstRef, PendingLines, type SeenIds } from './ingest-state.ts';
import type { QueueCursor, QueueEvent, QueueFormat, QueueProblem, QueueTask } from './types.ts';

export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** How much of the file's head identifies it (an append never changes these bytes, a rewrite usually does). */
const HEAD_BYTES = 4096;

export interface QueueReaderOptions extends ScanOptions {
  path: string;
  /** Configured lane names: the owners a task may name. */
  lanes: readonly string[];
  /** How refs name the file (default: `path`). */
  displayPath?: string;
  maxDocumentBytes?: number;
  /** Problems and rewrites, as they happen (the lane writes them to its event log). */
  log?: (event: QueueEvent) => void;
}

export interface QueueRead {
  /** Undefined while the file is missing, empty or undecided. */
  format?: QueueFormat;
  /** New since the previous read, in file order. */
  tasks: QueueTask[];
  problems: QueueProblem[];
  /** Why the reader started over from the top of the file, when it did. */
  restarted?: string;
}

export class QueueReader {
  readonly path: string;
  readonly #display: string;
  /** `display:`, made once: a line's ref is this and its number. */
  readonly #refPrefix: string;
  readonly #lanes: ReadonlySet<string>;
  readonly #normalize: { lanes: ReadonlySet<string> };
  readonly #options: QueueReaderOptions;
  readonly #log: (event: QueueEvent) => void;
  #format: QueueFormat | undefined;
  #ino: number | undefined;
  #position: ScanPosition = { offset: 0, line: 0, skipping: false };
  /** The first min(4 KiB, offset) bytes, to tell an appended file from a rewritten one. */
  #head: Buffer = Buffer.alloc(0);
  /** From `seek`: the head the persisted cursor saw, checked at the first read. */
  #expected: { bytes: number; hash: string } | undefined;
  #consumed = { offset: 0, line: 0 };
  #pending = new PendingLines(1);
  /** The ids handed out from this version of the file (until a rewrite or a changed document). */
  #seen: SeenIds = new Map();
  /** Ids handed out from earlier versions: seen again, they are neither new nor duplicates. */
  readonly #earlier = new Map<string, string>();
  #documentSignature: string | undefined;
  /** Problems of documents already reported (a changed document is read again whole). */
  readonly #reported = new Set<string>();

  constructor(options: QueueReaderOptions) {
    this.path = options.path;
    this.#display = options.displayPath ?? options.path;
    this.#refPrefix = `${this.#display}:`;
    this.#lanes = new Set(options.lanes);
    this.#normalize = { lanes: this.#lanes };
    this.#options = options;
    this.#log = options.log ?? (() => undefined);
  }

  /** Before the first read: start at a consumed cursor persisted by an earlier reader (NDJSON only). */
  seek(cursor: QueueCursor | undefined): void {
    if (cursor === undefined) return;
    this.#format = 'ndjson';
    this.#ino = cursor.ino;
    this.#position = { offset: cursor.offset, line: cursor.line, skipping: false };
    this.#consumed = { offset: cursor.offset, line: cursor.line };
    this.#pending = new PendingLines(cursor.line + 1);
    this.#expected = { bytes: cursor.headBytes, hash: cursor.head };
  }

  /** Whether an id was handed out by this reader (first occurrences only). */
  has(id: string): boolean {
    return firstRef(this.#seen, id) !== undefined || this.#earlier.has(id);
  }

  async read(): Promise<QueueRead> {
    const out: QueueRead = { tasks: [], problems: [] };
    let file: FileHandle;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if (errorCode(error) !== 'ENOENT')
        this.#problemOnce(out, this.#display, `unreadable: ${errorMessage(error)}`);
      return out;
    }
    try {
      const stat = await file.stat();
      if (this.#format === 'ndjson') {
        const restarted = await this.#checkIdentity(file, stat.ino, stat.size);
        if (restarted !== undefined) {
          out.restarted = restarted;
          this.#restart();
          this.#log({ type: 'queue_rewritten', path: this.#display, reason: restarted });
        }
      }
      const signature = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
      if (this.#format !== 'ndjson') {
        // A document that has not changed is not looked at again (not even to detect its format).
        if (signature === this.#documentSignature) return { ...out, format: this.#format! };
        this.#format = await detectFormat(file, stat.size);
      }
      out.format = this.#format;
      if (this.#format === 'ndjson') {
        this.#ino = stat.ino;
        await this.#readLines(file, stat.size, out);
      } else if (this.#format !== undefined) {
        await this.#readDocument(file, signature, stat.size, out);
      }
    } catch (error) {
      // An I/O error mid-read (the file vanished on a network share): report it, keep what was read.
      this.#problemOnce(out, this.#display, `read failed: ${errorMessage(error)}`);
    } finally {
      await file.close();
    }
    return out;
  }

  /**
   * The persistable cursor: the end of the longest run of settled lines from the last consumed point. A
   * line is settled when it was bad or blank, or when `isSettled(id)` (the claim store knows the id).
   * Undefined for JSON documents, which have no offsets worth keeping. With `commit` false the reader does
   * not move its own consumed point (for a predicate that only holds if something else succeeds).
   */
  consumed(isSettled: (id: string) => boolean, commit = true): QueueCursor | undefined {
    // After a seek and before the read that checks it, the cursor is the persisted one: nothing to add.
    if (this.#format !== 'ndjson' || this.#ino === undefined || this.#expected !== undefined)
      return undefined;
    const pending = this.#pending;
    let index = pending.start;
    let consumed = this.#consumed;
    while (index < pending.ends.length) {
      const id = pending.ids[index];
      if (id !== undefined && !isSettled(id)) break;
      consumed = { offset: pending.ends[index]!, line: pending.lineOf(index) };
      index++;
    }
    if (commit) {
      this.#consumed = consumed;
      pending.drop(index);
    }
    const headBytes = Math.min(HEAD_BYTES, consumed.offset, this.#head.length);
    return { ...consumed, ino: this.#ino, headBytes, head: sha256(this.#head.subarray(0, headBytes)) };
  }

  #restart(): void {
    this.#format = undefined;
    this.#newVersion();
    this.#position = { offset: 0, line: 0, skipping: false };
    this.#consumed = { offset: 0, line: 0 };
    this.#head = Buffer.alloc(0);
    this.#expected = undefined;
    this.#pending = new PendingLines(1);
  }

  /** The file was rewritten, or a document changed: what was seen so far belongs to an earlier version. */
  #newVersion(): void {
    for (const { id, ref } of this.#seen.values()) this.#earlier.set(id, ref);
    this.#seen = new Map();
  }

  /** Undefined when the file is the one read so far, grown at most; else why it is not. */
  async #checkIdentity(file: FileHandle, ino: number, size: number): Promise<string | undefined> {
    const offset = this.#position.offset;
    if (this.#ino !== undefined && ino !== this.#ino) return 'replaced (new inode)';
    if (size < offset) return `truncated (${size} bytes, ${offset} already read)`;
    if (this.#expected !== undefined) {
      const expected = this.#expected;
      this.#expected = undefined;
      const head = await readAt(file, 0, Math.min(expected.bytes, size));
      if (head.length !== expected.bytes || sha256(head) !== expected.hash) return 'rewritten (head changed)';
      this.#head = await readAt(file, 0, Math.min(HEAD_BYTES, offset));
      return undefined;
    }
    if (this.#head.length > 0) {
      const head = await readAt(file, 0, this.#head.length);
      if (!head.equals(this.#head)) return 'rewritten (head changed)';
    }
    return undefined;
  }

  async #readLines(file: FileHandle, size: number, out: QueueRead): Promise<void> {
    if (this.#position.offset === 0 && size >= 3) {
      if (startsWithBom(await readAt(file, 0, 3))) {
        this.#position = { ...this.#position, offset: 3 };
        this.#consumed = { offset: 3, line: 0 };
      }
    }
    this.#position = await scanLines(file, size, this.#position, this.#lineSink(out), this.#options);
    const headBytes = Math.min(HEAD_BYTES, this.#position.offset);
    if (this.#head.length < headBytes) this.#head = await readAt(file, 0, headBytes);
  }

  /**
   * The scanner's sink for one read. Plain lines (nearly every line of most queues) are handled in the
   * closure itself, on state it holds in locals. Optimised code that went through the reader's fields would
   * depend on the reader's hidden class, which is collected with the reader, so each new reader (a lane
   * restart; bench `queue ingest` makes one per read) would start the ingest path over unoptimised.
   */
  #lineSink(out: QueueRead): ScanSink {
    const { ends, ids } = this.#pending;
    const seen = this.#seen;
    const earlier = this.#earlier;
    const lanes = this.#lanes;
    const prefix = this.#refPrefix;
    const tasks = out.tasks;
    return {
      line: (text, lineNo, end, kind) => {
        let id: string | undefined;
        const raw = kind === LINE_PLAIN ? parseObject(text) : undefined;
        if (raw === undefined) {
          id = this.#parseLine(text, kind, lineNo, out);
        } else {
          const ref = prefix + lineNo;
          // A plain line cannot hold what the text cleaning looks for (see LINE_PLAIN).
          const task = plainLineTask(raw, ref, lanes);
          if (task === undefined) {
            id = this.#item(raw, ref, out);
          } else {
            id = task.id;
            const first = firstOccurrence(seen, earlier, tasks, task);
            if (first !== undefined) this.#duplicate(out, id, first, ref);
          }
        }
        ends.push(end);
        ids.push(id);
      },
      tooLong: (lineNo) =>
        this.#problem(out, prefix + lineNo, `line longer than ${maxLine(this.#options)} bytes, skipped`),
      skipped: (_lineNo, end) => {
        ends.push(end);
        ids.push(undefined);
      },
    };
  }

  /** The id a line that is not a plain object stands for; undefined for a blank or bad line (reported). */
  #parseLine(text: string, kind: LineKind, lineNo: number, out: QueueRead): string | undefined {
    // Blank lines separate nothing and mean nothing.
    if (text.charCodeAt(0) !== 123 && text.trim() === '') return undefined;
    const ref = this.#refPrefix + lineNo;
    if (kind === LINE_BAD_UTF8) {
      this.#problem(out, ref, 'invalid UTF-8');
      return undefined;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      this.#problem(out, ref, `not JSON: ${errorMessage(error).slice(0, 200)}`);
      return undefined;
    }
    return this.#item(raw, ref, out);
  }

  /** Normalises and deduplicates one item; the id it stands for (so its line settles once it is claimed). */
  #item(raw: unknown, ref: string, out: QueueRead, once = false): string | undefined {
    const result = normalizeTask(raw, ref, this.#normalize);
    if (!result.ok) {
      this.#report(out, result.problem.ref, result.problem.reason, once);
      return undefined;
    }
    // A valid task: handed out if its id is new, a duplicate problem if not; its id either way.
    const first = firstOccurrence(this.#seen, this.#earlier, out.tasks, result.task);
    if (first !== undefined) this.#duplicate(out, result.task.id, first, ref, once);
    return result.task.id;
  }

  #duplicate(out: QueueRead, id: string, first: string, ref: string, once = false): void {
    this.#report(out, ref, `duplicate id "${id}" (first at ${first})`, once);
  }

  async #readDocument(file: FileHandle, signature: string, size: number, out: QueueRead): Promise<void> {
    this.#documentSignature = signature;
    this.#newVersion();
    const limit = this.#options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
    if (size > limit) {
      this.#problemOnce(out, this.#display, `JSON document of ${size} bytes is over the ${limit}-byte bound`);
      return;
    }
    let bytes = await readAt(file, 0, size);
    if (startsWithBom(bytes)) bytes = bytes.subarray(3);
    const text = bytes.toString('utf8');
    const badUtf8 = text.includes('\uFFFD') && !isUtf8(bytes);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Most likely caught mid-write by a producer that does not rename into place: read again on change.
      this.#problemOnce(out, this.#display, `not valid JSON (yet?): ${errorMessage(error).slice(0, 200)}`);
      return;
    }
    const items = Array.isArray(value)
      ? (value as unknown[])
      : value !== null && typeof value === 'object' && Array.isArray((value as { tasks?: unknown }).tasks)
        ? (value as { tasks: unknown[] }).tasks
        : undefined;
    if (items === undefined) {
      this.#problemOnce(out, this.#display, 'expected a JSON array of tasks or { "tasks": [...] }');
      return;
    }
    items.forEach((item, index) => {
      const ref = `${this.#display}[${index}]`;
      if (badUtf8 && JSON.stringify(item).includes('\uFFFD')) this.#problemOnce(out, ref, 'invalid UTF-8');
      else this.#item(item, ref, out, true);
    });
  }

  #problem(out: QueueRead, ref: string, reason: string): void {
    const problem = { ref, reason };
    out.problems.push(problem);
    this.#log({ type: 'queue_problem', ...problem });
  }

  /** With `once`, a problem already reported (a document is read again whole when it changes) is not. */
  #report(out: QueueRead, ref: string, reason: string, once: boolean): void {
    if (once) this.#problemOnce(out, ref, reason);
    else this.#problem(out, ref, reason);
  }

  #problemOnce(out: QueueRead, ref: string, reason: string): void {
    const key = `${ref}\n${reason}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.#problem(out, ref, reason);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A plain line parsed: an object (it opens with `{`), or undefined when it is not JSON. */
function parseObject(text: string): object | undefined {
  try {
    return JSON.parse(text) as object;
  } catch {
    return undefined;
  }
}

function maxLine(options: ScanOptions): number {
  return options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
}
