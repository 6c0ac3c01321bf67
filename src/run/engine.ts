/**
 * The run engine: plan → code (parallel subtasks, partial success) → validate → review → publish, with a
 * checkpoint after every step. Every step is idempotent, so a run resumed after a crash at any instant
 * skips what is done and never repeats an effect. When shutdown fires, the engine stops taking work,
 * checkpoints, and writes the recovery record with the exact resume command.
 */
import { errorMessage } from '../base/errors.ts';
import type { RunContext } from './run-context.ts';
import { InfrastructureFault } from './infra-fault.ts';
import { LeaseLostError } from './run-lease.ts';
import { ShutdownError } from './shutdown.ts';
import type { RunState } from './state.ts';
import { codeStep } from './steps/code-batch.ts';
import { planStep } from './steps/plan-step.ts';
import { publishStep } from './steps/publish-step.ts';
import { reviewStep } from './steps/review-step.ts';
import { validateStep } from './steps/validate-step.ts';
import { writeRecoveryRecord } from './recovery-record.ts';

export async function runEngine(ctx: RunContext): Promise<RunState> {
  try {
    return await runSteps(ctx);
  } catch (error) {
    // Another process took the run over (`run-lease.ts`): stop here, write nothing — not the checkpoint,
    // not the recovery record — and say so. The run goes on in that process.
    if (error instanceof LeaseLostError || ctx.superseded) return superseded(ctx, error);
    throw error;
  }
}

function superseded(ctx: RunContext, error: unknown): RunState {
  const lost = ctx.deps.lease?.lost ?? (error instanceof LeaseLostError ? error : undefined);
  ctx.deps.progress(lost?.message ?? `run ${ctx.state.runId}: this process lost its lease; it stopped`);
  return ctx.state;
}

async function runSteps(ctx: RunContext): Promise<RunState> {
  const { state } = ctx;
  state.status = 'running';
  delete state.interruption;
  try {
    await planStep(ctx);
    if (ctx.stopping) return await interrupt(ctx);
    if (ctx.deps.stopAfter === 'plan') {
      await ctx.event('stopped_after_plan');
      await ctx.checkpoint();
      return state;
    }
    if ((await codeStep(ctx)) === 'stop') {
      return ctx.stopping ? await interrupt(ctx) : await giveUp(ctx);
    }
    // Validation changed the repository: the run has stopped (failed) and publishes nothing.
    if ((await validateStep(ctx)) === 'security-stop') return state;
    if (ctx.stopping) return await interrupt(ctx);
    await reviewStep(ctx);
    if (ctx.stopping) return await interrupt(ctx);
    // Once publish has run, the run is finished: a signal that came meanwhile has nothing left to stop.
    // Calling it interrupted would open a recovery record for a finished run, and its resume, with every
    // step done, would end "running".
    const published = await publishStep(ctx);
    await ctx.event('run_finished', { status: state.status });
    // Publish's last checkpoint saved the finished run; another one here would write it again, unchanged.
    if (!published) await ctx.checkpoint();
    return state;
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    return await interrupt(ctx, error);
  }
}

/** Stops cleanly: running steps go back to pending, the state is saved, the recovery record written. */
async function interrupt(ctx: RunContext, error?: unknown): Promise<RunState> {
  const { state, deps } = ctx;
  ctx.fence(); // stopped because the lease was lost: nothing to save, it is someone else's run now
  const shutdown = deps.signal.reason instanceof ShutdownError ? deps.signal.reason.reason : undefined;
  for (const step of Object.values(state.steps)) if (step.status === 'running') step.status = 'pending';
  state.status = 'interrupted';
  // An infrastructure fault is a reason of its own (a full disk, no endpoint), said in one line, no stack.
  const infra = error instanceof InfrastructureFault ? error : undefined;
  const detail =
    error === undefined || (ctx.stopping && isAbort(error)) || infra ? shutdown?.error : describe(error);
  state.interruption = {
    reason: (shutdown?.message ?? (infra ? infra.message : `error: ${errorMessage(error)}`)).slice(0, 200),
    at: deps.clock.now(),
    ...(detail !== undefined ? { error: deps.redact(detail).slice(0, 4_000) } : {}),
  };
  await ctx.checkpoint();
  await recordRecovery(ctx);
  await ctx.event('run_interrupted', { reason: state.interruption.reason });
  deps.progress(`interrupted: ${state.interruption.reason}\nresume with: ${deps.resumeCommand}`);
  return state;
}

/** The partial-success rule gave up: the batch was discarded; say so and how to try again. */
async function giveUp(ctx: RunContext): Promise<RunState> {
  const { state, deps } = ctx;
  state.status = 'failed';
  state.interruption = {
    reason: `fewer than ${Math.round(deps.config.run.minSuccessRate * 100)} % of the subtasks succeeded after ${state.batches.length} batch attempt(s)`,
    at: deps.clock.now(),
  };
  await ctx.checkpoint();
  await recordRecovery(ctx);
  await ctx.event('run_failed', { reason: state.interruption.reason });
  deps.progress(`failed: ${state.interruption.reason}\nretry with: ${deps.resumeCommand}`);
  return state;
}

/** The recovery issue and the tracking comment (`recovery-record.ts`); a failure is an event, not a throw. */
async function recordRecovery(ctx: RunContext): Promise<void> {
  const { state, deps } = ctx;
  try {
    await writeRecoveryRecord(deps.effects, state, {
      resumeCommand: deps.resumeCommand,
      now: () => deps.clock.now(),
      save: () => ctx.checkpoint(),
    });
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    // The checkpoint is already saved; a missing recovery record must not turn into a lost run.
    await ctx.event('recovery_record_failed', { error: deps.redact(describe(error)) });
  }
}

function isAbort(error: unknown): boolean {
  return (
    error instanceof ShutdownError ||
    (error instanceof Error && /abort/i.test(`${error.name} ${error.message}`))
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
