/**
 * `actions/guard`: one idle-guard cycle in GitHub Actions, for a scheduled workflow
 * (`.github/workflows/keel-guard.yml`). Probes from this runner, reads queue depths from the queue files
 * in the checkout, takes pauses from the `keel:paused` label on each lane's tracking issue, starts lanes
 * with `workflow_dispatch` of their workflow, resumes interrupted runs found on the state branch, writes
 * the cycle report to the job summary and opens (or closes) the `persistent_idle_condition` issues.
 *
 * The guard's memory (`.keel/guard/`) lives in the checkout, which a fresh job does not have: the example
 * workflow carries it from run to run with actions/cache. Without it every run starts the idle counters
 * afresh and `persistent_idle_condition` can never be reached — the step says so in its log.
 */
import { join } from 'node:path';
import { systemClock, type Clock } from '../base/clock.ts';
import { runUrl } from '../github/api/index.ts';
import { GitHubEffects } from '../github/effects/index.ts';
import { listBranchRuns, type BranchRun } from '../durable/state-branch/index.ts';
import { pausedLabel } from '../github/triggers/index.ts';
import { redact } from '../base/secrets.ts';
import type { FetchLike } from '../fleet/probe.ts';
import { GUARD_REPORT_FILE, GUARD_STATE_FILE, stateLayout } from '../base/state-layout.ts';
import {
  runGuardCycle,
  type GuardCycleReport,
  type QueueDepth,
  guardProbes,
  guardQueueDepth,
} from '../guard/index.ts';
import {
  ensureTrackingIssue,
  githubGuardEffects,
  githubTarget,
  GUARD_ISSUE_LABEL,
  issueAlerts,
} from '../github/guard/index.ts';
import { githubLaneClaims } from './guard-claims.ts';
import { loadLanesFile } from '../lanes/index.ts';
import { errorMessage } from '../base/errors.ts';
import { readJsonFile } from '../base/atomic-file.ts';
import type { ActionIO } from './action-io.ts';
import { bool } from './settings.ts';
import { actionBase, actionSetup, type ActionSetup } from './setup.ts';

export interface GuardActionDeps {
  io: ActionIO;
  env: Record<string, string | undefined>;
  signal: AbortSignal;
  clock?: Clock;
  fetch?: FetchLike;
  queueDepth?: QueueDepth;
  /** The runs on the state branch (default: `listBranchRuns` on the checkout's remote). */
  branchRuns?: () => Promise<BranchRun[]>;
}

export async function runGuardAction(deps: GuardActionDeps): Promise<number> {
  const { io, env } = deps;
  const clock = deps.clock ?? systemClock;
  const setup = await actionSetup(await actionBase(io, env), io, env);
  const { ctx, config, settings, client, secrets } = setup;
  const lanesFile = await loadLanesFile(
    join(ctx.workspace, io.input('lanes').trim() || '.github/keel-lanes.yml'),
  );
  const guardDir = stateLayout(setup.stateDir).guard.dir;
  const label = pausedLabel('keel');
  const scrub = (text: string): string => redact(text, secrets);
  const issues = new GitHubEffects({
    client,
    owner: ctx.owner,
    repo: ctx.repo,
    runUrl: runUrl(ctx),
    redact: scrub,
    labels: { base: GUARD_ISSUE_LABEL },
    clock,
  });
  const resumeWorkflow = io.input('resume-workflow').trim();
  const ref = io.input('ref').trim() || env.GITHUB_REF_NAME || (await defaultBranch(setup));

  if ((await readJsonFile(join(guardDir, GUARD_STATE_FILE))).ok === false) {
    io.info(
      `keel guard: no previous guard state in ${guardDir}; idle counters start at zero (cache .keel/guard between runs to keep them)`,
    );
  }
  if (bool(io, 'tracking-issues', true)) {
    for (const lane of lanesFile.lanes) {
      await ensureTrackingIssue(issues, lane, label, lanesFile.guard.stalePauseMs);
    }
  }

  const outcome = await runGuardCycle({
    lanesFile,
    config,
    clock,
    guardDir,
    actor: `keel guard (${runUrl(ctx)})`,
    redact: scrub,
    effects: {
      ...guardProbes({
        config,
        env,
        signal: deps.signal,
        clock,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      }),
      queueDepth: deps.queueDepth ?? guardQueueDepth(lanesFile, githubLaneClaims(client, ctx)),
      ...githubGuardEffects({
        target: githubTarget(client, ctx),
        lanesFile,
        ref,
        ...(resumeWorkflow !== '' ? { resumeWorkflow } : {}),
        branchRuns:
          deps.branchRuns ??
          (() =>
            listBranchRuns({
              git: setup.git,
              repoRoot: ctx.workspace,
              branch: settings.stateBranch,
              secrets,
              clock,
              log: (event) => io.info(`state branch: ${JSON.stringify(event)}`),
            })),
        pausedLabel: label,
        now: () => clock.now(),
      }),
      alerts: issueAlerts(issues, lanesFile.guard.cycleIntervalMs),
      events: (event) => io.info(`keel guard: ${scrub(JSON.stringify(event))}`),
    },
  });
  if (outcome.kind === 'busy') {
    io.info(`keel guard: another cycle holds ${outcome.lock}; nothing to do`);
    return 0;
  }
  const { report } = outcome;
  io.setOutput('started', JSON.stringify(report.started));
  io.setOutput('idle-lanes', JSON.stringify(report.fleet.idleLanes));
  io.setOutput(
    'resumed',
    JSON.stringify(report.resumes.filter((r) => r.action === 'dispatched').map((r) => r.runId)),
  );
  io.setOutput('fleet-idle-cycles', String(report.fleet.idleCycles));
  io.setOutput('report', join(guardDir, GUARD_REPORT_FILE));
  for (const alert of report.alerts) {
    io.annotate({
      level: 'warning',
      title: 'persistent_idle_condition',
      message: `lane ${alert.lane} idle for ${alert.idleCycles} cycle(s)${alert.error !== undefined ? ` (issue not opened: ${alert.error})` : ''}`,
    });
  }
  await io.summary(guardSummary(report));
  return 0;
}

/** The cycle report as Markdown for the job summary. */
export function guardSummary(report: GuardCycleReport): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rows = report.lanes.map((lane) => {
    const verdicts = Object.entries(lane.health.endpoints)
      .map(([id, verdict]) => `${id}: ${verdict}`)
      .join(', ');
    return `| ${cell(lane.lane)} | ${lane.status} | ${lane.queued ?? '?'} | ${lane.action} | ${lane.idleCycles} | ${cell(verdicts || '—')} | ${cell(lane.activity?.detail ?? 'unknown')} |`;
  });
  const lines = [
    `## keel guard — cycle ${report.cycle}`,
    '',
    `${report.probed ? 'Endpoints probed' : 'Probe not due'}; ${report.scanned ? 'capabilities scanned' : 'scan not due'}. ` +
      (report.fleet.idle ? `**Fleet idle for ${report.fleet.idleCycles} cycle(s).**` : 'Fleet not idle.'),
    '',
    '| lane | status | queued | action | idle cycles | endpoints | activity |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
  const notes: string[] = [];
  for (const cleared of report.pausesCleared) {
    notes.push(
      `- cleared the stale pause of **${cell(cleared.lane)}** set by ${cell(cleared.flag.by)} at ${new Date(cleared.flag.at).toISOString()}`,
    );
  }
  for (const run of report.resumes) {
    if (run.action === 'dispatched') notes.push(`- resume dispatched for run \`${run.runId}\``);
    if (run.action === 'failed') notes.push(`- resume of \`${run.runId}\` failed: ${cell(run.error ?? '')}`);
  }
  if (report.resumeError !== undefined)
    notes.push(`- interrupted runs could not be listed: ${cell(report.resumeError)}`);
  for (const alert of report.alerts) {
    notes.push(
      `- ⚠️ \`persistent_idle_condition\`: **${cell(alert.lane)}** idle for ${alert.idleCycles} cycle(s)`,
    );
  }
  if (report.stateProblem !== undefined) notes.push(`- ${cell(report.stateProblem)}`);
  return [...lines, ...notes, ''].join('\n');
}

async function defaultBranch(setup: ActionSetup): Promise<string> {
  try {
    const { data } = await setup.client.rest.repos.get({ owner: setup.ctx.owner, repo: setup.ctx.repo });
    return data.default_branch;
  } catch (error) {
    throw new Error(
      `cannot tell which ref to dispatch workflows on (set input ref): ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}
