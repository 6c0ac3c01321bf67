/** The `/__sim/*` control routes over HTTP, and the counters tests rely on to check a router's behaviour. */
import { describe, expect, it, vi } from 'vitest';
import type { FleetSimulator, SimEndpointStats } from '../../src/sim/fleet-simulator.ts';
import {
  chatBody,
  connectError,
  postChat,
  postJson,
  readJson,
  useSimulators,
  type ErrorBody,
} from './sim-test-helpers.ts';

const start = useSimulators();

async function control<T = unknown>(
  base: string,
  path: string,
  body: unknown = {},
): Promise<{ status: number; body: T }> {
  const response = await postJson(`${base}${path}`, body);
  return { status: response.status, body: await readJson<T>(response) };
}

describe('control routes', () => {
  it('switch a mode from the control server', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }, { name: 'b' }] });
    const answer = await control(sim.controlUrl, '/__sim/mode', {
      endpoint: 'b',
      mode: 'e500',
      latencyMs: 5,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ endpoint: 'b', mode: 'e500', latencyMs: 5 });
    expect((await postChat(sim, chatBody(), undefined, 1)).status).toBe(500);
    expect((await postChat(sim, chatBody(), undefined, 0)).status).toBe(200);
  });

  it('are answered on every endpoint port, including a switch of that same endpoint to refuse and back', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }, { name: 'b' }] });
    const [a, b] = sim.endpoints;
    const refuse = await control(a!.baseUrl, '/__sim/mode', { endpoint: 'a', mode: 'refuse' });
    expect(refuse).toMatchObject({ status: 200, body: { endpoint: 'a', mode: 'refuse' } });
    expect(await connectError(a!.port)).toBe('ECONNREFUSED');
    // a is down: bring it back through b's port.
    expect((await control(b!.baseUrl, '/__sim/mode', { endpoint: 'a', mode: 'ok' })).status).toBe(200);
    expect((await postChat(sim, chatBody())).status).toBe(200);
  });

  it('reject an unknown endpoint, an unknown mode and a bad body with a 400 that says what is wrong', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    const unknownEndpoint = await control<ErrorBody>(sim.controlUrl, '/__sim/mode', {
      endpoint: 'zz',
      mode: 'ok',
    });
    expect(unknownEndpoint.status).toBe(400);
    expect(unknownEndpoint.body.error.message).toBe('unknown endpoint "zz" (known: a)');
    const unknownMode = await control<ErrorBody>(sim.controlUrl, '/__sim/mode', {
      endpoint: 'a',
      mode: 'explode',
    });
    expect(unknownMode.status).toBe(400);
    expect(unknownMode.body.error.message).toMatch(
      /^unknown mode "explode" \(expected one of: ok, refuse, hang/,
    );
    const badLatency = await control<ErrorBody>(sim.controlUrl, '/__sim/mode', {
      endpoint: 'a',
      mode: 'ok',
      latencyMs: -1,
    });
    expect(badLatency.status).toBe(400);
    expect(badLatency.body.error.message).toMatch(/latencyMs/);
    const response = await postJson(`${sim.controlUrl}/__sim/mode`, 'not json');
    expect(response.status).toBe(400);
    expect((await readJson<ErrorBody>(response)).error.message).toMatch(/JSON/);
    expect(sim.stats().a).toMatchObject({ requests: 0 });
  });

  it('serve stats and reset them', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    await (await postChat(sim, chatBody())).text();
    await (await fetch(`${sim.endpoints[0]!.url}/models`)).text();
    const stats = await fetch(`${sim.endpoints[0]!.baseUrl}/__sim/stats`);
    expect(await stats.json()).toEqual({
      a: {
        requests: 2,
        chatRequests: 1,
        probeRequests: 1,
        inflight: 0,
        maxInflight: 1,
        waiting: 0,
        maxWaiting: 0,
        byOutcome: { ok: 1, probe_ok: 1 },
      },
    });
    expect((await control(sim.controlUrl, '/__sim/reset')).body).toEqual({ reset: true });
    expect(sim.stats().a).toEqual({
      requests: 0,
      chatRequests: 0,
      probeRequests: 0,
      inflight: 0,
      maxInflight: 0,
      waiting: 0,
      maxWaiting: 0,
      byOutcome: {},
    });
  });

  it('the control server answers nothing but /__sim/', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    expect((await fetch(`${sim.controlUrl}/v1/models`)).status).toBe(404);
    expect((await fetch(`${sim.controlUrl}/__sim/nothing`)).status).toBe(404);
  });
});

describe('stats', () => {
  const hangMany = (sim: FleetSimulator, count: number, signal: AbortSignal): Promise<unknown>[] =>
    Array.from({ length: count }, () => postChat(sim, chatBody(), signal).catch(() => undefined));

  it('count in-flight chat requests and remember the most at once', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'hang' }] });
    const controller = new AbortController();
    const pending = hangMany(sim, 7, controller.signal);
    await vi.waitFor(() => expect(sim.stats().a!.inflight).toBe(7));
    controller.abort();
    await Promise.all(pending);
    await vi.waitFor(() => expect(sim.stats().a!.inflight).toBe(0));
    expect(sim.stats().a).toMatchObject({ chatRequests: 7, maxInflight: 7, byOutcome: { hang: 7 } });
  });

  it('a reset keeps counting what is still in flight', async () => {
    const sim = await start({ endpoints: [{ name: 'a', mode: 'hang' }] });
    const controller = new AbortController();
    const pending = hangMany(sim, 3, controller.signal);
    await vi.waitFor(() => expect(sim.stats().a!.inflight).toBe(3));
    sim.resetStats();
    expect(sim.stats().a).toMatchObject({ chatRequests: 0, inflight: 3, maxInflight: 3 });
    controller.abort();
    await Promise.all(pending);
    await vi.waitFor(() => expect(sim.stats().a!.inflight).toBe(0));
  });

  it('hand out copies, not the live counters', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    const before: SimEndpointStats = sim.stats().a!;
    await (await postChat(sim, chatBody())).text();
    expect(before.chatRequests).toBe(0);
    expect(before.byOutcome).toEqual({});
  });

  it('3,000 requests at concurrency 16 are all answered and counted, never more than 16 at once', async () => {
    const sim = await start({ endpoints: [{ name: 'a' }] });
    let next = 0;
    const statuses = new Map<number, number>();
    const worker = async (): Promise<void> => {
      while (next < 3000) {
        next += 1;
        const response = await postChat(sim, chatBody());
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(statuses).toEqual(new Map([[200, 3000]]));
    const stats = sim.stats().a!;
    expect(stats).toMatchObject({ requests: 3000, chatRequests: 3000, inflight: 0, byOutcome: { ok: 3000 } });
    expect(stats.maxInflight).toBeGreaterThanOrEqual(1);
    expect(stats.maxInflight).toBeLessThanOrEqual(16);
  });

  it('count requests waiting out their latency as in flight', async () => {
    // Long enough that the five, sent together, are all waiting before the first one is answered.
    const sim = await start({ endpoints: [{ name: 'a', latencyMs: 300 }] });
    const responses = await Promise.all(Array.from({ length: 5 }, () => postChat(sim, chatBody())));
    await Promise.all(responses.map((response) => response.text()));
    expect(sim.stats().a!.maxInflight).toBeGreaterThanOrEqual(2);
    expect(sim.stats().a!.maxInflight).toBeLessThanOrEqual(5);
  });
});
