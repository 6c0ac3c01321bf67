/**
 * keel's pushes and fetches authenticate with the `github-token` input, not with the header actions/checkout
 * stored: first through a plain fake runner (exactly which commands get which environment, and that the
 * token is in no argument), then against a real smart-HTTP remote on loopback whose repository's config
 * holds checkout's header — the remote sees only the input's token, and `.git/config` is the same after.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandResult, CommandSpec } from '../../src/exec/types.ts';
import { createGit } from '../../src/git/git-runner.ts';
import {
  basicCredential,
  extraHeaderKey,
  remoteAuth,
  remoteAuthSecrets,
  type RemoteAuth,
} from '../../src/git/remote-auth.ts';
import { commitStep, prepareWorkspace, pushWorkBranch } from '../../src/git/workspace.ts';
import { gitHttpServer } from '../helpers/git-http-server.ts';
import { initRepo, removeTempDirs, sh, tempDir, testGit } from './helpers.ts';

afterAll(removeTempDirs);

const INPUT_TOKEN = 'ghp_InputTokenFromTheGithubTokenInput0123';
const CHECKOUT_TOKEN = 'ghs_CheckoutStoredThisOne0123456789abcdef';

function fakeGit(auth: RemoteAuth | undefined, inherited: Record<string, string> = {}) {
  const specs: CommandSpec[] = [];
  const ok: CommandResult = {
    exitCode: 0,
    signal: null,
    timedOut: false,
    aborted: false,
    stdout: { text: '', totalBytes: 0, truncated: false },
    stderr: { text: '', totalBytes: 0, truncated: false },
    durationMs: 1,
  };
  const git = createGit({
    runner: {
      run: async (spec) => {
        specs.push(spec);
        return ok;
      },
    },
    inheritedEnv: inherited,
    ...(auth ? { remoteAuth: auth } : {}),
  });
  return { git, specs };
}

const configEntries = (env: CommandSpec['env']) =>
  Object.fromEntries(Object.entries(env ?? {}).filter(([k]) => k.startsWith('GIT_CONFIG_')));

describe('which git commands carry the input token', () => {
  const auth = remoteAuth(INPUT_TOKEN, 'https://github.com')!;
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${INPUT_TOKEN}`).toString('base64')}`;

  it.each([
    [['push', '--porcelain', 'origin', 'refs/heads/a:refs/heads/a']],
    [['fetch', '--quiet', 'origin', 'main']],
    [['ls-remote', 'origin']],
    [['-c', 'user.name=keel', '-c', 'x.y=z', 'push', 'origin', 'HEAD:refs/heads/b']],
  ])('%j: checkout header reset, then the input token, through the environment only', async (args) => {
    const { git, specs } = fakeGit(auth);
    await git.run(args, { cwd: '/repo' });
    const [spec] = specs;
    expect(configEntries(spec!.env)).toEqual({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_1: header,
    });
    const argv = [spec!.command, ...spec!.args].join(' ');
    expect(argv).not.toContain(INPUT_TOKEN);
    expect(argv).not.toContain(basicCredential(INPUT_TOKEN));
    expect(argv).not.toContain('extraheader');
  });

  it.each([
    [['status', '--porcelain']],
    [['clone', '--depth', '1', '--', 'file:///repo', '/tmp/copy']],
    [['config', '--list']],
    [['commit', '-m', 'push origin']],
    [['rev-parse', 'fetch']],
  ])('%j: nothing of the token', async (args) => {
    const { git, specs } = fakeGit(auth);
    await git.run(args, { cwd: '/repo' });
    expect(configEntries(specs[0]!.env)).toEqual({});
    expect(JSON.stringify(specs[0])).not.toContain(basicCredential(INPUT_TOKEN));
    expect(JSON.stringify(specs[0])).not.toContain(INPUT_TOKEN);
  });

  it('without the input, a push is run as before: no configuration in its environment', async () => {
    const { git, specs } = fakeGit(undefined);
    await git.run(['push', 'origin', 'a:a'], { cwd: '/repo' });
    expect(configEntries(specs[0]!.env)).toEqual({});
    expect(remoteAuth('', 'https://github.com')).toBeUndefined();
    expect(remoteAuth('   ', 'https://github.com')).toBeUndefined();
    expect(remoteAuth(undefined, undefined)).toBeUndefined();
  });

  it('configuration the process inherits through GIT_CONFIG_COUNT is kept; keel adds after it', async () => {
    const { git, specs } = fakeGit(auth, { GIT_CONFIG_COUNT: '1' });
    await git.run(['fetch', 'origin'], { cwd: '/repo' });
    const env = configEntries(specs[0]!.env);
    expect(env.GIT_CONFIG_COUNT).toBe('3');
    expect(env.GIT_CONFIG_KEY_0).toBeUndefined(); // the inherited entry stays as the process has it
    expect(env.GIT_CONFIG_VALUE_1).toBe('');
    expect(env.GIT_CONFIG_VALUE_2).toBe(header);
  });

  it('GitHub Enterprise Server: the header is keyed by GITHUB_SERVER_URL’s origin', () => {
    expect(remoteAuth(INPUT_TOKEN, 'https://ghe.example.com:8443/')!.headerKey).toBe(
      'http.https://ghe.example.com:8443/.extraheader',
    );
    expect(remoteAuth(INPUT_TOKEN, '')!.headerKey).toBe('http.https://github.com/.extraheader');
    expect(extraHeaderKey('https://github.com/some/path')).toBe('http.https://github.com/.extraheader');
  });

  it('a server URL that is no http(s) URL is one line naming GITHUB_SERVER_URL, without the token', () => {
    for (const bad of ['not a url', 'ssh://git@github.com', 'file:///srv/git']) {
      let message = '';
      try {
        remoteAuth(INPUT_TOKEN, bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/GITHUB_SERVER_URL/);
      expect(message).not.toContain('\n');
      expect(message).not.toContain(INPUT_TOKEN);
    }
  });

  it('the base64 form is a secret beside the token', () => {
    expect(remoteAuthSecrets(auth)).toEqual([INPUT_TOKEN, basicCredential(INPUT_TOKEN)]);
    expect(remoteAuthSecrets(undefined)).toEqual([]);
  });
});

describe('against a smart-HTTP remote whose checkout stored another token', () => {
  const basic = (token: string) => `basic ${basicCredential(token)}`;

  /** A checkout of `<server>/remote.git` with checkout's header in `.git/config`, and one keel step on it. */
  async function scene(server: { url: string }, root: string, auth: RemoteAuth | undefined) {
    const repo = initRepo();
    sh(repo, 'push', '--quiet', join(root, 'remote.git'), 'main');
    sh(repo, 'remote', 'add', 'origin', `${server.url}/remote.git`);
    sh(repo, 'config', `http.${server.url}/.extraheader`, `AUTHORIZATION: ${basic(CHECKOUT_TOKEN)}`);
    const t = testGit({ inheritedEnv: {}, ...(auth ? { remoteAuth: auth } : {}) });
    const ws = await prepareWorkspace(t.git, {
      repoRoot: repo,
      runId: 'r1',
      worktree: join(tempDir(), 'wt'),
    });
    writeFileSync(join(ws.worktree, 'new.txt'), 'hello\n');
    await commitStep(t.git, ws, { runId: 'r1', stepId: 's1', message: 's1' });
    return { repo, ws, ...t };
  }

  function bareRemote(): string {
    const root = tempDir();
    sh(root, 'init', '--quiet', '--bare', '-b', 'main', join(root, 'remote.git'));
    return root;
  }

  it('pushes and fetches with the input token; argv, logs and .git/config never hold it', async () => {
    const root = bareRemote();
    const server = await gitHttpServer(root, [basic(INPUT_TOKEN)]);
    try {
      const auth = remoteAuth(INPUT_TOKEN, server.url)!;
      const s = await scene(server, root, auth);
      const configBefore = readFileSync(join(s.repo, '.git', 'config'), 'utf8');

      const pushed = await pushWorkBranch(s.git, s.ws, { remote: 'origin' });
      await s.git.run(['fetch', '--quiet', '--no-tags', 'origin', 'refs/heads/main'], { cwd: s.ws.worktree });

      expect(pushed.newBranch).toBe(false);
      expect(sh(join(root, 'remote.git'), 'rev-parse', 'refs/heads/keel/r1')).toBe(pushed.sha);
      expect(server.seen.length).toBeGreaterThan(0);
      // Every request carried the input's token alone: checkout's header was reset, not sent beside it.
      expect(new Set(server.seen)).toEqual(new Set([basic(INPUT_TOKEN)]));
      expect(readFileSync(join(s.repo, '.git', 'config'), 'utf8')).toBe(configBefore);
      const visible = JSON.stringify({ calls: s.calls, events: s.events, config: configBefore });
      expect(visible).not.toContain(INPUT_TOKEN);
      expect(visible).not.toContain(basicCredential(INPUT_TOKEN));
    } finally {
      await server.close();
    }
  });

  it('without the input, the push goes with the credential the checkout stored (as before)', async () => {
    const root = bareRemote();
    const server = await gitHttpServer(root, [basic(CHECKOUT_TOKEN)]);
    try {
      const s = await scene(server, root, undefined);
      const pushed = await pushWorkBranch(s.git, s.ws, { remote: 'origin' });
      expect(sh(join(root, 'remote.git'), 'rev-parse', 'refs/heads/keel/r1')).toBe(pushed.sha);
      expect(new Set(server.seen)).toEqual(new Set([basic(CHECKOUT_TOKEN)]));
    } finally {
      await server.close();
    }
  });

  it('a remote that refuses the input token refuses the push: checkout’s credential is not tried instead', async () => {
    const root = bareRemote();
    const server = await gitHttpServer(root, [basic(CHECKOUT_TOKEN)]);
    try {
      const s = await scene(server, root, remoteAuth(INPUT_TOKEN, server.url));
      await expect(pushWorkBranch(s.git, s.ws, { remote: 'origin' })).rejects.toThrow();
      expect(server.seen).not.toContain(basic(CHECKOUT_TOKEN));
      expect(sh(join(root, 'remote.git'), 'for-each-ref', 'refs/heads/keel')).toBe('');
    } finally {
      await server.close();
    }
  });
});
