import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/base/clock.ts';
import { BreakerBoard, type BreakerTransition } from '../../src/fleet/circuit-breaker.ts';
import { fail, ok } from '../helpers/outcomes.ts';

const policy = { failureThreshold: 5, resetTimeoutMs: 60_000, windowMs: 300_000 };

describe('circuit breaker (5 failures in 5 min → open, half-open after 60 s)', () => {
  let transitions: BreakerTransition[];
  let board: BreakerBoard;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') });
    transitions = [];
    board = new BreakerBoard(policy, systemClock, (t) => transitions.push(t));
  });
  afterEach(() => {
    board.close();
    vi.useRealTimers();
  });

  const failOnce = async (key = 'a/m', kind: Parameters<typeof fail>[0] = 'server_error') =>
    board.get(key).run(async () => fail(kind));

  it('stays closed (monitoring) through four failures and opens on the fifth', async () => {
    const breaker = board.get('a/m');
    for (let i = 1; i <= 4; i++) {
      await failOnce();
      expect(breaker.state()).toBe('closed');
      expect(breaker.failuresInWindow()).toBe(i);
      expect(breaker.admits()).toBe(true);
    }
    await failOnce();
    expect(breaker.state()).toBe('open');
    expect(breaker.admits()).toBe(false);
    expect(transitions).toEqual([{ key: 'a/m', to: 'open', failures: 5 }]);
  });

  it('half-opens after exactly resetTimeoutMs and admits a single trial', async () => {
    for (let i = 0; i < 5; i++) await failOnce();
    const breaker = board.get('a/m');
    expect(breaker.halfOpensAt()).toBe(Date.now() + 60_000);
    vi.advanceTimersByTime(59_999);
    expect(breaker.state()).toBe('open');
    vi.advanceTimersByTime(1);
    expect(breaker.state()).toBe('halfOpen');
    expect(breaker.admits()).toBe(true);

    let release!: () => void;
    const trial = breaker.run(
      () =>
        new Promise((resolve) => {
          release = () => resolve(ok());
        }),
    );
    // The trial is in flight: nobody else is let through.
    expect(breaker.admits()).toBe(false);
    release();
    await expect(trial).resolves.toMatchObject({ ok: true });
    expect(breaker.state()).toBe('closed');
    expect(breaker.failuresInWindow()).toBe(0);
    expect(transitions.map((t) => t.to)).toEqual(['open', 'halfOpen', 'closed']);
  });

  it('re-opens when the half-open trial fails, for another full reset timeout', async () => {
    for (let i = 0; i < 5; i++) await failOnce();
    vi.advanceTimersByTime(60_000);
    await failOnce();
    const breaker = board.get('a/m');
    expect(breaker.state()).toBe('open');
    vi.advanceTimersByTime(59_000);
    expect(breaker.state()).toBe('open');
    vi.advanceTimersByTime(1_000);
    expect(breaker.state()).toBe('halfOpen');
  });

  it('re-opens when the half-open trial is aborted: an abort proves nothing', async () => {
    for (let i = 0; i < 5; i++) await failOnce();
    vi.advanceTimersByTime(60_000);
    await failOnce('a/m', 'aborted');
    expect(board.get('a/m').state()).toBe('open');
  });

  it('forgets failures older than the window', async () => {
    const breaker = board.get('a/m');
    for (let i = 0; i < 4; i++) await failOnce();
    vi.advanceTimersByTime(300_001);
    expect(breaker.failuresInWindow()).toBe(0);
    await failOnce();
    expect(breaker.state()).toBe('closed');
    expect(breaker.failuresInWindow()).toBe(1);
  });

  it('does not count throttling, context-length, auth, 404 or bad requests', async () => {
    for (const kind of [
      'rate_limited',
      'context_length',
      'auth',
      'model_not_found',
      'client_error',
    ] as const) {
      for (let i = 0; i < 5; i++) await failOnce('a/m', kind);
    }
    expect(board.get('a/m').state()).toBe('closed');
    expect(board.get('a/m').failuresInWindow()).toBe(0);
  });

  it('keeps one breaker per endpoint+model', async () => {
    for (let i = 0; i < 5; i++) await failOnce('a/m1');
    expect(board.get('a/m1').state()).toBe('open');
    expect(board.get('a/m2').state()).toBe('closed');
  });

  it('rejects without calling when open', async () => {
    for (let i = 0; i < 5; i++) await failOnce();
    const call = vi.fn(async () => ok());
    await expect(board.get('a/m').run(call)).resolves.toBe('rejected');
    expect(call).not.toHaveBeenCalled();
  });

  describe('export and restore with wall-clock times', () => {
    it('restores an open breaker with the remaining time, not a fresh minute', async () => {
      for (let i = 0; i < 5; i++) await failOnce();
      vi.advanceTimersByTime(20_000);
      const saved = board.snapshot();
      expect(saved['a/m']).toMatchObject({ state: 'open', openedAt: Date.now() - 20_000 });
      board.close();

      board = new BreakerBoard(policy, systemClock, (t) => transitions.push(t), saved);
      const restored = board.get('a/m');
      expect(restored.state()).toBe('open');
      expect(restored.failuresInWindow()).toBe(5);
      vi.advanceTimersByTime(39_999);
      expect(restored.state()).toBe('open');
      vi.advanceTimersByTime(1);
      expect(restored.state()).toBe('halfOpen');
    });

    it('restores a breaker open for longer than the reset timeout as half-open', async () => {
      for (let i = 0; i < 5; i++) await failOnce();
      const saved = board.snapshot();
      board.close();
      vi.setSystemTime(Date.now() + 3_600_000); // the next scheduled run, an hour later
      board = new BreakerBoard(policy, systemClock, () => undefined, saved);
      expect(board.get('a/m').state()).toBe('halfOpen');
      expect(board.get('a/m').admits()).toBe(true);
    });

    it('restores monitoring failures still inside the window and drops older ones', async () => {
      await failOnce();
      vi.advanceTimersByTime(200_000);
      await failOnce();
      await failOnce();
      const saved = board.snapshot();
      board.close();
      vi.advanceTimersByTime(150_000); // the first failure is now 350 s old
      board = new BreakerBoard(policy, systemClock, () => undefined, saved);
      expect(board.get('a/m').failuresInWindow()).toBe(2);
      expect(board.get('a/m').state()).toBe('closed');
    });

    it('leaves healthy breakers out of the snapshot', async () => {
      await board.get('a/m').run(async () => ok());
      expect(board.snapshot()).toEqual({});
    });
  });
});
