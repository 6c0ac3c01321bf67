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
import { shorten } from './parse-json.ts';
import { correctionMessage, REVIEWER_SHAPE, reviewerMessages, type ValidationResult } from './prompts.ts';
import { jsonAnswers, readAnswer, sameJson, type Reading } from './read-answer.ts';
import type { ModelReply } from './reply.ts';
import { answerJsonSchema, reviewerAnswerSchema, type ReviewerAnswer } from './schemas.ts';
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
    {
      role: 'reviewer',
      request: {
        messages: reviewerMessages(input),
        json: true,
        jsonSchema: answerJsonSchema('review', reviewerAnswerSchema),
        stream: true,
      },
      read: (reply) => {
        const answer = readReviewAnswer(reply);
        return answer.ok ? { ok: true, value: toReview(answer.value, input.validation) } : answer;
      },
      correction: (error) => correctionMessage(error),
    },
    opts,
  );
  if (result.ok || result.failure === 'aborted') return result;
  return { ...result, degraded: degradedReview(result.reason) };
}

const REVIEW_KEYS = ['approved', 'approve', 'codeQuality', 'blocking', 'verdict'] as const;

/**
 * Words after an approval that take it back or make it conditional ("Wait — there's a bug", "I would not
 * merge this until …"): the one answer no longer says "approved" unambiguously.
 */
const RESERVATION =
  /\b(?:wait|however|but|bug|withdraw|reject|request(?:ing)? changes|until|not (?:be )?(?:approved?|merged?|ready)|(?:would|should|do|does|must|can) ?(?:not|n't) (?:be )?(?:approve|merge)|don'?t (?:approve|merge))\b/i;

/**
 * The reviewer's answer in a reply. The rules of every role (last complete answer, never the example, two
 * different answers → ask again), and one of its own: an approval counts only when it is the reply's one
 * verdict — no other answer in the reply rejects, and no words after it take it back. Anything else is
 * not an approval: asked again, and if it never becomes one, the degraded review (never approves).
 */
export function readReviewAnswer(reply: ModelReply): Reading<ReviewerAnswer> {
  return readAnswer<ReviewerAnswer>(reply, {
    find: (text) => jsonAnswers(text, REVIEW_KEYS, reviewerAnswerSchema, (value) => ({ ok: true, value })),
    isExample: (review) => sameJson(review, exampleReview()),
    same: sameJson,
    noAnswer:
      'no JSON review found in the answer: answer with one JSON object of the shape in the system message, with "approved": true or false',
    accept: ({ value, chosen, answers }, text) => {
      if (!value.approved) return undefined;
      if (answers.some((other) => other.value !== undefined && !other.value.approved)) {
        return 'the answer gives two different verdicts: answer with exactly one review';
      }
      const after = text.slice(chosen.end);
      if (RESERVATION.test(after)) {
        return 'the answer approves, then the text after it takes the approval back or makes it conditional: answer with one review whose "approved" says what you mean, and put every problem in "blocking"';
      }
      return undefined;
    },
  });
}

let example: ReviewerAnswer | undefined;
function exampleReview(): ReviewerAnswer {
  example ??= reviewerAnswerSchema.parse(JSON.parse(REVIEWER_SHAPE));
  return example;
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
