/**
 * Bounded capture of one output stream: the first half of the bound and the last half, whatever the command
 * prints. A test suite that prints 100 MB costs 64 KiB here, and both ends survive: the head usually says what
 * ran, the tail usually says what went wrong.
 */

/** The line put where the middle of a stream was dropped. */
export function omittedMarker(bytes: number): string {
  return `\n…[${bytes} bytes omitted]…\n`;
}

export interface CapturedParts {
  head: string;
  /** Empty unless the stream overflowed the head. */
  tail: string;
  /** Bytes dropped between head and tail (including the bytes of a character cut in two). */
  omittedBytes: number;
  totalBytes: number;
}

// The smallest head buffer: it doubles as output arrives, up to the head's half of the bound, so a command
// that prints a line does not cost a caller's whole (possibly raised) bound.
const MIN_HEAD_BYTES = 4096;

/**
 * Fixed memory whatever the command prints: the head is a buffer that grows (doubling) to at most half the
 * bound, the tail a ring of the other half, allocated once the head is full. Bytes are copied in as they
 * arrive and stay bytes until `parts()`, which decodes them once. So `push` never allocates after the first
 * bound's worth of output, and a caller may hand in a buffer it reuses for the next read.
 */
export class HeadTailCapture {
  totalBytes = 0;
  readonly #headLimit: number;
  readonly #tailLimit: number;
  #head: Buffer | undefined;
  #headLength = 0;
  #tail: Buffer | undefined;
  /** Where the oldest kept tail byte is in the ring; non-zero only once the ring has wrapped. */
  #tailStart = 0;
  #tailLength = 0;

  constructor(maxBytes: number) {
    this.#headLimit = Math.ceil(Math.max(0, maxBytes) / 2);
    this.#tailLimit = Math.max(0, maxBytes) - this.#headLimit;
  }

  /** Copies `chunk[start, end)`; the caller may reuse `chunk` at once. */
  push(chunk: Uint8Array, start = 0, end = chunk.length): void {
    this.totalBytes += end - start;
    if (this.#headLength < this.#headLimit && start < end) {
      const take = Math.min(this.#headLimit - this.#headLength, end - start);
      const head = this.#headRoom(this.#headLength + take);
      head.set(chunk.subarray(start, start + take), this.#headLength);
      this.#headLength += take;
      start += take;
    }
    if (start < end) this.#pushTail(chunk, start, end);
  }

  /** The head buffer, grown if needed to hold `length` bytes. */
  #headRoom(length: number): Buffer {
    if (this.#head !== undefined && this.#head.length >= length) return this.#head;
    let size = Math.max(MIN_HEAD_BYTES, this.#head?.length ?? 0);
    while (size < length) size *= 2;
    const grown = Buffer.allocUnsafe(Math.min(size, this.#headLimit));
    this.#head?.copy(grown, 0, 0, this.#headLength);
    this.#head = grown;
    return grown;
  }

  #pushTail(chunk: Uint8Array, start: number, end: number): void {
    const limit = this.#tailLimit;
    if (limit === 0) return;
    const ring = (this.#tail ??= Buffer.allocUnsafe(limit));
    if (end - start >= limit) {
      ring.set(chunk.subarray(end - limit, end), 0);
      this.#tailStart = 0;
      this.#tailLength = limit;
      return;
    }
    // Write after the newest byte, wrapping once at most (the data is shorter than the ring).
    const at = (this.#tailStart + this.#tailLength) % limit;
    const first = Math.min(end - start, limit - at);
    ring.set(chunk.subarray(start, start + first), at);
    ring.set(chunk.subarray(start + first, end), 0);
    this.#tailLength += end - start;
    if (this.#tailLength > limit) {
      this.#tailStart = (this.#tailStart + this.#tailLength - limit) % limit;
      this.#tailLength = limit;
    }
  }

  /** The last `tailLimit` bytes at most, oldest first. */
  #tailBuffer(): Buffer {
    const ring = this.#tail;
    if (ring === undefined) return Buffer.alloc(0);
    const end = this.#tailStart + this.#tailLength;
    if (end <= ring.length) return ring.subarray(this.#tailStart, end);
    return Buffer.concat([ring.subarray(this.#tailStart), ring.subarray(0, end - ring.length)]);
  }

  parts(): CapturedParts {
    const head = this.#head?.subarray(0, this.#headLength) ?? Buffer.alloc(0);
    const tail = this.#tailBuffer();
    if (head.length + tail.length === this.totalBytes) {
      return {
        head: Buffer.concat([head, tail]).toString('utf8'),
        tail: '',
        omittedBytes: 0,
        totalBytes: this.totalBytes,
      };
    }
    const keptHead = head.subarray(0, utf8PrefixEnd(head));
    const keptTail = tail.subarray(utf8SuffixStart(tail));
    return {
      head: keptHead.toString('utf8'),
      tail: keptTail.toString('utf8'),
      omittedBytes: this.totalBytes - keptHead.length - keptTail.length,
      totalBytes: this.totalBytes,
    };
  }
}

/** Where to cut `bytes` so that it does not end inside a UTF-8 sequence. */
export function utf8PrefixEnd(bytes: Buffer): number {
  // Look back at most 3 bytes for the lead byte of the last sequence.
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + needed <= bytes.length ? bytes.length : i;
  }
  return bytes.length;
}

/** Where to start `bytes` so that it does not begin inside a UTF-8 sequence. */
export function utf8SuffixStart(bytes: Buffer): number {
  let start = 0;
  while (start < Math.min(3, bytes.length) && (bytes[start]! & 0xc0) === 0x80) start++;
  return start;
}

/**
 * The last `maxBytes` bytes of `text` (UTF-8), marker included, cut on a character boundary. `droppedBefore`
 * counts bytes already dropped upstream, so the marker reports what is really missing.
 */
export function tailOfText(text: string, maxBytes: number, droppedBefore = 0): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  // The marker's own length depends on the count; size it for the largest count it could show.
  const room = Math.max(0, maxBytes - Buffer.byteLength(omittedMarker(bytes.length + droppedBefore)));
  const cut = bytes.subarray(bytes.length - room);
  const kept = cut.subarray(utf8SuffixStart(cut));
  return omittedMarker(bytes.length - kept.length + droppedBefore).trimStart() + kept.toString('utf8');
}

/** The first `maxBytes` bytes of `text` (UTF-8), marker included, cut on a character boundary. */
export function headOfText(text: string, maxBytes: number, droppedAfter = 0): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  const room = Math.max(0, maxBytes - Buffer.byteLength(omittedMarker(bytes.length + droppedAfter)));
  const cut = bytes.subarray(0, room);
  const kept = cut.subarray(0, utf8PrefixEnd(cut));
  return kept.toString('utf8') + omittedMarker(bytes.length - kept.length + droppedAfter).trimEnd();
}
