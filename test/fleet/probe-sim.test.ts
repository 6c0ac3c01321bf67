/**
 * Discovery against the fleet simulator: each simulated flavor answers its own dialect, and every one of
 * them must yield the window the server was started with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeCommand, type ProbeRow } from '../../src/cli/probe-command.ts';
import { probeHealth, scanCapabilities } from '../../src/fleet/probe.ts';
import {
  MODEL_MAX_CONTEXT,
  startSimulator,
  type FleetSimulator,
  type SimEndpointSpec,
} from '../../src/sim/fleet-simulator.ts';
import { testConfig } from '../helpers/config.ts';
import { endpoint, fakeFetch } from './fixtures/fake-fetch.ts';
import * as fx from './fixtures/flavor-responses.ts';

const SERVED = 8192;
const specs = [
  { name: 'vllm', flavor: 'vllm', models: ['Qwen/Qwen2.5-Coder-7B-Instruct'], contextWindow: SERVED },
  { name: 'llamacpp', flavor: 'llamacpp', models: ['qwen2.5-coder-7b'], contextWindow: SERVED },
  { name: 'lmstudio', flavor: 'lmstudio', models: ['qwen2.5-coder-7b-instruct'], contextWindow: SERVED },
  {
    name: 'ollama',
    flavor: 'ollama',
    models: ['qwen2.5-coder:7b', 'llama3.2:latest'],
    contextWindow: SERVED,
  },
  // Run with its defaults: no num_ctx in the parameters, so Ollama's default applies, capped by the
  // architecture's context_length (MODEL_MAX_CONTEXT).
  // Not loaded (nothing in /api/ps), so nothing reports the window it will get.
  { name: 'ollama-defaults', flavor: 'ollama', models: ['llama3.2:latest'], loadedModels: [] as string[] },
] as const;

let sim: FleetSimulator;
const urlOf = (name: string): string => sim.endpoints.find((info) => info.name === name)!.url;

beforeAll(async () => {
  sim = await startSimulator({
    endpoints: specs.map((spec): SimEndpointSpec => ({
      ...spec,
      models: [...spec.models],
      port: 0,
      mode: 'ok' as const,
    })),
  });
});
afterAll(async () => {
  await sim.close();
});

describe('probes against the fleet simulator', () => {
  it.each(specs.filter((spec) => spec.name !== 'ollama-defaults'))(
    'discovers the served window of $name with flavor: auto',
    async (spec) => {
      const scan = await scanCapabilities(endpoint({ id: spec.name, url: urlOf(spec.name) }), {
        timeoutMs: 5_000,
      });
      expect(scan.error).toBeUndefined();
      expect(scan.flavor).toBe(spec.flavor);
      expect(scan.models).toEqual(expect.arrayContaining([...spec.models]));
      for (const model of spec.models) expect(scan.contextWindows[model]).toBe(SERVED);
    },
  );

  it('falls back to the server default capped by the trained length on an Ollama run with its defaults', async () => {
    expect(MODEL_MAX_CONTEXT).toBe(32768);
    const scan = await scanCapabilities(endpoint({ id: 'o', url: urlOf('ollama-defaults') }), {
      timeoutMs: 5_000,
    });
    expect(scan).toMatchObject({ flavor: 'ollama', contextWindows: { 'llama3.2:latest': 4096 } });
    expect(scan.notes?.[0]).toMatch(/^llama3\.2:latest: .*assuming at most 4096/);

    // The simulator always trains its models for MODEL_MAX_CONTEXT and always reports LM Studio models as
    // loaded, so the other cases are served from recorded answers.
    const ROOT = 'http://box:1234';
    const shortTrained = {
      ...fx.ollamaShowArchOnly,
      model_info: { ...fx.ollamaShowArchOnly.model_info, 'llama.context_length': 2048 },
    };
    const ollama = await scanCapabilities(endpoint({ id: 'o2', url: `${ROOT}/v1`, flavor: 'ollama' }), {
      timeoutMs: 5_000,
      fetch: fakeFetch({
        [`GET ${ROOT}/v1/models`]: { json: fx.ollamaModels },
        [`GET ${ROOT}/api/tags`]: { json: fx.ollamaTags },
        [`POST ${ROOT}/api/show`]: { json: shortTrained },
      }).fetch,
    });
    // (a) Trained for 2048, no num_ctx: the cap never raises a window.
    expect(ollama.contextWindows['llama3.2:latest']).toBe(2048);

    const lmstudio = await scanCapabilities(endpoint({ id: 's', url: `${ROOT}/v1`, flavor: 'lmstudio' }), {
      timeoutMs: 5_000,
      fetch: fakeFetch({
        [`GET ${ROOT}/v1/models`]: { json: fx.lmStudioModels },
        [`GET ${ROOT}/api/v0/models`]: { json: fx.lmStudioV0Models },
      }).fetch,
    });
    // (b) Not loaded, max_context_length 131072: loaded on demand at LM Studio's default.
    expect(lmstudio.contextWindows['llama-3.2-3b-instruct']).toBe(4096);
    // (c) Loaded with loaded_context_length 8192 (max 32768): taken as it is, even above the default.
    expect(lmstudio.contextWindows['qwen2.5-coder-7b-instruct']).toBe(8192);
  });

  it('follows an endpoint going down and coming back', async () => {
    const target = endpoint({ id: 'vllm', url: urlOf('vllm') });
    expect((await probeHealth(target, { timeoutMs: 5_000 })).healthy).toBe(true);
    await sim.setMode('vllm', 'refuse');
    const down = await probeHealth(target, { timeoutMs: 5_000 });
    expect(down.healthy).toBe(false);
    expect(down.error).toMatch(/ECONNREFUSED/);
    await sim.setMode('vllm', 'e500');
    expect(await probeHealth(target, { timeoutMs: 5_000 })).toMatchObject({
      healthy: false,
      error: 'HTTP 500',
    });
    await sim.setMode('vllm', 'hang');
    expect(await probeHealth(target, { timeoutMs: 200 })).toMatchObject({
      healthy: false,
      error: 'timed out after 200 ms',
    });
    await sim.setMode('vllm', 'ok');
    expect((await probeHealth(target, { timeoutMs: 5_000 })).healthy).toBe(true);
  });

  it('keel probe --capabilities reports every simulated endpoint', async () => {
    const config = testConfig({
      endpoints: specs.map((spec) => ({ id: spec.name, url: urlOf(spec.name), kind: 'local' as const })),
      roles: { coder: ['vllm/Qwen/Qwen2.5-Coder-7B-Instruct'] },
    });
    const out: string[] = [];
    const code = await createProbeCommand({ loadConfig: async () => config })(['--json', '--capabilities'], {
      stdout: (text) => out.push(text),
      stderr: () => undefined,
      env: {},
      cwd: '/nowhere',
      signal: new AbortController().signal,
    });
    expect(code).toBe(0);
    const rows = (JSON.parse(out.join('')) as { endpoints: ProbeRow[] }).endpoints;
    expect(rows.map((row) => [row.id, row.status, row.flavor])).toEqual(
      specs.map((spec) => [spec.name, 'healthy', spec.flavor]),
    );
  });
});
