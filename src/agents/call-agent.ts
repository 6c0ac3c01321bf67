/**
 * One agent call, the discipline every agent shares (DESIGN.md, "Agents"; issue 10 §12–13):
 *
 *   ask on the chain → read the reply (read-answer.ts) → use the answer (the coder: apply its edits)
 *     unusable, and the same model may fix it (`ask_again`: invalid, ambiguous, refused edits)
 *       → ask the SAME model once more (`prefer`), showing it its answer and exactly what was wrong
 *     nothing usable came (`fail_over`: cut at the limit, still thinking, empty, a tool call)
 *       → no second turn: the next model
 *     still unusable → fail over: ask from scratch, excluding every model that answered unusable output,
 *       up to `maxModels` models
 *
 * An unusable answer is a quality failure, not an endpoint failure: the router saw a 200 and counted a
 * success, and nothing here reports otherwise, so breakers and cooldowns stay untouched. A `RouterError`
 * (nothing left to try, cancelled) ends the call with `ok: false` and the router's reason; any other
 * exception is a bug and propagates.
 */
import type { RoleName } from '../config/schema.ts';
import type { Router } from '../fleet/router.ts';
import { RouterError } from '../fleet/router-types.ts';
import type { ChatMessage, ChatRequest } from '../fleet/types.ts';
import type { Reading } from './choose-answer.ts';
import { shorten } from './parse-json.ts';
import { REJECTED_ANSWER_CHARS } from './prompts.ts';
import type { ModelReply } from './reply.ts';
import type { AgentFailure, AgentResult } from './types.ts';

/** All an agent needs of the router; tests pass a plain function. */
export type AgentRouter = Pick<Router, 'complete'>;

export interface AgentCallOptions {
  signal?: AbortSignal;
  /** How many different models may be asked before the call gives up (each gets one retry). Default 3. */
  maxModels?: number;
  /** Told of every answer that could not be used, and what is done next (for progress and events). */
  onUnusable?: (unusable: UnusableAnswer) => void;
}

export interface UnusableAnswer {
  /** `endpointId/model` that answered. */
  model: string;
  /** Why it could not be used (quotes nothing of the answer but paths and short excerpts). */
  error: string;
  /** `ask_again`: a correction turn to the same model; `fail_over`: the next model. */
  next: 'ask_again' | 'fail_over';
}

/** What using an answer gave: the result, a refusal the model is shown, or a failure that is not the model's. */
export type Used<R> =
  | { ok: true; value: R }
  /** The model's answer could not be used: `message` (the whole correction turn) goes back to it. */
  | { ok: false; error: string; message: string }
  /** Not the model's fault (a disk that cannot be written): asking any model again would not help. */
  | { ok: false; error: string; stop: true };

export interface AgentCall<T, R = T> {
  role: RoleName;
  /** The first request: messages, and how the answer is asked for (JSON schema, plain text). */
  request: ChatRequest;
  read(reply: ModelReply): Reading<T>;
  /** The correction turn after an answer that could not be read. */
  correction(error: string): string;
  /** Uses a read answer (the coder applies and commits its edits); absent: the answer is the result. */
  use?(value: T): Promise<Used<R>>;
  /**
   * An answer obtained before this call (a resume's prefetch, a fan-out job): used first, as if the model
   * `key` had just given it; a refusal still goes back to that model.
   */
  seed?: { value: T; key: string; content: string };
}

export const DEFAULT_MAX_MODELS = 3;
/** `provenance.model` of a call that no model answered. */
export const NO_MODEL = 'none';
const MAX_REASON_CHARS = 2_000;

interface Tally {
  attempts: number;
  invalidAnswers: number;
  model: string;
}

type Asked = { ok: true; reply: ModelReply; key: string } | { ok: false; error: RouterError };

type Judged<R> =
  | { ok: true; value: R }
  | { ok: false; next: 'ask_again' | 'fail_over'; error: string; message: string }
  | { ok: false; next: 'stop'; error: string };

export async function callAgent<T, R = T>(
  router: AgentRouter,
  call: AgentCall<T, R>,
  opts: AgentCallOptions = {},
): Promise<AgentResult<R>> {
  const { role, request } = call;
  const maxModels = Math.max(1, Math.floor(opts.maxModels ?? DEFAULT_MAX_MODELS));
  const tally: Tally = { attempts: 0, invalidAnswers: 0, model: NO_MODEL };
  const rejected = new Set<string>();
  let lastError = '';
  let seed = call.seed;

  const done = (value: R, content: string): AgentResult<R> => ({
    ok: true,
    value,
    provenance: provenance(tally),
    answer: shorten(content, REJECTED_ANSWER_CHARS),
  });
  const routerFailed = (error: RouterError): AgentResult<R> => {
    const invalid = invalidSummary(tally.invalidAnswers, lastError);
    // Nothing was even tried because every model still available had answered unusable output: a quality
    // failure, whatever the router calls it.
    if (error.reason === 'exhausted' && error.attempts.length === 0 && rejected.size > 0) {
      return failed('invalid', `no usable answer, and no model left to ask: ${invalid}`, tally);
    }
    const earlier = tally.invalidAnswers > 0 ? `; before that, ${invalid}` : '';
    return failed(error.reason, `${error.reason}: ${error.message}${earlier}`, tally);
  };
  const judge = async (reply: ModelReply, given?: T): Promise<Judged<R>> => {
    let value = given;
    if (value === undefined) {
      const read = call.read(reply);
      if (!read.ok) return { ...read, message: call.correction(read.error) };
      value = read.value;
    }
    if (call.use === undefined) return { ok: true, value: value as unknown as R };
    const used = await call.use(value);
    if (used.ok) return used;
    if ('stop' in used) return { ok: false, next: 'stop', error: used.error };
    return { ok: false, next: 'ask_again', error: used.error, message: used.message };
  };

  for (let round = 0; round < maxModels; round++) {
    let first: Asked;
    let firstValue: T | undefined;
    if (seed !== undefined) {
      first = { ok: true, reply: { content: seed.content, finishReason: 'stop' }, key: seed.key };
      firstValue = seed.value;
      tally.model = seed.key;
      seed = undefined;
    } else {
      first = await ask(router, role, request, { exclude: [...rejected] }, opts.signal, tally);
    }
    if (!first.ok) return routerFailed(first.error);
    const judged = await judge(first.reply, firstValue);
    if (judged.ok) return done(judged.value, first.reply.content);
    if (judged.next === 'stop') return failed('not_applied', judged.error, tally);
    tally.invalidAnswers++;
    lastError = judged.error;
    opts.onUnusable?.({ model: first.key, error: judged.error, next: judged.next });
    if (judged.next === 'fail_over') {
      rejected.add(first.key);
      continue;
    }

    // The same model, shown what it said and what was wrong with it: models fix their own slips well.
    const retry: ChatRequest = {
      ...request,
      messages: [
        ...request.messages,
        { role: 'assistant', content: shorten(spoken(first.reply), REJECTED_ANSWER_CHARS) },
        { role: 'user', content: judged.message },
      ] satisfies ChatMessage[],
    };
    const second = await ask(
      router,
      role,
      retry,
      { prefer: first.key, exclude: [...rejected] },
      opts.signal,
      tally,
    );
    if (!second.ok) return routerFailed(second.error);
    const rejudged = await judge(second.reply);
    if (rejudged.ok) return done(rejudged.value, second.reply.content);
    if (rejudged.next === 'stop') return failed('not_applied', rejudged.error, tally);
    tally.invalidAnswers++;
    lastError = rejudged.error;
    opts.onUnusable?.({ model: second.key, error: rejudged.error, next: 'fail_over' });
    // The preferred model may have been busy or gone, so the retry may have landed elsewhere: exclude both.
    rejected.add(first.key).add(second.key);
  }
  return failed(
    'invalid',
    `no usable answer from ${rejected.size} model${rejected.size === 1 ? '' : 's'}: ${invalidSummary(tally.invalidAnswers, lastError)}`,
    tally,
  );
}

/** What the model said, as it is shown back to it: its content, or where it put its answer instead. */
function spoken(reply: ModelReply): string {
  if (reply.content.trim() !== '') return reply.content;
  if (reply.reasoning !== undefined && reply.reasoning.trim() !== '') return reply.reasoning;
  const call = reply.toolCalls?.[0];
  return call !== undefined ? `${call.name}(${call.arguments})` : '(an empty answer)';
}

async function ask(
  router: AgentRouter,
  role: RoleName,
  request: ChatRequest,
  options: { prefer?: string; exclude: string[] },
  signal: AbortSignal | undefined,
  tally: Tally,
): Promise<Asked> {
  // Checked here too: a cancelled run must not start a request, whatever the router would do with it.
  if (signal?.aborted) return { ok: false, error: new RouterError('aborted', role, [], 'cancelled') };
  try {
    const completion = await router.complete(role, request, {
      ...options,
      ...(signal ? { signal } : {}),
    });
    tally.attempts += completion.attempts.length;
    tally.model = completion.key;
    const reply: ModelReply = { content: completion.content, finishReason: completion.finishReason };
    if (completion.reasoning !== undefined) reply.reasoning = completion.reasoning;
    if (completion.toolCalls !== undefined) reply.toolCalls = completion.toolCalls;
    return { ok: true, reply, key: completion.key };
  } catch (error) {
    if (!(error instanceof RouterError)) throw error;
    tally.attempts += error.attempts.length;
    return { ok: false, error };
  }
}

function invalidSummary(count: number, lastError: string): string {
  return `${count} unusable answer${count === 1 ? '' : 's'} (last: ${lastError})`;
}

function provenance(tally: Tally): AgentResult<never>['provenance'] {
  return { model: tally.model, attempts: tally.attempts, invalidAnswers: tally.invalidAnswers };
}

function failed<T>(failure: AgentFailure, reason: string, tally: Tally): AgentResult<T> {
  return { ok: false, failure, reason: shorten(reason, MAX_REASON_CHARS), provenance: provenance(tally) };
}
