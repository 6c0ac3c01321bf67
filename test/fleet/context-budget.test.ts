import { describe, expect, it } from 'vitest';
import { estimatePromptTokens, fitMaxTokens } from '../../src/fleet/context-budget.ts';
import { mulberry32 } from '../config/helpers.ts';

describe('estimatePromptTokens', () => {
  it('is zero for no messages', () => {
    expect(estimatePromptTokens([])).toBe(0);
  });

  it('charges ceil(ascii / 3.5), 4 per message and 3 for the reply', () => {
    expect(estimatePromptTokens([{ content: '' }])).toBe(0 + 4 + 3);
    expect(estimatePromptTokens([{ content: 'a'.repeat(7) }])).toBe(2 + 4 + 3);
    expect(estimatePromptTokens([{ content: 'a'.repeat(8) }])).toBe(3 + 4 + 3);
    // The characters of all messages are pooled before rounding up.
    expect(estimatePromptTokens([{ content: 'abc' }, { content: 'defg' }])).toBe(2 + 8 + 3);
  });

  it('counts every non-ASCII character as a whole token', () => {
    expect(estimatePromptTokens([{ content: '日本語のテキスト' }])).toBe(8 + 4 + 3);
    // One emoji is one code point here, not two UTF-16 units.
    expect(estimatePromptTokens([{ content: 'ok 👍' }])).toBe(1 + 1 + 4 + 3);
  });

  it('counts code points as iterating the string does, lone surrogates included (seeded fuzz)', () => {
    const random = mulberry32(2026);
    // ASCII, Latin-1, CJK, both halves of a surrogate pair, and lone halves in any order.
    const alphabet = ['a', ' ', '\n', 'é', '日', '\ud83d', '\udc4d', '👍', '\udfff', '\ud800'];
    for (let trial = 0; trial < 500; trial++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      let ascii = 0;
      let other = 0;
      for (const char of text) {
        if (char.charCodeAt(0) < 0x80) ascii += 1;
        else other += 1;
      }
      expect(estimatePromptTokens([{ content: text }]), JSON.stringify(text)).toBe(
        Math.ceil(ascii / 3.5) + other + 4 + 3,
      );
    }
  });

  it('over-estimates typical English (about 4 characters per token)', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(100);
    expect(estimatePromptTokens([{ content: text }])).toBeGreaterThan(text.length / 4);
  });
});

describe('fitMaxTokens', () => {
  const base = { contextFraction: 0.95, minOutputTokens: 256 };

  it('gives floor(window × fraction) − prompt', () => {
    expect(fitMaxTokens({ ...base, window: 8192, promptTokens: 1000 })).toEqual({
      ok: true,
      maxTokens: 6782,
    });
  });

  it('is capped by the requested value, and not raised to it', () => {
    expect(fitMaxTokens({ ...base, window: 8192, promptTokens: 1000, requested: 512 })).toEqual({
      ok: true,
      maxTokens: 512,
    });
    expect(fitMaxTokens({ ...base, window: 8192, promptTokens: 1000, requested: 100_000 })).toEqual({
      ok: true,
      maxTokens: 6782,
    });
  });

  it('accepts exactly minOutputTokens of room and refuses one less', () => {
    // floor(1000 × 0.95) = 950; 950 − 694 = 256.
    expect(fitMaxTokens({ ...base, window: 1000, promptTokens: 694 })).toEqual({ ok: true, maxTokens: 256 });
    const refused = fitMaxTokens({ ...base, window: 1000, promptTokens: 695 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('fewer than the 256 required');
  });

  it('judges the room, not the requested cap, against minOutputTokens', () => {
    expect(fitMaxTokens({ ...base, window: 8192, promptTokens: 100, requested: 16 })).toEqual({
      ok: true,
      maxTokens: 16,
    });
  });

  it('refuses a prompt larger than the window without a negative count in the reason', () => {
    const result = fitMaxTokens({ ...base, window: 4096, promptTokens: 9000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/leaves 0 of 3891 usable tokens/);
  });

  it('does not lose a token to floating point', () => {
    // 100 × 0.29 is 28.999999999999996 in binary floating point.
    expect(fitMaxTokens({ window: 100, contextFraction: 0.29, promptTokens: 0, minOutputTokens: 1 })).toEqual(
      {
        ok: true,
        maxTokens: 29,
      },
    );
  });

  it('uses the whole window with contextFraction 1', () => {
    expect(fitMaxTokens({ ...base, contextFraction: 1, window: 4096, promptTokens: 96 })).toEqual({
      ok: true,
      maxTokens: 4000,
    });
  });

  it('passes the requested value through when the window is unknown', () => {
    expect(fitMaxTokens({ ...base, window: undefined, promptTokens: 10_000_000, requested: 300 })).toEqual({
      ok: true,
      maxTokens: 300,
    });
    expect(fitMaxTokens({ ...base, window: undefined, promptTokens: 5 })).toEqual({
      ok: true,
      maxTokens: undefined,
    });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('treats a window of %s as unknown', (window) => {
    expect(fitMaxTokens({ ...base, window, promptTokens: 5, requested: 64 })).toEqual({
      ok: true,
      maxTokens: 64,
    });
  });

  it('ignores a requested value that is not a positive count, and floors fractions', () => {
    expect(fitMaxTokens({ ...base, window: 8192, promptTokens: 1000, requested: 0 })).toEqual({
      ok: true,
      maxTokens: 6782,
    });
    expect(fitMaxTokens({ ...base, window: 8192, promptTokens: 1000, requested: 300.9 })).toEqual({
      ok: true,
      maxTokens: 300,
    });
  });

  it('rounds a fractional prompt estimate up, and treats a negative one as zero', () => {
    expect(fitMaxTokens({ ...base, window: 1000, promptTokens: 100.2 })).toEqual({
      ok: true,
      maxTokens: 849,
    });
    expect(fitMaxTokens({ ...base, window: 1000, promptTokens: -50 })).toEqual({ ok: true, maxTokens: 950 });
  });
});
