/**
 * A plain fake of the router for the agent tests: a fixed list of candidate keys, chosen the way the real
 * router does for what the agents rely on (`prefer` first when allowed, `exclude` respected, nothing left →
 * `RouterError('exhausted')`), and a script that answers each call.
 */
import type { RoleName } from '../../src/config/schema.ts';
import { RouterError, type CompleteOptions, type Completion } from '../../src/fleet/router-types.ts';
import type { ChatRequest } from '../../src/fleet/types.ts';

export interface FakeCall {
  role: RoleName;
  request: ChatRequest;
  options: CompleteOptions;
  /** The key the fake chose for this call (undefined when none was left). */
  key?: string;
}

/**
 * A string is the model's content; a RouterError is thrown as the router would; an object is a reply with
 * more than content (a cut at the limit, reasoning, tool calls).
 */
export type FakeAnswer = string | RouterError | FakeReply;

export interface FakeReply {
  content: string;
  finishReason?: string;
  reasoning?: string;
  toolCalls?: { name: string; arguments: string }[];
}

export interface FakeRouter {
  complete(role: RoleName, request: ChatRequest, options?: CompleteOptions): Promise<Completion>;
  calls: FakeCall[];
}

export function fakeRouter(
  keys: string[],
  answer: (key: string, call: FakeCall, index: number) => FakeAnswer,
): FakeRouter {
  const calls: FakeCall[] = [];
  return {
    calls,
    async complete(role, request, options = {}) {
      const call: FakeCall = { role, request, options };
      calls.push(call);
      const excluded = new Set(options.exclude);
      const usable = keys.filter((key) => !excluded.has(key));
      const key =
        options.prefer !== undefined && usable.includes(options.prefer) ? options.prefer : usable[0];
      if (key === undefined) throw new RouterError('exhausted', role, [], 'every candidate is excluded');
      call.key = key;
      const result = answer(key, call, calls.length - 1);
      if (result instanceof RouterError) throw result;
      // A script may move the call elsewhere (`call.key = …`), as a router does when `prefer` is busy.
      const served = call.key;
      const [endpointId = served, model = served] = served.split('/');
      const reply = typeof result === 'string' ? { content: result } : result;
      return {
        content: reply.content,
        ...(reply.reasoning !== undefined ? { reasoning: reply.reasoning } : {}),
        ...(reply.toolCalls !== undefined ? { toolCalls: reply.toolCalls } : {}),
        key: served,
        endpointId,
        model,
        attempts: [{ key: served, endpointId, model, tier: 1, outcome: 'ok', latencyMs: 1 }],
        finishReason: reply.finishReason ?? 'stop',
        waitedMs: 0,
      };
    },
  };
}

/** Answers the n-th call with the n-th entry (the last one repeats). */
export function sequence(
  ...answers: FakeAnswer[]
): (key: string, call: FakeCall, index: number) => FakeAnswer {
  return (_key, _call, index) => answers[Math.min(index, answers.length - 1)]!;
}

/** The user message of a call (the last one: the correction in a retry). */
export function lastUser(call: FakeCall): string {
  return call.request.messages.findLast((message) => message.role === 'user')?.content ?? '';
}
