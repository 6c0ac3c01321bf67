/**
 * The Action's `post` step, which GitHub runs even when `main` was killed (timeout, cancellation after the
 * grace period). If `main` finished, there is nothing to do. Otherwise the last checkpoint `main` left is
 * marked interrupted, copied to the state branch and an artifact, and the recovery issue is opened or
 * updated — so no run ever disappears without a trace.
 */
import { join } from 'node:path';
import { effectMarker } from '../run/effects.ts';
import { TaskStateStore } from '../run/state-store.ts';
import { isUnfinished } from '../run/state.ts';
import { recoveryMarkdown } from '../run/summary.ts';
import type { ActionIO } from './action-io.ts';
import { saveDurably } from './durable.ts';
import { resumeInstructions } from './run-action.ts';
import { actionBase, actionSetup, githubEffects } from './setup.ts';

export async function runPost({
  io,
  env,
}: {
  io: ActionIO;
  env: Record<string, string | undefined>;
}): Promise<number> {
  if (io.getState('finished') === 'true' || io.getState('decision') === 'ignored') return 0;
  const runDir = io.getState('runDir');
  const stateDir = io.getState('stateDir');
  if (!runDir || !stateDir) {
    io.info('keel post: main saved no run (it stopped before starting one); nothing to recover');
    return 0;
  }
  const setup = await actionSetup(await actionBase(io, env), io, env);
  const { settings, ctx, durable } = setup;

  const store = new TaskStateStore({ runDir });
  const { state, problem } = await store.load();
  if (!state) {
    io.info(`keel post: no readable checkpoint in ${runDir}${problem ? ` (${problem})` : ''}`);
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
    const effects = githubEffects(setup);
    const marker = effectMarker(state.runId, 'recovery');
    const ref = await effects.upsertIssue({
      marker,
      title: `keel: run ${state.runId} stopped — ${state.interruption?.reason ?? 'interrupted'}`.slice(
        0,
        200,
      ),
      body: `${recoveryMarkdown(state, resumeInstructions(ctx, state.runId))}\n\n${marker}`,
      labels: ['keel', 'keel-recovery'],
    });
    io.info(`keel post: recovery issue ${ref.url}`);
  }
  await saveDurably(
    { ...durable, log: (line) => io.info(`keel post: ${line}`) },
    { runId: state.runId, runDir, fleetStatePath: join(stateDir, 'fleet-state.json') },
    8_000,
  );
  return 0;
}
