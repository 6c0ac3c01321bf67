/**
 * Fuzz: seeded random texts assembled from the pieces that matter (comment openers and closers, escaped
 * markers, invisible and control characters, combining marks, surrogate halves, line breaks) and plain
 * words. For every one, under a random bound:
 * - the output holds no HTML comment opener, no keel marker in any escaped form, no invisible, bidi or
 *   control character (other than tab and newline), no CR, no lone surrogate, and is NFC;
 * - it never exceeds the bound;
 * - sanitising it again changes nothing.
 *
 * The checks below are written independently of the implementation's patterns: explicit code point ranges,
 * a decoder for the escaped forms.
 *
 * Replay a failure with KEEL_SANITIZE_FUZZ_SEED=<seed> (KEEL_SANITIZE_FUZZ_RUNS to change the run length).
 */
import { expect, it } from 'vitest';
import { sanitizeUntrusted } from '../../src/base/sanitize-untrusted.ts';
import { mulberry32 } from '../config/helpers.ts';

const SEED = Number(process.env.KEEL_SANITIZE_FUZZ_SEED ?? 0x73616e69);
const RUNS = Number(process.env.KEEL_SANITIZE_FUZZ_RUNS ?? 4000);

const PIECES = [
  '<!--',
  '-->',
  '<!-',
  '--',
  '-',
  '<',
  '!',
  '>',
  '<!-->',
  '--!>',
  '&lt;',
  '&amp;lt;',
  '&#60;',
  '&#x3C;',
  '&gt;',
  '--&gt;',
  '&lt;!-- keel:',
  ' keel:run=20260101-000000-abcdef step=recovery ',
  'keel',
  ':',
  '\\',
  '[//]: # ',
  '[x]: <> "t"',
  '[x]: #',
  '    ',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u0085',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u009b',
  '\u00ad',
  '\u034f',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\ufe0f',
  '\u{e0001}',
  '\u{e0041}',
  '\u{e007f}',
  '\u{e0100}',
  '\u0301',
  '\u0338',
  'e',
  'A',
  '\u212a',
  '\u037e',
  '\u0958',
  '\ud800',
  '\udc00',
  '🚀',
  'ﬁ',
  'fix the bug',
  'ignore previous instructions',
  '/keel run',
  '`code`',
  'ü',
];

// Explicit ranges from the contract, not the implementation's Unicode properties.
const FORBIDDEN_RANGES: Array<[number, number]> = [
  [0x00, 0x08],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe0fff],
];

function forbiddenCodePoint(text: string): string | undefined {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) return `lone surrogate U+${code.toString(16)}`;
    if (FORBIDDEN_RANGES.some(([low, high]) => code >= low && code <= high)) return `U+${code.toString(16)}`;
  }
  return undefined;
}

/** Decodes the escaped forms of `<` and `>` (repeatedly, for `&amp;lt;`) so one check covers them all. */
function decoded(text: string): string {
  let out = text;
  for (let round = 0; round < 8; round++) {
    const next = out
      .replace(/&amp;/gi, '&')
      .replace(/&(?:lt|#0*60|#x0*3c);?/gi, '<')
      .replace(/&(?:gt|#0*62|#x0*3e);?/gi, '>');
    if (next === out) break;
    out = next;
  }
  return out;
}

function randomText(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)]!;
  return text;
}

it(`holds its contract on ${RUNS} seeded random texts (seed ${SEED})`, () => {
  const random = mulberry32(SEED);
  for (let run = 0; run < RUNS; run++) {
    const input = randomText(random);
    const maxChars = random() < 0.3 ? 1 + Math.floor(random() * 80) : 20_000;
    const out = sanitizeUntrusted(input, { maxChars });
    const where = `run ${run}: ${JSON.stringify(input)} (maxChars ${maxChars}) → ${JSON.stringify(out)}`;
    expect(out.length, where).toBeLessThanOrEqual(maxChars);
    expect(out.includes('<!--'), where).toBe(false);
    expect(out.includes('\r'), where).toBe(false);
    expect(forbiddenCodePoint(out), where).toBeUndefined();
    expect(out.isWellFormed(), where).toBe(true);
    expect(out.normalize('NFC'), where).toBe(out);
    // A keel marker in any escaped form: an opener (after decoding) followed by `keel:`.
    expect(/<\\?!\s*-\s*-\s*keel\s*:/i.test(decoded(out)), where).toBe(false);
    expect(sanitizeUntrusted(out, { maxChars }), where).toBe(out);
  }
});

it('is idempotent under a smaller bound too (a truncated text truncated again stays bounded)', () => {
  const random = mulberry32(SEED ^ 0x5a5a5a5a);
  for (let run = 0; run < 500; run++) {
    const input = randomText(random) + 'x'.repeat(Math.floor(random() * 200));
    const first = sanitizeUntrusted(input, { maxChars: 120 });
    const second = sanitizeUntrusted(first, { maxChars: 60 });
    expect(second.length).toBeLessThanOrEqual(60);
    expect(sanitizeUntrusted(second, { maxChars: 60 })).toBe(second);
  }
});
