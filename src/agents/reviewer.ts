/**
 * The reviewer: the diff, the task, the plan and the validation results become a verdict. keel applies two
 * rules on top of whatever the model says, because a user who asked for a reviewer expects both:
 * - an approval that lists blocking problems is not an approval;
 * - a change whose validation failed is never approved, however much the model liked it.
 *
 * Its degraded fallback never approves (a fallback that approved optimistically would let an unreviewed
 * change merge): the PR then opens as a draft labelled `needs-human-review`.
 */
import { callAgent, type AgentCallOptions, type AgentRouter } from './call-agent.ts';
import { parseAnswer, shorten } from './parse-json.ts';
import { reviewerMessages, type ValidationResult } from './prompts.ts';
import { reviewerAnswerSchema, type ReviewerAnswer } from './schemas.ts';
import type { AgentResult, Plan, Review } from './types.ts';

export type { ValidationResult } from './prompts.ts';

export interface ReviewInput {
  task: string;
  plan: Plan;
  /** Unified diff of the change; the prompt bounds it. */
  diff: string;
  validation: ValidationResult[];
}

export async function reviewChanges(
  router: AgentRouter,
  input: ReviewInput,
  opts: AgentCallOptions = {},
): Promise<AgentResult<Review>> {
  const result = await callAgent(
    router,
    'reviewer',
    reviewerMessages(input),
    (raw) => {
      const answer = parseAnswer(raw, reviewerAnswerSchema);
      return answer.ok ? { ok: true, value: toReview(answer.value, input.validation) } : answer;
    },
    opts,
  );
  if (result.ok || result.failure === 'aborted') return result;
  return { ...result, degraded: degradedReview(result.reason) };
}

export function toReview(answer: ReviewerAnswer, validation: readonly ValidationResult[]): Review {
  const comments = cleanList(answer.comments);
  const blocking = cleanList(answer.blocking);
  for (const failed of validation.filter((result) => !result.passed)) {
    blocking.push(`Validation failed: \`${shorten(oneLine(failed.command), 200)}\``);
  }
  const approved = answer.approved && blocking.length === 0;
  if (answer.approved && !approved) {
    comments.push(
      'keel did not take the reviewer model’s approval: a change with blocking problems or failed validation is never approved.',
    );
  }
  return {
    approved,
    codeQuality: Math.round(answer.codeQuality),
    comments,
    blocking,
    degraded: false,
    needsHumanReview: !approved,
  };
}

/** The review when no reviewer model produced a valid one: never an approval. */
export function degradedReview(reason: string): Review {
  return {
    approved: false,
    codeQuality: 0,
    comments: [
      `No automated review: ${shorten(oneLine(reason), 500)}. keel does not approve a change nobody reviewed; a human must review it.`,
    ],
    blocking: [],
    degraded: true,
    needsHumanReview: true,
  };
}

function cleanList(items: readonly string[]): string[] {
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
