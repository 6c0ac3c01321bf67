/**
 * The GitHub publisher for one repository, as every entry (the Action's steps, a lane on a runner) builds
 * it: the workflow run linked, links to the GitHub server kept as links (everything else the publish
 * sanitiser defangs), the configured keys scrubbed, markers trusted only on what keel's identity wrote.
 */
import { redact } from '../../base/secrets.ts';
import type { ActionContext, GitHubClient } from '../api/index.ts';
import { runUrl, writerLogins } from '../api/index.ts';
import { GitHubEffects } from './github-effects.ts';

export interface RepoEffectsOptions {
  client: GitHubClient;
  ctx: ActionContext;
  token: string;
  secrets: readonly string[];
  /** The issue or pull request the tracking comment goes on. */
  trackingIssue?: number;
  /** The issue that asked for the run: the pull request says it closes it. */
  closesIssue?: number;
}

export function repoEffects(o: RepoEffectsOptions): GitHubEffects {
  let authors: Promise<string[]> | undefined;
  return new GitHubEffects({
    client: o.client,
    owner: o.ctx.owner,
    repo: o.ctx.repo,
    runUrl: runUrl(o.ctx),
    redact: (text) => redact(text, o.secrets),
    trustedHosts: trustedHostsOf(o.ctx),
    authors: () => (authors ??= writerLogins(o.client, o.token)),
    ...(o.trackingIssue !== undefined ? { trackingIssue: o.trackingIssue } : {}),
    ...(o.closesIssue !== undefined ? { closesIssue: o.closesIssue } : {}),
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
