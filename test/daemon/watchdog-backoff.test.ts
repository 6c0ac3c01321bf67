/** The restart arithmetic on its own: doubling, the cap, the reset after a healthy run. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, failuresAfterExit, restartDelay } from '../../src/daemon/watchdog-backoff.ts';

describe('watchdog backoff', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 100, 5_000].map((n) => restartDelay(n, DEFAULT_BACKOFF));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('follows a custom policy', () => {
    const policy = { initialMs: 250, maxMs: 1_000, resetAfterMs: 5_000 };
    expect([1, 2, 3, 4].map((n) => restartDelay(n, policy))).toEqual([250, 500, 1_000, 1_000]);
  });

  it('counts on while a child keeps dying young, and starts over after 60 s of health', () => {
    expect(failuresAfterExit(0, 0, DEFAULT_BACKOFF)).toBe(1);
    expect(failuresAfterExit(3, 59_999, DEFAULT_BACKOFF)).toBe(4);
    expect(failuresAfterExit(7, 60_000, DEFAULT_BACKOFF)).toBe(1);
  });
});
