import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProbeCommand, type ProbeRow } from '../../src/cli/probe-command.ts';
import { runCli } from '../../src/cli/index.ts';
import type { KeelConfig } from '../../src/config/schema.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { testConfig } from '../helpers/config.ts';
import { fakeFetch, type FakeRoute } from '../fleet/fixtures/fake-fetch.ts';
import {
  ollamaModels,
  ollamaShowArchOnly,
  ollamaShowNoArch,
  ollamaShowWithNumCtx,
  ollamaTags,
  vllmModels,
} from '../fleet/fixtures/flavor-responses.ts';

const config = testConfig({
  endpoints: [
    { id: 'lan-a', url: 'http://lan-a:11434/v1', kind: 'local', flavor: 'ollama' },
    { id: 'lan-b', url: 'http://user:secret@lan-b:8000/v1', kind: 'local', contextWindow: 4096 },
    { id: 'openai', url: 'https://api.example/v1', kind: 'hosted', apiKeyEnv: 'OPENAI_API_KEY' },
  ],
  roles: { coder: ['lan-a/qwen2.5-coder:7b', 'openai/gpt-5-nano'] },
});

const routes: Record<string, FakeRoute> = {
  'GET http://lan-a:11434/v1/models': { json: ollamaModels },
  'GET http://lan-a:11434/api/tags': { json: ollamaTags },
  'POST http://lan-a:11434/api/show': { json: ollamaShowWithNumCtx },
  'GET http://user:secret@lan-b:8000/v1/models': { json: vllmModels },
  'GET https://api.example/v1/models': { status: 401, json: { error: { message: 'Incorrect API key' } } },
};

function run(argv: string[], env: Record<string, string | undefined> = {}, loaded: KeelConfig = config) {
  const { fetch, calls } = fakeFetch(routes);
  const capture = captureIO(env);
  const command = createProbeCommand({ fetch, loadConfig: async () => loaded });
  return { result: command(argv, capture.io), calls, ...capture };
}

describe('keel probe', () => {
  it('prints a table with health, models and windows, and the errors below it', async () => {
    const { result, stdout } = run([]);
    expect(await result).toBe(0);
    const text = stdout();
    expect(text).toMatch(/^endpoint\s+kind\s+url\s+health\s+latency\s+models\s+context windows$/m);
    expect(text).toMatch(
      /^lan-a\s+local\s+http:\/\/lan-a:11434\/v1\s+healthy\s+\d+ ms\s+qwen2.5-coder:7b, llama3.2:latest \+1 more\s+not scanned/m,
    );
    expect(text).toMatch(/^lan-b\s+.*healthy.*4096 \(config\)$/m);
    expect(text).toMatch(/^openai\s+hosted\s+https:\/\/api.example\/v1\s+unhealthy/m);
    expect(text).toContain('openai: HTTP 401 (OPENAI_API_KEY is not set)');
    expect(text).toContain('2 of 3 endpoint(s) healthy');
    // Credentials in a URL stay off the screen.
    expect(text).not.toContain('secret');
  });

  it('scans capabilities with --capabilities and reports windows per model', async () => {
    const { result, stdout } = run(['--json', '--capabilities']);
    expect(await result).toBe(0);
    const report = JSON.parse(stdout()) as { healthy: number; endpoints: ProbeRow[] };
    expect(report.healthy).toBe(2);
    const [lanA, lanB] = report.endpoints;
    expect(lanA).toMatchObject({ status: 'healthy', flavor: 'ollama', contextWindowSource: 'discovered' });
    expect(lanA?.contextWindows['qwen2.5-coder:7b']).toBe(16384);
    // The configured window beats the discovered one (vLLM says 32768).
    expect(lanB).toMatchObject({ contextWindowSource: 'config', configuredWindow: 4096, flavor: 'vllm' });
    expect(lanB?.contextWindows).toEqual({ 'Qwen/Qwen2.5-Coder-7B-Instruct': 4096 });
    expect(lanB?.url).toBe('http://lan-b:8000/v1');
  });

  it('says under notes which windows are a conservative cap, and which model runs loaded with what', async () => {
    const ollama = testConfig({
      endpoints: [{ id: 'lan-a', url: 'http://lan-a:11434/v1', kind: 'local', flavor: 'ollama' }],
      roles: { coder: ['lan-a/qwen2.5-coder:7b'] },
    });
    // qwen2.5-coder is loaded with a 32768 window (/api/ps); llama3.2 is not, and no num_ctx says more.
    const { fetch } = fakeFetch({
      ...routes,
      'GET http://lan-a:11434/api/ps': {
        json: { models: [{ name: 'qwen2.5-coder:7b', model: 'qwen2.5-coder:7b', context_length: 32768 }] },
      },
      'POST http://lan-a:11434/api/show': (call) => ({
        json:
          (call.body as { model: string }).model === 'llama3.2:latest'
            ? ollamaShowArchOnly
            : ollamaShowNoArch,
      }),
    });
    const capture = captureIO({});
    const command = createProbeCommand({ fetch, loadConfig: async () => ollama });
    expect(await command(['--capabilities'], capture.io)).toBe(0);
    const text = capture.stdout();
    expect(text).toMatch(/^notes:$/m);
    expect(text).toMatch(
      /^ {2}lan-a: llama3\.2:latest, nomic-embed-text:latest: Ollama \(not loaded, no num_ctx\) reports no allocated window; assuming at most 4096 tokens \(set contextWindow if the server gives more\)$/m,
    );
    expect(text).toMatch(/^lan-a\s.*qwen2\.5-coder:7b=32768, llama3\.2:latest=4096 \+1 more\s+ollama$/m);
    // With contextWindow configured the assumption is moot: no note.
    const configured = testConfig({
      endpoints: [
        { id: 'lan-a', url: 'http://lan-a:11434/v1', kind: 'local', flavor: 'ollama', contextWindow: 8192 },
      ],
      roles: { coder: ['lan-a/qwen2.5-coder:7b'] },
    });
    const again = captureIO({});
    await createProbeCommand({ fetch, loadConfig: async () => configured })(['--capabilities'], again.io);
    expect(again.stdout()).not.toContain('assuming');
  });

  it('uses the API key from the environment and never prints it', async () => {
    const { result, calls, stdout } = run(['--json'], { OPENAI_API_KEY: 'sk-abcdefghijklmnop' });
    await result;
    expect(calls.find((call) => call.url.startsWith('https://api.example'))?.headers.authorization).toBe(
      'Bearer sk-abcdefghijklmnop',
    );
    expect(stdout()).not.toContain('abcdefghijklmnop');
  });

  it('exits 1 when no endpoint is healthy', async () => {
    const down = testConfig({
      endpoints: [{ id: 'openai', url: 'https://api.example/v1', kind: 'hosted' }],
      roles: { coder: ['openai/m'] },
    });
    const { result, stdout } = run([], {}, down);
    expect(await result).toBe(1);
    expect(stdout()).toContain('0 of 1 endpoint(s) healthy');
  });

  it('exits 1 when every endpoint is skipped', async () => {
    const { result, calls, stdout } = run(
      [],
      { RUNNER_ENVIRONMENT: 'github-hosted' },
      testConfig({
        endpoints: [{ id: 'lan-a', url: 'http://lan-a:11434/v1', kind: 'local' }],
        roles: { coder: ['lan-a/m'] },
      }),
    );
    expect(await result).toBe(1);
    expect(calls).toEqual([]);
    expect(stdout()).toMatch(/^lan-a\s+local\s+\S+\s+skipped \(github-hosted runner\)\s+-/m);
  });

  it('rejects unknown options as a usage error (exit 2 through the dispatcher)', async () => {
    const capture = captureIO();
    expect(await runCli(['probe', '--bogus'], capture.io)).toBe(2);
    expect(capture.stderr()).toContain('keel probe:');
  });

  it('prints its usage with --help', async () => {
    const { result, stdout } = run(['--help']);
    expect(await result).toBe(0);
    expect(stdout()).toContain('usage: keel probe');
  });
});

describe('keel probe with a config file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keel-probe-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads --config relative to the working directory', async () => {
    await writeFile(
      join(dir, 'fleet.yml'),
      [
        'version: 1',
        'endpoints:',
        '  - { id: lan-c, url: "http://lan-c:8000/v1", kind: local }',
        'roles:',
        '  coder: [lan-c/Qwen/Qwen2.5-Coder-7B-Instruct]',
        '',
      ].join('\n'),
    );
    const { fetch } = fakeFetch({ 'GET http://lan-c:8000/v1/models': { json: vllmModels } });
    const capture = captureIO({}, dir);
    const code = await createProbeCommand({ fetch })(['--config', 'fleet.yml', '--json'], capture.io);
    expect(code).toBe(0);
    expect((JSON.parse(capture.stdout()) as { endpoints: ProbeRow[] }).endpoints[0]).toMatchObject({
      id: 'lan-c',
      status: 'healthy',
    });
  });
});
