/** The bounded capture on its own: head and tail, the marker, UTF-8 cut points, the text helpers. */
import { describe, expect, it } from 'vitest';
import {
  HeadTailCapture,
  headOfText,
  tailOfText,
  utf8PrefixEnd,
  utf8SuffixStart,
} from '../../src/exec/capture.ts';

function capture(max: number, chunks: (string | Buffer)[]): HeadTailCapture {
  const c = new HeadTailCapture(max);
  for (const chunk of chunks) c.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return c;
}

describe('HeadTailCapture', () => {
  it('keeps everything that fits, with no marker', () => {
    const parts = capture(20, ['hello ', 'world']).parts();
    expect(parts).toEqual({ head: 'hello world', tail: '', omittedBytes: 0, totalBytes: 11 });
  });

  it('keeps exactly the bound when the output is exactly the bound', () => {
    const parts = capture(10, ['0123456789']).parts();
    expect(parts).toMatchObject({ head: '0123456789', omittedBytes: 0 });
  });

  it('keeps head and tail and counts what it dropped, across many small chunks', () => {
    const text = Array.from({ length: 1000 }, (_, i) => String(i % 10)).join('');
    const c = capture(
      20,
      [...text].map((ch) => ch),
    );
    const parts = c.parts();
    expect(parts.head).toBe(text.slice(0, 10));
    expect(parts.tail).toBe(text.slice(-10));
    expect(parts.omittedBytes).toBe(980);
    expect(parts.totalBytes).toBe(1000);
  });

  it('handles a single chunk larger than the whole bound', () => {
    const parts = capture(8, ['abcdefghijklmnopqrstuvwxyz']).parts();
    expect(parts).toMatchObject({ head: 'abcd', tail: 'wxyz', omittedBytes: 18, totalBytes: 26 });
  });

  it('never splits a character at the cut points', () => {
    // "é" is 2 bytes, "€" 3, "😀" 4: put them across both cut points.
    const text = `ab€${'x'.repeat(50)}😀yz`;
    const parts = capture(8, [Buffer.from(text)]).parts();
    expect(parts.head).toBe('ab'); // "ab" + 2 of the 3 bytes of "€": the partial character is dropped
    expect(parts.tail).toBe('yz'); // 2 of the 4 bytes of "😀" + "yz": the partial character is dropped
    expect(parts.head + parts.tail).not.toContain('\uFFFD');
    expect(parts.omittedBytes).toBe(Buffer.byteLength(text) - 4);
  });
});

describe('utf8 cut points', () => {
  it('finds complete sequences', () => {
    expect(utf8PrefixEnd(Buffer.from('a€'))).toBe(4);
    expect(utf8PrefixEnd(Buffer.from('a€').subarray(0, 3))).toBe(1);
    expect(utf8SuffixStart(Buffer.from('€a').subarray(1))).toBe(2);
    expect(utf8SuffixStart(Buffer.from('abc'))).toBe(0);
  });
});

describe('headOfText / tailOfText', () => {
  it('leave short text alone', () => {
    expect(tailOfText('short', 100)).toBe('short');
    expect(headOfText('short', 100)).toBe('short');
  });

  it('stay within the byte bound, marker included, and say how much is missing', () => {
    const text = `${'a'.repeat(5000)}€${'b'.repeat(5000)}`;
    const tail = tailOfText(text, 1000);
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(1000);
    expect(tail.endsWith('b'.repeat(900))).toBe(true);
    expect(tail).toMatch(/^…\[\d+ bytes omitted\]…\n/);
    const head = headOfText(text, 1000);
    expect(Buffer.byteLength(head)).toBeLessThanOrEqual(1000);
    expect(head.startsWith('a'.repeat(900))).toBe(true);
    const omitted = Number(/\[(\d+) bytes omitted\]/.exec(head)![1]);
    expect(omitted + Buffer.byteLength(head.split('\n')[0]!)).toBe(Buffer.byteLength(text));
  });
});
