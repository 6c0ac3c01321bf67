/**
 * A whole run in process whose work branch goes to a smart-HTTP `origin` on loopback (issue 11 §7): the push
 * authenticates with `remoteAuth` (the Action's `github-token`), not with the header the checkout stored in
 * `.git/config`, and the token is written nowhere — not in the repository's config, not in the run's files.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { validateConfigValue } from '../../src/config/load.ts';
import { basicCredential, remoteAuth } from '../../src/git/remote-auth.ts';
import { startRun } from '../../src/run/start-run.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { gitHttpServer } from '../helpers/git-http-server.ts';
import { configFor, createRunFixture, gitSync, startFleet, type RunFixture } from './helpers/run-fixture.ts';

const INPUT_TOKEN = 'github_pat_InputTokenOfTheRun0123456789abcdef';
const CHECKOUT_TOKEN = 'ghs_CheckoutStoredThisOne0123456789abcdef';
const basic = (token: string) => `basic ${basicCredential(token)}`;

let sim: FleetSimulator;
const fixtures: RunFixture[] = [];
beforeAll(async () => {
  sim = await startFleet({ latencyMs: 5 });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.cleanup();
});

it('pushes the work branch with the input token; the checkout’s header is not sent, nothing stores the token', async () => {
  const fx = await createRunFixture(sim);
  fixtures.push(fx);
  const root = join(fx.dir, 'server');
  gitSync(fx.dir, 'init', '--quiet', '--bare', '-b', 'main', join(root, 'remote.git'));
  gitSync(fx.repo, 'push', '--quiet', join(root, 'remote.git'), 'main');
  const server = await gitHttpServer(root, [basic(INPUT_TOKEN)]);
  try {
    gitSync(fx.repo, 'remote', 'add', 'origin', `${server.url}/remote.git`);
    gitSync(fx.repo, 'config', `http.${server.url}/.extraheader`, `AUTHORIZATION: ${basic(CHECKOUT_TOKEN)}`);
    const configBefore = await readFile(join(fx.repo, '.git', 'config'), 'utf8');
    const lines: string[] = [];
    const { state } = await startRun({
      config: validateConfigValue(configFor(sim)),
      repo: fx.repo,
      stateDir: fx.stateDir,
      task: 'Add a farewell helper in src/farewell.js.',
      runId: 'pushed',
      env: {},
      progress: (line) => lines.push(line),
      processEvents: new EventEmitter(),
      pushTo: 'origin',
      remoteAuth: remoteAuth(INPUT_TOKEN, server.url)!,
    });
    expect(state.status, lines.join('\n')).toBe('completed');
    const local = gitSync(fx.repo, 'rev-parse', state.repo.workBranch);
    expect(gitSync(join(root, 'remote.git'), 'rev-parse', `refs/heads/${state.repo.workBranch}`)).toBe(local);
    expect(server.seen.length).toBeGreaterThan(0);
    expect(new Set(server.seen)).toEqual(new Set([basic(INPUT_TOKEN)]));
    expect(await readFile(join(fx.repo, '.git', 'config'), 'utf8')).toBe(configBefore);
    const written = [
      lines.join('\n'),
      await readFile(join(fx.runDir('pushed'), 'state.json'), 'utf8'),
      await readFile(join(fx.runDir('pushed'), 'events.ndjson'), 'utf8').catch(() => ''),
    ].join('\n');
    expect(written).not.toContain(INPUT_TOKEN);
    expect(written).not.toContain(basicCredential(INPUT_TOKEN));
  } finally {
    await server.close();
  }
}, 30_000);
