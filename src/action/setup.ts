/**
 * What every keel step in Actions sets up the same way: settings, context, API client, config, secrets
 * masked, the state directory in the checkout, and the durable copies (state branch, artifacts).
 */
import { join } from 'node:path';
import { loadConfig } from '../config/load.ts';
import type { KeelConfig } from '../config/schema.ts';
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit, type Git } from '../git/git-runner.ts';
import { selectArtifactStore } from '../durable/artifacts/artifacts.ts';
import { readActionContext, runUrl, type ActionContext } from '../github/api/context.ts';
import { GitHubEffects } from '../github/effects/github-effects.ts';
import { writerLogins } from '../github/api/identity.ts';
import { collectSecrets, redact } from '../base/secrets.ts';
import { createOctokit, type GitHubClient } from '../github/api/octokit.ts';
import type { ActionIO } from './action-io.ts';
import type { DurableState } from './durable.ts';
import { readSettings, type ActionSettings } from './settings.ts';
import { DEFAULT_STATE_DIR } from '../base/state-layout.ts';

export interface ActionBase {
  settings: ActionSettings;
  ctx: ActionContext;
  client: GitHubClient;
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
  return { settings, ctx, client: createOctokit({ token: settings.token, baseUrl: ctx.apiUrl }) };
}

export async function actionSetup(
  base: ActionBase,
  io: ActionIO,
  env: Record<string, string | undefined>,
): Promise<ActionSetup> {
  const { settings, ctx } = base;
  const config = await loadConfig(join(ctx.workspace, settings.config), { cwd: ctx.workspace });
  const secrets = collectSecrets(config, env, [settings.token]);
  for (const secret of secrets) io.setSecret(secret);
  const git = createGit({ runner: createCommandRunner({ secrets: () => secrets }), secrets: () => secrets });
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
 * The GitHub publisher for this repository: links the workflow run, keeps links to the GitHub server as
 * links (everything else the publish sanitiser defangs), scrubs the configured keys. `closesIssue`: the
 * issue that asked for the run, which the pull request closes.
 */
export function githubEffects(
  setup: ActionSetup,
  trackingIssue?: number,
  closesIssue?: number,
): GitHubEffects {
  const { client, ctx, secrets, settings } = setup;
  let authors: Promise<string[]> | undefined;
  return new GitHubEffects({
    client,
    owner: ctx.owner,
    repo: ctx.repo,
    runUrl: runUrl(ctx),
    redact: (text) => redact(text, secrets),
    trustedHosts: trustedHostsOf(ctx),
    authors: () => (authors ??= writerLogins(client, settings.token)),
    ...(trackingIssue !== undefined ? { trackingIssue } : {}),
    ...(closesIssue !== undefined ? { closesIssue } : {}),
  });
}

/** The GitHub server's host (GHES, or a fake on loopback in tests) and github.com. */
export function trustedHostsOf(ctx: Pick<ActionContext, 'serverUrl'>): string[] {
  let host: string | undefined;
  try {
    host = new URL(ctx.serverUrl).hostname.toLowerCase();
  } catch {
    host = undefined;
  }
  return [...new Set(['github.com', ...(host ? [host] : [])])];
}
