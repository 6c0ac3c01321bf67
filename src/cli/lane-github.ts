/**
 * `keel lane --effects github`: a lane on a GitHub runner publishes like the Action (issues, the pull request
 * from the pushed work branch, the checkpoint on the state branch) and shares its claims through GitHub
 * (a ref per claimed task, created with the git data API: only one runner wins it), so a lane's work
 * outlives the job and lanes on several runners never take one task twice (issue 11 §6).
 *
 * It reads what a workflow step has: `GITHUB_TOKEN` (or `GH_TOKEN`), `GITHUB_REPOSITORY`, `GITHUB_API_URL`,
 * `GITHUB_SHA`, `GITHUB_RUN_ID`, `GITHUB_SERVER_URL`. Pushes (the work branch, the state branch) go to
 * `origin` with that token (`git/remote-auth.ts`), not the credential the checkout stored: a PAT or an App
 * token then starts the repository's `push`/`pull_request` workflows on keel's pull requests.
 */
import { collectSecrets } from '../base/secrets.ts';
import { stateLayout } from '../base/state-layout.ts';
import type { KeelConfig } from '../config/schema.ts';
import { selectArtifactStore } from '../durable/artifacts/index.ts';
import { restoreDurably, saveDurably, type DurableState } from '../durable/run-copies.ts';
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit, remoteAuth, remoteAuthSecrets } from '../git/git-runner.ts';
import { readActionContext, createOctokit } from '../github/api/index.ts';
import { createRefClaims } from '../github/claims/ref-claims.ts';
import { githubTaskClaims } from '../github/claims/task-claims.ts';
import { repoEffects } from '../github/effects/index.ts';
import { eventBaseBranch } from '../github/triggers/index.ts';
import type { LanePublish } from '../lanes/index.ts';
import { queueClaimPrefix, type SharedTaskClaims } from '../lanes/index.ts';
import { UsageError } from './io.ts';

/** Time allowed for a run's durable copies after it ends. */
const SAVE_TIMEOUT_MS = 15_000;

export interface LaneOnGitHub {
  publish: LanePublish;
  shared: SharedTaskClaims & { held(): Promise<Set<string>> };
}

export interface LaneOnGitHubOptions {
  env: Record<string, string | undefined>;
  repo: string;
  stateDir: string;
  config: KeelConfig;
  queueFile: string;
  stateBranch: string;
  log: (line: string) => void;
}

export async function laneOnGitHub(o: LaneOnGitHubOptions): Promise<LaneOnGitHub> {
  const token = o.env.GITHUB_TOKEN || o.env.GH_TOKEN;
  if (!token) throw new UsageError('--effects github needs GITHUB_TOKEN (or GH_TOKEN) in the environment');
  const ctx = await readActionContext({ ...o.env, GITHUB_WORKSPACE: o.repo });
  const auth = remoteAuth(token, ctx.serverUrl);
  const baseBranch = eventBaseBranch(ctx);
  const secrets = collectSecrets(o.config, o.env, [token, ...remoteAuthSecrets(auth)]);
  const client = createOctokit({ token, baseUrl: ctx.apiUrl, secrets: () => secrets });
  const git = createGit({
    runner: createCommandRunner({ secrets: () => secrets }),
    secrets: () => secrets,
    ...(auth ? { remoteAuth: auth } : {}),
  });
  const sha =
    o.env.GITHUB_SHA?.trim() || (await git.run(['rev-parse', 'HEAD'], { cwd: o.repo })).stdout.text.trim();
  const claims = createRefClaims({ client, owner: ctx.owner, repo: ctx.repo, sha });
  const durable: DurableState = {
    git,
    repoRoot: o.repo,
    branch: o.stateBranch,
    artifacts: selectArtifactStore(o.env, {
      token,
      owner: ctx.owner,
      repo: ctx.repo,
      runnerTemp: ctx.runnerTemp,
      secrets,
    }),
    secrets,
    log: o.log,
    remote: true,
  };
  return {
    shared: githubTaskClaims(claims, queueClaimPrefix(o.queueFile, o.repo)),
    publish: {
      async restore(runId) {
        // A run this lane starts may have been begun on another runner (and stopped there): continue it.
        const found = await restoreDurably(durable, o.stateDir, runId, async () => undefined);
        o.log(`checkpoint of run ${runId}: ${found}`);
      },
      effects: () => repoEffects({ client, ctx, token, secrets }),
      pushTo: 'origin',
      ...(auth ? { remoteAuth: auth } : {}),
      ...(baseBranch ? { baseBranch } : {}),
      async saved({ runId, runDir }) {
        await saveDurably(
          durable,
          { runId, runDir, fleetStatePath: stateLayout(o.stateDir).fleetState },
          SAVE_TIMEOUT_MS,
        ).catch((error: unknown) => o.log(`durable copies of ${runId}: ${(error as Error).message}`));
      },
    },
  };
}
