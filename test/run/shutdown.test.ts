import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installShutdown, ShutdownError, type Shutdown } from '../../src/run/shutdown.ts';

let shutdown: Shutdown | undefined;
afterEach(() => {
  shutdown?.dispose();
  shutdown = undefined;
  vi.useRealTimers();
});

describe('shutdown triggers', () => {
  it.each([
    ['SIGINT', 'SIGINT'],
    ['SIGTERM', 'SIGTERM'],
  ])('%s aborts the run signal with its reason', (event, kind) => {
    const events = new EventEmitter();
    shutdown = installShutdown({ events, heapStats: () => ({ used: 1, limit: 100 }) });
    events.emit(event);
    expect(shutdown.signal.aborted).toBe(true);
    expect(shutdown.reason()).toMatchObject({ kind });
    expect(shutdown.signal.reason).toBeInstanceOf(ShutdownError);
  });

  it('a storm: the second signal changes nothing, the third forces the exit, later ones too', () => {
    const events = new EventEmitter();
    const repeated: number[] = [];
    let forced = 0;
    shutdown = installShutdown({
      events,
      heapStats: () => ({ used: 1, limit: 100 }),
      onRepeatedSignal: (n) => repeated.push(n),
      onForce: () => forced++,
    });
    events.emit('SIGTERM');
    events.emit('SIGINT');
    expect(shutdown.reason()).toMatchObject({ kind: 'SIGTERM' }); // the first one's reason stands
    expect(repeated).toEqual([2]);
    expect(forced).toBe(0);
    events.emit('SIGTERM');
    expect(forced).toBe(1);
    events.emit('SIGINT');
    expect(forced).toBe(2);
  });

  it('a cancellation that came before it was installed is the storm’s first signal', () => {
    const events = new EventEmitter();
    const cancel = new AbortController();
    cancel.abort(new Error('received SIGTERM'));
    let forced = 0;
    shutdown = installShutdown({ events, cancel: cancel.signal, onForce: () => forced++ });
    expect(shutdown.reason()).toMatchObject({ kind: 'SIGTERM' });
    events.emit('SIGINT');
    expect(forced).toBe(0);
    events.emit('SIGINT');
    expect(forced).toBe(1);
  });

  it('a lost lease stops the run with its own reason', () => {
    shutdown = installShutdown({ events: new EventEmitter() });
    shutdown.stop({ kind: 'lease_lost', message: 'run x: lost its lease' });
    expect(shutdown.signal.aborted).toBe(true);
    expect(shutdown.reason()).toMatchObject({ kind: 'lease_lost' });
  });

  it('turns an uncaught exception and an unhandled rejection into a reason with the error', () => {
    const events = new EventEmitter();
    shutdown = installShutdown({ events });
    events.emit('unhandledRejection', new Error('boom in a promise'));
    expect(shutdown.reason()).toMatchObject({ kind: 'unhandled_rejection' });
    expect(shutdown.reason()?.error).toContain('boom in a promise');
    // The first reason wins.
    events.emit('uncaughtException', new Error('later'));
    expect(shutdown.reason()?.kind).toBe('unhandled_rejection');
  });

  it('stops the run before the time budget ends, leaving the margin to save', async () => {
    vi.useFakeTimers();
    shutdown = installShutdown({
      events: new EventEmitter(),
      timeBudgetMs: 10 * 60_000,
      marginMs: 60_000,
      heapStats: () => ({ used: 1, limit: 100 }),
    });
    const watching = shutdown.watch();
    await vi.advanceTimersByTimeAsync(9 * 60_000 - 1);
    expect(shutdown.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(shutdown.reason()).toMatchObject({ kind: 'time_budget' });
    shutdown.dispose();
    await watching;
  });

  it('stops the run when the heap nears its limit', async () => {
    vi.useFakeTimers();
    let used = 10;
    shutdown = installShutdown({
      events: new EventEmitter(),
      heapCheckMs: 500,
      heapStats: () => ({ used, limit: 100 }),
    });
    const watching = shutdown.watch();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shutdown.signal.aborted).toBe(false);
    used = 95;
    await vi.advanceTimersByTimeAsync(500);
    expect(shutdown.reason()).toMatchObject({ kind: 'heap' });
    await watching;
  });

  it('removes its listeners when disposed', () => {
    const events = new EventEmitter();
    shutdown = installShutdown({ events });
    expect(events.listenerCount('SIGINT')).toBe(1);
    shutdown.dispose();
    expect(events.listenerCount('SIGINT')).toBe(0);
    expect(events.listenerCount('unhandledRejection')).toBe(0);
  });
});
