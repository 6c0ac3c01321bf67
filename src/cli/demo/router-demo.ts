/**
 * `keel demo` (router stage): the resilient router against the embedded simulated fleet, with faults
 * switched on and off while it works. No real model and no network beyond loopback.
 */
import type { CliIO } from '../io.ts';
import { validateConfigValue } from '../../config/load.ts';
import type { RoleName } from '../../config/schema.ts';
import { createRouter, type Router } from '../../fleet/router.ts';
import type { Completion, RouterEvent } from '../../fleet/router-types.ts';
import { renderStatusText } from '../../fleet/status.ts';
import { startSimulator, type FleetSimulator } from '../../sim/fleet-simulator.ts';

const ROLE: RoleName = 'coder';

export async function runRouterDemo(io: CliIO): Promise<number> {
  const out = (text = ''): void => io.stdout(`${text}\n`);
  const sim = await startSimulator({
    endpoints: [
      { name: 'lan-a', latencyMs: 30, flavor: 'vllm', models: ['qwen2.5-coder:7b'], contextWindow: 32_768 },
      { name: 'lan-b', latencyMs: 30, flavor: 'ollama', models: ['qwen2.5-coder:7b'], contextWindow: 16_384 },
      { name: 'hosted', latencyMs: 60, flavor: 'openai', models: ['gpt-5-nano'] },
    ],
  });
  const url = (name: string): string => sim.endpoints.find((e) => e.name === name)!.url;
  const config = validateConfigValue({
    version: 1,
    endpoints: [
      { id: 'lan-a', url: url('lan-a'), kind: 'local', maxParallel: 4, timeouts: { firstTokenMs: 300 } },
      { id: 'lan-b', url: url('lan-b'), kind: 'local', maxParallel: 4, timeouts: { firstTokenMs: 300 } },
      { id: 'hosted', url: url('hosted'), kind: 'hosted', maxParallel: 8 },
    ],
    roles: { coder: [['lan-a/qwen2.5-coder:7b', 'lan-b/qwen2.5-coder:7b'], 'hosted/gpt-5-nano'] },
    // Shortened for the demo; the defaults are a 60 s reset and a 1 s first cooldown.
    policy: { breaker: { resetTimeoutMs: 2_500 }, cooldown: { baseMs: 150, maxMs: 2_000 } },
  });
  const events: RouterEvent[] = [];
  // Self-hosted: the LAN endpoints are reachable, whatever RUNNER_ENVIRONMENT says where the demo runs.
  let router = createRouter(config, { env: {}, onEvent: (e) => events.push(e) });

  try {
    out('keel demo — the model router against a simulated fleet (loopback only, no real model)');
    out('chain for coder: tier 1 = lan-a | lan-b (least loaded first), tier 2 = hosted');
    out();
    out(renderStatusText(router.status()));

    await step(
      out,
      '1. All healthy: 12 requests at once stay on the LAN (4 slots each); the rest queue for a slot',
      () => burst(router, 12),
    );

    await sim.setMode('lan-a', 'refuse');
    await step(
      out,
      '2. lan-a refuses connections: the first request fails over at once, later ones skip lan-a',
      () => burst(router, 8),
    );

    await sim.setMode('lan-b', 'hang');
    await step(
      out,
      '3. lan-b hangs as well: after its 300 ms first-token timeout, tier 2 (hosted) serves',
      () => burst(router, 6),
    );

    await sim.setMode('lan-b', 'cut');
    await sleep(300);
    await step(
      out,
      '4. lan-b cuts its streams mid-way: the answer restarts whole on the next candidate',
      () => burst(router, 3, true),
    );

    out(
      "5. Failures add up: after 5 in the 5-minute window an endpoint's breaker opens (both LAN ones here)",
    );
    await sim.setMode('lan-b', 'ok', 30);
    await untilOpen(router, 'lan-a');
    out(renderStatusText(router.status()));

    await sim.setMode('lan-a', 'ok', 30);
    out('6. The LAN comes back: breakers half-open after the reset timeout (2.5 s here, 60 s by default)');
    out('   and one successful trial request closes each');
    await sleep(2_600);
    out(renderStatusText(router.status()));
    await burst(router, 8);
    out(renderStatusText(router.status()));

    out('7. State survives the process: lan-b goes down, its breaker opens, the state is saved and a new');
    out('   router (the next scheduled run) starts with the breaker open — lan-b is not hammered again');
    await sim.setMode('lan-b', 'e500');
    await untilOpen(router, 'lan-b');
    const saved = JSON.stringify(router.exportState());
    await router.close();
    sim.resetStats();
    router = createRouter(config, { env: {}, state: JSON.parse(saved) as unknown });
    await burst(router, 6);
    out(renderStatusText(router.status()));
    out(`   requests that reached lan-b after the restart: ${sim.stats()['lan-b']?.chatRequests ?? 0}`);
    out();
    summarize(out, events, sim);
    return 0;
  } finally {
    await router.close();
    await sim.close();
  }
}

async function step(
  out: (text?: string) => void,
  title: string,
  run: () => Promise<Completion[]>,
): Promise<void> {
  out(title);
  const results = await run();
  const served = new Map<string, number>();
  for (const r of results) served.set(r.endpointId, (served.get(r.endpointId) ?? 0) + 1);
  out(`   served by: ${[...served].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
  const detour = results.find((r) => r.attempts.length > 1);
  if (detour) {
    const trail = detour.attempts.map((a) => `${a.endpointId} ${a.outcome} (${Math.round(a.latencyMs)} ms)`);
    out(`   e.g. one request: ${trail.join(' → ')}`);
  }
  out();
}

function burst(router: Router, count: number, stream = false): Promise<Completion[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => router.complete(ROLE, { ...prompt(i), stream })),
  );
}

/** Keeps the fleet busy (bursts, so both LAN endpoints get work) until an endpoint's breaker is open. */
async function untilOpen(router: Router, endpointId: string): Promise<void> {
  for (let round = 0; round < 100; round++) {
    if (router.status().some((r) => r.endpointId === endpointId && r.state === 'OPEN')) return;
    await burst(router, 8);
    await sleep(100);
  }
  throw new Error(`demo: the breaker of ${endpointId} never opened`);
}

function prompt(i: number): { messages: { role: 'user'; content: string }[] } {
  return { messages: [{ role: 'user', content: `write function number ${i}` }] };
}

function summarize(out: (text?: string) => void, events: RouterEvent[], sim: FleetSimulator): void {
  const attempts = events.filter((e) => e.type === 'attempt');
  const failed = attempts.filter((e) => e.attempt.outcome !== 'ok');
  const opened = events.flatMap((e) => (e.type === 'breaker' && e.to === 'open' ? [e.key] : []));
  out('summary');
  out(`   attempts: ${attempts.length}, failed and failed over: ${failed.length}`);
  out(`   breakers opened: ${opened.join(', ') || 'none'}`);
  for (const [name, stats] of Object.entries(sim.stats())) {
    out(
      `   ${name}: ${stats.chatRequests} chat requests since the restart, at most ${stats.maxInflight} in flight`,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
