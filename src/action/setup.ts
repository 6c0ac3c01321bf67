/**
 * What every keel step in Actions sets up the same way: settings, context, API client, config, secrets
 * masked, the state directory in the checkout, and the durable copies (state branch, artifacts).
 */
import { join } from 'node:path';
import { loadConfig } from '../config/load.ts';
import type { KeelConfig } from '../config/schema.ts';
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit, remoteAuth, remoteAuthSecrets, type Git, type RemoteAuth } from '../git/git-runner.ts';
import { selectArtifactStore } from '../durable/artifacts/index.ts';
import {
  readActionContext,
  type ActionContext,
  createOctokit,
  type GitHubClient,
} from '../github/api/index.ts';
import type { GitHubEffects } from '../github/effects/index.ts';
import { repoEffects } from '../github/effects/index.ts';
import { collectSecrets } from '../base/secrets.ts';
import type { ActionIO } from './action-io.ts';
import type { DurableState } from '../durable/run-copies.ts';
import { readSettings, type ActionSettings } from './settings.ts';
import { DEFAULT_STATE_DIR } from '../base/state-layout.ts';

export interface ActionBase {
  settings: ActionSettings;
  ctx: ActionContext;
  client: GitHubClient;
  /** What the client refuses to send (the platform's tokens; `actionSetup` adds the configuration's keys). */
  outgoingSecrets: string[];
  /** The `github-token` as keel's pushes and fetches send it; undefined when the input is empty. */
  remoteAuth: RemoteAuth | undefined;
}

export interface ActionSetup extends ActionBase {
  config: KeelConfig;
  secrets: string[];
  stateDir: string;
  git: Git;
  durable: DurableState;
}

export async function actionBase(io: ActionIO, env: Record<string, string | undefined>): Promise<ActionBase> {
  const settings = readSettings(io);
  if (settings.token) io.setSecret(settings.token);
  const ctx = await readActionContext(env);
  // The input, not checkout's stored credential, is what keel pushes with (`git/remote-auth.ts`).
  const auth = remoteAuth(settings.token, ctx.serverUrl);
  for (const secret of remoteAuthSecrets(auth)) io.setSecret(secret);
  const outgoingSecrets = collectSecrets(undefined, env, [settings.token, ...remoteAuthSecrets(auth)]);
  const client = createOctokit({
    token: settings.token,
    baseUrl: ctx.apiUrl,
    secrets: () => outgoingSecrets,
  });
  return { settings, ctx, client, outgoingSecrets, remoteAuth: auth };
}

export async function actionSetup(
  base: ActionBase,
  io: ActionIO,
  env: Record<string, string | undefined>,
): Promise<ActionSetup> {
  const { settings, ctx } = base;
  const config = await loadConfig(join(ctx.workspace, settings.config), { cwd: ctx.workspace });
  const secrets = collectSecrets(config, env, [settings.token, ...remoteAuthSecrets(base.remoteAuth)]);
  for (const secret of secrets) io.setSecret(secret);
  for (const secret of secrets) if (!base.outgoingSecrets.includes(secret)) base.outgoingSecrets.push(secret);
  const git = createGit({
    runner: createCommandRunner({ secrets: () => secrets }),
    secrets: () => secrets,
    ...(base.remoteAuth ? { remoteAuth: base.remoteAuth } : {}),
  });
  return {
    ...base,
    config,
    secrets,
    stateDir: join(ctx.workspace, DEFAULT_STATE_DIR),
    git,
    durable: {
      git,
      repoRoot: ctx.workspace,
      branch: settings.stateBranch,
      artifacts: selectArtifactStore(env, {
        token: settings.token,
        owner: ctx.owner,
        repo: ctx.repo,
        runnerTemp: ctx.runnerTemp,
        // Without them the store's last check (no configured secret leaves the runner) checks nothing.
        secrets,
      }),
      secrets,
      log: (line) => io.info(line),
      remote: settings.effects === 'github',
    },
  };
}

/**
 * The GitHub publisher for this repository (`github/effects/repo-effects.ts`). `closesIssue`: the issue that
 * asked for the run, which the pull request closes.
 */
export function githubEffects(
  setup: ActionSetup,
  trackingIssue?: number,
  closesIssue?: number,
): GitHubEffects {
  const { client, ctx, secrets, settings } = setup;
  return repoEffects({
    client,
    ctx,
    token: settings.token,
    secrets,
    ...(trackingIssue !== undefined ? { trackingIssue } : {}),
    ...(closesIssue !== undefined ? { closesIssue } : {}),
  });
}
