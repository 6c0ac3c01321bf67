import { describe, expect, it } from 'vitest';
import { selectCandidate, type CandidateView } from '../../src/fleet/selection.ts';

function view(key: string, tier: number, order: number, extra: Partial<CandidateView> = {}): CandidateView {
  return {
    key,
    endpointId: key.split('/')[0]!,
    tier,
    order,
    local: true,
    unhealthy: false,
    inflight: 0,
    cap: 4,
    ...extra,
  };
}

const options = { spillover: false, preferLocal: true };

describe('selectCandidate', () => {
  it('takes the first tier and, within it, the least loaded candidate', () => {
    const tiers = [
      [view('a/m', 0, 0, { inflight: 2 }), view('b/m', 0, 1, { inflight: 1 })],
      [view('c/m', 1, 0)],
    ];
    expect(selectCandidate(tiers, options)).toMatchObject({ kind: 'pick', candidate: { key: 'b/m' } });
  });

  it('compares load as a share of maxParallel', () => {
    // a: 3/8 = 0.375, b: 1/2 = 0.5
    const tiers = [[view('a/m', 0, 0, { inflight: 3, cap: 8 }), view('b/m', 0, 1, { inflight: 1, cap: 2 })]];
    expect(selectCandidate(tiers, options)).toMatchObject({ candidate: { key: 'a/m' } });
  });

  it('breaks ties by config order, deterministically', () => {
    const tiers = [[view('a/m', 0, 0, { inflight: 1 }), view('b/m', 0, 1, { inflight: 1 })]];
    for (let i = 0; i < 5; i++) {
      expect(selectCandidate(tiers, options)).toMatchObject({ candidate: { key: 'a/m' } });
    }
  });

  it('prefers local endpoints on ties on a self-hosted runner only', () => {
    const tiers = [[view('hosted/m', 0, 0, { local: false }), view('lan/m', 0, 1)]];
    expect(selectCandidate(tiers, options)).toMatchObject({ candidate: { key: 'lan/m' } });
    expect(selectCandidate(tiers, { ...options, preferLocal: false })).toMatchObject({
      candidate: { key: 'hosted/m' },
    });
  });

  it('skips blocked candidates and falls over to the next tier', () => {
    for (const blocked of [
      'excluded',
      'unreachable',
      'disabled',
      'context',
      'breaker_open',
      'cooldown',
    ] as const) {
      const tiers = [[view('a/m', 0, 0, { blocked })], [view('b/m', 1, 0)]];
      expect(selectCandidate(tiers, options)).toMatchObject({ kind: 'pick', candidate: { key: 'b/m' } });
    }
  });

  it('skips unhealthy candidates while a healthy one exists anywhere in the chain', () => {
    const tiers = [[view('a/m', 0, 0, { unhealthy: true })], [view('b/m', 1, 0)]];
    expect(selectCandidate(tiers, options)).toMatchObject({ candidate: { key: 'b/m' } });
  });

  it('tries unhealthy candidates in order when every candidate is unhealthy', () => {
    const tiers = [[view('a/m', 0, 0, { unhealthy: true })], [view('b/m', 1, 0, { unhealthy: true })]];
    expect(selectCandidate(tiers, options)).toMatchObject({ candidate: { key: 'a/m' } });
  });

  it('waits for a saturated tier instead of spilling over, unless spillover is on', () => {
    const tiers = [[view('a/m', 0, 0, { inflight: 4 })], [view('b/m', 1, 0)]];
    expect(selectCandidate(tiers, options)).toEqual({ kind: 'saturated', tier: 0 });
    expect(selectCandidate(tiers, { ...options, spillover: true })).toMatchObject({
      kind: 'pick',
      candidate: { key: 'b/m' },
    });
  });

  it('reports saturation of the first usable tier when every tier is full', () => {
    const tiers = [
      [view('a/m', 0, 0, { blocked: 'cooldown', availableAt: 5 })],
      [view('b/m', 1, 0, { inflight: 4 })],
    ];
    expect(selectCandidate(tiers, { ...options, spillover: true })).toEqual({ kind: 'saturated', tier: 1 });
  });

  it('waits for the earliest cooldown or half-open when nothing is usable', () => {
    const tiers = [
      [view('a/m', 0, 0, { blocked: 'cooldown', availableAt: 900 })],
      [
        view('b/m', 1, 0, { blocked: 'breaker_open', availableAt: 400 }),
        view('c/m', 1, 1, { blocked: 'disabled' }),
      ],
    ];
    expect(selectCandidate(tiers, options)).toEqual({ kind: 'cooling', until: 400 });
  });

  it('is exhausted when nothing will become usable by waiting', () => {
    const tiers = [[view('a/m', 0, 0, { blocked: 'disabled' }), view('b/m', 0, 1, { blocked: 'context' })]];
    expect(selectCandidate(tiers, options)).toEqual({ kind: 'exhausted' });
    expect(selectCandidate([], options)).toEqual({ kind: 'exhausted' });
  });

  it('uses the preferred candidate first when it is free, and ignores it when it is not', () => {
    const tiers = [[view('a/m', 0, 0)], [view('b/m', 1, 0)]];
    expect(selectCandidate(tiers, { ...options, prefer: 'b/m' })).toMatchObject({
      candidate: { key: 'b/m' },
    });
    const busy = [[view('a/m', 0, 0)], [view('b/m', 1, 0, { inflight: 4 })]];
    expect(selectCandidate(busy, { ...options, prefer: 'b/m' })).toMatchObject({ candidate: { key: 'a/m' } });
    const cooling = [[view('a/m', 0, 0)], [view('b/m', 1, 0, { blocked: 'cooldown', availableAt: 1 })]];
    expect(selectCandidate(cooling, { ...options, prefer: 'b/m' })).toMatchObject({
      candidate: { key: 'a/m' },
    });
  });
});
