/**
 * From a model's reply to the one answer an agent uses, or to what the agent does instead: the shared
 * path of every role. `reply.ts` finds the text that may hold the answer, each role says how answers are
 * found in a text (JSON objects with its keys, the coder's edit blocks), `choose-answer.ts` picks the one
 * that counts. Bounded before anything else: a reply longer than any answer keel asks for is refused unread.
 */
import type { z } from 'zod';
import { chooseAnswer, type Choice, type ChooseOptions, type Found, type Reading } from './choose-answer.ts';
import { findJsonObjects } from './json-candidates.ts';
import { describeIssues } from './parse-json.ts';
import { readReply, type ModelReply } from './reply.ts';

export type { Reading } from './choose-answer.ts';

/** Longer replies are refused unread: nothing keel asks for is this large, and parsing costs memory. */
export const MAX_REPLY_CHARS = 256 * 1024;

export interface AnswerSpec<T> extends Omit<ChooseOptions<T>, 'truncated'> {
  /** The answers in one text, in order. */
  find(text: string): Found<T>[];
  /** A last check of the chosen answer against the rest of the reply: an error to ask again with. */
  accept?(choice: Extract<Choice<T>, { ok: true }>, text: string): string | undefined;
}

export function readAnswer<T>(reply: ModelReply, spec: AnswerSpec<T>): Reading<T> {
  const size = reply.content.length + (reply.reasoning?.length ?? 0);
  if (size > MAX_REPLY_CHARS) {
    return {
      ok: false,
      next: 'ask_again',
      error: `the answer is ${size} characters long, over the limit of ${MAX_REPLY_CHARS}: answer with less`,
    };
  }
  const read = readReply(reply);
  const cut = read.truncated || read.thinkingCut;
  if (read.texts.length === 0) {
    if (cut)
      return failOver(read.thinkingCut ? 'the answer stops while still thinking: no answer came' : CUT);
    if (reply.toolCalls !== undefined && reply.toolCalls.length > 0) return failOver(TOOL_CALL);
    // Something was said, all of it inside a closed thought: the model may well say it when asked.
    if (reply.content.trim() !== '') {
      return {
        ok: false,
        next: 'ask_again',
        error: 'the answer is only thinking: write the answer after it',
      };
    }
    return failOver('the answer is empty');
  }
  for (const { source, text } of read.texts) {
    const found = spec.find(text);
    if (found.length === 0) continue;
    const chosen = chooseAnswer(found, text, { ...spec, truncated: read.truncated });
    if (!chosen.ok) {
      // A tool call whose arguments are not the answer: the model is using tools keel does not have.
      return source === 'tool-call' && chosen.next === 'ask_again' ? failOver(TOOL_CALL) : chosen;
    }
    const refused = spec.accept?.(chosen, text);
    if (refused !== undefined) return { ok: false, next: 'ask_again', error: refused };
    return { ok: true, value: chosen.value };
  }
  if (cut) return failOver(CUT);
  if (read.toolCallsOnly) return failOver(TOOL_CALL);
  return { ok: false, next: 'ask_again', error: spec.noAnswer };
}

const CUT = 'the answer was cut off at the output limit before it was complete';
const TOOL_CALL = 'the answer is a call of a tool keel does not offer, not the answer asked for';

function failOver<T>(error: string): Reading<T> {
  return { ok: false, next: 'fail_over', error };
}

/**
 * Answers written as JSON objects: every top-level object in the text that carries one of `keys` (an object
 * without any is an illustration, a quoted response body …, not an answer), validated by `schema`.
 */
export function jsonAnswers<S extends z.ZodType, T>(
  text: string,
  keys: readonly string[],
  schema: S,
  shape: (value: z.output<S>) => { ok: true; value: T } | { ok: false; error: string },
): Found<T>[] {
  const found: Found<T>[] = [];
  for (const candidate of findJsonObjects(text)) {
    const { start, end, complete } = candidate;
    if (candidate.value === undefined) {
      // Unreadable: an answer only if it looks like one (its text names one of the keys).
      const raw = text.slice(start, end);
      if (keys.some((key) => raw.includes(key)))
        found.push({ start, end, complete, error: candidate.error! });
      continue;
    }
    if (!keys.some((key) => Object.hasOwn(candidate.value!, key))) continue;
    const checked = schema.safeParse(candidate.value, { reportInput: true });
    if (!checked.success) {
      found.push({ start, end, complete, error: describeIssues(checked.error.issues) });
      continue;
    }
    const shaped = shape(checked.data);
    found.push(
      shaped.ok
        ? { start, end, complete, value: shaped.value }
        : { start, end, complete, error: shaped.error },
    );
  }
  return found;
}

/** Deep equality of plain JSON values, for "the same answer twice". */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
