/**
 * The early resume request (src/cli/early-resume.ts): `keel run --resume RUN_ID` sends the first pending
 * subtask's coder request before keel has loaded, and the endpoint client adopts its answer when the router
 * would send exactly that request — so a resumed run asks no model twice. Anything it cannot vouch for (a
 * changed configuration, a hosted or keyed endpoint, an open breaker, a cooldown) means no early request.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveConfigCache } from '../../src/config/config-cache.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import { sendEarlyResumeRequest } from '../../src/cli/early-resume.ts';
import { abandonEarlyRequests, earlyRequestStats } from '../../src/fleet/early-requests.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import {
  BUILT_CLI,
  createRunFixture,
  fixtureArgs,
  readState,
  runKeel,
  startFleet,
  type RunFixture,
} from '../run/helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';
const ROLES = { planner: ['c'], coder: [['a', 'b']], reviewer: ['c'] };
const RUN_ID = 'early-1';

let sim: FleetSimulator;
const fixtures: RunFixture[] = [];

beforeAll(async () => {
  sim = await startFleet({ latencyMs: 40 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  abandonEarlyRequests();
  for (const fx of fixtures.splice(0)) await fx.cleanup();
  for (const name of ['a', 'b']) await sim.setMode(name, 'ok', 40);
});

/** A fixture whose run was SIGKILLed while both coders were answering (slowly). */
async function interruptedRun(): Promise<RunFixture> {
  const fx = await createRunFixture(sim, { roles: ROLES });
  fixtures.push(fx);
  for (const name of ['a', 'b']) await sim.setMode(name, 'ok', 3_000);
  await runKeel(['--task', TASK, '--run-id', RUN_ID, ...fixtureArgs(fx)], {
    killOnLine: /^coding \d+ subtask/,
    killDelayMs: 300,
    killSignal: 'SIGKILL',
  });
  for (const name of ['a', 'b']) await sim.setMode(name, 'ok', 40);
  return fx;
}

function eventsOf(fx: RunFixture): Record<string, unknown>[] {
  return readFileSync(join(fx.runDir(RUN_ID), 'events.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The saved fleet state a resume reads: the checkpoint's, else the fleet-state file. */
async function setFleet(fx: RunFixture, fleet: Record<string, unknown> | undefined): Promise<void> {
  const statePath = join(fx.runDir(RUN_ID), 'state.json');
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, unknown>;
  state.fleet = fleet;
  await writeFile(statePath, JSON.stringify(state));
  await writeFile(join(fx.stateDir, 'fleet-state.json'), JSON.stringify(fleet ?? {}));
}

function chatRequests(): number {
  return Object.values(sim.stats()).reduce((sum, s) => sum + s.chatRequests, 0);
}

describe('keel run --resume', () => {
  it('sends the first coder request early and adopts its answer: no model is asked twice', async () => {
    const fx = await interruptedRun();
    const before = eventsOf(fx).length;
    sim.resetStats();
    const exit = await runKeel(['--resume', RUN_ID, ...fixtureArgs(fx)]);
    expect(exit.code, exit.stderr).toBe(0);
    expect((await readState(fx, RUN_ID))?.status).toMatch(/^(completed|partial)$/);

    const events = eventsOf(fx).slice(before);
    expect(events.filter((e) => e.type === 'early_request')).toEqual([
      { type: 'early_request', offered: 1, adopted: 1, abandoned: 0, at: expect.any(Number) as unknown },
    ]);
    // Every request the simulator saw is one the router made: the early one was not an extra.
    expect(chatRequests()).toBe(events.filter((e) => e.type === 'router_attempt').length);
  }, 60_000);

  it("a lesson kept in the fleet state (json_object refused) shapes the early request as it shapes the router's", async () => {
    const fx = await interruptedRun();
    const statePath = join(fx.runDir(RUN_ID), 'state.json');
    const saved = (JSON.parse(readFileSync(statePath, 'utf8')) as { fleet?: Record<string, unknown> }).fleet;
    const url = (name: string) => sim.endpoints.find((e) => e.name === name)!.url;
    // Both coders once refused json_object: both the early request and the router send json_schema.
    const refused = (name: string) => ({ url: url(name), refused: ['json_object'] });
    await setFleet(fx, { ...saved, learned: { formats: { a: refused('a'), b: refused('b') }, models: {} } });
    const before = eventsOf(fx).length;
    const exit = await runKeel(['--resume', RUN_ID, ...fixtureArgs(fx)]);
    expect(exit.code, exit.stderr).toBe(0);
    const events = eventsOf(fx).slice(before);
    expect(events.filter((e) => e.type === 'early_request')).toEqual([
      { type: 'early_request', offered: 1, adopted: 1, abandoned: 0, at: expect.any(Number) as unknown },
    ]);
  }, 60_000);

  it('the built keel (dist/cli) adopts it too: one instance of the hand-over across its chunks', async () => {
    const fx = await interruptedRun();
    const before = eventsOf(fx).length;
    sim.resetStats();
    const exit = await runKeel(['--resume', RUN_ID, ...fixtureArgs(fx)], { cli: BUILT_CLI });
    expect(exit.code, exit.stderr).toBe(0);
    const events = eventsOf(fx).slice(before);
    expect(events.filter((e) => e.type === 'early_request')).toMatchObject([{ offered: 1, adopted: 1 }]);
    expect(chatRequests()).toBe(events.filter((e) => e.type === 'router_attempt').length);
  }, 60_000);

  it('a resume that fails before its router exists still exits at once, the early request cancelled', async () => {
    const fx = await interruptedRun();
    // Shaped enough for the early request, not valid for the run: the store refuses this version.
    const statePath = join(fx.runDir(RUN_ID), 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, unknown>;
    await writeFile(statePath, JSON.stringify({ ...state, version: 999 }));
    for (const name of ['a', 'b']) await sim.setMode(name, 'ok', 30_000);
    sim.resetStats();
    const exit = await runKeel(['--resume', RUN_ID, ...fixtureArgs(fx)], { timeoutMs: 20_000 });
    expect(exit.code).not.toBe(0);
    expect(exit.stderr).toMatch(/bench|version|cannot|no run/i);
    // The early request went out (the model would take 30 s) and did not hold the process.
    expect(chatRequests()).toBe(1);
    expect(exit.durationMs).toBeLessThan(10_000);
  }, 60_000);

  it('sends nothing early when the configuration changed since the last run, and still finishes', async () => {
    const fx = await interruptedRun();
    await fx.writeConfig({ roles: ROLES, policy: { maxWaitMs: 2_500 } });
    const before = eventsOf(fx).length;
    const exit = await runKeel(['--resume', RUN_ID, ...fixtureArgs(fx)]);
    expect(exit.code, exit.stderr).toBe(0);
    expect(
      eventsOf(fx)
        .slice(before)
        .filter((e) => e.type === 'early_request'),
    ).toEqual([]);
    expect((await readState(fx, RUN_ID))?.status).toMatch(/^(completed|partial)$/);
  }, 60_000);
});

describe('sendEarlyResumeRequest refuses what it cannot vouch for', () => {
  /** An interrupted run, with the configuration cached as the run command caches it. */
  async function prepared(): Promise<{ fx: RunFixture; argv: string[] }> {
    const fx = await interruptedRun();
    const { config, source } = await loadConfigFile(fx.configPath);
    await saveConfigCache(fx.stateDir, source, config);
    return { fx, argv: ['run', '--resume', RUN_ID, ...fixtureArgs(fx)] };
  }
  const options = { cwd: '/', env: {} };

  it('sends when everything holds, and the request waits for adoption', async () => {
    const { argv } = await prepared();
    const offered = earlyRequestStats().offered;
    const outcome = await sendEarlyResumeRequest(argv, options);
    expect(outcome).toMatchObject({ sent: true, model: 'sim-model' });
    expect(earlyRequestStats().offered).toBe(offered + 1);
  }, 60_000);

  it('not for a changed configuration file, a disabled switch, an unnamed run', async () => {
    const { fx, argv } = await prepared();
    expect(await sendEarlyResumeRequest(argv, { ...options, env: { KEEL_EARLY_REQUEST: '0' } })).toEqual({
      sent: false,
      why: 'disabled by KEEL_EARLY_REQUEST=0',
    });
    expect(await sendEarlyResumeRequest(['run', '--resume', ...fixtureArgs(fx)], options)).toMatchObject({
      sent: false,
      why: 'not a resume of a named run',
    });
    await writeFile(fx.configPath, `${readFileSync(fx.configPath, 'utf8')}\n# edited\n`);
    expect(await sendEarlyResumeRequest(argv, options)).toMatchObject({
      sent: false,
      why: 'the configuration changed since it was last validated',
    });
  }, 60_000);

  it('not to an endpoint whose breaker is open or that cools down, nor to a hosted one', async () => {
    const { fx, argv } = await prepared();
    const now = Date.now();
    const open = { state: 'open', failures: [now], openedAt: now };
    // Both first-tier coders blocked: one by its breaker, the other by a cooldown.
    await setFleet(fx, {
      version: 1,
      savedAt: now,
      breakers: { 'a/sim-model': open },
      cooldowns: { b: { until: now + 60_000, strikes: 1 } },
    });
    expect(await sendEarlyResumeRequest(argv, { ...options, now })).toMatchObject({
      sent: false,
      why: 'no usable coder',
    });

    await setFleet(fx, undefined);
    const { config, source } = await loadConfigFile(fx.configPath);
    const hosted = { ...config, endpoints: config.endpoints.map((e) => ({ ...e, kind: 'hosted' as const })) };
    await writeFile(join(fx.stateDir, 'config-cache.json'), '{}');
    await saveConfigCache(fx.stateDir, source, hosted);
    expect(await sendEarlyResumeRequest(argv, options)).toMatchObject({
      sent: false,
      why: expect.stringContaining('not a keyless local endpoint') as unknown,
    });
  }, 60_000);
});
