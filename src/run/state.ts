/**
 * The run's checkpoint: everything needed to continue after a crash, versioned and validated with zod
 * when read (a file from a crashed or older process is untrusted input). Written after every step.
 */
import { z } from 'zod';
import { planSchema } from '../agents/plan-schema.ts';

export const RUN_STATE_VERSION = 1;

export const RUN_STATUSES = ['running', 'completed', 'partial', 'degraded', 'interrupted', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STEP_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

const text = (max: number) => z.string().max(max);
const time = z.number().finite().nonnegative();

export const stepSchema = z.object({
  id: text(80),
  status: z.enum(STEP_STATUSES),
  attempts: z.number().int().nonnegative(),
  startedAt: time.optional(),
  endedAt: time.optional(),
  /** `endpointId/model` that produced the step's result, or `template` when degraded. */
  model: text(300).optional(),
  degraded: z.boolean().optional(),
  /** The commit made by this step (code steps), found again by its `Keel-Step` trailer after a crash. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/)
    .optional(),
  /** The files the step's commit changed (code steps), as its edits named them. */
  files: z.array(text(4_096)).max(1_000).optional(),
  /** Redacted, bounded. */
  error: text(4_000).optional(),
  /** Step-specific result (validation outcome, review verdict …), small and JSON. */
  result: z.record(z.string(), z.unknown()).optional(),
});

export const batchSchema = z.object({
  attempt: z.number().int().min(1),
  /** The work-branch head before the batch: what a rejected batch is reset to. */
  baseSha: z.string().regex(/^[0-9a-f]{7,64}$/),
  succeeded: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  decision: z.enum(['accepted', 'rejected', 'degraded']),
  decidedAt: time,
});

export const effectSchema = z.object({
  kind: z.enum(['issue', 'comment', 'pull_request', 'recovery_issue']),
  /** The hidden marker it carries: `<!-- keel:run=<id> step=<id> -->`. */
  marker: text(300),
  /** Where it lives (issue number, URL, file path). */
  ref: text(1_000),
  createdAt: time,
});

export const runStateSchema = z.object({
  version: z.literal(RUN_STATE_VERSION),
  runId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
  task: z.object({ text: text(20_000), source: text(40) }),
  status: z.enum(RUN_STATUSES),
  createdAt: time,
  updatedAt: time,
  repo: z.object({
    root: text(4_096),
    baseBranch: text(255),
    baseSha: z.string().regex(/^[0-9a-f]{7,64}$/),
    workBranch: text(255),
    worktree: text(4_096),
    /**
     * A run asked for on a pull request (`/keel` in its comments): the work starts at the pull request's head
     * and is pushed onto its branch, and that pull request is the one reported on — no new one is opened.
     */
    pullRequest: z
      .object({ number: z.number().int().min(1), url: text(1_000), headBranch: text(255) })
      .optional(),
  }),
  plan: planSchema.optional(),
  steps: z.record(z.string(), stepSchema),
  batches: z.array(batchSchema).max(100),
  /** The coder batch under way: its attempt number and the head it started from (what a discard resets to). */
  openBatch: z
    .object({ attempt: z.number().int().min(1), baseSha: z.string().regex(/^[0-9a-f]{7,64}$/) })
    .optional(),
  effects: z.record(z.string(), effectSchema),
  /** The router's breaker, cooldown and probe state (`Router.exportState()`), restored on resume. */
  fleet: z.unknown().optional(),
  /** The run's counters at this checkpoint (`metrics.json` is their view), restored on resume. */
  metrics: z.unknown().optional(),
  /** Why the run stopped early, for the recovery record; redacted. */
  interruption: z
    .object({
      reason: text(200),
      at: time,
      error: text(4_000).optional(),
      /** `security`: validation changed the repository; the run published nothing and is not resumed. */
      kind: z.enum(['security']).optional(),
    })
    .optional(),
  /** How many times this run was resumed. */
  resumes: z.number().int().nonnegative(),
});

export type RunState = z.infer<typeof runStateSchema>;
export type StepRecord = z.infer<typeof stepSchema>;
export type BatchRecord = z.infer<typeof batchSchema>;
export type EffectRecord = z.infer<typeof effectSchema>;

/** A run that can be resumed: not finished one way or another. */
export function isUnfinished(state: Pick<RunState, 'status'>): boolean {
  return state.status === 'running' || state.status === 'interrupted';
}
