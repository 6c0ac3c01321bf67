/**
 * What each agent accepts from a model, with bounds. Lenient where leniency costs nothing (unknown keys are
 * dropped, ids are derived by keel anyway, empty lists may be omitted), strict where a wrong value would
 * mislead the engine (types, ranges, sizes, the shape of an edit). The checked answers are then shaped into
 * the types of `types.ts` by each agent.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------
// Planner

/** The bounds of `subtaskSchema` (plan-schema.ts), which the plan must pass when it is checkpointed. */
export const PLAN_LIMITS = {
  title: 200,
  instructions: 8_000,
  files: 50,
  path: 300,
  milestones: 20,
  /** A model's own id is only a hint for keel's slug; a very long one is nonsense, not a hint. */
  modelId: 200,
} as const;

const subtaskAnswer = z.object({
  id: z.string().max(PLAN_LIMITS.modelId).optional(),
  title: z.string().trim().min(1).max(PLAN_LIMITS.title),
  files: z.array(z.string().trim().min(1).max(PLAN_LIMITS.path)).max(PLAN_LIMITS.files).default([]),
  instructions: z.string().trim().min(1).max(PLAN_LIMITS.instructions),
});

export function plannerAnswerSchema(maxSubtasks: number) {
  return z
    .object({
      milestones: z
        .array(
          z.object({
            id: z.string().max(PLAN_LIMITS.modelId).optional(),
            title: z.string().trim().min(1).max(PLAN_LIMITS.title),
            subtasks: z.array(subtaskAnswer).max(maxSubtasks),
          }),
        )
        .min(1)
        .max(PLAN_LIMITS.milestones),
      confidence: z.number().min(0).max(1),
    })
    .superRefine((plan, ctx) => {
      const count = plan.milestones.reduce((sum, milestone) => sum + milestone.subtasks.length, 0);
      if (count === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones'],
          message: 'the plan has no subtasks: give at least one',
        });
      } else if (count > maxSubtasks) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones'],
          message: `at most ${maxSubtasks} subtasks in all, got ${count}: merge some`,
        });
      }
    });
}

export type PlannerAnswer = z.output<ReturnType<typeof plannerAnswerSchema>>;

// ---------------------------------------------------------------------------------------------------------
// Coder

export const CODE_LIMITS = {
  edits: 50,
  path: 1_024,
  /** Per file; the whole answer is bounded by `MAX_ANSWER_CHARS` before this is even looked at. */
  content: 200_000,
  commitMessage: 2_000,
} as const;

const EDIT_SHAPES =
  '{ path, content } to write a file, { path, search, replace } to change it, { path, delete: true }';

const editAnswer = z
  .object({
    path: z.string().min(1).max(CODE_LIMITS.path),
    content: z.string().max(CODE_LIMITS.content).optional(),
    search: z.string().min(1).max(CODE_LIMITS.content).optional(),
    replace: z.string().max(CODE_LIMITS.content).optional(),
    delete: z.boolean().optional(),
  })
  .superRefine((edit, ctx) => {
    const kinds =
      Number(edit.content !== undefined) +
      Number(edit.search !== undefined || edit.replace !== undefined) +
      Number(edit.delete !== undefined);
    if (kinds !== 1) {
      ctx.addIssue({ code: 'custom', message: `expected exactly one of ${EDIT_SHAPES}` });
    } else if (edit.delete === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['delete'],
        message: 'expected true (omit the edit to keep the file)',
      });
    } else if ((edit.search === undefined) !== (edit.replace === undefined)) {
      const missing = edit.search === undefined ? 'search' : 'replace';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'missing: search and replace go together' });
    }
  });

export const coderAnswerSchema = z.object({
  edits: z.array(editAnswer).min(1).max(CODE_LIMITS.edits),
  commitMessage: z.string().trim().min(1).max(CODE_LIMITS.commitMessage),
});

export type CoderAnswer = z.output<typeof coderAnswerSchema>;

// ---------------------------------------------------------------------------------------------------------
// Reviewer

export const REVIEW_LIMITS = { items: 20, itemChars: 1_000 } as const;

const remarks = z.array(z.string().max(REVIEW_LIMITS.itemChars)).max(REVIEW_LIMITS.items).default([]);

export const reviewerAnswerSchema = z.object({
  approved: z.boolean(),
  codeQuality: z.number().min(0).max(100),
  comments: remarks,
  blocking: remarks,
});

export type ReviewerAnswer = z.output<typeof reviewerAnswerSchema>;
