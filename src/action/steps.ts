/**
 * Every step the Action and its sub-actions run, by name: one table, so that one bundle serves them all
 * (`dist/action/index.js` over `dist/keel/`; each `dist/<step>/index.js` is a two-line file calling
 * `run('<step>')`).
 */
import type { ActionIO } from './action-io.ts';
import { runCodeAction, runPlanAction, runReviewAction } from './fanout.ts';
import { runGuardAction } from './guard-action.ts';
import { runPost } from './post-action.ts';
import { runAction } from './run-action.ts';

export interface StepContext {
  io: ActionIO;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

export const ACTION_STEPS = {
  main: (c: StepContext) => runAction(c),
  post: ({ io, env }: StepContext) => runPost({ io, env }),
  plan: (c: StepContext) => runPlanAction(c),
  code: (c: StepContext) => runCodeAction(c),
  review: (c: StepContext) => runReviewAction(c),
  guard: (c: StepContext) => runGuardAction(c),
} as const satisfies Record<string, (context: StepContext) => Promise<number>>;

export type ActionStep = keyof typeof ACTION_STEPS;

export function isActionStep(name: string): name is ActionStep {
  return Object.hasOwn(ACTION_STEPS, name);
}
