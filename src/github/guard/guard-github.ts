/**
 * The guard's effects in GitHub Actions (`actions/guard`), over the REST API:
 *
 * - activity: the lane's workflow runs (`lane.workflow`). The example lane workflows set
 *   `run-name: keel lane <name>`, so one workflow can serve many lanes; a run titled otherwise cannot be
 *   told apart and counts for every lane of its workflow (better a lane left alone than one started twice).
 *   In progress is `active`; queued (or waiting) is `starting` within `startGraceMs` of its creation and
 *   `stalled` after — a run no runner takes is starvation the guard must report, not paper over by queueing
 *   another.
 * - starting a lane: `workflow_dispatch` of `lane.workflow` with input `lane` (needs `actions: write`).
 * - pause: the `keel:paused` label on the lane's tracking issue (found by its hidden marker
 *   `<!-- keel:lane=<name> -->`), dated by the issue event that added the label and attributed to its
 *   actor; clearing removes the label and says who, when and why in a comment.
 * - interrupted runs: the `keel/state` branch (`listBranchRuns`): `interrupted`, or still `running` after
 *   longer than any job can live (it died without saving its end). Active when a non-completed run of the
 *   resume workflow has the run id in its title; a resume is `workflow_dispatch` of that workflow with
 *   `resume: true` and `run-id`.
 * - alerts: an issue per lane and idle streak (marker `<!-- keel:guard-idle lane=<name> since=<ms> -->`),
 *   found again before anything is created (`GitHubEffects.ensureIssue`), closed when the streak ends.
 *   keel-guard's issues carry the `keel-guard` label rather than `keel`: `keel` issues are the task queue.
 */
import type { ActionContext, GitHubClient } from '../api/index.ts';
import type { GitHubEffects } from '../effects/index.ts';
import type { BranchRun } from '../../durable/state-branch/index.ts';
import { formatAge } from '../../base/age.ts';
import type { AlertSink, GuardEffects, InterruptedRun, LaneActivity } from '../../guard/index.ts';
import type { LaneConfig, LanesFile, PauseFlag, PauseFlags } from '../../lanes/index.ts';

/** GitHub cancels a job after at most 6 h on its runners; a `running` checkpoint older than this is dead. */
export const MAX_JOB_MS = 6 * 3_600_000;
export const GUARD_ISSUE_LABEL = 'keel-guard';
const RUNS_PER_LOOKUP = 50;
/** Issues and events looked at, at most (pages of 100). */
const MAX_PAGES = 10;

interface GitHubTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
}

export function githubTarget(client: GitHubClient, ctx: Pick<ActionContext, 'owner' | 'repo'>): GitHubTarget {
  return { client, owner: ctx.owner, repo: ctx.repo };
}

export function laneMarker(lane: string): string {
  return `<!-- keel:lane=${lane} -->`;
}

export function idleAlertMarker(lane: string, idleSince: number): string {
  return `<!-- keel:guard-idle lane=${lane} since=${idleSince} -->`;
}

/** The title the example lane workflows give their runs (`run-name`). */
export function laneRunTitle(lane: string): string {
  return `keel lane ${lane}`;
}

interface WorkflowRun {
  status: string;
  title: string;
  createdAt: number;
}

/** Non-completed runs of a workflow, fetched once per workflow per cycle. */
export function workflowRunBook(target: GitHubTarget): (workflow: string) => Promise<WorkflowRun[]> {
  const cache = new Map<string, Promise<WorkflowRun[]>>();
  return (workflow) => {
    let runs = cache.get(workflow);
    if (!runs) {
      runs = (async () => {
        const { data } = await target.client.rest.actions.listWorkflowRuns({
          owner: target.owner,
          repo: target.repo,
          workflow_id: workflow,
          per_page: RUNS_PER_LOOKUP,
        });
        return data.workflow_runs
          .filter((run) => run.status !== 'completed')
          .map((run) => ({
            status: run.status ?? 'unknown',
            title: run.display_title,
            createdAt: Date.parse(run.created_at),
          }));
      })();
      cache.set(workflow, runs);
    }
    return runs;
  };
}

export function laneActivityFromRuns(
  lane: LaneConfig,
  runs: WorkflowRun[],
  now: number,
  graceMs: number,
): LaneActivity {
  const title = laneRunTitle(lane.name);
  // A run titled by the example workflow's run-name names its lane; any other title could be any lane's.
  const mine = runs.filter((run) => !run.title.startsWith('keel lane ') || run.title === title);
  if (mine.some((run) => run.status === 'in_progress'))
    return { state: 'active', detail: `a run of ${lane.workflow} is in progress` };
  const waiting = mine.map((run) => now - run.createdAt).filter((age) => Number.isFinite(age));
  if (waiting.length === 0) return { state: 'inactive', detail: `no run of ${lane.workflow} in progress` };
  const youngest = Math.min(...waiting);
  if (youngest < graceMs) return { state: 'starting', detail: `a run of ${lane.workflow} is queued` };
  return {
    state: 'stalled',
    detail: `a run of ${lane.workflow} has been queued for ${formatAge(youngest)}: is a runner with labels [${lane.runnerLabels.join(', ')}] online?`,
  };
}

export interface GitHubGuardOptions {
  target: GitHubTarget;
  lanesFile: LanesFile;
  /** The ref workflows are dispatched on (the default branch, for a scheduled guard). */
  ref: string;
  /** The workflow that resumes runs (`keel.yml`); undefined turns resumes off. */
  resumeWorkflow?: string;
  /** The runs on the state branch. */
  branchRuns: () => Promise<BranchRun[]>;
  pausedLabel: string;
  now: () => number;
}

export function githubGuardEffects(
  options: GitHubGuardOptions,
): Pick<GuardEffects, 'laneActive' | 'startLane' | 'pauseFlags' | 'interruptedRuns' | 'dispatchResume'> {
  const { target, lanesFile, ref } = options;
  const runsOf = workflowRunBook(target);
  const dispatch = async (workflow: string, inputs: Record<string, string>): Promise<void> => {
    await target.client.rest.actions.createWorkflowDispatch({
      owner: target.owner,
      repo: target.repo,
      workflow_id: workflow,
      ref,
      inputs,
    });
  };
  return {
    async laneActive(lane) {
      if (lane.workflow === undefined) return { state: 'inactive', detail: 'the lane names no workflow' };
      return laneActivityFromRuns(
        lane,
        await runsOf(lane.workflow),
        options.now(),
        lanesFile.guard.startGraceMs,
      );
    },
    async startLane(lane) {
      if (lane.workflow === undefined) throw new Error(`lane ${lane.name} names no workflow to dispatch`);
      await dispatch(lane.workflow, { lane: lane.name });
    },
    pauseFlags: labelPauseFlags(target, options.pausedLabel),
    async interruptedRuns() {
      const workflow = options.resumeWorkflow;
      if (workflow === undefined) return [];
      const now = options.now();
      const stopped = (await options.branchRuns()).filter(
        (run) =>
          run.status === 'interrupted' || (run.status === 'running' && now - run.updatedAt > MAX_JOB_MS),
      );
      if (stopped.length === 0) return [];
      const running = await runsOf(workflow);
      return stopped.map((run): InterruptedRun => ({
        ...run,
        active: running.some((wf) => wf.title.includes(run.runId)),
      }));
    },
    async dispatchResume(run) {
      if (options.resumeWorkflow === undefined) return;
      await dispatch(options.resumeWorkflow, { resume: 'true', 'run-id': run.runId });
    },
  };
}

/** Pauses as labels on the lanes' tracking issues: one listing of the labelled issues per cycle. */
export function labelPauseFlags(target: GitHubTarget, label: string): PauseFlags {
  let paused: Promise<Map<string, { number: number; updatedAt: number }>> | undefined;
  const pausedIssues = (): Promise<Map<string, { number: number; updatedAt: number }>> =>
    (paused ??= (async () => {
      const byLane = new Map<string, { number: number; updatedAt: number }>();
      let pages = 0;
      for await (const page of target.client.paginate.iterator(target.client.rest.issues.listForRepo, {
        owner: target.owner,
        repo: target.repo,
        state: 'open',
        labels: label,
        per_page: 100,
      })) {
        for (const issue of page.data) {
          if (issue.pull_request) continue; // the issues API lists pull requests too
          const lane = /<!-- keel:lane=([A-Za-z0-9][A-Za-z0-9._-]{0,63}) -->/.exec(issue.body ?? '')?.[1];
          if (lane !== undefined && !byLane.has(lane))
            byLane.set(lane, { number: issue.number, updatedAt: Date.parse(issue.updated_at) });
        }
        if (++pages >= MAX_PAGES) break;
      }
      return byLane;
    })());
  const issueOf = async (lane: LaneConfig): Promise<{ number: number; updatedAt: number } | undefined> =>
    (await pausedIssues()).get(lane.name);
  return {
    async read(lane) {
      const issue = await issueOf(lane);
      if (!issue) return undefined;
      const labelled = await lastLabelled(target, issue.number, label);
      return {
        // Without the event (history trimmed) the issue's last update is the best date there is.
        at: labelled?.at ?? issue.updatedAt,
        by: labelled?.by ?? 'unknown',
        reason: `label ${label} on #${issue.number}`,
      };
    },
    async clear(lane, flag: PauseFlag, note) {
      const issue = await issueOf(lane);
      if (!issue) return;
      const params = { owner: target.owner, repo: target.repo, issue_number: issue.number };
      await target.client.rest.issues.createComment({
        ...params,
        body: [
          `keel guard removed \`${label}\`: ${note.reason}.`,
          '',
          `- paused by ${flag.by} at ${new Date(flag.at).toISOString()}`,
          `- cleared by ${note.by} at ${new Date(note.at).toISOString()}`,
          '',
          'Add the label again to pause the lane; the guard respects a pause until it is stale (guard.stalePauseMs).',
        ].join('\n'),
      });
      try {
        await target.client.rest.issues.removeLabel({ ...params, name: label });
      } catch (error) {
        // Someone removed it first: the lane is unpaused either way.
        if ((error as { status?: number }).status !== 404) throw error;
      }
    },
  };
}

async function lastLabelled(
  target: GitHubTarget,
  issue: number,
  label: string,
): Promise<{ at: number; by: string } | undefined> {
  let found: { at: number; by: string } | undefined;
  let pages = 0;
  for await (const page of target.client.paginate.iterator(target.client.rest.issues.listEvents, {
    owner: target.owner,
    repo: target.repo,
    issue_number: issue,
    per_page: 100,
  })) {
    for (const event of page.data) {
      const named = (event as { label?: { name?: string } }).label?.name;
      if (event.event === 'labeled' && named === label) {
        found = { at: Date.parse(event.created_at), by: event.actor?.login ?? 'unknown' };
      }
    }
    if (++pages >= MAX_PAGES) break;
  }
  return found;
}

/** `persistent_idle_condition` as an issue per lane and streak; closed when the streak ends. */
export function issueAlerts(
  effects: Pick<GitHubEffects, 'ensureIssue' | 'closeIssue'>,
  cycleMs: number,
): AlertSink {
  return {
    async raise(alert) {
      await effects.ensureIssue({
        marker: idleAlertMarker(alert.lane, alert.idleSince),
        title: `keel guard: lane ${alert.lane} idle with queued work`,
        body: [
          `Lane **${alert.lane}** has been idle for ${alert.idleCycles} consecutive guard cycles (since ${new Date(alert.idleSince).toISOString()}) while its endpoints were healthy and its queue held ${alert.queued ?? 'unknown'} unclaimed task(s).`,
          '',
          `Why it is still idle: ${alert.why}.`,
          '',
          `The guard checks again every ${formatAge(cycleMs)} or so and closes this issue when work flows again.`,
        ].join('\n'),
        labels: [],
      });
    },
    async resolve(alert) {
      await effects.closeIssue(
        idleAlertMarker(alert.lane, alert.idleSince),
        `Lane **${alert.lane}** is no longer idle (the streak lasted ${alert.idleCycles} cycle(s)).`,
      );
    },
  };
}

/** The lane's tracking issue: where an operator pauses it with the label (or `/keel pause`). */
export async function ensureTrackingIssue(
  effects: Pick<GitHubEffects, 'ensureIssue'>,
  lane: LaneConfig,
  label: string,
  stalePauseMs: number,
): Promise<void> {
  await effects.ensureIssue({
    marker: laneMarker(lane.name),
    title: `keel lane ${lane.name}`,
    body: [
      `Tracking issue of the keel lane **${lane.name}** (workflow \`${lane.workflow ?? '—'}\`).`,
      '',
      `Add the \`${label}\` label to pause the lane: the idle guard will not start it. A pause older than ${formatAge(stalePauseMs)} counts as forgotten and is cleared when the lane sits idle with queued work.`,
    ].join('\n'),
    labels: [],
  });
}
