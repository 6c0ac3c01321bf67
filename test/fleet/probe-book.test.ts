import { describe, expect, it } from 'vitest';
import { FleetHealthBook } from '../../src/fleet/probe.ts';
import type { CapabilityScan, HealthProbe } from '../../src/fleet/probe.ts';
import { endpoint } from './fixtures/fake-fetch.ts';

const T0 = Date.UTC(2025, 0, 1);
const STALE = 120_000;

function probe(
  endpointId: string,
  healthy: boolean,
  checkedAt: number,
  extra: Partial<HealthProbe> = {},
): HealthProbe {
  return { endpointId, healthy, latencyMs: 12, models: ['m'], checkedAt, ...extra };
}

function scan(endpointId: string, checkedAt: number, extra: Partial<CapabilityScan> = {}): CapabilityScan {
  return { endpointId, flavor: 'ollama', models: ['m'], contextWindows: { m: 8192 }, checkedAt, ...extra };
}

const lanA = endpoint({ id: 'lan-a', url: 'http://lan-a:11434/v1' });

describe('FleetHealthBook.health', () => {
  it('is unknown until the first probe', () => {
    expect(new FleetHealthBook({ staleAfterMs: STALE }).health('lan-a', T0)).toBe('unknown');
  });

  it('follows the latest probe while it is fresh, and forgets it once stale', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.record(probe('lan-a', false, T0));
    expect(book.health('lan-a', T0)).toBe('unhealthy');
    book.record(probe('lan-a', true, T0 + 1_000));
    expect(book.health('lan-a', T0 + 1_000 + STALE)).toBe('healthy');
    expect(book.health('lan-a', T0 + 1_000 + STALE + 1)).toBe('unknown');
    expect(book.health('lan-b', T0 + 1_000)).toBe('unknown');
  });

  it('does not trust a probe stamped in the future (a clock that ran ahead)', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.record(probe('lan-a', true, T0 + 60_000));
    expect(book.health('lan-a', T0)).toBe('unknown');
  });

  it('keeps the newer probe when an older one arrives late', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.record(probe('lan-a', true, T0 + 5_000));
    book.record(probe('lan-a', false, T0 + 1_000));
    expect(book.health('lan-a', T0 + 5_000)).toBe('healthy');
  });

  it('is not changed by mutating a recorded probe afterwards', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    const recorded = probe('lan-a', true, T0);
    book.record(recorded);
    recorded.models.push('later');
    expect(book.latestProbe('lan-a')?.models).toEqual(['m']);
  });
});

describe('FleetHealthBook.contextWindow', () => {
  it('is undefined before any scan', () => {
    expect(new FleetHealthBook({ staleAfterMs: STALE }).contextWindow(lanA, 'm')).toBeUndefined();
  });

  it('uses the discovered window of the model', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.recordScan(
      scan('lan-a', T0, { contextWindows: { 'qwen2.5-coder:7b': 16384, 'llama3.2:latest': 131072 } }),
    );
    expect(book.contextWindow(lanA, 'qwen2.5-coder:7b')).toBe(16384);
    expect(book.contextWindow(lanA, 'other')).toBeUndefined();
    // Ollama's implicit tag: "llama3.2" is "llama3.2:latest".
    expect(book.contextWindow(lanA, 'llama3.2')).toBe(131072);
  });

  it('lets the configured window win over discovery', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.recordScan(scan('lan-a', T0, { contextWindows: { m: 131072 } }));
    const configured = endpoint({ id: 'lan-a', url: 'http://lan-a:11434/v1', contextWindow: 4096 });
    expect(book.contextWindow(configured, 'm')).toBe(4096);
    expect(book.contextWindow(configured, 'never-scanned')).toBe(4096);
  });

  it('applies a llama.cpp server window to any model name', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.recordScan(
      scan('lan-a', T0, { flavor: 'llamacpp', contextWindows: { 'x.gguf': 16384 }, serverWindow: 16384 }),
    );
    expect(book.contextWindow(lanA, 'qwen2.5-coder')).toBe(16384);
  });

  it('keeps earlier windows when a later scan fails and finds nothing', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.recordScan(scan('lan-a', T0));
    book.recordScan(scan('lan-a', T0 + 300_000, { models: [], contextWindows: {}, error: 'ECONNREFUSED' }));
    expect(book.contextWindow(lanA, 'm')).toBe(8192);
    expect(book.latestScan('lan-a')?.error).toBe('ECONNREFUSED');
  });

  it('replaces windows with those of a newer successful scan, and ignores an older one', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.recordScan(scan('lan-a', T0));
    book.recordScan(scan('lan-a', T0 + 10, { contextWindows: { m: 32768 } }));
    book.recordScan(scan('lan-a', T0 + 5, { contextWindows: { m: 2048 } }));
    expect(book.contextWindow(lanA, 'm')).toBe(32768);
  });
});

describe('FleetHealthBook snapshot and restore', () => {
  it('round-trips through JSON', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.record(probe('lan-a', true, T0, { error: undefined }));
    book.record(probe('lan-b', false, T0 + 1, { models: [], error: 'HTTP 500' }));
    book.recordScan(scan('lan-a', T0, { flavor: 'llamacpp', serverWindow: 8192 }));
    const saved: unknown = JSON.parse(JSON.stringify(book.snapshot()));

    const restored = new FleetHealthBook({ staleAfterMs: STALE });
    expect(restored.restore(saved)).toBe(3);
    expect(restored.snapshot()).toEqual(JSON.parse(JSON.stringify(book.snapshot())));
    expect(restored.health('lan-a', T0 + 10)).toBe('healthy');
    expect(restored.health('lan-b', T0 + 10)).toBe('unhealthy');
    expect(restored.contextWindow(lanA, 'anything')).toBe(8192);
  });

  it('lets restored probes go stale by their own wall-clock time', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.record(probe('lan-a', false, T0));
    const next = new FleetHealthBook({ staleAfterMs: STALE });
    next.restore(book.snapshot());
    expect(next.health('lan-a', T0 + STALE + 1)).toBe('unknown');
  });

  it('is a copy: changing the snapshot does not change the book', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.recordScan(scan('lan-a', T0));
    const snap = book.snapshot();
    snap.scans[0]!.contextWindows.m = 1;
    expect(book.contextWindow(lanA, 'm')).toBe(8192);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'not a snapshot'],
    ['a number', 42],
    ['an array', [1, 2, 3]],
    ['another version', { version: 2, probes: [probe('lan-a', true, T0)], scans: [] }],
    ['no version', { probes: [probe('lan-a', true, T0)] }],
    ['probes that are not an array', { version: 1, probes: { 'lan-a': true } }],
  ])('ignores %s', (_what, input) => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    expect(book.restore(input)).toBe(0);
    expect(book.snapshot()).toEqual({ version: 1, probes: [], scans: [] });
  });

  it('takes the valid entries of a partly broken snapshot and drops the rest', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    const taken = book.restore({
      version: 1,
      probes: [
        probe('lan-a', true, T0),
        { ...probe('lan-b', true, T0), checkedAt: 'yesterday' },
        { ...probe('lan-c', true, T0), healthy: 'yes' },
        { ...probe('lan-d', true, T0), models: 'm' },
        { ...probe('', true, T0) },
        { ...probe('lan-e', true, T0), latencyMs: -1 },
        null,
        'junk',
      ],
      scans: [
        scan('lan-a', T0, {
          contextWindows: { good: 4096, zero: 0, huge: 1e12, text: '8192' as unknown as number },
        }),
        { ...scan('lan-b', T0), flavor: 'mystery-server' },
        { ...scan('lan-c', T0), contextWindows: [] },
        { ...scan('lan-d', T0), serverWindow: -5 },
      ],
    });
    expect(taken).toBe(3);
    expect(book.health('lan-a', T0)).toBe('healthy');
    for (const id of ['lan-b', 'lan-c', 'lan-d', 'lan-e']) expect(book.health(id, T0)).toBe('unknown');
    expect(book.latestScan('lan-a')?.contextWindows).toEqual({ good: 4096 });
    expect(book.latestScan('lan-d')?.serverWindow).toBeUndefined();
    expect(book.contextWindow(endpoint({ id: 'lan-d', url: 'http://d/v1' }), 'm')).toBe(8192);
  });

  it('never lets a restored entry replace a newer one already in the book', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    book.record(probe('lan-a', true, T0 + 60_000));
    book.restore({ version: 1, probes: [probe('lan-a', false, T0)], scans: [] });
    expect(book.health('lan-a', T0 + 60_000)).toBe('healthy');
  });

  it('drops a model named __proto__ and keeps the rest', () => {
    const book = new FleetHealthBook({ staleAfterMs: STALE });
    const input = JSON.parse(
      `{"version":1,"scans":[{"endpointId":"lan-a","flavor":"vllm","models":["m"],"contextWindows":{"__proto__":4096,"m":2048},"checkedAt":${T0}}]}`,
    ) as unknown;
    book.restore(input);
    expect(book.contextWindow(lanA, 'm')).toBe(2048);
    expect(book.contextWindow(lanA, '__proto__')).toBeUndefined();
    expect(Object.getPrototypeOf(book.latestScan('lan-a')?.contextWindows)).toBe(Object.prototype);
  });
});
