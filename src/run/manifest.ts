/**
 * `manifest.json`: the small summary of a run that `keel status`, `listRuns` and a human with `cat` read
 * without parsing a checkpoint of a thousand steps. Derived from the state by a pure function; the
 * checkpoint stays the truth.
 */
import { z } from 'zod';
import { redact } from '../base/secrets.ts';
import { RUN_STATUSES, STEP_STATUSES, type RunState, type StepStatus } from './state.ts';

export const TASK_PREVIEW_CHARS = 200;

export type StepCounts = Record<StepStatus, number>;

const count = z.number().int().nonnegative();

export const manifestSchema = z.object({
  version: z.literal(1),
  runId: z.string().max(80),
  status: z.enum(RUN_STATUSES),
  task: z.string().max(TASK_PREVIEW_CHARS + 1),
  steps: z.object({ pending: count, running: count, done: count, failed: count, skipped: count }),
  createdAt: z.number().finite().nonnegative(),
  updatedAt: z.number().finite().nonnegative(),
  resumes: count,
  /** What to type to continue this run. */
  resume: z.string().max(200),
  interruption: z.string().max(200).optional(),
});

export type RunManifest = z.infer<typeof manifestSchema>;

export function countSteps(state: Pick<RunState, 'steps'>): StepCounts {
  const counts = Object.fromEntries(STEP_STATUSES.map((s) => [s, 0])) as StepCounts;
  for (const step of Object.values(state.steps)) counts[step.status]++;
  return counts;
}

/** Pure. The task preview is redacted (bearer tokens, `sk-…` keys) before it is cut, so no key is half-cut. */
export function buildManifest(state: RunState): RunManifest {
  const preview = redact(state.task.text, []);
  return {
    version: 1,
    runId: state.runId,
    status: state.status,
    task: preview.length > TASK_PREVIEW_CHARS ? `${preview.slice(0, TASK_PREVIEW_CHARS)}…` : preview,
    steps: countSteps(state),
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    resumes: state.resumes,
    resume: `keel run --resume ${state.runId}`,
    ...(state.interruption ? { interruption: state.interruption.reason } : {}),
  };
}
