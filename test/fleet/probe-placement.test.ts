import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/base/clock.ts';
import { createProbeCommand } from '../../src/cli/probe-command.ts';
import { FleetHealthBook, shouldSkipEndpoint } from '../../src/fleet/probe.ts';
import { runProbeLoop } from '../../src/fleet/probe-loop.ts';
import { testConfig } from '../helpers/config.ts';
import { endpoint, fakeFetch } from './fixtures/fake-fetch.ts';
import { vllmModels } from './fixtures/flavor-responses.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('shouldSkipEndpoint', () => {
  const local = { kind: 'local' as const };
  const tunnelled = { kind: 'local' as const, reachable: true };
  const hosted = { kind: 'hosted' as const };

  it.each([
    ['github-hosted', local, true],
    ['github-hosted', tunnelled, false],
    ['github-hosted', hosted, false],
    [' GitHub-Hosted ', local, true],
    ['self-hosted', local, false],
    ['self-hosted', hosted, false],
    [undefined, local, false],
    ['', local, false],
  ] as const)('RUNNER_ENVIRONMENT=%j, %j → skip: %s', (runner, target, skip) => {
    expect(shouldSkipEndpoint(target, runner)).toBe(skip);
  });

  it('treats reachable: false like an unmarked local endpoint', () => {
    expect(shouldSkipEndpoint({ kind: 'local', reachable: false }, 'github-hosted')).toBe(true);
  });
});

describe('runner placement, end to end', () => {
  const fleet = [
    endpoint({ id: 'lan-a', url: 'http://10.0.0.5:8000/v1' }),
    endpoint({ id: 'tunnel', url: 'http://tunnel.example:8000/v1', reachable: true }),
    endpoint({ id: 'openai', url: 'https://api.example/v1', kind: 'hosted' }),
  ];
  const routes = {
    'GET http://tunnel.example:8000/v1/models': { json: vllmModels },
    'GET https://api.example/v1/models': { json: vllmModels },
    'GET http://10.0.0.5:8000/v1/models': { json: vllmModels },
  };

  it('the probe loop over the filtered list never touches a skipped local endpoint', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(routes);
    const reachable = fleet.filter((target) => !shouldSkipEndpoint(target, 'github-hosted'));
    const book = new FleetHealthBook({ staleAfterMs: 120_000 });
    const controller = new AbortController();
    const intervals = { healthIntervalMs: 1_000, capabilityIntervalMs: 5_000, timeoutMs: 500 };
    const loop = runProbeLoop(reachable, book, {
      clock: systemClock,
      fetch,
      intervals,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(10_000);
    controller.abort();
    await loop;

    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.url.includes('10.0.0.5'))).toEqual([]);
    expect(book.health('lan-a', Date.now())).toBe('unknown');
    expect(book.health('tunnel', Date.now())).toBe('healthy');
  });

  it('keel probe on a GitHub-hosted runner shows the local endpoint as skipped without connecting', async () => {
    const { fetch, calls } = fakeFetch(routes);
    const config = testConfig({
      endpoints: [
        { id: 'lan-a', url: 'http://10.0.0.5:8000/v1', kind: 'local' },
        { id: 'openai', url: 'https://api.example/v1', kind: 'hosted' },
      ],
      // The model the listing serves: a model it lacks would make the endpoint misconfigured (exit 1).
      roles: { coder: ['lan-a/m', 'openai/Qwen/Qwen2.5-Coder-7B-Instruct'] },
    });
    const out: string[] = [];
    const command = createProbeCommand({ fetch, loadConfig: async () => config });
    const code = await command(['--json', '--capabilities'], {
      stdout: (text) => out.push(text),
      stderr: () => undefined,
      env: { RUNNER_ENVIRONMENT: 'github-hosted' },
      cwd: '/nowhere',
      signal: new AbortController().signal,
    });

    expect(code).toBe(0);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.url.includes('10.0.0.5'))).toEqual([]);
    const report = JSON.parse(out.join('')) as {
      endpoints: { id: string; status: string; skipReason?: string }[];
    };
    expect(report.endpoints.find((row) => row.id === 'lan-a')).toMatchObject({
      status: 'skipped',
      skipReason: 'github-hosted runner',
    });
  });
});
