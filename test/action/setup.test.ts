/**
 * What every Action step sets up (`actionSetup`), in process: the durable copies it wires must carry the
 * configured secrets, or their last check before anything leaves the runner checks nothing.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ActionIO } from '../../src/action/action-io.ts';
import { actionBase, actionSetup } from '../../src/action/setup.ts';
import { basicCredential } from '../../src/git/remote-auth.ts';
import { gitHttpServer } from '../helpers/git-http-server.ts';
import { git } from './helpers/action-harness.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function quietIO(inputs: Record<string, string>, masked: string[] = []): ActionIO {
  return {
    input: (name) => inputs[name] ?? '',
    setOutput: () => undefined,
    saveState: () => undefined,
    getState: () => '',
    setSecret: (value) => masked.push(value),
    info: () => undefined,
    annotate: () => undefined,
    group: (_title, body) => body(),
    summary: async () => undefined,
  };
}

async function workspaceWithConfig(dir: string): Promise<string> {
  const workspace = join(dir, 'work');
  await mkdir(join(workspace, '.github'), { recursive: true });
  await writeFile(
    join(workspace, '.github', 'keel.yml'),
    stringify({
      version: 1,
      endpoints: [{ id: 'a', url: 'http://127.0.0.1:9/v1', kind: 'hosted', contextWindow: 8192 }],
      roles: { planner: ['a/m'], coder: ['a/m'], reviewer: ['a/m'] },
    }),
  );
  return workspace;
}

describe('the github-token input is what keel pushes with (issue 11 §7)', () => {
  const INPUT = 'github_pat_setupInputToken0123456789';
  const CHECKOUT = 'ghs_checkoutStoredToken0123456789';
  const basic = (token: string) => `basic ${basicCredential(token)}`;

  async function scene(input: string) {
    const dir = await mkdtemp(join(tmpdir(), 'keel-setup-'));
    dirs.push(dir);
    const workspace = await workspaceWithConfig(dir);
    const root = join(dir, 'server');
    git(dir, 'init', '--quiet', '--bare', '-b', 'main', join(root, 'remote.git'));
    git(workspace, 'init', '--quiet', '-b', 'main');
    git(
      workspace,
      '-c',
      'user.name=a',
      '-c',
      'user.email=a@b',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'x',
    );
    const server = await gitHttpServer(root, [basic(INPUT), basic(CHECKOUT)]);
    // What actions/checkout leaves: origin at the server, its own token in the repository's config.
    git(workspace, 'remote', 'add', 'origin', `${server.url}/remote.git`);
    git(workspace, 'config', `http.${server.url}/.extraheader`, `AUTHORIZATION: ${basic(CHECKOUT)}`);
    const env = {
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: server.url,
      RUNNER_TEMP: join(dir, 'temp'),
      KEEL_ARTIFACT_DIR: join(dir, 'artifacts'),
      GIT_CONFIG_GLOBAL: '/dev/null',
    };
    const masked: string[] = [];
    const io = quietIO({ 'github-token': input }, masked);
    const setup = await actionSetup(await actionBase(io, env), io, env);
    return { setup, server, workspace, masked };
  }

  it('from the input and GITHUB_SERVER_URL: masked, redacted, and sent by the setup’s git instead of checkout’s', async () => {
    const { setup, server, workspace, masked } = await scene(INPUT);
    try {
      expect(setup.remoteAuth?.headerKey).toBe(`http.${server.url}/.extraheader`);
      expect(masked).toContain(basicCredential(INPUT));
      expect(setup.secrets).toContain(basicCredential(INPUT));
      expect(setup.outgoingSecrets).toContain(basicCredential(INPUT));
      await setup.git.run(['push', '--quiet', 'origin', 'main'], { cwd: workspace });
      expect(new Set(server.seen)).toEqual(new Set([basic(INPUT)]));
    } finally {
      await server.close();
    }
  });

  it('an empty input: pushes use the credential the checkout stored, as before', async () => {
    const { setup, server, workspace } = await scene('');
    try {
      expect(setup.remoteAuth).toBeUndefined();
      await setup.git.run(['push', '--quiet', 'origin', 'main'], { cwd: workspace });
      expect(new Set(server.seen)).toEqual(new Set([basic(CHECKOUT)]));
    } finally {
      await server.close();
    }
  });
});

describe('actionSetup', () => {
  it('gives the artifact store the configured keys: a checkpoint holding one is not uploaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keel-setup-'));
    dirs.push(dir);
    const workspace = join(dir, 'work');
    await mkdir(join(workspace, '.github'), { recursive: true });
    await writeFile(
      join(workspace, '.github', 'keel.yml'),
      stringify({
        version: 1,
        endpoints: [
          {
            id: 'a',
            url: 'http://127.0.0.1:9/v1',
            kind: 'hosted',
            apiKeyEnv: 'SETUP_KEY',
            contextWindow: 8192,
          },
        ],
        roles: { planner: ['a/m'], coder: ['a/m'], reviewer: ['a/m'] },
      }),
    );
    const key = 'sk-setup-canary-5f0e1d2c3b4a';
    const env = {
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: join(dir, 'temp'),
      KEEL_ARTIFACT_DIR: join(dir, 'artifacts'),
      SETUP_KEY: key,
    };
    const io = quietIO({ 'github-token': 'ghs_setupToken0123456789' });
    const setup = await actionSetup(await actionBase(io, env), io, env);
    expect(setup.secrets).toContain(key);

    const runDir = join(dir, 'run');
    await mkdir(runDir);
    await writeFile(join(runDir, 'state.json'), JSON.stringify({ runId: 'r1', note: `oops ${key}` }));
    const uploaded = await setup.durable.artifacts.upload('keel-state-r1', runDir, ['state.json']);
    expect(uploaded).toEqual({
      ok: false,
      reason: 'state.json contains configured secret #1: refusing to copy it off the runner',
    });
    expect(await readdir(join(dir, 'artifacts')).catch(() => [])).toEqual([]);
  });
});
