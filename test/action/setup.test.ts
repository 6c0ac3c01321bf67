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

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function quietIO(inputs: Record<string, string>): ActionIO {
  return {
    input: (name) => inputs[name] ?? '',
    setOutput: () => undefined,
    saveState: () => undefined,
    getState: () => '',
    setSecret: () => undefined,
    info: () => undefined,
    annotate: () => undefined,
    group: (_title, body) => body(),
    summary: async () => undefined,
  };
}

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
