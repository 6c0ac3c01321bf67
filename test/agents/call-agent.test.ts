/**
 * The shared discipline of one agent call, against a plain fake router: an answer that cannot be read goes
 * back to the same model once with what was wrong, a reply with nothing usable (cut, empty, a tool call)
 * fails over at once, then the models that answered unusable output are excluded, bounded by `maxModels`;
 * using an answer (the coder's edits) can refuse it the same way; router errors end the call.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callAgent, type AgentCall, type Used } from '../../src/agents/call-agent.ts';
import { correctionMessage } from '../../src/agents/prompts.ts';
import { jsonAnswers, readAnswer, sameJson } from '../../src/agents/read-answer.ts';
import { RouterError } from '../../src/fleet/router-types.ts';
import type { ChatMessage } from '../../src/fleet/types.ts';
import { fakeRouter, lastUser, sequence } from './fake-router.ts';

const schema = z.object({ answer: z.number().int() });
type Answer = z.output<typeof schema>;
const messages: ChatMessage[] = [
  { role: 'system', content: '[keel:planner] rules' },
  { role: 'user', content: 'question' },
];
const KEYS = ['a/m', 'b/m', 'c/m', 'd/m'];

function call(extra: Partial<AgentCall<Answer, unknown>> = {}): AgentCall<Answer, unknown> {
  return {
    role: 'planner',
    request: { messages, json: true, stream: true },
    read: (reply) =>
      readAnswer<Answer>(reply, {
        find: (text) => jsonAnswers(text, ['answer'], schema, (value) => ({ ok: true, value })),
        isExample: () => false,
        same: sameJson,
        noAnswer: 'no JSON answer found',
      }),
    correction: (error) => correctionMessage(error),
    ...extra,
  };
}

describe('callAgent', () => {
  it('returns the first usable answer with the request as given', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": 42}'));
    const result = await callAgent(router, call());
    expect(result).toEqual({
      ok: true,
      value: { answer: 42 },
      provenance: { model: 'a/m', attempts: 1, invalidAnswers: 0 },
      answer: '{"answer": 42}',
    });
    expect(router.calls).toHaveLength(1);
    expect(router.calls[0]!.request).toEqual({ messages, json: true, stream: true });
    expect(router.calls[0]!.role).toBe('planner');
  });

  it('asks the same model once more after an unreadable answer, quoting what was wrong', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": "many"}', '{"answer": 7}'));
    const result = await callAgent(router, call());
    expect(result).toMatchObject({ ok: true, value: { answer: 7 } });
    expect(result.provenance).toEqual({ model: 'a/m', attempts: 2, invalidAnswers: 1 });
    const retry = router.calls[1]!;
    expect(retry.options.prefer).toBe('a/m');
    expect(retry.options.exclude ?? []).toEqual([]);
    // The conversation goes on: the original prompt, the bad answer, and the error; the request is the same.
    expect(retry.request.messages.slice(0, 2)).toEqual(messages);
    expect(retry.request.messages[2]).toEqual({ role: 'assistant', content: '{"answer": "many"}' });
    expect(lastUser(retry)).toContain('`answer`: expected a number, got a string');
    expect(retry.request.json).toBe(true);
  });

  it('fails over at once, without a second turn, when nothing usable came back', async () => {
    const cut = { content: '{"answer": 4', finishReason: 'length' };
    for (const nothing of [
      cut,
      { content: '' },
      { content: '<think>hmm' },
      { content: '', toolCalls: [{ name: 'ls', arguments: '{}' }] },
    ]) {
      const router = fakeRouter(KEYS, (key) => (key === 'a/m' ? nothing : '{"answer": 5}'));
      const result = await callAgent(router, call());
      expect(result, JSON.stringify(nothing)).toMatchObject({ ok: true, value: { answer: 5 } });
      expect(router.calls.map((c) => c.key)).toEqual(['a/m', 'b/m']);
      expect(router.calls[1]!.options).toMatchObject({ exclude: ['a/m'] });
      expect(router.calls[1]!.request.messages).toEqual(messages);
      expect(result.provenance.invalidAnswers).toBe(1);
    }
  });

  it('shows the model where its answer was when it put it in the reasoning, not the content', async () => {
    const router = fakeRouter(
      KEYS,
      sequence({ content: '', reasoning: 'thinking {"answer": "x"}' }, '{"answer": 1}'),
    );
    await callAgent(router, call());
    expect(router.calls[1]!.request.messages[2]).toEqual({
      role: 'assistant',
      content: 'thinking {"answer": "x"}',
    });
  });

  it('truncates a long bad answer in the retry conversation', async () => {
    const long = `{"answer": "${'x'.repeat(50_000)}"}`;
    const router = fakeRouter(KEYS, sequence(long, '{"answer": 1}'));
    await callAgent(router, call());
    const echoed = router.calls[1]!.request.messages[2]!.content;
    expect(echoed.length).toBeLessThanOrEqual(4_000);
    expect(long.startsWith(echoed.slice(0, -1))).toBe(true);
  });

  it('fails over after two unusable answers, excluding the model that gave them', async () => {
    const router = fakeRouter(KEYS, (key) => (key === 'a/m' ? 'Sure! The answer is 42.' : '{"answer": 42}'));
    const result = await callAgent(router, call({ role: 'reviewer' }));
    expect(result).toMatchObject({ ok: true, value: { answer: 42 } });
    expect(result.provenance).toEqual({ model: 'b/m', attempts: 3, invalidAnswers: 2 });
    expect(router.calls.map((c) => c.key)).toEqual(['a/m', 'a/m', 'b/m']);
    const failover = router.calls[2]!;
    expect(failover.options.exclude).toEqual(['a/m']);
    expect(failover.options.prefer).toBeUndefined();
    // From scratch: the failed conversation is not shown to the next model.
    expect(failover.request.messages).toEqual(messages);
  });

  it('excludes both models when the retry landed elsewhere', async () => {
    // The preferred model was taken: the fake serves the retry from b (as a busy router would).
    const router = fakeRouter(KEYS, (key, c) => {
      if (c.options.prefer === 'a/m') c.key = 'b/m';
      return key === 'c/m' ? '{"answer": 3}' : 'nope';
    });
    const result = await callAgent(router, call());
    expect(result).toMatchObject({ ok: true, value: { answer: 3 }, provenance: { model: 'c/m' } });
    expect(router.calls.map((c) => c.key)).toEqual(['a/m', 'b/m', 'c/m']);
    expect(router.calls[2]!.options.exclude).toEqual(['a/m', 'b/m']);
  });

  it('gives up as invalid after maxModels models answered unusable output', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": null}'));
    const result = await callAgent(router, call(), { maxModels: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toBe('invalid');
    expect(result.reason).toMatch(
      /no usable answer from 2 models: 4 unusable answers \(last: `answer`: expected a number, got null\)/,
    );
    expect(result.provenance).toEqual({ model: 'b/m', attempts: 4, invalidAnswers: 4 });
    expect(router.calls.map((c) => c.key)).toEqual(['a/m', 'a/m', 'b/m', 'b/m']);
  });

  it('defaults to three models', async () => {
    const router = fakeRouter(KEYS, sequence('[]'));
    const result = await callAgent(router, call());
    expect(result).toMatchObject({ ok: false, failure: 'invalid' });
    expect(new Set(router.calls.map((c) => c.key))).toEqual(new Set(['a/m', 'b/m', 'c/m']));
  });

  it('reports invalid when every model left answered unusable output', async () => {
    const router = fakeRouter(['a/m', 'b/m'], sequence('prose'));
    const result = await callAgent(router, call());
    expect(result).toMatchObject({ ok: false, failure: 'invalid' });
    if (result.ok) return;
    expect(result.reason).toMatch(/no model left to ask: 4 unusable answers/);
    expect(result.provenance.invalidAnswers).toBe(4);
  });

  it('ends with the router reason when no candidate is left', async () => {
    const exhausted = new RouterError(
      'exhausted',
      'coder',
      [{ key: 'a/m', endpointId: 'a', model: 'm', tier: 1, outcome: 'server_error', latencyMs: 3 }],
      'every candidate failed or is unavailable',
    );
    const router = fakeRouter(KEYS, sequence(exhausted));
    const result = await callAgent(router, call({ role: 'coder' }));
    expect(result).toMatchObject({ ok: false, failure: 'exhausted' });
    if (result.ok) return;
    expect(result.reason).toMatch(/^exhausted: coder: every candidate failed/);
    expect(result.provenance).toEqual({ model: 'none', attempts: 1, invalidAnswers: 0 });
    expect(router.calls).toHaveLength(1);
  });

  it('mentions earlier unusable answers when the router gives up afterwards', async () => {
    const router = fakeRouter(
      KEYS,
      sequence('bad', 'bad', new RouterError('saturated', 'coder', [], 'every candidate stayed busy')),
    );
    const result = await callAgent(router, call());
    expect(result).toMatchObject({ ok: false, failure: 'saturated' });
    if (result.ok) return;
    expect(result.reason).toMatch(/^saturated: .*; before that, 2 unusable answers/);
  });

  it('ends as aborted when the router is cancelled mid-call', async () => {
    const router = fakeRouter(KEYS, sequence('bad', new RouterError('aborted', 'coder', [], 'cancelled')));
    const result = await callAgent(router, call());
    expect(result).toMatchObject({ ok: false, failure: 'aborted', provenance: { invalidAnswers: 1 } });
    if (result.ok) return;
    expect(result.reason).toMatch(/^aborted: /);
  });

  it('asks nothing when the signal is already aborted, and passes the signal on otherwise', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": 1}'));
    const result = await callAgent(router, call(), { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, failure: 'aborted' });
    expect(router.calls).toHaveLength(0);

    const controller = new AbortController();
    await callAgent(router, call(), { signal: controller.signal });
    expect(router.calls[0]!.options.signal).toBe(controller.signal);
  });

  it('stops between attempts when the signal aborts during the call', async () => {
    const controller = new AbortController();
    const router = fakeRouter(KEYS, () => {
      controller.abort();
      return 'bad';
    });
    const result = await callAgent(router, call(), { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, failure: 'aborted' });
    expect(router.calls).toHaveLength(1);
  });

  it('lets a bug (anything but a RouterError) propagate', async () => {
    const router = {
      complete: () => Promise.reject(new TypeError('router is closed')),
    };
    await expect(callAgent(router, call())).rejects.toThrow(TypeError);
  });
});

describe('callAgent using the answer (the coder applying its edits)', () => {
  /** Accepts only even answers; says which one it refused. */
  const even =
    (used: number[]) =>
    async (value: Answer): Promise<Used<string>> => {
      used.push(value.answer);
      return value.answer % 2 === 0
        ? { ok: true, value: `committed ${value.answer}` }
        : { ok: false, error: `${value.answer} is odd`, message: `REFUSED: ${value.answer} is odd` };
    };

  it('resolves with what using the answer gave', async () => {
    const used: number[] = [];
    const router = fakeRouter(KEYS, sequence('{"answer": 2}'));
    const result = await callAgent(router, call({ use: even(used) }));
    expect(result).toMatchObject({ ok: true, value: 'committed 2', provenance: { invalidAnswers: 0 } });
    expect(used).toEqual([2]);
  });

  it('a refused answer goes back to the same model with the refusal, then to the next model', async () => {
    const used: number[] = [];
    const router = fakeRouter(KEYS, (key) => (key === 'a/m' ? '{"answer": 1}' : '{"answer": 4}'));
    const result = await callAgent(router, call({ use: even(used) }));
    expect(result).toMatchObject({
      ok: true,
      value: 'committed 4',
      provenance: { model: 'b/m', invalidAnswers: 2 },
    });
    expect(used).toEqual([1, 1, 4]);
    expect(router.calls.map((c) => [c.key, c.options.prefer])).toEqual([
      ['a/m', undefined],
      ['a/m', 'a/m'],
      ['b/m', undefined],
    ]);
    expect(lastUser(router.calls[1]!)).toBe('REFUSED: 1 is odd');
    expect(router.calls[2]!.options.exclude).toEqual(['a/m']);
  });

  it('a failure that is not the model’s stops the call at once as not_applied', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": 2}'));
    const result = await callAgent(
      router,
      call({
        use: () => Promise.resolve({ ok: false, error: 'ENOSPC: no space left on device', stop: true }),
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      failure: 'not_applied',
      reason: 'ENOSPC: no space left on device',
    });
    expect(router.calls).toHaveLength(1);
  });

  it('uses a seed first, as the answer of its model, and shows that model its refusal', async () => {
    const used: number[] = [];
    const router = fakeRouter(KEYS, sequence('{"answer": 6}'));
    const result = await callAgent(
      router,
      call({ use: even(used), seed: { value: { answer: 3 }, key: 'c/m', content: '{"answer": 3}' } }),
    );
    expect(result).toMatchObject({ ok: true, value: 'committed 6' });
    expect(used).toEqual([3, 6]);
    expect(router.calls).toHaveLength(1);
    expect(router.calls[0]!.options.prefer).toBe('c/m');
    expect(router.calls[0]!.request.messages.slice(2)).toEqual([
      { role: 'assistant', content: '{"answer": 3}' },
      { role: 'user', content: 'REFUSED: 3 is odd' },
    ]);
  });
});
