/**
 * The schedule's side of a run in the Action (issue 11 §4): the issue the schedule answers with is taken
 * through a claim every runner sees (`github/triggers/schedule-claims.ts`), its labels say how the run went
 * when it ends, and an issue taken for a run that never started (the configuration did not load) is given
 * back. Only with GitHub effects: `effects: local` writes nothing remote, so its schedule only looks.
 */
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit } from '../git/git-runner.ts';
import { createRefClaims } from '../github/claims/ref-claims.ts';
import {
  releaseScheduledIssue,
  scheduleClaimer,
  settleScheduledIssue,
  type ScheduleClaimer,
} from '../github/triggers/index.ts';
import type { RemoteClaims } from '../queue/remote-claims.ts';
import type { ActionIO } from './action-io.ts';
import type { ActionBase } from './setup.ts';

export interface ScheduleQueue {
  claimer: ScheduleClaimer;
  /**
   * Runs `work` for the taken issue: the issue is given back when `work` fails before its run exists, and
   * its labels are settled from the run's status when it ends.
   */
  around<T extends { status?: string }>(
    issueNumber: number,
    work: (started: () => void) => Promise<T>,
  ): Promise<T>;
}

export async function scheduleQueue(
  base: ActionBase,
  env: Record<string, string | undefined>,
  io: Pick<ActionIO, 'info'>,
): Promise<ScheduleQueue | undefined> {
  const { ctx, client, settings } = base;
  if (ctx.eventName !== 'schedule' || settings.effects !== 'github') return undefined;
  const claims: RemoteClaims = createRefClaims({
    client,
    owner: ctx.owner,
    repo: ctx.repo,
    sha: env.GITHUB_SHA?.trim() || (await headOf(ctx.workspace)),
  });
  return {
    claimer: scheduleClaimer({ client, ctx, claims, log: (line) => io.info(line) }),
    async around(issueNumber, work) {
      let started = false;
      let result;
      try {
        result = await work(() => (started = true));
      } catch (error) {
        if (!started) {
          io.info(`keel: the run for #${issueNumber} did not start; giving the issue back to the schedule`);
          await releaseScheduledIssue(client, ctx, claims, issueNumber).catch(() => undefined);
        }
        throw error;
      }
      if (result.status !== undefined) await settleScheduledIssue(client, ctx, issueNumber, result.status);
      return result;
    },
  };
}

/** The commit the checkout is on (what `GITHUB_SHA` names in Actions): claim refs point at it. */
async function headOf(workspace: string): Promise<string> {
  const git = createGit({ runner: createCommandRunner() });
  return (await git.run(['rev-parse', 'HEAD'], { cwd: workspace })).stdout.text.trim();
}
