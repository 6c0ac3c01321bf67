/**
 * What keel's breakers (src/fleet/circuit-breaker.ts) rely on opossum for, pinned against opossum itself:
 * an upgrade that changes any of it fails here, loudly, before it changes how keel fails over.
 */
import CircuitBreaker from 'opossum';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const RESET_MS = 60_000;

/** keel's options (circuit-breaker.ts): no timeout, no percentage trip, no latency snapshots. */
function breaker(state?: { closed: boolean; halfOpen: boolean }) {
  const options = {
    timeout: false as const,
    resetTimeout: RESET_MS,
    errorThresholdPercentage: 100,
    volumeThreshold: Number.MAX_SAFE_INTEGER,
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
    ...(state ? { state } : {}),
  };
  const events: string[] = [];
  const b = new CircuitBreaker(async (ok: boolean) => {
    if (!ok) throw new Error('failed');
    return 'fine';
  }, options);
  b.on('open', () => events.push('open'));
  b.on('halfOpen', () => events.push('halfOpen'));
  b.on('close', () => events.push('close'));
  return { b, events };
}

function code(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

describe('opossum, as keel uses it', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never trips on its own with errorThresholdPercentage 100 and an unreachable volume threshold', async () => {
    const { b } = breaker();
    for (let i = 0; i < 200; i++) await b.fire(false).catch(() => undefined);
    expect(b.closed).toBe(true);
    b.shutdown();
  });

  it('open() opens it at once, emits open, and a fire is refused with EOPENBREAKER', async () => {
    const { b, events } = breaker();
    b.open();
    expect([b.opened, b.closed, b.pendingClose]).toEqual([true, false, false]);
    expect(events).toEqual(['open']);
    expect(code(await b.fire(true).catch((e: unknown) => e))).toBe('EOPENBREAKER');
    b.shutdown();
  });

  it('half-opens exactly resetTimeout after opening, admitting one trial (pendingClose)', async () => {
    const { b, events } = breaker();
    b.open();
    await vi.advanceTimersByTimeAsync(RESET_MS - 1);
    expect(b.halfOpen).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect([b.halfOpen, b.pendingClose]).toEqual([true, true]);
    expect(events).toEqual(['open', 'halfOpen']);
    b.shutdown();
  });

  it('a trial in flight takes the one admission: a second fire meanwhile is refused', async () => {
    const { b } = breaker({ closed: false, halfOpen: true });
    const trial = b.fire(true);
    expect(b.pendingClose).toBe(false);
    expect(code(await b.fire(true).catch((e: unknown) => e))).toBe('EOPENBREAKER');
    await trial;
    b.shutdown();
  });

  it('restored half-open from options.state: a successful trial closes it', async () => {
    const { b, events } = breaker({ closed: false, halfOpen: true });
    expect([b.halfOpen, b.pendingClose, b.opened]).toEqual([true, true, false]);
    await expect(b.fire(true)).resolves.toBe('fine');
    expect(b.closed).toBe(true);
    expect(events).toEqual(['close']);
    b.shutdown();
  });

  it('a failed half-open trial opens it again for a full resetTimeout', async () => {
    const { b, events } = breaker({ closed: false, halfOpen: true });
    await b.fire(false).catch(() => undefined);
    expect(b.opened).toBe(true);
    await vi.advanceTimersByTimeAsync(RESET_MS - 1);
    expect(b.opened).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.halfOpen).toBe(true);
    expect(events).toEqual(['open', 'halfOpen']);
    b.shutdown();
  });
});
