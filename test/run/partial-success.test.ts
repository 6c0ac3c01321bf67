import { describe, expect, it } from 'vitest';
import { decideBatch, successRate } from '../../src/run/partial-success.ts';

const rule = { minSuccessRate: 0.5, maxBatchRetries: 1 };

describe('partial-success rule', () => {
  it('keeps a batch at or above the rate (2 of 3, 1 of 2)', () => {
    expect(decideBatch({ succeeded: 2, failed: 1, degraded: 0 }, 1, rule)).toEqual({
      decision: 'accepted',
      rate: 2 / 3,
    });
    expect(decideBatch({ succeeded: 1, failed: 1, degraded: 0 }, 1, rule)).toEqual({
      decision: 'accepted',
      rate: 0.5,
    });
  });

  it('discards and retries a batch below the rate while retries remain', () => {
    expect(decideBatch({ succeeded: 1, failed: 2, degraded: 0 }, 1, rule)).toMatchObject({
      decision: 'retry',
    });
  });

  it('gives up after the last retry when models answered but failed', () => {
    expect(decideBatch({ succeeded: 1, failed: 2, degraded: 0 }, 2, rule)).toMatchObject({
      decision: 'give-up',
    });
    expect(decideBatch({ succeeded: 0, failed: 1, degraded: 2 }, 2, rule)).toMatchObject({
      decision: 'give-up',
    });
  });

  it('finishes degraded when no coder model answered at all', () => {
    expect(decideBatch({ succeeded: 0, failed: 0, degraded: 3 }, 1, rule)).toMatchObject({
      decision: 'retry',
    });
    expect(decideBatch({ succeeded: 0, failed: 0, degraded: 3 }, 2, rule)).toMatchObject({
      decision: 'degraded',
    });
  });

  it('honours other thresholds and an empty batch', () => {
    const strict = { minSuccessRate: 1, maxBatchRetries: 0 };
    expect(decideBatch({ succeeded: 9, failed: 1, degraded: 0 }, 1, strict)).toMatchObject({
      decision: 'give-up',
    });
    expect(successRate({ succeeded: 0, failed: 0, degraded: 0 })).toBe(1);
    expect(decideBatch({ succeeded: 0, failed: 0, degraded: 0 }, 1, strict)).toMatchObject({
      decision: 'accepted',
    });
  });
});
