/**
 * How long an attempt waits for its first token (issue 10 §6): a model that may have to be loaded first gets
 * `loadMs` more — not found loaded by the last scan and not answered since, or, at an Ollama, neither found
 * loaded nor answered within its keep-alive (it unloads idle models after 5 minutes).
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/base/clock.ts';
import { FleetView } from '../../src/fleet/fleet-view.ts';
import { firstTokenAllowance, OLLAMA_KEEP_ALIVE_MS } from '../../src/fleet/first-token.ts';
import { FleetHealthBook, type CapabilityScan } from '../../src/fleet/probe.ts';
import { endpoint, testConfig } from '../helpers/config.ts';

const FIRST = 1_000;
const LOAD = 30_000;

function fleetAt(flavor: 'ollama' | 'lmstudio', scan: Partial<CapabilityScan>) {
  let now = 10_000_000;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const config = testConfig({
    endpoints: [endpoint('e', { flavor, timeouts: { firstTokenMs: FIRST, loadMs: LOAD } })],
    roles: { coder: ['e/a', 'e/b'] },
  });
  const health = new FleetHealthBook({ staleAfterMs: 60_000 });
  health.recordScan({
    endpointId: 'e',
    flavor,
    models: ['a', 'b'],
    contextWindows: {},
    checkedAt: now,
    ...scan,
  });
  const fleet = new FleetView(config, clock, health, undefined, () => undefined);
  const wait = (model: string) =>
    firstTokenAllowance(fleet, fleet.endpoint('e'), model).firstTokenMs ?? FIRST;
  return { fleet, wait, advance: (ms: number) => (now += ms) };
}

describe('firstTokenAllowance', () => {
  it('a model the scan found loaded waits firstTokenMs; one not loaded gets loadMs more until it has answered', () => {
    const { fleet, wait } = fleetAt('lmstudio', { loadedModels: ['a'] });
    expect(wait('a')).toBe(FIRST);
    expect(wait('b')).toBe(FIRST + LOAD);
    fleet.noteServed('e', 'b');
    expect(wait('b')).toBe(FIRST);
  });

  it('Ollama: past its keep-alive, a model found loaded or that answered may have been unloaded', () => {
    const { fleet, wait, advance } = fleetAt('ollama', { loadedModels: ['a'] });
    advance(OLLAMA_KEEP_ALIVE_MS - 1);
    expect(wait('a')).toBe(FIRST);
    fleet.noteServed('e', 'b');
    advance(1);
    expect(wait('a')).toBe(FIRST + LOAD);
    expect(wait('b')).toBe(FIRST);
    advance(OLLAMA_KEEP_ALIVE_MS);
    expect(wait('b')).toBe(FIRST + LOAD);
  });

  it('a server that does not say what is loaded (an Ollama before /api/ps) gets no load allowance', () => {
    const { wait, advance } = fleetAt('ollama', {});
    advance(OLLAMA_KEEP_ALIVE_MS * 2);
    expect(wait('a')).toBe(FIRST);
  });
});
