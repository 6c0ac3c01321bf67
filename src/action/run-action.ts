/**
 * The Action's `main`: decide from the event what to do (and do nothing at all for strangers), then run
 * or resume keel with GitHub as the place its effects go, and leave outputs, a job summary and durable
 * copies of the checkpoint behind — also when the run is cancelled.
 */
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit } from '../git/git-runner.ts';
import { runUrl, type ActionContext } from '../github/api/index.ts';
import { annotationsFor } from '../github/summary/index.ts';
import {
  createTriggerGateway,
  eventBaseBranch,
  resolveTrigger,
  type TriggerDecision,
} from '../github/triggers/index.ts';
import { exitCode } from '../run/exit-code.ts';
import { startRun } from '../run/start-run.ts';
import type { RunState } from '../run/state.ts';
import type { ActionIO } from './action-io.ts';
import { restoreDurably, saveDurably } from '../durable/run-copies.ts';
import { artifactRunOf } from './artifact-source.ts';
import { handleCommand } from './issue-commands.ts';
import { pullRequestRun } from './pull-request-run.ts';
import { resumeRequested } from '../config/resume-request.ts';
import { runIdToRestore, selectRun } from './run-selection.ts';
import { writeOutputs, writeSummary } from './outputs.ts';
import { scheduleQueue } from './schedule-queue.ts';
import { runDoctorStep } from './doctor-step.ts';
import { bool } from './settings.ts';
import { actionBase, actionSetup, githubEffects, type ActionBase } from './setup.ts';
import { stateLayout } from '../base/state-layout.ts';
import {
  saveClaim,
  saveDecision,
  saveFinished,
  saveIssueNumber,
  saveRunIntent,
  saveRunStarted,
  saveStateDir,
} from './saved-state.ts';
import { claimFence, claimSelected } from './run-claim.ts';

/** Time allowed for the durable copies after the run: well inside GitHub's 7.5 s between SIGINT and SIGTERM. */
const SAVE_TIMEOUT_MS = 4_000;

export interface ActionDeps {
  io: ActionIO;
  env: Record<string, string | undefined>;
  /** Aborted on SIGINT/SIGTERM by the entry point. */
  signal: AbortSignal;
}

export async function runAction({ io, env, signal }: ActionDeps): Promise<number> {
  const base = await actionBase(io, env);
  const { settings, ctx, client } = base;
  if (bool(io, 'doctor')) return runDoctorStep(base, io, env, signal);
  const schedule = await scheduleQueue(base, env, io);
  const decision = await resolveTrigger(
    ctx,
    {
      ...(settings.task !== undefined ? { task: settings.task } : {}),
      resume: settings.resume || resumeRequested(env),
      ...(settings.runId !== undefined ? { runId: settings.runId } : {}),
      allowedBots: settings.allowedBots,
    },
    createTriggerGateway(client, ctx, {
      label: 'keel',
      ...(schedule ? { claimer: schedule.claimer, log: (line: string) => io.info(line) } : {}),
    }),
  );
  saveDecision(io, decision.kind);
  if (decision.kind === 'ignored') {
    io.info(`keel: nothing to do — ${decision.reason}`);
    io.setOutput('status', 'ignored');
    return 0;
  }
  if (decision.kind === 'status' || decision.kind === 'pause' || decision.kind === 'unpause') {
    const git = createGit({
      runner: createCommandRunner({ secrets: () => base.outgoingSecrets }),
      ...(base.remoteAuth ? { remoteAuth: base.remoteAuth } : {}),
    });
    await handleCommand(client, ctx, decision, settings.stateBranch, io, git);
    io.setOutput('status', 'completed');
    return 0;
  }
  const work = (started: () => void) => workOn(base, decision, { io, env, signal }, started);
  const outcome =
    schedule &&
    decision.kind === 'run' &&
    decision.source === 'schedule' &&
    decision.issueNumber !== undefined
      ? await schedule.around(decision.issueNumber, work)
      : await work(() => undefined);
  return outcome.code;
}

/** Runs or resumes the run a decision names; `started` is called once the run exists on disk. */
async function workOn(
  base: ActionBase,
  decision: Extract<TriggerDecision, { kind: 'run' } | { kind: 'resume' }>,
  { io, env, signal }: ActionDeps,
  started: () => void,
): Promise<{ code: number; status: string }> {
  const { settings, ctx, client } = base;
  const setup = await actionSetup(base, io, env);
  const { config, stateDir, durable } = setup;
  saveStateDir(io, stateDir);

  // `/keel run` on a pull request works on that pull request's branch, or not at all (a fork's).
  const onPull =
    decision.kind === 'run' && decision.source === 'comment' && decision.onPullRequest === true
      ? await pullRequestRun(setup, decision.issueNumber!, io)
      : undefined;
  if (onPull?.kind === 'refused') return endIgnored(io);
  // A new run on a detached checkout proposes into this branch, never into the commit (`run/run-base.ts`).
  const baseBranch = eventBaseBranch(ctx);

  // A resume needs its checkpoint; so does a task whose trigger ran before (a re-run, the same run-id): its
  // run is continued or reported, never started over. A new run still wants the fleet's breaker state.
  const restoreId = runIdToRestore(decision, ctx);
  const found = await io.group('keel: finding the checkpoint', () =>
    restoreDurably(durable, stateDir, restoreId, (name) => artifactRunOf(client, ctx, name)),
  );
  io.info(`checkpoint${restoreId !== undefined ? ` of run ${restoreId}` : ''}: ${found}`);
  const selection = await selectRun(decision, ctx, stateDir, settings.task);
  // Before anything prints the run id: a kill from here on still leaves post the run to report.
  if (selection.runId !== undefined && selection.task !== undefined)
    saveRunIntent(io, { runId: selection.runId, trigger: decision.source, task: selection.task });
  // One run, one job: a run that may exist already is claimed on the state branch first (`run-claim.ts`).
  const claimed = await claimSelected(setup, selection, env, io, (name) => artifactRunOf(client, ctx, name));
  if (claimed.kind === 'held') {
    io.info(`keel: ${claimed.reason}`);
    io.annotate({ level: 'warning', title: 'keel: the run is held by another job', message: claimed.reason });
    return endIgnored(io);
  }
  const claim = claimed.kind === 'claimed' ? claimed.claim : undefined;
  if (claim) saveClaim(io, claim);

  const issueNumber = 'issueNumber' in decision ? decision.issueNumber : undefined;
  // For `post`, should this step be killed: where the tracking comment goes.
  if (issueNumber !== undefined) saveIssueNumber(io, issueNumber);
  const result = await startRun({
    config,
    repo: ctx.workspace,
    stateDir,
    env,
    progress: (line) => io.info(line),
    signal,
    taskSource: decision.source,
    ...selection,
    ...(settings.timeBudgetMinutes !== undefined ? { timeBudgetMinutes: settings.timeBudgetMinutes } : {}),
    resumeCommand: (id) => resumeInstructions(ctx, id),
    ...(claim ? { remoteFence: claimFence(durable, claim) } : {}),
    ...(settings.takeOver ? { takeOver: true } : {}),
    ...(baseBranch ? { baseBranch } : {}),
    ...(onPull?.kind === 'work' ? { pullRequest: onPull.pr } : {}),
    ...(settings.effects === 'github'
      ? {
          // A resumed run keeps the tracking comment it has, wherever this resume was asked for.
          effects: (_runDir: string, state: RunState) =>
            githubEffects(
              setup,
              trackingIssueOf(state) ?? issueNumber,
              closesIssueOf(state) ?? (decision.onPullRequest === false ? issueNumber : undefined),
            ),
          pushTo: 'origin',
        }
      : {}),
    ...(setup.remoteAuth ? { remoteAuth: setup.remoteAuth } : {}),
    onStarted: ({ runId, runDir }) => {
      started();
      saveRunStarted(io, { runId, runDir });
      io.setOutput('run-id', runId);
    },
  });
  const { state, runDir } = result;
  if (result.superseded) {
    // Another job holds the run now: this one's copy is stale, and nothing of it is pushed or reported.
    io.annotate({
      level: 'warning',
      title: 'keel: another job took the run over',
      message: result.superseded.message,
    });
    return endIgnored(io);
  }
  // Validation changed the repository (security stop): nothing leaves this runner, not even the checkpoint.
  if (state.interruption?.kind === 'security')
    io.info('keel: security stop — nothing pushed, nothing uploaded');
  else
    await saveDurably(
      durable,
      { runId: state.runId, runDir, fleetStatePath: stateLayout(stateDir).fleetState },
      SAVE_TIMEOUT_MS,
      claim,
    );
  writeOutputs(io, state);
  for (const annotation of annotationsFor(state)) io.annotate(annotation);
  await writeSummary(io, { state, stateDir, config, runLink: runUrl(ctx) });
  saveFinished(io);
  if (result.unsaved !== undefined) {
    // Saved means saved: what the run got to is not on disk, so it is neither finished nor a success.
    const message = `the run got to ${state.status}, but its state could not be saved: ${result.unsaved}`;
    io.annotate({ level: 'error', title: 'keel: the run state was not saved', message });
    io.setOutput('status', 'interrupted');
    return { code: 1, status: 'interrupted' };
  }
  return {
    code: exitCode(state, settings.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt),
    status: state.status,
  };
}

/**
 * The issue that asked for the run, when its tracking comment is on an issue (not a pull request): the one
 * issue keel's pull request says it closes.
 */
export function closesIssueOf(state: RunState): number | undefined {
  const match = /\/issues\/(\d+)#issuecomment-\d+$/.exec(state.effects.tracking?.ref ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The issue or pull request number of the run's tracking comment, from its recorded URL. */
export function trackingIssueOf(state: RunState): number | undefined {
  const match = /\/(?:issues|pull)\/(\d+)#issuecomment-\d+$/.exec(state.effects.tracking?.ref ?? '');
  return match ? Number(match[1]) : undefined;
}

/** This job does nothing more (refused, or another job holds the run): `ignored`, exit 0, and post knows. */
function endIgnored(io: ActionIO): { code: number; status: string } {
  io.setOutput('status', 'ignored');
  saveFinished(io);
  return { code: 0, status: 'ignored' };
}

export function resumeInstructions(ctx: ActionContext, runId: string): string {
  return [
    `# Run the workflow again with workflow_dispatch inputs resume: true and run-id: ${runId}, e.g.`,
    `gh workflow run "${ctx.workflow}" --repo ${ctx.owner}/${ctx.repo} -f resume=true -f run-id=${runId}`,
    `# or comment on an issue:`,
    `/keel resume ${runId}`,
  ].join('\n');
}
