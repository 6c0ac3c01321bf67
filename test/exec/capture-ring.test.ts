/**
 * The capture's fixed buffers (a growing head, a tail ring) against the plain definition — first half of the
 * bound, last half, cut on character boundaries — over random output split into random reads, fed from one
 * reused read buffer as the runner does.
 */
import { describe, expect, it } from 'vitest';
import {
  HeadTailCapture,
  utf8PrefixEnd,
  utf8SuffixStart,
  type CapturedParts,
} from '../../src/exec/capture.ts';
import { createSeededRandom } from '../../src/sim/modes.ts';

/** What the capture must return for `all`, computed the obvious way. */
function expected(all: Buffer, maxBytes: number): CapturedParts {
  const headLimit = Math.ceil(maxBytes / 2);
  const tailLimit = maxBytes - headLimit;
  const head = all.subarray(0, headLimit);
  const rest = all.subarray(head.length);
  const tail = rest.subarray(Math.max(0, rest.length - tailLimit));
  if (head.length + tail.length === all.length) {
    return { head: all.toString('utf8'), tail: '', omittedBytes: 0, totalBytes: all.length };
  }
  const keptHead = head.subarray(0, utf8PrefixEnd(head));
  const keptTail = tail.subarray(utf8SuffixStart(tail));
  return {
    head: keptHead.toString('utf8'),
    tail: keptTail.toString('utf8'),
    omittedBytes: all.length - keptHead.length - keptTail.length,
    totalBytes: all.length,
  };
}

const ALPHABET = ['a', 'b', '\n', 'é', '€', '😀'];

describe('HeadTailCapture buffers', () => {
  it('match the definition for random output, bounds and read sizes, from a reused read buffer', () => {
    const random = createSeededRandom(20_240_601);
    const int = (n: number): number => Math.floor(random() * n);
    const readBuffer = Buffer.alloc(4096);
    for (let trial = 0; trial < 400; trial++) {
      const maxBytes = [0, 1, 2, 3, 7, 64, 100, 1000][int(8)]!;
      const chars = Array.from({ length: int(trial % 10 === 0 ? 20_000 : 600) }, () => ALPHABET[int(6)]);
      const all = Buffer.from(chars.join(''));
      const capture = new HeadTailCapture(maxBytes);
      for (let at = 0; at < all.length;) {
        // Reads of any size, often cutting a character in two, sometimes larger than the whole bound.
        const size = Math.min(all.length - at, 1 + int(random() < 0.1 ? 3000 : 40));
        const offset = int(readBuffer.length - size);
        all.copy(readBuffer, offset, at, at + size);
        capture.push(readBuffer, offset, offset + size);
        readBuffer.fill(0xff); // the next read overwrites it: the capture must have copied
        at += size;
      }
      expect(capture.parts(), `trial ${trial}, bound ${maxBytes}, ${all.length} bytes`).toEqual(
        expected(all, maxBytes),
      );
    }
  });

  it('keep at most the bound, however much arrives', () => {
    const capture = new HeadTailCapture(64 * 1024);
    const read = Buffer.alloc(65_536, 'x');
    for (let i = 0; i < 1000; i++) capture.push(read, 0, 1 + ((i * 7919) % read.length));
    const parts = capture.parts();
    expect(Buffer.byteLength(parts.head) + Buffer.byteLength(parts.tail)).toBe(64 * 1024);
    expect(parts.omittedBytes + 64 * 1024).toBe(capture.totalBytes);
  });

  it('accept a whole Buffer as before', () => {
    const capture = new HeadTailCapture(8);
    capture.push(Buffer.from('abcdefghij'));
    capture.push(Buffer.from('klmnop'));
    expect(capture.parts()).toEqual({ head: 'abcd', tail: 'mnop', omittedBytes: 8, totalBytes: 16 });
  });
});
