/**
 * What `main` leaves for `post` (as actions/checkout's state-helper does): the runner turns each saved value
 * into `STATE_<name>` for the post step, which runs even when main was killed. Every key is named here once,
 * with what it means, so the two steps cannot disagree about a spelling.
 */
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
  };
}
