/**
 * The Action's `post` step, which GitHub runs even when `main` was killed (timeout, cancellation after the
 * grace period). If `main` finished, there is nothing to do. Otherwise the last checkpoint `main` left is
 * marked interrupted (and its manifest with it), the recovery issue is opened or updated, the tracking
 * comment on the issue the run was asked from says so, and all of it is copied to the state branch and an
 * artifact — so no run ever disappears without a trace.
 */
import { PersistenceCoordinator } from '../run/persistence.ts';
import { TaskStateStore } from '../run/state-store.ts';
import { isUnfinished } from '../run/state.ts';
import { writeRecoveryRecord } from '../run/recovery-record.ts';
import type { ActionIO } from './action-io.ts';
import { saveDurably } from '../durable/run-copies.ts';
import { resumeInstructions, trackingIssueOf } from './run-action.ts';
import { actionBase, actionSetup, githubEffects } from './setup.ts';
import { stateLayout } from '../base/state-layout.ts';
import { readMainState, type MainState } from './saved-state.ts';
import { effectMarker } from '../run/effects.ts';

export async function runPost({
  io,
  env,
}: {
  io: ActionIO;
  env: Record<string, string | undefined>;
}): Promise<number> {
  const saved = readMainState(io);
  if (saved.finished || saved.ignored) return 0;
  const { runDir, stateDir } = saved;
  if (!runDir || !stateDir) {
    if (saved.intent) return reportUnstarted(io, env, saved.intent, saved.issueNumber);
    io.info('keel post: main saved no run (it stopped before starting one); nothing to recover');
    return 0;
  }
  const setup = await actionSetup(await actionBase(io, env), io, env);
  const { settings, ctx, durable } = setup;

  const store = new TaskStateStore({ runDir });
  const { state, problem } = await store.load();
  if (!state) {
    io.info(`keel post: no readable checkpoint in ${runDir}${problem ? ` (${problem})` : ''}`);
    if (saved.intent) return reportUnstarted(io, env, saved.intent, saved.issueNumber);
    return 0;
  }
  // Validation changed the repository: main published nothing, and neither does post (not even a checkpoint).
  if (state.interruption?.kind === 'security') {
    io.info(
      `keel post: run ${state.runId} stopped for security (${state.interruption.reason}); nothing saved`,
    );
    return 0;
  }
  if (isUnfinished(state)) {
    for (const step of Object.values(state.steps)) if (step.status === 'running') step.status = 'pending';
    state.status = 'interrupted';
    state.interruption ??= {
      reason: 'the main step was killed before it could save (timeout or cancellation)',
      at: Date.now(),
    };
    state.updatedAt = Date.now();
    await store.save(state);
  }
  if (state.status === 'interrupted' && settings.effects === 'github') {
    const effects = githubEffects(setup, trackingIssueOf(state) ?? saved.issueNumber);
    // What main would have written had it lived. Unchanged text is not written again, and unchanged
    // effects are not saved again, so a second post adds nothing.
    const { issue, comment } = await writeRecoveryRecord(effects, state, {
      resumeCommand: resumeInstructions(ctx, state.runId),
      now: Date.now,
      save: () => store.save(state),
    });
    io.info(`keel post: recovery issue ${issue.url}`);
    if (comment.url !== '') io.info(`keel post: tracking comment ${comment.url}`);
  }
  // `keel status` and the state branch's listing read the manifest: it says interrupted now too.
  await new PersistenceCoordinator({ store, runDir }).writeManifest(state);
  await saveDurably(
    { ...durable, log: (line) => io.info(`keel post: ${line}`) },
    { runId: state.runId, runDir, fleetStatePath: stateLayout(stateDir).fleetState },
    8_000,
    // Main's claim of the run: pushed only while it is still main's, and released with that push.
    saved.claim,
  );
  return 0;
}

/**
 * main was killed after it named the run but before the run's first checkpoint: nothing was done, but the
 * request must not vanish. The recovery issue (under the run's recovery marker, so a later run of the same id
 * closes it when it finishes) says which run, from what trigger, for which task, and how to ask again.
 */
async function reportUnstarted(
  io: ActionIO,
  env: Record<string, string | undefined>,
  intent: NonNullable<MainState['intent']>,
  issueNumber: number | undefined,
): Promise<number> {
  const task = intent.task.split('\n', 1)[0] ?? '';
  io.info(
    `keel post: run ${intent.runId} (${intent.trigger}) was stopped before its first checkpoint; nothing was done. Task: ${task}`,
  );
  const setup = await actionSetup(await actionBase(io, env), io, env);
  if (setup.settings.effects !== 'github') return 0;
  const marker = effectMarker(intent.runId, 'recovery');
  const issue = await githubEffects(setup, issueNumber).ensureIssue({
    marker,
    title: `keel: run ${intent.runId} stopped before it started`,
    body: [
      `keel's run \`${intent.runId}\` (trigger: ${intent.trigger}) was stopped before it saved anything —`,
      'the job was cancelled or killed in its first moments. Nothing was done: no commit, no pull request.',
      '',
      `Task: ${task}`,
      '',
      'To try again, re-run the job, or ask again the way the run was asked for.',
      '',
      marker,
    ].join('\n'),
    labels: ['keel', 'keel-recovery'],
  });
  io.info(`keel post: recovery issue ${issue.url}`);
  return 0;
}
