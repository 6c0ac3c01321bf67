/**
 * Lanes on GitHub runners publish like the Action and share their claims through GitHub (issue 11 §6):
 * `keel lane --effects github` pushes each task's work branch, opens its pull request on the (fake) GitHub API,
 * keeps its checkpoint on the state branch, and claims each task with a ref made through the git data API —
 * so a second runner, which shares no disk with the first, takes only what the first did not.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { captureIO } from '../helpers/cli-io.ts';
import {
  createWorld,
  gitMaybe,
  KEY_ENV,
  OWNER,
  readBranchState,
  REPO,
  TOKEN,
  type Runner,
  type World,
} from '../action/helpers/action-harness.ts';

const QUEUE = [
  { id: 'farewell', text: 'Add a farewell helper in src/farewell.js.' },
  { id: 'version', text: 'Add a version constant in src/version.js.' },
]
  .map((task) => JSON.stringify(task))
  .join('\n');

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** `keel lane` in a step of a workflow job on `runner`: the env a `run:` step has, and the queue checked out. */
async function lane(w: World, runner: Runner, extra: string[] = []) {
  await writeFile(join(runner.workspace, 'queue.ndjson'), `${QUEUE}\n`);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: runner.home,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: w.github.url,
    GITHUB_SERVER_URL: w.github.url,
    GITHUB_RUN_ID: '7001',
    RUNNER_TEMP: runner.temp,
    RUNNER_ENVIRONMENT: 'self-hosted',
    KEEL_ARTIFACT_DIR: w.artifactDir,
    [KEY_ENV]: w.apiKey,
  };
  const { io, stdout, stderr } = captureIO(env, runner.workspace);
  const code = await runCli(
    [
      'lane',
      '--queue-file',
      'queue.ndjson',
      '--queue-state-file',
      '.keel/lanes/default/claims.json',
      ...extra,
    ],
    io,
  );
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('keel lane in GitHub Actions', { timeout: 90_000 }, () => {
  it('publishes each task as a pull request from its pushed work branch, checkpoints on the state branch, claims through refs', async () => {
    world = await createWorld();
    const first = await lane(world, await world.runner('one'), ['--max-tasks', '1']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('publishing on GitHub');

    // A second runner: a fresh checkout, no claim-state file, no cache. It takes only what is left.
    const second = await lane(world, await world.runner('two'));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout, first.stdout + second.stdout).toMatch(/1 task\(s\): 1 done/);

    const heads = world.github.state.pulls.map((p) => p.head).sort();
    expect(heads).toEqual(['keel/q-farewell', 'keel/q-version']);
    for (const runId of ['q-farewell', 'q-version']) {
      expect(gitMaybe(world.origin, 'rev-parse', '--verify', `refs/heads/keel/${runId}`)).toMatch(
        /^[0-9a-f]{40}$/,
      );
      expect(['completed', 'partial']).toContain(readBranchState(world, runId)?.status);
    }
    const claims = [...world.github.state.refs.keys()].sort();
    expect(claims).toHaveLength(2);
    expect(claims[0]).toMatch(/^refs\/keel\/claims\/queue\/queue-ndjson-[0-9a-f]{8}\/q-farewell$/);
    expect(claims[1]).toMatch(/\/q-version$/);
    // Nothing went through the local effects: no records of issues or pull requests under .keel/.
    expect(first.stdout).not.toContain('file://');
  });

  it('--effects local keeps everything on the runner: no API write, nothing pushed', async () => {
    world = await createWorld();
    const runner = await world.runner('dry');
    const result = await lane(world, runner, ['--effects', 'local', '--max-tasks', '1']);
    expect(result.code, result.stderr).toBe(0);
    expect(world.github.writes).toEqual([]);
    expect(gitMaybe(world.origin, 'rev-parse', '--verify', 'refs/heads/keel/q-farewell')).toBeUndefined();
  });
});
