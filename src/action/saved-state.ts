/**
 * What `main` leaves for `post` (as actions/checkout's state-helper does): the runner turns each saved value
 * into `STATE_<name>` for the post step, which runs even when main was killed. Every key is named here once,
 * with what it means, so the two steps cannot disagree about a spelling.
 */
import { branchClaimSchema, type BranchClaim } from '../durable/state-branch/index.ts';
import type { ActionIO } from './action-io.ts';

/** What main decided to do with the trigger (`ignored`, `status`, `run`, `resume` …). */
export function saveDecision(io: ActionIO, kind: string): void {
  io.saveState('decision', kind);
}

export function saveStateDir(io: ActionIO, stateDir: string): void {
  io.saveState('stateDir', stateDir);
}

/** The issue or pull request that asked for the run: where the tracking comment goes. */
export function saveIssueNumber(io: ActionIO, issueNumber: number): void {
  io.saveState('issueNumber', String(issueNumber));
}

export function saveRunStarted(io: ActionIO, run: { runId: string; runDir: string }): void {
  io.saveState('runId', run.runId);
  io.saveState('runDir', run.runDir);
}

/** The longest task text kept for post: enough to recognise the request in a recovery issue. */
const MAX_SAVED_TASK = 1_000;

/**
 * The run main is about to start — its id, what triggered it, the task — saved before the run id is printed
 * or the run exists on disk: a kill in between still leaves post something to report (issue 12 §12).
 */
export function saveRunIntent(io: ActionIO, run: { runId: string; trigger: string; task: string }): void {
  io.saveState('intendedRunId', run.runId);
  io.saveState('trigger', run.trigger);
  io.saveState('task', run.task.slice(0, MAX_SAVED_TASK));
}

/** The run's claim on the state branch: post releases it with its checkpoint push when main was killed. */
export function saveClaim(io: ActionIO, claim: BranchClaim): void {
  io.saveState('claim', JSON.stringify(claim));
}

/** Main saved, published and reported everything: post has nothing to do. */
export function saveFinished(io: ActionIO): void {
  io.saveState('finished', 'true');
}

export interface MainState {
  finished: boolean;
  ignored: boolean;
  runId: string | undefined;
  runDir: string | undefined;
  stateDir: string | undefined;
  issueNumber: number | undefined;
  /** `saveRunIntent`: the run main was starting, even if it never reached disk. */
  intent: { runId: string; trigger: string; task: string } | undefined;
  claim: BranchClaim | undefined;
}

/** What main saved, as post reads it; absent values (main died before saving them) are undefined. */
export function readMainState(io: ActionIO): MainState {
  const text = (name: string): string | undefined => io.getState(name) || undefined;
  const issue = Number(io.getState('issueNumber'));
  return {
    finished: io.getState('finished') === 'true',
    ignored: io.getState('decision') === 'ignored',
    runId: text('runId'),
    runDir: text('runDir'),
    stateDir: text('stateDir'),
    issueNumber: Number.isSafeInteger(issue) && issue > 0 ? issue : undefined,
    intent:
      text('intendedRunId') !== undefined
        ? { runId: text('intendedRunId')!, trigger: text('trigger') ?? 'unknown', task: text('task') ?? '' }
        : undefined,
    claim: parseClaim(io.getState('claim')),
  };
}

function parseClaim(text: string): BranchClaim | undefined {
  if (text === '') return undefined;
  try {
    const parsed = branchClaimSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
