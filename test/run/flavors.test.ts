/**
 * A real `keel run` completes, not degraded, on every flavor of the simulator as today's servers behave
 * (issue 10, "Done when"): the config leaves windows and slots to the servers, so each run discovers them
 * (Ollama /api/ps, LM Studio /api/v1/models, llama.cpp /props and router mode), shapes its requests as each
 * server takes them (LM Studio refuses json_object, OpenAI reasoning models refuse max_tokens), waits out a
 * llama.cpp that is still loading its model, and lets an Ollama load a cold model.
 */
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startSimulator, type FleetSimulator, type SimEndpointSpec } from '../../src/sim/fleet-simulator.ts';
import { isRunLogType } from '../../src/run/run-events.ts';
import { scriptedResponder } from '../../src/sim/scripted-model.ts';
import {
  createRunFixture,
  fixtureArgs,
  readState,
  readText,
  runKeel,
  type RunFixture,
} from './helpers/run-fixture.ts';

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';

interface FlavorCase {
  name: string;
  spec: Omit<SimEndpointSpec, 'name'>;
  model: string;
  /** Extra endpoint settings in keel.yml (never `contextWindow` or `maxParallel`: those are discovered). */
  endpoint?: Record<string, unknown>;
  /** Something to do while the run runs (a server that finishes loading). */
  during?: (sim: FleetSimulator) => Promise<void>;
  /** Router events the run must have logged (as `router_<type>` in events.ndjson). */
  events?: RegExp[];
}

const CASES: FlavorCase[] = [
  {
    name: 'openai',
    spec: { flavor: 'openai', models: ['gpt-5-mini'], outputCap: 16_384 },
    model: 'gpt-5-mini',
    endpoint: { kind: 'hosted' },
  },
  { name: 'vllm', spec: { flavor: 'vllm', contextWindow: 32_768 }, model: 'sim-model' },
  {
    name: 'llamacpp',
    // Still loading its model when the run starts.
    spec: { flavor: 'llamacpp', contextWindow: 32_768, slots: 2, mode: 'loading' },
    model: 'sim-model',
    // Ready once keel has met the loading server on a chat request (not after a fixed time: on a busy
    // machine the run may not have asked anything yet).
    during: async (sim) => {
      const deadline = Date.now() + 60_000;
      while ((sim.stats().x?.byOutcome.loading ?? 0) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      await sim.setMode('x', 'ok');
    },
    events: [/"type":"router_loading","endpointId":"x","loading":true/, /"router_loading".*"loading":false/],
  },
  {
    name: 'llamacpp-router',
    spec: {
      flavor: 'llamacpp-router',
      models: ['sim-model', 'other'],
      loadedModels: ['other'],
      loadMs: 200,
      contextWindow: 32_768,
    },
    model: 'sim-model',
  },
  {
    // Refuses json_object: JSON requests without a schema are learned and sent as json_schema.
    name: 'lmstudio',
    spec: { flavor: 'lmstudio', contextWindow: 32_768 },
    model: 'sim-model',
  },
  {
    name: 'ollama',
    // A Modelfile num_ctx, one request at a time, and the model not loaded yet.
    spec: {
      flavor: 'ollama',
      models: ['sim-model:latest'],
      contextWindow: 8_192,
      loadedModels: [],
      loadMs: 300,
    },
    model: 'sim-model:latest',
  },
];

const open: { sim: FleetSimulator; fx: RunFixture }[] = [];
afterEach(async () => {
  for (const { sim, fx } of open.splice(0)) {
    await sim.close();
    await fx.cleanup();
  }
});

describe('keel run on every flavor of the simulator', () => {
  it.each(CASES)('$name: completes, not degraded', async (flavor) => {
    const sim = await startSimulator({
      endpoints: [{ name: 'x', ...flavor.spec }],
      responder: scriptedResponder,
    });
    const fx = await createRunFixture(sim);
    open.push({ sim, fx });
    const candidate = `x/${flavor.model}`;
    await writeFile(
      fx.configPath,
      stringify({
        version: 1,
        endpoints: [{ id: 'x', url: sim.endpoints[0]!.url, kind: 'local', ...flavor.endpoint }],
        roles: { planner: [candidate], coder: [candidate], reviewer: [candidate] },
        policy: { maxWaitMs: 10_000 },
        run: { validate: ['node check.js'], validateTimeoutMs: 30_000, heartbeatMs: 200 },
      }),
    );
    const [exit] = await Promise.all([
      runKeel(['--task', TASK, '--run-id', flavor.name, ...fixtureArgs(fx)]),
      flavor.during?.(sim),
    ]);
    expect(exit.code, exit.stdout + exit.stderr).toBe(0);
    expect(exit.stdout).toMatch(/^status: completed$/m);
    const state = (await readState(fx, flavor.name))!;
    expect(state.status).toBe('completed');
    expect(Object.values(state.steps).some((step) => step.degraded === true)).toBe(false);
    const events = await readText(`${fx.runDir(flavor.name)}/events.ndjson`);
    for (const pattern of flavor.events ?? []) expect(events).toMatch(pattern);
    // Every line keeps the log's contract (run-events.ts): a reader can switch on its type.
    for (const line of events.split('\n').filter((text) => text !== '')) {
      expect(isRunLogType((JSON.parse(line) as { type?: unknown }).type), line).toBe(true);
    }
    // A server that refused a request shape did so once: the router learned it and reshaped the rest.
    const refused = sim.stats().x!.byOutcome.refused ?? 0;
    expect(refused).toBeLessThanOrEqual(1);
    if (refused === 1) expect(events).toMatch(/"type":"router_learned"/);
  });
});
