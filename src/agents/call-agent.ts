/**
 * One agent call, the discipline every agent shares (DESIGN.md, "Agents"):
 *
 *   ask on the chain → parse + validate
 *     invalid → ask the SAME model again (`prefer`), showing it its answer and the validation error
 *       still invalid → fail over: ask from scratch, excluding every model that answered invalid output,
 *                       up to `maxModels` models
 *
 * An invalid answer is a quality failure, not an endpoint failure: the router saw a 200 and counted a
 * success, and nothing here reports otherwise, so breakers and cooldowns stay untouched. A `RouterError`
 * (nothing left to try, cancelled) ends the call with `ok: false` and the router's reason; any other
 * exception is a bug and propagates.
 */
import type { RoleName } from '../config/schema.ts';
import type { Router } from '../fleet/router.ts';
import { RouterError } from '../fleet/router-types.ts';
import { agentRequest } from '../fleet/request-body.ts';
import type { ChatMessage } from '../fleet/types.ts';
import { shorten, type Parsed } from './parse-json.ts';
import { REJECTED_ANSWER_CHARS, correctionMessage } from './prompts.ts';
import type { AgentFailure, AgentResult } from './types.ts';

/** All an agent needs of the router; tests pass a plain function. */
export type AgentRouter = Pick<Router, 'complete'>;

export interface AgentCallOptions {
  signal?: AbortSignal;
  /** How many different models may be asked before the call gives up (each gets one retry). Default 3. */
  maxModels?: number;
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

type Asked = { ok: true; content: string; key: string } | { ok: false; error: RouterError };

export async function callAgent<T>(
  router: AgentRouter,
  role: RoleName,
  messages: ChatMessage[],
  parse: (raw: string) => Parsed<T>,
  opts: AgentCallOptions = {},
): Promise<AgentResult<T>> {
  const maxModels = Math.max(1, Math.floor(opts.maxModels ?? DEFAULT_MAX_MODELS));
  const tally: Tally = { attempts: 0, invalidAnswers: 0, model: NO_MODEL };
  const rejected = new Set<string>();
  let lastError = '';

  const done = (value: T): AgentResult<T> => ({ ok: true, value, provenance: provenance(tally) });
  const routerFailed = (error: RouterError): AgentResult<T> => {
    const invalid = invalidSummary(tally.invalidAnswers, lastError);
    // Nothing was even tried because every model still available had answered invalid output: a quality
    // failure, whatever the router calls it.
    if (error.reason === 'exhausted' && error.attempts.length === 0 && rejected.size > 0) {
      return failed('invalid', `no valid answer, and no model left to ask: ${invalid}`, tally);
    }
    const earlier = tally.invalidAnswers > 0 ? `; before that, ${invalid}` : '';
    return failed(error.reason, `${error.reason}: ${error.message}${earlier}`, tally);
  };

  for (let round = 0; round < maxModels; round++) {
    const first = await ask(router, role, messages, { exclude: [...rejected] }, opts.signal, tally);
    if (!first.ok) return routerFailed(first.error);
    const parsed = parse(first.content);
    if (parsed.ok) return done(parsed.value);
    tally.invalidAnswers++;
    lastError = parsed.error;

    // The same model, shown what it said and what was wrong with it: models fix their own format slips well.
    const retry: ChatMessage[] = [
      ...messages,
      { role: 'assistant', content: shorten(first.content, REJECTED_ANSWER_CHARS) },
      { role: 'user', content: correctionMessage(parsed.error) },
    ];
    const second = await ask(
      router,
      role,
      retry,
      { prefer: first.key, exclude: [...rejected] },
      opts.signal,
      tally,
    );
    if (!second.ok) return routerFailed(second.error);
    const reparsed = parse(second.content);
    if (reparsed.ok) return done(reparsed.value);
    tally.invalidAnswers++;
    lastError = reparsed.error;
    // The preferred model may have been busy or gone, so the retry may have landed elsewhere: exclude both.
    rejected.add(first.key).add(second.key);
  }
  return failed(
    'invalid',
    `no valid answer from ${rejected.size} model${rejected.size === 1 ? '' : 's'}: ${invalidSummary(tally.invalidAnswers, lastError)}`,
    tally,
  );
}

async function ask(
  router: AgentRouter,
  role: RoleName,
  messages: ChatMessage[],
  options: { prefer?: string; exclude: string[] },
  signal: AbortSignal | undefined,
  tally: Tally,
): Promise<Asked> {
  // Checked here too: a cancelled run must not start a request, whatever the router would do with it.
  if (signal?.aborted) return { ok: false, error: new RouterError('aborted', role, [], 'cancelled') };
  try {
    const completion = await router.complete(role, agentRequest(messages), {
      ...options,
      ...(signal ? { signal } : {}),
    });
    tally.attempts += completion.attempts.length;
    tally.model = completion.key;
    return { ok: true, content: completion.content, key: completion.key };
  } catch (error) {
    if (!(error instanceof RouterError)) throw error;
    tally.attempts += error.attempts.length;
    return { ok: false, error };
  }
}

function invalidSummary(count: number, lastError: string): string {
  return `${count} invalid answer${count === 1 ? '' : 's'} (last: ${lastError})`;
}

function provenance(tally: Tally): AgentResult<never>['provenance'] {
  return { model: tally.model, attempts: tally.attempts, invalidAnswers: tally.invalidAnswers };
}

function failed<T>(failure: AgentFailure, reason: string, tally: Tally): AgentResult<T> {
  return { ok: false, failure, reason: shorten(reason, MAX_REASON_CHARS), provenance: provenance(tally) };
}
