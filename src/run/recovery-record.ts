/**
 * The recovery record of a stopped run: the issue with the exact resume instructions (found by its marker,
 * opened or updated) and the run's one tracking comment saying so, where the people who asked for the run
 * look. Both are remembered in the state, so that a resume started from elsewhere (a dispatch, a comment on
 * another issue) edits them rather than opening others. Written by the engine when a run stops, and by the
 * Action's `post` when `main` was killed before it could.
 */
import { effectMarker, type EffectRef, type Effects } from './effects.ts';
import type { RunState } from './state.ts';
import { recoveryMarkdown } from './summary.ts';

export interface RecoveryRecordOptions {
  /** How a human resumes the run (the command, or the Action's instructions). */
  resumeCommand: string;
  now: () => number;
  /** Saves the state; called each time the effects it remembers have changed. */
  save: () => Promise<void>;
}

/** Throws what the effects throw; the state is saved up to the last effect made. */
export async function writeRecoveryRecord(
  effects: Effects,
  state: RunState,
  o: RecoveryRecordOptions,
): Promise<{ issue: EffectRef; comment: EffectRef }> {
  const instructions = recoveryMarkdown(state, o.resumeCommand);
  const marker = effectMarker(state.runId, 'recovery');
  const issue = await effects.upsertIssue({
    marker,
    title: `keel: run ${state.runId} stopped — ${state.interruption?.reason ?? state.status}`.slice(0, 200),
    body: `${instructions}\n\n${marker}`,
    labels: ['keel', 'keel-recovery'],
  });
  if (state.effects.recovery === undefined) {
    state.effects.recovery = { kind: 'recovery_issue', marker, ref: issue.url, createdAt: o.now() };
    await o.save();
  }
  const tracking = effectMarker(state.runId, 'tracking');
  const comment = await effects.upsertComment(
    tracking,
    `${instructions}\n\nRecovery record: ${issue.url}\n\n${tracking}`,
  );
  if (comment.url !== '' && state.effects.tracking?.ref !== comment.url) {
    state.effects.tracking = { kind: 'comment', marker: tracking, ref: comment.url, createdAt: o.now() };
    await o.save();
  }
  return { issue, comment };
}
