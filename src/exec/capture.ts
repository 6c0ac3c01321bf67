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

// Tail chunks are copies, so a kept slice never pins a large read buffer; many tiny chunks are merged now
// and then so that the bookkeeping stays bounded too.
const MAX_TAIL_CHUNKS = 256;

export class HeadTailCapture {
  totalBytes = 0;
  readonly #headLimit: number;
  readonly #tailLimit: number;
  readonly #head: Buffer[] = [];
  #headLength = 0;
  #tail: Buffer[] = [];
  #tailLength = 0;

  constructor(maxBytes: number) {
    this.#headLimit = Math.ceil(Math.max(0, maxBytes) / 2);
    this.#tailLimit = Math.max(0, maxBytes) - this.#headLimit;
  }

  push(chunk: Buffer): void {
    this.totalBytes += chunk.length;
    let rest = chunk;
    if (this.#headLength < this.#headLimit) {
      const take = Math.min(this.#headLimit - this.#headLength, rest.length);
      this.#head.push(Buffer.from(rest.subarray(0, take)));
      this.#headLength += take;
      rest = rest.subarray(take);
    }
    if (rest.length > 0) this.#pushTail(rest);
  }

  #pushTail(data: Buffer): void {
    if (this.#tailLimit === 0) return;
    if (data.length >= this.#tailLimit) {
      this.#tail = [Buffer.from(data.subarray(data.length - this.#tailLimit))];
      this.#tailLength = this.#tailLimit;
      return;
    }
    this.#tail.push(Buffer.from(data));
    this.#tailLength += data.length;
    while (this.#tailLength - this.#tail[0]!.length >= this.#tailLimit) {
      this.#tailLength -= this.#tail.shift()!.length;
    }
    if (this.#tail.length > MAX_TAIL_CHUNKS) this.#tail = [this.#tailBuffer()];
  }

  /** The last `tailLimit` bytes at most (the first kept chunk may start earlier). */
  #tailBuffer(): Buffer {
    const all = Buffer.concat(this.#tail);
    const excess = Math.max(0, all.length - this.#tailLimit);
    return excess === 0 ? all : all.subarray(excess);
  }

  parts(): CapturedParts {
    const head = Buffer.concat(this.#head);
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
