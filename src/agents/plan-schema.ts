/**
 * The plan as the run state checkpoints it: what `planner.ts` must produce (a model's answer is shaped into
 * this and checked against it before the engine sees it), and what a resume reads back.
 */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

export const subtaskSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/),
  title: text(200),
  files: z.array(text(300)).max(50),
  instructions: text(8_000),
});

export const planSchema = z.object({
  milestones: z
    .array(z.object({ id: text(64), title: text(200), subtasks: z.array(subtaskSchema).max(2_000) }))
    .max(100),
  confidence: z.number().min(0).max(1),
  degraded: z.boolean(),
});
