/**
 * The fan-out steps, for workflows that spread coding over a matrix of jobs (`keel-fanout.yml`):
 * - `actions/plan` plans a run and stops, checkpointed, with the subtasks as the matrix;
 * - `actions/code` runs the coder for ONE subtask on whatever runner the matrix job landed on (a
 *   self-hosted one that sees the LAN models, say) and uploads its result — no commit, no state change;
 * - `actions/review` gathers the results, and the engine applies and commits them, applies the
 *   partial-success rule, validates, reviews and publishes exactly as a single-job run would.
 * GitHub Actions is the scheduler; keel never builds one of its own.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codeSubtask } from '../agents/coder.ts';
import { createRouter } from '../fleet/router.ts';
import { readFiles } from '../git/workspace.ts';
import { externalCodeResultSchema, toExternalResult, type ExternalCodeResult } from '../run/external-code.ts';
import { eventBaseBranch } from '../github/triggers/index.ts';
import { startRun } from '../run/start-run.ts';
import { TaskStateStore } from '../run/state-store.ts';
import type { RunState } from '../run/state.ts';
import { MAX_FILE_BYTES_IN_PROMPT } from '../run/steps/code-one.ts';
import type { ActionIO } from './action-io.ts';
import { restoreDurably, saveDurably } from '../durable/run-copies.ts';
import { writeOutputs } from './outputs.ts';
import { resumeInstructions } from './run-action.ts';
import { actionBase, actionSetup, githubEffects, type ActionSetup } from './setup.ts';
import { stateLayout } from '../base/state-layout.ts';

interface StepDeps {
  io: ActionIO;
  env: Record<string, string | undefined>;
  signal: AbortSignal;
}

const RESULT_FILE = 'result.json';

export async function runPlanAction({ io, env, signal }: StepDeps): Promise<number> {
  const setup = await actionSetup(await actionBase(io, env), io, env);
  const { settings, ctx, config, stateDir } = setup;
  const task = settings.task;
  if (!task) throw new Error('input task is required for actions/plan');
  const baseBranch = eventBaseBranch(ctx);
  const { state, runDir } = await startRun({
    config,
    repo: ctx.workspace,
    stateDir,
    env,
    signal,
    task,
    taskSource: 'dispatch',
    stopAfter: 'plan',
    ...(baseBranch ? { baseBranch } : {}),
    progress: (line) => io.info(line),
    ...(settings.runId !== undefined ? { runId: settings.runId } : {}),
    resumeCommand: (id) => resumeInstructions(ctx, id),
  });
  await saveDurably(
    setup.durable,
    { runId: state.runId, runDir, fleetStatePath: stateLayout(stateDir).fleetState },
    20_000,
  );
  const subtasks = state.plan?.milestones.flatMap((m) => m.subtasks.map((s) => s.id)) ?? [];
  io.setOutput('run-id', state.runId);
  io.setOutput('matrix', JSON.stringify({ subtask: subtasks }));
  io.setOutput('subtasks', String(subtasks.length));
  return state.status === 'interrupted'
    ? (settings.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt)
    : 0;
}

export async function runCodeAction({ io, env, signal }: StepDeps): Promise<number> {
  const setup = await actionSetup(await actionBase(io, env), io, env);
  const subtaskId = io.input('subtask').trim();
  const state = await loadForStep(setup, io);
  const subtask = state.plan?.milestones.flatMap((m) => m.subtasks).find((s) => s.id === subtaskId);
  if (!subtask || !state.plan) throw new Error(`run ${state.runId} has no subtask "${subtaskId}"`);
  const router = createRouter(setup.config, { env, state: state.fleet });
  let result: ExternalCodeResult;
  try {
    // The checkout is the run's base: every matrix job codes against the same files.
    const files = await readFiles({ worktree: setup.ctx.workspace }, subtask.files, MAX_FILE_BYTES_IN_PROMPT);
    const answer = await codeSubtask(
      router,
      { task: state.task.text, plan: state.plan, subtask, files, format: setup.config.run.coderFormat },
      { signal },
    );
    result = toExternalResult(subtask.id, answer);
  } finally {
    await router.close();
  }
  const dir = join(setup.ctx.runnerTemp, 'keel-code', state.runId, subtask.id);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, RESULT_FILE), JSON.stringify(result));
  const uploaded = await setup.durable.artifacts.uploadResult(codeArtifact(state.runId, subtask.id), dir, [
    RESULT_FILE,
  ]);
  if (!uploaded.ok) throw new Error(`could not upload the result of ${subtask.id}: ${uploaded.reason}`);
  io.setOutput('ok', String(result.ok));
  io.info(
    result.ok
      ? `${subtask.id}: ${result.change.edits.length} edit(s) by ${result.model}`
      : `${subtask.id}: ${result.reason}`,
  );
  return 0;
}

export async function runReviewAction({ io, env, signal }: StepDeps): Promise<number> {
  const setup = await actionSetup(await actionBase(io, env), io, env);
  const { settings, ctx, config, stateDir } = setup;
  const state = await loadForStep(setup, io);
  const external = new Map<string, ExternalCodeResult>();
  for (const subtask of state.plan?.milestones.flatMap((m) => m.subtasks) ?? []) {
    const into = join(ctx.runnerTemp, 'keel-results', state.runId, subtask.id);
    const downloaded = await setup.durable.artifacts.downloadResult(
      codeArtifact(state.runId, subtask.id),
      into,
    );
    const parsed = downloaded.ok ? await readResult(join(into, RESULT_FILE)) : undefined;
    // A matrix job that died delivers nothing: its subtask counts as failed, not as silently done.
    external.set(
      subtask.id,
      parsed ?? {
        ok: false,
        subtaskId: subtask.id,
        model: 'none',
        reason: 'its coder job delivered no result',
        degraded: false,
      },
    );
  }
  const effects = githubEffects(setup);
  const { state: final, runDir } = await startRun({
    config,
    repo: ctx.workspace,
    stateDir,
    env,
    signal,
    resume: state.runId,
    externalCode: external,
    progress: (line) => io.info(line),
    resumeCommand: (id) => resumeInstructions(ctx, id),
    ...(settings.effects === 'github' ? { effects: () => effects, pushTo: 'origin' } : {}),
    ...(setup.remoteAuth ? { remoteAuth: setup.remoteAuth } : {}),
    ...(settings.timeBudgetMinutes !== undefined ? { timeBudgetMinutes: settings.timeBudgetMinutes } : {}),
  });
  await saveDurably(
    setup.durable,
    { runId: final.runId, runDir, fleetStatePath: stateLayout(stateDir).fleetState },
    4_000,
  );
  writeOutputs(io, final);
  return final.status === 'failed' ? 1 : 0;
}

/** The checkpoint of the run named by input run-id, restored from its durable copies. */
async function loadForStep(setup: ActionSetup, io: ActionIO): Promise<RunState> {
  const runId = setup.settings.runId;
  if (!runId) throw new Error('input run-id is required');
  const found = await restoreDurably(setup.durable, setup.stateDir, runId, async () => undefined);
  io.info(`checkpoint: ${found}`);
  const { state, problem } = await new TaskStateStore({
    runDir: stateLayout(setup.stateDir).run(runId).dir,
  }).load();
  if (!state) throw new Error(`no checkpoint of run ${runId}: ${problem ?? found}`);
  return state;
}

async function readResult(path: string): Promise<ExternalCodeResult | undefined> {
  try {
    const parsed = externalCodeResultSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function codeArtifact(runId: string, subtaskId: string): string {
  return `keel-code-${runId}-${subtaskId}`;
}
