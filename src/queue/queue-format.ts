/**
 * Which of the three layouts a queue file has, and the small reads that tell: see `QueueReader`. Detection
 * looks at the first 64 KiB only, so it costs the same for a queue of ten tasks or of a million.
 */
import type { FileHandle } from 'node:fs/promises';
import type { QueueFormat } from './types.ts';

const SAMPLE_BYTES = 64 * 1024;
const BOM: readonly number[] = [0xef, 0xbb, 0xbf];

/** Whether `bytes` open with the UTF-8 byte-order mark (3 bytes, which readers skip). */
export function startsWithBom(bytes: Uint8Array): boolean {
  return BOM.every((byte, i) => bytes[i] === byte);
}

/**
 * `[` → an array; a first line that parses as a `{ "tasks": [...] }` wrapper with nothing after it, is `{`
 * alone, or opens `{"tasks":` → an object document; anything else → NDJSON. Undefined while the file holds
 * nothing but whitespace.
 */
export async function detectFormat(file: FileHandle, size: number): Promise<QueueFormat | undefined> {
  let sample = await readAt(file, 0, Math.min(SAMPLE_BYTES, size));
  const whole = sample.length === size;
  if (startsWithBom(sample)) sample = sample.subarray(3);
  const text = sample.toString('utf8');
  const trimmed = text.trimStart();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('[')) return 'json-array';
  if (!trimmed.startsWith('{')) return 'ndjson';
  const newline = trimmed.indexOf('\n');
  const first = newline < 0 ? trimmed : trimmed.slice(0, newline);
  try {
    const value: unknown = JSON.parse(first);
    const wrapper =
      value !== null && typeof value === 'object' && Array.isArray((value as { tasks?: unknown }).tasks);
    const rest = newline < 0 ? '' : trimmed.slice(newline + 1);
    return wrapper && rest.trim() === '' && whole ? 'json-object' : 'ndjson';
  } catch {
    return /^\{\s*(?:"tasks"\s*:[\s\S]*)?$/.test(first.trim()) ? 'json-object' : 'ndjson';
  }
}

/** Up to `length` bytes from `position` (fewer at the end of the file). */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
