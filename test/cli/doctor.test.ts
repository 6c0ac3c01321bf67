/**
 * `keel doctor` and `keel probe` name setup mistakes before a run (issue 11 §3): a key variable not set, a
 * misspelled model (which probes "healthy" and 404s mid-run), and on GitHub the labels, the pull-request
 * setting and the push — each with what to do.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/index.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { MODEL, startFleet } from '../run/helpers/run-fixture.ts';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

let dir = '';
let fleet: FleetSimulator;
let github: FakeGitHub | undefined;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...GIT_ENV },
    stdio: 'pipe',
  });
}

beforeEach(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'keel-doctor-')));
  fleet = await startFleet({ endpoints: [{ name: 'lan' }] });
  // The repository: one commit, an origin to push to.
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, '.github'), { recursive: true });
  git(dir, 'init', '--quiet', '--bare', 'origin.git');
  git(repo, 'init', '--quiet', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), 'x\n');
  git(repo, '-c', 'user.name=a', '-c', 'user.email=a@b', 'commit', '--quiet', '--allow-empty', '-m', 'init');
  git(repo, 'remote', 'add', 'origin', join(dir, 'origin.git'));
});

afterEach(async () => {
  await fleet.close();
  await github?.close();
  github = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function configure(models: { planner: string; coder: string }): void {
  const url = fleet.endpoints[0]!.url;
  writeFileSync(
    join(dir, 'repo', '.github', 'keel.yml'),
    stringify({
      version: 1,
      endpoints: [
        { id: 'lan', url, kind: 'local', contextWindow: 8192 },
        { id: 'hosted', url, kind: 'hosted', apiKeyEnv: 'KEEL_DOCTOR_TEST_KEY', contextWindow: 8192 },
      ],
      roles: {
        planner: [`lan/${models.planner}`],
        coder: [`lan/${models.coder}`, `hosted/${MODEL}`],
        reviewer: [`lan/${MODEL}`],
      },
    }),
  );
}

describe('keel doctor', () => {
  it('names the missing key, the misspelled model with its likely name, missing labels and the PR setting; exit 1', async () => {
    configure({ planner: MODEL, coder: 'sim-modle' });
    github = await startFakeGitHub({ owner: 'acme', repo: 'widgets' });
    const env = { GITHUB_TOKEN: 'ghs_doctor', GITHUB_REPOSITORY: 'acme/widgets', GITHUB_API_URL: github.url };
    const { io, stdout } = captureIO(env, join(dir, 'repo'));
    expect(await runCli(['doctor', '--json'], io)).toBe(1);
    const report = JSON.parse(stdout()) as {
      findings: { level: string; subject: string; message: string; fix?: string }[];
    };
    const find = (subject: string, pattern: RegExp) =>
      report.findings.find((f) => f.subject === subject && pattern.test(f.message));
    expect(find('configuration', /valid/)?.level).toBe('ok');
    expect(find('endpoint hosted', /KEEL_DOCTOR_TEST_KEY is not set/)?.level).toBe('error');
    const model = find('endpoint lan', /no model "sim-modle"/);
    expect(model?.level).toBe('error');
    expect(model?.message).toContain('asked for by coder');
    expect(model?.fix).toContain('did you mean "sim-model"?');
    expect(find('labels', /missing: keel, keel:paused/)?.level).toBe('warning');
    expect(find('pull requests', /cannot read/)?.fix).toMatch(
      /Allow GitHub Actions to create and approve pull requests/,
    );
    expect(find('push', /can push/)?.level).toBe('ok');
  });

  it('is ready when everything is set: exit 0, and the human report says so', async () => {
    configure({ planner: MODEL, coder: MODEL });
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'widgets',
      labels: ['keel', 'keel:paused'],
      actionsMayCreatePullRequests: true,
    });
    const env = {
      GITHUB_TOKEN: 'ghs_doctor',
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_API_URL: github.url,
      KEEL_DOCTOR_TEST_KEY: 'k-123',
    };
    const { io, stdout } = captureIO(env, join(dir, 'repo'));
    expect(await runCli(['doctor'], io)).toBe(0);
    expect(stdout()).toMatch(/✔ pull requests: GitHub Actions may create pull requests/);
    expect(stdout()).toMatch(/keel doctor: ready\n$/);
  });

  it('says when GitHub Actions may not create pull requests (the repository setting)', async () => {
    configure({ planner: MODEL, coder: MODEL });
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'widgets',
      labels: ['keel', 'keel:paused'],
      actionsMayCreatePullRequests: false,
    });
    const env = {
      GITHUB_TOKEN: 'ghp_admin',
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_API_URL: github.url,
      KEEL_DOCTOR_TEST_KEY: 'k',
    };
    const { io, stdout } = captureIO(env, join(dir, 'repo'));
    expect(await runCli(['doctor'], io)).toBe(1);
    expect(stdout()).toMatch(/✘ pull requests: GitHub Actions may not create pull requests/);
  });

  it('a configuration that does not load is the first finding, not a stack', async () => {
    writeFileSync(join(dir, 'repo', '.github', 'keel.yml'), 'version: 1\nendpoints: []\n');
    const { io, stdout, stderr } = captureIO({}, join(dir, 'repo'));
    expect(await runCli(['doctor'], io)).toBe(1);
    expect(stdout()).toMatch(/^✘ configuration: /);
    expect(stderr()).toContain('GitHub checks are skipped');
  });
});

describe('keel probe', () => {
  it('calls an endpoint with a missing key or a model it does not serve misconfigured, not healthy', async () => {
    configure({ planner: MODEL, coder: 'sim-modle' });
    const { io, stdout } = captureIO({}, join(dir, 'repo'));
    await runCli(['probe', '--json'], io);
    const rows = (
      JSON.parse(stdout()) as { endpoints: { id: string; status: string; warnings?: string[] }[] }
    ).endpoints;
    const lan = rows.find((r) => r.id === 'lan')!;
    const hosted = rows.find((r) => r.id === 'hosted')!;
    expect(lan.status).toBe('misconfigured');
    expect(lan.warnings).toEqual(['no model "sim-modle" here (did you mean "sim-model"?)']);
    expect(hosted.status).toBe('misconfigured');
    expect(hosted.warnings).toEqual(['KEEL_DOCTOR_TEST_KEY is not set: requests would be refused']);

    const table = captureIO({}, join(dir, 'repo'));
    await runCli(['probe'], table.io);
    expect(table.stdout()).toMatch(/warnings:\n {2}lan: no model "sim-modle"/);
  });
});
