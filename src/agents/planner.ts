/**
 * The planner: a task becomes milestones of subtasks that coders implement one at a time. Its degraded
 * fallback is the template plan: the whole task as one subtask, so a run without any planner model still
 * gets to the coder.
 */
import { planSchema } from './plan-schema.ts';
import { callAgent, type AgentCallOptions, type AgentRouter } from './call-agent.ts';
import { shorten, type Parsed } from './parse-json.ts';
import { correctionMessage, PLANNER_SHAPE, plannerMessages } from './prompts.ts';
import { jsonAnswers, readAnswer, sameJson, type Reading } from './read-answer.ts';
import type { ModelReply } from './reply.ts';
import { answerJsonSchema, PLAN_LIMITS, plannerAnswerSchema, type PlannerAnswer } from './schemas.ts';
import { uniqueSlug } from './slug.ts';
import type { AgentResult, Plan } from './types.ts';

export const DEFAULT_MAX_SUBTASKS = 12;
/** The config's `run.maxSubtasks` allows up to 200. */
const MAX_SUBTASKS_CAP = 200;

export interface PlanInput {
  task: string;
  /** Workspace-relative paths, for context; the prompt shows a bounded part of the list. */
  repoFiles: string[];
  maxSubtasks?: number;
}

export async function planTask(
  router: AgentRouter,
  input: PlanInput,
  opts: AgentCallOptions = {},
): Promise<AgentResult<Plan>> {
  const maxSubtasks = Math.min(
    MAX_SUBTASKS_CAP,
    Math.max(1, Math.floor(input.maxSubtasks ?? DEFAULT_MAX_SUBTASKS)),
  );
  const schema = plannerAnswerSchema(maxSubtasks);
  const messages = plannerMessages({ task: input.task, repoFiles: input.repoFiles, maxSubtasks });
  const result = await callAgent(
    router,
    {
      role: 'planner',
      request: { messages, json: true, jsonSchema: answerJsonSchema('plan', schema), stream: true },
      read: (reply) => readPlanAnswer(reply, maxSubtasks),
      correction: (error) => correctionMessage(error),
    },
    opts,
  );
  if (result.ok || result.failure === 'aborted') return result;
  return { ...result, degraded: templatePlan(input.task) };
}

/** The planner's answer in a reply (`read-answer.ts`: the last complete plan, never the prompt's example). */
export function readPlanAnswer(reply: ModelReply, maxSubtasks: number = DEFAULT_MAX_SUBTASKS): Reading<Plan> {
  const schema = plannerAnswerSchema(maxSubtasks);
  return readAnswer<Plan>(reply, {
    find: (text) => jsonAnswers(text, PLAN_KEYS, schema, toPlan),
    isExample: (plan) => sameJson(plan, examplePlan()),
    same: sameJson,
    noAnswer:
      'no JSON plan found in the answer: answer with one JSON object of the shape in the system message',
  });
}

const PLAN_KEYS = ['milestones', 'confidence', 'subtasks'] as const;

let example: Plan | undefined;
function examplePlan(): Plan {
  if (example === undefined) {
    const parsed = plannerAnswerSchema(DEFAULT_MAX_SUBTASKS).parse(JSON.parse(PLANNER_SHAPE));
    const plan = toPlan(parsed);
    if (!plan.ok) throw new Error(`the planner's example is not a plan: ${plan.error}`);
    example = plan.value;
  }
  return example;
}

/** keel's ids (slugs, unique across the plan) and a final check against the checkpoint's schema. */
export function toPlan(answer: PlannerAnswer): Parsed<Plan> {
  const milestoneIds = new Set<string>();
  const subtaskIds = new Set<string>();
  const plan: Plan = {
    milestones: answer.milestones
      .filter((milestone) => milestone.subtasks.length > 0)
      .map((milestone, index) => ({
        id: uniqueSlug([milestone.id, milestone.title], milestoneIds, `milestone-${index + 1}`),
        title: milestone.title,
        subtasks: milestone.subtasks.map((subtask) => ({
          id: uniqueSlug([subtask.id, subtask.title], subtaskIds, 'subtask'),
          title: subtask.title,
          files: [...new Set(subtask.files)],
          instructions: subtask.instructions,
        })),
      })),
    confidence: answer.confidence,
    degraded: false,
  };
  // Guards keel's own shaping, not the model: the answer schema is at least as strict as the state's.
  const checked = planSchema.safeParse(plan);
  return checked.success
    ? { ok: true, value: plan }
    : { ok: false, error: 'the plan does not fit keel’s limits' };
}

const TRUNCATED = '\n\n[The task text was cut here: it is longer than a subtask’s instructions may be.]';

/**
 * The degraded plan: one milestone, one subtask whose instructions are the task text. One subtask, not an
 * "analyze requirements" step before an "implement changes" one: the coder is the only agent that can act on
 * a subtask, and an analysis-only subtask would produce nothing to commit.
 */
export function templatePlan(task: string): Plan {
  const text = task.trim();
  const firstLine = text.split('\n', 1)[0]!.trim();
  const title = firstLine === '' ? 'Implement the task' : shorten(firstLine, PLAN_LIMITS.title);
  const instructions =
    text === ''
      ? 'The task text is empty: nothing to implement.'
      : text.length <= PLAN_LIMITS.instructions
        ? text
        : `${text.slice(0, PLAN_LIMITS.instructions - TRUNCATED.length)}${TRUNCATED}`;
  return {
    milestones: [
      { id: 'main', title: 'Implement the task', subtasks: [{ id: 'task', title, files: [], instructions }] },
    ],
    confidence: 0.5,
    degraded: true,
  };
}
