/** Body and title bounds: the marker is always kept, last and once. */
import { describe, expect, it } from 'vitest';
import {
  boundBody,
  boundTitle,
  closingMarker,
  MAX_BODY_CHARS,
} from '../../src/github/effects/effects-body.ts';
import { effectMarker } from '../../src/run/effects.ts';

const marker = effectMarker('run-1', 'recovery');

describe('boundBody', () => {
  it('leaves a body that fits as it is, with the marker once at the end', () => {
    expect(boundBody(`hello\n\n${marker}`, marker)).toEqual({ text: `hello\n\n${marker}`, dropped: 0 });
    expect(boundBody('hello', marker).text).toBe(`hello\n\n${marker}`);
    expect(boundBody(`${marker}\nhello\n${marker}`, marker).text).toBe(`\nhello\n\n${marker}`);
    expect(boundBody('', marker).text).toBe(marker);
  });

  it('cuts a long body to the limit with a note and keeps the marker last', () => {
    for (const size of [MAX_BODY_CHARS - 10, MAX_BODY_CHARS, 70_000, 1_000_000]) {
      const { text, dropped } = boundBody(`${'a'.repeat(size)}\n\n${marker}`, marker);
      expect(text.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
      expect(text.endsWith(`\n\n${marker}`)).toBe(true);
      expect(text.indexOf(marker)).toBe(text.length - marker.length);
      expect(dropped).toBe(size - (text.match(/^a*/)?.[0].length ?? 0));
      if (dropped > 0) expect(text).toContain(`${dropped} more characters not shown`);
    }
  });

  it('closes a code fence the cut left open and never splits a surrogate pair', () => {
    const fenced = boundBody(`intro\n\`\`\`\n${'x'.repeat(80_000)}`, marker, undefined, 1_000);
    expect(fenced.text.length).toBeLessThanOrEqual(1_000);
    expect(fenced.text.split('\n').filter((l) => l.startsWith('```'))).toHaveLength(2);

    const emoji = boundBody('😀'.repeat(2_000), marker, undefined, 1_001);
    const kept = emoji.text.slice(0, emoji.text.indexOf('\n'));
    expect(kept.length % 2).toBe(0);
    expect(emoji.text.isWellFormed()).toBe(true);
  });

  it('redacts the body but not the marker', () => {
    const redact = (t: string): string => t.replaceAll('secret', '[REDACTED]').replaceAll('keel', 'XXXX');
    const { text } = boundBody(`a secret\n\n${marker}`, marker, redact);
    expect(text).toBe(`a [REDACTED]\n\n${marker}`);
  });
});

describe('boundTitle and closingMarker', () => {
  it('makes titles one line within 256 characters', () => {
    expect(boundTitle('a\nb  c')).toBe('a b c');
    expect(boundTitle('t'.repeat(300))).toHaveLength(256);
    expect(boundTitle('   ')).toBe('keel');
  });

  it('derives a different marker for the closing comment', () => {
    const closing = closingMarker(marker);
    expect(closing).toBe('<!-- keel:run=run-1 step=recovery closing -->');
    expect(closing.includes(marker)).toBe(false);
  });
});
