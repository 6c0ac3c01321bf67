/**
 * What each agent accepts from a model, with bounds. Lenient where leniency costs nothing (unknown keys are
 * dropped, ids are derived by keel anyway, empty lists may be omitted), strict where a wrong value would
 * mislead the engine (types, ranges, sizes, the shape of an edit). The checked answers are then shaped into
 * the types of `types.ts` by each agent.
 */
import { z } from 'zod';

/**
 * A number the model wrote as a string (`"0.8"`, `"85"`): one meaning, so it is read as the number. Anything
 * else stays a string and is refused (`"85%"`, `"8/10"` — what scale is meant is a guess).
 */
function numberOrNumericString(schema: z.ZodNumber) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value),
    schema,
  );
}

/**
 * The JSON Schema of an answer, for servers that constrain their output to one (`response_format:
 * json_schema`, sent by the router where the endpoint takes it). Derived from the zod schema that checks
 * the answer, in its input form, so the two cannot drift apart.
 */
export function answerJsonSchema(
  name: string,
  schema: z.ZodType,
): { name: string; schema: Record<string, unknown> } {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return { name, schema: json };
}

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

/**
 * A model's own id is only a hint for keel's slug (`slug.ts`): a number is read as its digits, `null` as
 * no hint at all — never a reason to refuse a plan.
 */
const idHint = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) =>
    value === null || value === undefined ? undefined : String(value).slice(0, PLAN_LIMITS.modelId),
  );

const subtaskAnswer = z.object({
  id: idHint,
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
            id: idHint,
            title: z.string().trim().min(1).max(PLAN_LIMITS.title),
            subtasks: z.array(subtaskAnswer).max(maxSubtasks),
          }),
        )
        .min(1)
        .max(PLAN_LIMITS.milestones),
      confidence: numberOrNumericString(z.number().min(0).max(1)),
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
  /** Per file; the whole reply is bounded by `MAX_REPLY_CHARS` (read-answer.ts) before this is even looked at. */
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

export const reviewerAnswerSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const review = { ...(value as Record<string, unknown>) };
    // `null` (Python's None) for a list says "none". Read so for comments, and for blocking problems only
    // of a rejection: for an approval it would be a guess in the direction of approving.
    if (review.comments === null) delete review.comments;
    if (review.blocking === null && review.approved === false) delete review.blocking;
    return review;
  },
  z.object({
    approved: z.boolean(),
    codeQuality: numberOrNumericString(z.number().min(0).max(100)),
    comments: remarks,
    blocking: remarks,
  }),
);

export type ReviewerAnswer = z.output<typeof reviewerAnswerSchema>;
