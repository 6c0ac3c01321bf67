/** The pure pieces under the wire shapes: splitting content into chunks, and the seeded PRNG. */
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../src/sim/modes.ts';
import { splitPieces } from '../../src/sim/openai-responses.ts';

describe('splitPieces', () => {
  it('splits into at most the asked number of pieces that join back to the text', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    const pieces = splitPieces(text, 8);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.length).toBeLessThanOrEqual(8);
    expect(pieces.join('')).toBe(text);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = '🙂'.repeat(9);
    // 18 code units in pieces of 3: every other boundary falls inside an emoji.
    for (const piece of splitPieces(text, 8, 1)) expect(piece.isWellFormed()).toBe(true);
    expect(splitPieces(text, 8, 1).join('')).toBe(text);
  });

  it('gives one empty piece for empty text', () => {
    expect(splitPieces('', 8)).toEqual(['']);
  });
});

describe('createSeededRandom', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const draw = (seed: number): number[] => Array.from({ length: 50 }, createSeededRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const value of draw(3)) expect(value >= 0 && value < 1).toBe(true);
  });
});
