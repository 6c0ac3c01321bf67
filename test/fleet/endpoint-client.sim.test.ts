/**
 * The endpoint client against the fleet simulator: every fault mode, plain and streamed, must end in the
 * failure kind the router expects for it. One simulated endpoint per mode, started once for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointTimeouts } from '../../src/config/schema.ts';
import { createEndpointClient } from '../../src/fleet/endpoint-client.ts';
import type { ChatOutcome, FailureKind } from '../../src/fleet/types.ts';
import { startSimulator, type FleetSimulator, type SimMode } from '../../src/sim/fleet-simulator.ts';
import { endpointAt, MESSAGES } from './endpoint-client-fixture.ts';

const client = createEndpointClient({ env: {} });
let sim: FleetSimulator;

/** Each mode's endpoint, and the deadlines that let its fault show within a test. */
const MODES: {
  mode: SimMode;
  latencyMs?: number;
  timeouts?: Partial<EndpointTimeouts>;
  plain: string;
  stream: string;
}[] = [
  { mode: 'ok', plain: 'ok', stream: 'ok' },
  { mode: 'refuse', plain: 'connect_refused', stream: 'connect_refused' },
  {
    mode: 'hang',
    timeouts: { firstTokenMs: 150 },
    plain: 'timeout_first_token',
    stream: 'timeout_first_token',
  },
  { mode: 'e500', plain: 'server_error', stream: 'server_error' },
  { mode: 'e429', plain: 'rate_limited', stream: 'rate_limited' },
  { mode: 'malformed', plain: 'malformed', stream: 'malformed' },
  { mode: 'cut', plain: 'stream_cut', stream: 'stream_cut' },
  // A crawling server: every gap (300 ms) is longer than the idle deadline.
  { mode: 'slow', latencyMs: 300, timeouts: { idleMs: 100 }, plain: 'timeout_idle', stream: 'timeout_idle' },
  { mode: 'ctxlen', plain: 'context_length', stream: 'context_length' },
  { mode: 'auth', plain: 'auth', stream: 'auth' },
];

beforeAll(async () => {
  sim = await startSimulator({
    endpoints: [
      ...MODES.map(({ mode, latencyMs }) => ({ name: mode, mode, latencyMs })),
      { name: 'slow-but-alive', mode: 'slow' as const, latencyMs: 20 },
      { name: 'flaky', mode: 'flaky' as const, seed: 7 },
      { name: 'small-window', mode: 'ok' as const, contextWindow: 300 },
    ],
  });
});

afterAll(async () => {
  await client.close();
  await sim?.close();
});

function urlOf(name: string): string {
  const info = sim.endpoints.find((endpoint) => endpoint.name === name);
  if (!info) throw new Error(`no sim endpoint ${name}`);
  return info.url;
}

function kindOf(outcome: ChatOutcome): string {
  return outcome.ok ? 'ok' : outcome.failure.kind;
}

async function ask(
  name: string,
  stream: boolean,
  timeouts?: Partial<EndpointTimeouts>,
  content = 'hello sim',
) {
  const endpoint = endpointAt(urlOf(name), { id: name, timeouts });
  return client.chat(endpoint, { messages: [{ role: 'user', content }], stream }, { model: 'sim-model' });
}

describe.each([false, true])('against the simulator (stream: %s)', (stream) => {
  it.each(MODES)(
    'mode $mode → the expected outcome kind',
    async ({ mode, timeouts, plain, stream: streamed }) => {
      const outcome = await ask(mode, stream, timeouts);
      expect(kindOf(outcome)).toBe(stream ? streamed : plain);
    },
  );

  it('mode ok returns the simulated answer with usage', async () => {
    const outcome = await ask('ok', stream);
    expect(outcome).toMatchObject({
      ok: true,
      content: 'sim(ok/sim-model): hello sim',
      finishReason: 'stop',
    });
    if (outcome.ok) expect(outcome.usage?.completionTokens).toBeGreaterThan(0);
  });

  it('mode e429 carries the Retry-After delay', async () => {
    const outcome = await ask('e429', stream);
    expect(outcome.ok ? undefined : outcome.failure.retryAfterMs).toBe(1000);
  });

  it('mode slow within the idle deadline still succeeds, piece by piece', async () => {
    const pieces: string[] = [];
    const endpoint = endpointAt(urlOf('slow-but-alive'), { id: 'slow-but-alive' });
    const outcome = await client.chat(
      endpoint,
      { messages: MESSAGES, stream },
      { model: 'sim-model', onDelta: (text) => pieces.push(text) },
    );
    expect(outcome).toMatchObject({ ok: true, content: 'sim(slow-but-alive/sim-model): Say hi' });
    if (stream) {
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join('')).toBe('sim(slow-but-alive/sim-model): Say hi');
    }
  });

  it('mode flaky fails some requests as server_error and answers the others', async () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 16; i++) kinds.add(kindOf(await ask('flaky', stream)));
    expect([...kinds].sort()).toEqual(['ok', 'server_error']);
  });

  it('an unknown model → model_not_found', async () => {
    const endpoint = endpointAt(urlOf('ok'), { id: 'ok' });
    const outcome = await client.chat(endpoint, { messages: MESSAGES, stream }, { model: 'no-such-model' });
    expect(kindOf(outcome)).toBe('model_not_found');
  });

  it('a prompt beyond the configured context window → context_length', async () => {
    const outcome = await ask('small-window', stream, undefined, 'word '.repeat(400));
    expect(kindOf(outcome)).toBe('context_length' satisfies FailureKind);
  });
});

describe('a mode switch under the client', () => {
  it('refuse → ok: the next request after resetConnections reaches the re-listening server', async () => {
    const endpoint = endpointAt(urlOf('ok'), { id: 'ok' });
    expect(kindOf(await client.chat(endpoint, { messages: MESSAGES }, { model: 'sim-model' }))).toBe('ok');
    await sim.setMode('ok', 'refuse');
    expect(kindOf(await client.chat(endpoint, { messages: MESSAGES }, { model: 'sim-model' }))).toBe(
      'connect_refused',
    );
    client.resetConnections('ok');
    await sim.setMode('ok', 'ok');
    expect(kindOf(await client.chat(endpoint, { messages: MESSAGES }, { model: 'sim-model' }))).toBe('ok');
  });
});
