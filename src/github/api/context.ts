/**
 * Where the Action runs, read once from the runner's environment: the repository, the event and its
 * payload, the run. Everything downstream takes this plain object, so tests build one by hand.
 */
import { readFile } from 'node:fs/promises';

export interface ActionContext {
  owner: string;
  repo: string;
  /** `push`, `schedule`, `workflow_dispatch`, `issue_comment` … */
  eventName: string;
  /** The event payload (`GITHUB_EVENT_PATH`), untrusted: read fields defensively. */
  payload: Record<string, unknown>;
  /** The workflow run id (`GITHUB_RUN_ID`), for links and for finding artifacts. */
  runId: string;
  runAttempt: string;
  workflow: string;
  /** `https://github.com` or a GHES host. */
  serverUrl: string;
  /** `https://api.github.com` or `https://<ghes>/api/v3` — also a fake server on loopback in tests. */
  apiUrl: string;
  /** The checkout the workflow made (`GITHUB_WORKSPACE`). */
  workspace: string;
  /** The actor who triggered the run. */
  actor: string;
  /** `github-hosted` or `self-hosted`. */
  runnerEnvironment?: string;
  /** A scratch directory that outlives the step but not the job (`RUNNER_TEMP`). */
  runnerTemp: string;
}

export class ActionContextError extends Error {
  override name = 'ActionContextError';
  readonly expected = true;
}

export async function readActionContext(env: Record<string, string | undefined>): Promise<ActionContext> {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo)
    throw new ActionContextError(`GITHUB_REPOSITORY must be "owner/repo", got "${repository}"`);
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      const parsed: unknown = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        payload = parsed as Record<string, unknown>;
    } catch (error) {
      throw new ActionContextError(
        `cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`,
      );
    }
  }
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
    payload,
    runId: env.GITHUB_RUN_ID ?? 'local',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    workflow: env.GITHUB_WORKFLOW ?? 'keel',
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    actor: env.GITHUB_ACTOR ?? 'unknown',
    ...(env.RUNNER_ENVIRONMENT ? { runnerEnvironment: env.RUNNER_ENVIRONMENT } : {}),
    runnerTemp: env.RUNNER_TEMP ?? process.env.TMPDIR ?? '/tmp',
  };
}

export function runUrl(ctx: ActionContext): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
}
