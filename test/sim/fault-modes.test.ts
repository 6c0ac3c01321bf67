/** The faults that play out over time or on the connection: hang, cut, slow, refuse, and seeded flakiness. */
import { describe, expect, it, vi } from 'vitest';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  chatBody,
  connectError,
  postChat,
  rawRequest,
  settlesWithin,
  sseData,
  useSimulators,
} from './sim-test-helpers.ts';

const start = useSimulators();

const port = (sim: FleetSimulator): number => sim.endpoints[0]!.port;

describe('hang', () => {
  it.each([false, true])('never answers (stream: %s) until the client gives up', async (stream) => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'hang' }] });
    const controller = new AbortController();
    const pending = postChat(sim, chatBody({ stream }), controller.signal);
    expect(await settlesWithin(pending, 300)).toBe(false);
    await vi.waitFor(() => expect(sim.stats().a).toMatchObject({ inflight: 1, byOutcome: { hang: 1 } }));
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    // The server notices the client leaving and stops counting the request as in flight.
    await vi.waitFor(() => expect(sim.stats().a!.inflight).toBe(0));
  });
});

describe('cut', () => {
  it('sends headers and part of a plain body, then drops the connection', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'cut' }] });
    const response = await rawRequest(port(sim), 'POST', '/v1/chat/completions', chatBody());
    expect(response.status).toBe(200);
    expect(response.complete).toBe(false);
    expect(response.body.length).toBeGreaterThan(0);
    expect(response.body.length).toBeLessThan(Number(response.headers['content-length']));
    expect(() => JSON.parse(response.body) as unknown).toThrow();
  });

  it('streams a few content chunks, then drops the connection without finish_reason or [DONE]', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'cut' }] });
    const response = await rawRequest(port(sim), 'POST', '/v1/chat/completions', chatBody({ stream: true }));
    expect(response.status).toBe(200);
    expect(response.complete).toBe(false);
    const data = sseData(response.body);
    expect(data.length).toBeGreaterThan(0);
    expect(data).not.toContain('[DONE]');
    for (const line of data) {
      const chunk = JSON.parse(line) as {
        choices: { delta: { content?: string }; finish_reason: unknown }[];
      };
      expect(chunk.choices[0]!.finish_reason).toBeNull();
      expect(chunk.choices[0]!.delta.content).toBeTypeOf('string');
    }
  });

  it('makes fetch fail mid-body', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'cut' }] });
    const response = await postChat(sim, chatBody({ stream: true }));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});

describe('slow', () => {
  it('trickles a plain body in several separate pieces that add up to a valid completion', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'slow', latencyMs: 30 }] });
    const response = await rawRequest(port(sim), 'POST', '/v1/chat/completions', chatBody());
    expect(response.complete).toBe(true);
    expect(response.chunks.length).toBeGreaterThanOrEqual(4);
    const body = JSON.parse(response.body) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content).toBe('sim(a/sim-model): hello');
  });

  it('trickles a stream one chunk at a time and still ends it properly', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'slow', latencyMs: 30 }] });
    const response = await rawRequest(port(sim), 'POST', '/v1/chat/completions', chatBody({ stream: true }));
    expect(response.complete).toBe(true);
    expect(response.chunks.length).toBeGreaterThanOrEqual(4);
    // Each arrival holds whole events: the pieces were written apart, not split by the network.
    for (const chunk of response.chunks) expect(chunk.endsWith('\n\n')).toBe(true);
    expect(sseData(response.body).at(-1)).toBe('[DONE]');
  });

  it('sends the headers before the first piece', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'slow', latencyMs: 60_000 }] });
    const controller = new AbortController();
    // fetch resolves on the headers; the body would take minutes.
    const response = await postChat(sim, chatBody({ stream: true }), controller.signal);
    expect(response.status).toBe(200);
    controller.abort();
  });
});

describe('flaky', () => {
  const statuses = async (sim: FleetSimulator, count: number): Promise<number[]> => {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await postChat(sim, chatBody());
      await response.arrayBuffer();
      seen.push(response.status);
    }
    return seen;
  };

  it('fails the same requests for the same seed, and others for another seed', async () => {
    const spec = { name: 'a', mode: 'flaky' as const, failRate: 0.5 };
    const first = await statuses(await start({ endpoints: [{ ...spec, seed: 7 }] }), 40);
    const again = await statuses(await start({ endpoints: [{ ...spec, seed: 7 }] }), 40);
    const other = await statuses(await start({ endpoints: [{ ...spec, seed: 8 }] }), 40);
    expect(new Set(first)).toEqual(new Set([200, 500]));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('restarts the sequence when switched to flaky again, and honours failRate 0 and 1', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'flaky', seed: 3 }] });
    const first = await statuses(sim, 20);
    await sim.setMode('a', 'ok');
    await sim.setMode('a', 'flaky');
    expect(await statuses(sim, 20)).toEqual(first);
    await sim.setMode('a', 'flaky', undefined, { failRate: 0 });
    expect(new Set(await statuses(sim, 10))).toEqual(new Set([200]));
    await sim.setMode('a', 'flaky', undefined, { failRate: 1 });
    expect(new Set(await statuses(sim, 10))).toEqual(new Set([500]));
  });
});

describe('refuse', () => {
  it('refuses connections, and listens on the same port again when switched back', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    expect((await postChat(sim, chatBody())).status).toBe(200);
    await sim.setMode('a', 'refuse');
    expect(await connectError(port(sim))).toBe('ECONNREFUSED');
    const refused = await postChat(sim, chatBody()).catch(
      (error: Error & { cause?: { code?: string } }) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    await sim.setMode('a', 'ok');
    expect(await connectError(port(sim))).toBeUndefined();
    expect((await postChat(sim, chatBody())).status).toBe(200);
  });

  it('starts refusing when configured so, and drops hung connections when switched to it', async () => {
    const sim = await start({
      endpoints: [
        { name: 'a', mode: 'refuse' },
        { name: 'b', mode: 'hang' },
      ],
    });
    expect(await connectError(port(sim))).toBe('ECONNREFUSED');
    // Settled into a value at once: the rejection must not go unhandled while the test waits.
    const hung = postChat(sim, chatBody(), undefined, 1).then(
      () => 'answered',
      () => 'dropped',
    );
    await vi.waitFor(() => expect(sim.stats().b!.inflight).toBe(1));
    await sim.setMode('b', 'refuse');
    expect(await hung).toBe('dropped');
    expect(sim.stats().b!.inflight).toBe(0);
    expect(await connectError(sim.endpoints[1]!.port)).toBe('ECONNREFUSED');
  });
});
