/**
 * The client against nock on loopback, with a GHES-style base URL (`/api/v3` prefix) and the recorded
 * `get-repository` response of `@octokit/fixtures`. Waits are 1 ms per unit, so nothing sleeps.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOctokit, type GitHubLog } from '../../src/github/api/octokit.ts';

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';
const ORIGIN = 'http://127.0.0.1:49321';
const BASE_URL = `${ORIGIN}/api/v3`;
const PATH = '/api/v3/repos/octo-org/hello-world';

interface Recorded {
  method: string;
  path: string;
  status: number;
  response: Record<string, unknown>;
}

const fixturesRoot = dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json'));
const repository = (
  JSON.parse(
    readFileSync(
      join(fixturesRoot, 'scenarios/api.github.com/get-repository/normalized-fixture.json'),
      'utf8',
    ),
  ) as Recorded[]
)[0]!.response;

const SECONDARY = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
};
const PRIMARY = {
  message: 'API rate limit exceeded for installation ID 1000.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
};

function recordingLog(): { log: GitHubLog; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  return { log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

function client(log: GitHubLog, extra: { retries?: number; maxRateLimitWaitSeconds?: number } = {}) {
  return createOctokit({ token: TOKEN, baseUrl: BASE_URL, log, retryAfterBaseMs: 1, ...extra });
}

function getRepo(octokit: ReturnType<typeof createOctokit>) {
  return octokit.rest.repos.get({ owner: 'octo-org', repo: 'hello-world' });
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
});

describe('createOctokit', () => {
  it('sends the token, honours a base URL with a path prefix and identifies itself', async () => {
    const scope = nock(ORIGIN, {
      reqheaders: {
        authorization: `token ${TOKEN}`,
        'user-agent': /^keel octokit-rest\.js/,
      },
    })
      .get(PATH)
      .reply(200, repository);
    const { log } = recordingLog();
    const { data, status } = await getRepo(client(log));
    expect(status).toBe(200);
    expect(data.full_name).toBe(repository.full_name);
    expect(scope.isDone()).toBe(true);
  });

  it('retries a 502 and returns the 200 that follows', async () => {
    const scope = nock(ORIGIN).get(PATH).reply(502, 'Bad Gateway').get(PATH).reply(200, repository);
    const { log } = recordingLog();
    const { status } = await getRepo(client(log));
    expect(status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after `retries` failures', async () => {
    const scope = nock(ORIGIN).get(PATH).times(3).reply(503, 'unavailable');
    const { log } = recordingLog();
    await expect(getRepo(client(log, { retries: 2 }))).rejects.toMatchObject({ status: 503 });
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry what retrying cannot fix', async () => {
    const scope = nock(ORIGIN).get(PATH).reply(404, { message: 'Not Found' });
    const { log } = recordingLog();
    await expect(getRepo(client(log))).rejects.toMatchObject({ status: 404 });
    expect(scope.isDone()).toBe(true);
  });

  it('retries a secondary rate limit once, after retry-after', async () => {
    const scope = nock(ORIGIN)
      .get(PATH)
      .reply(403, SECONDARY, { 'retry-after': '2' })
      .get(PATH)
      .reply(200, repository);
    const { log, lines } = recordingLog();
    const { status } = await getRepo(client(log));
    expect(status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(/^warn: GitHub secondary rate limit .* retrying once in 0.002 s/),
    );
  });

  it('does not retry a secondary rate limit twice', async () => {
    const scope = nock(ORIGIN).get(PATH).times(2).reply(403, SECONDARY, { 'retry-after': '1' });
    const extra = nock(ORIGIN).get(PATH).reply(200, repository);
    const { log, lines } = recordingLog();
    await expect(getRepo(client(log))).rejects.toMatchObject({ status: 403 });
    expect(scope.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(/secondary rate limit .* giving up/));
  });

  it('retries a secondary rate limit answered with 429 once, and only once', async () => {
    const scope = nock(ORIGIN).get(PATH).times(2).reply(429, SECONDARY, { 'retry-after': '1' });
    const extra = nock(ORIGIN).get(PATH).reply(200, repository);
    const { log } = recordingLog();
    await expect(getRepo(client(log))).rejects.toMatchObject({ status: 429 });
    expect(scope.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false);
  });

  it('retries a primary rate limit at most twice', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-limit': '1000' };
    const scope = nock(ORIGIN).get(PATH).times(3).reply(403, PRIMARY, headers);
    const extra = nock(ORIGIN).get(PATH).reply(200, repository);
    const { log, lines } = recordingLog();
    await expect(getRepo(client(log))).rejects.toMatchObject({ status: 403 });
    expect(scope.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false);
    expect(lines.filter((line) => /^warn: GitHub rate limit .* retrying/.test(line))).toHaveLength(2);
  });

  it('recovers from a primary rate limit that resets', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    const scope = nock(ORIGIN)
      .get(PATH)
      .reply(403, PRIMARY, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })
      .get(PATH)
      .reply(200, repository);
    const { log } = recordingLog();
    const { status } = await getRepo(client(log));
    expect(status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });

  it('does not wait for a rate limit that resets beyond the bound', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const scope = nock(ORIGIN)
      .get(PATH)
      .reply(403, PRIMARY, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    const { log, lines } = recordingLog();
    await expect(getRepo(client(log, { maxRateLimitWaitSeconds: 60 }))).rejects.toMatchObject({
      status: 403,
    });
    expect(scope.isDone()).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/too long to wait/));
  });

  it('never logs the token, at any level', async () => {
    nock(ORIGIN)
      .get(PATH)
      .reply(502, `upstream said: Authorization: token ${TOKEN}`)
      .get(PATH)
      .reply(403, SECONDARY, { 'retry-after': '1' })
      .get(PATH)
      .reply(200, repository);
    const { log, lines } = recordingLog();
    await getRepo(client(log));
    expect(lines.some((line) => line.startsWith('debug: request'))).toBe(true);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });
});
