/** Start, mode switching and close: nothing may leak, whatever was in flight. */
import { createServer, type Server } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { SimInputError, startSimulator } from '../../src/sim/fleet-simulator.ts';
import { chatBody, connectError, postChat, rawRequest, useSimulators } from './sim-test-helpers.ts';

const start = useSimulators();

function countResources(kind: string): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === kind).length;
}

describe('close()', () => {
  it('ends hung, trickling and delayed requests, closes every port and leaves no server or timer behind', async () => {
    const servers = countResources('TCPServerWrap');
    const timers = countResources('Timeout');
    const sim = await startSimulator({
      endpoints: [
        { name: 'hang', mode: 'hang', flavor: 'llamacpp' },
        { name: 'slow', mode: 'slow', latencyMs: 60_000 },
        { name: 'late', latencyMs: 60_000 },
        { name: 'down', mode: 'refuse' },
      ],
    });
    const ports = [...sim.endpoints.map((endpoint) => endpoint.port), Number(new URL(sim.controlUrl).port)];
    const pending = [
      postChat(sim, chatBody(), undefined, 0),
      postChat(sim, chatBody({ stream: true }), undefined, 0),
      fetch(`${sim.endpoints[0]!.baseUrl}/props`),
      rawRequest(sim.endpoints[1]!.port, 'POST', '/v1/chat/completions', chatBody({ stream: true })),
      postChat(sim, chatBody(), undefined, 2),
    ].map((request) =>
      request.then(
        (response) => ('complete' in response ? (response.complete ? 'answered' : 'cut') : 'answered'),
        () => 'failed',
      ),
    );
    await vi.waitFor(() => {
      const stats = sim.stats();
      expect([stats.hang!.inflight, stats.slow!.inflight, stats.late!.inflight]).toEqual([2, 1, 1]);
    });

    await sim.close();

    expect(await Promise.all(pending)).toEqual(['failed', 'failed', 'failed', 'cut', 'failed']);
    for (const port of ports) expect(await connectError(port)).toBe('ECONNREFUSED');
    expect(Object.values(sim.stats()).map((stats) => stats.inflight)).toEqual([0, 0, 0, 0]);
    expect(countResources('TCPServerWrap')).toBe(servers);
    expect(countResources('Timeout')).toBeLessThanOrEqual(timers);
  });

  it('can be called twice, and mode switches after it are refused', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    await Promise.all([sim.close(), sim.close()]);
    await expect(sim.setMode('a', 'refuse')).rejects.toThrow(/closed/);
  });
});

describe('setMode()', () => {
  it('applies switches one after another, however fast they come', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    await Promise.all([
      sim.setMode('a', 'refuse'),
      sim.setMode('a', 'ok'),
      sim.setMode('a', 'refuse'),
      sim.setMode('a', 'e429'),
    ]);
    expect(await connectError(sim.endpoints[0]!.port)).toBeUndefined();
    expect((await postChat(sim, chatBody())).status).toBe(429);
  });

  it('rejects unknown endpoints and modes', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    await expect(sim.setMode('b', 'ok')).rejects.toThrow(SimInputError);
    await expect(sim.setMode('a', 'boom' as 'ok')).rejects.toThrow(/unknown mode "boom"/);
  });

  it('a new latency goes with the new mode; none means the mode default', async () => {
    const sim = await start({ endpoints: [{ name: 'a', latencyMs: 60_000 }] });
    await sim.setMode('a', 'ok');
    // Answered at once: the 60 s from the spec no longer applies.
    expect((await postChat(sim, chatBody())).status).toBe(200);
  });
});

describe('startSimulator()', () => {
  it('fails clearly on a port in use and leaves nothing listening', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as { port: number }).port;
    const servers = countResources('TCPServerWrap');
    try {
      await expect(startSimulator({ endpoints: [{ name: 'b' }, { name: 'a', port: busy }] })).rejects.toThrow(
        `sim endpoint "a" cannot listen on 127.0.0.1:${busy}`,
      );
      expect(countResources('TCPServerWrap')).toBe(servers);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it.each([
    [[{ name: 'a' }, { name: 'a' }], /duplicate sim endpoint name "a"/],
    [[{ name: '' }], /non-empty name/],
    [[{ name: 'a', mode: 'boom' }], /sim endpoint "a": unknown mode "boom"/],
    [[{ name: 'a', flavor: 'tgi' }], /unknown flavor "tgi"/],
    [[{ name: 'a', failRate: 2 }], /failRate must be a number from 0 to 1/],
    [[{ name: 'a', port: 70_000 }], /port must be a number from 0 to 65535/],
    [[{ name: 'a', models: [] }], /models/],
  ])('rejects bad specs: %j', async (endpoints, message) => {
    await expect(startSimulator({ endpoints: endpoints as never })).rejects.toThrow(message);
  });
});
