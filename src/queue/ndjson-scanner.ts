/**
 * Lines of an NDJSON file that grows while it is read, from a byte offset on: complete lines are handed
 * out, a last line without its newline is left for the next scan (the producer is still writing it), and
 * a line longer than `maxLineBytes` is reported once and skipped up to its newline without ever being held
 * in memory whole — not even across scans, if its newline has not been written yet.
 *
 * Pure bookkeeping over a file handle: no parsing, no events. The reader decides what a line means.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

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
   * included). `invalidUtf8`: its bytes are not UTF-8 (the text then carries U+FFFD in their place).
   */
  line(text: string, lineNo: number, end: number, invalidUtf8: boolean): void;
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
  const chunk = Buffer.allocUnsafe(Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  let { offset, line, skipping } = position;
  // Bytes of the current (unfinished) line carried over from the previous chunk; never more than maxLine.
  let carry: Buffer | undefined;
  let pos = offset;
  while (pos < size) {
    const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, size - pos), pos);
    if (bytesRead === 0) break; // the file shrank under us: the next scan sees it
    const data = carry ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    const base = pos - (carry?.length ?? 0);
    carry = undefined;
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
      offset = base + start;
    }
    // Most queues are ASCII: then the chunk is decoded once, its lines are slices of that string and
    // character offsets are byte offsets. Otherwise each line is decoded on its own.
    const ascii = isAscii(data) ? data.toString('latin1') : undefined;
    for (;;) {
      const newline = ascii !== undefined ? ascii.indexOf('\n', start) : data.indexOf(10, start);
      if (newline < 0) {
        const rest = data.length - start;
        if (rest > maxLine) {
          sink.tooLong(line + 1, base + start);
          skipping = true;
          offset = pos;
        } else if (rest > 0) {
          // A copy: `chunk` is overwritten by the next read.
          carry = Buffer.from(data.subarray(start));
        }
        break;
      }
      line += 1;
      if (newline - start > maxLine) {
        sink.tooLong(line, base + start);
        sink.skipped(line, base + newline + 1);
      } else {
        const stop = newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
        if (ascii !== undefined) {
          sink.line(ascii.slice(start, stop), line, base + newline + 1, false);
        } else {
          const text = data.toString('utf8', start, stop);
          const invalid = text.includes('\uFFFD') && !isUtf8(data.subarray(start, stop));
          sink.line(text, line, base + newline + 1, invalid);
        }
      }
      start = newline + 1;
      offset = base + start;
    }
  }
  return { offset, line, skipping };
}
