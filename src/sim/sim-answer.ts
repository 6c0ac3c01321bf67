/**
 * A responder's answer, checked and made whole: responders are often plain JS (tests, drills), and a wrong
 * value must fail the one request with a clear 500, not crash the simulator mid-request.
 */
import type { SimAnswer } from './types.ts';

const FINISH_REASONS = new Set(['stop', 'length', 'tool_calls']);

export interface CheckedAnswer {
  content: string | null;
  reasoning?: string;
  toolCalls?: { name: string; arguments: string }[];
  finishReason: 'stop' | 'length' | 'tool_calls';
}

/** What a responder returned, as an answer; throws a TypeError naming what is wrong. */
export function checkAnswer(produced: unknown): CheckedAnswer {
  if (typeof produced === 'string') return { content: produced, finishReason: 'stop' };
  if (typeof produced !== 'object' || produced === null) {
    throw new TypeError(
      `returned ${produced === null ? 'null' : typeof produced}, not a string or an answer`,
    );
  }
  const answer = produced as Partial<SimAnswer>;
  if (answer.content !== null && typeof answer.content !== 'string') {
    throw new TypeError('answer.content must be a string or null');
  }
  if (answer.reasoning !== undefined && typeof answer.reasoning !== 'string') {
    throw new TypeError('answer.reasoning must be a string');
  }
  const calls = answer.toolCalls;
  if (
    calls !== undefined &&
    (!Array.isArray(calls) ||
      calls.some((call) => typeof call?.name !== 'string' || typeof call.arguments !== 'string'))
  ) {
    throw new TypeError('answer.toolCalls must be a list of { name, arguments } strings');
  }
  if (answer.finishReason !== undefined && !FINISH_REASONS.has(answer.finishReason)) {
    throw new TypeError(`answer.finishReason must be stop, length or tool_calls`);
  }
  const checked: CheckedAnswer = {
    content: answer.content ?? null,
    finishReason: answer.finishReason ?? (calls !== undefined && calls.length > 0 ? 'tool_calls' : 'stop'),
  };
  if (answer.reasoning !== undefined) checked.reasoning = answer.reasoning;
  if (calls !== undefined && calls.length > 0) checked.toolCalls = calls.map((c) => ({ ...c }));
  return checked;
}
