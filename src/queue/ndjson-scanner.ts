/**
 * Lines of an NDJSON file that grows while it is read, from a byte offset on: complete lines are handed
 * out, a last line without its newline is left for the next scan (the producer is still writing it), and
 * a line longer than `maxLineBytes` is reported once and skipped up to its newline without ever being held
 * in memory whole — not even across scans, if its newline has not been written yet.
 *
 * Pure bookkeeping over a file handle: no parsing, no events. The reader decides what a line means; the
 * scanner only tells it, per line, whether the bytes alone already rule out what the reader would have to
 * look for in the parsed item (`LINE_PLAIN`, below).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * What the bytes of a line say. `LINE_PLAIN`: ASCII that opens with `{`, with no backslash and no DEL.
 * Parsed, such a line is an object (or not JSON at all) whose keys are spelled as written (no escapes), and
 * whose strings, nested ones included, hold only U+0020–U+007E (JSON.parse refuses raw control characters,
 * and only an escape could make one or a lone surrogate): the text needs no cleaning. Whether it nests or
 * has a hostile key, the reader sees on the parsed object at less cost than a search through the bytes
 * (see `plainLineTask`). `LINE_CHECK`: anything else — the reader must check the item itself.
 * `LINE_BAD_UTF8`: the bytes are not UTF-8.
 */
export const LINE_PLAIN = 0;
export const LINE_CHECK = 1;
export const LINE_BAD_UTF8 = 2;
export type LineKind = typeof LINE_PLAIN | typeof LINE_CHECK | typeof LINE_BAD_UTF8;

export interface ScanPosition {
  /** The next byte to look at: the start of a line, or a point inside a line being skipped. */
  offset: number;
  /** Lines that ended before `offset`. */
  line: number;
  /** Inside an over-long line that was already reported: discard up to its newline. */
  skipping: boolean;
}

export interface ScanSink {
  /**
   * A complete line, decoded, without its `\n` (nor a `\r` before it), ending at file offset `end` (newline
   * included). With `LINE_BAD_UTF8` the text carries U+FFFD in place of the bad bytes.
   */
  line(text: string, lineNo: number, end: number, kind: LineKind): void;
  /** A line over the bound, 1-based `lineNo`, starting at file offset `start`; `end` once its newline is known. */
  tooLong(lineNo: number, start: number): void;
  /** The newline of a skipped line arrived: the line is over. */
  skipped(lineNo: number, end: number): void;
}

export interface ScanOptions {
  maxLineBytes?: number;
  chunkBytes?: number;
}

/** Scans `[position.offset, size)` of `file`; returns where the next scan starts. */
export async function scanLines(
  file: FileHandle,
  size: number,
  position: ScanPosition,
  sink: ScanSink,
  options: ScanOptions = {},
): Promise<ScanPosition> {
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  let { offset, line, skipping } = position;
  if (offset >= size) return { offset, line, skipping };
  // One buffer for the whole scan: a chunk, and before it the unfinished line carried over from the
  // previous chunk (never more than maxLine bytes), moved to the front rather than concatenated. Sized for
  // what is left to read, so that polling a queue that grew by a line allocates a line, not a chunk.
  const buffer = Buffer.allocUnsafe(Math.min(size - offset, chunkBytes + maxLine));
  let carried = 0;
  let pos = offset;
  while (pos < size) {
    const want = Math.min(chunkBytes, buffer.length - carried, size - pos);
    const { bytesRead } = await file.read(buffer, carried, want, pos);
    if (bytesRead === 0) break; // the file shrank under us: the next scan sees it
    const data = buffer.subarray(0, carried + bytesRead);
    const base = pos - carried;
    carried = 0;
    pos += bytesRead;
    let start = 0;
    if (skipping) {
      const newline = data.indexOf(10);
      if (newline < 0) {
        offset = pos;
        continue;
      }
      line += 1;
      skipping = false;
      sink.skipped(line, base + newline + 1);
      start = newline + 1;
    }
    const found = isAscii(data)
      ? asciiLines(data.toString('latin1'), start, base, line, maxLine, sink)
      : utf8Lines(data, start, base, line, maxLine, sink);
    line += found.lines;
    start = found.next;
    offset = base + start;
    const rest = data.length - start;
    if (rest > maxLine) {
      sink.tooLong(line + 1, base + start);
      skipping = true;
      offset = pos;
    } else if (rest > 0) {
      buffer.copyWithin(0, start, data.length);
      carried = rest;
    }
  }
  return { offset, line, skipping };
}

/** Lines found in a chunk, and the index where its unfinished tail (if any) starts. */
interface Found {
  lines: number;
  next: number;
}

/**
 * Most queues are ASCII: then the chunk is decoded once, its lines are slices of that string, character
 * offsets are byte offsets, and the two bytes that make a line not plain are looked for once per chunk:
 * each search is made again, from the current line, only once a line has passed its last hit, so each
 * costs one pass over the chunk however many lines there are. (Multi-character searches — for `proto`,
 * say — cost several times a single-character one: what they would find is checked after parsing.)
 */
function asciiLines(
  text: string,
  start: number,
  base: number,
  line: number,
  maxLine: number,
  sink: ScanSink,
): Found {
  const first = line;
  const length = text.length;
  let backslash = -1;
  let del = -1;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return { lines: line - first, next: start };
    line += 1;
    if (newline - start > maxLine) {
      sink.tooLong(line, base + start);
      sink.skipped(line, base + newline + 1);
    } else {
      const stop = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      if (backslash < start) backslash = after(text.indexOf('\\', start), length);
      if (del < start) del = after(text.indexOf('\x7f', start), length);
      const plain = text.charCodeAt(start) === 123 && backslash >= stop && del >= stop;
      sink.line(text.slice(start, stop), line, base + newline + 1, plain ? LINE_PLAIN : LINE_CHECK);
    }
    start = newline + 1;
  }
}

/** Any other chunk: each line is decoded (and checked) on its own, and none is plain. */
function utf8Lines(
  data: Buffer,
  start: number,
  base: number,
  line: number,
  maxLine: number,
  sink: ScanSink,
): Found {
  const first = line;
  for (;;) {
    const newline = data.indexOf(10, start);
    if (newline < 0) return { lines: line - first, next: start };
    line += 1;
    if (newline - start > maxLine) {
      sink.tooLong(line, base + start);
      sink.skipped(line, base + newline + 1);
    } else {
      const stop = newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
      const text = data.toString('utf8', start, stop);
      const invalid = text.includes('\uFFFD') && !isUtf8(data.subarray(start, stop));
      sink.line(text, line, base + newline + 1, invalid ? LINE_BAD_UTF8 : LINE_CHECK);
    }
    start = newline + 1;
  }
}

/** A search's hit, or `length` (past every line) when there is none. */
function after(index: number, length: number): number {
  return index < 0 ? length : index;
}
